"""A small template grammar: alternations, slots, and clauses with Danish word order.

Template syntax:
- `[a|b|c]` picks one alternative (`[a|]` makes a word optional); alternatives may nest.
- `{name}` is filled from the context: a fixed string, a tuple to choose from, or a
  callable taking the random source. Filled values are expanded again, so pools can refer
  to other pools.

A `Clause` keeps subject, finite verb, sentence adverbial and the rest apart, so one cue can
be rendered as a main clause ("jeg har stadig ikke fået svar"), a subordinate clause after
"at"/"fordi" ("jeg stadig ikke har fået svar") or with a fronted adverbial ("nu har jeg stadig
ikke fået svar"). That is what lets the same cue appear asserted, embedded or denied.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Filler = str | tuple[str, ...] | Callable[[random.Random], str]

_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.;:!?)])")
_MAX_DEPTH = 6


class Context:
    """Slot values for one text; missing slots are a programming error."""

    def __init__(self, values: Mapping[str, Filler] | None = None) -> None:
        self._values: dict[str, Filler] = dict(values or {})

    def set(self, name: str, value: Filler) -> None:
        self._values[name] = value

    def update(self, values: Mapping[str, Filler]) -> None:
        self._values.update(values)

    def raw(self, name: str, rng: random.Random) -> str:
        value = self._values.get(name)
        if value is None:
            raise KeyError(f"template slot {{{name}}} has no value")
        if isinstance(value, str):
            return value
        if isinstance(value, tuple):
            return rng.choice(value)
        return value(rng)


def expand(template: str, rng: random.Random, ctx: Context, depth: int = 0) -> str:
    """Resolve alternations and slots of `template` (recursively for filled values)."""
    text = template
    while "[" in text:
        text, count = _ALT.subn(lambda m: rng.choice(m.group(1).split("|")), text)
        if count == 0:
            break
    if "{" in text and depth < _MAX_DEPTH:
        text = _SLOT.sub(lambda m: expand(ctx.raw(m.group(1), rng), rng, ctx, depth + 1), text)
    return text


def tidy(text: str) -> str:
    """Collapse the double spaces and stray spaces that empty alternatives leave."""
    text = _SPACES.sub(" ", text)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text).strip()


def sentence(text: str) -> str:
    """Capitalise the first letter and make sure the sentence ends with punctuation."""
    text = tidy(text)
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?:":
        text += "."
    return text


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause in parts: subject, finite verb, sentence adverbial (may be empty), rest."""

    subj: str
    verb: str
    adv: str
    rest: str

    def main(self) -> str:
        """Main-clause order: subject, verb, adverbial."""
        return " ".join(p for p in (self.subj, self.verb, self.adv, self.rest) if p)

    def sub(self) -> str:
        """Subordinate order (after at, fordi, selvom): the adverbial moves before the verb."""
        return " ".join(p for p in (self.subj, self.adv, self.verb, self.rest) if p)

    def inverted(self, front: str) -> str:
        """Verb-second order after a fronted adverbial."""
        return " ".join(p for p in (front, self.verb, self.subj, self.adv, self.rest) if p)


def C(subj: str, verb: str, adv: str, rest: str) -> Clause:
    """Shorthand used by the material pools."""
    return Clause(subj, verb, adv, rest)


def pick_weighted(rng: random.Random, items: Mapping[str, float]) -> str:
    """One key of `items`, chosen with probability proportional to its value."""
    keys = list(items)
    return rng.choices(keys, weights=[items[k] for k in keys], k=1)[0]
