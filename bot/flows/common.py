"""Steps shared by the forms: consent, village (typed, matched, confirmed), yes/no, a guess
confirmed, Skip, and the worker's name and place abroad (reports and the register)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from bot.cases.categories import COUNTRIES
from bot.cases.hints import (
    COUNTRY_WORDS,
    RELATIONS,
    categories_in,
    countries_in,
    family_words,
    undescribed,
)
from bot.commands import GREETINGS
from bot.context import Ctx
from bot.flows.base import Form, Invalid, Step
from bot.i18n import N_
from bot.options import ADDRESS, NO_WORDS, YES_WORDS, short, typed_number
from bot.register.hints import MINE, MINE_BEFORE, WORKER_OF
from bot.triage import FEAR_WORDS
from bot.types import Button, Row
from knowledge.danger import fold_all
from knowledge.emergency import IN_INDONESIA, NOT_THERE, Country, a_ships_flag
from knowledge.normalize import fold

YES, NO = "opt:yes", "opt:no"
NONE_OF_THESE = "opt:none"


def yes_no(ctx: Ctx, yes: str = N_("Yes"), no: str = N_("No")) -> list[Button]:
    return [Button(YES, short(ctx._(yes))), Button(NO, short(ctx._(no)))]


# -- consent -------------------------------------------------------------------------------
def consent_prompt(ctx: Ctx) -> None:
    _ = ctx._
    ctx.say(
        _(
            "Before I ask for personal details: we keep what you type here (name, village, phone, "
            "your report) only to help you. Only officers see it: those of your village and "
            "district, and the province's administrators, who oversee every case. An officer may "
            "also note which answers would have helped, to improve this assistant. Chat "
            "messages are deleted after {days} days. You can erase everything at any time by "
            "typing *delete my data*. Do you agree?"
        ).format(days=ctx.engine.retention_days),
        yes_no(ctx, N_("I agree"), N_("No")),
    )


def consent_reprompt(ctx: Ctx) -> None:
    ctx.say(
        ctx._(
            "Do you agree that we keep your details only to help you, as explained above? "
            "Type *yes* or *no*."
        ),
        yes_no(ctx, N_("I agree"), N_("No")),
    )


def consent_read(ctx: Ctx) -> bool:
    choice = Form.option(ctx, yes_no(ctx, N_("I agree"), N_("No")))
    if choice == NO:
        return False
    ctx.contact.consent_at = ctx.now
    return True


CONSENT = Step(
    "consent", consent_prompt, consent_read, store_as="consent", reprompt=consent_reprompt
)


# -- village -------------------------------------------------------------------------------
def village_prompt(ctx: Ctx) -> None:
    ctx.say(
        ctx._(
            "Which village in NTB is your home (desa/kelurahan)? Type its name, and the "
            "kecamatan if you know it, e.g. *Anjani, Suralaga*."
        )
    )


EXACT_VILLAGE = 95
"""A village search score this high is the village named, not one like it."""
VILLAGE_WORDS_MOST = 6
"""A village typed with its kecamatan and district is this many words at most ("desa sakra kec
sakra lombok timur"); a longer message holds a village only when it names one exactly."""
VILLAGE_PLACE_WORDS = frozenset("desa kampung dusun kelurahan village".split())
"""Words for the village itself, as a step asks it ("desanya apa maksudnya?")."""
VILLAGE_NAMED_WORDS = VILLAGE_PLACE_WORDS | {"nama"}
"""Words that name the step, not a village ("gk tau desanya")."""
MEANING_ASKED = r"maksud\w*|maksd\w*|mksd\w*|what do you mean"
"""What a question or a choice means, asked back: the words the forms share."""


IF_NOT_WRONG = r"(?:kalau|kalo|klo|kl) (?:tidak|tdk|gk|ga|gak|nggak|ndak) salah"
"""The hedge "if I'm not mistaken", before a village or after a company's name."""
HEDGE_BEFORE = re.compile(
    rf"^\s*(?:{IF_NOT_WRONG}|kayaknya|kayanya|sepertinya|mungkin|setahu (?:saya|sy)|"
    r"if i remember)\b[\s,]*",
    re.IGNORECASE,
)
"""A hedge before the village ("kalo gk salah anjani suralaga" confirmed Suralaga: a
regression tester, stop 57)."""


def village_read(ctx: Ctx) -> list[str]:
    """The villages the name typed may be; a yes, a no or not knowing is no name ("iya" was
    matched to Mataiyang, Sumbawa Barat, and "aok" to another: chat testers, stops 47-48)."""
    words = set(fold(ctx.incoming.text or "").split())
    roots = {w.removesuffix("nya") for w in words}  # "gk tau desanya" matched Desa Anyar
    if roots and roots <= YES_WORDS | NO_WORDS | ADDRESS | NOT_KNOWING | KNOWING | FORGOT | (
        VILLAGE_NAMED_WORDS
    ):
        raise Invalid(ctx._("I need the village's name here."))
    typed = HEDGE_BEFORE.sub("", ctx.incoming.text or "")
    kecamatan = ctx.engine.villages.subdistrict_only(typed)
    if kecamatan is not None:
        raise Invalid(
            ctx._(
                "*{kecamatan}* is a kecamatan. Please type the name of your village (desa) in it."
            ).format(kecamatan=kecamatan)
        )
    matches = ctx.engine.villages.search(typed)
    exact = bool(matches) and matches[0].score >= EXACT_VILLAGE
    if not exact and ctx.engine.numbers.country_in(typed) is not None:
        # "korea" matched Desa Kore, "bukan taiwan tp hongkong" Desa Ongko (a forms tester,
        # stop 65): a place abroad is not the village at home
        raise Invalid(ctx._("That is a place abroad. Please type the name of your village in NTB."))
    if not matches or (len(words) > VILLAGE_WORDS_MOST and not exact):
        # "... d tahan d penampungan 3 bln" was stored as Desa Baru Tahan (the same tester): a
        # sentence is no village name unless one is in it whole
        raise Invalid(
            ctx._(
                "I could not find that village in NTB. Please type the village and kecamatan names."
            )
        )
    best = matches[0]
    clear = best.score >= EXACT_VILLAGE and (
        len(matches) == 1 or best.score - matches[1].score >= 4
    )
    return [best.village.code] if clear else [m.village.code for m in matches]


def _village_rows(ctx: Ctx) -> list[Row]:
    codes: list[str] = ctx.data.get("village_candidates", [])
    villages = [v for v in (ctx.engine.villages.get(c) for c in codes[:9]) if v is not None]
    rows = [
        Row(
            f"village:{v.code}", short(v.name, 24), short(f"Kec. {v.subdistrict}, {v.district}", 72)
        )
        for v in villages
    ]
    rows.append(Row(NONE_OF_THESE, short(ctx._("None of these"), 24)))
    return rows


def village_confirm_prompt(ctx: Ctx) -> None:
    codes: list[str] = ctx.data.get("village_candidates", [])
    villages = [v for v in (ctx.engine.villages.get(c) for c in codes) if v is not None]
    if len(villages) == 1:
        v = villages[0]
        ctx.say(
            ctx._("Desa {name}, Kec. {sub}, {district}?").format(
                name=v.name, sub=v.subdistrict, district=v.district
            ),
            yes_no(ctx, N_("Yes, correct"), N_("No")),
        )
        return
    ctx.say(
        ctx._("Which one is your village?"), rows=_village_rows(ctx), list_label=ctx._("Villages")
    )


RETYPED_VILLAGE = 90
"""At the confirmation, a typed name matching a village this well is that village, typed
again ("sukamulia" under "Desa Perampuan?"), not a wrong answer; "oke" matching "Ntoke" at
88.5 is not."""


def village_confirm_read(ctx: Ctx) -> str | None:
    codes: list[str] = ctx.data.get("village_candidates", [])
    try:
        if len(codes) == 1:
            yes = Form.option(ctx, yes_no(ctx, N_("Yes, correct"), N_("No"))) == YES
            return codes[0] if yes else None
        chosen = Form.option(ctx, _village_rows(ctx))
    except Invalid:
        if ctx.incoming.button or not _retyped_village(ctx):
            raise
        raise Invalid(ctx._("I looked up the village you typed:")) from None
    return None if chosen == NONE_OF_THESE else chosen.split(":", 1)[1]


def _retyped_village(ctx: Ctx) -> bool:
    """The answer names another village: it becomes the one to confirm."""
    matches = ctx.engine.villages.search(ctx.incoming.text or "")
    if not matches or matches[0].score < RETYPED_VILLAGE:
        return False
    ctx.set_data(village_candidates=village_read(ctx))
    return True


VILLAGE = Step(
    "village", village_prompt, village_read, store_as="village_candidates", free_text=True
)
VILLAGE_CONFIRM = Step(
    "village_confirm", village_confirm_prompt, village_confirm_read, store_as="village_code"
)


# -- a guess from the opening message, confirmed ------------------------------------------
def confirm_guess(
    ctx: Ctx, key: str, again: str = N_("All right, please choose the right one.")
) -> bool:
    """Reads the answer to 'X — correct?' about the guess kept under `key` (then dropped):
    True for yes; after a no, `again` and the open question; anything else may be the right
    answer itself, so False lets the step read it as one."""
    guess = ctx.data.get(key)
    ctx.set_data(**{key: None})
    try:
        if Form.option(ctx, yes_no(ctx, N_("Yes, correct"), N_("No"))) == YES:
            return True
    except Invalid:
        if not ctx.incoming.button and typed_number(ctx.incoming.text or "") is not None:
            # "3" at "Masalah: Dokumen ditahan — benar?" picked the third problem of the list
            # not shown (a journeys tester, stop 62): a number answers the choices on screen
            ctx.set_data(**{key: guess})
            raise
        return False
    raise Invalid(ctx._(again))


# -- skipping an optional answer ----------------------------------------------------------
SKIP = "opt:skip"


def skip_button(ctx: Ctx) -> list[Button]:
    return [Button(SKIP, short(ctx._("Skip")))]


NOT_KNOWING = frozenset(
    "tidak tdk gak gk ga g nggak ngga enggak tak belum blm dont don t not ndak ndk ndek ndeq "
    "wati ngk gx nda kagak ora kurang".split()
)
KNOWING = frozenset(
    # with Sasak "taon" and "uninga" and Mbojo "bade" ("ndek taon", "tiang ndek uninga", "wati
    # bade" were kept as the city: an open-report tester, stop 54)
    (
        "tau",
        "tahu",
        "tw",
        "know",
        "ingat",
        "inget",
        "taoq",
        "taok",
        "ngoa",
        "taon",
        "uninga",
        "bade",
    )
)
"""With the Sasak "ndak tau", "ndeq taoq" (saved as a job and a company: a family chat
tester, stop 48)."""
FORGOT = frozenset("lupa forgot forget gatau gtau gktau gaktau".split())
"""Not knowing in one word: "lupa", and "gatau" typed as one."""


def says_not(words: set[str], verbs: set[str] | frozenset[str]) -> bool:
    """A negation and one of `verbs`: "gk ada", "belum tahu", "dont know"."""
    return bool(NOT_KNOWING & words and verbs & words)


def not_known(words: set[str]) -> bool:
    """Not knowing said: "gk tau", "belum tahu", "lupa", "gatau"."""
    return says_not(words, KNOWING) or bool(FORGOT & words)


NONE_WORDS = frozenset(
    "gk ga gak nggak ngga tidak tdk belum blm ada none no nothing tau tahu lewat lewati skip "
    "kak pak bu kota kotanya nya nama namanya alamat alamatnya the city name saya sy aku juga "
    "pt ptnya perusahaan perusahaannya nomor nomornya nomer hp kontak kontaknya punya".split()
)
"""An optional answer said to be none ("gk ada", "belum tahu", "sy lupa namanya"): skipped,
not stored."""
LATER = frozenset("nanti ntar nnti entar menyusul nyusul later".split())
"""An optional answer put off ("nanti aja", "nanti sy kabari"): nothing to store now."""
SOFTENERS = frozenset("aja saja dulu deh dong ya kabari kabarin kasih kasi kirim".split())
REFUSING = frozenset(
    "jangan jgn usah gausah gusah kosong kosongkan kosongin dikosongkan kosongi rahasia "
    "prefer rather private skip lewati rahasiakan dirahasiakan anonim".split()
)
"""Words that decline to give an answer: "jgn diisi", "gausah", "rahasia aja", "prefer not
to say" (a refusal was kept as the company: a forms tester, stop 56)."""
DECLINED = frozenset(
    "isi diisi isikan ngisi mengisi mau jawab dijawab menjawab kasih dikasih kasi kasitau "
    "kasitahu perlu sebut disebut menyebut menyebutkan bilang say tell fill answer share to "
    "cerita bercerita menceritakan ceritain i d id would not thanks thank ah nama namanya "
    "pake pakai".split()
)
"""The verbs a refusal to answer is said with: "gk mau jawab", "tidak perlu diisi"."""
SAID_NONE = NONE_WORDS | NOT_KNOWING | KNOWING | FORGOT | LATER | SOFTENERS
"""All an answer that gives nothing says; one word more ("lupa, PT Maju") may be the answer."""


SKIPPING = frozenset(("skip", "lewati"))
"""A button's word typed where a name is asked: "type just the name" answers it."""


def declines(words: set[str]) -> bool:
    """An answer refused in words: "jgn diisi", "gk mau jawab", "rahasia", "prefer not to
    say"; nothing else in it, so that "jangan PT Maju" is not read as one."""
    said_no = bool(words & REFUSING) or says_not(words, {"mau", "perlu", "usah"})
    return said_no and words <= SAID_NONE | REFUSING | DECLINED


def skipped(ctx: Ctx) -> bool:
    """The Skip button, or its title or number typed, or "none" said in words: "tidak",
    "tdk punya", "lupa namanya", "nanti aja" (a contact abroad was saved as "tidak", and a
    company "lupa namanya" was checked and called a possible broker)."""
    if ctx.incoming.button == SKIP:
        return True
    words = set(fold(ctx.incoming.text or "").split())
    said_none = (
        not_known(words)
        or says_not(words, {"ada", "punya"})
        or bool(words & ({"none", "nothing"} | LATER))
        or words <= NOT_KNOWING | {"no", "nope"}  # "tidak": nothing to give
    )
    if words and words <= SAID_NONE and said_none:
        return True
    if words and declines(words) and "pt" not in words:
        return True  # "PT Lewati" is a name
    try:
        return Form.option(ctx, skip_button(ctx)) == SKIP
    except Invalid:
        return False


# -- the worker and where they are (reports and the register) -------------------------------
NOT_A_NAME = frozenset(
    "saya sy aku gue kami anak anakku suami suamiku istri istriku adik adikku kakak kakakku ibu "
    "bapak ayah keponakan cucu sepupu menantu ipar dia beliau nya saudara saudaraku my son "
    "daughter husband wife sister brother mother father tidak tak gak ga nggak tahu tau belum "
    "ada rahasia ya iya yes yup ok oke okay sip siap baik setuju no nope lanjut ponakan sendiri "
    "pekerja pekerjanya myself kanak tiang nahu semeton sanak bije senine ite "
    "teman temen kawan tetangga friend neighbour neighbor "
    # aunts, uncles and cousins, and English "she is" ("my aunt", "tante sy", "bibi sy", "she
    # is my mother" were kept as the worker's name: a regression tester, stop 55)
    "tante bibi paman om pakde bude aunt auntie uncle cousin niece nephew grandmother "
    "grandfather grandma grandpa nenek kakek mertua she he is her his mom mum dad".split()
)
"""Words that say who the person is to the writer, or that the name is not given: "anak
saya" typed where the name was asked is not a name (a register entry was saved under it),
nor is "ya" sent once more after the consent question, nor the Sasak "kanak tiang" or the
Mbojo "ina nahu" (a chat tester, stop 47)."""
PARENTS = frozenset("inaq amaq ina ama".split())
"""Sasak and Mbojo mother and father: a name's title too ("Inaq Sahnun"), so they make no
name only beside words that are no name ("ina nahu": my mother)."""


NAMES_TOO = frozenset(("wati", "iyah", "iye"))
"""A yes or a no that is also a name people in NTB bear ("Wati", "Iyah"): a name."""
ANSWERS_NOT_NAMES = (YES_WORDS | NO_WORDS) - NAMES_TOO
GREETINGS_ALSO_NAMES = frozenset(("selamat", "salam"))
"""Greetings that are also names in NTB ("Selamat", "Salam"), when typed alone."""


def _only_a_greeting(words: list[str]) -> bool:
    """A greeting, perhaps with a "pak": "halo" was kept as a trainee's name, and the name
    typed next refused as an age (a journeys tester, stop 61)."""
    if len(words) == 1 and words[0] in GREETINGS_ALSO_NAMES:
        return False
    return all(w in GREETINGS | ADDRESS for w in words)


NEVER_IN_A_NAME = frozenset(
    "eh aja deh dong jadi batal ganti salah gak ga gk nggak ndek ndeq lekan gaji digaji "
    "dibayar blm belum udh udah sudah sdh bln thn "
    # a button's word typed, or which child rather than a name ("lewati", "kirim", "anak
    # ke 2", "anak sy yg paling besar": a family chat tester, stop 49)
    "lewati skip kirim lanjut yg yang paling ke "
    # who reports, typed where the worker's name is asked ("keluarga", "saya sendiri")
    "keluarga family pekerja worker sendiri myself "
    # an address typed where a name is asked ("desa sakra, sakra" was saved as a trainee's
    # name: a family chat tester, stop 50)
    "desa ds dusun dsn kecamatan kec kelurahan kabupaten kab "
    # a place or a course typed where the name is asked ("lombok timur", "Indonesia", "bahasa
    # korea" were saved as names: a forms tester, stop 65)
    "lombok sumbawa bima dompu mataram ntb indonesia malaysia taiwan hongkong korea jepang "
    "saudi singapura brunei bahasa kursus pelatihan course".split()
)
"""Words no name holds: a change of mind typed where the name is asked ("eh ga jadi, bahasa
korea aja") is not a name, nor a problem ("gaji blm dibayar 3 bln" was saved as the worker:
a family chat tester, stop 48)."""
FEARS = FEAR_WORDS | frozenset("khawatir was worried".split())
"""A fear typed where the name is asked is no name."""


def is_a_name(text: str) -> bool:
    """Words that could be a name: not only who the person is to the writer, with or without
    a "pak" or "kak" around it ("anak sy pak" was saved as the worker's name)."""
    words = [w.removesuffix("nya") if len(w) > 5 else w for w in fold(text).split()]
    return (
        any(ch.isalpha() for ch in text)
        and len(words) <= 8
        # "sy bapaknya", "anak sy pak", "ina nahu"; a yes ("nggih", "aok") or a no
        and not all(w in NOT_A_NAME | ADDRESS | PARENTS | ANSWERS_NOT_NAMES for w in words)
        and not _only_a_greeting(words)
        and not NEVER_IN_A_NAME.intersection(words)
        and not NOT_THE_WHOLE_NAME.intersection(words)
    )


def _as_named(word: str) -> str:
    """A name's word as it is written: capitalised, unless typed with a capital already or it
    is "bin"/"binti" (son or daughter of), kept lowercase."""
    kept = fold(word) in ("bin", "binti") or any(ch.isupper() for ch in word)
    return word if kept else word.capitalize()


NOT_THE_WHOLE_NAME = frozenset("di d buat umur umurnya lain".split())
"""Where the worker is, or for whom the form is, typed as all the answer where the name is
asked ("adek sy d hongkong", "itu buat anak sy, umurnya 17", "orang lain" were saved as the
name: two testers of what follows the first reply, stop 64); a name given beside them
("namanya Siti, dia d Riyadh") is still read."""


NAMED = re.compile(
    r"(?:\bnama(?: lengkap| lengkapnya)?"
    r"(?:nya| nya| dia| anak (?:saya|sy)| suami (?:saya|sy)| istri (?:saya|sy))?"
    r"|\b(?:her|his|the) (?:full )?name(?: is)?|\bfull name is|\baran(?:ne|na|n|e| na| ne))\s*"
    r"(?:adalah\s+|:\s*)?([A-Za-z'’]+\.?(?:[ ]+[A-Za-z'’]+\.?){0,6})",
    re.IGNORECASE,
)
"""A worker's name the story gives ("anak sy namanya Baiq Nurul Hidayati", "nama nya baiq
ani"), up to the first word that cannot be part of a name; confirmed, never taken silently."""
NOT_IN_A_NAME = frozenset(
    "kerja bekerja di d dari dr umur usia sudah sdh udah yg yang pak bu asal tinggal lagi sejak "
    "ke dan tapi tp skrg sekarang kak mas mbak nanti aja saja deh dulu "
    # not knowing it ("nama lengkap tdk tau pak" gave the name "Tdk": stop 50)
    "tidak tdk gk ga gak nggak tau tahu lupa "
    # "her name is Nurhayati from Desa Kuripan" (a chat tester, stop 53)
    "from in and she he is works working at "
    # "namanya Nurhasanah brgkt thn 2022" was kept as "Nurhasanah Brgkt Thn" (a long-plea
    # tester, stop 56)
    "berangkat brgkt brangkat pergi lewat lwt via pt cv thn tahun bln bulan waktu pas "
    # "namanya Siti Aminah bukan Aminah": the name corrected (a forms tester, stop 65)
    "bukan bkn not".split()
)


OTHER_SIDE_NAMED = re.compile(
    r"\b(?:calo|sponsor|tekong|agen|agensi|majikan|bos|boss|pt|perusahaan|lpk|mandor|broker)"
    r"\w*\s*(?:yang |yg )?$",
    re.IGNORECASE,
)
"""The one named right before "namanya" is the broker or the employer, not the worker ("tiang
ditipu sponsor namanya Amaq Jum" proposed him as the worker: a family chat tester, stop 51)."""
ARTICLES = frozenset("si sang".split())
"""The article before a person's name in chat ("si Rina"): not part of the name."""


def name_in(text: str) -> str | None:
    """The worker's name after "namanya", in the capitals a name takes."""
    found = next(
        (m for m in NAMED.finditer(text) if not OTHER_SIDE_NAMED.search(text[: m.start()][-30:])),
        None,
    )
    if found is None:
        return None
    words: list[str] = []
    capitals = False
    for at, word in enumerate(found.group(1).split()):
        if at == 0 and fold(word) in ARTICLES:
            continue  # "namanya si Rina" (kept as "Si Rina": a family chat tester, stop 51)
        if capitals and not word[:1].isupper() and fold(word) not in ("bin", "binti"):
            break  # "namanya Sri Wahyuni brgkt lwt PT ...": the capitals were the name
        capitals = capitals or (not words and word[:1].isupper())
        ends = word.endswith(".") and fold(word) not in ABBREVIATED
        word = word.rstrip(".") if ends else word
        if fold(word) in NOT_IN_A_NAME or fold(word) in NOT_A_NAME:
            break
        if len(word) < 2 and fold(word) not in ABBREVIATED:
            break
        words.append(_as_named(word))
        if ends:
            break  # "namanya Siti. dia kerja di ...": the sentence ends the name
    return " ".join(words) or None


CALLED = re.compile(
    r"\b(?:dipanggil|panggilannya|panggilan nya|panggilan|called|nickname|julukan)\s+"
    r"(?:nya\s+)?([A-Za-z]{2,}(?:\s+[A-Z][a-z]+)?)"
)
"""A nickname given where the full name is not known ("biasa dipanggil Udin")."""


def nickname_in(text: str) -> str | None:
    """The nickname, after the full name when one is typed before it ("Zulkifli, biasa d
    panggil Ijul" was kept as "Ijul": a family chat tester, stop 51)."""
    found = CALLED.search(fold_called(text))
    if found is None:
        return None
    words = [w for w in found.group(1).split() if fold(w) not in NOT_IN_A_NAME | NOT_A_NAME]
    nickname = " ".join(w if w[:1].isupper() else w.capitalize() for w in words)
    typed = re.findall(r"[A-Za-z']+", text[: found.start()])
    before = [w for w in typed if fold(w) not in CALLED_LEAD]
    told = {fold(w) for w in before}
    if (
        nickname
        and before
        and len(before) <= RELATION_THEN_NAME
        and told.isdisjoint(NOT_IN_A_NAME | NOT_A_NAME | NAME_WORDS)
        and is_a_name(" ".join(before))
    ):
        return f"{' '.join(w if w[:1].isupper() else w.capitalize() for w in before)} ({nickname})"
    return nickname or None


NAME_WORDS = frozenset("nama namanya lengkap lengkapnya name full".split())
CALLED_LEAD = frozenset("biasa biasanya sering suka dan atau tapi aranne aranna arane aran".split())
"""Words between a full name and "dipanggil" ("Zulkifli, biasa dipanggil Ijul"), and the Sasak
"his name" before it ("aranne Muhammad Jaelani, biasa dipanggil Jae": stop 53)."""


def fold_called(text: str) -> str:
    """ "d panggil", "di panggil" joined as "dipanggil", keeping the text's capitals."""
    return re.sub(r"\b(?:d|di)\s+panggil", "dipanggil", text, flags=re.IGNORECASE)


NAME_TITLES = frozenset("baiq lalu lale dende inaq amaq siti haji hajjah hj".split())
"""Words that open a name in NTB ("Baiq Rina", "Inaq Sahnun"), typed in capitals or not."""
RELATION_THEN_NAME = 6
"""At most this many words of a name right after the relation ("anak sy Siti Aminah", "adik sy
L. Ahmad Fauzi bin L. Mahsun")."""


def named_after_relation(text: str) -> str | None:
    """The worker's name written right after who they are to the writer ("kanak tiang Baiq
    Rina lek Malaysia", "anak sy Siti di Malaysia", "my mother Inaq Sahnun"): capitalised words,
    or any after a title that opens a name ("anak sy baiq rina"). Confirmed, never taken
    silently."""
    tokens = undescribed(re.findall(r"[A-Za-z'’]+\.?", text))
    words = family_words([fold(t) for t in tokens])
    for at in range(len(words) - 2):
        first, second = words[at], words[at + 1]
        if (first in WORKER_OF and second in MINE) or (
            first in MINE_BEFORE and RELATIONS.get(second) in WORKER_OF
        ):
            rest = tokens[at + 2 :]
            while rest and fold(rest[0]) in ADDRESS:
                rest = rest[1:]  # "ibu sy pak, Saenah" was kept whole (a tester, stop 56)
            if [fold(t) for t in rest[:2]] == ["in", "law"]:
                rest = rest[2:]  # "my mother in law, Hj. Saodah" (a chat tester, stop 53)
            return _name_from(rest)
    return None


def _name_from(tokens: list[str]) -> str | None:
    titled = bool(tokens) and fold(tokens[0]) in NAME_TITLES
    name: list[str] = []
    for token in tokens[:RELATION_THEN_NAME]:
        word = fold(token)
        ends = token.endswith(".") and word not in ABBREVIATED  # "Rina. dia kerja ...": ends
        token = token.rstrip(".") if ends else token
        capitalised = token[:1].isupper() and not token[1:].rstrip(".").isupper()
        told = word in NOT_IN_A_NAME or word in NOT_A_NAME or word in COUNTRY_SPELLINGS
        if told or word.endswith("nya"):  # "anak saya Gajinya ...": not a name
            break
        short = len(word) < 2 and word not in ABBREVIATED  # "L. Ahmad": an initial
        if not (capitalised or (titled and len(name) < 2)) or short:
            break
        name.append(token if capitalised else token.capitalize())
        if ends:
            break
    if not name or (titled and len(name) == 1):
        return None  # "Baiq" alone, or nothing that looks like a name
    return " ".join(name)


PASSING_TALK = frozenset(("thanks", "greeting", "bye"))
ALREADY = frozenset("sampun sudah sdh udah udh dah done".split())
""""sampun" (Sasak: already) typed where a name or a place is asked is neither."""
PHONE_DIGITS = 7
"""A message with this many digits holds a phone number, not a name or a city."""


def holds_a_phone(text: str) -> bool:
    return sum(ch.isdigit() for ch in text) >= PHONE_DIGITS


def said_in_passing(ctx: Ctx, text: str) -> bool:
    """Thanks, a greeting, a goodbye, a yes or a no and nothing else ("makasih pak", "thank
    you", "ya"): typed where a name or a place is asked, it is neither (the summary showed
    "Pekerja: makasih pak")."""
    words = set(fold(text).split())
    if words and words <= ADDRESS:
        return True  # "pak": someone calling
    said = words - ADDRESS
    return bool(said) and (
        # "Wati" is a name (a family tester, stop 49); a form's own word is not ("kirim"
        # typed at the city step was kept as the city: a journeys tester, stop 62)
        said <= ANSWERS_NOT_NAMES | ALREADY | FORM_WORDS
        or ctx.engine.librarian.smalltalk.detect(text) in PASSING_TALK
    )


FORM_WORDS = frozenset("kirim kirimkan send submit ubah change edit".split())
"""What a form's summary asks for, typed a step early."""
OWN_NAME = re.compile(
    r"\b(?:nama\s*(?:ku|q)|nama\s+(?:sy|saya|aku|aq|gue|gw|tiang)|my\s+name)\b", re.IGNORECASE
)
"""The writer giving their own name ("nama sy inaq Sahnun", "namaku Rina", "my name is ...")."""
FAMILY_OF_THE_WORKER = frozenset(
    "ibunya bapaknya ayahnya mamanya emaknya kakaknya adiknya suaminya istrinya bininya "
    "pamannya bibinya neneknya kakeknya saudaranya keluarganya keluarga mother father "
    "sister brother husband wife".split()
)
"""Words the writer says they are the worker's family with ("sy ibunya pak")."""
PLACE_LEADS = frozenset("di d in at".split())
NAMES_AS_WELL = frozenset("ahmadi madinah medina medinah jordan salmiya".split())
"""Places abroad that are also people's names: typed alone, they are taken as the name."""


def gives_own_name(ctx: Ctx, text: str) -> bool:
    """The family member writing gives their own name where the worker's is asked ("sy ibunya
    pak, nama sy inaq Sahnun"): the writer's name, not the worker's. A worker reporting for
    themselves gives theirs ("nama saya Rina") and it is kept."""
    if ctx.data.get("reporter") == "self" or OWN_NAME.search(fold(text)) is None:
        return False
    words = set(fold(text).split())
    return reports_for_another(ctx) or bool(words & FAMILY_OF_THE_WORKER)


def reports_for_another(ctx: Ctx) -> bool:
    """The report is written for the worker by someone else: family, or a neighbour or an
    official (*Someone else*)."""
    return ctx.data.get("reporter") in ("family", "other")


def only_a_place(ctx: Ctx, text: str) -> bool:
    """Nothing but a place abroad ("penang", "kuala lumpur", "di jeddah pak"): where the worker
    is, typed where the name is asked, is not a name."""
    words = [w for w in fold_all(text).split() if w not in ADDRESS | PLACE_LEADS]
    if not words or (len(words) == 1 and words[0] in NAMES_AS_WELL):
        return False
    covered: set[int] = set()
    for at, length, _country in ctx.engine.numbers.places_named(" ".join(words)):
        covered.update(range(at, at + length))
    return covered >= set(range(len(words)))


NAME_LEAD_IN = re.compile(
    r"^\s*(?:(?:hi|hai|halo|hello)\s+)?(?:my\s+name\s+is|my\s+name|my\s+full\s+name\s+is|"
    r"(?:his|her)\s+(?:full\s+)?name\s+is|"
    r"(?:full\s+)?name\s*:|i\s+am|i'?m|it'?s\s+me|its\s+me|this\s+is|"
    r"nama\s*(?:ku|q)|nama\s+(?:lengkap\s+)?(?:saya|sy|aku|aq|gue|gw|tiang|nahu)|"
    r"aran\s+(?:tiang|nahu|aku)|"
    r"nama(?:\s+lengkap)?\s*:|nama\s+(?:anak|adik|kakak|suami|istri|ibu|bapak|ayah)"
    r"\s+(?:saya|sy|aku|tiang|nahu)|saya|sy|aku|tiang|nahu)"
    r"(?:\s+(?:adalah|is))?\s*[:,-]?\s+",
    re.IGNORECASE,
)
"""The words before one's own name ("my name is Baiq Nurul Aini", "nama sy Siti Aminah",
"Name: Siti Aminah", "its me Lalu Hendra"): the name is what follows (a worker reporting for
themselves was saved as "my name is ...": an English chat tester, stop 51)."""


NOT_NAME_AFTER_LEAD_IN = (
    NOT_IN_A_NAME
    | NOT_A_NAME
    | FEARS
    | frozenset("in at from here working work worker helper maid pmi tkw tki the a an not".split())
)


def without_lead_in(text: str) -> str | None:
    """The name after a lead-in, capitalised as a name is, when what follows could be one."""
    name = _after_lead_in(text)
    if name is None and "," in text:
        # a clause before it ("sy sendiri, nama sy Yuli": kept as the report's story and the
        # name asked again, a journeys tester, stop 62)
        name = _after_lead_in(text.rsplit(",", 1)[1].strip())
    return name


def _after_lead_in(text: str) -> str | None:
    found = NAME_LEAD_IN.match(text)
    if found is None:
        return None
    rest = text[found.end() :].strip(" .!")
    typed = rest.split()
    while len(typed) > 1 and fold(typed[-1]) in ADDRESS:
        typed.pop()  # "nama sy Lalu Fikri Maulana pak"
    rest = " ".join(typed)
    words = fold(rest).split()
    if not words or len(words) > RELATION_THEN_NAME or not is_a_name(rest):
        return None
    if not NOT_NAME_AFTER_LEAD_IN.isdisjoint(words):
        return None  # "sy kerja di hk", "i am worried", "im in hong kong"
    if len(words) == 1 and words[0] in NAME_TITLES - {"siti"}:
        return None  # "saya Baiq": a title, not yet a name
    return " ".join(_as_named(w) for w in rest.split())


def name_told(text: str) -> str | None:
    """The name a sentence gives: a nickname (after the full name), after "namanya", after
    who the person is to the writer, or after one's own lead-in ("nama sy ...")."""
    return nickname_in(text) or name_in(text) or named_after_relation(text) or without_lead_in(text)


def worker_name_read(ctx: Ctx) -> str:
    """The name typed, or the one a sentence gives ("bukan pak, nama lengkap nya Siti
    Aisyah"). Thanks or a yes is not a name, nor is a place or the writer's own name; where a
    name is needed, not knowing it is met with a nickname's being enough."""
    name = Form.text(ctx, 2, 100)
    if said_in_passing(ctx, name) or holds_a_phone(name):
        raise Invalid(ctx._("Please type just the name, e.g. *Siti Aminah*."))
    if gives_own_name(ctx, name):
        raise Invalid(
            ctx._(
                "Thank you. Here I need the name of your family member who works abroad or is "
                "leaving, not yours: please type their name (a nickname is fine too)."
            )
        )
    if FEARS.intersection(fold(name).split()):
        # "sy takut majikan tau sy lapor pak" was kept as the worker's name (a third chat
        # tester, stop 46): who sees a report, then the name asked again
        raise Invalid(
            ctx._(
                "Only officers see your report: those of your village and district, and the "
                "province's administrators. The employer and the company do not. Please type "
                "the worker's name (a nickname is fine too)."
            )
        )
    if only_a_place(ctx, name):
        raise Invalid(
            ctx._(
                "*{place}* is a place: I will ask where the worker is next. Please type the "
                "worker's name first, e.g. *Siti Aminah*."
            ).format(place=name.strip())
        )
    # "nama lengkap tdk tau, biasa dipanggil Udin"; "anak tiang Hendra Saputra", "ana nahu
    # Syarifuddin" (the relation was saved as part of the name: a family chat tester, stop 50)
    named = name_told(name)
    if not named and declines(set(fold(name).split()) - SKIPPING):
        # "jgn diisi", "prefer not to say", "ndak mau sebut" were kept as the name (a tester,
        # stop 57)
        raise Invalid(ctx._("If you do not know the full name, a nickname is fine too."))
    if not named and not_known(set(fold(name).split())):  # "gk tau nama lengkapnya"
        raise Invalid(ctx._("If you do not know the full name, a nickname is fine too."))
    never = NEVER_IN_A_NAME.intersection(fold(name).split())  # "eh ga jadi deh namanya nanti"
    if named and named != name and not never:
        return named
    if not is_a_name(name):
        raise Invalid(ctx._("Please type just the name, e.g. *Siti Aminah*."))
    return plain_name(name)


ABBREVIATED = frozenset("hj h m l muh moh mhd muhd md dr drs ir st sh spd bq b s".split())
"""Titles and names shortened with a dot in Lombok ("Hj. Siti Aminah", "L. Ahmad Fauzi", "Lalu
Muh. Zaini"): the dot does not end the name (all were cut to "Hj", "L", "Lalu Muh": a chat
tester, stop 53)."""
SENTENCE_MARK = re.compile(r"[.,;!?]\s")


def _before_a_sentence(name: str) -> str:
    for mark in SENTENCE_MARK.finditer(name):
        before = name[: mark.start()].split()
        if mark.group(0)[0] == "." and before and fold(before[-1]) in ABBREVIATED:
            continue
        return name[: mark.start()]
    return name


def plain_name(name: str) -> str:
    """The name without a "pak"/"bu" around it, nor a sentence after it ("Rina Wati bu",
    "Muhammad Saleh. he never went, still at home": kept whole by a regression tester's
    reports, stop 51)."""
    first = _before_a_sentence(name.strip()).strip(" .,;!?")
    kept = first if first and is_a_name(first) else name.strip()
    words = kept.split()
    while len(words) > 1 and fold(words[-1]) in ADDRESS:
        words.pop()
    while len(words) > 1 and fold(words[0]) in ADDRESS:
        words.pop(0)
    return " ".join(words)


def country_rows(ctx: Ctx) -> list[Row]:
    return [Row(f"country:{k}", short(ctx._(t), 24)) for k, t in COUNTRIES]


PLACE_CODES: dict[str, str] = {
    "MY": "malaysia",
    "TW": "taiwan",
    "HK": "hongkong",
    "SG": "singapura",
    "SA": "arab-saudi",
    "KR": "korea",
    "JP": "jepang",
    "BN": "brunei",
}
"""The emergency list's countries that are choices of their own; its other Middle East ones
are "timur-tengah", and the rest are typed names (as *Other country* would take them)."""
AT_HOME = frozenset("kampung rumah belum blm blom belom".split())
"""A worker not abroad ("blm berangkat, msh di lombok"): a report on a broker who took money
is about someone at home."""
NOT_YET = frozenset("belum blm blom belom".split())
LEAVING = frozenset(
    "berangkat brangkat brgkt brngkt bgkt berangkt brkt pergi terbang keluar jalan jadi".split()
)
NOT_LEFT_WORDS = 3
"""Words after "belum" in which leaving is said ("blm jadi brgkt")."""
HOME_NAMED = re.compile(
    r"\b(?:di|d) ?(?:rumah|kampung)\b"
    r"(?! (?:majikan|majikannya|bos|boss|agen|agensi|sponsor|orang|tuan|sakit))"
)
"""At home in the village ("msh d rumah"), not at an employer's house or in hospital."""


def not_left(text: str, words: list[str]) -> bool:
    """The worker has not gone abroad: "blm brangkat", "msh d rumah", or "belum" alone as the
    answer. "dia blm d gaji 2 bln" (not yet paid) was kept as "Indonesia, not departed yet" (a
    forms tester, stop 64), and "kerja d rumah majikan" would have been."""
    if HOME_NAMED.search(fold(text)):
        return True
    for at, word in enumerate(words):
        if word in NOT_YET and (
            len(words) <= 2 or not LEAVING.isdisjoint(words[at + 1 : at + 1 + NOT_LEFT_WORDS])
        ):
            return True
    return False


COUNTRY_SPELLINGS = {w: code for code, words in COUNTRY_WORDS.items() for w in words}
SPELLED_LIKE = 80
"""A typed word of five letters or more this close to a country's word is that country
("malasya", "brunai"; "aman" is not "oman")."""


CORRECTED = re.compile(
    r"\b(?:bukan|bkn|not|gk|ga|gak|tidak|tdk|nggak|isn t|is not)\b.*?"
    r"\b(?:tp|tapi|tetapi|but|melainkan|yg benar|yang benar|harusnya|seharusnya|it s|its)\b"
    r"\s*(.+)$",
    re.IGNORECASE,
)
"""A correction's right answer after its wrong one ("bukan saudi tp dubai", "not saudi,
dubai" read as Saudi Arabia: a regression tester, stop 56)."""
NOT_THEN_PLACE = re.compile(
    r"^\s*(?:bukan|bkn|not|gk|ga|gak|tidak|tdk|nggak)\s+(?:ke\s+|di\s+|d\s+)?\w+(?:\s+\w+)?\s*,\s*(.+)$",
    re.IGNORECASE,
)


def corrected_to(text: str) -> str:
    """The part of a correction that gives the right answer, else the text."""
    found = CORRECTED.search(text) or NOT_THEN_PLACE.search(text)
    return found.group(1) if found else text


REFUSED_PLACE = re.compile(
    r"^(?:(?:eh|salah|maaf|no|its|it s|pak|bu)\s+)*(?:bukan|bkn|not|gk|ga|gak|ngk|tidak|tdk|"
    r"nggak)\s+(?:ke\s+|di\s+|d\s+|yg\s+|yang\s+|in\s+)?\w+(?:\s+\w+)?\s*$",
    re.IGNORECASE,
)
"""A place named only to refuse it ("bukan saudi", "not malaysia", "ngk ke taiwan"): no
place given; it had been taken as the answer (a regression tester, stop 56)."""


def refuses_a_place(ctx: Ctx, text: str) -> bool:
    if corrected_to(text) != text or REFUSED_PLACE.match(fold(text).replace(",", " ")) is None:
        return False  # "not saudi, dubai" gives the right one
    return ctx.engine.numbers.country_in(text) is not None or bool(countries_in(text))


def country_read(ctx: Ctx) -> str:
    """The country guessed from the opening message once confirmed, or the one chosen, or
    the one typed: a city ("jeddah"), a country not among the choices ("kuwait", "kamboja"),
    a misspelling ("malasya"), or home ("msh di lombok")."""
    guess = ctx.data.get("country_guess")
    typed = ctx.incoming.text or ""
    if not ctx.incoming.button and refuses_a_place(ctx, typed):
        ctx.set_data(country_guess=None)  # "bukan saudi": the guess refused, the list asked
        raise Invalid(ctx._("All right, please choose the right one."))
    if guess and confirm_guess(ctx, "country_guess"):
        return str(guess)
    text = corrected_to(typed)
    if guess and not ctx.incoming.button and not _replaces_guess(ctx, text):
        # "Negara: Arab Saudi — benar?" answered "sy asli lombok tengah" (where she is from)
        # made an urgent beating in Riyadh "Timur Tengah lainnya" ("tengah" matched that
        # choice), and a village described made it "Indonesia, Lombok" (a chat tester, stop
        # 49): only a country abroad, or not having left, replaces the guess
        ctx.set_data(**{"country_guess": guess, CITY_TYPED: None})
        raise Invalid(
            ctx._(
                "Is the worker in {country} now? Press *Yes* or *No*, or type the country "
                "where the worker is."
            ).format(country=next((ctx._(t) for k, t in COUNTRIES if k == guess), guess))
        )
    words = fold(text).split()
    home = home_place(text)
    if (
        not ctx.incoming.button
        and home is not None
        # "Indonesia" as the prompt asks for it ("Masih di Indonesia? Ketik *Indonesia*") was
        # refused as where the worker comes from, again and again (a journeys tester, stop 61)
        and not (home.group(0) in COUNTRY_AT_HOME and ORIGIN_TOLD.isdisjoint(words))
        and AT_HOME.isdisjoint(words)
        and STILL_HERE.isdisjoint(words)
        and ctx.engine.numbers.country_in(text) is None  # "dari lombok timur, skrg di johor"
    ):
        # "Desa Sakra, Lombok Timur" was chosen as "Timur Tengah lainnya" by its "timur" (a
        # tester, stop 57): a place at home, not said to be where the worker still is, is
        # where they come from
        raise Invalid(ctx._(COMES_FROM))
    try:
        return Form.option(ctx, country_rows(ctx)).split(":", 1)[1]
    except Invalid:
        country = None if ctx.incoming.button else typed_country(ctx, text)
        if country is None:
            raise
        return country


def country_guessed(ctx: Ctx, text: str) -> str | None:
    """The country an opening message places the worker in, as a choice's code, or by its
    name where the choices only group it ("istri sy di kuwait": Kuwait, not "Other Middle
    East") or have none ("... trus bulan lalu dibawa agennya ke kamboja": Cambodia, not the
    Malaysia she left, a family danger tester, stop 53)."""
    numbers = ctx.engine.numbers
    words = fold_all(text).split()
    named = {
        c.code
        for at, length, c in numbers.places_named(text)
        if not a_ships_flag(words, at, length)  # "kapal ikan taiwan": a flag, not a place
    }
    place = numbers.where_to_dial(text) if len(named) > 1 else None
    if place is None and len(named) == 1:
        place = numbers.first_not_a_flag(text)  # "tkw di singapur": a spelling the choices lack
    if place is not None:
        return PLACE_CODES.get(place.code) or place.name.get("id", place.code)
    codes = countries_in(text)
    return codes[0] if len(codes) == 1 and not named else None


def _replaces_guess(ctx: Ctx, text: str) -> bool:
    """A typed answer to the country guessed that is another country: one abroad named, or
    the worker not gone ("blm brangkat")."""
    named = bool(countries_in(text)) or ctx.engine.numbers.country_in(text) is not None
    words = fold(text).split()
    # a country misspelt ("malysia") or Indonesia itself, as the prompt says to type it, answer
    # "Negara: Malaysia — benar?" too (both were refused: a family-side tester, stop 63)
    spelled = any(
        process.extractOne(
            word, list(COUNTRY_SPELLINGS), scorer=fuzz.ratio, score_cutoff=SPELLED_LIKE
        )
        for word in words
        if len(word) >= 5 and word not in LIKE_A_COUNTRY
    )
    return named or spelled or bool((AT_HOME | COUNTRY_AT_HOME).intersection(words))


COUNTRY_ALIASES = frozenset(
    [
        *"arab saudi ksa korsel korea msia malay malaysi mlysia malaysian uae emirat".split(),
        *"emirates taiwn taiwanese singapur spore sgp singaporean makau katar kuwet".split(),
        *"japanese korean".split(),
        "arab saudi",
        "saudi arabia",
        "korea selatan",
        "south korea",
        "emirat arab",
        "uni emirat arab",
    ]
)
"""Other names of a country, not a city in it ("arab", "korsel")."""
CITY_TYPED = "city_typed"
"""A city typed where the country was asked: kept as the city, which is then not asked."""


def _city_in(ctx: Ctx, text: str, place: Country | None) -> None:
    """Keeps a city typed where the country was asked ("riyadh, alamat gk tau")."""
    word = ctx.engine.numbers.place_word_in(text)
    # no country is a city ("katanya thailand tp skrg d kamboja": Kamboja, city Thailand)
    names = {fold(n) for c in ctx.engine.numbers.countries for n in c.name.values()}
    if word and len(word) > 3 and word not in names | COUNTRY_ALIASES:
        ctx.set_data(**{CITY_TYPED: word.title()})


def home_place(text: str) -> re.Match[str] | None:
    """A place in Indonesia the worker is said to be in ("masih di batam"), not one they left
    from ("dia brgkt dr lombok" made the report's country "Indonesia, Lombok")."""
    folded = fold_all(text)
    for found in IN_INDONESIA.finditer(folded):
        before = folded[: found.start()].split()
        if not before or before[-1] not in NOT_THERE:
            return found
    return None


COUNTRY_AT_HOME = frozenset(("indonesia", "indo"))
"""Indonesia itself, typed where the country is asked: the worker has not left."""
ORIGIN_TOLD = frozenset("from dari dr asal asli desa ds dusun kecamatan kec".split())
"""Words saying where someone comes from, typed where the country of work is asked."""
STILL_HERE = frozenset("masih msh still pulang balik".split())
"""... unless the worker is said to be there still, or back ("msh di desa kopang")."""


HELD_BEFORE_LEAVING = frozenset(
    "penampungan tampungan asrama mess transit ditahan disekap dikunci dikurung masih msh "
    "belum blm".split()
)
"""Words of a worker still in Indonesia, held on the way or not gone yet, around the place."""


def held_in_indonesia(text: str) -> str | None:
    """ "Indonesia", where a report's opening names no place abroad but one in Indonesia the
    worker is held in or has not left ("anak sy di penampungan PT di bekasi udh 4 bln, gk
    boleh keluar" was filed as Malaysia, the form having no Indonesia to offer: a
    pre-departure tester, stop 54). "sy di lombok" alone is where the family writes from."""
    words = fold(text).split()
    if home_place(text) is None or HELD_BEFORE_LEAVING.isdisjoint(words):
        return None
    return "Indonesia"


COMES_FROM = N_(
    "That is where the worker comes from. In which country is the worker now? (If they have "
    "not left yet, type *belum berangkat*.)"
)


def still_in_indonesia(ctx: Ctx, text: str, words: list[str]) -> bool:
    """The worker is in Indonesia, not yet gone or held on the way ("masih di batam", "blm
    brangkat", "di penampungan PT di bekasi"); the city is kept too. A place in Indonesia said
    as where they come from is refused: the country abroad is asked again."""
    home = home_place(text)
    if (
        home is not None
        and ORIGIN_TOLD.intersection(words)
        and AT_HOME.isdisjoint(words)
        and STILL_HERE.isdisjoint(words)
    ):
        # "from desa Kopang Rembiga, lombok tengah" where the country is asked is where the
        # worker comes from: it was saved as "Indonesia, Lombok" (an English chat tester,
        # stop 51)
        raise Invalid(ctx._(COMES_FROM))
    if home is not None and home.group(0) not in ("indonesia", "indo", "ntb"):
        ctx.set_data(**{CITY_TYPED: home.group(0).title()})  # "masih di batam": the city too
        return True
    if not_left(text, words):
        # "blm brangkat": not a city to ask for, and the officer reads that they never left
        ctx.set_data(**{CITY_TYPED: ctx._("not departed yet")})
        return True
    return home is not None


LIKE_A_COUNTRY = frozenset(
    "kapan apaan jalan antar malam malas sawah senang malah salah pegang sabar bahan perang "
    "tenang taliwang jajan woman menang gabah studi jaman pendatang papan sarah pemenang "
    "empang latar kabah penumpang saban koran wabah apain pengan malasan sandi sanah "
    "perundang wenang kopra dumai".split()
)
"""Everyday words spelled like a place ("kapan sy pulang? minggu lalu" was kept as Japan: a
journeys tester, stop 62; "eh salah, namanya ..." as Sabah, stop 65; the lexicon's words, and
the real and written messages' words, within SPELLED_LIKE of a country's)."""


def typed_country(ctx: Ctx, text: str) -> str | None:
    numbers = ctx.engine.numbers
    # where the worker is now, of two places named ("katanya thailand tp skrg d kamboja" was
    # kept as Thailand: a chat tester, stop 53)
    named = {c.code for _, _, c in numbers.places_named(text)}
    place = (numbers.where_to_dial(text) if len(named) > 1 else None) or numbers.country_in(text)
    _city_in(ctx, text, place)
    guessed = country_guessed(ctx, text)
    if guessed is not None:
        return guessed
    if place is not None:
        if place.code in PLACE_CODES:
            return PLACE_CODES[place.code]
        # "kuwait" was kept as "Other Middle East", and the officer lost the country (a chat
        # tester, stop 52): a place with no choice of its own keeps its name
        return place.name.get("id", place.code)
    words = fold(text).split()
    if still_in_indonesia(ctx, text, words):
        return "Indonesia"
    if says_not(set(words), KNOWING):
        return ctx._("not known")  # "gk tau pak": the report goes on, the officer asks
    for word in (w for w in words if len(w) >= 5 and w not in LIKE_A_COUNTRY):
        found = process.extractOne(
            word, list(COUNTRY_SPELLINGS), scorer=fuzz.ratio, score_cutoff=SPELLED_LIKE
        )
        if found is not None:
            return COUNTRY_SPELLINGS[found[0]]
    return None


def country_other_prompt(ctx: Ctx) -> None:
    ctx.say(ctx._("Please type the name of the country."))


def country_other_read(ctx: Ctx) -> str:
    """The country typed. Not knowing it ("sy g tau pak, dia brgkt dr lombok lewat PT") is
    taken as not known, as at the list of countries; a place in Indonesia alone is where the
    worker left from, never the country abroad, so the country is asked again."""
    text = Form.text(ctx, 2, 60)
    place = ctx.engine.numbers.country_in(text)
    if place is not None:
        # "kuching" is Malaysia, "di kota wroclaw, polandia" is Polandia with its city (both
        # were saved as typed, and Malaysia's report never matched: a family chat tester,
        # stop 50)
        _city_in(ctx, text, place)
        return PLACE_CODES.get(place.code) or place.name.get("id", place.code)
    named = countries_in(text)
    if named:
        return named[0] if len(named) == 1 else text
    if not_known(set(fold(text).split())):
        return ctx._("not known")
    words = fold(text).split()
    here = {"indonesia", "indo", *HELD_BEFORE_LEAVING, *STILL_HERE}.intersection(words)
    if here and still_in_indonesia(ctx, text, words):
        # "indonesia", "masih di penampungan di bekasi" after *Other country*: a worker held
        # before leaving was refused (a pre-departure tester, stop 54)
        return "Indonesia"
    if IN_INDONESIA.search(fold_all(text)):
        raise Invalid(
            ctx._(
                "Please type the country abroad where the worker is, e.g. *Kamboja*. If you do "
                "not know it, type *tidak tahu*."
            )
        )
    return text


def city_prompt(ctx: Ctx) -> None:
    ctx.say(ctx._("In which city or area? (Press *Skip* if you do not know.)"), skip_button(ctx))


def _keep_as_the_story(ctx: Ctx, text: str) -> None:
    """A story typed at a report's city step: the story, or more of it."""
    from bot.flows.report_opening import STORY_MAX, add_to_story

    if ctx.data.get("story"):
        add_to_story(ctx, text)
    else:
        ctx.set_data(story=text[:STORY_MAX])
    if not ctx.data.get("categories_guess"):
        ctx.set_data(categories_guess=categories_in(text))


def city_read(ctx: Ctx) -> str | None:
    """The city typed, or none skipped; a yes or thanks is no city ("Negara: Malaysia, ya"):
    the question has no yes to give."""
    if skipped(ctx):
        return None
    text = ctx.incoming.text or ""
    if said_in_passing(ctx, text) or holds_a_phone(text) or not any(c.isalpha() for c in text):
        raise Invalid(ctx._("I need the name of a city or area here."))
    words = fold(text).split()
    if not_known(set(words)) and ctx.engine.numbers.place_word_in(text) is None:
        # "sy gk tau pak, dia jarang cerita", "d kebun sawit pak, gk tau nama tempatnya" were
        # kept as the city (an open-report tester, stop 54): not known, as *Skip*
        return None
    named = ctx.engine.numbers.place_word_in(text)
    if named is not None and (categories_in(text) or len(words) > CITY_WITH_MORE_WORDS):
        # "d kl pak, gajinya blm dibayar 3 bln", "ipoh pak. anak sy gk digaji 5 bln": the place,
        # not the sentence (an open-report tester, stop 54)
        return named.upper() if len(named) <= len("kl") + 1 else named.title()
    if categories_in(text) and named is None:
        # "gaji nya gk d bayar 5 bln pak, paspor d tahan majikan" was kept as the city
        if ctx.conversation.flow == "case":
            # ... and the story was then lost: "dulu sy pernah d pukul majikan ..." was said
            # to be asked for later, and the summary showed the "tidak" typed there (a
            # journeys tester, stop 62): it is the story, and its problems are confirmed
            _keep_as_the_story(ctx, text)
            raise Invalid(ctx._("Thank you, I have kept what you wrote for your report."))
        raise Invalid(
            ctx._(
                "I will ask what happened in a moment. In which city or area is the worker? "
                "(Press *Skip* if you do not know.)"
            )
        )
    if _home_typed_as_city(ctx, text):
        # "desa sakra" typed where the city abroad was asked was kept as the city (a chat
        # tester, stop 52)
        raise Invalid(
            ctx._(
                "That sounds like a place at home. In which city or area abroad is the worker "
                "now? (Press *Skip* if you do not know.)"
            )
        )
    return Form.text(ctx, 2, 120)


CITY_WITH_MORE_WORDS = 5
"""A city answer longer than this that names a place abroad says more than the city: the place
is kept."""
NTB_PLACES = frozenset("lombok sumbawa mataram bima dompu ntb".split())
"""The places at home the city abroad is not."""
HOME_LEADS = frozenset("desa ds dusun dsn kampung kec kecamatan kab kabupaten".split())
"""Words a place at home is typed with ("desa sakra", "kec. kopang")."""
VILLAGE_WORDS = 3
"""A city answer this short that is a village in the directory is that village."""


def _home_typed_as_city(ctx: Ctx, text: str) -> bool:
    """A place in Indonesia typed where the city abroad is asked, for a worker abroad."""
    if ctx.data.get("country") in (None, "Indonesia"):
        return False
    if ctx.engine.numbers.place_word_in(text):
        return False  # "kuching", "di jeddah dekat masjid": a place abroad is named
    words = fold(text).split()
    if not words:
        return False
    home = home_place(text)
    if words[0] in HOME_LEADS or (home is not None and home.group(0) in NTB_PLACES):
        # not a town elsewhere in Indonesia, where a worker may be held on the way ("skrg d
        # nunukan kaltara" was refused: a family-side tester, stop 53)
        return True
    if len(words) > VILLAGE_WORDS:
        return False
    if ctx.engine.villages.is_subdistrict(" ".join(words)):
        return True  # "masbagik", "kopang", "pujut": a kecamatan (a regression tester, stop 53)
    found = ctx.engine.villages.search(" ".join(words))
    return bool(found) and found[0].score >= EXACT_VILLAGE


COUNTRY_OTHER = Step(
    "country_other", country_other_prompt, country_other_read, store_as="country", free_text=True
)
CITY = Step("city", city_prompt, city_read, store_as="city", free_text=True)
