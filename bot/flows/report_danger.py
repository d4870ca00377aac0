"""Danger told while a report is open: the numbers from where the person is, and the report
marked urgent for its officer; of someone else, a report of its own one tap away.

A bare plea ("tolong pak", "mohon bantu kami pak") names no harm. Written to a calm report it
is most often a family pressing for news, and an urgent mark on every one of them would bury
the reports of people in danger in the officer's queue. So it is asked about: is someone in
danger now? One tap (or "iya") gives the numbers and marks the report urgent; "tidak" leaves it
as it was. The plea itself reaches the officer either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import pieces, replies
from bot.cases.service import add_family_message, for_the_case, open_case_of
from bot.context import Ctx
from bot.flows import menu
from bot.flows.someone_else import keep_apart, kept_apart_lately
from bot.i18n import N_, translator
from bot.options import ADDRESS, NO_WORDS, YES_WORDS, short
from bot.store.models import Case
from bot.types import Button
from knowledge.danger import PLEA
from knowledge.danger_model import read_danger
from knowledge.emergency import Country, at_home

if TYPE_CHECKING:
    from bot.engine import Engine

DANGER_NOW, NO_DANGER_NOW = "danger_now", "no_danger_now"
"""The answers to "is someone in danger now?", asked after a bare plea to a calm report."""
DANGER_PRESSED = N_("Someone is in danger now.")
"""What the officer reads when the family answered yes to that question."""
PLACE_TOLD_WORDS = 6
"""A message this short naming a place, minutes after a danger reply that had no place, is
that place ("di dubai pak")."""


def say_of_case(ctx: Ctx, case: Case, text: str, buttons: list[Button] | None = None) -> None:
    """Says a line about the family's report; of a report kept from the village, its officer
    is the district's (a district-only report was told "your village officer" at every step:
    an officer-side tester, stop 48)."""
    ctx.say(for_the_case(case, text), buttons or [])


def reported_country(engine: Engine, case: Case) -> Country | None:
    """Where the report places the worker: its city first ("Dubai" under "Timur Tengah
    lainnya" gave only the numbers from anywhere: a family chat tester, stop 50), else its
    country."""
    return engine.numbers.first_country_in(case.city, case.country)


def danger_place(engine: Engine, case: Case, text: str) -> Country | None:
    """Where someone in danger a report is about calls from: the place the message says they
    are in; none in Indonesia ("d sekap agen di batam", "udh dibawa ke pelabuhan mau nyebrang
    ke malaysia malam ini": the police at home); else the report's."""
    if at_home(text):
        # the place abroad said to be where they are now, not the work they are taken for
        # ("d bawa calo ke pelabuhan lembar malam ini, katanya kerja d johor": stop 54)
        return engine.numbers.where_to_dial(text)
    return engine.numbers.located_in(text) or reported_country(engine, case)


def only_pleads(text: str) -> bool:
    """A plea that names no harm ("tolong pak", "tolong bantu kami pak")."""
    reading = read_danger(text)
    return reading is not None and reading.kind == PLEA


def ask_whether_in_danger(ctx: Ctx, case: Case, text: str) -> None:
    """A bare plea to a calm report: passed on, and whether someone is in danger now asked
    (it marked the report urgent, with the numbers: a tester's note, stop 53)."""
    add_family_message(ctx.session, case=case, text=text)
    say_of_case(
        ctx,
        case,
        ctx._(
            "I have added this to your report *{number}*; your village officer will answer "
            "here. Is someone in danger right now?"
        ).format(number=case.number),
        [
            Button(f"cmd:{DANGER_NOW}", short(ctx._("Yes, in danger"))),
            Button(f"cmd:{NO_DANGER_NOW}", short(ctx._("No"))),
        ],
    )


def typed_answer_to_danger(ctx: Ctx, words: list[str]) -> str | None:
    """ "iya pak", "tidak" typed after "is someone in danger right now?"."""
    if f"cmd:{DANGER_NOW}" not in ctx.previous_options:
        return None
    said = set(words) - ADDRESS
    if not said or len(said) > ANSWER_WORDS:
        return None
    if said & NO_WORDS:
        return NO_DANGER_NOW if said - OF_DANGER <= NO_WORDS else None
    if said - OF_DANGER <= YES_WORDS | STILL:
        # "iya pak", "ada", "lagi bahaya pak", and the button's label typed: "Ya, dalam
        # bahaya" (typing the label looped; "lagi bahaya pak" and "ada" were filed: two
        # open-report testers, stop 54)
        return DANGER_NOW
    return None


ANSWER_WORDS = 5
STILL = frozenset("lagi masih sedang still".split())


OF_DANGER = frozenset("dalam bahaya sekarang ada orang in danger now someone".split())
"""Words of the question and its buttons, around a typed yes or no ("ya dalam bahaya", "yes,
in danger"): typing the label looped on the question (an open-report tester, stop 54)."""


def answer_whether_in_danger(engine: Engine, ctx: Ctx, answer: str) -> None:
    """Yes or no to "is someone in danger right now?", pressed or typed."""
    case = open_case_of(ctx.session, ctx.contact)
    if case is None:
        menu.show(ctx)  # resolved meanwhile
    elif answer == DANGER_NOW:
        danger_told(engine, ctx, case, translator("id")(DANGER_PRESSED))
    else:
        say_of_case(
            ctx,
            case,
            ctx._(
                "Thank you. Your report *{number}* stays as it is; your village officer will "
                "answer here."
            ).format(number=case.number),
        )


def place_told_after_the_numbers(engine: Engine, ctx: Ctx, case: Case, text: str) -> bool:
    """The place, told after the danger reply asked for it ("Sebutkan negara atau kotanya"
    answered "di dubai pak" was only added to the report: a family chat tester, stop 50): that
    place's numbers, and the message added to the report."""
    if len(text.split()) > PLACE_TOLD_WORDS:
        return False
    if not pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now):
        return False
    code, _ = pieces.danger_place_given(ctx.data.get(pieces.DANGER_PLACE_KEY))
    place = engine.numbers.country_in(text)
    if code or place is None:
        return False
    if kept_apart_lately(ctx):
        # the numbers were for someone kept off this report ("sri d taichung" after Sri's
        # danger): theirs, and their own urgent report carries it (it marked her sister's
        # report urgent: a regression tester, stop 56)
        keep_apart(ctx, text)
        engine.emergency(ctx, place, with_report=True)
        return True
    add_family_message(ctx.session, case=case, text=text)
    engine.emergency(ctx, place, with_report=False, open_report=case.number)
    return True


def _just_given(ctx: Ctx, place: Country | None) -> bool:
    """The numbers of this place were given minutes ago."""
    return pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now) and ctx.data.get(
        pieces.DANGER_PLACE_KEY
    ) == pieces.danger_place(place, ctx.lang)


