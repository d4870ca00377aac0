"""Every conversation path, replayed from tests/dialogs/*.yaml on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Chat

DIALOGS = Path(__file__).resolve().parent.parent / "dialogs"


def load_dialogs() -> list[Any]:
    cases = []
    for path in sorted(DIALOGS.glob("*.yaml")):
        for dialog in yaml.safe_load(path.read_text("utf-8")):
            cases.append(pytest.param(dialog, id=f"{path.stem}: {dialog['name']}"))
    return cases


@pytest.mark.parametrize("dialog", load_dialogs())
def test_dialog(dialog: dict[str, Any], chat: Chat) -> None:
    for n, turn in enumerate(dialog["turns"], 1):
        if "press" in turn:
            reply = chat.say(button=turn["press"])
        elif "send_media" in turn:
            reply = chat.say(media=turn["send_media"], media_ref=f"media-{n}")
        else:
            reply = chat.say(turn["say"])
        where = f"turn {n} ({turn.get('say') or turn.get('press') or turn.get('send_media')!r})"
        assert reply.strip(), f"{where}: no reply"
        folded = reply.casefold()
        for expected in turn.get("expect", []):
            assert str(expected).casefold() in folded, f"{where}: missing {expected!r} in:\n{reply}"
        for pattern in turn.get("expect_re", []):
            assert re.search(pattern, reply), f"{where}: no match for {pattern!r} in:\n{reply}"
        for unwanted in turn.get("absent", []):
            assert str(unwanted).casefold() not in folded, f"{where}: unexpected {unwanted!r}"


def test_an_over_long_plea_is_read_not_refused(chat: Chat) -> None:
    """Nobody in danger meets "too long": the first part of a very long message is read."""
    plea = "Tolong pak, saya disekap majikan di Johor dan tidak boleh pulang. " + (
        "Saya ceritakan dari awal bagaimana saya berangkat dan bekerja di sini. " * 80
    )
    assert len(plea) > 4096
    reply = chat.say(plea)
    assert "bagian awalnya" in reply
    assert "999" in reply and "Lapor darurat" in reply
