"""Updates to a departure the contact recorded: "sudah berangkat", "sudah pulang",
"pindah majikan". With one entry that fits, it acts at once; with several, the person chooses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial

from bot import pieces
from bot.context import PIECES_KEY, Ctx
from bot.flows.base import Form, Step
from bot.flows.common import skipped
from bot.flows.report_labels import country_title
from bot.i18n import N_
from bot.options import short
from bot.register.hints import date_in
from bot.register.models import RegisterEntry
from bot.register.service import (
    RegisterError,
    cancel,
    entries_of,
    mark_departed,
    mark_returned,
    moved_employer,
    update_entry,
)
from bot.triage import Reading
from bot.types import Button, Row

UPDATES = ("departed", "returned", "moved")
TOLD_DATE_LIMIT = timedelta(days=365 * 3)
"""A departure or return told with a date is recorded on it, when it is this recent."""
FITS = {"departed": ("planned",), "returned": ("planned", "departed"), "moved": ("departed",)}
"""The statuses an entry may have for each update (a return may be told without a departure)."""


def has_entries(ctx: Ctx) -> bool:
    return bool(entries_of(ctx.session, ctx.contact))


def fitting(ctx: Ctx, action: str) -> list[RegisterEntry]:
    return fit_for(entries_of(ctx.session, ctx.contact), action)


def fit_for(entries: Sequence[RegisterEntry], action: str) -> list[RegisterEntry]:
    """Those of the entries already looked up that the update fits."""
    return [e for e in entries if e.status in FITS[action]]


def label(ctx: Ctx, entry: RegisterEntry) -> str:
    country = country_title(ctx, entry.country)
    return f"{entry.code} {entry.worker_name or ''} → {country}".replace("  ", " ")


STATES = {
    "planned": N_("leaving {date}"),
    "departed": N_("abroad since {date}"),
    "returned": N_("came home {date}"),
    "cancelled": N_("cancelled"),
}


def departure_lines(ctx: Ctx) -> list[str]:
    """The contact's register entries for "status"."""
    lines = []
    for entry in entries_of(ctx.session, ctx.contact):
        when = {
            "planned": entry.planned_departure,
            "departed": entry.departed_on,
            "returned": entry.returned_on,
        }.get(entry.status)
        state = ctx._(STATES.get(entry.status, "{date}")).format(
            date=when.strftime("%d-%m-%Y") if when else "?"
        )
        if entry.verified_at:
            state += ", " + ctx._("verified by the village")
        lines.append(
            ctx._("Departure *{code}*: {who} → {country}, {state}").format(
                code=entry.code,
                who=entry.worker_name or "-",
                country=country_title(ctx, entry.country),
                state=state,
            )
        )
    return lines


def typed_update(ctx: Ctx, reading: Reading) -> str | None:
    """The update a typed command brings ("lapor kepulangan", "sudah berangkat"). News told in
    a sentence is offered, not recorded (bot.flows.register_news)."""
    return reading.command if reading.command in UPDATES else None


CALL_OFF = "cmd:departure_off"
REPLAN = "cmd:departure_date"
"""The button that records the new day of a planned departure ("jadi berangkat besok")."""
TOLD_KEY = "register_told"
"""Conversation data: the entry an offer named and the date the news told, for the button."""


def _told(ctx: Ctx, entries: list[RegisterEntry]) -> tuple[RegisterEntry | None, date | None]:
    """The entry the last offer named, if it still fits, and the day the news told."""
    told = ctx.data.get(TOLD_KEY)
    ctx.set_data(**{TOLD_KEY: None})
    if not isinstance(told, dict):
        return None, None
    entry = next((e for e in entries if e.code == told.get("code")), None)
    when = date.fromisoformat(told["date"]) if entry is not None and told.get("date") else None
    return entry, when


def call_off(ctx: Ctx) -> None:
    """Cancels the planned departure the offer named (else the latest one)."""
    planned = fitting(ctx, "departed")
    named, _ = _told(ctx, planned)
    if not planned:
        ctx.say(ctx._("No planned departure of yours is recorded. Type *status* to see yours."))
        return
    entry = named or planned[-1]
    cancel(ctx.session, entry, now=ctx.now)
    ctx.say(
        ctx._(
            "Noted: departure {code} is cancelled. Your village officer sees it. If money was "
            "paid and not returned, type *lapor* and the officer will help."
        ).format(code=entry.code)
    )


def replan(ctx: Ctx) -> None:
    """Moves the planned departure the offer named to the day the news told."""
    named, when = _told(ctx, fitting(ctx, "departed"))
    if named is None or when is None:
        ctx.say(ctx._("No planned departure of yours is recorded. Type *status* to see yours."))
        return
    try:
        update_entry(ctx.session, named, officer=None, now=ctx.now, planned_departure=when)
    except RegisterError:
        ctx.say(ctx._("That does not fit this departure; your village officer can correct it."))
        return
    ctx.say(
        ctx._("Noted: {code} leaves on {date}. Type *departed* once they have left.").format(
            code=named.code, date=when.strftime("%d-%m-%Y")
        )
    )


def already_home(ctx: Ctx) -> RegisterEntry | None:
    return next((e for e in entries_of(ctx.session, ctx.contact) if e.status == "returned"), None)


