"""What a family's own words already say about a case: the country, the problems, the
reporter's relation to the worker. The case form confirms these instead of asking again.

Word lists are data (Indonesian chat spelling as families type it), matched on folded words.
"""

from __future__ import annotations

from knowledge.normalize import fold

COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "malaysia": ("malaysia", "malay", "johor", "kuala lumpur", "sabah", "sarawak", "penang"),
    "taiwan": ("taiwan", "taipei"),
    "hongkong": ("hong kong", "hongkong"),
    "singapura": ("singapura", "singapore"),
    "arab-saudi": ("arab saudi", "saudi", "arab", "jeddah", "riyadh", "mekkah", "makkah"),
    "timur-tengah": ("dubai", "uae", "qatar", "kuwait", "oman", "bahrain", "yordania"),
    "korea": ("korea", "korsel"),
    "jepang": ("jepang", "japan"),
    "brunei": ("brunei",),
}
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "wages": ("gaji", "gajinya", "upah", "dibayar", "digaji"),
    "documents": ("paspor", "pasport", "passport", "pasportnya", "paspornya", "dokumen", "visa"),
    "violence": ("dipukul", "pukul", "disiksa", "siksa", "kekerasan", "dianiaya", "dilecehkan"),
    "lost_contact": ("hilang kontak", "tidak ada kabar", "tak ada kabar", "putus kontak"),
    "illness_death": ("sakit", "meninggal", "wafat", "kecelakaan"),
    "fraud": ("ditipu", "penipuan", "tipu", "calo", "palsu"),
    "departure": (
        "gagal berangkat",
        "batal berangkat",
        "tidak jadi berangkat",
        "gk jadi berangkat",
        "gak jadi berangkat",
        "belum diberangkatkan",
        "blm diberangkatkan",
        "nunggu berangkat",
        "menunggu berangkat",
        "nunggu brangkat",
        "tunggu visa",
        "nunggu visa",
        "menunggu visa",
        "uang kembali",
        "uangnya kembali",
        "uang balik",
        "refund",
    ),
    "go_home": ("pulang", "dipulangkan"),
}
RELATIONS: dict[str, str] = {
    "ibu": "ibu",
    "mama": "ibu",
    "emak": "ibu",
    "mamak": "ibu",
    "ayah": "ayah",
    "bapak": "ayah",
    "bapaknya": "ayah",
    "papa": "ayah",
    "kakak": "kakak",
    "adik": "adik",
    "adek": "adik",
    "suami": "suami",
    "istri": "istri",
    "isteri": "istri",
    "anak": "anak",
    "paman": "paman",
    "om": "paman",
    "bibi": "bibi",
    "tante": "bibi",
    "nenek": "nenek",
    "kakek": "kakek",
    "saudara": "saudara",
    "sepupu": "sepupu",
    "keponakan": "keponakan",
    "ponakan": "keponakan",
    "mertua": "mertua",
    "ipar": "ipar",
}
SELF_WORDS = frozenset({"sendiri", "pekerjanya", "myself"})


def _says(folded: str, phrase: str) -> bool:
    return f" {phrase} " in f" {folded} "


def countries_in(text: str) -> list[str]:
    folded = fold(text)
    return [code for code, words in COUNTRY_WORDS.items() if any(_says(folded, w) for w in words)]


HELD_WORDS = frozenset(
    "ditahan tahan menahan nahan diambil ambil disita sita dipegang pegang megang dirampas "
    "disimpan simpan taken held kept".split()
)
"""Documents are a problem of their own when someone holds them: "PT blg tunggu visa terus"
is a wait for a departure, not a passport held."""


def categories_in(text: str) -> list[str]:
    """Every problem the text names, in the order of CATEGORY_WORDS (wages first)."""
    folded = fold(text)
    held = bool(HELD_WORDS.intersection(folded.split()))
    return [
        code
        for code, words in CATEGORY_WORDS.items()
        if any(_says(folded, w) for w in words) and (code != "documents" or held)
    ]


def relation_in(text: str) -> str | None:
    """'sy ibunya', 'saya kakaknya' → 'ibu', 'kakak'; 'saya sendiri' → 'self'."""
    for word in fold(text).split():
        if word in SELF_WORDS:
            return "self"
        base = word[:-3] if word.endswith("nya") and len(word) > 5 else word
        if base in RELATIONS:
            return RELATIONS[base]
    return None
