"""Exercise notebooks are generated from their solutions and kept up to date; both run on the seed event."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing.core import paths
from framing.present import exercises

FOLDER = paths.NOTEBOOK_DIR / "exercises"


def _solution():
    solved = new_code_cell("first = quotes.sort_values('start').head(1)\nfirst",
                           metadata={"tags": ["solution"], "hint": "Sort the quotes by start; keep the first row."})
    solved.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "a table"}, execution_count=3)]
    solved.execution_count = 3
    words = new_markdown_cell("The wire service lets the minister speak first.",
                              metadata={"tags": ["solution"], "hint": "Name the first speaker of each article."})
    setup = new_code_cell("quotes = load()")
    return new_notebook(cells=[new_markdown_cell("# Who speaks first"), setup, solved, words])


def test_solution_cells_become_stubs_with_their_hint_and_the_rest_is_kept():
    exercise = exercises.make_exercise(_solution(), name="who.ipynb")
    cells = exercise.cells
    assert "generated" in cells[0].source and "solutions/who.ipynb" in cells[0].source
    assert cells[1].source == "# Who speaks first" and cells[2].source == "quotes = load()"  # untouched
    stub = cells[3]
    assert "sort_values" not in stub.source  # the answer is gone...
    assert "# Your turn" in stub.source and "# Sort the quotes by start; keep the first row." in stub.source
    assert stub.source.rstrip().endswith("...") and stub.outputs == [] and stub.execution_count is None
    assert "speak first" not in cells[4].source and "Name the first speaker" in cells[4].source
    compile(stub.source, "stub", "exec")  # the stub runs (it does nothing)


def test_a_solution_without_a_tagged_cell_or_without_a_hint_is_refused():
    plain = new_notebook(cells=[new_code_cell("x = 1")])
    with pytest.raises(ValueError, match="no cell is tagged"):
        exercises.make_exercise(plain, name="plain.ipynb")
    hintless = new_notebook(cells=[new_code_cell("x = 1", metadata={"tags": ["solution"]})])
    with pytest.raises(ValueError, match="no 'hint'"):
        exercises.make_exercise(hintless, name="hintless.ipynb")


def test_generation_leaves_the_solution_untouched():
    solution = _solution()
    before = nbformat.writes(solution)
    exercises.make_exercise(solution, name="who.ipynb")
    assert nbformat.writes(solution) == before


def test_every_exercise_is_up_to_date_with_its_solution():
    expected = exercises.generated(FOLDER)
    assert len(expected) >= 3, "the exercises folder should hold its solutions"
    stale = exercises.stale(FOLDER)
    assert stale == [], f"out of date: {[p.name for p in stale]}; run python -m framing.present.exercises"


def test_an_edited_solution_makes_its_exercise_stale(tmp_path):
    (tmp_path / "solutions").mkdir()
    nbformat.write(_solution(), tmp_path / "solutions" / "who.ipynb")
    assert exercises.stale(tmp_path) == [tmp_path / "who.ipynb"]  # not generated yet
    exercises.write_all(tmp_path)
    assert exercises.stale(tmp_path) == []
    assert exercises.main(["check", str(tmp_path)]) == 0
    edited = nbformat.read(tmp_path / "solutions" / "who.ipynb", as_version=4)
    edited.cells[2].metadata["hint"] = "Another hint."
    nbformat.write(edited, tmp_path / "solutions" / "who.ipynb")
    assert exercises.stale(tmp_path) == [tmp_path / "who.ipynb"]
    assert exercises.main(["check", str(tmp_path)]) == 1


def test_the_shipped_solutions_have_solution_cells_and_no_outputs():
    for path in sorted((FOLDER / "solutions").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
        assert tagged, path.name
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name
        assert any("parameters" in c.metadata.get("tags", []) for c in nb.cells), path.name


@pytest.mark.parametrize("path", sorted((FOLDER / "solutions").glob("*.ipynb")) + sorted(FOLDER.glob("*.ipynb")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_solutions_and_exercises_run_on_the_seed_event(path):
    from framing.present.report import run_notebook

    run = run_notebook(path, paths.SEED_EVENT_DIR, timeout=300)
    errors = [o for c in run.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
