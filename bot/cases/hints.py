"""What a family's own words already say about a case: the country, the problems, the
reporter's relation to the worker. The case form confirms these instead of asking again.

Word lists are data (Indonesian chat spelling as families type it), matched on folded words.
"""

from __future__ import annotations

import re

from knowledge.emergency import a_ships_flag
from knowledge.normalize import fold, load_lexicon

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
    "wages": (
        *("gaji", "gajinya", "gajine", "upah", "dibayar", "digaji"),
        *("salary", "salaries", "wage", "wages", "unpaid", "not paid", "not been paid"),
    ),
    "documents": (
        *("paspor", "pasport", "passport", "pasportnya", "paspornya", "pasporne", "dokumen"),
        "visa",
    ),
    "violence": (
        *("dipukul", "pukul", "disiksa", "siksa", "kekerasan", "dianiaya", "dilecehkan"),
        *("beaten", "beat", "hit", "hits", "abused", "tortured"),
        # sexual abuse is abuse (a report of "diperkosa majikan" was not ticked: stop 52)
        *("diperkosa", "perkosa", "pemerkosaan", "pelecehan", "dicabuli", "dilecehin"),
        *("digerayangi", "diraba", "diraba raba", "raped", "rape", "molested", "harassed"),
        *("sexually", "sexual"),
        # held or locked in ("majikan kunci sy d rumah gk blh keluar" was proposed as only
        # "Dokumen ditahan": a journeys tester, stop 62)
        *("dikunci", "disekap", "dikurung", "sekap", "kurung", "locked in", "locked up"),
        *("tidak boleh keluar", "tdk boleh keluar", "gk boleh keluar", "gk blh keluar"),
        *("gak boleh keluar", "ga boleh keluar", "ga blh keluar", "not allowed out"),
    ),
    "lost_contact": (
        *("hilang kontak", "tidak ada kabar", "tak ada kabar", "putus kontak", "lost contact"),
        # in chat spelling ("sdh 2 bln gk ada kabar" was taken as choice 2: stop 50)
        *("gk ada kabar", "ga ada kabar", "gak ada kabar", "nggak ada kabar", "tdk ada kabar"),
        *("blm ada kabar", "belum ada kabar", "gada kabar", "no news", "lost kontak"),
        *("tidak bisa dihubungi", "gk bisa dihubungi", "gak bisa dihubungi", "ga bisa dihubungi"),
        *("tdk bisa dihubungi", "can t reach", "cannot reach"),
    ),
    "illness_death": ("sakit", "meninggal", "wafat", "kecelakaan"),
    "fraud": ("ditipu", "penipuan", "tipu", "calo", "palsu", "peras", "diperas", "memeras"),
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
    # not family, reporting for the worker ("sy tetangga nya", "i am her friend": saved as
    # the worker themselves, a chat tester after the danger reply, stop 51)
    "tetangga": "tetangga",
    "teman": "teman",
    "temen": "teman",
    "kawan": "teman",
    "friend": "teman",
    "neighbour": "tetangga",
    "neighbor": "tetangga",
    # an official of the village reporting for a resident ("sy kepala dusun" was saved as the
    # worker: a family danger tester, stop 53)
    "kadus": "perangkat desa",
    "kades": "perangkat desa",
    "kadis": "perangkat desa",
    "kaling": "perangkat desa",
    "perangkat": "perangkat desa",
    "aparat": "perangkat desa",
    "babinsa": "perangkat desa",
    "bhabinkamtibmas": "perangkat desa",
    "mertua": "mertua",
    "menantu": "menantu",
    "cucu": "cucu",
    "ipar": "ipar",
    "mother": "ibu",
    "mom": "ibu",
    "mum": "ibu",
    "father": "ayah",
    "dad": "ayah",
    "son": "anak",
    "daughter": "anak",
    "child": "anak",
    "wife": "istri",
    "husband": "suami",
    "sister": "saudara",
    "brother": "saudara",
    "uncle": "paman",
    "aunt": "bibi",
    "cousin": "sepupu",
    "niece": "keponakan",
    "nephew": "keponakan",
}
"""A word for the worker's relation to the writer, as the writer says it: Indonesian chat
spellings and English; Sasak, Mbojo and Samawa words are read as the lexicon reads them."""
SELF_WORDS = frozenset({"sendiri", "pekerjanya", "myself"})
REGIONAL = load_lexicon(kinds=frozenset({"sasak", "mbojo", "samawa"}))
FAMILY_WORDS: dict[str, str] = {
    **{
        # chat slang for kin ("bini sy d brunei": a wife's report kept no relation, a
        # family-side tester, stop 56)
        word: standard
        for word, standard in load_lexicon(kinds=frozenset({"slang"})).items()
        if standard in RELATIONS and standard != "saya"
    },
    **{
        word: standard
        for word, standard in REGIONAL.items()
        if standard in RELATIONS or standard == "saya"
    },
}
"""Sasak, Mbojo and Samawa words for family and for "I" (inaq, kanak, semame, tiang, nahu),
from the lexicon, in their Indonesian form: "kanak tiang" is "anak saya"."""
REGIONAL_I = frozenset(w for w, standard in FAMILY_WORDS.items() if standard == "saya")
PAIRED_ONLY: dict[str, str] = {"ina": "ibu", "ama": "ayah", "ana": "anak", "ari": "adik"}
"""Mbojo and Sasak family words that are other words in chat ("ama" is "sama", "ana" is "I",
"ari" is "hari"): family only right before the regional "I" ("ina nahu", "ari tiang")."""


