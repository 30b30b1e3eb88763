"""Cue material for communication, staff conduct, involvement (partshøring) and guidance."""

from __future__ import annotations

from training.synth.grammar import C
from training.synth.pools.cues import CauseCues

KOMMUNIKATION = CauseCues(
    clauses=(
        C("{S}", "forstår", "[simpelthen ikke|stadig ikke|ikke]", "det brev, {S} har fået fra {kontor}"),
        C(
            "brevet",
            "er",
            "[fyldt med|skrevet i|helt fyldt med]",
            "[paragraffer og fagudtryk|et sprog, som "
            "almindelige mennesker ikke forstår|forkortelser og henvisninger]",
        ),
        C("{S}", "har", "", "fået [to|tre] forskellige svar fra [to|tre] forskellige medarbejdere"),
        C("{sb}", "sagde", "", "én ting i telefonen, og så stod der noget helt andet i brevet"),
        C(
            "{S}",
            "ved",
            "[stadig ikke|ikke]",
            "[hvad afgørelsen egentlig betyder for {O}|om {S} skal betale eller ej|hvad {S} skal gøre nu]",
        ),
        C(
            "{S}",
            "kan",
            "[ikke|simpelthen ikke]",
            "finde hoved og hale i [brevet|afgørelsen|de breve, {S} får]",
        ),
        C("der", "står", "[intet|ikke noget]", "i brevet om, hvad {S} skal gøre nu"),
        C("oplysningerne på hjemmesiden", "passer", "ikke", "med det, {sb} siger"),
        C(
            "brevene",
            "kommer",
            "[kun|altid]",
            "i e-Boks[, og {S} kan ikke finde ud af det|, selvom {S} har bedt om papirbreve|]",
        ),
        C("{S}", "får", "[hele tiden|igen og igen]", "modstridende beskeder fra {kontor}"),
        C("de", "skriver", "[aldrig|ikke]", "i et sprog, {S} kan forstå"),
    ),
    sentences=(
        "Hvad betyder det egentlig, når der står, at '[der er foretaget en konkret og individuel vurdering|"
        "ydelsen ophører jf. de gældende regler|sagen er overgået til myndighedsafdelingen|De er visiteret "
        "efter servicelovens bestemmelser]'?",
        "Det ene brev siger én ting, det næste noget helt andet.",
        "{S} har læst brevet [flere gange|fem gange|igen og igen] og er stadig ikke klogere.",
        "Først fik {S} at vide, at [pengene ville komme|det var godkendt|alt var i orden], og ugen efter kom "
        "der et brev om det modsatte.",
        "Hvorfor kan de ikke bare skrive, hvad de mener, i et almindeligt sprog?",
        "Brevet er på [fire|fem|seks] sider og henviser til paragraffer, men der står ikke, hvad {S} skal "
        "gøre.",
        "{sb} sagde, at det var i orden, men det var det så ikke alligevel.",
        "{S} har [dansk som andetsprog|ordblindhed|svært ved at læse] og har brug for, at tingene bliver "
        "forklaret.",
        "Man får ét svar i telefonen og et andet på mail.",
        "Selv {P} [søster|nabo|datter], der arbejder på et kontor, kunne ikke forklare brevet.",
    ),
    subtle=(
        "Det er svært at forstå, hvad de mener.",
        "Beskederne har været meget forskellige.",
        "{S} blev i tvivl om, hvad der egentlig gjaldt.",
    ),
    passing=(
        "Brevet var sådan set klart nok.",
        "{sb} forklarede det hele grundigt i telefonen.",
        "{S} har forstået brevet fint.",
    ),
    formal=(
        "Afgørelsen er formuleret så uklart, at {S} ikke har kunnet forstå dens rækkevidde.",
        "{S} har modtaget modstridende oplysninger fra forvaltningen om sagens status.",
    ),
)

