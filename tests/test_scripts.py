"""A researcher's script that calls load_corpus at its top level, without `if __name__ == "__main__":`.

Loader helpers start from a fork server, which (as under spawn) runs the script's top level again, under the name
__mp_main__; the load there must not read the corpus a second time."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import needs_whitehouse, whitehouse_dir


@needs_whitehouse
def test_a_script_without_the_main_guard_loads_the_corpus_once(tmp_path):
    script = tmp_path / "count.py"
    script.write_text(textwrap.dedent(f"""
        import warnings
        warnings.simplefilter("ignore")
        from helpers import load_corpus
        corpus = load_corpus({str(whitehouse_dir())!r}, cache=False, workers=2)
        print("loaded", len(corpus.documents))
        """), encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    counts = [int(line.split()[1]) for line in run.stdout.splitlines() if line.startswith("loaded ")]
    # the script's own top level runs again in the fork server (its print shows 0): only the real load reads files
    assert sorted(counts)[-1] > 1000 and sum(n > 0 for n in counts) == 1, run.stdout
