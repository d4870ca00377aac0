"""The report form (LAPOR) read the way families talk inside it: thanks or a yes is not a
name or a city, a question of where the report stands is not a knowledge-base question, and a
wish to stop it stops it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.flows.common import name_in, name_told
from bot.store.db import transaction
from bot.store.models import Case, Conversation
from migran.services import Services
from tests.cases_support import report_to_the_village
from tests.conftest import Chat

HELD_PASSPORT = "LAPOR kakak sy di malaysia paspornya ditahan agen"
UNPAID = "LAPOR anak sy siti di malaysia gajinya gk dibayar 6 bulan"


def cases(services: Services) -> int:
    with transaction(services.factory) as session:
        return session.scalar(select(func.count()).select_from(Case)) or 0


# -- 1. names and places ---------------------------------------------------------------------
def test_thanks_or_a_yes_is_neither_the_workers_name_nor_the_city(sqlite_chat: Chat) -> None:
    sqlite_chat.say(HELD_PASSPORT)
    assert "nama lengkap pekerja" in sqlite_chat.say("ya")
    for thanks in ("makasih pak", "thank you"):
        again = sqlite_chat.say(thanks)
        assert "ketik namanya saja" in again and "nama lengkap pekerja" in again
        assert "Negara" not in again
    assert "Negara: Malaysia — benar?" in sqlite_chat.say("Siti")
    assert "kota" in sqlite_chat.say("ya")
    again = sqlite_chat.say("ya")  # the city question has no yes to give
    assert "nama kota atau daerahnya" in again and "Di kota atau daerah mana?" in again
    assert "Masalah: Dokumen ditahan — benar?" in sqlite_chat.say("Lewati")
    for answer in ("ya", "tidak", "sukamulia", "ya"):
        sqlite_chat.say(answer)
    summary = sqlite_chat.say("ya")
    assert "• Pekerja: Siti\n" in summary and "• Negara: Malaysia\n" in summary


@pytest.mark.parametrize(
    "typed", ["lewati", "kirim", "anak ke 2", "keluarga", "saya sendiri", "desa sakra, sakra"]
)
def test_a_buttons_word_or_which_child_is_not_the_workers_name(
    sqlite_chat: Chat, typed: str
) -> None:
    """ "lewati", "kirim" and "anak ke 2" were saved as the worker's name; "Wati", a name and
    the Mbojo no, was refused (a family chat tester, stop 49). Who reports ("keluarga") is
    not the worker's name either (stop 50)."""
    sqlite_chat.say(HELD_PASSPORT)
    sqlite_chat.say("ya")
    assert "ketik namanya saja" in sqlite_chat.say(typed)
    assert "Negara: Malaysia — benar?" in sqlite_chat.say("Wati")


def test_a_long_story_is_cut_at_a_word_in_the_summary_and_said_to_be_sent_whole(
    sqlite_chat: Chat,
) -> None:
    """The summary ended mid-word ("... sy takut sek"), as if the rest were lost (a chat
    tester, stop 49)."""
    story = "majikan sering marah dan gaji sy dipotong terus tanpa alasan yang jelas " * 6
    sqlite_chat.say(UNPAID)
    for answer in ("ya", "Siti", "ya", "Lewati", "ya", story, "tidak", "sukamulia", "ya"):
        sqlite_chat.say(answer)
    summary = sqlite_chat.say("ya")
    told = summary.split("• Cerita: ", 1)[1].split("\n", 1)[0]
    assert told.endswith("… (seluruh cerita tetap dikirim)")
    kept = told.removesuffix("… (seluruh cerita tetap dikirim)").split()
    assert kept and all(word in story.split() or word in UNPAID.split() for word in kept)


def test_a_sasak_yes_already_or_a_phone_number_is_neither_the_name_nor_the_city(
    sqlite_chat: Chat,
) -> None:
    """A chat tester's Sasak family answered "nggih" and "sampun", and typed a phone number:
    each was saved as the worker's name or the city (stop 45)."""
    sqlite_chat.say(HELD_PASSPORT)
    assert "nama lengkap pekerja" in sqlite_chat.say("nggih")  # yes to the consent question
    for not_a_name in ("nggih pak", "sampun", "0812 3456 7890"):
        again = sqlite_chat.say(not_a_name)
        assert "ketik namanya saja" in again, (not_a_name, again)
    assert "Negara: Malaysia — benar?" in sqlite_chat.say("Siti")
    assert "kota" in sqlite_chat.say("nggih")
    for not_a_city in ("nggih", "sampun", "+60 12-345 6789", "123"):
        again = sqlite_chat.say(not_a_city)
        assert "nama kota atau daerahnya" in again, (not_a_city, again)
    assert "Masalah: Dokumen ditahan — benar?" in sqlite_chat.say("Johor Bahru")


