"""Training registration: programme, name, age, village, phone, destination, education, sex."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lokal import normalize_phone

from bot.cases.categories import MIDDLE_EAST_NAMED
from bot.context import Ctx
from bot.flows import news
from bot.flows.ages import birth_year_of
from bot.flows.base import Form, Invalid, Step
from bot.flows.closed_routes import closed_route_note
from bot.flows.common import (
    CONSENT,
    PLACE_CODES,
    VILLAGE,
    VILLAGE_CONFIRM,
    corrected_to,
    is_a_name,
    name_told,
    plain_name,
)
from bot.flows.report_refusal import REFUSED_KEY
from bot.flows.summary import CANCEL, CHANGE, ChangeableForm
from bot.i18n import N_
from bot.options import bullet, choose, short
from bot.register.vocab import sex_of
from bot.registrations import REGISTERED, create_registration, find_duplicate, registrations_of
from bot.store.models import Registration
from bot.types import Button, Row
from knowledge.normalize import fold
from knowledge.training import Programme


def named_programme(programmes: Sequence[Programme], text: str) -> str | None:
    """The one programme a message names by its words, or None (none, or more than one)."""
    folded = f" {fold(text)} "
    named = {p.slug for p in programmes if any(f" {w} " in folded for w in p.words)}
    return named.pop() if len(named) == 1 else None


def typed_destination(ctx: Ctx, text: str | None) -> str | None:
    """A country typed at the destinations ("arab saudi", "dubai", "kuwait" were refused: a
    forms tester, stop 55): its choice, the Middle East for the Gulf."""
    # "gk ke malaysia, korea": the place after the correction
    place = ctx.engine.numbers.country_in(corrected_to(text or ""))
    if place is None:
        return None
    code = PLACE_CODES.get(place.code)
    if code == "arab-saudi" or (code is None and place.name.get("id") in MIDDLE_EAST_NAMED):
        return "timur-tengah"
    return code if code in {c for c, _ in DESTINATIONS} else None


DESTINATIONS = (
    ("malaysia", N_("Malaysia")),
    ("taiwan", N_("Taiwan")),
    ("hongkong", N_("Hong Kong")),
    ("singapura", N_("Singapore")),
    ("korea", N_("South Korea")),
    ("jepang", N_("Japan")),
    ("brunei", N_("Brunei")),
    ("timur-tengah", N_("Middle East")),
    ("belum-tahu", N_("Not sure yet")),
)
EDUCATION = (
    ("sd", N_("Primary school or less")),
    ("smp", N_("Junior high (SMP)")),
    ("sma", N_("Senior high (SMA/SMK)")),
    ("diploma", N_("Diploma or degree")),
)
SEXES = (("f", N_("Woman")), ("m", N_("Man")))
USE_SENDER, SKIP = "opt:sender", "opt:skip"
FIELDS = (
    ("programme", N_("Training")),
    ("name", N_("Name")),
    ("birth_year", N_("Age")),
    ("village", N_("Village")),
    ("phone", N_("Phone")),
    ("destination", N_("Destination")),
    ("education", N_("Education")),
    ("sex", N_("Sex")),
)


def label(
    options: tuple[tuple[str, str], ...], key: str | None, translate: Callable[[str], str]
) -> str:
    return next((translate(t) for k, t in options if k == key), key or "-")


PHONE_IN_WORDS = re.compile(r"(?:\+\s?62|\b62|\b0)\s?8[\d\s.\-]{7,16}\d")
"""A mobile number inside other words ("0819 0763 4412 (wa jg bs)", "no hp sy 0878...")."""


def phone_typed(text: str) -> str | None:
    """The mobile number typed, alone or with words around it (they were refused: a family
    chat tester, stop 51)."""
    phone = normalize_phone(text)
    if phone is None and (found := PHONE_IN_WORDS.search(text)) is not None:
        phone = normalize_phone(found.group(0))
    return phone


class TrainingForm(ChangeableForm):
    change_fields = FIELDS
    name = "training"

    def __init__(self) -> None:
        self.steps = (
            CONSENT,
            Step("programme", self.programme_prompt, self.programme_read, store_as="programme"),
            Step("name", self.name_prompt, self.name_read, store_as="name", free_text=True),
            Step(
                "birth_year", self.age_prompt, self.age_read, store_as="birth_year", free_text=True
            ),
            VILLAGE,
            VILLAGE_CONFIRM,
            Step("phone", self.phone_prompt, self.phone_read, store_as="phone", free_text=True),
            Step(
                "destination",
                self.destination_prompt,
                self.destination_read,
                store_as="destination",
            ),
            Step("education", self.education_prompt, self.education_read, store_as="education"),
            Step("sex", self.sex_prompt, self.sex_read, store_as="sex"),
            Step("summary", self.summary_prompt, self.summary_read, store_as="decision"),
            Step("change", self.change_prompt, self.change_read, store_as="change_field"),
        )

    def first(self, ctx: Ctx) -> Step:
        if not ctx.contact.consent_at:
            return self.steps[0]
        programme = ctx.data.get("programme")
        if programme and not self._registered(ctx, str(programme)):
            return self.step("name") or self.steps[1]
        return self.steps[1]

    def prefill(self, ctx: Ctx, opening: str) -> None:
        """A training named in the message that opened the form ("mo daftar pelatihan bahasa
        korea kak") is taken, not asked again; the summary shows it and can change it."""
        super().prefill(ctx, opening)
        chosen = choose(opening, None, self._programme_rows(ctx))
        named = named_programme(ctx.engine.catalog.programmes, opening)
        if chosen or named:
            # also by the words people use ("mau ikut pelatihan perawat lansia", "I want to
            # join the caregiver training" were asked the training again: a forms tester,
            # stop 55)
            ctx.set_data(programme=chosen.split(":", 1)[1] if chosen else named)

    def _programme_or_on(self, ctx: Ctx) -> Step | None:
        """After consent: the name when the training is known (the form ends if this chat is
        registered for it already), else the training question."""
        programme = ctx.data.get("programme")
        if not programme:
            return self.step("programme")
        return None if self._already(ctx, str(programme)) else self.step("name")

    def after(self, ctx: Ctx, step: Step) -> Step | None:
        data = ctx.data
        if step.name == "consent" and not data.get("consent"):
            ctx.say(ctx._("All right, nothing was saved. Type *menu* to see other options."))
            return None
        if step.name == "consent":
            return self._programme_or_on(ctx)
        if step.name == "programme" and self._already(ctx, str(data.get("programme"))):
            return None  # said at once, not after eight questions
        if step.name == "village_confirm" and not data.get("village_code"):
            return self.step("village")
        if data.get("editing") and step.name not in ("village", "summary", "change"):
            return self.step("summary")
        if step.name == "summary":
            decision = data.get("decision")
            if decision == CHANGE:
                return self.step("change")
            return None
        if step.name == "change":
            field = data.get("change_field")
            ctx.set_data(editing=True)
            return self.step(field)
        return super().after(ctx, step)

    # -- steps ---------------------------------------------------------------------------
    def _programme_rows(self, ctx: Ctx) -> list[Row]:
        return [
            Row(
                f"prog:{p.slug}",
                short(p.title.get(ctx.lang, p.title["id"]), 24),
                short(p.teaches.get(ctx.lang, p.teaches["id"]), 72),
            )
            for p in ctx.engine.catalog.programmes[:10]
        ]

    def programme_prompt(self, ctx: Ctx) -> None:
        catalog = ctx.engine.catalog
        ctx.say(
            ctx._("Which training are you interested in?")
            + "\n\n"
            + catalog.where.get(ctx.lang, catalog.where["id"])
            + "\n"
            + catalog.who.get(ctx.lang, catalog.who["id"]),
            rows=self._programme_rows(ctx),
            list_label=ctx._("Trainings"),
        )

    def programme_read(self, ctx: Ctx) -> str:
        return self.option(ctx, self._programme_rows(ctx)).split(":", 1)[1]

    def name_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("What is your full name?"))

    def name_read(self, ctx: Ctx) -> str:
        name = self.text(ctx, 2, 100)
        named = name_told(name)  # "nama tiang Lalu Muhammad Zaini", "my name is Dewi"
        if named and is_a_name(named):
            return named
        if not is_a_name(name):
            raise Invalid(ctx._("Please type just your name, e.g. *Siti Aminah*."))
        return plain_name(name)

    def age_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("How old are you? Type your age or your year of birth, e.g. *24* or *2001*."))

    def age_read(self, ctx: Ctx) -> int:
        year_now = ctx.today.year
        birth_year = birth_year_of(ctx.incoming.text or "", year_now)
        if birth_year is None:
            raise Invalid(
                ctx._("Please type a number: your age (e.g. 24) or year of birth (e.g. 2001).")
            )
        age = year_now - birth_year
        if not 15 <= age <= 70:
            raise Invalid(ctx._("That age does not look right. Please type your age, e.g. 24."))
        if age < 18:
            ctx.say(
                ctx._(
                    "Note: you must be at least 18 to work abroad (UU 18/2017 Pasal 5). "
                    "You can still register your interest in training."
                )
            )
        return birth_year

    def phone_prompt(self, ctx: Ctx) -> None:
        sender = normalize_phone(ctx.incoming.phone or "") if ctx.incoming.phone else None
        if sender:
            ctx.say(
                ctx._(
                    "Which phone number can the officer call? Use this WhatsApp number ({phone}) "
                    "or type another."
                ).format(phone=sender),
                [
                    Button(USE_SENDER, short(ctx._("Use this number"))),
                    Button(SKIP, short(ctx._("Skip"))),
                ],
            )
            ctx.set_data(sender_phone=sender)
        else:
            ctx.say(
                ctx._("Which phone number can the officer call? Type it, e.g. *0812 3456 7890*."),
                [Button(SKIP, short(ctx._("Skip")))],
            )

    def phone_read(self, ctx: Ctx) -> str | None:
        if ctx.incoming.button == USE_SENDER and ctx.data.get("sender_phone"):
            return str(ctx.data["sender_phone"])
        skip = [Button(SKIP, short(ctx._("Skip")))]
        if ctx.incoming.button == SKIP or (ctx.incoming.text and self._is(ctx, skip)):
            return None
        phone = phone_typed(ctx.incoming.text or "")
        if not phone or not phone.startswith("+628"):
            raise Invalid(
                ctx._("That does not look like a mobile number. Type it like *0812 3456 7890*.")
            )
        return phone

    @staticmethod
    def _is(ctx: Ctx, options: list[Button]) -> bool:
        try:
            Form.option(ctx, options)
        except Invalid:
            return False
        return True

    def _rows(self, ctx: Ctx, prefix: str, options: tuple[tuple[str, str], ...]) -> list[Row]:
        return [Row(f"{prefix}:{k}", short(ctx._(t), 24)) for k, t in options]

    def destination_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._("Which country would you like to work in?"),
            rows=self._rows(ctx, "dest", DESTINATIONS),
            list_label=ctx._("Countries"),
        )

    def destination_read(self, ctx: Ctx) -> str:
        try:
            return self.option(ctx, self._rows(ctx, "dest", DESTINATIONS)).split(":", 1)[1]
        except Invalid:
            typed = None if ctx.incoming.button else typed_destination(ctx, ctx.incoming.text)
            if typed is None:
                raise
            return typed

    def education_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._("What is your highest schooling?"),
            rows=self._rows(ctx, "edu", EDUCATION),
            list_label=ctx._("Schooling"),
        )

    def education_read(self, ctx: Ctx) -> str:
        return self.option(ctx, self._rows(ctx, "edu", EDUCATION)).split(":", 1)[1]

    def _sex_buttons(self, ctx: Ctx) -> list[Button]:
        return [
            *(Button(f"sex:{k}", short(ctx._(t))) for k, t in SEXES),
            Button(SKIP, short(ctx._("Skip"))),
        ]

    def sex_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._("Are you a woman or a man? (Optional: the province counts trainees by sex.)"),
            self._sex_buttons(ctx),
        )

    def sex_read(self, ctx: Ctx) -> str | None:
        said = None if ctx.incoming.button else sex_of(ctx.incoming.text or "")
        if said is not None:
            return said  # "cowok", "laki2", "cewek"
        chosen = self.option(ctx, self._sex_buttons(ctx))
        return None if chosen == SKIP else chosen.split(":", 1)[1]

    def summary_text(self, ctx: Ctx) -> str:
        _ = ctx._
        data = ctx.data
        programme = ctx.engine.catalog.get(data.get("programme", ""))
        village = ctx.engine.villages.get(data.get("village_code", ""))
        lines = [
            _("Please check your registration:"),
            bullet(_("Training"), programme.title.get(ctx.lang) if programme else "-"),
            bullet(_("Name"), data.get("name", "-")),
            bullet(_("Year of birth"), data.get("birth_year", "-")),
            bullet(_("Village"), village.label if village else "-"),
            bullet(_("Phone"), data.get("phone") or "-"),
            bullet(_("Destination"), label(DESTINATIONS, data.get("destination"), _)),
            bullet(_("Education"), label(EDUCATION, data.get("education"), _)),
            bullet(_("Sex"), label(SEXES, data.get("sex"), _)),
        ]
        note = closed_route_note(ctx, data.get("destination"), data.get("programme"))
        return "\n".join([*lines, *([f"\n{note}"] if note else [])])

    # -- the end -------------------------------------------------------------------------
    @staticmethod
    def _registered(ctx: Ctx, programme: str) -> Registration | None:
        return next(
            (
                r
                for r in registrations_of(ctx.session, ctx.contact)
                if r.programme_slug == programme and r.status == REGISTERED
            ),
            None,
        )

    def _already(self, ctx: Ctx, programme: str) -> bool:
        """This chat already registered for the programme chosen: its code, and the form ends."""
        existing = self._registered(ctx, programme)
        if existing is None:
            return False
        ctx.set_data(already=True)
        ctx.say(
            ctx._(
                "You are already registered for this training (code *{code}*). "
                "Type *status* to see it."
            ).format(code=existing.code)
        )
        return True

    def left_behind(self, ctx: Ctx) -> dict[str, object]:
        """Consent refused: a change of mind ("ok setuju") a few minutes later starts the
        registration again, consent given (it was not understood: a journeys tester, stop
        62; the report form does so already)."""
        data = ctx.data
        if ctx.conversation.step != "consent" or data.get("consent") or ctx.contact.consent_at:
            return {}
        refusal = {"at": ctx.now.isoformat(), "flow": self.name, "opening": data.get("opening")}
        return {REFUSED_KEY: refusal}

    def finish(self, ctx: Ctx) -> None:
        data = ctx.data
        if data.get("already"):
            return
        if not data.get("consent") and not ctx.contact.consent_at:
            return
        if data.get("decision") == CANCEL:
            ctx.say(ctx._("Registration cancelled; nothing was saved."))
            return
        fields = {
            "programme": data["programme"],
            "name": data["name"],
            "birth_year": int(data["birth_year"]),
            "village_code": data["village_code"],
        }
        duplicate = find_duplicate(ctx.session, contact=ctx.contact, **fields)
        if duplicate is not None and duplicate.contact_id == ctx.contact.id:
            ctx.say(
                ctx._(
                    "You are already registered for this training (code *{code}*). "
                    "Type *status* to see it."
                ).format(code=duplicate.code)
            )
            return
        if duplicate is not None:
            # registered from another chat: its code is that chat's to see, and naming it
            # here would tell anyone who types a name, a year and a village (stop 56's list)
            ctx.say(
                ctx._(
                    "Someone with this name, birth year and village is already registered "
                    "for this training from another chat, so nothing was saved. If that was "
                    "you, type *status* in that chat; if not, ask your village officer."
                )
            )
            return
        registration = create_registration(
            ctx.session,
            contact=ctx.contact,
            programme_slug=data["programme"],
            name=data["name"],
            birth_year=int(data["birth_year"]),
            village_code=data["village_code"],
            phone=data.get("phone"),
            destination=data.get("destination"),
            education=data.get("education"),
            sex=data.get("sex"),
        )
        ctx.contact.village_code = data["village_code"]
        ctx.say(
            ctx._(
                "Registered! Your code is *{code}*. Your village officer passes your registration "
                "on and will tell you the schedule and place. Type *status* at any time."
            ).format(code=registration.code),
            news.offer(ctx),
        )
