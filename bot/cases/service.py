"""The case queue as a service: keyword-only functions that take a session.

The conversation core creates cases and adds what the family writes; officers (dashboard, API,
Telegram) claim, reply, note, transfer and resolve through the same functions, so every step is
a case event (the audit trail) and every message to a family or an officer is an outbox row in
the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.codes import new_code
from bot.i18n import N_, translator
from bot.options import short
from bot.outbox import queue_message, queue_reply
from bot.store.models import Case, CaseEvent, Contact, Conversation, Officer, utcnow
from bot.types import Button, Reply, reply_to_dict

OPEN_STATUSES = ("new", "claimed")
ERASE_PENDING = "erase_confirm"
"""The chat's flow while "delete everything?" waits for a yes (bot.flows.menu)."""
WITHDRAW_PENDING = "withdraw_confirm"
"""The chat's flow while "withdraw registration P-...?" waits for a yes
(bot.flows.withdrawal)."""
CONFIRMING = (ERASE_PENDING, WITHDRAW_PENDING)
NOT_FORMS = (None, *CONFIRMING, "language")
"""Chat flows that are no form to pause."""
PAUSED_FOR_OFFICER = "paused_for_officer"
"""Conversation data: an officer's reply paused the form, and the family has not been reminded
of it since (bot.flows.form_steps.remind_paused)."""
UNREACHABLE = N_("the family deleted their data: a reply cannot reach them")
REOPEN_WINDOW = timedelta(days=30)
"""How long after a report is resolved the family's message about it opens it again ("kok
ditutup pak, anak sy blm pulang"); later, a new report is the way."""
LEVELS = ("village", "district", "province")


class CaseError(ValueError):
    """An officer action that does not fit the case's state."""


def actor_of(officer: Officer) -> str:
    return f"officer:{officer.id}"


