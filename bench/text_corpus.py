"""Realistic complaint texts for the text benchmark when data/default/complaints.jsonl is absent.

Sentences written in the style of anonymised complaints to a citizen advisor (Danish, some
English), combined at random into texts of about 130 tokens; seeded, so runs compare.
"""

from __future__ import annotations

import random

DANISH = (
    "Jeg skriver til Borgerrådgiveren, fordi jeg ikke ved, hvad jeg ellers skal gøre.",
    "Min søn [NAVN] har ventet på en PPR-udredning i over et år, og skolen siger, at det er "
    "forvaltningen, der skal handle.",
    "Sagsbehandleren har aldrig svaret på min mail om børnenes samvær, selvom jeg har rykket tre gange.",
    "Jeg har ringet til Jobcentret utallige gange, men ingen tager telefonen, og beskederne bliver "
    "ikke besvaret.",
    "Kommunens afgørelse om boligstøtte er ikke begrundet, og jeg forstår ikke, hvilke regler den bygger på.",
    "Hjemmehjælpen kommer ikke til de aftalte tider, og min mor på 87 år sidder alene og venter.",
    "Jeg fik at vide, at nogen ville ringe mig op i sidste uge, men jeg hørte aldrig mere fra dem.",
    "Det er tredje gang, jeg klager over den samme sag, og jeg har stadig ikke fået et svar.",
    "Min sagsbehandler er blevet skiftet fire gange på et halvt år, og hver ny person kender ikke sagen.",
    "Jeg føler mig ikke hørt, og medarbejderen talte nedladende til mig på mødet den 12. marts.",
    "Forvaltningen har truffet en afgørelse på baggrund af oplysninger, som jeg aldrig har set "
    "eller kunnet kommentere.",
    "Jeg har bedt om aktindsigt i min sag for to måneder siden, men har kun fået en del af dokumenterne.",
    "Lægeerklæringen fra min egen læge er ikke blevet taget med i vurderingen af min sag.",
    "Nu har jeg skrevet til borgmesteren, og hvis der ikke sker noget, går jeg til pressen.",
    "Jeg stoler ikke længere på, at forvaltningen vil mig det godt.",
    "Jeg vil gerne have en undskyldning, og jeg ønsker, at det ikke sker for andre familier.",
    "Vi skal jo samarbejde med forvaltningen i mange år endnu, så længe min datter er anbragt.",
    "Brevet var skrevet i et sprog, som jeg ikke kunne forstå, med henvisninger til paragraffer "
    "uden forklaring.",
    "Jeg fik to forskellige svar fra to medarbejdere i Borgerservice om, hvilke papirer jeg skulle sende.",
    "Mit sagsnummer er [SAGSNR], og jeg kan kontaktes på [TELEFON] eller [EMAIL].",
    "Min nabo fik et brev med mine personlige oplysninger, og det synes jeg er dybt kritisabelt.",
    "Ingen har vejledt mig om, at jeg kunne klage over afgørelsen, og nu er klagefristen overskredet.",
    "Vi blev lovet et møde med afdelingslederen, men aftalen blev ikke overholdt.",
    "Jeg er ikke enig i, at min søn skal flyttes til en anden skole, og jeg har klaget til Ankestyrelsen.",
    "Sagsbehandlingstiden på min ansøgning om handicapbil er nu over otte måneder.",
    "Jeg modtager stadig hjemmepleje hver dag, så jeg er nødt til at have et godt forhold til dem.",
    "Medarbejderen lagde på, da jeg spurgte, hvorfor min sag ikke var blevet behandlet.",
    "Jeg har sendt de samme dokumenter tre gange, fordi de bliver væk i forvaltningen.",
    "Der er ingen, der tager ansvar, og jeg bliver sendt fra kontor til kontor.",
    "Kontanthjælpen blev stoppet uden varsel, og jeg har ikke fået nogen partshøring.",
    "Tak for hjælpen indtil videre, men jeg håber, at I kan se på sagen igen.",
    "Hvis kommunen ikke retter fejlen, vil jeg kontakte en advokat og Folketingets Ombudsmand.",
    "Min far på [ADRESSE] har fået afslag på plejebolig, selv om han ikke kan klare sig selv.",
    "Det er dybt frustrerende at skulle forklare den samme historie igen og igen.",
    "Børne- og Ungdomsforvaltningen har ikke fulgt op på handleplanen, som vi aftalte på netværksmødet.",
    "Jeg vil gerne mødes med nogen fra forvaltningen, så vi kan finde en løsning sammen.",
    "Med venlig hilsen [NAVN]",
    "Sagen drejer sig om min ret til befordringsgodtgørelse, som er blevet nedsat uden begrundelse.",
    "Socialforvaltningen har ikke oplyst sagen tilstrækkeligt, før de traf afgørelsen.",
    "Jeg har været i kontakt med kommunen siden januar, og intet er sket.",
)
ENGLISH = (
    "I am writing to complain about how my case has been handled by the municipality.",
    "I have called the job centre many times, but nobody answers the phone.",
    "My caseworker promised to call me back last week, but I never heard back.",
    "This is the third time I complain about the same decision, and I still have no answer.",
    "I do not understand the letter, because it is only in Danish and full of legal terms.",
    "I feel ignored and I do not trust the department any more.",
    "If nothing happens, I will contact a lawyer and the press.",
    "My son has been waiting for support at school for more than a year.",
    "I would like an apology, so this does not happen to other families.",
    "Kind regards, [NAVN]",
)


def compose_texts(count: int, *, seed: int = 7, english_share: float = 0.05) -> list[str]:
    """`count` complaint texts of 6-10 sentences, about 5% of them in English."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pool = ENGLISH if rng.random() < english_share else DANISH
        size = min(len(pool), rng.randint(6, 10))
        texts.append(" ".join(rng.sample(pool, size)))
    return texts
