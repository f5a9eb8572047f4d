"""A broadcast previewed by one process is confirmed in another (a restart, or the replica
that receives the button press): the pending broadcast is in the database, taken once."""

from __future__ import annotations

from storage import pending
from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.bot.ui import button, press, send


async def test_confirm_button_works_in_another_process(fake_telegram, db, clock):
    fake = fake_telegram
    settings = make_settings(fake, str(db.engine.url))
    async with running_app(settings, db, clock):
        await command(fake, 901, "/start")
        (preview,) = await send(fake, OWNER, "/broadcast Back after the upgrade")
    send_data = button(fake, OWNER, preview.message_id, "📣 Send to 1 chat")

    async with running_app(settings, db, clock) as other:  # a new process: nothing in memory
        answer = await press(fake, OWNER, preview.message_id, send_data, edits=1)
        assert answer.text.startswith("Queued for 1 chat")
        _, report = await cycle(other)
    assert report.sent == 1
    assert [m.plain_text for m in fake.sent_to(901) if "upgrade" in m.plain_text] == ["Back after the upgrade"]


def test_a_pending_broadcast_is_taken_once_and_expires(db, clock):
    with db.session() as s:
        pending.save_pending_broadcast(s, "b1", ["<b>one</b>"], clock())
        pending.save_pending_broadcast(s, "b2", ["two"], clock())
    with db.session() as s:
        assert pending.take_pending_broadcast(s, "b1", clock()) == ["<b>one</b>"]
    with db.session() as s:
        assert pending.take_pending_broadcast(s, "b1", clock()) is None
        assert pending.take_pending_broadcast(s, "b2", clock.advance(days=2)) is None  # expired
