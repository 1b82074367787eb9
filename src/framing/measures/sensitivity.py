"""How much the term-salience findings depend on the analyst's choices and on chance.

* :func:`ranking_sensitivity` re-ranks each outlet's most typical terms under
  several settings (stopword list, prior of the log-odds, minimum count), and
  :func:`rank_overlap` says how far each ranking moved from a baseline.
* :func:`chance_expectation` sets the number of terms that pass a significance
  threshold next to the number that could pass at all and the number that
  would pass by chance alone, and
  :func:`chance_findings` does the same for the per-outlet tests of
  :func:`framing.measures.uncertainty.summarise`.
* :func:`top_term_evidence` gives the keyword-in-context lines behind each
  outlet's top terms, so every ranking can be checked against the sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import NormalDist
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from framing.core.vocabulary import ALPHA, MEASURE_KEY
from framing.measures.salience import Z_DECIMALS, Prior, Stopwords, term_table, top_terms

if TYPE_CHECKING:  # pragma: no cover
    from framing.pipeline import Analysis

RANKING_COLUMNS = ["setting", "outlet", "term", "rank", "log_odds_z", "count"]
OVERLAP_COLUMNS = ["setting", "outlet", "jaccard_top_k", "spearman", "n_shared", "n_union"]
CHANCE_COLUMNS = [
    "outlet", "ngram", "n_terms", "n_reachable", "n_beyond_z", "n_beyond_g2", "n_beyond_fisher", "expected_by_chance",
]
FINDINGS_COLUMNS = ["n_tests", "n_significant", "expected_by_chance", "alpha"]
EVIDENCE_COLUMNS = [
    "outlet", "rank", "term", "log_odds_z", "count", "article_id", "sentence_id", "left", "match", "right",
]
Ties = Literal["min", "first"]


class Setting(NamedTuple):
    """One way of computing the term table: a name and the options passed to ``term_table``."""

    name: str
    stopwords: Stopwords = "default"
    prior: Prior = "informative"
    min_count: int = 1


DEFAULT_SETTINGS: tuple[Setting, ...] = (
    Setting("baseline"),
    Setting("no stopwords", stopwords=None),
    Setting("flat prior", prior="uninformative"),
    Setting("min count 2", min_count=2),
    Setting("min count 3", min_count=3),
)


def _rank_terms(table: pd.DataFrame, *, ngram: int, top: int, ties: Ties) -> pd.DataFrame:
    """Ranks of each outlet's terms with z > 0 (:func:`framing.measures.salience.top_terms`), kept up to ``top``."""
    rows = top_terms(table, n=top, ngram=ngram, ties=ties)
    rows["log_odds_z"] = rows["log_odds_z"].round(Z_DECIMALS)
    return rows.sort_values(["outlet", "rank", "term"], kind="mergesort")


