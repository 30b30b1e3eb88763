"""Load test of the service on loopback: mixed traffic, single annotations, batches; SQLite and PostgreSQL.

Usage (from the repository root):

    .venv/bin/python bench/load.py [--backends sqlite,postgresql] [--clients 50] [--seconds 60]
        [--solo-seconds 10] [--single-clients 8] [--single-seconds 20] [--batch-size 1000] [--batch-repeats 5]
        [--registry DIR] [--corpus DIR] [--postgres-url URL] [--workers 1]
        [--open-loads 0.25,0.5,0.75] [--open-seconds 20] [--before-root DIR [--before-without uvloop,httptools]]

For each backend: a fresh database (a SQLite file, or a PostgreSQL database created for the run and
dropped after it), keys made with `service.keys.create_key`, then `konflikt serve` in a child process
on a free 127.0.0.1 port with the registry's champion. Then:
1. mixed: `--clients` clients for `--seconds` mixing annotate, store, list and feedback;
2. solo: one client sending one complaint per `POST /v1/annotate` for `--solo-seconds` (the service
   time without queueing);
3. single: `--single-clients` clients doing the same for `--single-seconds`, each waiting for its
   answer before sending the next (a closed loop: latency is about clients / throughput);
4. open loop: one complaint per request at Poisson arrivals of a fixed rate from `--single-clients`
   client tasks, for `--open-seconds` at each of `--open-loads` (fractions of the closed-loop
   throughput just measured); latency from each request's intended send time, so waiting for a
   free client or a busy server counts;
5. batch: `--batch-repeats` requests of `--batch-size` complaints.
With `--before-root`, a second server runs that source tree on its own database beside the
current one, and every measurement is taken for both in turn (same open-loop rates for both).
Beside wall-clock latency each annotate run reports the server's CPU time per request (its process
and workers, from /proc): on a machine shared with other jobs that is the steadier number; and
the load generator's own CPU time per request, since it runs on the same cores (the single-complaint
runs use a minimal HTTP client for that reason: see `load_client.py`).
Afterwards the database must hold exactly the complaints and feedback the server accepted.
Aims: a batch of 1,000 in under 1 s; single-complaint p99 under 25 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from load_client import (  # noqa: E402
    Stats,
    annotate_batches,
    annotate_open_loop,
    annotate_singles,
    mixed_load,
)
from load_server import (  # noqa: E402
    DEFAULT_POSTGRES,
    RunningServer,
    database,
    make_keys,
    running_server,
    stored_counts,
)

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


@dataclass(frozen=True)
class Version:
    """A version of the service to load: its source tree and the installed modules it must not see."""

    label: str
    root: Path
    without: tuple[str, ...] = ()


def versions_of(args: argparse.Namespace) -> list[Version]:
    """`--before-root` (if given) then the server root (default: this checkout)."""
    current = Version("", getattr(args, "server_root", None) or ROOT)
    before = getattr(args, "before_root", None)
    if before is None:
        return [current]
    without = tuple(m for m in (getattr(args, "before_without", "") or "").split(",") if m)
    return [Version("before", before, without), Version("after", current.root)]


def run_backend(
    backend: str, *, registry: Path, texts: list[str], folder: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """All measurements of the server root against one backend, and the nothing-lost check."""
    only = Version("", getattr(args, "server_root", None) or ROOT)
    return run_versions(backend, [only], registry=registry, texts=texts, folder=folder, args=args)[0]


def run_versions(
    backend: str,
    versions: list[Version],
    *,
    registry: Path,
    texts: list[str],
    folder: Path,
    args: argparse.Namespace,
) -> list[dict[str, Any]]:
    """Every version's server runs at once (each on its own fresh database); each measurement
    is taken for one version after the other, so all versions meet the same machine state.

    The open-loop rates are fractions of the closed-loop (8-client) throughput of the last
    version (the current code), the same rates for every version."""
    with contextlib.ExitStack() as stack:
        servers = []
        for number, version in enumerate(versions):
            place = folder / f"{backend}-{number}"
            place.mkdir(parents=True, exist_ok=True)
            url = stack.enter_context(database(backend, place, postgres_url=args.postgres_url))
            keys = make_keys(url)
            server = stack.enter_context(
                running_server(
                    url,
                    registry,
                    place / "server.log",
                    workers=args.workers,
                    root=version.root,
                    without=version.without,
                )
            )
            servers.append((version, url, keys, server))
        results = [{"backend": backend, "version": version.label} for version in versions]

        def measure(server: RunningServer, load: Any) -> tuple[Stats, dict[str, float | None]]:
            """Run `load`; the server's and this load generator's CPU time per request."""
            before, client_before = server.cpu_seconds(), _own_cpu_seconds()
            stats = asyncio.run(load)
            return stats, {
                "server_cpu_ms": _cpu_ms_per_request(server.cpu_seconds() - before, stats),
                "client_cpu_ms": _cpu_ms_per_request(_own_cpu_seconds() - client_before, stats),
            }

        for result, (_version, _url, keys, server) in zip(results, servers, strict=True):
            mixed = asyncio.run(
                mixed_load(server.base, keys, texts, clients=args.clients, seconds=args.seconds)
            )
            result.update(
                mixed=mixed.summary(),
                mixed_seconds=mixed.seconds,
                accepted={"complaints": len(mixed.accepted_complaints), "feedback": mixed.accepted_feedback},
                unknown_writes=mixed.unknown_writes,
                solo=None,
                single=None,
                batch=None,
                open=[],
            )
        for result, (_version, _url, keys, server) in zip(results, servers, strict=True):
            if getattr(args, "solo_seconds", 0) > 0:
                load = annotate_singles(
                    server.base, keys["analyst"], texts, clients=1, seconds=args.solo_seconds
                )
                stats, cpu = measure(server, load)
                result["solo"] = _with_cpu(stats.summary().get("annotate"), cpu)
        for result, (_version, _url, keys, server) in zip(results, servers, strict=True):
            if args.single_seconds > 0:
                load = annotate_singles(
                    server.base,
                    keys["analyst"],
                    texts,
                    clients=args.single_clients,
                    seconds=args.single_seconds,
                )
                stats, cpu = measure(server, load)
                result["single"] = _with_cpu(stats.summary().get("annotate"), cpu)
        fractions = [float(f) for f in (getattr(args, "open_loads", "") or "").split(",") if f]
        closed = results[-1]["single"]
        if fractions and closed and getattr(args, "open_seconds", 0) > 0:
            for fraction in fractions:
                rate = fraction * closed["per_second"]
                for result, (_version, _url, keys, server) in zip(results, servers, strict=True):
                    load = annotate_open_loop(
                        server.base,
                        keys["analyst"],
                        texts,
                        rate=rate,
                        seconds=args.open_seconds,
                        clients=args.single_clients,
                        seed=int(fraction * 1000),
                    )
                    stats, cpu = measure(server, load)
                    summary = _with_cpu(stats.summary().get("annotate"), cpu)
                    if summary:
                        result["open"].append({**summary, "fraction": fraction, "offered_per_second": rate})
        for result, (_version, _url, keys, server) in zip(results, servers, strict=True):
            if args.batch_repeats > 0:
                load = annotate_batches(
                    server.base, keys["analyst"], texts, size=args.batch_size, repeats=args.batch_repeats
                )
                stats, cpu = measure(server, load)
                result["batch"] = _with_cpu(stats.summary().get("batch"), cpu)
        for result, (_version, url, _keys, _server) in zip(results, servers, strict=True):
            complaints, feedback = stored_counts(url)  # the mixed run was the only writer
            result["stored"] = {"complaints": complaints, "feedback": feedback}
    return results


def _cpu_ms_per_request(cpu_seconds: float, stats: Stats) -> float | None:
    requests = sum(len(values) for values in stats.latencies.values())
    return cpu_seconds * 1000 / requests if requests else None


def _own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _with_cpu(summary: dict[str, Any] | None, cpu: dict[str, float | None]) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {**summary, **cpu}


def render(results: list[dict[str, Any]], args: argparse.Namespace) -> str:
    lines = [
        f"mixed traffic: {args.clients} clients for {args.seconds:.0f} s; single: {args.single_clients} clients; "
        f"batch: {args.batch_size} complaints x {args.batch_repeats}; server workers: {args.workers}",
        "",
        "| backend | endpoint | requests | req/s | p50 ms | p99 ms | server CPU ms/request | "
        "client CPU ms/request | errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        rows = dict(result["mixed"])
        if result.get("solo"):
            rows["annotate (1 complaint, 1 client)"] = result["solo"]
        if result["single"]:
            rows[f"annotate (1 complaint, {args.single_clients} clients, closed loop)"] = result["single"]
        if result["batch"]:
            rows[f"annotate (batch of {args.batch_size})"] = result["batch"]
        label = f"{result['version']}: " if result.get("version") else ""
        for endpoint, s in rows.items():
            lines.append(
                f"| {result['backend']} | {label}{endpoint} | {s['requests']:,} | {s['per_second']:,.1f} | "
                f"{s['p50_ms']:,.1f} | {s['p99_ms']:,.1f} | {_cpu(s)} | {_cpu(s, 'client_cpu_ms')} | "
                f"{s['errors']} {_failures(s['statuses'])} |"
            )
    if any(result.get("open") for result in results):
        lines += [
            "",
            f"open loop: Poisson arrivals from {args.single_clients} client tasks for {args.open_seconds:.0f} s, "
            "latency from each request's intended send time; offered rate = fraction x the closed-loop "
            "throughput of the last version in this run",
            "",
            "| backend | version | offered req/s | achieved req/s | requests | p50 ms | p99 ms | "
            "server CPU ms/request | client CPU ms/request | errors |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for result in results:
            for s in result.get("open") or []:
                lines.append(
                    f"| {result['backend']} | {result.get('version') or '-'} | "
                    f"{s['offered_per_second']:,.1f} ({s['fraction']:.0%}) | {s['per_second']:,.1f} | "
                    f"{s['requests']:,} | {s['p50_ms']:,.1f} | {s['p99_ms']:,.1f} | {_cpu(s)} | "
                    f"{_cpu(s, 'client_cpu_ms')} | {s['errors']} {_failures(s['statuses'])} |"
                )
    lines.append("")
    for result in results:
        accepted, stored = result["accepted"], result["stored"]
        same = accepted == stored
        name = f"{result['backend']}" + (f" ({result['version']})" if result.get("version") else "")
        lines.append(
            f"{name}: accepted {accepted['complaints']} complaints and {accepted['feedback']} feedback; "
            f"stored {stored['complaints']} and {stored['feedback']}: "
            + ("nothing lost" if same else "MISMATCH")
            + (f" ({result['unknown_writes']} writes timed out)" if result["unknown_writes"] else "")
        )
        if result["batch"]:
            median_s = result["batch"]["p50_ms"] / 1000
            lines.append(f"  batch of {args.batch_size}: median {median_s:.2f} s (aim < 1 s)")
        if result["single"]:
            lines.append(
                f"  single annotate p99, {args.single_clients} clients closed loop: "
                f"{result['single']['p99_ms']:.0f} ms (aim < 25 ms)"
            )
        for s in result.get("open") or []:
            lines.append(
                f"  single annotate p99, open loop at {s['offered_per_second']:.1f} req/s "
                f"({s['fraction']:.0%}): {s['p99_ms']:.0f} ms (aim < 25 ms)"
            )
    return "\n".join(lines)


def _cpu(summary: dict[str, Any], key: str = "server_cpu_ms") -> str:
    cpu = summary.get(key)
    return "" if cpu is None else f"{cpu:,.1f}"


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
    parser.add_argument(
        "--before-root",
        type=Path,
        default=None,
        help="Also run the server from this source tree (e.g. the code before a change, unpacked with "
        "`git archive`) beside the server root, each measurement taken for both in turn.",
    )
    parser.add_argument(
        "--before-without",
        default="",
        help="Installed modules the --before-root server must not find (comma-separated), e.g. "
        "uvloop,httptools for code from before they were dependencies.",
    )
    parser.add_argument(
        "--open-loads",
        default="0.25,0.5,0.75",
        help="Open-loop runs: offered rates as fractions of the closed-loop throughput ('' for none).",
    )
    parser.add_argument("--open-seconds", type=float, default=20.0, help="Length of each open-loop run.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="konflikt-load-") as tmp:
        folder = Path(tmp)
        registry = ensure_registry(args.registry, folder)
        texts = corpus_texts(args.corpus, folder)
        versions = versions_of(args)
        results = [
            result
            for backend in args.backends.split(",")
            if backend.strip()
            for result in run_versions(
                backend.strip(), versions, registry=registry, texts=texts, folder=folder, args=args
            )
        ]
    print(f"date {date.today().isoformat()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(render(results, args))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
