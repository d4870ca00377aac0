"""/metrics in the Prometheus text format: database-wide counts plus this process's histograms."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, status
from fastapi.responses import PlainTextResponse
from sqlalchemy import func, select

from api.deps import ContainerDep
from bot.announcements.models import Announcement, Delivery
from bot.metrics import REGISTRY
from bot.store.models import Case, Message, OutboxMessage

router = APIRouter(include_in_schema=False)


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(
    container: ContainerDep, authorization: Annotated[str, Header()] = ""
) -> PlainTextResponse:
    """Only for a scraper holding MIGRAN_METRICS_TOKEN; without one set, there is no /metrics:
    case counts by status and outbox depth are not for the public."""
    token = container.settings.metrics_token
    given = authorization.removeprefix("Bearer ").strip().encode("utf-8", "replace")
    if not token or not hmac.compare_digest(given, token.encode()):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Not Found")
    lines: list[str] = []
    with container.factory() as session:
        messages = session.execute(
            select(Message.direction, Message.channel, func.count()).group_by(
                Message.direction, Message.channel
            )
        ).all()
        outbox = session.execute(
            select(OutboxMessage.channel, OutboxMessage.status, func.count()).group_by(
                OutboxMessage.channel, OutboxMessage.status
            )
        ).all()
        cases = session.execute(
            select(Case.status, Case.urgent, func.count()).group_by(Case.status, Case.urgent)
        ).all()
    lines.append("# HELP migran_messages_in_total Inbound messages stored, by channel.")
    lines.append("# TYPE migran_messages_in_total counter")
    lines += [f'migran_messages_in_total{{channel="{c}"}} {n}' for d, c, n in messages if d == "in"]
    lines.append("# HELP migran_messages_out_total Outbound messages logged, by channel.")
    lines.append("# TYPE migran_messages_out_total counter")
    lines += [
        f'migran_messages_out_total{{channel="{c}"}} {n}' for d, c, n in messages if d == "out"
    ]
    lines.append("# HELP migran_outbox_depth Outbox rows by channel and status.")
    lines.append("# TYPE migran_outbox_depth gauge")
    lines += [f'migran_outbox_depth{{channel="{c}",status="{s}"}} {n}' for c, s, n in outbox]
    lines.append("# HELP migran_open_cases Cases not yet resolved, by status and urgency.")
    lines.append("# TYPE migran_open_cases gauge")
    lines += [
        f'migran_open_cases{{status="{s}",urgent="{str(u).lower()}"}} {n}'
        for s, u, n in cases
        if s != "resolved"
    ]
    lines += announcement_lines(container)
    lines += REGISTRY.render()
    return PlainTextResponse("\n".join(lines) + "\n", media_type="text/plain; version=0.0.4")


def announcement_lines(container: ContainerDep) -> list[str]:
    """Announcements by status and their deliveries by state (queued, sent, delivered, read,
    failed, skipped), from the database so that they add up across workers."""
    with container.factory() as session:
        statuses = session.execute(
            select(Announcement.status, func.count()).group_by(Announcement.status)
        ).all()
        states = session.execute(
            select(Delivery.state, func.count()).group_by(Delivery.state)
        ).all()
    lines = [
        "# HELP migran_announcements Announcements by status.",
        "# TYPE migran_announcements gauge",
    ]
    lines += [f'migran_announcements{{status="{s}"}} {n}' for s, n in statuses]
    lines.append("# HELP migran_announcement_deliveries Announcement deliveries by state.")
    lines.append("# TYPE migran_announcement_deliveries gauge")
    lines += [f'migran_announcement_deliveries{{state="{s}"}} {n}' for s, n in states]
    return lines
