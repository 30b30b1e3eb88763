"""`service.batching.AnnotationBatcher`: concurrent small requests share model calls, each gets
exactly its own annotations, and no request can fail another."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest
from svc_models import KeywordAnnotator

from service.batching import AnnotationBatcher
from signals.loader import complaints_from_records, contacts_from_records
from signals.schema import Annotation

TEXTS = [
    "Jeg har ventet i fire måneder på svar.",
    "Sagsbehandleren var uhøflig og nedladende.",
    "Jeg forstår ikke brevet, og ingen ringer tilbage.",
    "Afslag uden begrundelse, og jeg fik ingen vejledning.",
]


def frame(i: int, *, citizen: str = "p-1") -> pd.DataFrame:
    record = {
        "complaint_id": f"c-{i}",
        "received_at": "2026-01-05T10:00:00+01:00",
        "citizen_id": citizen,
        "channel": "email",
        "text": f"{TEXTS[i % len(TEXTS)]} ({i})",
    }
    return complaints_from_records([record]).frame


NO_CONTACTS = contacts_from_records([]).frame


class SlowModel:
    """A real (keyword) model that takes its time, so concurrent callers queue; records its calls."""

    def __init__(self, version: str = "slow", *, fail_when_merged: bool = False, fail_on: str | None = None):
        self.version = version
        self.inner = KeywordAnnotator(version)
        self.sizes: list[int] = []
        self.fail_when_merged = fail_when_merged
        self.fail_on = fail_on
        self._lock = threading.Lock()

    def annotate(self, complaints: pd.DataFrame, contacts: pd.DataFrame) -> list[Annotation]:
        with self._lock:
            self.sizes.append(len(complaints))
        time.sleep(0.02)
        if self.fail_when_merged and len(complaints) > 1:
            raise RuntimeError("merged")
        if self.fail_on is not None and self.fail_on in set(complaints["complaint_id"]):
            raise ValueError("this one")
        return self.inner.annotate(complaints, contacts)


def run_concurrently(batcher: AnnotationBatcher, model: object, frames: list[pd.DataFrame]) -> list[object]:
    start = threading.Barrier(len(frames))

    def one(f: pd.DataFrame) -> object:
        start.wait()
        try:
            return batcher.annotate(model, f, NO_CONTACTS)  # type: ignore[arg-type]
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(len(frames)) as pool:
        return list(pool.map(one, frames))


def test_concurrent_requests_share_calls_and_get_their_own_rows() -> None:
    model = SlowModel()
    frames = [frame(i) for i in range(12)]
    results = run_concurrently(AnnotationBatcher(), model, frames)
    for f, result in zip(frames, results, strict=True):
        assert result == model.inner.annotate(f, NO_CONTACTS)
    assert sum(model.sizes) == 12
    assert len(model.sizes) < 12  # some calls were shared
    assert max(model.sizes) > 1


def test_a_lone_request_is_annotated_at_once() -> None:
    model = SlowModel()
    batcher = AnnotationBatcher()
    for i in range(3):
        assert batcher.annotate(model, frame(i), NO_CONTACTS) == model.inner.annotate(frame(i), NO_CONTACTS)
    assert model.sizes == [1, 1, 1]


def test_requests_with_contacts_or_many_complaints_go_alone() -> None:
    model = SlowModel()
    batcher = AnnotationBatcher(max_request_items=2)
    contacts = contacts_from_records(
        [
            {
                "citizen_id": "p-1",
                "occurred_at": "2025-12-01T10:00:00+01:00",
                "channel": "telefon",
                "recipient": "SOF",
                "kind": "rykker",
            }
        ]
    ).frame
    big = pd.concat([frame(i) for i in range(3)], ignore_index=True)
    assert batcher.annotate(model, frame(0), contacts) == model.inner.annotate(frame(0), contacts)
    assert batcher.annotate(model, big, NO_CONTACTS) == model.inner.annotate(big, NO_CONTACTS)
    assert batcher.calls == 0  # neither went through the queue


def test_a_failing_merged_call_falls_back_to_each_request_alone() -> None:
    model = SlowModel(fail_when_merged=True)
    frames = [frame(i) for i in range(8)]
    results = run_concurrently(AnnotationBatcher(), model, frames)
    for f, result in zip(frames, results, strict=True):
        assert result == model.inner.annotate(f, NO_CONTACTS)


def test_one_failing_request_fails_only_itself() -> None:
    model = SlowModel(fail_on="c-3")
    frames = [frame(i) for i in range(8)]
    results = run_concurrently(AnnotationBatcher(), model, frames)
    for i, (f, result) in enumerate(zip(frames, results, strict=True)):
        if i == 3:
            assert isinstance(result, ValueError)
        else:
            assert result == model.inner.annotate(f, NO_CONTACTS)


def test_models_are_never_mixed() -> None:
    old, new = SlowModel("old"), SlowModel("new")
    batcher = AnnotationBatcher()
    frames = [frame(i) for i in range(10)]
    start = threading.Barrier(len(frames))

    def one(i: int) -> list[Annotation]:
        start.wait()
        return batcher.annotate(old if i % 2 else new, frames[i], NO_CONTACTS)

    with ThreadPoolExecutor(len(frames)) as pool:
        results = list(pool.map(one, range(10)))
    for i, result in enumerate(results):
        assert [a.model_version for a in result] == ["old" if i % 2 else "new"]
    assert sum(old.sizes) == 5 and sum(new.sizes) == 5


@pytest.mark.parametrize("max_items", [1, 3])
def test_merged_calls_respect_the_item_limit(max_items: int) -> None:
    model = SlowModel()
    frames = [frame(i) for i in range(9)]
    results = run_concurrently(AnnotationBatcher(max_items=max_items), model, frames)
    assert all(isinstance(r, list) and len(r) == 1 for r in results)
    assert max(model.sizes) <= max_items
