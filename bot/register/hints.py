"""What a family's message says about a departure: that it is one ("anak saya mau berangkat ke
Taiwan bulan depan"), who writes ("anak saya" → a parent), where to. Word lists are data."""

from __future__ import annotations

import re
from datetime import date
from itertools import dropwhile, pairwise

from bot.cases.hints import (
    COUNTRY_WORDS,
    RELATIONS,
    categories_in,
    family_words,
    kin_as_one_word,
    relation_in,
)
from bot.commands import JUST as COMMAND_JUST
from bot.register.dates import MONTHS, read_date
from knowledge.normalize import fold, load_lexicon

REGISTER_WORDS = frozenset("berangkat pulang besok minggu depan bulan sudah jadi".split())
SPELLINGS: dict[str, str] = {
    **{
        variant: standard
        for variant, standard in load_lexicon().items()
        if standard in REGISTER_WORDS
    },
    "besuk": "besok",
}
"""How families type the register's words in a chat ("anak sy jd brgkt bsk", "udh plg",
"mgg dpn", Sasak "uah ulek"): each is read as the word it stands for, so that the word lists
below name only that word. The spellings are the project's lexicon (knowledge/data/lexicon.tsv)
for these words only: "sy jd bingung" tells of no departure, and "sy", "gk" stay as typed for
the lists that name them so. Javanese "besuk" (tomorrow) is the register's alone: to the
matcher it is a visit to the sick."""


def words_in(text: str) -> list[str]:
    """The message's words, folded, with the chat spellings of SPELLINGS written out; an
    arrival abroad just told ("istri sy udh nyampe d dubai kmrn": not read as news for the
    register, stop 55) is spelled as the departure it is."""
    words = [SPELLINGS.get(word, word) for word in fold(text).split()]
    for at in range(1, len(words)):
        if words[at - 1] in JUST and words[at] in ARRIVED and _abroad_after(words, at + 1):
            words[at] = "berangkat"
    return words


ARRIVED = frozenset("nyampe nyampai sampai sampe tiba mendarat".split())
PLACE_WORDS_ABROAD = frozenset(
    word for names in COUNTRY_WORDS.values() for name in names for word in name.split()
) | frozenset("dubai qatar oman kuwait bahrain abu dhabi doha".split())
"""Single words of the places abroad the register keeps."""


def _abroad_after(words: list[str], at: int) -> bool:
    """A place abroad right after an arrival ("nyampe d dubai", "tiba di taipei")."""
    rest = [w for w in words[at : at + 3] if w not in ("d", "di", "ke", "k", "dengan", "dgn")]
    return bool(rest) and rest[0] in PLACE_WORDS_ABROAD


