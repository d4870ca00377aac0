"""A return told by someone whose departure was never recorded ("lapor kepulangan", "anak sy
udh pulang dr malaysia"): the register form, asking when the worker left and when they came
home, and recording the whole trip as returned. Without it the returnee met a dead end ("no
recorded departure"), and the village's count of who came home missed them."""

from __future__ import annotations

from datetime import date

from bot.context import Ctx
from bot.flows import news
from bot.flows.base import Invalid, Step
from bot.flows.common import confirm_guess, not_known, skip_button, skipped, yes_no
from bot.flows.register import FEAST_DATE, RegisterForm
from bot.flows.register import FIELDS as REGISTER_FIELDS
from bot.i18n import N_
from bot.options import bullet, short
from bot.register.hints import DateOfAFeast, date_in, typed_date
from bot.register.service import create_entry
from bot.types import Button
from knowledge.normalize import fold

FIELDS: tuple[tuple[str, str], ...] = (
    *(f for f in REGISTER_FIELDS if f[0] not in ("contract", "contact_abroad")),
    ("homecoming", N_("Came home")),
    ("contract", N_("Contract (months)")),
)


def offer_homecoming(ctx: Ctx) -> None:
    """Beside the answer to news of a return: recording it, as one button."""
    ctx.say(
        ctx._("Has the worker come home? You can record the return for your village."),
        [Button("cmd:returned", short(ctx._("Record the return")))],
    )


class HomecomingForm(RegisterForm):
    change_fields = FIELDS
    name = "homecoming"

    def __init__(self) -> None:
        super().__init__()
        home = Step(
            "homecoming",
            self.homecoming_prompt,
            self.homecoming_read,
            store_as="homecoming",
            free_text=True,
        )
        steps: list[Step] = []
        for step in self.steps:
            if step.name == "contact_abroad":
                continue  # the worker is home
            steps.append(step)
            if step.name == "departure":
                steps.append(home)
        self.steps = tuple(steps)

    def prefill(self, ctx: Ctx, opening: str) -> None:
        """A date in the opening message is the day the worker came home ("pulang kemarin")."""
        super().prefill(ctx, opening)
        today = ctx.today
        when = date_in(opening, today, past=True)
        ctx.set_data(
            date_guess=None,
            home_guess=when.isoformat()
            if when and self._plausible(ctx, when) and when <= today
            else None,
        )

    # -- the questions that differ -------------------------------------------------------
    consent_text = N_(
        "The village keeps a register of the people who work abroad and come home, so it "
        "can help them and their family. We keep: the worker's name, village, sex, year of "
        "birth, destination, work, placement company, dates and contract. The officers of "
        "the village and district see it; the province sees only counts. You can erase the "
        "name at any time by typing *delete my data*. Do you agree?"
    )
    consent_again = N_("Do you agree that the village keeps this trip in its register?")
    worker_question = N_("What is the full name of the person who came home?")
    sector_question = N_("What work did the worker do abroad? Choose, or type the job.")
    company_question = N_(
        "Which placement company (PT / P3MI) sent the worker? Type its name, or press "
        "*Skip* if you do not know or there was none."
    )

    def departure_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._(
                "When did the worker leave? E.g. *maret 2023*, *2 tahun lalu* or *2023-03-15*. "
                "Press *Skip* if you do not remember."
            ),
            skip_button(ctx),
        )

    def departure_read(self, ctx: Ctx) -> str | None:
        if skipped(ctx):
            return None
        when = self._past_date(ctx)
        home = ctx.data.get("homecoming")
        if home and when > date.fromisoformat(str(home)):
            raise Invalid(ctx._("That is after the return. Please type when the worker left."))
        return when.isoformat()

    def homecoming_prompt(self, ctx: Ctx) -> None:
        guess = ctx.data.get("home_guess")
        if guess:
            ctx.say(
                ctx._("Came home: {date} — correct?").format(
                    date=date.fromisoformat(str(guess)).strftime("%d-%m-%Y")
                ),
                yes_no(ctx, N_("Yes, correct"), N_("No")),
            )
            return
        ctx.say(
            ctx._("When did the worker come home? E.g. *kemarin*, *2 minggu lalu* or *15 oktober*.")
        )

    def homecoming_read(self, ctx: Ctx) -> str:
        guess = ctx.data.get("home_guess")
        if guess and confirm_guess(ctx, "home_guess", N_("All right, please type the date.")):
            return str(guess)
        if skipped(ctx) or not_known(set(fold(ctx.incoming.text or "").split())):
            # "lewati" was "I could not read that date", three times (a journeys tester, stop
            # 62): this one is needed, and a month or "about a year ago" is enough
            raise Invalid(
                ctx._(
                    "This record needs when the worker came home; about when is enough, e.g. "
                    "*bulan lalu*, *oktober* or *setahun lalu*. To stop, type *batal*."
                )
            )
        when = self._past_date(ctx)
        left = ctx.data.get("departure")
        if left and when < date.fromisoformat(str(left)):
            raise Invalid(ctx._("That is before the departure. Please type when they came home."))
        return when.isoformat()

    def _past_date(self, ctx: Ctx) -> date:
        today = ctx.today
        try:
            when = typed_date(ctx.incoming.text or "", today, past=True)  # "agustus": the last
        except DateOfAFeast:
            raise Invalid(ctx._(FEAST_DATE)) from None
        except ValueError:
            raise Invalid(
                ctx._("I could not read that date. Type it like *maret 2023* or *2 bulan lalu*.")
            ) from None
        if not self._plausible(ctx, when) or when > today:
            raise Invalid(ctx._("That date does not look right. Please type it again."))
        return when

    # -- the end -------------------------------------------------------------------------
    def summary_text(self, ctx: Ctx) -> str:
        _ = ctx._
        d = ctx.data
        lines = [
            _("Please check the trip:"),
            *self.worker_lines(ctx),
            bullet(_("Departure"), _shown(d.get("departure"))),
            bullet(_("Came home"), _shown(d.get("homecoming"))),
            bullet(_("Contract (months)"), d.get("contract") or "-"),
        ]
        return "\n".join(lines)

    def finish(self, ctx: Ctx) -> None:
        d = ctx.data
        if not self.sent(ctx):
            return
        left = date.fromisoformat(d["departure"]) if d.get("departure") else None
        entry = create_entry(
            ctx.session,
            **self.entry_fields(ctx),
            status="returned",
            departed_on=left,
            returned_on=date.fromisoformat(d["homecoming"]),
        )
        ctx.contact.village_code = d["village_code"]
        ctx.say(
            ctx._(
                "Recorded in the village register: welcome home! The code is *{code}*. Your "
                "village officer sees it and may check it with you. Type *status* to see it."
            ).format(code=entry.code),
            news.offer(ctx),
        )


def _shown(when: object) -> str:
    return date.fromisoformat(str(when)).strftime("%d-%m-%Y") if when else "-"
