"""The fake Bot API, proven with the real python-telegram-bot talking to it over HTTP."""

import asyncio
import contextlib
import datetime as dtm
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    ChatMemberAdministrator,
    ChatMemberOwner,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from tests.fakes.fixtures import fake_bot, fake_telegram  # noqa: F401
from tests.fakes.telegram_api import NOT_MODIFIED, FakeTelegram, scope_key
from tests.fakes.telegram_html import EntityParseError, parse_html

REPO_ROOT = Path(__file__).resolve().parents[2]


@contextlib.asynccontextmanager
async def running_app(fake: FakeTelegram, *handlers):
    """A real PTB Application polling the fake; handler errors fail the test."""
    app = (
        Application.builder()
        .token(fake.token)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )
    errors: list[BaseException] = []

    async def record_error(update, context) -> None:
        errors.append(context.error)

    for handler in handlers:
        app.add_handler(handler)
    app.add_error_handler(record_error)
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
    assert errors == []


async def raw_call(fake: FakeTelegram, method: str, *, token: str | None = None, **params):
    """Call the fake without PTB, to see Telegram's exact envelope."""
    url = f"{fake.base_url}{token or fake.token}/{method}"
    async with httpx.AsyncClient() as client:
        response = await client.post(url, json=params)
    return response.status_code, response.json()


async def test_start_command_reaches_handler_and_reply_is_recorded(fake_telegram):
    async def start(update, context) -> None:
        await update.message.reply_html(f"<b>Welcome</b>, {update.effective_user.first_name}!")

    async with running_app(fake_telegram, CommandHandler("start", start)):
        fake_telegram.user_message(5, "/start", first_name="Ana")
        sent = await fake_telegram.wait_for_sent(1)

    assert sent[0].chat_id == 5
    assert sent[0].text == "<b>Welcome</b>, Ana!"
    assert sent[0].plain_text == "Welcome, Ana!"
    assert sent[0].parse_mode == "HTML"
    assert sent[0].entities == ({"type": "bold", "offset": 0, "length": 7},)
    assert fake_telegram.calls("deleteWebhook") and fake_telegram.calls("getMe")


async def test_command_addressed_to_this_bot_fires_in_groups_and_others_do_not(fake_telegram):
    seen: list[str] = []

    async def start(update, context) -> None:
        seen.append(update.message.text)

    async with running_app(fake_telegram, CommandHandler("start", start)):
        fake_telegram.user_message(-100, "/start@otherbot", chat_type="group")
        fake_telegram.user_message(-100, "/start@briefbot_test_bot", chat_type="group")
        await fake_telegram.wait_until_acknowledged()
    assert seen == ["/start@briefbot_test_bot"]


async def test_acknowledged_updates_are_never_redelivered(fake_telegram):
    calls = []

    async def start(update, context) -> None:
        calls.append(update.update_id)

    async with running_app(fake_telegram, CommandHandler("start", start)):
        fake_telegram.user_message(5, "/start")
        await fake_telegram.wait_until_acknowledged()
        polls = len(fake_telegram.calls("getUpdates"))
        await fake_telegram.wait_for_call("getUpdates", polls + 1)
    assert len(calls) == 1


async def test_offset_limit_and_allowed_updates(fake_bot, fake_telegram):
    first = fake_telegram.user_message(5, "one")
    fake_telegram.user_message(5, "two")
    fake_telegram.user_message(5, "three")

    batch = await fake_bot.get_updates(limit=2, timeout=0)
    assert [u.message.text for u in batch] == ["one", "two"]
    batch = await fake_bot.get_updates(offset=batch[-1].update_id + 1, timeout=0)
    assert [u.message.text for u in batch] == ["three"]
    again = await fake_bot.get_updates(offset=first["update_id"], timeout=0)
    assert [u.message.text for u in again] == ["three"]

    await fake_bot.send_message(5, "with button", reply_markup=InlineKeyboardMarkup(
        [[InlineKeyboardButton("go", callback_data="go")]]))
    fake_telegram.callback_query(5, message_id=4, data="go")
    batch = await fake_bot.get_updates(
        offset=batch[-1].update_id + 1, timeout=0, allowed_updates=["callback_query"]
    )
    assert [u.callback_query.data for u in batch] == ["go"]


