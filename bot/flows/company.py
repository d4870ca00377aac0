"""The company check in the chat: "PT Maju Jaya resmi gak?" answered from the province's list,
always naming the list's date, and never guessing when no list is loaded.

Reaches the company domain only through `bot.companies.service`; the words are in the catalogs."""

from __future__ import annotations

import re
from datetime import date

from bot import pieces
from bot.companies import service
from bot.companies.mention import MARKER_WORDS, named_company
from bot.companies.service import Check
from bot.context import Ctx
from bot.options import short
from bot.triage import Reading
from bot.types import Button, Row
from knowledge.normalize import fold

PREFIX = "company:"
NONE_OF_THESE = PREFIX + "none"
TYPED, COUNTRY = "company_typed", "company_country"
ASKED = "company_name_asked"
"""When the chat asked for the name of a company to check: the next message may be the name."""
HOW_TO_CHECK = "cek-perusahaan"
"""The topic that says how to check a company oneself, one tap away while the name is asked."""


MONEY_TAKEN = re.compile(
    r"\b(?:nipu|menipu|ditipu|penipu|penipuan)\b|\b(?:kabur|lari|ngilang|menghilang|hilang)\b"
    r".*\b(?:uang|duit|dana)\w*|\b(?:uang|duit|dana)\w* (?:sy |saya |kami |aku )?(?:dibawa|"
    r"dibawa kabur|dibawa lari|gk balik|ga balik|tidak kembali|tdk kembali|blm kembali|belum "
    r"kembali|hilang)\b"
)
"""A company named as the one that cheated ("pt sukses mandiri kabur bawa uang sy"): the money
is gone, so what to do after paying comes first, and the check beside it."""


def tells_money_taken(text: str) -> bool:
    return MONEY_TAKEN.search(fold(text)) is not None


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "?"


def answer(ctx: Ctx, typed: str, country: str | None = None, aside: bool = False) -> None:
    """Checks a company named in a message and answers. `aside`: the message is mainly about
    something else, so with no list loaded nothing is said about the company."""
    result = service.check(ctx.session, typed, country, today=ctx.today)
    if aside and result.verdict == "no_list" and result.reported is None:
        return
    # a follow-up ("izinnya smp kapan?") is of this company, or of none when it is not on the
    # list: it answered with the company checked before (a register and company tester, stop 63)
    ctx.set_data(**{TYPED: typed[:200], COUNTRY: country, SHOWN: None})
    render(ctx, result)


def ask_name(ctx: Ctx) -> bool:
    """Asks which company when a message names none ("cek pt ini resmi gk"), so that the next
    message ("Sumber Rejeki Abadi") is checked. False with no list loaded: the knowledge base's
    answer on how to check is then the help there is."""
    if service.current_list(ctx.session, "companies") is None:
        return False
    ctx.say(
        ctx._(
            "What is the company's name? Type it as it is written on its papers or "
            "advertisement, for example *PT Maju Jaya*, and I will check it on the list of "
            "licensed placement companies."
        ),
        [
            Button(f"topic:{HOW_TO_CHECK}", short(ctx._("How to check"))),
            Button("cmd:menu", short(ctx._("Menu"))),
        ],
    )
    ctx.set_data(**{ASKED: ctx.now.isoformat()})
    return True


def name_given(ctx: Ctx, reading: Reading) -> bool:
    """The reply to `ask_name`, when it reads as a company name, is checked; anything else
    (a question, danger, "lupa namanya") is read as usual. Asked once: only the next message
    counts."""
    asked = ctx.data.get(ASKED)
    if asked is None:
        return False
    ctx.set_data(**{ASKED: None})
    if not pieces.within_window(asked, ctx.now) or reading.urgent:
        return False
    if reading.command is not None or reading.intent is not None:
        return False
    name = service.given_name(ctx.incoming.text or "")
    if name is None:
        return False
    answer(ctx, name)
    return True


