"""The topics `migran eval` counts as offered are the topics the chat shows as choices.

`helpful` is measured on the triage's reading (`Reading.offered`); a choice the reading holds
but the reply has no room for would make that figure a promise the chat does not keep.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.triage import CHOICES_ALONE, Triage
from bot.types import Reply
from knowledge.evaluation import read_labelled
from tests.cases_support import GUESSED
from tests.conftest import Chat

DATA = Path(__file__).resolve().parent.parent / "data"
TOPIC = "topic:"


def shown_topics(replies: list[Reply]) -> list[str]:
    """The topics offered as buttons or list rows, in the order the chat shows them."""
    return [
        option.id.removeprefix(TOPIC)
        for reply in replies
        for option in reply.options
        if option.id.startswith(TOPIC)
    ]


@pytest.fixture(scope="module")
def stories() -> list[str]:
    rows = read_labelled(DATA / "real_messages_4.jsonl")
    return [row.question for row in rows[:40]]


def test_every_choice_counted_is_shown_and_nothing_else(sqlite_services, stories) -> None:  # type: ignore[no-untyped-def]
    triage = sqlite_services.dispatcher.engine.triage
    longest = 0
    for n, text in enumerate(stories):
        reading = triage.read(text)
        replies = Chat(sqlite_services, user=f"u{n}").send(text)
        assert shown_topics(replies) == list(reading.shown_choices), text
        if reading.topic is None and len(reading.offered) > 3:
            # more than three choices come as one list behind a single "Choose" tap
            assert any(len(reply.rows) > len(reading.offered) for reply in replies)
            longest = max(longest, len(reading.offered))
    assert 3 < longest <= CHOICES_ALONE + 1, "no story here needed more than three choices"


def test_a_long_story_answered_offers_its_other_needs_one_tap_each(sqlite_services) -> None:  # type: ignore[no-untyped-def]
    """A story answered for one need offers the others: the first and the emergency numbers
    beside the answer, the rest as a second message of buttons (no extra "Choose" tap)."""
    story = (
        "Pak anak saya sudah dua tahun kerja di Taiwan, tiap bulan kirim uang lewat agen tapi "
        "sekarang uangnya sering telat sampai dan potongannya besar sekali, kami di kampung "
        "bingung"
    )
    reading = sqlite_services.dispatcher.engine.triage.read(story)
    assert reading.topic is not None and len(reading.offered) > 2, reading
    replies = Chat(sqlite_services, user="story").send(story)
    answer, more = replies[-2], replies[-1]
    beside = [b.id.removeprefix(TOPIC) for b in answer.buttons if b.id.startswith(TOPIC)]
    assert beside == list(reading.offered[:2]) and "kontak-darurat" in beside
    assert any(not b.id.startswith(TOPIC) for b in answer.buttons)  # "ask an officer"
    assert [b.id.removeprefix(TOPIC) for b in more.buttons] == list(reading.offered[2:])
    assert not more.rows


def test_someone_in_danger_gets_the_numbers_and_an_answer_with_two_buttons_only(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """No third message of topics after the danger reply and its answer: the numbers and
    *Urgent report* come first and nothing should crowd them."""
    story = (
        "Pak istri saya kerja di Malaysia sudah tiga bulan gajinya tidak dibayar, sekarang dia "
        "dikurung majikan dan tidak dikasih makan, kami di Lombok bingung sekali"
    )
    reading = sqlite_services.dispatcher.engine.triage.read(story)
    assert reading.urgent and reading.topic is not None and len(reading.offered) <= 2, reading
    replies = Chat(sqlite_services, user="danger").send(story)
    assert len(replies) == 2, [r.text[:40] for r in replies]
    assert any(b.id == "cmd:urgent" for b in replies[0].buttons)


def test_someone_held_on_a_ship_hears_about_trafficking_after_the_numbers(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """The danger reply first, then the answer the message is about (trafficking), with abuse
    by the employer, the held kind's usual answer, one tap away."""
    story = "kami disekap di kapal, tidak boleh turun ke darat"
    topics = sqlite_services.dispatcher.engine.triage.librarian.topics
    replies = Chat(sqlite_services, user="held").send(story)
    assert any(b.id == "cmd:urgent" for b in replies[0].buttons)
    answer = topics["perdagangan-orang"].text("id")
    assert any(answer[:60] in r.text for r in replies[1:]), [r.text[:60] for r in replies]
    assert "kekerasan-majikan" in shown_topics(replies)


