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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report_parser = commands.add_parser("report", help="load a corpus and summarise it")
    report_parser.add_argument("--corpus", default=str(SEED_DIR), help="folder or file of readouts (default: seeds/)")
    report_parser.set_defaults(run=report)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
