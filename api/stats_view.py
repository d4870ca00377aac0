"""How the picture's tables read on the dashboard: titles, column names, value labels and the
charts drawn from each table. The numbers themselves come from bot.stats untouched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from api.charts import Series, columns, hbars
from bot.cases.categories import CATEGORIES, COUNTRIES
from bot.i18n import N_
from bot.register.vocab import SECTORS as REGISTER_SECTORS
from bot.stats.register import SEXES
from bot.stats.table import Table

VIEW_TITLES = {
    "migration": N_("Departures and returns"),
    "abroad": N_("Abroad now"),
    "cases": N_("Cases"),
    "training": N_("Training"),
}
TABLE_TITLES = {
    "months": N_("Departures and returns per month"),
    "people": N_("Workers who left, by age at departure and sex"),
    "countries": N_("People abroad now, by country"),
    "sectors": N_("People abroad now, by sector"),
    "companies": N_("People abroad now, by placement company"),
    "cases": N_("Cases opened, by category and status"),
    "response": N_("Hours to the first reply and to resolution, by district"),
    "training": N_("Training registrations, by course and village"),
    "assistant": N_("The assistant on the messages officers reviewed, by district"),
}
NOTES = {
    "months": N_(
        "Departure and return dates from the village register; cancelled entries left out."
    ),
    "countries": N_("Entries with status departed; the period filters on the departure date."),
    "people": N_("Age in the year of departure, from the birth year."),
    "response": N_(
        "First reply: the first message an officer sent to the family. Median and 90th "
        "percentile in hours, for cases opened in the period."
    ),
    "training": N_(
        "Registrations the registrant withdrew are not counted as registrations; they are "
        "shown apart."
    ),
    "assistant": N_(
        "Cases opened from a message the assistant had answered, once an officer said which "
        "topics would have helped and whether someone was in danger. Right answer: a topic "
        "that helps was answered. Helped: one was answered or offered as a button. Out of "
        "scope: no topic helps."
    ),
}
COLUMN_LABELS = {
    "month": N_("Month"),
    "departures": N_("Departures"),
    "returns": N_("Returns"),
    "age": N_("Age"),
    "f": N_("Women"),
    "m": N_("Men"),
    "unknown": N_("Unknown"),
    "total": N_("Total"),
    "country": N_("Country"),
    "people": N_("People"),
    "sector": N_("Sector"),
    "company": N_("Company"),
    "category": N_("Category"),
    "new": N_("New"),
    "claimed": N_("Claimed"),
    "resolved": N_("Resolved"),
    "district": N_("District"),
    "cases": N_("Cases"),
    "answered": N_("Answered"),
    "first_response_median_h": N_("First reply, median (h)"),
    "first_response_p90_h": N_("First reply, 90% (h)"),
    "resolution_median_h": N_("Resolution, median (h)"),
    "resolution_p90_h": N_("Resolution, 90% (h)"),
    "course": N_("Course"),
    "village": N_("Village"),
    "registrations": N_("Registrations"),
    "withdrawn": N_("Withdrawn"),
    "reviewed": N_("Reviewed"),
    "in_scope": N_("About working abroad"),
    "answered_right": N_("Right answer"),
    "helped": N_("Helped"),
    "in_danger": N_("In danger"),
    "danger_reply": N_("Got the danger reply"),
    "false_alarms": N_("Danger reply, not in danger"),
    "outside": N_("Out of scope"),
    "outside_answered": N_("Out of scope, answered"),
    "guessed": N_("Answered as a guess"),
    "guessed_right": N_("Guess right"),
}
SECTORS = dict(REGISTER_SECTORS)
"""The register's sector codes (bot/register/vocab.py); a code not listed is shown as stored."""
HIDDEN = {"course_slug", "village_code", "district_code"}
"""Codes kept in downloads, not on the page."""
SHOWN_ROWS = 30
CHART_ROWS = 12
TOTALLED = {
    "months",
    "people",
    "countries",
    "sectors",
    "companies",
    "cases",
    "training",
    "assistant",
}


