"""What jobs need from Telegram: send or edit one HTML message, with the outcome as a value.

bot/sender.py implements this over python-telegram-bot; tests may use any object with
the same two methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

SendStatus = Literal["sent", "retry_after", "blocked", "chat_not_found", "migrated", "error"]


@dataclass(frozen=True)
class SendOutcome:
    status: SendStatus
    message_id: int | None = None
    retry_after: float | None = None
    new_chat_id: int | None = None
    error: str | None = None
    permanent: bool = False  # retrying the same request cannot succeed (e.g. Telegram rejected the HTML)

    @property
    def chat_gone(self) -> bool:
        """The chat cannot receive anything any more: unsubscribe it."""
        return self.status in ("blocked", "chat_not_found")


class Sender(Protocol):
    async def send_html(self, chat_id: int, html: str, *, thread_id: int | None = None,
                        disable_notification: bool = False) -> SendOutcome: ...

    async def edit_html(self, chat_id: int, message_id: int, html: str) -> SendOutcome: ...
