"""Write the Danish text of one complaint from its plan.

A text is assembled from blocks (header, greeting, introduction, background, one passage per
root cause, unlabelled mentions, distractors, relational signals, wishes, sign-off). Each
block draws from large pools and renders cue clauses through generic frames, so a cue shows up
asserted, embedded or denied, and the same sentence rarely repeats across the corpus.
"""

from __future__ import annotations

import random

from training.synth import personal
from training.synth.course import render_mention, render_threat, times_phrase
from training.synth.grammar import Clause, Context, expand, sentence
from training.synth.plan import TextPlan
from training.synth.pools import frames, relation, styles
from training.synth.pools.causes import CUES
from training.synth.pools.topic import Topic
from training.synth.slots import danish_slots
from training.synth.voice import build_voice

NOTE_STYLES = ("telefonnotat", "personligt_notat")
FIRST_PERSON_STYLES = ("rolig", "vred", "paaroerende", "webformular")
# Sentences per labelled cause: (min, max) by style.
_CAUSE_SENTENCES = {
    "rolig": (2, 4),
    "vred": (1, 3),
    "paaroerende": (2, 4),
    "telefonnotat": (1, 2),
    "advokat": (2, 4),
    "webformular": (1, 1),
    "personligt_notat": (1, 2),
}
_BACKGROUND = {
    "rolig": (1, 3),
    "vred": (0, 2),
    "paaroerende": (2, 3),
    "telefonnotat": (1, 2),
    "advokat": (1, 3),
    "webformular": (0, 1),
    "personligt_notat": (1, 2),
}
# Neutral story sentences (chronology) and consequences, by style: (min, max).
_STORY = {"rolig": (2, 6), "vred": (0, 3), "paaroerende": (2, 6), "advokat": (1, 3), "telefonnotat": (0, 1)}
_CONSEQUENCES = {"rolig": (0, 2), "vred": (0, 2), "paaroerende": (1, 2), "telefonnotat": (0, 1)}
MAX_WORDS = 600
MIN_WORDS = 15


def _context(plan: TextPlan, rng: random.Random) -> tuple[Context, str]:
    topic = plan.topic
    writer_female = plan.persona.female
    voice, owner_noun = build_voice(
        plan.style, plan.owner_kind, female_writer=writer_female, female_owner=plan.female_owner, rng=rng
    )
    ctx = Context(voice)
    ctx.update(danish_slots(plan.received, topic.amount))
    ctx.set("antal_gange", lambda r: times_phrase(plan.episode_contacts, r, english=False))
    staff = rng.choice(topic.staff)
    others = [s for s in topic.staff if s != staff] or [staff]
    staff2 = rng.choice(others)
    if "staff_name" in plan.personal_data:
        name = personal.person_name(rng, foreign=rng.random() < 0.15, full=rng.random() < 0.6)
        ctx.set("sb", (staff, staff, name))
        ctx.set("sb2", (f"{staff2} {name.split()[0]}" if rng.random() < 0.5 else staff2,))
    else:
        ctx.set("sb", staff)
        ctx.set("sb2", staff2)
    office = rng.choice(topic.offices)
    other_offices = [o for o in topic.offices if o != office] or ["forvaltningen"]
    ctx.update(
        {
            "kontor": office,
            "kontor2": rng.choice(other_offices),
            "emne": topic.name,
            "ans": topic.ans,
            "afg": topic.afg,
            "ydelse": topic.ydelse,
            "doc": topic.docs,
            "meeting": topic.meetings,
            "promise": topic.promises,
            "promise_inf": tuple(p.removeprefix("at ") for p in topic.promises),
            "klageinstans": topic.appeal or "ledelsen i {kontor}",
        }
    )
    intro = owner_noun
    if owner_noun and "other_name" in plan.personal_data:
        child_name = personal.person_name(rng, foreign=plan.persona.foreign_name, full=False)
        intro = f"{owner_noun} {child_name}"
    ctx.set("EO_intro", _owner_intro(plan, intro, rng) if intro else "mig")
    ctx.set("relation_role", ctx.raw("relation_role", rng) if "relation_role" in voice else "pårørende")
    return ctx, intro


