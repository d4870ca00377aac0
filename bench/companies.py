"""Company lists: importing a 2,000-row list, a chat check's latency, the matcher's recall on
misspellings and false matches on absent names, and what the company prefilter costs triage.

- import: a generated list of 2,000 fictional companies (CSV and XLSX) and 2,000 job orders,
  each through the service in one transaction, on SQLite (a file) and on PostgreSQL when
  `--postgres URL` (or MIGRAN_TEST_POSTGRES_URL) is given; goal < 5 s.
- check: `service.check(session, typed)` for misspelled, exact and absent names against the
  2,000-row list (database lookups included, index built once); p50/p99, goal p99 < 10 ms.
- matching: the 200 misspellings and 200 absent names of tests/data (list of 320).
- triage: `Triage.read` with and without the company prefilter, alternating rounds on the
  held-out questions and the real messages (messages/s on one core).
Run: `python bench/companies.py` (add `--rounds 3` for a shorter triage run).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ask import QUESTIONS, REAL, questions  # noqa: E402
from bot import triage as triage_module  # noqa: E402
from bot.companies import service  # noqa: E402
from bot.companies.matching import CompanyIndex, Entry  # noqa: E402
from bot.companies.names import name_key  # noqa: E402
from bot.store.db import make_engine, make_sessionmaker, transaction  # noqa: E402
from bot.store.schema import upgrade  # noqa: E402
from bot.tables import xlsx_bytes  # noqa: E402
from bot.triage import Triage  # noqa: E402
from knowledge import Librarian  # noqa: E402
from tests.companies_support import (  # noqa: E402
    COLUMNS,
    LIST_FILE,
    csv_bytes,
    fixture_list,
    list_rows,
    misspell,
)
from tests.companies_support import (  # noqa: E402
    measure as measure_names,
)

NOW = datetime(2026, 12, 3, tzinfo=UTC)
COUNTRIES = ("Malaysia", "Taiwan", "Hong Kong", "Singapura", "Jepang", "Korea Selatan", "Brunei")


@contextmanager
def fresh_database(url: str) -> Iterator[str]:
    """SQLite as given; on a PostgreSQL server, a new database dropped afterwards."""
    if not url.startswith("postgresql"):
        yield url
        return
    from sqlalchemy import create_engine, text

    name = "migran_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def big_list(size: int) -> tuple[list[dict[str, str]], list[dict[str, str]], list[str]]:
    listed, _spare = fixture_list(seed=101, size=size)
    rows = list_rows(listed, seed=101)
    rng = random.Random(7)
    orders = [
        {
            "company": row["name"],
            "country": rng.choice(COUNTRIES),
            "position": rng.choice(("Operator pabrik", "Perkebunan sawit", "Perawat lansia")),
            "places": str(rng.randint(1, 80)),
            "valid_until": f"{rng.choice((2026, 2027, 2028))}-{rng.randint(1, 12):02d}-28",
        }
        for row in rows
    ]
    queries = [misspell(c, rng) for c in rng.sample(listed, min(300, size))]
    queries += [c.name for c in rng.sample(listed, min(100, size))]
    queries += [f"PT {w} Sentosa Makmur" for w in ("Qobrak", "Lintang Kidul", "Harapan Kita")] * 30
    rng.shuffle(queries)
    return rows, orders, queries


def bench_import(url: str, rows: list[dict[str, str]], orders: list[dict[str, str]]) -> None:
    upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    data_csv = csv_bytes(rows)
    data_xlsx = xlsx_bytes(list(COLUMNS), rows)
    order_csv = csv_bytes(orders, ("company", "country", "position", "places", "valid_until"))
    for label, data, name in (("CSV", data_csv, "p3mi.csv"), ("XLSX", data_xlsx, "p3mi.xlsx")):
        t0 = time.perf_counter()
        with transaction(factory) as session:
            service.import_companies(
                session,
                data,
                name,
                list_date=date(2026, 11, 20),
                source=None,
                officer=None,
                now=NOW,
            )
        print(f"    {len(rows)} companies from {label}: {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    with transaction(factory) as session:
        service.import_job_orders(
            session,
            order_csv,
            "jo.csv",
            list_date=date(2026, 11, 20),
            source=None,
            officer=None,
            now=NOW,
        )
    print(
        f"    {len(orders)} job orders from CSV (checked against the list): "
        f"{time.perf_counter() - t0:.2f} s"
    )
    engine.dispose()


def bench_checks(url: str, queries: list[str], rounds: int) -> None:
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    with factory() as session:
        t0 = time.perf_counter()
        service.check(session, "PT Pertama Kali")
        print(
            "    first check (builds the in-memory index): "
            f"{(time.perf_counter() - t0) * 1000:.0f} ms"
        )
        latencies: list[float] = []
        verdicts: dict[str, int] = {}
        for _ in range(rounds):
            for typed in queries:
                t0 = time.perf_counter()
                result = service.check(session, typed, "Malaysia")
                latencies.append((time.perf_counter() - t0) * 1000)
                verdicts[result.verdict] = verdicts.get(result.verdict, 0) + 1
    print(
        f"    check over {len(latencies)} names: p50 {pct(latencies, 50):.2f} ms, "
        f"p99 {pct(latencies, 99):.2f} ms, mean {statistics.fmean(latencies):.2f} ms "
        f"({', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))})"
    )
    engine.dispose()


def bench_matching() -> None:
    rows = list(csv.DictReader(io.StringIO(LIST_FILE.read_text("utf-8"))))
    index = CompanyIndex([Entry(i, r["name"], name_key(r["name"])) for i, r in enumerate(rows)])
    f = measure_names(index.decide)
    print(
        f"  matching ({len(rows)} listed): misspellings found {f.found}/{f.misspellings} "
        f"({f.recall:.1%}), offered among close names {f.offered} more; absent names taken "
        f"for a licensed one {f.false_found}/{f.absent} ({f.false_match_rate:.1%}), offered "
        f"close names {f.absent_offered}"
    )


def _rates(
    first: Callable[[str], object], second: Callable[[str], object], qs: list[str], rounds: int
) -> tuple[float, float]:
    """Messages per second of each, alternating which goes first (ABBA), so drift and the
    shared machine's noise fall on both alike."""
    for q in qs:
        first(q)
        second(q)
    spent = {0: 0.0, 1: 0.0}
    for n in range(rounds * 2):
        order = ((0, first), (1, second)) if n % 2 == 0 else ((1, second), (0, first))
        for key, fn in order:
            t0 = time.perf_counter()
            for q in qs:
                fn(q)
            spent[key] += time.perf_counter() - t0
    total = len(qs) * rounds * 2
    return total / spent[0], total / spent[1]


