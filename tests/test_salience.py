"""Tests of term salience against published reference values and worked examples."""

from __future__ import annotations

import math
import subprocess
import sys
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.load.text import normalise, tokenize
from framing.measures.salience import (
    PAIRWISE_COLUMNS,
    TERM_TABLE_COLUMNS,
    chi_squared,
    load_stopwords,
    log_likelihood_g2,
    log_ratio,
    pairwise_log_odds,
    pairwise_log_odds_z,
    scaled_f_score,
    term_table,
    weighted_log_odds,
)

TOL = 1e-6


def make_tokens(sentences: list[tuple[str, str]]) -> pd.DataFrame:
    """A ``tokens`` table in the corpus contract from (outlet, sentence text) pairs."""
    rows = []
    per_outlet: Counter[str] = Counter()
    for outlet, text in sentences:
        per_outlet[outlet] += 1
        sentence_id = f"{outlet.lower().replace(' ', '')}-{per_outlet[outlet]:03d}"
        for i, tok in enumerate(tokenize(normalise(text))):
            rows.append(
                {
                    "article_id": outlet.lower().replace(" ", ""),
                    "outlet": outlet,
                    "sentence_id": sentence_id,
                    "token_id": i,
                    "start": tok.start,
                    "end": tok.end,
                    "token": tok.text,
                    "lower": tok.text.lower(),
                    "kind": tok.kind,
                    "voice": "authorial",
                }
            )
    return pd.DataFrame(rows)


def words_tokens(docs: dict[str, str]) -> pd.DataFrame:
    """One sentence per outlet from space-separated words."""
    return make_tokens([(outlet, text) for outlet, text in docs.items()])


def cell(table: pd.DataFrame, outlet: str, term: str, column: str) -> float:
    row = table[(table["outlet"] == outlet) & (table["term"] == term)]
    assert len(row) == 1, (outlet, term)
    return row[column].iloc[0]


# ---------------------------------------------------------------------------
# Published reference values (tidylo, scattertext and quanteda test suites)
# ---------------------------------------------------------------------------

TIDYLO_COUNTS = [[12, 2, 4], [3, 10, 1]]  # set 0 and set 1; features 3, 4, 5


def test_weighted_log_odds_informative_matches_tidylo():
    z, _ = weighted_log_odds(TIDYLO_COUNTS, prior="informative")
    expected = [1.1728347, -1.3767516, 0.4033125, -1.1354777, 1.5661168, -0.4362340]
    np.testing.assert_allclose(z.ravel(), expected, atol=TOL)


def test_weighted_log_odds_uninformative_matches_tidylo():
    z, delta = weighted_log_odds(TIDYLO_COUNTS, prior="uninformative")
    np.testing.assert_allclose(
        z.ravel(), [1.8912729, -1.9691060, 0.5549172, -1.7407107, 2.8421436, -0.6570674], atol=TOL
    )
    np.testing.assert_allclose(
        delta.ravel(), [0.6968169, -1.2527630, 0.3249262, -0.9673459, 1.1451323, -0.5268260], atol=TOL
    )


def test_term_table_log_odds_matches_tidylo_through_tokens():
    docs = {
        "set0": " ".join(["three"] * 12 + ["four"] * 2 + ["five"] * 4),
        "set1": " ".join(["three"] * 3 + ["four"] * 10 + ["five"] * 1),
    }
    table = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None)
    expected = {
        ("set0", "three"): 1.1728347,
        ("set0", "four"): -1.3767516,
        ("set0", "five"): 0.4033125,
        ("set1", "three"): -1.1354777,
        ("set1", "four"): 1.5661168,
        ("set1", "five"): -0.4362340,
    }
    for (outlet, term), z in expected.items():
        assert cell(table, outlet, term, "log_odds_z") == pytest.approx(z, abs=TOL)


def test_pairwise_four_term_variance_matches_scattertext():
    z, _ = pairwise_log_odds_z([1, 5, 1, 9], [100, 510, 100, 199], alpha=0.01, variance="four-term")
    np.testing.assert_allclose(z, [-0.5898449, -1.9056841, -0.5898449, 2.9830643], atol=TOL)


