"""A report whose village the family cannot name goes to the district's officers.

A friend abroad reporting a Lombok girl beaten by her employer, or a family that forgot the
village a worker registered in, could only type a village or cancel: an urgent report was
never sent (two testers, stop 56). The district is asked instead; the report goes to its
officers (and the province's administrators), as a report kept from the village does, and
the district's officers find the village.
"""

from __future__ import annotations

import re

from bot.context import Ctx
from bot.flows.base import Form, Invalid
from bot.flows.common import FORGOT, KNOWING, not_known, says_not
from bot.options import ADDRESS, NEGATORS, short
from bot.types import Row
from knowledge.normalize import fold

DISTRICT_STEP = "district"
UNKNOWN_KEY = "village_unknown"
"""Conversation data: the village was not known; `village_code` holds the district's code."""
PREFIX = "district:"
SPOKEN = {
    "52.01": ("lombok barat", "lobar", "gerung"),
    "52.02": ("lombok tengah", "loteng", "praya"),
    "52.03": ("lombok timur", "lotim", "selong"),
    "52.04": ("sumbawa besar", "kabupaten sumbawa", "kab sumbawa"),
    "52.05": ("dompu",),
    "52.06": ("kabupaten bima", "kab bima", "bima"),
    "52.07": ("sumbawa barat", "ksb", "taliwang"),
    "52.08": ("lombok utara", "klu", "tanjung"),
    "52.71": ("mataram",),
    "52.72": ("kota bima",),
}
"""How people name a district, longest first when they overlap ("kota bima" before "bima")."""


def district_named(text: str) -> str | None:
    """The district a message names, as its code: "pokok nya d lombok tengah" → 52.02."""
    folded = f" {fold(text)} "
    found = [
        (len(name), code)
        for code, names in SPOKEN.items()
        for name in names
        if re.search(rf"\b{re.escape(name)}\b", folded)
    ]
    return max(found)[1] if found else None


SKIPPING = frozenset("lewati lewat skip lanjut next".split())
"""A step skipped in words: the village is not known, so its district is asked."""


def village_not_known(text: str) -> bool:
    """ "gk tau pak sy lupa nama desa nya", "I don't know, she is from Lombok"; not any "not"
    ("my salary not paid 3 months" typed there is no village, and was sent to the district's
    question)."""
    words = set(fold(text).split())
    if {"no", "idea"} <= words:
        return True  # "no idea"
    if words and words <= SKIPPING:
        return True  # "lewati" was refused again and again (an officers-wanted tester, stop 62)
    knowing = KNOWING | {"sure", "yakin"}
    return bool(words & FORGOT) or says_not(words, knowing) or not_known(words - ADDRESS)


def district_rows(ctx: Ctx) -> list[Row]:
    return [
        Row(f"{PREFIX}{code}", short(name.removeprefix("Kabupaten "), 24))
        for code, name in ctx.engine.villages.districts.items()
    ]


def district_prompt(ctx: Ctx) -> None:
    ctx.say(
        ctx._(
            "If you do not know the village, I can send the report to the officers of the "
            "district (kabupaten), who will find the village. Which district is the worker from?"
        ),
        rows=district_rows(ctx),
        list_label=ctx._("Districts"),
    )


def district_read(ctx: Ctx) -> str:
    """The district chosen, pressed or typed; its code stands for the village."""
    if not ctx.incoming.button:
        typed = ctx.incoming.text or ""
        if not NEGATORS.isdisjoint(fold(typed).split()):
            # "bukan lombok barat" was taken as Lombok Barat (a regression tester, stop 56)
            raise Invalid(ctx._("Please choose the district, or type its name."))
        named = district_named(typed)
        if named is not None:
            return _chosen(ctx, named)
    try:
        chosen = Form.option(ctx, district_rows(ctx))
    except Invalid:
        raise Invalid(ctx._("Please choose the district, or type its name.")) from None
    return _chosen(ctx, chosen.removeprefix(PREFIX))


def _chosen(ctx: Ctx, code: str) -> str:
    ctx.set_data(**{UNKNOWN_KEY: True, "village_hidden": True})
    return code


def district_label(ctx: Ctx, code: str) -> str:
    """ "not known (Kabupaten Lombok Tengah)", for the summary."""
    name = ctx.engine.villages.districts.get(code, code)
    return ctx._("not known ({district})").format(district=name)


def district_told(ctx: Ctx, text: str) -> bool:
    """The district named with the village not known is taken, and said."""
    code = district_named(text)
    if code is None or code not in ctx.engine.villages.districts:
        return False
    ctx.set_data(village_code=_chosen(ctx, code))
    ctx.say(
        ctx._("I will send it to the officers of {district}.").format(
            district=ctx.engine.villages.districts[code]
        )
    )
    return True
