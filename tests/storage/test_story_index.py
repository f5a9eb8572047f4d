"""The window of signatures in memory follows the database: articles another process stored
are seen, an id that commits after a higher one is not missed, a rolled-back write is never
held, and word weights count what is held."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from core.signature import Signature
from storage import feeds
from storage.db import open_database
from storage.story_grouping import signature_to_json
from storage.story_index import HORIZON, Terms, window_for
from storage.tables import Article, ArticleSignature

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def _feed(db) -> int:
    with db.session() as s:
        return feeds.add_feed(s, "https://feed.example/rss", NOW, title="Feed")[0].id


def _store(db, feed_id: int, aid: int, published: datetime = NOW, signed: bool = True) -> None:
    """Article ``aid`` (with a signature naming Araghchi, unless ``signed`` is False), committed."""
    sig = Signature(key=aid, published=published, lang="en", officials=frozenset({"Abbas Araghchi"}),
                    lead=frozenset({"Abbas Araghchi"}), terms={"muscat": 1, f"w{aid}": 2})
    with db.session() as s:
        s.execute(insert(Article), [{"id": aid, "feed_id": feed_id, "content_hash": f"h{aid}", "title": "t",
                                     "fetched_at": published, "published_at": published}])
        if signed:
            s.execute(insert(ArticleSignature), [{"article_id": aid, "published_at": published, "lang": "en",
                                                  "data": signature_to_json(sig)}])


def _probe() -> Signature:
    return Signature(key=-1, published=NOW, lang="en", officials=frozenset({"Abbas Araghchi"}),
                     lead=frozenset({"Abbas Araghchi"}), terms={"muscat": 1})


def test_articles_stored_by_another_process_are_seen(db):
    feed_id = _feed(db)
    _store(db, feed_id, 1)
    with db.session() as s:
        window = window_for(s)
        window.refresh(s, NOW)
    assert set(window.sigs) == {1}
    other = open_database(str(db.engine.url.render_as_string(hide_password=False)))  # another process's engine
    try:
        _store(other, feed_id, 2)
        _store(other, feed_id, 3, signed=False)  # no one's news: no signature
    finally:
        other.dispose()
    with db.session() as s:
        window.refresh(s, NOW)
    assert set(window.sigs) == {1, 2} and window.mark == 3 and not window.pending
    assert [c.key for c in window.candidates(_probe())] == [1, 2]
    assert window.df["muscat"] == 2 and isinstance(window.sigs[2].terms, Terms)


def test_an_id_that_commits_after_a_higher_one_is_not_missed(db):
    feed_id = _feed(db)
    _store(db, feed_id, 1)
    _store(db, feed_id, 3)  # id 2 is still in another transaction
    with db.session() as s:
        window = window_for(s)
        window.refresh(s, NOW)
        assert set(window.sigs) == {1, 3} and 2 in window.pending
    _store(db, feed_id, 2)
    with db.session() as s:
        window.refresh(s, NOW)
    assert set(window.sigs) == {1, 2, 3} and not window.pending


def test_old_articles_leave_the_window_and_their_words_with_them(db):
    feed_id = _feed(db)
    _store(db, feed_id, 1, published=NOW - HORIZON - timedelta(hours=1))
    with db.session() as s:
        window = window_for(s)
        window.refresh(s, NOW - HORIZON)
        assert set(window.sigs) == {1} and window.df["w1"] == 1
    _store(db, feed_id, 2)
    with db.session() as s:
        window.refresh(s, NOW)
    assert set(window.sigs) == {2} and "w1" not in window.df


def test_a_write_that_rolls_back_is_never_held(db):
    feed_id = _feed(db)
    with db.session() as s:
        window = window_for(s)
        window.refresh(s, NOW)
    try:
        with db.session() as s:
            s.execute(insert(Article), [{"id": 7, "feed_id": feed_id, "content_hash": "h7", "title": "t",
                                         "fetched_at": NOW, "published_at": NOW}])
            window.add_on_commit(s, [Signature(key=7, published=NOW, lang="en", terms={"x": 1})])
            raise RuntimeError("crash before commit")
    except RuntimeError:
        pass
    assert 7 not in window.sigs
    with db.session() as s:
        window.add_on_commit(s, [Signature(key=8, published=NOW, lang="en", terms={"x": 1})])
    assert 8 in window.sigs


def test_a_plan_keeps_nothing_of_its_new_signatures(db):
    """The rules' per-signature cache (core.stories._facts) must not keep a plan's new
    signatures, with their words and titles, once the plan is made: the window holds its own
    packed copies, and thousands of unpacked ones made most of a first fetch's memory growth."""
    from core import stories
    from storage.story_grouping import plan_stories

    feed_id = _feed(db)
    _store(db, feed_id, 1)
    new = [_probe(), Signature(key=-2, published=NOW, lang="en", officials=frozenset({"Abbas Araghchi"}),
                               lead=frozenset({"Abbas Araghchi"}), terms={"muscat": 2})]
    with db.session() as s:
        plan = plan_stories(s, new)
    assert {(found.a, found.b) for found in plan.links} >= {(-1, 1), (-2, -1)}  # compared, so their facts were read
    assert not any(id(sig) in stories._FACTS for sig in new)
