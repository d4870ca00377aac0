"""The family's side of a sent report: what they write while it is open reaches its officer;
what they write soon after it was resolved, about it, opens it again.

A family writes to the chat, not to a ticket. "sdh ada kabar blm pak" is a question for the
officer, not for the knowledge base; "kok ditutup pak, anak sy blm pulang" a week after the
report was resolved says it is not over, and starting over with a new report would lose the
officer who knows the story.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from bot import replies
from bot.answers import smalltalk_text
from bot.cases.hints import countries_in
from bot.cases.service import (
    OPEN_STATUSES,
    REOPEN_WINDOW,
    add_family_message,
    cases_of,
    for_the_case,
    open_case_of,
    reopen,
    resolved_lately,
)
from bot.commands import GOING, NOT_GOING, OWN_CODE, leading_command
from bot.companies.service import named_company
from bot.context import PENDING_STORY, Ctx
from bot.flows import case_pick, kept_from_village, menu
from bot.flows.report_danger import (
    KEPT_OFF_NEW,
    answer_whether_in_danger,
    ask_whether_in_danger,
    danger_of_someone_else,
    danger_place,
    danger_told,
    kept_off,
    only_pleads,
    place_told_after_the_numbers,
    reported_country,
    say_of_case,
    typed_answer_to_danger,
)
from bot.flows.someone_else import (
    about_someone_else,
    keep_apart,
    kin_named,
    kin_of,
    name_words,
    other_names,
)
from bot.i18n import N_, translator
from bot.literacy import (
    ASKED_FOR,
    an_impostor_asks_for_money,
    asks_what_reporting_costs,
    speaks_rather_than_writes,
)
from bot.options import ADDRESS, NO_WORDS, YES_WORDS, short
from bot.store.models import Case
from bot.triage import (
    DEATH_WORDS,
    EMPLOYER_DIED,
    WHETHER_TO_PAY,
    Reading,
    asks_where_to_turn,
)
from bot.types import MAX_BUTTONS, Button, Reply
from knowledge.danger_model import mentions_danger
from knowledge.emergency import at_home
from knowledge.lazy import Lazy
from knowledge.librarian import Answer
from knowledge.normalize import fold
from knowledge.topic import Topic

if TYPE_CHECKING:
    from bot.engine import Engine

NEW_REPORT = "cmd:new_report"
"""*New report* beside news kept off the open report: a report of its own. *Ask an officer*
(`cmd:report`) pressed with a report open goes to that report's officer instead."""


def kept_off_as_new(ctx: Ctx, case: Case, text: str) -> None:
    """News of someone else: kept off the open report, waiting for *New report*."""
    keep_apart(ctx, text)
    kept_off(ctx, case, KEPT_OFF_NEW, Button(NEW_REPORT, short(ctx._("New report"))))


def ask_the_reports_officer(ctx: Ctx, case: Case) -> None:
    """*Ask an officer* pressed while a report is open: the chat already reaches its officer.
    It had opened a whole new report form (a family-side tester, stop 56)."""
    say_of_case(
        ctx,
        case,
        ctx._(
            "Your report *{number}* is open: {state}. Write your question or correction here "
            "and I pass it to your officer. For another person or another problem, press "
            "*New report*."
        ).format(number=case.number, state=menu.case_state(ctx, case)),
        [Button(NEW_REPORT, short(ctx._("New report")))],
    )


CORRECTION_WORDS = frozenset("salah keliru harusnya seharusnya mestinya wrong incorrect".split())


def passes_a_correction(ctx: Ctx, case: Case, text: str) -> bool:
    """A correction typed with a report open ("pak maaf desa nya salah, harusnya desa Rarang
    Selatan") goes to the report's officer, who can fix it; it had shown the data kept and
    said to press *Ask an officer*, and nothing reached the report (a family-side tester,
    stop 56)."""
    if CORRECTION_WORDS.isdisjoint(fold(text).split()):
        return False
    add_family_message(ctx.session, case=case, text=text)
    say_of_case(
        ctx,
        case,
        ctx._(
            "I have passed your correction to the officer of your report *{number}*: the "
            "officer can change it."
        ).format(number=case.number),
    )
    return True


WHAT_NEXT = frozenset(
    "terus trus trs truss lalu gimana gmn bagaimana bgmn selanjutnya lanjutnya sekarang skrg ya "
    "yah pak bu kak min sir dong sy saya aku kami hrs harus musti mesti ngapain apa now what "
    "next then so how should i we do cara caranya happens happen "
    # Sasak and Mbojo: "berembe tiang pak?" (how, I), "nahu" (I)
    "berembe tiang nahu".split()
)
"""A question of nothing but what now ("terus gimana pak?") while a report is open is about
the report: where it stands, passed to the officer, not money-management tips."""
WHAT_WORDS = frozenset(
    "terus trus trs truss lalu gimana gmn bagaimana bgmn selanjutnya ngapain what how next "
    "berembe".split()
)
ACKS = frozenset("oh o ok oke okay okey ya iya iyaa sip siap baik noted paham mengerti oww".split())
"""A message of nothing but an acknowledgement ("oh ok", "ya") after an answer asks nothing."""
ALREADY = frozenset("sudah sdh udah udh dah".split())
NOT_YET = frozenset("belum blm blom".split())
ABOUT_THE_REPORT = frozenset(
    "laporan laporannya kasus kasusnya diproses proses prosesnya kabar kabarnya petugas "
    "petugasnya ditanggapi tanggapan dibalas balasan respon ditindaklanjuti tindaklanjut report "
    "case officer reply update news "
    # "apakah sudah ditangani pak?", "sdh diurus blm?", "is it being handled?", "has anyone
    # looked at it yet?", "is anyone helping my wife?" got topics or "not sure" (a family-side
    # tester, stop 56)
    "ditangani tangani penanganan diurus diurusin dibantu ditolong handled handling looked "
    "helping processed perkembangan perkembangannya urus ngurus ngurusin progress "
    "tindak status statusnya".split()
)
"""Words of a question about the report itself, asked while it is open."""
WHO_SEES = frozenset("siapa liat lihat melihat baca membaca akses see sees read who".split())
"""A question of who sees the report ("siapa aja yg bisa liat laporan sy?") is the privacy
answer's, not a status question."""
STATUS_ASKED = frozenset("status statusnya progress perkembangan perkembangannya update".split())
"""Where the report stands, asked: "what is the status of my report" got where to report (a
blind round, stop 57)."""
HOW_LONG = frozenset("lama kapan hari dibantu ditolong bantuin kelanjutannya hasilnya".split())
SHORT_ASK = 6
"""A short question of how long or whether it will be helped ("kira2 brp lama pak", "bisa
dibantu gk pak?"), asked while a report is open, is about the report."""
OUT_OF_REACH = frozenset(
    "dihubungi hubungi hubungin dihubungin kabar kabarnya aktif nyambung reachable contacted "
    "reach".split()
)
NEGATIONS = frozenset(
    "tidak tdk gk ga gak nggak ngga belum blm blom not no cannot cant ndek ndeq".split()
)


