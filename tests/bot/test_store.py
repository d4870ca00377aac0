"""Migrations, erasure, export and retention, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, func, inspect, select

from bot.exports import CASE_COLUMNS, REGISTRATION_COLUMNS, case_rows, registration_rows
from bot.privacy import prune_message_bodies
from bot.store.db import transaction
from bot.store.models import Case, Contact, Message, Registration
from bot.store.registry import metadata
from bot.store.schema import downgrade, upgrade
from migran.services import Services
from tests.conftest import Chat


def register(chat: Chat, name: str = "Siti Aminah") -> str:
    for step in ("pelatihan",):
        chat.say(step)
    if "setuju" in chat.history[-1][1][0].text.lower():
        chat.say(button="opt:yes")
    chat.say(button="prog:caregiver")
    chat.say(name)
    chat.say("1998")
    chat.say("anjani suralaga")
    chat.say(button="opt:yes")
    chat.say("081234567890")
    chat.say(button="dest:taiwan")
    chat.say(button="edu:sma")
    chat.say(button="opt:skip")
    return chat.say(button="opt:submit")


def report(chat: Chat) -> str:
    chat.say("lapor")
    chat.say(button="opt:yes")
    chat.say(button="rep:family")
    chat.say("Baiq Nurhasanah")
    chat.say(button="country:malaysia")
    chat.say("Johor Bahru")
    chat.say(button="cat:wages")
    chat.say("Gaji ibu saya 081299998888 tidak dibayar 5 bulan oleh majikan")
    chat.say(button="opt:no")
    chat.say("sakra")
    chat.say(button="opt:yes")
    chat.say(button="opt:yes")
    return chat.say(button="opt:submit")


def test_migrations_match_the_models_and_go_down_and_up(database_url: str) -> None:
    upgrade(database_url)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == [], diff
    downgrade(database_url, "base")
    assert set(inspect(create_engine(database_url)).get_table_names()) <= {"alembic_version"}
    upgrade(database_url)
    assert "cases" in inspect(create_engine(database_url)).get_table_names()


def test_registration_and_case_appear_in_the_exports_with_village_and_district(
    chat: Chat, services: Services
) -> None:
    assert "P-" in register(chat)
    assert "K-" in report(chat)
    with services.factory() as session:
        regs = list(registration_rows(session, services.engine.villages))
        cases = list(case_rows(session, services.engine.villages))
    assert regs[0]["village"] == "Anjani" and regs[0]["district"] == "Lombok Timur"
    assert regs[0]["phone"] == "+6281234567890"
    assert cases[0]["village"] == "Sakra" and cases[0]["subdistrict"] == "Sakra"
    assert cases[0]["category"] == "wages" and cases[0]["country"] == "malaysia"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(REGISTRATION_COLUMNS))
    writer.writeheader()
    writer.writerows(regs)
    assert "Lombok Timur" in buffer.getvalue()
    assert set(CASE_COLUMNS) == set(cases[0])


def test_hapus_data_saya_erases_registration_and_anonymises_the_open_case(
    chat: Chat, services: Services
) -> None:
    register(chat)
    report(chat)
    chat.say("hapus data saya")
    assert "dihapus" in chat.say(button="erase:yes")
    with services.factory() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 0
        contact = session.scalars(select(Contact)).one()
        assert contact.erased_at is not None and contact.channel_user_id.startswith("erased:")
        assert (
            session.scalar(
                select(func.count()).select_from(Message).where(Message.body.is_not(None))
            )
            == 0
        )
        case = session.scalars(select(Case)).one()
        assert case.worker_name is None and case.contact_id is None and case.anonymised
        assert "081299998888" not in case.story and "dibayar" in case.story
    # the same person writing again starts fresh, with nothing of the old data
    assert "belum punya" in chat.say("status")


def test_message_bodies_are_dropped_after_the_retention_period(
    chat: Chat, services: Services
) -> None:
    chat.say("syarat jadi tki apa aja")
    with transaction(services.factory) as session:
        later = services.dispatcher.clock() + timedelta(days=181)
        assert prune_message_bodies(session, older_than=timedelta(days=180), now=later) >= 2
    with services.factory() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Message).where(Message.body.is_not(None))
            )
            == 0
        )


def test_a_redelivered_message_is_stored_once_and_answered_once(services: Services) -> None:
    from bot.types import Incoming

    incoming = Incoming(
        channel="whatsapp", user_id="6281234567890", text="syarat tki", platform_id="wamid.ABC"
    )
    first = services.dispatcher.receive(incoming)
    second = services.dispatcher.receive(incoming)
    assert first and second == []
    with services.factory() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Message).where(Message.direction == "in")
            )
            == 1
        )


def test_an_abandoned_form_expires_after_24_hours(chat: Chat, services: Services) -> None:
    chat.say("pelatihan")
    chat.say(button="opt:yes")
    chat.say(button="prog:otomotif")
    start = services.engine.clock()
    services.engine.clock = lambda: start + timedelta(hours=23)
    assert "umur" in chat.say("Siti Aminah").lower()  # 23 hours later the form goes on
    services.engine.clock = lambda: start + timedelta(hours=48)
    reply = chat.say("lanjut").lower()  # 25 hours after the last answer it has expired
    assert "tidak berlaku" in reply and "umur" not in reply
