"""Company names as people write them, folded to one key: legal forms (PT, P.T., CV, Tbk,
(Persero), "Perseroan Terbatas") and punctuation dropped, common misspellings and chat
abbreviations of the usual name words spelled out, spacing ignored by the matcher."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

LEGAL_FORMS = frozenset("pt cv tbk persero perseroan terbatas ud firma".split())
VARIANTS: dict[str, str] = {
    **dict.fromkeys(
        "sejahtra sejahtrah sejahterah sejaht sjahtera sjhtr sjhtra sejahtr sejatera sejahter "
        "sejahteraa sjtra".split(),
        "sejahtera",
    ),
    **dict.fromkeys("mandri mandir mndiri mndr mdr mandirih madiri".split(), "mandiri"),
    **dict.fromkeys("abadie abady abadii abd".split(), "abadi"),
    **dict.fromkeys("jaja jy jya jayaa".split(), "jaya"),
    **dict.fromkeys("indo ind indonesiah indonsia indonesa indnesia".split(), "indonesia"),
    **dict.fromkeys(
        "international intl internasinal internasioal internatonal".split(),
        "internasional",
    ),
    **dict.fromkeys("utma utm utamaa uttama".split(), "utama"),
    **dict.fromkeys("nusantra nsntr".split(), "nusantara"),
    **dict.fromkeys("sentausa sentosaa".split(), "sentosa"),
    **dict.fromkeys("mitraa mtr".split(), "mitra"),
    **dict.fromkeys("krya".split(), "karya"),
    **dict.fromkeys("brsama bersma bsm".split(), "bersama"),
}
"""Spelling variants and chat abbreviations of words company names are made of."""
_NON_WORD = re.compile(r"[^a-z0-9]+")


@cache
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_words(name: str, spell: bool = True) -> list[str]:
    """The words of a name that tell companies apart, in order; `spell` spells out the known
    variants and abbreviations of the usual name words."""
    text = _fold(name).replace("'", "")
    text = re.sub(r"\b([a-z])\.\s*([a-z])\.", r"\1\2", text)  # "P.T." and "P. T." -> "pt"
    words = [w for w in _NON_WORD.split(text) if w]
    if len(words) > 2 and words[-2:] == ["tb", "k"]:
        words = words[:-2]
    kept: list[str] = []
    for word in words:
        if spell:
            word = VARIANTS.get(word, word)
        if word in LEGAL_FORMS and (kept or len(words) > 1):
            continue
        kept.append(word)
    return kept


def name_key(name: str, spell: bool = True) -> str:
    """The normalised name kept beside each company and compared by the matcher."""
    return " ".join(name_words(name, spell))
