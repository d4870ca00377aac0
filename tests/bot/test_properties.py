"""Any input, in any state of any form, gets at least one reply and never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.types import MAX_BUTTON_TITLE, MAX_BUTTONS, MAX_LIST_ROWS, MAX_ROW_TITLE
from tests.conftest import Chat

PREFIXES = [
    [],
    ["pelatihan", {"button": "opt:yes"}],
    ["pelatihan", {"button": "opt:yes"}, {"button": "prog:otomotif"}, "Siti"],
    ["pelatihan", {"button": "opt:yes"}, {"button": "prog:otomotif"}, "Siti", "20"],
    [
        "lapor",
        {"button": "opt:yes"},
        {"button": "rep:family"},
        "Ahmad",
        {"button": "country:other"},
    ],
    [
        "lapor",
        {"button": "opt:yes"},
        {"button": "rep:self"},
        "Ahmad",
        {"button": "country:taiwan"},
        {"button": "opt:skip"},
        {"button": "cat:other"},
    ],
    ["hapus data saya"],
    ["bahasa"],
]

messages = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=50),
    st.sampled_from(
        [
            "",
            " ",
            "\x00\x01",
            "😀" * 40,
            "a" * 5000,
            "‏مرحبا‏",
            "1",
            "99",
            "menu",
            "batal",
            "lanjut",
            "?",
            "<script>alert(1)</script>",
            "'; DROP TABLE cases;--",
        ]
    ),
    st.builds(lambda s: {"button": s}, st.text(max_size=40)),
    st.builds(lambda s: {"media": s}, st.sampled_from(["voice", "image", "sticker", "location"])),
)


def send(chat: Chat, message: object) -> list:  # type: ignore[type-arg]
    if isinstance(message, dict):
        return chat.send(**message)
    return chat.send(str(message))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(PREFIXES), inputs=st.lists(messages, min_size=1, max_size=4))
def test_every_message_gets_a_reply_within_platform_limits(
    sqlite_chat: Chat, prefix, inputs
) -> None:  # type: ignore[no-untyped-def]
    sqlite_chat.user = f"prop-{abs(hash((str(prefix), str(inputs))))}"
    for message in [*prefix, *inputs]:
        replies = send(sqlite_chat, message)
        assert replies, f"no reply to {message!r}"
        for reply in replies:
            assert reply.text.strip()
            assert len(reply.buttons) <= MAX_BUTTONS and len(reply.rows) <= MAX_LIST_ROWS
            assert all(len(b.title) <= MAX_BUTTON_TITLE for b in reply.buttons)
            assert all(len(r.title) <= MAX_ROW_TITLE for r in reply.rows)
