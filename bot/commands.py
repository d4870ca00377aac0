"""Commands a user can type at any point (id and en words, or as /slash commands)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import dropwhile, pairwise

from knowledge.normalize import fold

COMMANDS: dict[str, tuple[str, ...]] = {
    "menu": (
        "menu",
        "start",
        "mulai",
        "menu utama",
        "main menu",
        "kembali ke menu",
        "home",
        # a pause, not the end: in a form the menu keeps it for *lanjut* ("stop dulu" cancelled
        # a departure's every answer: a forms tester, stop 65)
        "stop dulu",
        "berhenti dulu",
        "nanti dulu",
        "nanti lagi",
        "bentar dulu",
        "sebentar dulu",
        "tunggu dulu",
        "pause",
        "later",
    ),
    "language": ("bahasa", "language", "ganti bahasa", "change language", "lang"),
    "training": ("pelatihan", "training", "daftar pelatihan", "ikut pelatihan", "kursus"),
    "urgent": ("lapor darurat", "urgent report"),
    "report": ("lapor", "report", "laporan", "lapor kasus", "buat laporan", "pengaduan", "adukan"),
    "register": (
        "lapor berangkat",
        "daftar keberangkatan",
        "lapor keberangkatan",
        "catat keberangkatan",
        "record departure",
        "record a departure",
        # English as a family asks it (a register tester, stop 63: choices of topics)
        "register departure",
        "register a departure",
        "report departure",
        "report a departure",
        "record my departure",
        "i want to record a departure",
    ),
    # English as a family writes it (an English forms tester, stop 55: "she has left" and
    # "returned" were refused, "departed" got the brokers' answer)
    "departed": (
        "sudah berangkat",
        "udah berangkat",
        "sdh berangkat",
        "already left",
        "departed",
        "has departed",
        "has left",
        "she has left",
        "he has left",
        "she left",
        "he left",
        "left already",
    ),
    "returned": (
        # the return to record, asked by name ("mau lapor pulang" opened a report; "sy mau
        # daftar kepulangan" got choices without it: a forms regression tester, stop 65)
        "lapor pulang",
        "lapor kepulangan",
        "daftar kepulangan",
        "catat kepulangan",
        "record the return",
        "record a return",
        "record return",
        "sudah pulang",
        "udah pulang",
        "udh pulang",
        "sdh pulang",
        "dah pulang",
        "sudah kembali",
        "sudah pulang kampung",
        "came home",
        "back home",
        "returned",
        "has returned",
        "she is back",
        "he is back",
        "she came home",
        "he came home",
        "came back",
    ),
    "moved": (
        "pindah majikan",
        "sudah pindah majikan",
        "changed employer",
        "changed employers",
        "new employer",
        "has a new employer",
    ),
    "status": (
        "status",
        "setatus",
        "cek status",
        "status saya",
        "my status",
        "laporan saya",
        "status laporan",
        "status laporan saya",
        "cek laporan",
        "cek laporan saya",
        "cek status laporan",
        "report status",
    ),
    "help": ("bantuan", "help", "tolong bantu", "panduan"),
    # what is kept about the person (a chat tester, stop 53: "sy mau liat data sy" got only
    # who sees it)
    "mydata": (
        "data saya",
        "data saya apa saja",
        "lihat data saya",
        "lihat data",
        "liat data saya",
        "liat data",
        "cek data saya",
        "my data",
        "show my data",
        "show me my data",
        "see my data",
        "what data do you have",
        "what data do you keep",
    ),
    "erase": (
        "hapus data saya",
        "hapus data",
        "hapus dataku",
        "delete my data",
        "erase my data",
        "delete data",
        "hapus",
        "hapus semua data saya",
        "hapus semua data",
        "hapus semua datanya",
        "hapus semua",
        "delete all my data",
    ),
    "cancel": (
        "batal",
        "cancel",
        "batalkan",
        "stop",
        "berhenti",
        "keluar",
        "gak jadi",
        "ga jadi",
        "gk jadi",
        "nggak jadi",
        "ngga jadi",
        "enggak jadi",
        "tidak jadi",
        "tdk jadi",
        "gajadi",
        "batal aja",
        "batal saja",
        # Sasak and Lombok speech (a family chat tester, stop 48)
        "ndak jadi",
        "ndk jadi",
        "ndek jadi",
        "ndeq jadi",
    ),
    "resume": ("lanjut", "lanjutkan", "resume", "continue"),
    "subscribe": (
        "info desa",
        "berita desa",
        "kabar desa",
        "langganan info desa",
        "dapat info desa",
        "dpt info desa",
        "dapat kabar desa",
        "dpt kabar desa",
        "village news",
        "subscribe",
    ),
    "unsubscribe": ("berhenti info desa", "stop info desa", "berhenti langganan", "unsubscribe"),
    # a language asked for by name is set at once, without the picker (the ids are the
    # picker's buttons)
    "lang:en": (
        "english",
        "in english",
        "english please",
        "in english please",
        "bahasa inggris",
        "pakai bahasa inggris",
        "ganti bahasa inggris",
        "ganti ke bahasa inggris",
        "speak english",
        "can you speak english",
        "do you speak english",
    ),
    "lang:id": (
        "bahasa indonesia",
        "ganti bahasa indonesia",
        "ganti ke bahasa indonesia",
        "gk ngerti bahasa inggris",
        "gak ngerti bahasa inggris",
        "ga ngerti bahasa inggris",
        "tidak ngerti bahasa inggris",
        "tidak mengerti bahasa inggris",
        "tidak paham bahasa inggris",
        "gak bisa bahasa inggris",
        "tidak bisa bahasa inggris",
        "bahasa indonesia aja",
        "bahasa indonesia saja",
        "pakai bahasa indonesia aja",
        "indonesia aja",
        "pakai bahasa indonesia",
        "in indonesian",
        "indonesian",
        "indonesian please",
    ),
}
_LOOKUP = {fold(word): name for name, words in COMMANDS.items() for word in words}


INDONESIAN_ASKED = re.compile(
    r"\b(?:bisa|boleh|pakai|pake|can|could|use|please|pls|mau|minta)\b(?: \w+){0,2} "
    r"(?:bahasa|bhs|bhsa|basa|b) (?:indonesia|indo|indon)\b"
    r"|\bmy english (?:is )?(?:not|no|tidak|gk|kurang) (?:good|bagus|lancar)\b"
    r"|\b(?:gk|ga|gak|nggak|ngga|tidak|tdk|kurang|ndak|ndk|ndek|ndeq|nda) (?:ngerti|mengerti|"
    r"paham|faham|taoq|tao|bisa) (?:bahasa|bhs|bhsa|basa|bahase|b) inggris\b"
    # "bhs indonesia aja pak" (a regression tester, stop 53)
    r"|^(?:bahasa|bhs|basa|bahase) (?:indonesia|indo)(?: (?:aja|saja|dong|ya|pak|bu|kak|mas|"
    r"mbak|please|pls))*$"
)
ENGLISH_ASKED = re.compile(
    r"\b(?:please|pls|plz) (?:use |speak |reply in |answer in |write in |in )?english\b"
    r"|\b(?:can|could) (?:you|u) (?:use|reply in|answer in|write in|talk in|speak) english\b"
    r"|\b(?:dont|don t|do not|cant|can t|cannot|not) (?:understand|read|speak|know) "
    r"(?:indonesian|bahasa|indonesia|bahasa indonesia)\b"
    r"|^(?:use|reply in|answer in|write in|talk in) english\b"
    r"|\b(?:pakai|pake|minta|ganti)\b(?: \w+){0,2} (?:bahasa|bhs|bhsa|basa|b) inggris\b"
)
"""English asked for in a short message ("please use english" got "I am not sure I
understood": a chat tester, stop 53); not one's employer's English ("majikan sy pake bhs
inggris")."""
ERASE_ASKED = re.compile(
    r"\b(?:hapus|hapusin|hapuskan|menghapus|dihapus|apus|apusin|diapus|apusang|hapusang|"
    r"delete|erase|remove)\b(?: \w+){0,3} (?:data|dataku|datanya)\b"
    r"|\bdata (?:\w+ ){0,2}(?:dihapus|dihapusin|hapus|hapusin|diapus|apus|deleted|erased|"
    r"removed)\b"
    r"|\b(?:delete|erase|remove) (?:everything|all) (?:about me|of me|you have|my)\b"
)
"""Deleting one's data asked for among other words ("sy mau hapus data sy, takut dipake
calo", Sasak "tiang mele data tiang dihapus": only the privacy answer, a chat tester, stop
53); the erase command asks yes or no before anything goes."""
ERASE_ASKED_WORDS = 14
OTHER_PHONE_WORDS = 20
NOT_A_REQUEST = frozenset("kalau kalo klo jika if gimana gmn bagaimana how what apa".split())
"""A question about deleting ("kalau data sy dihapus laporan sy hilang gk?"), not a request."""
CONSENT_WITHDRAWN = re.compile(
    r"\b(?:tarik|menarik|narik|cabut|mencabut|batalkan|batalin|membatalkan|withdraw|revoke|"
    r"take back)\b(?: \w+){0,2} (?:persetujuan|consent)\b"
)
"""Consent withdrawn ("sy mau tarik persetujuan sy", "I withdraw my consent"): under the data
protection law it ends the keeping of the data, so it is the erasing, asked to confirm (a
family-side tester, stop 65: it got "added to your report")."""
DATA_ASKED = re.compile(
    r"\b(?:lihat|liat|cek|check|see|show|tampilkan|tunjukkan)(?: (?:me|my|semua|all))? (?:my )?"
    r"data(?: (?:saya|sy|aku|ku|tiang|nahu|pribadi|diri))?(?: \w+){0,2}$"
    r"|^(?:\w+ )?data (?:saya|sy|aku|ku|tiang|nahu|my)\b(?: \w+){0,4}$"
    # a copy asked for ("minta salinan data sy", "can i get a copy of my data": a family-side
    # tester, stop 65, got "added to your report")
    r"|\b(?:salinan|kopi|copy|copies|fotokopi|rekap)\b(?: \w+){0,2} data\b"
)
"""One's own data asked to be seen, or whether it is still there ("data sy msh ada gk?")."""
DATA_WRONG = re.compile(
    r"\b(?:nomor|no|nmr|nomer|nama|desa|data|alamat|number|name|village)\b(?: \w+){0,3} "
    r"(?:salah|keliru|wrong|incorrect)\b"
    r"|\b(?:ganti|ubah|change|correct|update|perbaiki|betulkan|benerin)\b(?: \w+){0,2} "
    r"(?:nomor|no hp|nomer|nama|data|phone number|my number|my name|my phone)\b"
)
"""One's own data said to be wrong, or asked to be changed ("pak nomor hp sy salah, yg bener
...", "i want to change my phone number": the privacy answer, or "added to your report"; a
regression tester, stop 53): what is kept, and how it is corrected."""
WHO_ASKS = frozenset("siapa who whom".split())
PAPERS = frozenset(
    "paspor pasport passport visa kontrak contract ktp kk ijazah sertifikat siskop2mi siskop "
    "bpjs rekening bank wa whatsapp imigrasi disnaker kp2mi bp2mi bp3mi".split()
)
"""A paper's or another system's data ("nomor paspor sy salah di visa", "cara cek data di
siskop2mi", "data sy di bpjs salah"): not what this service keeps (a false-positive tester,
stop 53)."""
OTHER_PHONE = re.compile(
    r"\b(?:kmrn|kemarin|kemaren|sudah|udah|udh|sdh|td|tadi|pernah|lalu) (?:\w+ )?"
    r"(?:lapor|melapor|ngadu|mengadu)\w* (?:\w+ ){0,3}(?:lewat|lwt|pakai|pake|dari|dr|via|di) "
    r"(?:hp|hape|handphone|nomor|nomer|no|wa|whatsapp)\b(?! (?:ini|sendiri|saya|sy)\b)"
    r"|\breported (?:\w+ ){0,3}(?:from|with|on|using) (?:\w+ ){0,2}(?:phone|number|whatsapp)\b"
)
"""A report sent from another phone ("sy kmrn lapor lwt hp anak sy") asked after: where it
stands, not a new report (a chat tester, stop 53: the form started again)."""
ERASED_BY_OTHERS = frozenset(
    "majikan bos boss employer agen agency agensi sponsor calo pt perusahaan dia mereka "
    "he she they".split()
)
"""Someone else deleting data ("majikan hapus data di hp sy"): not a request to us."""
OTHERS_SPEECH = frozenset("majikan majikanku bos boss employer agen agency madam sir".split())
"""The employer's language, not the chat's ("majikan sy cuma bisa bahasa inggris"). Unlike
`ERASED_BY_OTHERS` it holds "madam" and "sir", which a request to us may be addressed to."""
LANGUAGE_ASKED_WORDS = 12
"""Indonesian asked for in a short message of other words ("sorry my english not good, bisa
bahasa indonesia?" got the work-contract answer in English: a chat tester, stop 50)."""
SOMEONE_ELSE = frozenset(
    "anak anaknya adik kakak istri suami ibu bapak dia mereka she he they daughter son".split()
)
"""Not a language someone else speaks ("anak sy bisa bahasa indonesia")."""
LEADING: dict[str, str] = {
    "lapor": "report",
    "laporan": "report",
    "pengaduan": "report",
    "adukan": "report",
    "aduan": "report",
    "report": "report",
    "daftar": "training",
    "register": "training",
}
"""First words that start a form with the rest of the message ("LAPOR nama saya ...")."""
AFTER_WISH: dict[str, str] = {
    **LEADING,
    "melapor": "report",
    "melaporkan": "report",
    "mengadu": "report",
    "mengadukan": "report",
    "mendaftar": "training",
}
"""The same, after a wish, where the verb's other forms are how it is written ("saya ingin
melaporkan ...")."""
LEADING_WORD = {"report": "lapor", "training": "daftar"}
LEAVING = frozenset("berangkat brgkt brangkat brngkt keberangkatan pergi".split())
"""A departure named right after "lapor": the record of who leaves, not a problem report."""
TO_THE_POLICE = re.compile(r"\b(?:ke|sama|sm|di|d) (?:polisi|polres|polda|polsek|kepolisian)\b")
"""A report to the police is the person's own: how to make it is a question for the answers,
not the village report form."""
RETURNED_WORDS = frozenset("pulang plg plng balik kembali".split())
JUST = frozenset("sudah sdh udh udah dah baru telah".split())
RETURN_MAX_WORDS = 10
NOT_RETURNED = frozenset("tidak tdk gk ga gak nggak belum blm blom bisa boleh mau ingin".split())


def tells_a_return(words: list[str]) -> bool:
    """A return named right after "lapor" ("lapor kepulangan", "lapor sy baru plg dr brunei"):
    the record of who comes home, not a problem report. "lapor anak sy tidak boleh pulang" is
    one."""
    if len(words) > RETURN_MAX_WORDS or NOT_RETURNED.intersection(words):
        return False  # "lapor suami sy udh pulang tp gaji blm dibayar" is a problem
    if words[:1] == ["pulang"] and len(words) <= RETURN_NAMED_WORDS:
        return True  # "mau lapor pulang" opened a problem report (a forms tester, stop 65)
    return "kepulangan" in words or any(
        a in JUST and b in RETURNED_WORDS for a, b in pairwise(words)
    )


RETURN_NAMED_WORDS = 3
"""A return named right after "lapor" in this many words ("lapor pulang pak")."""


NOUN_FORMS = frozenset(("laporan", "pengaduan", "aduan"))
"""A noun opens a form only when typed as a keyword ("LAPORAN ...", "Pengaduan: ..."); in a
plain sentence it is told of ("Laporan saya diterima tapi belum ada kabar")."""
TRAINING_WORDS = frozenset("pelatihan latihan kursus training course blk lpk".split())


OWN_CODE = re.compile(r"\b[KPR]-[A-Z0-9]{6}\b", re.IGNORECASE)
"""A report's, a training registration's or a register entry's code, as the chat gave it
("cek R-D6D3DT" after recording a departure was not understood)."""
CODE_MAX_WORDS = 8
ABOUT_A_CODE = frozenset(
    "cek check status laporan lapor report no nomor nmr kode code gmn gimana bagaimana apa "
    "kabar kabarnya sudah udh sdh belum blm sampai mana dimana proses prosesnya info dicek "
    "pendaftaran daftar registration training pelatihan keberangkatan register data my the of "
    "is what how".split()
)
"""Besides a code, all a status question says ("cek laporan no K-45JZCQ"); "K-45JZCQ anak sy
udh bisa ditelpon pak" is news for the officer, not a status question."""
FILLERS = frozenset(
    "eh deh dong donk aja ya yah ah kak pak bu min please pls sy saya aku tolong tlg iya iy ok "
    "oke okay okey yes nanti nnti ntar entar dulu later "
    # Sasak and Mbojo "I" ("hapus data nahu" got the privacy text: a family chat tester, stop 51)
    "tiang nahu".split()
)
"""Words around a whole-message command that change nothing: "eh gk jadi deh", "sy udh pulang
kak", "bahasa indonesia aja deh", "gk jadi deh, nanti aja" (saved into a report as its
story: a chat tester, stop 47)."""
GREETINGS = frozenset(
    "assalamualaikum asalamualaikum assalamualaikom assalamu alaikum salam wr wb wrwb halo hallo "
    "hai hi hello helo selamat pagi siang sore malam permisi maaf".split()
)
"""A greeting before a command ("assalamualaikum, sy mau lapor, ..." got only the answer: a
regression tester, stop 53)."""
WANTING = frozenset("mau ingin pengen pingin pgn mo mohon izin ijin want like mele".split())
"""Words that say the command is wanted ("sy mau lapor, ...", "izin lapor pak"), where a
command word after them opens its form. "Saya lapor ke KDEI" tells of a report made."""
BEFORE_COMMAND = (
    WANTING
    | frozenset(
        "saya sy aku aq gw gue kami tiang nahu i would to pak bu bapak ibu kak mas mbak min admin "
        "bang om sir permisi halo hai ok oke okay okey ya iya iyaa baik yaudah yes "
        # "tolong sy mau lapor" (please, I want to report: a forms tester, stop 65)
        "tolong tlg mohon please pls".split()
    )
    | GREETINGS
)
"""... and a yes or an ok before the wish ("ok sy mau hapus data saya" was told to type *hapus
data saya*: a chat tester, stop 46)."""
WANTABLE = frozenset(
    "menu language training urgent report register status erase subscribe unsubscribe "
    "lang:en lang:id mydata".split()
)
"""Commands a wish can name ("saya mau hapus data saya"); not "pindah majikan" (wanting to
change employer is a question, not the news that one did) or "keluar"."""


def _wanting(words: list[str]) -> int:
    """How many words before a command say it is wanted ("pak sy mau"); 0 when none does."""
    i = 0
    while i < len(words) and fold(words[i]) in BEFORE_COMMAND:
        i += 1
    return i if WANTING.intersection(fold(w) for w in words[:i]) else 0


LAST_CLAUSE = re.compile(r"[,.;!\n]+")
AFTER_THE_VERB = frozenset("pak bu ya dong deh aja saja kak min bapak ibu".split())
TRAILING_REPORT_MIN_WORDS = 6
"""A story this long before "mau lapor" at its end (a bare "mau lapor" is the form already)."""


def _report_wished_at_the_end(text: str) -> bool:
    """A story whose last clause wishes to report ("..., mau lapor", "..., sy ingin melapor
    pak"): the report carries the story. It got the answer on unpaid wages and "Ketik *lapor*"
    (a family-side tester, stop 56). Not a report to the police, which is the family's own."""
    clauses = [c for c in LAST_CLAUSE.split(text) if c.strip()]
    if len(clauses) < 2 or len(" ".join(clauses[:-1]).split()) < TRAILING_REPORT_MIN_WORDS:
        return False
    last = [w for w in fold(clauses[-1]).split() if w not in AFTER_THE_VERB]
    wished = _wanting(last)
    if not wished > 0 or wished != len(last) - 1:
        return False
    return AFTER_WISH.get(last[-1]) == "report"


TROUBLE_ON_THE_WAY = frozenset(
    "calo tekong sponsor ilegal illegal tikus ditipu tipu penipuan palsu tanpa".split()
)
"""Beside "lapor ... berangkat", a departure's trouble to report, not a departure to record."""


def leading_command(text: str | None, is_question: Callable[[], bool]) -> str | None:
    """The form a message opens with its first word, as SMS keywords do: "LAPOR anak saya
    disekap", "Lapor: gaji belum dibayar", "DAFTAR pelatihan las", also after a wish ("Pak sy
    mau lapor, suami sy tidak digaji"). A question that merely starts with the word ("lapor ke
    mana kalau gaji tidak dibayar?") is not a command."""
    if not text:
        return None
    if _report_wished_at_the_end(text) and not is_question():
        return "report"  # "ibu sy d saudi udh 8 bulan gk digaji majikan, mau lapor"
    raw = list(dropwhile(lambda w: fold(w) in GREETINGS, text.split()))
    stripped = " ".join(raw)
    wished = _wanting(raw)
    verb = AFTER_WISH.get(fold(raw[wished])) if 0 < wished < len(raw) else None
    if verb is not None:
        if len(raw) - wished == 1:
            return None if is_question() else verb  # "mau lapor"
        stripped = " ".join([LEADING_WORD[verb], *raw[wished + 1 :]])
    first = stripped.split(maxsplit=1)[0] if stripped else ""
    word = fold(first)
    command = LEADING.get(word)
    if command is None or len(stripped.split()) < 2:
        return None
    if command == "report" and fold(stripped).split()[1:2] == ["diri"]:
        return None  # "lapor diri ke kbri perlu gk": registering with the mission (stop 64)
    if command == "report" and TO_THE_POLICE.search(fold(stripped)):
        return None  # "sy mau lapor calo ke polisi": how to, answered; the village form is offered
    if (
        command == "report"
        and LEAVING.intersection(fold(stripped).split()[1:5])
        and TROUBLE_ON_THE_WAY.isdisjoint(fold(stripped).split())
    ):
        # "lapor berangkat anak saya ke Taiwan", "lapor anak sy brgkt"; not "lapor anak sy
        # brgkt lwt calo", a broker to report (it met the departure register: an
        # officers-wanted tester, stop 62)
        return "register"
    shouted = first.strip(".,:;!-").isupper() and len(word) > 3
    marked = first[-1:] in ":,!-" or stripped[len(first) : len(first) + 2].lstrip()[:1] in ":-"
    if word in NOUN_FORMS and not (shouted or marked):
        return None
    if command in ("report", "training") and tells_a_return(fold(stripped).split()[1:]):
        # "lapor kepulangan, sy baru plg dr brunei"; "sy mau daftar kepulangan" got choices
        # without the return's record (a forms tester, stop 65)
        return "returned"
    if command == "training" and not BUSINESS_WORDS.isdisjoint(fold(stripped).split()):
        # "sy mau daftar pelatihan usaha nya pak" opened the pre-departure courses (a chat
        # tester, stop 53): business training for returnees is not among them; answered
        return None
    if command == "training":
        about_training = bool(set(fold(stripped).split()[1:4]) & TRAINING_WORDS)
        if shouted or (about_training and (marked or not is_question())):
            return command
        return None
    return command if shouted or marked or not is_question() else None


BUSINESS_WORDS = frozenset(
    "usaha wirausaha kewirausahaan bisnis business dagang berdagang umkm modal entrepreneur".split()
)
"""Training for a business, which the training form (courses for work abroad) does not hold."""


WITHDRAW = "withdraw"
TAKING_BACK = frozenset(
    "batal batalkan batalin membatalkan cancel mundur undur mengundurkan withdraw".split()
)
"""Words that take back one's own registration ("batalin pendaftaran", "mengundurkan diri");
not "dibatalkan", which tells of a course called off."""
NOT_GOING = frozenset("gak ga gk g nggak ngga enggak engga tidak tdk ndak".split())
GOING = frozenset(("jadi", "jd"))
REGISTERED_FOR = TRAINING_WORDS | frozenset(
    "daftar pendaftaran pendaftarannya mendaftar registrasi registration".split()
)
TRAINING_CODE = re.compile(r"\bP-[A-Z0-9]{6}\b", re.IGNORECASE)
ABOUT_WITHDRAWING = (
    TAKING_BACK
    | NOT_GOING
    | GOING
    | REGISTERED_FOR
    | FILLERS
    | BEFORE_COMMAND
    | frozenset("gajadi ikut diri dari saja yg yang sudah udah sdh kode no nomor my from".split())
    # the course and whose it is ("sy tdk jadi ikut pelatihan bahasa korea pak", "anak sy gk
    # jadi ikut pelatihan, tlg batalin pendaftaran nya" began a new registration: stop 51)
    | frozenset(
        "bahasa korea jepang inggris arab mandarin las pengelasan caregiver perhotelan menjahit "
        "otomotif masak memasak anak adik istri suami nya".split()
    )
)
"""All a wish to withdraw says besides a registration's code: "sy gk jadi ikut pelatihan",
"sy mau batalin pendaftaran pelatihan"; "pelatihan saya dibatalkan LPK, uang tidak kembali"
is a problem to report."""


WITHDRAW_MAX_WORDS = 14
"""Every word of it about withdrawing, a wish can say it twice ("saya tidak jadi ikut
pelatihan, tolong batalkan pendaftaran saya" started a new registration at nine words: a
family chat tester, stop 51)."""
ASKING = frozenset("apakah apa kah knp kenapa mengapa gimana gmn ya yah kok".split())
"""Words that make a sentence about a registration being off a question about it."""


def withdraws(text: str | None) -> bool:
    """A wish to withdraw from a training: a word that takes something back ("batal", "gak
    jadi") and the registration (a training word, "daftar" or a P- code), nothing else."""
    stripped = (text or "").strip()
    words = fold(OWN_CODE.sub(" ", stripped)).split()
    if stripped.endswith("?") or ASKING.intersection(words):
        return False  # "pendaftaran sy batal?", "... batal gk ya": asks where it stands
    if not words or len(words) > WITHDRAW_MAX_WORDS or not set(words) <= ABOUT_WITHDRAWING:
        return False
    return takes_back(words) and bool(
        REGISTERED_FOR.intersection(words) or TRAINING_CODE.search(stripped)
    )


def takes_back(words: list[str]) -> bool:
    """A word that takes something back ("batal", "cancel", "gajadi") or "gak jadi": of a
    registration (`withdraws`) or of a report being filled in (bot/flows/form_steps)."""
    if TAKING_BACK.intersection(words) or "gajadi" in words:
        return True
    return any(a in NOT_GOING and b in GOING for a, b in pairwise(words))


def command_of(text: str | None) -> str | None:
    """The command a whole message is, e.g. '/start', 'Menu!', 'hapus data saya'."""
    if not text:
        return None
    stripped = text.strip()
    if stripped.startswith("/"):
        stripped = stripped[1:].split("@", 1)[0]
    folded = fold(stripped)
    found = _LOOKUP.get(folded)
    if found is not None:
        return found
    if withdraws(stripped):
        return WITHDRAW  # "batal pelatihan", "sy gk jadi ikut pelatihan"
    raw = stripped.split()
    if len(raw) <= CODE_MAX_WORDS and OWN_CODE.search(stripped):
        rest = set(fold(OWN_CODE.sub(" ", stripped)).split()) - FILLERS
        if rest <= ABOUT_A_CODE:
            return "status"  # "cek laporan no K-45JZCQ": where it stands
    found = _LOOKUP.get(_without_fillers(folded))
    if found is not None:
        return found
    asked = _asked_in_words(folded, len(raw))
    if asked is not None:
        return asked
    if _called_off_for_later(folded):
        return "cancel"  # "batal aja, nanti sy isi lg", "not now", "forget it, maybe later"
    wished = _wanting(raw)
    if not 0 < wished < len(raw):
        return None
    wanted = _LOOKUP.get(_without_fillers(fold(" ".join(raw[wished:]))))
    return wanted if wanted in WANTABLE else None  # "saya mau hapus data saya"


LANGUAGE_TALK = frozenset(
    "bahasa bhs bhsa basa bahase b indonesia indo indon inggris english indonesian pake pakai "
    "bisa boleh tolong tlg maaf sorry sy saya aku tiang i my me im gk ga gak nggak ngga tidak "
    "tdk kurang ndak ndk ndek ndeq nda ngerti mengerti paham faham taoq tao not dont don t cant "
    "can cannot understand read speak use please pls plz aja saja dong ya pak bu kak mas mbak "
    "min you u could reply answer write talk in minta mau ganti good bagus lancar is no the "
    "aq cuma cm hanya only just".split()
)
LANGUAGE_OTHER_WORDS = 1
"""A request for a language says little else: "sy cm bisa bhs indonesia, bisa kerja ke
malaysia gk" asks about work, and got only "language set" (a false-positive tester, stop
53)."""


def _only_of_language(folded: str) -> bool:
    return len(set(folded.split()) - LANGUAGE_TALK) <= LANGUAGE_OTHER_WORDS


LANGUAGE_NAMED = ("indo", "inggris", "english", "bahasa")
ERASING = ("hapus", "apus", "delete", "erase", "remove")
DATA_NAMED = ("data", "nomor", "nomer", "nama", "name", "number", "no ", "nmr", "desa", "alamat")
REPORTED_FROM = ("lapor", "ngadu", "adu", "reported")


def _asked_in_words(folded: str, words: int) -> str | None:
    """A command asked for among other words: a language, deleting or seeing one's data, a
    report sent from another phone. Each pattern is tried only when a word it needs is there
    (they run on every message: stop 53 measured them at 4% of a message's time)."""
    said = folded.split()
    if words <= LANGUAGE_ASKED_WORDS and any(w in folded for w in LANGUAGE_NAMED):
        if (
            INDONESIAN_ASKED.search(folded)
            and SOMEONE_ELSE.isdisjoint(said)
            and _only_of_language(folded)
        ):
            return "lang:id"  # "sorry my english not good, bisa bahasa indonesia?"
        if (
            ENGLISH_ASKED.search(folded)
            and (SOMEONE_ELSE | OTHERS_SPEECH).isdisjoint(said)
            and _only_of_language(folded)
        ):
            return "lang:en"  # "please use english", "bisa pake bhs inggris?"
    if words <= ERASE_ASKED_WORDS and any(w in folded for w in ERASING):
        erase = ERASE_ASKED.search(folded)
        if (
            erase is not None
            and NOT_A_REQUEST.isdisjoint(said)
            and ERASED_BY_OTHERS.isdisjoint(folded[: erase.start()].split())
        ):
            return "erase"
    if (
        words <= ERASE_ASKED_WORDS
        and ("persetujuan" in folded or "consent" in folded)
        and CONSENT_WITHDRAWN.search(folded)
    ):
        return "erase"  # "sy mau tarik persetujuan sy": what is kept goes, once confirmed
    if (
        words <= OTHER_PHONE_WORDS
        and any(w in folded for w in REPORTED_FROM)
        and OTHER_PHONE.search(folded)
    ):
        return "status"
    if (
        words <= ERASE_ASKED_WORDS
        and any(w in folded for w in DATA_NAMED)
        and (DATA_ASKED.search(folded) or DATA_WRONG.search(folded))
        and (ERASED_BY_OTHERS | WHO_ASKS | PAPERS).isdisjoint(said)
    ):
        return "mydata"  # not "who can see my data": the privacy answer
    if words <= DEPARTURE_RECORD_WORDS and DEPARTURE_RECORD.search(folded):
        return "register"  # "I want to record my sister's departure"
    return None


DEPARTURE_RECORD = re.compile(
    r"\b(?:record|register|report|log)\b(?: (?!failed|cancel|delay|late)\w+){0,3} "
    r"(?:departure|leaving)\b"
)
"""A departure to record, asked in English with the person's name or kin between (a register
tester, stop 63: "I want to record my sister's departure" got choices of topics)."""
DEPARTURE_RECORD_WORDS = 12


def _without_fillers(folded: str) -> str:
    return " ".join(w for w in folded.split() if w not in FILLERS)


CALLING_OFF = (
    "batal",
    "cancel",
    "gk jadi",
    "gak jadi",
    "ga jadi",
    "tidak jadi",
    "tdk jadi",
    "gk jd",
    "gak jd",
    "ga jd",
    "ndak jadi",
    "ndak jd",
    "ndek jadi",
    "not now",
    "never mind",
    "nevermind",
    "forget it",
)
LATER = frozenset("nanti nnti ntar besok lusa later".split())
FOR_LATER = frozenset(
    "nanti nnti ntar besok lusa dulu dl lagi lg isi kali lain tanya tny istri suami sy saya "
    "aku later maybe first again another time ask my wife husband".split()
)
FEARS = frozenset("takut khawatir kuatir afraid scared".split())
"""Called off in fear ("eh gk jd deh, takut", "sy takut pak, nanti aja": kept as the
worker's name or the story, a family chat tester, stop 48)."""
WHO_FEARS = frozenset("saya sy aku tiang nahu i im m am we kami".split())
FEAR_FIRST = 3
"""A fear said before the calling off, by the words it opens with."""
CALLING_OFF_WORDS = 10
"""A form called off with a word of later after it ("batal aja, nanti sy isi lg", "tidak jadi,
besok aja", "forget it, maybe later", "not now": each was kept as an answer or asked again,
a third chat tester, stop 47). A story that starts so ("gk jadi berangkat, uangnya gk
kembali") says more than later, and is not this; "nanti aja" alone puts off one step (a
contact abroad given later), not the form."""


def _called_off_for_later(folded: str) -> bool:
    words = [w for w in folded.split() if w not in FILLERS or w in FOR_LATER]
    if not 0 < len(words) <= CALLING_OFF_WORDS:
        return False
    said = set(words)
    if said & FEARS and said & LATER and said <= FOR_LATER | FEARS:
        return True  # "sy takut pak, nanti aja"
    if set(words[:FEAR_FIRST]) & FEARS:
        # the fear said first: "tiang takut, ndak jadi", "sy takut, gk jd" (a tester, stop 48)
        words = list(dropwhile(lambda w: w in FEARS | WHO_FEARS, words))
    for lead in CALLING_OFF:
        led = lead.split()
        if words[: len(led)] == led:
            return set(words[len(led) :]) <= FOR_LATER | FEARS | WHO_FEARS
    return False
