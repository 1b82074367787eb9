"""Headlines: subject, actors, evaluative words and quotation marks, by rule."""

from __future__ import annotations

import pytest

from framing.core import paths
from framing.load.corpus import load_corpus
from framing.measures import alignment as al
from framing.measures import headlines as hl


@pytest.fixture(scope="module")
def seed_table():
    corpus = load_corpus(paths.SEED_EVENT_DIR)
    units = al.align(corpus.sentences, quotes=corpus.quotes, actors=corpus.actors).unit_sentences
    table = hl.headline_table(corpus.sentences, quotes=corpus.quotes, actors=corpus.actors, unit_sentences=units)
    return table.set_index("article_id")


def test_seed_headline_subjects_differ(seed_table):
    assert seed_table.loc["presstv", "subject"] == "Putin"
    assert seed_table.loc["presstv", "subject_actors"] == "Vladimir Putin"
    assert seed_table.loc["sputnik", "subject"] == "Russia, US"
    assert seed_table.loc["sputnik", "subject_actors"] == "Russia; United States"


def test_seed_damaged_is_press_tvs_alone(seed_table):
    assert "damaged" in seed_table.loc["presstv", "evaluative_words"].split("; ")
    assert "damaged" not in seed_table.loc["sputnik", "evaluative_words"].split("; ")
    assert "mend" in seed_table.loc["sputnik", "evaluative_words"].split("; ")


def test_seed_regularize_is_a_partial_quote(seed_table):
    assert seed_table.loc["presstv", "quote_marks"] == "'regularize' (partial)"
    assert seed_table.loc["sputnik", "quote_marks"] == ""


def test_seed_headlines_and_ledes_carry_units(seed_table):
    assert seed_table.loc["presstv", "units"] == seed_table.loc["sputnik", "units"]
    assert seed_table.loc["presstv", "units"] in seed_table.loc["presstv", "lede_units"].split("; ")


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Putin hopes to 'regularize' damaged ties with US at summit with Biden", "Putin"),
        ("Putin on Upcoming Meeting With Biden: Russia, US Need to Find Ways to Mend Relations", "Russia, US"),
        ("Russia Does Not Await Any Breakthroughs After Summit, Lavrov Says", "Russia"),
        ("Biden to meet Putin in Geneva next month", "Biden"),
        ("Iran's Foreign Minister Slams New Sanctions", "Iran's Foreign Minister"),
        ("EU leaders agree to extend sanctions", "EU leaders"),
        ("Central bank eyes rate cut as inflation cools", "Central bank"),
        # Negative: a headline without a verb has no separable subject; the whole phrase is returned.
        ("Floods in the north: a week of rain", "a week of rain"),
    ],
)
def test_subject(headline, expected):
    assert hl.subject(headline) == expected


@pytest.mark.parametrize(
    ("headline", "words"),
    [
        ("Minister slams 'so-called' reform as talks hit new low", ["slams", "so-called", "low"]),
        ("Ties remain strained after envoy's visit", ["strained"]),
        ("Leaders meet in Vienna for second round of talks", []),
    ],
)
def test_evaluative_words(headline, words):
    assert hl.evaluative_words(headline) == words


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Putin hopes to 'regularize' ties", ["regularize"]),
        ("Envoy calls vote \u201cillegal\u201d as Russia's allies object", ["illegal"]),
        ("Russia's and Iran's ministers meet in Tehran's old quarter", []),
        ("Rock \u2019n\u2019 roll returns to the \u201990s arena", []),
    ],
)
def test_quoted_spans_are_not_apostrophes(text, spans):
    assert hl.quoted_spans(text) == spans
