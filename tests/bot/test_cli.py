"""The `briefbot` command line: right answers on stdout, clear errors on stderr, no tracebacks."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tomllib
from datetime import UTC, datetime, timezone

import pytest
import tomli_w

from bot.cli import main
from tests.fakes.feed_server import rss

ARTICLE = """Araghchi and Witkoff to hold indirect talks in Muscat
Iran's foreign minister Abbas Araghchi will travel to Muscat on Saturday for a new round of indirect talks with US special envoy Steve Witkoff, officials said.
Oman's foreign minister Badr Albusaidi is expected to carry messages between the two delegations.
Sign up for our daily newsletter to get the latest news.
"""

PAGE = """<html><head><title>Pezeshkian says sanctions must end</title><script>var x = "Khamenei";</script></head>
<body><nav>Home | World | Khamenei archive</nav><article><h1>Pezeshkian says sanctions must end</h1>
<p>President Masoud Pezeshkian said on Tuesday that any agreement must lift sanctions first.</p></article></body></html>"""


@pytest.fixture
def env(tmp_path, monkeypatch):
    for key in list(os.environ):
        if key.startswith(("BRIEFBOT_", "TELEGRAM_")) or key == "DATABASE_URL":
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("BRIEFBOT_DEFAULT_FEEDS", "false")
    return tmp_path


def test_analyze_json_for_text_and_html(env, capsys):
    (env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (env / "b.html").write_text(PAGE, encoding="utf-8")
    assert main(["analyze", "a.txt", "b.html", "--json"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["path"] == "a.txt" and first["title"].startswith("Araghchi and Witkoff")
    assert {"Abbas Araghchi", "Steve Witkoff", "Badr Albusaidi"} <= set(first["officials"])
    assert "Oman talks" in first["topics"]
    assert "newsletter" not in first["summary"] and 0 < len(first["summary"]) <= 500
    for m in first["mentions"]:
        assert ARTICLE[m["start"]:m["end"]] == m["text"] and m["text"] in m["sentence"]
        assert set(m) >= {"name", "kind", "text", "start", "end", "sentence", "how"}
    assert second["title"] == "Pezeshkian says sanctions must end"
    assert second["officials"] == ["Masoud Pezeshkian"] and "sanctions" in second["topics"]


def test_analyze_readable_report_and_missing_file(env, capsys):
    (env / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", "a.txt", "missing.txt"]) == 2
    out, err = capsys.readouterr()
    assert "officials: " in out and "[Araghchi]" in out
    assert "cannot read missing.txt" in err and "Traceback" not in err


def test_feeds_add_list_export_import_remove(env, capsys):
    assert main(["feeds", "add", "ftp://news.example/rss"]) == 2
    assert "only http:// and https://" in capsys.readouterr().err
    (env / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="One" xmlUrl="https://93.184.216.34/one.xml"/>'
        '<outline text="Local" xmlUrl="http://127.0.0.1:9/feed"/></body></opml>', encoding="utf-8")
    assert main(["feeds", "import", "feeds.opml"]) == 0
    out, err = capsys.readouterr()
    assert "1 feed added" in out and "loopback" in err
    assert main(["feeds", "list"]) == 0
    assert "https://93.184.216.34/one.xml  [new] never fetched, next: due now" in capsys.readouterr().out
    assert main(["feeds", "export"]) == 0
    assert 'xmlUrl="https://93.184.216.34/one.xml"' in capsys.readouterr().out
    assert main(["feeds", "remove", "https://93.184.216.34/one.xml"]) == 0
    assert main(["feeds", "remove", "https://93.184.216.34/one.xml"]) == 2
    assert "no feed with the URL" in capsys.readouterr().err
    (env / "bad.opml").write_text("<opml><body><outline", encoding="utf-8")
    assert main(["feeds", "import", "bad.opml"]) == 2
    err = capsys.readouterr().err
    assert "not a usable OPML file" in err and "Traceback" not in err


def test_watchlist_export_import_round_trip_and_bad_file(env, capsys):
    assert main(["watchlist", "export"]) == 0
    exported = capsys.readouterr().out
    data = tomllib.loads(exported)
    assert "Abbas Araghchi" in [o["name"] for o in data["officials"]]
    araghchi = next(o for o in data["officials"] if o["name"] == "Abbas Araghchi")
    araghchi["roles"] = list(araghchi.get("roles", [])) + ["Iran's lead negotiator"]
    (env / "w.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    assert main(["watchlist", "import", "w.toml"]) == 0
    unchanged = len(data["officials"]) + len(data["topics"]) + len(data["gazetteer"]) - 1
    assert f"watchlist merged: 0 added, 1 changed, 0 removed, {unchanged} unchanged, 0 refused" in capsys.readouterr().out
    assert main(["watchlist", "export"]) == 0
    assert tomllib.loads(capsys.readouterr().out) == data  # nothing lost, the edit kept
    (env / "bad.toml").write_text("[[officials]]\nname = 3\n", encoding="utf-8")
    assert main(["watchlist", "import", "bad.toml"]) == 1
    out, err = capsys.readouterr()
    assert "0 added, 0 changed, 0 removed, 0 unchanged, 1 refused" in out
    assert "refused officials[0]" in err and "Traceback" not in err
    assert main(["watchlist", "export"]) == 0
    assert tomllib.loads(capsys.readouterr().out) == data  # merging a bad file changed nothing
    (env / "worse.toml").write_text("officials = [", encoding="utf-8")
    assert main(["watchlist", "import", "worse.toml"]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def test_bad_configuration_is_one_clear_line(env, capsys, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_ADMINS", "alice,bob")
    assert main(["feeds", "list"]) == 2
    err = capsys.readouterr().err
    assert "BRIEFBOT_ADMINS must be comma-separated numeric" in err and "Traceback" not in err


async def test_ingest_once_prints_a_line_per_feed(env, feed_server):
    feed_server.set_feed("/rss", rss([{"title": "Araghchi in Muscat", "link": "https://news.example/1", "guid": "1",
                                       "description": "Talks in Muscat.",
                                       "pubDate": datetime(2026, 11, 20, tzinfo=UTC)}]))
    feed_server.set_feed("/down", rss([]))
    child_env = dict(os.environ, BRIEFBOT_ALLOW_PRIVATE_URLS="true")
    for url in (feed_server.url("/rss"), feed_server.url("/down")):
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "feeds", "add", url, env=child_env)
        assert await proc.wait() == 0
    feed_server.set_status("/down", 500)  # it worked when added, and broke since
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "ingest", "--once", env=child_env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    lines = out.decode().splitlines()
    assert proc.returncode == 0, err.decode()
    assert f"{feed_server.url('/rss')}: 1 new item, 0 alerts queued" in lines
    assert f"{feed_server.url('/down')}: error: HTTP 500 Internal Server Error" in lines