@dataclass
class ShownTable:
    key: str
    title: str
    note: str
    headers: list[tuple[str, str, bool]]
    rows: list[list[tuple[str, str, bool]]]
    total: list[tuple[str, str, bool]] = field(default_factory=list)
    charts: list[Markup] = field(default_factory=list)
    more: int = 0


def _text(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def value_label(_: Callable[[str], str], column: str, value: object) -> str:
    """A stored code as people read it: countries, categories, sectors, "unknown"."""
    maps = {"country": dict(COUNTRIES), "category": dict(CATEGORIES), "sector": SECTORS}
    if value in ("", "unknown") and column in ("country", "category", "sector", "company", "age"):
        return _("Unknown")
    if column in maps and value in maps[column]:
        return _(maps[column][str(value)])
    return _text(value)


def shown(table: Table, _: Callable[[str], str]) -> ShownTable:
    visible = [c for c in table.columns if c not in HIDDEN]
    numeric = set(table.counts) | set(table.gated)
    rows = [
        [(c, value_label(_, c, row.get(c)), c in numeric) for c in visible]
        for row in table.rows[:SHOWN_ROWS]
    ]
    out = ShownTable(
        key=table.key,
        title=_(TABLE_TITLES[table.key]),
        note=_(NOTES[table.key]) if table.key in NOTES else "",
        headers=[(c, _(COLUMN_LABELS.get(c, c)), c in numeric) for c in visible],
        rows=rows,
        more=max(0, len(table.rows) - SHOWN_ROWS),
    )
    if table.key in TOTALLED and table.rows:
        out.total = [
            (c, str(sum(int(v or 0) for v in table.column(c))), True)  # type: ignore[call-overload]
            if c in table.counts
            else (c, _("Total") if i == 0 else "", False)
            for i, c in enumerate(visible)
        ]
    out.charts = charts(table, _) if table.rows else []
    return out


def charts(table: Table, _: Callable[[str], str]) -> list[Markup]:
    title = _(TABLE_TITLES[table.key])
    label = {c: _(COLUMN_LABELS.get(c, c)) for c in table.columns}
    rows = table.rows
    if table.key == "months":
        months = [str(r["month"]) for r in rows]
        return [
            columns(
                "months",
                title,
                months,
                [Series(label[c], table.column(c)) for c in ("departures", "returns")],
            )
        ]
    if table.key == "people":
        names = [value_label(_, "age", r["age"]) for r in rows]
        series = [Series(label[s], table.column(s)) for s in SEXES]
        return [hbars("people", title, names, series, stacked=True)]
    if table.key in ("countries", "sectors", "companies"):
        key = table.columns[0]
        top = rows[:CHART_ROWS]
        names = [value_label(_, key, r[key]) for r in top]
        return [
            hbars(table.key, title, names, [Series(label["people"], [r["people"] for r in top])])
        ]
    if table.key == "cases":
        top = rows[:CHART_ROWS]
        names = [value_label(_, "category", r["category"]) for r in top]
        statuses = [c for c in table.counts if c != "total"]
        series = [Series(label[s], [r[s] for r in top]) for s in statuses]
        return [hbars("cases", title, names, series, stacked=True)]
    if table.key == "response":
        names = [str(r["district"]) for r in rows]
        return [
            hbars(
                f"response-{part}",
                f"{title} · {label[f'{part}_median_h'].split(',')[0]}",
                names,
                [
                    Series(label[f"{part}_median_h"], [r[f"{part}_median_h"] for r in rows]),
                    Series(label[f"{part}_p90_h"], [r[f"{part}_p90_h"] for r in rows]),
                ],
            )
            for part in ("first_response", "resolution")
        ]
    if table.key == "training":
        by_course: dict[str, int] = {}
        for r in rows:
            by_course[str(r["course"])] = by_course.get(str(r["course"]), 0) + int(
                r["registrations"]
            )  # type: ignore[call-overload]
        ordered = sorted(by_course.items(), key=lambda kv: -kv[1])
        return [
            hbars(
                "training",
                title,
                [k for k, _v in ordered],
                [Series(label["registrations"], [v for _k, v in ordered])],
            )
        ]
    return []
