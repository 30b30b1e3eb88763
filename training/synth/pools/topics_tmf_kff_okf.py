"""Topics of Teknik- og Miljøforvaltningen (TMF), Kultur- og Fritidsforvaltningen (KFF, incl.
Borgerservice) and Økonomiforvaltningen (OKF)."""

from __future__ import annotations

from training.synth.pools.topic import Topic

TMF = (
    Topic(
        code="parkering",
        department="TMF",
        name="parkering",
        ans=(
            "{P} indsigelse mod afgiften",
            "{P} ansøgning om beboerlicens",
            "{P} klage over parkeringsafgiften",
            "{P} ansøgning om handicap-parkeringsplads",
        ),
        afg=(
            "afgørelsen om parkeringsafgiften",
            "afslaget på {P} indsigelse",
            "afgørelsen om beboerlicens",
            "svaret på {P} indsigelse",
        ),
        ydelse=("parkeringsafgiften", "{P} beboerlicens", "afgiften på {beløb}", "licensen"),
        staff=(
            "parkeringsvagten",
            "sagsbehandleren i Center for Parkering",
            "medarbejderen i kundeservice",
            "den ansvarlige medarbejder",
        ),
        offices=(
            "Center for Parkering",
            "Parkering København",
            "kundeservice",
            "Teknik- og Miljøforvaltningen",
        ),
        docs=(
            "{Pp} billeder af skiltningen",
            "kvitteringen fra appen",
            "{Pn} handicapkort",
            "dokumentationen for, at bilen var på værksted",
        ),
        meetings=("telefonsamtalen med kundeservice", "samtalen med Center for Parkering"),
        promises=(
            "at annullere afgiften",
            "at sende en ny opkrævning uden gebyr",
            "at undersøge sagen og vende tilbage",
            "at sende licensen med posten",
        ),
        background=(
            "{S} fik en parkeringsafgift på {beløb} [på Østerbro|i Valby|på Islands Brygge|på Nørrebro|i "
            "Nordhavn] {dato}",
            "{S} har boet i zonen i [seks|ti|femten] år og har altid haft beboerlicens",
            "{S} havde betalt via appen, men appen virkede ikke den dag",
            "skiltet var dækket af [et stillads|en container|grene] og kunne ikke ses",
        ),
        outcomes=(
            "afgiften er uberettiget, for bilen holdt lovligt",
            "{S} er uenig i afslaget på {P} indsigelse",
            "det er forkert, at {S} skal betale afgiften, når skiltningen var mangelfuld",
        ),
        details=(
            "{S} har billeder, der viser, at skiltet var væk",
            "afgiften er nu steget til {beløb} med gebyrer",
            "det drejer sig om en afgift fra {dato}",
        ),
        ongoing=0.1,
        appeal="",
        amount=(510, 1600),
    ),
    Topic(
        code="byggesag",
        department="TMF",
        name="byggesag",
        ans=(
            "{P} ansøgning om byggetilladelse",
            "ansøgningen om [en altan|en tagterrasse|et kvistvindue|en tilbygning|nye vinduer]",
            "{P} byggeansøgning",
        ),
        afg=(
            "afgørelsen i byggesagen",
            "afslaget på byggetilladelsen",
            "påbuddet",
            "dispensationsafgørelsen",
        ),
        ydelse=("byggesagen", "{P} byggeprojekt", "tilladelsen", "projektet"),
        staff=(
            "sagsbehandleren i byggesagsafdelingen",
            "{P} sagsbehandler",
            "arkitekten i forvaltningen",
            "den byggesagkyndige",
            "byggesagsbehandleren",
        ),
        offices=(
            "Center for Bygninger",
            "byggesagsafdelingen",
            "Teknik- og Miljøforvaltningen",
            "Byggeri København",
        ),
        docs=(
            "tegningerne",
            "de statiske beregninger",
            "naboernes underskrifter",
            "den reviderede ansøgning",
            "brandteknisk dokumentation",
        ),
        meetings=("mødet i Center for Bygninger", "besigtigelsen", "forhåndsdialogmødet"),
        promises=(
            "at behandle sagen inden sommerferien",
            "at sende et udkast til høring",
            "at ringe, når sagen var fordelt",
            "at se på de reviderede tegninger inden for 14 dage",
        ),
        background=(
            "{S} søgte om tilladelse til [en altan|en tagterrasse|en tilbygning|en kvist|at udvide "
            "køkkenet] {dato_lang}",
            "vi er en andelsboligforening med [24|36|48|60] lejligheder på [Østerbro|Vesterbro|Frederiksberg "
            "Allé|Amager]",
            "håndværkerne har været booket i månedsvis og skal nu aflyses",
            "{S} har brugt {beløb} på arkitekt og rådgivning",
        ),
        outcomes=(
            "afslaget på altanen er forkert, når naboejendommen har fået lov til det samme",
            "påbuddet om at fjerne [skuret|hegnet|carporten] er urimeligt",
            "{S} er uenig i, at projektet strider mod lokalplanen",
        ),
        details=(
            "byggeriet skulle have været startet i {maaned}",
            "prisen hos entreprenøren er steget med {beløb} i ventetiden",
            "sagen er blevet sendt frem og tilbage mellem [to|tre] afdelinger",
        ),
        ongoing=0.35,
        appeal="Planklagenævnet",
        amount=(20000, 450000),
    ),
    Topic(
        code="renovation",
        department="TMF",
        name="renovation",
        ans=(
            "{P} henvendelse om [skraldeafhentningen|storskraldet|affaldsspandene]",
            "{P} anmodning om [en ny container|en ekstra spand|fritagelse for gebyret]",
            "{P} klage over afhentningen",
        ),
        afg=(
            "afgørelsen om affaldsgebyret",
            "svaret om afhentningen",
            "beslutningen om [placeringen af containerne|den nye ordning]",
        ),
        ydelse=("afhentningen af affald", "storskraldsordningen", "affaldsgebyret", "affaldsordningen"),
        staff=(
            "medarbejderen hos [Amager Ressourcecenter|renovationen]",
            "kundeservice",
            "medarbejderen i Affald og Genbrug",
            "renovationsmedarbejderen",
        ),
        offices=(
            "Affald og Genbrug",
            "renovationen",
            "Teknik- og Miljøforvaltningen",
            "kundeservice hos [Amager Ressourcecenter|renovationsselskabet]",
        ),
        docs=("{Pp} billeder af skraldet", "fakturaen på gebyret", "{Pp} tidligere henvendelser"),
        meetings=("samtalen med kundeservice",),
        promises=(
            "at sende en bil samme uge",
            "at udskifte containeren",
            "at refundere gebyret",
            "at flytte afhentningsdagen",
        ),
        background=(
            "skraldet i [gården|vores opgang|vores ejendom] er ikke blevet hentet i [tre|fire|fem] uger",
            "{S} bor i [en ejendom med 30 lejligheder|et rækkehus i Brønshøj|en villa i Vanløse|en "
            "lejlighed på Amager]",
            "der ligger storskrald [på fortovet|i gården|foran døren] og spærrer for [barnevogne|kørestole]",
        ),
        outcomes=(
            "affaldsgebyret er for højt i forhold til den service, vi får",
            "{S} er uenig i, at ejendommen skal betale for en ekstra tømning",
        ),
        details=(
            "der er kommet rotter i gården",
            "det lugter i hele opgangen",
            "skraldebilen kører forbi uden at stoppe",
        ),
        ongoing=0.3,
        appeal="",
        amount=(400, 5000),
    ),
    Topic(
        code="vejarbejde",
        department="TMF",
        name="vejarbejde",
        ans=(
            "{P} henvendelse om vejarbejdet",
            "{P} anmodning om [erstatning|støjdæmpning|en midlertidig adgangsvej]",
            "{P} klage over [støjen|afspærringen|gravearbejdet]",
        ),
        afg=(
            "afgørelsen om erstatning",
            "gravetilladelsen",
            "dispensationen til natarbejde",
            "afslaget på erstatning",
        ),
        ydelse=("vejarbejdet", "afspærringen", "gravearbejdet foran {Pn} hus", "renoveringen af gaden"),
        staff=(
            "projektlederen",
            "medarbejderen i Center for Trafik og Byliv",
            "vejmyndigheden",
            "entreprenørens kontaktperson",
        ),
        offices=(
            "Center for Trafik og Byliv",
            "vejmyndigheden",
            "Teknik- og Miljøforvaltningen",
            "Byens Drift",
        ),
        docs=(
            "{Pp} billeder af skaderne",
            "regningen fra [glarmesteren|mekanikeren]",
            "tidsplanen for arbejdet",
        ),
        meetings=("borgermødet om vejarbejdet", "besigtigelsen"),
        promises=(
            "at arbejdet ville være færdigt i {maaned}",
            "at der ikke ville blive arbejdet om natten",
            "at sikre adgangen til butikken",
            "at sende en tidsplan",
        ),
        background=(
            "gaden foran {Pn} hus har været gravet op {siden_lang}",
            "{S} driver en [lille butik|frisørsalon|café] på [Nørrebrogade|Amagerbrogade|Vesterbrogade|"
            "Frederikssundsvej]",
            "der bliver arbejdet [om natten|fra klokken seks om morgenen|i weekenderne]",
        ),
        outcomes=(
            "afslaget på erstatning er urimeligt, når omsætningen er faldet med {beløb}",
            "{S} er uenig i, at arbejdet ikke kunne være planlagt anderledes",
        ),
        details=(
            "kunderne kan ikke komme ind i butikken",
            "{S} har ikke kunnet sove ordentligt i [tre|fire|seks] uger",
            "der er revner i [facaden|kælderen] efter vibrationerne",
        ),
        ongoing=0.25,
        appeal="",
        amount=(2000, 90000),
    ),
)

