"""A Parquet cache of loaded corpora, so a re-run on unchanged files does not load twice.

The key hashes every input file's path and content, the options, and the code that
reads them (the package's modules and the data tables), so editing a readout, a rule
table or a helper makes a new key. Frames are stored as Parquet, never pickled.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import schema
from .frames import Corpus
from .readers import ReadError, read_entry
from .lexicon import DATA_DIR

FRAMES = ("documents", "sentences", "tokens", "problems")
PACKAGE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """Where cached corpora live: $READOUTS_CACHE_DIR, else data/cache/ in the repository."""
    return Path(os.environ.get("READOUTS_CACHE_DIR") or DATA_DIR / "cache")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's source and the rule tables: any change to either invalidates the cache."""
    digest = hashlib.sha256()
    sources = sorted(PACKAGE_DIR.glob("*.py")) + sorted(p for p in DATA_DIR.glob("*") if p.is_file())
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key(files: list, *, attribute: bool, salt: str = "") -> str:
    """Cache key of a corpus: its files' relative paths and contents, the options, the code and `salt` (whatever
    else the frames depend on, such as the lexicon's fingerprint).

    `files` are `readers.Entry`s, whose bytes are the ones the load parses: hashing what was read, rather than
    reading the files again, means a file edited between the two can never be cached under the other's key.
    (file, root) pairs are read here. A file that cannot be read is keyed by why, as the load reports it."""
    digest = hashlib.sha256(f"{code_fingerprint()}|attribute={attribute}|{salt}".encode())
    for entry in files:
        file, root = entry[0], entry[1]
        if len(entry) > 2:
            data, error = entry[2], entry[3]
        else:
            try:
                data, error = read_entry(file, root), None
            except ReadError as failure:
                data, error = None, failure
        # the root fixes the doc ids (paths relative to it), the path names files in problems; names are bytes,
        # since a file name need not be UTF-8
        digest.update(os.fsencode(root) + b"\0" + os.fsencode(file) + b"\0")
        digest.update(hashlib.sha256(data).digest() if error is None else b"unread\0" + error.reason.encode("utf-8", "backslashreplace"))
    return digest.hexdigest()[:32]


def read(cache_key: str):
    """The cached Corpus for `cache_key`, or None when there is none. An entry that cannot be read, or holds other
    columns than the schema's (a damaged file, another version's frames), is a miss and is removed, so the next
    write replaces it."""
    folder = cache_dir() / cache_key
    if not folder.is_dir():
        return None
    try:
        frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in FRAMES}
        for name, frame in frames.items():
            if list(frame.columns) != list(schema.SPECS[name]):
                raise ValueError(f"{name}: columns {list(frame.columns)}")
        documents = frames["documents"]
        documents["counterparts"] = [list(value) for value in documents["counterparts"]]
        corpus = Corpus(*(schema.conform(frames[name], name) for name in FRAMES))
        if any(schema.check(getattr(corpus, name), name) for name in FRAMES):
            raise ValueError("dtypes differ from the schema")
    except Exception:  # noqa: BLE001 -- whatever is wrong with an entry, it is a miss, never a failed load
        _discard(folder)
        return None
    return corpus


def write(cache_key: str, corpus) -> None:
    """Store a Corpus under `cache_key`, atomically: a half-written cache is never read. Staging folders that an
    interrupted run left behind are removed first."""
    target = cache_dir() / cache_key
    if target.exists():
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target.parent)
        staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{cache_key}-{os.getpid()}-", dir=target.parent))
    except OSError:
        return  # a read-only place: work without a cache
    try:
        for name in FRAMES:
            getattr(corpus, name).to_parquet(staging / f"{name}.parquet", index=False)
        staging.rename(target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)


# Staging and discarded entries are hidden folders named `.<kind>-<key>-<pid>-<random>`.
_STAGING = ".staging-"
_DISCARDED = ".discarded-"
_LEFTOVER = re.compile(r"^\.(?:staging|discarded)-[0-9a-f]+-(\d+)-")
_STALE_AFTER = 3600.0


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the staging and discarded folders under `folder` whose process is gone (killed mid-write) or that
    are over an hour old; a live process's staging folder is left alone. Returns what was removed."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        found = _LEFTOVER.match(name)
        if not found:
            continue
        path = folder / name
        try:
            stale = time.time() - path.stat().st_mtime > _STALE_AFTER
        except OSError:
            continue
        if stale or not _alive(int(found.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _discard(folder: Path) -> None:
    """Move a bad entry out of the way (a rename, so a reader never sees it half-removed), then remove it."""
    try:
        aside = Path(tempfile.mkdtemp(prefix=f"{_DISCARDED}{folder.name}-{os.getpid()}-", dir=folder.parent))
        os.replace(folder, aside / "entry")
    except OSError:
        return
    shutil.rmtree(aside, ignore_errors=True)
