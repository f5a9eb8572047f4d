"""The /settings message: text and inline keyboard for one chat, one screen at a time.

Every button's callback data starts with ``set:`` and stays far below Telegram's 64 bytes:
follow buttons carry the watchlist row id, never a name. Screens: home, time, tz, quiet,
follow pages. Values are checked again by core.prefs when a button is pressed, since
callback data can be forged.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from core.render import render_settings
from storage.chats import ChatInfo

PREFIX = "set:"
TIMES = ("06:00", "07:00", "08:00", "09:00", "12:00", "18:00", "21:00")
ZONES = ("UTC", "Asia/Tehran", "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Dubai")
QUIET = ("22:00-07:00", "23:00-06:00", "00:00-08:00")
FOLLOW_PAGE = 8
WatchName = tuple[str, int, str]  # (kind, row id, name), from storage.watchlist.list_names


@dataclass(frozen=True)
class View:
    text: str
    markup: InlineKeyboardMarkup


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=PREFIX + data)


def _on(flag: bool) -> str:
    return "on" if flag else "off"


def summary(chat: ChatInfo, follows: list[tuple[str, str]]) -> str:
    """The settings in words, shown above every screen's buttons (rendered by core.render)."""
    return render_settings(
        where=chat.title if chat.title and chat.type != "private" else None, subscribed=chat.subscribed,
        alerts=chat.alerts_enabled, briefing=chat.briefing_enabled, briefing_time=chat.briefing_time,
        zone_name=chat.timezone,
        quiet=(chat.quiet_start, chat.quiet_end) if chat.quiet_start and chat.quiet_end else None,
        quiet_mode=chat.quiet_mode, follows=[name for _, name in follows], in_topic=chat.thread_id is not None)


def home(chat: ChatInfo, follows: list[tuple[str, str]]) -> View:
    quiet = f"{chat.quiet_start}–{chat.quiet_end}" if chat.quiet_start else "off"
    rows = [
        [_button(f"🔔 Alerts: {_on(chat.alerts_enabled)}", "alerts"),
         _button(f"📰 Briefing: {_on(chat.briefing_enabled)}", "brief")],
        [_button(f"🕗 Time: {chat.briefing_time}", "time"), _button(f"🌍 {chat.timezone}", "tz")],
        [_button("🎯 Officials & topics", "fp:0"), _button(f"🌙 Quiet: {quiet}", "quiet")],
        [_button("❌ Unsubscribe", "sub:off") if chat.subscribed else _button("✅ Subscribe", "sub:on"),
         _button("✔ Done", "close")],
    ]
    return View(summary(chat, follows) + "\n\nTap a button to change a setting.", InlineKeyboardMarkup(rows))


def _back() -> list[InlineKeyboardButton]:
    return [_button("« Back", "home")]


def _mark(label: str, current: bool) -> str:
    return f"✓ {label}" if current else label


def time_menu(chat: ChatInfo, follows: list[tuple[str, str]]) -> View:
    buttons = [_button(_mark(t, t == chat.briefing_time), "time:" + t.replace(":", "")) for t in TIMES]
    rows = [buttons[i:i + 4] for i in range(0, len(buttons), 4)] + [_back()]
    text = summary(chat, follows) + "\n\nWhen should the daily briefing arrive? For another time send /time HH:MM."
    return View(text, InlineKeyboardMarkup(rows))


def tz_menu(chat: ChatInfo, follows: list[tuple[str, str]]) -> View:
    buttons = [_button(_mark(z, z == chat.timezone), "tz:" + z) for z in ZONES]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)] + [_back()]
    text = summary(chat, follows) + "\n\nChoose the time zone. For another one send /timezone NAME, e.g. /timezone Asia/Kabul."
    return View(text, InlineKeyboardMarkup(rows))


def quiet_menu(chat: ChatInfo, follows: list[tuple[str, str]]) -> View:
    current = f"{chat.quiet_start}-{chat.quiet_end}" if chat.quiet_start else None
    rows = [
        [_button(_mark("Off", current is None), "quiet:off")],
        [_button(_mark(q.replace("-", "–"), q == current), "quiet:" + q.replace(":", "")) for q in QUIET],
        [_button("Alerts during quiet hours: " + ("silent" if chat.quiet_mode == "silent" else "held"), "qmode")],
        _back(),
    ]
    text = (summary(chat, follows) + "\n\nDuring quiet hours alerts either arrive without a sound (silent) "
            "or wait for the next briefing (held). Other hours: /quiet 22:30-06:30.")
    return View(text, InlineKeyboardMarkup(rows))


def follow_page(chat: ChatInfo, follows: list[tuple[str, str]], names: list[WatchName], page: int) -> View:
    pages = max(1, -(-len(names) // FOLLOW_PAGE))
    page = min(max(page, 0), pages - 1)
    followed = {name for _, name in follows}
    chunk = names[page * FOLLOW_PAGE:(page + 1) * FOLLOW_PAGE]
    buttons = [
        _button(("✅ " if name in followed else ("👤 " if kind == "official" else "🏷 ")) + name,
                f"fo:{kind[0]}:{row_id}:{page}")
        for kind, row_id, name in chunk
    ]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    nav = []
    if page > 0:
        nav.append(_button("◀", f"fp:{page - 1}"))
    nav.append(_button(_mark("Everything", not follows), f"fall:{page}"))
    if page < pages - 1:
        nav.append(_button("▶", f"fp:{page + 1}"))
    rows += [nav, _back()]
    hint = ("Tap officials and topics to follow only those (✅). “Everything” clears the choice."
            + (f" Page {page + 1} of {pages}." if pages > 1 else ""))
    return View(summary(chat, follows) + "\n\n" + hint, InlineKeyboardMarkup(rows))
