"""A Parquet cache of loaded corpora, so a re-run on unchanged files does not load twice.

The key hashes every input file's path and content, the options, and the code that
reads them (the package's modules and the data tables), so editing a readout, a rule
table or a helper makes a new key. Frames are stored as Parquet, never pickled.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import schema
from .frames import Corpus
from .tables import DATA_DIR

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


def key(files: list[tuple[Path, Path]], *, attribute: bool) -> str:
    """Cache key of a corpus: its files' relative paths and contents, the options and the code."""
    digest = hashlib.sha256(f"{code_fingerprint()}|attribute={attribute}".encode())
    for file, root in files:
        # the root fixes the doc ids (paths relative to it), the path names files in problems
        digest.update(f"{root}\0{file}\0".encode())
        with open(file, "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()[:32]


def read(cache_key: str):
    """The cached Corpus for `cache_key`, or None when there is none (or it cannot be read)."""
    folder = cache_dir() / cache_key
    if not folder.is_dir():
        return None
    try:
        frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in FRAMES}
    except (OSError, ValueError):
        return None
    documents = frames["documents"]
    documents["counterparts"] = [list(value) for value in documents["counterparts"]]
    return Corpus(*(schema.conform(frames[name], name) for name in FRAMES))


def write(cache_key: str, corpus) -> None:
    """Store a Corpus under `cache_key`, atomically: a half-written cache is never read."""
    target = cache_dir() / cache_key
    if target.exists():
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{cache_key}-", dir=target.parent))
    except OSError:
        return  # a read-only place: work without a cache
    try:
        for name in FRAMES:
            getattr(corpus, name).to_parquet(staging / f"{name}.parquet", index=False)
        staging.rename(target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
