"""The pages in a real browser: Debian's Chromium driven by Playwright, against the real app served by
uvicorn on a loopback port, with a small model trained for the occasion (about a minute, hence `slow`).

Chromium comes from `scripts/browser.sh` (run by `./test.sh`); `playwright install` is never needed.
In CI (CI=true) a missing Chromium is a failure, not a skip. Screenshots go to
test-output/screenshots/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from web_support import SCRIPT_TEXT, in_ci, live_server, make_settings, train_small_registry

from service.keys import create_key
from service.main import create_app
from service.tables import FeedbackRow
from service.web.routes.queue import week_start
from signals.loader import load_contacts
from signals.schema import DEPARTMENTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
SAMPLE = 40  # complaints from the corpus stored through the API


@dataclass(frozen=True)
class Site:
    url: str
    app: FastAPI
    keys: dict[str, str]
    script_case: str
    departments: dict[str, list[str]]  # department -> its complaint ids
    flagged: dict[str, list[str]]  # department -> its flagged complaint ids


def _api(url: str, key: str) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=120)


def _seed(url: str, corpus: Path, advisor: str) -> str:
    """The corpus' latest complaints and their citizens' contacts (three arrive this week), and a script."""
    lines = (corpus / "complaints.jsonl").read_text(encoding="utf-8").splitlines()[-SAMPLE:]
    complaints = [json.loads(line) for line in lines]
    contacts = load_contacts(corpus / "contacts.csv").frame
    mine = contacts[contacts["citizen_id"].isin({c["citizen_id"] for c in complaints})]
    records = [{**r, "occurred_at": r["occurred_at"].isoformat()} for r in mine.to_dict("records")]
    now = datetime.now(UTC).replace(microsecond=0)
    with _api(url, advisor) as api:
        if records:
            assert api.post("/v1/contacts", json={"contacts": records}).status_code == 201
        for i, complaint in enumerate(complaints):
            body = {k: v for k, v in complaint.items() if k not in ("root_causes", "mediation_potential")}
            if i >= SAMPLE - 3:  # the latest three arrive this week
                body |= {"complaint_id": f"{body['complaint_id']}-ny", "received_at": now.isoformat()}
            assert api.post("/v1/complaints", json=body).status_code == 201
        script = {
            "complaint_id": "c-script",
            "received_at": (now - timedelta(days=20)).isoformat(),
            "citizen_id": "p-script",
            "forvaltning": "SOF",
            "channel": "webformular",
            "text": SCRIPT_TEXT,
        }
        assert api.post("/v1/complaints", json=script).status_code == 201
    return "c-script"


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        reason = "Chromium is not installed at /usr/bin/chromium (run scripts/browser.sh as root)"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="module")
def site(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("browser")
    # A small capacity, so that only a part of the corpus is flagged, as in real use.
    registry, corpus = train_small_registry(root, capacity_per_week=0.5)
    app = create_app(make_settings(f"sqlite:///{root / 'konflikt.db'}", registry=registry))
    with live_server(app) as url:
        keys = {}
        with app.state.session_factory() as session:
            for name, role, department in (
                ("advisor", "advisor", None),
                ("sof", "forvaltning", "SOF"),
                ("analyst", "analyst", None),
            ):
                keys[name] = create_key(session, role=role, forvaltning=department, name=f"browser {name}")[1]
            session.commit()
        script_case = _seed(url, corpus, keys["advisor"])
        with _api(url, keys["analyst"]) as api:
            items = api.get("/v1/complaints", params={"limit": 500}).json()["items"]
        departments: dict[str, list[str]] = {}
        flagged: dict[str, list[str]] = {}
        for item in items:
            departments.setdefault(item["forvaltning"] or "", []).append(item["complaint_id"])
            if item["annotation"]["mediation_flag"]:
                flagged.setdefault(item["forvaltning"] or "", []).append(item["complaint_id"])
        yield Site(url, app, keys, script_case, departments, flagged)


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Errors the browser reported while a test ran; a test removes the ones it caused on purpose."""
    return []


