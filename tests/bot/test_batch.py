"""The webhook path's batches: one transaction for many messages, replies fed to the sender."""

from __future__ import annotations

import asyncio

from sqlalchemy import event, select

from bot.outbox import OutboxSender
from bot.store.models import Message, OutboxMessage
from migran.services import Services
from tests.bot.test_delivery import incoming
from tests.fakes import FakeGraphAPI


def test_a_batch_stores_each_message_once_and_answers_one_contact_in_order(
    wa_services: Services,
) -> None:
    a, b = "6281600000001", "6281600000002"
    batch = [incoming(a, "syarat tki", 1), incoming(a, "menu", 2), incoming(b, "halo", 1)]
    batch.append(incoming(a, "syarat tki", 1))  # the platform delivered it twice
    outcome = wa_services.dispatcher.receive_batch(batch)
    assert outcome.new == [True, True, True, False]
    again = wa_services.dispatcher.receive_batch([incoming(b, "halo", 1)])
    assert again.new == [False]
    # the same messages one at a time on the old path, for another user
    c = "6281600000003"
    for n, text in ((1, "syarat tki"), (2, "menu")):
        wa_services.dispatcher.receive(incoming(c, text, n))
    with wa_services.factory() as session:
        inbound = session.scalars(
            select(Message).where(Message.direction == "in").order_by(Message.id)
        ).all()

        def texts(user: str) -> list[str]:
            rows = session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.recipient == user)
                .order_by(OutboxMessage.id)
            )
            return [r.payload["text"] for r in rows]

        batched, one_by_one = texts(a), texts(c)
    assert [m.platform_id for m in inbound][:3] == [f"wamid.{a}.1", f"wamid.{a}.2", f"wamid.{b}.1"]
    assert all(m.handled_at is not None for m in inbound)
    assert len(batched) >= 2 and batched == one_by_one  # same replies, in the order written


def test_fed_replies_are_leased_from_other_senders_and_marked_sent_in_one_cycle(
    wa_services: Services, graph: FakeGraphAPI
) -> None:
    sender = wa_services.sender
    assert isinstance(sender, OutboxSender)
    users = [f"62816000001{n:02d}" for n in range(5)]
    outcome = wa_services.dispatcher.receive_batch([incoming(u, "syarat tki", 1) for u in users])
    assert len(outcome.outgoing) == len(users)
    assert sender.claim() == []  # leased at write time: no other sender takes them
    sender.feed(outcome.outgoing)
    assert all(sender.owns(m.id) for m in outcome.outgoing)
    assert asyncio.run(sender.run_once(claim=False)) == len(users)
    assert all(len(graph.texts_to(u)) == 1 for u in users)
    with wa_services.factory() as session:
        statuses = session.scalars(select(OutboxMessage.status)).all()
    assert statuses and set(statuses) == {"sent"}
    assert not any(sender.owns(m.id) for m in outcome.outgoing)


def test_a_reply_behind_an_undelivered_one_is_left_to_the_table_to_keep_order(
    wa_services: Services,
) -> None:
    user = "6281600000200"
    first = wa_services.dispatcher.receive_batch([incoming(user, "syarat tki", 1)])
    assert len(first.outgoing) == 1  # not fed: still "sending", owned by nobody here
    second = wa_services.dispatcher.receive_batch([incoming(user, "halo", 2)])
    assert second.outgoing == []
    with wa_services.factory() as session:
        rows = session.scalars(
            select(OutboxMessage).where(OutboxMessage.recipient == user).order_by(OutboxMessage.id)
        ).all()
    assert [r.status for r in rows][-1] == "pending"


def test_a_batch_looks_up_its_contacts_reports_once_not_per_message(
    wa_services: Services,
) -> None:
    """Each message asks whether its family has an open report or one resolved lately; a
    batch answers both for all its contacts in one query."""
    users = [f"62816000002{n:02d}" for n in range(6)]
    reads: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM cases" in statement:
            reads.append(statement)

    event.listen(wa_services.database, "before_cursor_execute", count)
    try:
        wa_services.dispatcher.receive_batch([incoming(u, "gaji sy blm dibayar", 1) for u in users])
    finally:
        event.remove(wa_services.database, "before_cursor_execute", count)
    assert len(reads) == 1, reads
