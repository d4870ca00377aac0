"""Loading a company or job-order list from a CSV/XLSX file: every row checked first, every bad
row named with its line and column, and either the whole list replaces the current one of its
kind (in the caller's transaction) or nothing changes. Older lists are kept for the record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from bot.companies.matching import CompanyIndex
from bot.companies.models import Company, CompanyList, JobOrder
from bot.companies.names import LEGAL_FORMS, name_key
from bot.i18n import N_
from bot.officers.audit import audit
from bot.store.models import Officer, OfficerAudit
from bot.tables import Column, Problem, Row, TableError, parse_date, read_table

COMPANY_COLUMNS = (
    Column("name", required=True, aliases=("nama", "nama perusahaan", "company", "nama p3mi")),
    Column(
        "licence_number",
        required=True,
        aliases=("license_number", "nomor izin", "no izin", "nomor sip3mi", "sip3mi", "licence"),
    ),
    Column("licence_date", aliases=("license_date", "tanggal izin", "tgl izin")),
    Column(
        "valid_until",
        required=True,
        aliases=("berlaku sampai", "masa berlaku", "berlaku hingga", "expiry", "expires"),
    ),
    Column("head_office", aliases=("kantor pusat", "alamat", "alamat kantor pusat")),
    Column("branch_offices", aliases=("kantor cabang", "cabang", "branches", "branch_office")),
    Column("status", required=True, aliases=("status izin",)),
    Column("status_date", aliases=("tanggal status", "status sejak", "since")),
)
JOB_ORDER_COLUMNS = (
    Column("company", required=True, aliases=("perusahaan", "nama perusahaan", "p3mi", "name")),
    Column("country", required=True, aliases=("negara", "negara tujuan", "destination")),
    Column(
        "position", required=True, aliases=("jabatan", "posisi", "sector", "sektor", "pekerjaan")
    ),
    Column("places", aliases=("jumlah", "kuota", "quota", "slots", "jumlah tenaga kerja")),
    Column("valid_until", required=True, aliases=("berlaku sampai", "masa berlaku", "expiry")),
)
STATUS_WORDS = {
    "active": "active",
    "aktif": "active",
    "berlaku": "active",
    "suspended": "suspended",
    "dibekukan": "suspended",
    "beku": "suspended",
    "skorsing": "suspended",
    "dihentikan sementara": "suspended",
    "penghentian sementara": "suspended",
    "revoked": "revoked",
    "dicabut": "revoked",
    "cabut": "revoked",
}
NOT_A_DATE = N_("{value} is not a date (use 2026-03-31, 31/03/2026 or 31 Maret 2026)")
MAX_TEXT = {"name": 200, "licence_number": 100, "head_office": 300, "branch_offices": 2000}


def _date(row: Row, column: str, problems: list[Problem], required: bool = False) -> date | None:
    text = row.get(column)
    if not text:
        if required:
            problems.append(Problem(row.line, column, N_("empty")))
        return None
    try:
        return parse_date(text)
    except ValueError:
        problems.append(Problem(row.line, column, NOT_A_DATE, {"value": repr(text[:40])}))
        return None


def _text(row: Row, column: str, problems: list[Problem], required: bool = False) -> str:
    text = " ".join(row.get(column).split())
    if required and not text:
        problems.append(Problem(row.line, column, N_("empty")))
    limit = MAX_TEXT.get(column, 200)
    if len(text) > limit:
        too_long = N_("longer than {limit} characters")
        problems.append(Problem(row.line, column, too_long, {"limit": limit}))
    return text


def company_rows(data: bytes, filename: str) -> list[dict[str, object]]:
    """The file's companies, ready to insert; raises TableError naming every bad row."""
    table = read_table(data, filename, COMPANY_COLUMNS)
    problems: list[Problem] = []
    rows: list[dict[str, object]] = []
    first_line: dict[str, int] = {}
    for row in table.rows:
        name = _text(row, "name", problems, required=True)
        key = name_key(name)
        if name and (not key or key in LEGAL_FORMS):
            only_form = N_("{name} is only a legal form")
            problems.append(Problem(row.line, "name", only_form, {"name": repr(name)}))
        elif key in first_line:
            problems.append(
                Problem(
                    row.line,
                    "name",
                    N_("{name} is already on line {line}"),
                    {"name": repr(name), "line": first_line[key]},
                )
            )
        elif key:
            first_line[key] = row.line
        status_text = " ".join(row.get("status").lower().split())
        status = STATUS_WORDS.get(status_text)
        if status is None:
            problems.append(
                Problem(
                    row.line,
                    "status",
                    N_("unknown status {status} (use active, suspended or revoked)"),
                    {"status": repr(status_text[:30])},
                )
            )
        rows.append(
            {
                "name": name,
                "key": key,
                "licence_number": _text(row, "licence_number", problems, required=True),
                "licence_date": _date(row, "licence_date", problems),
                "valid_until": _date(row, "valid_until", problems, required=True),
                "head_office": _text(row, "head_office", problems) or None,
                "branch_offices": _text(row, "branch_offices", problems) or None,
                "status": status,
                "status_date": _date(row, "status_date", problems),
            }
        )
    if not table.rows:
        problems.append(Problem(0, "", N_("no data rows under the header")))
    if problems:
        raise TableError(problems)
    return rows


