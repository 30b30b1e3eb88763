"""Text material tied to the latent mediation process.

Signals (raise mediation potential): wanting to be heard, wanting an apology, broken trust,
an ongoing relationship, preventing the same for others, wanting a dialogue, a long course.
Counter-signals (lower it): wanting only the decision changed via the appeal body, a closed
matter, a one-off question. Each group is worded many ways and mostly implicitly; the
compose step decides how many appear from the latent variables, never from the label.
"""

from __future__ import annotations

from types import MappingProxyType

SIGNALS = MappingProxyType(
    {
        "heard": (
            "{S} vil bare gerne have, at nogen lytter.",
            "Det eneste, {S} beder om, er at blive taget alvorligt.",
            "{S} har brug for, at nogen sætter sig ned med {O} og hører, hvad der egentlig er sket.",
            "{S} føler {SIG} ikke set som et menneske, men som et sagsnummer.",
            "Ingen har på noget tidspunkt spurgt, hvordan {S} har det med alt det her.",
            "Det handler ikke om penge, det handler om at blive mødt ordentligt.",
            "{S} vil gerne have, at de forstår, hvad det har gjort ved {O}.",
            "Bare én gang vil {S} gerne opleve, at nogen lytter til hele historien.",
            "Det er, som om {S} taler til en mur.",
            "{S} ønsker at blive hørt, ikke at blive ekspederet.",
            "Det har kostet {O} mange søvnløse nætter, og det vil {S} gerne have, at nogen forstår.",
        ),
        "apology": (
            "En undskyldning ville betyde meget.",
            "Ingen har sagt undskyld.",
            "{S} har aldrig fået en undskyldning for det, der skete.",
            "Det mindste, de kunne gøre, var at erkende, at der er sket fejl.",
            "{S} ønsker, at {kontor} erkender, at de har behandlet {O} forkert.",
            "Hvis bare nogen ville sige, at det ikke var i orden, ville {S} kunne komme videre.",
            "{S} forventer en uforbeholden undskyldning.",
        ),
        "distrust": (
            "{S} har ingen tillid tilbage til {kontor}.",
            "{S} tror ikke længere på, at de vil {O} det godt.",
            "Det føles, som om de arbejder imod {O}.",
            "{S} tør ikke gå til møder alene mere.",
            "Efter alt det her stoler {S} ikke på noget af det, de siger.",
            "{S} er begyndt at optage alle samtaler, fordi {S} ikke stoler på referaterne.",
            "Tilliden er væk.",
            "{S} får hjertebanken, hver gang der kommer et brev fra {kontor}.",
            "Hver gang telefonen ringer med et skjult nummer, frygter {S} det værste.",
            "Det er blevet en kamp, og {S} ved ikke, hvem der er på {P} side.",
        ),
        "dialogue": (
            "{S} vil gerne have et møde, hvor vi kan tale ordentligt sammen.",
            "Kan I hjælpe med at få en dialog i gang igen?",
            "{S} håber, at vi kan finde en vej videre sammen.",
            "{S} vil gerne mødes med nogen fra ledelsen og få talt tingene igennem.",
            "Måske kan et møde med en neutral person hjælpe.",
            "{S} vil gerne have en fast kontaktperson, som {S} kan regne med.",
            "{S} ønsker, at vi kan samarbejde igen, for det er der brug for.",
        ),
        "others": (
            "{S} skriver også, så andre ikke skal opleve det samme.",
            "Det her må ikke ske for andre familier.",
            "{S} håber, at {kontor} kan lære noget af det her.",
            "Der sidder sikkert mange andre i samme situation, som ikke har kræfter til at klage.",
            "Hvis {S} kan forhindre, at det sker for andre, er det umagen værd.",
        ),
        "long_course": (
            "Det her har stået på i [to|tre|snart fire] år.",
            "{S} har kæmpet med {kontor} {siden_lang}.",
            "Det er en lang historie, og den er ikke slut endnu.",
            "{S} har efterhånden mistet overblikket over, hvor mange gange {S} har henvendt {SIG}.",
            "Hele familien er præget af det her forløb.",
            "Det her forløb har slidt {O} helt op.",
        ),
    }
)

