"""What an officer reads about a family's case: who reported and how to reach them, the
events in Indonesian, a confirmation after each action, and the export for the district."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from bot.cases.review import reviewed_messages
from bot.store.db import transaction
from migran.services import Services
from tests.api.test_dashboard import csrf_of, login
from tests.api.test_officer_api import new_case
from tests.bot.test_case_review import FROM_THE_ANSWER, replay
from tests.conftest import Chat
from tests.officers_support import LENENG, Login, team


@pytest.fixture
def web(services: Services) -> TestClient:
    return TestClient(create_app(services.container(), run_jobs=False))


WHATSAPP_MOTHER = [
    ("say", "lapor"),
    ("say", "iya"),
    ("say", "sy ibunya"),
    ("say", "Baiq Nurhasanah"),
    ("press", "country:malaysia"),
    ("press", "opt:skip"),
    ("say", "1 2"),
    ("say", "gaji tidak dibayar dan paspor ditahan majikan"),
    ("press", "opt:no"),
    ("say", "anjani suralaga"),
    ("press", "opt:yes"),
    ("press", "opt:yes"),
    ("press", "opt:submit"),
]


def reported_case_page(services: Services, web: TestClient) -> tuple[str, dict[str, Login]]:
    """A mother reports over WhatsApp; the village officer logs in; the case page's URL."""
    people = team(services)
    chat = Chat(services, user="6281998877665", channel="whatsapp")
    for kind, value in WHATSAPP_MOTHER:
        reply = chat.say(value) if kind == "say" else chat.say(button=value)
    assert re.search(r"K-[A-Z0-9]{6}", reply)
    login(web, people["anjani"])
    found = re.search(r'href="(/officer/cases/\d+)"', web.get("/officer").text)
    assert found
    return found.group(1), people


def test_the_case_page_shows_relation_contact_events_and_confirmations(
    services: Services,
    web: TestClient,
) -> None:
    case_url, _people = reported_case_page(services, web)
    page = web.get(case_url).text
    assert "keluarga (ibu)" in page
    assert "WhatsApp +6281998877665" in page and "setuju dibagikan" in page
    assert "Gaji macet/dipotong, Dokumen ditahan" in page
    assert "dibuat oleh keluarga" in page and "diteruskan ke petugas desa" in page
    assert not re.search(r">\s*(created|routed|claimed|reply) ·", page)
    token = csrf_of(page)
    page = web.post(f"{case_url}/reply", data={"csrf": token, "text": "Kami bantu."}).text
    assert "Balasan terkirim ke chat keluarga." in page
    assert "balasan ke keluarga" in page and "diambil" in page
    page = web.post(f"{case_url}/resolve", data={"csrf": token, "text": "Gaji dibayar."}).text
    assert "Kasus selesai" in page
    card = web.get("/officer?view=all").text.split('data-case="K-', 1)[1].split("</div></a>")[0]
    assert "Menunggu" not in web.get("/officer?view=all&status=resolved").text
    assert "Selesai" in card


def test_a_case_without_a_village_officer_says_so(
    services: Services,
    web: TestClient,
) -> None:
    people = team(services)
    case_id = new_case(services, LENENG)
    login(web, people["tengah"])
    page = web.get(f"/officer/cases/{case_id}").text
    assert "diteruskan: belum ada petugas desa" in page


def test_the_category_filter_uses_the_forms_labels(
    services: Services,
    web: TestClient,
) -> None:
    login(web, team(services)["admin"])
    page = web.get("/officer").text
    options = re.findall(r'<option value="(\w+)" >([^<]+)</option>', page)
    assert ("other", "Masalah lain") in options and ("wages", "Gaji macet/dipotong") in options


def test_the_case_export_carries_contact_outcome_officer_and_times(
    services: Services,
    web: TestClient,
) -> None:
    case_url, people = reported_case_page(services, web)
    token = csrf_of(web.get(case_url).text)
    web.post(f"{case_url}/reply", data={"csrf": token, "text": "Kami bantu."})
    web.post(f"{case_url}/resolve", data={"csrf": token, "text": "Gaji dibayar."})
    web.cookies.clear()
    login(web, people["timur"])
    row = next(csv.DictReader(io.StringIO(web.get("/officer/export.csv").text)))
    assert row["outcome"] == "Gaji dibayar." and row["officer"] == "Baiq Rina"
    assert row["first_response_minutes"] == "0" and row["resolution_minutes"] == "0"
    assert row["contact"] == "WhatsApp +6281998877665" and row["reporter_relation"] == "ibu"
    assert row["categories"] == "wages documents" and row["category"] == "wages"


def test_an_officer_reviews_the_message_a_case_opened_from(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    replay(Chat(services, user="6281234", channel="whatsapp"), FROM_THE_ANSWER)
    login(web, people["anjani"])
    queue = web.get("/officer").text
    assert "perlu ditinjau" in queue
    case_url = re.search(r'href="(/officer/cases/\d+)"', queue).group(1)  # type: ignore[union-attr]
    page = web.get(case_url).text
    assert "Ajari asisten" in page and 'value="gaji-tidak-dibayar"' in page
    assert 'id="assistant-reply"' not in page  # not before the review: it would lead it
    token = csrf_of(page)
    page = web.post(f"{case_url}/review", data={"csrf": token, "topic": ["malaysia"]}).text
    assert "Katakan apakah ada orang dalam bahaya." in page
    form = {"csrf": token, "topic": ["gaji-tidak-dibayar", "malaysia"], "danger": "no"}
    page = web.post(f"{case_url}/review", data=form).text
    assert "Tinjauan tersimpan" in page and 'id="reviewed"' in page
    # once reviewed, what the assistant had given: the answer on wages, the numbers offered
    assert re.search(
        r'id="assistant-reply">Asisten sudah menjawab: Gaji[^<]*ditawarkan: [^<]*Nomor', page
    )
    assert re.search(r'value="gaji-tidak-dibayar" checked', page)
    assert re.search(r'value="no" checked', page)
    assert "ditinjau untuk asisten" in page
    assert "perlu ditinjau" not in web.get("/officer").text
    forged = {"csrf": token, "topic": ["bukan-topik"], "danger": "yes"}
    page = web.post(f"{case_url}/review", data=forged).text
    assert "Gagal; muat ulang halaman" in page
    with transaction(services.factory) as session:
        (labelled,) = reviewed_messages(session)
    assert labelled.topics == ("gaji-tidak-dibayar", "malaysia") and labelled.urgent is False


def test_a_case_whose_story_was_typed_into_the_form_has_nothing_to_review(
    services: Services, web: TestClient
) -> None:
    case_url, _people = reported_case_page(services, web)
    assert "Ajari asisten" not in web.get(case_url).text
    assert "perlu ditinjau" not in web.get("/officer").text
    token = csrf_of(web.get(case_url).text)
    page = web.post(f"{case_url}/review", data={"csrf": token, "danger": "no"}).text
    assert "tidak dibuka dari pesan yang dijawab asisten" in page


def test_an_officer_outside_the_village_cannot_review(services: Services, web: TestClient) -> None:
    people = team(services)
    replay(Chat(services, user="6281234", channel="whatsapp"), FROM_THE_ANSWER)
    login(web, people["anjani"])
    case_url = re.search(r'href="(/officer/cases/\d+)"', web.get("/officer").text).group(1)  # type: ignore[union-attr]
    other = TestClient(web.app)
    login(other, people["sakra"])
    token = csrf_of(other.get("/officer").text)
    response = other.post(f"{case_url}/review", data={"csrf": token, "danger": "no"})
    assert response.status_code == 404