DEPARTURE_WORDS = frozenset(
    "berangkat keberangkatan terbang left leaves leaving departed departs departing flew flies "
    "flying went gone going".split()
)
"""The English ones too ("my son left for taiwan yesterday" got "not sure": a chat tester,
stop 47); a place abroad must be named for them, or no trip at home."""
RECENTLY = frozenset("kemarin kemaren kmrn kmarin tadi td semalam barusan".split())
"""A departure followed by when it was ("anak sy brgkt kmrn ke malaysia") is news of it, as
"sudah berangkat" is (it got "not sure": a third chat tester, stop 46)."""
WHEN_WORDS = RECENTLY | frozenset(
    "mau akan rencana rencananya besok lusa depan tanggal tgl sudah baru minggu bulan "
    "januari februari maret april mei juni juli agustus september oktober november desember "
    "yesterday today tomorrow tonight last next week month already just soon will ago has have "
    "monday tuesday wednesday thursday friday saturday sunday senin selasa rabu kamis jumat "
    "sabtu".split()
)
RECORD_WORDS = frozenset("catat dicatat mencatat record recorded".split())
"""A wish to have it recorded says the departure is news, with or without when it was ("I
want to record that my son departed to Malaysia")."""
GOING_AHEAD = "jadi"
"""Right before the departure word, "jadi" says the plan holds ("anak sy jd brgkt"); elsewhere
it is "become" or "so" ("brgkt jd pengasuh", "sy jd bingung") and tells no time."""
NOT_A_DEPARTURE = frozenset(
    "tidak tdk gak gk ga nggak ngga enggak kagak tak bukan belum blm blom belom batal ditipu tipu "
    "calo tikus belakang ilegal illegal ragu dipaksa paksa terpaksa "
    "takut tolong tlg hilang ilang kalau klo kalo kalu jika katanya kata pinjam pinjaman minjam "
    "kur gadai digadai digadaikan menggadaikan "
    "not dont didnt doesnt never if broker scam scammed fake illegal afraid scared help loan "
    "debt perseorangan mandiri independen independently".split()
)
"""Negations, problems, an unofficial way out ("lewat calo", "jalur tikus", "jalur belakang"),
requests, hypotheticals, hearsay and money to be raised for leaving ("mau pinjam KUR buat
berangkat"): the message is about something else than recording a departure. So is the way one
means to go ("sy mau berangkat perseorangan ke korea": how the independent route works, asked;
it met the register's consent: an everyday-questions tester, stop 62)."""
STORY_TURNS = frozenset(
    "tapi tetapi tp namun padahal ternyata trnyata sayangnya but however susah sulit nekat utang "
    "hutang larang dilarang melarang dijanjikan janji dijanjiin masalah kabur ditawari ditawarin "
    "ditawarkan".split()
)
"""A turn in the story ("padahal sudah saya larang", "ternyata beda tempat kerja", "dijanjikan
berangkat Oktober, sampai sekarang masih di sini"): a family telling a trouble around a
departure wants it answered, not recorded (two such real messages met the register form)."""
JOB_OFFER = frozenset(
    "lowongan loker dibuka dibutuhkan dicari rekrutmen hub hubungi biaya kuota peminat forwarded "
    "diteruskan".split()
)
"""A job offer passed on ("Dibuka lowongan ke Polandia, biaya 35 juta, berangkat bulan depan.
Hub 0812..."): the person asks whether to trust it, and a fee is asked for. It is answered (a
broker's signs, what a placement may cost), not recorded as a departure."""
NOT_ABROAD = frozenset(
    "sekolah sawah kebun ladang pasar masjid kantor sakit rs penampungan kampung lebaran mudik "
    "cuti libur kuliah ngaji kondangan nikahan kawinan hajatan kkn pesantren mondok "
    "school market mosque church office hospital college university campus shop".split()
)
"""Places and occasions of a trip at home ("baru pulang sekolah", "pulang kampung lebaran",
"sudah berangkat ke sawah", "bsk brgkt kondangan"): not the register's news, unless a place
abroad is named ("brgkt bsk ke malaysia kerja di kebun sawit")."""
NOT_FOR_WORK = frozenset(
    "haji umroh umrah wisata piknik rekreasi tour liburan hajj pilgrimage holiday vacation "
    "tourist".split()
)
"""A pilgrimage or a holiday ("ibu sy bsk brgkt haji", "brgkt ke saudi buat umroh"): not the
register's news, wherever it goes."""
HOME_PLACE = re.compile(
    r"\b(?:ke|k|menuju) (?:jakarta|surabaya|bali|denpasar|bandung|semarang|yogya|jogja|"
    r"yogyakarta|solo|malang|makassar|kupang|batam|medan|kalimantan|sulawesi|sumatra|sumatera|"
    r"papua|jawa|sumbawa|bima|dompu|mataram|lombok|ntt|flores)\b"
)
"""A trip to a place at home ("mgg dpn brgkt ke surabaya"): the register's news only when a
destination abroad is named too ("brgkt ke jakarta dulu, trus ke taiwan"); the caller knows
the places abroad."""


