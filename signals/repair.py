"""Repair of Danish words written without æøå or damaged by OCR, only where it is safe.

A token is replaced only when it is not a known Danish word form (`signals.lexicon.known_forms`,
from the lemma table) and a repair of it is. Candidates come from up to three edits ("aa" -> "å",
"g" -> "ø", ...), cheapest first (transliteration is cheaper than an OCR guess). A candidate that
is a known word wins. Failing that, compounds count, because Danish glues words together and the
table misses many ("borgerrådgiveren" = "borger" + "rådgiveren"): a token that takes three or
more known parts to explain ("borgerradgiveren" = "borger" + "rad" + "giveren") may become a
candidate that takes fewer. Names and places a text still holds ("Mette", "Skovgaard"), place
names with "Aa", abbreviations, acronyms, placeholders and web addresses are left alone.

Decisions are cached per lower-cased token type, so each distinct word is analysed once per
process; the caches are module state and never pickled.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from signals.lexicon import known_forms
from signals.names import gazetteer, has_surname_suffix


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a hand-written list."""
    return text.split()


# (damaged spelling, repaired spelling, cost). Cheap edits are the near-certain ones.
EDITS: tuple[tuple[str, str, int], ...] = (
    ("aa", "å", 1),  # written without æøå
    ("oe", "ø", 1),
    ("ae", "æ", 1),
    ("@", "ø", 1),  # OCR
    ("&", "æ", 1),
    ("g", "ø", 2),
    ("a", "å", 2),
    ("1", "i", 2),
    ("1", "", 2),  # "i1" -> "i": OCR doubles a letter as a digit
    ("a", "æ", 3),
    ("e", "æ", 3),
    ("rn", "m", 3),
    ("1", "l", 3),
)
_EDIT_SOURCES = re.compile("|".join(sorted({re.escape(src) for src, _, _ in EDITS}, key=len, reverse=True)))
MAX_EDITS = 3  # `_spellings` makes the combinations of 1, 2 and 3 edits
MAX_CANDIDATES = 4000  # a safety cap for very long tokens full of a/e/g
MAX_TOKEN = 40  # longer "words" are no Danish words (and would cost quadratic time)
MIN_PART = 3  # shortest compound part: two-letter parts make almost anything a "compound"
LINKING = ("s", "e")  # Danish linking morphemes: sag-s-behandler, børn-e-have
NOT_SEGMENTED = 99
LONG_COMPOUND = 14
# Words that look damaged but are right: place names keep their "Aa" (Aalborg, not Ålborg), and
# abbreviations are no damaged words ("vedr." is not "vædr").
KEEP = frozenset(
    _words(
        "aalborg aarhus aabenraa aabybro aakirkeby aalestrup aars aarup aaskov aagaard kgs vedr evt ang "
        "pga bl mht mhp ift iflg jf ca mv kl nr tlf mvh ifm vha dvs osv eks hhv mfl pt inkl ekskl"
    )
)
_CACHE_LIMIT = 500_000  # bound the per-process caches (a long-running service sees typos forever)
# Characters no known form holds (a test checks): a spelling with one is no compound of known
# parts, whatever its other letters ("anne_hansen@hotmail", from an e-mail address).
_NO_PART_RE = re.compile("[@&_]")

_parts_cache: dict[str, int] = {}
_repair_cache: dict[str, str | None] = {}


def _known_head(head: str, known: frozenset[str]) -> bool:
    """A compound's first part: a known form, optionally followed by a linking -s- or -e-."""
    if head in known:
        return True
    return head[-1] in LINKING and len(head) > MIN_PART and head[:-1] in known


def _two_part(word: str, known: frozenset[str]) -> bool:
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        if word[cut:] in known and _known_head(word[:cut], known):
            return True
    return False


def count_parts(word: str) -> int:
    """How many known parts explain a lower-cased word: 1, 2 or 3, else NOT_SEGMENTED."""
    cached = _parts_cache.get(word)
    if cached is not None:
        return cached
    known = known_forms()
    if word in known:
        parts = 1
    elif len(word) > MAX_TOKEN:
        parts = NOT_SEGMENTED
    elif _two_part(word, known):
        parts = 2
    else:
        parts = NOT_SEGMENTED
        for cut in range(2 * MIN_PART, len(word) - MIN_PART + 1):
            head = word[:cut]
            if word[cut:] in known and (
                _two_part(head, known) or (head[-1] in LINKING and _two_part(head[:-1], known))
            ):
                parts = 3
                break
    if len(_parts_cache) < _CACHE_LIMIT:
        _parts_cache[word] = parts
    return parts


