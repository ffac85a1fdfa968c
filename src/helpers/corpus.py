"""`load_corpus`: any folder of readouts -> documents, sentences, tokens (and problems)."""
from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import queue
import sys
import threading
import time
import traceback
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import cache as corpus_cache
from . import schema
from .clean import clean_body, paragraph_spans
from .documents import document_fields, hosts_named_elsewhere, publisher_officials
from .frames import Corpus
from .lexicon import STYLE_NAME, Lexicon, as_lexicon
from .events import link_events
from .names import settle
from .offices import leader, leader_office
from .framing import opening_index, takes_part
from .readers import ReadError, Record, list_files, read_entries, read_file
from .segment import sentence_spans
from .tokens import tokens_of

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"


def load_corpus(paths: str | Path | list | None = None, *, strict: bool = False, attribute: bool = True,
                workers: int | None = None, cache: bool = True, lexicon: Lexicon | str | Path | None = None) -> Corpus:
    """Read every readout under `paths` (files or folders; default: the repository's `seeds/`).

    Returns a Corpus. A file that cannot be read lands in `corpus.problems` with the reason,
    and a one-line warning counts them; with `strict=True` the first problem raises instead.
    With `attribute=True` each sentence is credited to a speaker (see `helpers.speakers`).
    Large corpora are read by `workers` processes (default: one per core); with `cache=True`
    the frames are kept as Parquet under `data/cache/`, keyed by the files' contents, the code and the lexicon.
    `lexicon` is the rules' tables: a `Lexicon`, or a folder of tables overlaid on `data/` (see `helpers.lexicon`).
    """
    if _run_again_in_a_helper(sys._getframe(1)):
        # A script without `if __name__ == "__main__":` is run again, as __mp_main__, in every loader helper as the
        # helper starts (as under any fork server or spawn): its load there would read the whole corpus once more
        # for nothing, so it gets an empty corpus and the helper goes on to its own work.
        return Corpus(*(schema.conform(pd.DataFrame(), name) for name in ("documents", "sentences", "tokens", "problems")))
    lexicon = as_lexicon(lexicon)
    # Every file is read once, here: the cache key and the load are made from these same bytes.
    files = read_entries(list_files(SEED_DIR if paths is None else paths)[0])
    key = corpus_cache.key(files, attribute=attribute, salt=lexicon.fingerprint) if cache else None
    corpus = corpus_cache.read(key) if key else None
    if corpus is None:
        corpus = _build(files, strict=strict, attribute=attribute, workers=workers, lexicon=lexicon)
        if key:
            corpus_cache.write(key, corpus)
    elif strict and len(corpus.problems):
        first = corpus.problems.iloc[0]
        raise ReadError(first["path"], first["reason"])
    if len(corpus.problems):
        skipped = int((~corpus.problems["path"].isin(corpus.documents["path"])).sum())
        noted = f" ({len(corpus.problems) - skipped} more loaded with a note)" if skipped < len(corpus.problems) else ""
        warnings.warn(f"load_corpus: {skipped} of {len(files)} input files or rows skipped{noted}; see corpus.problems", stacklevel=2)
    return corpus


def _run_again_in_a_helper(caller) -> bool:
    """Whether `load_corpus` was called by the top level of a script that a helper process (or the fork server the
    helpers come from) is running again: multiprocessing runs it under the name __mp_main__, never __main__."""
    return caller.f_globals.get("__name__") == "__mp_main__"


