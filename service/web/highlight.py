"""Complaint text cut into plain and highlighted segments from the model's cue spans.

The template escapes every segment (autoescape), so the text can hold anything, `<script>` included;
spans only decide where a `<mark>` starts and ends. Spans come from stored JSON: anything out of
range, reversed, overlapping an earlier span or of the wrong type is dropped, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    category: str | None = None  # a cue category (CSS class), None for plain text
    label: str | None = None  # the cue's Danish label (tooltip and screen readers)


def _valid_spans(spans: Any, length: int) -> list[tuple[int, int, str, str]]:
    if not isinstance(spans, list):
        return []
    valid = []
    for span in spans:
        if not isinstance(span, dict):
            continue
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            continue
        if 0 <= start < end <= length:
            category = str(span.get("category") or "cue")
            # Category names become CSS classes: keep them to the lexicon's plain ASCII slugs.
            safe = "".join(ch for ch in category if ch.isascii() and (ch.isalnum() or ch in "_-")) or "cue"
            valid.append((start, end, safe, str(span.get("label") or category)))
    return sorted(valid, key=lambda s: (s[0], -s[1]))


def segments(text: str, spans: Any) -> list[Segment]:
    """`text` as segments in order; joined, their texts give `text` back exactly."""
    pieces: list[Segment] = []
    cursor = 0
    for start, end, category, label in _valid_spans(spans, len(text)):
        if start < cursor:  # overlaps a span already highlighted
            continue
        if start > cursor:
            pieces.append(Segment(text[cursor:start]))
        pieces.append(Segment(text[start:end], category, label))
        cursor = end
    if cursor < len(text) or not pieces:
        pieces.append(Segment(text[cursor:]))
    return pieces
