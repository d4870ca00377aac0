"""`migran kb check` passes on the shipped content and names the file and field of a mistake."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from knowledge import check_directory, load_topics
from knowledge.check import required_slugs
from knowledge.loader import default_content_dir
from migran.cli import main


def test_shipped_content_passes_with_every_required_topic(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["kb", "check"]) == 0
    assert "ok: 48 topics" in capsys.readouterr().out
    slugs = {t.slug for t in load_topics()}
    assert set(required_slugs()) <= slugs


def test_every_topic_cites_a_source_with_a_legal_basis_and_fits_a_chat_screen() -> None:
    for topic in load_topics():
        assert topic.sources and all(s.legal_basis and s.url for s in topic.sources), topic.slug
        assert len(topic.text("id")) <= 700 and len(topic.text("en")) <= 700, topic.slug
        assert len(topic.examples) >= 12, topic.slug


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


def _trigrams(text: str) -> list[str]:
    return [text[i : i + 3] for i in range(len(text) - 2)]


def _bits(grams: list[str], bit: dict[str, int]) -> int:
    """The distinct trigrams the text shares with the real messages, one bit each."""
    mask = 0
    for gram in grams:
        if gram in bit:
            mask |= 1 << bit[gram]
    return mask


def _shared_trigrams(a: list[str], b: list[str]) -> int:
    """Trigrams the two texts have in common, counted by position (a multiset intersection)."""
    counts = Counter(b)
    shared = 0
    for gram, count in Counter(a).items():
        shared += min(count, counts.get(gram, 0))
    return shared


def test_no_example_copies_a_real_message_of_the_validation_set() -> None:
    """Real messages choose designs; an example close to one (even a long one trimmed or a part
    of it) would let the set measure what the content memorised, not what it understands.

    partial_ratio on every pair took 50 s; pairs are first ruled out by the q-gram lemma: a
    score of 90 allows at most 0.2·L edits over the shorter length L, and each edit destroys
    at most 3 trigrams, so the texts share at least 0.4·L − 2 trigrams. Only pairs that may
    are scored (the same verdicts). The trigrams shared are at most the distinct ones shared
    (counted on bit sets, one bit per trigram of the real messages) plus the fewer repeats of
    the two; the pairs left are scored in one rapidfuzz call per example. With nine real sets,
    counting in Python took 90 s of the suite; this takes about 35."""
    import json

    from rapidfuzz import fuzz, process

    data = Path(__file__).resolve().parents[1] / "data"
    real = [
        json.loads(line)["q"].lower()
        for real_file in sorted(data.glob("real_messages*.jsonl"))
        for line in real_file.read_text("utf-8").splitlines()
        if line
    ]
    bit: dict[str, int] = {}
    real_grams = [(message, _trigrams(message)) for message in real]
    for _, grams in real_grams:
        for gram in grams:
            bit.setdefault(gram, len(bit))
    real_bits = [_bits(grams, bit) for _, grams in real_grams]
    real_repeats = [len(grams) - len(set(grams)) for _, grams in real_grams]

    def copies_one(example: str) -> bool:
        if process.extractOne(example, real, scorer=fuzz.ratio, score_cutoff=70):
            return True
        if len(example) < 40:
            return False
        grams = _trigrams(example)
        repeats = len(grams) - len(set(grams))
        example_bits = _bits(grams, bit)
        # shared with repeats is at most the distinct ones shared plus either's repeats
        candidates = [
            message
            for message, message_bits, message_repeats in zip(
                real, real_bits, real_repeats, strict=True
            )
            if (example_bits & message_bits).bit_count() + min(repeats, message_repeats)
            >= 0.4 * min(len(example), len(message)) - 2
        ]
        found = process.extractOne(example, candidates, scorer=fuzz.partial_ratio, score_cutoff=90)
        return found is not None

    copies = [
        (topic.slug, example)
        for topic in load_topics()
        for example in topic.examples
        if copies_one(example.lower())
    ]
    assert copies == []


def test_the_near_copy_check_still_catches_trimmed_and_retyped_messages() -> None:
    """The shortcut above must not let a copy through: parts of real messages, lightly
    retyped, are caught by the same rule."""
    import json

    from rapidfuzz import fuzz

    real_file = Path(__file__).resolve().parents[1] / "data" / "real_messages.jsonl"
    real = [json.loads(line)["q"].lower() for line in real_file.read_text("utf-8").splitlines()]
    long_ones = [message for message in real if len(message) >= 120][:20]
    for message in long_ones:
        part = message[10:90].replace("a", "e", 2)  # a slice, two letters retyped
        grams = _trigrams(part)
        assert fuzz.partial_ratio(part, message) >= 90
        assert _shared_trigrams(grams, _trigrams(message)) >= 0.4 * len(part) - 2
        distinct = set(grams)
        assert len(distinct & set(_trigrams(message))) + len(grams) - len(distinct) >= (
            0.4 * len(part) - 2
        )
