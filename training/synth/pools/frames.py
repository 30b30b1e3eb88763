"""Generic sentence frames around a cue clause (shared by all causes, so they leak no label).

{main}, {sub} and {inv} are the clause in main, subordinate and verb-second order.
"""

from __future__ import annotations

ASSERT = (
    "{main}.",
    "{main}.",
    "{main}.",
    "{inv}.",
    "Problemet er, at {sub}.",
    "Det værste er, at {sub}.",
    "Sagen er den, at {sub}.",
    "{S} oplever, at {sub}.",
    "Det er [dybt|meget|enormt|virkelig] frustrerende, at {sub}.",
    "{S} synes ikke, det er i orden, at {sub}.",
    "{S} forstår ikke, hvordan det kan være, at {sub}.",
    "Det kan ikke være rigtigt, at {sub}.",
    "{main}, og det er ikke første gang.",
    "{main}, hvilket [er|må være] uacceptabelt.",
    "{S} må [desværre|bare|] konstatere, at {sub}.",
    "Min oplevelse er, at {sub}.",
    "Det er et problem, at {sub}.",
    "{main} – og det er ikke i orden.",
    "Kort sagt: {main}.",
)
FRONTS = (
    "nu",
    "samtidig",
    "desuden",
    "derudover",
    "oven i det",
    "i øvrigt",
    "endnu en gang",
    "og så",
    "til gengæld",
    "efterfølgende",
    "i dag",
    "stadigvæk",
    "heller ikke denne gang",
)
NOTE = (
    "{S} oplyser, at {sub}.",
    "{S} fortæller, at {sub}.",
    "{S} oplever, at {sub}.",
    "Ifølge borger {inv_ifolge}.",
    "{S} giver udtryk for, at {sub}.",
    "{main}.",
    "Borger mener, at {sub}.",
)
DENY = (
    "Det er ikke, fordi {sub} – det er noget andet, der er galt.",
    "{S} klager ikke over, at {sub}; det kan ske for alle.",
    "Det handler [egentlig|faktisk|] ikke om, at {sub}.",
    "{S} ved godt, at {sub}, men det er ikke derfor, {S} skriver.",
    "Ja, {main}, men det er ikke det, der er problemet.",
    "Selvom {sub}, er det ikke det, {S} vil klage over.",
    "Det er ikke så meget, at {sub}.",
    "Det er ikke dét, at {sub}, {S} er ked af.",
)
# A cue sentence quoted from an earlier, resolved matter ({quote} is a whole sentence).
QUOTE_PAST = (
    "Sidste gang {S} skrev til jer, lød det: '{quote}' Det problem blev heldigvis løst.",
    "I {P} tidligere klage skrev {S}: '{quote}' Det er ikke det, der er galt denne gang.",
    "For et par år siden kunne {S} have skrevet: '{quote}' Men sådan er det ikke længere.",
    "[{P} nabo|{P} søster|En veninde] har oplevet det samme og sagde: '{quote}' Sådan har {S} det ikke.",
    "Tidligere [tænkte|skrev] {S}: '{quote}' Det er heldigvis fortid.",
)
