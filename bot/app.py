"""The composition root: builds the PTB Application with its handlers, jobs and runtime.

The application can be built, and poll, before the database is open (`briefbot run` on a
SQLite file whose schema is current, see bot.service): handlers are imported at their first
call, and a gate in group -1 holds every update until ``attach_database`` has given the
handlers their runtime. PTB handles updates one at a time, so the later ones queue behind
the first; none is lost or answered from an unready database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from telegram import BotCommandScopeChat, BotCommandScopeDefault, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.commands import bot_commands
from bot.health import Health, TrackedRequest
from bot.ratelimit import rate_limiter_for
from bot.runtime import CONTEXT_TYPES, Context, Runtime, utc_now
from bot.scheduling import ingest_tick, schedule_jobs
from bot.sender import seconds
from bot.settings import Settings
from jobs.ratelimit import SendLimits

if TYPE_CHECKING:
    from storage.db import Database

log = logging.getLogger(__name__)

DELIVERY_CONCURRENCY = 32  # sends in flight at once; each chat has at most one

# Note: Order matters! Specific commands first, the unknown-command catch-all last.
# (command, module in bot.handlers, function); each runs in every chat kind unless noted.
COMMANDS = (
    # Channel posts carry commands too: /start, /stop, /help and /settings work in channels.
    ("start", "subscription", "start"), ("stop", "subscription", "stop"),
    ("help", "subscription", "help_command"), ("settings", "settings", "settings"),
    ("search", "search", "search"), ("why", "search", "why"),
    ("feed", "feeds", "feed"), ("feeds", "feeds", "feeds_list"),
    ("track", "watchlist", "track"), ("untrack", "watchlist", "untrack"), ("alias", "watchlist", "alias"),
    ("unalias", "watchlist", "unalias"), ("role", "watchlist", "role"), ("topic", "watchlist", "topic"),
    ("test", "watchlist", "test"), ("watchlist", "browse", "watchlist"),
    ("export", "transfer", "export"), ("import", "transfer", "import_file"),
    ("admin", "admin", "admin"), ("stats", "admin", "stats"), ("audit", "admin", "audit"),
    ("broadcast", "admin", "broadcast"),
    ("briefing", "briefing", "briefing"), ("alerts", "briefing", "alerts"), ("time", "briefing", "briefing_time"),
    ("timezone", "briefing", "timezone"), ("follow", "briefing", "follow"), ("unfollow", "briefing", "unfollow"),
    ("quiet", "briefing", "quiet"), ("latest", "briefing", "latest"),
)
IN_CHANNELS = frozenset({"start", "stop", "help", "settings"})
HANDLER_MODULES = ("subscription", "settings", "search", "feeds", "watchlist", "browse", "transfer", "admin",
                   "briefing", "membership")


def handler(module: str, name: str) -> Callable:
    """``bot.handlers.<module>.<name>``, imported at its first call (the handlers import storage,
    core and jobs, which the first poll does not need). By then the gate has waited for the
    database and bot.service has imported the modules in a worker thread: this is a lookup."""
    async def callback(update: object, context: Context) -> None:
        return await getattr(import_module(f"bot.handlers.{module}"), name)(update, context)

    callback.__name__ = callback.__qualname__ = f"{module}.{name}"
    return callback


def import_handlers() -> None:
    """Import every handler module (bot.service calls it in a worker thread, off the event loop)."""
    for module in HANDLER_MODULES:
        import_module(f"bot.handlers.{module}")


async def wait_until_ready(update: Update, context: Context) -> None:
    """Group -1: every update waits here until the database is open. If it could not be
    opened, the process is stopping with that error, and the update goes no further."""
    data = context.application.bot_data
    await data.ready.wait()
    if data.failed:
        raise ApplicationHandlerStop


async def startup(application: Application) -> None:
    """What run_polling does after initialize: the HTTP client for feeds. The command menus
    are set once updates are being received (bot.service), not before the first poll."""
    rt: Runtime | None = application.bot_data.runtime
    if rt is not None and rt.http is None:
        from jobs.fetch import make_client

        rt.http = make_client()


async def _post_shutdown(application: Application) -> None:
    rt: Runtime | None = application.bot_data.runtime
    if rt is not None and rt.http is not None:
        await rt.http.aclose()
    if rt is not None:
        await asyncio.to_thread(rt.detector.close)  # the decide worker, if BRIEFBOT_INGEST_WORKER started one


async def register_commands(application: Application) -> None:
    """Subscribers see subscriber commands; admins also see admin commands in their private chat."""
    from storage import admin as admin_store

    rt: Runtime = application.bot_data.runtime
    basic, full = bot_commands(admin=False), bot_commands(admin=True)
    await application.bot.set_my_commands(basic, scope=BotCommandScopeDefault())
    admins = set(rt.settings.admins) | set(await rt.in_session(admin_store.list_admin_ids))
    for user_id in sorted(admins):
        try:
            await application.bot.set_my_commands(full, scope=BotCommandScopeChat(user_id))
        except TelegramError as e:  # an admin who never opened a chat with the bot
            log.info("admin command menu for %s not set: %s", user_id, e)


_GONE_MESSAGE = ("message to edit not found", "message can't be edited", "message_id_invalid")


async def _on_error(update: object, context: Context) -> None:
    """Log the failure; tell the user something went wrong instead of going silent.

    Two expected failures get one log line and no traceback: Telegram's flood limit (429),
    and a button whose message is gone (an old or forged press)."""
    error = context.error
    if isinstance(error, RetryAfter):
        log.warning("Telegram flood limit: a reply was refused, retry after %s s", seconds(error.retry_after))
        return
    if isinstance(error, BadRequest) and any(k in str(error).lower() for k in _GONE_MESSAGE):
        log.info("button on a message that cannot be edited any more: %s", error)
        if isinstance(update, Update) and update.callback_query is not None:
            try:
                await update.callback_query.answer("This message can no longer be changed; send the command again.",
                                                   show_alert=True)
            except TelegramError:
                pass
        return
    log.error("handler failed", exc_info=error)
    if isinstance(update, Update) and update.callback_query is not None:
        try:  # an unanswered press leaves the button spinning
            await update.callback_query.answer("Sorry, something went wrong; please try again.", show_alert=True)
        except TelegramError:
            pass
        return
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await update.effective_message.reply_text("Sorry, something went wrong on my side; it has been logged. "
                                                      "Please try again in a minute.")
        except TelegramError:
            pass


def build_application(settings: Settings, db: Database | None, *, clock: Callable = utc_now,
                      http=None, jobs: bool = True, leader_jobs: bool = True, defaults: bool = True) -> Application:
    """The application with its handlers; with ``db``, also its runtime and jobs (attach_database).
    ``db=None`` builds it to poll before the database is open (bot.service attaches it later)."""
    health = Health(stale_seconds=settings.health_stale_seconds, ingest_interval=ingest_tick(settings))
    limits = SendLimits(settings.send_rate, settings.group_send_rate)
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .get_updates_request(TrackedRequest(health, connection_pool_size=1))  # /healthz sees the update loop
        .context_types(CONTEXT_TYPES)
        # Every reply is Telegram HTML rendered by core.render, without link previews, never quoting.
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True),
                           do_quote=False))
        .base_url(settings.telegram_api_url)
        .base_file_url(settings.telegram_api_url.replace("/bot", "/file/bot"))
        .post_init(startup)
        .post_shutdown(_post_shutdown)
    )
    # One smooth budget for delivery and replies; 429s go back to the outbox, which waits retry_after.
    if (limiter := rate_limiter_for(limits)) is not None:
        builder.rate_limiter(limiter)
    application = builder.build()
    application.bot_data.send_limits = limits
    application.bot_data["health"] = health  # bot.health.Health: heartbeats for /healthz

    # Note: Order matters! The gate first; specific commands next; the catch-alls last.
    add = application.add_handler
    add(TypeHandler(Update, wait_until_ready), group=-1)
    anywhere = filters.UpdateType.MESSAGES | filters.UpdateType.CHANNEL_POST
    for command, module, name in COMMANDS:
        if command == "feed":  # /feed add fetches the URL (up to 30 s): beside other updates, not before them
            add(CommandHandler(command, handler(module, name), block=False))
        else:
            add(CommandHandler(command, handler(module, name), filters=anywhere if command in IN_CHANNELS else None))
        if command == "import":  # a file whose caption is /import: captions are not commands to CommandHandler
            add(MessageHandler(filters.Document.ALL & filters.CaptionRegex(r"^/import(@\w+)?(\s|$)"),
                               handler(module, name)))
    add(CallbackQueryHandler(handler("settings", "settings_button"), pattern=r"^set:"))
    add(CallbackQueryHandler(handler("admin", "broadcast_button"), pattern=r"^bc:"))
    add(CallbackQueryHandler(handler("browse", "watchlist_button"), pattern=r"^wl:"))
    add(ChatMemberHandler(handler("membership", "my_chat_member"), ChatMemberHandler.MY_CHAT_MEMBER))
    # Catch-alls last: a button nothing above handles is still answered; unknown commands get /help.
    add(CallbackQueryHandler(handler("subscription", "unknown_button")))
    add(MessageHandler(filters.COMMAND, handler("subscription", "unknown_command")))
    # Plain text in a private chat gets a hint; files are left for a later /import reply.
    add(MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                       handler("subscription", "plain_text")))
    application.add_error_handler(_on_error)

    if db is not None:
        attach_database(application, settings, db, clock=clock, http=http, jobs=jobs, leader_jobs=leader_jobs,
                        defaults=defaults)
    return application


def attach_database(application: Application, settings: Settings, db: Database, *, clock: Callable = utc_now,
                    http=None, jobs: bool = True, leader_jobs: bool = True, defaults: bool = True) -> None:
    """Give handlers and jobs their runtime, schedule the jobs, open the gate. In the event loop's
    thread, or before it runs. ``defaults=False`` when the caller loaded the shipped defaults
    already (`briefbot run` does, under the start-up lock)."""
    from jobs.deliver import Deliverer

    if defaults:
        from storage.defaults import load_defaults_once

        with db.session() as s:
            load_defaults_once(s, clock(), feeds=settings.load_default_feeds)
    limits = application.bot_data.send_limits  # one budget for delivery and replies
    deliverer = Deliverer(limits=limits, concurrency=DELIVERY_CONCURRENCY)
    application.bot_data.runtime = Runtime(settings=settings, db=db, http=http, clock=clock, deliverer=deliverer)
    if jobs:
        schedule_jobs(application, settings, leader=leader_jobs)  # bot.service adds the leader's jobs
    application.bot_data.ready.set()
