"""Patterns for personal numbers and addresses in Danish and English complaint texts.

`find_numbers(text)` runs on the raw text (spaCy's tokenizer splits "+45 12 34 56 78") and returns
`(kind, start, end)` candidates, kind by kind in priority order; `signals.anonymise` keeps the
first of any two that overlap. Cue words ("cpr", "sagsnr.", "kontonr.") decide what a bare
number is. The address patterns are in `signals.address_patterns`.

Speed: every kind but e-mail contains a digit, so the patterns only search the text's *regions*,
stretches around its digits (`REGION_BEFORE` characters before a run of digits, `REGION_AFTER`
after, merged when they touch), and a region is only searched for a kind when it holds enough
digits for that kind. A cue must end just before its number, so cue patterns only search the
`CUE_REACH` characters before each run of digits. A match longer than these margins would be
cut; personal numbers, cues and addresses are far shorter. Cue patterns run on the lower-cased
text without IGNORECASE and start with a literal letter, so the regex engine can skip ahead to
candidate positions instead of trying the whole pattern at every character.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from signals.address_patterns import find_addresses

Candidate = tuple[str, int, int]

# A match begins at most this many characters before its first digit (a street name such as
# "Gammel Kongevej", a cue such as "civil registration number is") and ends at most this many
# after its last one (a floor and a town: "3. tv., 2300 København S").
REGION_BEFORE = 80
REGION_AFTER = 48
# A cue with its separators ends at most six characters (a case number's letters) before the
# first digit of its number and is shorter than this.
CUE_REACH = 48

_D = r"(?<![\w.,/-])"  # a number starts here: no digit, letter or number punctuation before
_E = r"(?![\w]|[.,/-]\d)"  # and ends here
# `\d\d*`, not `\d+`: a pattern that begins with a character class lets the regex engine skip
# ahead to the next digit in C (a leading repeat does not), a quarter of this scan's time.
DIGIT_RUN = re.compile(r"\d\d*")
# Bare numbers start at most this many characters before their first digit ("(+45) ", "BIF-").
NUMBER_LEAD = 8


def number_start(first: str) -> str:
    """`_D` then the character class `first`, written with the class in front so the regex engine
    can skip ahead to it (it cannot scan ahead for a pattern that begins with a look-behind)."""
    return first + r"(?<![\w.,/-]" + first + ")"


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a hand-written list."""
    return text.split()


def at_word_start(*alternatives: str) -> str:
    r"""`\b(?:a|b|...)` for lower-case alternatives, written so the regex engine can scan ahead.

    Python's engine only skips quickly to candidate positions when a pattern begins with literal
    characters; a leading `\b` defeats that. So each alternative keeps its first letter in front
    and checks the word boundary just after it: "sag..." becomes "s(?<!\ws)ag...".
    """
    out = []
    for alt in alternatives:
        first = alt[0]
        if not first.isalpha() or not first.islower():
            raise ValueError(f"alternative must start with a lower-case letter, got {alt!r}")
        out.append(f"{first}(?<!\\w{first}){alt[1:]}")
    return "(?:" + "|".join(out) + ")"


class Region(NamedTuple):
    """A stretch of text around digits where number patterns may match.

    `number_start` is where a bare number may start (`NUMBER_LEAD` before the first digit);
    `cue_windows` are the stretches before each run of digits where a cue may stand, each with the
    digit itself so that a word boundary right before it is judged as in the whole text.
    """

    start: int
    end: int
    digits: int
    number_start: int
    cue_windows: tuple[tuple[int, int], ...]
    runs: tuple[tuple[int, int], ...] = ()  # (start, end) of each run of digits


def number_regions(text: str) -> list[Region]:
    """The regions of `text` around its runs of digits, merged where they touch."""
    regions: list[Region] = []
    size = len(text)
    runs: list[tuple[int, int]] = []
    for m in DIGIT_RUN.finditer(text):
        if runs and m.start() - REGION_BEFORE > runs[-1][1] + REGION_AFTER:
            regions.append(_region(runs, size))
            runs = []
        runs.append(m.span())
    if runs:
        regions.append(_region(runs, size))
    return regions


