"""The registry: atomic versions, promotion and rollback, refusal of tampered or foreign artifacts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from signals.errors import KonfliktError
from signals.registry import (
    CHAMPION_FILE,
    ModelLoadError,
    NoModelError,
    champion_version,
    list_versions,
    load_model,
)
from training.registry import new_version_id, promote, register, rollback


@dataclass
class TinyAnnotator:
    """A picklable object with the Annotator shape; the registry does not care what is inside."""

    version: str
    payload: list[int]

    def annotate(self, complaints, contacts):  # pragma: no cover - not called here
        return []


def _register(registry: Path, version: str) -> None:
    register(
        registry,
        TinyAnnotator(version=version, payload=list(range(50))),
        version=version,
        config={"seed": 7},
        metrics={"test": {"root_cause_micro_f1": 0.7}},
        data_fingerprint="abc123" * 10,
        documents={"model_card.md": "# card\n"},
    )


def test_version_id_has_time_and_fingerprint():
    from datetime import UTC, datetime

    version = new_version_id("abcdef123456", now=datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC))
    assert version == "2026-11-22T10-00-00-abcdef"


def test_register_promote_load_and_rollback(tmp_path):
    _register(tmp_path, "v1")
    _register(tmp_path, "v2")
    assert [v.version for v in list_versions(tmp_path)] == ["v1", "v2"]
    assert champion_version(tmp_path) is None
    with pytest.raises(NoModelError, match="no champion"):
        load_model(tmp_path)

    promote(tmp_path, "v1", reason="first")
    promote(tmp_path, "v2", reason="better")
    assert champion_version(tmp_path) == "v2"
    assert load_model(tmp_path).version == "v2"
    assert rollback(tmp_path) == "v1"
    assert champion_version(tmp_path) == "v1"
    history = json.loads((tmp_path / CHAMPION_FILE).read_text())["history"]
    assert [move["version"] for move in history] == ["v1", "v2", "v1"]


def test_manifest_records_hashes_libraries_and_metrics(tmp_path):
    _register(tmp_path, "v1")
    manifest = list_versions(tmp_path)[0].manifest
    assert set(manifest["files"]) == {"model.joblib", "config.json", "model_card.md"}
    assert all(len(h) == 64 for h in manifest["files"].values())
    assert "scikit-learn" in manifest["libraries"]
    assert manifest["metrics"]["test"]["root_cause_micro_f1"] == 0.7


def test_existing_version_is_not_overwritten(tmp_path):
    _register(tmp_path, "v1")
    with pytest.raises(KonfliktError, match="already exists"):
        _register(tmp_path, "v1")


def test_unknown_version_cannot_be_promoted(tmp_path):
    with pytest.raises(NoModelError):
        promote(tmp_path, "nope")


@pytest.mark.parametrize("damage", ["tamper", "truncate", "delete"])
def test_damaged_model_file_is_refused(tmp_path, damage):
    _register(tmp_path, "v1")
    promote(tmp_path, "v1")
    path = tmp_path / "v1" / "model.joblib"
    if damage == "tamper":
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[:20])
    else:
        path.unlink()
    with pytest.raises(ModelLoadError, match=r"v1: model.joblib (does not match|is missing)"):
        load_model(tmp_path)


def test_other_scikit_learn_version_is_refused(tmp_path):
    _register(tmp_path, "v1")
    manifest_path = tmp_path / "v1" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["libraries"]["scikit-learn"] = "0.24.2"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(ModelLoadError, match=r"scikit-learn 0\.24\.2"):
        load_model(tmp_path, "v1")


def test_full_disk_leaves_no_version_and_champion_intact(tmp_path, monkeypatch):
    _register(tmp_path, "v1")
    promote(tmp_path, "v1")
    before = (tmp_path / CHAMPION_FILE).read_bytes()

    def no_space(*args, **kwargs):
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr("training.registry.joblib.dump", no_space)
    with pytest.raises(KonfliktError, match=r"No space left on device.*champion is unchanged"):
        _register(tmp_path, "v2")
    assert [v.version for v in list_versions(tmp_path)] == ["v1"]
    assert not list(tmp_path.glob(".tmp-*"))
    assert (tmp_path / CHAMPION_FILE).read_bytes() == before


KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    import training.registry as registry

    real_dump = registry.joblib.dump

    def slow_dump(obj, path, **kwargs):
        real_dump(obj, path, **kwargs)
        print("writing", flush=True)
        time.sleep(60)  # killed here, after the model file is half-way into the version

    registry.joblib.dump = slow_dump
    registry.register(sys.argv[1] and __import__("pathlib").Path(sys.argv[1]), {"big": list(range(1000))},
                      version="v2", config={}, metrics={}, data_fingerprint="f" * 64, documents={})
    """
)


def test_sigkill_mid_write_leaves_registry_as_it_was(tmp_path):
    _register(tmp_path, "v1")
    promote(tmp_path, "v1")
    champion_before = (tmp_path / CHAMPION_FILE).read_bytes()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    time.sleep(0.05)
    assert [v.version for v in list_versions(tmp_path)] == ["v1"]
    assert (tmp_path / CHAMPION_FILE).read_bytes() == champion_before
    assert load_model(tmp_path).version == "v1"
    # the next registration cleans the dead run's temporary folder away
    assert list(tmp_path.glob(".tmp-*"))
    _register(tmp_path, "v3")
    assert not list(tmp_path.glob(".tmp-*"))