# The edits grouped by their source's first character, each group in EDITS order: only the
# positions holding one of these few characters are looked at.
_EDITS_BY_FIRST: dict[str, list[tuple[str, str, int]]] = {}
for _edit in EDITS:
    _EDITS_BY_FIRST.setdefault(_edit[0][0], []).append(_edit)


def _at_most_parts(word: str, limit: int, known: frozenset[str]) -> bool:
    """count_parts(word) <= limit (2 or 3) for a word not in `known`, without caching it: the
    check of many repair candidates, most of which no known word ends. The cuts leaving a known
    last part are found once for both readings."""
    cached = _parts_cache.get(word)
    if cached is not None:
        return cached <= limit
    if len(word) > MAX_TOKEN:
        return False
    tails = [cut for cut in range(MIN_PART, len(word) - MIN_PART + 1) if word[cut:] in known]
    if not tails:
        return False
    if any(_known_head(word[:cut], known) for cut in tails):
        return True  # two parts
    if limit < 3:
        return False
    for cut in tails:
        if cut >= 2 * MIN_PART:
            head = word[:cut]
            if _two_part(head, known) or (head[-1] in LINKING and _two_part(head[:-1], known)):
                return True  # three parts
    return False


def _edit_options(word: str) -> list[tuple[int, int, str, int]]:
    """Every single edit that applies to `word`: (start, end, replacement, cost), by start, then
    in EDITS order."""
    options = []
    by_first = _EDITS_BY_FIRST
    for start, char in enumerate(word):
        edits = by_first.get(char)
        if edits is not None:
            for source, target, cost in edits:
                if len(source) == 1 or word.startswith(source, start):
                    options.append((start, start + len(source), target, cost))
    return options


def _spellings(word: str) -> Iterator[tuple[str, int]]:
    """(spelling, cost) of every combination of up to MAX_EDITS non-overlapping edits of `word`,
    in the order `itertools.combinations` gives them (all single edits, then pairs, then triples,
    each in lexicographic order of the options), without making the overlapping combinations:
    an option can only be followed by those from `after` on."""
    options = _edit_options(word)
    count = len(options)
    starts = [option[0] for option in options]
    # after[i]: the first option starting at or after option i's end (starts are sorted)
    after = [bisect.bisect_left(starts, end, i + 1) for i, (_, end, _, _) in enumerate(options)]
    heads = [word[:start] + target for start, _, target, _ in options]  # the text up to edit i
    for i in range(count):
        yield heads[i] + word[options[i][1] :], options[i][3]
    for i in range(count):
        head, end, cost = heads[i], options[i][1], options[i][3]
        for j in range(after[i], count):
            start_j, end_j, target_j, cost_j = options[j]
            yield head + word[end:start_j] + target_j + word[end_j:], cost + cost_j
    for i in range(count):
        head, end, cost = heads[i], options[i][1], options[i][3]
        for j in range(after[i], count):
            start_j, end_j, target_j, cost_j = options[j]
            middle, cost_ij = head + word[end:start_j] + target_j, cost + cost_j
            for k in range(after[j], count):
                start_k, end_k, target_k, cost_k = options[k]
                yield middle + word[end_j:start_k] + target_k + word[end_k:], cost_ij + cost_k


def _found_spellings(word: str) -> dict[str, int]:
    """Each repaired spelling of `word` with its least cost, in order of first appearance."""
    found: dict[str, int] = {}
    for spelling, cost in _spellings(word):
        if spelling and cost < found.get(spelling, 1_000):
            found[spelling] = cost
            if len(found) >= MAX_CANDIDATES:
                break
    return found


def _ranked(found: dict[str, int]) -> list[tuple[int, str]]:
    """(cost, spelling) by cost; equal costs in order of first appearance (a stable sort)."""
    return sorted(((cost, spelling) for spelling, cost in found.items()), key=lambda item: item[0])


def candidates(word: str) -> list[tuple[int, str]]:
    """Repaired spellings of a lower-cased word with up to MAX_EDITS edits, as (cost, spelling)."""
    return _ranked(_found_spellings(word))


