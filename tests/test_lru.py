"""winback's one bounded cache (winback.lru): at most ``size`` entries, the least recently used leaving first."""

from __future__ import annotations

import pytest

from winback.lru import LRU


def test_it_never_holds_more_than_its_size() -> None:
    cache: LRU[int, str] = LRU(3)
    for n in range(10):
        cache.put(n, str(n))
        assert len(cache) == min(n + 1, 3)
    assert [cache.get(n) for n in range(10)] == [None] * 7 + ["7", "8", "9"]


def test_a_cache_holds_at_least_one_entry() -> None:
    with pytest.raises(ValueError, match="at least one entry"):
        LRU(0)
    single: LRU[str, int] = LRU(1)
    single.put("a", 1)
    single.put("b", 2)
    assert (single.get("a"), single.get("b"), len(single)) == (None, 2, 1)


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: LRU[str, int] = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the more recently used
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_putting_a_key_again_replaces_its_value_and_makes_it_recent() -> None:
    cache: LRU[str, int] = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c"), len(cache)) == (10, None, 3, 2)


def test_get_or_build_builds_once_per_key() -> None:
    cache: LRU[str, list[int]] = LRU(4)
    built: list[str] = []

    def build(key: str) -> list[int]:
        built.append(key)
        return [len(built)]

    first = cache.get_or_build("a", lambda: build("a"))
    again = cache.get_or_build("a", lambda: build("a"))
    other = cache.get_or_build("b", lambda: build("b"))
    assert again is first
    assert (first, other, built) == ([1], [2], ["a", "b"])


def test_clear_empties_it_and_the_next_get_or_build_builds_again() -> None:
    cache: LRU[str, int] = LRU(4)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.clear()
    assert (len(cache), cache.get("a"), cache.get("b")) == (0, None, None)
    assert cache.get_or_build("a", lambda: 5) == 5
    assert cache.get("a") == 5
