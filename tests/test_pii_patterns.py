"""Number patterns: searching only around digits finds what searching the whole text finds."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signals import address_patterns, pii_patterns
from signals.pii_patterns import EMAIL, CuePattern, Region, at_word_start, find_numbers, number_regions

# Personal numbers and addresses with their cues, and the dates, amounts and words around them.
PIECES = st.sampled_from(
    [
        "cpr-nr. er",
        "120385-1427",
        "0607921884",
        "02 09 41 - 1620",
        "tlf.",
        "+45 52 81 39 90",
        "(+45) 24 61 90 17",
        "22 34 56 78",
        "sagsnr.",
        "sagen er",
        "2023-0064505",
        "j.nr. 24/12345",
        "BIF-2024-77810",
        "reg.nr. 1234 kontonr. 1234567890",
        "1234-1234567890",
        "IBAN DK50 0040 0440 1162 43",
        "AB 12 345",
        "Nørrebrogade 12, 3. tv.",
        "Peter Bangs Vej 142, 2000 Frederiksberg",
        "2200 København N",
        "a@b.dk",
        "12.03.2024",
        "4.500 kr.",
        "2023-2024",
        "+44 20 7946 0958",
        "+1 212-555-0187",
        "221 Baker Street, London NW1 6XE",
        "ul. Mickiewicza 3/12, 00-950 Warszawa",
        "PO Box 771, Wellington 6140",
        "Hulgårdsvej 40-58",
        "sort code 30-96-26",
        "reg.nr. 6020 33445566",
        "SOF-BOS-2023-55102",
        "BD51 SMR",
        "§ 85",
        "kl. 14.30",
        "Kigkurren 8 E, 4.sal",
        "blegdamsvej 4b 1tv",
        ", stue, værelse 14",
        "ground floor",
        "2300 S",
        "2200 kbh n",
        "Via Roma 12, 20121 Milano",
        "Lejemål nr.",
        "kvittering har nummer",
        "TP-55190",
        "YS/BS/2025/11920",
        "ID:",
        "Acc.",
        "Jeg har ventet længe på et svar fra kommunen om min sag",
        "İstanbul",
        "og",
    ]
)
SEPARATORS = st.sampled_from([" ", ", ", ". ", "\n", ": ", "", " " * 30])
TEXTS = st.lists(st.tuples(PIECES, SEPARATORS), max_size=20).map(
    lambda parts: "".join(p + s for p, s in parts)
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=TEXTS)
def test_regions_find_what_the_whole_text_gives(text: str) -> None:
    found = find_numbers(text)
    with pytest.MonkeyPatch.context() as patch:
        # margins as long as the text: one region, cue windows from the start, the whole text searched
        for name in ("REGION_BEFORE", "REGION_AFTER", "CUE_REACH", "NUMBER_LEAD"):
            patch.setattr(pii_patterns, name, len(text) + 1)
        assert found == find_numbers(text)


def test_regions_merge_nearby_digits_and_count_them() -> None:
    text = "a" * 200 + "12 34" + "b" * 10 + "5" + "c" * 300 + "2024"
    first, second = number_regions(text)
    assert (first.start, first.end, first.digits) == (120, 216 + 48, 5)
    assert first.number_start == 192 and first.cue_windows == ((152, 216),)
    assert (second.digits, second.end) == (4, len(text))
    assert number_regions("ingen tal her") == []


def test_region_cue_windows_end_just_after_a_digit() -> None:
    (region,) = number_regions("x" * 100 + "sagsnr. 2024-123456")
    assert isinstance(region, Region)
    assert region.cue_windows == ((108 - 48, 113 + 1),)


@pytest.mark.parametrize("word", ["sag", "sagen", "cpr"])
def test_at_word_start_is_a_word_boundary(word: str) -> None:
    pattern = re.compile(at_word_start(word))
    assert pattern.match(word + " x")
    assert pattern.search("x" + word) is None
    assert pattern.search("(" + word).start() == 1  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="lower-case letter"):
        at_word_start("Sag")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("İstanbul: cpr 120385-1427", [("CPR", 14, 25)]),  # lower() lengthens "İ": cues run case-blind
        ("CPR-NR. 120385-1427", [("CPR", 8, 19)]),
        ("ſagsnr. 24/12345", [("SAGSNR", 8, 16)]),  # the long s is an s to IGNORECASE
    ],
)
def test_cues_in_any_case(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert find_numbers(text) == expected


def test_a_block_of_house_numbers_is_not_a_postcode() -> None:
    text = "Vi bor på Fiskedamsgade 160 - 2700 Brønshøj og Hulgårdsvej 40-58."
    found = {text[start:end] for kind, start, end in find_numbers(text) if kind == "ADRESSE"}
    assert found == {"Fiskedamsgade 160", "2700 Brønshøj", "Hulgårdsvej 40-58"}


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=TEXTS)
def test_cue_words_looked_for_in_the_windows_only_change_nothing(text: str) -> None:
    found = find_numbers(text)
    with pytest.MonkeyPatch.context() as patch:
        # "" is in every text: each cue pattern then searches its windows unconditionally
        for name, value in vars(pii_patterns).copy().items():
            if isinstance(value, CuePattern):
                patch.setattr(pii_patterns, name, dataclasses.replace(value, words=("",)))
        assert found == find_numbers(text)


EMAIL_TEXTS = st.text(alphabet="ab1_.+-@ \t\n<>(),;:æ", max_size=60).map(lambda t: t + ".dk")


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=EMAIL_TEXTS)
def test_e_mails_searched_around_each_at_sign_are_the_whole_texts(text: str) -> None:
    windows = pii_patterns._email_windows(text)
    assert [m.span() for start, end in windows for m in EMAIL.finditer(text, start, end)] == [
        m.span() for m in EMAIL.finditer(text)
    ]


# The search that house numbers used to be found with: digits after a letter and a whitespace.
HOUSE_NUMBER_START = re.compile(r"\d(?<=[^\W\d_]\s\d)\d{0,3}(?!\d)")
HOUSE_TEXTS = st.lists(
    st.sampled_from(
        ["vej", "Vej", "gade", " ", "\t", "\n", "\u00a0", "12", "3456", "7", "x", "²", "_", "٣", ","]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=HOUSE_TEXTS)
def test_house_numbers_from_the_runs_are_the_searched_ones(text: str) -> None:
    for region in number_regions(text):
        searched = any(
            text[max(0, m.start() - 13) : m.start() - 1].endswith(address_patterns.STREET_END_WORDS)
            for m in HOUSE_NUMBER_START.finditer(text, region.start, region.end)
        )
        assert address_patterns._has_house_number(text, region) == searched
