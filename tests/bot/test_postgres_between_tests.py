"""Each PostgreSQL test starts from the database as migrated: no rows the test before left,
every id from 1, and the newest schema even after a test took it apart."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.conftest import POSTGRES_URL, EmptiedPostgres

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs MIGRAN_TEST_POSTGRES_URL")

ADD_CONTACT = text(
    "INSERT INTO contacts (channel, channel_user_id, language, created_at, last_seen_at)"
    " VALUES ('web', :user, 'id', now(), now()) RETURNING id"
)


def test_rows_and_ids_left_by_a_test_are_gone_for_the_next(
    postgres_database: EmptiedPostgres,
) -> None:
    engine = create_engine(postgres_database.emptied())
    with engine.begin() as conn:
        first = conn.execute(ADD_CONTACT, {"user": "a"}).scalar_one()
        conn.execute(ADD_CONTACT, {"user": "b"})
    idle = engine.connect()  # a server's pool still holding a connection when the test ends
    engine = create_engine(postgres_database.emptied())
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM contacts")).scalar_one() == 0
        assert conn.execute(ADD_CONTACT, {"user": "c"}).scalar_one() == first
    engine.dispose()
    idle.invalidate()


def test_a_schema_taken_apart_is_copied_afresh(postgres_database: EmptiedPostgres) -> None:
    engine = create_engine(postgres_database.emptied())
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE messages"))
    engine.dispose()
    engine = create_engine(postgres_database.emptied())
    assert "messages" in inspect(engine).get_table_names()
    engine.dispose()
