"""family details: several problems per case, the reporter's relation, registrants' sex

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-02 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("categories", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("reporter_relation", sa.String(length=32), nullable=True))
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sex", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.drop_column("sex")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("reporter_relation")
        batch_op.drop_column("categories")
