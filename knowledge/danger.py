"""Recognises a message that says someone is in danger now (data/danger.yaml).

A person in danger must never meet a dead end, so this runs before the matcher and whatever its
confidence. Real pleas are typed in a hurry: "d sekap", "gak dikasih makan", "ga boleh pulang",
"majikan tdk mau melepas", English, Sasak. The text is folded, each word is mapped to a standard
spelling (the lexicon plus the danger file's own spellings), and phrase patterns are searched
with room for words in between. A match that reads as a hypothetical or a definition ("kalau
dipukul lapor ke mana?", "apa itu TPPO") is dropped unless the message also says it is happening
now. Recall is measured in tests/knowledge/test_danger.py on a labelled set.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from knowledge.alternation import any_phrase
from knowledge.datafiles import read_data
from knowledge.normalize import (
    DOUBLE,
    NON_WORD,
    REDUPLICATED,
    indonesian_roots,
    load_lexicon,
    stem_indonesian,
    with_places,
)
from knowledge.yamlfast import load_yaml

SENTENCE_END = re.compile(r"[.!?;,\n]+(?:\s|$)")
SPLIT_PREFIX = frozenset(("d", "di"))
PLACE_WORDS_WITH_DI = frozenset(
    "dimana disana disini disitu diatas dibawah didalam diluar didepan dibelakang disamping "
    "diantara".split()
)
"""Words of place written with "di", which a prefix typed apart does not make."""
NEGATIONS = frozenset(("tidak", "bukan", "never", "not", "nobody", "noone"))
NOT_DENIED = "".join(f"(?<!\\b{word} )" for word in ("tidak", "tak", "belum", "not", "never"))
"""Before a safe phrase: "tidak bisa kabur" says the person cannot get away."""
DENIAL_BRIDGES = frozenset(
    ("pernah", "sempat", "sampai", "ada", "lagi", "been", "ever", "once", "karena", "because")
)
"""Words between a negation and the danger that keep it a denial ("tidak pernah dipukul"; "mau
pindah majikan, bukan karena disiksa": a blind false-alarm tester, stop 58)."""
EMPLOYERS_OWNER = re.compile(r" (?:saya|aku|kami|my|our)\b")
"""The possessive after "majikan" in a ward named by the employer ("nenek majikan saya": a blind
false-alarm tester, stop 58): the writer named there is not the one the harm is told of."""
WINDOW_WORDS = 4
DREAM_WORDS = 5
"""How far back in its sentence a dream still frames a danger ("I had a nightmare that my
daughter was locked up")."""
STILL_NO = re.compile(
    r" (?:ada kabar|ada berita|dapat kabar|dapat berita|bisa dihubungi|bisa di hubungi|ketemu|"
    r"ditemukan|pulang|sadar|diketahui|lunas|dilunasi|dibayar|digaji|bayar|selesai|beres|"
    r"kembali|dikembalikan|sembuh|makan|dapat kerja|kerja)\b"
)
"""After "sekarang belum": still no news of someone ("kapal anak sy tenggelam ..., skrg blm ada
kabar" was read as a harm not yet happened: a regression tester, stop 55), or a debt or wages
still unpaid ("skrg blm lunas, ... rasanya mau mati aja, tadi mlm sy udh siapin tali": a
long-plea tester, stop 65)."""
DREAM_CAUSES = frozenset(("karena", "krn", "gara", "sebab", "sejak", "because", "since", "cause"))
"""Between a dream and a harm, a word that makes the harm the dream's cause."""
KIN_SUBJECT_WORDS = 7
"""How far back a family member may be the subject of "was" ("my husband in malaysia was")."""
AFTER_WORDS = 6
"""How many words after a match are read for a time long past ("... beberapa tahun lalu")."""
CLAUSE_TURNS = frozenset(("padahal", "tapi", "tetapi", "tp", "namun", "but", "although", "though"))
NOW_SENTENCES_BEFORE = 3
"""How far back a word of now still speaks of a harm (`_now_near`); set 1's "aku bekerja sejak
subuh sampai saat ini | ... | ... | kalau minta ng*wek" needs three (stop 34)."""
WRITER_SUBJECTS = frozenset(("i", "we"))
"""The writer as the subject of an English "was"/"were" (`_writers_own`)."""
OTHER_SUBJECTS = frozenset(("she", "he", "they", "it", "you", "sister", "brother", "friend"))
"""Someone else as the subject of the clause before an "and was" (`_writer_subject`)."""
JOINED_AUXILIARY = re.compile(r"\band (?:was|were)\b")
JOINED_SUBJECT_WORDS = 8
"""How far back the subject of "... and was beaten" is looked for."""
THAT_WORDS = frozenset(("itu", "that", "it"))
"""A clause that opens with one of these after a turn speaks of what was just told."""
WHOLE_PLEA_WORDS = 8
"""Longer than this, a message is not read as nothing but a plea."""
MIN_RESPELLED = 6
"""Words this short are roots ("main", "ingin"), not a Jakarta "-in" or an active "me-" verb."""
NAMED_WORD = re.compile(r"[a-z]{5,}")
CHAT_ACTIVE = (("ny", ("s", "c")), ("nge", ("",)), ("ng", ("k", "")), ("n", ("t",)), ("m", ("p",)))
"""Chat drops "me-" but keeps its nasal, which replaced the root's first sound: "nampar"
(tampar), "nyayat" (sayat), "nyekik" (cekik), "ngancam" (ancam), "mukul" (pukul)."""
MIN_CHAT_ACTIVE = 5
SPELLED_CACHE = 200_000
"""Words whose standard spelling is remembered (`_spelled`), as the normalizer's tokens are."""
EMPHATIC = "lah"
"""The particle a plea leans on ("tolonglah", "mohonlah"), read away when the rules name the
word without it."""
PLEA = "plea"
"""The kind of a plea for help that names no harm ("tolong bantu kami pak")."""
SUICIDE = "suicide"
THREAT = "threat"
FEARS = frozenset(("takut", "khawatir", "kuatir", "ngeri", "afraid", "worried", "scared"))
"""The hearsay words that are a fear, not news (`DangerDetector._hearsay`)."""
RESCUED = re.compile(r"\b(?:sudah|telah|berhasil) (?:di ?|d ?)?selamatkan\b")
"""A rescue told as done: "dulu anak sy pernah d jual calo, tp sdh d selamatkan polisi" asked
about help for her recovery and got the numbers (a long-plea tester, stop 59)."""
THREAT_MADE = re.compile(r"ancam|\b(?:mau|akan|bakal|mo|ingin|pengen) \w+ lagi\b")
"""A threat told as made: a word of threatening, or the holder saying it will hurt again."""
NOT_ENDED_AT_HOME = frozenset((SUICIDE, THREAT))
"""Kinds of danger that being home, or safe from the harm before, does not end: a wish to
die, and a threat made now ("dulu kerja di kapal ikan, skrg di rumah diancam agen mau dibunuh"
was read as a story over: a place tester, stop 57)."""
"""The kind of a wish to die or to harm oneself ("sy pengen bunuh diri aja"): the reply speaks
to the person before the numbers (bot/replies.py `emergency_text`)."""
RULE_ASKED = re.compile(r"(?:kalau|kalo|klo|jika|bila|apakah|apa|if|when|can|is it)\b")
ALLOWED_ASKED = re.compile(
    r"\b(?:boleh tidak|boleh gak|boleh nggak|apakah boleh|apa boleh|bolehkah|"
    r"is (?:it|that) (?:allowed|legal|ok)|are they allowed|can (?:they|the agent|an agent|the "
    r"employer|an employer|my employer))\b"
)
"""A rule asked about in the signs' words ("kalau paspor ditahan dan gaji blm dibayar, boleh
gk agen minta bayar utang?": a place tester, stop 57): a question, not a story of now."""
SIGNS_MIN_CHARS = 40
"""Shorter than this, a message cannot tell three signs of forced labour ("paspor ditahan,
tidak digaji, dikunci" is 40 letters in standard spelling, and no rule reads it). The signs
cost about 15 us of a triage's 540 on held-out questions (90 % are this long) and 50 us on
real messages; at 70 letters it would be 7 us, and that terse message would be missed."""
TRAFFICKING = "trafficking"
"""The kind of forced labour read from its signs together (`_shows_forced_labour`)."""
SCHOOL_WORDS = 4
"""How far after a blow a school is read as where it happened ("dipukul temannya di sekolah")."""
PLACE_WORDS = frozenset(("di", "in", "dalam"))
"""Words before a place: "diculik di game" puts the danger in a game."""
ONLY_AT_SOME_HOURS = re.compile(
    r"^(?:[a-z]+ ){0,3}?(?:at night|after (?:\d+|curfew|dark|midnight|\d+ ?pm)|malam\b|malem\b|"
    r"setelah jam|lewat jam|di atas jam|tanpa izin|without permission)"
)
"""A going out refused only at some hours or without leave (a curfew, a dormitory's rule:
a danger look-alike tester, stop 56), not being held."""
BUT_ON_DAYS_OFF = re.compile(
    r"^(?:[a-z]+ ){0,4}?(?:\| )?(?:(?:kecuali|selain) (?:(?:pas|waktu|saat|hari|pada|kalau) )?"
    r"|(?:cuma|cuman|hanya|cuma bisa|cuma boleh|hanya boleh|boleh) (?:[a-z]+ ){0,1}?"
    r"(?:(?:pas|waktu|saat|hari|pada|kalau) )?|except (?:on )?|only on )"
    r"(?:hari )?(?:libur|liburan|minggu|cuti|off|day off|off day|sundays?|my day off|days off)\b"
    r"|^(?:[a-z]+ ){0,4}?(?:cuma|cuman|hanya|only) (?:(?:pas|waktu|saat|selama|during) )?"
    r"(?:jam kerja|working hours)\b"
)
"""... or allowed on days off ("gk boleh pakai hp kecuali hari minggu", "majikan gk ngizinin sy
pakai hp, cuma boleh pas libur": a tester of workers abroad, stop 60), or kept only during
working hours ("hp sy d ambil majikan cuma pas jam kerja": stop 61): a house rule."""
HOUSE_RULE = re.compile(
    r"\b(?:kecuali|selain|except) (?:(?:pas|waktu|saat|hari|pada|on) )?(?:hari )?"
    r"(?:libur|minggu|cuti|day off|off day|sundays?|my day off)\b"
    # or kept only during working hours ("hp sy d ambil majikan cuma pas jam kerja, malem d
    # kasih lg": a look-alike tester, stop 61)
    r"|\b(?:cuma|hanya|only) (?:(?:pas|waktu|saat|selama|during) )?(?:jam kerja|working hours)\b"
)
"""Something allowed on days off only, anywhere in the message: the learnt model's reading of
it ("gk boleh pakai hp kecuali hari minggu kata majikan hk") is a house rule, not danger."""
GOING_OUT = re.compile(r"\b(?:keluar|leave|go out|get out|out)\b")
"""... only of going out: "they keep her in the storeroom at night" is held."""
PHONE_USE = re.compile(r"\b(?:hp|handphone|telepon|ponsel|phone)\b")
"""... or of using a phone."""
ONLY_TO_REPORT = re.compile(
    r"\s*(?:(?:tolong|mohon|minta tolong|please|pls|permisi)\s+)?(?:bantu\s+)?"
    r"(?:(?:saya|aku|kami)\s+)?(?:(?:mau|ingin|pengen|want to)\s+)?"
    r"(?:lapor|melapor|bikin laporan|buat laporan|report)(?:\s+(?:pak|bu|min|dong|ya|kak))*\s*$"
)
FEAR_FIRST = re.compile(
    r"(?:saya |aku |kami |i am |i m |im )?(?:takut|khawatir|kuatir|cemas|ngeri|scared|afraid|"
    r"worried)\b"
)
"""A fear the message opens with."""
CONFINEMENT_DENIED = re.compile(
    r"\b(?:tidak|bukan|tak|not) (?:pernah )?(?:di ?|d ?)?(?:kurung|sekap|kunci|locked|kept)\w*"
)
SHUT_IN = re.compile(r"(?:di ?|d ?|ter)?(?:sekap|kurung|krangkeng|kerangkeng|sandera)")
"""A confinement that a negation before it denies ("bukan dikurung kok, cuma aturan asrama jam
10": a family-side tester, stop 65); the other held rules read their own negation ("tidak
boleh pulang"), as the starved ones do ("tidak dikasih makan")."""
UNTIL_REPLACED = re.compile(
    r"^(?:[a-z]+ ){0,2}?(?:kalau|kalo|klo|sebelum|sblm|sampai|sampe|until|before|unless) "
    r"(?:(?:belum|tidak|ada|dapat|dapet|ketemu|there is|there s|she finds|i find|they find) ){0,2}"
    r"(?:pengganti|penggantinya|replacement|a replacement)\b"
)
"""Going home refused until a replacement is found: the notice an employer asks, not being held
("majikan bilang gk blh pulang klo blm ada pengganti, majikan sih baik": a long-plea tester,
stop 65)."""
HELD_BEYOND = re.compile(
    r"\b(?:paspor\w*|passport)\b(?: \w+){0,3} (?:tidak|tak|belum) (?:dikembalikan|dikasih|diberi"
    r"|dibalikin)|\bpaspor\w* (?:\w+ ){0,2}(?:ditahan|diambil|disimpan)|\b(?:lebih|lewat) kontrak\b"
    r"|\bkontrak\w* (?:\w+ ){0,2}(?:sudah |udah )?(?:habis|selesai|berakhir)|\bmenangis\b"
)
"""Held beyond a notice: the passport kept, the contract long over, the worker in tears ("kalau
tak ada pengganti tak boleh balik, dah 3 tahun lebih kontrak"), still a danger."""
UNTIL_REPLACED_ANY = re.compile(
    r"\b(?:sebelum|sampai|kalau|klo|baru) (?:[a-z]+ ){0,2}?(?:belum |sudah )?"
    r"(?:ada |dapat |dapet )?pengganti\b"
)
"""A notice asked anywhere in the message: no going home until a replacement comes."""
HEARD_ON_A_CALL = re.compile(r"\b(?:kedengeran|kedengaran|terdengar|kedengar)\b")
"""The harm heard on the call itself ("... kedengeran dia dipukul, trs mati"), not news."""
BY_PARENTS = re.compile(
    r"^(?:[a-z]+ ){0,2}?(?:sama |oleh |sm |ama |by )?(?:orang tua|ortu|my parents|parents)\b"
    r"(?! (?:majikan|bos|boss|yang saya jaga|yang dijaga)\b)"
    # a mother, a grandmother, Sasak "inaq", as the one who did it: right after, or after "sama"
    # ("d kurung ibu gk boleh keluar malem, sy 16 th", "d kurung d kamar sm ibu", "anak sy d
    # kurung neneknya": a look-alike tester, stop 61); not "... padahal ibu sy sakit"
    r"|^(?:(?:[a-z]+ ){0,2}?(?:sama|oleh|sm|ama) )?(?:ibu|ibunya|bapak|bapaknya|ayah|ayahnya|"
    r"nenek|neneknya|kakek|kakeknya|inaq|amaq)\b"
    r"(?! (?:majikan|bos|boss|saya|sy|aku|sakit|meninggal|kritis|yang saya jaga|yang dijaga)\b)"
)
"""Right after being shut in, one's own parents: forbidden to go ("sy udh dikunci ortu gk boleh
berangkat ke malaysia") or kept in at night ("dikurung d rumah sama ortu gk boleh keluar
malem": pre-departure and follow-up testers, stop 60), not held by an employer or a broker."""
KEPT_BY_FAMILY = re.compile(
    r"\b(?:dikurung|dikunci|ditahan|dilarang)\b (?:(?:[a-z]+ ){0,2}?(?:sama|oleh|sm|ama) )?"
    r"(?:orang tua|ortu|ibu|ibunya|bapak|bapaknya|ayah|ayahnya|nenek|neneknya|kakek|inaq|amaq)"
    r"\b(?! (?:majikan|bos|boss|saya|sy|aku|sakit|meninggal|kritis)\b)"
)
"""Kept in or back by one's own family, anywhere in the message: the learnt model's reading
of it ("d kurung ibu gk boleh keluar malem, sy 16 th", "tiang d tahan sm inaq ndek bau lalo
malaysia": a look-alike tester, stop 61) is not danger."""
PLAN_NOW = re.compile(
    r"\b(?:sekarang|kini|now)\b(?= (?:[a-z]+ ){0,2}(?:mau|akan|ingin|pengen|rencana|rencananya|"
    r"baru mau) (?:berangkat|daftar|mendaftar|kerja ke luar|kerja di luar|kerja lagi|jadi pmi|"
    r"jadi tki|jadi tkw|ke luar negeri)\b)"
)
"""A word of now before a plan to go abroad: the writer is at home, and a harm told as past
("sy pernah kabur dari majikan di malaysia 2019, skrg mau berangkat resmi") is over (a
pre-departure tester, stop 60)."""
SEEN_OF_ONES_OWN = re.compile(
    r"\b(?:liat|lihat|melihat|nonton|menonton|saw|seen|watched|watch)\b (?:\w+ ){0,4}?"
    r"(?:(?:anak|istri|suami|adik|adek|kakak|ibu|bapak|ayah|keponakan|ponakan|cucu)\w* "
    r"(?:saya|sy|aku|kami)\b|(?:my|our) (?:son|daughter|wife|husband|sister|brother|mother|"
    r"father|niece|nephew|child)\b)"
    # seen just now with one's own eyes ("td sy liat dia ditarik rambutnya ke dalem rumah": a
    # regression tester of dangers, stop 65)
    r"|\b(?:tadi|barusan|baru saja|just now) (?:saya|aku|i) (?:liat|lihat|melihat|saw)\b"
)
"""A harm the writer saw done to their own ("sy liat video anak sy dipukul majikan"): seen,
not heard of."""
SPORT = re.compile(
    r"\b(?:silat|tinju|karate|taekwondo|judo|latihan|sparring|pertandingan|lomba|main bola|"
    r"bercanda|atlet|boxing|training|match|game|film|sinetron)\b"
)
"""A blow seen in sport or play ("sy liat video anak sy d pukul temennya waktu main silat")."""
NOT_KIN = re.compile(r"\banak buah\b")
"""A ship's crew ("abk", read "anak buah kapal"), not the writer's child: a documentary on
crews "gk boleh turun dari kapal" was read as the writer's own (stop 56's list)."""


def _without_crews(text: str) -> str:
    """`text` with each "anak buah" blanked, its length kept (positions found before stand)."""
    return NOT_KIN.sub(lambda m: " " * len(m.group(0)), text)


WRITERS_FEELING = re.compile(
    r"\b(?:bikin|buat|membuat|makes?|made|making) (?:saya|sy|aku|aq|kami|me|us) "
    r"(?:jadi |jd )?(?:takut|ngeri|khawatir|kuatir|sedih|nangis|menangis|trauma|scared|afraid|"
    r"worried|sad|cry)\w*"
    r"|\b(?:saya|sy|aku|aq|kami|i|we) (?:jadi |jd |am |feel |felt |was )?(?:takut|ngeri|"
    r"khawatir|kuatir|sedih|trauma|scared|afraid|worried|sad)\b"
    r"|\b(?:desa|kampung|kampong|dusun|daerah|kabupaten|kota|village|town) "
    r"(?:kami|kita|saya|sy|our|my)\b"
)
"""The writer named only as the one a story frightens ("film ttg TKW d siksa td malam bikin
sy takut berangkat": a long-plea tester, stop 56), or as whose village it was shown in ("film
dokumenter tentang PMI disekap di Myanmar itu diputar di balai desa kami": a tester of
news-quoted messages, stop 64): the harm is still the strangers'."""
REPORTED_THAT = frozenset(("kalau", "kalo", "klo", "kl"))
"""After a word of telling, "kalau" is "that", not "if": "dia bilang kalau dia disekap"."""
sre_parse: Any = importlib.import_module("re._parser")  # the regex parser (sre_parse before 3.11)
sre_constants: Any = importlib.import_module("re._constants")
"""How many words before a match are read for a hypothetical or an 'about a thing' word."""


@dataclass(frozen=True)
class Danger:
    """Why a message was read as danger now: the kind, the words that said it, and the topic
    that helps most after the emergency numbers."""

    kind: str
    phrase: str
    topic: str | None = None
    ranked_first: bool = False
    """Its kind happens in too many situations (a house, a ship, a scam compound, a
    shelter) for `topic` to help most: the engine's ranking of the message decides, and
    `topic` is offered beside it."""
    also_wishes_to_die: bool = False
    """A wish to die is told beside the harm of this kind ("I want to die, my boss hits me")."""

    @property
    def wishes_to_die(self) -> bool:
        """The reply speaks to the person before the numbers."""
        return self.kind == SUICIDE or self.also_wishes_to_die


@dataclass(frozen=True)
class _Reading:
    """What `detect` reads of the whole message once, for each rule's match to be judged."""

    standard: str
    safe_text: str
    now: bool
    plea: bool
    safe: bool
    ends_safe: int | None
    told_after: bool


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    unless_before: frozenset[str]
    literals: frozenset[str] = frozenset()
    """Letters any match must contain one of: a rule is skipped quickly when none is there."""
    needs_present: bool = False
    """Too common on its own ("mau pulang tapi tidak bisa"): counts only with "tolong", "now"."""
    always: bool = False
    """A ransom to go home is danger even when asked as "kalau mau pulang harus menebus"."""
    conditional: bool = False
    """A threat says "if": "kalau saya lapor, dia akan bunuh saya" is not a hypothetical."""
    unless_in_message: re.Pattern[str] | None = None
    """Words anywhere in the message that make the harm someone's in the worker's care ("the
    grandma with dementia pinches me"): the rule does not count."""
    only_in_message: re.Pattern[str] | None = None
    """Words one of which the message must hold for the rule to count: food running out is
    danger where workers are stranded (an employer, a ship, a company closed), not at a
    market or a party (a false-alarm tester, stop 56)."""


def required_letters(pattern: str) -> frozenset[str]:
    """Strings one of which every match of the pattern contains, read from its parsed form:
    the rarest such set (longest shortest string) among the pattern's mandatory parts. Empty
    when nothing is certain, and then the pattern always runs. tests/knowledge/test_danger.py
    checks that the filter changes no verdict."""
    return _required(sre_parse.parse(pattern)) or frozenset()


def _required(items: Any) -> frozenset[str] | None:
    """A set of strings every match of this sequence contains one of, or None."""
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in [*list(items), (None, None)]:
        if op is sre_constants.LITERAL and chr(arg).isalpha():
            run += chr(arg)
            continue
        if run and op is sre_constants.BRANCH:
            # the parser takes a shared opening out of a branch ("spit|spat" is "sp" then
            # "it|at"): the run joined to each branch's own opening letters is still required
            joined = {run + _opening(alternative) for alternative in arg[1]}
            if min(map(len, joined)) >= 3:
                options.append(frozenset(joined))
        if len(run) >= 3:
            options.append(frozenset({run}))
        run = ""
        inner: frozenset[str] | None = None
        if op is sre_constants.SUBPATTERN:
            inner = _required(arg[-1])
        elif op is sre_constants.BRANCH:
            branches = [_required(alternative) for alternative in arg[1]]
            if all(branches):
                inner = frozenset().union(*(b for b in branches if b))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] >= 1:
            inner = _required(arg[2])
        if inner:
            options.append(inner)
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _opening(items: Any) -> str:
    """The letters a branch's alternative starts with (none when it starts otherwise)."""
    letters = ""
    for op, arg in items:
        if op is not sre_constants.LITERAL or not chr(arg).isalpha():
            break
        letters += chr(arg)
    return letters


