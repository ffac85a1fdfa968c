"""Speaker attribution (placeholder until the attribution rules land): every sentence unattributed."""
from __future__ import annotations

import pandas as pd


def attribute_speakers(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    out = sentences.copy()
    out["speaker"] = ""
    out["role"] = "unattributed"
    out["verb"] = ""
    return out
