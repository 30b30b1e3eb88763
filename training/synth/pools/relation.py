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
            "Ingen har nogensinde spurgt {O}, hvad {S} selv mener.",
            "{S} bliver behandlet som et problem, der skal lukkes, ikke som et menneske.",
            "{S} har brug for at blive mødt af nogen, der faktisk vil forstå sagen.",
            "Hver gang {S} prøver at forklare, bliver {S} afbrudt.",
            "Det vigtigste for {O} er, at nogen endelig hører {P} side af sagen.",
            "{S} [orker|magter] ikke flere standardsvar, {S} vil [tales med|mødes] som et menneske.",
            "Man føler sig [usynlig|overset|glemt] i systemet.",
        ),
        "apology": (
            "En undskyldning ville betyde meget.",
            "Ingen har sagt undskyld.",
            "{S} har aldrig fået en undskyldning for det, der skete.",
            "Det mindste, de kunne gøre, var at erkende, at der er sket fejl.",
            "{S} ønsker, at {kontor} erkender, at de har behandlet {O} forkert.",
            "Hvis bare nogen ville sige, at det ikke var i orden, ville {S} kunne komme videre.",
            "{S} forventer en uforbeholden undskyldning.",
            "Det ville hjælpe meget, hvis nogen bare sagde: det her gik galt, og det beklager vi.",
            "{S} vil gerne have en anerkendelse af, at forløbet har været urimeligt.",
            "Ingen har på noget tidspunkt påtaget sig ansvaret.",
            "En ærlig beklagelse ville være et godt sted at starte.",
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
            "{S} stoler ikke længere på, at det, der bliver lovet, også bliver gjort.",
            "{S} har mistet troen på, at {kontor} vil {O} det godt.",
            "Tilliden mellem {O} og {kontor} er [helt|fuldstændig] brudt sammen.",
            "{S} er nødt til at have alt på skrift, for {S} kan ikke længere stole på mundtlige aftaler.",
            "Det føles, som om {kontor} ser {O} som modpart og ikke som borger.",
            "{S} tager altid en bisidder med nu, fordi {S} ikke tør andet.",
        ),
        "dialogue": (
            "{S} vil gerne have et møde, hvor vi kan tale ordentligt sammen.",
            "Kan I hjælpe med at få en dialog i gang igen?",
            "{S} håber, at vi kan finde en vej videre sammen.",
            "{S} vil gerne mødes med nogen fra ledelsen og få talt tingene igennem.",
            "Måske kan et møde med en neutral person hjælpe.",
            "{S} vil gerne have en fast kontaktperson, som {S} kan regne med.",
            "{S} ønsker, at vi kan samarbejde igen, for det er der brug for.",
            "Kunne I hjælpe med et møde, hvor begge parter bliver hørt?",
            "{S} vil gerne finde en løsning sammen med {kontor} i stedet for at skrive frem og tilbage.",
            "Et møde med en udenforstående til at lede samtalen ville måske kunne løse op for det.",
            "{S} er åben for at mødes, hvis {kontor} også er.",
            "Det ville hjælpe, hvis vi kunne sætte os ved samme bord og tale om, hvad der er gået galt.",
        ),
        "others": (
            "{S} skriver også, så andre ikke skal opleve det samme.",
            "Det her må ikke ske for andre familier.",
            "{S} håber, at {kontor} kan lære noget af det her.",
            "Der sidder sikkert mange andre i samme situation, som ikke har kræfter til at klage.",
            "Hvis {S} kan forhindre, at det sker for andre, er det umagen værd.",
            "{S} vil gerne bidrage til, at {kontor} gør det bedre fremover.",
            "Andre i {P} situation skal ikke behandles sådan.",
            "Det her handler også om alle dem, der kommer efter {O}.",
        ),
        "long_course": (
            "Det her har stået på i [to|tre|snart fire] år.",
            "{S} har kæmpet med {kontor} {siden_lang}.",
            "Det er en lang historie, og den er ikke slut endnu.",
            "{S} har efterhånden mistet overblikket over, hvor mange gange {S} har henvendt {SIG}.",
            "Hele familien er præget af det her forløb.",
            "Det her forløb har slidt {O} helt op.",
            "Det her har fyldt hele {P} hverdag i [månedsvis|årevis|lang tid].",
            "Sagen har trukket ud så længe, at {S} næsten har glemt, hvordan det startede.",
            "{S} er helt udmattet af det lange forløb.",
            "Det er snart [to|tre] år med den samme sag, og der er ingen ende på det.",
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
    "Vi er nødt til at kunne samarbejde, for {S} skal have med {kontor} at gøre i mange år endnu.",
    "Sagen er langt fra slut, og {S} skal fortsat have {ydelse}.",
    "{S} skal stadig have kontakt med {kontor} hver [uge|måned], så det her skal fungere.",
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