@contextmanager
def _cycle_collection_paused():
    """Loading allocates millions of small objects that all outlive it, and the cycle collector would rescan them
    over and over (a third of the load time, measured) to find nothing: the loader makes no reference cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Below this many files, starting processes costs more than it saves.
_PARALLEL_FROM = 200
_SLICE_FILES = 500


@_cycle_collection_paused()
def _build(files: list[tuple[Path, Path]], *, strict: bool, attribute: bool, workers: int | None, lexicon: Lexicon) -> Corpus:
    workers = min(workers or os.cpu_count() or 1, len(files) // (_PARALLEL_FROM // 2) or 1)
    if strict or workers <= 1:
        return _merge([_load_part(files, strict=strict, attribute=attribute, lexicon=lexicon)], lexicon)
    # Contiguous slices keep path order, so "the first of two duplicates" means the same as in one process.
    # Two slices per worker even out their loads; more cost more (each slice builds and conforms its own
    # frames and re-derives its vocabulary: 16 slices of the White House corpus took a fifth longer than 4).
    # Slices of at most _SLICE_FILES files bound a worker's memory on large corpora.
    chunks = np.array_split(np.arange(len(files)), max(workers * 2, -(-len(files) // _SLICE_FILES)))
    parts_of_files = [[files[i] for i in chunk] for chunk in chunks if len(chunk)]
    _warm_up(lexicon, attribute=attribute)
    return _merge(_load_in_parallel(parts_of_files, processes=workers, attribute=attribute, lexicon=lexicon), lexicon)


def _load_in_parallel(parts_of_files: list[list[tuple[Path, Path]]], *, processes: int, attribute: bool, lexicon: Lexicon) -> list[_Part]:
    """The parts of all slices, in slice order, loaded by this process and `processes - 1` forked helpers, each
    claiming the next unclaimed slice until none is left. This process works too (a pool would leave it idle),
    which saves starting one helper and copying back the parts it would have made."""
    context = _loader_context()
    claimed = context.Value("i", 0)
    results = context.Queue()
    helpers = [context.Process(target=_help_load, args=(parts_of_files, claimed, results, attribute, lexicon), daemon=True)
               for _ in range(processes - 1)]
    # Started from a thread: the first start of a fork server waits for it to import the package, and this
    # process loads its own slices meanwhile.
    started: list = []
    starter = threading.Thread(target=_start, args=(helpers, started), daemon=True)
    starter.start()
    parts: dict[int, _Part] = {}
    try:
        while (index := _claim(claimed, len(parts_of_files))) is not None:
            parts[index] = _load_part(parts_of_files[index], strict=False, attribute=attribute, lexicon=lexicon)
        while len(parts) < len(parts_of_files):
            try:
                index, part = results.get(timeout=1)
            except queue.Empty:
                if any(isinstance(h, BaseException) for h in started):
                    raise next(h for h in started if isinstance(h, BaseException))
                if not starter.is_alive() and (any(h.exitcode not in (None, 0) for h in helpers) or not any(h.is_alive() for h in helpers)):
                    raise RuntimeError("load_corpus: a loader process ended without handing back its files") from None
                continue
            if isinstance(part, BaseException):
                raise part
            parts[index] = part
    finally:
        starter.join()
        for helper in helpers:
            if helper in started:
                if helper.is_alive() and len(parts) < len(parts_of_files):
                    helper.terminate()
                helper.join()
    return [parts[index] for index in range(len(parts_of_files))]


def _start(helpers: list, started: list) -> None:
    chosen = multiprocessing.get_start_method(allow_none=True)
    for helper in helpers:
        try:
            helper.start()
        except BaseException as error:  # noqa: BLE001 -- handed to the loading thread, which raises it
            started.append(error)
            return
        finally:
            if not chosen:  # starting a process fixes the default start method as a side effect: undo it
                multiprocessing.set_start_method(None, force=True)
        started.append(helper)


def _loader_context():
    """The multiprocessing context for the helpers: the one the user chose, if they set a start method; else a fork
    server (POSIX), spawn elsewhere. Never a plain fork of this process by default: it runs other threads
    (OpenBLAS's pool, pyarrow's allocator, a Jupyter kernel's own), and a fork copies any lock one of them holds.
    The fork server is started once per process with those libraries told to start no threads, and builds the
    default lexicon's patterns before it forks any helper (`helpers.loader_process`), so helpers start warm."""
    chosen = multiprocessing.get_start_method(allow_none=True)
    if chosen:
        return multiprocessing.get_context(chosen)
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    with _SERVER_LOCK:
        from multiprocessing import forkserver
        if not _SERVER_STARTED.get(os.getpid()):
            context.set_forkserver_preload(["helpers.loader_process"])
            saved = {name: os.environ.get(name) for name in _ONE_THREAD}
            os.environ.update(_ONE_THREAD)
            try:
                forkserver.ensure_running()
            finally:
                # starting the server fixes multiprocessing's default start method as a side effect (it reads
                # the spawn preparation data): undo that, so it still tells only what the user chose
                if not chosen:
                    multiprocessing.set_start_method(None, force=True)
                for name, value in saved.items():
                    if value is None:
                        os.environ.pop(name, None)
                    else:
                        os.environ[name] = value
            _SERVER_STARTED[os.getpid()] = True
    return context


# The fork server's environment: native libraries that would otherwise start threads of their own at import.
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "JE_ARROW_MALLOC_CONF": "background_thread:false"}
_SERVER_LOCK = threading.Lock()
_SERVER_STARTED: dict[int, bool] = {}
# Lexicons whose patterns this process has built, by fingerprint: a helper given a lexicon the fork server has
# already built uses the server's copy (a Lexicon travels without its compiled patterns).
_WARMED: dict[str, Lexicon] = {}


