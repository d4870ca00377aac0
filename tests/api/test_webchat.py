"""The web chat at `/` and `/healthz`, through the real app."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from api.app import create_app
from api.routes import webchat
from bot.cases import service as handoff
from bot.store.models import Message
from migran.services import Services
from tests.cases_support import REPORT_STEPS, as_officer
from tests.officers_support import team


def client(services: Services) -> TestClient:
    webchat.per_chat.hits.clear()
    webchat.per_address.hits.clear()
    return TestClient(create_app(services.container()))


def send(web: TestClient, **data: str) -> str:
    """Posts the chat form the way the page does: with the token the page handed out."""
    if "migran_web_csrf" not in web.cookies:
        web.get("/")
    return web.post("/", data={**data, "csrf": web.cookies["migran_web_csrf"]}).text


def test_health_reports_the_database_and_topics(services: Services) -> None:
    body = client(services).get("/healthz").json()
    assert body == {"status": "ok", "database": "ok", "topics": 49}


def test_a_question_typed_on_the_page_is_answered_with_buttons(services: Services) -> None:
    web = client(services)
    assert "Migran" in web.get("/").text
    page = send(web, text="brp biaya jd tkw ke hongkong")
    assert "biaya penempatan" in page
    assert 'value="cmd:report"' in page
    page = send(web, button="cmd:menu")
    assert "Daftar pelatihan" in page


def test_markup_typed_by_a_user_is_shown_escaped(services: Services) -> None:
    page = send(client(services), text="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def report_on_the_web(web: TestClient) -> str:
    """Sends a case report through the page; returns the case number."""
    page = ""
    for step in REPORT_STEPS:
        page = send(web, **step)
    match = re.search(r"K-[A-Z0-9]{6}", page)
    assert match, page
    return match.group(0)


def officer_works_the_case(services: Services, number: str) -> None:
    as_officer(
        services,
        team(services)["anjani"].id,
        number,
        lambda s, case, o: handoff.claim(s, case=case, officer=o),
        lambda s, case, o: handoff.reply(
            s, case=case, officer=o, text="Kami sudah menghubungi KBRI."
        ),
        lambda s, case, o: handoff.resolve(
            s, case=case, officer=o, outcome="Gaji sudah dibayar agen."
        ),
    )


def test_the_officers_claim_reply_and_resolution_appear_in_the_web_chat(
    services: Services,
) -> None:
    web = client(services)
    number = report_on_the_web(web)
    last_id = max(int(i) for i in re.findall(r'data-id="(\d+)"', web.get("/").text))
    assert web.get(f"/updates?after={last_id}").text.strip() == ""
    officer_works_the_case(services, number)
    news = web.get(f"/updates?after={last_id}").text
    assert "Petugas sekarang menangani laporan" in news
    assert "Kami sudah menghubungi KBRI." in news and "Gaji sudah dibayar agen." in news
    page = web.get("/").text  # and on reload, without JavaScript
    assert page.index("Gaji anak saya") < page.index("Kami sudah menghubungi KBRI.")
    assert "Gaji sudah dibayar agen." in page
    assert "opt:submit" not in page and "Kirim laporan</div>" in page  # the label pressed
    assert client(services).get("/updates?after=0").text.strip() == ""  # another visitor


def test_whatsapp_emphasis_is_formatting_and_options_are_numbered(services: Services) -> None:
    assert "<strong>menu</strong>" in client(services).get("/").text
    page = send(client(services), text="menu")
    assert re.search(r'<button type="submit" name="button" value="[^"]+">1\. ', page)
    page = send(client(services), text="*<b>tebal</b>* _miring_")
    assert "<strong>&lt;b&gt;tebal&lt;/b&gt;</strong>" in page and "<em>miring</em>" in page


def test_a_post_without_the_page_token_is_not_taken(services: Services) -> None:
    web = client(services)
    web.get("/")
    web.post("/", data={"text": "hapus data saya", "csrf": "from-another-site"})
    web.post("/", data={"text": "hapus data saya"})
    with services.factory() as session:
        assert session.query(Message).count() == 0


def test_a_flood_from_one_client_is_slowed_down(services: Services) -> None:
    web = client(services)
    web.get("/")
    token = web.cookies["migran_web_csrf"]
    codes = [
        web.post("/", data={"text": "halo", "csrf": token}, follow_redirects=False).status_code
        for _ in range(35)
    ]
    assert codes[:30] == [303] * 30 and codes[-1] == 429


def test_the_buttons_of_every_reply_to_a_message_stay_pressable(services: Services) -> None:
    """The page shows one set of options; a story answered in two messages (the answer with
    its first topic, the numbers and "ask an officer", then its other needs) keeps all of them,
    the newest numbered, and the danger reply's *Urgent report* stays beside the answer."""
    web = client(services)
    page = send(
        web,
        text="Pak anak saya sudah dua tahun kerja di Taiwan, tiap bulan kirim uang lewat agen "
        "tapi sekarang uangnya sering telat sampai dan potongannya besar sekali, kami di "
        "kampung bingung",
    )
    options = page.split('class="options"', 1)[1].split("</form>", 1)[0]
    assert 'value="topic:kontak-darurat"' in options and 'value="cmd:report"' in options
    numbered = re.findall(r'value="([^"]+)">\d+\. ', options)
    assert len(numbered) == 2 and "topic:kontak-darurat" not in numbered
    page = send(web, text="tolong anak saya dikurung majikan tidak dikasih makan")
    options = page.split('class="options"', 1)[1].split("</form>", 1)[0]
    assert 'value="cmd:urgent"' in options, options


def test_a_report_kept_from_the_village_goes_to_the_district_and_the_village_never_sees_it(
    services: Services,
) -> None:
    """A family afraid the broker, kin of the village head, learns of the report was steered
    back to the village officer (a chat tester, stop 48). *District only* sends it past the
    village: its officers neither see it in the queue nor can open it; the district's do."""
    people = team(services)
    web = client(services)
    steps = [dict(s) for s in REPORT_STEPS]
    shared = [i for i, s in enumerate(steps) if s == {"button": "opt:yes"}][-1]
    steps[shared] = {"button": "share:district"}
    page = ""
    for step in steps:
        page = send(web, **step)
        if step == {"button": "share:district"}:
            assert "bukan desa" in page, page  # the summary says who will see it
    assert "Petugas kabupaten Anda, bukan petugas desa" in page, page
    number = re.search(r"K-[A-Z0-9]{6}", page)
    assert number, page
    api = TestClient(create_app(services.container(), run_jobs=False))
    village = api.get("/api/v1/cases", headers=people["anjani"].headers).json()
    district = api.get("/api/v1/cases", headers=people["timur"].headers).json()
    assert number.group(0) not in [c["number"] for c in village]
    case_id = next(c["id"] for c in district if c["number"] == number.group(0))
    assert api.get(f"/api/v1/cases/{case_id}", headers=people["anjani"].headers).status_code == 404
    claimed = api.post(f"/api/v1/cases/{case_id}/claim", headers=people["anjani"].headers)
    assert claimed.status_code == 404
