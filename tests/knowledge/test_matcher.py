"""The answer engine on questions written apart from the content (tests/data/*_questions.jsonl).

- heldout: 265 questions written before the engine was tuned, never used to choose anything.
- blind: 265 questions written at the end of the second round by a helper who saw only the list
  of topic meanings; evaluated once, never used to choose anything. The best guess of how the
  engine does on questions nobody has seen.
- validation: 486 questions (a fifth of them long family stories, 90 out of scope) written blind
  to the content and to every other set, then used to choose between engine designs (weights,
  the story rule). Its figures are therefore a little optimistic; heldout keeps us honest.

The figures are regression floors, a little under what the engine measured when they were set
(see docs/benchmarks.md): a drop means a content or matcher change made answers worse.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bot.triage import CHOICES_ALONE, LONG_STORY_WORDS, MAX_OFFERED, STORY_OTHERS, Triage
from knowledge import Librarian
from knowledge.danger_model import DangerModel
from knowledge.emergency import EMERGENCY_TOPIC
from knowledge.evaluation import evaluate, read_labelled
from tests.knowledge.real_sets import LATER_SET_IDS

DATA = Path(__file__).resolve().parent.parent / "data"
HELDOUT = DATA / "heldout_questions.jsonl"
VALIDATION = DATA / "validation_questions.jsonl"
BLIND = DATA / "blind_questions.jsonl"


@pytest.fixture(scope="module")
def report(triage: Triage):  # type: ignore[no-untyped-def]
    return evaluate(triage.read, read_labelled(HELDOUT))


@pytest.fixture(scope="module")
def validation(triage: Triage):  # type: ignore[no-untyped-def]
    return evaluate(triage.read, read_labelled(VALIDATION))


def test_heldout_top1_accuracy_stays_high(report) -> None:  # type: ignore[no-untyped-def]
    assert report.in_scope >= 200
    assert report.top1 >= TOP1_FLOOR, report.summary_lines()


def test_out_of_scope_questions_are_rarely_answered(report) -> None:  # type: ignore[no-untyped-def]
    assert report.out_of_scope >= 40
    assert report.oos_answered <= OOS_CEILING, report.summary_lines()


def test_blind_questions_meet_the_accuracy_goal(triage: Triage) -> None:
    blind = evaluate(triage.read, read_labelled(BLIND))
    assert blind.in_scope >= 220 and blind.out_of_scope >= 45
    assert blind.top1 >= BLIND_TOP1_FLOOR, blind.summary_lines()
    assert blind.oos_answered <= OOS_CEILING, blind.summary_lines()


def test_validation_questions_including_long_stories_are_answered(validation) -> None:  # type: ignore[no-untyped-def]
    assert validation.in_scope >= 390 and validation.out_of_scope >= 90
    assert validation.top1 >= VALIDATION_TOP1_FLOOR, validation.summary_lines()
    assert validation.oos_answered <= OOS_CEILING, validation.summary_lines()


def test_abstaining_offers_no_topic_but_close_calls_offer_choices(librarian: Librarian) -> None:
    answer = librarian.ask("resep ayam taliwang gmn bikinnya")
    assert answer.topic is None
    match = librarian.matcher.match("gaji")
    assert match.candidates, "a one-word domain question still ranks topics"


def test_greetings_and_thanks_are_recognised_before_the_knowledge_base(
    librarian: Librarian,
) -> None:
    assert librarian.ask("assalamualaikum kak").intent == "greeting"
    assert librarian.ask("makasih banyak ya").intent == "thanks"
    assert librarian.ask("menu").intent == "menu"
    assert librarian.ask("halo kak, paspor sy ditahan majikan").topic is not None


@pytest.mark.parametrize(
    "greeting",
    [
        "slamat pagi",
        "slamat siang pak",
        "met malam",
        "asalamualaikum",
        "assalamualaikum wr wb",
        "salam kenal pak",
        "maaf",
        "excuse me",
        "maaf pak ganggu",
    ],
)
def test_greetings_as_people_type_them_are_greetings(librarian: Librarian, greeting: str) -> None:
    """ "slamat pagi" was answered with the training sign-up and "slamat siang" started the
    report form (a chat tester, stop 46): a misspelt greeting is still a greeting."""
    assert librarian.ask(greeting).intent == "greeting", greeting


@pytest.mark.parametrize(
    "thanks", ["trima ksh", "trima ksh pak", "thank u", "thankyou", "makasih bnyk pak"]
)
def test_thanks_as_people_type_them_are_thanks(librarian: Librarian, thanks: str) -> None:
    """ "trima ksh" got "added to your report" and "thank u" was not understood (a chat
    tester, stop 46)."""
    assert librarian.ask(thanks).intent == "thanks", thanks


def test_a_greeting_before_asking_leave_to_ask_is_a_request_for_help(librarian: Librarian) -> None:
    """People open with a greeting and leave to ask, and the question follows in the next
    message: "assalamualaikum pak, sy mau tanya" is met with how to ask, not with topics."""
    for opening in (
        "assalamualaikum pak, sy mau tanya",
        "pagi pak mau tanya dong",
        "izin bertanya",
    ):
        assert librarian.ask(opening).intent == "help", opening
    assert librarian.ask("selamat malam admin").intent == "greeting"
    assert librarian.ask("pagi pak, mau tanya soal paspor").intent is None


def test_thanks_confusion_and_a_number_sent_alone_are_not_questions(librarian: Librarian) -> None:
    """After an answer people thank, say they did not understand, or send a number; none of
    these is a question about the last topic ("trus gmn?" still is: bot/pieces.py)."""
    assert librarian.ask("terima kasih banyak pak atas infonya").intent == "thanks"
    for confused in ("maksudnya gimana pak?", "gak ngerti", "kurang jelas bu", "i dont understand"):
        assert librarian.ask(confused).intent == "confused", confused
    for number in ("081234567890", "+62 812-3456-7890", "5201234567890001"):
        assert librarian.ask(number).intent == "number", number
    for follow_up in ("trus gmn?", "gimana pak", "biayanya berapa?", "2024"):
        assert librarian.ask(follow_up).intent is None, follow_up
    assert librarian.ask("pak").intent == "greeting"


def test_addressing_the_bot_as_sir_is_a_greeting_but_sir_the_employer_still_counts(
    librarian: Librarian,
) -> None:
    """Workers in Hong Kong call the employer "Sir"; a lone "please sir" is only a greeting,
    and was answered with the employer-abuse topic."""
    for message in ("sir", "please sir", "hello sir", "good morning sir"):
        assert librarian.ask(message).intent == "greeting", message
    answer = librarian.ask("sir, my employer slap me every day")
    assert answer.topic is not None and answer.topic.slug == "kekerasan-majikan"


def test_confidence_is_between_zero_and_one_and_ranked(librarian: Librarian) -> None:
    match = librarian.matcher.match("syarat jadi tki apa aja")
    scores = [c.score for c in match.candidates]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)


def test_a_long_family_story_is_read_for_its_topic(librarian: Librarian) -> None:
    story = (
        "Assalamualaikum pak, sy Maemunah dr Jerowaru. Anak sy yg perempuan, namanya Nurul, "
        "kerja jd pembantu di Kuala Lumpur udh hampir 2 thn. Dulu tiap bulan kirim uang, tp "
        "sejak lebaran kemarin dia bilang majikannya gk bayar gajinya 5 bulan, katanya nanti2 "
        "terus. Sy bingung, di rumah jg cucu sy sekolah butuh biaya. Gmn caranya supaya "
        "gajinya dibayar?"
    )
    answer = librarian.ask(story)
    assert answer.topic is not None and answer.topic.slug == "gaji-tidak-dibayar"
    assert 0.0 < answer.score <= 1.0


def test_an_everyday_story_that_mentions_working_abroad_is_not_answered(
    librarian: Librarian,
) -> None:
    story = (
        "Sy Pak Amir dr Kopang. Dulu sy pernah kerja di Malaysia 5 thn, skrg sy bertani cabe "
        "di sawah sendiri. Musim hujan ini daun cabenya keriting dan kuning semua, buahnya "
        "busuk sebelum merah. Obat apa yg bagus dan brp kali semprot seminggu?"
    )
    assert librarian.ask(story).topic is None


TOP1_FLOOR = 0.94
VALIDATION_TOP1_FLOOR = 0.85
BLIND_TOP1_FLOOR = 0.92
OOS_CEILING = 0.05
REAL_TOP1_FLOOR = 0.60
REAL_HELPFUL_FLOOR = 0.91
REAL_DEAD_END_CEILING = 0.02


REAL = DATA / "real_messages.jsonl"
REAL_2 = DATA / "real_messages_2.jsonl"
REAL_3 = DATA / "real_messages_3.jsonl"
REAL_4 = DATA / "real_messages_4.jsonl"
REAL_5 = DATA / "real_messages_5.jsonl"
REAL_6 = DATA / "real_messages_6.jsonl"
REAL_7 = DATA / "real_messages_7.jsonl"
REAL_8 = DATA / "real_messages_8.jsonl"
REAL_9 = DATA / "real_messages_9.jsonl"
REAL_10 = DATA / "real_messages_10.jsonl"
REAL_11 = DATA / "real_messages_11.jsonl"
REAL_12 = DATA / "real_messages_12.jsonl"
REAL_13 = DATA / "real_messages_13.jsonl"
REAL_14 = DATA / "real_messages_14.jsonl"
REAL_15 = DATA / "real_messages_15.jsonl"
REAL_16 = DATA / "real_messages_16.jsonl"
REAL_17 = DATA / "real_messages_17.jsonl"
REAL_18 = DATA / "real_messages_18.jsonl"
REAL_19 = DATA / "real_messages_19.jsonl"
REAL_20 = DATA / "real_messages_20.jsonl"
REAL_21 = DATA / "real_messages_21.jsonl"
REAL_22 = DATA / "real_messages_22.jsonl"
REAL_23 = DATA / "real_messages_23.jsonl"


def test_real_messages_are_never_a_dead_end_for_someone_in_danger(triage: Triage) -> None:
    """226 messages migrants and families published (tests/data/real_messages.jsonl, sources
    per line); used to choose designs, never copied into the content. Floors a little under
    the measured figures (docs/benchmarks.md)."""
    real = evaluate(triage.read, read_labelled(REAL))
    assert real.in_scope >= 200 and real.in_danger >= 45
    assert real.urgent_recall == 1.0, real.danger_misses
    assert real.false_alarm_rate <= 0.06, real.summary_lines()
    assert real.top1 >= REAL_TOP1_FLOOR, real.summary_lines()
    assert real.helpfulness >= REAL_HELPFUL_FLOOR, real.summary_lines()
    assert real.abstention <= REAL_DEAD_END_CEILING, real.summary_lines()
    # 2 of 13 since a guess the topic model is sure of is answered (stop 38): a worker's
    # homesickness (answered for the family's side) and a payday post (for unpaid wages); 3
    # since the second round of pleas (stop 45: a worker's first days in Hong Kong answered
    # with coming home), while out of scope answered fell 89 -> 85 of 338 over every set; 4
    # since guesses start at 0.6 (stop 47: a worker going home for Eid despite the ban,
    # answered with coming home), while top-1 on the unread halves rose 0.506 -> 0.519
    assert real.oos_answered <= 0.31, real.summary_lines()


def test_a_plea_about_work_pay_or_health_gets_choices_not_a_dead_end(triage: Triage) -> None:
    plea = (
        "Sudah dua minggu saya demam dan badan lemas, bos tidak mau antar ke dokter "
        "dan bilang biaya berobat nanti dipotong dari gaji"
    )
    reading = triage.read(plea)
    assert reading.topic is None or reading.offered
    assert reading.helped_with, "a person asking for help must get somewhere to go"


def test_a_worried_family_message_gets_choices_not_a_dead_end(triage: Triage) -> None:
    """Worry and longing are troubles of a family with someone far away (need_words.txt)."""
    reading = triage.read("Saya sedih dan bingung, sudah lama tidak ketemu ibu di sana")
    assert reading.helped_with, reading


def test_a_long_story_without_a_word_of_abroad_still_gets_choices(triage: Triage) -> None:
    """A statement of twelve words or more is someone telling their situation: the likely
    topics, not the plain fallback, even when it names no country and few troubles."""
    for story in (
        "She gives me only the leftovers from their plates and I buy my own bread with the "
        "little money I have",
        "Sudah tiga bulan saya cuma disuruh nunggu di rumah bapak itu, katanya minggu depan "
        "terus tapi tidak pernah jadi",
    ):
        reading = triage.read(story)
        assert reading.topic is not None or len(reading.offered) >= 2, reading


def test_a_statement_is_not_taken_for_a_question_by_its_auxiliaries(triage: Triage) -> None:
    for statement in (
        "I couldn't go out except to wash the car. I was only allowed to sleep when all the "
        "clothes had been washed",
        "She showed me the storeroom where I sleep, this is how they treat us here",
    ):
        assert not triage.looks_like_question(statement), statement
    for question in (
        "Can I stay. If yes how long",
        "Could my employer keep my passport",
        "is it legal to work on a tourist visa",
        "paspor saya ditahan, harus bagaimana",
        "What should i do? She is not honouring the notice",
        "how many hours a day can my employer make me work",
        "My agent says I must pay again. Where do I complain",
        "hello i want to work in hong kong what are the requirements",
        "my agency took my passport is it legal",
        "i finished my contract how much is the ticket home",
    ):
        assert triage.looks_like_question(question), question


def test_the_choices_stay_within_what_the_replies_can_show(triage: Triage) -> None:
    """Beside an answer the chat has room for two topics and "ask an officer" (three buttons),
    and a story's other needs follow in a second message (STORY_OTHERS in all, the
    numbers among the first two); without an answer, a list of five topics and, for a story,
    the emergency numbers (tests/bot/test_choices.py checks that the chat shows these)."""
    seen_more = 0
    for row in read_labelled(REAL_4):
        reading = triage.read(row.question)
        topics = [s for s in reading.offered if s != EMERGENCY_TOPIC]
        if reading.topic is None:
            assert len(topics) <= CHOICES_ALONE, reading
            assert len(reading.offered) <= CHOICES_ALONE + 1, reading
            continue
        if reading.guessed:
            # a guess keeps the other choices it would have had, and the numbers beyond them
            assert len(topics) <= CHOICES_ALONE - 1, reading
            assert len(reading.offered) <= CHOICES_ALONE, reading
            if EMERGENCY_TOPIC in reading.offered:
                assert EMERGENCY_TOPIC in reading.offered[:2], reading
            continue
        story = triage.tells_story(row.question)
        assert len(reading.offered) <= (STORY_OTHERS if story else MAX_OFFERED - 1), reading
        if EMERGENCY_TOPIC in reading.offered:
            assert EMERGENCY_TOPIC in reading.offered[:2], reading
        seen_more += len(reading.offered) > MAX_OFFERED - 1
    assert seen_more, "no long story here was offered more than two other topics"


def test_a_story_the_engine_cannot_place_has_the_emergency_numbers_as_a_choice(
    triage: Triage,
) -> None:
    """Someone in danger whose words the rules miss must not meet a dead end: a statement of
    their situation that gets choices has the numbers among them. A question does not."""
    story = (
        "Sudah tiga bulan saya cuma disuruh nunggu di rumah bapak itu, katanya minggu depan "
        "terus tapi tidak pernah jadi"
    )
    reading = triage.read(story)
    assert reading.topic is None and not reading.urgent
    assert EMERGENCY_TOPIC in reading.offered and len(reading.offered) >= 3, reading
    question = (
        "saya mau tanya soal kerja ke luar negeri, apa yang paling penting untuk saya tahu dulu"
    )
    reading = triage.read(question)
    assert reading.offered  # a guess at the official way since stop 45, with choices beside
    assert not reading.urgent and EMERGENCY_TOPIC not in reading.offered, reading


def test_a_plea_for_help_keeps_the_numbers_one_tap_away(triage: Triage) -> None:
    """Whatever else it is, a message that asks for help ("tolong", "please help") has the
    numbers among its choices, also when it is answered; the same question without the plea
    keeps its runners-up."""
    lost = triage.read("please help us, we do not know what to do anymore")
    assert not lost.urgent and lost.topic is None and EMERGENCY_TOPIC in lost.offered, lost
    pleading = triage.read("tolong jelaskan syarat kerja ke jepang")
    assert pleading.topic == "jepang" and EMERGENCY_TOPIC in pleading.offered, pleading
    official = triage.read("mohon bantuannya pak, kami sekeluarga bingung sekali")
    assert not official.urgent and EMERGENCY_TOPIC in official.offered, official
    asking = triage.read("syarat kerja ke jepang apa saja")
    assert asking.topic == "jepang" and EMERGENCY_TOPIC not in asking.offered, asking


def test_a_long_message_is_a_story_even_with_a_question_word_in_it(triage: Triage) -> None:
    """ "di mana" is also "where" in the middle of a told sentence: past LONG_STORY_WORDS a message
    with a question word still gets what a story gets; a shorter one is still a question."""
    long_one = (
        "Kemarin kakak saya kirim pesan lewat facebook, isinya tentang keadaan ibu di mana "
        "sekarang ibu katanya sering sakit dan kurus sekali"
    )
    assert triage.looks_like_question(long_one) and triage.tells_story(long_one)
    reading = triage.read(long_one)
    assert reading.topic is None and reading.offered[-1] == EMERGENCY_TOPIC, reading
    short_one = "Kemarin kakak saya kirim pesan, isinya ibu di mana sekarang sering sakit"
    assert not triage.tells_story(short_one)
    assert EMERGENCY_TOPIC not in triage.read(short_one).offered


def test_wanting_someone_brought_home_keeps_the_numbers_one_tap_away(triage: Triage) -> None:
    """Not danger by itself, but said of hunger, beatings and being held as often as of
    homesickness: whatever the reply, the emergency numbers are one of its buttons."""
    for text in (
        "anak saya di arab ingin pulang tapi agensinya belum kasih kabar kapan",
        "keluarga minta istri saya dipulangkan dari malaysia bulan ini",
        "I want to go home but the agency keeps saying wait",
        "I want go home, my contract finish in February, the broker not answer",
    ):
        reading = triage.read(text)
        assert not reading.urgent and EMERGENCY_TOPIC in reading.offered, (text, reading)
    asked = triage.read("tiket pulang kalau kontrak sudah habis siapa yang bayar")
    assert EMERGENCY_TOPIC not in (asked.topic, *asked.offered), asked


def test_a_story_answered_where_danger_happens_keeps_the_numbers_one_tap_away(
    triage: Triage,
) -> None:
    """Unpaid wages, a worker who cannot go home: the topics whose content names the numbers
    as related. Told as a story, the answer keeps them as its second button (the story's
    other needs follow); asked as a question, the runners-up keep their places."""
    story = triage.read(
        "Majikan belum bayar gaji saya empat bulan, saya sudah minta berkali kali tapi dia "
        "cuma bilang nanti nanti saja"
    )
    assert len(story.text.split()) < LONG_STORY_WORDS
    assert story.topic in triage.near_danger and not story.urgent, story
    assert story.offered[1] == EMERGENCY_TOPIC, story
    question = triage.read("gaji saya belum dibayar empat bulan, saya harus lapor ke mana?")
    assert question.topic == story.topic
    assert EMERGENCY_TOPIC not in question.offered, question
    assert "gaji-tidak-dibayar" in triage.near_danger
    assert "paspor" not in triage.near_danger


def test_any_long_story_answered_keeps_the_numbers_one_tap_away(triage: Triage) -> None:
    """A long story may hide the danger its answer is far from (on fresh set 13, 2 of 12
    people in danger were answered for such a topic and met no numbers): beside the answer
    of a story of LONG_STORY_WORDS or more, whatever its topic, the numbers are a button. A
    short statement of the same need keeps its runners-up."""
    story = triage.read(
        "Pak anak saya sudah dua tahun kerja di Taiwan, tiap bulan kirim uang lewat agen tapi "
        "sekarang uangnya sering telat sampai dan potongannya besar sekali, kami di kampung "
        "bingung"
    )
    assert story.topic == "kirim-uang" and story.topic not in triage.near_danger, story
    assert EMERGENCY_TOPIC in story.offered[:2] and not story.urgent, story
    short = triage.read("Anak saya sudah dua tahun kerja di Taiwan, tiap bulan kirim uang.")
    assert short.topic == "kirim-uang" and EMERGENCY_TOPIC not in short.offered, short


def test_an_unsure_reply_offers_what_helps_where_the_message_is_from(triage: Triage) -> None:
    """Unsure what is asked but told where: the destination's topic is one of the choices,
    and the emergency choice, when the words lean to danger, keeps its place."""
    worried = triage.read(
        "anak saya di taiwan sudah dua minggu cuma bilang capek terus, saya bingung harus bagaimana"
    )
    assert worried.topic is None and "taiwan-hongkong" in worried.offered
    shut_in = triage.read(
        "Di Riyadh sekarang saya cuma di dalam rumah saja setiap hari, tidak tahu sampai kapan "
        "begini"
    )
    assert shut_in.topic is None and shut_in.offered[0] == "kontak-darurat"
    assert "timur-tengah" in shut_in.offered and len(shut_in.offered) == CHOICES_ALONE


def test_only_a_message_the_model_is_sure_of_is_answered_as_a_guess(triage: Triage) -> None:
    """A guess needs the words to lean to one topic and to working abroad, and a message long
    enough to say so: a short question near the service keeps its choices, and so does one
    whose words lean to danger (the numbers lead its choices: the test above)."""
    signs = triage.read("amaq tiang mele taoq tanda-tanda dengan sak dijual lek luar negeri")
    assert signs.guessed and signs.topic == "perdagangan-orang", signs
    assert signs.places_nothing and not signs.falls_back  # with a story before, read whole
    holiday = triage.read(
        "Mau bikin paspor buat liburan ke Singapura sama keluarga, syaratnya apa aja?"
    )
    assert holiday.topic is None and not holiday.guessed and holiday.offered, holiday
    sure = triage.read("berapa biaya penempatan ke Taiwan untuk pekerja pabrik?")
    assert sure.topic is not None and not sure.guessed, sure


def test_a_short_question_about_work_in_a_named_destination_is_answered_for_it(
    triage: Triage,
) -> None:
    """ "Syarat ke Taiwan apa aja?" leads its choices with the Taiwan topic but also fits the
    general requirements: it is answered for Taiwan (as a guess, the requirements still a
    choice; since stop 55's retraining the ranking is sure of it, score 0.80). A question
    about the country that is not about work keeps its choices."""
    asked = triage.read("Syarat ke Taiwan apa aja?")
    assert asked.topic == "taiwan-hongkong", asked
    assert "syarat-menjadi-pmi" in asked.offered, asked
    official = triage.read("cara kerja ke jepang yg resmi gimana")
    assert official.topic == "jepang" and official.guessed, official
    for trivia in ("Berapa jumlah penduduk Malaysia sekarang?", "mata uang taiwan namanya apa"):
        assert triage.read(trivia).topic is None, trivia


@pytest.mark.parametrize(
    ("wish", "topic"),
    [
        ("mau kerja ke taiwan", "taiwan-hongkong"),
        ("mau kerja ke hongkong", "taiwan-hongkong"),
        ("mau ke malaysia kak", "malaysia"),
        ("pengen ke korea min", "korea-eps"),
        ("mau ke saudi", "timur-tengah"),
    ],
)
def test_a_few_words_wishing_to_go_somewhere_are_answered_for_that_place(
    triage: Triage, wish: str, topic: str
) -> None:
    """A wish this plain says what it asks: answered, not hedged as a guess ("mau kerja ke
    hongkong" opened "Sepertinya ini yang Anda tanyakan": a chat tester, stop 45)."""
    wished = triage.read(wish)
    assert wished.topic == topic and not wished.guessed, wished


@pytest.mark.parametrize(
    "other", ["mau liburan ke jepang", "mau kirim uang ke malaysia", "mau beli tiket ke malaysia"]
)
def test_a_wish_for_something_else_in_a_place_is_not_a_wish_to_work_there(
    triage: Triage, other: str
) -> None:
    assert triage.read(other).topic not in ("jepang", "malaysia"), other


@pytest.mark.parametrize(
    "elsewhere", ["brp gaji ART di singapore", "gaji di brunei brp", "kerja di singapore gimana"]
)
def test_a_destination_without_a_topic_is_not_answered_with_another_destination(
    triage: Triage, elsewhere: str
) -> None:
    """Taiwan's wages are no answer to a question about Singapore's."""
    reading = triage.read(elsewhere)
    assert reading.topic not in triage.country_topics, reading
    singapore = triage.read("brp gaji ART di singapore")
    assert not set(singapore.offered) & triage.country_topics, singapore


def test_a_destination_topic_gives_way_to_the_one_the_message_names(triage: Triage) -> None:
    reading = triage.read("brp gaji di taiwan skrg, enak gk kerja disana")
    assert reading.topic in (None, "taiwan-hongkong"), reading

    def given(text: str, topic: str, offered: tuple[str, ...]) -> tuple[str | None, tuple]:
        named = [country for _, _, country in triage.numbers.places_named(text)]
        return triage._named_destination(named, topic, offered)

    assert given("gaji di taiwan", "malaysia", ("jepang", "kepulangan")) == (
        "taiwan-hongkong",
        ("kepulangan",),
    )
    kept = ("malaysia", ("jepang",))
    assert given("kerja di malaysia", *kept) == kept
    assert given("kerja di negeri jiran atau brunei", *kept) == kept
    assert given("kerja di luar negeri", *kept) == kept


@pytest.mark.parametrize("trip", ["paspor buat umroh", "passport for umrah"])
def test_a_short_question_about_a_pilgrimage_is_not_answered_as_one_about_work(
    triage: Triage, trip: str
) -> None:
    """The passport to work abroad is made through a placement company; a pilgrim's is not."""
    reading = triage.read(trip)
    assert reading.topic is None and reading.offered[0] == "paspor", reading


def test_a_pilgrimage_named_beside_work_is_the_services_question(triage: Triage) -> None:
    assert triage.read("visa umroh bisa buat kerja gk").topic == "visa-kerja"


def test_an_age_under_18_stated_leads_with_the_age_limit(triage: Triage) -> None:
    minor = triage.read("anak sy umur 17 mau ke malaysia kerja kebun sawit boleh gk")
    assert minor.topic == "usia-minimum" and "malaysia" in minor.offered, minor
    assert triage.read("umur 25 bisa ke korea?").topic != "usia-minimum"
    assert triage.read("sdh 2 tahun kerja di malaysia").topic != "usia-minimum"
    # the owner between, and in English: "umur sy 17 thn, mau ke korea. klo pake KTP kakak sy
    # aja gmn" got the Korea answer, with nothing on a faked age (a chat tester, stop 46)
    for own in ("umur sy 17 thn, mau ke korea, klo pake KTP kakak sy gmn", "im 17 can i go"):
        assert triage.read(own).topic == "usia-minimum", own
    assert triage.read("umur saya 27 mau ke jepang").topic != "usia-minimum"


def test_an_answer_offers_what_helps_where_the_person_is(triage: Triage) -> None:
    """Beside an answer, the destination's topic takes the last runner-up's place; a question
    that names no place, or is answered with that place's topic, is left as it was."""
    unpaid = triage.read("suami saya kerja di Johor, gajinya belum dibayar 3 bulan")
    assert unpaid.topic == "gaji-tidak-dibayar"
    assert unpaid.offered[-1] == "malaysia" and len(unpaid.offered) == 2
    nowhere = triage.read("suami saya gajinya belum dibayar 3 bulan")
    assert nowhere.topic == "gaji-tidak-dibayar" and "malaysia" not in nowhere.offered
    there = triage.read("berapa gaji kerja di taiwan")
    assert there.topic == "taiwan-hongkong" and "taiwan-hongkong" not in there.offered


def test_a_free_choice_goes_to_what_the_content_names_as_related(triage: Triage) -> None:
    """A sure answer with room beside it offers the topics its content names as related, in
    the content's order; the emergency numbers are never added this way, and the ranking's
    runners-up keep their places."""
    early = triage.read("agensi minta uang tebusan kalau saya pulang duluan")
    related = triage.librarian.topics["pulang-sebelum-kontrak"].related
    assert early.topic == "pulang-sebelum-kontrak"
    assert early.offered == tuple(s for s in related if s != "kontak-darurat")[:2]
    for text in (
        "suami saya kerja di Johor, gajinya belum dibayar 3 bulan",
        "anak saya di taiwan sudah dua minggu cuma bilang capek terus, saya bingung harus gimana",
    ):
        reading = triage.read(text)
        lead = reading.topic or reading.offered[0]
        own = set(triage.librarian.topics[lead].related)
        runners_up = [s for s in reading.offered if s not in own]
        assert runners_up, f"the ranking's choices were displaced: {reading.offered}"


def test_fear_said_where_nothing_is_placed_keeps_the_numbers_one_tap_away(triage: Triage) -> None:
    """ "Saya takut" alone may be someone in danger who says no more: the numbers join the
    choices. A worry beside a question that is answered ("takut bahasanya susah") does not
    bring them."""
    for afraid in ("saya takut", "aku takut pak"):
        reading = triage.read(afraid)
        assert reading.topic is None and EMERGENCY_TOPIC in reading.shown_choices, reading
    worry = triage.read("sy mau ke jepang tapi takut bahasanya susah")
    assert worry.topic == "jepang" and EMERGENCY_TOPIC not in worry.shown_choices, worry


def test_every_destination_points_to_a_topic_that_exists(triage: Triage) -> None:
    topics = triage.librarian.topics
    for country in triage.numbers.countries:
        assert country.topic is None or country.topic in topics, country.code


def test_an_everyday_request_with_one_troubled_word_stays_outside(triage: Triage) -> None:
    for text in (
        "how do i make chicken satay at home with a sweet peanut sauce",
        "resep sambal matah yang enak buat makan siang hari ini apa ya",
    ):
        reading = triage.read(text)
        assert reading.topic is None and not reading.offered, text


@pytest.mark.parametrize(
    ("path", "top1", "helpful", "dead_ends", "out_of_scope"),
    # stop 38 raised the top-1 floors and the out-of-scope ceilings together: a first choice
    # the topic model is sure of is answered as a guess (bot/triage.py GUESS_*), right for
    # 0.00-0.07 more of each set and answering 0-3 more of its messages outside the service
    [
        # 147 messages collected on 3 December blind to the engine; the need phrases were then
        # extended with them in view (measured before: top-1 0.348, helpful 0.712)
        (REAL_2, 0.65, 0.86, 0.06, 0.22),
        # 180 more collected later that day; measured before any change that looked at them
        # (top-1 0.396, helpful 0.755), then danger rules were added for half of them
        (REAL_3, 0.59, 0.82, 0.05, 0.05),
        # 180 more collected on 3 December in the next session, measured on arrival (top-1
        # 0.455, helpful 0.740, out of scope answered 0.385); its odd lines were then read
        # stop 45, the second round of pleas: out of scope answered 5 -> 7 of 26 (over every
        # set 89 -> 85 of 338)
        # stop 47, guesses from 0.6: out of scope answered 7 -> 8 of 26 (top-1 0.578)
        (REAL_4, 0.52, 0.74, 0.04, 0.31),
        # 180 collected at the end of that session and not read: the fresh estimate of its
        # engine (top-1 0.487, helpful 0.725; the last stop's engine 0.469 / 0.669); its odd
        # lines were read in the next session
        (REAL_5, 0.60, 0.75, 0.05, 0.43),
        # 180 collected during stop 22 and measured on arrival: top-1 0.442, helpful 0.767 (the
        # session's start: 0.442 / 0.748); its odd lines were then read
        (REAL_6, 0.49, 0.75, 0.04, 0.50),
        # 180 collected at the end of stop 22 and measured on arrival, unread: the fresh
        # estimate of that session's final engine (top-1 0.481, helpful 0.772; the session's
        # start: 0.475 / 0.765)
        (REAL_7, 0.54, 0.74, 0.06, 0.35),
        # 180 collected during stop 23 and measured on arrival: top-1 0.329, helpful 0.727 (the
        # session's start: 0.329 / 0.714); its odd lines were then read
        # stop 47, guesses from 0.6: out of scope answered 2 -> 3 of 19 (top-1 0.441)
        (REAL_8, 0.44, 0.70, 0.05, 0.16),
        # 116 collected at the end of stop 23, when the search index had few unused pages left,
        # measured on arrival and unread: top-1 0.400, helpful 0.819 (the session's start:
        # 0.400 / 0.810)
        (REAL_9, 0.46, 0.78, 0.04, 0.21),
        # 150 collected during stop 24 from sources earlier sets had not used, measured on
        # arrival: top-1 0.400, helpful 0.760 (the session's start: 0.392 / 0.760); its odd
        # lines were then read
        (REAL_10, 0.55, 0.74, 0.03, 0.20),
        # 169 collected during stop 29 from pages and quotes no earlier set used (many
        # testimonies of returnees and opinions), measured on arrival: top-1 0.329, helpful
        # 0.732, out of scope answered 0.20; its odd lines were then read
        # stop 45, the second round of pleas: out of scope answered 4 -> 6 of 20
        (REAL_11, 0.37, 0.70, 0.02, 0.30),
        # 124 collected at the end of stop 29 (mostly blogs and testimonies; few pages with
        # pleas were left unused) and measured on arrival, unread: top-1 0.239, helpful 0.706,
        # out of scope answered 0.267, the same as with the engine at that session's start
        (REAL_12, 0.30, 0.68, 0.02, 0.43),
        # 137 collected during stop 30 (news quotes of families' pleas, Q&A columns, letters;
        # 12 in danger) and measured on arrival, unread: top-1 0.455, helpful 0.813 with the
        # engine at that session's start, 0.821 with five choices in a list
        (REAL_13, 0.47, 0.79, 0.04, 0.22),
        # 99 collected during stop 31 (pages no earlier set used, 29 in English, 11 outside
        # working abroad) and measured on arrival, unread: top-1 0.341, helpful 0.761 with the
        # engine at that stop's start, 0.795 with the other needs of a story and the ranking's
        # fourth and fifth topics offered
        (REAL_14, 0.33, 0.77, 0.04, 0.48),
        # 133 collected during stop 33 (106 pages on 86 sites no earlier set used; 18 in
        # danger, 11 outside working abroad) and measured on arrival, after the topic model:
        # top-1 0.467, helpful 0.844 (the engine at that stop's start: 0.459 / 0.820); its odd
        # lines were then read
        (REAL_15, 0.51, 0.82, 0.03, 0.21),
        # 111 collected during stop 34 (75 pages on 69 sites no earlier set used; 30 in danger,
        # 13 outside working abroad, 3 of them crews held hostage) and measured on arrival,
        # unread: top-1 0.367, helpful 0.827, out of scope answered 6 of 13, the same as with
        # the engine at that stop's start. Stop 41: a crew's ship "lagi dibajak" (labelled
        # in danger, with no topic) now gets the danger reply, counted as out of scope
        # answered: 7 of 13
        (REAL_16, 0.41, 0.80, 0.03, 0.54),
        # 125 collected during stop 35 (104 pages on 100 sites no earlier set used; 19 in
        # danger, 14 outside working abroad, 10 not in Indonesian) and measured on arrival,
        # unread: top-1 0.396, helpful 0.838, out of scope answered 5 of 14 with the engine at
        # that stop's start (top-1 0.387 after someone held was answered for what the ranking
        # leads with: three messages of its odd lines, then read)
        (REAL_17, 0.46, 0.81, 0.03, 0.52),
        # 102 collected at the end of stop 35 (80 pages on 73 sites no earlier set used; 13 in
        # danger, 8 outside working abroad) and measured on arrival, unread, with the engine at
        # that stop's end: top-1 0.415, helpful 0.840, no dead end, out of scope answered 3 of
        # 8, the same as with the engine at that stop's start
        (REAL_18, 0.43, 0.81, 0.02, 0.65),
        # 120 collected at the start of stop 36 (98 pages no earlier set used, on 83 sites; 16
        # in danger, 15 outside working abroad) and measured on arrival, unread: top-1 0.295,
        # helpful 0.800 with the engine at that stop's start, 0.295 / 0.819 after the topic
        # model learnt the written pleas; out of scope answered 2 of 15, no dead end
        (REAL_19, 0.30, 0.79, 0.02, 0.20),
        # 119 collected at the start of stop 37 (100 pages no earlier set used, on 86 sites, 37
        # of them new to the sets; 18 in danger, 10 outside working abroad) and measured on
        # arrival, unread: top-1 0.459, helpful 0.881, dead ends 0.018, out of scope answered
        # 1 of 10, the same with the engine at that stop's start
        (REAL_20, 0.45, 0.85, 0.03, 0.20),
        # 118 collected during stop 38 (106 pages on 93 sites no earlier set used; 20 in
        # danger, 12 outside working abroad) and measured on arrival, unread: top-1 0.557,
        # helpful 0.906, out of scope answered 3 of 12 with the engine at that stop's start;
        # 0.623 / 0.906 / 4 of 12 with a guess the topic model is sure of answered
        # stop 45, the second round of pleas: top-1 0.623 -> 0.585 (over every set 0.534 ->
        # 0.541)
        (REAL_21, 0.58, 0.87, 0.04, 0.40),
        # 114 collected during stop 39 (106 pages on 88 sites no earlier set used; 17 in
        # danger, 10 outside working abroad) and measured on arrival, unread: top-1 0.462,
        # helpful 0.875, dead ends 0.019, out of scope answered 4 of 10, the same with the
        # engine at that stop's start
        (REAL_22, 0.44, 0.85, 0.03, 0.45),
        # 107 collected at the start of stop 57 (82 pages no earlier set used; 14 in danger, 11
        # outside working abroad) and measured on arrival, unread: top-1 0.448, helpful 0.833,
        # dead ends 0.042, out of scope answered 3 of 11, the same with the engine at that
        # stop's start
        (REAL_23, 0.43, 0.81, 0.05, 0.30),
    ],
    ids=list(LATER_SET_IDS),
)
def test_later_real_sets_collected_blind_get_somewhere_to_go(
    triage: Triage, path: Path, top1: float, helpful: float, dead_ends: float, out_of_scope: float
) -> None:
    real = evaluate(triage.read, read_labelled(path))
    assert real.in_scope >= 80
    assert real.top1 >= top1, real.summary_lines()
    assert real.helpfulness >= helpful, real.summary_lines()
    assert real.abstention <= dead_ends, real.summary_lines()
    assert real.oos_answered <= out_of_scope, real.summary_lines()


@pytest.mark.parametrize(
    "path",
    [
        REAL_7,
        REAL_8,
        REAL_9,
        REAL_11,
        REAL_13,
        REAL_15,
        REAL_16,
        REAL_17,
        REAL_18,
        REAL_19,
        REAL_20,
        REAL_21,
        REAL_22,
        REAL_23,
    ],
    ids=[
        "seventh",
        "eighth",
        "ninth",
        "eleventh",
        "thirteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
    ],
)
def test_people_in_danger_on_fresh_sets_are_one_tap_from_the_numbers(
    triage: Triage, path: Path
) -> None:
    """The rules catch about half the danger in fresh words; the rest must still reach the
    numbers: as the danger reply, or as a choice beside an answer or among the choices (sets
    7, 8 and 9 over stop 23: 0.78 -> 0.93, 0.87 -> 0.97, 0.73 -> 1.00; set 13, 12 in danger,
    0.83 -> 1.00 in stop 30 with the numbers beside every long story's answer; set 15, 18 in
    danger, 0.889 on arrival, 0.944 after a hope to be brought home was read further; set 16,
    30 in danger, 0.967 on arrival; set 17, 19 in danger, 0.947 on arrival; set 18, 13 in
    danger, 1.000 on arrival; set 19, 16 in danger, 0.938 on arrival; set 20, 18 in danger,
    1.000 on arrival; set 21, 20 in danger, 1.000 on arrival; set 22, 17 in danger, 0.941 on
    arrival; set 23, 14 in danger, 0.929 on arrival)."""
    real = evaluate(triage.read, read_labelled(path))
    assert real.in_danger >= 10
    assert real.reachable_rate >= 0.90, real.summary_lines()


def test_suspected_danger_puts_the_numbers_beside_an_answer_sooner_than_among_choices(
    librarian: Librarian,
) -> None:
    """A model fairly sure (0.8: under its own 0.9, over ANSWERED_SUSPICION) puts the numbers
    beside an answer, where they take a runner-up's place, but not into a list of likely
    topics, where they would push one out."""
    fairly_sure = DangerModel({}, math.log(0.8 / 0.2), threshold=0.9)
    triage = Triage(librarian, danger_model=fairly_sure)
    answered = triage.read("paspor saya ditahan majikan, bagaimana cara memintanya kembali?")
    assert answered.topic and not answered.urgent
    assert answered.offered[0] == EMERGENCY_TOPIC, answered
    unsure = triage.read("kerja")
    assert unsure.topic is None and unsure.offered
    assert EMERGENCY_TOPIC not in unsure.offered, unsure


def test_someone_held_is_answered_for_where_they_are_held_after_the_numbers(
    triage: Triage,
) -> None:
    """Held on a ship or by an agent in a shelter: after the emergency numbers the answer
    follows what the ranking says the message is about (here trafficking), and what to do
    about an abusive employer, the held kind's own topic, is one tap away. Held by an
    employer in the house stays that."""
    for text in (
        "kami disekap di kapal, tidak boleh turun ke darat",
        "istri saya disekap agen di penampungan jakarta",
    ):
        held = triage.read(text)
        assert held.danger is not None and held.danger.kind == "held", text
        assert held.topic == "perdagangan-orang", (text, held.topic)
        assert "kekerasan-majikan" in held.offered, (text, held.offered)
    house = triage.read("istri saya dikurung majikan di rumahnya, tidak boleh keluar")
    assert house.urgent and house.topic == "kekerasan-majikan"


def test_someone_held_abroad_is_not_answered_with_how_to_go_there(triage: Triage) -> None:
    """The place named pulls the ranking to the destination's topic; to a mother whose
    child is locked in by an employer in Malaysia, how to go to Malaysia the legal way says
    nothing after the numbers for Malaysia (a chat check, stop 47)."""
    for text in (
        "anak sy d sekap majikan d malaysia",
        "my sister is locked in by her boss in taiwan",
    ):
        held = triage.read(text)
        assert held.urgent, text
        assert held.topic is not None and held.topic not in triage.country_topics, (
            text,
            held.topic,
        )
    mother = triage.read("anak sy d sekap majikan d malaysia")
    assert mother.topic in ("kekerasan-majikan", "perdagangan-orang"), mother.topic


def test_a_question_for_an_authoritys_number_gets_the_numbers_of_that_place(
    triage: Triage,
) -> None:
    """ "nomor kdei taipei brp" got Taiwan's wages (a chat tester, stop 47): the numbers lead,
    the destination's topic stays a choice."""
    reading = triage.read("nomor kdei taipei brp")
    assert reading.topic == "kontak-darurat" and "taiwan-hongkong" in reading.offered, reading
    assert triage.read("brp gaji di taipei").topic != "kontak-darurat"


def test_an_employer_just_dead_is_the_end_of_a_job_not_a_workers_death(triage: Triage) -> None:
    """ "majikan nya baru meninggal" got a worker's remains and the JKM claim (a last
    regression tester, stop 55)."""
    reading = triage.read(
        "istri sy d hongkong, majikan nya baru meninggal, dia d suruh keluar rumah hari ini juga"
    )
    assert reading.topic == "phk-mendadak"