def _owner_intro(plan: TextPlan, noun: str, rng: random.Random) -> str:
    kind = plan.owner_kind
    if kind == "parent":
        extra = rng.choice(
            ("som er [84|87|90|92] år", "som bor alene", "som har demens", "som bor på plejehjem")
        )
    elif kind == "child":
        extra = rng.choice(
            (
                "som er [6|8|9|11|13|15] år",
                "som går i skole på Amager",
                "som har ADHD",
                "som har det meget svært",
            )
        )
    elif kind == "adult_child":
        extra = rng.choice(
            ("som er [23|27|31|38] år og har et handicap", "som bor på et bosted", "som har autisme")
        )
    else:
        extra = rng.choice(("som er syg", "som ikke selv kan overskue det"))
    return f"{noun}, {extra}"


def _render_clause(clause: Clause, frame: str, rng: random.Random, ctx: Context) -> str:
    parts: dict[str, str] = {}
    if "{main}" in frame:
        parts["main"] = clause.main()
    if "{sub}" in frame:
        parts["sub"] = clause.sub()
    if "{inv}" in frame:
        parts["inv"] = clause.inverted(rng.choice(frames.FRONTS))
    if "{inv_ifolge}" in frame:
        parts["inv_ifolge"] = clause.inverted("")
    text = frame
    for key, value in parts.items():
        text = text.replace("{" + key + "}", value)
    return sentence(expand(text, rng, ctx))


def _cue_sentence(cause: str, plan: TextPlan, rng: random.Random, ctx: Context) -> str:
    """One sentence that expresses `cause` (asserted)."""
    cues = CUES[cause]
    roll = rng.random()
    formal_share = 0.4 if plan.style == "advokat" else 0.03
    if roll < formal_share:
        return sentence(expand(rng.choice(cues.formal), rng, ctx))
    if cause == "afgoerelsens_indhold" and rng.random() < 0.55:
        return sentence(expand(rng.choice(plan.topic.outcomes), rng, ctx))
    if rng.random() < 0.5:
        frame_pool = frames.NOTE if plan.style in NOTE_STYLES else frames.ASSERT
        return _render_clause(rng.choice(cues.clauses), rng.choice(frame_pool), rng, ctx)
    return sentence(expand(rng.choice(cues.sentences), rng, ctx))


def _distractor(cause: str, plan: TextPlan, rng: random.Random, ctx: Context) -> str:
    """The cause denied, mentioned in passing, or quoted from a resolved past: its cues without its label."""
    cues = CUES[cause]
    roll = rng.random()
    if roll < 0.3 and plan.style in FIRST_PERSON_STYLES:
        quoted = sentence(expand(rng.choice(cues.sentences + cues.subtle), rng, ctx))
        ctx.set("quote", quoted)
        return sentence(expand(rng.choice(frames.QUOTE_PAST), rng, ctx))
    if roll < 0.65:
        return _render_clause(rng.choice(cues.clauses), rng.choice(frames.DENY), rng, ctx)
    return sentence(expand(rng.choice(cues.passing), rng, ctx))


def _passage(cause: str, plan: TextPlan, rng: random.Random, ctx: Context) -> list[str]:
    if cause in plan.weak:
        # a weakly expressed label: its own faint hint, or only a vague complaint that fits any cause
        pool = CUES[cause].subtle if rng.random() < 0.5 else styles.VAGUE
        return [sentence(expand(rng.choice(pool), rng, ctx))]
    low, high = _CAUSE_SENTENCES[plan.style]
    out: list[str] = []
    for _ in range(rng.randint(low, high)):
        for _attempt in range(3):  # avoid saying the same thing twice in one passage
            candidate = _cue_sentence(cause, plan, rng, ctx)
            if not any(candidate[-30:] == earlier[-30:] for earlier in out):
                out.append(candidate)
                break
    if cause == "medarbejderadfaerd" and rng.random() < 0.3:
        # praise of one employee beside the blame of another
        out.insert(
            rng.randrange(len(out) + 1), sentence(expand(rng.choice(CUES[cause].passing[:1]), rng, ctx))
        )
    return out


