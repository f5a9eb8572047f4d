"""The `briefbot` command line. Errors go to stderr as one clear paragraph, never a traceback.

Each command imports what it needs when it runs: `briefbot run` polls Telegram before it
imports the storage stack (bot.service), so nothing heavy is imported with this module."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC
from pathlib import Path

from pydantic import ValidationError

from bot.settings import Settings

NO_TOKEN = """\
briefbot needs a Telegram bot token to run, and TELEGRAM_BOT_TOKEN is not set.

Get one from @BotFather in Telegram: send /newbot, choose a name and a username, and
copy the token it gives you (it looks like 123456789:AAE...). Then either export it,
    export TELEGRAM_BOT_TOKEN=123456789:AAE...
or put the line TELEGRAM_BOT_TOKEN=123456789:AAE... in a file named .env in the
directory you run briefbot from, and start it again with `make run`."""


class CliError(Exception):
    """A problem the user can fix; printed without a traceback, exit code 2."""


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors())
        raise CliError(f"invalid configuration: {problems}") from e


def _open_db(settings: Settings):
    """Open and migrate the database; a first start also loads the shipped defaults."""
    from storage.db import DatabaseError, open_database
    from storage.defaults import load_defaults_once

    def load_defaults(db) -> None:
        with db.session() as s:
            load_defaults_once(s, _now(), feeds=settings.load_default_feeds)

    try:  # migrations and defaults run one process at a time (storage.locks.startup_lock)
        return open_database(settings.database_url, prepare=load_defaults)
    except DatabaseError as e:
        raise CliError(str(e)) from e


def _now():
    from bot.runtime import utc_now

    return utc_now()


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings()
    if not settings.telegram_bot_token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    from telegram.error import InvalidToken

    from storage.locks import AlreadyRunning, claim_process

    try:  # first: a refused second process prints one line and opens nothing
        process_lock = claim_process(settings.database_url)
    except AlreadyRunning as e:
        raise CliError(str(e)) from e
    from bot.app import build_application
    from bot.service import Service, serve
    from bot.startup import StartupError, check_extractor, mask_token
    from storage.schema_check import sqlite_is_current

    try:
        check_extractor()
    except StartupError as e:
        raise CliError(str(e)) from e
    if sqlite_is_current(settings.database_url):  # poll first; bot.service opens the database right after
        application = build_application(settings, None)
        service = Service(application, settings, None, open_db=lambda: _open_db(settings))
    else:  # a new database, a migration to run, or PostgreSQL (the leader election needs it)
        db = _open_db(settings)
        application = build_application(settings, db, leader_jobs=False,  # the role loop adds the leader's jobs
                                        defaults=False)  # _open_db loaded them
        service = Service(application, settings, db)
    service.hold(process_lock)
    try:  # serve's initialize is the one getMe, retried while Telegram is unreachable
        asyncio.run(serve(application, settings, service))
    except StartupError as e:
        raise CliError(str(e)) from e
    except InvalidToken as e:
        raise CliError(f"Telegram rejected the token {mask_token(settings.telegram_bot_token)}. Check "
                       "TELEGRAM_BOT_TOKEN; @BotFather's /token shows it again.") from e
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from bot.startup import StartupError, check_extractor
    from core.render import plural

    settings = _settings()
    try:
        check_extractor()
    except StartupError as e:
        raise CliError(str(e)) from e
    db = _open_db(settings)
    from bot.scheduling import ingest_options
    from jobs.detector import DetectorCache
    from jobs.fetch import make_client
    from jobs.ingest import run_ingest

    if args.all:
        from storage import feeds as feed_store

        with db.session() as s:
            feed_store.make_feeds_due(s, _now())

    async def once() -> int:
        detector = DetectorCache()
        try:
            async with make_client() as client:
                runs = await run_ingest(db, client, _now(), detector, ingest_options(settings))
        finally:
            detector.close()  # the decide worker, if BRIEFBOT_INGEST_WORKER started one
        for run in runs:
            print(run.line())
        if not runs:
            print("no feed is due; nothing fetched. `briefbot feeds list` shows when each is next due; "
                  "`briefbot ingest --once --all` fetches every feed now")
        if settings.telegram_bot_token:
            from telegram import Bot

            from bot.sender import TelegramSender
            from jobs.deliver import deliver_due

            async with Bot(settings.telegram_bot_token, base_url=settings.telegram_api_url) as bot:
                report = await deliver_due(db, TelegramSender(bot), _now())
            print(f"delivered {plural(report.sent, 'message')}, {report.retried} to retry, {report.dead} given up")
        return 1 if runs and all(r.status == "error" for r in runs) else 0

    return asyncio.run(once())


def cmd_analyze(args: argparse.Namespace) -> int:
    from bot.analyze_files import analyze_file, format_report
    from jobs.detector import DetectorCache
    from storage.defaults import default_watchlist

    if args.database:
        settings = _settings()
        matcher = DetectorCache().current(_open_db(settings))
    else:
        matcher = DetectorCache().matcher_for(default_watchlist())
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            raw = path.read_bytes()
        except OSError as e:
            print(f"briefbot analyze: cannot read {name}: {e.strerror}", file=sys.stderr)
            status = 2
            continue
        result = analyze_file(matcher, str(path), raw, explain_misses=args.explain_misses)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(format_report(result, color=sys.stdout.isatty()))
    return status


def _feed_line(f, now) -> str:
    """One feed for `feeds list`: state, last and next fetch (UTC), items, last error."""
    def when(at) -> str:
        return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")

    if f.paused:
        state = "paused"
    elif f.last_error:
        state = "error"
    else:
        state = "ok" if f.last_ok_at else "new"
    last = f"last fetch: {when(f.last_fetch_at)}" if f.last_fetch_at else "never fetched"
    if f.paused:
        due = "not fetched while paused"
    elif f.next_fetch_at is None or f.next_fetch_at <= now:
        due = "next: due now"
    else:
        due = f"next: {when(f.next_fetch_at)}"
    err = f"  last error: {f.last_error}" if f.last_error else ""
    return f"{f.url}  [{state}] {last}, {due}  items: {f.items_total}{err}"


def cmd_feeds(args: argparse.Namespace) -> int:
    from bot import operations
    from bot.handlers.feeds import added_text
    from core.opml import OpmlFeed, to_opml
    from core.render import plural
    from storage import feeds as feed_store

    settings = _settings()
    db = _open_db(settings)
    now = _now()
    if args.action in ("list", "export"):
        with db.session() as s:
            rows = feed_store.list_feeds(s)
        if args.action == "export":
            print(to_opml([OpmlFeed(f.url, f.title or f.url) for f in rows], "briefbot feeds"))
        for f in rows if args.action == "list" else ():
            print(_feed_line(f, now))
        if not rows and args.action == "list":
            print("no feeds; add one with: briefbot feeds add URL")
        return 0
    if args.action == "add":
        async def add():
            from jobs.fetch import make_client

            async with make_client() as client:
                return await operations.add_feed(db, client, args.target, now, user_id=None,
                                                 allow_private=settings.allow_private_urls, paused=args.paused)

        result = asyncio.run(add())
        if result.outcome == "refused":
            raise CliError(f"not added: {result.problem}"
                           + ("" if "only http" in (result.problem or "") else
                              f". To add it anyway, paused: briefbot feeds add {args.target} --paused"))
        print(_plain(added_text(result)).removeprefix("✅ ").removeprefix("⏸ ")
              .replace("/feed resume", "briefbot feeds resume"))
        return 0
    if args.action in ("remove", "pause", "resume", "fulltext"):
        action = f"fulltext {args.state}" if args.action == "fulltext" else args.action
        if not operations.change_feed(db, args.target, action, now, user_id=None):
            raise CliError(f"no feed with the URL {args.target}; `briefbot feeds list` shows them")
        done = {"remove": "removed", "pause": "paused", "resume": "resumed"}.get(action)
        print(f"{done} {args.target}" if done else f"full text for teasers {args.state} for {args.target}")
        return 0
    # import
    try:
        data = Path(args.target).read_bytes()
    except OSError as e:
        raise CliError(f"cannot read {args.target}: {e.strerror}") from e
    try:
        result = asyncio.run(operations.import_feeds(db, data, now, user_id=None,
                                                     allow_private=settings.allow_private_urls))
    except operations.OperationError as e:
        raise CliError(f"{args.target}: {e}") from e
    for url, problem in result.refused:
        print(f"refused {url}: {problem}", file=sys.stderr)
    print(f"{plural(len(result.added), 'feed')} added, {len(result.present)} already present, "
          f"{len(result.refused)} refused")
    return 0


def _plain(html_text: str) -> str:
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


def cmd_watchlist(args: argparse.Namespace) -> int:
    import tomli_w

    from bot import operations
    from core.watchlist import watchlist_to_dict
    from storage import watchlist as wl_store

    settings = _settings()
    db = _open_db(settings)
    if args.action == "export":
        with db.session() as s:
            sys.stdout.write(tomli_w.dumps(watchlist_to_dict(wl_store.load_watchlist(s))))
        return 0
    try:
        data = Path(args.file).read_bytes()
    except OSError as e:
        raise CliError(f"cannot read {args.file}: {e.strerror}") from e
    try:
        plan = operations.import_watchlist(db, data, _now(), user_id=None, replace=args.replace)
    except operations.OperationError as e:
        raise CliError(f"{args.file}: {e}; nothing was changed") from e
    removed = len(plan.removed_officials) + len(plan.removed_topics) + len(plan.removed_gazetteer)
    print(f"watchlist {'replaced' if args.replace else 'merged'}: {len(plan.added)} added, "
          f"{len(plan.changed)} changed, {removed} removed, {len(plan.unchanged)} unchanged, "
          f"{len(plan.refused)} refused")
    for entry, reason in plan.refused:
        print(f"refused {entry}: {reason}", file=sys.stderr)
    return 1 if plan.refused else 0


def cmd_briefing(args: argparse.Namespace) -> int:
    from core.render import plural
    from jobs.digests import compose_for_chat
    from storage import chats

    if not args.preview:
        raise CliError("only --preview is supported: briefings are sent by `briefbot run` at each chat's time, "
                       "or at once with /briefing in the chat. Example: briefbot briefing --chat 123456 --preview")
    db = _open_db(_settings())
    with db.session() as s:
        chat = chats.get_chat(s, args.chat)
        if chat is None:
            raise CliError(f"no chat with the id {args.chat}; a chat is known once it has sent /start")
        parts = compose_for_chat(s, chat, _now())
    for n, part in enumerate(parts, start=1):
        if len(parts) > 1:
            print(f"--- message {n} of {len(parts)} ({plural(len(part), 'character')}) ---")
        print(part if args.html else _plain(part))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description="Telegram bot for daily briefing alerts.")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log library detail too (job runs, migrations, HTTP requests); "
                             "BRIEFBOT_LOG_LEVEL sets the level")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("run", help="run the bot: long polling plus the scheduled jobs").set_defaults(func=cmd_run)

    ingest = sub.add_parser("ingest", help="one fetch/detect/alert cycle")
    ingest.add_argument("--once", action="store_true", required=True, help="run one cycle and exit")
    ingest.add_argument("--all", action="store_true",
                        help="fetch every feed that is not paused now, not only the ones due")
    ingest.set_defaults(func=cmd_ingest)

    analyze = sub.add_parser("analyze", help="detection and summary for text or HTML files")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.add_argument("--json", action="store_true", help="one JSON object per line per file")
    analyze.add_argument("--explain-misses", action="store_true",
                         help="also list near-misses: words close to a tracked name, roles that named nobody")
    analyze.add_argument("--database", action="store_true",
                         help="use the watchlist stored in DATABASE_URL instead of the default one")
    analyze.set_defaults(func=cmd_analyze)

    feeds = sub.add_parser("feeds", help="manage feeds")
    feeds_sub = feeds.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = feeds_sub.add_parser("add", help="fetch a feed URL once and add it (refused with the reason if it fails)")
    add.add_argument("target", metavar="URL")
    add.add_argument("--paused", action="store_true", help="add it even if the fetch fails, paused, keeping the error")
    for name, helptext in (("remove", "remove a feed URL"), ("pause", "stop fetching a feed"),
                           ("resume", "fetch a paused feed again"), ("import", "add the feeds of an OPML file")):
        p = feeds_sub.add_parser(name, help=helptext)
        p.add_argument("target", metavar="OPML" if name == "import" else "URL")
    fulltext = feeds_sub.add_parser("fulltext", help="fetch article pages for teaser entries: on (default) or off")
    fulltext.add_argument("target", metavar="URL")
    fulltext.add_argument("state", choices=("on", "off"))
    feeds_sub.add_parser("list", help="list feeds with their status and when each is next fetched")
    feeds_sub.add_parser("export", help="print the feeds as OPML")
    feeds.set_defaults(func=cmd_feeds)

    # "briefing" everywhere; "digest" is the earlier name of the same command, kept working.
    digest = sub.add_parser("briefing", aliases=["digest"], help="print a chat's briefing as it would be sent now")
    digest.add_argument("--chat", type=int, required=True, metavar="ID", help="the Telegram chat id")
    digest.add_argument("--preview", action="store_true", help="print it; nothing is sent or recorded")
    digest.add_argument("--html", action="store_true", help="print the Telegram HTML instead of plain text")
    digest.set_defaults(func=cmd_briefing)

    wl = sub.add_parser("watchlist", help="export or import the watchlist (TOML)")
    wl_sub = wl.add_subparsers(dest="action", required=True, metavar="ACTION")
    wl_sub.add_parser("export", help="print the watchlist as TOML")
    imp = wl_sub.add_parser("import", help="merge a TOML file into the watchlist by name (validated first)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--replace", action="store_true", help="also remove officials and topics the file lacks")
    wl.set_defaults(func=cmd_watchlist)
    return parser


def main(argv: list[str] | None = None) -> int:
    from bot.settings import LogSettings
    from bot.startup import configure_logging

    args = build_parser().parse_args(argv)
    try:
        level = LogSettings().log_level
    except ValidationError:
        level = "INFO"  # the full settings check reports it
    configure_logging(level, verbose=args.verbose)
    try:
        return args.func(args)
    except CliError as e:
        print(f"briefbot {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
