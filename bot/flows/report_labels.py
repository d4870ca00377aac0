"""How a report's answers read back to the family: who writes, the country, the problems.

Shared by the report form, the departure register and the family's own data: one wording of
a country or a reporter everywhere the family reads it."""

from __future__ import annotations

from bot.cases.categories import CATEGORIES, COUNTRIES
from bot.context import Ctx
from bot.i18n import N_
from bot.register.hints import RELATION_IN_ENGLISH

REPORTERS = (
    ("self", N_("I am the worker")),
    ("family", N_("Family member")),
    ("other", N_("Someone else")),
)
NOT_FAMILY = frozenset(("tetangga", "teman", "perangkat desa"))
"""Who reports for a worker without being family: a neighbour, a friend, a village official
("sy kepala dusun" was saved as the worker, a neighbour as family: stop 53)."""


def reporter_of(relation: str) -> str:
    return "self" if relation == "self" else "other" if relation in NOT_FAMILY else "family"


def title_of(options: tuple[tuple[str, str], ...], key: str | None, ctx: Ctx) -> str:
    return next((ctx._(t) for k, t in options if k == key), key or "-")


def country_title(ctx: Ctx, country: str | None) -> str:
    """A report's country as the person reads it: a choice's label, or a country kept by its
    Indonesian name in the chat's language ("Country: Jerman" in an English summary: a
    regression tester, stop 53)."""
    if country in dict(COUNTRIES):
        return title_of(COUNTRIES, country, ctx)
    named = next(
        (c for c in ctx.engine.numbers.countries if country in c.name.values()),
        None,
    )
    if named is not None:
        return named.name.get(ctx.lang, named.code)
    return country or "-"


def problems_label(ctx: Ctx, codes: list[str | None]) -> str:
    return ", ".join(title_of(CATEGORIES, c, ctx) for c in codes)


def reporter_label(ctx: Ctx) -> str:
    reporter = title_of(REPORTERS, ctx.data.get("reporter"), ctx)
    relation = ctx.data.get("relation")
    if relation and ctx.lang == "en":
        relation = RELATION_IN_ENGLISH.get(str(relation), relation)
    return f"{reporter} ({relation})" if relation else reporter
