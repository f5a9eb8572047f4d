"""Admin-only wrapper and argument helpers for handlers."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable

from telegram import Update

from bot.commands import usage_text
from bot.replies import reply
from bot.runtime import Context, runtime
from core.render import esc

Handler = Callable[[Update, Context], Awaitable[None]]


def admin_only(handler: Handler) -> Handler:
    """Refuse politely, changing nothing, when the sender is not a bot admin."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> None:
        user = update.effective_user
        if user is None or not await asyncio.to_thread(runtime(context).is_admin, user.id):
            who = f" Your user id is {user.id}:" if user is not None else ""
            await reply(update, f"Sorry, only briefbot admins can do that.{who} ask the bot's owner to add it "
                                "to BRIEFBOT_ADMINS, or an owner to send /admin add "
                                f"{user.id if user is not None else 'USER_ID'}.")
            return
        await handler(update, context)

    return wrapper


def owner_only(handler: Handler) -> Handler:
    """Refuse, changing nothing, unless the sender is an owner (an id in BRIEFBOT_ADMINS)."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> None:
        user = update.effective_user
        if user is None or not runtime(context).is_owner(user.id):
            await reply(update, "Sorry, only the bot's owners (the ids in BRIEFBOT_ADMINS) can do that.")
            return
        await handler(update, context)

    return wrapper


def command_text(update: Update) -> str:
    """Everything after the command word, with spacing kept (names and phrases have spaces)."""
    text = (update.effective_message.text or "") if update.effective_message else ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def split_pipe(text: str) -> tuple[str, str]:
    """'NAME | rest' -> ('NAME', 'rest'); without a pipe -> (text, '')."""
    name, _, rest = text.partition("|")
    return name.strip(), rest.strip()


def split_list(text: str) -> list[str]:
    return [p.strip() for p in text.replace("،", ",").split(",") if p.strip()]


async def usage(update: Update, name: str, problem: str | None = None) -> None:
    head = f"{esc(problem)}\n" if problem else ""
    await reply(update, head + esc(usage_text(name)))
