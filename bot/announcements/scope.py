"""Who may address which places, approve and see an announcement (as `bot.officers.scope.scope`
does for cases): village officers their villages, supervisors their district, admins the
province; above a village a second officer approves."""

from __future__ import annotations

from bot.announcements.audience import district_of
from bot.announcements.models import LEVELS, Announcement
from bot.store.models import Officer


def levels_for(officer: Officer) -> tuple[str, ...]:
    """Village for officers; district for supervisors; the province for admins."""
    if officer.role == "admin":
        return LEVELS
    if officer.role == "supervisor":
        return ("village", "district")
    return ("village",)


def in_area(officer: Officer, level: str, codes: list[str]) -> bool:
    """Whether the officer may address these places (scoping, as `bot.officers.scope.scope`)."""
    if level not in levels_for(officer):
        return False
    if level == "province":
        return True
    if not codes:
        return False
    if officer.role == "admin":
        return True
    if officer.role == "supervisor":
        mine = officer.district_code or "-"
        return all((c if level == "district" else district_of(c)) == mine for c in codes)
    return all(c in officer.village_codes for c in codes)


def needs_approval(announcement: Announcement) -> bool:
    return announcement.level in ("district", "province")


def may_approve(officer: Officer, announcement: Announcement) -> bool:
    if officer.id == announcement.author_id:
        return False
    if announcement.level == "province":
        return officer.role == "admin"
    if announcement.level == "district":
        return officer.role == "admin" or (
            officer.role == "supervisor"
            and all(c == officer.district_code for c in announcement.area_codes)
        )
    return in_area(officer, announcement.level, announcement.area_codes)


def may_see(officer: Officer, announcement: Announcement) -> bool:
    return (
        officer.id == announcement.author_id
        or in_area(officer, announcement.level, announcement.area_codes)
        or may_approve(officer, announcement)
    )
