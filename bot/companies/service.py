"""The company domain's service: what the chat, the dashboard and the CLI call.

`check(session, name, country)` says whether a typed name is a licensed placement company on
the current list, with that list's date; `company_flags` gives officers the same verdict as
short flags; `company_counts` counts departures and cases per company for the province."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.companies.imports import company_rows, job_order_rows, lists, replace_list
from bot.companies.matching import CompanyIndex, Decision, Entry
from bot.companies.mention import named_company
from bot.companies.models import Company, CompanyList, JobOrder
from bot.companies.names import name_key
from bot.register.models import RegisterEntry
from bot.store.models import Case, Officer
from knowledge.emergency import EmergencyNumbers

__all__ = [
    "Check",
    "CompanyCount",
    "Flag",
    "check",
    "check_company",
    "company_counts",
    "company_flags",
    "current_list",
    "import_companies",
    "import_job_orders",
    "lists",
    "named_company",
    "ntb_offices",
    "search",
]

NTB_PLACES = (
    "ntb nusa tenggara barat mataram lombok praya selong gerung tanjung sumbawa taliwang "
    "bima dompu masbagik aikmel narmada kopang sape woha alas plampang"
).split()
_CACHE: OrderedDict[tuple[str, str, int], _Loaded] = OrderedDict()
_KEEP_LISTS = 8


@dataclass
class Check:
    """What the chat answers about one typed name. `verdict`: "found", "choices",
    "not_found" or "no_list" (nothing loaded: the chat must not guess)."""

    verdict: str
    typed: str
    companies_list: CompanyList | None = None
    company: Company | None = None
    choices: list[Company] = field(default_factory=list)
    job_orders_list: CompanyList | None = None
    job_orders: list[JobOrder] = field(default_factory=list)
    """The company's job orders still valid today, by country."""
    country: str | None = None
    today: date = field(default_factory=date.today)

    @property
    def expired(self) -> bool:
        return self.company is not None and self.company.valid_until < self.today

    @property
    def orders_for_country(self) -> list[JobOrder]:
        if self.country is None:
            return self.job_orders
        wanted = country_key(self.country)
        return [j for j in self.job_orders if country_key(j.country) == wanted]


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


# -- lists -------------------------------------------------------------------------------------
def current_list(session: Session, kind: str) -> CompanyList | None:
    return session.scalars(
        select(CompanyList)
        .where(CompanyList.kind == kind, CompanyList.current.is_(True))
        .order_by(CompanyList.id.desc())
        .limit(1)
    ).first()


@dataclass
class _Loaded:
    """A list held in memory: lists never change once imported, so each is read once per
    process (per database) and every check after that costs one small query."""

    index: CompanyIndex
    companies: dict[int, Company]
    orders: dict[str, list[JobOrder]]


def _remember(key: tuple[str, str, int], loaded: _Loaded) -> _Loaded:
    _CACHE[key] = loaded
    while len(_CACHE) > _KEEP_LISTS:
        _CACHE.popitem(last=False)
    return loaded


def _loaded(session: Session, listed: CompanyList | None) -> _Loaded:
    if listed is None:
        return _Loaded(CompanyIndex([]), {}, {})
    key = (str(session.get_bind().engine.url), listed.kind, listed.id)
    found = _CACHE.get(key)
    if found is not None:
        _CACHE.move_to_end(key)
        return found
    if listed.kind == "companies":
        rows = list(session.scalars(select(Company).where(Company.list_id == listed.id)))
        for row in rows:
            session.expunge(row)
        entries = [Entry(c.id, c.name, c.key) for c in rows]
        return _remember(key, _Loaded(CompanyIndex(entries), {c.id: c for c in rows}, {}))
    orders: dict[str, list[JobOrder]] = {}
    query = select(JobOrder).where(JobOrder.list_id == listed.id)
    for order in session.scalars(query.order_by(JobOrder.country, JobOrder.position)):
        session.expunge(order)
        orders.setdefault(order.company_key, []).append(order)
    return _remember(key, _Loaded(CompanyIndex([]), {}, orders))


def _index(session: Session, listed: CompanyList | None) -> CompanyIndex:
    return _loaded(session, listed).index


def _current_lists(session: Session) -> dict[str, CompanyList]:
    """The current list of each kind, in one query."""
    found: dict[str, CompanyList] = {}
    query = select(CompanyList).where(CompanyList.current.is_(True)).order_by(CompanyList.id)
    for listed in session.scalars(query):
        found[listed.kind] = listed
    return found


