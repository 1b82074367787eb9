"""The report build: one analysis of the folder, its tables, the reading view, every notebook's pages, the
teaching pack (``teaching/``) and the front page."""

from __future__ import annotations

import tempfile
from pathlib import Path

from framing.pipeline import CACHE_ENV, FAILED_MARKER, KEY_ENV, PENDING_ENV, analysis_key, analyze, store_analysis

_WAIT_SECONDS = 3600
"""Longest wait of a notebook for the build's analysis (the analysis of a large folder takes minutes)."""


def build_all_reports(articles_dir: str | Path, out_dir, *, progress=None) -> Path:
    """Analyse ``articles_dir`` once, and write every notebook's pages, the reading view, the index and the tables.

    The folder is analysed in this process while the notebook kernels start and import; the
    notebooks then wait for that analysis and load it.

    The notebooks read the build's analysis through :func:`load_analysis` (the kernels get a
    cache folder of the build's own), so the folder is analysed once per build.

    ``out_dir`` is a path or a :class:`framing.core.outputs.OutputFolder`.  The reports folder is
    replaced as a whole only when everything succeeded; the tables go to its ``tables/`` folder.
    """
    from framing.core.outputs import OutputFolder
    from framing.present.report import build_reports

    say = progress or (lambda _msg: None)
    output = out_dir if isinstance(out_dir, OutputFolder) else OutputFolder(out_dir, kind="reports",
                                                                            inputs=(articles_dir,))
    with output, tempfile.TemporaryDirectory(prefix="framing-analysis-") as cache:
        pages: dict[str, str] = {}
        tables: dict = {}
        made: dict = {}
        key = analysis_key(Path(articles_dir))  # fixed now: the notebooks read this analysis whatever changes later

        def analyse() -> None:  # runs while the kernels start; the notebooks wait for its analysis
            say(f"analysing {articles_dir}")
            try:
                analysis = analyze(articles_dir)
            except BaseException:
                # The notebooks wait for this analysis: tell them it will not come.
                (Path(cache) / FAILED_MARKER).touch()
                raise
            for notice in analysis.notices:
                say(f"notice: {notice}")
            store_analysis(analysis, articles_dir, cache=Path(cache), key=key)
            tables.update(analysis.tables)
            if "differences" not in tables:
                from framing.compare.differences import differences

                tables["differences"] = differences(analysis)
            made["analysis"] = analysis
            say("rendering the side-by-side and aligned reading views")
            from framing.present.reading_view import reading_view_pages

            pages.update(reading_view_pages(analysis))  # side-by-side.html and aligned.html

        built = build_reports(articles_dir, output, extra_pages=pages, tables=tables, progress=say, meanwhile=analyse,
                              kernel_env={CACHE_ENV: cache, PENDING_ENV: str(_WAIT_SECONDS), KEY_ENV: key})
        say("writing the teaching pack")
        write_teaching(made["analysis"], tables["differences"], output.staging, articles_dir)
        say("writing the front page")
        write_front_page(made["analysis"], tables["differences"], built.pages, output.staging, articles_dir)
    say(f"replaced the reports in {output.given}" if output.existed else f"wrote the reports to {output.given}")
    return output.out


def write_teaching(analysis, differences, folder: Path, articles_dir: str | Path) -> list[Path]:
    """Write the teaching pack into ``folder/teaching/`` (:mod:`framing.present.teaching`)."""
    from framing.present.teaching import write_teaching_pack

    return write_teaching_pack(analysis, differences, folder, articles_dir=articles_dir)


def write_front_page(analysis, differences, pages, folder: Path, articles_dir: str | Path) -> Path:
    """Write ``index.html`` into ``folder``: the front page (:mod:`framing.present.front_page`)."""
    from framing.compare.differences import salience_line
    from framing.present.front_page import SIDE_BY_SIDE, TEACHING, render_front_page

    page = render_front_page(analysis, differences, pages, articles_dir=Path(articles_dir),
                             has_side_by_side=(Path(folder) / SIDE_BY_SIDE).is_file(),
                             has_teaching=(Path(folder) / TEACHING).is_file(),
                             salience=salience_line(analysis.tables["terms"]))
    path = Path(folder) / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