def test_free_text_at_the_problems_guess_keeps_the_guess_asked(sqlite_chat: Chat) -> None:
    """A name typed at "Masalah: Gaji..., Sakit..., Ingin pulang — benar?" dropped the three
    problems and showed the whole list, where "ya" and "ok" were no choice, five times over
    (a chat tester, stop 46). The guess is asked again, and "ya" takes it."""
    for step in ("LAPOR anak sy di malaysia gaji gk dibayar, sakit, mau pulang", "ya"):
        sqlite_chat.say(step)
    sqlite_chat.say("Siti Aminah")
    sqlite_chat.say("ya")
    guess = "Masalah: Gaji macet/dipotong, Sakit atau meninggal, Ingin pulang — benar?"
    assert guess in sqlite_chat.say("Johor Bahru")
    assert guess in sqlite_chat.say("Siti Aminah")
    assert "dalam bahaya sekarang?" in sqlite_chat.say("ya")


def test_a_fear_or_who_one_is_typed_at_the_name_is_no_name(sqlite_chat: Chat) -> None:
    """ "ponakan sy", "sy sendiri" and a fear were kept as the worker's name (a third chat
    tester, stop 46); a fear is answered with who sees the report."""
    for step in ("lapor", "1", "2"):
        sqlite_chat.say(step)
    assert "Majikan dan perusahaan tidak melihatnya" in sqlite_chat.say("sy takut")
    for not_a_name in ("ponakan sy", "sy sendiri", "saya pekerjanya"):
        assert "ketik namanya saja" in sqlite_chat.say(not_a_name), not_a_name


def test_not_knowing_the_name_where_one_is_needed_asks_for_a_nickname(
    sqlite_chat: Chat,
) -> None:
    sqlite_chat.say("anak saya mau berangkat ke Taiwan bulan depan")
    assert "nama lengkap orang yang berangkat" in sqlite_chat.say(button="opt:yes")
    again = sqlite_chat.say("gk tau nama lengkapnya")
    assert "nama panggilannya juga boleh" in again and "desa" not in again.casefold()


def test_not_knowing_the_name_in_a_report_goes_on_without_it(sqlite_chat: Chat) -> None:
    sqlite_chat.say(HELD_PASSPORT)
    sqlite_chat.say("ya")
    assert "Negara: Malaysia — benar?" in sqlite_chat.say("gk tau nama lengkapnya")


def test_a_wish_to_die_typed_in_an_urgent_report_is_spoken_to(sqlite_chat: Chat) -> None:
    """In a report already urgent, "saya pengen bunuh diri aja pak" got only "saved for your
    report" (stop 46): the caring words and the numbers of where the report places the
    worker come first, once; the step is then asked again."""
    sqlite_chat.say("LAPOR anak sy d sekap majikan di malaysia")
    sqlite_chat.say("ya")
    reply = sqlite_chat.say("saya pengen bunuh diri aja pak")
    assert reply.startswith("Terima kasih sudah bercerita"), reply
    assert "+60 17-668 8032" in reply and "nama lengkap pekerja" in reply
    again = sqlite_chat.say("saya mau mati")
    assert "Terima kasih sudah bercerita" not in again and "nama lengkap pekerja" in again


def _family_at_the_name(chat: Chat) -> None:
    chat.say("lapor")
    chat.say("ya")  # consent
    assert "nama lengkap pekerja" in chat.say("2")  # a family member reports


def test_who_the_writer_is_their_own_name_or_a_place_is_not_the_workers_name(
    sqlite_chat: Chat,
) -> None:
    """A chat tester: "anak sy pak", "sy ibunya pak, nama sy inaq Sahnun" (the mother's own
    name) and "penang" were each saved as the worker's name."""
    _family_at_the_name(sqlite_chat)
    again = sqlite_chat.say("anak sy pak")
    assert "ketik namanya saja" in again and "nama lengkap pekerja" in again
    again = sqlite_chat.say("sy ibunya pak, nama sy inaq Sahnun")
    assert "bukan nama Anda" in again and "nama lengkap pekerja" in again
    again = sqlite_chat.say("penang")
    assert "*penang* itu nama tempat" in again and "nama lengkap pekerja" in again
    assert "negara mana" in sqlite_chat.say("Siti")


def test_a_worker_reporting_may_give_their_own_name(sqlite_chat: Chat) -> None:
    sqlite_chat.say("lapor")
    sqlite_chat.say("ya")
    assert "nama lengkap Anda" in sqlite_chat.say("1")  # the worker reports
    assert "negara mana" in sqlite_chat.say("nama saya Rina")


def _summary_after_the_country(chat: Chat) -> str:
    for answer in ("Lewati", "1", "gaji tidak dibayar 3 bulan", "tidak", "sukamulia", "ya"):
        chat.say(answer)
    return chat.say("ya")


def test_not_knowing_the_country_typed_under_other_is_not_known_not_lombok(
    sqlite_chat: Chat,
) -> None:
    """A chat tester chose "Negara lain" and typed "sy g tau pak, dia brgkt dr lombok lewat
    PT": the report said "Negara: Indonesia, Lombok"."""
    _family_at_the_name(sqlite_chat)
    sqlite_chat.say("Siti")
    assert "ketik nama negaranya" in sqlite_chat.say(button="country:other")
    again = sqlite_chat.say("lombok")
    assert "negara di luar negeri" in again, "Lombok is where the worker left from"
    assert "kota" in sqlite_chat.say("sy g tau pak, dia brgkt dr lombok lewat PT")
    summary = _summary_after_the_country(sqlite_chat)
    assert "• Negara: tidak diketahui\n" in summary and "Indonesia" not in summary


