"""Keep the project's notebooks committed without outputs.

``python -m framing.notebooks check notebooks`` exits non-zero, naming the
notebook, when a notebook is committed with outputs, execution counts or saved
widget state, or lacks the ``parameters`` cell the report build fills in.

Two layers keep outputs out of git without failing on a user's own runs:

* **Saving strips.** ``make lab`` starts JupyterLab with the settings in
  ``jupyter-config/``, which load this module as a Jupyter server extension.
  It registers :func:`strip_on_save` as a pre-save hook, so a notebook under
  ``notebooks/`` is written to disk without outputs, execution counts or
  widget state however often it is run and saved. The open tab keeps showing
  its outputs until the notebook is reopened.
* **The check reads what is committed.** When the folder is in a git
  checkout, each notebook git tracks is read from git's index (the version
  ``git show :path`` prints): what the next commit will hold, and in a fresh
  clone, as on CI, exactly what is committed. Outputs that exist only in a
  working file (a notebook run in another editor and not staged) therefore
  never fail the check; outputs that are staged or committed always do.
  A notebook git does not track yet is checked as the working file, since
  that is what adding it would commit. Outside a git checkout, or without
  git, every working file is checked.
"""

from __future__ import annotations

import fnmatch
import json
import posixpath
import subprocess
import sys
from pathlib import Path
from typing import Any

NOTEBOOK_PATTERN = "[0-9][0-9]-*.ipynb"

# The project's notebooks, as a Jupyter contents path: relative to the folder
# the server serves, which ``make lab`` sets to the repository root.
NOTEBOOK_FOLDER = "notebooks"

CLEAR_HINT = "clear them (Edit > Clear Outputs of All Cells) and save, or save it from `make lab`, which strips them"


def strip_outputs(notebook: dict[str, Any]) -> None:
    """Remove, in place, what running a notebook adds to its nbformat-4 dict.

    Every code cell gets ``outputs = []`` and ``execution_count = None``; the
    run timings JupyterLab may record in a cell's ``metadata.execution`` and
    the widget state in the notebook's ``metadata.widgets`` are removed.
    Sources, cell ids, tags and the kernel metadata are kept.
    """
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell.get("metadata", {}).pop("execution", None)
    notebook.get("metadata", {}).pop("widgets", None)


def in_notebook_folder(path: str) -> bool:
    """Whether a Jupyter contents path names a notebook under the project's ``notebooks/`` folder."""
    parts = posixpath.normpath(path.strip("/")).split("/")
    return len(parts) > 1 and parts[0] == NOTEBOOK_FOLDER and path.endswith(".ipynb")


def strip_on_save(model: dict[str, Any], path: str, **kwargs: Any) -> None:
    """Jupyter server pre-save hook: strip the outputs of the project's notebooks.

    Called by the server's contents manager with the model about to be
    written (``model["content"]`` is the notebook as a dict) and its contents
    path. Notebooks under ``notebooks/`` are stripped with
    :func:`strip_outputs`; every other file is written as it is.
    """
    content = model.get("content")
    if model.get("type") == "notebook" and isinstance(content, dict) and in_notebook_folder(path):
        strip_outputs(content)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    # Added to the server's hooks, so a pre_save_hook of the user's own still runs.
    serverapp.contents_manager.register_pre_save_hook(strip_on_save)


def problems_in(nb: dict[str, Any], where: str, *, fix: str = CLEAR_HINT) -> list[str]:
    """What is wrong with one parsed notebook, as one-line messages starting with ``where``."""
    found = []
    code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    if any(c.get("outputs") or c.get("execution_count") for c in code) or "widgets" in nb.get("metadata", {}):
        found.append(f"{where}: committed with outputs; {fix}")
    if not any("parameters" in c.get("metadata", {}).get("tags", []) for c in code):
        found.append(f"{where}: has no code cell tagged 'parameters' (ARTICLES_DIR = None)")
    return found


def problems(path: Path) -> list[str]:
    """What is wrong with one notebook file, as one-line messages."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{path}: cannot be read as a notebook ({exc})"]
    if not isinstance(nb, dict):
        return [f"{path}: cannot be read as a notebook (not a JSON object)"]
    return problems_in(nb, str(path))


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        run = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return run if run.returncode == 0 else None


def staged_blobs(folder: Path) -> dict[str, str] | None:
    """The notebooks of ``folder`` in git's index, as ``{file name: blob id}``.

    ``None`` when ``folder`` is not in a git checkout or git cannot be run.
    Notebooks with an unresolved merge conflict are left out (their working
    file is checked instead).
    """
    inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.stdout.strip() != b"true":
        return None
    listing = _git(folder, "ls-files", "--stage", "-z", "--", ".")
    if listing is None:
        return None
    blobs = {}
    for entry in listing.stdout.decode("utf-8", "surrogateescape").split("\0"):
        info, _, name = entry.partition("\t")
        fields = info.split()
        if len(fields) == 3 and fields[2] == "0" and "/" not in name and fnmatch.fnmatch(name, NOTEBOOK_PATTERN):
            blobs[name] = fields[1]
    return blobs


def committed_problems(folder: Path, name: str, blob: str) -> list[str]:
    """What is wrong with the version of ``folder/name`` in git's index."""
    where = f"{folder / name} (the version in git)"
    shown = _git(folder, "cat-file", "blob", blob)
    if shown is None:
        return [f"{where}: cannot be read from git"]
    try:
        nb = json.loads(shown.stdout.decode("utf-8"))
    except ValueError as exc:
        return [f"{where}: cannot be read as a notebook ({exc})"]
    if not isinstance(nb, dict):
        return [f"{where}: cannot be read as a notebook (not a JSON object)"]
    return problems_in(nb, where, fix=f"{CLEAR_HINT}; then `git add` it")


def check(folder: Path) -> list[str]:
    """Every problem of the notebooks in ``folder``: the committed version where git has one, else the file."""
    blobs = staged_blobs(folder) or {}
    names = sorted(set(blobs) | {p.name for p in folder.glob(NOTEBOOK_PATTERN)})
    if not names:
        return [f"{folder}: no notebooks found"]
    return [
        msg
        for name in names
        for msg in (committed_problems(folder, name, blobs[name]) if name in blobs else problems(folder / name))
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] != "check":
        print("usage: python -m framing.notebooks check NOTEBOOK_DIR", file=sys.stderr)
        return 2
    found = check(Path(argv[1]))
    for msg in found:
        print(msg, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