WRITER_WORDS = frozenset("saya sy aku aq i".split())
HIS_HERS = frozenset(("nya", "na"))
"""After "I" and before "nya" (Mbojo "na"), the paired words are family too: "sy ina nya",
"nahu ina na" (I am her mother) were read as the worker writing (a family chat tester,
stop 50)."""


KIN_DESCRIBED = frozenset(
    "perempuan prmpuan prempuan perempuannya pr laki lakilaki laki2 lk cewek cowok cewe cowo "
    "pertama kedua ketiga keempat sulung "
    "bungsu tertua termuda paling".split()
)
"""Words after a kin word that say which one ("anak perempuan sy Siti Fatimah" made the
writer the child, and kept no name: a family chat tester, stop 51)."""
KIN_DESCRIBABLE = frozenset("anak adik adek kakak kaka abang saudara kanak ana".split())


def undescribed(tokens: list[str]) -> list[str]:
    """The typed words without those that say which kin ("perempuan" in "anak perempuan
    sy"): `family_words` reads its words through this, so callers that index the typed words
    filter them the same way first."""
    kept: list[str] = []
    for token in tokens:
        before = fold(kept[-1]) if kept else ""
        kin = FAMILY_WORDS.get(before, before) if before not in PAIRED_ONLY else before
        if fold(token) in KIN_DESCRIBED and kin in KIN_DESCRIBABLE:
            continue
        kept.append(token)
    return kept


TITLE_KIN = frozenset("inaq amaq".split())
"""Sasak mother and father, also the titles before a name ("Amaq Jum")."""
TITLE_FOLLOWERS = frozenset("tiang nya saya sy aku ku".split())
"""... family when "mine" or "his" follows ("inaq tiang", "amaqnya")."""


def family_words(words: list[str]) -> list[str]:
    """Folded words with the regional words for family and for "I" in Indonesian ("kanak
    tiang" → "anak saya", "ina nahu" → "ibu saya"); every other word as it is."""
    out: list[str] = []
    words = undescribed(words)  # "anak perempuan sy", "adik laki2 sy": the kin word tells
    for at, word in enumerate(words):
        following = words[at + 1] if at + 1 < len(words) else ""
        before = words[at - 1] if at else ""
        writer = before in WRITER_WORDS or before in REGIONAL_I
        if word in PAIRED_ONLY and (following in REGIONAL_I or (writer and following in HIS_HERS)):
            out.append(PAIRED_ONLY[word])
        elif word in FAMILY_WORDS and word not in PAIRED_ONLY:
            out.append(FAMILY_WORDS[word])
        else:
            out.append(word)
    return out


def _says(folded: str, phrase: str) -> bool:
    return f" {phrase} " in f" {folded} "


def countries_in(text: str) -> list[str]:
    """The countries a message names where someone is or goes, not a ship's flag ("my son
    is on a korean flagged boat near somalia" was reported from South Korea: stop 51)."""
    folded = fold(text)
    return [code for code, words in COUNTRY_WORDS.items() if any(_named(folded, w) for w in words)]


def _named(folded: str, phrase: str) -> bool:
    if not _says(folded, phrase):
        return False
    if phrase == "arab" and ("emirat" in folded or "emirates" in folded):
        return False  # "uni emirat arab" was saved as Saudi Arabia (a tester, stop 51)
    words, length = folded.split(), len(phrase.split())
    return any(
        words[at : at + length] == phrase.split() and not a_ships_flag(words, at, length)
        for at in range(len(words) - length + 1)
    )


