"""Interface text catalogs (gettext .po files), loaded straight from the sources.

Reading the .po files at start (instead of shipping compiled .mo files) keeps one source of truth
that a translator edits; `babel` compiles it in memory.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DOMAIN = "migran"
LANGUAGES = ("id", "en")


@cache
def translations(lang: str) -> NullTranslations:
    """The catalog for `lang`; unknown languages fall back to Indonesian."""
    if lang not in LANGUAGES:
        lang = "id"
    po = resources.files("locales") / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def gettext(lang: str, message: str) -> str:
    return translations(lang).gettext(message)
