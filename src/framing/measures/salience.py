"""Term salience: which words and phrases an outlet uses more than the others.

Two layers live here.

* Pure statistics on count vectors (NumPy in, NumPy out): weighted log-odds
  with a Dirichlet prior (Monroe, Colaresi & Quinn 2008), Dunning's
  log-likelihood G2 and Pearson's chi-squared on the full 2 x 2 table, Log
  Ratio (Hardie 2014) and Kessler's scaled F-score.  Each reproduces published
  reference values (tidylo, scattertext, quanteda) in ``tests/test_salience.py``.
* Tidy functions on the ``tokens`` table of :func:`framing.load.corpus.load_corpus`:
  :func:`term_table` (every outlet against the rest of the corpus) and
  :func:`pairwise_log_odds` (one outlet against another).

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
from framing.core.vocabulary import TERM_TABLE_COLUMNS

STOPWORDS_FILE = LEXICON_DIR / "stopwords_en.csv"


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


def weighted_log_odds(
    counts: Sequence[Sequence[float]] | np.ndarray, *, prior: Prior = "informative"
) -> LogOdds:
    """Weighted log-odds of every term in every group against the whole corpus.

    This is the one-against-all comparison of Monroe, Colaresi & Quinn (2008),
    computed as tidylo's ``bind_log_odds`` does.

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
    tested.

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
    if y.shape[0] < 2:
        nan = np.full(y.shape, np.nan)
        return LogOdds(nan, nan.copy())
    if prior not in ("informative", "uninformative"):
        raise ValueError(f"unknown prior {prior!r}")
    alpha = y.sum(axis=0) if prior == "informative" else np.ones(y.shape[1])
    yp = y + alpha
    y_w = yp.sum(axis=0)
    n_i = yp.sum(axis=1, keepdims=True)
    total = yp.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log(yp / (n_i - yp)) - np.log(y_w / (total - y_w))
        z = delta / np.sqrt(1.0 / yp + 1.0 / y_w)
    return LogOdds(z, delta)


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
        uninformative choice; passing the terms' total counts gives an
        informative prior.
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
    a0 = a.sum()
    rest_i = yi.sum() + a0 - yi - a
    rest_j = yj.sum() + a0 - yj - a
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((yi + a) / rest_i) - np.log((yj + a) / rest_j)
        var = 1.0 / (yi + a) + 1.0 / (yj + a)
        if variance == "four-term":
            var = var + 1.0 / rest_i + 1.0 / rest_j
        elif variance != "two-term":
            raise ValueError(f"unknown variance {variance!r}")
        z = delta / np.sqrt(var)
    return LogOdds(z, delta)


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


def _ngram_counts(
    tokens: pd.DataFrame,
    *,
    ngram_orders: Iterable[int],
    lowercase: bool,
    stopwords: Stopwords,
    include_numbers: bool,
) -> tuple[list[str], pd.DataFrame]:
    """Return the sorted outlet names and a long count table (outlet, ngram, term, count)."""
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
        if column in ("outlet", "term", "outlet_a", "outlet_b"):
            kinds[column] = pd.Series(dtype=str)
        elif column.startswith(("count", "n_tokens", "ngram")):
            kinds[column] = pd.Series(dtype=np.int64)
        else:
            kinds[column] = pd.Series(dtype=float)
    return pd.DataFrame(kinds)


def term_table(
    tokens: pd.DataFrame,
    *,
    ngram_orders: Iterable[int] = (1, 2),
    lowercase: bool = True,
    stopwords: Stopwords = "default",
    prior: Prior = "informative",
    min_count: int = 1,
    include_numbers: bool = False,
) -> pd.DataFrame:
    """Salience of every term for every outlet, each outlet against the rest of the corpus.

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
        Prior of the weighted log-odds, see :func:`weighted_log_odds`.
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
            Weighted log-odds z of the outlet against the whole corpus
            (Monroe et al. 2008, as tidylo; see :func:`weighted_log_odds`),
            computed on the outlets x terms count matrix of that order.
            Higher = more typical of this outlet; ``|z| > 1.96`` ~ p < .05
            for one term, uncorrected for multiple comparisons.
        ``g2``
            Signed log-likelihood G2 on the full 2 x 2 table (Dunning 1993,
            no correction; see :func:`log_likelihood_g2`), target = this
            outlet, reference = all other outlets pooled.  Positive =
            over-used by this outlet; 3.84 ~ p < .05 for one term.
        ``log_ratio``
            ``log2((count / n_tokens) / (rest_count / rest_n_tokens))``, zero
            counts replaced by 0.5 (Hardie 2014; see :func:`log_ratio`).
            +1 = twice as frequent in this outlet as in the rest.

        Sorted by outlet, ngram, ``log_odds_z`` descending (NaN last), term.

    Notes
    -----
    G2 and Log Ratio compare the outlet with the *other* outlets pooled;
    the log-odds background is the whole corpus, outlet included, as in
    tidylo's ``bind_log_odds``.  With a single outlet nothing can be
    compared: ``log_odds_z``, ``g2`` and ``log_ratio`` are NaN and only the
    counts and rates are informative.  Likewise an order whose vocabulary
    holds a single term has NaN log-odds (the odds of that term against "all
    other terms" are undefined).  An outlet whose tokens were all
    filtered out keeps its rows with ``count`` 0 and ``n_tokens`` 0; its
    ``g2`` and ``log_ratio`` are then NaN.
    """
    outlets, counts = _ngram_counts(
        tokens,
        ngram_orders=ngram_orders,
        lowercase=lowercase,
        stopwords=stopwords,
        include_numbers=include_numbers,
    )
    blocks = []
    for n in sorted({int(k) for k in ngram_orders}):
        matrix = _count_matrix(counts, outlets, n, min_count)
        if matrix.shape[1] == 0:
            continue
        y = matrix.to_numpy()
        n_out = y.sum(axis=1)
        corpus = y.sum(axis=0)
        z = weighted_log_odds(y, prior=prior).z
        g2 = np.full(y.shape, np.nan)
        lr = np.full(y.shape, np.nan)
        if len(outlets) > 1:
            for i in range(len(outlets)):
                rest = corpus - y[i]
                n_rest = n_out.sum() - n_out[i]
                g2[i] = log_likelihood_g2(y[i], rest, n_target=n_out[i], n_reference=n_rest)
                lr[i] = log_ratio(y[i], rest, n_target=n_out[i], n_reference=n_rest)
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
                    "g2": g2.ravel(),
                    "log_ratio": lr.ravel(),
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
        ``"informative"``: ``alpha_w`` = the term's count in the two outlets
        together.  ``"uninformative"``: ``alpha_w = alpha`` for every term.
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
    outlets, counts = _ngram_counts(
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
        prior_counts = ya + yb if prior == "informative" else alpha
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
