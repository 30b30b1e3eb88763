"""Training time and peak memory at several corpus sizes, each in its own process.

    .venv/bin/python bench/bench_train.py --sizes 20000 100000 400000

For each size: generate the corpus (seed 7, not timed), then time `train()` end to end
(load, anonymise, split, features, both models with C chosen on validation, baselines,
evaluation, report, registry) in a fresh child process. Reports wall and CPU seconds (CPU
includes the joblib worker processes, which are shut down and reaped before it is read), the
child's peak resident memory and the largest worker's. Prints one row per size and the growth
ratios against the smallest size, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHILD = """
import json, sys, time, resource
from pathlib import Path
from joblib.externals.loky import get_reusable_executor
from training.train import train
folder, registry = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter()
result = train(folder / "complaints.jsonl", folder / "contacts.csv", registry=registry)
seconds = time.perf_counter() - start
executor = get_reusable_executor()
worker_peak_kib = 0  # VmHWM: a worker's own peak (its ru_maxrss would include the parent's at fork)
for pid in list(getattr(executor, "_processes", {})):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            worker_peak_kib = max(worker_peak_kib, int(line.split()[1]))
executor.shutdown(wait=True)
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
model = result.metrics["model"]
selection = json.loads((result.path / "evaluation.json").read_text())["selection"]["model"]
print(json.dumps({"seconds": seconds,
                  "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
                  "peak_mib": own.ru_maxrss / 1024, "worker_peak_mib": worker_peak_kib / 1024,
                  "micro_f1": model["root_causes"]["micro_f1"], "pr_auc": model["mediation"]["pr_auc"],
                  "bow_micro_f1": result.metrics["bag_of_words"]["root_causes"]["micro_f1"],
                  "c": {part: choice["c"] for part, choice in selection.items()}}))
"""


def run_size(size: int, work: Path) -> dict[str, Any]:
    from training.synth import generate_corpus

    folder = work / f"corpus-{size}"
    if not (folder / "complaints.jsonl").exists():
        generate_corpus(folder, complaints=size, seed=7)
    registry = work / f"registry-{size}"
    shutil.rmtree(registry, ignore_errors=True)  # a fresh registry: no champion to compare with
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
            f"{size:>8,} complaints: train {row['seconds']:7.1f} s wall, {row['cpu']:7.1f} s CPU, "
            f"peak {row['peak_mib']:7.0f} MiB (largest worker {row['worker_peak_mib']:.0f} MiB), "
            f"micro-F1 {row['micro_f1']:.3f} (bag of words {row['bow_micro_f1']:.3f}), PR-AUC {row['pr_auc']:.3f}, "
            f"C {row['c']} (with generation {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    base = rows[0]
    for row in rows[1:]:
        factor = row["size"] / base["size"]
        print(
            f"x{factor:g} data: wall x{row['seconds'] / base['seconds']:.2f}, CPU x{row['cpu'] / base['cpu']:.2f}, "
            f"memory x{row['peak_mib'] / base['peak_mib']:.2f} (linear would be x{factor:g})"
        )
    print(f"machine peak of this driver: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
