"""Wordings of the complaint course (training/synth/course.py decides what is told).

Per kind of fact: `num` templates carry a count phrase ({N} "syv gange", {Nmail} "syv mails",
{Nrykker}, {Nmoede}, {Nhenv}; the phrase may be "mindst ti gange" or "utallige gange"), `one`
templates tell a count of exactly one, `ord` an ordinal ({ORD}: "tredje"), `vague` no number.
A template that also tells a root cause ("... uden at få svar" is manglende_svar) starts with
"@<code> " and is used only when the complaint names that cause (labelled or mentioned), so the
course does not express causes the annotators did not label.
{siden} is when the course began ("siden marts", "de sidste tre måneder"), from the history.
Danish templates use the voice slots ({S}, {O}, {SIG}, {P}), so staff notes and lawyers' letters
tell the course too ("borger oplyser at have ringet seks gange", "min klient har rykket ...").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

Pools = Mapping[str, Mapping[str, tuple[str, ...]]]

DA: Pools = MappingProxyType(
    {
        "written": {
            "num": (
                "{S} har skrevet til {kontor} {N} {siden}",
                "@manglende_svar {S} har [nu|efterhånden|] skrevet {N} uden at få et ordentligt svar",
                "{siden} har {S} skrevet {N} til {kontor}",
                "@manglende_svar {S} har sendt {Nmail} til {kontor}, og [ingen af dem er blevet besvaret ordentligt|"
                "svarene siger ikke noget]",
                "Det er blevet til {Nmail} {siden}",
                "@manglende_svar {S} har skrevet {N} om det samme, og hver gang [får|fik] {S} et standardsvar",
                "{S} har [efterhånden|nu] skrevet {N} [om det her|i denne sag|til jer]",
                "[Alene|Bare] {siden} har {S} sendt {Nmail}",
                "@manglende_svar {S} har sendt {Nmail} og [stadig ikke|endnu ikke] fået et svar, der [hænger sammen|giver mening]",
                "{S} har skrevet og skrevet, {N} i alt {siden}",
                "@manglende_svar {S} har mailet {N} til {sb} uden at høre fra nogen",
            ),
        },
        "calls": {
            "num": (
                "{S} har ringet {N} {siden}",
                "@manglende_svar {S} har ringet til {kontor} {N}, og hver gang [lover de at ringe tilbage|får {S} at vide, "
                "at sagen er under behandling|er det en ny medarbejder, {S} taler med]",
                "@manglende_svar {S} har forsøgt at ringe {N} [den seneste tid|de sidste måneder|{siden}]",
                "@manglende_svar {N} har {S} ringet, uden at nogen [ringede tilbage|vidste noget om sagen]",
                "@manglende_svar {S} har siddet i telefonkø {N} {siden}",
                "@manglende_svar {S} har ringet {N} og bedt om at blive ringet op, men [intet sker|ingen ringer]",
                "{S} har [efterhånden|nu] ringet {N} til {sb}",
                "{S} har ringet til {kontor} {N} om sagen {siden}",
                "{S} har været i telefonen med {kontor} {N} {siden}",
            ),
            "note": (
                "{S} oplyser at have ringet {N} {siden}",
                "@manglende_svar {S} fortæller, at {S} har ringet {N} uden at komme igennem",
                "Ifølge {O} har {S} ringet {N} {siden}",
            ),
        },
        "chasers": {
            "num": (
                "{S} har sendt {Nrykker}",
                "{S} har rykket {N} {siden}",
                "@manglende_svar Efter {Nrykker} har {S} stadig [ikke fået svar|intet hørt]",
                "{S} har rykket for svar {N}",
                "@manglende_svar {Nrykker} senere er der stadig ingen, der har [svaret|vendt tilbage]",
                "@manglende_svar {S} har rykket {sb} {N} [uden resultat|uden at høre noget]",
            ),
            "note": (
                "{S} oplyser at have rykket {N} {siden}",
                "{S} har ifølge eget udsagn sendt {Nrykker}",
            ),
        },
        "total": {
            "num": (
                "{S} har henvendt {SIG} {N} {siden}",
                "{S} har været i kontakt med {kontor} {N} {siden}, [både på mail og telefon|på mail, telefon "
                "og ved personligt fremmøde|på alle tænkelige måder]",
                "{siden} har {S} skrevet og ringet {N}",
                "Alt i alt har {S} kontaktet {kontor} {N}",
                "{S} har [efterhånden|nu] kontaktet jer {N} om den samme sag",
                "{S} har talt efter: det er blevet til {Nhenv} {siden}",
                "{S} har været på [mail|telefon] med {kontor} {N} {siden}",
            ),
            "note": (
                "{S} oplyser at have henvendt {SIG} {N} {siden}",
                "{S} har ifølge eget udsagn været i kontakt med {kontor} {N}",
            ),
        },
        "mayor": {
            "num": (
                "{S} har skrevet til borgmesteren {N}",
                "@manglende_svar {S} har [også|nu] henvendt {SIG} til borgmesteren {N} uden at få svar",
                "{N} har {S} skrevet til borgmesteren, og sagen er [stadig|fortsat] ikke løst",
                "Selv efter {Nhenv} til borgmesteren sker der ingenting",
            ),
            "one": (
                "{S} har også skrevet til borgmesteren",
                "@manglende_svar {S} har skrevet direkte til borgmesteren [uden at få svar|, men har kun fået et standardsvar]",
                "{S} så ingen anden udvej end at skrive til borgmesteren",
                "Til sidst skrev {S} til borgmesteren",
                "{S} har sendt et brev til borgmesteren om sagen",
                "{S} har også kontaktet borgmesterens kontor",
            ),
            "vague": (
                "{S} har også været i kontakt med borgmesteren",
                "Sagen har også været forbi borgmesteren",
                "{S} har måttet gå til borgmesteren med det",
            ),
        },
        "complaints": {
            "ord": (
                "Det er {ORD} gang, {S} klager over {kontor}",
                "Det her er {P} {ORD} klage over det samme",
                "For {ORD} gang må {S} klage over det samme",
                "Det er nu {ORD} gang, {S} må henvende {SIG} med en klage",
            ),
            "num": (
                "{S} har klaget {N} før, og intet er blevet bedre",
                "{S} har [allerede|tidligere] klaget {N}",
            ),
            "one": (
                "{S} har klaget én gang før, uden at noget ændrede sig",
                "@manglende_svar {S} har [tidligere|allerede] klaget til {kontor} [selv|direkte], men fik bare et standardsvar",
            ),
            "vague": (
                "Det er ikke første gang, {S} klager",
                "{S} har tidligere klaget over det samme",
                "{S} har klaget før, og det blev ikke bedre",
            ),
        },
        "meetings": {
            "num": (
                "@opfoelgning {S} har været til {Nmoede}, og bagefter sker der ingenting",
                "@opfoelgning Vi har holdt {Nmoede}, uden at aftalerne bliver overholdt",
                "{S} har været til {Nmoede} med {kontor} {siden}",
            ),
            "one": (
                "{S} har været til et møde med {kontor}, men det ændrede ingenting",
                "{S} har været til et møde med {kontor} om sagen",
                "@opfoelgning Vi har haft et møde, men der er ikke sket noget siden",
            ),
            "vague": ("{S} har været til møder, men de fører ingen vegne",),
        },
        "since": {
            "vague": (
                "Det har stået på {siden}, og {S} har kontaktet jer igen og igen",
                "@manglende_svar {S} har prøvet at få hul igennem {siden}",
                "{siden} har {S} [jagtet|rykket|prøvet at fange] {kontor} [igen og igen|uden held]",
                "{S} har været i kontakt med jer løbende {siden}",
            ),
        },
    }
)

# Count nouns: (one, many).
DA_NOUNS = MappingProxyType(
    {
        "N": ("en gang", "gange"),
        "Nmail": ("en mail", "mails"),
        "Nrykker": ("en rykker", "rykkere"),
        "Nmoede": ("et møde", "møder"),
        "Nhenv": ("en henvendelse", "henvendelser"),
    }
)
DA_ORDINALS = (
    "",
    "første",
    "anden",
    "tredje",
    "fjerde",
    "femte",
    "sjette",
    "syvende",
    "ottende",
    "niende",
    "tiende",
)
DA_ABOUT = ("omkring", "cirka", "ca.", "vel", "en")
DA_AT_LEAST = ("mindst", "over", "mere end", "flere end")
DA_MANY = (
    "utallige {pl}",
    "et hav af {pl}",
    "så mange {pl}, at {S} har mistet tællingen",
    "snesevis af {pl}",
)

# A threat to go further, that the history need not show.
DA_THREAT = (
    "Hvis der ikke sker noget nu, går {S} til borgmesteren",
    "Næste skridt bliver pressen",
    "{S} overvejer at kontakte [en journalist|lokalavisen|borgmesteren|et medlem af Borgerrepræsentationen]",
    "{S} ved snart ikke andet at gøre end at gå til pressen",
    "Hvis {S} ikke hører noget inden for en uge, skriver {S} til borgmesteren",
    "{S} er klar til at gå hele vejen, også til [borgmesteren|politikerne|pressen]",
)

EN: Pools = MappingProxyType(
    {
        "written": {
            "num": (
                "I have written to {office} {N} {since}",
                "@manglende_svar I have [now|by now|] sent {Nmail} and still have no proper answer",
                "{since}, I have written {N}",
                "@manglende_svar That is {Nmail} {since} without a real reply",
                "I have emailed {N} about the same issue",
                "My sent folder shows {Nmail} to {office} {since}",
                "@manglende_svar I've written {N}, and every time I get an automatic reply",
                "@manglende_svar I have put it in writing {N}, and nobody has answered the actual question",
            ),
        },
        "calls": {
            "num": (
                "I have called {N} {since}",
                "@manglende_svar I have called {office} {N}, and every time [I am told someone will call me back|they say the "
                "case is being processed|I get a new person]",
                "@manglende_svar I have tried phoning {N} {since}",
                "@manglende_svar I have spent hours on hold; I have called {N} {since}",
                "@manglende_svar I have rung them {N} and asked for a call back, but [nobody calls|nothing happens]",
                "I have phoned {office} {N} about my case",
            ),
        },
        "chasers": {
            "num": (
                "I have sent {Nrykker}",
                "I have chased them {N} {since}",
                "@manglende_svar After {Nrykker}, there is still no answer",
                "@manglende_svar I have followed up {N} and heard nothing",
                "@manglende_svar {Nrykker} later, nobody has got back to me",
            ),
        },
        "total": {
            "num": (
                "I have contacted {office} {N} {since}",
                "I have been in touch {N} {since}, by email, phone and in person",
                "Altogether I have contacted them {N}",
                "I counted: {Nhenv} {since}",
                "I have reached out {N} about this one case",
            ),
        },
        "mayor": {
            "num": (
                "I have written to the Lord Mayor {N}",
                "@manglende_svar I have contacted the mayor's office {N} without any reply",
                "Even after {Nhenv} to the mayor nothing happens",
            ),
            "one": (
                "I have also written to the Lord Mayor",
                "In the end I wrote to the mayor",
                "I even sent a letter to the Lord Mayor about this",
                "I saw no other option than to write to the mayor",
            ),
            "vague": ("The mayor's office has also been contacted", "I have had to take this to the mayor"),
        },
        "complaints": {
            "ord": (
                "This is the {ORD} time I am complaining about {office}",
                "This is my {ORD} complaint about the same thing",
            ),
            "num": ("I have complained {N} before and nothing has changed",),
            "one": (
                "I complained once before and nothing changed",
                "@manglende_svar I already complained to {office} directly but only got a standard reply",
            ),
            "vague": ("This is not the first time I complain", "I have complained about this before"),
        },
        "meetings": {
            "num": (
                "@opfoelgning I have been to {Nmoede}, and nothing happens afterwards",
                "I have been to {Nmoede} with {office} {since}",
            ),
            "one": (
                "@opfoelgning We had a meeting, but nothing has happened since",
                "I have had one meeting with {office} about this",
            ),
            "vague": ("We have had meetings, but they lead nowhere",),
        },
        "since": {
            "vague": (
                "This has been going on {since}, and I have contacted them again and again",
                "@manglende_svar I have been trying to get through {since}",
                "I have been chasing {office} {since}",
            ),
        },
    }
)
EN_NOUNS = MappingProxyType(
    {
        "N": ("once", "times"),
        "Nmail": ("one email", "emails"),
        "Nrykker": ("one reminder", "reminders"),
        "Nmoede": ("one meeting", "meetings"),
        "Nhenv": ("one message", "messages"),
    }
)
EN_NUMBERS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
EN_ORDINALS = (
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
EN_ABOUT = ("about", "around", "roughly", "something like")
EN_AT_LEAST = ("at least", "more than", "over")
EN_MANY = ("countless {pl}", "more {pl} than I can count", "dozens of {pl}", "so many {pl} I have lost count")
EN_THREAT = (
    "If nothing happens now, I will go to the mayor",
    "My next step will be the press",
    "I am considering contacting a journalist",
    "If I do not hear back within a week, I will write to the Lord Mayor",
    "I am prepared to take this to the politicians if I have to",
)
