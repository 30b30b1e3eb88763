"""What a word is on its own, for the name finder: a name, an ordinary word, a place, an initial ...

`WordKinds` classifies a token with the gazetteer (`signals.names`) and remembers the answer: the
vocabulary of a stream of complaints is small next to its number of tokens.
"""

from __future__ import annotations

import re
from enum import IntEnum

from signals.names import Gazetteer, has_surname_suffix, looks_institutional


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a hand-written list."""
    return text.split()


class Kind(IntEnum):
    """What a token is, judged on its own."""

    WORD = 0  # an ordinary word, or all capitals ("SKAT", "PPR")
    NAME = 1  # a name and no ordinary word
    AMBIGUOUS = 2  # a name that is also an ordinary word
    SURNAME_LIKE = 3  # not listed, but a surname ending ("Kjærsgaard")
    UNKNOWN = 4  # not listed and no ordinary word ("Warsame")
    BLOCKED = 5  # an institution, weekday or month
    INITIAL = 6  # "J." or "H.C."
    PLACE = 7  # a town or district; a surname only right after a first name ("Marco Kastrup")
    STOPWORD = 8  # a stop word that is also a name ("Per", "Hans", "Will"): needs a name beside it


NAMEISH = frozenset({Kind.NAME, Kind.AMBIGUOUS, Kind.SURNAME_LIKE, Kind.UNKNOWN, Kind.INITIAL})
# Capitalised tokens of these kinds are judged; the others only join a name found beside them.
CANDIDATE_KINDS = frozenset({Kind.NAME, Kind.SURNAME_LIKE, Kind.AMBIGUOUS, Kind.UNKNOWN, Kind.STOPWORD})
JOINERS = ("-", "'", "’")

ABBREVIATIONS = frozenset(
    _words(
        """hr fru frk dr mr mrs ms st skt gl ndr sdr nr kl ca jf vedr ang tlf att mvh vh bl evt pga osv inkl
mht"""
    )
)
# Greetings, sign-offs and abbreviations that some name lists contain but that are never names here.
NEVER_NAMES = ABBREVIATIONS | frozenset(
    _words(
        """hej hejsa kære goddag hilsen hilsner venlig venlige mvh vh kh reg cpr tlf mail email dear hi hello
regards sincerely best thanks tak att vedr ang re fwd sv blessings greetings cheers hälsningar hälsning
hilsninger pozdrawiam pozdrowienia grüße gruß cordialement saludos saluti"""
    )
)
# Countries the name lists hold as first names but not as places; in a complaint they are places
# ("born in Kenya"). Not those that are often a person's name here ("Jordan", "Israel", "India").
COUNTRIES_NOT_NAMES = frozenset(_words("argentina cuba france ireland kenya syria"))
MAX_MEMO = 200_000
# English contractions ("don't", "I'm", "we'll") are words, though "Don" and "I" are in name lists.
CONTRACTION = re.compile(r"(?:n't|'m|'re|'ve|'ll|'d)\Z")


class WordKinds:
    """Classifies tokens, memoised; share one instance across threads (the memo only gains entries,
    and at `MAX_MEMO` starts over)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.memo: dict[str, Kind] = {}
        self.candidates: set[str] = set()  # the memo's words of a kind in CANDIDATE_KINDS

    def kind(self, word: str) -> Kind:
        """Classify one token (memoised: the vocabulary of capitalised words is small)."""
        kind = self.memo.get(word)
        if kind is None:
            if len(self.memo) > MAX_MEMO:
                self.memo.clear()
                self.candidates.clear()
            kind = self.memo[word] = self._classify(word)
            if kind in CANDIDATE_KINDS:  # after the memo: a word is never in the memo alone
                self.candidates.add(word)
        return kind

    def _classify(self, word: str) -> Kind:
        if word.endswith(".") and len(word) <= 6:
            return Kind.INITIAL
        if len(word) > 1 and word.isupper():
            return Kind.WORD
        g = self.gazetteer
        lower = word.lower().replace("’", "'")
        if lower in NEVER_NAMES:
            return Kind.WORD
        if (
            lower in g.places
            or lower in COUNTRIES_NOT_NAMES
            or (lower.endswith("s") and lower[:-1] in g.places)
        ):
            return Kind.PLACE
        if (
            lower in g.blocked
            or looks_institutional(lower)
            or (lower.endswith("s") and lower[:-1] in g.blocked)
        ):
            return Kind.BLOCKED
        if CONTRACTION.search(lower):
            return Kind.WORD
        parts = [p for p in re.split(r"[-']", lower) if p]
        if len(parts) > 1:
            return self._classify_compound(parts)
        if g.is_name(lower):
            if lower in g.stop_words:
                return Kind.STOPWORD
            return Kind.AMBIGUOUS if lower in g.common_words else Kind.NAME
        if lower in g.stop_words:
            return Kind.WORD
        if lower in g.common_words:
            return Kind.WORD
        if lower.endswith("s") and g.is_name(lower[:-1]) and lower[:-1] not in g.common_words:
            return Kind.NAME  # genitive: "Mettes sagsbehandler"
        if has_surname_suffix(lower) and lower not in g.places:
            return Kind.SURNAME_LIKE
        return Kind.UNKNOWN

    def _classify_compound(self, parts: list[str]) -> Kind:
        """ "Anne-Sofie", "Hansen-Møller", "Al-Hassan", "O'Connor": judged by their parts."""
        g = self.gazetteer
        kinds = []
        for part in parts:
            if looks_institutional(part) or (part in g.blocked and part not in g.places):
                return Kind.BLOCKED
            if g.is_name(part):
                kinds.append(Kind.AMBIGUOUS if part in g.common_words else Kind.NAME)
            elif has_surname_suffix(part) or part in g.places:
                kinds.append(Kind.SURNAME_LIKE)  # "Kastrup-Jørgensen"
            elif len(part) <= 2:
                kinds.append(Kind.UNKNOWN)  # "al", "el", "o"
            elif part in g.common_words:
                kinds.append(Kind.WORD)  # "Olsen-Bak", but "P-bøde", "el-kørestol" stay words
            else:
                kinds.append(Kind.UNKNOWN)
        if Kind.NAME in kinds or Kind.SURNAME_LIKE in kinds:
            return Kind.NAME
        if Kind.WORD in kinds:
            return Kind.WORD
        return Kind.AMBIGUOUS if Kind.AMBIGUOUS in kinds else Kind.UNKNOWN

    def is_unknown(self, word: str) -> bool:
        """A token no list knows and that has no surname ending."""
        return self.kind(word) == Kind.UNKNOWN

    def is_first_name(self, lower: str) -> bool:
        """ "mette", "anne-sofie": a listed first name, or a compound of which a part is one."""
        first = self.gazetteer.first_names
        return lower in first or any(p in first for p in re.split(r"[-']", lower) if p)

    def maybe_lower_name(self, word: str) -> bool:
        """Cheap pre-check before classifying a lower-case word: is it (or a part) a listed name?"""
        g = self.gazetteer
        if "-" in word or "'" in word:
            return True
        return word in g.first_names or word in g.surnames
