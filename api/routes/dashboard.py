"""The officers' dashboard: server-rendered, Indonesian first, phone-first, no JavaScript."""

from __future__ import annotations

import io
import secrets
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from api.auth import SESSION_COOKIE, WebOfficer, check_csrf, client_address
from api.case_view import actor_name, event_body, event_title
from api.company_view import case_company_flags
from api.deps import ContainerDep, SessionDep, case_or_404
from api.templating import templates
from bot.cases import service as handoff
from bot.cases.categories import CATEGORIES, CATEGORY_CODES, COUNTRIES
from bot.cases.contact import consent_date, reachable_at
from bot.cases.queue import STATUSES, VIEWS, list_cases
from bot.cases.review import NOT_REVIEWABLE, review, reviewable, topic_choices
from bot.exports import CASE_COLUMNS, case_rows, write_csv
from bot.i18n import N_, translator
from bot.ntb_time import WITA
from bot.officers import login_throttle
from bot.officers.audit import audit
from bot.officers.service import (
    MIN_PASSWORD,
    LoginThrottled,
    PasswordRefused,
    authenticate,
    change_password,
    close_session,
    open_session,
    rotate_api_token,
)
from bot.register.service import entry_of_case
from bot.store.models import Officer, OfficerAudit, OutboxMessage
from knowledge.villages import VillageDirectory

router = APIRouter(prefix="/officer", include_in_schema=False)
CaseId = Annotated[int, Path(ge=1, le=2**31 - 1)]
LOGIN_CSRF = "migran_login_csrf"


PasswordField = Annotated[str, Form(max_length=256)]
CsrfField = Annotated[str, Form(max_length=64)]


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


AUDIT_EVENTS = {
    "login": N_("logged in"),
    "login_failed": N_("wrong password"),
    "login_refused": N_("refused: disabled or locked"),
    "locked": N_("locked after repeated wrong passwords"),
    "logout": N_("logged out"),
    "password_changed": N_("changed the password"),
    "password_reset": N_("password reset by an admin"),
    "disabled": N_("disabled by an admin"),
    "token_rotated": N_("new API token"),
    "register_added": N_("added a register entry"),
    "register_edited": N_("edited a register entry"),
    "register_verify": N_("verified a register entry"),
    "register_departed": N_("recorded a departure"),
    "register_returned": N_("recorded a return"),
    "register_cancel": N_("cancelled a register entry"),
    "register_import": N_("imported a register list"),
    "register_case_linked": N_("linked a case to the register"),
    "companies_import": N_("imported a company list"),
    "joborders_import": N_("imported a job-order list"),
    "announcement_drafted": N_("wrote an announcement"),
    "announcement_submitted": N_("asked approval for an announcement"),
    "announcement_approved": N_("approved an announcement"),
    "announcement_sent": N_("sent an announcement"),
    "announcement_cancelled": N_("cancelled an announcement"),
}
CASE_ERRORS = {
    "resolved": N_("The case is already resolved."),
    "claimed": N_("Another officer has claimed this case."),
    "not-yours": N_("Only the officer who claimed the case can release it."),
    "empty": N_("Write something first."),
    "no-outcome": N_("Say how the case was resolved."),
    "failed": N_("That did not work; reload the page and try again."),
    "register-code": N_("No register entry with that code in the case's village."),
    "no-danger": N_("Say whether someone was in danger."),
    "not-reviewable": N_("This case was not opened from a message the assistant answered."),
    "unreachable": N_(
        "The family deleted their data from the chat: a reply cannot reach them. Add a note, "
        "or resolve the case."
    ),
}
"""What ?error= may show on a case page: a fixed set, never text from the address bar."""
CASE_ERROR_CODES = {
    "the case is already resolved": "resolved",
    "another officer has claimed this case": "claimed",
    "only the officer who claimed it can release it": "not-yours",
    "the reply is empty": "empty",
    "the note is empty": "empty",
    "say how the case was resolved": "no-outcome",
    handoff.UNREACHABLE: "unreachable",
}
STATUS_LABELS = {"new": N_("New"), "claimed": N_("Claimed"), "resolved": N_("Resolved")}


