"""Putting new articles into stories: candidates by signature key, links, merges.

The decision is core.stories.link; this module finds the articles worth comparing and
records the outcome. Candidates come from the ``storykey`` index (the keys an article
shares with the new one, within the link window, at most ``PER_KEY`` per key), so the
cost of a new article does not grow with the number of stories in the window, and
nothing is reloaded per feed. A new article linked to articles of two stories merges
them into the older one (the other keeps its row, ``merged_into``, so its id is never
reused for another story's alert key).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import TextClause, bindparam, insert, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from core.signature import Signature
from core.stories import WINDOW, Link, UnionFind, index_keys, link, may_link
from core.textsim import idf
from storage.tables import Article, ArticleSignature, Outbox, Story, StoryKey, StoryLink, TermStat
from storage.types import UTCDateTime

PER_KEY = 12  # articles per key and side of the new one looked at: bounds the cost of a common name
DOCS = ""  # the TermStat row whose df counts documents


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


def plan_stories(session: Session, new: Sequence[Signature]) -> StoryPlan:
    """Read what the new articles are compared with and decide their links; writes nothing.

    Run it in a read-only session before the write transaction opens, so the write lock is
    held only for the writes. Keys of ``new`` must be unique and negative (not yet stored);
    word weights count the new articles as if already stored, as ``write_stories`` will.
    """
    if not new:
        return StoryPlan()
    near, candidates = _candidates(session, new)
    pairs = []
    for i, sig in enumerate(new):
        keys = set(index_keys(sig))
        pool = [candidates[k][0] for k in sorted(near[sig.key]) if k in candidates]
        pool += [other for other in new[i + 1:] if keys & set(index_keys(other))]
        pairs += [(sig, other) for other in pool if may_link(sig, other)]
    weights = _idf(session, list(new) + [other for _, other in pairs], new)  # reads words of these only
    links = tuple(found for sig, other in pairs if (found := link(sig, other, weights)) is not None)
    return StoryPlan(tuple(new), links)


def write_stories(session: Session, plan: StoryPlan, ids: dict[int, int], now: datetime) -> Grouping:
    """Store a plan: ``ids`` maps each temporary key to the stored article's id.

    Linked articles' stories are read again here, so a merge made since the plan was
    decided (another replica) is followed, not undone.
    """
    result = Grouping()
    if not plan.new:
        return result
    new = [replace(sig, key=ids[sig.key]) for sig in plan.new]
    real = lambda key: ids.get(key, key)  # noqa: E731 (stored candidates keep their ids)
    result.links = [replace(found, a=min(real(found.a), real(found.b)), b=max(real(found.a), real(found.b)))
                    for found in plan.links]
    _count_terms(session, new)
    fresh = {sig.key for sig in new}
    others = sorted({k for found in result.links for k in (found.a, found.b)} - fresh)
    story_of_stored = dict(session.exec(select(Article.id, Article.story_id).where(Article.id.in_(others)))
                           .all()) if others else {}
    uf = UnionFind()  # nodes: -article id for new articles, story id for existing stories
    for sig in new:
        uf.find(-sig.key)
    for found in result.links:
        nodes = [-k if k in fresh else story_of_stored.get(k) for k in (found.a, found.b)]
        if None not in nodes:
            uf.union(*nodes)
    components: dict[int, list[int]] = {}
    for node in list(uf.parent):
        components.setdefault(uf.find(node), []).append(node)
    for nodes in components.values():
        articles = sorted(-n for n in nodes if n < 0)
        if not articles:
            continue
        stories = sorted(n for n in nodes if n > 0)
        if stories:
            kept = stories[0]
            for absorbed in stories[1:]:
                _merge(session, absorbed, kept)
                result.merged[absorbed] = kept
        else:
            first = next(s for s in new if s.key == articles[0])
            story = Story(title=first.title, first_article_id=first.key, fingerprint=first.fingerprint,
                          created_at=now, last_seen_at=now)
            session.add(story)
            session.flush()
            kept = story.id
            result.created.add(kept)
        for aid in articles:
            result.story_of[aid] = kept
    _store(session, new, result, now)
    return result


def assign_stories(session: Session, new: Sequence[Signature], now: datetime) -> Grouping:
    """Plan and write in one session: ``new`` carries the stored articles' ids as keys."""
    temporary = {-(i + 1): sig.key for i, sig in enumerate(new)}
    plan = plan_stories(session, [replace(sig, key=-(i + 1)) for i, sig in enumerate(new)])
    return write_stories(session, plan, temporary, now)


