"""The gazetteer's file cache: round trip, rebuild on damage, where it lives, turned off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from signals import gazetteer_cache
from signals.gazetteer_cache import cache_dir, cache_path, cached_gazetteer, read_gazetteer, write_gazetteer
from signals.names import Gazetteer


def small_gazetteer() -> Gazetteer:
    return Gazetteer(
        first_names=frozenset({"mette", "ali", "anne-sofie"}),
        surnames=frozenset({"hansen", "o'connor"}),
        common_words=frozenset({"bo", "mark", "og", "æble"}),
        places=frozenset({"valby"}),
        blocked=frozenset({"mandag", "valby"}),
        stop_words=frozenset(),
    )


def test_write_then_read_gives_the_same_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "g.txt"
    assert write_gazetteer(path, small_gazetteer())
    assert read_gazetteer(path) == small_gazetteer()
    assert [p.name for p in path.parent.iterdir()] == ["g.txt"]  # no temporary file left


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace("hansen", "hanson"),  # body changed: checksum fails
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "something else\n" + text,  # not our format
        lambda text: "",
    ],
)
def test_a_damaged_file_is_not_read(tmp_path: Path, damage: Callable[[str], str]) -> None:
    path = tmp_path / "g.txt"
    write_gazetteer(path, small_gazetteer())
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert read_gazetteer(path) is None


def test_built_once_then_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONFLIKT_CACHE_DIR", str(tmp_path))
    builds: list[int] = []

    def build() -> Gazetteer:
        builds.append(1)
        return small_gazetteer()

    assert cached_gazetteer(build) == small_gazetteer()
    assert cached_gazetteer(build) == small_gazetteer()
    assert len(builds) == 1
    path = cache_path()
    assert path is not None and path.parent == tmp_path and path.is_file()
    path.write_text("broken", encoding="utf-8")
    assert cached_gazetteer(build) == small_gazetteer()
    assert len(builds) == 2 and read_gazetteer(path) == small_gazetteer()  # rebuilt and rewritten


def test_the_key_follows_the_package_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    key = gazetteer_cache.cache_key()
    monkeypatch.setattr(gazetteer_cache.metadata, "version", lambda package: "0.0-test")
    assert gazetteer_cache.cache_key() != key


def test_cache_turned_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONFLIKT_CACHE_DIR", "")
    assert cache_dir() is None and cache_path() is None
    assert cached_gazetteer(small_gazetteer) == small_gazetteer()
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert not write_gazetteer(blocker / "g.txt", small_gazetteer())


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"KONFLIKT_CACHE_DIR": "/x/y"}, Path("/x/y")),
        ({"XDG_CACHE_HOME": "/c"}, Path("/c/konfliktsignaler")),
        ({"HOME": "/h"}, Path("/h/.cache/konfliktsignaler")),
    ],
)
def test_cache_dir(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: Path) -> None:
    for name in ("KONFLIKT_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cache_dir() == expected