DONE = {
    "claim": N_("You have claimed this case."),
    "unclaim": N_("The case is back in the queue."),
    "reply": N_("Reply sent to the family's chat."),
    "note": N_("Note saved."),
    "transfer": N_("Transferred to the district."),
    "resolve": N_("Case resolved; the family has been told."),
    "resolve-untold": N_("Case resolved. The family deleted their data: nobody was told."),
    "register-linked": N_("Case linked to the register entry."),
    "review": N_("Review saved. Thank you: it helps the assistant answer the next family."),
}


def _labels(pairs: dict[str, str]) -> dict[str, str]:
    """Readable Indonesian names for stored codes: the same labels the family's form shows."""
    _ = translator("id")
    return {code: _(title) for code, title in pairs.items()}


def _render(
    request: Request, name: str, officer: Officer | None, csrf: str = "", **context: object
) -> HTMLResponse:
    common = {
        "officer": officer,
        "csrf": csrf,
        "_": translator("id"),
        # one table per kind of code: "other" is a category and a country
        "label": _labels(STATUS_LABELS),
        "category_label": _labels(dict(CATEGORIES)),
        "country_label": _labels(dict(COUNTRIES)),
    }
    return templates.TemplateResponse(request, name, {**common, **context})


def age(when: datetime, now: datetime) -> str:
    minutes = int((now - when).total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} mnt"
    if minutes < 48 * 60:
        return f"{minutes // 60} jam"
    return f"{minutes // 1440} hari"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, error: str = "") -> Response:
    token = secrets.token_urlsafe(24)
    response = _render(request, "login.html", None, csrf=token, error=error[:20])
    response.set_cookie(
        LOGIN_CSRF, token, httponly=True, samesite="strict", secure=_secure(request)
    )
    return response


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    container: ContainerDep,
    username: Annotated[str, Form(max_length=64)] = "",
    password: PasswordField = "",
    csrf: CsrfField = "",
) -> Response:
    check_csrf(request.cookies.get(LOGIN_CSRF, ""), csrf)
    try:
        officer = authenticate(
            session,
            username=username,
            password=password,
            now=container.dispatcher.clock(),
            address=client_address(request),
        )
    except LoginThrottled:
        return RedirectResponse("/officer/login?error=too-many", status_code=303)
    if officer is None:
        return RedirectResponse("/officer/login?error=wrong", status_code=303)
    token, _csrf = open_session(session, officer, now=container.dispatcher.clock())
    response = RedirectResponse("/officer", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
        max_age=12 * 3600,
    )
    response.delete_cookie(LOGIN_CSRF)
    return response


