"""Headlines: subject, actors, evaluative words and quotation marks, by rule."""

from __future__ import annotations

import pandas as pd
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
    ("headline", "words"),
    [
        # sentence case: a run of capitalised words is a name, its words are not the outlet's
        ("Energy Board sets tariffs for next winter", []),
        ("Bank of England holds rates despite hope of a cut", ["hope", "cut"]),
        ("Ministry of Justice defends prison plan", ["prison"]),
        # negative: the same words outside a name are evaluative ("energy" has a VADER valence of 1.1)
        ("Energy prices soar as supply fears grow", ["energy", "fears"]),
        ("Hope, Energy lead the rally", ["hope", "energy"]),  # two words split by a comma: no name
        ("US Energy Department warns of winter shortages", ["warns", "shortages"]),
        # negative: a tabloid kicker in capitals and a capitalised headline verb are no part of a name
        ("FURY AT THE FORT: Fans demand answers after late collapse", ["fury", "demand", "collapse"]),
        ("DATA DISASTER: Shoppers' card details stolen in hack", ["disaster", "stolen"]),
        ("Council Backs budget despite protests", ["backs", "protests"]),
        # title case: only the name of a body ("Energy Board") or an actor alias is found
        ("Energy Board Sets Tariffs For Next Winter", []),
        ("Minister Slams Energy Board Over Tariffs", ["slams"]),
        ("Hope Rises For Ceasefire Deal", ["hope"]),
    ],
)
def test_evaluative_words_skip_names(headline, words):
    assert hl.evaluative_words(headline) == words


def test_evaluative_words_skip_actor_aliases_in_title_case():
    actors = pd.DataFrame({"actor": ["Peace Now"], "alias": ["Peace Now"]})
    headline = "Peace Now Condemns New Settlement Plan"
    assert hl.title_case(headline)
    assert hl.evaluative_words(headline) == ["peace", "condemns"]  # no actor list: the name is not known
    assert hl.evaluative_words(headline, actors=actors) == ["condemns"]


def test_title_case():
    assert hl.title_case("Putin on Upcoming Meeting With Biden: Russia, US Need to Find Ways to Mend Relations")
    assert not hl.title_case("Putin hopes to 'regularize' damaged ties with US at summit with Biden")


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
