"""Masks personal data in free text: names (known ones and NTB naming patterns), phone numbers
of the origin and destination countries, NIK and passport numbers.

Used for anonymised stories, erased outbox rows and every log record. It replaces `lokal-id`'s
`mask_pii`, which misses Sasak and Balinese names ("Baiq Nurhasanah", "Lalu Rahman") and foreign
numbers ("+60123456789") and masks amounts ("Rp 150.000.000") that officers need.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME, PHONE, NIK, PASSPORT, EMAIL = "[NAME]", "[PHONE]", "[NIK]", "[PASSPORT]", "[EMAIL]"
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

NOT_NAMES = frozenset(
    """
    malaysia lombok sumbawa bima dompu mataram ntb indonesia taiwan hongkong hong kong arab saudi
    singapura singapore jakarta bali johor kuala lumpur sabah sarawak penang brunei qatar dubai
    oman kuwait korea jepang japan riyadh jeddah makkah mekah madinah taipei kaohsiung
    januari februari maret april mei juni juli agustus september oktober november desember
    senin selasa rabu kamis jumat sabtu minggu rp rm ringgit rupiah ntd sar allah tuhan
    saya aku kami dia ia mereka kamu anda beliau sudah belum tidak bukan ada yang dan atau di ke
    dari pada untuk dengan sejak sampai kerja bekerja pergi pulang tahun bulan hari minggu
    rt rw kades kadus camat lurah bupati gubernur polisi babinsa bhabinkamtibmas desa kepala
    bp2mi bp3mi disnaker pt cv kbri kjri polsek polres sponsor agen majikan paspor visa tki pmi
    """.split()
)
TITLES = frozenset(
    "lalu baiq inaq amaq lale dende haji hajjah muh moh made wayan nyoman ketut".split()
)
UPPER_WORD = r"[A-Z][a-z']+"
ANY_WORD = r"[A-Za-z][a-z']+"
STRONG_PREFIX = r"(?i:baiq|inaq|amaq|lale|dende|hajjah)"
CAPITAL_PREFIX = (
    r"(?:Lalu|Ni|Muhammad|Mohammad|Mohamad|Muhamad|Moh\.?|Muh\.?|Mhd\.?|M\.|Haji|Hj\.?|H\."
    r"|Datu|Raden|Ust\.?|Ustadz|I(?= (?:Made|Wayan|Nyoman|Ketut|Putu|Gede|Komang|Kadek|Gusti)))"
)
HONORIFIC = r"(?:Pak|Bapak|Bu|Ibu|Mbak|Mas|Kak|Bang|Abang|Mak|Papuq|Tuan|Nyonya|Mr\.?|Mrs\.?|Ms\.?)"
NAMING_CUE = r"(?i:nama saya|namaku|namanya|bernama|atas nama|a\.n\.|my name is|named)"
RELATION_CUE = (
    r"(?i:suami|istri|isteri|anak|ibu|bapak|ayah|adik|kakak|kakak|paman|bibi|ponakan|keponakan"
    r"|mertua|menantu|saudara|sepupu|cucu|husband|wife|son|daughter|mother|father|sister|brother)"
    r"(?:\s+(?i:saya|sy|aku|ku|kami|my))?"
)


def _name_after(prefix: str, word: str, most: int) -> re.Pattern[str]:
    return re.compile(rf"(?P<keep>\b{prefix}\s+)(?P<name>{word}(?:\s+{word}){{0,{most - 1}}})")


PATTERNS = (
    re.compile(rf"\b(?P<name>{STRONG_PREFIX}\s+{ANY_WORD}(?:\s+{UPPER_WORD}){{0,2}})"),
    re.compile(rf"\b(?P<name>{CAPITAL_PREFIX}\s*{UPPER_WORD}(?:\s+{UPPER_WORD}){{0,3}})"),
    _name_after(NAMING_CUE, ANY_WORD, 3),
    _name_after(RELATION_CUE, UPPER_WORD, 3),
    _name_after(HONORIFIC, UPPER_WORD, 2),
)
NUMBER_RUN = re.compile(r"(?<![\w+])(?:\+|00)?\d+(?:[ .\-]?\(?\d{2,}\)?)*(?!\w)")
PHONE_PREFIXES = ("62", "60", "852", "853", "886", "966", "65", "971", "974", "968", "965", "973")
MONEY_BEFORE = re.compile(r"(?i)(?:rp|rm|nt\$|ntd|sar|hk\$|\$|usd|idr|myr)\.?\s*$")
PASSPORT_NUMBER = re.compile(
    r"(?i:(?P<keep>\b(?:paspor|passport)\s*(?:no\.?|nomor|number|nr)?\s*:?\s*))(?P<id>[A-Z0-9]{6,9})\b"
    r"|\b(?P<bare>[A-Z]\s?\d{7}|[A-Z]{2}\d{6,7})\b"
)


def _is_phone(run: str, before: str) -> bool:
    digits = re.sub(r"\D", "", run)
    if not 9 <= len(digits) <= 15 or MONEY_BEFORE.search(before):
        return False
    if run.startswith(("+", "00")):
        return True
    if digits.startswith("0"):
        return digits[1] != "0"
    return len(digits) >= 10 and digits.startswith(PHONE_PREFIXES)


def _numbers(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        digits = re.sub(r"\D", "", run)
        if len(digits) == 16 and not run.startswith("+"):
            return NIK
        if _is_phone(run, text[max(0, match.start() - 6) : match.start()]):
            return PHONE
        return run

    return NUMBER_RUN.sub(replace, text)


def _passports(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group("bare"):
            return PASSPORT
        return match.group("keep") + PASSPORT

    return PASSPORT_NUMBER.sub(replace, text)


def _trim_name(name: str) -> str:
    """The name without trailing words that are places, dates or grammar ("Lalu Ahmad Malaysia")."""
    words = name.split()
    while words and words[-1].lower().strip(".") in NOT_NAMES:
        words.pop()
    return " ".join(words)


def _patterned_names(text: str) -> str:
    for pattern in PATTERNS:

        def replace(match: re.Match[str]) -> str:
            name = _trim_name(match.group("name"))
            if not name or name.lower().strip(".") in NOT_NAMES:
                return match.group(0)
            rest = match.group("name")[len(name) :]
            keep = match.groupdict().get("keep") or ""
            return keep + NAME + rest

        text = pattern.sub(replace, text)
    return text


def _known_names(text: str, names: Iterable[str]) -> str:
    """Each known full name, then each of its words long enough to identify someone."""
    words: set[str] = set()
    for name in names:
        name = (name or "").strip()
        if not name:
            continue
        text = re.sub(rf"(?i)\b{re.escape(name)}\b", NAME, text)
        words.update(
            w for w in re.findall(r"[^\W\d_]{3,}", name) if w.lower() not in NOT_NAMES | TITLES
        )
    for word in sorted(words, key=len, reverse=True):
        text = re.sub(rf"(?i)\b{re.escape(word)}\b", NAME, text)
    return text


def mask_text(text: str, names: Iterable[str] = ()) -> str:
    """`text` with names, phone numbers, NIK and passport numbers replaced by placeholders."""
    text = EMAIL_ADDRESS.sub(EMAIL, text)
    text = _known_names(text, names)
    text = _numbers(text)
    text = _passports(text)
    return _patterned_names(text)
