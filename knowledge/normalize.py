"""Turns informal chat text into comparable terms: lexicon, repeated letters, stems."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from knowledge.language import detect_language

NON_WORD = re.compile(r"[^0-9a-z]+")
LONG_RUN = re.compile(r"([a-z])\1{2,}")
DOUBLE = re.compile(r"([a-z])\1")
REDUPLICATED = re.compile(r"^([a-z]{2,})2$")
MAX_CHARS = 1000
CLITICS = ("nya", "ny", "ku", "mu", "lah", "kah", "in")


def _data(name: str) -> str:
    return (resources.files("knowledge") / "data" / name).read_text("utf-8")


def load_lexicon(text: str | None = None) -> dict[str, str]:
    """Reads `variant<TAB>standard[<TAB>kind]` lines; later lines do not override earlier."""
    text = _data("lexicon.tsv") if text is None else text
    lexicon: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        variant, standard = parts[0].strip().lower(), parts[1].strip().lower()
        if variant and standard and variant != standard:
            lexicon.setdefault(variant, standard)
    return lexicon


def load_stopwords(text: str | None = None) -> frozenset[str]:
    text = _data("stopwords.txt") if text is None else text
    return frozenset(
        w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


@lru_cache(maxsize=1)
def _sastrawi() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=1)
def indonesian_roots() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words: real words are never 'corrected'."""
    from Sastrawi.Stemmer import StemmerFactory as factory_module

    path = Path(factory_module.__file__).parent / "data" / "kata-dasar.txt"
    return frozenset(w.strip() for w in path.read_text("utf-8").splitlines() if w.strip())


@lru_cache(maxsize=50_000)
def stem_indonesian(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    stem = str(_sastrawi().stem(word)) or word
    if stem == word and word.startswith("ng") and len(word) > 5 and word[2] in "aeiou":
        # informal nasal prefix ("ngurus", "ngirim"): the standard form is "meng-"
        standard = stem_indonesian("me" + word)
        if standard in indonesian_roots():
            return standard
    if stem == word and word.endswith("in") and len(word) > 6:
        # Jakarta-style '-in' for '-kan' ("dibutuhin", "ngurusin"): try the standard suffix
        standard = str(_sastrawi().stem(word[:-2] + "kan"))
        if standard in indonesian_roots():
            return standard
    return stem


ENGLISH_SUFFIXES = ("ing", "ed", "es", "s")


@lru_cache(maxsize=50_000)
def stem_english(word: str) -> str:
    """A light suffix stripper: enough to meet 'wages'/'wage', 'working'/'work'."""
    if len(word) <= 4 or not word.isalpha() or word.endswith("ss"):
        return word
    for suffix in ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def fold(text: str) -> str:
    """Lowercase ASCII-ish text with punctuation as spaces; emoji and symbols vanish."""
    text = unicodedata.normalize("NFKD", text[:MAX_CHARS]).lower()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return NON_WORD.sub(" ", text).strip()


@dataclass
class Normalizer:
    """Applies the lexicon and stemming the same way to questions and to content."""

    lexicon: dict[str, str] = field(default_factory=load_lexicon)
    stopwords: frozenset[str] = field(default_factory=load_stopwords)

    def words(self, text: str) -> list[str]:
        """Standard-Indonesian words before stopword removal and stemming."""
        out: list[str] = []
        for raw in fold(text).split():
            token = LONG_RUN.sub(r"\1", raw)
            m = REDUPLICATED.match(token)
            if m and token not in self.lexicon:
                token = m.group(1)
            mapped = self.lexicon.get(token)
            if mapped is None and DOUBLE.search(token):
                mapped = self.lexicon.get(DOUBLE.sub(r"\1", token))
            if mapped is None:
                mapped = self._without_clitic(token)
            out.extend((mapped or token).split())
        return out

    def _without_clitic(self, token: str) -> str | None:
        """'telpnya' -> 'telepon', 'paspornya' stays for the stemmer: only lexicon words lose
        their clitic here, since the stemmer does not know chat abbreviations."""
        for clitic in CLITICS:
            base = token[: -len(clitic)]
            if token.endswith(clitic) and len(base) >= 2 and base in self.lexicon:
                return self.lexicon[base]
        return None

    def terms(self, text: str, lang: str | None = None) -> list[str]:
        """The terms used for matching: lexicon-mapped, without stopwords, stemmed."""
        lang = lang or detect_language(text)
        stem = stem_english if lang == "en" else stem_indonesian
        return [stem(w) for w in self.words(text) if w not in self.stopwords]
