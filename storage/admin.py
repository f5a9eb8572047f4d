"""Admins added at run time, and the audit log of admin actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from storage.tables import Admin, AuditLog


def add_admin(session: Session, user_id: int, added_by: int | None, now: datetime) -> bool:
    if session.get(Admin, user_id) is not None:
        return False
    session.add(Admin(user_id=user_id, added_by=added_by, added_at=now))
    return True


def remove_admin(session: Session, user_id: int) -> bool:
    row = session.get(Admin, user_id)
    if row is None:
        return False
    session.delete(row)
    return True


def list_admin_ids(session: Session) -> list[int]:
    return list(session.exec(select(Admin.user_id).order_by(Admin.user_id)))


def is_admin(session: Session, user_id: int) -> bool:
    return session.get(Admin, user_id) is not None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user_id: int | None
    action: str
    detail: str


def record_action(session: Session, now: datetime, user_id: int | None, action: str, detail: str = "") -> None:
    session.add(AuditLog(at=now, user_id=user_id, action=action, detail=detail[:2000]))


def latest_actions(session: Session, limit: int = 20) -> list[AuditEntry]:
    rows = session.exec(select(AuditLog).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit))
    return [AuditEntry(r.at, r.user_id, r.action, r.detail) for r in rows]