def test_pairwise_two_term_is_monroe_eq_20_and_antisymmetric():
    yi, yj = np.array([1.0, 5, 1, 9]), np.array([100.0, 510, 100, 199])
    z, delta = pairwise_log_odds_z(yi, yj, alpha=0.01)
    # eq. 20 written out for the last term: a_0 = 4 * 0.01
    d3 = math.log(9.01 / (16 + 0.04 - 9.01)) - math.log(199.01 / (909 + 0.04 - 199.01))
    assert delta[3] == pytest.approx(d3, abs=1e-12)
    assert z[3] == pytest.approx(d3 / math.sqrt(1 / 9.01 + 1 / 199.01), abs=1e-12)
    z_back, _ = pairwise_log_odds_z(yj, yi, alpha=0.01)
    np.testing.assert_allclose(z_back, -z, atol=1e-12)


# quanteda toy pair: d1 = "b b b b b b b a a a", d2 = "a a a a a a a b b", target d1.
# Vocabulary order [a, b]; d1 counts [3, 7], d2 counts [7, 2].
QD_TARGET, QD_REFERENCE = [3, 7], [7, 2]


def test_g2_matches_quanteda_toy_pair():
    g2 = log_likelihood_g2(QD_TARGET, QD_REFERENCE)
    assert g2[0] == pytest.approx(-4.534939, abs=TOL)
    assert g2[1] == pytest.approx(4.534939, abs=TOL)


def test_g2_williams_matches_quanteda_toy_pair():
    g2 = log_likelihood_g2(QD_TARGET, QD_REFERENCE, correction="williams")
    np.testing.assert_allclose(g2, [-4.200833, 4.200833], atol=TOL)


def test_chi2_with_and_without_yates_matches_quanteda_toy_pair():
    np.testing.assert_allclose(chi_squared(QD_TARGET, QD_REFERENCE), [-4.337160, 4.337160], atol=TOL)
    np.testing.assert_allclose(
        chi_squared(QD_TARGET, QD_REFERENCE, correction="yates"), [-2.632438, 2.632438], atol=TOL
    )
    # The smallest expected count (4.74) is below 5, so quanteda's default applies Yates here.
    np.testing.assert_allclose(
        chi_squared(QD_TARGET, QD_REFERENCE, correction="auto"), [-2.632438, 2.632438], atol=TOL
    )


def test_term_table_g2_matches_quanteda_toy_pair_through_tokens():
    docs = {"d1": "b b b b b b b a a a", "d2": "a a a a a a a b b"}
    table = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None)
    assert cell(table, "d1", "a", "g2") == pytest.approx(-4.534939, abs=TOL)
    assert cell(table, "d1", "b", "g2") == pytest.approx(4.534939, abs=TOL)
    assert cell(table, "d2", "a", "g2") == pytest.approx(4.534939, abs=TOL)
    assert cell(table, "d1", "a", "log_ratio") == pytest.approx(math.log2((3 / 10) / (7 / 9)), abs=1e-12)


# quanteda ordering check: d1 = "a a a b b c c c c c c d e f g h h", d2 = "a a b c c d d d d e f h".
ORDER_TERMS = list("abcdefgh")
ORDER_D1 = [3, 2, 6, 1, 1, 1, 1, 2]
ORDER_D2 = [2, 1, 2, 4, 1, 1, 0, 1]


def _ranked(scores: np.ndarray) -> list[str]:
    # descending score, ties by term: quanteda's order() is stable on its alphabetical features
    return [t for _, t in sorted(zip(-scores, ORDER_TERMS, strict=True))]


def test_g2_ordering_matches_quanteda():
    assert _ranked(log_likelihood_g2(ORDER_D1, ORDER_D2)) == list("cgbhaefd")


def test_chi2_default_ordering_matches_quanteda():
    assert _ranked(chi_squared(ORDER_D1, ORDER_D2, correction="auto")) == list("gcbhaefd")
    # quanteda's own test with target = 2
    assert _ranked(chi_squared(ORDER_D2, ORDER_D1, correction="auto")) == list("defabhcg")


