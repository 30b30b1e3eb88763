"""Training time and peak memory at several corpus sizes, each in its own process.

    .venv/bin/python bench/bench_train.py --sizes 20000 100000 400000

For each size: generate the corpus (seed 7, not timed), then time `train()` end to end
(load, anonymise, split, features, both models, baselines, evaluation, report, registry) in a
fresh child process and read its peak resident memory. Prints one row per size and the growth
ratios against the smallest size, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, sys, time, resource
from pathlib import Path
from training.train import train
folder, registry = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter()
result = train(folder / "complaints.jsonl", folder / "contacts.csv", registry=registry)
seconds = time.perf_counter() - start
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
model = result.metrics["model"]
print(json.dumps({"seconds": seconds, "peak_mib": peak_mib,
                  "micro_f1": model["root_causes"]["micro_f1"], "pr_auc": model["mediation"]["pr_auc"]}))
"""


def run_size(size: int, work: Path) -> dict[str, float]:
    from training.synth import generate_corpus

    folder = work / f"corpus-{size}"
    if not (folder / "complaints.jsonl").exists():
        generate_corpus(folder, complaints=size, seed=7)
    registry = work / f"registry-{size}"
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(registry)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000, 400_000])
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and registries")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-train-"))
    rows = []
    for size in sorted(args.sizes):
        started = time.perf_counter()
        row = run_size(size, work)
        row["size"] = size
        rows.append(row)
        print(
            f"{size:>8,} complaints: train {row['seconds']:7.1f} s, peak {row['peak_mib']:7.0f} MiB, "
            f"micro-F1 {row['micro_f1']:.3f}, PR-AUC {row['pr_auc']:.3f} (with generation {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    base = rows[0]
    for row in rows[1:]:
        factor = row["size"] / base["size"]
        print(
            f"x{factor:g} data: time x{row['seconds'] / base['seconds']:.2f}, "
            f"memory x{row['peak_mib'] / base['peak_mib']:.2f} (linear would be x{factor:g})"
        )
    print(f"machine peak of this driver: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
