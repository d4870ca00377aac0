"""/api/v1 and the handoff rules: each role against each area, routing, escalation."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from bot.cases.service import create_case
from bot.store.db import transaction
from bot.store.models import Case, CaseEvent, Contact, OutboxMessage
from migran.services import Services
from tests.officers_support import ANJANI, LENENG, LOMBOK_TIMUR, SAKRA, add_officer, team


def new_case(
    services: Services,
    village: str,
    *,
    urgent: bool = False,
    user: str = "u",
    worker_name: str = "Siti",
    story: str = "gaji tidak dibayar",
    story_read: bool = False,
    village_hidden: bool = False,
) -> int:
    with transaction(services.factory) as session:
        contact = Contact(
            channel="web", channel_user_id=f"{user}-{village}-{urgent}", language="id"
        )
        session.add(contact)
        session.flush()
        case = create_case(
            session,
            contact=contact,
            reporter="family",
            worker_name=worker_name,
            country="malaysia",
            city=None,
            category="wages",
            story=story,
            urgent=urgent,
            village_code=village,
            share_consent=True,
            village_hidden=village_hidden,
            story_read=story_read,
        )
        return case.id


@pytest.fixture
def api(services: Services) -> TestClient:
    return TestClient(create_app(services.container(), run_jobs=False))


# who sees a case in Anjani (Lombok Timur)?
MATRIX = {"anjani": True, "sakra": False, "timur": True, "tengah": False, "admin": True}


@pytest.mark.parametrize("who", list(MATRIX))
def test_each_role_sees_only_its_area(services: Services, api: TestClient, who: str) -> None:
    people = team(services)
    case_id = new_case(services, ANJANI)
    login = people[who]
    listed = [c["id"] for c in api.get("/api/v1/cases", headers=login.headers).json()]
    assert (case_id in listed) is MATRIX[who]
    status = api.get(f"/api/v1/cases/{case_id}", headers=login.headers).status_code
    assert status == (200 if MATRIX[who] else 404)
    for action, body in (
        ("claim", None),
        ("replies", {"text": "halo"}),
        ("resolve", {"note": "ok"}),
    ):
        response = api.post(f"/api/v1/cases/{case_id}/{action}", json=body, headers=login.headers)
        if not MATRIX[who]:
            assert response.status_code == 404, action


def test_no_or_wrong_token_is_401(services: Services, api: TestClient) -> None:
    assert api.get("/api/v1/cases").status_code == 401
    assert api.get("/api/v1/cases", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_the_openapi_document_is_served_when_configured(services: Services) -> None:
    container = services.container()
    container.settings = replace(container.settings, expose_docs=True)
    schema = TestClient(create_app(container, run_jobs=False)).get("/openapi.json").json()
    assert "/api/v1/cases/{case_id}/replies" in schema["paths"]


def test_claim_reply_resolve_reach_the_family_and_are_audited(
    services: Services, api: TestClient
) -> None:
    people = team(services)
    case_id = new_case(services, ANJANI)
    officer = people["anjani"]
    assert (
        api.post(f"/api/v1/cases/{case_id}/claim", headers=officer.headers).json()["case"]["status"]
        == "claimed"
    )
    other = api.post(f"/api/v1/cases/{case_id}/claim", headers=people["timur"].headers)
    assert other.status_code == 409
    api.post(
        f"/api/v1/cases/{case_id}/replies",
        json={"text": "Kami sudah hubungi BP3MI."},
        headers=officer.headers,
    )
    done = api.post(
        f"/api/v1/cases/{case_id}/resolve",
        json={"note": "Gaji sudah dibayar."},
        headers=officer.headers,
    ).json()
    assert done["case"]["status"] == "resolved" and done["case"]["outcome"] == "Gaji sudah dibayar."
    detail = api.get(f"/api/v1/cases/{case_id}", headers=officer.headers).json()
    kinds = [e["kind"] for e in detail["events"]]
    assert kinds[:2] == ["created", "routed"] and {"claimed", "reply", "resolved"} <= set(kinds)
    assert all(
        e["actor"] == f"officer:{officer.id}"
        for e in detail["events"]
        if e["kind"] in ("claimed", "reply", "resolved")
    )
    with services.factory() as session:
        to_family = [
            r.payload["text"]
            for r in session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "web"))
        ]
    assert any("Kami sudah hubungi BP3MI." in t and "Baiq Rina" in t for t in to_family)
    assert any("Gaji sudah dibayar." in t for t in to_family)
    assert (
        api.post(
            f"/api/v1/cases/{case_id}/replies", json={"text": "lagi"}, headers=officer.headers
        ).status_code
        == 409
    )


def test_a_reply_that_is_not_text_gets_a_plain_422_without_echoing_it(
    services: Services, api: TestClient
) -> None:
    """Half an emoji's escape is not text (pydantic refuses it); the 422 used to echo the
    input, could not encode it, and became a 500."""
    people = team(services)
    case_id = new_case(services, ANJANI)
    officer = people["anjani"]
    api.post(f"/api/v1/cases/{case_id}/claim", headers=officer.headers)
    response = api.post(
        f"/api/v1/cases/{case_id}/replies",
        content=b'{"text": "sudah \\ud83d kami hubungi"}',
        headers={**officer.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "text"] and "input" not in problem


def test_a_village_without_officers_goes_to_the_district_supervisor(services: Services) -> None:
    people = team(services)
    case_id = new_case(services, LENENG)
    with services.factory() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.escalation_level == 1
    api = TestClient(create_app(services.container(), run_jobs=False))
    listed = [
        c["id"] for c in api.get("/api/v1/cases?view=new", headers=people["tengah"].headers).json()
    ]
    assert case_id in listed


def test_unclaimed_cases_escalate_to_the_district_then_the_province(services: Services) -> None:
    people = team(services)
    urgent = new_case(services, ANJANI, urgent=True)
    normal = new_case(services, SAKRA, user="v")
    scheduler = services.scheduler
    assert scheduler is not None
    start = services.dispatcher.clock()
    scheduler.clock = lambda: start + timedelta(minutes=31)
    assert scheduler.tick() == 1  # only the urgent one after 30 minutes
    scheduler.clock = lambda: start + timedelta(minutes=62)
    assert scheduler.tick() == 1  # the urgent one again: district -> province
    scheduler.clock = lambda: start + timedelta(hours=25)
    assert scheduler.tick() == 1  # the ordinary one after 24 hours
    with services.factory() as session:
        levels = {c.id: c.escalation_level for c in session.scalars(select(Case))}
        events = session.scalars(select(CaseEvent.body).where(CaseEvent.kind == "escalated")).all()
    assert levels == {urgent: 2, normal: 1}
    assert events.count("district") == 2 and events.count("province") == 1
    assert people  # everyone registered; routing covered above


def test_officers_get_telegram_notifications_and_can_claim_and_reply_there(
    services: Services,
) -> None:
    from bot.types import Incoming

    people = team(services)
    case_id = new_case(services, ANJANI)
    with services.factory() as session:
        notes = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.channel == "telegram", OutboxMessage.recipient == "900001"
            )
        ).all()
    assert notes and any(b["id"] == f"case:claim:{case_id}" for b in notes[0].payload["buttons"])
    dispatcher = services.dispatcher
    dispatcher.receive(
        Incoming(channel="telegram", user_id="900001", button=f"case:claim:{case_id}")
    )
    dispatcher.receive(
        Incoming(channel="telegram", user_id="900001", button=f"case:reply:{case_id}")
    )
    dispatcher.receive(Incoming(channel="telegram", user_id="900001", text="Kami datang besok."))
    with services.factory() as session:
        case = session.get(Case, case_id)
        assert (
            case is not None and case.status == "claimed" and case.officer_id == people["anjani"].id
        )
        family = [
            r.payload["text"]
            for r in session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "web"))
        ]
    assert any("Kami datang besok." in t for t in family)
    # another village's case cannot be opened from this chat
    other = new_case(services, SAKRA, user="w")
    ids = dispatcher.receive(
        Incoming(channel="telegram", user_id="900001", button=f"case:open:{other}")
    )
    with services.factory() as session:
        text = session.get(OutboxMessage, ids[0]).payload["text"]  # type: ignore[union-attr]
    assert "tidak ada di wilayah" in text or "not in your area" in text


def test_officer_cli_rejects_an_ambiguous_village_name(
    capsys, sqlite_url: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from migran.cli import main

    monkeypatch.setenv("MIGRAN_DATABASE_URL", sqlite_url)
    assert main(["officer", "add", "--name", "X", "--village", "Sukarara"]) == 2
    err = capsys.readouterr().err
    assert "52.02.02.2010" in err and "52.03.19.2001" in err
    assert main(["officer", "add", "--name", "Baiq", "--village", "Anjani", "--json"]) == 0
    import json

    created = json.loads(capsys.readouterr().out)
    assert set(created) == {"id", "username", "password", "api_token"}


def test_an_admin_resets_a_forgotten_password_from_the_cli(
    capsys, sqlite_url: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import json

    from bot.officers.service import authenticate, officer_by_token
    from bot.store.db import make_engine, make_sessionmaker
    from bot.store.models import utcnow
    from migran.cli import main

    monkeypatch.setenv("MIGRAN_DATABASE_URL", sqlite_url)
    assert main(["officer", "add", "--name", "Lalu Anjani", "--village", "Anjani", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert main(["officer", "reset-password", created["username"]]) == 0
    token_line, password_line = capsys.readouterr().out.strip().splitlines()
    new = password_line.rsplit(": ", 1)[1]
    assert token_line.rsplit(": ", 1)[1] != created["api_token"]
    assert main(["officer", "rotate-token", created["username"]]) == 0
    rotated = capsys.readouterr().out.strip().rsplit(": ", 1)[1]
    assert main(["officer", "reset-password", "nobody"]) == 1

    factory = make_sessionmaker(make_engine(sqlite_url))
    now = utcnow()
    with transaction(factory) as session:
        user = created["username"]
        assert authenticate(session, username=user, password=created["password"], now=now) is None
        assert authenticate(session, username=user, password=new, now=now) is not None
        assert officer_by_token(session, created["api_token"]) is None
        assert officer_by_token(session, rotated) is not None


def test_addresses_in_the_audit_trail_are_shortened() -> None:
    from bot.officers.audit import mask_address

    assert mask_address("203.0.113.57") == "203.0.113.x"
    assert mask_address("2001:db8:85a3::8a2e:370:7334") == "2001:0db8:85a3::x"
    assert mask_address("testclient") == "testclient"
    assert mask_address(None) is None


def test_the_audit_trail_keeps_a_year(services: Services) -> None:
    from bot.officers.audit import audit
    from bot.store.models import OfficerAudit

    now = services.dispatcher.clock()
    with transaction(services.factory) as session:
        audit(session, "login_failed", officer=None, now=now - timedelta(days=400))
        audit(session, "login_failed", officer=None, now=now - timedelta(days=10))
    services.scheduler.tick()
    with services.factory() as session:
        kept = session.scalars(select(OfficerAudit.at)).all()
    assert len(kept) == 1 and kept[0] > now - timedelta(days=365)


def test_an_officer_reviews_the_message_a_case_opened_from_over_the_api(
    services: Services, api: TestClient
) -> None:
    people = team(services)
    typed = new_case(services, ANJANI, user="typed")
    read = new_case(services, ANJANI, user="read", story_read=True)
    officer = people["anjani"]
    assert api.get(f"/api/v1/cases/{typed}", headers=officer.headers).json()["reviewable"] is False
    body = {"topics": ["gaji-tidak-dibayar"], "danger": False}
    refused = api.post(f"/api/v1/cases/{typed}/review", json=body, headers=officer.headers)
    assert refused.status_code == 409
    unknown = {"topics": ["bukan-topik"], "danger": True}
    assert (
        api.post(f"/api/v1/cases/{read}/review", json=unknown, headers=officer.headers).status_code
        == 409
    )
    assert (
        api.post(
            f"/api/v1/cases/{read}/review", json={"topics": []}, headers=officer.headers
        ).status_code
        == 422
    )
    outside = api.post(f"/api/v1/cases/{read}/review", json=body, headers=people["sakra"].headers)
    assert outside.status_code == 404
    assert api.post(f"/api/v1/cases/{read}/review", json=body, headers=officer.headers).json()["ok"]
    detail = api.get(f"/api/v1/cases/{read}", headers=officer.headers).json()
    assert detail["review_topics"] == ["gaji-tidak-dibayar"] and detail["review_danger"] is False
    assert detail["events"][-1]["kind"] == "reviewed"


def _telegram(services: Services, ids: list[int]) -> list[dict]:  # type: ignore[type-arg]
    with services.factory() as session:
        return [session.get(OutboxMessage, i).payload for i in ids]  # type: ignore[union-attr]


def test_an_officer_reviews_from_telegram_with_two_buttons_and_the_topics_numbers(
    services: Services,
) -> None:
    """Officers work in Telegram: the case view offers the review, the officer answers whether
    someone was in danger, then types the numbers of the topics that would have helped, in
    the dashboard's order. Numbers that name no topic are asked for again."""
    from bot.cases.review import topic_choices
    from bot.types import Incoming

    people = team(services)
    read = new_case(
        services, ANJANI, user="read", story_read=True, story="gaji 4 bulan tdk dibayar"
    )
    with transaction(services.factory) as session:
        given = {
            "answered": ["gaji-tidak-dibayar"],
            "offered": ["kontak-darurat"],
            "urgent": False,
            "guessed": True,
        }
        session.get(Case, read).assistant_reply = given  # type: ignore[union-attr]
    titles = dict(topic_choices(services.container().librarian.topics.values()))
    dispatcher = services.dispatcher

    def officer(**what: str) -> list[dict]:  # type: ignore[type-arg]
        return _telegram(
            services, dispatcher.receive(Incoming(channel="telegram", user_id="900001", **what))
        )

    (view,) = officer(button=f"case:open:{read}")
    assert [r["id"] for r in view["rows"]] == [
        f"case:claim:{read}",
        f"case:reply:{read}",
        f"case:resolve:{read}",
        f"case:note:{read}",
        f"case:transfer:{read}",
        f"case:review:{read}",
    ]
    officer(button=f"case:claim:{read}")
    (view,) = officer(button=f"case:open:{read}")
    assert f"case:review:{read}" in [r["id"] for r in view["rows"]]
    (question,) = officer(button=f"case:review:{read}")
    assert "gaji 4 bulan tdk dibayar" in question["text"]
    assert [b["id"] for b in question["buttons"]] == [
        f"case:danger-yes:{read}",
        f"case:danger-no:{read}",
    ]
    (listing,) = officer(button=f"case:danger-yes:{read}")
    slugs = [slug for slug, _title in topic_choices(services.container().librarian.topics.values())]
    wages, passport = slugs.index("gaji-tidak-dibayar") + 1, slugs.index("dokumen-ditahan") + 1
    assert f"\n{wages}. " in listing["text"] and f"\n{len(slugs)}. " in listing["text"]
    for wrong in (str(len(slugs) + 1), "0, 3", "tiga"):
        (again,) = officer(text=wrong)
        assert "1" in again["text"] and str(len(slugs)) in again["text"]
    with services.factory() as session:
        assert session.get(Case, read).reviewed_at is None  # type: ignore[union-attr]
    (saved,) = officer(text=f"{wages}, {passport}")
    assert "Terima kasih" in saved["text"] or "Thank you" in saved["text"]
    # what the assistant gave is shown once the review is saved, not before
    assert titles["gaji-tidak-dibayar"] in saved["text"].split("\n\n")[-1]
    assert titles["kontak-darurat"] in saved["text"] and "(sebagai tebakan)" in saved["text"]
    assert titles["gaji-tidak-dibayar"] not in question["text"]
    with services.factory() as session:
        case = session.get(Case, read)
        assert case is not None
        assert case.review_topics == ["gaji-tidak-dibayar", "dokumen-ditahan"]
        assert case.review_danger is True and case.reviewed_by == people["anjani"].id
        assert case.events[-1].kind == "reviewed"
        assert case.events[-1].actor == f"officer:{people['anjani'].id}"
    (view,) = officer(button=f"case:open:{read}")
    assert f"case:review:{read}" not in [r["id"] for r in view["rows"]]


