"""Intervals and permutation tests of summary.csv, with the article as the unit where there are several.

Truths: published table values (Garwood 1936 Poisson limits), scipy.stats
(chi2 and gamma quantiles, binomtest's exact interval, bootstrap's BCa on the
same resamples), values worked out by hand, and permutation p-values obtained
by enumerating every relabelling of a tiny input.
"""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import pytest
import scipy.stats as st

from framing.measures.uncertainty import (
    SUMMARY_COLUMNS,
    _stream,
    articles_needed,
    bca_interval,
    bootstrap_ratio,
    clopper_pearson_interval,
    format_p,
    garwood_interval,
    identical_values_interval,
    min_permutation_p,
    permutation_p,
    summarise,
)

SEED = 20210604


def units(rows: list[tuple], measure: str = "m") -> pd.DataFrame:
    """Rows of (outlet, numerator, denominator) or (outlet, article, numerator, denominator) -> a units table.

    Without an article the outlet's units form one text.
    """
    rows = [r if len(r) == 4 else (r[0], r[0], r[1], r[2]) for r in rows]
    return pd.DataFrame(
        {
            "outlet": [r[0] for r in rows],
            "article_id": [r[1] for r in rows],
            "measure": measure,
            "unit_id": [f"{r[1]}-{i:03d}" for i, r in enumerate(rows)],
            "numerator": [float(r[2]) for r in rows],
            "denominator": [float(r[3]) for r in rows],
        }
    )


def ratio_diff(num: np.ndarray, den: np.ndarray, own: np.ndarray) -> float:
    return num[own].sum() / den[own].sum() - num[~own].sum() / den[~own].sum()


def exact_p(labels: list[str], num, den, outlet: str) -> float:
    """Exact two-sided p over every distinct relabelling of the units (each equally likely).

    Up to eight units every distinct arrangement of the labels is listed; beyond that (too many
    arrangements) every set of units the outlet could receive, which gives the same p because each
    such set occurs in equally many arrangements.
    """
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    observed = abs(ratio_diff(num, den, np.array([x == outlet for x in labels])))
    if len(labels) <= 8:
        owns = [np.array([x == outlet for x in lab]) for lab in set(itertools.permutations(labels))]
    else:
        n_own = labels.count(outlet)
        owns = [np.isin(np.arange(len(labels)), s) for s in itertools.combinations(range(len(labels)), n_own)]
    extreme = sum(abs(ratio_diff(num, den, own)) >= observed - 1e-12 for own in owns)
    return extreme / len(owns)


