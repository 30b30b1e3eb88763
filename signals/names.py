"""Name gazetteers for the anonymiser, built once from maintained package data.

First names come from gender-guesser's multinational dictionary (nam_dict.txt) and from every
Faker locale's person provider; surnames from Faker's locales. Ordinary words come from
spacy-lookups-data's Danish lemma table, spaCy's Danish and English stop words and the most
frequent English words (spacy-lookups-data's English lexeme probabilities): a name that is also
such a word ("Bo", "Mark", "Skov", "Will") is marked ambiguous and needs context to count.
Places come from Faker's Danish towns plus the Copenhagen districts listed here; they never
count as names. Nothing here is typed-in personal data: the hand-written lists are of words
(weekdays, institutions, places) that must *not* become names.
"""

from __future__ import annotations

import gzip
import importlib
import json
import pkgutil
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a hand-written list."""
    return text.split()


# English words at least this frequent (log probability) are ordinary words ("will", "grace",
# "rose", "mark"), rarer ones ("smith", "john") are not; chosen on the dev split of the eval set.
ENGLISH_COMMON_LOGPROB = -12.5

# Words that start with a capital letter in the texts but are never person names.
WEEKDAYS_MONTHS = _words(
    """mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday saturday
sunday januar februar marts april maj juni juli august september oktober november december january
february march may june july october jul påske pinse christmas easter"""
)

# Copenhagen districts and common place words that Faker's town list lacks.
PLACES = _words(
    """københavn kbh copenhagen danmark denmark amager nørrebro østerbro vesterbro valby vanløse brønshøj
husum bispebjerg nordvest sydhavn christianshavn frederiksberg ørestad sundby sundbyvester
sundbyøster tingbjerg bellahøj indre by islands brygge nordhavn kongens enghave sluseholmen tåstrup
taastrup tårnby kastrup hvidovre rødovre glostrup ballerup herlev gladsaxe gentofte lyngby
albertslund ishøj brøndby dragør hellerup charlottenlund søborg bagsværd aarhus odense aalborg
esbjerg roskilde køge hillerød helsingør jylland sjælland fyn bornholm europa ukraine ukraina syrien
somalia tyrkiet pakistan polen irak iran afghanistan kharkiv kyiv sverige norge tyskland england
london"""
)

# Institutions, departments, roles and other capitalised non-names.
INSTITUTION_WORDS = _words(
    """jobcenter jobcentret jobcenteret kommune kommunen kommunens borgerservice borgerrådgiveren
borgerrådgiver borgerrådgivningen borgerrådgivning ankestyrelsen ombudsmand ombudsmanden
folketingets folketinget rigshospitalet hospital hospitalet socialforvaltningen udbetaling skat
skattestyrelsen gældsstyrelsen familieretshuset ppr sfo mitid borgmester borgmesteren rådhuset
rådhuspladsen netto føtex irma bilka lidl rema danske bank nordea jyske politiet politi hjemmeplejen
visitationen pladsanvisningen regionen region sundhed.dk e-boks digital post forvaltning
forvaltningen center centret centeret municipality jobcentre department services service social
citizen citizens advisor mayor council board agency copenhagen danish english ydelsescenter
ydelsescentret ydelsesservice plejecenter plejehjem plejehjemmet opholdsstedet opholdssted bostedet
hjemmehjælp team teamleder teamlederen sagsbehandler sagsbehandleren rådgiver rådgiveren
caseworker interpreter translator solicitor attorney barrister lawyer secretary chairman chairperson chair
treasurer coordinator consultant counsellor counselor therapist psychologist physiotherapist pastor priest
tolk translatør advokat socialrådgiver formand formanden næstformand kasserer konsulent koordinator
terapeut fysioterapeut ergoterapeut præst sognepræst"""
)

# Word endings of institutions, departments and roles ("Socialforvaltningen", "Skolelederen").
INSTITUTION_SUFFIXES = (
    "forvaltning",
    "forvaltningen",
    "styrelsen",
    "styrelse",
    "centret",
    "centeret",
    "center",
    "hospital",
    "hospitalet",
    "huset",
    "hjemmet",
    "skole",
    "skolen",
    "kommune",
    "kommunen",
    "afdeling",
    "afdelingen",
    "ministeriet",
    "nævnet",
    "nævn",
    "retten",
    "rådet",
    "tilsynet",
    "plejen",
    "visitationen",
    "anvisningen",
    "service",
    "servicen",
    "rådgiver",
    "rådgiveren",
    "rådgivningen",
    "behandler",
    "behandleren",
    "lederen",
    "institution",
    "institutionen",
    "klinik",
    "klinikken",
    "foreningen",
    "forening",
    "selskabet",
    "sekretariatet",
    "kontoret",
    "enheden",
    "teamet",
    "stedet",
    "ordningen",
    "psykiatrien",
    "ungdom",
    "børnehave",
    "børnehaven",
    "vuggestue",
    "vuggestuen",
    "klubben",
    "biblioteket",
    "ydelse",
    "ydelser",
    "tjenesten",
)

# Danish surname endings; a capitalised word ending so (and no place) is a surname.
SURNAME_SUFFIXES = (
    "sen",
    "søn",
    "gaard",
    "gård",
    "strup",
    "holm",
    "bæk",
    "lund",
    "bjerg",
    "berg",
    "skov",
    "høj",
    "toft",
    "kjær",
    "feldt",
    "dahl",
    "enko",
    "chuk",
    "czyk",
    "wicz",
    "ski",
    "ska",
    "oğlu",
    "ović",
    "ovic",
    "yan",
)

NAM_DICT_PATH = ("gender_guesser", "data/nam_dict.txt")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lower-cased word sets the name finder looks tokens up in."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]
    places: frozenset[str]
    blocked: frozenset[str]
    stop_words: frozenset[str]

    def is_name(self, lower: str) -> bool:
        return lower in self.first_names or lower in self.surnames


def _package_file(package: str, relative: str) -> Path:
    module = importlib.import_module(package)
    assert module.__file__ is not None
    return Path(module.__file__).parent / relative


def _nam_dict_names() -> set[str]:
    """First names of gender-guesser's dictionary; '+' joins parts of a compound name."""
    names: set[str] = set()
    path = _package_file(*NAM_DICT_PATH)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            for piece in re.split(r"[+\-]", parts[1]):
                if len(piece) > 1:
                    names.add(piece.lower())
    return names


