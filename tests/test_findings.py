"""The one-screen findings, on hand-made tables."""

from __future__ import annotations

import pandas as pd

from framing.compare.findings import attribution_line, rate_line, top_terms_line


def test_top_terms_line():
    terms = pd.DataFrame({
        "outlet": ["A", "A", "A", "B"], "term": ["ties", "regularize", "said", "ties"], "ngram": [1, 1, 1, 1],
        "count": [3, 2, 0, 1], "log_odds_z": [2.5, 0.4, -1.0, -2.5],
    })
    finding, evidence = top_terms_line(terms, "A", n=2)
    assert finding == "Most distinctive words: ties (3), regularize (2)."
    assert evidence.startswith("1 of 2 words used reach z > 1.96")


def test_rate_line_reports_interval_and_denominator():
    summary = pd.DataFrame([{
        "outlet": "A", "measure": "cue_rate", "category": "hedge", "voice": "authorial",
        "value": 4.0, "numerator": 2.0, "denominator": 0.5,
        "ci_low": 0.0, "ci_high": 10.0, "p_value": 0.4, "n_units": 10, "verdict": "insufficient evidence (p = 0.40)",
    }])
    finding, evidence = rate_line(summary, "A", "hedge", "hedges")
    assert finding == "4.0 hedges per 1,000 of its own words (95% CI 0.0-10.0)."
    assert evidence.startswith("2 cues / 500 authorial tokens")


def test_attribution_line_counts_loaded_verbs():
    cues = pd.DataFrame({
        "outlet": ["A"] * 4, "category": ["attribution"] * 3 + ["hedge"],
        "subcategory": ["neutral", "doubting", "concession", ""], "cue": ["said", "Claimed", "admitted", "may"],
    })
    finding, parts = attribution_line(cues, "A")
    assert finding == "2 of 3 attributions use a loaded verb (claimed, admitted)."
    assert parts == "neutral 1, doubting 1, concession 1"