def prepare_loader_process() -> None:
    """Build the default lexicon's patterns in this process (the fork server), for every helper forked from it."""
    from .lexicon import default_lexicon
    lexicon = default_lexicon()
    _warm_up(lexicon, attribute=True)
    _WARMED[lexicon.fingerprint] = lexicon


def _claim(claimed, total: int) -> int | None:
    """The next slice nobody has taken yet, or None."""
    with claimed.get_lock():
        index = claimed.value
        claimed.value += 1
    return index if index < total else None


def _help_load(parts_of_files: list[list[tuple[Path, Path]]], claimed, results, attribute: bool, lexicon: Lexicon) -> None:
    """A helper process: load slices until none is left, handing each part back through `results`. It ends as
    soon as the process that started it is gone, whatever it is doing: no helper outlives a killed load."""
    _end_with_parent()
    lexicon = _WARMED.get(getattr(lexicon, "fingerprint", None), lexicon)
    while (index := _claim(claimed, len(parts_of_files))) is not None:
        try:
            part = _load_part(parts_of_files[index], strict=False, attribute=attribute, lexicon=lexicon)
        except Exception:
            first = parts_of_files[index][0][0] if parts_of_files[index] else "?"
            results.put((index, RuntimeError(f"load_corpus failed on the slice starting at {first}:\n{traceback.format_exc()}")))
            return
        results.put((index, part))


def _end_with_parent() -> None:
    """End this process when its parent ends (it is then adopted, and its parent id changes). A thread watches,
    since the loading itself never waits on the parent: a helper of a killed load would otherwise finish its
    slice and then block for ever on a queue nobody reads."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.1)
        os._exit(1)

    threading.Thread(target=watch, name="loader-parent-watch", daemon=True).start()


def _warm_up(lexicon: Lexicon, *, attribute: bool) -> None:
    """Compile the lexicon's patterns once in this process (by loading the seed with it), so that forked workers
    inherit them instead of each building its own; a lexicon keeps what it compiled, so this costs once per lexicon."""
    _load_part(read_entries(list_files(SEED_DIR)[0]) if SEED_DIR.is_dir() else [], strict=False, attribute=attribute, lexicon=lexicon)


@dataclass
class _Part:
    """What one process made of a slice of the files."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    problems: list[tuple[str, str]]
    fingerprints: list[str]


