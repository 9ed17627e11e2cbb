"""message fingerprint (store.repo.message_fingerprint): a reused Message-ID is not a copy

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

Old rows keep NULL; store.repo.find_message fills a row's fingerprint the first time a message with
the same Message-ID arrives (no application code imported here).
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: Union[str, None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_message_fingerprint"), ["fingerprint"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_fingerprint"))
        batch_op.drop_column("fingerprint")
