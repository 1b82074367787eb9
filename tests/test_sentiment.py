"""Sentence sentiment (VADER) and actor sentiment.

Truths used here: the VADER authors' published compound scores (vaderSentiment README),
and sentences worked out by hand from the lexicon file (valences quoted in
the comments) with compound = s / sqrt(s**2 + 15).
"""

from __future__ import annotations

import math
import subprocess
import sys

import pandas as pd
import pytest

from framing.core.paths import SEED_EVENT_DIR
from framing.measures.sentiment import (
    ACTOR_COLUMNS,
    SENTENCE_COLUMNS,
    actor_sentiment,
    alias_pattern,
    label_of,
    prepare_text,
    sentence_sentiment,
    word_valences,
)

# vaderSentiment README (Hutto & Gilbert).
PUBLISHED = [
    ("VADER is smart, handsome, and funny.", 0.8316),
    ("VADER is smart, handsome, and funny!", 0.8439),
    ("VADER is very smart, handsome, and funny.", 0.8545),
    ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
    ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
    ("VADER is not smart, handsome, nor funny.", -0.7424),
    ("The book was good.", 0.4404),
    ("The book was only kind of good.", 0.3832),
    ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
    ("Today SUX!", -0.5461),
    ("Not bad at all", 0.431),
]


def frame(texts: list[str], outlet: str = "Outlet A", article: str = "a") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": article,
            "outlet": outlet,
            "sentence_id": [f"{article}-{i:03d}" for i in range(1, len(texts) + 1)],
            "voice": "authorial",
            "text": texts,
        }
    )


def compound_of(s: float) -> float:
    return s / math.sqrt(s * s + 15)


def parse_drivers(drivers: str) -> list[tuple[str, float]]:
    if not drivers:
        return []
    out = []
    for part in drivers.split("; "):
        word, value = part.rsplit(":", 1)
        out.append((word, float(value)))
    return out


@pytest.mark.parametrize("text, expected", PUBLISHED)
def test_published_compound_scores(text, expected):
    got = sentence_sentiment(frame([text]))
    assert got["compound"].iloc[0] == pytest.approx(expected, abs=1e-4)


def test_columns_and_order():
    got = sentence_sentiment(frame(["The book was good.", "It rained.", "Today SUX!"]))
    assert list(got.columns) == SENTENCE_COLUMNS
    assert list(got["sentence_id"]) == ["a-001", "a-002", "a-003"]
    assert list(got["label"]) == ["positive", "neutral", "negative"]
    assert got.loc[1, "drivers"] == ""
    assert got.loc[1, "compound"] == 0.0


def test_empty_input_gives_empty_table():
    got = sentence_sentiment(frame([]))
    assert list(got.columns) == SENTENCE_COLUMNS
    assert got.empty


@pytest.mark.parametrize(
    "compound, label",
    [
        (0.05, "positive"),
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (0.9, "positive"),
        (-0.9, "negative"),
    ],
)
def test_label_thresholds(compound, label):
    assert label_of(compound) == label


def test_labels_follow_compound_in_output():
    got = sentence_sentiment(frame([t for t, _ in PUBLISHED] + ["The summit is on 16 June."]))
    for c, lab in zip(got["compound"], got["label"]):
        assert lab == ("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")


def test_drivers_single_lexicon_word():
    # Lexicon: wrong -2.1; it, would, be, to, have, inflated, expectations are absent.
    got = sentence_sentiment(frame(["It would be wrong to have inflated expectations."])).iloc[0]
    assert got["drivers"] == "wrong:-2.1"
    assert got["compound"] == pytest.approx(compound_of(-2.1), abs=1e-4)  # -0.4767
    assert got["label"] == "negative"


def test_drivers_show_modifiers():
    # "very" is a booster (+0.293): important 0.8 -> 1.093.
    got = sentence_sentiment(frame(["This is indeed a very important meeting."])).iloc[0]
    assert got["drivers"] == "important:+1.093"
    assert got["compound"] == pytest.approx(compound_of(1.093), abs=1e-4)
    # Negation: good 1.9 * -0.74 = -1.406.
    got = sentence_sentiment(frame(["The talks were not good."])).iloc[0]
    assert got["drivers"] == "good:-1.406"
    assert got["compound"] == pytest.approx(compound_of(-1.406), abs=1e-4)