def test_yates_never_overcorrects_like_chisq_test():
    # Feature "a" of the ordering example is the table (3, 2 / 14, 10): |ad - bc| = 2 < N/2 = 14.5.
    # R's chisq.test(correct = TRUE) caps the correction and returns 1.6e-31 (quoted in quanteda's
    # tests); the uncapped formula would give 0.1851001.
    yates = chi_squared(ORDER_D1, ORDER_D2, correction="yates")
    assert yates[0] == pytest.approx(0.0, abs=1e-12)
    # "auto" leaves such a table uncorrected
    assert chi_squared(ORDER_D1, ORDER_D2, correction="auto")[0] == pytest.approx(
        chi_squared(ORDER_D1, ORDER_D2)[0], abs=1e-12
    )


def test_term_table_g2_ordering_through_tokens():
    docs = {"d1": "a a a b b c c c c c c d e f g h h", "d2": "a a b c c d d d d e f h"}
    table = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None)
    d1 = table[table["outlet"] == "d1"].sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    assert d1["term"].tolist() == list("cgbhaefd")


def test_log_ratio_zero_counts_and_missing_reference():
    # 4 of 1,000 vs 0 of 2,000: the zero becomes 0.5, the totals stay.
    out = log_ratio([4, 0], [0, 6], n_target=1000, n_reference=2000)
    assert out[0] == pytest.approx(math.log2((4 / 1000) / (0.5 / 2000)), abs=1e-12)
    assert out[1] == pytest.approx(math.log2((0.5 / 1000) / (6 / 2000)), abs=1e-12)
    assert np.isnan(log_ratio([3], [0], n_target=3, n_reference=0)).all()
    assert np.isnan(log_likelihood_g2([3], [0], n_target=3, n_reference=0)).all()


def test_scaled_f_score_matches_scattertext():
    cat = [1, 5, 1, 9, 100, 1, 1, 0, 0, 2]
    not_cat = [100, 510, 100, 199, 0, 1, 0, 1, 1, 0]
    expected = [0.2689108, 0, 0.2689108, 0.1266617, 1, 0.5, 0.5590517, 0.5, 0.5, 0.5720015]
    np.testing.assert_allclose(scaled_f_score(cat, not_cat, beta=1.0), expected, atol=TOL)


# ---------------------------------------------------------------------------
# Hand-worked example: 2 outlets, 3 terms
# ---------------------------------------------------------------------------
#
# Outlet A: "Sanctions, sanctions and the forum."   -> sanctions 2, forum 1, talks 0   (n_A = 3)
# Outlet B: "Talks at the forum, then sanctions talks." -> sanctions 1, forum 1, talks 2 (n_B = 4)
# ("and", "the", "at", "then" are stopwords; punctuation is dropped.)
#
# Weighted log-odds, informative prior alpha = corpus totals (sanctions 3, forum 2, talks 2):
#   y'_A = (5, 3, 2), n'_A = 10;  y'_B = (4, 3, 4), n'_B = 11;  y'_w = (9, 6, 6), N' = 21.
#   A, sanctions: omega_A = 5 / (10 - 5) = 1;  omega = 9 / (21 - 9) = 3/4;
#                 delta = ln(4/3) = 0.28768;  var = 1/5 + 1/9 = 14/45;  z = 0.28768 / 0.55777 = 0.51577.
#   B, talks:     omega_B = 4 / 7;  omega = 6 / 15 = 2/5;  delta = ln(10/7);  var = 1/4 + 1/6 = 5/12.
# G2, A vs B for "sanctions": a = 2, b = 1, c = 1, d = 3, N = 7;
#   E = (3*3/7, 3*4/7, 4*3/7, 4*4/7) = (9/7, 12/7, 12/7, 16/7);
#   G2 = 2 [2 ln(14/9) + 1 ln(7/12) + 1 ln(7/12) + 3 ln(21/16)] = 2 (0.88367 - 1.07799 + 0.81580) = 1.24295,
#   positive because a = 2 > 9/7.
# Log Ratio, A vs B: sanctions log2((2/3) / (1/4)) = log2(8/3);  talks (A count 0 -> 0.5):
#   log2((0.5/3) / (2/4)) = log2(1/3).
# Rates: A sanctions 1000 * 2/3 = 666.67 per 1,000 unigrams.
# Bigrams: only B has one ("sanctions talks"); "Sanctions , sanctions" crosses a comma and
#   "and the forum" holds stopwords, so neither is a bigram.

