"""A fake Telegram Bot API server that the real python-telegram-bot talks to over HTTP.

Tests point PTB at ``fake.base_url`` (``Application.builder().base_url(...)``) or, for a bot
running as a subprocess, set ``TELEGRAM_API_URL`` to it. Everything crosses a real socket on
127.0.0.1, so PTB's request encoding, error mapping and polling loop are exercised unchanged.

Answers use Telegram's envelope and wording: ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": N, "description": "...", "parameters": {...}}`` with the HTTP
status equal to ``error_code``. Faults are injected with ``block_chat``, ``remove_chat``,
``migrate_chat``, ``fail_next`` and ``slow``; updates with ``user_message``,
``callback_query``, ``my_chat_member`` and ``channel_post``.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import itertools
import json
import mimetypes
import re
import socket
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.telegram_html import (
    EntityParseError,
    ParsedText,
    finish,
    parse_html,
    parse_plain,
    utf16_len,
)

DEFAULT_TOKEN = "123456:TEST-TOKEN"
DEFAULT_USER_ID = 424242
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_DEFAULT_EXCLUDED_UPDATES = {"chat_member", "message_reaction", "message_reaction_count"}
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w@/])")
_KICKED_DESCRIPTIONS = {
    "private": "Forbidden: bot was blocked by the user",
    "group": "Forbidden: bot was kicked from the group chat",
    "supergroup": "Forbidden: bot was kicked from the supergroup chat",
    "channel": "Forbidden: bot is not a member of the channel chat",
}
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class ApiError(Exception):
    """An error answer, raised inside method handlers and turned into Telegram's envelope."""

    def __init__(self, error_code: int, description: str, parameters: dict | None = None):
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters

    def envelope(self) -> dict:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(what: str) -> ApiError:
    return ApiError(400, f"Bad Request: {what}")


@dataclass(frozen=True)
class ApiCall:
    """One request as the fake understood it (values as sent: strings for form bodies)."""

    method: str
    params: dict[str, Any]


@dataclass(frozen=True)
class SentMessage:
    """A message the fake accepted from the bot, as sent (``text``) and as shown (``plain_text``)."""

    chat_id: int
    message_id: int
    text: str
    plain_text: str
    parse_mode: str | None
    entities: tuple[dict, ...]
    message_thread_id: int | None
    disable_notification: bool
    reply_markup: dict | None
    link_preview_options: dict | None
    reply_to_message_id: int | None
    params: dict[str, Any]


@dataclass(frozen=True)
class Edit:
    """An accepted editMessageText / editMessageReplyMarkup call."""

    method: str
    chat_id: int | None
    message_id: int | None
    inline_message_id: str | None
    text: str | None
    plain_text: str | None
    parse_mode: str | None
    reply_markup: dict | None


@dataclass(frozen=True)
class SentDocument:
    """A document the bot uploaded (or re-sent by file_id)."""

    chat_id: int
    message_id: int
    filename: str
    content: bytes
    mime_type: str | None
    caption: str | None
    parse_mode: str | None
    file_id: str


@dataclass(frozen=True)
class CallbackAnswer:
    callback_query_id: str
    text: str | None
    show_alert: bool
    url: str | None


@dataclass
class _Fault:
    error: ApiError
    remaining: int


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    filename: str
    content: bytes
    mime_type: str | None


