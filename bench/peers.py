"""The project's model against spaCy textcat and fastText on the same data, in the same run.

Usage (from the repository root; the default corpus is generated if absent):

    .venv/bin/python bench/peers.py [--data data/default] [--workdir DIR] [--rounds 3] [--core 0]
        [--ensemble-budget 600] [--ensemble-max-train N] [--systems project,spacy_bow,...]
    .venv/bin/python bench/peers.py --workdir DIR --render    # the table of a finished run
    .venv/bin/python bench/peers.py --workdir DIR --reuse --baseline-code OLD   # + an older checkout's speed

Steps, each system in its own subprocess (so peak memory is that system's):
1. prepare: load and anonymise the corpus as `konflikt train` does; split by time and citizen.
2. train: the project via `training.train.train` (its own loading, anonymising, evaluation,
   baselines and report included in its time); the peers on the anonymised training texts,
   settings, epochs and per-code thresholds chosen on validation. All scored on the test rows.
3. speed: each system's whole annotation path over the test texts, in a process pinned to one
   core: a warm-up pass over the validation texts, then one timed pass over the test texts, new
   to the process (the headline: caches keyed by a whole text cannot help, as in service), then
   the best of 2 passes over the same test texts again ("repeated texts", labelled so);
   `--rounds` rounds interleaved across systems, the best round by CPU time kept; plus spaCy's
   bare `blank("da")` tokenizer the same way, as the practical limit. Rates are given per
   CPU-second of the pinned process and per wall-clock second.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
# The speed worker of "project_baseline" runs another checkout's code (--baseline-code): its
# folder goes first on the path, before anything of this one is imported.
if sys.argv[1:3] == ["_speed", "project_baseline"]:
    sys.path.insert(0, sys.argv[6])

from peer_data import N_CODES, decide, load_prepared, load_text_set, prepare, score  # noqa: E402

TRAINED = ("project", "spacy_bow", "spacy_ensemble", "fasttext")
SPEED = (
    "project",
    "project_baseline",
    "project_with_anonymiser",
    "spacy_bow",
    "spacy_ensemble",
    "fasttext",
    "tokenizer",
)
TIMED_PASSES = 2  # passes over texts already seen once, after the pass over them as new texts
PROJECT_CHUNK = 500  # complaints per annotate() call, as a batch request would send


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def cpu_seconds() -> float:
    """User + system CPU time of this process (all its threads): the cost on an otherwise idle machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def current_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# ----- workers (run in subprocesses) -------------------------------------------------------------
