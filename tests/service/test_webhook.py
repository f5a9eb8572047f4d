"""Webhook mode: the leader registers the webhook with a secret token, and PTB's webhook server
refuses every request that does not carry it."""

from __future__ import annotations

import asyncio
import time

import httpx

from tests.bot.ui import eventually
from tests.service.proc import free_port, start_run, stop

SECRET = "s3cret-token_for-tests"


def start_update(update_id: int, chat_id: int) -> dict:
    user = {"id": chat_id, "is_bot": False, "first_name": "Dana"}
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "chat": {"id": chat_id, "type": "private", "first_name": "Dana"},
        "from": user, "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}


async def _post(url: str, update: dict, secret: str | None) -> int | None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    try:
        async with httpx.AsyncClient() as client:
            return (await client.post(url, json=update, headers=headers, timeout=5)).status_code
    except httpx.HTTPError:
        return None


async def test_webhook_needs_the_secret_and_replaces_polling(fake_telegram, tmp_path):
    fake, port = fake_telegram, free_port()
    proc = start_run(fake, tmp_path, f"sqlite:///{tmp_path / 'bot.db'}",
                     BRIEFBOT_WEBHOOK_URL="https://bot.example.org/telegram-hook", BRIEFBOT_WEBHOOK_SECRET=SECRET,
                     BRIEFBOT_WEBHOOK_LISTEN="127.0.0.1", BRIEFBOT_WEBHOOK_PORT=str(port))
    try:
        await fake.wait_for_call("setWebhook", timeout=60)
        assert fake.webhook == {"url": "https://bot.example.org/telegram-hook", "secret_token": SECRET}
        local = f"http://127.0.0.1:{port}/telegram-hook"
        statuses: list[int | None] = []

        async def served() -> bool:
            statuses.append(await _post(local, start_update(1, 601), None))
            return statuses[-1] is not None

        for _ in range(100):  # the server starts right after setWebhook
            if await served():
                break
            await asyncio.sleep(0.1)
        assert statuses[-1] == 403  # no secret
        assert await _post(local, start_update(2, 601), "wrong") == 403
        assert fake.sent_to(601) == []
        assert await _post(local, start_update(3, 601), SECRET) == 200
        await fake.wait_for_sent(1, chat_id=601, timeout=15)
        await eventually(lambda: len(fake.calls("getWebhookInfo")) >= 1, 30)  # the health probe
        assert fake.calls("getUpdates") == []
    finally:
        stop(proc)