def test_a_guess_is_answered_as_a_guess_and_keeps_every_other_choice(sqlite_services) -> None:  # type: ignore[no-untyped-def]
    """The first choice the words lean to is answered, saying it may not be what was meant,
    and the other choices follow it, each one tap away."""
    triage = sqlite_services.dispatcher.engine.triage
    reading = triage.read(GUESSED)
    assert reading.guessed and reading.topic == "perdagangan-orang", reading
    assert len(reading.offered) == CHOICES_ALONE - 1 and reading.topic not in reading.offered
    replies = Chat(sqlite_services, user="guess").send(GUESSED)
    answer = triage.librarian.topics["perdagangan-orang"].text("id")
    first = next(r for r in replies if answer[:60] in r.text)
    assert first.text.startswith("Sepertinya ini yang Anda tanyakan. Kalau bukan, pilih di bawah.")
    assert shown_topics(replies) == list(reading.shown_choices)


def test_a_number_with_nothing_of_that_number_to_pick_is_told_so(chat: Chat) -> None:
    # before any list, "1" drew five unrelated topics as if it were a question
    alone = chat.send("1")
    assert "tidak ada pilihan bernomor" in alone[0].text.lower()
    assert not shown_topics(alone)
    offered = chat.send("gaji minimum hongkong brp")
    count = len([o for r in offered for o in r.options])
    beyond = chat.send(str(count + 1))
    assert f"1 sampai {count}" in beyond[0].text and not shown_topics(beyond)
    # a number in range still presses its option, and a phone number is no choice
    assert "tidak ada pilihan" not in chat.send("1")[0].text.lower()
    assert "tidak ada pilihan" not in chat.send("081234567890")[0].text.lower()


def test_a_number_typed_with_a_stop_presses_its_option(chat: Chat) -> None:
    # "2." was told there was no option 2 beside a list of three (the number was read one way
    # to press an option and another to say there was none)
    chat.send("gaji minimum hongkong brp")
    assert "tidak ada pilihan" not in chat.send("2.")[0].text.lower()


@pytest.mark.parametrize(
    "despair",
    [
        "aku udah gak kuat, mending bunuh diri aja",
        "i just want to die tonight",
        # other words for it, and a Sasak one whose words lean to a worker's death (a second
        # chat tester, stop 45)
        "sy mau meninggal aja",
        "i feel like dying",
        "better if i die",
        "tiang mele mate",
    ],
)
def test_someone_who_wants_to_die_is_spoken_to_and_offered_no_unrelated_topics(
    sqlite_services, despair: str
) -> None:  # type: ignore[no-untyped-def]
    """A wish to die got the numbers with no word to the person, and money topics beside them
    ("Kirim uang", "KUR"; a chat tester, stop 45). A few plain words come first, then the
    numbers and *Urgent report*, and no topic the ranking guessed from so few words."""
    replies = Chat(sqlite_services, user="despair").send(despair)
    assert len(replies) == 1, [r.text[:40] for r in replies]
    text = replies[0].text
    assert text.startswith(("Terima kasih sudah bercerita", "Thank you for telling me")), text
    assert "0811-8080-141" in text
    assert [b.id for b in replies[0].buttons] == ["cmd:urgent"]
    assert shown_topics(replies) == []


def test_a_wish_to_die_told_after_the_numbers_is_spoken_to_not_noted(sqlite_services) -> None:  # type: ignore[no-untyped-def]
    """After the numbers for a beating, "saya mau mati aja pak" got "I have added this to what
    you told me" (stop 45). It gets the caring words and the numbers again; told once more, a
    few words to the person and *Urgent report*, not the whole list a third time."""
    chat = Chat(sqlite_services, user="after")
    first = chat.send("majikan saya pukul saya tiap hari di malaysia")
    assert first[0].text.startswith("Jika ada orang dalam bahaya"), first[0].text
    again = chat.send("saya mau mati aja pak")
    assert again[0].text.startswith("Terima kasih sudah bercerita"), again[0].text
    assert "+60 17-668 8032" in again[0].text  # Malaysia's numbers, from the first message
    detail = chat.send("namanya siti")[0].text
    assert detail.startswith("Terima kasih, ini saya tambahkan"), detail
    once_more = chat.send("saya mau mati")
    assert once_more[0].text.startswith("Anda tidak sendirian"), once_more[0].text
    assert "+60" not in once_more[0].text
    assert once_more[0].buttons[0].id == "cmd:urgent"


