"""Where the worker is, typed rather than chosen: a city, a country not among the choices, a
misspelling, home or "don't know" moves the report on; it never loops on the list."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.store.db import transaction
from bot.store.models import Conversation
from migran.services import Services
from tests.conftest import Chat

CITY_QUESTION = "Di kota atau daerah mana?"
PROBLEM_QUESTION = "Apa masalahnya?"


@pytest.mark.parametrize(
    ("typed", "kept", "asked_next"),
    [
        ("kuwait", "timur-tengah", CITY_QUESTION),
        ("malasya", "malaysia", CITY_QUESTION),
        ("brunai", "brunei", CITY_QUESTION),
        ("kamboja", "Kamboja", CITY_QUESTION),
        # a town at home is the city, and one who never left has none to ask for
        ("blm berangkat, msh di lombok", "Indonesia", PROBLEM_QUESTION),
        ("blm brangkat", "Indonesia", PROBLEM_QUESTION),
        ("gk tau pak", "tidak diketahui", CITY_QUESTION),
    ],
)
def test_a_typed_place_is_read_where_the_country_is_asked(
    sqlite_services: Services, typed: str, kept: str, asked_next: str
) -> None:
    chat = Chat(sqlite_services, user=f"typed-{typed}")
    chat.say("lapor")
    chat.say("1")  # consent
    chat.say("2")  # a family member
    chat.say("Siti Aisyah")
    assert asked_next in chat.say(typed)
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["country"] == kept


def test_a_word_that_only_looks_like_a_country_is_not_one(sqlite_services: Services) -> None:
    chat = Chat(sqlite_services, user="aman")
    for step in ("lapor", "1", "2", "Siti Aisyah"):
        chat.say(step)
    assert "Silakan pilih salah satu" in chat.say("aman")


@pytest.mark.parametrize(
    ("typed", "kept", "city"),
    [("jeddah", "arab-saudi", "Jeddah"), ("dubai", "timur-tengah", "Dubai")],
)
def test_a_city_typed_for_the_country_gives_both(
    sqlite_services: Services, typed: str, kept: str, city: str
) -> None:
    chat = Chat(sqlite_services, user=f"city-{typed}")
    for step in ("lapor", "1", "2", "Siti Aisyah"):
        chat.say(step)
    assert PROBLEM_QUESTION in chat.say(typed)  # the city is not asked again
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert (data["country"], data["city"]) == (kept, city)
