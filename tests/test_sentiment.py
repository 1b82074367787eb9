"""Sentence sentiment (VADER), its drivers, and actor sentiment.

Truths used here: the VADER authors' published compound scores (vaderSentiment README and the
values of /work/shared/ORACLES.md), and vaderSentiment's own ``SentimentIntensityAnalyzer``
called directly on the same text (a fresh instance, not the suite's); where the suite's drivers
are checked, the compound is rebuilt by hand from VADER's published formula
``x / sqrt(x**2 + 15)`` with its punctuation emphasis.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.core.paths import SEED_EVENT_DIR
from framing.load.corpus import load_corpus
from framing.measures.sentiment import (
    ACTOR_COLUMNS,
    ACTOR_SENTENCE_COLUMNS,
    MASK_WORD,
    SENTENCE_COLUMNS,
    SENTIMENT_DRIVER_COLUMNS,
    actor_sentence_sentiment,
    actor_sentiment,
    alias_pattern,
    format_drivers,
    join_drivers,
    label_of,
    load_analyzer,
    mask_aliases,
    score_sentences,
    score_text,
    scored_text,
    sentence_sentiment,
    sentiment_drivers,
)

REF = SentimentIntensityAnalyzer()  # the reference implementation, independent of the suite's instance
FIXTURES = Path(__file__).parent / "fixtures"

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

# vaderSentiment 3.3.2 on news phrasing (ORACLES.md, second table).
REFERENCE_NEWS = [
    ("He has no interest in fixing ties with Russia.", -0.3570),
    ('Biden said Putin was a "killer".', -0.6486),
    ("There was no hostility.", 0.4310),
    ("A nuclear war cannot be won and must never be fought.", -0.7128),
    ("No one was hurt.", -0.6808),
    ("The ministers reported no progress.", -0.3252),
]

# Sentences of the kinds news prose uses, written for these tests.
NEWS = [
    "The talks were not productive.",
    "The talks were not successful.",
    "There was no hostility between the delegations.",
    "A nuclear war cannot be won and must never be fought, the two leaders said.",
    "The senator called the general a \u201ckiller\u201d on Monday.",
    "The senator called the general a 'killer' on Monday.",
    "The United States announced new sanctions.",
    "Flood waters entered Hope on Tuesday, the county said.",
    "The first round was good, the second was not good.",
    "Officials said the meeting was good, but the outcome was disappointing.",
    "\u201cWe don\u2019t trust them,\u201d the envoy said.",
    "Was it a success?? Nobody knows!",
    "The ceasefire is VERY fragile, aid groups warned.",
    "Markets rallied (strongly) after the vote.",
    "Residents \U0001F600 cheered the result.",
]


def frame(texts: list[str], outlet: str = "Outlet A", article: str = "a", starts: list[int] | None = None):
    data = {
        "article_id": article,
        "outlet": outlet,
        "sentence_id": [f"{article}-{i:03d}" for i in range(1, len(texts) + 1)],
        "voice": "authorial",
        "text": texts,
    }
    if starts is not None:
        data["start"] = starts
    return pd.DataFrame(data)


def ref_scores(text: str) -> list[float]:
    got = REF.polarity_scores(text)
    return [got[k] for k in ("compound", "pos", "neu", "neg")]


def emphasis(text: str) -> float:
    """VADER's punctuation emphasis: 0.292 per "!" (at most 4); 0.18 per "?" when 2-3, else 0.96."""
    ep = min(text.count("!"), 4) * 0.292
    q = text.count("?")
    qm = 0.0 if q <= 1 else (q * 0.18 if q <= 3 else 0.96)
    return ep + qm


def compound_from(valences: list[float], text: str) -> float:
    s = sum(valences)
    if s > 0:
        s += emphasis(text)
    elif s < 0:
        s -= emphasis(text)
    return round(max(-1.0, min(1.0, s / math.sqrt(s * s + 15))), 4)


# ---------------------------------------------------------------- published values


@pytest.mark.parametrize("text, expected", PUBLISHED + REFERENCE_NEWS)
def test_published_compound_scores(text, expected):
    got = sentence_sentiment(frame([text]))
    assert got["compound"].iloc[0] == pytest.approx(expected, abs=1e-4)


