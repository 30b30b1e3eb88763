"""The champion: 503 without one, picked up without restart, swapped under traffic with no failed request."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient
from svc_factories import complaint_payload, make_settings
from svc_models import KeywordAnnotator, SwitchableSource

from service.champion import ChampionHolder, NoChampionError
from service.main import create_app, warm_up_model
from service.tables import ComplaintRow


def _wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture
def no_model(database_url: str) -> Iterator[tuple[TestClient, SwitchableSource]]:
    source = SwitchableSource(champion=None)
    with TestClient(create_app(make_settings(database_url), model_source=source)) as client:
        yield client, source


def test_without_a_model_annotation_is_503_and_nothing_is_stored(
    no_model: tuple[TestClient, SwitchableSource], keys: Any
) -> None:
    client, _ = no_model
    assert client.get("/health").json() == {"status": "no_model", "model_version": None, "database": "ok"}
    for path, body in (
        ("/v1/annotate", {"complaints": [complaint_payload()]}),
        ("/v1/complaints", complaint_payload()),
    ):
        response = client.post(path, json=body, headers=keys.auth("advisor"))
        assert response.status_code == 503
        assert "no model is loaded" in response.json()["detail"]
        assert "registry has no champion" in response.json()["detail"]
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        assert session.scalar(select(func.count()).select_from(ComplaintRow)) == 0
    # reading stored complaints needs no model
    assert client.get("/v1/complaints", headers=keys.auth("analyst")).status_code == 200


def test_a_promoted_champion_is_picked_up_without_restart(
    no_model: tuple[TestClient, SwitchableSource], keys: Any
) -> None:
    client, source = no_model
    source.champion = "test-v7"
    assert _wait_for(lambda: client.get("/health").json()["model_version"] == "test-v7")
    response = client.post(
        "/v1/annotate", json={"complaints": [complaint_payload()]}, headers=keys.auth("sof")
    )
    assert response.status_code == 200
    assert response.json()["annotations"][0]["model_version"] == "test-v7"
    assert 'konflikt_model_info{version="test-v7"} 1.0' in client.get("/metrics").text


def test_a_model_that_fails_to_load_leaves_the_old_one_serving(
    no_model: tuple[TestClient, SwitchableSource], keys: Any
) -> None:
    client, source = no_model
    source.champion = "test-v1"
    assert _wait_for(lambda: client.get("/health").json()["model_version"] == "test-v1")
    source.broken.add("test-v2")
    source.champion = "test-v2"
    assert _wait_for(lambda: "test-v2" in (client.app.state.champion.last_error or ""))  # type: ignore[attr-defined]
    response = client.post(
        "/v1/annotate", json={"complaints": [complaint_payload()]}, headers=keys.auth("advisor")
    )
    assert response.status_code == 200
    assert response.json()["annotations"][0]["model_version"] == "test-v1"


def test_swap_under_traffic_fails_no_request(database_url: str, keys: Any) -> None:
    """Threads annotate while the champion moves v1 -> v2 -> v3 (each load takes 0.15 s)."""
    source = SwitchableSource("swap-v1", load_seconds=0.15)
    app = create_app(make_settings(database_url, model_poll_seconds=0.02), model_source=source)
    results: list[tuple[int, set[str]]] = []
    lock = threading.Lock()
    stop = threading.Event()
    with TestClient(app) as client:
        body = {"complaints": [complaint_payload() for _ in range(5)]}

        def hammer() -> None:
            while not stop.is_set():
                response = client.post("/v1/annotate", json=body, headers=keys.auth("analyst"))
                versions = {a["model_version"] for a in response.json().get("annotations", [])}
                with lock:
                    results.append((response.status_code, versions))

        threads = [threading.Thread(target=hammer) for _ in range(4)]
        for thread in threads:
            thread.start()
        for version in ("swap-v2", "swap-v3"):
            time.sleep(0.3)
            source.champion = version
        assert _wait_for(lambda: client.get("/health").json()["model_version"] == "swap-v3")
        time.sleep(0.2)
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    assert len(results) >= 8
    assert [status for status, _ in results if status != 200] == []
    assert all(len(versions) == 1 for _, versions in results)  # one request, one model
    seen = set().union(*(versions for _, versions in results))
    assert {"swap-v1", "swap-v3"} <= seen
    assert source.loads == ["swap-v1", "swap-v2", "swap-v3"]


class _ExplodingSource:
    def champion_version(self) -> str | None:
        raise NoChampionError("pointer unreadable")

    def load(self, version: str) -> KeywordAnnotator:  # pragma: no cover - never reached
        raise AssertionError


@pytest.mark.parametrize(
    ("source", "swapped", "version"),
    [
        (SwitchableSource("a"), True, "a"),
        (SwitchableSource(None), False, None),
        (_ExplodingSource(), False, None),
    ],
)
def test_holder_refresh(source: Any, swapped: bool, version: str | None) -> None:
    seen: list[str] = []
    holder = ChampionHolder(source, on_swap=lambda model: seen.append(model.version))
    assert holder.refresh() is swapped
    assert holder.version == version
    assert holder.refresh() is False  # nothing changed: no reload
    assert seen == ([version] if version else [])
    if version is None:
        with pytest.raises(NoChampionError, match="no model is loaded"):
            holder.require()


class _BrokenAnnotator(KeywordAnnotator):
    def annotate(self, complaints: Any, contacts: Any) -> Any:
        raise IndexError("feature mismatch")


class _BrokenSecondSource(SwitchableSource):
    def load(self, version: str) -> KeywordAnnotator:
        return _BrokenAnnotator(version) if version == "broken" else KeywordAnnotator(version)


def test_a_model_that_cannot_annotate_never_replaces_one_that_can() -> None:
    source = _BrokenSecondSource("good")
    holder = ChampionHolder(source, warm_up=warm_up_model)
    assert holder.refresh() and holder.version == "good"
    source.champion = "broken"
    assert holder.refresh() is False
    assert holder.version == "good"
    assert holder.last_error == "model broken failed its first annotation (IndexError)"
