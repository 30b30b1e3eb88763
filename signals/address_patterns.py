"""Danish street addresses and postcodes with towns, for `signals.pii_patterns`.

An address is a street name, a house number, maybe a floor and a postcode with its town
("Nørrebrogade 12, 3. tv., 2200 København N"); a postcode with a Copenhagen town stands alone
too ("2200 København N"). Searched only in the regions around digits that `find_numbers` passes in.
`find_addresses` also takes the shapes the main patterns miss (units such as "værelse 14" or "2nd
floor", "2300 S", streets no list knows when a floor or postcode follows, lower-case streets,
Italian, Spanish, Nordic, Dutch and German street words) and joins the parts of an address written
on one line with commas.
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


def _listed_addresses(text: str, region: Region, out: list[Candidate]) -> None:
    """Append the region's addresses of the patterns above to `out`."""
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


# --- the shapes the patterns above miss ------------------------------------------------------
# What may follow a house number and floor: "stue", "værelse 14", "lejl. 12", "room 5-14",
# "apt. 2", "building 4", "1.sal", "2nd floor", "ground floor", "4th floor left", "3rd left".
_UNIT = (
    r"(?:stuen?|kld\.?|kælder|st\.?(?:[ \t]?(?:tv|th|mf)\.?)?"
    r"|(?:ground|first|second|third|\d{1,2}(?:st|nd|rd|th))[ \t]+floor(?:[ \t]+(?:left|right))?"
    r"|\d{1,2}(?:st|nd|rd|th)[ \t]+(?:left|right)"
    r"|(?:lejl(?:ighed)?|værelse|vær|room|apt|apartment|flat|building|bygning|opgang|opg)\.?[ \t]*"
    r"(?:nr\.?[ \t]*)?\d{1,4}(?:[-.]\d{1,3})?[A-Za-z]?"
    r"|\d{1,2}\.?[ \t]?sal|\d{1,2}\.?,?[ \t]?(?:tv|th|mf)\.?"
    r")(?!\w)"
)
# A postcode after an address: with its town, with a Copenhagen district letter alone ("2300 S"),
# or in lower case ("2200 kbh n", "2700 brønshøj"), not an amount or a count ("1000 kr"), nor a
# year ("Jun 3, 2026 they"): no Danish postcode lies between 2001 and 2099.
_DISTRICT = r"(?:K|V|N|S|Ø|C|NV|SV|NØ|k|v|n|s|ø|c|nv|sv)"
_POSTCODE_AFTER_ADDRESS = (
    r"(?!(?:DK-?)?20(?:0[1-9]|[1-9]\d))(?:"
    + POSTCODE_TOWN
    + r"|(?:DK-?)?[1-9]\d{3}[ \t](?:kbh\.?[ \t])?"
    + _DISTRICT
    + r"\b\.?"
    + r"|[1-9]\d{3}[ \t](?!kr\b|kroner|dkk|stk|gange|dage|uger|måneder|timer|år\b|personer|borgere)"
    + r"[a-zæøå]{3,20}(?:[ \t]"
    + _DISTRICT
    + r"\b\.?)?)"
)
_ADDRESS_PART_GAP = r"(?:,[ \t]*|[ \t]+)"
# The rest of an address after what was found: units, then a postcode.
ADDRESS_REST = re.compile(
    r"(?:" + _ADDRESS_PART_GAP + _UNIT + r"){0,3}(?:" + _ADDRESS_PART_GAP + _POSTCODE_AFTER_ADDRESS + r")?"
)
# Parts of one address on one line: "2500 Valby, Gammel Køge Landevej 88".
ADDRESS_JOIN = re.compile(r"[ \t]*,[ \t]*")
# A street no list knows ("Kigkurren 8 E", "Gadelandet 42"), or one in lower case
# ("blegdamsvej 4b", "rosenørns allé 8"), counts when a floor, a unit or a postcode follows its house number.
LOWER_STREET_ENDINGS = ("gade", "vej", "allé", "alle", "stræde", "boulevard")
GUESSED_STREET_ADDRESS = re.compile(
    r"(?:[A-ZÆØÅ][a-zæøåéü'-]{2,}|[a-zæøå][a-zæøå'-]*(?:s[ \t])?(?:"
    + "|".join(LOWER_STREET_ENDINGS)
    + r"))"
    + HOUSE_NUMBER
    + r"(?=,?[ \t]*"
    + _UNIT
    + r"|"
    + _ADDRESS_PART_GAP
    + _POSTCODE_AFTER_ADDRESS
    + r")"
)
# After a house number (and its letter) a guessed or foreign address goes on with one of these.
UNIT_OR_POSTCODE_NEXT = re.compile(
    r"(?:[ \t]?[A-Za-z](?!\w)|/\d)?"
    r"(?:,|[ \t]*(?:\n|\Z|\d|st|kld|kælder|ground|first|second|third|lejl|vær|room|apt|flat|build|bygn|opg))"
)
# Street words of other countries, written before the name or joined to it: "Via Roma 12",
# "Calle de Alcalá 45", "Kungsgatan 12", "Damstraat 4", "Hauptweg 5".
FOREIGN_STREET_WORDS = _words("Via Viale Piazza Corso Calle Avenida Rua Plaza Paseo")
FOREIGN_STREET_ENDINGS = tuple(_words("gatan gata vägen veien straat weg laan gasse platz"))
FOREIGN_STREET_WORD = re.compile(r"(?<![\w.])(?:" + "|".join(FOREIGN_STREET_WORDS) + r")[ \t]")
FOREIGN_STREET_ADDRESS = re.compile(
    r"(?:(?:"
    + "|".join(FOREIGN_STREET_WORDS)
    + r")[ \t](?:(?:di|de|del|della|da|do|dos|das|la|las|los)[ \t])*[A-ZÀ-Þ][\w'-]*(?:[ \t][A-ZÀ-Þ][\w'-]*)?"
    + r"|[A-ZÀ-Þ][\w-]*(?:"
    + "|".join(FOREIGN_STREET_ENDINGS)
    + r"))[ \t]\d{1,4}[A-Za-z]?(?:/\d{1,4})?(?!\w)"
    + r"(?:,[ \t]?\d{3}[ \t]\d{2}[ \t][A-ZÅÄÖ][\wåäö]+)?"  # a Swedish postcode: "111 43 Stockholm"
    + _TAIL
)


