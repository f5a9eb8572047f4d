"""Putting new articles into stories: candidates from the window in memory, links, merges.

The decision is core.stories.link; this module finds the articles worth comparing and
records the outcome. Candidates come from the process's ``StoryWindow`` (storage.story_index:
the window's signatures by key, followed by id so other processes' articles are seen), so
planning a batch costs one read statement however many stories the window holds, and
writing it a few statements per batch, not per article. A new article linked to articles
of two stories merges them into the older one (the other keeps its row, ``merged_into``, so
its id is never reused for another story's alert key), unless the two hold articles that are
``core.stories.apart`` (two occasions of one day): the plan records such pairs among each new
article's candidates, and ``core.stories.Joiner`` puts the article with the story it fits best,
never splitting a stored story.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ARRAY, Integer, any_, bindparam, insert, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from core.signature import Signature, with_key
from core.stories import Joiner, Link, apart, forget_facts, has_occasion, index_keys, link
from storage.story_index import pipelines_supported, signature_from_json, signature_to_json, window_for
from storage.tables import Article, ArticleSignature, Outbox, Story, StoryLink
from storage.types import utc_from_driver, utc_to_driver

_ARTICLE = Article.__table__
_STORY = Story.__table__
# Statements built once (building one costs more than running it): Core, since the ORM's
# bulk path builds mapper state for every row.
# Linked articles' stories, with the names and last sighting the update needs (PostgreSQL). The ids
# are one array, so the statement's text is the same for any number of them: psycopg prepares it
# after a few runs, where an IN list of each length was parsed and planned anew.
_READ_LINKED = (
    select(_ARTICLE.c.id, _ARTICLE.c.story_id, _STORY.c.id, _STORY.c.officials, _STORY.c.topics, _STORY.c.last_seen_at)
    .select_from(_ARTICLE.outerjoin(_STORY, _STORY.c.id == _ARTICLE.c.story_id))
    .where(_ARTICLE.c.id == any_(bindparam("ids", type_=ARRAY(Integer)))))
_PG_READ_LINKED = ("SELECT article.id, article.story_id, story.id, story.officials, story.topics, story.last_seen_at "
                   "FROM article LEFT OUTER JOIN story ON story.id = article.story_id "
                   "WHERE article.id = ANY(%(ids)s::integer[])")  # the same, as psycopg takes it (plan_stories)
# candidates whose stories are read with the plan: with more, the linked ones are read after the links (a
# round trip on a busy machine cost about as much as reading ~50-100 more rows and converting them)
_ASK_AT_MOST = 64
_INSERT_STORIES = insert(_STORY).returning(_STORY.c.id, sort_by_parameter_order=True)
_INSERT_SIGNATURES = insert(ArticleSignature.__table__)
_INSERT_LINKS = insert(StoryLink.__table__)
_SET_STORY = (update(_ARTICLE).where(_ARTICLE.c.id == bindparam("aid"))
              .values(story_id=bindparam("sid"), fingerprint=bindparam("fp")))
_UPDATE_STORIES = (update(_STORY).where(_STORY.c.id == bindparam("sid"))
                   .values(officials=bindparam("off"), topics=bindparam("top"), last_seen_at=bindparam("last")))
_SET_FIRST = update(_STORY).where(_STORY.c.id == bindparam("sid")).values(first_article_id=bindparam("fid"))

# The same, as SQLite's driver takes them (named parameters).
_SQL_SIGNATURES = "INSERT INTO articlesignature (article_id, published_at, lang, data) VALUES (:a, :p, :l, :d)"
_SQL_SET_STORY = "UPDATE article SET story_id = :sid, fingerprint = :fp WHERE id = :aid"
_SQL_LINKS = "INSERT INTO storylink (article_a, article_b, data) VALUES (:a, :b, :d)"
_SQL_READ_LINKED = ("SELECT article.id, article.story_id, story.id, story.officials, story.topics, story.last_seen_at "
                    "FROM article LEFT OUTER JOIN story ON story.id = article.story_id WHERE article.id IN ({})")
_SQL_INSERT_STORY = ("INSERT INTO story (title, first_article_id, fingerprint, officials, topics, created_at, "
                     "last_seen_at, merged_into) VALUES (:title, :first_article_id, :fingerprint, :officials, :topics, "
                     ":created_at, :last_seen_at, :merged_into)")
_SQL_UPDATE_STORIES = "UPDATE story SET officials = :off, topics = :top, last_seen_at = :last WHERE id = :sid"
_SQL_SET_FIRST = "UPDATE story SET first_article_id = :fid WHERE id = :sid"

__all__ = ["Grouping", "StoryDecision", "StoryPlan", "assign_stories", "decide_stories", "finish_stories",
           "plan_stories", "signature_from_json", "signature_to_json", "write_stories"]


@dataclass
class Grouping:
    """What one call decided: story per new article, stories created, merges (absorbed -> kept)."""

    story_of: dict[int, int] = field(default_factory=dict)
    created: set[int] = field(default_factory=set)
    merged: dict[int, int] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class StoryPlan:
    """Links decided for new articles before they are written (keys: the caller's temporary ids)."""

    new: tuple[Signature, ...] = ()
    links: tuple[Link, ...] = ()
    # pairs of articles (new, or stored) that are ``core.stories.apart``: never in one story
    apart: tuple[tuple[int, int], ...] = ()
    # stored articles whose stories were read with the plan (PostgreSQL), the rows read (as
    # ``_read_linked`` gives them, by article id), and the transaction they were read in
    asked: frozenset[int] = field(default=frozenset(), compare=False)
    read: dict[int, tuple] | None = field(default=None, compare=False)
    read_in: object = field(default=None, compare=False)


def plan_stories(session: Session, new: Sequence[Signature]) -> StoryPlan:
    """Decide the new articles' links against the window; writes nothing.

    Run it in a read-only session before the write transaction opens, so the write lock is
    held only for the writes. Keys of ``new`` must be unique and negative (not yet stored);
    word weights count the new articles as if already stored.
    """
    if not new:
        return StoryPlan()
    window = window_for(session)
    keys = [index_keys(sig) for sig in new]
    pools, read, asked = None, None, frozenset()
    if window.loaded and session.get_bind().dialect.name == "postgresql":
        # The stored candidates' stories are read with the window's follow, in its round trip (the
        # linked stories' read in decide_stories, which waited for the links, cost one more); they
        # stand when the follow changed nothing in the window, so the candidates are these. Not
        # when they are many: each row read costs some microseconds, the linked ones are a few.
        with window.lock:
            seen = window.changes
            pools = [window.candidates(sig, keys[i]) for i, sig in enumerate(new)]
        asked = frozenset(other.key for pool in pools for other in pool)
        if len(asked) > _ASK_AT_MOST:
            asked = frozenset()
    rows = window.refresh(session, max(sig.published for sig in new),
                          (_PG_READ_LINKED, {"ids": sorted(asked)}) if asked else None)
    if rows is not None:
        when = utc_from_driver(session.get_bind().dialect)
        read = {row[0]: (*row[:5], when(row[5])) for row in rows}
    with window.lock:
        if pools is not None and window.changes != seen:
            pools, read, asked = None, None, frozenset()
        weights = window.weights(new)
        key_sets = [set(k) for k in keys]
        links = []
        against: set[tuple[int, int]] = set()
        for i, sig in enumerate(new):
            pool = (window.candidates(sig, keys[i]) if pools is None else pools[i]) + [
                new[j] for j in range(i + 1, len(new)) if key_sets[i] & key_sets[j]]
            found_here = [found for other in pool if (found := link(sig, other, weights)) is not None]
            links += found_here
            # which of the articles it could join or bridge are known to be apart: only an article that
            # has an occasion of its own, or links to two others, can bring two such into one story
            mine = has_occasion(sig) if found_here else False
            if mine or len(found_here) > 1:
                known = [o for o in pool if has_occasion(o)]
                if mine:
                    known.append(sig)
                against.update(_apart_pairs(window, known))
        forget_facts(new)  # compared for the last time: the window keeps packed copies
    if read is None:
        return StoryPlan(tuple(new), tuple(links), tuple(sorted(against)))
    return StoryPlan(tuple(new), tuple(links), tuple(sorted(against)), asked, read, session.get_transaction())


def _apart_pairs(window, known: list[Signature]) -> set[tuple[int, int]]:
    """The pairs (lower key, higher key) of ``known`` that are ``core.stories.apart``, each pair
    read in ``known``'s order.

    Every pair of an article's candidates is read, about 200 per article, and the next article's
    candidates are mostly the last one's: the window keeps, per stored article, the stored
    articles after it it was compared with and those it is apart from (``StoryWindow.apart_seen``),
    so a pair of stored articles is compared once. New articles (keys <= 0) are compared afresh.
    """
    pairs: set[tuple[int, int]] = set()
    stored = [x.key for x in known if x.key > 0]
    by_key = {x.key: x for x in known if x.key > 0}
    seen = window.apart_seen
    at = 0  # x's place among the stored articles
    for j, x in enumerate(known):
        rest = known[j + 1:]
        if x.key <= 0:
            pairs.update((min(x.key, y.key), max(x.key, y.key)) for y in rest if apart(x, y))
            continue
        pairs.update((min(x.key, y.key), max(x.key, y.key)) for y in rest if y.key <= 0 and apart(x, y))
        at += 1
        later = stored[at:]
        kept = seen.get(x.key)
        if kept is None or kept[0] is not x:
            kept = seen[x.key] = (x, set(), set())
        _, checked, partners = kept
        for key in set(later).difference(checked):
            checked.add(key)
            if apart(x, by_key[key]):
                partners.add(key)
        pairs.update((min(x.key, key), max(x.key, key)) for key in partners.intersection(later))
    return pairs


@dataclass
class StoryDecision:
    """Each new article's story, decided in the write transaction (``decide_stories``): the
    linked stories read again, new stories inserted, merges chosen. Keys are the plan's
    temporary ones; ``finish_stories`` writes the rest (merges too) once the articles have ids."""

    plan: StoryPlan = field(default_factory=StoryPlan)
    story_of: dict[int, int] = field(default_factory=dict)  # temporary key -> story id
    created: set[int] = field(default_factory=set)
    merged: dict[int, int] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)  # the plan's links kept (temporary keys)
    story_rows: dict[int, tuple] = field(default_factory=dict)  # story id -> officials, topics, last seen
    first_of: dict[int, int] = field(default_factory=dict)  # new story -> its first article (temporary key)
    stored: bool = False  # the articles were stored (with their ids) before the decision