def test_published_values_in_one_table():
    texts = [t for t, _ in PUBLISHED + REFERENCE_NEWS]
    got = sentence_sentiment(frame(texts))
    assert got["compound"].tolist() == pytest.approx([v for _, v in PUBLISHED + REFERENCE_NEWS], abs=1e-4)


# ---------------------------------------------------------------- the reference implementation


@pytest.mark.parametrize("text", NEWS + [t for t, _ in PUBLISHED + REFERENCE_NEWS])
def test_scores_equal_vadersentiment_on_the_scored_text(text):
    row = sentence_sentiment(frame([text])).iloc[0]
    assert [row["compound"], row["pos"], row["neu"], row["neg"]] == ref_scores(scored_text(text))
    assert row["label"] == label_of(row["compound"])


def test_scored_text_makes_typographic_quotes_straight_and_nothing_else():
    # Positive: curly quotes and apostrophes become straight ones, one character for one.
    curly = "The senator called the general a \u201ckiller\u201d and said \u2018they don\u2019t care\u2019."
    assert scored_text(curly) == "The senator called the general a \"killer\" and said 'they don't care'."
    # Negative: text without typographic characters is scored exactly as written (no quote mark removed).
    plain = 'He said they would "pay a price" (soon), officials said!'
    assert scored_text(plain) == plain


def test_curly_quoted_insult_is_read_like_a_straight_quoted_one():
    curly = "Biden said Putin was a \u201ckiller\u201d."
    straight = 'Biden said Putin was a "killer".'
    got = sentence_sentiment(frame([curly, straight]))
    assert got["compound"].tolist() == [REF.polarity_scores(straight)["compound"]] * 2
    assert got["compound"].iloc[0] == pytest.approx(-0.6486, abs=1e-4)  # ORACLES.md
    # vaderSentiment strips only ASCII punctuation from a word, so on the raw curly-quoted text it does not
    # find "killer": the reason the scored text has straight quotes.
    assert REF.polarity_scores(curly)["compound"] == 0.0


def test_curly_apostrophe_still_negates():
    text = "\u201cWe don\u2019t trust them,\u201d the envoy said."
    row = sentence_sentiment(frame([text])).iloc[0]
    assert row["compound"] == REF.polarity_scores("\"We don't trust them,\" the envoy said.")["compound"]
    assert row["compound"] < 0  # trust (+2.3) negated
    assert REF.polarity_scores(text)["compound"] > 0  # with the curly apostrophe "don\u2019t" is no negator


@pytest.mark.parametrize(
    "text",
    [
        "The talks were not productive.",  # "productive" is not in the lexicon: neutral
        "The talks were not successful.",  # negated praise: successful 2.8 x -0.74
        "There was no hostility between the delegations.",  # "no" negates hostility: positive
        "A nuclear war cannot be won and must never be fought, the two leaders said.",
        "The United States announced new sanctions.",  # "united" +1.8
        "Flood waters entered Hope on Tuesday, the county said.",  # a place named Hope, +1.9
    ],
)
def test_hand_worked_news_sentences(text):
    row = sentence_sentiment(frame([text])).iloc[0]
    assert row["compound"] == REF.polarity_scores(text)["compound"]


def test_news_blind_spots_are_as_the_reference_scores_them():
    got = sentence_sentiment(frame([
        "The talks were not productive.",
        "The talks were not successful.",
        "There was no hostility between the delegations.",
        "The United States announced new sanctions.",
    ]))
    # Not in the lexicon, so negation has nothing to turn: neutral, although the sentence is negative news.
    assert got["label"].tolist() == ["neutral", "negative", "positive", "positive"]
    assert got["drivers"].tolist() == ["", "successful:-2.072", "hostility:+1.85", "united:+1.8"]


# ---------------------------------------------------------------- drivers


def test_driver_positions_point_at_each_occurrence():
    text = "The first round was good, the second was not good."
    first, second = text.index("good"), text.rindex("good")
    got = score_text(text)
    assert [(d.word, d.start, d.end) for d in got.drivers] == [("good", first, first + 4), ("good", second, second + 4)]
    assert [d.valence for d in got.drivers] == pytest.approx([1.9, 1.9 * -0.74])


