"""What a trained model offers to its callers (the service, `konflikt annotate`, tests).

The registry stores a fitted object satisfying `Annotator`; `training` builds it, the service
only loads it through `signals.registry`. Inputs are the loader's tables (see
`signals.loader`): complaints with anonymised `text` and tz-aware UTC `received_at`, and
contacts with tz-aware UTC `occurred_at`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import pandas as pd

from signals.schema import Annotation


@runtime_checkable
class Annotator(Protocol):
    """A fitted model that annotates complaints per contract section 2."""

    version: str

    def annotate(self, complaints: pd.DataFrame, contacts: pd.DataFrame) -> list[Annotation]:
        """One annotation per complaint row, in row order; contacts after `received_at` are ignored."""
        ...
