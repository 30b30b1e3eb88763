"""Remove personal data from complaint texts: typed placeholders for names, numbers and addresses.

`Anonymiser.find` returns non-overlapping spans of personal data; `anonymise` replaces each
with `[KIND]` (NAVN, CPR, ADRESSE, TELEFON, EMAIL, SAGSNR, KONTO, NUMMERPLADE). Numbers and
addresses are found by patterns on the raw text (`signals.pii_patterns`), names with gazetteers
and context (`signals.name_finder`). The same anonymiser handles Danish and English.
Placeholders are never anonymised again, and `anonymise` repeats until nothing more is found, so
anonymising twice changes nothing more.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from signals.errors import KonfliktError
from signals.name_finder import NameFinder
from signals.name_tokens import phrase_occurrences
from signals.names import gazetteer
from signals.pii_patterns import find_numbers

KINDS: tuple[str, ...] = ("NAVN", "CPR", "ADRESSE", "TELEFON", "EMAIL", "SAGSNR", "KONTO", "NUMMERPLADE")
_MAX_PASSES = 3  # in the fuzzing, a second pass sometimes finds more, a third never did
PLACEHOLDER = re.compile(r"\[(?:" + "|".join(KINDS) + r")\]")


@dataclass(frozen=True, slots=True)
class Span:
    """One piece of personal data: its kind and character offsets in the original text."""

    kind: str
    start: int
    end: int


class Anonymiser:
    """Finds and replaces personal data; build once (loads the gazetteers) and share across threads."""

    def __init__(self) -> None:
        self._names = NameFinder(gazetteer())

    def find(self, text: str) -> list[Span]:
        """Non-overlapping spans of personal data, sorted by position."""
        return [Span(kind, start, end) for kind, start, end in self._find(text)]

    def anonymise(self, text: str) -> str:
        """`text` with every span replaced by its placeholder, e.g. "[NAVN]".

        Placeholders change the context of what is left ("JUe0Ea(Bo" -> "[NAVN]0[NAVN](Bo", where
        "Bo" now follows a name), so the result is anonymised again until nothing more is found:
        anonymising twice changes nothing. Texts with nothing found take one pass.
        """
        result = self._replace(text)
        for _ in range(_MAX_PASSES - 1):
            if result == text:
                break
            text, result = result, self._replace(result)
        return result

    def is_lone_unknown_word(self, piece: str) -> bool:
        """A one-word name no list knows, found by its context only: it is replaced where found,
        not wherever else it stands (a misspelt ordinary word would spread)."""
        return " " not in piece and self._names.is_unknown(piece)

    def _replace(self, text: str) -> str:
        pieces: list[str] = []
        pos = 0
        for kind, start, end in self._find(text):
            pieces.append(text[pos:start])
            pieces.append(f"[{kind}]")
            pos = end
        pieces.append(text[pos:])
        return "".join(pieces)

    def _find(self, text: str) -> list[tuple[str, int, int]]:
        """`find` as `(kind, start, end)` tuples."""
        taken = _Taken(("", m.start(), m.end()) for m in PLACEHOLDER.finditer(text))
        # A placeholder stands for data that ended in a word character; the patterns see it so
        # ("_"), else "[EMAIL].@0.AA" would offer an e-mail that "0@0.AA.@0.AA" did not.
        for span in find_numbers(_blank(text, taken.spans, "_") if taken.spans else text):
            taken.add_if_free(span)  # candidates come in priority order: of two overlapping, the first wins
        for start, end in self._names.find(_blank(text, taken.spans, "\0")):
            taken.add_if_free(("NAVN", start, end))
        self._add_repeats(text, taken)
        return [span for span in taken.spans if span[0]]

    def _add_repeats(self, text: str, taken: _Taken) -> None:
        """Other whole occurrences of found data: a name shown by its context once ("min søn Bo")
        is a name wherever else it stands ("Bo. Bo ringede"), and so is a number. Not a lone word
        that no list knows ("Borgerraadgiveren" after "Kære"): a misspelt word would spread."""
        found = {(kind, text[start:end]) for kind, start, end in taken.spans if kind}
        for kind, piece in sorted(found, key=lambda item: -len(item[1])):  # "Mette Hansen" before "Mette"
            if kind == "NAVN":
                if self.is_lone_unknown_word(piece):
                    continue
                places = phrase_occurrences(text, piece)
            else:
                places = _whole_word_occurrences(text, piece)
            for start, end in places:
                taken.add_if_free((kind, start, end))


class _Taken:
    """Non-overlapping spans `(kind, start, end)` kept sorted, with an overlap test in log time."""

    def __init__(self, spans: Iterable[tuple[str, int, int]] = ()) -> None:
        self.spans: list[tuple[str, int, int]] = sorted(spans, key=lambda span: span[1])
        self._starts = [start for _, start, _ in self.spans]

    def add_if_free(self, span: tuple[str, int, int]) -> bool:
        _, start, end = span
        i = bisect_left(self._starts, end)  # spans before i start before `end`
        if i and self.spans[i - 1][2] > start:
            return False
        self.spans.insert(i, span)
        self._starts.insert(i, start)
        return True


_WORD_CHAR = re.compile(r"\w")


def _whole_word_occurrences(text: str, piece: str) -> list[tuple[int, int]]:
    """Where `piece` stands with no word character on either side."""
    found: list[tuple[int, int]] = []
    pos = text.find(piece)
    while pos != -1:
        end = pos + len(piece)
        before_ok = pos == 0 or not _WORD_CHAR.match(text, pos - 1)
        if before_ok and not _WORD_CHAR.match(text, end):
            found.append((pos, end))
        pos = text.find(piece, pos + 1)
    return found


def _blank(text: str, spans: list[tuple[str, int, int]], fill: str) -> str:
    """`text` with the (sorted) spans filled with `fill`. NUL for the name finder: it neither sees
    found data nor joins names across it."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for _, start, end in spans:
        pieces.append(text[pos:start])
        pieces.append(fill * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


@cache
def default_anonymiser() -> Anonymiser:
    """The shared instance behind `anonymise` and `anonymise_texts`."""
    return Anonymiser()


def anonymise(text: str) -> str:
    """Anonymise one text with the default anonymiser."""
    return default_anonymiser().anonymise(text)


def anonymise_texts(texts: Iterable[str]) -> list[str]:
    """Anonymise many texts with the default anonymiser."""
    anonymiser = default_anonymiser()
    return [anonymiser.anonymise(text) for text in texts]


def anonymise_jsonl(in_path: Path, out_path: Path, *, progress: bool = False) -> int:
    """Copy JSON Lines `in_path` to `out_path` with each record's `text` anonymised; return the count.

    The whole input is checked before anything is written, and the output appears atomically,
    so a bad line (reported by number, never by content) leaves no partial file behind.
    """
    in_path, out_path = Path(in_path), Path(out_path)
    if not in_path.is_file():
        raise KonfliktError(f"{in_path}: no such file")
    records = _read_records(in_path)
    anonymiser = default_anonymiser()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for done, record in enumerate(records, start=1):
                record["text"] = anonymiser.anonymise(str(record["text"]))
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                if progress and done % 10_000 == 0:
                    print(f"  {done} records", flush=True)
        os.replace(tmp_name, out_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return len(records)


def _read_records(path: Path) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise KonfliktError(f"{path}: line {number}: not valid JSON ({exc.msg})") from None
                if not isinstance(record, dict):
                    raise KonfliktError(
                        f"{path}: line {number}: expected a JSON object, got {type(record).__name__}"
                    )
                if not isinstance(record.get("text"), str):
                    found = "missing" if "text" not in record else f"a {type(record['text']).__name__}"
                    raise KonfliktError(
                        f"{path}: line {number}: field `text` must be a string, it is {found}"
                    )
                records.append(record)
    except UnicodeDecodeError:
        raise KonfliktError(f"{path}: not UTF-8 text") from None
    return records
