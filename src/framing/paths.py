"""Where the suite keeps things.  Every other module asks here."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent
DATA_DIR = REPO_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
LEXICON_DIR = DATA_DIR / "lexicons"
SEED_EVENT_DIR = RAW_DIR / "spief-2021-06-04"
NOTEBOOK_DIR = REPO_ROOT / "notebooks"
REPORT_DIR = REPO_ROOT / "reports"
TEMPLATE_DIR = PACKAGE_DIR / "templates"
PAGE_RULES_FILE = PACKAGE_DIR / "data" / "page_rules.csv"