HAND = [
    ("A", "Sanctions, sanctions and the forum."),
    ("B", "Talks at the forum, then sanctions talks."),
]


@pytest.fixture
def hand_table() -> pd.DataFrame:
    return term_table(make_tokens(HAND))


def test_hand_example_counts_and_rates(hand_table):
    uni = hand_table[hand_table["ngram"] == 1]
    counts = {(r.outlet, r.term): r.count for r in uni.itertuples()}
    assert counts == {
        ("A", "sanctions"): 2, ("A", "forum"): 1, ("A", "talks"): 0,
        ("B", "sanctions"): 1, ("B", "forum"): 1, ("B", "talks"): 2,
    }
    assert set(uni.loc[uni["outlet"] == "A", "n_tokens"]) == {3}
    assert set(uni.loc[uni["outlet"] == "B", "n_tokens"]) == {4}
    assert cell(uni, "A", "sanctions", "rate_per_1k") == pytest.approx(2000 / 3)


def test_hand_example_log_odds(hand_table):
    uni = hand_table[hand_table["ngram"] == 1]
    assert cell(uni, "A", "sanctions", "log_odds_z") == pytest.approx(
        math.log(4 / 3) / math.sqrt(14 / 45), abs=1e-12
    )
    assert cell(uni, "A", "sanctions", "log_odds_z") == pytest.approx(0.51577, abs=1e-5)
    assert cell(uni, "B", "talks", "log_odds_z") == pytest.approx(math.log(10 / 7) / math.sqrt(5 / 12), abs=1e-12)


def test_hand_example_g2_and_log_ratio(hand_table):
    uni = hand_table[hand_table["ngram"] == 1]
    g2 = 2 * (2 * math.log(14 / 9) + 2 * math.log(7 / 12) + 3 * math.log(21 / 16))
    assert cell(uni, "A", "sanctions", "g2") == pytest.approx(g2, abs=1e-12)
    assert cell(uni, "A", "sanctions", "g2") == pytest.approx(1.24295, abs=1e-5)
    assert cell(uni, "B", "sanctions", "g2") == pytest.approx(-g2, abs=1e-12)
    assert cell(uni, "A", "sanctions", "log_ratio") == pytest.approx(math.log2(8 / 3), abs=1e-12)
    assert cell(uni, "A", "talks", "log_ratio") == pytest.approx(math.log2(1 / 3), abs=1e-12)


def test_hand_example_bigrams_skip_punctuation_and_stopwords(hand_table):
    bi = hand_table[hand_table["ngram"] == 2]
    assert sorted(bi["term"].unique()) == ["sanctions talks"]
    assert cell(bi, "B", "sanctions talks", "count") == 1
    assert cell(bi, "A", "sanctions talks", "count") == 0


def test_hand_example_sort_order(hand_table):
    assert list(hand_table.columns) == list(TERM_TABLE_COLUMNS)
    uni_a = hand_table[(hand_table["outlet"] == "A") & (hand_table["ngram"] == 1)]
    assert uni_a["term"].tolist() == ["sanctions", "forum", "talks"]
    assert hand_table["outlet"].tolist() == sorted(hand_table["outlet"])


# ---------------------------------------------------------------------------
# Stopwords
# ---------------------------------------------------------------------------

STANCE_WORDS = [
    "not", "no", "never", "nor", "cannot", "n't", "without", "against",
    "very", "most", "least", "more", "less", "few", "only", "too", "much", "so", "all",
    "may", "might", "could", "said",
]


