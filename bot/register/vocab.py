"""The register's codes and their labels: sectors, sexes, statuses. Stored as codes, shown as
labels (the chat form, the dashboard, the import and the export read them from here)."""

from __future__ import annotations

import re

from bot.cases.categories import COUNTRIES
from bot.cases.hints import COUNTRY_WORDS
from bot.i18n import N_
from knowledge.normalize import fold

SECTORS: tuple[tuple[str, str], ...] = (
    ("domestic", N_("Domestic work")),
    ("care", N_("Caregiver")),
    ("plantation", N_("Plantation")),
    ("factory", N_("Factory")),
    ("construction", N_("Construction")),
    ("fishing", N_("Fishing or ship crew")),
    ("hospitality", N_("Hotel or restaurant")),
    ("agriculture", N_("Farming")),
    ("other", N_("Other work")),
)
SECTOR_CODES = tuple(code for code, _ in SECTORS)
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "domestic": (
        "rumah tangga",
        "prt",
        "plrt",
        "art",
        "pembantu",
        "domestic",
        "housemaid",
        "cleaning lady",
        "house cleaner",
        "cleaner in a house",
    ),
    # before "tukang" (construction): "jd tukang jaga nenek2" was stored as construction (a
    # family-side tester, stop 55)
    "care": (
        "perawat",
        "jompo",
        "lansia",
        "caregiver",
        "care",
        "pengasuh",
        "nanny",
        "babysitter",
        "jaga nenek",
        "jaga kakek",
        "jaga orang tua",
        "jaga anak",
        "ngurus nenek",
        "urus lansia",
    ),
    "plantation": ("kebun", "perkebunan", "sawit", "ladang", "plantation"),
    "factory": ("pabrik", "factory", "manufaktur", "operator", "produksi", "elektronik"),
    "construction": ("bangunan", "konstruksi", "proyek", "tukang", "construction"),
    "fishing": ("abk", "kapal", "nelayan", "perikanan", "fishing", "pelaut"),
    "hospitality": ("hotel", "restoran", "restaurant", "rumah makan", "cafe", "kafe", "spa"),
    "agriculture": ("tani", "pertanian", "petani", "peternakan", "farm", "farming"),
}
SEXES: tuple[tuple[str, str], ...] = (("f", N_("Woman")), ("m", N_("Man")))
SEX_WORDS = {
    "f": ("p", "pr", "perempuan", "wanita", "female", "f", "woman", "w", "cewek", "cewe", "girl"),
    "m": (
        "l",
        "lk",
        "laki laki",
        "laki",
        "laki2",
        "lakilaki",
        "lelaki",
        "pria",
        "male",
        "m",
        "man",
        "cowok",
        "cowo",
        "boy",
    ),
}
STATUS_LABELS: dict[str, str] = {
    "planned": N_("Planned"),
    "departed": N_("Abroad"),
    "returned": N_("Returned"),
    "cancelled": N_("Cancelled"),
}
STATUS_WORDS = {
    "planned": ("planned", "rencana", "akan berangkat", "belum berangkat", "calon"),
    "departed": ("departed", "berangkat", "sudah berangkat", "di luar negeri", "abroad", "bekerja"),
    "returned": ("returned", "pulang", "sudah pulang", "kembali", "purna"),
    "cancelled": ("cancelled", "canceled", "batal", "tidak jadi"),
}
COUNTRY_CODES = tuple(code for code, _ in COUNTRIES)


def _says(folded: str, phrase: str) -> bool:
    return f" {phrase} " in f" {folded} "


def sector_in(text: str) -> str | None:
    folded = fold(text)
    if folded in SECTOR_CODES:
        return folded
    return next(
        (c for c, words in SECTOR_WORDS.items() if any(_says(folded, w) for w in words)), None
    )


WORK_TOLD = re.compile(
    r"\b(?:jd|jadi|sbg|sebagai|kerja jd|kerja jadi|kerja sebagai|bekerja sebagai|as an?|"
    r"work as an?|to work as an?|working as an?) ([a-z]+(?: [a-z]+){0,2})"
)
"""Work named in a sentence ("brgkt ke arab saudi jd ART", "to work as a housemaid")."""
SKIP_WORDS = frozenset(
    "skip lewati lewat lewatin gk tau gak tau tidak tahu ga tau nggak tau belum tau blm tau "
    "dont know don t know not sure".split()
)


def sector_told(text: str) -> str | None:
    """The sector a message names as the work someone will do, if it names one clearly."""
    found = WORK_TOLD.search(fold(text))
    sector = sector_in(found.group(1)) if found else None
    return sector if sector not in (None, "other") else None


def typed_skip(text: str) -> bool:
    """A typed "skip", "lewati" or "gk tau" where a choice was asked."""
    words = fold(text).split()
    return bool(words) and len(words) <= 4 and set(words) <= SKIP_WORDS | {"pak", "bu", "aja"}


def sex_of(text: str) -> str | None:
    folded = " ".join(fold(text).replace("-", " ").split())
    return next((code for code, words in SEX_WORDS.items() if folded in words), None)


def status_of(text: str) -> str | None:
    folded = " ".join(fold(text).split())
    return next((code for code, words in STATUS_WORDS.items() if folded in words), None)


def country_of(text: str) -> str:
    """A country code for a typed name ('Johor' → malaysia); an unknown name is kept as typed."""
    folded = fold(text)
    if folded.replace(" ", "-") in COUNTRY_CODES:
        return folded.replace(" ", "-")
    for code, words in COUNTRY_WORDS.items():
        if any(_says(folded, w) for w in words):
            return code
    return " ".join(text.split())[:64]