class LiteralIndex:
    """Which of many patterns can match a text, read from their required letter runs.

    A run is letters only, so it lies inside one word of the text. Scanning the text once per
    run costs ~30 µs for 400 runs, and asking each pattern whether one of its runs is there
    ~0.1 ms for 200 patterns; asking each word once (cached, words repeat across messages)
    and looking up the patterns that need what was found costs a few µs."""

    def __init__(self, required: Sequence[frozenset[str]], cache_size: int = 50_000) -> None:
        self.literals = tuple(sorted(set().union(*required)))
        self._in_word = lru_cache(maxsize=cache_size)(self._scan_word)
        self._always = tuple(n for n, runs in enumerate(required) if not runs)
        owners: dict[str, list[int]] = {}
        for n, runs in enumerate(required):
            for run in runs:
                owners.setdefault(run, []).append(n)
        self._owners = {run: tuple(numbers) for run, numbers in owners.items()}

    def _scan_word(self, word: str) -> frozenset[str]:
        return frozenset(lit for lit in self.literals if lit in word)

    def present(self, standard: str) -> set[str]:
        found: set[str] = set()
        for word in set(standard.split()):
            found |= self._in_word(word)
        return found

    def candidates(self, standard: str) -> list[int]:
        """The numbers of the patterns that can match, in their given order."""
        numbers = set(self._always)
        for run in self.present(standard):
            numbers.update(self._owners[run])
        return sorted(numbers)


