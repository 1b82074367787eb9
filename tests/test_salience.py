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
    attainable_z,
    chi_squared,
    fisher_exact_p,
    load_stopwords,
    log_likelihood_g2,
    log_ratio,
    min_expected,
    pairwise_log_odds,
    pairwise_log_odds_z,
    scaled_f_score,
    scaled_prior,
    stands_out,
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
    table = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None, log_odds="one_vs_all")
    assert set(table["log_odds_method"]) == {"one_vs_all"}
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
    # The smallest expected count (9 * 9 / 19 = 4.26) is below 5, so quanteda's default applies Yates here.
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
    assert cell(table, "d1", "a", "g2_williams") == pytest.approx(-4.200833, abs=TOL)
    assert cell(table, "d2", "a", "g2_williams") == pytest.approx(4.200833, abs=TOL)


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


def test_hand_example_log_odds_one_vs_all():
    uni = term_table(make_tokens(HAND), ngram_orders=(1,), log_odds="one_vs_all")
    assert cell(uni, "A", "sanctions", "log_odds_z") == pytest.approx(
        math.log(4 / 3) / math.sqrt(14 / 45), abs=1e-12
    )
    assert cell(uni, "A", "sanctions", "log_odds_z") == pytest.approx(0.51577, abs=1e-5)
    assert cell(uni, "B", "talks", "log_odds_z") == pytest.approx(math.log(10 / 7) / math.sqrt(5 / 12), abs=1e-12)


# Pairwise comparison with the scaled prior (the default for two outlets), same hand example:
#   N = 3 + 4 = 7, alpha_0 = N / 2 = 3.5, alpha_w = alpha_0 * y_w / N = y_w / 2:
#   sanctions 1.5, forum 1, talks 1 (a_0 = 3.5).
#   A, sanctions: delta = ln(3.5 / (3 + 3.5 - 3.5)) - ln(2.5 / (4 + 3.5 - 2.5)) = ln(7/6) - ln(1/2) = ln(7/3);
#                 var = 1/3.5 + 1/2.5 = 24/35.
#   A, forum:     delta = ln(2 / 4.5) - ln(2 / 5.5) = ln(11/9);  var = 1/2 + 1/2 = 1.
#   A, talks:     delta = ln(1 / 5.5) - ln(3 / 4.5) = ln(3/11);  var = 1/1 + 1/3 = 4/3.
# Attainable z of "sanctions" (3 uses): splits k = 0..3 uses in A give |z| = ln 5 / sqrt(8/9) = 1.707,
#   ln(7/5) / sqrt(24/35) = 0.406, ln(7/3) / sqrt(24/35) = 1.023 and, all three in A,
#   ln[(4.5 / 2) / (1.5 / 6)] / sqrt(1/4.5 + 1/1.5) = ln 9 / sqrt(8/9) = 2.3305: the maximum.
# Attainable z of "talks" (2 uses): both in A gives ln[(3 / 3.5) / (1 / 6.5)] / sqrt(1/3 + 1) = ln(39/7) / sqrt(4/3).
# Fisher, "sanctions" A vs B: table (2, 1 / 1, 3); given the margins P(x) = C(3, x) C(4, 3 - x) / 35
#   = 4, 18, 12, 1 (/35) for x = 0..3; observed x = 2: p = (4 + 12 + 1) / 35 = 17/35.


def test_hand_example_pairwise_scaled_prior(hand_table):
    uni = hand_table[hand_table["ngram"] == 1]
    assert set(uni["log_odds_method"]) == {"pairwise"}
    expected = {
        "sanctions": math.log(7 / 3) / math.sqrt(24 / 35),
        "forum": math.log(11 / 9),
        "talks": math.log(3 / 11) / math.sqrt(4 / 3),
    }
    for term, z in expected.items():
        assert cell(uni, "A", term, "log_odds_z") == pytest.approx(z, abs=1e-12)
        assert cell(uni, "B", term, "log_odds_z") == pytest.approx(-z, abs=1e-12)
    # the tidy pairwise function gives the same numbers
    pair = pairwise_log_odds(make_tokens(HAND), "A", "B", ngram_orders=(1,)).set_index("term")
    for term, z in expected.items():
        assert pair.loc[term, "log_odds_z"] == pytest.approx(z, abs=1e-12)