def goes_within_indonesia(text: str) -> bool:
    return HOME_PLACE.search(" ".join(words_in(text))) is not None


MAX_WORDS = 20
WORKER_OF: dict[str, str] = {
    "anak": "orang tua",
    "suami": "istri",
    "istri": "suami",
    "kakak": "adik",
    "adik": "kakak",
    "ibu": "anak",
    "ayah": "anak",
    # "bapak sy d malaysia sakit" made the writer the father (a family chat tester, stop 49);
    # Sasak inaq/amaq and Mbojo ina are mother and father (Mbojo "ama" is left out: "ama sy"
    # is "with me" in chat)
    "bapak": "anak",
    "bapa": "anak",
    "bpk": "anak",
    "mama": "anak",
    "mamak": "anak",
    "emak": "anak",
    "inaq": "anak",
    "amaq": "anak",
    "ina": "anak",
    "keponakan": "paman/bibi",
    "ponakan": "paman/bibi",
    "adek": "kakak",
    "abang": "adik",
    "cucu": "kakek/nenek",
    "sepupu": "sepupu",
    "saudara": "saudara",
    "menantu": "mertua",
    "ipar": "ipar",
    # "ibu mertua sy" made the writer the worker, "bapak mertua saya" a father (a chat tester,
    # stop 53)
    "mertua": "menantu",
    "kakek": "cucu",
    "nenek": "cucu",
    "paman": "keponakan",
    "bibi": "keponakan",
}
"""'<relation> saya' names the worker; the writer is the other side of that relation."""
RELATION_IN_ENGLISH = {
    "orang tua": "parent",
    "istri": "wife",
    "suami": "husband",
    "adik": "younger sibling",
    "kakak": "older sibling",
    "anak": "child",
    "ibu": "mother",
    "ayah": "father",
    "bapak": "father",
    "paman/bibi": "uncle or aunt",
    "kakek/nenek": "grandparent",
    "sepupu": "cousin",
    "saudara": "relative",
    "mertua": "parent-in-law",
    "menantu": "child-in-law",
    "cucu": "grandchild",
    "keponakan": "niece or nephew",
    "ipar": "in-law",
    "teman": "friend",
    "tetangga": "neighbour",
    "perangkat desa": "village official",
}
"""The writer's relation as an English summary shows it ("Family member (orang tua)" was
shown in English: two chat testers, stop 51)."""
MINE = frozenset({"saya", "sy", "aku", "ku", "my", "kami"})
FIRST_PERSON = frozenset({"i", "im", "we"})
"""A message that opens with these tells the writer's own story."""
OWN_WORK = frozenset("kerja bekerja krja work working kerjanya".split())
"""The writer's own work told before anyone of theirs ("pak sy Jumadil, sy kerja d kilang d
penang, ... ibu sy d lombok sakit" was filed as a report by the son of a sick mother: a chat
tester, stop 46)."""
LEADING_WORDS = frozenset(
    "lapor laporan report daftar register pak bu sir madam min kak mas mbak bang om "
    "assalamualaikum asalamualaikum assalamu alaikum salam wr wb halo hallo hai hi helo pagi "
    "siang sore malam selamat slamat permisi maaf tolong tlg mohon mhn please pls help".split()
)
"""Words before the story that say nothing of who tells it: "LAPOR saya ...", "pak, saya ...",
and a greeting sent first ("assalamualaikum pak" then "sy d saudi ...": the form asked who
reports; a third chat tester, stop 46)."""
OWN_BOSS = frozenset(
    "majikan majikannya bos boss employer madam agen agensi agency sponsor".split()
)
"""One's own employer ("majikan sy d singapura pukul sy", "my employer hit me"): the worker
writes; a family says "majikan nya" or "majikan anak sy"."""
MINE_BEFORE = frozenset({"my", "our"})
"""English puts the owner first: "my mother works in Saudi"."""


