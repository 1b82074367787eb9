"""One-screen findings: a sentence per outlet and measure, computed from an analysis.

Everything here is derived from the tables of :func:`framing.pipeline.analyze`;
nothing is written in advance, so the sentences are true of whatever articles
folder was analysed.
"""

from __future__ import annotations

import math

import pandas as pd

from framing.core.vocabulary import (
    ATTRIBUTION_GROUPS,
    CUE_RATE,
    FINDING_COLUMNS,
    MEAN_COMPOUND,
    SHARE_NEGATIVE,
    Z_CRITICAL,
)
from framing.measures.salience import top_terms


def _fmt(x: float, digits: int = 1) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def top_terms_line(terms: pd.DataFrame, outlet: str, *, n: int = 5) -> tuple[str, str]:
    """The outlet's ``n`` most distinctive unigrams (:func:`framing.measures.salience.top_terms`), and how many pass
    |z| > 1.96."""
    t = terms[(terms["outlet"] == outlet) & (terms["ngram"] == 1) & (terms["count"] > 0)]
    top = ", ".join(f"{r.term} ({r.count})" for r in top_terms(t, ties="first").head(n).itertuples())
    n_sig = int((t["log_odds_z"] > Z_CRITICAL).sum())
    finding = f"Most distinctive words: {top or 'none'}."
    evidence = f"{n_sig} of {len(t)} words used reach z > {Z_CRITICAL} (uncorrected); counts in brackets"
    return finding, evidence


def _summary_row(
    summary: pd.DataFrame, outlet: str, measure: str, *, category: str = "", voice: str = ""
) -> pd.Series | None:
    """The summary row of ``outlet`` for ``measure`` of ``category`` and ``voice`` ("" = none), or None."""
    rows = summary[(summary["outlet"] == outlet) & (summary["measure"] == measure)
                   & (summary["category"].fillna("") == category) & (summary["voice"].fillna("") == voice)]
    return rows.iloc[0] if len(rows) else None


def rate_line(summary: pd.DataFrame, outlet: str, category: str, label: str) -> tuple[str, str]:
    """The outlet's own (authorial) rate of one cue category, with its interval and verdict."""
    r = _summary_row(summary, outlet, CUE_RATE, category=category, voice="authorial")
    if r is None:
        return f"No {label} measured.", ""
    finding = (f"{_fmt(r['value'])} {label} per 1,000 of its own words "
               f"(95% CI {_fmt(r['ci_low'])}-{_fmt(r['ci_high'])}).")
    evidence = f"{int(r['numerator'])} cues / {r['denominator'] * 1000:.0f} authorial tokens; {r['verdict']}"
    return finding, evidence


def attribution_line(cues: pd.DataFrame, outlet: str) -> tuple[str, str]:
    """How the outlet attributes: the share of reporting verbs that are not neutral."""
    a = cues[(cues["outlet"] == outlet) & (cues["category"] == "attribution")]
    if a.empty:
        return "No reporting verbs found.", ""
    counts = a["subcategory"].value_counts()
    loaded = int(len(a) - counts.get("neutral", 0))
    parts = ", ".join(f"{k} {int(counts[k])}" for k in ATTRIBUTION_GROUPS
                      if k in counts)
    verbs = ", ".join(a[a["subcategory"] != "neutral"]["cue"].str.lower().drop_duplicates().head(4))
    finding = f"{loaded} of {len(a)} attributions use a loaded verb" + (f" ({verbs})." if verbs else ".")
    return finding, parts


def sentiment_line(summary: pd.DataFrame, outlet: str) -> tuple[str, str]:
    """Mean sentence compound with interval, and the share of negative sentences."""
    m = _summary_row(summary, outlet, MEAN_COMPOUND)
    s = _summary_row(summary, outlet, SHARE_NEGATIVE)
    if m is None:
        return "No sentences scored.", ""
    finding = (f"Mean sentence sentiment {_fmt(m['value'], 2)} (95% CI {_fmt(m['ci_low'], 2)} to "
               f"{_fmt(m['ci_high'], 2)}); {_fmt(100 * s['value'], 0)}% of sentences negative.")
    return finding, f"{int(m['n_units'])} sentences; {m['verdict']}"


def findings(analysis) -> pd.DataFrame:
    """One row per notebook x outlet: ``notebook, outlet, finding, evidence``.

    Parameters
    ----------
    analysis : framing.pipeline.Analysis

    Returns
    -------
    DataFrame
        ``finding`` is one plain sentence; ``evidence`` gives the counts,
        denominators and the permutation verdict behind it.
    """
    rows = []
    summary = analysis["summary"]
    for outlet in analysis.corpus.outlets:
        rows.append(("01 term salience", outlet, *top_terms_line(analysis["terms"], outlet)))
        rows.append(("02 hedging", outlet, *rate_line(summary, outlet, "hedge", "hedges")))
        rows.append(("02 attribution", outlet, *attribution_line(analysis["cues"], outlet)))
        rows.append(("03 sentiment", outlet, *sentiment_line(summary, outlet)))
    out = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    return out.sort_values(["notebook"], kind="mergesort").reset_index(drop=True)
