"""Announcements in the dashboard: compose, see the audience, send or schedule, approve, follow
the progress, cancel. A thin layer over `bot.announcements.service`, which scopes and audits."""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import WebOfficer, check_csrf
from api.deps import ContainerDep, SessionDep
from api.routes.dashboard import _render, wita
from bot.announcements import service
from bot.announcements.models import Announcement
from bot.announcements.service import MAX_TEXT, AnnouncementError
from bot.cases.categories import COUNTRIES
from bot.i18n import N_, translator
from bot.ntb_time import WITA
from bot.store.models import Officer
from knowledge.villages import VillageDirectory

router = APIRouter(prefix="/officer/announcements", include_in_schema=False)
AnnouncementId = Annotated[int, Path(ge=1, le=2**31 - 1)]
CsrfField = Annotated[str, Form(max_length=64)]

ERRORS = {
    "empty": N_("Write the announcement first."),
    "too-long": N_("The announcement is longer than 1,000 characters."),
    "button": N_("That button is not available."),
    "outside-area": N_("You can only send to your own area."),
    "not-draft": N_("This announcement was already sent or submitted."),
    "not-author": N_("Only the officer who wrote it can send it."),
    "not-awaiting": N_("This announcement is not waiting for approval."),
    "own": N_("A second officer must approve: you cannot approve your own announcement."),
    "role": N_("Your role cannot do this for this area."),
    "finished": N_("This announcement is already finished."),
    "time": N_("The time could not be read; use the date and time fields."),
}
"""What ?error= may show: a fixed set, never text from the address bar."""
STATUS_LABELS = {
    "draft": N_("Draft"),
    "awaiting_approval": N_("Waiting for approval"),
    "scheduled": N_("Scheduled"),
    "sending": N_("Sending"),
    "sent": N_("Sent"),
    "cancelled": N_("Cancelled"),
}
COUNTRY_FILTERS = tuple((code, title) for code, title in COUNTRIES if code != "other")


def area_options(officer: Officer, villages: VillageDirectory) -> list[tuple[str, str]]:
    """The places an officer may address, as form values "level:code" and labels."""
    if officer.role == "admin":
        return [("province:", "Seluruh NTB")] + [
            (f"district:{code}", name) for code, name in villages.districts.items()
        ]
    if officer.role == "supervisor":
        district = officer.district_code or "-"
        return [(f"district:{district}", villages.district_name(district) or district)] + [
            (f"village:{v.code}", v.label) for v in villages.villages if v.district_code == district
        ]
    return [
        (f"village:{code}", village.label if village else code)
        for code, village in ((c, villages.get(c)) for c in officer.village_codes)
    ]


def area_label(announcement: Announcement, villages: VillageDirectory) -> str:
    if announcement.level == "province":
        return "Seluruh NTB"
    if announcement.level == "district":
        return ", ".join(villages.district_name(c) or c for c in announcement.area_codes)
    labels = []
    for code in announcement.area_codes:
        village = villages.get(code)
        labels.append(village.label if village else code)
    return "; ".join(labels)


def _own(session: Session, officer: Officer, announcement_id: int) -> Announcement:
    """The announcement when the officer may see it; 404 otherwise (no hint it exists)."""
    announcement = session.get(Announcement, announcement_id)
    if announcement is None or not service.may_see(officer, announcement):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "announcement not found")
    return announcement


def _error_page(code: str) -> Response:
    return RedirectResponse(f"/officer/announcements?error={code}", status_code=303)


@router.get("/counter.js", include_in_schema=False)
def counter_script() -> Response:
    script = (resources.files("api") / "static" / "counter.js").read_text("utf-8")
    return Response(script, media_type="text/javascript")