KFF = (
    Topic(
        code="borgerservice",
        department="KFF",
        name="Borgerservice",
        ans=(
            "{P} henvendelse i Borgerservice",
            "{P} ansøgning om [sundhedskort|MitID|lægeskift|boligstøtte]",
            "{P} bestilling af en tid i Borgerservice",
        ),
        afg=(
            "afslaget på [lægeskift|sundhedskort]",
            "svaret fra Borgerservice",
            "beslutningen om at afvise {O} ved skranken",
        ),
        ydelse=("betjeningen i Borgerservice", "{Pn} sundhedskort", "{Pn} MitID", "tidsbestillingen"),
        staff=(
            "medarbejderen ved skranken",
            "medarbejderen i Borgerservice",
            "vagten ved indgangen",
            "kundeservice",
        ),
        offices=(
            "Borgerservice",
            "Borgerservice på Rådhuset",
            "Borgerservice [Nørrebro|Sundby|Valby|Bispebjerg]",
            "Kultur- og Fritidsforvaltningen",
        ),
        docs=("{Pn} pas", "{Pp} papirer", "{Pn} opholdskort", "lejekontrakten"),
        meetings=("tiden i Borgerservice", "samtalen ved skranken"),
        promises=(
            "at sende kortet med posten",
            "at ringe {O} op",
            "at oprette MitID inden for en uge",
            "at rette fejlen i systemet",
        ),
        background=(
            "{S} havde bestilt tid i Borgerservice {dato}",
            "{S} er [flyttet til København|kommet tilbage fra udlandet|netop blevet 18]",
            "{S} har [et ældre MitID|ingen smartphone|ikke et gyldigt pas] og kan derfor ikke klare det "
            "online",
        ),
        outcomes=(
            "afslaget på at skifte læge er forkert",
            "{S} er uenig i, at {S} ikke kan få et sundhedskort",
        ),
        details=(
            "køen var [halvanden time|over en time|to timer] lang",
            "{S} har været der [tre|fire] gange for samme sag",
            "systemet var nede, da {S} kom",
        ),
        ongoing=0.15,
        appeal="",
    ),
    Topic(
        code="pas",
        department="KFF",
        name="pas",
        ans=(
            "{P} ansøgning om pas",
            "{P} ansøgning om nyt pas",
            "ansøgningen om pas til {P} [søn|datter]",
            "{P} ansøgning om kørekort",
        ),
        afg=("afslaget på pas", "beslutningen om at kræve nye papirer"),
        ydelse=("passet", "{Pn} pas", "kørekortet"),
        staff=("medarbejderen i passektionen", "medarbejderen i Borgerservice", "sagsbehandleren"),
        offices=(
            "Borgerservice",
            "pas- og kørekortkontoret",
            "Borgerservice på Rådhuset",
            "Kultur- og Fritidsforvaltningen",
        ),
        docs=("{Pn} gamle pas", "fødselsattesten", "samtykkeerklæringen fra den anden forælder", "pasfotoet"),
        meetings=("tiden i Borgerservice", "samtalen ved pasekspeditionen"),
        promises=(
            "at passet ville være klar inden for 14 dage",
            "at sende en sms, når passet var klar",
            "at fremskynde sagen",
        ),
        background=(
            "{S} skal rejse [til Pakistan|til Thailand|til USA|til Tyrkiet|på ferie] {dato_frem}",
            "{S} søgte om nyt pas {dato} og fik at vide, at det ville tage to uger",
            "{S} har betalt {beløb} for passet",
        ),
        outcomes=("det er forkert, at {S} skal betale for et nyt pas, når fejlen var kommunens",),
        details=(
            "rejsen koster {beløb}, som {S} mister, hvis passet ikke kommer",
            "{S} har ringet til Borgerservice [hver dag|flere gange om ugen]",
        ),
        ongoing=0.05,
        appeal="",
        amount=(700, 28000),
    ),
    Topic(
        code="folkeregister",
        department="KFF",
        name="folkeregister",
        ans=(
            "{P} flytteanmeldelse",
            "{P} anmodning om at rette folkeregisteret",
            "{P} henvendelse om adressen",
            "{P} ansøgning om navneændring",
        ),
        afg=(
            "afgørelsen om {P} bopæl",
            "beslutningen om at registrere {O} som udrejst",
            "afgørelsen om folkeregisteradressen",
        ),
        ydelse=("{P} adresse i folkeregisteret", "registreringen", "{Pn} CPR-nummer"),
        staff=("medarbejderen i Folkeregistret", "sagsbehandleren i Borgerservice", "kontrolgruppen"),
        offices=("Folkeregistret", "Borgerservice", "Kultur- og Fritidsforvaltningen", "Team Folkeregister"),
        docs=("lejekontrakten", "{Pp} lønsedler", "erklæringen fra udlejeren", "{Pn} opholdsbevis"),
        meetings=("samtalen i Folkeregistret",),
        promises=(
            "at rette adressen samme dag",
            "at genoprette {P} registrering",
            "at give besked til Udbetaling Danmark",
        ),
        background=(
            "{S} er blevet registreret [som udrejst|på en forkert adresse|på {P} tidligere adresse]",
            "{S} flyttede til [Amager|Nordvest|Valby|Vanløse] {dato_lang}",
            "{S} har ikke modtaget post i [flere uger|to måneder]",
        ),
        outcomes=(
            "{S} er uenig i, at {S} ikke bor på adressen",
            "det er forkert, at {P} bopæl er ændret uden grundlag",
        ),
        details=(
            "{P} boligstøtte er stoppet på grund af fejlen",
            "{S} kan ikke logge på e-Boks eller få sin post",
            "lægen kan ikke se {O} i systemet",
        ),
        ongoing=0.1,
        appeal="",
    ),
)

