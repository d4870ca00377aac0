"""The menu and the one-step commands: status, language, help and erasing one's data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.answers import smalltalk_text
from bot.cases.asking import asks_after_a_report
from bot.commands import OTHER_PHONE
from bot.context import Ctx
from bot.i18n import N_
from bot.options import ADDRESS, NO_WORDS, YES_WORDS, short
from bot.replies import EMERGENCY_CHOICE, EMERGENCY_LABEL
from bot.types import Button, Row
from knowledge.normalize import fold

if TYPE_CHECKING:
    from bot.store.models import Case

MENU_ITEMS = (
    (EMERGENCY_CHOICE, EMERGENCY_LABEL),
    ("cmd:ask", N_("Ask a question")),
    ("cmd:training", N_("Sign up for training")),
    ("cmd:report", N_("Report a problem")),
    ("cmd:register", N_("Record a departure")),
    ("cmd:status", N_("My status")),
    ("cmd:subscribe", N_("Village news")),
    ("cmd:language", N_("Bahasa / Language")),
    ("cmd:erase", N_("Delete my data")),
)
ERASE_YES, ERASE_NO = "erase:yes", "erase:no"
LANG_ID, LANG_EN = "lang:id", "lang:en"


def show(ctx: Ctx, prompt: str | None = None) -> None:
    rows = [Row(key, short(ctx._(title), 24)) for key, title in MENU_ITEMS]
    if ctx.conversation.flow in ctx.engine.forms and ctx.conversation.parked:
        rows.insert(0, Row("cmd:resume", short(ctx._("Continue my form"), 24)))
    ctx.say(
        prompt
        or ctx._(
            "Migran helps you work abroad safely. Type a question in your own words, or choose:"
        ),
        rows=rows[:10],
        list_label=ctx._("Menu"),
    )


def ask_prompt(ctx: Ctx) -> None:
    ctx.say(
        ctx._(
            "Type your question in your own words, e.g. *berapa biaya ke Taiwan?* or "
            "*paspor saya ditahan majikan*."
        )
    )


def help_(ctx: Ctx) -> None:
    """What the service does, with the menu under it: one message, not the same "type your
    question" twice."""
    show(ctx, smalltalk_text("help", ctx.lang))


CASE_STATES = {
    "new": N_("waiting for an officer"),
    "claimed": N_("an officer is handling it"),
    "resolved": N_("resolved"),
}


def case_state(ctx: Ctx, case: Case) -> str:
    """Where a report stands, in the family's words."""
    return ctx._(CASE_STATES.get(case.status, case.status))


def case_about(ctx: Ctx, case: Case) -> str:
    """Whom and where a report is about ("Siti Aminah, Malaysia"): with two reports, or news
    of someone else, which is which."""
    from bot.cases.categories import QUESTION
    from bot.flows.report_labels import country_title

    if case.category == QUESTION:
        return ctx._("your question")  # no worker nor country asked ("Laporan K-..: ... (-)")
    return ", ".join(x for x in (case.worker_name, country_title(ctx, case.country)) if x)


def case_lines(ctx: Ctx, cases: Sequence[Case] | None = None) -> list[str]:
    """Where each of the contact's reports (or of `cases`) stands, one a line."""
    from bot.cases.service import cases_of

    lines = []
    for case in cases_of(ctx.session, ctx.contact) if cases is None else cases:
        about = case_about(ctx, case)
        line = ctx._("Report *{number}*: {state}").format(
            number=case.number, state=case_state(ctx, case)
        )
        lines.append(f"{line} ({about})" if about else line)
    return lines


def reports_not_sent(ctx: Ctx) -> None:
    """Where the report stands, asked while it is being filled in ("gmn laporan sy?"): not
    sent yet, and sent once the questions are answered; any sent before, where they stand."""
    _ = ctx._
    unsent = (
        _("Your report is not sent yet.") + " " + _("It is sent once these questions are answered.")
    )
    ctx.say("\n".join([*case_lines(ctx), unsent]))


def status(ctx: Ctx) -> None:
    from bot.flows.register_update import departure_lines
    from bot.flows.withdrawal import course_title
    from bot.registrations import WITHDRAWN, registrations_of

    _ = ctx._
    lines: list[str] = []
    for reg in registrations_of(ctx.session, ctx.contact):
        line = (
            _("Training *{code}*: {title} — withdrawn (registered {date})")
            if reg.status == WITHDRAWN
            else _("Training *{code}*: {title} — registered {date}")
        )
        lines.append(
            line.format(
                code=reg.code,
                title=course_title(ctx, reg.programme_slug),
                date=reg.created_at.strftime("%d-%m-%Y"),
            )
        )
    lines += case_lines(ctx)
    lines += departure_lines(ctx)
    conv = ctx.conversation
    if conv.flow in ctx.engine.forms and conv.parked:
        # "status" typed in the middle of a report: it has not been sent
        unsent = (
            _("Your report is not sent yet.")
            if conv.flow == "case"
            else _("Your form is not finished yet.")
        )
        lines.append(unsent + " " + _("Type *continue* to finish it."))
    if not lines:
        none = _("You have no registrations or reports yet. Type *menu* to start.")
        if OTHER_PHONE.search(fold(ctx.incoming.text or "")) or asks_after_a_report(
            ctx.incoming.text or ""
        ):
            # "sy kmrn lapor lwt hp anak sy": this number has none; that phone has it
            # "kok laporannya gk ada?" after the data were erased: the case is still with the
            # officers, with nothing left to link it to this chat (a family-side tester, stop 63)
            none = _(
                "This number has no reports. A report sent from another phone is answered on "
                "that phone, and one whose data were erased is no longer linked to this chat: "
                "press *Ask an officer* and your village officer will look for it. To report a "
                "problem, type *report*."
            )
            ctx.say(none, [Button("cmd:report", short(_("Ask an officer")))])
            return
        ctx.say(none)
        return
    ctx.say("\n".join(lines))


