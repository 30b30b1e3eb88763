"""A file cache for the name gazetteer, so a new process reads it in a fraction of a second.

Building the gazetteer parses the Danish lemma table and imports every Faker locale (seconds).
The result depends only on the packages' data and on `signals/names.py`, so it is written once
to `<cache dir>/gazetteer-<key>.txt`, the key hashing those package versions and that file.
The cache dir is `$KONFLIKT_CACHE_DIR`, else `$XDG_CACHE_HOME/konfliktsignaler`, else
`~/.cache/konfliktsignaler`; `KONFLIKT_CACHE_DIR=""` turns the cache off.

The file is plain text (one word a line, a section per set, a SHA-256 of the body in the header),
so reading it runs no code. A missing, stale, unreadable or corrupt file is rebuilt; a cache
directory that cannot be written is skipped. The words come from package data, never from texts.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from signals import names
from signals.names import Gazetteer

FORMAT = "konfliktsignaler-gazetteer 1"
PACKAGES = ("gender-guesser", "Faker", "spacy", "spacy-lookups-data")
SECTIONS = ("first_names", "surnames", "common_words", "places", "blocked", "stop_words")
ENV_DIR = "KONFLIKT_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off or no home directory is known."""
    configured = os.environ.get(ENV_DIR)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "konfliktsignaler"
    try:
        return Path.home() / ".cache" / "konfliktsignaler"
    except RuntimeError:
        return None


def cache_key() -> str:
    """A hash of what the gazetteer is built from: the package versions and names.py itself."""
    digest = hashlib.sha256(FORMAT.encode())
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "missing"
        digest.update(f"{package}={version}\n".encode())
    digest.update(Path(names.__file__).read_bytes())
    return digest.hexdigest()[:24]


def cache_path() -> Path | None:
    directory = cache_dir()
    return None if directory is None else directory / f"gazetteer-{cache_key()}.txt"


def cached_gazetteer(build: Callable[[], Gazetteer]) -> Gazetteer:
    """The gazetteer from the cache file if it is there and intact, else `build()` and write it."""
    path = cache_path()
    if path is not None:
        loaded = read_gazetteer(path)
        if loaded is not None:
            return loaded
    built = build()
    if path is not None:
        write_gazetteer(path, built)
    return built


def _sections(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    return {name: getattr(gazetteer, name) for name in SECTIONS}


def write_gazetteer(path: Path, gazetteer: Gazetteer) -> bool:
    """Write atomically; False (and nothing written) when the directory cannot be written."""
    sections = _sections(gazetteer)
    if any(
        "\n" in word or not word or word.startswith("## ") for words in sections.values() for word in words
    ):
        return False  # one word a line: such a word cannot be stored, so do not cache at all
    body = "".join(f"\n## {name}\n" + "\n".join(sorted(sections[name])) for name in SECTIONS)
    header = f"{FORMAT}\nsha256 {hashlib.sha256(body.encode()).hexdigest()}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(header + body)
        os.replace(tmp_name, path)
    except OSError:
        Path(tmp_name).unlink(missing_ok=True)
        return False
    return True


def read_gazetteer(path: Path) -> Gazetteer | None:
    """The gazetteer stored at `path`, or None when it is missing or not exactly what was written."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    first_line, _, rest = content.partition("\n")
    sha_line, _, body = rest.partition("\n")
    body = "\n" + body
    if first_line != FORMAT or sha_line != f"sha256 {hashlib.sha256(body.encode()).hexdigest()}":
        return None
    parts = body.split("\n## ")[1:]
    found: dict[str, frozenset[str]] = {}
    for part in parts:
        name, _, words = part.partition("\n")
        found[name] = frozenset(words.split("\n")) if words else frozenset()
    if tuple(found) != SECTIONS:
        return None
    return Gazetteer(**found)