OKF = (
    Topic(
        code="opkraevning",
        department="OKF",
        name="opkrævning",
        ans=(
            "{P} anmodning om en afdragsordning",
            "{P} indsigelse mod opkrævningen",
            "{P} henvendelse om regningen",
        ),
        afg=("opkrævningen", "afgørelsen om tilbagebetaling", "svaret om afdragsordningen"),
        ydelse=("opkrævningen", "regningen på {beløb}", "kravet", "afdragsordningen"),
        staff=(
            "medarbejderen i Kommunernes Opkrævning",
            "sagsbehandleren i Opkrævningen",
            "kundeservice",
            "medarbejderen, der sendte regningen",
        ),
        offices=("Opkrævningen", "Københavns Kommunes Opkrævning", "Økonomiforvaltningen", "Koncernservice"),
        docs=("kvitteringen for betalingen", "kontoudtoget", "{Pp} tidligere breve", "aftalen om afdrag"),
        meetings=("telefonsamtalen med Opkrævningen",),
        promises=(
            "at stoppe rykkerne",
            "at oprette en afdragsordning",
            "at annullere gebyret",
            "at sende en opgørelse",
        ),
        background=(
            "{S} har fået en regning på {beløb} for [en institutionsplads|madservice|en ydelse|"
            "parkeringslicens], som {S} mener er betalt",
            "{S} har betalt hver måned via betalingsservice i [to|tre|fem] år",
            "regningen kom [uden forklaring|med et gebyr|tre år efter]",
        ),
        outcomes=(
            "{S} er uenig i, at beløbet skal betales tilbage",
            "kravet på {beløb} er forkert beregnet",
        ),
        details=(
            "{S} har allerede betalt {beløb} den {dato}",
            "der er lagt [rykkergebyrer|renter|et gebyr på 250 kr.] oveni",
        ),
        ongoing=0.2,
        appeal="",
        amount=(350, 48000),
    ),
    Topic(
        code="restancer",
        department="OKF",
        name="restancer",
        ans=(
            "{P} anmodning om henstand",
            "{P} ansøgning om at få eftergivet gælden",
            "{P} anmodning om at nedsætte afdraget",
        ),
        afg=(
            "afgørelsen om modregning",
            "beslutningen om at sende kravet til inddrivelse",
            "afgørelsen om lønindeholdelse",
            "afslaget på henstand",
        ),
        ydelse=("gælden til kommunen", "restancen", "modregningen", "inddrivelsen"),
        staff=("medarbejderen i Opkrævningen", "sagsbehandleren i restanceafdelingen", "kundeservice"),
        offices=("restanceafdelingen", "Opkrævningen", "Økonomiforvaltningen", "Gældsstyrelsen"),
        docs=(
            "budgettet, {S} sendte",
            "{Pp} lønsedler",
            "dokumentationen for {P} økonomi",
            "aftalen om afdrag",
        ),
        meetings=("telefonsamtalen med restanceafdelingen",),
        promises=(
            "at sætte inddrivelsen i bero",
            "at lave en ny afdragsordning",
            "at ringe {O} op",
            "at beregne gælden igen",
        ),
        background=(
            "{S} har en gammel gæld til kommunen på {beløb} fra [en daginstitution|boligstøtte|"
            "kontanthjælp, {S} fik for meget]",
            "{S} er i gang med at få styr på {P} økonomi og har en aftale med en gældsrådgiver",
            "kravet er blevet sendt til Gældsstyrelsen",
        ),
        outcomes=(
            "modregningen i {P} [boligstøtte|børnepenge|overskydende skat] er forkert",
            "{S} er uenig i, at gælden ikke er forældet",
        ),
        details=(
            "der bliver trukket {beløb} om måneden, og {S} har ikke råd til mad",
            "gælden er vokset med renter fra {beløb} til det dobbelte",
        ),
        ongoing=0.3,
        appeal="",
        amount=(1200, 85000),
    ),
)
