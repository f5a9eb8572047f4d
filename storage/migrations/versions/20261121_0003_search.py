"""full-text search over article title and text

SQLite: an FTS5 table with external content (the article table), kept in step by
triggers, so every writer of ``article`` (ingest, full-text refetch, feed removal's
cascade) updates the index without knowing it exists. Caveat: a later SQLite batch
migration that recreates ``article`` drops these triggers; such a migration must
run SQLITE_DOWN and then SQLITE_UP, whose last statement rebuilds the index.

PostgreSQL: a stored generated tsvector column with a GIN index. The 'simple'
configuration neither stems nor drops stop words, which keeps Persian (for which
PostgreSQL ships no dictionary) searchable and matches what SQLite's unicode61 does.

Neither artifact is in the SQLModel metadata; storage.search.is_search_artifact tells
autogenerate and the models-match test to ignore them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 23:00:00
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

SQLITE_UP = (
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        title, text, content='article', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER article_fts_au AFTER UPDATE OF title, text ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS article_fts_au",
    "DROP TRIGGER IF EXISTS article_fts_ad",
    "DROP TRIGGER IF EXISTS article_fts_ai",
    "DROP TABLE IF EXISTS article_fts",
)
POSTGRES_UP = (
    """ALTER TABLE article ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, ''))) STORED""",
    "CREATE INDEX ix_article_search_vector ON article USING GIN (search_vector)",
)
POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_article_search_vector",
    "ALTER TABLE article DROP COLUMN IF EXISTS search_vector",
)


def _run(statements) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)