SHOWN = "company_shown"
"""The company whose record the chat just showed, and when: a short follow-up ("alamatnya
dmn?", "sampai kapan izinnya?") is about it."""
FOLLOW_UP_WORDS = 8
OTHER_OFFICES = frozenset(
    "bp3mi disnaker disnakertrans ltsa kbri kjri kdei kp2mi bp2mi polisi desa imigrasi bank "
    "bpjs upt p4mi".split()
)
ADDRESS_ASKED = frozenset(
    "alamat alamatnya kantor kantornya lokasi lokasinya dimana dmn mana where address office "
    "offices cabang cabangnya".split()
)
LICENCE_ASKED = frozenset(
    "izin izinnya ijin ijinnya lisensi licence license berlaku kapan expired habis sip3mi "
    "valid masa".split()
)


def follow_up(ctx: Ctx, reading: Reading) -> bool:
    """A short question about the company just checked: its offices or its licence, from the
    list's record. They got the LTSA's offices and a list of topics (a journeys tester, stop
    61)."""
    shown = ctx.data.get(SHOWN)
    if not isinstance(shown, dict) or not pieces.within_window(shown.get("at"), ctx.now):
        return False
    words = set(fold(ctx.incoming.text or "").split())
    if reading.urgent or reading.command is not None or not 0 < len(words) <= FOLLOW_UP_WORDS:
        return False
    if words & OTHER_OFFICES:
        return False  # "kantor bp3mi dmn?" asks for another office
    asks_address, asks_licence = bool(words & ADDRESS_ASKED), bool(words & LICENCE_ASKED)
    if asks_address == asks_licence:
        return False  # neither, or both: read as any message
    result = service.check_company(ctx.session, int(shown["id"]), today=ctx.today)
    company = result.company
    if company is None or result.companies_list is None:
        return False
    if _names_another(ctx.incoming.text or "", company.name):
        # "PT Lombok Mandiri Jaya ada izin?" after PT Sumber Rejeki Abadi was checked got
        # the first one's licence, a revoked company read as licensed (a register and company
        # tester, stop 63): another name is checked anew
        return False
    _ = ctx._
    listed = _day(result.companies_list.list_date)
    if asks_address:
        offices = service.offices(company)
        text = (
            _("Offices of *{name}* on the list of {date}: {offices}.").format(
                name=company.name, date=listed, offices="; ".join(offices)
            )
            if offices
            else _("The list of {date} gives no office of *{name}*.").format(
                name=company.name, date=listed
            )
        )
    else:
        text = _(
            "The licence of *{name}* ({number}) is valid until {until}, as the list of {date} says."
        ).format(
            name=company.name,
            number=company.licence_number,
            until=_day(company.valid_until),
            date=listed,
        )
        if result.expired:
            text += " " + _expired(ctx)
    ctx.say(text + "\n\n" + official_check(ctx), _report_buttons(ctx))
    return True


def _names_another(text: str, shown_name: str) -> bool:
    """The message names a company, and not the one just shown."""
    named = named_company(text)
    if named is None:
        return False
    said = set(fold(named).split()) - MARKER_WORDS
    return not said <= set(fold(shown_name).split())


def noted(ctx: Ctx, typed: str) -> None:
    """A company named as part of a worker's trouble abroad ("PT nya PT Sumber Rejeki", after
    the unpaid-wages answer): information for the report, not a question whether to pay it."""
    ctx.say(
        ctx._(
            "I have noted the company: *{name}*. Give this name when you report: type *lapor* "
            "and your village officer follows it up and checks the company."
        ).format(name=typed),
        [
            Button("cmd:report", short(ctx._("Report a problem"))),
            Button("cmd:menu", short(ctx._("Menu"))),
        ],
    )


def choose(ctx: Ctx, choice: str) -> None:
    """The user picked one of the close names offered, or none of them."""
    country = ctx.data.get(COUNTRY)
    typed = str(ctx.data.get(TYPED) or "")
    if choice == NONE_OF_THESE or not choice.isdigit():
        result = service.check(ctx.session, typed, country, today=ctx.today)
        result.verdict, result.choices = "not_found", []
        render(ctx, result)
        return
    render(ctx, service.check_company(ctx.session, int(choice), country, today=ctx.today))


def official_check(ctx: Ctx) -> str:
    return ctx._(
        "How to check officially: look the company up in SISKOP2MI (the KP2MI system); ask "
        "the Disnaker of your kabupaten, the LTSA or BP3MI; or call KP2MI 0800-1000 (free, "
        "24 hours) or WhatsApp 0811-8080-141."
    )


