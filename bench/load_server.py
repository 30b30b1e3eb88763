"""A real `konflikt serve` for the load test: its own database (SQLite file or a PostgreSQL database made
and dropped for the run), API keys made with the service's own key functions, uvicorn in a child process
on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from service.db import make_engine, make_session_factory, upgrade_database
from service.keys import create_key
from service.tables import ComplaintRow, FeedbackRow

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def database(backend: str, folder: Path, *, postgres_url: str = DEFAULT_POSTGRES) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file in `folder`, or a PostgreSQL database of its own
    (created on the server of `postgres_url` and dropped afterwards, so no test data is touched)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'load.db'}"
        return
    name = f"konflikt_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def make_keys(database_url: str) -> dict[str, str]:
    """Migrate the database and create one key per role (as `konflikt keys create` does)."""
    engine = make_engine(database_url)
    try:
        upgrade_database(engine)
        with make_session_factory(engine)() as session:
            keys = {}
            for role, department in (("advisor", None), ("analyst", None), ("forvaltning", "SOF")):
                _, keys[role] = create_key(session, role=role, forvaltning=department, name=f"load {role}")
            session.commit()
        return keys
    finally:
        engine.dispose()


def stored_counts(database_url: str) -> tuple[int, int]:
    """(complaints, feedback rows) in the database."""
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            complaints = session.scalar(select(func.count()).select_from(ComplaintRow)) or 0
            feedback = session.scalar(select(func.count()).select_from(FeedbackRow)) or 0
        return int(complaints), int(feedback)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class RunningServer:
    """A started `konflikt serve`: its base URL and its process (the parent of any workers)."""

    base: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server process and its live descendants.

        On a shared machine wall-clock latency also measures everyone else's jobs; the CPU the
        server spent per request does not."""
        return _tree_cpu_seconds(self.pid)


def _tree_cpu_seconds(root: int) -> float:
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime, stime
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


@contextmanager
def running_server(
    database_url: str,
    registry: Path,
    log_file: Path,
    *,
    workers: int = 1,
    root: Path = ROOT,
    without: tuple[str, ...] = (),
) -> Iterator[RunningServer]:
    """`konflikt serve` (with `workers` processes) on a free 127.0.0.1 port until the block ends.

    `root` is the source tree the server runs from: another checkout (say, an earlier commit
    unpacked with `git archive`) compares two versions of the service in one run. `without`
    names installed modules the server must not find (packages whose import fails), so the
    code before a dependency was added runs as it did then: uvicorn falls back to asyncio and
    h11 when `uvloop` and `httptools` cannot be imported."""
    port = free_port()
    path = str(root)
    if without:
        blocked = log_file.parent / f"{log_file.stem}-without"
        for module in without:
            (blocked / module).mkdir(parents=True, exist_ok=True)
            (blocked / module / "__init__.py").write_text(
                f"raise ImportError('{module} is hidden for this run')\n"
            )
        path = f"{blocked}{os.pathsep}{root}"
    env = {
        **os.environ,
        "KONFLIKT_DATABASE_URL": database_url,
        "KONFLIKT_REGISTRY": str(registry),
        "PYTHONPATH": path,
    }
    with log_file.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "konflikt.cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            cwd=root,
            env=env,
            stdout=log,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(base, process, timeout=300)
            yield RunningServer(base, process.pid)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_ready(base: str, process: subprocess.Popen[bytes], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} before it was ready")
        try:
            health = httpx.get(f"{base}/health", timeout=2).json()
            if health.get("model_version"):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server was not ready with a model within {timeout:.0f} s")
