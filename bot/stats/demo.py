"""A synthetic data set for a fresh install, so a newcomer sees the picture filled in.

Every row is labelled: codes and case numbers start with DEMO-, register entries have
source "demo", names read "Contoh ... (demo)", stories say they are made up. Villages are real
NTB villages (their codes from the village list); people, companies and stories are not.
Refused on a database that holds anything real."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete, func, not_, or_, select
from sqlalchemy.orm import Session

from bot.register.models import RegisterEntry
from bot.store.models import (
    Case,
    CaseEvent,
    Contact,
    Registration,
    TrainingProgramme,
)
from knowledge.villages import Village, VillageDirectory

PREFIX = "DEMO-"
SOURCE = "demo"
COUNTRIES = {
    "malaysia": 40,
    "taiwan": 15,
    "hongkong": 10,
    "arab-saudi": 9,
    "singapura": 8,
    "korea": 7,
    "jepang": 6,
    "brunei": 3,
    "other": 2,
}
SECTORS = {
    "plantation": 30,
    "domestic": 25,
    "factory": 15,
    "care": 10,
    "construction": 10,
    "hospitality": 5,
    "fishing": 5,
}
COMPANIES = [f"PT Contoh {name} (demo)" for name in ("Maju Jaya", "Sejahtera", "Bina Karya",
    "Lintas Samudra", "Harapan Baru", "Cahaya Timur", "Mitra Abadi", "Sentosa")]  # fmt: skip
CATEGORY_WEIGHTS = {
    "wages": 30,
    "documents": 18,
    "lost_contact": 14,
    "go_home": 12,
    "fraud": 10,
    "departure": 8,
    "violence": 6,
    "illness_death": 5,
    "other": 5,
}


class RealDataPresent(Exception):
    """The database holds real people's records: demo rows must not be mixed in."""


@dataclass(frozen=True)
class Seeded:
    villages: int
    entries: int
    cases: int
    registrations: int


def real_data(session: Session) -> dict[str, int]:
    """Rows that are not demo rows, by table; empty on a fresh or demo-only database."""
    found = {
        "contacts": session.scalar(select(func.count()).select_from(Contact)) or 0,
        "cases": session.scalar(select(func.count()).where(not_(Case.number.startswith(PREFIX))))
        or 0,
        "registrations": session.scalar(
            select(func.count()).where(not_(Registration.code.startswith(PREFIX)))
        )
        or 0,
        "register entries": session.scalar(
            select(func.count()).where(RegisterEntry.source != SOURCE)
        )
        or 0,
    }
    return {table: n for table, n in found.items() if n}


def has_demo(session: Session) -> bool:
    return bool(
        session.scalar(select(func.count()).where(RegisterEntry.source == SOURCE))
        or session.scalar(select(func.count()).where(Case.number.startswith(PREFIX)))
        or session.scalar(select(func.count()).where(Registration.code.startswith(PREFIX)))
    )


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _pick_villages(rng: random.Random, directory: VillageDirectory, count: int) -> list[Village]:
    """A few villages of every district, then the rest at random."""
    by_district: dict[str, list[Village]] = {}
    for village in directory.villages:
        by_district.setdefault(village.district_code, []).append(village)
    chosen: list[Village] = []
    for villages in by_district.values():
        chosen += rng.sample(villages, min(2, len(villages)))
    rest = [v for v in directory.villages if v not in chosen]
    chosen += rng.sample(rest, max(0, min(count - len(chosen), len(rest))))
    return chosen


def seed(
    session: Session,
    directory: VillageDirectory,
    *,
    today: date,
    villages: int = 40,
    entries: int = 1200,
    cases: int = 300,
    registrations: int = 240,
    seed_value: int = 12,
) -> Seeded:
    """Adds the demo rows; raises RealDataPresent on a database with real records."""
    real = real_data(session)
    if real:
        listing = ", ".join(f"{n} {table}" for table, n in real.items())
        raise RealDataPresent(f"this database holds real data ({listing})")
    rng = random.Random(seed_value)
    places = _pick_villages(rng, directory, villages)
    weights = [rng.randint(1, 10) for _ in places]  # some villages send many, some few
    register = [_entry(rng, i, rng.choices(places, weights)[0], today) for i in range(entries)]
    session.add_all(register)
    session.flush()
    abroad = [e for e in register if e.status == "departed"]
    for i in range(cases):
        session.add(_case(rng, i, rng.choices(places, weights)[0], today, abroad))
    courses = list(
        session.scalars(select(TrainingProgramme.slug).where(TrainingProgramme.active.is_(True)))
    )
    if courses:
        for i in range(registrations):
            session.add(_registration(rng, i, rng.choices(places, weights)[0], today, courses))
    session.flush()
    return Seeded(len(places), entries, cases, registrations if courses else 0)