def test_a_resolved_case_asks_its_officer_on_telegram_for_a_review(services: Services) -> None:
    from bot.cases import service as handoff
    from bot.store.models import Officer
    from bot.types import Incoming

    people = team(services)
    read = new_case(services, ANJANI, user="read", story_read=True)
    typed = new_case(services, ANJANI, user="typed")
    with transaction(services.factory) as session:
        officer = session.get(Officer, people["anjani"].id)
        assert officer is not None
        for case_id in (read, typed):
            case = session.get(Case, case_id)
            assert case is not None
            handoff.resolve(session, case=case, officer=officer, outcome="Sudah dibantu.")
    with services.factory() as session:
        asks = [
            m.payload
            for m in session.scalars(
                select(OutboxMessage).where(OutboxMessage.recipient == "900001")
            )
            if any(b["id"].startswith("case:review:") for b in m.payload["buttons"])
        ]
    assert [b["id"] for a in asks for b in a["buttons"]] == [f"case:review:{read}"]
    # a typed story cannot be reviewed, from the button either
    (refused,) = _telegram(
        services,
        services.dispatcher.receive(
            Incoming(channel="telegram", user_id="900001", button=f"case:review:{typed}")
        ),
    )
    assert not refused["buttons"] and "asisten" in refused["text"]


