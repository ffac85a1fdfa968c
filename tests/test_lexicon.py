"""The Lexicon: a researcher's own rules for a publisher no table covers, without touching code.

The readout below is written for the tests in the style of an invented house (the Quorvian chancery): its titles
("High Steward", "Archon"), its reporting verb ("averred") and its countries (Quorvia, Dalmaria) are in no table
the project ships, so the default rules cannot credit it; a folder of four small tables makes them."""
from __future__ import annotations

import subprocess
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from helpers import load_corpus
from helpers.lexicon import Lexicon, LexiconError, default_lexicon

ROOT = Path(__file__).resolve().parents[1]

READOUT = """---
title: "High Steward Tamsin Vale Confers with Dalmarian Archon Pell Oduya"
date: 2025-03-03
source_style: quorvia
---

On 3 March 2025, High Steward Tamsin Vale held a telephone conversation with Archon Pell Oduya of Dalmaria.

High Steward Vale averred that Quorvia and Dalmaria share three centuries of friendship. Quorvia stands ready to widen trade across the Narrow Sea.

Archon Oduya averred that Dalmaria values the partnership. Dalmaria will send a delegation to the spring fair.

The two leaders agreed to stay in close contact.
"""

EXPECTED = [("narrator", ""), ("host", "Tamsin Vale"), ("host", "Tamsin Vale"), ("counterpart", "Pell Oduya"),
            ("counterpart", "Pell Oduya"), ("joint", "")]


def _rules(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "titles.csv").write_text("title,kind\nHigh Steward,head_of_government\nArchon,head_of_state\n", encoding="utf-8")
    (folder / "reporting_verbs.csv").write_text("form,lemma\naverred,aver\n", encoding="utf-8")
    (folder / "countries.csv").write_text("country,demonyms,aliases\nQuorvia,Quorvian,\nDalmaria,Dalmarian,\n", encoding="utf-8")
    bundle = folder / "styles" / "quorvia"
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / "house.csv").write_text("setting,value\nhost_country,Quorvia\n", encoding="utf-8")
    return folder


@pytest.fixture
def readouts(tmp_path) -> Path:
    folder = tmp_path / "readouts"
    folder.mkdir()
    (folder / "vale_oduya.md").write_text(READOUT, encoding="utf-8")
    return folder


def _load(folder: Path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, **options)


def _credits(corpus) -> list[tuple[str, str]]:
    return list(zip(corpus.sentences["role"].astype(str), corpus.sentences["speaker"].astype(str)))


def test_own_rules_credit_a_style_no_table_covers(readouts, tmp_path):
    without = _load(readouts, cache=False)
    assert _credits(without) != EXPECTED, "the invented style must be beyond the shipped tables"
    assert ("counterpart", "Pell Oduya") not in _credits(without)  # "Archon" is read as part of his name
    with_rules = _load(readouts, cache=False, lexicon=_rules(tmp_path / "my_rules"))
    assert _credits(with_rules) == EXPECTED
    document = with_rules.documents.iloc[0]
    assert (document["host"], document["host_title"]) == ("Tamsin Vale", "High Steward")
    assert (list(document["counterparts"]), document["counterpart_country"]) == (["Pell Oduya"], "Dalmaria")
    assert document["source_style"] == "quorvia"


def test_the_cache_key_holds_the_lexicon(readouts, tmp_path):
    """The same files loaded through the cache with and without the rules: each load gets its own frames."""
    rules = _rules(tmp_path / "my_rules")
    assert _credits(_load(readouts, lexicon=rules)) == EXPECTED
    assert _credits(_load(readouts)) != EXPECTED
    assert _credits(_load(readouts, lexicon=rules)) == EXPECTED
    assert Lexicon.load(rules).fingerprint != default_lexicon().fingerprint


def test_an_overlay_without_rows_changes_nothing(tmp_path):
    """Tables with their header and no row add nothing: the frames are those of the shipped tables."""
    folder = tmp_path / "empty_rules"
    folder.mkdir()
    for name in ("titles", "reporting_verbs", "countries", "joint_subjects"):
        header = ",".join(default_lexicon().table(name).columns)
        (folder / f"{name}.csv").write_text(header + "\n", encoding="utf-8")
    fixtures = ROOT / "tests" / "fixtures"
    plain, overlaid = _load(fixtures, cache=False), _load(fixtures, cache=False, lexicon=folder)
    for name in ("documents", "sentences", "tokens"):
        pd.testing.assert_frame_equal(getattr(plain, name), getattr(overlaid, name))


def test_replace_marker_replaces_the_default_rows(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "joint_subjects.csv").write_text("#! replace\nphrase\nthe two chanceries\n", encoding="utf-8")
    added = tmp_path / "added"
    added.mkdir()
    (added / "joint_subjects.csv").write_text("phrase\nthe two chanceries\n", encoding="utf-8")
    assert Lexicon.load(folder).words("joint_subjects", "phrase") == ["the two chanceries"]
    assert "the two leaders" in Lexicon.load(added).words("joint_subjects", "phrase")
    assert "the two chanceries" in Lexicon.load(added).words("joint_subjects", "phrase")


@pytest.mark.parametrize("name, content, says", [
    ("titles.csv", "name,kind\nArchon,head_of_state\n", "titles.csv: missing column(s) ['title']"),
    ("headline_tails.csv", "pattern\non\\s+the\\s+Phone\n(unclosed\n", "headline_tails.csv, row 2: the pattern '(unclosed' does not compile"),
    ("titels.csv", "title,kind\nArchon,head_of_state\n", "titels.csv: no rule reads a table named 'titels'"),
    ("style_markers.csv", "style,field,pattern\nquorvia,letterhead,Quorvia\n", "style_markers.csv, row 1: unknown field 'letterhead'"),
    ("style_markers.csv", "style,field,pattern\nQuorvian chancery,url,quorvia\\.example\n", "style_markers.csv, row 1: style 'Quorvian chancery'"),
])
def test_bad_tables_are_refused_naming_file_and_row(tmp_path, name, content, says):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=None) as error:
        Lexicon.load(tmp_path)
    assert says in str(error.value)


def test_a_lexicon_is_immutable():
    with pytest.raises(AttributeError):
        default_lexicon().style = "other"


def test_report_runs_with_own_rules(readouts, tmp_path):
    """`make report CORPUS=... LEXICON=...` credits the invented style in the executed notebooks."""
    rules = _rules(tmp_path / "my_rules")
    started = time.time()
    run = subprocess.run(["make", "--no-print-directory", "report", f"CORPUS={readouts}", f"LEXICON={rules}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    written = [p for p in (ROOT / "reports").rglob("01_corpus_overview.ipynb") if p.stat().st_mtime >= started]
    assert len(written) == 1, written
    overview = written[0].read_text(encoding="utf-8")
    assert "Tamsin Vale" in overview and "Pell Oduya" in overview
    assert "averred" in overview and "aver" in overview
