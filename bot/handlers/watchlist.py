"""Admin commands that shape detection: /track /untrack /alias /unalias /role /topic /test.

Changes are stored at once and picked up by the next ingest (the detector cache rebuilds
when the stored watchlist differs), with no restart.
"""

from __future__ import annotations

import asyncio
import dataclasses

from telegram import Update

from bot.handlers.guards import admin_only, command_text, split_list, split_pipe, usage
from bot.replies import reply
from bot.runtime import Context, Runtime, runtime
from core.model import Alias, Official, Topic, Watchlist
from core.render import esc, render_test
from storage import admin as admin_store
from storage import watchlist as wl_store


def _find(watchlist: Watchlist, name: str) -> Official | None:
    folded = name.casefold()
    return next((o for o in watchlist.officials if o.name.casefold() == folded), None)


def _name_and_rest(text: str, watchlist: Watchlist) -> tuple[str, str]:
    """'NAME | X' or 'NAME X' where NAME is a tracked official's full name."""
    if "|" in text:
        return split_pipe(text)
    folded = text.casefold()
    for o in sorted(watchlist.officials, key=lambda o: -len(o.name)):
        if folded.startswith(o.name.casefold() + " ") or folded == o.name.casefold():
            return o.name, text[len(o.name):].strip()
    return text, ""


def parse_alias_flags(value: str) -> Alias:
    """'Trump --case' -> Alias('Trump', case_sensitive=True); '--context' sets needs_context."""
    words = value.split()
    flags = {w for w in words if w in ("--case", "--context")}
    text = " ".join(w for w in words if w not in flags)
    return Alias(text, case_sensitive="--case" in flags, needs_context="--context" in flags)


def _load(rt: Runtime) -> Watchlist:
    with rt.db.session() as s:
        return wl_store.load_watchlist(s)


def _save_official(rt: Runtime, official: Official, user_id: int, action: str, detail: str) -> None:
    with rt.db.session() as s:
        wl_store.save_official(s, official)
        admin_store.record_action(s, rt.clock(), user_id, action, detail)


@admin_only
async def track(update: Update, context: Context) -> None:
    """Track a new official, optionally with aliases."""
    name, rest = split_pipe(command_text(update))
    if not name:
        await usage(update, "track", "Give the official's full name.")
        return
    rt = runtime(context)
    aliases = split_list(rest)
    from core.watchlist import alias_problem  # detection's word lists: loaded at the first use, not at start

    refused = {a: p for a in aliases if (p := alias_problem(a))}
    watchlist = await asyncio.to_thread(_load, rt)
    existing = _find(watchlist, name)
    base = existing or Official(name, (Alias(name),))
    known = {a.text.casefold() for a in base.aliases}
    added = tuple(Alias(a) for a in aliases if a not in refused and a.casefold() not in known)
    await asyncio.to_thread(_save_official, rt, dataclasses.replace(base, aliases=base.aliases + added), update.effective_user.id,
                   "watchlist.track", f"{name} | {', '.join(a.text for a in added)}")
    lines = [f"✅ {'Updated' if existing else 'Now tracking'} <b>{esc(base.name)}</b>"
             + (f" with aliases: {esc(', '.join(a.text for a in added))}" if added else "") + "."]
    lines += [f"Refused alias {esc(a)}: {esc(p)}" for a, p in refused.items()]
    await reply(update, "\n".join(lines))


@admin_only
async def untrack(update: Update, context: Context) -> None:
    """Stop tracking an official."""
    name = command_text(update)
    if not name:
        await usage(update, "untrack", "Give the official's full name.")
        return
    rt, user_id = runtime(context), update.effective_user.id

    def delete(s) -> bool:
        done = wl_store.delete_official(s, name)
        if done:
            admin_store.record_action(s, rt.clock(), user_id, "watchlist.untrack", name)
        return done

    done = await rt.in_session(delete)
    await reply(update, f"✅ No longer tracking {esc(name)}." if done else
                f"{esc(name)} is not on the watchlist. /test shows what is tracked.")


_DESCRIPTION_FLAG = "--description"