def _signals(plan: TextPlan, rng: random.Random, ctx: Context) -> list[str]:
    out = [sentence(expand(rng.choice(relation.SIGNALS[group]), rng, ctx)) for group in plan.signals]
    if plan.ongoing_mention:
        pool = relation.ONGOING + relation.ONGOING_BY_OWNER.get(plan.owner_kind, ())
        out.append(sentence(expand(rng.choice(pool), rng, ctx)))
    if plan.threat:
        out.append(render_threat(rng, ctx, english=False))
    out += [sentence(expand(rng.choice(relation.COUNTER[group]), rng, ctx)) for group in plan.counters]
    rng.shuffle(out)
    return out


def _course(plan: TextPlan, rng: random.Random, ctx: Context) -> list[str]:
    """The contact course as the writer tells it (consistent with the contact history)."""
    note = plan.style in NOTE_STYLES
    causes = frozenset(plan.causes + plan.extra_mentions)
    return [
        render_mention(m, plan.received, rng, ctx, english=False, causes=causes, note=note)
        for m in plan.course
    ]


def _background(plan: TextPlan, rng: random.Random, ctx: Context, *, long_text: bool) -> list[str]:
    low, high = _BACKGROUND[plan.style]
    topic: Topic = plan.topic
    pool = list(topic.background) + list(topic.details)
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(low, high)))
    low, high = _STORY.get(plan.style, (0, 0))
    if long_text:  # the long, detailed letters some citizens write
        low, high = 2 * low + 2, 2 * high + 2
    chosen += rng.sample(styles.CHRONOLOGY, k=rng.randint(low, high))
    low, high = _CONSEQUENCES.get(plan.style, (0, 0))
    chosen += rng.sample(styles.CONSEQUENCES, k=rng.randint(low, high))
    return [sentence(expand(t, rng, ctx)) for t in chosen]


def _body(plan: TextPlan, rng: random.Random, ctx: Context) -> list[list[str]]:
    """Paragraphs of sentences: the story, the causes, the relationship."""
    paragraphs: list[list[str]] = []
    long_text = plan.style in ("rolig", "paaroerende", "advokat") and rng.random() < 0.15
    story = _background(plan, rng, ctx, long_text=long_text)
    passages = [_passage(c, plan, rng, ctx) for c in plan.causes]
    if long_text:
        passages += [[_cue_sentence(c, plan, rng, ctx)] for c in plan.causes if c not in plan.weak]
    for cause in plan.extra_mentions:
        if rng.random() < 0.3:  # an unlabelled cause can also show only faintly
            mention = sentence(expand(rng.choice(CUES[cause].subtle), rng, ctx))
        else:
            mention = _cue_sentence(cause, plan, rng, ctx)
        passages.insert(rng.randrange(len(passages) + 1), [mention])
    for cause in plan.distractors:
        passages.insert(rng.randrange(len(passages) + 1), [_distractor(cause, plan, rng, ctx)])
    if "other_name" in plan.personal_data and plan.owner_kind == "self":
        name = personal.person_name(rng, foreign=plan.persona.foreign_name)
        story.append(
            sentence(
                expand(
                    f"[{{P}} søster|{{P}} nabo|{{P}} veninde|{{P}} bisidder|{{P}} kæreste] {name} "
                    "[var med til mødet|kan bekræfte det|har hjulpet med at skrive]",
                    rng,
                    ctx,
                )
            )
        )
    course = _course(plan, rng, ctx)
    if course and rng.random() < 0.45:  # the course opens the letter: "Jeg har nu skrevet syv gange ..."
        story.insert(0, course.pop(0))
    if story:
        paragraphs.append(story)
    if plan.style in ("vred",):
        for passage in passages:
            if rng.random() < 0.35:
                passage.append(rng.choice(styles.ANGER))
    paragraphs += passages
    tail = _signals(plan, rng, ctx) + course
    rng.shuffle(tail)
    if tail:
        paragraphs.append(tail)
    return paragraphs