def test_default_stopwords_keep_negators_and_intensifiers():
    stop = load_stopwords()
    assert not stop & set(STANCE_WORDS)
    assert {"the", "a", "of", "and", "is", "they", "'s"} <= stop


def test_negators_survive_into_the_term_table():
    tokens = make_tokens([
        ("Wire", "The minister did not rule out new sanctions against Moscow."),
        ("Daily", "Officials said there was no plan for new sanctions."),
    ])
    table = term_table(tokens)
    terms = set(table["term"])
    assert {"not", "no", "against", "said"} <= terms
    assert {"the", "did", "out", "was", "for", "there"}.isdisjoint(terms)
    assert {"not rule", "new sanctions", "sanctions against", "against moscow", "no plan"} <= terms
    assert "rule new" not in terms and "rule out" not in terms


def test_possessive_s_is_a_stopword():
    tokens = make_tokens([("Wire", "Russia's economy grew."), ("Daily", "Biden's team met.")])
    table = term_table(tokens)
    assert not table["term"].str.contains("'s").any()
    assert "russia economy" not in set(table["term"])  # 's is removed, not skipped over


def test_stopword_options():
    tokens = make_tokens([("Wire", "The talks in Geneva."), ("Daily", "The forum in Geneva.")])
    none = set(term_table(tokens, stopwords=None)["term"])
    assert {"the", "in", "the talks", "in geneva"} <= none
    custom = set(term_table(tokens, stopwords=["Geneva"])["term"])
    assert "geneva" not in custom and "the" in custom
    with pytest.raises(ValueError):
        term_table(tokens, stopwords="english")


def test_case_and_numbers_options():
    tokens = make_tokens([("Wire", "Putin met 16 envoys."), ("Daily", "PUTIN met envoys.")])
    kept = term_table(tokens, lowercase=False, ngram_orders=(1,))
    assert {"Putin", "PUTIN"} <= set(kept["term"])
    assert "16" not in set(term_table(tokens)["term"])
    with_numbers = term_table(tokens, include_numbers=True)
    assert {"16", "16 envoys", "met 16"} <= set(with_numbers["term"])
    assert "met envoys" in set(with_numbers["term"])  # Daily's, not bridged over the number


# ---------------------------------------------------------------------------
# Properties and edge cases
# ---------------------------------------------------------------------------

WORDS = ["sanctions", "forum", "talks", "not", "the", "kremlin", "trade"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C"]), st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)),
        min_size=1,
        max_size=8,
    )
)
def test_count_sums_match_tokens(sentences):
    tokens = make_tokens([(outlet, " ".join(words)) for outlet, words in sentences])
    table = term_table(tokens, ngram_orders=(1, 2))
    # n_tokens is the sum of count per outlet and order
    sums = table.groupby(["outlet", "ngram"])["count"].sum()
    firsts = table.groupby(["outlet", "ngram"])["n_tokens"].agg(["min", "max"])
    assert (firsts["min"] == firsts["max"]).all()
    assert (sums == firsts["min"]).all()
    # unigram counts equal an independent count of non-stopword words
    stop = load_stopwords()
    for outlet in table["outlet"].unique():
        words = [w for o, ws in sentences if o == outlet for w in ws if w not in stop]
        expected = Counter(words)
        got = table[(table["outlet"] == outlet) & (table["ngram"] == 1) & (table["count"] > 0)]
        assert dict(zip(got["term"], got["count"], strict=True)) == dict(expected)
        pairs = Counter(
            f"{a} {b}"
            for o, ws in sentences
            if o == outlet
            for a, b in zip(ws, ws[1:])
            if a not in stop and b not in stop
        )
        got2 = table[(table["outlet"] == outlet) & (table["ngram"] == 2) & (table["count"] > 0)]
        assert dict(zip(got2["term"], got2["count"], strict=True)) == dict(pairs)
    # every outlet has a row for every term of its order
    rows = table.groupby(["ngram", "outlet"]).size()
    assert (rows.groupby(level="ngram").nunique() == 1).all()