def test_driver_offsets_are_offsets_into_the_article():
    texts = ["Talks failed.", "The first round was good, the second was not good."]
    article = "HEADLINE\n" + texts[0] + " " + texts[1]
    starts = [article.index(texts[0]), article.index(texts[1])]
    drivers = sentiment_drivers(frame(texts, starts=starts))
    assert list(drivers.columns) == SENTIMENT_DRIVER_COLUMNS
    assert [article[s:e] for s, e in zip(drivers["start"], drivers["end"])] == ["failed", "good", "good"]
    assert drivers["start"].tolist() == [
        article.index("failed"), article.index("good"), article.rindex("good")
    ]
    assert drivers["sentence_id"].tolist() == ["a-001", "a-002", "a-002"]


def test_driver_span_leaves_out_punctuation_and_quote_marks():
    text = "Markets rallied (strongly) after the \u201cgood\u201d vote."
    strongly, good = score_text(scored_text(text)).drivers
    assert (text[strongly.start:strongly.end], text[good.start:good.end]) == ("strongly", "good")
    # Negative: a token VADER keeps whole (two characters or fewer once stripped) spans the whole token.
    smile, cheered = score_text("Residents :) cheered.").drivers  # ":)" is in the lexicon
    assert (smile.word, smile.start, smile.end) == (":)", 10, 12)
    assert (cheered.word, cheered.start, cheered.end) == ("cheered", 13, 20)


def test_driver_of_an_emoji_spans_the_emoji():
    text = "Residents \U0001F600 cheered the result."
    got = score_text(text)
    # The emoji is read as its description, "grinning face": "grinning" is the lexicon word.
    assert [(d.word, text[d.start:d.end]) for d in got.drivers] == [("grinning", "\U0001F600"), ("cheered", "cheered")]
    assert got.compound == REF.polarity_scores(text)["compound"]


def test_only_words_with_nonzero_valence_are_drivers():
    # Positive: "no" directly before a lexicon word negates it and has valence 0 itself.
    got = score_text("There was no hostility.")
    assert [(d.word, d.valence) for d in got.drivers] == [("hostility", pytest.approx(-2.5 * -0.74))]
    # Negative: "no" before a word outside the lexicon keeps its own valence (-1.2) and is a driver.
    got = score_text("No one was hurt.")
    assert [(d.word, d.valence) for d in got.drivers] == [("no", -1.2), ("hurt", -2.4)]


def test_drivers_show_vaders_rules():
    # Booster: "very" adds 0.293 to important (0.8).
    assert [(d.word, d.valence) for d in score_text("This is indeed a very important meeting.").drivers] == [
        ("important", pytest.approx(1.093))
    ]
    # "but": valences before it halved (important), after it times 1.5 (wrong -2.1).
    text = 'Peskov said "this is a very important meeting," but "it would be wrong to hope for much."'
    got = score_text(text)
    assert [d.word for d in got.drivers] == ["important", "wrong", "hope"]
    assert [d.valence for d in got.drivers] == pytest.approx([1.093 * 0.5, -2.1 * 1.5, 1.9 * 1.5])
    # Capitals (others not in capitals): +0.733 on the word's side.
    assert [(d.word, d.valence) for d in score_text("Officials called the move HOSTILE on Friday.").drivers] == [
        ("hostile", pytest.approx(-1.6 - 0.733))
    ]


@pytest.mark.parametrize("text", NEWS + [t for t, _ in PUBLISHED + REFERENCE_NEWS])
def test_drivers_reproduce_the_compound(text):
    # compound = round(x / sqrt(x^2 + 15), 4), x = sum of the drivers' valences plus punctuation emphasis;
    # the "but" rule is inside the valences.
    plain = scored_text(text)
    got = score_text(plain)
    assert compound_from([d.valence for d in got.drivers], plain) == pytest.approx(got.compound, abs=1e-12)
    assert got.compound == REF.polarity_scores(plain)["compound"]


def test_display_column_is_the_long_table_joined():
    texts = ["The first round was good, the second was not good.", "It rained.", "No one was hurt."]
    tables = score_sentences(frame(texts))
    assert list(tables.sentiment.columns) == SENTENCE_COLUMNS
    assert tables.sentiment["drivers"].tolist() == ["good:+1.9; good:-1.406", "", "no:-1.2; hurt:-2.4"]
    joined = join_drivers(tables.drivers)
    assert joined.to_dict() == {"a-001": "good:+1.9; good:-1.406", "a-003": "no:-1.2; hurt:-2.4"}
    assert format_drivers([("killer", -3.3), ("important", 1.0925)]) == "killer:-3.3; important:+1.093"


