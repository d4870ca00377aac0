"""The company domain's service: what the chat, the dashboard and the CLI call.

`check(session, name, country)` says whether a typed name is a licensed placement company on
the current list, with that list's date; the imports make a file the current list. What
officers see (flags, counts per company, search) is in `bot.companies.oversight`."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.companies.imports import company_rows, job_order_rows, lists, replace_list
from bot.companies.matching import MAX_CHOICES, CompanyIndex, Decision, Entry
from bot.companies.mention import asks_to_check, given_name, named_company, shorter_readings
from bot.companies.models import Company, CompanyList, JobOrder
from bot.companies.names import name_key
from bot.companies.sanctions import Sanction, reported_sanction
from bot.store.models import Officer
from knowledge.emergency import EmergencyNumbers

__all__ = [
    "Check",
    "Sanction",
    "asks_to_check",
    "check",
    "check_company",
    "country_key",
    "current_list",
    "given_name",
    "import_companies",
    "import_job_orders",
    "in_memory",
    "index_of",
    "lists",
    "named_company",
    "ntb_offices",
]

NTB_PLACES = (
    "ntb nusa tenggara barat mataram lombok praya selong gerung tanjung sumbawa taliwang "
    "bima dompu masbagik aikmel narmada kopang sape woha alas plampang"
).split()
_CACHE: OrderedDict[tuple[str, str, int, datetime], LoadedList] = OrderedDict()
_KEEP_LISTS = 8


@dataclass
class Check:
    """What the chat answers about one typed name. `verdict`: "found", "choices",
    "not_found" or "no_list" (nothing loaded: the chat must not guess). `reported`: a sanction
    that news or KP2MI reported for the company, whatever the list says (see `check`)."""

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
    reported: Sanction | None = None

    @property
    def expired(self) -> bool:
        return self.company is not None and self.company.valid_until < self.today

    @property
    def orders_for_country(self) -> list[JobOrder]:
        if self.country is None:
            return self.job_orders
        wanted = country_key(self.country)
        return [j for j in self.job_orders if country_key(j.country) == wanted]


# -- lists -------------------------------------------------------------------------------------
def current_list(session: Session, kind: str) -> CompanyList | None:
    return session.scalars(
        select(CompanyList)
        .where(CompanyList.kind == kind, CompanyList.current.is_(True))
        .order_by(CompanyList.id.desc())
        .limit(1)
    ).first()


@dataclass
class LoadedList:
    """A list held in memory: lists never change once imported, so each is read once per
    process (per database) and every check after that costs one small query."""

    index: CompanyIndex
    companies: dict[int, Company]
    orders: dict[str, list[JobOrder]]


def _remember(key: tuple[str, str, int, datetime], loaded: LoadedList) -> LoadedList:
    _CACHE[key] = loaded
    while len(_CACHE) > _KEEP_LISTS:
        _CACHE.popitem(last=False)
    return loaded


def forget_lists() -> None:
    """Drops every list read into memory: for a database emptied and filled again while the
    process runs, where an import's number and time may come again (the tests' PostgreSQL)."""
    _CACHE.clear()


def in_memory(session: Session, listed: CompanyList | None) -> LoadedList:
    if listed is None:
        return LoadedList(CompanyIndex([]), {}, {})
    # the import's time as well as its number: a database emptied and filled again (`migran
    # demo clear`, then an import) numbers its lists from 1 again under a running service
    key = (str(session.get_bind().engine.url), listed.kind, listed.id, listed.imported_at)
    found = _CACHE.get(key)
    if found is not None:
        _CACHE.move_to_end(key)
        return found
    if listed.kind == "companies":
        rows = list(session.scalars(select(Company).where(Company.list_id == listed.id)))
        for row in rows:
            session.expunge(row)
        entries = [Entry(c.id, c.name, c.key) for c in rows]
        return _remember(key, LoadedList(CompanyIndex(entries), {c.id: c for c in rows}, {}))
    orders: dict[str, list[JobOrder]] = {}
    query = select(JobOrder).where(JobOrder.list_id == listed.id)
    for order in session.scalars(query.order_by(JobOrder.country, JobOrder.position)):
        session.expunge(order)
        orders.setdefault(order.company_key, []).append(order)
    return _remember(key, LoadedList(CompanyIndex([]), {}, orders))


def index_of(session: Session, listed: CompanyList | None) -> CompanyIndex:
    """The names of a company list, ready for matching."""
    return in_memory(session, listed).index


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
        data, filename, index_of(session, companies), companies.list_date if companies else None
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
    """Whether `name` (as typed) is a licensed company on the current list, and any sanction
    reported for it (knowledge/data/sanctioned_companies.yaml).

    Both are kept, neither overrides the other: a reported revocation or suspension is told
    even with no list imported, and even when the list says "active" (the list may predate the
    report, or the office may not have updated it), while the list's own record, with its
    date, follows it so the family and the officer can weigh the two dates."""
    today = today or date.today()
    reported = reported_sanction(name)
    current = _current_lists(session)
    listed = current.get("companies")
    if listed is None:
        return Check("no_list", name, country=country, today=today, reported=reported)
    loaded = in_memory(session, listed)
    decision = _decide(loaded.index, name)
    result = Check(decision.verdict, name, listed, country=country, today=today, reported=reported)
    if decision.found is not None:
        company = loaded.companies.get(decision.found.id)
        return _with_company(session, result, company, current.get("joborders"))
    result.choices = [c for e in decision.choices if (c := loaded.companies.get(e.id))]
    return result


def _decide(index: CompanyIndex, name: str) -> Decision:
    """The whole name as typed decides. A shorter reading on the list ("PT Sukses" of "PT
    Sukses Kerja Mandiri", cut before a word that may be the sentence going on) is only offered:
    taking it would call a broker's lookalike licensed, and leaving it out could call a
    licensed company a broker."""
    whole = index.decide(name)
    if whole.verdict == "found":
        return whole
    for reading in shorter_readings(name):
        part = index.decide(reading)
        if part.found is not None:
            others = (c for c in whole.choices if c.id != part.found.id)
            return Decision(
                "choices", choices=(part.found, *others)[:MAX_CHOICES], score=part.score
            )
    return whole


def check_company(
    session: Session, company_id: int, country: str | None = None, *, today: date | None = None
) -> Check:
    """The check for a company the user picked from the offered names. A company of an older
    list is looked up by name on the current one."""
    current = _current_lists(session)
    listed = current.get("companies")
    company = in_memory(session, listed).companies.get(company_id)
    if company is None or listed is None:
        picked = session.get(Company, company_id)
        return check(session, picked.name if picked else "", country, today=today)
    result = Check(
        "found",
        company.name,
        listed,
        country=country,
        today=today or date.today(),
        reported=reported_sanction(company.name),
    )
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
        listed = in_memory(session, orders).orders.get(company.key, [])
        result.job_orders = [j for j in listed if j.valid_until >= result.today]
    return result


def offices(company: Company) -> list[str]:
    """The company's head office and branches, as the list names them."""
    named = [company.head_office or "", *(company.branch_offices or "").split(";")]
    return [office.strip() for office in named if office.strip()]


def ntb_offices(company: Company) -> list[str]:
    """The company's offices in NTB (head office or branches), as the list names them."""
    return [o for o in offices(company) if set(name_key(o).split()) & set(NTB_PLACES)]


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
