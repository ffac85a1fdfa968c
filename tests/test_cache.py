"""The Parquet cache: a warm load equals a cold one, and any change to inputs or code misses it."""
import shutil
import warnings

import pandas as pd
import pytest

from helpers import cache, load_corpus
from helpers.readers import ReadError, list_files

from conftest import SEEDS

FRAMES = ("documents", "sentences", "tokens", "problems")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "empty.txt").write_text("")
    return corpus


def _load(folder, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, **options)


def test_warm_load_equals_cold_load_and_stores_only_parquet(folder, tmp_path):
    cold = _load(folder, cache=False)
    first = _load(folder)
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 1 and sorted(p.name for p in entries[0].iterdir()) == sorted(f"{n}.parquet" for n in FRAMES)
    warm = _load(folder)
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(first, name))
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(warm, name))


def test_a_cached_corpus_still_reports_its_problems(folder):
    _load(folder)
    with pytest.warns(UserWarning, match="1 of 2 input files"):
        load_corpus(folder)
    with pytest.raises(ReadError, match="empty.txt"):
        load_corpus(folder, strict=True)


def test_changing_a_file_or_the_code_or_the_options_changes_the_key(folder, monkeypatch):
    files = list_files(folder)[0]
    before = cache.key(files, attribute=True)
    assert cache.key(files, attribute=False) != before
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another version of the code")
    assert cache.key(files, attribute=True) != before
    monkeypatch.undo()
    seed = folder / "000_388c927a21cd857b.txt"
    seed.write_text(seed.read_text().replace("Belarus and China are", "Belarus (edited) and China are"))
    assert cache.key(files, attribute=True) != before
    assert "(edited)" in _load(folder).documents["text"].iloc[0]


def test_a_damaged_cache_is_ignored(folder, tmp_path):
    _load(folder)
    entry = next((tmp_path / "cache").iterdir())
    (entry / "tokens.parquet").write_bytes(b"not parquet")
    assert len(_load(folder).tokens) == len(_load(folder, cache=False).tokens)
