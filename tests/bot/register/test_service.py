"""The register service on a real database: status changes leave events, officers see only
their area, cases link to entries of their village, erasure keeps the counts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from bot.privacy import erase_contact
from bot.register.models import RegisterEntry
from bot.register.service import (
    RegisterError,
    cancel,
    create_entry,
    entries_of,
    link_case,
    list_entries,
    mark_departed,
    mark_returned,
    moved_employer,
    update_entry,
    verify,
    visible_entry,
)
from bot.store.db import transaction
from bot.store.models import Case, Contact, Officer
from migran.services import Services
from tests.api.test_officer_api import new_case
from tests.officers_support import ANJANI, LENENG, SAKRA, team

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


def add(services: Services, village: str = ANJANI, **fields: object) -> int:
    with transaction(services.factory) as session:
        entry = create_entry(
            session, village_code=village, country="taiwan", source="officer", now=NOW, **fields
        )
        return entry.id


def test_an_entry_goes_from_planned_to_departed_to_returned_with_events(
    services: Services,
) -> None:
    entry_id = add(services, worker_name="Siti", planned_departure=date(2027, 1, 1))
    with transaction(services.factory) as session:
        entry = session.get(RegisterEntry, entry_id)
        assert entry is not None and entry.status == "planned" and entry.code.startswith("R-")
        assert entry.district_code == "52.03"
        mark_departed(session, entry, on=date(2027, 1, 3), now=NOW)
        moved_employer(session, entry, employer="Mr Chen", city="Taichung", now=NOW)
        with pytest.raises(RegisterError):
            cancel(session, entry, now=NOW)
        with pytest.raises(RegisterError):
            mark_returned(session, entry, on=date(2026, 12, 1), now=NOW)
        mark_returned(session, entry, on=date(2029, 1, 3), now=NOW)
        with pytest.raises(RegisterError):
            mark_departed(session, entry, on=date(2029, 2, 1), now=NOW)
        assert entry.status == "returned" and entry.city == "Taichung"
        assert [e.kind for e in entry.events] == [
            "recorded",
            "departed",
            "moved_employer",
            "returned",
        ]


def test_an_edit_names_the_fields_it_changed_and_the_dates_set_the_status(
    services: Services,
) -> None:
    entry_id = add(services)
    people = team(services)
    with transaction(services.factory) as session:
        entry = session.get(RegisterEntry, entry_id)
        officer = session.get(Officer, people["anjani"].id)
        assert entry is not None and officer is not None
        changed = update_entry(
            session,
            entry,
            officer=officer,
            now=NOW,
            company_name="PT X",
            departed_on=date(2026, 5, 1),
        )
        assert changed == ["company_name", "departed_on"] and entry.status == "departed"
        assert update_entry(session, entry, officer=officer, now=NOW, company_name="PT X") == []
        verify(session, entry, officer=officer, now=NOW)
        assert entry.verified_by == officer.id and entry.verified_at is not None
        assert entry.events[-2].body == "company_name: PT X, departed_on: 2026-05-01"
        assert entry.events[-1].actor == f"officer:{officer.id}"
        with pytest.raises(RegisterError):
            update_entry(session, entry, officer=officer, village_code=SAKRA)


def test_officers_see_only_the_entries_of_their_area(services: Services) -> None:
    people = team(services)
    anjani, sakra, leneng = add(services), add(services, SAKRA), add(services, LENENG)
    with transaction(services.factory) as session:

        def seen(who: str) -> set[int]:
            officer = session.get(Officer, people[who].id)
            assert officer is not None
            return {e.id for e in list_entries(session, officer)}

        assert seen("anjani") == {anjani}
        assert seen("timur") == {anjani, sakra}
        assert seen("tengah") == {leneng}
        assert seen("admin") == {anjani, sakra, leneng}
        officer = session.get(Officer, people["anjani"].id)
        assert officer is not None
        assert visible_entry(session, officer, sakra) is None
        assert visible_entry(session, officer, anjani) is not None


def test_the_middle_east_filter_finds_an_entry_kept_by_its_country_name(
    services: Services,
) -> None:
    """The form keeps "Kuwait" by name, not "timur-tengah" (stop 53)."""
    people = team(services)
    with transaction(services.factory) as session:
        kuwait = create_entry(
            session, village_code=ANJANI, country="Kuwait", source="officer", now=NOW
        ).id
        grouped = create_entry(
            session, village_code=ANJANI, country="timur-tengah", source="officer", now=NOW
        ).id
        create_entry(session, village_code=ANJANI, country="taiwan", source="officer", now=NOW)
    with transaction(services.factory) as session:
        officer = session.get(Officer, people["anjani"].id)
        assert officer is not None
        found = {e.id for e in list_entries(session, officer, country="timur-tengah")}
        assert found == {kuwait, grouped}


def test_a_case_links_only_to_an_entry_of_its_village(services: Services) -> None:
    case_id = new_case(services, ANJANI)
    same, other = add(services), add(services, SAKRA)
    with transaction(services.factory) as session:
        case = session.get(Case, case_id)
        assert case is not None
        with pytest.raises(RegisterError):
            link_case(session, case=case, entry=session.get(RegisterEntry, other), actor="x")  # type: ignore[arg-type]
        link_case(session, case=case, entry=session.get(RegisterEntry, same), actor="x")  # type: ignore[arg-type]
        assert case.register_entry_id == same


def test_erasure_removes_the_person_and_keeps_the_counts(services: Services) -> None:
    with transaction(services.factory) as session:
        contact = Contact(
            channel="console", channel_user_id="ibu", created_at=NOW, last_seen_at=NOW
        )
        session.add(contact)
        session.flush()
        entry = create_entry(
            session,
            village_code=ANJANI,
            country="taiwan",
            source="chat",
            contact=contact,
            now=NOW,
            consent=True,
            worker_name="Baiq Nurhasanah",
            city="Taipei",
            job="perawat lansia",
            sector="care",
            sex="f",
            birth_year=2003,
            company_name="PT Maju",
            contact_abroad="+886 912 345 678",
            departed_on=date(2026, 1, 5),
        )
        moved_employer(session, entry, employer="Mr Chen", city="Taichung", now=NOW)
        erase_contact(session, contact, now=NOW)
    with transaction(services.factory) as session:
        kept = session.scalars(select(RegisterEntry)).one()
        assert (kept.worker_name, kept.city, kept.job, kept.contact_abroad, kept.contact_id) == (
            None,
            None,
            None,
            None,
            None,
        )
        assert kept.anonymised and kept.status == "departed"
        assert (kept.country, kept.sector, kept.sex, kept.birth_year, kept.company_name) == (
            "taiwan",
            "care",
            "f",
            2003,
            "PT Maju",
        )
        assert all("Chen" not in (e.body or "") for e in kept.events)
        assert kept.events[-1].kind == "anonymised"
        contact = session.scalars(select(Contact)).one()
        assert entries_of(session, contact) == []
        assert session.scalar(select(func.count(RegisterEntry.id))) == 1


def test_dates_that_cannot_be_are_refused_and_the_entry_is_left_as_it_was(
    services: Services,
) -> None:
    for dates in (
        {"departed_on": date(2026, 12, 20)},  # not left yet: it showed them abroad
        {"departed_on": date(2026, 1, 1), "returned_on": date(2027, 1, 1)},
        {"departed_on": date(2026, 5, 1), "returned_on": date(2026, 4, 1)},
        {"planned_departure": date(2026, 11, 1)},  # passed: it stayed "planned" forever
    ):
        with pytest.raises(RegisterError):
            add(services, **dates)
    with services.factory() as session:
        assert session.scalar(select(func.count(RegisterEntry.id))) == 0
    entry_id = add(services, planned_departure=date(2027, 1, 1))
    with transaction(services.factory) as session:
        entry = session.get(RegisterEntry, entry_id)
        assert entry is not None
        with pytest.raises(RegisterError, match="future"):
            update_entry(session, entry, officer=None, now=NOW, departed_on=date(2026, 12, 4))
        assert (entry.status, entry.departed_on, len(entry.events)) == ("planned", None, 1)


def test_today_is_the_day_in_ntb_and_a_plan_that_passed_since_does_not_block_an_edit(
    services: Services,
) -> None:
    evening = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)  # 01:00 on 4 December in Lombok
    entry_id = add(services, departed_on=date(2026, 12, 3))
    with transaction(services.factory) as session:
        entry = session.get(RegisterEntry, entry_id)
        assert entry is not None
        update_entry(session, entry, officer=None, now=evening, returned_on=date(2026, 12, 4))
        assert entry.status == "returned"
    planned = add(services, planned_departure=date(2026, 12, 10))
    later = datetime(2027, 2, 1, 8, 0, tzinfo=UTC)
    with transaction(services.factory) as session:
        entry = session.get(RegisterEntry, planned)
        assert entry is not None
        assert update_entry(session, entry, officer=None, now=later, company_name="PT X") == [
            "company_name"
        ]
        with pytest.raises(RegisterError, match="passed"):
            update_entry(
                session, entry, officer=None, now=later, planned_departure=date(2027, 1, 5)
            )


def test_a_new_case_is_linked_only_to_an_entry_of_the_same_worker() -> None:
    """A family's report on Ani in Malaysia was linked to the entry of Dewi in Taiwan they had
    recorded (an officer-side tester, stop 48). Names that share a word besides a title, or
    none given, and the same country, link."""
    from bot.register.service import same_worker

    def case(name: str | None, country: str) -> Case:
        return Case(worker_name=name, country=country)

    def entry(name: str | None, country: str) -> RegisterEntry:
        return RegisterEntry(worker_name=name, country=country)

    assert not same_worker(case("Ani", "malaysia"), entry("Dewi", "taiwan"))
    assert not same_worker(case("Ani", "malaysia"), entry("Ani", "taiwan"))
    assert not same_worker(case("Ani", "malaysia"), entry("Dewi", "malaysia"))
    assert same_worker(case("Ani Suryani", "malaysia"), entry("ani", "malaysia"))
    assert same_worker(case(None, "malaysia"), entry("Ani", "malaysia"))
    assert same_worker(case("Nurhasanah", "malaysia"), entry("Baiq Nurhasanah", "malaysia"))
    assert same_worker(case("   ", "malaysia"), entry("Ani", "malaysia"))
