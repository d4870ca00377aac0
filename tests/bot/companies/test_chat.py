"""A family asks about companies in informal writing and gets the list's verdict with its date,
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.preview import Previewer
from migran.services import Services
from tests.companies_support import import_list, load_small
from tests.conftest import Chat

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

ALSO_HELP = "Ini juga mungkin membantu:"
"""The second message beside the answer to a story: its other needs as buttons."""


@pytest.fixture
def family(services: Services) -> Chat:
    services.dispatcher.clock = lambda: NOW
    services.engine.clock = lambda: NOW
    load_small(services.factory)
    return Chat(services, user="family-1")


def test_a_family_asks_about_a_licensed_a_suspended_and_an_unknown_company(family: Chat) -> None:
    licensed = family.say("PT Zorvana Jaya Abadi resmi gak?")
    assert "ada di daftar perusahaan penempatan berizin (P3MI) tanggal 20-11-2026" in licensed
    assert "FIKTIF-101/2024" in licensed and "12-03-2029" in licensed
    assert "Mataram" in licensed and "Lombok Timur" in licensed
    assert "Malaysia: Pekerja perkebunan sawit (40 orang)" in licensed
    assert "Taiwan: Operator pabrik" in licensed
    assert "Hong Kong" not in licensed, "an expired job order is not current"

    suspended = family.say("cek pt kelindra sejahtra mandri")
    assert "PT Kelindra Sejahtera Mandiri* sedang DIBEKUKAN" in suspended
    assert "sejak 03-02-2026" in suspended and "tanggal 20-11-2026" in suspended
    assert "Jangan bayar" in suspended and "*lapor*" in suspended

    unknown = family.say("apakah PT Maju Terus Pantang Mundur terdaftar?")
    assert "tidak ada di daftar perusahaan penempatan berizin tanggal 20-11-2026" in unknown
    assert "calo" in unknown and "Jangan bayar" in unknown
    assert "0800-1000" in unknown and "SISKOP2MI" in unknown


def test_a_revoked_company_says_since_when_and_what_to_do(family: Chat) -> None:
    text = family.say("CV bramkosa utama legal ga")
    assert "sudah DICABUT sejak 29-01-2026" in text and "20-11-2026" in text
    assert "Disnaker atau BP3MI" in text


def test_an_expired_licence_is_said_plainly(family: Chat) -> None:
    text = family.say("pt velmora karya intl itu resmi?")
    assert "berlaku sampai 02-02-2025" in text and "HABIS MASA BERLAKU" in text
    assert "Selong" in text


def test_a_country_named_with_no_job_order_there_is_warned(family: Chat) -> None:
    text = family.say("adik sy mau ke taiwan lewat PT Sinar Qirvana Jaya, aman gak?")
    assert "Tidak ada job order yang berlaku untuk Taiwan" in text
    malaysia = family.say("PT Zorvana Jaya Abadi ada job order ke Malaysia gak?")
    assert "Malaysia: Pekerja perkebunan sawit" in malaysia and "Taiwan" not in malaysia


def test_close_names_are_offered_as_choices_and_a_choice_is_answered(family: Chat) -> None:
    replies = family.send("PT Zorvana Jaja resmi?")
    assert "Zorvana Jaya Abadi" in replies[0].text
    assert "tidak persis ada di daftar" in replies[0].text
    options = [o.id for o in replies[0].options]
    assert options[-1] == "company:none"
    chosen = family.say("1")
    assert "FIKTIF-101/2024" in chosen
    family.send("PT Zorvana Jaja resmi?")
    none = family.say(button="company:none")
    assert "PT Zorvana Jaja* tidak ada di daftar" in none


def test_a_general_question_gets_the_knowledge_base_answer(family: Chat) -> None:
    text = family.say("gimana cara cek PT resmi?")
    assert "SIP3MI" in text  # the cek-perusahaan topic
    assert "20-11-2026" not in text, "no company was named, so no list verdict"


def test_with_no_list_loaded_the_chat_says_so_and_gives_the_official_way(
    services: Services,
) -> None:
    chat = Chat(services, user="family-2")
    text = chat.say("PT Zorvana Jaya Abadi resmi gak?")
    assert "belum punya daftar perusahaan penempatan berizin" in text
    assert "0800-1000" in text and "Disnaker" in text
    assert "FIKTIF" not in text


def test_a_company_named_in_a_question_about_something_else_is_checked_too(
    family: Chat,
) -> None:
    replies = family.send(
        "gaji adik saya 3 bulan belum dibayar, dia berangkat lewat PT Zorvana Mitra"
    )
    texts = [r.text for r in replies]
    assert "PT Zorvana Mitra* tidak ada di daftar" in texts[0]
    assert "gaji" in texts[1].lower()
    assert texts[2:] in ([], [ALSO_HELP])  # the story's other needs, when it has them


def test_a_company_named_aside_is_not_checked_when_no_list_is_loaded(
    services: Services,
) -> None:
    replies = Chat(services, user="family-3").send(
        "gaji adik saya 3 bulan belum dibayar, dia berangkat lewat PT Zorvana Mitra"
    )
    texts = [r.text for r in replies]
    assert "belum punya daftar" not in texts[0] and texts[1:] in ([], [ALSO_HELP])


def test_a_choice_made_after_the_list_was_replaced_is_read_on_the_new_list(
    family: Chat, services: Services
) -> None:
    family.send("PT Zorvana Jaja resmi?")
    import_list(
        services.factory,
        b"name,licence_number,valid_until,status\n"
        b"PT Zorvana Jaya Abadi,FIKTIF-201/2026,2031-01-01,dicabut\n",
        date(2026, 12, 1),
        NOW,
        "baru.csv",
    )
    text = family.say("1")
    assert "sudah DICABUT" in text and "tanggal 01-12-2026" in text


def test_an_english_question_gets_the_answer_in_english(family: Chat) -> None:
    text = family.say("is PT Sinar Qirvana Jaya licensed? my sister wants to go to Taiwan")
    assert "is on the list of licensed placement companies (P3MI) of 20-11-2026" in text
    assert "Offices in NTB: Sumbawa Besar." in text
    assert "No current job order for Taiwan on the job-order list of 20-11-2026" in text


def _load(services: Services, names: str) -> Chat:
    """A list of active companies with these names (one a line), and a family chatting."""
    services.engine.clock = lambda: NOW
    rows = "".join(
        f"{name},FIKTIF-9{n:02d}/2024,2029-01-01,aktif,\n"
        for n, name in enumerate(names.strip().splitlines())
    )
    import_list(
        services.factory,
        f"name,licence_number,valid_until,status,status_date\n{rows}".encode(),
        date(2026, 11, 20),
        NOW,
    )
    return Chat(services, user="family-9")


def test_a_name_with_words_such_as_kerja_or_terus_is_checked_whole(services: Services) -> None:
    family = _load(services, "PT Sukses Kerja Mandiri\nPT Maju Terus Abadi\nPT Maju")
    sukses = family.say("PT Sukses Kerja Mandiri resmi gk?")
    assert "*PT Sukses Kerja Mandiri* ada di daftar" in sukses
    assert "calo" not in sukses
    maju = family.say("cek PT Maju Terus Abadi")
    assert "*PT Maju Terus Abadi* ada di daftar" in maju, "the longest name on the list"


def test_a_listed_name_cut_short_is_only_offered_never_taken_for_the_whole(
    services: Services,
) -> None:
    family = _load(services, "PT Sukses")
    replies = family.send("PT Sukses Kerja Mandiri resmi gk?")
    assert "*PT Sukses Kerja Mandiri* tidak persis ada di daftar" in replies[0].text
    assert [o.id for o in replies[0].options][-1] == "company:none"
    assert [o.title for o in replies[0].options] == ["PT Sukses", "Tidak ada yang cocok"]
    assert "Jangan bayar" not in replies[0].text, "asked which name, not called a broker"
    unknown = family.say("PT Maju Terus Abadi resmi gk?")
    assert "*PT Maju Terus Abadi* tidak ada di daftar" in unknown, "not cut to *PT Maju*"


def test_a_check_asked_without_a_name_asks_for_the_name_and_checks_the_reply(
    family: Chat,
) -> None:
    asked = family.say("cek pt ini resmi gk")
    assert "Apa nama perusahaannya?" in asked and "20-11-2026" not in asked
    checked = family.say("Zorvana Jaya Abadi")
    assert "*PT Zorvana Jaya Abadi* ada di daftar" in checked and "FIKTIF-101/2024" in checked
    assert "Apa nama perusahaannya?" in family.say("mau cek perusahaan")
    assert "sedang DIBEKUKAN" in family.say("namanya Kelindra Sejahtera Mandiri")
    later = family.say("Sinar Qirvana")
    assert "*PT Sinar Qirvana*" not in later, "asked once: the next message only"


def test_a_reply_that_is_not_a_name_is_read_as_usual(family: Chat) -> None:
    family.say("cek pt ini resmi gk")
    text = family.say("lupa namanya")
    assert "*lupa namanya*" not in text and "Apa nama perusahaannya?" not in text
    assert "SIP3MI" in text  # how to check, from the knowledge base


def test_with_no_list_loaded_a_check_without_a_name_gets_how_to_check(
    services: Services,
) -> None:
    text = Chat(services, user="family-4").say("cek pt ini resmi gk")
    assert "SIP3MI" in text and "Apa nama perusahaannya?" not in text


def test_a_sanction_without_a_date_on_the_list_says_no_date(services: Services) -> None:
    services.engine.clock = lambda: NOW
    import_list(
        services.factory,
        b"name,licence_number,valid_until,status,status_date\n"
        b"PT Kelindra Jaya,FIKTIF-1/2024,2029-01-01,dibekukan,\n"
        b"CV Bramkosa Utama,FIKTIF-2/2024,2029-01-01,dicabut,\n",
        date(2026, 11, 20),
        NOW,
    )
    family = Chat(services, user="family-5")
    suspended = family.say("PT Kelindra Jaya resmi?")
    assert "*PT Kelindra Jaya* sedang DIBEKUKAN (dihentikan sementara), menurut" in suspended
    revoked = family.say("CV Bramkosa Utama legal ga")
    assert "Izin *CV Bramkosa Utama* sudah DICABUT, menurut" in revoked
    assert "sejak" not in suspended + revoked


@pytest.mark.parametrize("told", ["pt sukses mandiri kabur bawa uang sy", "PT Sinar Abadi nipu sy"])
def test_a_company_that_took_the_money_gets_what_to_do_after_paying(
    services: Services, told: str
) -> None:
    """A chat tester (stop 42): "pt sukses mandiri kabur bawa uang sy" got only "do not pay
    anything before it is checked", though the money was gone."""
    replies = Chat(services, user=f"cheated-{len(told)}").send(told)
    reply = "\n".join(r.text for r in replies)
    assert "Sudah terlanjur bayar" in reply and "Simpan bukti" in reply
    # the answer given is not offered again beside it, and `migran ask` tells that answer
    assert "topic:calo-ilegal" not in [b.id for r in replies for b in r.buttons]
    preview = Previewer(services.engine).first_replies(told)
    assert preview.reading is not None and preview.reading.first_topic == "calo-ilegal"


