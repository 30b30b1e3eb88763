"""Load test of the service on loopback: mixed traffic, single annotations, batches; SQLite and PostgreSQL.

Usage (from the repository root):

    .venv/bin/python bench/load.py [--backends sqlite,postgresql] [--clients 50] [--seconds 60]
        [--solo-seconds 10] [--single-clients 8] [--single-seconds 20] [--batch-size 1000] [--batch-repeats 5]
        [--registry DIR] [--corpus DIR] [--postgres-url URL] [--workers 1]

For each backend: a fresh database (a SQLite file, or a PostgreSQL database created for the run and
dropped after it), keys made with `service.keys.create_key`, then `konflikt serve` in a child process
on a free 127.0.0.1 port with the registry's champion. Then:
1. mixed: `--clients` clients for `--seconds` mixing annotate, store, list and feedback;
2. solo: one client sending one complaint per `POST /v1/annotate` for `--solo-seconds` (the service
   time without queueing);
3. single: `--single-clients` clients doing the same for `--single-seconds`;
4. batch: `--batch-repeats` requests of `--batch-size` complaints.
Beside wall-clock latency each annotate run reports the server's CPU time per request (its process
and workers, from /proc): on a machine shared with other jobs that is the steadier number.
Afterwards the database must hold exactly the complaints and feedback the server accepted.
Aims: a batch of 1,000 in under 1 s; single-complaint p99 under 25 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from load_client import Stats, annotate_batches, annotate_singles, mixed_load  # noqa: E402
from load_server import DEFAULT_POSTGRES, database, make_keys, running_server, stored_counts  # noqa: E402

SMALL_CONFIG = {"test_months": 8, "validation_months": 8}


def corpus_texts(corpus: Path | None, folder: Path, *, limit: int = 2000) -> list[str]:
    """Complaint texts as citizens write them (personal data included: the server anonymises)."""
    if corpus is None or not (corpus / "complaints.jsonl").exists():
        from training.synth import generate_corpus

        corpus = folder / "corpus"
        generate_corpus(corpus, complaints=1200, seed=5)
    texts = []
    with (corpus / "complaints.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def ensure_registry(registry: Path | None, folder: Path, *, use_project_models: bool = True) -> Path:
    """The given registry if it has a champion, else the project's `models/` if it has one (and
    `use_project_models`), else a small model trained now into `registry` (or `folder/models`)."""
    from signals.registry import champion_version

    candidates = [registry, ROOT / "models" if use_project_models else None]
    for candidate in candidates:
        if candidate is not None and champion_version(candidate):
            return candidate
    from training.config import TrainConfig
    from training.synth import generate_corpus
    from training.train import train

    corpus = folder / "train-corpus"
    generate_corpus(corpus, complaints=1200, seed=5)
    target = registry or folder / "models"
    train(
        corpus / "complaints.jsonl",
        corpus / "contacts.csv",
        registry=target,
        config=TrainConfig.from_dict(SMALL_CONFIG),
    )
    return target


def run_backend(
    backend: str, *, registry: Path, texts: list[str], folder: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """All measurements against one backend, and the nothing-lost check."""
    with database(backend, folder, postgres_url=args.postgres_url) as url:
        keys = make_keys(url)
        server_root = getattr(args, "server_root", None) or ROOT
        log_file = folder / f"server-{backend}.log"
        with running_server(url, registry, log_file, workers=args.workers, root=server_root) as server:
            base = server.base
            mixed = asyncio.run(mixed_load(base, keys, texts, clients=args.clients, seconds=args.seconds))
            solo = single = batch = None
            solo_cpu = single_cpu = batch_cpu = None
            if getattr(args, "solo_seconds", 0) > 0:
                before = server.cpu_seconds()
                solo = asyncio.run(
                    annotate_singles(base, keys["analyst"], texts, clients=1, seconds=args.solo_seconds)
                )
                solo_cpu = _cpu_ms_per_request(server.cpu_seconds() - before, solo)
            if args.single_seconds > 0:
                before = server.cpu_seconds()
                single = asyncio.run(
                    annotate_singles(
                        base, keys["analyst"], texts, clients=args.single_clients, seconds=args.single_seconds
                    )
                )
                single_cpu = _cpu_ms_per_request(server.cpu_seconds() - before, single)
            if args.batch_repeats > 0:
                before = server.cpu_seconds()
                batch = asyncio.run(
                    annotate_batches(
                        base, keys["analyst"], texts, size=args.batch_size, repeats=args.batch_repeats
                    )
                )
                batch_cpu = _cpu_ms_per_request(server.cpu_seconds() - before, batch)
        complaints, feedback = stored_counts(url)
    return {
        "backend": backend,
        "mixed": mixed.summary(),
        "mixed_seconds": mixed.seconds,
        "accepted": {"complaints": len(mixed.accepted_complaints), "feedback": mixed.accepted_feedback},
        "unknown_writes": mixed.unknown_writes,
        "stored": {"complaints": complaints, "feedback": feedback},
        "solo": _with_cpu(solo.summary().get("annotate") if solo else None, solo_cpu),
        "single": _with_cpu(single.summary().get("annotate") if single else None, single_cpu),
        "batch": _with_cpu(batch.summary().get("batch") if batch else None, batch_cpu),
    }


def _cpu_ms_per_request(cpu_seconds: float, stats: Stats) -> float | None:
    requests = sum(len(values) for values in stats.latencies.values())
    return cpu_seconds * 1000 / requests if requests else None


def _with_cpu(summary: dict[str, Any] | None, cpu_ms: float | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {**summary, "server_cpu_ms": cpu_ms}


def render(results: list[dict[str, Any]], args: argparse.Namespace) -> str:
    lines = [
        f"mixed traffic: {args.clients} clients for {args.seconds:.0f} s; single: {args.single_clients} clients; "
        f"batch: {args.batch_size} complaints x {args.batch_repeats}; server workers: {args.workers}",
        "",
        "| backend | endpoint | requests | req/s | p50 ms | p99 ms | server CPU ms/request | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        rows = dict(result["mixed"])
        if result.get("solo"):
            rows["annotate (1 complaint, 1 client)"] = result["solo"]
        if result["single"]:
            rows[f"annotate (1 complaint, {args.single_clients} clients)"] = result["single"]
        if result["batch"]:
            rows[f"annotate (batch of {args.batch_size})"] = result["batch"]
        for endpoint, s in rows.items():
            cpu = s.get("server_cpu_ms")
            lines.append(
                f"| {result['backend']} | {endpoint} | {s['requests']:,} | {s['per_second']:,.1f} | "
                f"{s['p50_ms']:,.1f} | {s['p99_ms']:,.1f} | {'' if cpu is None else f'{cpu:,.1f}'} | "
                f"{s['errors']} {_failures(s['statuses'])} |"
            )
    lines.append("")
    for result in results:
        accepted, stored = result["accepted"], result["stored"]
        same = accepted == stored
        lines.append(
            f"{result['backend']}: accepted {accepted['complaints']} complaints and {accepted['feedback']} feedback; "
            f"stored {stored['complaints']} and {stored['feedback']}: "
            + ("nothing lost" if same else "MISMATCH")
            + (f" ({result['unknown_writes']} writes timed out)" if result["unknown_writes"] else "")
        )
        if result["batch"]:
            median_s = result["batch"]["p50_ms"] / 1000
            lines.append(f"  batch of {args.batch_size}: median {median_s:.2f} s (aim < 1 s)")
        if result["single"]:
            lines.append(f"  single annotate p99: {result['single']['p99_ms']:.0f} ms (aim < 25 ms)")
    return "\n".join(lines)


def _failures(statuses: dict[str, int]) -> str:
    bad = {k: v for k, v in statuses.items() if k not in ("200", "201")}
    return f"({', '.join(f'{k}: {v}' for k, v in sorted(bad.items()))})" if bad else ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--solo-seconds",
        type=float,
        default=10.0,
        help="One client sending one complaint per request: the service time without queueing.",
    )
    parser.add_argument("--single-clients", type=int, default=8)
    parser.add_argument("--single-seconds", type=float, default=20.0)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument(
        "--workers", type=int, default=1, help="Server worker processes (`konflikt serve --workers`)."
    )
    parser.add_argument("--batch-repeats", type=int, default=5)
    parser.add_argument(
        "--registry", type=Path, default=None, help="Registry with a champion (default: models/)."
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "default")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("KONFLIKT_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    )
    parser.add_argument(
        "--server-root",
        type=Path,
        default=None,
        help="Run the server from this source tree (default: this checkout), e.g. an earlier commit "
        "unpacked with `git archive`, to compare versions on the same machine state.",
    )
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="konflikt-load-") as tmp:
        folder = Path(tmp)
        registry = ensure_registry(args.registry, folder)
        texts = corpus_texts(args.corpus, folder)
        results = [
            run_backend(backend.strip(), registry=registry, texts=texts, folder=folder, args=args)
            for backend in args.backends.split(",")
            if backend.strip()
        ]
    print(f"date {date.today().isoformat()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(render(results, args))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
