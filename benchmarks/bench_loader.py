"""Benchmark of the loader against the plain NLTK loop and scikit-learn's CountVectorizer.

Run with `make bench` (needs READOUTS_WHITEHOUSE_CORPUS, which .ci/run sets; the
shared corpus lives at ../shared/corpora/whitehouse-readouts). Every ratio is taken
between runs in this one process on the same input, best of several rounds (each round runs
A, B and C once, so a slow spell of the machine does not fall on one of them only):

  A  helpers.load_corpus(folder, cache=False): reading, cleaning, metadata,
     sentences, attribution, tokens
  B  what a user would write with NLTK: for each file, split paragraphs,
     PunktSentenceTokenizer().tokenize, NLTKWordTokenizer().tokenize each
     sentence, one-row-per-token DataFrame
  C  CountVectorizer().fit_transform over the same files' texts (reading included)

It also prints tokens per second and the peak resident memory of A (measured in a
fresh interpreter, workers included), the cold and warm times of the Parquet cache on the 10x corpus,
and the wall time of the whole notebook suite on the seed, with the load cache cold and
warm (see notebook_suite_time; the target applies to the cold figure).
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktSentenceTokenizer
from sklearn.feature_extraction.text import CountVectorizer

from helpers import load_corpus
from helpers.readers import list_files

ROOT = Path(__file__).resolve().parents[1]


def corpus_files(folder: Path) -> list[Path]:
    return [file for file, _ in list_files(folder)[0]]


def run_a(folder: Path) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder, cache=False)
    return len(corpus.tokens)


def run_b(folder: Path) -> int:
    sentence_tokenizer, word_tokenizer = PunktSentenceTokenizer(), NLTKWordTokenizer()
    rows = []
    for file in corpus_files(folder):
        text = file.read_text(encoding="utf-8")
        for para_id, paragraph in enumerate(text.split("\n\n")):
            for sent_id, sentence in enumerate(sentence_tokenizer.tokenize(paragraph)):
                for token_id, token in enumerate(word_tokenizer.tokenize(sentence)):
                    rows.append((str(file), para_id, sent_id, token_id, token))
    return len(pd.DataFrame(rows, columns=["doc_id", "para_id", "sent_id", "token_id", "token"]))


def run_c(folder: Path) -> int:
    texts = [file.read_text(encoding="utf-8") for file in corpus_files(folder)]
    return int(CountVectorizer().fit_transform(texts).sum())


def best_times(functions, folder: Path, repeats: int) -> tuple[list[float], int]:
    """Best wall time of each function over `repeats` rounds, and the first function's result.

    Each round runs every function once, one after another, so a slow spell of a shared machine
    falls on all of them alike instead of on whichever happened to be running."""
    times: list[list[float]] = [[] for _ in functions]
    result = 0
    for _ in range(repeats):
        for i, function in enumerate(functions):
            start = time.perf_counter()
            value = function(folder)
            times[i].append(time.perf_counter() - start)
            result = value if i == 0 else result
    return [min(t) for t in times], result


def repeated_corpus(source: Path, target: Path, copies: int) -> Path:
    """`copies` versions of the corpus under distinct folders (so distinct doc ids). The first is the corpus as it is;
    in each other one every readout keeps its header (with the headline) and opening paragraph, and its later
    paragraphs are drawn (seeded by the copy) from the later paragraphs of the whole corpus, as many as it had and at
    least one: real readout text, about the same work per file, and readouts distinct enough that the near-duplicate
    check keeps them all
    (copies that differ by one line are near-duplicates, and folding them would leave nothing to measure)."""
    files = corpus_files(source)
    texts = [file.read_text(encoding="utf-8") for file in files]
    # sentences, not the closing "\###" mark nor a one-line heading
    pool = [paragraph for text in texts for paragraph in _later_paragraphs(text) if len(paragraph.split()) >= 8]
    for copy in range(copies):
        draw = random.Random(copy)
        for file, text in zip(files, texts):
            if copy:
                head, later = _split_opening(text)
                text = "\n\n".join([head, *(draw.choice(pool) for _ in range(max(1, len(later))))]) + "\n"
            destination = target / f"copy{copy:02d}" / file.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8")
    return target


def _split_opening(text: str) -> tuple[str, list[str]]:
    """(the YAML header with the headline, and the opening paragraph; the later paragraphs) of a Markdown readout."""
    header, _, body = text.partition("\n---\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return header + "\n---\n" + "\n\n".join(paragraphs[:1]), paragraphs[1:]


def _later_paragraphs(text: str) -> list[str]:
    return _split_opening(text)[1]


def peak_memory_of_a(folder: Path) -> tuple[float, float]:
    """Peak resident memory in MiB of a fresh interpreter running A: (the whole process tree, the main process).

    The tree's figure is the largest sum of the main process's and its workers' resident sets seen by
    polling /proc every 5 ms while A runs, so workers count as long as they live. The main process's
    own peak is its VmHWM, read at the end (getrusage's ru_maxrss would survive exec and report this
    large process's peak instead)."""
    script = (
        "import warnings\n"
        "warnings.simplefilter('ignore')\n"
        "from helpers import load_corpus\n"
        f"load_corpus({str(folder)!r}, cache=False)\n"
        "print(next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM:')))\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    peak_tree = 0
    while process.poll() is None:
        peak_tree = max(peak_tree, sum(_resident_kib(pid) for pid in _process_tree(process.pid)))
        time.sleep(0.005)
    out, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"the memory run of A failed (exit {process.returncode})")
    return peak_tree / 1024, int(out.split()[-1]) / 1024


def _process_tree(pid: int) -> list[int]:
    """`pid` and every process below it, from /proc/<pid>/task/<tid>/children (Linux)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:
                pass
    return found


def _resident_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cache_times(folder: Path) -> tuple[float, float]:
    """(cold load that fills the cache, warm load from it) in seconds, in a throwaway cache folder."""
    with tempfile.TemporaryDirectory() as cache:
        os.environ["READOUTS_CACHE_DIR"] = cache
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                start = time.perf_counter()
                load_corpus(folder)
                cold = time.perf_counter() - start
                start = time.perf_counter()
                load_corpus(folder)
                warm = time.perf_counter() - start
        finally:
            del os.environ["READOUTS_CACHE_DIR"]
    return cold, warm


def notebook_suite_time() -> tuple[float, float] | None:
    """Wall time of the whole notebook suite on the seed, as `make report` runs it: (cold, warm)
    in seconds, or None without notebooks.

    Each run is a fresh interpreter calling `helpers.report.run_suite` (the function behind
    `make report` and `python -m helpers report`): interpreter start and imports, the corpus
    loaded once to fill the load cache, every notebook executed by papermill in its own
    kernel (kernel start and the notebook's imports included; one notebook per core), an
    HTML page for each and the index. Reports go to a temporary folder.

    cold: READOUTS_CACHE_DIR points at an empty temporary folder, so the load cache is empty,
          as on the first run after any change to the code, the rule tables or the corpus.
          This is the honest figure, and the one the 30 s target applies to.
    warm: the same again with the cache the cold run filled (a re-run on unchanged code and
          corpus). Python's bytecode and the OS file cache are warm in both runs.
    """
    if not sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        return None
    times = []
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as reports:
        script = ("from pathlib import Path\n"
                  "from helpers.report import run_suite\n"
                  f"index, runs = run_suite({str(ROOT / 'seeds')!r}, reports=Path({reports!r}), progress=False)\n"
                  "failed = [run.notebook.name for run in runs if run.error]\n"
                  "assert not failed, f'notebooks failed: {failed}'\n")
        for _ in ("cold", "warm"):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, cwd=ROOT,
                           env={**os.environ, "READOUTS_CACHE_DIR": cache})
            times.append(time.perf_counter() - start)
    return times[0], times[1]


def report(label: str, folder: Path, repeats: int) -> tuple[float, float]:
    (a, b, c), tokens = best_times((run_a, run_b, run_c), folder, repeats)
    print(f"{label}: {len(corpus_files(folder))} files, {tokens:,} tokens (best of {repeats})")
    print(f"  A load_corpus      {a:7.2f} s   {tokens / a:12,.0f} tokens/s")
    print(f"  B NLTK loop        {b:7.2f} s")
    print(f"  C CountVectorizer  {c:7.2f} s")
    print(f"  A/B = {a / b:.3f}  (target <= 0.33)    A/C = {a / c:.2f}  (target <= 2)")
    return a / b, a / c


def main() -> int:
    source = os.environ.get("READOUTS_WHITEHOUSE_CORPUS")
    if not source:
        print("READOUTS_WHITEHOUSE_CORPUS is not set: point it at ../shared/corpora/whitehouse-readouts", file=sys.stderr)
        return 2
    source_path = Path(source)
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, pandas {pd.__version__}")
    ab1, ac1 = report("White House corpus", source_path, repeats=5)
    with tempfile.TemporaryDirectory() as scratch:
        tenfold = repeated_corpus(source_path, Path(scratch) / "tenfold", 10)
        ab10, ac10 = report("White House corpus x10", tenfold, repeats=2)
        print(f"  ratios x10 against x1: A/B {ab10 / ab1:.2f}, A/C {ac10 / ac1:.2f}  (target: within 1.20)")
        tree_rss, main_rss = peak_memory_of_a(tenfold)
        print(f"  peak RSS of A on x10: {tree_rss:,.0f} MiB for the main process and its workers together "
              f"(target < 1,536 MiB); the main process alone peaked at {main_rss:,.0f} MiB")
        cold, warm = cache_times(tenfold)
        print(f"  cache on x10: cold {cold:.2f} s (load + write), warm {warm:.2f} s, warm/cold = {warm / cold:.3f} (target < 0.1)")
    suite = notebook_suite_time()
    if suite is not None:
        cold, warm = suite
        print(f"notebook suite on the seed ({os.cpu_count()} cores, make report's run_suite, kernel starts included):")
        print(f"  cold load cache {cold:5.1f} s wall  (target < 30 s)")
        print(f"  warm load cache {warm:5.1f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