def test_scaled_prior_sums_to_alpha_0():
    yi, yj = [2, 1, 0], [1, 1, 2]
    np.testing.assert_allclose(scaled_prior(yi, yj), [1.5, 1.0, 1.0])
    np.testing.assert_allclose(scaled_prior(yi, yj, alpha_0=14), [6.0, 4.0, 4.0])
    assert scaled_prior(yi, yj, alpha_0=0.7).sum() == pytest.approx(0.7)
    with pytest.raises(ValueError):
        scaled_prior(yi, yj, alpha_0=0)


def test_hand_example_attainable_z(hand_table):
    uni = hand_table[hand_table["ngram"] == 1]
    sanctions = math.log(9) / math.sqrt(8 / 9)
    assert cell(uni, "A", "sanctions", "z_attainable") == pytest.approx(sanctions, abs=1e-12)
    assert cell(uni, "B", "sanctions", "z_attainable") == pytest.approx(sanctions, abs=1e-12)
    assert cell(uni, "A", "talks", "z_attainable") == pytest.approx(math.log(39 / 7) / math.sqrt(4 / 3), abs=1e-12)
    assert (uni["log_odds_z"].abs() <= uni["z_attainable"] + 1e-12).all()


def test_hand_example_fisher_williams_and_low_expected(hand_table):
    uni = hand_table[hand_table["ngram"] == 1]
    assert cell(uni, "A", "sanctions", "fisher_p") == pytest.approx(17 / 35, abs=1e-12)
    assert cell(uni, "B", "sanctions", "fisher_p") == pytest.approx(17 / 35, abs=1e-12)
    # 2 x 2 tables of 7 tokens: every expected count is below 5
    assert uni["low_expected"].all()
    williams = log_likelihood_g2([2], [1], n_target=3, n_reference=4, correction="williams")[0]
    assert cell(uni, "A", "sanctions", "g2_williams") == pytest.approx(williams, abs=1e-12)
    assert abs(williams) < abs(cell(uni, "A", "sanctions", "g2"))


def test_two_outlets_can_still_be_compared_one_against_all_and_pairwise_needs_two():
    tokens = make_tokens(THREE)
    assert set(term_table(tokens)["log_odds_method"]) == {"one_vs_all"}
    with pytest.raises(ValueError, match="exactly two"):
        term_table(tokens, log_odds="pairwise")
    with pytest.raises(ValueError):
        term_table(tokens, log_odds="both")


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
WORDS_FOR_Z = ["sanctions", "sanctions", "sanctions", "forum", "talks", "kremlin", "trade"]


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
    comparisons = ["log_odds_z", "z_attainable", "g2", "g2_williams", "fisher_p", "log_ratio"]
    assert table[comparisons].isna().all().all()
    assert not table["low_expected"].any()
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
# Small-count tests: Fisher's exact p, expected counts
# ---------------------------------------------------------------------------


def test_fisher_exact_p_matches_scipy():
    from scipy.stats import fisher_exact

    # the quanteda toy pair
    p = fisher_exact_p(QD_TARGET, QD_REFERENCE)
    expected = fisher_exact([[3, 7], [7, 2]]).pvalue
    np.testing.assert_allclose(p, [expected, expected], rtol=1e-12)
    # random small tables, including equal totals (tied probabilities on both sides of the mode)
    rng = np.random.default_rng(20210616)
    for _ in range(300):
        n_t, n_r = int(rng.integers(1, 400)), int(rng.integers(1, 400))
        if rng.random() < 0.3:
            n_r = n_t
        a, b = int(rng.integers(0, min(n_t, 25) + 1)), int(rng.integers(0, min(n_r, 25) + 1))
        mine = fisher_exact_p([a], [b], n_target=n_t, n_reference=n_r)[0]
        assert mine == pytest.approx(fisher_exact([[a, b], [n_t - a, n_r - b]]).pvalue, rel=1e-9, abs=1e-15)


def test_fisher_exact_p_hand_worked_and_edges():
    # (3, 0 / 0, 3): P(x) = C(3, x) C(3, 3 - x) / 20 = 1, 9, 9, 1 (/20); p = 2/20
    assert fisher_exact_p([3], [0], n_target=3, n_reference=3)[0] == pytest.approx(0.1, abs=1e-12)
    # a term neither corpus uses: p = 1 (as scipy); an empty corpus: no test
    assert fisher_exact_p([0], [0], n_target=5, n_reference=5)[0] == 1.0
    assert np.isnan(fisher_exact_p([2], [0], n_target=2, n_reference=0)).all()


