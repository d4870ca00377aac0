"""Withdrawing from a training. A clear wish ("batal pelatihan", "sy gk jadi ikut pelatihan")
names the registration by its code, else it is the newest one; one question confirms it, as
erasing one's data does, and the village officer is told. Any other message leaves the
registration as it was."""

from __future__ import annotations

from itertools import pairwise

from bot.cases.service import ERASE_PENDING, WITHDRAW_PENDING
from bot.commands import (
    GOING,
    NOT_GOING,
    OWN_CODE,
    REGISTERED_FOR,
    TAKING_BACK,
    TRAINING_CODE,
    withdraws,
)
from bot.context import Ctx
from bot.flows import menu
from bot.options import ADDRESS, NO_WORDS, YES_WORDS, short
from bot.registrations import REGISTERED, registrations_of, withdraw
from bot.store.models import Registration
from bot.types import Button
from knowledge.normalize import fold

YES, NO = "withdraw:yes", "withdraw:no"
CODE_KEY = "withdraw_code"
KEEPING = frozenset("jangan jgn usah tetap tetep keep stay simpan".split())
ANSWER_WORDS = (
    YES_WORDS
    | NO_WORDS
    | TAKING_BACK
    | NOT_GOING
    | GOING
    | REGISTERED_FOR
    | KEEPING
    | ADDRESS
    | frozenset("gajadi ikut saya sy aku eh yah ah lah".split())
)
"""All an answer to "Withdraw registration P-...?" says: "iya batalin aja", "tetap ikut"."""


def course_title(ctx: Ctx, slug: str) -> str:
    programme = ctx.engine.catalog.get(slug)
    return programme.title.get(ctx.lang, slug) if programme else slug


def start(ctx: Ctx) -> None:
    """Asks to confirm withdrawing the registration the wish names; without one to withdraw,
    a form in progress stops as *batal* stops it."""
    _ = ctx._
    own = registrations_of(ctx.session, ctx.contact)
    named = TRAINING_CODE.search(ctx.incoming.text or "")
    if named is not None:
        code = named.group(0).upper()
        chosen = next((r for r in own if r.code == code), None)
        if chosen is None:
            ctx.say(
                _(
                    "I cannot find registration *{code}* in this chat. Type *status* to see yours."
                ).format(code=code)
            )
            return
        if chosen.status != REGISTERED:
            ctx.say(_("Registration *{code}* is already withdrawn.").format(code=code))
            return
    else:
        active = [r for r in own if r.status == REGISTERED]
        if not active:
            if ctx.conversation.flow:
                ctx.engine.run_command(ctx, "cancel")
            else:
                menu.show(ctx, _("You have no training registration to withdraw."))
            return
        chosen = active[-1]  # the newest; another is named by its code
    _leave_flow(ctx)
    ctx.conversation.flow = WITHDRAW_PENDING
    ctx.set_data(**{CODE_KEY: chosen.code})
    ctx.say(
        _(
            "Withdraw your registration *{code}* for {course}? Type *ya* to withdraw or "
            "*tidak* to keep it."
        ).format(code=chosen.code, course=course_title(ctx, chosen.programme_slug)),
        [Button(YES, short(_("Yes, withdraw"))), Button(NO, short(_("No, keep it")))],
    )


def _leave_flow(ctx: Ctx) -> None:
    """A form begun again by mistake ("sy gk jadi ikut pelatihan" had opened a new one) ends,
    and so does a question waiting for an answer."""
    conv = ctx.conversation
    if conv.flow in ctx.engine.forms:
        ctx.say(ctx._("Cancelled. Nothing more will be saved from that form."))
    elif conv.flow == ERASE_PENDING:
        ctx.say(ctx._("Nothing was deleted."))
    ctx.engine.clear(ctx)


def answer(text: str | None) -> str | None:
    """The answer to "Withdraw ...?" in words: "ya", "iya batalin aja", "gk jadi ikut" withdraw;
    "tidak", "jangan", "tetap ikut", "gak jadi" keep. None when it is neither, or when it names
    a code (a wish of its own)."""
    if not text or OWN_CODE.search(text):
        return None
    words = fold(text).split()
    said = set(words)
    if not said or not said <= ANSWER_WORDS:
        return None
    not_going = "gajadi" in said or any(a in NOT_GOING and b in GOING for a, b in pairwise(words))
    if withdraws(text) or (not_going and "ikut" in said):
        return YES
    if not_going or said & (NO_WORDS | KEEPING):
        return NO
    if said & (YES_WORDS | TAKING_BACK):
        return YES
    return None


def _pending(ctx: Ctx) -> Registration | None:
    code = ctx.data.get(CODE_KEY) if ctx.conversation.flow == WITHDRAW_PENDING else None
    own = registrations_of(ctx.session, ctx.contact)
    return next((r for r in own if r.code == code and r.status == REGISTERED), None)


def confirm(ctx: Ctx) -> None:
    _ = ctx._
    registration = _pending(ctx)
    ctx.engine.clear(ctx)
    if registration is None:
        ctx.say(_("Nothing is waiting to be withdrawn. Type *status* to see your registrations."))
        return
    village = ctx.engine.villages.get(registration.village_code)
    told = withdraw(
        ctx.session,
        registration,
        place=village.label if village is not None else registration.village_code,
    )
    done = _("Your registration *{code}* is withdrawn.").format(code=registration.code)
    if told:
        done += " " + _("Your village officer has been told.")
    ctx.say(done + " " + _("You can register again at any time: type *pelatihan*."))


def keep(ctx: Ctx) -> None:
    """No, or anything else than an answer: the registration stays as it was."""
    registration = _pending(ctx)
    ctx.engine.clear(ctx)
    if registration is None:
        return
    ctx.say(
        ctx._("Nothing was withdrawn: registration *{code}* stays.").format(code=registration.code)
    )