def test_leaving_from_lombok_typed_at_the_countries_is_not_the_country(
    sqlite_chat: Chat,
) -> None:
    _family_at_the_name(sqlite_chat)
    sqlite_chat.say("Siti")
    sqlite_chat.say("sy g tau pak, dia brgkt dr lombok lewat PT")
    summary = _summary_after_the_country(sqlite_chat)
    assert "• Negara: tidak diketahui\n" in summary and "Indonesia" not in summary


def test_a_plea_typed_at_a_step_is_no_answer_it_joins_the_story(sqlite_chat: Chat) -> None:
    sqlite_chat.say("LAPOR anak sy di malaysia gajinya gk dibayar")
    assert "nama lengkap pekerja" in sqlite_chat.say("ya")
    again = sqlite_chat.say("I want to die")  # the numbers first, then the name asked again
    assert "0800-1000" in again and "nama lengkap pekerja" in again and "Negara" not in again
    again = sqlite_chat.say("tolong selamatkan saya")
    assert "nama lengkap pekerja" in again and "Negara" not in again
    assert "Negara: Malaysia — benar?" in sqlite_chat.say("Siti")
    again = sqlite_chat.say("sy pengen mati aja")  # neither yes nor no
    assert "Negara: Malaysia — benar?" in again
    for answer in ("ya", "Lewati", "ya", "sukamulia", "ya"):
        sqlite_chat.say(answer)
    summary = sqlite_chat.say("ya")
    assert "• Pekerja: Siti\n" in summary and "• Negara: Malaysia\n" in summary
    assert "• Bahaya sekarang: Ya" in summary
    for plea in ("I want to die", "tolong selamatkan saya", "sy pengen mati aja"):
        assert plea in summary


def test_a_plea_typed_in_the_training_form_is_not_kept_as_the_name(chat: Chat) -> None:
    chat.say("pelatihan")
    chat.say(button="opt:yes")
    assert "nama lengkap" in chat.say(button="prog:otomotif").lower()
    again = chat.say("please save me")
    assert "nama lengkap" in again.lower() and "umur" not in again.lower()
    assert "umur" in chat.say("Siti Aminah").lower()


# -- 2. questions about the report, and stopping it ------------------------------------------
def test_asking_where_the_report_stands_while_filling_it_in(sqlite_chat: Chat) -> None:
    sqlite_chat.say(UNPAID)
    for answer in ("ya", "Siti Aminah", "ya"):
        sqlite_chat.say(answer)
    confirm = "Masalah: Gaji macet/dipotong — benar?"
    assert confirm in sqlite_chat.say("Lewati")
    for asked in ("gmn laporan sy?", "udh dikirim blm"):
        reply = sqlite_chat.say(asked)
        assert "Laporan Anda belum terkirim" in reply and confirm in reply
        assert "kekerasan" not in reply
    # any other question is still answered, and the guess is still the one to confirm
    reply = sqlite_chat.say("nomor kbri malaysia brp?")
    assert "kembali ke formulir" in reply and confirm in reply
    assert "Apa masalahnya?" not in reply
    assert "Apakah ada orang dalam bahaya" in sqlite_chat.say("ya")


def test_asking_for_news_or_to_cancel_in_english(sqlite_services: Services) -> None:
    chat = Chat(sqlite_services)
    chat.say("REPORT my salary not paid 4 months, I am in Hong Kong")
    for answer in ("yes", "1", "Siti Rahmah", "yes", "Skip", "1"):
        chat.say(answer)
    assert "Which village" in chat.say("no")
    reply = chat.say("any news?")
    assert "Your report is not sent yet" in reply and "Which village" in reply
    assert "cannot be reached" not in reply
    reply = chat.say("can I cancel my report?")
    assert "Cancelled" in reply and "Which one is your village?" not in reply
    assert cases(sqlite_services) == 0


def test_a_wish_not_to_report_after_all_stops_the_form(sqlite_chat: Chat) -> None:
    sqlite_chat.say(UNPAID)
    sqlite_chat.say("ya")
    assert "Dibatalkan" in sqlite_chat.say("gk jadi lapor pak")
    assert "Pekerja" not in sqlite_chat.say("ya")


def test_backing_out_in_fear_or_in_sasak_cancels_and_keeps_nothing(
    sqlite_services: Services,
) -> None:
    """ "eh gk jd deh, takut" and "sy takut pak, nanti aja" at the name were kept for the
    report, and "ndak jadi" was asked for the name again (a family chat tester, stop 48)."""
    for n, words in enumerate(
        ("eh gk jd deh, takut", "sy takut pak, nanti aja", "ndak jadi", "tiang takut, ndak jadi")
    ):
        chat = Chat(sqlite_services, user=f"afraid{n}")
        chat.say("lapor")
        chat.say("ya")
        chat.say("2")
        assert "Dibatalkan" in chat.say(words), words
    assert cases(sqlite_services) == 0


