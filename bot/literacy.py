"""People for whom writing is hard: "bisa sy telpon aja? sy gk bisa baca tulis" got an answer on
a worker out of reach ("telpon" read as calling a daughter abroad), a page to read. They get
what they can do without reading: a free number to call, and a report, which keeps voice notes
for its officer (a family chat tester, stop 48)."""

from __future__ import annotations

import re

SPEAK = "speak"
"""The reading's intent: the person would rather speak than write."""
CANNOT_READ = re.compile(
    r"\b(?:tidak|kurang|belum|nggak|ndak)\s+(?:bisa|lancar|pandai|bau|tau|tahu|mampu|paham)\s+"
    r"(?:baca|membaca|nulis|menulis|tulis|ngetik|mengetik|huruf|mace)\b"
    r"(?!\s+(?:kontrak|kontraknya|perjanjian|perjanjiannya|surat|suratnya|dokumen|bahasa|"
    r"tulisan|isi|isinya|huruf (?:arab|cina|mandarin|kanji|hangul)|mandarin|arab|inggris))"
    r"|\b(?:susah|sulit)\s+(?:baca|membaca|nulis|menulis|ngetik|mengetik)\s*(?:tulis\b|$|\|)"
    r"|\bbuta huruf\b"
    r"|\b(?:cannot|can't|can not|unable to|do not know how to|don't know how to)\s+"
    r"(?:read|write|type)\b(?!\s+(?:the|my|this|that|it|chinese|arabic|english))"
    r"|\billiterate\b"
    r"|\b(?:typing|writing|reading) is (?:hard|difficult)\b"
    r"|\bhard (?:for me )?to (?:type|read|write)\b"
    r"|\b(?:cannot|can t|cant) (?:read|write) (?:well|much)\b"
)
"""Saying that reading or writing is hard ("sy gk bisa baca tulis", "ibu sy buta huruf", "tiang
ndek bau baca"): not a contract or a language one cannot read ("tidak bisa baca kontrak")."""
RATHER_SPEAK = re.compile(
    r"\b(?:bisa|boleh|mau|ingin|pengen|can i|could i|may i)\b(?:\s+\w+){0,2}\s+"
    r"(?:telepon|nelpon|call|bicara|ngomong)\s+(?:saja|langsung)\b"
    r"|\b(?:bisa|boleh|can i|could i)\b(?:\s+\w+){0,3}\s+(?:lewat|via|pakai|pake|by)\s+"
    r"(?:telepon|suara|voice|vn|phone)\b"
    r"|\b(?:lebih|better)\s+(?:baik|bagus|enak|to)?\s*(?:telepon|nelpon|call|bicara|ngomong)"
    r"|\b(?:kirim|pakai|pake)\s+(?:vn|voice note|pesan suara)\s+(?:saja|aja)\b"
    r"|\bprefer to (?:call|talk|speak)\b|\b(?:talk|speak) to (?:a person|someone) on the phone\b"
)
"""A wish to speak rather than write ("bisa telpon aja?", "ngomong langsung aja")."""
OTHER_TONGUE = re.compile(r"\b(?:bahasa|inggris|english|mandarin|kanji|hangul|chinese|korean)\b")
"""A language one cannot read ("gk bisa baca sms dari agensi krn bahasa inggris"): not
reading itself."""
REPORTING = frozenset(
    "lapor melapor ngelapor laporan laporannya pengaduan mengadu aduan adukan report complaint "
    "complain".split()
)
CUES = (
    "baca",
    "tulis",
    "nulis",
    "ngetik",
    "huruf",
    "mace",
    "read",
    "writ",
    "typ",
    "illiterate",
    "telepon",
    "nelpon",
    "call",
    "bicara",
    "ngomong",
    "suara",
    "voice",
    "vn",
    "phone",
    "talk",
    "speak",
)
"""Letters every message read by the patterns below holds: one of them, or none is tried."""
SPEAK_MAX_WORDS = 20
"""Longer messages are stories, answered for what they tell ("ibu sy buta huruf jadi ditipu
calo ..."), not for how the writer would rather talk."""