def _entry(rng: random.Random, i: int, village: Village, today: date) -> RegisterEntry:
    status = rng.choices(("planned", "departed", "returned", "cancelled"), (15, 55, 25, 5))[0]
    left = today - timedelta(days=rng.randint(20, 720))
    planned = left - timedelta(days=rng.randint(0, 30))
    if status == "planned":
        planned = today + timedelta(days=rng.randint(5, 120))
    back = None
    if status == "returned":
        back = left + timedelta(days=rng.randint(60, 700))
        if back >= today:  # not back yet: still abroad
            status, back = "departed", None
    sex = rng.choices(("f", "m", None), (55, 43, 2))[0]
    return RegisterEntry(
        code=f"{PREFIX}R{i:06d}",
        reporter_relation="self",
        worker_name=f"Contoh Pekerja {i + 1} (demo)",
        village_code=village.code,
        district_code=village.district_code,
        sex=sex,
        birth_year=None if rng.random() < 0.03 else left.year - rng.randint(18, 50),
        country=_weighted(rng, COUNTRIES),
        sector=_weighted(rng, SECTORS),
        company_name=rng.choice(COMPANIES) if rng.random() < 0.9 else None,
        planned_departure=planned,
        departed_on=left if status in ("departed", "returned") else None,
        returned_on=back,
        contract_months=rng.choice((12, 24, 24, 36)),
        status=status,
        source=SOURCE,
        consent_at=datetime.combine(planned, time(9), UTC) if status != "planned" else None,
    )


def _case(
    rng: random.Random, i: int, village: Village, today: date, abroad: list[RegisterEntry]
) -> Case:
    opened = datetime.combine(today, time(12), UTC) - timedelta(
        days=rng.randint(0, 360), minutes=rng.randint(0, 1440)
    )
    entry = rng.choice(abroad) if abroad and rng.random() < 0.3 else None
    case = Case(
        number=f"{PREFIX}K{i:05d}",
        reporter="family",
        reporter_relation="parent",
        worker_name=entry.worker_name if entry else f"Contoh Pekerja Kasus {i + 1} (demo)",
        country=entry.country if entry else _weighted(rng, COUNTRIES),
        category=_weighted(rng, CATEGORY_WEIGHTS),
        register_entry_id=entry.id if entry else None,
        story="(demo) Cerita contoh, bukan laporan sungguhan.",
        urgent=rng.random() < 0.1,
        village_code=entry.village_code if entry else village.code,
        district_code=entry.district_code if entry else village.district_code,
        status="new",
        created_at=opened,
        updated_at=opened,
    )
    case.categories = [case.category]
    case.events = [CaseEvent(kind="created", actor="family", body=case.story, created_at=opened)]
    now = datetime.combine(today, time(12), UTC)
    if rng.random() < 0.85:
        claimed = opened + timedelta(minutes=rng.randint(5, 72 * 60))
        if claimed < now:
            case.status, case.claimed_at = "claimed", claimed
            case.events.append(CaseEvent(kind="claimed", actor="officer", created_at=claimed))
            replied = claimed + timedelta(minutes=rng.randint(1, 240))
            if rng.random() < 0.9 and replied < now:
                case.events.append(
                    CaseEvent(kind="reply", actor="officer", body="(demo)", created_at=replied)
                )
                resolved = replied + timedelta(hours=rng.randint(2, 24 * 30))
                if rng.random() < 0.7 and resolved < now:
                    case.status, case.resolved_at = "resolved", resolved
                    case.outcome = "(demo) Selesai."
                    case.events.append(
                        CaseEvent(kind="resolved", actor="officer", created_at=resolved)
                    )
    return case


def _registration(
    rng: random.Random, i: int, village: Village, today: date, courses: list[str]
) -> Registration:
    return Registration(
        code=f"{PREFIX}P{i:05d}",
        programme_slug=rng.choice(courses),
        name=f"Contoh Peserta {i + 1} (demo)",
        birth_year=today.year - rng.randint(18, 35),
        village_code=village.code,
        destination=_weighted(rng, COUNTRIES),
        sex=rng.choice(("f", "m")),
        status="registered",
        created_at=datetime.combine(today, time(3), UTC) - timedelta(days=rng.randint(0, 360)),
    )


def clear(session: Session) -> int:
    """Deletes every demo row (and nothing else); returns how many rows went."""
    gone = 0
    for statement in (
        delete(Case).where(Case.number.startswith(PREFIX)),
        delete(Registration).where(Registration.code.startswith(PREFIX)),
        delete(RegisterEntry).where(
            or_(RegisterEntry.source == SOURCE, RegisterEntry.code.startswith(PREFIX))
        ),
    ):
        gone += int(getattr(session.execute(statement), "rowcount", 0) or 0)
    return gone
