"""Turns informal chat text into comparable terms: lexicon, repeated letters, stems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.datafiles import entries, read_data
from knowledge.language import detect_language

NON_WORD = re.compile(r"[^0-9a-z]+")
LONG_RUN = re.compile(r"([a-z])\1{2,}")
DOUBLE = re.compile(r"([a-z])\1")
REDUPLICATED = re.compile(r"^([a-z]{2,})2$")
NEGATION = re.compile(r"n't\b")
APOSTROPHE = re.compile(r"'(?:s|re|ve|ll|d|m)?\b")
PLACE_SHORT = {"kl": "kuala lumpur", "sg": "singapore", "tw": "taiwan"}
"""Chat shorthand that means something else alone ("kl" is "kalau", "tw" is "tahu") but a place
after a word of place: "kerja di KL" read as "kerja di kalau" lost the country and made the
danger rules read an "if"."""
PLACE_AFTER = re.compile(
    r"\b(di|ke|dari|dr|d|k|kat|dekat|dkt|from|in|at|to|near) (" + "|".join(PLACE_SHORT) + r")\b"
)
MAX_CHARS = 1000
CLITICS = ("nya", "ny", "ku", "mu", "lah", "kah", "in")


def load_lexicon(text: str | None = None, kinds: frozenset[str] | None = None) -> dict[str, str]:
    """Reads `variant<TAB>standard[<TAB>kind]` lines; later lines do not override earlier.
    With `kinds`, only the entries of these kinds (`sasak`, `mbojo`…): for a reader that takes
    a few regional words as they are meant, without every chat spelling."""
    text = read_data("lexicon.tsv") if text is None else text
    lexicon: dict[str, str] = {}
    for row in _rows(text):
        if kinds is not None and (len(row) < 3 or row[2] not in kinds):
            continue
        variant, standard = row[0], row[1]
        if variant and standard and variant != standard:
            lexicon.setdefault(variant, standard)
    return lexicon


def _rows(text: str) -> Iterator[list[str]]:
    """The tab-separated columns of each data line of two or more, lowercased (comments
    skipped)."""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            yield [part.strip().lower() for part in parts]


def _columns(text: str) -> Iterator[tuple[str, str]]:
    """The first two tab-separated columns of each data line, lowercased (comments skipped)."""
    for row in _rows(text):
        yield row[0], row[1]


def load_stopwords(text: str | None = None) -> frozenset[str]:
    text = read_data("stopwords.txt") if text is None else text
    return frozenset(w.lower() for w in entries(text))


def load_bridge(
    text: str | None = None, stopwords: frozenset[str] | None = None
) -> dict[str, tuple[str, ...]]:
    """Reads `english<TAB>indonesian words` lines (`bridge.tsv`): per English stem, the
    Indonesian stems it also stands for. Most examples are Indonesian, so an English message
    that says "they starved me" also reaches the examples that say "tidak dikasih makan"."""
    text = read_data("bridge.tsv") if text is None else text
    stopwords = load_stopwords() if stopwords is None else stopwords
    bridge: dict[str, tuple[str, ...]] = {}
    for word, meaning in _columns(text):
        english = stem_english(word)
        found = [stem_indonesian(w) for w in meaning.split() if w not in stopwords]
        bridge[english] = tuple(dict.fromkeys((*bridge.get(english, ()), *found)))
    return {word: stems for word, stems in bridge.items() if stems}


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


NASAL_RESTORES = {"ng": "kg", "ny": "sc", "n": "td", "m": "pb"}
"""Chat drops 'me-' from verbs ("nolak", "nyimpen", "mantau"); the root starts with one of these."""


def _informal_variants(word: str) -> list[str]:
    """Standard spellings an informal verb may stand for, most likely first."""
    bases = [word]
    if word.endswith("in") and len(word) > 6:
        bases.append(word[:-2] + "kan")  # Jakarta '-in' for '-kan' ("dibutuhin")
    if word.endswith("en") and len(word) > 5:
        bases.append(word[:-2] + "an")  # Javanese-style vowel ("simpen", "bayaren")
    out = bases[1:]
    if word.startswith("nge") and len(word) > 6:
        out.append(word[3:])  # "ngelapor", "ngecek": the root follows 'nge-'
    for base in bases:
        for prefix in NASAL_RESTORES:
            if (
                base.startswith(prefix)
                and len(base) > len(prefix) + 2
                and base[len(prefix)] in "aeiou"
            ):
                out.append("me" + base)
                break
    return out


def _restores_nasal(informal: str, root: str) -> bool:
    """'nolak' may become 'tolak' but not 'mena': the root keeps the dropped consonant's place."""
    for prefix, initials in NASAL_RESTORES.items():
        if informal.startswith(prefix):
            return root[:1] in initials or (prefix == "ng" and root[:1] in "aeiou")
    return True


