"""Replies as plain text with numbered options, for the terminal and text-only fallbacks."""

from __future__ import annotations

from bot.types import Reply, Row


def render_plain(reply: Reply) -> str:
    """The text, then each option on its line, numbered on from the reply before it; a list
    row's description follows its title ("Kuta — Kec. Pujut, Lombok Tengah"), as a list shows
    it, so that rows with one title can be told apart."""
    lines = [reply.text]
    for n, option in enumerate(reply.options, reply.first_number):
        if isinstance(option, Row) and option.description:
            lines.append(f"{n}. {option.title} — {option.description}")
        else:
            lines.append(f"{n}. {option.title}")
    return "\n".join(lines)