def _candidates(session: Session, new: Sequence[Signature]
                ) -> tuple[dict[int, set[int]], dict[int, tuple[Signature, int]]]:
    """Stored articles sharing a key with each new one, and article id -> (signature, story id).

    Per key, the ``PER_KEY`` articles published nearest before and after the new one (two
    index range scans), in one statement per new article.
    """
    per_article: dict[int, set[int]] = {}
    for sig in new:
        keys = index_keys(sig)
        params = {f"k{i}": key for i, key in enumerate(keys)}
        params.update(lo=sig.published - WINDOW, at=sig.published, hi=sig.published + WINDOW, n=PER_KEY)
        per_article[sig.key] = set(session.execute(_nearest_by_key(len(keys)), params).scalars())
    wanted = sorted(set().union(*per_article.values()))
    out: dict[int, tuple[Signature, int]] = {}
    for start in range(0, len(wanted), 500):
        rows = session.exec(
            select(ArticleSignature.article_id, ArticleSignature.published_at, ArticleSignature.lang,
                   ArticleSignature.data, Article.story_id)
            .join(Article, Article.id == ArticleSignature.article_id)
            .where(ArticleSignature.article_id.in_(wanted[start:start + 500]), Article.story_id.is_not(None))
        ).all()
        for aid, published, lang, data, story_id in rows:
            out[aid] = (signature_from_json(aid, published, lang, data), story_id)
    return per_article, out


@lru_cache(maxsize=64)
def _nearest_by_key(count: int) -> TextClause:
    """Per key k0..k{count-1}: article ids published nearest before and after :at, :n each side.

    Plain SQL (one shape per number of keys, compiled once) that SQLite and PostgreSQL both
    run as two index range scans per key on (key, published_at).
    """
    before = ("SELECT * FROM (SELECT article_id FROM storykey WHERE key = :k{i} AND published_at >= :lo "
              "AND published_at <= :at ORDER BY published_at DESC LIMIT :n) AS b{i}")
    after = ("SELECT * FROM (SELECT article_id FROM storykey WHERE key = :k{i} AND published_at > :at "
             "AND published_at <= :hi ORDER BY published_at LIMIT :n) AS a{i}")
    sql = " UNION ALL ".join(part.format(i=i) for i in range(count) for part in (before, after))
    return text(sql).bindparams(*(bindparam(name, type_=UTCDateTime) for name in ("lo", "at", "hi")))


def _count_terms(session: Session, new: Sequence[Signature]) -> None:
    """Add the new articles to the document frequencies (one upsert statement)."""
    counts: dict[str, int] = {DOCS: len(new)}
    for sig in new:
        for term in sig.terms:
            counts[term] = counts.get(term, 0) + 1
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(TermStat)
    stmt = stmt.on_conflict_do_update(index_elements=["term"], set_={"df": TermStat.df + stmt.excluded.df})
    rows = [{"term": t, "df": n} for t, n in sorted(counts.items())]
    for start in range(0, len(rows), 1000):
        session.exec(stmt, params=rows[start:start + 1000])


def _idf(session: Session, sigs: Sequence[Signature], new: Sequence[Signature] = ()):
    """Word weights from the stored document frequencies plus the ``new`` articles' own words."""
    terms = sorted({t for s in sigs for t in s.terms} | {DOCS})
    df: dict[str, int] = {}
    for start in range(0, len(terms), 1000):
        df.update(session.exec(select(TermStat.term, TermStat.df).where(TermStat.term.in_(terms[start:start + 1000]))).all())
    for sig in new:
        for term in sig.terms:
            df[term] = df.get(term, 0) + 1
    docs = df.get(DOCS, 0) + len(new)
    cache: dict[str, float] = {}

    def weight(term: str) -> float:
        if term not in cache:
            cache[term] = idf(df.get(term, 0), docs)
        return cache[term]

    return weight


