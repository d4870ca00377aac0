"""An age or a year of birth as people type it, for the forms that ask one (training,
register): "24", "2001", "sy lahir taun 98", "kelahiran 95", "kira2 35an", "umur sy 17 thn,
tp bulan dpn 18". Every digit of the message used to be run together: "taun 98" became an
age of 98, and "17 ... 18" the number 1718 (a forms tester, stop 55)."""

from __future__ import annotations

import re

from bot.spoken_numbers import with_digits

BORN = re.compile(
    r"\b(?:lahir|kelahiran|kelahiran tahun|born|born in|tahun|taun|thn|th|tahun lahir|"
    r"year|angkatan)\s*'?(\d{2}|\d{4})\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"(?<![A-Za-z])\d+")
"""A number not glued to a word before it: "kira2" is "kira-kira", not a 2."""


def birth_year_of(text: str, year_now: int) -> int | None:
    """The year of birth the message gives, directly or by an age; None without a number."""
    typed = with_digits(text)  # "dua puluh dua"
    born = BORN.search(typed)
    if born:
        return _full_year(born.group(1), year_now)
    numbers = NUMBER.findall(typed)
    if not numbers:
        return None
    first = numbers[0]
    if len(first) == 4:
        return int(first)
    if len(first) > 4:
        return None
    return year_now - int(first)  # "150" is an age, and not a likely one


def _full_year(digits: str, year_now: int) -> int:
    """ "98" is 1998 and "05" 2005: a two-digit year is the latest one not after this year."""
    if len(digits) == 4:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= year_now else year - 100