# The parties must keep working together: worded per kind of case and generically.
ONGOING = (
    "{S} skal jo fortsat have hjælp fra {kontor} hver eneste dag.",
    "Vi skal [samarbejde|have med hinanden at gøre] i [mange år|lang tid|flere år] endnu, så det her skal [løses|på plads]",
    "{ES} er afhængig af {ydelse}, så {S} kan ikke bare vende dem ryggen.",
    "{S} kan ikke bare skifte til et andet sted.",
    "Sagen kører stadig, og {S} skal fortsat have med {sb} at gøre.",
    "Det er de samme mennesker, {S} skal møde igen i næste uge.",
    "Vi har [et langt forløb|mange år med {kontor}|et langt samarbejde] foran os",
    "{S} skal mødes med dem igen om kort tid og kvier {SIG} allerede.",
)
ONGOING_BY_OWNER = MappingProxyType(
    {
        "child": (
            "{ES} skal gå der i [mange år|fire år|flere år] endnu.",
            "Vi skal aflevere {EO} der hver morgen og se personalet i øjnene.",
            "{ES} har brug for, at de voksne omkring {EO} taler sammen.",
        ),
        "parent": (
            "{ES} får besøg af hjemmeplejen flere gange om dagen, og sådan skal det være fremover.",
            "Vi er pårørende og kommer på plejehjemmet flere gange om ugen.",
        ),
        "adult_child": (
            "{ES} bor der og skal blive boende, så vi er nødt til at kunne tale sammen.",
            "Vi har været forældre til en voksen med handicap i mange år og skal fortsat samarbejde med "
            "kommunen.",
        ),
    }
)

# Mentions of the contact pattern in the text (driven by the contact latent, not the label).
CONTACT_MENTIONS = (
    "{S} har også skrevet til borgmesteren.",
    "{S} har [to|tre|flere] gange skrevet direkte til borgmesteren uden at få svar.",
    "Det er [tredje|fjerde|femte] gang, {S} klager over det samme.",
    "{S} har sendt [flere|mange|adskillige] rykkere.",
    "{S} har ringet og skrevet næsten hver uge siden {maaned}.",
    "{S} har tidligere klaget til jer, og det blev ikke bedre.",
    "{S} har kontaktet [en politiker|borgmesterens kontor|lokalavisen] om sagen.",
)

COUNTER = MappingProxyType(
    {
        "appeal": (
            "{S} har [allerede|også] klaget til {klageinstans}.",
            "{S} vil bare have afgørelsen ændret.",
            "{S} ønsker sagen genoptaget og afgørelsen ændret.",
            "{S} har fået hjælp til at sende sagen til {klageinstans}.",
            "{S} vil bare have {Pp} penge.",
            "{S} vil gerne have, at I ser på, om afgørelsen er lovlig.",
        ),
        "closed": (
            "Sagen er afsluttet, og {S} har ikke mere med {kontor} at gøre.",
            "{S} er flyttet fra København, så det er mest for at gøre opmærksom på det.",
            "{S} skriver bare for at gøre opmærksom på det, {S} forventer ikke noget.",
            "Sagen er lukket nu, men {S} synes, I skal vide det.",
            "Det er overstået nu, heldigvis.",
        ),
        "question": (
            "Kan I fortælle {O}, hvordan man klager?",
            "Hvad er [fristen for at klage|klagefristen|fristen, hvis {S} vil klage]?",
            "Er det [overhovedet|i det hele taget] noget, I kan [hjælpe med|gøre noget ved]?",
            "{S} vil bare gerne vide, hvad {S} kan gøre.",
        ),
    }
)