@dataclass
class _Params:
    """Request parameters; form bodies carry strings, JSON bodies typed values."""

    raw: dict[str, Any]
    files: dict[str, tuple[str, bytes, str | None]] = field(default_factory=dict)

    def text(self, name: str) -> str | None:
        value = self.raw.get(name)
        return None if value is None else str(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def number(self, name: str, default: float) -> float:
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        return self.raw.get(name) in (True, 1, "true", "True", "1")

    def json(self, name: str) -> Any:
        value = self.raw.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value


Handler = Callable[[_Params], Awaitable[Any]]


class FakeTelegram:
    """The fake server plus the state tests assert on. Use ``async with FakeTelegram() as fake``."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "briefbot_test_bot",
        bot_first_name: str = "BriefBot",
        strict_ampersand: bool = True,
        known_chats_only: bool = False,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.strict_ampersand = strict_ampersand
        # Telegram answers "chat not found" for chats the bot has never seen; off by default
        # so tests can send to any id without injecting a message first.
        self.known_chats_only = known_chats_only
        self.port: int | None = None
        self.requests: list[ApiCall] = []
        self.sent: list[SentMessage] = []
        self.edits: list[Edit] = []
        self.documents: list[SentDocument] = []
        self.callback_answers: list[CallbackAnswer] = []
        self.deleted: list[tuple[int, int]] = []
        self.commands: dict[str, dict[str, list[dict]]] = {}
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0
        self.webhook: dict | None = None  # {"url", "secret_token"} while a webhook is set
        self._chats: dict[int, dict] = {}
        self._users: dict[int, dict] = {}
        self._messages: dict[tuple[int, int], dict] = {}
        self._message_ids: dict[int, itertools.count] = defaultdict(lambda: itertools.count(1))
        self._members: dict[tuple[int, int], str] = {}
        self._blocked: dict[int, str] = {}
        self._removed: set[int] = set()
        self._migrated: dict[int, int] = {}
        self._faults: dict[str, list[_Fault]] = defaultdict(list)
        self._slow: dict[str, float] = {}
        self._files: dict[str, _StoredFile] = {}
        self._file_numbers = itertools.count(1)
        self._callback_ids: set[str] = set()
        self._callback_numbers = itertools.count(1)
        self.errors: list[tuple[str, int, str]] = []  # (method, error_code, description)
        self._changed = asyncio.Event()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._methods: dict[str, Handler] = {
            name.lower(): handler for name, handler in self._method_table().items()
        }

    # ----------------------------------------------------------------- lifecycle

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url``: PTB appends the token, then ``/method``."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self) -> FakeTelegram:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        """Release held long polls at once, then close the server."""
        self._closing.set()
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ----------------------------------------------------------------- configuration

    def add_chat(
        self,
        chat_id: int,
        chat_type: str | None = None,
        *,
        title: str | None = None,
        username: str | None = None,
        is_forum: bool | None = None,
    ) -> dict:
        """Create or update a chat; chats are otherwise created on first use."""
        chat = self._chat(chat_id, chat_type)
        if title is not None:
            chat["title"] = title
        if username is not None:
            chat["username"] = username
        if is_forum is not None:
            chat["is_forum"] = is_forum
        return chat

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """status: "creator", "administrator", "member", "restricted", "left" or "kicked"."""
        self._members[(chat_id, user_id)] = status

    def block_chat(self, chat_id: int, description: str | None = None) -> None:
        """Sends and edits to the chat fail with 403 (blocked by the user / kicked)."""
        chat_type = self._chat(chat_id)["type"]
        self._blocked[chat_id] = description or _KICKED_DESCRIPTIONS[chat_type]

    def unblock_chat(self, chat_id: int) -> None:
        self._blocked.pop(chat_id, None)

    def remove_chat(self, chat_id: int) -> None:
        """Every method naming the chat fails with 400 "chat not found"."""
        self._removed.add(chat_id)

    def migrate_chat(self, old_id: int, new_id: int) -> None:
        """The group became a supergroup: the old id answers 400 with migrate_to_chat_id."""
        self._migrated[old_id] = new_id
        old = self._chat(old_id, "group")
        self._chat(new_id, "supergroup").setdefault("title", old.get("title", "Group"))

    def fail_next(
        self,
        method: str,
        error_code: int = 500,
        *,
        description: str | None = None,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        count: int = 1,
    ) -> None:
        """The next ``count`` calls of ``method`` fail; 429 gets Telegram's retry wording."""
        parameters: dict[str, int] = {}
        if error_code == 429:
            retry_after = 1 if retry_after is None else retry_after
            description = description or f"Too Many Requests: retry after {retry_after}"
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = migrate_to_chat_id
        description = description or _DEFAULT_DESCRIPTIONS.get(error_code, "Internal Server Error")
        error = ApiError(error_code, description, parameters or None)
        self._faults[method.lower()].append(_Fault(error, count))

    def slow(self, method: str, seconds: float) -> None:
        """Delay every answer to ``method`` by ``seconds`` before handling it (0 to undo)."""
        if seconds > 0:
            self._slow[method.lower()] = seconds
        else:
            self._slow.pop(method.lower(), None)

    # ----------------------------------------------------------------- inspection

    def sent_to(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]

    def message(self, chat_id: int, message_id: int) -> dict:
        """The current state of a stored message (after edits), as Telegram would return it."""
        return copy.deepcopy(self._messages[(chat_id, message_id)])

    def calls(self, method: str) -> list[ApiCall]:
        return [c for c in self.requests if c.method.lower() == method.lower()]

    def commands_for(self, scope: dict | None = None, language_code: str = "") -> list[dict]:
        return self.commands.get(scope_key(scope), {}).get(language_code, [])

    @property
    def pending_updates(self) -> list[dict]:
        """Updates not yet acknowledged by an offset."""
        return list(self._updates)

    async def wait_for_sent(
        self, n: int, timeout: float = 5, *, chat_id: int | None = None
    ) -> list[SentMessage]:
        """Wait until at least ``n`` messages (to ``chat_id`` if given) were accepted."""

        def matching() -> list[SentMessage]:
            return self.sent if chat_id is None else self.sent_to(chat_id)

        await self._wait_until(lambda: len(matching()) >= n, timeout, lambda: (
            f"expected {n} sent messages, got {len(matching())}: "
            f"{[m.plain_text for m in matching()]}; errors: {self._recent_errors()}"
        ))
        return matching()

    async def wait_for_call(self, method: str, n: int = 1, timeout: float = 5) -> list[ApiCall]:
        """Wait until ``method`` was requested ``n`` times (failed calls count too)."""
        await self._wait_until(
            lambda: len(self.calls(method)) >= n,
            timeout,
            lambda: f"expected {n} {method} calls, got {len(self.calls(method))}",
        )
        return self.calls(method)

    async def wait_for_edits(self, n: int, timeout: float = 5) -> list[Edit]:
        await self._wait_until(
            lambda: len(self.edits) >= n, timeout, lambda: f"expected {n} edits: {self.edits}"
        )
        return self.edits

    async def wait_until_acknowledged(self, timeout: float = 5) -> None:
        """Wait until the bot acknowledged every queued update (its offset passed them)."""
        await self._wait_until(
            lambda: not self._updates, timeout, lambda: f"unacknowledged: {self._updates}"
        )

    # ----------------------------------------------------------------- update injection

    def add_update(self, kind: str, payload: dict) -> dict:
        """Queue ``{"update_id": ..., kind: payload}`` for getUpdates and return it."""
        update = {"update_id": next(self._update_ids), kind: payload}
        self._updates.append(update)
        self._notify()
        return update

    def user_message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int | None = None,
        chat_type: str | None = None,
        message_thread_id: int | None = None,
        is_topic_message: bool = False,
        reply_to_message: dict | None = None,
        document: tuple[str, bytes] | None = None,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str = "en",
    ) -> dict:
        """A user's message; /commands get bot_command entities so CommandHandler fires."""
        if (chat_type or self._chat(chat_id)["type"]) == "channel":
            return self.channel_post(chat_id, text or "")
        chat = self._chat(chat_id, chat_type)
        if user_id is None:
            user_id = chat_id if chat["type"] == "private" else DEFAULT_USER_ID
        user = self._user(user_id, first_name=first_name, username=username,
                          language_code=language_code)
        if chat["type"] == "private":
            chat.setdefault("first_name", user["first_name"])
            if user.get("username"):
                chat.setdefault("username", user["username"])
        if is_topic_message:
            chat["is_forum"] = True
        message = self._new_message(chat, user, message_thread_id=message_thread_id,
                                    is_topic_message=is_topic_message)
        if reply_to_message is not None:
            message["reply_to_message"] = _without_reply(reply_to_message)
        if document is not None:
            filename, content = document
            stored = self._store_file(filename, content, _guess_mime(filename))
            message["document"] = _document_dict(stored)
            if text:
                message["caption"] = text
                if entities := _command_entities(text):
                    message["caption_entities"] = entities
        elif text is not None:
            message["text"] = text
            if entities := _command_entities(text):
                message["entities"] = entities
        return self.add_update("message", copy.deepcopy(message))

    def channel_post(self, chat_id: int, text: str, *, title: str | None = None) -> dict:
        chat = self._chat(chat_id, "channel")
        if title:
            chat["title"] = title
        message = self._new_message(chat, None)
        message["text"] = text
        if entities := _command_entities(text):  # Telegram marks commands in channel posts too
            message["entities"] = entities
        return self.add_update("channel_post", copy.deepcopy(message))

    def callback_query(
        self, chat_id: int, user_id: int | None = None, message_id: int = 0, data: str = ""
    ) -> dict:
        """A button press on a stored message (normally one the bot sent)."""
        key = (chat_id, message_id)
        if key not in self._messages:
            raise KeyError(f"no message {message_id} in chat {chat_id} to attach a button to")
        if user_id is None:
            user_id = chat_id if self._chat(chat_id)["type"] == "private" else DEFAULT_USER_ID
        query_id = str(4_000_000_000 + next(self._callback_numbers))
        self._callback_ids.add(query_id)
        return self.add_update("callback_query", {
            "id": query_id,
            "from": self._user(user_id),
            "message": copy.deepcopy(self._messages[key]),
            "chat_instance": str(abs(chat_id) * 7919),
            "data": data,
        })

    def my_chat_member(
        self,
        chat_id: int,
        user_id: int | None = None,
        old_status: str = "member",
        new_status: str = "kicked",
        chat_type: str | None = None,
    ) -> dict:
        """The bot's own membership changed; kicked/left also makes sends fail, as on Telegram."""
        chat = self._chat(chat_id, chat_type)
        if user_id is None:
            user_id = chat_id if chat["type"] == "private" else DEFAULT_USER_ID
        self.set_member_status(chat_id, self.bot_id, new_status)
        if new_status in ("kicked", "left"):
            self._blocked[chat_id] = _KICKED_DESCRIPTIONS[chat["type"]]
        else:
            self._blocked.pop(chat_id, None)
        return self.add_update("my_chat_member", {
            "chat": _public_chat(chat),
            "from": self._user(user_id),
            "date": int(time.time()),
            "old_chat_member": _member_dict(self.bot_user, old_status),
            "new_chat_member": _member_dict(self.bot_user, new_status),
        })

    # ----------------------------------------------------------------- HTTP plumbing

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _answer(ApiError(401, "Unauthorized").envelope(), 401)
        method = request.match_info["method"]
        handler = self._methods.get(method.lower())
        if handler is None:
            return _answer(ApiError(404, "Not Found").envelope(), 404)
        params = await _read_params(request)
        self.requests.append(ApiCall(method, dict(params.raw)))
        self._notify()
        delay = self._slow.get(method.lower())
        if delay:
            try:
                await asyncio.wait_for(self._closing.wait(), delay)
            except TimeoutError:
                pass
        try:
            self._raise_injected_fault(method.lower())
            result = await handler(params)
        except ApiError as error:
            self.errors.append((method, error.error_code, error.description))
            return _answer(error.envelope(), error.error_code)
        return _answer({"ok": True, "result": result}, 200)

    def _recent_errors(self) -> list[str]:
        return self.errors[-5:]

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _answer(ApiError(401, "Unauthorized").envelope(), 401)
        path = request.match_info["path"]
        stored = next((f for f in self._files.values() if f.file_path == path), None)
        if stored is None:
            return _answer(ApiError(404, "Not Found").envelope(), 404)
        return web.Response(body=stored.content,
                            content_type=stored.mime_type or "application/octet-stream")

    def _raise_injected_fault(self, method: str) -> None:
        queue = self._faults.get(method)
        if not queue:
            return
        fault = queue[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            queue.pop(0)
        raise fault.error

    def _notify(self) -> None:
        """Wake everything waiting for a state change (long polls and test waits)."""
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def _wait_until(
        self, condition: Callable[[], bool], timeout: float, explain: Callable[[], str]
    ) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            changed = self._changed
            if condition():
                return
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(explain())
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                pass

    # ----------------------------------------------------------------- chats, users, messages

    def _chat(self, chat_id: int, chat_type: str | None = None) -> dict:
        chat = self._chats.get(chat_id)
        if chat is None:
            chat_type = chat_type or _type_from_id(chat_id)
            chat = {"id": chat_id, "type": chat_type}
            if chat_type != "private":
                chat["title"] = f"{chat_type.title()} {abs(chat_id)}"
            else:
                chat["first_name"] = f"User{chat_id}"
            self._chats[chat_id] = chat
        elif chat_type is not None and chat["type"] != chat_type:
            chat["type"] = chat_type
            if chat_type != "private":
                chat.setdefault("title", f"{chat_type.title()} {abs(chat_id)}")
        return chat

    def _user(self, user_id: int, **details: Any) -> dict:
        user = self._users.setdefault(
            user_id, {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        )
        for key, value in details.items():
            if value is not None:
                user[key] = value
        return user

    def _new_message(
        self,
        chat: dict,
        sender: dict | None,
        *,
        message_thread_id: int | None = None,
        is_topic_message: bool = False,
    ) -> dict:
        message_id = next(self._message_ids[chat["id"]])
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time())}
        if sender is not None and chat["type"] != "channel":
            message["from"] = dict(sender)
        else:
            message["sender_chat"] = _public_chat(chat)
        message["chat"] = _public_chat(chat)
        if message_thread_id is not None:
            message["message_thread_id"] = message_thread_id
            if is_topic_message or chat.get("is_forum"):
                message["is_topic_message"] = True
        self._messages[(chat["id"], message_id)] = message
        return message

    def _resolve_chat(self, params: _Params, *, sending: bool) -> dict:
        """Apply the chat's fault state; raises Telegram's errors for it."""
        raw = params.raw.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            chat = next((c for c in self._chats.values() if c.get("username") == raw[1:]), None)
            if chat is None:
                raise bad_request("chat not found")
            chat_id = chat["id"]
        else:
            chat_id = params.integer("chat_id")
        if chat_id in self._removed or (self.known_chats_only and chat_id not in self._chats):
            raise bad_request("chat not found")
        if chat_id in self._migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self._migrated[chat_id]},
            )
        if sending and chat_id in self._blocked:
            raise ApiError(403, self._blocked[chat_id])
        return self._chat(chat_id)

    def _render(self, text: str, parse_mode: str | None, entities: Any) -> ParsedText:
        mode = (parse_mode or "").lower()
        if mode == "html":
            try:
                return parse_html(text, strict_ampersand=self.strict_ampersand)
            except EntityParseError as error:
                raise bad_request(f"can't parse entities: {error}") from None
        if mode in ("", "markdown", "markdownv2"):
            # Markdown is passed through unchecked: this project only sends HTML.
            return finish(text, []) if not entities else parse_plain(text, entities)
        raise bad_request("unsupported parse_mode")

    def _store_file(self, filename: str, content: bytes, mime_type: str | None) -> _StoredFile:
        number = next(self._file_numbers)
        extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
        stored = _StoredFile(
            file_id=f"BQACAgIAAxkBAAI{number:06d}",
            file_unique_id=f"AgAD{number:06d}",
            file_path=f"documents/file_{number}.{extension}",
            filename=filename,
            content=content,
            mime_type=mime_type,
        )
        self._files[stored.file_id] = stored
        return stored

    def _reply_target(self, chat: dict, params: _Params) -> dict | None:
        reply = params.json("reply_parameters") or {}
        message_id = reply.get("message_id") or params.integer("reply_to_message_id")
        if not message_id:
            return None
        allow_missing = reply.get("allow_sending_without_reply") or params.flag(
            "allow_sending_without_reply"
        )
        target = self._messages.get((chat["id"], int(message_id)))
        if target is None and not allow_missing:
            raise bad_request("message to be replied not found")
        return target

    def _own_message(self, params: _Params, *, missing: str) -> dict:
        chat = self._resolve_chat(params, sending=True)
        message_id = params.integer("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        message = self._messages.get((chat["id"], message_id))
        if message is None:
            raise bad_request(missing)
        if message.get("from", {}).get("id") != self.bot_id and chat["type"] != "channel":
            raise bad_request("message can't be edited")
        return message

    # ----------------------------------------------------------------- Bot API methods

    def _method_table(self) -> dict[str, Handler]:
        return {
            "getMe": self._get_me,
            "logOut": self._true,
            "close": self._true,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "getUpdates": self._get_updates,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendDocument": self._send_document,
            "getFile": self._get_file,
            "sendChatAction": self._send_chat_action,
            "getChat": self._get_chat,
            "getChatMember": self._get_chat_member,
            "getChatAdministrators": self._get_chat_administrators,
        }

    async def _true(self, params: _Params) -> bool:
        return True

    async def _get_me(self, params: _Params) -> dict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _set_webhook(self, params: _Params) -> bool:
        """Remember the webhook (tests post updates to it themselves); getUpdates then answers 409."""
        url = params.text("url") or ""
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {"url": url, "secret_token": params.text("secret_token")} if url else None
        return True

    async def _delete_webhook(self, params: _Params) -> bool:
        self.webhook = None
        if params.flag("drop_pending_updates"):
            self._updates.clear()
            self._notify()
        return True

    async def _get_webhook_info(self, params: _Params) -> dict:
        return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    async def _get_updates(self, params: _Params) -> list[dict]:
        """Long poll: hold until an update is queued, ``timeout`` passes or a newer poll comes."""
        if self.webhook:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = params.integer("offset", 0)
        limit = min(max(params.integer("limit", 100), 1), 100)
        timeout = max(params.number("timeout", 0), 0)
        allowed = params.json("allowed_updates")
        if allowed is not None:
            self._allowed_updates = list(allowed)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            changed = self._changed
            if generation != self._poll_generation:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                    "make sure that only one bot instance is running")
            ready = self._deliverable(limit)
            remaining = deadline - asyncio.get_running_loop().time()
            if ready or remaining <= 0 or self._closing.is_set():
                return copy.deepcopy(ready)
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                pass

    def _deliverable(self, limit: int) -> list[dict]:
        """Queued updates of allowed types; others are dropped, as Telegram never stores them."""
        def allowed(update: dict) -> bool:
            kind = next(k for k in update if k != "update_id")
            if self._allowed_updates:
                return kind in self._allowed_updates
            return kind not in _DEFAULT_EXCLUDED_UPDATES

        self._updates = [u for u in self._updates if allowed(u)]
        return self._updates[:limit]

    async def _set_my_commands(self, params: _Params) -> bool:
        commands = params.json("commands")
        if not isinstance(commands, list):
            raise bad_request("parameter \"commands\" is required")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        scope = params.json("scope") or {}
        if "chat_id" in scope:
            self._resolve_chat(_Params({"chat_id": scope["chat_id"]}), sending=False)
        key = scope_key(scope or None)
        language = params.text("language_code") or ""
        if commands:
            self.commands.setdefault(key, {})[language] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        else:
            self.commands.get(key, {}).pop(language, None)
        return True

    async def _get_my_commands(self, params: _Params) -> list[dict]:
        key = scope_key(params.json("scope"))
        return self.commands.get(key, {}).get(params.text("language_code") or "", [])

    async def _delete_my_commands(self, params: _Params) -> bool:
        key = scope_key(params.json("scope"))
        self.commands.get(key, {}).pop(params.text("language_code") or "", None)
        if key in self.commands and not self.commands[key]:
            del self.commands[key]
        return True

    async def _send_message(self, params: _Params) -> dict:
        chat = self._resolve_chat(params, sending=True)
        text = params.text("text")
        if not text:
            raise bad_request("message text is empty")
        parse_mode = params.text("parse_mode")
        parsed = self._render(text, parse_mode, params.json("entities"))
        if not parsed.text:
            raise bad_request("message must be non-empty")
        if len(parsed.text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        markup = _checked_markup(params.json("reply_markup"))
        reply_to = self._reply_target(chat, params)
        thread_id = params.integer("message_thread_id")
        message = self._new_message(chat, self.bot_user, message_thread_id=thread_id)
        message["text"] = parsed.text
        if parsed.entities:
            message["entities"] = list(parsed.entities)
        if reply_to is not None:
            message["reply_to_message"] = _without_reply(reply_to)
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        preview = params.json("link_preview_options")
        if preview is None and params.flag("disable_web_page_preview"):
            preview = {"is_disabled": True}
        self.sent.append(SentMessage(
            chat_id=chat["id"],
            message_id=message["message_id"],
            text=text,
            plain_text=parsed.text,
            parse_mode=parse_mode,
            entities=parsed.entities,
            message_thread_id=thread_id,
            disable_notification=params.flag("disable_notification"),
            reply_markup=markup,
            link_preview_options=preview,
            reply_to_message_id=reply_to["message_id"] if reply_to else None,
            params=dict(params.raw),
        ))
        self._notify()
        return copy.deepcopy(message)

    async def _edit_message_text(self, params: _Params) -> dict | bool:
        text = params.text("text")
        parse_mode = params.text("parse_mode")
        markup = _checked_markup(params.json("reply_markup"))
        inline_id = params.text("inline_message_id")
        message = None if inline_id else self._own_message(params, missing="message to edit not found")
        if not text:
            raise bad_request("message text is empty")
        parsed = self._render(text, parse_mode, params.json("entities"))
        if not parsed.text:
            raise bad_request("message must be non-empty")
        if len(parsed.text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        if message is not None:
            unchanged = (
                message.get("text") == parsed.text
                and message.get("entities", []) == list(parsed.entities)
                and message.get("reply_markup") == markup
            )
            if unchanged:
                raise bad_request(NOT_MODIFIED)
            message["text"] = parsed.text
            message.pop("entities", None)
            if parsed.entities:
                message["entities"] = list(parsed.entities)
        return self._finish_edit(
            Edit("editMessageText", None, None, inline_id, text, parsed.text, parse_mode, markup),
            message,
        )

    async def _edit_message_reply_markup(self, params: _Params) -> dict | bool:
        markup = _checked_markup(params.json("reply_markup"))
        inline_id = params.text("inline_message_id")
        message = None if inline_id else self._own_message(params, missing="message to edit not found")
        if message is not None and message.get("reply_markup") == markup:
            raise bad_request(NOT_MODIFIED)
        return self._finish_edit(
            Edit("editMessageReplyMarkup", None, None, inline_id, None, None, None, markup),
            message,
        )

    def _finish_edit(self, edit: Edit, message: dict | None) -> dict | bool:
        """Record the edit; inline messages answer True, chat messages the edited Message."""
        if message is not None:
            _set_markup(message, edit.reply_markup)
            message["edit_date"] = int(time.time())
            edit = dataclasses.replace(
                edit, chat_id=message["chat"]["id"], message_id=message["message_id"]
            )
        self.edits.append(edit)
        self._notify()
        return True if message is None else copy.deepcopy(message)

    async def _delete_message(self, params: _Params) -> bool:
        chat = self._resolve_chat(params, sending=True)
        message_id = params.integer("message_id")
        if self._messages.pop((chat["id"], message_id or 0), None) is None:
            raise bad_request("message to delete not found")
        self.deleted.append((chat["id"], message_id))
        self._notify()
        return True

    async def _answer_callback_query(self, params: _Params) -> bool:
        query_id = params.text("callback_query_id")
        if query_id not in self._callback_ids:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self._callback_ids.discard(query_id)
        self.callback_answers.append(CallbackAnswer(
            query_id, params.text("text"), params.flag("show_alert"), params.text("url")
        ))
        self._notify()
        return True

    async def _send_document(self, params: _Params) -> dict:
        chat = self._resolve_chat(params, sending=True)
        stored = self._document_from(params)
        caption = params.text("caption")
        parse_mode = params.text("parse_mode")
        message = self._new_message(chat, self.bot_user,
                                    message_thread_id=params.integer("message_thread_id"))
        if caption:
            parsed = self._render(caption, parse_mode, params.json("caption_entities"))
            if len(parsed.text) > MAX_CAPTION_LENGTH:
                self._messages.pop((chat["id"], message["message_id"]))
                raise bad_request("message caption is too long")
            message["caption"] = parsed.text
            if parsed.entities:
                message["caption_entities"] = list(parsed.entities)
        message["document"] = _document_dict(stored)
        self.documents.append(SentDocument(
            chat["id"], message["message_id"], stored.filename, stored.content,
            stored.mime_type, caption, parse_mode, stored.file_id,
        ))
        self._notify()
        return copy.deepcopy(message)

    def _document_from(self, params: _Params) -> _StoredFile:
        value = params.raw.get("document")
        upload = params.files.get("document")
        if isinstance(value, str) and value.startswith("attach://"):
            upload = params.files.get(value[len("attach://"):])
        if upload is not None:
            filename, content, mime_type = upload
            if not content:
                raise bad_request("file must be non-empty")
            return self._store_file(filename, content, mime_type)
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if value:
            raise bad_request("wrong file identifier/HTTP URL specified")
        raise bad_request("there is no document in the request")

    async def _get_file(self, params: _Params) -> dict:
        stored = self._files.get(params.text("file_id") or "")
        if stored is None:
            raise bad_request("invalid file_id")
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "file_size": len(stored.content), "file_path": stored.file_path}

    async def _send_chat_action(self, params: _Params) -> bool:
        self._resolve_chat(params, sending=True)
        return True

    async def _get_chat(self, params: _Params) -> dict:
        chat = self._resolve_chat(params, sending=False)
        return {
            **_public_chat(chat),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                "premium_subscription": False, "gifts_from_channels": False,
            },
        }

    def _status(self, chat: dict, user_id: int) -> str:
        status = self._members.get((chat["id"], user_id))
        if status is not None:
            return status
        if chat["type"] == "private" and user_id == chat["id"]:
            return "creator"
        return "member"

    async def _get_chat_member(self, params: _Params) -> dict:
        chat = self._resolve_chat(params, sending=False)
        user_id = params.integer("user_id")
        if user_id is None:
            raise bad_request("user_id is empty")
        user = self.bot_user if user_id == self.bot_id else self._user(user_id)
        return _member_dict(user, self._status(chat, user_id))

    async def _get_chat_administrators(self, params: _Params) -> list[dict]:
        chat = self._resolve_chat(params, sending=False)
        if chat["type"] == "private":
            raise bad_request("there are no administrators in the private chat")
        admins = []
        for (chat_id, user_id), status in self._members.items():
            if chat_id == chat["id"] and status in ("creator", "administrator"):
                user = self.bot_user if user_id == self.bot_id else self._user(user_id)
                admins.append(_member_dict(user, status))
        return admins


