"""Danish street addresses and postcodes with towns, for `signals.pii_patterns`.

An address is a street name, a house number, maybe a floor and a postcode with its town
("Nørrebrogade 12, 3. tv., 2200 København N"); a postcode with a Copenhagen town stands alone
too ("2200 København N"). Searched only in the regions around digits that `find_numbers` passes in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signals.pii_patterns import Candidate, Region


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a hand-written list."""
    return text.split()


STREET_ENDING_WORDS = _words(
    "gade gaden vej vejen allé alle stræde strædet plads pladsen boulevard torv torvet vænge vænget park parken "
    "have haven høj højen bakke bakken vang vangen toft toften sti stien gyde kaj kanal bro broen brygge "
    "landevej hegn lund lunden enge engen mark marken skov strand passage passagen banen dam dammen holm "
    "dossering løkke løkken"
)
STREET_ENDINGS = "|".join(STREET_ENDING_WORDS)
STREET_WORD = r"[A-ZÆØÅ][\wæøåéü'-]*"
# Words that may stand before a street's own name ("Gammel Kongevej", "Ndr. Frihavnsgade").
STREET_PREFIX = (
    r"(?:Gammel|Gl\.|Nordre|Ndr\.|Søndre|Sdr\.|Østre|Ø\.|Vestre|V\.|Store|St\.|Lille|Ny|Nye|Sankt|Skt\.|Ved|Kongens"
    r"|Dronning|Kong|Prins|Prinsesse|Valby|Amager|Frederiksberg|Nørre|Sønder|Øster|Vester|Nørrebro|Vesterbro|H\.\s?C\.)"
)
# A street name ends in a street word: joined ("Nørrebrogade") or on its own ("Peter Bangs Vej").
STANDALONE_STREET_WORDS = _words(
    "Allé Alle Vej Gade Boulevard Torv Plads Kanal Landevej Langgade Stræde Have Park Bro Brygge Vænge Dossering"
)
STANDALONE_STREET_WORD = "(?:" + "|".join(STANDALONE_STREET_WORDS) + ")"
# A street name stays on one line ("Hughes\nNørrebrogade 52" is a signature, then an address).
STREET = (
    r"(?:(?:"
    + STREET_PREFIX
    + r"[ \t])?(?:"
    + STREET_WORD
    + r"s[ \t])?"
    + STREET_WORD
    + r"(?:"
    + STREET_ENDINGS
    + r")"
    r"|(?:"
    + STREET_PREFIX
    + r"[ \t]|"
    + STREET_WORD
    + r"[ \t](?="
    + STREET_WORD
    + r"s[ \t]))?"
    + STREET_WORD
    + r"[ \t]"
    + STANDALONE_STREET_WORD
    + r")"
)
HOUSE_NUMBER = r"\s\d{1,4}(?:\s?[A-Za-z])?\b(?:-\d{1,3}[A-Za-z]?\b)?"  # "200-220": a block
FLOOR = (
    r"(?:,?\s*(?:st\b\.?|stuen\b|kld\b\.?|kælder\b|\d{1,2}(?:\.|\b)(?:\s?sal\b)?)"
    r"(?:,?\s*(?:tv|th|mf|t\.v|t\.h)\b\.?|\s\d{1,4}\b(?!\s[A-ZÆØÅ]))?"
    r"|,?\s*(?:tv|th|mf)\b\.?)"
)
TOWN = r"[A-ZÆØÅ][\wæøå]+(?:\s(?:[A-ZÆØÅ][\wæøå]+))?(?:\s(?:K|V|N|S|Ø|C|NV|SV|NØ)\b\.?)?"
POSTCODE_TOWN = r"(?:DK-?)?[1-9]\d{3}\s(?:Kbh\.?\s(?:K|V|N|S|Ø|NV|SV)\b\.?|" + TOWN + r")"
ADDRESS = re.compile(
    r"(?<![\w.])(?:"
    + STREET
    + r")"
    + HOUSE_NUMBER
    + r"(?:"
    + FLOOR
    + r")?"
    + r"(?:,?\s*"
    + POSTCODE_TOWN
    + r")?"
)
# Before running ADDRESS on a region: a house number (up to four digits after a letter and one
# whitespace) whose street word ends right before it. ADDRESS itself starts at a capital letter.
STREET_END_WORDS = tuple(STREET_ENDING_WORDS + STANDALONE_STREET_WORDS)
CAPITAL_START = re.compile(r"[A-ZÆØÅ](?<![\w.].)")
# Before running STANDALONE_TOWN: a postcode and a capital.
POSTCODE_THEN_CAPITAL = re.compile(r"\d\d{3}\s[A-ZÆØÅ]")  # a class first: the engine skips ahead to digits
STANDALONE_TOWN = re.compile(
    r"(?<![\w.,-])(?:DK-?)?[1-9]\d{3}\s(?:København|Kbh\.?|Copenhagen|Frederiksberg|Valby|Vanløse|Brønshøj|"
    r"Hellerup|Søborg|Hvidovre|Rødovre|Kastrup|Glostrup|Herlev|Ballerup|Albertslund|Ishøj|Brøndby|Dragør|Gentofte|"
    r"Charlottenlund|Lyngby|Kongens Lyngby|Bagsværd|Nordhavn)(?:\s(?:K|V|N|S|Ø|C|NV|SV)\b\.?)?"
)


