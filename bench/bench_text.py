"""Benchmark of the text path: speed against spaCy's bare tokenizer, lemma cache, repair quality.

Texts: data/default/complaints.jsonl if it exists, else realistic composed complaints
(bench/text_corpus.py). The first half fits TextFeatures and CueFeatures, the second half is
transformed. Every timed run gets fresh string copies, so no cache of a previous run's batch is
reused; per-type caches (lemmas, repair decisions) are process-wide and warm up in the first run:
"first pass" is cold for the held-out texts' new words, "best of N" is the warmed steady state.

Usage: .venv/bin/python bench/bench_text.py [--texts N] [--runs N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import spacy  # noqa: E402
from text_corpus import compose_texts  # noqa: E402

from signals import lemmas  # noqa: E402
from signals.cues import CueFeatures  # noqa: E402
from signals.language import detect_language  # noqa: E402
from signals.normalise import forget_last_batch, normalise_text  # noqa: E402
from signals.text import TextFeatures, prepare_texts  # noqa: E402

DEFAULT_CORPUS = ROOT / "data" / "default" / "complaints.jsonl"
EVAL_SET = ROOT / "data" / "eval" / "anonymisation.jsonl"
TOKEN_RE = re.compile(r"\[[A-ZÆØÅ_]+\]|[\w@&]+")
WORD_RE = re.compile(r"[^\W\d_]")


def load_texts(path: Path, count: int) -> tuple[list[str], str]:
    if path.exists():
        texts = []
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    texts.append(json.loads(line)["text"])
                if len(texts) >= count:
                    break
        return texts, str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return compose_texts(count), "composed (bench/text_corpus.py)"


def fresh(texts: list[str]) -> list[str]:
    """New string objects with the same content, and the one-batch normalisation cache emptied,
    so that no run reuses the work of the run before it."""
    forget_last_batch()
    return [text.encode("utf-8").decode("utf-8") for text in texts]


def timed(
    functions: dict[str, Callable[[list[str]], object]], texts: list[str], runs: int
) -> dict[str, list[float]]:
    """Seconds per run of each function, each run on fresh copies of the texts; the functions
    take turns, so a burst of load on this shared machine hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(runs):
        for name, function in functions.items():
            batch = fresh(texts)
            start = time.process_time()
            function(batch)
            times[name].append(time.process_time() - start)
    return times


def speed(texts: list[str], runs: int) -> None:
    half = len(texts) // 2
    train, test = texts[:half], texts[half:]
    start = time.perf_counter()
    text_features = TextFeatures().fit(train)
    cue_features = CueFeatures().fit(train)
    fit_seconds = time.perf_counter() - start
    nlp = lemmas.tokenizer()
    # The bare tokenizer gets its own pipeline, so its cache of split chunks starts as cold as
    # the one TextFeatures uses (which has seen only the training texts).
    bare = spacy.blank("da")
    n_tokens = sum(len(doc) for doc in spacy.blank("da").tokenizer.pipe(test))
    cached_before = lemmas.cached_types()  # the lemma cache as fit left it
    lowered, english = prepare_texts(fresh(test))
    docs = list(nlp.tokenizer.pipe(lowered))
    danish_tokens = [
        token.text
        for doc, en in zip(docs, english, strict=True)
        if not en
        for token in doc
        if WORD_RE.search(token.text)  # punctuation and numbers get no lemma
    ]
    hits = sum(token in cached_before for token in danish_tokens)
    types = len(set(danish_tokens))

    def full_path(batch: list[str]) -> None:
        text_features.transform(batch)
        cue_features.transform(batch)

    times = timed(
        {
            "bare spaCy tokenizer": lambda batch: list(bare.tokenizer.pipe(batch)),
            "full path (TextFeatures+CueFeatures)": full_path,
            "  normalise + repair + language": prepare_texts,
            "  TextFeatures.transform": text_features.transform,
            "  CueFeatures.transform": cue_features.transform,
        },
        test,
        runs,
    )
    n = len(test)
    n_text, n_cue = len(text_features.get_feature_names_out()), len(cue_features.get_feature_names_out())
    print(
        f"held-out texts: {n:,} ({n_tokens / n:.0f} spaCy tokens per text); "
        f"fitted on {half:,} in {fit_seconds:.1f} s"
    )
    print(f"features: {n_text:,} text + {n_cue} cue")
    print(f"{'docs per CPU second':>36} {'first pass':>11} {'best of ' + str(runs):>11}")
    for name, seconds in times.items():
        print(f"{name:>36} {n / seconds[0]:>11,.0f} {n / min(seconds):>11,.0f}")
    bare_first, bare_best = times["bare spaCy tokenizer"][0], min(times["bare spaCy tokenizer"])
    full_first, full_best = (
        times["full path (TextFeatures+CueFeatures)"][0],
        min(times["full path (TextFeatures+CueFeatures)"]),
    )
    print(
        f"ratio full path / bare tokenizer: first pass {bare_first / full_first:.0%}, "
        f"best {bare_best / full_best:.0%} (target >= 25%)"
    )
    n_danish = len(danish_tokens)
    print(
        f"lemma cache: {hits / max(n_danish, 1):.1%} of {n_danish:,} Danish word tokens hit the cache filled "
        f"by fit; lookups run once per distinct type per batch ({types:,} types, "
        f"{n_danish / max(types, 1):.0f} tokens per type)"
    )


