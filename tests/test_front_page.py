"""The front page: the event, the headlines and the differences, escaped, for any folder."""

from __future__ import annotations

import html
from pathlib import Path
from types import SimpleNamespace

import pytest

from framing.compare.differences import differences, salience_line
from framing.pipeline import analyze
from framing.present.front_page import render_front_page

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [SimpleNamespace(full="00-start-here.html", student="00-start-here.student.html", title="Start here",
                         summary="The event, the outlets and what was removed from each page.")]


def _page(analysis, folder):
    return render_front_page(analysis, differences(analysis), PAGES, articles_dir=folder, has_side_by_side=True,
                             salience=salience_line(analysis.terms))


@pytest.fixture(scope="module")
def seed_page():
    analysis = analyze(n_boot=100, n_perm=100)
    return analysis, _page(analysis, Path("spief-2021-06-04"))


def test_seed_front_page_states_the_differences_with_their_sentences(seed_page):
    _, page = seed_page
    text = html.unescape(page)
    assert "hold back Russia's development" in text.replace("\u00a0", " ")
    assert "\u201cPutin\u201d the one who acts" in text and "\u201cRussia, US\u201d the one who acts" in text
    assert "\u201cdamaged\u201d" in text
    assert "\u201cmending\u201d where Press TV has \u201cregularize\u201d" in text
    assert "the hedge \u201cassume\u201d" in text
    # evidence sentences link to their place in the side-by-side view
    assert 'href="side-by-side.html#s-presstv-002"' in page
    assert "compares these articles, not the outlets" in text


def test_article_text_is_escaped(seed_page):
    _, page = seed_page
    assert "<script" not in page.lower()
    assert "&quot;We need to find ways to regularize" in page or "&#x27;regularize&#x27;" in page


def test_no_seed_outlet_or_phrase_on_another_folder():
    folder = FIXTURES / "heldout_units_b"
    analysis = analyze(folder, n_boot=100, n_perm=100)
    text = html.unescape(_page(analysis, folder))
    for seed_word in ("Sputnik", "Press TV", "Putin", "regularize", "Peskov", "Geneva"):
        assert seed_word not in text, seed_word
    for outlet in analysis.corpus.outlets:
        assert outlet in text
