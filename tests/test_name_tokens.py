"""Tokens found on demand agree with a full left-to-right scan of the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signals.name_tokens import (
    CAPITAL_TOKEN,
    TOKEN,
    RareWords,
    Token,
    TokenContext,
    capital_occurrences,
    token_occurrences,
)

# Pieces that stress token boundaries: initials, joiners, capitals of other scripts, digits, NULs
# (found data is blanked with NUL before names are looked for) and all kinds of separators.
PIECES = st.sampled_from(
    [
        "Mette",
        "mette",
        "J.",
        "H.C.",
        "A.-B.",
        "C",
        "Anne-Sofie",
        "O'Connor",
        "d’Artagnan",
        "el-sayed",
        "Łukasz",
        "Олена",
        "محمد",
        "sagen",
        "P-bøde",
        "3-årig",
        "½",
        "x_y",
        "Hr.",
        "mvh",
        "12.03.2024",
        "\0\0\0",
        "ÆØÅ",
        "i",
        "De",  # a short word also found inside longer ones: "Det", "Der", "Deres"
        "Det",
        "Deres",
    ]
)
SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\n\n", ". ", ", ", "-", "'", ".", "", "(", "\0", "2"])
TEXTS = st.one_of(
    st.lists(st.tuples(PIECES, SEPARATORS), max_size=30).map(lambda parts: "".join(p + s for p, s in parts)),
    st.text(max_size=80),
)


def full_scan(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=TEXTS)
def test_neighbours_on_demand_are_the_full_scans_neighbours(text: str) -> None:
    tokens = full_scan(text)
    context = TokenContext(text)
    for i, token in enumerate(tokens):
        assert context.before(token) == (tokens[i - 1] if i else None)
        assert context.after(token) == (tokens[i + 1] if i + 1 < len(tokens) else None)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=TEXTS)
def test_occurrences_are_exactly_the_scanned_tokens(text: str) -> None:
    tokens = full_scan(text)
    capitals = {t.word for t in tokens if CAPITAL_TOKEN.match(t.word)}
    assert sorted(CAPITAL_TOKEN.findall(text)) == sorted(t.word for t in tokens if t.word in capitals)
    for word in {t.word for t in tokens}:
        expected = [t for t in tokens if t.word == word]
        found = capital_occurrences(text, word) if word in capitals else token_occurrences(text, word)
        assert found == expected, word


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=TEXTS)
def test_rare_words_are_the_tokens_the_predicate_keeps(text: str) -> None:
    def keep(word: str) -> bool:
        return word != "sagen"

    rare = RareWords(keep, memo_limit=50)
    expected = {t.word for t in full_scan(text) if not CAPITAL_TOKEN.match(t.word) and keep(t.word)}
    assert rare(text) == expected
    assert rare(text) == expected  # again, now from the memo


def test_rare_words_memo_starts_over_at_its_limit() -> None:
    rare = RareWords(lambda word: word.startswith("n"), memo_limit=3)
    for _ in range(3):
        assert rare("navn og andet nyt her") == {"navn", "nyt"}
    assert len(rare._quiet) + len(rare._words) <= 5


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("H.C. Andersen og C. Jensen", "C", []),  # "C." is an initial, "C" inside "H.C." no token
        ("C Jensen og H.C. Andersen", "C", [Token(0, 1, "C")]),
        ("Anne-Sofie og Sofie", "Sofie", [Token(14, 19, "Sofie")]),
        ("SofieSofie Sofie", "Sofie", [Token(11, 16, "Sofie")]),
    ],
)
def test_capital_occurrences_respect_initials_and_joiners(
    text: str, word: str, expected: list[Token]
) -> None:
    assert capital_occurrences(text, word) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mette,Bo,Hansen;" * 100,  # no whitespace: the previous token comes from one full scan
        "Mette" + " 1" * 300 + " Bo hedder Per",  # the previous token far behind many spaces
        "J.H.C." * 200 + " Andersen",
    ],
)
def test_neighbours_far_away_or_without_whitespace(text: str) -> None:
    tokens = full_scan(text)
    context = TokenContext(text)
    for i, token in enumerate(tokens):
        assert context.before(token) == (tokens[i - 1] if i else None)
        assert context.after(token) == (tokens[i + 1] if i + 1 < len(tokens) else None)


@pytest.mark.parametrize(
    ("text", "word", "line"),
    [
        ("Hej\nMed venlig hilsen\nPer Hansen", "Per", "Per Hansen"),
        ("x" * 600 + " Per " + "y" * 600 + "\nnæste", "Per", "x" * 600 + " Per " + "y" * 600),
        ("første\n" + "x " * 400 + "Per", "Per", "x " * 400 + "Per"),
    ],
)
def test_line_of_a_token(text: str, word: str, line: str) -> None:
    (token,) = capital_occurrences(text, word)
    start, end = TokenContext(text).line(token)
    assert text[start:end] == line
