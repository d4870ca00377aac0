"""What a family-side tester met (stop 63): the employer arriving while a locked-in worker
writes, "safe now" after the numbers, a report asked after from a number that has none, a
change taken back at *Change*, the country guessed answered by typing it, and a second report
from a mother who writes "sy mau lapor lg"."""

from __future__ import annotations

from tests.conftest import Chat

LOCKED_IN = "sy dikunci majikan d kamar d hongkong, paspor diambil, sy mau pulang"
MISSING = "anak sy siti d malaysia gk bisa dihubungi 2 minggu, sy ibunya"


def test_the_employer_arriving_mid_report_gets_a_safety_line_and_is_no_name(chat: Chat) -> None:
    chat.say(LOCKED_IN)
    chat.say(button="cmd:urgent")
    chat.say(button="opt:yes")  # consent
    said = chat.say("majikan dtg")
    assert "Utamakan keselamatan Anda" in said and "*999*" in said
    assert "Siapa nama lengkap Anda?" in said  # the step waits, nothing taken as the name
    assert "Negara:" in chat.say("Yuli")


def test_the_employer_arriving_after_the_numbers_gets_the_safety_line(chat: Chat) -> None:
    chat.say("i am locked in my room by madam in hong kong")
    said = chat.say("she is coming now")
    assert "Keep yourself safe first" in said and "999" in said
    assert "If someone is in danger now" not in said


def test_safe_in_a_shelter_after_the_numbers_is_heard_not_met_with_them_again(
    chat: Chat,
) -> None:
    chat.say("i am locked in my room by madam in hong kong")
    said = chat.say("ok she left. i am in shelter now, safe")
    assert "safe now" in said and "If someone is in danger now" not in said


def test_a_report_asked_after_from_a_number_with_none_says_so(chat: Chat) -> None:
    for asked in ("gmn laporan sy? udh seminggu", "kok laporannya gk ada?", "sy mau nambahin info"):
        said = chat.say(asked)
        assert "Nomor ini tidak punya laporan" in said and "Tanya petugas" in said, asked


def test_a_question_of_how_to_report_is_still_answered() -> None:
    from bot.cases.asking import asks_after_a_report

    assert not asks_after_a_report("laporan kasus gmn caranya")
    assert not asks_after_a_report("bagaimana laporan ke kbri?")
    assert not asks_after_a_report("sy mau lapor anak sy")


def _to_the_summary(chat: Chat) -> str:
    chat.say(MISSING)
    chat.say(button="cmd:report")
    chat.say(button="opt:yes")  # consent
    chat.say("Siti Aminah")
    chat.say(button="opt:yes")  # Malaysia
    chat.say("Johor")
    chat.say(button="opt:yes")  # lost contact
    chat.say(button="opt:no")  # no danger now
    chat.say("Sukamulia")
    chat.say(button="opt:yes")  # that village
    return chat.say(button="opt:yes")  # shared with the village


def test_taking_back_a_change_keeps_the_report(chat: Chat) -> None:
    assert "Kirim laporan" in _to_the_summary(chat)
    assert "Apa yang ingin Anda ubah?" in chat.say(button="opt:change")
    said = chat.say("gk jadi")
    assert "tidak ada yang diubah" in said and "Pekerja: Siti Aminah" in said
    assert "sudah terkirim" in chat.say(button="opt:submit")


def test_the_country_guessed_answered_by_typing_it_or_indonesia(chat: Chat) -> None:
    chat.say(MISSING)
    chat.say(button="cmd:report")
    chat.say(button="opt:yes")
    assert "Negara: Malaysia — benar?" in chat.say("Siti Aminah")
    assert "Di kota atau daerah mana?" in chat.say("malysia")


def test_a_second_report_after_sy_mau_lapor_lg_asks_who_reports(chat: Chat) -> None:
    _to_the_summary(chat)
    chat.say(button="opt:submit")
    chat.say("sy mau lapor lg")
    said = chat.say(button="cmd:new_report")
    assert "Siapa yang melapor?" in said and "nama lengkap Anda" not in said


def test_a_wish_to_report_says_nothing_of_who_the_worker_is() -> None:
    from bot.register.hints import writer_relation

    assert writer_relation("sy mau lapor lg") is None
    assert writer_relation("saya ingin melaporkan") is None
    assert writer_relation("saya mau berangkat ke taiwan") == "self"


def test_the_writers_own_harm_is_dialled_from_where_the_writer_is() -> None:
    """Not from where the family is (a tester of long posts, stop 63)."""
    from bot.config import from_environment
    from migran.cli import _triage

    triage = _triage(from_environment())
    abroad = triage.read(
        "majikan marah2 tiap hari, sy pengen mati aja rasanya. sy d Riyadh. anak sy d Lombok"
    )
    assert abroad.urgent and abroad.country is not None and abroad.country.code == "SA"
    home = triage.read(
        "debt collector dtg ke rumah sy d Lombok ngancam mau bunuh sy kalau utang suami sy yg "
        "d Malaysia gk dibayar"
    )
    assert home.urgent and home.country is None  # Indonesia's police
    assert triage.read("sy pengen mati aja, anak sy d malaysia gk pernah telpon").country is None


def test_a_wish_to_keep_the_village_out_typed_mid_report_is_kept(chat: Chat) -> None:
    """ "kepala desa sy yg jd calonya, jgn sampe dia tau" at the name step was "choose one",
    and the wish was lost (a family-side tester, stop 63)."""
    chat.say("anak sy d malaysia dikurung calo, gk boleh pulang")
    chat.say(button="cmd:urgent")
    chat.say(button="opt:yes")
    said = chat.say("kepala desa sy yg jd calonya, jgn sampe dia tau")
    assert "desa tidak boleh tahu" in said and "Hanya kabupaten" in said
    assert "nama lengkap pekerja" in said  # the step, asked again