PLACE_SAID = re.compile(r"\b(?:di|d) [a-z]+")
"""Where someone is said to be ("d lombok", "di hongkong")."""


def _last_place_is_home(sentence: str) -> bool:
    """The last place named before an illness in its sentence is home: "ibu sy d lombok sakit
    stroke, sy pengen pulang ngerawat ibu" is a worker's mother ill at home, not a worker
    without care (a long-plea tester, stop 65)."""
    places = list(PLACE_SAID.finditer(sentence))
    return bool(places) and ILL_AT_HOME.match(sentence, places[-1].start()) is not None


ILL_AT_HOME = re.compile(
    r"(?:di|d) (?:rumah\b(?! (?:sakit|majikan|bos|boss|agen|agensi|sponsor|penampungan)\b)"
    r"|(?:kampung|lombok|sumbawa|bima|desa|indonesia|rsud|puskesmas)\b"
    r"(?! (?:majikan|bos|boss|agen|agensi|sponsor|penampungan)\b))|(?:at|back) home\b"
    r"|in (?:indonesia|lombok|the village)\b"
)
"""Right after an illness, where the ill person is: at home ("inaq tiang sakit keras d rumah,
tiang mau pulang dr malaysia" got the emergency reply: a family chat tester, stop 51). Home
is a reason to go home, not a worker without care."""


