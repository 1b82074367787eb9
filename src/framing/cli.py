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
  init ARTICLES_DIR                    write a first articles.csv for a folder of .txt/.html files
  analyze ARTICLES_DIR --out OUT_DIR   write the tables (CSV) for an articles folder
  report [ARTICLES_DIR] --out DIR      run every notebook and write the offline HTML reports
  corpus INPUT --out OUT_DIR           tables for a large corpus (a folder or a CSV/JSONL/Parquet file), streamed

A page that cannot be read is left out with a notice and listed in skipped.csv (--strict refuses the
folder instead); articles not in English are left out of the measures built on English word lists and
listed in excluded.csv (--all-languages keeps them in).
"""

_STRICT_HELP = "refuse the whole folder when one page cannot be read (default: leave that page out, with a notice)"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="framing", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--version", action="version", version="framing 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    i = sub.add_parser("init", help="write a first articles.csv for a folder of .txt/.html files")
    i.add_argument("articles_dir", type=Path, help="folder with the article files (.txt, .html, .htm)")
    a = sub.add_parser("analyze", help="write the tables for an articles folder")
    a.add_argument("articles_dir", type=Path, help="folder with articles.csv and the article files")
    a.add_argument("--out", type=Path, required=True,
                   help="folder for the CSV tables: a new or empty folder, or one framing wrote before")
    a.add_argument("--exact-text", action="store_true",
                   help="write text cells exactly as they are, even those a spreadsheet would run as a formula "
                        "(for programs; by default such cells start with an apostrophe)")
    a.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    a.add_argument("--all-languages", action="store_true",
                   help="score articles in another language with the English word lists too (salience, cues, "
                        "sentiment, summary); by default they are left out of these and listed in excluded.csv")
    r = sub.add_parser("report", help="build the HTML reports")
    r.add_argument("articles_dir", type=Path, nargs="?", default=None,
                   help="folder with articles.csv (default: the seed event)")
    r.add_argument("--out", type=Path, default=None,
                   help="report folder: a new or empty folder, or one framing wrote before (default: reports/)")
    r.add_argument("--strict", action="store_true", help=_STRICT_HELP)
    c = sub.add_parser("corpus", help="write the tables for a large corpus, streamed in chunks (one machine or a "
                       "Dask cluster)")
    c.add_argument("input", type=Path, help="articles folder, or a table file (.csv, .jsonl, .parquet) with one "
                   "article per row")
    c.add_argument("--out", type=Path, required=True, help="folder for the tables (CSV, and Parquet by outlet)")
    c.add_argument("--columns", default=None,
                   help="column names of a table file, e.g. outlet=media_name,text=content,headline=title,"
                        "published=publish_date (fields: outlet, text, article_id, headline, published, url, "
                        "language)")
    c.add_argument("--workers", type=int, default=None,
                   help="local processes for the per-article work (default: the cores of this machine)")
    c.add_argument("--scheduler", default=None,
                   help="address of a Dask scheduler (e.g. tcp://10.0.0.5:8786): run the per-article work on its "
                        "workers")
    c.add_argument("--chunk-size", type=int, default=100, help="articles per chunk (default 100)")
    c.add_argument("--progress", action="store_true",
                   help="show progress bars on stderr even when it is not a terminal")
    c.add_argument("--exact-text", action="store_true", help="write text cells exactly as they are (see analyze)")
    c.add_argument("--all-languages", action="store_true",
                   help="score articles in another language with the English word lists too")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 bad input, 130 Ctrl-C, 143 SIGTERM)."""
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 0
    from framing.core import interrupts
    from framing.core.errors import FramingInputError
    from framing.core.outputs import OutputFolder

    interrupts.install()
    kind = "tables" if args.command == "analyze" else "reports"
    output = None
    try:
        if args.command == "init":
            return _init(args.articles_dir)
        if args.command == "corpus":
            return _corpus(args)
        articles_dir, out = _folders(args)
        output = OutputFolder(out, kind=kind, inputs=(articles_dir,))
        if args.command == "analyze":
            return _analyze(args, articles_dir, output)
        return _report(articles_dir, output, strict=args.strict)
    except FramingInputError as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt as exc:
        if args.command == "corpus":
            _say("interrupted; the finished chunks are kept: run the same command again to resume")
        else:
            _say(f"interrupted; {_what_was_left(output, kind)}")
        return interrupts.exit_status(exc)
    finally:
        interrupts.uninstall()