THREE = [
    ("Wire", "Putin praised trade ties at the forum."),
    ("Wire", "Trade deals were signed."),
    ("Daily", "Putin attacked Washington over sanctions."),
    ("Daily", "Sanctions were not lifted."),
    ("Post", "The forum opened with talks on trade and sanctions."),
]


def test_three_outlets_each_against_the_rest():
    table = term_table(make_tokens(THREE), ngram_orders=(1,))
    assert sorted(table["outlet"].unique()) == ["Daily", "Post", "Wire"]
    vocab = table["term"].nunique()
    assert len(table) == 3 * vocab
    # "sanctions" for Daily (2 of its 7 unigrams) vs Wire + Post pooled (1 of 8 + 5 = 13 unigrams)
    a, b = 2, 1
    n_t = table.loc[table["outlet"] == "Daily", "n_tokens"].iloc[0]
    n_r = table.loc[table["outlet"] != "Daily"].groupby("outlet")["n_tokens"].first().sum()
    assert (n_t, n_r) == (7, 13)
    c, d, n = n_t - a, n_r - b, n_t + n_r
    cells = [(a, (a + b) * (a + c) / n), (b, (a + b) * (b + d) / n), (c, (c + d) * (a + c) / n),
             (d, (c + d) * (b + d) / n)]
    g2 = 2 * sum(o * math.log(o / e) for o, e in cells)
    assert cell(table, "Daily", "sanctions", "g2") == pytest.approx(g2, abs=1e-12)
    assert cell(table, "Daily", "sanctions", "log_ratio") == pytest.approx(math.log2((2 / 7) / (1 / 13)))
    # log-odds: the same numbers as the matrix function on the outlets x terms table
    matrix = table.pivot(index="outlet", columns="term", values="count").sort_index()
    z = weighted_log_odds(matrix.to_numpy()).z
    expected = pd.DataFrame(z, index=matrix.index, columns=matrix.columns)
    for row in table.itertuples():
        assert row.log_odds_z == pytest.approx(expected.loc[row.outlet, row.term], abs=1e-12)
    assert table[["log_odds_z", "g2", "log_ratio"]].notna().all().all()


def test_single_outlet_gives_nan_comparisons():
    table = term_table(make_tokens([("Wire", "Putin praised trade ties at the forum.")]))
    assert len(table) > 0
    assert table[["log_odds_z", "g2", "log_ratio"]].isna().all().all()
    assert cell(table, "Wire", "putin", "count") == 1
    # putin, praised, trade, ties, forum: 5 unigrams ("at", "the" are stopwords)
    assert cell(table, "Wire", "putin", "rate_per_1k") == pytest.approx(1000 / 5)


def test_min_count_filters_terms_and_totals():
    table = term_table(make_tokens(THREE), ngram_orders=(1,), min_count=2)
    assert set(table["term"]) == {"putin", "trade", "forum", "sanctions"}
    wire = table[table["outlet"] == "Wire"]
    assert set(wire["n_tokens"]) == {wire["count"].sum()}


def test_determinism_and_row_order_independence():
    tokens = make_tokens(THREE)
    first = term_table(tokens)
    second = term_table(tokens)
    pd.testing.assert_frame_equal(first, second)
    shuffled = tokens.sample(frac=1.0, random_state=7)
    pd.testing.assert_frame_equal(first, term_table(shuffled))


def test_input_is_not_mutated():
    tokens = make_tokens(THREE)
    before = tokens.copy()
    term_table(tokens)
    pairwise_log_odds(tokens, "Wire", "Daily")
    pd.testing.assert_frame_equal(tokens, before)


def test_bigrams_do_not_bridge_gaps_left_by_filtering():
    tokens = make_tokens([("Wire", 'Putin called the sanctions "illegal" trade war.'), ("Daily", "Trade war.")])
    no_illegal = tokens[tokens["lower"] != "illegal"]
    terms = set(term_table(no_illegal)["term"])
    assert "trade war" in terms
    assert "sanctions trade" not in terms


def test_empty_tokens_give_an_empty_table_with_the_columns():
    table = term_table(make_tokens([("Wire", "The.")]))
    assert list(table.columns) == list(TERM_TABLE_COLUMNS)
    assert len(table) == 0


