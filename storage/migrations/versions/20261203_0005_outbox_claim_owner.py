"""outbox claims record their owner; an index for "does this chat have a message in flight"

``claimed_by`` names the process (host:pid:start time) that marked a row ``sending``, so a
restart can hand back the rows of a process that is gone at once instead of after a
timeout. ``ix_outbox_chat_status`` serves the claim's one-message-in-flight-per-chat check.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 19:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('claimed_by', sa.Text(), nullable=True))
    op.create_index('ix_outbox_chat_status', 'outbox', ['chat_ref', 'status'])


def downgrade() -> None:
    op.drop_index('ix_outbox_chat_status', table_name='outbox')
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('claimed_by')
