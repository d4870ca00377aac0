"""The picture at province size: every dashboard view of bot/stats timed through the real
routes (TestClient) on PostgreSQL with 1,000 villages, 200,000 register entries and 50,000
cases, for a province admin, a district supervisor and a village officer.

    python bench/stats.py [URL] [--entries 200000] [--cases 50000] [--villages 1000]
                          [--runs 20] [--keep]

URL (or MIGRAN_TEST_POSTGRES_URL) names a PostgreSQL server; a throwaway database is created
beside it and dropped at the end (unless --keep). Rows go in with COPY. Prints p50 and p95 in
milliseconds per view, scope and period (the default last 12 months, and all time); the goal is
p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from api.app import create_app
from bot.config import Settings
from bot.officers.service import create_officer, open_session
from bot.stats.service import VIEWS
from bot.store.db import transaction
from knowledge.villages import Village, VillageDirectory
from migran.services import build

COUNTRIES = ["malaysia"] * 8 + ["taiwan"] * 3 + ["hongkong", "arab-saudi", "singapura", "korea"]
SECTORS = ["plantation", "domestic", "manufacturing", "care", "construction", "fishing"]
CATEGORIES = ["wages", "documents", "violence", "lost_contact", "fraud", "go_home", "other"]
COMPANIES = [f"PT BENCH {i:03d}" for i in range(300)]
ENTRY_COLUMNS = (
    "id, code, village_code, district_code, sex, birth_year, country, sector, company_name, "
    "planned_departure, departed_on, returned_on, status, source, anonymised, created_at, "
    "updated_at"
)
REGISTRATION_COLUMNS = "code, programme_slug, name, birth_year, village_code, status, created_at"
CASE_COLUMNS = (
    "id, number, reporter, worker_name, country, category, story, urgent, village_code, "
    "district_code, share_consent, status, escalation_level, anonymised, created_at, "
    "updated_at, claimed_at, resolved_at"
)


def fresh_database(base: str) -> tuple[str, str]:
    name = "migran_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name, name


def drop_database(base: str, name: str) -> None:
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


Row = tuple[object, ...]


def entries(rng: random.Random, places: list[Village], weights: list[int], n: int) -> Iterator[Row]:
    today = date.today()
    now = datetime.now(UTC)
    for i in range(1, n + 1):
        village = rng.choices(places, weights)[0]
        status = rng.choices(("planned", "departed", "returned", "cancelled"), (15, 55, 25, 5))[0]
        left = today - timedelta(days=rng.randint(1, 5 * 365))
        back = left + timedelta(days=rng.randint(60, 900)) if status == "returned" else None
        if back is not None and back >= today:
            status, back = "departed", None
        yield (
            i, f"B{i:09d}", village.code, village.district_code, rng.choice("fm"),
            left.year - rng.randint(18, 50), rng.choice(COUNTRIES), rng.choice(SECTORS),
            rng.choice(COMPANIES), left, left if status in ("departed", "returned") else None,
            back, status, "import", False, now, now,
        )  # fmt: skip


def cases(rng: random.Random, places: list[Village], weights: list[int], n: int) -> Iterator[Row]:
    now = datetime.now(UTC)
    for i in range(1, n + 1):
        village = rng.choices(places, weights)[0]
        opened = now - timedelta(minutes=rng.randint(60, 3 * 365 * 1440))
        claimed = opened + timedelta(minutes=rng.randint(5, 4000)) if rng.random() < 0.85 else None
        resolved = (
            claimed + timedelta(hours=rng.randint(1, 700))
            if claimed and rng.random() < 0.7
            else None
        )
        status = "resolved" if resolved else ("claimed" if claimed else "new")
        yield (
            i, f"BK{i:08d}", "family", None, rng.choice(COUNTRIES), rng.choice(CATEGORIES),
            "bench", rng.random() < 0.1, village.code, village.district_code, True, status, 0,
            False, opened, opened, claimed, resolved,
        )  # fmt: skip


def events(case_rows: list[Row], rng: random.Random) -> Iterator[Row]:
    for row in case_rows:
        case_id, opened, claimed, resolved = row[0], row[14], row[16], row[17]
        yield (case_id, "created", "family", opened)
        if claimed is not None:
            yield (case_id, "claimed", "officer:1", claimed)
            if rng.random() < 0.9:
                yield (
                    case_id,
                    "reply",
                    "officer:1",
                    claimed + timedelta(minutes=rng.randint(1, 300)),
                )  # type: ignore[operator]
        if resolved is not None:
            yield (case_id, "resolved", "officer:1", resolved)


def copy(raw: Any, table: str, columns: str, rows: Iterator[Row]) -> int:
    count = 0
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as out:
        for row in rows:
            out.write_row(row)
            count += 1
    return count


def fill(url: str, args: argparse.Namespace, directory: VillageDirectory) -> dict[str, str]:
    """Bulk rows, then officers; returns the village officer's village and the district."""
    rng = random.Random(7)
    places = rng.sample(directory.villages, min(args.villages, len(directory.villages)))
    weights = [max(1, int(rng.paretovariate(1.2))) for _ in places]
    engine = create_engine(url)
    started = time.perf_counter()
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        n_entries = copy(
            driver, "register_entries", ENTRY_COLUMNS, entries(rng, places, weights, args.entries)
        )
        case_rows = list(cases(rng, places, weights, args.cases))
        copy(driver, "cases", CASE_COLUMNS, iter(case_rows))
        n_events = copy(
            driver, "case_events", "case_id, kind, actor, created_at", events(case_rows, rng)
        )
        slugs = [r[0] for r in driver.execute("select slug from training_programmes").fetchall()]
        now = datetime.now(UTC)
        regs = (
            (f"BP{i:08d}", rng.choice(slugs), "Bench", 1990, rng.choices(places, weights)[0].code,
             "registered", now - timedelta(days=rng.randint(0, 900)))
            for i in range(args.registrations)
        )  # fmt: skip
        copy(driver, "registrations", REGISTRATION_COLUMNS, regs)
        for table in ("register_entries", "cases", "case_events"):
            driver.execute(
                f"select setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(select max(id) from {table}))"
            )
        driver.commit()
        driver.autocommit = True
        driver.execute("VACUUM ANALYZE")
        driver.commit()
    finally:
        raw.close()
        engine.dispose()
    print(
        f"loaded {len(places)} villages, {n_entries:,} register entries, {len(case_rows):,} cases, "
        f"{n_events:,} case events, {args.registrations:,} registrations "
        f"in {time.perf_counter() - started:.1f} s"
    )
    busiest = max(zip(weights, places, strict=True), key=lambda wp: wp[0])[1]
    return {"village": busiest.code, "district": busiest.district_code}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url", nargs="?", default=os.environ.get("MIGRAN_TEST_POSTGRES_URL"))
    parser.add_argument("--villages", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--registrations", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if not args.url or not args.url.startswith("postgresql"):
        print("give a PostgreSQL URL (or set MIGRAN_TEST_POSTGRES_URL)", file=sys.stderr)
        return 2
    url, name = fresh_database(args.url)
    try:
        services = build(Settings(database_url=url), channels=False)
        where = fill(url, args, services.engine.villages)
        now = services.dispatcher.clock()
        cookies, tokens = {}, {}
        with transaction(services.factory) as session:
            for scope, role, villages, district in (
                ("province", "admin", None, None),
                ("district", "supervisor", None, where["district"]),
                ("village", "officer", [where["village"]], None),
            ):
                created = create_officer(
                    session, name=f"Bench {scope}", role=role, village_codes=villages,
                    district_code=district,
                )  # fmt: skip
                tokens[scope] = created.api_token
                cookies[scope] = open_session(session, created.officer, now=now)[0]
        web = TestClient(create_app(services.container(), run_jobs=False))
        print(f"district {where['district']}, village {where['village']}; {args.runs} runs each")
        print(f"{'view':<10} {'scope':<9} {'period':<10} {'p50 ms':>8} {'p95 ms':>8}")
        worst = 0.0
        for view in VIEWS:
            for scope, cookie in cookies.items():
                for period, query in (("12 months", ""), ("all time", "?from=&to=")):
                    web.cookies.set("migran_officer", cookie)
                    path = f"/officer/stats/{view}{query}"
                    for _ in range(2):
                        assert web.get(path).status_code == 200
                    times = []
                    for _ in range(args.runs):
                        started = time.perf_counter()
                        reply = web.get(path)
                        times.append((time.perf_counter() - started) * 1000)
                        assert reply.status_code == 200
                    p95 = percentile(times, 0.95)
                    worst = max(worst, p95)
                    print(
                        f"{view:<10} {scope:<9} {period:<10} "
                        f"{statistics.median(times):8.1f} {p95:8.1f}"
                    )
        with services.factory() as session:
            case_id = session.scalar(
                text("select min(id) from cases where village_code = :v"), {"v": where["village"]}
            )
            entry_id = session.scalar(
                text("select min(id) from register_entries where village_code = :v"),
                {"v": where["village"]},
            )
        pages = {
            "queue": "/officer",
            "queue-res": "/officer?status=resolved",
            "case": f"/officer/cases/{case_id}",
            "register": "/officer/register",
            "reg-dep": "/officer/register?status=departed",
            "entry": f"/officer/register/{entry_id}",
            "companies": "/officer/companies",
        }
        for view, path in pages.items():
            for scope, cookie in cookies.items():
                if view == "companies" and scope != "province":
                    continue  # the lists are the province admins' page
                web.cookies.set("migran_officer", cookie)
                for _ in range(2):
                    assert web.get(path).status_code == 200, path
                times = []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    reply = web.get(path)
                    times.append((time.perf_counter() - started) * 1000)
                    assert reply.status_code == 200
                p95 = percentile(times, 0.95)
                worst = max(worst, p95)
                print(f"{view:<10} {scope:<9} {'-':<10} {statistics.median(times):8.1f} {p95:8.1f}")
        for scope, token in tokens.items():
            web.cookies.clear()
            headers = {"Authorization": f"Bearer {token}"}
            times = []
            for _ in range(max(3, args.runs // 2)):
                started = time.perf_counter()
                assert web.get("/api/v1/stats", headers=headers).status_code == 200
                times.append((time.perf_counter() - started) * 1000)
            print(
                f"{'api (all)':<10} {scope:<9} {'all time':<10} "
                f"{statistics.median(times):8.1f} {percentile(times, 0.95):8.1f}"
            )
        print(f"worst p95: {worst:.1f} ms (goal < 300 ms)")
        services.database.dispose()
    finally:
        if args.keep:
            print(f"kept database {name}")
        else:
            drop_database(args.url, name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