def test_min_expected_and_low_expected_flag():
    # toy pair, term "a": expected (10 * 10, 10 * 9, 9 * 10, 9 * 9) / 19: the smallest is 81/19 = 4.26
    assert min_expected(QD_TARGET, QD_REFERENCE)[0] == pytest.approx(81 / 19, abs=1e-12)
    table = term_table(words_tokens({"d1": "b b b b b b b a a a", "d2": "a a a a a a a b b"}),
                       ngram_orders=(1,), stopwords=None)
    assert table["low_expected"].all()
    # 10 + 10 against 12 + 8 words: expected 11, 11, 9, 9, none below 5
    docs = {"wire": " ".join(["talks"] * 10 + ["sanctions"] * 10),
            "daily": " ".join(["talks"] * 12 + ["sanctions"] * 8)}
    table = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None)
    assert not table["low_expected"].any()


# ---------------------------------------------------------------------------
# Attainable z: when can a term reach |z| = 1.96 at all?
# ---------------------------------------------------------------------------


def _pairwise_z_by_hand(k, m, n_i, n_j):
    a, a0 = m / 2, (n_i + n_j) / 2
    delta = math.log((k + a) / (n_i + a0 - k - a)) - math.log((m - k + a) / (n_j + a0 - (m - k) - a))
    return delta / math.sqrt(1 / (k + a) + 1 / (m - k + a))


def test_attainable_z_is_the_best_split_written_out():
    totals, n = np.array([1.0, 4.0, 9.0, 30.0, 56.0]), np.array([40.0, 60.0])
    got = attainable_z(totals, n, group=0, method="pairwise")
    for m, value in zip(totals, got, strict=True):
        feasible = range(max(0, int(m) - 60), min(int(m), 40) + 1)  # k uses in A, m - k in B
        best = max(abs(_pairwise_z_by_hand(k, m, 40, 60)) for k in feasible)
        assert value == pytest.approx(best, abs=1e-12)
    # one against all, informative prior (alpha_w = y_w, three groups):
    # all m uses in the group: y'_i = 2m, y'_w = 4m, n'_i = n_i + N, N' = 4N
    n3 = np.array([40.0, 60.0, 50.0])
    totals = np.array([1.0, 4.0, 9.0, 30.0, 106.0])
    got = attainable_z(totals, n3, group=1, method="one_vs_all")
    big_n = n3.sum()
    for m, value in zip(totals, got, strict=True):
        def z(k, m=m):
            yi, yw = k + m, 4 * m
            return (math.log(yi / (60 + big_n - yi)) - math.log(yw / (4 * big_n - yw))) / math.sqrt(1 / yi + 1 / yw)
        feasible = range(max(0, int(m) - 90), min(int(m), 60) + 1)
        assert value == pytest.approx(max(abs(z(k)) for k in feasible), abs=1e-12)


def test_a_light_prior_is_not_maximised_by_the_most_lopsided_split():
    # uninformative prior, alpha_w = 1 for 2 terms (a_0 = 2), two texts of 100 words, a term used 60 times:
    # the largest |z| comes from 55 uses against 5 (z = 6.91), not from 60 against 0 (z = 4.97),
    # because a zero count leaves the variance term 1 / (0 + 1) = 1.
    got = attainable_z(np.array([60.0, 140.0]), np.array([100.0, 100.0]), group=0, method="pairwise",
                       prior="uninformative")

    def z(k, m=60):
        d = math.log((k + 1) / (100 + 2 - k - 1)) - math.log((m - k + 1) / (100 + 2 - (m - k) - 1))
        return abs(d / math.sqrt(1 / (k + 1) + 1 / (m - k + 1)))

    assert got[0] == pytest.approx(max(z(k) for k in range(61)), abs=1e-12)
    assert got[0] == pytest.approx(z(55), abs=1e-12)
    assert got[0] > z(60) + 1.5
    with pytest.raises(ValueError, match="sum"):
        attainable_z(np.array([6.0, 5.0]), np.array([5.0, 5.0]), group=0, method="pairwise")


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C"]), st.lists(st.sampled_from(WORDS_FOR_Z), min_size=1, max_size=9)),
        min_size=2,
        max_size=9,
    ),
    st.sampled_from(["informative", "uninformative"]),
)
def test_observed_z_never_exceeds_attainable(sentences, prior):
    tokens = make_tokens([(outlet, " ".join(words)) for outlet, words in sentences])
    table = term_table(tokens, ngram_orders=(1,), stopwords=None, prior=prior)
    rows = table[table["log_odds_z"].notna()]
    assert (rows["log_odds_z"].abs() <= rows["z_attainable"] + 1e-9).all()


