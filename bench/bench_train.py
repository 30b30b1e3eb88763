"""Training time and peak memory at several corpus sizes, each in its own process.

    .venv/bin/python bench/bench_train.py --sizes 20000 100000 400000

For each size: generate the corpus (seed 7, not timed), then time `train()` end to end
(load, anonymise, split, features, both models with C chosen on validation, baselines,
evaluation, report, registry) in a fresh child process. Reports wall and CPU seconds (CPU
includes the joblib worker processes, which are shut down and reaped before it is read), the
child's peak resident memory and the largest worker's own peak, the number of processes the
linear fits ran in (`training.fit.fit_workers` chooses it from the memory available; one means
the fits ran in the training process itself), and, sampled every second, the
peak proportional set size of the whole process tree (overall and per training stage), the growth of /dev/shm (where joblib
shares large arrays with its workers) and the largest drop of the machine's available memory
(other jobs move that one too). A run is stopped when available memory falls below
--min-available-mib: the machine has no swap and is shared. Prints one row per size (sizes run
in the order given) and the growth ratios against the smallest size, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHILD = """
import json, sys, time, resource
from pathlib import Path
from joblib.externals.loky import reusable_executor
import training.fit as fit
from training.train import train
folder, registry = Path(sys.argv[1]), Path(sys.argv[2])
fit_processes = []  # how many processes each linear fit ran in (chosen from the memory available)
choose = fit.fit_workers
fit.fit_workers = lambda matrix, **kw: fit_processes.append(choose(matrix, **kw)) or fit_processes[-1]
STAGE = Path(sys.argv[3])  # the stage running now, read by the sampler (memory per stage)
def staged(owner, name, label):
    original = getattr(owner, name)
    def inner(*args, **kwargs):
        before = STAGE.read_text() if STAGE.exists() else ""
        STAGE.write_text(label)
        try:
            return original(*args, **kwargs)
        finally:
            STAGE.write_text(before)
    setattr(owner, name, inner)
import signals.text, signals.charngrams, signals.wordngrams, signals.pipeline, training.train
staged(signals.text.TextFeatures, "_fit", "features: tokens and vocabularies")
staged(signals.wordngrams.WordNgramIndex, "fit", "features: word n-gram vocabulary")
staged(signals.charngrams.CharNgramIndex, "fit", "features: char n-gram vocabulary")
staged(signals.text.TextFeatures, "_weigh", "features: TF-IDF of the n-gram blocks, stacked")
staged(signals.pipeline.FeatureUnion, "_hstack", "features: the union's blocks stacked")
staged(fit, "fit_scorer", "linear fits (fit_model)")
staged(training.train, "run_baselines", "baselines")
start = time.perf_counter()
result = train(folder / "complaints.jsonl", folder / "contacts.csv", registry=registry)
seconds = time.perf_counter() - start
executor = reusable_executor._executor  # joblib's current worker pool, if any
worker_peak_kib = 0  # VmHWM: a worker's own peak (its ru_maxrss would include the parent's at fork)
for pid in list(getattr(executor, "_processes", {})):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            worker_peak_kib = max(worker_peak_kib, int(line.split()[1]))
if executor is not None:
    executor.shutdown(wait=True)
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
model = result.metrics["model"]
selection = json.loads((result.path / "evaluation.json").read_text())["selection"]["model"]
print(json.dumps({"seconds": seconds,
                  "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
                  "peak_mib": own.ru_maxrss / 1024, "worker_peak_mib": worker_peak_kib / 1024,
                  "micro_f1": model["root_causes"]["micro_f1"], "pr_auc": model["mediation"]["pr_auc"],
                  "bow_micro_f1": result.metrics["bag_of_words"]["root_causes"]["micro_f1"],
                  "c": {part: choice["c"] for part, choice in selection.items()},
                  "workers": sorted(set(fit_processes))}))
