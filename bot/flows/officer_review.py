"""An officer's review of a case's opening message from their Telegram chat (bot/cases/review.py).

Officers work on their phones, mostly in Telegram; the dashboard's review card is one more
place to open. Here the review takes two steps: was someone in danger (two buttons), then the
topics that would have helped, typed as the numbers of one list (0: outside the service). The
list is in the dashboard's order, so both places number the topics alike. As on the dashboard,
what the assistant gave is not shown before the review, so that it cannot lead it.
"""

from __future__ import annotations

import re

from bot.cases.review import GivenReply, review, reviewable, topic_choices
from bot.cases.service import CaseError, awaits_review, review_button
from bot.context import Ctx
from bot.options import short
from bot.store.models import Case, Officer
from bot.types import Button

REVIEWING = "officer_review"
NUMBERS = re.compile(r"^\s*\d{1,3}(?:\s*[,;\s]\s*\d{1,3})*\s*$")


def offer_review(ctx: Ctx, case: Case) -> list[Button]:
    """The button that starts a review, for a case that can be and has not been reviewed."""
    return [review_button(case, ctx._)] if awaits_review(case) else []


def ask_danger(ctx: Ctx, case: Case) -> None:
    _ = ctx._
    if not reviewable(case):
        ctx.say(_("This case was not opened from a message the assistant answered."))
        return
    ctx.say(
        _(
            "Teach the assistant, case {number}. The family wrote:\n\n{story}\n\n"
            "Was someone in danger then (held, abused, not allowed home, seriously ill "
            "without care)?"
        ).format(number=case.number, story=case.story[:1500]),
        [
            Button(f"case:danger-yes:{case.id}", short(_("Yes"))),
            Button(f"case:danger-no:{case.id}", short(_("No"))),
        ],
    )


def ask_topics(ctx: Ctx, case: Case, danger: bool) -> None:
    _ = ctx._
    ctx.conversation.flow, ctx.conversation.step = REVIEWING, None
    ctx.set_data(case_id=case.id, danger=danger)
    choices = topic_choices(ctx.engine.librarian.topics.values())
    lines = [f"{n}. {title}" for n, (_slug, title) in enumerate(choices, 1)]
    ctx.say(
        _(
            "Which topics would have helped this family? Type their numbers, separated by "
            "commas (e.g. 3, 17), or 0 if the message is outside working abroad. Type *batal* "
            "to stop."
        )
        + "\n\n"
        + "\n".join(lines)
    )


def take_topics(ctx: Ctx, officer: Officer, case: Case | None, text: str) -> None:
    """The typed numbers: saved as the review, or asked again when they name no topic."""
    _ = ctx._
    if case is None:
        ctx.conversation.flow, ctx.conversation.data = None, {}
        ctx.say(_("That case is not in your area or does not exist."))
        return
    choices = topic_choices(ctx.engine.librarian.topics.values())
    numbers = [int(n) for n in re.findall(r"\d+", text)] if NUMBERS.match(text) else []
    valid = numbers == [0] or (numbers and all(1 <= n <= len(choices) for n in numbers))
    if not valid:
        ctx.say(
            _("Type the numbers of the topics (1 to {last}), separated by commas, or 0.").format(
                last=len(choices)
            )
        )
        return
    topics = [choices[n - 1][0] for n in numbers if n]
    danger = bool(ctx.data.get("danger"))
    ctx.conversation.flow, ctx.conversation.data = None, {}
    try:
        review(
            ctx.session,
            case=case,
            officer=officer,
            topics=topics,
            danger=danger,
            known=ctx.engine.librarian.topics,
            now=ctx.now,
        )
    except CaseError:
        ctx.say(_("This case was not opened from a message the assistant answered."))
        return
    ctx.say(
        _("Review saved. Thank you: it helps the assistant answer the next family.")
        + given_reply(ctx, case)
    )


def given_reply(ctx: Ctx, case: Case) -> str:
    """What the assistant had given, shown once the review is saved (as on the dashboard)."""
    stored = case.assistant_reply
    if not isinstance(stored, dict):
        return ""
    _ = ctx._
    given = GivenReply.of(stored)
    titles = {slug: title for slug, title in topic_choices(ctx.engine.librarian.topics.values())}

    def named(slugs: tuple[str, ...]) -> str:
        return ", ".join(titles.get(slug, slug) for slug in slugs) or "—"

    guess = f" ({_('as a guess')})" if given.guessed else ""
    line = f"{_('The assistant had answered')}: {named(given.answered)}{guess} · {_('offered')}: "
    line += named(given.offered)
    if given.urgent:
        line += f" · {_('after the danger reply')}"
    return "\n\n" + line
