"""The audience: subscribers of an area, narrowed by course interest and destination country,
counted and queued by the same query; unsubscribing and erased contacts drop out."""

from __future__ import annotations

import time
from datetime import date, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from bot.announcements import audience as audiences
from bot.announcements import service
from bot.announcements.audience import Audience
from bot.announcements.models import Delivery, Subscription
from bot.register.models import RegisterEntry
from bot.registrations import REGISTERED, WITHDRAWN
from bot.store.db import transaction
from bot.store.models import Case, Contact, Registration, utcnow
from migran.services import Services
from tests.announcements_support import subscriber
from tests.officers_support import ANJANI, LENENG, LOMBOK_TIMUR, SAKRA


def count(services: Services, audience: Audience) -> int:
    with services.factory() as session:
        return audiences.count(session, audience)


def wages_case(number: str, contact_id: int, country: str) -> Case:
    """A family's report of unpaid wages from Anjani, for the worker in `country`."""
    return Case(
        number=number,
        contact_id=contact_id,
        reporter="family",
        country=country,
        category="wages",
        story="gaji",
        village_code=ANJANI,
        district_code=LOMBOK_TIMUR,
    )


def test_areas_and_filters_choose_the_recipients(services: Services) -> None:
    caregiver = subscriber(services, "62810001", ANJANI)
    to_malaysia = subscriber(services, "62810002", ANJANI)
    to_korea = subscriber(services, "62810003", SAKRA, channel="telegram")
    subscriber(services, "62810004", LENENG)
    now = utcnow()
    with transaction(services.factory) as session:
        session.add(
            Registration(
                code="P-TEST01",
                contact_id=caregiver,
                programme_slug="caregiver",
                name="Siti",
                birth_year=1999,
                village_code=ANJANI,
                destination="taiwan",
                created_at=now,
            )
        )
        session.add(wages_case("K-TEST01", to_malaysia, "malaysia"))
        session.add(
            RegisterEntry(
                code="R-TEST01",
                contact_id=to_korea,
                village_code=SAKRA,
                district_code=LOMBOK_TIMUR,
                country="korea",
                planned_departure=date(2027, 1, 1),
            )
        )
    assert count(services, Audience("village", (ANJANI,))) == 2
    assert count(services, Audience("village", (ANJANI, SAKRA))) == 3
    assert count(services, Audience("district", (LOMBOK_TIMUR,))) == 3
    assert count(services, Audience("province")) == 4
    assert count(services, Audience("province", course="caregiver")) == 1
    assert count(services, Audience("province", country="taiwan")) == 1
    assert count(services, Audience("province", country="malaysia")) == 1
    assert count(services, Audience("district", (LOMBOK_TIMUR,), country="korea")) == 1
    assert count(services, Audience("village", (ANJANI,), course="bahasa-korea")) == 0


def test_stopped_erased_and_web_contacts_are_not_in_the_audience(services: Services) -> None:
    stays = subscriber(services, "62820001", ANJANI)
    stops = subscriber(services, "62820002", ANJANI)
    erased = subscriber(services, "62820003", ANJANI)
    subscriber(services, "web-9", ANJANI, channel="web")
    with transaction(services.factory) as session:
        service.unsubscribe(session, contact=session.get(Contact, stops), now=utcnow())  # type: ignore[arg-type]
        session.get(Contact, erased).erased_at = utcnow()  # type: ignore[union-attr]
    with services.factory() as session:
        ids = session.scalars(audiences.recipients(Audience("village", (ANJANI,)))).all()
    assert ids == [stays]


def test_a_new_village_replaces_the_old_subscription(services: Services) -> None:
    contact_id = subscriber(services, "62830001", ANJANI)
    with transaction(services.factory) as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        service.subscribe(session, contact=contact, village_code=SAKRA, now=utcnow())
    assert count(services, Audience("village", (ANJANI,))) == 0
    assert count(services, Audience("village", (SAKRA,))) == 1
    with services.factory() as session:
        assert session.scalar(select(func.count()).select_from(Subscription)) == 2


def test_thousands_of_recipients_are_queued_in_one_statement(services: Services) -> None:
    now = utcnow()
    with transaction(services.factory) as session:
        ids = _contacts(session, "6287", 5000, now)
        session.execute(insert(Subscription), _subscriptions(ids, now))
    started = time.perf_counter()
    with transaction(services.factory) as session:
        queued = audiences.queue(
            session, Audience("province"), announcement_id=_draft(services), now=now
        )
    assert queued == 5000 and time.perf_counter() - started < 5
    with services.factory() as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 5000


def test_deliveries_are_numbered_in_the_order_people_first_wrote(services: Services) -> None:
    """The lane sends by delivery number. Rows deleted or updated reorder PostgreSQL's heap,
    and the join followed it: a test of a stop halfway through a send saw its last subscriber
    sent to among the first (stop 61)."""
    now = utcnow()
    with transaction(services.factory) as session:
        ids = _contacts(session, "6288", 300, now)
        session.execute(insert(Subscription), _subscriptions(ids, now)[::-1])
    with transaction(services.factory) as session:  # new row versions: PostgreSQL's heap shuffled
        early = Contact.id.in_(ids[:150])
        session.execute(update(Contact).where(early).values(last_seen_at=now))
        session.execute(
            update(Subscription)
            .where(Subscription.contact_id.in_(ids[:150]))
            .values(started_at=now)
        )
    with transaction(services.factory) as session:
        audiences.queue(session, Audience("province"), announcement_id=_draft(services), now=now)
    with services.factory() as session:
        queued = session.scalars(select(Delivery.contact_id).order_by(Delivery.id)).all()
    assert queued == sorted(queued) and len(queued) == 300