def _say(message: str) -> None:
    """One line on stderr; a file name that is not valid UTF-8 is shown with escapes, never a traceback."""
    text = f"framing: {message}"
    print(text.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr, flush=True)


def _what_was_left(output, kind: str) -> str:
    if output is None:
        return "nothing was written"
    if output.committed:
        return f"the new {kind} were already complete in {output.given}"
    if output.existed:
        return f"{output.given} was left as it was"
    return "nothing was written"


def _folders(args: argparse.Namespace) -> tuple[Path, Path]:
    if args.command == "analyze":
        return args.articles_dir, args.out
    from framing.core import paths

    return args.articles_dir or paths.SEED_EVENT_DIR, args.out or paths.REPORT_DIR


def _analyze(args: argparse.Namespace, articles_dir: Path, output) -> int:
    from framing.core.outputs import write_table_files
    from framing.pipeline import analyze

    with output as staging:
        result = analyze(articles_dir, strict=args.strict, all_languages=args.all_languages)
        for notice in result.notices:
            _say(f"notice: {notice}")
        write_table_files(result.tables, staging, exact_text=args.exact_text, folder_for_errors=output.given)
    replaced = "replaced the previous tables" if output.existed else "a new folder"
    _say(f"wrote {len(result.tables)} tables to {output.given} ({replaced})")
    _say_left_out(result, output.given)
    return 0


def _say_left_out(result, out: Path) -> None:
    """One line each for the pages left out and the articles kept out of the English word-list measures."""
    skipped, excluded = result.tables["skipped"], result.tables["excluded"]
    if len(skipped):
        total = len(skipped) + len(result.articles)
        _say(f"left out {len(skipped)} of {total} articles that could not be read; {out / 'skipped.csv'} lists "
             "each with its fix (--strict refuses such a folder instead)")
    if len(excluded):
        n = excluded["article_id"].nunique()
        _say(f"left {n} article(s) not in English out of {', '.join(dict.fromkeys(excluded['measure']))}; "
             f"{out / 'excluded.csv'} says why (--all-languages keeps them in)")


def _corpus(args: argparse.Namespace) -> int:
    from framing.scale.run import run_corpus

    if args.workers is not None and args.workers < 1 or args.chunk_size < 1:
        _say("error: --workers and --chunk-size must be 1 or more")
        return 2
    result = run_corpus(args.input, args.out, columns=args.columns, workers=args.workers, scheduler=args.scheduler,
                        chunk_size=args.chunk_size, all_languages=args.all_languages, exact_text=args.exact_text,
                        progress=True if args.progress else None, on_notice=lambda n: _say(f"notice: {n}"))
    _say(f"wrote {len(result.tables)} tables for {result.n_articles} articles to {result.out}")
    if result.n_skipped:
        _say(f"left out {result.n_skipped} article(s) that could not be read; {result.out / 'skipped.csv'} lists "
             "each with its fix")
    if result.n_excluded:
        _say(f"left {result.n_excluded} article(s) not in English out of the measures built on English word lists; "
             f"{result.out / 'excluded.csv'} says why (--all-languages keeps them in)")
    return 0


def _init(articles_dir: Path) -> int:
    from framing.load.scaffold import write_articles_csv

    made = write_articles_csv(articles_dir)
    _say(f"wrote {made.path} with {len(made.rows)} article(s); please check it:")
    for check in made.checks:
        _say(f"check: {check}")
    return 0


def _report(articles_dir: Path, output, *, strict: bool = False) -> int:
    from framing.build import build_all_reports
    from framing.present.report import NotebookRunError

    if strict:  # refuse the folder, as analyze --strict does, before any notebook runs
        from framing.load.corpus import load_corpus

        load_corpus(articles_dir, strict=True)
    try:
        build_all_reports(articles_dir, output, progress=lambda msg: _say(msg))
    except NotebookRunError as exc:
        where = f"{output.given} was left as it was" if output.existed else "nothing was written"
        _say(f"error: {exc}; {where}")
        return 1
    _say(f"open {output.given / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
