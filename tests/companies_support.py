"""Fixture company lists for the tests and the benchmark, generated deterministically from
made-up word parts (no real company), and the two name sets the matcher is measured on:
misspellings of listed names, and names that are not on the list (many sharing words with
listed ones). `python -m tests.companies_support` rewrites the files in tests/data/."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LIST_FILE = DATA / "companies_fixture.csv"
MISSPELLINGS_FILE = DATA / "company_misspellings.jsonl"
ABSENT_FILE = DATA / "company_absent.jsonl"
COLUMNS = (
    "name",
    "licence_number",
    "licence_date",
    "valid_until",
    "head_office",
    "branch_offices",
    "status",
    "status_date",
)

PREFIXES = (
    "Zor Vel Kir Bram Tal Quen Myr Dov Ferr Lun Sav Xan Orv Pel Ryn Jor Hel Nev Gor Cal "
    "Wen Ist Ulm Brey Kav Tor Yul Esk Fen Mar Qir Dral Vosk Trel Zan".split()
)
SUFFIXES = (
    "vana dira mora tika nusa sari lindo kara weta pura mesa rona tala bina gita sena "
    "lora vira dana kosa".split()
)
COMMON = (
    "Sejahtera Mandiri Abadi Jaya Indonesia Internasional Utama Mitra Karya Sentosa Makmur "
    "Bersama Sukses Global Nusantara Perkasa Lestari Gemilang Prima Bahari Cipta Insani".split()
)
VARIANT_SPELLINGS = {
    "Sejahtera": ("Sejahtra", "Sejahtrah", "sjhtra"),
    "Mandiri": ("Mandri", "mndr"),
    "Abadi": ("Abady", "Abadie"),
    "Jaya": ("Jaja", "jy"),
    "Indonesia": ("Indo", "Indonsia"),
    "Internasional": ("International", "Intl"),
    "Utama": ("Utma",),
    "Nusantara": ("Nusantra",),
}
OFFICES = (
    "Jakarta Timur",
    "Bekasi",
    "Surabaya",
    "Mataram",
    "Tangerang",
    "Malang",
    "Semarang",
)
NTB_BRANCHES = ("Mataram", "Lombok Timur", "Lombok Tengah", "Praya", "Sumbawa Besar", "Bima")
KEYBOARD = {
    "a": "sq",
    "e": "wr",
    "i": "uo",
    "o": "ip",
    "u": "yi",
    "r": "et",
    "n": "bm",
    "s": "ad",
    "t": "ry",
    "k": "jl",
    "m": "n",
    "d": "sf",
    "l": "k",
}


@dataclass(frozen=True)
class Listed:
    name: str
    first: str
    words: tuple[str, ...]


def _first_words(rng: random.Random) -> list[str]:
    combos = [p + s for p in PREFIXES for s in SUFFIXES]
    rng.shuffle(combos)
    return combos


def fixture_list(seed: int = 13, size: int = 320) -> tuple[list[Listed], list[str]]:
    """`size` fictional licensed companies, and first words kept off the list."""
    rng = random.Random(seed)
    firsts = _first_words(rng)
    used, spare = firsts[: size - size // 10], firsts[size - size // 10 :]
    listed: list[Listed] = []
    seen: set[tuple[str, ...]] = set()
    for index in range(size):
        # about one in ten shares its first word with another listed company
        first = used[index] if index < len(used) else rng.choice(used[:50])
        while True:
            words = tuple(rng.sample(COMMON, rng.choice((1, 2, 2, 2))))
            if (first, *words) not in seen:
                break
        seen.add((first, *words))
        form = rng.choice(("PT", "PT", "PT", "PT", "PT", "CV"))
        suffix = rng.choice(("", "", "", "", "", "", " Tbk", " (Persero)"))
        name = f"{form} {first} {' '.join(words)}{suffix}"
        listed.append(Listed(name, first, words))
    return listed, spare


def list_rows(listed: Iterable[Listed], seed: int = 13) -> list[dict[str, str]]:
    rng = random.Random(seed + 1)
    rows = []
    for number, company in enumerate(listed, start=1):
        status = rng.choice(("active",) * 8 + ("suspended", "revoked"))
        year = rng.choice((2021, 2022, 2023, 2024))
        expiry = rng.choice((2025, 2027, 2028, 2029)) if status == "active" else 2028
        branches = rng.sample(NTB_BRANCHES, rng.choice((0, 1, 2))) + rng.sample(OFFICES, 1)
        rows.append(
            {
                "name": company.name,
                "licence_number": f"FIKTIF-{number:04d}/{year}",
                "licence_date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}",
                "valid_until": f"{expiry}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "head_office": rng.choice(OFFICES),
                "branch_offices": "; ".join(branches),
                "status": status,
                "status_date": "" if status == "active" else "2026-02-03",
            }
        )
    return rows


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "key"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    near = KEYBOARD.get(word[i].lower())
    return word[:i] + (rng.choice(near) if near else word[i]) + word[i + 1 :]


def misspell(company: Listed, rng: random.Random) -> str:
    """One way a family might type a listed name: typos, dropped letters, a changed legal
    form, lower case, chat spelling, run-together or split words."""
    words = [company.first, *company.words]
    form = rng.choice(("PT", "PT", "P.T.", "PT.", "pt", "", "CV", "Pt"))
    operations = rng.sample(("typo", "variant", "sms", "spacing", "lower", "tbk"), 2)
    for operation in operations:
        if operation == "typo":
            i = rng.randrange(len(words))
            words[i] = _typo(words[i], rng)
        elif operation == "variant":
            options = [i for i, w in enumerate(words) if w in VARIANT_SPELLINGS]
            if options:
                i = rng.choice(options)
                words[i] = rng.choice(VARIANT_SPELLINGS[words[i]])
            else:
                words[0] = _typo(words[0], rng)
        elif operation == "sms":
            i = rng.randrange(1, len(words))
            word = words[i]
            words[i] = word[0] + "".join(ch for ch in word[1:] if ch.lower() not in "aeiou")
        elif operation == "spacing":
            if len(words) > 1 and rng.random() < 0.5:
                i = rng.randrange(len(words) - 1)
                words[i : i + 2] = [words[i] + words[i + 1]]
            else:
                i = rng.randrange(len(words))
                cut = max(2, len(words[i]) // 2)
                words[i : i + 1] = [words[i][:cut], words[i][cut:]]
        elif operation == "lower":
            words = [w.lower() for w in words]
            form = form.lower()
        else:
            words.append("Tbk")
    return " ".join(w for w in (form, *words) if w)


def absent_names(
    listed: list[Listed], spare: list[str], rng: random.Random, count: int = 200
) -> list[dict[str, str]]:
    """Names of companies that are not on the list: half of them near neighbours of listed
    ones (same first word with other words, one word changed, or one word more)."""
    names = {(c.first, *c.words) for c in listed}
    prefixes = {(c.first, *c.words[:-1]) for c in listed if len(c.words) > 1}
    out: list[dict[str, str]] = []
    seen: set[tuple[str, ...]] = set()

    def add(words: tuple[str, ...], kind: str) -> None:
        # a listed name with its last word dropped is what a family may well mean: not absent
        if words in names or words in seen or words in prefixes:
            return
        seen.add(words)
        form = rng.choice(("PT", "PT", "pt", "CV", "P.T."))
        out.append({"typed": f"{form} {' '.join(words)}", "kind": kind})

    while len(out) < count // 2:
        company = rng.choice(listed)
        how = rng.choice(("other_words", "one_changed", "one_more"))
        if how == "other_words":
            words = (company.first, *rng.sample(COMMON, len(company.words)))
        elif how == "one_changed":
            changed = list(company.words)
            changed[rng.randrange(len(changed))] = rng.choice(COMMON)
            words = (company.first, *changed)
        else:
            extra = rng.choice([w for w in COMMON if w not in company.words])
            words = (company.first, *company.words, extra)
        add(words, "near")
    while len(out) < count:
        add((rng.choice(spare), *rng.sample(COMMON, rng.choice((1, 2)))), "fresh")
    return out


def generate() -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    listed, spare = fixture_list()
    rng = random.Random(29)
    misspellings = []
    for company in rng.sample(listed, 200):
        misspellings.append({"typed": misspell(company, rng), "company": company.name})
    return list_rows(listed), misspellings, absent_names(listed, spare, random.Random(31))


def csv_bytes(rows: list[dict[str, str]], columns: Iterable[str] = COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def read_jsonl(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def write_files() -> None:
    rows, misspellings, absent = generate()
    LIST_FILE.write_bytes(csv_bytes(rows))
    for path, items in ((MISSPELLINGS_FILE, misspellings), (ABSENT_FILE, absent)):
        path.write_text(
            "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), "utf-8"
        )


if __name__ == "__main__":
    write_files()


@dataclass(frozen=True)
class MatchFigures:
    found: int
    offered: int
    misspellings: int
    false_found: int
    absent_offered: int
    absent: int
    misses: tuple[str, ...] = ()
    false_matches: tuple[str, ...] = ()

    @property
    def recall(self) -> float:
        return self.found / self.misspellings

    @property
    def false_match_rate(self) -> float:
        return self.false_found / self.absent


def measure(decide: object) -> MatchFigures:
    """Runs the two name sets through `decide(typed) -> Decision` (bot.companies.matching)."""
    from bot.companies.matching import Decision

    check = decide  # a CompanyIndex.decide
    found = offered = false_found = absent_offered = 0
    misses: list[str] = []
    false_matches: list[str] = []
    for item in read_jsonl(MISSPELLINGS_FILE):
        decision: Decision = check(item["typed"])  # type: ignore[operator]
        if (
            decision.verdict == "found"
            and decision.found
            and decision.found.name == item["company"]
        ):
            found += 1
        else:
            misses.append(f"{item['typed']} -> {decision.verdict} (want {item['company']})")
            if any(c.name == item["company"] for c in decision.choices):
                offered += 1
    absent = read_jsonl(ABSENT_FILE)
    for item in absent:
        decision = check(item["typed"])  # type: ignore[operator]
        if decision.verdict == "found":
            false_found += 1
            false_matches.append(
                f"{item['typed']} -> {decision.found.name if decision.found else ''}"
            )
        elif decision.verdict == "choices":
            absent_offered += 1
    return MatchFigures(
        found,
        offered,
        len(read_jsonl(MISSPELLINGS_FILE)),
        false_found,
        absent_offered,
        len(absent),
        tuple(misses),
        tuple(false_matches),
    )


SMALL_COMPANIES = """\
Nama Perusahaan;No Izin;Tgl Izin;Berlaku Sampai;Kantor Pusat;Kantor Cabang;Status;Status Sejak
PT Zorvana Jaya Abadi;FIKTIF-101/2024;12/3/2024;2029-3-12;Bekasi;"Mataram; Lombok Timur";aktif;
PT Kelindra Sejahtera Mandiri;FIKTIF-102/2023;1/6/2023;2028-6-1;Bekasi;Praya;dibekukan;2026-2-3
CV Bramkosa Utama;FIKTIF-103/2022;05/01/2022;2027-01-05;Surabaya;;dicabut;29 Januari 2026
PT Velmora Karya Internasional;FIKTIF-104/2020;02/02/2020;2025-02-02;Tangerang;Selong;active;
PT Sinar Qirvana;FIKTIF-105/2024;01/01/2024;2029-01-01;Semarang;;active;
PT Sinar Qirvana Jaya;FIKTIF-106/2024;01/01/2024;2029-01-01;Semarang;Sumbawa Besar;active;
"""
"""A hand-made list (clearly fictional names) covering each kind of answer."""
SMALL_JOB_ORDERS = """\
company,country,position,places,valid_until
PT Zorvana Jaya Abadi,Malaysia,Pekerja perkebunan sawit,40,2027-12-31
pt zorvana jaya abadi,Taiwan,Operator pabrik,15,2027-06-30
PT Zorvana Jaya Abadi,Hong Kong,Penata laksana rumah tangga,10,2024-01-31
PT Sinar Qirvana Jaya,Jepang,Perawat lansia,5,2027-03-31
"""


def import_list(
    factory: object, rows: bytes, list_date: date, now: datetime, filename: str = "p3mi.csv"
) -> None:
    """Makes the CSV `rows` the current company list, as an officer's import would, with no
    source named."""
    from bot.companies import service
    from bot.store.db import transaction

    with transaction(factory) as session:  # type: ignore[arg-type]
        service.import_companies(
            session, rows, filename, list_date=list_date, source=None, officer=None, now=now
        )


def load_small(factory: object, list_date: str = "2026-11-20") -> None:
    """Imports the small company and job-order lists through the service, as the CLI would."""
    from datetime import date

    from bot.companies import service
    from bot.store.db import transaction
    from bot.store.models import utcnow

    day = date.fromisoformat(list_date)
    with transaction(factory) as session:  # type: ignore[arg-type]
        service.import_companies(
            session,
            SMALL_COMPANIES.encode(),
            "p3mi.csv",
            list_date=day,
            source="Disnakertrans NTB (test)",
            officer=None,
            now=utcnow(),
        )
        service.import_job_orders(
            session,
            SMALL_JOB_ORDERS.encode(),
            "jo.csv",
            list_date=day,
            source="BP3MI NTB (test)",
            officer=None,
            now=utcnow(),
        )
