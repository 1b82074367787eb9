"""The offline report build: notebooks run with the injected folder, pages export offline, builds are atomic."""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing.core.outputs import MARKER, OutputFolder
from framing.present.report import (
    NotebookRunError,
    build_reports,
    inject_parameters,
    notebook_summary,
    notebook_title,
)

# A folder name that needs quoting in Python source: quotes and a space.
ARTICLES_FOLDER = "event \"test\" o'clock"
ARTICLES_CSV = (
    "article_id,outlet,file,event\n"
    "a1,Outlet One,a1.txt,Test summit (1 June 2021)\n"
    "a2,Outlet Two,a2.txt,Test summit (1 June 2021)\n"
    "a3,Outlet One,a3.txt,Test summit (1 June 2021)\n"
)

PARAMETERS = "ARTICLES_DIR = None"
SHOW_RUN = (
    "import os, sys\n"
    "print('ARTICLES_DIR =', ARTICLES_DIR)\n"
    "print('PYTHON =', sys.executable)\n"
    "print('CWD =', os.getcwd())"
)
PLOT = (
    "import matplotlib.pyplot as plt\n"
    "fig, ax = plt.subplots(figsize=(3, 2))\n"
    "ax.bar(['Outlet One', 'Outlet Two'], [3, 5])\n"
    "ax.set_ylabel('articles (count)')\n"
    "plt.show()"
)


