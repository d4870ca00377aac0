"""Spreadsheets in and out: CSV or XLSX lists that offices already keep (village registers,
the province's company and job-order lists), read by header name and checked row by row, so an
import can name every bad cell before anything is written."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.i18n import N_

MAX_ROWS = 250_000
MONTHS = {
    **{
        name: number
        for number, names in enumerate(
            (
                ("jan", "januari", "january"),
                ("feb", "februari", "february", "pebruari"),
                ("mar", "maret", "march"),
                ("apr", "april"),
                ("mei", "may"),
                ("jun", "juni", "june"),
                ("jul", "juli", "july"),
                ("agu", "agt", "agus", "agustus", "aug", "august"),
                ("sep", "sept", "september"),
                ("okt", "oktober", "oct", "october"),
                ("nov", "nop", "november", "nopember"),
                ("des", "desember", "dec", "december"),
            ),
            start=1,
        )
        for name in names
    }
}


@dataclass(frozen=True)
class Column:
    """A column an import reads; `aliases` are other header spellings offices use."""

    name: str
    required: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One bad cell (or a file-level problem when `line` is 0), in words an admin can act on.

    `message` is an English msgid with {placeholders} filled from `values`, so the dashboard
    shows it in the officer's language (`text(_)`) and the command line in English."""

    line: int
    column: str
    message: str
    values: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        message = translate(self.message) if translate is not None else self.message
        return message.format(**self.values) if self.values else message

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        message = self.text()
        return f"{where}, {self.column}: {message}" if self.column else f"{where}: {message}"


@dataclass
class Row:
    """One data row: its line in the file (the header is line 1) and its cells by column name."""

    line: int
    values: dict[str, str]

    def get(self, name: str) -> str:
        return self.values.get(name, "")


class TableError(Exception):
    """The file cannot be imported; `problems` lists every reason found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems[:5]))


@dataclass
class Table:
    rows: list[Row]
    columns: list[str] = field(default_factory=list)
    """The known columns the header named, in the file's order."""


def header_key(text: str) -> str:
    """'Licence Number ', 'licence-number' and 'LICENCE_NUMBER' are one column."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def read_table(data: bytes, filename: str, columns: Sequence[Column]) -> Table:
    """Reads CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or XLSX by header names in
    any order and case. Unknown columns are ignored; a missing required column is an error."""
    if not data.strip():
        raise TableError([Problem(0, "", N_("the file is empty"))])
    if filename.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
        raw = _xlsx_rows(data)
    else:
        raw = _csv_rows(data)
    empty: tuple[int, list[str]] = (0, [])
    header_line, header = next(raw, empty)
    if not any(cell.strip() for cell in header):
        raise TableError([Problem(0, "", N_("no header row"))])
    lookup: dict[str, str] = {}
    for column in columns:
        for spelling in (column.name, *column.aliases):
            lookup[header_key(spelling)] = column.name
    positions: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = lookup.get(header_key(cell))
        if name is not None and name not in positions.values():
            positions[index] = name
    missing = [c.name for c in columns if c.required and c.name not in positions.values()]
    if missing:
        found = ", ".join(cell for cell in header if cell.strip()) or "nothing"
        raise TableError(
            [
                Problem(
                    header_line,
                    name,
                    N_("required column missing (found: {found})"),
                    {"found": found},
                )
                for name in missing
            ]
        )
    rows: list[Row] = []
    for line, cells in raw:
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            too_many = N_("more than {limit} rows; split the file")
            raise TableError([Problem(line, "", too_many, {"limit": f"{MAX_ROWS:,}"})])
        values = {
            name: (cells[index].strip() if index < len(cells) else "")
            for index, name in positions.items()
        }
        rows.append(Row(line, values))
    return Table(rows, [positions[i] for i in sorted(positions)])


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[str]]]:
    if b"\x00" in data[:4096]:
        raise TableError([Problem(0, "", N_("not a CSV or XLSX file"))])
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        text = data.decode("latin-1")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        unreadable = Problem(reader.line_num, "", N_("unreadable CSV: {error}"), {"error": exc})
        raise TableError([unreadable]) from exc


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError([Problem(0, "", N_("not a readable XLSX file"))]) from exc
    sheet = book.worksheets[0]
    for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield line, [_cell_text(value) for value in values]
    book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_date(text: str) -> date:
    """Dates as offices type them: 2026-03-31, 31/03/2026, 31-3-2026, 31 Maret 2026, Mar 2026
    (the first of the month). Raises ValueError with the accepted forms."""
    cleaned = text.strip().lower().replace(".", " ").replace(",", " ")
    if not cleaned:
        raise ValueError("empty date")
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?", cleaned)
    if match:
        return date(int(match[1]), int(match[2]), int(match[3]))
    match = re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", cleaned)
    if match:
        return date(int(match[3]), int(match[2]), int(match[1]))
    words = cleaned.split()
    if len(words) == 3 and words[0].isdigit() and words[1] in MONTHS and words[2].isdigit():
        return date(int(words[2]), MONTHS[words[1]], int(words[0]))
    if len(words) == 2 and words[0] in MONTHS and words[1].isdigit() and len(words[1]) == 4:
        return date(int(words[1]), MONTHS[words[0]], 1)
    raise ValueError("not a date (use 2026-03-31, 31/03/2026 or 31 Maret 2026)")


def xlsx_bytes(
    columns: Sequence[str], rows: Iterable[dict[str, object]], title: str = "data"
) -> bytes:
    """One sheet with a bold header; text cells that look like formulas are stored as text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "data")
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_value(row.get(name)) for name in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value