def _translit(text: str, _rng: random.Random) -> str:
    return text.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}))


def _ocr(text: str, rng: random.Random) -> str:
    out = []
    for char in text:
        if char == "ø":
            out.append(rng.choice("gg@"))
        elif char == "å":
            out.append("a")
        elif char == "æ":
            out.append(rng.choice("a&e"))
        elif char in "ØÅÆ":
            out.append({"Ø": "@", "Å": "A", "Æ": "&"}[char])
        else:
            out.append(char)
    return re.sub(r"(?<= )i(?= )", lambda _: "1" if rng.random() < 0.5 else "i", "".join(out))


def repair_quality(texts: list[str]) -> None:
    """Changed share on clean Danish text; restored share of synthetically damaged tokens."""
    danish = [text for text in texts if detect_language(text) == "da"]
    changed = total = 0
    for text in danish:
        before = TOKEN_RE.findall(normalise_text(text, repair=False))
        after = TOKEN_RE.findall(normalise_text(text))
        changed += sum(a != b for a, b in zip(before, after, strict=True))
        total += len(before)
    share = changed / total
    print(
        f"clean Danish text: {changed:,} of {total:,} tokens changed by repair ({share:.3%}, target < 0.1%)"
    )
    for name, damage in (
        ("written without æøå", _translit),
        ("OCR damage (ø->g/@, å->a, æ->a/&/e, i->1)", _ocr),
    ):
        rng = random.Random(11)
        damaged = restored = wrong = 0
        for text in danish:
            clean = normalise_text(text, repair=False)
            broken = damage(clean, rng)
            want, was, got = (TOKEN_RE.findall(t) for t in (clean, broken, normalise_text(broken)))
            for w, b, g in zip(want, was, got, strict=True):
                if w != b:
                    damaged += 1
                    restored += w.lower() == g.lower()
                    wrong += g.lower() not in (w.lower(), b.lower())
                else:
                    wrong += g != b
        print(
            f"{name}: {damaged:,} damaged tokens, {restored / damaged:.1%} restored, "
            f"{wrong:,} tokens changed wrongly ({wrong / max(damaged, 1):.1%} of damaged)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--texts", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    texts, source = load_texts(args.corpus, args.texts)
    print(f"texts: {source}")
    speed(texts, args.runs)
    # Clean text for the repair measurements: the composed texts and the hand-written evaluation
    # set. The generated corpus is not clean (its generator types some texts without æøå or
    # damages them like OCR), so for it the share of tokens the repair changed is reported.
    clean = compose_texts(300, seed=3)
    if EVAL_SET.exists():
        rows = [
            json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        clean += [row["text"] for row in rows]
    print(f"repair on {len(clean):,} clean texts (composed + data/eval/anonymisation.jsonl when present):")
    repair_quality(clean)
    if source != "composed (bench/text_corpus.py)":
        changed = total = 0
        for text in texts:
            before = TOKEN_RE.findall(normalise_text(text, repair=False))
            after = TOKEN_RE.findall(normalise_text(text))
            changed += sum(a != b for a, b in zip(before, after, strict=True))
            total += len(before)
        print(f"repairs applied to {source}: {changed:,} of {total:,} tokens ({changed / total:.2%})")


if __name__ == "__main__":
    main()