def test_a_short_follow_up_asks_about_the_company_just_checked(family: Chat) -> None:
    """ "alamatnya dmn?" got the LTSA's offices, "sampai kapan izinnya?" a list of topics (a
    journeys tester, stop 61)."""
    family.say("PT Zorvana Jaya Abadi resmi gak?")
    offices = family.say("alamatnya dmn?")
    assert "Zorvana Jaya Abadi" in offices and "Mataram" in offices
    licence = family.say("sampai kapan izinnya?")
    assert "FIKTIF-101/2024" in licence and "12-03-2029" in licence
    expired = family.say("pt velmora karya intl itu resmi?")
    assert "HABIS MASA BERLAKU" in expired
    assert "HABIS MASA BERLAKU" in family.say("izinnya masih berlaku?")
    assert "Velmora" not in family.say("kantor bp3mi dmn?")  # another office asked


def test_another_company_asked_after_one_was_checked_is_checked_itself(family: Chat) -> None:
    """ "PT Lombok Mandiri Jaya ada izin?" after another company was checked got the first
    one's licence, and "izinnya smp kapan?" after a company not on the list got the one before
    it's date (a register and company tester, stop 63)."""
    family.say("PT Zorvana Jaya Abadi resmi gak?")
    suspended = family.say("PT Kelindra Sejahtera Mandiri ada izin?")
    assert "DIBEKUKAN" in suspended and "FIKTIF-101/2024" not in suspended
    family.say("PT Zorvana Jaya Abadi resmi gak?")
    unknown = family.say("PT Sinar Qwerty Abadi ada izin?")
    assert "tidak ada di daftar" in unknown and "FIKTIF-101/2024" not in unknown
    assert "FIKTIF-101/2024" not in family.say("izinnya smp kapan?")


def test_an_address_asked_with_no_company_checked_is_the_offices_answer(family: Chat) -> None:
    assert "Zorvana" not in family.say("alamatnya dmn?")


def test_a_fee_asked_beside_a_licensed_company_gets_what_may_be_charged(family: Chat) -> None:
    """The licence card alone may read as leave to pay (a register and company tester, stop
    63)."""
    said = family.say(
        "anak sy mau brgkt ke taiwan lewat PT Zorvana Jaya Abadi, mrk minta 35 jt, wajar gk"
    )
    assert "FIKTIF-101/2024" in said and "tidak boleh dibebani biaya penempatan" in said
    assert "tidak boleh dibebani" not in family.say("PT Zorvana Jaya Abadi resmi gak?")
