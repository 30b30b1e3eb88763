"""Finding the cue lexicon's phrases in normalised lower-case text, fast, with negation.

Matching cost is what matters (it runs on every complaint): a regular expression per category
scanned separately costs a pass over the text each. Instead one combined pattern finds where
any cue starts, in one pass, and only there is each category's own pattern tried (so categories
may overlap: "fortsat ikke" is repetition, "fortsat" an ongoing case). Alternatives are grouped
by their leading letters (a small trie): Python's engine rejects an alternative whose first
item is a non-matching literal in one step, so a word start costs a few dozen tries, not ~300.
Entries starting "\\w*" (any compound head: "socialborgmesteren", "mistilliden") are found by a
plain substring search (str.find) for their stem, widened to the whole word.

The combined pattern consumes the non-word character before a cue, a character class the engine
scans for in C, so it is tried after word boundaries only, not at every position (the text's
first word is tried on its own); at a cue start only the categories with a pattern that can
start with its character are tried.

A cue is negated when a negator ("ikke", "aldrig", "ingen", "not", "never", ...) stands among
the last few words before it in the same clause: "jeg har aldrig fået en undskyldning". Cues that
carry their own negation ("føler mig ikke hørt", "stadig ikke") are never flipped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from signals.cue_lexicon import CUE_LEXICON


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a hand-written list."""
    return text.split()


NEGATORS = frozenset(
    _words(
        "ikke aldrig ingen intet ingenting hverken ej uden not never no nobody nothing neither nor "
        "without cannot"
    )
)
NEGATION_WINDOW = 4  # words before a cue that a negator may stand in
_CLAUSE_END = frozenset(".!?;:,")
_CLAUSE_OPEN = frozenset("(")
_CLAUSE_STARTS = frozenset(("men", "but"))
_PUNCTUATION = "\"'()[]{}.,;:!?-"
_WORD_RE = re.compile(r"\w+(?:'\w+)?")
_FLAT_SPELLINGS = {"æ": "(?:æ|ae)", "ø": "(?:ø|oe)", "å": "(?:å|aa)"}
_FLAT_TRANSLATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_ANY_HEAD = r"\w*"
_ANY_TAIL = r"\w*"


@dataclass(frozen=True, slots=True)
class CueSpan:
    """One conflict cue: its category and its character span (end exclusive)."""

    category: str
    start: int
    end: int
    negated: bool


def with_flat_spellings(pattern: str) -> str:
    """Let æ, ø, å in a pattern also match "ae", "oe", "aa"."""
    return "".join(_FLAT_SPELLINGS.get(char, char) for char in pattern)


def _closing(pattern: str, opening: int) -> int:
    """The index of the parenthesis that closes the one at `opening`."""
    depth, index = 0, opening
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index
        index += 1
    raise ValueError("unbalanced parentheses in a cue pattern")


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, start, index = [], 0, 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*parts, pattern[start:]]


def expand_leading_group(pattern: str) -> list[str]:
    """The pattern as patterns that start with a literal: "(?:the )?mayor" -> mayor, the mayor."""
    if not pattern.startswith("(?:"):
        return [pattern]
    end = _closing(pattern, 0)
    inner, rest = pattern[3:end], pattern[end + 1 :]
    expanded = []
    if rest.startswith("?"):
        rest = rest[1:]
        expanded += expand_leading_group(rest)
    for alternative in _top_level_alternatives(inner):
        expanded += expand_leading_group(alternative + rest)
    return expanded


