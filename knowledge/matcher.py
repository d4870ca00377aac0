"""Ranks topics for a question with two term-weighting models and a background class.

- BM25 over each topic's pooled examples, keywords and titles rewards discriminative words.
- A multinomial Naive Bayes posterior over the same counts accumulates evidence across a long
  message, and its "none" class (everyday questions, data/out_of_scope.txt, mixed with a flat
  background) makes unknown words count as evidence *against* every topic.
- rapidfuzz repairs typos (an unknown word close to a known one, not a dictionary word, is
  respelled before matching) and measures how closely the question resembles one example of
  each of the three leading topics.
- A long message the question reading leaves is read again as a story (`story_reading`).
- An English word no example uses is also read as its Indonesian equivalents (`query`).
- A softmax regression trained on the same content (`knowledge.topic_model`) knows which
  words separate the topics, which counting shared words does not: it puts the leading topics
  in order, and the matcher's scores still decide what is answered (`_reordered`).
Unigrams and adjacent word pairs are both terms, so "ganti majikan" means more than its words.
"""

from __future__ import annotations

import copy
import itertools
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from knowledge.calibration import Calibration
from knowledge.datafiles import data_entries
from knowledge.language import detect_language
from knowledge.normalize import Normalizer, indonesian_roots, stem_english, stem_indonesian
from knowledge.pleas import read_pleas
from knowledge.topic import Topic
from knowledge.topic_model import TopicModel, class_order, cross_fitted, shipped_model
from knowledge.topic_model import train as train_topic_model

NONE = "__none__"
"""The pseudo-topic of everyday questions outside the service (data/out_of_scope.txt)."""
ROW_FROM = 8
"""A term this many classes have is scored as a row of every class (`Matcher.rows`)."""


def load_negatives() -> list[str]:
    return data_entries("out_of_scope.txt")


class Candidate(NamedTuple):
    """A topic and its score; a tuple because every query builds one per topic."""

    slug: str
    score: float


@dataclass(frozen=True)
class Match:
    """The matcher's verdict: a topic, or none (abstain), with ranked runners-up."""

    topic: str | None
    confidence: float
    candidates: tuple[Candidate, ...]
    ambiguous: bool = False
    words: int = 0
    """How many content words the message has (after stopwords)."""
    leaning: tuple[Candidate, ...] = ()
    """For a long message: the topics ranked among themselves, as a story is read."""
    beliefs: Mapping[str, float] = field(default_factory=dict)
    """The topic model's probability of each class, the none class among them (empty without
    a model): how sure the words alone are of a topic and of the message being in scope."""

    def belief(self, slug: str) -> float:
        return self.beliefs.get(slug, 0.0)

    @property
    def believed_first(self) -> str | None:
        """The topic the model alone is surest of (the none class aside)."""
        topics = [(p, slug) for slug, p in self.beliefs.items() if slug != NONE]
        return max(topics)[1] if topics else None

    @property
    def outside_belief(self) -> float:
        """The model's probability that the message is outside the service (1.0 unknown)."""
        return self.beliefs.get(NONE, 1.0)

    @property
    def choices(self) -> tuple[str, ...]:
        """Topics to offer as buttons when the match is ambiguous."""
        return tuple(c.slug for c in self.candidates[:2]) if self.ambiguous else ()


@dataclass(frozen=True)
class MatcherConfig:
    bm25_k1: float = 1.2
    bm25_b: float = 0.5
    nb_alpha: float = 0.3
    nb_background: float = 1e-3
    nb_none_weight: float = 0.9
    weight_bm25: float = 0.7
    weight_posterior: float = 0.3
    weight_fuzzy: float = 0.05
    weight_model: float = 0.5
    """The topic model's probability beside the matcher's score when the leading topics are
    put in order (chosen on the real sets' read halves: 0.3-1.0 rank alike, stop 33)."""
    reordered: int = 20
    """How many leading topics the topic model may put in another order. Twenty rather than
    eight brings a labelled topic into the five a reply can offer for 0.3-5 more messages in a
    hundred on the real sets (read halves 0.855 -> 0.858, unread 0.813 -> 0.833); all 48 rank
    about the same and cost more."""
    fuzzy_word_cutoff: float = 85.0
    keyword_boost: int = 1
    title_boost: int = 1
    bigrams: bool = True
    nb_bigrams: bool = False
    runners_up: int = 3
    """The leading topics the fuzzy step compares the message with."""
    kept: int = 5
    """How much of the ranking a verdict keeps: the leader and the runners-up a reply can
    offer as choices (five without an answer). Keeping three left the last two choices to the
    first choice's related topics; the ranking's fourth and fifth help more (helpful +0.008
    on the real sets' unread halves, docs/benchmarks.md, stop 31)."""
    focus_min_terms: int = 12
    """Beyond this many words, the posterior reads only the words some topic knows."""


