"""Intervals and tests for per-outlet measures, with the article as the unit of analysis where possible.

Every per-outlet number of ``summary.csv`` is a ratio of sums over units
(sentences), ``sum(numerator) / sum(denominator)``: a rate per 1,000 tokens
(numerator = cues in the sentence, denominator = its tokens / 1000), a share
(numerator = 1 for a negative sentence, else 0; denominator = 1) or a mean
(numerator = the sentence's score, denominator = 1).  :func:`summarise` gives
each an interval and a permutation test of "this outlet against the rest".

What a test compares depends on the unit that is resampled.  The sentences of
one article are not a sample of an outlet: with one article per outlet, a test
over sentences compares two texts, and says nothing about the outlets that
published them.  So when every outlet has two or more articles, whole articles
are resampled and permuted (the outlet is compared with the other outlets);
otherwise sentences are, and the table says that texts, not outlets, were
compared.  Intervals come from exact formulas where the measure is a count
(Garwood for rates, Clopper-Pearson for shares) and from the BCa bootstrap
for means.
"""

from __future__ import annotations

import functools
import itertools
import math
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from framing.core.vocabulary import (
    ALPHA,
    MEASURE_KEY,
    MEASURE_KINDS,
    MEASURE_RANGES,
    SUMMARY_COLUMNS,
    UNIT_ARTICLES,
    UNIT_COLUMNS,
    UNIT_SENTENCES,
    MeasureKind,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _stream(seed: int, *names: str) -> np.random.Generator:
    """A random generator that depends only on ``seed`` and the given names."""
    return np.random.default_rng([seed, *(zlib.crc32(n.encode("utf-8")) for n in names)])


# Resampling works in blocks of at most this many cells (resamples x units), so
# memory stays bounded (about 32 MB of indices) however large the corpus.
_BLOCK_CELLS = 1 << 22


def _block_rows(n_rows: int, n_units: int) -> int:
    """Resamples per block: as many as fit in :data:`_BLOCK_CELLS` cells, at least one."""
    return max(1, min(n_rows, _BLOCK_CELLS // max(n_units, 1)))


def _whole(col: np.ndarray) -> bool:
    """True when ``col`` holds whole numbers so small that every sum of up to ``col.size`` of them is exact.

    Such sums come out the same in any order of addition, so these columns
    can be summed together by a matrix product (cue counts, 0/1 flags, a
    denominator of 1).  A negative zero is excluded: its float sum keeps the sign.
    """
    if col.size == 0 or not np.all(np.isfinite(col)):
        return False
    biggest = float(np.abs(col).max())
    if biggest * col.size >= 2**53:
        return False
    return bool(np.array_equal(col, np.trunc(col)) and not np.any(np.signbit(col) & (col == 0)))


def _resampled_sums(columns: list[np.ndarray], blocks, reduce, weights, shape: tuple[int, ...]) -> list[np.ndarray]:
    """Sums of every column over the unit indices of each block.

    ``blocks`` yields ``(lo, hi, idx)``: rows ``lo:hi`` of the result come from
    the index matrix ``idx``.  A column of whole numbers (:func:`_whole`) is
    summed exactly, together with the other such columns, as the matrix
    product of ``weights(idx)`` (one matrix per trailing result index: how
    often each unit counts in each row) with the matrix of those columns.  Any
    other column is gathered and summed on its own, ``reduce(column[idx])``.
    Either way a column's sums do not depend on which other columns are present.
    """
    out = [np.empty(shape) for _ in columns]
    whole = [i for i, col in enumerate(columns) if _whole(col)]
    rest = [i for i in range(len(columns)) if i not in whole]
    stack = np.column_stack([columns[i] for i in whole]) if whole else None
    for lo, hi, idx in blocks:
        for i in rest:
            out[i][lo:hi] = reduce(np.take(columns[i], idx))
        if stack is None:
            continue
        for k, w in enumerate(weights(idx)):
            sums = w @ stack
            for j, i in enumerate(whole):
                if len(shape) == 1:
                    out[i][lo:hi] = sums[:, j]
                else:
                    out[i][lo:hi, k] = sums[:, j]
    return out


def _bootstrap_sums(columns: list[np.ndarray], *, n_boot: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Sums of every column over the same ``n_boot`` resamples of the units (drawn with replacement).

    All columns have one value per unit.  Resample ``r`` is row ``r`` of
    ``rng.integers(0, n, size=(n_boot, n))``; the rows are drawn block by block,
    which gives the same numbers as one draw.  A column's sums are
    ``column[idx].sum(axis=1)`` and do not depend on the other columns.
    """
    n = columns[0].size
    step = _block_rows(n_boot, n)

    def blocks():
        for lo in range(0, n_boot, step):
            hi = min(n_boot, lo + step)
            yield lo, hi, rng.integers(0, n, size=(hi - lo, n))

    def counts(idx):
        rows = idx.shape[0]
        flat = (idx + (np.arange(rows) * n)[:, None]).ravel()
        return [np.bincount(flat, minlength=rows * n).reshape(rows, n).astype(float)]

    return _resampled_sums(columns, blocks(), lambda values: values.sum(axis=1), counts, (n_boot,))


def _permutation_sums(
    columns: list[np.ndarray], sizes: list[int], *, n_perm: int, rng: np.random.Generator
) -> list[np.ndarray]:
    """Group sums of every column after ``n_perm`` random relabellings of the units.

    The units (one value per unit in every column) are dealt at random into
    groups of the given sizes: permutation ``r`` is row ``r`` of
    ``rng.permuted(np.tile(np.arange(n), (n_perm, 1)), axis=1)`` (drawn block by
    block, which gives the same rows) and group ``k`` receives the units in its
    slots ``sizes[0] + ... + sizes[k-1]`` onward.  This is the same as shuffling
    the group labels among the units with the group sizes fixed.  Returns, per
    column, an array ``(n_perm, len(sizes))`` of group sums; a column's sums do
    not depend on the other columns.
    """
    n = int(sum(sizes))
    starts = np.concatenate([[0], np.cumsum(sizes[:-1])]).astype(np.intp)
    slots = np.arange(n, dtype=np.int32 if n < 2**31 else np.int64)
    group_of_slot = np.repeat(np.arange(len(sizes), dtype=np.min_scalar_type(len(sizes))), sizes)
    step = _block_rows(n_perm, n)

    def blocks():
        for lo in range(0, n_perm, step):
            hi = min(n_perm, lo + step)
            yield lo, hi, rng.permuted(np.tile(slots, (hi - lo, 1)), axis=1)

    def memberships(perm):
        group = np.empty(perm.shape, dtype=group_of_slot.dtype)
        np.put_along_axis(group, perm, np.broadcast_to(group_of_slot, perm.shape), axis=1)  # each unit's group
        return ((group == k).astype(float) for k in range(len(sizes)))  # one block-sized matrix at a time

    return _resampled_sums(
        columns,
        blocks(),
        lambda values: np.add.reduceat(values, starts, axis=1),
        memberships,
        (n_perm, len(sizes)),
    )


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """Element-wise ``num / den`` with NaN where ``den`` is 0."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


# --------------------------------------------------------------------------- intervals


def garwood_interval(count: float, exposure: float, *, confidence: float = 0.95) -> tuple[float, float]:
    """Exact Poisson interval (Garwood 1936) of the rate ``count / exposure``.

    For ``x`` events over an exposure ``t`` and ``a = 1 - confidence``::

        lower = chi2.ppf(a / 2, 2x) / 2 / t        (0 when x = 0)
        upper = chi2.ppf(1 - a / 2, 2x + 2) / 2 / t

    computed as gamma quantiles (``chi2.ppf(q, 2k) / 2`` is the ``q`` quantile
    of a gamma distribution of shape ``k``).  Each tail holds at most ``a / 2``
    whatever the true rate, so the interval is conservative, and it never has
    zero width: with no events it still runs from 0 to ``3.689 / t`` at 95 %.

    Parameters
    ----------
    count : float
        Number of events ``x`` (a whole number, >= 0), e.g. cues.
    exposure : float
        ``t``, e.g. tokens / 1000 for a rate per 1,000 tokens.
    confidence : float
        Coverage, between 0 and 1.

    Returns
    -------
    (float, float)
        Lower and upper limits of the rate; NaN when ``exposure`` is 0.

    References
    ----------
    Garwood, F. (1936). Fiducial limits for the Poisson distribution.
    Biometrika 28(3/4), 437-442.
    """
    from scipy.special import gammaincinv

    if not exposure > 0 or not math.isfinite(count):
        return math.nan, math.nan
    a = 1.0 - confidence
    lower = float(gammaincinv(count, a / 2)) if count > 0 else 0.0
    upper = float(gammaincinv(count + 1, 1 - a / 2))
    return lower / exposure, upper / exposure


def clopper_pearson_interval(successes: float, trials: float, *, confidence: float = 0.95) -> tuple[float, float]:
    """Exact binomial interval (Clopper & Pearson 1934) of the share ``successes / trials``.

    For ``x`` successes in ``n`` trials and ``a = 1 - confidence``::

        lower = beta.ppf(a / 2, x, n - x + 1)        (0 when x = 0)
        upper = beta.ppf(1 - a / 2, x + 1, n - x)    (1 when x = n)

    Conservative, and never of zero width for ``n >= 1``: with 0 of ``n`` the
    upper limit is ``1 - (a / 2) ** (1 / n)``.

    Returns
    -------
    (float, float)
        Lower and upper limits of the share; NaN when ``trials`` is 0.

    References
    ----------
    Clopper, C. J. & Pearson, E. S. (1934). The use of confidence or fiducial
    limits illustrated in the case of the binomial. Biometrika 26(4), 404-413.
    """
    from scipy.special import betaincinv

    if not trials > 0 or not math.isfinite(successes):
        return math.nan, math.nan
    a = 1.0 - confidence
    x, n = float(successes), float(trials)
    lower = float(betaincinv(x, n - x + 1, a / 2)) if x > 0 else 0.0
    upper = float(betaincinv(x + 1, n - x, 1 - a / 2)) if x < n else 1.0
    return lower, upper


def bca_interval(
    replicates: np.ndarray, observed: float, jackknife: np.ndarray, *, confidence: float = 0.95
) -> tuple[float, float]:
    """Bias-corrected and accelerated (BCa) bootstrap interval (Efron 1987).

    With ``B`` bootstrap replicates ``t*`` of a statistic whose estimate is
    ``t`` and its ``n`` jackknife (leave-one-unit-out) values ``t_(i)``::

        z0 = Phi^-1( (#{t* < t} + #{t* <= t}) / (2B) )                 bias correction
        u_i = (n - 1) (mean(t_(.)) - t_(i))
        acc = sum(u_i^3) / n^3 / (6 (sum(u_i^2) / n^2)^(3/2))            acceleration
        q_lo = Phi(z0 + (z0 + z) / (1 - acc (z0 + z))),  z = Phi^-1(a / 2)
        q_hi = the same with -z

    and the interval is the ``q_lo`` and ``q_hi`` quantiles of ``t*`` (linear
    interpolation).  These are the formulas of ``scipy.stats.bootstrap(...,
    method="BCa")`` (Efron & Tibshirani 1993, eq. 14.14-14.15), which gives
    the same interval from the same replicates.

    Replicates that are NaN (a resample whose ratio is undefined) are dropped.
    Returns ``(nan, nan)`` where BCa is undefined: no replicates, fewer than
    two jackknife values or one that is NaN, every jackknife value equal (the
    acceleration is 0 / 0, as when all units have the same value), or every
    replicate on one side of the estimate (``z0`` infinite).

    References
    ----------
    Efron, B. (1987). Better bootstrap confidence intervals. JASA 82(397), 171-185.
    Efron, B. & Tibshirani, R. (1993). An Introduction to the Bootstrap, ch. 14.
    """
    from scipy.special import ndtr, ndtri

    reps = np.asarray(replicates, dtype=float)
    reps = reps[~np.isnan(reps)]
    jack = np.asarray(jackknife, dtype=float)
    if reps.size == 0 or math.isnan(observed) or jack.size < 2 or np.isnan(jack).any():
        return math.nan, math.nan
    share = (np.count_nonzero(reps < observed) + np.count_nonzero(reps <= observed)) / (2 * reps.size)
    z0 = float(ndtri(share))
    n = float(jack.size)
    u = (n - 1) * (jack.mean() - jack)
    spread = float(np.sum(u**2) / n**2)
    if not math.isfinite(z0) or spread == 0:
        return math.nan, math.nan
    acc = 1 / 6 * float(np.sum(u**3) / n**3) / spread ** (3 / 2)
    z = float(ndtri((1 - confidence) / 2))
    levels = []
    for zz in (z, -z):
        shifted = z0 + zz
        levels.append(float(ndtr(z0 + shifted / (1 - acc * shifted))))
    if not all(math.isfinite(q) for q in levels):
        return math.nan, math.nan
    low, high = np.quantile(reps, levels)
    return float(low), float(high)


def _percentile_interval(replicates: np.ndarray, *, confidence: float) -> tuple[float, float]:
    """Percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13); NaN replicates dropped."""
    reps = replicates[~np.isnan(replicates)]
    if reps.size == 0:
        return math.nan, math.nan
    low, high = np.percentile(reps, [50 * (1 - confidence), 50 * (1 + confidence)])
    return float(low), float(high)


def identical_values_interval(
    value: float, n: int, bounds: tuple[float, float], *, confidence: float = 0.95
) -> tuple[float, float]:
    """Interval for the mean of ``n`` units that all have the same value, on a scale bounded by ``bounds``.

    A bootstrap cannot widen a sample without spread.  What the sample does
    show is that no unit differs from ``value``; the Clopper-Pearson upper
    limit for 0 of ``n``, ``q = 1 - (a / 2) ** (1 / n)``, bounds the share of
    units that could differ, and such units could lie anywhere on the scale.
    So, with ``bounds = (lo, hi)``::

        [value - q (value - lo),  value + q (hi - value)]

    a conservative interval that is never of zero width unless ``value`` sits
    on a bound (then it opens on the other side only).
    """
    lo, hi = bounds
    q = 1.0 - ((1.0 - confidence) / 2) ** (1.0 / n)
    return value - q * (value - lo), value + q * (hi - value)


# --------------------------------------------------------------------------- bootstrap and permutation


def bootstrap_ratio(
    numerator: np.ndarray,
    denominator: np.ndarray,
    *,
    n_boot: int,
    rng: np.random.Generator,
    clusters: np.ndarray | None = None,
) -> np.ndarray:
    """Return ``n_boot`` bootstrap replicates of ``sum(numerator) / sum(denominator)``.

    Without ``clusters`` the units are drawn with replacement, as many as
    there are: replicate ``r`` uses row ``r`` of ``rng.integers(0, n,
    size=(n_boot, n))`` as unit indices.  With ``clusters`` (one label per
    unit, e.g. the article of each sentence) whole clusters are drawn instead
    (cluster bootstrap; Davison & Hinkley 1997, sec. 3.8): the units are summed
    per cluster, clusters in sorted label order, and replicate ``r`` takes row
    ``r`` of ``rng.integers(0, k, size=(n_boot, k))`` as cluster indices, ``k``
    being the number of clusters; its value is the ratio of the summed
    numerators to the summed denominators of the drawn clusters.  A replicate
    whose resampled denominator is 0 is NaN.
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    if num.size == 0:
        return np.full(n_boot, np.nan)
    if clusters is not None:
        _, codes = np.unique(np.asarray(clusters).astype(str), return_inverse=True)
        order = np.argsort(codes.ravel(), kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(codes.ravel()[order]) != 0])
        num, den = np.add.reduceat(num[order], starts), np.add.reduceat(den[order], starts)
    boot_num, boot_den = _bootstrap_sums([num, den], n_boot=n_boot, rng=rng)
    return _ratio(boot_num, boot_den)


def _grouped(labels: np.ndarray) -> tuple[list[str], np.ndarray, list[int]]:
    """Outlet names (sorted), the unit order that groups the units by outlet, and the group sizes."""
    names, codes = np.unique(np.asarray(labels).astype(str), return_inverse=True)
    order = np.argsort(codes.ravel(), kind="stable")
    sizes = np.bincount(codes.ravel(), minlength=names.size).tolist()
    return names.tolist(), order, sizes


def _diffs(
    num: np.ndarray, den: np.ndarray, sizes: list[int], perm_num: np.ndarray, perm_den: np.ndarray
) -> list[tuple[float, np.ndarray]]:
    """Observed and permuted "group minus the rest" differences of ``sum(num) / sum(den)``, per group.

    ``num`` and ``den`` are grouped (group 0's units first); ``perm_num`` and
    ``perm_den`` are the permuted group sums of :func:`_permutation_sums`.
    """
    total_num, total_den = num.sum(), den.sum()
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    out = []
    for k in range(len(sizes)):
        own_num, own_den = num[bounds[k] : bounds[k + 1]].sum(), den[bounds[k] : bounds[k + 1]].sum()
        obs = float(_ratio(own_num, own_den) - _ratio(total_num - own_num, total_den - own_den))
        in_num, in_den = perm_num[:, k], perm_den[:, k]
        perm = _ratio(in_num, in_den) - _ratio(total_num - in_num, total_den - in_den)
        out.append((obs, perm))
    return out


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
    serves every outlet), which keeps the number of units per outlet fixed:
    with the units grouped by outlet (outlets in sorted order, units in input
    order within an outlet), permutation ``r`` deals them into the outlets by
    row ``r`` of ``rng.permuted(np.tile(np.arange(n), (n_perm, 1)), axis=1)``.

    Returns
    -------
    dict
        outlet -> (observed difference, array of ``n_perm`` permuted differences).
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    names, order, sizes = _grouped(labels)
    num, den = num[order], den[order]
    perm_num, perm_den = _permutation_sums([num, den], sizes, n_perm=n_perm, rng=rng)
    return dict(zip(names, _diffs(num, den, sizes, perm_num, perm_den)))


@functools.lru_cache(maxsize=64)
def _own_sets(n_total: int, n_own: int) -> np.ndarray:
    """Every set of ``n_own`` of ``n_total`` units, one per row, in lexicographic order."""
    return np.array(list(itertools.combinations(range(n_total), n_own)), dtype=np.intp).reshape(-1, n_own)


def _exact_diffs(num: np.ndarray, den: np.ndarray, lo: int, hi: int) -> tuple[float, np.ndarray]:
    """Observed "units lo:hi minus the rest" difference, and the difference for every possible own set."""
    total_num, total_den = num.sum(), den.sum()
    own_num, own_den = num[lo:hi].sum(), den[lo:hi].sum()
    obs = float(_ratio(own_num, own_den) - _ratio(total_num - own_num, total_den - own_den))
    sets = _own_sets(num.size, hi - lo)
    in_num, in_den = num[sets].sum(axis=1), den[sets].sum(axis=1)
    return obs, _ratio(in_num, in_den) - _ratio(total_num - in_num, total_den - in_den)


def permutation_p(observed: float, permuted: np.ndarray, *, exact: bool = False) -> float:
    """Two-sided permutation p-value.

    Random permutations (``exact=False``): ``(1 + #{|d*| >= |d|}) / (1 + n)``
    (Phipson & Smyth 2010), ``n`` counting the permutations whose statistic is
    defined (not NaN).  Every distinct relabelling (``exact=True``, the
    observed one among them): ``#{|d*| >= |d|} / n``.  A relative tolerance of
    1e-9 treats floating-point ties as ties.
    """
    if math.isnan(observed):
        return math.nan
    valid = permuted[~np.isnan(permuted)]
    if valid.size == 0:
        return math.nan
    threshold = abs(observed) - 1e-9 * max(1.0, abs(observed))
    extreme = np.count_nonzero(np.abs(valid) >= threshold)
    if exact:
        return float(extreme / valid.size)
    return float((1 + extreme) / (1 + valid.size))


def _n_sets(n_total: int, n_own: int) -> float:
    """``C(n_total, n_own)`` as a float, ``inf`` when it is beyond floating point (about 1e304)."""
    log_c = math.lgamma(n_total + 1) - math.lgamma(n_own + 1) - math.lgamma(n_total - n_own + 1)
    return math.inf if log_c > 700 else float(math.comb(n_total, n_own))


def min_permutation_p(n_own: int, n_total: int) -> float:
    """Smallest p-value an exact two-sided "own group vs the rest" permutation test can give.

    Shuffling labels among ``n_total`` units with the group sizes fixed, the
    statistic ``ratio(own) - ratio(rest)`` depends only on which ``n_own``
    units are in the own group: there are ``C(n_total, n_own)`` such sets, all
    equally likely, and ``p`` is the share of them at least as extreme as the
    observed one.  The observed set always counts, so ``p >= 1 / C``.  When the
    own group is exactly half the units, the complement of the observed set is
    itself a possible own set whose statistic is the same with the sign flipped,
    ``ratio(rest) - ratio(own)``, so it ties in absolute value and ``p >= 2 /
    C``.  Otherwise values can be chosen so that the observed set alone is the
    most extreme (the own units the largest), and ``1 / C`` is attained::

        min p = s / C(n_total, n_own),  s = 2 if 2 n_own = n_total else 1

    With two outlets of ``k`` units each this is ``2 / C(2k, k)``: 0.33 for
    k = 2, 0.10 for 3, 0.029 for 4, so four articles per outlet are the fewest
    with which p < 0.05 is possible at all.
    """
    if not 0 < n_own < n_total:
        return math.nan
    symmetry = 2 if 2 * n_own == n_total else 1
    return symmetry / _n_sets(n_total, n_own)


def articles_needed(n_outlets: int, *, alpha: float = ALPHA) -> int | None:
    """Fewest articles per outlet (the same number for each) with which an outlet can reach ``p < alpha``.

    The smallest ``k`` with :func:`min_permutation_p` ``(k, n_outlets * k) <
    alpha``: 4 for two outlets at alpha = 0.05 (2 / C(8, 4) = 0.029), 3 for
    three (1 / C(9, 3) = 0.012), 2 for four to twenty.  None for fewer than two outlets.
    """
    if n_outlets < 2:
        return None
    k = 1
    while not min_permutation_p(k, n_outlets * k) < alpha:
        k += 1
    return k


# --------------------------------------------------------------------------- what a row compares


@dataclass(frozen=True)
class Comparison:
    """What one row's test compares: one outlet's units against the units of all other outlets pooled.

    Attributes
    ----------
    by_articles : bool
        True when articles are the units (every outlet has two or more):
        the outlet is compared with the other outlets.  False when sentences
        are: the outlet's article(s) are compared with the other articles,
        texts rather than outlets.
    n_outlets : int
        Outlets in the measure.
    own_articles, other_articles : int
        Articles of this outlet, and of all other outlets together.
    own_units, other_units : int
        Units (articles or sentences) of this outlet, and of the others.
    """

    by_articles: bool
    n_outlets: int
    own_articles: int
    other_articles: int
    own_units: int
    other_units: int

    @property
    def unit(self) -> str:
        """What was resampled for this outlet: ``"articles"``, ``"sentences of one article"``, ...."""
        if self.by_articles:
            return UNIT_ARTICLES
        articles = "one article" if self.own_articles == 1 else f"{self.own_articles} articles"
        return f"{UNIT_SENTENCES} of {articles}"

    def _own(self, possessive: bool = False) -> str:
        if self.by_articles:
            return "this outlet's" if possessive else "this outlet"
        if self.own_articles == 1:
            return "this article's" if possessive else "this article"
        return f"these {self.own_articles} articles" + ("'" if possessive else "")

    def _others(self, possessive: bool = False, short: bool = False) -> str:
        one, word = (self.n_outlets == 2, "outlet") if self.by_articles else (self.other_articles == 1, "article")
        if one:
            return f"the other {word}" + ("'s" if possessive else "")
        if short:
            return "the others"
        return f"the other {word}s" + ("'" if possessive else "")

    @property
    def words(self) -> str:
        """``"this outlet vs the other outlets"``, ``"this article vs the other articles"``, ..."""
        if self.n_outlets < 2:
            return "no comparison (one outlet)"
        return f"{self._own()} vs {self._others()}"

    def verdict(self, p: float, *, value: float, noun: str, min_p: float, alpha: float = ALPHA) -> str:
        """Say in plain words what the permutation p-value allows one to conclude about this comparison."""
        if math.isnan(value):
            return "no value (the denominator is zero)"
        if self.n_outlets < 2:
            return "no test: needs two outlets"
        if math.isnan(p):
            return "no test (a group has a zero denominator)"
        texts = "" if self.by_articles else "; compares texts, not outlets"
        reachable = math.isnan(min_p) or min_p < alpha
        if p < alpha and reachable:
            return f"{self._own(True)} {noun} differs from {self._others(True)} ({format_p(p)}, uncorrected{texts})"
        out = f"no clear difference between {self._own()} and {self._others(short=True)} ({format_p(p)}{texts})"
        if not reachable:
            units = UNIT_ARTICLES if self.by_articles else UNIT_SENTENCES
            out += f"; cannot reach p < {alpha:g} with {self.own_units} and {self.other_units} {units}"
            if self.by_articles:
                out += f"; needs {articles_needed(self.n_outlets, alpha=alpha)} or more each"
        return out


def format_p(p: float) -> str:
    """Format a p-value for prose: 2 decimals from 0.1, 3 below, ``< 0.001`` below that."""
    if p < 0.001:
        return "p < 0.001"
    if p < 0.1:
        return f"p = {p:.3f}"
    return f"p = {p:.2f}"


# --------------------------------------------------------------------------- the summary table


@dataclass(frozen=True)
class _Columns:
    """Distinct value columns (``arrays``) and, for every input column, the index of its distinct copy."""

    arrays: list[np.ndarray]
    index: list[int]


def _distinct(columns: list[np.ndarray]) -> _Columns:
    """Drop repeated columns (same values, bit for bit) so each is resampled once."""
    seen: dict[bytes, int] = {}
    arrays: list[np.ndarray] = []
    index = []
    for col in columns:
        col = np.ascontiguousarray(col, dtype=float)
        key = col.tobytes()
        if key not in seen:
            seen[key] = len(arrays)
            arrays.append(col)
        index.append(seen[key])
    return _Columns(arrays, index)


@dataclass(frozen=True)
class _Level:
    """One measure's units at one level (sentences or articles), grouped by outlet in sorted order."""

    num: np.ndarray
    den: np.ndarray
    sizes: list[int]

    def part(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        lo = int(sum(self.sizes[:k]))
        hi = lo + self.sizes[k]
        return self.num[lo:hi], self.den[lo:hi]


@dataclass(frozen=True)
class _Measure:
    key: tuple[str, ...]
    kind: str
    outlets: list[str]
    sentences: _Level
    articles: _Level
    by_articles: bool

    @property
    def tested(self) -> _Level:
        return self.articles if self.by_articles else self.sentences


def _check_kind(key: tuple[str, ...], kind: str, num: np.ndarray, den: np.ndarray) -> None:
    """Raise ``ValueError`` when a rate's numerators are not counts or a share's units are not 0/1 over 1."""
    if kind == "rate" and not (np.all(num >= 0) and np.array_equal(num, np.trunc(num)) and np.all(den >= 0)):
        raise ValueError(f"rate measure {key} needs whole, non-negative counts over non-negative exposures")
    if kind == "share" and not (np.all((num == 0) | (num == 1)) and np.all(den == 1)):
        raise ValueError(f"share measure {key} needs numerators of 0 or 1 over denominators of 1")


def _jackknife(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """Leave-one-unit-out values of ``sum(num) / sum(den)``."""
    return _ratio(num.sum() - num, den.sum() - den)


def _envelope(parts: list[tuple[float, float, str]]) -> tuple[float, float, str]:
    """The smallest interval containing every defined part, and the names of those parts joined by "+"."""
    defined = [p for p in parts if not (math.isnan(p[0]) or math.isnan(p[1]))]
    if not defined:
        return math.nan, math.nan, ""
    return min(p[0] for p in defined), max(p[1] for p in defined), "+".join(p[2] for p in defined)


def _boot_part(
    reps: np.ndarray, value: float, num: np.ndarray, den: np.ndarray, level: str, confidence: float
) -> tuple[float, float, str]:
    """BCa interval from bootstrap replicates, or the percentile interval where BCa is undefined."""
    low, high = bca_interval(reps, value, _jackknife(num, den), confidence=confidence)
    if not math.isnan(low):
        return low, high, f"bca_{level}"
    low, high = _percentile_interval(reps, confidence=confidence)
    return low, high, f"percentile_{level}"


def summarise(
    units: pd.DataFrame,
    *,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int = 20210604,
    confidence: float = 0.95,
    kinds: Mapping[str, MeasureKind] | None = None,
    ranges: Mapping[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """Per outlet and measure: the value, an interval and a permutation test, with the unit of analysis named.

    Parameters
    ----------
    units : DataFrame
        Long table, one row per unit (a sentence) x measure, with columns
        ``outlet, article_id, measure, category, voice, unit_id, numerator,
        denominator``; ``category`` and ``voice`` are optional (read as ""
        when absent): a measure is identified by ``measure, category,
        voice``.  ``article_id`` is optional too: without it each outlet's
        units are taken as one text.  For a rate per 1,000 authorial
        tokens: numerator = cue count in the sentence, denominator =
        authorial tokens of the sentence / 1000.  For a mean of a score:
        numerator = score, denominator = 1.  For a share: numerator = 1 or 0,
        denominator = 1.
    n_boot : int
        Bootstrap resamples per outlet and measure.
    n_perm : int
        Random label permutations per measure; a test with at most ``n_perm``
        distinct relabellings enumerates them all instead.
    seed : int
        Seed of numpy's random Generator.  Random streams (see Notes) depend
        only on the seed, the outlet names and the number of units, so results
        do not depend on row order or on which other measures are present.
    confidence : float
        Coverage of the intervals (0.95 = 95 %).
    kinds : mapping, optional
        ``measure -> "rate" | "share" | "mean"`` (default
        :data:`framing.core.vocabulary.MEASURE_KINDS`; a measure not listed is
        a ``"mean"``).  A rate needs whole, non-negative numerators; a share
        needs numerators of 0 or 1 over denominators of 1.
    ranges : mapping, optional
        ``measure -> (lowest, highest)`` value a unit can take (default
        :data:`framing.core.vocabulary.MEASURE_RANGES`), used only for a mean
        whose units all have the same value (see Notes).

    Returns
    -------
    DataFrame
        One row per outlet x measure, sorted by ``measure, category, voice``
        then outlet, with columns ``outlet, measure, category, voice`` (as in
        ``units``, "" where none) and

        - ``value``: ratio of sums, ``sum(numerator) / sum(denominator)`` over the
          outlet's units; direction is that of the measure (a hedge rate: higher
          = more hedged).  NaN when the denominator sums to 0.
        - ``numerator, denominator``: the two sums, shown so the value can be checked.
        - ``ci_low, ci_high``: interval of ``value`` at ``confidence`` made as
          ``ci_method`` says (see Intervals); NaN when ``value`` is.  Never of
          zero width.
        - ``p_value``: two-sided permutation test of this outlet against all
          other outlets pooled (see Tests).  NaN with a single outlet.
        - ``n_units``: units the test permutes for this outlet (articles, or
          sentences; see ``unit``).
        - ``verdict``: plain words at alpha = 0.05 that name what was
          compared, for example
          ``"this outlet's rate differs from the other outlets' (p = 0.003,
          uncorrected)"``, ``"no clear difference between this outlet and the
          others (p = 0.41)"``, ``"this article's rate differs from the other
          article's (p = 0.003, uncorrected; compares texts, not outlets)"``,
          ``"no clear difference between this article and the others (p =
          0.41; compares texts, not outlets)"``; when the design cannot give
          p < 0.05 at all it says so, e.g. ``"no clear difference between
          this outlet and the other outlet (p = 0.20); cannot reach p < 0.05
          with 3 and 3 articles; needs 4 or more each"``.  No
          multiple-comparison correction is applied across measures or
          outlets, so with many measures some differences are expected by chance.
        - ``unit``: what was resampled and permuted: ``"articles"``, or
          ``"sentences of one article"`` / ``"sentences of 3 articles"``.
        - ``n_articles``: articles of the outlet with units in the measure.
        - ``ci_method``: how the interval was made (Intervals below); an
          envelope of several intervals joins their names with "+".
        - ``min_p``: the smallest p-value this test can give with these
          group sizes (:func:`min_permutation_p`, and no less than
          ``1 / (n_perm + 1)`` when permutations are drawn at random); when
          it is not below 0.05 no difference can be shown whatever the texts say.
        - ``comparison``: what the test compares, ``"this outlet vs the
          other outlets"`` or ``"this article vs the other articles"`` (with
          number agreement: ``"the other outlet"``, ``"these 3 articles"``).

    Notes
    -----
    Unit of analysis.  Per measure: when every outlet has two or more
    articles, articles are the units: each article's numerators and
    denominators are summed, the bootstrap draws whole articles with
    replacement within the outlet (cluster bootstrap, Davison & Hinkley 1997,
    sec. 3.8) and the test shuffles outlet labels among articles.  Otherwise
    sentences are the units and the test compares texts: the sentences of one
    article say how that article was written, not how its outlet writes.

    Intervals (``ci_method``).

    - ``garwood``: a rate (``kinds`` "rate") from its count ``x`` and exposure
      ``t``, :func:`garwood_interval`; exact when cues arrive independently
      token by token (Poisson).
    - ``clopper_pearson``: a share from ``x`` of ``n`` sentences,
      :func:`clopper_pearson_interval`; exact when sentences are independent.
    - ``bca_sentences``: a mean, BCa bootstrap over sentences
      (:func:`bca_interval`); ``percentile_sentences`` where BCa is undefined.
    - with several articles per outlet (articles the units), the interval
      above is widened to the envelope of it and ``bca_articles`` (BCa
      cluster bootstrap over articles, ``percentile_articles`` where BCa is
      undefined): lower = the lower of the two, upper = the higher, named
      e.g. ``garwood+bca_articles``.  Why both: cue counts vary between
      articles more than a Poisson model allows (topic, author, length:
      overdispersion), which makes the Garwood interval too narrow and which
      the article bootstrap captures; but the article bootstrap is itself too
      narrow when articles are few (with two it can only return the two
      article rates and their mix, and nothing at all when they are equal).
      The envelope is never narrower than either.
    - ``identical_sentences`` / ``identical_articles``: a mean whose units all
      have the same value (e.g. every sentence scored 0), where a bootstrap has
      no spread: :func:`identical_values_interval` over the units, using the
      range of the measure from ``ranges``; without a range the interval is NaN.

    Tests.  The statistic is ``value(outlet) - value(others)``; outlet labels
    are shuffled among the units (sentences or articles) with the number per
    outlet fixed.  When the outlet's ``C(N, n)`` possible sets of units
    (``N`` units in the measure, ``n`` of the outlet) number at most
    ``n_perm``, all are enumerated and ``p = #{|d*| >= |d|} / C`` exactly;
    otherwise ``n_perm`` random shuffles give ``p = (1 + #{|d*| >= |d|}) /
    (1 + n_perm)`` (Phipson & Smyth 2010).  Only relabellings where both
    ratios are defined count.  Intervals and tests are separate statements:
    two intervals may overlap while the test finds a difference, so read the
    p-value, not the overlap.

    Random streams.  Within a measure the units are ordered by outlet, then
    ``article_id``, then ``unit_id`` (both as text), numerator and
    denominator; articles by outlet then ``article_id``.  The sentence
    bootstrap of an outlet draws from the stream seeded by ``(seed, "boot",
    outlet)`` and the article bootstrap from ``(seed, "boot", "articles",
    outlet)``: resample ``r`` takes row ``r`` of ``integers(0, n, size=(n_boot,
    n))`` as unit positions, ``n`` being the outlet's units.  Random
    permutations draw from ``(seed, "perm")`` (sentences) or ``(seed, "perm",
    "articles")``: permutation ``r`` deals the units (grouped by outlet) into
    the outlets by row ``r`` of ``permuted(tile(arange(N), (n_perm, 1)),
    axis=1)``.  Measures with the same outlets and unit counts reuse the same
    resamples and relabellings (common random numbers): each result is the
    same as when its measure is summarised alone.  Each measure's interval and
    test are valid on their own; across measures the Monte Carlo errors are
    correlated.

    References
    ----------
    Davison, A. C. & Hinkley, D. V. (1997). Bootstrap Methods and their Application, sec. 3.8.
    Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero. SAGMB 9(1).
    See also :func:`garwood_interval`, :func:`clopper_pearson_interval`, :func:`bca_interval`.
    """

    kinds = MEASURE_KINDS if kinds is None else kinds
    ranges = MEASURE_RANGES if ranges is None else ranges
    optional = [c for c in ("article_id", *MEASURE_KEY[1:]) if c not in units.columns]
    missing = [c for c in UNIT_COLUMNS if c not in units.columns and c not in optional]
    if missing:
        raise ValueError(f"units lacks columns {missing}")
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")

    data = units.assign(**{c: "" for c in optional})[UNIT_COLUMNS].copy()
    for col in MEASURE_KEY[1:]:
        data[col] = data[col].fillna("")
    for col in ("outlet", *MEASURE_KEY):
        data[col] = data[col].astype(str)
    data["_article"] = data["article_id"].astype(str)
    if "article_id" in optional:
        data["_article"] = data["outlet"]  # one text per outlet
    data["_key"] = data["unit_id"].astype(str)
    data = data.sort_values(
        [*MEASURE_KEY, "outlet", "_article", "_key", "numerator", "denominator"], kind="stable"
    )

    measures: list[_Measure] = []
    for key, group in data.groupby(MEASURE_KEY, sort=True):
        key = tuple(str(k) for k in key)
        kind = kinds.get(key[0], "mean")
        num = group["numerator"].to_numpy(dtype=float)
        den = group["denominator"].to_numpy(dtype=float)
        _check_kind(key, kind, num, den)
        outlet = group["outlet"].to_numpy().astype(str)
        article = group["_article"].to_numpy().astype(str)
        names, sizes = (a.tolist() for a in np.unique(outlet, return_counts=True))
        starts = np.flatnonzero(np.r_[True, (outlet[1:] != outlet[:-1]) | (article[1:] != article[:-1])])
        art_sizes = np.unique(outlet[starts], return_counts=True)[1].tolist()
        articles = _Level(np.add.reduceat(num, starts), np.add.reduceat(den, starts), art_sizes)
        measures.append(
            _Measure(key, kind, names, _Level(num, den, sizes), articles, by_articles=min(art_sizes) >= 2)
        )

    # Bootstrap replicates, shared by measures with the same outlets and unit counts.
    boots: dict[tuple[int, str, str], np.ndarray] = {}
    layouts: dict[tuple, list[tuple[int, _Level]]] = {}
    for i, m in enumerate(measures):
        levels = ([("sentences", m.sentences)] if m.kind == "mean" else []) + (
            [("articles", m.articles)] if m.by_articles else [])
        for level, lv in levels:
            layouts.setdefault((level, tuple(zip(m.outlets, lv.sizes))), []).append((i, lv))
    for (level, layout), members in layouts.items():
        for k, (outlet, _) in enumerate(layout):
            cols = _distinct([c for _, lv in members for c in lv.part(k)])
            names = ("boot", outlet) if level == "sentences" else ("boot", "articles", outlet)
            sums = _bootstrap_sums(cols.arrays, n_boot=n_boot, rng=_stream(seed, *names))
            for j, (i, _) in enumerate(members):
                boots[i, level, outlet] = _ratio(sums[cols.index[2 * j]], sums[cols.index[2 * j + 1]])

    # Permutation tests at each measure's level: exact where the relabellings are few, else random.
    tests: dict[tuple[int, str], tuple[float, float]] = {}
    layouts = {}
    for i, m in enumerate(measures):
        if len(m.outlets) >= 2:
            level = "articles" if m.by_articles else "sentences"
            layouts.setdefault((level, tuple(zip(m.outlets, m.tested.sizes))), []).append((i, m.tested))
    for (level, layout), members in layouts.items():
        sizes = [size for _, size in layout]
        total = sum(sizes)
        exact = [_n_sets(total, size) <= n_perm for size in sizes]
        bounds = np.concatenate([[0], np.cumsum(sizes)])
        if not all(exact):
            cols = _distinct([c for _, lv in members for c in (lv.num, lv.den)])
            stream = _stream(seed, "perm") if level == "sentences" else _stream(seed, "perm", "articles")
            sums = _permutation_sums(cols.arrays, sizes, n_perm=n_perm, rng=stream)
        for j, (i, lv) in enumerate(members):
            if not all(exact):
                diffs = _diffs(lv.num, lv.den, sizes, sums[cols.index[2 * j]], sums[cols.index[2 * j + 1]])
            for k, (outlet, size) in enumerate(layout):
                if exact[k]:
                    obs, perm = _exact_diffs(lv.num, lv.den, int(bounds[k]), int(bounds[k + 1]))
                    p = permutation_p(obs, perm, exact=True)
                    valid = int(np.count_nonzero(~np.isnan(perm)))  # relabellings with both ratios defined
                    floor = (2 if 2 * size == total else 1) / valid if valid else math.nan
                else:
                    obs, perm = diffs[k]
                    p = permutation_p(obs, perm)
                    valid = int(np.count_nonzero(~np.isnan(perm)))
                    floor = max(min_permutation_p(size, total), 1 / (1 + valid)) if valid else math.nan
                tests[i, outlet] = (p, floor if not math.isnan(p) else math.nan)

    rows = []
    for i, m in enumerate(measures):
        n_outlets = len(m.outlets)
        for k, outlet in enumerate(m.outlets):
            sent_num, sent_den = m.sentences.part(k)
            n_sum, d_sum = float(sent_num.sum()), float(sent_den.sum())
            value = float(_ratio(n_sum, d_sum))
            low, high, method = math.nan, math.nan, ""
            if not math.isnan(value):
                parts = []
                if m.kind == "rate":
                    parts.append((*garwood_interval(n_sum, d_sum, confidence=confidence), "garwood"))
                elif m.kind == "share":
                    parts.append((*clopper_pearson_interval(n_sum, d_sum, confidence=confidence), "clopper_pearson"))
                else:
                    parts.append(_boot_part(boots[i, "sentences", outlet], value, sent_num, sent_den, "sentences",
                                            confidence))
                if m.by_articles:
                    art_num, art_den = m.articles.part(k)
                    parts.append(_boot_part(boots[i, "articles", outlet], value, art_num, art_den, "articles",
                                            confidence))
                low, high, method = _envelope(parts)
                if low == high and m.kind == "mean":
                    level, n = ("articles", m.articles.sizes[k]) if m.by_articles else ("sentences", sent_num.size)
                    if m.key[0] in ranges:
                        low, high = identical_values_interval(value, n, ranges[m.key[0]], confidence=confidence)
                    else:
                        low, high = math.nan, math.nan
                    method = f"identical_{level}"
            p, floor = tests.get((i, outlet), (math.nan, math.nan))
            tested = m.tested
            own_units = tested.sizes[k]
            comparison = Comparison(
                by_articles=m.by_articles,
                n_outlets=n_outlets,
                own_articles=m.articles.sizes[k],
                other_articles=sum(m.articles.sizes) - m.articles.sizes[k],
                own_units=own_units,
                other_units=sum(tested.sizes) - own_units,
            )
            rows.append(
                {
                    "outlet": outlet,
                    **dict(zip(MEASURE_KEY, m.key)),
                    "value": value,
                    "numerator": n_sum,
                    "denominator": d_sum,
                    "ci_low": low,
                    "ci_high": high,
                    "p_value": p,
                    "n_units": int(own_units),
                    "verdict": comparison.verdict(p, value=value, noun=m.kind, min_p=floor),
                    "unit": comparison.unit,
                    "n_articles": int(m.articles.sizes[k]),
                    "ci_method": method,
                    "min_p": floor,
                    "comparison": comparison.words,
                }
            )
    return summary_frame(rows)


def summary_frame(rows: list[dict]) -> pd.DataFrame:
    """``summary.csv`` from its rows (dicts keyed by :data:`SUMMARY_COLUMNS`), numbers as float and int."""
    import pandas as pd

    out = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for col in ("value", "numerator", "denominator", "ci_low", "ci_high", "p_value", "min_p"):
        out[col] = out[col].astype(float)
    for col in ("n_units", "n_articles"):
        out[col] = out[col].astype(int)
    return out.reset_index(drop=True)
