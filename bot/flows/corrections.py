"""An earlier answer corrected at a later step of a form ("eh salah, namanya Siti Rohmah",
"bukan taiwan tp hongkong"): taken, said, and the step asked again.

The report's and the departure register's steps after the worker's name and the country read
their own answers; a correction typed there was kept as a country (Sabah, from "salah"), as the
city, or as the story (forms testers, stop 65).
"""

from __future__ import annotations

import re

from bot.context import Ctx
from bot.flows.common import CITY_TYPED, name_in, typed_country
from bot.flows.report_labels import country_title
from knowledge.normalize import fold

CORRECTING = frozenset("salah keliru ralat maaf sorry wrong oops eh bukan".split())
"""Words that correct an earlier answer."""
NOT_THERE = re.compile(r"\b(?:bukan|bkn|not)\s+(?:(?:di|d|in|ke)\s+)?\S+", re.IGNORECASE)
"""The place a correction takes back ("bukan taiwan", "not in Taiwan")."""
NOT_AT = frozenset(("worker_name", "summary", "change"))
"""Steps that read a name or a change themselves."""


def correct_earlier(ctx: Ctx, step: str, text: str, after_the_country: frozenset[str]) -> bool:
    """The worker's name or the country corrected after it was given; True when taken."""
    if not ctx.data.get("worker_name") or step in NOT_AT:
        return False
    if not CORRECTING.intersection(fold(text).split()):
        return False
    if ctx.data.get("country") and step in after_the_country:
        said = NOT_THERE.sub(" ", text)  # "bukan taiwan tp hongkong": Hong Kong
        country = typed_country(ctx, said) if ctx.engine.numbers.places_named(said) else None
        ctx.set_data(**{CITY_TYPED: None})
        if country is not None and country != ctx.data["country"]:
            ctx.set_data(country=country, city=None)
            ctx.say(
                ctx._("Changed: the country is now {country}.").format(
                    country=country_title(ctx, country)
                )
            )
            return True
    name = name_in(text)
    if name is None or fold(name) == fold(str(ctx.data["worker_name"])):
        return False
    ctx.set_data(worker_name=name)
    ctx.say(ctx._("Changed: the worker's name is now {name}.").format(name=name))
    return True
