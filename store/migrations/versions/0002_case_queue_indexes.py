"""case queue indexes (triage queue at 100,000 cases; store/models.py Case.__table_args__)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_case_review_order", "case", [sa.text("needs_review DESC"), "created_at", "id"])
    op.create_index("ix_case_office_state_created", "case", ["office", "state", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_case_office_state_created", table_name="case")
    op.drop_index("ix_case_review_order", table_name="case")
