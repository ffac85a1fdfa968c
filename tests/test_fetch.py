"""`helpers.fetch`: archives built here, served by a real HTTP server on 127.0.0.1, fetched for real.

No traffic leaves the machine: every URL is a loopback one or a file:// URL, and
$READOUTS_FETCH_URL points at a closed loopback port so a forgotten `url=` can
never reach GitHub. Every fetch writes below pytest's tmp_path, never data/raw/.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import socket
import tarfile
import threading
import time
import uuid
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from conftest import needs_whitehouse, whitehouse_dir
from helpers import load_corpus
from helpers import fetch as fetch_module
from helpers.__main__ import main
from helpers.fetch import COMMIT, MANIFEST_NAME, FetchError, fetch_whitehouse

TOP = f"wh-briefings-{COMMIT}"


def _markdown(section: str, date: str, slug: str, title: str, paragraphs: list[str]) -> bytes:
    """A file in the dataset's form: YAML header as the scraper writes it, hard-wrapped body, closing `\\###`."""
    year, month, day = date.split("-")
    header = (
        "---\n"
        f"tags: {section}\n"
        f"date: '{date}'\n"
        f"modified_time: {date} 18:02:21-04:00\n"
        f"source_url: https://bidenwhitehouse.archives.gov/briefing-room/{section}/{year}/{month}/{day}/{slug}/\n"
        f"published_time: {date} 18:02:20-04:00\n"
        f"title: \"{title}\"\n"
        "---\n \n"
    )
    wrapped = []
    for paragraph in paragraphs:
        words, line, lines = paragraph.split(), "", []
        for word in words:
            if line and len(line) + 1 + len(word) > 72:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        wrapped.append("\n".join(lines))
    return (header + "  \n  \n".join(wrapped) + "\n\n\\###\n").encode("utf-8")


def _file(section: str, date: str, slug: str, title: str, paragraphs: list[str]) -> tuple[str, bytes]:
    return f"{section}/{date[:7]}/{date}-{slug}.md", _markdown(section, date, slug, title, paragraphs)


# Readouts of 2021-2024 and files that must not be kept: other genres, a README, the scraper's folder.
READOUTS = dict([
    _file("statements-releases", "2021-05-26", "readout-of-president-joseph-r-biden-jr-call-with-prime-minister-mark-rutte-of-the-netherlands",
          "Readout of President Joseph R. Biden, Jr. Call with Prime Minister Mark Rutte of the\u00a0Netherlands",
          ["President Joseph R. Biden, Jr. spoke today with Prime Minister Mark Rutte of the Netherlands. "
           "The President underscored the importance of the transatlantic relationship.",
           "Prime Minister Rutte welcomed the call. The two leaders agreed to stay in close touch."]),
    _file("statements-releases", "2022-03-01", "readout-of-president-bidens-call-with-president-zelenskyy-of-ukraine",
          "Readout of President Biden\u2019s Call with President Zelenskyy of Ukraine",
          ["President Biden spoke today with President Volodymyr Zelenskyy of Ukraine. "
           "President Biden reaffirmed the United States\u2019 support for Ukraine\u2019s sovereignty.",
           "President Zelenskyy briefed President Biden on the situation. The leaders agreed to remain in close contact."]),
    _file("speeches-remarks", "2022-11-13", "readout-of-president-joe-bidens-meeting-with-president-yoon-suk-yeol-of-the-republic-of-korea",
          "Readout of President Joe Biden\u2019s Meeting with President Yoon Suk Yeol of the Republic of Korea",
          ["President Joe Biden met today with President Yoon Suk Yeol of the Republic of Korea in Phnom Penh. "
           "President Biden emphasized the ironclad commitment of the United States to the defense of the Republic of Korea."]),
    _file("statements-releases", "2023-06-05", "readout-of-president-bidens-meeting-with-prime-minister-frederiksen-of-denmark",
          "Readout of President Biden\u2019s Meeting with Prime Minister Frederiksen of Denmark",
          ["President Biden met today with Prime Minister Mette Frederiksen of Denmark at the White House. "
           "The leaders discussed their support for Ukraine and cooperation in the Arctic.",
           "Prime Minister Frederiksen thanked President Biden for his leadership."]),
    _file("statements-releases", "2024-02-10", "readout-of-president-bidens-call-with-prime-minister-trudeau-of-canada",
          "Readout of President Biden\u2019s Call with Prime Minister Trudeau of Canada",
          ["President Biden spoke today with Prime Minister Justin Trudeau of Canada. "
           "The leaders discussed the shared border and energy security."]),
])
OTHERS = dict([
    _file("statements-releases", "2022-03-02", "statement-by-press-secretary-jen-psaki-on-ukraine",
          "Statement by Press Secretary Jen Psaki on Ukraine", ["The President will speak with allies later today."]),
    _file("briefings-statements", "2023-01-05", "press-briefing-by-press-secretary-karine-jean-pierre",
          "Press Briefing by Press Secretary Karine Jean-Pierre", ["Good afternoon, everybody."]),
    ("README.md", b"# wh-briefings\n\nRetrieves articles from https://www.whitehouse.gov/briefing-room/\n"),
    ("_scraper/readout-notes.md", b"notes on parsing readout pages\n"),
    ("_scraper/__main__.py", b"print('scrape')\n"),
])
LICENSE_TEXT = b"CC0 1.0 Universal\n"


