"""Cue material for the decision causes: reasons, case facts, file access, outcome, data protection."""

from __future__ import annotations

from training.synth.grammar import C
from training.synth.pools.cues import CauseCues

BEGRUNDELSE = CauseCues(
    clauses=(
        C("der", "står", "[ingenting|intet|ikke et ord]", "i afgørelsen om, hvorfor {S} har fået afslag"),
        C("afgørelsen", "siger", "[bare|kun]", "nej uden at forklare hvorfor"),
        C("{S}", "aner", "[stadig ikke|ikke]", "hvorfor det blev et nej"),
        C(
            "de",
            "skriver",
            "[bare|kun]",
            "at de har foretaget en samlet vurdering, men ikke hvad de har vurderet",
        ),
        C("{S}", "har", "[flere gange|to gange|]", "bedt om en forklaring på afgørelsen uden at få den"),
        C("ingen", "kan", "", "forklare {O}, hvad afgørelsen bygger på"),
        C(
            "der",
            "henvises",
            "[kun|bare]",
            "til en paragraf, men der står ikke, hvordan den passer på {E} sag",
        ),
        C("brevet", "forklarer", "[ikke|slet ikke]", "hvorfor de ikke lægger vægt på {doc}"),
        C("{S}", "har", "[stadig ikke|aldrig]", "fået at vide, hvad der skulle til for at få et ja"),
    ),
    sentences=(
        "Hvorfor? Det står der ingenting om.",
        "Et afslag på [tre|to|fire] linjer uden en eneste begrundelse.",
        "{S} vil bare gerne forstå, hvad de har lagt vægt på.",
        "Når man får et nej, må man vel have at vide hvorfor.",
        "Der står bare, at {S} 'ikke opfylder betingelserne', men ikke hvilke.",
        "Hvad er det for regler, de bygger det på?",
        "Hvordan skal {S} kunne klage, når {S} ikke ved, hvorfor de har sagt nej?",
    ),
    subtle=(
        "{S} forstår ikke rigtig, hvorfor det endte sådan.",
        "Det er lidt uklart, hvad de har lagt vægt på.",
    ),
    passing=(
        "Afgørelsen er grundigt begrundet, det skal de have.",
        "{S} kan godt følge begrundelsen.",
        "Der står udmærket, hvorfor de har sagt nej.",
    ),
    formal=(
        "Afgørelsen opfylder ikke kravene til begrundelse i forvaltningslovens §§ 22 og 24.",
        "Der er ikke redegjort for de hovedhensyn, der har været bestemmende for skønsudøvelsen.",
    ),
)

SAGSOPLYSNING = CauseCues(
    clauses=(
        C("de", "har", "[slet ikke|ikke|tydeligvis ikke]", "læst {doc}"),
        C(
            "{doc}",
            "er",
            "[åbenbart|tilsyneladende|helt]",
            "[blevet overset|ikke kommet med i sagen|forsvundet]",
        ),
        C("der", "står", "", "[forkerte oplysninger|direkte fejl|ting, der ikke passer] i {E} sag"),
        C(
            "de",
            "har",
            "",
            "skrevet, at {ES} [kan arbejde fuld tid|har en bil|bor sammen med nogen|har sagt nej "
            "til tilbuddet], og det passer ikke",
        ),
        C(
            "afgørelsen",
            "bygger",
            "",
            "på [en gammel|en forkert|en forældet] [lægeerklæring|vurdering|adresse|indkomst]",
        ),
        C(
            "ingen",
            "har",
            "[nogensinde|endnu|]",
            "indhentet oplysninger fra [{E} læge|hospitalet|psykiatrien|skolen|{E} psykolog]",
        ),
        C("de", "har", "", "[blandet {E} sag sammen med en andens|forvekslet {EO} med en anden borger]"),
        C(
            "{S}",
            "har",
            "[flere gange|to gange|]",
            "sendt {doc}, men {kontor} siger, at de ikke har modtaget noget",
        ),
        C("{sb}", "har", "[aldrig|ikke]", "været ude at se, hvordan {ES} faktisk har det"),
        C(
            "de",
            "har",
            "[fuldstændig|helt]",
            "overset, at {ES} [er blevet opereret|har fået en ny diagnose|har "
            "skiftet adresse|har været indlagt]",
        ),
        C("beløbet", "er", "", "regnet ud fra [forkerte tal|en forkert indtægt|en forkert husleje]"),
    ),
    sentences=(
        "Det, der står i sagen, er simpelthen ikke rigtigt.",
        "{doc} har ligget i sagen {siden}, men der står intet om det i afgørelsen.",
        "Hvordan kan de træffe en afgørelse uden at have talt med {E} læge?",
        "De har regnet forkert: [indtægten|huslejen|beløbet] står som {beløb}, men det rigtige er noget helt "
        "andet.",
        "{S} har [to|tre] gange bedt dem om at rette fejlen i sagen.",
        "Hvis de havde læst papirerne, ville de vide, at [{ES} ikke kan gå på trapper|{ES} har været indlagt|"
        "{ES} har betalt|det er en fejl].",
        "De har ikke engang spurgt {E} læge.",
    ),
    subtle=(
        "Der er ting i sagen, som ikke helt passer.",
        "{S} tror ikke, de har set alle papirerne.",
        "Der mangler vist noget i sagen.",
    ),
    passing=(
        "De har alle papirerne, og oplysningerne er korrekte nok.",
        "{S} er ikke i tvivl om, at de har læst det hele.",
        "Lægepapirerne er kommet med i sagen.",
    ),
    formal=(
        "Sagen er ikke tilstrækkeligt oplyst, jf. officialprincippet.",
        "Forvaltningen har ikke inddraget de lægelige oplysninger, der forelå, herunder {doc}.",
    ),
)