def test_a_death_told_by_the_family_is_met_with_condolences_once(sqlite_services) -> None:  # type: ignore[no-untyped-def]
    """ "pak adek sy meninggal d malaysia" got the answer on sickness and death with no word to
    the family (two chat testers, stop 46). A question about deaths in general gets none."""
    chat = Chat(sqlite_services, user="grief")
    first = chat.send("pak adek sy meninggal d malaysia, jatuh d tempat kerja")
    assert first[0].text == "Saya turut berduka cita atas kepergiannya.", first[0].text
    assert any("JKM" in r.text for r in first[1:])
    again = chat.send("suami sy udh meninggal kemarin, jenazahnya gmn pak")
    assert all("berduka" not in r.text for r in again)
    employer = Chat(sqlite_services, user="akong").send("istri sy majikannya meninggal, gmn?")
    assert all("berduka" not in r.text for r in employer)  # the employer's death is news
    general = Chat(sqlite_services, user="asks").send("kalau PMI meninggal di luar negeri gmn?")
    assert all("berduka" not in r.text for r in general)
    for regional in ("inaq tiang mate lekan arab", "semeton tiang mate lekan saudi"):
        told = Chat(sqlite_services, user=regional).send(regional)  # a third tester, stop 46
        assert told[0].text == "Saya turut berduka cita atas kepergiannya.", regional
    english = Chat(sqlite_services, user="en").send("my brother died in Saudi, what do we do")
    assert english[0].text == "I am very sorry for your loss.", english[0].text


def test_a_death_abroad_stays_the_subject_of_the_next_messages(sqlite_services) -> None:  # type: ignore[no-untyped-def]
    """ "bapak sy meninggal di malaysia kemarin, kerja di ladang sawit tawau" got the legal
    route to Malaysia after the condolences, and "perusahaan gk angkat telpon" the steps for
    a worker missing for weeks (a chat tester, stop 47): the company's duty to bring the body
    home leads, the missing-person steps stay one tap away."""
    chat = Chat(sqlite_services, user="tawau")
    told = chat.send("bapak sy meninggal di malaysia kemarin, kerja di ladang sawit tawau")
    assert told[0].text == "Saya turut berduka cita atas kepergiannya."
    assert any("P3MI wajib memulangkan jenazah" in r.text for r in told), [r.text for r in told]
    company = chat.send("perusahaan gk angkat telpon")  # the answer's detail, just given
    assert company[0].text.startswith("Tentang *Sakit atau meninggal*"), company[0].text
    assert any(b.title == "Hilang kontak" for r in company for b in r.buttons), company
    alone = Chat(sqlite_services, user="missing").send("perusahaan gk angkat telpon")
    assert all("P3MI wajib memulangkan jenazah" not in r.text for r in alone)


