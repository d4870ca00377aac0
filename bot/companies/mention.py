"""Finding a company name in a chat message ("PT Maju Jaya resmi gak?", "cek pt sinar abadi").

Runs on every free-text message, so a message without a company marker costs one regex search
that fails at once; a marker followed only by generic words ("cara cek PT resmi?") names no
company and the knowledge base answers it.

Some words end a sentence's name or belong to it ("PT Sukses Kerja Mandiri", "PT Maju Terus
Abadi"): the name is read through them when a name word follows, and `shorter_readings` gives
the name cut before them, which the check only offers, never takes for the whole."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.normalize import load_lexicon
from knowledge.respelling import malay_words

MARKER = re.compile(
    r"(?<![a-z0-9])(?:p\s?\.?\s?t\s?\.?|cv\.?|perusahaan|agen|agensi|agency|pjtki|p3mi)"
    r"(?=[\s:]+[a-z0-9])",
    re.IGNORECASE,
)
STOP = frozenset(
    """
    resmi legal ilegal terdaftar berizin izin ijin izinnya ijinnya asli bodong abal palsu legit
    licensed registered official real fake licence license
    itu ini tsb tersebut yang yg ada apa apakah gak ga gk nggak ngga enggak tidak tdk ndak ndeq
    ndek bukan atau ato di dari dr ke untuk utk buat mau katanya kata punya pny pnya masih sudah
    udah udh sdh benar bener beneran kah ya sih dong deh nih kok bisa boleh aman aja saja and
    or is are was the a an in at to from for of with has have do does can
    dengan sama lewat melalui kerja bekerja berangkat rekrut merekrut ngerekrut nawarin
    menawarkan tempat kantor cabang pusat nya mana siapa apa2 kalau kalo klo kah gimana gmn
    bagaimana cara cek ngecek mengecek periksa check verify tolong tlg mohon baru buka membuka
    datang dtg bilang d selama proses wajar pegang megang dipegang
    tapi tetapi tp namun dan serta terus trus lalu kemudian sekarang skrg karena krn soalnya
    padahal malah juga jg minta meminta belum blm gaji uang bayar membayar dibayar
    saya sy aku aq gue gw kami kita dia mereka beliau
    ne nu ni side tiang mele nane nike nahu ita
    ngomong omong ganti rugi tipu nipu menipu kabur hilang janji menjanjikan potong memotong
    said says say told tell tells took take takes gave give gives asked asks ask wants want
    wanted fee fees owner owners but because that which who when where how why what will
    would should could did didn't not no never me my us our we they he she it his her their
    brought sent made make charged charge deducted kept keeps refused refuses
    picked pick picks picking called calls came come comes helped help helps found finds
    took fetched rescued moved
    suruh nyuruh menyuruh disuruh bangkrut tutup pailit nahan menahan tahan ditahan ambil
    ngambil mengambil jual menjual kirim ngirim jemput marah pukul mukul ngancam mengancam
    janjiin blg lari bohong boong ngilang menghilang motong ninggalin meninggalkan ditutup
    """.split()
)
"""Words that end a company name typed in a sentence: a name ends where the story goes on
("lewat PT Maju Jaya tapi gaji tidak dibayar") or a person is named ("agen saya")."""
IN_NAMES = frozenset("kerja baru aman terus dan serta mana sama pusat tempat asli".split())
"""Stop words that are also words of company names ("PT Sukses Kerja Mandiri"): after a name
word and before another, the name goes on through them."""
NOT_A_FIRST_WORD = frozenset("anak istri suami adik adek kakak ibu bapak pak bu keluarga".split())
"""A word that, right after the marker, makes it someone's agent, not a name ("agen anak sy")."""
AGENT_MARKERS = frozenset("agen agensi agency".split())
"""Markers that are also plain words for the recruiter ("my agency office"), not only the
first word of a name as "PT" is."""
AGENT_THINGS = frozenset(
    """
    loan loans debt office offices fee fees staff people person contract contracts agreement
    rules boss number phone address deduction deductions payment payments money salary
    kantor kantornya biaya biayanya potongan utang hutang pinjaman kontrak perjanjian orang
    orangnya perorangan petugas pegawai karyawan staf bos nomor nomer hp alamat aturan
    """.split()
)
"""Common nouns that, right after "agency" / "agensi" / "agen", say what of the agent is meant
("'agency loan'", "my agency office", "biaya agen"): no company is named to check."""
GENERIC = frozenset(
    """
    penyalur penempatan pengerah tki tkw pmi p3mi pt cv resmi swasta lain baru nakal besar
    kecil luar negeri asing indonesia tersebut agency agen agensi perusahaan company companies
    penyalurnya perusahaannya ptnya biasa umum biasanya itu ini yang yg mana apa
    hk hongkong taiwan malaysia malay arab saudi korea jepang japan singapura singapore brunei
    """.split()
)
"""Words that do not make a name on their own ("PT penyalur", "perusahaan penempatan"; "PT
biasa" in "apa bedanya P3MI sama PT biasa" was checked as a company: a family chat tester,
stop 50; "agency hk minta byr bnyk": an everyday-questions tester, stop 64)."""
LITERALS = ("pt", "p.t", "p t", "cv", "perusahaan", "agen", "pjtki", "p3mi")
"""Every marker contains one of these: a message with none of them is passed over at once."""
CHECK = frozenset("cek ceck cekin ngecek mengecek periksa memeriksa check verify".split())
LICENCE = frozenset(
    "resmi legal ilegal terdaftar berizin izinnya ijinnya bodong abal palsu legit licensed "
    "registered".split()
)
HOW = frozenset("cara caranya gimana gmn gmna bagaimana how mana dimana kemana".split())
"""Asking how to check, or which companies are licensed: the knowledge base answers that."""
THIS = frozenset("ini itu tsb tersebut nya ni tu".split())
THIS_MARKERS = frozenset("ptnya perusahaannya agennya agensinya cvnya".split())
NAME_LEADS = frozenset("nama namanya nm nmnya yaitu yakni ini itu ptnya perusahaannya".split())
"""Words before the name in a reply to "what is the company's name?" ("namanya PT ...")."""
UNKNOWN = frozenset("lupa tau tahu tw gatau gtau entah".split())
"""A reply saying the name is not known is not a name ("lupa namanya", "gak tau")."""
QUESTIONS = frozenset(
    "apa apakah kenapa mengapa knp berapa brp kapan siapa gimana bagaimana dimana kemana "
    "why what how when where who".split()
)
PARTICLES = frozenset("ya yah kak pak bu mas mbak nih sih dong deh itu ini tsb".split())
MARKER_WORDS = frozenset("pt cv perusahaan agen agensi agency pjtki p3mi".split())
MAX_WORDS = 6
MONEY = re.compile(r"(?i)rp\.?\d[\d.,]*\w*|\d[\d.,]*(?:jt|juta|jeti|rb|ribu|rbu)")
"""An amount ("Rp36", "rp5.000.000", "25jt") is the story going on, not a name."""
_WORD = re.compile(r"[A-Za-z0-9&'.-]+")


