"""NTB's clock. Lombok and Sumbawa keep WITA (Asia/Makassar, UTC+8, no daylight saving); the
service stores UTC, but a day told in the chat, a period of the statistics and a time shown to
an officer are NTB's. One definition, so that they cannot drift apart."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

WITA = timezone(timedelta(hours=8), "WITA")


def ntb_day(now: datetime) -> date:
    """Today in NTB (WITA, UTC+8), where the dates are lived: before 08:00 UTC it is already
    tomorrow there, and an officer's "today" must not read as a day in the future."""
    aware = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    return aware.astimezone(WITA).date()
