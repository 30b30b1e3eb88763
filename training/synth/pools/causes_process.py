"""Cue material for the process causes: time, answers, coordination, follow-up.

{S}/{O}/{R}/{SIG} are the writer-side complainant (jeg/hun/min klient); {R*} is reflexive and
only used when {S} is the clause's subject. {sb} is the employee, {kontor} the unit.
"""

from __future__ import annotations

from training.synth.grammar import C
from training.synth.pools.cues import CauseCues

SAGSBEHANDLINGSTID = CauseCues(
    clauses=(
        C("{S}", "har", "[stadig ikke|endnu ikke|fortsat ikke]", "fået en afgørelse på {ans}"),
        C(
            "{S}",
            "har",
            "[nu|efterhånden|snart]",
            "ventet [i |]{varighed} på [en afgørelse|svar på {ans}|at der sker noget i sagen]",
        ),
        C("{S}", "venter", "[stadig|fortsat|den dag i dag]", "på {afg}"),
        C(
            "{ans}",
            "ligger",
            "[stadig|åbenbart stadig|tilsyneladende bare]",
            "[i en bunke|hos {kontor}|og venter på at blive behandlet]",
        ),
        C("sagen", "har", "[nu|efterhånden]", "stået stille i {varighed}"),
        C(
            "der",
            "er",
            "[endnu ikke|stadig ikke|ikke]",
            "truffet nogen afgørelse[, selvom {S} søgte {dato}|]",
        ),
        C("{kontor}", "har", "[endnu ikke|stadig ikke|ikke engang]", "[behandlet|kigget på|fordelt] {ans}"),
        C(
            "det",
            "har",
            "[nu|indtil videre]",
            "taget {varighed} [bare at få sagen fordelt|at komme så langt som "
            "til en første samtale|og der er stadig ikke noget resultat]",
        ),
        C("fristen", "er", "[for længst|for mange uger siden|for flere måneder siden]", "overskredet"),
        C(
            "sagen",
            "trækker",
            "[bare|fortsat|stadig]",
            "ud, [uge efter uge|måned efter måned|uden at nogen tager ansvar for det]",
        ),
        C("{S}", "har", "[nu|efterhånden]", "ventet længere end den frist, {kontor} selv har oplyst"),
        C("intet", "er", "", "sket i sagen {siden}"),
        C("{ydelse}", "er", "[stadig ikke|endnu ikke|ikke]", "[kommet i gang|på plads|afklaret]"),
        C(
            "{S}",
            "går",
            "[bare|stadig]",
            "og venter[, uden at vide hvornår der sker noget|, mens regningerne hober sig op|]",
        ),
        C(
            "behandlingen",
            "er",
            "[igen|endnu en gang|nu]",
            "blevet udskudt [på grund af travlhed|til efter ferien|uden nærmere forklaring]",
        ),
        C(
            "{S}",
            "fik",
            "[dengang|i sin tid|i starten]",
            "at vide, at det ville tage {frist}, men nu er der gået {varighed}",
        ),
    ),
    sentences=(
        "{S} søgte {dato}, og nu er der gået {varighed}.",
        "{varighed}. Så længe har {S} nu ventet på {afg}.",
        "Hvor længe skal {S} vente på {afg}?",
        "Hver gang {S} spørger, får {S} at vide, at sagen [er i kø|snart bliver behandlet|ligger til "
        "godkendelse|er på vej].",
        "På hjemmesiden står der {frist}, men virkeligheden er en helt anden.",
        "Imens går tiden, og {S} må [låne penge af familien|udskyde ting, der ikke kan vente|klare {SIG} "
        "uden hjælp|tage fri fra arbejde igen og igen].",
        "Det er nu {antal_uger} uger siden, {S} sendte {ans}.",
        "Der sker bare ingenting.",
        "Sagen er blevet udsat [to|tre|flere] gange [uden begrundelse|med henvisning til travlhed|på grund "
        "af ferie].",
        "{S} har fået et brev om, at sagsbehandlingstiden er forlænget med yderligere {varighed}.",
        "Det kan ikke passe, at en [simpel|almindelig|ret enkel] sag skal tage så lang tid.",
        "{antal_uger} uger for at få et ja eller et nej – er det virkelig rimeligt?",
        "I mellemtiden står {ES} uden hjælp.",
    ),
    subtle=(
        "Det har taget rigtig lang tid.",
        "Der er gået mange måneder nu.",
        "{S} er ved at miste tålmodigheden.",
        "Uge efter uge er gået.",
        "Tiden går, og {S} ved ikke, hvor {S} står.",
    ),
    passing=(
        "Der gik [et par uger|lidt tid|nogle måneder], før {S} fik {afg}, men det kan {S} godt leve med.",
        "Afgørelsen kom efter {varighed}, og det er for så vidt fint nok.",
        "Ventetiden var lang, men det er ikke det, {S} klager over.",
        "{S} har accepteret, at sådan en sag tager tid.",
        "Efter {varighed} fik {S} endelig svar, og det er ikke dét, {S} er utilfreds med.",
        "Sagen blev faktisk behandlet hurtigt.",
    ),
    formal=(
        "Sagsbehandlingstiden overskrider langt de frister, {kontor} selv har fastsat[, jf. "
        "retssikkerhedslovens § 3|].",
        "Der er tale om en urimelig lang sagsbehandlingstid, som ikke er i overensstemmelse med god "
        "forvaltningsskik.",
        "{S} har ikke modtaget underretning om den forventede sagsbehandlingstid[, jf. "
        "retssikkerhedslovens § 3, stk. 2|].",
    ),
)

