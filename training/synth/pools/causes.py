"""Root-cause code -> its cue material (all 13 codes of the taxonomy)."""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from training.synth.pools.causes_decision import (
    AFGOERELSENS_INDHOLD,
    AKTINDSIGT,
    BEGRUNDELSE,
    DATABESKYTTELSE,
    SAGSOPLYSNING,
)
from training.synth.pools.causes_more import MORE
from training.synth.pools.causes_process import KOORDINERING, MANGLENDE_SVAR, OPFOELGNING, SAGSBEHANDLINGSTID
from training.synth.pools.causes_relation import KOMMUNIKATION, MEDARBEJDERADFAERD, PARTSHOERING, VEJLEDNING
from training.synth.pools.cues import CauseCues

_BASE = MappingProxyType(
    {
        "sagsbehandlingstid": SAGSBEHANDLINGSTID,
        "manglende_svar": MANGLENDE_SVAR,
        "kommunikation": KOMMUNIKATION,
        "medarbejderadfaerd": MEDARBEJDERADFAERD,
        "partshoering": PARTSHOERING,
        "begrundelse": BEGRUNDELSE,
        "vejledning": VEJLEDNING,
        "sagsoplysning": SAGSOPLYSNING,
        "aktindsigt": AKTINDSIGT,
        "koordinering": KOORDINERING,
        "opfoelgning": OPFOELGNING,
        "afgoerelsens_indhold": AFGOERELSENS_INDHOLD,
        "databeskyttelse": DATABESKYTTELSE,
    }
)


def _with_more(code: str, cues: CauseCues) -> CauseCues:
    more = MORE.get(code, {})
    return replace(cues, **{part: getattr(cues, part) + extra for part, extra in more.items()})


CUES = MappingProxyType({code: _with_more(code, cues) for code, cues in _BASE.items()})
