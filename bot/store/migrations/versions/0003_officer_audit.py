"""officer audit trail

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 08:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "officer_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("event", sa.String(length=24), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("officer_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_officer_audit_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_officer_audit_officer_id"), ["officer_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("officer_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_officer_audit_officer_id"))
        batch_op.drop_index(batch_op.f("ix_officer_audit_at"))
    op.drop_table("officer_audit")