def _expired(ctx: Ctx) -> str:
    return ctx._(
        "The licence has EXPIRED. Ask Disnaker or BP3MI whether it was renewed before you pay "
        "or sign anything."
    )


def _report_buttons(ctx: Ctx) -> list[Button]:
    return [
        Button("cmd:report", short(ctx._("Ask an officer"))),
        Button("cmd:menu", short(ctx._("Menu"))),
    ]


def render(ctx: Ctx, result: Check) -> None:
    """A sanction reported in the news comes first; the list's record of the same company, with
    its date, follows it. With no list, or the name not found on it, the report is the
    answer: "not on the list" beside "licence revoked" would only confuse."""
    _ = ctx._
    if result.reported is not None:
        found = result.verdict == "found" and result.company is not None
        _reported(ctx, result.reported, last=not found)
        if not found:
            return
    if result.verdict == "no_list" or result.companies_list is None:
        ctx.say(
            _(
                "I have no list of licensed placement companies loaded yet, so I cannot check "
                "*{name}* myself. Do not pay anything before you have checked."
            ).format(name=result.typed)
            + "\n\n"
            + official_check(ctx),
            _report_buttons(ctx),
        )
        return
    listed = _day(result.companies_list.list_date)
    if result.verdict == "choices" and result.choices:
        lines = [
            _(
                "*{name}* is not exactly on the list of licensed placement companies of "
                "{date}. Did you mean one of these?"
            ).format(name=result.typed, date=listed)
        ]
        lines.extend(f"• {c.name}" for c in result.choices)
        lines.append("")
        lines.append(
            _(
                "If none of these is exactly the name on the company's papers, treat it as "
                "not on the list."
            )
        )
        rows = [Row(f"{PREFIX}{c.id}", short(c.name, 24)) for c in result.choices]
        rows.append(Row(NONE_OF_THESE, short(_("None of these"), 24)))
        ctx.say("\n".join(lines), rows=rows, list_label=_("Choose"))
        return
    company = result.company
    if company is None:
        ctx.say(
            _(
                "*{name}* is not on the list of licensed placement companies of {date}. It may "
                "be a broker or an unlicensed company, or its name may be written differently. "
                "Do not pay anything and do not hand over your KTP, passport or other "
                "documents."
            ).format(name=result.typed, date=listed)
            + "\n\n"
            + official_check(ctx)
            + "\n\n"
            + _("To report a recruiter or ask your village officer, type *lapor*."),
            _report_buttons(ctx),
        )
        return
    ctx.set_data(**{SHOWN: {"id": company.id, "at": ctx.now.isoformat()}})
    if company.status in ("suspended", "revoked"):
        _sanctioned(ctx, result, listed)
        return
    _licensed(ctx, result, listed)


def _reported(ctx: Ctx, sanction: service.Sanction, last: bool) -> None:
    """What the news and KP2MI reported about the company, with the day when it is known, and
    that no official list of sanctioned companies exists. `last`: no list record follows, so
    the buttons and the official way to check come here."""
    _ = ctx._
    when, lifted = _day(sanction.when), _day(sanction.lifted)
    if sanction.status == "lifted":
        head = _(
            "News and KP2MI reports say *{name}* was under sanction, and the sanction was "
            "lifted on {lifted}: it may work again, under supervision. Before you pay or sign "
            "anything, check that it has a current licence and a job order for your job."
        )
    elif sanction.status == "suspended" and sanction.when is not None:
        head = _(
            "News and KP2MI reports say *{name}* was SUSPENDED from {when}. A company under "
            "sanction may not recruit or select new workers."
        )
    elif sanction.status == "suspended":
        head = _(
            "News and KP2MI reports say *{name}* was SUSPENDED. A company under sanction may "
            "not recruit or select new workers."
        )
    elif sanction.when is not None:
        head = _(
            "News and KP2MI reports say the licence (SIP3MI) of *{name}* was REVOKED on "
            "{when}. It may no longer place workers."
        )
    else:
        head = _(
            "News and KP2MI reports say the licence (SIP3MI) of *{name}* has been REVOKED. It "
            "may no longer place workers."
        )
    parts = [head.format(name=sanction.name, when=when, lifted=lifted), sanction.said_in(ctx.lang)]
    if sanction.status != "lifted":
        parts.append(
            _(
                "Do not pay anything and do not hand over documents. If you have already paid "
                "or registered, type *lapor*: your village officer can help you report it to "
                "Disnaker or BP3MI."
            )
        )
    parts.append(
        _(
            "There is no official public list of sanctioned companies: this comes from news "
            "reports and KP2MI statements, and it may have changed since."
        )
    )
    if last:
        parts.append(official_check(ctx))
    ctx.say("\n\n".join(parts), _report_buttons(ctx) if last else ())


