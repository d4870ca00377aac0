"""The written pleas (knowledge/pleas.py): written after read real messages only, labelled
with topics the service has, and no near copy of any real message."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.librarian import Librarian
from knowledge.pleas import read_pleas
from knowledge.real_halves import READ_ODD_LINES, READ_WHOLE, UNREAD_WHOLE
from tests.knowledge.near_copies import RealMessages

DATA = Path(__file__).resolve().parents[1] / "data"


def _set_number(name: str) -> int:
    stem = name.removesuffix(".jsonl")
    return 1 if stem == "real_messages" else int(stem.rsplit("_", 1)[1])


def test_every_plea_was_written_after_a_read_message_never_an_unread_one() -> None:
    """The unread halves and the fresh sets measure the engine on words it never learnt from;
    a plea written after one of them would let it learn that message's situation."""
    for plea in read_pleas():
        name, line = plea.after.rsplit(":", 1)
        number, line_no = _set_number(name), int(line)
        assert (DATA / name).is_file(), plea.after
        assert number not in UNREAD_WHOLE, plea.after
        if number not in READ_WHOLE:
            assert number in READ_ODD_LINES, plea.after
            assert line_no % 2 == 1, plea.after  # the first, third, ... line (1-based)


def test_every_plea_carries_the_labels_of_the_message_it_follows() -> None:
    lines = {
        name: (DATA / name).read_text("utf-8").splitlines()
        for name in {plea.after.rsplit(":", 1)[0] for plea in read_pleas()}
    }
    for plea in read_pleas():
        name, line = plea.after.rsplit(":", 1)
        source = json.loads(lines[name][int(line) - 1])
        assert tuple(source["topics"]) == plea.topics, plea.after
        assert bool(source["urgent"]) == plea.urgent, plea.after


def test_the_pleas_name_only_topics_the_service_has(librarian: Librarian) -> None:
    pleas = read_pleas()
    assert len(pleas) >= 1000
    assert 200 <= sum(plea.urgent for plea in pleas) <= len(pleas) - 200
    unknown = {t for plea in pleas for t in plea.topics} - set(librarian.topics)
    assert unknown == set()


def test_a_plea_file_is_read_line_by_line() -> None:
    text = (
        '{"q": "tolong pak", "topics": ["kontak-darurat"], "urgent": true, '
        '"after": "real_messages.jsonl:1"}\n\n'
    )
    (plea,) = read_pleas(text)
    assert plea.text == "tolong pak" and plea.topics == ("kontak-darurat",) and plea.urgent


def test_no_plea_is_a_near_copy_of_a_real_message() -> None:
    """Written in other words than the message it follows, and than any other real one."""
    real = RealMessages.load()
    assert [plea.after for plea in read_pleas() if real.copied_by(plea.text)] == []
