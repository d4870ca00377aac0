"""Typed company names against the list: misspellings of listed names are found, names that
are not on the list (many sharing words with listed ones) are not taken for a licensed one."""

from __future__ import annotations

import csv
import io

import pytest

from bot.companies.matching import CompanyIndex, Entry
from bot.companies.names import name_key
from tests.companies_support import (
    ABSENT_FILE,
    LIST_FILE,
    MISSPELLINGS_FILE,
    csv_bytes,
    generate,
    measure,
    read_jsonl,
)


@pytest.fixture(scope="module")
def index() -> CompanyIndex:
    rows = list(csv.DictReader(io.StringIO(LIST_FILE.read_text("utf-8"))))
    return CompanyIndex([Entry(i, r["name"], name_key(r["name"])) for i, r in enumerate(rows)])


def test_the_name_sets_are_the_ones_the_generator_makes() -> None:
    rows, misspellings, absent = generate()
    assert LIST_FILE.read_bytes() == csv_bytes(rows)
    assert read_jsonl(MISSPELLINGS_FILE) == misspellings
    assert read_jsonl(ABSENT_FILE) == absent
    assert len(rows) >= 300 and len(misspellings) == 200 and len(absent) == 200
    assert sum(a["kind"] == "near" for a in absent) == 100


def test_misspellings_are_found_and_absent_names_are_not_matched(index: CompanyIndex) -> None:
    figures = measure(index.decide)
    assert figures.recall >= 0.95, figures.misses
    assert figures.false_match_rate <= 0.02, figures.false_matches
    # what is not found outright is at least offered among the close names
    assert figures.found + figures.offered >= 0.99 * figures.misspellings


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("PT. Sinar Abadi", "sinar abadi"),
        ("P.T. SINAR ABADI Tbk", "sinar abadi"),
        ("pt sinar abadi (Persero)", "sinar abadi"),
        ("Perseroan Terbatas Sinar Abadi", "sinar abadi"),
        ("CV Sejahtra Mandri Intl", "sejahtera mandiri internasional"),
        ("pt jaja utma indo", "jaya utama indonesia"),
        ("PT", "pt"),
    ],
)
def test_names_fold_legal_forms_punctuation_and_variants(typed: str, key: str) -> None:
    assert name_key(typed) == key


def test_near_duplicate_names_on_the_list_are_told_apart() -> None:
    names = ["PT Sinar Qirvana", "PT Sinar Qirvana Jaya", "PT Zorvana Jaya", "PT Zorvana Mitra"]
    index = CompanyIndex([Entry(i, n, name_key(n)) for i, n in enumerate(names)])
    assert index.decide("pt sinar qirvana").found == index.entries[0]
    assert index.decide("Sinar Qirvana Jaya Tbk").found == index.entries[1]
    assert index.decide("PT Zorvana Mitra").found == index.entries[3]
    assert index.decide("pt zorvana jaya abadi").verdict == "choices"
    assert index.decide("PT Sinar Baru Sentosa").verdict == "not_found"
    assert index.decide("").verdict == "not_found"
    assert CompanyIndex([]).decide("PT Sinar Qirvana").verdict == "not_found"


def test_the_same_name_twice_is_offered_not_guessed() -> None:
    index = CompanyIndex([Entry(1, "PT Dua Kali", "dua kali"), Entry(2, "CV Dua Kali", "dua kali")])
    decision = index.decide("pt dua kali")
    assert decision.verdict == "choices" and len(decision.choices) == 2
