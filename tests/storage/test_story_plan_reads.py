"""On PostgreSQL a plan reads its stored candidates' stories with the window's follow, in one
round trip, and the decision uses them only when nothing could have moved them from under it:
the same transaction, the window unchanged by the follow. Otherwise the linked stories are read
again, so a merge made elsewhere is followed, as on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, update

from core.signature import Signature
from storage import feeds
from storage.db import open_database
from storage.story_grouping import decide_stories, plan_stories, signature_to_json
from storage.story_index import window_for
from storage.tables import Article, ArticleSignature, Story

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def _feed(db) -> int:
    with db.session() as s:
        return feeds.add_feed(s, "https://plans.example/rss", NOW, title="Plans")[0].id


def _story(db) -> int:
    with db.session() as s:
        return s.execute(insert(Story).returning(Story.id), [{
            "title": "a story", "officials": "[]", "topics": "[]", "created_at": NOW, "last_seen_at": NOW}]).scalar()


def _store(db, feed_id: int, aid: int, story: int) -> None:
    """Article ``aid`` of ``story``, its signature naming the finance minister of a made-up cabinet."""
    sig = _named(aid)
    with db.session() as s:
        s.execute(insert(Article), [{"id": aid, "feed_id": feed_id, "content_hash": f"p{aid}", "title": "t",
                                     "fetched_at": NOW, "published_at": NOW, "story_id": story}])
        s.execute(insert(ArticleSignature), [{"article_id": aid, "published_at": NOW, "lang": "en",
                                              "data": signature_to_json(sig)}])


def _named(key: int) -> Signature:
    return Signature(key=key, published=NOW, lang="en", officials=frozenset({"Abbas Araghchi"}),
                     lead=frozenset({"Abbas Araghchi"}), terms={"budget": 2, "lisbon": 1, f"w{key}": 1})


def _warm(db) -> None:
    with db.session() as s:
        window_for(s).refresh(s, NOW)


def _statements(db, monkeypatch) -> list[str]:
    """Statements given to the driver from now on (PostgreSQL: pipelined ones too)."""
    counted: list[str] = []
    if db.engine.dialect.name == "postgresql":
        import psycopg

        for name in ("execute", "executemany"):
            inner = getattr(psycopg.Cursor, name)
            monkeypatch.setattr(psycopg.Cursor, name, lambda self, query, *a, _inner=inner, **k: (
                str(query) != ";" and counted.append(str(query)), _inner(self, query, *a, **k))[1])  # not the pool's ping
    else:  # (statements on sqlite3's own cursor are not seen)
        from sqlalchemy import event

        event.listen(db.engine, "before_cursor_execute", lambda *args: counted.append(args[2]))
    return counted


def test_the_linked_stories_come_with_the_follow(db, monkeypatch):
    feed_id = _feed(db)
    story = _story(db)
    _store(db, feed_id, 1, story)
    _warm(db)
    counted = _statements(db, monkeypatch)
    with db.session() as s:
        plan = plan_stories(s, [_named(-1)])
        planned = len(counted)
        decision = decide_stories(s, plan, NOW)
        s.rollback()
    assert [(found.a, found.b) for found in plan.links] == [(-1, 1)]
    assert decision.story_of == {-1: story} and set(decision.story_rows) == {story}
    if db.engine.dialect.name == "postgresql":  # one round trip: the follow and the candidates' stories
        assert planned == 2 and len(counted) == 2 and set(plan.read) == {1}
    else:  # read after the links (on sqlite3's own cursor)
        assert plan.read is None


def test_a_plan_decided_in_another_transaction_follows_a_merge_made_since(db):
    feed_id = _feed(db)
    first, second = _story(db), _story(db)
    _store(db, feed_id, 1, first)
    _warm(db)
    with db.session() as s:
        plan = plan_stories(s, [_named(-1)])
    other = open_database(str(db.engine.url.render_as_string(hide_password=False)))  # another replica merges
    try:
        with other.session() as s:
            s.execute(update(Article).where(Article.story_id == first).values(story_id=second))
            s.execute(update(Story).where(Story.id == first).values(merged_into=second))
    finally:
        other.dispose()
    with db.session() as s:
        decision = decide_stories(s, plan, NOW)
        s.rollback()
    assert decision.story_of == {-1: second}


def test_an_article_the_follow_brings_is_read_with_its_story(db):
    feed_id = _feed(db)
    first, second = _story(db), _story(db)
    _store(db, feed_id, 1, first)
    _warm(db)
    other = open_database(str(db.engine.url.render_as_string(hide_password=False)))  # another replica's article
    try:
        _store(other, feed_id, 2, second)
    finally:
        other.dispose()
    with db.session() as s:
        plan = plan_stories(s, [_named(-1)])
        decision = decide_stories(s, plan, NOW)
        s.rollback()
    assert plan.read is None  # the window changed under the candidates: read after the links
    assert sorted((found.a, found.b) for found in plan.links) == [(-1, 1), (-1, 2)]
    assert decision.story_of == {-1: first} and decision.merged == {second: first}


def test_an_id_still_pending_is_asked_for_with_the_candidates_stories(db):
    """(PostgreSQL hands out ids out of commit order: an id below the mark not seen yet is asked for
    again at each follow, the candidates' stories read in the same round trip.)"""
    feed_id = _feed(db)
    first = _story(db)
    _store(db, feed_id, 1, first)
    _warm(db)
    other = open_database(str(db.engine.url.render_as_string(hide_password=False)))
    try:
        _store(other, feed_id, 3, first)  # 2 is not committed yet
        with db.session() as s:
            plan_stories(s, [_named(-1)])
            window = window_for(s)
        assert window.pending.keys() == {2} and set(window.sigs) == {1, 3}
        with db.session() as s:
            plan = plan_stories(s, [_named(-1)])
        assert (plan.read is not None) == (db.engine.dialect.name == "postgresql")
        assert sorted((found.a, found.b) for found in plan.links) == [(-1, 1), (-1, 3)]
        _store(other, feed_id, 2, first)
    finally:
        other.dispose()
    with db.session() as s:
        plan = plan_stories(s, [_named(-1)])
        decision = decide_stories(s, plan, NOW)
        s.rollback()
    assert not window.pending and set(window.sigs) == {1, 2, 3}
    assert decision.story_of == {-1: first}


def test_many_candidates_are_not_read_with_the_follow(db, monkeypatch):
    from storage import story_grouping

    monkeypatch.setattr(story_grouping, "_ASK_AT_MOST", 1)
    feed_id = _feed(db)
    story = _story(db)
    _store(db, feed_id, 1, story)
    _store(db, feed_id, 2, story)
    _warm(db)
    with db.session() as s:
        plan = plan_stories(s, [_named(-1)])
        decision = decide_stories(s, plan, NOW)
        s.rollback()
    assert plan.read is None and sorted((found.a, found.b) for found in plan.links) == [(-1, 1), (-1, 2)]
    assert decision.story_of == {-1: story} and set(decision.story_rows) == {story}
