"""The notebook suite as a report, and the little glue every notebook shares.

`run_suite(corpus)` executes every notebook in `notebooks/` (papermill, with the corpus and
theme dictionary injected into the cell tagged `parameters`), renders each to an HTML page
(nbconvert) and writes an index page: `python -m helpers report --corpus PATH`, or
`make report CORPUS=PATH`. Each corpus gets its own folder, `reports/<folder name>/`, and
`reports/index.html` links every corpus reported so far.

The notebooks run concurrently, one kernel per core (each notebook has its own kernel, so
they do not share state), after the corpus has been loaded once in the runner to fill the
load cache: every kernel then reads the Parquet cache instead of loading the corpus again.

`open_corpus` and `setup_notebook` are what the notebooks call before any analysis, so they
all open a corpus and show tables the same way.
"""
from __future__ import annotations

import html
import os
import re
import sys
import threading
import time
import urllib.parse
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus, load_corpus
from .readers import shown

__all__ = ["open_corpus", "setup_notebook", "notebooks", "execute", "run_suite", "refresh", "fill_cache",
           "default_workers", "report_folder", "NOTEBOOKS", "REPORTS"]

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
THEMES = ROOT / "data" / "themes.yaml"


# --- glue the notebooks share --------------------------------------------------------------------

def setup_notebook(max_rows: int = 20, max_colwidth: int = 70) -> None:
    """Table display settings for the notebooks: short, wide enough for a readout's sentence,
    and the same in every notebook so outputs (and nbval's comparison of them) stay stable."""
    import pandas as pd
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.min_rows", 10)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.width", 200)
    pd.set_option("display.precision", 3)
    _check_figures_as_shown()


class OverlappingLabelsWarning(UserWarning):
    """A figure shown in a notebook has labels drawn over each other."""


def _check_figures_as_shown() -> None:
    """Check every figure a notebook shows for labels drawn over each other, and warn (on stderr, which the
    notebook tests refuse) when some are: the figure's text form is computed whenever it is shown, so the check
    rides on it and leaves that text as matplotlib writes it."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    # the inline backend resets every formatter of Figure when it is first loaded: load it now, then register
    plt.switch_backend(matplotlib.get_backend())

    from .plots import overlapping_labels

    def text_of(figure: Figure, printer, cycle: bool) -> None:
        if clashes := overlapping_labels(figure):
            title = next((t.get_text() for ax in figure.axes for t in [ax.title] if t.get_text()), "a figure")
            # written to stderr directly: a kernel's warning filters would show it once at most, or never
            print(f"{OverlappingLabelsWarning.__name__}: {title}: labels drawn over each other: {clashes[:3]}", file=sys.stderr)
        printer.text(repr(figure))

    shell.display_formatter.formatters["text/plain"].for_type(Figure, text_of)


def open_corpus(path: str | Path, *, lexicon: str | Path | None = None) -> Corpus:
    """`load_corpus(path, lexicon=lexicon)`, with files it had to skip left in `corpus.problems` (the notebooks
    show that table) instead of a warning printed into every notebook's output."""
    folder = Path(path)
    if not folder.exists():
        raise FileNotFoundError(f"no readouts at {folder.resolve()}: set `corpus` in the parameters cell "
                                "to a folder of readouts (see README, 'Your own readouts')")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"load_corpus: .* skipped", category=UserWarning)
        corpus = load_corpus(folder, lexicon=lexicon)
    if corpus.documents.empty:
        raise ValueError(f"no readouts could be read under {folder.resolve()} "
                         f"({len(corpus.problems)} file(s) skipped; see load_corpus(...).problems)")
    return corpus


# --- the report runner ---------------------------------------------------------------------------

def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The suite's notebooks in reading order (`NN_name.ipynb`)."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def _import_runner_libraries() -> None:
    """Import papermill, nbclient and nbconvert once, in this thread, before any worker thread.

    nbformat imports jsonschema, whose optional IRI format checker imports rfc3987-syntax;
    version 1.1.0 of that package builds a grammar at import, about 2-3 s here, paid before
    the first kernel could start (python-jsonschema/jsonschema#1428). Notebook validation
    never checks the IRI formats, so when jsonschema is not imported yet the runner imports
    it without that checker (the package itself stays importable afterwards)."""
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment] -- import raises ImportError
        try:
            import jsonschema  # noqa: F401
        finally:
            del sys.modules["rfc3987_syntax"]
    import nbclient  # noqa: F401
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


def default_workers(count: int) -> int:
    """Notebooks run at once: one per core, and no more than there are notebooks."""
    return max(1, min(count, os.cpu_count() or 1))


