"""The report build: one analysis of the folder, its tables, the reading view and every notebook's pages."""

from __future__ import annotations

import tempfile
from pathlib import Path

from framing.pipeline import CACHE_ENV, analyze, reading_view_html, store_analysis


def build_all_reports(articles_dir: str | Path, out_dir, *, progress=None) -> Path:
    """Analyse ``articles_dir`` once, then write every notebook's pages, the reading view, the index and the tables.

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
        say(f"analysing {articles_dir}")
        analysis = analyze(articles_dir)
        for notice in analysis.notices:
            say(f"notice: {notice}")
        store_analysis(analysis, articles_dir, cache=Path(cache))  # the notebooks load it from there
        say("rendering the side-by-side reading view")
        pages = {"side-by-side.html": reading_view_html(analysis)}
        build_reports(articles_dir, output, extra_pages=pages, tables=analysis.tables, progress=say,
                      kernel_env={CACHE_ENV: cache})
    say(f"replaced the reports in {output.given}" if output.existed else f"wrote the reports to {output.given}")
    return output.out
