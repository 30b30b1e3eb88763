"""The word tokens of a text, found where the name finder looks instead of all at once.

A token is a run of letters, possibly joined by apostrophes or hyphens ("Anne-Sofie",
"O'Connor"), or a capital initial with its dot ("J.", "H.C.") before a space. Tokenising every
word of a text in Python costs more than everything else the anonymiser does, yet names are
rare: the finder judges a few candidate tokens and only fetches their neighbours. `TokenContext`
returns exactly the tokens a full left-to-right `TOKEN.finditer(text)` would produce.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import NamedTuple

LETTER = r"[^\W\d_]"
TOKEN = re.compile(
    r"(?<![\w.])[A-ZÆØÅÀ-ÖØ-Þ]\.(?:-?[A-ZÆØÅ]\.)*(?=[ \t])|" + LETTER + r"+(?:['’\-]" + LETTER + r"+)*"
)
# Capitals the scan below looks for. It begins with a plain character class, so the regex
# engine skips ahead between capitals; then it checks that the capital starts a token (no letter,
# and no letter plus joiner, before it) and matches TOKEN's two forms from there.
CAPITALS = "A-ZÀ-ÖØ-Þ"
CAPITAL_TOKEN = re.compile(
    f"[{CAPITALS}]"
    + r"(?<!"
    + LETTER
    + r".)(?<!"
    + LETTER
    + r"['’\-].)"
    + r"(?:(?<![\w.].)(?<=[A-ZÆØÅÀ-ÖØ-Þ])\.(?:-?[A-ZÆØÅ]\.)*(?=[ \t])|"
    + LETTER
    + r"*(?:['’\-]"
    + LETTER
    + r"+)*)"
)
CAPITAL_FIRST = frozenset(chr(c) for c in range(0x100) if re.fullmatch(f"[{CAPITALS}]", chr(c)))
# A word token that starts here (no letter, and no letter plus joiner, before it).
WORD_TOKEN_AT = re.compile(
    r"(?<!" + LETTER + r")(?<!" + LETTER + r"['’\-])" + LETTER + r"+(?:['’\-]" + LETTER + r"+)*"
)
# Characters stripped from the ends of a whitespace-separated piece before looking its word up.
EDGE_CHARACTERS = "\0" + "0123456789" + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + "«»“”„‘’‚–—…•·§°"
# Characters that may separate tokens, stripped to find the word before a gap.
GAP_CHARACTERS = EDGE_CHARACTERS + " \t\n\r"
NEWLINE = re.compile("\n")
# How far back to look for a whitespace character from which tokenising gives the true tokens.
SYNC_WINDOW = 256
# Steps back from whitespace to whitespace before one full scan of the text is cheaper.
MAX_SCAN_BACK = 32


class Token(NamedTuple):
    """A token and its character offsets."""

    start: int
    end: int
    word: str


class RareWords:
    """Finds the words of a text that need judging: tokens for which `needs_judging` holds, among
    those that do not start with a Latin-1 capital (the capital scan has those).

    The text is split at whitespace in C and deduplicated; each piece is split into tokens only
    the first time it is seen. Pieces that held nothing to judge go into a memo that a set
    operation removes from the next texts at once: most words of a text are such pieces. Share
    one instance across threads (the memo only gains entries; at `memo_limit` it starts over).
    """

    def __init__(self, needs_judging: Callable[[str], bool], *, memo_limit: int = 300_000) -> None:
        self.needs_judging = needs_judging
        self.memo_limit = memo_limit
        self._quiet: set[str] = set()
        self._words: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> set[str]:
        pieces = set(text.split()).difference(self._quiet)
        found: set[str] = set()
        for piece in pieces:
            words = self._words.get(piece)
            if words is None:
                words = self._piece_words(piece)
                if len(self._quiet) + len(self._words) >= self.memo_limit:
                    self._quiet.clear()
                    self._words.clear()
                if words:
                    self._words[piece] = words
                else:
                    self._quiet.add(piece)
            found.update(words)
        return found

    def _piece_words(self, piece: str) -> tuple[str, ...]:
        core = piece.strip(EDGE_CHARACTERS)
        if not core:
            return ()
        if core.isalpha():  # one token, by far the most common case
            return (core,) if core[0] not in CAPITAL_FIRST and self.needs_judging(core) else ()
        words = (m.group() for m in TOKEN.finditer(core))
        return tuple(w for w in words if w[0] not in CAPITAL_FIRST and self.needs_judging(w))


def token_occurrences(text: str, word: str) -> list[Token]:
    """Where `word` stands as a whole token in `text` (it does not start with a Latin-1 capital,
    so it is a word token, never an initial)."""
    found: list[Token] = []
    size = len(word)
    pos = text.find(word)
    while pos != -1:
        m = WORD_TOKEN_AT.match(text, pos)
        if m is not None and m.end() == pos + size:
            found.append(Token(pos, pos + size, word))
        pos = text.find(word, pos + 1)
    return found


def capital_occurrences(text: str, word: str) -> list[Token]:
    """Where `word`, which starts with a Latin-1 capital, stands as a whole token in `text`."""
    if len(word) == 1:
        # a single capital may also be a letter inside an initial ("C" in "H.C. "), which only
        # the left-to-right scan tells apart
        return [Token(m.start(), m.end(), word) for m in CAPITAL_TOKEN.finditer(text) if m.group() == word]
    found: list[Token] = []
    size = len(word)
    ends_in_letter = not word.endswith(".")  # else an initial ("J.", "H.C.")
    pos = text.find(word)
    while pos != -1:
        # Short words ("De", "Der") mostly stand inside longer ones ("Det", "Derfor"): a letter
        # right after a word that ends in one, or right before it, rules the place out cheaply.
        if not (
            (ends_in_letter and text[pos + size : pos + size + 1].isalpha())
            or (pos and text[pos - 1].isalpha())
        ):
            m = CAPITAL_TOKEN.match(text, pos)
            if m is not None and m.end() == pos + size:
                found.append(Token(pos, pos + size, word))
        pos = text.find(word, pos + 1)
    return found


# Beyond this many words to locate, one scan of the text is cheaper than a search per word.
MANY_WORDS = 24


def occurrences(
    text: str,
    words: set[str],
    scanner: re.Pattern[str],
    locate: Callable[[str, str], list[Token]],
) -> list[Token]:
    """The tokens of `text` whose word is in `words`: located word by word (`locate`), or for many
    words picked from one scan with `scanner`, which yields the same tokens."""
    if len(words) <= MANY_WORDS:
        return [token for word in words for token in locate(text, word)]
    return [Token(m.start(), m.end(), m.group()) for m in scanner.finditer(text) if m.group() in words]


NOT_AFTER_TOKEN = re.compile(r"(?<!" + LETTER + r")(?<!" + LETTER + r"['’\-])")
NOT_BEFORE_TOKEN = re.compile(r"(?!['’\-]?" + LETTER + ")")


def phrase_occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where `phrase` (one or more whole tokens, such as a found name) stands with token boundaries."""
    found: list[tuple[int, int]] = []
    pos = text.find(phrase)
    while pos != -1:
        end = pos + len(phrase)
        if NOT_AFTER_TOKEN.match(text, pos) and NOT_BEFORE_TOKEN.match(text, end):
            found.append((pos, end))
        pos = text.find(phrase, pos + 1)
    return found


