"""The seed readout loads into the documented frames with the documented metadata."""
import pandas as pd

from helpers import schema


def test_frames_follow_the_schema(seed):
    for name in ("documents", "sentences", "tokens", "problems"):
        assert schema.check(getattr(seed, name), name) == []


def test_seed_metadata(seed):
    assert len(seed.documents) == 1
    doc = seed.documents.iloc[0]
    assert doc["date"] == pd.Timestamp("2021-01-26")
    assert doc["event_type"] == "call"
    assert doc["host"] == "Xi Jinping"
    assert doc["counterparts"][0] == "Alexander Lukashenko"
    assert doc["counterpart_title"] == "President"
    assert doc["counterpart_country"] == "Belarus"
    assert doc["source_style"] == "mfa"
    assert doc["title"].startswith("Xi Jinping Speaks with Belarusian President")
    assert len(seed.problems) == 0


def test_seed_counts_agree_across_frames(seed):
    doc = seed.documents.iloc[0]
    assert doc["n_sentences"] == len(seed.sentences) == 14
    assert doc["n_paragraphs"] == seed.sentences["para_id"].nunique() == 4
    assert doc["n_tokens"] == len(seed.tokens)


def test_seed_loses_nothing(seed):
    from invariants import assert_nothing_lost
    assert_nothing_lost(seed)


def test_tokens_can_be_rebuilt_from_sentences_alone(seed):
    import pandas as pd

    from helpers.tokens import tokens_of

    pd.testing.assert_frame_equal(tokens_of(seed.sentences), seed.tokens)