def _best_repair(word: str) -> str | None:
    if (
        len(word) > MAX_TOKEN
        or word in KEEP
        or not _EDIT_SOURCES.search(word)
        or not any(ch.isalpha() for ch in word)
    ):
        return None
    known = known_forms()
    if word in known:
        return None
    found = _found_spellings(word)
    # A single known word made by the cheapest edits wins over any compound reading of the
    # token: a compound reading of a damaged word is usually junk ("sarligt" = "sar" + "ligt").
    # The first known spelling in the ranked order: the least cost, the earliest of equals. Most
    # tokens have none, which one set intersection in C tells.
    hits = known.intersection(found)  # iterates over `found`, the smaller
    if hits:
        best, best_cost = "", 1_000
        for spelling, cost in found.items():
            if cost < best_cost and spelling in hits:
                best, best_cost = spelling, cost
        return best
    parts = count_parts(word)
    if parts < 3:
        return None
    # Otherwise a compound repair, which must need fewer parts than the token did; a token with
    # no reading at all may become a three-part compound if it is long enough to hold one.
    limit = 3 if parts == NOT_SEGMENTED and len(word) >= LONG_COMPOUND else min(2, parts - 1)
    unsplittable = _NO_PART_RE.search(word) is not None  # then look at each spelling
    for _, spelling in _ranked(found):  # none of them is a known word (no hits above)
        if len(spelling) < 2 * MIN_PART or (unsplittable and _NO_PART_RE.search(spelling)):
            continue
        if _at_most_parts(spelling, limit, known):
            return spelling
    return None


def repair_word(word: str) -> str | None:
    """The repaired lower-cased spelling of a lower-cased token, or None to keep it as it is."""
    if word in _repair_cache:
        return _repair_cache[word]
    repaired = _best_repair(word)
    if len(_repair_cache) < _CACHE_LIMIT:
        _repair_cache[word] = repaired
    return repaired


def match_case(original: str, repaired: str) -> str:
    """Give `repaired` the case pattern of `original` (all caps, capitalised or lower)."""
    if len(original) > 1 and original.isupper():
        return repaired.upper()
    if original[:1].isupper():
        return repaired[:1].upper() + repaired[1:]
    return repaired


# Tokens the repair looks at (group 1): letters with the OCR stand-ins; a placeholder ([NAVN])
# matches as a whole and is left alone.
TOKEN_RE = re.compile(r"\[[A-ZÆØÅ_]+\]|([\w@&]+)")
# Web and e-mail addresses are left alone too; looked for only in texts that seem to have one.
_WEB_HINTS = ("://", "www.", "@", ".dk", ".com", ".org", ".net", ".eu", ".info", ".nu")
_WEB_RE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+\.\w[\w.]*"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:dk|com|org|net|eu|info|nu)\b\S*"
)


_RUN_RE = re.compile(r"\S+")


def web_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web and e-mail addresses in `text` (usually none).

    No address holds whitespace, and each holds one of the hints, so `_WEB_RE` runs only over
    the whitespace-free runs that hold a hint: the same matches as over the whole text (no part
    of the pattern looks beyond a run), without trying the pattern at every position.
    """
    if not any(hint in text for hint in _WEB_HINTS):  # plain substring tests: fast
        return []
    spans = []
    for run in _RUN_RE.finditer(text):
        word = run.group()
        if any(hint in word for hint in _WEB_HINTS):
            offset = run.start()
            spans += [(offset + match.start(), offset + match.end()) for match in _WEB_RE.finditer(word)]
    return spans


# "1" read for "i" as a word of its own. A count "1" precedes an indefinite singular ("1 måned",
# "1 barn"); a preposition "i" precedes a definite noun ("i kommunen"), a determiner or pronoun,
# a proper name, a year, or one of these words.
_ONE_AS_I_ALWAYS = frozenset(
    _words(
        "forbindelse forhold løbet øvrigt øvrige stedet henhold forvejen min mit mine vores deres hans "
        "hendes den det de denne dette disse en et samarbejde tide alt høj god nær både dag går morgen "
        "aften"
    )
)
_DEFINITE_RE = re.compile(r"[^\W\d_]{2,}(?:en|et|ne)")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# In a text with other OCR damage, any word but those a count "1" precedes.
_COUNTED = frozenset(
    _words(
        "dag døgn uge måned år time minut sekund gang barn person side sag brev mail krone kr stk styk af "
        "til og eller"
    )
)
_NEXT_WORD_RE = re.compile(r" (\w+)")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s+|\n)$")
_PREVIOUS_WORD_RE = re.compile(r"[^\W\d_],? $")


def _one_as_i(text: str, start: int, end: int, damaged: bool) -> bool:
    """Whether the standalone "1" at text[start:end] is an OCR'd preposition "i"."""
    if not _PREVIOUS_WORD_RE.search(text, max(0, start - 3), start):
        return False
    following = _NEXT_WORD_RE.match(text, end)
    if not following:
        return False
    word = following.group(1)
    if (word[0].isupper() and word[1:].islower()) or _YEAR_RE.fullmatch(word):
        return True  # "1 Københavns Kommune", "1 2020"
    if not word.islower() or not word.isalpha():
        return False
    if word in _ONE_AS_I_ALWAYS or _DEFINITE_RE.fullmatch(word):
        return True
    return damaged and word not in _COUNTED


