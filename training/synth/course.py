"""The complaint course as the citizen tells it: how often they wrote, called, chased and escalated.

The facts come from the citizen's own generated contact history before the complaint (so the
text and `contacts.csv` agree), the choice of what to tell from the latent components (a citizen
caught in a long conflict tells the course more often and more insistently; an angry one-off
still says that they called three times), and the numbers from memory: small counts exactly,
larger ones rounded, as a floor ("mindst ti gange") or not at all ("utallige gange").

Every numbered mention keeps the true count beside the claimed one (`Mention`), so tests can
check that the text and the contact history agree.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from signals.schema import MAYOR
from training.synth import params as p
from training.synth.contacts import ContactEvent
from training.synth.grammar import Context, expand, sentence
from training.synth.mediation import Latent, sigmoid
from training.synth.pools.course import (
    DA,
    DA_ABOUT,
    DA_AT_LEAST,
    DA_MANY,
    DA_NOUNS,
    DA_ORDINALS,
    DA_THREAT,
    EN,
    EN_ABOUT,
    EN_AT_LEAST,
    EN_MANY,
    EN_NOUNS,
    EN_NUMBERS,
    EN_ORDINALS,
    EN_THREAT,
)
from training.synth.slots import MONTHS_DA, MONTHS_EN, number_da

WRITTEN_CHANNELS = frozenset({"email", "brev", "digital_post", "webformular"})
EPISODE_DAYS = 120  # the window a citizen means by "lately" (the pre-complaint episode)
MAYOR_DAYS = 365
COMPLAINT_DAYS = 730

# kind -> salience when the fact is available (how likely a citizen picks it to tell)
_SALIENCE = {
    "mayor": 3.0,
    "complaints": 2.0,
    "chasers": 2.0,
    "written": 2.0,
    "calls": 2.0,
    "total": 1.6,
    "meetings": 0.8,
    "since": 0.8,
}
# a fact is available when its count reaches this
_MINIMUM = {
    "mayor": 1,
    "complaints": 1,
    "chasers": 2,
    "written": 2,
    "calls": 2,
    "total": 3,
    "meetings": 1,
    "since": 3,
}
COURSE_TRIES = 3


@dataclass(frozen=True, slots=True)
class CourseFacts:
    """Counts of the citizen's contacts strictly before the complaint (see the window constants)."""

    written: int  # e-mails, letters, digital post, web forms to a department or the advisor, 120 days
    calls: int  # phone calls in those 120 days
    chasers: int  # of which chasers (rykker)
    meetings: int  # meetings in those 120 days
    total: int  # every contact but the mayor's in those 120 days
    mayor: int  # contacts to the mayor in the 365 days before
    complaints: int  # earlier complaints (kind klage to a department or the advisor), 730 days
    first: date | None  # the day of the earliest contact in the 120 days

    def count(self, kind: str) -> int:
        if kind == "since":
            return self.total
        value: int = getattr(self, kind)
        return value


@dataclass(frozen=True, slots=True)
class Mention:
    """One fact of the course told in the text.

    `bound` says how the claim relates to the truth: `exact` (claimed == true), `about`
    (within a quarter, at least one), `at_least` (claimed < true: "mindst", "over"), `many`
    (no number: "utallige gange"; only for large counts), `vague` (no number, any count >= 1).
    """

    kind: str
    true: int
    claimed: int | None
    bound: str
    since: date | None = None


def course_facts(history: Sequence[ContactEvent], received: datetime) -> CourseFacts:
    """Facts of `history` (one citizen's contacts, any order) strictly before `received`."""
    episode = received - timedelta(days=EPISODE_DAYS)
    mayor_from = received - timedelta(days=MAYOR_DAYS)
    complaint_from = received - timedelta(days=COMPLAINT_DAYS)
    written = calls = chasers = meetings = total = mayor = complaints = 0
    first: datetime | None = None
    for e in history:
        at = e.occurred_at
        if at >= received:
            continue
        if e.recipient == MAYOR:
            mayor += at >= mayor_from
            continue
        if e.kind == "klage":
            complaints += at >= complaint_from
        if at < episode:
            continue
        total += 1
        first = at if first is None or at < first else first
        if e.kind == "moede":
            meetings += 1
            continue
        chasers += e.kind == "rykker"
        if e.channel == "telefon":
            calls += 1
        elif e.channel in WRITTEN_CHANNELS:
            written += 1
    return CourseFacts(
        written, calls, chasers, meetings, total, mayor, complaints, first.date() if first else None
    )


