"""Property-based checks (hypothesis): on arbitrary text, cleaning, sentences and tokens lose nothing."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.clean import clean_body, paragraph_spans
import pandas as pd

from helpers import schema
from helpers.corpus import _sentence_frame, segment
from helpers.tokens import tokens_of
from helpers.lexicon import default_lexicon
from helpers.segment import sentence_spans
from helpers.tokens import token_pattern, token_spans

from invariants import assert_nothing_lost

# Text drawn from all of Unicode, plus a bias towards the characters readouts are made of.
genre_alphabet = st.sampled_from(list("abcXYZ .,;:!?'\"’“”()-–\n\t\u00a0\u2028UuSs.MrDJ0123") + ["U.S.", "Mr.", "Jr.", "\n\n", "  "])
texts = st.one_of(st.text(), st.lists(genre_alphabet, max_size=200).map("".join))


class _Frames:
    def __init__(self, documents, sentences, tokens):
        self.documents, self.sentences, self.tokens = documents, sentences, tokens


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(texts, st.booleans())
def test_cleaned_text_is_fully_covered_by_sentences_and_tokens(raw, markdown):
    text = clean_body(raw, markdown=markdown)
    documents = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sentences = schema.conform(_sentence_frame([("d", text, segment(default_lexicon(), text))]), "sentences")
    tokens = tokens_of(sentences, documents)
    if text:
        assert_nothing_lost(_Frames(documents, sentences, tokens))
    else:
        assert sentences.empty and tokens.empty


@settings(max_examples=150, deadline=None)
@given(texts)
def test_segmenter_spans_are_ordered_trimmed_slices(text):
    spans = sentence_spans(default_lexicon(), text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        last = end
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=150, deadline=None)
@given(texts)
def test_tokens_cover_every_non_blank_character(text):
    spans = token_spans(text)
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    assert all(not text[i].isspace() for i in covered)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_paragraphs_of_cleaned_text_hold_no_blank_line(raw):
    text = clean_body(raw, markdown=True)
    for start, end in paragraph_spans(text):
        assert "\n" not in text[start:end]
        assert text[start:end] == text[start:end].strip()


# The token pattern without its fast path (third line of token_pattern): the rules as first written.
_PLAIN_TOKEN_PATTERN = re.compile(
    r"""(?:(?:[^\W\d_]\.){2,}(?![^\W\d_])|(?:[^\W\d_]\.)+[^\W\d_](?![\w.]))
          (?:[-‐‑](?:(?:[^\W\d_]\.){2,}(?![^\W\d_])|(?:[^\W\d_]\.)+[^\W\d_](?![\w.])|\w+))*
      | \d+(?:[.,:/]\d+)+ | \w+(?=n['’]t\b) | n['’]t\b
      | ['’](?:s|re|ve|ll|d|m)\b
      | \w+(?:[-‐‑](?:(?:[^\W\d_]\.){2,}(?![^\W\d_])|(?:[^\W\d_]\.)+[^\W\d_](?![\w.])|\w+))* | \S""",
    re.VERBOSE,
)
contraction_alphabet = st.sampled_from(list("ant’'-‐‑.,:/ 1Ux\u00e9_sdl") + ["n't", "n’t", "'t", "U.S.", "U.S", "well-"])


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, st.lists(contraction_alphabet, max_size=30).map("".join)))
def test_token_fast_path_splits_as_the_plain_rules_do(text):
    assert [m.span() for m in token_pattern(default_lexicon()).finditer(text)] == [m.span() for m in _PLAIN_TOKEN_PATTERN.finditer(text)]
