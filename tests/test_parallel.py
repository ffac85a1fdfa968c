"""The parallel loader on a made-up corpus large enough to be split: a helper process that fails or dies
is reported, never waited for."""
from __future__ import annotations

import multiprocessing
import os
import warnings

import pytest

import helpers.corpus as corpus
from helpers import load_corpus

FILES = 240  # above the size from which load_corpus starts helper processes


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    for i in range(FILES):
        (folder / f"r{i:03d}.txt").write_text(
            f"President Alpha Spoke with Prime Minister Beta {i}\n\n"
            f"President Alpha spoke today with Prime Minister Beta about trade number {i}, "
            f"{' '.join(f'point{i}x{k}' for k in range(12))}. "
            "The two leaders agreed to meet again.\n", encoding="utf-8")
    return folder


@pytest.fixture
def fork():
    """The user's choice of start method is the loader's: these tests change `_load_part` in this process, which
    only forked helpers see."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    multiprocessing.set_start_method("fork", force=True)
    yield
    multiprocessing.set_start_method(None, force=True)


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, cache=False, workers=2)


def test_split_load_keeps_every_file_in_order(many):
    loaded = _load(many)
    assert list(loaded.documents["doc_id"]) == [f"r{i:03d}" for i in range(FILES)]
    assert loaded.problems.empty


def test_an_error_in_a_helper_process_is_raised_here(many, monkeypatch, fork):
    parent, load_part = os.getpid(), corpus._load_part

    def fails_in_helpers(files, **options):
        if os.getpid() != parent:
            raise ValueError("broken rule table")
        return load_part(files, **options)

    monkeypatch.setattr(corpus, "_load_part", fails_in_helpers)
    with pytest.raises(RuntimeError, match="broken rule table"):
        _load(many)


def test_a_helper_process_that_dies_is_reported(many, monkeypatch, fork):
    parent, load_part = os.getpid(), corpus._load_part

    def dies_in_helpers(files, **options):
        if os.getpid() != parent:
            os._exit(3)
        return load_part(files, **options)

    monkeypatch.setattr(corpus, "_load_part", dies_in_helpers)
    with pytest.raises(RuntimeError, match="ended without handing back"):
        _load(many)