def _faker_names() -> tuple[set[str], set[str]]:
    """First names and surnames of every Faker locale (only the Latin-script ones matter here)."""
    import faker.providers.person as person_pkg

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person_pkg.__path__):
        provider = importlib.import_module(f"faker.providers.person.{info.name}").Provider
        for attr, target in (
            ("first_names", first),
            ("first_names_male", first),
            ("first_names_female", first),
            ("first_names_nonbinary", first),
            ("last_names", last),
            ("last_names_male", last),
            ("last_names_female", last),
        ):
            values = getattr(provider, attr, None)
            if isinstance(values, dict | list | tuple | set | frozenset):
                for value in values:
                    for piece in re.split(r"[\s\-]+", str(value)):
                        if len(piece) > 1 and piece.isalpha():
                            target.add(piece.lower())
    return first, last


def _lookups_table(name: str) -> dict[str, object]:
    path = _package_file("spacy_lookups_data", f"data/{name}.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table: dict[str, object] = json.load(fh)
    return table


def _stop_words() -> set[str]:
    from spacy.lang.da.stop_words import STOP_WORDS as DA_STOP
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

    return set(DA_STOP) | set(EN_STOP)


def _common_words() -> set[str]:
    """Danish words (lemma table forms and lemmas), stop words and frequent English words."""
    danish = _lookups_table("da_lemma_lookup")
    words = {w for w in danish if w[:1].islower()}
    words.update(str(v) for v in danish.values() if str(v)[:1].islower())
    english = _lookups_table("en_lexeme_prob")
    words.update(
        w for w, p in english.items() if isinstance(p, float) and p > ENGLISH_COMMON_LOGPROB and w.isalpha()
    )
    words.update(_stop_words())
    return words


def _faker_places() -> set[str]:
    from faker.providers.address.da_DK import Provider

    places: set[str] = set()
    for city in Provider.cities:
        places.update(piece.lower() for piece in city.split() if len(piece) > 2)
    return places


def _faker_countries() -> set[str]:
    """One-word country names in English and Danish ("ireland", "irland", "kenya")."""
    from faker.providers.address.da_DK import Provider as Danish
    from faker.providers.address.en import Provider as English

    return {name.lower() for name in (*English.countries, *Danish.countries) if name.isalpha()}


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the packages' data (several seconds: the Danish lemma table is large)."""
    faker_first, faker_last = _faker_names()
    first = _nam_dict_names() | faker_first
    # A small town that is also a first name ("Flemming") stays a name; the districts above do not.
    # Countries are places, also when a surname list has them ("Ireland", "England"); not when they
    # are first names ("Jordan", "Georgia", "Kenya").
    places = (_faker_places() - first - faker_last) | set(PLACES) | (_faker_countries() - first)
    blocked = set(WEEKDAYS_MONTHS) | set(INSTITUTION_WORDS) | places
    first -= blocked
    last = faker_last - blocked
    return Gazetteer(
        first_names=frozenset(first),
        surnames=frozenset(last),
        common_words=frozenset(_common_words()),
        places=frozenset(places),
        blocked=frozenset(blocked),
        stop_words=frozenset(_stop_words()),
    )


@cache
def gazetteer() -> Gazetteer:
    """The name gazetteer: read from the file cache (`signals.gazetteer_cache`), else built and cached."""
    from signals.gazetteer_cache import cached_gazetteer

    return cached_gazetteer(build_gazetteer)


def looks_institutional(lower: str) -> bool:
    """True for words like "socialforvaltningen" or "skolelederen" that name an office or a role."""
    return lower in INSTITUTION_WORDS or lower.endswith(INSTITUTION_SUFFIXES)


def has_surname_suffix(lower: str) -> bool:
    """True for "kjærsgaard", "kovalenko": a typical surname ending after at least three letters."""
    return any(lower.endswith(s) and len(lower) >= len(s) + 3 for s in SURNAME_SUFFIXES)