def ranking_sensitivity(
    tokens: pd.DataFrame,
    *,
    settings: Sequence[Setting] = DEFAULT_SETTINGS,
    top: int = 10,
    ngram: int = 1,
    ties: Ties = "min",
) -> pd.DataFrame:
    """Each outlet's top terms by log-odds z, under each of several settings.

    Parameters
    ----------
    tokens : DataFrame
        The ``tokens`` table of :func:`framing.load.corpus.load_corpus`.
    settings : sequence of Setting
        Named options for :func:`framing.measures.salience.term_table` (stopword list,
        prior, minimum count).  The default varies one choice at a time away
        from the suite's defaults: ``baseline`` (default stopwords, informative
        prior, min count 1), ``no stopwords``, ``flat prior`` (``alpha_w = 1``
        for every term), ``min count 2`` and ``min count 3``.  Names must be
        unique.  The log-odds method is the term table's default: pairwise
        with exactly two outlets, one against all otherwise.
    top : int
        Ranks kept per outlet and setting.
    ngram : int
        N-gram order ranked (1 = words).
    ties : {"min", "first"}
        ``"min"`` (default): competition ranking, tied z-scores share the
        better rank.  ``"first"``: ranks 1, 2, 3, ... in the order
        :func:`framing.present.plots.plot_top_terms` lists the terms (z descending,
        then the outlet's count descending, then alphabetically), so exactly
        ``top`` terms per outlet; movement among tied terms is then partly
        alphabetical.

    Returns
    -------
    DataFrame
        One row per setting x outlet x ranked term, with columns

        - ``setting``: the setting's name, in the order given.
        - ``outlet``, ``term``.
        - ``rank``: with ``ties="min"``, 1 + the number of the outlet's terms
          with a strictly higher z (tied z-scores share the better rank, so
          more than ``top`` rows can have ``rank <= top``); with
          ``ties="first"``, the position in the ordered list.  Only terms the
          outlet used and whose z is above 0 are ranked.  z is the
          ``log_odds_z`` of :func:`framing.measures.salience.term_table`
          (Monroe, Colaresi & Quinn 2008): with two outlets one against the
          other (scaled prior), otherwise each against the whole corpus;
          higher = more typical of the outlet.  z-scores are rounded to 10
          decimals before ranking.
        - ``log_odds_z``, ``count``: the z and the outlet's count of the term
          under that setting.

        Sorted by setting (given order), outlet, rank, term.  With fewer than
        two outlets no z exists and the table is empty.
    """
    names = [s.name for s in settings]
    if len(set(names)) != len(names):
        raise ValueError("setting names must be unique")
    if top < 1:
        raise ValueError("top must be at least 1")
    pieces = []
    for setting in settings:
        table = term_table(
            tokens,
            ngram_orders=(ngram,),
            stopwords=setting.stopwords,
            prior=setting.prior,
            min_count=setting.min_count,
        )
        ranked = _rank_terms(table, ngram=ngram, top=top, ties=ties)
        pieces.append(ranked.assign(setting=setting.name)[RANKING_COLUMNS])
    out = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame(columns=RANKING_COLUMNS)
    out["rank"] = out["rank"].astype(int)
    out["count"] = out["count"].astype(int)
    return out.reset_index(drop=True)


def _spearman(a: pd.Series, b: pd.Series) -> float:
    x = a.rank(method="average").to_numpy(dtype=float)
    y = b.rank(method="average").to_numpy(dtype=float)
    if len(x) and np.array_equal(a.to_numpy(), b.to_numpy()):
        return 1.0
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def rank_overlap(rankings: pd.DataFrame, *, baseline: str, top: int | None = None) -> pd.DataFrame:
    """How far each setting's top terms moved from the baseline setting's, per outlet.

    Parameters
    ----------
    rankings : DataFrame
        ``setting, outlet, term, rank`` as from :func:`ranking_sensitivity`.
    baseline : str
        The setting every other one is compared with.
    top : int, optional
        Compare the terms with ``rank <= top``; default all rows given.

    Returns
    -------
    DataFrame
        One row per setting (baseline included, as a check) x outlet, with

        - ``jaccard_top_k``: ``|A ∩ B| / |A ∪ B|`` where A and B are the
          baseline's and the setting's sets of top terms; 1 = the same terms,
          0 = no term in common.  NaN when both sets are empty.
        - ``spearman``: Spearman's rank correlation between the two rankings
          over the union A ∪ B; a term missing from one list gets the rank
          ``k + 1`` there (k = the largest rank shown), i.e. "below the top".
          Ranks are re-ranked with ties averaged, then correlated (Pearson's r
          of the ranks).  1 = same order, lower = reshuffled or replaced
          terms.  Two identical rankings give 1 by convention, even when
          every term is tied; otherwise NaN with fewer than two terms or a
          constant ranking.
        - ``n_shared``, ``n_union``: ``|A ∩ B|`` and ``|A ∪ B|``.

        Sorted by setting (order of first appearance) and outlet.  Empty when ``rankings`` is
        (a folder with fewer than two outlets has no ranking).
    """
    missing = {"setting", "outlet", "term", "rank"} - set(rankings.columns)
    if missing:
        raise ValueError(f"rankings lacks column(s): {sorted(missing)}")
    if rankings.empty:  # fewer than two outlets: no ranking, so nothing moved
        return pd.DataFrame(columns=OVERLAP_COLUMNS)
    rows = rankings if top is None else rankings[rankings["rank"] <= top]
    settings = list(dict.fromkeys(rankings["setting"].astype(str)))
    if baseline not in settings:
        raise ValueError(f"baseline {baseline!r} is not among the settings {settings}")
    outlets = sorted(set(rankings["outlet"].astype(str)))
    k = int(rows["rank"].max()) if len(rows) else 0
    ranks = {key: g.set_index("term")["rank"] for key, g in rows.groupby([rows["setting"].astype(str), "outlet"])}
    empty = pd.Series(dtype=float)
    records = []
    for setting in settings:
        for outlet in outlets:
            base = ranks.get((baseline, outlet), empty)
            other = ranks.get((setting, outlet), empty)
            union = sorted(set(base.index) | set(other.index))
            shared = set(base.index) & set(other.index)
            a = base.reindex(union).fillna(k + 1)
            b = other.reindex(union).fillna(k + 1)
            records.append({
                "setting": setting,
                "outlet": outlet,
                "jaccard_top_k": len(shared) / len(union) if union else float("nan"),
                "spearman": _spearman(a, b),
                "n_shared": len(shared),
                "n_union": len(union),
            })
    return pd.DataFrame(records, columns=OVERLAP_COLUMNS)