@lru_cache(maxsize=1024)
def fold_all(text: str) -> str:
    """Like normalize.fold, but reads the whole message: danger may be in its last line.
    Cached: one message is folded for the danger rules, its destination and its domain."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("\u2019", "'").replace("'", " ")
    return with_places(NON_WORD.sub(" ", text).strip())


class DangerDetector:
    """Compiled once from the data file; `detect` is pure and thread-safe."""

    def __init__(
        self,
        spec: dict[str, Any],
        lexicon: dict[str, str],
        named: frozenset[str] = frozenset(),
    ) -> None:
        macros: dict[str, str] = {}
        for name, value in (spec.get("macros") or {}).items():
            # a macro may use the ones defined before it ({W} in NOT_MEDICAL)
            macros[str(name)] = self._substitute(str(value), macros)
        self.macros = macros
        self.spellings = {**lexicon, **{str(k): str(v) for k, v in spec["spellings"].items()}}
        self.active_roots = frozenset(str(w) for w in spec.get("active_roots") or ())
        """Roots of harm whose written active form ("menampar") is read as the root."""
        self._spelled_words: dict[str, str] = {}
        self.named = named | words_named(spec)
        """Words the rules (and the needs phrases read on the same text) name: a Jakarta
        "-in" form or an active "me-" verb is respelled only into one of these
        (`_written_form`)."""
        self.rules = [
            _Rule(
                kind,
                re.compile(self._expand(str(r["pattern"]), macros)),
                self._words(r),
                required_letters(self._expand(str(r["pattern"]), macros)),
                bool(r.get("needs_present")),
                bool(r.get("always")),
                bool(r.get("conditional")),
                re.compile(self._any_of(r["unless_in_message"]))
                if r.get("unless_in_message")
                else None,
                re.compile(self._any_of(r["only_in_message"]))
                if r.get("only_in_message")
                else None,
            )
            for kind, rules in spec["kinds"].items()
            for r in rules
        ]
        self.literals = LiteralIndex([r.literals for r in self.rules])
        self.topics = {str(k): str(v) for k, v in (spec.get("topics") or {}).items()}
        """The topic that helps most after the numbers, per kind of danger."""
        self.ranked_first = frozenset(str(k) for k in spec.get("ranked_first") or ())
        self.lead_topics = frozenset(str(k) for k in spec.get("lead_topics") or ())
        """The topics the ranking may lead with after the numbers for a `ranked_first` kind."""
        self.answered_first = frozenset(str(k) for k in spec.get("answered_first") or ())
        """Kinds whose topic is answered after the numbers, whatever the ranking leads with."""
        self.hypothetical = re.compile(self._any_of(spec["hypothetical"]))
        self.telling = frozenset(str(w) for w in spec.get("telling") or ())
        """Words of telling after which "kalau" means "that" (REPORTED_THAT)."""
        self.present = re.compile(self._any_of([*spec["present"], *spec["urgent"]]))
        self.urgent = re.compile(self._any_of(spec["urgent"]))
        self.homeward = self._any_pattern(spec.get("homeward"))
        self.hearsay = re.compile(self._any_of(spec["hearsay"]))
        ongoing = spec.get("ongoing") or {}
        self.purpose_denied = re.compile(
            self._any_of(ongoing.get("purpose")) + r" (?:\w+ ){0,2}tidak(?: \w+)?$"
        )
        self.again = re.compile(self._any_of(ongoing.get("again")))
        """A harm someone wants stopped "again" or "every day" (`_goes_on`)."""
        self.remark = re.compile(self._any_of(spec["hypothetical_after"]))
        self.past = re.compile(self._any_of(spec["past"]))
        near_past = spec.get("past_when_safe") or {}
        self.past_when_safe = re.compile(self._any_of(near_past.get("words")))
        """Words of a past as near as yesterday: in a message that says the person is safe now
        ("istri sy udh d rumah skrg, kmrn d rumah majikan gk boleh keluar"), the harm beside
        them is over; without such a phrase yesterday's beating is danger still."""
        self.someone_else = re.compile(str(near_past.get("someone_else") or "(?!)"))
        """Someone of the writer's named in a sentence: not the one a safe phrase speaks of."""
        self.ongoing = re.compile(self._any_of(near_past.get("ongoing")))
        """A harm said to go on: not one over because the writer is safe now."""
        self.auxiliaries = frozenset(str(w) for w in spec.get("passive_past") or ())
        kin = "|".join(re.escape(str(w)) for w in spec.get("kin_in_english") or ()) or "(?!)"
        auxiliaries = "|".join(map(re.escape, sorted(self.auxiliaries))) or "(?!)"
        self.kin_subject = re.compile(
            rf"\b(?:my|our) (?:{kin})s?(?: (?:in|at) [a-z]+(?: [a-z]+)?)? (?:{auxiliaries})\b"
        )
        """A family member as the subject of an English passive in the past ("my sister was",
        "my husband in malaysia was": a regression tester, stop 53)."""
        self.progressive = re.compile(rf"\b(?:{auxiliaries}) being\b")
        told_after = spec.get("writer_told_after") or {}
        self.writer_told_after = re.compile(self._any_of(told_after.get("phrases")))
        """Words that keep the writer's own "I was beaten" a story told from after it ("before
        the rescue", "at my old employer")."""
        self.narrated = re.compile(self._any_of(told_after.get("narration")))
        """Words of a story told in the English past ("i found", "we did not", "it was")."""
        self.writers_auxiliary = re.compile(
            rf"\b(?:{'|'.join(sorted(WRITER_SUBJECTS))}) (?:{auxiliaries})\b"
        )
        """The writer's own "i was", "we were": of the harm, not of the story around it."""
        self.telling_english = frozenset(str(w) for w in spec.get("telling_english") or ())
        """Words of telling before "was being ..." that put it in someone's present."""
        # the word boundary before the lookbehinds: they are then tried only where a word starts
        self.safe = re.compile(r"\b" + NOT_DENIED + self._any_of(spec["safe"]) + r"(?! sakit\b)")
        """Safe now, unless denied: "tidak bisa kabur" is held, not escaped; "skrg d rumah
        sakit" is in hospital, not at home (a tester of dangers told by others, stop 65)."""
        self.not_safe = re.compile(self._any_of(spec.get("not_safe")))
        """Where the family is, not how the person is: "my family back home" (`_safe_of`)."""
        self.not_yet = re.compile(self._any_of(spec.get("not_yet")))
        self.still_home = re.compile(self._any_of(spec.get("not_gone_yet")))
        """Words that the worker is still at home (`not_gone_yet`)."""
        self.phone_trouble = re.compile(self._any_of(spec.get("phone_trouble")))
        self.diet_told = re.compile(self._any_of(spec.get("diet_told")))
        self.awaiting_reply = re.compile(self._any_of(spec.get("awaiting_reply")))
        """The writer's own phone dead or out of credit, or the power out (`everyday_trouble`)."""
        signs = spec.get("forced_labour_signs") or {}
        self.strong_signs = [self._sign(str(v)) for v in (signs.get("strong") or {}).values()]
        self.weak_signs = [self._sign(str(v)) for v in (signs.get("weak") or {}).values()]
        """Signs of forced labour, harmless alone (`_shows_forced_labour`), each with the
        letters any match contains one of."""
        self.decisive_signs = [self._sign(str(v)) for v in (signs.get("decisive") or {}).values()]
        """Strong signs that need only one other: shut in, with the passport kept or no pay."""
        self.confined_sign = [self._sign(str((signs.get("strong") or {}).get("confined", "(?!)")))]
        """The strong sign a lock is also (`_shows_forced_labour` counts the others)."""
        self.signs_waived = re.compile(self._any_of(signs.get("waived")))
        """A house rule, a film, a question: the lock and one sign are not enough there."""
        self.papers_expired = self._any_pattern(spec.get("papers_expired"))
        """A visa or a permit that "mati" (expired), not a death (`everyday_trouble`)."""
        self.goods_sold = self._any_pattern(spec.get("goods_sold"))
        """Goods sold, not a person (`everyday_trouble`)."""
        self.no_work_at_home = self._any_pattern(spec.get("no_work_at_home"))
        """No work at home, wished for abroad (`everyday_trouble`)."""
        self.early_return_fine = self._any_pattern(spec.get("early_return_fine"))
        """A fine for going home before the contract ends (`everyday_trouble`)."""
        self.call_me = self._any_pattern(spec.get("call_me"))
        """The writer asks to be phoned (`everyday_trouble`)."""
        self.told_of_others = re.compile(
            self._any_of([*(spec.get("media") or ()), *(spec.get("in_general") or ())])
        )
        """Where a story is seen or heard, and harm told of workers in general."""
        self.definitions = re.compile(self._any_of(spec.get("definitions")))
        self.law_asked = re.compile(self._any_of(spec.get("law_asked")))
        """What the law calls a harm, asked anywhere in the message ("..., itu termasuk kerja
        paksa gk?", "what counts as forced labour?": a look-alike tester, stop 57)."""
        self.suppositions = re.compile("^" + self._any_of(spec.get("suppositions")))
        allowed = spec.get("allowed_question") or {}
        self.asks_if_allowed = re.compile(self._any_of(allowed.get("phrases")))
        self.allowed_kinds = frozenset(str(k) for k in allowed.get("kinds") or ())
        self.held_things = frozenset(str(w) for w in allowed.get("held_things") or ())
        """A condition of work asked about as a rule (`_asked_as_a_rule`)."""
        self.long_ago = long_ago_pattern(spec.get("long_ago") or {})
        """A time long past named before the danger in its sentence ("tahun lalu saya ditangkap
        razia"): the story is told from after it, unless the message pleads."""
        self.writer_or_kin = re.compile(self._any_of(spec.get("writer_or_kin")))
        """The writer or their family: what is told after one of them is theirs."""
        self.cared_for = cared_for_pattern(spec.get("cared_for") or {})
        """The clause that names a ward ("nenek yang saya jaga")."""
        self.thanks = re.compile(self._any_of(spec.get("thanks")))
        """Thanks that name help ("thank you for your help") are not a plea."""
        causes = spec.get("not_by_a_person") or {}
        self.causes = frozenset(
            str(w) for w in (*causes.get("causes", ()), *causes.get("objects", ()))
        )
        """What follows a danger when no person does it (the weather, a lockdown, a longing)
        or suffers it (a pet, food)."""
        self.caused = re.compile(
            self._any_of(causes.get("cues"))
            + r" (?:\w+ )?(?:the )?"
            + self._any_of(causes.get("causes"))
        )
        """A cause named after "karena"/"because of" that is not a person."""
        self.unreal_places = frozenset(str(w) for w in causes.get("unreal_places") or ())
        """A place that is not one ("diculik di game")."""
        self.schoolyard = frozenset(str(w) for w in causes.get("school") or ())
        """A child's school: a fight there is not a worker in danger (`_not_by_a_person`)."""
        self.feels_like = re.compile(self._any_of(spec.get("feels_like")) + "$")
        """A feeling likened to a danger ("rasanya seperti disiksa")."""
        self.jokes = re.compile(self._any_of(spec.get("jokes")))
        """Laughter: a message that laughs is a joke or an idiom unless it also pleads."""
        self.rumour_asked = re.compile(self._any_of(spec.get("rumour_asked")))
        """Whether what is said of workers somewhere is true (`_rumour_asked`)."""
        self.dreams = re.compile(self._any_of(spec.get("dreams")))
        """A dream told: what happens in it happens to no one now (`_dreamt`)."""
        self.residents = re.compile(self._any_of(spec.get("residents")))
        """A resident an officer may hear of: others, unless it is now (`_counts`)."""
        """Laughter: a message that laughs is a joke or an idiom unless it also pleads."""
        self.wards = re.compile(self._any_of(spec.get("wards")))
        """The people a caregiver looks after: their illness is the worker's job, not danger."""
        whole = spec.get("whole_plea") or {}
        self.plea_words = frozenset(str(w) for w in whole.get("plea") or ())
        self.plea_message_words = self.plea_words | {
            str(w) for key in ("persons", "address", "places") for w in whole.get(key) or ()
        }
        """The words a message that is only a plea is made of (`only_pleads`)."""

    def _sign(self, phrase: str) -> tuple[re.Pattern[str], frozenset[str]]:
        pattern = self.pattern(phrase)
        return re.compile(pattern), required_letters(pattern)

    @staticmethod
    def _signs_in(signs: list[tuple[re.Pattern[str], frozenset[str]]], standard: str) -> int:
        """How many of the signs the text shows; a sign none of whose letters is there is
        not searched (most messages show none)."""
        return sum(
            1
            for pattern, letters in signs
            if (not letters or any(run in standard for run in letters)) and pattern.search(standard)
        )

    @staticmethod
    def _substitute(pattern: str, macros: dict[str, str]) -> str:
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern

    @classmethod
    def _expand(cls, pattern: str, macros: dict[str, str]) -> str:
        """Macros expanded; every pattern starts at a word boundary, which also lets the regex
        engine skip the middle of words quickly."""
        pattern = cls._substitute(pattern, macros)
        return pattern if pattern.startswith("\\b") else "\\b(?:" + pattern + ")"

    def pattern(self, phrase: str) -> str:
        """A phrase in this file's notation ({DI}, {W}, {NOT}) as a regular expression; other
        phrase files (data/needs.yaml) are read with the same macros and spellings."""
        return self._expand(phrase, self.macros)

    def _any_pattern(self, phrases: Any) -> re.Pattern[str]:
        """Any of the listed phrases in this file's notation; none listed matches nothing."""
        return re.compile("|".join(self.pattern(str(p)) for p in phrases or ()) or "(?!)")

    @staticmethod
    def _words(rule: dict[str, Any]) -> frozenset[str]:
        return frozenset(_phrases(rule.get("unless_before")))

    @staticmethod
    def _any_of(phrases: Any) -> str:
        """Any of the listed words or phrases, as whole words; none listed matches nothing."""
        return r"\b(?:" + _words_of(phrases) + r")\b"

    def standard(self, text: str) -> str:
        """Folded words in standard spelling, one space apart, sentences parted by " | " so that
        a pattern's gap of a few words never joins two sentences; a trailing space lets
        patterns ending in a word-and-space unit match at the end too."""
        sentences = (fold_all(part).split() for part in SENTENCE_END.split(text))
        return " | ".join(self._spelled_sentence(words) for words in sentences) + " "

    def _spelled_sentence(self, words: list[str]) -> str:
        """The words spelled; a passive prefix typed apart is joined to its verb when the
        rules name the joined word ("d larang pulang", "d perbudak majikan", "d pulangin": a
        blind tester of family pleas, stop 61); "d arab", "di mana" stay apart."""
        if "d" not in words and "di" not in words:
            return " ".join(self._spelled(w) for w in words)
        out: list[str] = []
        for word in words:
            if out and out[-1] in SPLIT_PREFIX:
                joined = self._spelled("di" + word)
                if joined in self.named and joined not in PLACE_WORDS_WITH_DI:
                    out[-1] = joined
                    continue
            out.append(self._spelled(word))
        return " ".join(out)

    def _spelled(self, word: str) -> str:
        """`_spelling`, remembered: chat repeats the same few thousand words."""
        known = self._spelled_words.get(word)
        if known is None:
            known = self._spelling(word)
            if len(self._spelled_words) < SPELLED_CACHE:
                self._spelled_words[word] = known
        return known

    def _spelling(self, word: str) -> str:
        """A word in standard spelling; "kemana2", "pegang2" are written out ("pegang pegang"),
        as the rules name them."""
        standard = self.spellings.get(word)
        if standard is not None:
            return standard
        doubled = REDUPLICATED.match(word) if word.endswith("2") else None
        if doubled:
            base = self.spellings.get(doubled.group(1), doubled.group(1))
            return f"{base} {base.rsplit(None, 1)[-1]}"  # "kemana2" -> "ke mana mana"
        return self._written_form(word)

    def _written_form(self, word: str) -> str:
        """Jakarta speech ends a verb in "-in" where writing has "-kan", "-i" or nothing:
        "dipulangin" is "dipulangkan", "dimintain" "dimintai", "dilepasin" "dilepas". The
        written form is taken only when the rules name it, so "ingin", "kemarin" and a name
        stay as typed."""
        if word in self.named:
            return word
        if DOUBLE.search(word):
            # a letter typed twice in a hurry ("toloong", "tolongg", "dipukull"); "maaf",
            # "saat" and other roots keep theirs
            single = DOUBLE.sub(r"\1", word)
            if single in self.named and word not in indonesian_roots():
                return single
        if len(word) >= MIN_CHAT_ACTIVE:
            root = self._chat_active(word)
            if root is not None:
                return root
        if len(word) <= MIN_RESPELLED:
            return word
        if word.endswith(EMPHATIC) and word not in indonesian_roots():
            # a plea softened or pressed with "-lah": "tolonglah", "bantulah", "selamatkanlah",
            # "pulangkanlah"; "masalah", "sekolah" and "salah" are words of their own
            base = word[: -len(EMPHATIC)]
            if base in self.named:
                return base
        if word.endswith("in"):
            stem = word[:-2]
            for suffix in ("kan", "i", ""):
                if stem + suffix in self.named:
                    return stem + suffix
        if word.startswith("me"):
            # the written active voice drops the root's first sound: "menampar" (tampar),
            # "menyiksa" (siksa), "mengeroyok" (keroyok); the rules name the root
            root = stem_indonesian(word)
            if root in self.active_roots:
                return root
        return word

    def _chat_active(self, word: str) -> str | None:
        """The root of harm a chat active verb stands for, with or without a Jakarta "-in"
        ("namparin"), or None: only the roots in `active_roots` are read, so "makan" or
        "nanti" never turn into another word."""
        for prefix, firsts in CHAT_ACTIVE:
            if not word.startswith(prefix):
                continue
            rest = word[len(prefix) :]
            for tail in (rest, rest[:-2] if rest.endswith("in") else None):
                for first in firsts:
                    if tail and first + tail in self.active_roots:
                        return first + tail
        return None

    def fears_what_may_come(self, standard: str) -> bool:
        """ "takut dilecehkan majikan laki2, ada perlindungan gk?": a fear that opens the message,
        of what may happen, with nothing told as happening now nor a plea: the rules read it so
        (`hearsay`), and the plea model alone is not to read it as a danger (a tester of first
        questions, stop 65)."""
        return (
            FEAR_FIRST.match(standard) is not None
            and not self.pleads(standard)
            and not self._now(standard)
        )

    @staticmethod
    def asks_a_notice(standard: str) -> bool:
        """ "majikan bilang gk boleh pulang sebelum ada pengganti, bener gk aturannya": a notice
        before going home, not being held, unless held beyond it (`HELD_BEYOND`)."""
        return bool(UNTIL_REPLACED_ANY.search(standard)) and not HELD_BEYOND.search(standard)

    @staticmethod
    def only_asks_to_report(standard: str) -> bool:
        """ "tolong sy mau lapor": "please", and the wish to report, nothing told; the report's
        questions come, not the danger reply (a forms regression tester, stop 65)."""
        return ONLY_TO_REPORT.match(standard.replace("|", " ")) is not None

    @staticmethod
    def denies_confinement(standard: str) -> bool:
        """ "anak sy gk dikurung, cuma gk boleh keluar asrama malem2": a rule of the house told
        as no confinement, which the plea model alone is not to read as one (a family-side
        tester, stop 65)."""
        return CONFINEMENT_DENIED.search(standard) is not None

    def is_over(self, standard: str) -> bool:
        """The message says the person is safe now ("sudah pulang", "beruntung dibantu KBRI")
        and nothing says something is happening now."""
        safe_text = self._safe_of(standard)
        return bool(self.safe.search(safe_text)) and not self._now(safe_text)

    def says_safe(self, standard: str) -> bool:
        """The message says the person is safe, whatever else it says happens now (read
        beside another reading of the message alone, which tells whether it is danger)."""
        return bool(self.safe.search(self._safe_of(standard)))

    def not_gone_yet(self, standard: str) -> bool:
        """The worker has not left ("anak saya mau berangkat ke arab, saya takut dia disiksa",
        "belum berangkat, masih di rumah") and nothing says something is happening now: a
        fear for later, not danger now (chat testers, stop 40)."""
        if not self.still_home.search(standard):
            return False
        return not self._now(self.still_home.sub(" ", standard))  # its own "masih" is not now

    def everyday_trouble(self, standard: str) -> bool:
        """The writer's own phone is dead or out of credit, or a visa or permit has expired
        ("mati"), or the writer asks to be phoned, or goods are sold ("majikan jual kuih"), or
        something is allowed on days off only (`HOUSE_RULE`), or there is no work at home, or a
        fine for going home early is told, or a diet a doctor gave (`diet_told`), or a reply
        awaited or a quarantine (`awaiting_reply`), and no rule reads danger: the learnt
        model's reading of it ("hp saya mati tadi malam, tidak bisa transfer", "visa suami sy
        mati d dubai", "ini nomor sy 0819..., tolong telpon sy pak") is not danger now."""
        return bool(
            HOUSE_RULE.search(standard)
            or KEPT_BY_FAMILY.search(standard)
            or self.phone_trouble.search(standard)
            or self.diet_told.search(standard)
            or self.awaiting_reply.search(standard)
            or self.papers_expired.search(standard)
            or self.call_me.search(standard)
            or self.goods_sold.search(standard)
            or self.no_work_at_home.search(standard)
            or self.early_return_fine.search(standard)
        )

    def _shows_forced_labour(self, reading: _Reading) -> bool:
        """Three strong signs of forced labour (papers withheld, unpaid, shut in, cut off,
        worked without rest, threatened, without papers), or two with two weak ones (a debt to
        pay, a promise broken, far from anyone) in a message that speaks of now, pleads or
        wants to go home: trafficking, though no single harm is named. What `detect` read of
        the whole message (now, a plea, safe) is not read again."""
        standard = reading.standard
        if len(standard) < SIGNS_MIN_CHARS:
            return False  # three signs are not told in a short question (the cost of reading)
        strong = self._signs_in(self.strong_signs, standard)
        locked = bool(self._signs_in(self.decisive_signs, standard))
        if locked and not self.signs_waived.search(standard):
            # shut in beside one other sign: "... dikunci, paspor ditahan", "kept inside,
            # passport taken" (two testers, stop 57); the confined sign may be the lock itself
            strong = 3 if strong - self._signs_in(self.confined_sign, standard) >= 1 else strong
        if strong < 2:
            return False
        weak = self._signs_in(self.weak_signs, standard)
        if strong < 3 and weak < 2:
            return False
        if self.not_gone_yet(standard):
            return False
        if not reading.plea and (
            (RULE_ASKED.match(standard) and ALLOWED_ASKED.search(standard))
            or self.asks_if_allowed.search(standard)
            or self.told_of_others.search(standard)
            or self.law_asked.search(standard)
        ):
            return False  # "kalau paspor ditahan dan gaji blm dibayar, boleh gk ...?"
        if reading.safe and not reading.plea:
            return False  # "... sekarang sudah pulang": the signs are of a story now over
        if strong >= 3:
            return True
        return reading.now or reading.plea or self.wants_home(standard)

    def pleads(self, standard: str) -> bool:
        """The message asks for help ("tolong", "mohon pertolongan", "please", "SOS"); a
        rescue told as done ("sudah d selamatkan polisi") asks for none."""
        return bool(self.urgent.search(RESCUED.sub(" ", self.thanks.sub(" ", standard))))

    def wants_home(self, standard: str) -> bool:
        """The person wants to go home or be brought home ("ingin pulang", "mohon dipulangkan",
        "I want to go home"): kept within reach of the numbers like a plea."""
        return bool(self.homeward.search(standard))

    def _safe_of(self, standard: str) -> str:
        """The text the safe phrases are read in: phrases that only say where the family is
        ("my children back home") are blanked, each letter by a space, so places keep."""
        return self.not_safe.sub(lambda m: " " * len(m.group(0)), standard)

    def _now(self, safe_text: str) -> bool:
        """Something is happening now (in the text `_safe_of` gives); a safe phrase's own
        "sekarang" ("sekarang aman") is not."""
        return bool(self.present.search(PLAN_NOW.sub(" ", self.safe.sub(" ", safe_text))))

    def _now_near(self, safe_text: str, start: int, end: int) -> bool:
        """A word of now within the harm's own part of the story: its sentence, the
        NOW_SENTENCES_BEFORE before it and the one after. In a long story "sekarang" speaks of
        its own part ("... 2010 saya disekap | ... | sekarang saya sudah kerja di pabrik"). A
        message that pleads keeps its words of now for every harm it tells (`detect`): the
        plea is for now, as a family writes "... (the story) ... tolong bantu kami"."""
        before = safe_text[:start].rsplit("|", NOW_SENTENCES_BEFORE + 1)[
            -(NOW_SENTENCES_BEFORE + 1) :
        ]
        after = safe_text[end:].split("|", 2)[:2]
        return self._now(" | ".join([*before, *after]))

    def detect(self, text: str | None, standard: str | None = None) -> Danger | None:
        """`standard` is the text already read by `standard` (the triage reads it once for the
        danger rules and the needs)."""
        if not text:
            return None
        standard = standard if standard is not None else self.standard(text)
        if self.only_pleads(standard):
            return Danger(PLEA, standard.replace(" |", "").strip(), self.topics.get(PLEA))
        safe_text = self._safe_of(standard)
        now = self._now(safe_text)
        plea = self.pleads(standard)
        safe_at = [m.start() for m in self.safe.finditer(safe_text)]
        safe = bool(safe_at)
        if safe and not now:
            # "... beruntung dibantu KBRI", "sudah pulang": the danger is over; a wish to die
            # told after it is not ("dulu dipukul majikan, skrg udh d rumah, tp kadang pengen
            # mati aja": a danger regression tester, stop 54)
            return self._wish_after_safety(standard, safe_text, plea, max(safe_at))
        # a story that ends safe ("ditahan imigrasi, ... sekarang di rumah") is over before it
        ends_safe = max(safe_at) if safe and not plea else None
        told_after = self._writer_tells_after(standard)
        reading = _Reading(standard, safe_text, now, plea, safe, ends_safe, told_after)
        candidates = self.literals.candidates(standard)
        found = self._first_counted(reading, candidates)
        if found is None:
            if self._shows_forced_labour(reading):
                return Danger(TRAFFICKING, "", self.topics.get(TRAFFICKING), ranked_first=True)
            return None
        rule, phrase = found
        if not plea and (
            self.jokes.search(standard)
            or self._not_yet_of(standard, phrase)
            or self.law_asked.search(standard)
            or self._rumour_asked(standard, phrase)
        ):
            return None  # a joke, a question about what has not happened, the law or a rumour
        if not plea and self._asked_as_a_rule(rule.kind, phrase, standard):
            return None  # "kerja 16 jam sehari gk ada libur, itu normal gk?"
        # a wish to die told beside a harm ("I want to die, my boss hits me"): the harm's kind
        # decides the answer, and the reply speaks to the person first (a chat tester, stop 45)
        suicide_rules = [n for n in candidates if self.rules[n].kind == SUICIDE]
        also = rule.kind != SUICIDE and self._first_counted(reading, suicide_rules) is not None
        return Danger(
            rule.kind, phrase, self.topics.get(rule.kind), rule.kind in self.ranked_first, also
        )

    def _wish_after_safety(
        self, standard: str, safe_text: str, plea: bool, safe_end: int
    ) -> Danger | None:
        """A wish to die or a threat told after the words of safety: being home does not end
        it (`NOT_ENDED_AT_HOME`)."""
        lasting = [
            n for n in self.literals.candidates(standard) if self.rules[n].kind in NOT_ENDED_AT_HOME
        ]
        if not lasting:
            return None
        reading = _Reading(standard, safe_text, True, plea, True, safe_end, False)
        found = self._first_counted(reading, lasting)
        if found is None or self.jokes.search(standard):
            return None
        rule, phrase = found
        return Danger(rule.kind, phrase, self.topics.get(rule.kind), rule.kind in self.ranked_first)

    def _not_yet_of(self, standard: str, phrase: str) -> bool:
        """A word that the harm has not happened: "cuma nanya" anywhere; a wish that it may not
        ("jangan sampai", "amit amit") only before the harm, where it is of the harm: "dia
        diperkosa anak majikan, jangan sampai kades tau" is of the village head knowing (a
        family chat tester, stop 50)."""
        at = standard.find(phrase)
        for found in self.not_yet.finditer(standard):
            if 0 <= at <= found.start() and found.end() <= at + len(phrase):
                continue  # the harm's own words ("sekarang belum sadar": still unconscious)
            if STILL_NO.match(standard, found.end()):
                continue  # "sekarang belum ada kabar": still no news, not a harm to come
            if found.group(0) in WISHED_AWAY and "|" in standard[found.end() : max(at, 0)]:
                continue  # "jangan sampai anak sy dijual pak, dia disekap agen": of another
            if found.group(0) not in WISHED_AWAY or at < 0 or found.start() < at:
                return True
        return False

    def _first_counted(
        self, reading: _Reading, candidates: Iterable[int]
    ) -> tuple[_Rule, str] | None:
        """The first rule among `candidates` whose match counts, with the words matched."""
        standard, safe_text, now, plea = (
            reading.standard,
            reading.safe_text,
            reading.now,
            reading.plea,
        )
        safe, ends_safe, told_after = reading.safe, reading.ends_safe, reading.told_after
        for rule in (self.rules[n] for n in candidates):
            if rule.needs_present and not now:
                continue
            if rule.only_in_message is not None and not rule.only_in_message.search(standard):
                continue
            if rule.unless_in_message is not None and rule.unless_in_message.search(standard):
                continue
            for found in rule.pattern.finditer(standard):
                if ends_safe is not None and found.end() <= ends_safe and not rule.always:
                    continue
                told = standard[: found.start()].rsplit("|", 2)
                before = told[-1].split()
                recent = " ".join(told[-2:])  # its sentence and the one before
                after = standard[found.end() :].lstrip()
                now_here = (
                    now if plea else now and self._now_near(safe_text, found.start(), found.end())
                )
                if not self._counts(
                    rule, before, now_here, plea, safe, after, recent, found.group(0), told_after
                ):
                    continue
                if rule.kind == "illness" and (
                    self._of_a_ward(recent)
                    or ILL_AT_HOME.match(after) is not None
                    or _last_place_is_home(" ".join(before))
                ):
                    continue
                return rule, found.group(0).strip()
        return None

    def _hearsay(self, window: str, kind: str, matched: str) -> bool:
        """A word of hearsay or of fear before the harm: a fear of what may happen, or news.
        Fear before a threat made is of that threat ("sy takut majikan ngancam saya", "sy
        takut, bos mau pukul lg": a blind look-alike tester, stop 59), so there only the words
        of news count; "takut dibunuh kalau kerja di arab" is still a fear of what may be."""
        found = self.hearsay.findall(window)
        if kind == THREAT and THREAT_MADE.search(matched):
            return any(word.strip() not in FEARS for word in found)
        return bool(found)

    def _rumour_asked(self, standard: str, phrase: str) -> bool:
        """The harm's sentence, or the one after it, asks whether what is said of workers is
        true, and names neither the writer nor their family: "apa benar di arab gak boleh keluar
        rumah?", "is it true that maids in Saudi cannot go out?" (a blind round, stop 58). "apa
        benar anak sy disekap?" names a daughter, and stays danger."""
        sentences = standard.split("|")
        at = next((n for n, sentence in enumerate(sentences) if phrase in sentence), None)
        # "anak buah kapal" is a crew, not the writer's child ("dengar2 d taiwan ABK d sekap d
        # kapal, bener gk?": a tester of first questions, stop 65)
        if at is None or self.writer_or_kin.search(_without_crews(sentences[at])):
            return False
        return self.rumour_asked.search(" ".join(sentences[at : at + 2])) is not None

    def _asked_as_a_rule(self, kind: str, phrase: str, standard: str) -> bool:
        """Long hours or a phone kept, asked about as a rule ("itu normal gk?", "is that
        allowed?"): a question on working conditions, answered as one."""
        of_a_phone = kind == "held" and not self.held_things.isdisjoint(phrase.split())
        if kind not in self.allowed_kinds and not of_a_phone:
            return False
        return self.asks_if_allowed.search(standard) is not None

    def _of_a_ward(self, recent: str) -> bool:
        """The illness is told of someone the worker looks after ("nenek yang saya jaga
        stroke, tidak bisa bergerak"), not of the writer or their family named after the ward
        ("saya jaga akong tapi saya sendiri sakit parah" is the worker's own illness)."""
        return self._named_last(self.wards, self.cared_for.sub(" ", recent))

    def only_pleads(self, standard: str) -> bool:
        """The whole message is a plea: plea words, the persons they are for and words of
        address only, two words at least ("tolong pak", "help me"; `whole_plea`). A lone
        "help" or "tolong" is left to small talk."""
        words = [w for w in standard.split() if w != "|"]
        return (
            2 <= len(words) <= WHOLE_PLEA_WORDS
            and all(w in self.plea_message_words for w in words)
            and not self.plea_words.isdisjoint(words)
        )

    def _counts(
        self,
        rule: _Rule,
        words_before: list[str],
        now: bool,
        plea: bool,
        safe: bool,
        after: str = "",
        recent: str = "",
        matched: str = "",
        told_after: bool = True,
    ) -> bool:
        """False when the words around a match make it about a thing, a hypothetical, a fear,
        a denial ("tidak pernah dipukul"), others, or a danger that is over."""
        before = words_before[-WINDOW_WORDS:]
        if rule.unless_before and rule.unless_before.intersection(_without_nya(before)):
            return False
        window = " ".join(self._without_reported_that(words_before)[-WINDOW_WORDS:])
        if rule.always:
            return True
        if rule.kind == "held" and GOING_OUT.search(matched) and ONLY_AT_SOME_HOURS.match(after):
            return False  # "gk izinkan keluar malam", "doesn't allow me to leave ... at night"
        if (
            rule.kind == "held"
            and (GOING_OUT.search(matched) or PHONE_USE.search(matched))
            and BUT_ON_DAYS_OFF.match(after)
        ):
            return False  # "gk boleh keluar rumah kecuali libur"
        if rule.kind == "held" and BY_PARENTS.match(after):
            return False  # "dikunci ortu gk boleh berangkat"
        if (
            rule.kind == "held"
            and UNTIL_REPLACED.match(after)
            and not HELD_BEYOND.search(f"{' '.join(words_before)} {after}")
        ):
            return False  # "gk blh pulang klo blm ada pengganti"
        if self._goes_on(before, after):
            return not (
                self._in_the_past(window, words_before, matched, told_after) and (safe or not now)
            )
        sentence = " ".join(words_before)
        rest = after.split("|", 1)[0]  # the rest of its sentence
        if (
            not plea
            and (
                self._told_of_others(recent, rest)
                or self.definitions.search(window)
                # "dikurung bahasa inggrisnya apa?", "disandera artinya apa sih?" (a look-alike
                # regression tester, stop 63): the word asked about
                or self.definitions.match(rest.lstrip()) is not None
                or (not rule.conditional and self.suppositions.search(sentence))
                or self._not_by_a_person(rest, rule.kind)
                or (self.feels_like.search(window) and rule.kind != SUICIDE)
                or (
                    self._hearsay(window, rule.kind, matched)
                    and not (
                        SEEN_OF_ONES_OWN.search(window) and not SPORT.search(f"{window} {rest}")
                    )
                )
                or self._dreamt(words_before[-DREAM_WORDS:])
                or (not now and self._named_last(self.residents, recent))
                or self._told_from_after(sentence, rest)
                or self._that_was_long_ago(after)
            )
        ):
            return False
        hypothetical = not rule.conditional and self.hypothetical.search(window)
        if not now and (hypothetical or self.remark.match(after)):
            return False
        if self._in_the_past(window, words_before, matched, told_after) and (safe or not now):
            return False
        if safe and self.past_when_safe.search(f"{window} {matched}"):
            # unless its own sentence names someone else ("sy udh d rumah skrg, tp adik sy
            # kemarin dikunci majikan"): the one safe is not the one harmed
            own = f"{sentence.rsplit('|', 1)[-1]} {matched}"
            # nor when it goes on ("kmrn dia bilang majikan sering masuk kamarnya malam2")
            if not (self.someone_else.search(own) or self.ongoing.search(own)):
                return False
        deniable = rule.kind not in ("starved", "held") or (
            rule.kind == "held" and SHUT_IN.match(matched) is not None
        )
        return not (self._denied(before) and deniable)

    def _dreamt(self, words: list[str]) -> bool:
        """A dream word before the harm, with no cause between: "sy mimpi anak sy disekap" is
        a dream; "sy mimpi buruk tiap mlm krn anak sy dikunci majikan" and "nightmares because
        my daughter is locked in" tell a harm that causes the dreams (a danger look-alike
        tester, stop 55)."""
        dreamt = [at for at, word in enumerate(words) if self.dreams.fullmatch(word)]
        return bool(dreamt) and DREAM_CAUSES.isdisjoint(words[dreamt[-1] :])

    def _goes_on(self, before: list[str], after: str) -> bool:
        """A harm wanted stopped, "again" or "every day" beside it ("biar tidak terus
        digebukin tiap hari", "agar tidak disiksa lagi"): it is happening, whatever the "agar"
        and the "tidak" before it say."""
        if not self.purpose_denied.search(" ".join(before)):
            return False
        return bool(self.again.match(after) or (before and self.again.fullmatch(before[-1])))

    def _in_the_past(
        self,
        window: str,
        words_before: Sequence[str] = (),
        matched: str = "",
        told_after: bool = True,
    ) -> bool:
        """A word of the past before the harm ("dulu", "used to", "was"). English "was" and
        "were" are only the passive's auxiliary when a family member is the one harmed ("my
        sister was raped", "my daughter was trafficked to Cambodia"): a family writes of
        someone still there, as "adik saya diperkosa" is read. So they are when the writer is
        ("I was raped", "we were beaten"): sent to this chat it has just happened, as "saya
        diperkosa" has, unless the message is `told_after` it (`_writer_tells_after`). Nor
        are they the past in what someone tells of their present ("she said she was being
        held": `telling_english`)."""
        found = [m.group(0) for m in self.past.finditer(window)]
        if not found:
            return False
        if not all(w in self.auxiliaries for w in found):
            return True
        if not told_after and self._writers_own(words_before):
            return False
        # "was being" before the match, or "was" before a match that begins with "being"
        progressive = self.progressive.search(f"{window} {matched.split(' ', 1)[0]}")
        told_now = progressive and not self.telling_english.isdisjoint(words_before)
        kin_window = " ".join(words_before[-KIN_SUBJECT_WORDS:])  # "my husband in malaysia was"
        return not (self.kin_subject.search(kin_window) or told_now)

    def _writer_tells_after(self, standard: str) -> bool:
        """The message tells the writer's own story from after it: a phrase that says so
        ("before the rescue", "at my old employer") or a story narrated in the English past
        beyond the writer's own "i was" ("At first I found it hard ... I was locked in the
        house", "I was whipped. It was painful"). Typed in the chat it is the harm alone: "i
        was raped, im in taiwan", "i was beaten by madam, i was so scared"."""
        if self.writer_told_after.search(standard):
            return True
        own = self.writers_auxiliary.sub(" ", standard)
        # "... and was beaten": the auxiliary of a joined clause, whose subject
        # `_writer_subject` reads, is no narration of its own
        return bool(self.narrated.search(JOINED_AUXILIARY.sub(" ", own)))

    def _writers_own(self, words_before: Sequence[str]) -> bool:
        """Each "was"/"were" among the words read before the harm has the writer as its
        subject ("i was", "we were"), the subject just outside the window included."""
        kept = self._without_reported_that(list(words_before))
        start = max(0, len(kept) - WINDOW_WORDS)
        auxiliaries = [n for n in range(start, len(kept)) if kept[n] in self.auxiliaries]
        return bool(auxiliaries) and all(self._writer_subject(kept, n) for n in auxiliaries)

    @staticmethod
    def _writer_subject(words: Sequence[str], at: int) -> bool:
        """The writer is the subject of the auxiliary at `at`: right before it ("i was"), or
        the nearest subject before an "and" that joins it ("I have not been paid and was
        beaten": a chat tester, stop 45)."""
        if at > 0 and words[at - 1] in WRITER_SUBJECTS:
            return True
        if at == 0 or words[at - 1] != "and":
            return False
        for word in reversed(words[max(0, at - 1 - JOINED_SUBJECT_WORDS) : at - 1]):
            if word in WRITER_SUBJECTS:
                return True
            if word in OTHER_SUBJECTS:
                return False
        return False

    def _told_from_after(self, sentence: str, rest: str) -> bool:
        """A time long past named before the harm in its sentence ("tahun lalu saya ditangkap
        razia") or right after it in its clause (`rest`, the sentence after the match: "dipukul
        majikan di Yordania beberapa tahun lalu"). After a turn the time is something else's:
        "tidak bisa pulang padahal kontrak selesai 1 tahun lalu" is the contract's."""
        if self.long_ago.search(sentence):
            return True
        clause = _until_a_turn(rest.split()[:AFTER_WORDS])
        return bool(self.long_ago.search(" ".join(clause)))

    def _that_was_long_ago(self, after: str) -> bool:
        """What was just told is dated long past by a clause after it that points back with
        "itu" / "that", in its sentence or the next ("pernah tidur di jalan pas kabur, tp itu
        thn 2010"; "she beat me but that was years ago"). A clause that turns to something
        else keeps its own time (`_told_from_after`)."""
        words = " | ".join(after.split("|", 2)[:2]).split()
        for n, word in enumerate(words[1:], 1):
            if word in THAT_WORDS and (words[n - 1] == "|" or words[n - 1] in CLAUSE_TURNS):
                return bool(self.long_ago.search(" ".join(words[n : n + AFTER_WORDS])))
        return False

    def _not_by_a_person(self, rest: str, kind: str) -> bool:
        """The words after a danger in its sentence (`rest`) name a cause that is not a
        person: the next word ("terkurung hujan", "disiksa rindu"), or, for being shut in, one
        after "karena"/"because of" ("cannot go out because of the storm"). A blow has a hand
        behind it whatever the reason given ("she beat me because of the rain")."""
        following = rest.split(maxsplit=2)
        if not following:
            return False
        if following[0] in self.causes:
            return True
        place = following[1] if len(following) > 1 else ""
        if following[0] in PLACE_WORDS and place in self.unreal_places:
            return True
        if kind == "violence" and not self.schoolyard.isdisjoint(rest.split()[:SCHOOL_WORDS]):
            return True  # "anak sy dipukul temannya di sekolah" (a family chat tester, stop 48)
        return kind == "held" and bool(self.caused.search(rest))

    def _told_of_others(self, recent: str, rest: str) -> bool:
        """A danger told after a word of watching or reading ("lihat di tiktok ada TKW
        disiksa") or of workers in general ("berapa banyak TKW yang disiksa") is about
        strangers, unless the writer or their family is named between ("mohon nonton video
        anakmu | saya diancam") or after it in its sentence ("para PMI di kapal itu disekap,
        suami saya salah satunya")."""
        if not self._named_last(self.told_of_others, recent) or HEARD_ON_A_CALL.search(recent):
            return False
        return not self.writer_or_kin.search(_without_crews(WRITERS_FEELING.sub(" ", rest)))

    def _without_reported_that(self, words: list[str]) -> list[str]:
        """The words with each "kalau" that follows a word of telling (up to three words
        back: "cerita ke ibunya kalau …") left out, so that it is not read as an "if"."""
        if REPORTED_THAT.isdisjoint(words):
            return words
        kept: list[str] = []
        for n, word in enumerate(words):
            if word in REPORTED_THAT and self.telling.intersection(words[max(0, n - 3) : n]):
                continue
            kept.append(word)
        return kept

    def _named_last(self, names: re.Pattern[str], told: str) -> bool:
        """One of `names` is in `told` and neither the writer nor their family is named after
        the last of them: what follows is told of others (a ward, strangers in the news)."""
        ends = [m.end() for m in names.finditer(told)]
        if not ends:
            return False
        last = max(ends)
        # "nenek majikan sy sakit keras": the writer's word there is the employer's owner
        if told[:last].endswith("majikan") and (mine := EMPLOYERS_OWNER.match(told, last)):
            last = mine.end()
        return not self.writer_or_kin.search(_without_crews(told), last)

    @staticmethod
    def _denied(before: list[str]) -> bool:
        """ "tidak dipukul", "tidak pernah disiksa" deny; "tidak tahan disiksa" does not."""
        if before and before[-1] in NEGATIONS:
            return True
        return len(before) >= 2 and before[-2] in NEGATIONS and before[-1] in DENIAL_BRIDGES


