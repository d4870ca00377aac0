"""Two reports open and a message that names neither: which one is it for?

A mother with a report on her daughter in Malaysia and one on her son in Saudi Arabia writes
"pak tolong dibantu, sy sdh gk tau hrs gmn". It went to whichever report was last active, and
its officer read a plea about the other worker. Now the message is kept on that report
without telling its officer, the family is asked which report it is for, and the officer of
the one chosen hears of it. Whatever the family writes next instead, the message stays where
it is kept and its officer hears of it then: nothing waits for an answer that never comes.
A message answering an officer's question goes to that officer's report without asking.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.cases.hints import countries_in
from bot.cases.service import (
    OPEN_STATUSES,
    add_family_message,
    cases_of,
    for_the_case,
    record,
    tell_officers_of_message,
)
from bot.commands import OWN_CODE
from bot.context import Ctx
from bot.flows import menu
from bot.i18n import N_
from bot.options import NEGATORS, short
from bot.store.models import Case, CaseEvent
from bot.types import MAX_BUTTONS, Button
from knowledge.normalize import fold

HELD_KEY = "held_for_pick"
"""conversation data: the message kept until the family says which report it is for (the
event's id and the open reports' numbers)."""
PICK = "pick:"
"""A command: "pick:K-ABC123" or "pick:both" (as a button, `cmd:pick:...`)."""
BOTH = "both"
BOTH_WORDS = frozenset(
    "keduanya kedua duanya dua2nya dua2 duaduanya dua semua semuanya both all sama2 "
    "samasama".split()
)
PICK_FILLERS = frozenset(
    "yg yang untuk utk buat ke laporan lapor laporannya report soal tentang ttg punya pak bu "
    "kak min mas mbak bang ini itu tu si anak adik adek dik kakak kaka kk suami istri bapak "
    "ibu ponakan keponakan sy saya aku ku nya ya iya the one for about my mine tiang".split()
)
PICK_MAX_WORDS = 3
"""A typed answer to "which report?" is this short once fillers are left out ("yg siti",
"untuk anak sy rini", "keduanya pak"); a longer message is news of its own."""
CLOSE_PASSED = N_(
    "Your request to close report *{number}* was passed to your village officer. The officer "
    "is the one who closes it."
)
ADDED = N_("Added to your report *{number}*; your village officer will see it.")
FAMILY_KINDS = frozenset({"created", "family_message", "media", "reopened"})


def open_reports(ctx: Ctx) -> list[Case]:
    return [c for c in cases_of(ctx.session, ctx.contact) if c.status in OPEN_STATUSES]


def answering(cases: Sequence[Case]) -> Case | None:
    """The report whose officer wrote last, after anything the family wrote on any open report:
    the family's next message answers that officer ("nama agen nya pak Joko")."""
    events = [
        (event.created_at, event.id or 0, event.kind, case)
        for case in cases
        for event in case.events
        if event.kind == "reply" or event.kind in FAMILY_KINDS
    ]
    if not events:
        return None
    _, _, kind, case = max(events, key=lambda e: (e[0], e[1]))
    return case if kind == "reply" else None


def answered_or_unclear(ctx: Ctx) -> tuple[Case | None, list[Case]]:
    """With two reports open, the one whose officer the family answers, or else the reports
    a message naming none of them could be for; (None, []) with one report."""
    cases = open_reports(ctx)
    if len(cases) < 2:
        return None, []
    officers = answering(cases)
    return officers, [] if officers is not None else cases


def hold(
    ctx: Ctx,
    case: Case,
    text: str,
    cases: Sequence[Case],
    lead: str = "",
    closing: bool = False,
    urgent: bool = False,
) -> None:
    """Keeps the message on `case` (the report it would have gone to) without telling its
    officer, and asks which report it is for; `closing`: it asks for that report to be closed
    ("yg hilang kontak sdh ketemu, laporannya tutup aja" asked to close the other report: a
    family chat tester, stop 49)."""
    event = record(ctx.session, case=case, kind="family_message", actor="family", body=text)
    ctx.session.flush()
    held = {
        "event": event.id,
        "cases": [c.number for c in cases],
        "closing": closing,
        "urgent": urgent,
    }
    ctx.set_data(**{HELD_KEY: held})
    ask_which(ctx, cases, lead)


def ask_again(ctx: Ctx) -> None:
    """After the reports' status, asked while a message waits for its report: the question
    again, with its buttons ("status" then "2" met "no numbered choices now", and the message
    went to the other report: a family chat tester, stop 50)."""
    held = ctx.data.get(HELD_KEY)
    if not held:
        return
    cases = [c for c in open_reports(ctx) if c.number in held["cases"]]
    if len(cases) >= 2:
        ask_which(ctx, cases)