def chance_expectation(terms: pd.DataFrame, *, alpha: float = ALPHA) -> pd.DataFrame:
    """How many terms pass the significance thresholds, against how many would by chance.

    Parameters
    ----------
    terms : DataFrame
        ``outlet, term, ngram, count, log_odds_z, z_attainable, g2, fisher_p``
        as from :func:`framing.measures.salience.term_table`.
    alpha : float
        Two-sided significance level; the thresholds are ``z* = Φ⁻¹(1 − α/2)``
        (1.96 for α = .05), ``G²* = z*²`` (3.84, the chi-squared(1)
        critical value) and ``fisher_p < α``.

    Returns
    -------
    DataFrame
        One row per outlet x n-gram order, with

        - ``n_terms``: terms in the vocabulary with a z-score (the tests made).
        - ``n_reachable``: terms whose ``z_attainable`` is above ``z*``, the
          only ones that could pass ``|z| > z*`` however their uses were
          split between the outlets (0 in two short articles).
        - ``n_beyond_z``: terms with ``|log_odds_z| > z*`` (either direction).
        - ``n_beyond_g2``: terms with ``|g2| > G²*``.
        - ``n_beyond_fisher``: terms with ``fisher_p < α`` (either direction).
        - ``expected_by_chance``: ``α × n_terms``, how many terms would cross
          the threshold if no term differed between the outlets and the tests
          were independent and exact.  A rough upper reference only: the tests
          share one corpus (they are not independent), and a term that cannot
          reach the threshold (rare terms, see ``n_reachable``) cannot be a
          false positive either, so small corpora usually fall well below it;
          for z, ``α × n_reachable`` is the closer yardstick.

    Notes
    -----
    No multiple-comparison correction is applied anywhere in the suite; this
    table is there to show why one is needed.
    """
    if not 0 < alpha < 1:
        raise ValueError("alpha must be between 0 and 1")
    missing = {"outlet", "term", "ngram", "log_odds_z", "z_attainable", "g2", "fisher_p"} - set(terms.columns)
    if missing:
        raise ValueError(f"terms lacks column(s): {sorted(missing)}")
    z_star = NormalDist().inv_cdf(1 - alpha / 2)
    rows = terms[terms["log_odds_z"].notna()]
    grouped = rows.assign(
        _r=rows["z_attainable"] > z_star,
        _z=rows["log_odds_z"].abs() > z_star,
        _g=rows["g2"].abs() > z_star**2,
        _f=rows["fisher_p"] < alpha,
    ).groupby(["outlet", "ngram"], sort=True)
    out = grouped.agg(
        n_terms=("term", "size"), n_reachable=("_r", "sum"), n_beyond_z=("_z", "sum"), n_beyond_g2=("_g", "sum"),
        n_beyond_fisher=("_f", "sum"),
    ).reset_index()
    out["expected_by_chance"] = alpha * out["n_terms"]
    counts = ["n_terms", "n_reachable", "n_beyond_z", "n_beyond_g2", "n_beyond_fisher", "ngram"]
    out = out.astype(dict.fromkeys(counts, int))
    return out[CHANCE_COLUMNS]


