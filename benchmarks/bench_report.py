"""Time the report build.

Compares ``framing report`` (every notebook executed and exported, from one
process) with the same build over as many notebooks that only import the
stack (pandas, matplotlib, nltk, framing): the difference is what the
analysis and the charts cost.

Usage: ``python benchmarks/bench_report.py``
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing import paths
from framing.pipeline import build_all_reports
from framing.report import build_reports

IMPORT_ONLY = (
    "import matplotlib.pyplot as plt\nimport nltk\nimport pandas as pd\n\n"
    "import framing.pipeline\nimport framing.plots"
)


def import_only_notebooks(folder: Path, n: int) -> None:
    for i in range(n):
        nb = new_notebook(cells=[
            new_markdown_cell(f"# Import-only notebook {i}"),
            new_code_cell("ARTICLES_DIR = None", metadata={"tags": ["parameters"]}),
            new_code_cell(IMPORT_ONLY),
        ])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / f"{i:02d}-imports.ipynb")


def main() -> None:
    n = len(sorted(paths.NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb")))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        build_all_reports(paths.SEED_EVENT_DIR, tmp / "reports")
        full = time.perf_counter() - t0

        nb_dir = tmp / "nb"
        nb_dir.mkdir()
        import_only_notebooks(nb_dir, n)
        t0 = time.perf_counter()
        build_reports(paths.SEED_EVENT_DIR, tmp / "imports", notebooks_dir=nb_dir)
        floor = time.perf_counter() - t0
    print(f"framing report (seed event, {n} notebooks, full + student pages, reading view): {full:6.1f} s")
    print(f"same build over {n} notebooks that only import the stack:                      {floor:6.1f} s")
    print(f"analysis, charts and tables add {full - floor:.1f} s ({full / floor:.1f}x the floor)")


if __name__ == "__main__":
    main()
