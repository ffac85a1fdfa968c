"""Reliability: no input, cache state, interruption or path crashes a load, loses a row, garbles a text or runs a
command. One test per class of failure, then the zoo (every class in one folder, one call, under a 2 GB memory
limit) and a real load killed at many points."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pandas as pd
import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers.corpus as corpus_module
from helpers import cache, load_corpus
from helpers.readers import list_files, read_entries, shown

READOUT = (
    "Premier Li Speaks with Portuguese Prime Minister António Costa on the Phone\n\n"
    "On the afternoon of March 3, 2022, Premier Li Keqiang spoke with Portuguese Prime Minister António Costa.\n\n"
    "Li Keqiang said that the two countries enjoy a sound relationship. He hoped both sides would deepen trade.\n"
)
BODY = READOUT.split("\n\n", 1)[1]
HEADLINE = READOUT.split("\n", 1)[0]
MOJIBAKE = ("â€", "Ã©", "Ã‰", "Ã¨", "\ufffd")


def variant(n: int, text: str = READOUT) -> str:
    """The readout made a distinct one: a dozen words of its own, so that it is no near-duplicate of another."""
    own = " ".join(f"item{n}x{k}" for k in range(12))
    return text.replace("sound relationship", f"sound relationship (variant {n}) and reviewed {own}")


def markdown(header: str, n: int) -> bytes:
    return f"---\ntitle: \"{HEADLINE}\"\n{header}\n---\n\n{variant(n, BODY)}".encode()


def load(folder, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, **options)


def problems_of(corpus) -> dict[str, str]:
    return dict(zip(corpus.problems["path"], corpus.problems["reason"]))


def named(mapping: dict[str, str], suffix: str) -> str:
    found = [reason for path, reason in mapping.items() if path.endswith(suffix)]
    assert found, f"nothing about {suffix} in {mapping}"
    return " | ".join(found)


def csv_table(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def assert_not_garbled(corpus) -> None:
    for text in list(corpus.documents["text"]) + list(corpus.documents["title"]):
        assert not any(sign in text for sign in MOJIBAKE), text[:200]


def assert_every_entry_accounted(folder: Path, corpus) -> None:
    """Every entry listed under `folder` is a document's or a problem's path (a table's rows as `file:line`)."""
    paths = set(corpus.documents["path"]) | set(corpus.problems["path"])
    for file, _ in list_files(folder)[0]:
        name = shown(file)
        assert any(p == name or p.startswith(name + ":") for p in paths), f"{name} is in neither documents nor problems"


# --- tables: a bad row is a problem of its own -------------------------------------------------------------------

def test_a_csv_row_with_an_extra_field_loses_only_itself(tmp_path):
    rows = [["id", "title", "text"], *[[f"r{i}", HEADLINE, variant(i, BODY)] for i in range(3)]]
    rows.insert(2, ["bad", HEADLINE, variant(9, BODY), "an extra field"])
    table = csv_table(rows)
    (tmp_path / "calls.csv").write_bytes(table)
    corpus = load(tmp_path)
    assert sorted(corpus.documents["doc_id"]) == ["calls/r0", "calls/r1", "calls/r2"]
    line = table[:table.index(b"\nbad,")].count(b"\n") + 2  # a problem names the line the row starts on, not its number
    assert line > 3 and "4 fields" in named(problems_of(corpus), f"calls.csv:{line}")


def test_a_csv_field_longer_than_the_csv_modules_default_limit_loads(tmp_path):
    long_body = variant(1, BODY) + "\n\n" + ("The two sides discussed trade at great length. " * 4000)
    assert len(long_body) > 131_072
    (tmp_path / "long.csv").write_bytes(csv_table([["title", "text"], [HEADLINE, long_body], [HEADLINE, variant(2, BODY)]]))
    corpus = load(tmp_path)
    assert len(corpus.documents) == 2 and corpus.problems.empty
    assert corpus.documents["text"].str.len().max() > 131_000


def test_an_unclosed_quote_stops_at_its_row_and_the_rows_after_it_load(tmp_path):
    good = [f'r{i},"{HEADLINE}","{variant(i, BODY).replace(chr(10), " ")}"' for i in range(4)]
    lines = ["id,title,text", good[0], 'bad,"unclosed, then a field', good[1], good[2], good[3]]
    (tmp_path / "quotes.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load(tmp_path)
    loaded = set(corpus.documents["doc_id"])
    assert {"quotes/r0", "quotes/r2", "quotes/r3"} <= loaded
    reasons = problems_of(corpus)
    assert any(path.endswith("quotes.csv:3") for path in reasons)
    assert "quotes/bad" not in loaded
    for doc_id in loaded:  # no row swallowed another: every text is one readout's
        assert corpus.documents.set_index("doc_id").loc[doc_id, "text"].count("Premier Li Keqiang spoke") == 1


def test_a_json_array_and_a_json_file_read_as_tables(tmp_path):
    rows = [{"id": f"a{i}", "title": HEADLINE, "text": variant(i, BODY)} for i in range(3)] + ["not an object"]
    (tmp_path / "calls.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"title": HEADLINE, "text": variant(7, BODY)}), encoding="utf-8")
    corpus = load(tmp_path)
    assert sorted(corpus.documents["doc_id"]) == ["calls/a0", "calls/a1", "calls/a2", "one/1"]
    assert "[" not in set(corpus.documents["title"])
    assert "must be an object" in named(problems_of(corpus), "calls.json:" + str(json.dumps(rows, indent=2).count("\n", 0, json.dumps(rows, indent=2).index('"not an object"')) + 1))


PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{HEADLINE} | Ministry</title>
<meta property="og:title" content="{HEADLINE}"><script>var tracking = "{{}}";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/contact">Contact us</a></li></ul></nav>
<main><article><h1>{HEADLINE}</h1>
<p>On the afternoon of March 3, 2022, Premier Li Keqiang spoke with Portuguese Prime Minister António Costa.</p>
<p>Li Keqiang said that the two countries enjoy a sound relationship. He hoped both sides would deepen trade.</p>
</article></main><footer><p>Copyright 2022. All rights reserved. Privacy policy.</p></footer></body></html>"""


def test_an_html_page_is_read_for_its_main_text_or_reported_never_loaded_as_markup(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>",
                                         encoding="utf-8")
    corpus = load(tmp_path)
    page = corpus.documents.set_index("doc_id").loc["page"]
    assert page["title"] == HEADLINE
    assert page["text"].startswith("On the afternoon of March 3, 2022") and "Copyright" not in page["text"]
    assert "<" not in page["text"] and "tracking" not in page["text"] and "Contact us" not in page["text"]
    assert page["host"] == "Li Keqiang" and page["counterpart_country"] == "Portugal"
    assert "HTML page" in named(problems_of(corpus), "empty.html")


# --- decoding that never garbles in silence ----------------------------------------------------------------------

def test_utf8_with_a_stray_cp1252_byte_keeps_its_utf8_and_says_so(tmp_path):
    text = variant(1).replace("Li Keqiang said", "At the Élysée, Macron’s envoy said")
    (tmp_path / "mixed.txt").write_bytes(text.encode("utf-8").replace(b"deepen trade", b"deepen \x93trade\x94"))
    corpus = load(tmp_path)
    body = corpus.documents["text"].iloc[0]
    assert "Élysée, Macron’s envoy" in body and "deepen “trade”" in body
    assert_not_garbled(corpus)
    assert "cp1252" in (reason := named(problems_of(corpus), "mixed.txt")) and "offset" in reason


def test_utf16_without_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "le.txt").write_bytes(variant(1).encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(variant(2).encode("utf-16-be"))
    corpus = load(tmp_path)
    assert sorted(corpus.documents["doc_id"]) == ["be", "le"] and corpus.problems.empty
    assert set(corpus.documents["counterpart_country"]) == {"Portugal"}


def test_other_legacy_encodings_are_told_apart(tmp_path):
    cyrillic = "Президент провёл телефонный разговор\n\nСтороны обсудили двустороннее сотрудничество и торговлю между странами.\n"
    (tmp_path / "ru.txt").write_bytes(cyrillic.encode("cp1251"))
    (tmp_path / "fr.txt").write_bytes(variant(1).replace("Costa.", "Costa à l’Élysée.").encode("cp1252"))
    corpus = load(tmp_path)
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    assert "двустороннее сотрудничество" in texts["ru"] and "à l’Élysée" in texts["fr"]


# --- bounded, type-checked headers -------------------------------------------------------------------------------

LAUGHS = "---\ntitle: x\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
    f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8)) + "---\n\n" + BODY


def test_a_yaml_header_of_nested_aliases_is_refused_at_once(tmp_path):
    (tmp_path / "laughs.md").write_text(LAUGHS, encoding="utf-8")
    (tmp_path / "ok.md").write_bytes(markdown("date: 2022-03-03", 1))
    started = time.monotonic()
    corpus = load(tmp_path)
    assert time.monotonic() - started < 10
    assert list(corpus.documents["doc_id"]) == ["ok"]
    assert "alias" in named(problems_of(corpus), "laughs.md")


@pytest.mark.parametrize("header, field", [
    ("date: 2999-01-01", "date"), ("event_date: 0001-01-01", "event_date"), ("published: 99999-01-01", "published"),
    ("date: 2022", "date"), ("counterparts: 5", "counterparts"), ("counterparts: {a: 1}", "counterparts"),
    ("event_type: {a: 1}", "event_type"), ("event_type: banquet", "event_type"), ("host: [a, b]", "host"),
    ("title: {x: 1}", "title"),
])
def test_a_header_field_of_the_wrong_type_or_range_is_dropped_with_a_problem_and_the_readout_loads(tmp_path, header, field):
    (tmp_path / "odd.md").write_bytes(markdown(header, 1))
    corpus = load(tmp_path)
    assert list(corpus.documents["doc_id"]) == ["odd"]
    assert f"'{field}' ignored" in named(problems_of(corpus), "odd.md")
    document = corpus.documents.iloc[0]
    assert document["event_type"] in ("call", "meeting", "virtual_meeting", "talks", "message", "other")
    assert all(isinstance(name, str) for name in document["counterparts"])


def test_a_date_out_of_range_in_a_table_cell_or_the_text_is_a_problem_of_that_field(tmp_path):
    (tmp_path / "cells.csv").write_bytes(csv_table([["title", "date", "text"], [HEADLINE, "2999-03-03", variant(1, BODY)]]))
    (tmp_path / "typo.txt").write_text(variant(2).replace("March 3, 2022", "March 3, 2999"), encoding="utf-8")
    corpus = load(tmp_path)
    assert sorted(corpus.documents["doc_id"]) == ["cells/2", "typo"]
    reasons = problems_of(corpus)
    assert "'date' ignored" in named(reasons, "cells.csv:2") and "outside" in named(reasons, "typo.txt")
    assert corpus.documents.set_index("doc_id").loc["typo", "date"] is pd.NaT


def test_a_stated_source_style_is_kept_or_reported_never_nan(tmp_path):
    (tmp_path / "named.md").write_bytes(markdown("source_style: kremlin", 1))  # a style a researcher's lexicon may bring
    (tmp_path / "garbled.md").write_bytes(markdown("source_style: Kremlin Press!", 2))
    (tmp_path / "mapping.md").write_bytes(markdown("source_style: {a: 1}", 3))
    corpus = load(tmp_path)
    styles = dict(zip(corpus.documents["doc_id"], corpus.documents["source_style"]))
    assert all(isinstance(style, str) and style for style in styles.values())
    reasons = problems_of(corpus)
    assert styles["garbled"] == "unknown" and "Kremlin Press!" in named(reasons, "garbled.md")
    assert "'source_style' ignored" in named(reasons, "mapping.md")
    # a name is kept where the schema's styles are open to a lexicon's own, else it is unknown and said so
    assert styles["named"] == "kremlin" or (styles["named"] == "unknown" and "kremlin" in named(reasons, "named.md"))


# --- every directory entry accounted -----------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="POSIX links and FIFOs")
def test_links_fifos_and_broken_links_are_problems_and_nothing_outside_is_read(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(variant(9), encoding="utf-8")
    folder = tmp_path / "corpus"
    (folder / "real").mkdir(parents=True)
    (folder / "real" / "a.txt").write_text(variant(1), encoding="utf-8")
    (folder / "linked_inside").symlink_to(folder / "real")
    (folder / "linked_outside").symlink_to(outside)
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "real" / "loop").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    started = time.monotonic()
    corpus = load(folder)
    assert time.monotonic() - started < 20  # the FIFO was never opened for reading
    assert "variant 9" not in " ".join(corpus.documents["text"])
    reasons = problems_of(corpus)
    assert "outside" in named(reasons, "linked_outside") and "outside" in named(reasons, "secret.txt")
    assert "broken link" in named(reasons, "gone.txt") and "FIFO" in named(reasons, "pipe.txt")
    assert "not followed" in named(reasons, "loop") and "not followed" in named(reasons, "linked_inside")
    assert list(corpus.documents["doc_id"]) == ["real/a"]
    assert_every_entry_accounted(folder, corpus)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names that are not UTF-8 (Linux)")
@pytest.mark.parametrize("cached", [True, False])
def test_a_file_name_that_is_not_utf8_loads_with_its_bytes_shown(tmp_path, monkeypatch, cached):
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(variant(1).encode())
    corpus = load(folder, cache=cached)
    assert list(corpus.documents["doc_id"]) == ["caf\\xe9"]
    assert corpus.documents["path"].iloc[0].endswith("caf\\xe9.txt")
    if cached:
        assert list(load(folder).documents["doc_id"]) == ["caf\\xe9"]


def test_a_file_that_vanishes_after_listing_is_reported_on_the_cached_path(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(variant(i), encoding="utf-8")
    listed = corpus_module.list_files

    def list_then_remove(paths):
        found = listed(paths)
        (folder / "r1.txt").unlink(missing_ok=True)
        return found

    monkeypatch.setattr(corpus_module, "list_files", list_then_remove)
    corpus = load(folder)
    assert list(corpus.documents["doc_id"]) == ["r0", "r2"]
    assert "cannot be read" in named(problems_of(corpus), "r1.txt")
    files = list_files(folder)[0] + [(folder / "r1.txt", folder)]
    assert cache.key(files, attribute=True)  # a key, not a crash


# --- a cache that cannot lie -------------------------------------------------------------------------------------

def test_a_file_edited_while_loading_is_never_cached_under_the_other_version(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    file = folder / "r.txt"
    original = variant(1)
    file.write_text(original, encoding="utf-8")
    build = corpus_module._build

    def edit_while_building(*args, **options):
        file.write_text(variant(2), encoding="utf-8")  # someone saves the file as the load reads it
        return build(*args, **options)

    monkeypatch.setattr(corpus_module, "_build", edit_while_building)
    first = load(folder)
    monkeypatch.undo()
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path / "cache"))
    assert "variant 1" in first.documents["text"].iloc[0]  # the load is of the bytes it keyed
    file.write_text(original, encoding="utf-8")  # reverted: the cache must serve the original
    assert "variant 1" in load(folder).documents["text"].iloc[0]
    file.write_text(variant(2), encoding="utf-8")
    assert "variant 2" in load(folder).documents["text"].iloc[0]


def test_a_cache_entry_with_other_columns_is_a_miss_and_is_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "r.txt").write_text(variant(1), encoding="utf-8")
    cold = load(folder, cache=False)
    load(folder)
    entry = next(p for p in (tmp_path / "cache").iterdir() if not p.name.startswith("."))
    pd.DataFrame({"other": [1, 2]}).to_parquet(entry / "documents.parquet")  # valid Parquet, another schema
    (entry / "tokens.parquet").unlink()
    warm = load(folder)
    for name in ("documents", "sentences", "tokens", "problems"):
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(warm, name))
    assert cache.read(entry.name) is not None  # rewritten whole
    (entry / "sentences.parquet").write_bytes(b"not parquet")
    pd.testing.assert_frame_equal(load(folder).tokens, cold.tokens)
    assert cache.read(entry.name) is not None


def test_staging_left_by_a_killed_writer_is_removed_and_a_live_ones_is_not(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    killed = tmp_path / "cache" / f".staging-{'ab' * 16}-{dead.pid}-x1"
    live = tmp_path / "cache" / f".staging-{'cd' * 16}-{os.getpid()}-x2"
    for folder in (killed, live):
        folder.mkdir()
        (folder / "documents.parquet").write_bytes(b"half")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "r.txt").write_text(variant(1), encoding="utf-8")
    load(folder)
    assert not killed.exists() and live.exists()


# --- processes that cannot hang ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    for i in range(600):
        (folder / f"r{i:03d}.txt").write_text(
            f"President Alpha Spoke with Prime Minister Beta {i}\n\n"
            f"President Alpha spoke today with Prime Minister Beta about trade number {i}, "
            f"{' '.join(f'point{i}x{k}' for k in range(12))}. "
            "The two leaders agreed to meet again.\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX start methods")
def test_helpers_are_forked_only_from_a_single_threaded_server_and_a_chosen_start_method_is_used(many):
    import multiprocessing
    default = load(many, cache=False, workers=2)
    assert multiprocessing.get_start_method(allow_none=True) is None  # loading chose nothing for the user
    servers = [p for p in psutil.Process().children() if "forkserver" in " ".join(p.cmdline())]
    assert servers and all(server.num_threads() == 1 for server in servers)
    multiprocessing.set_start_method("spawn", force=True)
    try:
        spawned = load(many, cache=False, workers=2)
    finally:
        multiprocessing.set_start_method(None, force=True)
    for name in ("documents", "sentences", "tokens", "problems"):
        pd.testing.assert_frame_equal(getattr(default, name), getattr(spawned, name))


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """Enough readouts that a helper's slice, handed back, is more than a pipe holds: a helper of a killed load
    then waits for a reader that is gone."""
    folder = tmp_path_factory.mktemp("large")
    for i in range(1200):
        own = " ".join(f"point{i}x{k}" for k in range(40))
        (folder / f"r{i:04d}.txt").write_text(
            f"President Alpha Spoke with Prime Minister Beta {i}\n\n"
            f"President Alpha spoke today with Prime Minister Beta about {own}. The two leaders agreed to meet again.\n",
            encoding="utf-8")
    return folder


KILLED_LOAD = textwrap.dedent("""
    import sys, warnings
    warnings.simplefilter("ignore")
    from helpers import load_corpus
    if __name__ == "__main__":
        load_corpus(sys.argv[1], workers=2)
        print("done", flush=True)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_cold_load_killed_at_any_point_leaves_nothing_behind_and_the_next_load_is_right(large, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    script = tmp_path / "load.py"
    script.write_text(KILLED_LOAD)
    env = dict(os.environ, READOUTS_CACHE_DIR=str(cache_dir))

    def run(kill_after: float | None) -> float:
        shutil.rmtree(cache_dir, ignore_errors=True)
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, str(script), str(large)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        family: dict[int, psutil.Process] = {}
        while process.poll() is None and (kill_after is None or time.monotonic() - started < kill_after):
            try:
                for child in psutil.Process(process.pid).children(recursive=True):
                    family[child.pid] = child
            except psutil.Error:
                pass
            time.sleep(0.02)
        if kill_after is not None:
            process.send_signal(signal.SIGKILL)
        process.wait()
        took = time.monotonic() - started
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_running(p) for p in family.values()):
            time.sleep(0.1)
        left = [p.pid for p in family.values() if _running(p)]
        assert not left, f"killed after {kill_after} s: processes {left} outlived the load"
        return took

    whole = run(None)
    # from the start of the interpreter to the cache write at the very end, and once past the end
    fresh = load(large, cache=False, workers=1)
    monkeypatch.setenv("READOUTS_CACHE_DIR", str(cache_dir))
    for share in (0.1, 0.3, 0.5, 0.65, 0.8, 0.95, 1.2):
        run(whole * share)
        again = load(large, workers=2)
        for name in ("documents", "sentences", "tokens", "problems"):
            pd.testing.assert_frame_equal(getattr(again, name), getattr(fresh, name))
        assert not [p.name for p in cache_dir.iterdir() if p.name.startswith(".")], "staging left behind"
    pd.testing.assert_frame_equal(load(large).documents, fresh.documents)  # and the cache serves it


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


# --- arbitrary bytes ---------------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".md", ".csv", ".tsv", ".json", ".jsonl", ".html", ""]),
       prefix=st.sampled_from([b"", b"---\n", b"---\ntitle: x\n---\n", b"[", b"{", b"id,text\n", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_any_bytes_in_any_file_are_loaded_or_reported_never_a_crash(tmp_path_factory, data, suffix, prefix):
    folder = tmp_path_factory.mktemp("any")
    (folder / f"f{suffix}").write_bytes(prefix + data)
    corpus = load(folder, cache=False)
    assert_every_entry_accounted(folder, corpus)


# --- the zoo -----------------------------------------------------------------------------------------------------

def build_zoo(folder: Path, outside: Path) -> dict:
    """A folder holding every class of input above; returns what must be loaded."""
    folder.mkdir(parents=True)
    outside.mkdir(parents=True)
    files: dict[str, bytes] = {
        "good.txt": variant(1).encode(),
        "good.md": markdown("date: 2022-03-03\ncounterparts: [António Costa]", 2),
        "rows.csv": csv_table([["id", "title", "date", "text"], ["c1", HEADLINE, "2022-03-03", variant(3, BODY)],
                               ["c2", HEADLINE, "2022-03-03", variant(4, BODY), "extra"],
                               ["c3", HEADLINE, "2999-03-03", variant(5, BODY)],
                               ["c4", HEADLINE, "", variant(6, BODY) + "\n\n" + "Trade was discussed at length. " * 5000]]),
        "quotes.csv": ("id,title,text\n" + f'q1,"{HEADLINE}","{variant(7, BODY).replace(chr(10), " ")}"\n'
                       + 'q2,"unclosed, and on\n' + f'q3,"{HEADLINE}","{variant(8, BODY).replace(chr(10), " ")}"\n').encode(),
        "array.json": json.dumps([{"id": "j1", "title": HEADLINE, "text": variant(9, BODY)}, 5]).encode(),
        "lines.jsonl": (json.dumps({"id": "l1", "title": HEADLINE, "text": variant(10, BODY)}) + "\n{broken\n").encode(),
        "page.html": PAGE.replace("sound relationship", "sound relationship (variant 11)").encode(),
        "menu.htm": b"<html><body><nav>Home | News</nav></body></html>",
        "mixed.txt": variant(12).replace("Li Keqiang said", "Macron\u2019s envoy said").encode().replace(b"deepen", b"\x93deepen\x94"),
        "utf16.txt": variant(13).encode("utf-16-le"),
        "cp1252.txt": variant(14).replace("Costa.", "Costa, “warm”.").encode("cp1252"),
        "laughs.md": LAUGHS.encode(),
        "future.md": markdown("date: 2999-01-01\nevent_date: 0001-01-01", 15),
        "types.md": markdown("counterparts: 5\nevent_type: {a: 1}\nhost: [x, y]\nsource_style: kremlin", 16),
        "typo.txt": variant(17).replace("2022", "2999").encode(),
        "empty.txt": b"",
        "binary.bin": bytes(range(256)) * 8,
        "no_headline.txt": b"The two sides met. They agreed.\n",
        "README.md": b"# passed over\n",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(variant(18).encode())
    (outside / "secret.txt").write_text(variant(19), encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(variant(20), encoding="utf-8")
    (folder / "linked_sub").symlink_to(folder / "sub")  # not followed: its files are read where they are
    (folder / "linked_outside").symlink_to(outside)
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")
    (folder / "sub" / "up").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    return {"documents": {"good", "good", "rows/c1", "rows/c3", "rows/c4", "quotes/q1", "quotes/q3", "array/j1", "lines/l1",
                          "page", "mixed", "utf16", "cp1252", "future", "types", "typo", "caf\\xe9", "sub/inner"}}


ZOO = textwrap.dedent("""
    import json, resource, sys, warnings
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    warnings.simplefilter("ignore")
    from helpers import load_corpus
    if __name__ == "__main__":
        corpus = load_corpus(sys.argv[1])
        again = load_corpus(sys.argv[1])  # the cached path too
        assert again.documents.equals(corpus.documents) and again.problems.equals(corpus.problems)
        print(json.dumps({"documents": list(corpus.documents["doc_id"]), "paths": list(corpus.documents["path"]),
                          "texts": list(corpus.documents["text"]), "titles": list(corpus.documents["title"]),
                          "problems": [list(p) for p in zip(corpus.problems["path"], corpus.problems["reason"])]}))
""")


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="POSIX links, FIFOs, rlimit")
def test_the_zoo_loads_in_one_call_under_two_gigabytes(tmp_path):
    folder = tmp_path / "zoo"
    expected = build_zoo(folder, tmp_path / "outside")
    script = tmp_path / "zoo.py"
    script.write_text(ZOO)
    env = dict(os.environ, READOUTS_CACHE_DIR=str(tmp_path / "cache"))
    run = subprocess.run([sys.executable, str(script), str(folder)], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(result["documents"]) == expected["documents"]
    paths = set(result["paths"]) | {path for path, _ in result["problems"]}
    for file, _ in list_files(folder)[0]:
        name = shown(file)
        assert any(p == name or p.startswith(name + ":") for p in paths), f"{name} is in neither documents nor problems"
    for text in result["texts"] + result["titles"]:
        assert not any(sign in text for sign in MOJIBAKE) and "<" not in text, text[:200]
    assert "variant 19" not in " ".join(result["texts"])  # nothing read from outside the folder
    reasons = [f"{p}: {r}" for p, r in result["problems"]]
    for where, what in (("rows.csv:", "fields, the header"), ("rows.csv:", "'date' ignored"), ("quotes.csv:3", "CSV row"),
                        ("array.json:", "must be an object"), ("lines.jsonl:2", "JSON"), ("menu.htm", "HTML page"),
                        ("laughs.md", "alias"), ("future.md", "'date' ignored"), ("future.md", "'event_date' ignored"),
                        ("types.md", "'counterparts' ignored"), ("types.md", "'event_type' ignored"), ("types.md", "'host' ignored"),
                        ("typo.txt", "outside the days"), ("empty.txt", "empty"), ("binary.bin", "binary"),
                        ("no_headline.txt", "headline"), ("linked_outside", "outside"), ("linked_sub", "not followed"),
                        ("secret.txt", "outside"), ("broken.txt", "broken link"), ("pipe.txt", "FIFO"), ("sub/up", "not followed"),
                        ("mixed.txt", "cp1252")):
        assert any(f"{where}" in line.split(": ", 1)[0] + ":" and what in line for line in reasons), (where, what)
