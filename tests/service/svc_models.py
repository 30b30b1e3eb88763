"""Small but real models for the service tests: keyword scoring plus the citizen's contact count.

`KeywordAnnotator` satisfies `signals.model.Annotator`; `SwitchableSource` is a model source
whose champion a test can change while the app runs (a promotion).
"""

from __future__ import annotations

import math
import threading
import time

import pandas as pd

from signals.errors import KonfliktError
from signals.schema import ROOT_CAUSE_CODES, Annotation

KEYWORDS: dict[str, tuple[str, ...]] = {
    "sagsbehandlingstid": ("venter", "ventet", "måneder", "lang tid"),
    "manglende_svar": ("svar", "ringer", "telefon", "ikke tilbage"),
    "kommunikation": ("forstår ikke", "uklar", "brev"),
    "medarbejderadfaerd": ("uhøflig", "nedladende", "respekt"),
    "partshoering": ("partshøring", "inddraget"),
    "begrundelse": ("begrundelse", "hvorfor"),
    "vejledning": ("vejledning", "vejledt"),
    "sagsoplysning": ("fejl", "oplysninger", "lægepapirer"),
    "aktindsigt": ("aktindsigt",),
    "koordinering": ("sagsbehandler", "skiftet", "koordinering"),
    "opfoelgning": ("lovede", "aftale", "opfølgning"),
    "afgoerelsens_indhold": ("afslag", "afgørelse", "beløb"),
    "databeskyttelse": ("fortrolig", "forkert adresse", "data"),
}
RELATIONSHIP_WORDS = ("respekt", "tillid", "lovede", "hørt", "igen og igen", "borgmester")


class KeywordAnnotator:
    """Deterministic scores from keyword hits and prior contacts (strictly before `received_at`)."""

    def __init__(self, version: str, *, threshold: float = 0.5) -> None:
        self.version = version
        self.threshold = threshold

    def annotate(self, complaints: pd.DataFrame, contacts: pd.DataFrame) -> list[Annotation]:
        annotations = []
        # Plain column lists, not `itertuples` (which builds a namedtuple class per call): the load
        # benchmark (bench/load_stack.py) uses this model to stand for "a model that costs nothing".
        rows = zip(
            complaints["complaint_id"].tolist(),
            complaints["citizen_id"].tolist(),
            complaints["received_at"].tolist(),
            complaints["text"].tolist(),
            strict=True,
        )
        for complaint_id, citizen_id, received_at, raw_text in rows:
            text = str(raw_text).lower()
            scores = {
                code: round(1.0 - math.exp(-0.9 * sum(text.count(word) for word in KEYWORDS[code])) * 0.95, 4)
                for code in ROOT_CAUSE_CODES
            }
            chosen = [code for code in ROOT_CAUSE_CODES if scores[code] >= 0.5][:3]
            if not chosen:
                chosen = [max(ROOT_CAUSE_CODES, key=lambda code: scores[code])]
            prior = 0
            if len(contacts):
                mine = contacts[
                    (contacts["citizen_id"] == citizen_id) & (contacts["occurred_at"] < received_at)
                ]
                prior = len(mine)
            relationship = sum(text.count(word) for word in RELATIONSHIP_WORDS)
            score = round(1.0 / (1.0 + math.exp(-(1.2 * relationship + 0.5 * prior - 2.0))), 4)
            annotations.append(
                Annotation(
                    complaint_id=str(complaint_id),
                    root_causes=chosen,  # type: ignore[arg-type]
                    root_cause_scores=scores,
                    mediation_score=score,
                    mediation_flag=score >= self.threshold,
                    explanation={
                        "phrases": [w for w in RELATIONSHIP_WORDS if w in text],
                        "prior_contacts": prior,
                    },
                    model_version=self.version,
                )
            )
        return annotations


class SwitchableSource:
    """A model source with a champion pointer tests can move; loading takes `load_seconds`."""

    def __init__(self, champion: str | None = "test-v1", *, load_seconds: float = 0.0) -> None:
        self.champion = champion
        self.load_seconds = load_seconds
        self.broken: set[str] = set()
        self.loads: list[str] = []
        self._lock = threading.Lock()

    def champion_version(self) -> str | None:
        return self.champion

    def load(self, version: str) -> KeywordAnnotator:
        if version in self.broken:
            raise KonfliktError(f"model {version} does not match its manifest")
        time.sleep(self.load_seconds)  # a real load takes a while: requests must keep flowing meanwhile
        with self._lock:
            self.loads.append(version)
        return KeywordAnnotator(version)
