"""The notebook suite's shape and the report runner, on the seed.

nbval (configured in pyproject.toml) re-runs every notebook and compares its outputs; these
tests check what nbval does not: the parameters convention, the committed outputs being
clean, and `make report`'s pages and index.
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import nbformat
import pytest

from helpers.report import NOTEBOOKS, notebooks, run_suite

ROOT = Path(__file__).resolve().parents[1]
SUITE = notebooks()


def test_the_suite_is_five_numbered_notebooks():
    assert [n.name for n in SUITE] == ["01_corpus_overview.ipynb", "02_keywords.ipynb",
                                       "03_themes.ipynb", "04_speaker_comparison.ipynb",
                                       "05_paired_readouts.ipynb"]


@pytest.mark.parametrize("path", SUITE, ids=lambda p: p.stem)
def test_one_parameters_cell_whose_defaults_are_the_repositorys_seed_and_themes(path):
    nb = nbformat.read(str(path), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    values: dict = {}
    exec(tagged[0].source, {}, values)  # the cell is plain assignments, as papermill expects
    # The kernel starts in notebooks/ (JupyterLab, nbval, papermill's cwd), so defaults are relative to it.
    assert not Path(values["corpus"]).is_absolute() and not Path(values["themes"]).is_absolute()
    assert (NOTEBOOKS / values["corpus"]).resolve() == (ROOT / "seeds").resolve()
    assert (NOTEBOOKS / values["themes"]).resolve() == (ROOT / "data" / "themes.yaml").resolve()
    assert "make fetch" in tagged[0].source  # the comment tells how to point at the fetched corpus


@pytest.mark.parametrize("path", SUITE, ids=lambda p: p.stem)
def test_opens_with_its_question_and_ends_with_what_was_learned(path):
    nb = nbformat.read(str(path), as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    assert markdown[-1].source.startswith("## What we learned")


@pytest.mark.parametrize("path", SUITE, ids=lambda p: p.stem)
def test_committed_outputs_are_complete_and_clean(path):
    nb = nbformat.read(str(path), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "re-execute the notebook before committing"
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    text = nbformat.writes(nb)
    assert "/work/" not in text and "/home/" not in text, "an absolute path of this machine leaked into the notebook"
    assert not re.search(r"at 0x[0-9a-f]{6,}", text)
    # Interactive tables and the explorer carry their JavaScript (DataTables about 1 MB once per notebook, Bokeh
    # about 1.7 MB) so that they work offline; beyond that, figures and tables must stay few and small.
    assert path.stat().st_size < 3_000_000, "keep committed notebooks small (figure count, dpi, rows shown)"


@pytest.mark.parametrize("path", SUITE, ids=lambda p: p.stem)
def test_no_function_defined_in_a_notebook(path):
    # Shared code belongs in src/helpers/, where it is tested; notebooks stay glue.
    nb = nbformat.read(str(path), as_version=4)
    assert not [c for c in nb.cells if c.cell_type == "code" and re.search(r"^\s*(def|class) ", c.source, re.M)]


def test_report_on_the_seed_writes_pages_and_an_index(tmp_path):
    log = io.StringIO()
    cwd = os.getcwd()
    index, runs = run_suite(ROOT / "seeds", reports=tmp_path, progress=False, workers=2, log=log)
    # notebooks run concurrently: the caller's working directory is left alone (papermill's
    # `cwd` would change it process-wide), and the runs come back in the suite's order
    assert os.getcwd() == cwd
    assert [r.notebook.name for r in runs] == [p.name for p in SUITE]
    assert log.getvalue().count(" ok in ") == len(SUITE)  # a progress line per notebook
    assert index == tmp_path / "seeds" / "index.html"
    assert not [r.error for r in runs if r.error]
    page = index.read_text()
    for path in SUITE:
        html = tmp_path / "seeds" / path.with_suffix(".html").name
        assert f'href="{html.name}"' in page
        assert "<img" in html.read_text() or "image/png" in html.read_text()
        executed = nbformat.read(str(html.with_suffix(".ipynb")), as_version=4)
        injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
        # The injected corpus is the seed folder, given relative to notebooks/ so shared pages hold no local path.
        assert injected and 'corpus = "../seeds"' in injected[0].source
        assert (ROOT / "notebooks" / "../seeds").resolve() == (ROOT / "seeds").resolve()
        assert str(ROOT) not in injected[0].source
    assert 'href="seeds/index.html"' in (tmp_path / "index.html").read_text()