def grave_news(words: list[str]) -> str | None:
    """News that makes a report urgent, with what helps now: a death ("anak sy meninggal pak
    kata agen nya"), or the worker out of reach ("udh 2 hari gk ada kabar", "gk bisa
    dihubungi"; "sdh bisa dihubungi" is good news)."""
    said = set(words)
    if said & DEATH_WORDS and not EMPLOYER_DIED.search(" ".join(words)):
        # not the employer's death ("majikan anak sy meninggal, anak sy skrg gk ada yg gaji"
        # got the worker's death and the report marked urgent: an open-report tester, stop 54)
        return "pmi-meninggal-sakit"
    if CONTACTED_ME.search(" ".join(words)):
        return None  # "blm ada yg hubungi sy pak": the officer has not called (stop 53)
    out_of_reach = said & OUT_OF_REACH
    if out_of_reach == {"aktif"} and said & ACTIVE_THINGS:
        return None  # "bpjs sy msh aktif gk ya": a card's or a paper's, not the person's phone
    if _someone_lost(words) or (out_of_reach and said & NEGATIONS):
        return "hilang-kontak"
    return None


ACTIVE_THINGS = frozenset(
    "bpjs jkn kis jht asuransi kartu akun rekening paspor passport visa permit izin ijin kontrak "
    "ktp nik sim polis".split()
)
"""Things that are "aktif" or not besides a phone: "bpjs sy msh aktif gk ya" after the danger
reply got the numbers for someone out of reach (a blind look-alike tester, stop 59)."""


LOST_THINGS = frozenset(
    "kunci motor mobil hp handphone hape dompet uang duit tas koper ktp kk kartu atm sandal "
    "sepatu barang paspor passport ijazah surat sim helm jam perhiasan emas cincin".split()
)
"""Things that go missing: "kunci motor sy hilang td d pasar" is not the worker out of reach
(it marked a report urgent: a danger-in-stories tester, stop 54)."""


def _someone_lost(words: list[str]) -> bool:
    """ "hilang" said of someone ("anak sy hilang", "hilang kontak"), not of a thing."""
    for at, word in enumerate(words):
        if word != "hilang":
            continue
        if words[at + 1 : at + 2] == ["kontak"] or LOST_THINGS.isdisjoint(
            words[max(0, at - 3) : at]
        ):
            return True
    return "lost contact" in " ".join(words)  # "we lost contact 2 weeks"


CONTACTED_ME = re.compile(
    r"\b(?:hubungi|menghubungi|dihubungi|telpon|nelpon|call|called|contact|contacted) "
    r"(?:saya|sy|aku|kami|me|us)\b"
)
"""No one has contacted the writer ("blm ada yg hubungi sy pak"): the officer asked after,
not the worker out of reach (it was marked urgent: a family-side tester, stop 53)."""


TAG_QUESTION = frozenset("gk gak ga nggak ngga tidak kah apa brp berapa".split())
"""A question asked without a question mark, by its tag ("bisa dibantu gk pak")."""
ASKING_START = frozenset("whats what how where when who which can is does do".split())


def _asked_by_its_tag(words: list[str]) -> bool:
    """A question without "?": a tag at its end, past a "pak" or "bu" ("bpjs bisa klaim gk
    pak"), or an English question word first ("whats the embassy number in seoul")."""
    kept = list(words)
    while kept and kept[-1] in ADDRESS:
        kept.pop()
    return bool(kept) and (kept[-1] in TAG_QUESTION or kept[0] in ASKING_START)


