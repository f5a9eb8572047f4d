"""official descriptions: a role row may be a biographical description of the official

``official_role.description`` marks a phrase that identifies the official by his biography
("heart surgeon", "former Tehran mayor") rather than by an office; existing rows are roles.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 20:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('officialrole') as batch:
        batch.add_column(sa.Column('description', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('officialrole') as batch:
        batch.drop_column('description')