@router.post("/logout")
def logout(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(who[1], csrf)
    close_session(session, request.cookies.get(SESSION_COOKIE, ""))
    now = container.dispatcher.clock()
    audit(session, "logout", officer=who[0], now=now, address=client_address(request))
    response = RedirectResponse("/officer/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/password", response_class=HTMLResponse)
def password_page(request: Request, who: WebOfficer, error: str = "", done: str = "") -> Response:
    return _render(
        request,
        "password.html",
        who[0],
        who[1],
        error=error[:20],
        done=done == "1",
        min_length=MIN_PASSWORD,
    )


@router.post("/password")
def password_change(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    current: PasswordField = "",
    new: PasswordField = "",
    repeated: PasswordField = "",
    csrf: CsrfField = "",
) -> Response:
    officer, expected = who
    check_csrf(expected, csrf)
    address = client_address(request)
    now = container.dispatcher.clock()
    state = login_throttle.verdict(session, username=officer.username, address=address, now=now)
    if state is login_throttle.Verdict.LOCKED:
        return RedirectResponse("/officer/password?error=too-many", status_code=303)
    try:
        change_password(
            session,
            officer,
            current=current,
            new=new,
            repeated=repeated,
            now=now,
            keep_session=request.cookies.get(SESSION_COOKIE, ""),
            address=address,
        )
    except PasswordRefused as refused:
        if refused.reason == "wrong":
            login_throttle.record(
                session, username=officer.username, address=address, ok=False, now=now
            )
        return RedirectResponse(f"/officer/password?error={refused.reason}", status_code=303)
    return RedirectResponse("/officer/password?done=1", status_code=303)


@router.post("/token", response_class=HTMLResponse)
def new_api_token(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    csrf: CsrfField = "",
) -> Response:
    """A new API token, shown once on this page; the old one stops working."""
    officer, expected = who
    check_csrf(expected, csrf)
    token = rotate_api_token(
        session, officer, now=container.dispatcher.clock(), address=client_address(request)
    )
    return _render(
        request, "password.html", officer, expected, new_token=token, min_length=MIN_PASSWORD
    )


@router.get("", response_class=HTMLResponse)
def queue(
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    view: str = "new",
    category: str = "",
    village: str = "",
) -> Response:
    officer, csrf = who
    view = view if view in VIEWS else "new"
    state = request.query_params.get("status", "")
    cases = list_cases(
        session,
        officer,
        view=view,
        status=state if state in STATUSES else None,
        category=category[:32] or None,
        village=village[:16] or None,
    )
    now = container.dispatcher.clock()
    villages = container.engine.villages
    rows = [
        {
            "case": c,
            "age": age(c.created_at, now),
            "resolved_age": age(c.resolved_at, now) if c.resolved_at else "",
            "village": village_name(villages, c.village_code),
            "to_review": handoff.awaits_review(c),
        }
        for c in cases
    ]
    return _render(
        request,
        "queue.html",
        officer,
        csrf,
        rows=rows,
        view=view,
        state=state,
        category=category,
        village=village,
        categories=CATEGORY_CODES,
        statuses=STATUSES,
        area=_area(container, officer),
    )


def _area(container: ContainerDep, officer: Officer) -> str:
    villages = container.engine.villages
    if officer.role == "admin":
        return "Provinsi NTB"
    if officer.role == "supervisor":
        return villages.district_name(officer.district_code or "") or "-"
    names = [villages.get(c).label for c in officer.village_codes if villages.get(c)]  # type: ignore[union-attr]
    return "; ".join(names)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    case_id: CaseId,
    request: Request,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    error: str = "",
    done: str = "",
) -> Response:
    officer, csrf = who
    case = case_or_404(session, officer, case_id)
    village = container.engine.villages.get(case.village_code)
    officers = {o.id: o.name for o in session.scalars(select(Officer))}
    _ = translator("id")
    choices = topic_choices(container.librarian.topics.values())
    return _render(
        request,
        "case.html",
        officer,
        csrf,
        case=case,
        village=village,
        officers=officers,
        now=container.dispatcher.clock(),
        age=age,
        error=translator("id")(CASE_ERRORS[error]) if error in CASE_ERRORS else "",
        done=_(DONE[done]) if done in DONE else "",
        categories=CATEGORY_CODES,
        contact=reachable_at(session, case),
        register_entry=entry_of_case(session, case),
        consent_date=consent_date(session, case),
        event_title=lambda e: event_title(e, _),
        event_body=event_body,
        actor_name=lambda a: actor_name(a, officers, _),
        company_flags=case_company_flags(session, case, _),
        reviewable=reviewable(case),
        topic_choices=choices,
        topic_titles=dict(choices),
    )