def speaks_rather_than_writes(standard: str) -> bool:
    """A short message saying that reading or writing is hard, or asking to speak instead.
    `standard`: the message in standard spelling (knowledge.danger's reading: "gk" is
    "tidak", "telpon aja" is "telepon saja")."""
    if not any(cue in standard for cue in CUES):
        return False  # most messages: one pass over the text, no pattern tried
    words = standard.split()
    if len(words) > SPEAK_MAX_WORDS or REPORTING.intersection(words):
        return False  # "bisa bicara langsung dgn petugas utk pengaduan?": the report's answer
    if OTHER_TONGUE.search(standard):
        return False
    return bool(CANNOT_READ.search(standard) or RATHER_SPEAK.search(standard))


CALL_ME = "call_me"
"""The reading's intent: the person asks to be phoned ("ini nomor sy 0819..., tolong telpon sy
pak"); the chat cannot phone, and says who can be called and who can write back."""


def asks_to_be_phoned(standard: str, call_me: re.Pattern[str]) -> bool:
    """A short message asking to be phoned, by the danger rules' own patterns of it (which keep
    the learnt model from reading it as a plea): a story with "tolong hubungi saya" at its end
    is answered for what it tells."""
    if not any(cue in standard for cue in CALL_CUES):
        return False  # most messages: one pass over the text, no pattern tried
    return len(standard.split()) <= SPEAK_MAX_WORDS and bool(call_me.search(standard))


CALL_CUES = ("telepon", "telpon", "hubungi", "kontak", "nomor", "call", "contact", "phone")
"""Letters every request to be phoned holds (danger.yaml's `call_me`)."""


REPORT_COST = "report_cost"
"""The reading's intent: the person asks whether reporting costs money."""
COST_WORDS = frozenset(
    "bayar biaya biayanya gratis free cost costs pay ongkos tarif berbayar duit bayah".split()
)
WAGE_WORDS = frozenset("gaji gajinya digaji upah salary wage wages paid dibayar".split())
"""Pay owed to the worker ("gaji blm bayar, lapor kmn?"): a report of it, not its cost."""
REPORT_COST_MAX_WORDS = 14


IMPOSTOR = re.compile(
    r"\b(?:ngaku|mengaku|ngakunya|ngaku2|mengaku2|ngakuin|claiming|claims|claimed|pretending|"
    r"pretends|says he is|said he was|katanya dari)\b(?: [a-z]+){0,3} (?:petugas|officer|kbri|"
    r"kjri|kp2mi|bp2mi|bp3mi|polisi|polis|police|migran|desa|kades|pemerintah|dinas|disnaker|"
    r"disnakertrans|kemlu|embassy|konsulat|kedutaan|kedubes|kementerian|kemnaker|ministry)"
    # "itu beneran petugas gk?" after such a call (a tester of the family after a report)
    r"|\b(?:beneran|bener|benar|asli|resmi)\b (?:\w+ )?(?:petugas|officer|dari kbri|dari kedutaan|"
    r"dari kementerian|dari kp2mi)"
)
ASKED_FOR = re.compile(
    r"\b(?:transfer|tf|trf|kirim uang|kirim duit|bayar|uang|duit|rp|\d+ ?(?:rb|ribu|jt|juta)|"
    r"ktp|nik|pin|otp|kode|money|pay|payment)\b"
)
"""What an impostor asks for: money, an identity number, a code."""


def an_impostor_asks_for_money(folded: str) -> bool:
    """ "kmrn ada org ngaku petugas telpon sy minta nomor ktp sm transfer 500rb biar laporan
    cepet diproses": someone posing as an officer who wants money or an identity number (it
    opened a new report, and "sy udh transfer 200rb" got no warning: a family-side tester,
    stop 65). A report costs nothing."""
    found = IMPOSTOR.search(folded)
    if found is None:
        return False
    return found.group(0).split()[0] in REALLY or ASKED_FOR.search(folded) is not None


REALLY = frozenset("beneran bener benar asli resmi".split())


def asks_what_reporting_costs(words: list[str]) -> bool:
    """ "kalau sy lapor disini bayar gk?", "brp biaya laporan ini pak?": a short question
    naming a report and money (it got the rules on placement fees: a family chat tester,
    stop 49)."""
    return (
        0 < len(words) <= REPORT_COST_MAX_WORDS
        and bool(REPORTING.intersection(words))
        and bool(COST_WORDS.intersection(words))
        and not WAGE_WORDS.intersection(words)
    )