def test_a_yes_typed_for_the_village_is_asked_again_not_matched_to_a_village(
    sqlite_chat: Chat,
) -> None:
    """ "iya" at the village was matched to Mataiyang (Sumbawa Barat) and confirmed by a
    second "iya": a Lombok case would have gone to the wrong officer (a family chat tester,
    stop 48)."""
    report_to_the_village(sqlite_chat, "gaji", "gaji anak sy blm dibayar 3 bulan")
    for yes in ("iya", "aok"):
        reply = sqlite_chat.say(yes)
        assert "nama desanya" in reply and "Mataiyang" not in reply, reply


def test_a_step_missed_twice_says_how_to_stop_the_form(chat: Chat) -> None:
    """Each wrong answer reprinted the training list with no word of *batal* (a family chat
    tester, stop 48): the second miss in a row says it."""
    chat.say("daftar pelatihan")
    chat.say("ya")
    assert "ketik *batal*" not in chat.say("xyz")
    assert "Untuk berhenti mengisi, ketik *batal*." in chat.say("abc")


def test_who_sees_the_report_and_the_danger_answer_can_be_changed_before_sending(
    sqlite_chat: Chat,
) -> None:
    """*Ubah* offered neither (a family chat tester, stop 49)."""
    from tests.cases_support import REPORT_STEPS

    for step in REPORT_STEPS[:-1]:
        sqlite_chat.say(**step)
    sqlite_chat.say(button="opt:change")
    sqlite_chat.say(button="field:share")
    summary = sqlite_chat.say(button="share:district")
    assert "bukan desa" in summary and "Bahaya sekarang: Ya" in summary
    sqlite_chat.say(button="opt:change")
    sqlite_chat.say(button="field:danger")
    summary = sqlite_chat.say(button="opt:no")
    assert "Bahaya sekarang: Tidak" in summary and "bukan desa" in summary


@pytest.mark.parametrize(
    "problem", ["sdh 2 bln gk ada kabar, majikan gk angkat tlp", "sdh 3 minggu gk ada kabar"]
)
def test_a_number_inside_a_typed_problem_is_not_a_choice(sqlite_chat: Chat, problem: str) -> None:
    """ "sdh 2 bln gk ada kabar" was saved as choice 2, kept papers (a family chat tester,
    stop 50)."""
    for answer in ("lapor", "ya", "2", "Siti", "1", "Lewati"):
        sqlite_chat.say(answer)
    said = sqlite_chat.say(problem)
    if "Ceritakan" in said:  # a short problem: the story is asked for
        said = sqlite_chat.say("majikannya tidak pernah angkat telepon")
    for answer in ("tidak", "sukamulia", "ya", "ya"):
        if "• Masalah:" in said:
            break
        said = sqlite_chat.say(answer)
    assert "• Masalah: Hilang kontak" in said and "Dokumen" not in said


@pytest.mark.parametrize("answer", ["sy ina nya", "nahu ina na"])
def test_a_mbojo_mother_answering_who_reports_is_family(sqlite_chat: Chat, answer: str) -> None:
    """ "sy ina nya" (I am her mother) was read as the worker writing, and the mother's own
    name was then asked as the worker's (a family chat tester, stop 50)."""
    sqlite_chat.say("lapor")
    sqlite_chat.say("ya")
    said = sqlite_chat.say(answer)
    assert "nama lengkap pekerja" in said and "nama lengkap Anda" not in said


def test_a_problem_told_at_the_problem_step_joins_an_opening_story(sqlite_chat: Chat) -> None:
    """ "sy mau lapor utk anak sy di malaysia", then the problem typed in words where it was
    asked: the report kept only the opening (a family chat tester, stop 50)."""
    problem = "dia sakit, dirawat d rumah sakit tp majikan gk mau bayar biaya rs"
    said = ""
    for answer in ("sy mau lapor utk anak sy di malaysia", "ya", "Siti", "ya", "Lewati", problem):
        said = sqlite_chat.say(answer)
    for answer in ("tidak", "sukamulia", "ya", "ya"):
        if "• Cerita:" in said:
            break
        said = sqlite_chat.say(answer)
    assert "majikan gk mau bayar biaya rs" in said


