"""`migran kb train-topics` refits the topic model from the content and says what it learnt."""

from __future__ import annotations

from knowledge.datafiles import read_data
from knowledge.topic_model import MODEL_FILE, TopicModel
from migran.cli import main


def test_train_topics_reports_what_it_learnt_and_writes_nothing(capsys) -> None:  # type: ignore[no-untyped-def]
    before = read_data(MODEL_FILE)
    assert main(["kb", "train-topics"]) == 0
    out = capsys.readouterr().out
    shipped = TopicModel.from_json(before)
    assert f"of {len(shipped.classes)} classes, {len(shipped.weights)} terms" in out
    assert "written" not in out
    assert read_data(MODEL_FILE) == before