def chance_findings(summary: pd.DataFrame, *, alpha: float = ALPHA) -> pd.DataFrame:
    """Count the "different from the other outlets" verdicts of a summary, and those expected by chance.

    Parameters
    ----------
    summary : DataFrame
        ``outlet, measure, p_value`` as from :func:`framing.measures.uncertainty.summarise`; a test is
        identified by ``measure`` with ``category`` and ``voice`` where the summary has them.
    alpha : float
        Significance level of each test.

    Returns
    -------
    DataFrame
        One row with ``n_tests`` (distinct permutation tests with a p-value),
        ``n_significant`` (those with ``p < alpha``), ``expected_by_chance``
        (``alpha × n_tests``: false positives expected if no outlet differed
        at all) and ``alpha``.  With exactly two outlets, "A vs the rest" and
        "B vs the rest" are the same test, so each such measure counts once.
    """
    rows = summary[summary["p_value"].notna()]
    key = [c for c in MEASURE_KEY if c in rows.columns]
    per_measure = rows.groupby(key, dropna=False)["outlet"].transform("size")
    # with two outlets in a measure, keep one of the two identical tests
    keep = (per_measure != 2) | ~rows.duplicated(subset=key, keep="first")
    tests = rows[keep]
    n_tests = int(len(tests))
    return pd.DataFrame(
        [{
            "n_tests": n_tests,
            "n_significant": int((tests["p_value"] < alpha).sum()),
            "expected_by_chance": alpha * n_tests,
            "alpha": alpha,
        }],
        columns=FINDINGS_COLUMNS,
    )


def top_term_evidence(
    analysis: Analysis, *, n_terms: int = 3, per_term: int = 3, ngram: int = 1, width: int = 45
) -> pd.DataFrame:
    """Keyword-in-context lines for each outlet's most typical terms.

    Parameters
    ----------
    analysis : framing.pipeline.Analysis
        Uses ``analysis["terms"]`` and the corpus's tokens, sentences, texts
        and outlets.
    n_terms : int
        Top terms per outlet, by ``log_odds_z`` (highest first; ties
        broken by the outlet's count, then alphabetically, as in
        :func:`framing.present.plots.plot_top_terms`).  Only terms the outlet used and
        whose z is above 0.  Tied terms share a ``rank`` (competition
        ranking, as in :func:`ranking_sensitivity`), so a run of equal ranks
        says the choice among them is alphabetical, not statistical.
    per_term : int
        Occurrences shown per term: the first ones in article and text order.
    ngram : int
        N-gram order (1 = words).
    width : int
        Characters of context on each side (never beyond the sentence).

    Returns
    -------
    DataFrame
        One row per occurrence, with ``outlet``, ``rank`` (1 + the number of
        the outlet's terms with a higher z),
        ``term``, ``log_odds_z``, ``count`` (the outlet's uses of the term, so
        a reader sees how many lines are not shown), ``article_id``,
        ``sentence_id`` and ``left, match, right`` (raw text, see
        :func:`framing.measures.evidence.kwic`).  Outlets in the corpus's order.
    """
    corpus = analysis.corpus
    return term_evidence(terms=analysis["terms"], tokens=corpus.tokens, sentences=corpus.sentences,
                         texts=corpus.texts, outlets=corpus.outlets, n_terms=n_terms, per_term=per_term,
                         ngram=ngram, width=width)


def term_evidence(
    *, terms: pd.DataFrame, tokens: pd.DataFrame, sentences: pd.DataFrame, texts: dict, outlets=None,
    n_terms: int = 3, per_term: int = 3, ngram: int = 1, width: int = 45
) -> pd.DataFrame:
    """Keyword-in-context lines for each outlet's most typical terms, from the tables themselves.

    The same lines as :func:`top_term_evidence`, which passes an analysis's ``terms`` table and its
    corpus's ``tokens``, ``sentences``, ``texts`` (article id -> raw text) and ``outlets`` (the order of
    the outlets in the result; default: their order in ``terms``).  See :func:`top_term_evidence` for
    the options and the columns.
    """
    from framing.measures.evidence import find_term, kwic

    outlets = list(pd.unique(terms["outlet"])) if outlets is None else list(outlets)
    chosen = top_terms(terms, ngram=ngram).groupby("outlet", sort=False).head(n_terms)
    spans: list[pd.DataFrame] = []
    for rec in chosen.itertuples(index=False):
        hits = find_term(tokens[tokens["outlet"] == rec.outlet], rec.term).head(per_term)
        spans.append(hits.assign(rank=rec.rank, term=rec.term,
                                 log_odds_z=rec.log_odds_z, count=rec.count))
    if not spans:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    lines = kwic(sentences, texts, pd.concat(spans, ignore_index=True), width=width)
    order: dict[Any, int] = {o: i for i, o in enumerate(outlets)}
    lines = lines.assign(_o=lines["outlet"].map(order)).sort_values(["_o", "rank", "term", "article_id", "start"],
                                                                     kind="mergesort")
    return lines[EVIDENCE_COLUMNS].reset_index(drop=True)