def test_a_problem_denied_in_words_is_not_saved_as_it() -> None:
    """ "bukan pak, dia tdk mau pulang, LPK nya yg peras" at "Masalah: Ingin pulang — benar?"
    was saved as wanting to go home (a family chat tester, stop 50)."""
    from bot.cases.hints import categories_in

    assert categories_in("bukan pak, dia tdk mau pulang, LPK nya yg peras") == ["fraud"]
    assert "go_home" in categories_in("dia gk boleh pulang sama majikan")
    assert "go_home" in categories_in("paspor ditahan, gaji 3 bln gk dibayar, mau pulang")


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("anak tiang Hendra Saputra", "Hendra Saputra"),
        ("ana nahu Syarifuddin", "Syarifuddin"),
        ("nama lengkap tdk tau pak, biasa dipanggil Udin", "Udin"),
    ],
)
def test_the_name_is_read_out_of_who_the_worker_is_or_a_nickname(
    sqlite_chat: Chat, typed: str, name: str
) -> None:
    """The relation was saved as part of the name, and a nickname as "tidak diketahui" (a
    family chat tester, stop 50)."""
    _family_at_the_name(sqlite_chat)
    said = sqlite_chat.say(typed)
    if "— benar?" in said and name in said and "Negara" not in said:
        said = sqlite_chat.say("ya")  # the name read is confirmed
    assert "negara mana" in said or "Negara:" in said, said
    steps = ("1", "Lewati", "1", "gaji tidak dibayar 3 bulan", "tidak", "sukamulia", "ya", "1")
    for answer in steps:
        said = sqlite_chat.say(answer)
        if "• Pekerja:" in said:
            break
    assert f"• Pekerja: {name}\n" in said, said


@pytest.mark.parametrize(
    ("typed", "place"),
    [("kuching", "Malaysia, Kuching"), ("di kota wroclaw, polandia", "Polandia, Wroclaw")],
)
def test_another_country_typed_is_read_as_its_country_and_city(
    sqlite_chat: Chat, typed: str, place: str
) -> None:
    """Saved as typed: "kuching" never matched the Malaysia report, and the country read "di
    kota wroclaw, polandia, wroclaw" (a family chat tester, stop 50)."""
    said = ""
    steps = ("lapor", "ya", "2", "Siti", "10", typed, "1", "gaji tidak dibayar 4 bulan")
    for answer in (*steps, "tidak", "sukamulia", "ya", "ya"):
        said = sqlite_chat.say(answer)
        if "• Negara:" in said:
            break
    assert f"• Negara: {place}\n" in said, said


def test_a_kecamatan_at_the_village_question_asks_for_the_village_in_it(
    sqlite_chat: Chat,
) -> None:
    for answer in ("lapor", "ya", "2", "Siti", "1", "Lewati", "1", "gaji tidak dibayar 4 bulan"):
        sqlite_chat.say(answer)
    said = sqlite_chat.say("tidak")
    assert "Desa/kelurahan" in said
    said = sqlite_chat.say("sakra timur")
    assert "*Sakra Timur* adalah nama kecamatan" in said and "Desa Sakra" not in said


def test_report_pressed_under_an_answer_carries_the_story_it_answered(sqlite_chat: Chat) -> None:
    """The form asked who reports, the country and the problem again (a family chat tester,
    stop 51); "lapor" typed carried them already."""
    sqlite_chat.say(
        "adik sy kerja d taiwan, paspornya ditahan agensi dan gaji 3 bulan dipotong, sy mau lapor"
    )
    sqlite_chat.say(button="topic:lapor-kasus")
    asked = sqlite_chat.say("1")  # consent
    assert "Siapa yang melapor" not in asked and "nama lengkap pekerja" in asked
    assert "Negara: Taiwan — benar?" in sqlite_chat.say("Sri")


@pytest.mark.parametrize(
    ("problem", "told", "name"),
    [
        (
            "adik sy d malaysia paspornya ditahan majikan",
            "namanya siti aminah, dr desa sukamulia",
            "Siti Aminah",
        ),
        (
            "my sister in malaysia, her employer keep her passport",
            "her name is Nurhayati from Desa Kuripan",
            "Nurhayati",
        ),
    ],
)
def test_the_name_told_under_an_answer_is_noted_and_confirmed_in_the_report(
    sqlite_chat: Chat, problem: str, told: str, name: str
) -> None:
    """It got a line of the answer picked by the word "nama", and the report asked for the
    name again (a chat tester, stop 53)."""
    sqlite_chat.say(problem)
    noted = sqlite_chat.say(told)
    assert "sudah saya catat" in noted or "I have noted this" in noted
    sqlite_chat.say(button="cmd:report")
    assert f"{name} — " in sqlite_chat.say("1")  # consent; the name is confirmed


def test_how_long_until_an_officer_answers_asked_in_the_form_is_answered(
    sqlite_chat: Chat,
) -> None:
    """ "brp lama petugas balas pak?" was added to the story (a chat tester, stop 53)."""
    for step in ("lapor", "1", "2"):
        sqlite_chat.say(step)
    said = sqlite_chat.say("brp lama petugas balas pak?")
    assert "24 jam" in said and "30 menit" in said and "nama lengkap pekerja" in said


def test_a_worker_still_in_indonesia_is_kept_as_indonesia(sqlite_chat: Chat) -> None:
    """ "Negara lain" then "indonesia, di penampungan bekasi" was refused, and the form had
    no Indonesia to offer (a pre-departure tester, stop 54)."""
    _family_at_the_name(sqlite_chat)
    assert "Ketik *Indonesia*" in sqlite_chat.say("Siti")
    sqlite_chat.say(button="country:other")
    # the city told with it: the problem is asked next
    assert "Apa masalahnya" in sqlite_chat.say("masih di penampungan di bekasi")


