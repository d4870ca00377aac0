"""The learned readings of danger (knowledge/danger_model.py): a button to the numbers when the
words lean to danger and the rules are silent, and the emergency reply itself when the model
that learnt the written pleas is sure. Messages here are written for the tests."""

from __future__ import annotations

from bot.triage import EMERGENCY_TOPIC, Triage
from knowledge.danger import default_detector
from knowledge.danger_model import (
    LEARNED,
    PLEA_CONFIG,
    SURE,
    default_model,
    default_plea_model,
    mentions_danger,
    read_plea_training,
    read_training,
    train,
)
from knowledge.datafiles import read_data
from tests.knowledge.near_copies import real_messages

NO_RULE_READS = (
    "tolong bantu kami bu, kami di sini sudah tidak punya apa-apa lagi, kami cuma ingin "
    "dipulangkan",
    "tolong pak, sudah dua hari adik sy tdk bisa dihubungi, terakhir dia bilang takut sama bosnya",
    "Please help us sir, we have no money left for food here and we only want to go home",
)
"""Pleas in danger that no phrase rule matches, in words the plea-trained model is sure of."""


def test_the_shipped_weights_are_those_of_the_training_file() -> None:
    """Training is deterministic: `migran kb train-danger --write` after changing the file."""
    assert train(read_training()).to_json() + "\n" == read_data("danger_model.json")


def test_the_shipped_plea_model_is_that_of_the_training_file_and_the_pleas() -> None:
    model = train(read_plea_training(), config=PLEA_CONFIG)
    assert model.to_json() + "\n" == read_data("danger_plea_model.json")
    assert default_plea_model().threshold == SURE


def test_a_plea_no_rule_reads_gets_the_emergency_reply_when_the_model_is_sure(
    triage: Triage,
) -> None:
    detector = default_detector()
    for text in NO_RULE_READS:
        assert detector.detect(text) is None, text  # the rules are silent: the model decides
        reading = triage.read(text)
        assert reading.urgent and reading.danger is not None, text
        assert reading.danger.kind == LEARNED and reading.answered[0] == EMERGENCY_TOPIC


def test_the_sure_reading_counts_inside_a_form_too() -> None:
    """A report's story or a reply typed during a form makes the case urgent the same way."""
    assert all(mentions_danger(text) for text in NO_RULE_READS)
    assert not mentions_danger("anak saya kerja di hongkong, bagaimana cara kirim uang yang aman")
    assert not mentions_danger("")


def test_the_sure_reading_learns_the_pleas_and_the_safety_net_does_not() -> None:
    """Each model keeps its job: the safety net stays on the written training file alone."""
    assert len(read_plea_training()) > len(read_training()) + 1000
    assert default_model().threshold < SURE


def test_training_holds_both_sides_and_no_real_message() -> None:
    rows = read_training()
    in_danger = sum(label for _, label in rows)
    assert in_danger >= 400 and len(rows) - in_danger >= 400


def test_a_plea_the_rules_miss_gets_the_numbers_one_tap_away(triage: Triage) -> None:
    plea = (
        "pak tolong kami ber 6 di sini sudah 4 bulan gak digaji, paspor sama bos, kami mau "
        "pulang tapi dia bilang harus ganti uang tiket dulu, kami cuma makan mie"
    )
    reading = triage.read(plea)
    assert reading.urgent or EMERGENCY_TOPIC in reading.helped_with


def test_an_ordinary_question_gets_no_emergency_button(triage: Triage) -> None:
    for text in (
        "mau tanya syarat jadi pmi ke taiwan apa saja ya",
        "berapa biaya bikin paspor di mataram",
        "how much is the placement fee for hong kong",
    ):
        reading = triage.read(text)
        assert not reading.urgent and EMERGENCY_TOPIC not in reading.offered, text
        assert default_plea_model().probability(default_detector().standard(text)) < SURE


def test_a_question_the_content_is_sure_of_is_answered_though_the_model_leans_to_danger(
    triage: Triage,
) -> None:
    """The words "tolong", "agen" and "majikan" weigh toward danger; a dismissal or privacy question
    the content is sure of is answered, not met with the emergency reply."""
    for text, topic in (
        ("sy di PHK majikan hk mendadak, harus bayar denda agen?", "phk-mendadak"),
        ("sy gk mau nomor hp sy dikasih ke PT, tolong jaga data sy", "privasi-data"),
    ):
        assert default_plea_model().probability(default_detector().standard(text)) >= SURE
        reading = triage.read(text)
        assert not reading.urgent and reading.topic == topic, text


def test_the_model_reads_words_it_was_not_given_as_rules() -> None:
    model = default_model()
    assert model.threshold >= 0.8
    assert len(model.weights) > 1000


def test_no_training_message_copies_a_real_message() -> None:
    """The real sets measure the model; a training line close to one would let them measure
    what it memorised."""
    from rapidfuzz import fuzz, process

    real = real_messages()
    close = [
        text
        for text, _ in read_training()
        if process.extractOne(text.lower(), real, scorer=fuzz.ratio, score_cutoff=70)
    ]
    assert close == []


def test_eval_counts_the_button_as_reaching_the_numbers() -> None:
    from knowledge.evaluation import Labelled, evaluate

    class Suspected:
        first_topic = "gaji-tidak-dibayar"
        answered = ("gaji-tidak-dibayar",)
        helped_with = ("gaji-tidak-dibayar", EMERGENCY_TOPIC)
        urgent = False

    report = evaluate(
        lambda _: Suspected(),
        [Labelled("x", ("gaji-tidak-dibayar",), True), Labelled("y", ("hak-pmi",), False)],
    )
    assert report.urgent_recall == 0.0 and report.reachable_rate == 1.0
    assert report.offered_numbers_rate == 1.0


def test_the_danger_reply_keeps_its_floors_on_the_messages_nobody_read(triage: Triage) -> None:
    """The rules and the sure reading together, as the chat gives the danger reply, on the
    unread real messages (knowledge/real_halves.py). Floors a little under what was measured
    when the sure reading came (stop 37: headline recall 90 -> 96 of 162, false alarms 75 -> 78
    of 569; every unread message 121 -> 131 of 244, 126 -> 132 of 1,217), not goals met."""
    from pathlib import Path

    from knowledge.evaluation import evaluate
    from knowledge.real_halves import split

    halves = split(Path(__file__).resolve().parent.parent / "data")
    headline = evaluate(triage.read, halves.headline)
    unread = evaluate(triage.read, halves.unread)
    assert headline.urgent_recall >= 0.58 and headline.false_alarm_rate <= 0.14
    assert unread.urgent_recall >= 0.52 and unread.false_alarm_rate <= 0.11


def test_a_fear_for_a_worker_who_has_not_left_is_not_danger_now() -> None:
    """The learnt model leans to danger on "takut dia disiksa"; a worker still at home (a
    chat tester's parent, stop 40) is a worry about later."""
    assert not mentions_danger(
        "anak sy mau brgkt ke arab, sy takut dia disiksa majikan\nblm brgkt kok, msh di rumah"
    )
    assert mentions_danger("tolong anak saya mau pulang, masih disekap majikan")
