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
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from framing.core.vocabulary import ALPHA, MEASURE_KEY, SUMMARY_COLUMNS, UNIT_COLUMNS

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

    Units are drawn with replacement, as many as there are: replicate ``r``
    uses row ``r`` of ``rng.integers(0, n, size=(n_boot, n))`` as unit
    indices.  A replicate whose resampled denominator is 0 is NaN.
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    if num.size == 0:
        return np.full(n_boot, np.nan)
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
        columns ``outlet, measure, category, voice, unit_id, numerator,
        denominator``; ``category`` and ``voice`` are optional (read as "" when
        absent): a measure is identified by ``measure, category, voice``.  For a
        rate per 1,000 authorial tokens: numerator = cue count in the sentence,
        denominator = authorial tokens of the sentence / 1000.  For a mean of a
        score: numerator = score, denominator = 1.
    n_boot : int
        Bootstrap resamples per outlet and measure.
    n_perm : int
        Label permutations per measure.
    seed : int
        Seed of numpy's random Generator.  Random streams (see Notes) depend
        only on the seed, the outlet names and the number of units, so results
        do not depend on row order or on which other measures are present.
    confidence : float
        Coverage of the percentile interval (0.95 = 2.5th to 97.5th percentile).

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

    Random streams.  Within a measure the units are ordered by outlet, then
    ``unit_id`` (as text), numerator and denominator.  The bootstrap of an
    outlet draws its resamples from the stream seeded by ``(seed, "boot",
    outlet)``: resample ``r`` takes row ``r`` of ``integers(0, n, size=(n_boot,
    n))`` as unit positions, ``n`` being the outlet's units.  The permutation
    test draws from the stream seeded by ``(seed, "perm")``: permutation ``r``
    deals the units (grouped by outlet) into the outlets by row ``r`` of
    ``permuted(tile(arange(N), (n_perm, 1)), axis=1)``.  Measures with the same
    outlets and unit counts, such as the per-sentence measures of one corpus,
    therefore reuse the same resamples and relabellings (common random
    numbers): each result is computed once per distinct column of numerators
    or denominators and is the same as when its measure is summarised alone.
    Each measure's interval and test are valid on their own; across measures
    the Monte Carlo errors are correlated.
    """
    import pandas as pd

    optional = [c for c in MEASURE_KEY[1:] if c not in units.columns]
    missing = [c for c in UNIT_COLUMNS if c not in units.columns and c not in optional]
    if missing:
        raise ValueError(f"units lacks columns {missing}")
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    lo_q, hi_q = 50 * (1 - confidence), 50 * (1 + confidence)

    data = units.assign(**{c: "" for c in optional})[UNIT_COLUMNS].copy()
    for col in MEASURE_KEY[1:]:
        data[col] = data[col].fillna("")
    for col in ("outlet", *MEASURE_KEY):
        data[col] = data[col].astype(str)
    data["_key"] = data["unit_id"].astype(str)
    data = data.sort_values([*MEASURE_KEY, "outlet", "_key", "numerator", "denominator"], kind="stable")

    measures = []
    for key, group in data.groupby(MEASURE_KEY, sort=True):
        num = group["numerator"].to_numpy(dtype=float)
        den = group["denominator"].to_numpy(dtype=float)
        labels = group["outlet"].to_numpy()
        names, order, sizes = _grouped(labels)
        measures.append((tuple(str(k) for k in key), num[order], den[order], names, sizes))

    # Measures with the same outlets and unit counts share their random draws.
    layouts: dict[tuple[tuple[str, int], ...], list[int]] = {}
    for i, (_, _, _, names, sizes) in enumerate(measures):
        layouts.setdefault(tuple(zip(names, sizes)), []).append(i)
    boots: dict[tuple[int, str], np.ndarray] = {}
    tests: dict[tuple[int, str], tuple[float, np.ndarray]] = {}
    for layout, members in layouts.items():
        names = [name for name, _ in layout]
        sizes = [size for _, size in layout]
        bounds = np.concatenate([[0], np.cumsum(sizes)])
        for k, outlet in enumerate(names):
            sl = slice(bounds[k], bounds[k + 1])
            cols = _distinct([c for i in members for c in (measures[i][1][sl], measures[i][2][sl])])
            sums = _bootstrap_sums(cols.arrays, n_boot=n_boot, rng=_stream(seed, "boot", outlet))
            for j, i in enumerate(members):
                boots[i, outlet] = _ratio(sums[cols.index[2 * j]], sums[cols.index[2 * j + 1]])
        if len(names) < 2:
            continue
        cols = _distinct([c for i in members for c in (measures[i][1], measures[i][2])])
        sums = _permutation_sums(cols.arrays, sizes, n_perm=n_perm, rng=_stream(seed, "perm"))
        for j, i in enumerate(members):
            _, num, den, _, _ = measures[i]
            diffs = _diffs(num, den, sizes, sums[cols.index[2 * j]], sums[cols.index[2 * j + 1]])
            for outlet, diff in zip(names, diffs):
                tests[i, outlet] = diff

    rows = []
    for i, (key, num, den, outlets, sizes) in enumerate(measures):
        bounds = np.concatenate([[0], np.cumsum(sizes)])
        for k, outlet in enumerate(outlets):
            own_num, own_den = num[bounds[k] : bounds[k + 1]], den[bounds[k] : bounds[k + 1]]
            n_sum, d_sum = float(own_num.sum()), float(own_den.sum())
            value = float(_ratio(n_sum, d_sum))
            reps = boots[i, outlet]
            reps = reps[~np.isnan(reps)]
            if reps.size:
                ci_low, ci_high = (float(x) for x in np.percentile(reps, [lo_q, hi_q]))
            else:
                ci_low = ci_high = math.nan
            p = permutation_p(*tests[i, outlet]) if (i, outlet) in tests else math.nan
            rows.append(
                {
                    "outlet": outlet,
                    **dict(zip(MEASURE_KEY, key)),
                    "value": value,
                    "numerator": n_sum,
                    "denominator": d_sum,
                    "ci_low": ci_low,
                    "ci_high": ci_high,
                    "p_value": p,
                    "n_units": int(sizes[k]),
                    "verdict": verdict_of(p, n_outlets=len(outlets), value=value),
                }
            )
    out = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for col in ("value", "numerator", "denominator", "ci_low", "ci_high", "p_value"):
        out[col] = out[col].astype(float)
    out["n_units"] = out["n_units"].astype(int)
    return out.reset_index(drop=True)
