"""Replies as plain text with numbered options, for the terminal and text-only fallbacks."""

from __future__ import annotations

from bot.types import Reply


def render_plain(reply: Reply) -> str:
    lines = [reply.text]
    for n, option in enumerate(reply.options, reply.first_number):
        lines.append(f"{n}. {option.title}")
    return "\n".join(lines)
