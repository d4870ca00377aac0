"""A note under a form's summary when the work and the country it names are a route that is
closed: domestic work or care for an individual employer in the Middle East, banned since
2015 (Kepmenaker 260/2015, 21 countries), except Saudi Arabia's SPSK pilot with a company as
employer (knowledge/content/topics/timur-tengah.md; facts.md keeps the 2025 plan to reopen
[UNSURE]). A wife's departure "ke arab saudi jd ART lewat sponsor" was registered without a
word (a forms tester, stop 55)."""

from __future__ import annotations

from bot.context import Ctx

MIDDLE_EAST = frozenset(("arab-saudi", "timur-tengah"))
IN_A_HOME = frozenset(("domestic", "care", "caregiver"))
"""The register's sectors and the training programme of work done in an employer's home."""


def closed_route_note(ctx: Ctx, country: object, work: object) -> str | None:
    """The warning, or None when the route is not one of the closed ones."""
    if country not in MIDDLE_EAST or work not in IN_A_HOME:
        return None
    return ctx._(
        "Note: work in a home (domestic work, care) for a private employer in the Middle East "
        "is still banned since 2015 (Kepmenaker 260/2015), except Saudi Arabia's SPSK "
        "programme with a company as the employer. Ask BP3MI NTB or the Disnakertrans before "
        "leaving. If a sponsor promises such work, type *lapor*."
    )
