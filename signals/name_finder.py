"""Find person names in Danish and English text with the gazetteer and a little context.

A capitalised token that is a known name and no ordinary word ("Mette", "Kowalski") is a name.
A name that is also a word ("Bo", "Mark", "Skov") counts only with context: a cue before it
("min søn", "sagsbehandler", "Kære", "Med venlig hilsen"), another name beside it, or a capital
letter in mid-sentence (Danish and English nouns are written in lower case). An unknown
capitalised word counts beside a name or after a cue; a lower-case name only after a cue or
beside another name. Institutions, places, weekdays and months never count.

Only candidates are judged: capitalised tokens of a kind that can be a name, and lower-case
tokens that are no ordinary word (every lower-case name, alone or in a pair, includes one).
Their neighbours are fetched on demand (`signals.name_tokens`), so ordinary prose costs a few
C-level set operations rather than a Python loop over its words.
"""

from __future__ import annotations

import re

from signals.name_kinds import (
    ABBREVIATIONS,
    CANDIDATE_KINDS,
    JOINERS,
    NAMEISH,
    Kind,
    WordKinds,
)
from signals.name_tokens import (
    CAPITAL_TOKEN,
    TOKEN,
    RareWords,
    Token,
    TokenContext,
    capital_occurrences,
    occurrences,
    token_occurrences,
)
from signals.names import Gazetteer, looks_institutional


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a hand-written list."""
    return text.split()


# A name often follows one of these words ("min søn Ali", "sagsbehandler Birgitte", "Kære Lone").
CUE_WORDS = frozenset(
    _words(
        """hedder hed hedde navn name named called kaldet undertegnede sagsbehandler sagsbehandleren rådgiver
        rådgiveren vejleder vejlederen kontaktperson kontaktpersonen visitator visitatoren leder lederen
        teamleder teamlederen pædagog pædagogen skoleleder skolelederen læge lægen sekretær sekretæren
        sygeplejerske sygeplejersken hjemmehjælper hjemmehjælperen medarbejder medarbejderen mentor bisidder
        advokat advokaten kollega borgmester psykolog psykologen caseworker worker adviser advisor manager
        teacher doctor nurse colleague lawyer søn datter mor far mand kone hustru bror søster farmor mormor
        farfar morfar onkel tante nabo kæreste ven veninde barn barnebarn svigermor svigerfar husband wife son
        daughter mother mum mom father dad brother sister neighbour neighbor partner friend grandmother
        grandfather client hr fru frk dr mr mrs ms miss kære hej hejsa goddag hi hello dear"""
    )
)
CUE_BIGRAMS = frozenset({("navn", "er"), ("name", "is"), ("team", "leader"), ("this", "is")})
BIGRAM_ENDS = frozenset(second for _, second in CUE_BIGRAMS)
CUE_FILLERS = frozenset(_words("vist bare faktisk også igen"))
# After a sign-off the next words, also on the next line, are the writer's name.
SIGNOFF_WORDS = frozenset(
    _words(
        "hilsen hilsner mvh vh kh regards sincerely faithfully thanks best cheers wishes blessings greetings "
        "hälsningar hilsninger pozdrawiam pozdrowienia grüße gruß cordialement saludos saluti"
    )
)
CUE_GAP = re.compile(r"[ \t]*[.,:]?[ \t]*")
INITIAL_GAP = re.compile(r"\.[ \t]+")  # "d. nielsen"
SIGNOFF_GAP = re.compile(r"[ \t]*[.,!]?[ \t]*(?:\n[ \t]*)?")
# A caseworker's initials on a note: "/KMJ" on a line of its own, "ini: MBL", "Tlf.notat (HBN):".
# Each is a character the text is first tested for, a pattern starting with it (the regex engine
# skips ahead to it) and what must stand just before it, checked for the few matches.
STAFF_INITIALS = (
    ("/", re.compile(r"/[ \t]*([A-ZÆØÅ]{2,4})[ \t]*$", re.MULTILINE), re.compile(r"(?:\A|\n)[ \t]*\Z")),
    (
        ":",
        re.compile(r":[ \t]*([A-ZÆØÅ]{2,4})\b"),
        re.compile(r"(?<![^\W\d_])[Ii]ni(?:t|tialer|tials)?\.?\Z"),
    ),
    ("(", re.compile(r"\(([A-ZÆØÅ]{2,4})\)"), re.compile(r"notat[ \t]?\Z")),
)
# A line of one to four capitalised words, such as a signature.
SIGNATURE_LINE = re.compile(
    r"^[ \t]*[/–-]?[ \t]*([A-ZÆØÅ][^\W\d_]*\.?(?:[ \t,]+[A-ZÆØÅ][^\W\d_'’-]*\.?){0,3})[ \t,.]*$", re.MULTILINE
)
# What follows a word of such a line: dots, commas and spaces up to the next capitalised word or
# the end of the line (a necessary condition for SIGNATURE_LINE, checked first because it is cheap).
SIGNATURE_WORD_END = re.compile(r"[ \t,.]*(?:[A-ZÆØÅ]|\n|\Z)")
PERSON_VERBS = frozenset(
    _words(
        """sagde skrev ringede lovede fortalte mente svarede sendte kom har havde er var siger skriver ringer
