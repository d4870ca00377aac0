"""What the service keeps about the person asking ("data saya", "show me my data").

The privacy answer promises a copy and a correction; before this, "sy mau liat data sy" got
only who sees it, and "show me my data" a pointer to the answer above (a chat tester, stop
53). Shown here: every field the forms stored, the phone number masked as in the logs, and how
to correct or delete it."""

from __future__ import annotations

from sqlalchemy import select

from bot.announcements.models import Subscription
from bot.cases.service import cases_of
from bot.context import Ctx
from bot.flows.report_labels import country_title, title_of
from bot.flows.training import DESTINATIONS, EDUCATION, SEXES
from bot.flows.withdrawal import course_title
from bot.options import short
from bot.register.service import entries_of
from bot.registrations import registrations_of
from bot.types import Button

SHOWN_DIGITS = 4
"""The end of a phone number shown back: enough to know it, not enough to read it off."""


def masked_phone(phone: str | None) -> str | None:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return "•••" + digits[-SHOWN_DIGITS:] if len(digits) > SHOWN_DIGITS else None


def show(ctx: Ctx) -> None:
    _ = ctx._
    lines = [*_contact_lines(ctx), *_form_lines(ctx)]
    kept = (
        [_("What I keep about you:"), *("• " + line for line in lines)]
        if lines
        else [_("I keep nothing about you from a form.")]
    )
    conv = ctx.conversation
    if conv.flow in ctx.engine.forms:
        # a form not finished holds what was typed so far (a regression tester, stop 53)
        kept.append(_("A form you have not finished holds what you typed so far."))
    kept += [
        "",
        _("The messages of this chat are deleted after {days} days.").format(
            days=ctx.engine.retention_days
        ),
    ]
    if not lines:
        ctx.say("\n".join(kept))
        return
    kept.append(
        _(
            "To correct something, press *Ask an officer* and say what is wrong. To delete "
            "everything, type *delete my data*."
        )
    )
    ctx.say("\n".join(kept), [Button("cmd:report", short(_("Ask an officer")))])


def _contact_lines(ctx: Ctx) -> list[str]:
    _ = ctx._
    lines = []
    contact = ctx.contact
    phone = masked_phone(contact.phone)
    if phone:
        lines.append(_("Your phone number: {phone}").format(phone=phone))
    if contact.village_code:
        lines.append(
            _("Your village: {village}").format(village=_village(ctx, contact.village_code))
        )
    subscribed = ctx.session.scalar(
        select(Subscription.id).where(
            Subscription.contact_id == contact.id, Subscription.ended_at.is_(None)
        )
    )
    if subscribed:
        lines.append(_("Village news: on (type *berhenti info desa* to stop)"))
    return lines


def _form_lines(ctx: Ctx) -> list[str]:
    _ = ctx._
    lines = []
    for reg in registrations_of(ctx.session, ctx.contact):
        told = [
            _("Training *{code}* ({title}): {name}, born {year}, {village}").format(
                code=reg.code,
                title=course_title(ctx, reg.programme_slug),
                name=reg.name,
                year=reg.birth_year,
                village=_village(ctx, reg.village_code),
            ),
            # every field the form kept (phone, destination, schooling, sex: a regression
            # tester, stop 53, saw only three)
            masked_phone(reg.phone),
            title_of(DESTINATIONS, reg.destination, ctx) if reg.destination else None,
            title_of(EDUCATION, reg.education, ctx) if reg.education else None,
            title_of(SEXES, reg.sex, ctx) if reg.sex else None,
        ]
        lines.append(", ".join(t for t in told if t))
    reported = _("Report *{code}*: {worker}, {country}, {village}, with the story you wrote")
    recorded = _("Departure *{code}*: {worker}, {country}, {village}")
    about_workers = [
        *(
            (reported, c.number, c.worker_name, c.country, c.village_code)
            for c in cases_of(ctx.session, ctx.contact)
        ),
        *(
            (recorded, e.code, e.worker_name, e.country, e.village_code)
            for e in entries_of(ctx.session, ctx.contact)
        ),
    ]
    for line, code, worker, country, village in about_workers:
        lines.append(
            line.format(
                code=code,
                worker=worker or "-",
                country=country_title(ctx, country),
                village=_village(ctx, village),
            )
        )
    return lines


def _village(ctx: Ctx, code: str | None) -> str:
    village = ctx.engine.villages.get(code) if code else None
    return village.label if village is not None else code or "-"