def named_company(text: str | None) -> str | None:
    """The company name a message gives after PT / CV / perusahaan / agen, or None: the whole
    name as typed, read through words such as "kerja" or "dan" when a name word follows."""
    if not text:
        return None
    lowered = text.lower()
    if not any(literal in lowered for literal in LITERALS):
        return None
    for marker in MARKER.finditer(text):
        agent = marker.group().strip().lower() in AGENT_MARKERS
        words, _end = _name_words(text, marker.end(), agent=agent)
        if words and words[0].replace(".", "").lower() in MARKER_WORDS:
            continue  # "my agency PT Maju Jaya": the name is read from the inner marker
        named = any(any(ch.isalpha() for ch in w) for w in words)
        if named and not all(w.lower() in GENERIC for w in words):
            return f"{marker.group().strip()} {' '.join(words)}"
    return None


def _name_words(text: str, start: int, agent: bool = False) -> tuple[list[str], int]:
    """The words of a name that starts at `start`, up to where the sentence goes on, and
    where the name ends in `text`. `agent`: the marker before it is "agency" or "agen", so a
    common noun first ("agency loan") is the agent's thing, not a name."""
    words: list[str] = []
    pending: list[str] = []  # words such as "kerja": kept only when a name word follows
    last = end = start
    for match in _WORD.finditer(text, start):
        gap = text[last : match.start()]
        ends = ',;?!\n()"' if words else "\n"  # a name does not run on to the next line
        if any(ch in gap for ch in ends) or len(words) + len(pending) >= MAX_WORDS:
            break
        word = match.group().strip(".'-")
        lowered = word.lower()
        if lowered in IN_NAMES and _has_name_word(words):
            pending.append(word)
        elif (
            not word
            or _ends_a_name(lowered)
            or MONEY.fullmatch(word)
            or (pending and (lowered in GENERIC or not _has_name_word([word])))
            or (not words and lowered in NOT_A_FIRST_WORD)
            or (not words and agent and lowered in AGENT_THINGS)
        ):
            break
        else:
            words.extend((*pending, word))
            pending = []
            end = match.end()
        last = match.end()
        if match.group().endswith("."):
            break
    return words, end


