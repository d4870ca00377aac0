"""A case's events as officers read them: Indonesian sentences, never internal codes."""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import N_
from bot.store.models import CaseEvent

KINDS = {
    "created": N_("created by the family"),
    "family_message": N_("message from the family"),
    "media": N_("attachment from the family"),
    "claimed": N_("claimed"),
    "unclaimed": N_("released"),
    "reply": N_("reply to the family"),
    "note": N_("internal note"),
    "transferred": N_("transferred to the district"),
    "resolved": N_("resolved"),
    "reopened": N_("opened again: the family wrote after it was resolved"),
    "anonymised": N_("the family deleted their data: replies can no longer reach them"),
    "escalated": N_("escalated: nobody claimed it in time"),
    "reviewed": N_("reviewed for the assistant"),
    "kept_from_village": N_("the family asked that the village no longer see it"),
    "shown_to_village": N_("the family agreed that the village may see it"),
}
ROUTED = {
    "village": N_("forwarded to the village officers"),
    "district": N_("forwarded: no village officer yet, so to the district"),
    "district-only": N_("forwarded to the district only, at the reporter's request"),
    "province": N_("forwarded: no village or district officer yet, so to the province"),
}
LEVEL_NAMES = {"village": N_("village"), "district": N_("district"), "province": N_("province")}
ACTORS = {"family": N_("family"), "system": N_("system")}


def event_title(event: CaseEvent, _: Callable[[str], str]) -> str:
    if event.kind == "routed":
        level = (event.body or "").split(":", 1)[0]
        if level in ROUTED:
            return _(ROUTED[level])
        return _("forwarded: no officer registered yet")
    if event.kind == "escalated" and event.body in LEVEL_NAMES:
        return _("escalated to the {level}").format(level=_(LEVEL_NAMES[event.body]))
    return _(KINDS.get(event.kind, event.kind))


def event_body(event: CaseEvent) -> str | None:
    """The text worth showing under the title (routing and escalation codes are in it)."""
    if event.kind == "routed":
        _level, _sep, names = (event.body or "").partition(": ")
        return names or None
    if event.kind in ("escalated", "transferred", "claimed", "anonymised"):
        return None
    return event.body


def actor_name(actor: str, officers: dict[int, str], _: Callable[[str], str]) -> str:
    if actor.startswith("officer:") and actor[8:].isdigit():
        return officers.get(int(actor[8:]), "?")
    return _(ACTORS.get(actor, actor))
