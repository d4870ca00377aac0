"""Company flags as officers read them (case and register pages): Indonesian sentences built
from `bot.companies.oversight.company_flags`, never internal codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from bot.cases.categories import COUNTRIES
from bot.companies.mention import named_company
from bot.companies.names import name_key
from bot.companies.oversight import Flag, company_flags
from bot.i18n import N_
from bot.register.models import RegisterEntry
from bot.store.models import Case

FLAG_TEXTS = {
    "no_list": N_("{name}: no licence list is loaded, so the company cannot be checked."),
    "not_listed": N_("{name}: not on the licence list of {date}."),
    "unsure": N_("{name}: not exactly on the licence list; close names: {detail}."),
    "suspended": N_("{name}: licence SUSPENDED since {date}."),
    "revoked": N_("{name}: licence REVOKED since {date}."),
    "expired": N_("{name}: licence expired on {date}."),
    "no_job_order": N_("{name}: no current job order for {detail}."),
}


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "?"


def flag_text(flag: Flag, name: str, _: Callable[[str], str]) -> str:
    detail = flag.detail
    if flag.code == "no_job_order":
        detail = _(dict(COUNTRIES).get(detail, detail))
    template = FLAG_TEXTS.get(flag.code, "{name}: {detail}")
    return _(template).format(name=name, date=_day(flag.since), detail=detail)


def register_company_flags(
    session: Session, entry: RegisterEntry | None, _: Callable[[str], str]
) -> list[str]:
    """Warnings about the company a register entry names, for its country."""
    if entry is None or not entry.company_name:
        return []
    flags = company_flags(session, entry.company_name, entry.country.replace("-", " "))
    return [flag_text(f, entry.company_name, _) for f in flags]


def case_company_flags(session: Session, case: Case, _: Callable[[str], str]) -> list[str]:
    """Flags for the company of the case's register entry and for one the family named in
    the story ("berangkat lewat PT …"), checked for the case's country."""
    texts: list[str] = []
    checked: set[str] = set()
    if case.register_entry_id is not None:
        entry = session.get(RegisterEntry, case.register_entry_id)
        texts += register_company_flags(session, entry, _)
        if entry is not None and entry.company_name:
            checked.add(name_key(entry.company_name))
    named = named_company(case.story)
    if named and name_key(named) not in checked:
        country = case.country.replace("-", " ") if case.country not in ("", "other") else None
        texts += [flag_text(f, named, _) for f in company_flags(session, named, country)]
    return texts
