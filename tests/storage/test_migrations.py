"""Migrations keep data and match the models, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

import storage.tables  # noqa: F401
from storage.db import make_engine, migrate
from storage.search import include_object


def test_upgrade_from_first_schema_keeps_data(db_url):
    engine = make_engine(db_url)
    migrate(engine, "0001")
    with engine.begin() as c:
        c.execute(text("INSERT INTO chat (chat_id, type, subscribed, timezone, briefing_time, alerts_enabled, "
                       "briefing_enabled) VALUES (-1001, 'group', true, 'Asia/Tehran', '07:30', true, true)"))
        c.execute(text("INSERT INTO feed (url, paused, error_count, items_total, last_new_items) "
                       "VALUES ('https://news.example/rss', false, 0, 5, 0)"))
    migrate(engine)
    with engine.connect() as c:
        chat = c.execute(text("SELECT chat_id, timezone, briefing_time, quiet_mode FROM chat")).one()
        feed = c.execute(text("SELECT url, items_total, full_text FROM feed")).one()
    assert tuple(chat) == (-1001, "Asia/Tehran", "07:30", "silent")
    assert tuple(feed) == ("https://news.example/rss", 5, True)
    engine.dispose()


def test_models_and_migrations_agree(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as c:
        context = MigrationContext.configure(c, opts={"compare_type": False, "include_object": include_object})
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == [], f"the models changed without a migration: {diff}"


def test_head_read_from_the_files_is_alembics_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from storage.db import MIGRATIONS, head_revision

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


def test_a_start_on_a_current_schema_skips_alembic(db_url):
    """Alembic runs when the stored revision is behind, and is not even needed otherwise."""
    from storage.db import is_current, open_database, stored_revision

    engine = make_engine(db_url)
    assert stored_revision(engine) is None and not is_current(engine)
    migrate(engine, "0004")
    assert stored_revision(engine) == "0004" and not is_current(engine)
    engine.dispose()
    open_database(db_url).dispose()  # upgrades: the stored revision is behind
    engine = make_engine(db_url)
    assert is_current(engine)
    engine.dispose()