def test_an_officer_resolves_from_telegram_and_is_asked_for_the_review(
    services: Services,
) -> None:
    from bot.types import Incoming

    team(services)
    read = new_case(services, ANJANI, user="read", story_read=True)
    dispatcher = services.dispatcher

    def officer(**what: str) -> list[dict]:  # type: ignore[type-arg]
        return _telegram(
            services, dispatcher.receive(Incoming(channel="telegram", user_id="900001", **what))
        )

    (view,) = officer(button=f"case:open:{read}")
    assert f"case:resolve:{read}" in [r["id"] for r in view["rows"]]
    officer(button=f"case:resolve:{read}")
    officer(text="batal")
    with services.factory() as session:
        assert session.get(Case, read).status != "resolved"  # type: ignore[union-attr]
    officer(button=f"case:resolve:{read}")
    replies = officer(text="Gaji sudah dibayar agen, Pak.")
    with services.factory() as session:
        case = session.get(Case, read)
        assert case is not None and case.status == "resolved"
        assert case.outcome == "Gaji sudah dibayar agen, Pak."
        family = [
            r.payload["text"]
            for r in session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "web"))
        ]
    assert any("Gaji sudah dibayar agen, Pak." in t for t in family)
    with services.factory() as session:
        to_officer = [
            m.payload
            for m in session.scalars(
                select(OutboxMessage).where(OutboxMessage.recipient == "900001")
            )
        ]
    assert any(f"case:review:{read}" in [b["id"] for b in p["buttons"]] for p in to_officer)
    assert any(str(case.number) in r["text"] for r in replies)
    (view,) = officer(button=f"case:open:{read}")
    assert [r["id"] for r in view["rows"]] == [f"case:review:{read}"]