def _without_nya(words: list[str]) -> set[str]:
    """The words and their roots without the possessive "-nya" ("gajinya ditahan" is the pay
    held, as "gaji ditahan" is)."""
    return {*words, *(w[:-3] for w in words if w.endswith("nya") and len(w) > 5)}


def _until_a_turn(words: list[str]) -> list[str]:
    """The words before the first that turns the clause ("padahal", "tapi", "but")."""
    for n, word in enumerate(words):
        if word in CLAUSE_TURNS:
            return words[:n]
    return words


WISHED_AWAY = frozenset(("jangan sampai", "amit amit"))
"""The not-yet words that wish a harm away, and so speak of what follows them."""


def _phrases(items: Any) -> list[str]:
    """The listed words or phrases; a list inside the list (a YAML alias of a list shared by
    two rules, `*locked_to_study`) gives its own."""
    return [str(w) for item in items or () for w in (item if isinstance(item, list) else [item])]


def _words_of(items: Any) -> str:
    """Alternatives of the listed words or phrases, longest first, as a tree of shared
    openings (`knowledge.alternation`)."""
    return any_phrase(_phrases(items))


def long_ago_pattern(spec: dict[str, Any]) -> re.Pattern[str]:
    """danger.yaml's `long_ago`: a year, "N tahun lalu" or a phrase of a time past, none of
    them running until now ("sejak tahun lalu", "since 2019"), and "dulu" where it means
    "back then" (not "first": "sabar dulu")."""
    unless = "".join(
        f"(?<!{w} )(?<!{w} \\d )(?<!{w} \\d\\d )"  # "sejak 2 tahun lalu"
        for w in map(re.escape, map(str, spec.get("year_unless_after") or ()))
    )
    return re.compile(
        rf"\b{unless}(?:(?:tahun|in) (?:19|20)\d\d|\d+ (?:tahun|years?) (?:lalu|yang lalu|ago)"
        rf"|{_words_of(spec.get('phrases'))}|(?:few|some|many|several) years ago)\b"
        rf"|^dulu\b|\b(?:{_words_of(spec.get('dulu_after'))}) dulu\b"
        rf"|\bdulu (?:{_words_of(spec.get('dulu_before'))})"
    )


