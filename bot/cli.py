"""The `briefbot` command line. Errors go to stderr as one clear paragraph, never a traceback."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tomllib
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from bot.settings import DEFAULT_API_URL, Settings

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
    db = _open_db(settings)
    application = build_application(settings, db, leader_jobs=False)  # the role loop adds the leader's jobs
    service = Service(application, settings, db)
    service.hold(process_lock)
    logging.getLogger(__name__).info("briefbot starting (database %s, API %s)",
                                     db.engine.url.render_as_string(hide_password=True),
                                     "official" if settings.telegram_api_url == DEFAULT_API_URL else settings.telegram_api_url)
    try:
        asyncio.run(serve(application, settings, db, service))
    except InvalidToken as e:
        raise CliError(f"Telegram rejected the token ({e}). Check TELEGRAM_BOT_TOKEN; @BotFather's /token shows it again.") from e
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    settings = _settings()
    db = _open_db(settings)
    from bot.scheduling import ingest_options
    from jobs.detector import DetectorCache
    from jobs.fetch import make_client
    from jobs.ingest import run_ingest

    async def once() -> int:
        async with make_client() as client:
            runs = await run_ingest(db, client, _now(), DetectorCache(), ingest_options(settings))
        for run in runs:
            print(run.line())
        if not runs:
            print("no feed is due; nothing fetched (briefbot feeds list shows when each is next due)")
        if settings.telegram_bot_token:
            from telegram import Bot

            from bot.sender import TelegramSender
            from jobs.deliver import deliver_due

            async with Bot(settings.telegram_bot_token, base_url=settings.telegram_api_url) as bot:
                report = await deliver_due(db, TelegramSender(bot), _now())
            print(f"delivered {report.sent} message(s), {report.retried} to retry, {report.dead} given up")
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
        result = analyze_file(matcher, str(path), raw)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(format_report(result, color=sys.stdout.isatty()))
    return status


def cmd_feeds(args: argparse.Namespace) -> int:
    from core.opml import OpmlError, OpmlFeed, parse_opml, to_opml
    from jobs.urlguard import check_feed_url
    from storage import admin as admin_store
    from storage import feeds as feed_store

    settings = _settings()
    db = _open_db(settings)
    now = _now()
    with db.session() as s:
        if args.action == "list":
            rows = feed_store.list_feeds(s)
            for f in rows:
                state = "paused" if f.paused else ("error" if f.last_error else "ok")
                last = f.last_fetch_at.isoformat(timespec="seconds") if f.last_fetch_at else "never"
                err = f"  last error: {f.last_error}" if f.last_error else ""
                print(f"{f.url}  [{state}] last fetch: {last}  items: {f.items_total}{err}")
            if not rows:
                print("no feeds; add one with: briefbot feeds add URL")
            return 0
        if args.action == "export":
            print(to_opml([OpmlFeed(f.url, f.title or f.url) for f in feed_store.list_feeds(s)], "briefbot feeds"))
            return 0
        if args.action == "add":
            problem = check_feed_url(args.target, settings.allow_private_urls)
            if problem:
                raise CliError(f"not added: {problem}")
            _, created = feed_store.add_feed(s, args.target, now)
            if created:
                admin_store.record_action(s, now, None, "feed.add", f"{args.target} (cli)")
            print(f"added {args.target}" if created else f"{args.target} is already in the list")
            return 0
        if args.action == "fulltext":
            if not feed_store.set_feed_full_text(s, args.target, args.state == "on"):
                raise CliError(f"no feed with the URL {args.target}; `briefbot feeds list` shows them")
            admin_store.record_action(s, now, None, "feed.fulltext", f"{args.target} {args.state} (cli)")
            print(f"full text for teasers {args.state} for {args.target}")
            return 0
        if args.action == "remove":
            if not feed_store.remove_feed(s, args.target):
                raise CliError(f"no feed with the URL {args.target}; `briefbot feeds list` shows them")
            admin_store.record_action(s, now, None, "feed.remove", f"{args.target} (cli)")
            print(f"removed {args.target}")
            return 0
        # import
        try:
            entries = parse_opml(Path(args.target).read_bytes())
        except OSError as e:
            raise CliError(f"cannot read {args.target}: {e.strerror}") from e
        except OpmlError as e:
            raise CliError(f"{args.target} is not a usable OPML file: {e}") from e
        added = refused = 0
        for entry in entries:
            problem = check_feed_url(entry.url, settings.allow_private_urls)
            if problem:
                print(f"refused {entry.url}: {problem}", file=sys.stderr)
                refused += 1
                continue
            added += feed_store.add_feed(s, entry.url, now, title=entry.title)[1]
        admin_store.record_action(s, now, None, "feed.import", f"{args.target}: {added} added (cli)")
        print(f"{added} feed(s) added, {len(entries) - added - refused} already present, {refused} refused")
        return 0


def cmd_watchlist(args: argparse.Namespace) -> int:
    from core.watchlist import WatchlistError, watchlist_from_dict, watchlist_to_dict
    from storage import admin as admin_store
    from storage import watchlist as wl_store

    settings = _settings()
    db = _open_db(settings)
    with db.session() as s:
        if args.action == "export":
            sys.stdout.write(tomli_w.dumps(watchlist_to_dict(wl_store.load_watchlist(s))))
            return 0
        try:
            data = tomllib.loads(Path(args.file).read_text("utf-8"))
            watchlist = watchlist_from_dict(data)
        except OSError as e:
            raise CliError(f"cannot read {args.file}: {e.strerror}") from e
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise CliError(f"{args.file} is not valid TOML: {e}") from e
        except WatchlistError as e:
            raise CliError(f"{args.file}: {e}; nothing was changed") from e
        wl_store.replace_watchlist(s, watchlist)
        admin_store.record_action(s, _now(), None, "watchlist.import", f"{args.file} (cli)")
        print(f"watchlist replaced: {len(watchlist.officials)} officials, {len(watchlist.topics)} topics")
        return 0


def cmd_digest(args: argparse.Namespace) -> int:
    import html
    import re

    from jobs.digests import compose_for_chat
    from storage import chats

    if not args.preview:
        raise CliError("only --preview is supported: briefings are sent by `briefbot run` at each chat's time, "
                       "or at once with /briefing in the chat. Example: briefbot digest --chat 123456 --preview")
    db = _open_db(_settings())
    with db.session() as s:
        chat = chats.get_chat(s, args.chat)
        if chat is None:
            raise CliError(f"no chat with the id {args.chat}; a chat is known once it has sent /start")
        parts = compose_for_chat(s, chat, _now())
    for n, part in enumerate(parts, start=1):
        if len(parts) > 1:
            print(f"--- message {n} of {len(parts)} ({len(part)} characters) ---")
        print(part if args.html else html.unescape(re.sub(r"<[^>]+>", "", part)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description="Telegram bot for daily briefing alerts.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("run", help="run the bot: long polling plus the scheduled jobs").set_defaults(func=cmd_run)

    ingest = sub.add_parser("ingest", help="one fetch/detect/alert cycle")
    ingest.add_argument("--once", action="store_true", required=True, help="run one cycle and exit")
    ingest.set_defaults(func=cmd_ingest)

    analyze = sub.add_parser("analyze", help="detection and summary for text or HTML files")
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.add_argument("--json", action="store_true", help="one JSON object per line per file")
    analyze.add_argument("--database", action="store_true",
                         help="use the watchlist stored in DATABASE_URL instead of the default one")
    analyze.set_defaults(func=cmd_analyze)

    feeds = sub.add_parser("feeds", help="manage feeds")
    feeds_sub = feeds.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, helptext in (("add", "add a feed URL"), ("remove", "remove a feed URL"),
                           ("import", "add the feeds of an OPML file")):
        p = feeds_sub.add_parser(name, help=helptext)
        p.add_argument("target", metavar="OPML" if name == "import" else "URL")
    fulltext = feeds_sub.add_parser("fulltext", help="fetch article pages for teaser entries: on (default) or off")
    fulltext.add_argument("target", metavar="URL")
    fulltext.add_argument("state", choices=("on", "off"))
    feeds_sub.add_parser("list", help="list feeds with their status")
    feeds_sub.add_parser("export", help="print the feeds as OPML")
    feeds.set_defaults(func=cmd_feeds)

    digest = sub.add_parser("digest", help="print a chat's briefing as it would be sent now")
    digest.add_argument("--chat", type=int, required=True, metavar="ID", help="the Telegram chat id")
    digest.add_argument("--preview", action="store_true", help="print it; nothing is sent or recorded")
    digest.add_argument("--html", action="store_true", help="print the Telegram HTML instead of plain text")
    digest.set_defaults(func=cmd_digest)

    wl = sub.add_parser("watchlist", help="export or import the watchlist (TOML)")
    wl_sub = wl.add_subparsers(dest="action", required=True, metavar="ACTION")
    wl_sub.add_parser("export", help="print the watchlist as TOML")
    imp = wl_sub.add_parser("import", help="replace the watchlist with a TOML file (validated first)")
    imp.add_argument("file", metavar="FILE")
    wl.set_defaults(func=cmd_watchlist)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CliError as e:
        print(f"briefbot {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