def job_order_rows(
    data: bytes, filename: str, companies: CompanyIndex, list_date: date | None
) -> list[dict[str, object]]:
    """The file's job orders; a company that is not on the current company list is an error
    (with the closest listed name, when there is one)."""
    table = read_table(data, filename, JOB_ORDER_COLUMNS)
    problems: list[Problem] = []
    rows: list[dict[str, object]] = []
    if list_date is None:
        raise TableError([Problem(0, "", N_("load the company list first"))])
    listed = {entry.key: entry for entry in companies.entries}
    for row in table.rows:
        company = _text(row, "company", problems, required=True)
        key = name_key(company)
        if company and key not in listed:
            decision = companies.decide(company)
            closest = decision.found or (decision.choices[0] if decision.choices else None)
            message = (
                N_("{company} is not on the company list of {date} (closest: {closest})")
                if closest
                else N_("{company} is not on the company list of {date}")
            )
            values = {"company": repr(company), "date": list_date.isoformat()}
            if closest:
                values["closest"] = closest.name
            problems.append(Problem(row.line, "company", message, values))
        places_text = row.get("places").replace(".", "").replace(",", "").strip()
        places: int | None = None
        if places_text:
            if places_text.isdigit() and len(places_text) < 7:
                places = int(places_text)
            else:
                problems.append(
                    Problem(
                        row.line,
                        "places",
                        N_("{value} is not a number"),
                        {"value": repr(places_text[:20])},
                    )
                )
        rows.append(
            {
                "company_name": listed[key].name if key in listed else company,
                "company_key": key,
                "country": _text(row, "country", problems, required=True),
                "position": _text(row, "position", problems, required=True),
                "places": places,
                "valid_until": _date(row, "valid_until", problems, required=True),
            }
        )
    if not table.rows:
        problems.append(Problem(0, "", N_("no data rows under the header")))
    if problems:
        raise TableError(problems)
    return rows


def replace_list(
    session: Session,
    *,
    kind: str,
    rows: Sequence[dict[str, object]],
    list_date: date,
    source: str | None,
    filename: str | None,
    officer: Officer | None,
    now: datetime,
    address: str | None = None,
) -> CompanyList:
    """Makes `rows` the current list of `kind`; the previous lists stay, no longer current."""
    session.execute(
        update(CompanyList)
        .where(CompanyList.kind == kind, CompanyList.current.is_(True))
        .values(current=False)
    )
    imported = CompanyList(
        kind=kind,
        list_date=list_date,
        source=(source or "").strip()[:200] or None,
        filename=(filename or "")[:200] or None,
        imported_at=now,
        imported_by=officer.username if officer is not None else "cli",
        row_count=len(rows),
        current=True,
    )
    session.add(imported)
    session.flush()
    model = Company if kind == "companies" else JobOrder
    if rows:
        session.execute(insert(model), [{**row, "list_id": imported.id} for row in rows])
    event = f"{kind}_import"
    if officer is not None:
        audit(session, event, officer=officer, now=now, address=address)
    else:
        session.add(OfficerAudit(officer_id=None, username="cli", event=event, at=now))
    return imported


def lists(session: Session, kind: str, limit: int = 20) -> list[CompanyList]:
    """The imports of one kind, newest first."""
    return list(
        session.scalars(
            select(CompanyList)
            .where(CompanyList.kind == kind)
            .order_by(CompanyList.id.desc())
            .limit(limit)
        )
    )
