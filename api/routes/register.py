"""The village register in the dashboard: the area's entries, one entry with its history and
cases, adding and editing for people who come to the village office, verifying, departures and
returns, importing a village's list, and linking a case to an entry. Every write is audited."""

from __future__ import annotations

import io
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Path, Request, UploadFile, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.auth import WebOfficer, check_csrf, client_address
from api.case_view import actor_name
from api.company_view import register_company_flags
from api.deps import ContainerDep, SessionDep, case_or_404
from api.register_view import area_villages, event_title, labels
from api.routes.dashboard import wita
from api.templating import templates
from bot.cases.categories import COUNTRIES
from bot.exports import write_csv
from bot.i18n import N_, translator
from bot.ntb_time import ntb_day
from bot.officers.audit import audit
from bot.officers.scope import sees_case
from bot.register import service
from bot.register.export import REGISTER_COLUMNS, register_rows
from bot.register.importer import check_fields, import_register
from bot.register.models import STATUSES, RegisterEntry
from bot.register.vocab import SECTOR_CODES
from bot.store.models import Officer
from bot.tables import Problem, TableError, parse_date, xlsx_bytes

router = APIRouter(prefix="/officer/register", include_in_schema=False)
EntryId = Annotated[int, Path(ge=1, le=2**31 - 1)]
CsrfField = Annotated[str, Form(max_length=64)]
MAX_UPLOAD = 10 * 1024 * 1024
LIST_LIMIT = 200
DONE = {
    "added": N_("Entry added."),
    "edited": N_("Entry saved."),
    "verify": N_("Entry verified."),
    "departed": N_("Departure recorded."),
    "returned": N_("Return recorded."),
    "cancel": N_("Departure cancelled."),
    "linked": N_("Case linked to the register entry."),
}
ERRORS = {
    "state": N_("That does not fit the entry's status."),
    "date": N_("Give a valid date."),
}
"""What ?done= and ?error= may show: a fixed set, never text from the address bar."""


class EntryForm(BaseModel):
    """An entry as typed in the dashboard: text fields, read by the import's rules."""

    csrf: str = Field("", max_length=64)
    name: str = Field("", max_length=200)
    village: str = Field("", max_length=120)
    sex: str = Field("", max_length=8)
    birth_year: str = Field("", max_length=8)
    country: str = Field("", max_length=64)
    city: str = Field("", max_length=120)
    sector: str = Field("", max_length=32)
    job: str = Field("", max_length=120)
    company: str = Field("", max_length=200)
    planned_departure: str = Field("", max_length=32)
    departed_on: str = Field("", max_length=32)
    returned_on: str = Field("", max_length=32)
    contract_months: str = Field("", max_length=8)
    contact_abroad: str = Field("", max_length=200)


def _render(
    request: Request, name: str, officer: Officer, csrf: str, **context: object
) -> HTMLResponse:
    common = {"officer": officer, "csrf": csrf, "_": translator("id"), "labels": labels()}
    return templates.TemplateResponse(request, name, {**common, **context})


def _entry_or_404(session: Session, officer: Officer, entry_id: int) -> RegisterEntry:
    """The entry when it is in the officer's area; 404 otherwise (no hint that it exists)."""
    entry = service.visible_entry(session, officer, entry_id)
    if entry is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "entry not found")
    return entry


def _form_context(container: ContainerDep, officer: Officer) -> dict[str, object]:
    return {
        "area_villages": area_villages(container.engine.villages, officer),
        "countries": [code for code, _title in COUNTRIES],
        "sectors": SECTOR_CODES,
    }


@router.get("", response_class=HTMLResponse)
def entries(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    country: str = "",
    village: str = "",
) -> Response:
    officer, csrf = who
    state = request.query_params.get("status", "")
    rows = service.list_entries(
        session,
        officer,
        limit=LIST_LIMIT,
        status=state if state in STATUSES else None,
        country=country[:64] or None,
        village=village[:16] or None,
    )
    villages = container.engine.villages
    return _render(
        request,
        "register_list.html",
        officer,
        csrf,
        rows=rows,
        limit=LIST_LIMIT,
        state=state,
        country=country,
        village=village,
        statuses=STATUSES,
        village_name=lambda code: villages.get(code).name if villages.get(code) else code,  # type: ignore[union-attr]
        **_form_context(container, officer),
    )