def find_addresses(text: str, region: Region, out: list[Candidate]) -> None:
    """Append the region's addresses to `out`: those of `_listed_addresses` and the guessed and foreign ones, each
    with the units and postcode that follow it, parts on one line joined by commas merged."""
    found: list[Candidate] = []
    _listed_addresses(text, region, found)
    for run_start, run_end in region.runs:
        # a house number: up to four digits after a word and a space, as `_listed_addresses` takes them
        if run_end - run_start > 4 or run_start < 2 or text[run_start - 1] not in " \t":
            continue
        if not text[run_start - 2].isalpha() or not UNIT_OR_POSTCODE_NEXT.match(text, run_end):
            continue  # what GUESSED_STREET_ADDRESS and FOREIGN_STREET_ADDRESS need, checked cheaply first
        space = run_start - 1
        start = max(text.rfind(" ", 0, space), text.rfind("\t", 0, space), text.rfind("\n", 0, space)) + 1
        word = text[start:space].lstrip("(\"'")
        # a word of letters (no file name, e-mail address or code), capitalised or a street in lower case
        if not word.replace("-", "").replace("'", "").isalpha():
            continue
        start = space - len(word)
        if word[0].isupper():
            m = GUESSED_STREET_ADDRESS.match(text, start, region.end)
            if m:
                found.append(("ADRESSE", m.start(), m.end()))
            foreign = FOREIGN_STREET_WORD.search(text, max(region.start, start - 40), start + 1)
            if foreign or word.endswith(FOREIGN_STREET_ENDINGS):
                m = FOREIGN_STREET_ADDRESS.match(text, foreign.start() if foreign else start, region.end)
                if m:
                    found.append(("ADRESSE", m.start(), m.end()))
        elif word.endswith(LOWER_STREET_ENDINGS):
            if word in LOWER_STREET_ENDINGS and start >= 2:  # "rosenørns allé 8": from the word before
                start = max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
            m = GUESSED_STREET_ADDRESS.match(text, start, region.end)
            if m:
                found.append(("ADRESSE", m.start(), m.end()))
    if len(found) == 1:
        _, start, end = found[0]
        rest = ADDRESS_REST.match(text, end, region.end)
        out.append(("ADRESSE", start, rest.end() if rest else end))
        return
    merged: list[list[int]] = []
    for _, start, end in sorted(found, key=lambda candidate: candidate[1]):
        rest = ADDRESS_REST.match(text, end, region.end)
        end = rest.end() if rest else end  # every part of ADDRESS_REST is optional: it always matches
        if merged and (start <= merged[-1][1] or ADDRESS_JOIN.fullmatch(text, merged[-1][1], start)):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out.extend(("ADRESSE", start, end) for start, end in merged)