def test_drivers_but_rule_in_a_news_sentence():
    # Before "but" valences are halved, after it multiplied by 1.5:
    # important (0.8 + 0.293) * 0.5 = 0.5465, wrong -2.1 * 1.5 = -3.15.
    text = (
        "Peskov said, \u201cThis is indeed a very important meeting,\u201d but "
        "\u201cAt the same time, it would be wrong to have inflated expectations.\u201d"
    )
    got = sentence_sentiment(frame([text])).iloc[0]
    pairs = parse_drivers(got["drivers"])
    assert [w for w, _ in pairs] == ["important", "wrong"]
    assert pairs[0][1] == pytest.approx(0.5465, abs=1e-3)
    assert pairs[1][1] == pytest.approx(-3.15, abs=1e-9)
    assert got["compound"] == pytest.approx(compound_of(0.5465 - 3.15), abs=1e-4)


def test_known_blind_spot_no_interest_scores_positive():
    # "no" is a lexicon word (-1.2), not a negator, and "interest" is +2.0:
    # a sentence about having no interest in fixing ties comes out positive.
    text = "Peskov said back then that Biden\u2019s remarks showed he had no interest in fixing ties with Russia."
    got = sentence_sentiment(frame([text])).iloc[0]
    assert got["drivers"] == "no:-1.2; interest:+2"
    assert got["compound"] == pytest.approx(compound_of(0.8), abs=1e-4)  # 0.2023
    assert got["label"] == "positive"


def test_quotation_marks_are_stripped_by_default():
    text = "Biden said the Russian president was a \u201ckiller\u201d."
    stripped = sentence_sentiment(frame([text])).iloc[0]
    assert stripped["drivers"] == "killer:-3.3"
    assert stripped["compound"] == pytest.approx(compound_of(-3.3), abs=1e-4)
    # Plain VADER strips one punctuation mark per side, so "killer" in quotes is invisible.
    kept = sentence_sentiment(frame([text]), quote_marks="keep").iloc[0]
    assert kept["drivers"] == ""
    assert kept["compound"] == 0.0


def test_prepare_text_keeps_length_and_apostrophes():
    text = "Putin hopes to \u2018regularize\u2019 ties, Biden\u2019s aides don't \u201cknow\u201d."
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    assert "Biden's" in prepared and "don't" in prepared
    assert "'" not in prepared.replace("Biden's", "").replace("don't", "")
    assert '"' not in prepared
    assert prepare_text(text, quote_marks="keep") == text.replace("\u2018", "'").replace("\u2019", "'").replace(
        "\u201c", '"'
    ).replace("\u201d", '"')
    with pytest.raises(ValueError):
        prepare_text(text, quote_marks="drop")


def test_drivers_add_up_to_compound_on_news_sentences():
    texts = [t for t, _ in PUBLISHED if "!" not in t] + [
        "Relations between Moscow and Washington hit a new low in March after Biden said in an interview "
        'that the Russian president was a \u201ckiller\u201d and that he would have to "pay a price" for '
        "alleged interference in the 2020 US presidential election.",
        "The diplomat however, hailed the beginning of a dialogue between the two presidents as "
        "\u201ca positive step.\u201d",
        "Moscow previously expressed hope that Putin and Biden would discuss global strategic stability.",
    ]
    got = sentence_sentiment(frame(texts))
    for text, drivers, compound in zip(texts, got["drivers"], got["compound"]):
        total = sum(v for _, v in word_valences(prepare_text(text)))
        assert round(compound_of(total), 4) == pytest.approx(compound, abs=1e-4), text
        expected = [(w, round(v, 3)) for w, v in word_valences(prepare_text(text))]
        assert [w for w, _ in parse_drivers(drivers)] == [w for w, _ in expected]
        assert [v for _, v in parse_drivers(drivers)] == pytest.approx([v for _, v in expected])


def test_importing_module_is_cheap():
    code = "import sys, framing.measures.sentiment; print('nltk' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---------------------------------------------------------------- actors