class TokenContext:
    """The tokens of one text around the ones being judged, fetched on demand and remembered."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._after: dict[int, Token | None] = {}
        self._before: dict[int, Token | None] = {}
        self._all_tokens: list[Token] | None = None  # only for texts with no whitespace for long
        self._newlines: list[int] | None = None

    def after(self, token: Token) -> Token | None:
        """The next token, as the full scan would find it from the end of this one."""
        if token.end in self._after:
            return self._after[token.end]
        m = TOKEN.search(self.text, token.end)
        found = Token(m.start(), m.end(), m.group()) if m else None
        self._after[token.end] = found
        return found

    def before(self, token: Token) -> Token | None:
        """The previous token: tokenising from just after a whitespace character is exact, as no
        token contains whitespace."""
        if token.start not in self._before:
            self._before[token.start] = self._scan_back(token.start)
        return self._before[token.start]

    def _scan_back(self, start: int) -> Token | None:
        text = self.text
        if start < 2:
            return None  # no room for a token and a separator before it
        # usually a space starts the previous word: "sagen. " is one word token and separators,
        # unless a capital and a dot make it an initial ("J. Hansen")
        sync = text.rfind(" ", max(0, start - SYNC_WINDOW), start - 1) + 1
        if sync > 0:
            piece = text[sync:start]
            word = piece.rstrip(GAP_CHARACTERS)
            if word.isalpha() and not (len(word) == 1 and piece[1:2] == "."):
                return Token(sync, sync + len(word), word)
        else:
            sync = self._sync_before(start - 1)
        scan_end, steps = start, 0
        while sync >= 0 and steps < MAX_SCAN_BACK:
            steps += 1
            last = None
            for m in TOKEN.finditer(text, sync, scan_end):
                last = m
            if last is not None:
                return Token(last.start(), last.end(), last.group())
            if sync == 0:
                return None
            scan_end, sync = sync, self._sync_before(sync - 1)  # further back, without rescanning
        return self._from_full_scan(start)  # no whitespace near, or no token for a long way

    def _sync_before(self, limit: int) -> int:
        """The last position at or before `limit` after a space, tab or newline, or the start of the
        text; -1 when none is within `SYNC_WINDOW`."""
        text = self.text
        low = max(0, limit - SYNC_WINDOW)
        found = max(text.rfind(" ", low, limit), text.rfind("\n", low, limit), text.rfind("\t", low, limit))
        if found >= 0:
            return found + 1
        return 0 if low == 0 else -1

    def _from_full_scan(self, start: int) -> Token | None:
        """The token before `start` from one full scan of the text, made once (linear time even for
        a text without whitespace)."""
        if self._all_tokens is None:
            self._all_tokens = [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(self.text)]
        i = bisect_left(self._all_tokens, (start,))
        return self._all_tokens[i - 1] if i else None

    def line(self, token: Token) -> tuple[int, int]:
        """Start and end of the line the token stands on (its newline excluded)."""
        text = self.text
        low = max(0, token.start - SYNC_WINDOW)
        line_start = text.rfind("\n", low, token.start) + 1
        line_end = text.find("\n", token.end, token.end + SYNC_WINDOW)
        if line_end == -1 and token.end + SYNC_WINDOW >= len(text):
            line_end = len(text)
        if (line_start == 0 and low > 0) or line_end == -1:
            # a long line: look the newlines up once for the whole text
            if self._newlines is None:
                self._newlines = [m.start() for m in NEWLINE.finditer(text)]
            i = bisect_left(self._newlines, token.start)
            line_start = self._newlines[i - 1] + 1 if i else 0
            line_end = self._newlines[i] if i < len(self._newlines) else len(text)
        return line_start, line_end

    def gap(self, left: Token, right: Token) -> str:
        return self.text[left.end : right.start]

    def joined(self, left: Token, right: Token) -> bool:
        """Adjacent tokens on one line with only spaces or tabs between."""
        return self.text[left.end : right.start].strip(" \t") == ""