STEP_FOR_LEAVING = re.compile(
    r"\b(?:cek|periksa|medical|mcu|paspor|pasport|passport|visa|pelatihan|kursus|tes|test|ujian|"
    r"psikotes|urus|ngurus|mengurus|bikin|membuat)\w* (?:\w+ ){0,3}?(?:buat|untuk|utk|bwt|biar|"
    r"supaya|agar|sebelum|before|to|for) (?:\w+ ){0,1}?(?:berangkat|brgkt|brangkat|leave|leaving)\b"
)
"""A step before leaving, wished for the departure ("sy mau cek kesehatan buat brgkt ke taiwan"
opened the departure register: a follow-up tester, stop 60): the step is asked about."""


def is_departure_statement(text: str, abroad_named: bool = False) -> bool:
    """A short statement that someone leaves or left to work abroad; the caller rules out
    questions. Stories of a problem ("berangkat lewat calo, gajinya tidak dibayar") are not.
    With a destination abroad named (the caller knows the places), a word of a trip at home
    rules nothing out: "anak sy brgkt bsk ke malaysia kerja di kebun sawit"."""
    words = words_in(text)
    if not words or len(words) > MAX_WORDS:
        return False
    said = set(words)
    going_ahead = any(a == GOING_AHEAD and b in DEPARTURE_WORDS for a, b in pairwise(words))
    if not said & DEPARTURE_WORDS or not (said & (WHEN_WORDS | RECORD_WORDS) or going_ahead):
        return False
    home = frozenset() if abroad_named else NOT_ABROAD
    excluded = NOT_A_DEPARTURE | STORY_TURNS | JOB_OFFER | NOT_FOR_WORK | home
    if said & excluded or STEP_FOR_LEAVING.search(" ".join(words)):
        return False
    return not categories_in(text)


CLAUSE_END = re.compile(r"[,.?!\n]")
QUESTION_TAGS = frozenset("gk ga gak nggak ngga enggak tidak tdk ndak belum blm blom belom".split())
"""A negation that ends a question asks yes or no ("ongkosnya ditanggung pt gk?", "visanya
sudah keluar blm?"): it denies nothing."""
PARTICLES = frozenset("ya yah sih kah dong pak bu kak".split())
"""Words that may follow the tag ("... pt gk ya pak?")."""


def news_clause(text: str) -> str:
    """The message up to its first comma, stop or question mark: where news told beside a
    question is ("anak sy jadi berangkat lusa, apa yg hrs dibawa?")."""
    return CLAUSE_END.split(text, maxsplit=1)[0]


def tells_departure_before_question(text: str) -> bool:
    """Departure news in the clause before a question that ends in a tag ("anak sy jadi
    berangkat besok, ongkosnya ditanggung pt gk?"): the tag is no denial, but whatever else
    rules out news (a problem, a turn in the story) does so here too. The caller makes sure
    the message asks."""
    news = news_clause(text)
    asked = words_in(text[len(news) :])
    while asked and asked[-1] in PARTICLES:
        asked.pop()
    if not asked or asked[-1] not in QUESTION_TAGS or not is_departure_statement(news):
        return False
    return is_departure_statement(" ".join([*words_in(news), *asked[:-1]]))


HOME_WORDS = frozenset({"pulang"})
JUST = COMMAND_JUST | {"br"}
"""Words that something has just happened, as after "lapor" (bot.commands), and "br"."""
TO_RECORD = frozenset("lapor melapor melaporkan catat mencatat dicatat record".split())
REQUESTS = frozenset("tolong tlg".split())
WISHES = frozenset("mau ingin pengen pgn want wants wish hope".split())
CAME_HOME = re.compile(
    r"\b(?:came|got|arrived|returned|is back|was back|has come|have come) "
    r"(?:back )?(?:home|from|to (?:indonesia|lombok|sumbawa|the village))\b"
    r"|\b(?:came|got) back\b"
)
"""A return told in English ("my husband came home from saudi", "came back from hong kong
last week": each got "not sure", a chat tester, stop 47)."""
NOT_A_RETURN = (
    NOT_A_DEPARTURE
    | STORY_TURNS
    | WISHES
    | NOT_ABROAD
    | NOT_FOR_WORK
    | frozenset("bisa boleh can could will when how".split())
)
"""Wishes, leave ("pulang cuti") and trouble: a return to be recorded is news, not a plan."""


