"""Sessions, CSRF, sign-out, revocation, security headers and local assets of the pages."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from starlette.testclient import TestClient
from web_support import BASE_URL, Keys, Seeded, csrf_of, sign_in

from service.audit import query_audit
from service.keys import create_key, revoke_key
from service.main import create_app
from service.settings import Settings, UnsafeSettingsError
from service.tables import FeedbackRow
from service.web import tokens
from service.web.auth import SESSION_COOKIE, SIGN_IN_COOKIE

PageFactory = Callable[[str], TestClient]
PG_URL = "postgresql+psycopg://konflikt@db.internal/konflikt"  # never connected to: no lifespan


def set_cookie_headers(response: object) -> list[str]:
    return response.headers.get_list("set-cookie")  # type: ignore[attr-defined, no-any-return]


# ----- sign-in ------------------------------------------------------------------------------------
def test_sign_in_sets_a_secure_httponly_samesite_cookie_without_the_key(
    app: FastAPI, keys: Keys, seeded: Seeded
) -> None:
    browser = TestClient(app, base_url=BASE_URL)
    form = browser.get("/")
    assert 'type="password"' in form.text and '<label for="api_key">API-nøgle</label>' in form.text
    response = browser.post(
        "/log-ind", data={"api_key": keys.sof, "csrf_token": csrf_of(form.text)}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/sager"
    [session_cookie] = [c for c in set_cookie_headers(response) if c.startswith(SESSION_COOKIE)]
    attributes = {part.strip().split("=")[0].lower() for part in session_cookie.split(";")}
    assert {"secure", "httponly", "samesite", "path", "max-age"} <= attributes
    assert "samesite=lax" in session_cookie.lower() and "path=/;" in session_cookie.lower()
    assert "domain" not in attributes  # a __Host- cookie: this host only
    assert "max-age=28800" in session_cookie.lower()  # KONFLIKT_SESSION_HOURS, 8 by default
    value = session_cookie.split(";")[0].split("=", 1)[1]
    secret = keys.sof.split("_", 2)[2]
    assert secret not in value and keys.sof not in value
    assert any(
        c.startswith(SIGN_IN_COOKIE) and "max-age=0" in c.lower() for c in set_cookie_headers(response)
    )
    with app.state.session_factory() as session:
        [entry] = query_audit(session, key_id=keys.ids["sof"], limit=1)
        assert (entry.action, entry.status) == ("web.sign_in", 303)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("kfs_00000000_notarealsecret", "Nøglen blev ikke genkendt"),
        ("ikke en nøgle", "Nøglen blev ikke genkendt"),
        ("", "Nøglen blev ikke genkendt"),
    ],
)
def test_a_wrong_key_is_refused_in_danish(app: FastAPI, seeded: Seeded, key: str, message: str) -> None:
    browser = TestClient(app, base_url=BASE_URL)
    form = browser.get("/")
    response = browser.post("/log-ind", data={"api_key": key, "csrf_token": csrf_of(form.text)})
    assert response.status_code == 401 and message in response.text
    assert SESSION_COOKIE not in browser.cookies
    assert key not in response.text or not key  # the key is never echoed


@pytest.mark.parametrize("how", ["no token", "no cookie", "another form's token"])
def test_sign_in_needs_the_forms_own_csrf_token(app: FastAPI, keys: Keys, how: str) -> None:
    browser = TestClient(app, base_url=BASE_URL)
    token = csrf_of(browser.get("/").text)
    if how == "no token":
        token = ""
    elif how == "no cookie":
        browser.cookies.clear()
    else:
        token = csrf_of(TestClient(app, base_url=BASE_URL).get("/").text)
    response = browser.post("/log-ind", data={"api_key": keys.advisor, "csrf_token": token})
    assert response.status_code == 403 and "Formularen var udløbet" in response.text
    assert SESSION_COOKIE not in browser.cookies


# ----- sessions -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "cookie",
    [
        "garbage",
        tokens.new_session(b"x" * 32, "whatever", lifetime_seconds=60)[1],  # signed with another secret
    ],
)
def test_a_forged_session_cookie_is_no_session(app: FastAPI, seeded: Seeded, cookie: str) -> None:
    browser = TestClient(app, base_url=BASE_URL, cookies={SESSION_COOKIE: cookie})
    response = browser.get("/sager", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/?naeste=")


def test_an_expired_session_is_no_session(app: FastAPI, keys: Keys, seeded: Seeded) -> None:
    secret = app.state.web.secret
    expired = tokens.sign(secret, tokens.SESSION, {"k": keys.ids["advisor"], "s": "abc", "exp": 1})
    browser = TestClient(app, base_url=BASE_URL, cookies={SESSION_COOKIE: expired})
    assert browser.get("/sager", follow_redirects=False).status_code == 303


def test_revoking_a_key_ends_its_sessions_at_once(app: FastAPI, seeded: Seeded) -> None:
    with app.state.session_factory() as session:
        row, key = create_key(session, role="advisor", name="to be revoked")
        session.commit()
    browser = sign_in(TestClient(app, base_url=BASE_URL), key)
    assert browser.get("/sager").status_code == 200
    with app.state.session_factory() as session:
        revoke_key(session, row.key_id)
        session.commit()
    assert browser.get("/sager", follow_redirects=False).status_code == 303


def test_sign_out_ends_the_session_and_needs_its_csrf_token(page: PageFactory) -> None:
    browser = page("analyst")
    token = csrf_of(browser.get("/sager").text)
    refused = browser.post("/log-ud", data={"csrf_token": "wrong"})
    assert refused.status_code == 403
    assert browser.get("/sager").status_code == 200  # still signed in
    response = browser.post("/log-ud", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/?logget_ud=1"
    assert any(
        c.startswith(SESSION_COOKIE) and "max-age=0" in c.lower() for c in set_cookie_headers(response)
    )
    assert SESSION_COOKIE not in browser.cookies
    assert "Du er logget ud." in browser.get("/?logget_ud=1").text
    assert browser.get("/sager", follow_redirects=False).status_code == 303


# ----- CSRF on the feedback form ------------------------------------------------------------------
@pytest.mark.parametrize("how", ["missing", "another session's", "a sign-in form's"])
def test_feedback_without_this_sessions_csrf_token_is_refused(
    app: FastAPI, page: PageFactory, seeded: Seeded, how: str
) -> None:
    browser = page("advisor")
    case = f"/sager/{seeded.buf_flagged}"
    token = {
        "missing": "",
        "another session's": csrf_of(page("advisor").get(case).text),
        "a sign-in form's": csrf_of(TestClient(app, base_url=BASE_URL).get("/").text),
    }[how]
    response = browser.post(
        f"{case}/vurdering", data={"csrf_token": token, "aarsager": ["aktindsigt"], "maegling": "1"}
    )
    assert response.status_code == 403 and "Formularen kunne ikke godkendes" in response.text
    with app.state.session_factory() as session:
        assert (
            session.scalars(select(FeedbackRow).where(FeedbackRow.complaint_id == seeded.buf_flagged)).all()
            == []
        )


# ----- headers and assets -------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/sager", "/sager/c-none", "/indsigt", "/static/style.css"])
def test_pages_carry_the_security_headers(page: PageFactory, path: str) -> None:
    response = page("advisor").get(path)
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    if not path.startswith("/static/"):
        assert response.headers["cache-control"] == "no-store"


def test_the_api_is_left_as_it_was(api: TestClient) -> None:
    assert "content-security-policy" not in api.get("/health").headers


def test_assets_come_from_the_package_and_nothing_from_the_internet(
    page: PageFactory, seeded: Seeded
) -> None:
    browser = page("advisor")
    css = browser.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert (
        browser.get("/static/app.js")
        .headers["content-type"]
        .startswith(("text/javascript", "application/javascript"))
    )
    for path in ("/sager", f"/sager/{seeded.sof_flagged}", "/indsigt"):
        html = browser.get(path).text
        references = re.findall(r'(?:src|href|action)="([^"]*)"', html)
        assert references and all(ref.startswith(("/", "#")) for ref in references), references
        assert (
            "style=" not in html and "<script>" not in html
        )  # no inline style or script for the CSP to allow


# ----- settings -----------------------------------------------------------------------------------
def test_production_without_a_session_secret_keeps_the_api_and_switches_the_pages_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KONFLIKT_SESSION_SECRET", raising=False)
    app = create_app(Settings(database_url=PG_URL, environment="production", json_logs=False))
    client = TestClient(app, base_url=BASE_URL)  # no lifespan: the pages refuse before any database work
    response = client.get("/")
    assert response.status_code == 503 and "KONFLIKT_SESSION_SECRET" in response.text
    assert client.get("/sager").status_code == 503


def test_a_short_session_secret_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONFLIKT_SESSION_SECRET", "too-short")
    with pytest.raises(UnsafeSettingsError, match="at least 32 characters"):
        create_app(Settings(database_url=PG_URL, json_logs=False))


def test_a_long_enough_secret_signs_the_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONFLIKT_SESSION_SECRET", "k" * 40)
    monkeypatch.setenv("KONFLIKT_SESSION_HOURS", "2")
    app = create_app(Settings(database_url=PG_URL, environment="production", json_logs=False))
    assert app.state.web.secret == b"k" * 40 and app.state.web.lifetime_seconds == 7200
