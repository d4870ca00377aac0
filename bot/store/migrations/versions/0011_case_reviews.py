"""officers' reviews of the message a case opened from: what would have helped, danger now

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("story_read", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("assistant_reply", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("review_topics", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("review_danger", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for column in (
            "reviewed_at",
            "reviewed_by",
            "review_danger",
            "review_topics",
            "story_read",
        ):
            batch_op.drop_column(column)