def train_worker(system: str, workdir: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Train one system, score it on the test rows, save it for the speed workers."""
    prepared = workdir / "prepared"
    out = workdir / system
    out.mkdir(parents=True, exist_ok=True)
    test = load_text_set(prepared, "test")
    baseline_rss = current_rss_mib()
    if system == "project":
        return _train_project(prepared, out, test, Path(options["data"]), baseline_rss)
    from peer_systems import FastTextPeer, SpacyTextcat

    if system == "fasttext":
        peer: Any = FastTextPeer()
    else:
        architecture = system.removeprefix("spacy_")
        budget = options["ensemble_budget"] if architecture == "ensemble" else options["bow_budget"]
        peer = SpacyTextcat(architecture, budget_seconds=budget)
    limit = options.get("ensemble_max_train") if system == "spacy_ensemble" else None
    train = load_text_set(prepared, "train", limit=limit)
    validation = load_text_set(prepared, "validation")
    started, cpu_started = time.perf_counter(), cpu_seconds()
    peer.fit(train, validation)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    peer.save(out)
    scores = peer.scores(test.texts)
    rc = scores[:, :N_CODES]
    metrics = score(test.targets, decide(rc, peer.thresholds), rc, scores[:, N_CODES])
    return {
        "system": system,
        "train_seconds": seconds,
        "train_cpu_seconds": cpu,
        "train_rows": len(train),
        "metrics": metrics,
        "chosen": peer.chosen,
        "peak_rss_mib": peak_rss_mib(),
        "data_rss_mib": baseline_rss,
    }


def _train_project(prepared: Path, out: Path, test: Any, corpus: Path, baseline_rss: float) -> dict[str, Any]:
    from signals.registry import load_model
    from training.train import train

    started, cpu_started = time.perf_counter(), cpu_seconds()
    result = train(corpus / "complaints.jsonl", corpus / "contacts.csv", registry=out / "registry")
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    peak = peak_rss_mib()  # before the tables for scoring are loaded
    data = load_prepared(prepared)
    model: Any = load_model(out / "registry", result.version)
    frame = data.complaints.iloc[data.parts["test"]]
    rc, med = model.predict_scores(frame, data.contacts)
    metrics = score(test.targets, model.decide_root_causes(rc), rc, med)
    own = result.metrics["model"]["root_causes"]["micro_f1"]
    return {
        "system": "project",
        "train_seconds": seconds,
        "train_cpu_seconds": cpu,
        "train_rows": len(data.parts["train"]),
        "metrics": metrics,
        "text_only_pr_auc": result.metrics["text_only"]["mediation"]["pr_auc"],
        "same_split_as_training": abs(own - metrics["micro_f1"]) < 1e-9,
        "version": result.version,
        "peak_rss_mib": peak,
        "data_rss_mib": baseline_rss,
    }


def speed_worker(system: str, workdir: Path, core: int, limit: int | None) -> dict[str, Any]:
    """Texts per second through one system's whole annotation path, pinned to one core.

    Each process loads only what its path needs (the project: the test complaints and the
    contacts table; the others: the test texts), so its peak memory is its own.
    """
    os.sched_setaffinity(0, {core})
    prepared = workdir / "prepared"
    # Warmed up on the validation texts, timed on the test texts: the timed texts are new to the
    # process, as a service's are (nothing keyed by a whole text can be remembered from before).
    parts = {"warm": "validation", "timed": "test"}
    texts = {which: load_text_set(prepared, part).texts[:limit] for which, part in parts.items()}
    baseline_rss = current_rss_mib()
    run: Callable[[str], int]
    if system in ("project", "project_baseline", "project_with_anonymiser"):
        import pandas as pd

        from signals.anonymise import anonymise_texts
        from signals.registry import champion_version, load_model

        complaints = pd.read_pickle(prepared / "complaints.pkl")
        contacts = pd.read_pickle(prepared / "contacts.pkl")
        split = np.load(prepared / "split.npz")
        frames = {
            which: complaints.iloc[split[part][: len(texts[which])]].reset_index(drop=True)
            for which, part in parts.items()
        }
        del complaints
        if system == "project_with_anonymiser":  # the warm-up texts are anonymised already: no matter
            raw = json.loads((prepared / "raw_test_texts.json").read_text(encoding="utf-8"))
            frames["timed"] = frames["timed"].assign(text=raw[: len(frames["timed"])])
        baseline_rss = current_rss_mib()
        registry = workdir / "project" / "registry"
        model: Any = load_model(registry, champion_version(registry))

        def run(which: str) -> int:
            frame, done = frames[which], 0
            for start in range(0, len(frame), PROJECT_CHUNK):
                chunk = frame.iloc[start : start + PROJECT_CHUNK]
                if system == "project_with_anonymiser":
                    chunk = chunk.assign(text=anonymise_texts(chunk["text"].tolist()))
                done += len(model.annotate(chunk, contacts))
            return done

    elif system == "tokenizer":
        import spacy

        tokenizer = spacy.blank("da").tokenizer

        def run(which: str) -> int:
            return sum(1 for _ in tokenizer.pipe(texts[which], batch_size=1000))

    else:
        from peer_systems import annotate, load_peer

        peer = load_peer(workdir / system)

        def run(which: str) -> int:
            return len(annotate(peer, texts[which]))

    run("warm")
    n_texts = len(texts["timed"])
    started, cpu_started = time.perf_counter(), cpu_seconds()
    assert run("timed") == n_texts  # the texts' first time through
    unseen, unseen_cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    best, best_cpu = float("inf"), float("inf")
    for _ in range(TIMED_PASSES):  # the same texts again (labelled "repeated texts")
        started, cpu_started = time.perf_counter(), cpu_seconds()
        assert run("timed") == n_texts
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, cpu_seconds() - cpu_started)
    return {
        "system": system,
        "texts": n_texts,
        "warm_up_texts": len(texts["warm"]),
        "seconds": unseen,
        "texts_per_s": n_texts / unseen,
        "cpu_seconds": unseen_cpu,
        "texts_per_cpu_s": n_texts / unseen_cpu,
        "repeated_texts_per_s": n_texts / best,
        "repeated_texts_per_cpu_s": n_texts / best_cpu,
        "peak_rss_mib": peak_rss_mib(),
        "data_rss_mib": baseline_rss,
    }


# ----- orchestration -----------------------------------------------------------------------------
def _subprocess(args: list[str], *, core: int | None = None) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"worker {' '.join(args[:2])} failed with exit status {done.returncode}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="konflikt-peers-"))
    systems = [s for s in TRAINED if s in args.systems]
    data = Path(args.data)
    if not (data / "complaints.jsonl").exists():
        from training.train import ensure_default_data

        ensure_default_data(data)
    print(f"work folder: {workdir}", flush=True)
    prepared = workdir / "prepared" / "prepared.json"
    if args.reuse and prepared.exists():
        info = json.loads(prepared.read_text())
    else:
        info = prepare(workdir / "prepared", data / "complaints.jsonl", data / "contacts.csv")
    print(f"prepared: {info['split']}; loading + anonymising took {info['load_and_anonymise_seconds']:.1f} s")
    options = {
        "data": str(data),
        "ensemble_budget": args.ensemble_budget,
        "bow_budget": args.bow_budget,
        "ensemble_max_train": args.ensemble_max_train,
    }
    trained: dict[str, Any] = {}
    for system in systems:
        result_file = workdir / system / "result.json"
        if args.reuse and result_file.exists():
            trained[system] = json.loads(result_file.read_text())
        else:
            print(f"training {system} ...", flush=True)
            trained[system] = _subprocess(["_train", system, str(workdir), json.dumps(options)])
            result_file.write_text(json.dumps(trained[system], indent=2))
        m = trained[system]["metrics"]
        print(
            f"  {system}: micro-F1 {m['micro_f1']:.3f}, macro-F1 {m['macro_f1']:.3f}, "
            f"PR-AUC {m['pr_auc']:.3f}, {trained[system]['train_seconds']:.0f} s",
            flush=True,
        )
    speed_systems = [
        s
        for s in SPEED
        if s == "tokenizer"
        or s in systems
        or (s == "project_with_anonymiser" and "project" in systems)
        or (s == "project_baseline" and "project" in systems and args.baseline_code)
    ]
    speeds: dict[str, list[dict[str, Any]]] = {s: [] for s in speed_systems}
    for round_no in range(1, args.rounds + 1):
        print(f"speed round {round_no}/{args.rounds} (pinned to core {args.core}) ...", flush=True)
        for system in speed_systems:
            command = ["_speed", system, str(workdir), str(args.core), str(args.speed_texts or 0)]
            if system == "project_baseline":
                command.append(str(Path(args.baseline_code).resolve()))
            speeds[system].append(_subprocess(command))
    results = {
        "date": date.today().isoformat(),
        "prepared": info,
        "options": {**options, "baseline_code": args.baseline_code},
        "trained": trained,
        "speed_all": speeds,
        "load_average_at_end": os.getloadavg(),
        "cpus": os.cpu_count(),
    }
    (workdir / "results.json").write_text(json.dumps(results, indent=2))
    print(render(results))
    return results


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The best round by CPU time (robust on a shared machine), with the best wall-clock rate beside
    it; the same for the repeated-text passes where the run has them (results before they existed
    timed repeated texts only, as their headline)."""
    rate = "texts_per_cpu_s" if all("texts_per_cpu_s" in r for r in runs) else "texts_per_s"
    best = dict(max(runs, key=lambda r: r[rate]))
    best["rate"] = best[rate]
    best["wall_rate"] = max(r["texts_per_s"] for r in runs)
    best["peak_rss_mib"] = max(r["peak_rss_mib"] for r in runs)
    if all("repeated_texts_per_cpu_s" in r for r in runs):
        best["repeated_rate"] = max(r["repeated_texts_per_cpu_s"] for r in runs)
        best["repeated_wall_rate"] = max(r["repeated_texts_per_s"] for r in runs)
    return best


def _rate(speed: dict[str, Any]) -> str:
    """'unseen CPU (wall)' and, where measured, '; repeated texts CPU (wall)'."""
    text = f"{speed['rate']:,.0f} ({speed['wall_rate']:,.0f})"
    if "repeated_rate" in speed:
        text += f"; repeated texts {speed['repeated_rate']:,.0f} ({speed['repeated_wall_rate']:,.0f})"
    return text


def render(results: dict[str, Any]) -> str:
    """The markdown table and the ratios the aims are about (speeds per CPU-second of one pinned core)."""
    trained = results["trained"]
    speed = {system: _best(runs) for system, runs in results["speed_all"].items()}
    lines = [
        "| system | root-cause micro-F1 | macro-F1 | mediation PR-AUC | training: wall (CPU) "
        "| annotation texts/s per core, new texts: CPU (wall) | peak RSS training | peak RSS annotating |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for system in TRAINED:
        if system not in trained:
            continue
        t, m, s = trained[system], trained[system]["metrics"], speed.get(system)
        pr = f"{m['pr_auc']:.3f}"
        if system == "project":
            pr += f" (text only: {t['text_only_pr_auc']:.3f})"
        rate = _rate(s) if s else "-"
        if system == "project" and "project_with_anonymiser" in speed:
            with_anonymiser = speed["project_with_anonymiser"]
            rate += f"; with anonymiser {with_anonymiser['rate']:,.0f} ({with_anonymiser['wall_rate']:,.0f})"
        cpu = f" ({t['train_cpu_seconds']:,.0f} s)" if "train_cpu_seconds" in t else ""
        lines.append(
            f"| {system} | {m['micro_f1']:.3f} | {m['macro_f1']:.3f} | {pr} | {t['train_seconds']:,.0f} s{cpu}, "
            f"{t['train_rows']:,} rows | {rate} | {t['peak_rss_mib']:,.0f} MiB | "
            f"{s['peak_rss_mib'] if s else 0:,.0f} MiB |"
        )
    if "tokenizer" in speed:
        tokenizer = speed["tokenizer"]
        lines.append(f"\nbare spaCy blank('da') tokenizer, texts/s per CPU-second (wall): {_rate(tokenizer)}")
    lines.append("")
    project = speed.get("project")
    if project:
        for peer in ("spacy_bow", "spacy_ensemble", "fasttext"):
            if peer in speed:
                lines.append(
                    f"annotation speed, new texts, project / {peer}: {project['rate'] / speed[peer]['rate']:.2f}x"
                )
        if "tokenizer" in speed:
            share = project["rate"] / speed["tokenizer"]["rate"]
            lines.append(f"annotation path / bare tokenizer, new texts: {share:.1%} (aim >= 25%)")
        if "project_baseline" in speed:
            baseline = speed["project_baseline"]
            lines.append(
                f"baseline code ({results['options'].get('baseline_code')}): texts/s per CPU-second "
                f"(wall) {_rate(baseline)}; project / baseline: {project['rate'] / baseline['rate']:.2f}x"
            )
        if "repeated_rate" in project:
            lines.append("repeated texts (the same texts a second time; not the headline):")
            for peer in ("spacy_bow", "spacy_ensemble", "fasttext", "tokenizer", "project_baseline"):
                if "repeated_rate" in speed.get(peer, {}):
                    ratio = project["repeated_rate"] / speed[peer]["repeated_rate"]
                    lines.append(f"  project / {peer}: {ratio:.2f}x")
    if "project" in trained:
        ours = trained["project"]["metrics"]
        for peer in ("spacy_bow", "spacy_ensemble", "fasttext"):
            if peer in trained:
                theirs = trained[peer]["metrics"]
                lines.append(
                    f"F1 project - {peer}: micro {ours['micro_f1'] - theirs['micro_f1']:+.3f}, "
                    f"macro {ours['macro_f1'] - theirs['macro_f1']:+.3f}"
                )
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("_train", "_speed"):
        kind, system, workdir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
        if kind == "_train":
            result = train_worker(system, workdir, json.loads(sys.argv[4]))
        else:
            result = speed_worker(system, workdir, int(sys.argv[4]), int(sys.argv[5]) or None)
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(ROOT / "data" / "default"))
    parser.add_argument(
        "--workdir", help="Keep prepared data, models and results here (default: a temp folder)."
    )
    parser.add_argument(
        "--reuse", action="store_true", help="Reuse prepared data and trained systems in --workdir."
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--core", type=int, default=0)
    parser.add_argument(
        "--speed-texts", type=int, default=None, help="Time the first N test texts (default: all)."
    )
    parser.add_argument(
        "--bow-budget", type=float, default=600.0, help="Seconds for spaCy bag-of-words training."
    )
    parser.add_argument(
        "--ensemble-budget", type=float, default=600.0, help="Seconds for spaCy ensemble training."
    )
    parser.add_argument(
        "--ensemble-max-train", type=int, default=None, help="Subsample the ensemble's training rows."
    )
    parser.add_argument(
        "--systems", default=",".join(TRAINED), help="Comma-separated subset of " + ",".join(TRAINED)
    )
    parser.add_argument(
        "--render", action="store_true", help="Only print the table of --workdir's results.json."
    )
    parser.add_argument(
        "--baseline-code",
        help="Also time the project's annotation path with the code in this folder (e.g. an earlier "
        "commit, `git archive <commit> | tar -x -C DIR`), in the same rounds: a before/after ratio.",
    )
    args = parser.parse_args()
    if args.render:
        print(render(json.loads((Path(args.workdir) / "results.json").read_text())))
        return
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    run_all(args)


if __name__ == "__main__":
    main()
