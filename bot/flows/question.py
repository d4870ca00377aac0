"""A question for the village officer: the case form's short way, for someone who wants to ask
an officer something rather than report a worker's problem ("sy mau ngomong sama petugas", or
*Ask an officer* pressed under an answer to a question). Only the question and the village it is
routed by are asked; a question that turns out to tell a problem becomes the report.
"""

from __future__ import annotations

import re

from bot.cases.asking import ASK_OFFICER, asks_for_an_officers_number, says_more_than_the_wish
from bot.cases.categories import QUESTION
from bot.cases.hints import categories_in
from bot.context import Ctx
from bot.flows.report_opening import STORY_MAX
from bot.literacy import CALL_ME, SPEAK
from bot.options import bullet
from knowledge.danger_model import mentions_danger
from knowledge.normalize import fold

ASKS_ONLY = "asks_only"
"""The case form's data: a question for the officer, not a report."""
NUMBER_ASKED = "officer_number_asked"
"""The officer's own number was asked for: the question's prompt says why it is not given."""
CATEGORY = QUESTION
WANTS_A_PERSON = frozenset((SPEAK, CALL_ME, ASK_OFFICER))
"""Readings of a wish for a person (to talk, to be phoned, an officer): *Ask an officer* under
their reply asks the question."""
ONLY_ASKING = re.compile(
    r"\b(?:(?:cuma|cm|cuman|hanya|just|only) (?:\w+ )?(?:tanya|nanya|bertanya|tnya|"
    r"mau tanya|ingin tanya|want to ask|ask|asking|a question)|(?:tidak|tdk|gk|ga|gak|nggak|"
    r"ngga|bukan|not|dont|don t) (?:usah|mau|perlu|ingin|jadi|want to|need to|wanna) (?:\w+ )?"
    r"(?:lapor|melapor|laporan|report|reporting))\b"
)
"""Said at the report's first questions: "gk usah lapor, cuma mau tanya2 aja", "I don't want
to report, just ask" (kept as the report's story: a journeys tester, stop 62)."""
ONLY_ASKING_WORDS = 12


def only_asking(text: str) -> bool:
    """The person wants to ask an officer something, not to report: said in a few words."""
    folded = fold(text)
    return len(folded.split()) <= ONLY_ASKING_WORDS and ONLY_ASKING.search(folded) is not None


def prefill(ctx: Ctx, opening: str | None) -> None:
    """The question the opening already holds is kept, to be confirmed at the summary."""
    ctx.set_data(**{ASKS_ONLY: True})
    if not opening:
        return
    ctx.set_data(opening=opening, **{NUMBER_ASKED: asks_for_an_officers_number(opening)})
    if says_more_than_the_wish(opening):
        ctx.set_data(story=opening[:STORY_MAX])


def carried_question(ctx: Ctx, opening: str | None) -> bool:
    """*Ask an officer* pressed under the answer to a question that names no problem and no
    danger ("brp biaya kursus bahasa jepang di lpk?"): that question is what the officer is
    asked. A story ("anak sy gk digaji") is reported as before."""
    if not opening or categories_in(opening) or mentions_danger(opening):
        return False
    if ctx.engine.looks_like_question(opening):
        return True
    # a wish to talk rather than write, or to be phoned ("tlp sy aja pak, sy gk bisa nulis
    # panjang"), answered with *Ask an officer*: a person, not the report's questions (an
    # officers-wanted tester, stop 62)
    return ctx.engine.triage.read(opening).intent in WANTS_A_PERSON


def tells_a_problem(text: str) -> bool:
    """A problem or danger told where the question was asked: it is reported, not asked."""
    return bool(categories_in(text)) or mentions_danger(text)


def question_prompt(ctx: Ctx) -> None:
    if ctx.data.get("editing") and ctx.data.get("story"):
        ctx.say(ctx._("Type your question again, as the officer should read it."))
        return
    lead = ""
    if ctx.data.get(NUMBER_ASKED):
        lead = ctx._(
            "Officers' own phone numbers are not given out here: the officer of your village "
            "answers you in this chat."
        )
        lead += "\n\n"
    ctx.say(
        lead
        + ctx._(
            "What would you like to ask or tell the officer of your village? Write it in one "
            "message."
        )
    )


def summary_lines(ctx: Ctx, village: str, question: str) -> list[str]:
    _ = ctx._
    return [
        _("Please check your question for the officer:"),
        bullet(_("Question"), question),
        bullet(_("Village"), village),
    ]


def sent(ctx: Ctx, number: str, village_hidden: bool) -> str:
    if village_hidden:
        text = ctx._(
            "Your question was sent. Number *{number}*. An officer of your district will answer "
            "here in this chat. Type *status* to see where it stands."
        )
    else:
        text = ctx._(
            "Your question was sent. Number *{number}*. The officer of your village will answer "
            "here in this chat. Type *status* to see where it stands."
        )
    return text.format(number=number)
