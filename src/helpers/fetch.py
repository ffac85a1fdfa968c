"""Fetch a real corpus: the White House readouts in the public repository brian14708/wh-briefings.

`fetch_whitehouse()` (and `python -m helpers fetch whitehouse`) downloads the
repository's archive at one pinned commit, keeps the Markdown files whose name
contains "readout" (optionally only some years) and writes them under
`data/raw/whitehouse/` in the repository's own folder layout
(`statements-releases/2021-05/2021-05-26-readout-....md`), so the loader gives
them the same `doc_id`s as any other copy of the dataset. `MANIFEST.json`
beside them records where they came from and the SHA-256 of each file; the
loader passes over it.

Nothing half-done ever sits where the corpus goes: the archive is downloaded
to a hidden temporary file and unpacked into a hidden folder beside the
target, both checked, and only then renamed into place. Leftovers of an
interrupted run are removed by the next one. Only the standard library is used.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import http.client
import json
import os
import re
import shutil
import socket
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

REPOSITORY = "brian14708/wh-briefings"
COMMIT = "737ca03a271adc205c67766074ec8d0070f7ad95"
DEFAULT_URL = f"https://codeload.github.com/{REPOSITORY}/tar.gz/{COMMIT}"
# The same archive through github.com (it redirects to codeload); named in the by-hand instructions.
BROWSER_URL = f"https://github.com/{REPOSITORY}/archive/{COMMIT}.tar.gz"
URL_VARIABLE = "READOUTS_FETCH_URL"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "data" / "raw" / "whitehouse"
MANIFEST_NAME = "MANIFEST.json"
LICENSE = "CC0-1.0"

# Bounds well above the real archive (tens of MB packed; the readouts are a few MB), far below a disk-filler.
MAX_ARCHIVE_BYTES = 1 << 30
MAX_UNPACKED_BYTES = 4 << 30
MAX_EXTRACT_BYTES = 512 << 20
DEFAULT_TIMEOUT = 20.0
# The whole download's limit: a server that sends a byte now and then never trips the per-read timeout.
DEFAULT_DEADLINE = 900.0

_CHUNK = 1 << 16
_DATED_FILE = re.compile(r"^((?:19|20)\d\d)-\d\d-\d\d")
_MONTH_FOLDER = re.compile(r"^((?:19|20)\d\d)-\d\d$")
# The licence files kept beside the readouts: the rows of data/passed_over.csv marked as licences (the loader
# passes over them), read here with the standard library alone.
with open(Path(__file__).resolve().parents[2] / "data" / "passed_over.csv", encoding="utf-8", newline="") as _table:
    _LICENCE_NAMES = [row["file"].strip() for row in csv.DictReader(line for line in _table if not line.startswith("#"))
                      if row["licence"].strip() == "yes"]
_TOP_LICENSE = re.compile(rf"^(?:{'|'.join(map(re.escape, _LICENCE_NAMES))})(?:[._-].*)?$", re.IGNORECASE)


class FetchError(RuntimeError):
    """The corpus could not be fetched; the message says what was tried and what to do. Nothing was left behind."""


@dataclass(frozen=True)
class FetchResult:
    """What a fetch did: the corpus folder, whether it downloaded anything, how many readouts are there."""

    folder: Path
    fetched: bool  # False when an intact corpus for the same commit and years was already there
    readouts: int
    message: str


def fetch(source: str, **options) -> FetchResult:
    """Fetch the named corpus (only "whitehouse" so far); see `fetch_whitehouse` for the options."""
    if source != "whitehouse":
        raise FetchError(f"unknown source {source!r}: the only one is 'whitehouse'")
    return fetch_whitehouse(**options)


def fetch_whitehouse(
    *,
    out: str | Path | None = None,
    since: int | None = None,
    until: int | None = None,
    url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    max_archive_bytes: int = MAX_ARCHIVE_BYTES,
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES,
    max_extract_bytes: int = MAX_EXTRACT_BYTES,
    log: TextIO | None = None,
) -> FetchResult:
    """Download the pinned wh-briefings archive and keep its readouts from years `since`..`until` in `out`.

    `out` defaults to `data/raw/whitehouse/`; `url` to $READOUTS_FETCH_URL, else the codeload
    tarball of the pinned commit (a `file://` URL or a plain path reads an archive downloaded by hand).
    Returns a FetchResult; when `out` already holds an intact corpus for the same commit and
    years it downloads nothing and says so. Raises FetchError, leaving nothing behind, when the
    download fails or the archive is damaged, too big or holds unsafe entries.
    """
    log = sys.stderr if log is None else log
    target = Path(out) if out is not None else DEFAULT_OUT
    url = url or os.environ.get(URL_VARIABLE) or DEFAULT_URL
    if "://" not in url and Path(url).is_file():  # a path to an archive downloaded by hand
        url = Path(url).resolve().as_uri()
    _check_years(since, until)
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in {"http", "https", "file"}:
        raise FetchError(f"cannot fetch from {url!r}: only http, https and file URLs are supported")

    if target.exists() and not target.is_dir():
        raise FetchError(f"{target} exists and is not a folder; choose another --out")
    _remove_leftovers(target)
    if target.is_dir() and any(target.iterdir()):
        manifest = _read_manifest(target)
        if manifest.get("commit") == COMMIT and manifest.get("since") == since and manifest.get("until") == until:
            problems = verify(target)
            if not problems:
                readouts = int(manifest.get("readouts", len(manifest.get("files", {}))))
                message = (f"{target}: already there ({readouts} readouts, {_years(since, until)}, "
                           f"commit {COMMIT[:12]}, fetched {manifest.get('fetched', '?')}); nothing to do")
                return FetchResult(target, False, readouts, message)
            print(f"{target}: {len(problems)} file(s) differ from {MANIFEST_NAME} "
                  f"(first: {problems[0]}); fetching again", file=log)
        else:
            print(f"{target}: holds {_years(manifest.get('since'), manifest.get('until'))} at commit "
                  f"{str(manifest.get('commit'))[:12]}; replacing it with {_years(since, until)}", file=log)

    created = _make_parents(target.parent)
    staging: Path | None = None
    archive: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.download-", suffix=".tar.gz", dir=target.parent)
        os.close(handle)
        archive = Path(name)
        archive_bytes, archive_sha256 = _download(url, archive, timeout=timeout, deadline=deadline, max_bytes=max_archive_bytes,
                                                  log=log, target=target)
        _check_gzip(archive, max_unpacked=max_unpacked_bytes, target=target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
        files, readouts, commit_seen = _extract(archive, staging, since=since, until=until, max_bytes=max_extract_bytes)
        manifest = {
            "source": "whitehouse",
            "repository": REPOSITORY,
            "commit": COMMIT,
            "commit_stated_by_archive": commit_seen,
            "url": url,
            "fetched": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "since": since,
            "until": until,
            "license": LICENSE,
            "archive": {"bytes": archive_bytes, "sha256": archive_sha256},
            "readouts": readouts,
            "files": files,
        }
        _write_json(staging / MANIFEST_NAME, manifest)
        problems = verify(staging)
        if problems:  # the disk gave back other bytes than were written: do not call it a corpus
            raise FetchError(f"files do not match their SHA-256 in {MANIFEST_NAME} after writing: {problems[:3]}")
        _swap_into_place(staging, target)
        staging = None
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if archive is not None:
            archive.unlink(missing_ok=True)
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                break
        raise
    archive.unlink(missing_ok=True)
    message = (f"{target}: {readouts} readouts ({_years(since, until)}) from {REPOSITORY} at commit {COMMIT[:12]}; "
               f"SHA-256 of each file in {MANIFEST_NAME}")
    return FetchResult(target, True, readouts, message)


def verify(folder: str | Path) -> list[str]:
    """Files listed in `folder`'s MANIFEST.json that are missing or whose SHA-256 differs (empty: intact).

    Raises FetchError when the folder has no readable manifest.
    """
    folder = Path(folder)
    manifest = _read_manifest(folder)
    problems = []
    for relative, entry in sorted(manifest.get("files", {}).items()):
        path = folder.joinpath(*PurePosixPath(relative).parts)
        if not path.is_file():
            problems.append(f"{relative}: missing")
        elif _sha256_of(path) != entry.get("sha256"):
            problems.append(f"{relative}: changed (SHA-256 differs)")
    return problems


# --- the steps -----------------------------------------------------------------------------------

def _check_years(since: int | None, until: int | None) -> None:
    for label, year in (("since", since), ("until", until)):
        if year is not None and not (1900 <= int(year) <= 2100):
            raise FetchError(f"--{label} {year}: expected a four-digit year")
    if since is not None and until is not None and since > until:
        raise FetchError(f"--since {since} is after --until {until}: no year would be kept")


def _years(since: int | None, until: int | None) -> str:
    if since is None and until is None:
        return "all years"
    if since == until:
        return f"year {since}"
    return f"years {since if since is not None else '…'}-{until if until is not None else '…'}"


def _remove_leftovers(target: Path) -> None:
    """Remove what an interrupted run left beside the target (only our own hidden temporary names)."""
    if not target.parent.is_dir():
        return
    if target.is_dir():  # a manifest being replaced when the run was killed
        for leftover in target.glob(f".{MANIFEST_NAME}.*"):
            leftover.unlink(missing_ok=True)
    for kind in ("download", "partial", "old"):
        for leftover in target.parent.glob(f".{target.name}.{kind}-*"):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def _make_parents(folder: Path) -> list[Path]:
    """Create `folder` and missing parents; returns those created, outermost first, to remove on failure."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    created = []
    for path in reversed(missing):
        path.mkdir()
        created.append(path)
    return created


