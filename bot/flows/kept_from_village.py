"""A family that asks, with a report open, that the village not see it.

"jgn diteruskan ke desa ya pak" was passed on to the village officer like any other news (stop
56's list). A family may learn only after sending that the broker is the village head's
cousin; the report form offers *Only the district* before it is sent, and this is the same
choice made afterwards. It is done at once, not asked: the family has said it, and a question
would leave the message waiting where they fear it. One tap undoes it.
"""

from __future__ import annotations

from itertools import pairwise

from bot.cases.service import keep_from_village, let_village_see
from bot.context import Ctx
from bot.options import short
from bot.store.models import Case
from bot.triage import VILLAGE_NOT_TO_KNOW, fears_the_village
from bot.types import Button
from knowledge.normalize import fold

VILLAGE_MAY_SEE = "village_may_see"

VILLAGE_WORDS = frozenset(
    "desa kades kadus dusun kampung village kepdes pemdes kelurahan lurah".split()
)
"""Who the family fears will learn: the village's officers, its head, the hamlet."""
FORBIDDING = frozenset("jgn jangan jngn jgan usah gausah gusah dont".split())
"""A word that forbids: "jangan", "gk usah", "don't" (folded "don t": see `_forbids`)."""
PASSING_ON = frozenset(
    "teruskan diteruskan terusin diterusin teruskn neruskan nerusin kasih kasi dikasih "
    "kasitau kasitahu dikasitau bilang dibilang bilangin sampaikan disampaikan sampein "
    "beritahu diberitahu beritahukan kabari dikabari kabarin laporkan dilaporkan laporin "
    "kirim dikirim kirimkan tau tahu tw lihat liat dilihat baca dibaca "
    "tell forward forwarded pass share shared send sent see know show".split()
)
"""The verbs of passing a report on or of learning of it."""
REACH = 4
"""How far after the word that forbids its verb may come ("jangan sampai desa tau")."""


def wished(text: str) -> bool:
    """ "jgn diteruskan ke desa ya pak", "yg ini jangan dikasih tau ke petugas desa", "please
    don't tell the village head", and what the report form already reads as the village to be
    kept out ("sy gk mau desa tau", "sy takut kades tau": `bot.triage.fears_the_village`).
    Not "kok desa gk tau?" (a complaint that it does not know), which forbids nothing."""
    folded = fold(text)
    words = folded.split()
    if VILLAGE_WORDS.isdisjoint(words):
        return False
    if VILLAGE_NOT_TO_KNOW.search(folded) or fears_the_village(folded, set(words)):
        return True
    return any(
        _forbids(word, before) and not PASSING_ON.isdisjoint(words[at + 1 : at + 1 + REACH])
        for at, (before, word) in enumerate(pairwise(["", *words]))
    )


def _forbids(word: str, before: str) -> bool:
    return (
        word in FORBIDDING
        or (word == "t" and before == "don")
        or (word == "not" and before in ("do", "please", "pls", "should"))
    )


def hide(ctx: Ctx, cases: list[Case]) -> list[Case]:
    """Every open report kept from the village; returns those that were not already."""
    newly = [case for case in cases if not case.village_hidden]
    for case in newly:
        keep_from_village(ctx.session, case=case)
    return newly


def tell(ctx: Ctx, cases: list[Case], newly: list[Case]) -> None:
    """What changed, and what may already have been read. Worded without "village officer":
    a line about a report kept from the village has it turned into the district's
    (`bot.cases.service.for_the_case`)."""
    numbers = ", ".join(f"*{case.number}*" for case in cases)
    if not newly:
        ctx.say(
            ctx._(
                "Your report {numbers} is already kept from the village: only your district's "
                "officers and the province's administrators see it. I have added your message."
            ).format(numbers=numbers)
        )
        return
    ctx.say(
        ctx._(
            "From now on only your district's officers and the province's administrators see "
            "your report {numbers}; the officers of your village no longer see it. What you "
            "sent before may already have been read. I have added your message for the "
            "district."
        ).format(numbers=numbers),
        [Button(f"cmd:{VILLAGE_MAY_SEE}", short(ctx._("Village may see it")))],
    )


def let_village_see_again(ctx: Ctx, cases: list[Case]) -> None:
    """The tap that undoes `keep_out`: only on reports kept out in the chat, not on one sent
    as *Only the district* or without a village."""
    hidden = [case for case in cases if case.village_hidden and _kept_out_in_chat(case)]
    for case in hidden:
        let_village_see(ctx.session, case=case)
    if hidden:
        ctx.say(
            ctx._("Your village officer can see your report {numbers} again.").format(
                numbers=", ".join(f"*{case.number}*" for case in hidden)
            )
        )
    else:
        ctx.say(ctx._("Nothing changed."))


def _kept_out_in_chat(case: Case) -> bool:
    kinds = [e.kind for e in case.events if e.kind in ("kept_from_village", "shown_to_village")]
    return bool(kinds) and kinds[-1] == "kept_from_village"