def test_columns_order_and_labels():
    got = sentence_sentiment(frame(["The book was good.", "It rained.", "Today SUX!"]))
    assert list(got.columns) == SENTENCE_COLUMNS
    assert list(got["sentence_id"]) == ["a-001", "a-002", "a-003"]
    assert list(got["label"]) == ["positive", "neutral", "negative"]
    assert got.loc[1, "drivers"] == ""
    assert got.loc[1, "compound"] == 0.0


def test_empty_input_gives_empty_tables():
    tables = score_sentences(frame([]))
    assert list(tables.sentiment.columns) == SENTENCE_COLUMNS
    assert list(tables.drivers.columns) == SENTIMENT_DRIVER_COLUMNS
    assert tables.sentiment.empty and tables.drivers.empty


def test_sentence_ids_must_be_unique():
    texts = frame(["It was good.", "It was bad."])
    assert len(score_sentences(texts).drivers) == 2
    texts["sentence_id"] = "a-001"
    with pytest.raises(ValueError, match="unique"):
        score_sentences(texts)


@pytest.mark.parametrize(
    "compound, label",
    [(0.05, "positive"), (0.0499, "neutral"), (0.0, "neutral"), (-0.0499, "neutral"), (-0.05, "negative"),
     (0.9, "positive"), (-0.9, "negative")],
)
def test_label_thresholds(compound, label):
    assert label_of(compound) == label


def test_analyzer_is_vadersentiment_loaded_once():
    assert isinstance(load_analyzer(), SentimentIntensityAnalyzer)
    assert load_analyzer() is load_analyzer()
    assert load_analyzer().lexicon == REF.lexicon


def test_importing_module_is_cheap_and_scoring_needs_no_nltk():
    code = (
        "import sys, framing.measures.sentiment as s\n"
        "print('nltk' in sys.modules, 'pandas' in sys.modules, 'vaderSentiment' in sys.modules)\n"
        "s.score_text('The talks were good.')\n"
        "print('nltk' in sys.modules, 'vaderSentiment' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False", "False", "True"]


# ---------------------------------------------------------------- whole corpora


def check_corpus(corpus) -> int:
    """Every sentence scored as vaderSentiment scores its text; every driver where its word is."""
    tables = score_sentences(corpus.sentences)
    assert len(tables.sentiment) == len(corpus.sentences)
    assert tables.sentiment["sentence_id"].tolist() == corpus.sentences["sentence_id"].tolist()
    for text, row in zip(corpus.sentences["text"], tables.sentiment.itertuples()):
        assert [row.compound, row.pos, row.neu, row.neg] == ref_scores(scored_text(text)), text
    sentences = corpus.sentences.set_index("sentence_id")
    for sid, group in tables.drivers.groupby("sentence_id"):
        sentence = sentences.loc[sid]
        article = corpus.texts[sentence["article_id"]]
        assert article[sentence["start"]:sentence["end"]] == sentence["text"]
        for d in group.itertuples():
            assert sentence["start"] <= d.start < d.end <= sentence["end"]
            assert scored_text(article[d.start:d.end]).lower() == d.word
        assert group["start"].is_monotonic_increasing and group["start"].is_unique
        plain = scored_text(sentence["text"])
        assert compound_from(group["valence"].tolist(), plain) == pytest.approx(
            REF.polarity_scores(plain)["compound"], abs=1e-12)
    return len(tables.drivers)


def test_seed_event_scores_equal_vadersentiment():
    corpus = load_corpus(SEED_EVENT_DIR)
    assert check_corpus(corpus) > 30  # the comparison saw real lexicon words
    # Where a sentence has no typographic quote or invisible character, the scored text is the text itself.
    got = sentence_sentiment(corpus.sentences)
    same = [scored_text(t) == t for t in corpus.sentences["text"]]
    assert sum(same) > 0
    for text, compound, keep in zip(corpus.sentences["text"], got["compound"], same):
        if keep:
            assert compound == REF.polarity_scores(text)["compound"]