def _contacts(session: Session, prefix: str, count: int, now: datetime) -> list[int]:
    """`count` WhatsApp contacts written in one statement; their ids, in order."""
    rows = [
        {
            "channel": "whatsapp",
            "channel_user_id": f"{prefix}{n:07d}",
            "language": "id",
            "created_at": now,
            "last_seen_at": now,
        }
        for n in range(count)
    ]
    session.execute(insert(Contact), rows)
    return list(session.scalars(select(Contact.id).order_by(Contact.id)))


def _subscriptions(ids: list[int], now: datetime) -> list[dict[str, object]]:
    """A subscription to Anjani for each contact, in the order given."""
    return [
        {"contact_id": i, "village_code": ANJANI, "district_code": LOMBOK_TIMUR, "started_at": now}
        for i in ids
    ]


def _draft(services: Services) -> int:
    from bot.announcements.models import Announcement

    with transaction(services.factory) as session:
        row = Announcement(level="province", area_codes=[], text="x", filters={}, recipients=0)
        session.add(row)
        session.flush()
        return row.id


def test_approvers_with_a_telegram_chat_are_told_an_announcement_waits(
    services: Services,
) -> None:
    from bot.store.models import Officer, OutboxMessage
    from tests.officers_support import LOMBOK_TENGAH, add_officer

    author = add_officer(services, "Admin NTB", "admin", telegram="700001")
    add_officer(services, "Admin Dua", "admin", telegram="700002")
    add_officer(services, "Admin Tiga", "admin")  # no chat linked: the dashboard only
    timur = add_officer(services, "Pak Timur", "supervisor", district=LOMBOK_TIMUR, telegram="7003")
    add_officer(services, "Bu Tengah", "supervisor", district=LOMBOK_TENGAH, telegram="700004")

    def told(officer_id: int, level: str, codes: list[str]) -> list[str]:
        with transaction(services.factory) as session:
            session.execute(OutboxMessage.__table__.delete())
            officer = session.get(Officer, officer_id)
            assert officer is not None
            draft = service.compose(
                session, officer=officer, level=level, codes=codes, text="Info", now=utcnow()
            )
            assert service.send(session, announcement=draft, officer=officer, now=utcnow()) == (
                "awaiting_approval"
            )
            return sorted(session.scalars(select(OutboxMessage.recipient)))

    # province-wide: the other admins with a chat, never the author, no supervisor
    assert told(author.id, "province", []) == ["700002"]
    # a district, written by its supervisor: the admins (the other district's supervisor no)
    assert told(timur.id, "district", [LOMBOK_TIMUR]) == ["700001", "700002"]
    with services.factory() as session:
        text = session.scalars(select(OutboxMessage.payload)).first()
    assert text is not None and "Pak Timur" in text["text"] and "persetujuan" in text["text"]


def test_news_for_saudi_arabia_reaches_those_who_chose_the_middle_east_and_back(
    services: Services,
) -> None:
    to_middle_east = subscriber(services, "62810011", ANJANI)
    to_saudi = subscriber(services, "62810012", ANJANI)
    subscriber(services, "62810013", ANJANI)  # no destination known
    with transaction(services.factory) as session:
        session.add(
            Registration(
                code="P-TEST11",
                contact_id=to_middle_east,
                programme_slug="caregiver",
                name="Siti",
                birth_year=1999,
                village_code=ANJANI,
                destination="timur-tengah",
                created_at=utcnow(),
            )
        )
        session.add(wages_case("K-TEST11", to_saudi, "arab-saudi"))
    assert count(services, Audience("province", country="arab-saudi")) == 2
    assert count(services, Audience("province", country="timur-tengah")) == 2
    assert count(services, Audience("province", country="malaysia")) == 0


def test_news_for_the_middle_east_reaches_a_report_kept_by_its_country_name(
    services: Services,
) -> None:
    """A report on Kuwait keeps "Kuwait", not "Other Middle East" (stop 53): news for the
    Middle East still reaches its family."""
    in_kuwait = subscriber(services, "62810021", ANJANI)
    with transaction(services.factory) as session:
        session.add(wages_case("K-TEST21", in_kuwait, "Kuwait"))
    assert count(services, Audience("province", country="timur-tengah")) == 1
    assert count(services, Audience("province", country="arab-saudi")) == 1
    assert count(services, Audience("province", country="malaysia")) == 0


def test_news_for_a_course_does_not_reach_those_who_withdrew_from_it(
    services: Services,
) -> None:
    stays = subscriber(services, "62810021", ANJANI)
    withdrew = subscriber(services, "62810022", ANJANI)
    with transaction(services.factory) as session:
        for contact_id, status in ((stays, REGISTERED), (withdrew, WITHDRAWN)):
            session.add(
                Registration(
                    code=f"P-TEST{contact_id}",
                    contact_id=contact_id,
                    programme_slug="caregiver",
                    name="Siti",
                    birth_year=1999,
                    village_code=ANJANI,
                    status=status,
                    created_at=utcnow(),
                )
            )
    with services.factory() as session:
        chosen = audiences.recipients(Audience("village", (ANJANI,), course="caregiver"))
        assert session.scalars(chosen).all() == [stays]
    assert count(services, Audience("village", (ANJANI,))) == 2  # both still hear the village
