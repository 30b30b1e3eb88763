"""Who speaks and whose case it is: the pronoun slots of a Danish text.

The writer side ({S} subject, {O} object, {P}/{Pn}/{Pp} possessive, {R}/{Rn}/{Rp} reflexive
possessive, {SIG} reflexive pronoun) and the case owner ({ES}, {EO}, {E}/{En}/{Ep}, {ER}/{ERn}/
{ERp}). For a citizen writing about herself both sides are "jeg"; a daughter writes "jeg" about
"min mor"; a staff note speaks of "borger"/"hun"; a lawyer of "min klient". Danish verbs do not
inflect for person, so only these slots change between voices.
"""

from __future__ import annotations

import random

from training.synth.grammar import Filler

_FIRST_SINGULAR: dict[str, Filler] = {
    "S": "jeg",
    "O": "mig",
    "P": "min",
    "Pn": "mit",
    "Pp": "mine",
    "R": "min",
    "Rn": "mit",
    "Rp": "mine",
    "SIG": "mig",
}
_FIRST_PLURAL: dict[str, Filler] = {
    "S": "vi",
    "O": "os",
    "P": "vores",
    "Pn": "vores",
    "Pp": "vores",
    "R": "vores",
    "Rn": "vores",
    "Rp": "vores",
    "SIG": "os",
}


def _third(subject: tuple[str, ...], obj: tuple[str, ...], poss: str) -> dict[str, Filler]:
    return {
        "S": subject,
        "O": obj,
        "P": poss,
        "Pn": poss,
        "Pp": poss,
        "R": "sin",
        "Rn": "sit",
        "Rp": "sine",
        "SIG": "sig",
    }


def _owner_self(writer: dict[str, Filler]) -> dict[str, Filler]:
    return {
        "ES": writer["S"],
        "EO": writer["O"],
        "E": writer["P"],
        "En": writer["Pn"],
        "Ep": writer["Pp"],
        "ER": writer["R"],
        "ERn": writer["Rn"],
        "ERp": writer["Rp"],
    }


def _owner_other(noun: str, pronoun: str, obj_pronoun: str, poss_pronoun: str) -> dict[str, Filler]:
    genitive = noun + "s"
    return {
        "ES": (noun, noun, pronoun),
        "EO": (noun, noun, obj_pronoun),
        "E": (genitive, poss_pronoun),
        "En": (genitive, poss_pronoun),
        "Ep": (genitive, poss_pronoun),
        "ER": "sin",
        "ERn": "sit",
        "ERp": "sine",
    }


def _relative(
    owner_kind: str, female_owner: bool, writer_plural: bool, rng: random.Random
) -> tuple[str, str]:
    """(noun phrase for the owner as seen by the writer, the writer's role)."""
    mine = "vores" if writer_plural else "min"
    if owner_kind == "child":
        noun = f"{mine} {'datter' if female_owner else 'søn'}"
        return noun, "forælder"
    if owner_kind == "adult_child":
        noun = f"{mine} {'voksne datter' if female_owner else 'voksne søn'}"
        return noun, "forælder"
    if owner_kind == "parent":
        noun = f"{mine} {'mor' if female_owner else 'far'}"
        return noun, rng.choice(("datter", "søn", "barn", "pårørende"))
    noun = f"{mine} {'kone' if female_owner else 'mand'}"
    return noun, "ægtefælle"


def build_voice(
    style: str, owner_kind: str, *, female_writer: bool, female_owner: bool, rng: random.Random
) -> tuple[dict[str, Filler], str]:
    """Pronoun slots for one text and the phrase that introduces the owner ("min mor, som ...")."""
    if style in ("telefonnotat", "personligt_notat"):
        pronoun, obj, poss = ("hun", "hende", "hendes") if female_writer else ("han", "ham", "hans")
        writer = _third(("borger", pronoun, pronoun), (obj, "borger"), poss)
        if owner_kind == "self":
            return {**writer, **_owner_self(writer)}, ""
        noun, _ = _relative(owner_kind, female_owner, False, rng)
        noun = noun.replace("min ", f"{poss} ")
        owner_pron = ("hun", "hende", "hendes") if female_owner else ("han", "ham", "hans")
        return {**writer, **_owner_other(noun, *owner_pron)}, noun
    if style == "advokat":
        writer = _third(("min klient", "min klient", "klienten"), ("min klient", "klienten"), "min klients")
        if owner_kind == "self":
            return {**writer, **_owner_self(writer)}, ""
        noun, _ = _relative(owner_kind, female_owner, False, rng)
        noun = noun.replace("min ", "min klients ")
        owner_pron = ("hun", "hende", "hendes") if female_owner else ("han", "ham", "hans")
        return {**writer, **_owner_other(noun, *owner_pron)}, noun
    plural = owner_kind in ("child", "adult_child") and rng.random() < 0.35
    writer = dict(_FIRST_PLURAL if plural else _FIRST_SINGULAR)
    if owner_kind == "self":
        return {**writer, **_owner_self(writer)}, ""
    noun, role = _relative(owner_kind, female_owner, plural, rng)
    owner_pron = ("hun", "hende", "hendes") if female_owner else ("han", "ham", "hans")
    slots = {**writer, **_owner_other(noun, *owner_pron)}
    slots["relation_role"] = f"{'hendes' if female_owner else 'hans'} {role}"
    return slots, noun
