"""`migran chat`: the terminal channel. One line in is one message; options print as `1. Label`.

Officers answer later, so what arrived for the user in the meantime (a claim, a reply, a
resolution) is printed when the chat starts, after each message and, in a terminal, while
the user is thinking.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TextIO

from bot.channels.outbox_delivery import take, take_pending_for
from bot.channels.plain import render_plain
from bot.dispatch import Dispatcher
from bot.store.db import transaction
from bot.types import Incoming, Reply

CHANNEL = "console"
POLL_SECONDS = 3.0


def arrived(dispatcher: Dispatcher, user_id: str) -> list[Reply]:
    """Messages queued for this user outside their own turn (an officer's), marked sent."""
    with transaction(dispatcher.factory) as session:
        rows = take_pending_for(session, channel=CHANNEL, recipient=user_id, now=dispatcher.clock())
    return [reply for _id, reply in rows]


def chat(
    dispatcher: Dispatcher,
    lines: Iterable[str],
    out: TextIO,
    *,
    user_id: str,
    interactive: bool = False,
    poll_seconds: float = POLL_SECONDS,
    language: str | None = None,
) -> int:
    """Runs a conversation until the input ends; returns the number of messages handled."""
    lock = threading.Lock()
    stop = threading.Event()

    def show(replies: list[Reply]) -> None:
        for reply in replies:
            out.write(render_plain(reply) + "\n")
            if interactive:
                out.write("\n")

    def watch() -> None:
        while not stop.wait(poll_seconds):
            with lock:
                replies = arrived(dispatcher, user_id)
                if replies:
                    out.write("\n")
                    show(replies)
                    out.write("> ")
                    out.flush()

    handled = 0
    if interactive:
        out.write("Migran — ketik pesan (Ctrl-D untuk keluar)\n")
    show(arrived(dispatcher, user_id))
    if interactive:
        out.write("> ")
        threading.Thread(target=watch, daemon=True).start()
    out.flush()
    try:
        for raw in lines:
            text = raw.rstrip("\r\n")
            with lock:
                if not interactive:
                    out.write(f"> {text}\n")  # a piped transcript reads as a conversation
                incoming = Incoming(channel=CHANNEL, user_id=user_id, text=text, language=language)
                ids = dispatcher.receive(incoming)
                with transaction(dispatcher.factory) as session:
                    replies = take(session, ids, now=dispatcher.clock())
                show(replies)
                show(arrived(dispatcher, user_id))
                handled += 1
                if interactive:
                    out.write("> ")
                out.flush()
    finally:
        stop.set()
    return handled
