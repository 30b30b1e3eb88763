"""Department code -> its topics."""

from __future__ import annotations

from types import MappingProxyType

from training.synth.pools.topic import Topic
from training.synth.pools.topics_bif_sof import BIF, SOF
from training.synth.pools.topics_buf_suf import BUF, SUF
from training.synth.pools.topics_tmf_kff_okf import KFF, OKF, TMF

TOPICS: MappingProxyType[str, tuple[Topic, ...]] = MappingProxyType(
    {"BIF": BIF, "SOF": SOF, "BUF": BUF, "SUF": SUF, "TMF": TMF, "KFF": KFF, "OKF": OKF}
)
ALL_TOPICS: tuple[Topic, ...] = tuple(t for topics in TOPICS.values() for t in topics)
