"""Recording a departure in the village register: consent, who writes, the worker, village,
sex, age, destination, work, placement company, date, contract, a contact abroad.

```mermaid
stateDiagram-v2
    [*] --> consent: lapor berangkat / "anak saya mau berangkat ke Taiwan"
    consent --> reporter --> relation --> worker_name --> village --> village_confirm
    village_confirm --> sex --> birth_year --> country --> city --> sector --> company
    country --> country_other --> city
    sector --> job --> company
    company --> departure --> contract --> contact_abroad --> summary
    summary --> [*]: send → entry code (R-XXXXXX)
```
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from babel.dates import format_date

from bot.cases.hints import relation_in
from bot.companies import service as companies
from bot.context import Ctx
from bot.flows import company as company_answer
from bot.flows import news
from bot.flows.ages import birth_year_of
from bot.flows.base import Invalid, Step
from bot.flows.closed_routes import closed_route_note
from bot.flows.common import (
    CITY,
    COUNTRY_OTHER,
    IF_NOT_WRONG,
    VILLAGE,
    VILLAGE_CONFIRM,
    YES,
    confirm_guess,
    country_guessed,
    country_read,
    country_rows,
    declines,
    skip_button,
    skipped,
    worker_name_read,
    yes_no,
)
from bot.flows.corrections import correct_earlier
from bot.flows.report_labels import REPORTERS, country_title, reporter_label, title_of
from bot.flows.summary import CANCEL, CHANGE, SUBMIT, ChangeableForm
from bot.i18n import N_
from bot.options import bullet, short
from bot.register.dates import month_only
from bot.register.hints import (
    DateOfAFeast,
    date_in,
    tells_past,
    typed_date,
    writer_relation,
)
from bot.register.service import create_entry, entries_of, find_duplicate
from bot.register.vocab import SECTORS, SEXES, sector_in, sector_told, sex_of, typed_skip
from bot.spoken_numbers import with_digits
from bot.types import Button, Row
from knowledge.normalize import fold

YEARS = re.compile(r"(\d+) ?(?:tahun|taun|thn|th|tn|years?|yrs?)\b", re.IGNORECASE)
MONTHS = re.compile(r"(\d+) ?(?:bulan|bln|bl|months?|mos?)\b", re.IGNORECASE)


def contract_months(text: str) -> int | None:
    """A contract's length in months: years and months as told ("2 taun" is 24, "4 tahun 10
    bulan" 58: they were 2 and 48; a forms tester, stop 55), or a bare number of months."""
    years, months = YEARS.search(text), MONTHS.search(text)
    if years or months:
        return (int(years.group(1)) * 12 if years else 0) + (int(months.group(1)) if months else 0)
    bare = re.search(r"\d+", text)
    return int(bare.group()) if bare else None


# what the summary's *Change* offers: at most 10, a WhatsApp list's limit
FIELDS: tuple[tuple[str, str], ...] = (
    ("worker_name", N_("Worker")),
    ("village", N_("Village")),
    ("sex", N_("Sex")),
    ("birth_year", N_("Year of birth")),
    ("country", N_("Country")),
    ("sector", N_("Work")),
    ("company", N_("Company")),
    ("departure", N_("Departure")),
    ("contract", N_("Contract (months)")),
    ("contact_abroad", N_("Contact abroad")),
)
"""What the summary's *Change* offers: at most 10, a WhatsApp list's limit."""
OLDEST_DEPARTURE = timedelta(days=365 * 30)
LATEST_DEPARTURE = timedelta(days=365 * 2)


def offer_register(ctx: Ctx) -> None:
    """Beside the answer to a question about leaving: the register, as one button."""
    ctx.say(
        ctx._("Has the departure been decided? You can record it for your village."),
        [Button("cmd:register", short(ctx._("Record departure")))],
    )


def already_recorded(ctx: Ctx, code: str) -> None:
    """The departure is on record already: how to update or see it, not a second entry."""
    ctx.say(
        ctx._(
            "This departure is already recorded (code *{code}*). Type *departed* or *came "
            "home* to update it, or *status* to see it."
        ).format(code=code)
    )


