"""Placement companies reported sanctioned (licence revoked, suspended, or a sanction lifted),
from knowledge/data/sanctioned_companies.yaml.

There is no official consolidated list of sanctioned companies: these are news and KP2MI
reports, kept beside the province's list because a family asking about a company whose licence
was revoked must hear it even before any list is imported. A name is matched as the province's
list is (typos tolerated, nothing more typed), and only a match counts: a close name is never
told it was sanctioned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from bot.companies.matching import CompanyIndex, Entry
from bot.companies.names import name_key
from knowledge.datafiles import read_data
from knowledge.yamlfast import load_yaml

DATA_FILE = "sanctioned_companies.yaml"
STATUSES = ("revoked", "suspended", "lifted")


@dataclass(frozen=True)
class Sanction:
    """One company as the reports give it. `when`: the day the revocation or suspension
    began, when the reports give the day; `lifted`: the day a lifted sanction ended."""

    name: str
    status: str
    when: date | None
    lifted: date | None
    said: dict[str, str]
    sources: tuple[str, ...]

    def said_in(self, lang: str) -> str:
        return self.said.get(lang) or self.said.get("en") or next(iter(self.said.values()), "")


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def parse(text: str) -> list[Sanction]:
    """The entries of the data file; a wrong status or an entry without a source is an error
    (every line must say where it comes from)."""
    sanctions = []
    for row in load_yaml(text)["companies"]:
        status = row["status"]
        if status not in STATUSES:
            raise ValueError(f"{row['name']}: status {status!r} is not one of {STATUSES}")
        sources = tuple(row.get("sources") or ())
        if not sources:
            raise ValueError(f"{row['name']}: no source")
        sanctions.append(
            Sanction(
                name=row["name"],
                status=status,
                when=_day(row.get("when")),
                lifted=_day(row.get("lifted")),
                said=dict(row.get("said") or {}),
                sources=sources,
            )
        )
    return sanctions


@cache
def reported() -> tuple[tuple[Sanction, ...], CompanyIndex]:
    """The reported sanctions and their names ready for matching, read once per process."""
    sanctions = tuple(parse(read_data(DATA_FILE)))
    index = CompanyIndex([Entry(i, s.name, name_key(s.name)) for i, s in enumerate(sanctions)])
    return sanctions, index


def reported_sanction(name: str) -> Sanction | None:
    """The reported sanction of the company `name` means, or None: only a match, as the
    province's list would find it; close names are not offered here."""
    sanctions, index = reported()
    decision = index.decide(name)
    if decision.verdict == "found" and decision.found is not None:
        return sanctions[decision.found.id]
    return None
