"""The village register as a service: keyword-only functions that take a session.

The chat form, the dashboard, the import and (later) the statistics and company checks all go
through here, so every change is a RegisterEvent (the entry's history) and every query an
officer makes is scoped to their area the way cases are (bot.officers.scope.scope).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session, selectinload

from bot.cases.categories import kept_as
from bot.codes import new_code
from bot.i18n import N_
from bot.ntb_time import ntb_day
from bot.officers.scope import within_area
from bot.register.models import STATUSES, RegisterEntry, RegisterEvent
from bot.store.models import Case, Contact, Officer, utcnow

EDITABLE = (
    "worker_name",
    "sex",
    "birth_year",
    "country",
    "city",
    "sector",
    "job",
    "company_name",
    "planned_departure",
    "departed_on",
    "returned_on",
    "contract_months",
    "contact_abroad",
)
DATES = ("planned_departure", "departed_on", "returned_on")
PERSONAL = ("worker_name", "contact_abroad", "city", "job")
"""Erased on "hapus data saya"; the rest (country, sector, sex, birth year, company, dates,
status) stays so that the village's and province's counts stay true."""


class RegisterError(ValueError):
    """A change that does not fit the entry's state, with a message that says why."""


def date_problems(
    *,
    planned_departure: date | None,
    departed_on: date | None,
    returned_on: date | None,
    today: date,
    plan_given: bool = True,
) -> list[tuple[str, str]]:
    """What an entry's dates cannot be, as (field, English message): the chat, the dashboard
    and the import share it. A departure in the future showed someone abroad who had not left;
    a planned departure already past (when given now, `plan_given`) stayed "planned" forever."""
    problems = []
    if departed_on and departed_on > today:
        problems.append(
            ("departed_on", N_("the departure is in the future: give it as the planned departure"))
        )
    if returned_on and returned_on > today:
        problems.append(("returned_on", N_("the return is in the future")))
    if departed_on and returned_on and returned_on < departed_on:
        problems.append(("returned_on", N_("the return is before the departure")))
    if (
        plan_given
        and planned_departure
        and planned_departure < today
        and not (departed_on or returned_on)
    ):
        problems.append(
            (
                "planned_departure",
                N_("the planned departure has passed: if the worker left, give the day they left"),
            )
        )
    return problems


def district_of(village_code: str) -> str:
    return ".".join(village_code.split(".")[:2])


def actor_of(officer: Officer | None) -> str:
    return f"officer:{officer.id}" if officer is not None else "family"


def record(
    session: Session,
    *,
    entry: RegisterEntry,
    kind: str,
    actor: str,
    body: str | None = None,
    at: datetime | None = None,
) -> RegisterEvent:
    event = RegisterEvent(entry=entry, kind=kind, actor=actor, body=body, created_at=at or utcnow())
    session.add(event)
    entry.updated_at = event.created_at
    return event


def create_entry(
    session: Session,
    *,
    village_code: str,
    country: str,
    source: str,
    contact: Contact | None = None,
    officer: Officer | None = None,
    now: datetime | None = None,
    consent: bool = False,
    status: str | None = None,
    **fields: Any,
) -> RegisterEntry:
    """A new entry; the status follows the dates unless given (returned, departed, planned)."""
    now = now or utcnow()
    unknown = set(fields) - set(EDITABLE) - {"reporter_relation"}
    if unknown:
        raise RegisterError(f"unknown fields: {', '.join(sorted(unknown))}")
    entry = RegisterEntry(
        code=_unique_code(session),
        contact_id=contact.id if contact is not None else None,
        village_code=village_code,
        district_code=district_of(village_code),
        country=country,
        source=source,
        consent_at=now if consent else None,
        created_at=now,
        updated_at=now,
        anonymised=False,
        **fields,
    )
    if status is not None and status not in STATUSES:
        raise RegisterError(f"status must be one of {', '.join(STATUSES)}")
    entry.status = status or status_from_dates(entry)
    problems = date_problems(
        **{name: getattr(entry, name) for name in DATES},
        today=ntb_day(now),
        plan_given=entry.status == "planned",
    )
    if problems:
        raise RegisterError(problems[0][1])
    session.add(entry)
    record(session, entry=entry, kind="recorded", actor=actor_of(officer), body=source, at=now)
    session.flush()
    return entry


def status_from_dates(entry: RegisterEntry) -> str:
    if entry.returned_on:
        return "returned"
    if entry.departed_on:
        return "departed"
    return "planned"


def _unique_code(session: Session) -> str:
    while True:
        code = new_code("R")
        if session.scalar(select(RegisterEntry.id).where(RegisterEntry.code == code)) is None:
            return code


