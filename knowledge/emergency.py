"""The numbers to call from where a person is (content/emergency.yaml).

The danger reply must give numbers that work from the caller's phone: "110" is Indonesia's
police and useless in Riyadh. A message usually names the place ("di Johor", "Taiwan", "KL"), so
the country is read from the words; without one, the general numbers (the ministry's WhatsApp,
the foreign ministry's hotline) still reach help from anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from knowledge.danger import fold_all
from knowledge.phrases import PhraseIndex
from knowledge.yamlfast import load_yaml

EMERGENCY_TOPIC = "kontak-darurat"
"""The topic whose answer is the numbers to call: offered when danger is only suspected."""


SHORT_NUMBER = re.compile(r"(?<![\d-])\d{3}(?![\d-])")
MIN_LINE_DIGITS = 4
STREET_BEFORE = re.compile(r"\b(?:jl|jln|jalan|street|st|road|rd)$")
"""A line's name used as a street's: LTSA Bima on "Jl. Ksatria" is not the Johor consulate's
KSATRIA line ("jam buka nya?" after its address got that line: an offices tester, stop 55)."""
"""A number typed this long or longer may name a listed line; "999" or "112" alone is every
country's, and a year or an amount is not a line ("gaji 1955 ringgit" aside)."""
TYPED_NUMBER = re.compile(
    r"(?<!\brp )(?<!\brm )(?<!\bnt )(?<!\btahun )(?<!\bthn )(?<!\byear )(?<!\bsejak )"
    r"(?<!\bsince )(?<![\d-])\+?\d[\d -]{2,}\d(?![\d-])"
    r"(?! ?(?:ringgit|rm|rp|rupiah|dolar|dollar|usd|sgd|hkd|nt|ntd|won|yen|riyal|rial|sar|"
    r"dirham|aed|juta|jt|ribu|rb|tahun|thn|bulan|bln|hari|jam|orang|org|km|kg)\b)"
)
"""A number as typed in a folded message, not an amount, a year or a count ("gaji sy 1955
ringgit", "tahun 2019", "15999 orang")."""
NOT_THERE = frozenset("ke k kesana to dari dr from menuju jok ojok".split())
"""Words before a place one goes to or comes from, not one is in."""
IN_INDONESIA = re.compile(
    r"\b(?:indonesia|indo|jakarta|bekasi|tangerang|bogor|depok|surabaya|batam|medan|lombok|mataram|"
    r"sumbawa|bima|dompu|ntb|nunukan|entikong|kupang|makassar|semarang|bandung|"
    r"tanjung ?pinang|tanjung ?balai|karimun|kepri|dumai|pontianak|tarakan|bali|denpasar|"
    r"lembar|kayangan|bangsal|poto ?tano|sape|labuhan lombok|pelabuhan|pantai|harbou?r|jetty|"
    # Lombok and Sumbawa towns a family names ("d praya", "d selong": a danger regression
    # tester, stop 54)
    r"praya|selong|gerung|masbagik|kopang|narmada|labuapi|sakra|pringgabaya|aikmel|jonggat|"
    r"pujut|lingsar|gunungsari|sumbawa besar|taliwang|woha)\b"
)
"""Places in Indonesia a message in danger names: the police there are the number to call.
Not "pinang" alone: Pulau Pinang is in Malaysia. A port or a beach with no foreign place
named where one is ("di pelabuhan lembar, disuruh naik perahu ke malaysia") is the one a
crossing leaves from."""


CROSSING = re.compile(
    r"\b(?:naik|nyebrang|menyeberang|diseberangkan|dijemput|dijmpt|jemput|nunggu|menunggu|board|"
    r"take) (?:\w+ )?(?:a )?(?:small )?(?:kapal kecil|perahu|speedboat|speed|boat|pompong|"
    r"kapal kayu|sampan)\b|\bjal(?:an|ur) tikus\b|\bpntai\b"
    # a crossing still to come, or by the back way ("anak sy umur 16 thn mau nyebrang ke
    # malaysia lewat jalur gelap sama tekong": a look-alike tester, stop 54)
    r"|\bjal(?:an|ur) (?:gelap|belakang|laut)\b|\blewat laut\b"
    r"|\b(?:mau|akan|rencana|nanti|mo) (?:\w+ )?(?:nyebrang|menyeberang|nyeberang|menyebrang)\b"
)
"""A crossing by small boat being told: the person is still on Indonesia's side ("nanti malam
sy naik perahu ke malaysia"), where the police are the number to call."""


