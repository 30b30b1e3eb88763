"""Build the synthetic corpus: citizens, complaints with texts and labels, contact histories."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

import numpy as np

from training.synth import params as p
from training.synth.calendar import DaySampler, clock_minutes, local_datetime
from training.synth.causes import sample_causes, sample_distractor, sample_secondary
from training.synth.citizens import Citizen, complaint_days, make_citizens
from training.synth.compose import compose_danish
from training.synth.compose_en import compose_english
from training.synth.contacts import ComplaintMoment, ContactEvent, ContactWriter
from training.synth.course import choose_mentions, course_facts, threat
from training.synth.grammar import pick_weighted
from training.synth.mediation import Latent, draw_latent, sigmoid, text_expression
from training.synth.noise import add_typos, casual, ocr_damage, without_aeoeaa
from training.synth.plan import TextPlan
from training.synth.pools.topic import Topic
from training.synth.pools.topics import ALL_TOPICS, TOPICS
from training.synth.records import Corpus, SynthComplaint

_ENGLISH_STYLES = {"rolig": 0.45, "vred": 0.2, "webformular": 0.35}
_ENGLISH_CHANNELS = {
    "rolig": {"email": 0.8, "digital_post": 0.2},
    "vred": {"email": 0.8, "webformular": 0.2},
    "webformular": {"webformular": 1.0},
}
# Personal data depends on the kind of text: web forms rarely carry a signature, notes no e-mail.
_PD_STYLE_FACTOR = {
    "webformular": {"signature_name": 0.4, "address": 0.5, "staff_name": 0.6},
    "telefonnotat": {"signature_name": 0.0, "email": 0.2, "phone": 2.0},
    "personligt_notat": {"signature_name": 0.0, "email": 0.2},
    "advokat": {"signature_name": 2.4, "cpr": 2.5, "case_number": 3.0},
    "paaroerende": {"other_name": 3.0, "signature_name": 1.4},
    "rolig": {"signature_name": 1.5},
}

Progress = Callable[[int], None]


def _personal_kinds(rng: random.Random, style: str) -> frozenset[str]:
    factors = _PD_STYLE_FACTOR.get(style, {})
    return frozenset(
        kind
        for kind, rate in p.PERSONAL_DATA_RATES.items()
        if rng.random() < min(0.95, rate * factors.get(kind, 1))
    )


def _owner(rng: random.Random, topic: Topic, style: str) -> str:
    others = [o for o in topic.owners if o != "self"]
    if "self" not in topic.owners:
        return rng.choice(others)
    if style == "paaroerende":
        return rng.choice(others) if others else "spouse"
    if others and rng.random() < 0.25:
        return rng.choice(others)
    return "self"


class _CitizenState:
    """What stays the same across one citizen's complaints (their case per department)."""

    def __init__(self) -> None:
        self.topics: dict[str, Topic] = {}


def _pick_department(rng: random.Random, citizen: Citizen, first: bool) -> str:
    if first or rng.random() < p.SAME_DEPARTMENT_AGAIN:
        return citizen.department
    return pick_weighted(rng, dict(p.DEPARTMENT_SHARES))


def _pick_topic(rng: random.Random, department: str, state: _CitizenState) -> Topic:
    known = state.topics.get(department)
    if known is not None and rng.random() < 0.7:
        return known
    topic = rng.choice(TOPICS[department]) if department else rng.choice(ALL_TOPICS)
    state.topics[department] = topic
    return topic


@dataclass(slots=True)
class _Draft:
    """A complaint before its text: what the contact process needs, and the rest of its plan."""

    rng: random.Random
    citizen: Citizen
    department: str
    topic: Topic
    rate_department: str
    causes: tuple[str, ...]
    latent: Latent
    style: str
    channel: str
    received: datetime


def _draft(rng: random.Random, citizen: Citizen, day_index: int, day: date, state: _CitizenState) -> _Draft:
    department = _pick_department(rng, citizen, first=day_index == 0)
    topic = _pick_topic(rng, department, state)
    rate_department = department or topic.department
    causes = sample_causes(rng, rate_department, citizen.intensity)
    latent = draw_latent(
        rng,
        citizen_intensity=citizen.intensity,
        citizen_contact=citizen.contact_trait,
        causes=causes,
        ongoing_rate=topic.ongoing,
        has_appeal_body=bool(topic.appeal),
        earlier=day_index,
    )
    if citizen.english:
        style = pick_weighted(rng, _ENGLISH_STYLES)
        channel = pick_weighted(rng, _ENGLISH_CHANNELS[style])
    else:
        style = pick_weighted(rng, {k: v[0] for k, v in p.STYLES.items()})
        channel = pick_weighted(rng, p.STYLES[style][1])
    received = local_datetime(day, clock_minutes(rng, channel), rng.randrange(60))
    return _Draft(rng, citizen, department, topic, rate_department, causes, latent, style, channel, received)


