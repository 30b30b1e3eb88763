"""Normalisation of complaint text: Unicode, punctuation, whitespace, and safe word repair.

Every step is a regular-expression substitution, run either plainly (the fast path used for
features) or with an offset map back to the original text (for highlighting cue phrases). Both
modes run the same patterns, so they produce the same text.

Steps: NFC; NFKC only where safe (ligatures, full-width ASCII, the ellipsis); quotes, dashes
and odd spaces unified; control, zero-width and bidi characters removed; whitespace collapsed
(a run containing a line break becomes one line break); adjacent placeholders separated
("[NAVN][CPR]" -> "[NAVN] [CPR]"); and, for Danish texts only, repair of words written without
æøå or damaged by OCR (`signals.repair`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from signals.language import language_of_words, words_of
from signals.repair import plan_repairs, repair_edits

Replacement = str | Callable[[re.Match[str]], str]

_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CLUSTER_RE = re.compile(rf"(?s).[{_COMBINING}]*")
_NFKC_SAFE = "\ufb00-\ufb06\uff01-\uff5e\u2024\u2025\u2026"  # ligatures, full-width ASCII, "…"
_CHAR_MAP: dict[str, str] = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys(
        "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "
    ),
    **dict.fromkeys("\r\x0b\x0c\x85\u2028\u2029", "\n"),
}
_INVISIBLE = (
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
# One scan finds every character to change; most texts have none, so it costs one pass in C.
_ODD_CHAR_RE = re.compile("[" + re.escape("".join(_CHAR_MAP)) + _INVISIBLE + _NFKC_SAFE + "]")
# Whitespace runs holding a line break become one line break; both patterns start with a
# literal, so the engine jumps between candidates instead of trying every position.
_SPACES_BEFORE_BREAK_RE = re.compile(r" +\n")
_LINE_BREAK_RUN_RE = re.compile(r"\n\s+")
_SPACE_RUN_RE = re.compile(r"  +")
_EDGE_SPACE_RE = re.compile(r"^\s+|\s+$")
_ADJACENT_PLACEHOLDERS_RE = re.compile(r"(?<=\])(?=\[)")


def _odd_char(match: re.Match[str]) -> str:
    char = match.group()
    mapped = _CHAR_MAP.get(char)
    if mapped is not None:
        return mapped
    normalised = unicodedata.normalize("NFKC", char)
    return "" if normalised == char else normalised  # what is not NFKC-safe is invisible


# Token types of Danish text found needing no repair; starts empty, grows per process. The
# repair's own caches hold the analysis; this set lets `plan_repairs` skip known words at C speed
# with one set difference per text.
_REPAIR_OK: set[str] = set()


def _nfc(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", match.group())


Edit = tuple[int, int, str]  # replace text[start:end] by the new text


class _Tracker:
    """Applies substitutions to a text, optionally keeping the edits of each step (from which
    `NormalisedText` maps characters back to the original text)."""

    def __init__(self, text: str, *, track: bool) -> None:
        self.text = text
        self.track = track
        self.history: list[tuple[int, list[Edit]]] = []  # per step: its input's length, its edits

    def sub(self, pattern: re.Pattern[str], replacement: Replacement) -> None:
        if not self.track:
            self.text = pattern.sub(replacement, self.text)
            return
        edits = []
        for match in pattern.finditer(self.text):
            new = replacement(match) if callable(replacement) else replacement
            if new != match.group():
                edits.append((match.start(), match.end(), new))
        self.edit(edits)

    def edit(self, edits: list[Edit]) -> None:
        """Replace text[start:end] by each edit's new text (edits sorted, not overlapping)."""
        if not edits:
            return
        text = self.text
        out: list[str] = []
        last = 0
        for begin, end, new in edits:
            out += (text[last:begin], new)
            last = end
        out.append(text[last:])
        if self.track:
            self.history.append((len(text), edits))
        self.text = "".join(out)


def _clean(tracker: _Tracker) -> None:
    """Every step before the repair: Unicode, punctuation, whitespace, placeholders."""
    text = tracker.text
    if not unicodedata.is_normalized("NFC", text):
        tracker.sub(_CLUSTER_RE, _nfc)
    if _ODD_CHAR_RE.search(tracker.text):
        tracker.sub(_ODD_CHAR_RE, _odd_char)
    # Cheap membership tests skip the substitutions a text does not need.
    if " \n" in tracker.text:
        tracker.sub(_SPACES_BEFORE_BREAK_RE, "\n")
    if "\n" in tracker.text:
        tracker.sub(_LINE_BREAK_RUN_RE, "\n")
    if "  " in tracker.text:
        tracker.sub(_SPACE_RUN_RE, " ")
    text = tracker.text
    if text[:1].isspace() or text[-1:].isspace():
        tracker.sub(_EDGE_SPACE_RE, "")
    if "][" in tracker.text:
        tracker.sub(_ADJACENT_PLACEHOLDERS_RE, " ")


def _repair(tracker: _Tracker, words: list[str], lowered: str) -> bool:
    """Repair the words of a Danish text; whether any changed."""
    types = set(words)
    plan = plan_repairs(types, _REPAIR_OK)
    has_one = "1" in types
    edits = repair_edits(tracker.text, lowered, plan, has_one=has_one) if plan or has_one else []
    tracker.edit(edits)
    return bool(edits)


