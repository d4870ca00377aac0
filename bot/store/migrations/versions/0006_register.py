"""village register: entries, their history, and a case's link to its worker's entry

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 03:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "register_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=16), nullable=False, unique=True),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey("contacts.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.Column("reporter_relation", sa.String(length=32), nullable=True),
        sa.Column("worker_name", sa.String(length=200), nullable=True),
        sa.Column("village_code", sa.String(length=16), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=False),
        sa.Column("sex", sa.String(length=8), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=64), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=True),
        sa.Column("sector", sa.String(length=32), nullable=True),
        sa.Column("job", sa.String(length=120), nullable=True),
        sa.Column("company_name", sa.String(length=200), nullable=True),
        sa.Column("planned_departure", sa.Date(), nullable=True),
        sa.Column("departed_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("contract_months", sa.Integer(), nullable=True),
        sa.Column("contact_abroad", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verified_by", sa.Integer(), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_register_village_status", "register_entries", ["village_code", "status"])
    op.create_index("ix_register_district_status", "register_entries", ["district_code", "status"])
    op.create_index("ix_register_departed", "register_entries", ["departed_on"])
    op.create_index("ix_register_returned", "register_entries", ["returned_on"])
    op.create_table(
        "register_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entry_id",
            sa.Integer(),
            sa.ForeignKey("register_entries.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("register_entry_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_cases_register_entry_id", ["register_entry_id"])


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_register_entry_id")
        batch_op.drop_column("register_entry_id")
    op.drop_table("register_events")
    op.drop_table("register_entries")