"""


def _meminfo_mib(field: str) -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def _tree_pss_mib(root: int) -> float:
    """Proportional set size of `root` and all its descendants (shared pages split, not double counted)."""
    parent: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    tree, grew = {root}, True
    while grew:
        new = {pid for pid, ppid in parent.items() if ppid in tree and pid not in tree}
        tree |= new
        grew = bool(new)
    total = 0.0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def run_size(size: int, work: Path, *, min_available_mib: float) -> dict[str, Any]:
    """Train on a corpus of `size` complaints in a child process, sampling its memory every second.

    The child (and its joblib workers) are stopped if the machine's available memory falls below
    `min_available_mib`: the machine has no swap and is shared.
    """
    from training.synth import generate_corpus

    folder = work / f"corpus-{size}"
    if not (folder / "complaints.jsonl").exists():
        generate_corpus(folder, complaints=size, seed=7)
    registry = work / f"registry-{size}"
    shutil.rmtree(registry, ignore_errors=True)  # a fresh registry: no champion to compare with
    shm_before = shutil.disk_usage("/dev/shm").used / 2**20
    available_before = _meminfo_mib("MemAvailable")
    stage_file = work / f"stage-{size}"
    stage_file.unlink(missing_ok=True)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(registry), str(stage_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, so that it can be stopped with its workers
    )
    peak_pss = peak_shm = 0.0
    lowest_available = available_before
    aborted = False
    stage_peaks: dict[str, float] = {}
    while child.poll() is None:
        pss = _tree_pss_mib(child.pid)
        peak_pss = max(peak_pss, pss)
        try:
            stage = stage_file.read_text() or "other (load, split, evaluation, report)"
        except OSError:
            stage = "other (load, split, evaluation, report)"
        stage_peaks[stage] = max(stage_peaks.get(stage, 0.0), pss)
        peak_shm = max(peak_shm, shutil.disk_usage("/dev/shm").used / 2**20 - shm_before)
        lowest_available = min(lowest_available, _meminfo_mib("MemAvailable"))
        if lowest_available < min_available_mib and not aborted:
            aborted = True
            os.killpg(child.pid, signal.SIGKILL)
        time.sleep(1.0)
    stdout, stderr = child.communicate()
    memory = {
        "stage_peaks": stage_peaks,
        "tree_pss_mib": peak_pss,
        "shm_mib": peak_shm,
        "available_drop_mib": available_before - lowest_available,
    }
    if aborted or child.returncode != 0:
        reason = "stopped: available memory fell below the guard" if aborted else stderr.strip()[-2000:]
        return {"failed": reason, **memory}
    return {**json.loads(stdout.strip().splitlines()[-1]), **memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000, 400_000])
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and registries")
    parser.add_argument(
        "--min-available-mib",
        type=float,
        default=2048,
        help="stop a run when the machine's available memory falls below this (default 2048)",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-train-"))
    rows = []
    for size in args.sizes:  # in the order given (the largest first gets its number soonest)
        started = time.perf_counter()
        row = run_size(size, work, min_available_mib=args.min_available_mib)
        row["size"] = size
        memory = (
            f"process tree peak PSS {row['tree_pss_mib']:.0f} MiB, /dev/shm +{row['shm_mib']:.0f} MiB, "
            f"available memory down by {row['available_drop_mib']:.0f} MiB at most"
        )
        stages = "; ".join(f"{stage} {mib:.0f}" for stage, mib in row["stage_peaks"].items())
        if "failed" in row:
            print(f"{size:>8,} complaints: FAILED ({row['failed']}); {memory}", flush=True)
            print(f"    tree PSS peak per stage, MiB: {stages}", flush=True)
            continue
        rows.append(row)
        print(
            f"{size:>8,} complaints: train {row['seconds']:7.1f} s wall, {row['cpu']:7.1f} s CPU, "
            f"main process peak RSS {row['peak_mib']:.0f} MiB, largest worker {row['worker_peak_mib']:.0f} MiB, "
            f"{memory}; micro-F1 {row['micro_f1']:.3f} (bag of words {row['bow_micro_f1']:.3f}), "
            f"PR-AUC {row['pr_auc']:.3f}, C {row['c']}, fit workers {row['workers']} "
            f"(with generation {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        print(f"    tree PSS peak per stage, MiB: {stages}", flush=True)
    rows.sort(key=lambda row: row["size"])
    base = rows[0] if rows else None
    for row in rows[1:]:
        assert base is not None
        factor = row["size"] / base["size"]
        print(
            f"x{factor:g} data: wall x{row['seconds'] / base['seconds']:.2f}, CPU x{row['cpu'] / base['cpu']:.2f}, "
            f"main peak x{row['peak_mib'] / base['peak_mib']:.2f}, tree PSS x{row['tree_pss_mib'] / base['tree_pss_mib']:.2f} "
            f"(linear would be x{factor:g})"
        )
    print(f"machine peak of this driver: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
