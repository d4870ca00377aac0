"""Numbers written in words in a chat ("dua puluh dua", "dua tahun", "twenty two"), as
digits, so that a form asking for an age or a number of months reads them."""

from __future__ import annotations

from knowledge.normalize import fold

UNITS = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {"sepuluh": 10, "sebelas": 11, "ten": 10, "eleven": 11, "twelve": 12}
TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}


def with_digits(text: str) -> str:
    """The text with each run of number words replaced by its value in digits; other words
    are kept as they were (folded)."""
    words = fold(text).replace("-", " ").split()
    out: list[str] = []
    i = 0
    while i < len(words):
        value, used = _number_at(words, i)
        if used:
            out.append(str(value))
            i += used
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _number_at(words: list[str], i: int) -> tuple[int, int]:
    """The value of the number words starting at `i` (up to 99) and how many words it took."""
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if word in TEENS:
        return TEENS[word], 1
    if word in TENS_EN:
        unit = UNITS.get(following)
        return (TENS_EN[word] + unit, 2) if unit else (TENS_EN[word], 1)
    head = word.removesuffix("belas")
    if head != word and head in UNITS:  # "tigabelas"
        return 10 + UNITS[head], 1
    head = word.removesuffix("puluh")
    if head != word and head in UNITS:  # "duapuluh dua"
        if following in UNITS:
            return UNITS[head] * 10 + UNITS[following], 2
        return UNITS[head] * 10, 1
    if word not in UNITS:
        return 0, 0
    unit = UNITS[word]
    if following == "belas":
        return 10 + unit, 2
    if following == "puluh":
        after = words[i + 2] if i + 2 < len(words) else ""
        if after in UNITS:
            return unit * 10 + UNITS[after], 3
        return unit * 10, 2
    return unit, 1
