"""Exercise notebooks generated from their solutions.

The solutions are the source: ``notebooks/exercises/solutions/NAME.ipynb``.  In a solution, a cell tagged
``solution`` is the part the student writes; its metadata ``hint`` (a string) is the hint shown in its
place.  :func:`make_exercise` turns a solution into the exercise ``notebooks/exercises/NAME.ipynb``:

* a code cell tagged ``solution`` becomes a "your turn" stub: a comment with the hint and ``...``;
* a markdown cell tagged ``solution`` (a worked answer in words) becomes "*Your answer:*" and the hint;
* every other cell is copied as it is; outputs and execution counts are dropped;
* a first markdown cell says the notebook is generated and from which solution.

``python -m framing.present.exercises`` writes every exercise; ``python -m framing.present.exercises check``
exits 1 naming each exercise that differs from what its solution gives now (the test suite runs the same
comparison).  The report build does not run the exercises.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

SOLUTION_TAG = "solution"
HINT_KEY = "hint"
GENERATED_TAG = "generated-note"
STUB = "..."


def exercises_dir() -> Path:
    """``notebooks/exercises`` of the checkout."""
    from framing.core import paths

    return paths.NOTEBOOK_DIR / "exercises"


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def make_exercise(solution, *, name: str):
    """The exercise notebook of ``solution`` (an ``nbformat`` notebook, not modified); ``name`` is its file name.

    Raises
    ------
    ValueError
        When the solution has no cell tagged ``solution`` (it would give an exercise with nothing to do), or
        a solution cell has no hint.
    """
    import nbformat

    nb = copy.deepcopy(solution)
    cells = []
    stubs = 0
    for cell in nb.cells:
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if SOLUTION_TAG in _tags(cell):
            hint = str(cell.metadata.get(HINT_KEY, "")).strip()
            if not hint:
                raise ValueError(f"{name}: a cell tagged {SOLUTION_TAG!r} has no {HINT_KEY!r} in its metadata")
            hint_lines = "\n".join(f"# {line}" if line else "#" for line in hint.splitlines())
            if cell.cell_type == "code":
                cell.source = f"# Your turn: write the code for this step.\n# Hint:\n{hint_lines}\n{STUB}\n"
            else:
                cell.source = f"*Your answer:*\n\n> Hint: {' '.join(hint.split())}\n"
            cell.metadata = {"tags": ["exercise"], HINT_KEY: hint}
            stubs += 1
        cells.append(cell)
    if not stubs:
        raise ValueError(f"{name}: no cell is tagged {SOLUTION_TAG!r}")
    note = nbformat.v4.new_markdown_cell(
        f"*Exercise generated from `solutions/{name}` by `python -m framing.present.exercises`: edit the solution, "
        "not this file. Cells marked \"Your turn\" are yours to write; the hint says where to start.*")
    note["id"] = "generated-note"
    note.metadata = {"tags": [GENERATED_TAG]}
    nb.cells = [note, *cells]
    nb.metadata.pop("widgets", None)
    return nb


def render(nb) -> str:
    """The notebook as the text written to disk (``nbformat.writes``, with a final newline)."""
    import nbformat

    return nbformat.writes(nb) + "\n"


def generated(folder: str | Path | None = None) -> dict[Path, str]:
    """What every exercise of ``folder`` (default :func:`exercises_dir`) should hold: ``path -> text``."""
    import nbformat

    folder = Path(folder) if folder is not None else exercises_dir()
    out = {}
    for solution in sorted((folder / "solutions").glob("*.ipynb")):
        nb = nbformat.read(solution, as_version=4)
        out[folder / solution.name] = render(make_exercise(nb, name=solution.name))
    return out


def stale(folder: str | Path | None = None) -> list[Path]:
    """The exercises that are missing or differ from what their solution gives now."""
    return [path for path, text in generated(folder).items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text]


def write_all(folder: str | Path | None = None) -> list[Path]:
    """Write every exercise of ``folder`` from its solution; return the paths written."""
    written = []
    for path, text in generated(folder).items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m framing.present.exercises [check] [FOLDER]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = bool(args) and args[0] == "check"
    if check:
        args = args[1:]
    folder = Path(args[0]) if args else None
    if check:
        old = stale(folder)
        for path in old:
            print(f"{path.name} is out of date: run python -m framing.present.exercises", file=sys.stderr)
        return 1 if old else 0
    for path in write_all(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
