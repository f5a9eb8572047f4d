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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import union_all, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from core.signature import Signature
from core.stories import WINDOW, Link, UnionFind, index_keys, link
from core.textsim import idf
from storage.tables import Article, ArticleSignature, Outbox, Story, StoryKey, StoryLink, TermStat

PER_KEY = 60  # most recent articles per key looked at: bounds the cost of a common name
DOCS = ""  # the TermStat row whose df counts documents


@dataclass
class Grouping:
    """What one call decided: story per new article, stories created, merges (absorbed -> kept)."""

    story_of: dict[int, int] = field(default_factory=dict)
    created: set[int] = field(default_factory=set)
    merged: dict[int, int] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)


def assign_stories(session: Session, new: Sequence[Signature], now: datetime) -> Grouping:
    """Link each new article to earlier ones (and to each other), then store stories and merges."""
    result = Grouping()
    if not new:
        return result
    _count_terms(session, new)
    near, candidates = _candidates(session, new)
    weights = _idf(session, list(new) + [c for c, _ in candidates.values()])
    uf = UnionFind()  # nodes: -article id for new articles, story id for existing stories
    for sig in new:
        uf.find(-sig.key)
    for i, sig in enumerate(new):
        keys = set(index_keys(sig))
        pool = [candidates[k] for k in sorted(near[sig.key]) if k in candidates]
        pool += [(other, None) for other in new[i + 1:] if keys & set(index_keys(other))]
        for other, story_id in pool:
            found = link(sig, other, weights)
            if found is None:
                continue
            result.links.append(found)
            uf.union(-sig.key, story_id if story_id is not None else -other.key)
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


def _candidates(session: Session, new: Sequence[Signature]
                ) -> tuple[dict[int, set[int]], dict[int, tuple[Signature, int]]]:
    """Stored articles sharing a key with each new one, and article id -> (signature, story id)."""
    per_article: dict[int, set[int]] = {}
    for sig in new:
        lo, hi = sig.published - WINDOW, sig.published + WINDOW
        parts = [
            select(StoryKey.article_id).where(StoryKey.key == key, StoryKey.published_at >= lo,
                                              StoryKey.published_at <= hi)
            .order_by(StoryKey.published_at.desc()).limit(PER_KEY).subquery().select()
            for key in index_keys(sig)
        ]
        per_article[sig.key] = set(session.exec(union_all(*parts)).scalars()) if parts else set()
    wanted = sorted(set().union(*per_article.values()))
    out: dict[int, tuple[Signature, int]] = {}
    for start in range(0, len(wanted), 500):
        rows = session.exec(
            select(ArticleSignature.article_id, ArticleSignature.published_at, ArticleSignature.lang,
                   ArticleSignature.data, Article.story_id, Story.merged_into)
            .join(Article, Article.id == ArticleSignature.article_id)
            .join(Story, Story.id == Article.story_id)
            .where(ArticleSignature.article_id.in_(wanted[start:start + 500]))
        ).all()
        for aid, published, lang, data, story_id, merged_into in rows:
            out[aid] = (signature_from_json(aid, published, lang, data), merged_into or story_id)
    return per_article, out


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


def _idf(session: Session, sigs: Sequence[Signature]):
    terms = sorted({t for s in sigs for t in s.terms} | {DOCS})
    df: dict[str, int] = {}
    for start in range(0, len(terms), 1000):
        df.update(session.exec(select(TermStat.term, TermStat.df).where(TermStat.term.in_(terms[start:start + 1000]))).all())
    docs = df.get(DOCS, 0)
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
    for sig in new:
        session.add(ArticleSignature(article_id=sig.key, published_at=sig.published, lang=sig.lang,
                                     data=signature_to_json(sig)))
        for key in index_keys(sig):
            session.add(StoryKey(key=key, article_id=sig.key, published_at=sig.published))
        session.exec(update(Article).where(Article.id == sig.key)
                     .values(story_id=result.story_of[sig.key], fingerprint=sig.fingerprint))
    for found in result.links:
        session.add(StoryLink(article_a=found.a, article_b=found.b, data=json.dumps(found.as_dict(),
                                                                                     ensure_ascii=False)))
    for story_id in set(result.story_of.values()):
        story = session.get(Story, story_id)
        members = [s for s in new if result.story_of[s.key] == story_id]
        story.officials = json.dumps(sorted(set(json.loads(story.officials)).union(*(s.officials for s in members))))
        story.topics = json.dumps(sorted(set(json.loads(story.topics)).union(*(s.topics for s in members))))
        story.last_seen_at = max(story.last_seen_at, now)
        session.add(story)
    session.flush()


def signature_to_json(sig: Signature) -> str:
    return json.dumps({
        "title": sig.title, "outlet": sig.outlet, "officials": sorted(sig.officials), "topics": sorted(sig.topics),
        "places": sorted(sig.places), "capitals": sorted(sig.capitals), "organisations": sorted(sig.organisations),
        "actions": sorted(sig.actions), "lead": sorted(sig.lead), "round": sig.round, "people": sorted(sig.people),
        "day": sig.day.isoformat() if sig.day else None,
        "fingerprint": sig.fingerprint, "terms": sig.terms,
    }, ensure_ascii=False)


def signature_from_json(key: int, published: datetime, lang: str, data: str) -> Signature:
    d = json.loads(data)
    sets = {k: frozenset(d[k]) for k in ("officials", "topics", "places", "capitals", "organisations", "actions",
                                         "lead", "people")}
    return Signature(key=key, published=published, lang=lang, title=d["title"], outlet=d["outlet"],
                     round=d["round"], day=date.fromisoformat(d["day"]) if d["day"] else None,
                     fingerprint=d["fingerprint"], terms=d["terms"], **sets)

