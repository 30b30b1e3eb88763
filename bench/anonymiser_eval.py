"""Quality of the anonymiser on a hand-written evaluation set, per kind and per split.

    .venv/bin/python bench/anonymiser_eval.py [--file F] [--split dev|holdout|all] [--show-misses]

--file: the set (default data/eval/anonymisation.jsonl, the first author's; the second author's is
data/eval/anonymisation_b.jsonl). Every entity's offsets are checked on loading.

recall: a gold entity counts as found when all its non-space characters lie in placeholders of
any kind; typed recall asks for placeholders of its own kind. precision-ish: the share of
replaced characters (per predicted kind) that lie inside gold entities. traps kept: the share of
trap words ("Ankestyrelsen", "4.500 kr.", "mandag", "Bo" as a verb) left untouched.
The eval set is invented text; --show-misses prints it for development only, and only for the dev
split: a holdout's misses are never printed (only its totals), so nothing is tuned on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from signals.anonymise import KINDS, Anonymiser, Span  # noqa: E402

EVAL_PATH = ROOT / "data" / "eval" / "anonymisation.jsonl"
TARGETS = {"CPR": 0.99, "TELEFON": 0.99, "EMAIL": 0.99, "SAGSNR": 0.99, "NAVN": 0.95, "ADRESSE": 0.95}
TRAP_TARGET = 0.97


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    found_typed: int = 0
    replaced_chars: int = 0
    replaced_gold_chars: int = 0


@dataclass
class Report:
    kinds: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    traps: int = 0
    traps_kept: int = 0
    misses: list[str] = field(default_factory=list)

    def recall(self, kind: str, *, typed: bool = False) -> float:
        t = self.kinds[kind]
        return (t.found_typed if typed else t.found) / t.gold if t.gold else 1.0

    def precision(self, kind: str) -> float:
        t = self.kinds[kind]
        return t.replaced_gold_chars / t.replaced_chars if t.replaced_chars else 1.0

    def trap_share(self) -> float:
        return self.traps_kept / self.traps if self.traps else 1.0


def load(path: Path = EVAL_PATH, split: str = "all") -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    for record in records:
        for ent in record["entities"]:
            if "start" in ent and record["text"][ent["start"] : ent["end"]] != ent["text"]:
                raise ValueError(f"{path.name}: record {record['id']}: entity offsets do not match its text")
    return [r for r in records if split == "all" or r["split"] == split]


def _gold_spans(record: dict) -> list[Span]:
    """Gold entities with offsets; entities given only as text are located at every occurrence."""
    spans: list[Span] = []
    for ent in record["entities"]:
        if "start" in ent:
            spans.append(Span(ent["kind"], ent["start"], ent["end"]))
        else:
            for m in re.finditer(re.escape(ent["text"]), record["text"]):
                spans.append(Span(ent["kind"], m.start(), m.end()))
    return spans


def evaluate(records: list[dict], anonymiser: Anonymiser, *, keep_misses: bool = False) -> Report:
    report = Report()
    for record in records:
        text = record["text"]
        predicted = anonymiser.find(text)
        cover: list[str | None] = [None] * len(text)
        for span in predicted:
            for i in range(span.start, span.end):
                cover[i] = span.kind
        gold = _gold_spans(record)
        in_gold = [False] * len(text)
        for g in gold:
            tally = report.kinds[g.kind]
            tally.gold += 1
            chars = [i for i in range(g.start, g.end) if not text[i].isspace()]
            for i in range(g.start, g.end):
                in_gold[i] = True
            if all(cover[i] is not None for i in chars):
                tally.found += 1
                tally.found_typed += all(cover[i] == g.kind for i in chars)
            elif keep_misses:
                report.misses.append(f"{record['id']} MISS {g.kind}: {text[g.start : g.end]!r}")
        for span in predicted:
            tally = report.kinds[span.kind]
            tally.replaced_chars += span.end - span.start
            tally.replaced_gold_chars += sum(in_gold[span.start : span.end])
            if keep_misses and not any(in_gold[span.start : span.end]):
                report.misses.append(f"{record['id']} EXTRA {span.kind}: {text[span.start : span.end]!r}")
        for trap in record.get("traps", []):
            for m in re.finditer(r"(?<!\w)" + re.escape(trap) + r"(?!\w)", text):
                if any(in_gold[m.start() : m.end()]):
                    continue
                report.traps += 1
                kept = all(cover[i] is None for i in range(m.start(), m.end()))
                report.traps_kept += kept
                if keep_misses and not kept:
                    report.misses.append(f"{record['id']} TRAP lost: {trap!r}")
    return report


def format_report(report: Report, title: str) -> str:
    lines = [f"{title}", f"{'kind':<12}{'gold':>6}{'recall':>9}{'typed':>9}{'prec~':>9}{'target':>9}"]
    for kind in KINDS:
        t = report.kinds[kind]
        target = TARGETS.get(kind)
        lines.append(
            f"{kind:<12}{t.gold:>6}{report.recall(kind):>9.1%}{report.recall(kind, typed=True):>9.1%}"
            f"{report.precision(kind):>9.1%}{(f'{target:.0%}' if target else '-'):>9}"
        )
    lines.append(
        f"traps kept: {report.traps_kept}/{report.traps} = {report.trap_share():.1%}"
        f" (target {TRAP_TARGET:.0%})"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=EVAL_PATH)
    parser.add_argument("--split", choices=["dev", "holdout", "all"], default=None)
    parser.add_argument("--show-misses", action="store_true", help="dev split only")
    args = parser.parse_args()
    anonymiser = Anonymiser()
    splits = [args.split] if args.split else ["dev", "holdout"]
    for split in splits:
        records = load(args.file, split=split)
        report = evaluate(records, anonymiser, keep_misses=args.show_misses and split == "dev")
        print(format_report(report, f"== {args.file.name} {split}: {len(records)} records"))
        for miss in report.misses:
            print("  " + miss)
        print()


if __name__ == "__main__":
    main()
