"""The loader's promise that nothing is lost, as a check any test can run on any corpus."""
from __future__ import annotations


def assert_nothing_lost(corpus) -> None:
    """Sentences and tokens are exact slices of the text and together cover every non-blank character."""
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    for doc_id, sents in corpus.sentences.groupby("doc_id", sort=False):
        text = texts[doc_id]
        covered = [False] * len(text)
        last_end = -1
        for start, end, sentence in zip(sents["start"], sents["end"], sents["text"]):
            assert text[start:end] == sentence, (doc_id, start, end)
            assert start >= last_end, f"{doc_id}: sentences overlap or are out of order at {start}"
            last_end = end
            covered[start:end] = [True] * (end - start)
        missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
        assert not missing, f"{doc_id}: characters outside every sentence at {missing[:5]}"
        assert list(sents["sent_id"]) == list(range(len(sents)))
    sentence_spans = {(d, s): (a, b) for d, s, a, b in zip(corpus.sentences["doc_id"], corpus.sentences["sent_id"], corpus.sentences["start"], corpus.sentences["end"])}
    for (doc_id, sent_id), toks in corpus.tokens.groupby(["doc_id", "sent_id"], sort=False):
        text = texts[doc_id]
        s_start, s_end = sentence_spans[(doc_id, sent_id)]
        covered = set()
        for start, end, token in zip(toks["start"], toks["end"], toks["token"]):
            assert text[start:end] == token
            assert s_start <= start < end <= s_end
            covered.update(range(start, end))
        missing = [i for i in range(s_start, s_end) if not text[i].isspace() and i not in covered]
        assert not missing, f"{doc_id} sentence {sent_id}: characters outside every token at {missing[:5]}"
    tokens_per_sentence = corpus.tokens.groupby(["doc_id", "sent_id"]).size()
    assert len(tokens_per_sentence) == len(corpus.sentences), "a sentence has no token"
