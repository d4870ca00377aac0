"""Village news in the chat: "info desa" subscribes, "berhenti" / "stop" ends it.

"stop" and "berhenti" also cancel a form (bot/commands.py). Inside a form they cancel the form
and say that the news goes on; outside a form, a subscriber who types them is unsubscribed at
once and told how to come back. Only WhatsApp and Telegram can carry news to someone who is not
chatting (see bot/announcements/audience.py), so the web chat says where to subscribe instead.
"""

from __future__ import annotations

from bot.announcements import service
from bot.context import Ctx
from bot.flows.base import Form, Step
from bot.flows.common import VILLAGE, VILLAGE_CONFIRM
from bot.options import short
from bot.types import Button
from knowledge.normalize import fold

STOP_WORDS = frozenset(("stop", "berhenti"))
SUBSCRIBE, CHANGE = "cmd:subscribe", "cmd:subscribe_change"


def is_stop_word(ctx: Ctx) -> bool:
    return fold((ctx.incoming.text or "").strip().lstrip("/")) in STOP_WORDS


def _village_label(ctx: Ctx, code: str) -> str:
    village = ctx.engine.villages.get(code)
    return village.label if village is not None else code


def offer(ctx: Ctx) -> list[Button]:
    """The "Info desa" button at the end of a registration or a report, for who can get it."""
    if not service.can_subscribe(ctx.contact):
        return []
    if service.subscription_of(ctx.session, ctx.contact.id) is not None:
        return []
    return [Button(SUBSCRIBE, short(ctx._("Village news")))]


def subscribe(ctx: Ctx) -> None:
    """Subscribes with the village the contact gave before, or asks for it."""
    _ = ctx._
    if not service.can_subscribe(ctx.contact):
        ctx.say(
            _(
                "Village news is sent on WhatsApp and Telegram. Write *info desa* to Migran "
                "there to receive it."
            )
        )
        return
    current = service.subscription_of(ctx.session, ctx.contact.id)
    if current is not None:
        ctx.say(
            _("You already receive news from {village}. Type *berhenti* to stop it.").format(
                village=_village_label(ctx, current.village_code)
            ),
            [Button(CHANGE, short(_("Change village")))],
        )
        return
    if ctx.contact.village_code:
        _confirm(ctx, ctx.contact.village_code)
        return
    conv = ctx.conversation
    if conv.flow in ctx.engine.forms and conv.parked:
        ctx.say(
            _("First finish your form (type *lanjut*); at its end you can ask for village news.")
        )
        return
    ctx.engine.start_form(ctx, "subscribe")


def change(ctx: Ctx) -> None:
    if not service.can_subscribe(ctx.contact):
        subscribe(ctx)
        return
    ctx.engine.start_form(ctx, "subscribe")


def _confirm(ctx: Ctx, village_code: str) -> None:
    service.subscribe(ctx.session, contact=ctx.contact, village_code=village_code, now=ctx.now)
    ctx.say(
        ctx._(
            "Done: you will receive news from the officers of {village} (training, job fairs, "
            "scam warnings). Type *berhenti* at any time to stop; *hapus data saya* deletes it."
        ).format(village=_village_label(ctx, village_code)),
        [Button(CHANGE, short(ctx._("Change village")))],
    )


def stop(ctx: Ctx) -> bool:
    """Unsubscribes; False when there was nothing to stop."""
    if not service.unsubscribe(ctx.session, contact=ctx.contact, now=ctx.now):
        return False
    ctx.say(
        ctx._("Stopped: you will get no more village news. To receive it again, type *info desa*.")
    )
    return True


def stop_command(ctx: Ctx) -> None:
    """ "berhenti info desa": stops the news, whether or not a form is open."""
    if not stop(ctx):
        ctx.say(ctx._("You do not receive village news. Type *info desa* to receive it."))


def still_subscribed_note(ctx: Ctx) -> None:
    """After "stop" cancelled a form: the news goes on until they say it again."""
    if service.subscription_of(ctx.session, ctx.contact.id) is not None:
        ctx.say(ctx._("You still receive village news; type *berhenti* again to stop it."))


class SubscribeForm(Form):
    """Which village's news: typed, matched against the official list and confirmed."""

    name = "subscribe"
    needs_consent = False
    steps = (VILLAGE, VILLAGE_CONFIRM)

    def after(self, ctx: Ctx, step: Step) -> Step | None:
        if step.name == "village_confirm" and not ctx.data.get("village_code"):
            return self.step("village")
        return super().after(ctx, step)

    def finish(self, ctx: Ctx) -> None:
        _confirm(ctx, ctx.data["village_code"])