PAST = frozenset("dulu dahulu dulunya sebelumnya pernah previously formerly before".split())
PAST_REACH = 3
"""A place named just after these is where someone was, not where they are."""
WORK_WORDS = frozenset("kerja bekerja work".split())
PROMISED = frozenset(
    "dijanjikan dijanjiin dijanjikannya janji janjinya ditawari ditawarin ditawarkan tawaran "
    "promised offered "
    # a test for a place is not being there ("gk lolos tes korea" got Korea's numbers for a
    # wish to die at home: a false-alarm tester, stop 54)
    "tes test ujian exam".split()
)
"""A place named a few words after these is the one promised ("dijanjikan kerja d Jepang"),
not where the person is."""
NOW = frozenset("sekarang skrg skrang skrng sekrg skg kini now currently".split())
NOW_REACH = 5
"""A place named a few words after these is where the person is now ("ditawari kerja d
Thailand tp skrg dia disekap d Kamboja"): it is dialled from, before the others."""
MOVED = frozenset(
    "dibawa dibawain bawa dipindah dipindahkan pindah dijual dikirim diselundupkan dilarikan lari "
    "kabur dioper dilempar dibuang taken moved sold sent brought trafficked smuggled ran fled "
    "escaped transferred".split()
)
"""Words of being taken or going somewhere ("dibawa ke kamboja", "lari ke singapura"): the
place after them is where the person is now."""
MOVED_WORDS = 2
SPLIT_PASSIVE = frozenset("d di".split())
"""The passive prefix typed as a word of its own ("d kirim", "di bawa")."""
FUTURE = frozenset("mau akan bakal hendak nanti rencana mo will going plan planning".split())
"""Before the taking, it has not happened yet ("mau dibawa ke malaysia")."""
PASSED_THROUGH = frozenset("lewat lwt via melalui through thru".split())
LEFT_FROM = frozenset("dari dr from".split())
GONE_TO = frozenset("ke k to menuju jok ojok".split())
ROUTE_WORDS = 4
"""A place in Indonesia up to four words after "lewat"/"through" was passed through, and one
after "dari"/"from" with "ke"/"to" up to four words after it was left from: "brgkt dr bandara
lombok ke malaysia", "went to Saudi through a sponsor in Mataram" (a chat tester, stop 47:
both got Indonesia's police). "Saya dari Bima" says where the writer is; "disekap agen di
batam" is in Batam."""


AT_SEA = re.compile(
    r"\b(?:di laut|d laut|dilaut|tengah laut|lepas pantai|at sea|in the middle of the sea|"
    r"di perairan|d perairan|in the waters|longline boat|longliner|samudra|samudera|ocean|"
    r"on (?:the|a) (?:fishing )?(?:boat|ship|vessel)|"
    r"(?:kapal ikan|fishing boat|fishing vessel|fishing ship) (?:\w+ ){0,4}(?:near|dekat|dkt)|"
    r"high seas|laut lepas|sedang berlayar|lagi berlayar|lg berlayar|blm sandar|belum sandar|"
    r"gk sandar|tidak sandar|belum pernah sandar|"
    # "kapalnya gk pernah merapat ke darat" (a family danger tester, stop 53)
    r"(?:gk|ga|gak|tidak|tdk|belum|blm|jarang) (?:pernah )?(?:merapat|berlabuh|bersandar|"
    r"turun ke darat|ke darat)|never (?:docks?|docked|comes? to (?:land|port|shore)))\b"
)
"""Someone on a ship at sea: no land's emergency number reaches them, whatever the flag ("sy
ABK kapal ikan taiwan, skrg lg d laut dekat fiji": Taiwan's police, a chat tester, stop 48)."""


def at_sea(text: str | None, places: Callable[[str], str | None] | None = None) -> bool:
    """On a ship at sea; not in a sea named for a country ("kapal sy tenggelam d laut korea":
    Korea's numbers), when `places` (a lookup of place words) is given."""
    folded = fold_all(text or "")
    if (
        ON_A_FISHING_BOAT.search(folded)
        and not DOCKED.search(folded)
        and not LEFT_THE_BOAT.search(folded)
        and not at_home(text)
    ):
        return True
    found = AT_SEA.search(folded)
    if found is None:
        return False
    after = " ".join(folded[found.end() :].split()[:SEA_NAME_WORDS])
    return places is None or not after or places(after) is None


ON_A_FISHING_BOAT = re.compile(
    r"\b(?:(?:di|d|dlm|dalam|abk|awak|kru|crew) kapal (?:ikan|cina|china|tiongkok|taiwan|korea|"
    r"asing|tuna|kargo|cargo|penangkap|tanker|pesiar|longline)|dikapal ikan|"
    r"(?:di|d) kapal (?:[a-z]+ )?(?:gk|ga|gak|tidak|nggak|tdk) (?:bisa|boleh) turun|"
    r"on an? (?:[a-z]+ ){0,2}(?:fishing )?(?:boat|vessel|ship|trawler)|"
    r"(?:chinese|taiwanese|korean|foreign)(?: flagged)? fishing (?:boat|vessel|ship))\b"
)
"""On a fishing boat now, whatever flag follows: "kerja di kapal ikan taiwan, dipukuli kapten",
"anak sy ABK kapal ikan", "on a chinese-flagged fishing boat" were asked for the country (stop
56's list, a place tester in stop 57); the place after it is the flag, not a sea. Not a boat
docked or left behind (`DOCKED`, `LEFT_THE_BOAT`), nor someone home now."""
DOCKED = re.compile(
    r"\b(?:sandar|bersandar|disandarkan|berlabuh|merapat|docked|docks|in port|at port|"
    r"pelabuhan|dermaga|harbou?r|port louis)\b"
)
LEFT_THE_BOAT = re.compile(
    r"\b(?:dulu|pernah|mantan|bekas|former|formerly|used to)\b(?: [a-z0-9]+){0,3} "
    r"(?:di |d |on (?:a |the )?)?(?:kapal|ship|boat|vessel)"
)
SEA_NAME_WORDS = 2
"""How many words after "di laut" may name whose sea it is."""