def _header(plan: TextPlan, rng: random.Random, ctx: Context) -> list[str]:
    lines: list[str] = []
    pd = plan.personal_data
    if "case_number" in pd and rng.random() < 0.6:
        lines.append(
            rng.choice(("Sagsnr.: ", "Sagsnummer ", "J.nr. ", "Vedr. sag "))
            + personal.case_number(rng, plan.case_year)
        )
    if "cpr" in pd and rng.random() < 0.5:
        lines.append(rng.choice(("CPR: ", "Cpr.nr. ", "CPR-nr.: ", "cpr ")) + _cpr(plan, rng))
    return lines


def _cpr(plan: TextPlan, rng: random.Random) -> str:
    return personal.cpr_number(rng, plan.persona.birth)


def _inline_personal(plan: TextPlan, rng: random.Random, used_header: str) -> list[str]:
    """Personal data written into the running text (when not already in header or signature)."""
    pd = plan.personal_data
    out: list[str] = []
    if "case_number" in pd and "Sag" not in used_header and "J.nr" not in used_header:
        phrase = rng.choice(
            (
                "Det drejer sig om sagsnummer {}.",
                "Sagsnummeret er {}.",
                "(sagsnr. {})",
                "Min sag har nummer {}.",
                "Journalnummer: {}",
                "Sagen har nummer {} hos jer.",
            )
        )
        out.append(phrase.format(personal.case_number(rng, plan.case_year)))
    if "cpr" in pd and "pr" not in used_header.lower():
        out.append(
            rng.choice(("Mit cpr-nummer er {}.", "Mit CPR nr: {}", "(CPR {})")).format(_cpr(plan, rng))
        )
    return out


def _signature(plan: TextPlan, rng: random.Random) -> list[str]:
    pd = plan.personal_data
    lines: list[str] = []
    if "signature_name" in pd:
        lines.append(plan.persona.name if rng.random() < 0.8 else plan.persona.name.split()[0])
    if "address" in pd:
        lines.append(plan.persona.address)
    if "phone" in pd:
        lines.append(rng.choice(("Tlf. ", "Tlf.: ", "Mobil: ", "", "tlf ")) + plan.persona.phone)
    if "email" in pd:
        lines.append(plan.persona.email)
    return lines


def compose_danish(plan: TextPlan, rng: random.Random) -> str:
    """The full Danish text of one complaint."""
    ctx, _ = _context(plan, rng)
    if plan.style in NOTE_STYLES:
        return _compose_note(plan, rng, ctx)
    if plan.style == "advokat":
        return _compose_advocate(plan, rng, ctx)
    header = _header(plan, rng, ctx)
    body = _body(plan, rng, ctx)
    inline = _inline_personal(plan, rng, " ".join(header))
    if plan.style == "webformular":
        sentences = [s for para in body for s in para] + inline
        if plan.again:
            sentences.insert(0, sentence(expand(rng.choice(styles.AGAIN), rng, ctx)))
        prefix = expand(rng.choice(styles.WEBFORM_PREFIXES), rng, ctx)
        lines = ([prefix] if prefix else []) + [" ".join(sentences)]
        if {"signature_name", "phone", "email", "address"} & plan.personal_data:
            lines.append(" ".join(_signature(plan, rng)))
        return _fit("\n".join(header + lines), plan, rng, ctx)
    greeting_pool = styles.GREETINGS.get(plan.style, styles.GREETINGS["rolig"])
    intro_pool = styles.INTROS.get(plan.style, styles.INTROS["rolig"])
    greeting = rng.choice(greeting_pool)
    intro = sentence(expand(rng.choice(intro_pool), rng, ctx))
    if body:
        body[0].insert(0, intro)
    else:
        body = [[intro]]
    if plan.again:
        body[0].insert(0 if rng.random() < 0.6 else 1, sentence(expand(rng.choice(styles.AGAIN), rng, ctx)))
    if inline:
        body[0] += inline
    closing_para = [sentence(expand(rng.choice(styles.WISHES), rng, ctx))]
    if plan.style == "rolig" and rng.random() < 0.5:
        closing_para.insert(0, rng.choice(styles.POLITE))
    body.append(closing_para)
    parts = header + ([f"{greeting}" + ("," if greeting and rng.random() < 0.6 else "")] if greeting else [])
    parts += [" ".join(para) for para in body]
    closing = rng.choice(styles.CLOSINGS.get(plan.style, styles.CLOSINGS["rolig"]))
    signature = _signature(plan, rng)
    if closing or signature:
        parts.append("\n".join(([closing] if closing else []) + signature))
    return _fit("\n\n".join(parts), plan, rng, ctx)