@pytest.mark.parametrize("folder", sorted(p.parent.name for p in FIXTURES.glob("*/articles.csv")))
def test_fixture_corpora_score_equal_vadersentiment(folder):
    check_corpus(load_corpus(FIXTURES / folder))


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


def test_mask_word_is_neutral_to_vader():
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE

    for word in (MASK_WORD, MASK_WORD.upper()):
        assert word.lower() not in REF.lexicon and word.lower() not in BOOSTER_DICT and word.lower() not in NEGATE


def test_mask_aliases_word_by_word_keeping_capitals():
    # Positive: every word of the name is replaced, capitals kept as capitals.
    assert mask_aliases("The United Nations said US aid was late.", ["United Nations"]) == (
        "The someone someone said US aid was late.")
    assert mask_aliases("US CALLS TALKS GOOD", ["US"]) == "SOMEONE CALLS TALKS GOOD"
    masked = mask_aliases("Joy Mensah and Mensah's aides", ["Mensah", "Joy Mensah"])
    assert masked == "someone someone and someone's aides"
    # Negative: words that only contain the name, and other names, stay.
    assert mask_aliases("Hopeful residents of Hopewell met Joy.", ["Hope"]) == "Hopeful residents of Hopewell met Joy."


def test_capitals_of_the_masked_name_keep_vaders_capital_rule():
    # All words in capitals: VADER adds no capitals emphasis.  Masking "US" by a lower-case word would make
    # GOOD the odd word out in capitals and add 0.733 to it.
    headline = "US CALLS TALKS GOOD"
    sentences = frame([headline])
    actors = pd.DataFrame({"actor": ["United States"], "alias": ["US"]})
    got = actor_sentence_sentiment(sentence_sentiment(sentences), sentences, actors)
    assert got["compound"].tolist() == [REF.polarity_scores("SOMEONE CALLS TALKS GOOD")["compound"]]
    assert got["compound"].iloc[0] != REF.polarity_scores("someone CALLS TALKS GOOD")["compound"]


def test_actor_names_made_of_lexicon_words_do_not_score():
    texts = [
        "Flood waters entered Hope on Tuesday, the county said.",  # a town named Hope (+1.9)
        "The United Nations said aid convoys were attacked near Hope.",  # united +1.8
        "Joy Mensah, the mayor, condemned the shelling.",  # a person named Joy (+2.8)
        "The United States announced new sanctions.",  # mentions none of the three
    ]
    sentences = frame(texts)
    sentiment = sentence_sentiment(sentences)
    actors = pd.DataFrame({
        "actor": ["Hope (town)", "United Nations", "United Nations", "Joy Mensah", "Joy Mensah"],
        "alias": ["Hope", "United Nations", "UN", "Joy Mensah", "Mensah"],
    })
    got = actor_sentence_sentiment(sentiment, sentences, actors)
    assert list(got.columns) == ACTOR_SENTENCE_COLUMNS
    expected = {
        ("Hope (town)", "a-001"): "Flood waters entered someone on Tuesday, the county said.",
        # Positive and negative at once: the actor's own name is masked, the other actor's name is not.
        ("Hope (town)", "a-002"): "The United Nations said aid convoys were attacked near someone.",
        ("Joy Mensah", "a-003"): "someone someone, the mayor, condemned the shelling.",
        ("United Nations", "a-002"): "The someone someone said aid convoys were attacked near Hope.",
    }
    assert sorted(zip(got["actor"], got["sentence_id"])) == sorted(expected)
    for (actor, sid), masked in expected.items():
        row = got[(got["actor"] == actor) & (got["sentence_id"] == sid)].iloc[0]
        assert row["compound"] == REF.polarity_scores(masked)["compound"], masked
        assert row["label"] == label_of(row["compound"])
    # The names did colour the sentences as wholes.
    hope = got[(got["actor"] == "Hope (town)") & (got["sentence_id"] == "a-001")]["compound"].iloc[0]
    assert sentiment["compound"].iloc[0] == REF.polarity_scores(texts[0])["compound"] > 0.4 and hope == 0.0
    joy = got[got["actor"] == "Joy Mensah"]["compound"].iloc[0]
    assert sentiment["compound"].iloc[2] > 0 > joy  # "joy" (+2.8) no longer outweighs "condemned"

    table = actor_sentiment(sentiment, sentences, actors).set_index(["outlet", "actor", "role"])
    hope_row = table.loc[("Outlet A", "Hope (town)", "about")]
    assert hope_row["n_sentences"] == 2
    assert hope_row["mean_compound"] == pytest.approx(
        (REF.polarity_scores(expected[("Hope (town)", "a-001")])["compound"]
         + REF.polarity_scores(expected[("Hope (town)", "a-002")])["compound"]) / 2, abs=1e-12)


