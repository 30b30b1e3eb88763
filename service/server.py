"""Running the service under uvicorn: `konflikt serve`, and `konflikt up` after it has a champion."""

from __future__ import annotations

from service.db import ensure_schema, make_engine
from service.logs import configure_logging
from service.main import create_app, run_kwargs
from service.settings import Settings, check_settings, get_settings
from signals.errors import KonfliktError


def prepare_database(settings: Settings) -> None:
    """Migrate (or check) the database once, before any worker starts; unreachable is a user error."""
    from sqlalchemy.exc import OperationalError

    engine = make_engine(settings.database_url)
    try:
        ensure_schema(engine, migrate=settings.auto_migrate)
    except OperationalError as exc:
        where = engine.url.render_as_string(hide_password=True)
        raise KonfliktError(f"cannot use the database {where} ({type(exc.orig).__name__})") from None
    finally:
        engine.dispose()


def serve(
    settings: Settings | None = None, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1
) -> None:
    """Check the settings, prepare the database, serve until interrupted.

    One worker runs the app built from `settings`. Several workers each import
    `service.main:create_app` and read KONFLIKT_* variables, so `settings` must be those.
    """
    import uvicorn

    settings = settings or get_settings()
    check_settings(settings)
    if workers > 1 and settings != get_settings():
        raise KonfliktError(
            "with --workers above 1 every worker reads its settings from KONFLIKT_* variables; "
            "set them there instead of passing settings"
        )
    if settings.json_logs:
        configure_logging(settings.log_level)
    prepare_database(settings)
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, **run_kwargs(settings))
    else:
        uvicorn.run(
            "service.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            **run_kwargs(settings),
        )
