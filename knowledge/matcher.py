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

from rapidfuzz import fuzz, process

from knowledge.calibration import Calibration
from knowledge.language import detect_language
from knowledge.normalize import Normalizer, stem_english, stem_indonesian
from knowledge.topic import Topic


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
    weight_example: float = 0.55
    weight_topic: float = 0.25
    weight_fuzzy: float = 0.20
    bm25_k1: float = 1.2
    bm25_b: float = 0.5
    fuzzy_word_cutoff: float = 82.0
    runners_up: int = 3


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
    ) -> None:
        self.normalizer = normalizer or Normalizer()
        self.config = config or MatcherConfig()
        self.calibration = calibration or Calibration.load()
        self.slugs = [t.slug for t in topics]
        self._build(topics)

    # -- index -----------------------------------------------------------------------------
    def _texts(self, topic: Topic) -> list[str]:
        return [*topic.examples, *topic.keywords, *topic.title.values()]

    def _build(self, topics: Sequence[Topic]) -> None:
        norm = self.normalizer
        words: set[str] = set()
        topic_bags: dict[str, Counter[str]] = {}
        per_topic_docs: list[tuple[str, list[str], str]] = []
        for topic in topics:
            bag: Counter[str] = Counter()
            for text in self._texts(topic):
                lang = detect_language(text)
                words.update(norm.words(text))
                terms = norm.terms(text, lang)
                if not terms:
                    continue
                bag.update(terms)
                per_topic_docs.append((topic.slug, terms, " ".join(sorted(terms))))
            topic_bags[topic.slug] = bag
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
        if word in self.known_words or len(word) < 4 or not word.isalpha():
            return word
        best = process.extractOne(
            word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=self.config.fuzzy_word_cutoff
        )
        return best[0] if best else word

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
        ranked = self.scores(self.query_terms(text, lang))
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
