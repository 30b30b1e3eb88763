"""Synthetic personal data: names, CPR numbers, addresses, phones, e-mails, case numbers.

Names and street stems come from Faker's locale tables (read once, sampled with our own
random source, so output depends only on the seed and the Faker version). CPR numbers carry
valid birth dates, are written in several formats, and belong to no one on purpose only by
chance; the citizen pseudonyms in the data never look like CPR numbers.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

# Common Copenhagen-area postcodes and districts.
POSTCODES = (
    ("1050", "København K"),
    ("1360", "København K"),
    ("1620", "København V"),
    ("1799", "København V"),
    ("2100", "København Ø"),
    ("2150", "Nordhavn"),
    ("2200", "København N"),
    ("2300", "København S"),
    ("2400", "København NV"),
    ("2450", "København SV"),
    ("2500", "Valby"),
    ("2700", "Brønshøj"),
    ("2720", "Vanløse"),
    ("2000", "Frederiksberg"),
    ("2770", "Kastrup"),
    ("2650", "Hvidovre"),
)
FLOORS = ("st.", "1.", "2.", "3.", "4.", "5.", "kl.", "1. sal", "2. sal", "3. sal")
SIDES = ("th.", "tv.", "mf.", "tv", "th", "")
MAIL_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.dk",
    "live.dk",
    "yahoo.dk",
    "mail.dk",
    "icloud.com",
    "jubii.dk",
    "hotmail.dk",
    "protonmail.com",
)

# Latin-script names common among Copenhageners of Somali, Arabic, Kurdish and Polish background.
_EXTRA_FIRST = (
    "Mohamed",
    "Ahmed",
    "Fatima",
    "Hussein",
    "Ali",
    "Abdi",
    "Amina",
    "Hodan",
    "Yasmin",
    "Omar",
    "Khadija",
    "Layla",
    "Bilal",
    "Zainab",
    "Hamza",
    "Nour",
    "Samira",
    "Warsame",
    "Fadumo",
    "Ayaan",
    "Dariusz",
    "Agnieszka",
    "Katarzyna",
    "Tomasz",
    "Ewa",
    "Piotr",
    "Rojin",
    "Dilan",
    "Mehmet",
    "Ayşe",
    "Emine",
    "Hevin",
    "Nasrin",
    "Reza",
    "Olena",
    "Oksana",
    "Dmytro",
)
_EXTRA_LAST = (
    "Hassan",
    "Abdullahi",
    "Warsame",
    "Farah",
    "Jama",
    "Aden",
    "Mahmoud",
    "Haddad",
    "Khalil",
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Kaya",
    "Demir",
    "Yilmaz",
    "Özdemir",
    "Rahimi",
    "Ahmadi",
    "Hosseini",
    "Shevchenko",
    "Kovalenko",
    "Bondarenko",
    "Nguyen",
    "Tran",
)
_FOREIGN_LOCALES = ("tr_TR", "en_PK", "sv_SE", "de_DE", "en_GB", "es_ES", "it_IT", "en_IN", "fr_FR")


@dataclass(frozen=True, slots=True)
class NameTables:
    danish_first: tuple[str, ...]
    danish_last: tuple[str, ...]
    foreign_first: tuple[str, ...]
    foreign_last: tuple[str, ...]
    streets: tuple[str, ...]


def _provider(kind: str, locale: str) -> Any:
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider


def _names(locale: str, attr: str, limit: int | None = None) -> list[str]:
    """A locale's names in Latin script; with `limit`, an even sample across the alphabet."""
    value = getattr(_provider("person", locale), attr, None) or ()
    items = list(value.keys() if isinstance(value, dict) else value)
    names = [n for n in items if n.isascii() or all(ch.isalpha() or ch in " -'" for ch in n)]
    if limit is not None and len(names) > limit:
        names = names[:: len(names) // limit][:limit]  # many tables are sorted: do not take only A-names
    return names


@lru_cache(maxsize=1)
def name_tables() -> NameTables:
    """Faker's name and street tables, in a fixed order."""
    da_first = _names("da_DK", "first_names_male") + _names("da_DK", "first_names_female")
    da_last = _names("da_DK", "last_names")
    foreign_first: list[str] = list(_EXTRA_FIRST)
    foreign_last: list[str] = list(_EXTRA_LAST)
    for locale in _FOREIGN_LOCALES:
        foreign_first += _names(locale, "first_names_male", 120) + _names(locale, "first_names_female", 120)
        foreign_last += _names(locale, "last_names", 150)
    address = _provider("address", "da_DK")
    stems = list(address.street_names)
    suffixes = ("gade", "vej", "vej", "allé", "stræde", "gade", "plads")
    streets = [stem + suffixes[i % len(suffixes)] for i, stem in enumerate(stems)]
    streets += [
        "Nørrebrogade",
        "Amagerbrogade",
        "Vesterbrogade",
        "Jagtvej",
        "Frederikssundsvej",
        "Tagensvej",
        "Istedgade",
        "Valby Langgade",
        "Sundholmsvej",
        "Hillerødgade",
        "Peter Bangs Vej",
    ]
    return NameTables(
        tuple(da_first), tuple(da_last), tuple(foreign_first), tuple(foreign_last), tuple(streets)
    )


def person_name(rng: random.Random, *, foreign: bool, full: bool = True) -> str:
    """A first name, or first and last name (sometimes with a middle name)."""
    tables = name_tables()
    first = rng.choice(tables.foreign_first if foreign else tables.danish_first)
    if not full:
        return first
    last = rng.choice(tables.foreign_last if foreign else tables.danish_last)
    if not foreign and rng.random() < 0.25:
        return f"{first} {rng.choice(tables.danish_last)} {last}"
    return f"{first} {last}"


def cpr_number(rng: random.Random, birth: date) -> str:
    """A synthetic CPR number with a valid date, in one of the formats people write."""
    ddmmyy = birth.strftime("%d%m%y")
    serial = f"{rng.randrange(0, 10_000):04d}"
    style = rng.random()
    if style < 0.55:
        return f"{ddmmyy}-{serial}"
    if style < 0.75:
        return f"{ddmmyy}{serial}"
    if style < 0.88:
        return f"{ddmmyy} {serial}"
    return f"{birth.strftime('%d.%m.%y')}-{serial}"


def birth_date(rng: random.Random, *, min_age: int, max_age: int, today: date) -> date:
    return today - timedelta(days=rng.randrange(min_age * 365, max_age * 365))


def address(rng: random.Random) -> str:
    """A Copenhagen street address, with floor and side on most flats."""
    street = rng.choice(name_tables().streets)
    number = str(rng.randrange(1, 180))
    if rng.random() < 0.15:
        number += rng.choice("ABC")
    postcode, town = rng.choice(POSTCODES)
    floor_side = f", {rng.choice(FLOORS)} {rng.choice(SIDES)}".rstrip() if rng.random() < 0.75 else ""
    separator = rng.choice((", ", ", ", " - ", "\n"))
    return f"{street} {number}{floor_side}{separator}{postcode} {town}"


def phone_number(rng: random.Random) -> str:
    """A Danish 8-digit number in one of the common groupings."""
    digits = f"{rng.choice('2345678')}{rng.randrange(0, 10_000_000):07d}"
    style = rng.random()
    if style < 0.35:
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    if style < 0.55:
        return digits
    if style < 0.7:
        return f"{digits[:4]} {digits[4:]}"
    if style < 0.85:
        return "+45 " + " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    return f"+45{digits}"


def email_address(rng: random.Random, name: str) -> str:
    """An e-mail address made from a name (ASCII-folded), sometimes with digits."""
    folded = (
        name.lower()
        .replace("æ", "ae")
        .replace("ø", "oe")
        .replace("å", "aa")
        .replace("ö", "o")
        .replace("ü", "u")
    )
    parts = [
        p for p in "".join(ch if ch.isalnum() or ch == " " else " " for ch in folded).split() if p.isascii()
    ]
    if not parts:
        parts = ["borger"]
    local = rng.choice((".", "_", "")).join(parts[:2])
    if rng.random() < 0.5:
        local += str(rng.randrange(1, 99))
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def case_number(rng: random.Random, year: int) -> str:
    """A case or journal number in one of the municipal formats."""
    style = rng.random()
    if style < 0.5:
        return f"{year}-{rng.randrange(0, 10_000_000):07d}"
    if style < 0.75:
        return f"{year % 100:02d}/{rng.randrange(1000, 99999)}"
    if style < 0.9:
        return f"{year}-{rng.randrange(1000, 99999)}-{rng.randrange(1, 40)}"
    return f"KK-{year}-{rng.randrange(100000, 999999)}"
