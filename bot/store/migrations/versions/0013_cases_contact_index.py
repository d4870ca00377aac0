"""an index on cases.contact_id: the chat looks up a contact's reports on its messages

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 18:00:00
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_contact_id", "cases", ["contact_id"])


def downgrade() -> None:
    op.drop_index("ix_cases_contact_id", table_name="cases")
