"""Shared test fixtures: headless Chromium for the browser tests."""

from __future__ import annotations

import os
import shutil

import pytest


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _missing(reason: str):
    if _on_ci():
        pytest.fail(f"{reason} (CI is set, so this is an error, not a skip)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """Chromium through Playwright; a skip without it, except under ``CI`` where a missing browser is a failure."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        _missing("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        yield chromium
        chromium.close()