def decide_stories(session: Session, plan: StoryPlan, now: datetime, ids: dict[int, int] | None = None
                   ) -> StoryDecision:
    """Each new article's story, before the articles are stored (``ids`` None: the i-th stored
    gets the i-th temporary key -(i + 1), so ids follow the keys' order), or after (``ids`` maps
    each temporary key to the stored article's id).

    Linked articles' stories are read again here (one statement), so a merge made since
    the plan was decided (another replica) is followed, not undone; a link to an article
    deleted since is dropped. (On PostgreSQL a plan made in this transaction brings them, read
    with the window's follow: the same transaction, read a moment earlier, one round trip fewer.) New stories are inserted (their first article's id set in
    ``finish_stories`` when the articles were not stored yet); merges are written there.
    """
    decision = StoryDecision(plan, stored=ids is not None)
    if not plan.new:
        return decision
    # the order of the new articles' ids: given, or the temporary keys' (-(i + 1): the i-th stored i-th)
    rank = ids.__getitem__ if ids is not None else (lambda key: -key)
    fresh = {sig.key for sig in plan.new}
    others = sorted({k for found in plan.links for k in (found.a, found.b)} - fresh)
    if plan.apart:  # where the articles known to be apart are now (one statement with the linked ones)
        others = sorted(set(others) | ({k for pair in plan.apart for k in pair} - fresh))
    # with each story's names and last sighting, for the update at the end (a merge changes neither):
    # read with the plan when it read them all in this transaction, else now
    if not others:
        rows = []
    elif plan.read is not None and plan.read_in is session.get_transaction() and plan.asked.issuperset(others):
        rows = [plan.read[k] for k in others if k in plan.read]
    else:
        rows = _read_linked(session, others)
    story_of_stored = {aid: sid for aid, sid, *_ in rows}
    decision.story_rows = {found: tuple(rest) for _, _, found, *rest in rows if found is not None}
    gone = [k for k in others if story_of_stored.get(k) is None]
    if gone:
        window_for(session).forget(gone)
    kept_links = [found for found in plan.links if found.a not in gone and found.b not in gone]
    node = lambda k: -rank(k) if k in fresh else story_of_stored.get(k)  # noqa: E731
    # nodes: -(the id's rank) for new articles, story id for existing stories (never split); joined
    # most-linked first, never so that two articles known to be apart share a story (core.stories.Joiner)
    joiner = Joiner((-rank(sig.key) for sig in plan.new),
                    [(node(x), node(y)) for x, y in plan.apart if node(x) is not None and node(y) is not None])
    joiner.join_all((node(found.a), node(found.b), found.similarity) for found in kept_links)
    decision.links = [found for found in kept_links if joiner.find(node(found.a)) == joiner.find(node(found.b))]
    by_rank = {rank(sig.key): sig for sig in plan.new}
    opened: list[tuple[Signature, list[Signature]]] = []  # (first article, articles) of each new story
    for nodes in sorted(joiner.components(), key=min):
        articles = [by_rank[r] for r in sorted(-n for n in nodes if n < 0)]
        if not articles:
            continue
        stories = sorted(n for n in nodes if n > 0)
        if not stories:
            opened.append((articles[0], articles))
            continue
        kept = stories[0]
        for absorbed in stories[1:]:  # written in finish_stories, with the other statements
            decision.merged[absorbed] = kept
        for sig in articles:
            decision.story_of[sig.key] = kept
    rows = [{"title": first.title, "first_article_id": ids[first.key] if ids is not None else None,
             "fingerprint": first.fingerprint, "officials": _names(sig.officials for sig in articles),
             "topics": _names(sig.topics for sig in articles), "created_at": now, "last_seen_at": now,
             "merged_into": None} for first, articles in opened]
    # one INSERT for all new stories, RETURNING their ids in the rows' order
    created = _insert_stories(session, rows) if rows else []
    for story_id, (first, articles) in zip(created, opened, strict=True):
        decision.created.add(story_id)
        decision.first_of[story_id] = first.key
        for sig in articles:
            decision.story_of[sig.key] = story_id
    return decision