def test_an_officer_notes_releases_and_transfers_a_case_from_telegram(services: Services) -> None:
    """What the dashboard's case page offers, from the officer's Telegram chat: an internal
    note (never sent to the family), releasing one's own claim, and a transfer to the district
    that is asked for twice, alerts the district and leaves the village queue."""
    from bot.types import Incoming

    team(services)
    add_officer(services, "Pak Kabupaten", "supervisor", district=LOMBOK_TIMUR, telegram="900777")
    case_id = new_case(services, ANJANI, user="family")
    dispatcher = services.dispatcher

    def officer(**what: str) -> list[dict]:  # type: ignore[type-arg]
        return _telegram(
            services, dispatcher.receive(Incoming(channel="telegram", user_id="900001", **what))
        )

    def family_texts() -> list[str]:
        with services.factory() as session:
            return [
                m.payload["text"]
                for m in session.scalars(
                    select(OutboxMessage).where(OutboxMessage.channel == "web")
                )
            ]

    officer(button=f"case:note:{case_id}")
    (saved,) = officer(text="Sudah telepon kepala dusun, alamat majikan diketahui.")
    with services.factory() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.events[-1].kind == "note"
        assert case.events[-1].body == "Sudah telepon kepala dusun, alamat majikan diketahui."
    assert str(case.number) in saved["text"]
    assert not any("kepala dusun" in t for t in family_texts())

    officer(button=f"case:claim:{case_id}")
    (view,) = officer(button=f"case:open:{case_id}")
    assert f"case:release:{case_id}" in [r["id"] for r in view["rows"]]
    assert "kepala dusun" in view["text"]
    officer(button=f"case:release:{case_id}")
    with services.factory() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.status == "new" and case.officer_id is None

    (question,) = officer(button=f"case:transfer:{case_id}")
    assert [b["id"] for b in question["buttons"]] == [
        f"case:transfer-yes:{case_id}",
        f"case:open:{case_id}",
    ]
    with services.factory() as session:
        assert session.get(Case, case_id).escalation_level == 0  # type: ignore[union-attr]
    officer(button=f"case:transfer-yes:{case_id}")
    with services.factory() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.escalation_level == 1
        assert case.events[-1].kind == "transferred"
        alerted = [
            m.recipient
            for m in session.scalars(
                select(OutboxMessage).where(OutboxMessage.channel == "telegram")
            )
        ]
    assert "900777" in alerted
    (again,) = officer(button=f"case:transfer:{case_id}")
    assert not again["buttons"] and str(case.number) in again["text"]
    with transaction(services.factory) as session:
        held = session.get(Case, case_id)
        assert held is not None
        held.escalation_level, held.status = 0, "resolved"
    (closed,) = officer(button=f"case:transfer:{case_id}")
    assert not closed["buttons"] and str(case.number) in closed["text"]


