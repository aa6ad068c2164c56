"""The analysis cache and settings."""

from __future__ import annotations

from reader.core.storage import Storage


def test_cache_miss_put_get_replace(storage: Storage) -> None:
    key = ("hash1", "summary:lexrank", "3", '{"sentences": 3}')
    assert storage.cache.get(*key) is None
    storage.cache.put(*key, '{"a": 1}')
    assert storage.cache.get(*key) == '{"a": 1}'
    storage.cache.put(*key, '{"a": 2}')
    assert storage.cache.get(*key) == '{"a": 2}'
    assert storage.cache.get("hash2", *key[1:]) is None
    assert storage.cache.get(key[0], key[1], key[2], '{"sentences": 5}') is None


def test_new_version_replaces_results_of_old_versions(storage: Storage) -> None:
    storage.cache.put("h", "analysis", "1", "", "old")
    storage.cache.put("h", "analysis", "1", "other", "old, other params")
    storage.cache.put("h", "entities", "1", "", "another analyser")
    storage.cache.put("h", "analysis", "2", "", "new")
    assert storage.cache.get("h", "analysis", "2", "") == "new"
    assert storage.cache.get("h", "analysis", "1", "") is None
    assert storage.cache.get("h", "analysis", "1", "other") == "old, other params"
    assert storage.cache.get("h", "entities", "1", "") == "another analyser"


def test_settings(storage: Storage) -> None:
    assert storage.settings.get("theme") is None
    storage.settings.put("theme", "dusk")
    storage.settings.put("theme", "paper")
    storage.settings.put("sort", "title")
    assert (storage.settings.get("theme"), storage.settings.get("sort")) == ("paper", "title")
