"""announcements: subscriptions, announcements, deliveries, and the outbox's low-priority lane

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 03:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey("contacts.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("village_code", sa.String(length=16), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_subscriptions_village", "subscriptions", ["village_code", "ended_at"])
    op.create_index("ix_subscriptions_district", "subscriptions", ["district_code", "ended_at"])
    op.create_table(
        "announcements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "author_id",
            sa.Integer(),
            sa.ForeignKey("officers.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("area_codes", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("button", sa.String(length=16), nullable=True),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False, index=True),
        sa.Column(
            "approver_id",
            sa.Integer(),
            sa.ForeignKey("officers.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_by", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "announcement_deliveries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "announcement_id",
            sa.Integer(),
            sa.ForeignKey("announcements.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey("contacts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True, index=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_deliveries_announcement_state", "announcement_deliveries", ["announcement_id", "state"]
    )
    op.create_index(
        "ix_deliveries_contact_state", "announcement_deliveries", ["contact_id", "state"]
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("lane", sa.String(length=12), nullable=False, server_default="reply")
        )
        batch_op.create_index("ix_outbox_lane", ["lane", "status"])


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_lane")
        batch_op.drop_column("lane")
    op.drop_table("announcement_deliveries")
    op.drop_table("announcements")
    op.drop_table("subscriptions")
