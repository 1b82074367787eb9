"""Open every report page in headless Chromium: no errors, no request leaves the page, pictures render.

Two sets of pages are checked:

* a tiny report this file builds itself (always, so the browser is always exercised);
* the project's built reports, in ``$FRAMING_REPORTS_DIR`` (default ``<repo>/reports``), when present.

A full-page screenshot of each page goes to ``<reports>/screenshots/<page>.png``.
Without Chromium the tests skip, except under ``CI`` where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing.core import paths
from framing.present.report import build_reports

ALLOWED_SCHEMES = ("file:", "data:", "about:blank")
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'


def write_notebook(folder: Path, name: str, cells: list) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nb = new_notebook(
        cells=cells,
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, folder / name)


PARAMETERS = new_code_cell("ARTICLES_DIR = None", metadata={"tags": ["parameters"]})

PLOT = (
    "import matplotlib.pyplot as plt\n"
    "fig, ax = plt.subplots(figsize=(5, 3))\n"
    "ax.barh(['Outlet One', 'Outlet Two'], [0.42, 0.17], color=['#0072B2', '#E69F00'])\n"
    "ax.set_xlabel('hedges per sentence')\n"
    "ax.set_title('Hedging by outlet')\n"
    "plt.show()"
)

TABLE = (
    "import pandas as pd\n"
    "pd.DataFrame({'outlet': ['Outlet One', 'Outlet Two'], 'hedges': [21, 8], 'sentences': [50, 47]})"
)

SAFE_DISPLAYS = (
    "import html\n"
    "import pandas as pd\n"
    "from IPython.display import HTML, display\n"
    f"hostile = [{HOSTILE_SCRIPT!r}, {HOSTILE_IMG!r}]\n"
    "display(pd.DataFrame({'sentence': hostile}))\n"
    "display(pd.DataFrame({'sentence': hostile}).style.format(escape='html'))\n"
    "display(HTML('<p>' + html.escape(' '.join(hostile)) + '</p>'))\n"
    "print(*hostile)"
)

UNSAFE_STYLER = (
    "import pandas as pd\n"
    f"pd.DataFrame({{'sentence': [{HOSTILE_SCRIPT!r}, {HOSTILE_IMG!r}]}}).style"
)


def tiny_notebooks(folder: Path) -> None:
    write_notebook(folder, "01-hedging.ipynb", [
        new_markdown_cell("# Hedging by outlet\n\nHow often each outlet softens its claims."),
        PARAMETERS,
        new_code_cell(PLOT),
        new_markdown_cell("The bars show hedges per sentence; the table gives the counts behind them."),
        new_code_cell(TABLE),
    ])
    write_notebook(folder, "02-quoted-text.ipynb", [
        new_markdown_cell("# Article text shown safely\n\nMarkup inside article text stays text."),
        PARAMETERS,
        new_code_cell(SAFE_DISPLAYS),
    ])


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    tiny_notebooks(root / "notebooks")
    return build_reports(paths.SEED_EVENT_DIR, root / "reports", notebooks_dir=root / "notebooks").out_dir


def assert_no_script_ran(page) -> None:
    """Fail when text shown on the page executed as script (it sets ``window.__pwned``)."""
    assert page.evaluate("typeof window.__pwned") == "undefined", f"{page.url}: page text ran as script"


def check_page(browser, path: Path, screenshots: Path) -> list[str]:
    """Load one page; return the problems found (empty when the page is clean)."""
    problems: list[str] = []
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "request",
        lambda r: None if r.url.startswith(ALLOWED_SCHEMES) else problems.append(f"request to {r.url}"),
    )
    page.route(re.compile(r"^(https?|wss?|ftp)://"), lambda route: route.abort())  # noted above, never sent
    try:
        page.goto(path.resolve().as_uri(), wait_until="load")
        images = page.evaluate(
            "Array.from(document.images).map(i => ({src: i.getAttribute('src') || '',"
            " width: i.naturalWidth, ok: i.complete}))"
        )
        for number, image in enumerate(images, 1):
            if not (image["ok"] and image["width"] > 0):
                problems.append(f"image {number} did not render")
            if not (image["src"].startswith("data:image/") and len(image["src"]) > 200):
                problems.append(f"image {number} is not an inline picture: {image['src'][:60]!r}")
        if page.evaluate("typeof window.__pwned") != "undefined":
            problems.append("page text ran as script")
        screenshots.mkdir(exist_ok=True)
        page.screenshot(path=str(screenshots / f"{path.stem}.png"), full_page=True)
    finally:
        page.close()
    return [f"{path.name}: {p}" for p in problems]


def check_reports(browser, folder: Path) -> list[Path]:
    pages = sorted(folder.glob("*.html"))
    assert pages, f"no pages in {folder}"
    problems = [p for page in pages for p in check_page(browser, page, folder / "screenshots")]
    assert not problems, "\n".join(problems)
    return pages


def test_tiny_report_pages_are_clean_offline(browser, tiny_report):
    pages = check_reports(browser, tiny_report)
    assert [p.name for p in pages] == [
        "01-hedging.html",
        "01-hedging.student.html",
        "02-quoted-text.html",
        "02-quoted-text.student.html",
        "index.html",
    ]
    assert sorted(p.name for p in (tiny_report / "screenshots").iterdir()) == [
        f"{p.stem}.png" for p in pages
    ]


def test_index_links_open_existing_pages(browser, tiny_report):
    page = browser.new_page()
    try:
        page.goto((tiny_report / "index.html").as_uri())
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        assert len(hrefs) == 6  # two titles and four version links
        for href in hrefs:
            assert (tiny_report / href).is_file(), href
        page.click("text=Student version (no code) >> nth=0")
        page.wait_for_load_state()
        assert page.url.endswith("01-hedging.student.html")
        assert page.title() == "Hedging by outlet"
        assert page.locator("img").count() == 1
        assert page.locator(".jp-CodeMirrorEditor").count() == 0
    finally:
        page.close()


def test_article_text_with_markup_does_not_run(browser, tiny_report):
    page = browser.new_page()
    try:
        for name in ("02-quoted-text.html", "02-quoted-text.student.html"):
            page.goto((tiny_report / name).as_uri(), wait_until="load")
            assert_no_script_ran(page)
            shown = page.inner_text("main")
            assert shown.count(HOSTILE_SCRIPT) >= 3  # both tables and the escaped paragraph, as text
            assert shown.count(HOSTILE_IMG) >= 3
    finally:
        page.close()


def test_unescaped_styler_would_run_so_the_check_can_fail(browser, tmp_path):
    """pandas Styler does not escape by default: this page must trip the detector."""
    write_notebook(tmp_path / "notebooks", "01-unsafe.ipynb", [
        new_markdown_cell("# Unsafe"),
        PARAMETERS,
        new_code_cell(UNSAFE_STYLER),
    ])
    out = build_reports(paths.SEED_EVENT_DIR, tmp_path / "reports", notebooks_dir=tmp_path / "notebooks").out_dir
    page = browser.new_page()
    try:
        page.goto((out / "01-unsafe.student.html").as_uri(), wait_until="load")
        with pytest.raises(AssertionError, match="ran as script"):
            assert_no_script_ran(page)
    finally:
        page.close()


def test_checker_reports_requests_errors_and_broken_images(browser, tmp_path):
    """A page with every fault the checker looks for: each one must be reported."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><head><title>bad</title>"
        '<script src="https://cdn.example.invalid/require.js"></script></head><body>'
        "<script>console.error('boom'); undefinedFunction();</script>"
        '<img src="missing.png"><img src="data:image/png;base64,AAAA">'
        "</body></html>",
        encoding="utf-8",
    )
    problems = "\n".join(check_page(browser, bad, tmp_path / "screenshots"))
    assert "request to https://cdn.example.invalid/require.js" in problems
    assert "console error: boom" in problems
    assert "page error:" in problems and "undefinedFunction" in problems
    assert "image 1 did not render" in problems
    assert "image 1 is not an inline picture" in problems
    assert "image 2 did not render" in problems
    assert (tmp_path / "screenshots" / "bad.png").is_file()


