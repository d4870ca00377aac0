"""Ranks topics for a question: term weighting (BM25, idf cosine) plus fuzzy string similarity.

Why three signals: idf cosine against single example questions rewards a close paraphrase,
BM25 over a whole topic rewards discriminative words spread over many examples, and
character-level fuzzy similarity survives the typos the lexicon does not know.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from knowledge.calibration import Calibration
from knowledge.language import detect_language
from knowledge.normalize import Normalizer, indonesian_roots, stem_english, stem_indonesian
from knowledge.topic import Topic


NONE = "__none__"
"""The pseudo-topic of everyday questions outside the service (data/out_of_scope.txt)."""


def load_negatives() -> list[str]:
    text = (resources.files("knowledge") / "data" / "out_of_scope.txt").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Candidate:
    slug: str
    score: float


@dataclass(frozen=True)
class Match:
    """The matcher's verdict: a topic, or none (abstain), with ranked runners-up."""

    topic: str | None
    confidence: float
    candidates: tuple[Candidate, ...]
    ambiguous: bool = False

    @property
    def choices(self) -> tuple[str, ...]:
        """Topics to offer as buttons when the match is ambiguous."""
        if not self.ambiguous:
            return ()
        return tuple(c.slug for c in self.candidates[:2])


@dataclass(frozen=True)
class MatcherConfig:
    weight_example: float = 0.0
    weight_topic: float = 1.0
    weight_fuzzy: float = 0.0
    bm25_k1: float = 1.2
    bm25_b: float = 0.5
    fuzzy_word_cutoff: float = 85.0
    runners_up: int = 3
    keyword_boost: int = 1
    title_boost: int = 1
    bigrams: bool = True


@dataclass
class _Doc:
    slug: str
    terms: frozenset[str]
    norm: float


@dataclass
class Features:
    example: dict[str, float] = field(default_factory=dict)
    topic: dict[str, float] = field(default_factory=dict)
    fuzzy: dict[str, float] = field(default_factory=dict)


