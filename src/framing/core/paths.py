"""Where the suite keeps things.  Every other module asks here.

Files the code reads at run time (lexicons, page rules, the report template) are package data,
found with :mod:`importlib.resources`, so an installed wheel works wherever it is installed.
Repository paths remain only for what lives beside the code in a checkout: the notebooks, the
seed event and the default reports folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE_DATA = files("framing") / "data"
LEXICON_DIR = PACKAGE_DATA / "lexicons"
PAGE_RULES_FILE = PACKAGE_DATA / "page_rules.csv"
TEMPLATE_DIR = files("framing") / "templates"

# A checkout of the repository (not an installed wheel): notebooks, the seed event, reports.
REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = REPO_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
SEED_EVENT_DIR = RAW_DIR / "spief-2021-06-04"
NOTEBOOK_DIR = REPO_ROOT / "notebooks"
REPORT_DIR = REPO_ROOT / "reports"
