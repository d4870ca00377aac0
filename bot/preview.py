"""What the chat would answer a fresh user, without a database file (`migran ask`).

The same `Engine.handle` as every channel runs against an in-memory SQLite store, so the first
reply `migran ask --json` prints is exactly what a new WhatsApp user would read, forms and the
emergency reply included. Each question is a new user, and nothing is kept.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sqlalchemy.pool import StaticPool

from bot.engine import Engine
from bot.store.db import make_engine, make_sessionmaker
from bot.store.models import Base, Conversation
from bot.triage import Reading
from bot.types import Incoming, Reply

CHANNEL = "console"


@dataclass(frozen=True)
class Preview:
    reading: Reading | None
    replies: list[Reply]


class Previewer:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        database = make_engine("sqlite://", poolclass=StaticPool)
        Base.metadata.create_all(database)
        self.factory = make_sessionmaker(database)
        self._users = itertools.count(1)

    def first_replies(self, text: str, lang: str | None = None) -> Preview:
        incoming = Incoming(channel=CHANNEL, user_id=f"ask-{next(self._users)}", text=text)
        with self.factory() as session, session.begin():
            contact = self.engine.contact_for(session, incoming, self.engine.clock())
            if lang:
                contact.language = lang
                session.add(Conversation(contact_id=contact.id, data={"lang_chosen": True}))
                session.flush()
            ctx = self.engine.run(session, incoming, contact)
            session.rollback()
        return Preview(ctx.reading, ctx.replies)