@_cycle_collection_paused()
def _load_part(files: list[tuple[Path, Path]], *, strict: bool, attribute: bool, lexicon: Lexicon) -> _Part:
    records: list[Record] = []
    problems: list[tuple[str, str]] = []

    def report(error: ReadError) -> None:
        if strict:
            raise error
        problems.append((error.path, error.reason))

    for entry in files:  # (file, root) pairs, or readers.Entry with the bytes already read
        file, root = entry[0], entry[1]
        try:
            if len(entry) > 2 and entry.error is not None:
                raise entry.error
            for item in read_file(file, root, entry.data if len(entry) > 2 else None):
                if isinstance(item, ReadError):
                    report(item)
                else:
                    records.append(item)
                    for note in item.notes:  # loaded, but with a field dropped or a byte guessed: said in problems
                        report(ReadError(item.path, note))
        except ReadError as error:
            report(error)

    documents: list[dict] = []
    segmented: list[tuple[str, str, list[tuple[int, int, int]]]] = []
    seen: dict[str, str] = {}
    seen_ids: set[str] = set()
    for record in records:
        text = clean_body(record.body, markdown=record.format == "markdown")
        if not text:
            report(ReadError(record.path, "no body text once markup is removed"))
            continue
        fingerprint = hashlib.sha1(" ".join(text.split()).encode()).hexdigest()
        if fingerprint in seen:
            report(ReadError(record.path, f"duplicate document: same text as {seen[fingerprint]} (kept once)"))
            continue
        if record.doc_id in seen_ids:
            report(ReadError(record.path, f"duplicate doc_id {record.doc_id!r} (kept once)"))
            continue
        seen[fingerprint] = record.path
        seen_ids.add(record.doc_id)
        spans = segment(lexicon, text)
        first_three = [text[start:end] for _, start, end in spans[:3]]
        opening_at = opening_index(first_three) if first_three else 0
        opening = first_three[opening_at] if first_three else ""
        # a trip's readout may name whom its principal met in a later paragraph (within the first few: a framing
        # sentence is read for each, which a long readout's tail need not cost)
        later = [text[start:end] for _, start, end in spans[opening_at + 1:opening_at + 1 + _LATER_SENTENCES]]
        documents.append(_document(lexicon, record, text, opening, later))
        segmented.append((record.doc_id, text, spans))

    sentence_frame = _sentence_frame(segmented)
    document_frame = _fit_to_schema(pd.DataFrame(documents), report)
    if attribute and len(sentence_frame):
        from .speakers import attribute_speakers
        sentence_frame = attribute_speakers(sentence_frame, document_frame, lexicon=lexicon)
    sentence_frame = schema.conform(sentence_frame, "sentences")
    token_frame = tokens_of(sentence_frame, document_frame, lexicon=lexicon)
    if len(document_frame):  # a document never spans two parts, so each part counts its own
        document_frame["n_paragraphs"] = [len({para_id for para_id, _, _ in spans}) for _, _, spans in segmented]
        document_frame["n_sentences"] = [len(spans) for _, _, spans in segmented]
        document_frame["n_tokens"] = document_frame["doc_id"].map(token_frame["doc_id"].value_counts()).fillna(0)
    return _Part(document_frame, sentence_frame, token_frame, problems, list(seen))


def _fit_to_schema(documents: pd.DataFrame, report) -> pd.DataFrame:
    """The documents of a part with every value its column can hold: a day outside the range of datetime64[ns]
    (a typo "2999" in a header or the text) is dropped and a source style that is no style name becomes
    `unknown`, each with a row in `problems`, instead of failing the whole load or turning into NaN."""
    if documents.empty:
        return documents
    for column in ("date", "published"):
        if column not in documents:
            continue
        for row, value in documents[column].items():
            if value is not None and not pd.isna(value) and not (pd.Timestamp.min <= pd.Timestamp(value) <= pd.Timestamp.max):
                report(ReadError(documents.at[row, "path"], f"{column} {pd.Timestamp(value).date()} is outside the days the frames can hold "
                                                            f"({pd.Timestamp.min.date()} to {pd.Timestamp.max.date()}); left empty"))
                documents.at[row, column] = None
    if "source_style" in documents:
        for row, value in documents["source_style"].items():
            # any style name may have a bundle of rules (a researcher's own included); what is no name is reported
            if not isinstance(value, str) or not STYLE_NAME.fullmatch(value):
                report(ReadError(documents.at[row, "path"], f"source_style {str(value)[:40]!r} is no style name "
                                                            "(lower-case letters, digits, _); taken as unknown"))
                documents.at[row, "source_style"] = "unknown"
    return documents