def danger_told(engine: Engine, ctx: Ctx, case: Case, text: str) -> None:
    """Danger told to an open report: passed on as urgent, and the numbers of the place it
    names ("adiknya yang di riyadh juga dikurung": Riyadh's, not the report's; "d sekap agen
    di batam": Indonesia's police), unless they were just given."""
    add_family_message(ctx.session, case=case, text=text, urgent=True)
    case.urgent = True
    reading = engine.triage.read(text)
    # thugs at the family's house at home ("td ada org dtg ke rumah marah2 suruh cabut laporan,
    # bawa parang"): Indonesia's police first, not the report's country (a tester of the family
    # after a report, stop 65)
    at_the_house = reading.danger_at_home
    place = None if at_the_house else danger_place(engine, case, text)
    if _just_given(ctx, place):
        # a second harm told minutes after the numbers: they are above, said so in a line
        # (it got only "added": a tester, stop 49)
        say_of_case(
            ctx,
            case,
            ctx._(
                "Added to your report *{number}* and marked urgent; your village officer will "
                "see it. If it is happening now, call the numbers above."
            ).format(number=case.number),
        )
        return
    # a worker held on the way, at home; or the family's house threatened
    home = at_the_house or (place is None and case.country == "Indonesia")
    engine.emergency(ctx, place, with_report=False, open_report=case.number, home=home)


def danger_of_someone_else(engine: Engine, ctx: Ctx, case: Case, text: str) -> None:
    """Danger told of another worker or another country than the open report's: the numbers,
    and an urgent report of its own one tap away, carrying the message. The open report is
    left as it was: its officer would otherwise see another person's danger on it."""
    keep_apart(ctx, text)
    # someone else is not where the report's worker is: the place this message names, else
    # none asked for ("adik sy Sri dikurung majikan" on Siti's report on Malaysia got
    # Malaysia's 999: a regression tester, stop 56)
    place = None if at_home(text) else engine.numbers.where_to_dial(text)
    given = _just_given(ctx, place)
    if not given:
        engine.emergency(ctx, place, with_report=True)
    button = Button(replies.URGENT_REPORT, short(ctx._("Urgent report")))
    kept_off(ctx, case, KEPT_OFF_URGENT, button if given else None)


KEPT_OFF_URGENT = N_(
    "Your report *{number}* is about {about}, so I have not added this to it. "
    "*Urgent report* sends it as a new report."
)
KEPT_OFF_NEW = N_(
    "Your report *{number}* is about {about}, so I have not added this to it. "
    "*New report* sends it as a report of its own."
)


def kept_off(ctx: Ctx, case: Case, line: str, button: Button | None) -> None:
    """News of someone else, said not to be added to the open report (`line`: one of the
    `KEPT_OFF_*` lines), with the button that sends it as a report of its own."""
    text = ctx._(line).format(number=case.number, about=menu.case_about(ctx, case))
    say_of_case(ctx, case, text, [button] if button is not None else [])
