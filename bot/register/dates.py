"""Dates as families type them in a chat: "bulan depan", "15 januari", "minggu lalu",
"2026-01-15". Office forms (31/03/2026, 31 Maret 2026) are read by bot.tables.parse_date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from bot.spoken_numbers import with_digits
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
    "kmrn": -1,
    "kmarin": -1,
    "kmaren": -1,
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
AGO = frozenset({"lalu", "yang lalu", "yg lalu", "ago", "kemarin", "kmrn"})
DIRECTION = r"(lagi|lalu|yang lalu|yg lalu|ago|kemarin|kmrn)"
ONE_OF = {
    "sehari": "1 hari",
    "seminggu": "1 minggu",
    "sepekan": "1 pekan",
    "sebulan": "1 bulan",
    "setahun": "1 tahun",
}
"""'se-' counts one ("seminggu lalu"); other numbers in words are read by with_digits."""
LEADING_WORDS = re.compile(
    r"^(?:(?:tanggal|tgl|tahun|thn|pada|sekitar|kira kira|awal|on|in|sudah|udah|udh|sdh|dah|"
    r"telah|sejak|sjk|semenjak|since|berangkat|brgkt|brangkat|pergi|rencana)\s+)+"
)
"""Words before a date that say what it is of ("udh brgkt 3 hari lalu", "tgl 20")."""
PAST_WORDS = frozenset("sudah udah udh sdh dah telah sejak sjk semenjak since".split())
"""Among those, the ones that put the date in the past ("sejak agustus": not next August)."""
STALE = timedelta(days=90)
"""A day and month without a year that passed more than this long ago means next year."""


def _add_months(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _months_from(start: date, months: int) -> date:
    """The same day `months` away ("1 bulan lalu"), or that month's last when it is shorter."""
    first = _add_months(start, months)
    return first.replace(day=min(start.day, calendar.monthrange(first.year, first.month)[1]))


def _counted(folded: str) -> str:
    """Numbers in words as digits: "tiga hari lalu", "seminggu lalu" → "3 hari lalu"."""
    return with_digits(" ".join(ONE_OF.get(word, word) for word in folded.split()))


def read_date(text: str, today: date, *, past: bool = False) -> date:
    """The date meant; a month without a day is its first day. A day or month without a year
    is the coming one, or with `past` (or "sejak", "sudah", "lalu" typed) the last one: when
    someone left. Raises ValueError."""
    try:
        return parse_date(text)
    except ValueError:
        pass
    folded = " ".join(fold(text.replace("/", " ")).split())
    in_a_month = _day_of_a_named_month(folded, today, past)
    if in_a_month is not None:
        return in_a_month
    stripped = LEADING_WORDS.sub("", folded)
    past = past or bool(PAST_WORDS.intersection(folded[: len(folded) - len(stripped)].split()))
    day_only = re.fullmatch(r"((?:\w+ )*)(?:tanggal|tgl) (\d{1,2})", folded)
    if day_only and not LEADING_WORDS.sub("", day_only[1]) and 1 <= int(day_only[2]) <= 31:
        return _day_of_month(today, int(day_only[2]), past)  # "udh tgl 20": a day alone
    folded = _counted(stripped)
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
    if folded in ("tahun lalu", "last year", "thn lalu"):
        return date(today.year - 1, 1, 1)
    found = re.fullmatch(rf"(\d{{1,2}}) (\w+)(?: {DIRECTION})?", folded)
    if found:
        number, unit, direction = int(found[1]), found[2], found[3]
        sign = -1 if direction in AGO else 1
        if unit in UNITS and direction:
            return today + timedelta(days=sign * number * UNITS[unit])
        if unit in MONTH_UNITS and direction:
            return _months_from(today, sign * number)  # "1 bulan lalu": a month ago today
        if unit in YEAR_UNITS and direction:
            return _months_from(today, sign * number * 12)  # "2 thn lalu": a returnee's trip
        if unit in MONTHS and direction != "lagi":
            return _next(today, MONTHS[unit], number, past or direction in AGO)
        if unit.isdigit() and 1 <= int(unit) <= 12 and not direction:
            return _next(today, int(unit), number, past)  # "20/1"
    month = re.fullmatch(rf"(\w+)(?: {DIRECTION}| (tahun lalu|thn lalu|last year))?", folded)
    if month and month[1] in MONTHS:
        if month[3]:
            return date(today.year - 1, MONTHS[month[1]], 1)  # "agustus tahun lalu"
        return _next(today, MONTHS[month[1]], 1, past or month[2] in AGO)  # "agustus lalu"
    month_year = re.fullmatch(r"(\w+) (\d{4})", folded)
    if month_year and month_year[1] in MONTHS:
        return date(int(month_year[2]), MONTHS[month_year[1]], 1)  # "maret 2023"
    if re.fullmatch(r"(?:19|20)\d\d", folded):
        return date(int(folded), 1, 1)  # "thn 2022": a year alone is its first day
    raise ValueError(text)