def _compose_note(plan: TextPlan, rng: random.Random, ctx: Context) -> str:
    lines = [expand(rng.choice(styles.NOTE_HEADERS[plan.style]), rng, ctx)]
    header = _header(plan, rng, ctx)
    if "cpr" in plan.personal_data and not any("pr" in line.lower() for line in header):
        header.append(
            rng.choice(("CPR: ", "Cpr.nr. ", "CPR-nr.: ")) + _cpr(plan, rng)
        )  # notes name the citizen
    lines += header
    if plan.again:
        lines.append(sentence(expand(rng.choice(styles.AGAIN_NOTE), rng, ctx)))
    lines.append(sentence(expand(rng.choice(styles.NOTE_OPENINGS[plan.style]), rng, ctx)))
    for para in _body(plan, rng, ctx):
        lines.append(" ".join(para))
    if rng.random() < 0.6:
        lines.append(expand(rng.choice(styles.NOTE_OBSERVATIONS), rng, ctx))
    if "phone" in plan.personal_data:
        lines.append(
            rng.choice(("Borger kan træffes på ", "Tlf.: ", "Ring tilbage på ")) + plan.persona.phone
        )
    lines.append(expand(rng.choice(styles.NOTE_ACTIONS), rng, ctx))
    if rng.random() < 0.35:
        lines.append(rng.choice(styles.NOTE_GUIDANCE))
    if rng.random() < 0.5:
        lines.append(f"/{rng.choice('ABCDEFGHIJKLMNOPRSTUV')}{rng.choice('ABCDEFGHIJKLMNOPRSTUV')}")
    return _fit("\n".join(lines), plan, rng, ctx)


def _compose_advocate(plan: TextPlan, rng: random.Random, ctx: Context) -> str:
    client = (
        plan.persona.name if "signature_name" in plan.personal_data or rng.random() < 0.5 else "min klient"
    )
    ctx.set("klient_navn", client)
    ctx.set("klient_navn_kort", client.split()[0] if client != "min klient" else "klienten")
    lines = [expand(rng.choice(styles.GREETINGS["advokat"]), rng, ctx)]
    lines.append(expand(rng.choice(styles.ADVOCATE_SUBJECTS), rng, ctx))
    header = _header(plan, rng, ctx)
    lines += header
    body = _body(plan, rng, ctx)
    intro = sentence(expand(rng.choice(styles.ADVOCATE_INTROS), rng, ctx))
    lines.append(intro + " " + " ".join(_inline_personal(plan, rng, " ".join(header))))
    lines += [" ".join(para) for para in body]
    lines.append(" ".join(rng.sample(styles.ADVOCATE_REQUESTS, k=2)))
    lawyer = personal.person_name(rng, foreign=rng.random() < 0.1)
    lines.append(rng.choice(styles.CLOSINGS["advokat"]) + "\n" + lawyer)
    return _fit("\n\n".join(line.strip() for line in lines if line.strip()), plan, rng, ctx)


def _fit(text: str, plan: TextPlan, rng: random.Random, ctx: Context) -> str:
    """Keep a text within 15..600 words: drop middle sentences, or add a short one."""
    words = text.split()
    if len(words) > MAX_WORDS:
        paragraphs = text.split("\n")
        while len(" ".join(paragraphs).split()) > MAX_WORDS and len(paragraphs) > 2:
            longest = max(range(1, len(paragraphs) - 1), key=lambda i: len(paragraphs[i]))
            sentences_ = paragraphs[longest].split(". ")
            if len(sentences_) > 1:
                sentences_.pop(rng.randrange(len(sentences_)))
                paragraphs[longest] = ". ".join(sentences_)
            else:
                paragraphs.pop(longest)
        text = "\n".join(paragraphs)
        if len(text.split()) > MAX_WORDS:
            text = " ".join(text.split()[:MAX_WORDS])
    while len(text.split()) < MIN_WORDS:
        text += " " + sentence(expand(rng.choice(styles.WISHES), rng, ctx))
    return text
