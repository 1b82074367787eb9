"""The one-screen findings, on hand-made tables."""

from __future__ import annotations

import pandas as pd

from framing.compare.findings import attribution_line, rate_line, top_terms_line


def terms_of(rows: list[tuple], outlets: tuple[str, ...] = ("A", "B")) -> pd.DataFrame:
    """A unigram term table from (outlet, term, count, log_odds_z, z_attainable, g2, fisher_p) rows."""
    columns = ["outlet", "term", "count", "log_odds_z", "z_attainable", "g2", "fisher_p"]
    table = pd.DataFrame(rows, columns=columns).assign(ngram=1)
    extra = [(o, "filler", 1, 0.0, 0.5, 0.0, 1.0) for o in outlets if o not in set(table["outlet"])]
    return pd.concat([table, pd.DataFrame(extra, columns=columns).assign(ngram=1)], ignore_index=True)


def test_top_terms_line_lists_the_words_that_stand_out():
    terms = terms_of([
        ("A", "ceasefire", 6, 1.9, 2.4, 8.3, 0.031),  # stands out
        ("A", "truce", 1, 2.1, 2.4, 2.8, 0.04),  # highest z, but used once: never a finding
        ("A", "talks", 4, 1.2, 2.4, 3.0, 0.2),  # p = .2
        ("A", "envoy", 0, -1.0, 2.4, -2.0, 0.5),
    ])
    finding, evidence = top_terms_line(terms, "A", n=2)
    assert finding == "Words that stand out: ceasefire (6)."
    assert evidence.startswith("1 of 3 words used stand out (used at least twice, more often than by the other "
                               "outlet, Fisher's exact p < 0.05, uncorrected); counts in brackets")
    assert evidence.endswith("1 reach z > 1.96 (uncorrected)")


def test_no_word_stands_out_when_the_top_is_a_tie_of_single_uses():
    # Two short reports of a summit: the top of outlet A's ranking is three words used once each, tied.
    terms = terms_of([
        ("A", "discuss", 1, 0.74, 1.2, 1.4, 0.45),
        ("A", "joe", 1, 0.74, 1.2, 1.4, 0.45),
        ("A", "will", 1, 0.74, 1.2, 1.4, 0.45),
        ("A", "putin", 2, 0.10, 1.6, 0.1, 1.0),
    ])
    finding, evidence = top_terms_line(terms, "A")
    assert finding == "No word stands out: none is used clearly more often than by the other outlet."
    assert "the top of the z ranking is 3 words used once each, tied" in evidence
    assert "discuss" not in finding + evidence
    assert evidence.endswith("with texts this short no word can reach z > 1.96 (largest attainable 1.60)")


def test_no_word_stands_out_when_repeated_words_are_within_chance():
    terms = terms_of([
        ("B", "regularize", 3, 1.28, 2.5, 4.2, 0.25),
        ("B", "peskov", 3, 1.28, 2.5, 4.2, 0.25),
        ("B", "said", 6, 0.9, 2.5, 1.1, 0.29),
    ], outlets=("A", "B", "C"))
    finding, evidence = top_terms_line(terms, "B", n=2)
    assert finding == "No word stands out: none is used clearly more often than by the other outlets."
    assert "highest z, a ranking and not a test: peskov (3), regularize (3)" in evidence
    assert evidence.startswith("0 of 3 words used stand out")


def test_a_single_outlet_has_nothing_to_stand_out_from():
    terms = terms_of([("A", "ceasefire", 6, float("nan"), float("nan"), float("nan"), float("nan"))], outlets=("A",))
    assert top_terms_line(terms, "A") == ("No word can stand out: there is no other outlet to compare with.", "")


def test_top_terms_line_on_a_term_table():
    from framing.load.text import normalise, tokenize
    from framing.measures.salience import term_table

    def tokens(docs):
        rows = []
        for outlet, text in docs.items():
            for i, tok in enumerate(tokenize(normalise(text))):
                rows.append({"article_id": outlet, "outlet": outlet, "sentence_id": outlet, "token_id": i,
                             "token": tok.text, "lower": tok.text.lower(), "kind": tok.kind})
        return pd.DataFrame(rows)

    # The wire repeats "ceasefire" six times; the daily never uses it.  Fisher: 6 of 6 uses in one of
    # two 12-word texts, p = 2 * C(12, 6) / C(24, 6) = 0.0137.
    wire = "ceasefire " * 6 + "envoys met in the capital on monday morning"
    daily = "ministers spoke of a truce after the long night of shelling near the border"
    terms = term_table(tokens({"Wire": wire, "Daily": daily}), ngram_orders=(1,))
    assert terms.loc[(terms["outlet"] == "Wire") & (terms["term"] == "ceasefire"), "fisher_p"].iloc[0] < 0.05
    assert top_terms_line(terms, "Wire")[0] == "Words that stand out: ceasefire (6)."
    assert top_terms_line(terms, "Daily")[0].startswith("No word stands out")


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