DAY_OF_NEXT_MONTH = re.compile(
    r"^(?:(?:tanggal|tgl) (\d{1,2}) (bulan|bln) (depan|ini)"
    r"|(bulan|bln) (depan|ini) (?:tanggal|tgl) (\d{1,2}))$"
)
END_OF = re.compile(r"^(?:akhir|penghujung|end of) (?:(bulan|bln) (ini|depan)|(\w+))$")
"""A day of next month ("tgl 5 bulan depan", "bulan depan tgl 10"), or a month's end ("akhir
bulan ini", "akhir desember"): both were read wrongly, as days already past or the month's
first (a regression tester, stop 56)."""


def _day_of_a_named_month(folded: str, today: date, past: bool) -> date | None:
    found = DAY_OF_NEXT_MONTH.match(folded)
    if found:
        day = int(found[1] or found[6])
        ahead = 1 if (found[3] or found[5]) == "depan" else 0
        start = _add_months(today, ahead)
        last = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=day) if 1 <= day <= last else None
    end = END_OF.match(folded)
    if end is None:
        return None
    if end[1]:
        start = _add_months(today, 1 if end[2] == "depan" else 0)
    elif end[3] in MONTHS:
        start = _next(today, MONTHS[end[3]], 1, past)
    else:
        return None
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def _day_of_month(today: date, day: int, past: bool = False) -> date:
    """A day of the month alone: the nearest one, this month or next (within a fortnight past,
    this month's: a departure told a few days late); with `past`, the last one."""
    if past:
        for months in (0, -1, -2):
            try:
                candidate = _add_months(today, months).replace(day=day)
            except ValueError:
                continue  # "31" in a 30-day month
            if candidate <= today:
                return candidate
    for months in (0, 1):
        start = _add_months(today, months)
        try:
            candidate = start.replace(day=day)
        except ValueError:
            continue  # "31" in a 30-day month
        if candidate >= today - timedelta(days=14):
            return candidate
    raise ValueError(str(day))


def _next(today: date, month: int, day: int, past: bool = False) -> date:
    """The day this year, or next year when it passed long ago ("15 januari" said in December);
    with `past`, the last one ("sejak agustus" said in December: this year's)."""
    candidate = date(today.year, month, day)
    if past:
        return candidate if candidate <= today else date(today.year - 1, month, day)
    if today - candidate > STALE:
        candidate = date(today.year + 1, month, day)
    return candidate


DAY_GIVEN = re.compile(
    r"\b(?:0?[1-9]|[12]\d|3[01])\b(?! ?(?:bulan|bln|month|months|tahun|thn|th|year|years)\b)"
)


def month_only(text: str, when: date) -> bool:
    """The date read names a month, not a day ("bulan depan", "april", "maret 2027"): shown as
    the month, not as its first day ("bulan depan" was confirmed as 01-01-2027: stop 55)."""
    folded = fold(text)
    if when.day != 1 or DAY_GIVEN.search(folded):
        return False
    words = folded.split()
    relative = any(f" {key} " in f" {folded} " for key in RELATIVE_DAYS)
    return not relative and not UNITS.keys() & set(words)
