"""Set-up files agree, and the helpers never touch NLTK's downloadable data."""
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_and_pyproject_list_the_same_packages():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    from_pyproject = {_name(r): r.replace(" ", "") for r in project["dependencies"]}
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    from_conda = {_name(d): d.replace(" ", "") for d in environment["dependencies"] if isinstance(d, str) and _name(d) not in {"python", "pip"}}
    assert from_conda == from_pyproject
    pip_section = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_loader_needs_no_nltk_data(tmp_path):
    """Load the seed in a fresh interpreter where any look-up of NLTK data raises, and with an empty NLTK_DATA."""
    script = (
        "import nltk.data\n"
        "def refuse(*a, **k): raise AssertionError('NLTK data looked up: %r' % (a,))\n"
        "nltk.data.find = nltk.data.load = refuse\n"
        "import helpers\n"
        "c = helpers.load_corpus()\n"
        "print(len(c.sentences), len(c.tokens), c.tokens['stem'].str.cat(sep=' ')[:200])\n"
    )
    empty = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={"NLTK_DATA": str(tmp_path), "PATH": ""}, cwd=tmp_path)
    assert empty.returncode == 0, empty.stderr
    normal = subprocess.run([sys.executable, "-c", script.replace("nltk.data.find = nltk.data.load = refuse\n", "")], capture_output=True, text=True, cwd=tmp_path)
    assert normal.returncode == 0, normal.stderr
    assert empty.stdout == normal.stdout and empty.stdout.startswith("14 ")