def test_actor_sentiment_counts_and_means():
    texts_a = [
        "Putin's spokesman said it would be wrong to have inflated expectations.",  # Putin
        "Let us hope for the best.",  # nobody (not US)
        "Biden\u2019s remarks about Putin were good.",  # Biden and Putin
    ]
    texts_b = ["US officials said the talks were good."]  # United States
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
    pairs = [("Outlet A", "Joe Biden"), ("Outlet A", "United States"), ("Outlet A", "Vladimir Putin"),
             ("Outlet B", "Joe Biden"), ("Outlet B", "United States"), ("Outlet B", "Vladimir Putin")]
    assert list(zip(got["outlet"], got["actor"], got["role"])) == [(*p, r) for p in pairs for r in ("about", "by")]
    # Without the quote table nobody speaks: every "by" row is empty.
    assert (got.loc[got["role"] == "by", "n_sentences"] == 0).all()
    row = got[got["role"] == "about"].set_index(["outlet", "actor"])
    wrong = REF.polarity_scores("someone's spokesman said it would be wrong to have inflated expectations.")
    good = REF.polarity_scores("Biden's remarks about someone were good.")
    assert wrong["compound"] == pytest.approx(-0.4767, abs=1e-4) and good["compound"] == pytest.approx(0.4404, abs=1e-4)
    putin = row.loc[("Outlet A", "Vladimir Putin")]
    assert putin["n_sentences"] == 2
    assert putin["mean_compound"] == pytest.approx((wrong["compound"] + good["compound"]) / 2, abs=1e-12)
    assert (putin["n_positive"], putin["n_neutral"], putin["n_negative"]) == (1, 0, 1)
    assert row.loc[("Outlet A", "United States"), "n_sentences"] == 0
    assert math.isnan(row.loc[("Outlet A", "United States"), "mean_compound"])
    assert row.loc[("Outlet B", "United States"), "n_sentences"] == 1
    assert row.loc[("Outlet B", "United States"), "mean_compound"] == REF.polarity_scores(
        "SOMEONE officials said the talks were good.")["compound"]
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
    corpus = load_corpus(SEED_EVENT_DIR)
    sentiment = sentence_sentiment(corpus.sentences)
    table = actor_sentiment(sentiment, corpus.sentences, corpus.actors)
    outlets = sorted(corpus.sentences["outlet"].unique())
    assert len(table) == len(outlets) * corpus.actors["actor"].nunique() * 2
    got = table[table["role"] == "about"].set_index(["outlet", "actor"])
    for outlet in outlets:
        assert got.loc[(outlet, "Vladimir Putin"), "n_sentences"] >= 5
        assert got.loc[(outlet, "Joe Biden"), "n_sentences"] >= 5
    # Lavrov is named only by Sputnik, Peskov and Navalny only by Press TV.
    lavrov = got.xs("Sergei Lavrov", level="actor")["n_sentences"]
    assert sorted(lavrov.tolist()) == [0, 1]
    # Every actor sentence is scored as vaderSentiment scores the sentence with the actor's aliases masked.
    per_sentence = actor_sentence_sentiment(sentiment, corpus.sentences, corpus.actors)
    texts = corpus.sentences.set_index("sentence_id")["text"]
    aliases = corpus.actors.groupby("actor")["alias"].apply(list)
    for row in per_sentence.itertuples():
        masked = mask_aliases(scored_text(texts[row.sentence_id]), aliases[row.actor])
        assert row.compound == REF.polarity_scores(masked)["compound"]
    us = per_sentence[per_sentence["actor"] == "United States"]
    assert len(us) > 0


def _one_article(texts: list[str]) -> tuple[pd.DataFrame, str]:
    """A sentences table of one article whose sentences are separated by one space, with offsets."""
    starts, raw = [], ""
    for t in texts:
        if raw:
            raw += " "
        starts.append(len(raw))
        raw += t
    sentences = frame(texts, starts=starts)
    sentences["paragraph"] = 1
    sentences["role"] = "body"
    return sentences, raw