def finish_stories(session: Session, decision: StoryDecision, ids: dict[int, int], now: datetime) -> Grouping:
    """Write a decision once its articles are stored: ``ids`` maps each temporary key to the
    stored article's id. Signatures, links and the joined stories' names (and, when the
    articles were stored with their story ids, each new story's first article): a few
    statements per batch, and four per merge; on PostgreSQL one round trip."""
    result = Grouping()
    plan = decision.plan
    if not plan.new:
        return result
    new = [with_key(sig, ids[sig.key]) for sig in plan.new]
    real = lambda key: ids.get(key, key)  # noqa: E731 (stored candidates keep their ids)
    result.links = [Link(min(real(found.a), real(found.b)), max(real(found.a), real(found.b)), found.how,
                         found.similarity, found.shared, found.words) for found in decision.links]
    result.story_of = {ids[key]: sid for key, sid in decision.story_of.items()}
    result.created = set(decision.created)
    result.merged = dict(decision.merged)
    firsts = [] if decision.stored else [(sid, ids[key]) for sid, key in decision.first_of.items()]
    if result.merged:
        _merged_in_session(session, result.merged)
    if session.get_bind().dialect.name == "sqlite":
        _store_sqlite(session, new, result, decision.story_rows, now, decision.stored, firsts)
    elif not _store_pipelined(session, new, result, decision.story_rows, now, decision.stored, firsts):
        _store(session, new, result, decision.story_rows, now, decision.stored, firsts)
    _expire_stories(session, set(result.story_of.values()) - result.created)
    window_for(session).add_on_commit(session, new)
    return result


