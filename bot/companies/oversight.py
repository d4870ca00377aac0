"""What officers see of the company lists: flags beside a worker's company (case and register
pages), departures and cases per company (the province view), and search (the admins' page).
All of it rests on `service.check`, so officers and families get the same verdict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.companies.models import Company, JobOrder
from bot.companies.names import name_key
from bot.companies.service import check, current_list, in_memory, index_of
from bot.register.models import RegisterEntry
from bot.store.models import Case


@dataclass(frozen=True)
class Flag:
    """A warning an officer sees beside a worker's company: `code` is one of not_listed,
    unsure, suspended, revoked, expired, no_job_order, no_list."""

    code: str
    since: date | None = None
    detail: str = ""


@dataclass
class CompanyCount:
    """Departures and cases per company (matched against the current list when possible)."""

    name: str
    company_id: int | None
    listed: bool
    departures: int = 0
    cases: int = 0


def company_flags(
    session: Session, company_name: str | None, country: str | None, *, today: date | None = None
) -> list[Flag]:
    """Warnings about a worker's company for the case and register pages: not on the licence
    list, only close names, suspended, revoked, licence expired, no job order for the country."""
    if not company_name or not company_name.strip():
        return []
    result = check(session, company_name, country, today=today)
    if result.verdict == "no_list":
        return [Flag("no_list")]
    if result.verdict == "not_found":
        return [
            Flag("not_listed", result.companies_list.list_date if result.companies_list else None)
        ]
    if result.verdict == "choices" or result.company is None:
        return [Flag("unsure", detail="; ".join(c.name for c in result.choices))]
    company = result.company
    flags: list[Flag] = []
    if company.status in ("suspended", "revoked"):
        flags.append(Flag(company.status, company.status_date, company.name))
    if result.expired:
        flags.append(Flag("expired", company.valid_until, company.name))
    if country and result.job_orders_list is not None and not result.orders_for_country:
        flags.append(Flag("no_job_order", detail=country))
    return flags


def company_counts(session: Session, district_code: str | None = None) -> list[CompanyCount]:
    """Departures (register entries that left) and cases (through their register entry) per
    company, typed names matched to the current list; most departures first."""
    named = RegisterEntry.company_name.is_not(None)
    in_area = RegisterEntry.district_code == district_code if district_code else named
    departures = select(RegisterEntry.company_name, func.count(RegisterEntry.id)).where(
        named, in_area, RegisterEntry.status.in_(("departed", "returned"))
    )
    cases = (
        select(RegisterEntry.company_name, func.count(Case.id))
        .join(Case, Case.register_entry_id == RegisterEntry.id)
        .where(named, in_area)
    )
    counted: dict[str, list[int]] = {}
    for position, query in enumerate((departures, cases)):
        for typed, n in session.execute(query.group_by(RegisterEntry.company_name)):
            counted.setdefault(typed or "", [0, 0])[position] += int(n or 0)
    listed = current_list(session, "companies")
    index = index_of(session, listed)
    totals: dict[str, CompanyCount] = {}
    for typed, (departed, cased) in counted.items():
        if not typed or not typed.strip():
            continue
        decision = index.decide(typed)
        if decision.found is not None:
            key, name, company_id, known = (
                f"id:{decision.found.id}",
                decision.found.name,
                decision.found.id,
                True,
            )
        else:
            key, name, company_id, known = f"typed:{name_key(typed)}", typed.strip(), None, False
        total = totals.setdefault(key, CompanyCount(name, company_id, known))
        total.departures += departed
        total.cases += cased
    return sorted(totals.values(), key=lambda c: (-c.departures, -c.cases, c.name))


def search(session: Session, text: str = "", limit: int = 50) -> list[Company]:
    """Companies of the current list whose name matches `text` (all of them, up to `limit`,
    when it is empty), in name order, for the dashboard."""
    listed = current_list(session, "companies")
    if listed is None:
        return []
    query = select(Company).where(Company.list_id == listed.id)
    key = name_key(text) if text.strip() else ""
    if key:
        decision = index_of(session, listed).decide(text)
        ids = [e.id for e in ((decision.found,) if decision.found else decision.choices) if e]
        like = Company.key.contains(key)
        query = query.where(like | Company.id.in_(ids)) if ids else query.where(like)
    return list(session.scalars(query.order_by(Company.name).limit(limit)))


def job_orders_of(session: Session, company: Company) -> list[JobOrder]:
    """All the company's job orders on the current job-order list (also expired ones)."""
    return list(in_memory(session, current_list(session, "joborders")).orders.get(company.key, []))
