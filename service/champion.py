"""The champion model the service annotates with, and its swap without restart.

`ChampionHolder.refresh()` asks the source for the champion's version (cheap: a pointer file),
loads a new champion beside the old one and then swaps one reference, so a request in flight keeps
the model it started with and no request fails during a promotion. The app's lifespan calls
`refresh()` at start-up and then every `model_poll_seconds` in a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from signals.errors import KonfliktError
from signals.model import Annotator

log = logging.getLogger(__name__)


class NoChampionError(KonfliktError):
    """No model can be loaded, so nothing can be annotated (the API answers 503)."""


class ModelSource(Protocol):
    """Where models come from: the registry in production, a test registry in tests."""

    def champion_version(self) -> str | None: ...

    def load(self, version: str) -> Annotator: ...


class RegistrySource:
    """The model registry folder (`signals.registry`), read-only."""

    def __init__(self, registry: Path) -> None:
        self.registry = registry

    def champion_version(self) -> str | None:
        from signals.registry import champion_version

        return champion_version(self.registry)

    def load(self, version: str) -> Annotator:
        from signals.registry import load_model

        return load_model(self.registry, version)


class ChampionHolder:
    """Holds the loaded champion; readers take `current` without locking (one reference read)."""

    def __init__(
        self,
        source: ModelSource,
        *,
        on_swap: Callable[[Annotator], None] | None = None,
        warm_up: Callable[[Annotator], None] | None = None,
    ) -> None:
        self.source = source
        self.on_swap = on_swap
        self.warm_up = warm_up
        self._current: Annotator | None = None
        self._loaded_pointer: str | None = None  # the champion version that `_current` was loaded for
        self._refresh_lock = threading.Lock()
        self.last_error: str | None = None

    @property
    def current(self) -> Annotator | None:
        return self._current

    @property
    def version(self) -> str | None:
        model = self._current
        return model.version if model is not None else None

    def require(self) -> Annotator:
        """The champion, or `NoChampionError` with what went wrong."""
        model = self._current
        if model is None:
            reason = f": {self.last_error}" if self.last_error else ""
            raise NoChampionError(
                "no model is loaded, so nothing can be annotated; train one and promote it "
                f"(`konflikt train`, `konflikt models promote V`){reason}"
            )
        return model

    def refresh(self) -> bool:
        """Load the registry's champion if it changed; True when a new model was swapped in."""
        with self._refresh_lock:  # one load at a time; readers are never blocked
            try:
                version = self.source.champion_version()
            except KonfliktError as exc:
                self._note_error(f"cannot read the champion pointer: {exc}")
                return False
            if version is None:
                if self._current is None:
                    self.last_error = "the registry has no champion"
                return False  # a champion pointer that disappears leaves the loaded model serving
            if self._current is not None and self._loaded_pointer == version:
                return False
            try:
                model = self.source.load(version)
            except KonfliktError as exc:
                self._note_error(f"cannot load model {version}: {exc}")
                return False
            if self.warm_up is not None:
                # One annotation before the swap: lazy tables load here, not in a user's request,
                # and a model that cannot annotate never replaces one that can.
                try:
                    self.warm_up(model)
                except Exception as exc:
                    self._note_error(f"model {version} failed its first annotation ({type(exc).__name__})")
                    return False
            previous = self.version
            self._current = model  # the swap: one reference assignment
            self._loaded_pointer = version
            self.last_error = None
            log.info("champion loaded", extra={"model_version": model.version, "previous_version": previous})
            if self.on_swap is not None:
                self.on_swap(model)
            return True

    def _note_error(self, message: str) -> None:
        if message != self.last_error:
            log.error("model refresh failed", extra={"reason": message})
        self.last_error = message