def test_a_shelter_at_home_named_in_the_opening_is_guessed_as_indonesia(sqlite_chat: Chat) -> None:
    sqlite_chat.say(
        "lapor, anak sy Siti Aisyah di penampungan PT di bekasi udh 4 bln, gk boleh keluar"
    )
    sqlite_chat.say("ya")  # consent
    assert "Negara: Indonesia" in sqlite_chat.say("ya")  # the name confirmed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("sy gk tau pak, dia jarang cerita", None),
        ("gaji nya gk d bayar 5 bln pak, paspor d tahan majikan", "again"),
    ],
)
def test_not_knowing_the_city_or_a_problem_typed_there_is_no_city(
    sqlite_chat: Chat, typed: str, kept: str | None
) -> None:
    """Both were kept as the city (an open-report tester, stop 54)."""
    _family_at_the_name(sqlite_chat)
    sqlite_chat.say("Siti")
    sqlite_chat.say(button="country:malaysia")
    said = sqlite_chat.say(typed)
    if kept == "again":
        assert "Di kota atau daerah mana" in said
    else:
        assert "Apa masalahnya" in said


@pytest.mark.parametrize(
    ("typed", "kept"), [("d kl pak, gajinya blm dibayar 3 bln", "Kuala Lumpur")]
)
def test_the_place_is_kept_of_a_city_answer_that_says_more(
    sqlite_chat: Chat, typed: str, kept: str
) -> None:
    """The whole sentence was kept as the city (an open-report tester, stop 54)."""
    _family_at_the_name(sqlite_chat)
    sqlite_chat.say("Siti")
    sqlite_chat.say(button="country:malaysia")
    sqlite_chat.say(typed)
    summary = _summary_after_the_country(sqlite_chat)
    assert f"Malaysia, {kept}" in summary


@pytest.mark.parametrize("typed", ["ndek taon", "tiang ndek uninga", "wati bade"])
def test_not_knowing_the_city_in_sasak_and_mbojo_skips_it(sqlite_chat: Chat, typed: str) -> None:
    _family_at_the_name(sqlite_chat)
    sqlite_chat.say("Siti")
    sqlite_chat.say(button="country:malaysia")
    assert "Apa masalahnya" in sqlite_chat.say(typed)


def test_indo_typed_after_other_country_is_indonesia(sqlite_chat: Chat) -> None:
    _family_at_the_name(sqlite_chat)
    sqlite_chat.say("Siti")
    sqlite_chat.say(button="country:other")
    assert "kota" in sqlite_chat.say("indo")


def test_danger_typed_in_a_report_kept_as_indonesia_gets_indonesias_police(
    sqlite_chat: Chat,
) -> None:
    """Malaysia's 999 led for a worker held in Batam (a last regression tester, stop 54)."""
    _family_at_the_name(sqlite_chat)
    sqlite_chat.say("Siti")
    sqlite_chat.say(button="country:other")
    sqlite_chat.say("masih di batam")
    said = sqlite_chat.say(
        "dia dibawa calo mau diseberangkan ke malaysia lewat jalur laut, skrg dikurung d rumah "
        "calo gk blh keluar"
    )
    assert "*110*" in said and "999" not in said


def test_another_name_typed_at_the_name_check_is_checked_in_turn(chat: Chat) -> None:
    """A husband typed his own name at "Nama pekerja: Baiq Nurul — benar?" and the report went
    out about him (a false-alarm tester and a look-alike tester, stop 55)."""
    chat.say("pak tlg, istri sy Baiq Nurul d kuching sarawak gk dikasih gaji 5 bln, mau lapor")
    chat.say("lapor")
    chat.say("Saya setuju")
    said = chat.say("Lalu Ahmad")
    assert "Nama pekerja: Lalu Ahmad — benar?" in said
    chat.say("Tidak")
    assert "Malaysia — benar?" in chat.say("Baiq Nurul")


def test_a_full_name_told_in_a_sentence_is_the_name(chat: Chat) -> None:
    """ "yes but full name is Rina Marlina" was stored as the worker's name whole (a
    family-side tester, stop 55)."""
    chat.say("lapor")
    chat.say("Saya setuju")
    chat.say("2")
    assert "negara mana" in chat.say("yes but full name is Rina Marlina")
    with chat.services.factory() as session:
        data = session.scalars(select(Conversation)).one().data
    assert data["worker_name"] == "Rina Marlina"


@pytest.mark.parametrize(
    ("story", "name"),
    [
        ("menantu sy namanya Sri Wahyuni brgkt lwt PT Sinar Jaya Abadi ke Hongkong", "Sri Wahyuni"),
        ("adik sy namanya Nurhasanah brgkt thn 2022 ke malaysia", "Nurhasanah"),
    ],
)
def test_the_name_a_story_gives_ends_where_the_name_does(story: str, name: str) -> None:
    """Kept as "Sri Wahyuni Brgkt Lwt PT Sinar Jaya" and "Nurhasanah Brgkt Thn" (a long-plea
    tester, stop 56)."""
    assert name_in(story) == name


