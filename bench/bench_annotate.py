"""CPU time of `KonfliktModel.annotate` per call: one complaint alone, a few, and big batches.

The service annotates one complaint per request (or the 2-8 its batcher merges), so the fixed
cost of a call matters as much as the cost per complaint. Every complaint is annotated once in
the timed part, never before in that process (the process warms up on other complaints of the
corpus), so nothing keyed by a whole text is remembered; each call gets the contacts of its
complaints' citizens, as a request would carry them ("no contacts": an empty contacts table).

Usage (from the repository root):

    .venv/bin/python bench/bench_annotate.py [--registry models] [--data data/default]
        [--rounds 3] [--core 0] [--baseline-code DIR]

`--baseline-code DIR` times an earlier checkout (`git archive <commit> | tar -x -C DIR`) in the
same rounds, in its own processes, with the same model and complaints: a before/after ratio.
Each round starts one process per version (pinned to `--core`); the best round per version and
mode (least CPU) is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if sys.argv[1:2] == ["_worker"] and sys.argv[2] != "-":
    sys.path.insert(0, sys.argv[2])  # the code to time goes first on the path
else:
    sys.path.insert(0, str(ROOT))

# (name, complaints per call, with contacts, complaints timed)
MODES: tuple[tuple[str, int, bool, int], ...] = (
    ("1 complaint, contacts", 1, True, 300),
    ("1 complaint, no contacts", 1, False, 300),
    ("3 complaints, contacts", 3, True, 300),
    ("8 complaints, contacts", 8, True, 320),
    ("500 complaints, contacts", 500, True, 1000),
)
WARM_UP = 600  # complaints annotated before timing (other complaints than the timed ones)
SEED = 5


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker(registry: Path, data: Path, core: int) -> dict[str, Any]:
    import numpy as np
    import pandas as pd

    from signals.loader import load_complaints, load_contacts
    from signals.registry import champion_version, load_model

    os.sched_setaffinity(0, {core})
    model: Any = load_model(registry, champion_version(registry))
    complaints = load_complaints(data / "complaints.jsonl").frame
    contacts = load_contacts(data / "contacts.csv").frame
    needed = WARM_UP + sum(count for *_, count in MODES)
    rows = np.random.default_rng(SEED).permutation(len(complaints))[:needed]
    by_citizen = {citizen: group for citizen, group in contacts.groupby("citizen_id", sort=False)}
    empty = contacts.iloc[:0]

    def contacts_of(batch: pd.DataFrame) -> pd.DataFrame:
        parts = [by_citizen[c] for c in batch["citizen_id"].unique() if c in by_citizen]
        return pd.concat(parts) if parts else empty

    def calls(start: int, count: int, size: int, with_contacts: bool) -> list[tuple[Any, Any]]:
        chosen = complaints.iloc[rows[start : start + count]]
        batches = [chosen.iloc[i : i + size] for i in range(0, count, size)]
        return [(batch, contacts_of(batch) if with_contacts else empty) for batch in batches]

    for batch, batch_contacts in calls(0, WARM_UP, 1, True) + calls(0, WARM_UP, 300, True):
        model.annotate(batch, batch_contacts)  # the same warm-up complaints, alone and in batches
    results = {}
    start = WARM_UP
    for name, size, with_contacts, count in MODES:
        prepared = calls(start, count, size, with_contacts)  # the frames are built before timing
        start += count
        began = cpu_seconds()
        done = sum(len(model.annotate(batch, batch_contacts)) for batch, batch_contacts in prepared)
        used = cpu_seconds() - began
        assert done == count
        results[name] = {"calls": len(prepared), "complaints": count, "cpu_seconds": used}
    return results


def _run_worker(code: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "_worker", code]
    command += [str(Path(args.registry).resolve()), str(Path(args.data).resolve()), str(args.core)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"worker for {code} failed with exit status {done.returncode}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    if sys.argv[1:2] == ["_worker"]:
        print(json.dumps(worker(Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]))))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--registry", default=str(ROOT / "models"))
    parser.add_argument("--data", default=str(ROOT / "data" / "default"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--core", type=int, default=0)
    parser.add_argument("--baseline-code", help="Also time the code in this folder, in the same rounds.")
    parser.add_argument("--json", help="Write every round's figures here.")
    args = parser.parse_args()
    versions = {"this code": "-"}
    if args.baseline_code:
        versions = {"before": str(Path(args.baseline_code).resolve()), **versions}
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in versions}
    for round_no in range(1, args.rounds + 1):
        print(f"round {round_no}/{args.rounds} (pinned to core {args.core}) ...", flush=True)
        for name, code in versions.items():
            rounds[name].append(_run_worker(code, args))
    best = {
        name: {mode: min(r[mode]["cpu_seconds"] for r in runs) for mode, *_ in MODES}
        for name, runs in rounds.items()
    }
    header = "| call | " + " | ".join(f"{name}: ms CPU per call (per complaint)" for name in versions)
    print(header + (" | before / this code |" if args.baseline_code else " |"))
    print("|---" * (len(versions) + 1 + bool(args.baseline_code)) + "|")
    for mode, _size, _contacts, count in MODES:
        calls = rounds["this code"][0][mode]["calls"]
        cells = [
            f"{best[name][mode] / calls * 1000:.2f} ({best[name][mode] / count * 1000:.3f})"
            for name in versions
        ]
        if args.baseline_code:
            cells.append(f"{best['before'][mode] / best['this code'][mode]:.2f}x")
        print(f"| {mode} | " + " | ".join(cells) + " |")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.json:
        Path(args.json).write_text(json.dumps({"rounds": rounds, "best": best}, indent=2))


if __name__ == "__main__":
    main()
