"""The term explorer and the interactive tables (helpers.explore): data, caps, stable output, offline pages."""
import re

import pandas as pd
import pytest

import helpers
from helpers.compare import weighted_log_odds
from helpers.explore import Table, TermExplorer, table, term_explorer


def test_explorer_on_the_seed(seed):
    explorer = term_explorer(seed, by="role")
    assert isinstance(explorer, TermExplorer) and explorer.groups[:2] == ["host", "counterpart"]
    assert re.fullmatch(r"<TermExplorer: \d+ terms, 3 groups, \d+ sentences>", repr(explorer))
    assert explorer._repr_mimebundle_()["text/plain"] == repr(explorer)
    terms = explorer.terms.set_index("term")
    assert terms.loc["cooperation", "n"] == terms.loc["cooperation", ["n_0", "n_1", "n_2"]].sum()
    # names of people and countries would lead every group: left out by default, kept on request
    assert not {"china", "belarus", "xi", "jinping", "lukashenko"} & set(terms.index)
    assert {"china", "belarus"} <= set(term_explorer(seed, by="role", leave_out=()).terms["term"])
    # every sentence listed for a term contains it
    for term, rows in explorer.terms[["term", "sentences"]].itertuples(index=False):
        for row in map(int, rows.split()):
            assert term in explorer.sentences.loc[row, "text"].lower()


def test_z_is_weighted_log_odds_of_one_group_against_the_rest(seed):
    explorer = term_explorer(seed, by="role", groups=["host", "counterpart"], min_count=1, leave_out=())
    counts = helpers.frequencies(seed.tokens[seed.tokens["role"].isin(["host", "counterpart"])], by="role")
    counts = counts.assign(role=counts["role"].astype(str))[["role", "term", "n"]]
    expected = weighted_log_odds(counts, "role").query("role == 'host'").set_index("term")["log_odds_weighted"]
    got = explorer.terms.set_index("term")["z_0"]
    shared = got.index.intersection(expected.index)  # terms the host never uses have no z of their own (0 here)
    assert len(shared) == len(expected) and (got.drop(shared) == 0).all()
    pd.testing.assert_series_equal(got[shared], expected[shared], check_names=False)


def test_caps_hold(seed):
    explorer = term_explorer(seed, by="role", max_terms=10, sentences_per_term=2, max_sentences=5, sentence_chars=40)
    assert len(explorer.terms) <= 10 and len(explorer.sentences) <= 5
    assert explorer.sentences["text"].str.len().max() <= 40
    assert all(len(rows.split()) <= 2 for rows in explorer.terms["sentences"])


def test_page_is_offline_and_the_same_every_run(seed):
    first, second = term_explorer(seed, by="role").html(), term_explorer(seed, by="role").html()
    assert first == second
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?https?:""", first)
    frame = term_explorer(seed, by="role")._repr_html_()
    assert frame.startswith('<iframe class="readouts-explorer"') and 'sandbox="allow-scripts"' in frame


def test_grouping_by_documents_and_periods(seed):
    assert term_explorer(seed, by="speaker").groups == ["Xi Jinping", "Alexander Lukashenko"]
    with pytest.raises(ValueError, match="compares groups"):
        term_explorer(seed, by="year")  # one readout, one year
    with pytest.raises(ValueError, match="cannot group by"):
        term_explorer(seed, by="no such column")
    with pytest.raises(ValueError, match="no sentences with role = 'nobody'"):
        term_explorer(seed, by="role", groups=["host", "nobody"])


def test_table_text_and_html(seed):
    shown = table(seed.sentences[["speaker", "role", "text"]], caption="sentences", max_rows=5)
    assert isinstance(shown, Table)
    text = repr(shown)
    assert text.startswith("<Table: 14 rows x 3 columns, first 5 shown; sentences>")
    first = table(seed.sentences, max_rows=5, assets=True)._repr_html_()
    assert first == table(seed.sentences, max_rows=5, assets=True)._repr_html_()  # no random ids
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?https?:""", first)
    assert "import(" not in first.replace("await import(url)", "")  # the bundle is imported from a blob: made in the page
    assert len(table(seed.sentences, assets=False)._repr_html_()) < 50_000


def test_lazy_exports():
    assert helpers.term_explorer is term_explorer and helpers.table is table