def _readouts(since: int | None = None, until: int | None = None) -> set[str]:
    return {p for p in READOUTS if (since is None or int(p.split("/")[1][:4]) >= since) and (until is None or int(p.split("/")[1][:4]) <= until)}


def build_archive(files: dict[str, bytes] | None = None, *, top: str = TOP, commit: str | None = COMMIT,
                  extra: list[tuple[tarfile.TarInfo, bytes | None]] = ()) -> bytes:
    """A .tar.gz shaped like GitHub's: one top folder, folder entries, the commit in a pax global header."""
    files = {**READOUTS, **OTHERS, "LICENSE": LICENSE_TEXT} if files is None else files
    buffer = io.BytesIO()
    pax = {"comment": commit} if commit else {}
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.PAX_FORMAT, pax_headers=pax) as tar:
        folders = {top} | {f"{top}/{'/'.join(p.split('/')[:i])}" for p in files for i in range(1, p.count("/") + 1)}
        for folder in sorted(folders):
            info = tarfile.TarInfo(folder + "/")
            info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, 1_700_000_000
            tar.addfile(info)
        for path, data in files.items():
            info = tarfile.TarInfo(f"{top}/{path}")
            info.size, info.mode, info.mtime = len(data), 0o644, 1_700_000_000
            tar.addfile(info, io.BytesIO(data))
        for info, data in extra:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return buffer.getvalue()


# --- a real loopback HTTP server ---------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.server.requests.append(self.path)
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404, "no such archive")
        elif callable(route):
            route(self)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/x-gzip")
            self.send_header("Content-Length", str(len(route)))
            self.end_headers()
            self.wfile.write(route)

    def log_message(self, *args) -> None:
        pass  # keep pytest's output to the tests' own


class LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, object] = {}
        self.requests: list[str] = []

    def serve(self, path: str, route) -> str:
        """Serve `route` (bytes, or a callable given the handler) at `path`; returns its URL."""
        self.routes[path] = route
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


@pytest.fixture
def server():
    srv = LoopbackServer()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch):
    # A test that forgets url= must fail on loopback, not download from GitHub.
    monkeypatch.setenv(fetch_module.URL_VARIABLE, f"http://127.0.0.1:{_closed_port()}/not-set-by-this-test.tar.gz")


def _run(url: str, out: Path, **options):
    return fetch_whitehouse(url=url, out=out, log=io.StringIO(), **options)


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


# --- what is kept --------------------------------------------------------------------------------