VIA_BEFORE = re.compile(
    r"^(?:(?:lewat|lwt|melalui|via|dari|dr|sama|sm|pakai|pake|ikut|dengan|dgn|through|with)\s+)+",
    re.IGNORECASE,
)
"""The word that says by whom, before the company's name ("lewat PT ...")."""
HEDGE_AFTER = re.compile(
    rf"[ ,]+(?:{IF_NOT_WRONG}|kayaknya|kyknya|"
    r"sepertinya|kalau gak keliru|if i m not mistaken|if im not mistaken|i think|"
    r"i guess)\b.*$|[ ,]+(?:mungkin|maybe)$",
    re.IGNORECASE,
)
"""A hedge typed after a name ("..., kalo gk salah"): not part of it."""


FEAST_DATE = N_(
    "I cannot tell that date from a feast: its day moves every year. Type the month, e.g. "
    "*maret* or *april 2027*."
)


def date_shown(ctx: Ctx, iso: str, month: bool) -> str:
    """A date as the family gave it: "Januari 2027" for "bulan depan", else day-month-year."""
    when = date.fromisoformat(iso)
    if month:
        return format_date(when, "MMMM y", locale=ctx.lang)
    return when.strftime("%d-%m-%Y")


AFTER_THE_COUNTRY = frozenset(
    ("city", "sector", "job", "company", "departure", "contract", "contact_abroad")
)
"""The register's steps at which a country corrected is taken ("eh bukan jepang tp taiwan" at
the city was kept as the city: a forms tester, stop 65)."""