def test_built_reports_are_clean_offline(browser):
    folder = Path(os.environ.get("FRAMING_REPORTS_DIR") or paths.REPORT_DIR)
    if not (folder / "index.html").is_file():
        pytest.skip(f"no built reports in {folder} (run `make report` first, or set FRAMING_REPORTS_DIR)")
    check_reports(browser, folder)


HOSTILE_FOLDER = paths.REPO_ROOT / "tests" / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory) -> Path:
    from framing.build import build_all_reports

    out = tmp_path_factory.mktemp("hostile") / "reports"
    build_all_reports(HOSTILE_FOLDER, out)
    return out


def test_hostile_three_outlet_folder_is_shown_as_text(browser, hostile_reports):
    """Every page of a full build from a folder whose text, names and metadata carry markup: nothing runs."""
    pages = check_reports(browser, hostile_reports)
    assert {"index.html", "side-by-side.html"} <= {p.name for p in pages}
    assert any(p.name.endswith(".student.html") for p in pages)
    side = (hostile_reports / "side-by-side.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in side
    assert side.count('<article class="col"') == 3


def test_report_build_is_deterministic(tmp_path):
    """Building the reports again gives the same bytes in every page (run after `make report`)."""
    folder = os.environ.get("FRAMING_REPORTS_DIR")
    if not folder or not (Path(folder) / "index.html").is_file():
        pytest.skip("set FRAMING_REPORTS_DIR to a built reports folder (make browser does)")
    from framing.build import build_all_reports

    again = tmp_path / "again"
    build_all_reports(paths.SEED_EVENT_DIR, again)
    first = sorted(p.name for p in Path(folder).glob("*.html"))
    assert first == sorted(p.name for p in again.glob("*.html"))
    changed = [n for n in first if (Path(folder) / n).read_bytes() != (again / n).read_bytes()]
    assert not changed, f"pages differ between two builds: {changed}"