def _merge(parts: list[_Part], lexicon: Lexicon | None = None) -> Corpus:
    """One corpus from parts read apart: a document already met in an earlier part is reported, not kept twice."""
    problems = [problem for part in parts for problem in part.problems]
    first_path: dict[str, str] = {}
    first_ids: set[str] = set()
    kept_parts = []
    for part in parts:
        keep = []
        for doc_id, path, fingerprint in zip(part.documents.get("doc_id", []), part.documents.get("path", []), part.fingerprints):
            if fingerprint in first_path:
                problems.append((path, f"duplicate document: same text as {first_path[fingerprint]} (kept once)"))
            elif doc_id in first_ids:
                problems.append((path, f"duplicate doc_id {doc_id!r} (kept once)"))
            else:
                first_path[fingerprint] = path
                first_ids.add(doc_id)
                keep.append(doc_id)
        if len(keep) < len(part.documents):
            kept = set(keep)
            part = _Part(part.documents[part.documents["doc_id"].isin(kept)], part.sentences[part.sentences["doc_id"].isin(kept)],
                         part.tokens[part.tokens["doc_id"].isin(kept)], [], [])
        kept_parts.append(part)
    documents = pd.concat([p.documents for p in kept_parts], ignore_index=True) if kept_parts else pd.DataFrame()
    sentences = _concat([p.sentences for p in kept_parts])
    tokens = _concat([p.tokens for p in kept_parts])
    corpus = Corpus(
        schema.conform(documents, "documents"),
        schema.conform(sentences, "sentences"),
        schema.conform(tokens, "tokens"),
        schema.conform(pd.DataFrame(problems, columns=["path", "reason"]), "problems"),
    )
    # corpus-level steps (helpers.names): near-duplicates, one name per person, countries, host_country; then the
    # readouts of one event linked (helpers.events), which needs the settled names
    if not len(corpus.documents):
        return corpus
    settled = _publisher_sides(settle(_credit_hosts_named_elsewhere(corpus), as_lexicon(lexicon)), as_lexicon(lexicon))
    return link_events(settled, lexicon=as_lexicon(lexicon))


def _credit_hosts_named_elsewhere(corpus: Corpus) -> Corpus:
    """Name the hosts known here only by title, as the rest of the corpus names them (`documents.hosts_named_elsewhere`),
    and credit them with their sentences and tokens: this needs the whole corpus, so it runs after the merge."""
    named = hosts_named_elsewhere(corpus.documents)
    if not named:
        return corpus
    hosts = [named.get(doc_id, host) for doc_id, host in zip(corpus.documents["doc_id"], corpus.documents["host"])]
    corpus.documents["host"] = pd.array(hosts, dtype=corpus.documents["host"].dtype)
    for frame in (corpus.sentences, corpus.tokens):
        if "speaker" not in frame or "role" not in frame:
            continue
        unnamed_host = frame["doc_id"].isin(list(named)) & (frame["role"] == "host") & (frame["speaker"] == "")
        if unnamed_host.any():
            speaker = frame["speaker"]
            speaker = speaker.cat.add_categories(sorted(set(named.values()) - set(speaker.cat.categories)))
            speaker[unnamed_host] = [named[str(doc_id)] for doc_id in frame.loc[unnamed_host, "doc_id"]]
            frame["speaker"] = speaker
    return corpus


