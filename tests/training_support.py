"""What training tests share: a whole sign-up for a training, walked as a person would."""

from __future__ import annotations

from tests.conftest import Chat

TAPPED_FEMALE = {"button": "sex:f"}
TYPED_FEMALE = {"text": "perempuan"}


def sign_up(
    chat: Chat, programme: str, *, village: str, sex: dict[str, str], name: str = "Baiq Rina"
) -> str:
    """`name` (Baiq Rina), 22, from `village`, signs up for `programme` (consent tapped the
    first time it is asked; the phone skipped; Japan; junior high school); `sex` is the step as
    typed or tapped (TYPED_FEMALE, TAPPED_FEMALE). The reply to submitting."""
    chat.say("pelatihan")
    if "opt:yes" in [o.id for reply in chat.history[-1][1] for o in reply.options]:
        chat.say(button="opt:yes")  # consent, the first time only
    chat.say(button=f"prog:{programme}")
    chat.say(name)
    chat.say("22")
    chat.say(village)
    chat.say(button="opt:yes")
    chat.say(button="opt:skip")
    chat.say(button="dest:jepang")
    chat.say(button="edu:smp")
    chat.say(**sex)
    return chat.say(button="opt:submit")