def test_the_relation_and_a_word_of_address_before_a_typed_name_are_not_the_name() -> None:
    """ "ibu sy pak, Saenah" was kept whole as the worker's name (a family-side tester)."""
    assert name_told("ibu sy pak, Saenah") == "Saenah"


def test_a_country_kept_by_its_name_is_shown_in_the_chats_language(services: Services) -> None:
    """ "Country: Uni Emirat Arab — correct?" in an English chat (a family-side tester, stop
    56)."""
    chat = Chat(services, user="en-dubai")
    chat.say("my sister works in dubai, her employer does not pay her for 5 months")
    chat.say("report")
    chat.say("yes")
    assert "Country: United Arab Emirates — correct?" in chat.say("Rina")


def to_the_village_question(chat: Chat) -> None:
    for text in ("adik sy d pukul majikan d malaysia, tolong", "lapor", "ya", "Rina", "ya"):
        chat.say(text)
    chat.say(button="opt:skip")
    chat.say("ya")


def test_a_village_not_known_sends_the_report_to_the_district_named(services: Services) -> None:
    """A family that forgot the village, or a friend abroad, could only cancel an urgent
    report (two testers, stop 56)."""
    chat = Chat(services, user="no-village")
    to_the_village_question(chat)
    said = chat.say("gk tau pak sy lupa nama desa nya, pokok nya d lombok tengah")
    assert "Kabupaten Lombok Tengah" in said
    assert "tidak diketahui (Kabupaten Lombok Tengah)" in chat.say("ya")
    chat.say(button="opt:submit")
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        assert (case.village_code, case.district_code) == ("52.02", "52.02")
        assert case.village_hidden and case.urgent


def test_a_village_not_known_asks_the_district(services: Services) -> None:
    chat = Chat(services, user="no-district")
    to_the_village_question(chat)
    assert "kabupaten mana" in chat.say("tidak tahu")
    assert "Bolehkah laporan ini" in chat.say("lotim")
    assert "tidak diketahui (Kabupaten Lombok Timur)" in chat.say("ya")


@pytest.mark.parametrize("typed", ["not sure", "gk yakin pak"])
def test_not_sure_whether_someone_is_in_danger_is_not_knowing(
    services: Services, typed: str
) -> None:
    """English "not sure" was asked to choose again (a family-side tester, stop 56)."""
    chat = Chat(services, user="unsure")
    to_the_danger_question(chat)
    said = chat.say(typed)
    assert "Desa/kelurahan" in said, said


def to_the_danger_question(chat: Chat) -> None:
    for text in ("lapor", "ya", "2", "Rina", "malaysia", "kuala lumpur", "1", "gaji dipotong"):
        chat.say(text)


@pytest.mark.parametrize("typed", ["ya gk dikasih makan", "bahaya, dia gk boleh keluar"])
def test_danger_told_at_the_danger_question_is_a_yes(services: Services, typed: str) -> None:
    """The numbers were given, then the question asked again (a regression tester, stop
    56)."""
    chat = Chat(services, user="danger-yes")
    to_the_danger_question(chat)
    said = chat.say(typed)
    assert "Desa/kelurahan" in said and "Apakah ada orang dalam bahaya" not in said, said


def test_a_question_at_the_danger_question_is_answered_and_asked_again(
    services: Services,
) -> None:
    """ "bahaya gk?" was kept as no (a regression tester, stop 56)."""
    chat = Chat(services, user="danger-asks")
    to_the_danger_question(chat)
    said = chat.say("bahaya gk?")
    assert "Tidak tahu" in said and "Desa/kelurahan" not in said, said


@pytest.mark.parametrize("typed", ["bahaya gk pak?", "itu termasuk bahaya gk?"])
def test_a_question_at_the_danger_question_is_not_given_a_topic(
    services: Services, typed: str
) -> None:
    """It got the answer on unofficial routes (a regression tester, stop 56)."""
    chat = Chat(services, user="danger-q")
    to_the_danger_question(chat)
    said = chat.say(typed)
    assert "dikurung" in said and "tanpa jalur resmi" not in said, said


@pytest.mark.parametrize("typed", ["ngk", "kagak", "aman kok"])
def test_a_slang_no_at_the_danger_question_is_a_no(services: Services, typed: str) -> None:
    chat = Chat(services, user="danger-no")
    to_the_danger_question(chat)
    assert "Desa/kelurahan" in chat.say(typed)


@pytest.mark.parametrize("typed", ["ngk tau desanya pak", "no idea", "Lombok Tengah"])
def test_not_knowing_the_village_in_other_words_leads_to_the_district(
    services: Services, typed: str
) -> None:
    """A regression tester, stop 56: they got "I could not find that village"."""
    chat = Chat(services, user="no-village-2")
    to_the_village_question(chat)
    said = chat.say(typed)
    assert "kabupaten" in said.lower() and "tidak menemukan desa" not in said, said


