"""The softer reading of danger (knowledge/danger_model.py): a button to the numbers when the
words lean to danger and the rules are silent. Messages here are written for the tests."""

from __future__ import annotations

from bot.triage import EMERGENCY_TOPIC, Triage
from knowledge.danger_model import default_model, read_training, train
from knowledge.datafiles import read_data
from tests.knowledge.near_copies import real_messages


def test_the_shipped_weights_are_those_of_the_training_file() -> None:
    """Training is deterministic: `migran kb train-danger --write` after changing the file."""
    assert train(read_training()).to_json() + "\n" == read_data("danger_model.json")


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