def _region(runs: list[tuple[int, int]], size: int) -> Region:
    windows: list[tuple[int, int]] = []
    for run_start, _ in runs:
        low, high = max(0, run_start - CUE_REACH), run_start + 1
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    first = runs[0][0]
    return Region(
        start=max(0, first - REGION_BEFORE),
        end=min(size, runs[-1][1] + REGION_AFTER),
        digits=sum(end - start for start, end in runs),
        number_start=max(0, first - NUMBER_LEAD),
        cue_windows=tuple(windows),
        runs=tuple(runs),
    )


# Characters Python's IGNORECASE treats as the ASCII letters of the cue words but that lower() keeps.
_CASE_FOLD_EXTRA = str.maketrans({"ı": "i", "ſ": "s"})


class Scan:
    """One text being searched, with what is computed at most once for it: its lower case, its
    cue windows, and for each cue pattern whether the windows mention it at all."""

    def __init__(self, text: str, regions: list[Region]) -> None:
        self.text = text
        self.regions = regions
        self._cue_targets: dict[int, tuple[re.Pattern[str], str] | None] = {}
        self._lower: str | None = None
        self._lowered = False
        self._windows = ""

    def lower(self) -> str | None:
        """The text in lower case with unchanged offsets, or None when lower-casing changes its length."""
        lower = self.text.lower()
        if len(lower) != len(self.text):
            return None  # "İ" becomes two characters; cue patterns then run case-insensitively
        if "ı" in lower or "ſ" in lower:
            lower = lower.translate(_CASE_FOLD_EXTRA)
        return lower

    def cue_matches(self, cue: CuePattern, region: Region) -> list[re.Match[str]]:
        """Matches of a cue pattern in the region's cue windows."""
        key = id(cue)
        if key not in self._cue_targets:
            if not self._lowered:
                self._lower, self._lowered = self.lower(), True
                if self._lower is not None:
                    # A match lies inside a cue window, so its word does too: the words are
                    # looked for in the windows (about a fifth of the text), not in all of it.
                    self._windows = "\0".join(
                        self._lower[low:high] for r in self.regions for low, high in r.cue_windows
                    )
            lower = self._lower
            if lower is None:
                self._cue_targets[key] = (cue.ignorecase, self.text)
            elif any(word in self._windows for word in cue.words):
                self._cue_targets[key] = (cue.lower, lower)
            else:
                self._cue_targets[key] = None
        target = self._cue_targets[key]
        if target is None:
            return []
        pattern, text = target
        return [m for low, high in region.cue_windows for m in pattern.finditer(text, low, high)]


@dataclass(frozen=True)
class CuePattern:
    """A cue pattern compiled for the lower-cased text and case-insensitively for the raw text.

    `words` are lower-case strings of which every match contains one: a text with none of them
    is not searched at all.
    """

    lower: re.Pattern[str]
    ignorecase: re.Pattern[str]
    words: tuple[str, ...]

    @classmethod
    def compile(cls, source: str, *, words: tuple[str, ...]) -> CuePattern:
        return cls(re.compile(source), re.compile(source, re.IGNORECASE), words)


# --- e-mail ------------------------------------------------------------------------------------
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# Written out so machines would not harvest it: "navn at gmail dot com", "anna (at) mail.dk",
# "per snabel-a mail dot dk". The top-level domain must be one people use, so "look at it dot
# com" style prose is rare; an "@" address is found by EMAIL first. Only texts holding " dot "
# or "(at)" are searched ("per at mail punktum dk" alone is not).
_AT = r"(?:\s(?:at|snabel-a)\s|\s?[(\[](?:at|a|snabel-a)[)\]]\s?)"
_DOT = r"(?:\s(?:dot|punktum|prik)\s|\s?[(\[](?:dot|punktum|prik)[)\]]\s?|\.)"
_TLD = r"(?:com|dk|net|org|eu|info|de|se|no|fi|is|nl|uk|ie|fr|es|it|pl|ua|ro|tr|io|me|edu|gov)"
EMAIL_WRITTEN_OUT = re.compile(
    r"(?<![\w.+-])[\w+-]+(?:"
    + _DOT
    + r"[\w+-]+)*"
    + _AT
    + r"[\w-]+(?:"
    + _DOT
    + r"[\w-]+)*?"
    + _DOT
    + _TLD
    + r"\b",
    re.IGNORECASE,
)


