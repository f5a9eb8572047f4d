"""The command catalogue: one place for names, descriptions, usage and examples.

Used for /help, the command menus (setMyCommands) and usage replies to wrong arguments.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import BotCommand


@dataclass(frozen=True)
class Command:
    name: str
    description: str
    usage: str
    example: str
    admin: bool = False


SUBSCRIBER_COMMANDS = (
    Command("start", "Subscribe this chat to alerts", "/start [follow_NAME]", "/start follow_sanctions"),
    Command("stop", "Unsubscribe this chat", "/stop", "/stop"),
    Command("briefing", "Send the briefing now; on/off for the daily one", "/briefing [on|off]", "/briefing"),
    Command("latest", "Latest stories you follow, or about one name", "/latest [NAME]", "/latest Oman talks"),
    Command("follow", "Follow an official or topic (default: all)", "/follow [NAME]", "/follow Abbas Araghchi"),
    Command("unfollow", "Stop following an official or topic", "/unfollow NAME", "/unfollow sanctions"),
    Command("alerts", "Instant alerts on or off", "/alerts on|off", "/alerts off"),
    Command("time", "Local time of the daily briefing", "/time HH:MM", "/time 07:30"),
    Command("timezone", "This chat's time zone", "/timezone Area/City", "/timezone Asia/Tehran"),
    Command("quiet", "Quiet hours: alerts silent or held for the briefing", "/quiet HH:MM-HH:MM [silent|hold] | off",
            "/quiet 22:00-07:00 hold"),
    Command("settings", "Alerts, briefing, time, officials and topics, by buttons", "/settings", "/settings"),
    Command("search", "Search stored articles, newest first", "/search WORDS", "/search Araghchi Muscat"),
    Command("why", "What matched in an alert, and where", "/why (as a reply to an alert)", "/why"),
    Command("help", "List commands", "/help [COMMAND]", "/help search"),
)

ADMIN_COMMANDS = (
    Command("feed", "Add (fetched once first), remove, pause or resume a feed; full text on or off",
            "/feed add URL [--paused] · /feed remove|pause|resume URL · /feed fulltext URL on|off",
            "/feed add https://example.org/rss.xml", admin=True),
    Command("feeds", "List feeds with their status", "/feeds", "/feeds", admin=True),
    Command("track", "Track an official", "/track NAME [| alias, alias]",
            "/track Ali Larijani | Larijani, لاریجانی", admin=True),
    Command("untrack", "Stop tracking an official", "/untrack NAME", "/untrack Ali Larijani", admin=True),
    Command("alias", "Add an alias to an official (--case: capitals must match; --context: only near a title "
                     "or the full name)", "/alias NAME | ALIAS [--case] [--context]",
            "/alias Abbas Araghchi | Araqchi", admin=True),
    Command("unalias", "Remove an alias", "/unalias NAME | ALIAS", "/unalias Abbas Araghchi | Araqchi", admin=True),
    Command("role", "Add a role phrase that means an official (--description: a biography that identifies the official, "
                    "counted only in articles naming another tracked official or topic)",
            "/role NAME | PHRASE [--description]", "/role Abbas Araghchi | Iran's top diplomat", admin=True),
    Command("topic", "Create or extend a topic with terms", "/topic NAME | term, term, ...",
            "/topic enrichment | enrichment, centrifuge*, uranium stockpile", admin=True),
    Command("test", "Show what a text would match and why", "/test TEXT",
            "/test Iran's foreign minister met Witkoff in Muscat", admin=True),
    Command("watchlist", "Browse the watchlist, page by page", "/watchlist [PAGE]", "/watchlist 2", admin=True),
    Command("export", "Download the watchlist (TOML) and the feeds (OPML)", "/export", "/export", admin=True),
    Command("import", "Load a watchlist .toml or feeds .opml file", "/import [replace] (as the caption of the file)",
            "/import (caption of watchlist.toml)", admin=True),
    Command("stats", "Subscribers, feed health, today's alerts, outbox queue", "/stats", "/stats", admin=True),
    Command("audit", "The latest admin actions", "/audit [COUNT]", "/audit 30", admin=True),
    Command("admin", "List admins; owners add or remove them", "/admin add|remove USER_ID, /admin list",
            "/admin add 123456789", admin=True),
    Command("broadcast", "Owners: send a message to every subscribed chat", "/broadcast TEXT",
            "/broadcast Maintenance tonight at 22:00 UTC", admin=True),
)

ALL_COMMANDS = SUBSCRIBER_COMMANDS + ADMIN_COMMANDS
BY_NAME = {c.name: c for c in ALL_COMMANDS}


def bot_commands(admin: bool = False) -> list[BotCommand]:
    """The command menu (setMyCommands): subscriber commands, plus admin ones for admins."""
    chosen = ALL_COMMANDS if admin else SUBSCRIBER_COMMANDS
    return [BotCommand(c.name, c.description) for c in chosen]


def usage_text(name: str) -> str:
    c = BY_NAME[name]
    return f"Usage: {c.usage}\nExample: {c.example}"
