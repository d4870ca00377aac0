"""The dashboard through HTTP: login with CSRF and rate limits, scoping, actions, escaping."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from migran.services import Services
from tests.api.test_officer_api import new_case
from tests.officers_support import ANJANI, SAKRA, Login, team


@pytest.fixture
def web(services: Services) -> TestClient:
    return TestClient(create_app(services.container(), run_jobs=False))


def login(web: TestClient, who: Login, password: str | None = None) -> str:
    page = web.get("/officer/login").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    response = web.post(
        "/officer/login",
        data={"username": who.username, "password": password or who.password, "csrf": csrf},
    )
    return response.headers.get("location", "") if response.status_code == 303 else response.text


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def test_the_queue_needs_a_login(web: TestClient) -> None:
    response = web.get("/officer", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/officer/login"


def test_login_sets_a_secure_session_and_shows_only_the_area(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    mine = new_case(services, ANJANI)
    theirs = new_case(services, SAKRA, user="x")
    web.follow_redirects = False
    assert login(web, people["anjani"]) == "/officer"
    cookie = [h for k, h in web.cookies.jar._cookies.items()]
    assert cookie
    page = web.get("/officer?view=all").text
    assert f"/officer/cases/{mine}" in page and f"/officer/cases/{theirs}" not in page
    assert web.get(f"/officer/cases/{theirs}").status_code == 404


def test_wrong_passwords_are_refused_and_then_rate_limited(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    web.follow_redirects = False
    for _ in range(10):
        assert "error=wrong" in login(web, people["sakra"], password="salah")
    assert "error=too-many" in login(web, people["sakra"])


def test_claim_reply_note_resolve_from_the_case_page(services: Services, web: TestClient) -> None:
    people = team(services)
    case_id = new_case(services, ANJANI)
    login(web, people["anjani"])
    page = web.get(f"/officer/cases/{case_id}").text
    token = csrf_of(page)
    assert web.post(f"/officer/cases/{case_id}/claim", data={"csrf": "forged"}).status_code == 403
    web.post(f"/officer/cases/{case_id}/claim", data={"csrf": token})
    web.post(f"/officer/cases/{case_id}/reply", data={"csrf": token, "text": "Kami bantu."})
    web.post(f"/officer/cases/{case_id}/note", data={"csrf": token, "text": "cek ke BP3MI"})
    page = web.post(
        f"/officer/cases/{case_id}/resolve", data={"csrf": token, "text": "Selesai, gaji dibayar."}
    ).text
    assert "resolved" in page and "Kami bantu." in page and "cek ke BP3MI" in page


def test_markup_in_names_and_stories_is_escaped(services: Services, web: TestClient) -> None:
    people = team(services)
    case_id = new_case(
        services,
        ANJANI,
        user="evil",
        worker_name="<script>alert('x')</script>",
        story="<img src=x onerror=alert(1)>",
    )
    login(web, people["anjani"])
    for page in (web.get("/officer?view=all").text, web.get(f"/officer/cases/{case_id}").text):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page or "&lt;img" in page


def test_supervisors_download_csv_of_their_district_only(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    new_case(services, ANJANI)
    login(web, people["tengah"])
    assert web.get("/officer/export.csv").text.count("\n") == 1  # header only: other district
    web.cookies.clear()
    login(web, people["timur"])
    csv_text = web.get("/officer/export.csv").text
    assert "Anjani" in csv_text and "Lombok Timur" in csv_text
    web.cookies.clear()
    login(web, people["anjani"])
    assert web.get("/officer/export.csv").status_code == 403


def test_an_officer_changes_the_password_and_other_logins_end(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    anjani = people["anjani"]
    elsewhere = TestClient(create_app(services.container(), run_jobs=False))
    login(elsewhere, anjani)  # the same officer, logged in on another phone
    login(web, anjani)
    token = csrf_of(web.get("/officer/password").text)
    new = "kopi-sasak-2026"

    def change(current: str, first: str, second: str, csrf: str = token) -> str:
        fields = {"current": current, "new": first, "repeated": second, "csrf": csrf}
        return web.post("/officer/password", data=fields).text

    assert "tidak benar" in change("salah", new, new)
    assert "tidak sama" in change(anjani.password, new, new + "x")
    assert "terlalu pendek" in change(anjani.password, "pendek", "pendek")
    assert "harus berbeda" in change(anjani.password, anjani.password, anjani.password)
    assert (
        web.post(
            "/officer/password",
            data={"current": anjani.password, "new": new, "repeated": new, "csrf": "forged"},
        ).status_code
        == 403
    )
    assert 'id="done"' in change(anjani.password, new, new)

    assert web.get("/officer").status_code == 200, "this login stays open"
    elsewhere.follow_redirects = False
    assert elsewhere.get("/officer").headers["location"] == "/officer/login"
    fresh = TestClient(create_app(services.container(), run_jobs=False))
    fresh.follow_redirects = False
    assert "error=wrong" in login(fresh, anjani)
    assert login(fresh, anjani, password=new) == "/officer"


def test_the_password_page_needs_a_login(web: TestClient) -> None:
    response = web.get("/officer/password", follow_redirects=False)
    assert response.headers["location"] == "/officer/login"
    form = {"current": "a", "new": "b" * 12, "repeated": "b" * 12, "csrf": "x"}
    response = web.post("/officer/password", data=form, follow_redirects=False)
    assert response.headers["location"] == "/officer/login"


def test_sign_ins_and_password_changes_are_in_the_admins_audit_trail(
    services: Services, web: TestClient
) -> None:
    people = team(services)
    anjani, admin = people["anjani"], people["admin"]
    web.follow_redirects = False
    login(web, anjani, password="salah")
    bogus = "rahasia-yang-salah-ketik"
    login(web, Login(0, bogus, "x", ""))  # a password typed into the username field
    login(web, anjani)
    token = csrf_of(web.get("/officer/password").text)
    new = "kopi-sasak-2026"
    fields = {"current": anjani.password, "new": new, "repeated": new, "csrf": token}
    web.post("/officer/password", data=fields)
    web.post("/officer/logout", data={"csrf": token})

    assert web.get("/officer/audit").status_code == 303, "needs a login"
    login(web, anjani, password=new)
    assert web.get("/officer/audit").status_code == 403, "village officers do not see it"
    web.post("/officer/logout", data={"csrf": csrf_of(web.get("/officer").text)})
    login(web, admin)
    page = web.get("/officer/audit").text
    events = re.findall(r'data-event="([a-z_]+)"><strong>([^<]+)</strong>', page)
    assert events[:7] == [
        ("login", admin.username),
        ("logout", anjani.username),
        ("login", anjani.username),
        ("logout", anjani.username),
        ("password_changed", anjani.username),
        ("token_rotated", anjani.username),
        ("login", anjani.username),
    ]
    assert ("login_failed", "?") in events and ("login_failed", anjani.username) in events
    assert bogus not in page, "what was typed as a username is not kept"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_story_that_looks_like_a_formula_is_exported_as_text(
    services: Services, web: TestClient, start: str
) -> None:
    people = team(services)
    new_case(services, ANJANI, story=start + 'HYPERLINK("http://x","klik")')
    login(web, people["timur"])
    rows = list(csv.DictReader(io.StringIO(web.get("/officer/export.csv").text)))
    assert rows[0]["story"] == "'" + start + 'HYPERLINK("http://x","klik")'


def test_the_error_parameter_shows_only_known_messages(services: Services, web: TestClient) -> None:
    people = team(services)
    case_id = new_case(services, ANJANI)
    login(web, people["anjani"])
    page = web.get(f"/officer/cases/{case_id}?error=Call+0812+for+your+money").text
    assert "Call 0812" not in page
    token = csrf_of(page)
    web.post(f"/officer/cases/{case_id}/resolve", data={"csrf": token, "text": "beres"})
    web.follow_redirects = False
    again = web.post(f"/officer/cases/{case_id}/claim", data={"csrf": token})
    assert again.headers["location"].endswith("?error=resolved")
    assert "Kasus ini sudah selesai" in web.get(again.headers["location"]).text


def test_a_password_change_replaces_the_api_token(services: Services, web: TestClient) -> None:
    anjani = team(services)["anjani"]
    assert web.get("/api/v1/cases", headers=anjani.headers).status_code == 200
    login(web, anjani)
    new = "kopi-sasak-2026"
    fields = {"current": anjani.password, "new": new, "repeated": new}
    web.post(
        "/officer/password", data={**fields, "csrf": csrf_of(web.get("/officer/password").text)}
    )
    assert web.get("/api/v1/cases", headers=anjani.headers).status_code == 401


def test_an_officer_gets_a_new_api_token_from_the_password_page(
    services: Services, web: TestClient
) -> None:
    anjani = team(services)["anjani"]
    login(web, anjani)
    page = web.post("/officer/token", data={"csrf": csrf_of(web.get("/officer/password").text)})
    new = re.search(r'<code id="new-token">([^<]+)</code>', page.text).group(1)  # type: ignore[union-attr]
    assert web.get("/api/v1/cases", headers=anjani.headers).status_code == 401
    fresh = {"Authorization": f"Bearer {new}"}
    assert web.get("/api/v1/cases", headers=fresh).status_code == 200
    assert web.post("/officer/token", data={"csrf": "forged"}).status_code == 403
