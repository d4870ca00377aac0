"""The register in the dashboard through HTTP: a family's departure from the chat is verified
and marked by the village officer; the case page shows it; officers stay inside their area."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select

from api.app import create_app
from bot.ntb_time import ntb_day
from bot.register.models import RegisterEntry
from bot.store.models import Case, OfficerAudit
from bot.tables import xlsx_bytes
from migran.services import Services
from tests.api.test_dashboard import csrf_of, login
from tests.conftest import Chat
from tests.officers_support import ANJANI, SAKRA, team

MOTHER = [
    ("say", "anak saya mau berangkat ke Taiwan bulan depan"),
    ("press", "opt:yes"),
    ("say", "Baiq Nurhasanah"),
    ("say", "anjani suralaga"),
    ("press", "opt:yes"),
    ("press", "sex:f"),
    ("say", "22"),
    ("press", "opt:yes"),
    ("say", "Taipei"),
    ("press", "sector:care"),
    ("say", "PT Maju Jaya Abadi"),
    ("say", "bulan depan"),
    ("say", "24"),
    ("press", "opt:skip"),
    ("press", "opt:submit"),
]
REPORT = [
    ("say", "lapor"),
    ("press", "rep:family"),
    ("say", "Baiq Nurhasanah"),
    ("press", "country:taiwan"),
    ("press", "opt:skip"),
    ("press", "cat:wages"),
    ("say", "Gajinya belum dibayar tiga bulan."),
    ("press", "opt:no"),
    ("say", "anjani suralaga"),
    ("press", "opt:yes"),
    ("press", "opt:yes"),
    ("press", "opt:submit"),
]


@pytest.fixture
def web(services: Services) -> TestClient:
    return TestClient(create_app(services.container(), run_jobs=False))


def talk(chat: Chat, steps: list[tuple[str, str]]) -> str:
    reply = ""
    for kind, value in steps:
        reply = chat.say(value) if kind == "say" else chat.say(button=value)
    return reply


def entry_url(web: TestClient, code: str) -> str:
    page = web.get("/officer/register").text
    found = re.search(rf'href="(/officer/register/\d+)">\s*<strong>{code}', page)
    assert found, page
    return found.group(1)


def test_a_departure_from_the_chat_is_verified_marked_and_shown_on_its_case(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    mother = Chat(services, user="6281998877665", channel="whatsapp")
    done = talk(mother, MOTHER)
    code = re.search(r"R-[A-Z0-9]{6}", done).group(0)  # type: ignore[union-attr]
    assert "K-" in talk(mother, REPORT)  # her report is linked to her one entry
    assert "Dicatat" in mother.say("sudah berangkat")

    login(web, people["anjani"])
    url = entry_url(web, code)
    page = web.get(url).text
    assert "Baiq Nurhasanah" in page and "PT Maju Jaya Abadi" in page and "Perawat" in page
    assert 'data-status="departed"' in page and "belum" in page
    case_link = re.search(r'href="(/officer/cases/\d+)" data-case="(K-[A-Z0-9]{6})"', page)
    assert case_link, "the entry lists its case"
    token = csrf_of(page)
    page = web.post(f"{url}/verify", data={"csrf": token}).text
    assert "Data diverifikasi." in page and "Baiq Rina" in page
    page = web.post(f"{url}/returned", data={"csrf": token, "on": "2026-01-02"}).text
    assert "tidak cocok dengan status" in page  # a return before the departure is refused
    assert 'data-status="departed"' in page
    page = web.post(f"{url}/returned", data={"csrf": token, "on": "2099-01-02"}).text
    assert 'data-status="returned"' in page and "2099-01-02" in page

    case_page = web.get(case_link.group(1)).text
    card = case_page.split('id="register-entry"', 1)[1].split("</div>", 1)[0]
    assert code in card and "PT Maju Jaya Abadi" in card and "Taiwan" in card
    with services.factory() as session:
        events = [a.event for a in session.scalars(select(OfficerAudit))]
        assert "register_verify" in events and "register_returned" in events
        entry = session.scalars(select(RegisterEntry)).one()
        assert entry.verified_by == people["anjani"].id


def test_an_officer_adds_edits_and_links_an_entry_for_someone_at_the_office(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    mother = Chat(services, user="ibu2")
    talk(mother, [REPORT[0], ("press", "opt:yes"), *REPORT[1:]])  # a case without an entry
    login(web, people["anjani"])
    page = web.get("/officer/register/new").text
    assert f'value="{SAKRA}"' not in page  # only villages of the officer's area to choose
    token = csrf_of(page)
    form = {"csrf": token, "name": "Lalu Ahmad", "village": ANJANI, "country": "malaysia"}
    page = web.post("/officer/register/new", data={**form, "birth_year": "20x"}).text
    assert "Tahun lahir" in page and "Lalu Ahmad" in page  # named, and what was typed kept
    page = web.post("/officer/register/new", data={**form, "village": SAKRA}).text
    assert "di luar wilayah Anda" in page
    page = web.post(
        "/officer/register/new", data={**form, "departed_on": "2025-02-01", "sector": "plantation"}
    ).text
    assert "Data ditambahkan." in page and 'data-status="departed"' in page
    code = re.search(r"<h1>(R-[A-Z0-9]{6})", page).group(1)  # type: ignore[union-attr]
    url = entry_url(web, code)
    page = web.post(
        f"{url}/edit", data={**form, "company": "PT Sawit Jaya", "departed_on": "2025-02-01"}
    ).text
    assert "PT Sawit Jaya" in page and "company_name: PT Sawit Jaya" in page

    case_url = re.search(r'href="(/officer/cases/\d+)"', web.get("/officer").text).group(1)  # type: ignore[union-attr]
    page = web.post(
        f"/officer/register/link-case/{case_url.rsplit('/', 1)[1]}",
        data={"csrf": token, "code": "R-NOPE22"},
    ).text
    assert "Tidak ada data register" in page
    page = web.post(
        f"/officer/register/link-case/{case_url.rsplit('/', 1)[1]}",
        data={"csrf": token, "code": code.lower()},
    ).text
    assert "PT Sawit Jaya" in page.split('id="register-entry"', 1)[1]


def test_officers_cannot_see_or_change_entries_outside_their_area(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    login(web, people["timur"])  # the Lombok Timur supervisor adds one in Sakra
    token = csrf_of(web.get("/officer/register/new").text)
    page = web.post(
        "/officer/register/new",
        data={"csrf": token, "name": "Inaq Sakra", "village": SAKRA, "country": "taiwan"},
    ).text
    url = re.search(r'action="(/officer/register/\d+)/verify"', page).group(1)  # type: ignore[union-attr]
    web.cookies.clear()
    login(web, people["anjani"])
    token = csrf_of(web.get("/officer/register").text)
    assert "Inaq Sakra" not in web.get("/officer/register").text
    assert web.get(url).status_code == 404
    for action in ("verify", "cancel", "edit"):
        data = {"csrf": token, "country": "taiwan", "name": "x"}
        assert web.post(f"{url}/{action}", data=data).status_code == 404
    assert "Inaq Sakra" not in web.get("/officer/register/export.csv").text
    sheet = load_workbook(io.BytesIO(web.get("/officer/register/export.xlsx").content)).active
    assert [c.value for c in next(sheet.iter_rows())][:2] == ["code", "created_at"]
    assert sheet.max_row == 1  # the header only: the Sakra entry is not in Anjani's file
    web.cookies.clear()
    login(web, people["tengah"])
    assert web.get(url).status_code == 404
    with services.factory() as session:
        entry = session.scalars(select(RegisterEntry)).one()
        assert entry.verified_at is None and entry.status == "planned"


def test_an_officer_imports_a_list_only_into_their_area_and_all_or_nothing(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    login(web, people["anjani"])
    token = csrf_of(web.get("/officer/register/import").text)
    bad = xlsx_bytes(
        ["nama", "desa", "negara"],
        [
            {"nama": "Siti", "desa": ANJANI, "negara": "Taiwan"},
            {"nama": "Ahmad", "desa": SAKRA, "negara": "Malaysia"},
        ],
    )
    page = web.post(
        "/officer/register/import",
        data={"csrf": token},
        files={"file": ("desa.xlsx", bad, "application/octet-stream")},
    ).text
    assert 'data-line="3"' in page and f"{SAKRA} di luar wilayah Anda" in page
    with services.factory() as session:
        assert session.scalars(select(RegisterEntry)).all() == []
    good = f"nama,desa,negara\nSiti,{ANJANI},Taiwan\nAni,Anjani,Brunei\n".encode()
    page = web.post(
        "/officer/register/import", data={"csrf": token}, files={"file": ("desa.csv", good)}
    ).text
    assert "2 data diimpor." in page
    with services.factory() as session:
        assert {e.village_code for e in session.scalars(select(RegisterEntry))} == {ANJANI}
        assert session.scalars(select(Case)).all() == []


def test_the_office_form_refuses_dates_that_cannot_be_and_says_why(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    login(web, people["anjani"])
    token = csrf_of(web.get("/officer/register/new").text)
    today = ntb_day(services.dispatcher.clock())
    soon, ago = (today + timedelta(days=30)).isoformat(), (today - timedelta(days=30)).isoformat()
    form = {"csrf": token, "name": "Lalu Ahmad", "village": ANJANI, "country": "malaysia"}
    page = web.post("/officer/register/new", data={**form, "departed_on": soon}).text
    assert 'data-field="departed_on"' in page and soon in page  # named, and what was typed kept
    page = web.post(
        "/officer/register/new", data={**form, "departed_on": ago, "returned_on": soon}
    ).text
    assert 'data-field="returned_on"' in page
    page = web.post(
        "/officer/register/new",
        data={**form, "departed_on": ago, "returned_on": (today - timedelta(days=40)).isoformat()},
    ).text
    assert "tanggal pulang sebelum tanggal berangkat" in page
    page = web.post("/officer/register/new", data={**form, "planned_departure": ago}).text
    assert 'data-field="planned_departure"' in page
    with services.factory() as session:
        assert session.scalars(select(RegisterEntry)).all() == []

    page = web.post("/officer/register/new", data={**form, "planned_departure": soon}).text
    assert 'data-status="planned"' in page
    url = entry_url(web, re.search(r"<h1>(R-[A-Z0-9]{6})", page).group(1))  # type: ignore[union-attr]
    page = web.post(f"{url}/edit", data={**form, "planned_departure": soon, "departed_on": soon})
    assert 'data-field="departed_on"' in page.text
    assert 'data-status="planned"' in web.get(url).text
    page = web.post(f"{url}/edit", data={**form, "planned_departure": soon, "departed_on": ago})
    assert 'data-status="departed"' in page.text


def test_the_days_an_officer_marks_default_to_today_in_lombok(
    services: Services, web: TestClient
) -> None:
    early_morning = datetime(2026, 12, 2, 23, 0, tzinfo=UTC)  # 07:00 on 3 December in WITA
    services.dispatcher.clock = lambda: early_morning
    people = team(services)
    login(web, people["anjani"])
    token = csrf_of(web.get("/officer/register/new").text)
    form = {"csrf": token, "name": "Lalu Ahmad", "village": ANJANI, "country": "malaysia"}
    page = web.post("/officer/register/new", data={**form, "planned_departure": "2026-12-20"}).text
    page = web.get(entry_url(web, re.search(r"<h1>(R-[A-Z0-9]{6})", page).group(1))).text  # type: ignore[union-attr]
    assert 'id="departed-on" type="date" name="on" value="2026-12-03"' in page
    assert 'id="returned-on" type="date" name="on" value="2026-12-03"' in page