def test_a_report_kept_from_the_village_leaves_no_trace_for_its_officers(
    services: Services, api: TestClient
) -> None:
    """An officer-side tester (stop 48) read a district-only case's kinds and days off the
    village's statistics, found its family in a village announcement's audience, and was
    told its number by the register entry's history; the family was told its "village
    officer" resolved it. None of that now; the district still sees and counts it."""
    from bot.announcements.audience import Audience, count
    from bot.register.service import create_entry, link_case
    from bot.stats.area import Area, Period
    from bot.stats.cases import by_category
    from bot.store.models import Officer
    from tests.api.test_dashboard import login

    people = team(services)
    hidden = new_case(services, ANJANI, village_hidden=True, user="kades-ipar")
    with services.factory() as session:
        village = session.get(Officer, people["anjani"].id)
        district = session.get(Officer, people["timur"].id)
        assert village is not None and district is not None
        counted = {
            who: sum(int(r["total"]) for r in by_category(session, Area.of(o), Period()).rows)
            for who, o in (("village", village), ("district", district))
        }
        case = session.get(Case, hidden)
        assert case is not None
        korea = Audience("village", (ANJANI,), None, case.country)
        assert count(session, korea) == 0
    assert counted == {"village": 0, "district": 1}
    listed = api.get("/api/v1/cases", headers=people["timur"].headers).json()
    assert [c["village_hidden"] for c in listed if c["id"] == hidden] == [True]
    with transaction(services.factory) as session:
        case = session.get(Case, hidden)
        assert case is not None
        entry = create_entry(
            session, village_code=ANJANI, country="malaysia", source="officer", worker_name="Siti"
        )
        link_case(session, case=case, entry=entry, actor="system")
        entry_id, number = entry.id, case.number
    web = TestClient(create_app(services.container(), run_jobs=False))
    login(web, people["anjani"])
    page = web.get(f"/officer/register/{entry_id}").text
    assert "Siti" in page and number not in page
    api.post(
        f"/api/v1/cases/{hidden}/resolve",
        json={"note": "gaji dibayar"},
        headers=people["timur"].headers,
    )
    with services.factory() as session:
        told = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
        assert told is not None and "petugas kabupaten" in str(told.payload), told.payload