@router.get("/new", response_class=HTMLResponse)
def new_entry_page(request: Request, who: WebOfficer, container: ContainerDep) -> Response:
    officer, csrf = who
    return _render(
        request,
        "register_form.html",
        officer,
        csrf,
        entry=None,
        values={},
        problems=[],
        **_form_context(container, officer),
    )


def _read(
    form: EntryForm,
    container: ContainerDep,
    officer: Officer,
    village: str,
    entry: RegisterEntry | None = None,
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The form read by the import's rules, dates by the register's (nothing in the future)."""
    values = form.model_dump(exclude={"csrf", "contact_abroad"})
    values["village"] = village
    fields, problems = check_fields(
        values,
        villages=container.engine.villages,
        officer=officer,
        today=ntb_day(container.dispatcher.clock()),
        translate=translator("id"),
        kept_plan=entry.planned_departure if entry is not None else None,
    )
    if fields is not None:
        fields["contact_abroad"] = form.contact_abroad.strip() or None
        fields.pop("status", None)
    return fields, problems


@router.post("/new", response_class=HTMLResponse)
def add_entry(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    form: Annotated[EntryForm, Form()],
) -> Response:
    """An entry for someone who came to the village office; the village must be in the area."""
    officer, expected = who
    check_csrf(expected, form.csrf)
    fields, problems = _read(form, container, officer, form.village)
    if fields is None:
        return _render(
            request,
            "register_form.html",
            officer,
            expected,
            entry=None,
            values=form.model_dump(),
            problems=problems,
            **_form_context(container, officer),
        )
    now = container.dispatcher.clock()
    entry = service.create_entry(
        session,
        village_code=str(fields.pop("village_code")),
        country=str(fields.pop("country")),
        source="officer",
        officer=officer,
        now=now,
        **fields,
    )
    audit(session, "register_added", officer=officer, now=now, address=client_address(request))
    return RedirectResponse(f"/officer/register/{entry.id}?done=added", status_code=303)


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request, who: WebOfficer) -> Response:
    officer, csrf = who
    return _render(request, "register_import.html", officer, csrf, problems=[], imported=None)


@router.post("/import", response_class=HTMLResponse)
def import_file(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    file: Annotated[UploadFile, File()],
    csrf: CsrfField = "",
) -> Response:
    """A village's list: checked whole; on any problem nothing is written and each is named."""
    officer, expected = who
    check_csrf(expected, csrf)
    data = file.file.read(MAX_UPLOAD + 1)
    problems: list[Problem] = []
    imported = None
    if len(data) > MAX_UPLOAD:
        problems = [Problem(0, "", translator("id")(N_("the file is larger than 10 MB; split it")))]
    else:
        try:
            imported = import_register(
                session,
                data,
                file.filename or "upload.csv",
                villages=container.engine.villages,
                officer=officer,
                now=container.dispatcher.clock(),
                translate=translator("id"),
            )
        except TableError as error:
            problems = error.problems
    return _render(
        request,
        "register_import.html",
        officer,
        expected,
        problems=problems[:300],
        more=max(0, len(problems) - 300),
        imported=imported,
    )


@router.get("/export.csv")
def export(who: WebOfficer, session: SessionDep, container: ContainerDep) -> Response:
    """The officer's area as CSV (no contact abroad, see bot/register/export.py)."""
    officer, _csrf = who
    buffer = io.StringIO()
    write_csv(buffer, REGISTER_COLUMNS, register_rows(session, container.engine.villages, officer))
    return Response(
        buffer.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="register.csv"'},
    )


@router.get("/export.xlsx")
def export_xlsx(who: WebOfficer, session: SessionDep, container: ContainerDep) -> Response:
    """The same rows as the CSV, as a spreadsheet."""
    officer, _csrf = who
    rows = register_rows(session, container.engine.villages, officer)
    return Response(
        xlsx_bytes(REGISTER_COLUMNS, rows, title="register"),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": 'attachment; filename="register.xlsx"'},
    )


@router.post("/link-case/{case_id}")
def link_case(
    case_id: EntryId,
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    csrf: CsrfField = "",
    code: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """Links a case to a register entry of the same village, found by its code."""
    officer, expected = who
    check_csrf(expected, csrf)
    case = case_or_404(session, officer, case_id)
    entry = service.entry_by_code(session, code)
    where = f"/officer/cases/{case.id}"
    if entry is None or entry.village_code != case.village_code:
        return RedirectResponse(f"{where}?error=register-code", status_code=303)
    now = container.dispatcher.clock()
    service.link_case(session, case=case, entry=entry, actor=f"officer:{officer.id}", now=now)
    audit(
        session, "register_case_linked", officer=officer, now=now, address=client_address(request)
    )
    return RedirectResponse(f"{where}?done=register-linked", status_code=303)


@router.get("/{entry_id}", response_class=HTMLResponse)
def entry_page(
    entry_id: EntryId,
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    done: str = "",
    error: str = "",
) -> Response:
    officer, csrf = who
    entry = _entry_or_404(session, officer, entry_id)
    _ = translator("id")
    officers = {o.id: o.name for o in session.scalars(select(Officer))}
    linked = service.cases_of_entry(session, entry)
    # a report kept from the village leaves no trace here for the village's officers: neither
    # its card nor the history line that names it (an officer-side tester, stop 48)
    unseen = {c.number for c in linked if not sees_case(officer, c)}
    return _render(
        request,
        "register_entry.html",
        officer,
        csrf,
        entry=entry,
        events=[e for e in entry.events if not (e.kind == "case_linked" and e.body in unseen)],
        village=container.engine.villages.get(entry.village_code),
        cases=[c for c in linked if c.number not in unseen],
        company_flags=register_company_flags(session, entry, _),
        officers=officers,
        actor_name=lambda actor: actor_name(actor, officers, _),
        event_title=lambda e: event_title(e, _),
        local=wita,
        today=ntb_day(container.dispatcher.clock()).isoformat(),
        done=_(DONE[done]) if done in DONE else "",
        error=_(ERRORS[error]) if error in ERRORS else "",
        values=_values_of(entry),
        problems=[],
        **_form_context(container, officer),
    )


def _values_of(entry: RegisterEntry) -> dict[str, str]:
    def text(value: object) -> str:
        if value is None:
            return ""
        return value.isoformat() if isinstance(value, date) else str(value)

    return {
        "name": text(entry.worker_name),
        "village": entry.village_code,
        "sex": text(entry.sex),
        "birth_year": text(entry.birth_year),
        "country": entry.country,
        "city": text(entry.city),
        "sector": text(entry.sector),
        "job": text(entry.job),
        "company": text(entry.company_name),
        "planned_departure": text(entry.planned_departure),
        "departed_on": text(entry.departed_on),
        "returned_on": text(entry.returned_on),
        "contract_months": text(entry.contract_months),
        "contact_abroad": text(entry.contact_abroad),
    }


@router.post("/{entry_id}/edit", response_class=HTMLResponse)
def edit_entry(
    entry_id: EntryId,
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    form: Annotated[EntryForm, Form()],
) -> Response:
    officer, expected = who
    check_csrf(expected, form.csrf)
    entry = _entry_or_404(session, officer, entry_id)
    fields, problems = _read(form, container, officer, entry.village_code, entry)
    if fields is None:
        return _render(
            request,
            "register_form.html",
            officer,
            expected,
            entry=entry,
            values=form.model_dump(),
            problems=problems,
            **_form_context(container, officer),
        )
    fields.pop("village_code")
    fields["worker_name"] = fields.get("worker_name") if not entry.anonymised else None
    now = container.dispatcher.clock()
    if service.update_entry(session, entry, officer=officer, now=now, **fields):
        audit(session, "register_edited", officer=officer, now=now, address=client_address(request))
    return RedirectResponse(f"/officer/register/{entry.id}?done=edited", status_code=303)


@router.post("/{entry_id}/{action}")
def entry_action(
    entry_id: EntryId,
    action: str,
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    csrf: CsrfField = "",
    on: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    officer, expected = who
    check_csrf(expected, csrf)
    if action not in ("verify", "departed", "returned", "cancel"):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown action")
    entry = _entry_or_404(session, officer, entry_id)
    now = container.dispatcher.clock()
    where = f"/officer/register/{entry.id}"
    try:
        if action == "verify":
            service.verify(session, entry, officer=officer, now=now)
        elif action == "cancel":
            service.cancel(session, entry, officer=officer, now=now)
        else:
            try:
                when = parse_date(on)
            except ValueError:
                return RedirectResponse(f"{where}?error=date", status_code=303)
            mark = service.mark_departed if action == "departed" else service.mark_returned
            mark(session, entry, on=when, officer=officer, now=now)
    except service.RegisterError:
        return RedirectResponse(f"{where}?error=state", status_code=303)
    audit(session, f"register_{action}", officer=officer, now=now, address=client_address(request))
    return RedirectResponse(f"{where}?done={action}", status_code=303)
