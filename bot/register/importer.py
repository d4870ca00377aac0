"""Importing a village's existing list (CSV or XLSX) into the register: every row is checked
first and every bad cell named by line and column; then all rows go in, or none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.i18n import N_
from bot.ntb_time import ntb_day
from bot.officers.audit import audit
from bot.officers.service import OfficerError, resolve_villages
from bot.register.service import create_entry, date_problems, in_area
from bot.register.vocab import country_of, sector_in, sex_of, status_of
from bot.store.models import Officer
from bot.tables import Column, Problem, Row, TableError, parse_date, read_table
from knowledge.villages import VillageDirectory

COLUMNS = (
    Column("name", aliases=("nama", "nama_pmi", "nama_pekerja", "worker_name")),
    Column("village", required=True, aliases=("desa", "kelurahan", "desa_kelurahan", "kode_desa")),
    Column("sex", aliases=("jenis_kelamin", "jk", "l_p", "gender")),
    Column("birth_year", aliases=("tahun_lahir", "thn_lahir", "year_of_birth")),
    Column("country", required=True, aliases=("negara", "negara_tujuan", "destination")),
    Column("city", aliases=("kota", "kota_tujuan")),
    Column("sector", aliases=("sektor", "sektor_kerja")),
    Column("job", aliases=("pekerjaan", "jabatan")),
    Column("company", aliases=("perusahaan", "p3mi", "pt", "company_name")),
    Column("planned_departure", aliases=("rencana_berangkat", "rencana_keberangkatan")),
    Column("departed_on", aliases=("tanggal_berangkat", "tgl_berangkat", "departure_date")),
    Column("returned_on", aliases=("tanggal_pulang", "tgl_pulang", "return_date")),
    Column("contract_months", aliases=("kontrak_bulan", "lama_kontrak", "kontrak")),
    Column("status", aliases=("keterangan",)),
)


@dataclass(frozen=True)
class Imported:
    count: int
    codes: list[str]


class FieldChecker:
    """Reads one row into entry fields, noting every problem instead of stopping at the first."""

    def __init__(
        self,
        villages: VillageDirectory,
        officer: Officer | None,
        today: date,
        translate: Callable[[str], str] | None = None,
        kept_plan: date | None = None,
    ) -> None:
        self._ = translate or (lambda text: text)
        self.kept_plan = kept_plan
        self.localised = translate is not None
        self.villages = villages
        self.officer = officer
        self.today = today
        self.problems: list[Problem] = []
        self._village_cache: dict[str, str | Exception] = {}

    def fail(self, row: Row, column: str, message: str, **values: object) -> None:
        """Notes a problem; `message` is an English msgid, shown in the checker's language."""
        self.problems.append(Problem(row.line, column, self._(message).format(**values)))

    def village(self, row: Row) -> str | None:
        typed = row.get("village")
        if not typed:
            self.fail(row, "village", N_("empty"))
            return None
        if typed not in self._village_cache:
            try:
                self._village_cache[typed] = resolve_villages(self.villages, [typed])[0]
            except OfficerError as error:
                self._village_cache[typed] = error
        found = self._village_cache[typed]
        if isinstance(found, Exception):
            if self.localised:  # the directory's suggestions are in English, for the CLI
                self.fail(
                    row,
                    "village",
                    N_("{text!r}: no single village of NTB has this name or code"),
                    text=typed,
                )
            else:
                self.problems.append(Problem(row.line, "village", str(found)))
            return None
        if self.officer is not None and not in_area(self.officer, found):
            self.fail(row, "village", N_("{text} is outside your area"), text=typed)
            return None
        return found

    def optional(self, row: Row, column: str, read: Callable[[str], Any], message: str) -> Any:
        text = row.get(column)
        if not text:
            return None
        try:
            value = read(text)
        except ValueError:
            value = None
        if value is None:
            self.fail(row, column, message, text=text)
        return value

    def birth_year(self, text: str) -> int:
        year = int(text)
        if not 1940 <= year <= self.today.year - 15:
            raise ValueError(text)
        return year

    @staticmethod
    def months(text: str) -> int:
        number = int(text)
        if not 1 <= number <= 120:
            raise ValueError(text)
        return number

    def read(self, row: Row) -> dict[str, Any] | None:
        before = len(self.problems)
        fields: dict[str, Any] = {
            "village_code": self.village(row),
            "worker_name": row.get("name")[:200] or None,
            "sex": self.optional(row, "sex", sex_of, N_("{text!r} is not L/P or M/F")),
            "birth_year": self.optional(
                row, "birth_year", self.birth_year, N_("{text!r} is not a year")
            ),
            "city": row.get("city")[:120] or None,
            "sector": self.optional(
                row, "sector", sector_in, N_("{text!r} is not a known sector (use the job column)")
            ),
            "job": row.get("job")[:120] or None,
            "company_name": row.get("company")[:200] or None,
            "contract_months": self.optional(
                row, "contract_months", self.months, N_("{text!r} is not a number of months")
            ),
        }
        country = row.get("country")
        if not country:
            self.fail(row, "country", N_("empty"))
        fields["country"] = country_of(country) if country else None
        for column in ("planned_departure", "departed_on", "returned_on"):
            fields[column] = self.optional(row, column, parse_date, N_("{text!r} is not a date"))
        status = self.optional(row, "status", status_of, N_("{text!r} is not a status"))
        fields["status"] = status
        for column, message in date_problems(
            planned_departure=fields["planned_departure"],
            departed_on=fields["departed_on"],
            returned_on=fields["returned_on"],
            today=self.today,
            plan_given=status in (None, "planned")
            and fields["planned_departure"] != self.kept_plan,
        ):
            self.fail(row, column, message)
        return fields if len(self.problems) == before else None


def import_register(
    session: Session,
    data: bytes,
    filename: str,
    *,
    villages: VillageDirectory,
    officer: Officer | None,
    now: datetime,
    translate: Callable[[str], str] | None = None,
) -> Imported:
    """Checks every row, then adds them all in the caller's transaction. Raises TableError with
    every problem found; nothing is written then. An officer imports only into their area."""
    table = read_table(data, filename, COLUMNS)
    checker = FieldChecker(villages, officer, ntb_day(now), translate)
    rows = [checker.read(row) for row in table.rows]
    if not table.rows:
        checker.problems.append(Problem(0, "", N_("no data rows")))
    if checker.problems:
        raise TableError(checker.problems)
    codes = []
    for fields in rows:
        assert fields is not None
        entry = create_entry(
            session,
            village_code=fields.pop("village_code"),
            country=fields.pop("country"),
            source="import",
            officer=officer,
            now=now,
            status=fields.pop("status"),
            **fields,
        )
        codes.append(entry.code)
    if officer is not None:
        audit(session, "register_import", officer=officer, now=now)
    return Imported(len(codes), codes)


def check_fields(
    values: dict[str, str],
    *,
    villages: VillageDirectory,
    officer: Officer | None,
    today: date,
    translate: Callable[[str], str] | None = None,
    kept_plan: date | None = None,
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """One entry typed into the dashboard, read by the same rules as an imported row; an
    edit keeps its planned departure (`kept_plan`) even when that day has passed."""
    checker = FieldChecker(villages, officer, today, translate, kept_plan)
    fields = checker.read(Row(0, {k: v.strip() for k, v in values.items()}))
    return fields, checker.problems
