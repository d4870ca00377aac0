"""Interface text for the conversation, looked up in the gettext catalogs under locales/."""

from __future__ import annotations

from collections.abc import Callable

from locales import translations


def translator(lang: str) -> Callable[[str], str]:
    """`_ = translator(lang)`; every string a user reads passes through it."""
    return translations(lang).gettext


def N_(message: str) -> str:
    """Marks a string for extraction without translating it yet."""
    return message
