"""An officer's own Telegram chat: claim, open, reply to and resolve cases from the notification
buttons, and review the message a case opened from (bot/flows/officer_review.py)."""

from __future__ import annotations

from bot.cases.service import CaseError, case_summary, claim, reply, resolve
from bot.context import Ctx
from bot.flows.officer_review import REVIEWING, ask_danger, ask_topics, offer_review, take_topics
from bot.officers.scope import visible_case
from bot.options import short
from bot.store.models import Case, Officer
from bot.types import MAX_BUTTONS, Button

REPLYING = "officer_reply"
RESOLVING = "officer_resolve"


def case_actions(ctx: Ctx, case: Case) -> list[Button]:
    """What the officer can do next, most likely first, within a message's three buttons: a
    new case is claimed, replied to or resolved; a claimed one replied to, resolved or
    reviewed; a resolved one reviewed."""
    _ = ctx._
    actions = []
    if case.status == "new":
        actions.append(Button(f"case:claim:{case.id}", short(_("Claim"))))
    if case.status != "resolved":
        actions.append(Button(f"case:reply:{case.id}", short(_("Reply"))))
        actions.append(Button(f"case:resolve:{case.id}", short(_("Resolve"))))
    actions += offer_review(ctx, case)
    return actions[:MAX_BUTTONS]


def handle_officer(ctx: Ctx, officer: Officer) -> None:
    _ = ctx._
    conv = ctx.conversation
    button = ctx.incoming.button or ""
    if button.startswith("case:"):
        parts = button.split(":")
        action = parts[1] if len(parts) > 2 else ""
        raw_id = parts[2] if len(parts) > 2 else ""
        case_id = int(raw_id) if raw_id.isascii() and raw_id.isdigit() and len(raw_id) < 10 else 0
        case = visible_case(ctx.session, officer, case_id)
        if case is None:
            ctx.say(_("That case is not in your area or does not exist."))
            return
        try:
            if action == "claim":
                claim(ctx.session, case=case, officer=officer, now=ctx.now)
                ctx.say(
                    _("You have claimed case {number}.").format(number=case.number),
                    [Button(f"case:reply:{case.id}", short(_("Reply")))],
                )
            elif action == "review":
                ask_danger(ctx, case)
            elif action in ("danger-yes", "danger-no"):
                ask_topics(ctx, case, danger=action == "danger-yes")
            elif action in ("reply", "resolve"):
                flow = REPLYING if action == "reply" else RESOLVING
                conv.flow, conv.step = flow, None
                ctx.set_data(case_id=case.id)
                prompt = (
                    _(
                        "Type your reply to the family for case {number}; it goes to their "
                        "chat. Type *batal* to stop."
                    )
                    if flow == REPLYING
                    else _(
                        "Type how case {number} was resolved; the family will read it. Type "
                        "*batal* to stop."
                    )
                )
                ctx.say(prompt.format(number=case.number))
            else:
                thread = [e for e in case.events if e.kind in ("family_message", "reply")][-5:]
                lines = [case_summary(case), _("Status: {status}").format(status=case.status)]
                lines += [f"• {e.actor}: {(e.body or '')[:200]}" for e in thread]
                ctx.say("\n".join(lines), case_actions(ctx, case))
        except CaseError as error:
            ctx.say(str(error))
        return
    text = (ctx.incoming.text or "").strip()
    typing = (REPLYING, RESOLVING, REVIEWING)
    if conv.flow in typing and text.casefold() in ("batal", "cancel", "/cancel"):
        conv.flow, conv.data = None, {}
        ctx.say(_("Cancelled."))
        return
    if conv.flow == REVIEWING and text:
        chosen = visible_case(ctx.session, officer, int(ctx.data.get("case_id", 0)))
        take_topics(ctx, officer, chosen, text)
        return
    if conv.flow in (REPLYING, RESOLVING) and text:
        flow = conv.flow
        case = visible_case(ctx.session, officer, int(ctx.data.get("case_id", 0)))
        conv.flow, conv.data = None, {}
        if case is None:
            ctx.say(_("That case is not in your area or does not exist."))
            return
        try:
            if flow == RESOLVING:
                resolve(ctx.session, case=case, officer=officer, outcome=text, now=ctx.now)
            else:
                reply(ctx.session, case=case, officer=officer, text=text, now=ctx.now)
        except CaseError as error:
            ctx.say(str(error))
            return
        done = (
            _("Case {number} is resolved; the family has been told.")
            if flow == RESOLVING
            else _("Sent to the family of case {number}.")
        )
        ctx.say(done.format(number=case.number))
        return
    ctx.say(
        _(
            "You are registered as a village officer. New cases arrive here with buttons; the "
            "dashboard shows your whole queue."
        )
    )
