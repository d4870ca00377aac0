"""Someone for whom reading or writing is hard is told what they can do without it: a free
number to call, and a report whose officer listens to voice notes."""

from __future__ import annotations

import pytest

from tests.conftest import Chat


@pytest.mark.parametrize(
    "text",
    [
        "bisa sy telpon aja? sy gk bisa baca tulis",
        "ibu sy buta huruf pak",
        "tiang ndek bau baca tulis",
        "sy gk lancar baca, bisa lewat telpon aja?",
        "i cannot read or write, can i call someone",
    ],
)
def test_writing_being_hard_gets_numbers_to_call_and_an_officer(chat: Chat, text: str) -> None:
    reply = chat.send(text)[-1]
    assert "0800-1000" in reply.text and "0811-8080-141" in reply.text
    assert "voice" in reply.text or "pesan suara" in reply.text
    assert [b.id for b in reply.buttons] == ["cmd:report"]


def test_a_voice_note_gets_the_same_ways_to_speak_instead(chat: Chat) -> None:
    said = chat.say(media="voice", media_ref="v1")
    assert "pesan suara" in said and "0800-1000" in said


@pytest.mark.parametrize(
    "text",
    [
        "sy tidak bisa baca kontrak krn bahasa mandarin",  # a contract she cannot read
        "kalau ada masalah telpon kbri langsung aja?",  # an authority's number
        "bisa bicara langsung dengan petugas untuk pengaduan?",  # a report
    ],
)
def test_a_page_one_cannot_read_or_a_call_to_make_is_not_that(chat: Chat, text: str) -> None:
    assert "membaca atau menulis sulit" not in chat.say(text)


@pytest.mark.parametrize("text", ["pak kalau sy lapor disini bayar gk? brp biayanya?"])
def test_what_a_report_costs_is_nothing(chat: Chat, text: str) -> None:
    """It got the rules on placement fees (a family chat tester, stop 49)."""
    said = chat.say(text)
    assert "Melapor di sini gratis" in said and "Pasal 30" not in said


def test_unpaid_wages_to_report_are_not_a_question_of_what_reporting_costs(chat: Chat) -> None:
    assert "Melapor di sini gratis" not in chat.say(
        "gaji anak sy blm bayar 3 bulan, lapor kmn pak?"
    )


@pytest.mark.parametrize(
    "text",
    [
        "I prefer to call someone, typing is hard for me",
        "tiang ndek bau mace tulis",
        "sy kirim vn aja ya bu, males ngetik",
    ],
)
def test_more_ways_of_saying_writing_is_hard(chat: Chat, text: str) -> None:
    """Missed by the first version (a third chat tester, stop 49)."""
    assert "0800-1000" in chat.say(text)


def test_a_language_one_cannot_read_is_not_reading_itself(chat: Chat) -> None:
    said = chat.say("ibu sy di hongkong gk bisa baca sms dari agensi krn bahasa inggris")
    assert "membaca atau menulis sulit" not in said


@pytest.mark.parametrize("text", ["lapor ke petugas desa bayar brp?", "berapa duit klo mau lapor?"])
def test_what_reporting_costs_asked_with_where_words(chat: Chat, text: str) -> None:
    assert "Melapor di sini gratis" in chat.say(text)


@pytest.mark.parametrize(
    "text",
    [
        "ini nomor sy 081934567890 tolong telpon sy pak, sy gk ngerti hp",
        "tolong hubungi sy pak",
        "please call me back, my number is 0819123456",
    ],
)
def test_asking_to_be_phoned_is_told_who_can_be_called_not_given_the_danger_reply(
    chat: Chat, text: str
) -> None:
    """ "tolong" read as a plea gave a request to be phoned the danger reply (stop 50)."""
    reply = chat.send(text)[-1]
    assert "tidak bisa menelepon" in reply.text or "cannot make phone calls" in reply.text
    assert "0800-1000" in reply.text and "Polisi" not in reply.text
    assert [b.id for b in reply.buttons] == ["cmd:report"]


@pytest.mark.parametrize(
    "text",
    [
        "tolong telpon sy pak, anak sy d sekap majikan",  # danger told beside it
        "my daughter call me crying, her employer beat her",  # she called; not a request
    ],
)
def test_danger_beside_a_call_or_a_call_told_keeps_the_danger_reply(chat: Chat, text: str) -> None:
    said = chat.say(text)
    assert "dalam bahaya" in said or "in danger" in said


@pytest.mark.parametrize(
    "text",
    [
        "kmrn ada org ngaku petugas dr migran telpon sy minta nomor ktp sm transfer 500rb biar "
        "laporan cepet diproses",
        "ada yg ngaku dari kbri telpon, minta tf 3 juta buat ngurus berkas anak sy",
    ],
)
def test_someone_posing_as_an_officer_for_money_is_told_a_report_costs_nothing(
    chat: Chat, text: str
) -> None:
    """It opened a new report, and "sy udh transfer 200rb" got no warning (a family-side
    tester, stop 65)."""
    said = chat.say(text)
    assert "Jangan membayar siapa pun" in said and "Sebelum saya menanyakan data diri" not in said


def test_an_officer_who_visits_is_not_an_impostor(chat: Chat) -> None:
    assert "Jangan membayar" not in chat.say(
        "petugas desa td dtg ke rumah, katanya laporan sy udh diterima"
    )


def test_is_it_really_an_officer_is_told_a_report_costs_nothing(chat: Chat) -> None:
    chat.say("td ada yg telpon ngaku dr kedutaan minta transfer 2 juta biar cepet")
    assert "Jangan membayar siapa pun" in chat.say("itu beneran petugas gk?")
