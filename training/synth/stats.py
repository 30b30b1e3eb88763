"""Measure a generated corpus for the data card (data/README.md).

Run: `.venv/bin/python -m training.synth.stats --complaints 20000 --seed 7` prints Markdown
tables: shares, label prevalences, lengths, personal data and noise rates, the time pattern,
contact patterns of positive and negative cases, sentence recurrence, and the most
label-predictive trigrams (a check that no fixed phrase identifies a label).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import timedelta

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from signals.schema import DEPARTMENT_CODES, ROOT_CAUSE_CODES
from training.synth import build_corpus
from training.synth.records import Corpus, SynthComplaint

# split after . ! ? only before an upper-case letter, so "d. 14/3" and "Vedr. skole" stay whole
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"'])|\n+")


def sentences(text: str) -> list[str]:
    """Sentences and lines of a text, whitespace-normalised (line breaks of OCR'd letters joined)."""
    return [" ".join(s.split()) for s in _SENTENCE_END.split(text) if s.strip()]


def _share(count: int, total: int) -> str:
    return f"{count / total:.1%}" if total else "-"


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


def shares(corpus: Corpus) -> str:
    cs = corpus.complaints
    n = len(cs)
    complainants = {c.citizen_id for c in cs}
    out = [
        f"complaints {n:,}; complainants {len(complainants):,}; citizens incl. contact-only "
        f"{corpus.citizens:,}; contacts {len(corpus.contacts):,} "
        f"({len(corpus.contacts) / n:.2f} per complaint)",
        "",
    ]
    per_citizen = Counter(c.citizen_id for c in cs)
    dist = Counter(min(v, 6) for v in per_citizen.values())
    out.append(
        "complaints per complainant: "
        + ", ".join(f"{k if k < 6 else '6+'}: {_share(v, len(per_citizen))}" for k, v in sorted(dist.items()))
        + f"; max {max(per_citizen.values())}"
    )
    out.append("")
    dep = Counter(c.forvaltning or "(null)" for c in cs)
    out.append(
        _table(["forvaltning", "share"], [(k, _share(dep[k], n)) for k in [*DEPARTMENT_CODES, "(null)"]])
    )
    out.append("")
    chan = Counter(c.channel for c in cs)
    out.append(_table(["channel", "share"], [(k, _share(v, n)) for k, v in chan.most_common()]))
    out.append("")
    style = Counter(("english/" if c.english else "") + c.style for c in cs)
    out.append(_table(["style", "share"], [(k, _share(v, n)) for k, v in style.most_common()]))
    return "\n".join(out)


def labels(corpus: Corpus) -> str:
    cs = corpus.complaints
    n = len(cs)
    codes = Counter(code for c in cs for code in c.root_causes)
    k = Counter(len(c.root_causes) for c in cs)
    out = [f"causes per complaint: 1: {_share(k[1], n)}, 2: {_share(k[2], n)}, 3: {_share(k[3], n)}", ""]
    rows = []
    for code in ROOT_CAUSE_CODES:
        per_dep = {d: sum(code in c.root_causes for c in cs if c.forvaltning == d) for d in DEPARTMENT_CODES}
        sizes = Counter(c.forvaltning for c in cs)
        top = max(per_dep, key=lambda d: per_dep[d] / max(sizes[d], 1))
        rows.append((code, _share(codes[code], n), f"{top} ({_share(per_dep[top], sizes[top])})"))
    out.append(_table(["root cause", "share of complaints", "highest department rate"], rows))
    pairs: Counter[tuple[str, str]] = Counter()
    for c in cs:
        for a in c.root_causes:
            for b in c.root_causes:
                if a < b:
                    pairs[(a, b)] += 1
    lift_rows = []
    for (a, b), both in pairs.most_common(8):
        lift = both * n / (codes[a] * codes[b])
        lift_rows.append((f"{a} + {b}", both, f"{lift:.2f}"))
    out += ["", _table(["pair", "complaints", "lift"], lift_rows)]
    return "\n".join(out)


def mediation(corpus: Corpus) -> str:
    cs = corpus.complaints
    n = len(cs)
    pos = sum(c.mediation_potential for c in cs)
    true = sum(c.latent.true_label for c in cs)
    flips = sum(c.latent.true_label != c.mediation_potential for c in cs)
    against = sum(c.mediation_potential != (c.latent.probability >= 0.5) for c in cs)
    positives_against = sum(c.mediation_potential and c.latent.probability < 0.5 for c in cs)
    out = [
        f"label prevalence {_share(pos, n)} (latent y* {_share(true, n)}; flipped labels {_share(flips, n)}); "
        "labels that disagree with the latent's more likely value (the Bernoulli judgement noise and "
        f"the flips together): {_share(against, n)} of all labels, {_share(positives_against, pos)} "
        "of the positive labels",
        "",
    ]

    def rate(group: list[SynthComplaint]) -> str:
        return _share(sum(c.mediation_potential for c in group), len(group))

    groups: dict[str, list[SynthComplaint]] = defaultdict(list)
    for c in cs:
        groups[f"style {'english/' if c.english else ''}{c.style}"].append(c)
        groups[f"forvaltning {c.forvaltning or '(null)'}"].append(c)
        groups[f"relational causes {c.latent.relational}"].append(c)
        groups[f"ongoing {c.latent.ongoing}"].append(c)
        groups[f"pure appeal case {c.latent.appeal}"].append(c)
    out.append(
        _table(
            ["group", "complaints", "mediation rate"],
            [(k, len(v), rate(v)) for k, v in sorted(groups.items())],
        )
    )
    return "\n".join(out)


def course(corpus: Corpus) -> str:
    """How often texts tell the complaint course (training/synth/course.py), by label and kind."""
    cs = corpus.complaints
    pos = [c for c in cs if c.mediation_potential]
    neg = [c for c in cs if not c.mediation_potential]

    def told(group: list[SynthComplaint], kind: str | None = None) -> str:
        hits = sum(any(kind is None or m.kind == kind for m in c.course) for c in group)
        return _share(hits, len(group))

    rows = [("any fact of the course", told(pos), told(neg))]
    names = {
        "written": "how often they wrote",
        "calls": "how often they called",
        "chasers": "chasers sent",
        "total": "contacts in all",
        "complaints": "earlier complaints",
        "mayor": "letters to the mayor",
        "meetings": "meetings held",
        "since": "since when (no number)",
    }
    rows += [(name, told(pos, kind), told(neg, kind)) for kind, name in names.items()]
    rows.append(
        (
            "the press or a journalist (threats to go further)",
            _share(sum(bool(re.search(r"pressen|journalist|the press", c.text)) for c in pos), len(pos)),
            _share(sum(bool(re.search(r"pressen|journalist|the press", c.text)) for c in neg), len(neg)),
        )
    )
    bounds = Counter(m.bound for c in cs for m in c.course)
    total = sum(bounds.values())
    named = {
        "exact": "exact",
        "about": "about (within a quarter)",
        "at_least": "a floor (mindst, over)",
        "many": "no number (utallige)",
        "vague": "vague",
    }
    line = ", ".join(f"{named[b]} {_share(bounds[b], total)}" for b in named)
    return "\n".join(
        [
            _table(["texts that tell ...", "mediation 1", "mediation 0"], rows),
            "",
            f"told facts: {total:,}; how the numbers are stated: {line}",
        ]
    )


def texts(corpus: Corpus) -> str:
    cs = corpus.complaints
    n = len(cs)
    by_style: dict[str, list[int]] = defaultdict(list)
    for c in cs:
        by_style[("english/" if c.english else "") + c.style].append(len(c.text.split()))
    rows = []
    for style, words in sorted(by_style.items()):
        q = np.percentile(words, [10, 50, 90])
        rows.append((style, min(words), int(q[0]), int(q[1]), int(q[2]), max(words)))
    every = [len(c.text.split()) for c in cs]
    rows.append(("all", min(every), *np.percentile(every, [10, 50, 90]).astype(int), max(every)))
    out = [_table(["style", "min", "p10", "median", "p90", "max words"], rows), ""]
    kinds = Counter(k for c in cs for k in c.personal_data)
    pd_rows = [(k, _share(v, n)) for k, v in sorted(kinds.items())]
    pd_rows.append(("any personal data", _share(sum(bool(c.personal_data) for c in cs), n)))
    out.append(_table(["personal data kind", "share of texts"], pd_rows))
    out.append("")
    noise = [
        ("English", _share(sum(c.english for c in cs), n)),
        ("at least one typo", _share(sum(c.typos > 0 for c in cs), n)),
        ("typed without æøå", _share(sum(c.no_aeoeaa for c in cs), n)),
        ("OCR damage (scanned letters)", _share(sum(c.ocr for c in cs), n)),
        ("a label expressed only weakly", _share(sum(bool(c.weak) for c in cs), n)),
        ("an unlabelled cause expressed", _share(sum(bool(c.extra_mentions) for c in cs), n)),
        ("a cause denied or in passing", _share(sum(bool(c.distractors) for c in cs), n)),
    ]
    out.append(_table(["surface and label realism", "share of texts"], noise))
    return "\n".join(out)


def calendar(corpus: Corpus) -> str:
    cs = corpus.complaints
    n = len(cs)
    months = Counter(c.received_at.month for c in cs)
    days = Counter(c.received_at.weekday() for c in cs)
    years = Counter(c.received_at.year for c in cs)
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    return "\n".join(
        [
            "by month: " + ", ".join(f"{m}: {_share(months[m], n)}" for m in range(1, 13)),
            "by weekday: " + ", ".join(f"{names[d]}: {_share(days[d], n)}" for d in range(7)),
            "by year: " + ", ".join(f"{y}: {years[y]:,}" for y in sorted(years)),
        ]
    )


def contacts(corpus: Corpus) -> str:
    events = corpus.contacts
    n = len(events)
    kinds = Counter(e.kind for e in events)
    recipients = Counter(e.recipient for e in events)
    out = [
        "kinds: " + ", ".join(f"{k} {_share(v, n)}" for k, v in kinds.most_common()),
        "recipients: " + ", ".join(f"{k} {_share(v, n)}" for k, v in recipients.most_common()),
        "",
    ]
    by_citizen: dict[str, list] = defaultdict(list)
    for e in events:
        by_citizen[e.citizen_id].append(e)
    stats: dict[int, dict[str, list[float]]] = {0: defaultdict(list), 1: defaultdict(list)}
    for c in corpus.complaints:
        before = [e for e in by_citizen[c.citizen_id] if e.occurred_at < c.received_at]
        for days in (30, 90, 365):
            start = c.received_at - timedelta(days=days)
            stats[c.mediation_potential][f"contacts in {days} days before"].append(
                sum(e.occurred_at >= start for e in before)
            )
        start = c.received_at - timedelta(days=90)
        stats[c.mediation_potential]["rykker in 90 days"].append(
            sum(e.kind == "rykker" and e.occurred_at >= start for e in before)
        )
        start = c.received_at - timedelta(days=365)
        stats[c.mediation_potential]["borgmester in 365 days"].append(
            sum(e.recipient == "borgmester" and e.occurred_at >= start for e in before)
        )
        stats[c.mediation_potential]["earlier complaints (klage)"].append(
            sum(e.kind == "klage" for e in before)
        )
    rows = [
        (key, f"{statistics.mean(stats[1][key]):.2f}", f"{statistics.mean(stats[0][key]):.2f}")
        for key in stats[1]
    ]
    out.append(_table(["before received_at (mean)", "mediation 1", "mediation 0"], rows))
    return "\n".join(out)


def recurrence(corpus: Corpus, top: int = 20) -> str:
    cs = corpus.complaints
    per_text = [set(sentences(c.text)) for c in cs]
    counts = Counter(s for doc in per_text for s in doc)
    tokens = sum(counts.values())
    long_counts = Counter({s: v for s, v in counts.items() if len(s.split()) >= 6})
    long_tokens = sum(long_counts.values())
    out = [
        f"sentences (per text, distinct): {tokens:,} occurrences of {len(counts):,} different sentences; "
        f"{_share(sum(v == 1 for v in counts.values()), len(counts))} of the different sentences occur once; "
        f"{_share(sum(v for v in counts.values() if v == 1), tokens)} of all occurrences are of a sentence "
        "that occurs only once",
        f"sentences of 6+ words: {long_tokens:,} occurrences of {len(long_counts):,} different; "
        f"{_share(sum(v for v in long_counts.values() if v == 1), long_tokens)} of occurrences "
        "unique in the corpus",
        "",
        _table(
            ["#", "most frequent sentence", "complaints", "share"],
            [(i, s[:80], v, _share(v, len(cs))) for i, (s, v) in enumerate(counts.most_common(top), 1)],
        ),
        "",
        _table(
            ["#", "most frequent sentence of 6+ words", "complaints", "share"],
            [(i, s[:80], v, _share(v, len(cs))) for i, (s, v) in enumerate(long_counts.most_common(10), 1)],
        ),
    ]
    return "\n".join(out)


def predictive_trigrams(corpus: Corpus, min_df: int = 30, common_df: int = 200) -> str:
    """Per cause, the word trigram with the highest precision for it among those in >= min_df
    texts (with the share of the cause's complaints it covers), and among those in >= common_df."""
    cs = corpus.complaints
    vectorizer = CountVectorizer(ngram_range=(3, 3), min_df=min_df, binary=True)
    x = vectorizer.fit_transform([c.text for c in cs]).tocsc()
    df = np.asarray(x.sum(axis=0)).ravel()
    vocab = vectorizer.get_feature_names_out()
    common = df >= common_df
    rows = []
    for code in ROOT_CAUSE_CODES:
        y = np.array([code in c.root_causes for c in cs], dtype=float)
        hits = np.asarray(x.T @ y).ravel()
        precision = hits / df
        best = int(np.argmax(precision))
        best_common = int(np.argmax(np.where(common, precision, -1.0)))
        rows.append(
            (
                code,
                f"{y.mean():.1%}",
                f"'{vocab[best]}' ({int(df[best])} texts, {hits[best] / y.sum():.1%} of the cause)",
                f"{precision[best]:.2f}",
                f"'{vocab[best_common]}' ({int(df[best_common])} texts)",
                f"{precision[best_common]:.2f}",
            )
        )
    header = ["root cause", "prevalence", f"most predictive trigram in >= {min_df} texts", "precision",
              f"most predictive trigram in >= {common_df} texts", "precision"]  # fmt: skip
    return _table(header, rows)


def cue_variety(draws: int = 400, seed: int = 1) -> str:
    """How many different sentences each cause's cue material yields in `draws` renderings."""
    from datetime import date

    from training.synth.compose import _context, _cue_sentence, _distractor
    from training.synth.personal import address
    from training.synth.plan import Persona, TextPlan
    from training.synth.pools.topics import ALL_TOPICS

    rng = random.Random(seed)
    persona = Persona("Anna Jensen", False, True, date(1980, 5, 1), address(rng), "12345678", "a@b.dk")
    rows = []
    for code in ROOT_CAUSE_CODES:
        asserted, denied = set(), set()
        for _ in range(draws):
            topic = rng.choice(ALL_TOPICS)
            owner = "self" if "self" in topic.owners else topic.owners[0]
            plan = TextPlan(
                received=date(2024, 3, 1),
                department=topic.department,
                topic=topic,
                causes=(code,),
                weak=frozenset(),
                extra_mentions=(),
                distractors=(),
                style=rng.choice(("rolig", "vred", "advokat")),
                english=False,
                owner_kind=owner,
                female_owner=rng.random() < 0.5,
                signals=(),
                ongoing_mention=False,
                counters=(),
                course=(),
                threat=False,
                episode_contacts=0,
                persona=persona,
                personal_data=frozenset(),
                case_year=2024,
            )
            ctx, _ = _context(plan, rng)
            asserted.add(_cue_sentence(code, plan, rng, ctx))
            denied.add(_distractor(code, plan, rng, ctx))
        rows.append((code, len(asserted), len(denied)))
    return _table(
        [
            "root cause",
            f"different asserted cue sentences in {draws} draws",
            f"different denied/passing in {draws}",
        ],
        rows,
    )


def report(corpus: Corpus) -> str:
    parts = [
        ("Scale and shares", shares(corpus)),
        ("Root causes", labels(corpus)),
        ("Mediation potential", mediation(corpus)),
        ("The complaint course in the texts", course(corpus)),
        ("Texts", texts(corpus)),
        ("Time pattern", calendar(corpus)),
        ("Contacts", contacts(corpus)),
        ("Sentence recurrence", recurrence(corpus)),
        ("Label-predictive phrases", predictive_trigrams(corpus)),
        ("Cue variety", cue_variety()),
    ]
    return "\n\n".join(f"### {title}\n\n{body}" for title, body in parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.synth.stats", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--complaints", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(report(build_corpus(args.complaints, args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