def _publisher_sides(corpus: Corpus, lexicon: Lexicon) -> Corpus:
    """The publisher's officials (`documents.publisher_officials`: who hosts two or more of its readouts) on its side:
    its principal hosts (`_publisher_principal_hosts`), and where no one hosts they speak for it
    (`_credit_publisher_officials`). Needs the settled names of the whole corpus."""
    officials = publisher_officials(corpus.documents)
    if officials:
        _publisher_principal_hosts(corpus, officials)
        _credit_publisher_officials(corpus, officials, lexicon)
    return corpus


def _set_roles(frame: pd.DataFrame, rows: np.ndarray, roles) -> None:
    """Set the `role` of the rows at these positions (the column is categorical: set on a copy, then put back)."""
    role = frame["role"].copy()
    role.iloc[rows] = roles
    frame["role"] = role


def _publisher_principal_hosts(corpus: Corpus, officials: dict[str, frozenset[str]]) -> None:
    """Where a readout's host is none of the publisher's officials and one of its counterparts is ("Readout of the
    Meeting between Prime Minister Ardern and Vice President Harris", a joint readout with the European Council), the
    two change places, and so do the roles of their sentences and tokens."""
    docs = corpus.documents
    publisher = docs["publisher"].astype(str)
    swapped: list[str] = []
    for i, (host, counterparts, p) in enumerate(zip(docs["host"].astype(str), docs["counterparts"], publisher)):
        own = officials.get(p, frozenset())
        principal = next((str(c) for c in counterparts if str(c) in own), "")
        if principal and host not in own:
            docs.at[docs.index[i], "counterparts"] = [host] * bool(host) + [str(c) for c in counterparts if str(c) != principal]
            docs.at[docs.index[i], "host"] = principal
            swapped.append(str(docs["doc_id"].iloc[i]))
    if swapped:
        # the country stated was the principal's own: the new counterpart's is the one their other readouts give
        firsts = docs["counterparts"].map(lambda names: str(names[0]) if len(names) else "")
        stated = docs.loc[~docs["doc_id"].astype(str).isin(swapped) & (docs["counterpart_country"].astype(str) != "")]
        country_of = stated.groupby(firsts[stated.index])["counterpart_country"].agg(lambda c: c.astype(str).mode().iloc[0]).to_dict()
        moved = docs["doc_id"].astype(str).isin(swapped)
        docs.loc[moved, "counterpart_country"] = [country_of.get(first, "") if first else "" for first in firsts[moved]]
    for frame in (corpus.sentences, corpus.tokens):
        if not swapped or "role" not in frame or not len(frame):
            continue
        # compared as the column holds them: a string copy of every token's doc_id would cost gigabytes on a large corpus
        rows = np.flatnonzero(frame["doc_id"].isin(swapped).to_numpy())
        was = frame["role"].iloc[rows].astype(str).to_numpy()
        _set_roles(frame, rows, np.where(was == "host", "counterpart", np.where(was == "counterpart", "host", was)))