@dataclass
class Scores:
    """Per-topic signals for one query (NONE included)."""

    bm25: dict[str, float] = field(default_factory=dict)
    posterior: dict[str, float] = field(default_factory=dict)
    fuzzy: dict[str, float] = field(default_factory=dict)
    log_likelihood: dict[str, float] = field(default_factory=dict)
    model: dict[str, float] = field(default_factory=dict)
    """The topic model's probability of each class (empty without a model)."""

    @property
    def topic_posterior(self) -> dict[str, float]:
        """P(topic | the message is about migration): topics compete only with each other.
        Computed on demand: only long messages read as stories need it."""
        return _softmax({s: v for s, v in self.log_likelihood.items() if s != NONE})

    nb_terms: dict[str, int] = field(default_factory=dict)
    """The words the Naive Bayes posterior read (after the focus on long messages)."""
    weighted: dict[str, float] | None = None
    """Each class's term-weighting score, filled on first use."""


def unigrams(terms: Sequence[str]) -> list[str]:
    """The single words among the terms (adjacent pairs are joined with '_')."""
    return [t for t in terms if "_" not in t]


def word_count(terms: Sequence[str]) -> int:
    return len(unigrams(terms))


def _sorted_words(terms: Sequence[str]) -> str:
    """Unigrams in sorted order: plain ratio on these is token_sort_ratio without re-sorting."""
    return " ".join(sorted(unigrams(terms)))


def _softmax(log_scores: dict[str, float]) -> dict[str, float]:
    if not log_scores:
        return {}
    top = max(log_scores.values())
    exps = {k: math.exp(v - top) for k, v in log_scores.items()}
    z = sum(exps.values())
    return {k: v / z for k, v in exps.items()}