SHIP_WORDS = frozenset("kapal kapalnya kpl boat vessel ship trawler longliner".split())
FLAG_BEFORE = frozenset("bendera benderanya berbendera flag flagged".split()) | SHIP_WORDS
FLAG_AFTER = frozenset("flag flagged flagship boat vessel ship fishing trawler longliner".split())


INTENDED = frozenset(
    "mau mo akan ingin pengen pingin pgn hendak rencana berencana mele want wants wanna plan "
    "planning will gonna "
    # leave asked to go ("mau bunuh diri katanya kalo gk dikasih ijin berangkat ke malaysia"
    # got Malaysia's numbers for a sister still in Lombok: a family-side tester, stop 55)
    "izin ijin".split()
)
"""Words of a going still to come: "mau kerja ke malaysia" names where one means to go."""
INTENT_REACH = 3


def _intended(words: list[str], at: int) -> bool:
    """The place at `at` is one the person means to go to ("dipukul suami krn mau kerja ke
    malaysia, skrg sy takut pulang" got Malaysia's numbers: a pre-departure tester, stop 54)."""
    if at == 0 or words[at - 1] not in GONE_TO:
        return False
    before = words[max(0, at - 1 - INTENT_REACH) : at - 1]
    if not SENDING.isdisjoint(before):
        # "anak sy 15 thn mau diberangkatkan calo ke malaysia minggu depan": still at home,
        # where Indonesia's police can stop it (got Malaysia's 999 first: a tester, stop 55)
        before = words[max(0, at - 1 - INTENT_REACH - SENT_BY_WORDS) : at - 1]
    # "pak sy mau curhat. sy ke taiwan lewat PT ...": a wish to tell, not to go (a regression
    # tester of dangers, stop 65)
    meant = any(
        w in INTENDED and TELLING.isdisjoint(before[n + 1 : n + 2]) for n, w in enumerate(before)
    )
    # "mereka mau dijual ke Myanmar": taken there, where they may soon need its numbers
    return meant and not any(
        w.startswith("di") and w not in LET and w not in SENDING for w in before
    )


TELLING = frozenset("curhat cerita tanya nanya bertanya lapor melapor minta mohon tau tahu".split())
"""After "mau": a wish to tell or ask, not to go."""


SENT_BY_WORDS = 2
"""Who sends, between the sending and the place ("mau diberangkatkan calo ke malaysia")."""


LET = frozenset("dikasih dikasi diberi diizinkan diijinkan dibolehkan dibolehin".split())
"""Being let go is no being taken ("kalo gk dikasih ijin berangkat ke malaysia")."""


PURPOSE_BEFORE = INTENDED | frozenset(
    "to katanya katanye will dikirim dijanjikan buat untuk".split()
)
WORK_WORDS = frozenset("kerja bekerja krja work working".split())


SENDING = frozenset(
    "send sent sending kirim dikirim kirimkan berangkatkan diberangkatkan berangkatin "
    "diberangkatin".split()
)


def _work_meant(words: list[str], at: int) -> bool:
    """The place at `at` is the work someone is taken for ("katanya kerja d johor", "to work
    in Malaysia", "to send him to saudi"): where they go, when a harbour at home is where they
    are."""
    if at < 2 or words[at - 1] not in ("di", "d", "in", "ke", "k", "to"):
        return False
    if not SENDING.isdisjoint(words[max(0, at - 4) : at - 1]):
        return True
    return at >= 3 and words[at - 2] in WORK_WORDS and words[at - 3] in PURPOSE_BEFORE


FETCHING = frozenset(
    "pulangkan memulangkan dipulangkan pulangin dipulangin jemput dijemput menjemput jmpt "
    "keluarkan dikeluarkan selamatkan diselamatkan bebaskan dibebaskan bring fetch rescue get "
    "telpon telepon nelpon menelpon tlp telp called calls calling phoned texted bawa dibawa "
    "membawa wa sms chat".split()
)
RETURNED = frozenset("pulang plg balik kembali returned back".split())
"""Right before "dari", a return already made ("anak sy yg baru pulang dr malaysia"), unless
someone is to bring them ("bawa pulang istri sy dr saudi")."""
FETCH_REACH = 6
"""Someone to be brought home from a place, or calling from it, is there: "tolong pulangkan
anak sy dari Malaysia, dia dipukul" and "please help bring my wife home from Saudi" got no
numbers of the place (a long-plea tester, stop 56); "sejak pulang dr malaysia" is home."""


CALLING = frozenset("telpon telepon nelpon menelpon tlp telp sms wa chat video call".split())
CALL_REACH = 3
"""A call from a place ("anak sy dr Hongkong telpon katanya d pukul majikan")."""


def _fetched_from(words: list[str], at: int) -> bool:
    """The "dari"/"from" at `at` follows a word of bringing home or of calling, and no
    return already made stands right before it ("sy telpon anak sy yg baru pulang dr
    malaysia, dia d pukul suaminya d rumah" is at home: a false-alarm tester, stop 56)."""
    if at > 0 and words[at - 1] in RETURNED:
        # "bisa pulang dr malaysia", "bawa pulang ... dr": still there; "baru pulang dr": home
        return at >= 2 and words[at - 2] in BRINGING | STILL_TO_RETURN
    return not FETCHING.isdisjoint(words[max(0, at - FETCH_REACH) : at])


