"""The Bot API stand-in the benchmarks send to: one aiohttp server on a free loopback port.

Each benchmark supplies only its request handler (what it records); the server set-up, the
bot's getMe identity and the hand-over of the port to the parent process live here once.
Runs in a child process started with the ``spawn`` context.
"""

from __future__ import annotations

import asyncio
import multiprocessing

BOT_ME = {"id": 123456, "is_bot": True, "first_name": "Bench", "username": "bench_bot",
          "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}


def serve_forever(handle, port_queue: multiprocessing.Queue) -> None:
    """Serve ``POST /bot{token}/{method}`` with ``handle`` and put the chosen port on ``port_queue``."""
    from aiohttp import web

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port_queue.put(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())
