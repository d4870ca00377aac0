"""What a family writes while its report is open reaches the officer, and what the officer
sends cannot silently vanish."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.cases import service as handoff
from bot.store.db import transaction
from bot.store.models import Case, CaseEvent, Conversation, OutboxMessage
from migran.services import Services
from tests.bot.test_case_review import replay
from tests.cases_support import REPORT_STEPS, as_officer, officer_replies
from tests.conftest import Chat
from tests.officers_support import team

SECOND_REPORT = [
    {**step, "text": "Lalu Hamdi"} if step.get("text") == "Baiq Nurhasanah" else step
    for step in REPORT_STEPS
]
"""The same family reports a second worker."""


@pytest.fixture
def reported(services: Services) -> tuple[Chat, str, int]:
    """A report sent to the village officer (with Telegram linked); the chat, its number and
    the officer's id."""
    officer = team(services)["anjani"].id
    chat = Chat(services)
    replay(chat, REPORT_STEPS)
    with transaction(services.factory) as session:
        number = session.scalars(select(Case.number)).one()
    return chat, number, officer


def reported_from(
    services: Services,
    country: str = "malaysia",
    city: str = "Johor Bahru",
    country_typed: str | None = None,
) -> Chat:
    """REPORT_STEPS sent from another country button and city; `country_typed`: what is
    typed after *Negara lain*."""
    team(services)
    chat = Chat(services)
    steps: list[dict[str, str]] = []
    for step in REPORT_STEPS:
        if step.get("button") == "country:malaysia":
            steps.append({"button": f"country:{country}"})
            steps += [{"text": country_typed}] if country_typed is not None else []
        elif step.get("text") == "Johor Bahru":
            steps.append({"text": city})
        else:
            steps.append(step)
    replay(chat, steps)
    return chat


def family_messages(services: Services) -> list[str]:
    with transaction(services.factory) as session:
        return [
            e.body or ""
            for e in session.scalars(
                select(CaseEvent).where(CaseEvent.kind == "family_message").order_by(CaseEvent.id)
            )
        ]


def to_officer(services: Services) -> list[str]:
    with transaction(services.factory) as session:
        return [
            str(m.payload.get("text"))
            for m in session.scalars(
                select(OutboxMessage).where(OutboxMessage.recipient == "900001")
            )
        ]