def factor(patterns: list[str], depth: int = 0) -> str:
    """One alternation of the patterns, grouped by their first letters up to three deep."""
    groups: dict[str, list[str]] = {}
    others = []
    for pattern in patterns:
        head = pattern[:1]
        literal = head.isalnum() and head not in _FLAT_SPELLINGS
        if literal and pattern[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(head, []).append(pattern[1:])
        else:
            others.append(pattern)
    parts = []
    for head, tails in groups.items():
        if len(tails) == 1 or depth >= 3:
            parts += [with_flat_spellings(head + tail) for tail in sorted(tails, key=len, reverse=True)]
            continue
        longer = [tail for tail in tails if tail]
        inner = factor(longer, depth + 1) if longer else ""
        parts.append(head + "(?:" + inner + ("|" if "" in tails else "") + ")")
    parts += [with_flat_spellings(pattern) for pattern in sorted(others, key=len, reverse=True)]
    return "|".join(parts)


def _bounded(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _after_break(body: str) -> re.Pattern[str]:
    """`_bounded(body)` preceded by the character before it, which must be no word character.

    [^0-9a-z_] is a class the engine scans for in C (a superset of \\W); the lookbehind then
    requires \\W exactly. Every cue starts with a word character (`matcher` checks it), so no
    cue can start right at the end of the previous match, where this pattern cannot look back."""
    return re.compile(rf"[^0-9a-z_](?<=\W)(?:{body})(?!\w)")


def _first_characters(pattern: str) -> str | None:
    """The characters a match of one expanded cue pattern can start with: its first letter or
    digit (and "a" for "æ", spelled "ae" too), the ASCII digits for "\\d" (other digits find no
    entry in `Matcher.by_first`, so every category is tried there), None for any other start."""
    if pattern.startswith("\\d") and pattern[2:3] not in ("?", "*", "{"):
        return "0123456789"
    head = pattern[:1]
    if not head.isalnum() or pattern[1:2] in ("?", "*", "+", "{"):
        return None
    return head + head.translate(_FLAT_TRANSLATION)[0]


Category = tuple[str, re.Pattern[str]]


@dataclass(frozen=True)
class Matcher:
    """The compiled lexicon: the combined pattern, one per category, and the stem search."""

    after_break: re.Pattern[str]  # any cue, with the character before it (`_after_break`)
    at_start: re.Pattern[str]  # any cue at the start of the text
    per_category: tuple[Category, ...]
    # per first character of a cue, the categories with a pattern that starts with it
    by_first: dict[str, tuple[Category, ...]]
    stems: tuple[tuple[str, str], ...]  # (literal stem, category), found with str.find


@functools.cache
def matcher() -> Matcher:
    """The lexicon compiled once per process."""
    every: list[str] = []
    stems: list[tuple[str, str]] = []
    per_category = []
    firsts = []
    for category, entries in CUE_LEXICON.items():
        own = []
        for entry in entries:
            for pattern in expand_leading_group(entry):
                if pattern.startswith(_ANY_HEAD):
                    stem = pattern[len(_ANY_HEAD) :].removesuffix(_ANY_TAIL)
                    if re.escape(stem) != stem:
                        raise ValueError("a compound-head cue must be a plain word stem")
                    for spelling in {stem, stem.translate(_FLAT_TRANSLATION)}:
                        stems.append((spelling, category))
                else:
                    own.append(pattern)
        starts = [_first_characters(pattern) for pattern in own]
        if None in starts:
            raise ValueError("a cue must start with a letter, a digit or \\d (see _after_break)")
        every += own
        per_category.append((category, _bounded(factor(own))))
        firsts.append("".join(start for start in starts if start is not None))
    body = factor(every)
    return Matcher(
        after_break=_after_break(body),
        at_start=re.compile(rf"(?:{body})(?!\w)"),
        per_category=tuple(per_category),
        by_first={
            char: tuple(item for item, chars in zip(per_category, firsts, strict=True) if char in chars)
            for char in set("".join(firsts))
        },
        stems=tuple(stems),
    )


def _cue_starts(compiled: Matcher, lowered: str) -> list[int]:
    """Where `_bounded(factor(every cue))` matches, as its `finditer` finds them (not overlapping)."""
    starts = []
    resume = 0
    first = compiled.at_start.match(lowered)
    if first:
        starts.append(0)
        resume = first.end()
    starts += [hit.start() + 1 for hit in compiled.after_break.finditer(lowered, resume)]
    return starts


@functools.lru_cache(maxsize=4096)
def _carries_negation(cue: str) -> bool:
    return any(word in NEGATORS or word.endswith("n't") for word in _WORD_RE.findall(cue))


def is_negated(lowered: str, start: int, end: int) -> bool:
    """Whether a negator stands among the NEGATION_WINDOW words before lowered[start:end], in
    the same clause (no ".", ",", ";" and the like, nor "men"/"but", in between)."""
    if _carries_negation(lowered[start:end]):
        return False
    window = lowered[max(0, start - 80) : start]
    line_break = window.rfind("\n")
    words = window[line_break + 1 :].split()
    if line_break < 0 and start > 80 and words:
        words = words[1:]  # the first may be cut off by the window
    for word in reversed(words[-NEGATION_WINDOW:]):
        if word[-1] in _CLAUSE_END:
            return False  # a clause ends after this word, before the cue
        core = word.strip(_PUNCTUATION)
        if core in NEGATORS or core.endswith("n't"):
            return True
        if core in _CLAUSE_STARTS or word[0] in _CLAUSE_OPEN:
            return False  # a new clause begins here
    return False


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return start, end


def match_cues(lowered: str) -> list[CueSpan]:
    """Cues in normalised lower-cased text, with offsets into that text, in text order."""
    return list(_match_cues_remembered(lowered))


# Annotation matches each text twice, for the cue features and for the explanation's spans; the
# recent texts' matches are remembered (spans are immutable) so the second time is a lookup.
@functools.lru_cache(maxsize=2048)
def _match_cues_remembered(lowered: str) -> tuple[CueSpan, ...]:
    return tuple(_match_cues(lowered))


def _match_cues(lowered: str) -> list[CueSpan]:
    compiled = matcher()
    found: list[tuple[str, int, int]] = []
    by_first, every_category = compiled.by_first, compiled.per_category
    for position in _cue_starts(compiled, lowered):
        for category, pattern in by_first.get(lowered[position], every_category):
            match = pattern.match(lowered, position)
            if match:
                found.append((category, position, match.end()))
    for stem, category in compiled.stems:
        position = lowered.find(stem)
        while position >= 0:
            start, end = _word_bounds(lowered, position, position + len(stem))
            found.append((category, start, end))
            position = lowered.find(stem, end)
    # Within a category a cue inside a longer one is the same cue ("tillid" in "ingen tillid").
    found.sort(key=lambda item: (item[0], item[1], -item[2]))
    spans: list[CueSpan] = []
    for category, start, end in found:
        last = spans[-1] if spans else None
        if last is not None and last.category == category and last.start <= start and end <= last.end:
            continue
        spans.append(CueSpan(category, start, end, is_negated(lowered, start, end)))
    spans.sort(key=lambda span: (span.start, span.end, span.category))
    return spans
