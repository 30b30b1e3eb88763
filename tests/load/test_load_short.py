"""A short run of `bench/load.py` (10 clients, 5 s) against a real `konflikt serve` on each backend:
no error on any endpoint, and the database holds exactly the writes the server accepted."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "bench")]

from load import corpus_texts, ensure_registry, run_backend  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small model trained for this module (never the developer's models/)."""
    folder = tmp_path_factory.mktemp("load-registry")
    return ensure_registry(folder / "models", folder, use_project_models=False)


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return corpus_texts(None, tmp_path_factory.mktemp("texts"), limit=300)


def _postgres_url() -> str:
    url = os.environ.get("KONFLIKT_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("KONFLIKT_TEST_POSTGRES_URL is not set; CI must test PostgreSQL")
        pytest.skip("KONFLIKT_TEST_POSTGRES_URL is not set")
    return url


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_short_load_loses_nothing(registry: Path, texts: list[str], tmp_path: Path, backend: str) -> None:
    args = argparse.Namespace(
        clients=10,
        seconds=5.0,
        single_clients=4,
        single_seconds=2.0,
        batch_size=100,
        batch_repeats=1,
        workers=1,
        postgres_url=_postgres_url() if backend == "postgresql" else "",
    )
    result = run_backend(backend, registry=registry, texts=texts, folder=tmp_path, args=args)
    assert set(result["mixed"]) == {"annotate", "store", "list", "feedback"}
    for endpoint, stats in result["mixed"].items():
        assert stats["requests"] > 0 and stats["errors"] == 0, (endpoint, stats["statuses"])
    assert result["single"]["errors"] == 0 and result["single"]["requests"] > 0
    assert result["batch"]["errors"] == 0 and result["batch"]["requests"] == 1
    assert result["unknown_writes"] == 0
    assert result["accepted"]["complaints"] > 0
    assert result["stored"] == result["accepted"]  # nothing lost, nothing extra