def is_return_statement(text: str) -> bool:
    """A short piece of news that someone came home ("anak sy udh pulang dr taiwan kemarin",
    "lapor kepulangan"): the register can record it. "sudah pulang tapi gaji belum dibayar"
    is a problem; "mau pulang" a wish."""
    folded = words_in(text)
    # "mau lapor kepulangan", "i want to record it" wish the record, not the return
    words = [
        w
        for n, w in enumerate(folded)
        if not (w in WISHES and TO_RECORD.intersection(folded[n + 1 : n + 3]))
    ]
    # "tlg d catat pak": a request to record, not a plea
    asked_to = REQUESTS if TO_RECORD.intersection(words) else frozenset()
    if not words or len(words) > MAX_WORDS or (NOT_A_RETURN - asked_to).intersection(words):
        return False
    if "kepulangan" in words:
        return bool(TO_RECORD.intersection(words))
    if CAME_HOME.search(" ".join(words)):
        return True
    return any(a in JUST and b in HOME_WORDS for a, b in pairwise(words))


CALLED_OFF = re.compile(
    r"\b(?:gagal|batal|gajadi|gkjadi|gajd|"
    r"(?:tidak|tdk|gak|gk|ga|nggak|ngga|enggak|ndak) jadi) "
    r"(?:di ?)?(?:berangkat|brangkat|brgkt)\w*"
)
"""Read on `words_in`: "gk jd brngkt" is "gk jadi berangkat"; "brangkatin" keeps its
spelling and matches by its start."""


def tells_called_off(text: str) -> bool:
    """News that a departure is off ("anak sy gk jadi berangkat", "batal berangkat")."""
    return CALLED_OFF.search(" ".join(words_in(text))) is not None


def tells_a_departure(text: str) -> bool:
    """News that someone has left ("anak sy sudah berangkat kemarin"), not a plan."""
    return any(
        (a in JUST and b in DEPARTURE_WORDS) or (a in DEPARTURE_WORDS and b in RECENTLY)
        for a, b in pairwise(words_in(text))
    )


def asks_to_record(text: str) -> bool:
    """Words asking for a record ("..., mau lapor kepulangan"), beside news of a return."""
    return bool(TO_RECORD.intersection(fold(text).split()))


def kin_of_mine(first: str, second: str) -> str | None:
    """The writer's side of "<kin> <mine>" ("anak sy" → 'orang tua'), "<kin>ku" and the
    English "my <kin>": the words as `family_words` gives them."""
    if second in MINE and first in WORKER_OF:
        return WORKER_OF[first]
    if first.endswith("ku") and first[:-2] in WORKER_OF:
        return WORKER_OF[first[:-2]]
    if first in MINE_BEFORE and RELATIONS.get(second) in WORKER_OF:
        return WORKER_OF[RELATIONS[second]]
    return None


def names_own_kin(text: str) -> bool:
    """The writer names someone of theirs ("anak sy", "my daughter", "adikku"): family writes,
    not the worker ("anak majikan" is the employer's child)."""
    words = family_words(kin_as_one_word(fold(text)).split())
    return any(kin_of_mine(first, second) for first, second in pairwise(words))