@pytest.mark.parametrize(
    "alias, text, found",
    [
        ("US", "Putin hopes to mend ties with US at summit.", True),
        ("US", "Let us talk about it.", False),
        ("US", "US-Russia relations are at a low.", True),
        ("US", "The USSR is gone.", False),
        ("US", "They met USAID officials.", False),
        ("U.S.", "U.S. officials declined to comment.", True),
        ("U.S.", "Officials in the U.S.", True),
        ("Putin", "Putin's spokesman said so.", True),
        ("Putin", "PUTIN SAYS TIES ARE AT A LOW", True),
        ("Biden", "Biden\u2019s remarks echoed Trump.", True),
        ("Biden", "Bidens and Trumps.", False),
        ("Russia", "Russia's development", True),
        ("Russia", "the Russian leader", False),
        ("Russia", "pro-Russia forces", True),
        ("Russian president", "the Russian President concluded", True),
        ("Russian president", "the Russian\u00a0president concluded", True),
        ("White House", "According to a White House statement", True),
    ],
)
def test_alias_matching(alias, text, found):
    assert bool(alias_pattern(alias).search(text.replace("\u00a0", " "))) is found


def test_actor_sentiment_counts_and_means():
    texts_a = [
        "Putin's spokesman said it would be wrong to have inflated expectations.",  # Putin, -0.4767
        "Let us hope for the best.",  # nobody (not US)
        "Biden\u2019s remarks about Putin were good.",  # Biden and Putin, +0.4404
    ]
    texts_b = ["US officials said the talks were good."]  # United States, +0.4404
    sentences = pd.concat([frame(texts_a, "Outlet A", "a"), frame(texts_b, "Outlet B", "b")], ignore_index=True)
    sentiment = sentence_sentiment(sentences)
    actors = pd.DataFrame(
        {
            "actor": ["Vladimir Putin", "Vladimir Putin", "Joe Biden", "United States", "United States"],
            "alias": ["Putin", "Vladimir Putin", "Biden", "US", "Washington"],
        }
    )
    got = actor_sentiment(sentiment, sentences, actors)
    assert list(got.columns) == ACTOR_COLUMNS
    assert len(got) == 2 * 3  # every outlet x actor
    assert list(zip(got["outlet"], got["actor"])) == [
        ("Outlet A", "Joe Biden"),
        ("Outlet A", "United States"),
        ("Outlet A", "Vladimir Putin"),
        ("Outlet B", "Joe Biden"),
        ("Outlet B", "United States"),
        ("Outlet B", "Vladimir Putin"),
    ]
    row = got.set_index(["outlet", "actor"])
    putin = row.loc[("Outlet A", "Vladimir Putin")]
    assert putin["n_sentences"] == 2
    assert putin["mean_compound"] == pytest.approx((-0.4767 + 0.4404) / 2, abs=1e-4)
    assert (putin["n_positive"], putin["n_neutral"], putin["n_negative"]) == (1, 0, 1)
    assert row.loc[("Outlet A", "United States"), "n_sentences"] == 0
    assert math.isnan(row.loc[("Outlet A", "United States"), "mean_compound"])
    assert row.loc[("Outlet B", "United States"), "n_sentences"] == 1
    assert row.loc[("Outlet B", "United States"), "mean_compound"] == pytest.approx(0.4404, abs=1e-4)
    assert row.loc[("Outlet B", "Joe Biden"), "n_sentences"] == 0


def test_seed_actor_list():
    actors = pd.read_csv(SEED_EVENT_DIR / "actors.csv")
    assert list(actors.columns) == ["actor", "alias"]
    assert not actors.duplicated("alias").any()
    assert actors.notna().all().all()
    by_actor = actors.groupby("actor")["alias"].apply(set)
    for actor in [
        "Vladimir Putin",
        "Joe Biden",
        "Russia",
        "United States",
        "Sergei Lavrov",
        "Dmitry Peskov",
        "Donald Trump",
        "Alexey Navalny",
        "Ukraine",
        "Belarus",
        "Iran",
    ]:
        assert actor in by_actor.index
    # Adjectives of nationality are not aliases of the state (see the module notes).
    assert "Russian" not in by_actor["Russia"]
    assert "US" in by_actor["United States"]


