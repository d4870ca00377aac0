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


def language_of_tag(tags: str | None) -> str | None:
    """The chat language an app's or a browser's language suggests (an IETF tag such as
    "en-GB", or an Accept-Language list, first choice first): English for English,
    Indonesian for Indonesian and its neighbours (Malay, Javanese, Sundanese); else none."""
    first = (tags or "").split(",")[0].split(";")[0].strip().lower().split("-")[0]
    if first == "en":
        return "en"
    return "id" if first in ("id", "in", "ms", "jv", "su") else None