MANGLENDE_SVAR = CauseCues(
    clauses=(
        C(
            "{S}",
            "har",
            "[stadig ikke|aldrig|endnu ikke]",
            "fået svar på {Rp} [mails|henvendelser|beskeder|breve]",
        ),
        C(
            "{sb}",
            "svarer",
            "[aldrig|ikke|ikke længere]",
            "[på mails|på {Pp} mails|når {S} ringer|på beskeder|på telefonen]",
        ),
        C("{S}", "har", "[nu|efterhånden]", "ringet {antal_gange} uden at komme igennem"),
        C("telefonen", "bliver", "[aldrig|ikke]", "taget[, uanset hvornår {S} ringer|]"),
        C(
            "{S}",
            "har",
            "[flere gange|mange gange|gentagne gange]",
            "bedt om at blive ringet op[, men ingen ringer tilbage|]",
        ),
        C("{Pp} mails", "bliver", "[bare|tilsyneladende bare]", "sendt videre fra den ene til den anden"),
        C(
            "ingen",
            "har",
            "[endnu|stadig|nogensinde]",
            "bekræftet, at de har modtaget {Pp} [papirer|henvendelse|klage]",
        ),
        C(
            "{S}",
            "får",
            "[kun|bare]",
            "et autosvar[ om, at de har travlt| om, at {sb} er på ferie| hver gang|]",
        ),
        C("{S}", "har", "[ikke|slet ikke]", "hørt noget {siden}"),
        C("{Pn} brev", "er", "[aldrig|ikke]", "blevet besvaret"),
        C(
            "{S}",
            "kan",
            "[ikke|simpelthen ikke]",
            "komme i kontakt med [nogen|{sb}|{kontor}], [uanset hvad {S} gør|heller ikke når {S} møder op]",
        ),
        C("{S}", "bliver", "[hele tiden|igen og igen|bare]", "stillet videre[, og så ryger forbindelsen|]"),
        C("der", "kommer", "[aldrig|ikke]", "nogen kvittering for, at {Pp} papirer er modtaget"),
        C("{sb}", "ringede", "[aldrig|ikke]", "tilbage, selvom det var aftalt"),
    ),
    sentences=(
        "{S} har skrevet {antal_gange} [nu|efterhånden], [senest {dato}|sidst {dato}].",
        "Hvem skal {S} egentlig henvende {SIG} til?",
        "Der er simpelthen ingen, der svarer.",
        "{S} har lagt beskeder på telefonsvareren [tre|fire|fem|adskillige] gange.",
        "Det er, som om {Pp} mails forsvinder i et sort hul.",
        "Da {S} endelig kom igennem, fik {S} at vide, at [{sb} ville ringe tilbage|der ville komme et svar i "
        "løbet af ugen|sagen var sendt videre], men der skete ingenting.",
        "Hvis man ringer, får man at vide, at man skal skrive, og hvis man skriver, får man ikke svar.",
        "Den mailadresse, {S} fik, virker ikke længere.",
        "Telefontiden er kun en time om dagen, og linjen er altid optaget.",
        "{S} har stået i telefonkø i [45 minutter|over en time|en halv time] ad gangen.",
        "Er der overhovedet nogen, der læser det, {S} skriver?",
    ),
    subtle=(
        "Det er svært at få fat i nogen.",
        "{S} har prøvet at få fat i dem flere gange.",
        "Der har været stille fra {kontor}.",
        "{S} ved ikke, om {Pp} papirer overhovedet er kommet frem.",
    ),
    passing=(
        "{sb} har altid været god til at svare på mails, det skal siges.",
        "{S} fik hurtigt svar fra {kontor}, og det var venligt nok.",
        "{S} ringede og kom faktisk hurtigt igennem.",
        "{S} har fået svar på alle {Rp} henvendelser, så det er ikke der, problemet ligger.",
        "Svarene kommer sådan set hurtigt nok.",
    ),
    formal=(
        "{S} har ikke modtaget kvittering for {Pp} henvendelser, hvilket strider mod god forvaltningsskik.",
        "Henvendelserne, senest {dato}, er fortsat ubesvarede.",
        "Forvaltningen har ikke besvaret {Pp} skriftlige henvendelser inden for rimelig tid.",
    ),
)

