"""Fault suites: a small corpus and a registry with a really trained champion, shared by the session."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from faults_support import SMALL_CONFIG

# svc_factories and svc_models live beside the service tests (same modules, same names).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from training.synth import generate_corpus

    folder = tmp_path_factory.mktemp("fault-corpus")
    generate_corpus(folder, complaints=1200, seed=5)
    return folder


@pytest.fixture(scope="session")
def trained_registry(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registry whose champion was trained by `training.train.train` (do not change it: copy it)."""
    from training.config import TrainConfig
    from training.train import train

    registry = tmp_path_factory.mktemp("fault-registry") / "models"
    train(
        small_corpus / "complaints.jsonl",
        small_corpus / "contacts.csv",
        registry=registry,
        config=TrainConfig.from_dict(SMALL_CONFIG),
    )
    return registry


@pytest.fixture
def registry_copy(trained_registry: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "models"
    shutil.copytree(trained_registry, copy)
    return copy