def plan_repairs(lower_tokens: set[str], ok: set[str]) -> dict[str, str]:
    """Repairs for the token types of one text; types found fine are added to `ok`."""
    plan: dict[str, str] = {}
    for token in lower_tokens - ok:
        repaired = repair_word(token)
        if repaired is None:
            if len(ok) < _CACHE_LIMIT * 4:
                ok.add(token)
        else:
            plan[token] = repaired
    return plan


@functools.lru_cache(maxsize=65_536)
def _looks_like_name(token: str) -> bool:
    """A person's name or a place left in the text ("Mette", "Skovgaard", "larsen"): not damage.

    Texts arrive anonymised, but a name the anonymiser missed must not become "Mætte". Short
    capitalised words are not checked: "Pa" and "Sa" are names somewhere, and "på", "så" at a
    sentence start much more often.
    """
    lower = token.lower()
    if token[:1].isupper() and token[1:].islower() and len(token) >= 4:
        names = gazetteer()
        return names.is_name(lower) or lower in names.places or has_surname_suffix(lower)
    return token.islower() and has_surname_suffix(lower) and gazetteer().is_name(lower)


def _repaired_token(token: str, text: str, start: int, plan: dict[str, str], damaged: bool) -> str:
    """What the token at text[start:] becomes (itself when it stays)."""
    if token == "1":
        return "i" if _one_as_i(text, start, start + 1, damaged) else token
    if len(token) <= 4 and token.isupper():
        return token  # acronyms: BUF, SOF, PPR
    repaired = plan.get(token.lower())
    if repaired is None or (not token.islower() and not token[1:].islower() and not token.isupper()):
        return token  # nothing to do, or mixed case ("iPhone") that is no damaged word
    if _looks_like_name(token):
        return token
    if token[0] in "@&" and _SENTENCE_START_RE.search(text, max(0, start - 3), start):
        repaired = repaired[:1].upper() + repaired[1:]  # "@konomi" at a sentence start
    return match_case(token, repaired)


def _is_token_char(char: str) -> bool:
    """A character tokens hold: a word character, "@" or "&" (`TOKEN_RE`); "", beyond either
    end of the text, is none."""
    return char != "" and (char.isalnum() or char in "_@&")


def _token_starts(token: str, lowered: str) -> list[int]:
    """Where the lower-cased token type (all token characters) stands as a whole token.

    A substring search, then a look at the characters on either side: no pattern to compile for
    each new token type. Occurrences found this way never overlap (a whole token is followed by
    a character no token holds), as a regular expression's would not."""
    starts = []
    size = len(token)
    find = lowered.find
    at = find(token)
    while at >= 0:
        after, before = lowered[at + size : at + size + 1], lowered[at - 1 : at]
        if not _is_token_char(after) and not _is_token_char(before):
            starts.append(at)
        at = find(token, at + 1)
    return starts


def repair_edits(
    text: str, lowered: str, plan: dict[str, str], *, has_one: bool
) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits that apply `plan` (and the "1" rule) to `text`.

    Each planned token type is searched for as a literal in `lowered` (text.lower(), same
    length), which is much faster than a Python callback for every token of the text.
    """
    damaged = bool(plan)
    protected = web_spans(text)
    wanted = [*plan, "1"] if has_one else list(plan)
    if len(lowered) != len(text):  # a character that grows when lower-cased: go token by token
        matches = [(m.start(1), m.group(1)) for m in TOKEN_RE.finditer(text) if m.group(1)]
        matches = [(start, token) for start, token in matches if token.lower() in wanted]
    else:
        matches = [
            (start, text[start : start + len(w)]) for w in wanted for start in _token_starts(w, lowered)
        ]
    edits = []
    for start, token in matches:
        end = start + len(token)
        if text[start - 1 : start] == "[" and text[end : end + 1] == "]" and token.isupper():
            continue  # a placeholder
        if protected and any(begin <= start < stop for begin, stop in protected):
            continue
        new = _repaired_token(token, text, start, plan, damaged)
        if new != token:
            edits.append((start, end, new))
    edits.sort()
    return edits
