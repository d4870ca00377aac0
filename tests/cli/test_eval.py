"""`migran eval FILE --second LABELS`: the figures under a second labelling, and agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.store.models import Case
from migran.cli import main
from migran.services import Services
from tests.bot.test_case_review import FROM_THE_ANSWER, only_case, replay, review_as_officer
from tests.cases_support import GUESS_REPORTED
from tests.conftest import Chat
from tests.officers_support import team


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_eval_reports_a_second_labelling_and_how_far_it_agrees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messages = tmp_path / "real_messages_9.jsonl"
    _write(
        messages,
        [
            {
                "q": "tolong anak saya disekap majikan di johor",
                "topics": ["kontak-darurat"],
                "urgent": True,
            },
            {"q": "berapa biaya bikin paspor", "topics": ["paspor"], "urgent": False},
            {
                "q": "majikan saya marah terus, capek",
                "topics": ["kekerasan-majikan"],
                "urgent": True,
            },
        ],
    )
    second = tmp_path / "second.jsonl"
    _write(
        second,
        [
            {
                "set": "real_messages_9.jsonl",
                "line": 1,
                "topics": ["kontak-darurat"],
                "urgent": True,
            },
            {"set": "real_messages_9.jsonl", "line": 2, "topics": ["paspor"], "urgent": False},
            {
                "set": "real_messages_9.jsonl",
                "line": 3,
                "topics": ["kekerasan-majikan"],
                "urgent": False,
            },
            {"set": "another_set.jsonl", "line": 1, "topics": [], "urgent": False},
        ],
    )
    assert main(["eval", str(messages), "--second", str(second)]) == 0
    out = capsys.readouterr().out
    assert "second labeller:" in out
    assert "danger labels both agree on: in danger 1, urgent recall 1.000" in out
    assert "agreement on danger (Cohen's kappa): labellers 0.40" in out


def test_second_labels_that_miss_a_line_are_refused(tmp_path: Path) -> None:
    messages = tmp_path / "real_messages_9.jsonl"
    _write(messages, [{"q": "paspor", "topics": ["paspor"], "urgent": False}] * 2)
    second = tmp_path / "second.jsonl"
    _write(second, [{"set": "real_messages_9.jsonl", "line": 1, "topics": [], "urgent": False}])
    with pytest.raises(ValueError, match="do not cover"):
        main(["eval", str(messages), "--second", str(second)])


def test_eval_measures_the_assistant_on_the_cases_officers_reviewed(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MIGRAN_DATABASE_URL", services.settings.database_url)
    assert main(["eval", "--cases"]) == 0
    assert "No reviewed cases yet" in capsys.readouterr().out
    team(services)
    replay(Chat(services, user="6281234", channel="whatsapp"), FROM_THE_ANSWER)
    case_id, _contact = only_case(services)
    review_as_officer(services, case_id, ["gaji-tidak-dibayar"])
    assert main(["eval", "--cases"]) == 0
    out = capsys.readouterr().out
    assert "1 messages reviewed by officers" in out
    # what the family got then (the answer on wages), and today's engine on the same message
    got, today = out.split("today's engine:")
    assert "what the families got then (1 with the reply kept)" in got
    assert "top-1 accuracy (in scope): 1.000" in got
    assert "top-1 accuracy (in scope): 1.000" in today
    assert "anak saya" not in out  # the message itself stays in the database
    assert "answered as a guess" not in out
    assert main(["eval", "--cases", "--misses"]) == 2
    # a father's question answered as a guess, reported, and the review agreeing with it
    replay(Chat(services, user="6281235", channel="whatsapp"), GUESS_REPORTED)
    with services.factory() as session:
        newest = session.scalars(select(Case.id).order_by(Case.id.desc())).first()
    review_as_officer(services, newest or 0, ["perdagangan-orang"])
    assert main(["eval", "--cases"]) == 0
    got, _today = capsys.readouterr().out.split("today's engine:")
    assert "answered as a guess: 1, the review agreeing: 1" in got


def test_eval_halves_prints_what_was_read_apart_from_what_never_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {"q": "gaji anak saya di malaysia belum dibayar", "topics": ["gaji-tidak-dibayar"]}
    _write(tmp_path / "real_messages.jsonl", [row, row])  # set 1: read whole
    _write(tmp_path / "real_messages_3.jsonl", [row, row, row])  # odd lines read
    _write(tmp_path / "real_messages_9.jsonl", [row])  # never read
    assert main(["eval", "--halves", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "unread, sets 3-10 (the headline) (2 messages): top-1 1.000" in out
    assert "read (4 messages)" in out
    assert "unread, set 3 (1 messages)" in out and "unread, set 9 (1 messages)" in out
    assert main(["eval", "--halves", str(tmp_path / "none")]) == 2


def test_eval_halves_sets_the_engine_beside_two_labellers_where_both_labelled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a second labelling beside the sets: the figures where both labellers agree, and the
    second labeller scored against the first (how far people agree on what the goals count)."""
    wages = {
        "q": "gaji anak saya di malaysia belum dibayar",
        "topics": ["gaji-tidak-dibayar"],
        "urgent": False,
    }
    recipe = {"q": "resep ayam goreng kalasan yang enak", "topics": [], "urgent": False}
    _write(tmp_path / "real_messages.jsonl", [wages])  # set 1: never labelled twice
    _write(tmp_path / "real_messages_9.jsonl", [wages, recipe])
    second = [
        {"set": "real_messages_9.jsonl", "line": 1, "topics": ["hak-pmi"], "urgent": False},
        {"set": "real_messages_9.jsonl", "line": 2, "topics": ["kirim-uang"], "urgent": False},
    ]
    _write(tmp_path / "second_labelling.jsonl", second)
    assert main(["eval", "--halves", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # the recipe is outside the service for one labeller, within it for the other: left out
    assert "unread, sets 3-10, where both labellers agree (1 of 2 placed alike, 2 alike" in out
    assert "where both labellers agree (1 of 2 placed alike, 2 alike on danger): top-1 1.000" in out
    # the second labeller answers hak-pmi to the wages (wrong) and kirim-uang to the recipe
    assert "the second labeller scored against the first: top-1 0.000, helpful 0.000, " in out
    assert "out of scope answered 1/1" in out


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`migran eval --halves DIR | head -1`: the pipe closes after one line; the command
    stops quietly instead of printing a BrokenPipeError."""
    import subprocess
    import sys

    row = {"q": "gaji anak saya di malaysia belum dibayar", "topics": ["gaji-tidak-dibayar"]}
    for n in (3, 4, 5, 6, 7, 8, 9, 10):
        _write(tmp_path / f"real_messages_{n}.jsonl", [row] * 400)
    command = f"{sys.executable} -m migran.cli eval --halves {tmp_path} | head -1"
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=300)
    assert done.stdout.startswith("unread, sets 3-10 (the headline)")
    assert "Traceback" not in done.stderr, done.stderr