MEDARBEJDERADFAERD = CauseCues(
    clauses=(
        C("{sb}", "talte", "", "ned til {O}[ som til et barn| som om {S} var dum|]"),
        C("{sb}", "var", "[direkte|meget|dybt]", "[uhøflig|nedladende|arrogant|afvisende] over for {O}"),
        C("{S}", "blev", "[nærmest|direkte|]", "behandlet som en [løgner|kriminel|snyder|idiot]"),
        C("{sb}", "himlede", "[bare|]", "med øjnene, da {S} forklarede {R} situation"),
        C("{sb}", "afbrød", "", "{O} [hele tiden|konstant|gang på gang|midt i en sætning]"),
        C("{S}", "følte", "", "{SIG} [ydmyget|som en snyder|overset|talt ned til|mistænkeliggjort]"),
        C(
            "{sb}",
            "sagde",
            "[direkte|ligeud|]",
            "til {O}, at [{S} bare kunne tage {SIG} sammen|det var {P} egen "
            "skyld|{S} skulle lade være med at ringe så meget]",
        ),
        C("{sb}", "grinede", "", "ad {O}[ i telefonen| foran de andre|]"),
        C(
            "tonen",
            "har",
            "[fra starten|hele vejen igennem|hele tiden]",
            "været [hård|kold|mistænkeliggørende|nedladende]",
        ),
        C("{sb}", "hævede", "", "stemmen over for {O}[ foran {Pp} børn| foran de andre i venteværelset|]"),
        C("{S}", "bliver", "[hele tiden|konsekvent|altid]", "mødt med mistillid"),
        C("{sb}", "smækkede", "", "røret på[, da {S} spurgte ind til sagen|]"),
        C("{sb}", "ignorerede", "[fuldstændig|totalt|bare]", "det, {S} sagde"),
        C(
            "{sb}",
            "truede",
            "[nærmest|ligefrem|]",
            "med at [stoppe {Pp} penge|lave en underretning|lukke sagen], "
            "hvis {S} ikke gjorde, som der blev sagt",
        ),
    ),
    sentences=(
        "Det er ikke sådan, man taler til mennesker.",
        "{sb} sagde ordret: '[Det må du selv finde ud af|Så må du jo klage|Det er ikke mit problem|Du er "
        "ikke "
        "den eneste, der har det svært]'.",
        "{S} gik fra mødet og [græd|rystede|var helt knust].",
        "Man bliver mødt, som om man er ude på at snyde.",
        "{S} har aldrig været så ydmyget.",
        "{sb} sad og kiggede på sin telefon under hele mødet.",
        "Det var meget ubehageligt at sidde over for {sb}.",
        "Der blev sukket og himlet med øjnene, hver gang {S} stillede et spørgsmål.",
        "Hvordan kan man tillade sig at tale sådan til et menneske, der i forvejen har det svært?",
        "Den tone, {S} blev mødt med, var under al kritik.",
    ),
    subtle=(
        "Mødet var ubehageligt.",
        "{S} følte {SIG} ikke godt behandlet.",
        "Tonen kunne have været bedre.",
        "{S} blev ikke mødt særlig venligt.",
    ),
    passing=(
        "{sb2} [var meget venlig|har været fantastisk|gjorde alt, hvad der var muligt|var rigtig sød og "
        "hjælpsom], det vil {S} gerne sige.",
        "Medarbejderne ved skranken har altid været søde og hjælpsomme.",
        "{S} har intet at udsætte på den måde, {sb} har behandlet {O} på.",
        "Der er ingen, der har været uhøflige, det vil {S} gerne understrege.",
        "{sb2} var den eneste, der tog sig tid til at lytte.",
    ),
    formal=(
        "Den tone, {S} er blevet mødt med, lever ikke op til kravene om god forvaltningsskik.",
        "Medarbejderens optræden over for {O} har været mistænkeliggørende og nedværdigende.",
    ),
)