CLOSING = frozenset(
    "ditutup tutup tutupnya ditutupin selesai diselesaikan selesainya beres closed close resolved "
    "finished".split()
)
"""Words about the report's closing ("kok ditutup pak"), written after it was resolved."""
STILL = frozenset(
    "belum blm blom blum masih msh masi tetap tetep still yet lagi cuma cuman hanya baru "
    "setengah again only".split()
)
"""A statement that something is not over ("anak sy blm pulang", "gajinya dipotong lagi",
"uangnya cuma masuk 2 juta"), written after the report was resolved, is about the report."""
REPORT_WORDS = frozenset("laporan laporannya lapor kasus kasusnya report case".split())
"""Words naming the report itself (not "kabar" or "petugas", which a new question has too)."""
NEW_WORDS = frozenset("baru new another".split())
OWNERS = frozenset(
    "sy saya kami aku ku anak suami istri adik kakak ibu bapak itu tadi my our".split()
)
BUT = frozenset("tapi tp tetapi namun but".split())
"""Thanks with a "but" ("makasih pak, tp gaji suami msh blm dibayar semua") is not only thanks."""
SMALL_TALK = frozenset(("thanks", "bye", "greeting", "address"))
THANKS = frozenset(
    "makasih makasi mksh mks trimakasih terimakasih tengkyu thanks thank thx".split()
)
"""Thanks in a longer message ("makasih pak laporannya sudah selesai") is still thanks."""
CATEGORY_TOPICS: dict[str, set[str]] = {
    "gaji-tidak-dibayar": {"wages"},
    "dokumen-ditahan": {"documents"},
    "kekerasan-majikan": {"violence"},
    "hilang-kontak": {"lost_contact"},
    "pmi-meninggal-sakit": {"illness_death"},
    "calo-ilegal": {"fraud"},
    "gagal-berangkat": {"fraud", "departure"},
    "kepulangan": {"go_home"},
    "pulang-sebelum-kontrak": {"go_home"},
}
"""The case categories a topic's answer is about: a statement read as one of them, written
after a report of it was resolved, is about that report."""


CLOSE_REPORT, KEEP_REPORT = "close_report", "keep_report"
"""The answers to "cancel your report?", asked after a bare "batal", as commands."""
CLOSING_VERBS = frozenset(
    "batal batalkan batalin dibatalkan dibatalin membatalkan tutup tutupkan tutupin ditutup "
    "ditutupin menutup cabut cabutin dicabut mencabut cancel close withdraw delete remove "
    "batalang "
    # "tolong hapus laporan sy pak, adik sy udh ada kabar" was passed on as a question (an
    # open-report tester, stop 54); "hapus data saya" is the erasing, read before
    "hapus hapuskan hapusin dihapus menghapus".split()
)
REPORT_NOUNS = REPORT_WORDS | frozenset("aduan aduannya pengaduan pengaduannya".split())
WHY = frozenset("kok kenapa knp napa mengapa why".split())
""""kok laporannya ditutup?" asks why, it does not ask to close."""
WISHING = frozenset("aja saja dong deh tolong tlg mohon minta mau ingin pengen please".split())
"""A wish put as a question ("bisa tolong ditutup laporannya pak?") is still a wish."""
TO_REPORT = frozenset("lapor melapor laporan".split())
TROUBLE = frozenset("masalah masalahnya urusan urusannya kasus kasusnya problem problemnya".split())
SETTLED = frozenset("selesai beres teratasi solved settled".split())
IT_WORDS = frozenset("it aja saja dong deh please pls".split())
SHORT_WISH = 8
"""A message this short wishing to close or stop names the open report without naming it."""
NO_MORE = frozenset("dilanjut dilanjutkan lanjut need anymore".split())
NEGATED = frozenset("gk gak ga g tidak tdk nggak ngga tak usah dont don not no".split())
"""With a word of not: the report no longer needed ("gk usah dilanjut", "don't need it")."""
BARE_CANCEL = frozenset("batal batalkan batalin cancel".split())
"""The "batal" alone that, with a report open and no form to stop, may mean the report."""


KEEP_IT = frozenset("jgn jangan jngn jgan dont".split())
"""A closing word under "don't" ("jgn dibatalin laporannya", "eh jgn ditutup dulu pak")."""
KEEP_IT_EN = re.compile(r"\b(?:don t|do not|please don t|pls don t) (?:close|cancel|delete|end)\b")


def wants_report_closed(words: list[str], asks: bool) -> bool:
    """A wish to close the open report: "laporannya dibatalin aja", "tutup aja laporannya
    pak", "cancel my report", "gk jadi lapor", "masalahnya sudah selesai". Not a question of
    why or whether ("kok laporannya ditutup?", "masalahnya sudah selesai belum?")."""
    said = set(words)
    if said & WHY or (asks and not said & WISHING):
        return False
    if _kept(words):
        return False  # "maaf pak jgn dibatalin laporannya": the report stays (stop 53)
    if said & REPORT_KEPT or said & OWN_DATA:
        # "please delete my phone number but keep the report" was passed on as a wish to close
        # it (a family-side tester, stop 65): a wish about the data, not the report
        return False
    if said & CLOSING_VERBS and said & REPORT_NOUNS:
        return True
    if len(words) <= SHORT_WISH and (_no_more(words) or (said & CLOSING_VERBS and said & IT_WORDS)):
        return True  # "gk usah d lanjut pak", "close it please" (a family-side tester, stop 56)
    if any(
        a in NOT_GOING and b in GOING and c in TO_REPORT
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    ):
        return True  # "gk jadi lapor pak"
    no_more = _no_more(words)
    if said & REPORT_NOUNS and (said & SETTLED or no_more) and not said & NOT_YET:
        # "bu laporannya selesai aja", "gk usah dilanjut laporannya", "we don't need the report
        # anymore" were passed on as questions (a family-side tester, stop 55)
        return True
    if {"solved", "resolved"} & said and not said & NOT_YET:
        return True  # "it's solved now"
    return bool(said & TROUBLE and said & ALREADY and said & SETTLED and not said & NOT_YET)


KEEP_REACH = 2
NOT_REACH = 2
"""A word of not and "usah" before "lanjut" say to go no further ("gk usah d lanjut")."""
NEEDED = frozenset("usah perlu need".split())
REPORT_KEPT = frozenset("keep tetap tetapkan pertahankan".split())
OWN_DATA = frozenset("nomor nomer number phone hp nama name foto photo data ktp nik".split())


