"""The province's picture ("Gambaran"): dashboard pages with charts and tables, downloads of
each table, and GET /api/v1/stats, aggregate JSON without personal data."""

from __future__ import annotations

import io
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from api.auth import ApiOfficer, WebOfficer
from api.deps import ContainerDep, SessionDep
from api.stats_view import VIEW_TITLES, shown
from api.templating import templates
from bot.exports import write_csv
from bot.i18n import N_, translator
from bot.ntb_time import WITA
from bot.stats import service
from bot.stats.area import Area, Period, PeriodError, last_months
from bot.stats.disclosure import SMALLEST, publish
from bot.stats.table import Table
from bot.tables import xlsx_bytes
from knowledge.villages import VillageDirectory

router = APIRouter(prefix="/officer/stats", include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["stats"])
StartDate = Annotated[str | None, Query(alias="from", max_length=32)]
EndDate = Annotated[str | None, Query(alias="to", max_length=32)]
View = Annotated[str, Path(pattern="^(" + "|".join(service.VIEWS) + ")$")]
TableKey = Annotated[str, Path(pattern="^(" + "|".join(service.TABLES) + ")$")]
Format = Annotated[str, Path(pattern="^(csv|xlsx)$")]


def _period(start: str | None, end: str | None, today: date) -> tuple[Period, str]:
    """The period asked for; none given means the last twelve months, empty fields mean all
    time. A date that cannot be read gives the default and a message, not an error page."""
    if start is None and end is None:
        return last_months(today), ""
    try:
        return Period.parse(start, end), ""
    except PeriodError:
        return last_months(today), N_("That date could not be read; showing the last 12 months.")


def _query(period: Period) -> str:
    return urlencode(
        {
            "from": period.start.isoformat() if period.start else "",
            "to": period.end.isoformat() if period.end else "",
        }
    )


def _area_name(area: Area, villages: VillageDirectory) -> str:
    if area.level == "province":
        return "Provinsi NTB"
    if area.level == "district":
        return villages.district_name(area.district_code or "") or "-"
    names = [v.name for v in map(villages.get, area.village_codes) if v is not None]
    return ", ".join(names) or "-"


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    start: StartDate = None,
    end: EndDate = None,
) -> Response:
    """The first page of the picture: departures and returns."""
    return page("migration", request, who, session, container, start, end)


@router.get("/{view}", response_class=HTMLResponse)
def page(
    view: View,
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    start: StartDate = None,
    end: EndDate = None,
) -> Response:
    officer, csrf = who
    villages = container.engine.villages
    period, error = _period(start, end, container.dispatcher.clock().astimezone(WITA).date())
    area = Area.of(officer)
    _ = translator("id")
    tables = [shown(t, _) for t in service.view(session, view, area, period, villages)]
    return templates.TemplateResponse(
        request,
        "stats.html",
        {
            "officer": officer,
            "csrf": csrf,
            "_": _,
            "view": view,
            "views": [(name, _(title)) for name, title in VIEW_TITLES.items()],
            "tables": tables,
            "period": period,
            "query": _query(period),
            "error": _(error) if error else "",
            "area": _area_name(area, villages),
        },
    )


@router.get("/download/{key}.{fmt}")
def download(
    key: TableKey,
    fmt: Format,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    start: StartDate = None,
    end: EndDate = None,
) -> Response:
    """One table as the page shows it for the same period, with codes beside the names."""
    officer, _csrf = who
    period, _error = _period(start, end, container.dispatcher.clock().astimezone(WITA).date())
    table = service.table(session, key, Area.of(officer), period, container.engine.villages)
    name = f"gambaran-{key}"
    if fmt == "xlsx":
        return Response(
            xlsx_bytes(table.columns, table.rows, title=key),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
        )
    buffer = io.StringIO()
    write_csv(buffer, table.columns, table.rows)
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


class StatsTableOut(BaseModel):
    columns: list[str]
    counts: list[str] = Field(description="columns holding counts (suppressed and rounded)")
    rows: list[dict[str, str | int | float | None]]


class StatsOut(BaseModel):
    area: dict[str, str | list[str] | None]
    period: dict[str, str | None]
    suppression: str
    tables: dict[str, StatsTableOut]


SUPPRESSION = (
    f"Counts of 1-{SMALLEST - 1} are null; every other count, totals included, is rounded to "
    f"the nearest multiple of 5; a median or percentile over fewer than {SMALLEST} cases is "
    "null."
)


def _out(table: Table) -> StatsTableOut:
    public = publish(table)
    return StatsTableOut(
        columns=list(public.columns),
        counts=list(public.counts),
        rows=public.rows,  # type: ignore[arg-type]
    )


@api_router.get(
    "/stats",
    response_model=StatsOut,
    responses={422: {"description": "A period date that cannot be read"}},
)
def get_stats(
    officer: ApiOfficer,
    session: SessionDep,
    container: ContainerDep,
    start: Annotated[
        str | None, Query(alias="from", max_length=32, description="first day, YYYY-MM-DD")
    ] = None,
    end: Annotated[
        str | None, Query(alias="to", max_length=32, description="last day, YYYY-MM-DD")
    ] = None,
) -> StatsOut:
    """Every table of the picture for the caller's area, without personal data, small counts
    suppressed; without from/to, all time."""
    try:
        period = Period.parse(start, end)
    except PeriodError as error:
        raise HTTPException(422, str(error)) from error
    area = Area.of(officer)
    tables = service.every_table(session, area, period, container.engine.villages)
    return StatsOut(
        area={
            "level": area.level,
            "district_code": area.district_code,
            "village_codes": list(area.village_codes),
        },
        period={
            "from": period.start.isoformat() if period.start else None,
            "to": period.end.isoformat() if period.end else None,
        },
        suppression=SUPPRESSION,
        tables={t.key: _out(t) for t in tables},
    )
