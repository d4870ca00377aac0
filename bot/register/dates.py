"""Dates as families type them in a chat: "bulan depan", "15 januari", "minggu lalu",
"2026-01-15". Office forms (31/03/2026, 31 Maret 2026) are read by bot.tables.parse_date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.tables import MONTHS, parse_date
from knowledge.normalize import fold

RELATIVE_DAYS = {
    "hari ini": 0,
    "sekarang": 0,
    "today": 0,
    "now": 0,
    "besok": 1,
    "besuk": 1,
    "tomorrow": 1,
    "lusa": 2,
    "kemarin": -1,
    "kemaren": -1,
    "yesterday": -1,
    "minggu depan": 7,
    "next week": 7,
    "pekan depan": 7,
    "minggu lalu": -7,
    "last week": -7,
}
UNITS = {"hari": 1, "day": 1, "days": 1, "minggu": 7, "pekan": 7, "week": 7, "weeks": 7}
MONTH_UNITS = frozenset({"bulan", "bln", "month", "months"})
YEAR_UNITS = frozenset({"tahun", "thn", "th", "year", "years"})
AGO = frozenset({"lalu", "yang lalu", "ago", "kemarin"})
LEADING_WORDS = re.compile(
    r"^(?:(?:tanggal|tgl|tahun|thn|pada|sekitar|kira kira|awal|on|in|sudah|udah|udh|sdh|dah|"
    r"berangkat|brgkt|brangkat|pergi|rencana)\s+)+"
)
"""Words before a date that say what it is of ("udh brgkt 3 hari lalu", "tgl 20")."""
STALE = timedelta(days=90)
"""A day and month without a year that passed more than this long ago means next year."""


def _add_months(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def read_date(text: str, today: date) -> date:
    """The date meant; a month without a day is its first day. Raises ValueError."""
    try:
        return parse_date(text)
    except ValueError:
        pass
    folded = " ".join(fold(text.replace("/", " ")).split())
    day_only = re.fullmatch(r"(?:tanggal|tgl) (\d{1,2})", folded)
    if day_only and 1 <= int(day_only[1]) <= 31:
        return _day_of_month(today, int(day_only[1]))  # "tgl 20": said as a day, nothing else
    folded = LEADING_WORDS.sub("", folded)
    if folded in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[folded])
    if folded in ("bulan depan", "next month", "bln depan"):
        return _add_months(today, 1)
    if folded in ("bulan ini", "this month"):
        return today
    if folded in ("bulan lalu", "last month", "bln lalu"):
        return _add_months(today, -1)
    if folded in ("tahun depan", "next year"):
        return date(today.year + 1, 1, 1)
    found = re.fullmatch(r"(\d{1,2}) (\w+)(?: (lagi|lalu|yang lalu|ago))?", folded)
    if found:
        number, unit, direction = int(found[1]), found[2], found[3]
        sign = -1 if direction in AGO else 1
        if unit in UNITS and direction:
            return today + timedelta(days=sign * number * UNITS[unit])
        if unit in MONTH_UNITS and direction:
            return _add_months(today, sign * number)
        if unit in YEAR_UNITS and direction:
            return _add_months(today, sign * number * 12)  # "2 thn lalu": a returnee's trip
        if unit in MONTHS and not direction:
            return _next(today, MONTHS[unit], number)
        if unit.isdigit() and 1 <= int(unit) <= 12 and not direction:
            return _next(today, int(unit), number)  # "20/1"
    words = folded.split()
    if len(words) == 1 and words[0] in MONTHS:
        return _next(today, MONTHS[words[0]], 1)
    month_year = re.fullmatch(r"(\w+) (\d{4})", folded)
    if month_year and month_year[1] in MONTHS:
        return date(int(month_year[2]), MONTHS[month_year[1]], 1)  # "maret 2023"
    if re.fullmatch(r"(?:19|20)\d\d", folded):
        return date(int(folded), 1, 1)  # "thn 2022": a year alone is its first day
    raise ValueError(text)


def _day_of_month(today: date, day: int) -> date:
    """A day of the month alone: the nearest one, this month or next (within a fortnight past,
    this month's: a departure told a few days late)."""
    for months in (0, 1):
        start = _add_months(today, months)
        try:
            candidate = start.replace(day=day)
        except ValueError:
            continue  # "31" in a 30-day month
        if candidate >= today - timedelta(days=14):
            return candidate
    raise ValueError(str(day))


def _next(today: date, month: int, day: int) -> date:
    """The day this year, or next year when it passed long ago ("15 januari" said in December)."""
    candidate = date(today.year, month, day)
    if today - candidate > STALE:
        candidate = date(today.year + 1, month, day)
    return candidate
