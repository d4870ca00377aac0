"""What a case can be about and where the worker is: codes kept in the database, labels for
people. The case form, the handoff service and the dashboard all read them from here."""

from __future__ import annotations

from bot.i18n import N_

QUESTION = "question"
"""A question for an officer, not a worker's problem (bot/flows/question.py)."""
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("wages", N_("Wages unpaid or cut")),
    ("documents", N_("Documents held")),
    ("violence", N_("Violence or abuse")),
    ("lost_contact", N_("Lost contact")),
    ("illness_death", N_("Illness or death")),
    ("fraud", N_("Fraud by broker/agent")),
    ("departure", N_("Failed departure")),
    ("go_home", N_("Wants to come home")),
    ("other", N_("Other problem")),
    (QUESTION, N_("Question for an officer")),
)
CATEGORY_CODES: tuple[str, ...] = tuple(code for code, _ in CATEGORIES)
PROBLEMS: tuple[tuple[str, str], ...] = tuple(c for c in CATEGORIES if c[0] != QUESTION)
"""What a report's problem can be: a question for an officer is asked in its own short form
(bot/flows/question.py), not chosen among problems."""

COUNTRIES: tuple[tuple[str, str], ...] = (
    ("malaysia", N_("Malaysia")),
    ("taiwan", N_("Taiwan")),
    ("hongkong", N_("Hong Kong")),
    ("singapura", N_("Singapore")),
    ("arab-saudi", N_("Saudi Arabia")),
    ("timur-tengah", N_("Other Middle East")),
    ("korea", N_("South Korea")),
    ("jepang", N_("Japan")),
    ("brunei", N_("Brunei")),
    ("other", N_("Other country")),
)

MIDDLE_EAST_NAMED: tuple[str, ...] = (
    "Uni Emirat Arab",
    "Qatar",
    "Kuwait",
    "Oman",
    "Bahrain",
    "Irak",
    "Yordania",
    "Libya",
    "Suriah",
    "Yaman",
    "Lebanon",
)
"""The emergency list's Middle East countries other than Saudi Arabia, as a report or the
register keeps them when typed or named ("istri sy di kuwait"): the officer reads the
country, and a filter on "timur-tengah" still finds them."""


def kept_as(country: str) -> tuple[str, ...]:
    """The values a report or the register keeps for the choice `country`: "timur-tengah"
    also as the Middle East countries kept by name."""
    return (country, *MIDDLE_EAST_NAMED) if country == "timur-tengah" else (country,)


def same_destination(country: str) -> tuple[str, ...]:
    """The values that mean the people an announcement for `country` is for: the training
    form's "Timur Tengah" and Saudi Arabia overlap."""
    overlapping = {"arab-saudi": "timur-tengah", "timur-tengah": "arab-saudi"}.get(country)
    return (*kept_as(country), *(kept_as(overlapping) if overlapping else ()))