# The characters of an address: a match of EMAIL lies inside one run of them that holds an "@".
EMAIL_RUN_END = re.compile(r"[\w.+@-]*")
WHITESPACE = (" ", "\n", "\t")


def _email_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` searched for EMAIL, one per run of address characters with an "@".

    EMAIL begins with a look-behind, so the regex engine tries it at every character; searched
    only here, a text pays for a few short stretches. A window starts after the last space, tab
    or newline before its "@" (no address contains one) and ends at a character that cannot be
    part of one, so EMAIL finds exactly the matches of a search of the whole text.
    """
    windows: list[tuple[int, int]] = []
    end = 0
    at = text.find("@")
    while at != -1:
        start = max([end] + [text.rfind(space, end, at) + 1 for space in WHITESPACE])
        run = EMAIL_RUN_END.match(text, at)
        end = run.end() if run else len(text)  # `*` always matches
        windows.append((start, end))
        at = text.find("@", end)
    return windows


def _emails(text: str, out: list[Candidate]) -> None:
    for start, end in _email_windows(text):
        out.extend(("EMAIL", m.start(), m.end()) for m in EMAIL.finditer(text, start, end))
    if " dot " in text or "(at)" in text:
        out.extend(("EMAIL", m.start(), m.end()) for m in EMAIL_WRITTEN_OUT.finditer(text))


# --- CPR ---------------------------------------------------------------------------------------
CPR_CUE = CuePattern.compile(
    at_word_start(
        "cpr",
        "personnummer",
        "personnr",
        r"personal\s+id(?:entity)?\s+number",
        r"civil\s+registration\s+number",
    )
    + r"(?:[\s.-]*(?:-?nr|-?nummer|number|no)\b\.?)?[\s.:]*(?:(?:er|is|på|nr\.?)\s+)?",
    words=("cpr", "person", "civil"),
)
# After a cue people write the ten digits in every grouping, even with an impossible date.
CPR_AFTER_CUE = re.compile(r"(\d{2}[ .]?\d{2}[ .]?\d{2})\s*[-–]?\s*(\d{4}|[xX*]{4})" + _E)
CPR_BARE = re.compile("(" + number_start(r"\d") + r"\d{5})(?:( ?[-–] ?| )(\d{4}|[xX*]{4})|(\d{4}))" + _E)
# "02 09 41 - 1620": the date in pairs needs the dash to tell it from a phone number or a time.
CPR_BARE_PAIRS = re.compile("(" + number_start(r"\d") + r"\d \d{2} \d{2}) ?[-–] ?(?:\d{4}|[xX*]{4})" + _E)
# A cue within this many characters before a bare ten-digit number says what else it is.
NOT_CPR_CUE = re.compile(
    r"(?:tlf|telefon\w*|mobil\w*|phone|ring\w*|sms|konto\w*|account|reg|sags?(?:nr|nummer|en)?|j\.?\s?nr|jnr"
    r"|journal\w*|case|ref\w*|faktura\w*|kunde\w*|ordre\w*|invoice|nummer|nr|number|no)\b\.?[\s.:]*(?:(?:er|is)\s+)?$",
    re.IGNORECASE,
)


def _valid_cpr_date(six: str) -> bool:
    """A DDMMYY that is a real date in some century (the modulus-11 check was dropped in 2007)."""
    day, month, year = int(six[:2]), int(six[2:4]), int(six[4:6])
    for century in (1900, 2000):
        try:
            dt.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def _cprs(scan: Scan, region: Region, out: list[Candidate]) -> None:
    text = scan.text
    cued_ends: set[int] = set()
    if region.digits >= 6:
        for cue in scan.cue_matches(CPR_CUE, region):
            m = CPR_AFTER_CUE.match(text, cue.end())
            if m:
                cued_ends.add(m.end())
                out.append(("CPR", m.start(), m.end()))
    if region.digits < 10:
        return
    for m in CPR_BARE.finditer(text, region.number_start, region.end):
        if m.end() in cued_ends or not _valid_cpr_date(m.group(1)):
            continue
        if m.group(4) is not None and NOT_CPR_CUE.search(text, max(0, m.start() - 25), m.start()):
            continue  # "kontonr. 0102031234" is an account number
        out.append(("CPR", m.start(), m.end()))
    for m in CPR_BARE_PAIRS.finditer(text, region.number_start, region.end):
        if m.end() not in cued_ends and _valid_cpr_date(m.group(1).replace(" ", "")):
            out.append(("CPR", m.start(), m.end()))


# --- phone numbers -----------------------------------------------------------------------------
PHONE_PREFIX = r"(?:(?:\+|00)\s?45[\s-]?|\(\s?(?:\+|00)?45\s?\)\s?)"
PHONE = re.compile(
    r"(?<![\w+(])(" + PHONE_PREFIX + r")?(\d(?:\d|[ \-.](?=\d)){7,14})" + r"(?![\w]|[.,]\d|\s?%)"
)
PHONE_CUE = re.compile(
    r"(?:tlf|telefon|mobil|phone|ring|call|sms|nr|number)\w*\.?[\s.:]*(?:(?:på|til|on|at|er|is)\s+)?$",
    re.IGNORECASE,
)
# Foreign numbers: "+" and a country code other than 45, then groups of digits, 8 to 15 digits in
# all (E.164), maybe a "(0)" trunk digit: "+44 20 7946 0958", "+81 90-1234-5678", "+49 (0)151 2345".
INTL_PHONE = re.compile(
    r"\+(?<![\w+]\+)(?!45)[1-9]\d{0,2}(?:[ \-.]?\(0\))?(?:[ \-.]?\d{1,5}){2,6}(?![\w]|[.,]\d|\s?%)"
)
AMOUNT_AFTER = re.compile(r"\s*(?:kr\b|kroner|dkk|,-|%)", re.IGNORECASE)
AMOUNT_BEFORE = re.compile(r"(?:kr\.?|dkk)\s*$", re.IGNORECASE)
DATE_LIKE = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./]((?:19|20)\d\d)|((?:19|20)\d\d)[-./]?(\d\d)[-./]?(\d\d)")
YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s?-\s?(?:19|20)\d\d")
PHONE_GROUP_SEPARATOR = re.compile(r"[ \-.]")


def _phone_groups_ok(number: str, *, prefixed: bool, cued: bool) -> bool:
    groups = PHONE_GROUP_SEPARATOR.split(number)
    digits = "".join(groups)
    if len(digits) != 8:
        return False
    if "." in number and not (prefixed or cued):
        return False  # "12.34.56.78" only after a cue; dots are dates and amounts otherwise
    if len(groups) > 1 and min(len(g) for g in groups) < 2:
        return False
    # Danish numbers start with 2-9; "12345678" and "12 34 56 78" are still written as examples
    canonical = [len(g) for g in groups] in ([8], [2, 2, 2, 2], [4, 4])
    return prefixed or cued or canonical or digits[0] in "23456789"


def _phones(text: str, region: Region, out: list[Candidate]) -> None:
    if region.digits < 8:
        return
    # foreign numbers first: "+47 912 34 567" holds a Danish-looking "912 34 567"
    plus = text.find("+", region.number_start, region.end)
    for m in INTL_PHONE.finditer(text, plus, region.end) if plus >= 0 else ():
        if 8 <= sum(c.isdigit() for c in m.group(0)) <= 15:
            out.append(("TELEFON", m.start(), m.end()))
    for m in PHONE.finditer(text, region.number_start, region.end):
        prefix, number = m.group(1), m.group(2).rstrip(" -.")
        end = m.start(2) + len(number)
        cued = bool(PHONE_CUE.search(text, max(0, m.start() - 20), m.start()))
        if not _phone_groups_ok(number, prefixed=bool(prefix), cued=cued):
            continue
        if not prefix:
            if m.start() >= 2 and text[m.start() - 1] == "-" and text[m.start() - 2].isalpha():
                continue  # "PB-5501-2291": digits joined to letters by a dash are a code
            if DATE_LIKE.fullmatch(number) or YEAR_RANGE.fullmatch(number):
                continue
            if AMOUNT_AFTER.match(text, end) or AMOUNT_BEFORE.search(text, max(0, m.start() - 5), m.start()):
                continue
        out.append(("TELEFON", m.start(), end))


# --- case and journal numbers ------------------------------------------------------------------
# Things with a reference number of their own: a fine, an invoice, a debt.
_REFERENCE_WORDS = (
    "afgift",
    "parkeringsafgift",
    "bøde",
    "faktura",
    "debitor",
    "kunde",
    "fine",
    "ticket",
    "invoice",
    "debtor",
    "customer",
)
_CASE_CUE_TAIL = r"(?:[\s:#.]*(?:er|is|har|nr\.?|no\.?|nummer|number))?[\s:#.]*"
CASE_CUE = CuePattern.compile(
    at_word_start(
        r"sags?\s?-?(?:nr|nummer|id)\b\.?",
        r"sag\s+nr\.?",
        "sag",
        "sagen",
        r"journal\s?-?(?:nr|nummer)\b\.?",
        r"journal\s+nr\.?",
        r"j\.\s?nr\.?",
        r"jnr\.?",
        r"j\.nr\.?",
        r"ref(?:erence)?(?:\s?-?(?:nr|number|no)\b)?\.?",
        r"vores\s+ref\.?",
        r"deres\s+ref\.?",
        r"case\s+(?:number|no\b\.?|ref(?:erence)?\b\.?|id)",
        r"reference\s+(?:number|no\b\.?)",
        r"your\s+ref(?:erence)?\.?",
        r"id\b",  # "ID: TP-55190", "skatteyder-ID er ..."
    )
    + _CASE_CUE_TAIL,
    words=("sag", "journal", "j.", "jnr", "ref", "case", "your", "id"),
)
# The reference of a fine, an invoice or a debt: "afgift nr. 7734092281", "debtor no.". A pattern
# of its own, so texts without these words (most) do not pay for its alternatives.
REFERENCE_CUE = CuePattern.compile(
    at_word_start(*_REFERENCE_WORDS)
    + r"(?:\s?-?(?:nr|nummer|no|number)\b\.?|\s(?:ref(?:erence)?|id)\b\.?)"
    + _CASE_CUE_TAIL,
    words=_REFERENCE_WORDS,
)
# "2024-0031877", "JC-KBH-2024-88121", "24/118430", "2024 - 015 523" (groups of three after a dash),
# "YS/BS/2025/11920"
CASE_ID = re.compile(
    r"(?:[A-ZÆØÅ]{1,5}[-/\s]?){0,3}\d[\dA-Z]*(?:\s?[-/.]\s?[\dA-Z]+)*(?:\s\d{3}(?=\s|$|[.,;)]))*"
    + r"(?![\w]|[.,/-]\w)"
)
# Case numbers without a cue: "2023-0064505", "2024-123-456" and "BIF-2024-77810".
CASE_BARE_YEAR = re.compile(
    number_start("[12]") + r"(?:(?<=1)9|(?<=2)0)\d\d-(?:\d{5,8}(?:-\d+)?|\d{3}-\d{3,6})" + _E
)
# Capitals joined to digits by a dash ("BIF-2024-77810", "TP-55190", "INV-99281-DK", "PB-5501-2291")
# are some office's code, whatever the cue, when they hold at least `CODE_MIN_DIGITS` digits.
CASE_BARE_LETTERS = re.compile(
    number_start("[A-ZÆØÅ]")
    + r"[A-ZÆØÅ]{0,4}(?:[-/][A-ZÆØÅ]{1,5}){0,2}-\d\d+(?:[-/]\d+)*(?:-[A-ZÆØÅ]{1,4})?"
    + _E
)
CODE_MIN_DIGITS = 5
WEAK_CASE_CUES = ("sag", "sagen", "ref", "ref.", "reference", "id")
SLASH_OR_DASH = re.compile(r"[-/]")


def _case_numbers(scan: Scan, region: Region, out: list[Candidate]) -> None:
    text = scan.text
    if region.digits < 4:
        return
    cues = scan.cue_matches(CASE_CUE, region)
    if any(end - start >= 5 for start, end in region.runs):  # references are long numbers
        cues += scan.cue_matches(REFERENCE_CUE, region)
    for cue in cues:
        m = CASE_ID.match(text, cue.end())
        if not m:
            continue
        ident = m.group(0).rstrip(". ")
        digits = sum(c.isdigit() for c in ident)
        weak = cue.group(0).strip(" :#").lower() in WEAK_CASE_CUES
        if digits < 4 or (weak and digits < 5 and not SLASH_OR_DASH.search(ident)):
            continue
        out.append(("SAGSNR", m.start(), m.start() + len(ident)))
    if region.digits >= 6:
        out.extend(
            ("SAGSNR", m.start(), m.end())
            for m in CASE_BARE_YEAR.finditer(text, region.number_start, region.end)
        )
    if region.digits >= CODE_MIN_DIGITS:  # never overlaps CASE_BARE_YEAR
        out.extend(
            ("SAGSNR", m.start(), m.end())
            for m in CASE_BARE_LETTERS.finditer(text, region.number_start, region.end)
            if sum(c.isdigit() for c in m.group(0)) >= CODE_MIN_DIGITS
        )


# "<word>nr.", "<word> nr.", "nummer", "number" or "no." before an identifier: "ordrenr.",
# "Lejemål nr.", "kvittering har nummer", "Bill no.", "application number". Tried after every
# other kind, so a phone number or an address after "nr." stays one; not after the words of
# kinds with cues of their own ("tlf.nr.", "reg. nr.", "postnr."): what those miss is no reference.
NUMBER_CUE = CuePattern.compile(
    r"n(?:r\b\.?|ummer\b|umber\b|o\.)" + _CASE_CUE_TAIL, words=("nr", "nummer", "number", "no.")
)
NOT_REFERENCE_WORDS = tuple(
    _words(
        "tlf telefon mobil phone fax cpr person konto account acc reg post hus house plade plate iban sort"
        " lov bek cirkulære act section"  # "lov nr. 1234" is a law
    )
)
# The word a cue belongs to: the compound it ends ("ordrenr") or, for a cue standing alone, the
# word before it ("Lejemål nr.", "tlf. nr.").
WORD_BEFORE = re.compile(r"([^\W\d_][\w.-]*?)[\s.:-]*\Z")


def _referenced_numbers(scan: Scan, region: Region, out: list[Candidate]) -> None:
    """References after NUMBER_CUE: four digits with a letter, dash or slash, or five digits."""
    text = scan.text
    if region.digits < 4:
        return
    for cue in scan.cue_matches(NUMBER_CUE, region):
        word = WORD_BEFORE.search(text, max(0, cue.start() - 24), cue.start())
        if word is not None and word.group(1).lower().startswith(NOT_REFERENCE_WORDS):
            continue
        m = CASE_ID.match(text, cue.end())
        if not m:
            continue
        ident = m.group(0).rstrip(". ")
        digits = sum(c.isdigit() for c in ident)
        span = ("SAGSNR", m.start(), m.start() + len(ident))
        if span not in out and (
            digits >= 5 or (digits == 4 and (SLASH_OR_DASH.search(ident) or any(c.isalpha() for c in ident)))
        ):
            out.append(span)  # not again after "sagsnr.", which CASE_CUE has found


# --- bank accounts -----------------------------------------------------------------------------
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[\dA-Z]{4}){3,7}(?:\s?[\dA-Z]{1,4})?\b")
REG_CUE = CuePattern.compile(
    at_word_start(r"reg(?:istrerings|istration)?\.?\s?-?(?:nr|nummer|no|number)?\b\.?") + r"[\s.:]*",
    words=("reg",),
)
ACCOUNT_CUE = CuePattern.compile(
    at_word_start(
        r"konto(?:nummer|nr)?", r"konto\s?nr", "bankkonto", r"account(?:\s(?:number|no))?", r"acc\s?no", "acc"
    )
    + r"\b\.?(?:[\s.:]*(?:er|is|nr\.?|no\.?))?[\s.:-]*",
    words=("konto", "acc"),
)
# A registration number, with the account right after it when nothing stands between: "9570 12345678".
REG_NUMBER = re.compile(r"\d{4}(?:[ -]?\d{6,10}" + _E + r"|(?: \d{2,4}){2,4}" + _E + r")?" + _E)
# An account after its cue, its digits maybe grouped: "1551 0012 345 678".
ACCOUNT_NUMBER = re.compile(r"\d{4}(?:[\s-]?\d{6,10}|(?: \d{2,4}){2,4})" + _E + r"|\d{6,10}" + _E)
SORT_CODE_CUE = CuePattern.compile(
    at_word_start(r"sort\s?code") + r"[\s.:]*(?:(?:is|er)\s+)?", words=("sort",)
)
SORT_CODE = re.compile(r"\d{2}([- ]?)\d{2}\1\d{2}" + _E)
ACCOUNT_BARE = re.compile(number_start(r"\d") + r"\d{3}-\d{10}" + _E)
# IBANs and licence plates start with two capital letters just before a digit.
CAPITALS_THEN_DIGIT = re.compile(r"[A-Z][A-Z]\s?\d")


def _account_digits_ok(number: str) -> bool:
    """Digits grouped in three or more groups ("1551 0012 345 678") make an account with its
    registration number only when there are 10 to 14 of them."""
    return len(number.split()) < 3 or 10 <= sum(c.isdigit() for c in number) <= 14


def _accounts(scan: Scan, region: Region, out: list[Candidate]) -> None:
    text = scan.text
    if region.digits >= 14 and CAPITALS_THEN_DIGIT.search(text, region.start, region.end):
        for iban in IBAN.finditer(text, region.start, region.end):
            if sum(c.isdigit() for c in iban.group(0)) >= 14:
                out.append(("KONTO", iban.start(), iban.end()))
    for cue_pattern, number_pattern, min_digits in (
        (REG_CUE, REG_NUMBER, 4),
        (ACCOUNT_CUE, ACCOUNT_NUMBER, 6),
        (SORT_CODE_CUE, SORT_CODE, 6),
    ):
        if region.digits >= min_digits:
            for cue in scan.cue_matches(cue_pattern, region):
                number = number_pattern.match(text, cue.end())
                if number and _account_digits_ok(number.group(0)):
                    out.append(("KONTO", number.start(), number.end()))
    if region.digits >= 14:
        out.extend(
            ("KONTO", m.start(), m.end())
            for m in ACCOUNT_BARE.finditer(text, region.number_start, region.end)
        )


# --- licence plates ----------------------------------------------------------------------------
PLATE = re.compile(r"(?<![\w-])[A-Z]{2}\s?\d{2}\s?\d{3}(?![\w]|[.,]\d)")
# British plates since 2001: "LK19 ABC".
# Matched only where a region has a run of exactly two digits.
UK_PLATE = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}\s?[A-Z]{3}(?![\w-])")


def _plates(text: str, region: Region, out: list[Candidate]) -> None:
    if region.digits >= 5 and CAPITALS_THEN_DIGIT.search(text, region.start, region.end):
        out.extend(
            ("NUMMERPLADE", m.start(), m.end()) for m in PLATE.finditer(text, region.start, region.end)
        )
    for start, end in region.runs:  # a British plate has a run of two digits after two capitals
        if end - start == 2 and start >= 2:
            m = UK_PLATE.match(text, start - 2)
            if m:
                out.append(("NUMMERPLADE", m.start(), m.end()))


def find_numbers(text: str) -> list[Candidate]:
    """All candidates of all kinds, in priority order: when two overlap, the earlier one wins.

    E-mails come first; then region by region the kinds KONTO, CPR, SAGSNR, TELEFON, ADRESSE,
    NUMMERPLADE and last the references after a "nr." of no other kind (candidates of different
    regions never overlap, so this is the same as all candidates of one kind before the next kind).
    """
    found: list[Candidate] = []
    _emails(text, found)
    regions = number_regions(text)
    scan = Scan(text, regions)
    for region in regions:
        _accounts(scan, region, found)
        _cprs(scan, region, found)
        _case_numbers(scan, region, found)
        _phones(text, region, found)
        find_addresses(text, region, found)
        _plates(text, region, found)
        _referenced_numbers(scan, region, found)
    return found
