"""Term salience: which words and phrases an outlet uses more than the others.

Two layers live here.

* Pure statistics on count vectors (NumPy in, NumPy out): log-odds with a
  Dirichlet prior (Monroe, Colaresi & Quinn 2008), one group against all
  (:func:`weighted_log_odds`) or two against each other
  (:func:`pairwise_log_odds_z` with :func:`scaled_prior`), the largest z a
  term could reach given its count (:func:`attainable_z`), Dunning's
  log-likelihood G2 (with Williams's correction), Pearson's chi-squared and
  Fisher's exact p on the full 2 x 2 table, Log Ratio (Hardie 2014) and
  Kessler's scaled F-score.  They are tested against published reference
  values (tidylo, scattertext, quanteda), scipy and hand-worked examples in
  ``tests/test_salience.py``.
* Tidy functions on the ``tokens`` table of :func:`framing.load.corpus.load_corpus`:
  :func:`term_table` (every outlet against the rest of the corpus; with two
  outlets, one against the other), :func:`pairwise_log_odds` (one outlet
  against another), and the one ranking of an outlet's typical terms that
  every chart and finding uses (:func:`top_terms`), with the rule for when a
  term stands out (:func:`stands_out`).

At article scale the log-odds z is a ranking score: two texts of a few
hundred words give few terms enough uses to pass ``|z| > 1.96`` whatever
their split (``z_attainable``), and a tie of words used once is never a
finding.

Counting conventions, shared by both tidy functions
---------------------------------------------------
* Punctuation tokens (``kind == "punct"``) are never terms; number tokens
  (``kind == "number"``) are dropped unless ``include_numbers=True``.
* Stopwords are matched case-insensitively against each token's ``lower``
  form, whatever ``lowercase`` says.  The default list
  (``data/lexicons/stopwords_en.csv``) holds closed-class function words only:
  negators, intensifiers, quantity words, modal verbs and reporting verbs are
  deliberately kept, because they carry stance.
* An n-gram is ``n`` tokens that are consecutive in the same sentence (token
  ids ``k, k+1, ...``) and that are all kept.  A stopword, a punctuation mark
  or a dropped number inside the window removes the n-gram instead of being
  skipped over, so ``"rule out new sanctions"`` gives ``"new sanctions"`` but
  not ``"rule new"``.  Filtering the tokens first (say, to authorial voice)
  leaves gaps in the token ids; n-grams never bridge such gaps.
* Each n-gram order is a separate count table: unigram statistics use unigram
  counts and totals, bigram statistics bigram counts and totals.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from framing.core.paths import LEXICON_DIR
from framing.core.vocabulary import ALPHA, LOG_ODDS_METHODS, TERM_TABLE_COLUMNS, Z_CRITICAL, LogOddsMethod

STOPWORDS_FILE = LEXICON_DIR / "stopwords_en.csv"

LOW_EXPECTED = 5.0
"""A 2 x 2 table with an expected cell count below this is flagged ``low_expected`` (Cochran's rule)."""


PAIRWISE_COLUMNS = (
    "outlet_a",
    "outlet_b",
    "term",
    "ngram",
    "count_a",
    "count_b",
    "n_tokens_a",
    "n_tokens_b",
    "log_odds_delta",
    "log_odds_z",
)

Stopwords = Literal["default"] | Iterable[str] | None
Prior = Literal["informative", "uninformative"]


# ---------------------------------------------------------------------------
# Stopwords
# ---------------------------------------------------------------------------


def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Read a stopword list (CSV with a ``term`` column; ``#`` starts a comment line).

    Parameters
    ----------
    path : str or Path, optional
        The file to read.  Defaults to the suite's English list,
        ``data/lexicons/stopwords_en.csv``: closed-class function words
        (articles, pronouns, auxiliaries, prepositions, conjunctions) and the
        possessive token ``'s``.  It leaves out negators (not, no, never, nor,
        cannot, n't, without, against), intensifiers and quantity words (very,
        most, least, more, less, few, only, too, much, so, all ...), modal verbs
        and reporting verbs, because those words carry the stance a framing
        comparison looks for.

    Returns
    -------
    frozenset of str
        Lower-cased terms.
    """
    table = pd.read_csv(STOPWORDS_FILE if path is None else Path(path), comment="#", dtype=str)
    if "term" not in table.columns:
        raise ValueError("a stopword file needs a 'term' column")
    return frozenset(table["term"].dropna().str.strip().str.lower())


def _resolve_stopwords(stopwords: Stopwords) -> frozenset[str]:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        if stopwords == "default":
            return load_stopwords()
        raise ValueError("stopwords must be 'default', None or an iterable of words, not a single string")
    return frozenset(str(w).lower() for w in stopwords)


# ---------------------------------------------------------------------------
# Pure statistics
# ---------------------------------------------------------------------------


class LogOdds(NamedTuple):
    """Result of a log-odds comparison: z-scores and the unweighted log-odds difference."""

    z: np.ndarray
    delta: np.ndarray


def _one_vs_all(yp_i, yp_w, np_i, total) -> LogOdds:
    """Monroe et al.'s one-against-all delta and z from pseudo-counts (see :func:`weighted_log_odds`)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log(yp_i / (np_i - yp_i)) - np.log(yp_w / (total - yp_w))
        z = delta / np.sqrt(1.0 / yp_i + 1.0 / yp_w)
    return LogOdds(z, delta)


def _pairwise(yi, yj, a, a0, n_i, n_j, variance: str) -> LogOdds:
    """Monroe et al.'s eq. 16 delta and its z (see :func:`pairwise_log_odds_z`)."""
    rest_i = n_i + a0 - yi - a
    rest_j = n_j + a0 - yj - a
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((yi + a) / rest_i) - np.log((yj + a) / rest_j)
        var = 1.0 / (yi + a) + 1.0 / (yj + a)
        if variance == "four-term":
            var = var + 1.0 / rest_i + 1.0 / rest_j
        elif variance != "two-term":
            raise ValueError(f"unknown variance {variance!r}")
        z = delta / np.sqrt(var)
    return LogOdds(z, delta)


def weighted_log_odds(
    counts: Sequence[Sequence[float]] | np.ndarray, *, prior: Prior = "informative"
) -> LogOdds:
    """Weighted log-odds of every term in every group against the whole corpus.

    This is the one-against-all comparison of Monroe, Colaresi & Quinn (2008)
    with tidylo's empirical-Bayes prior, on the full groups x terms table
    (see the notes for where that differs from tidylo's ``bind_log_odds``).

    Parameters
    ----------
    counts : array-like, shape (n_groups, n_terms)
        ``y_wi``: count of term ``w`` in group (outlet) ``i``.
    prior : {"informative", "uninformative"}
        ``"informative"`` (empirical Bayes, the default): ``alpha_w`` = total
        count of ``w`` over all groups.  ``"uninformative"``: ``alpha_w = 1``.

    Returns
    -------
    LogOdds
        ``z`` and ``delta``, both of shape (n_groups, n_terms).  With a single
        group there is nothing to compare with and both are NaN.

    Notes
    -----
    With pseudo-counts ``y'_wi = y_wi + alpha_w``, ``y'_w = sum_i y'_wi``,
    ``n'_i = sum_w y'_wi`` and ``N' = sum_i n'_i``::

        omega_wi = y'_wi / (n'_i - y'_wi)        omega_w = y'_w / (N' - y'_w)
        delta_wi = ln omega_wi - ln omega_w
        z_wi     = delta_wi / sqrt(1 / y'_wi + 1 / y'_w)

    Direction: higher = term ``w`` is more typical of group ``i`` than of the
    corpus as a whole.  Denominators: the odds of ``w`` are taken against all
    other tokens of the group (``n'_i - y'_wi``) and of the corpus
    (``N' - y'_w``).  The background ``y'_w`` includes group ``i`` itself
    (tidylo's definition), so with two groups the two z-scores of a term have
    opposite signs but not equal sizes.  ``|z| > 1.96`` corresponds to
    p < .05 two-sided for one term, with no correction for the many terms
    tested.  The informative prior is as heavy as the data: a term cannot
    reach ``|z| = 1.96`` unless it is frequent (see :func:`attainable_z`).

    Zero counts: every cell of ``counts`` gets its pseudo-count, zero or not
    (Monroe et al.'s model puts the prior on every word in every group).
    tidylo's ``bind_log_odds`` only sees the rows of its input, and a tidy
    count table has no row for a term a group never used: there, such a
    term gets no pseudo-count in that group, is left out of that group's
    ``n'_i``, of the term's ``y'_w`` and of ``N'``, and has no z in that
    group.  The two computations agree exactly when every term occurs in
    every group (as in tidylo's own test data, which the tests reproduce)
    and differ otherwise.

    References
    ----------
    Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words:
    lexical feature selection and evaluation for identifying the content of
    political conflict. Political Analysis 16(4), 372-403.
    """
    y = np.asarray(counts, dtype=float)
    if y.ndim != 2:
        raise ValueError("counts must be two-dimensional: groups x terms")
    if (y < 0).any():
        raise ValueError("counts must not be negative")
    if prior not in ("informative", "uninformative"):
        raise ValueError(f"unknown prior {prior!r}")
    if y.shape[0] < 2:
        nan = np.full(y.shape, np.nan)
        return LogOdds(nan, nan.copy())
    alpha = y.sum(axis=0) if prior == "informative" else np.ones(y.shape[1])
    yp = y + alpha
    return _one_vs_all(yp, yp.sum(axis=0), yp.sum(axis=1, keepdims=True), yp.sum())


def scaled_prior(
    counts_i: Sequence[float] | np.ndarray,
    counts_j: Sequence[float] | np.ndarray,
    *,
    alpha_0: float | None = None,
) -> np.ndarray:
    """Informative prior of a two-group comparison: the pooled word distribution, worth ``alpha_0`` tokens.

    Parameters
    ----------
    counts_i, counts_j : array-like, shape (n_terms,)
        Counts of each term in the two groups.
    alpha_0 : float, optional
        Total pseudo-count of the prior, ``a_0``.  Default: the mean of the
        two groups' token totals, ``(n_i + n_j) / 2``.

    Returns
    -------
    numpy.ndarray, shape (n_terms,)
        ``alpha_w = alpha_0 * y_w / N``, with ``y_w = y_wi + y_wj`` the term's
        count in the two groups together and ``N = n_i + n_j``; the values sum
        to ``alpha_0``.  This is the prior Monroe et al. (2008) recommend:
        shrink each group towards the overall word frequencies, with a weight
        (``alpha_0``) chosen by the analyst.

    Notes
    -----
    Why ``alpha_0 = (n_i + n_j) / 2`` by default.  It gives ``alpha_w = y_w
    / 2``: each group receives, as pseudo-counts, the term's mean count per
    group, i.e. the prior is worth one average group of text (one article
    when each outlet is one article).

    * It is half as heavy as the one-against-all default of
      :func:`weighted_log_odds` (``alpha_w = y_w``, as heavy as all the
      data), under which no word of two ~400-word articles can reach
      ``|z| = 1.96``.
    * It is scale-free: the prior keeps the same share of the evidence for
      two articles or two thousand, so a term's z grows with the square root
      of its counts at any corpus size.  A fixed total (Monroe et al.'s
      uninformative 0.01 per word, or any fixed ``alpha_0``) leaves a term
      that one group never used a pseudo-count ``alpha_w`` that shrinks as
      the corpus grows; the variance term ``1 / (0 + alpha_w)`` then swamps
      its z, and words used by one outlet only rank below shared ones.
    * Cost: the z is cautious.  A term used ``k`` times in one of two
      400-word texts and never in the other reaches ``z = 1.96`` from
      ``k = 9`` on (z is about ``0.67 sqrt(k)``); Fisher's exact test on the
      same table (:func:`fisher_exact_p`) reaches p < .05 from ``k = 6`` on.
    """
    yi = np.asarray(counts_i, dtype=float)
    yj = np.asarray(counts_j, dtype=float)
    if yi.shape != yj.shape or yi.ndim != 1:
        raise ValueError("counts_i and counts_j must be one-dimensional and of equal length")
    total = yi.sum() + yj.sum()
    weight = total / 2.0 if alpha_0 is None else float(alpha_0)
    if weight <= 0 or total <= 0:
        raise ValueError("alpha_0 and the token totals must be positive")
    return weight * (yi + yj) / total


def pairwise_log_odds_z(
    counts_i: Sequence[float] | np.ndarray,
    counts_j: Sequence[float] | np.ndarray,
    *,
    alpha: float | Sequence[float] | np.ndarray = 0.01,
    variance: Literal["two-term", "four-term"] = "two-term",
) -> LogOdds:
    """Log-odds ratio of every term between two groups, with a Dirichlet prior.

    Parameters
    ----------
    counts_i, counts_j : array-like, shape (n_terms,)
        Counts of each term in group ``i`` and in group ``j``.
    alpha : float or array-like, shape (n_terms,)
        Prior pseudo-count ``alpha_w`` per term (a single number is used for
        every term).  ``a_0 = sum_w alpha_w``.  0.01 is Monroe et al.'s
        uninformative choice; :func:`scaled_prior` gives the informative
        prior the suite uses for two outlets.
    variance : {"two-term", "four-term"}
        ``"two-term"``: Monroe et al.'s approximation (eq. 20),
        ``1/(y_wi + a_w) + 1/(y_wj + a_w)``.  ``"four-term"`` adds the two
        "all other words" terms, ``1/(n_i + a_0 - y_wi - a_w) +
        1/(n_j + a_0 - y_wj - a_w)``, as scattertext does.

    Returns
    -------
    LogOdds
        ``z = delta / sqrt(var)`` and ``delta``, each of shape (n_terms,).

    Notes
    -----
    Monroe et al. (2008), eq. 16::

        delta_w = ln[(y_wi + a_w) / (n_i + a_0 - y_wi - a_w)]
                - ln[(y_wj + a_w) / (n_j + a_0 - y_wj - a_w)]

    where ``n_i`` and ``n_j`` are the groups' token totals (the sums of the
    count vectors).  Direction: higher = more typical of group ``i``, lower =
    more typical of group ``j``; the measure is antisymmetric.
    """
    yi = np.asarray(counts_i, dtype=float)
    yj = np.asarray(counts_j, dtype=float)
    if yi.shape != yj.shape or yi.ndim != 1:
        raise ValueError("counts_i and counts_j must be one-dimensional and of equal length")
    a = np.broadcast_to(np.asarray(alpha, dtype=float), yi.shape)
    return _pairwise(yi, yj, a, a.sum(), yi.sum(), yj.sum(), variance)


def _prior_of(totals: np.ndarray, n: np.ndarray, method: str, prior: Prior, alpha_0: float | None):
    """``(alpha_w, a_0)`` of the term table's prior: a function of each term's corpus count only."""
    if prior == "uninformative":
        return np.ones_like(totals), float(len(totals))
    if method == "pairwise":
        weight = n.sum() / 2.0 if alpha_0 is None else float(alpha_0)
        return weight * totals / n.sum(), weight
    return totals, float(totals.sum())


def attainable_z(
    totals: Sequence[float] | np.ndarray,
    n_tokens: Sequence[float] | np.ndarray,
    *,
    group: int,
    method: LogOddsMethod,
    prior: Prior = "informative",
    alpha_0: float | None = None,
) -> np.ndarray:
    """The largest |z| each term could reach in one group, given its corpus count.

    Parameters
    ----------
    totals : array-like, shape (n_terms,)
        ``y_w``: each term's count summed over the groups (the whole
        vocabulary of one n-gram order, so they sum to ``N``).
    n_tokens : array-like, shape (n_groups,)
        The groups' token totals ``n_i`` of that order.
    group : int
        Index of the group (outlet) the z is computed for.
    method : {"pairwise", "one_vs_all"}
        ``"pairwise"`` (exactly two groups): :func:`pairwise_log_odds_z`,
        two-term variance, with :func:`scaled_prior` (``"informative"``) or
        ``alpha_w = 1``.  ``"one_vs_all"``: :func:`weighted_log_odds`.
    prior : {"informative", "uninformative"}
        As for :func:`term_table`.
    alpha_0 : float, optional
        Total of the pairwise scaled prior (default ``N / 2``).

    Returns
    -------
    numpy.ndarray, shape (n_terms,)
        For term ``w``: ``max |z_w(k)|`` over every split of its ``y_w``
        occurrences, ``k`` in the group and ``y_w - k`` in the others
        (``k`` from ``max(0, y_w - (N - n_i))`` to ``min(y_w, n_i)``), with
        every group's token total, the vocabulary and the prior held as
        they are (the prior depends on ``y_w`` only).  NaN with a single
        group.

    Notes
    -----
    The observed ``|z|`` of a term is one of the values maximised over, so it
    never exceeds the attainable one.  A term whose attainable z is below
    1.96 cannot pass ``|z| > 1.96`` however lopsided its use: for it z is a
    ranking score, not a test (the attainable significance of discrete tests,
    Tarone 1990).  Every split is evaluated, because the largest z is not
    always the most lopsided split: with a light prior a term used only by
    one group has a huge variance term ``1 / alpha_w``.  The work is at most
    ``N + n_terms`` evaluations (the distinct totals sum to at most ``N``).

    References
    ----------
    Tarone, R. E. (1990). A modified Bonferroni method for discrete data.
    Biometrics 46(2), 515-522.
    """
    m = np.asarray(totals, dtype=float)
    n = np.asarray(n_tokens, dtype=float)
    if m.ndim != 1 or n.ndim != 1:
        raise ValueError("totals and n_tokens must be one-dimensional")
    if method not in LOG_ODDS_METHODS:
        raise ValueError(f"unknown method {method!r}")
    if method == "pairwise" and len(n) != 2:
        raise ValueError("the pairwise method compares exactly two groups")
    if prior not in ("informative", "uninformative"):
        raise ValueError(f"unknown prior {prior!r}")
    if not math.isclose(m.sum(), n.sum()):
        raise ValueError("the terms' totals must sum to the groups' token totals")
    out = np.full(m.shape, np.nan)
    if len(n) < 2 or len(m) == 0:
        return out
    alpha, a0 = _prior_of(m, n, method, prior, alpha_0)
    total, n_i = n.sum(), n[group]
    values, first, inverse = np.unique(m, return_index=True, return_inverse=True)
    a_u = alpha[first]
    lo = np.maximum(0.0, values - (total - n_i))
    hi = np.minimum(values, n_i)
    sizes = (hi - lo + 1).astype(np.int64)
    seg = np.repeat(np.arange(len(values)), sizes)
    starts = np.cumsum(sizes) - sizes
    k = lo[seg] + (np.arange(sizes.sum()) - starts[seg])
    mm, aa = values[seg], a_u[seg]
    if method == "pairwise":
        other = 1 - group
        z = _pairwise(k, mm - k, aa, a0, n_i, n[other], "two-term").z
    else:
        g = len(n)
        z = _one_vs_all(k + aa, mm + g * aa, n_i + a0, total + g * a0).z
    best = np.fmax.reduceat(np.abs(z), starts)
    return best[inverse.ravel()]


def _two_by_two(target, reference, n_target, n_reference):
    a = np.asarray(target, dtype=float)
    b = np.asarray(reference, dtype=float)
    if a.shape != b.shape:
        raise ValueError("target and reference must have the same shape")
    if (a < 0).any() or (b < 0).any():
        raise ValueError("counts must not be negative")
    nt = a.sum() if n_target is None else np.asarray(n_target, dtype=float)
    nr = b.sum() if n_reference is None else np.asarray(n_reference, dtype=float)
    c = nt - a
    d = nr - b
    if (c < 0).any() or (d < 0).any():
        raise ValueError("a term count exceeds its corpus total")
    return a, b, c, d


def _expected(a, b, c, d):
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        return (
            (a + b) * (a + c) / n,
            (a + b) * (b + d) / n,
            (c + d) * (a + c) / n,
            (c + d) * (b + d) / n,
        )


def log_likelihood_g2(
    target: Sequence[float] | np.ndarray,
    reference: Sequence[float] | np.ndarray,
    *,
    n_target: float | None = None,
    n_reference: float | None = None,
    correction: Literal["none", "williams"] = "none",
) -> np.ndarray:
    """Signed log-likelihood keyness G2 of every term, on the full 2 x 2 table.

    Parameters
    ----------
    target, reference : array-like, shape (n_terms,)
        Count of each term in the target and in the reference corpus.
    n_target, n_reference : float, optional
        Token totals of the two corpora; default to the sums of the counts.
    correction : {"none", "williams"}
        ``"williams"`` divides G2 by Williams's (1976) factor
        ``q = 1 + (N/(a+b) + N/(c+d) - 1) * (N/(a+c) + N/(b+d) - 1) / (6N)``.

    Returns
    -------
    numpy.ndarray
        Signed G2 per term; NaN where a corpus total is zero.

    Notes
    -----
    For term ``w``: ``a`` = count in target, ``b`` = count in reference,
    ``c = n_target - a``, ``d = n_reference - b``, ``N = a + b + c + d``, and
    each cell's expected count is its row total times its column total over
    ``N``.  ``G2 = 2 * sum O ln(O / E)`` over the four cells (a cell with
    ``O = 0`` adds 0).  This is Dunning's (1993) statistic on the full
    contingency table, as in quanteda's ``textstat_keyness(measure = "lr")``;
    it is *not* the two-cell form ``2 * (a ln(a/E1) + b ln(b/E2))`` of the
    UCREL log-likelihood calculator, which gives very different values on
    article-sized texts.

    Direction: the sign is ``+`` when ``a > E_a`` (term over-used in the
    target relative to the reference) and ``-`` otherwise; higher = more
    characteristic of the target.  Under independence ``|G2|`` follows
    chi-squared with one degree of freedom: 3.84 (p < .05), 6.63 (p < .01),
    10.83 (p < .001), for one term at a time.

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. Computational Linguistics 19(1), 61-74.
    """
    a, b, c, d = _two_by_two(target, reference, n_target, n_reference)
    expected = _expected(a, b, c, d)
    g2 = np.zeros(np.broadcast(a, b, c, d).shape)
    for observed, e in zip((a, b, c, d), expected, strict=True):
        with np.errstate(divide="ignore", invalid="ignore"):
            g2 = g2 + np.where(observed > 0, observed * np.log(observed / e), 0.0)
    g2 = 2.0 * g2 * np.where(a > expected[0], 1.0, -1.0)
    n = a + b + c + d
    if correction == "williams":
        with np.errstate(divide="ignore", invalid="ignore"):
            q = 1.0 + (n / (a + b) + n / (c + d) - 1.0) * (n / (a + c) + n / (b + d) - 1.0) / (6.0 * n)
        g2 = g2 / q
    elif correction != "none":
        raise ValueError(f"unknown correction {correction!r}")
    return np.where(((a + c) > 0) & ((b + d) > 0), g2, np.nan)


def chi_squared(
    target: Sequence[float] | np.ndarray,
    reference: Sequence[float] | np.ndarray,
    *,
    n_target: float | None = None,
    n_reference: float | None = None,
    correction: Literal["none", "yates", "auto"] = "none",
) -> np.ndarray:
    """Signed Pearson chi-squared of every term, on the full 2 x 2 table.

    Parameters
    ----------
    target, reference : array-like, shape (n_terms,)
        Count of each term in the target and in the reference corpus.
    n_target, n_reference : float, optional
        Token totals of the two corpora; default to the sums of the counts.
    correction : {"none", "yates", "auto"}
        ``"none"``: ``N (ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d))``.
        ``"yates"``: Yates's continuity correction, ``|ad - bc|`` replaced by
        ``max(|ad - bc| - N/2, 0)`` (as R's ``chisq.test(correct = TRUE)``).
        ``"auto"``: Yates's correction only where the smallest expected cell
        count is below 5 and ``|ad - bc| >= N/2``, otherwise none; this is
        quanteda's ``textstat_keyness`` default.

    Returns
    -------
    numpy.ndarray
        Signed chi-squared per term; NaN where a corpus total is zero.

    Notes
    -----
    Cells ``a, b, c, d`` and the sign are as in :func:`log_likelihood_g2`:
    higher = more characteristic of the target.  G2 is usually preferred for
    word counts (Dunning 1993); chi-squared is offered for comparison with
    other tools.
    """
    a, b, c, d = _two_by_two(target, reference, n_target, n_reference)
    n = a + b + c + d
    diff = np.abs(a * d - b * c)
    if correction == "yates":
        diff = np.maximum(diff - n / 2.0, 0.0)
    elif correction == "auto":
        smallest = np.minimum.reduce(_expected(a, b, c, d))
        apply = (smallest < 5) & (diff >= n / 2.0)
        diff = np.where(apply, diff - n / 2.0, diff)
    elif correction != "none":
        raise ValueError(f"unknown correction {correction!r}")
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = n * diff**2 / ((a + b) * (c + d) * (a + c) * (b + d))
        sign = np.where(a > (a + b) * (a + c) / n, 1.0, -1.0)
    return np.where(((a + c) > 0) & ((b + d) > 0), chi2 * sign, np.nan)


def log_ratio(
    target: Sequence[float] | np.ndarray,
    reference: Sequence[float] | np.ndarray,
    *,
    n_target: float | None = None,
    n_reference: float | None = None,
    zero_count: float = 0.5,
) -> np.ndarray:
    """Log Ratio effect size: binary log of the ratio of relative frequencies.

    ``log_ratio = log2((a / n_target) / (b / n_reference))``, where a zero
    ``a`` or ``b`` is replaced by ``zero_count`` (0.5) before dividing; the
    totals are not changed.  Direction: +1 = twice as frequent in the target,
    -1 = half as frequent.  Denominators: each corpus's own token total.
    NaN where a corpus total is zero.

    References
    ----------
    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for
    Corpus Approaches to Social Science (CASS), Lancaster University.
    """
    a, b, c, d = _two_by_two(target, reference, n_target, n_reference)
    nt, nr = a + c, b + d
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (np.where(a > 0, a, zero_count) / nt) / (np.where(b > 0, b, zero_count) / nr)
        out = np.log2(ratio)
    return np.where((nt > 0) & (nr > 0), out, np.nan)


FISHER_TOLERANCE = 1e-7
"""Relative tolerance of "at most as probable as the observed table" in :func:`fisher_exact_p` (R's)."""


def _log_choose(n, k):
    from scipy.special import gammaln

    return gammaln(n + 1.0) - gammaln(k + 1.0) - gammaln(n - k + 1.0)


def fisher_exact_p(
    target: Sequence[float] | np.ndarray,
    reference: Sequence[float] | np.ndarray,
    *,
    n_target: float | None = None,
    n_reference: float | None = None,
) -> np.ndarray:
    """Two-sided Fisher's exact p of every term, on the full 2 x 2 table.

    Parameters
    ----------
    target, reference : array-like, shape (n_terms,)
        Count of each term in the target and in the reference corpus.
    n_target, n_reference : float, optional
        Token totals of the two corpora; default to the sums of the counts.

    Returns
    -------
    numpy.ndarray
        p per term, as ``scipy.stats.fisher_exact([[a, b], [c, d]]).pvalue``
        but for all terms at once; 1 for a term neither corpus uses, NaN
        where a corpus total is zero.

    Notes
    -----
    Cells ``a, b, c, d`` as in :func:`log_likelihood_g2`, ``K = a + b`` (the
    term's count), ``n = a + c`` (the target's total), ``N = a + b + c + d``.
    Given the margins, ``a`` follows the hypergeometric distribution
    ``P(x) = C(K, x) C(N - K, n - x) / C(N, n)`` on
    ``max(0, n + K - N) <= x <= min(K, n)``, and ``p`` is the sum of ``P(x)``
    over the ``x`` with ``P(x) <= P(a) (1 + 1e-7)``: every table at most as
    probable as the one observed.  The tolerance is R's ``fisher.test``;
    scipy uses ``1e-14``, and the two differ only when two tables'
    probabilities are within one part in 10^7 of each other without being
    equal.  ``P`` is computed in logs, from ``P(lowest x)`` and the ratio
    ``P(x + 1) / P(x) = (K - x)(n - x) / ((x + 1)(N - K - n + x + 1))``; the
    work is the size of each term's support, at most ``K + 1``.

    No direction: the sign of G2 says which corpus over-uses the term.  Exact
    at any count, so it is the test to read where expected counts are small
    (below 5, :func:`min_expected`), where G2 and chi-squared are unreliable.

    References
    ----------
    Fisher, R. A. (1922). On the interpretation of chi-squared from
    contingency tables, and the calculation of P. Journal of the Royal
    Statistical Society 85(1), 87-94.
    """
    a, b, c, d = _two_by_two(target, reference, n_target, n_reference)
    shape = np.broadcast(a, b, c, d).shape
    a, b, c, d = (np.broadcast_to(x, shape).ravel().astype(np.int64) for x in (a, b, c, d))
    p = np.full(a.shape, np.nan)
    valid = (a + c > 0) & (b + d > 0)
    p[valid & ((a + b == 0) | (c + d == 0))] = 1.0
    rows = np.flatnonzero(valid & (a + b > 0) & (c + d > 0))
    if rows.size == 0:
        return p.reshape(shape)
    x_obs, big = a[rows], a[rows] + b[rows] + c[rows] + d[rows]
    good, draws = a[rows] + b[rows], a[rows] + c[rows]
    lo = np.maximum(0, draws + good - big)
    sizes = np.minimum(good, draws) - lo + 1
    starts = np.cumsum(sizes) - sizes
    seg = np.repeat(np.arange(rows.size), sizes)
    x = (lo[seg] + np.arange(sizes.sum()) - starts[seg]).astype(float)
    g, n, big_f = good[seg].astype(float), draws[seg].astype(float), big[seg].astype(float)
    with np.errstate(divide="ignore"):
        step = np.log((g - x + 1) * (n - x + 1)) - np.log(x * (big_f - g - n + x))
    step[starts] = 0.0
    rise = np.cumsum(step)
    log_first = _log_choose(good, lo) + _log_choose(big - good, draws - lo) - _log_choose(big, draws)
    log_p = log_first[seg] + rise - rise[starts][seg]
    observed = log_p[starts + x_obs - lo]
    keep = log_p <= observed[seg] + math.log1p(FISHER_TOLERANCE)
    p[rows] = np.minimum(np.add.reduceat(np.where(keep, np.exp(log_p), 0.0), starts), 1.0)
    return p.reshape(shape)


def min_expected(
    target: Sequence[float] | np.ndarray,
    reference: Sequence[float] | np.ndarray,
    *,
    n_target: float | None = None,
    n_reference: float | None = None,
) -> np.ndarray:
    """The smallest of the four expected cell counts of every term's 2 x 2 table.

    Cells and expected counts as in :func:`log_likelihood_g2` (row total x
    column total / N).  Below :data:`LOW_EXPECTED` (5), the chi-squared
    approximation behind the critical values of G2 and chi-squared is poor
    (Cochran's rule); read :func:`fisher_exact_p` instead.  NaN where a
    corpus total is zero.
    """
    a, b, c, d = _two_by_two(target, reference, n_target, n_reference)
    smallest = np.minimum.reduce(_expected(a, b, c, d))
    return np.where(((a + c) > 0) & ((b + d) > 0), smallest, np.nan)


def _normal_cdf_scale(x: np.ndarray) -> np.ndarray:
    sd = x.std()
    if not np.isfinite(sd) or sd == 0:
        return np.full(x.shape, 0.5)
    return np.array([0.5 * (1.0 + math.erf((v - x.mean()) / (sd * math.sqrt(2.0)))) for v in x])


def _f_score_one_side(cat: np.ndarray, other: np.ndarray, beta: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = cat / (cat + other)
        recall = cat / cat.sum()
    p = _normal_cdf_scale(np.nan_to_num(precision, nan=0.0))
    r = _normal_cdf_scale(recall)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = (1 + beta**2) * p * r / (beta**2 * p + r)
    return np.nan_to_num(score, nan=0.0)


def _min_max(x: np.ndarray) -> np.ndarray:
    span = x.max() - x.min()
    return np.ones_like(x) if span == 0 else (x - x.min()) / span


def scaled_f_score(
    cat: Sequence[float] | np.ndarray,
    not_cat: Sequence[float] | np.ndarray,
    *,
    beta: float = 1.0,
) -> np.ndarray:
    """Kessler's scaled F-score, balanced between the two categories, in [0, 1].

    Parameters
    ----------
    cat, not_cat : array-like, shape (n_terms,)
        Term counts in the category and in everything else.
    beta : float
        Weight of recall against precision in the harmonic mean.

    Returns
    -------
    numpy.ndarray
        1 = most characteristic of ``cat``, 0 = most characteristic of
        ``not_cat``, 0.5 = neither.

    Notes
    -----
    For one side, ``precision_w = cat_w / (cat_w + not_cat_w)`` and
    ``recall_w = cat_w / sum(cat)``; each is passed through the normal CDF
    with the mean and (population) standard deviation of its own values, and
    the score is the weighted harmonic mean
    ``(1 + beta^2) P R / (beta^2 P + R)``.  The same is computed with the
    categories swapped.  Each term keeps the larger of its two scores, signed
    ``+`` for ``cat`` and ``-`` for ``not_cat`` (0 on a tie); positive and
    negative scores are min-max scaled separately to (0, 1] and [-1, 0), and
    the result is mapped to [0, 1] by ``(s + 1) / 2``.  Terms absent from one
    side get precision 0 there.  Where a scaled set has a single distinct
    value it is mapped to the extreme (1 or -1).

    References
    ----------
    Kessler, J. S. (2017). Scattertext: a browser-based tool for visualizing
    how corpora differ. Proceedings of ACL 2017, System Demonstrations, 85-90.
    """
    c = np.asarray(cat, dtype=float)
    n = np.asarray(not_cat, dtype=float)
    if c.shape != n.shape or c.ndim != 1:
        raise ValueError("cat and not_cat must be one-dimensional and of equal length")
    s_cat = _f_score_one_side(c, n, beta)
    s_not = _f_score_one_side(n, c, beta)
    balanced = np.where(s_cat > s_not, s_cat, np.where(s_cat < s_not, -s_not, 0.0))
    pos, neg = balanced > 0, balanced < 0
    if pos.any():
        balanced[pos] = _min_max(balanced[pos])
    if neg.any():
        balanced[neg] = -_min_max(-balanced[neg])
    return (balanced + 1.0) / 2.0


# ---------------------------------------------------------------------------
# Tidy tables
# ---------------------------------------------------------------------------


def ngram_counts(
    tokens: pd.DataFrame,
    *,
    ngram_orders: Iterable[int] = (1, 2),
    lowercase: bool = True,
    stopwords: Stopwords = "default",
    include_numbers: bool = False,
) -> tuple[list[str], pd.DataFrame]:
    """The sorted outlet names and the long count table ``outlet, ngram, term, count`` that
    :func:`term_table` rests on (options as there).

    Counts of separate parts of a corpus (chunks of articles) add up, term by term, to the counts of the
    whole: an n-gram never crosses a sentence, so :func:`term_table_from_counts` of the summed parts is
    :func:`term_table` of the whole.
    """
    orders = sorted({int(n) for n in ngram_orders})
    if not orders or orders[0] < 1:
        raise ValueError("ngram_orders must hold positive integers")
    needed = {"outlet", "sentence_id", "token_id", "kind", "token"}
    missing = needed - set(tokens.columns)
    if missing:
        raise ValueError(f"tokens lacks column(s): {sorted(missing)}")
    stop = _resolve_stopwords(stopwords)

    surface = tokens["token"].astype(str)
    folded = tokens["lower"].astype(str) if "lower" in tokens.columns else surface.str.lower()
    kind = tokens["kind"].astype(str)
    keep = (kind != "punct") & ~folded.isin(stop)
    if not include_numbers:
        keep &= kind != "number"
    frame = pd.DataFrame(
        {
            "outlet": tokens["outlet"].astype(str),
            "article_id": tokens["article_id"].astype(str) if "article_id" in tokens.columns else "",
            "sentence_id": tokens["sentence_id"].astype(str),
            "token_id": tokens["token_id"].astype(int),
            "term": folded if lowercase else surface,
            "keep": keep,
        }
    )
    frame = frame.sort_values(["outlet", "article_id", "sentence_id", "token_id"], kind="mergesort")
    frame = frame.reset_index(drop=True)
    outlets = sorted(frame["outlet"].unique().tolist())

    pieces = []
    for n in orders:
        ok = frame["keep"].copy()
        term = frame["term"]
        for k in range(1, n):
            same_place = frame["token_id"].shift(-k, fill_value=-1) == frame["token_id"] + k
            for column in ("outlet", "article_id", "sentence_id"):
                same_place &= frame[column].shift(-k, fill_value="") == frame[column]
            ok &= same_place & frame["keep"].shift(-k, fill_value=False)
            term = term + " " + frame["term"].shift(-k, fill_value="")
        grams = pd.DataFrame({"outlet": frame.loc[ok, "outlet"], "term": term[ok]})
        counted = grams.groupby(["outlet", "term"], sort=True).size().rename("count").reset_index()
        counted.insert(1, "ngram", n)
        pieces.append(counted)
    counts = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame()
    return outlets, counts


def _count_matrix(counts: pd.DataFrame, outlets: list[str], n: int, min_count: int) -> pd.DataFrame:
    """Outlets x vocabulary matrix of one n-gram order, terms below ``min_count`` dropped."""
    one = counts[counts["ngram"] == n] if len(counts) else counts
    if len(one) == 0:
        return pd.DataFrame(index=pd.Index(outlets), columns=pd.Index([]), dtype=np.int64)
    matrix = one.pivot_table(index="outlet", columns="term", values="count", aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(index=outlets, fill_value=0)
    matrix = matrix.loc[:, matrix.sum(axis=0) >= min_count]
    return matrix.sort_index(axis=1).astype(np.int64)


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    """A table with the given columns and no rows, typed as the filled version would be."""
    kinds = {}
    for column in columns:
        if column in ("outlet", "term", "outlet_a", "outlet_b", "log_odds_method"):
            kinds[column] = pd.Series(dtype=str)
        elif column.startswith(("count", "n_tokens", "ngram")):
            kinds[column] = pd.Series(dtype=np.int64)
        elif column == "low_expected":
            kinds[column] = pd.Series(dtype=bool)
        else:
            kinds[column] = pd.Series(dtype=float)
    return pd.DataFrame(kinds)


LogOddsChoice = Literal["auto", "pairwise", "one_vs_all"]


def _resolve_method(log_odds: LogOddsChoice, n_outlets: int) -> LogOddsMethod:
    if log_odds == "auto":
        return "pairwise" if n_outlets == 2 else "one_vs_all"
    if log_odds not in LOG_ODDS_METHODS:
        raise ValueError(f"log_odds must be 'auto', 'pairwise' or 'one_vs_all', not {log_odds!r}")
    if log_odds == "pairwise" and n_outlets != 2:
        raise ValueError(f"the pairwise log-odds compares exactly two outlets, not {n_outlets}")
    return log_odds


def _log_odds_block(y: np.ndarray, method: LogOddsMethod, prior: Prior, alpha_0: float | None):
    """``z`` (outlets x terms) and ``z_attainable`` (outlets x terms) of one n-gram order's count matrix."""
    n_out, totals = y.sum(axis=1).astype(float), y.sum(axis=0).astype(float)
    if y.shape[0] < 2:
        nan = np.full(y.shape, np.nan)
        return nan, nan.copy()
    if method == "pairwise":
        alpha, _ = _prior_of(totals, n_out, method, prior, alpha_0)
        z = pairwise_log_odds_z(y[0], y[1], alpha=alpha).z
        reach = attainable_z(totals, n_out, group=0, method=method, prior=prior, alpha_0=alpha_0)
        return np.vstack([z, -z]) + 0.0, np.vstack([reach, reach])  # + 0.0: no "-0.0" for the other outlet
    z = weighted_log_odds(y, prior=prior).z
    reach = np.vstack(
        [attainable_z(totals, n_out, group=i, method=method, prior=prior) for i in range(y.shape[0])]
    )
    return z, reach


def term_table(
    tokens: pd.DataFrame,
    *,
    ngram_orders: Iterable[int] = (1, 2),
    lowercase: bool = True,
    stopwords: Stopwords = "default",
    prior: Prior = "informative",
    log_odds: LogOddsChoice = "auto",
    alpha_0: float | None = None,
    min_count: int = 1,
    include_numbers: bool = False,
) -> pd.DataFrame:
    """Salience of every term for every outlet: log-odds z, keyness tests and effect size.

    Parameters
    ----------
    tokens : DataFrame
        The ``tokens`` table of :func:`framing.load.corpus.load_corpus`.  Needs
        ``outlet``, ``sentence_id``, ``token_id``, ``token``, ``kind`` and
        (preferably) ``lower``; ``article_id`` is used when present.  Filter
        the rows first to restrict the count (for example to
        ``voice == "authorial"``).
    ngram_orders : iterable of int
        Which n-gram orders to count, each as its own table (see the module
        notes for how n-grams are formed).
    lowercase : bool
        Count the ``lower`` form (True) or the surface ``token`` (False).
    stopwords : "default", None or iterable of str
        ``"default"`` loads :func:`load_stopwords`; None keeps every word; an
        iterable is used as given (matched case-insensitively).
    prior : {"informative", "uninformative"}
        Prior of the log-odds.  ``"informative"``: with the pairwise method
        the scaled prior of :func:`scaled_prior` (``alpha_w = alpha_0 y_w /
        N``), with the one-against-all method ``alpha_w = y_w`` (tidylo's
        empirical Bayes).  ``"uninformative"``: ``alpha_w = 1`` for every
        term, with either method.
    log_odds : {"auto", "pairwise", "one_vs_all"}
        How ``log_odds_z`` is computed.  ``"auto"`` (default): ``"pairwise"``
        when the tokens hold exactly two outlets, ``"one_vs_all"`` otherwise.
        ``"pairwise"`` needs exactly two outlets.
    alpha_0 : float, optional
        Total pseudo-count of the pairwise scaled prior; default the mean of
        the two outlets' token totals of each order (see :func:`scaled_prior`
        for why).
    min_count : int
        Drop terms whose corpus-wide count of that order is below this.
    include_numbers : bool
        Keep number tokens (``kind == "number"``) as terms.

    Returns
    -------
    DataFrame
        One row per outlet x term of each order's vocabulary (count 0
        included, so every number can be recomputed from the table itself):

        ``outlet``
            Outlet name.
        ``term``
            The word, or the n-gram's words joined by single spaces.
        ``ngram``
            The n-gram order (1 = word, 2 = bigram, ...).
        ``count``
            Occurrences of the term in the outlet.
        ``n_tokens``
            The outlet's total count of that n-gram order after filtering
            (punctuation, numbers, stopwords, ``min_count``), which equals the
            sum of ``count`` over the outlet's rows of that order.
        ``rate_per_1k``
            ``1000 * count / n_tokens``: occurrences per 1,000 terms of the
            same order (NaN when ``n_tokens`` is 0).
        ``log_odds_z``
            Log-odds z of the term for the outlet (Monroe, Colaresi & Quinn
            2008), computed as ``log_odds_method`` says, on the outlets x
            terms count matrix of that order.  Higher = more typical of this
            outlet.  ``pairwise`` (two outlets): eq. 16/20 of Monroe et al.,
            this outlet against the other, two-term variance, see
            :func:`pairwise_log_odds_z`; the other outlet's row holds the
            same z with the opposite sign.  ``one_vs_all``: this outlet
            against the whole corpus (outlet included), see
            :func:`weighted_log_odds`.  Read it as a ranking score;
            ``|z| > 1.96`` ~ p < .05 for one term, uncorrected, and only
            where ``z_attainable`` reaches 1.96.
        ``z_attainable``
            The largest ``|log_odds_z|`` this term could have for this outlet
            given its corpus count (every split of that count between this
            outlet and the others, totals held fixed; see
            :func:`attainable_z`).  Never below ``|log_odds_z|``.  Where it is
            under 1.96, no split of the term's uses could pass the
            conventional threshold: z only ranks.
        ``log_odds_method``
            ``"pairwise"`` or ``"one_vs_all"``, the same on every row of the
            table.
        ``g2``
            Signed log-likelihood G2 on the full 2 x 2 table (Dunning 1993,
            no correction; see :func:`log_likelihood_g2`), target = this
            outlet, reference = all other outlets pooled.  Positive =
            over-used by this outlet; 3.84 ~ p < .05 for one term.
        ``g2_williams``
            The same G2 divided by Williams's (1976) correction factor
            ``q >= 1`` (:func:`log_likelihood_g2` with
            ``correction="williams"``), closer to chi-squared(1) for small
            counts.
        ``fisher_p``
            Two-sided Fisher's exact p of the same 2 x 2 table
            (:func:`fisher_exact_p`): exact at any count, uncorrected for the
            many terms tested.  No direction (``g2``'s sign gives it).
        ``low_expected``
            True where some expected cell count of the 2 x 2 table is below
            :data:`LOW_EXPECTED` (5): there ``g2`` and ``g2_williams`` are
            unreliable as tests and ``fisher_p`` is the one to read.
        ``log_ratio``
            ``log2((count / n_tokens) / (rest_count / rest_n_tokens))``, zero
            counts replaced by 0.5 (Hardie 2014; see :func:`log_ratio`).
            +1 = twice as frequent in this outlet as in the rest.

        Sorted by outlet, ngram, ``log_odds_z`` descending (NaN last), term.

    Notes
    -----
    G2, Fisher's p and Log Ratio compare the outlet with the *other*
    outlets pooled (with two outlets, with the other one); so does the
    pairwise log-odds, whereas the one-against-all log-odds background is
    the whole corpus, outlet included.  Unlike tidylo's ``bind_log_odds``,
    the log-odds are computed on the zero-filled outlets x terms table
    (see :func:`weighted_log_odds`).  With a single outlet nothing can be
    compared: ``log_odds_z``, ``z_attainable``, ``g2``, ``g2_williams``,
    ``fisher_p`` and ``log_ratio`` are NaN (``low_expected`` False) and only
    the counts and rates are informative.  An order whose vocabulary holds
    a single term has NaN log-odds (the odds of that term against "all other
    terms" are undefined).  An outlet whose tokens were all filtered out
    keeps its rows with ``count`` 0 and ``n_tokens`` 0; its ``g2``,
    ``g2_williams``, ``fisher_p`` and ``log_ratio`` are then NaN and
    ``low_expected`` False.
    """
    outlets, counts = ngram_counts(
        tokens,
        ngram_orders=ngram_orders,
        lowercase=lowercase,
        stopwords=stopwords,
        include_numbers=include_numbers,
    )
    return term_table_from_counts(counts, outlets, ngram_orders=ngram_orders, prior=prior, log_odds=log_odds,
                                  alpha_0=alpha_0, min_count=min_count)


def term_table_from_counts(
    counts: pd.DataFrame,
    outlets: Sequence[str],
    *,
    ngram_orders: Iterable[int] = (1, 2),
    prior: Prior = "informative",
    log_odds: LogOddsChoice = "auto",
    alpha_0: float | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """:func:`term_table` from term counts: the same columns, formulas and order.

    Parameters
    ----------
    counts : DataFrame
        ``outlet, ngram, term, count`` (:func:`ngram_counts`, or the sum of its tables over parts of a
        corpus).
    outlets : sequence of str
        Every outlet whose tokens were counted; an outlet whose terms were all filtered out keeps rows of
        zeros.  Taken in sorted order.
    ngram_orders, prior, log_odds, alpha_0, min_count
        As in :func:`term_table`.
    """
    outlets = sorted(outlets)
    if prior not in ("informative", "uninformative"):
        raise ValueError(f"unknown prior {prior!r}")
    method = _resolve_method(log_odds, len(outlets))
    blocks = []
    for n in sorted({int(k) for k in ngram_orders}):
        matrix = _count_matrix(counts, outlets, n, min_count)
        if matrix.shape[1] == 0:
            continue
        y = matrix.to_numpy()
        n_out = y.sum(axis=1)
        corpus = y.sum(axis=0)
        z, reach = _log_odds_block(y, method, prior, alpha_0)
        tests = {name: np.full(y.shape, np.nan) for name in ("g2", "g2_williams", "fisher_p", "log_ratio", "low")}
        if len(outlets) > 1:
            for i in range(len(outlets)):
                rest = corpus - y[i]
                sizes = {"n_target": n_out[i], "n_reference": n_out.sum() - n_out[i]}
                tests["g2"][i] = log_likelihood_g2(y[i], rest, **sizes)
                tests["g2_williams"][i] = log_likelihood_g2(y[i], rest, correction="williams", **sizes)
                tests["fisher_p"][i] = fisher_exact_p(y[i], rest, **sizes)
                tests["log_ratio"][i] = log_ratio(y[i], rest, **sizes)
                tests["low"][i] = min_expected(y[i], rest, **sizes)
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = 1000.0 * y / n_out[:, None]
        n_terms = y.shape[1]
        blocks.append(
            pd.DataFrame(
                {
                    "outlet": np.repeat(np.array(outlets, dtype=object), n_terms),
                    "term": np.tile(matrix.columns.to_numpy(dtype=object), len(outlets)),
                    "ngram": np.int64(n),
                    "count": y.ravel().astype(np.int64),
                    "n_tokens": np.repeat(n_out, n_terms).astype(np.int64),
                    "rate_per_1k": np.where(np.repeat(n_out, n_terms) > 0, rate.ravel(), np.nan),
                    "log_odds_z": z.ravel(),
                    "z_attainable": reach.ravel(),
                    "log_odds_method": method,
                    "g2": tests["g2"].ravel(),
                    "g2_williams": tests["g2_williams"].ravel(),
                    "fisher_p": tests["fisher_p"].ravel(),
                    "low_expected": tests["low"].ravel() < LOW_EXPECTED,
                    "log_ratio": tests["log_ratio"].ravel(),
                }
            )
        )
    if not blocks:
        return _empty(TERM_TABLE_COLUMNS)
    table = pd.concat(blocks, ignore_index=True)
    table = table.sort_values(
        ["outlet", "ngram", "log_odds_z", "term"],
        ascending=[True, True, False, True],
        na_position="last",
        kind="mergesort",
    )
    return table.loc[:, list(TERM_TABLE_COLUMNS)].reset_index(drop=True)


def pairwise_log_odds(
    tokens: pd.DataFrame,
    outlet_a: str,
    outlet_b: str,
    *,
    ngram_orders: Iterable[int] = (1, 2),
    lowercase: bool = True,
    stopwords: Stopwords = "default",
    prior: Prior = "informative",
    alpha_0: float | None = None,
    alpha: float = 0.01,
    variance: Literal["two-term", "four-term"] = "two-term",
    min_count: int = 1,
    include_numbers: bool = False,
) -> pd.DataFrame:
    """Log-odds of every term between two chosen outlets (Monroe et al. 2008, eq. 16/20).

    Parameters
    ----------
    tokens : DataFrame
        The ``tokens`` table, as for :func:`term_table`; only the rows of the
        two outlets are used.
    outlet_a, outlet_b : str
        The two outlets; positive values favour ``outlet_a``.
    ngram_orders, lowercase, stopwords, min_count, include_numbers
        As for :func:`term_table`; ``min_count`` applies to the two outlets'
        combined count.
    prior : {"informative", "uninformative"}
        ``"informative"``: the scaled prior of :func:`scaled_prior`,
        ``alpha_w = alpha_0 * y_w / N`` with ``y_w`` the term's count in the
        two outlets together and ``N`` their token total.
        ``"uninformative"``: ``alpha_w = alpha`` for every term.
    alpha_0 : float, optional
        Total of the scaled prior; default ``N / 2``, the mean of the two
        outlets' totals.  With the defaults, ``log_odds_z`` equals the
        ``log_odds_z`` of :func:`term_table` on the same two outlets.
    alpha : float
        Pseudo-count of the uninformative prior (Monroe et al. use 0.01).
    variance : {"two-term", "four-term"}
        See :func:`pairwise_log_odds_z`.

    Returns
    -------
    DataFrame
        Columns ``outlet_a, outlet_b, term, ngram, count_a, count_b,
        n_tokens_a, n_tokens_b, log_odds_delta, log_odds_z``, one row per term
        of the two outlets' vocabulary of each order.  ``log_odds_delta`` is
        ``ln[(y_a + a_w)/(n_a + a_0 - y_a - a_w)] - ln[(y_b + a_w)/(n_b + a_0 -
        y_b - a_w)]`` with ``n`` the outlet's ``n_tokens`` and ``a_0 = sum_w
        a_w``; ``log_odds_z`` divides it by the square root of the chosen
        variance.  Higher = more typical of ``outlet_a``, lower = of
        ``outlet_b``.  Sorted by ngram, ``log_odds_z`` descending, term.
    """
    if outlet_a == outlet_b:
        raise ValueError("choose two different outlets")
    if prior not in ("informative", "uninformative"):
        raise ValueError(f"unknown prior {prior!r}")
    sub = tokens[tokens["outlet"].astype(str).isin([str(outlet_a), str(outlet_b)])]
    present = set(sub["outlet"].astype(str))
    for name in (outlet_a, outlet_b):
        if str(name) not in present:
            raise ValueError(f"outlet {name!r} has no tokens")
    outlets, counts = ngram_counts(
        sub,
        ngram_orders=ngram_orders,
        lowercase=lowercase,
        stopwords=stopwords,
        include_numbers=include_numbers,
    )
    order = [str(outlet_a), str(outlet_b)]
    blocks = []
    for n in sorted({int(k) for k in ngram_orders}):
        matrix = _count_matrix(counts, outlets, n, min_count).reindex(index=order)
        if matrix.shape[1] == 0:
            continue
        ya, yb = matrix.to_numpy()
        prior_counts = scaled_prior(ya, yb, alpha_0=alpha_0) if prior == "informative" else alpha
        result = pairwise_log_odds_z(ya, yb, alpha=prior_counts, variance=variance)
        blocks.append(
            pd.DataFrame(
                {
                    "outlet_a": str(outlet_a),
                    "outlet_b": str(outlet_b),
                    "term": matrix.columns.to_numpy(dtype=object),
                    "ngram": np.int64(n),
                    "count_a": ya.astype(np.int64),
                    "count_b": yb.astype(np.int64),
                    "n_tokens_a": np.int64(ya.sum()),
                    "n_tokens_b": np.int64(yb.sum()),
                    "log_odds_delta": result.delta,
                    "log_odds_z": result.z,
                }
            )
        )
    if not blocks:
        return _empty(PAIRWISE_COLUMNS)
    table = pd.concat(blocks, ignore_index=True)
    table = table.sort_values(
        ["ngram", "log_odds_z", "term"], ascending=[True, False, True], na_position="last", kind="mergesort"
    )
    return table.loc[:, list(PAIRWISE_COLUMNS)].reset_index(drop=True)


Z_DECIMALS = 10
"""z-scores are compared after rounding to this many decimals, so float noise cannot break a tie."""


def top_terms(
    terms: pd.DataFrame, *, n: int | None = None, ngram: int = 1, ties: Literal["min", "first"] = "min"
) -> pd.DataFrame:
    """Each outlet's most typical terms: the one ranking every chart, finding and table uses.

    Parameters
    ----------
    terms : DataFrame
        ``outlet, term, ngram, count, log_odds_z`` as from :func:`term_table`.
    n : int, optional
        Keep the terms with ``rank <= n`` (all when None).  With ``ties="min"`` a tie at the
        cut keeps every tied term, so an outlet can have more than ``n`` rows.
    ngram : int
        N-gram order (1 = words).
    ties : {"min", "first"}
        ``"min"``: tied terms share a rank (competition ranking: 1 + the number of the outlet's
        terms with a higher z), so a run of equal ranks says the order among them is not
        statistical.  ``"first"``: ranks 1, 2, 3 ... in the order below.

    Returns
    -------
    DataFrame
        The rows of ``terms`` for terms the outlet used (count > 0) whose z, rounded to
        :data:`Z_DECIMALS` decimals, is above 0, plus ``rank``.  Order, the tie rule: outlet (in
        the table's order of first appearance), z descending, then the outlet's count
        descending, then the term alphabetically.
    """
    if ties not in ("min", "first"):
        raise ValueError(f"ties must be 'min' or 'first', not {ties!r}")
    rows = terms[(terms["ngram"] == ngram) & (terms["count"] > 0)]
    z = rows["log_odds_z"].round(Z_DECIMALS)
    rows = rows[z > 0].assign(_z=z[z > 0], _outlet=lambda r: pd.Categorical(
        r["outlet"], categories=list(dict.fromkeys(terms["outlet"])), ordered=True))
    rows = rows.sort_values(["_outlet", "_z", "count", "term"], ascending=[True, False, False, True],
                            kind="mergesort")
    if ties == "min":
        rank = rows.groupby("_outlet", observed=True)["_z"].rank(method="min", ascending=False)
    else:
        rank = rows.groupby("_outlet", observed=True).cumcount() + 1
    rows = rows.assign(rank=rank.astype(int)).drop(columns=["_z", "_outlet"])
    if n is not None:
        rows = rows[rows["rank"] <= n]
    return rows.reset_index(drop=True)


STANDOUT_MIN_COUNT = 2
"""An outlet must use a term at least this often for it to stand out: one use is never a finding."""


def stands_out(terms: pd.DataFrame, *, alpha: float = ALPHA, min_count: int = STANDOUT_MIN_COUNT) -> pd.Series:
    """Which rows of a term table hold a term that stands out for its outlet.

    Parameters
    ----------
    terms : DataFrame
        ``count, g2, fisher_p`` as from :func:`term_table` (any subset of its rows).
    alpha : float
        Significance level of Fisher's exact test (uncorrected for the many terms tested).
    min_count : int
        Fewest uses by the outlet.

    Returns
    -------
    Series of bool
        Aligned with ``terms``.  True where all three hold:

        1. the outlet used the term at least ``min_count`` (2) times, so a word used once never
           stands out, however the ranking's ties fall;
        2. the outlet uses it more than the rest of the corpus, relative to their sizes
           (``g2 > 0``: its count is above the count expected from its corpus count);
        3. Fisher's exact test of the term's 2 x 2 table gives ``fisher_p < alpha``.

    Notes
    -----
    The test is Fisher's exact p rather than ``log_odds_z``, which is a ranking score: it is exact at
    the small counts of article-sized texts and carries no prior.  Where no row of an outlet
    stands out, the charts' and findings' ranking of its words is a ranking only, and the findings
    say "no word stands out".
    """
    missing = {"count", "g2", "fisher_p"} - set(terms.columns)
    if missing:
        raise ValueError(f"terms lacks column(s): {sorted(missing)}")
    return (terms["count"] >= min_count) & (terms["g2"] > 0) & (terms["fisher_p"] < alpha)


def largest_attainable_z(terms: pd.DataFrame, *, ngram: int = 1, outlets: Iterable[str] | None = None) -> float:
    """The largest ``z_attainable`` among the terms of one order (and outlets): can any term reach |z| = 1.96?

    Returns NaN when the table has no ``z_attainable`` column or no such rows.  Compare with
    :data:`framing.core.vocabulary.Z_CRITICAL`: below it, ``log_odds_z`` ranks terms but no term
    can pass the conventional threshold however its uses are split.
    """
    if "z_attainable" not in terms.columns:
        return math.nan
    rows = terms[terms["ngram"] == ngram]
    if outlets is not None:
        rows = rows[rows["outlet"].isin(list(outlets))]
    value = rows["z_attainable"].max()
    return float(value) if pd.notna(value) else math.nan


def z_threshold_reachable(terms: pd.DataFrame, *, ngram: int = 1, outlets: Iterable[str] | None = None) -> bool:
    """Whether some term of the order could reach ``|z| >= 1.96`` (True when the table cannot say)."""
    value = largest_attainable_z(terms, ngram=ngram, outlets=outlets)
    return math.isnan(value) or value >= Z_CRITICAL