def _complaint(draft: _Draft, history: list[ContactEvent]) -> SynthComplaint:
    """Write the text of a drafted complaint; `history` is the citizen's whole contact history."""
    rng, citizen, latent, causes = draft.rng, draft.citizen, draft.latent, draft.causes
    style, channel, received, rate_department = (
        draft.style,
        draft.channel,
        draft.received,
        draft.rate_department,
    )
    weak = frozenset(c for c in causes if rng.random() < p.WEAK_EXPRESSION_RATE)
    extra: tuple[str, ...] = ()
    while len(extra) < 2 and rng.random() < p.UNLABELLED_MENTION_RATE:
        extra += (sample_secondary(rng, rate_department, causes + extra),)
    distractors: tuple[str, ...] = ()
    if rng.random() < p.CAUSE_DISTRACTOR_RATE:
        distractors = (sample_distractor(rng, rate_department, causes + extra),)
        if rng.random() < 0.2:
            distractors += (sample_distractor(rng, rate_department, causes + extra + distractors),)
    signals, ongoing_mention, counters = text_expression(rng, latent)
    facts = course_facts(history, received)
    course = choose_mentions(rng, latent, facts, style)
    owner = _owner(rng, draft.topic, style)
    plan = TextPlan(
        received=received.date(),
        department=draft.department,
        topic=draft.topic,
        causes=causes,
        weak=weak,
        extra_mentions=extra,
        distractors=distractors,
        style=style,
        english=citizen.english,
        owner_kind=owner,
        female_owner=rng.random() < 0.5,
        signals=signals,
        ongoing_mention=ongoing_mention,
        counters=counters,
        course=course,
        threat=threat(rng, latent, facts),
        episode_contacts=facts.total,
        persona=citizen.persona,
        personal_data=_personal_kinds(rng, style),
        case_year=max(2019, received.year - rng.choice((0, 0, 1, 2))),
        again=latent.earlier > 0 and rng.random() < sigmoid(p.AGAIN_BASE + p.AGAIN_CONTACT * latent.contact),
    )
    text = compose_english(plan, rng) if citizen.english else compose_danish(plan, rng)
    text, typos = add_typos(text, rng, p.TYPO_RATE_PER_WORD.get(style, 0.005))
    if style == "webformular" and rng.random() < 0.5:
        text = casual(text, rng)
    if citizen.no_aeoeaa:
        text = without_aeoeaa(text)
    ocr = channel == "brev" and not citizen.english and rng.random() < p.OCR_SHARE_OF_LETTERS
    if ocr:
        text = ocr_damage(text, rng, strength=rng.uniform(0.4, 1.0))
    return SynthComplaint(
        complaint_id="",
        received_at=received,
        citizen_id=citizen.pseudonym,
        forvaltning=draft.department or None,
        channel=channel,
        text=text,
        root_causes=causes,
        mediation_potential=latent.label,
        latent=latent,
        topic=draft.topic.code,
        style=style,
        english=citizen.english,
        personal_data=plan.personal_data,
        no_aeoeaa=citizen.no_aeoeaa,
        ocr=ocr,
        typos=typos,
        weak=weak,
        extra_mentions=extra,
        distractors=distractors,
        course=course,
    )


def build_corpus(complaints: int, seed: int, progress: Progress | None = None) -> Corpus:
    """The whole corpus in memory; deterministic for a given (complaints, seed)."""
    population_seq, days_seq, contact_seq = np.random.SeedSequence(seed).spawn(3)
    sampler = DaySampler()
    persona_rng = random.Random(seed * 7919 + 17)
    citizens = make_citizens(np.random.default_rng(population_seq), persona_rng, complaints, sampler)
    days = complaint_days(np.random.default_rng(days_seq), citizens, sampler)
    writer = ContactWriter(random.Random(int(contact_seq.generate_state(1)[0])), sampler)
    made: list[SynthComplaint] = []
    contacts: list[ContactEvent] = []
    for index, citizen in enumerate(citizens):
        # Contacts first (the whole history of the citizen), then the texts, which tell that history.
        state = _CitizenState()
        drafts = []
        history: list[ContactEvent] = []
        for j, day in enumerate(days[index]):
            rng = random.Random(seed * 10**12 + index * 10**5 + j)
            draft = _draft(rng, citizen, j, day, state)
            drafts.append(draft)
            history += writer.around_complaint(
                citizen, ComplaintMoment(0, draft.received, draft.department, draft.channel, draft.latent)
            )
        history += writer.background(citizen)
        for draft in drafts:
            made.append(_complaint(draft, history))
            if progress is not None:
                progress(1)
        contacts += history
    made.sort(key=lambda c: (c.received_at, c.citizen_id))
    width = max(6, len(str(len(made))))
    numbered = [replace(c, complaint_id=f"c-{i:0{width}d}") for i, c in enumerate(made, start=1)]
    contacts.sort(key=lambda e: (e.occurred_at, e.citizen_id, e.kind, e.recipient))
    pseudonyms = {c.citizen_id for c in numbered} | {e.citizen_id for e in contacts}
    return Corpus(numbered, contacts, len(pseudonyms))
