"""indexes for the province's picture (bot/stats): counts answered from indexes alone

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 03:45:00
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = (
    (
        "ix_stats_register_departed",
        "register_entries",
        ["departed_on", "status", "birth_year", "sex"],
    ),
    ("ix_stats_register_returned", "register_entries", ["returned_on", "status"]),
    (
        "ix_stats_register_abroad",
        "register_entries",
        ["status", "country", "sector", "company_name", "departed_on"],
    ),
    ("ix_stats_case_events_kind", "case_events", ["kind", "case_id", "created_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
