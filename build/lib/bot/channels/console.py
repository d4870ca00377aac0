"""`migran chat`: the terminal channel. One line in is one message; options print as `1. Label`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from bot.channels.outbox_delivery import take
from bot.channels.plain import render_plain
from bot.dispatch import Dispatcher
from bot.store.db import transaction
from bot.types import Incoming

CHANNEL = "console"


def chat(
    dispatcher: Dispatcher,
    lines: Iterable[str],
    out: TextIO,
    *,
    user_id: str,
    interactive: bool = False,
) -> int:
    """Runs a conversation until the input ends; returns the number of messages handled."""
    handled = 0
    if interactive:
        out.write("Migran — ketik pesan (Ctrl-D untuk keluar)\n> ")
        out.flush()
    for raw in lines:
        text = raw.rstrip("\r\n")
        incoming = Incoming(channel=CHANNEL, user_id=user_id, text=text)
        ids = dispatcher.receive(incoming)
        with transaction(dispatcher.factory) as session:
            replies = take(session, ids, now=dispatcher.clock())
        for reply in replies:
            out.write(render_plain(reply) + "\n")
            if interactive:
                out.write("\n")
        handled += 1
        if interactive:
            out.write("> ")
        out.flush()
    return handled
