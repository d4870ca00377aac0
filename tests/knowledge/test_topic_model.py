"""The learned reading of topics (knowledge/topic_model.py): it orders the leading topics and
never decides alone whether a message is answered. Messages here are written for the tests."""

from __future__ import annotations

import pytest

from knowledge.datafiles import data_entries, read_data
from knowledge.fitting import models_without, replay
from knowledge.librarian import Librarian
from knowledge.matcher import NONE, Matcher
from knowledge.topic_model import (
    MODEL_FILE,
    ORDER_FILE,
    TopicModel,
    class_order,
    cross_fitted,
    train,
)
from migran.cli import main


def leaders(matcher: Matcher, text: str) -> list[str]:
    terms, _ = matcher.query(text)
    return [c.slug for c in matcher.rank_signals(matcher.signals(terms), 9) if c.slug != NONE]


@pytest.fixture(scope="module")
def trained(librarian: Librarian) -> TopicModel:
    """The model the content gives, trained once for this file (17 s)."""
    return librarian.matcher.train_topic_model()


def test_the_shipped_weights_are_those_the_content_gives(trained: TopicModel) -> None:
    """Training is deterministic: `migran kb train-topics --write` after changing the content
    (then `migran kb calibrate --write`)."""
    assert trained.to_json() + "\n" == read_data(MODEL_FILE), "run `migran kb train-topics --write`"


def test_migran_kb_train_topics_reports_what_it_learnt_and_writes_nothing(
    trained: TopicModel, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command around the training above: it is given that model rather than training
    the same one a second time (the suite's longest test after calibration's)."""
    monkeypatch.setattr(Matcher, "train_topic_model", lambda self: trained)
    before = read_data(MODEL_FILE)
    assert main(["kb", "train-topics"]) == 0
    out = capsys.readouterr().out
    weights = sum(len(ws) for ws in trained.weights.values())
    assert f"of {len(trained.classes)} classes, {len(trained.weights)} terms, {weights}" in out
    assert "written" not in out
    assert read_data(MODEL_FILE) == before


def test_the_service_reads_with_the_shipped_model(librarian: Librarian) -> None:
    model = librarian.matcher.topic_model
    assert model is not None
    assert set(model.classes) == {*librarian.matcher.slugs, NONE}
    assert model.classes == librarian.matcher.classes


def test_a_new_topic_is_learnt_after_the_kept_classes() -> None:
    """A topic added between two others by name keeps the others' places, so their samples
    are seen in the same order as before (`epoch_order` is salted by the place)."""
    kept = ["visa", "paspor", NONE]
    assert class_order(["paspor", "visa", NONE], kept) == ("visa", "paspor", NONE)
    assert class_order(["kantor", "paspor", "visa", NONE], kept) == (
        "visa",
        "paspor",
        NONE,
        "kantor",
    )
    assert class_order(["visa", NONE], kept) == ("visa", NONE)  # a topic retired


def test_every_shipped_topic_has_its_kept_place(librarian: Librarian) -> None:
    """topic_order.txt lists every class, so that the next topic is the only one at the end."""
    assert set(data_entries(ORDER_FILE)) == set(librarian.matcher.classes)


def test_a_release_fine_in_a_wifes_story_is_ranked_before_coming_home(
    librarian: Librarian,
) -> None:
    """Counting shared words puts the general topic of coming home first; the model knows that
    a fine demanded before the contract ends is what separates the other."""
    story = (
        "pak saya mau tanya, suami saya kerja di malaysia sudah 3 tahun, kontraknya habis bulan "
        "depan tapi majikan bilang harus bayar denda kalau mau pulang sekarang, apa benar begitu?"
    )
    matcher = librarian.matcher
    assert leaders(matcher, story)[0] == "pulang-sebelum-kontrak"
    shipped = matcher.topic_model
    try:
        matcher.topic_model = None
        assert leaders(matcher, story)[0] == "kepulangan"
    finally:
        matcher.topic_model = shipped


def test_reordering_keeps_each_place_and_its_score(librarian: Librarian) -> None:
    """Whether a message is answered depends on the scores, which stay the matcher's: only the
    topic in each place changes, and the none class keeps its place."""
    order = [(-0.9, "paspor"), (-0.5, NONE), (-0.4, "visa-kerja"), (-0.3, "kepulangan")]
    reordered = librarian.matcher._reordered(order, {"kepulangan": 1.0})
    assert reordered == [(-0.9, "paspor"), (-0.5, NONE), (-0.4, "kepulangan"), (-0.3, "visa-kerja")]


def test_probabilities_cover_every_class_and_sum_to_one(librarian: Librarian) -> None:
    model = librarian.matcher.topic_model
    assert model is not None
    p = model.probabilities(["paspor", "ditahan", "majikan"])
    assert set(p) == set(model.classes)
    assert sum(p.values()) == pytest.approx(1.0)
    assert max(p, key=p.__getitem__) == "dokumen-ditahan"
    assert model.probabilities([]) == pytest.approx(
        dict.fromkeys(model.classes, 1 / len(model.classes))
    )


def test_a_model_round_trips_through_its_file() -> None:
    model = train([("a", ["x", "y"]), ("b", ["z"])], ["a", "b"])
    again = TopicModel.from_json(model.to_json())
    assert again.classes == model.classes and again.to_json() == model.to_json()
    assert again.probabilities(["x"]) == model.probabilities(["x"])


def test_each_fold_model_never_saw_its_questions() -> None:
    """Calibration replays question i with model i % 5, so no word only that question has may
    carry weight in it; keywords and titles (not held out) are always learnt."""
    samples = [("a" if i % 2 else "b", [f"only{i}", "shared"]) for i in range(10)]
    samples.append(("a", ["keyword"]))
    held = [True] * 10 + [False]
    models = cross_fitted(samples, held, ["a", "b"])
    for i in range(10):
        fold = models[i % 5]
        assert f"only{i}" not in fold.weights
        assert f"only{(i + 1) % 10}" in fold.weights  # another fold's question
        assert "keyword" in fold.weights


def test_calibration_reads_each_question_without_its_fold_and_keeps_the_shipped_model(
    librarian: Librarian,
) -> None:
    """Question i is replayed with the model trained without its fifth of the examples; the
    matcher's own model is never swapped out, so the service reads with the shipped one."""
    matcher = librarian.matcher
    shipped = matcher.topic_model
    folds = matcher.cross_fitted_models()
    assert folds is not None
    model_without = models_without(matcher)
    assert model_without(3) is folds[3] and model_without(8) is folds[3]
    assert model_without(3) is not shipped
    replay(matcher)
    assert matcher.topic_model is shipped


def test_the_stored_calibration_is_the_one_the_content_gives(librarian: Librarian) -> None:
    """Editing topics without `migran kb calibrate --write` would leave stale thresholds. Here,
    beside the other calibration test, so that one worker trains the cross-fitted models once
    for both (the suite runs files apart)."""
    from knowledge.fitting import calibrate

    fitted, stats = calibrate(librarian.matcher)
    stored = librarian.matcher.calibration
    assert (fitted.threshold, fitted.story_gate, fitted.story_threshold) == (
        stored.threshold,
        stored.story_gate,
        stored.story_threshold,
    ), "run `migran kb calibrate --write` after changing the content"
    assert stats["story_negatives"] >= 20, "the story rule needs long everyday stories to fit"