AKTINDSIGT = CauseCues(
    clauses=(
        C(
            "{S}",
            "bad",
            "[for {varighed} siden|{dato}]",
            "om aktindsigt i {E} sag, men har stadig ikke fået noget",
        ),
        C(
            "{S}",
            "fik",
            "[kun|bare]",
            "en del af akterne[, resten var overstreget|, og vigtige notater manglede|]",
        ),
        C("de", "har", "", "afvist {P} anmodning om at se papirerne i sagen"),
        C(
            "{S}",
            "har",
            "[endnu ikke|stadig ikke|aldrig]",
            "fået lov at se, hvad der står om {EO} i journalen",
        ),
        C("halvdelen af siderne", "var", "", "sortstreget uden forklaring"),
        C("notatet fra {meeting}", "var", "[ikke|slet ikke]", "med i den aktindsigt, {S} fik"),
    ),
    sentences=(
        "Det er {E} egne papirer – hvorfor må {S} ikke se dem?",
        "{S} bad om aktindsigt {dato}. [Ingen reaktion|Stadig intet|Intet svar].",
        "Hvad står der om {EO}, som {S} ikke må se?",
        "{S} vil gerne se hele sagen, også de interne mails.",
        "Det tog {varighed} at få aktindsigt, og så manglede der alligevel dokumenter.",
    ),
    subtle=(
        "{S} har bedt om at se papirerne i sagen.",
        "{S} ville gerne vide, hvad de har skrevet.",
    ),
    passing=(
        "{S} fik hurtigt aktindsigt, og det var fint.",
        "Via aktindsigten kunne {S} se, at [der var skrevet mange notater|sagen var blevet flyttet "
        "rundt|der var "
        "sket en fejl].",
    ),
    formal=(
        "Anmodningen om aktindsigt er ikke besvaret inden for fristen på 7 arbejdsdage, jf. "
        "offentlighedslovens § 36.",
        "Der er givet delvist afslag på aktindsigt uden tilstrækkelig begrundelse.",
    ),
)

AFGOERELSENS_INDHOLD = CauseCues(
    clauses=(
        C("{S}", "er", "[simpelthen|helt|bare]", "uenig i {afg}"),
        C("{afg}", "er", "[simpelthen|helt|direkte]", "forkert[, og {S} vil have den lavet om|]"),
        C("{S}", "kan", "[ikke|simpelthen ikke]", "se, at afslaget er rimeligt"),
        C("{S}", "mener", "[fortsat|stadig|]", "at resultatet er forkert"),
        C("resultatet", "er", "[helt|fuldstændig|]", "urimeligt for {EO}"),
    ),
    sentences=(
        "{S} vil have {afg} lavet om.",
        "Det er den forkerte afgørelse.",
        "{S} synes ikke, afgørelsen er retfærdig.",
        "Andre i samme situation har fået ja, så hvorfor ikke {EO}?",
        "Det giver ingen mening, at svaret blev nej.",
    ),
    subtle=(
        "{S} er ikke tilfreds med resultatet.",
        "Udfaldet overraskede {O}.",
    ),
    passing=(
        "{S} er sådan set enig i selve afgørelsen.",
        "Det er ikke selve afgørelsen, {S} er utilfreds med.",
        "Afgørelsen kan {S} godt leve med.",
    ),
    formal=(
        "{S} er uenig i afgørelsens resultat og anmoder om, at sagen genvurderes.",
        "Det gøres gældende, at afgørelsen er materielt forkert.",
    ),
)

DATABESKYTTELSE = CauseCues(
    clauses=(
        C(
            "{kontor}",
            "har",
            "",
            "sendt {Pp} [oplysninger|papirer|journal] til en [forkert|anden] [person|borger|adresse]",
        ),
        C("{S}", "har", "", "fået en anden borgers [afgørelse|journal|papirer] i {P} e-Boks"),
        C(
            "{sb}",
            "fortalte",
            "",
            "[{P} nabo|{P} arbejdsgiver|{P} eks|naboerne] om {E} sag uden at spørge {O} først",
        ),
        C(
            "{E} [diagnose|sag|journal]",
            "blev",
            "",
            "diskuteret højt [i venteværelset|ved skranken|foran andre borgere]",
        ),
        C(
            "{Pn} CPR-nummer",
            "stod",
            "",
            "[i en mail til flere modtagere|synligt på en kuvert|i en mail, der gik til hele klassen]",
        ),
        C(
            "oplysninger om {EO}",
            "er",
            "",
            "blevet delt med [skolen|{P} udlejer|jobcentret|en forkert afdeling] uden samtykke",
        ),
    ),
    sentences=(
        "Hvordan kan det ske, at helt fremmede nu ved, at {ES} [har en psykisk lidelse|er på "
        "kontanthjælp|har "
        "en sag i Familieafdelingen]?",
        "{S} fik et brev, der var til en helt anden borger, med navn og CPR-nummer.",
        "Hvem har ellers fået {Pp} oplysninger?",
        "{S} føler {SIG} udstillet.",
        "Det er personlige oplysninger, og de er blevet behandlet [helt uforsvarligt|sjusket|uden omtanke].",
    ),
    subtle=(
        "{S} er bekymret for, hvem der har adgang til {Pp} oplysninger.",
        "Der er nogen, der har set ting, de ikke skulle se.",
    ),
    passing=(
        "{S} har givet samtykke til, at de må indhente oplysninger fra {E} læge.",
        "{S} er ikke bekymret for {Pp} oplysninger – det er ikke det, det handler om.",
    ),
    formal=(
        "Der er sket et brud på persondatasikkerheden, og {S} ønsker oplyst, om Datatilsynet er orienteret.",
        "Videregivelsen er sket uden samtykke og uden hjemmel.",
    ),
)
