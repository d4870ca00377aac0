"""`migran kb check` passes on the shipped content and names the file and field of a mistake."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from knowledge import check_directory, load_topics
from knowledge.check import required_slugs
from knowledge.loader import default_content_dir
from migran.cli import main
from tests.knowledge.near_copies import RealMessages, may_score_90


def test_shipped_content_passes_with_every_required_topic(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["kb", "check"]) == 0
    assert "ok: 49 topics" in capsys.readouterr().out
    slugs = {t.slug for t in load_topics()}
    assert set(required_slugs()) <= slugs


def test_every_topic_cites_a_source_with_a_legal_basis_and_fits_a_chat_screen() -> None:
    for topic in load_topics():
        assert topic.sources and all(s.legal_basis and s.url for s in topic.sources), topic.slug
        assert len(topic.text("id")) <= 700 and len(topic.text("en")) <= 700, topic.slug
        assert len(topic.examples) >= 12, topic.slug


CONFLICTING_ADDRESSES = ("siskop2mi.bp2mi.go.id", "siskop2mi.go.id")
"""facts.md: sources disagree on SISKOP2MI's web address ([CONFLICT], unchecked)."""


def test_an_address_the_sources_disagree_on_is_never_given_as_the_only_one() -> None:
    for topic in load_topics():
        for text in (*topic.answer.values(), *topic.detail.values()):
            named = [a for a in CONFLICTING_ADDRESSES if re.search(rf"\b{re.escape(a)}", text)]
            assert len(named) in (0, 2), (topic.slug, named)


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "topics"
    shutil.copytree(default_content_dir(), target)
    return target


def test_a_missing_english_answer_is_reported_with_file_and_field(tmp_path: Path) -> None:
    content = _copy_content(tmp_path)
    path = content / "paspor.md"
    text = path.read_text("utf-8")
    path.write_text(text.split("\n## en\n")[0] + "\n", "utf-8")
    _, problems = check_directory(content)
    assert any(p.path.endswith("paspor.md") and p.field == "## en" for p in problems)


def test_an_unknown_related_topic_and_a_duplicate_slug_are_reported(tmp_path: Path) -> None:
    content = _copy_content(tmp_path)
    text = (content / "paspor.md").read_text("utf-8")
    (content / "paspor.md").write_text(
        text.replace("related: [", "related: [no-such-topic, "), "utf-8"
    )
    (content / "paspor-copy.md").write_text(text, "utf-8")
    _, problems = check_directory(content)
    assert any(p.field == "related" and "no-such-topic" in p.message for p in problems)
    assert any(p.path.endswith("paspor-copy.md") and p.field == "slug" for p in problems)


def test_cli_exits_non_zero_and_names_the_problem(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    content = _copy_content(tmp_path)
    text = (content / "visa-kerja.md").read_text("utf-8")
    (content / "visa-kerja.md").write_text(
        text.replace("sources:", "sources: []\nold_sources:"), "utf-8"
    )
    monkeypatch.setenv("MIGRAN_CONTENT_DIR", str(content))
    assert main(["kb", "check"]) == 1
    err = capsys.readouterr().err
    assert "visa-kerja.md: sources" in err


def test_no_example_copies_a_question_of_the_development_set() -> None:
    """The dev set measures the engine; an example that copies one of its lines hides a miss."""
    import json

    import pytest
    from rapidfuzz import fuzz

    dev_file = (
        Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev_questions.jsonl"
    )
    if not dev_file.is_file():
        pytest.skip("development set not present beside the repository")
    dev = [
        json.loads(line)["q"].lower() for line in dev_file.read_text("utf-8").splitlines() if line
    ]
    copies = [
        (topic.slug, example)
        for topic in load_topics()
        for example in topic.examples
        if any(fuzz.ratio(example.lower(), question) >= 80 for question in dev)
    ]
    assert copies == []


def test_no_example_copies_a_real_message_of_the_validation_set() -> None:
    """Real messages choose designs; an example close to one (even a long one trimmed or a part
    of it) would let the set measure what the content memorised, not what it understands
    (tests/knowledge/near_copies.py says how pairs are ruled out quickly)."""
    real = RealMessages.load()
    copies = [
        (topic.slug, example)
        for topic in load_topics()
        for example in topic.examples
        if real.copied_by(example)
    ]
    assert copies == []


def test_the_near_copy_check_still_catches_trimmed_and_retyped_messages() -> None:
    """The shortcut above must not let a copy through: parts of real messages, lightly
    retyped, are caught by the same rule, and every pair that scores 90 passes the bound."""
    import json

    from rapidfuzz import fuzz
    from rapidfuzz.distance import LCSseq

    real_file = Path(__file__).resolve().parents[1] / "data" / "real_messages.jsonl"
    real = [json.loads(line)["q"].lower() for line in real_file.read_text("utf-8").splitlines()]
    long_ones = [message for message in real if len(message) >= 120][:20]
    checker = RealMessages(long_ones)
    for message in long_ones:
        for part in (
            message[10:90].replace("a", "e", 2),  # a slice, two letters retyped
            message[5:75].replace(" ", "", 3),  # a slice, three spaces lost
            "pak " + message[:76],  # a part, after a word of the copier's own
        ):
            assert fuzz.partial_ratio(part, message) >= 90
            assert may_score_90(part, message, LCSseq.similarity(part, message))
            assert checker.copied_by(part)
    # the bound is the rule's own: every part that scores 90, however cut and retyped, passes it
    scored_90 = 0
    for message in long_ones:
        for start, end, edits in ((0, 60, 5), (20, 100, 7), (30, 75, 4), (0, 120, 11)):
            part = message[start:end]
            for i in range(edits):
                at = (7 * i + 3) % len(part)
                part = part[:at] + "xq"[i % 2] + part[at + 1 :]
            if fuzz.partial_ratio(part, message) >= 90:
                scored_90 += 1
                assert may_score_90(part, message, LCSseq.similarity(part, message))
    assert scored_90 >= 40
