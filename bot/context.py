"""What a handler needs while answering one message."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from bot.i18n import translator
from bot.ntb_time import ntb_day
from bot.store.models import Contact, Conversation
from bot.types import Button, Incoming, Reply, Row

if TYPE_CHECKING:
    from bot.engine import Engine
    from bot.triage import Reading

OPTIONS_KEY = "_options"
PENDING_STORY = "pending_story"
"""A message kept for a moment so that pressing "Report" carries it into the report."""
PENDING_REPLY = "pending_reply"
"""What the assistant gave that message (`replied`), kept with it: a case opened from it
records what the family got, for the province's picture of the assistant (bot/stats)."""
PIECES_KEY = "recent_pieces"
EARLIER_KEY, EARLIER_CHARS = "earlier_text", 600
"""What was told just before a report began, and what was asked inside a form that named a
place: where someone in danger in the form is, when the form itself does not say."""
"""A person's last few messages, read together with the next (bot/pieces.py)."""
TURN_OPTIONS_KEY = "_turn_options"
"""Option ids of every reply to the user's last message, in order: a chat that shows only its
newest reply's buttons (the web page) still shows the earlier ones' (the emergency reply's
*Urgent report*, an answer's buttons before a story's other needs)."""


@dataclass
class Ctx:
    session: Session
    engine: Engine
    contact: Contact
    conversation: Conversation
    incoming: Incoming
    now: datetime
    replies: list[Reply] = field(default_factory=list)
    previous_options: list[str] = field(default_factory=list)
    """Option ids of the last reply the user saw: a typed '2' means the second of these."""
    reading: Reading | None = None
    """How a free-text message was read (for `migran ask --json`), when it was."""

    @property
    def today(self) -> date:
        """The day in NTB (WITA), where users live: what "hari ini", "kemarin" and "besok"
        mean to them. `now` is UTC, a day behind until 08:00 WITA."""
        return ntb_day(self.now)

    @property
    def lang(self) -> str:
        return self.contact.language or "id"

    @property
    def _(self) -> Callable[[str], str]:
        return translator(self.lang)

    @property
    def data(self) -> dict[str, Any]:
        return self.conversation.data

    def set_data(self, **values: Any) -> None:
        """Conversation data is JSON: replace the dict so SQLAlchemy sees the change."""
        self.conversation.data = {**self.conversation.data, **values}

    def say(
        self,
        text: str,
        buttons: list[Button] | tuple[Button, ...] = (),
        rows: list[Row] | tuple[Row, ...] = (),
        list_label: str = "",
    ) -> None:
        earlier = list(self.data.get(TURN_OPTIONS_KEY, ()))
        reply = Reply(
            text,
            tuple(buttons),
            tuple(rows),
            list_label or self._("Choose"),
            first_number=len(earlier) + 1,
        )
        self.replies.append(reply)
        options = [o.id for o in reply.options]
        if options:
            self.set_data(**{OPTIONS_KEY: options, TURN_OPTIONS_KEY: [*earlier, *options]})
