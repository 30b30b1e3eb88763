"""The advisors' and departments' pages: server-rendered Danish HTML over the same queries as the API.

`install_web(app, settings)` adds the pages to the app built by `service.main.create_app`: sign-in
(`/`), the triage queue (`/sager`), the case page (`/sager/{id}`), insights (`/indsigt`) and their
stylesheet and script under `/static/` (package data; nothing is fetched from the internet).
See service/web/README.md for sessions, CSRF and the security headers.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from service.settings import Settings
from service.web.config import WebSettings, session_secret
from service.web.pages import SecurityHeaders, WebState, install_error_pages, make_templates
from service.web.routes import case, insights, queue, signin


def install_web(app: FastAPI, settings: Settings, web: WebSettings | None = None) -> None:
    """Mount the pages, their assets and their error pages; `web` defaults to the environment's."""
    web = web or WebSettings()
    app.state.web = WebState(
        secret=session_secret(web, settings),
        lifetime_seconds=web.session_hours * 3600,
        templates=make_templates(),
    )
    for module in (signin, queue, case, insights):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(packages=[("service.web", "static")]), name="static")
    install_error_pages(app)
    app.add_middleware(SecurityHeaders)


__all__ = ["WebSettings", "install_web"]
