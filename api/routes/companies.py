"""The province's company and job-order lists in the dashboard (admins): upload with a report
of every bad row, search the current list with status and job orders, counts per company."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.auth import WebOfficer, check_csrf, client_address
from api.deps import ContainerDep, SessionDep
from api.templating import templates
from bot.companies import oversight, service
from bot.companies.imports import NOT_A_DATE
from bot.companies.models import KINDS
from bot.i18n import N_, translator
from bot.store.models import Officer
from bot.tables import Problem, TableError, parse_date

router = APIRouter(prefix="/officer/companies", include_in_schema=False)
MAX_UPLOAD = 10 * 1024 * 1024
STATUS_LABELS = {
    "active": N_("active"),
    "suspended": N_("suspended"),
    "revoked": N_("revoked"),
}
KIND_LABELS = {"companies": N_("Licensed companies"), "joborders": N_("Job orders")}
DONE = {kind: N_("The new list is loaded and current.") for kind in KINDS}


def _admin(who: tuple[Officer, str]) -> tuple[Officer, str]:
    if who[0].role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "for admins")
    return who


def _page(
    request: Request,
    session: SessionDep,
    officer: Officer,
    csrf: str,
    q: str = "",
    problems: list[Problem] | None = None,
    failed_kind: str = "",
    done: str = "",
) -> HTMLResponse:
    _ = translator("id")
    companies = oversight.search(session, q[:100])
    orders = {c.id: oversight.job_orders_of(session, c) for c in companies}
    context = {
        "officer": officer,
        "csrf": csrf,
        "_": _,
        "q": q,
        "companies": companies,
        "orders": orders,
        "today": date.today(),
        "current": {kind: service.current_list(session, kind) for kind in KINDS},
        "history": {kind: service.lists(session, kind) for kind in KINDS},
        "kinds": {kind: _(label) for kind, label in KIND_LABELS.items()},
        "status_label": {code: _(label) for code, label in STATUS_LABELS.items()},
        "ntb_offices": service.ntb_offices,
        "counts": oversight.company_counts(session)[:30],
        "problems": problems or [],
        "failed_kind": failed_kind,
        "done": _(DONE[done]) if done in DONE else "",
    }
    code = status.HTTP_400_BAD_REQUEST if problems else status.HTTP_200_OK
    return templates.TemplateResponse(request, "companies.html", context, status_code=code)


@router.get("", response_class=HTMLResponse)
def companies_page(
    request: Request, who: WebOfficer, session: SessionDep, q: str = "", done: str = ""
) -> Response:
    officer, csrf = _admin(who)
    return _page(request, session, officer, csrf, q=q, done=done)


@router.post("/import", response_class=HTMLResponse)
async def import_list(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(max_length=16)] = "",
    list_date: Annotated[str, Form(max_length=40)] = "",
    source: Annotated[str, Form(max_length=200)] = "",
    csrf: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    officer, expected = _admin(who)
    check_csrf(expected, csrf)
    if kind not in KINDS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown list")
    data = await file.read(MAX_UPLOAD + 1)
    problems: list[Problem] = []
    if len(data) > MAX_UPLOAD:
        problems.append(Problem(0, "", N_("the file is larger than 10 MB")))
    try:
        day = parse_date(list_date) if list_date.strip() else date.today()
    except ValueError:
        problems.append(Problem(0, "list_date", NOT_A_DATE, {"value": repr(list_date[:40])}))
        day = date.today()
    if not problems:
        load = service.import_companies if kind == "companies" else service.import_job_orders
        try:
            load(
                session,
                data,
                file.filename or "upload",
                list_date=day,
                source=source,
                officer=officer,
                now=container.dispatcher.clock(),
                address=client_address(request),
            )
        except TableError as error:
            problems = error.problems
    if problems:
        return _page(request, session, officer, expected, problems=problems, failed_kind=kind)
    return RedirectResponse(f"/officer/companies?done={kind}", status_code=303)
