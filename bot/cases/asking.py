"""A wish to ask a village officer something, not to report a problem: "sy mau ngomong sama
petugas", "bisa minta no hp petugas desa?", "mau tanya ke pak kadus soal jadwal pelatihan".

Such a person was taken through the whole report (who reports, the worker's name, the country,
the problem, danger now) before anyone could read their question (journeys testers, stops 61
and 62). A question goes to the officer with only the village it is routed by; once it names a
problem, the report's questions are asked after all (`bot.flows.case`).
"""

from __future__ import annotations

import re

from bot.cases.hints import categories_in
from knowledge.normalize import fold

ASK_OFFICER = "ask_officer"
"""The reading's intent: the person asks to speak with, or to reach, an officer."""

OFFICERS = frozenset(
    "petugas petugasnya officer officers staff staf kades kadus babinsa bhabinkamtibmas "
    "bhabin perangkat pendamping manusia human".split()
)
"""Who they ask for: the officers of the village, or a person rather than the assistant. Not
"admin": families address the assistant so ("admin, mau tanya biaya ke taiwan")."""
OFFICER_PHRASES = (
    *("pihak desa", "orang desa", "kantor desa", "real person", "customer service"),
    # "sy mau bicara sm orang bukan robot" (an officers-wanted tester, stop 62)
    *("bukan robot", "bukan bot", "orang asli", "orang beneran", "manusia asli", "not a bot"),
    "not a robot",
)
NUMBER_WORDS = frozenset(
    "nomor nomer no hp wa whatsapp telp telpon telepon tlp number phone".split()
)
SPEAKING = NUMBER_WORDS | frozenset(
    "ngomong omong bicara berbicara ngobrol obrol tanya bertanya nanya tanyakan menanyakan "
    "konsultasi konsul curhat hubungi menghubungi hubungkan sambungkan kontak ketemu bertemu "
    "jumpa chat talk speak ask contact reach connect meet vc video videocall call".split()
)
"""What they want of the officer: to talk, to ask, to be put through, the officer's number."""
REPORTING = frozenset(
    "lapor melapor laporan lapokan ngelapor melaporkan dilaporkan mengadu ngadu ngadukan "
    "adukan aduan pengaduan report complain complaint".split()
)
"""A report asked for in so many words: the report, whatever else is said."""
WISH_WORDS = frozenset(
    "sy saya aku aq kami mau ingin pengen pingin mo bisa boleh minta tolong dong ya yg yang "
    "sama sm dengan dgn ke k kepada sama pak bu kak min i want to would like can could please "
    "with an a the of desa village nya apa gimana gmn caranya cara".split()
)
"""The words of the wish itself; anything more is the question to pass on."""
MAX_WORDS = 14
"""Longer messages tell a story in which an officer is met or phoned ("Barusan petugas KBRI
telpon agensinya, katanya ..."): they are read for what they tell."""
NEAR = 4
"""How close the wish and the officer stand: "minta no hp petugas", "petugas bisa dihubungi"."""


def asks_for_an_officer(text: str) -> bool:
    """A short message that asks to talk to, or to reach, an officer and names no problem to
    report (a named problem, or the word "lapor", keeps the report; danger is read before)."""
    folded = fold(text)
    for phrase in OFFICER_PHRASES:
        folded = folded.replace(phrase, "petugas")
    words = folded.split()
    if not words or len(words) > MAX_WORDS or not REPORTING.isdisjoint(words):
        return False
    officers = [n for n, w in enumerate(words) if w in OFFICERS]
    wishes = [n for n, w in enumerate(words) if w in SPEAKING]
    near = any(abs(o - w) <= NEAR for o in officers for w in wishes)
    return near and not categories_in(text)


def asks_for_an_officers_number(text: str) -> bool:
    """The officer's own number asked for ("minta no hp petugas desa")."""
    return not NUMBER_WORDS.isdisjoint(fold(text).split())


def says_more_than_the_wish(text: str) -> bool:
    """Whether the message holds a question of its own ("mau tanya petugas soal jadwal
    pelatihan korea"), which is passed on, or only the wish to talk."""
    said = set(fold(text).split()) - OFFICERS - SPEAKING - WISH_WORDS
    return len(said) >= 2


MY_REPORT = (
    r"(?:(?:laporan|report|aduan|pengaduan) (?:saya|sy|aku|ku|kami|my)|laporannya|laporanku|"
    r"my report)"
)
AFTER_A_REPORT = re.compile(
    rf"\b{MY_REPORT}(?: (?!cara)\w+){{0,3}} (?:gimana|gmn|gmna|bagaimana|sampai mana|sampe mana|"
    r"tidak ada|gk ada|gak ada|ga ada|nggak ada|hilang|ilang|kemana|ke mana|udah sampai|"
    r"sudah sampai)\b(?! cara)"
    rf"|\b(?:gimana|gmn|gmna|bagaimana|kok|kenapa|knp) (?:\w+ )?{MY_REPORT}\b"
    r"|\b(?:yang|yg) (?:kemarin|kemaren|kmrn|minggu lalu|dulu|pernah|sudah|udah|udh|sdh) "
    r"(?:lapor|melapor|ngadu|mengadu)\b"
    r"|\b(?:mau|ingin|pengen|mo) (?:nambahin|nambah|menambahkan|tambahin|tambah) "
    r"(?:info|informasi|keterangan|data|cerita)\b|\b(?:add|adding) (?:more )?(?:info|details)\b"
)
"""A report of one's own asked after or added to ("gmn laporan sy? udh seminggu", "kok
laporannya gk ada?", "sy yg kemarin lapor anak sy", "sy mau nambahin info"): where no report
is open, a question of where it stands, not a topic (a family-side tester, stop 63: they got
choices of topics)."""
AFTER_A_REPORT_WORDS = 14


def asks_after_a_report(text: str) -> bool:
    """A short message asking after, or adding to, a report of one's own."""
    folded = fold(text)
    return len(folded.split()) <= AFTER_A_REPORT_WORDS and AFTER_A_REPORT.search(folded) is not None
