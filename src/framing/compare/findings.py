"""One-screen findings: a sentence per outlet and measure, computed from an analysis.

Everything here is derived from the tables of :func:`framing.pipeline.analyze`;
nothing is written in advance, so the sentences are true of whatever articles
folder was analysed.
"""

from __future__ import annotations

import math

import pandas as pd

from framing.core.vocabulary import (
    ALPHA,
    ATTRIBUTION_GROUPS,
    CUE_RATE,
    FINDING_COLUMNS,
    MEAN_COMPOUND,
    SHARE_NEGATIVE,
    Z_CRITICAL,
)
from framing.measures.salience import (
    STANDOUT_MIN_COUNT,
    Z_DECIMALS,
    largest_attainable_z,
    stands_out,
    top_terms,
)


def _fmt(x: float, digits: int = 1) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def _others(terms: pd.DataFrame) -> str:
    return "the other outlet" if terms["outlet"].nunique() == 2 else "the other outlets"


def _z_evidence(own: pd.DataFrame) -> str:
    """How many of the outlet's words pass |z| > 1.96, or why none can."""
    largest = largest_attainable_z(own, ngram=1)
    if not math.isnan(largest) and largest < Z_CRITICAL:
        return (f"z only ranks here: with texts this short no word can reach z > {Z_CRITICAL} "
                f"(largest attainable {largest:.2f})")
    n_sig = int((own.loc[own["count"] > 0, "log_odds_z"] > Z_CRITICAL).sum())
    return f"{n_sig} reach z > {Z_CRITICAL} (uncorrected)"


def _ranking_only(ranked: pd.DataFrame, n: int) -> str:
    """The top of the outlet's z ranking, described without calling it a finding.

    When the terms tied at the top z are words used once, the tie is named as such instead of
    listing them (their order would be alphabetical).
    """
    if ranked.empty:
        return "no word has a positive z"
    z = ranked["log_odds_z"].round(Z_DECIMALS)
    first = ranked[z == z.iloc[0]]
    if (first["count"] <= 1).all():
        if len(first) > 1:
            return f"the top of the z ranking is {len(first)} words used once each, tied"
        return f"the top of the z ranking is a word used once ({first['term'].iloc[0]})"
    listed = ", ".join(f"{r.term} ({r.count})" for r in ranked.head(n).itertuples())
    return f"highest z, a ranking and not a test: {listed}"


def top_terms_line(terms: pd.DataFrame, outlet: str, *, n: int = 5) -> tuple[str, str]:
    """The unigrams that stand out for the outlet, or "No word stands out", and the evidence.

    A word stands out by :func:`framing.measures.salience.stands_out`: the outlet used it at least
    twice, more often than the rest of the corpus relative to size (``g2 > 0``), and Fisher's exact
    p of its 2 x 2 table is below .05 (uncorrected).  The finding lists at most ``n`` such words in
    the order of :func:`framing.measures.salience.top_terms` (z, then count, then alphabetically),
    with the outlet's counts.  When none stands out, the finding says so and the evidence
    describes the top of the z ranking as a ranking only (a tie of words used once is named as
    such).  The evidence also says how many words pass |z| > 1.96, or, when no word's
    ``z_attainable`` reaches 1.96, that none can.

    Parameters
    ----------
    terms : DataFrame
        The term table of :func:`framing.measures.salience.term_table` (all outlets).
    outlet : str
    n : int
        Most words listed.

    Returns
    -------
    (finding, evidence) : tuple of str
    """
    if terms["outlet"].nunique() < 2:
        return "No word can stand out: there is no other outlet to compare with.", ""
    own = terms[(terms["outlet"] == outlet) & (terms["ngram"] == 1)]
    used = own[own["count"] > 0]
    ranked = top_terms(used, ties="first")
    standing = ranked[stands_out(ranked)]
    others = _others(terms)
    times = "twice" if STANDOUT_MIN_COUNT == 2 else f"{STANDOUT_MIN_COUNT} times"
    rule = (f"used at least {times}, more often than by {others}, "
            f"Fisher's exact p < {ALPHA:g}, uncorrected")
    counted = f"{len(standing)} of {len(used)} words used stand out ({rule})"
    if len(standing):
        listed = ", ".join(f"{r.term} ({r.count})" for r in standing.head(n).itertuples())
        return f"Words that stand out: {listed}.", f"{counted}; counts in brackets; {_z_evidence(own)}"
    finding = f"No word stands out: none is used clearly more often than by {others}."
    return finding, f"{counted}; {_ranking_only(ranked, n)}; {_z_evidence(own)}"


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
    n_cues = int(r["numerator"])
    noun = "cue" if n_cues == 1 else "cues"
    evidence = f"{n_cues} {noun} / {r['denominator'] * 1000:.0f} authorial tokens; {r['verdict']}"
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
