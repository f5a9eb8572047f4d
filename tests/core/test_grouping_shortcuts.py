"""Shortcuts that spare story grouping work give what the longer way gives: a search is skipped
only when it cannot match."""

from __future__ import annotations

try:  # Python 3.11+
    import re._constants as sre_constants
    import re._parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants
    import sre_parse

import pytest

from core.signature import _FRAME_WORDS, _FRAMES, frames


def _covered(items, words: tuple[str, ...], run: str = "") -> bool:
    """Whether every match of the parsed ``items`` (after the literal characters ``run``) holds
    one of ``words``: in a run of literal characters, or in every branch of an alternation or a
    group (each followed by what comes after it), or in a repeat made at least once."""
    items = list(items)
    for i, (op, arg) in enumerate(items):
        if op is sre_constants.LITERAL:
            run += chr(arg)
            continue
        if any(w in run for w in words):
            return True
        rest = items[i + 1:]
        if op is sre_constants.SUBPATTERN:
            return _covered(list(arg[-1]) + rest, words, run)
        if op is sre_constants.BRANCH:
            return all(_covered(list(branch) + rest, words, run) for branch in arg[1])
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] >= 1 and _covered(arg[2], words, run):
            return True
        run = ""
    return any(w in run for w in words)


@pytest.mark.parametrize("kind,pattern", _FRAMES, ids=[k for k, _ in _FRAMES])
def test_every_frame_alternative_holds_one_of_its_words(kind, pattern):
    assert _covered(sre_parse.parse(pattern.pattern, pattern.flags), _FRAME_WORDS[kind]), \
        f"{kind}: a match can hold none of {_FRAME_WORDS[kind]}: add the word its new alternative needs"


def test_the_coverage_check_finds_an_uncovered_alternative():
    assert not _covered(sre_parse.parse(r"\bin\s+an?\s+interview\b|\bon\s+air\b"), ("interview",))
    assert not _covered(sre_parse.parse(r"(?:in|at)\s+(?:live\s+)?(?:interviews?)?"), ("interview",))
    assert _covered(sre_parse.parse(r"(?:in|at)\s+(?:live\s+)?interviews?|(?:sp(?:eaking|oke))"),
                    ("interview", "speaking", "spoke"))


@pytest.mark.parametrize("lead", [
    "the minister, speaking at a news conference in the capital, said the talks would resume",
    "in a televised interview on sunday, the envoy said the round was useful",
    "addressing provincial governors, the president said sanctions had failed",
    "the spokesman told a weekly briefing that no date was set",
    "وزیر در گفت و گوی زنده با شبکه خبر گفت مذاکرات ادامه دارد",
    "سخنگو در نشست خبری هفتگی گفت",
    "رئیس جمهور در همایش استانداران گفت",
    "the two ministers met in the capital and agreed on a new round",
])
def test_frames_are_those_of_the_patterns(lead, monkeypatch):
    found = frames(lead, len(lead), [])
    monkeypatch.setattr("core.signature._FRAME_WORDS", {kind: ("",) for kind, _ in _FRAMES})  # every pattern searched
    assert found == frames(lead, len(lead), [])



def test_folding_replaces_every_persian_and_arabic_digit():
    """core.gazetteer.fold: the digits replaced where they are, as a translation of every character would."""
    import random

    from core.gazetteer import _DIGITS, fold
    from core.normalize import normalize

    rng = random.Random(3)
    letters = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩ دورaz 0"
    for _ in range(500):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 40)))
        assert fold(text) == normalize(text).text.translate(_DIGITS)


def test_word_weights_as_of_a_time_count_the_span_exactly():
    """core.textsim.Weights.cosine_at: a word's articles in (at - SPAN, at] counted with or without
    bisection (its times all inside the span, or not) give the floats of the plain count."""
    import math
    import random
    from array import array

    from core.textsim import _TF, SPAN, Weights, idf

    rng = random.Random(9)
    base = 1_800_000_000.0
    for _ in range(200):
        every = sorted(base + rng.choice((rng.uniform(-3 * SPAN, SPAN), rng.randrange(-3, 2) * SPAN))
                       for _ in range(rng.randint(1, 40)))
        times = {f"w{i}": array("d", sorted(rng.sample(every, rng.randint(1, len(every))))) for i in range(8)}
        at = rng.choice(every + [base, base + rng.uniform(-SPAN, SPAN)])
        terms = {f"w{i}": rng.randint(1, 4) for i in rng.sample(range(10), 5)}  # w8, w9: in no article
        weights = Weights({}, len(every), times=(times, array("d", every), {}, []))
        vector, norm = weights._vector_at(terms, at)
        docs = sum(at - SPAN < t <= at for t in every)
        expected = {w: _TF[n] * idf(sum(at - SPAN < t <= at for t in times.get(w, ())), docs) for w, n in terms.items()}
        assert vector == expected
        assert norm == math.sqrt(sum(x * x for x in expected.values()))


def test_figures_start_only_where_their_lookahead_lets_them():
    """core.figures._FIGURE tries its pattern only at "$", a digit or a number word's first letter
    (``_FIRST``): on the fixture texts, folded, and on random strings of number words, digits and
    units, it finds the matches of the same pattern without the lookahead."""
    import random
    import re

    from core.figures import _FIGURE, _FIRST, _SCALES, _WORDS
    from core.gazetteer import fold
    from tests.core.story_cases import CASES

    prefix = f"(?={_FIRST})"
    assert _FIGURE.pattern.startswith(prefix)
    plain = re.compile(_FIGURE.pattern[len(prefix):])

    def found(pattern, text):
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    texts = [fold(f"{title}\n\n{text}") for *_, title, text in CASES.values()]
    rng = random.Random(11)
    pieces = [*_WORDS, *_SCALES, "and", "و", "$", "$ ", "1.7", "12", "۱۲", "3,500", "1/7", "m", "bn", "k", "%",
              "barrels per day", "days", "tankers", "oil", "percent", "x12", "a", ".", ",", "/", "\n", "دلار", "روز"]
    texts += ["".join(rng.choice(pieces) + rng.choice(("", " ", "  ")) for _ in range(rng.randint(1, 30)))
              for _ in range(3000)]
    matched = 0
    for text in texts:
        expected = found(plain, text)
        assert found(_FIGURE, text) == expected, text
        matched += bool(expected)
    assert matched > 500  # the strings do hold figures
