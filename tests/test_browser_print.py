"""Print the teaching pack in headless Chromium: A4 and Letter, page counts, nothing clipped, greyscale, offline.

Two packs are printed:

* the seed event's pack, built here into a temporary folder (always, so printing is always exercised);
* the pack of the project's built reports, ``$FRAMING_REPORTS_DIR/teaching`` (default ``<repo>/reports``),
  when it is there (``make browser`` builds it first).

Without Chromium the tests skip, except under ``CI`` where a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from framing.core import paths
from framing.present import teaching

#: Printable width of the narrower paper: A4 is 210 mm wide, the pages' margins 15 mm each side -> 180 mm,
#: 680 CSS pixels at 96 per inch (Letter, 216 mm, leaves 186 mm).
PRINT_WIDTH_PX = 680
PAPER = ("A4", "Letter")
#: Most pages a pack page may take (the worksheet of the seed event: two A4 pages).
MOST_PAGES = {teaching.WORKSHEET: 2, teaching.LESSON_PLAN: 3, teaching.GLOSSARY: 4, teaching.ANSWER_KEY: 4,
              teaching.CODING_SHEET: 4}


@pytest.fixture(scope="module")
def seed_pack(tmp_path_factory) -> Path:
    from framing.pipeline import analyze

    analysis = analyze(paths.SEED_EVENT_DIR)
    folder = tmp_path_factory.mktemp("pack")
    teaching.write_teaching_pack(analysis, analysis.differences, folder, articles_dir=paths.SEED_EVENT_DIR)
    return folder / teaching.TEACHING_FOLDER


def built_pack() -> Path | None:
    reports = Path(os.environ.get("FRAMING_REPORTS_DIR") or paths.REPORT_DIR)
    folder = reports / teaching.TEACHING_FOLDER
    return folder if (folder / teaching.WORKSHEET).is_file() else None


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF Chromium wrote: its page objects (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


CLIPPED = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') out.push(el.tagName + ': scrolls');
    const box = el.getBoundingClientRect();
    if (box.right > document.documentElement.clientWidth + 1) out.push(el.tagName + ': runs off the page');
    if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'TABLE' && el.children.length === 0)
      out.push(el.tagName + ': text wider than its box: ' + el.textContent.slice(0, 40));
  }
  return out;
}"""

COLOURS = """() => {
  const out = [];
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  for (const el of document.querySelectorAll('body *')) {
    if (!el.textContent.trim()) continue;
    const [r, g, b] = rgb(getComputedStyle(el).color);
    if (!(r === g && g === b)) out.push(el.tagName + ' has coloured text ' + getComputedStyle(el).color);
    else if (r > 120) out.push(el.tagName + ' has light text ' + getComputedStyle(el).color);
  }
  return out;
}"""

BREAKS = """() => ['p', 'li', 'tr', 'blockquote'].flatMap(tag => Array.from(document.querySelectorAll(tag)))
  .filter(el => getComputedStyle(el).breakInside !== 'avoid').map(el => el.tagName)"""


def print_pack(browser, folder: Path) -> dict[str, dict]:
    """Open and print every page of the pack in ``folder``; what was found on each."""
    found = {}
    page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "about:"))
            else None)
    page.route(re.compile(r"^(https?|wss?|ftp)://"), lambda route: route.abort())
    for name in teaching.PAGES:
        page.goto((folder / name).resolve().as_uri())
        page.emulate_media(media="print")
        found[name] = {
            "pages": {paper: pdf_pages(page.pdf(format=paper, print_background=False)) for paper in PAPER},
            "clipped": page.evaluate(CLIPPED),
            "colours": page.evaluate(COLOURS),
            "breaks": page.evaluate(BREAKS),
        }
        page.emulate_media(media="screen")
    found["requests"] = requests
    page.close()
    return found


def check(found: dict, *, seed: bool) -> None:
    assert found.pop("requests") == []
    for name, seen in found.items():
        for paper, n in seen["pages"].items():
            assert 1 <= n <= MOST_PAGES[name], f"{name} prints on {n} {paper} pages"
        assert seen["clipped"] == [], f"{name}: {seen['clipped'][:5]}"
        assert seen["colours"] == [], f"{name}: {seen['colours'][:5]}"
        assert seen["breaks"] == [], f"{name}: these can break across pages: {sorted(set(seen['breaks']))}"
    if seed:
        assert found[teaching.WORKSHEET]["pages"]["A4"] <= 2


def test_the_seed_pack_prints_on_a4_and_letter(browser, seed_pack):
    check(print_pack(browser, seed_pack), seed=True)


def test_the_built_reports_pack_prints_on_a4_and_letter(browser):
    folder = built_pack()
    if folder is None:
        pytest.skip("no built reports with a teaching pack (make report builds them)")
    import pandas as pd

    table = folder.parent / "tables" / "articles.csv"
    built_ids = set(pd.read_csv(table, dtype=str)["article_id"]) if table.is_file() else set()
    seed = built_ids == set(pd.read_csv(paths.SEED_EVENT_DIR / "articles.csv", dtype=str)["article_id"])
    check(print_pack(browser, folder), seed=seed)


def test_the_checks_see_a_clipped_coloured_page(browser, tmp_path):
    """Negative example: a page with a too-wide unbreakable line, red text and a row free to split is caught."""
    for name in teaching.PAGES:
        (tmp_path / name).write_text(
            "<!DOCTYPE html><html><head><style>p { white-space: nowrap; overflow: hidden; color: #c00; }"
            "</style></head><body><p>" + "wide " * 300 + "</p><table><tr><td>row</td></tr></table></body></html>",
            encoding="utf-8")
    found = print_pack(browser, tmp_path)
    found.pop("requests")
    seen = found[teaching.WORKSHEET]
    assert seen["clipped"] and seen["colours"] and "TR" in seen["breaks"]