def _credit_publisher_officials(corpus: Corpus, officials: dict[str, frozenset[str]], lexicon: Lexicon) -> None:
    """In a readout with no named host (a summit or meeting the publisher itself convenes), a speaker read as `other`
    who is one of the publisher's officials and takes part (`framing.takes_part`) speaks for the publisher's side: `host`,
    under their own name ("The President highlighted ..." at a White House meeting with mayors). Where a principal
    hosts, the officials beside them stay `other`, as the hand labels read them; so does an official the readout only
    quotes or recalls ("Earlier this year, the President proposed ..." at a convening of other officials)."""
    docs = corpus.documents
    publisher = docs["publisher"].astype(str)
    no_host = docs["host"].astype(str) == ""
    officials_of = {doc_id: officials.get(p, frozenset()) for doc_id, p in zip(docs["doc_id"].astype(str)[no_host], publisher[no_host])}
    counterparts_of = {doc_id: set(map(str, names)) for doc_id, names in zip(docs["doc_id"].astype(str), docs["counterparts"])}
    facts = {doc_id: (str(title), str(country), when) for doc_id, title, country, when
             in zip(docs["doc_id"].astype(str)[no_host], docs["title"][no_host], docs["host_country"][no_host], docs["date"][no_host])}
    text = corpus.sentences["text"]
    rows_of = corpus.sentences.groupby("doc_id", observed=True, sort=False).indices
    parted: dict[tuple[str, str], bool] = {}

    def part(doc_id: str, name: str) -> bool:
        if (doc_id, name) not in parted:
            title, country, when = facts[doc_id]
            office = leader_office(lexicon, country, when) if leader(lexicon, country, when) == name else ""
            texts = text.iloc[rows_of.get(doc_id, [])].astype(str).tolist()
            parted[doc_id, name] = takes_part(lexicon, texts, name=name, office=office, headline=title)
        return parted[doc_id, name]

    for frame in (corpus.sentences, corpus.tokens):
        if "speaker" not in frame or "role" not in frame or not len(frame):
            continue
        # only the rows read as `other` are looked at: the tokens frame of a large corpus holds millions of rows
        others = np.flatnonzero((frame["role"] == "other").to_numpy())
        rows = frame.iloc[others][["doc_id", "speaker"]].astype(str)
        credited = [bool(s) and s in officials_of.get(d, ()) and s not in counterparts_of.get(d, ()) and part(d, s)
                    for d, s in zip(rows["doc_id"], rows["speaker"])]
        if any(credited):
            _set_roles(frame, others[np.asarray(credited)], "host")


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate frames whose categorical columns have different categories, keeping them categorical
    (pandas would fall back to objects, and turning those back into categories is slow)."""
    if len(frames) <= 1:
        return pd.concat(frames, ignore_index=True)
    columns = frames[0].columns
    categorical = [c for c in columns if isinstance(frames[0][c].dtype, pd.CategoricalDtype)]
    out = pd.concat([f.drop(columns=categorical) for f in frames], ignore_index=True)
    for column in categorical:
        out[column] = pd.api.types.union_categoricals([f[column] for f in frames])
    return out[columns]


def segment(lexicon: Lexicon, text: str) -> list[tuple[int, int, int]]:
    """(para_id, start, end) of each sentence of a cleaned text."""
    return [(para_id, start, end)
            for para_id, (p_start, p_end) in enumerate(paragraph_spans(text))
            for start, end in sentence_spans(lexicon, text, p_start, p_end)]


_LATER_SENTENCES = 12


def _sentence_frame(segmented: list[tuple[str, str, list[tuple[int, int, int]]]]) -> pd.DataFrame:
    """The sentences frame of many segmented documents, built column by column."""
    counts = [len(spans) for _, _, spans in segmented]
    flat = [span for _, _, spans in segmented for span in spans]
    para_ids, starts, ends = (list(column) for column in zip(*flat)) if flat else ([], [], [])
    return pd.DataFrame({
        "doc_id": np.repeat([doc_id for doc_id, _, _ in segmented], counts).astype(object),
        "para_id": np.asarray(para_ids, dtype=np.int64),
        "sent_id": np.concatenate([np.arange(n) for n in counts]) if counts else np.array([], dtype=np.int64),
        "start": np.asarray(starts, dtype=np.int64),
        "end": np.asarray(ends, dtype=np.int64),
        "text": [text[start:end] for _, text, spans in segmented for _, start, end in spans],
    })


# --- document metadata -------------------------------------------------------------------------

def _document(lexicon: Lexicon, record: Record, text: str, opening: str, later: list[str]) -> dict:
    return {"doc_id": record.doc_id, "path": record.path,
            **document_fields(lexicon, record.title, text, opening, record.meta, path=record.doc_id, later=later), "text": text}
