"""An officer's own Telegram chat: claim, open, reply to, note, transfer, release and resolve
cases from the notification buttons, and review the message a case opened from
(bot/flows/officer_review.py)."""

from __future__ import annotations

from bot.cases.service import (
    CaseError,
    case_summary,
    claim,
    note,
    reply,
    resolve,
    transfer_to_district,
    unclaim,
)
from bot.context import Ctx
from bot.flows.officer_review import REVIEWING, ask_danger, ask_topics, offer_review, take_topics
from bot.officers.scope import visible_case
from bot.options import short
from bot.store.models import Case, Officer
from bot.types import MAX_ROW_TITLE, Button, Row

REPLYING = "officer_reply"
RESOLVING = "officer_resolve"
NOTING = "officer_note"
TYPED = (REPLYING, RESOLVING, NOTING)
"""The steps where the officer's next message is the text of a reply, an outcome or a note."""


def case_actions(ctx: Ctx, case: Case, officer: Officer) -> list[Row]:
    """Everything the officer can do with the case, most likely first, as the dashboard
    offers it: Telegram shows each as its own button under the case. A new case is claimed;
    an open one replied to, resolved or noted; a claim of one's own released; a village case
    transferred to the district; a case from a message the assistant answered reviewed."""
    _ = ctx._

    def row(action: str, title: str) -> Row:
        return Row(f"case:{action}:{case.id}", short(title, MAX_ROW_TITLE))

    actions = []
    if case.status == "new":
        actions.append(row("claim", _("Claim")))
    if case.status != "resolved":
        actions += [row("reply", _("Reply")), row("resolve", _("Resolve"))]
        actions.append(row("note", _("Internal note")))
        if case.status == "claimed" and case.officer_id == officer.id:
            actions.append(row("release", _("Release")))
        if case.escalation_level == 0:
            actions.append(row("transfer", _("Transfer to the district")))
    actions += [Row(b.id, b.title) for b in offer_review(ctx, case)]
    return actions


def _prompt(ctx: Ctx, flow: str, case: Case) -> str:
    _ = ctx._
    prompts = {
        REPLYING: _(
            "Type your reply to the family for case {number}; it goes to their chat. Type "
            "*batal* to stop."
        ),
        RESOLVING: _(
            "Type how case {number} was resolved; the family will read it. Type *batal* to stop."
        ),
        NOTING: _(
            "Type an internal note for case {number}; only officers see it. Type *batal* to stop."
        ),
    }
    return prompts[flow].format(number=case.number)


def _transfer(ctx: Ctx, case: Case, officer: Officer, confirmed: bool) -> None:
    """Asks first: a case transferred leaves the village queue and alerts the district."""
    _ = ctx._
    if case.status == "resolved":
        ctx.say(_("Case {number} is already resolved.").format(number=case.number))
    elif case.escalation_level > 0:
        ctx.say(_("Case {number} is already with the district.").format(number=case.number))
    elif not confirmed:
        ctx.say(
            _(
                "Transfer case {number} to the district? Its officers are alerted and the "
                "case leaves the village queue."
            ).format(number=case.number),
            [
                Button(f"case:transfer-yes:{case.id}", short(_("Transfer"))),
                Button(f"case:open:{case.id}", short(_("Back"))),
            ],
        )
    else:
        transfer_to_district(ctx.session, case=case, officer=officer)
        ctx.say(_("Case {number} is transferred to the district.").format(number=case.number))


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
            elif action in ("reply", "resolve", "note"):
                flow = {"reply": REPLYING, "resolve": RESOLVING, "note": NOTING}[action]
                conv.flow, conv.step = flow, None
                ctx.set_data(case_id=case.id)
                ctx.say(_prompt(ctx, flow, case))
            elif action in ("transfer", "transfer-yes"):
                _transfer(ctx, case, officer, confirmed=action == "transfer-yes")
            elif action == "release":
                unclaim(ctx.session, case=case, officer=officer)
                ctx.say(_("Case {number} is back in the village queue.").format(number=case.number))
            else:
                thread = [e for e in case.events if e.kind in ("family_message", "reply", "note")][
                    -5:
                ]
                lines = [case_summary(case), _("Status: {status}").format(status=case.status)]
                lines += [f"• {e.actor}: {(e.body or '')[:200]}" for e in thread]
                ctx.say("\n".join(lines), rows=case_actions(ctx, case, officer))
        except CaseError as error:
            ctx.say(_(str(error)))
        return
    text = (ctx.incoming.text or "").strip()
    if conv.flow in (*TYPED, REVIEWING) and text.casefold() in ("batal", "cancel", "/cancel"):
        conv.flow, conv.data = None, {}
        ctx.say(_("Cancelled."))
        return
    if conv.flow == REVIEWING and text:
        chosen = visible_case(ctx.session, officer, int(ctx.data.get("case_id", 0)))
        take_topics(ctx, officer, chosen, text)
        return
    if conv.flow in TYPED and text:
        flow = conv.flow
        case = visible_case(ctx.session, officer, int(ctx.data.get("case_id", 0)))
        conv.flow, conv.data = None, {}
        if case is None:
            ctx.say(_("That case is not in your area or does not exist."))
            return
        try:
            if flow == RESOLVING:
                resolve(ctx.session, case=case, officer=officer, outcome=text, now=ctx.now)
                done = (
                    _("Case {number} is resolved; the family has been told.")
                    if case.contact_id
                    else _(
                        "Case {number} is resolved. The family deleted their data: nobody was told."
                    )
                )
            elif flow == NOTING:
                note(ctx.session, case=case, officer=officer, text=text)
                done = _("Note saved on case {number}; only officers see it.")
            else:
                reply(ctx.session, case=case, officer=officer, text=text, now=ctx.now)
                done = _("Sent to the family of case {number}.")
        except CaseError as error:
            ctx.say(_(str(error)))
            return
        ctx.say(done.format(number=case.number))
        return
    ctx.say(
        _(
            "You are registered as a village officer. New cases arrive here with buttons; the "
            "dashboard shows your whole queue."
        )
    )
