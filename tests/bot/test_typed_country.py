"""Where the worker is, typed rather than chosen: a city, a country not among the choices, a
misspelling, home or "don't know" moves the report on; it never loops on the list."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.cases.categories import MIDDLE_EAST_NAMED
from bot.flows.common import name_told, plain_name
from bot.store.db import transaction
from bot.store.models import Conversation
from knowledge.emergency import EmergencyNumbers
from migran.services import Services
from tests.conftest import Chat

CITY_QUESTION = "Di kota atau daerah mana?"
PROBLEM_QUESTION = "Apa masalahnya?"


@pytest.mark.parametrize(
    ("typed", "kept", "asked_next"),
    [
        ("kuwait", "Kuwait", CITY_QUESTION),
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


@pytest.mark.parametrize(
    # "kapan" is spelled like "japan": "kapan sy pulang? minggu lalu" was kept as Japan (a
    # journeys tester, stop 62)
    "typed",
    ["aman", "kapan sy pulang? minggu lalu", "malam ini"],
)
def test_a_word_that_only_looks_like_a_country_is_not_one(
    sqlite_services: Services, typed: str
) -> None:
    chat = Chat(sqlite_services, user=f"like-{typed}")
    for step in ("lapor", "1", "2", "Siti Aisyah"):
        chat.say(step)
    chat.say(typed)
    with transaction(sqlite_services.factory) as session:
        conversation = session.scalars(select(Conversation)).one()
        assert conversation.step == "country" and "country" not in conversation.data


@pytest.mark.parametrize(
    ("typed", "kept", "city"),
    [("jeddah", "arab-saudi", "Jeddah"), ("dubai", "Uni Emirat Arab", "Dubai")],
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


def test_where_the_worker_comes_from_is_not_where_they_are(sqlite_services: Services) -> None:
    """ "from desa Kopang Rembiga, lombok tengah" was saved as "Indonesia, Lombok" (an English
    chat tester, stop 51); one still at home or back keeps Indonesia."""
    chat = Chat(sqlite_services, user="origin")
    for step in ("lapor", "1", "2", "Siti Aisyah"):
        chat.say(step)
    again = chat.say("dari desa Kopang Rembiga, lombok tengah")
    assert "asal pekerja" in again and "negara mana" in again
    assert CITY_QUESTION in chat.say("hong kong")
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["country"] == "hongkong"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("my name is Baiq Nurul Aini", "Baiq Nurul Aini"),
        ("nama sy Siti Aminah", "Siti Aminah"),
        ("Name: Siti Aminah", "Siti Aminah"),
        ("its me Lalu Hendra", "Lalu Hendra"),
    ],
)
def test_the_words_before_ones_own_name_are_not_kept_with_it(
    sqlite_services: Services, typed: str, kept: str
) -> None:
    """A worker reporting for themselves was saved as "my name is ..." (stop 51)."""
    chat = Chat(sqlite_services, user=f"own-{kept}")
    for step in ("lapor", "1", "1"):  # consent, the worker themselves
        chat.say(step)
    chat.say(typed)
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["worker_name"] == kept


def test_the_relation_told_at_the_name_is_kept(sqlite_services: Services) -> None:
    """ "adik sy namanya Sri Wahyuni" after the Family button kept no relation (stop 51)."""
    chat = Chat(sqlite_services, user="relation-at-name")
    for step in ("lapor", "1", "2"):
        chat.say(step)
    chat.say("adik sy namanya Sri Wahyuni")
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["worker_name"] == "Sri Wahyuni" and data["relation"] == "kakak"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Zulkifli, biasa d panggil Ijul", "Zulkifli (Ijul)"),
        ("nama lengkap tdk tau, biasa dipanggil Udin", "Udin"),
        ("namanya si Rina, anak tiang yg kedua", "Rina"),
        ("nama adik sy Muhammad Rizki", "Muhammad Rizki"),
        # a dotted title or initial, the English in-law and the Sasak "his name" (a chat
        # tester, stop 53: "nama anak sy L" was kept)
        ("nama anak sy L. Ahmad Fauzi, umur 20", "L. Ahmad Fauzi"),
        ("her name is Nur Aini binti H. Muhammad", "Nur Aini binti H. Muhammad"),
        ("my mother in law, Hj. Saodah", "Hj. Saodah"),
        ("aranne Muhammad Jaelani, biasa dipanggil Jae", "Muhammad Jaelani (Jae)"),
        # an initial after the relation, the father's name after "binti", the Sasak "my
        # name" (a regression tester, stop 53)
        ("adik sy L. Ahmad Fauzi", "L. Ahmad Fauzi"),
        ("namanya Hj. Siti Aminah binti H. Abdullah", "Hj. Siti Aminah binti H. Abdullah"),
        ("my name is Hj. Siti Aminah binti H. Abdullah", "Hj. Siti Aminah binti H. Abdullah"),
        ("aran tiang Inaq Sarmini", "Inaq Sarmini"),
        ("laki sy, aran na amaq sanip", "Amaq Sanip"),
        ("namanya Baiq Halimatussa’diyah", "Baiq Halimatussa’diyah"),  # a curly apostrophe
    ],
)
def test_a_name_told_in_a_sentence_is_the_name_alone(typed: str, kept: str) -> None:
    """ "Ijul" lost the full name before it, "si Rina" kept its article (stop 51)."""
    assert name_told(typed) == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Rina Wati bu", "Rina Wati"),
        ("Muhammad Saleh. he never went, still at home", "Muhammad Saleh"),
        ("pak Lalu Ahmad", "Lalu Ahmad"),
        # cut at the dot to "Hj", "M", "Lalu Muh" (a chat tester, stop 53)
        ("Bu Hj. Siti Aminah", "Hj. Siti Aminah"),
        ("M. Zainul Arifin", "M. Zainul Arifin"),
        ("Lalu Muh. Zaini", "Lalu Muh. Zaini"),
        ("Syarifuddin H. Abdul Gani", "Syarifuddin H. Abdul Gani"),
    ],
)
def test_a_typed_name_loses_the_words_around_it(typed: str, kept: str) -> None:
    """Kept whole in a regression tester's reports (stop 51)."""
    assert plain_name(typed) == kept