def _no_more(words: list[str]) -> bool:
    """The report no longer needed: a word of not just before "lanjut" or "need" ("gk usah d
    lanjut", "don't need it anymore"); "eh gk jadi, lanjut aja" (never mind, go on) sent a
    wish to close (a family-side tester, stop 65)."""
    for at, word in enumerate(words):
        if word not in NO_MORE:
            continue
        before = [w for w in words[:at] if w not in ("d", "di")]
        if before and before[-1] in NEGATED:
            return True  # "gk dilanjut", "dont need"
        if len(before) >= NOT_REACH and before[-1] in NEEDED and before[-2] in NEGATED:
            return True  # "gk usah d lanjut", "tidak perlu dilanjutkan"
    return False


def _kept(words: list[str]) -> bool:
    """A word of not right before a closing verb ("jgn dibatalin", "don't close"); "we dont
    need it anymore" keeps nothing."""
    if KEEP_IT_EN.search(" ".join(words)):
        return True
    return any(
        word in KEEP_IT and not CLOSING_VERBS.isdisjoint(words[at + 1 : at + 1 + KEEP_REACH])
        for at, word in enumerate(words)
    )


def keeps_it_open(words: list[str]) -> bool:
    """A short wish not to close it ("jangan ditutup dulu pak", "don't close it yet")."""
    return _kept(words) and len(words) <= SHORT_WISH


def request_close(ctx: Ctx, case: Case, text: str) -> None:
    """The family's wish to close the report, passed to its officer, who resolves it: a
    report closed by a word typed in passing would lose the officer who knows the story."""
    add_family_message(ctx.session, case=case, text=text, closing=True)
    say_of_case(ctx, case, ctx._(case_pick.CLOSE_PASSED).format(number=case.number))


def ask_to_close(ctx: Ctx) -> bool:
    """A bare "batal" with a report open and no form to stop: whether the report is meant,
    asked with yes and no (a second "batal" is a yes). False when it is not that case."""
    if not BARE_CANCEL.intersection(fold(ctx.incoming.text or "").split()):
        return False
    case = open_case_of(ctx.session, ctx.contact)
    if case is None:
        return False
    if f"cmd:{CLOSE_REPORT}" in ctx.previous_options:
        request_close(ctx, case, ctx.incoming.text or "")
        return True
    ctx.say(
        ctx._("Do you want to cancel your report *{number}* ({about})?").format(
            number=case.number, about=menu.case_about(ctx, case)
        ),
        [
            Button(f"cmd:{CLOSE_REPORT}", short(ctx._("Yes, cancel it"))),
            Button(f"cmd:{KEEP_REPORT}", short(ctx._("No"))),
        ],
    )
    return True


def answer_to_close(ctx: Ctx, answer: str, text: str | None = None) -> None:
    """Yes or no to "cancel your report?", pressed or typed."""
    case = open_case_of(ctx.session, ctx.contact)
    if case is None:
        menu.show(ctx)  # resolved meanwhile
    elif answer == CLOSE_REPORT:
        request_close(ctx, case, text or translator("id")(CLOSE_PRESSED))
    else:
        ctx.say(ctx._("Your report *{number}* stays open.").format(number=case.number))


CLOSE_PRESSED = N_("Please close this report.")
"""What the officer reads when the family pressed yes to closing it."""


def _typed_answer_to_close(ctx: Ctx, words: list[str]) -> str | None:
    """ "iya", "tidak" typed after "cancel your report?"."""
    if f"cmd:{CLOSE_REPORT}" not in ctx.previous_options:
        return None
    said = set(words) - ADDRESS
    if said and said <= YES_WORDS | CLOSING_VERBS:
        return CLOSE_REPORT
    if said and said <= NO_WORDS:
        return KEEP_REPORT
    return None


def asks_what_next(words: list[str]) -> bool:
    """Nothing but "what now" ("terus gimana pak?"), with a word that asks it ("ya" alone
    does not)."""
    return bool(words) and set(words) <= WHAT_NEXT and bool(WHAT_WORDS.intersection(words))


