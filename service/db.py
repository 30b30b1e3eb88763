"""Engine, sessions and schema migrations (Alembic is the only way the schema is created)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from signals.errors import KonfliktError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any fixed 64-bit number: the PostgreSQL advisory lock that serialises concurrent migrations.
_MIGRATION_LOCK_KEY = 7_351_260_113


class SchemaError(KonfliktError):
    """The database schema is not at the version this code expects."""


def make_engine(database_url: str) -> Engine:
    """An engine for SQLite (file created with its folder) or PostgreSQL.

    `hide_parameters` keeps bound values (complaint text) out of SQLAlchemy's error messages.
    """
    url = make_url(database_url)
    kwargs: dict[str, Any] = {"hide_parameters": True}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # Requests run in a thread pool; each thread gets its own connection from the pool.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets readers proceed while one request writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs the log at checkpoints rather than at every commit: a commit
    # survives the service crashing or being killed, and the database is never corrupted, but
    # the last commits before a power cut or an operating-system crash may be lost (FULL, the
    # default, made each commit wait for a disk flush, the larger part of a request's time).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic's config built in code (so an installed package needs no alembic.ini on disk)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise SchemaError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def _migration_engine(engine: Engine) -> Iterator[Engine]:
    """The engine to migrate with. For SQLite a twin whose transactions start with BEGIN IMMEDIATE:
    pysqlite runs DDL outside any transaction by default, so two starting processes would both
    create the tables; the write lock taken up front makes the second wait and then find head."""
    if engine.dialect.name != "sqlite":
        yield engine
        return
    twin = create_engine(engine.url, connect_args={"timeout": 60}, hide_parameters=True)

    @event.listens_for(twin, "connect")
    def _no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(twin, "begin")
    def _begin_immediate(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        yield twin
    finally:
        twin.dispose()


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision`, one process at a time (see `lock_for_migration`)."""
    with _migration_engine(engine) as migrating:
        command.upgrade(alembic_config(migrating), revision)


def downgrade_database(engine: Engine, revision: str) -> None:
    with _migration_engine(engine) as migrating:
        command.downgrade(alembic_config(migrating), revision)


def ensure_schema(engine: Engine, *, migrate: bool) -> None:
    """Upgrade to head when allowed; otherwise refuse to run on a schema this code does not know."""
    if migrate:
        upgrade_database(engine)
        return
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise SchemaError(
            f"database schema is at {current or 'nothing'}, this code needs {head}: run `konflikt db upgrade`"
        )


def lock_for_migration(connection: Any) -> None:
    """Serialise migrations across processes on PostgreSQL (SQLite serialises writers itself)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for CLI work: commit on success, roll back on any error."""
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