def test_a_village_at_home_typed_as_the_country_is_asked_again(sqlite_chat: Chat) -> None:
    """ "Desa Sakra, Lombok Timur" was filed as the Middle East by its "timur" (a blind
    round, stop 57)."""
    for text in ("lapor", "ya", "2", "Siti Aminah"):
        sqlite_chat.say(text)
    assert "negara mana" in sqlite_chat.say("Desa Sakra, Lombok Timur")
    assert "Timur Tengah" not in sqlite_chat.say("malaysia").split("?")[0]


@pytest.mark.parametrize("typed", ["Indonesia", "indonesia"])
def test_indonesia_typed_as_the_country_prompt_asks_is_taken(sqlite_chat: Chat, typed: str) -> None:
    """The prompt says "Masih di Indonesia? Ketik *Indonesia*", and "Indonesia" was refused
    as where the worker comes from, the same prompt again each time (a journeys tester, stop
    61)."""
    for text in ("lapor", "ya", "2", "Siti Aminah"):
        sqlite_chat.say(text)
    said = sqlite_chat.say(typed)
    assert "asal pekerja" not in said and "negara mana" not in said, said


def test_a_hedge_before_the_village_is_not_part_of_it(sqlite_chat: Chat) -> None:
    """ "kalo gk salah anjani suralaga" offered Suralaga (a regression round, stop 57)."""
    report_to_the_village(sqlite_chat, "1", "gaji kakak sy gk dibayar 4 bulan")
    assert "Anjani" in sqlite_chat.say("kalo gk salah anjani suralaga")


@pytest.mark.parametrize("refusal", ["prefer not to say", "gk usah pake nama"])
def test_a_refused_name_is_not_the_story(sqlite_chat: Chat, refusal: str) -> None:
    """They were kept as the story, and the story was never asked (a regression round,
    stop 57)."""
    for text in ("lapor", "ya", "2"):
        sqlite_chat.say(text)
    assert "nama" in sqlite_chat.say(refusal)
    sqlite_chat.say("Siti Aminah")
    sqlite_chat.say("malaysia")
    sqlite_chat.say("kuala lumpur")
    assert "Ceritakan" in sqlite_chat.say("1")


def test_a_never_mind_at_consent_is_a_no_and_a_question_about_no_is_no_answer(
    sqlite_chat: Chat,
) -> None:
    """ "gk usah kalo gitu" was kept as the story; "kalo gk setuju gmn?" ended the form (a
    regression round, stop 57)."""
    sqlite_chat.say("lapor")
    assert "setuju" in sqlite_chat.say("kalo gk setuju gmn?").lower()
    assert "tidak ada yang disimpan" in sqlite_chat.say("gk usah kalo gitu")


def test_a_question_on_privacy_at_consent_is_answered_and_a_refusal_is_not_a_question(
    sqlite_chat: Chat,
) -> None:
    """ "nama sy dirahasiakan gk?" got "choose one": its closing "gk" was read as a refusal (a
    follow-up tester, stop 60); "jgn dikirim dulu" still is no question."""
    sqlite_chat.say("sy mau lapor ke desa ada tetangga brgkt lewat calo")
    asked = sqlite_chat.say("nama sy dirahasiakan gk?")
    assert "Siapa yang melihat" in asked and "setuju" in asked
    assert "Siapa yang melihat" not in sqlite_chat.say("jgn dikirim dulu")


def test_a_question_at_consent_is_not_thanked_as_kept_before_consent(sqlite_chat: Chat) -> None:
    """ "trus nanti siapa yg hubungi sy?" was thanked as kept for the report, before any
    consent (a follow-up tester, stop 60): what happens to a report, and consent asked again."""
    sqlite_chat.say("sy mau lapor ke desa ada tetangga brgkt lewat calo")
    said = sqlite_chat.say("trus nanti siapa yg hubungi sy?")
    assert "saya simpan untuk laporan" not in said
    assert "petugas desa" in said and "setuju" in said


def test_a_bare_report_refused_then_agreed_to_starts_with_consent_given(sqlite_chat: Chat) -> None:
    """ "lapor", "tidak", then "ya udh sy setuju" got a list of unrelated topics, twice (a
    journeys tester, stop 61)."""
    sqlite_chat.say("lapor")
    assert "tidak ada yang disimpan" in sqlite_chat.say("tidak")
    said = sqlite_chat.say("ya udh sy setuju")
    assert "Siapa yang melapor" in said and "Apakah Anda setuju" not in said


def test_why_consent_is_asked_is_answered_right_after_refusing_it(sqlite_chat: Chat) -> None:
    sqlite_chat.say("lapor")
    sqlite_chat.say("tidak")
    said = sqlite_chat.say("knp hrs setuju?")
    assert "hapus data saya" in said and "Lapor lagi" in said
    assert "Siapa yang melapor" in sqlite_chat.say("setuju")