class RegisterForm(ChangeableForm):
    change_fields = FIELDS
    name = "register"
    consent_text = N_(
        "The village keeps a register of the people who leave to work abroad, so it can "
        "help them and their family. We keep: the worker's name, village, sex, year of "
        "birth, destination, work, placement company, dates, contract and, if you wish, "
        "a contact abroad. The officers of the village and district see it; the province "
        "sees only counts. You can erase the name and contacts at any time by typing "
        "*delete my data*. Do you agree?"
    )
    consent_again = N_("Do you agree that the village keeps this departure in its register?")
    worker_question = N_("What is the full name of the person who is leaving?")
    sector_question = N_("What work will the worker do? Choose, or type the job.")
    company_question = N_(
        "Which placement company (PT / P3MI) sends the worker? Type its name as it is "
        "written on the papers, or press *Skip* if you do not know."
    )

    def __init__(self) -> None:
        self.steps = (
            Step(
                "consent",
                self.consent_prompt,
                self.consent_read,
                store_as="consent",
                reprompt=self.consent_reprompt,
            ),
            Step("reporter", self.reporter_prompt, self.reporter_read, store_as="reporter"),
            Step(
                "relation",
                self.relation_prompt,
                self.relation_read,
                store_as="relation",
                free_text=True,
            ),
            Step(
                "worker_name",
                self.worker_prompt,
                worker_name_read,
                store_as="worker_name",
                free_text=True,
            ),
            VILLAGE,
            VILLAGE_CONFIRM,
            Step("sex", self.sex_prompt, self.sex_read, store_as="sex"),
            Step(
                "birth_year", self.age_prompt, self.age_read, store_as="birth_year", free_text=True
            ),
            Step("country", self.country_prompt, country_read, store_as="country"),
            COUNTRY_OTHER,
            CITY,
            Step("sector", self.sector_prompt, self.sector_read, store_as="sector"),
            Step("job", self.job_prompt, self.job_read, store_as="job", free_text=True),
            Step(
                "company",
                self.company_prompt,
                self.company_read,
                store_as="company",
                free_text=True,
            ),
            Step(
                "departure",
                self.departure_prompt,
                self.departure_read,
                store_as="departure",
                free_text=True,
            ),
            Step(
                "contract",
                self.contract_prompt,
                self.contract_read,
                store_as="contract",
                free_text=True,
            ),
            Step(
                "contact_abroad",
                self.abroad_prompt,
                self.abroad_read,
                store_as="contact_abroad",
                free_text=True,
            ),
            Step("summary", self.summary_prompt, self.summary_read, store_as="decision"),
            Step("change", self.change_prompt, self.change_read, store_as="change_field"),
        )

    def prefill(self, ctx: Ctx, opening: str) -> None:
        """What the opening message names (the country, who writes) is confirmed, not asked."""
        relation = writer_relation(opening)
        left = tells_past(opening)
        when = date_in(opening, ctx.today, past=left)
        ctx.set_data(
            opening=opening,
            left=left,
            date_guess=when.isoformat() if when and self._plausible(ctx, when) else None,
            departure_month=bool(when and month_only(opening, when)),
            country_guess=country_guessed(ctx, opening),
            reporter="self" if relation == "self" else ("family" if relation else None),
            relation=relation if relation and relation != "self" else None,
        )
        told = sector_told(opening)
        if told is not None:
            # "mau brgkt ke arab saudi jd ART", "leaving to work as a housemaid": the work is
            # not asked again (a forms tester, stop 55); the summary shows it to change
            ctx.set_data(sector=told, sector_told=True)

    def corrected(self, ctx: Ctx, step: str, text: str) -> bool:
        return correct_earlier(ctx, step, text, after_the_country=AFTER_THE_COUNTRY)

    def first(self, ctx: Ctx) -> Step:
        """Someone who agreed to the register for an earlier entry is not asked again."""
        if not any(e.consent_at for e in entries_of(ctx.session, ctx.contact)):
            return self.steps[0]
        ctx.set_data(consent=True)
        return self.step("worker_name" if ctx.data.get("reporter") else "reporter") or self.steps[0]

    def after(self, ctx: Ctx, step: Step) -> Step | None:
        data = ctx.data
        if step.name == "summary":
            return self.step("change") if data.get("decision") == CHANGE else None
        if step.name == "change":
            ctx.set_data(editing=True)
            return self.step(data["change_field"])
        if data.get("editing"):
            return self._after_edit(ctx, step)
        if step.name == "consent":
            if not data.get("consent"):
                ctx.say(ctx._("All right, nothing was saved. Type *menu* to see other options."))
                return None
            if data.get("reporter"):
                return self.step("worker_name")
        if step.name == "reporter" and (data.get("reporter") == "self" or data.get("relation")):
            return self.step("worker_name")
        if step.name == "village_confirm" and not data.get("village_code"):
            return self.step("village")
        if step.name == "country" and data.get("country") != "other":
            return self.step("city")
        if step.name == "sector" and (
            data.get("sector") != "other" or data.get("job") or data.get("job_skipped")
        ):
            return self.step("company")
        if step.name == "city" and data.get("sector_told"):
            return self.step("company")  # the work the opening message told
        return super().after(ctx, step)

    def _after_edit(self, ctx: Ctx, step: Step) -> Step | None:
        """One field changed from the summary: back to it, through the steps that depend on
        the field (a village is confirmed, a new country asks its city, "other" work its name)."""
        data = ctx.data
        if step.name == "village":
            return self.step("village_confirm")
        if step.name == "village_confirm" and not data.get("village_code"):
            return self.step("village")
        if step.name == "country":
            return self.step("city" if data.get("country") != "other" else "country_other")
        if step.name == "country_other":
            return self.step("city")
        if step.name == "sector" and data.get("sector") == "other":
            return self.step("job")
        return self.step("summary")

    # -- consent and who writes -----------------------------------------------------------
    def consent_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._(self.consent_text), yes_no(ctx, N_("I agree"), N_("No")))

    def consent_reprompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._(self.consent_again), yes_no(ctx, N_("I agree"), N_("No")))

    def consent_read(self, ctx: Ctx) -> bool:
        agreed = self.option(ctx, yes_no(ctx, N_("I agree"), N_("No"))) == YES
        if agreed and ctx.contact.consent_at is None:
            ctx.contact.consent_at = ctx.now
        return agreed

    def _reporter_buttons(self, ctx: Ctx) -> list[Button]:
        return [Button(f"rep:{k}", short(ctx._(t))) for k, t in REPORTERS]

    def reporter_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("Who is writing?"), self._reporter_buttons(ctx))

    def reporter_read(self, ctx: Ctx) -> str:
        relation = None if ctx.incoming.button else writer_relation(ctx.incoming.text or "")
        if relation is None:
            return self.option(ctx, self._reporter_buttons(ctx)).split(":", 1)[1]
        if relation == "self":
            return "self"
        ctx.set_data(relation=relation)
        return "family"

    def relation_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("What is your relation to the worker? E.g. *ibu*, *kakak*, *suami*."))

    def relation_read(self, ctx: Ctx) -> str:
        """ "anak tiang" (my child) makes the writer the parent: it was saved as "anak" (a
        family chat tester, stop 48)."""
        text = self.text(ctx, 2, 32)
        relation = writer_relation(text)
        if relation is not None and relation != "self":
            return relation
        return relation_in(text) or text.lower()

    def worker_prompt(self, ctx: Ctx) -> None:
        if ctx.data.get("reporter") == "self":
            ctx.say(ctx._("What is your full name?"))
        else:
            ctx.say(ctx._(self.worker_question))

    # -- the worker ---------------------------------------------------------------------
    def _sex_buttons(self, ctx: Ctx) -> list[Button]:
        return [Button(f"sex:{k}", short(ctx._(t))) for k, t in SEXES]

    def sex_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("Is the worker a woman or a man?"), self._sex_buttons(ctx))

    def sex_read(self, ctx: Ctx) -> str:
        said = None if ctx.incoming.button else sex_of(ctx.incoming.text or "")
        return said or self.option(ctx, self._sex_buttons(ctx)).split(":", 1)[1]

    def age_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._("How old is the worker? Type the age or the year of birth, e.g. *24* or *2001*.")
        )

    def age_read(self, ctx: Ctx) -> int:
        birth_year = birth_year_of(ctx.incoming.text or "", ctx.today.year)
        if birth_year is None:
            raise Invalid(
                ctx._("Please type a number: the age (e.g. 24) or year of birth (e.g. 2001).")
            )
        if not 15 <= ctx.today.year - birth_year <= 75:
            raise Invalid(ctx._("That age does not look right. Please type the age, e.g. 24."))
        if ctx.today.year - birth_year < 18:
            ctx.say(
                ctx._(
                    "Note: a worker must be at least 18 to work abroad (UU 18/2017 Pasal 5). "
                    "The village officer will look at this departure."
                )
            )
        return birth_year

    def country_prompt(self, ctx: Ctx) -> None:
        guess = ctx.data.get("country_guess")
        if guess:
            ctx.say(
                ctx._("Country: {country} — correct?").format(country=country_title(ctx, guess)),
                yes_no(ctx, N_("Yes, correct"), N_("No")),
            )
            return
        ctx.say(ctx._("To which country?"), rows=country_rows(ctx), list_label=ctx._("Countries"))

    def _sector_rows(self, ctx: Ctx) -> list[Row]:
        return [Row(f"sector:{k}", short(ctx._(t), 24)) for k, t in SECTORS]

    def sector_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._(self.sector_question),
            rows=self._sector_rows(ctx),
            list_label=ctx._("Work"),
        )

    def sector_read(self, ctx: Ctx) -> str:
        try:
            return self.option(ctx, self._sector_rows(ctx)).split(":", 1)[1]
        except Invalid:
            text = " ".join((ctx.incoming.text or "").split())
            if ctx.incoming.button or len(text) < 3:
                raise
            if typed_skip(text) or declines(set(fold(text).split())):
                # "skip", "lewati", "gk tau" were kept as the job (a forms tester, stop 55), and
                # "jgn diisi", "rahasia" (a tester, stop 57)
                ctx.set_data(job=None, job_skipped=True)
                return "other"
            ctx.set_data(job=text[:120])
            return sector_in(text) or "other"

    def job_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("Please type the job, e.g. *operator pabrik* or *sopir*."))

    def job_read(self, ctx: Ctx) -> str:
        return self.text(ctx, 2, 120)

    def company_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._(self.company_question), skip_button(ctx))

    def company_read(self, ctx: Ctx) -> str | None:
        if skipped(ctx):
            return None
        typed = self.text(ctx, 2, 200)
        # "PT Bintang Jaya Abadi kalo gk salah" was kept whole (a family-side tester, stop 56);
        # "lewat PT Lombok Mandiri Jaya" was kept with its "lewat", and so was not found on the
        # list, a revoked company saved without a warning (a register tester, stop 63)
        name = VIA_BEFORE.sub("", HEDGE_AFTER.sub("", typed)).strip(" ,.")
        return name or typed

    @staticmethod
    def _plausible(ctx: Ctx, when: date) -> bool:
        today = ctx.today
        return today - OLDEST_DEPARTURE <= when <= today + LATEST_DEPARTURE

    def departure_prompt(self, ctx: Ctx) -> None:
        guess = ctx.data.get("date_guess")
        if guess:
            ctx.say(
                ctx._("Departure: {date} — correct?").format(
                    date=date_shown(ctx, guess, bool(ctx.data.get("departure_month")))
                ),
                yes_no(ctx, N_("Yes, correct"), N_("No")),
            )
            return
        ctx.say(
            ctx._(
                "When does the worker leave (or when did they leave)? E.g. *15 januari*, "
                "*bulan depan* or *2026-01-15*. Press *Skip* if it is not known yet."
            ),
            skip_button(ctx),
        )

    def departure_read(self, ctx: Ctx) -> str | None:
        guess = ctx.data.get("date_guess")
        if guess and confirm_guess(ctx, "date_guess", N_("All right, please type the date.")):
            return str(guess)
        if skipped(ctx):
            return None
        today = ctx.today
        typed = ctx.incoming.text or ""
        try:  # "agustus" after "sudah berangkat" is the last August, not the next
            when = typed_date(typed, today, past=bool(ctx.data.get("left")))
        except DateOfAFeast:
            raise Invalid(ctx._(FEAST_DATE)) from None
        except ValueError:
            raise Invalid(
                ctx._("I could not read that date. Type it like *15 januari* or *bulan depan*.")
            ) from None
        if not self._plausible(ctx, when):
            raise Invalid(ctx._("That date does not look right. Please type it again."))
        ctx.set_data(departure_month=month_only(typed, when))
        return when.isoformat()

    def contract_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._(
                "How long is the contract, in months? E.g. *24*. Press *Skip* if you do not know."
            ),
            skip_button(ctx),
        )

    def contract_read(self, ctx: Ctx) -> int | None:
        if skipped(ctx):
            return None
        months = contract_months(with_digits(ctx.incoming.text or ""))  # "dua tahun"
        if months is None or not 1 <= months <= 120:
            raise Invalid(ctx._("Please type the number of months, e.g. *24*."))
        return months

    def abroad_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._(
                "Optional: a phone number or address abroad where the worker can be reached, "
                "for the village officer in an emergency. Press *Skip* to leave it out."
            ),
            skip_button(ctx),
        )

    def abroad_read(self, ctx: Ctx) -> str | None:
        return None if skipped(ctx) else self.text(ctx, 4, 200)

    # -- the end -------------------------------------------------------------------------
    def worker_lines(self, ctx: Ctx) -> list[str]:
        """The summary's lines on who writes and the worker, down to the company."""
        _ = ctx._
        d = ctx.data
        village = ctx.engine.villages.get(d.get("village_code", ""))
        country = country_title(ctx, d.get("country"))
        reporter = reporter_label(ctx)  # "Family member (husband)" in English, not "(suami)"
        return [
            bullet(_("Written by"), reporter),
            bullet(_("Worker"), d.get("worker_name", "-")),
            bullet(_("Village"), village.label if village else "-"),
            bullet(_("Sex"), title_of(SEXES, d.get("sex"), ctx)),
            bullet(_("Year of birth"), d.get("birth_year", "-")),
            bullet(_("Country"), country + (f", {d['city']}" if d.get("city") else "")),
            bullet(_("Work"), d.get("job") or title_of(SECTORS, d.get("sector"), ctx)),
            bullet(_("Company"), d.get("company") or "-"),
        ]

    def summary_text(self, ctx: Ctx) -> str:
        _ = ctx._
        d = ctx.data
        when = d.get("departure")
        when_text = "-"
        if when:
            past = date.fromisoformat(when) <= ctx.today
            when_text = (
                date_shown(ctx, when, bool(d.get("departure_month")))
                + " "
                + (_("(left)") if past else _("(planned)"))
            )
        lines = [
            _("Please check the departure:"),
            *self.worker_lines(ctx),
            bullet(_("Departure"), when_text),
            bullet(_("Contract (months)"), d.get("contract") or "-"),
            bullet(_("Contact abroad"), d.get("contact_abroad") or "-"),
        ]
        note = closed_route_note(ctx, d.get("country"), d.get("sector"), d.get("job"))
        return "\n".join([*lines, *([f"\n{note}"] if note else [])])

    def sent(self, ctx: Ctx) -> bool:
        """The summary was sent with consent; a cancel is said so."""
        d = ctx.data
        if d.get("consent") and d.get("decision") == SUBMIT:
            return True
        if d.get("decision") == CANCEL:
            ctx.say(ctx._("Cancelled; nothing was saved."))
        return False

    def entry_fields(self, ctx: Ctx) -> dict[str, Any]:
        """What every entry the chat records keeps, whatever its dates."""
        d = ctx.data
        return {
            "village_code": d["village_code"],
            "country": d["country"],
            "source": "chat",
            "contact": ctx.contact,
            "now": ctx.now,
            "consent": True,
            "reporter_relation": "self" if d.get("reporter") == "self" else d.get("relation"),
            "worker_name": d.get("worker_name"),
            "sex": d.get("sex"),
            "birth_year": d.get("birth_year"),
            "city": d.get("city"),
            "sector": d.get("sector"),
            "job": d.get("job"),
            "company_name": d.get("company"),
            "contract_months": d.get("contract"),
        }

    def finish(self, ctx: Ctx) -> None:
        d = ctx.data
        if not self.sent(ctx):
            return
        duplicate = find_duplicate(
            ctx.session,
            contact=ctx.contact,
            worker_name=d.get("worker_name", ""),
            village_code=d["village_code"],
        )
        if duplicate is not None:
            already_recorded(ctx, duplicate.code)
            return
        when = date.fromisoformat(d["departure"]) if d.get("departure") else None
        left = when is not None and when <= ctx.today
        entry = create_entry(
            ctx.session,
            **self.entry_fields(ctx),
            planned_departure=None if left else when,
            departed_on=when if left else None,
            contact_abroad=d.get("contact_abroad"),
        )
        ctx.contact.village_code = d["village_code"]
        ctx.say(
            ctx._(
                "Recorded in the village register. The code is *{code}*. Your village officer "
                "sees it and may check it with you. Later, type *departed* when the worker has "
                "left, *came home* when they are home, or *changed employer* after a change of "
                "employer. Type *status* to see it."
            ).format(code=entry.code),
            news.offer(ctx),
        )
        if entry.company_name:
            self._check_company(ctx, entry.company_name, entry.country)

    @staticmethod
    def _check_company(ctx: Ctx, name: str, country: str) -> None:
        """The family learns at once whether the company they named is on the province's list
        (and has a job order for that country); nothing is said when no list is loaded."""
        shown = country_title(ctx, country)
        result = companies.check(ctx.session, name, shown, today=ctx.today)
        if result.verdict not in ("no_list", "choices"):
            company_answer.render(ctx, result)