KOORDINERING = CauseCues(
    clauses=(
        C("{S}", "har", "[nu|på kort tid|i løbet af sagen]", "haft {antal} forskellige sagsbehandlere"),
        C("{S}", "bliver", "[hele tiden|igen og igen|bare]", "sendt fra den ene afdeling til den anden"),
        C(
            "{S}",
            "skal",
            "[hver gang|igen og igen|hele tiden]",
            "forklare det hele forfra for en ny medarbejder",
        ),
        C("ingen", "har", "[tilsyneladende|åbenbart|]", "overblik over {E} sag"),
        C("{kontor} og {kontor2}", "taler", "[åbenbart ikke|tydeligvis ikke|ikke]", "sammen"),
        C("oplysningerne", "bliver", "[ikke|aldrig]", "givet videre, når {E} sag skifter hænder"),
        C("den nye sagsbehandler", "kendte", "[slet ikke|ikke]", "til de aftaler, der var lavet"),
        C("{E} sag", "er", "[nu|efterhånden]", "blevet flyttet {antal_gange} mellem forskellige teams"),
        C("{S}", "ved", "[ikke længere|simpelthen ikke]", "hvem der har ansvaret for {E} sag"),
        C("{kontor}", "henviser", "[bare|hele tiden]", "til {kontor2}, som henviser tilbage igen"),
    ),
    sentences=(
        "{kontor} siger, det er {kontor2}s bord, og {kontor2} siger, det er {kontor}s.",
        "Hver gang {S} får en ny sagsbehandler, starter det hele forfra.",
        "Den ene hånd ved ikke, hvad den anden gør.",
        "{S} har talt med [fire|fem|seks|mange] forskellige medarbejdere, og ingen af dem kendte sagen.",
        "Det er {S}, der må fungere som bindeled mellem afdelingerne.",
        "{S} har sendt de samme papirer til [tre|to|flere] forskellige afdelinger.",
        "Da {S} ringede, kunne de ikke finde {Pp} papirer, fordi sagen var blevet flyttet.",
        "Hvorfor skal {S} selv koordinere mellem {kontor} og {kontor2}?",
        "Ingen føler sig ansvarlig.",
    ),
    subtle=(
        "Der har været mange forskellige mennesker inde over.",
        "{S} er blevet sendt rundt i systemet.",
        "Det er svært at finde ud af, hvem man skal tale med.",
    ),
    passing=(
        "{S} har haft den samme sagsbehandler hele vejen, og det har været godt.",
        "Samarbejdet mellem {kontor} og {kontor2} fungerede faktisk fint.",
        "{S} fik en ny sagsbehandler i {maaned}, men overleveringen gik egentlig fint.",
    ),
    formal=(
        "Sagen bærer præg af manglende koordinering mellem de involverede enheder.",
        "Der er ikke udpeget en koordinerende sagsbehandler, selvom sagen involverer flere forvaltninger.",
    ),
)

OPFOELGNING = CauseCues(
    clauses=(
        C(
            "{sb}",
            "lovede",
            "[dengang|på mødet|]",
            "{promise}, men [det skete aldrig|intet skete|der skete ingenting]",
        ),
        C("{sb}", "har", "[stadig ikke|aldrig|ikke]", "gjort det, vi aftalte på {meeting}"),
        C("aftalen fra {meeting}", "er", "[aldrig|ikke]", "blevet fulgt op"),
        C("{S}", "fik", "", "at vide, at {sb} ville {promise_inf}, men {S} har ikke hørt mere"),
        C("referatet fra {meeting}", "er", "[aldrig|stadig ikke]", "kommet"),
        C("planen fra {meeting}", "er", "[aldrig|stadig ikke]", "blevet sat i værk"),
        C("ingen", "har", "[overhovedet|]", "fulgt op efter {meeting}"),
        C("{S}", "venter", "[stadig|fortsat]", "på det, der blev aftalt {dato}"),
        C("{S}", "har", "[flere gange|nu to gange|gentagne gange]", "måttet minde {sb} om aftalen"),
        C("de", "holder", "[aldrig|bare ikke]", "det, de lover"),
    ),
    sentences=(
        "På {meeting} {dato} blev vi enige om, at {sb} skulle {promise_inf}. Det er ikke sket.",
        "Der blev lovet [meget|alt muligt|en masse] på {meeting}, men bagefter skete der ingenting.",
        "Det, der blev aftalt, holder ikke.",
        "{S} troede, at vi havde en aftale.",
        "Siden {meeting} har der været helt stille.",
        "Aftalen var helt klar: {sb} skulle {promise_inf} inden [fredag|ugen efter|udgangen af måneden].",
        "Når man laver en aftale, må man også holde den.",
        "Hvad er en aftale med {kontor} egentlig værd?",
    ),
    subtle=(
        "{S} hørte ikke mere efter mødet.",
        "Det blev ved snakken.",
        "Så skete der ikke mere.",
    ),
    passing=(
        "Det, der blev lovet på {meeting}, er faktisk blevet gjort.",
        "Aftalerne fra {meeting} er blevet overholdt, og det er ikke det, sagen handler om.",
        "{sb} fulgte pænt op efter mødet.",
    ),
    formal=(
        "Forvaltningen har ikke efterlevet de aftaler, der blev indgået på {meeting}.",
        "Der er ikke fulgt op på den handleplan, der blev aftalt {dato}.",
    ),
)