def open_thread(engine: Engine, ctx: Ctx, case: Case, unclear: Sequence[Case] = ()) -> None:
    """While a case is open, everything the family writes goes to the officer; a question the
    knowledge base answers is answered as well. `unclear`: the open reports the message could
    be for, when it names none of them; the family is asked which (bot/flows/case_pick.py)."""
    text = ctx.incoming.text or ""
    danger = mentions_danger(text)
    asks = engine.looks_like_question(text)
    words = fold(text).split()
    # "sdh ada kabar blm pak": asked the Indonesian way, with "sudah ... belum"
    asks = asks or bool(ALREADY.intersection(words) and NOT_YET.intersection(words))
    # "bpjs bisa klaim gk pak", "whats the embassy number in seoul": asked by a tag at the end
    # or "whats" at the start, without "?", were only added to the report (a family-side
    # tester, stop 53)
    asks = asks or _asked_by_its_tag(words)
    # "perlu sy bayar ke PT nya gk supaya anak sy dipulangkan": whether to pay, asked, was only
    # added to the report while the family may be paying (a family danger tester, stop 53)
    asks = asks or WHETHER_TO_PAY.search(fold(text)) is not None
    if not danger and place_told_after_the_numbers(engine, ctx, case, text):
        return
    if not danger and not asks and replies.NUMBERS_ASKED.search(fold(text)):
        # "nomor darurat", as the urgent report's confirmation says to type, was only added to
        # the report (an officers-wanted tester, stop 62): the numbers from where it places
        # the worker (asked as a question, the numbers' answer says the report is with the
        # officer, below)
        place = None if at_home(text) else engine.numbers.country_in(text)
        engine.emergency(ctx, place or reported_country(engine, case), with_report=False)
        return
    typed = typed_answer_to_danger(ctx, words)
    if typed is not None:
        answer_whether_in_danger(engine, ctx, typed)  # "iya pak" to "in danger now?"
        return
    if danger and not case.urgent and not unclear and only_pleads(text):
        ask_whether_in_danger(ctx, case, text)  # "tolong pak" to a calm report
        return
    others = other_names(ctx, case)
    cases = [case, *(c for c in unclear if c is not case)]
    if kept_from_village.allowed(text) and any(c.village_hidden for c in cases):
        # "desa boleh lihat", the button's words typed, were only added (a tester, stop 57)
        add_family_message(ctx.session, case=case, text=text)
        kept_from_village.let_village_see_again(ctx, cases)
        return
    if kept_from_village.wished(text):
        # "jgn diteruskan ke desa ya pak" was passed on to the village (stop 56's list); told
        # beside danger to someone else, the open reports are kept from it too, and the new
        # report's form offers *Only the district* first (a tester, stop 57)
        newly = kept_from_village.hide(ctx, cases)
        elsewhere = about_someone_else(case, text, others=others)
        if danger and elsewhere:
            danger_of_someone_else(engine, ctx, case, text)
        elif danger:
            danger_told(engine, ctx, case, text)  # the numbers first, and to the district
        elif not elsewhere:
            add_family_message(ctx.session, case=case, text=text)
        else:
            kept_off_as_new(ctx, case, text)
        kept_from_village.tell(ctx, cases, newly, added=not elsewhere)
        if ASKED_FOR.search(fold(text)):
            # "kades minta duit 500rb biar laporan sy diurus": and the report costs nothing (a
            # tester of the family after a report, stop 65)
            replies.reporting_is_free(ctx, case.number)
        return
    if danger and about_someone_else(case, text, others=others):
        danger_of_someone_else(engine, ctx, case, text)
        return
    if danger and unclear:
        # danger naming neither of two open reports: the numbers at once, from where the
        # message or both reports place the worker, then which report it is for; neither is
        # marked urgent on a guess (a third chat tester, stop 49)
        places = {c.country for c in unclear}
        common = reported_country(engine, case) if len(places) == 1 else None
        place = None if at_home(text) else engine.numbers.where_to_dial(text) or common
        engine.emergency(ctx, place, with_report=False, picking=True)
        case_pick.hold(ctx, case, text, unclear, urgent=True)
        return
    if danger:
        danger_told(engine, ctx, case, text)
        return
    if speaks_rather_than_writes(engine.triage.detector.standard(text)):
        # "sy buta huruf pak" with a report open got only "added to your report" (a tester,
        # stop 49): added, and what they can do without writing
        add_family_message(ctx.session, case=case, text=text)
        replies.speak_instead(ctx, engine.numbers)
        return
    typed = _typed_answer_to_close(ctx, words)
    if typed is not None:
        answer_to_close(ctx, typed, text)
        return
    if keeps_it_open(words):
        # "jangan ditutup dulu pak" after asking to close: said to stay open, and passed on
        add_family_message(ctx.session, case=case, text=text)
        say_of_case(
            ctx,
            case,
            ctx._("Your report *{number}* stays open; I have told your officer.").format(
                number=case.number
            ),
        )
        return
    if wants_report_closed(words, asks):
        if unclear:
            case_pick.hold(ctx, case, text, unclear, closing=True)  # which one to close?
            return
        request_close(ctx, case, text)  # "laporannya dibatalin aja", "tutup aja laporannya"
        return
    if REPORT_WORDS.intersection(words) and (
        NEW_WORDS.intersection(words)
        # "sy mau lapor lagi utk adik sy" was added to the daughter's report (a tester,
        # stop 49): another report, for someone else
        or (bool({"lagi", "lg"} & set(words)) and about_someone_else(case, text, others=others))
    ):
        engine.start_form(ctx, "case", opening=text)  # "laporan baru pak, soal adik sy"
        return
    if asks_where_to_turn(text) and STATUS_ASKED.isdisjoint(words):
        # "lapor kmn pak?", "nomor kbri brp?": the numbers from where the report says
        add_family_message(ctx.session, case=case, text=text)
        place = None if at_home(text) else engine.numbers.located_in(text)
        replies.where_to_turn(
            ctx,
            engine.numbers,
            place or reported_country(engine, case),
            case.number,
            region=case.city,
        )
        return
    news = None if asks else engine.librarian.topics.get(grave_news(words) or "")
    if news is not None and about_someone_else(case, text, others=others):
        # "adik sy yg d malaysia hilang kontak udh 2 bulan" on a son's report in Saudi: not
        # his report's news (it was marked urgent: an open-report tester, stop 54)
        kept_off_as_new(ctx, case, text)
        ctx.say(engine.topic_text(ctx, news, ctx.lang, engine.numbers.country_in(text)))
        return
    if news is not None:
        # "anak sy meninggal pak kata agen nya", "udh 2 hari gk ada kabar": what helps now,
        # and the report marked urgent for the officer
        add_family_message(ctx.session, case=case, text=text, urgent=True)
        case.urgent = True
        _what_helps(engine, ctx, case, news, text)
        say_of_case(
            ctx,
            case,
            ctx._(
                "I have added this to your report *{number}* and marked it urgent: your village "
                "officer sees it first."
            ).format(number=case.number),
        )
        return
    if (asks and asks_what_reporting_costs(words)) or an_impostor_asks_for_money(fold(text)):
        # "brp biaya laporan ini pak?": nothing, said, and passed on as any question is; so is
        # someone posing as an officer who asks for a transfer (the officer should know)
        add_family_message(ctx.session, case=case, text=text)
        replies.reporting_is_free(ctx, case.number)
        return
    # "petugas nya udh baca blm?" asks whether it was read yet, not who may read it
    yet = bool((ALREADY | NOT_YET).intersection(words))
    about = ABOUT_THE_REPORT.intersection(words) and (yet or not WHO_SEES.intersection(words))
    short_ask = len(words) <= SHORT_ASK and bool(HOW_LONG.intersection(words))
    about = about or (short_ask and (asks or bool(TAG_QUESTION.intersection(words))))
    if (asks or about) and (about or asks_what_next(words)):
        # "sudah ada kabar?", "kira2 brp lama pak", "bisa dibantu gk pak": a question for the
        # officer about this report, not one for the knowledge base
        if unclear:
            lead = "\n".join(menu.case_lines(ctx, unclear)) + "\n\n"
            case_pick.hold(ctx, case, text, unclear, lead)
            return
        add_family_message(ctx.session, case=case, text=text)
        said = ctx._(
            "Your report *{number}*: {state}. I have passed your question to your village officer."
        ).format(number=case.number, state=menu.case_state(ctx, case))
        if case.status == "new" and (case.urgent or HOW_LONG.intersection(words)):
            # "kapan petugas hubungi sy?" from a worker locked in got only "waiting for an
            # officer", and "kapan dibalas?" under a question sent no time (journeys testers,
            # stop 62): where it is, when it goes further, and, if urgent, the numbers
            said += "\n\n" + waiting(ctx, case, *engine.escalation)
        say_of_case(ctx, case, said)
        return
    # the whole reading of the message, made once and only where a step below needs it
    read = Lazy(partial(engine.triage.read, text))
    if asks and _company_checked(engine, ctx, text, read):
        # "PT Sahabat Karya Mandiri itu ada izinnya ndak" with a report open was only added to
        # it (a family chat tester, stop 50): checked as anywhere, and passed on as well
        _passed_on_too(ctx, case, text, unclear)
        return
    answer = engine.librarian.ask(text)
    if answer.intent in ("thanks", "bye"):
        add_family_message(ctx.session, case=case, text=text)  # the officer sees it too
        ctx.say(smalltalk_text(answer.intent, ctx.lang))
        return
    if asks and _answered(engine, ctx, case, answer, text, read):
        # answered, and passed on too: it may answer the officer's own question ("paspor nya
        # ditahan majikan pak, gmn cara ambil nya?") or tell something new
        _passed_on_too(ctx, case, text, unclear)
        return
    if asks and _choices_offered(engine, ctx, read):
        # a question the reading cannot place ("apa bpjs bisa dipakai klo sakit d hongkong?")
        # got only "added to your report", or only "which report?" with two open (a family
        # chat tester, stop 50): its likely topics, and it goes to the officer as well
        _passed_on_too(ctx, case, text, unclear)
        return
    reporting = leading_command(text, lambda: asks) == "report"
    if unclear and not reporting:
        case_pick.hold(ctx, case, text, unclear)  # "pak tolong dibantu ya" with two open
        return
    if not reporting and about_someone_else(case, text, by_country=False, others=others):
        # "anak sy yg laki Bayu jg d hongkong, paspornya ditahan agen" was added to his
        # sister's report (a family-side tester, stop 55): another person named, kept off it
        kept_off_as_new(ctx, case, text)
        return
    add_family_message(ctx.session, case=case, text=text)
    if reporting or about_someone_else(case, text):
        # "lapor adik sy di taiwan gajinya dipotong", "ponakan sy jg d sabah, paspor nya d
        # tahan" (a third chat tester, stop 46): added, and a new report one tap away
        ctx.set_data(**{PENDING_STORY: text[:4000]})
        ctx.say(
            ctx._(
                "Added to your report *{number}*. If this is about another person or another "
                "problem, press *New report*."
            ).format(number=case.number),
            [Button(NEW_REPORT, short(ctx._("New report")))],
        )
        return
    say_of_case(
        ctx,
        case,
        ctx._(case_pick.ADDED).format(number=case.number),
    )


