"""Output folders: never a user's files destroyed, all or nothing, one run at a time, spreadsheet-safe cells.

Each refusal goes through ``framing analyze`` and ``framing report`` (exit status 2, one line on
stderr) and must leave every file where it was.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.cli import main
from framing.core.errors import FramingInputError
from framing.core.outputs import (
    MARKER,
    OutputFolder,
    guard_formulas,
    read_table,
    unguard_formulas,
    write_tables,
)

STORY = (
    "Storm Closes the Coastal Road\n\n"
    "The storm closed the coastal road on Monday, officials said.\n\n"
    "\u201cWe had no choice,\u201d the mayor told reporters. Crews will reopen it on Wednesday.\n"
)
OTHER = "Road Shut as Storm Batters the Coast\n\nThe road was shut after a storm battered the coast on Monday.\n"
HEADER = "article_id,outlet,file,published,headline,url,language\n"


def articles_folder(path: Path, outlets=("Coastal Herald", "Valley Courier")) -> Path:
    path.mkdir(parents=True)
    (path / "a.txt").write_text(STORY, encoding="utf-8")
    (path / "b.txt").write_text(OTHER, encoding="utf-8")
    with (path / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        csv.writer(handle, lineterminator="\n").writerows(
            [i, o, f, "2023-11-06", "", "", "en"] for i, o, f in zip("ab", outlets, ("a.txt", "b.txt")))
    return path


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``root`` with its content (None for folders)."""
    return {str(p.relative_to(root)): (None if p.is_dir() else p.read_bytes()) for p in sorted(root.rglob("*"))}


@pytest.fixture
def classroom(tmp_path, monkeypatch):
    """A teacher's class folder: two articles folders and a lesson plan; the current folder."""
    room = tmp_path / "class"
    articles_folder(room / "event1")
    articles_folder(room / "event2", outlets=("Harbour Gazette", "Business Daily"))
    (room / "lesson-plan.txt").write_text("Week 3: framing\n", encoding="utf-8")
    monkeypatch.chdir(room)
    monkeypatch.setenv("HOME", str(tmp_path / "users" / "teacher"))
    (tmp_path / "users" / "teacher").mkdir(parents=True)
    return room


def refused(capsys, argv: list[str], root: Path, expect: str) -> str:
    before = tree(root)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("framing: error: ") and expect in lines[0], err
    assert tree(root) == before
    return lines[0]


@pytest.mark.parametrize("command", ["analyze", "report"])
@pytest.mark.parametrize("out, expect", [
    (".", "is the current folder"),
    ("..", "is a parent of the current folder"),
    ("/", "is the root folder"),
    ("event1", "is inside the articles folder"),
    ("event1/tables", "is inside the articles folder"),
    ("event2", "is inside the articles folder"),
])
def test_output_that_would_replace_a_users_folder_is_refused(classroom, capsys, command, out, expect):
    line = refused(capsys, [command, "event1", "--out", out], classroom.parent, expect)
    assert "choose" in line or "somewhere else" in line


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_home_folder_and_its_parents_are_refused(classroom, capsys, command):
    home = Path(os.environ["HOME"])
    (home / "thesis.docx").write_bytes(b"chapter one")
    refused(capsys, [command, "event1", "--out", str(home)], classroom.parent, "is the home folder")
    refused(capsys, [command, "event1", "--out", str(home.parent)], classroom.parent,
            "contains the home folder")


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_folder_with_a_users_files_is_refused(classroom, capsys, command):
    victim = classroom / "victim"
    (victim / "photos").mkdir(parents=True)
    (victim / "thesis.docx").write_bytes(b"chapter one")
    (victim / "photos" / "a.jpg").write_bytes(b"\xff\xd8")
    line = refused(capsys, [command, "event1", "--out", "victim"], classroom.parent, "did not write")
    assert "photos, thesis.docx" in line


def test_output_that_contains_the_articles_folder_is_refused(classroom, capsys):
    refused(capsys, ["analyze", "class/event1", "--out", "class"], classroom.parent, "contains the articles folder")


def test_earlier_output_with_a_users_file_added_is_refused(classroom, capsys):
    assert main(["analyze", "event1", "--out", "tables"]) == 0
    (classroom / "tables" / "my-notes.txt").write_text("keep", encoding="utf-8")
    capsys.readouterr()
    line = refused(capsys, ["analyze", "event1", "--out", "tables"], classroom.parent, "did not write")
    assert "my-notes.txt" in line and "move them out" in line


def test_new_and_empty_folders_and_earlier_outputs_are_written(classroom, capsys):
    (classroom / "empty").mkdir()
    assert main(["analyze", "event1", "--out", "empty"]) == 0
    assert main(["analyze", "event1", "--out", "new/deeper/tables"]) == 0
    assert main(["analyze", "event2", "--out", "empty"]) == 0  # its own earlier output
    err = capsys.readouterr().err
    assert "(a new folder)" in err and "(replaced the previous tables)" in err
    assert "Harbour Gazette" in (classroom / "empty" / "articles.csv").read_text(encoding="utf-8")
    assert (classroom / "lesson-plan.txt").read_text(encoding="utf-8") == "Week 3: framing\n"


