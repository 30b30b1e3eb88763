"""The service's own cost per request, without the model's: server CPU per `POST /v1/annotate` with a
keyword model (tests/service/svc_models.py, a few microseconds per complaint) and per `GET /health`.

Usage (from the repository root):

    .venv/bin/python bench/load_stack.py [--roots DIR[,DIR...]] [--without uvloop,httptools]
        [--backends sqlite,postgresql] [--requests 400] [--rounds 3] [--postgres-url URL]

Each root is a source tree (default: this checkout; an earlier commit unpacked with `git archive`
compares versions). For each backend every root's server runs at once under uvicorn on its own
fresh database; then, round after round, each server in turn gets `--requests` annotate requests
from one client, the same from 8 clients, and `--requests` health checks. Printed per root: the
server process's CPU time per request (from /proc; median and all rounds) and the wall time per
request. `--without` hides installed modules from the first root's server (code from before they
were dependencies). The last run ("charset") sends the annotate bodies as `application/json;
charset=utf-8`: a tree that treats content types alike serves it as the first run, so the pair
shows how noisy the run is (and a tree with a content-type shortcut, compares its two paths).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import httpx  # noqa: E402
from load_client import complaint  # noqa: E402
from load_server import DEFAULT_POSTGRES, _tree_cpu_seconds, _wait_until_ready, database, free_port, make_keys  # noqa: E402

SERVER = """
import sys
root, url, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path[:0] = [root, {tests!r}]
import uvicorn
from svc_models import SwitchableSource
from service.main import create_app, run_kwargs
from service.settings import Settings
settings = Settings(database_url=url, json_logs=True)
app = create_app(settings, model_source=SwitchableSource("stack-v1"))
uvicorn.run(app, host="127.0.0.1", port=port, **run_kwargs(settings))
"""


async def drive(
    base: str,
    key: str,
    texts: list[str],
    *,
    requests: int,
    clients: int,
    path: str,
    content_type: str = "application/json",
) -> None:
    rng = random.Random(3)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": content_type}
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

        async def one(worker: int) -> None:
            for i in range(requests // clients):
                if path == "/health":
                    response = await client.get("/health")
                else:
                    body = {"complaints": [complaint(texts, rng, f"s{worker}-{i}")]}
                    response = await client.post(path, content=json.dumps(body), headers=headers)
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: status {response.status_code}")

        await asyncio.gather(*(one(w) for w in range(clients)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--roots", default=str(ROOT))
    parser.add_argument("--without", default="", help="Modules the first root's server must not find.")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "default")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("KONFLIKT_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    )
    args = parser.parse_args()
    roots = [Path(r) for r in args.roots.split(",")]
    texts = []
    with (args.corpus / "complaints.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= 2000:
                break
    # The last run sends the same bodies as `application/json; charset=utf-8`: the same path as the
    # first run unless a tree treats the content types differently (see the docstring).
    runs = (
        ("annotate, 1 client", 1, "/v1/annotate", "application/json"),
        ("annotate, 8 clients", 8, "/v1/annotate", "application/json"),
        ("health", 1, "/health", "application/json"),
        ("annotate, 1 client, charset", 1, "/v1/annotate", "application/json; charset=utf-8"),
    )
    results: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory(prefix="konflikt-stack-") as tmp, contextlib.ExitStack() as stack:
            folder = Path(tmp)
            script = folder / "server.py"
            script.write_text(SERVER.format(tests=str(ROOT / "tests" / "service")))
            servers = []
            try:
                for number, root in enumerate(roots):
                    place = folder / str(number)
                    place.mkdir()
                    url = stack.enter_context(database(backend, place, postgres_url=args.postgres_url))
                    keys = make_keys(url)
                    path = str(root)
                    if number == 0 and args.without:
                        for module in args.without.split(","):
                            (place / "without" / module).mkdir(parents=True)
                            (place / "without" / module / "__init__.py").write_text("raise ImportError\n")
                        path = f"{place / 'without'}{os.pathsep}{root}"
                    port = free_port()
                    process = subprocess.Popen(
                        [sys.executable, str(script), str(root), url, str(port)],
                        env={**os.environ, "PYTHONPATH": path},
                        cwd=root,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    servers.append((str(root), process, f"http://127.0.0.1:{port}", keys))
                    _wait_until_ready(servers[-1][2], process, timeout=120)
                for _ in range(args.rounds):
                    for name, process, base, keys in servers:
                        for label, clients, route, content_type in runs:
                            asyncio.run(
                                drive(
                                    base,
                                    keys["analyst"],
                                    texts,
                                    requests=40,
                                    clients=clients,
                                    path=route,
                                    content_type=content_type,
                                )
                            )
                            cpu, wall = _tree_cpu_seconds(process.pid), time.perf_counter()
                            asyncio.run(
                                drive(
                                    base,
                                    keys["analyst"],
                                    texts,
                                    requests=args.requests,
                                    clients=clients,
                                    path=route,
                                    content_type=content_type,
                                )
                            )
                            cpu = (_tree_cpu_seconds(process.pid) - cpu) * 1000 / args.requests
                            wall = (time.perf_counter() - wall) * 1000 / args.requests
                            results.setdefault((backend, name, label), []).append((cpu, wall))
            finally:
                for _name, process, _base, _keys in servers:
                    process.terminate()
                    process.wait()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| backend | root | run | server CPU ms/request (median) | all rounds | wall ms/request (median) |")
    print("|---|---|---|---|---|---|")
    for (backend, name, label), values in results.items():
        cpus = sorted(v[0] for v in values)
        walls = sorted(v[1] for v in values)
        print(
            f"| {backend} | {name} | {label} | {cpus[len(cpus) // 2]:.2f} | "
            f"{', '.join(f'{c:.2f}' for c in cpus)} | {walls[len(walls) // 2]:.2f} |"
        )

    def median_cpu(backend: str, name: str, label: str) -> float:
        cpus = sorted(v[0] for v in results[(backend, name, label)])
        return cpus[len(cpus) // 2]

    names = [str(root) for root in roots]
    print("\nRatios of median server CPU per request (same run):")
    for backend in args.backends.split(","):
        for label, *_ in runs:
            if len(names) > 1:
                ratio = median_cpu(backend, names[-1], label) / median_cpu(backend, names[0], label)
                print(f"{backend}, {label}: last root / first root {ratio:.2f}")
        for name in names:
            plain = median_cpu(backend, name, "annotate, 1 client")
            charset = median_cpu(backend, name, "annotate, 1 client, charset")
            print(f"{backend}, {name}: annotate 1 client, plain JSON / charset {plain / charset:.2f}")


if __name__ == "__main__":
    main()