BRINGING = frozenset("bawa dibawa membawa tolong jemput dijemput".split())
STILL_TO_RETURN = frozenset(
    "bisa boleh mau ingin pengen pgn biar supaya agar can want to untuk buat minta".split()
)
"""A return still to come ("supaya anak sy bisa pulang dr malaysia": a look-alike tester,
stop 56): the person is there."""


def _promised(words: list[str], at: int) -> bool:
    """The place at `at` is named as the one promised ("dijanjikan kerja d Jepang")."""
    return not PROMISED.isdisjoint(words[max(0, at - NOW_REACH) : at])


def _work_told_of(words: list[str], at: int) -> bool:
    """The place at `at` is the work someone was told of ("katanya kerja d thailand")."""
    told = words[max(0, at - 3) : at]
    return "katanya" in told and not WORK_WORDS.isdisjoint(told)


def a_ships_flag(words: list[str], at: int, length: int) -> bool:
    """A country named as a ship's flag or owner ("abk kapal ikan taiwan", "korean flagged
    vessel", "bendera taiwan"), not where the crew is: a Taiwanese boat in Port Louis is no
    place to dial Taiwan's police from (a danger chat tester, stop 51)."""
    before = words[max(0, at - 2) : at]
    after = words[at + length : at + length + 1]
    return bool(FLAG_BEFORE.intersection(before) or FLAG_AFTER.intersection(after))


def at_home(text: str | None) -> bool:
    """A place in Indonesia is named where someone is (not one a route passed), or a crossing
    by small boat is being told."""
    folded = fold_all(text or "")
    if CROSSING.search(folded):
        return True
    return any(
        not (
            _on_a_route(folded, found)
            or _the_writers(folded, found)
            or _origin(folded, found)
            or _no_one_there(folded, found)
        )
        for found in IN_INDONESIA.finditer(folded)
    )


ANY_PORT = frozenset("pelabuhan pantai harbour harbor jetty".split())
AT = frozenset("di d in at dekat near ke k to menuju".split())
"""Words before a port or a beach someone is at or is taken to ("d pelabuhan", "dibawa ke
pelabuhan"), an article between allowed ("to the harbour")."""
ARTICLES = frozenset("the a".split())


def _no_one_there(folded: str, found: re.Match[str]) -> bool:
    """A port or a beach named with no one said to be at it ("terakhir kontak pake wifi
    pelabuhan" from a crewman abroad got Indonesia's police: a long-plea tester, stop 59)."""
    if found.group(0) not in ANY_PORT:
        return False
    before = [w for w in folded[: found.start()].split()[-2:] if w not in ARTICLES][-1:]
    return not before or before[0] not in AT


ORIGIN = frozenset("orang org asal asli warga putra putri wong dou".split())
"""Words before a place someone comes from: "sy org sumbawa" on a fishing boat abroad got
Indonesia's police (a chat tester after the numbers, stop 59)."""


def _origin(folded: str, found: re.Match[str]) -> bool:
    """The place named is where someone is from ("org sumbawa", "asal lombok"), or where the
    company that sent them has its office ("sy ke taiwan lewat PT di mataram ... skrg sy sama 5
    temen dikunci di asrama" got Indonesia's police: a regression tester of dangers, stop 65)."""
    before = folded[: found.start()].split()
    if before and before[-1] in ORIGIN:
        return True
    near = before[-OFFICE_REACH:]
    return not OFFICES.isdisjoint(near) and not THROUGH.isdisjoint(before[-OFFICE_REACH - 1 :])


OFFICES = frozenset("pt perusahaan lpk p3mi pjtki".split())
THROUGH = frozenset("lewat lwt melalui via daftar dari dr".split())
OFFICE_REACH = 2
"""Words before a place in Indonesia that name the company gone through there ("lewat PT di
mataram"); not one holding someone there ("d sekap agen di batam")."""


WRITERS = frozenset("kami keluarga we family".split())
ABROAD_WORK = frozenset(
    "majikan majikannya employer agensi agency berangkat brgkt brangkat berangkatkan "
    "diberangkatkan dikirim diterbangkan".split()
)
WRITERS_REACH = 3
"""Where the family writes from, when the worker is placed abroad: "anak sy berangkat ke Saudi
thn 2021, skrg majikan tdk izinkan pulang, kami d NTB" got Indonesia's police, not Saudi
Arabia's numbers (a long-plea tester, stop 56); "anak sy d berangkatkan ke myanmar ... kami d
bima" did too (a tester of family pleas, stop 61)."""


def _the_writers(folded: str, found: re.Match[str]) -> bool:
    """The place named is the family's ("kami d NTB"), in a message of a worker with an
    employer or an agency, or who left: it says nothing of where the worker is. "sy d lombok,
    dipukul suami" is the writer in danger at home, and stays home."""
    before = folded[: found.start()].split()[-WRITERS_REACH:]
    if not before or before[-1] not in ("di", "d", "in", "at", "dari", "dr", "from"):
        return False
    return not WRITERS.isdisjoint(before[:-1]) and not ABROAD_WORK.isdisjoint(folded.split())