def _article(outlet_words: dict[str, int], n_words: int, prefix: str) -> str:
    """A text of ``n_words`` words: the given counts, then distinct filler words used once."""
    words = [w for w, k in outlet_words.items() for _ in range(k)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    filler = [f"{prefix}{x}{y}" for x in letters for y in letters]
    return " ".join(words + filler[: n_words - len(words)])


def test_at_article_scale_the_one_against_all_z_cannot_reach_196():
    # Two 400-word texts; the most frequent words occur 15 and 14 times in all (like "Putin" and "Biden"
    # in two wire stories of the same summit).  With the prior as heavy as the data, none can reach 1.96.
    docs = {"wire": _article({"putin": 8, "biden": 7, "summit": 5}, 400, "w"),
            "daily": _article({"putin": 7, "biden": 7, "geneva": 3}, 400, "d")}
    table = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None, log_odds="one_vs_all")
    assert table["z_attainable"].max() < 1.96
    # the pairwise scaled prior lets the frequent words reach it if their uses were one-sided
    pair = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None)
    assert pair.loc[pair["term"] == "putin", "z_attainable"].iloc[0] > 1.96
    assert pair.loc[pair["term"] == "summit", "z_attainable"].iloc[0] < 1.96


def test_scaled_prior_docstring_numbers_for_two_400_word_texts():
    # A word used k times in one text and never in the other: z from k = 9, Fisher p < .05 from k = 6.
    z = [_pairwise_z_by_hand(k, k, 400, 400) for k in (8, 9)]
    assert z[0] < 1.96 < z[1]
    assert z[1] / 3 == pytest.approx(0.67, abs=0.01)
    p = fisher_exact_p([5, 6], [0, 0], n_target=400, n_reference=400)
    assert p[0] > 0.05 > p[1]


def test_zero_cells_get_the_prior_unlike_tidylo():
    # A: x 3, y 1, z 0;  B: x 1, y 2, z 2.  Informative prior alpha = (4, 3, 2).
    # Here (zero-filled): y'_A = (7, 4, 2), n'_A = 13, y'_B = (5, 5, 4), y'_w = (12, 9, 6), N' = 27:
    #   z(A, x) = ln[(7 / 6) / (12 / 15)] / sqrt(1/7 + 1/12).
    # tidylo (observed rows only): (A, z) has no row, so y'_A = (7, 4), n'_A = 11, y'_z = 4, N' = 25:
    #   z(A, x) = ln[(7 / 4) / (12 / 13)] / sqrt(1/7 + 1/12).
    z = weighted_log_odds([[3, 1, 0], [1, 2, 2]]).z
    ours = math.log((7 / 6) / (12 / 15)) / math.sqrt(1 / 7 + 1 / 12)
    tidylo = math.log((7 / 4) / (12 / 13)) / math.sqrt(1 / 7 + 1 / 12)
    assert z[0, 0] == pytest.approx(ours, abs=1e-12)
    assert abs(z[0, 0] - tidylo) > 0.1
    assert np.isfinite(z[0, 2])  # tidylo has no value for a term the group never used


# ---------------------------------------------------------------------------
# Which terms stand out
# ---------------------------------------------------------------------------


def test_stands_out_rule():
    rows = pd.DataFrame({
        "term": ["sanctions", "regime", "summit", "talks", "envoy"],
        "count": [6, 1, 3, 2, 4],
        "g2": [8.3, 2.8, 1.1, 6.0, -5.0],
        "fisher_p": [0.03, 0.04, 0.25, 0.01, 0.02],
    })
    # sanctions and talks: used at least twice, over-used, p < .05.  regime: a single use (never a finding);
    # summit: p = .25; envoy: p = .02 but under-used (g2 < 0).
    assert rows.loc[stands_out(rows), "term"].tolist() == ["sanctions", "talks"]
    assert rows.loc[stands_out(rows, min_count=1), "term"].tolist() == ["sanctions", "regime", "talks"]
    with pytest.raises(ValueError, match="fisher_p"):
        stands_out(rows.drop(columns="fisher_p"))


