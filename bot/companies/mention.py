"""Finding a company name in a chat message ("PT Maju Jaya resmi gak?", "cek pt sinar abadi").

Runs on every free-text message, so a message without a company marker costs one regex search
that fails at once; a marker followed only by generic words ("cara cek PT resmi?") names no
company and the knowledge base answers it."""

from __future__ import annotations

import re

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
    datang dtg bilang
    tapi tetapi tp namun dan serta terus trus lalu kemudian sekarang skrg karena krn soalnya
    padahal malah juga jg minta meminta belum blm gaji uang bayar membayar dibayar
    saya sy aku aq gue gw kami kita dia mereka beliau
    ne nu ni side tiang mele nane nike nahu ita
    ngomong omong ganti rugi tipu nipu menipu kabur hilang janji menjanjikan potong memotong
    said says say told tell tells took take takes gave give gives asked asks ask wants want
    wanted fee fees owner owners but because that which who when where how why what will
    would should could did didn't not no never me my us our we they he she it his her their
    brought sent made make charged charge deducted kept keeps refused refuses
    """.split()
)
"""Words that end a company name typed in a sentence: a name ends where the story goes on
("lewat PT Maju Jaya tapi gaji tidak dibayar") or a person is named ("agen saya")."""
NOT_A_FIRST_WORD = frozenset("anak istri suami adik adek kakak ibu bapak pak bu keluarga".split())
"""A word that, right after the marker, makes it someone's agent, not a name ("agen anak sy")."""
GENERIC = frozenset(
    """
    penyalur penempatan pengerah tki tkw pmi p3mi pt cv resmi swasta lain baru nakal besar
    kecil luar negeri asing indonesia tersebut agency agen agensi perusahaan company companies
    penyalurnya perusahaannya ptnya
    """.split()
)
"""Words that do not make a name on their own ("PT penyalur", "perusahaan penempatan")."""
LITERALS = ("pt", "p.t", "p t", "cv", "perusahaan", "agen", "pjtki", "p3mi")
"""Every marker contains one of these: a message with none of them is passed over at once."""
MAX_WORDS = 6
MONEY = re.compile(r"(?i)rp\.?\d[\d.,]*\w*")
"""An amount ("Rp36", "rp5.000.000") is the story going on, not a name."""
_WORD = re.compile(r"[A-Za-z0-9&'.-]+")


def named_company(text: str | None) -> str | None:
    """The company name a message gives after PT / CV / perusahaan / agen, or None."""
    if not text:
        return None
    lowered = text.lower()
    if not any(literal in lowered for literal in LITERALS):
        return None
    for marker in MARKER.finditer(text):
        words: list[str] = []
        end = marker.end()
        for match in _WORD.finditer(text, end):
            gap = text[end : match.start()]
            if (words and any(ch in gap for ch in ',;?!\n()"')) or len(words) >= MAX_WORDS:
                break
            word = match.group().strip(".'-")
            if not word or word.lower() in STOP or MONEY.fullmatch(word):
                break
            if not words and word.lower() in NOT_A_FIRST_WORD:
                break
            words.append(word)
            end = match.end()
            if match.group().endswith("."):
                break
        named = any(any(ch.isalpha() for ch in w) for w in words)
        if named and not all(w.lower() in GENERIC for w in words):
            return f"{marker.group().strip()} {' '.join(words)}"
    return None
