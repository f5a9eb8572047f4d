"""What happens before the bot runs: logging set up once, and Telegram reached.

A machine whose network comes up late must not make the bot give up: Telegram is asked
``getMe`` until it answers, waiting longer each time, one log line per attempt. A token
Telegram refuses is one clear line, with the token masked (only the bot id is shown).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError

log = logging.getLogger(__name__)

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries that speak at INFO about routine work: the job queue's every run (APScheduler),
# each migration step (alembic), each HTTP request (httpx). At the default level only
# their warnings are shown, so INFO stays one line per meaningful event.
CHATTY = ("apscheduler", "alembic", "httpx", "httpcore")
RETRY_FIRST_SECONDS = 1.0
RETRY_MAX_SECONDS = 60.0


class StartupError(Exception):
    """The bot cannot start; the message says why and what to do."""


class _NoTraceback(logging.Filter):
    """PTB logs a traceback when an answer is not JSON (a proxy's plain-text 404), and
    then raises an error that says the same in one line: the log record is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Can not load invalid JSON data")


def configure_logging(level: str = "INFO", *, verbose: bool = False) -> None:
    """One line per meaningful event at INFO; ``verbose`` (or DEBUG) lets libraries speak too."""
    numeric = logging.DEBUG if verbose else logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
    logging.basicConfig(format=LOG_FORMAT)  # a no-op where handlers exist (tests): only the level changes
    logging.getLogger().setLevel(numeric)
    quiet = not verbose and numeric >= logging.INFO
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING if quiet else logging.NOTSET)
    request_log = logging.getLogger("telegram.request.BaseRequest")
    for f in [f for f in request_log.filters if isinstance(f, _NoTraceback)]:
        request_log.removeFilter(f)
    if quiet:
        request_log.addFilter(_NoTraceback())


def check_extractor() -> None:
    """Full text for teaser feeds needs trafilatura and lxml_html_clean; without them every
    article would warn and fall back to its teaser, so the bot refuses to start instead.

    Only whether they are installed is checked (no import: trafilatura takes half a second to
    import, and jobs.fulltext imports it at the first page it extracts)."""
    from importlib.util import find_spec

    for module in ("lxml_html_clean", "trafilatura"):
        try:
            found = find_spec(module) is not None
        except (ImportError, ValueError) as e:
            found, why = False, str(e)
        else:
            why = "not installed"
        if not found:
            raise StartupError(f"the full-text extractor cannot load ({module}: {why}); reinstall briefbot "
                               "(pip install -e .) or install it: pip install trafilatura lxml_html_clean") from None


def mask_token(token: str | None) -> str:
    """``123456:AAE…`` -> ``123456:…``: the bot id helps find the bot, the secret stays secret."""
    bot_id, sep, _ = (token or "").partition(":")
    return f"{bot_id}:…" if sep and bot_id.isdigit() else "…"


def _reason(error: BaseException, token: str) -> str:
    text = str(error.__cause__ or error) or type(error).__name__
    return text.replace(token, mask_token(token))[:200]


async def wait_for_telegram(bot: Bot, base_url: str, *, initialize: Callable[[], Awaitable[object]] | None = None,
                            sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                            first_delay: float = RETRY_FIRST_SECONDS, max_delay: float = RETRY_MAX_SECONDS,
                            max_attempts: int | None = None) -> str:
    """Initialize ``bot`` (its getMe) until Telegram answers; returns the bot's username.

    ``initialize`` is what to call, ``bot.initialize`` unless given: `briefbot run` passes
    ``Application.initialize``, so the getMe that PTB needs anyway is the only one made.
    Unreachable (network down, DNS, timeouts, 5xx): log one line and try again after
    1, 2, 4 … up to ``max_delay`` seconds. Refused token or another error: StartupError.
    """
    token, initialize = bot.token, initialize or bot.initialize
    delay, attempt = first_delay, 1
    while True:
        try:
            await initialize()  # PTB keeps its requests' clients; a failed getMe can be retried
            return bot.username
        except InvalidToken as e:
            raise StartupError(
                f"Telegram rejected the token {mask_token(token)} ({_reason(e, token)}). Check TELEGRAM_BOT_TOKEN "
                "(@BotFather's /token shows it again) and, if you set it, TELEGRAM_API_URL.") from None
        except NetworkError as e:  # TimedOut is one too
            if max_attempts is not None and attempt >= max_attempts:
                raise StartupError(f"Telegram is not reachable at {base_url}: {_reason(e, token)}") from None
            log.warning("Telegram not reachable at %s (attempt %d: %s); trying again in %g s",
                        base_url, attempt, _reason(e, token), delay)
        except TelegramError as e:
            raise StartupError(f"Telegram answered getMe with an error: {_reason(e, token)}") from None
        await sleep(delay)
        delay, attempt = min(delay * 2, max_delay), attempt + 1