# ---------------------------------------------------------------------------
# Pairwise table
# ---------------------------------------------------------------------------


def test_pairwise_table_matches_hand_example():
    table = pairwise_log_odds(make_tokens(HAND), "A", "B", ngram_orders=(1,), prior="uninformative", alpha=0.5)
    assert list(table.columns) == list(PAIRWISE_COLUMNS)
    row = table[table["term"] == "sanctions"].iloc[0]
    assert (row.count_a, row.count_b, row.n_tokens_a, row.n_tokens_b) == (2, 1, 3, 4)
    # a_w = 0.5 for 3 terms, a_0 = 1.5
    delta = math.log(2.5 / (3 + 1.5 - 2.5)) - math.log(1.5 / (4 + 1.5 - 1.5))
    assert row.log_odds_delta == pytest.approx(delta, abs=1e-12)
    assert row.log_odds_z == pytest.approx(delta / math.sqrt(1 / 2.5 + 1 / 1.5), abs=1e-12)
    assert table["log_odds_z"].is_monotonic_decreasing


def test_pairwise_table_is_antisymmetric_and_validates():
    tokens = make_tokens(THREE)
    ab = pairwise_log_odds(tokens, "Wire", "Daily").set_index(["ngram", "term"]).sort_index()
    ba = pairwise_log_odds(tokens, "Daily", "Wire").set_index(["ngram", "term"]).sort_index()
    np.testing.assert_allclose(ab["log_odds_z"], -ba["log_odds_z"], atol=1e-12)
    assert "Post" not in set(ab["outlet_a"]) | set(ab["outlet_b"])
    with pytest.raises(ValueError):
        pairwise_log_odds(tokens, "Wire", "Nowhere")


# ---------------------------------------------------------------------------
# Module hygiene
# ---------------------------------------------------------------------------


def test_module_does_not_import_nltk_or_sklearn():
    code = "import sys, framing.measures.salience; print('nltk' in sys.modules or 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_seed_corpus_table_is_consistent():
    from framing.core.paths import SEED_EVENT_DIR
    from framing.load.corpus import load_corpus

    corpus = load_corpus(SEED_EVENT_DIR)
    table = term_table(corpus.tokens)
    assert set(table["outlet"]) == set(corpus.articles["outlet"])
    tokens = corpus.tokens
    words = tokens[tokens["kind"].isin(["word", "abbreviation"]) & ~tokens["lower"].isin(load_stopwords())]
    unigrams = table[table["ngram"] == 1].groupby("outlet")["count"].sum()
    assert unigrams.to_dict() == words.groupby("outlet").size().to_dict()
    # stance words survive in the real articles
    assert {"against", "not"} & set(table["term"])


def test_top_terms_one_tie_rule():
    from framing.measures.salience import top_terms

    t = pd.DataFrame({
        "outlet": ["B", "B", "B", "B", "B", "A", "A"],
        "term": ["zeta", "alpha", "beta", "gone", "unused", "x", "y"],
        "ngram": [1] * 7,
        "count": [2, 2, 5, 3, 0, 1, 1],
        "log_odds_z": [1.5, 1.5, 1.5 + 1e-13, -0.2, 4.0, 0.5, 0.0],
    })
    ranked = top_terms(t)
    # outlets in the table's order; z (rounded, so 1e-13 is noise), then count, then term
    assert ranked[["outlet", "term", "rank"]].values.tolist() == [
        ["B", "beta", 1], ["B", "alpha", 1], ["B", "zeta", 1], ["A", "x", 1]]
    first = top_terms(t, ties="first")
    assert first["rank"].tolist() == [1, 2, 3, 1]
    assert top_terms(t, n=1)["term"].tolist() == ["beta", "alpha", "zeta", "x"]  # a tie at the cut keeps all
    assert top_terms(t, n=1, ties="first")["term"].tolist() == ["beta", "x"]
    with pytest.raises(ValueError):
        top_terms(t, ties="dense")