SELF_BEFORE_HARM = frozenset(
    "saya sy aku aq gue gw i im rasanya rasane tiang nahu ku myself".split()
)
OTHER_BEFORE_HARM = frozenset(
    "dia ia beliau she he her him his they mereka anak anaknya adik adiknya kakak kakaknya "
    "istri istrinya suami suaminya ibu ibunya bapak bapaknya ayah ayahnya keponakan teman "
    "temannya daughter son wife husband sister brother mother father friend bilang katanya "
    "says said tetangga tetangganya temen temennya kawan kawannya sahabat sahabatnya rekan "
    "rekannya sekamar sepupu sepupunya ipar iparnya paman bibi nenek kakek cucu mertua pacar "
    "pacarnya tunangan tunangannya neighbour neighbor roommate cousin "
    # "sodara saya di kuwait disiksa", "abang sy di kedah demam", "mak sy di riyadh" were read as
    # the writer's own harm (a regression tester of dangers, stop 65)
    "sodara saudara saudaranya abang abangnya mak emak mamak abah mbak mas om tante".split()
)
"""Someone else, right before "sy" ("tetangga sy mau bunuh diri": the neighbour's wish was
answered "Anda tidak sendirian", to the writer: a journeys tester, stop 61)."""


def harm_is_the_writers(standard: str, phrase: str) -> bool | None:
    """Whether the words just before a harm in its sentence say it is the writer's own ("sy
    udah minum obat tidur banyak", "rasanya pengen mati aja") or another's ("kakak sy bilang
    dia mau bunuh diri"); None when they say neither. A worker who names her child at home
    ("sy kangen anak sy d kampung") is still the one at risk (a long-plea chat tester, stop
    52: she was asked to keep talking with "them")."""
    at = standard.find(phrase) if phrase else -1
    if at < 0:
        return None
    # "teman sy d kuwait d kunci" matched from "sy" on: the friend's, not the writer's (a
    # tester of dangers told by others, stop 65)
    said = phrase.split()
    whose = standard[:at].split()[-1:]
    if said and said[0] in SELF_BEFORE_HARM and whose and whose[0] in WHOSE_BEFORE:
        said = said[1:]
    if any(
        w in SELF_BEFORE_HARM and (n == 0 or said[n - 1] not in OTHER_BEFORE_HARM)
        for n, w in enumerate(said)
    ):
        return True  # "lebih baik saya mati", "i want to die": the harm names the writer
    sentences = standard[:at].split("|")
    # a sentence with no one in it takes the one of the sentence before ("sy udh gk kuat lg
    # pak, pengen mati aja, suami sy d malaysia ..." was the husband's: a chat tester, stop 53)
    for sentence in reversed(sentences[-SENTENCES_BACK:]):
        before = sentence.split()
        for n in range(len(before) - 1, -1, -1):
            word = before[n]
            if word in SELF_BEFORE_HARM:
                # "anak saya pengen bunuh diri": "saya" after kin is whose, not who
                return not (n > 0 and before[n - 1] in OTHER_BEFORE_HARM)
            if word in OTHER_BEFORE_HARM:
                return False
    return None


WHOSE_BEFORE = OTHER_BEFORE_HARM - frozenset(
    "dia ia beliau she he her him his they mereka bilang katanya says said".split()
)
"""Someone whose "sy" follows ("teman sy"), not a speaker ("kata dia sy sudah dibeli")."""
SENTENCES_BACK = 2
"""The harm's own sentence and the one before it say whose it is."""


def writer_relation(text: str) -> str | None:
    """'anak saya mau berangkat' → 'orang tua'; 'saya ibunya' → 'ibu'; 'saya sendiri' → 'self'.
    Also in English ("my mother works in Saudi" → 'anak') and in Sasak and Mbojo ("kanak
    tiang", "ina nahu")."""
    words = family_words(kin_as_one_word(fold(text)).split())
    for first, second in pairwise(words):
        if first in MINE | FIRST_PERSON and second in OWN_WORK:
            return "self"  # "sy kerja d kilang d penang, ... ibu sy d lombok sakit"
        kin = kin_of_mine(first, second)
        if kin is not None:
            return kin
    relation = relation_in(text)
    if relation is None and any(
        (a in OWN_BOSS and b in MINE) or (a in MINE_BEFORE and b in OWN_BOSS)
        for a, b in pairwise(words)
    ):
        return "self"
    opening = list(dropwhile(LEADING_WORDS.__contains__, words))
    if relation is None and opening[:1] and opening[0] in MINE | FIRST_PERSON:
        if _only_wishes_to_report(opening[1:]):
            return None  # "sy mau lapor lg": whoever writes may be family (stop 63)
        return "self"  # "saya mau berangkat ...", "REPORT I am in Hong Kong, my salary ..."
    return relation