def test_keeps_only_readouts_in_the_year_range(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    out = tmp_path / "raw" / "whitehouse"
    result = _run(url, out, since=2022, until=2023)
    assert result.fetched and result.folder == out
    expected = {
        "statements-releases/2022-03/2022-03-01-readout-of-president-bidens-call-with-president-zelenskyy-of-ukraine.md",
        "speeches-remarks/2022-11/2022-11-13-readout-of-president-joe-bidens-meeting-with-president-yoon-suk-yeol-of-the-republic-of-korea.md",
        "statements-releases/2023-06/2023-06-05-readout-of-president-bidens-meeting-with-prime-minister-frederiksen-of-denmark.md",
    }
    assert _tree(out) == expected | {"LICENSE", MANIFEST_NAME}
    assert result.readouts == 3
    for path in expected:  # byte for byte what the archive held
        assert (out / path).read_bytes() == READOUTS[path]
    # Nothing beside the corpus: no temporary download or half-unpacked folder.
    assert sorted(p.name for p in out.parent.iterdir()) == ["whitehouse"]


def test_all_years_by_default_and_only_readout_markdown(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    result = _run(url, tmp_path / "wh")
    assert _tree(tmp_path / "wh") == set(READOUTS) | {"LICENSE", MANIFEST_NAME}
    assert result.readouts == len(READOUTS) == 5


def test_one_bound_only(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    _run(url, tmp_path / "since", since=2023)
    _run(url, tmp_path / "until", until=2021)
    assert _tree(tmp_path / "since") - {"LICENSE", MANIFEST_NAME} == _readouts(since=2023) and len(_readouts(since=2023)) == 2
    assert _tree(tmp_path / "until") - {"LICENSE", MANIFEST_NAME} == _readouts(until=2021) and len(_readouts(until=2021)) == 1


def test_manifest_records_source_and_matching_hashes(server, tmp_path):
    archive = build_archive()
    url = server.serve("/archive.tar.gz", archive)
    out = tmp_path / "wh"
    _run(url, out, since=2022)
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["repository"] == "brian14708/wh-briefings"
    assert manifest["commit"] == COMMIT == "737ca03a271adc205c67766074ec8d0070f7ad95"
    assert manifest["commit_stated_by_archive"] == COMMIT
    assert manifest["url"] == url
    assert (manifest["since"], manifest["until"]) == (2022, None)
    fetched = pd.Timestamp(manifest["fetched"])
    assert abs(pd.Timestamp.now(tz="UTC") - fetched) < pd.Timedelta(minutes=5)
    assert manifest["archive"] == {"bytes": len(archive), "sha256": hashlib.sha256(archive).hexdigest()}
    assert set(manifest["files"]) == _tree(out) - {MANIFEST_NAME}
    originals = {**READOUTS, "LICENSE": LICENSE_TEXT}
    for path, entry in manifest["files"].items():
        on_disk = (out / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(on_disk).hexdigest() == hashlib.sha256(originals[path]).hexdigest()
        assert entry["bytes"] == len(on_disk)
    assert fetch_module.verify(out) == []


def test_loader_passes_over_the_manifest_and_license(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    _run(url, tmp_path / "wh")
    corpus = load_corpus(tmp_path / "wh")
    assert len(corpus.problems) == 0, corpus.problems
    assert sorted(corpus.documents["doc_id"]) == sorted(p[:-3] for p in READOUTS)


def test_loader_reads_the_fetched_folder_as_a_copy_of_the_same_files(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    fetched = tmp_path / "fetched"
    _run(url, fetched)
    copy = tmp_path / "copy"
    for path, data in READOUTS.items():
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_bytes(data)
    a, b = load_corpus(fetched), load_corpus(copy)
    assert len(a.documents) == len(READOUTS)
    assert list(a.documents["path"]) != list(b.documents["path"])  # the comparison below is not of one folder with itself
    pd.testing.assert_frame_equal(a.documents.drop(columns="path"), b.documents.drop(columns="path"))
    pd.testing.assert_frame_equal(a.sentences, b.sentences)
    pd.testing.assert_frame_equal(a.tokens, b.tokens)


@needs_whitehouse
def test_loader_reads_fetched_real_readouts_as_the_shared_corpus_does(server, tmp_path, whitehouse):
    """Real files from the shared copy of the dataset, packed as GitHub packs them, give the same documents."""
    shared = whitehouse_dir()
    chosen = [p for folder in ("statements-releases/2021-05", "speeches-remarks/2022-11") for p in sorted((shared / folder).glob("*.md"))]
    files = {p.relative_to(shared).as_posix(): p.read_bytes() for p in chosen}
    url = server.serve("/real.tar.gz", build_archive({**files, **OTHERS}))
    _run(url, tmp_path / "wh")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fetched = load_corpus(tmp_path / "wh").documents
    doc_ids = {path[:-3] for path in files}
    assert set(fetched["doc_id"]) == doc_ids and len(doc_ids) > 20
    same = whitehouse.documents[whitehouse.documents["doc_id"].isin(doc_ids)]
    key = ["doc_id"]
    # source_style's categories are the styles each corpus holds (open to a lexicon's own): compare the values
    as_values = {"source_style": "string"}
    pd.testing.assert_frame_equal(
        fetched.drop(columns="path").astype(as_values).sort_values(key).reset_index(drop=True),
        same.drop(columns="path").astype(as_values).sort_values(key).reset_index(drop=True),
    )


# --- running again ----------------------------------------------------------------------------------

def test_second_run_is_a_no_op_and_says_so(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    out = tmp_path / "wh"
    _run(url, out, since=2022, until=2023)
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*")}
    assert server.requests == ["/archive.tar.gz"]
    again = _run(url, out, since=2022, until=2023)
    assert not again.fetched
    assert "already there" in again.message and "nothing to do" in again.message
    assert again.readouts == 3
    assert server.requests == ["/archive.tar.gz"]  # not downloaded a second time
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*")} == before


def test_a_changed_file_is_fetched_again(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    out = tmp_path / "wh"
    _run(url, out)
    victim = out / sorted(READOUTS)[0]
    victim.write_text("edited by hand\n")
    log = io.StringIO()
    result = fetch_whitehouse(url=url, out=out, log=log)
    assert result.fetched
    assert "differ" in log.getvalue()
    assert victim.read_bytes() == READOUTS[sorted(READOUTS)[0]]
    assert len(server.requests) == 2


def test_other_years_replace_the_corpus_in_one_step(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    out = tmp_path / "wh"
    _run(url, out, since=2023)
    result = _run(url, out, until=2021)
    assert result.fetched
    assert _tree(out) - {"LICENSE", MANIFEST_NAME} == _readouts(until=2021)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wh"]  # the old corpus moved aside was removed


def test_refuses_to_replace_a_folder_it_did_not_write(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    out = tmp_path / "wh"
    out.mkdir()
    (out / "my-notes.md").write_text("mine\n")
    with pytest.raises(FetchError, match="not written by this command"):
        _run(url, out)
    assert _tree(out) == {"my-notes.md"}
    assert server.requests == []


def test_leftovers_of_an_interrupted_run_are_removed(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    (tmp_path / ".wh.download-k1ll3d.tar.gz").write_bytes(b"half an archive")
    (tmp_path / ".wh.partial-k1ll3d" / "statements-releases").mkdir(parents=True)
    (tmp_path / ".wh.partial-k1ll3d" / "statements-releases" / "x-readout.md").write_text("half\n")
    (tmp_path / ".unrelated").write_text("not ours\n")
    _run(url, tmp_path / "wh")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".unrelated", "wh"]


# --- refusing bad archives, leaving nothing -------------------------------------------------------

def _cut_short(data: bytes):
    def route(handler):  # announces the whole archive, sends half, hangs up
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data[: len(data) // 2])
        handler.close_connection = True
    return route


def _broken_tar_header() -> bytes:
    plain = gzip.decompress(build_archive())
    # The checksum of the third entry's header: tarfile would stop there quietly and keep what came before.
    at = 512 * 6 + 148
    damaged = plain[:at] + b"9999999\0" + plain[at + 8:]
    assert damaged != plain
    return gzip.compress(damaged)


def _flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle: middle + 64]) + data[middle + 64:]


@pytest.mark.parametrize("case", ["corrupted", "truncated", "cut short", "not gzip", "broken tar header"])
def test_damaged_archive_is_refused_with_nothing_left(server, tmp_path, case):
    good = build_archive()
    route = {
        "corrupted": _flipped(good),
        "truncated": good[: len(good) * 2 // 3],  # honest Content-Length of a short file: only gzip can tell
        "cut short": _cut_short(good),
        "not gzip": b"<html>rate limited</html>",
        "broken tar header": _broken_tar_header(),
    }[case]
    url = server.serve("/archive.tar.gz", route)
    with pytest.raises(FetchError) as raised:
        _run(url, tmp_path / "raw" / "whitehouse")
    assert any(word in str(raised.value) for word in ("damaged", "incomplete", "unreadable"))
    assert list(tmp_path.iterdir()) == []  # not even the data/raw-like parent it had to create


def test_a_failed_refetch_keeps_the_corpus_that_was_there(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    out = tmp_path / "wh"
    _run(url, out, since=2022)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = server.serve("/bad.tar.gz", _flipped(build_archive()))
    with pytest.raises(FetchError):
        _run(bad, out, since=2021)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wh"]


def _entry(name: str, kind: bytes = tarfile.REGTYPE, link: str = "", data: bytes | None = b"x") -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    if kind == tarfile.REGTYPE:
        info.size = len(data)
    else:
        data = None
    return info, data


ESCAPE = f"escaped-readout-{uuid.uuid4().hex}.md"
UNSAFE = {
    "dot-dot": (_entry(f"{TOP}/statements-releases/../../{ESCAPE}"), "'..' component"),
    "absolute": (_entry(f"/tmp/{ESCAPE}"), "absolute path"),
    "symlink": (_entry(f"{TOP}/statements-releases/2022-01/2022-01-01-readout-link.md", tarfile.SYMTYPE, "/etc/passwd"), "link"),
    "symlink inside": (_entry(f"{TOP}/statements-releases/2022-01/2022-01-02-readout-link.md", tarfile.SYMTYPE, "../2021-05/x.md"), "link"),
    "hardlink": (_entry(f"{TOP}/notes.txt", tarfile.LNKTYPE, "../../etc/passwd"), "link"),
    "device": (_entry(f"{TOP}/statements-releases/2022-01/2022-01-03-readout-dev.md", tarfile.CHRTYPE), "device"),
    "fifo": (_entry(f"{TOP}/pipe", tarfile.FIFOTYPE), "device or FIFO"),
    "second top folder": (_entry(f"other-{COMMIT}/statements-releases/2022-01/2022-01-04-readout-x.md"), "outside its top folder"),
}


@pytest.mark.parametrize("case", list(UNSAFE))
def test_unsafe_entries_refuse_the_archive(server, tmp_path, case):
    entry, reason = UNSAFE[case]
    archive = build_archive(extra=[entry])
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:  # the bad name really is in the archive, unsanitised
        assert entry[0].name in tar.getnames()
    url = server.serve("/archive.tar.gz", archive)
    out = tmp_path / "raw" / "whitehouse"
    with pytest.raises(FetchError) as raised:
        _run(url, out)
    assert "refusing the archive" in str(raised.value) and reason in str(raised.value)
    assert entry[0].name in str(raised.value)
    assert list(tmp_path.iterdir()) == []
    assert not (tmp_path / ESCAPE).exists() and not Path(f"/tmp/{ESCAPE}").exists()


def test_a_link_outside_the_readouts_that_stays_inside_is_skipped(server, tmp_path):
    # git keeps symlinks; one in the scraper's folder pointing within the repository is no danger and is not copied.
    url = server.serve("/archive.tar.gz", build_archive(extra=[_entry(f"{TOP}/_scraper/latest", tarfile.SYMTYPE, "__main__.py")]))
    result = _run(url, tmp_path / "wh")
    assert result.readouts == len(READOUTS)
    assert not any(p.is_symlink() for p in (tmp_path / "wh").rglob("*"))


def test_archive_of_another_commit_is_refused(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive(commit="0" * 40))
    with pytest.raises(FetchError, match="not the pinned"):
        _run(url, tmp_path / "wh")
    assert list(tmp_path.iterdir()) == []


def test_size_bounds(server, tmp_path):
    archive = build_archive()
    url = server.serve("/archive.tar.gz", archive)
    with pytest.raises(FetchError, match="more than"):
        _run(url, tmp_path / "wh", max_archive_bytes=len(archive) - 1)
    kept = sum(len(data) for data in READOUTS.values()) + len(LICENSE_TEXT)
    with pytest.raises(FetchError, match="files to keep come to more than"):
        _run(url, tmp_path / "wh", max_extract_bytes=kept - 1)
    with pytest.raises(FetchError, match="unpacks to more than"):
        _run(url, tmp_path / "wh", max_unpacked_bytes=10_000)
    assert list(tmp_path.iterdir()) == []
    assert _run(url, tmp_path / "wh", max_archive_bytes=len(archive), max_extract_bytes=kept).readouts == 5


def test_no_readouts_in_the_range_is_an_error(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    with pytest.raises(FetchError, match="no readout files for years 2030"):
        _run(url, tmp_path / "wh", since=2030)
    assert list(tmp_path.iterdir()) == []


def test_years_the_wrong_way_round(tmp_path):
    with pytest.raises(FetchError, match="after --until"):
        _run("http://127.0.0.1:1/never.tar.gz", tmp_path / "wh", since=2023, until=2021)


# --- no network ------------------------------------------------------------------------------------

def test_unreachable_host_fails_fast_with_instructions(tmp_path):
    port = _closed_port()
    url = f"http://127.0.0.1:{port}/brian14708/wh-briefings/tar.gz/{COMMIT}"
    started = time.monotonic()
    with pytest.raises(FetchError) as raised:
        _run(url, tmp_path / "raw" / "whitehouse")
    assert time.monotonic() - started < 5
    message = str(raised.value)
    assert f"could not reach 127.0.0.1:{port}" in message and url in message
    assert "by hand" in message and COMMIT in message and "--url path/to/the/archive.tar.gz" in message
    assert "https://codeload.github.com/brian14708/wh-briefings/tar.gz/" in message
    assert list(tmp_path.iterdir()) == []


def test_a_server_that_stops_sending_times_out(server, tmp_path):
    def stall(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(b"\x1f\x8b" + b"\0" * 100)
        handler.wfile.flush()
        time.sleep(3)
    url = server.serve("/slow.tar.gz", stall)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        _run(url, tmp_path / "wh", timeout=0.5)
    assert time.monotonic() - started < 2.5
    assert list(tmp_path.iterdir()) == []


def test_http_error_names_the_status(server, tmp_path):
    url = server.serve("/elsewhere", b"")  # the archive's own path is not served: 404
    with pytest.raises(FetchError, match="HTTP 404"):
        _run(url.replace("/elsewhere", "/missing.tar.gz"), tmp_path / "wh")
    assert list(tmp_path.iterdir()) == []


def test_an_archive_downloaded_by_hand_is_read_from_a_file_url(tmp_path):
    archive = tmp_path / "by-hand.tar.gz"
    archive.write_bytes(build_archive())
    result = _run(archive.resolve().as_uri(), tmp_path / "wh", since=2022)
    assert result.readouts == len(_readouts(since=2022)) == 4
    assert fetch_module.verify(tmp_path / "wh") == []
    by_path = _run(str(archive), tmp_path / "wh2", until=2021)  # a plain path, as the instructions suggest
    assert by_path.readouts == 1
    assert json.loads((tmp_path / "wh2" / MANIFEST_NAME).read_text())["url"] == archive.resolve().as_uri()


def test_progress_is_shown(server, tmp_path):
    archive = build_archive()
    url = server.serve("/archive.tar.gz", archive)
    log = io.StringIO()
    fetch_whitehouse(url=url, out=tmp_path / "wh", log=log)
    shown = log.getvalue()
    assert f"downloading {url}" in shown
    size = fetch_module._size(len(archive))
    assert f"{size} of {size} (100%)" in shown and " in " in shown.splitlines()[-1]


# --- the command line --------------------------------------------------------------------------------

def test_command_line(server, tmp_path, monkeypatch, capsys):
    url = server.serve("/archive.tar.gz", build_archive())
    monkeypatch.setenv(fetch_module.URL_VARIABLE, url)
    out = tmp_path / "wh"
    assert main(["fetch", "whitehouse", "--out", str(out), "--since", "2022", "--until", "2022"]) == 0
    assert "2 readouts" in capsys.readouterr().out
    assert main(["fetch", "whitehouse", "--out", str(out), "--since", "2022", "--until", "2022"]) == 0
    assert "already there" in capsys.readouterr().out
    # `report` now runs the notebook suite (tests/test_notebooks*.py); here it is enough that the folder loads.
    assert len(load_corpus(out, cache=False).documents) == 2
    dead = f"http://127.0.0.1:{_closed_port()}/archive.tar.gz"
    assert main(["fetch", "whitehouse", "--out", str(tmp_path / "other"), "--url", dead]) == 1
    error = capsys.readouterr().err
    assert error.startswith("fetch whitehouse: could not reach") and "by hand" in error
    assert not (tmp_path / "other").exists()


# --- reliability: the commit stated, an overall deadline, files of others kept -----------------------------------

def test_an_archive_that_does_not_state_its_commit_is_refused(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive(commit=None))
    with pytest.raises(FetchError, match="does not state its commit"):
        _run(url, tmp_path / "wh")
    assert list(tmp_path.iterdir()) == []


def test_a_download_that_drips_is_stopped_by_the_overall_deadline(server, tmp_path):
    def drip(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        try:
            for _ in range(100):  # a byte every 0.1 s: never quiet for the per-read timeout
                handler.wfile.write(b"\0")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up, as it should
    url = server.serve("/drip.tar.gz", drip)
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not finish within 1 s"):
        _run(url, tmp_path / "wh", timeout=2, deadline=1)
    assert time.monotonic() - started < 4
    assert list(tmp_path.iterdir()) == []


def test_fetching_other_years_keeps_files_someone_else_put_there(server, tmp_path):
    url = server.serve("/archive.tar.gz", build_archive())
    out = tmp_path / "wh"
    _run(url, out, since=2023)
    mine = {"my-notes.md": b"my notes\n", "statements-releases/2023-01/2023-01-05-readout-of-my-own.md": b"mine too\n"}
    for name, data in mine.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    result = _run(url, out, until=2021)
    assert result.fetched
    assert _tree(out) - {"LICENSE", MANIFEST_NAME} == _readouts(until=2021) | set(mine)
    assert all((out / name).read_bytes() == data for name, data in mine.items())
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert set(manifest["files"]) == _readouts(until=2021) | {"LICENSE"} and manifest["until"] == 2021
    assert fetch_module.verify(out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wh"]
    # a file of someone else's where a readout of the new selection goes: refused, nothing changed
    clash = sorted(_readouts(since=2022))[0]
    before = {name: (out / name).read_bytes() for name in _tree(out)}
    _run(url, out, until=2021)  # unchanged selection: nothing to do
    (out / clash).parent.mkdir(parents=True, exist_ok=True)
    (out / clash).write_bytes(b"not the readout\n")
    with pytest.raises(FetchError, match="move it away"):
        _run(url, out, since=2022)
    assert {name: (out / name).read_bytes() for name in _tree(out) if name != clash} == before