class Matcher:
    """An in-memory index over the topics; build once, query from many threads."""

    def __init__(
        self,
        topics: Sequence[Topic],
        normalizer: Normalizer | None = None,
        config: MatcherConfig | None = None,
        calibration: Calibration | None = None,
        negatives: Sequence[str] | None = None,
        topic_model: TopicModel | bool | None = True,
    ) -> None:
        """`topic_model` True takes the shipped model when it was trained on these classes."""
        self.normalizer = normalizer or Normalizer()
        self.config = config or MatcherConfig()
        self.calibration = calibration or Calibration.load()
        self.negatives = list(negatives) if negatives is not None else load_negatives()
        self.slugs = [t.slug for t in topics]
        self._build(topics)
        if topic_model is True:
            shipped = shipped_model()
            topic_model = shipped if shipped and shipped.classes == self.classes else None
        self.topic_model: TopicModel | None = topic_model or None
        self._cross_fitted: list[TopicModel] | None = None

    @property
    def questions(self) -> list[tuple[str, list[str]]]:
        """Example questions (not keywords or titles): what leave-one-out calibration replays."""
        return [
            doc for doc, held in zip(self.example_docs, self.example_held_out, strict=True) if held
        ]

    def calibrated(self, calibration: Calibration) -> Matcher:
        """The same index deciding with another calibration (fitting tries one out without
        touching the matcher that serves)."""
        other = copy.copy(self)
        other.calibration = calibration
        return other

    @property
    def classes(self) -> tuple[str, ...]:
        """The topic model's classes: every topic and the none class when there is one, in
        the order `topic_order.txt` keeps (`class_order`)."""
        return class_order((*self.slugs, NONE) if self.negatives else tuple(self.slugs))

    @cached_property
    def plea_docs(self) -> list[tuple[str, list[str]]]:
        """The written pleas as the topic model learns them: one sample per topic that would
        help (the none class for one outside the service), read as a message is. Read from
        the data file here, not when serving: only training and calibration learn them."""
        classes = set(self.classes)
        docs = []
        for plea in read_pleas():
            terms = self.query(plea.text)[0]
            for slug in plea.topics or (NONE,):
                if slug in classes:
                    docs.append((slug, terms))
        return docs

    def train_topic_model(self) -> TopicModel:
        """Fits the topic model on every example, keyword and title (and everyday question),
        and the written pleas."""
        return train_topic_model([*self.example_docs, *self.plea_docs], self.classes)

    def cross_fitted_models(self) -> list[TopicModel] | None:
        """Models that never saw one fifth of the example questions each: question i is
        replayed with model i % FOLDS (`knowledge.fitting`). None without a model."""
        if self.topic_model is None:
            return None
        if self._cross_fitted is None:
            self._cross_fitted = cross_fitted(
                [*self.example_docs, *self.plea_docs],
                [*self.example_held_out, *(False for _ in self.plea_docs)],
                self.classes,
            )
        return self._cross_fitted

    # -- index -----------------------------------------------------------------------------
    def _texts(self, topic: Topic) -> list[str]:
        c = self.config
        return [
            *topic.examples,
            *(list(topic.keywords) * c.keyword_boost),
            *(list(topic.title.values()) * c.title_boost),
        ]

    def expand(self, terms: Sequence[str]) -> list[str]:
        """Terms plus adjacent pairs, when configured."""
        if not self.config.bigrams or len(terms) < 2:
            return list(terms)
        return [*terms, *(f"{a}_{b}" for a, b in itertools.pairwise(terms))]

    def document_terms(self, text: str) -> list[str]:
        return self.expand(self.normalizer.terms(text, detect_language(text)))

    def _build(self, topics: Sequence[Topic]) -> None:
        norm = self.normalizer
        words: set[str] = set()
        bags: dict[str, Counter[str]] = {}
        self.example_docs: list[tuple[str, list[str]]] = []
        self.example_held_out: list[bool] = []
        """Per example doc, whether it is an example question (replayed by calibration)."""
        sources = [(t.slug, self._texts(t), len(t.examples)) for t in topics]
        if self.negatives:
            sources.append((NONE, self.negatives, len(self.negatives)))
        for slug, texts, n_questions in sources:
            bag: Counter[str] = Counter()
            for i, text in enumerate(texts):
                words.update(norm.words(text))
                terms = self.document_terms(text)
                if terms:
                    bag.update(terms)
                    self.example_docs.append((slug, terms))
                    self.example_held_out.append(i < n_questions)
            bags[slug] = bag
        self.bags = bags
        n = len(bags)
        df: Counter[str] = Counter()
        for bag in bags.values():
            df.update(bag.keys())
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.oov_idf = math.log(1 + (n - 0.5) / 1.5)
        self.known_words = words
        self.vocabulary = sorted(w for w in words if w not in norm.stopwords and len(w) >= 4)
        self.topic_len = {s: sum(b.values()) for s, b in bags.items()}
        self.avg_len = sum(self.topic_len.values()) / max(n, 1)
        self.postings: dict[str, dict[str, int]] = defaultdict(dict)
        for slug, bag in bags.items():
            for term, count in bag.items():
                self.postings[term][slug] = count
        self.vocabulary_size = len(df)
        c = self.config
        k1, b, log_alpha = c.bm25_k1, c.bm25_b, math.log(c.nb_alpha)
        self.shares: dict[str, tuple[tuple[str, ...], tuple[float, ...], tuple[float, ...]]] = {}
        """Per term, the classes that have it, each one's BM25 share and each one's Naive Bayes
        share (parallel tuples: far less memory than a tuple per posting), computed once at
        build time. The none class's Naive Bayes share is 0: it is read apart, mixed with a
        background. A query walks one flat list per term instead of branching per posting."""
        for term, postings in self.postings.items():
            self.shares[term] = (
                tuple(postings),
                tuple(
                    self.idf[term]
                    * f
                    * (k1 + 1)
                    / (f + k1 * (1 - b + b * self.topic_len[slug] / self.avg_len))
                    for slug, f in postings.items()
                ),
                tuple(
                    0.0 if slug == NONE else math.log(f + c.nb_alpha) - log_alpha
                    for slug, f in postings.items()
                ),
            )
        self.row_classes = tuple(self.topic_len)
        """The classes in the order of a row's places (`rows`)."""
        place = {slug: k for k, slug in enumerate(self.row_classes)}
        self.rows: dict[str, tuple[array[float], array[float]]] = {}
        """The shares of the terms that many classes have (ROW_FROM), as rows of every class:
        a message's common words are most of its postings, and adding them in C instead of
        one by one took a tenth off a message's reading (docs/benchmarks.md, stop 60)."""
        for term, (slugs, bm25_shares, nb_shares) in self.shares.items():
            if len(slugs) >= ROW_FROM:
                rows = (array("d", bytes(8 * n)), array("d", bytes(8 * n)))
                for slug, bm25_share, nb_share in zip(slugs, bm25_shares, nb_shares, strict=True):
                    rows[0][place[slug]] = bm25_share
                    rows[1][place[slug]] = nb_share
                self.rows[term] = rows
        self.none_tf = {
            term: postings[NONE] for term, postings in self.postings.items() if NONE in postings
        }
        self.empty_log_like = {
            slug: log_alpha - math.log(length + c.nb_alpha * self.vocabulary_size)
            for slug, length in self.topic_len.items()
            if slug != NONE
        }
        """Per topic, the Naive Bayes log-likelihood of one word it has never seen."""
        self.domain_tf: Counter[str] = Counter()
        for slug, bag in bags.items():
            if slug != NONE:
                self.domain_tf.update(bag)
        self.domain_len = sum(self.domain_tf.values())
        self.example_strings: dict[str, list[str]] = defaultdict(list)
        for slug, terms in self.example_docs:
            if slug != NONE:
                self.example_strings[slug].append(_sorted_words(terms))

    # -- query -----------------------------------------------------------------------------
    @lru_cache(maxsize=20_000)  # noqa: B019 - the matcher lives as long as the process
    def _respell(self, word: str) -> str:
        """Maps an unknown, non-dictionary word to the closest known one (a typo), or leaves it."""
        if word in self.known_words or len(word) < 5 or not word.isalpha():
            return word
        if stem_english(word) in self.normalizer.bridge:
            return word  # an English word the bridge knows ("shelter", not "seliter")
        if word in indonesian_roots() or stem_indonesian(word) in indonesian_roots():
            return word
        best = process.extractOne(
            word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=self.config.fuzzy_word_cutoff
        )
        return best[0] if best and best[0][0] == word[0] else word

    def query(self, text: str, lang: str | None = None) -> tuple[list[str], int]:
        """The terms a message is matched with, and how many words of its own it has.

        An English word no topic's examples use brings its Indonesian equivalents (the
        bridge, `bridge.tsv`) after the message's own terms and pairs: "starved" meets the
        many examples that say "tidak dikasih makan". They are not words of the message (it is
        as long as it is). Words the content already knows in English keep their own evidence:
        bridging them too counted one meaning twice, and on the real sets answered more
        messages outside the service; so did bridging the examples (docs/benchmarks.md)."""
        lang = lang or detect_language(text)
        english = lang == "en"
        stem = stem_english if english else stem_indonesian
        norm = self.normalizer
        out: list[str] = []
        bridged: list[str] = []
        for word in norm.words(text):
            if word in norm.stopwords:
                continue
            word = self._respell(word)
            for part in norm.lexicon.get(word, word).split():
                if part not in norm.stopwords:
                    term = stem(part)
                    out.append(term)
                    if english and term not in self.domain_tf:
                        bridged.extend(norm.bridge.get(term, ()))
        return [*self.expand(out), *bridged], len(out)

    def signals(
        self,
        terms: Sequence[str],
        exclude: tuple[str, Counter[str]] | None = None,
        model: TopicModel | None = None,
    ) -> Scores:
        """BM25 and posterior per topic; `exclude` removes one example (leave-one-out), and
        `model` reads with a topic model other than the matcher's own (one that never saw
        that example: `knowledge.fitting`)."""
        scores = Scores()
        if not terms:
            return scores
        c = self.config
        counts = Counter(terms)
        lengths = self.topic_len
        left_out, left_out_counts = exclude if exclude is not None else ("", Counter())
        if exclude is not None:
            lengths = dict(lengths)
            lengths[left_out] -= sum(left_out_counts.values())
        k1, alpha = c.bm25_k1, c.nb_alpha
        log_alpha = math.log(alpha)
        weights = {t: self.idf.get(t, self.oov_idf) for t in counts}
        ceiling = sum(weights.values()) * (k1 + 1)
        bm25 = scores.bm25
        nb_terms = counts if c.nb_bigrams else {t: n for t, n in counts.items() if "_" not in t}
        if c.focus_min_terms and sum(nb_terms.values()) > c.focus_min_terms:
            focus = {t: n for t, n in nb_terms.items() if self._in_topics(t, exclude)}
            if focus:
                nb_terms = focus
        n_terms = sum(nb_terms.values())
        vocab = self.vocabulary_size
        # Every topic starts from "no term seen" and gains only for the terms it has: walking
        # the postings keeps the cost proportional to matches, not to topics x terms.
        log_like = {slug: n_terms * d for slug, d in self.empty_log_like.items()}
        if left_out in log_like:  # leave-one-out: that topic is shorter by the example
            log_like[left_out] = n_terms * (log_alpha - math.log(lengths[left_out] + alpha * vocab))
        scores.log_likelihood = log_like
        none_tf: dict[str, int] = {}
        if exclude is None:
            # the usual case: every posting's share is fixed once the index is built; the none
            # class gathers zeros here and is read apart below
            bm25.update(dict.fromkeys(lengths, 0.0))
            if NONE in lengths:
                log_like[NONE] = 0.0
            self._fixed_shares(bm25, log_like, counts, nb_terms, none_tf)
        else:
            self._left_out_shares(scores, counts, nb_terms, weights, lengths, exclude, none_tf)
        scores.bm25 = {slug: v / ceiling for slug, v in bm25.items()}
        if NONE in lengths:
            log_like[NONE] = self._mixture_log_likelihood(nb_terms, none_tf, lengths[NONE])
        scores.posterior = _softmax(log_like)
        scores.nb_terms = dict(nb_terms)  # a plain dict even when it is the Counter itself
        model = model or self.topic_model
        if model is not None:
            scores.model = model.probabilities(terms)
        if c.weight_fuzzy > 0:
            self._fuzzy_for_leaders(scores, terms, exclude)
        return scores

    def _fixed_shares(
        self,
        bm25: dict[str, float],
        log_like: dict[str, float],
        counts: Counter[str],
        nb_terms: dict[str, int],
        none_tf: dict[str, int],
    ) -> None:
        """Adds each term's shares to every class that has it. A term most classes have is
        added as a row of all classes, in C (`rows`); the rest posting by posting."""
        shares_of, rows_of, none_counts = self.shares, self.rows, self.none_tf
        bm25_rows: list[array[float]] = []
        nb_rows: list[Sequence[float]] = []
        for term, n in counts.items():
            rows = rows_of.get(term)
            if rows is not None:
                bm25_rows.append(rows[0])
                if term in nb_terms:
                    nb_rows.append(rows[1] if n == 1 else [n * share for share in rows[1]])
                    if term in none_counts:
                        none_tf[term] = none_counts[term]
                continue
            shares = shares_of.get(term)
            if shares is None:
                continue
            if term in nb_terms:
                for slug, share, nb_share in zip(*shares, strict=True):
                    bm25[slug] += share
                    log_like[slug] += n * nb_share
                if term in none_counts:
                    none_tf[term] = none_counts[term]
            else:
                for slug, share in zip(shares[0], shares[1], strict=True):
                    bm25[slug] += share
        for total, added_rows in ((bm25, bm25_rows), (log_like, nb_rows)):
            if added_rows:
                sums = map(sum, zip(*added_rows, strict=True))
                for slug, added in zip(self.row_classes, sums, strict=True):
                    if added:
                        total[slug] += added

    def _left_out_shares(
        self,
        scores: Scores,
        counts: Counter[str],
        nb_terms: dict[str, int],
        weights: dict[str, float],
        lengths: dict[str, int],
        exclude: tuple[str, Counter[str]],
        none_tf: dict[str, int],
    ) -> None:
        """BM25 and Naive Bayes shares with one example left out (calibration's leave-one-out):
        the left-out topic's counts and length change, so its shares are computed afresh."""
        c = self.config
        k1, b, alpha = c.bm25_k1, c.bm25_b, c.nb_alpha
        log_alpha = math.log(alpha)
        left_out, left_out_counts = exclude
        bm25, log_like = scores.bm25, scores.log_likelihood
        for term, n in counts.items():
            weight = weights[term]
            in_nb = term in nb_terms
            for slug, f in self.postings.get(term, {}).items():
                if slug == left_out:
                    f -= left_out_counts.get(term, 0)
                    if f <= 0:
                        continue
                denom = f + k1 * (1 - b + b * lengths[slug] / self.avg_len)
                bm25[slug] = bm25.get(slug, 0.0) + weight * f * (k1 + 1) / denom
                if not in_nb:
                    continue
                if slug == NONE:
                    none_tf[term] = f
                else:
                    log_like[slug] += n * (math.log(f + alpha) - log_alpha)

    def _fuzzy_for_leaders(
        self, scores: Scores, terms: Sequence[str], exclude: tuple[str, Counter[str]] | None
    ) -> None:
        """How closely the question resembles one example of each leading topic (rapidfuzz).

        Term weighting cannot tell a paraphrase of a known question from a message that shares
        its words by chance; a near-whole-question resemblance can. Only the leading topics are
        compared, so the cost stays a few hundred string comparisons."""
        weighted = self._all_weighted(scores)
        leaders = sorted(((w, slug) for slug, w in weighted.items() if slug != NONE), reverse=True)[
            : self.config.runners_up
        ]
        query = _sorted_words(terms)
        left_out, left_counts = exclude if exclude is not None else ("", Counter())
        for _, slug in leaders:
            choices = self.example_strings.get(slug, [])
            if slug == left_out and choices:
                own = _sorted_words(list(left_counts.elements()))
                choices = list(choices)
                if own in choices:
                    choices.remove(own)
            best = process.extractOne(query, choices, scorer=fuzz.ratio)
            scores.fuzzy[slug] = best[1] / 100 if best else 0.0

    def domain_evidence(self, s: Scores, exclude: tuple[str, Counter[str]] | None = None) -> float:
        """Mean log-likelihood ratio per word of 'about migration' (all topics pooled) to the
        none class. Only long messages read as stories need it, so it is not in `signals`."""
        if NONE not in s.log_likelihood or not s.nb_terms:
            return 0.0
        domain = self._domain_log_likelihood(s.nb_terms, exclude)
        return (domain - s.log_likelihood[NONE]) / sum(s.nb_terms.values())

    def _domain_log_likelihood(
        self, nb_terms: dict[str, int], exclude: tuple[str, Counter[str]] | None
    ) -> float:
        """Log-likelihood of the words under all topics pooled, smoothed like the none class.

        Pooling matters for long stories: their everyday words (children, months, money) are
        common across the topics as a whole even when rare in any one of them, so only what
        is really on-topic or off-topic moves the balance against the everyday questions."""
        left_out, left_counts = exclude if exclude is not None else ("", Counter())
        removing = bool(left_out) and left_out != NONE
        length = self.domain_len - (sum(left_counts.values()) if removing else 0)
        tf = {
            term: self.domain_tf.get(term, 0) - (left_counts.get(term, 0) if removing else 0)
            for term in nb_terms
        }
        return self._mixture_log_likelihood(nb_terms, tf, length)

    def _mixture_log_likelihood(
        self, nb_terms: dict[str, int], tf: dict[str, int], length: int
    ) -> float:
        """Words under a class mixed with a flat background, so that a word the class has never
        seen costs a bounded amount (the none class and the pooled topics are both read so)."""
        c = self.config
        alpha, mix, background = c.nb_alpha, c.nb_none_weight, c.nb_background
        denom = length + alpha * self.vocabulary_size
        return sum(
            n * math.log(mix * (tf.get(term, 0) + alpha) / denom + (1 - mix) * background)
            for term, n in nb_terms.items()
        )

    def _in_topics(self, term: str, exclude: tuple[str, Counter[str]] | None) -> bool:
        for slug, f in self.postings.get(term, {}).items():
            if slug == NONE:
                continue
            if exclude is not None and slug == exclude[0]:
                f -= exclude[1].get(term, 0)
            if f > 0:
                return True
        return False

    def rank(
        self,
        terms: Sequence[str],
        exclude: tuple[str, Counter[str]] | None = None,
        model: TopicModel | None = None,
    ) -> list[Candidate]:
        """All classes (NONE included), best first, by the combined score."""
        return self.rank_signals(self.signals(terms, exclude, model))

    def _weighted(self, s: Scores, posterior: dict[str, float]) -> dict[str, float]:
        """Each class's term-weighting score: BM25 and a posterior (with or without none)."""
        c, bm25 = self.config, s.bm25
        return {
            slug: c.weight_bm25 * bm25.get(slug, 0.0) + c.weight_posterior * p
            for slug, p in posterior.items()
        }

    def _all_weighted(self, s: Scores) -> dict[str, float]:
        """Every class's term-weighting score, computed once per query (the fuzzy step picks
        its leaders from it and the ranking adds the fuzzy score to it)."""
        if s.weighted is None:
            s.weighted = self._weighted(s, s.posterior)
        return s.weighted

    def rank_signals(self, s: Scores, limit: int | None = None) -> list[Candidate]:
        """Best first; `limit` keeps only the first few (a reply needs the leader and its
        runners-up, and building all ~50 candidates was a tenth of a message's cost)."""
        fuzzy_weight, fuzzy = self.config.weight_fuzzy, s.fuzzy
        # best first, ties by slug: plain tuples sort without a key function
        order = sorted(
            (-(w + fuzzy_weight * fuzzy[slug] if slug in fuzzy else w), slug)
            for slug, w in self._all_weighted(s).items()
        )
        if s.model:
            order = self._reordered(order, s.model)
        return [Candidate(slug, -negative) for negative, slug in order[:limit]]

    def _reordered(
        self, order: list[tuple[float, str]], model: dict[str, float]
    ) -> list[tuple[float, str]]:
        """The leading topics ((negative score, slug), best first) in the order of the
        matcher's score plus the topic model's probability, each in the place (and with the
        score) of the one it displaces.

        The scores stay the matcher's, so whether a message is answered, offered choices or
        left outside the service is decided as before: adding the probability to the score
        itself answered more everyday questions outside the service (blind set 0.022 -> 0.067,
        docs/benchmarks.md, stop 33). What changes is which topic fills each place."""
        weight, depth = self.config.weight_model, self.config.reordered
        places = [i for i, (_, slug) in enumerate(order[: depth + 1]) if slug != NONE][:depth]
        topics = sorted(
            (order[i][0] - weight * model.get(order[i][1], 0.0), order[i][1]) for i in places
        )
        out = list(order)
        for i, (_, slug) in zip(places, topics, strict=True):
            out[i] = (order[i][0], slug)
        return out

    def story_reading(self, words: int, s: Scores) -> Candidate | None:
        """The topic a long message is about, judged as a story rather than as a question.

        A family's story of 40 words carries a few strong words (employer, passport, Malaysia)
        among many everyday ones, so the question-shaped score stays low. Read as a story, it is
        answered when the words as a whole lean to migration (the pooled domain against the
        everyday questions) and one topic leads among the topics alone."""
        cal = self.calibration
        if words <= cal.story_min_terms or self.domain_evidence(s) < cal.story_gate:
            return None
        best = self.story_candidates(s)
        return best[0] if best and best[0].score >= cal.story_threshold else None

    def story_candidates(self, s: Scores) -> list[Candidate]:
        ranked = [Candidate(slug, w) for slug, w in self._weighted(s, s.topic_posterior).items()]
        ranked.sort(key=lambda cand: (-cand.score, cand.slug))
        return ranked

    def decide(self, ranked: Sequence[Candidate], story: Candidate | None = None) -> Match:
        """Applies the calibrated threshold and margin rule to a ranking; a story reading
        answers what the question reading would leave."""
        cal = self.calibration
        real = [cand for cand in ranked if cand.slug != NONE][: self.config.kept]
        if not real:
            return Match(None, 0.0, ())
        calibrated = tuple(Candidate(x.slug, round(cal.confidence(x.score), 4)) for x in real)
        best = calibrated[0]
        runner = calibrated[1].score if len(calibrated) > 1 else 0.0
        if ranked[0].slug == NONE or best.score < cal.threshold:
            ambiguous = (
                ranked[0].slug != NONE
                and runner >= cal.choice_floor
                and best.score >= cal.choice_floor
            )
            if story is not None:
                return Match(story.slug, round(cal.story_confidence(story.score), 4), calibrated)
            return Match(None, best.score, calibrated, ambiguous=ambiguous)
        ambiguous = runner >= cal.choice_floor and best.score - runner < cal.margin
        return Match(best.slug, best.score, calibrated, ambiguous=ambiguous)

    def match(self, text: str, lang: str | None = None) -> Match:
        terms, words = self.query(text, lang)
        scores = self.signals(terms)
        # the leader and the runners-up, with room for the none class among them
        ranked = self.rank_signals(scores, self.config.kept + 1)
        verdict = self.decide(ranked, self.story_reading(words, scores))
        leaning: tuple[Candidate, ...] = ()
        if words >= self.calibration.long_words:
            leaning = tuple([c for c in ranked if c.slug != NONE][: self.config.kept])
        return replace(verdict, words=words, leaning=leaning, beliefs=scores.model)
