"""Common words are scored as rows of every class, for speed: the scores stay what the
posting-by-posting sums give (up to the order floating-point numbers are added in)."""

from __future__ import annotations

import copy

import pytest

from bench.ask import REAL, questions
from knowledge import Librarian
from knowledge.matcher import NONE, ROW_FROM
from knowledge.topic_model import DENSE_FROM


@pytest.fixture(scope="module")
def messages() -> list[str]:
    return [*questions()[:120], *questions(REAL)[:60]]


def test_the_matcher_keeps_rows_only_for_terms_many_classes_have(librarian: Librarian) -> None:
    matcher = librarian.matcher
    assert matcher.rows, "no common word is read as a row"
    assert all(len(matcher.shares[term][0]) >= ROW_FROM for term in matcher.rows)
    assert len(matcher.rows) < len(matcher.shares) / 10
    model = matcher.topic_model
    assert model is not None
    assert all(len(model.weights[term]) >= DENSE_FROM for term in model.rows)


def test_rows_give_the_scores_postings_give(librarian: Librarian, messages: list[str]) -> None:
    with_rows = librarian.matcher
    postings_only = copy.copy(with_rows)
    postings_only.rows = {}
    for text in messages:
        terms = with_rows.query(text)[0]
        fast, slow = with_rows.signals(terms), postings_only.signals(terms)
        assert fast.bm25.keys() == slow.bm25.keys()
        for slug in slow.bm25:
            assert fast.bm25[slug] == pytest.approx(slow.bm25[slug], rel=1e-12, abs=1e-12)
            assert fast.posterior[slug] == pytest.approx(slow.posterior[slug], abs=1e-12)
        for slug in slow.log_likelihood:
            if slug != NONE:
                assert fast.log_likelihood[slug] == pytest.approx(
                    slow.log_likelihood[slug], rel=1e-12
                )
        assert [c.slug for c in with_rows.rank(terms)] == [
            c.slug for c in postings_only.rank(terms)
        ]


def test_the_topic_model_rows_give_the_probabilities_pairs_give(
    librarian: Librarian, messages: list[str]
) -> None:
    model = librarian.matcher.topic_model
    assert model is not None
    pairs_only = copy.copy(model)
    pairs_only.rows = {}
    for text in messages:
        terms = librarian.matcher.query(text)[0]
        fast, slow = model.probabilities(terms), pairs_only.probabilities(terms)
        assert fast == pytest.approx(slow, abs=1e-12)