@router.post("/cases/{case_id}/review")
def case_review(
    case_id: CaseId,
    who: WebOfficer,
    session: SessionDep,
    container: ContainerDep,
    csrf: Annotated[str, Form(max_length=64)] = "",
    topic: Annotated[list[str] | None, Form()] = None,
    danger: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """An officer's review of the message the case opened from (bot/cases/review.py)."""
    officer, expected = who
    check_csrf(expected, csrf)
    case = case_or_404(session, officer, case_id)
    if danger not in ("yes", "no"):
        return RedirectResponse(f"/officer/cases/{case_id}?error=no-danger", status_code=303)
    try:
        review(
            session,
            case=case,
            officer=officer,
            topics=topic or (),
            danger=danger == "yes",
            known=container.librarian.topics,
        )
    except handoff.CaseError as error:
        code = "not-reviewable" if str(error) == NOT_REVIEWABLE else "failed"
        return RedirectResponse(f"/officer/cases/{case_id}?error={code}", status_code=303)
    return RedirectResponse(f"/officer/cases/{case_id}?done=review", status_code=303)


@router.post("/cases/{case_id}/{action}")
def case_action(
    case_id: CaseId,
    action: str,
    who: WebOfficer,
    session: SessionDep,
    csrf: Annotated[str, Form(max_length=64)] = "",
    text: Annotated[str, Form(max_length=3000)] = "",
) -> Response:
    officer, expected = who
    check_csrf(expected, csrf)
    case = case_or_404(session, officer, case_id)
    actions = {
        "claim": lambda: handoff.claim(session, case=case, officer=officer),
        "unclaim": lambda: handoff.unclaim(session, case=case, officer=officer),
        "reply": lambda: handoff.reply(session, case=case, officer=officer, text=text),
        "note": lambda: handoff.note(session, case=case, officer=officer, text=text),
        "transfer": lambda: handoff.transfer_to_district(session, case=case, officer=officer),
        "resolve": lambda: handoff.resolve(session, case=case, officer=officer, outcome=text),
    }
    if action not in actions:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown action")
    try:
        actions[action]()
    except handoff.CaseError as error:
        code = CASE_ERROR_CODES.get(str(error), "failed")
        return RedirectResponse(f"/officer/cases/{case_id}?error={code}", status_code=303)
    if action == "resolve" and case.contact_id is None:
        action = "resolve-untold"
    return RedirectResponse(f"/officer/cases/{case_id}?done={action}", status_code=303)


@router.get("/export.csv")
def export(who: WebOfficer, session: SessionDep, container: ContainerDep) -> Response:
    officer, _csrf = who
    if officer.role not in ("supervisor", "admin"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "for district supervisors and admins")
    district = officer.district_code if officer.role == "supervisor" else None
    buffer = io.StringIO()
    write_csv(buffer, CASE_COLUMNS, case_rows(session, container.engine.villages, district))
    return Response(
        buffer.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="kasus.csv"'},
    )


@router.get("/outbox", response_class=HTMLResponse)
def dead_letters(request: Request, who: WebOfficer, session: SessionDep) -> Response:
    officer, csrf = who
    if officer.role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "for admins")
    rows = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == "dead")
        .order_by(OutboxMessage.id.desc())
        .limit(200)
    ).all()
    return _render(request, "outbox.html", officer, csrf, rows=rows)


@router.get("/audit", response_class=HTMLResponse)
def audit_trail(request: Request, who: WebOfficer, session: SessionDep) -> Response:
    """Sign-ins and credential changes of every officer, newest first (admins only)."""
    officer, csrf = who
    if officer.role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "for admins")
    rows = session.scalars(select(OfficerAudit).order_by(OfficerAudit.id.desc()).limit(300)).all()
    _ = translator("id")
    events = {code: _(title) for code, title in AUDIT_EVENTS.items()}
    return _render(request, "audit.html", officer, csrf, rows=rows, local=wita, events=events)


def wita(when: datetime) -> str:
    """Local time in NTB (WITA, UTC+8), as officers read it."""
    return when.astimezone(WITA).strftime("%Y-%m-%d %H:%M")


def village_name(villages: VillageDirectory, code: str) -> str:
    """The village's name for people, or its code when the directory does not know it."""
    village = villages.get(code)
    return village.name if village is not None else code