def write_notebook(folder: Path, name: str, cells: list) -> Path:
    nb = new_notebook(
        cells=cells,
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    path = folder / name
    nbformat.write(nb, path)
    return path


def report_notebooks(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_notebook(folder, "01-first-look.ipynb", [
        new_markdown_cell(
            "# First look at the *outlets*\n\n"
            "How many articles each outlet wrote, drawn as [bars](https://example.org/bars).\n\n"
            "1. a list that is not the summary"
        ),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell(SHOW_RUN),
        new_code_cell(PLOT),
        new_markdown_cell("## What the bars show\n\nOne bar per outlet."),
    ])
    write_notebook(folder, "02-hedging.ipynb", [
        new_markdown_cell("# Hedging & attribution < 2 outlets\n\nThis paragraph is not the summary."),
        new_markdown_cell("Who hedges, and who says so.", metadata={"tags": ["summary"]}),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell(SHOW_RUN),
        new_code_cell(PLOT),
    ])
    # Not a report: the name lacks the NN- prefix.
    write_notebook(folder, "scratch.ipynb", [new_code_cell("raise SystemExit('must not run')")])


class Tags(HTMLParser):
    """Collects (tag, attrs) pairs and the visible text of a page, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> Tags:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def fake_python3_kernel(root: Path) -> Path:
    """A kernel spec called python3 that would run a different program, put first on JUPYTER_PATH."""
    spec = root / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        '{"argv": ["/bin/false", "{connection_file}"], "display_name": "Other Python", "language": "python"}'
    )
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    articles = root / ARTICLES_FOLDER
    articles.mkdir()
    (articles / "articles.csv").write_text(ARTICLES_CSV, encoding="utf-8")
    notebooks = root / "notebooks"
    report_notebooks(notebooks)
    out = root / "reports"
    with OutputFolder(out, kind="reports") as earlier:  # the reports of an earlier build
        (earlier / "stale.html").write_text("from an older build")
        (earlier / "side-by-side.html").write_text("<!DOCTYPE html><title>side</title><p>written by another step</p>")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(fake_python3_kernel(root / "jupyter")))
        from jupyter_client.kernelspec import KernelSpecManager

        # The decoy is really what a plain kernel manager would start.
        assert KernelSpecManager().get_kernel_spec("python3").argv[0] == "/bin/false"
        result = build_reports(articles, out, notebooks_dir=notebooks)
    return {"root": root, "articles": articles, "notebooks": notebooks, "out": out, "result": result}


def test_build_writes_two_pages_per_notebook_and_an_index(built):
    names = sorted(p.name for p in built["out"].iterdir())
    assert names == [
        MARKER,
        "01-first-look.html",
        "01-first-look.student.html",
        "02-hedging.html",
        "02-hedging.student.html",
        "index.html",
        "side-by-side.html",
    ]
    assert [p.notebook for p in built["result"].pages] == ["01-first-look.ipynb", "02-hedging.ipynb"]
    assert not list(built["root"].glob(".framing-*")), "staging folders or locks left behind"


def test_index_links_titles_summaries_and_counts(built):
    page = parse(built["out"] / "index.html")
    hrefs = [a["href"] for tag, a in page.tags if tag == "a"]
    for name in ("01-first-look.html", "01-first-look.student.html", "02-hedging.html",
                 "02-hedging.student.html", "side-by-side.html"):
        assert name in hrefs
    text = " ".join("".join(page.text).split())
    assert "Test summit (1 June 2021)" in text
    assert "2 outlets, 3 articles" in text
    assert "First look at the outlets" in text
    assert "How many articles each outlet wrote, drawn as bars." in text
    assert "Who hedges, and who says so." in text
    assert "This paragraph is not the summary" not in text
    raw = (built["out"] / "index.html").read_text(encoding="utf-8")
    assert "Hedging &amp; attribution &lt; 2 outlets" in raw


def test_page_titles_are_the_first_heading(built):
    raw = (built["out"] / "02-hedging.student.html").read_text(encoding="utf-8")
    assert "<title>Hedging &amp; attribution &lt; 2 outlets</title>" in raw
    raw = (built["out"] / "01-first-look.html").read_text(encoding="utf-8")
    assert "<title>First look at the outlets</title>" in raw


def test_injected_folder_reaches_the_notebook_and_runs_in_this_python(built):
    for name in ("01-first-look.html", "02-hedging.student.html"):
        text = "".join(parse(built["out"] / name).text)
        assert f"ARTICLES_DIR = {built['articles']}" in text
        assert f"PYTHON = {sys.executable}" in text
        assert f"CWD = {built['notebooks']}" in text


def classes(path: Path) -> set[str]:
    return {c for _, attrs in parse(path).tags for c in attrs.get("class", "").split()}


def test_full_page_shows_code_and_the_injected_cell(built):
    raw = (built["out"] / "01-first-look.html").read_text(encoding="utf-8")
    assert {"jp-CodeMirrorEditor", "highlight"} <= classes(built["out"] / "01-first-look.html")
    assert "injected-parameters" in raw
    assert raw.index("ARTICLES_DIR</span> <span class=\"o\">=</span> <span class=\"kc\">None") < raw.index(
        "injected-parameters"
    )


def test_student_page_has_outputs_and_prose_but_no_code(built):
    for stem in ("01-first-look", "02-hedging"):
        raw = (built["out"] / f"{stem}.student.html").read_text(encoding="utf-8")
        assert not {"jp-CodeMirrorEditor", "highlight", "jp-InputPrompt"} & classes(
            built["out"] / f"{stem}.student.html"
        )
        assert "plt.subplots" not in raw and "ax.bar" not in raw
        assert 'src="data:image/png;base64,' in raw
    text = "".join(parse(built["out"] / "01-first-look.student.html").text)
    assert "What the bars show" in text


EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def test_no_page_loads_anything_from_the_web(built):
    pages = sorted(built["out"].glob("*.html"))
    assert len(pages) == 6
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        page = parse(path)
        for tag, attrs in page.tags:
            for attr in ("src", "href", "data"):
                if tag == "a" and attr == "href":
                    continue  # links the reader may follow are fine; nothing loads them
                value = attrs.get(attr, "")
                assert not EXTERNAL.match(value), f"{path.name}: <{tag} {attr}={value!r}>"
            if tag == "img":
                assert attrs["src"].startswith("data:image/"), f"{path.name}: image not inline"
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", raw), f"{path.name}: CSS fetches from the web"
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", raw), f"{path.name}: CSS import"
    for stem in ("01-first-look", "02-hedging"):
        for suffix in (".html", ".student.html"):
            images = [a for t, a in parse(built["out"] / f"{stem}{suffix}").tags if t == "img"]
            assert len(images) == 1


def test_the_offline_template_really_is_needed(built):
    """The stock lab template does load from a CDN, so the check above can fail."""
    from nbconvert import HTMLExporter

    nb = nbformat.read(built["notebooks"] / "01-first-look.ipynb", as_version=4)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    assert re.search(r"<script[^>]+src=\"https://", body)


def test_same_inputs_give_the_same_bytes(built, tmp_path):
    side = {"side-by-side.html": (built["out"] / "side-by-side.html").read_text(encoding="utf-8")}
    again = build_reports(built["articles"], tmp_path / "again", notebooks_dir=built["notebooks"], extra_pages=side)
    for path in sorted(built["out"].glob("*.html")):
        assert (again.out_dir / path.name).read_bytes() == path.read_bytes(), path.name


def test_failing_notebook_is_named_and_old_reports_stay(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks, "01-fine.ipynb", [
        new_markdown_cell("# Fine"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell("print(ARTICLES_DIR)"),
    ])
    write_notebook(notebooks, "02-broken.ipynb", [
        new_markdown_cell("# Broken"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell("shares = {'Outlet One': 3}\nshares['Outlet One'] / 0"),
    ])
    articles = tmp_path / "articles"
    articles.mkdir()
    out = tmp_path / "reports"
    with OutputFolder(out, kind="reports") as earlier:
        (earlier / "index.html").write_text("good old index")
        (earlier / "01-fine.html").write_text("good old page")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    with pytest.raises(NotebookRunError) as caught:
        build_reports(articles, out, notebooks_dir=notebooks)

    message = str(caught.value)
    assert "02-broken.ipynb" in message
    assert "ZeroDivisionError: division by zero" in message
    assert "cell 3" in message  # markdown, parameters, then the failing cell
    assert "shares = {'Outlet One': 3}" in message
    assert caught.value.cell == 3
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "notebooks", "reports"]


def test_missing_notebooks_or_articles_are_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="no notebooks"):
        build_reports(tmp_path, tmp_path / "out", notebooks_dir=tmp_path)
    with pytest.raises(FileNotFoundError, match="articles folder"):
        build_reports(tmp_path / "absent", tmp_path / "out", notebooks_dir=tmp_path)
    assert not (tmp_path / "out").exists()


# Notebook functions that need no kernel -------------------------------------------------------------


def test_injected_cell_follows_parameters_and_quotes_any_path():
    nb = new_notebook(cells=[
        new_markdown_cell("# T"),
        new_code_cell("import pandas as pd"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell("ARTICLES_DIR = 'stale'", metadata={"tags": ["injected-parameters"]}),
        new_code_cell("print(ARTICLES_DIR)"),
    ])
    tricky = Path("/data/it's \"here\"\\ and there")
    at = inject_parameters(nb, articles_dir=tricky)
    assert at == 3
    assert [c.source for c in nb.cells].count("ARTICLES_DIR = 'stale'") == 0
    assert nb.cells[at].metadata.tags == ["injected-parameters"]
    assert nb.cells[at + 1].source == "print(ARTICLES_DIR)"
    scope: dict = {}
    exec(nb.cells[at].source, scope)  # noqa: S102 - the point is that the generated source is valid Python
    assert scope["ARTICLES_DIR"] == str(tricky)


def test_injected_cell_goes_before_the_first_code_cell_without_a_parameters_cell():
    nb = new_notebook(cells=[new_markdown_cell("# T"), new_code_cell("x = 1")])
    assert inject_parameters(nb, articles_dir=Path("/a")) == 1
    assert nb.cells[2].source == "x = 1"


def test_title_and_summary_come_from_markdown():
    nb = new_notebook(cells=[
        new_code_cell("# a comment, not a heading"),
        new_markdown_cell(
            "Some text before the heading.\n\n## Who is quoted, and **how often**\n\n"
            "We count [quotes](https://example.org) per outlet,\nline by line."
        ),
    ])
    assert notebook_title(nb) == "Who is quoted, and how often"
    assert notebook_summary(nb) == "Some text before the heading."
    nb.cells.append(new_markdown_cell("A `tagged` summary\nwins.", metadata={"tags": ["summary"]}))
    assert notebook_summary(nb) == "A tagged summary wins."
    assert notebook_title(new_notebook(cells=[new_code_cell("1")])) == ""
    long = new_notebook(cells=[new_markdown_cell("word " * 200)])
    assert len(notebook_summary(long)) <= 302 and notebook_summary(long).endswith("…")


def test_titles_with_markup_are_escaped_in_the_index_not_interpreted():
    from framing.present.report import ReportPage, render_index

    page = ReportPage("01-x.ipynb", "<script>alert(1)</script>", "a & b", "01-x.html", "01-x.student.html")
    out = render_index([page], Path(__file__).parent, has_side_by_side=False)
    assert "<script>alert" not in out
    assert html.escape("<script>alert(1)</script>") in out
    assert "a &amp; b" in out
    assert "side-by-side" not in out


def test_charts_get_the_following_sentence_as_alternative_text():
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from framing.present.report import describe_images

    image = new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    nb = new_notebook(cells=[
        new_code_cell("plot()", outputs=[image]),
        new_markdown_cell("The chart shows **two** outlets. A second sentence."),
        new_code_cell("print(1)"),
    ])
    assert describe_images(nb) == 1
    assert nb.cells[0].outputs[0].metadata["image/png"]["alt"] == "The chart shows two outlets."


def test_every_report_notebook_runs_on_a_single_outlet_folder(tmp_path):
    """A folder with one outlet is legal input: no comparative measure exists, and no notebook may fail."""
    from framing.build import build_all_reports

    folder = tmp_path / "one"
    folder.mkdir()
    three = Path(__file__).parent / "fixtures" / "three-outlets"
    (folder / "coastal-times.txt").write_bytes((three / "coastal-times.txt").read_bytes())
    (folder / "articles.csv").write_text("article_id,outlet,file\nc,Coastal Times,coastal-times.txt\n",
                                         encoding="utf-8")
    build_all_reports(folder, tmp_path / "reports")
    assert (tmp_path / "reports" / "05-methods-and-limits.student.html").is_file()


# Warnings stay out of the pages ---------------------------------------------------------------------

WARNING_TEXT = ("UserWarning", "RuntimeWarning", "constrained_layout not applied", "Warning:")

# Code that warns in three common ways, written so that its own source names no warning.
WARNS = (
    "import sys\n"
    "import warnings\n"
    "import numpy as np\n"
    "warnings.warn('the lexicon file is older than the articles')\n"
    "np.log(np.zeros(1))\n"
    "print('the analysis wrote 3 tables', file=sys.stderr)\n"
    "print('hedges per sentence: 0.42')"
)
SQUEEZED = (
    "import matplotlib.pyplot as plt\n"
    "fig, ax = plt.subplots(figsize=(3, 2), layout='constrained')\n"
    "ax.legend(handles=[plt.Line2D([], [], label=f'Outlet {i}') for i in range(40)], loc='lower left',\n"
    "          bbox_to_anchor=(0, 1))\n"
    "plt.show()"
)


def test_warnings_printed_by_notebook_code_never_reach_an_exported_page(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    write_notebook(notebooks, "01-warns.ipynb", [
        new_markdown_cell("# Code that warns"),
        new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell(WARNS),
        new_code_cell(SQUEEZED),
        new_markdown_cell("The chart above has a legend taller than itself."),
    ])
    articles = tmp_path / "articles"
    articles.mkdir()
    said: list[str] = []
    out = build_reports(articles, tmp_path / "reports", notebooks_dir=notebooks, progress=said.append).out_dir
    for name in ("01-warns.html", "01-warns.student.html"):
        raw = (out / name).read_text(encoding="utf-8")
        assert [w for w in WARNING_TEXT if w in raw] == [], name
        text = "".join(parse(out / name).text)
        assert "hedges per sentence: 0.42" in text and "the analysis wrote 3 tables" in text  # other output stays
    reported = "\n".join(said)  # the build says what it left out
    assert "UserWarning: the lexicon file is older than the articles" in reported
    assert "RuntimeWarning: divide by zero encountered in log" in reported
    assert "constrained_layout not applied" in reported


def test_strip_warnings_takes_warnings_and_their_source_lines_and_keeps_other_stderr():
    from nbformat.v4 import new_output

    from framing.present.report import strip_warnings

    stderr = new_output("stream", name="stderr", text=(
        "/srv/kernel/cell.py:4: UserWarning: the lexicon file is older than the articles\n"
        "  warnings.warn('the lexicon file is older than the articles')\n"
        "the analysis wrote 3 tables\n"))
    only_warning = new_output("stream", name="stderr", text=(
        "/lib/numpy/core.py:9: RuntimeWarning: divide by zero encountered in log\n  return log(x)\n"))
    stdout = new_output("stream", name="stdout", text="UserWarning: printed on purpose by the notebook\n")
    nb = new_notebook(cells=[new_code_cell("x", outputs=[stderr, only_warning, stdout])])
    assert strip_warnings(nb) == ["cell 1: UserWarning: the lexicon file is older than the articles",
                                  "cell 1: RuntimeWarning: divide by zero encountered in log"]
    outputs = nb.cells[0].outputs
    assert [o.get("name") for o in outputs] == ["stderr", "stdout"]  # the stream that was only a warning is gone
    assert outputs[0]["text"] == "the analysis wrote 3 tables\n"
    assert outputs[1]["text"] == "UserWarning: printed on purpose by the notebook\n"  # stdout is the notebook's own


# Fourteen outlets: every page built, no warning text, nothing cut off at 1400 px -------------------

MANY = Path(__file__).parent / "fixtures" / "many-outlets"


@pytest.fixture(scope="module")
def many_reports(tmp_path_factory) -> Path:
    from framing.build import build_all_reports

    out = tmp_path_factory.mktemp("many") / "reports"
    build_all_reports(MANY, out)
    return out


def test_fourteen_outlet_reports_carry_no_warning_text(many_reports):
    pages = sorted(many_reports.glob("*.html"))
    assert {"index.html", "side-by-side.html", "02-hedging-and-attribution.student.html"} <= {p.name for p in pages}
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        assert [w for w in WARNING_TEXT if w in raw] == [], path.name


def test_fourteen_outlet_pages_fit_1400_px_without_cutting_anything_off(many_reports):
    import os
    import shutil

    on_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        (pytest.fail if on_ci else pytest.skip)("playwright is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        (pytest.fail if on_ci else pytest.skip)("chromium is not installed (apt-get install chromium)")
    # Per page: how far the page runs past the window, images shown narrower than drawn but not cut, and
    # elements whose content runs past their own box without a scroll bar to reach it.
    probe = """() => {
        const cut = [];
        for (const el of document.querySelectorAll('main *, .columns *')) {
            const style = getComputedStyle(el);
            if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
                && ['hidden', 'clip'].includes(style.overflowX) && el.closest('.jp-InputArea') === null) {
                cut.push(el.tagName + '.' + el.className);
            }
        }
        const images = Array.from(document.images).map(i => {
            const box = i.getBoundingClientRect();
            return [box.left, box.right, i.naturalWidth, i.complete];
        });
        return {overflow: document.documentElement.scrollWidth - window.innerWidth, cut, images};
    }"""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        found = {}
        for path in sorted(many_reports.glob("*.html")):
            page.goto(path.as_uri(), wait_until="load")
            found[path.name] = page.evaluate(probe)
        browser.close()
    for name, result in found.items():
        assert result["overflow"] <= 0, (name, result["overflow"])  # nothing runs off the page
        assert result["cut"] == [], (name, result["cut"])  # nothing cut off inside a box
        for left, right, natural, complete in result["images"]:
            assert complete and natural > 0 and left >= 0 and right <= 1400, (name, left, right)
