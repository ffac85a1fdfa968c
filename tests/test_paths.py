"""Paths that stay where they belong: `make report` hands its values over without any shell or make expansion,
and a report lands in a folder directly inside reports/, whatever the corpus is called."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.__main__ import main
from helpers.report import notebooks, report_folder, run_suite

from conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_report_runs_no_command_from_its_values(tmp_path):
    marker = tmp_path / "ran"
    values = [f"x`touch {marker}`", f"$(shell touch {marker})", f'x"; touch {marker}; "', f"$$(touch {marker})", f"x'; touch {marker}; '"]
    for value in values:
        # -o: the venv this test runs in is the installed one; BIN points make at it
        run = subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", "report", f"BIN={Path(sys.executable).parent}",
                              f"CORPUS={value}", f"THEMES={value}", f"LEXICON={value}"],
                             cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert run.returncode != 0
        assert "no corpus at" in run.stderr and value in run.stderr, run.stderr  # it arrived as typed, as a path
        assert not marker.exists(), f"CORPUS={value!r} ran a command"


@pytest.mark.parametrize("name, expected", [
    ("seeds", "seeds"), ("..", None), ("index.html", "index.html_"), ("a b$(x)`y`", "a_b_x_y_"), (".hidden", "hidden"),
    ("...csv", "corpus"), ("../../etc", None), ("Élysée readouts", "Élysée_readouts"),
])
def test_report_folders_are_sanitised_and_inside_reports(tmp_path, name, expected):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "index.html").write_text("the top index")
    corpus = tmp_path / "corpora" / "deep" / "deeper" / name
    if name.endswith(".csv"):
        corpus.parent.mkdir(parents=True, exist_ok=True)
        corpus.write_text("id,text\n1,x\n")
    else:
        corpus.mkdir(parents=True, exist_ok=True)
    folder = report_folder(reports, corpus)
    assert folder.parent == reports.resolve() and folder.is_dir()
    assert not folder.name.startswith(".") and "/" not in folder.name
    if expected:
        assert folder.name == expected
    assert (reports / "index.html").read_text() == "the top index"


def test_two_corpora_of_one_name_get_two_folders(tmp_path):
    reports = tmp_path / "reports"
    first, second = tmp_path / "a" / "readouts", tmp_path / "b" / "readouts"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    assert report_folder(reports, first).name == "readouts"
    assert report_folder(reports, second).name == "readouts-2"
    assert report_folder(reports, first).name == "readouts"  # the same corpus again: its own folder


def test_a_report_on_a_corpus_named_index_html_writes_only_inside_reports(tmp_path, capsys):
    corpus = tmp_path / "in" / "index.html"
    shutil.copytree(SEEDS, corpus)
    reports = tmp_path / "reports"
    before = sorted(os.listdir(ROOT))
    index, runs = run_suite(corpus, reports=reports, progress=False, workers=1, suite=notebooks()[:1])
    assert not [run.error for run in runs if run.error]
    assert index.parent.parent == reports.resolve() and index.parent.name == "index.html_"
    assert (reports / "index.html").is_file() and (index.parent / notebooks()[0].name).is_file()
    assert sorted(os.listdir(ROOT)) == before
    assert sorted(os.listdir(tmp_path / "in")) == ["index.html"]


def test_the_command_line_reports_a_missing_corpus_without_a_traceback(capsys):
    assert main(["report", "--corpus", "/no/such/folder/...csv", "--quiet"]) == 1
    assert "no corpus at" in capsys.readouterr().err