def update(ctx: Ctx, action: str) -> None:
    """Runs a chat update: at once for a single fitting entry, else through the form."""
    entries = fitting(ctx, action)
    named, when = _told(ctx, entries)
    if named is not None:
        apply(ctx, action, named, when)  # the entry the offer named, on the day told
        return
    home = already_home(ctx) if action == "returned" and not entries else None
    if home is not None and home.returned_on is not None:
        # marked by the officer already: said so, not "no departure fits"
        ctx.say(
            ctx._("Already recorded: {code} came home on {date}.").format(
                code=home.code, date=home.returned_on.strftime("%d-%m-%Y")
            )
        )
        return
    # what was told just before the tap or "catat kepulangan" ("sy udh pulang dr malaysia":
    # the country and who writes were asked again, a journeys tester, stop 62)
    told = pieces.whole(pieces.recent(ctx.data.get(PIECES_KEY), ctx.now), ctx.incoming.text or "")
    if not entries and action == "returned":
        # a return with no departure on record: record the whole trip, not a dead end
        ctx.say(ctx._("No departure is recorded for you yet, so let us record the trip."))
        ctx.engine.start_form(ctx, "homecoming", opening=told)
        return
    if not entries and action == "departed" and not has_entries(ctx):
        ctx.engine.start_form(ctx, "register", opening=told)
        return
    if not entries:
        ctx.say(
            ctx._(
                "I found no recorded departure this fits. Type *status* to see yours, or "
                "*lapor berangkat* to record one."
            )
        )
        return
    if len(entries) == 1 and action != "moved":
        apply(ctx, action, entries[0])
        return
    ctx.engine.start_form(ctx, "register_update", opening=action)


def told_date(ctx: Ctx) -> date | None:
    """A past date the message gives ("sudah pulang bulan lalu", "berangkat kemarin")."""
    today = ctx.today
    when = date_in(ctx.incoming.text or "", today)
    return when if when is not None and today - TOLD_DATE_LIMIT <= when <= today else None


def apply(ctx: Ctx, action: str, entry: RegisterEntry, when: date | None = None) -> None:
    today = when or told_date(ctx) or ctx.today
    try:
        if action == "departed":
            mark_departed(ctx.session, entry, on=today, now=ctx.now)
            text = ctx._("Noted: {code} left on {date}. Have a safe journey!")
        else:
            mark_returned(ctx.session, entry, on=today, now=ctx.now)
            text = ctx._("Noted: {code} came home on {date}. Welcome home!")
    except RegisterError:
        ctx.say(ctx._("That does not fit this departure; your village officer can correct it."))
        return
    ctx.say(text.format(code=entry.code, date=today.strftime("%d-%m-%Y")))


COMMANDS: dict[str, Callable[[Ctx], None]] = {
    **{action: partial(update, action=action) for action in UPDATES},
    CALL_OFF.removeprefix("cmd:"): call_off,
    REPLAN.removeprefix("cmd:"): replan,
}
"""The register's commands, typed ("sudah pulang") or tapped beside news told in a sentence
(bot.flows.register_news), and what runs each: a new one is one line here."""


class RegisterUpdateForm(Form):
    name = "register_update"
    needs_consent = False

    def __init__(self) -> None:
        self.steps = (
            Step("pick", self.pick_prompt, self.pick_read, store_as="entry_id"),
            Step(
                "employer",
                self.employer_prompt,
                self.employer_read,
                store_as="employer",
                free_text=True,
            ),
            Step("city", self.city_prompt, self.city_read, store_as="city", free_text=True),
        )

    def prefill(self, ctx: Ctx, opening: str) -> None:
        ctx.set_data(action=opening)
        entries = fitting(ctx, opening)
        if len(entries) == 1:
            ctx.set_data(entry_id=entries[0].id)

    def first(self, ctx: Ctx) -> Step:
        return self.steps[1] if ctx.data.get("entry_id") else self.steps[0]

    def after(self, ctx: Ctx, step: Step) -> Step | None:
        if step.name == "pick" and ctx.data.get("action") != "moved":
            return None
        return super().after(ctx, step)

    def _rows(self, ctx: Ctx) -> list[Row]:
        entries = fitting(ctx, str(ctx.data.get("action")))
        return [Row(f"entry:{e.id}", short(label(ctx, e), 24)) for e in entries[:10]]

    def pick_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._("Which departure is it about?"), rows=self._rows(ctx), list_label=ctx._("Choose")
        )

    def pick_read(self, ctx: Ctx) -> int:
        return int(self.option(ctx, self._rows(ctx)).split(":", 1)[1])

    def employer_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("What is the name of the new employer (or company)?"))

    def employer_read(self, ctx: Ctx) -> str:
        return self.text(ctx, 2, 200)

    def city_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._("In which city or area? (Press *Skip* if you do not know.)"),
            [Button("opt:skip", short(ctx._("Skip")))],
        )

    def city_read(self, ctx: Ctx) -> str | None:
        return None if skipped(ctx) else self.text(ctx, 2, 120)

    def finish(self, ctx: Ctx) -> None:
        d = ctx.data
        entry = next((e for e in fitting(ctx, d["action"]) if e.id == d.get("entry_id")), None)
        if entry is None:
            return
        if d["action"] != "moved":
            apply(ctx, d["action"], entry)
            return
        moved_employer(ctx.session, entry, employer=d["employer"], city=d.get("city"), now=ctx.now)
        ctx.say(
            ctx._(
                "Noted: {code} now works for {employer}. Thank you for keeping it up to date."
            ).format(code=entry.code, employer=d["employer"])
        )
