"""Checks on the committed notebooks.

``python -m framing.notebooks check notebooks`` exits non-zero, naming the
notebook, when a notebook is committed with outputs or execution counts, or
lacks the ``parameters`` cell the report build fills in.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def problems(path: Path) -> list[str]:
    """What is wrong with one notebook file, as one-line messages."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{path}: cannot be read as a notebook ({exc})"]
    found = []
    code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    if any(c.get("outputs") or c.get("execution_count") for c in code):
        found.append(f"{path}: committed with outputs; clear them (Edit > Clear Outputs of All Cells) and save")
    if not any("parameters" in c.get("metadata", {}).get("tags", []) for c in code):
        found.append(f"{path}: has no code cell tagged 'parameters' (ARTICLES_DIR = None)")
    return found


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] != "check":
        print("usage: python -m framing.notebooks check NOTEBOOK_DIR", file=sys.stderr)
        return 2
    paths = sorted(Path(argv[1]).glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        print(f"{argv[1]}: no notebooks found", file=sys.stderr)
        return 1
    found = [msg for p in paths for msg in problems(p)]
    for msg in found:
        print(msg, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