def test_tables_the_new_run_does_not_write_are_gone(tmp_path):
    out = tmp_path / "out"
    write_tables({"a": pd.DataFrame({"x": [1]}), "actor_sentiment": pd.DataFrame({"x": [2]})}, out)
    write_tables({"a": pd.DataFrame({"x": [3]})}, out)
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "a.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging, lock or old folder left


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path):
    out = tmp_path / "out"
    write_tables({"a": pd.DataFrame({"x": [1]})}, out)
    (tmp_path / ".framing-staging-out-k1l2").mkdir()
    (tmp_path / ".framing-staging-out-k1l2" / "a.csv").write_text("half")
    (tmp_path / ".framing-old-out-m3n4").mkdir()
    (out / ".framing-tmp-old1").mkdir()  # what earlier versions left inside the folder
    (tmp_path / ".framing-staging-other-z9").mkdir()  # another output's: not this run's business
    write_tables({"a": pd.DataFrame({"x": [2]})}, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".framing-staging-other-z9", "out"]
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "a.csv"]


def test_a_swap_killed_halfway_is_put_back(tmp_path):
    out = tmp_path / "out"
    write_tables({"a": pd.DataFrame({"x": [1]})}, out)
    os.rename(out, tmp_path / ".framing-old-out-q7")  # killed between the two renames of a swap
    with pytest.raises(FramingInputError), OutputFolder(out, kind="tables"):
        raise FramingInputError(out, "the new run fails")
    assert (out / "a.csv").read_text(encoding="utf-8") == "x\n1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_writes(tmp_path, capsys):
    folder = articles_folder(tmp_path / "event")
    out = tmp_path / "out"
    write_tables({"a": pd.DataFrame({"x": [1]})}, out)
    with OutputFolder(out, kind="tables", inputs=[folder]) as staging:
        (staging / "a.csv").write_text("x\n1\n", encoding="utf-8")
        code = main(["analyze", str(folder), "--out", str(out)])
        err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert f"(process {os.getpid()}) is writing to this folder; wait for it to finish" in err
    assert (out / "a.csv").read_text(encoding="utf-8") == "x\n1\n"
    assert main(["analyze", str(folder), "--out", str(out)]) == 0  # the lock went with the first run


def test_failure_while_building_leaves_the_old_folder_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    write_tables({"a": pd.DataFrame({"x": [1]})}, out)
    before = tree(tmp_path)
    with pytest.raises(RuntimeError), OutputFolder(out, kind="tables") as staging:
        (staging / "a.csv").write_text("new")
        raise RuntimeError("disk died")
    assert tree(tmp_path) == before


# --- spreadsheet-safe cells --------------------------------------------------------------------------------

HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tlead",
           "\rlead", "'=already", "''+x"]


def test_formula_cells_get_an_apostrophe_and_numbers_stay_numbers():
    df = pd.DataFrame({"text": HOSTILE + ["-3", "+1.5", "plain", "e=mc2", "'quoted'"],
                       "n": range(13), "x": [-0.5] * 13})
    safe = guard_formulas(df)
    assert list(safe["text"]) == ["'" + v for v in HOSTILE] + ["-3", "+1.5", "plain", "e=mc2", "'quoted'"]
    assert safe["n"].tolist() == list(range(13)) and safe["x"].tolist() == [-0.5] * 13
    assert unguard_formulas(safe).equals(df)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("=+-@'\t\rab1. "), max_size=6), min_size=1, max_size=5))
def test_guarding_is_lossless_and_leaves_no_formula(values):
    df = pd.DataFrame({"t": values})
    safe = guard_formulas(df)
    assert unguard_formulas(safe)["t"].tolist() == values
    for v in safe["t"]:
        number = v.strip() != "" and v.lstrip("+-").replace(".", "", 1).isdigit()
        assert v[:1] not in ("=", "+", "-", "@", "\t", "\r") or number


def test_analyze_writes_safe_cells_and_the_suite_reads_them_back_exactly(tmp_path, capsys):
    folder = articles_folder(tmp_path / "event", outlets=("=HYPERLINK(\"http://evil\")", "@Valley"))
    out, exact = tmp_path / "out", tmp_path / "exact"
    assert main(["analyze", str(folder), "--out", str(out)]) == 0
    assert main(["analyze", str(folder), "--out", str(exact), "--exact-text"]) == 0
    raw = (out / "articles.csv").read_text(encoding="utf-8")
    assert "\"'=HYPERLINK(\"\"http://evil\"\")\"" in raw and ",'@Valley," in raw
    for name in ("sentences", "cues", "sentiment", "terms"):
        cells = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)["outlet"]
        assert not cells.str.match(r"[=+\-@]").any(), name
    back = read_table(out / "articles.csv")
    assert back["outlet"].tolist() == ["=HYPERLINK(\"http://evil\")", "@Valley"]
    assert read_table(out / "sentences.csv").equals(pd.read_csv(exact / "sentences.csv", keep_default_na=False,
                                                                na_values=[""]))
    assert "=HYPERLINK" in (exact / "articles.csv").read_text(encoding="utf-8").splitlines()[1][:20]


