"""Helpers for the fault tests: registry snapshots, the CLI as a subprocess, a private PostgreSQL."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Training settings for the small fault corpus (1,200 complaints over about three years).
SMALL_CONFIG = {"test_months": 8, "validation_months": 8}


def snapshot(folder: Path, *, hidden: bool = False) -> dict[str, str]:
    """Relative path -> SHA-256 of every file (hidden `.tmp-*` folders left out unless asked for)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not hidden and any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            found[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def konflikt(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    """`konflikt ARGS` as a child process in its own process group (kill the group: joblib's worker
    processes would otherwise outlive a SIGKILL-ed parent and hold its output pipes open)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "konflikt.cli", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,  # type: ignore[call-overload]
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not candidates:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
    return candidates[-1].parent


@dataclass
class PrivatePostgres:
    """A PostgreSQL server of our own (its own data folder and port), to stop and start at will."""

    bin: Path
    data: Path
    port: int
    user: str | None  # run the server as this OS user (initdb refuses root)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        # -l: the server's output goes to a file, not to our pipe (which would then never close)
        log = str(self.data / "server.log")
        self._run("pg_ctl", "-D", str(self.data / "db"), "-l", log, "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        """An immediate shutdown: what a crash or a failover looks like to the clients."""
        self._run("pg_ctl", "-D", str(self.data / "db"), "-m", "immediate", "-w", "stop")


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """initdb into a fresh folder, start on a free port; stopped and removed afterwards."""
    binaries = postgres_bin()
    user = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="konflikt-pg-"))
    if user:
        shutil.chown(folder, user=user)
    server = PrivatePostgres(bin=binaries, data=folder, port=free_port(), user=user)
    try:
        server._run("initdb", "-D", str(folder / "db"), "-U", "postgres", "-A", "trust", "--no-sync")
        server.start()
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def wait_for(condition: object, *, timeout: float, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(every)
    return bool(condition())  # type: ignore[operator]