def _normalise(text: str, *, repair: bool, track: bool) -> tuple[_Tracker, str, str]:
    """The tracker holding the normalised text, its language and its `lower_same_length` (the
    lower case the language vote needed already, unless the repair changed the text)."""
    tracker = _Tracker(text, track=track)
    _clean(tracker)
    lowered = tracker.text.lower()
    words = words_of(lowered)
    language = language_of_words(words, tracker.text, lowered)
    if repair and language == "da" and _repair(tracker, words, lowered):
        lowered = tracker.text.lower()
    if len(lowered) != len(tracker.text):
        lowered = lower_same_length(tracker.text)
    return tracker, language, lowered


def normalise_text(text: str, *, repair: bool = True) -> str:
    """The normalised text (see the module docstring); repair applies to Danish texts only."""
    return _normalise(text, repair=repair, track=False)[0].text


def normalise_with_language(text: str, *, repair: bool = True) -> tuple[str, str]:
    """The normalised text and its detected language ('da' or 'en'), detected once."""
    tracker, language, _ = _normalise(text, repair=repair, track=False)
    return tracker.text, language


def lower_same_length(text: str) -> str:
    """text.lower(), except for the few characters that grow when lower-cased ("İ"), which stay
    as they are so that offsets into the result are offsets into `text`."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


@dataclass(frozen=True, slots=True)
class Prepared:
    """One text as the feature transformers need it."""

    text: str  # normalised (and repaired if Danish)
    lowered: str  # lower_same_length(text)
    language: str


# The last batch prepared, so that the parts of one feature pipeline (TextFeatures and
# CueFeatures get the same column) normalise it once. One slot, replaced atomically; a batch is
# reused only if it holds equal strings. Equality, not identity: pandas' string columns hand
# out new str objects on every conversion; comparing equal strings is a memcmp, cheap next to
# normalising them.
_last_batch: tuple[list[str], bool, list[Prepared]] | None = None


def forget_last_batch() -> None:
    """Drop the remembered batch (benchmarks time normalisation from scratch with it)."""
    global _last_batch
    _last_batch = None


def normalise_batch(texts: list[str], *, repair: bool = True) -> list[Prepared]:
    """Each text normalised, lower-cased and its language; a repeat of the previous batch is
    not redone."""
    global _last_batch
    last = _last_batch
    if last is not None and last[1] == repair and last[0] == texts:
        return last[2]
    results = []
    for text in texts:
        tracker, language, lowered = _normalise(text, repair=repair, track=False)
        results.append(Prepared(tracker.text, lowered, language))
    _last_batch = (list(texts), repair, results)
    return results


_START, _END, _ZERO = 0, 1, 2


def _map_back(kind: int, position: int, length: int, edits: list[Edit]) -> tuple[int, int]:
    """Where the start (or end) of the character at `position` after one step comes from in
    the step's input (of `length` characters): (_START or _END, index there), or (_ZERO, 0).

    An edit that keeps the length maps character by character; one that changes it maps every
    new character to the whole replaced span (an insertion to the point where it was inserted).
    """
    shift = 0
    for begin, end, new in edits:
        new_begin = begin + shift
        if position < new_begin:
            break
        if position < new_begin + len(new):
            if len(new) == end - begin:
                return kind, begin + position - new_begin
            # the replaced span's start; an insertion at the very end: the end of the last character
            origin = (_START, begin) if begin < length else ((_END, length - 1) if length else (_ZERO, 0))
            if kind == _START or end == begin:
                return origin
            return _END, end - 1
        shift += len(new) - (end - begin)
    return kind, position - shift


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised text that can name the span of the original text behind its characters."""

    text: str
    language: str
    history: list[tuple[int, list[Edit]]]  # the normalisation's edits, step by step
    original_length: int

    def _original(self, kind: int, position: int) -> int:
        for length, edits in reversed(self.history):
            kind, position = _map_back(kind, position, length, edits)
            if kind == _ZERO:
                return 0
        return position if kind == _START else position + 1

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span behind normalised text[start:end] (end exclusive)."""
        if end <= start:
            point = self._original(_START, start) if start < len(self.text) else self.original_length
            return point, point
        return self._original(_START, start), self._original(_END, end - 1)

    @property
    def starts(self) -> list[int]:
        """Per character of `text`: where its original span starts."""
        return [self._original(_START, position) for position in range(len(self.text))]

    @property
    def ends(self) -> list[int]:
        """Per character of `text`: where its original span ends."""
        return [self._original(_END, position) for position in range(len(self.text))]


def normalise_with_offsets(text: str, *, repair: bool = True) -> NormalisedText:
    """Like `normalise_text`, keeping a map from the result back to `text`'s character offsets."""
    tracker, language, _ = _normalise(text, repair=repair, track=True)
    return NormalisedText(tracker.text, language, tracker.history, len(text))


def normalise_batch_with_offsets(texts: list[str], *, repair: bool = True) -> list[NormalisedText]:
    """`normalise_with_offsets` for each text; the batch is remembered for `normalise_batch`, so a
    feature transform of the same texts right after does not normalise them again."""
    global _last_batch
    results = []
    prepared = []
    for text in texts:
        tracker, language, lowered = _normalise(text, repair=repair, track=True)
        results.append(NormalisedText(tracker.text, language, tracker.history, len(text)))
        prepared.append(Prepared(tracker.text, lowered, language))
    _last_batch = (list(texts), repair, prepared)
    return results
