"""Frames of the different kinds of texts: greetings, introductions, tone, wishes, sign-offs."""

from __future__ import annotations

from types import MappingProxyType

GREETINGS = MappingProxyType(
    {
        "rolig": (
            "Kære Borgerrådgiver",
            "Til Borgerrådgiveren",
            "Hej",
            "Kære borgerrådgiver",
            "Til rette vedkommende",
            "Kære Borgerrådgivning",
            "Hej Borgerrådgiveren",
            "Goddag",
        ),
        "vred": ("Hej", "Til borgerrådgiveren", "", "", "Til hvem det vedkommer", "Hej borgerrådgiver"),
        "paaroerende": (
            "Kære Borgerrådgiver",
            "Til Borgerrådgiveren",
            "Hej",
            "Kære borgerrådgiver",
            "Til Borgerrådgivningen",
        ),
        "advokat": ("Til Borgerrådgiveren, Københavns Kommune", "Borgerrådgiveren", "Kære Borgerrådgiver"),
    }
)

INTROS = MappingProxyType(
    {
        "rolig": (
            "Jeg skriver til jer, fordi jeg er kørt fast i {P} sag om {emne} hos {kontor}.",
            "Jeg vil gerne klage over den måde, {kontor} har behandlet {P} sag om {emne} på.",
            "Jeg henvender mig, fordi jeg ikke ved, hvad jeg ellers skal gøre.",
            "Jeg har fået at vide, at jeg kunne skrive til jer, og det gør jeg nu.",
            "En bekendt har rådet mig til at skrive til Borgerrådgiveren.",
            "Jeg vil gerne gøre jer opmærksom på et forløb med {kontor}, som jeg ikke synes har været i "
            "orden.",
            "Jeg har længe overvejet at skrive, men nu gør jeg det.",
            "Det drejer sig om {P} sag om {emne}.",
        ),
        "vred": (
            "Nu er det nok!",
            "Jeg er SÅ træt af {kontor}.",
            "Jeg er rasende over den måde, jeg bliver behandlet på.",
            "Nu har jeg fået nok af {kontor}.",
            "Hvad foregår der egentlig hos {kontor}?",
            "Jeg skriver, fordi jeg snart ikke kan mere.",
            "Endnu en gang må jeg klage over {kontor}.",
        ),
        "paaroerende": (
            "Jeg skriver på vegne af {EO_intro}.",
            "Jeg henvender mig som pårørende til {EO_intro}.",
            "Jeg skriver om {EO_intro}. Vi kan ikke komme videre med {kontor}.",
            "Jeg er {relation_role} og skriver med {E} samtykke.",
            "Jeg vil gerne klage på vegne af {EO_intro}. {ES} har ikke selv kræfter til det.",
        ),
    }
)

ANGER = (
    "Det er fuldstændig uacceptabelt!",
    "Hvad bilder de sig ind?!",
    "Det er en skandale.",
    "Skal man virkelig finde sig i det her?",
    "Jeg er så vred, at jeg ryster.",
    "Det er simpelthen for dårligt!!",
    "I burde skamme jer.",
    "Det er under al kritik.",
    "Hvordan kan en kommune opføre sig sådan?",
    "Det er jo helt vanvittigt.",
    "Jeg har aldrig oplevet noget lignende.",
    "Det er pinligt for København.",
    "Jeg betaler min skat, og så får man det her.",
)

POLITE = (
    "Jeg håber, I vil se på sagen.",
    "Jeg er klar over, at der er travlt, men jeg synes alligevel, det er vigtigt at sige.",
    "Jeg vil gerne understrege, at jeg har forståelse for, at medarbejderne har mange sager.",
    "Jeg skriver ikke for at skabe problemer.",
    "Jeg har prøvet at være tålmodig.",
    "Tak fordi I læser min henvendelse.",
    "Jeg vil gerne være konstruktiv.",
)