WISH_WORDS = frozenset("mau mo ingin pengen pingin minta want would like to akan".split())
REPORT_OR_ASK = frozenset(
    "lapor melapor melaporkan laporan laporkan report mengadu ngadu tanya bertanya nanya ask bikin "
    "buat".split()
)
REPORT_FILLERS = frozenset(
    "lg lagi again lagi dong ya pak bu min admin yg baru new another".split()
)


def _only_wishes_to_report(rest: list[str]) -> bool:
    """What follows "saya" is only a wish to report or ask ("sy mau lapor lg"): it says
    nothing of who the worker is (a family-side tester, stop 63: a mother's second report
    recorded her as the worker herself)."""
    words = list(dropwhile(WISH_WORDS.__contains__, rest))
    return bool(words) and words[0] in REPORT_OR_ASK and set(words[1:]) <= REPORT_FILLERS


PAST_WORDS = frozenset("sudah telah sejak sjk semenjak pernah lalu kemarin kemaren kmrn".split())
FUTURE_WORDS = frozenset("mau mo akan bakal rencana rencananya nanti depan besok lusa".split())
"""A sentence with a word of the past and none of the future tells what happened ("anak sy
sudah kerja di malaysia sejak agustus"); "sudah daftar, mau berangkat agustus" tells a plan."""


def tells_past(text: str) -> bool:
    """The message tells of something that happened: a month it names is the last one."""
    words = set(words_in(text))
    return bool(words & PAST_WORDS) and not words & FUTURE_WORDS


def date_in(text: str, today: date, *, past: bool | None = None) -> date | None:
    """The departure date a message names ("... ke Taiwan bulan depan", "tgl 15 januari"):
    the longest run of up to four words that reads as a date; in a sentence of the past
    (or with `past`), a month without a year is the last one, not the next."""
    if past is None:
        past = tells_past(text)
    for token in text.split():
        if any(ch.isdigit() for ch in token) and ("-" in token or "/" in token):
            try:
                return read_date(token.strip(".,;"), today, past=past)
            except ValueError:
                pass
    words = words_in(text)  # "bsk", "mgg dpn": tomorrow, next week
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            if phrase.isdigit():
                continue
            try:
                return read_date(phrase, today, past=past)
            except ValueError:
                continue
    return None


FEASTS = frozenset(
    "lebaran idul idulfitri iduladha fitri adha ramadan ramadhan puasa haji natal imlek eid "
    "christmas".split()
)
"""Feasts whose dates move with the lunar calendar: "abis lebaran taun depan" is not the first
of January, and facts.md holds no feast dates to count from."""


class DateOfAFeast(ValueError):
    """A date told only by a feast: the month is asked, not guessed."""


def typed_date(text: str, today: date, *, past: bool = False) -> date:
    """The date a form's answer gives, also inside a sentence ("katanya mggu depan pak",
    "kira2 bulan depan": refused before, a forms tester, stop 55). Raises `DateOfAFeast`
    for a feast alone, ValueError for no date."""
    try:
        return read_date(text, today, past=past)
    except ValueError:
        pass
    words = words_in(text)
    exact = any(w in MONTHS or w.isdigit() for w in words)
    if FEASTS.intersection(words) and not exact:
        raise DateOfAFeast(text)
    found = date_in(text, today, past=past or None)
    if found is None:
        raise ValueError(text)
    return found
