"""Bootstrap intervals and permutation tests for ratio-of-sums measures.

Truths: values worked out by hand, and permutation p-values obtained by
enumerating every relabelling of a tiny input.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from framing.measures.uncertainty import SUMMARY_COLUMNS, format_p, permutation_p, summarise


def units(rows: list[tuple[str, float, float]], measure: str = "m") -> pd.DataFrame:
    """Rows of (outlet, numerator, denominator) -> a units table."""
    return pd.DataFrame(
        {
            "outlet": [r[0] for r in rows],
            "measure": measure,
            "unit_id": [f"{r[0]}-{i:03d}" for i, r in enumerate(rows)],
            "numerator": [float(r[1]) for r in rows],
            "denominator": [float(r[2]) for r in rows],
        }
    )


def exact_p(rows: list[tuple[str, float, float]], outlet: str) -> float:
    """Exact two-sided p over every distinct relabelling (each equally likely)."""
    labels = [r[0] for r in rows]
    num = np.array([r[1] for r in rows], dtype=float)
    den = np.array([r[2] for r in rows], dtype=float)

    def diff(lab):
        own = np.array([x == outlet for x in lab])
        return num[own].sum() / den[own].sum() - num[~own].sum() / den[~own].sum()

    observed = abs(diff(labels))
    arrangements = set(itertools.permutations(labels))
    extreme = sum(abs(diff(lab)) >= observed - 1e-12 for lab in arrangements)
    return extreme / len(arrangements)


def test_columns_and_ratio_of_sums():
    got = summarise(units([("A", 1, 0.5), ("A", 2, 1.5), ("B", 0, 1.0), ("B", 3, 2.0)]), n_boot=200, n_perm=200)
    assert list(got.columns) == SUMMARY_COLUMNS
    row = got.set_index("outlet")
    assert row.loc["A", "value"] == pytest.approx(3 / 2.0)  # (1 + 2) / (0.5 + 1.5), not mean of 2 and 4/3
    assert row.loc["B", "value"] == pytest.approx(3 / 3.0)
    assert (row.loc["A", "numerator"], row.loc["A", "denominator"]) == (3.0, 2.0)
    assert row["n_units"].tolist() == [2, 2]


def test_two_outlet_p_value_matches_hand_enumeration():
    # A = {3, 4, 5}, B = {0, 1, 2}, denominators 1: observed difference 4 - 1 = 3.
    # Of the C(6, 3) = 20 ways to pick A's three values, |mean A - mean B| >= 3 only
    # for {3, 4, 5} and {0, 1, 2}: exact p = 2 / 20 = 0.1.
    rows = [("A", 3, 1), ("A", 4, 1), ("A", 5, 1), ("B", 0, 1), ("B", 1, 1), ("B", 2, 1)]
    assert exact_p(rows, "A") == pytest.approx(0.1)
    got = summarise(units(rows), n_perm=20000, n_boot=100).set_index("outlet")
    assert got.loc["A", "p_value"] == pytest.approx(0.1, abs=0.015)
    assert got.loc["B", "p_value"] == pytest.approx(0.1, abs=0.015)  # with two outlets the test is symmetric
    assert got.loc["A", "verdict"].startswith("insufficient evidence (p = ")


def test_three_outlets_unequal_denominators_match_enumeration():
    rows = [
        ("A", 5, 2.0),
        ("A", 7, 1.0),
        ("A", 6, 1.5),
        ("B", 1, 1.0),
        ("B", 0, 2.5),
        ("C", 2, 1.0),
        ("C", 3, 0.5),
    ]
    got = summarise(units(rows), n_perm=20000, n_boot=100).set_index("outlet")
    for outlet in "ABC":
        assert got.loc[outlet, "p_value"] == pytest.approx(exact_p(rows, outlet), abs=0.015), outlet


def test_clear_difference_is_reported():
    rows = [("A", 5 + (i % 3), 1) for i in range(30)] + [("B", i % 3, 1) for i in range(30)]
    got = summarise(units(rows)).set_index("outlet")
    assert got.loc["A", "p_value"] == pytest.approx(1 / 2001)  # no relabelling is as extreme
    assert got.loc["A", "verdict"] == "different from the other outlets (p < 0.001, uncorrected)"


def test_bootstrap_interval_of_two_units_is_their_range():
    # Resampling two units with replacement gives mean 2 (p = 1/4), 4 (1/2) or 6 (1/4):
    # the 2.5th and 97.5th percentiles are 2 and 6.
    got = summarise(units([("A", 2, 1), ("A", 6, 1)]), n_perm=10).iloc[0]
    assert (got["ci_low"], got["ci_high"]) == (2.0, 6.0)


def test_interval_contains_value_and_narrows_with_more_units():
    rng = np.random.default_rng(7)
    small = [("A", rng.poisson(2), rng.integers(10, 30) / 1000) for _ in range(20)]
    large = [("A", rng.poisson(2), rng.integers(10, 30) / 1000) for _ in range(400)]
    a = summarise(units(small), n_perm=10).iloc[0]
    b = summarise(units(large), n_perm=10).iloc[0]
    for row in (a, b):
        assert row["ci_low"] <= row["value"] <= row["ci_high"]
    assert b["ci_high"] - b["ci_low"] < a["ci_high"] - a["ci_low"]


def test_confidence_level_changes_width():
    rng = np.random.default_rng(3)
    data = units([("A", rng.normal(), 1) for _ in range(50)])
    wide = summarise(data, confidence=0.99, n_perm=10).iloc[0]
    narrow = summarise(data, confidence=0.5, n_perm=10).iloc[0]
    assert wide["ci_low"] < narrow["ci_low"] <= narrow["ci_high"] < wide["ci_high"]
    with pytest.raises(ValueError):
        summarise(data, confidence=95)


def test_seed_determinism_and_row_order():
    rng = np.random.default_rng(11)
    rows = [(o, rng.poisson(1), rng.integers(5, 30) / 1000) for o in "ABC" for _ in range(25)]
    data = pd.concat([units(rows, "hedge_rate"), units(rows, "booster_rate")], ignore_index=True)
    first = summarise(data)
    assert first.equals(summarise(data))
    assert first.equals(summarise(data.sample(frac=1, random_state=5)))
    assert not first.equals(summarise(data, seed=1))
    # A measure's result does not depend on the other measures present.
    alone = summarise(data[data["measure"] == "hedge_rate"]).reset_index(drop=True)
    assert alone.equals(first[first["measure"] == "hedge_rate"].reset_index(drop=True))
    assert list(first["measure"]) == ["booster_rate"] * 3 + ["hedge_rate"] * 3
    assert list(first["outlet"]) == list("ABCABC")


def test_zero_denominators_give_nan_not_errors():
    got = summarise(units([("A", 0, 0), ("A", 1, 0), ("B", 2, 0)]), n_boot=50, n_perm=50)
    assert got["value"].isna().all()
    assert got["ci_low"].isna().all() and got["ci_high"].isna().all()
    assert got["p_value"].isna().all()
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
    assert math.isnan(got["p_value"])
    assert "needs two outlets" in got["verdict"]
    assert got["value"] == 2.0
    assert got["ci_low"] <= 2.0 <= got["ci_high"]


def test_missing_columns_are_reported():
    with pytest.raises(ValueError, match="denominator"):
        summarise(pd.DataFrame({"outlet": ["A"], "measure": ["m"], "unit_id": [1], "numerator": [1]}))


def test_p_value_formula_and_formatting():
    assert permutation_p(2.0, np.array([0.5, -2.0, 3.0, 1.0])) == pytest.approx(3 / 5)
    assert permutation_p(2.0, np.array([np.nan, 1.0])) == pytest.approx(1 / 2)
    assert math.isnan(permutation_p(math.nan, np.array([1.0])))
    assert format_p(0.41) == "p = 0.41"
    assert format_p(0.003) == "p = 0.003"
    assert format_p(0.0004) == "p < 0.001"


# ---------------------------------------------------------------------------
# The random draws, as documented: replicates computed here straight from the
# definitions must equal those of the (blocked, shared) implementation.


def test_bootstrap_replicates_follow_the_documented_draws():
    from framing.measures.uncertainty import bootstrap_ratio

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


def test_summary_interval_uses_the_outlet_stream():
    from framing.measures.uncertainty import _stream, bootstrap_ratio

    rng = np.random.default_rng(8)
    rows = [(o, rng.poisson(1), rng.integers(5, 30) / 1000) for o in "AB" for _ in range(40)]
    data = units(rows)
    got = summarise(data, n_boot=500, n_perm=50).set_index("outlet")
    for outlet in "AB":
        sub = data[data["outlet"] == outlet].sort_values("unit_id")
        num, den = sub["numerator"].to_numpy(), sub["denominator"].to_numpy()
        reps = bootstrap_ratio(num, den, n_boot=500, rng=_stream(20210604, "boot", outlet))
        low, high = np.percentile(reps, [50 * (1 - 0.95), 50 * (1 + 0.95)])  # as summarise computes them
        assert (got.loc[outlet, "ci_low"], got.loc[outlet, "ci_high"]) == (low, high)


def test_measure_alone_equals_measure_among_others_of_other_shapes():
    rng = np.random.default_rng(12)
    rows = [(o, rng.poisson(1), rng.integers(5, 30) / 1000) for o in "ABC" for _ in range(30)]
    fewer = [(o, rng.normal(), 1.0) for o in "AB" for _ in range(12)]  # other outlets, other unit counts
    same_den = [(o, rng.poisson(3), d) for o, _, d in rows]  # shares the denominators of the first
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