# Complaints that fit any root cause (a weakly expressed label may show only as one of these).
VAGUE = (
    "Det hele har været et langt og opslidende forløb.",
    "Der er mange ting i den her sag, der ikke fungerer.",
    "Det er ikke første gang, der er problemer med {kontor}.",
    "Sagsbehandlingen har været under al kritik.",
    "Der er noget helt galt med den måde, sagen er håndteret på.",
    "{S} er dybt utilfreds med forløbet.",
    "Der er sket fejl, og ingen tager ansvar.",
    "Det burde ikke være så svært.",
    "Hele forløbet har været kaotisk.",
    "{S} synes ikke, {kontor} har gjort det godt nok.",
    "Sådan skal man ikke behandles.",
    "Det er simpelthen ikke god forvaltning.",
)

WISHES = (
    "Jeg beder jer om at [se på|undersøge|vurdere], om sagen er behandlet [korrekt|ordentligt|efter "
    "reglerne]",
    "Jeg vil [gerne|meget gerne] have hjælp til at komme videre[ med sagen|]",
    "Kan I [undersøge|finde ud af|se på], hvad der er gået galt?",
    "Jeg vil gerne vide, hvad jeg [kan|skal] gøre nu",
    "Jeg håber, I kan hjælpe [mig|] med at få [en afklaring|sagen afklaret|styr på det]",
    "Jeg forventer, at [nogen|ledelsen|kommunen] tager ansvar for det her",
    "Jeg beder om, at sagen bliver [set på|vurderet] af en anden[ medarbejder|]",
    "Hvad kan I [gøre|stille op|hjælpe med]?",
    "Jeg vil gerne have, at I kigger på sagen[ hurtigst muligt| så snart som muligt|]",
)

CLOSINGS = MappingProxyType(
    {
        "rolig": (
            "Med venlig hilsen",
            "Venlig hilsen",
            "Mvh.",
            "Med venlig hilsen og på forhånd tak",
            "Vh",
            "Hilsen",
            "På forhånd tak.\nMed venlig hilsen",
        ),
        "vred": ("Mvh", "", "", "Hilsen en meget frustreret borger", "En vred borger", "Venlig hilsen"),
        "paaroerende": (
            "Med venlig hilsen",
            "Venlig hilsen",
            "Mvh.",
            "Med venlig hilsen\nPå vegne af familien",
        ),
        "advokat": (
            "Med venlig hilsen",
            "Med venlig hilsen\nAdvokat",
            "Med venlig hilsen\nPartsrepræsentant",
        ),
    }
)