def test_a_name_after_its_lead_in_loses_a_pak_after_it() -> None:
    assert name_told("nama sy Lalu Fikri Maulana pak") == "Lalu Fikri Maulana"
    assert name_told("his name is Muhammad Rizal") == "Muhammad Rizal"


def test_the_middle_east_countries_kept_by_name_are_the_emergency_lists() -> None:
    """A filter on "timur-tengah" finds what the form keeps by name: the two lists must not
    drift apart."""
    numbers = EmergencyNumbers.load()
    listed = {c.name["id"] for c in numbers.countries if c.topic == "timur-tengah"}
    assert set(MIDDLE_EAST_NAMED) == listed - {"Arab Saudi"}


def test_a_middle_east_country_in_the_opening_is_confirmed_by_its_name(
    sqlite_services: Services,
) -> None:
    """ "Negara: Timur Tengah lainnya — benar?" for a wife in Kuwait (a chat tester, stop 52)."""
    chat = Chat(sqlite_services, user="kuwait-opening")
    chat.say("lapor, istri sy di kuwait gajinya gk dibayar 4 bulan")
    chat.say("1")  # consent
    assert "Negara: Kuwait — benar?" in chat.say("Ahmad")


@pytest.mark.parametrize(
    "typed", ["desa sakra", "Selong", "kec. aikmel lombok timur", "masbagik", "pujut"]
)
def test_a_village_at_home_is_not_the_city_abroad(sqlite_services: Services, typed: str) -> None:
    """ "desa sakra" typed where the city abroad is asked was kept as the city (stop 52)."""
    chat = Chat(sqlite_services, user=f"home-city-{typed}")
    for step in ("lapor", "1", "2", "Siti Aisyah", "malaysia"):
        chat.say(step)
    said = chat.say(typed)
    assert "tempat di kampung" in said and CITY_QUESTION in said
    assert PROBLEM_QUESTION in chat.say("kuching")