@router.get("", response_class=HTMLResponse)
def announcements_page(
    request: Request, who: WebOfficer, session: SessionDep, container: ContainerDep, error: str = ""
) -> Response:
    officer, csrf = who
    villages = container.engine.villages
    _ = translator("id")
    rows = service.visible(session, officer)
    authors = {o.id: o.name for o in session.scalars(select(Officer))}
    return _render(
        request,
        "announcements.html",
        officer,
        csrf,
        rows=rows,
        authors=authors,
        areas=area_options(officer, villages),
        area_label=lambda a: area_label(a, villages),
        courses=[(p.slug, p.title.get("id", p.slug)) for p in container.engine.catalog.programmes],
        countries=[(code, _(title)) for code, title in COUNTRY_FILTERS],
        status_label={k: _(v) for k, v in STATUS_LABELS.items()},
        max_text=MAX_TEXT,
        error=_(ERRORS[error]) if error in ERRORS else "",
        local=wita,
    )


@router.post("")
def compose(
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    csrf: CsrfField = "",
    text: Annotated[str, Form(max_length=4000)] = "",
    area: Annotated[str, Form(max_length=40)] = "",
    button: Annotated[str, Form(max_length=16)] = "",
    course: Annotated[str, Form(max_length=64)] = "",
    country: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    officer, expected = who
    check_csrf(expected, csrf)
    allowed = dict(area_options(officer, container.engine.villages))
    level, _sep, code = area.partition(":")
    if area not in allowed or not service.in_area(officer, level, [code] if code else []):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "outside your area")
    courses = {p.slug for p in container.engine.catalog.programmes}
    countries = {c for c, _t in COUNTRY_FILTERS}
    try:
        announcement = service.compose(
            session,
            officer=officer,
            level=level,
            codes=[code] if code else [],
            text=text,
            button=button or None,
            course=course if course in courses else None,
            country=country if country in countries else None,
            now=container.dispatcher.clock(),
        )
    except AnnouncementError as error:
        return _error_page(error.code)
    return RedirectResponse(f"/officer/announcements/{announcement.id}", status_code=303)


@router.get("/{announcement_id}", response_class=HTMLResponse)
def announcement_page(
    announcement_id: AnnouncementId,
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    error: str = "",
) -> Response:
    officer, csrf = who
    announcement = _own(session, officer, announcement_id)
    _ = translator("id")
    waiting = announcement.status in ("draft", "awaiting_approval", "scheduled")
    authors = {o.id: o.name for o in session.scalars(select(Officer))}
    return _render(
        request,
        "announcement.html",
        officer,
        csrf,
        a=announcement,
        authors=authors,
        area=area_label(announcement, container.engine.villages),
        audience=service.count(session, announcement) if waiting else announcement.recipients,
        progress=service.progress(session, announcement.id),
        needs_approval=service.needs_approval(announcement),
        may_approve=service.may_approve(officer, announcement),
        status_label={k: _(v) for k, v in STATUS_LABELS.items()},
        error=_(ERRORS[error]) if error in ERRORS else "",
        local=wita,
    )


def parse_local(value: str) -> datetime | None:
    """A `datetime-local` field, read as WITA (Asia/Makassar); empty means now."""
    value = value.strip()
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=WITA)


@router.post("/{announcement_id}/{action}")
def announcement_action(
    announcement_id: AnnouncementId,
    action: str,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    csrf: CsrfField = "",
    at: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    officer, expected = who
    check_csrf(expected, csrf)
    announcement = _own(session, officer, announcement_id)
    now = container.dispatcher.clock()
    page = f"/officer/announcements/{announcement.id}"
    try:
        if action == "send":
            try:
                when = parse_local(at)
            except ValueError:
                return RedirectResponse(f"{page}?error=time", status_code=303)
            service.send(session, announcement=announcement, officer=officer, now=now, at=when)
        elif action == "approve":
            service.approve(session, announcement=announcement, officer=officer, now=now)
        elif action == "cancel":
            service.cancel(session, announcement=announcement, officer=officer, now=now)
        else:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown action")
    except AnnouncementError as error:
        return RedirectResponse(f"{page}?error={error.code}", status_code=303)
    return RedirectResponse(page, status_code=303)
