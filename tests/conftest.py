"""Shared fixtures: the knowledge base (built once), databases (SQLite always, PostgreSQL when
MIGRAN_TEST_POSTGRES_URL is set), and a dialog driver that talks to the real core.

Each test gets a database of its own, copied from one migrated once per worker: running the
migrations took 0.15-0.3 s of every test's setup, about 80 s of the suite (stop 46). The
migrations themselves still run from nothing, in the template and in tests/bot/test_store.py.
On PostgreSQL a worker's one copy is emptied between tests (`EmptiedPostgres`)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Connection, MetaData, create_engine, text
from sqlalchemy.pool import NullPool

from bot.channels.outbox_delivery import take
from bot.channels.plain import render_plain
from bot.companies.service import forget_lists
from bot.config import Settings
from bot.officers import service as officer_accounts
from bot.store.db import transaction
from bot.store.schema import upgrade
from bot.triage import Triage
from bot.types import Incoming, Reply
from knowledge import Librarian
from migran.services import Services, build
from tests.channels_support import whatsapp_settings
from tests.fakes import FakeGraphAPI

POSTGRES_URL = os.environ.get("MIGRAN_TEST_POSTGRES_URL")


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashing() -> Iterator[None]:
    """Argon2 at its lowest cost. At the service's cost a hash takes 0.1 s, and most tests add
    five officers: half a second of setup each, over a minute of the suite (stop 46). The
    hashes are still argon2, checked as the service checks them."""
    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(officer_accounts, "HASHER", quick)
        patch.setattr(officer_accounts, "DUMMY_HASH", quick.hash("not a password of anyone"))
        yield


@pytest.fixture
def graph() -> Iterator[FakeGraphAPI]:
    server = FakeGraphAPI().start()
    yield server
    server.stop()


@pytest.fixture
def wa_services(database_url: str, graph: FakeGraphAPI, librarian: Librarian) -> Iterator[Services]:
    """The service with WhatsApp pointed at the fake Graph API on loopback."""
    services = build(whatsapp_settings(database_url, graph.url), librarian=librarian)
    yield services
    services.database.dispose()


@pytest.fixture(scope="session")
def librarian() -> Librarian:
    return Librarian.from_directory()


@pytest.fixture(scope="session")
def triage(librarian: Librarian) -> Triage:
    return Triage(librarian)


def _fresh_postgres(base_url: str, template: str | None = None) -> tuple[str, str]:
    """A new database on the test server, empty or a copy of `template`; returns (url, name)."""
    name = "migran_test_" + uuid.uuid4().hex[:10]
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    copied = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{copied}'))
    admin.dispose()
    return base_url.rsplit("/", 1)[0] + "/" + name, name


def _drop_postgres(base_url: str, name: str) -> None:
    """Best-effort cleanup: a background worker (autovacuum) may still be attached for a moment."""
    import time
    import warnings

    from sqlalchemy.exc import DBAPIError

    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        for attempt in range(5):
            try:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except DBAPIError as error:
                if attempt == 4:
                    warnings.warn(f"test database {name} left behind: {error.orig}", stacklevel=2)
                time.sleep(0.5)
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database at the newest migration, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "migran.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """The name of a PostgreSQL database at the newest migration, copied for each test."""
    if not POSTGRES_URL:
        yield None
        return
    url, name = _fresh_postgres(POSTGRES_URL)
    upgrade(url)
    try:
        yield name
    finally:
        _drop_postgres(POSTGRES_URL, name)


@dataclass
class EmptiedPostgres:
    """One PostgreSQL database per worker, copied from the template once and emptied before
    each test: copying a database took 0.3 s and dropping it 0.1 s, and 1,350 tests run on
    PostgreSQL, over half of the suite's time; emptying takes 0.05 s (docs/benchmarks.md, stop
    60). Emptied means as the copy was: no rows, every sequence from its start, and the schema
    of the newest migration, copied afresh if a test changed it (tests/bot/test_store.py
    migrates down and up)."""

    template: str
    url: str
    name: str
    shape: list[tuple[str, ...]]
    emptying: str

    @classmethod
    def copy_of(cls, template: str) -> EmptiedPostgres:
        assert POSTGRES_URL
        url, name = _fresh_postgres(POSTGRES_URL, template)
        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                shape = _schema_shape(conn)
                tables = MetaData()
                tables.reflect(conn)
                sequences = conn.execute(
                    text(
                        "SELECT sequence_name FROM information_schema.sequences"
                        " WHERE sequence_schema = 'public' ORDER BY 1"
                    )
                ).scalars()
                # children before their parents: a row is deleted before what it refers to
                emptying = ";".join(
                    [
                        *(
                            f'DELETE FROM "{table.name}"'
                            for table in reversed(tables.sorted_tables)
                            if table.name != "alembic_version"
                        ),
                        *(f'ALTER SEQUENCE "{sequence}" RESTART' for sequence in sequences),
                    ]
                )
        finally:
            engine.dispose()
        return cls(template, url, name, shape, emptying)

    def emptied(self) -> str:
        """The database as it was copied, for the next test; its URL."""
        assert POSTGRES_URL
        forget_lists()  # read by the last test under the same URL and numbers
        engine = create_engine(self.url, poolclass=NullPool)
        try:
            with engine.begin() as conn:
                # what the last test left connected (a server's pool) holds no lock on a row
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND usename = current_user"
                        " AND pid <> pg_backend_pid()"
                    )
                )
                if _schema_shape(conn) == self.shape:
                    conn.exec_driver_sql(self.emptying)
                    return self.url
        finally:
            engine.dispose()
        _drop_postgres(POSTGRES_URL, self.name)
        self.url, self.name = _fresh_postgres(POSTGRES_URL, self.template)
        return self.url


def _schema_shape(conn: Connection) -> list[tuple[str, ...]]:
    """Every column of every table with its type, and the migration the schema is at."""
    columns = conn.execute(
        text(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = 'public' ORDER BY 1, 2"
        )
    )
    rows = [tuple(str(value) for value in row) for row in columns]
    if ("alembic_version", "version_num", "character varying") in rows:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
        rows.append(("at", *sorted(version)))
    return rows


@pytest.fixture(scope="session")
def postgres_database(postgres_template: str | None) -> Iterator[EmptiedPostgres | None]:
    if not POSTGRES_URL or postgres_template is None:
        yield None
        return
    database = EmptiedPostgres.copy_of(postgres_template)
    try:
        yield database
    finally:
        _drop_postgres(POSTGRES_URL, database.name)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[str]:
    """A database of the test's own, already migrated and empty, on each engine."""
    if request.param == "sqlite":
        yield _sqlite_copy(sqlite_template, tmp_path)
        return
    database = request.getfixturevalue("postgres_database")
    if database is None:
        pytest.skip("PostgreSQL not available (set MIGRAN_TEST_POSTGRES_URL)")
    yield database.emptied()


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    return _sqlite_copy(sqlite_template, tmp_path)