HELD_WORDS = frozenset(
    "ditahan tahan menahan nahan diambil ambil disita sita dipegang pegang megang dirampas "
    "disimpan simpan taken took held kept holds keeps confiscated withheld".split()
)
"""Documents are a problem of their own when someone holds them: "PT blg tunggu visa terus"
is a wait for a departure, not a passport held."""


NOT_WANTED = frozenset("tidak tdk gk ga gak nggak ngga ndak ndek belum blm not dont".split())
"""Before "mau pulang": not a wish to go home ("dia tdk mau pulang, LPK nya yg peras" was
saved as "Ingin pulang": a family chat tester, stop 50)."""


def _home_wished(folded: str) -> bool:
    words = ["", "", *folded.split()]
    for at, word in enumerate(words):
        if word not in ("pulang", "dipulangkan"):
            continue
        unwished = words[at - 1] in NOT_WANTED or (
            words[at - 1] in WISHING and words[at - 2] in NOT_WANTED
        )
        if not unwished:
            return True
    return False


WISHING = frozenset("mau ingin pengen pingin mo want".split())


def categories_in(text: str) -> list[str]:
    """Every problem the text names, in the order of CATEGORY_WORDS (wages first)."""
    folded = fold(text)
    held = bool(HELD_WORDS.intersection(folded.split()))
    return [
        code
        for code, words in CATEGORY_WORDS.items()
        if any(_says(folded, w) for w in words)
        and (code != "documents" or held)
        and (code != "go_home" or _home_wished(folded))
    ]


IN_LAW = (
    (re.compile(r"\b(?:mother|father|mom|dad|parents?) ?in ?laws?\b"), "mertua"),
    (re.compile(r"\b(?:son|daughter|child|children) ?in ?laws?\b"), "menantu"),
    (re.compile(r"\b(?:brother|sister|sibling)s? ?in ?laws?\b"), "ipar"),
    (re.compile(r"\b(?:grandmother|grandma|granny|grandfather|grandpa)\b"), "nenek"),
    (re.compile(r"\b(?:grandson|granddaughter|grandchild|grandchildren)\b"), "cucu"),
    (re.compile(r"\b(?:ibu|bapak|bpk|ayah|bapa|inaq|amaq) mertua\b"), "mertua"),
    (re.compile(r"\b(?:kepala|kpl) (?:dusun|desa|dsn|lingkungan)\b"), "kadus"),
    (re.compile(r"\b(?:village head|village official|village chief)\b"), "kadus"),
    # someone else's kin, and kin by marriage, written in two words (a family-side tester,
    # stop 56: "anak tetangga sy" was kept as the writer's child, "anak mantu sy" as a child,
    # "suami dr adik sy" as a sibling, "sy ketua RT nya" as the worker)
    (
        re.compile(
            r"\b(?:anak|adik|adek|kakak|abang|suami|istri|ibu|bapak|keluarga) (?:dari |dr )?"
            r"(?:tetangga|tetanggaku)\b"
        ),
        "tetangga",
    ),
    (
        re.compile(
            r"\b(?:anak|adik|adek|kakak|abang|suami|istri|ibu|bapak|keluarga) (?:dari |dr )?"
            r"(?:teman|temen|kawan)\b"
        ),
        "teman",
    ),
    (re.compile(r"\b(?:anak )?(?:mantu|menantu)\b"), "menantu"),
    (re.compile(r"\b(?:suami|istri|bini|laki) (?:dari |dr )?(?:adik|adek|kakak|abang)\b"), "ipar"),
    (re.compile(r"\b(?:ketua|pak|bu) (?:rt|rw)\b"), "kadus"),
)
"""Kin of two words, as one ("my mother in law" was read as a mother and the writer her
child; "ibu mertua sy" as a mother: a chat tester, stop 53)."""


def kin_as_one_word(folded: str) -> str:
    for pattern, word in IN_LAW:
        folded = pattern.sub(word, folded)
    return folded


def relation_in(text: str) -> str | None:
    """'sy ibunya', 'saya kakaknya' → 'ibu', 'kakak'; 'saya sendiri' → 'self'."""
    typed = undescribed(kin_as_one_word(fold(text)).split())
    for at, (word, as_typed) in enumerate(zip(family_words(typed), typed, strict=True)):
        if word in SELF_WORDS:
            return "self"
        following = typed[at + 1] if at + 1 < len(typed) else ""
        if as_typed in TITLE_KIN and following and following not in TITLE_FOLLOWERS:
            continue  # "sponsor namanya Amaq Jum": a title before a name, not a father
        base = word[:-3] if word.endswith("nya") and len(word) > 5 else word
        if base in RELATIONS:
            return RELATIONS[base]
    return None