def test_despair_after_a_wish_to_die_is_spoken_to_and_the_place_is_remembered(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """After "sy mau mati aja pak", "bener pak sy gk kuat" got the answer on fines for going
    home early and "gk ada yg peduli" the one on irregular departure; a wish to die told after
    "d sekap d johor" asked for the country again (a chat tester, stop 46)."""
    chat = Chat(sqlite_services, user="jeddah")
    chat.send("tolong pak sy d pukul majikan d jeddah")
    assert chat.send("sy mau mati aja pak")[0].text.startswith("Terima kasih sudah bercerita")
    for despair in ("bener pak sy gk kuat", "gk ada yg peduli"):
        reply = chat.send(despair)
        assert reply[0].text.startswith("Anda tidak sendirian"), (despair, reply[0].text)
    johor = Chat(sqlite_services, user="johor")
    johor.send("pak anak sy d sekap agen d johor, gk blh kluar")
    wish = johor.send("sy udh gk kuat pak pengen bunuh diri aja")[0].text
    assert wish.startswith("Terima kasih sudah bercerita") and "+60 17-668 8032" in wish, wish
    assert "Sebutkan negara" not in wish


def test_a_means_named_after_a_wish_to_die_gets_the_numbers_again_first(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """ "sy udah pegang pisau" after a wish to die, the place and despair got "added to your
    story" (a chat tester, stop 47): it gets the one thing to do first and the numbers for
    the place given, again."""
    chat = Chat(sqlite_services, user="knife")
    chat.send("sy gk kuat lg, mending sy mati aja drpd d siksa trs")
    chat.send("sy d jeddah")
    chat.send("gk ada yg peduli")
    knife = chat.send("sy udah pegang pisau")[0].text
    assert knife.startswith("Tolong jauhkan benda itu dari Anda sekarang"), knife
    assert "KJRI Jeddah" in knife and "Hotline Kemlu" in knife, knife


def test_someone_out_of_reach_after_the_danger_reply_gets_the_hotlines_not_weeks_of_steps(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """ "nomor hp nya gk aktif skrg" after "she says she will hang herself in Taipei" got the
    paperwork for a worker missing for weeks (a chat tester, stop 47)."""
    chat = Chat(sqlite_services, user="taipei")
    chat.send("anak sy bilang mau gantung diri d kamar majikan nya d taipei, gmn ini pak")
    reply = chat.send("nomor hp nya gk aktif skrg")[0].text
    assert reply.startswith("Segera minta bantuan"), reply
    assert "*1955*" in reply and "Hotline Kemlu" in reply, reply


def test_poison_taken_no_answer_and_a_sad_face_after_the_danger_reply_are_met(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """A third chat tester, stop 47: "sy udh minum racun" after a wish to die was told to put
    it away; "she doesnt answer anymore" and "hpnya mati skrg" got "added to your story";
    "😢" after a wish to die got "I can only read words"."""
    poison = Chat(sqlite_services, user="poison")
    poison.send("sy mau mati aja")
    taken = poison.send("sy udh minum racun")[0].text
    assert taken.startswith("Segera panggil ambulans"), taken
    riyadh = Chat(sqlite_services, user="riyadh")
    riyadh.send("my sister is locked in by her employer in Riyadh")
    silent = riyadh.send("she doesnt answer anymore")[0].text
    assert silent.startswith("Call for help now"), silent
    batam = Chat(sqlite_services, user="batam")
    batam.send("adik sy d kurung majikan d batam")
    assert batam.send("hpnya mati skrg")[0].text.startswith("Segera minta bantuan")
    sad = Chat(sqlite_services, user="sad")
    sad.send("sy pengen mati aja")
    assert sad.send("😢")[0].text.startswith("Anda tidak sendirian")
    alone = Chat(sqlite_services, user="emoji").send("😢")
    assert alone[0].text.startswith("Saya hanya bisa membaca"), alone[0].text


def test_someone_held_is_answered_with_help_for_the_held_not_the_route_they_took(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """After the numbers, "locks her in the house" with a sponsor in Mataram named got a
    broker's signs (a third chat tester, stop 47); the help for someone held leads."""
    reading = sqlite_services.dispatcher.engine.triage.read(
        "my sister went to Saudi thru a sponsor in Mataram and now her employer locks her in "
        "the house"
    )
    assert reading.urgent and reading.country is not None and reading.country.code == "SA"
    assert reading.topic in ("kekerasan-majikan", "perdagangan-orang"), reading.topic


def test_a_bare_plea_gets_the_numbers_and_no_topics_guessed_from_its_words(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """ "please save me" was offered money management and loans beside the numbers, "tolong
    selamatkan saya" workers' rights and irregular departure (a chat tester, stop 45). The
    plea gets the danger reply and *Urgent report*, without the words meant for someone who
    wants to die; a plea whose story the ranking answers keeps its answer and choices."""
    replies = Chat(sqlite_services, user="plea").send("tolong selamatkan saya")
    assert len(replies) == 1 and shown_topics(replies) == [], [r.text[:40] for r in replies]
    assert replies[0].text.startswith("Jika ada orang dalam bahaya")
    story = (
        "tolong selamatkan anak saya di malaysia pak, sudah tiga bulan tidak ada kabar dan "
        "agennya tidak bisa dihubungi"
    )
    reading = sqlite_services.dispatcher.engine.triage.read(story)
    assert reading.urgent and reading.topic == "hilang-kontak" and reading.offered, reading


def test_a_wish_to_die_told_beside_a_beating_is_spoken_to_and_answered_for_the_beating(
    sqlite_services,
) -> None:  # type: ignore[no-untyped-def]
    """ "I want to die, my boss hits me every day" got the beating's reply without a word to
    the person (the rules read the beating first): the words come first, and the beating's
    answer still follows the numbers."""
    replies = Chat(sqlite_services, user="both").send("I want to die, my boss hits me every day")
    assert replies[0].text.startswith("Thank you for telling me"), replies[0].text
    assert any("right to protection from violence" in r.text for r in replies[1:]), replies


def test_not_bearing_it_is_no_passport_held(triage: Triage) -> None:
    """ "tidak tahan" (cannot bear it) read "tahan" as a passport held: "sudah tidak tahan
    dengan majikan" was answered with kept papers (a family chat tester, stop 48). Without a
    paper named, kept papers come last; named, they are answered."""
    reading = triage.read("sudah tidak tahan dengan majikan")
    assert reading.topic != "dokumen-ditahan"
    assert reading.offered[:1] != ("dokumen-ditahan",)
    assert triage.read("paspor sy ditahan agen").topic == "dokumen-ditahan"


def test_a_wish_to_die_with_its_cause_gets_the_numbers_and_two_choices(triage: Triage) -> None:
    """ "adik saya di malaysia mau bunuh diri katanya gk tahan di majikan" got the numbers and
    then the answer on a passport held (a family chat tester, stop 48): the caring words and
    the numbers, with the cause two taps away at most."""
    reading = triage.read("adik saya di malaysia mau bunuh diri katanya gk tahan di majikan")
    assert reading.urgent and reading.danger is not None and reading.danger.wishes_to_die
    assert reading.topic is None and len(reading.offered) <= 2
    assert "dokumen-ditahan" not in reading.offered and "kekerasan-majikan" in reading.offered


def test_wounds_of_a_worker_who_died_are_grief_not_danger_now(triage: Triage) -> None:
    """ "suami sy meninggal di malaysia, badannya luka2" opened with the emergency reply (a
    family chat tester, stop 48): the death is answered, the blow suspected one tap away.
    Someone still there keeps it danger."""
    for text in (
        "suami sy meninggal di malaysia, badannya luka2, kata agen jatuh",
        "pak anak sy meninggal di malaysia 5 hari lalu, kabarnya kecelakaan di tempat kerja, tp "
        "badannya banyak luka, sy curiga dia dipukul",
    ):
        reading = triage.read(text)
        assert not reading.urgent and reading.topic == "pmi-meninggal-sakit", text
    assert triage.read("anak sy dipukul majikan sampai meninggal, temannya masih disiksa").urgent


def test_any_wish_to_die_beside_a_harm_is_spoken_to_with_two_choices_at_most(
    triage: Triage,
) -> None:
    """ "sy pengen mati aja, gk kuat d siksa majikan" got the caring words, the answer on
    violence and four choices; "my sister wants to kill herself, her employer beats her" got
    no caring words (a tester, stop 48). The harm's answer stays (stop 47); the choices are
    two at most."""
    for text in (
        "sy pengen mati aja, gk kuat d siksa majikan",
        "my sister wants to kill herself, her employer beats her",
    ):
        reading = triage.read(text)
        assert reading.danger is not None and reading.danger.wishes_to_die, text
        assert len(reading.offered) <= 2, (text, reading.offered)


def test_a_threat_to_kill_beside_a_choking_is_answered_for_the_abuse_not_a_deaths_benefits(
    triage: Triage,
) -> None:
    """The numbers were followed by a worker's death payouts (a long-plea chat tester, stop
    52): what to do when abused comes after them, the rest stays a choice."""
    reading = triage.read(
        "Bu sy Wati kerja d Singapura jd helper, ngurus 3 anak dan nenek yg sakit. kemarin "
        "nyonya ngancam mau bunuh sy kalau anaknya jatuh lagi, dia cekik leher sy. sy takut"
    )
    assert reading.urgent and reading.topic != "pmi-meninggal-sakit"
    assert "kekerasan-majikan" in (reading.topic, *reading.offered[:1])


def test_bleeding_without_care_is_answered_for_the_illness_not_the_wages(triage: Triage) -> None:
    reading = triage.read(
        "aku Desi d Hsinchu Taiwan, kerja di pabrik, hamil 3 bulan. agensi bilang kalau ketahuan "
        "hamil aku dipulangin. aku gk berani ke dokter. tadi pagi perut aku sakit bgt dan keluar "
        "darah banyak. gaji juga masih dipotong utang 4 bulan"
    )
    assert reading.urgent and reading.topic == "pmi-meninggal-sakit"
