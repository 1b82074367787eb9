"""Time the report build.

Compares ``framing report`` (every notebook executed and exported, from one
process) with the same build over as many notebooks that only import the
stack (pandas, matplotlib, nltk, framing): the difference is what the
analysis and the charts cost.

The two builds run in turn, ``--repeat`` pairs, and the ratio is given pair by pair.

Usage: ``python benchmarks/bench_report.py [--repeat 3]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from framing.build import build_all_reports
from framing.core import paths
from framing.present.report import build_reports

IMPORT_ONLY = (
    "import matplotlib.pyplot as plt\nimport nltk\nimport pandas as pd\n\n"
    "import framing.pipeline\nimport framing.present.plots"
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="pairs of builds, run in turn (default 3)")
    args = parser.parse_args()
    n = len(sorted(paths.NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb")))
    full, floor = [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        nb_dir = tmp / "nb"
        nb_dir.mkdir()
        import_only_notebooks(nb_dir, n)
        for i in range(args.repeat):  # in turn, so a drift in the machine's speed hits both alike
            t0 = time.perf_counter()
            build_all_reports(paths.SEED_EVENT_DIR, tmp / f"reports-{i}")
            full.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            build_reports(paths.SEED_EVENT_DIR, tmp / f"imports-{i}", notebooks_dir=nb_dir)
            floor.append(time.perf_counter() - t0)
    ratios = [a / b for a, b in zip(full, floor)]
    print(f"framing report (seed event, {n} notebooks, full + student pages, reading view, tables): "
          f"median {statistics.median(full):6.1f} s")
    print(f"same build over {n} notebooks that only import the stack: median {statistics.median(floor):6.1f} s")
    print(f"ratio, pair by pair: {', '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
