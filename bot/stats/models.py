"""Indexes for the picture's GROUP BY queries on other domains' tables (the register, cases):
each lets PostgreSQL answer a province-wide count from the index alone, without the rows."""

from __future__ import annotations

from sqlalchemy import Index

from bot.register.models import RegisterEntry
from bot.store.models import CaseEvent

STATS_INDEXES = (
    # departures per day and workers who left by age and sex (bot/stats/register.py)
    Index(
        "ix_stats_register_departed",
        RegisterEntry.departed_on,
        RegisterEntry.status,
        RegisterEntry.birth_year,
        RegisterEntry.sex,
    ),
    Index("ix_stats_register_returned", RegisterEntry.returned_on, RegisterEntry.status),
    # people abroad now by country, sector and company
    Index(
        "ix_stats_register_abroad",
        RegisterEntry.status,
        RegisterEntry.country,
        RegisterEntry.sector,
        RegisterEntry.company_name,
        RegisterEntry.departed_on,
    ),
    # the first officer reply of each case (response times)
    Index("ix_stats_case_events_kind", CaseEvent.kind, CaseEvent.case_id, CaseEvent.created_at),
)