# --- P.O. boxes and foreign addresses ---------------------------------------------------------
# After the street: ", town and postcode" groups and a country ("Glasgow G12 9UP", "75019 Paris,
# France", "Bondi NSW 2026, Australia", "80-831 Gdańsk"); each group follows a comma.
_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|\d{2}-\d{3}|[A-Z]{2,3}\s\d{4,5}|(?:DK-?)?\d{3,5})"
_PLACE_WORD = r"(?:" + _POSTCODE + r"|[A-ZÆØÅÄÖÜÉŁŚŻŹ][\wæøåäöüéłśżźńćęąó'-]+)"
_TAIL = r"(?:, ?" + _PLACE_WORD + r"(?: " + _PLACE_WORD + r"){0,3}){0,3}"
# Number first, tried at the runs of digits of a region:
# "14 Hyndland Road", "7/22 Beach Road", "24 rue des Lilas", "3 avenue Foch".
NUMBER_FIRST_ADDRESS = re.compile(
    r"[0-9](?<![\w.,/-][0-9])\d{0,3}(?:"
    r"[A-Za-z]?(?:/\d{1,4})?,?\s(?:[A-Z][\w'-]*\s){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Close|Way|Place|Crescent|Terrace|Gardens|Court|Square"
    r"|Row|Grove|Walk|Mews|Parade|Boulevard|Blvd|Highway)\b\.?"
    r"|(?:\s?(?:bis|ter))?,?\s(?:rue|avenue|boulevard|chemin|place|allée|quai|impasse)"
    r"(?:\s(?:de|du|des|la|le|d'|l')\b)*\s?[A-ZÉ][\w'-]*(?:\s[A-Z][\w'-]*)*"
    r")" + _TAIL
)
_AFTER_HOUSE_NUMBER = frozenset(" ,/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# A word first, tried only in regions holding "ul. ", "oks ", "ox ", "str. ", "straße" or "strasse": "ul. Długa 15/3",
# "Hauptstraße 5", "Postboks 118", "P.O. Box 2291".
KEYWORD_ADDRESS = re.compile(
    r"(?:"
    r"u(?<!\wu)l\.\s[A-ZŁŚŻŹ][\włśżźńćęąó-]*(?:\s[A-ZŁŚŻŹ][\włśżźńćęąó-]*)?\s\d{1,4}[A-Za-z]?(?:/\d{1,4}|\sm\.\s\d{1,4})?"
    r"|[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.)\s\d{1,4}[a-z]?"
    r"|(?:Postboks|Postbox|Boks|P\.\s?O\.\s?Box|PO\s?Box)\s\d{1,5}\b"
    r")" + _TAIL
)


def _has_house_number(text: str, region: Region) -> bool:
    # The house numbers are among the region's runs of digits (found once for all kinds), so
    # they are picked from those rather than searched for again.
    for start, end in region.runs:
        if end - start <= 4 and start >= 2 and text[start - 1].isspace() and _is_letter(text[start - 2]):
            space = start - 1
            if text[max(0, space - 12) : space].endswith(STREET_END_WORDS):
                return True
    return False


def _is_letter(char: str) -> bool:
    """A word character that is no digit and no underscore, as the class `[^\\W\\d_]` of a pattern."""
    return char.isalnum() and not char.isdecimal()


def find_addresses(text: str, region: Region, out: list[Candidate]) -> None:
    """Append the region's addresses to `out`."""
    if _has_house_number(text, region):
        # ADDRESS.finditer over the region, tried only where an address can start
        resume = region.start
        for capital in CAPITAL_START.finditer(text, region.start, region.end):
            if capital.start() < resume:
                continue
            m = ADDRESS.match(text, capital.start(), region.end)
            if m:
                out.append(("ADRESSE", m.start(), m.end()))
                resume = m.end()
    for start, end in region.runs:  # tried only at runs of digits followed by a space, comma, slash or letter
        if end < region.end and text[end] in _AFTER_HOUSE_NUMBER:
            m = NUMBER_FIRST_ADDRESS.match(text, start, region.end)
            if m:
                out.append(("ADRESSE", m.start(), m.end()))
    chunk = text[region.start : region.end]
    if (
        "ul. " in chunk
        or "oks " in chunk
        or "ox " in chunk
        or "str. " in chunk
        or "straße" in chunk
        or "strasse" in chunk
    ):
        out.extend(
            ("ADRESSE", m.start(), m.end()) for m in KEYWORD_ADDRESS.finditer(text, region.start, region.end)
        )
    if region.digits >= 4 and POSTCODE_THEN_CAPITAL.search(text, region.start, region.end):
        out.extend(
            ("ADRESSE", m.start(), m.end())
            for m in STANDALONE_TOWN.finditer(text, region.number_start, region.end)
        )