def _sanctioned(ctx: Ctx, result: Check, listed: str) -> None:
    """Since when is said only when the list gives the day: "since ?" reads as a fault."""
    _ = ctx._
    company = result.company
    assert company is not None
    since = company.status_date
    if company.status == "suspended" and since is not None:
        head = _(
            "*{name}* is SUSPENDED since {since}, according to the list of licensed placement "
            "companies of {date}. A company under sanction may not recruit or select new "
            "workers."
        )
    elif company.status == "suspended":
        head = _(
            "*{name}* is SUSPENDED, according to the list of licensed placement companies of "
            "{date}. A company under sanction may not recruit or select new workers."
        )
    elif since is not None:
        head = _(
            "The licence of *{name}* has been REVOKED since {since}, according to the list of "
            "licensed placement companies of {date}. It may no longer place workers."
        )
    else:
        head = _(
            "The licence of *{name}* has been REVOKED, according to the list of licensed "
            "placement companies of {date}. It may no longer place workers."
        )
    text = head.format(name=company.name, since=_day(since), date=listed)
    advice = _(
        "Do not pay anything and do not hand over documents. If you have already paid or "
        "registered, type *lapor*: your village officer can help you report it to Disnaker or "
        "BP3MI."
    )
    ctx.say(f"{text}\n\n{advice}\n\n{official_check(ctx)}", _report_buttons(ctx))


def _licensed(ctx: Ctx, result: Check, listed: str) -> None:
    _ = ctx._
    company = result.company
    assert company is not None
    lines = [
        _(
            "*{name}* is on the list of licensed placement companies (P3MI) of {date}. "
            "Licence {number}, valid until {until}."
        ).format(
            name=company.name,
            date=listed,
            number=company.licence_number,
            until=_day(company.valid_until),
        )
    ]
    if result.expired:
        lines.append(_expired(ctx))
    offices = service.ntb_offices(company)
    lines.append(
        _("Offices in NTB: {offices}.").format(offices="; ".join(offices))
        if offices
        else _("The list names no office of this company in NTB.")
    )
    lines.append("")
    lines.extend(_job_orders(ctx, result))
    lines.append("")
    lines.append(
        _(
            "Being on the list is not enough: the job and country you were offered need a "
            "current job order, and you register through Disnaker or the LTSA. Never pay "
            "into a personal account."
        )
    )
    lines.append(official_check(ctx))
    ctx.say("\n".join(lines), _report_buttons(ctx))


def _job_orders(ctx: Ctx, result: Check) -> list[str]:
    _ = ctx._
    orders_list = result.job_orders_list
    if orders_list is None:
        return [
            _(
                "No job-order list is loaded yet: ask Disnaker or BP3MI whether there is a "
                "current job order for the job you were offered."
            )
        ]
    listed = _day(orders_list.list_date)
    orders = result.orders_for_country
    if result.country and not orders:
        return [
            _(
                "No current job order for {country} on the job-order list of {date}. Do not "
                "pay anything for a job there before Disnaker or BP3MI confirms it."
            ).format(country=result.country, date=listed)
        ]
    if not orders:
        return [_("No current job order on the job-order list of {date}.").format(date=listed)]
    lines = [_("Current job orders (list of {date}):").format(date=listed)]
    by_country: dict[str, list[str]] = {}
    for order in orders:
        places = _(" ({places} places)").format(places=order.places) if order.places else ""
        by_country.setdefault(order.country, []).append(
            _("{position}{places}, until {until}").format(
                position=order.position, places=places, until=_day(order.valid_until)
            )
        )
    for country, jobs in by_country.items():
        lines.append(f"• {country}: " + "; ".join(jobs[:5]))
    return lines[:12]