def _quote_row(raw: str, quote: str, actor: str, verb: str) -> dict:
    from framing.core.vocabulary import QUOTE_TABLE_COLUMNS

    s = raw.index(quote)
    c = raw.index(verb, s + len(quote))
    row = dict.fromkeys(QUOTE_TABLE_COLUMNS, "")
    row.update(article_id="a", outlet="Outlet A", quote_id="a-q001", sentence_id="a-002", start=s, end=s + len(quote),
               text=quote, kind="direct", speaker=actor, speaker_actor=actor, speaker_type="official", verb=verb,
               cue_start=c, cue_end=c + len(verb), resolution="name", reported_start=s, reported_end=s + len(quote))
    return row


def test_sentences_by_an_actor_are_split_from_sentences_about_it():
    texts = [
        "Mayor Ana Ruiz opened the new bridge on Monday.",
        '"This is a wonderful day for our city," Ruiz said.',
        "She thanked the engineers for their patience.",
        "Critics called Ruiz reckless.",
    ]
    sentences, raw = _one_article(texts)
    quotes = pd.DataFrame([_quote_row(raw, '"This is a wonderful day for our city,"', "Ana Ruiz", "said")])
    actors = pd.DataFrame({"actor": ["Ana Ruiz", "Ana Ruiz"], "alias": ["Ruiz", "Ana Ruiz"]})
    sentiment = sentence_sentiment(sentences)
    got = actor_sentence_sentiment(sentiment, sentences, actors, quotes=quotes)
    assert list(got.columns) == ACTOR_SENTENCE_COLUMNS
    assert list(zip(got["sentence_id"], got["role"], got["via"])) == [
        ("a-001", "about", "alias"), ("a-002", "by", "speaker"), ("a-003", "about", "pronoun"),
        ("a-004", "about", "alias")]
    # "by" scores only the mayor's words, not "Ruiz said"; "about" the whole sentence with her name masked.
    expected = {
        "a-001": "Mayor someone someone opened the new bridge on Monday.",
        "a-002": '"This is a wonderful day for our city,"',
        "a-003": "She thanked the engineers for their patience.",
        "a-004": "Critics called someone reckless.",
    }
    for sid, text in expected.items():
        row = got[got["sentence_id"] == sid].iloc[0]
        assert row["text"] == text
        assert row["compound"] == REF.polarity_scores(text)["compound"]
    table = actor_sentiment(sentiment, sentences, actors, quotes=quotes).set_index("role")
    assert table.loc["by", "n_sentences"] == 1 and table.loc["about", "n_sentences"] == 3
    assert table.loc["by", "mean_compound"] == REF.polarity_scores(expected["a-002"])["compound"] > 0.5


def test_without_the_quote_table_every_mention_is_about_and_pronouns_stay_unread():
    texts = [
        "Mayor Ana Ruiz opened the new bridge on Monday.",
        '"This is a wonderful day for our city," Ruiz said.',
        "She thanked the engineers for their patience.",
    ]
    sentences, _raw = _one_article(texts)
    actors = pd.DataFrame({"actor": ["Ana Ruiz"], "alias": ["Ruiz"]})
    got = actor_sentence_sentiment(sentence_sentiment(sentences), sentences, actors)
    assert list(zip(got["sentence_id"], got["role"], got["via"])) == [("a-001", "about", "alias"),
                                                                      ("a-002", "about", "alias")]
    assert got["text"].iloc[1] == '"This is a wonderful day for our city," someone said.'


def test_a_joint_speaker_speaks_for_each_of_its_actors():
    texts = ["Officials met on Friday.", '"We agreed on every point," Ankara and Baku said.']
    sentences, raw = _one_article(texts)
    row = _quote_row(raw, '"We agreed on every point,"', "Turkey; Azerbaijan", "said")
    actors = pd.DataFrame({"actor": ["Turkey", "Azerbaijan"], "alias": ["Ankara", "Baku"]})
    got = actor_sentence_sentiment(sentence_sentiment(sentences), sentences, actors, quotes=pd.DataFrame([row]))
    assert sorted(zip(got["actor"], got["role"])) == [("Azerbaijan", "by"), ("Turkey", "by")]