def record(
    session: Session,
    *,
    case: Case,
    kind: str,
    actor: str,
    body: str | None = None,
    media_ref: str | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    event = CaseEvent(
        case=case, kind=kind, actor=actor, body=body, media_ref=media_ref, created_at=at or utcnow()
    )
    session.add(event)
    case.updated_at = event.created_at
    return event


# -- the family's side -------------------------------------------------------------------------
def create_case(
    session: Session,
    *,
    contact: Contact,
    reporter: str,
    worker_name: str | None,
    country: str,
    city: str | None,
    category: str,
    story: str,
    urgent: bool,
    village_code: str,
    share_consent: bool,
    village_hidden: bool = False,
    attachments: Sequence[dict[str, str]] = (),
    categories: Sequence[str] = (),
    relation: str | None = None,
    story_read: bool = False,
    assistant_reply: dict[str, object] | None = None,
) -> Case:
    """`story_read`: the story is the message the assistant answered before the report was
    opened from it, so an officer can review it (bot/cases/review.py); `assistant_reply` is
    what the assistant gave it (bot.engine.replied)."""
    case = Case(
        number=new_code("K"),
        contact_id=contact.id,
        reporter=reporter,
        reporter_relation=relation,
        worker_name=worker_name,
        country=country,
        city=city,
        category=category,
        categories=list(dict.fromkeys([category, *categories])),
        story=story,
        urgent=urgent,
        village_code=village_code,
        district_code=".".join(village_code.split(".")[:2]),
        share_consent=share_consent,
        village_hidden=village_hidden,
        story_read=story_read,
        assistant_reply=assistant_reply,
    )
    session.add(case)
    record(session, case=case, kind="created", actor="family", body=story)
    for item in attachments:
        record(
            session,
            case=case,
            kind="media",
            actor="family",
            body=item.get("kind"),
            media_ref=item.get("ref"),
        )
    session.flush()
    route_case(session, case=case)
    return case


OPEN_CASE_HINT = "open_case_hint"
"""session.info key: a CaseHint looked up for a whole batch of messages at once
(bot/dispatch.py); used once, by the next lookup for that contact."""
NEWEST_CASE_HINT = "newest_case_hint"
"""session.info key: (contact id, its newest case), left by open_case_of when it used a hint,
for resolved_lately right after it (a contact with no open report)."""


@dataclass(frozen=True)
class CaseHint:
    contact_id: int
    open: Case | None
    """The open case the family's message goes to (the last active), as open_case_of finds."""
    newest: Case | None
    """The newest case of any status, as resolved_lately looks at."""


LATEST_FIRST = (Case.village_hidden.desc(), Case.updated_at.desc(), Case.id.desc())
"""With two reports open, the family's message goes to the one last active (the officer's
reply the family is answering), not always the newest; but first to one kept from the
village: a message meant for it must not reach the village's officer through the other (an
officer-side tester, stop 48: "sponsornya itu saudara pak kades" went to the village's case),
and the district can pass on what is for the village."""


def open_case_of(session: Session, contact: Contact) -> Case | None:
    hint: CaseHint | None = session.info.pop(OPEN_CASE_HINT, None)
    if hint is not None and hint.contact_id == contact.id:
        session.info[NEWEST_CASE_HINT] = (contact.id, hint.newest)
        return hint.open
    return session.scalars(
        select(Case)
        .where(Case.contact_id == contact.id, Case.status.in_(OPEN_STATUSES))
        .order_by(*LATEST_FIRST)
        .limit(1)
    ).first()


def resolved_lately(session: Session, contact: Contact, now: datetime) -> Case | None:
    """The family's newest report, when it was resolved within `REOPEN_WINDOW`."""
    hint: tuple[int, Case | None] | None = session.info.pop(NEWEST_CASE_HINT, None)
    if hint is not None and hint[0] == contact.id:
        case = hint[1]
    else:
        case = session.scalars(
            select(Case).where(Case.contact_id == contact.id).order_by(Case.id.desc()).limit(1)
        ).first()
    if case is None or case.status != "resolved" or case.resolved_at is None:
        return None
    return case if now - case.resolved_at <= REOPEN_WINDOW else None


def reopen(
    session: Session, *, case: Case, text: str | None, now: datetime, urgent: bool = False
) -> None:
    """The family writes back about a resolved report: it opens again with the officer who
    resolved it (or in the village queue, when that officer is gone), who hears why."""
    officer = session.get(Officer, case.officer_id) if case.officer_id else None
    active = officer is not None and officer.active
    case.status = "claimed" if active else "new"
    if not active:
        case.officer_id = None
    case.resolved_at, case.reopened_at = None, now
    case.urgent = case.urgent or urgent
    record(session, case=case, kind="reopened", actor="family", body=text, at=now)
    _ = translator("id")
    alert_officers(
        session,
        case,
        _("Case {number} is open again: the family wrote after it was resolved:\n{text}").format(
            number=case.number, text=(text or "")[:500]
        ),
    )


def cases_of(session: Session, contact: Contact) -> Sequence[Case]:
    return session.scalars(
        select(Case).where(Case.contact_id == contact.id).order_by(Case.id)
    ).all()


def add_family_message(
    session: Session,
    *,
    case: Case,
    text: str | None,
    media_kind: str | None = None,
    media_ref: str | None = None,
    urgent: bool = False,
    closing: bool = False,
) -> CaseEvent:
    """`urgent`: the message says someone is in danger now; `closing`: the family asks for
    the report to be closed, which only an officer does (`resolve`). The officers' notice
    says so."""
    kind = "family_message" if text else "media"
    event = record(
        session, case=case, kind=kind, actor="family", body=text or media_kind, media_ref=media_ref
    )
    tell_officers_of_message(
        session, case=case, text=text, media_kind=media_kind, urgent=urgent, closing=closing
    )
    return event


def tell_officers_of_message(
    session: Session,
    *,
    case: Case,
    text: str | None,
    media_kind: str | None = None,
    urgent: bool = False,
    closing: bool = False,
) -> None:
    """The notice of a family's message to the officers who answer for its case: apart from
    recording it, for a message held until the family says which report it is for."""
    _ = translator("id")
    if urgent:
        headline = _("URGENT: the family writes that someone is in danger, case {number}:\n{text}")
    elif closing:
        headline = _("The family asks to close case {number}:\n{text}")
    else:
        headline = _("New message from the family in case {number}:\n{text}")
    for officer in responsible_officers(session, case):
        notify(
            session,
            officer,
            headline.format(number=case.number, text=(text or f"[{media_kind}]")[:500]),
            case,
        )


def family_translator(session: Session, case: Case) -> Callable[[str], str]:
    """Text for the family in the language of their chat (Indonesian when it is gone)."""
    contact = session.get(Contact, case.contact_id) if case.contact_id else None
    return translator(contact.language if contact else "id")


def tell_family(session: Session, *, case: Case, text: str, now: datetime | None = None) -> bool:
    """Queues a message to the family's chat; False when the contact erased their data."""
    if case.contact_id is None:
        return False
    contact = session.get(Contact, case.contact_id)
    if contact is None or contact.erased_at is not None:
        return False
    reply = Reply(for_the_case(case, text))
    queue_reply(session, contact=contact, reply=reply, now=now or utcnow(), sender="officer")
    conversation = session.get(Conversation, contact.id)
    if conversation is not None and conversation.flow in CONFIRMING:
        # "baik bu" answering the officer is not a yes to deleting everything, nor to
        # withdrawing from a training
        conversation.flow = None
    return True


# -- routing and notification -------------------------------------------------------------------
def responsible_officers(session: Session, case: Case) -> list[Officer]:
    """Who should hear about the case now: its officer, or its level's officers.

    Without autoflush: officers do not depend on the rows a batch of messages has pending,
    and a flush here would split the batch's one set of inserts into many small ones."""
    with session.no_autoflush:
        return _responsible_officers(session, case)


def _responsible_officers(session: Session, case: Case) -> list[Officer]:
    from bot.officers.scope import admins, officers_for_village, supervisors_for

    if case.officer_id is not None:
        officer = session.get(Officer, case.officer_id)
        if officer is not None and officer.active:
            return [officer]
    village = [] if case.village_hidden else officers_for_village(session, case.village_code)
    if case.escalation_level == 0 and village:
        return village
    if case.escalation_level <= 1:
        supervisors = supervisors_for(session, case.district_code)
        if supervisors:
            return supervisors
    return admins(session)


def notify(
    session: Session,
    officer: Officer,
    text: str,
    case: Case | None = None,
    buttons: tuple[Button, ...] = (),
) -> None:
    """A Telegram message to an officer who linked a chat; the dashboard shows it anyway. An
    open case's message carries its buttons; `buttons` are for anything else."""
    if not officer.telegram_chat_id:
        return
    _ = translator("id")
    if case is not None and case.status != "resolved":
        buttons = (
            Button(f"case:claim:{case.id}", _("Claim")),
            Button(f"case:open:{case.id}", _("Open")),
            Button(f"case:reply:{case.id}", _("Reply")),
        )
    queue_message(
        session,
        channel="telegram",
        recipient=officer.telegram_chat_id,
        payload=reply_to_dict(Reply(text, buttons)),
    )


DISTRICT_WORDING = (
    # the village and the district named together first ("hanya petugas desa dan kabupaten
    # Anda" became "petugas kabupaten dan kabupaten": a family-side tester, stop 53)
    ("Petugas desa dan kabupaten", "Petugas kabupaten"),
    ("petugas desa dan kabupaten", "petugas kabupaten"),
    ("your village's and district's officers", "your district's officers"),
    ("village and district officers", "district officers"),
    ("Petugas desa", "Petugas kabupaten"),
    ("petugas desa", "petugas kabupaten"),
    ("village officer", "district officer"),
)
"""A family's line about a report kept from the village names the district's officer, in
either language of the catalogs."""


def for_the_case(case: Case, text: str) -> str:
    if not case.village_hidden:
        return text
    for village, district in DISTRICT_WORDING:
        text = text.replace(village, district)
    return text


def case_summary(case: Case) -> str:
    _ = translator("id")
    urgent = _("URGENT") + " " if case.urgent else ""
    summary = _("{urgent}Case {number}: {category}, {country}, village {village}.\n{story}").format(
        urgent=urgent,
        number=case.number,
        category=case.category,
        country=case.country,
        village=case.village_code,
        story=case.story[:600],
    )
    if case.village_hidden:
        # the reporter asked that the village not know: said wherever the case is forwarded
        summary = _("District only: do not pass this to the village.") + "\n" + summary
    return summary


def alert_officers(session: Session, case: Case, headline: str) -> list[Officer]:
    """Tells whoever is responsible for the case now, with the case summary and buttons."""
    officers = responsible_officers(session, case)
    for officer in officers:
        notify(session, officer, headline + "\n" + case_summary(case), case)
    return officers


DISTRICT_ONLY = "district-only"


def routed_level(case: Case) -> str:
    level = LEVELS[case.escalation_level]
    return DISTRICT_ONLY if case.village_hidden and level == LEVELS[1] else level


def _answering_officers(session: Session, case: Case) -> list[Officer]:
    """Who answers for the case now; a case at the village's level with no village officer to
    answer it (none registered, or kept from the village) is at the level of those who do: the
    district, or without one the province."""
    officers = responsible_officers(session, case)
    if case.escalation_level == 0 and officers and officers[0].role != "officer":
        case.escalation_level = 1 if officers[0].role == "supervisor" else 2
    return officers


def route_case(session: Session, *, case: Case) -> list[Officer]:
    officers = _answering_officers(session, case)
    record(
        session,
        case=case,
        kind="routed",
        actor="system",
        # "district: budi" — the level tells officers why it went past the village; a report
        # kept from the village says so
        body=f"{routed_level(case)}: " + ", ".join(o.username for o in officers)
        if officers
        else "no officer registered",
    )
    _ = translator("id")
    return alert_officers(session, case, _("New case."))


def keep_from_village(session: Session, *, case: Case) -> list[Officer]:
    """The family asked, with the report open, that the village not see it: from now on it
    is the district's, as if *Only the district* had been chosen when it was sent. A village
    officer who had claimed it lets it go; whoever answers for it now is told. Returns them."""
    _open(case)
    case.village_hidden = True
    holder = session.get(Officer, case.officer_id) if case.officer_id is not None else None
    if holder is not None and holder.role == "officer":
        case.status, case.officer_id = "new", None
    _answering_officers(session, case)
    record(session, case=case, kind="kept_from_village", actor="family")
    _ = translator("id")
    return alert_officers(
        session, case, _("The family asked that the village no longer see this case.")
    )


def let_village_see(session: Session, *, case: Case) -> list[Officer]:
    """Undoes `keep_from_village` when the family says the village may see it after all;
    the report goes back to the village's officers where the village has any."""
    _open(case)
    case.village_hidden = False
    if case.status == "new":
        case.escalation_level = 0
    record(session, case=case, kind="shown_to_village", actor="family")
    _answering_officers(session, case)
    _ = translator("id")
    return alert_officers(session, case, _("The family agreed that the village may see this case."))


def reviewable(case: Case) -> bool:
    """Whether an officer can review the message the case opened from (bot/cases/review.py):
    only a story the assistant read, from a family that has not erased their data."""
    return case.story_read and not case.anonymised


def awaits_review(case: Case) -> bool:
    """Reviewable and not reviewed yet: the queue marks it, Telegram offers the review."""
    return reviewable(case) and case.reviewed_at is None


def review_button(case: Case, _: Callable[[str], str]) -> Button:
    return Button(f"case:review:{case.id}", short(_("Teach the assistant")))


# -- officers' actions ------------------------------------------------------------------------
def _open(case: Case) -> None:
    if case.status == "resolved":
        raise CaseError(N_("the case is already resolved"))


def claim(session: Session, *, case: Case, officer: Officer, now: datetime | None = None) -> None:
    _open(case)
    if case.officer_id is not None and case.officer_id != officer.id and case.status == "claimed":
        raise CaseError(N_("another officer has claimed this case"))
    now = now or utcnow()
    case.status, case.officer_id, case.claimed_at = "claimed", officer.id, now
    record(session, case=case, kind="claimed", actor=actor_of(officer), body=officer.name, at=now)
    _ = family_translator(session, case)
    tell_family(
        session,
        case=case,
        now=now,
        text=_(
            "An officer is now handling your report {number}. You will get the answer here."
        ).format(number=case.number),
    )


def unclaim(session: Session, *, case: Case, officer: Officer) -> None:
    _open(case)
    if case.officer_id != officer.id and officer.role == "officer":
        raise CaseError(N_("only the officer who claimed it can release it"))
    case.status, case.officer_id = "new", None
    record(session, case=case, kind="unclaimed", actor=actor_of(officer))


def reply(
    session: Session, *, case: Case, officer: Officer, text: str, now: datetime | None = None
) -> CaseEvent:
    _open(case)
    text = " ".join(text.split("\n\n\n")).strip()[:3000]
    if not text:
        raise CaseError(N_("the reply is empty"))
    if case.contact_id is None:
        raise CaseError(UNREACHABLE)  # an officer is not told "sent" for a reply nobody gets
    if case.status == "new":
        claim(session, case=case, officer=officer, now=now)
    event = record(session, case=case, kind="reply", actor=actor_of(officer), body=text, at=now)
    _ = family_translator(session, case)
    heading = {
        "supervisor": N_("Reply from your district officer ({name}) about report {number}:"),
        "admin": N_("Reply from the province's officer ({name}) about report {number}:"),
    }.get(officer.role, N_("Reply from your village officer ({name}) about report {number}:"))
    message = _(heading).format(name=officer.name, number=case.number) + "\n\n" + text
    if _pause_form(session, case):
        # the family's answer to this goes to the report, not into the form it was filling
        message += "\n\n" + _("(Your form is paused: type *lanjut* to continue it.)")
    tell_family(session, case=case, now=now, text=message)
    return event


def _pause_form(session: Session, case: Case) -> bool:
    """Pauses a form the family is filling when an officer's reply comes, so that what they
    write next answers the officer (bot.engine reads a paused form's chat as the report's)."""
    conversation = session.get(Conversation, case.contact_id) if case.contact_id else None
    if conversation is None or conversation.flow in NOT_FORMS or conversation.parked:
        return False
    conversation.parked = True
    conversation.data = {**conversation.data, PAUSED_FOR_OFFICER: True}
    return True


def note(session: Session, *, case: Case, officer: Officer, text: str) -> CaseEvent:
    text = text.strip()[:3000]
    if not text:
        raise CaseError(N_("the note is empty"))
    return record(session, case=case, kind="note", actor=actor_of(officer), body=text)


def transfer_to_district(session: Session, *, case: Case, officer: Officer) -> None:
    _open(case)
    case.escalation_level = max(case.escalation_level, 1)
    case.status, case.officer_id = "new", None
    case.escalated_at = utcnow()
    record(session, case=case, kind="transferred", actor=actor_of(officer), body="district")
    _ = translator("id")
    alert_officers(session, case, _("Case transferred to the district."))


def resolve(
    session: Session, *, case: Case, officer: Officer, outcome: str, now: datetime | None = None
) -> None:
    _open(case)
    now = now or utcnow()
    outcome = outcome.strip()[:3000]
    if not outcome:
        raise CaseError(N_("say how the case was resolved"))
    case.status, case.resolved_at, case.outcome = "resolved", now, outcome
    if case.officer_id is None:
        case.officer_id = officer.id
    record(session, case=case, kind="resolved", actor=actor_of(officer), body=outcome, at=now)
    _ = family_translator(session, case)
    tell_family(
        session,
        case=case,
        now=now,
        text=_(
            "Your report {number} has been resolved by your village officer: {outcome}\n"
            "If the problem continues, write here within {days} days and I will open it "
            "again for your officer."
        ).format(number=case.number, outcome=outcome, days=REOPEN_WINDOW.days),
    )
    if awaits_review(case):
        _ = translator("id")
        notify(
            session,
            officer,
            _(
                "Case {number} is resolved. It opened from a message the assistant answered: "
                "tell it what would have helped, so that the next family gets it."
            ).format(number=case.number),
            buttons=(review_button(case, _),),
        )


def escalate_due(
    session: Session, *, now: datetime, urgent_after: timedelta, any_after: timedelta
) -> list[Case]:
    """Unclaimed cases move up a level (village → district → province) when they wait too long."""
    escalated = []
    query = select(Case).where(Case.status == "new", Case.escalation_level < len(LEVELS) - 1)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)  # several workers run the scheduler
    for case in session.scalars(query):
        waited_since = max(
            moment
            for moment in (case.created_at, case.escalated_at, case.reopened_at)
            if moment is not None
        )
        limit = urgent_after if case.urgent else any_after
        if now - waited_since < limit:
            continue
        case.escalation_level += 1
        case.escalated_at = now
        record(
            session,
            case=case,
            kind="escalated",
            actor="system",
            body=LEVELS[case.escalation_level],
            at=now,
        )
        _ = translator("id")
        alert_officers(session, case, _("Escalated: nobody has claimed this case."))
        escalated.append(case)
    return escalated
