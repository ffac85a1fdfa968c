"""The editable data tables under `data/`: where they are and how they are read."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def data_path(name: str) -> Path:
    """Path of a table shipped in the repository's `data/` folder."""
    return DATA_DIR / name


@lru_cache(maxsize=None)
def read_table(name: str) -> pd.DataFrame:
    """A CSV table from `data/`, all columns as text, `#` lines as comments; cached (treat as read-only)."""
    return pd.read_csv(data_path(name), dtype=str, keep_default_na=False, comment="#", skipinitialspace=True)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the `is_stop` column); imported on first use, since importing
    scikit-learn is slow and a load from the cache needs none of it."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)
