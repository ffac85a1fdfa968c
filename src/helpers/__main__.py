"""Command line: `python -m helpers report [--corpus PATH] [--themes FILE] [--lexicon FOLDER]`,
`python -m helpers fetch whitehouse ...`.

`make report` hands CORPUS, THEMES and LEXICON over as the environment variables READOUTS_REPORT_CORPUS,
READOUTS_REPORT_THEMES and READOUTS_REPORT_LEXICON (the options' defaults), so no shell ever reads their values."""
from __future__ import annotations

import argparse
import os
import sys
import time

from .corpus import SEED_DIR
from .report import THEMES


def report(args: argparse.Namespace) -> int:
    """Run the notebook suite on a corpus into reports/<folder>/; 1 when a notebook failed."""
    from .report import run_suite
    started = time.perf_counter()
    try:
        index, runs = run_suite(args.corpus, themes=args.themes, lexicon=args.lexicon or None, progress=not args.quiet)
    except (FileNotFoundError, ValueError) as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    failed = [run for run in runs if run.error]
    print(f"{len(runs) - len(failed)} of {len(runs)} notebooks ran in {time.perf_counter() - started:.0f} s; open {index}")
    for run in failed:
        print(f"failed: {run.notebook} ({run.error})", file=sys.stderr)
    return 1 if failed else 0


def fetch(args: argparse.Namespace) -> int:
    """Fetch a corpus; returns the exit status (1, with the reason and by-hand steps on stderr, on failure)."""
    from .fetch import FetchError, fetch as fetch_source
    try:
        result = fetch_source(args.source, out=args.out, since=args.since, until=args.until, url=args.url)
    except FetchError as error:
        print(f"fetch {args.source}: {error}", file=sys.stderr)
        return 1
    print(result.message)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report_parser = commands.add_parser("report", help="run the notebook suite on a corpus into reports/<folder>/ (HTML pages and an index)")
    report_parser.add_argument("--corpus", default=os.environ.get("READOUTS_REPORT_CORPUS") or str(SEED_DIR),
                               help="folder or file of readouts (default: $READOUTS_REPORT_CORPUS, else seeds/)")
    report_parser.add_argument("--themes", default=os.environ.get("READOUTS_REPORT_THEMES") or str(THEMES),
                               help="theme dictionary (default: $READOUTS_REPORT_THEMES, else data/themes.yaml)")
    report_parser.add_argument("--lexicon", default=os.environ.get("READOUTS_REPORT_LEXICON") or None,
                               help="folder of rule tables overlaid on data/ (default: $READOUTS_REPORT_LEXICON, else none)")
    report_parser.add_argument("--quiet", action="store_true", help="a line per notebook, without papermill's per-cell progress bar")
    report_parser.set_defaults(run=report)
    fetch_parser = commands.add_parser("fetch", help="download a public corpus of readouts (verified, into data/raw/)")
    fetch_parser.add_argument("source", choices=["whitehouse"], help="whitehouse: readouts in brian14708/wh-briefings at a pinned commit")
    fetch_parser.add_argument("--since", type=int, help="first year to keep (default: all)")
    fetch_parser.add_argument("--until", type=int, help="last year to keep (default: all)")
    fetch_parser.add_argument("--out", help="folder to write (default: data/raw/whitehouse/)")
    fetch_parser.add_argument("--url", help="archive to read instead: a URL or the path of one downloaded by hand (or set READOUTS_FETCH_URL)")
    fetch_parser.set_defaults(run=fetch)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