async def test_long_poll_is_held_until_an_update_arrives(fake_bot, fake_telegram):
    async def inject_later() -> None:
        await asyncio.sleep(0.3)
        fake_telegram.user_message(5, "late")

    loop = asyncio.get_running_loop()
    started = loop.time()
    _, updates = await asyncio.gather(inject_later(), fake_bot.get_updates(timeout=5))
    elapsed = loop.time() - started
    assert [u.message.text for u in updates] == ["late"]
    assert 0.25 < elapsed < 2

    started = loop.time()
    assert await fake_bot.get_updates(offset=updates[0].update_id + 1, timeout=1) == ()
    assert loop.time() - started >= 0.9


async def test_a_second_poller_terminates_the_first_with_conflict(fake_bot, fake_telegram):
    first = asyncio.create_task(fake_bot.get_updates(timeout=3))
    await fake_telegram.wait_for_call("getUpdates")
    status, body = await raw_call(fake_telegram, "getUpdates", timeout=0)
    assert (status, body) == (200, {"ok": True, "result": []})
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first


async def test_rate_limit_raises_retry_after_then_recovers(fake_bot, fake_telegram):
    fake_telegram.fail_next("sendMessage", error_code=429, retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await fake_bot.send_message(5, "hello")
    assert caught.value.retry_after == dtm.timedelta(seconds=3)
    await fake_bot.send_message(5, "hello")
    assert [m.plain_text for m in fake_telegram.sent] == ["hello"]

    fake_telegram.fail_next("sendMessage", error_code=429, retry_after=7)
    status, body = await raw_call(fake_telegram, "sendMessage", chat_id=5, text="x")
    assert (status, body) == (429, {
        "ok": False, "error_code": 429, "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    })


async def test_chat_states_raise_the_matching_ptb_errors(fake_bot, fake_telegram):
    fake_telegram.block_chat(5)
    with pytest.raises(Forbidden, match="^Forbidden: bot was blocked by the user$"):
        await fake_bot.send_message(5, "hi")

    fake_telegram.remove_chat(6)
    with pytest.raises(BadRequest, match="^Chat not found$"):
        await fake_bot.send_message(6, "hi")

    fake_telegram.migrate_chat(-300, -1000000000300)
    with pytest.raises(ChatMigrated) as caught:
        await fake_bot.send_message(-300, "hi")
    assert caught.value.new_chat_id == -1000000000300
    status, body = await raw_call(fake_telegram, "sendMessage", chat_id=-300, text="hi")
    assert (status, body) == (400, {
        "ok": False, "error_code": 400,
        "description": "Bad Request: group chat was upgraded to a supergroup chat",
        "parameters": {"migrate_to_chat_id": -1000000000300},
    })
    await fake_bot.send_message(-1000000000300, "hi")

    fake_telegram.block_chat(-400)
    with pytest.raises(Forbidden, match="kicked from the group chat"):
        await fake_bot.send_message(-400, "hi")
    assert [m.chat_id for m in fake_telegram.sent] == [-1000000000300]
    assert [code for _, code, _ in fake_telegram.errors] == [403, 400, 400, 400, 403]


async def test_generic_and_slow_faults(fake_bot, fake_telegram):
    fake_telegram.fail_next("sendMessage", error_code=500, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await fake_bot.send_message(5, "hi")
    fake_telegram.fail_next("sendmessage", error_code=400, description="Bad Request: odd failure")
    with pytest.raises(BadRequest, match="^Odd failure$"):
        await fake_bot.send_message(5, "hi")

    fake_telegram.slow("sendMessage", 1.0)
    with pytest.raises(TimedOut):
        await fake_bot.send_message(5, "too slow", read_timeout=0.2)
    fake_telegram.slow("sendMessage", 0)
    await fake_bot.send_message(5, "ok")
    assert [m.plain_text for m in fake_telegram.sent] == ["ok"]


async def test_wrong_token_and_unknown_method(fake_telegram):
    status, body = await raw_call(fake_telegram, "getMe", token="999:WRONG")
    assert (status, body) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
    status, body = await raw_call(fake_telegram, "sendTelepathy")
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})

    from telegram import Bot

    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=fake_telegram.base_url):
            pass


@pytest.mark.parametrize(
    ("markup", "description"),
    [
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<br>", 'Unsupported start tag "br" at byte offset 0'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("Tom & Jerry", 'Unescaped "&" at byte offset 4, write &amp;'),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("Иран <u>x", 'Can\'t find end tag corresponding to start tag "u"'),
    ],
)
async def test_invalid_html_is_refused_in_telegrams_words(fake_bot, fake_telegram, markup,
                                                          description):
    status, body = await raw_call(fake_telegram, "sendMessage", chat_id=5, text=markup,
                                  parse_mode="HTML")
    assert (status, body) == (400, {
        "ok": False, "error_code": 400,
        "description": f"Bad Request: can't parse entities: {description}",
    })
    with pytest.raises(BadRequest, match="^Can't parse entities"):
        await fake_bot.send_message(5, markup, parse_mode="HTML")
    assert fake_telegram.sent == []


async def test_valid_html_with_every_allowed_tag_is_accepted(fake_bot, fake_telegram):
    markup = (
        '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>'
        '<strike>k</strike><del>d</del><span class="tg-spoiler">p</span>'
        '<tg-spoiler>q</tg-spoiler><a href="https://example.org/a?b=1&amp;c=2">link</a>'
        '<code>c</code><pre><code class="language-python">x = 1</code></pre>'
        '<blockquote>q</blockquote><blockquote expandable>long</blockquote>'
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &lt;&gt;&amp;&quot;'
    )
    message = await fake_bot.send_message(5, markup, parse_mode="HTML")
    assert message.text.endswith('👍 <>&"')
    types = [e.type for e in message.entities]
    assert "expandable_blockquote" in types and "custom_emoji" in types
    link = next(e for e in message.entities if e.type == "text_link")
    assert link.url == "https://example.org/a?b=1&c=2"
    pre = next(e for e in message.entities if e.type == "pre")
    assert pre.language == "python"


async def test_length_and_emptiness_are_checked_after_entity_parsing(fake_bot, fake_telegram):
    with pytest.raises(BadRequest, match="^Message is too long$"):
        await fake_bot.send_message(5, "x" * 4097)
    await fake_bot.send_message(5, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="^Message text is empty$"):
        await fake_bot.send_message(5, "")
    with pytest.raises(BadRequest, match="^Message must be non-empty$"):
        await fake_bot.send_message(5, "<b> </b>", parse_mode="HTML")
    assert [len(m.plain_text) for m in fake_telegram.sent] == [4096]


async def test_sent_message_records_delivery_options(fake_bot, fake_telegram):
    fake_telegram.add_chat(-1000000000777, "supergroup", is_forum=True)
    message = await fake_bot.send_message(
        -1000000000777, "in topic", message_thread_id=42, disable_notification=True,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert message.is_topic_message and message.message_thread_id == 42
    sent = fake_telegram.sent_to(-1000000000777)[0]
    assert (sent.message_thread_id, sent.disable_notification) == (42, True)
    assert sent.link_preview_options == {"is_disabled": True}
    second = await fake_bot.send_message(-1000000000777, "next", reply_to_message_id=1)
    assert second.message_id == 2 and second.reply_to_message.message_id == 1
    with pytest.raises(BadRequest, match="^Message to be replied not found$"):
        await fake_bot.send_message(-1000000000777, "x", reply_to_message_id=99)


async def test_topic_message_reply_stays_in_its_thread(fake_telegram):
    async def echo(update, context) -> None:
        await update.message.reply_text("pong")

    async with running_app(fake_telegram, CommandHandler("ping", echo)):
        fake_telegram.user_message(-1000000000555, "/ping", chat_type="supergroup",
                                   message_thread_id=9, is_topic_message=True)
        sent = await fake_telegram.wait_for_sent(1)
    assert (sent[0].chat_id, sent[0].message_thread_id) == (-1000000000555, 9)


async def test_commands_are_recorded_per_scope_and_language(fake_bot, fake_telegram):
    await fake_bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    await fake_bot.set_my_commands([BotCommand("feeds", "Feeds")],
                                   scope=BotCommandScopeChat(77), language_code="de")
    assert fake_telegram.commands_for() == [
        {"command": "start", "description": "Start"}, {"command": "help", "description": "Help"}
    ]
    chat_scope = {"type": "chat", "chat_id": 77}
    assert fake_telegram.commands[scope_key(chat_scope)] == {
        "de": [{"command": "feeds", "description": "Feeds"}]
    }
    assert [c.command for c in await fake_bot.get_my_commands(
        scope=BotCommandScopeChat(77), language_code="de")] == ["feeds"]
    assert await fake_bot.get_my_commands(scope=BotCommandScopeChat(77)) == ()
    await fake_bot.delete_my_commands(scope=BotCommandScopeChat(77), language_code="de")
    assert scope_key(chat_scope) not in fake_telegram.commands
    fake_telegram.known_chats_only = True
    with pytest.raises(BadRequest, match="^Chat not found$"):
        await fake_bot.set_my_commands([BotCommand("feeds", "Feeds")],
                                       scope=BotCommandScopeChat(78))
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await fake_bot.set_my_commands([BotCommand("Start", "Upper case is refused")])


async def test_callback_query_is_answered_and_message_edited(fake_bot, fake_telegram):
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Mute", callback_data="mute:5")]])
    original = await fake_bot.send_message(5, "Alerts on", reply_markup=keyboard)

    async def on_button(update, context) -> None:
        query = update.callback_query
        await query.answer("Muted")
        await query.edit_message_text(f"<i>Alerts off</i> ({query.data})", parse_mode="HTML")

    async with running_app(fake_telegram, CallbackQueryHandler(on_button)):
        fake_telegram.callback_query(5, 5, original.message_id, "mute:5")
        edits = await fake_telegram.wait_for_edits(1)

    assert fake_telegram.callback_answers[0].text == "Muted"
    assert (edits[0].chat_id, edits[0].message_id, edits[0].plain_text) == (
        5, original.message_id, "Alerts off (mute:5)")
    stored = fake_telegram.message(5, original.message_id)
    assert stored["text"] == "Alerts off (mute:5)" and "reply_markup" not in stored

    with pytest.raises(BadRequest) as caught:
        await fake_bot.edit_message_text("<i>Alerts off</i> (mute:5)", 5, original.message_id,
                                         parse_mode="HTML")
    assert caught.value.message == NOT_MODIFIED.capitalize()
    with pytest.raises(BadRequest, match="^Message to edit not found$"):
        await fake_bot.edit_message_text("x", 5, 999)
    with pytest.raises(BadRequest, match="^Query is too old"):
        await fake_bot.answer_callback_query("no-such-query")

    await fake_bot.edit_message_reply_markup(5, original.message_id, reply_markup=keyboard)
    assert fake_telegram.message(5, original.message_id)["reply_markup"] == keyboard.to_dict()
    with pytest.raises(BadRequest, match="^Message is not modified"):
        await fake_bot.edit_message_reply_markup(5, original.message_id, reply_markup=keyboard)


async def test_document_upload_and_download_round_trip(fake_telegram):
    payload = b"<opml version='2.0'><body/></opml>\n" * 50

    async def on_document(update, context) -> None:
        telegram_file = await update.message.document.get_file()
        data = await telegram_file.download_as_bytearray()
        await update.message.reply_document(bytes(data), filename="echo.opml",
                                            caption="<b>same</b> bytes", parse_mode="HTML")

    async with running_app(fake_telegram, MessageHandler(filters.Document.ALL, on_document)):
        fake_telegram.user_message(5, "import", document=("feeds.opml", payload))
        await fake_telegram.wait_for_call("sendDocument")
        await asyncio.sleep(0)

    [document] = fake_telegram.documents
    assert (document.chat_id, document.filename, document.content) == (5, "echo.opml", payload)
    assert fake_telegram.message(5, document.message_id)["caption"] == "same bytes"


async def test_chat_members_administrators_and_chat_info(fake_bot, fake_telegram):
    fake_telegram.set_member_status(-100, 7, "administrator")
    fake_telegram.set_member_status(-100, 8, "creator")
    assert isinstance(await fake_bot.get_chat_member(5, 5), ChatMemberOwner)
    assert isinstance(await fake_bot.get_chat_member(-100, 7), ChatMemberAdministrator)
    assert (await fake_bot.get_chat_member(-100, 9)).status == "member"
    admins = await fake_bot.get_chat_administrators(-100)
    assert sorted(a.user.id for a in admins) == [7, 8]
    chat = await fake_bot.get_chat(-100)
    assert (chat.id, chat.type) == (-100, "group")


async def test_bot_removed_from_chat_is_reported_and_sends_then_fail(fake_telegram):
    changes = []

    async def on_member(update, context) -> None:
        changes.append(update.my_chat_member.new_chat_member.status)

    async with running_app(fake_telegram, ChatMemberHandler(on_member)) as app:
        fake_telegram.my_chat_member(5, 5, "member", "kicked")
        await fake_telegram.wait_until_acknowledged()
        with pytest.raises(Forbidden, match="blocked by the user"):
            await app.bot.send_message(5, "still there?")
    assert changes == ["kicked"]


async def test_form_and_json_bodies_are_both_understood(fake_telegram):
    url = f"{fake_telegram.base_url}{fake_telegram.token}/sendMessage"
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]}
    async with httpx.AsyncClient() as client:
        form = await client.post(url, data={"chat_id": "5", "text": "form",
                                            "reply_markup": json.dumps(markup)})
        as_json = await client.post(url, json={"chat_id": 5, "text": "json",
                                               "reply_markup": markup})
    assert form.json()["result"]["reply_markup"] == markup
    assert as_json.json()["result"]["message_id"] == 2
    assert [m.reply_markup for m in fake_telegram.sent] == [markup, markup]