def write_stories(session: Session, plan: StoryPlan, ids: dict[int, int], now: datetime) -> Grouping:
    """Store a plan for articles stored already (their story ids set by an UPDATE): ``ids`` maps
    each temporary key to the stored article's id."""
    return finish_stories(session, decide_stories(session, plan, now, ids), ids, now)


def assign_stories(session: Session, new: Sequence[Signature], now: datetime) -> Grouping:
    """Plan and write in one session: ``new`` carries the stored articles' ids as keys."""
    temporary = {-(i + 1): sig.key for i, sig in enumerate(new)}
    plan = plan_stories(session, [with_key(sig, -(i + 1)) for i, sig in enumerate(new)])
    return write_stories(session, plan, temporary, now)


# A merge (absorbed -> kept): the absorbed story's articles and alerts move to the kept one, and
# it (with any story merged into it before) points there. Four statements, in this order.
_MERGE = (
    update(_ARTICLE).where(_ARTICLE.c.story_id == bindparam("absorbed")).values(story_id=bindparam("kept")),
    update(Outbox.__table__).where(Outbox.__table__.c.story_id == bindparam("absorbed"))
    .values(story_id=bindparam("kept")),
    update(_STORY).where(_STORY.c.merged_into == bindparam("absorbed")).values(merged_into=bindparam("kept")),
    update(_STORY).where(_STORY.c.id == bindparam("absorbed")).values(merged_into=bindparam("kept")),
)
_SQL_MERGE = ("UPDATE article SET story_id = :kept WHERE story_id = :absorbed",
              "UPDATE outbox SET story_id = :kept WHERE story_id = :absorbed",
              "UPDATE story SET merged_into = :kept WHERE merged_into = :absorbed",
              "UPDATE story SET merged_into = :kept WHERE id = :absorbed")
