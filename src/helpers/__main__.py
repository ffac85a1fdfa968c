"""Command line: `python -m helpers report [--corpus PATH]`, `python -m helpers fetch whitehouse ...`."""
from __future__ import annotations

import argparse
import sys

from .corpus import SEED_DIR, load_corpus


def report(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    print(corpus)
    documents = corpus.documents
    print(documents[["doc_id", "date", "event_type", "host", "counterpart_country"]].to_string(max_rows=20))
    print(corpus.sentences["role"].value_counts().to_string())
    if len(corpus.problems):
        print(corpus.problems.to_string(max_rows=20))
    return 0


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
    report_parser = commands.add_parser("report", help="load a corpus and summarise it")
    report_parser.add_argument("--corpus", default=str(SEED_DIR), help="folder or file of readouts (default: seeds/)")
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
