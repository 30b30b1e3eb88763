"""Write the English text of one complaint (about 15% of the corpus: expats in Copenhagen)."""

from __future__ import annotations

import random

from training.synth import personal
from training.synth.compose import MAX_WORDS, MIN_WORDS
from training.synth.course import render_mention, render_threat, times_phrase
from training.synth.grammar import Context, expand, sentence
from training.synth.plan import TextPlan
from training.synth.pools import english
from training.synth.slots import english_slots

_FALLBACK_DEPARTMENT = "KFF"


def english_topic(department: str, rng: random.Random) -> tuple[str, str, str, str, str]:
    """(name, thing, decision, office, staff) for a department ("" -> a Borgerservice topic)."""
    topics = english.TOPICS.get(department) or english.TOPICS[_FALLBACK_DEPARTMENT]
    return rng.choice(topics)


def compose_english(plan: TextPlan, rng: random.Random) -> str:
    """The full English text of one complaint."""
    name, thing, decision, office, staff = english_topic(plan.department, rng)
    ctx = Context(english_slots(plan.received, plan.topic.amount))
    ctx.update({"thing": thing, "decision": decision, "office": office, "staff": staff, "topic": name})
    ctx.set("count", lambda r: times_phrase(plan.episode_contacts, r, english=True))
    body: list[str] = []
    if plan.again:
        body.append(expand(rng.choice(english.AGAIN), rng, ctx))
    if plan.style != "webformular":
        body.append(expand(rng.choice(english.INTROS), rng, ctx))
        body += [expand(s, rng, ctx) for s in rng.sample(english.STORY, k=rng.choice((0, 0, 1, 1, 2, 3)))]
    for cause in plan.causes:
        if cause in plan.weak and rng.random() < 0.5:  # a weak label: only its faint hint
            body.append(expand(rng.choice(english.SUBTLE[cause]), rng, ctx))
            continue
        pool = english.CAUSES[cause]
        count = 1 if plan.style == "webformular" or cause in plan.weak else rng.randint(1, 3)
        body += [expand(s, rng, ctx) for s in rng.sample(pool, k=min(count, len(pool)))]
    for cause in plan.extra_mentions:
        pool = english.SUBTLE[cause] if rng.random() < 0.3 else english.CAUSES[cause]
        body.append(expand(rng.choice(pool), rng, ctx))
    for cause in plan.distractors:
        body.insert(rng.randrange(len(body) + 1), expand(rng.choice(english.PASSING[cause]), rng, ctx))
    tail = [expand(rng.choice(english.SIGNALS[g]), rng, ctx) for g in plan.signals]
    if plan.ongoing_mention:
        tail.append(expand(rng.choice(english.ONGOING), rng, ctx))
    tail += [expand(rng.choice(english.COUNTER[g]), rng, ctx) for g in plan.counters]
    if plan.threat:
        tail.append(render_threat(rng, ctx, english=True))
    causes = frozenset(plan.causes + plan.extra_mentions)
    course = [render_mention(m, plan.received, rng, ctx, english=True, causes=causes) for m in plan.course]
    if course and rng.random() < 0.45:  # the course opens the message: "I have now written seven times ..."
        body.insert(1 if body else 0, course.pop(0))
    tail += course
    if plan.style == "vred":
        tail.append(rng.choice(english.ANGER))
    rng.shuffle(tail)
    body += tail
    pd = plan.personal_data
    if "case_number" in pd:
        body.append(f"My case number is {personal.case_number(rng, plan.case_year)}.")
    if "cpr" in pd:
        body.append(f"My CPR number is {personal.cpr_number(rng, plan.persona.birth)}.")
    while len(" ".join(body).split()) < 12:  # short messages still say what they are about
        body.insert(0, expand(rng.choice(english.INTROS), rng, ctx))
    text_body = " ".join(sentence(s) for s in body)
    parts = [] if plan.style == "webformular" else [rng.choice(english.OPENINGS)]
    parts.append(text_body)
    signature = []
    if "signature_name" in pd:
        signature.append(plan.persona.name)
    if "address" in pd:
        signature.append(plan.persona.address)
    if "phone" in pd:
        signature.append(f"Phone: {plan.persona.phone}")
    if "email" in pd:
        signature.append(plan.persona.email)
    if plan.style != "webformular":
        parts.append("\n".join([rng.choice(english.CLOSINGS), *signature]))
    elif signature:
        parts.append(" ".join(signature))
    text = "\n\n".join(p for p in parts if p)
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS])
    while len(text.split()) < MIN_WORDS:
        text = sentence(expand(rng.choice(english.INTROS), rng, ctx)) + " " + text
    return text