lover said wrote called promised told answered sent came says has had is was"""
    )
)
PLACE_PREPOSITIONS = frozenset(["i", "fra", "på", "ved", "til", "in", "from", "at", "near", "to"])
# Before these a capitalised word is a thing ("the Will"); Danish "en Kim" is a person, so not "en".
DETERMINERS = frozenset(
    ["den", "det", "de", "the", "a", "an", "min", "mit", "mine", "sin", "sit", "vores", "jeres"]
)
SENTENCE_OPENERS = " \t\"'(-–•*"
# Month abbreviations that are also first names ("Jan", "Jun", "May"): in a date they are months.
MONTH_NAMES = frozenset(_words("jan feb mar apr may jun jul aug sep sept oct okt nov dec"))
DAY_BEFORE = re.compile(r"\b\d{1,2}(?:\.|st|nd|rd|th)?[ \t]*\Z")  # "3 Jun", "3. Jan", "1st May"
# "Jan 2026", "Jun 3, 2026", "Jun 3 2026", "Jun 3 10:14" (not "Jan, 45 år" nor "Jan 2 gange")
DAY_OR_YEAR_AFTER = re.compile(
    r"\.?,?[ \t]*\d{4}\b|\.?[ \t]*\d{1,2}(?:st|nd|rd|th)?(?:,?[ \t]+\d{4}\b|[ \t]+\d{1,2}[:.]\d{2}\b)"
)
CAPITAL_AFTER = re.compile(r"[ \t]+[A-ZÆØÅ]")  # "3 Jan Hansen": a surname follows, a name
# `\bJan\b` written with each month's capital in front and the word boundary checked just after it:
# the regex engine then skips ahead to those capitals, where a leading `\b` tries every position
# (this scan was 10% of the anonymiser's time).
MONTH_TOKEN = re.compile(
    "(?:"
    + "|".join(f"{m[0]}(?<!\\w{m[0]}){m[1:]}" for m in sorted(m.capitalize() for m in MONTH_NAMES))
    + r")\b"
)
# "Jan: ringede igen" as one line of a dated list: a line that starts with a month and a colon
MONTH_LINE = re.compile(
    r"^[ \t]*(?:" + "|".join(sorted(MONTH_NAMES)) + r")[a-zæøå]*\.?[ \t]*[:\-–]", re.IGNORECASE | re.MULTILINE
)


class NameFinder:
    """Finds name spans; build once per gazetteer and reuse (the memo only grows, never changes)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.kinds = WordKinds(gazetteer)
        self._rare_words = RareWords(self._needs_judging)

    # --- one token on its own -----------------------------------------------------------------

    def kind(self, word: str) -> Kind:
        """What `word` is on its own (memoised)."""
        return self.kinds.kind(word)

    def is_unknown(self, word: str) -> bool:
        return self.kinds.is_unknown(word)

    def is_first_name(self, lower: str) -> bool:
        return self.kinds.is_first_name(lower)

    def _maybe_lower_name(self, word: str) -> bool:
        return self.kinds.maybe_lower_name(word)

    def _may_end_name(self, word: str) -> bool:
        """A lower-case word that may end a name after the word before it: a surname after an ordinary
        word used as a first name ("sol bak"), after a cued first name ("my name is storm kastrup"),
        or after a cued initial ("hedder d. nielsen")."""
        return word[0].islower() and self.kind(word) in (Kind.NAME, Kind.SURNAME_LIKE, Kind.PLACE)

    def _needs_judging(self, word: str) -> bool:
        """Whether a token not starting with a Latin-1 capital can make a name (`_judge_lower_case`).

        A capital of another script ("Łukasz", "Олена") is judged like any capitalised token. A
        lower-case ordinary word without joiners never makes a name itself: in a pair with one,
        the other word is judged. Otherwise the word must be a listed name (a cue, or the first of
        a pair) or a surname that may close a pair.
        """
        if word[0].isupper():
            return self.kind(word) in CANDIDATE_KINDS
        if not any(j in word for j in JOINERS) and word.lower() in self.gazetteer.common_words:
            return False
        return self._maybe_lower_name(word) or self._may_end_name(word)

    # --- a text -------------------------------------------------------------------------------

    def find(self, text: str) -> list[tuple[int, int]]:
        """Name spans in `text`; characters set to NUL (already found by patterns) separate tokens."""
        text = _blank_months_in_dates(text)
        context = TokenContext(text)
        accepted: dict[int, Token] = {}
        # Tokens starting with a Latin-1 capital: most are ordinary ("Jeg", "Kommunen"), so
        # their words are collected and sorted out with set operations, and only the few of a
        # candidate kind are located and judged.
        capitalised = set(CAPITAL_TOKEN.findall(text))
        for word in capitalised.difference(self.kinds.memo):
            self.kind(word)
        candidates = capitalised.intersection(self.kinds.candidates)
        for token in occurrences(text, candidates, CAPITAL_TOKEN, capital_occurrences):
            if self._capitalised_is_name(context, token, self.kind(token.word)):
                accepted[token.start] = token
        for token in occurrences(text, self._rare_words(text), TOKEN, token_occurrences):
            if not token.word[0].isupper():
                self._judge_lower_case(context, token, accepted)
            elif self._capitalised_is_name(context, token, self.kind(token.word)):
                accepted[token.start] = token
        for char, initials, before in STAFF_INITIALS:
            for m in initials.finditer(text) if char in text else ():
                if before.search(text, max(0, m.start() - 12), m.start()):
                    accepted[m.start(1)] = Token(m.start(1), m.end(1), m[1])
        if not accepted:
            return []
        self._extend_chains(context, accepted)
        return self._merge(text, sorted(accepted.values()))

    def _capitalised_is_name(self, context: TokenContext, token: Token, kind: Kind) -> bool:
        if kind == Kind.NAME:
            return True
        if kind == Kind.SURNAME_LIKE:
            return not self._place_context(context, token)
        if kind in (Kind.AMBIGUOUS, Kind.UNKNOWN):
            if self._in_signature(context, token) or self._cued(context, token):
                return True
            return kind == Kind.AMBIGUOUS and self._ambiguous_is_name(context, token)
        # a stop word that is also a name: "Per Hansen", "hedder Per", "Vh\nHans"; never "Hun sagde".
        # Most are ordinary words opening a sentence, which two cheap looks at the text rule out.
        if (
            _line_start_before(context.text, token.start)
            and self._in_signature(context, token)
            and self._cued(context, token)
        ):
            return True
        if _capital_follows(context.text, token.end):
            following = context.after(token)
            if (
                following is not None
                and context.joined(token, following)
                and following.word[0].isupper()
                and self.kind(following.word) in (Kind.NAME, Kind.SURNAME_LIKE)
            ):
                return True
        return (
            _may_follow_cue_mid_sentence(context.text, token.start)
            and self._cued(context, token)
            and not self._sentence_start(context, token)
        )

    def _judge_lower_case(self, context: TokenContext, token: Token, accepted: dict[int, Token]) -> None:
        """A lower-case token that `_needs_judging`: a name after a cue, or in a pair of names.

        A pair ("mads bertelsen") is tried from its first word when that is a listed name, and
        from its second when the first may be an ordinary word ("sol bak"). After a cue a listed
        first name and a name ("my name is storm kastrup"), or an initial and a surname ("hedder
        d. nielsen"), are a name even when the first word alone would not be.
        """
        word = token.word
        if self._maybe_lower_name(word):
            if self.kind(word) == Kind.NAME and (
                self._in_signature(context, token) or self._cued(context, token)
            ):
                accepted[token.start] = token
            following = context.after(token)
            if following is not None and following.word[0].islower() and context.joined(token, following):
                self._lower_case_pair(token, following, accepted)
        if not self._may_end_name(word) or context.text[token.start - 1 : token.start] not in (" ", "\t"):
            return  # the word before is joined by spaces, or by a dot and spaces after an initial
        previous = context.before(token)
        if previous is None or previous.word[0].isupper():
            return
        if context.joined(previous, token):
            if self._maybe_lower_name(previous.word):
                self._lower_case_pair(previous, token, accepted)
            if (
                previous.start not in accepted
                and self.is_first_name(previous.word)
                and self.kind(previous.word) != Kind.STOPWORD  # "min mand har ...", "min søn som ..."
                and self._cued(context, previous)
            ):
                accepted[previous.start] = previous
                accepted[token.start] = token
        elif (
            len(previous.word) == 1
            and INITIAL_GAP.fullmatch(context.text, previous.end, token.start)
            and self.kind(word) != Kind.PLACE
            and self._cued(context, previous)
        ):
            accepted[previous.start] = Token(previous.start, previous.end + 1, previous.word + ".")
            accepted[token.start] = token

    def _lower_case_pair(self, first: Token, second: Token, accepted: dict[int, Token]) -> None:
        """ "mads bertelsen", "ronja rahimi": a lower-case first name followed by a lower-case surname."""
        first_kind = self.kind(first.word)
        if first_kind not in (Kind.NAME, Kind.AMBIGUOUS) or not self.is_first_name(first.word):
            return
        nxt = self.kind(second.word)
        surnames = self.gazetteer.surnames
        if first_kind == Kind.NAME:
            ok = nxt in (Kind.NAME, Kind.SURNAME_LIKE, Kind.UNKNOWN, Kind.PLACE) or (
                nxt == Kind.AMBIGUOUS and second.word in surnames
            )
        else:
            ok = nxt == Kind.SURNAME_LIKE or (nxt == Kind.NAME and second.word in surnames)
        if ok:
            accepted[first.start] = first
            accepted[second.start] = second

    def _extend_chains(self, context: TokenContext, accepted: dict[int, Token]) -> None:
        """Neighbours of an accepted name on the same line are names too ("Hodan Warsame", "J. Hansen")."""
        todo = list(accepted.values())
        while todo:
            name = todo.pop()
            for neighbour, after in ((context.before(name), False), (context.after(name), True)):
                if neighbour is None or neighbour.start in accepted:
                    continue
                if not (context.joined(name, neighbour) if after else context.joined(neighbour, name)):
                    continue
                word = neighbour.word
                if word[0].isupper():
                    kind = self.kind(word)
                    # after a name: "Marco Kastrup", "Zainab Krag" (a place or a word used as a surname)
                    after_name = after and name.word[0].isupper()
                    ok = (
                        kind in NAMEISH
                        or (after_name and kind in (Kind.PLACE, Kind.WORD, Kind.STOPWORD) and len(word) > 2)
                        # before a surname on a signature line: "May Thompson", "Will Hughes"
                        or (
                            not after
                            and kind in (Kind.STOPWORD, Kind.BLOCKED)
                            and self.kind(name.word) in (Kind.NAME, Kind.SURNAME_LIKE)
                            and not looks_institutional(word.lower())
                            and self._in_signature(context, neighbour)
                        )
                    )
                elif name.word[0].isupper() or (not self._maybe_lower_name(word) and not after):
                    ok = False
                else:
                    # lower case continues a lower-case name; an unknown word only as its surname
                    allowed = (Kind.NAME, Kind.SURNAME_LIKE) + ((Kind.UNKNOWN,) if after else ())
                    ok = self.kind(word) in allowed
                if ok:
                    accepted[neighbour.start] = neighbour
                    todo.append(neighbour)

    # --- context rules ------------------------------------------------------------------------

    def _cued(self, context: TokenContext, token: Token) -> bool:
        """The token directly follows a cue ("min søn", "Kære", "Med venlig hilsen")."""
        cue = context.before(token)
        if cue is None:
            return False
        low = cue.word.lower()
        if low in CUE_FILLERS:
            earlier = context.before(cue)
            if earlier is not None and CUE_GAP.fullmatch(context.text, earlier.end, cue.start):
                cue, low = earlier, earlier.word.lower()
        text = context.text
        if low in SIGNOFF_WORDS:
            return SIGNOFF_GAP.fullmatch(text, cue.end, token.start) is not None
        if not CUE_GAP.fullmatch(text, cue.end, token.start):
            return False
        if low in CUE_WORDS:
            return True
        if low not in BIGRAM_ENDS:
            return False
        earlier = context.before(cue)
        return earlier is not None and (earlier.word.lower(), low) in CUE_BIGRAMS

    @staticmethod
    def _in_signature(context: TokenContext, token: Token) -> bool:
        """The token is on a short line made only of capitalised words, such as a signature."""
        if not SIGNATURE_WORD_END.match(context.text, token.end):
            return False  # a lower-case word follows: most sentence openers stop here, cheaply
        line_start, line_end = context.line(token)
        m = SIGNATURE_LINE.match(context.text, line_start, line_end)
        return m is not None and m.start(1) <= token.start and token.end <= m.end(1)

    @staticmethod
    def _place_context(context: TokenContext, token: Token) -> bool:
        """ "i Glostrup", "Plejehjemmet Sølund": a surname-like word used as a place."""
        previous = context.before(token)
        if previous is None:
            return False
        word = previous.word
        return context.gap(previous, token).strip() == "" and (
            word in PLACE_PREPOSITIONS or (word[0].isupper() and looks_institutional(word.lower()))
        )

    @staticmethod
    def _sentence_start(context: TokenContext, token: Token) -> bool:
        previous = context.before(token)
        if previous is None:
            return context.text[: token.start].strip(SENTENCE_OPENERS) == ""
        gap = context.gap(previous, token)
        if "\n" in gap or any(c in gap for c in '!?:;"(•'):
            return True
        if "." in gap:
            word = previous.word
            return not (word.lower() in ABBREVIATIONS or len(word) == 1 or word.endswith("."))
        return False

    def _ambiguous_is_name(self, context: TokenContext, token: Token) -> bool:
        """A name that is also a word ("Bo", "Mark") needs context beyond being known."""
        previous, following = context.before(token), context.after(token)
        joined_prev = previous is not None and context.joined(previous, token)
        joined_next = following is not None and context.joined(token, following)
        next_capital = joined_next and following is not None and following.word[0].isupper()
        if (
            next_capital
            and following is not None
            and self.kind(following.word) in (Kind.NAME, Kind.SURNAME_LIKE)
        ):
            return True
        if (
            joined_prev
            and previous is not None
            and previous.word[0].isupper()
            and self.kind(previous.word) in (Kind.NAME, Kind.INITIAL)
        ):
            return True
        if self._sentence_start(context, token):
            return joined_next and following is not None and following.word in PERSON_VERBS
        # mid-sentence capital: a name unless part of a capitalised phrase ("Kongens Have")
        if (
            joined_prev
            and previous is not None
            and (previous.word[0].isupper() or previous.word.lower() in DETERMINERS)
        ):
            return False
        return not (next_capital and following is not None and self.kind(following.word) not in NAMEISH)

    @staticmethod
    def _merge(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """Join accepted tokens separated only by spaces into one span ("Anne Marie Jensen")."""
        out: list[tuple[int, int]] = []
        for start, end, _ in tokens:
            if out and text[out[-1][1] : start].strip(" \t") == "":
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out


def _blank_months_in_dates(text: str) -> str:
    """`text` with the capitalised month abbreviations that stand in a date set to NUL: neither a
    name nor a neighbour that makes one ("On Jun 3, 2026")."""
    months = [m for m in MONTH_TOKEN.finditer(text) if _in_a_date(text, Token(m.start(), m.end(), m[0]))]
    for m in months:
        text = text[: m.start()] + "\0" * (m.end() - m.start()) + text[m.end() :]
    return text


def _in_a_date(text: str, token: Token) -> bool:
    """A month abbreviation used as a month: after a day ("3 Jun"), before a day or a year
    ("Jan 2026", "Jun 3"), or opening a line of a dated list with another such line
    ("Jan: ringede\nFeb: skrev"). "Jan Hansen" and "Jan: I called you" alone stay names."""
    if DAY_BEFORE.search(text, max(0, token.start - 6), token.start) and not CAPITAL_AFTER.match(
        text, token.end
    ):
        return True
    if DAY_OR_YEAR_AFTER.match(text, token.end):
        return True
    if _line_start_before(text, token.start) and MONTH_LINE.match(text, text.rfind("\n", 0, token.start) + 1):
        return len(MONTH_LINE.findall(text)) >= 2
    return False


def _line_start_before(text: str, start: int) -> bool:
    """Only spaces or tabs between the start of the line and `start`."""
    pos = start - 1
    while pos >= 0 and text[pos] in " \t":
        pos -= 1
    return pos < 0 or text[pos] == "\n"


def _capital_follows(text: str, end: int) -> bool:
    """After spaces or tabs a capital: necessary for a capitalised token joined on the right."""
    pos = end
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos > end and pos < len(text) and text[pos].isupper()


# A word both a cue and an abbreviation ("Hr. Per", "Mvh. Per"): the only cue that may stand
# before a dot without the dot starting a sentence.
ABBREVIATED_CUES = sorted(ABBREVIATIONS & (CUE_WORDS | SIGNOFF_WORDS | BIGRAM_ENDS))
ABBREVIATED_CUE_BEFORE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(ABBREVIATED_CUES) + r")\Z", re.IGNORECASE)


def _may_follow_cue_mid_sentence(text: str, start: int) -> bool:
    """Necessary for "cued and not at a sentence start", judged from the characters before `start`.

    The gap before the token must not hold a newline or sentence punctuation, and a dot only
    after an abbreviation that is a cue.
    """
    pos = start - 1
    while pos >= 0 and text[pos] in " \t":
        pos -= 1
    if pos < 0:
        return False
    char = text[pos]
    if char == "\n" or char in '!?:;"(•':
        return False
    if char == ".":
        return ABBREVIATED_CUE_BEFORE.search(text, max(0, pos - 4), pos) is not None
    return True


__all__ = ["NAMEISH", "TOKEN", "Kind", "NameFinder"]
