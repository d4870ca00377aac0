"""Channel-neutral message types: what every adapter turns a platform update into and back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

MAX_BUTTONS = 3
MAX_BUTTON_TITLE = 20
MAX_LIST_ROWS = 10
MAX_ROW_TITLE = 24
MEDIA_KINDS = ("voice", "audio", "image", "video", "sticker", "document", "location", "contact")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""What JSON's "\\ud800" escapes decode to: not text, and no database can store it."""


def without_lone_surrogates(text: str) -> str:
    """The text with each half of an emoji's escape replaced by U+FFFD, storable and sendable."""
    if text.isascii() or not LONE_SURROGATE.search(text):
        return text
    return LONE_SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class Incoming:
    """One message from a user, whatever the channel."""

    channel: str
    user_id: str
    text: str | None = None
    button: str | None = None
    media: str | None = None
    media_ref: str | None = None
    display_name: str | None = None
    phone: str | None = None
    platform_id: str | None = None
    language: str | None = None
    """The language the person's app or browser is set to, when the channel says ("id" or
    "en"): a new contact whose first words say none ("menu", "1", "hi") is answered in it."""

    def __post_init__(self) -> None:
        # a webhook may carry a half of an emoji's escape; stored as is it would fail the
        # transaction that keeps the message, so it becomes the replacement character
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and (cleaned := without_lone_surrogates(value)) is not value:
                object.__setattr__(self, f.name, cleaned)


@dataclass(frozen=True)
class Button:
    id: str
    title: str

    def __post_init__(self) -> None:
        if not self.title or len(self.title) > MAX_BUTTON_TITLE:
            raise ValueError(f"button title must be 1..{MAX_BUTTON_TITLE} chars: {self.title!r}")


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    description: str = ""

    def __post_init__(self) -> None:
        if not self.title or len(self.title) > MAX_ROW_TITLE:
            raise ValueError(f"list row title must be 1..{MAX_ROW_TITLE} chars: {self.title!r}")


@dataclass(frozen=True)
class Reply:
    """Text with at most 3 buttons or a list of at most 10 rows (never both)."""

    text: str
    buttons: tuple[Button, ...] = ()
    rows: tuple[Row, ...] = ()
    list_label: str = ""
    meta: dict[str, str] = field(default_factory=dict, compare=False)
    first_number: int = field(default=1, compare=False)
    """The number of the first option where options are shown as numbered text: one reply to
    a message numbers on from the one before it ("1. Lapor darurat" under the numbers, then
    "2. ..." under the answer), so that a typed number means what the person saw."""

    def __post_init__(self) -> None:
        if len(self.buttons) > MAX_BUTTONS:
            raise ValueError(f"at most {MAX_BUTTONS} buttons")
        if len(self.rows) > MAX_LIST_ROWS:
            raise ValueError(f"at most {MAX_LIST_ROWS} list rows")
        if self.buttons and self.rows:
            raise ValueError("a reply has buttons or a list, not both")

    @property
    def options(self) -> tuple[Button | Row, ...]:
        return self.buttons or self.rows


def reply_to_dict(reply: Reply) -> dict[str, Any]:
    """The outbox payload: plain JSON so any sender (or a later version) can read it."""
    return {
        "text": reply.text,
        "buttons": [{"id": b.id, "title": b.title} for b in reply.buttons],
        "rows": [{"id": r.id, "title": r.title, "description": r.description} for r in reply.rows],
        "list_label": reply.list_label,
        "first_number": reply.first_number,
    }


def reply_from_dict(data: dict[str, Any]) -> Reply:
    buttons: list[dict[str, str]] = list(data.get("buttons") or [])
    rows: list[dict[str, str]] = list(data.get("rows") or [])
    return Reply(
        text=str(data.get("text", "")),
        buttons=tuple(Button(str(b["id"]), str(b["title"])) for b in buttons),
        rows=tuple(Row(str(r["id"]), str(r["title"]), str(r.get("description", ""))) for r in rows),
        list_label=str(data.get("list_label", "")),
        first_number=int(data.get("first_number") or 1),
    )
