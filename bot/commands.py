"""The command catalogue: one place for names, descriptions, usage and examples.

Used for /help, the command menus (setMyCommands) and usage replies to wrong arguments.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str
    description: str
    usage: str
    example: str
    admin: bool = False


SUBSCRIBER_COMMANDS = (
    Command("start", "Subscribe this chat to alerts", "/start", "/start"),
    Command("stop", "Unsubscribe this chat", "/stop", "/stop"),
    Command("help", "List commands", "/help", "/help"),
)

ADMIN_COMMANDS = (
    Command("feed", "Add, remove, pause or resume a feed", "/feed add|remove|pause|resume URL",
            "/feed add https://example.org/rss.xml", admin=True),
    Command("feeds", "List feeds with their status", "/feeds", "/feeds", admin=True),
    Command("track", "Track an official", "/track NAME [| alias, alias]",
            "/track Ali Larijani | Larijani, لاریجانی", admin=True),
    Command("untrack", "Stop tracking an official", "/untrack NAME", "/untrack Ali Larijani", admin=True),
    Command("alias", "Add an alias to an official", "/alias NAME | ALIAS", "/alias Abbas Araghchi | Araqchi", admin=True),
    Command("unalias", "Remove an alias", "/unalias NAME | ALIAS", "/unalias Abbas Araghchi | Araqchi", admin=True),
    Command("role", "Add a role phrase that means an official", "/role NAME | PHRASE",
            "/role Abbas Araghchi | Iran's top diplomat", admin=True),
    Command("topic", "Create or extend a topic with terms", "/topic NAME | term, term, ...",
            "/topic enrichment | enrichment, centrifuge*, uranium stockpile", admin=True),
    Command("test", "Show what a text would match and why", "/test TEXT",
            "/test Iran's foreign minister met Witkoff in Muscat", admin=True),
)

ALL_COMMANDS = SUBSCRIBER_COMMANDS + ADMIN_COMMANDS
BY_NAME = {c.name: c for c in ALL_COMMANDS}


def usage_text(name: str) -> str:
    c = BY_NAME[name]
    return f"Usage: {c.usage}\nExample: {c.example}"