# Staff notes of a phone call or a visit. {S} is "borger"/"hun"/"han" there.
NOTE_HEADERS = MappingProxyType(
    {
        "telefonnotat": (
            "Telefonnotat",
            "Tlf.notat",
            "Notat – telefonisk henvendelse {dato_kort}",
            "Telefonisk henvendelse",
            "Notat om telefonsamtale med borger",
            "Tlf. henv.",
        ),
        "personligt_notat": (
            "Notat – personlig henvendelse",
            "Personligt fremmøde {dato_kort}",
            "Notat om fremmøde i receptionen",
            "Borger mødte op",
        ),
    }
)
NOTE_OPENINGS = MappingProxyType(
    {
        "telefonnotat": (
            "Borger ringede [i dag|{dato_kort}] vedr. {Pp} sag om {emne} hos {kontor}.",
            "Borger ringer om {emne}.",
            "Henvendelse fra borger om sag i {kontor} ({emne}).",
            "Borger har ringet og ønsker at klage over {kontor}.",
            "[Borgeren|Borger] ringede [tydeligt oprevet|meget vred|stille og roligt|og var ked af det] "
            "vedr. {emne}.",
        ),
        "personligt_notat": (
            "Borger mødte op i receptionen [i dag|{dato_kort}] vedr. {emne}.",
            "Borger kom forbi uden aftale og ønskede at tale om sin sag om {emne}.",
            "Borger henvendte sig personligt [med sin datter|med en bisidder|alene] om {emne}.",
        ),
    }
)
NOTE_REPORTING = (
    "{S} oplyser, at",
    "{S} fortæller, at",
    "{S} oplever, at",
    "{S} siger, at",
    "Ifølge borger er det sådan, at",
)
NOTE_OBSERVATIONS = (
    "Borger virker [meget presset|opgivende|vred, men saglig|tydeligt påvirket|rolig og velforberedt].",
    "Borger [græd|var ked af det|hævede stemmen] undervejs i samtalen.",
    "Samtalen varede ca. [10|15|20|30|40] min.",
    "Borger har svært ved at overskue sagen.",
    "Borger taler [godt dansk|gebrokkent dansk, men forstår det meste|hurtigt og springer i historien].",
)
NOTE_ACTIONS = (
    "Aftalt, at BR kontakter {kontor}.",
    "Vejledt om klagemuligheder.",
    "Borger sender kopi af afgørelsen på mail.",
    "BR undersøger sagen og vender tilbage inden for 14 dage.",
    "Oprettet som klage. Sendes til forvaltningen til udtalelse.",
    "Borger ønsker at blive ringet op.",
    "Borger er vejledt om aktindsigt.",
    "Vejledt om klageadgang.",
    "Borger vejledt om klageadgang til Ankestyrelsen.",
    "Vejledt om, at BR ikke kan ændre afgørelsen.",
)
# A follow-up from a citizen who has written before (TextPlan.again).
AGAIN = (
    "Det er mig igen.",
    "Så skriver jeg igen.",
    "Jeg må desværre skrive til jer igen.",
    "Endnu en gang må jeg henvende mig om {emne}.",
    "Nu er det sket igen.",
    "Jeg skriver igen, fordi intet har ændret sig.",
    "Her er jeg så igen.",
)
AGAIN_NOTE = (
    "Borger henvender sig igen[ om samme sag|].",
    "Borger ringer igen.",
    "Ny henvendelse fra borger[ i samme sag|].",
)
# The advisor's own guidance at the end of a note: says nothing about the complaint's causes.
NOTE_GUIDANCE = (
    "Vejledt om klageadgang.",
    "Vejledt om klagefristen på fire uger.",
    "Borger er vejledt om muligheden for at klage til forvaltningen først.",
    "Vejledt om BR's kompetence.",
    "Vejledt om aktindsigt og partshøring.",
    "Borger vejledt om, hvordan man klager til Ankestyrelsen.",
)

# Advocates: lawyers and representatives from interest organisations.
ADVOCATE_SUBJECTS = (
    "Vedr.: Klage over {kontor}s behandling af sagen om {emne}",
    "Klage på vegne af {klient_navn}",
    "Vedrørende {klient_navn} – {emne}",
    "Klage over sagsbehandlingen i {kontor}",
)
ADVOCATE_INTROS = (
    "Undertegnede repræsenterer {klient_navn} i sagen vedrørende {emne}.",
    "Jeg er bisidder for {klient_navn} fra [Dansk Handicap Forbund|LEV|Ældre Sagen|Bedre Psykiatri|"
    "Gadejuristen|Landsforeningen Autisme] og skriver med {klient_navn_kort}s samtykke.",
    "Som partsrepræsentant for {klient_navn} skal jeg hermed klage over {kontor}s sagsbehandling.",
    "Jeg skriver som advokat for {klient_navn}, der har bedt mig bistå i sagen om {emne}.",
)
ADVOCATE_REQUESTS = (
    "Jeg skal på den baggrund anmode Borgerrådgiveren om at undersøge sagsbehandlingen.",
    "Jeg anmoder om, at Borgerrådgiveren tager sagen op med forvaltningen.",
    "Jeg ser frem til Borgerrådgiverens bemærkninger.",
    "Kopi af relevante akter vedlægges.",
    "Jeg står naturligvis til rådighed for yderligere oplysninger.",
)

WEBFORM_PREFIXES = ("Klage over {kontor}", "Emne: {emne}", "Vedr. {emne}", "Klage", "", "", "")