NOT_KINS = "".join(
    f"(?<!\\b{kin} )"
    for kin in (
        "anak istri suami ibu bapak ayah adik adek kakak abang keluarga mama papa ortu cucu "
        "ponakan keponakan teman temen kawan majikan bos inaq amaq bini semame kanak ana ina "
        "ama my"
    ).split()
)
"""Not the writer's kin ("anak sy d Lombok" places the child, not the writer)."""
WRITER_AT_HOME = re.compile(
    rf"\b{NOT_KINS}(?:saya|sy|aku|aq|gue|gw|tiang|nahu|i am|im|i m|me) (?:\w+ ){{0,2}}"
    r"(?:di|d|at|in|dirumah|drmh|dirmh) ?(?:rumah|rmh|kampung|kampong|kmpg|desa|home|"
    r"indonesia|lombok|sumbawa|mataram|bima|dompu|ntb)\b"
    r"(?! (?:majikan|mjkn|bos|boss|tuan|nyonya|madam|sakit|skt|agen|agensi|penampungan|"
    r"sponsor|employer|kbri|kjri|teman|temen|kawan|sy|saya|my|of)\b)"
)
"""The writer says where they are, at home ("sy di lombok sendiri", "sy anaknya di rumah",
"I am at home in Lombok"; not "sy di rumah majikan d riyadh"): a wish to die told of
themselves is not dialled from where the worker they write of is."""


WRITER_PLACED = re.compile(
    rf"\b{NOT_KINS}(?:saya|sy|aku|aq|tiang|nahu|i am|im|i m) "
    r"(?:(?:masih|sekarang|skrg|now|still|lagi|lg) )?"
    r"(?:(?:kerja|bekerja|krj|tkw|tki|pmi|bmi|tinggal|jadi tkw|jd tkw|jadi pmi|jd pmi|work|"
    r"working|live|living) )?"
    r"(?:di|d|in|at|kat|lek|leq) (\w+(?: \w+)?)"
)
"""The writer placing themselves ("sy d Riyadh", "i am in hong kong", "tiang lek malaysia",
"sy kerja d sabah", "sy TKW d riyadh": a tester of dangers told by others, stop 65)."""


HOME_THREAT = re.compile(
    r"\b(?:debt collector|dc|rentenir|lintah darat|penagih|pinjol|loan sharks?)\b"
    r"|\b(?:ke|k|depan|pintu|kaca|halaman) (?:rumah|rmh)\b"
    r"(?! (?:majikan|mjkn|bos|boss|agen|sponsor|employer|madam|tuan|nyonya)\b)"
    r"|\brumah (?:saya|sy|kami|kita|mertua|orang tua|ortu|ibu|bapak|keluarga)\b"
    r"|\b(?:my|our|parents|family) (?:house|home)\b"
)
"""Who threatens, or where, at the family's house at home: a debt's collectors (thugs may be
anywhere: "preman ngancam mau bunuh anak sy yg kerja di kamboja"), men at the door, the house
itself."""
HOLDERS_ABROAD = frozenset(
    "majikan mjkn majikannya bos boss madam employer tekong kapten captain mandor tauke "
    "taukeh agen agensi agency agent supervisor foreman kafeel kafil sponsor".split()
)


KIN_WORDS = frozenset(
    "anak anaknya istri istrinya suami suaminya ibu bapak ayah adik adek kakak abang mama papa "
    "ortu cucu ponakan keponakan menantu bini laki inaq amaq ina ama husband wife son daughter "
    "brother sister mother father".split()
)
SELF_WORDS = frozenset("saya sy aku aq gue gw tiang nahu i me kami we".split())
KIN_REACH = 6


def _kins_place(words: list[str], at: int) -> bool:
    """The person nearest before the place at `at` is a relative ("suami sy lg kerja di",
    "anak sy yg d"), not the writer ("sy d")."""
    before = words[max(0, at - KIN_REACH) : at]
    for n in range(len(before) - 1, -1, -1):
        word = before[n]
        if word in KIN_WORDS:
            return True
        if word in SELF_WORDS:
            return n > 0 and before[n - 1] in KIN_WORDS  # "suami sy": whose, not who
    return False


PEOPLE = KIN_WORDS | frozenset(
    "teman temen temannya kawan kawannya sahabat tetangga sepupu ipar sekamar sebilik rekan "
    "friend friends cousin sodara saudara mak emak mamak abah mbak mas om tante".split()
)
"""Someone else the writer may place abroad."""
PERSON_REACH = 4
"""Words before a place in which the person placed there is named ("adek sy d singapura")."""
KIN_PLACED = re.compile(
    r"\b(?:anak|ibu|bapak|ayah|ortu|orang tua|keluarga|istri|suami|adik|adek|kakak|inaq|amaq|"
    r"mama|papa|emak|nenek|kakek|mertua)\w* (?:saya |sy |aku |tiang |kami |nahu |kita )?"
    r"(?:masih |msh |sekarang |skrg |lagi |lg |still )?(?:d|di|lek|leq) (\w+(?: \w+)?)"
)
HOME_WORDS = frozenset("kampung kampong kmpg rumah rmh bale desa dusun".split())


def kin_placed_at_home(text: str | None) -> bool:
    """A relative the message places at home ("bapak sy d praya", "ibu sy d kampung", "inaq
    tiang d bale")."""
    for found in KIN_PLACED.finditer(fold_all(text or "")):
        place = found.group(1)
        if place.split()[0] in HOME_WORDS or IN_INDONESIA.match(place) is not None:
            return True
    return False