def cared_for_pattern(spec: dict[str, Any]) -> re.Pattern[str]:
    """danger.yaml's `cared_for`: "(yang) saya jaga", "(who) I look after"."""
    return re.compile(
        rf"\b(?:(?:{_words_of(spec.get('linked_by'))}) )?(?:{_words_of(spec.get('carers'))}) "
        rf"(?:{_words_of(spec.get('verbs'))})\b"
    )


def words_named(spec: Any) -> frozenset[str]:
    """Every word written in a phrase file's strings (its patterns, lists and spellings)."""
    if isinstance(spec, dict):
        return frozenset().union(*(words_named(v) for v in spec.values()), frozenset())
    if isinstance(spec, list):
        return frozenset().union(*(words_named(v) for v in spec), frozenset())
    return frozenset(NAMED_WORD.findall(str(spec)))


@lru_cache(maxsize=1)
def needs_spec() -> Any:
    """data/needs.yaml, parsed once: the detector respells into the words its phrases name,
    and `knowledge.needs` compiles the phrases (read-only for both)."""
    return load_yaml(read_data("needs.yaml"))


@lru_cache(maxsize=1)
def default_detector() -> DangerDetector:
    return DangerDetector(
        load_yaml(read_data("danger.yaml")), load_lexicon(), words_named(needs_spec())
    )


def detect_danger(text: str | None) -> Danger | None:
    return default_detector().detect(text)
