"""More Danish cue material: everyday wordings the first pools lacked (merged in `pools.causes`).

What the hand-written sets' error analysis (bench/README.md, "Second author's set") found the model
missing, written as generic material (no text of either set):

- durations that belong to other causes than `sagsbehandlingstid`: an inquiry unanswered for weeks,
  a promise not kept for months, an access request that drags, facts from "de sidste to måneder";
- `databeskyttelse` as disclosure to third parties (landlord, employer, former partner, other
  parents, class messages, social media, notice boards, overheard talk), without the words
  "personoplysninger" or "forkert modtager";
- `medarbejderadfaerd` shown by a quoted remark or a described behaviour, never named;
- `partshoering` in plain words ("ingen har spurgt os"), `vejledning` as "not told / found out by
  chance / from someone else / too late".
"""

from __future__ import annotations

from types import MappingProxyType

from training.synth.grammar import C, Clause

Extra = dict[str, tuple[Clause, ...] | tuple[str, ...]]

MORE: MappingProxyType[str, Extra] = MappingProxyType(
    {
        "manglende_svar": {
            "clauses": (
                C("{S}", "har", "[nu|efterhånden]", "forsøgt at få fat i {sb} i {varighed} uden held"),
                C("ingen", "har", "[endnu|stadig]", "svaret på den mail, {S} sendte for {varighed} siden"),
                C("{S}", "har", "[ikke|aldrig]", "hørt et ord fra {kontor}, siden {S} skrev {dato}"),
            ),
            "sentences": (
                "I {varighed} har {S} skrevet og ringet, uden at nogen har svaret.",
                "Der er gået {varighed}, og {S} har ikke engang fået en kvittering for {P} henvendelse.",
                "{S} stillede et enkelt spørgsmål {dato} og venter stadig på et svar.",
                "Telefonen bliver ikke taget, og mails bliver ikke besvaret – sådan har det været i {varighed}.",
            ),
        },
        "opfoelgning": {
            "clauses": (
                C(
                    "{sb}",
                    "lovede",
                    "[allerede|]",
                    "for {varighed} siden at {promise_inf}, men intet er sket",
                ),
                C(
                    "{S}",
                    "meldte",
                    "",
                    "[en gadelampe, der ikke virker|et tilstoppet afløb|et hul i fortovet|en væltet "
                    "skraldespand] for {varighed} siden, og der er stadig ikke sket noget",
                ),
            ),
            "sentences": (
                "Det er nu {varighed} siden {meeting}, og ingen af aftalerne er blevet fulgt.",
                "Hver gang {S} rykker, bliver det lovet igen, og så sker der ingenting.",
                "De sagde, at de ville vende tilbage samme uge. Det er {varighed} siden.",
            ),
        },
        "aktindsigt": {
            "clauses": (
                C("{S}", "bad", "[allerede|]", "om aktindsigt {dato}, og der er nu gået {varighed}"),
                C(
                    "{S}",
                    "har",
                    "[stadig ikke|endnu ikke]",
                    "fået lov at se de notater, de har skrevet om {O}",
                ),
            ),
            "sentences": (
                "{S} vil gerne se, hvad de har skrevet om {O}, men det må {S} åbenbart ikke.",
                "{S} har bedt om at se {P} sag, og det eneste, {S} har fået, er en automatisk kvittering.",
                "De sendte nogle få sider, men notaterne fra møderne mangler.",
            ),
        },
        "sagsoplysning": {
            "clauses": (
                C(
                    "afgørelsen",
                    "tager",
                    "[slet ikke|overhovedet ikke|ikke]",
                    "højde for, at {S} [har været sygemeldt|har fået en ny diagnose|har skiftet job|er "
                    "blevet opereret] inden for de sidste [to|tre] måneder",
                ),
                C("de", "har", "[bare|åbenbart]", "blandet {P} sag sammen med en andens"),
            ),
            "sentences": (
                "I sagen står der, at {S} [har bil|ejer en lejlighed|arbejdede i {maaned}|har en "
                "logerende], og det passer ikke.",
                "Ingen har spurgt {P} læge, selvom {S} har givet samtykke.",
                "De har bygget det hele på en udtalelse, der er [to|tre] år gammel.",
                "De papirer, {S} afleverede, bliver slet ikke nævnt.",
            ),
        },
        "koordinering": {
            "clauses": (
                C(
                    "{S}",
                    "er",
                    "[nu|efterhånden]",
                    "i {varighed} blevet sendt frem og tilbage mellem {kontor} og {kontor2}",
                ),
            ),
            "sentences": ("{S} har haft [tre|fire|fem] forskellige sagsbehandlere på {varighed}.",),
        },
        "medarbejderadfaerd": {
            "clauses": (
                C("{sb}", "tog", "[bare|]", "sin mobil midt i samtalen og talte i flere minutter"),
                C("{sb}", "vendte", "", "ryggen til {O} og begyndte at snakke med en kollega"),
                C("{sb}", "så", "[ikke engang|aldrig]", "op fra skærmen, mens {S} talte"),
                C("{sb}", "gik", "[bare|]", "midt i samtalen uden at sige noget"),
                C("{sb}", "svarede", "[slet ikke|ikke]", "{O}, da {S} spurgte om noget"),
            ),
            "sentences": (
                "{sb} sagde: '[Det står jo i brevet|Det burde du have tænkt på før|Så må du jo finde dig et "
                "arbejde|Det er ikke mit bord|Vi har altså andre borgere end dig|Du skal ikke komme her og "
                "kræve noget]'.",
                "Da {S} forklarede situationen, svarede {sb} bare: '[Sådan er reglerne|Det kan jeg ikke "
                "bruge til noget|Det har jeg ikke tid til|Det må du tage med din læge]'.",
                "{sb} spurgte, om {S} nu også virkelig havde brug for hjælpen, eller om det bare var pengene.",
                "Da {S} begyndte at græde, sagde {sb} bare 'næste'.",
                "{sb} talte om {O} til en kollega, som om {S} ikke sad i lokalet.",
                "{sb} kom for sent til mødet og kiggede på uret hele tiden.",
            ),
        },
        "partshoering": {
            "clauses": (
                C("ingen", "har", "[nogensinde|overhovedet|]", "spurgt {O}"),
                C("{S}", "blev", "[slet ikke|ikke]", "spurgt, før det blev besluttet"),
                C("{S}", "fik", "[først|]", "det at vide, da det hele var besluttet"),
            ),
            "sentences": (
                "Ingen har spurgt {O}.",
                "{S} blev ikke spurgt – {S} fik bare besked bagefter.",
                "Ingen fra {kontor} har talt med {O}, før de besluttede det.",
                "De talte med [skolen|lægen|naboerne|udlejeren], men aldrig med {O}.",
            ),
        },
        "vejledning": {
            "clauses": (
                C(
                    "{S}",
                    "har",
                    "[tilfældigt|ved et tilfælde|først nu]",
                    "hørt fra [en kollega|en anden mor|naboen|en i samme situation], at man kan søge om "
                    "[tilskud|hjælp|en friplads|{ydelse}]",
                ),
                C(
                    "ingen",
                    "har",
                    "[nogensinde|]",
                    "fortalt {O}, at {S} selv skulle [søge igen hvert år|"
                    "melde ændringen|sende blanketten inden nytår]",
                ),
                C("{S}", "fik", "[først|]", "det at vide, da det var for sent"),
            ),
            "sentences": (
                "Det var en anden forælder, der [fortalte|nævnte], at vi kunne have søgt.",
                "Ingen sagde noget om det, og nu er det for sent.",
                "Da {S} spurgte, hvad {S} skulle gøre, fik {S} bare et link til hjemmesiden.",
            ),
        },
        "databeskyttelse": {
            "clauses": (
                C(
                    "{sb}",
                    "fortalte",
                    "",
                    "[{P} udlejer|{P} arbejdsgiver|{P} tidligere samlever|andre forældre|naboen] [om {E} "
                    "sag|om {E} gæld|om {E} sygdom|, at {S} får hjælp fra kommunen]",
                ),
                C(
                    "[institutionen|klubben|skolen]",
                    "har",
                    "",
                    "lagt [billeder|en video] af {EO} på [Facebook|Instagram|deres hjemmeside] uden at spørge "
                    "{O}",
                ),
                C(
                    "[naboerne|de andre forældre|kollegerne]",
                    "vidste",
                    "[allerede|]",
                    "besked om {E} sag, før {S} selv havde fortalt nogen noget",
                ),
                C("{sb}", "gav", "", "{P} tidligere samlever [{P} nye adresse|oplysninger fra sagen]"),
            ),
            "sentences": (
                "En liste med [navne og telefonnumre|navne og tider|hvem der får hvilken hjælp] hang [på "
                "opslagstavlen|på døren til kontoret|i gangen], så alle kunne læse den.",
                "I en besked til hele klassen stod der, at {ES} [får ekstra støtte|har læsevanskeligheder|har "
                "været meget fraværende].",
                "{S} kunne høre {sb} fortælle om en anden [borger|beboer|familie] med fulde navn, og så tænker "
                "{S} jo, hvad de siger om {O}.",
                "{E} [navn og sag|navn og adresse] stod på en skærm, som alle i venteværelset kunne se.",
                "Brevet om {E} [diagnose|sag|behandling] lå fremme på skranken, hvor den næste kunne læse det.",
            ),
            "subtle": ("Nu ved [naboerne|de andre forældre|hele opgangen] noget, de ikke burde vide.",),
        },
    }
)