def _in_parallel(function, items: list, workers: int) -> list:
    """`function` over `items` on `workers` threads, results in the items' order. Threads are
    enough: each notebook runs in its own kernel process, the thread only waits on it."""
    if workers <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def refresh(paths: list[Path] | None = None, *, workers: int | None = None, log=sys.stdout) -> None:
    """Re-execute the committed notebooks in place on their defaults (the seed), as nbval
    will, so their stored outputs match the helpers again (`make notebooks`). Per-cell
    execution timestamps are dropped: they would change every run and say nothing.
    Notebooks run concurrently (`workers`, default one per core), each in its own kernel."""
    _import_runner_libraries()
    import nbformat
    from nbclient import NotebookClient
    from .kernels import KERNEL_OPTIONS
    paths = list(paths or notebooks())
    lock = threading.Lock()

    def one(path: Path) -> None:
        with lock:
            print(f"re-executing {path.name} ...", file=log, flush=True)
        nb = nbformat.read(str(path), as_version=4)
        NotebookClient(nb, timeout=1800, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                       **KERNEL_OPTIONS).execute()
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(nb, str(path))

    _in_parallel(one, paths, workers or default_workers(len(paths)))


@dataclass
class Executed:
    notebook: Path      # the executed copy
    seconds: float
    error: str = ""     # the exception's first line when a cell raised


def execute(notebook: Path, output: Path, *, corpus: str | Path, themes: str | Path = THEMES,
            lexicon: str | Path | None = None, progress: bool = True, timeout: int = 1800) -> Executed:
    """Run one notebook with papermill into `output`, the parameters pointing at `corpus`, `themes` and
    `lexicon` (a folder of the researcher's own rule tables, or None for the repository's).

    The kernel starts in `notebooks/`, as nbval and JupyterLab start it, so the notebook's
    own relative defaults would resolve the same way. A cell that raises is reported in
    `error`; papermill has then still written the executed copy, traceback included.
    """
    import papermill
    from .kernels import KERNEL_OPTIONS
    output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    error = ""
    try:
        papermill.execute_notebook(
            str(notebook), str(output),
            parameters={"corpus": _as_seen_from(notebook.parent, corpus), "themes": _as_seen_from(notebook.parent, themes),
                        "lexicon": _as_seen_from(notebook.parent, lexicon) if lexicon else None},
            progress_bar=progress, kernel_name="python3", execution_timeout=timeout, log_output=False,
            # The kernel's working directory, given to nbclient rather than as papermill's `cwd`:
            # that one changes this whole process's directory for the run, which notebooks run
            # concurrently on threads would leave wrong for the caller.
            resources={"metadata": {"path": str(notebook.parent)}},
            **KERNEL_OPTIONS,  # IPC sockets: no "running over TCP without encryption" warning (helpers.kernels)
        )
    except papermill.PapermillExecutionError as failure:
        error = f"{failure.ename}: {failure.evalue}".splitlines()[0]
    return Executed(output, time.perf_counter() - started, error)


def _as_seen_from(folder: Path, path: str | Path) -> str:
    """`path` relative to `folder` when both lie in the repository (so shared pages carry no path of this
    machine), else absolute."""
    target = Path(path).resolve()
    if target.is_relative_to(ROOT) and folder.resolve().is_relative_to(ROOT):
        return os.path.relpath(target, folder.resolve())
    return str(target)


