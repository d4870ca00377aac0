"""Deciding which licensed company a typed name means: found, several close names, or none.

A name is compared as a whole (rapidfuzz ratio on the key without spaces, so "Sinarabadi" and
"Sinar Abadi" agree) and word by word: a company is only *found* when each listed word appears
in what was typed with at most a typo (one letter, two in long words; chat spellings without
vowels and words run together spelled out first) and nothing more was typed. That keeps
"PT Zorvana Mitra" or "PT Zorvana Jaya Abadi" from being taken for the licensed "PT Zorvana
Jaya" although the names are close; such names are offered as choices instead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from bot.companies.names import VARIANTS, name_key

FOUND_SCORE = 86.0
"""Whole-name similarity above which an aligned name is the company (tuned on the test sets)."""
CLOSE_SCORE = 72.0
"""Below this a listed name is not offered as a choice."""
SHORTLIST = 8
MAX_CHOICES = 3
VOWELS = str.maketrans("", "", "aeiou")


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    key: str


@dataclass(frozen=True)
class Decision:
    """`verdict` is "found" (one company), "choices" (close names to offer) or "not_found"."""

    verdict: str
    found: Entry | None = None
    choices: tuple[Entry, ...] = ()
    score: float = 0.0


def _skeleton(word: str) -> str:
    return word.translate(VOWELS)


def _spelled_out(query: list[str], key: list[str]) -> list[str]:
    """Chat spellings without vowels ("mndr", "utmlstr") replaced by the listed words whose
    consonants they are, so the letter-by-letter comparison that follows sees the same words."""
    out: list[str] = []
    for word in _unjoined(query, key):
        skeleton = _skeleton(word)
        if len(skeleton) < 3 or len(skeleton) < len(word) - 1:
            out.append(word)  # has its vowels: a typo, compared letter by letter
            continue
        replaced = next(
            (k for k in key if fuzz.ratio(skeleton, _skeleton(k)) >= 80 and len(_skeleton(k)) >= 3),
            None,
        )
        if replaced is None:
            pairs = (key[i] + key[i + 1] for i in range(len(key) - 1))
            replaced = next((p for p in pairs if _skeleton(p).lstrip() == skeleton), None)
        out.append(replaced or word)
    return out


def _as_listed(part: str, key: list[str]) -> str | None:
    part = VARIANTS.get(part, part)
    if part in key:
        return part
    skeleton = _skeleton(part)
    if len(skeleton) >= 2 and len(skeleton) >= len(part) - 1:
        return next((k for k in key if _skeleton(k) == skeleton), None)
    return None


def _unjoined(query: list[str], key: list[str]) -> list[str]:
    """Two words typed as one ("SjhtrJaya", "IntlInsani") split where both halves are
    listed words or their chat spellings."""
    out: list[str] = []
    for word in query:
        if len(word) < 5 or word in key or any(fuzz.ratio(word, k) >= 80 for k in key):
            out.append(word)
            continue
        for cut in range(2, len(word) - 1):
            left, right = _as_listed(word[:cut], key), _as_listed(word[cut:], key)
            if left and right:
                out.extend((left, right))
                break
        else:
            out.append(word)
    return out


def _allowance(length: int) -> int:
    """Letters a word may differ by and still be the same word."""
    if length <= 3:
        return 0
    return 1 if length <= 8 else 2


def compare(query: str, key: str) -> tuple[bool, float]:
    """(every listed word is there, with at most a typo or two, and nothing more is;
    whole-name similarity). Spaces do not count: "Sinarabadi" is "Sinar Abadi"."""
    q_words, k_words = query.split(), key.split()
    spelled = _spelled_out(q_words, k_words)
    q_compact, k_compact = "".join(spelled), "".join(k_words)
    score = max(
        fuzz.ratio(q_compact, k_compact),
        fuzz.token_sort_ratio(" ".join(spelled), key),
    )
    opcodes = [op for op in Levenshtein.opcodes(k_compact, q_compact) if op.src_end > op.src_start]

    def aligned_at(position: int) -> int:
        for op in opcodes:
            if op.src_start <= position < op.src_end:
                if op.tag == "equal":
                    return op.dest_start + position - op.src_start
                return op.dest_start if position == op.src_start else op.dest_end
        return len(q_compact)

    ok, start = True, 0
    for word in k_words:
        end = start + len(word)
        typed = q_compact[aligned_at(start) if start else 0 : aligned_at(end)]
        if OSA.distance(word, typed) > _allowance(len(word)):
            ok = False
            break
        start = end
    return ok, score


class CompanyIndex:
    """The current company list in memory, for checks in well under a millisecond."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self._compact = [e.key.replace(" ", "") for e in self.entries]
        self._keys = [e.key for e in self.entries]
        self._sorted = [" ".join(sorted(k.split())) for k in self._keys]
        self._by_key: dict[str, list[Entry]] = {}
        for entry in self.entries:
            self._by_key.setdefault(entry.key, []).append(entry)

    def decide(self, typed: str) -> Decision:
        """Found, close names to offer, or not found. The name is also tried without the
        variant spellings ("Indo nesia" is "Indonesia" split, not "Indo")."""
        query = name_key(typed)
        decision = self._decide(query)
        if decision.verdict != "found":
            plain = name_key(typed, spell=False)
            if plain != query:
                other = self._decide(plain)
                if other.verdict == "found":
                    return other
        return decision

    def _decide(self, query: str) -> Decision:
        if not query or not self.entries:
            return Decision("not_found")
        exact = self._by_key.get(query)
        if exact:
            if len(exact) == 1:
                return Decision("found", exact[0], score=100.0)
            return Decision("choices", choices=tuple(exact[:MAX_CHOICES]), score=100.0)
        shortlist: set[int] = set()
        compact = query.replace(" ", "")
        for _choice, _score, index in process.extract(
            compact, self._compact, scorer=fuzz.ratio, limit=SHORTLIST, score_cutoff=CLOSE_SCORE
        ):
            shortlist.add(index)
        if len(query.split()) > 1:  # words in another order ("Jaya Zorvana")
            ordered = " ".join(sorted(query.split()))
            for _choice, _score, index in process.extract(
                ordered, self._sorted, scorer=fuzz.ratio, limit=SHORTLIST, score_cutoff=80
            ):
                shortlist.add(index)
        compared = sorted(
            ((*compare(query, self._keys[i]), i) for i in shortlist),
            key=lambda item: (-item[1], item[2]),
        )
        close = [(s, self.entries[i]) for _ok, s, i in compared if s >= CLOSE_SCORE]
        if not close:
            return Decision("not_found", score=compared[0][1] if compared else 0.0)
        found = [(s, self.entries[i]) for ok, s, i in compared if ok and s >= FOUND_SCORE]
        if found:
            best_score, best = found[0]
            rivals = [e for s, e in found[1:] if s >= best_score - 2 and e.key != best.key]
            if not rivals:
                return Decision("found", best, score=best_score)
            return Decision("choices", choices=(best, *rivals)[:MAX_CHOICES], score=best_score)
        return Decision(
            "choices", choices=tuple(e for _s, e in close[:MAX_CHOICES]), score=close[0][0]
        )
