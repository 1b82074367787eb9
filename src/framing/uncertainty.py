"""Intervals and tests for per-outlet measures built from small samples of sentences.

Two articles of a few hundred words are a tiny sample, so every per-outlet
number gets a bootstrap interval (resampling the units, usually sentences,
within the outlet) and a permutation test against the other outlets pooled.
Both work for any measure that is a ratio of sums, ``sum(numerator) /
sum(denominator)`` over units: a rate per 1,000 tokens (numerator = cue count,
denominator = tokens / 1000) or a plain mean (numerator = value, denominator =
1).
"""

from __future__ import annotations

import math
import zlib
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

UNIT_COLUMNS = ["outlet", "measure", "unit_id", "numerator", "denominator"]
SUMMARY_COLUMNS = [
    "outlet",
    "measure",
    "value",
    "numerator",
    "denominator",
    "ci_low",
    "ci_high",
    "p_value",
    "n_units",
    "verdict",
]
ALPHA = 0.05


def _stream(seed: int, *names: str) -> np.random.Generator:
    """A random generator that depends only on ``seed`` and the given names.

    Each measure (and each outlet within it) draws from its own stream, so
    adding a measure or an outlet leaves the other results unchanged.
    """
    return np.random.default_rng([seed, *(zlib.crc32(n.encode("utf-8")) for n in names)])


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """Element-wise ``num / den`` with NaN where ``den`` is 0."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


def format_p(p: float) -> str:
    """Format a p-value for prose: 2 decimals from 0.1, 3 below, ``< 0.001`` below that."""
    if p < 0.001:
        return "p < 0.001"
    if p < 0.1:
        return f"p = {p:.3f}"
    return f"p = {p:.2f}"


def verdict_of(p: float, *, n_outlets: int, value: float, alpha: float = ALPHA) -> str:
    """Say in plain words what the permutation p-value allows one to conclude."""
    if math.isnan(value):
        return "no value (the denominator is zero)"
    if n_outlets < 2:
        return "no test: needs two outlets"
    if math.isnan(p):
        return "no test (a group has a zero denominator)"
    if p < alpha:
        return f"different from the other outlets ({format_p(p)}, uncorrected)"
    return f"insufficient evidence ({format_p(p)}, uncorrected)"


def bootstrap_ratio(
    numerator: np.ndarray, denominator: np.ndarray, *, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Return ``n_boot`` bootstrap replicates of ``sum(numerator) / sum(denominator)``.

    Units are drawn with replacement, as many as there are.  A replicate whose
    resampled denominator is 0 is NaN.
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    n = num.size
    if n == 0:
        return np.full(n_boot, np.nan)
    idx = rng.integers(0, n, size=(n_boot, n))
    return _ratio(num[idx].sum(axis=1), den[idx].sum(axis=1))


def permutation_diffs(
    numerator: np.ndarray,
    denominator: np.ndarray,
    labels: np.ndarray,
    *,
    n_perm: int,
    rng: np.random.Generator,
) -> dict[str, tuple[float, np.ndarray]]:
    """Observed and permuted differences "outlet minus all other outlets" for every outlet.

    The statistic is ``ratio(outlet) - ratio(others)`` with ``ratio = sum(num)
    / sum(den)``.  Outlet labels are shuffled among the units (one shuffle
    serves every outlet), which keeps the number of units per outlet fixed.

    Returns
    -------
    dict
        outlet -> (observed difference, array of ``n_perm`` permuted differences).
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    names, codes = np.unique(np.asarray(labels).astype(str), return_inverse=True)
    shuffled = rng.permuted(np.tile(codes, (n_perm, 1)), axis=1)
    total_num, total_den = num.sum(), den.sum()
    out = {}
    for code, outlet in enumerate(names.tolist()):
        own = codes == code
        obs = float(
            _ratio(num[own].sum(), den[own].sum()) - _ratio(total_num - num[own].sum(), total_den - den[own].sum())
        )
        mask = (shuffled == code).astype(float)
        in_num, in_den = mask @ num, mask @ den
        perm = _ratio(in_num, in_den) - _ratio(total_num - in_num, total_den - in_den)
        out[outlet] = (obs, perm)
    return out


def permutation_p(observed: float, permuted: np.ndarray) -> float:
    """Two-sided permutation p-value ``(1 + #{|d*| >= |d|}) / (1 + n)``.

    ``n`` counts the permutations whose statistic is defined (not NaN).  A
    relative tolerance of 1e-9 treats floating-point ties as ties.
    """
    if math.isnan(observed):
        return math.nan
    valid = permuted[~np.isnan(permuted)]
    if valid.size == 0:
        return math.nan
    threshold = abs(observed) - 1e-9 * max(1.0, abs(observed))
    return float((1 + np.count_nonzero(np.abs(valid) >= threshold)) / (1 + valid.size))