def bench_triage(rounds: int) -> None:
    librarian = Librarian.from_directory()
    with_check = Triage(librarian)
    original = triage_module.named_company

    def without(text: str) -> object:
        triage_module.named_company = lambda _text: None  # type: ignore[assignment]
        try:
            return with_check.read(text)
        finally:
            triage_module.named_company = original

    for label, path in (("held-out questions", QUESTIONS), ("real messages", REAL)):
        qs = questions(path)
        with_rate, without_rate = _rates(with_check.read, without, qs, rounds)
        named = sum(1 for q in qs if original(q))
        t0 = time.perf_counter()
        for _ in range(20):
            for q in qs:
                original(q)
        per = (time.perf_counter() - t0) / (20 * len(qs)) * 1e6
        print(
            f"  triage on {label} ({len(qs)}, {named} name a company): {with_rate:.0f}/s with "
            f"the company prefilter, {without_rate:.0f}/s without (ratio "
            f"{with_rate / without_rate:.3f}); the prefilter alone {per:.1f} µs a message, "
            f"{per / (1e6 / without_rate):.2%} of a triage"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres", default=os.environ.get("MIGRAN_TEST_POSTGRES_URL"))
    parser.add_argument("--skip-triage", action="store_true")
    args = parser.parse_args()
    rows, orders, queries = big_list(args.size)
    bench_matching()
    with tempfile.TemporaryDirectory() as folder:
        targets = [("SQLite", f"sqlite:///{folder}/bench.db")]
        if args.postgres:
            targets.append(("PostgreSQL", args.postgres))
        for label, url in targets:
            print(f"  {label}:")
            with fresh_database(url) as fresh:
                bench_import(fresh, rows, orders)
                bench_checks(fresh, queries, rounds=3)
    if not args.skip_triage:
        bench_triage(args.rounds)


if __name__ == "__main__":
    main()