# --- interrupts and kills at several points ----------------------------------------------------------------

# Runs `framing analyze` in a child process and stops it at a chosen point: `signal` is sent by the
# process to itself when the point is reached (KILL for a hard kill).
CHILD = r"""
import os, signal, sys
from framing import pipeline
from framing.core import outputs
from framing.cli import main
point, sig = sys.argv[1], getattr(signal, "SIG" + sys.argv[2])
def stop():
    os.kill(os.getpid(), sig)
if point == "analysis":
    real_analyze = pipeline.analyze
    def analyze(*a, **k):
        stop()
        return real_analyze(*a, **k)
    pipeline.analyze = analyze
elif point == "writing":
    real_write, n = outputs.write_csv, []
    def write_csv(*a, **k):
        n.append(1)
        if len(n) == 3:
            stop()
        return real_write(*a, **k)
    outputs.write_csv = write_csv
elif point in ("swap", "after-swap"):
    real_swap = outputs._swap_in
    def swap(new, target):
        if point == "swap":
            stop()
        old = real_swap(new, target)
        if point == "after-swap":
            stop()
        return old
    outputs._swap_in = swap
sys.exit(main(sys.argv[3:]))
"""


@pytest.mark.parametrize("point", ["analysis", "writing", "swap", "after-swap"])
@pytest.mark.parametrize("sig, status", [("INT", 130), ("TERM", 143), ("KILL", -9)])
def test_analyze_stopped_anywhere_leaves_old_or_new_output_whole(tmp_path, point, sig, status):
    folder = articles_folder(tmp_path / "event", outlets=("Coastal Herald", "Valley Courier"))
    out = tmp_path / "out"
    write_tables({"articles": pd.DataFrame({"old": [1]}), "stale": pd.DataFrame({"old": [2]})}, out)
    old = tree(out)
    run = subprocess.run([sys.executable, "-c", CHILD, point, sig, "analyze", str(folder), "--out", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == status, run.stderr
    if sig != "KILL":
        assert run.stderr.strip().splitlines()[-1].startswith("framing: interrupted; "), run.stderr
        assert "Traceback" not in run.stderr
    if sig == "KILL":  # the next run cleans up and puts back what a killed swap took away
        assert subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(folder), "--out", str(out)],
                              capture_output=True, timeout=120).returncode == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == ["event", "out"]
        assert "stale.csv" not in os.listdir(out)
        return
    if point in ("swap", "after-swap"):  # a swap under way is finished first: the new output is whole
        assert "new tables were already complete" in run.stderr
        assert "stale.csv" not in os.listdir(out) and "sentences.csv" in os.listdir(out)
    else:
        assert "was left as it was" in run.stderr
        assert tree(out) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["event", "out"]


REPORT_CHILD = r"""
import sys
from framing.core import paths
from framing.cli import main
paths.NOTEBOOK_DIR = type(paths.NOTEBOOK_DIR)(sys.argv[1])
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("sig, status", [(2, 130), (15, 143)])
def test_report_interrupted_while_a_notebook_runs(tmp_path, sig, status):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# Slow"),
                             new_code_cell("ARTICLES_DIR = None", metadata={"tags": ["parameters"]}),
                             new_code_cell("print('started', flush=True)\nimport time\ntime.sleep(60)")])
    nbformat.write(nb, notebooks / "01-slow.ipynb")
    folder = articles_folder(tmp_path / "event")
    out = tmp_path / "reports"
    with OutputFolder(out, kind="reports") as earlier:
        (earlier / "index.html").write_text("the reports of last week", encoding="utf-8")
    before = tree(out)
    child = subprocess.Popen([sys.executable, "-c", REPORT_CHILD, str(notebooks), "report", str(folder), "--out",
                              str(out)], stderr=subprocess.PIPE, text=True)
    seen = []
    for line in child.stderr:
        seen.append(line)
        if "running 01-slow.ipynb" in line:
            break
    import time

    time.sleep(6)  # the kernel starts and enters the slow cell
    child.send_signal(sig)
    rest = child.stderr.read()
    assert child.wait(timeout=60) == status, "".join(seen) + rest
    assert rest.strip().splitlines()[-1] == f"framing: interrupted; {out} was left as it was", rest
    assert "Traceback" not in rest and "AssertionError" not in rest
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["event", "notebooks", "reports"]