_PG_MERGE = tuple(sql.replace(":kept", "%(kept)s").replace(":absorbed", "%(absorbed)s") for sql in _SQL_MERGE)


def _merged_in_session(session: Session, merged: dict[int, int]) -> None:
    """Objects this session holds see the merges as the ORM's UPDATE would have set them (they
    are written past the ORM, with the other statements): loaded story ids and merged_into."""
    session.flush()
    for (cls, ident, *_), obj in list(session.identity_map.items()):
        if cls is Article or cls is Outbox:
            moved = merged.get(obj.__dict__.get("story_id"))
            if moved is not None:
                set_committed_value(obj, "story_id", moved)
        elif cls is Story:
            into = merged.get(ident[0]) or merged.get(obj.__dict__.get("merged_into"))
            if into is not None:
                set_committed_value(obj, "merged_into", into)


def _read_linked(session: Session, ids: list[int]) -> list[tuple]:
    """(article id, its story id, the story's id, officials, topics, last seen) of stored articles."""
    if session.get_bind().dialect.name != "sqlite":
        return session.execute(_READ_LINKED, {"ids": ids}).all()
    session.flush()  # as Session.execute would
    connection = session.connection()
    when = utc_from_driver(connection.dialect)
    cursor = connection.connection.driver_connection.cursor()  # sqlite3's own, as _store_sqlite
    try:
        rows = cursor.execute(_SQL_READ_LINKED.format(", ".join("?" * len(ids))), ids).fetchall()
    finally:
        cursor.close()
    return [(aid, story_id, found, officials, topics, when(last))
            for aid, story_id, found, officials, topics, last in rows]


def _insert_stories(session: Session, rows: list[dict]) -> list[int]:
    """Insert new stories; their ids in the rows' order."""
    if session.get_bind().dialect.name != "sqlite":  # one INSERT for all, RETURNING their ids in the rows' order
        return list(session.execute(_INSERT_STORIES, rows).scalars())
    connection = session.connection()
    when = utc_to_driver(connection.dialect)
    return [connection.exec_driver_sql(_SQL_INSERT_STORY, {**row, "created_at": when(row["created_at"]),
                                                           "last_seen_at": when(row["last_seen_at"])}).lastrowid
            for row in rows]