def _answered(
    engine: Engine,
    ctx: Ctx,
    case: Case,
    answer: Answer,
    text: str,
    read: Callable[[], Reading],
) -> bool:
    """A question the knowledge base answers, answered as anywhere else: also one whose topic
    only the whole reading dares ("syarat ke taiwan apa aja?": a guess, said to be one, with
    the other choices beside it), not filed as more of the story. The answer's "type *lapor*"
    says the report is with the officer already."""
    topic, guessed, lang = answer.topic, False, answer.lang
    offered: tuple[str, ...] = ()
    reading = read()
    if reading.topic is not None and not (reading.urgent or reading.command or reading.intent):
        # the whole reading, as a message without a report open gets it ("klaim bpjs nya dmn
        # pak" got the care of the sick from the ranking alone: a regression tester, stop 53;
        # a ransom never a loan)
        topic = engine.librarian.topics.get(reading.topic)
        guessed, offered, lang = reading.guessed, reading.offered, reading.lang
    elif topic is None:
        return False
    if topic is not None and topic.form == "training":
        # "cucu tiang mau ikut pelatihan las, daftarnya gimana" with a report open was only
        # added to it (a family chat tester, stop 50): the training answer and its sign-up
        # one tap away; the report stays as it is
        ctx.say(
            topic.text(lang),
            [Button(TRAINING, short(ctx._("Sign up for training")))],
        )
        return True
    if topic is None or topic.form is not None:
        return False
    place = engine.numbers.country_in(text)
    lead = ""
    if guessed:
        lead = ctx._("I think this is what you are asking about. If not, choose below.") + "\n\n"
    body = replies.report_is_with_officer(
        ctx, engine.topic_text(ctx, topic, lang, place), case.number, lang
    )
    if case.village_hidden and topic.slug == WHO_SEES_TOPIC:
        lead += ctx._(kept_from_village.ALREADY_KEPT).format(numbers=f"*{case.number}*") + "\n\n"
    buttons = replies.topic_buttons(ctx, engine.librarian.topics, offered, lang)
    ctx.say(lead + body, buttons[:MAX_BUTTONS] if guessed else [])
    ctx.replies[-1].meta[KNOWLEDGE] = topic.slug
    return True


