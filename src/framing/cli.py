"""The ``framing`` command.

Only the standard library is imported at start-up, so ``framing --help``
answers at once; pandas, nltk and the rest load when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DESCRIPTION = """\
Compare how news outlets frame the same event.

commands:
  analyze ARTICLES_DIR --out OUT_DIR   write the tables (CSV) for an articles folder
  report [ARTICLES_DIR] --out DIR      run every notebook and write the offline HTML reports
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="framing", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--version", action="version", version="framing 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    a = sub.add_parser("analyze", help="write the tables for an articles folder")
    a.add_argument("articles_dir", type=Path, help="folder with articles.csv and the article files")
    a.add_argument("--out", type=Path, required=True, help="folder to write the CSV tables into")
    r = sub.add_parser("report", help="build the HTML reports")
    r.add_argument("articles_dir", type=Path, nargs="?", default=None,
                   help="folder with articles.csv (default: the seed event)")
    r.add_argument("--out", type=Path, default=None, help="report folder (default: reports/)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 0
    from .errors import FramingInputError

    try:
        if args.command == "analyze":
            return _analyze(args)
        return _report(args)
    except FramingInputError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("framing: interrupted; nothing half-written was left behind", file=sys.stderr)
        return 130


def _analyze(args: argparse.Namespace) -> int:
    from .outputs import check_output_dir, write_tables
    from .pipeline import analyze

    check_output_dir(args.out, forbidden=(args.articles_dir,))
    result = analyze(args.articles_dir)
    for notice in result.notices:
        print(f"framing: notice: {notice}", file=sys.stderr)
    written = write_tables(result.tables, args.out)
    print(f"framing: wrote {len(written)} tables to {args.out}", file=sys.stderr)
    return 0


def _report(args: argparse.Namespace) -> int:
    from . import paths
    from .outputs import check_output_dir
    from .pipeline import build_all_reports

    articles_dir = args.articles_dir or paths.SEED_EVENT_DIR
    out = args.out or paths.REPORT_DIR
    check_output_dir(out, forbidden=(articles_dir,))
    from .report import NotebookRunError

    def say(msg: str) -> None:
        print(f"framing: {msg}", file=sys.stderr, flush=True)

    try:
        build_all_reports(articles_dir, out, progress=say)
    except NotebookRunError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 1
    print(f"framing: open {out / 'index.html'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