def _store_sqlite(session: Session, new: Sequence[Signature], result: Grouping, story_rows: dict[int, tuple],
                  now: datetime, set_story: bool = True, firsts: Sequence[tuple[int, int]] = ()) -> None:
    """``_store`` with the statements given to sqlite3's own cursor, in the session's transaction:
    SQLAlchemy's statement, parameter and result handling cost more than SQLite's own work
    (about 30 us a statement, four a batch). As the pipelined writes on PostgreSQL, they pass
    no SQLAlchemy event."""
    connection = session.connection()
    when = utc_to_driver(connection.dialect)
    cursor = connection.connection.driver_connection.cursor()
    try:
        for absorbed, kept in result.merged.items():
            for sql in _SQL_MERGE:
                cursor.execute(sql, {"absorbed": absorbed, "kept": kept})
        cursor.executemany(_SQL_SIGNATURES, [
            {"a": sig.key, "p": when(sig.published), "l": sig.lang, "d": signature_to_json(sig)} for sig in new])
        if set_story:
            cursor.executemany(_SQL_SET_STORY, [
                {"aid": sig.key, "sid": result.story_of[sig.key], "fp": sig.fingerprint} for sig in new])
        if result.links:
            cursor.executemany(_SQL_LINKS, [{"a": found.a, "b": found.b, "d": _link_json(found)}
                                            for found in result.links])
        changes = _story_changes(new, result, story_rows, now)
        if changes:
            cursor.executemany(_SQL_UPDATE_STORIES, [
                {"sid": sid, "off": off, "top": top, "last": when(last)} for sid, off, top, last in changes])
        if firsts:
            cursor.executemany(_SQL_SET_FIRST, [{"sid": sid, "fid": fid} for sid, fid in firsts])
    finally:
        cursor.close()


def _store(session: Session, new: Sequence[Signature], result: Grouping, story_rows: dict[int, tuple],
           now: datetime, set_story: bool = True, firsts: Sequence[tuple[int, int]] = ()) -> None:
    """Signatures, story ids, links and the touched stories' names (``story_rows``: story id ->
    officials, topics, last seen, as read with the links): one statement each. (On PostgreSQL
    a multi-row INSERT, as SQLAlchemy makes of these, beat both the driver's executemany and
    one statement of data-modifying CTEs over arrays: the server's work, foreign-key checks
    first, is most of the cost.)"""
    for absorbed, kept in result.merged.items():
        for statement in _MERGE:
            session.execute(statement, {"absorbed": absorbed, "kept": kept})
    session.execute(_INSERT_SIGNATURES, [
        {"article_id": sig.key, "published_at": sig.published, "lang": sig.lang, "data": signature_to_json(sig)}
        for sig in new])
    if set_story:
        session.execute(_SET_STORY, [{"aid": sig.key, "sid": result.story_of[sig.key], "fp": sig.fingerprint}
                                     for sig in new])
    if result.links:
        session.execute(_INSERT_LINKS, [{"article_a": found.a, "article_b": found.b, "data": _link_json(found)}
                                        for found in result.links])
    changes = _story_changes(new, result, story_rows, now)
    if changes:
        session.execute(_UPDATE_STORIES, [{"sid": sid, "off": off, "top": top, "last": last}
                                          for sid, off, top, last in changes])
    if firsts:
        session.execute(_SET_FIRST, [{"sid": sid, "fid": fid} for sid, fid in firsts])