def _read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise FetchError(f"{folder} is not empty and has no {MANIFEST_NAME}, so it was not written by this command; "
                         f"refusing to replace it (move it away or choose another --out)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FetchError(f"{path} cannot be read ({error}); delete {folder} to fetch again") from None
    if not isinstance(manifest, dict) or manifest.get("repository") != REPOSITORY or not isinstance(manifest.get("files"), dict):
        raise FetchError(f"{path} is not a manifest written by this command; refusing to replace {folder}")
    return manifest


def _download(url: str, dest: Path, *, timeout: float, deadline: float = DEFAULT_DEADLINE, max_bytes: int, log: TextIO,
              target: Path) -> tuple[int, str]:
    """Stream `url` into `dest` within `deadline` seconds in all; returns (bytes, SHA-256). Raises FetchError with
    by-hand instructions."""
    host = urllib.parse.urlsplit(url).netloc or url
    request = urllib.request.Request(url, headers={"User-Agent": "readouts-fetch (+https://github.com/" + REPOSITORY + ")"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            expected = int(declared) if declared and declared.isdigit() else None
            if expected is not None and expected > max_bytes:
                raise FetchError(f"{url} offers {_size(expected)}, more than the {_size(max_bytes)} allowed; refusing it")
            digest = hashlib.sha256()
            received = 0
            progress = _Progress(log, url, expected)
            # read1 returns what one read of the socket gives, so the deadline is checked however slowly bytes come
            read = getattr(response, "read1", response.read)
            with open(dest, "wb") as sink:
                while chunk := read(_CHUNK):
                    if time.monotonic() - started > deadline:
                        raise FetchError(f"the download of {url} did not finish within {deadline:g} s "
                                         f"({_size(received)} received); nothing was kept.\n{_by_hand(target)}")
                    received += len(chunk)
                    if received > max_bytes:
                        raise FetchError(f"{url} sent more than the {_size(max_bytes)} allowed; refusing it")
                    digest.update(chunk)
                    sink.write(chunk)
                    progress.update(received)
            progress.done(received)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url} answered HTTP {error.code} {error.reason}.\n{_by_hand(target)}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            reason = f"no answer within {timeout:g} s"
        raise FetchError(f"could not reach {host} ({reason}) to download {url}.\n{_by_hand(target)}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"{host} stopped sending for {timeout:g} s (timed out after "
                         f"{time.monotonic() - started:.1f} s) while downloading {url}.\n{_by_hand(target)}") from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise FetchError(f"the download from {host} broke off ({type(error).__name__}: {error}) while reading {url}.\n"
                         f"{_by_hand(target)}") from None
    if expected is not None and received != expected:
        raise FetchError(f"{url} announced {expected} bytes but sent {received}: the archive is incomplete; nothing was kept.\n"
                         f"{_by_hand(target)}")
    return received, digest.hexdigest()


def _by_hand(target: Path) -> str:
    """Where the archive is and how to feed a hand-downloaded copy to this command."""
    return (f"Nothing was written to {target}.\n"
            f"To get the files by hand: on a machine with network access download\n"
            f"  {DEFAULT_URL}\n"
            f"  (or {BROWSER_URL}: the repository {REPOSITORY} at commit {COMMIT}),\n"
            f"copy the .tar.gz to this machine and run\n"
            f"  python -m helpers fetch whitehouse --url path/to/the/archive.tar.gz\n"
            f"(or set {URL_VARIABLE} to that path or its file:// URL and run `make fetch`).")


def _check_gzip(archive: Path, *, max_unpacked: int, target: Path) -> int:
    """Read the whole gzip stream, which checks its CRC and length; returns the unpacked size."""
    total = 0
    try:
        with gzip.open(archive, "rb") as stream:
            while chunk := stream.read(1 << 20):
                total += len(chunk)
                if total > max_unpacked:
                    raise FetchError(f"the archive unpacks to more than {_size(max_unpacked)}; refusing it")
    except FetchError:
        raise
    except (OSError, EOFError, zlib.error) as error:  # gzip.BadGzipFile is an OSError
        raise FetchError(f"the downloaded archive is damaged or incomplete ({error}); nothing was kept. "
                         f"Run the command again; if it keeps failing, get the archive by hand:\n"
                         f"{_by_hand(target)}") from None
    return total


def _unsafe(member: tarfile.TarInfo, kept: bool) -> str:
    """Why an archive entry makes the whole archive unsafe, or "" when it is harmless."""
    name = member.name
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "has an absolute path"
    if "\\" in name or "\x00" in name:
        return "has a backslash or NUL in its name"
    if ".." in PurePosixPath(name).parts:
        return "has a '..' component"
    if member.ischr() or member.isblk() or member.isfifo():
        return "is a device or FIFO"
    if member.issym() or member.islnk():
        link = member.linkname
        if link.startswith(("/", "\\")) or ".." in PurePosixPath(link.replace("\\", "/")).parts:
            return f"is a link pointing outside the archive ({link!r})"
        if kept:
            return f"is a link ({link!r}) where a readout file should be"
        return ""
    if not (member.isreg() or member.isdir()):
        return f"has an unsupported entry type {member.type!r}"
    return ""


def _wanted(relative: tuple[str, ...], since: int | None, until: int | None) -> str:
    """"readout", "license" or "" for an entry's path below the archive's top folder."""
    name = relative[-1]
    if len(relative) == 1 and _TOP_LICENSE.match(name):
        return "license"
    if any(part.startswith((".", "_")) for part in relative):  # .github/, _scraper/: not the dataset
        return ""
    if "readout" not in name.lower() or not name.lower().endswith(".md"):
        return ""
    year = None
    dated = _DATED_FILE.match(name)
    if dated:
        year = int(dated.group(1))
    else:
        for folder in reversed(relative[:-1]):
            month = _MONTH_FOLDER.match(folder)
            if month:
                year = int(month.group(1))
                break
    if year is None:
        return "readout" if since is None and until is None else ""
    if (since is not None and year < since) or (until is not None and year > until):
        return ""
    return "readout"


def _extract(archive: Path, staging: Path, *, since: int | None, until: int | None, max_bytes: int) -> tuple[dict, int, str | None]:
    """Write the wanted regular files below the archive's top folder into `staging`.

    Returns ({relative path: {"sha256", "bytes"}}, number of readouts, commit the archive states or None).
    Refuses (FetchError) the whole archive on an unsafe entry, a second top folder, a duplicate
    name, an entry that does not end cleanly, more than `max_bytes` kept, or no readout at all.
    """
    files: dict[str, dict] = {}
    readouts = 0
    total = 0
    top: str | None = None
    root = staging.resolve()
    try:
        with tarfile.open(archive, "r:gz") as tar:
            # `git archive` states the commit in a pax global header; a different one is not the pinned dataset.
            commit_seen = tar.pax_headers.get("comment")
            if commit_seen is None:
                raise FetchError(f"the archive does not state its commit (a GitHub archive names it in a pax header), so it "
                                 f"cannot be told from any other version; refusing it (expected {COMMIT})")
            if commit_seen.strip() != COMMIT:
                raise FetchError(f"the archive is of commit {commit_seen.strip()!r}, not the pinned {COMMIT}; refusing it")
            for member in tar:
                parts = PurePosixPath(member.name).parts
                relative = tuple(p for p in parts[1:] if p != ".")
                kind = _wanted(relative, since, until) if relative and not member.isdir() else ""
                problem = _unsafe(member, bool(kind))
                if problem:
                    raise FetchError(f"refusing the archive: entry {member.name!r} {problem}")
                if top is None:
                    top = parts[0]
                elif parts[0] != top:
                    raise FetchError(f"refusing the archive: entry {member.name!r} is outside its top folder {top!r} "
                                     f"(a GitHub archive has exactly one)")
                if not kind or not member.isreg():
                    continue
                total += member.size
                if total > max_bytes:
                    raise FetchError(f"refusing the archive: the files to keep come to more than {_size(max_bytes)}")
                dest = staging.joinpath(*relative)
                if not dest.resolve().is_relative_to(root):  # belt and braces: the checks above already exclude this
                    raise FetchError(f"refusing the archive: entry {member.name!r} would land outside {staging}")
                dest.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                written = 0
                source = tar.extractfile(member)
                try:
                    sink = open(dest, "xb")
                except FileExistsError:
                    raise FetchError(f"refusing the archive: {'/'.join(relative)} appears twice "
                                     f"(or twice in different case)") from None
                with source, sink:
                    while chunk := source.read(_CHUNK):
                        written += len(chunk)
                        digest.update(chunk)
                        sink.write(chunk)
                if written != member.size:
                    raise FetchError(f"refusing the archive: {member.name!r} holds {written} bytes, its header says {member.size}")
                os.utime(dest, (member.mtime, member.mtime))
                files["/".join(relative)] = {"sha256": digest.hexdigest(), "bytes": written}
                readouts += kind == "readout"
            # tarfile stops quietly at a header it cannot parse: only zero padding may follow the last entry.
            tar.fileobj.seek(tar.offset)
            while rest := tar.fileobj.read(1 << 20):
                if rest.strip(b"\0"):
                    raise FetchError(f"refusing the archive: unreadable entry at byte {tar.offset} of the unpacked archive "
                                     f"(damaged archive); nothing was kept")
    except FetchError:
        raise
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise FetchError(f"the archive cannot be unpacked ({type(error).__name__}: {error}); nothing was kept") from None
    if top is None:
        raise FetchError("the archive is empty; nothing was kept")
    if readouts == 0:
        raise FetchError(f"the archive holds no readout files for {_years(since, until)}; nothing was kept")
    return files, readouts, commit_seen


def _swap_into_place(staging: Path, target: Path) -> None:
    """Put the finished folder in place. An older corpus is replaced in one step (moved aside, then removed) when
    it holds only files this command wrote; files someone added beside them are never removed: then only the
    files the old manifest lists are replaced or removed, in place, and the new manifest is written last."""
    if target.is_dir() and not any(target.iterdir()):
        target.rmdir()
    if not target.exists():
        os.replace(staging, target)
        return
    ours = set(_read_manifest(target).get("files", {})) | {MANIFEST_NAME}
    theirs = sorted(_tree(target) - ours)
    if theirs:
        _merge_into(staging, target, ours, theirs)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def _merge_into(staging: Path, target: Path, ours: set[str], theirs: list[str]) -> None:
    new = _tree(staging)
    clash = [name for name in theirs if name in new]
    if clash:
        raise FetchError(f"{target / clash[0]} is not a file this command wrote, and a readout of the new selection "
                         f"goes there; move it away and fetch again (nothing was changed)")
    # Until the new manifest is written, the old one must name every file written so far, or a run killed half-way
    # would leave files no manifest claims, which the next run would then keep as someone else's.
    old_manifest = json.loads((target / MANIFEST_NAME).read_text(encoding="utf-8"))
    fresh = json.loads((staging / MANIFEST_NAME).read_text(encoding="utf-8"))
    interim = dict(old_manifest, files={**old_manifest.get("files", {}), **fresh["files"]}, commit=None)
    _write_json_atomically(target / MANIFEST_NAME, interim)
    for name in sorted(ours - new - {MANIFEST_NAME}):
        (target / name).unlink(missing_ok=True)
        _remove_empty_parents(target / name, target)
    for name in sorted(new - {MANIFEST_NAME}):
        dest = target.joinpath(*PurePosixPath(name).parts)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging.joinpath(*PurePosixPath(name).parts), dest)
    _write_json_atomically(target / MANIFEST_NAME, fresh)
    shutil.rmtree(staging, ignore_errors=True)


def _remove_empty_parents(path: Path, top: Path) -> None:
    folder = path.parent
    while folder != top and folder.is_relative_to(top):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _write_json_atomically(path: Path, data: dict) -> None:
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    _write_json(Path(name), data)
    os.replace(name, path)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    for prefix in "KMG":  # kilo-, mega-, gigabytes
        n /= 1024
        if n < 1024 or prefix == "G":
            return f"{n:.1f} {prefix}B"


class _Progress:
    """Download progress on `stream`: one line redrawn on a terminal, a line every few seconds otherwise."""

    def __init__(self, stream: TextIO, url: str, expected: int | None):
        self.stream = stream
        self.expected = expected
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last = 0.0
        self.started = time.monotonic()
        print(f"downloading {url}" + (f" ({_size(expected)})" if expected else ""), file=stream, flush=True)

    def _line(self, received: int) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        share = f" of {_size(self.expected)} ({100 * received / self.expected:.0f}%)" if self.expected else ""
        return f"  {_size(received)}{share}, {_size(int(received / elapsed))}/s"

    def update(self, received: int) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        if self.tty:
            print("\r" + self._line(received), end="", file=self.stream, flush=True)
        else:
            print(self._line(received), file=self.stream, flush=True)

    def done(self, received: int) -> None:
        print(("\r" if self.tty else "") + self._line(received) + f" in {time.monotonic() - self.started:.1f} s",
              file=self.stream, flush=True)
