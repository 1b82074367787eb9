"""The front page and the two reading views in headless Chromium: every evidence link lands on its sentence.

Two folders are checked:

* the seed event's built reports, in ``$FRAMING_REPORTS_DIR`` (default ``<repo>/reports``; ``make browser``
  builds them first), skipped when absent;
* the fourteen-outlet fixture (``tests/fixtures/many-outlets``), whose front page and reading views this
  file writes itself with the build's own functions (a full report build of it, notebooks and all, takes
  minutes).

Each front page is screenshot to ``<reports>/screenshots/front-<folder>.png`` (full page, 1400 px wide),
with the many-outlet reading views next to it.  A page must log no console error, raise no page error and
request nothing but local files.  Without Chromium the tests skip, except under ``CI`` where a missing
browser is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from framing.core import paths

ALLOWED_SCHEMES = ("file:", "data:", "about:blank")
MANY_OUTLETS = paths.REPO_ROOT / "tests" / "fixtures" / "many-outlets"
WIDTH = 1400


@pytest.fixture(scope="module")
def seed_reports() -> Path:
    folder = Path(os.environ.get("FRAMING_REPORTS_DIR") or paths.REPORT_DIR).resolve()
    if not (folder / "index.html").is_file():
        pytest.skip(f"no built reports in {folder} (run `make report` first, or set FRAMING_REPORTS_DIR)")
    return folder


@pytest.fixture(scope="module")
def many_reports(tmp_path_factory) -> Path:
    """Front page, side-by-side and aligned views of the fourteen-outlet fixture, made as the build makes them."""
    from framing.build import write_front_page
    from framing.compare.differences import differences
    from framing.pipeline import analyze
    from framing.present.reading_view import reading_view_pages

    out = tmp_path_factory.mktemp("many-outlets")
    analysis = analyze(MANY_OUTLETS)
    for name, text in reading_view_pages(analysis).items():
        (out / name).write_text(text, encoding="utf-8")
    write_front_page(analysis, differences(analysis), [], out, MANY_OUTLETS)
    return out


def screenshot_folder(request) -> Path | None:
    """``<reports>/screenshots`` of the seed reports when they are built, else None."""
    folder = Path(os.environ.get("FRAMING_REPORTS_DIR") or paths.REPORT_DIR).resolve()
    return folder / "screenshots" if (folder / "index.html").is_file() else None


class Watched:
    """A page that records console errors, page errors and any request that is not a local file."""

    def __init__(self, browser, height: int = 1000):
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": WIDTH, "height": height})
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("request", lambda r: None if r.url.startswith(ALLOWED_SCHEMES)
                     else self.problems.append(f"request to {r.url}"))
        self.page.route(re.compile(r"^(https?|wss?|ftp)://"), lambda route: route.abort())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.page.close()


def evidence_links(page) -> list[str]:
    return page.eval_on_selector_all('a[href^="side-by-side.html#"]', "links => links.map(a => a.getAttribute('href'))")


TARGET_STATE = """() => {
  const t = document.querySelector(':target');
  if (!t) return null;
  const r = t.getBoundingClientRect();
  const col = t.closest('article.col');
  const note = col && col.querySelector('.target-note');
  return {id: t.id, shown: t.offsetParent !== null, top: r.top, bottom: r.bottom, height: innerHeight,
          background: getComputedStyle(t).backgroundColor, outlet: col && col.dataset.outlet,
          note: note ? getComputedStyle(note).display : null};
}"""


def follow_every_link(browser, folder: Path) -> list[dict]:
    """Open each evidence link of the front page; return what the browser shows at each one."""
    states = []
    with Watched(browser) as front:
        front.page.goto((folder / "index.html").as_uri(), wait_until="load")
        links = evidence_links(front.page)
        assert not front.problems, front.problems
    assert links, "the front page links no sentence"
    with Watched(browser) as side:
        for href in links:
            side.page.goto((folder / href.split("#")[0]).as_uri() + "#" + href.split("#", 1)[1], wait_until="load")
            state = side.page.evaluate(TARGET_STATE)
            assert state is not None, f"{href}: no element has that id"
            assert state["id"] == unquote(href.split("#", 1)[1])
            states.append(state | {"href": href})
        assert not side.problems, side.problems
    return states


def assert_reachable(states: list[dict]) -> None:
    for state in states:
        assert state["shown"], f"{state['href']}: the sentence is in a hidden column"
        assert 0 <= state["top"] < state["height"] and state["bottom"] > 0, f"{state['href']}: not scrolled into view"
        assert state["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), f"{state['href']}: not highlighted"


def screenshot(browser, path: Path, target: Path | None) -> list[str]:
    with Watched(browser) as watched:
        watched.page.goto(path.as_uri(), wait_until="load")
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            watched.page.screenshot(path=str(target), full_page=True)
        return watched.problems


def test_seed_front_page_is_clean_and_its_differences_land_on_their_sentences(browser, seed_reports):
    assert screenshot(browser, seed_reports / "index.html", seed_reports / "screenshots" / "front-seed.png") == []
    states = follow_every_link(browser, seed_reports)
    assert_reachable(states)
    # The seed's differences cite sentences of both articles; every one of them is found.
    assert {s["outlet"] for s in states} == {"0", "1"}
    with Watched(browser) as front:
        front.page.goto((seed_reports / "index.html").as_uri(), wait_until="load")
        statements = front.page.locator("ol.differences > li").count()
        with_links = front.page.locator("ol.differences > li:has(a.sid)").count()
    assert statements >= 5 and with_links >= 5  # at least five differences, each with linked evidence


def test_many_outlet_front_page_links_reach_columns_the_picker_hides(browser, many_reports, request):
    shots = screenshot_folder(request) or many_reports / "screenshots"
    for name, shot in (("index.html", "front-many-outlets.png"), ("side-by-side.html", "side-by-side-many-outlets.png"),
                       ("aligned.html", "aligned-many-outlets.png")):
        assert screenshot(browser, many_reports / name, shots / shot) == [], name
    states = follow_every_link(browser, many_reports)
    assert_reachable(states)
    # The page opens on outlets 0 and 1; a link into any other column shows that column too, saying why.
    hidden = [s for s in states if s["outlet"] not in ("0", "1")]
    assert hidden, "no link points past the two columns the page opens on"
    assert all(s["note"] == "block" for s in hidden)
    assert all(s["note"] == "none" for s in states if s["outlet"] in ("0", "1"))


def test_without_a_target_the_picker_shows_just_the_two_chosen_columns(browser, many_reports):
    with Watched(browser) as watched:
        watched.page.goto((many_reports / "side-by-side.html").as_uri(), wait_until="load")
        shown = watched.page.eval_on_selector_all("article.col", "cs => cs.filter(c => c.offsetParent).length")
        assert shown == 2
        assert watched.problems == []


def test_many_outlet_aligned_view_compares_any_two_outlets(browser, many_reports):
    with Watched(browser, height=900) as watched:
        page = watched.page
        page.goto((many_reports / "aligned.html").as_uri(), wait_until="load")
        visible_cells = ("() => Array.from(document.querySelectorAll('.unit-row:not(.head)'))"
                         ".filter(r => r.offsetParent).map(r => [r.dataset.unit,"
                         " Array.from(r.querySelectorAll('.cell')).filter(c => c.offsetParent)"
                         ".sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)"
                         ".map(c => c.dataset.outlet)])")  # as drawn, left to right
        for left, right in ((0, 1), (9, 4)):
            page.click(f'label[for="left-{left}"]')
            page.click(f'label[for="right-{right}"]')
            rows = page.evaluate(visible_cells)
            assert rows
            classes = dict(page.eval_on_selector_all(".unit-row:not(.head)",
                                                     "rs => rs.map(r => [r.dataset.unit, r.className])"))
            for unit, cells in rows:
                assert cells == [str(left), str(right)], unit  # the two chosen outlets, left then right
                told = {c[4:] for c in classes[unit].split() if c.startswith("has-")}
                assert told & {str(left), str(right)}, unit  # only rows one of them tells
            hidden = [u for u, c in classes.items() if not {f"has-{left}", f"has-{right}"} & set(c.split())]
            assert hidden and not {u for u, _ in rows} & set(hidden)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH  # no sideways scrolling
        assert watched.problems == []


def test_footnotes_are_folded_on_screen_and_printed(browser, many_reports):
    with Watched(browser) as watched:
        page = watched.page
        page.goto((many_reports / "side-by-side.html").as_uri(), wait_until="load")
        first = "article.col[data-outlet='0'] .footnotes"
        assert page.eval_on_selector(first, "e => getComputedStyle(e).display") == "none"
        page.click("article.col[data-outlet='0'] .notes > label")
        assert page.eval_on_selector(first, "e => getComputedStyle(e).display") == "block"
        page.emulate_media(media="print")
        page.reload(wait_until="load")
        assert page.eval_on_selector(first, "e => getComputedStyle(e).display") == "block"
        assert watched.problems == []
