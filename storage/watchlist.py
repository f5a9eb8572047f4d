"""The watchlist (officials, aliases, roles, topics) as rows; read back as a core Watchlist."""

from __future__ import annotations

import json

from sqlalchemy import delete, func
from sqlmodel import Session, select

from core.model import Alias, GazetteerEntry, Official, Topic, Watchlist
from storage.tables import GazetteerRow, OfficialAlias, OfficialRole, TopicTerm
from storage.tables import Official as OfficialRow
from storage.tables import Topic as TopicRow

EXCLUDE_GROUP = -1


def load_watchlist(session: Session) -> Watchlist:
    officials = session.exec(select(OfficialRow).order_by(OfficialRow.id)).all()
    aliases: dict[int, list[Alias]] = {}
    for a in session.exec(select(OfficialAlias).order_by(OfficialAlias.id)):
        aliases.setdefault(a.official_id, []).append(Alias(a.text, a.case_sensitive, a.needs_context))
    roles: dict[int, list[str]] = {}
    descriptions: dict[int, list[str]] = {}
    for r in session.exec(select(OfficialRole).order_by(OfficialRole.id)):
        (descriptions if r.description else roles).setdefault(r.official_id, []).append(r.phrase)
    topics = session.exec(select(TopicRow).order_by(TopicRow.id)).all()
    terms: dict[int, dict[int, list[str]]] = {}
    for t in session.exec(select(TopicTerm).order_by(TopicTerm.id)):
        terms.setdefault(t.topic_id, {}).setdefault(t.group_no, []).append(t.term)
    return Watchlist(
        officials=tuple(
            Official(o.name, tuple(aliases.get(o.id, ())), tuple(roles.get(o.id, ())), tuple(descriptions.get(o.id, ())))
            for o in officials
        ),
        topics=tuple(
            Topic(
                t.name,
                groups=tuple(tuple(v) for k, v in sorted(terms.get(t.id, {}).items()) if k != EXCLUDE_GROUP),
                exclude=tuple(terms.get(t.id, {}).get(EXCLUDE_GROUP, ())),
            )
            for t in topics
        ),
        gazetteer=load_gazetteer(session),
    )


def load_gazetteer(session: Session) -> tuple[GazetteerEntry, ...]:
    rows = session.exec(select(GazetteerRow).order_by(GazetteerRow.id)).all()
    return tuple(GazetteerEntry(r.name, r.kind, tuple(json.loads(r.aliases))) for r in rows)


def save_gazetteer_entry(session: Session, entry: GazetteerEntry) -> bool:
    """Insert or replace one gazetteer entry; returns created."""
    row = session.exec(select(GazetteerRow).where(GazetteerRow.name == entry.name)).first()
    created = row is None
    if row is None:
        row = GazetteerRow(name=entry.name, kind=entry.kind)
    row.kind, row.aliases = entry.kind, json.dumps(list(entry.aliases), ensure_ascii=False)
    session.add(row)
    session.flush()
    return created


def delete_gazetteer_entry(session: Session, name: str) -> bool:
    row = session.exec(select(GazetteerRow).where(func.lower(GazetteerRow.name) == name.lower())).first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def replace_gazetteer(session: Session, entries: tuple[GazetteerEntry, ...]) -> None:
    keep = {e.name for e in entries}
    for row in session.exec(select(GazetteerRow)).all():
        if row.name not in keep:
            session.delete(row)
    session.flush()
    for e in entries:
        save_gazetteer_entry(session, e)



def _named_row(session: Session, model, name: str):
    """The row of ``model`` with this exact name, created if missing; returns (row, created)."""
    row = session.exec(select(model).where(model.name == name)).first()
    if row is not None:
        return row, False
    row = model(name=name)
    session.add(row)
    session.flush()
    return row, True


def save_official(session: Session, official: Official) -> bool:
    """Insert or replace an official with all its aliases and roles; returns created."""
    row, created = _named_row(session, OfficialRow, official.name)
    if not created:
        session.exec(delete(OfficialAlias).where(OfficialAlias.official_id == row.id))
        session.exec(delete(OfficialRole).where(OfficialRole.official_id == row.id))
    for a in _unique_by(official.aliases, lambda a: a.text):
        session.add(OfficialAlias(official_id=row.id, text=a.text, case_sensitive=a.case_sensitive,
                                  needs_context=a.needs_context))
    for phrase in _unique_by(official.roles, lambda r: r):
        session.add(OfficialRole(official_id=row.id, phrase=phrase))
    for phrase in _unique_by([d for d in official.descriptions if d not in official.roles], lambda d: d):
        session.add(OfficialRole(official_id=row.id, phrase=phrase, description=True))
    session.flush()
    return created


def save_topic(session: Session, topic: Topic) -> bool:
    """Insert or replace a topic rule; returns created."""
    row, created = _named_row(session, TopicRow, topic.name)
    if not created:
        session.exec(delete(TopicTerm).where(TopicTerm.topic_id == row.id))
    for group_no, group in enumerate(topic.groups):
        for term in _unique_by(group, lambda t: t):
            session.add(TopicTerm(topic_id=row.id, group_no=group_no, term=term))
    for term in _unique_by(topic.exclude, lambda t: t):
        session.add(TopicTerm(topic_id=row.id, group_no=EXCLUDE_GROUP, term=term))
    session.flush()
    return created


def delete_official(session: Session, name: str) -> bool:
    row = _find_official(session, name)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def delete_topic(session: Session, name: str) -> bool:
    row = session.exec(select(TopicRow).where(func.lower(TopicRow.name) == name.lower())).first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def replace_watchlist(session: Session, watchlist: Watchlist) -> None:
    """Make the stored watchlist exactly ``watchlist`` (seeding and import)."""
    keep_o = {o.name for o in watchlist.officials}
    keep_t = {t.name for t in watchlist.topics}
    for row in session.exec(select(OfficialRow)).all():
        if row.name not in keep_o:
            session.delete(row)
    for row in session.exec(select(TopicRow)).all():
        if row.name not in keep_t:
            session.delete(row)
    session.flush()
    for o in watchlist.officials:
        save_official(session, o)
    for t in watchlist.topics:
        save_topic(session, t)
    replace_gazetteer(session, watchlist.gazetteer)


def _find_official(session: Session, name: str) -> OfficialRow | None:
    return session.exec(select(OfficialRow).where(func.lower(OfficialRow.name) == name.lower())).first()


def _unique_by(items, key):
    seen = set()
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            yield item


def list_names(session: Session) -> list[tuple[str, int, str]]:
    """(kind, row id, name) of every topic, then every official: stable ids for buttons.

    Topics come first because they are few and broad, the choice most chats make.
    """
    officials = session.exec(select(OfficialRow.id, OfficialRow.name).order_by(OfficialRow.name)).all()
    topics = session.exec(select(TopicRow.id, TopicRow.name).order_by(TopicRow.name)).all()
    return [("topic", i, n) for i, n in topics] + [("official", i, n) for i, n in officials]
