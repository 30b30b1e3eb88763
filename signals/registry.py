"""The model registry's reading side, shared by the service and the CLI.

A registry is a folder (default `models/`). Each version is a sub-folder holding the fitted
model (`model.joblib`), the config it was trained with, a manifest with the SHA-256 of every
file, the model card and the report. `champion.json` names the champion and keeps the
history of promotions, so "back to the previous champion" is one move.

joblib runs code when it loads, so a version is loaded only when every file matches the
hash its manifest recorded and the manifest's scikit-learn version is the one installed.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from signals.errors import KonfliktError
from signals.model import Annotator

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"
CHAMPION_FILE = "champion.json"


class NoModelError(KonfliktError):
    """The registry has no champion (or no such version)."""


class ModelLoadError(KonfliktError):
    """A version exists but must not be loaded (tampered, truncated, or built with other libraries)."""


@dataclass(frozen=True, slots=True)
class VersionInfo:
    version: str
    path: Path
    manifest: dict[str, Any]

    @property
    def metrics(self) -> dict[str, Any]:
        return dict(self.manifest.get("metrics", {}))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_champion_record(registry: Path) -> dict[str, Any]:
    """The champion pointer: {"champion": V | None, "history": [{"version", "at", "by", "reason"}, ...]}."""
    path = Path(registry) / CHAMPION_FILE
    if not path.exists():
        return {"champion": None, "history": []}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelLoadError(f"{path} is not readable JSON ({exc.__class__.__name__})") from None
    if not isinstance(record, dict):
        raise ModelLoadError(f"{path} must hold a JSON object")
    record.setdefault("champion", None)
    record.setdefault("history", [])
    return record


def champion_version(registry: Path) -> str | None:
    """The champion's version, or None. Cheap: reads one small file."""
    champion = read_champion_record(registry).get("champion")
    return str(champion) if champion else None


def list_versions(registry: Path) -> list[VersionInfo]:
    """Every complete version in the registry, oldest first (half-written temp folders are not versions)."""
    root = Path(registry)
    if not root.is_dir():
        return []
    infos = []
    for folder in sorted(root.iterdir()):
        manifest_path = folder / MANIFEST_FILE
        if folder.name.startswith(".") or not manifest_path.is_file():
            continue
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        infos.append(VersionInfo(version=folder.name, path=folder, manifest=manifest))
    infos.sort(key=lambda info: (str(info.manifest.get("created_at", "")), info.version))
    return infos


def version_info(registry: Path, version: str) -> VersionInfo:
    for info in list_versions(registry):
        if info.version == version:
            return info
    raise NoModelError(f"no model version {version!r} in registry {registry}")


def verify_version(info: VersionInfo) -> None:
    """Refuse a version whose files differ from its manifest or whose libraries differ from ours."""
    files = info.manifest.get("files")
    if not isinstance(files, dict) or MODEL_FILE not in files:
        raise ModelLoadError(f"model {info.version}: manifest lists no {MODEL_FILE}")
    for name, expected in sorted(files.items()):
        path = info.path / name
        if not path.is_file():
            raise ModelLoadError(f"model {info.version}: {name} is missing")
        if sha256_file(path) != expected:
            raise ModelLoadError(
                f"model {info.version}: {name} does not match its manifest (tampered or truncated); refusing to load"
            )
    import sklearn

    trained_with = info.manifest.get("libraries", {}).get("scikit-learn")
    if trained_with != sklearn.__version__:
        raise ModelLoadError(
            f"model {info.version} was trained with scikit-learn {trained_with}, "
            f"this installation has {sklearn.__version__}; retrain it or install the same version"
        )


def load_model(registry: Path, version: str | None = None) -> Annotator:
    """Load a verified version (default: the champion)."""
    import joblib
    from sklearn.exceptions import InconsistentVersionWarning

    if version is None:
        version = champion_version(registry)
        if version is None:
            raise NoModelError(f"registry {registry} has no champion model; train one with `konflikt train`")
    info = version_info(registry, version)
    verify_version(info)
    with warnings.catch_warnings():
        warnings.simplefilter("error", InconsistentVersionWarning)
        try:
            model = joblib.load(info.path / MODEL_FILE)
        except InconsistentVersionWarning as exc:
            raise ModelLoadError(f"model {version}: {exc}") from None
        except Exception as exc:  # a verified file that still fails to load is a broken artifact
            raise ModelLoadError(f"model {version} could not be loaded ({exc.__class__.__name__})") from None
    if not isinstance(model, Annotator):
        raise ModelLoadError(f"model {version} does not provide annotate()")
    return model