async def _edit_official(update: Update, context: Context, command: str) -> None:
    rt = runtime(context)
    watchlist = await asyncio.to_thread(_load, rt)
    name, value = _name_and_rest(command_text(update), watchlist)
    if not name or not value:
        await usage(update, command, "Give the official's full name and then the text, separated by |.")
        return
    official = _find(watchlist, name)
    if official is None:
        await reply(update, f"{esc(name)} is not on the watchlist. Add it first with /track {esc(name)}.")
        return
    if command == "alias":
        new = parse_alias_flags(value)
        value = new.text
        from core.watchlist import alias_problem

        problem = alias_problem(new.text, case_sensitive=new.case_sensitive, needs_context=new.needs_context)
        if problem:
            await reply(update, f"❌ Alias {esc(value)} refused: {esc(problem)}. Flags --case (capitals must "
                                "match) or --context (only near a title or full name) can guard a common word.")
            return
        if any(a.text.casefold() == value.casefold() for a in official.aliases):
            await reply(update, f"{esc(official.name)} already has the alias {esc(value)}.")
            return
        changed = dataclasses.replace(official, aliases=official.aliases + (new,))
        flags = [f for f, on in (("case-sensitive", new.case_sensitive), ("needs context", new.needs_context)) if on]
        message = f"✅ Added alias {esc(value)} to {esc(official.name)}" + (f" ({', '.join(flags)})." if flags else ".")
    elif command == "unalias":
        kept = tuple(a for a in official.aliases if a.text.casefold() != value.casefold())
        if len(kept) == len(official.aliases):
            await reply(update, f"{esc(official.name)} has no alias {esc(value)}.")
            return
        changed = dataclasses.replace(official, aliases=kept)
        message = f"✅ Removed alias {esc(value)} from {esc(official.name)}."
    elif value.endswith(_DESCRIPTION_FLAG):
        from core.watchlist import description_problem

        value = value.removesuffix(_DESCRIPTION_FLAG).strip()
        problem = description_problem(value)
        if problem:
            await reply(update, f"❌ Description {esc(value)} refused: {esc(problem)}.")
            return
        changed = dataclasses.replace(official, descriptions=official.descriptions + (value,))
        message = (f"✅ {esc(value)} now describes {esc(official.name)} in articles that name another tracked "
                   "official or topic.")
    else:
        from core.watchlist import role_problem

        problem = role_problem(value)
        if problem:
            await reply(update, f"❌ Role {esc(value)} refused: {esc(problem)}.")
            return
        changed = dataclasses.replace(official, roles=official.roles + (value,))
        message = f"✅ {esc(value)} now refers to {esc(official.name)}."
    await asyncio.to_thread(_save_official, rt, changed, update.effective_user.id, f"watchlist.{command}", f"{official.name} | {value}")
    await reply(update, message)


@admin_only
async def alias(update: Update, context: Context) -> None:
    """Add an alias to a tracked official."""
    await _edit_official(update, context, "alias")


@admin_only
async def unalias(update: Update, context: Context) -> None:
    """Remove an alias from a tracked official."""
    await _edit_official(update, context, "unalias")


@admin_only
async def role(update: Update, context: Context) -> None:
    """Add a role phrase that refers to a tracked official."""
    await _edit_official(update, context, "role")


@admin_only
async def topic(update: Update, context: Context) -> None:
    """Create a topic, or add terms to its first term group."""
    name, rest = split_pipe(command_text(update))
    terms = split_list(rest)
    if not name or not terms:
        await usage(update, "topic", "Give the topic name, then | and its terms separated by commas.")
        return
    from core.watchlist import term_problem

    refused = {t: p for t in terms if (p := term_problem(t))}
    terms = [t for t in terms if t not in refused]
    rt = runtime(context)
    watchlist = await asyncio.to_thread(_load, rt)
    current = next((t for t in watchlist.topics if t.name.casefold() == name.casefold()), None)
    if current is None:
        updated = Topic(name, (tuple(terms),)) if terms else None
    else:
        first = current.groups[0] if current.groups else ()
        merged = first + tuple(t for t in terms if t not in first)
        updated = dataclasses.replace(current, groups=(merged,) + tuple(current.groups[1:]))
    lines = []
    if updated is not None and terms:
        user_id = update.effective_user.id

        def save(s) -> None:
            wl_store.save_topic(s, updated)
            admin_store.record_action(s, rt.clock(), user_id, "watchlist.topic", f"{updated.name} | {', '.join(terms)}")

        await rt.in_session(save)
        lines.append(f"✅ Topic <b>{esc(updated.name)}</b> matches: {esc(', '.join(updated.groups[0]))}"
                     + (" (together with its other term groups)" if len(updated.groups) > 1 else "") + ".")
    lines += [f"Refused term {esc(t)}: {esc(p)}" for t, p in refused.items()]
    await reply(update, "\n".join(lines))


@admin_only
async def test(update: Update, context: Context) -> None:
    """Show what a text would match and why."""
    text = command_text(update)
    if not text:
        await usage(update, "test", "Give a sentence or paragraph to test.")
        return
    rt = runtime(context)
    matcher = await asyncio.to_thread(rt.detector.current, rt.db)
    detection = await asyncio.to_thread(matcher.scan, text)
    if not detection:
        await reply(update, "No tracked official or topic matches this text.")
        return
    await reply(update, render_test(detection.mentions))