def render_html(notebook: Path, page: Path) -> None:
    """The executed notebook as a standalone HTML page (nbconvert's lab template), inputs kept. The page loads
    nothing from the network: the template's require.js, MathJax and mermaid, which it would fetch from a CDN, are
    left out (the suite's outputs use none of them; the interactive ones embed their own scripts, `helpers.explore`)."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    offline = DictLoader({"offline.html.j2": "{%- extends 'index.html.j2' -%}\n"
                          "{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}\n"
                          "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
                          "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n"})
    exporter = HTMLExporter(template_name="lab", template_file="offline.html.j2", extra_loaders=[offline])
    body, _ = exporter.from_notebook_node(nbformat.read(str(notebook), as_version=4))
    page.write_text(body, encoding="utf-8")


def _title(notebook: Path) -> str:
    """The notebook's first markdown heading, for the index."""
    import nbformat
    for cell in nbformat.read(str(notebook), as_version=4).cells:
        if cell.cell_type == "markdown":
            found = re.search(r"^#+\s*(.+)$", cell.source, flags=re.M)
            if found:
                return found.group(1).strip()
    return notebook.stem


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}}
li{{margin:.4em 0}} .failed{{color:#b00020}} small{{color:#555}}</style></head>
<body><h1>{title}</h1>
{intro}
<ol>
{items}
</ol>
</body></html>
"""


def _index(out: Path, corpus: Path, runs: list[Executed]) -> Path:
    items = []
    for run in runs:
        page = run.notebook.with_suffix(".html").name
        note = f' <span class="failed">failed: {html.escape(run.error)}</span>' if run.error else ""
        items.append(f'<li><a href="{page}">{html.escape(_title(run.notebook))}</a>{note} '
                     f'<small>(<a href="{run.notebook.name}">notebook</a>)</small></li>')
    intro = (f"<p>The notebook suite run on the readouts in <code>{html.escape(corpus.name)}</code>. "
             "Each page is an executed notebook; the notebooks themselves can be opened in JupyterLab "
             "and re-run on another corpus by changing the parameters cell.</p>")
    index = out / "index.html"
    index.write_text(_PAGE.format(title=f"Readouts report: {html.escape(corpus.name)}", intro=intro,
                                  items="\n".join(items)), encoding="utf-8")
    return index


def _top_index(reports: Path) -> Path:
    """`reports/index.html`: one link per corpus folder that has a report."""
    items = [f'<li><a href="{html.escape(urllib.parse.quote(d.name))}/index.html">{html.escape(d.name)}</a></li>'
             for d in sorted(reports.iterdir()) if (d / "index.html").is_file()]
    index = reports / "index.html"
    index.write_text(_PAGE.format(title="Readouts reports", intro="<p>One report per corpus.</p>",
                                  items="\n".join(items)), encoding="utf-8")
    return index


def fill_cache(corpus: Path, *, lexicon: str | Path | None = None) -> None:
    """Load `corpus` once here, as the notebooks' `open_corpus` will (same path, same options),
    so the load cache holds it before the kernels start: they read the cache instead of each
    loading the corpus again, concurrently. A corpus that cannot be loaded is left to the
    notebooks, which report why."""
    try:
        open_corpus(corpus, lexicon=lexicon)
    except Exception:  # noqa: BLE001 -- the notebooks raise it again, in their outputs
        pass


# A report folder's note of the corpus it reports, so that two corpora of the same name never share one.
_OWNER = ".corpus"
_UNSAFE = re.compile(r"[^\w.-]+")


def report_folder(reports: Path, corpus: Path) -> Path:
    """The folder under `reports` for `corpus`, created: named after the corpus folder (or file, without its
    extension), with anything but letters, digits, '.', '-' and '_' made '_', no leading dot and at most 80
    characters, and numbered (`name-2`, ...) when that name already holds another corpus's report or is taken by
    something that is not a folder (`index.html`). The result is always a folder directly inside `reports`."""
    corpus = Path(corpus).resolve()
    raw = corpus.name if corpus.is_dir() else corpus.stem
    name = _UNSAFE.sub("_", raw).lstrip(".")[:80].strip() or "corpus"
    if name.lower().endswith(".html") or name in (".", ".."):
        name = f"{name}_"
    reports.mkdir(parents=True, exist_ok=True)
    home = reports.resolve()
    for number in range(1, 10_000):
        folder = home / (name if number == 1 else f"{name}-{number}")
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            continue
        owner = folder / _OWNER
        if folder.is_dir() and owner.is_file() and owner.read_text(encoding="utf-8", errors="surrogateescape") != str(corpus):
            continue
        folder.mkdir(exist_ok=True)
        if folder.resolve().parent != home:  # belt and braces: the name above cannot leave `reports`
            raise ValueError(f"report folder {folder} would lie outside {home}")
        owner.write_text(str(corpus), encoding="utf-8", errors="surrogateescape")
        return folder
    raise ValueError(f"no free report folder for {corpus} in {home}")


def run_suite(corpus: str | Path, *, themes: str | Path = THEMES, lexicon: str | Path | None = None,
              reports: Path = REPORTS, progress: bool = True, workers: int | None = None, log=sys.stdout,
              suite: list[Path] | None = None) -> tuple[Path, list[Executed]]:
    """Execute every notebook (or those in `suite`) on `corpus` into `reports/<name>/` (`report_folder`), with
    an HTML page for each and an index; returns the index path and the runs (check `.error`), in suite order.

    The corpus is loaded once first (filling the load cache), then the notebooks run
    `workers` at a time (default: one per core), each in its own kernel. papermill's per-cell
    progress bar is shown (`progress`) only when they run one at a time: bars from concurrent
    runs would interleave. Either way a line is logged as each notebook starts and ends.
    """
    corpus = Path(corpus).resolve()
    if not corpus.exists():
        raise FileNotFoundError(f"no corpus at {corpus}")
    suite = list(suite) if suite is not None else notebooks()
    if not suite:
        raise FileNotFoundError(f"no notebooks in {NOTEBOOKS}")
    out = report_folder(reports, corpus)
    workers = workers or default_workers(len(suite))
    started = time.perf_counter()
    fill_cache(corpus, lexicon=lexicon)
    _import_runner_libraries()
    lock = threading.Lock()

    def say(line: str) -> None:
        with lock:
            print(line, file=log, flush=True)

    def one(numbered: tuple[int, Path]) -> Executed:
        number, notebook = numbered
        say(f"[{number}/{len(suite)}] {notebook.name} on {shown(corpus.name)} ...")
        run = execute(notebook, out / notebook.name, corpus=corpus, themes=themes, lexicon=lexicon,
                      progress=progress and workers == 1)
        render_html(run.notebook, run.notebook.with_suffix(".html"))
        status = f"FAILED ({run.error})" if run.error else "ok"
        say(f"[{number}/{len(suite)}] {notebook.name}: {status} in {run.seconds:.1f} s")
        return run

    runs = _in_parallel(one, list(enumerate(suite, start=1)), workers)
    index = _index(out, corpus, runs)
    _top_index(reports)
    say(f"suite on {shown(corpus.name)}: {len(suite)} notebooks, {workers} at a time, {time.perf_counter() - started:.1f} s wall")
    return index, runs
