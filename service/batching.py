"""Concurrent small annotate requests share one model call ("group commit").

Annotating one complaint costs about as much fixed work (frames, sparse matrices, dispatch) as
annotating eight; with several clients each sending one complaint, the service spent most of its
time on that fixed part. So a request that finds the model busy with another request's batch
queues its complaints; when that call returns, the first queued request annotates everything
queued meanwhile in one call and hands each request its own rows. A request that finds the model
idle starts at once: nothing ever waits for a timer, and a lone client sees no change.

Only requests without contact histories are merged (a history belongs to its request: merged, it
would count for another request's complaint by the same citizen), and only small ones; others
annotate alone, as before. The model's annotation of a row depends on that row and the contacts
only, so merging changes no result (tests compare merged and lone annotations). If a merged call
fails, each request is annotated alone, so one request can never fail another.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pandas as pd

from signals.model import Annotator
from signals.schema import Annotation

MAX_MERGED_REQUEST_ITEMS = 16  # a request with more complaints is its own batch already
MAX_MERGED_ITEMS = 128  # complaints per merged model call


@dataclass(eq=False)
class _Pending:
    model: Annotator
    complaints: pd.DataFrame
    contacts: pd.DataFrame
    lead: bool = False  # this request's thread runs the next model call
    finished: bool = False
    result: list[Annotation] = field(default_factory=list)
    error: BaseException | None = None
    # Held while the request's thread waits; released once, when its rows are done or it is to
    # lead the next call. One lock per waiter wakes just that thread, not every waiting one.
    wake: threading.Lock | None = None


class AnnotationBatcher:
    """Annotate through `annotate(model, complaints, contacts)`, from any number of threads."""

    def __init__(
        self, *, max_request_items: int = MAX_MERGED_REQUEST_ITEMS, max_items: int = MAX_MERGED_ITEMS
    ) -> None:
        self.max_request_items = max_request_items
        self.max_items = max_items
        self._lock = threading.Lock()  # guards the queue, `_busy` and the requests' flags
        self._queue: list[_Pending] = []
        self._busy = False  # some thread is in a model call for queued requests
        self.calls = 0  # model calls made for merged requests (for tests and curiosity)

    def annotate(
        self, model: Annotator, complaints: pd.DataFrame, contacts: pd.DataFrame
    ) -> list[Annotation]:
        """`model.annotate(complaints, contacts)`, sharing the call with concurrent small requests."""
        if len(contacts) or not 0 < len(complaints) <= self.max_request_items:
            return model.annotate(complaints, contacts)
        me = _Pending(model, complaints, contacts)
        with self._lock:
            self._queue.append(me)
            if self._busy:
                me.wake = threading.Lock()
                me.wake.acquire()
            else:
                self._busy = True
                me.lead = True
        if me.wake is not None:
            me.wake.acquire()  # until the call with our rows returned, or we lead the next one
        if not me.finished:
            with self._lock:
                group = self._take_group(me)
            try:
                self._run(group)
            finally:
                self._hand_on(group)
        if me.error is not None:
            raise me.error
        return me.result

    def _hand_on(self, group: list[_Pending]) -> None:
        """Mark the group's requests finished and wake them, and the request that leads next."""
        with self._lock:
            for pending in group:
                if not pending.result and pending.error is None:  # the call was interrupted
                    pending.error = RuntimeError("annotation did not complete")
                pending.finished = True
            following = self._queue[0] if self._queue else None
            if following is None:
                self._busy = False
            else:
                following.lead = True  # the next caller in line runs the next call
        for pending in group:
            if pending.wake is not None and not pending.lead:  # the lead is this very thread
                pending.wake.release()
        if following is not None and following.wake is not None:
            following.wake.release()

    def _take_group(self, leader: _Pending) -> list[_Pending]:
        """The leader and the queued requests for the same model, in arrival order, up to `max_items`."""
        group: list[_Pending] = []
        rest: list[_Pending] = []
        items = 0
        for pending in self._queue:
            fits = items + len(pending.complaints) <= self.max_items
            if pending is leader or (pending.model is leader.model and fits):
                group.append(pending)
                items += len(pending.complaints)
            else:
                rest.append(pending)
        self._queue = rest
        return group

    def _run(self, group: list[_Pending]) -> None:
        model = group[0].model
        self.calls += 1
        if len(group) > 1:
            try:
                merged = pd.concat([p.complaints for p in group], ignore_index=True)
                annotations = model.annotate(merged, group[0].contacts)
                if len(annotations) != len(merged):
                    raise ValueError("the model returned a different number of annotations")
            except Exception:  # annotate each alone below: one request never fails another
                pass
            else:
                start = 0
                for pending in group:
                    pending.result = annotations[start : start + len(pending.complaints)]
                    start += len(pending.complaints)
                return
        for pending in group:
            try:
                pending.result = model.annotate(pending.complaints, pending.contacts)
            except BaseException as exc:  # raised again in the request's own thread
                pending.error = exc