def import_companies(
    session: Session,
    data: bytes,
    filename: str,
    *,
    list_date: date,
    source: str | None,
    officer: Officer | None,
    now: datetime,
    address: str | None = None,
) -> CompanyList:
    """Checks the whole file, then makes it the current company list (TableError otherwise)."""
    rows = company_rows(data, filename)
    return replace_list(
        session,
        kind="companies",
        rows=rows,
        list_date=list_date,
        source=source,
        filename=filename,
        officer=officer,
        now=now,
        address=address,
    )


def import_job_orders(
    session: Session,
    data: bytes,
    filename: str,
    *,
    list_date: date,
    source: str | None,
    officer: Officer | None,
    now: datetime,
    address: str | None = None,
) -> CompanyList:
    """Checks the whole file against the current company list, then makes it current."""
    companies = current_list(session, "companies")
    rows = job_order_rows(
        data, filename, _index(session, companies), companies.list_date if companies else None
    )
    return replace_list(
        session,
        kind="joborders",
        rows=rows,
        list_date=list_date,
        source=source,
        filename=filename,
        officer=officer,
        now=now,
        address=address,
    )


# -- checks ------------------------------------------------------------------------------------
def check(
    session: Session, name: str, country: str | None = None, *, today: date | None = None
) -> Check:
    """Whether `name` (as typed) is a licensed company on the current list."""
    today = today or date.today()
    current = _current_lists(session)
    listed = current.get("companies")
    if listed is None:
        return Check("no_list", name, country=country, today=today)
    loaded = _loaded(session, listed)
    decision: Decision = loaded.index.decide(name)
    result = Check(decision.verdict, name, listed, country=country, today=today)
    if decision.found is not None:
        company = loaded.companies.get(decision.found.id)
        return _with_company(session, result, company, current.get("joborders"))
    result.choices = [c for e in decision.choices if (c := loaded.companies.get(e.id))]
    return result


def check_company(
    session: Session, company_id: int, country: str | None = None, *, today: date | None = None
) -> Check:
    """The check for a company the user picked from the offered names. A company of an older
    list is looked up by name on the current one."""
    current = _current_lists(session)
    listed = current.get("companies")
    company = _loaded(session, listed).companies.get(company_id)
    if company is None or listed is None:
        picked = session.get(Company, company_id)
        return check(session, picked.name if picked else "", country, today=today)
    result = Check("found", company.name, listed, country=country, today=today or date.today())
    return _with_company(session, result, company, current.get("joborders"))


def _with_company(
    session: Session, result: Check, company: Company | None, orders: CompanyList | None
) -> Check:
    if company is None:
        result.verdict = "not_found"
        return result
    result.company = company
    result.job_orders_list = orders
    if orders is not None:
        listed = _loaded(session, orders).orders.get(company.key, [])
        result.job_orders = [j for j in listed if j.valid_until >= result.today]
    return result


def ntb_offices(company: Company) -> list[str]:
    """The company's offices in NTB (head office or branches), as the list names them."""
    offices = [company.head_office or "", *(company.branch_offices or "").split(";")]
    found = []
    for office in offices:
        words = set(name_key(office).split())
        if office.strip() and words & set(NTB_PLACES):
            found.append(office.strip())
    return found


@cache
def _numbers() -> EmergencyNumbers:
    return EmergencyNumbers.load()


def country_key(text: str) -> str:
    """One key per destination however it is written ("Hong Kong", "hongkong", "HK",
    "arab-saudi", "Saudi Arabia")."""
    country = _numbers().country_in(text.replace("-", " "))
    if country is not None:
        return str(country.code)
    return name_key(text).replace(" ", "")


# -- for officers ------------------------------------------------------------------------------
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
    index = _index(session, listed)
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
        decision = _index(session, listed).decide(text)
        ids = [e.id for e in ((decision.found,) if decision.found else decision.choices) if e]
        like = Company.key.contains(key)
        query = query.where(like | Company.id.in_(ids)) if ids else query.where(like)
    return list(session.scalars(query.order_by(Company.name).limit(limit)))


def job_orders_of(session: Session, company: Company) -> list[JobOrder]:
    """All the company's job orders on the current job-order list (also expired ones)."""
    return list(_loaded(session, current_list(session, "joborders")).orders.get(company.key, []))
