"""WhatsApp-style emphasis (*bold*, _italic_) as HTML for the web chat, escaped first."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")
ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])")


def chat_markup(text: str) -> Markup:
    """The user's and the bot's text never become markup: only the emphasis marks do."""
    escaped = str(escape(text))
    escaped = BOLD.sub(r"<strong>\1</strong>", escaped)
    escaped = ITALIC.sub(r"<em>\1</em>", escaped)
    return Markup(escaped)