# Neutral narrative: what happened when (no root cause in itself; it carries the story).
CHRONOLOGY = (
    "{dato} sendte {S} {ans}.",
    "{dato} ringede {S} til {kontor} for at høre, hvordan det gik.",
    "Ugen efter fik {S} et brev fra {kontor}.",
    "{S} mødte op til {meeting} {dato}.",
    "Til {meeting} deltog [{sb}|to medarbejdere fra {kontor}|{sb} og en leder].",
    "{S} sendte {doc} {dato}.",
    "{dato} fik {S} {afg}.",
    "Derefter skrev {S} en mail til {sb}.",
    "{S} havde [en bisidder|{R} søster|en veninde|{R} nabo] med til mødet.",
    "[Herefter|Derefter|Så] gik der [et stykke tid|nogle uger|en rum tid|lang tid|flere uger]",
    "Så kom [sommerferien|julen|efterårsferien].",
    "I {maaned} blev {S} indkaldt til {meeting}.",
    "{S} har gemt [alle breve og mails|al korrespondancen|kopier af alt|alle papirerne]",
    "Kopi af [afgørelsen|{Pp} mails|brevet fra {kontor}] er vedlagt.",
    "{S} har [i hele forløbet|hele vejen igennem|hver gang] gjort, hvad {S} blev bedt om",
    "{S} har [altid|hver gang] mødt op til [aftalerne|møderne|alle samtaler][ til tiden|]",
    "Det hele startede, da {S} sendte {ans}.",
    "[Først|I starten|Til at begynde med] [gik alt fint|gik det fint nok|var der ingen problemer|fungerede "
    "det]",
    "I starten var {S} tilfreds med samarbejdet med {kontor}.",
    "Efter {meeting} fik {S} at vide, at sagen skulle behandles igen.",
    "{dato} kom der et brev i e-Boks.",
    "{S} har haft kontakt med {kontor} mange gange i løbet af sagen.",
    "Sagen har kørt {siden_lang}.",
    "{S} har boet i København i [to|fem|mange|tolv|næsten tre] år.",
    "For [et halvt år|to måneder|et år|tre uger] siden flyttede {S} til en ny lejlighed.",
    "{S} har været i kontakt med {kontor} i [flere år|to år|et års tid|mange måneder].",
    "I de sidste [to|tre|fire] måneder har {S} [været sygemeldt|haft travlt på arbejdet|passet {R} syge "
    "mor|gået til genoptræning].",
    "{S} skrev til {kontor} igen {dato}.",
    "Samme dag talte {S} med {sb} i telefonen.",
    "[Et par|Nogle|Tre] dage senere kom der et nyt brev.",
    "{S} har [prøvet|forsøgt] at løse det [selv først|direkte med {kontor} først|på egen hånd]",
    "{S} har også talt med [{R} læge|en rådgiver fra fagforeningen|en socialrådgiver fra en frivillig "
    "organisation|Retshjælpen] om sagen.",
)
CONSEQUENCES = (
    "Det har betydet, at {S} [ikke har kunnet sove|er blevet sygemeldt|har måttet låne penge|har mistet "
    "overblikket|ikke har kunnet passe {Rn} arbejde].",
    "Hele situationen påvirker [familien|børnene|{Pn} helbred] meget.",
    "[Økonomien|{P} økonomi] er [helt i bund|presset til det yderste|meget stram]",
    "{S} har ikke råd til [husleje|mad|medicin] i denne måned.",
    "{P} [læge|psykolog|egen læge] er [bekymret for {O}|begyndt at blive bekymret]",
    "Det går ud over [{Pp} børn|hele familien|{Pn} helbred|{Pn} arbejde]",
    "{S} er [bange for|nervøs for|holdt op med] at åbne e-Boks",
    "Det har kostet {O} [rigtig mange|alt for mange|de sidste] kræfter",
    "{S} har været nødt til at bede [familien|{Rp} forældre|venner|naboen] om hjælp",
)