def remember(n: int, rng: random.Random) -> tuple[int | None, str]:
    """How a citizen states a count of `n`: (claimed number or None, bound)."""
    if n <= 3:
        return n, "exact"
    roll = rng.random()
    if n <= 8:
        if roll < 0.6:
            return n, "exact"
        if roll < 0.8:
            return n + rng.choice((-1, 1)), "about"
        return n - 1 if n <= 5 else 5, "at_least"
    if roll < 0.25:
        return n, "exact"
    if roll < 0.55:
        floor = 5 * ((n - 1) // 5) if n > 10 else n - 1
        return floor, "at_least"
    if roll < 0.85:
        near = 5 * round(n / 5)
        return (near if abs(near - n) <= max(1, round(0.25 * n)) else n), "about"
    return None, "many"


def choose_mentions(
    rng: random.Random, latent: Latent, facts: CourseFacts, style: str
) -> tuple[Mention, ...]:
    """Which facts of the course the text tells, drawn from the latent and the facts themselves."""
    push = (
        p.COURSE_BASE
        + p.COURSE_CONTACT * latent.contact
        + p.COURSE_INTENSITY * latent.intensity
        + p.COURSE_TEXT * latent.text
        + p.COURSE_STYLE.get(style, 0.0)
        + p.COURSE_VOLUME * math.log1p(facts.total + 2 * facts.mayor)
    )
    p_tell = sigmoid(push)
    available = {k: w for k, w in _SALIENCE.items() if facts.count(k) >= _MINIMUM[k]}
    if not available:
        return ()
    told: list[Mention] = []
    for _ in range(COURSE_TRIES):
        if not available or rng.random() >= p_tell:
            continue
        kinds = list(available)
        kind = rng.choices(kinds, weights=[available[k] for k in kinds], k=1)[0]
        del available[kind]
        n = facts.count(kind)
        if kind == "since":
            told.append(Mention(kind, n, None, "vague", facts.first))
        elif kind in ("mayor", "complaints", "meetings") and rng.random() < 0.35:
            told.append(Mention(kind, n, None, "vague"))
        else:
            claimed, bound = remember(n, rng)
            told.append(Mention(kind, n, claimed, bound, facts.first))
    return tuple(told)


def threat(rng: random.Random, latent: Latent, facts: CourseFacts) -> bool:
    """A threat to go further (mayor, press, politicians) that the history need not show."""
    push = p.THREAT_BASE + 0.8 * latent.intensity + 0.6 * latent.text + 0.5 * latent.contact
    return facts.mayor == 0 and rng.random() < sigmoid(push)


# --- wording ------------------------------------------------------------------------------------


def _number_en(n: int, rng: random.Random) -> str:
    if n < len(EN_NUMBERS) and rng.random() < 0.7:
        return EN_NUMBERS[n]
    return str(n)


def _count_phrase(m: Mention, noun: tuple[str, str], rng: random.Random, english: bool) -> str:
    one, many = noun
    if m.claimed is None:
        return rng.choice(EN_MANY if english else DA_MANY).replace("{pl}", many)
    number = _number_en(m.claimed, rng) if english else number_da(m.claimed, rng)
    if m.bound == "exact":
        return one if m.claimed == 1 else f"{number} {many}"
    if m.bound == "about":
        if not english and rng.random() < 0.25:  # "en 6-7 gange"
            return f"en {m.claimed}-{m.claimed + 1} {many}" if m.claimed < m.true else f"{number} {many}"
        return f"{rng.choice(EN_ABOUT if english else DA_ABOUT)} {number} {many}"
    return f"{rng.choice(EN_AT_LEAST if english else DA_AT_LEAST)} {number} {many}"


def _since_da(first: date, received: date, rng: random.Random) -> str:
    days = (received - first).days
    if days < 14:
        return rng.choice(("den seneste uge", "de sidste dage", "bare den sidste uges tid", "på få dage"))
    month = MONTHS_DA[first.month - 1]
    options = [f"siden {month}", f"siden den {first.day}. {month}", f"siden uge {first.isocalendar()[1]}"]
    options.append(f"siden {rng.choice(('starten', 'midten', 'slutningen'))} af {month}")
    if days < 60:
        options.append(f"de sidste {number_da(max(2, round(days / 7)), rng)} uger")
    else:
        options.append(f"de sidste {number_da(round(days / 30), rng)} måneder")
    return rng.choice(options)


def _since_en(first: date, received: date, rng: random.Random) -> str:
    days = (received - first).days
    if days < 14:
        return rng.choice(("in the last week", "in the past few days", "within a few days"))
    month = MONTHS_EN[first.month - 1]
    options = [
        f"since {month}",
        f"since {first.day} {month}",
        f"since {rng.choice(('early', 'mid', 'late'))} {month}",
    ]
    if days < 60:
        options.append(f"over the last {_number_en(max(2, round(days / 7)), rng)} weeks")
    else:
        options.append(f"in the past {_number_en(round(days / 30), rng)} months")
    return rng.choice(options)


def _usable(templates: tuple[str, ...], causes: frozenset[str]) -> list[str]:
    """Templates without a cause tag, and those whose tagged cause the complaint names (tag removed)."""
    out = []
    for template in templates:
        if template.startswith("@"):
            code, _, rest = template[1:].partition(" ")
            if code in causes:
                out.append(rest)
        else:
            out.append(template)
    return out


def render_mention(
    m: Mention,
    received: date,
    rng: random.Random,
    ctx: Context,
    *,
    english: bool,
    causes: frozenset[str],
    note: bool = False,
) -> str:
    """One sentence telling `m` (the voice and topic slots of `ctx` must be set).

    `causes` are the causes the complaint names (labelled or mentioned): wordings that also tell
    one of them ("... uden at få svar") are used only then.
    """
    pools = (EN if english else DA)[m.kind]
    nouns = EN_NOUNS if english else DA_NOUNS
    for slot, noun in nouns.items():
        ctx.set(slot, _count_phrase(m, noun, rng, english) if m.bound != "vague" else "")
    first = m.since or received
    ctx.set("since" if english else "siden", (_since_en if english else _since_da)(first, received, rng))
    if m.bound == "vague" or "num" not in pools:
        variant = "vague"
    elif (
        m.kind == "complaints"
        and m.bound == "exact"
        and m.claimed is not None
        and m.claimed + 1 <= 10
        and (rng.random() < 0.6)
    ):
        ctx.set("ORD", (EN_ORDINALS if english else DA_ORDINALS)[m.claimed + 1])
        variant = "ord"
    elif m.bound == "exact" and m.claimed == 1 and "one" in pools:
        variant = "one"
    elif note and "note" in pools and rng.random() < 0.5:
        variant = "note"
    else:
        variant = "num"
    templates = _usable(pools[variant], causes) or _usable(
        pools["num" if "num" in pools else variant], causes
    )
    return sentence(expand(rng.choice(templates), rng, ctx))


def render_threat(rng: random.Random, ctx: Context, *, english: bool) -> str:
    return sentence(expand(rng.choice(EN_THREAT if english else DA_THREAT), rng, ctx))


def times_phrase(n: int, rng: random.Random, *, english: bool) -> str:
    """ "How many times" in a cue sentence ("jeg har ringet {antal_gange}"), true to `n` contacts."""
    if n < 3:
        return (
            rng.choice(("a few", "several", "a couple of"))
            if english
            else rng.choice(("et par gange", "flere gange", "igen og igen", "gentagne gange"))
        )
    claimed, bound = remember(n, rng)
    if english and claimed is None:
        return rng.choice(("countless", "dozens of"))
    m = Mention("total", n, claimed, bound)
    phrase = _count_phrase(m, ("once", "times") if english else ("en gang", "gange"), rng, english)
    return phrase.removesuffix(" times") if english else phrase
