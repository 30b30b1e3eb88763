"""`konflikt train` killed with SIGKILL, or out of disk space: the registry stays exactly as it was.

Each test runs the real command in a child process on a small corpus, against a copy of a registry
whose champion was really trained (conftest). Slow: every run trains a model.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults_support import SMALL_CONFIG, konflikt, snapshot

from signals.registry import CHAMPION_FILE, champion_version, list_versions, load_model
from training.registry import remove_stale_temporaries

pytestmark = pytest.mark.slow


def _train(corpus: Path, registry: Path, config: Path) -> subprocess.Popen[str]:
    return konflikt(
        "train",
        "--complaints",
        str(corpus / "complaints.jsonl"),
        "--contacts",
        str(corpus / "contacts.csv"),
        "--registry",
        str(registry),
        "--config",
        str(config),
    )


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "train.json"
    path.write_text(json.dumps(SMALL_CONFIG))
    return path


def _assert_as_before(registry: Path, before: dict[str, str], champion: str, killed_pid: int) -> None:
    assert snapshot(registry) == before  # every visible file, byte for byte
    assert champion_version(registry) == champion
    assert [v.version for v in list_versions(registry)] == [champion]
    assert load_model(registry).version == champion
    # what a killed run may leave is its own hidden temporary folder, which the next run removes
    leftovers = [p.name for p in registry.iterdir() if p.name.startswith(".")]
    assert all(name.startswith(f".tmp-{killed_pid}-") for name in leftovers), leftovers
    remove_stale_temporaries(registry)
    assert snapshot(registry, hidden=True) == before


def _wait_for_version_folder(registry: Path, process: subprocess.Popen[str], timeout: float) -> bool:
    """True as soon as the run has started writing its version (its hidden temporary folder exists)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.name.startswith(".tmp-") for p in registry.iterdir()):
            return True
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("moment", ["random", "while writing the version"])
def test_sigkill_leaves_the_registry_as_it_was(
    small_corpus: Path, registry_copy: Path, config_file: Path, moment: str
) -> None:
    champion = champion_version(registry_copy)
    assert champion is not None
    before = snapshot(registry_copy, hidden=True)
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    process = _train(small_corpus, registry_copy, config_file)
    try:
        if moment == "random":
            # somewhere in loading, anonymising, fitting (the small run takes well over 10 s)
            time.sleep(rng.uniform(0.5, 10.0))
        else:
            assert _wait_for_version_folder(registry_copy, process, timeout=900), (
                "training never got to registering"
            )
            time.sleep(rng.uniform(0.0, 0.05))  # mid-write: model file, documents or manifest
        assert process.poll() is None, f"the run ended before the kill (seed {seed})"
        os.killpg(process.pid, signal.SIGKILL)  # the run and any workers it started, as `kill -9 -PGID`
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
    _assert_as_before(registry_copy, before, champion, process.pid)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system (tmpfs) mounted for the test; needs the right to mount (root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip() or done.returncode})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_fails_in_one_line_and_keeps_the_champion(
    small_corpus: Path, trained_registry: Path, small_disk: Path, config_file: Path
) -> None:
    registry = small_disk / "models"
    shutil.copytree(trained_registry, registry)
    champion = champion_version(registry)
    before = snapshot(registry, hidden=True)
    # fill the disk, leaving far less room than a model needs
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * max(free - 32 * 1024, 0))
    process = _train(small_corpus, registry, config_file)
    _, stderr = process.communicate(timeout=1800)
    assert process.returncode == 1
    errors = [line for line in stderr.splitlines() if line.startswith("konflikt: error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0], stderr[-2000:]
    assert "champion is unchanged" in errors[0]
    assert "Traceback" not in stderr
    assert snapshot(registry, hidden=True) == before  # no half version, not even a hidden one
    assert (registry / CHAMPION_FILE).exists() and champion_version(registry) == champion
    assert load_model(registry).version == champion
