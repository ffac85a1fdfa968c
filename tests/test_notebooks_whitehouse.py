"""The whole notebook suite, executed end to end on the shared White House corpus (1,064 readouts).

Runs only when READOUTS_WHITEHOUSE_CORPUS names the folder (CI sets it). Each notebook is
executed by papermill, as `make report` does, into tmp_path; its run time is printed.
"""
from __future__ import annotations

import re

import nbformat
import pytest

from conftest import needs_whitehouse, whitehouse_dir
from helpers.report import execute, notebooks

TIMES: dict[str, float] = {}


@needs_whitehouse
@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_notebook_runs_cleanly_on_the_white_house_corpus(path, tmp_path, capsys):
    run = execute(path, tmp_path / path.name, corpus=whitehouse_dir(), progress=False)
    TIMES[path.name] = run.seconds
    with capsys.disabled():
        print(f"\n{path.name} on the White House corpus: {run.seconds:.1f} s (suite so far {sum(TIMES.values()):.1f} s)")
    assert not run.error, f"{path.name} raised on the White House corpus: {run.error}"
    executed = nbformat.read(str(run.notebook), as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"{path.name} wrote to stderr (a warning?): {stderr[0][:500]}"
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "Warning" not in text and "Traceback" not in text
    if path.stem == "05_paired_readouts":
        # one publisher's readouts: no pair, which the notebook says in a sentence instead of drawing empty charts
        assert "No pair is present" in text
        assert int(re.search(r"(\d+) readout\(s\) from", text).group(1)) > 1000
        return
    # On 1,064 readouts every guard ("a single month", "one country") is passed: every chart is drawn.
    guards = [line for line in text.splitlines() if "no time series" in line or "no trend" in line
              or "nothing to plot" in line.lower() or "no counterparts to compare" in line]
    assert not guards, guards
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 3
    # the whole corpus, or (notebook 4 keeps the diplomatic readouts) "530 of 1062 readouts kept"
    loaded = re.search(r"<Corpus: (\d+) documents", text)
    kept = re.search(r"\d+ of (\d+) readouts kept", text)
    assert max(int(m.group(1)) for m in (loaded, kept) if m) > 1000, "the notebook did not run on the White House corpus"
