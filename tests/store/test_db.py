"""The store: alembic migrations match the models, receipt numbers are unique under concurrency."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, inspect
from sqlmodel import Session, SQLModel

import store.models  # noqa: F401
from store.db import make_engine, migrate
from store.repo import format_number, next_number


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migrations_create_the_schema_of_the_models(store_url):
    engine = make_engine(store_url)
    migrate(engine)
    migrate(engine)  # at every start: a no-op when up to date
    assert {"message", "case", "outbox", "auditevent", "sighting", "alembic_version"} <= set(inspect(engine).get_table_names())
    # alembic cannot compare expression indexes (ix_case_review_order: needs_review DESC): check they exist
    expression_ix = {ix.name for t in SQLModel.metadata.tables.values() for ix in t.indexes
                     if any(not isinstance(e, Column) for e in ix.expressions)}
    with engine.connect() as conn:
        diff = [d for d in compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
                if not (d[0] in ("add_index", "remove_index") and d[1].name in expression_ix)]
    present = {ix["name"] for t in inspect(engine).get_table_names() for ix in inspect(engine).get_indexes(t)}
    assert expression_ix <= present
    assert diff == [], "store/models.py changed without a migration: add a revision in store/migrations/versions"
    engine.dispose()


def test_receipt_numbers(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
    migrate(engine)
    with Session(engine) as s:
        assert [next_number(s, "q3", 2026) for _ in range(2)] == ["Q3-2026-000001", "Q3-2026-000002"]
        assert next_number(s, "q3", 2027) == "Q3-2027-000001"
        assert next_number(s, "binh-tan", 2026) == "BINH-TAN-2026-000001"
        assert next_number(s, "q3", 2026, "official") == "Q3-2026-TL000001"
        s.commit()
    assert format_number("cuc", 2026, 123) == "CUC-2026-000123"


@pytest.mark.parametrize("workers, each", [(4, 15)])
def test_receipt_numbers_are_unique_across_concurrent_transactions(store_url, workers, each):
    engine = make_engine(store_url)
    migrate(engine)
    got: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(each):
            with Session(engine) as s:
                n = next_number(s, "q3", 2026)
                s.commit()
            with lock:
                got.append(n)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == [format_number("q3", 2026, i) for i in range(1, workers * each + 1)]
    engine.dispose()