def test_of_two_countries_typed_the_one_the_worker_is_in_now_is_kept(
    sqlite_services: Services,
) -> None:
    """ "katanya thailand tp skrg d kamboja" was kept as Thailand, and then as the city of
    Cambodia (a chat tester, stop 53)."""
    chat = Chat(sqlite_services, user="two-countries")
    for step in ("lapor", "1", "2", "Siti Aisyah"):
        chat.say(step)
    chat.say("katanya thailand tp skrg d kamboja")
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["country"] == "Kamboja" and data.get("city") != "Thailand"


def test_a_fear_of_naming_the_worker_is_answered_not_kept_as_the_story(
    sqlite_services: Services,
) -> None:
    """It was kept as the story, so the story was never asked (a chat tester, stop 53)."""
    chat = Chat(sqlite_services, user="afraid")
    for step in ("lapor", "1", "2"):
        chat.say(step)
    said = chat.say("sy gk mau sebut nama dulu pak, takut ketauan agen")
    assert "Hanya petugas yang melihat laporan Anda" in said
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert not data.get("story")


@pytest.mark.parametrize(
    ("typed", "relation"),
    [("sy kepala dusun", "perangkat desa"), ("sy tetangganya", "tetangga")],
)
def test_a_village_official_or_a_neighbour_reports_as_someone_else(
    sqlite_services: Services, typed: str, relation: str
) -> None:
    """ "sy kepala dusun" was saved as the worker, a neighbour as family (a family danger
    tester, stop 53)."""
    chat = Chat(sqlite_services, user=f"other-{relation}")
    chat.say("lapor")
    assert "Orang lain" in chat.say("1")  # consent; who reports
    assert "nama lengkap pekerja" in chat.say(typed)
    with transaction(sqlite_services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["reporter"] == "other" and data["relation"] == relation


@pytest.mark.parametrize(
    ("opening", "guessed"),
    [
        (
            "lapor, adik sy awalnya kerja di malaysia, trus bulan lalu dibawa agennya ke "
            "kamboja, skrg hpnya diambil",
            "Kamboja",
        ),
        ("lapor, istri sy TKW di singapur, gajinya gk dibayar", "Singapura"),
    ],
)
def test_the_report_guesses_where_the_worker_is_now(
    sqlite_services: Services, opening: str, guessed: str
) -> None:
    """It guessed the Malaysia she was taken from, and no country for "singapur" (a family
    danger tester, stop 53)."""
    chat = Chat(sqlite_services, user=f"now-{guessed}")
    chat.say(opening)
    chat.say("1")  # consent
    assert f"Negara: {guessed} — benar?" in chat.say("Siti")


def test_a_country_kept_by_name_is_shown_in_the_chats_language(sqlite_services: Services) -> None:
    """ "Country: Jerman, berlin" in an English summary (a regression tester, stop 53)."""
    chat = Chat(sqlite_services, user="english-germany")
    said = ""
    for step in (
        "I want to report",
        "I agree",
        "I am the worker",
        "Siti",
        "germany",
        "Skip",
        "1",
        "no",
        "my salary not paid 3 months",
        "sukamulia",
        "yes",
        "1",
    ):
        said = chat.say(step)
        if "Country:" in said:
            break
    assert "• Country: Germany" in said, said


def test_a_town_elsewhere_in_indonesia_is_kept_as_the_city(sqlite_services: Services) -> None:
    """A husband held in Nunukan on the way to Malaysia was refused as "a place at home" (a
    family-side tester, stop 53)."""
    chat = Chat(sqlite_services, user="nunukan")
    for step in ("lapor", "1", "2", "Siti Aisyah", "malaysia"):
        chat.say(step)
    assert PROBLEM_QUESTION in chat.say("skrg d nunukan kaltara")
