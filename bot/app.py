"""The composition root: builds the PTB Application with its handlers, jobs and runtime."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import BotCommandScopeChat, BotCommandScopeDefault, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from bot.commands import bot_commands
from bot.handlers import admin, briefing, browse, feeds, membership, search, subscription, transfer, watchlist
from bot.handlers import settings as chat_settings  # the name `settings` is the app's Settings below
from bot.health import Health, TrackedRequest
from bot.ratelimit import SmoothRateLimiter
from bot.runtime import CONTEXT_TYPES, Context, Runtime, utc_now
from bot.scheduling import ingest_tick, schedule_jobs
from bot.sender import seconds
from bot.settings import Settings
from jobs.deliver import Deliverer
from jobs.fetch import make_client
from jobs.ratelimit import SendLimits
from storage import admin as admin_store
from storage.db import Database
from storage.defaults import load_defaults_once

log = logging.getLogger(__name__)

DELIVERY_CONCURRENCY = 32  # sends in flight at once; each chat has at most one


async def startup(application: Application) -> None:
    """What run_polling does after initialize: the HTTP client for feeds. The command menus
    are set once updates are being received (bot.service), not before the first poll."""
    rt: Runtime = application.bot_data.runtime
    if rt.http is None:
        rt.http = make_client()


async def _post_shutdown(application: Application) -> None:
    rt: Runtime = application.bot_data.runtime
    if rt.http is not None:
        await rt.http.aclose()


async def register_commands(application: Application) -> None:
    """Subscribers see subscriber commands; admins also see admin commands in their private chat."""
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


def build_application(settings: Settings, db: Database, *, clock: Callable = utc_now,
                      http=None, jobs: bool = True, leader_jobs: bool = True, defaults: bool = True) -> Application:
    """``defaults=False`` when the caller loaded them already (`briefbot run` does, under the start-up lock)."""
    if defaults:
        with db.session() as s:
            load_defaults_once(s, clock(), feeds=settings.load_default_feeds)
    health = Health(stale_seconds=settings.health_stale_seconds, ingest_interval=ingest_tick(settings))
    limits = SendLimits(settings.send_rate, settings.group_send_rate)
    application = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .get_updates_request(TrackedRequest(health, connection_pool_size=1))  # /healthz sees the update loop
        .context_types(CONTEXT_TYPES)
        # Every reply is Telegram HTML rendered by core.render, without link previews, never quoting.
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True),
                           do_quote=False))
        .base_url(settings.telegram_api_url)
        .base_file_url(settings.telegram_api_url.replace("/bot", "/file/bot"))
        # One smooth budget for delivery and replies; 429s go back to the outbox, which waits retry_after.
        .rate_limiter(SmoothRateLimiter(limits))
        .post_init(startup)
        .post_shutdown(_post_shutdown)
        .build()
    )
    deliverer = Deliverer(limits=limits, concurrency=DELIVERY_CONCURRENCY)
    application.bot_data.runtime = Runtime(settings=settings, db=db, http=http, clock=clock, deliverer=deliverer)
    application.bot_data["health"] = health  # bot.health.Health: heartbeats for /healthz

    # Note: Order matters! Specific commands first, the unknown-command catch-all last.
    add = application.add_handler
    # Channel posts carry commands too: /start, /stop, /settings and /help work in channels.
    anywhere = filters.UpdateType.MESSAGES | filters.UpdateType.CHANNEL_POST
    add(CommandHandler("start", subscription.start, filters=anywhere))
    add(CommandHandler("stop", subscription.stop, filters=anywhere))
    add(CommandHandler("help", subscription.help_command, filters=anywhere))
    add(CommandHandler("settings", chat_settings.settings, filters=anywhere))
    add(CommandHandler("search", search.search))
    add(CommandHandler("why", search.why))
    # /feed add fetches the URL (up to 30 s): it runs beside other updates instead of before them.
    add(CommandHandler("feed", feeds.feed, block=False))
    add(CommandHandler("feeds", feeds.feeds_list))
    add(CommandHandler("track", watchlist.track))
    add(CommandHandler("untrack", watchlist.untrack))
    add(CommandHandler("alias", watchlist.alias))
    add(CommandHandler("unalias", watchlist.unalias))
    add(CommandHandler("role", watchlist.role))
    add(CommandHandler("topic", watchlist.topic))
    add(CommandHandler("test", watchlist.test))
    add(CommandHandler("watchlist", browse.watchlist))
    add(CommandHandler("export", transfer.export))
    add(CommandHandler("import", transfer.import_file))
    # A file whose caption is /import: captions are not commands to CommandHandler.
    add(MessageHandler(filters.Document.ALL & filters.CaptionRegex(r"^/import(@\w+)?(\s|$)"), transfer.import_file))
    add(CommandHandler("admin", admin.admin))
    add(CommandHandler("stats", admin.stats))
    add(CommandHandler("audit", admin.audit))
    add(CommandHandler("broadcast", admin.broadcast))
    add(CallbackQueryHandler(chat_settings.settings_button, pattern=r"^set:"))
    add(CallbackQueryHandler(admin.broadcast_button, pattern=r"^bc:"))
    add(CallbackQueryHandler(browse.watchlist_button, pattern=r"^wl:"))
    add(ChatMemberHandler(membership.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    briefing.register(add)  # /briefing /alerts /time /timezone /follow /unfollow /quiet /latest
    # Catch-alls last: a button nothing above handles is still answered; unknown commands get /help.
    add(CallbackQueryHandler(subscription.unknown_button))
    add(MessageHandler(filters.COMMAND, subscription.unknown_command))
    # Plain text in a private chat gets a hint; files are left for a later /import reply.
    add(MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                       subscription.plain_text))
    application.add_error_handler(_on_error)

    if jobs:
        schedule_jobs(application, settings, leader=leader_jobs)  # bot.service adds the leader's jobs
    return application
