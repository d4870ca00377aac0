"""The picture through HTTP: the pages' numbers, the downloads and GET /api/v1/stats match
the rows in the database, each officer sees their own area, small counts are withheld."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select

from api.app import create_app
from bot.cases.categories import CATEGORIES, COUNTRIES
from bot.i18n import translator
from bot.store.models import Case
from migran.services import Services
from tests.api.test_dashboard import login
from tests.bot.test_case_review import FROM_THE_ANSWER, replay, review_as_officer
from tests.cases_support import GUESS_REPORTED
from tests.conftest import Chat
from tests.officers_support import ANJANI, LOMBOK_TIMUR, SAKRA, Login, team
from tests.stats_support import (
    Window,
    abroad_by,
    cases_by,
    months,
    published,
    read_tables,
    response,
    seed,
    today_of,
    training,
)

_ = translator("id")
COUNTRY = {code: _(label) for code, label in COUNTRIES}
CATEGORY = {code: _(label) for code, label in CATEGORIES}


@pytest.fixture
def people(services: Services) -> dict[str, Login]:
    seed(services, today_of(services))
    return team(services)


@pytest.fixture
def web(services: Services) -> TestClient:
    return TestClient(create_app(services.container(), run_jobs=False))


def as_numbers(rows: list[dict[str, str]], key: str, value: str) -> dict[str, int]:
    return {row[key]: int(row[value]) for row in rows}


def test_the_province_page_shows_the_database_numbers(
    services: Services, web: TestClient, people: dict[str, Login]
) -> None:
    login(web, people["admin"])
    everything = Window()
    abroad = read_tables(web.get("/officer/stats/abroad?from=&to=").text)
    with services.factory() as session:
        expected = abroad_by(session, everything, "country")
        left, back = months(session, everything)
        categories = cases_by(session, everything)
    rows, total = abroad["countries"]
    assert as_numbers(rows, "country", "people") == {COUNTRY[c]: n for c, n in expected.items()}
    assert int(total["people"]) == sum(expected.values())
    migration = read_tables(web.get("/officer/stats?from=&to=").text)
    rows, total = migration["months"]
    assert {r["month"]: int(r["departures"]) for r in rows if r["departures"] != "0"} == left
    assert {r["month"]: int(r["returns"]) for r in rows if r["returns"] != "0"} == back
    assert int(total["departures"]) == sum(left.values())
    rows, _total = read_tables(web.get("/officer/stats/cases?from=&to=").text)["cases"]
    for row in rows:
        code = next(c for c, label in CATEGORY.items() if label == row["category"])
        for state in ("new", "claimed", "resolved"):
            assert int(row[state]) == categories[(code, state)], (code, state)


def test_response_times_by_district_match_the_case_events(
    services: Services, web: TestClient, people: dict[str, Login]
) -> None:
    login(web, people["admin"])
    rows, _total = read_tables(web.get("/officer/stats/cases?from=&to=").text)["response"]
    with services.factory() as session:
        expected = response(session, Window())
    assert len(rows) == len(expected)
    names = services.engine.villages.districts
    for row in rows:
        code = next(c for c, name in names.items() if name == row["district"])
        want = expected[code]
        assert int(row["cases"]) == want["cases"] and int(row["answered"]) == want["answered"]
        assert int(row["resolved"]) == want["resolved"]
        for column, (median, p90) in (
            ("first_response", want["first"]),
            ("resolution", want["resolution"]),
        ):
            assert float(row[f"{column}_median_h"]) == pytest.approx(median, abs=0.051)
            assert float(row[f"{column}_p90_h"]) == pytest.approx(p90, abs=0.051)


def test_a_village_officer_sees_only_their_village(
    services: Services, web: TestClient, people: dict[str, Login]
) -> None:
    login(web, people["sakra"])
    page = web.get("/officer/stats/abroad?from=&to=").text
    rows, _total = read_tables(page)["countries"]
    with services.factory() as session:
        expected = abroad_by(session, Window(villages=(SAKRA,)), "country")
    assert as_numbers(rows, "country", "people") == {COUNTRY[c]: n for c, n in expected.items()}
    assert COUNTRY["taiwan"] not in as_numbers(rows, "country", "people")  # Anjani's workers
    assert "Sakra" in page
    api = web.get("/api/v1/stats", headers=people["sakra"].headers).json()
    assert api["area"] == {"level": "village", "district_code": None, "village_codes": [SAKRA]}
    assert {r["country"] for r in api["tables"]["countries"]["rows"]} == {"korea"}


def test_a_supervisor_sees_their_district(
    services: Services, web: TestClient, people: dict[str, Login]
) -> None:
    login(web, people["timur"])
    rows, _total = read_tables(web.get("/officer/stats/training?from=&to=").text)["training"]
    with services.factory() as session:
        expected = training(session, Window(district=LOMBOK_TIMUR))
    assert sum(int(r["registrations"]) for r in rows) == sum(expected.values())
    assert all(r["district"] == "Lombok Timur" for r in rows)


def test_the_period_filters_departures(
    services: Services, web: TestClient, people: dict[str, Login]
) -> None:
    today = today_of(services)
    start, end = today - timedelta(days=200), today - timedelta(days=35)
    window = Window(start=start, end=end)
    login(web, people["admin"])
    query = f"from={start.isoformat()}&to={end.isoformat()}"
    rows, _total = read_tables(web.get(f"/officer/stats?{query}").text)["months"]
    with services.factory() as session:
        left, _back = months(session, window)
        everything, _ = months(session, Window())
        countries = abroad_by(session, window, "country")
    assert {r["month"]: int(r["departures"]) for r in rows if r["departures"] != "0"} == left
    assert sum(left.values()) < sum(everything.values())
    assert rows[0]["month"] == start.strftime("%Y-%m") and rows[-1]["month"] == end.strftime(
        "%Y-%m"
    )
    api = web.get(f"/api/v1/stats?{query}", headers=people["admin"].headers).json()
    assert api["period"] == {"from": start.isoformat(), "to": end.isoformat()}
    got = {r["country"]: r["people"] for r in api["tables"]["countries"]["rows"]}
    assert got == {c: published(n) for c, n in countries.items()}


def test_a_date_that_cannot_be_read_is_answered_not_crashed(
    web: TestClient, people: dict[str, Login]
) -> None:
    login(web, people["admin"])
    page = web.get("/officer/stats?from=31-12-2026&to=")
    assert page.status_code == 200 and "tidak bisa dibaca" in page.text
    api = web.get("/api/v1/stats?from=2026-13-01", headers=people["admin"].headers)
    assert api.status_code == 422 and "from" in api.json()["detail"]
    backwards = web.get(
        "/api/v1/stats?from=2026-05-01&to=2026-04-01", headers=people["admin"].headers
    )
    assert backwards.status_code == 422


def test_the_api_withholds_small_counts_and_rounds_the_rest(
    services: Services, web: TestClient, people: dict[str, Login]
) -> None:
    api = web.get("/api/v1/stats", headers=people["anjani"].headers).json()
    with services.factory() as session:
        expected = abroad_by(session, Window(villages=(ANJANI,)), "country")
    assert expected["taiwan"] == 3  # three workers: too few to publish
    rows = {r["country"]: r["people"] for r in api["tables"]["countries"]["rows"]}
    assert rows["taiwan"] is None
    province = web.get("/api/v1/stats", headers=people["admin"].headers).json()
    for key, table in [*api["tables"].items(), *province["tables"].items()]:
        for row in table["rows"]:
            for column in table["counts"]:
                value = row[column]
                assert value is None or value % 5 == 0, (key, column, value)
            if key == "response":
                for part, count in (("first_response", "answered"), ("resolution", "resolved")):
                    if row[count] is None or row[count] < 5:
                        assert row[f"{part}_median_h"] is None and row[f"{part}_p90_h"] is None
    # totals are rounded too: the withheld 3 cannot be worked back from a total
    people_rows = api["tables"]["people"]["rows"]
    assert all(r["total"] is None or r["total"] % 5 == 0 for r in people_rows)
    assert "1-4" in api["suppression"]
    text = str(province)
    assert "Pekerja" not in text and "Peserta" not in text  # no names of people


def test_the_api_needs_a_token(web: TestClient) -> None:
    assert web.get("/api/v1/stats").status_code == 401
    assert web.get("/officer/stats", follow_redirects=False).status_code == 303


def test_a_guess_reviewed_by_its_officer_is_counted_as_a_guess(
    services: Services, web: TestClient
) -> None:
    """A first choice answered as a guess is marked on the case page (once reviewed) and
    counted in the province's picture with whether the officer's review agrees with it."""
    people = team(services)
    for n, topics in enumerate((["perdagangan-orang"], ["calo-ilegal"])):
        replay(Chat(services, user=f"62812350{n}", channel="whatsapp"), GUESS_REPORTED)
        with services.factory() as session:
            case_id = session.scalars(select(Case.id).order_by(Case.id.desc())).first()
        review_as_officer(services, case_id or 0, topics)
    login(web, people["anjani"])
    page = web.get(f"/officer/cases/{case_id}").text
    assert "Asisten sudah menjawab: " in page and "(sebagai tebakan)" in page
    web.cookies.clear()
    login(web, people["admin"])
    rows, _total = read_tables(web.get("/officer/stats/cases?from=&to=").text)["assistant"]
    (row,) = rows
    assert (int(row["guessed"]), int(row["guessed_right"])) == (2, 1)


def test_downloads_open_as_csv_and_xlsx(
    services: Services, web: TestClient, people: dict[str, Login]
) -> None:
    login(web, people["timur"])
    with services.factory() as session:
        expected = abroad_by(session, Window(district=LOMBOK_TIMUR), "sector")
    reply = web.get("/officer/stats/download/sectors.csv?from=&to=")
    assert reply.status_code == 200 and "attachment" in reply.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert {r["sector"]: int(r["people"]) for r in rows} == dict(expected)
    reply = web.get("/officer/stats/download/sectors.xlsx?from=&to=")
    sheet = load_workbook(io.BytesIO(reply.content)).active
    values = list(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert values[0] == ("sector", "people")
    assert {row[0] or "": row[1] for row in values[1:]} == dict(expected)
    assert web.get("/officer/stats/download/nothing.csv").status_code == 422


def test_the_assistant_on_reviewed_messages_counts_what_families_got(
    services: Services, web: TestClient
) -> None:
    """Four mothers write the same message and are answered about unpaid wages; officers
    review three: wages (a right answer), a death abroad with danger (nothing that helped, no
    danger reply) and nothing to do with working abroad (answered all the same)."""
    people = team(services)
    for n in range(4):
        replay(Chat(services, user=f"62812340{n}", channel="whatsapp"), FROM_THE_ANSWER)
    with services.factory() as session:
        ids = list(session.scalars(select(Case.id).order_by(Case.id)))
    review_as_officer(services, ids[0], ["gaji-tidak-dibayar"])
    review_as_officer(services, ids[1], ["pmi-meninggal-sakit"], danger=True)
    review_as_officer(services, ids[2], [])
    login(web, people["admin"])
    rows, total = read_tables(web.get("/officer/stats/cases?from=&to=").text)["assistant"]
    (row,) = rows
    assert row["district"] == "Kabupaten Lombok Timur" and total["reviewed"] == "3"
    expected = {
        "reviewed": 3,
        "in_scope": 2,
        "answered_right": 1,
        "helped": 1,
        "in_danger": 1,
        "danger_reply": 0,
        "false_alarms": 0,
        "outside": 1,
        "outside_answered": 1,
    }
    assert {k: int(v) for k, v in row.items() if k in expected} == expected
    login(web, people["sakra"])
    page = web.get("/officer/stats/cases?from=&to=").text
    assert 'id="assistant"' in page and "assistant" not in read_tables(page)  # none in Sakra