def test_seed_corpus_actor_sentiment():
    from framing.load.corpus import load_corpus

    corpus = load_corpus(SEED_EVENT_DIR)
    sentiment = sentence_sentiment(corpus.sentences)
    assert len(sentiment) == len(corpus.sentences)
    got = actor_sentiment(sentiment, corpus.sentences, corpus.actors).set_index(["outlet", "actor"])
    outlets = sorted(corpus.sentences["outlet"].unique())
    assert len(got) == len(outlets) * corpus.actors["actor"].nunique()
    for outlet in outlets:
        assert got.loc[(outlet, "Vladimir Putin"), "n_sentences"] >= 5
        assert got.loc[(outlet, "Joe Biden"), "n_sentences"] >= 5
    # Lavrov is named only by Sputnik, Peskov and Navalny only by Press TV.
    lavrov = got.xs("Sergei Lavrov", level="actor")["n_sentences"]
    assert sorted(lavrov.tolist()) == [0, 1]


# ---------------------------------------------------------------- one pass per sentence
# sentence_sentiment reads VADER's words once per sentence and derives both the
# scores and the drivers from them; nltk's own scorer is the truth here.

TRICKY = [
    "",
    "a",
    "Good, BAD; ok.",
    "!!good!! and good!!! but ??bad",
    "'killer' -- \"pay a price\" ... :-) :)",
    "It was NOT good, nor was it kind of bad - at least not very.",
    "Sanctions?! The talks were never so bad, Ryabkov said.",
    "U.S.-Russia ties, once 'warm', hit a new low; Moscow's envoy was recalled.",
]


def _seed_texts():
    from framing.load.corpus import load_corpus

    sentences = load_corpus(SEED_EVENT_DIR).sentences["text"]
    return [prepare_text(t, quote_marks=q) for t in sentences for q in ("strip", "keep")]


def test_vader_words_are_nltks_words():
    from nltk.sentiment.vader import SentiText

    from framing.measures.sentiment import _vader_words, load_analyzer

    consts = load_analyzer().constants
    for text in TRICKY + _seed_texts():
        senti = SentiText(text, consts.PUNC_LIST, consts.REGEX_REMOVE_PUNCTUATION)
        assert _vader_words(text) == senti.words_and_emoticons, text


def test_punctuation_deletion_matches_nltks_regex():
    from framing.measures.sentiment import _DELETE_PUNCTUATION, load_analyzer

    regex = load_analyzer().constants.REGEX_REMOVE_PUNCTUATION
    text = "".join(chr(c) for c in range(0x250)) + "\u2018\u2019\u201c\u201d\u2013\u2014\u00a0"
    assert text.translate(_DELETE_PUNCTUATION) == regex.sub("", text)


def test_scores_equal_nltk_polarity_scores():
    from framing.measures.sentiment import load_analyzer

    analyzer = load_analyzer()
    texts = TRICKY + [t for t, _ in PUBLISHED]
    got = sentence_sentiment(frame(texts), quote_marks="keep")
    for text, row in zip(texts, got.itertuples()):
        want = analyzer.polarity_scores(prepare_text(text, quote_marks="keep"))
        assert [row.compound, row.pos, row.neu, row.neg] == [want[k] for k in ("compound", "pos", "neu", "neg")], text


def test_seed_scores_and_drivers_agree_with_nltk():
    from framing.measures.sentiment import load_analyzer

    analyzer = load_analyzer()
    consts = analyzer.constants
    texts = _seed_texts()[::2]  # quotation marks stripped, as sentence_sentiment does by default
    got = sentence_sentiment(frame(texts))
    n_drivers = 0
    for text, row in zip(texts, got.itertuples()):
        want = analyzer.polarity_scores(text)
        assert [row.compound, row.pos, row.neu, row.neg] == [want[k] for k in ("compound", "pos", "neu", "neg")]
        # Without "!" or "?", nltk's compound is the normalised sum of the word valences.
        if "!" not in text and "?" not in text:
            total = sum(v for _, v in parse_drivers(row.drivers))
            assert round(consts.normalize(total), 4) == pytest.approx(row.compound, abs=2e-3)
        n_drivers += len(parse_drivers(row.drivers))
    assert n_drivers > 30  # the comparison saw real lexicon words
