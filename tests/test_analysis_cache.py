"""One analysis per report build: the notebooks load the build's analysis from a cache keyed by content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing import build, pipeline
from framing.core import paths
from framing.pipeline import analysis_key, load_analysis

THREE = Path(__file__).parent / "fixtures" / "three-outlets"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(pipeline.CACHE_ENV, str(tmp_path / "cache"))
    return Path(shutil.copytree(THREE, tmp_path / "event"))


def test_second_load_reads_the_cache(folder, monkeypatch):
    first = load_analysis(folder)
    monkeypatch.setattr(pipeline, "analyze", lambda *a, **k: pytest.fail("analysed again"))
    second = load_analysis(folder)
    for name, table in first.tables.items():
        assert second.tables[name].equals(table), name
    assert second.corpus.texts == first.corpus.texts


@pytest.mark.parametrize("change", ["edit an article", "add a file", "rename a file", "edit actors"])
def test_any_change_to_the_folder_is_a_new_key(folder, change):
    before = analysis_key(folder)
    article = next(folder.glob("*.txt"))
    if change == "edit an article":
        article.write_bytes(article.read_bytes().replace(b"the", b"The", 1))
    elif change == "add a file":
        (folder / "notes.txt").write_text("x", encoding="utf-8")
    elif change == "rename a file":
        article.rename(folder / "renamed.txt")
    else:
        with (folder / "actors.csv").open("a", encoding="utf-8") as handle:
            handle.write("Someone,Someone\n")
    assert analysis_key(folder) != before


def test_same_content_elsewhere_is_the_same_key(folder, tmp_path):
    assert analysis_key(folder) == analysis_key(Path(shutil.copytree(folder, tmp_path / "copy")))


def test_a_damaged_cache_entry_is_analysed_again(folder):
    load_analysis(folder)
    entry = Path(pipeline.cache_dir()) / f"{analysis_key(folder)}.pickle"
    entry.write_bytes(b"not a pickle")
    again = load_analysis(folder)
    assert len(again.tables["sentences"]) > 0


def test_an_unwritable_cache_still_gives_the_analysis(folder, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(pipeline.CACHE_ENV, str(blocker / "cache"))
    assert len(load_analysis(folder).tables["sentences"]) > 0


def test_report_notebooks_load_the_builds_analysis(tmp_path, monkeypatch):
    """A notebook of the build loads the build's analysis (waiting for it if need be) and never analyses again."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    probe = ("import framing.pipeline as p\n"
             "def refuse(*args, **kwargs):\n    raise AssertionError('analysed again in the kernel')\n"
             "p.analyze = refuse\n"
             "print(len(p.load_analysis(ARTICLES_DIR).tables['sentences']), 'sentences')")
    nb = new_notebook(cells=[new_markdown_cell("# Probe"),
                             new_code_cell("ARTICLES_DIR = None", metadata={"tags": ["parameters"]}),
                             new_code_cell(probe)])
    nbformat.write(nb, notebooks / "01-probe.ipynb")
    monkeypatch.setattr(paths, "NOTEBOOK_DIR", notebooks)
    monkeypatch.setenv(pipeline.CACHE_ENV, str(tmp_path / "user-cache"))  # not the one the build uses
    build.build_all_reports(THREE, tmp_path / "reports")
    page = (tmp_path / "reports" / "01-probe.html").read_text(encoding="utf-8")
    assert re.search(r"<pre>\d+ sentences", page)  # a notebook that analysed again would have failed the build
    assert not (tmp_path / "user-cache").exists()
    written = sorted(p.name for p in (tmp_path / "reports" / "tables").iterdir())
    assert {"actor_sentiment.csv", "articles.csv", "cue_rates.csv", "units.csv", "headlines.csv"} <= set(written)


def test_analysis_tables_are_typed_attributes(folder):
    analysis = load_analysis(folder)
    for name in ("articles", "lines", "sentences", "terms", "cues", "cue_rates", "sentiment", "actor_sentiment",
                 "summary"):
        assert getattr(analysis, name) is analysis.tables[name], name


def test_a_failed_analysis_stops_the_build_instead_of_leaving_notebooks_waiting(tmp_path, monkeypatch):
    """When the build's analysis fails, the notebooks waiting for it stop waiting and the build raises its error."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# Probe"),
                             new_code_cell("ARTICLES_DIR = None", metadata={"tags": ["parameters"]}),
                             new_code_cell("import framing.pipeline as p\np.load_analysis(ARTICLES_DIR)")])
    for name in ("01-probe.ipynb", "02-probe.ipynb", "03-probe.ipynb"):
        nbformat.write(nb, notebooks / name)
    monkeypatch.setattr(paths, "NOTEBOOK_DIR", notebooks)

    def broken(folder):
        raise RuntimeError("the analysis broke")

    monkeypatch.setattr(build, "analyze", broken)
    with pytest.raises(RuntimeError, match="the analysis broke"):
        build.build_all_reports(THREE, tmp_path / "reports")
    assert not (tmp_path / "reports").exists()