def _sqlite_copy(template: Path, folder: Path) -> str:
    path = folder / "migran.db"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def services(database_url: str, librarian: Librarian) -> Iterator[Services]:
    built = build(Settings(database_url=database_url), librarian=librarian)
    yield built
    built.database.dispose()


@pytest.fixture
def sqlite_services(sqlite_url: str, librarian: Librarian) -> Iterator[Services]:
    built = build(Settings(database_url=sqlite_url), librarian=librarian)
    yield built
    built.database.dispose()


@dataclass
class Chat:
    """Drives one user's conversation through the dispatcher, as a channel would."""

    services: Services
    user: str = "u1"
    channel: str = "console"
    phone: str | None = None
    language: str | None = None
    """What the person's app says its language is (`Incoming.language`)."""
    history: list[tuple[str, list[Reply]]] = field(default_factory=list)

    def send(
        self,
        text: str | None = None,
        *,
        button: str | None = None,
        media: str | None = None,
        media_ref: str | None = None,
    ) -> list[Reply]:
        incoming = Incoming(
            channel=self.channel,
            user_id=self.user,
            text=text,
            button=button,
            media=media,
            media_ref=media_ref,
            phone=self.phone,
            language=self.language,
        )
        ids = self.services.dispatcher.receive(incoming)
        with transaction(self.services.factory) as session:
            replies = take(session, ids, now=self.services.dispatcher.clock())
        self.history.append((text or button or media or "", replies))
        return replies

    def say(self, text: str | None = None, **kwargs: str) -> str:
        """The replies as one plain text, the way the terminal prints them."""
        return "\n".join(render_plain(r) for r in self.send(text, **kwargs))


@pytest.fixture
def chat(services: Services) -> Chat:
    return Chat(services)


@pytest.fixture
def sqlite_chat(sqlite_services: Services) -> Chat:
    return Chat(sqlite_services)
