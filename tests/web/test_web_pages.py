"""The pages for every role: queue, case page and insights, department isolation, feedback, audit."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from starlette.testclient import TestClient
from web_support import FLAGGED_TEXT, Keys, Seeded, csrf_of

from service.audit import query_audit
from service.queries import export_feedback
from service.tables import FeedbackRow
from service.web.routes import queue as queue_route

PageFactory = Callable[[str], TestClient]
ROW_ID = re.compile(r'data-complaint="([^"]+)"')
SCORE = re.compile(r'<span class="score">(\d+) %</span>')


def ids_on(html: str) -> list[str]:
    return ROW_ID.findall(html)


# ----- every page for every role ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "target", "status", "shows"),
    [
        ("advisor", "queue", 200, "Kapacitet: <strong>8 sager om ugen</strong>"),
        ("analyst", "queue", 200, "Kapacitet: <strong>8 sager om ugen</strong>"),
        ("sof", "queue", 200, "markeret til mægling i denne uge i Socialforvaltningen"),
        ("buf", "queue", 200, "markeret til mægling i denne uge i Børne- og Ungdomsforvaltningen"),
        ("advisor", "sof_case", 200, "Gem vurdering"),
        ("analyst", "sof_case", 200, "Ingen rådgiver har vurderet sagen endnu"),
        ("sof", "sof_case", 200, "Hvorfor denne vurdering?"),
        ("buf", "sof_case", 404, "Sagen findes ikke"),
        ("sof", "buf_case", 404, "Sagen findes ikke"),
        ("buf", "buf_case", 200, "Hvorfor denne vurdering?"),
        ("advisor", "missing_case", 404, "Sagen findes ikke"),
        ("advisor", "insights", 200, "Markeringsrate pr. forvaltning"),
        ("analyst", "insights", 200, "Kerneårsager pr. måned"),
        ("sof", "insights", 200, "Indsigt: Socialforvaltningen"),
        ("buf", "insights", 200, "Indsigt: Børne- og Ungdomsforvaltningen"),
    ],
)
def test_every_page_for_every_role(
    page: PageFactory, seeded: Seeded, role: str, target: str, status: int, shows: str
) -> None:
    path = {
        "queue": "/sager",
        "sof_case": f"/sager/{seeded.sof_flagged}",
        "buf_case": f"/sager/{seeded.buf_flagged}",
        "missing_case": "/sager/c-none",
        "insights": "/indsigt",
    }[target]
    response = page(role).get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert shows in response.text
    if role != "advisor":  # only advisors get the feedback form
        assert 'action="/sager/' not in response.text


def test_pages_without_a_session_send_you_to_sign_in_and_back(
    app: FastAPI, keys: Keys, seeded: Seeded
) -> None:
    browser = TestClient(app, base_url="https://testserver")
    response = browser.get(f"/sager/{seeded.sof_plain}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/?naeste=%2Fsager%2F{seeded.sof_plain}"
    form = browser.get(response.headers["location"])
    assert f'name="naeste" value="/sager/{seeded.sof_plain}"' in form.text
    signed_in = browser.post(
        "/log-ind",
        data={
            "api_key": keys.advisor,
            "csrf_token": csrf_of(form.text),
            "naeste": f"/sager/{seeded.sof_plain}",
        },
        follow_redirects=False,
    )
    assert signed_in.headers["location"] == f"/sager/{seeded.sof_plain}"
    assert browser.get("/", follow_redirects=False).headers["location"] == "/sager"


# ----- the queue ----------------------------------------------------------------------------------
def test_the_queue_puts_the_highest_mediation_score_first(page: PageFactory, seeded: Seeded) -> None:
    html = page("advisor").get("/sager").text
    scores = [int(s) for s in SCORE.findall(html)]
    assert len(scores) == len(seeded.sof) + len(seeded.buf)
    assert scores == sorted(scores, reverse=True)
    assert "Kapacitet: <strong>8 sager om ugen</strong> — 1 markeret i denne uge" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("forvaltning=BUF", {"buf_flagged", "buf_plain"}),
        ("markeret=ja&forvaltning=SOF", {"sof_flagged", "sof_this_week"}),
        ("markeret=nej", {"sof_script", "sof_plain", "buf_plain"}),
        ("aarsag=kommunikation", {"sof_plain"}),
        ("fra=2026-08-01&til=2026-09-30", {"sof_script", "sof_plain"}),
        ("til=2026-08-20", {"sof_plain", "buf_plain"}),  # til is inclusive
        ("fra=ikke-en-dato&forvaltning=BUF", {"buf_flagged", "buf_plain"}),
    ],
)
def test_queue_filters(page: PageFactory, seeded: Seeded, query: str, expected: set[str]) -> None:
    html = page("advisor").get(f"/sager?{query}").text
    assert set(ids_on(html)) == {getattr(seeded, name) for name in expected}


def test_the_queue_pages_through_with_its_filters(
    page: PageFactory, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queue_route, "PAGE_SIZE", 2)
    browser = page("advisor")
    first = browser.get("/sager?forvaltning=SOF").text
    assert "Viser 1–2 af 4 sager" in first and "Side 1 af 2" in first
    assert 'href="/sager?forvaltning=SOF&amp;side=2"' in first
    second = browser.get("/sager?forvaltning=SOF&side=2").text
    assert 'href="/sager?forvaltning=SOF" rel="prev"' in second
    assert set(ids_on(first)) | set(ids_on(second)) == set(seeded.sof)
    assert not set(ids_on(first)) & set(ids_on(second))
    assert ids_on(browser.get("/sager?forvaltning=SOF&side=9").text) == []


def test_a_department_sees_its_own_complaints_whatever_it_asks(page: PageFactory, seeded: Seeded) -> None:
    sof = page("sof")
    for query in ("", "?forvaltning=BUF", "?markeret=ja", "?aarsag=afgoerelsens_indhold"):
        html = sof.get(f"/sager{query}").text
        assert set(ids_on(html)) <= set(seeded.sof)
        assert "BUF-hemmelighed" not in html
        assert 'name="forvaltning"' not in html  # no department choice offered
    assert set(ids_on(sof.get("/sager").text)) == set(seeded.sof)


# ----- the case page ------------------------------------------------------------------------------
def test_the_case_page_explains_the_flag(page: PageFactory, seeded: Seeded) -> None:
    html = page("advisor").get(f"/sager/{seeded.sof_flagged}").text
    assert "Markeret til mægling" in html and "web-v1" in html  # the flag and the model version
    assert "Markeret til mægling (score" in html  # the explanation's summary
    assert '<mark class="cue cue-gentagelse" title="gentagne henvendelser og rykkere">igen og igen' in html
    assert '<mark class="cue cue-eskalering"' in html
    assert "føler sig ikke hørt, set eller taget alvorligt" in html  # cue labels as reasons
    assert "6 tidligere henvendelser" in html  # the contact facts
    # the timeline: 6 contacts, 2 of them to the mayor, drawn as inline SVG
    assert "6 henvendelser, heraf 2 til borgmesteren" in html
    assert html.count('<rect class="bar-mayor"') == 2
    assert '<text class="mark-text"' in html
    # every root cause with its Danish label, the chosen ones ticked in the form
    assert html.count('name="aarsager"') == 13
    assert 'value="sagsbehandlingstid" checked' in html


def test_the_complaint_text_is_shown_exactly_as_stored(page: PageFactory, seeded: Seeded) -> None:
    html = page("analyst").get(f"/sager/{seeded.sof_flagged}").text
    shown = re.search(r'<div class="complaint-text" id="klagetekst">(.*?)</div>', html, re.S)
    assert shown is not None
    plain = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", shown.group(1))
    assert re.sub(r"<[^>]+>", "", plain) == FLAGGED_TEXT


def test_a_script_in_a_complaint_shows_as_text(page: PageFactory, seeded: Seeded) -> None:
    browser = page("advisor")
    for path in (f"/sager/{seeded.sof_script}", "/sager"):
        html = browser.get(path).text
        assert "<script>alert" not in html and "<b>fed</b>" not in html
        assert "&lt;script&gt;alert(&#34;æøå&#34;)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;" in html


# ----- feedback -----------------------------------------------------------------------------------
def test_advisor_feedback_is_stored_like_the_api_and_shown_at_once(
    app: FastAPI, page: PageFactory, keys: Keys, seeded: Seeded
) -> None:
    browser = page("advisor")
    case = f"/sager/{seeded.sof_plain}"
    token = csrf_of(browser.get(case).text)
    response = browser.post(
        f"{case}/vurdering",
        data={"csrf_token": token, "aarsager": ["medarbejderadfaerd", "opfoelgning"], "maegling": "1"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{case}?gemt=1#vurdering"
    html = browser.get(response.headers["location"]).text
    assert "Din vurdering er gemt" in html
    assert "Medarbejderes adfærd og tone, Manglende opfølgning på aftaler · mægling: ja" in html
    assert 'value="medarbejderadfaerd" checked' in html and 'value="sagsbehandlingstid" checked' not in html
    with app.state.session_factory() as session:
        stored = session.scalars(
            select(FeedbackRow).where(FeedbackRow.complaint_id == seeded.sof_plain)
        ).all()
        assert [(r.root_causes, r.mediation_potential, r.key_id) for r in stored] == [
            (["medarbejderadfaerd", "opfoelgning"], True, keys.ids["advisor"])
        ]
        exported = export_feedback(session).set_index("complaint_id").loc[seeded.sof_plain]
        assert exported["mediation_potential"] == 1
        actions = [
            e.action for e in query_audit(session, complaint_id=seeded.sof_plain, key_id=keys.ids["advisor"])
        ]
        assert "complaint.feedback" in actions
    # the API sees the same feedback
    api_view = TestClient(app, base_url="https://testserver").get(
        f"/v1/complaints/{seeded.sof_plain}", headers={"Authorization": f"Bearer {keys.analyst}"}
    )
    assert api_view.json()["feedback"]["root_causes"] == ["medarbejderadfaerd", "opfoelgning"]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"maegling": "1"}, "Vælg mellem én og tre kerneårsager."),
        (
            {"aarsager": ["aktindsigt", "vejledning", "begrundelse", "kommunikation"], "maegling": "0"},
            "mellem én og tre",
        ),
        ({"aarsager": ["ikke_en_kode"], "maegling": "0"}, "mellem én og tre"),
        ({"aarsager": ["aktindsigt"]}, "Vælg, om sagen har mæglingspotentiale."),
        ({"aarsager": ["aktindsigt"], "maegling": "2"}, "Vælg, om sagen har mæglingspotentiale."),
    ],
)
def test_invalid_feedback_is_refused_in_danish_and_nothing_is_stored(
    app: FastAPI, page: PageFactory, seeded: Seeded, form: dict[str, object], message: str
) -> None:
    browser = page("advisor")
    case = f"/sager/{seeded.buf_plain}"
    response = browser.post(f"{case}/vurdering", data={"csrf_token": csrf_of(browser.get(case).text), **form})
    assert response.status_code == 422
    assert message in response.text
    with app.state.session_factory() as session:
        assert (
            session.scalars(select(FeedbackRow).where(FeedbackRow.complaint_id == seeded.buf_plain)).all()
            == []
        )


@pytest.mark.parametrize("role", ["analyst", "sof"])
def test_only_advisors_may_give_feedback(
    app: FastAPI, page: PageFactory, keys: Keys, seeded: Seeded, role: str
) -> None:
    browser = page(role)
    token = csrf_of(browser.get("/sager").text)  # the sign-out form's token: a valid one for this session
    response = browser.post(
        f"/sager/{seeded.sof_this_week}/vurdering",
        data={"csrf_token": token, "aarsager": ["aktindsigt"], "maegling": "1"},
    )
    assert response.status_code == 403 and "Kun borgerrådgivere" in response.text
    with app.state.session_factory() as session:
        assert not session.scalars(
            select(FeedbackRow).where(FeedbackRow.complaint_id == seeded.sof_this_week)
        ).all()
        denied = query_audit(session, key_id=keys.ids[role], complaint_id=seeded.sof_this_week)
        assert [e.action for e in denied][:1] == ["denied"]


def test_feedback_on_another_departments_case_is_not_found(page: PageFactory, seeded: Seeded) -> None:
    browser = page("advisor")
    token = csrf_of(browser.get("/sager").text)
    response = browser.post(
        "/sager/c-none/vurdering", data={"csrf_token": token, "aarsager": ["aktindsigt"], "maegling": "1"}
    )
    assert response.status_code == 404


# ----- insights -----------------------------------------------------------------------------------
def figures_of(html: str) -> list[str]:
    return re.findall(r'<span class="big">([^<]+)</span>', html)


def test_insights_count_only_the_departments_own_complaints(page: PageFactory, seeded: Seeded) -> None:
    everyone = page("advisor").get("/indsigt").text
    assert figures_of(everyone)[0] == str(len(seeded.sof) + len(seeded.buf))
    assert "Børne- og Ungdomsforvaltningen" in everyone and "Alle forvaltninger" in everyone
    sof = page("sof").get("/indsigt?forvaltning=BUF").text
    assert figures_of(sof)[:2] == [str(len(seeded.sof)), "2"]
    rates = sof[sof.index('id="rater"') :]
    assert "Socialforvaltningen" in rates and "Børne- og Ungdomsforvaltningen" not in rates
    assert "Alle forvaltninger" not in rates
    buf = page("buf").get("/indsigt").text
    assert figures_of(buf)[:2] == [str(len(seeded.buf)), "1"]


def test_insights_follow_the_period(page: PageFactory, seeded: Seeded) -> None:
    html = page("analyst").get("/indsigt?fra=2026-08-01&til=2026-09-30").text
    assert figures_of(html)[0] == "2"
    assert "aug. 2026: 1 klager, 0 markeret til mægling" in html


# ----- the audit log ------------------------------------------------------------------------------
def test_every_read_through_the_pages_is_audited(
    app: FastAPI, page: PageFactory, keys: Keys, seeded: Seeded
) -> None:
    browser = page("sof")
    shown = ids_on(browser.get("/sager").text)
    browser.get(f"/sager/{seeded.sof_script}")
    browser.get(f"/sager/{seeded.buf_plain}")  # another department's: audited as a 404
    browser.get("/indsigt")
    with app.state.session_factory() as session:
        entries = query_audit(session, key_id=keys.ids["sof"], limit=10)
    recent = [(e.action, e.status, sorted(c.complaint_id for c in e.complaints)) for e in reversed(entries)]
    assert ("complaint.list", 200, sorted(shown)) in recent
    assert recent[-3:] == [
        ("complaint.read", 200, [seeded.sof_script]),
        ("complaint.read", 404, [seeded.buf_plain]),
        ("insights.read", 200, []),
    ]
    assert all(e.role == "forvaltning" for e in entries)