@lru_cache(maxsize=50_000)
def stem_indonesian(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    roots = indonesian_roots()
    stem = str(_sastrawi().stem(word)) or word
    if stem in roots or word in roots:
        return stem
    for variant in _informal_variants(word):
        standard = str(_sastrawi().stem(variant))
        if standard in roots and len(standard) >= 4:
            if variant.startswith("me") and not _restores_nasal(variant[2:], standard):
                continue
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


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Lowercase ASCII-ish text with punctuation as spaces; emoji and symbols vanish. Cached:
    one message is folded five or six times on its way (small talk, language, the matcher, the
    question test)."""
    text = text[:MAX_CHARS]
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("\u2019", "'")
    if "'" in text:
        text = APOSTROPHE.sub("", NEGATION.sub(" not", text))
    return with_places(NON_WORD.sub(" ", text).strip())


def with_places(folded: str) -> str:
    """Folded text with "di kl" written out as "di kuala lumpur" (PLACE_SHORT). Every fold
    passes here, so a text with none of the shorthands is returned before any regex runs."""
    if not any(f" {short}" in folded for short in PLACE_SHORT):
        return folded
    return PLACE_AFTER.sub(lambda m: f"{m.group(1)} {PLACE_SHORT[m.group(2)]}", folded)


def _without_possessive_ne(token: str) -> str | None:
    """'syaratne', 'gajine', 'carane': Sasak and Javanese chat write the possessive -nya as
    -ne. Only a word that is not itself an Indonesian root, whose base is one (of four letters
    or more), loses it: "online", "alone" and the lexicon's "senine" keep theirs."""
    if not token.endswith("ne") or len(token) < 6:
        return None
    base = token[:-2]
    roots = indonesian_roots()
    return base if base in roots and token not in roots else None


OWN_FINAL_E = frozenset(("sante", "adike", "jangke"))
"""Words whose -e is their own ("sante" is santai, Sasak "adike" his sibling, "jangke" until),
whose -a form is another word (a regression tester, stop 52)."""


def _with_final_a(token: str, lexicon: dict[str, str]) -> str | None:
    """'biaye', 'kerje', 'berape': Sasak and Malay speech end with -e what Indonesian ends with
    -a. Only a word that is not itself a root, whose -a form is a root or a lexicon word (of
    five letters or more: "ade" is a sibling, not "ada"), takes that form."""
    if not token.endswith("e") or len(token) < 5 or token in indonesian_roots():
        return None
    if token in OWN_FINAL_E:
        return None
    base = token[:-1] + "a"
    return lexicon.get(base) or (base if base in indonesian_roots() else None)


@dataclass
class Normalizer:
    """Applies the lexicon and stemming the same way to questions and to content."""

    lexicon: dict[str, str] = field(default_factory=load_lexicon)
    stopwords: frozenset[str] = field(default_factory=load_stopwords)
    bridge: dict[str, tuple[str, ...]] = field(default_factory=load_bridge)
    """English stem -> Indonesian stems, added to an English message's terms (`load_bridge`)."""
    _tokens: dict[str, tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Token -> words, remembered: chat and content repeat the same few thousand tokens."""

    def words(self, text: str) -> list[str]:
        """Standard-Indonesian words before stopword removal and stemming."""
        out: list[str] = []
        cache = self._tokens
        for raw in fold(text).split():
            mapped = cache.get(raw)
            if mapped is None:
                mapped = self._token_words(raw)
                if len(cache) < 200_000:
                    cache[raw] = mapped
            out.extend(mapped)
        return out

    def _token_words(self, raw: str) -> tuple[str, ...]:
        token = LONG_RUN.sub(r"\1", raw)
        m = REDUPLICATED.match(token)
        if m and token not in self.lexicon:
            token = m.group(1)
        mapped = self.lexicon.get(token)
        if mapped is None and DOUBLE.search(token):
            mapped = self.lexicon.get(DOUBLE.sub(r"\1", token))
        if mapped is None:
            mapped = (
                self._without_clitic(token)
                or _without_possessive_ne(token)
                or _with_final_a(token, self.lexicon)
            )
        return tuple((mapped or token).split())

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
