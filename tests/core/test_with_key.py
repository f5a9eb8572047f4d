"""core.signature.with_key gives what ``dataclasses.replace(sig, key=...)`` gives: every field
the same (the words and word pairs, which equality leaves out, the very same objects)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime

from core.signature import Signature, with_key


def test_with_key_is_replace_of_the_key():
    sig = Signature(key=4, published=datetime(2026, 12, 3, 12, 0, tzinfo=UTC), lang="en", title="Talks in Muscat",
                    officials=frozenset({"Abbas Araghchi"}), lead=frozenset({"Abbas Araghchi", "Muscat"}),
                    places=frozenset({"Muscat"}), fingerprint=-12345, terms={"muscat": 2, "talks": 1}, round=5)
    for key in (-1, 0, 17):
        made, expected = with_key(sig, key), replace(sig, key=key)
        assert made == expected and type(made) is Signature and made.key == key
        assert all(getattr(made, f.name) is getattr(expected, f.name) for f in fields(Signature) if f.name != "key")
        assert list(vars(made)) == list(vars(expected))
    assert sig.key == 4  # the original is left as it was
