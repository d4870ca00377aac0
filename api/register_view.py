"""What an officer reads about register entries: labels for codes, events in Indonesian,
and the villages an officer may choose (their area)."""

from __future__ import annotations

from collections.abc import Callable

from bot.cases.categories import COUNTRIES
from bot.i18n import N_, translator
from bot.register.models import RegisterEvent
from bot.register.vocab import SECTORS, SEXES, STATUS_LABELS
from bot.store.models import Officer
from knowledge.villages import Village, VillageDirectory

KINDS = {
    "recorded": N_("recorded"),
    "edited": N_("edited"),
    "departed": N_("departed"),
    "returned": N_("came home"),
    "cancelled": N_("cancelled"),
    "moved_employer": N_("moved to another employer"),
    "verified": N_("verified by the village"),
    "case_linked": N_("case linked"),
    "anonymised": N_("name and contacts erased at the family's request"),
}
SOURCES = {
    "chat": N_("chat"),
    "officer": N_("village office"),
    "import": N_("imported list"),
    "demo": N_("demo data"),
}

FIELD_NAMES = {
    "name": N_("Worker's name"),
    "village": N_("Village"),
    "sex": N_("Sex"),
    "birth_year": N_("Year of birth"),
    "country": N_("Country"),
    "sector": N_("Sector"),
    "planned_departure": N_("Planned departure"),
    "departed_on": N_("Departed on"),
    "returned_on": N_("Returned on"),
    "contract_months": N_("Contract (months)"),
}


def labels() -> dict[str, dict[str, str]]:
    """Every code the register pages show, with its Indonesian label."""
    _ = translator("id")
    return {
        "status": {k: _(v) for k, v in STATUS_LABELS.items()},
        "sector": {k: _(v) for k, v in SECTORS},
        "sex": {k: _(v) for k, v in SEXES},
        "country": {k: _(v) for k, v in COUNTRIES},
        "source": {k: _(v) for k, v in SOURCES.items()},
        "field": {k: _(v) for k, v in FIELD_NAMES.items()},
    }


def event_title(event: RegisterEvent, _: Callable[[str], str]) -> str:
    return _(KINDS.get(event.kind, event.kind))


def area_villages(villages: VillageDirectory, officer: Officer) -> list[Village] | None:
    """The villages an officer may add entries for; None for an admin (all: typed instead)."""
    if officer.role == "admin":
        return None
    if officer.role == "supervisor":
        return [v for v in villages.villages if v.district_code == officer.district_code]
    return [v for v in (villages.get(c) for c in officer.village_codes) if v is not None]