def test_six_exclusive_uses_stand_out_five_do_not():
    # Two 200-word wire stories; one repeats "ceasefire" 6 times, the other "truce" 5 times.
    docs = {"wire": _article({"ceasefire": 6}, 200, "w"), "daily": _article({"truce": 5}, 200, "d")}
    table = term_table(words_tokens(docs), ngram_orders=(1,), stopwords=None)
    out = table[stands_out(table)]
    assert out[["outlet", "term"]].values.tolist() == [["wire", "ceasefire"]]


# ---------------------------------------------------------------------------
# Charts: the |z| = 1.96 line only where a term can reach it
# ---------------------------------------------------------------------------


def _dashed(ax) -> list[float]:
    lines = [line for line in ax.lines if line.get_linestyle() == "--"]
    return sorted(float(line.get_xdata()[0] if line.get_xdata()[0] == line.get_xdata()[-1]
                        else line.get_ydata()[0]) for line in lines)


SHORT = [
    ("Harbour Post", "The delegation arrived in Geneva on Tuesday for talks on arms control."),
    ("Capital Wire", "Officials in Moscow said the summit in Geneva would cover prisoners and cyber attacks."),
]
LONG = SHORT + [("Harbour Post", "New sanctions were announced as sanctions talks stalled.")] * 6


def test_salience_chart_draws_no_threshold_line_when_no_term_can_reach_it():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.present import plots

    outlets = ["Harbour Post", "Capital Wire"]
    terms = term_table(make_tokens(SHORT))
    assert terms.loc[terms["ngram"] == 1, "z_attainable"].max() < 1.96
    fig, ax = plt.subplots()
    plots.plot_top_terms(terms, outlets=outlets, ax=ax)
    texts = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    assert _dashed(ax) == []
    assert "z is a ranking score here" in texts and plots.SIGNIFICANCE_NOTE not in texts
    assert ax.get_xlabel() == "log-odds z (outlet vs the other outlet)"
    fig, ax = plt.subplots()
    plots.plot_frequency_vs_distinctiveness(terms, outlet="Capital Wire", outlets=outlets, ax=ax)
    assert _dashed(ax) == []
    grid = plots.plot_top_terms_grid(terms, outlets=outlets)
    assert all(_dashed(panel) == [] for panel in grid.axes)
    plt.close("all")


def test_salience_chart_draws_the_threshold_line_when_a_term_can_reach_it():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.present import plots

    outlets = ["Harbour Post", "Capital Wire"]
    terms = term_table(make_tokens(LONG))
    assert terms.loc[terms["ngram"] == 1, "z_attainable"].max() > 1.96
    fig, ax = plt.subplots()
    plots.plot_top_terms(terms, outlets=outlets, ax=ax)
    texts = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    assert _dashed(ax) == [-1.96, 1.96]
    assert plots.SIGNIFICANCE_NOTE in texts and "ranking score" not in texts
    fig, ax = plt.subplots()
    plots.plot_frequency_vs_distinctiveness(terms, outlet="Harbour Post", outlets=outlets, ax=ax)
    assert _dashed(ax) == [-1.96, 1.96]
    grid = plots.plot_top_terms_grid(terms, outlets=outlets)
    assert [_dashed(panel) for panel in grid.axes if panel.get_visible()] == [[1.96], [1.96]]
    plt.close("all")


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


def test_term_table_from_counts_of_parts_equals_term_table_of_the_whole():
    # counts of two halves of a corpus, added term by term, give the table of the whole corpus
    from pathlib import Path

    from framing.load.corpus import load_corpus
    from framing.measures.salience import ngram_counts, term_table, term_table_from_counts

    tokens = load_corpus(Path(__file__).parent / "fixtures" / "three-outlets").tokens
    ids = sorted(tokens["article_id"].unique())
    halves = [tokens[tokens["article_id"].isin(ids[::2])], tokens[tokens["article_id"].isin(ids[1::2])]]
    parts = [ngram_counts(h)[1] for h in halves]
    summed = pd.concat(parts).groupby(["outlet", "ngram", "term"], sort=True)["count"].sum().reset_index()
    whole = term_table(tokens)
    got = term_table_from_counts(summed, sorted(tokens["outlet"].unique()))
    pd.testing.assert_frame_equal(got, whole)
    assert len(whole) > 100 and whole["count"].sum() > 0
