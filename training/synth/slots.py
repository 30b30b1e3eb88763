"""Fillers for dates, durations, counts and amounts, consistent with when a complaint arrived."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from training.synth.grammar import Filler

MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEASONS_DA = (
    "vinteren",
    "vinteren",
    "foråret",
    "foråret",
    "foråret",
    "sommeren",
    "sommeren",
    "sommeren",
    "efteråret",
    "efteråret",
    "efteråret",
    "vinteren",
)
NUMBERS_DA = ("nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv")


def number_da(n: int, rng: random.Random) -> str:
    """Small numbers as words or digits, as people write them."""
    if n < len(NUMBERS_DA) and rng.random() < 0.7:
        return NUMBERS_DA[n]
    return str(n)


def _past(received: date, rng: random.Random, low: int, high: int) -> date:
    return received - timedelta(days=rng.randrange(low, high))


def _date_da(day: date, rng: random.Random) -> str:
    month = MONTHS_DA[day.month - 1]
    style = rng.random()
    if style < 0.3:
        return f"den {day.day}. {month}"
    if style < 0.45:
        return f"d. {day.day}/{day.month}"
    if style < 0.55:
        return f"den {day.strftime('%d.%m.%Y')}"
    if style < 0.65:
        return f"{day.day}. {month}"
    if style < 0.9:
        part = rng.choice(("i starten af", "i midten af", "sidst i", "i slutningen af", "først i", "i"))
        return f"{part} {month}"
    return f"i uge {day.isocalendar()[1]}"


def _since_da(day: date, rng: random.Random) -> str:
    month = MONTHS_DA[day.month - 1]
    style = rng.random()
    if style < 0.35:
        return f"siden den {day.day}. {month}"
    if style < 0.5:
        return f"siden d. {day.day}/{day.month}"
    if style < 0.8:
        return f"siden {rng.choice(('starten af', 'midten af', 'slutningen af', ''))} {month}".replace(
            "  ", " "
        )
    return f"siden uge {day.isocalendar()[1]}"


def _long_ago_da(day: date, received: date, rng: random.Random) -> str:
    years = (received - day).days // 365
    style = rng.random()
    if style < 0.45:
        return f"i {MONTHS_DA[day.month - 1]} {day.year}"
    if style < 0.7:
        return f"i {SEASONS_DA[day.month - 1]} {day.year}"
    if years >= 1 and style < 0.9:
        return "for et år siden" if years == 1 else f"for {number_da(years, rng)} år siden"
    return f"i {day.year}"


def _since_long_da(day: date, received: date, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.45:
        return f"siden {MONTHS_DA[day.month - 1]} {day.year}"
    if style < 0.7:
        return f"siden {SEASONS_DA[day.month - 1].removesuffix('en')} {day.year}".replace(
            "vinter", "vinteren"
        )
    if style < 0.85:
        return f"siden {day.year}"
    months = max(2, (received - day).days // 30)
    return f"i {'over ' if rng.random() < 0.5 else ''}{number_da(months, rng)} måneder"


def _duration_da(rng: random.Random) -> str:
    weeks = rng.randrange(5, 60)
    style = rng.random()
    if weeks < 14 or style < 0.25:
        return f"{rng.choice(('', 'snart ', 'over ', 'mere end '))}{number_da(weeks, rng)} uger".strip()
    months = weeks // 4
    if months >= 12 and style < 0.6:
        return rng.choice(("over et år", "et helt år", "mere end et år", "over et år nu"))
    if 6 <= months < 9 and style < 0.5:
        return rng.choice(("over et halvt år", "mere end et halvt år", "et halvt år"))
    prefix = rng.choice(("", "snart ", "over ", "næsten ", "mere end ", "hele "))
    return f"{prefix}{number_da(months, rng)} måneder"


def _amount_da(low: int, high: int, rng: random.Random) -> str:
    value = rng.randrange(low, high + 1)
    if value > 2000:
        value = round(value, -1) if rng.random() < 0.6 else value
    text = f"{value:,}".replace(",", ".")
    style = rng.random()
    if style < 0.45:
        return f"{text} kr."
    if style < 0.65:
        return f"{value} kr"
    if style < 0.8:
        return f"{text} kroner"
    if style < 0.9:
        return f"ca. {text} kr."
    return f"kr. {text},-"


def danish_slots(received: date, amount: tuple[int, int]) -> dict[str, Filler]:
    """Date, duration, count and amount slots for one Danish text received on `received`."""

    def lazy(fn: Callable[[random.Random], str]) -> Filler:
        return fn

    low, high = amount if amount != (0, 0) else (500, 15000)
    return {
        "dato": lazy(lambda rng: _date_da(_past(received, rng, 10, 210), rng)),
        "siden": lazy(lambda rng: _since_da(_past(received, rng, 14, 200), rng)),
        "dato_lang": lazy(lambda rng: _long_ago_da(_past(received, rng, 200, 1100), received, rng)),
        "siden_lang": lazy(lambda rng: _since_long_da(_past(received, rng, 200, 1100), received, rng)),
        "dato_kort": lazy(
            lambda rng: rng.choice(
                (
                    f"{received.day}/{received.month}",
                    received.strftime("%d.%m"),
                    received.strftime("%d.%m.%y"),
                )
            )
        ),
        "dato_frem": lazy(
            lambda rng: rng.choice(
                (
                    "om tre uger",
                    "i næste måned",
                    "om fjorten dage",
                    f"den {rng.randrange(1, 28)}. {MONTHS_DA[(received.month + 1) % 12]}",
                )
            )
        ),
        "maaned": lazy(lambda rng: MONTHS_DA[_past(received, rng, 30, 240).month - 1]),
        "varighed": lazy(_duration_da),
        "antal_uger": lazy(lambda rng: str(rng.randrange(6, 40))),
        "frist": (
            "fire uger",
            "otte uger",
            "tre måneder",
            "14 dage",
            "seks uger",
            "en måned",
            "højst seks uger",
        ),
        "antal": lazy(lambda rng: number_da(rng.randrange(4, 12), rng)),
        "antal_gange": (
            "fem gange",
            "mindst ti gange",
            "over tyve gange",
            "hver dag i to uger",
            "7 gange",
            "utallige gange",
            "flere gange om ugen",
            "12 gange",
            "tre gange i denne uge",
        ),
        "antal_timer": lazy(lambda rng: str(rng.randrange(8, 31))),
        "beløb": lazy(lambda rng: _amount_da(low, high, rng)),
    }


def english_slots(received: date, amount: tuple[int, int]) -> dict[str, Filler]:
    """The same for an English text."""
    low, high = amount if amount != (0, 0) else (500, 15000)

    def date_en(rng: random.Random) -> str:
        day = _past(received, rng, 10, 200)
        return rng.choice(
            (
                f"on {day.day} {MONTHS_EN[day.month - 1]}",
                f"on {day.strftime('%d/%m')}",
                f"in {MONTHS_EN[day.month - 1]}",
                f"back in {MONTHS_EN[day.month - 1]}",
            )
        )

    return {
        "date": date_en,
        "month": lambda rng: MONTHS_EN[_past(received, rng, 30, 300).month - 1],
        "duration": lambda rng: rng.choice(
            (
                "three months",
                "over four months",
                "almost half a year",
                f"{rng.randrange(6, 30)} weeks",
                "more than a year",
                "two months",
            )
        ),
        "count": lambda rng: rng.choice(("five", "seven", "more than ten", "at least 8", "many")),
        "count_people": lambda rng: rng.choice(("four", "five", "six", "three")),
        "amount": lambda rng: f"{rng.randrange(low, high + 1):,} kr.".replace(",", "."),
    }