def article_sums(rows: list[tuple]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Outlet label, summed numerator and summed denominator of every article of (outlet, article, num, den) rows."""
    table = pd.DataFrame(rows, columns=["outlet", "article", "num", "den"])
    sums = table.groupby(["outlet", "article"], sort=True)[["num", "den"]].sum().reset_index()
    return sums["outlet"].tolist(), sums["num"].to_numpy(), sums["den"].to_numpy()


# --------------------------------------------------------------------------- exact intervals


@pytest.mark.parametrize(
    ("count", "low", "high", "tol"),
    [(0, 0.0, 3.689, 5e-4), (1, 0.0253, 5.572, 5e-4), (5, 1.6235, 11.668, 5e-4), (10, 4.7954, 18.390, 5e-4)],
)
def test_garwood_reproduces_published_poisson_limits(count, low, high, tol):
    # 95 % exact Poisson limits for a count (Garwood 1936; the same values in the usual tables).
    assert garwood_interval(count, 1.0) == pytest.approx((low, high), abs=tol)
    # A rate per 1,000 tokens over 250 tokens: the limits of the count divided by the exposure, 0.25.
    assert garwood_interval(count, 0.25) == pytest.approx((low / 0.25, high / 0.25), abs=tol / 0.25)


@pytest.mark.parametrize("confidence", [0.9, 0.95, 0.99])
def test_garwood_matches_chi2_and_gamma_quantiles(confidence):
    a = 1 - confidence
    for x in range(0, 40):
        t = 0.37
        low, high = garwood_interval(x, t, confidence=confidence)
        want_low = st.chi2.ppf(a / 2, 2 * x) / 2 / t if x else 0.0
        want_high = st.chi2.ppf(1 - a / 2, 2 * x + 2) / 2 / t
        assert (low, high) == pytest.approx((want_low, want_high), rel=1e-10, abs=1e-14), x
        # The same limits from gamma quantiles, an independent route through scipy.
        assert high == pytest.approx(st.gamma.ppf(1 - a / 2, x + 1) / t, rel=1e-10)
        assert high > low  # never zero width, not even for x = 0
        assert low <= x / t <= high


def test_garwood_is_undefined_without_exposure():
    assert all(math.isnan(v) for v in garwood_interval(0, 0.0))
    assert garwood_interval(0, 0.2)[1] > 0


@pytest.mark.parametrize("n", [1, 7, 40])
def test_clopper_pearson_matches_scipy_binomtest(n):
    for x in range(n + 1):
        got = clopper_pearson_interval(x, n)
        want = st.binomtest(x, n).proportion_ci(confidence_level=0.95, method="exact")
        assert got == pytest.approx((want.low, want.high), rel=1e-9, abs=1e-12), (x, n)
        assert got[1] > got[0]
    # 0 of n: the upper limit is 1 - 0.025 ** (1 / n), by hand.
    assert clopper_pearson_interval(0, n)[1] == pytest.approx(1 - 0.025 ** (1 / n))


def test_identical_values_interval_by_hand():
    # 12 sentences all scored 0 on a scale from -1 to +1: q = 1 - 0.025 ** (1 / 12) = 0.2640.
    q = 1 - 0.025 ** (1 / 12)
    assert identical_values_interval(0.0, 12, (-1.0, 1.0)) == pytest.approx((-q, q))
    # At a bound the interval opens on one side only.
    assert identical_values_interval(-1.0, 12, (-1.0, 1.0)) == pytest.approx((-1.0, -1.0 + 2 * q))


# --------------------------------------------------------------------------- BCa against scipy


def scipy_bca(num, den, *, n_boot, rng, confidence=0.95):
    """scipy's BCa of sum(num) / sum(den), resampling (num, den) pairs."""
    return st.bootstrap(
        (np.asarray(num, float), np.asarray(den, float)),
        lambda a, b, axis=-1: a.sum(axis=axis) / b.sum(axis=axis),
        paired=True, n_resamples=n_boot, method="BCa", confidence_level=confidence, rng=rng,
    ).confidence_interval


@pytest.mark.parametrize("confidence", [0.8, 0.95])
def test_bca_equals_scipy_on_the_same_resamples(confidence):
    rng = np.random.default_rng(21)
    num = np.round(rng.uniform(-1, 1, 35), 4)  # compound-like scores, skewed by squaring one side
    num = np.where(num > 0, num**2, num)
    den = rng.integers(8, 30, 35).astype(float)  # unequal denominators: a ratio, not a plain mean
    reps = bootstrap_ratio(num, den, n_boot=3000, rng=np.random.default_rng(4))
    jack = (num.sum() - num) / (den.sum() - den)
    got = bca_interval(reps, num.sum() / den.sum(), jack, confidence=confidence)
    want = scipy_bca(num, den, n_boot=3000, rng=np.random.default_rng(4), confidence=confidence)
    assert got == pytest.approx((want.low, want.high), rel=1e-9)


def test_bca_is_undefined_where_scipy_is_degenerate():
    same = np.full(10, 0.5)  # exact in binary, so every sum and jackknife value is exactly 0.5
    reps = bootstrap_ratio(same, np.ones(10), n_boot=200, rng=np.random.default_rng(1))
    assert all(math.isnan(v) for v in bca_interval(reps, 0.5, np.full(10, 0.5)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", st.DegenerateDataWarning)
        warnings.simplefilter("ignore", RuntimeWarning)  # scipy divides 0 by 0 on the way to its NaN
        want = scipy_bca(same, np.ones(10), n_boot=200, rng=np.random.default_rng(1))
    assert math.isnan(want.low) and math.isnan(want.high)


def test_summary_mean_over_sentences_is_scipys_bca_on_the_outlet_stream():
    rng = np.random.default_rng(8)
    rows = [(o, round(float(rng.uniform(-1, 1)), 4), 1.0) for o in "AB" for _ in range(40)]
    data = units(rows, "mean_compound")
    got = summarise(data, n_boot=1500, n_perm=50).set_index("outlet")
    for outlet in "AB":
        sub = data[data["outlet"] == outlet].sort_values("unit_id")
        want = scipy_bca(sub["numerator"], sub["denominator"], n_boot=1500, rng=_stream(SEED, "boot", outlet))
        assert (got.loc[outlet, "ci_low"], got.loc[outlet, "ci_high"]) == pytest.approx((want.low, want.high),
                                                                                           rel=1e-9)
        assert got.loc[outlet, "ci_method"] == "bca_sentences"


# --------------------------------------------------------------------------- the cluster bootstrap


def test_cluster_bootstrap_draws_whole_articles():
    # Article a1: ten sentences scored 1; article a2: ten scored 0.  Drawing two whole articles gives
    # 1 (a1 twice), 0.5 (one each) or 0; resampling sentences would give 0.05, 0.10, ... 0.95 as well.
    num = np.array([1.0] * 10 + [0.0] * 10)
    clusters = np.array(["a1"] * 10 + ["a2"] * 10)
    reps = bootstrap_ratio(num, np.ones(20), n_boot=500, rng=np.random.default_rng(3), clusters=clusters)
    assert set(np.unique(reps)) == {0.0, 0.5, 1.0}
    # Replicate r is row r of integers(0, k, (n_boot, k)) over the article sums, as documented.
    idx = np.random.default_rng(3).integers(0, 2, size=(500, 2))
    art_num, art_den = np.array([10.0, 0.0]), np.array([10.0, 10.0])
    np.testing.assert_array_equal(reps, art_num[idx].sum(axis=1) / art_den[idx].sum(axis=1))


def test_summary_with_several_articles_resamples_articles_not_sentences():
    # Each outlet: one article of ten sentences scored 1 and one of ten scored 0 (or 0.2 for B).
    # Over articles the bootstrap values are 0, 0.5 and 1 (A) with 1/4, 1/2, 1/4: BCa (z0 = 0,
    # acceleration 0 with two symmetric jackknife values) runs from 0 to 1.  Sentences resampled
    # would give about 0.28 to 0.72.
    rows = [("A", "a1", 1.0, 1.0)] * 10 + [("A", "a2", 0.0, 1.0)] * 10
    rows += [("B", "b1", 1.0, 1.0)] * 10 + [("B", "b2", 0.2, 1.0)] * 10
    got = summarise(units(rows), n_boot=2000, n_perm=50).set_index("outlet")
    assert (got.loc["A", "ci_low"], got.loc["A", "ci_high"]) == (0.0, 1.0)
    assert got.loc["A", "ci_method"] == "bca_sentences+bca_articles"
    assert (got.loc["A", "unit"], got.loc["A", "n_units"], got.loc["A", "n_articles"]) == ("articles", 2, 2)


def test_rates_with_several_articles_take_the_envelope_of_garwood_and_the_article_bootstrap():
    # A's two articles have the same rate (4 per 1,000): the article bootstrap has no spread (BCa is
    # undefined, the percentile interval a point), so the interval is Garwood's on the pooled count.
    rows = [("A", "a1", 1, 0.25), ("A", "a1", 1, 0.25), ("A", "a2", 2, 0.5)]
    rows += [("B", "b1", 0, 0.25), ("B", "b2", 3, 0.25)]
    got = summarise(units(rows, "cue_rate"), n_boot=500, n_perm=50).set_index("outlet")
    assert (got.loc["A", "ci_low"], got.loc["A", "ci_high"]) == pytest.approx(garwood_interval(4, 1.0))
    assert got.loc["A", "ci_method"] == "garwood+percentile_articles"
    # B's articles differ (0 and 12 per 1,000): the article bootstrap reaches 0, below Garwood's lower
    # limit for 3 cues over 500 tokens (1.24), while Garwood's upper limit (17.5) is above 12.
    low, high = garwood_interval(3, 0.5)
    assert got.loc["B", "ci_low"] == 0.0 < low
    assert got.loc["B", "ci_high"] == pytest.approx(high) and high > 12.0
    assert got.loc["B", "ci_method"] == "garwood+bca_articles"


# --------------------------------------------------------------------------- unit of analysis and tests


def test_article_level_p_equals_exact_enumeration_over_articles():
    rng = np.random.default_rng(17)
    rows = [(o, f"{o}{a}", int(rng.poisson(2 + (o == "A"))), rng.integers(5, 30) / 1000)
            for o in "AB" for a in range(3) for _ in range(int(rng.integers(3, 9)))]
    got = summarise(units(rows, "cue_rate"), n_perm=2000, n_boot=50).set_index("outlet")
    labels, num, den = article_sums(rows)
    for outlet in "AB":
        # C(6, 3) = 20 relabellings of six articles: enumerated, so p is exact.
        assert got.loc[outlet, "p_value"] == pytest.approx(exact_p(labels, num, den, outlet), abs=1e-12)
        assert got.loc[outlet, "n_units"] == 3 and got.loc[outlet, "unit"] == "articles"


def test_three_outlets_unequal_article_counts_match_enumeration():
    rng = np.random.default_rng(19)
    counts = {"A": 2, "B": 2, "C": 3}
    rows = [(o, f"{o}{a}", float(rng.normal()), float(rng.integers(1, 4)))
            for o, k in counts.items() for a in range(k) for _ in range(int(rng.integers(2, 6)))]
    got = summarise(units(rows), n_perm=2000, n_boot=50).set_index("outlet")
    labels, num, den = article_sums(rows)
    for outlet, k in counts.items():
        assert got.loc[outlet, "p_value"] == pytest.approx(exact_p(labels, num, den, outlet), abs=1e-12), outlet
        assert got.loc[outlet, "min_p"] == pytest.approx(1 / math.comb(7, k))  # 1/21 and 1/35: no symmetry


def test_random_permutations_of_articles_approach_exact_enumeration():
    # C(12, 6) = 924 relabellings > n_perm = 900: drawn at random from the article stream.
    rng = np.random.default_rng(23)
    rows = [(o, f"{o}{a}", float(rng.normal(0.3 * (o == "A"))), 1.0)
            for o in "AB" for a in range(6) for _ in range(int(rng.integers(2, 5)))]
    got = summarise(units(rows), n_perm=900, n_boot=50).set_index("outlet")
    labels, num, den = article_sums(rows)
    want = exact_p(labels, num, den, "A")
    assert got.loc["A", "p_value"] == pytest.approx(want, abs=0.05)
    assert got.loc["A", "min_p"] == pytest.approx(2 / 924)  # the design's floor, above 1 / (900 + 1)


def test_sentence_level_p_matches_hand_enumeration():
    # One text per outlet.  A = {3, 4, 5}, B = {0, 1, 2}: of the C(6, 3) = 20 ways to pick A's
    # sentences only {3, 4, 5} and {0, 1, 2} are as extreme, so p = 2 / 20 = 0.1 exactly.
    rows = [("A", 3, 1), ("A", 4, 1), ("A", 5, 1), ("B", 0, 1), ("B", 1, 1), ("B", 2, 1)]
    got = summarise(units(rows), n_perm=2000, n_boot=100).set_index("outlet")
    assert got.loc["A", "p_value"] == pytest.approx(0.1)
    assert got.loc["B", "p_value"] == pytest.approx(0.1)
    assert got.loc["A", "min_p"] == pytest.approx(0.1)
    assert got.loc["A", "verdict"] == ("no clear difference between this article and the other article (p = 0.10; "
                                       "compares texts, not outlets); cannot reach p < 0.05 with 3 and 3 sentences")


@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_min_p_with_k_articles_per_outlet_is_two_over_c_2k_k(k):
    rows = [(o, f"{o}{a}", float(a + 10 * (o == "A")), 1.0) for o in "AB" for a in range(k) for _ in range(2)]
    got = summarise(units(rows), n_boot=50).set_index("outlet")
    assert got.loc["A", "min_p"] == pytest.approx(2 / math.comb(2 * k, k))
    assert min_permutation_p(k, 2 * k) == pytest.approx(2 / math.comb(2 * k, k))
    # Every A article is above every B article: the most extreme split, so p is the minimum itself.
    assert got.loc["A", "p_value"] == pytest.approx(2 / math.comb(2 * k, k))
    verdict = got.loc["A", "verdict"]
    if k < 4:
        assert verdict.endswith(f"cannot reach p < 0.05 with {k} and {k} articles; needs 4 or more each")
        assert verdict.startswith("no clear difference between this outlet and the other outlet (p = ")
    else:
        assert verdict == f"this outlet's mean differs from the other outlet's ({format_p(2 / math.comb(2 * k, k))}, " \
                          "uncorrected)"


@pytest.mark.parametrize(("n_own", "n_total"), [(1, 2), (1, 3), (2, 4), (2, 5), (3, 5), (2, 6), (3, 6), (1, 6), (4, 7)])
def test_min_p_formula_matches_enumeration_of_every_observed_split(n_own, n_total):
    # Generic unit values and denominators: the smallest exact p over every possible observed own set.
    rng = np.random.default_rng(n_own * 10 + n_total)
    num, den = rng.normal(size=n_total), rng.uniform(0.5, 2.0, n_total)
    sets = [np.isin(np.arange(n_total), s) for s in itertools.combinations(range(n_total), n_own)]
    stats = np.array([abs(ratio_diff(num, den, own)) for own in sets])
    smallest = min(np.count_nonzero(stats >= s - 1e-12) / len(sets) for s in stats)
    assert min_permutation_p(n_own, n_total) == pytest.approx(smallest)


def test_articles_needed_is_the_smallest_k_that_can_reach_alpha():
    assert articles_needed(2) == 4  # 2 / C(6, 3) = 0.10, 2 / C(8, 4) = 0.029
    assert articles_needed(3) == 3  # 1 / C(6, 2) = 0.067, 1 / C(9, 3) = 0.012
    assert articles_needed(4) == 2  # 1 / C(8, 2) = 0.036
    assert articles_needed(1) is None
    for m in range(2, 7):
        k = articles_needed(m)
        assert min_permutation_p(k, m * k) < 0.05
        assert min_permutation_p(k - 1, m * (k - 1)) >= 0.05


def test_one_article_per_outlet_verdict_names_texts_not_outlets():
    rows = [("A", "wire-1", 5 + (i % 3), 1) for i in range(30)] + [("B", "daily-1", i % 3, 1) for i in range(30)]
    got = summarise(units(rows, "cue_rate")).set_index("outlet")
    assert got.loc["A", "p_value"] == pytest.approx(1 / 2001)  # no relabelling is as extreme
    assert got.loc["A", "verdict"] == ("this article's rate differs from the other article's (p < 0.001, "
                                       "uncorrected; compares texts, not outlets)")
    assert got.loc["A", "comparison"] == "this article vs the other article"
    assert (got.loc["A", "unit"], got.loc["A", "n_articles"], got.loc["A", "n_units"]) == (
        "sentences of one article", 1, 30)
    assert "outlet" not in got.loc["A", "verdict"].replace("not outlets", "")
    three = summarise(units(rows + [("C", "state-1", i % 3, 1) for i in range(30)], "cue_rate")).set_index("outlet")
    assert three.loc["A", "verdict"].startswith("this article's rate differs from the other articles' (p < 0.001")
    assert three.loc["A", "comparison"] == "this article vs the other articles"
    alike = [(o, f"{o}-1", i % 3, 1) for o in "ABC" for i in range(30)]
    same = summarise(units(alike, "cue_rate"), n_perm=200).set_index("outlet")
    assert same.loc["B", "verdict"] == ("no clear difference between this article and the others (p = 1.00; "
                                        "compares texts, not outlets)")


def test_several_articles_per_outlet_verdict_names_outlets():
    rows = [(o, f"{o}{a}", float(a + 10 * (o == "A")), 1.0) for o in "ABC" for a in range(3) for _ in range(2)]
    got = summarise(units(rows)).set_index("outlet")
    assert got.loc["A", "comparison"] == "this outlet vs the other outlets"
    assert got.loc["A", "verdict"] == "this outlet's mean differs from the other outlets' (p = 0.012, uncorrected)"
    assert "article" not in got.loc["A", "verdict"]


def test_one_outlet_with_a_single_article_keeps_the_comparison_at_sentences():
    # A has three articles, B one: B's sentences cannot stand for an outlet, so the measure compares texts.
    rows = [("A", f"a{i % 3}", i % 4, 1.0) for i in range(12)] + [("B", "b0", i % 2, 1.0) for i in range(8)]
    got = summarise(units(rows), n_boot=100, n_perm=100).set_index("outlet")
    assert (got.loc["A", "unit"], got.loc["A", "n_units"], got.loc["A", "n_articles"]) == (
        "sentences of 3 articles", 12, 3)
    assert got.loc["A", "comparison"] == "these 3 articles vs the other article"
    assert got.loc["B", "comparison"] == "this article vs the other articles"
    assert got.loc["A", "verdict"].endswith("; compares texts, not outlets)")


# --------------------------------------------------------------------------- no zero-width interval


def write_folder(folder, articles: dict[str, tuple[str, str]]) -> None:
    lines = ["article_id,outlet,file"]
    for article_id, (outlet, text) in articles.items():
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{article_id},{outlet},{article_id}.txt")
    (folder / "articles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


PLAIN = (
    "Ministers Meet in Port City\n\n"
    "The transport ministers of the two countries met in the port city on Tuesday. "
    "They signed an agreement on freight rail links and agreed to meet again in March. "
    "The talks lasted four hours, officials said. "
    "A joint statement listed three new border crossings.\n"
)
PLAIN_2 = (
    "Rail Deal Signed\n\n"
    "The two governments signed a rail freight deal on Tuesday. "
    "Work on the first crossing starts next year. "
    "The ministers toured the harbour after the signing, a spokesman said.\n"
)
HEDGED = (
    "Talks May Bring Rail Deal\n\n"
    "The transport ministers could perhaps agree on new freight links, officials suggested on Tuesday. "
    "The deal would likely open three crossings, although the timing remains unclear. "
    "Observers said the meeting was apparently cordial.\n"
)
HEDGED_2 = (
    "Ministers Appear Close to Deal\n\n"
    "The two sides appear to be close to a rail agreement, reportedly after four hours of talks. "
    "A signing could possibly follow in March, an aide said.\n"
)


@pytest.mark.parametrize("design", ["one article each", "two articles each"])
def test_no_zero_width_interval_when_an_outlet_has_no_hedges(tmp_path, design):
    from framing.pipeline import analyze

    articles = {"plain1": ("Harbour Post", PLAIN), "hedged1": ("Capital Wire", HEDGED)}
    if design == "two articles each":
        articles |= {"plain2": ("Harbour Post", PLAIN_2), "hedged2": ("Capital Wire", HEDGED_2)}
    write_folder(tmp_path, articles)
    summary = analyze(tmp_path, n_boot=300, n_perm=300)["summary"]
    defined = summary[summary["value"].notna()]
    assert (defined["ci_high"] > defined["ci_low"]).all(), defined[defined["ci_high"] <= defined["ci_low"]]
    hedge = summary[(summary["measure"] == "cue_rate") & (summary["category"] == "hedge")
                    & (summary["voice"] == "authorial")].set_index("outlet")
    plain = hedge.loc["Harbour Post"]
    assert plain["numerator"] == 0 and plain["value"] == 0 and plain["ci_low"] == 0
    assert plain["ci_high"] == pytest.approx(garwood_interval(0, plain["denominator"])[1])
    assert hedge.loc["Capital Wire", "numerator"] > 0
    if design == "one article each":
        assert (hedge["ci_method"] == "garwood").all()
    else:  # no hedge in either article: the article bootstrap is a point at 0, Garwood gives the width
        assert hedge.loc["Harbour Post", "ci_method"] == "garwood+percentile_articles"
        assert hedge.loc["Capital Wire", "ci_method"] == "garwood+bca_articles"
    assert set(summary["n_articles"]) == ({1} if design == "one article each" else {2})


def test_identical_scores_and_no_negative_sentence_still_get_an_interval():
    rows = [("A", 0.0, 1.0)] * 12 + [("B", 0.0, 1.0)] * 5 + [("B", -0.6, 1.0)] * 5
    compound = summarise(units(rows, "mean_compound"), n_boot=300, n_perm=100).set_index("outlet")
    q = 1 - 0.025 ** (1 / 12)
    assert (compound.loc["A", "ci_low"], compound.loc["A", "ci_high"]) == pytest.approx((-q, q))
    assert compound.loc["A", "ci_method"] == "identical_sentences"
    assert compound.loc["B", "ci_method"] == "bca_sentences"
    flags = [("A", 0.0, 1.0)] * 12 + [("B", 1.0, 1.0)] * 3 + [("B", 0.0, 1.0)] * 9
    share = summarise(units(flags, "share_negative"), n_boot=100, n_perm=100).set_index("outlet")
    assert (share.loc["A", "ci_low"], share.loc["A", "ci_high"]) == pytest.approx((0.0, q))  # 0 of 12
    assert (share["ci_method"] == "clopper_pearson").all()
    # A custom mean with no known range cannot be widened honestly: no interval rather than a point.
    custom = summarise(units([("A", 2.0, 1.0)] * 4 + [("B", 1.0, 1.0), ("B", 3.0, 1.0)]), n_boot=100, n_perm=100)
    assert custom.set_index("outlet").loc["A", ["ci_low", "ci_high"]].isna().all()


def test_measure_kinds_check_their_units():
    with pytest.raises(ValueError, match="whole, non-negative counts"):
        summarise(units([("A", 0.5, 0.1), ("B", 1.0, 0.1)], "cue_rate"))
    with pytest.raises(ValueError, match="0 or 1"):
        summarise(units([("A", 2.0, 1.0), ("B", 1.0, 1.0)], "share_negative"))
    ok = summarise(units([("A", 2.0, 0.1), ("B", 1.0, 0.1)], "cue_rate"), n_boot=10, n_perm=10)
    assert (ok["ci_method"] == "garwood").all()


# --------------------------------------------------------------------------- table, edge cases, determinism


def test_columns_and_ratio_of_sums():
    got = summarise(units([("A", 1, 0.5), ("A", 2, 1.5), ("B", 0, 1.0), ("B", 3, 2.0)]), n_boot=200, n_perm=200)
    assert list(got.columns) == SUMMARY_COLUMNS
    row = got.set_index("outlet")
    assert row.loc["A", "value"] == pytest.approx(3 / 2.0)  # (1 + 2) / (0.5 + 1.5), not mean of 2 and 4/3
    assert row.loc["B", "value"] == pytest.approx(3 / 3.0)
    assert (row.loc["A", "numerator"], row.loc["A", "denominator"]) == (3.0, 2.0)
    assert row["n_units"].tolist() == [2, 2]


def test_without_article_ids_each_outlet_is_one_text():
    data = units([("A", 1, 1), ("A", 2, 1), ("B", 0, 1), ("B", 3, 1)]).drop(columns="article_id")
    got = summarise(data, n_boot=50, n_perm=50)
    assert (got["unit"] == "sentences of one article").all() and (got["n_articles"] == 1).all()


def test_confidence_level_changes_width():
    rng = np.random.default_rng(3)
    data = units([("A", rng.normal(), 1) for _ in range(50)])
    wide = summarise(data, confidence=0.99, n_perm=10).iloc[0]
    narrow = summarise(data, confidence=0.5, n_perm=10).iloc[0]
    assert wide["ci_low"] < narrow["ci_low"] <= narrow["ci_high"] < wide["ci_high"]
    with pytest.raises(ValueError):
        summarise(data, confidence=95)


def test_interval_contains_value_and_narrows_with_more_units():
    rng = np.random.default_rng(7)
    small = [("A", rng.poisson(2), rng.integers(10, 30) / 1000) for _ in range(20)]
    large = [("A", rng.poisson(2), rng.integers(10, 30) / 1000) for _ in range(400)]
    for measure in ("cue_rate", "m"):
        a = summarise(units(small, measure), n_perm=10).iloc[0]
        b = summarise(units(large, measure), n_perm=10).iloc[0]
        for row in (a, b):
            assert row["ci_low"] <= row["value"] <= row["ci_high"]
        assert b["ci_high"] - b["ci_low"] < a["ci_high"] - a["ci_low"]


@pytest.mark.parametrize("articles", [1, 3])
def test_seed_determinism_and_row_order(articles):
    rng = np.random.default_rng(11)
    rows = [(o, f"{o}{i % articles}", rng.poisson(1), rng.integers(5, 30) / 1000) for o in "ABC" for i in range(25)]
    scores = [(o, a, round(float(rng.uniform(-1, 1)), 4), 1.0) for o, a, _, _ in rows]
    data = pd.concat([units(rows, "cue_rate").assign(category="hedge"), units(rows, "cue_rate").assign(
        category="booster", numerator=lambda d: d["numerator"][::-1].to_numpy()), units(scores, "mean_compound")],
        ignore_index=True)
    first = summarise(data)
    assert first.equals(summarise(data))
    assert first.to_csv(index=False) == summarise(data.sample(frac=1, random_state=5)).to_csv(index=False)
    assert not first.equals(summarise(data, seed=1))
    # A measure's result does not depend on the other measures present.
    alone = summarise(data[data["measure"] == "mean_compound"]).reset_index(drop=True)
    assert alone.equals(first[first["measure"] == "mean_compound"].reset_index(drop=True))
    assert list(first["outlet"]) == list("ABC") * 3


def test_zero_denominators_give_nan_not_errors():
    got = summarise(units([("A", 0, 0), ("A", 1, 0), ("B", 2, 0)]), n_boot=50, n_perm=50)
    assert got["value"].isna().all()
    assert got["ci_low"].isna().all() and got["ci_high"].isna().all()
    assert got["p_value"].isna().all() and got["min_p"].isna().all()
    assert (got["verdict"] == "no value (the denominator is zero)").all()


def test_zero_denominator_in_the_other_outlets():
    got = summarise(units([("A", 1, 1), ("A", 2, 1), ("B", 0, 0)]), n_boot=50, n_perm=50).set_index("outlet")
    assert got.loc["A", "value"] == 1.5
    assert math.isnan(got.loc["B", "value"])
    # The other outlets' ratio is undefined, so there is nothing to compare A with.
    assert got["p_value"].isna().all()
    assert got.loc["A", "verdict"] == "no test (a group has a zero denominator)"


def test_one_outlet():
    got = summarise(units([("A", 1, 1), ("A", 3, 1), ("A", 2, 1)]), n_perm=50).iloc[0]
    assert math.isnan(got["p_value"]) and math.isnan(got["min_p"])
    assert got["verdict"] == "no test: needs two outlets"
    assert got["comparison"] == "no comparison (one outlet)"
    assert got["value"] == 2.0
    assert got["ci_low"] <= 2.0 <= got["ci_high"]


def test_missing_columns_are_reported():
    with pytest.raises(ValueError, match="denominator"):
        summarise(pd.DataFrame({"outlet": ["A"], "measure": ["m"], "unit_id": [1], "numerator": [1]}))


def test_p_value_formula_and_formatting():
    assert permutation_p(2.0, np.array([0.5, -2.0, 3.0, 1.0])) == pytest.approx(3 / 5)
    assert permutation_p(2.0, np.array([0.5, -2.0, 3.0, 1.0]), exact=True) == pytest.approx(2 / 4)
    assert permutation_p(2.0, np.array([np.nan, 1.0])) == pytest.approx(1 / 2)
    assert math.isnan(permutation_p(math.nan, np.array([1.0])))
    assert format_p(0.41) == "p = 0.41"
    assert format_p(0.003) == "p = 0.003"
    assert format_p(0.0004) == "p < 0.001"


# ---------------------------------------------------------------------------
# The random draws, as documented: replicates computed here straight from the
# definitions must equal those of the (blocked, shared) implementation.


def test_bootstrap_replicates_follow_the_documented_draws():
    rng = np.random.default_rng(5)
    n = 4500  # 1000 x 4500 cells: drawn in two blocks
    num = rng.poisson(1.0, n).astype(float)
    den = rng.integers(5, 40, n) / 1000
    got = bootstrap_ratio(num, den, n_boot=1000, rng=np.random.default_rng(42))
    idx = np.random.default_rng(42).integers(0, n, size=(1000, n))
    want = num[idx].sum(axis=1) / den[idx].sum(axis=1)
    np.testing.assert_array_equal(got, want)


def test_permutation_diffs_follow_the_documented_draws():
    from framing.measures.uncertainty import permutation_diffs

    rng = np.random.default_rng(6)
    labels = np.array(["B", "A", "C", "A", "B"] * 900)  # 4500 units, 1000 x 4500 cells: two blocks
    num = rng.poisson(2.0, labels.size).astype(float)
    den = rng.integers(5, 40, labels.size) / 1000
    got = permutation_diffs(num, den, labels, n_perm=1000, rng=np.random.default_rng(9))

    order = np.argsort(labels, kind="stable")  # units grouped by outlet, input order within
    g_num, g_den = num[order], den[order]
    slots = np.random.default_rng(9).permuted(np.tile(np.arange(labels.size), (1000, 1)), axis=1)
    bounds = np.cumsum([0] + [int((labels == o).sum()) for o in "ABC"])
    for k, outlet in enumerate("ABC"):
        own = labels == outlet
        obs = num[own].sum() / den[own].sum() - num[~own].sum() / den[~own].sum()
        take = slots[:, bounds[k] : bounds[k + 1]]  # the units dealt to this outlet
        in_num, in_den = g_num[take].sum(axis=1), g_den[take].sum(axis=1)
        perm = in_num / in_den - (g_num.sum() - in_num) / (g_den.sum() - in_den)
        assert got[outlet][0] == pytest.approx(obs, rel=1e-12)
        np.testing.assert_allclose(got[outlet][1], perm, rtol=1e-9)


def test_article_interval_uses_the_article_stream():
    rng = np.random.default_rng(31)
    rows = [(o, f"{o}{a}", round(float(rng.uniform(-1, 1)), 4), 1.0) for o in "AB" for a in range(8) for _ in range(3)]
    got = summarise(units(rows), n_boot=800, n_perm=50).set_index("outlet")
    labels, num, den = article_sums(rows)
    for outlet in "AB":
        own = np.array(labels) == outlet
        art = scipy_bca(num[own], den[own], n_boot=800, rng=_stream(SEED, "boot", "articles", outlet))
        sub = [r for r in rows if r[0] == outlet]
        sent = scipy_bca([r[2] for r in sub], [r[3] for r in sub], n_boot=800, rng=_stream(SEED, "boot", outlet))
        want = (min(art.low, sent.low), max(art.high, sent.high))
        assert (got.loc[outlet, "ci_low"], got.loc[outlet, "ci_high"]) == pytest.approx(want, rel=1e-9)


def test_measure_alone_equals_measure_among_others_of_other_shapes():
    rng = np.random.default_rng(12)
    rows = [(o, rng.poisson(1), rng.integers(5, 30) / 1000) for o in "ABC" for _ in range(30)]
    fewer = [(o, rng.normal(), 1.0) for o in "AB" for _ in range(12)]  # other outlets, other unit counts
    same_den = [(o, rng.normal(), d) for o, _, d in rows]  # shares the denominators of the first
    data = pd.concat([units(rows, "m1"), units(fewer, "m2"), units(same_den, "m3")], ignore_index=True)
    together = summarise(data, n_boot=300, n_perm=300)
    for measure in ("m1", "m2", "m3"):
        alone = summarise(data[data["measure"] == measure], n_boot=300, n_perm=300)
        assert alone.equals(together[together["measure"] == measure].reset_index(drop=True)), measure


def test_large_input_in_bounded_blocks_matches_enumeration_free_truths():
    # 3 outlets x 3000 units: every resample and permutation is drawn in several blocks.
    rng = np.random.default_rng(13)
    rows = [(o, rng.poisson(lam), 1.0) for o, lam in (("A", 1.0), ("B", 1.0), ("C", 1.3)) for _ in range(3000)]
    got = summarise(units(rows), n_boot=2000, n_perm=2000).set_index("outlet")
    for outlet in "ABC":
        row = got.loc[outlet]
        # Poisson counts: the standard error of a mean of 3000 is about sqrt(lambda / 3000).
        half = 1.96 * math.sqrt(row["value"] / 3000)
        assert row["ci_high"] - row["ci_low"] == pytest.approx(2 * half, rel=0.1)
    assert got.loc["C", "p_value"] == pytest.approx(1 / 2001)  # C's mean is clearly higher


def test_category_and_voice_identify_a_measure_beside_its_name():
    rows = [("A", 1.0, 1.0), ("A", 0.0, 1.0), ("B", 1.0, 1.0), ("B", 1.0, 1.0)]
    hedge = units(rows, "cue_rate").assign(category="hedge", voice="authorial")
    booster = units(rows, "cue_rate").assign(category="booster", voice="authorial", numerator=0.0)
    got = summarise(pd.concat([hedge, booster]), n_boot=50, n_perm=50)
    assert list(got.columns[:4]) == ["outlet", "measure", "category", "voice"]
    assert list(zip(got["category"], got["outlet"])) == [("booster", "A"), ("booster", "B"), ("hedge", "A"),
                                                          ("hedge", "B")]
    assert list(got.loc[got["category"] == "hedge", "value"]) == [0.5, 1.0]
    plain = summarise(units(rows), n_boot=50, n_perm=50)
    assert (plain["category"] == "").all() and (plain["voice"] == "").all()