def _describe(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "-" if value in (None, "") else str(value)


def update_entry(
    session: Session,
    entry: RegisterEntry,
    *,
    officer: Officer | None,
    now: datetime | None = None,
    **changes: Any,
) -> list[str]:
    """Sets the fields that changed, records one "edited" event naming them; returns them."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise RegisterError(f"unknown fields: {', '.join(sorted(unknown))}")
    changed = [name for name, value in changes.items() if getattr(entry, name) != value]
    if not changed:
        return []
    dates = {name: changes.get(name, getattr(entry, name)) for name in DATES}
    problems = date_problems(
        **dates,
        today=ntb_day(now or utcnow()),
        # a plan that passed since it was given is not refused for it
        plan_given="planned_departure" in changed and entry.status != "cancelled",
    )
    if problems:
        raise RegisterError(problems[0][1])
    for name in changed:
        setattr(entry, name, changes[name])
    if entry.status != "cancelled":
        entry.status = status_from_dates(entry)
    body = ", ".join(f"{name}: {_describe(changes[name])}" for name in changed)
    record(session, entry=entry, kind="edited", actor=actor_of(officer), body=body, at=now)
    return changed


def mark_departed(
    session: Session,
    entry: RegisterEntry,
    *,
    on: date,
    officer: Officer | None = None,
    now: datetime | None = None,
) -> None:
    if entry.status in ("returned", "cancelled"):
        raise RegisterError(f"the entry is already {entry.status}")
    entry.departed_on = on
    entry.status = "departed"
    record(
        session, entry=entry, kind="departed", actor=actor_of(officer), body=on.isoformat(), at=now
    )


def mark_returned(
    session: Session,
    entry: RegisterEntry,
    *,
    on: date,
    officer: Officer | None = None,
    now: datetime | None = None,
) -> None:
    if entry.status == "cancelled":
        raise RegisterError("the entry is cancelled")
    if entry.departed_on and on < entry.departed_on:
        raise RegisterError("the return is before the departure")
    entry.returned_on = on
    entry.status = "returned"
    record(
        session, entry=entry, kind="returned", actor=actor_of(officer), body=on.isoformat(), at=now
    )


def cancel(
    session: Session,
    entry: RegisterEntry,
    *,
    officer: Officer | None = None,
    now: datetime | None = None,
) -> None:
    if entry.status != "planned":
        raise RegisterError("only a planned departure can be cancelled")
    entry.status = "cancelled"
    record(session, entry=entry, kind="cancelled", actor=actor_of(officer), at=now)


def moved_employer(
    session: Session,
    entry: RegisterEntry,
    *,
    employer: str,
    city: str | None,
    officer: Officer | None = None,
    now: datetime | None = None,
) -> None:
    """The worker changed employer abroad: the new employer is history, the city is current."""
    if city:
        entry.city = city[:120]
    body = employer[:200] + (f" ({city})" if city else "")
    record(session, entry=entry, kind="moved_employer", actor=actor_of(officer), body=body, at=now)


def verify(session: Session, entry: RegisterEntry, *, officer: Officer, now: datetime) -> None:
    """The village checked the person and their documents: who and when."""
    entry.verified_by = officer.id
    entry.verified_at = now
    record(session, entry=entry, kind="verified", actor=actor_of(officer), at=now)


# -- reading -------------------------------------------------------------------------------
def scope_entries(query: Select[Any], officer: Officer) -> Select[Any]:
    """Only the entries of the officer's area, as cases are scoped."""
    return within_area(query, officer, RegisterEntry.district_code, RegisterEntry.village_code)


def in_area(officer: Officer, village_code: str) -> bool:
    if officer.role == "admin":
        return True
    if officer.role == "supervisor":
        return district_of(village_code) == officer.district_code
    return village_code in officer.village_codes


def entries_query(
    officer: Officer,
    *,
    status: str | None = None,
    country: str | None = None,
    village: str | None = None,
) -> Select[Any]:
    """The officer's entries, newest first, filtered; the statistics build on the same scope."""
    query = select(RegisterEntry)
    if status:
        query = query.where(RegisterEntry.status == status)
    if country:
        query = query.where(RegisterEntry.country.in_(kept_as(country)))
    if village:
        query = query.where(RegisterEntry.village_code == village)
    return scope_entries(query, officer).order_by(RegisterEntry.id.desc())


def list_entries(
    session: Session, officer: Officer, *, limit: int = 200, **filters: str | None
) -> Sequence[RegisterEntry]:
    return session.scalars(entries_query(officer, **filters).limit(limit)).all()


def visible_entry(session: Session, officer: Officer, entry_id: int) -> RegisterEntry | None:
    query = scope_entries(select(RegisterEntry).where(RegisterEntry.id == entry_id), officer)
    return session.scalars(query.options(selectinload(RegisterEntry.events))).first()


def entry_by_code(session: Session, code: str) -> RegisterEntry | None:
    return session.scalars(
        select(RegisterEntry).where(RegisterEntry.code == code.strip().upper())
    ).first()


def entries_of(session: Session, contact: Contact) -> Sequence[RegisterEntry]:
    """What a contact recorded in the chat, oldest first (for "status" and the updates)."""
    return session.scalars(
        select(RegisterEntry)
        .where(RegisterEntry.contact_id == contact.id)
        .order_by(RegisterEntry.id)
    ).all()


def find_duplicate(
    session: Session, *, contact: Contact, worker_name: str, village_code: str
) -> RegisterEntry | None:
    """The same worker already recorded by this contact and not yet home (a second "anak saya
    sudah berangkat" should not make a second entry)."""
    wanted = worker_name.casefold().strip()
    return next(
        (
            e
            for e in entries_of(session, contact)
            if e.village_code == village_code
            and e.status in ("planned", "departed")
            and (e.worker_name or "").casefold().strip() == wanted
        ),
        None,
    )


def cases_of_entry(session: Session, entry: RegisterEntry) -> Sequence[Case]:
    return session.scalars(
        select(Case).where(Case.register_entry_id == entry.id).order_by(Case.id)
    ).all()


def entry_of_case(session: Session, case: Case) -> RegisterEntry | None:
    return session.get(RegisterEntry, case.register_entry_id) if case.register_entry_id else None


# -- cases ---------------------------------------------------------------------------------
def link_case(
    session: Session,
    *,
    case: Case,
    entry: RegisterEntry,
    actor: str,
    now: datetime | None = None,
) -> None:
    """A case is about this registered worker; both must be of the same village."""
    if entry.village_code != case.village_code:
        raise RegisterError("the entry is of another village")
    case.register_entry_id = entry.id
    record(session, entry=entry, kind="case_linked", actor=actor, body=case.number, at=now)


def link_new_case(session: Session, *, case: Case, contact: Contact) -> RegisterEntry | None:
    """A family's new case is linked to their entry when they recorded exactly one (in the
    case's village): the officer then sees the company, country and dates beside the story."""
    entries = [e for e in entries_of(session, contact) if e.village_code == case.village_code]
    if len(entries) != 1 or not same_worker(case, entries[0]):
        return None
    link_case(session, case=case, entry=entries[0], actor="system")
    return entries[0]


NAME_TITLES = frozenset("baiq lalu inaq amaq mamiq dende hj hjh haji hajjah muh muhammad".split())
"""Titles and common first names in NTB ("Baiq Nurhasanah" is "Nurhasanah" in a report)."""


def same_worker(case: Case, entry: RegisterEntry) -> bool:
    """Nothing the case and the entry both say tells two workers apart: names that share a
    word besides a title, and the same country. A family's report on Ani in Malaysia was
    linked to the entry of Dewi in Taiwan they had recorded (an officer-side tester, stop 48)."""
    case_words, entry_words = (
        set((name or "").casefold().replace(".", " ").split()) - NAME_TITLES
        for name in (case.worker_name, entry.worker_name)
    )
    if case_words and entry_words and case_words.isdisjoint(entry_words):
        return False
    known = {c for c in (case.country, entry.country) if c and c != "other"}
    return len(known) <= 1


# -- privacy -------------------------------------------------------------------------------
def names_of(session: Session, contact: Contact) -> list[str]:
    """Worker names this contact typed, so erasure can mask them in case stories too."""
    return [e.worker_name for e in entries_of(session, contact) if e.worker_name]


def erase_for(session: Session, contact: Contact, *, now: datetime) -> int:
    """ "hapus data saya": the entries this contact recorded lose what identifies the worker;
    country, sector, sex, birth year, company, dates and status stay for the counts."""
    entries = list(entries_of(session, contact))
    if not entries:
        return 0
    ids = [e.id for e in entries]
    session.execute(
        update(RegisterEvent)
        .where(
            RegisterEvent.entry_id.in_(ids), RegisterEvent.kind.in_(("edited", "moved_employer"))
        )
        .values(body=None),
        execution_options={"synchronize_session": "fetch"},
    )
    for entry in entries:
        for name in PERSONAL:
            setattr(entry, name, None)
        entry.contact_id = None
        entry.reporter_relation = None
        entry.anonymised = True
        record(session, entry=entry, kind="anonymised", actor="family", at=now)
    return len(entries)