def _store_pipelined(session: Session, new: Sequence[Signature], result: Grouping, story_rows: dict[int, tuple],
                     now: datetime, set_story: bool = True, firsts: Sequence[tuple[int, int]] = ()) -> bool:
    """``_store`` on PostgreSQL in one round trip: the same four statements (multi-row INSERTs, and
    UPDATE ... FROM VALUES for the many rows one UPDATE each would set) sent through psycopg's
    pipeline, which waits for the server once, at the end; errors are raised there, before the
    caller commits. At one article per transaction the round trips were most of the writes'
    cost. False (nothing written) when the driver cannot pipeline."""
    connection = session.connection()
    raw = connection.connection.driver_connection
    pipeline = getattr(raw, "pipeline", None)
    if pipeline is None or not pipelines_supported():
        return False
    session.flush()  # as Session.execute would
    changes = _story_changes(new, result, story_rows, now)
    with pipeline(), raw.cursor() as cursor:
        for absorbed, kept in result.merged.items():
            for sql in _PG_MERGE:
                cursor.execute(sql, {"absorbed": absorbed, "kept": kept})
        cursor.execute(_PG_SIGNATURES + _pg_rows("(%s, %s, %s, %s)", len(new)), [
            value for sig in new for value in (sig.key, sig.published, sig.lang, signature_to_json(sig))])
        if set_story:
            cursor.execute(_PG_SET_STORY.format(_pg_rows("(%s::integer, %s::integer, %s::bigint)", len(new))), [
                value for sig in new for value in (sig.key, result.story_of[sig.key], sig.fingerprint)])
        if result.links:
            cursor.execute(_PG_LINKS + _pg_rows("(%s, %s, %s)", len(result.links)), [
                value for found in result.links for value in (found.a, found.b, _link_json(found))])
        if changes:
            cursor.execute(_PG_UPDATE_STORIES.format(_pg_rows("(%s::integer, %s, %s, %s::timestamptz)", len(changes))),
                           [value for change in changes for value in change])
        if firsts:
            cursor.execute(_PG_SET_FIRST.format(_pg_rows("(%s::integer, %s::integer)", len(firsts))),
                           [value for first in firsts for value in first])
    return True


# The same statements as psycopg takes them (pipelined: _store_pipelined)
_PG_SIGNATURES = "INSERT INTO articlesignature (article_id, published_at, lang, data) VALUES "
_PG_SET_STORY = ("UPDATE article SET story_id = v.sid, fingerprint = v.fp FROM (VALUES {}) AS v (aid, sid, fp) "
                 "WHERE article.id = v.aid")
_PG_LINKS = "INSERT INTO storylink (article_a, article_b, data) VALUES "
_PG_UPDATE_STORIES = ("UPDATE story SET officials = v.off, topics = v.top, last_seen_at = v.last "
                      "FROM (VALUES {}) AS v (sid, off, top, last) WHERE story.id = v.sid")
_PG_SET_FIRST = "UPDATE story SET first_article_id = v.fid FROM (VALUES {}) AS v (sid, fid) WHERE story.id = v.sid"


def _pg_rows(row: str, count: int) -> str:
    return ", ".join([row] * count)


def _story_changes(new: Sequence[Signature], result: Grouping, story_rows: dict[int, tuple],
                   now: datetime) -> list[tuple[int, str, str, datetime]]:
    """(story id, officials JSON, topics JSON, last seen) of each existing story new articles joined."""
    touched = sorted(set(result.story_of.values()) - result.created)  # new stories got their names at INSERT
    changes = []
    for story_id in touched:
        if story_id not in story_rows:  # the story row is gone: nothing to update, as before
            continue
        officials, topics, last_seen = story_rows[story_id]
        members = [s for s in new if result.story_of[s.key] == story_id]
        changes.append((story_id, json.dumps(sorted(set(json.loads(officials)).union(*(s.officials for s in members)))),
                        json.dumps(sorted(set(json.loads(topics)).union(*(s.topics for s in members)))),
                        max(last_seen, now)))
    return changes


def _expire_stories(session: Session, written: set[int]) -> None:
    """Story rows this session had loaded as objects would now be stale."""
    for (cls, ident, *_), obj in list(session.identity_map.items()):
        if cls is Story and ident[0] in written:
            session.expire(obj)


_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False), its encoder built once


def _link_json(found: Link) -> str:
    return _JSON(found.as_dict())


def _names(sets) -> str:
    """The JSON list of a new story's officials (or topics): the union over its articles."""
    return json.dumps(sorted(set().union(*sets)))