KNOWLEDGE = "knowledge"
"""A reply's mark: an answer from the knowledge base (`Reply.meta`)."""
WHO_SEES_TOPIC, REPORT_TOPIC = "privasi-data", "lapor-kasus"
"""Answers about who sees a report: under one kept from the village, turned whole to the
district (a tester, stop 57: "siapa aja yg bisa liat laporan sy" was told the village does)."""


def for_a_hidden_case(case: Case, reply: Reply) -> str:
    """A reply's text under a report kept from the village: every line names the district's
    officer, except in an answer from the knowledge base, where only the lines about the
    report do ("Petugas desa bisa membantu: surat domisili" became the district's: a tester,
    stop 57)."""
    if reply.meta.get(KNOWLEDGE, WHO_SEES_TOPIC) in (WHO_SEES_TOPIC, REPORT_TOPIC):
        return for_the_case(case, reply.text)  # who sees a report is the district, said whole
    return "\n".join(
        for_the_case(case, line) if case.number in line else line for line in reply.text.split("\n")
    )


def _passed_on_too(ctx: Ctx, case: Case, text: str, unclear: Sequence[Case]) -> None:
    """After a question answered here, the message goes to the officer as well; with two
    reports open, the family is asked which first."""
    if unclear:
        case_pick.hold(ctx, case, text, unclear)
        return
    if about_someone_else(case, text, by_country=False, others=other_names(ctx, case)):
        # "anak sy yg laki2 Hendra mau brgkt ke taiwan tp sponsor minta 40 jt, itu bener gk?"
        # with a daughter's report on Malaysia open was filed on hers (a forms tester, stop
        # 55): answered, not added, a report of its own one tap away. A question placed in
        # another country alone is still passed on ("syarat ke taiwan apa aja?", "klo dia
        # pindah kerja ke singapura bisa gk?"): it may be the worker's next move
        kept_off_as_new(ctx, case, text)
        return
    add_family_message(ctx.session, case=case, text=text)
    say_of_case(
        ctx,
        case,
        ctx._("I have also passed this to your village officer (report *{number}*).").format(
            number=case.number
        ),
    )


def _company_checked(engine: Engine, ctx: Ctx, text: str, read: Callable[[], Reading]) -> bool:
    """A company named in a question, checked against the province's list."""
    if named_company(text) is None:
        return False  # most messages: no company named, the reading is not made
    reading = read()
    if reading.company is None or reading.urgent:
        return False
    engine.check_company(ctx, reading)
    return True


def _choices_offered(engine: Engine, ctx: Ctx, read: Callable[[], Reading]) -> bool:
    """The likely topics of a question no topic answers, as choices; False when the reading
    offers none, or reads danger, a command or small talk."""
    reading = read()
    if reading.urgent or reading.command or reading.intent or not reading.shown_choices:
        return False
    choices = [s for s in reading.shown_choices if s in engine.librarian.topics]
    if not choices:
        return False
    replies.offer(ctx, engine.librarian.topics, choices, reading.lang)
    return True


def _what_helps(engine: Engine, ctx: Ctx, case: Case, topic: Topic, text: str) -> None:
    """The answer on grave news (a death, the worker out of reach), for where they are."""
    place = engine.numbers.country_in(text) or reported_country(engine, case)
    ctx.say(engine.topic_text(ctx, topic, ctx.lang, place))


TRAINING = "cmd:training"
"""The training sign-up, as the menu's button starts it."""


def after_resolved(engine: Engine, ctx: Ctx) -> bool:
    """A message about a report resolved lately opens it again with its officer; True when it
    was handled here. About it: its code, the report or its closing named ("kok ditutup pak",
    "gmn laporan sy"), danger, or a statement that the trouble goes on ("gajinya dipotong
    lagi", "anak sy blm pulang", "uangnya cuma masuk 2 juta"). Thanks, and a new question the
    knowledge base answers ("apa petugas desa bisa bantu buat paspor?"), are read as usual; a
    new report ("sy mau buat laporan baru") starts one. After `REOPEN_WINDOW`, a message about
    the report is told it was closed, and how to report again."""
    text = ctx.incoming.text or ""
    words = fold(text).split()
    named = case_named(ctx, text)
    case = named if named is not None and named.status == "resolved" else None
    case = case or resolved_lately(ctx.session, ctx.contact, ctx.now)
    if case is None or (case.resolved_at and ctx.now - case.resolved_at > REOPEN_WINDOW):
        return closed_long_ago(ctx, case, words, named is not None)
    danger = mentions_danger(text)
    answer = engine.librarian.ask(text)
    still = bool(STILL.intersection(words) or BUT.intersection(words))
    thanks = THANKS.intersection(words) or "terima kasih" in " ".join(words)
    if not danger and not still and thanks:
        ctx.say(smalltalk_text("thanks", ctx.lang))  # "makasih bnyk pak, alhamdulillah"
        return True
    if not danger and not still and answer.intent in SMALL_TALK:
        return False
    if REPORT_WORDS.intersection(words) and NEW_WORDS.intersection(words):
        engine.start_form(ctx, "case", opening=text)  # "sy mau buat laporan baru pak, ..."
        return True
    news = grave_news(words)
    asks = engine.looks_like_question(text)
    # a question names the report as one's own ("gmn laporan sy", "kok kasusnya ditutup");
    # "cara bikin laporan ke polisi gmn?" or "kasus TPPO di NTB banyak gk?" does not
    about = own_report(words) if asks else bool(REPORT_WORDS.intersection(words))
    about = about or bool(CLOSING.intersection(words))
    if not (danger or news or named is not None or about or asks_what_next(words)):
        if asks or answer.intent == "confused":
            return False  # a new question: answered
        if not (still or _same_trouble(case, answer.topic)):
            return False  # news of something else ("anak sy yg kedua mau ke jepang")
    others = other_names(ctx, case)
    if danger and named is None and about_someone_else(case, text, others=others):
        # "adik nya yg perempuan d arab dikurung majikan" reopened her brother's resolved
        # report, urgent (an open-report tester, stop 54): a report of its own, one tap away
        keep_apart(ctx, text)
        engine.emergency(ctx, danger_place(engine, case, text), with_report=True)
        return True
    danger = danger or news is not None  # a death or the worker out of reach: urgent
    reopen(ctx.session, case=case, text=text, now=ctx.now, urgent=danger)
    if mentions_danger(text):
        place = danger_place(engine, case, text)
        engine.emergency(ctx, place, with_report=False, open_report=case.number)
    elif news is not None and (topic := engine.librarian.topics.get(news)) is not None:
        _what_helps(engine, ctx, case, topic, text)
    say_of_case(
        ctx,
        case,
        ctx._(
            "Your report *{number}* was resolved by your village officer: {outcome}\n\n"
            "I have opened it again and passed your message to your officer. What you write "
            "next is added to it."
        ).format(number=case.number, outcome=case.outcome or ""),
    )
    return True


