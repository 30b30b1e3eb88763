"""Surface noise: typing errors, keyboards without æøå, and OCR damage on scanned letters.

The OCR confusions follow what the background document 002 shows: ø read as g or @, å as a,
æ as & or a, a lone "i" as 1, "m" as "rn", "l" as "I", and hard line breaks with hyphenation.
"""

from __future__ import annotations

import math
import random
import re

_KEY_NEIGHBOURS = {
    "a": "sq",
    "s": "adw",
    "d": "sfe",
    "f": "dgr",
    "g": "fht",
    "h": "gjy",
    "j": "hku",
    "k": "jli",
    "l": "kæo",
    "e": "wrd",
    "r": "etf",
    "t": "ryg",
    "y": "tuh",
    "u": "yij",
    "i": "uok",
    "o": "ipl",
    "p": "oå",
    "n": "bmh",
    "m": "n",
    "b": "vn",
    "v": "cb",
    "c": "xv",
    "æ": "øl",
    "ø": "æp",
    "å": "pø",
}
_WORD = re.compile(r"[A-Za-zÆØÅæøå]{4,}")
_NO_AEOEAA = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.3:  # swap two neighbours
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.55:  # letter dropped
        return word[:i] + word[i + 1 :]
    if kind < 0.75:  # letter doubled
        return word[:i] + word[i] + word[i:]
    near = _KEY_NEIGHBOURS.get(word[i].lower())
    if near:  # neighbouring key
        return word[:i] + rng.choice(near) + word[i + 1 :]
    return word


def add_typos(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """Damage about `rate` of the words (those of four letters or more); return text and count."""
    words = text.split(" ")
    expected = rate * len(words)
    # A Poisson number of typos at random positions (cheaper than a coin per word).
    limit, wanted, product = math.exp(-expected), 0, rng.random()
    while product > limit:
        wanted += 1
        product *= rng.random()
    count = 0
    for i in rng.sample(range(len(words)), k=min(wanted, len(words))):
        if _WORD.fullmatch(words[i]):
            words[i] = _typo(words[i], rng)
            count += 1
    return " ".join(words), count


def casual(text: str, rng: random.Random) -> str:
    """Web-form habits: some sentence starts in lower case, some full stops missing."""
    lines = []
    for line in text.split("\n"):
        if line and rng.random() < 0.5:
            line = line[0].lower() + line[1:]
        if line.endswith(".") and rng.random() < 0.3:
            line = line[:-1]
        lines.append(line)
    return "\n".join(lines)


def without_aeoeaa(text: str) -> str:
    """Text typed on a keyboard without Danish letters."""
    return text.translate(_NO_AEOEAA)


_OCR_CHAR = (
    ("ø", ("g", "g", "g", "@", "o")),
    ("Ø", ("@", "G", "O")),
    ("å", ("a", "a", "a", "&")),
    ("Å", ("A",)),
    ("æ", ("&", "a", "e")),
    ("Æ", ("A&", "E")),
)


def ocr_damage(text: str, rng: random.Random, *, strength: float) -> str:
    """Simulate a scanned and OCR'd letter; `strength` in (0, 1] scales the error rates."""
    chars = list(text)
    table = dict(_OCR_CHAR)
    for i, ch in enumerate(chars):
        options = table.get(ch)
        if options and rng.random() < 0.85 * strength:
            chars[i] = rng.choice(options)
    out = "".join(chars)
    out = re.sub(r"(?<= )i(?= )", lambda m: "1" if rng.random() < 0.5 * strength else "i", out)
    out = re.sub(r"m", lambda m: "rn" if rng.random() < 0.04 * strength else "m", out)
    out = re.sub(r"(?<=[a-z])l", lambda m: "I" if rng.random() < 0.03 * strength else "l", out)
    return _hard_wrap(out, rng, width=rng.randrange(58, 74))


def _hard_wrap(text: str, rng: random.Random, *, width: int) -> str:
    """Break paragraphs into scanned lines, sometimes hyphenating a word across lines."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            if current and len(current) + 1 + len(word) > width:
                if len(word) > 8 and rng.random() < 0.25:
                    cut = rng.randrange(3, len(word) - 3)
                    lines.append(f"{current} {word[:cut]}-")
                    current = word[cut:]
                    continue
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
    return "\n".join(lines)