# --------------------------------------------------------------------- module helpers


def scope_key(scope: dict | None) -> str:
    """The key of ``FakeTelegram.commands``: the scope as canonical JSON (default scope if None)."""
    return json.dumps(scope or {"type": "default"}, sort_keys=True)


def _answer(body: dict, status: int) -> web.Response:
    return web.json_response(body, status=status)


async def _read_params(request: web.Request) -> _Params:
    """Merge query string and body: JSON, urlencoded or multipart (files kept apart)."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, tuple[str, bytes, str | None]] = {}
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                raw.update(body)
        elif request.content_type == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                content = await part.read()
                if part.filename is not None:
                    files[part.name] = (part.filename, bytes(content),
                                        part.headers.get("Content-Type"))
                else:
                    raw[part.name] = content.decode(part.get_charset("utf-8"))
        else:
            raw.update(await request.post())
    return _Params(raw, files)


def _type_from_id(chat_id: int) -> str:
    if chat_id > 0:
        return "private"
    return "supergroup" if chat_id <= -1_000_000_000_000 else "group"


def _public_chat(chat: dict) -> dict:
    return {k: v for k, v in chat.items()
            if k in ("id", "type", "title", "username", "first_name", "last_name", "is_forum")}


def _without_reply(message: dict) -> dict:
    """Telegram nests reply_to_message only one level deep."""
    return {k: copy.deepcopy(v) for k, v in message.items() if k != "reply_to_message"}


def _command_entities(text: str) -> list[dict]:
    return [
        {"type": "bot_command", "offset": utf16_len(text[: m.start()]),
         "length": utf16_len(m.group())}
        for m in _COMMAND.finditer(text)
    ]


def _checked_markup(markup: Any) -> dict | None:
    """Reject inline buttons Telegram rejects: callback_data over 64 bytes, no action."""
    if not markup:
        return None
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
            if set(button) <= {"text"}:
                raise bad_request(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
    return markup


def _set_markup(message: dict, markup: dict | None) -> None:
    if markup and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)


def _document_dict(stored: _StoredFile) -> dict:
    document = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                "file_name": stored.filename, "file_size": len(stored.content)}
    if stored.mime_type:
        document["mime_type"] = stored.mime_type
    return document


def _guess_mime(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


_MEMBER_RIGHTS = {
    "administrator": dict.fromkeys(
        ("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
         "can_manage_video_chats", "can_restrict_members", "can_promote_members",
         "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
         "can_delete_stories"), False) | {"can_manage_chat": True},
    "restricted": dict.fromkeys(
        ("can_change_info", "can_invite_users", "can_pin_messages", "can_send_messages",
         "can_send_polls", "can_send_other_messages", "can_add_web_page_previews",
         "can_manage_topics", "can_send_audios", "can_send_documents", "can_send_photos",
         "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_edit_tag"),
        False) | {"is_member": True, "until_date": 0},
    "creator": {"is_anonymous": False},
    "kicked": {"until_date": 0},
}


def _member_dict(user: dict, status: str) -> dict:
    """A ChatMember of the right subtype, with the fields PTB requires for it."""
    return {"status": status, "user": dict(user), **_MEMBER_RIGHTS.get(status, {})}