def test_a_message_starting_with_the_code_is_news_for_the_officer(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, _ = reported
    assert "menunggu petugas" in chat.say(f"cek laporan {number}")
    text = chat.say(f"{number} anak sy udh bisa ditelpon pak")
    assert "ditambahkan ke laporan" in text
    assert family_messages(services)[-1] == f"{number} anak sy udh bisa ditelpon pak"


def test_an_answer_to_the_officer_written_as_a_question_reaches_the_officer(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, _, _ = reported
    chat.say("paspor nya ditahan majikan pak, gmn cara ambil nya?")
    assert "paspor nya ditahan majikan" in family_messages(services)[-1]


def test_danger_told_to_an_open_report_is_urgent_for_the_officer(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, _ = reported
    text = chat.say("tolong pak dia dikunci di kamar gk dikasih makan 2 hari")
    assert "+60 17-668 8032" in text and number in text
    assert any(m.startswith("DARURAT") and number in m for m in to_officer(services))


def test_after_the_family_erased_its_data_a_reply_is_refused_not_lost(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, officer = reported
    assert "petugas tidak bisa lagi membalas" in chat.say("hapus data saya")
    assert "sudah dihapus" in chat.say("iya")
    with pytest.raises(handoff.CaseError, match="cannot reach them"):
        officer_replies(services, officer, number, "Bu, kami sudah...")


def test_with_two_reports_open_the_answer_goes_to_the_one_the_officer_wrote_on(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, first, officer = reported
    replay(chat, SECOND_REPORT)
    with transaction(services.factory) as session:
        second = session.scalars(select(Case.number).where(Case.number != first)).one()
    assert second in chat.say("majikan nya jg pindah kota")  # the newest, last active
    officer_replies(services, officer, first, "Siapa nama agennya?")
    assert first in chat.say("nama agen nya pak Joko dr PT Bintang")


def test_an_officer_reply_while_deletion_waits_for_a_yes_cancels_the_question(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, officer = reported
    chat.say("hapus data saya")
    officer_replies(services, officer, number, "Bu, besok bisa datang?")
    assert "sudah dihapus" not in chat.say("baik bu")
    assert "baik bu" in family_messages(services)[-1]


def test_the_officer_hears_when_the_family_deletes_its_data(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, _ = reported
    chat.say("hapus data saya")
    chat.say("iya bu tolong dihapus")
    sent = to_officer(services)
    assert any("menghapus datanya" in m and number in m for m in sent), sent


def test_a_message_naming_the_other_reports_code_goes_to_that_report(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, first, _ = reported
    replay(chat, SECOND_REPORT)
    assert first in chat.say(f"{first} anak sy sdh bisa dihubungi pak")


def test_news_of_a_death_told_to_an_open_report_gets_what_helps_and_marks_it_urgent(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, _number, _ = reported
    text = chat.say("anak sy meninggal pak kata agen nya")
    assert "memulangkan jenazah" in text and "tandai darurat" in text
    with transaction(services.factory) as session:
        assert session.scalars(select(Case)).one().urgent


def test_how_long_asked_while_a_report_is_open_gets_where_it_stands(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, _number, _ = reported
    assert "menunggu petugas" in chat.say("kira2 brp lama pak")


def test_a_new_report_typed_while_one_is_open_is_added_with_a_new_report_one_tap_away(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, _number, _ = reported
    assert "Laporan baru" in chat.say("lapor adik sy di taiwan gajinya dipotong agen")
    assert "nama lengkap pekerja" in chat.say(button="cmd:new_report")


def test_an_officer_reply_during_another_form_pauses_it_so_the_answer_reaches_the_report(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, officer = reported
    chat.say("daftar pelatihan")
    officer_replies(services, officer, number, "Siapa nama majikannya?")
    answered = chat.say("nama majikan nya Mr Tan Ah Kow")
    assert number in answered
    assert "Mr Tan Ah Kow" in family_messages(services)[-1]
    # the paused form is one tap away, said once, not after every message
    assert "masih dijeda" in answered and "Lanjutkan formulir" in answered
    assert "masih dijeda" not in chat.say("majikannya tinggal di Johor")
    assert "pelatihan" in chat.say(button="cmd:resume").lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a husband on a daughter's report: someone else, whose place is asked (stop 56)
        ("lapor pak, suami sy d sekap agen, gk blh keluar", "Sebutkan negara atau kotanya"),
        ("pak anak sy udh 2 hari gk ada kabar", "tandai darurat"),
        ("lapor kmn pak?", "Dari Malaysia"),
        ("bisa dibantu gk pak", "menunggu petugas"),
        ("brp hari lg pak kira2?", "menunggu petugas"),
        ("adik sy d sekap agen di batam", "polisi di *110*"),
        # whether it was read yet, and a phone smashed (two chat testers, stop 46)
        ("pak petugas nya udh baca blm?", "menunggu petugas"),
        ("hp nya d banting majikan, sy gk bs hubungi lg", "tandai darurat"),
    ],
)
def test_an_open_report_reads_danger_silence_and_status_questions(
    services: Services, reported: tuple[Chat, str, int], text: str, expected: str
) -> None:
    chat, _, _ = reported
    assert expected in chat.say(text)


def test_typing_a_new_report_with_one_open_starts_it(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, _, _ = reported
    assert "nama lengkap pekerja" in chat.say("laporan baru pak, soal adik sy di taiwan")


CALM_REPORT = [{"button": "opt:no"} if at == 8 else step for at, step in enumerate(REPORT_STEPS)]
"""Baiq Nurhasanah's unpaid wages in Malaysia, no one in danger: a report not urgent."""


def the_form(services: Services) -> tuple[str | None, dict[str, object]]:
    with transaction(services.factory) as session:
        conversation = session.scalars(select(Conversation)).one()
        return conversation.flow, dict(conversation.data or {})


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("LAPOR adik sy Rini di saudi dipukul majikan tiap hari", "+966"),
        ("suami sy dikurung majikan di taiwan, hp nya diambil", "Dari Taiwan"),
    ],
)
def test_danger_of_someone_else_gets_a_report_of_its_own_not_the_open_one(
    services: Services, text: str, numbers: str
) -> None:
    chat = Chat(services)
    replay(chat, CALM_REPORT)
    replies = chat.send(text)
    said = "\n".join(r.text for r in replies)
    assert numbers in said and "ditandai darurat" not in said
    assert "Baiq Nurhasanah" in said  # which report it was not added to
    with transaction(services.factory) as session:
        assert not session.scalars(select(Case)).one().urgent
    assert text not in family_messages(services)
    # the urgent report of its own carries the message, and asks for the worker's name (the
    # one the message gives, "Rini", to confirm)
    opened = chat.say(button="cmd:urgent")
    assert "nama lengkap pekerja" in opened or "Nama pekerja: Rini" in opened
    flow, data = the_form(services)
    assert flow == "case" and data.get("urgent") and text in str(data.get("story"))


@pytest.mark.parametrize(
    "text",
    [
        "tolong pak Baiq Nurhasanah dipukul majikan di saudi",  # her, wherever she is now
        "anak sy dikunci majikan di johor gk dikasih makan",  # the same worker and country
        "tolong pak dia dikunci di kamar gk dikasih makan 2 hari",  # no one named
    ],
)
def test_danger_of_the_reports_own_worker_marks_it_urgent(services: Services, text: str) -> None:
    chat = Chat(services)
    replay(chat, CALM_REPORT)
    assert "ditandai darurat" in chat.say(text)
    with transaction(services.factory) as session:
        assert session.scalars(select(Case)).one().urgent


@pytest.mark.parametrize(
    ("question", "answered"),
    [("syarat ke taiwan apa aja?", "KDEI Taipei"), ("syarat ke malaysia apa aja?", "OCS")],
)
def test_a_question_the_reading_only_guesses_is_answered_not_filed_as_story(
    services: Services, reported: tuple[Chat, str, int], question: str, answered: str
) -> None:
    chat, _number, _ = reported
    text = chat.say(question)
    assert answered in text and "Sudah ditambahkan" not in text
    assert family_messages(services)[-1] == question  # the officer sees it too, as before


@pytest.mark.parametrize("question", ["nomor darurat malaysia apa aja?", "lapor kmn pak?"])
def test_with_a_report_open_the_numbers_say_it_is_with_the_officer_not_type_lapor(
    services: Services, reported: tuple[Chat, str, int], question: str
) -> None:
    chat, number, _ = reported
    replies = chat.send(question)
    text = "\n".join(r.text for r in replies)
    assert "+60 17-668 8032" in text
    assert "Ketik *lapor*" not in text and f"*{number}* sudah ada di petugas" in text
    assert "cmd:report" not in [b.id for r in replies for b in r.buttons]


def the_case_status(services: Services) -> str:
    with transaction(services.factory) as session:
        return session.scalars(select(Case.status)).one()


@pytest.mark.parametrize(
    "wish",
    [
        "alhamdulillah pak gajinya udh dibayar, laporannya dibatalin aja",
        "tutup aja laporannya pak",
        "gk jadi lapor pak",
        "masalahnya sudah selesai",
        "cancel my report",
        "bisa tolong dicabut laporan sy pak?",
    ],
)
def test_a_wish_to_close_the_report_is_passed_to_the_officer_who_closes_it(
    services: Services, reported: tuple[Chat, str, int], wish: str
) -> None:
    chat, number, _ = reported
    text = chat.say(wish)
    assert f"Permintaan menutup laporan *{number}* sudah diteruskan" in text
    assert family_messages(services)[-1] == wish
    assert any(
        m.startswith(f"Keluarga meminta kasus {number} ditutup") for m in to_officer(services)
    )
    assert the_case_status(services) != "resolved"  # an officer resolves it


@pytest.mark.parametrize("text", ["kok laporannya ditutup?", "masalahnya sudah selesai belum pak?"])
def test_asking_about_the_closing_is_not_a_wish_to_close(
    services: Services, reported: tuple[Chat, str, int], text: str
) -> None:
    chat, _number, _ = reported
    assert "Permintaan menutup" not in chat.say(text)


def test_a_bare_batal_with_a_report_open_asks_whether_the_report_is_meant(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, _ = reported
    asked = chat.send("batal")
    assert f"membatalkan laporan *{number}*" in asked[0].text
    assert "Laporan *" + number + "* tetap dibuka" in chat.say("tidak pak")
    chat.say("batal")
    assert "Permintaan menutup laporan" in chat.say("iya")
    chat.say("batal")
    assert "Permintaan menutup laporan" in chat.say(button="cmd:close_report")
    assert the_case_status(services) != "resolved"


SITI = ["LAPOR anak sy siti di malaysia gajinya gk dibayar 6 bulan", "ya", "Siti Aminah", "ya"]
SITI += ["Lewati", "ya", "tidak", "desa sukamulia", "ya", "ya", "1"]
RINI = ["LAPOR adik sy Rini di saudi dipukul majikan", "1", "ya", "ya", "Lewati", "ya"]
RINI += ["sukamulia", "ya", "ya", "1"]


@pytest.mark.parametrize(
    "text", ["siti juga dipukul skrg", "anak sy di malaysia dipukul majikannya sekarang"]
)
def test_with_two_reports_open_danger_goes_to_the_one_it_names(
    services: Services, text: str
) -> None:
    # the newest report (Rini's, Saudi Arabia) was marked, with the Saudi numbers, though the
    # message names Siti or Malaysia (a second chat tester, stop 45)
    chat = Chat(services)
    for step in (*SITI, *RINI):
        chat.say(step)
    said = chat.say(text)
    assert "Dari Malaysia" in said and "ditandai darurat" in said
    with transaction(services.factory) as session:
        urgent = {c.worker_name: c.urgent for c in session.scalars(select(Case))}
    assert urgent == {"Siti Aminah": True, "Rini": True}  # Rini's was urgent from its start
    assert text in family_messages(services)


def test_another_relatives_problem_told_in_an_open_report_offers_a_new_report(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """ "pak satu lg, ponakan sy jg d sabah, paspor nya d tahan toke", told with a daughter's
    report open, got only "added to your report" (a third chat tester, stop 46)."""
    chat, _, _ = reported
    reply = chat.send("pak satu lg, ponakan sy jg d sabah, paspor nya d tahan toke")
    assert any(b.id == "cmd:new_report" for r in reply for b in r.buttons), [r.text for r in reply]


def test_with_a_report_kept_from_the_village_open_a_message_goes_to_it(
    services: Services,
) -> None:
    """A family with a district-only report open filed a second, shared with the village; its
    next message, about the village head's brother, reached the village officer through the
    second (an officer-side tester, stop 48). It goes to the report kept from the village."""
    team(services)
    chat = Chat(services, user="two-reports")
    replay(
        chat, [{"button": "share:district"} if n == 11 else s for n, s in enumerate(REPORT_STEPS)]
    )
    replay(chat, SECOND_REPORT)
    with transaction(services.factory) as session:
        hidden = session.scalars(select(Case.number).where(Case.village_hidden.is_(True))).one()
    assert hidden in chat.say("pak, sponsornya itu saudara pak kades, tolong dibantu cepat ya")
    assert "sponsornya itu saudara pak kades" not in " ".join(to_officer(services))


def test_an_answer_under_a_report_kept_from_the_village_names_the_district_officer(
    services: Services,
) -> None:
    """After *Hanya kabupaten*, an answer given while the report was open said it was "sudah
    diteruskan ke petugas desa Anda" (a family chat tester, stop 49)."""
    team(services)
    chat = Chat(services, user="district-only")
    replay(
        chat, [{"button": "share:district"} if n == 11 else s for n, s in enumerate(REPORT_STEPS)]
    )
    said = chat.say("paspor nya ditahan majikan pak, gmn cara ambil nya?")
    assert "petugas kabupaten" in said and "petugas desa" not in said, said


def test_writing_being_hard_told_to_an_open_report_gets_ways_to_speak_too(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """ "sy buta huruf pak" with a report open got only "added to your report" (a third chat
    tester, stop 49)."""
    chat, _, _ = reported
    said = chat.say("sy buta huruf pak, bisa ditelpon aja?")
    assert "0800-1000" in said and "Tanya petugas" in said
    assert family_messages(services)[-1] == "sy buta huruf pak, bisa ditelpon aja?"


def test_a_wish_to_report_again_for_someone_else_starts_a_new_report(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """ "sy mau lapor lagi utk adik sy" was added to the daughter's report (a third chat
    tester, stop 49)."""
    chat, number, _ = reported
    said = chat.say("sy mau lapor lagi utk adik sy")
    assert "ditambahkan" not in said and number not in said, said
    assert "sy mau lapor lagi utk adik sy" not in family_messages(services)


def test_a_second_harm_told_minutes_after_the_numbers_points_to_them(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, _ = reported
    assert "+60 17-668 8032" in chat.say("tolong pak dia dikunci di kamar gk dikasih makan 2 hari")
    said = chat.say("dia dipukul lagi barusan, kepalanya berdarah")
    assert number in said and "telepon nomor di atas" in said


def test_a_reports_city_far_from_the_listed_missions_is_said_when_the_number_is_asked(
    services: Services,
) -> None:
    """A report from Kuching asking "nomor kjri nya brp?" got Johor Bahru's consulate without
    the note that Sarawak's is lacking (a chat tester, stop 49)."""
    chat = reported_from(services, city="Kuching")
    said = chat.say("nomor kjri nya brp pak?")
    assert "Dari Malaysia" in said and "Untuk Sabah, Sarawak dan Penang" in said


def test_a_question_the_reading_cannot_place_gets_its_likely_topics_too(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """It got only "added to your report" (a family chat tester, stop 50)."""
    chat, number, _ = reported
    text = "apa bpjs bisa dipakai klo sakit d malaysia?"
    reply = chat.send(text)
    said = "\n".join(r.text for r in reply)
    offered = [b.title for r in reply for b in (*r.buttons, *r.rows)]
    assert "BPJS Ketenagakerjaan" in offered and number in said
    assert text in family_messages(services)


def test_danger_to_another_child_told_with_the_village_kept_out_is_not_added_to_the_report(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """A father's "jangan sampai kades tau" read the rape told before it as not yet happened,
    and the message was added to his son's report, which the village sees (a family chat
    tester, stop 50)."""
    chat, _, _ = reported
    said = chat.say(
        "lapor lagi pak, ini utk anak tiang yg perempuan Yuliana di oman, dia diperkosa anak "
        "majikan, jangan sampai kades tau krn sponsornya ipar kades"
    )
    assert "Dari Oman" in said and "tidak saya tambahkan" in said
    assert not [m for m in family_messages(services) if "Yuliana" in m]


def test_danger_on_a_report_under_another_middle_east_country_gets_its_citys_numbers(
    services: Services,
) -> None:
    """A report on "Timur Tengah lainnya", city Dubai: danger told later got only the numbers
    from anywhere and "tell me the country" (a family chat tester, stop 50)."""
    chat = reported_from(services, "timur-tengah", "Dubai")
    said = chat.say("Baiq barusan telpon, majikan ambil hp nya, dia dikunci di kamar")
    assert "Dari Uni Emirat Arab" in said and "Sebutkan negara" not in said


def test_the_place_told_after_the_numbers_asked_for_it_gets_that_places_numbers(
    services: Services,
) -> None:
    """A report whose country is not known: danger told, then "di dubai pak" at "tell me the
    country" was only added to the report (a family chat tester, stop 50)."""
    chat = reported_from(services, "other", "tidak tahu", country_typed="tidak tahu")
    first = chat.say("Baiq barusan telpon nangis, dia dikunci di kamar sama majikan")
    assert "Dari mana saja" in first
    said = chat.say("di dubai pak")
    assert "Dari Uni Emirat Arab" in said


def test_a_company_asked_about_with_a_report_open_is_checked_and_passed_on(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """It was only added to the report (a family chat tester, stop 50)."""
    chat, number, _ = reported
    text = "pak PT yg berangkatkan namanya PT Sahabat Karya Mandiri, itu ada izinnya ndak?"
    said = chat.say(text)
    assert "Sahabat Karya Mandiri" in said and number in said
    assert "Sudah ditambahkan ke laporan" not in said
    assert text in family_messages(services)


def test_training_asked_about_with_a_report_open_gets_its_sign_up(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """It was only added to the report (a family chat tester, stop 50). A grandchild's
    training ("cucu tiang", Sasak: my grandchild) is someone else's: answered, and kept off
    the daughter's report (stop 56)."""
    chat, number, _ = reported
    replies = chat.send("cucu tiang mau ikut pelatihan las di BLK, daftarnya gimana")
    buttons = [b.id for r in replies for b in r.buttons]
    said = "\n".join(r.text for r in replies)
    assert "cmd:training" in buttons and number in said
    assert "pelatihan las" not in " ".join(family_messages(services))
    assert "pelatihan" in chat.say(button="cmd:training").lower()


def test_whether_to_pay_for_a_return_asked_with_a_report_open_is_answered_and_passed_on(
    reported: tuple[Chat, str, int],
) -> None:
    """It was only added to the report while the family may be paying (a family danger
    tester, stop 53)."""
    chat, number, _ = reported
    said = chat.say("perlu sy bayar ke PT nya gk supaya anak sy dipulangkan")
    assert "Jangan langsung bayar" in said and number in said
    assert "Ketik *lapor*" not in said  # the topic's own closing line, whatever its words


def test_dont_cancel_is_not_a_wish_to_close_and_no_call_yet_is_not_lost_contact(
    reported: tuple[Chat, str, int],
) -> None:
    """ "jgn dibatalin laporannya" was passed on as a wish to close it, and "blm ada yg
    hubungi sy pak" marked the report urgent as a worker out of reach (a family-side tester,
    stop 53)."""
    chat, _, _ = reported
    kept = chat.say("maaf pak jgn dibatalin laporannya, ternyata anak sy blm pulang")
    assert "menutup laporan" not in kept
    waited = chat.say("blm ada yg hubungi sy pak")
    assert "darurat" not in waited


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("bpjs bisa klaim gk pak", "BPJS"),
        ("whats the embassy number in malaysia", "+60"),
    ],
)
def test_a_question_without_a_question_mark_is_answered_with_a_report_open(
    reported: tuple[Chat, str, int], question: str, answered: str
) -> None:
    """It was only added to the report (a family-side tester, stop 53)."""
    chat, number, _ = reported
    said = chat.say(question)
    assert answered in said and number in said


def test_a_question_with_a_report_open_is_read_as_it_would_be_without_one(
    reported: tuple[Chat, str, int],
) -> None:
    """ "klaim bpjs nya dmn pak" got the care of the sick from the ranking alone (a regression
    tester, stop 53)."""
    chat, number, _ = reported
    said = chat.say("klaim bpjs nya dmn pak")
    assert "PMI *sakit atau cedera*" not in said and number in said


def calm_report(services: Services) -> Chat:
    """A chat whose report (a daughter's unpaid wages in Malaysia) was sent with no one in
    danger."""
    chat = Chat(services)
    replay(chat, CALM_REPORT)
    return chat


def the_case_is_urgent(services: Services) -> bool:
    with transaction(services.factory) as session:
        return session.scalars(select(Case)).one().urgent


@pytest.mark.parametrize("plea", ["tolong pak", "tolong bantu kami pak"])
def test_a_bare_plea_to_a_calm_report_asks_whether_someone_is_in_danger_now(
    services: Services, plea: str
) -> None:
    team(services)  # the village officer, on Telegram
    chat = calm_report(services)
    asked = chat.say(plea)
    assert "dalam bahaya" in asked and "+60 17-668 8032" not in asked
    assert family_messages(services)[-1] == plea  # the officer reads the plea either way
    assert not the_case_is_urgent(services)
    numbers = chat.say("iya pak")
    assert "+60 17-668 8032" in numbers and "ditandai darurat" in numbers
    assert the_case_is_urgent(services)
    assert any(m.startswith("DARURAT") for m in to_officer(services))


def test_no_to_the_question_after_a_plea_leaves_the_report_as_it_was(
    services: Services,
) -> None:
    chat = calm_report(services)
    chat.say("tolong pak")
    assert "tetap" in chat.say(button="cmd:no_danger_now")
    assert not the_case_is_urgent(services)


def test_a_plea_that_names_harm_is_urgent_at_once(services: Services) -> None:
    chat = calm_report(services)
    text = chat.say("tolong pak anak sy dipukul majikan tiap hari")
    assert "+60 17-668 8032" in text and the_case_is_urgent(services)


def test_danger_at_home_told_to_a_report_abroad_gets_indonesias_police_not_that_countrys(
    services: Services,
) -> None:
    """A minor taken to the harbour to cross tonight is still in Indonesia: Malaysia's 999
    would not help (it got them from the report's country)."""
    chat = calm_report(services)
    text = chat.say(
        "adik sy umur 16 thn udh dibawa sponsor ke pelabuhan mau nyebrang ke malaysia malam ini"
    )
    assert "*110*" in text and "999" not in text and "+60 17-668 8032" not in text
    assert "Baiq Nurhasanah" in text  # a sister is not the report's daughter: a report of her own


def test_danger_of_the_workers_sister_is_not_filed_on_the_workers_report(
    services: Services,
) -> None:
    """ "kakaknya yg jg d malaysia ... dipukul majikan" marked the daughter's report urgent as
    if she were beaten (a danger-in-stories tester, stop 54)."""
    chat = calm_report(services)
    said = chat.say("pak, kakaknya yg jg d malaysia barusan telpon, dia dipukul majikan")
    assert "+60 17-668 8032" in said and "Baiq Nurhasanah" in said
    assert not the_case_is_urgent(services)
    said = chat.say("anak sy jg dipukul majikan nya pak")  # the same daughter, beaten too
    assert the_case_is_urgent(services)


def test_a_lost_motorbike_key_is_not_the_worker_out_of_reach(services: Services) -> None:
    """It got the lost-contact answer and marked the report urgent (a danger-in-stories
    tester, stop 54)."""
    chat = calm_report(services)
    said = chat.say("btw kunci motor sy hilang td d pasar hehe")
    assert "darurat" not in said and not the_case_is_urgent(services)


@pytest.mark.parametrize("typed", ["Ya, dalam bahaya", "yes, in danger"])
def test_the_yes_buttons_label_typed_is_a_yes(services: Services, typed: str) -> None:
    """Typing the label looped on the question (an open-report tester, stop 54)."""
    chat = calm_report(services)
    chat.say("tolong pak")
    assert "+60 17-668 8032" in chat.say(typed) and the_case_is_urgent(services)


def test_sasak_nenten_is_a_no_to_the_question_after_a_plea(services: Services) -> None:
    chat = calm_report(services)
    chat.say("tolong pak")
    assert "tetap" in chat.say("nenten") and not the_case_is_urgent(services)


def test_a_neighbour_in_danger_is_not_filed_on_the_familys_report(services: Services) -> None:
    """ "tetangga sy pak, si Ahmad, dia d sekap agen d johor" was filed on the wife's report
    (an open-report tester, stop 54)."""
    chat = calm_report(services)
    said = chat.say("tetangga sy pak, si Ahmad, dia d sekap agen d johor")
    assert "Baiq Nurhasanah" in said and not the_case_is_urgent(services)


def test_another_childs_lost_contact_is_not_the_reports_news(services: Services) -> None:
    """ "adik sy yg d saudi hilang kontak" on a daughter's report in Malaysia was marked
    urgent on it (an open-report tester, stop 54)."""
    chat = calm_report(services)
    said = chat.say("adik sy yg d saudi hilang kontak udh 2 bulan pak")
    assert "Laporan baru" in said and not the_case_is_urgent(services)


def test_the_employer_dying_is_not_the_workers_death(services: Services) -> None:
    """It got the worker's death and marked the report urgent (an open-report tester, stop
    54)."""
    chat = calm_report(services)
    said = chat.say("pak majikan anak sy meninggal, anak sy skrg gk ada yg gaji")
    assert "JKM" not in said and not the_case_is_urgent(services)


def test_deleting_the_report_asked_is_a_wish_to_close_it(services: Services) -> None:
    """It was passed on as a question (an open-report tester, stop 54)."""
    chat = calm_report(services)
    said = chat.say("tolong hapus laporan sy pak, adik sy udh ada kabar, udh aman")
    assert "Permintaan menutup laporan" in said


def test_danger_told_to_a_report_kept_as_indonesia_gets_indonesias_police(
    services: Services,
) -> None:
    """It asked for the country, the report's being Indonesia (an open-report tester, stop
    54)."""
    chat = reported_from(services, country="other", city="Bekasi", country_typed="indonesia")
    said = chat.say("tolong pak dia d kunci d penampungan, hp mau d ambil")
    assert "*110*" in said and "Sebutkan negara" not in said


@pytest.mark.parametrize("typed", ["lagi bahaya pak", "ada", "bahaya pak"])
def test_a_yes_in_other_words_to_the_plea_question_is_a_yes(services: Services, typed: str) -> None:
    """They were filed as more news (an open-report tester, stop 54)."""
    chat = calm_report(services)
    chat.say("tolong pak")
    assert "+60 17-668 8032" in chat.say(typed) and the_case_is_urgent(services)


@pytest.mark.parametrize(
    "text",
    [
        "anak sy yg satu lg d malaysia dipukul majikan",
        "my brother in saudi also cannot be contacted for 3 weeks",
        "also my other sister in taiwan, we lost contact 2 weeks",
        # a question of another child (a forms tester, stop 55)
        "pak satu lg, anak sy yg laki2 Hendra mau brgkt ke taiwan tp sponsor minta uang 40 jt, "
        "itu bener gk?",
    ],
)
def test_news_of_another_of_the_family_is_not_filed_on_the_report(
    services: Services, text: str
) -> None:
    """Each was added to the daughter's report, two marked urgent (an open-report tester,
    stop 54)."""
    chat = calm_report(services)
    said = chat.say(text)
    assert "Baiq Nurhasanah" in said and not the_case_is_urgent(services)
    assert text not in family_messages(services)


def test_the_employers_husband_dying_is_not_the_workers_death(services: Services) -> None:
    chat = calm_report(services)
    said = chat.say(
        "pak, suami majikan nya meninggal, skrg anak sy d suruh pindah ke rumah anaknya"
    )
    assert "JKM" not in said and not the_case_is_urgent(services)


def test_delete_my_report_in_english_asks_to_close_it(services: Services) -> None:
    chat = calm_report(services)
    assert "request to close report" in chat.say("please delete my report")


def test_a_worker_kept_as_indonesia_taken_abroad_tonight_is_the_same_worker(
    services: Services,
) -> None:
    """ "sponsornya mau bawa dia ke malaysia malam ini" on a report kept as Indonesia was
    refused as someone else's (a last regression tester, stop 54)."""
    chat = reported_from(services, country="other", city="Bekasi", country_typed="indonesia")
    said = chat.say("tolong pak, sponsornya mau bawa dia ke malaysia malam ini lewat pelabuhan")
    assert "*110*" in said and "ditandai darurat" in said


def test_a_question_of_the_worker_elsewhere_is_still_passed_on(services: Services) -> None:
    """ "dia" is the report's worker, wherever the question places her."""
    chat = calm_report(services)
    text = "klo dia pindah kerja ke singapura bisa gk pak?"
    chat.say(text)
    assert text in family_messages(services)


def test_danger_a_friend_tells_of_the_reports_worker_is_added_and_urgent(
    services: Services,
) -> None:
    """ "temennya bilang majikannya gk mau bawa ke dokter" was kept off her own report as news
    of someone else (a family-side tester, stop 55)."""
    chat = calm_report(services)
    text = "bu anak sy skrg sakit parah, temennya bilang majikannya gk mau bawa ke dokter"
    chat.say(text)
    assert text in family_messages(services) and the_case_is_urgent(services)


def test_news_of_another_child_named_is_kept_off_the_report(services: Services) -> None:
    """ "anak sy yg laki Bayu jg d hongkong, paspornya ditahan agen" was added to his sister's
    report (a family-side tester, stop 55)."""
    chat = calm_report(services)
    text = "anak sy yg laki Bayu jg d hongkong, paspornya ditahan agen"
    said = chat.say(text)
    assert text not in family_messages(services) and "Laporan baru" in said


@pytest.mark.parametrize(
    "text",
    [
        "bu laporannya selesai aja, anak sy udh dipulangkan ke lombok",
        "udh beres pak, gk usah dilanjut laporannya",
        "it's solved now, we don't need the report anymore",
        "gk usah d lanjut pak",
        "close it please, we dont need it anymore",
    ],
)
def test_a_wish_to_close_in_other_words_asks_to_close(services: Services, text: str) -> None:
    chat = calm_report(services)
    said = chat.say(text)
    assert "menutup laporan" in said or "close report" in said, said


@pytest.mark.parametrize(
    "text",
    ["eh gk jadi, lanjut aja", "please delete my phone number but keep the report"],
)
def test_never_mind_go_on_or_a_wish_about_the_data_does_not_ask_to_close(
    services: Services, text: str
) -> None:
    """ "eh gk jadi, lanjut aja" (never mind, go on) and a wish to delete a phone number but
    keep the report were passed to the officer as wishes to close it (a family-side tester,
    stop 65)."""
    chat = calm_report(services)
    said = chat.say(text)
    assert "menutup laporan" not in said and "close report" not in said, said


def test_a_person_kept_apart_named_again_is_kept_apart_with_their_story(
    services: Services,
) -> None:
    """ "sri d taichung", minutes after Sri's danger was kept off her sister's report, was
    added to that report (a tester, stop 55): kept off too, and *Urgent report* carries
    both messages."""
    chat = calm_report(services)
    first = "adik sy Sri dikurung majikan, hp nya diambil"
    numbers = chat.say(first)
    assert "Dari Malaysia" not in numbers  # Sri is not where the report's worker is
    said = chat.say("sri d taichung pak")
    assert "sri d taichung pak" not in family_messages(services)
    assert "Dari Taiwan" in said and "Lapor darurat" in said, said
    assert not the_case_is_urgent(services)
    chat.say(button="cmd:urgent")
    with transaction(services.factory) as session:
        data = session.scalars(select(Conversation)).one().data
    assert first in data["story"] and "sri d taichung" in data["story"]


def test_the_worker_of_a_resolved_report_is_not_news_for_the_open_one(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """With Baiq's report resolved and Lalu's open, "nurhasanah skrg d taichung" is not Lalu's
    news (a tester, stop 55)."""
    chat, first, officer = reported
    as_officer(
        services,
        officer,
        first,
        lambda s, case, o: handoff.resolve(s, case=case, officer=o, outcome="Gaji dibayar."),
    )
    replay(chat, SECOND_REPORT)
    said = chat.say("nurhasanah skrg d taichung pak")
    assert "nurhasanah skrg d taichung pak" not in family_messages(services)
    assert "Laporan baru" in said, said


@pytest.mark.parametrize(
    "asked",
    [
        "apakah sudah ditangani pak?",
        "udh d tangani blm pak",
        "sdh diurus blm pak?",
        "is it being handled?",
        "has anyone looked at it yet?",
        "what happens now?",
        "ada perkembangan?",
        "udah ada yg urus?",
        "udah ada yg ngurus blm",
    ],
)
def test_whether_the_report_is_handled_is_answered_with_where_it_stands(
    services: Services, asked: str
) -> None:
    """They got topics or "not sure" (a family-side tester, stop 56)."""
    chat = calm_report(services)
    said = chat.say(asked)
    assert "menunggu petugas" in said or "waiting for an officer" in said, said
    assert asked in family_messages(services)


def test_ask_an_officer_pressed_with_a_report_open_goes_to_that_report(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    """It opened a whole new report form (a family-side tester, stop 56)."""
    chat, number, _ = reported
    said = chat.say(button="cmd:report")
    assert number in said and "Siapa yang melapor" not in said and "Laporan baru" in said
    assert "Siapa yang melapor" in chat.say(button="cmd:new_report")


def test_a_correction_typed_with_a_report_open_reaches_its_officer(
    services: Services, reported: tuple[Chat, str, int]
) -> None:
    chat, number, _ = reported
    text = "pak maaf desa nya salah, harusnya desa Rarang Selatan"
    said = chat.say(text)
    assert number in said and text in family_messages(services)


def test_a_wish_to_keep_the_report_open_is_said_to_be_kept(services: Services) -> None:
    """ "jangan ditutup dulu pak" after asking to close got only "added" (a family-side
    tester, stop 56)."""
    chat = calm_report(services)
    chat.say("gk usah d lanjut pak")
    assert "tetap terbuka" in chat.say("jangan ditutup dulu pak")


@pytest.mark.parametrize(
    "text",
    [
        "pak adik ipar sy jg d brunei, si Rohim, paspornya d tahan majikan",
        "and my uncle is sick in jeddah, no one take him to doctor",
    ],
)
def test_news_of_an_in_law_or_an_uncle_is_kept_off_the_report(
    services: Services, text: str
) -> None:
    """Added to a daughter's report, the uncle's marked it urgent (a family-side tester,
    stop 56)."""
    chat = calm_report(services)
    chat.say(text)
    assert text not in family_messages(services)


def test_thugs_at_the_house_to_make_the_report_withdrawn_get_the_police_not_a_closing(
    services: Services,
) -> None:
    """ "td ada org dtg ke rumah marah2 suruh cabut laporan, bawa parang" was passed on as a
    wish to close the report, with no numbers (a tester of the family after a report, stop
    65): danger at the family's house, Indonesia's police first, the report urgent."""
    chat = calm_report(services)
    said = chat.say("td ada org dtg ke rumah marah2 suruh cabut laporan, bawa parang")
    assert "polisi di *110*" in said and "menutup laporan" not in said
    assert the_case_is_urgent(services)
