"""Matcher.scan gives exactly the mentions it gave before the speed work, on a sizeable
generated corpus.

The fixture (detect_frozen.json) holds the watchlists and one digest per article of the
full mention tuples (name, kind, text, offsets, sentence, how, detail) produced by the
implementation of commit 339e235. Watchlists live in the fixture so that edits to the
default watchlist file never change the reference. Regenerate only for an intended change
in behaviour: ``python tests/core/test_detect_frozen.py --write``.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.detect import Matcher  # noqa: E402
from core.watchlist import watchlist_from_dict, watchlist_to_dict  # noqa: E402

FIXTURE = Path(__file__).with_name("detect_frozen.json")
SEED = 20240611
ARTICLES = 600

# Sentences that reach every guard: roles with modifiers, other people sharing a surname,
# context-needing surnames, fuzzy spellings, exclusions, stems, headlines, Persian.
FRAGMENTS = (
    "Masoud Pezeshkian met business leaders in Tabriz on Tuesday.",
    "Pezeshkian’s cabinet approved the budget bill.",
    "KHAMENEI WARNS AGAINST HASTE",
    "Iran’s Ayatollah Khamenei addressed a crowd of clerics.",
    "Steven Witkoff, a real estate developer, was named to the post in November.",
    "Kharazi was foreign minister under President Khatami.",
    "Qalibaf, a former Tehran mayor, ran for president several times.",
    "Mohammed Baqer Ghalibaf criticised the cabinet's budget.",
    "Esmail Baghaee was asked about the detained journalists.",
    "Deputy minister Takhtravanchi briefed lawmakers.",
    "Hamid-Reza Haji-Babaei chaired the open session.",
    "Sayyid Badr bin Hamad Al Busaidi received the credentials of three ambassadors.",
    "Security concerns trump economic interests in this debate.",
    "The company trumpeted record profits for the quarter.",
    "Mojtaba Khamenei rarely appears in public.",
    "Melania Trump hosted a luncheon for the spouses of foreign leaders.",
    "Ali Bagheri Kani led the delegation in Vienna two years ago.",
    "Vice President Aref said the cabinet backed the plan.",
    "Aref Hosseini, a poet from Mashhad, read two of his works.",
    "Aref said nothing further.",
    "Foreign Minister Abbas Araghci spoke by phone with his Qatari counterpart.",
    "Pezeshkain toured the flooded villages in the north.",
    "Bagheri said the proposal was unrealistic.",
    "The Leader of the Revolution received the judiciary chief.",
    "The Omani foreign minister hosted a dinner for ambassadors.",
    "Iran's ex-president was barred from running again.",
    "Then-Foreign Minister Zarif signed the accord in Vienna.",
    "Iranian President Ebrahim Raisi died in a helicopter crash.",
    "The US president of the chamber of commerce spoke first.",
    "It took a great deal of effort to restore the power grid.",
    "Khamenei has officially sanctioned direct diplomatic engagement with Washington.",
    "A tanker caught fire in the Gulf of Oman as talks in Geneva continued.",
    "Muscat is hot in July. Nothing else happened that day. The talks began in Rome.",
    "The nuclear family is changing in modern cities.",
    "By Ali Alfoneh\nAraghchi: U.S. and Iran Agree on Continued Talks",
    "Rubio Tells Araghchi Door Remains Open",
    "آيت الله خامنه اي در ديدار با فرماندهان سخنرانی كرد.",
    "رئیس جمهور سابق ایران در دانشگاه سخنرانی کرد.",
    "معاون اول رئیس جمهور، عارف، در جلسه حضور داشت.",
    "برنامه هسته‌ای ایران موضوع گفتگوها بود.",
    "Hassan Rouhani, Iran's president at the time, negotiated the 2015 accord.",
    "The US special envoy for Ukraine Keith Kellogg met European officials.",
    "Iran's first supreme leader, Ruhollah Khomeini, led the revolution.",
    "The president of Iran's chamber of commerce criticised the budget.",
    "Donald Trump Jr. posted the video on social media.",
    "Aref, the first vice president, chaired the economic council.",
    "The U.S. envoy Mr. Witkoff met Dr. Albusaidi on Friday.",
    "They renegotiated nothing but kept negotiating.",
    "Title\u00ad line: Haji\u00adBabaei and Ara\u0301ghchi\u2019s aide spoke.",
    "KHAMENEİ spoke; Khamenei 𝐬𝐩𝐨𝐤𝐞 and \ufeffKhamenei\u200b’s speech followed.",
    "“We are ready,” Araghchi told reporters. Was it useful? Yes…",
    "Iran-US talks: what we know so far",
)
WORDS = (
    "the a of to in and on for with that said officials week government new minister "
    "statement report analysts meeting Tehran Washington regional pressure security council "
    "plan proposal response visit capital policy would could after before oil market"
).split()
PIECES = (" ", " ", "\n", "\n\n", ". ", "? ", "ß", "—", "“", "”", "-", "U.S.", "Mr.", "’s")


def _cap(rng: random.Random) -> str:
    return "".join(rng.choice("bdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))).capitalize()


def _synthetic(rng: random.Random, base: dict, extra: int) -> dict:
    data = json.loads(json.dumps(base))
    for _ in range(extra):
        first, last = _cap(rng), _cap(rng) + rng.choice(["i", "ian", "zadeh", "pour", "son"])
        data["officials"].append(
            {"name": f"{first} {last}", "aliases": [f"{first} {last}", last], "roles": [f"{last} Council chief"]}
        )
    return data


def corpus(rng: random.Random, names: list[str], count: int) -> list[str]:
    """Articles of fragments, template sentences with watchlist names, made-up capitalised
    names, misspellings and stray characters that shift normalised offsets."""
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(5, 40)):
            r = rng.random()
            if r < 0.35:
                parts.append(rng.choice(FRAGMENTS))
            elif r < 0.7:
                name = rng.choice(names)
                if rng.random() < 0.15 and len(name) > 6:  # a spelling variant
                    i = rng.randrange(1, len(name) - 1)
                    name = name[:i] + name[i + 1 :]
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12)))
                parts.append(f"{name} {words} {rng.choice(['talks', 'sanctions', 'Oman', 'enrichment', 'deal'])}.")
            elif r < 0.85:
                parts.append(f"{_cap(rng)} {_cap(rng)} said {' '.join(rng.choice(WORDS) for _ in range(8))}.")
            else:
                parts.append(rng.choice(PIECES))
            parts.append(rng.choice((" ", " ", " ", "\n", "\n\n")))
        out.append("".join(parts))
    return out


def _inputs(data: dict) -> list[tuple[str, Matcher, list[str]]]:
    rng = random.Random(SEED)
    runs = []
    for label, wl_data in data["watchlists"].items():
        wl = watchlist_from_dict(wl_data)
        names = [a.text for o in wl.officials for a in o.aliases] + [r for o in wl.officials for r in o.roles]
        runs.append((label, Matcher(wl), corpus(rng, names, ARTICLES)))
    return runs


def _digest(detection) -> str:
    rows = [[m.name, m.kind, m.text, m.start, m.end, m.sentence, m.how, m.detail] for m in detection.mentions]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _write() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[2]
    default = watchlist_to_dict(
        watchlist_from_dict(tomllib.loads((root / "storage/defaults/watchlist.toml").read_text("utf-8")))
    )
    data = {"watchlists": {"default": default, "synthetic": _synthetic(random.Random(SEED), default, 300)}}
    data["digests"], data["mentions"] = {}, {}
    for label, matcher, texts in _inputs(data):
        found = [matcher.scan(t) for t in texts]
        data["digests"][label] = [_digest(d) for d in found]
        data["mentions"][label] = sum(len(d.mentions) for d in found)
    FIXTURE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")


def test_scan_matches_the_frozen_reference():
    data = json.loads(FIXTURE.read_text("utf-8"))
    for label, matcher, texts in _inputs(data):
        found = [matcher.scan(t) for t in texts]
        assert sum(len(d.mentions) for d in found) == data["mentions"][label], label
        wrong = [i for i, (d, want) in enumerate(zip(found, data["digests"][label], strict=True)) if _digest(d) != want]
        assert not wrong, (label, len(wrong), texts[wrong[0]][:300], found[wrong[0]].mentions[:5])


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    _write()