def language_buttons(ctx: Ctx) -> list[Button]:
    return [Button(LANG_ID, "Bahasa Indonesia"), Button(LANG_EN, "English")]


PAUSED_FORM_KEY = "paused_form"
"""A form paused by a question of the service's own (delete my data? which language?): where
to go back to once it is answered."""


def set_aside_paused(ctx: Ctx) -> None:
    """Keeps the paused form's place before a side question takes the conversation."""
    from bot.cases.service import ERASE_PENDING, WITHDRAW_PENDING

    conv = ctx.conversation
    if conv.parked and conv.flow and conv.flow not in ("language", ERASE_PENDING, WITHDRAW_PENDING):
        ctx.set_data(**{PAUSED_FORM_KEY: {"flow": conv.flow, "step": conv.step}})


def return_to_paused(ctx: Ctx) -> bool:
    """After the side question, the paused form again, still paused: "Tidak, jangan hapus"
    then "lanjut" found no form, and the training registration began from its first question
    (a journeys tester, stop 62)."""
    kept = ctx.data.get(PAUSED_FORM_KEY)
    if not isinstance(kept, dict) or not kept.get("flow"):
        return False
    conv = ctx.conversation
    conv.flow, conv.step, conv.parked = str(kept["flow"]), kept.get("step"), True
    ctx.set_data(**{PAUSED_FORM_KEY: None})
    ctx.say(ctx._("Your form is still paused. Type *continue* when you want to go on with it."))
    return True


def language_prompt(ctx: Ctx) -> None:
    set_aside_paused(ctx)
    ctx.conversation.flow = "language"
    ctx.say(ctx._("Choose your language / Pilih bahasa:"), language_buttons(ctx))


def set_language(ctx: Ctx, lang: str) -> None:
    ctx.contact.language = lang
    ctx.set_data(lang_chosen=True)
    chosen_here = ctx.conversation.flow == "language"
    if chosen_here:
        ctx.conversation.flow = None
    ctx.say(
        ctx._("Language set to English.")
        if lang == "en"
        else ctx._("Bahasa diganti ke Bahasa Indonesia.")
    )
    if chosen_here:
        return_to_paused(ctx)


def erase_buttons(ctx: Ctx) -> list[Button]:
    return [
        Button(ERASE_YES, short(ctx._("Yes, delete"))),
        Button(ERASE_NO, short(ctx._("No, keep"))),
    ]


def erase_prompt(ctx: Ctx) -> None:
    from bot.cases.service import ERASE_PENDING, OPEN_STATUSES, cases_of, open_case_of

    set_aside_paused(ctx)
    ctx.conversation.flow = ERASE_PENDING
    text = ctx._(
        "This deletes your registrations, your name and phone number and your chat "
        "messages. Open reports keep only what the officer needs, without your name. "
        "Delete now?"
    )
    case = open_case_of(ctx.session, ctx.contact)
    others = [
        c.number
        for c in cases_of(ctx.session, ctx.contact)
        if c.status in OPEN_STATUSES and case is not None and c.id != case.id
    ]
    if case is not None and others:
        # every open report named, not the newest alone (a family with three open was told
        # of one: a family chat tester, stop 50)
        numbers = ", ".join(f"*{n}*" for n in [case.number, *others])
        text += "\n\n" + ctx._(
            "Your reports {numbers} are still open: after this, their officers can no longer "
            "reply to you here."
        ).format(numbers=numbers)
    elif case is not None:
        text += "\n\n" + ctx._(
            "Your report *{number}* is still open: after this, your officer can no longer "
            "reply to you here."
        ).format(number=case.number)
    ctx.say(text, erase_buttons(ctx))


ERASE_WORDS = frozenset(
    "hapus hapuskan hapusin dihapus delete erase semua semuanya data datanya saya sy aku my all "
    "it sekarang now tolong silakan silahkan yakin gpp gapapa please sure".split()
)
KEEP_WORDS = frozenset(
    "jadi batal cancel keep simpan usah dulu nanti ntar not do don dont t".split()
)
""""gk jadi", "jangan", and the English "do not delete" (which deleted everything: a
regression tester, stop 56)."""


def erase_answer(text: str | None) -> str | None:
    """The answer to "Delete now?" in words: "iya pak hapus aja semuanya", "yaudah hapus", "ok"
    delete; "gk jadi", "jangan", "batal" keep. None when it is neither."""
    words = set(fold(text or "").split()) - ADDRESS
    if not words:
        return None
    if words & (NO_WORDS | KEEP_WORDS) and words <= NO_WORDS | KEEP_WORDS | ERASE_WORDS:
        return ERASE_NO
    agreeing = YES_WORDS | {"hapus", "dihapus", "delete", "erase", "silakan", "silahkan", "gpp"}
    if words & agreeing and words <= YES_WORDS | ERASE_WORDS:
        return ERASE_YES
    return None


def erase(ctx: Ctx) -> None:
    from bot.privacy import erase_contact

    language = ctx.lang
    erase_contact(ctx.session, ctx.contact, now=ctx.now)
    ctx.contact.language = language
    ctx.say(ctx._("Your data has been deleted. Thank you for using Migran."))


def erase_cancelled(ctx: Ctx) -> None:
    ctx.say(ctx._("Nothing was deleted."))
    if not return_to_paused(ctx):
        ctx.engine.clear(ctx)


# -- forms -----------------------------------------------------------------------------