async def test_a_bot_in_another_process_reaches_the_fake(fake_telegram):
    script = (
        "import asyncio, os\n"
        "from telegram import Bot\n"
        "async def main():\n"
        "    async with Bot(os.environ['TOKEN'], base_url=os.environ['TELEGRAM_API_URL']) as b:\n"
        "        await b.send_message(5, 'from a subprocess')\n"
        "asyncio.run(main())\n"
    )
    env = {**os.environ, "TOKEN": fake_telegram.token,
           "TELEGRAM_API_URL": fake_telegram.base_url}
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", script, env=env,
                                                   cwd=REPO_ROOT, stderr=subprocess.PIPE)
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()
    assert [m.plain_text for m in fake_telegram.sent] == ["from a subprocess"]


@pytest.mark.parametrize(
    ("markup", "text", "entities"),
    [
        ("🏟 <b>🏟</b>", "🏟 🏟", [("bold", 3, 2)]),
        ("&lt&gt;&amp;&quot;&#65;&#x42;", '<>&"AB', []),
        ("<i>a</>b", "ab", [("italic", 0, 1)]),
        ("<b class=x data-y = 'z'>q</b >", "q", [("bold", 0, 1)]),
        ("  <b> padded </b>\n", "padded", [("bold", 0, 6)]),
        ("<a>example.org</a>", "example.org", [("text_link", 0, 11)]),
        ("<a href='x y'>no link</a>", "no link", []),
        ("<b></b>x", "x", []),
    ],
)
def test_html_parser_offsets_references_and_trimming(markup, text, entities):
    parsed = parse_html(markup)
    assert parsed.text == text
    assert [(e["type"], e["offset"], e["length"]) for e in parsed.entities] == entities


def test_html_parser_keeps_a_bare_ampersand_like_telegram_unless_strict():
    assert parse_html("AT&T &nbsp;").text == "AT&T &nbsp;"
    with pytest.raises(EntityParseError, match='Unescaped "&" at byte offset 2'):
        parse_html("AT&T", strict_ampersand=True)
    with pytest.raises(EntityParseError, match='Unescaped "&" at byte offset 23'):
        parse_html('<a href="https://x/?a=1&b=2">x</a>', strict_ampersand=True)