def summarise(
    units: pd.DataFrame,
    *,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int = 20210604,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Per outlet and measure: the value, a bootstrap interval and a permutation test.

    Parameters
    ----------
    units : DataFrame
        Long table, one row per unit (usually a sentence) x measure, with
        columns ``outlet, measure, unit_id, numerator, denominator``.  For a
        rate per 1,000 authorial tokens: numerator = cue count in the sentence,
        denominator = authorial tokens of the sentence / 1000.  For a mean of a
        score: numerator = score, denominator = 1.
    n_boot : int
        Bootstrap resamples per outlet and measure.
    n_perm : int
        Label permutations per measure.
    seed : int
        Seed of numpy's random Generator.  Each measure and outlet draws from
        its own stream derived from the seed and their names, so results do
        not depend on row order or on which other measures are present.
    confidence : float
        Coverage of the percentile interval (0.95 = 2.5th to 97.5th percentile).

    Returns
    -------
    DataFrame
        One row per outlet x measure, sorted by measure then outlet, with columns

        - ``value``: ratio of sums, ``sum(numerator) / sum(denominator)`` over the
          outlet's units; direction is that of the measure (a hedge rate: higher
          = more hedged).  NaN when the denominator sums to 0.
        - ``numerator, denominator``: the two sums, shown so the value can be checked.
        - ``ci_low, ci_high``: percentile bootstrap interval of ``value``,
          resampling the outlet's units with replacement (Efron & Tibshirani
          1993, ch. 13); resamples with a zero denominator are dropped.
        - ``p_value``: two-sided permutation test of "this outlet vs all other
          outlets pooled": the statistic is ``value(outlet) - value(others)``;
          outlet labels are shuffled among the units ``n_perm`` times and
          ``p = (1 + #{|d*| >= |d|}) / (1 + n_perm)`` (Phipson & Smyth 2010),
          counting only permutations where both ratios are defined.  NaN with a
          single outlet.
        - ``n_units``: units of the outlet for the measure.
        - ``verdict``: plain words at alpha = 0.05, e.g. ``"insufficient evidence
          (p = 0.41, uncorrected)"`` or ``"different from the other outlets
          (p = 0.003, uncorrected)"``; no multiple-comparison correction is
          applied across measures or outlets, so with many measures some
          "different" verdicts are expected by chance.

    Notes
    -----
    Units are treated as independent, which sentences of one article are not
    quite; the intervals are therefore on the narrow side.
    """
    import pandas as pd

    missing = [c for c in UNIT_COLUMNS if c not in units.columns]
    if missing:
        raise ValueError(f"units lacks columns {missing}")
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    lo_q, hi_q = 50 * (1 - confidence), 50 * (1 + confidence)

    data = units[UNIT_COLUMNS].copy()
    data["outlet"] = data["outlet"].astype(str)
    data["measure"] = data["measure"].astype(str)
    data["_key"] = data["unit_id"].astype(str)
    data = data.sort_values(["measure", "outlet", "_key", "numerator", "denominator"], kind="stable")

    rows = []
    for measure, group in data.groupby("measure", sort=True):
        num = group["numerator"].to_numpy(dtype=float)
        den = group["denominator"].to_numpy(dtype=float)
        labels = group["outlet"].to_numpy()
        outlets = sorted(set(labels.tolist()))
        tests = {}
        if len(outlets) > 1:
            tests = permutation_diffs(num, den, labels, n_perm=n_perm, rng=_stream(seed, "perm", measure))
        for outlet in outlets:
            own = labels == outlet
            n_sum, d_sum = float(num[own].sum()), float(den[own].sum())
            value = float(_ratio(n_sum, d_sum))
            boots = bootstrap_ratio(num[own], den[own], n_boot=n_boot, rng=_stream(seed, "boot", measure, outlet))
            boots = boots[~np.isnan(boots)]
            if boots.size:
                ci_low, ci_high = (float(x) for x in np.percentile(boots, [lo_q, hi_q]))
            else:
                ci_low = ci_high = math.nan
            p = permutation_p(*tests[outlet]) if outlet in tests else math.nan
            rows.append(
                {
                    "outlet": outlet,
                    "measure": measure,
                    "value": value,
                    "numerator": n_sum,
                    "denominator": d_sum,
                    "ci_low": ci_low,
                    "ci_high": ci_high,
                    "p_value": p,
                    "n_units": int(own.sum()),
                    "verdict": verdict_of(p, n_outlets=len(outlets), value=value),
                }
            )
    out = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for col in ("value", "numerator", "denominator", "ci_low", "ci_high", "p_value"):
        out[col] = out[col].astype(float)
    out["n_units"] = out["n_units"].astype(int)
    return out.reset_index(drop=True)