@pytest.fixture
def tab(browser: Any, console_errors: list[str]) -> Iterator[Any]:
    """A fresh browser context (no cookies) in Danish, on a laptop-sized screen; fails on console errors."""
    context = browser.new_context(
        locale="da-DK", timezone_id="Europe/Copenhagen", viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    errors = console_errors
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"a dialog opened: {dialog.message}"))
    yield page
    context.close()
    assert errors == []  # no CSP violation, no script error, no alert from a complaint


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(page: Any, site: Site, key: str) -> None:
    page.goto(site.url + "/")
    page.get_by_label("API-nøgle").fill(key)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(re.compile(r".*/sager$"))


def queue_rows(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "table.queue tbody tr",
        """rows => rows.map(row => ({
            id: row.dataset.complaint,
            score: row.querySelector('.score').textContent,
            department: row.querySelector('abbr').textContent.trim(),
        }))""",
    )


def test_an_advisor_triages_a_case_and_corrects_it(tab: Any, site: Site) -> None:
    page = tab
    page.goto(site.url + "/")
    shot(page, "01-log-ind")
    sign_in(page, site, site.keys["advisor"])
    cookie = next(c for c in page.context.cookies() if c["name"] == "__Host-konflikt-session")
    assert cookie["httpOnly"] and cookie["secure"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("document.cookie") == ""  # HttpOnly: no script can read the session

    # the queue: highest mediation score first, and the capacity line
    rows = queue_rows(page)
    scores = [int(row["score"].rstrip(" %")) for row in rows]
    assert len(rows) == 25 and scores == sorted(scores, reverse=True)
    with _api(site.url, site.keys["analyst"]) as api:
        this_week = api.get(
            "/v1/complaints", params={"flagged": True, "since": week_start().isoformat()}
        ).json()
    capacity = page.locator("#kapacitet").inner_text()
    assert re.fullmatch(
        rf"Kapacitet: 0,5 sager om ugen — {this_week['total']} markeret i denne uge.*", capacity
    )
    shot(page, "02-sager")

    # filter: one department, flagged only
    # a department with flagged and unflagged complaints (a capacity-limited model flags some, not all)
    mixed = [d for d in site.flagged if d and len(site.flagged[d]) < len(site.departments[d])]
    assert mixed, site.flagged
    department = max(mixed, key=lambda d: len(site.flagged[d]))
    page.get_by_label("Forvaltning").select_option(department)
    page.get_by_label("Markering").select_option("ja")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url(re.compile(rf".*forvaltning={department}.*markeret=ja.*"))
    filtered = queue_rows(page)
    assert {row["department"] for row in filtered} == {department}
    assert {row["id"] for row in filtered} <= set(site.flagged[department])
    assert len(filtered) == min(25, len(site.flagged[department]))
    assert page.locator("tr.flagged").count() == len(filtered)
    shot(page, "03-sager-filtreret")

    # open the first case: reasons, highlighted cues, the contact timeline, the model version
    case_id = filtered[0]["id"]
    page.get_by_role("link", name=case_id, exact=True).click()
    page.wait_for_url(re.compile(rf".*/sager/{re.escape(case_id)}$"))
    assert page.locator("#markering").inner_text().startswith("Markeret til mægling")
    assert page.get_by_role("heading", name="Hvorfor denne vurdering?").is_visible()
    assert page.locator(".summary").inner_text().startswith("Markeret til mægling (score")
    assert "Modelversion" in page.locator("dl.meta").inner_text()
    shot(page, "04-sag")

    # correct the judgement: two other root causes, no mediation
    form = page.locator("form.feedback")
    ticked = form.locator('input[name="aarsager"]:checked')
    while ticked.count():
        ticked.first.uncheck()
    form.get_by_label("Aktindsigt").check()
    form.get_by_label("Manglende koordinering").check()
    form.get_by_label("Nej, almindelig klagebehandling").check()
    form.get_by_role("button", name="Gem vurdering").click()
    page.wait_for_url(re.compile(r".*\?gemt=1#vurdering$"))
    assert page.get_by_role("status").filter(has_text="Din vurdering er gemt").is_visible()
    latest = page.locator("#seneste-vurdering").inner_text()
    assert "Aktindsigt, Manglende koordinering" in latest and "mægling: nej" in latest
    shot(page, "05-sag-vurderet")
    with site.app.state.session_factory() as session:
        stored = session.scalars(select(FeedbackRow).where(FeedbackRow.complaint_id == case_id)).all()
    assert [(row.root_causes, row.mediation_potential) for row in stored] == [
        (["aktindsigt", "koordinering"], False)
    ]

    # insights, then sign out
    page.get_by_role("link", name="Indsigt").click()
    assert page.locator("svg.heatmap").is_visible() and page.locator("svg.rates").is_visible()
    shot(page, "06-indsigt")
    page.get_by_role("button", name="Log ud").click()
    page.wait_for_url(re.compile(r".*/\?logget_ud=1$"))
    assert page.get_by_text("Du er logget ud.").is_visible()
    page.goto(site.url + "/sager")
    assert page.get_by_role("heading", name="Log ind").is_visible()


def test_a_case_page_highlights_cues_and_draws_the_timeline(tab: Any, site: Site) -> None:
    sign_in(tab, site, site.keys["advisor"])
    with _api(site.url, site.keys["analyst"]) as api:
        items = api.get("/v1/complaints", params={"limit": 500}).json()["items"]
    detailed = [api_item for api_item in items if api_item["annotation"]["explanation"]["cue_spans"]]
    with _api(site.url, site.keys["analyst"]) as api:
        candidates = [api.get(f"/v1/complaints/{item['complaint_id']}").json() for item in detailed]
    case = max(candidates, key=lambda c: sum(m["to_mayor"] for m in c["contact_summary"]["months"]))
    tab.goto(f"{site.url}/sager/{case['complaint_id']}")
    marks = tab.locator("#klagetekst mark.cue")
    spans = case["annotation"]["explanation"]["cue_spans"]
    assert marks.count() >= 1 and marks.first.get_attribute("title") in {s["label"] for s in spans}
    months = case["contact_summary"]["months"]
    if months:
        assert tab.locator("#kontakthistorik svg.chart").is_visible()
        assert tab.locator("#kontakthistorik rect.bar-mayor").count() == sum(
            1 for m in months[-24:] if m["to_mayor"]
        )
    shot(tab, "07-sag-med-historik")


def test_a_department_sees_only_its_own_department(tab: Any, site: Site, console_errors: list[str]) -> None:
    sign_in(tab, site, site.keys["sof"])
    assert {row["department"] for row in queue_rows(tab)} == {"SOF"}
    assert tab.get_by_label("Forvaltning").count() == 0  # no choice of department
    shot(tab, "08-forvaltning-sager")
    other = next(d for d in site.departments if d not in ("SOF", ""))
    response = tab.goto(f"{site.url}/sager/{site.departments[other][0]}")
    assert response is not None and response.status == 404
    assert tab.get_by_role("heading", name="Sagen findes ikke").is_visible()
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    console_errors.clear()  # the 404 was the point
    tab.goto(f"{site.url}/indsigt?forvaltning={other}")
    assert tab.get_by_role("heading", name="Indsigt: Socialforvaltningen").is_visible()
    rates = tab.locator("svg.rates").text_content() or ""
    assert DEPARTMENTS["SOF"] in rates and DEPARTMENTS[other] not in rates
    assert tab.locator("#noegletal .big").first.inner_text() == str(len(site.departments["SOF"]))
    shot(tab, "09-forvaltning-indsigt")


def test_a_script_in_a_complaint_shows_as_text_and_never_runs(tab: Any, site: Site) -> None:
    sign_in(tab, site, site.keys["advisor"])
    tab.goto(f"{site.url}/sager/{site.script_case}")
    text = tab.locator("#klagetekst").inner_text()
    assert '<script>alert("æøå")</script> & <b>fed</b>' in text
    assert tab.locator("#klagetekst script, #klagetekst b").count() == 0
    shot(tab, "10-script-som-tekst")
    # the `tab` fixture fails the test if an alert opened or the console reported an error
