"""Build the offline HTML reports: run every notebook, export it twice, write an index page.

The reports folder holds, for each ``notebooks/NN-name.ipynb``:

* ``NN-name.html``: the executed notebook, code and outputs;
* ``NN-name.student.html``: the same page without code cells (markdown and outputs only);

plus ``index.html``, which lists them.  Pages make no request outside themselves: the template in
``framing/templates/offline`` drops the scripts nbconvert would load from the web (require.js,
MathJax, Mermaid, the widget manager), and every picture is embedded as a ``data:`` URI.

Notebooks run in fresh kernels of the *current* interpreter (``sys.executable``), whatever other
``python3`` kernel specs the machine has, with the notebooks folder as working directory.
The folder of articles reaches each notebook papermill-style: a code cell tagged ``parameters`` sets
``ARTICLES_DIR = None`` and a cell tagged ``injected-parameters`` is inserted right after it.

The build is atomic: everything is written to a hidden staging folder beside the reports folder,
which then takes the old folder's place in one rename (see :class:`framing.core.outputs.OutputFolder`).
A notebook that fails raises :class:`NotebookRunError`, an interrupt stops the build, and either
leaves the existing reports untouched.
"""

from __future__ import annotations

import contextlib
import csv
import html
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from framing.core import interrupts, paths
from framing.core.errors import printable

NOTEBOOK_PATTERN = "[0-9][0-9]-*.ipynb"
"""Which files of the notebooks folder are reports: two digits, a dash, a name."""

TABLES_FOLDER = "tables"
"""Subfolder of the reports holding the analysis tables as CSV."""

SIDE_BY_SIDE_PAGE = "side-by-side.html"
"""Page written by another step of the build; carried over and linked from the index when present."""

KERNEL_NAME = "python3"
TEMPLATE_NAME = "offline"
TEMPLATE_FILE = "offline.html.j2"
_SUMMARY_MAX_CHARS = 300


class NotebookRunError(RuntimeError):
    """A notebook failed while the reports were being built.

    Attributes
    ----------
    notebook : pathlib.Path
        The notebook that failed.
    cell : int or None
        1-based position of the failing cell among the notebook's own cells (the injected
        parameters cell is not counted), or None when the failure is not tied to a cell
        (for instance the kernel would not start).
    error : str
        The error line, ``"ExceptionName: message"``.
    """

    def __init__(self, notebook: Path, cell: int | None, error: str, source_line: str = "") -> None:
        self.notebook = notebook
        self.cell = cell
        self.error = error
        where = f"cell {cell}" if cell is not None else "kernel"
        if source_line:
            where += f" ({source_line!r})"
        super().__init__(f"notebook {notebook.name} failed in {where}: {error}")


@dataclass(frozen=True)
class ReportPage:
    """One notebook's entry in the built reports.

    Attributes
    ----------
    notebook : str
        File name of the source notebook, e.g. ``"01-term-salience.ipynb"``.
    title : str
        Plain text of the notebook's first markdown heading (its stem when it has none).
    summary : str
        One-line summary shown in the index (see :func:`notebook_summary`).
    full : str
        File name of the page with code, e.g. ``"01-term-salience.html"``.
    student : str
        File name of the page without code, e.g. ``"01-term-salience.student.html"``.
    """

    notebook: str
    title: str
    summary: str
    full: str
    student: str


@dataclass(frozen=True)
class ReportBuild:
    """What :func:`build_reports` produced.

    Attributes
    ----------
    out_dir : pathlib.Path
        The reports folder, now holding the new pages.
    articles_dir : pathlib.Path
        The folder of articles the notebooks analysed (absolute).
    pages : tuple of ReportPage
        One entry per notebook, in notebook order.
    seconds : float
        Wall time of the build.
    """

    out_dir: Path
    articles_dir: Path
    pages: tuple[ReportPage, ...]
    seconds: float