def threatened_at_home(text: str | None) -> bool:
    """A threat made at the family's house at home, not where the worker they write of is:
    "debt collector dtg ke rumah ngancam mau bakar rumah, suami sy kerja di malaysia" is for
    Indonesia's police, not Malaysia's 999 (a last regression tester, stop 63). A holder named
    (an employer, an agent, a captain) leaves the place to the worker's."""
    folded = fold_all(text or "")
    return HOME_THREAT.search(folded) is not None and HOLDERS_ABROAD.isdisjoint(folded.split())


def writer_placed_at_home(text: str | None) -> bool:
    """The writer names a place at home as where they are ("rumah sy d Lombok", "sy di
    Mataram"); unlike `writer_at_home`, a house alone ("sy msh d rmh ini") is no place at
    home: it is as often the employer's."""
    return any(
        IN_INDONESIA.match(found.group(1)) is not None
        for found in WRITER_PLACED.finditer(fold_all(text or ""))
    )


def writer_at_home(text: str | None) -> bool:
    return WRITER_AT_HOME.search(fold_all(text or "")) is not None


def _on_a_route(folded: str, found: re.Match[str]) -> bool:
    before = folded[: found.start()].split()[-ROUTE_WORDS:]
    if not PASSED_THROUGH.isdisjoint(before):
        return True
    after = folded[found.end() :].split()[:ROUTE_WORDS]
    return not LEFT_FROM.isdisjoint(before) and not GONE_TO.isdisjoint(after)


LINE_KINDS = ("emergency", "mission", "labour", "abuse")
"""What a country's line is for: the local emergency services; the Indonesian embassy or
consulate; the local labour office's helpline for foreign workers; a line against abuse or
trafficking. A topic's answer adds the kinds it names (`Topic.local_help`) for the place the
worker is in."""


@dataclass(frozen=True)
class Line:
    label: dict[str, str]
    number: str
    source: str
    note: dict[str, str]
    as_of: str = ""
    kind: str = ""
    names: tuple[str, ...] = ()
    """Names only this line has, as people type them ("cde", "talian kasih"), folded."""

    def text(self, lang: str) -> str:
        label = self.label.get(lang) or self.label["id"]
        note = self.note.get(lang) or self.note.get("id") or ""
        return f"{label}: *{self.number}*" + (f" ({note})" if note else "")


@dataclass(frozen=True)
class Country:
    code: str
    name: dict[str, str]
    words: tuple[str, ...]
    lines: tuple[Line, ...]
    topic: str | None = None
    """The knowledge-base topic about working there (Malaysia, Taiwan and Hong Kong, ...)."""
    far: tuple[str, ...] = ()
    far_note: dict[str, str] = field(default_factory=dict)
    """Regions whose nearest mission's number the list lacks (Sabah, Sarawak, Penang), and
    what to say there: that it is lacking and which line above to call instead."""

    def lines_of(self, kinds: Iterable[str]) -> tuple[Line, ...]:
        """The lines for these purposes ("mission", "labour"), in the list's order."""
        wanted = frozenset(kinds)
        return tuple(line for line in self.lines if line.kind in wanted)

    def far_note_for(self, text: str | None, lang: str) -> str:
        """What to say where the text names a region the list has no nearby mission for; ""
        elsewhere."""
        if not self.far_note or not self.far_from_lines(text):
            return ""
        return self.far_note.get(lang) or self.far_note.get("id", "")

    def far_from_lines(self, text: str | None) -> bool:
        """The text names one of the regions the list has no nearby mission for."""
        padded = f" {fold_all(text or '')} "
        return any(f" {region} " in padded for region in self.far)


def _line(data: dict[str, Any], in_country: bool = False) -> Line:
    kind = str(data.get("kind") or "")
    if in_country and kind not in LINE_KINDS:
        raise ValueError(f"line {data.get('number')!r}: kind must be one of {LINE_KINDS}")
    return Line(
        label=dict(data["label"]),
        number=str(data["number"]),
        source=str(data.get("source", "")),
        note=dict(data.get("note") or {}),
        as_of=str(data.get("as_of", "")),
        kind=kind,
        names=tuple(fold_all(str(n)) for n in data.get("names") or ()),
    )


