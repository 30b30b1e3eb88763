"""The model registry's writing side: register versions atomically, promote, roll back.

A version is written into a hidden temporary folder and renamed into place only when every
file and the manifest are on disk, so a crash or kill mid-write leaves no half version; the
champion pointer is replaced atomically too (`os.replace`). Reading is `signals.registry`.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib

from signals.errors import KonfliktError
from signals.registry import (
    CHAMPION_FILE,
    MANIFEST_FILE,
    MODEL_FILE,
    NoModelError,
    VersionInfo,
    champion_version,
    read_champion_record,
    sha256_file,
    version_info,
)

LIBRARIES = ("scikit-learn", "numpy", "scipy", "pandas", "spacy", "spacy-lookups-data", "joblib")


def library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            continue
    return found


def git_commit() -> str | None:
    """The commit of the working tree the code runs from, if it is a git checkout."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=5,
            cwd=Path(__file__).resolve().parent,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def new_version_id(fingerprint: str, *, now: datetime | None = None) -> str:
    """`2026-11-22T10-00-00-abc123`: UTC time of training and the data fingerprint's head."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H-%M-%S")
    return f"{stamp}-{fingerprint[:6]}"


def write_json_atomic(path: Path, payload: Any) -> None:
    """Write JSON next to `path` and move it into place in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def register(
    registry: Path,
    model: Any,
    *,
    version: str,
    config: dict[str, Any],
    metrics: dict[str, Any],
    data_fingerprint: str,
    documents: dict[str, str],
    extra: dict[str, Any] | None = None,
    write_documents: Callable[[Path], None] | None = None,
) -> VersionInfo:
    """Write a complete version folder atomically and return it; the champion is not touched.

    `documents` maps file names (model card, report) to their text; `write_documents` may add
    more files (plots) into the temporary folder before the manifest is computed.
    """
    registry = Path(registry)
    registry.mkdir(parents=True, exist_ok=True)
    final = registry / version
    if final.exists():
        raise KonfliktError(f"model version {version} already exists in {registry}")
    remove_stale_temporaries(registry)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{os.getpid()}-{version}-", dir=registry))
    try:
        joblib.dump(model, tmp / MODEL_FILE, compress=3)
        (tmp / "config.json").write_text(
            json.dumps(config, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        for name, text in documents.items():
            (tmp / name).write_text(text, encoding="utf-8")
        if write_documents is not None:
            write_documents(tmp)
        manifest = {
            "version": version,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "files": {p.name: sha256_file(p) for p in sorted(tmp.iterdir()) if p.is_file()},
            "data_fingerprint": data_fingerprint,
            "git_commit": git_commit(),
            "libraries": library_versions(),
            "metrics": metrics,
            **(extra or {}),
        }
        (tmp / MANIFEST_FILE).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        for path in tmp.iterdir():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
        os.rename(tmp, final)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        reason = os.strerror(exc.errno) if exc.errno else exc.__class__.__name__
        raise KonfliktError(
            f"could not write model version {version} to {registry}: {reason}; "
            "nothing was registered and the champion is unchanged"
        ) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return version_info(registry, version)


def remove_stale_temporaries(registry: Path) -> None:
    """Remove half-written version folders left by training runs that were killed."""
    for folder in Path(registry).glob(".tmp-*"):
        try:
            pid = int(folder.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def promote(registry: Path, version: str, *, by: str = "analyst", reason: str = "") -> None:
    """Make `version` the champion; the move is recorded in the champion file's history."""
    registry = Path(registry)
    version_info(registry, version)  # raises NoModelError for an unknown version
    record = read_champion_record(registry)
    record["history"].append(
        {
            "version": version,
            "previous": record.get("champion"),
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "by": by,
            "reason": reason,
        }
    )
    record["champion"] = version
    write_json_atomic(registry / CHAMPION_FILE, record)


def rollback(registry: Path, *, by: str = "analyst") -> str:
    """Make the previous champion champion again and return its version."""
    record = read_champion_record(registry)
    current = record.get("champion")
    if current is None:
        raise NoModelError(f"registry {registry} has no champion to roll back from")
    previous = next(
        (move.get("previous") for move in reversed(record["history"]) if move.get("version") == current),
        None,
    )
    if not previous:
        raise NoModelError(f"champion {current} has no previous champion to roll back to")
    promote(registry, previous, by=by, reason=f"rollback from {current}")
    return str(previous)


__all__ = [
    "CHAMPION_FILE",
    "champion_version",
    "library_versions",
    "new_version_id",
    "promote",
    "register",
    "rollback",
    "write_json_atomic",
]