class Matcher:
    """An in-memory index over the topics; build once, query from many threads."""

    def __init__(
        self,
        topics: Sequence[Topic],
        normalizer: Normalizer | None = None,
        config: MatcherConfig | None = None,
        calibration: Calibration | None = None,
        negatives: Sequence[str] | None = None,
    ) -> None:
        self.normalizer = normalizer or Normalizer()
        self.config = config or MatcherConfig()
        self.calibration = calibration or Calibration.load()
        self.slugs = [t.slug for t in topics]
        self.negatives = list(negatives) if negatives is not None else load_negatives()
        self._build(topics)

    # -- index -----------------------------------------------------------------------------
    def _texts(self, topic: Topic) -> list[str]:
        c = self.config
        return [
            *topic.examples,
            *(list(topic.keywords) * c.keyword_boost),
            *(list(topic.title.values()) * c.title_boost),
        ]

    def expand(self, terms: Sequence[str]) -> list[str]:
        """Terms plus, when configured, adjacent pairs ('ganti majikan' means more than each word)."""
        if not self.config.bigrams or len(terms) < 2:
            return list(terms)
        return [*terms, *(f"{a}_{b}" for a, b in zip(terms, terms[1:], strict=False))]

    def _build(self, topics: Sequence[Topic]) -> None:
        norm = self.normalizer
        words: set[str] = set()
        topic_bags: dict[str, Counter[str]] = {}
        per_topic_docs: list[tuple[str, list[str], str]] = []
        sources = [(t.slug, self._texts(t)) for t in topics]
        if self.negatives:
            sources.append((NONE, self.negatives))
        for slug, texts in sources:
            bag: Counter[str] = Counter()
            for text in texts:
                lang = detect_language(text)
                words.update(norm.words(text))
                terms = self.expand(norm.terms(text, lang))
                if not terms:
                    continue
                bag.update(terms)
                per_topic_docs.append((slug, terms, " ".join(sorted(terms))))
            topic_bags[slug] = bag
        n = max(len(topic_bags), 1)
        df: Counter[str] = Counter()
        for bag in topic_bags.values():
            df.update(bag.keys())
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.oov_idf = math.log(1 + (n - 0.5) / 1.5)
        self.vocabulary = sorted(w for w in words if w not in norm.stopwords and len(w) >= 4)
        self.known_words = words
        self.docs: list[_Doc] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.fuzzy_strings: list[str] = []
        for slug, terms, joined in per_topic_docs:
            unique = frozenset(terms)
            doc_id = len(self.docs)
            self.docs.append(_Doc(slug, unique, math.sqrt(sum(self.idf[t] ** 2 for t in unique))))
            for term in unique:
                self.postings[term].append(doc_id)
            self.fuzzy_strings.append(joined)
        lengths = {s: sum(b.values()) for s, b in topic_bags.items()}
        self.avg_len = sum(lengths.values()) / n
        self.topic_len = lengths
        self.topic_tf: dict[str, dict[str, int]] = defaultdict(dict)
        for slug, bag in topic_bags.items():
            for term, count in bag.items():
                self.topic_tf[term][slug] = count

    # -- query -----------------------------------------------------------------------------
    @lru_cache(maxsize=20_000)  # noqa: B019 - the matcher lives as long as the process
    def _respell(self, word: str) -> str:
        """Maps an unknown word to the closest known one (typos), or leaves it."""
        if word in self.known_words or len(word) < 5 or not word.isalpha():
            return word
        if word in indonesian_roots() or stem_indonesian(word) in indonesian_roots():
            return word
        best = process.extractOne(
            word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=self.config.fuzzy_word_cutoff
        )
        return best[0] if best and best[0][0] == word[0] else word

    def query_terms(self, text: str, lang: str | None = None) -> list[str]:
        lang = lang or detect_language(text)
        stem = stem_english if lang == "en" else stem_indonesian
        norm = self.normalizer
        out: list[str] = []
        for word in norm.words(text):
            if word in norm.stopwords:
                continue
            word = self._respell(word)
            for part in norm.lexicon.get(word, word).split():
                if part not in norm.stopwords:
                    out.append(stem(part))
        return out

    def features(self, terms: Sequence[str]) -> Features:
        feats = Features()
        unique = list(dict.fromkeys(terms))
        if not unique:
            return feats
        weights = {t: self.idf.get(t, self.oov_idf) for t in unique}
        q_norm = math.sqrt(sum(w * w for w in weights.values()))
        dots: dict[int, float] = defaultdict(float)
        for term in unique:
            w2 = weights[term] ** 2
            for doc_id in self.postings.get(term, ()):
                dots[doc_id] += w2
        for doc_id, dot in dots.items():
            doc = self.docs[doc_id]
            cos = dot / (q_norm * doc.norm)
            if cos > feats.example.get(doc.slug, 0.0):
                feats.example[doc.slug] = cos
        k1, b = self.config.bm25_k1, self.config.bm25_b
        ceiling = sum(weights.values()) * (k1 + 1)
        for term in unique:
            for slug, tf in self.topic_tf.get(term, {}).items():
                denom = tf + k1 * (1 - b + b * self.topic_len[slug] / self.avg_len)
                feats.topic[slug] = feats.topic.get(slug, 0.0) + weights[term] * tf * (k1 + 1) / denom
        for slug in feats.topic:
            feats.topic[slug] /= ceiling
        query = " ".join(sorted(unique))
        for _choice, score, idx in process.extract(
            query, self.fuzzy_strings, scorer=fuzz.token_sort_ratio, limit=40, score_cutoff=40
        ):
            slug = self.docs[idx].slug
            if score / 100 > feats.fuzzy.get(slug, 0.0):
                feats.fuzzy[slug] = score / 100
        return feats

    def scores(self, terms: Sequence[str]) -> list[Candidate]:
        f = self.features(terms)
        c = self.config
        slugs = set(f.example) | set(f.topic) | set(f.fuzzy)
        ranked = [
            Candidate(
                s,
                c.weight_example * f.example.get(s, 0.0)
                + c.weight_topic * f.topic.get(s, 0.0)
                + c.weight_fuzzy * f.fuzzy.get(s, 0.0),
            )
            for s in slugs
        ]
        ranked.sort(key=lambda cand: (-cand.score, cand.slug))
        return ranked

    def match(self, text: str, lang: str | None = None) -> Match:
        ranked = self.scores(self.expand(self.query_terms(text, lang)))
        cal = self.calibration
        if not ranked:
            return Match(None, 0.0, ())
        top = ranked[:self.config.runners_up]
        calibrated = tuple(Candidate(x.slug, round(cal.confidence(x.score), 4)) for x in top)
        best = calibrated[0]
        runner = calibrated[1].score if len(calibrated) > 1 else 0.0
        if best.score < cal.threshold:
            ambiguous = best.score >= cal.choice_floor and runner >= cal.choice_floor
            return Match(None, best.score, calibrated, ambiguous=ambiguous)
        ambiguous = runner >= cal.choice_floor and best.score - runner < cal.margin
        return Match(best.slug, best.score, calibrated, ambiguous=ambiguous)
