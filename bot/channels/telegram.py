"""Telegram through python-telegram-bot: updates in, inline keyboards out. The only module
that imports `telegram`. State stays in our database, never in the library's persistence."""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Callable
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.request import HTTPXRequest

from bot.channels.plain import render_plain
from bot.i18n import N_, language_of_tag, translator
from bot.outbox import Outgoing, PermanentError, TransientError
from bot.types import Incoming, Reply, reply_from_dict

log = logging.getLogger(__name__)
CHANNEL = "telegram"
TEXT_LIMIT = 4096
CALLBACK_LIMIT = 64
COMMANDS = ("darurat", "start", "menu", "bahasa", "pelatihan", "lapor", "status")
"""Registered with Telegram, first in its command list: the emergency numbers ("/darurat" is
read as a plea and gets the danger reply)."""
BOLD = re.compile(r"\*([^*\n]+)\*")


def make_bot(token: str, api_url: str, timeout: float = 10.0) -> Bot:
    root = api_url.rstrip("/")
    return Bot(
        token,
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        request=HTTPXRequest(connect_timeout=timeout, read_timeout=timeout, write_timeout=timeout),
        get_updates_request=HTTPXRequest(read_timeout=40.0, connect_timeout=timeout),
    )


def update_to_incoming(data: dict[str, Any]) -> tuple[Incoming | None, str | None]:
    """The update as `Incoming` (None for kinds we ignore) and a callback id to acknowledge."""
    update = Update.de_json(data, None)
    platform_id = f"u{update.update_id}"
    if update.callback_query is not None:
        query = update.callback_query
        chat = query.message.chat.id if query.message is not None else query.from_user.id
        return (
            Incoming(
                channel=CHANNEL,
                user_id=str(chat),
                button=query.data or None,
                platform_id=platform_id,
            ),
            query.id,
        )
    message = update.message or update.edited_message
    if message is None:
        return None, None
    sender = message.from_user
    base: dict[str, Any] = {
        "channel": CHANNEL,
        "user_id": str(message.chat.id),
        "platform_id": platform_id,
        # only the public @handle, so an officer can reach the family who consented; no name
        "display_name": f"@{sender.username}" if sender and sender.username else None,
        "language": language_of_tag(sender.language_code if sender else None),
    }
    if message.text is not None:
        return Incoming(**base, text=message.text), None
    media: tuple[str, str | None] | None = None
    if message.voice:
        media = ("voice", message.voice.file_id)
    elif message.audio:
        media = ("audio", message.audio.file_id)
    elif message.photo:
        media = ("image", message.photo[-1].file_id)
    elif message.video:
        media = ("video", message.video.file_id)
    elif message.sticker:
        media = ("sticker", message.sticker.file_id)
    elif message.document:
        media = ("document", message.document.file_id)
    elif message.location:
        media = ("location", f"{message.location.latitude},{message.location.longitude}")
    elif message.contact:
        media = ("contact", None)
    if media is None:
        return Incoming(**base, media="document"), None
    return Incoming(**base, media=media[0], media_ref=media[1], text=message.caption), None


def to_html(text: str) -> str:
    """Our *bold* as Telegram HTML, with everything else escaped."""
    return BOLD.sub(r"<b>\1</b>", html.escape(text, quote=False))


def described(reply: Reply) -> bool:
    """A list whose rows carry descriptions: a button shows one short line, so the rows are
    listed in the text, numbered as their buttons are ("Sukadana" in three kecamatan)."""
    return any(r.description for r in reply.rows)


def message_text(reply: Reply) -> str:
    return render_plain(reply) if described(reply) else reply.text


def keyboard(payload: dict[str, Any]) -> InlineKeyboardMarkup | None:
    reply = reply_from_dict(payload)
    if reply.buttons:
        row = [
            InlineKeyboardButton(b.title, callback_data=b.id[:CALLBACK_LIMIT])
            for b in reply.buttons
        ]
        return InlineKeyboardMarkup([row])
    if reply.rows:
        numbered = described(reply)
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        f"{n}. {r.title}" if numbered else r.title,
                        callback_data=r.id[:CALLBACK_LIMIT],
                    )
                ]
                for n, r in enumerate(reply.rows, reply.first_number)
            ]
        )
    return None


class TelegramTransport:
    channel = CHANNEL
    rate_per_second = 30.0
    per_chat_interval = 1.0

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._ready = False

    async def _ensure(self) -> None:
        if not self._ready:
            await self.bot.initialize()
            self._ready = True

    async def send(self, message: Outgoing) -> str | None:
        text = message_text(reply_from_dict(message.payload))
        body = to_html(text)
        if len(body) > TEXT_LIMIT:
            body = html.escape(text[: TEXT_LIMIT - 200], quote=False) + "…"
        try:
            await self._ensure()
            sent = await self.bot.send_message(
                chat_id=message.recipient,
                text=body,
                parse_mode="HTML",
                reply_markup=keyboard(message.payload),
            )
        except RetryAfter as exc:
            retry = exc.retry_after
            seconds = retry.total_seconds() if hasattr(retry, "total_seconds") else float(retry)
            raise TransientError("Telegram 429", seconds) from exc
        except (BadRequest, Forbidden) as exc:
            raise PermanentError(f"Telegram: {exc}") from exc
        except (TimedOut, NetworkError) as exc:
            raise TransientError(f"Telegram: {exc}") from exc
        except TelegramError as exc:
            raise TransientError(f"Telegram: {exc}") from exc
        return str(sent.message_id)

    async def invite_back(self, message: Outgoing) -> str | None:  # pragma: no cover - no window
        return await self.send(message)

    async def answer_callback(self, callback_id: str) -> None:
        try:
            await self._ensure()
            await self.bot.answer_callback_query(callback_id)
        except TelegramError:
            log.info("could not acknowledge a Telegram button press")

    async def register_commands(self) -> None:
        """setMyCommands in Indonesian (default) and English."""
        await self._ensure()
        descriptions = {
            "darurat": N_("Emergency numbers"),
            "start": N_("Start"),
            "menu": N_("Main menu"),
            "bahasa": N_("Language"),
            "pelatihan": N_("Sign up for training"),
            "lapor": N_("Report a problem"),
            "status": N_("My status"),
        }
        for lang in ("id", "en"):
            _ = translator(lang)
            commands = [BotCommand(c, _(descriptions[c])) for c in COMMANDS]
            await self.bot.set_my_commands(
                commands,
                scope=BotCommandScopeDefault(),
                language_code=None if lang == "id" else "en",
            )

    async def set_webhook(self, url: str, secret: str) -> None:
        await self._ensure()
        await self.bot.set_webhook(
            url=url, secret_token=secret or None, allowed_updates=["message", "callback_query"]
        )

    async def aclose(self) -> None:
        if self._ready:
            await self.bot.shutdown()


async def poll(
    transport: TelegramTransport,
    receive: Callable[[Incoming], object],
    stop: asyncio.Event,
    timeout: int = 25,
) -> None:
    """Long polling for a deployment without a public address; offsets make it resumable."""
    await transport._ensure()
    await transport.bot.delete_webhook()
    offset: int | None = None
    while not stop.is_set():
        try:
            updates = await transport.bot.get_updates(
                offset=offset, timeout=timeout, allowed_updates=["message", "callback_query"]
            )
        except (TimedOut, NetworkError):
            await asyncio.sleep(1)
            continue
        for update in updates:
            offset = update.update_id + 1
            incoming, callback = update_to_incoming(update.to_dict())
            if incoming is not None:
                await asyncio.to_thread(receive, incoming)
            if callback:
                await transport.answer_callback(callback)