class EmergencyNumbers:
    """General numbers and each destination's own; read once, queried from many threads."""

    def __init__(self, general: tuple[Line, ...], countries: tuple[Country, ...]) -> None:
        self.general = general
        self.countries = countries
        self._by_word = {fold_all(w): c for c in countries for w in c.words}
        self._by_word.update({fold_all(n): c for c in countries for n in c.name.values()})
        self._places = PhraseIndex(self._by_word)

    @classmethod
    def load(cls, path: Path | None = None) -> EmergencyNumbers:
        if path is None:
            text = (resources.files("knowledge") / "content" / "emergency.yaml").read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        data = load_yaml(text)
        countries = tuple(
            Country(
                code=str(c["code"]),
                name=dict(c["name"]),
                words=tuple(str(w).lower() for w in c.get("words") or ()),
                lines=tuple(_line(x, in_country=True) for x in c.get("lines") or ()),
                topic=str(c["topic"]) if c.get("topic") else None,
                far=tuple(str(w).lower() for w in (c.get("far") or {}).get("words") or ()),
                far_note=dict((c.get("far") or {}).get("note") or {}),
            )
            for c in data.get("countries") or ()
        )
        return cls(tuple(_line(x) for x in data.get("general") or ()), countries)

    def place_words(self) -> list[str]:
        """Every word that names a destination (countries, cities, chat spellings)."""
        return [*self._by_word]

    def country(self, code: str | None) -> Country | None:
        return next((c for c in self.countries if c.code == code), None)

    def place_word_in(self, text: str | None) -> str | None:
        """The first word or phrase naming a place in a message ("riyadh", "johor bahru")."""
        if not text or not self._by_word:
            return None
        return self._places.first(fold_all(text))

    def places_named(self, text: str | None) -> list[tuple[int, int, Country]]:
        """Each place a message names: its first word's index in the folded text, its length
        in words, and its country, left to right."""
        if not text or not self._by_word:
            return []
        return [
            (at, len(found.split()), self._by_word[found])
            for at, found in self._places.positions(fold_all(text))
        ]

    def located_in(self, text: str | None) -> Country | None:
        """The first place a message says someone is in, not one they go to or come from
        ("lowongan k jepang", "d deportasi dr malaysia") nor were in ("dulu d hongkong"):
        where numbers are dialled from."""
        found = self._places_in(text)
        return found[0] if found else None

    def _places_in(self, text: str | None) -> list[Country]:
        """The places a message says someone is in, left to right: not one they go to or come
        from ("ke", "dari"), nor one they were in ("dulu", "pernah")."""
        words = fold_all(text or "").split()
        return [c for _, c in self._placed_in(text, words)]

    def _placed_in(self, text: str | None, words: list[str]) -> list[tuple[bool, Country]]:
        """`_places_in`, each with whether it is said to be where the person is now; a place
        promised ("dijanjikan kerja d Jepang") or a ship's flag is not one they are in."""
        return [
            (not NOW.isdisjoint(words[max(0, at - NOW_REACH) : at]), c)
            for at, c in self._not_flags(text, words)
            if (at == 0 or words[at - 1] not in NOT_THERE)
            and (
                PAST.isdisjoint(words[max(0, at - PAST_REACH) : at])
                or not NOW.isdisjoint(words[max(0, at - PAST_REACH) : at])
            )  # "worked in malaysia before, now in jeddah": "before" is the clause before
            and not _promised(words, at)
        ]

    def _not_flags(self, text: str | None, words: list[str]) -> list[tuple[int, Country]]:
        """The places a message names (word position and country), a ship's flag aside."""
        return [
            (at, c)
            for at, length, c in self.places_named(text)
            if not a_ships_flag(words, at, length)
        ]

    def only_kin_abroad(self, text: str | None) -> bool:
        """Every place the message names is a relative's ("suami di taiwan", "suami sy yg
        lg kerja d malaysia"): the writer, at home, is not there."""
        words = fold_all(text or "").split()
        placed = self._not_flags(text, words)
        return bool(placed) and all(_kins_place(words, at) for at, _ in placed)

    def _in_now(self, text: str | None) -> list[Country]:
        """The places someone is in, those said to be now ("tp skrg dia disekap d Kamboja")
        first: the danger reply dials from there."""
        placed = self._placed_in(text, fold_all(text or "").split())
        return [c for now, c in placed if now] + [c for now, c in placed if not now]

    def lines_named(
        self, text: str | None, place: Country | None = None
    ) -> list[tuple[Country | None, Line]]:
        """The listed lines a message names by their number ("1955 itu gratis gk?", "0800-1000
        bisa dari malaysia?") or by a name only they have ("CDE", "Talian Kasih"), in the
        list's order; a country's line with its country, a general one with None. A shorter
        number ("999", "112") is read among the lines of `place` only: every country has one."""
        folded = f" {fold_all(text or '')} "
        typed = [re.sub(r"\D", "", m.group(0)) for m in TYPED_NUMBER.finditer(folded)]
        typed += [m.group(0) for m in SHORT_NUMBER.finditer(folded)] if place is not None else []
        every: list[tuple[Country | None, Line]] = [(None, line) for line in self.general]
        every += [(c, line) for c in self.countries for line in c.lines]

        def named(country: Country | None, line: Line) -> bool:
            digits = re.sub(r"\D", "", line.number)
            if digits in typed and (len(digits) >= MIN_LINE_DIGITS or country == place):
                return True
            return any(
                f" {name} " in folded and not STREET_BEFORE.search(folded.split(f" {name} ")[0])
                for name in line.names
            )

        return [(country, line) for country, line in every if named(country, line)]

    def located_last(self, text: str | None) -> Country | None:
        """The last place a message says someone is in: where a worker is now after a move
        told ("dulu kerja d malaysia, skrg sy d saudi"; "majikan sy orang malaysia tp sy kerja
        d singapura"), for the lines of the place the worker is in."""
        placed = self._placed_in(text, fold_all(text or "").split())
        now = [c for is_now, c in placed if is_now]
        found = now or [c for _, c in placed]
        return found[-1] if found else None

    def where_now(self, texts: Sequence[str]) -> Country | None:
        """Where a worker is now, from messages oldest first: the newest that says it, by a
        move told ("skrg udh pindah ke qatar") or a place they are in, not one they were in
        ("sy kerja d singapura, dulu d hongkong"). "dulu d saudi, skrg pindah ke qatar", then
        "nomor d sini brp?" got Saudi's numbers (a chat tester, stop 50)."""
        for text in reversed(texts):
            country = self.moved_to(text) or self.located_last(text)
            if country is not None:
                return country
        return None

    def moved_to(self, text: str | None) -> Country | None:
        """The last place a message says someone was taken, moved or ran to ("ditawari kerja d
        thailand, ternyata dibawa ke kamboja"; "skrg sy udh lari ke singapura"): where they
        are now, unless it is yet to happen ("mau dibawa ke malaysia")."""
        words = fold_all(text or "").split()
        found = None
        for at, _, country in self.places_named(text):
            if at < MOVED_WORDS or words[at - 1] not in GONE_TO:
                continue
            verb = words[at - 2]
            # the passive written apart ("d kirim ke malaysia": an urgent reply for a girl sent
            # there gave Indonesia's police from the Jakarta she was promised; a long-plea
            # tester, stop 59)
            split = at >= 3 and words[at - 3] in SPLIT_PASSIVE and f"di{verb}" in MOVED
            if verb not in MOVED and not split and not (at >= 3 and words[at - 3] in MOVED):
                continue
            if not FUTURE.isdisjoint(words[max(0, at - 5) : at - 1]):
                continue
            found = country
        return found

    def where_to_dial(self, text: str | None) -> Country | None:
        """Where someone in danger calls from: the place they were last taken or ran to; else
        the place they are in; else, when a place in Indonesia is named ("d pelabuhan tanjung
        pinang, disuruh naik kapal ke malaysia"), none (Indonesia's police); else the
        destination named ("anak sy kerja ke malaysia, skrg d sekap")."""
        moved = self.moved_to(text)
        if moved is not None:
            return moved
        words = fold_all(text or "").split()
        # "dijanjikan kerja di korea tp skrg malah di rusia": not Korea's numbers
        home = at_home(text)
        placed = [
            (at, c)
            for at, c in self._not_flags(text, words)
            if not (_promised(words, at) or _intended(words, at))
            # taken from a harbour at home for work there ("d bawa calo ke pelabuhan lembar
            # malam ini, katanya kerja d johor" got Malaysia's 999: an open-report tester)
            and not (home and _work_meant(words, at))
        ]
        told_of = [(at, c) for at, c in placed if _work_told_of(words, at)]
        if told_of and len(told_of) < len(placed):
            # taken to one place, told the work was in another ("d berangkatkan ke myanmar,
            # katanya kerja d thailand": a tester of family pleas, stop 61)
            placed = [pair for pair in placed if pair not in told_of]
        if placed and all(
            at > 0
            and words[at - 1] in LEFT_FROM
            and not _fetched_from(words, at - 1)
            and CALLING.isdisjoint(words[at + 1 : at + 1 + CALL_REACH])
            for at, _ in placed
        ):
            # "bapak sy ... sejak pulang dr malaysia ... pegang tali di belakang rumah": home
            # from there, where Indonesia's police are the number (a regression tester after
            # the danger reply, stop 52)
            return None
        located = next((c for c in self._in_now(text) if any(c is p for _, p in placed)), None)
        if located is not None or home:
            return located
        return placed[0][1] if placed else None

    def placed_besides(self, text: str | None, country: Country) -> Country | None:
        """The first place abroad a message puts a relative or a friend in ("adek sy d
        singapura") other than `country`; a ship's flag, a place promised or meant aside."""
        words = fold_all(text or "").split()
        return next(
            (
                c
                for at, c in self._not_flags(text, words)
                if c.code != country.code
                and not (_promised(words, at) or _intended(words, at))
                and not PEOPLE.isdisjoint(words[max(0, at - PERSON_REACH) : at])
            ),
            None,
        )

    def writers_place(self, text: str | None) -> Country | None:
        """Where the writer says they are abroad ("sy d Riyadh", "I am in Dubai"), whoever
        else the message places at home ("anak sy d Lombok")."""
        for found in WRITER_PLACED.finditer(fold_all(text or "")):
            country = self.country_in(found.group(1))
            if country is not None:
                return country
        return None

    def intended_place(self, text: str | None) -> Country | None:
        """The first place a message says someone means to go to ("skrg mau ke korea", "now I
        want to go to Japan")."""
        words = fold_all(text or "").split()
        return next((c for at, c in self._not_flags(text, words) if _intended(words, at)), None)

    def first_not_a_flag(self, text: str | None) -> Country | None:
        """The first destination a message names, a ship's flag aside ("kapal ikan benderanya
        Taiwan ... skrg d laut dekat Mauritius" names no place the crew is in)."""
        placed = self._not_flags(text, fold_all(text or "").split())
        return placed[0][1] if placed else None

    def first_country_in(self, *texts: str | None) -> Country | None:
        """The destination the first of `texts` that names one names: a report's city, then
        its country (kept as "arab-saudi", "timur-tengah"), then what else is known."""
        for text in texts:
            country = self.country_in((text or "").replace("-", " "))
            if country is not None:
                return country
        return None

    def country_in(self, text: str | None) -> Country | None:
        """The first destination a message names, by its words ("di johor", "korsel")."""
        found = self.place_word_in(text)
        return self._by_word[found] if found else None