@lru_cache(maxsize=1)
def _chat_spellings() -> dict[str, str]:
    return {**malay_words(), **load_lexicon(kinds=frozenset({"slang", "typo"}))}


def _ends_a_name(lowered: str) -> bool:
    """A stop word, also as typed in a hurry ("pt bs gk", "pt mnta 25jt": a chat spelling is
    the sentence going on, not a company's name; an everyday-questions tester, stop 64)."""
    return lowered in STOP or _chat_spellings().get(lowered, "") in STOP


def _has_name_word(words: list[str]) -> bool:
    return any(w.lower() not in GENERIC and any(ch.isalpha() for ch in w) for w in words)


def shorter_readings(name: str) -> list[str]:
    """`name` cut before each word that may be the sentence going on rather than the name
    ("PT Sukses" of "PT Sukses Kerja Mandiri"), longest first: what else the person may mean."""
    words = [m for m in _WORD.finditer(name) if m.group().strip(".'-")]
    plain = [m.group().strip(".'-").lower() for m in words]
    head = 1 if plain and plain[0].replace(".", "") in MARKER_WORDS else 0
    cuts: list[str] = []
    for i in range(len(words) - 1, head, -1):
        starts_a_run = plain[i] in IN_NAMES and plain[i - 1] not in IN_NAMES
        if starts_a_run and _has_name_word([m.group() for m in words[head:i]]):
            cuts.append(name[: words[i - 1].end()].strip())
    return cuts


def asks_to_check(text: str) -> bool:
    """The message asks to check a company it does not name ("cek pt ini resmi gk", "mau cek
    perusahaan"): the name is asked for. How to check ("cara cek PT resmi?") is not this."""
    if not any(literal in text.lower() for literal in LITERALS):
        return False
    words = [w.strip(".'-").lower() for w in _WORD.findall(text)]
    if HOW & set(words):
        return False
    checks = [i for i, w in enumerate(words) if w in CHECK]
    asks = bool(checks or LICENCE & set(words))
    for i, word in enumerate(words):
        marker = word.replace(".", "") in MARKER_WORDS
        this = word in THIS_MARKERS or (marker and bool(THIS & set(words[i + 1 : i + 2])))
        if (this and asks) or (marker and any(0 < i - c <= 2 for c in checks)):
            # "pt ini resmi gk", "cek perusahaannya", "mau cek perusahaan"
            return named_company(text) is None
    return False


def given_name(text: str) -> str | None:
    """The company name a reply to "what is the company's name?" gives: the whole reply
    ("Sumber Rejeki Abadi"), maybe after "namanya" and before "resmi gk?"; None when the
    reply is something else ("lupa namanya", "biayanya berapa?")."""
    tokens = list(_WORD.finditer(text))
    plain = [t.group().strip(".'-").lower() for t in tokens]
    if not tokens or UNKNOWN & set(plain) or (QUESTIONS & set(plain) and not LICENCE & set(plain)):
        return None
    first = next((i for i, w in enumerate(plain) if w not in NAME_LEADS), len(tokens))
    if first == len(tokens):
        return None
    start = after = tokens[first].start()
    if plain[first].replace(".", "") in MARKER_WORDS:
        after = tokens[first].end()
    words, end = _name_words(text, after, agent=plain[first] in AGENT_MARKERS)
    rest = {w.strip(".'-").lower() for w in _WORD.findall(text, end)}
    if not _has_name_word(words) or not rest <= STOP | PARTICLES:
        return None  # "biaya ke taiwan": the reply goes on about something else
    if rest and not rest & LICENCE and not rest <= PARTICLES:
        return None
    return text[start:end].strip()
