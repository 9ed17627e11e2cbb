"""The store's engine and its schema migrations.

`make_engine(url)` builds a SQLAlchemy engine for SQLite or PostgreSQL;
`migrate(engine)` brings the schema to the newest alembic revision
(`store/migrations/`). Nothing here reads the config or the environment:
the caller passes the URL (config `[store] url`).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, event

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine for `url` ("sqlite:///path" or "postgresql+psycopg://…").

    SQLite gets foreign keys on, WAL journaling and a busy timeout so that the
    poller and the web page can share one file. The folder of a SQLite file is
    created when missing.
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine | None = None) -> AlembicConfig:
    """The alembic configuration of this package (no alembic.ini needed)."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the store behind `engine` to `revision` (default: the newest).

    Safe to call at every start: an up-to-date store is left as it is.
    Raises sqlalchemy.exc.OperationalError if the database cannot be reached.
    """
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