def _merge(session: Session, absorbed: int, kept: int) -> None:
    session.exec(update(Article).where(Article.story_id == absorbed).values(story_id=kept))
    session.exec(update(Outbox).where(Outbox.story_id == absorbed).values(story_id=kept))
    session.exec(update(Story).where(Story.merged_into == absorbed).values(merged_into=kept))
    story = session.get(Story, absorbed)
    story.merged_into = kept
    session.add(story)


def _store(session: Session, new: Sequence[Signature], result: Grouping, now: datetime) -> None:
    session.execute(insert(ArticleSignature), [
        {"article_id": sig.key, "published_at": sig.published, "lang": sig.lang, "data": signature_to_json(sig)}
        for sig in new])
    session.execute(insert(StoryKey), [{"key": key, "article_id": sig.key, "published_at": sig.published}
                                       for sig in new for key in index_keys(sig)])
    session.execute(update(Article.__table__).where(Article.__table__.c.id == bindparam("aid"))
                    .values(story_id=bindparam("sid"), fingerprint=bindparam("fp")),
                    [{"aid": sig.key, "sid": result.story_of[sig.key], "fp": sig.fingerprint} for sig in new])
    if result.links:
        session.execute(insert(StoryLink), [
            {"article_a": found.a, "article_b": found.b, "data": json.dumps(found.as_dict(), ensure_ascii=False)}
            for found in result.links])
    touched = sorted(set(result.story_of.values()))
    for story in session.exec(select(Story).where(Story.id.in_(touched))):
        members = [s for s in new if result.story_of[s.key] == story.id]
        story.officials = json.dumps(sorted(set(json.loads(story.officials)).union(*(s.officials for s in members))))
        story.topics = json.dumps(sorted(set(json.loads(story.topics)).union(*(s.topics for s in members))))
        story.last_seen_at = max(story.last_seen_at, now)
        session.add(story)
    session.flush()


def signature_to_json(sig: Signature) -> str:
    """Names first, words after a newline: a candidate's words are decoded only when compared."""
    return json.dumps({
        "title": sig.title, "outlet": sig.outlet, "officials": sorted(sig.officials), "topics": sorted(sig.topics),
        "places": sorted(sig.places), "capitals": sorted(sig.capitals), "organisations": sorted(sig.organisations),
        "actions": sorted(sig.actions), "lead": sorted(sig.lead), "round": sig.round, "people": sorted(sig.people),
        "day": sig.day.isoformat() if sig.day else None, "fingerprint": sig.fingerprint,
    }, ensure_ascii=False) + "\n" + json.dumps(dict(sig.terms), ensure_ascii=False)


class _LazyTerms(Mapping[str, int]):
    """A stored article's word counts, decoded on first use."""

    def __init__(self, text: str) -> None:
        self._text, self._terms = text, None

    def _load(self) -> dict[str, int]:
        if self._terms is None:
            self._terms = json.loads(self._text)
        return self._terms

    def __getitem__(self, term: str) -> int:
        return self._load()[term]

    def __iter__(self):
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


def signature_from_json(key: int, published: datetime, lang: str, data: str) -> Signature:
    names, _, terms = data.partition("\n")
    d = json.loads(names)
    sets = {k: frozenset(d[k]) for k in ("officials", "topics", "places", "capitals", "organisations", "actions",
                                         "lead", "people")}
    return Signature(key=key, published=published, lang=lang, title=d["title"], outlet=d["outlet"],
                     round=d["round"], day=date.fromisoformat(d["day"]) if d["day"] else None,
                     fingerprint=d["fingerprint"], terms=_LazyTerms(terms or "{}"), **sets)