def own_report(words: list[str]) -> bool:
    """The report named as one's own: "laporan sy", "kasus anak saya", "laporannya"."""
    for at, word in enumerate(words):
        if word in REPORT_WORDS and (
            word.endswith("nya") or OWNERS.intersection(words[at + 1 : at + 3])
        ):
            return True
    return False


def _same_trouble(case: Case, topic: Topic | None) -> bool:
    """The message is read as the trouble the report was about ("gajinya dipotong lagi" on a
    report of unpaid wages)."""
    if topic is None:
        return False
    return bool(CATEGORY_TOPICS.get(topic.slug, set()) & set(case.categories or [case.category]))


def open_cases_of(ctx: Ctx) -> list[Case]:
    """The family's reports still open, oldest first."""
    return [c for c in cases_of(ctx.session, ctx.contact) if c.status in OPEN_STATUSES]


def case_named(ctx: Ctx, text: str) -> Case | None:
    """The family's own report whose code the message gives ("K-LCT6KU gaji anak sy ..."),
    also beside the code of their departure ("R-D6D3DT K-LCT6KU ...")."""
    numbers = {code.upper() for code in OWN_CODE.findall(text)}
    if not numbers:
        return None
    return next((c for c in cases_of(ctx.session, ctx.contact) if c.number in numbers), None)


def open_case_meant(ctx: Ctx, text: str) -> Case | None:
    """With two reports open, the one a message names by its worker's name or, failing that,
    by its country ("siti juga dipukul skrg" with Siti's and Rini's reports open: Siti's, not
    the newest; a second chat tester, stop 45), or by who the worker is to the family ("anak
    sy", "suami sy"). None when it names neither or both."""
    open_cases = open_cases_of(ctx)
    if len(open_cases) < 2:
        return None
    words = set(fold(text).split())
    by_name = [c for c in open_cases if words & name_words(c)]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        return None
    countries = countries_in(text)
    by_country = [c for c in open_cases if c.country in countries]
    if by_country:
        return by_country[0] if len(by_country) == 1 else None
    # "anak sy skrg dikunci majikan" with a daughter's report and a husband's open: the
    # daughter's (it got the husband's country's numbers: a family chat tester, stop 50)
    kin = kin_named(text)
    by_kin = [c for c in open_cases if kin is not None and kin_of(c) == kin]
    return by_kin[0] if len(by_kin) == 1 else None


def latest_resolved(ctx: Ctx) -> Case | None:
    resolved = [c for c in cases_of(ctx.session, ctx.contact) if c.status == "resolved"]
    return resolved[-1] if resolved else None


def closed_long_ago(ctx: Ctx, case: Case | None, words: list[str], named: bool = False) -> bool:
    """ "kok laporan sy ditutup" about a report resolved more than `REOPEN_WINDOW` ago: it is
    closed, and a new report is the way."""
    about = named or REPORT_WORDS.intersection(words) or CLOSING.intersection(words)
    if not about:
        return False  # before the lookup: most messages are not about a report
    case = case or latest_resolved(ctx)
    if case is None:
        return False
    when = case.resolved_at.strftime("%d-%m-%Y") if case.resolved_at else ""
    say_of_case(
        ctx,
        case,
        ctx._(
            "Your report *{number}* was resolved on {date}: {outcome}\n\nIf the problem goes "
            "on, make a new report: your village officer gets it with everything you write."
        ).format(number=case.number, date=when, outcome=case.outcome or ""),
        [Button("cmd:report", short(ctx._("Report a problem")))],
    )
    return True


WAITING = (
    N_("If no officer takes it up within {wait}, it goes to the district's officers."),
    N_(
        "It is with the district's officers now; if none takes it up within {wait}, it goes to "
        "the province's administrators."
    ),
    N_("It is with the province's administrators now."),
)
"""Where an unclaimed report waits, by its escalation level (village, district, province): it
said "goes to the district" after it had gone there (a regression tester, stop 62)."""


def waiting(ctx: Ctx, case: Case, urgent_minutes: int, any_hours: int) -> str:
    """Where an unclaimed report is and when it goes further; an urgent one adds not to wait."""
    wait = (
        ctx._("{minutes} minutes").format(minutes=urgent_minutes)
        if case.urgent
        else ctx._("{hours} hours").format(hours=any_hours)
    )
    line = ctx._(WAITING[min(case.escalation_level, len(WAITING) - 1)]).format(wait=wait)
    if not case.urgent:
        return line
    return (
        ctx._("It is marked urgent.")
        + " "
        + line
        + " "
        + ctx._(
            "If you are in danger now, do not wait: call the emergency numbers I gave you (type "
            "*nomor darurat* to see them again)."
        )
    )