def build_reports(
    articles_dir: str | os.PathLike[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    *,
    notebooks_dir: str | os.PathLike[str] | None = None,
    timeout: int = 300,
    keep: Sequence[str] = (SIDE_BY_SIDE_PAGE,),
    extra_pages: Mapping[str, str] | None = None,
    tables: Mapping[str, object] | None = None,
    jobs: int = 2,
    kernel_env: Mapping[str, str] | None = None,
    meanwhile: Callable[[], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportBuild:
    """Execute the report notebooks and write their offline HTML pages and an index.

    Parameters
    ----------
    articles_dir : path, optional
        Folder of articles passed to every notebook as ``ARTICLES_DIR``.
        Default: the seed event folder, ``framing.core.paths.SEED_EVENT_DIR``.
    out_dir : path or framing.core.outputs.OutputFolder, optional
        Reports folder whose contents are replaced as a whole.  Default: ``framing.core.paths.REPORT_DIR``.
        It must be new, empty or written by the suite before (see :func:`framing.core.outputs.check_output_dir`).
        Pass an :class:`~framing.core.outputs.OutputFolder` to learn afterwards whether it was replaced; when
        it is already entered, the pages go into its staging folder and the caller's ``with`` swaps them in.
    notebooks_dir : path, optional
        Folder holding the ``NN-*.ipynb`` notebooks.  Default: ``framing.core.paths.NOTEBOOK_DIR``.
    timeout : int, default 300
        Longest time, in seconds, that one cell may run.
    keep : sequence of str, default ``("side-by-side.html",)``
        Names of files in the current ``out_dir`` that are written by other steps: they are copied
        into the new reports folder unchanged.  The index links ``side-by-side.html`` when the new
        folder has it.
    extra_pages : mapping of str to str, optional
        Further pages built by other steps (file name -> HTML text), written into the new reports
        folder before the index, so they are replaced together with everything else.
    tables : mapping of str to DataFrame, optional
        Tables written as ``tables/<name>.csv`` (spreadsheet-safe), so pages can link the full
        table behind a shortened one.
    jobs : int, default 2
        How many notebooks run at once (each in its own kernel).
    kernel_env : mapping, optional
        Extra environment variables for the kernels (the build passes the folder of the analysis it
        makes, so the notebooks load it instead of analysing again).
    meanwhile : callable, optional
        Work done in this process while the kernels start (see :func:`run_notebooks`); it may fill
        ``extra_pages`` and ``tables``, which are read only after the notebooks ran.
    progress : callable, optional
        Called with one line of text per step (e.g. ``print``); by default the build is silent.

    Returns
    -------
    ReportBuild
        The reports folder, the articles folder, one :class:`ReportPage` per notebook and the
        wall time.

    Raises
    ------
    FileNotFoundError
        When the notebooks folder has no ``NN-*.ipynb`` notebook or the articles folder is missing.
    NotebookRunError
        When a notebook fails; it names the notebook, the cell and the error line.
        The existing ``out_dir`` is then left as it was.
    FramingInputError
        When ``out_dir`` may not be replaced, or another build is writing into it.
    """
    from framing.core.outputs import OutputFolder, write_table_files

    started = time.monotonic()
    say = progress if progress is not None else _silent
    articles = Path(articles_dir if articles_dir is not None else paths.SEED_EVENT_DIR).resolve()
    if isinstance(out_dir, OutputFolder):
        output = out_dir
    else:
        output = OutputFolder(out_dir if out_dir is not None else paths.REPORT_DIR, kind="reports",
                              inputs=(articles,))
    out = output.out
    nb_dir = Path(notebooks_dir if notebooks_dir is not None else paths.NOTEBOOK_DIR).resolve()
    if not articles.is_dir():
        raise FileNotFoundError(f"articles folder not found: {articles}")
    notebooks = sorted(nb_dir.glob(NOTEBOOK_PATTERN))
    if not notebooks:
        raise FileNotFoundError(f"no notebooks named {NOTEBOOK_PATTERN} in {nb_dir}")

    entered = output.staging is not None  # the caller holds the folder already
    with contextlib.nullcontext(output.staging) if entered else output as staging:
        executed = run_notebooks(notebooks, articles, timeout=timeout, jobs=jobs, env=kernel_env, progress=say,
                                 meanwhile=meanwhile)
        say("exporting the pages")
        for path, nb in zip(notebooks, executed):
            for warning in strip_warnings(nb):
                say(f"warning in {path.name} (left out of its pages): {warning}")
        exporters = _exporters()
        pages = [_export(nb, path, staging, exporters, tables) for path, nb in zip(notebooks, executed)]
        for name in keep:
            if (out / name).is_file() and name not in (extra_pages or {}):
                shutil.copy2(out / name, staging / name)
        for name, text in (extra_pages or {}).items():
            if Path(name).name != name or not name.endswith(".html"):
                raise ValueError(f"extra page name must be a plain .html file name, not {name!r}")
            (staging / name).write_text(text, encoding="utf-8")
        if tables:
            (staging / TABLES_FOLDER).mkdir()
            write_table_files(tables, staging / TABLES_FOLDER, folder_for_errors=output.given)
        (staging / "index.html").write_text(
            render_index(pages, articles, has_side_by_side=(staging / SIDE_BY_SIDE_PAGE).is_file()),
            encoding="utf-8",
        )
    seconds = time.monotonic() - started
    say(f"built {2 * len(pages) + 1} pages in {seconds:.1f} s")
    return ReportBuild(out_dir=out, articles_dir=articles, pages=tuple(pages), seconds=seconds)


def run_notebook(path: str | os.PathLike[str], articles_dir: str | os.PathLike[str], *, timeout: int = 300,
                 env: Mapping[str, str] | None = None):
    """Execute one notebook with ``ARTICLES_DIR`` injected and return it, ready for export.

    The notebook runs in a fresh kernel of the current interpreter with the notebook's folder as
    working directory.  Timing metadata is not recorded, so the same inputs give the same notebook.
    See :func:`run_notebooks`, which this calls with one notebook.

    Parameters
    ----------
    path : path
        The ``.ipynb`` file.  It is read, never written.
    articles_dir : path
        Value given to ``ARTICLES_DIR`` (made absolute).
    timeout : int, default 300
        Longest time, in seconds, that one cell may run.
    env : mapping, optional
        Extra environment variables for the kernel.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook, with the ``injected-parameters`` cell.

    Raises
    ------
    NotebookRunError
        When a cell raises, times out, or the kernel dies.
    """
    return run_notebooks([path], articles_dir, timeout=timeout, env=env)[0]


def run_notebooks(notebooks: Sequence[str | os.PathLike[str]], articles_dir: str | os.PathLike[str], *,
                  timeout: int = 300, jobs: int = 2, env: Mapping[str, str] | None = None,
                  progress: Callable[[str], None] | None = None,
                  meanwhile: Callable[[], None] | None = None) -> list:
    """Execute notebooks, ``jobs`` at a time, each in a fresh kernel; return them in the order given.

    The kernels run from an event loop in a helper thread, so Ctrl-C and SIGTERM reach this
    process's own handlers: they end every running kernel and are raised here as
    :class:`KeyboardInterrupt` (or :class:`framing.core.interrupts.Terminated`) once the kernels are gone.

    The notebooks with the most code start first (a free guess at which run longest), which keeps
    the kernels busy until the end; the results come back in the order given.

    ``meanwhile``, when given, runs in this thread while the kernels start (the report build
    analyses the folder there, and the notebooks wait for its analysis).  When it raises, the
    kernels are ended and its exception is raised.

    Raises
    ------
    NotebookRunError
        For the first notebook (in the order given) that failed.
    """
    import asyncio
    import concurrent.futures

    say = progress if progress is not None else _silent
    articles = Path(articles_dir).resolve()
    runs = [_prepare(Path(p).resolve(), articles, timeout) for p in notebooks]
    running: set = set()
    kernel_env = {**_kernel_env(), **(env or {})}

    def stop_all() -> None:
        for client in list(running):
            _kill_kernel(client)

    async def execute(path: Path, client, limit: asyncio.Semaphore) -> None:
        async with limit:
            say(f"running {path.name}")
            running.add(client)
            try:
                await client.async_execute(env=kernel_env)
            finally:
                running.discard(client)

    async def execute_all() -> list:
        limit = asyncio.Semaphore(max(1, jobs))
        # The longest notebooks (most code) start first, so the last one to start is a short one and the
        # kernels finish close together; results come back in the order given.
        order = sorted(range(len(runs)), key=lambda i: -_code_size(runs[i][1]))
        tasks = {i: asyncio.ensure_future(execute(runs[i][0], runs[i][2], limit)) for i in order}
        await asyncio.gather(*tasks.values(), return_exceptions=True)
        return [tasks[i].exception() or None for i in range(len(runs))]

    seen = interrupts.count()
    with interrupts.calling(stop_all), concurrent.futures.ThreadPoolExecutor(1) as pool:
        running_all = pool.submit(asyncio.run, execute_all())
        if meanwhile is not None:
            try:
                with interrupts.calling(stop_all, then_raise=True):
                    meanwhile()
            except BaseException:
                stop_all()  # the kernels cannot go on without it; end them before leaving
                running_all.exception()
                raise
        outcomes = running_all.result()
    if interrupts.count() > seen:  # the kernels failed because the run was stopped
        raise interrupts.received()
    for (path, nb, _, injected_at), outcome in zip(runs, outcomes):
        if isinstance(outcome, BaseException):
            raise _run_error(path, nb, injected_at, outcome) from outcome
    for _, nb, _, _ in runs:
        _strip_run_metadata(nb)
    return [nb for _, nb, _, _ in runs]


def _code_size(nb) -> int:
    """Characters of code in a notebook: a rough, free guess at how long it runs."""
    return sum(len(cell.source) for cell in nb.cells if cell.cell_type == "code")


def _prepare(path: Path, articles: Path, timeout: int):
    """Read a notebook, inject its parameters and make its client: ``(path, nb, client, injected_at)``."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    _normalise(nb)
    injected_at = inject_parameters(nb, articles_dir=articles)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        kernel_manager_class=_current_python_kernel_manager(),
        timeout=timeout,
        record_timing=False,
        shutdown_kernel="immediate",
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    return path, nb, client, injected_at


def inject_parameters(nb, *, articles_dir: Path) -> int:
    """Insert the ``injected-parameters`` cell that sets ``ARTICLES_DIR``; return its index.

    The cell goes right after the first code cell tagged ``parameters``, or before the first code
    cell when no cell carries that tag.  Cells already tagged ``injected-parameters`` (left by an
    earlier run) are removed first.  The value is written with :func:`repr`, so any path quotes
    safely.  Modifies ``nb`` in place.
    """
    import nbformat

    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    cell = nbformat.v4.new_code_cell(
        source=f"# Parameters given by the report build\nARTICLES_DIR = {str(articles_dir)!r}\n",
        metadata={"tags": ["injected-parameters"]},
    )
    cell["id"] = "injected-parameters"
    tagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "parameters" in _tags(c)]
    if tagged:
        at = tagged[0] + 1
    else:
        at = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
    nb.cells.insert(at, cell)
    return at


def notebook_title(nb) -> str:
    """Plain text of the first markdown heading of a notebook, or ``""`` when it has none."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = re.match(r"\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
            if match and match.group(1):
                return _plain(match.group(1))
    return ""


def notebook_summary(nb) -> str:
    """One-line summary of a notebook for the index.

    The text comes from the first markdown cell tagged ``summary`` when there is one; otherwise from
    the markdown cells in order.  In either case the summary is the first paragraph (block of
    non-blank lines, a heading line ending a block) that is not a heading, a list or a label over a
    list, a quotation, a table or a fence, stripped of
    markdown markup and joined into one line, cut at about 300 characters on a word boundary.
    Returns ``""`` when no markdown paragraph exists.
    """
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    tagged = [c for c in markdown if "summary" in _tags(c)]
    for cell in tagged[:1] or markdown:
        # a heading line ends a paragraph as a blank line does
        source = re.sub(r"(?m)^#.*$", "", cell.source)
        for block in re.split(r"\n\s*\n", source):
            text = block.strip()
            if not text or re.match(r"(#|[-*+]\s|\d+[.)]\s|>|\||```|~~~|<)", text):
                continue
            if re.search(r"(?m)^\s*([-*+]|\d+[.)])\s", text):  # a label over a list ("What you will learn" 1. ...)
                continue
            line = _plain(" ".join(text.split()))
            if len(line) > _SUMMARY_MAX_CHARS:
                line = line[:_SUMMARY_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"
            return line
    return ""


def articles_overview(articles_dir: str | os.PathLike[str]) -> dict[str, object]:
    """Event name and counts of the articles folder, for the index page.

    Reads ``articles.csv`` when the folder has one: ``event`` is the first non-empty value of its
    ``event`` column, ``n_articles`` the number of rows, ``n_outlets`` the number of distinct
    non-empty ``outlet`` values.  Without it, ``event`` is ``""``, ``n_articles`` counts the
    ``*.txt`` files and ``n_outlets`` is None.
    """
    folder = Path(articles_dir)
    table = folder / "articles.csv"
    if not table.is_file():
        return {"event": "", "n_articles": len(list(folder.glob("*.txt"))), "n_outlets": None}
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    events = [r.get("event", "").strip() for r in rows if (r.get("event") or "").strip()]
    outlets = {r.get("outlet", "").strip() for r in rows if (r.get("outlet") or "").strip()}
    return {
        "event": events[0] if events else "",
        "n_articles": len(rows),
        "n_outlets": len(outlets) if outlets else None,
    }


def render_index(pages: Sequence[ReportPage], articles_dir: Path, *, has_side_by_side: bool) -> str:
    """HTML text of ``index.html``: the event, the articles folder, and one entry per notebook.

    Every piece of text taken from notebooks or data is HTML-escaped.  The page carries its own CSS
    and makes no request.
    """
    facts = articles_overview(articles_dir)
    event = str(facts["event"]) or printable(Path(articles_dir).name)
    n_articles = int(facts["n_articles"])  # type: ignore[call-overload]
    counts = f"{n_articles} article{'s' if n_articles != 1 else ''}"
    if facts["n_outlets"] is not None:
        n_outlets = int(facts["n_outlets"])  # type: ignore[call-overload]
        counts = f"{n_outlets} outlet{'s' if n_outlets != 1 else ''}, {counts}"
    e = html.escape
    items = []
    for page in pages:
        summary = f'\n    <p class="summary">{e(page.summary)}</p>' if page.summary else ""
        items.append(
            f'  <li>\n    <h2><a href="{e(page.full)}">{e(page.title)}</a></h2>{summary}\n'
            f'    <p class="links"><a href="{e(page.full)}">Full report (with code)</a>'
            f' · <a href="{e(page.student)}">Student version (no code)</a></p>\n  </li>'
        )
    side = ""
    if has_side_by_side:
        side = (
            f'<p class="side"><a href="{SIDE_BY_SIDE_PAGE}">Side by side: the articles sentence by sentence'
            "</a></p>\n"
        )
    body = "\n".join(items)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{e(event)}: framing reports</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  line-height: 1.5; color: #1a1a1a; background: #fff;
  max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem; }}
h1 {{ font-size: 1.8rem; margin: 0 0 0.25rem; }}
.source {{ color: #444; margin: 0 0 1.5rem; }}
.source code {{ font-size: 0.9em; background: #f3f3f3; padding: 0 0.25em; border-radius: 3px; }}
ol.reports {{ list-style: none; padding: 0; margin: 0; }}
ol.reports li {{ border-top: 1px solid #ddd; padding: 0.9rem 0; }}
ol.reports h2 {{ font-size: 1.2rem; margin: 0 0 0.3rem; }}
.summary {{ margin: 0 0 0.3rem; }}
.links {{ margin: 0; font-size: 0.95rem; }}
.side {{ border-top: 1px solid #ddd; padding-top: 0.9rem; font-weight: 600; }}
a {{ color: #0b5cad; }}
@media print {{ a {{ color: inherit; text-decoration: none; }} .links {{ display: none; }} }}
</style>
</head>
<body>
<main>
<h1>{e(event)}</h1>
<p class="source">Articles from <code>{e(_display_path(articles_dir))}</code>: {e(counts)}.</p>
<ol class="reports">
{body}
</ol>
{side}</main>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------------
# internals


def _silent(_message: str) -> None:
    return None


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _plain(text: str) -> str:
    """Markdown inline markup removed: images dropped, links reduced to their text, no emphasis marks."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])", r"\1", text)
    return " ".join(text.split())


def _display_path(path: Path) -> str:
    """The folder relative to the repository when it lies inside it, else absolute."""
    try:
        return printable(Path(path).resolve().relative_to(paths.REPO_ROOT.resolve()).as_posix())
    except ValueError:
        return printable(path)


def _normalise(nb) -> None:
    """Upgrade to nbformat 4.5 with stable cell ids, so exports do not depend on random ids."""
    if nb.nbformat == 4 and nb.nbformat_minor < 5:
        nb.nbformat_minor = 5
    for i, cell in enumerate(nb.cells):
        if not cell.get("id"):
            cell["id"] = f"cell-{i}"
        cell.get("metadata", {}).pop("execution", None)


def _strip_run_metadata(nb) -> None:
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)


def _kernel_env() -> dict[str, str]:
    """Environment of the kernels: figures inline, fixed string hashing, fixed dates in SVG/PDF output."""
    env = dict(os.environ)
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env["PYTHONHASHSEED"] = "0"
    env.setdefault("SOURCE_DATE_EPOCH", "0")
    return env


def _current_python_kernel_manager():
    """A KernelManager class whose ``python3`` kernel is always ``sys.executable -m ipykernel_launcher``.

    Kernel specs installed elsewhere (user folder, ``JUPYTER_PATH``) can point ``python3`` at another
    interpreter; the reports must run with the one that has this package installed.  Kernel traffic
    is encrypted (CurveZMQ) when pyzmq supports it.
    """
    from ipykernel.kernelspec import get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class CurrentPythonSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            if kernel_name != KERNEL_NAME:
                return super().get_kernel_spec(kernel_name)
            spec = get_kernel_dict()
            spec["argv"][0] = sys.executable
            return KernelSpec(resource_dir="", **spec)

    class CurrentPythonKernelManager(AsyncKernelManager):
        @default("transport_encryption")
        def _encrypt_when_possible(self) -> str:
            return "auto"

        @default("kernel_spec_manager")
        def _current_python_specs(self) -> KernelSpecManager:
            return CurrentPythonSpecs(data_dir=self.data_dir)

    return CurrentPythonKernelManager


def _kill_kernel(client) -> None:
    """End the kernel of ``client`` and everything it started (it runs in a session of its own)."""
    import signal

    provisioner = getattr(client.km, "provisioner", None)
    pid = getattr(provisioner, "pid", None)
    if pid:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)


def _run_error(path: Path, nb, injected_at: int, exc: Exception) -> NotebookRunError:
    """Name the failing cell (position among the notebook's own cells) and its error line."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                position = i + 1 if i < injected_at else i
                first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
                error = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".rstrip(": ")
                return NotebookRunError(path, position, error, first)
    lines = [ln for ln in str(exc).strip().splitlines() if ln.strip()]
    message = lines[-1] if lines else ""
    return NotebookRunError(path, None, f"{type(exc).__name__}: {message}".rstrip(": "))


def _exporters():
    from nbconvert import HTMLExporter

    options = {
        "template_name": TEMPLATE_NAME,
        "template_file": TEMPLATE_FILE,
        "extra_template_basedirs": [str(paths.TEMPLATE_DIR)],
        "embed_images": True,
    }
    full = HTMLExporter(**options)
    student = HTMLExporter(
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True, **options
    )
    return full, student


def _export(nb, path: Path, folder: Path, exporters, tables: Mapping[str, object] | None = None) -> ReportPage:
    import copy

    full_exporter, student_exporter = exporters
    title = notebook_title(nb) or path.stem
    page = ReportPage(
        notebook=path.name,
        title=title,
        summary=notebook_summary(nb),
        full=f"{path.stem}.html",
        student=f"{path.stem}.student.html",
    )
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title
    notice = left_out_notice(tables or {}, lexicon_measures(nb))
    if notice:
        _insert_after_title(nb, notice)
    describe_images(nb)
    for exporter, name, version in ((full_exporter, page.full, page_cells(nb, student=False)),
                                    (student_exporter, page.student, student_notebook(nb))):
        resources = {"metadata": {"name": path.stem, "path": str(path.parent)}}
        body, _ = exporter.from_notebook_node(version, resources=resources)
        (folder / name).write_text(body, encoding="utf-8")
    return page


_WARNING_LINE = re.compile(r"^(?:.*?:\d+: )?(?P<what>\w*Warning: .*)$")
"""A warning as Python prints it (``file.py:12: UserWarning: message``), or a line starting ``...Warning:``."""


def strip_warnings(nb) -> list[str]:
    """Take the warnings out of the notebook's error streams; return them, one line each.

    A page is for readers: a ``UserWarning`` printed under a chart (a library saying how it
    drew) means nothing to a student and hides the output.  The warnings are removed from the
    cells' ``stderr`` output, with the source line Python prints under each, and returned so
    that the build can report them; other ``stderr`` text stays.  Modifies ``nb`` in place.

    Returns
    -------
    list of str
        ``"cell N: Category: message"`` for each warning, N counting the notebook's cells from 1
        as executed (the injected parameters cell included).
    """
    found: list[str] = []
    for number, cell in enumerate(nb.cells, 1):
        if cell.cell_type != "code" or not cell.get("outputs"):
            continue
        kept = []
        for output in cell.outputs:
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                text, warned = _split_warnings(output.get("text", ""))
                found += [f"cell {number}: {w}" for w in warned]
                if not text.strip():
                    continue
                output["text"] = text
            kept.append(output)
        cell.outputs = kept
    return found


def _split_warnings(text: str) -> tuple[str, list[str]]:
    """``text`` without its warnings (and the indented source line under each), and the warnings."""
    kept: list[str] = []
    warned: list[str] = []
    in_warning = False
    for line in text.splitlines(keepends=True):
        match = _WARNING_LINE.match(line.rstrip("\n"))
        if match:
            warned.append(match.group("what").strip())
            in_warning = True
        elif in_warning and line.startswith((" ", "\t")):
            continue  # the source line Python prints under a warning
        else:
            in_warning = False
            kept.append(line)
    return "".join(kept), warned


def describe_images(nb) -> int:
    """Give every chart an alternative text: the first sentence of the markdown cell that follows it.

    The notebooks follow every chart with a sentence saying what it shows, so that sentence is the
    description a screen reader needs.  The text goes into the output's ``image/png`` metadata as
    ``alt`` (the offline template writes it out).  Returns the number of images described.
    """
    cells = nb.cells
    described = 0
    for i, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if not images:
            continue
        following = next((c for c in cells[i + 1:] if c.cell_type == "markdown"), None)
        text = _plain(following.source) if following is not None else ""
        sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0] if text else ""
        for output in images:
            meta = output.setdefault("metadata", {}).setdefault("image/png", {})
            if sentence and not meta.get("alt"):
                meta["alt"] = sentence
                described += 1
    return described


# ---------------------------------------------------------------------------------------------------
# who each cell is for: the analyst's page and the student's page

STUDENT_TAG = "student"
"""Cells tagged so are shown on the student page only: plain-language explanations and questions."""

FULL_ONLY_TAGS = frozenset({"analyst", "teacher"})
"""Cells tagged with one of these are shown on the full page only: formulas, method detail, text about code."""

EMPTY_TABLE_KEY = "empty"
"""Key of a code cell's ``metadata["framing"]`` giving the sentence that replaces its table when it is empty."""

EMPTY_DROPS_KEY = "when_empty_drop"
"""Key of a code cell's ``metadata["framing"]``: ids of the cells that describe its table, left out when it is empty."""


def page_cells(nb, *, student: bool):
    """A copy of ``nb`` with the cells of one page: the student page or the full (analyst) page.

    The full page leaves out the cells tagged ``student``; the student page leaves out the cells tagged
    ``analyst`` or ``teacher`` (see :data:`STUDENT_TAG`, :data:`FULL_ONLY_TAGS`).  Untagged cells are on both.
    """
    import copy

    out = copy.copy(nb)
    drop = FULL_ONLY_TAGS if student else frozenset({STUDENT_TAG})
    out.cells = [c for c in nb.cells if not drop & set(_tags(c))]
    return out


def student_notebook(nb):
    """The notebook as the student page shows it: its student cells and outputs readers can read.

    Starting from :func:`page_cells` with ``student=True``, each output of a code cell is kept, changed or
    dropped (code itself is never shown: the student exporter hides every input):

    * charts and other pictures are kept;
    * HTML tables are kept with readable column labels (:func:`student_table_html`); a table with no row
      becomes one sentence, "No ... in these articles." (from the cell's ``metadata["framing"]["empty"]``,
      else from the ``what="..."`` its source passes to ``capped_view``), and the cells whose ids the cell's
      ``metadata["framing"]["when_empty_drop"]`` lists (the sentences that describe the table) are left out;
    * a table's index of row numbers (0, 1, 2 ...) is not shown;
    * other HTML (the side-by-side articles, the renderings) is kept as it is;
    * printed text is kept (the warnings among it are taken out for both pages: :func:`strip_warnings`);
    * an output that is only a Python value's text (a list, a Series, a string in quotes, a widget) is
      dropped: it is the analyst's view of the data, not a sentence.

    Returns a new notebook; ``nb`` is not changed.
    """
    import copy

    out = page_cells(nb, student=True)
    out.cells = [copy.deepcopy(c) for c in out.cells]
    empty_drops: set[str] = set()
    for cell in out.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "stream":  # printed sentences (warnings are taken out before: strip_warnings)
                kept.append(output)
                continue
            if kind not in ("display_data", "execute_result"):
                continue
            data = output.get("data", {})
            if any(k.startswith("image/") for k in data):
                output["data"] = {k: v for k, v in data.items() if k.startswith("image/") or k == "text/plain"}
                kept.append(output)
            elif "text/html" in data:
                text = data["text/html"]
                text = "".join(text) if isinstance(text, list) else text
                shown = student_table_html(text, empty=_empty_sentence(cell))
                if shown.startswith('<p class="framing-empty-table">'):
                    empty_drops.update(cell.get("metadata", {}).get("framing", {}).get(EMPTY_DROPS_KEY, []))
                output["data"] = {"text/html": shown}
                kept.append(output)
        cell.outputs = kept
    out.cells = [c for c in out.cells if c.get("id") not in empty_drops]
    return out


def _empty_sentence(cell) -> str:
    """The sentence that stands for an empty table of ``cell``."""
    given = cell.get("metadata", {}).get("framing", {}).get(EMPTY_TABLE_KEY)
    if given:
        return str(given)
    match = re.search(r"""\bwhat\s*=\s*(["'])(.+?)\1""", cell.get("source", ""))
    what = match.group(2) if match else "rows to show"
    return f"No {what} in these articles."


_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_CELL = re.compile(r"(<(th|td)\b[^>]*>)(.*?)(</\2>)", re.S | re.I)
_BODY_ROW = re.compile(r"<tbody\b[^>]*>\s*<tr\b", re.S | re.I)
_LIST_REPR = re.compile(r"""\[\s*(?:(["'])(?:(?!\1).)*\1\s*(?:,\s*(["'])(?:(?!\2).)*\2\s*)*)?\]""")
_CAP_LINKS = re.compile(r"The full (?:table|page)s? (?:is|are) (.*?) in the built reports\.", re.S)
_MISSING = {"nan", "NaN", "<NA>", "None", "NaT", "nat", "[]", "{}", "()"}


def student_table_html(text: str, *, empty: str = "No rows to show in these articles.") -> str:
    """HTML of a table output made readable for students.

    Every header cell (``<th>``) that is a column name shows its label from
    :func:`framing.present.labels.column_label`; every data cell that is a name in code
    (``scare_quote``) its :func:`~framing.present.labels.value_label`; missing values (NaN, ``<NA>``,
    None) show as an empty cell; ``True`` / ``False`` as "yes" / "no"; a Python list of strings as the
    strings joined by commas.  Cells holding markup are left as they are.  When every table of ``text``
    has a body without rows, the whole output becomes ``<p>`` with ``empty``.  The note under a capped
    table links its full table as "the full table" rather than by its file name.
    """
    tables = _TABLE.findall(text)
    if tables and not any(_BODY_ROW.search(t) for t in tables):
        return f'<p class="framing-empty-table">{html.escape(empty)}</p>'
    text = _TABLE.sub(lambda m: _CELL.sub(_student_cell, _without_row_numbers(m.group(0))), text)
    return _CAP_LINKS.sub(_student_cap_links, text)


_ROW = re.compile(r"<tr\b[^>]*>\s*(<th\b[^>]*>(.*?)</th>)", re.S | re.I)


def _without_row_numbers(table: str) -> str:
    """``table`` without its first column when that column is an unnamed index of row numbers (0, 1, 2 ...)."""
    head, sep, body = table.partition("<tbody")
    rows = _ROW.findall(body)
    if not sep or not rows or len(rows) != len(re.findall(r"<tr\b", body, re.I)):
        return table
    if not all(re.fullmatch(r"\s*\d+\s*", inner) for _, inner in rows):
        return table
    if not all(not re.sub(r"<[^>]+>|&nbsp;", "", inner).strip() for _, inner in _ROW.findall(head)):
        return table
    strip = lambda m: m.group(0).replace(m.group(1), "", 1)  # noqa: E731
    return _ROW.sub(strip, head) + sep + _ROW.sub(strip, body)


def _student_cell(match: re.Match) -> str:
    from framing.present.labels import column_label, value_label

    opening, tag, inner, closing = match.groups()
    if "<" in inner:  # markup of its own: leave it
        return match.group(0)
    value = html.unescape(inner).strip()
    if value in _MISSING:
        shown = ""
    elif value in ("True", "False"):
        shown = "yes" if value == "True" else "no"
    elif _LIST_REPR.fullmatch(value):
        shown = ", ".join(m[1] for m in re.findall(r"""(["'])((?:(?!\1).)*)\1""", value))
    elif tag.lower() == "th":
        shown = column_label(value)
    else:
        shown = value_label(value)
    if shown == value:
        return match.group(0)
    return f"{opening}{html.escape(shown, quote=False)}{closing}"


def _student_cap_links(match: re.Match) -> str:
    links = re.findall(r'<a href="([^"]*)">', match.group(1))
    if not links:
        return match.group(0)
    named = [f'<a href="{href}">the full {"page" if href.endswith(".html") else "table"}</a>' for href in links]
    return "All of them are in " + " and ".join(named) + "."


# ---------------------------------------------------------------------------------------------------
# articles left out of the English word-list measures

LEXICON_METADATA = "lexicon_measures"
"""Key of a notebook's ``metadata["framing"]``: the English word-list measures its page shows.

Its value is a list of names from :data:`framing.core.vocabulary.LEXICON_MEASURES` (``salience``, ``cues``,
``sentiment``, ``summary``); the page then says at its top which articles those measures left out, and why.
"""

_MEASURE_WORDS = {
    "salience": "the word counts",
    "cues": "the hedges and reporting verbs",
    "sentiment": "the tone scores",
    "summary": "the comparisons of the outlets",
}


def lexicon_measures(nb) -> list[str]:
    """The English word-list measures a notebook's page shows (:data:`LEXICON_METADATA`), in its order."""
    framing_meta = nb.metadata.get("framing", {}) or {}
    return [str(m) for m in framing_meta.get(LEXICON_METADATA, [])]


def left_out_notice(tables: Mapping[str, object], measures: Sequence[str]) -> str:
    """HTML of the note at the top of a page: which articles its measures left out, and why.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        The analysis tables; ``excluded`` (articles not in English, one row per article and measure it was
        left out of) and ``skipped`` (files that could not be read) are used.
    measures : sequence of str
        The English word-list measures the page shows (:func:`lexicon_measures`).  No measure, no note.

    Returns
    -------
    str
        ``""`` when the page shows no such measure or no article was left out; otherwise a
        ``<div class="framing-left-out">`` with one sentence per article, every piece of data escaped.
    """
    if not measures:
        return ""
    lines: list[str] = []
    excluded = tables.get("excluded")
    if excluded is not None and len(excluded):
        rows = excluded[excluded["measure"].isin(list(measures))]
        for _, group in rows.groupby("article_id", sort=False):
            first = group.iloc[0]
            name = _article_name(first)
            which = [_MEASURE_WORDS.get(m, str(m)) for m in dict.fromkeys(group["measure"])]
            reason = str(first.get("reason", "") or "").strip().rstrip(".")
            why = f"it is not in English ({reason})" if reason else "it is not in English"
            lines.append(f"{name} is left out of {_in_words_list(which)}: {why}. "
                         "These measures use English word lists.")
    skipped = tables.get("skipped")
    if skipped is not None and len(skipped):
        for _, row in skipped.iterrows():
            name = printable(str(row.get("file", "") or row.get("article_id", "")))
            reason = str(row.get("reason", "") or "").strip().rstrip(".")
            lines.append(f"{name} could not be read, so it is in no measure" + (f": {reason}." if reason else "."))
    if not lines:
        return ""
    items = "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in lines)
    return ('<div class="framing-left-out" style="border-left:4px solid #b26b00;background:#fff8ec;'
            'padding:.5em 1em;margin:.5em 0 1em">'
            f"<p><strong>Articles left out of this page</strong></p><ul>{items}</ul></div>")


def _article_name(row) -> str:
    outlet = str(row.get("outlet", "") or "").strip()
    file = str(row.get("file", "") or row.get("article_id", "")).strip()
    return printable(f"The article of {outlet} ({file})" if outlet else f"The article {file}")


def _in_words_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _insert_after_title(nb, notice_html: str) -> None:
    """Put a markdown cell holding ``notice_html`` right after the notebook's first markdown cell."""
    from nbformat.v4 import new_markdown_cell

    cell = new_markdown_cell(notice_html)
    cell["id"] = "left-out-notice"
    at = next((i + 1 for i, c in enumerate(nb.cells) if c.cell_type == "markdown"), 0)
    nb.cells.insert(at, cell)


# ---------------------------------------------------------------------------------------------------
# what a student page may not show


class _VisibleText(HTMLParser):
    """Visible text of a page, split into prose and table cells (``<style>``, ``<script>``, ``<title>`` left out)."""

    _HIDDEN = frozenset({"style", "script", "title", "head", "template"})
    _BLOCKS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "br", "table", "ul",
                         "ol", "blockquote", "section", "main"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.cell: list[str] | None = None
        self.cells: list[str] = []
        self.prose: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in self._BLOCKS and self.cell is None:
            self.prose.append("\n")

    def handle_endtag(self, tag):
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th") and self.cell is not None:
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag in self._BLOCKS and self.cell is None:
            self.prose.append("\n")

    def handle_data(self, data):
        if self.hidden:
            return
        (self.cell if self.cell is not None else self.prose).append(data)


#: What a student page must not show, with the pattern that finds it in the page's prose (text outside tables).
PROSE_PROBLEMS: dict[str, re.Pattern] = {
    "code": re.compile(r"(?m)^\s*(?:import \w|from [\w.]+ import |def \w+\(|class \w+[(:])|==|!=|"
                       r"\b(?:pd|np|plt|df|ax|fig|explore|plots|views|analysis|corpus)\.\w|\b\w+\.\w+\([^)]*\)|"
                       r"<(?:Figure|matplotlib|IPython|pandas)\b|\bStyler\b"),
    "formula": re.compile(r"\\(?:frac|sqrt|sum|log|ln|alpha|delta|cdot|times|left|right|mathrm|text)\b|"
                          r"\$[^$\n]+\$|[√Σ∑÷≤≥±αδωχ²₂]|\b\w[\w')\]]*\s*=\s*[^\s=]"),
    "raw value": re.compile(r"\bNaN\b|<NA>|\bNaT\b|\bdtype\b|\bName: \w+|\bLength: \d|"
                            r"(?:[=(\[,:]\s*)None\b|\bNone\s*[,)\]]|\b(?:True|False)\b(?!\s+[a-z])"),
    "list or dict": re.compile(r"""\[\s*(["'])[^"'\n]*\1\s*(?:,|\])|\[\s*\d+(?:\.\d+)?\s*,\s*\d|"""
                               r"""\{\s*(["'])[^"'\n]*\2\s*:"""),
    "identifier": re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b|\banalysis\[|\[\s*[\"']\w+[\"']\s*\]"),
}

#: What no table cell of a student page may hold: a raw value, a list or dict, a name in code.
CELL_PROBLEMS: dict[str, re.Pattern] = {
    "raw value": re.compile(r"NaN|<NA>|NaT|None|True|False|nan|\[\]|\{\}|.*\bdtype\b.*"),
    "list or dict": re.compile(r"""\[.*\]|\{\s*(["']).*\1\s*:.*\}"""),
    "identifier": re.compile(r".*\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b.*|.*\banalysis\[.*"),
}


def student_page_problems(page_html: str) -> list[str]:
    """What a student page shows that it should not: code, formulas, raw Python values, names in code.

    The page's visible text is read (nothing inside ``<style>``, ``<script>`` or ``<title>``), prose apart
    from table cells.  The prose is checked against :data:`PROSE_PROBLEMS`: code (imports, calls such as
    ``plots.plot_x(...)``, ``==``), formulas (LaTeX, maths signs such as √ Σ ÷ ≤ ², or an equation
    ``word = something``), raw values (NaN, ``<NA>``, ``dtype``, None or True/False as a value), list and dict
    reprs, and names in code (``counted_as_scare_quote``, ``analysis["cues"]``).  Each table cell is checked
    against :data:`CELL_PROBLEMS`, as a whole: a cell that *is* NaN, None, True, ``[...]``, or holds a name
    in code.  Article text in a cell is not checked for formulas, because articles may hold them.

    Returns
    -------
    list of str
        ``"kind: excerpt"`` for each problem found, in page order (prose first); empty when the page is clean.
    """
    parser = _VisibleText()
    parser.feed(page_html)
    parser.close()
    prose = "".join(parser.prose)
    found: list[str] = []
    for kind, pattern in PROSE_PROBLEMS.items():
        for match in pattern.finditer(prose):
            start, end = max(0, match.start() - 40), min(len(prose), match.end() + 40)
            found.append(f"{kind}: {' '.join(prose[start:end].split())}")
    for cell in parser.cells:
        for kind, pattern in CELL_PROBLEMS.items():
            if pattern.fullmatch(cell):
                found.append(f"{kind} in a table cell: {cell[:120]}")
                break
    return found