def ask_which(ctx: Ctx, cases: Sequence[Case], lead: str = "") -> None:
    shown = sorted(cases, key=lambda c: c.id, reverse=True)[:MAX_BUTTONS]
    lines = "\n".join(f"• *{c.number}*: {menu.case_about(ctx, c) or c.category}" for c in shown)
    question = ctx._(
        "You have {count} open reports. Which one is this message for? Its officer will get "
        "it as soon as you choose."
    ).format(count=len(cases))
    buttons = [Button(f"cmd:{PICK}{c.number}", short(_label(ctx, c, shown))) for c in shown]
    if len(cases) == 2:
        buttons.append(Button(f"cmd:{PICK}{BOTH}", short(ctx._("Both"))))
    ctx.say(f"{lead}{question}" if lead else f"{question}\n{lines}", buttons)


def _label(ctx: Ctx, case: Case, cases: Sequence[Case]) -> str:
    """The worker's name where it tells the reports apart, else the country, else the code."""
    about = menu.case_about(ctx, case)
    name = case.worker_name or ""
    if name and sum(c.worker_name == name for c in cases) == 1:
        return name
    if about and sum(menu.case_about(ctx, c) == about for c in cases) == 1:
        return about
    return case.number


def typed(ctx: Ctx, text: str) -> str | None:
    """The report a short typed answer to "which report?" names ("yg siti", "K-ABC123",
    "keduanya"): `BOTH`, a report's code, or None."""
    held = ctx.data.get(HELD_KEY)
    if not held or not text:
        return None
    words = [w for w in fold(text).split() if w not in PICK_FILLERS]
    if not words or len(words) > PICK_MAX_WORDS:
        return None
    if set(words) <= BOTH_WORDS:
        return BOTH
    cases = [c for c in open_reports(ctx) if c.number in held["cases"]]
    codes = {code.upper() for code in OWN_CODE.findall(text)}
    chosen = [c for c in cases if c.number in codes]
    chosen = chosen or [c for c in cases if set(words) & _name_words(c)]
    if not chosen:
        countries = countries_in(text)
        chosen = [c for c in cases if c.country in countries]
    if chosen and not NEGATORS.isdisjoint(words):
        # "bukan rudi", "gk yg taiwan", "not rudi": the other one, never the one refused (it
        # went to the refused report: a regression tester, stop 56)
        chosen = [c for c in cases if c not in chosen]
    return chosen[0].number if len(chosen) == 1 else None


def _name_words(case: Case) -> set[str]:
    return {w for w in fold(case.worker_name or "").split() if len(w) > 2}


def picked(ctx: Ctx, which: str) -> None:
    """The family's answer: the message moves to the report chosen (or is added to both), and
    its officers hear of it."""
    event = _held_event(ctx)
    if event is None:
        menu.show(ctx)  # an old button: nothing is waiting
        return
    numbers = ctx.data[HELD_KEY]["cases"]
    closing = bool(ctx.data[HELD_KEY].get("closing"))
    urgent = bool(ctx.data[HELD_KEY].get("urgent"))
    ctx.set_data(**{HELD_KEY: None})
    cases = [c for c in open_reports(ctx) if c.number in numbers]
    targets = cases if which == BOTH else [c for c in cases if c.number == which]
    if not targets:
        _tell(ctx, event.case, event.body, closing, urgent)
        menu.show(ctx)
        return
    targets.sort(key=lambda c: c.id != event.case_id)  # where it is kept, first
    first = targets[0]
    if event.case_id != first.id:
        event.case = first
        first.updated_at = ctx.now
    _tell(ctx, first, event.body, closing, urgent)
    for other in targets[1:]:
        other.urgent = other.urgent or urgent
        add_family_message(ctx.session, case=other, text=event.body, closing=closing, urgent=urgent)
    if closing:
        asked = ctx._(CLOSE_PASSED)
        for case in targets:
            ctx.say(for_the_case(case, asked.format(number=case.number)))
        return
    if len(targets) == 1:
        ctx.say(for_the_case(first, ctx._(ADDED).format(number=first.number)))
        return
    ctx.say(
        ctx._("Added to your reports {numbers}; their officers will see it.").format(
            numbers=", ".join(f"*{c.number}*" for c in targets)
        )
    )


def release(ctx: Ctx) -> None:
    """The family wrote something else instead of choosing: the message stays on the report
    it was kept on, and that report's officer hears of it now."""
    event = _held_event(ctx)
    held = ctx.data.get(HELD_KEY) or {}
    if held:
        ctx.set_data(**{HELD_KEY: None})
    if event is not None:
        _tell(ctx, event.case, event.body, bool(held.get("closing")), bool(held.get("urgent")))


def _tell(ctx: Ctx, case: Case, text: str | None, closing: bool, urgent: bool) -> None:
    """The officers of the report a kept message ends on hear of it; danger makes it urgent."""
    case.urgent = case.urgent or urgent
    tell_officers_of_message(ctx.session, case=case, text=text, closing=closing, urgent=urgent)


def _held_event(ctx: Ctx) -> CaseEvent | None:
    held = ctx.data.get(HELD_KEY)
    if not held:
        return None
    return ctx.session.get(CaseEvent, held.get("event"))