PARTSHOERING = CauseCues(
    clauses=(
        C(
            "{S}",
            "fik",
            "[aldrig|ikke]",
            "mulighed for at kommentere [de oplysninger, de lagde vægt på|{doc}|det, der stod i sagen]",
        ),
        C("de", "besluttede", "[det hele|det]", "uden at spørge {O}"),
        C("afgørelsen", "bygger", "", "på oplysninger, {S} aldrig har set"),
        C("ingen", "har", "[på noget tidspunkt|nogensinde|]", "spurgt {O} om {P} mening"),
        C("{S}", "blev", "[slet ikke|ikke]", "inddraget, før {afg} blev truffet"),
        C("{S}", "hørte", "[først|]", "om {afg}, da brevet kom"),
        C(
            "{kontor}",
            "har",
            "",
            "talt med [{E} læge|skolen|{P} arbejdsgiver|naboerne|plejehjemmet] uden at fortælle {O} det",
        ),
        C(
            "{S}",
            "har",
            "[aldrig|ikke]",
            "set [den udtalelse|det notat|den vurdering], som afgørelsen henviser til",
        ),
        C("beslutningen", "blev", "", "truffet hen over hovedet på {O}"),
        C(
            "{S}",
            "fik",
            "[kun|bare]",
            "[tre|fem|to] dage til at svare[, og det var midt i sommerferien|, og det "
            "var, mens {S} var indlagt|]",
        ),
        C(
            "de",
            "lagde",
            "",
            "vægt på [en gammel journal|et notat fra en telefonsamtale|noget, naboen har sagt|"
            "en udtalelse, {S} aldrig har fået] uden at vise {O} det",
        ),
    ),
    sentences=(
        "Hvorfor kunne {S} ikke få lov at sige noget, før de besluttede det?",
        "Det føles, som om det hele var besluttet på forhånd.",
        "{S} blev først klar over, hvad der stod i sagen, da afgørelsen kom.",
        "De talte om {EO}, men ikke med {O}.",
        "Hvis {S} havde fået lov til at forklare {SIG}, var afgørelsen blevet en anden.",
        "Ingen ringede for at høre {P} side af sagen.",
        "I afgørelsen står der, at {S} er blevet hørt, men det er {S} ikke.",
        "Det var, som om {S} slet ikke var en del af {P} egen sag.",
    ),
    subtle=(
        "{S} var ikke med, da det blev besluttet.",
        "Det hele foregik uden om {O}.",
        "{S} føler {SIG} sat uden for.",
    ),
    passing=(
        "{S} blev spurgt om {R} mening, inden de besluttede noget, og det satte {S} pris på.",
        "{S} fik et høringsbrev og svarede på det, så det er ikke det, det handler om.",
        "{S} blev inddraget undervejs, det skal de have.",
    ),
    formal=(
        "Forvaltningen har undladt at partshøre {O} over oplysninger af væsentlig betydning for sagen, jf. "
        "forvaltningslovens § 19.",
        "{S} er ikke blevet partshørt forud for afgørelsen.",
    ),
)

VEJLEDNING = CauseCues(
    clauses=(
        C(
            "ingen",
            "fortalte",
            "",
            "{O}, at [{S} kunne søge om hjælp|der var en frist|{S} kunne klage|{S} havde "
            "ret til en bisidder]",
        ),
        C("{S}", "fik", "", "forkert vejledning af {sb}[ og har nu mistet {beløb}|]"),
        C(
            "{S}",
            "vidste",
            "[ikke|slet ikke]",
            "[at der var en klagefrist|at {S} kunne få hjælp|at der fandtes en anden mulighed]",
        ),
        C("klagefristen", "var", "[allerede|]", "overskredet, da {S} fandt ud af, at man kunne klage"),
        C(
            "{sb}",
            "sagde",
            "",
            "til {O}, at det ikke kunne betale sig at søge[, men det kunne det|, og det var forkert|]",
        ),
        C("der", "stod", "[intet|ikke noget]", "i brevet om, hvordan {S} kunne klage"),
        C(
            "{S}",
            "blev",
            "[aldrig|ikke]",
            "gjort opmærksom på, at {S} skulle [indsende papirerne inden en frist|"
            "melde {SIG} ledig|søge inden tre måneder]",
        ),
        C(
            "{S}",
            "fandt",
            "[først|]",
            "ud af det ved et tilfælde[ gennem en veninde|, da {S} læste på nettet|]",
        ),
        C("{S}", "har", "[selv|]", "måttet finde ud af alt på borger.dk og i Facebook-grupper"),
        C("{sb}", "henviste", "[bare|kun]", "til hjemmesiden, da {S} spurgte, hvad {S} skulle gøre"),
    ),
    sentences=(
        "Hvis nogen havde fortalt {O} det fra starten, var {S} aldrig endt her.",
        "Hvorfor sagde ingen noget om fristen?",
        "{S} gjorde præcis, som {sb} sagde, og nu får {S} at vide, at det var forkert.",
        "Det er {S}, der skal betale prisen for, at {S} fik den forkerte besked.",
        "Ingen fortalte {O}, at man kunne få [en bisidder|hjælp til transport|tilskud|en partsrepræsentant].",
        "Man skal åbenbart selv vide, hvad man har ret til.",
        "Havde {S} vidst det, havde {S} søgt meget tidligere.",
    ),
    subtle=(
        "Det havde været rart at vide noget mere om mulighederne.",
        "{S} vidste ikke, hvad {S} skulle gøre.",
        "Ingen forklarede rigtigt, hvordan det hele hænger sammen.",
    ),
    passing=(
        "{sb} var god til at forklare, hvilke muligheder {S} havde.",
        "{S} fik at vide, hvordan man klager, og har også gjort det.",
        "Der stod en klar klagevejledning i brevet.",
    ),
    formal=(
        "Forvaltningen har tilsidesat sin vejledningspligt efter forvaltningslovens § 7.",
        "Afgørelsen indeholdt ingen klagevejledning.",
    ),
)
