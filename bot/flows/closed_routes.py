"""A note under a form's summary when the work and the country it names are a route that is
closed: domestic work or care for an individual employer in the Middle East, banned since
2015 (Kepmenaker 260/2015, 21 countries), except Saudi Arabia's SPSK pilot with a company as
employer (knowledge/content/topics/timur-tengah.md; facts.md keeps the 2025 plan to reopen
[UNSURE]). A wife's departure "ke arab saudi jd ART lewat sponsor" was registered without a
word (a forms tester, stop 55)."""

from __future__ import annotations

import re

from bot.cases.categories import kept_as
from bot.context import Ctx
from knowledge.normalize import fold

MIDDLE_EAST = frozenset(("arab-saudi", *kept_as("timur-tengah")))
"""Saudi Arabia, the Middle East choice, and the countries kept by name ("Kuwait", "Uni
Emirat Arab": the note was missing for them, an offices-and-English tester, stop 55)."""
IN_A_HOME = frozenset(("domestic", "care", "caregiver"))
"""The register's sectors and the training programme of work done in an employer's home."""
HOUSEHOLD_JOB = re.compile(
    r"\b(?:sopir|supir|driver) (?:keluarga|pribadi|rumah|family|private)\b|"
    r"\b(?:family|private|house) driver\b|\btukang kebun\b|\bgardener\b|"
    r"\bpenjaga rumah\b|\bart\b|\bprt\b|\bpembantu\b|\bhousemaid\b|\bmaid\b|"
    r"\blansia\b|\bnenek\b|\bkakek\b|\bjompo\b|\bcleaning\b|\bcleaner\b|\bnanny\b"
)
"""Work typed for an individual employer's household: also covered by the ban."""


def closed_route_note(ctx: Ctx, country: object, work: object, job: object = None) -> str | None:
    """The warning, or None when the route is not one of the closed ones."""
    in_a_home = work in IN_A_HOME or HOUSEHOLD_JOB.search(fold(str(job or ""))) is not None
    if country not in MIDDLE_EAST or not in_a_home:
        return None
    return ctx._(
        "Note: work in a home (domestic work, care) for a private employer in the Middle East "
        "is still banned since 2015 (Kepmenaker 260/2015), except Saudi Arabia's SPSK "
        "programme with a company as the employer. Ask BP3MI NTB or the Disnakertrans before "
        "leaving. If a sponsor promises such work, type *report*."
    )
