"""A release's better watchlist entries reach an existing database, and no admin's edit is undone."""

from __future__ import annotations

from core.model import Alias, GazetteerEntry, Official, Topic
from core.shipped import Shipped, digest, entry_key, plan_upgrade

BEFORE, AFTER = 0, 1  # two versions of the defaults file, in history order

OLD_ARAGHCHI = Official("Abbas Araghchi", (Alias("Araghchi"), Alias("عراقچی")), ("Iran's foreign minister",))
NEW_ARAGHCHI = Official("Abbas Araghchi", (Alias("Araghchi"), Alias("Araqchi"), Alias("عراقچی")),
                        ("Iran's foreign minister", "Iran's top diplomat"))
OLD_MUSCAT = GazetteerEntry("Muscat", "place", ("Muscat", "مسقط"))
NEW_MUSCAT = GazetteerEntry("Muscat", "place", ("Muscat", "Masqat", "مسقط"))
ISLANDS = GazetteerEntry("Abu Musa", "place", ("Abu Musa", "ابوموسی"))
TALKS = Topic("Oman talks", (("Oman", "Muscat"), ("talks",)))


def _history(*versions: tuple[int, object]) -> dict[str, Shipped]:
    out: dict[str, Shipped] = {}
    for version, entry in versions:
        key = entry_key(entry)
        past = out.get(key)
        digests = dict(past.digests) if past else {}
        digests.setdefault(digest(entry), version)
        out[key] = Shipped(min(version, past.since) if past else version, digests)
    return out


HISTORY = _history((BEFORE, OLD_ARAGHCHI), (BEFORE, OLD_MUSCAT), (BEFORE, TALKS), (AFTER, NEW_ARAGHCHI),
                   (AFTER, NEW_MUSCAT), (AFTER, ISLANDS))


def _by_key(*items):
    return {entry_key(e): e for e in items}


def test_an_entry_no_admin_touched_takes_the_new_release():
    plan = plan_upgrade(_by_key(OLD_ARAGHCHI, OLD_MUSCAT, TALKS), _by_key(NEW_ARAGHCHI, NEW_MUSCAT, TALKS, ISLANDS),
                        HISTORY)
    assert set(plan.put) == {NEW_ARAGHCHI, NEW_MUSCAT, ISLANDS} and not plan.delete and not plan.kept


def test_an_admins_edit_is_kept_and_reported():
    edited = Official("Abbas Araghchi", (Alias("Araghchi"), Alias("Arakchi")), ("Iran's foreign minister",))
    plan = plan_upgrade(_by_key(edited, OLD_MUSCAT), _by_key(NEW_ARAGHCHI, NEW_MUSCAT), HISTORY)
    assert plan.put == (NEW_MUSCAT,) and plan.kept == ("official:Abbas Araghchi",)


def test_an_entry_an_admin_removed_stays_removed_but_a_new_one_is_added():
    # Muscat was in the version the database was seeded from (its Araghchi is that version's), so its absence
    # is an admin's removal; Abu Musa was first shipped after, so this database never had it.
    plan = plan_upgrade(_by_key(OLD_ARAGHCHI), _by_key(NEW_ARAGHCHI, NEW_MUSCAT, ISLANDS), HISTORY)
    assert set(plan.put) == {NEW_ARAGHCHI, ISLANDS}


def test_an_entry_no_longer_shipped_goes_only_if_untouched_and_an_admins_own_entry_stays():
    own = GazetteerEntry("Salalah", "place", ("Salalah",))
    edited_talks = Topic("Oman talks", (("Oman", "Muscat", "Salalah"), ("talks",)))
    plan = plan_upgrade(_by_key(OLD_MUSCAT, TALKS, own), _by_key(NEW_MUSCAT), HISTORY)
    assert plan.delete == ("topic:Oman talks",)
    plan = plan_upgrade(_by_key(OLD_MUSCAT, edited_talks, own), _by_key(NEW_MUSCAT), HISTORY)
    assert plan.delete == () and plan.put == (NEW_MUSCAT,)


def test_the_seeded_version_comes_from_the_entries_not_from_dates():
    # A database seeded from the newer version lacks Abu Musa because an admin removed it: it stays removed.
    plan = plan_upgrade(_by_key(NEW_ARAGHCHI, NEW_MUSCAT), _by_key(NEW_ARAGHCHI, NEW_MUSCAT, ISLANDS), HISTORY)
    assert not plan
    # An admin's own edit of every entry tells nothing of the version: new entries are added.
    edited = GazetteerEntry("Muscat", "place", ("Muscat", "Maskat"))
    assert plan_upgrade(_by_key(edited), _by_key(NEW_MUSCAT, ISLANDS), HISTORY).put == (ISLANDS,)


def test_nothing_to_do_when_the_database_already_has_this_release():
    assert not plan_upgrade(_by_key(NEW_ARAGHCHI, NEW_MUSCAT), _by_key(NEW_ARAGHCHI, NEW_MUSCAT), HISTORY)


def test_the_digest_sees_an_entry_as_storage_keeps_it():
    # Storage drops a repeated alias and a description that is also a role: the same entry.
    doubled = Official("Abbas Araghchi", (Alias("Araghchi"), Alias("Araghchi"), Alias("عراقچی")),
                       ("Iran's foreign minister",), ("Iran's foreign minister",))
    assert digest(doubled) == digest(OLD_ARAGHCHI)
    assert digest(OLD_ARAGHCHI) != digest(Official("Abbas Araghchi", (Alias("Araghchi", case_sensitive=True),
                                                                      Alias("عراقچی")), ("Iran's foreign minister",)))
