"""Tests of the ranking-sensitivity and chance-expectation functions on hand-made data."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from framing.measures.sensitivity import (
    OVERLAP_COLUMNS,
    Setting,
    chance_expectation,
    chance_findings,
    rank_overlap,
    ranking_sensitivity,
)


def make_tokens(sentences: list[tuple[str, str]]) -> pd.DataFrame:
    """A ``tokens`` table from (outlet, space-separated words) pairs; every token is a word."""
    rows = []
    seen: Counter[str] = Counter()
    for outlet, text in sentences:
        seen[outlet] += 1
        sid = f"{outlet}-{seen[outlet]:03d}"
        for i, word in enumerate(text.split()):
            rows.append({
                "article_id": outlet, "outlet": outlet, "sentence_id": sid, "token_id": i,
                "start": 0, "end": 0, "token": word, "lower": word.lower(), "kind": "word", "voice": "authorial",
            })
    return pd.DataFrame(rows)


# Outlet A repeats "sanctions" 4 times, "threat" twice and "the" three times; B repeats "talks" 4 times,
# "progress" twice.  "summit" is used once by each.  A also has one "warned", B one "hoped".
TOKENS = make_tokens([
    ("A", "sanctions sanctions the threat"),
    ("A", "sanctions the sanctions threat"),
    ("A", "summit warned the"),
    ("B", "talks talks progress"),
    ("B", "talks progress talks"),
    ("B", "summit hoped"),
])


def ranks(table: pd.DataFrame, setting: str, outlet: str) -> dict[str, int]:
    own = table[(table["setting"] == setting) & (table["outlet"] == outlet)]
    return dict(zip(own["term"], own["rank"]))


def test_ranks_follow_the_counts_of_exclusive_terms():
    table = ranking_sensitivity(TOKENS, settings=(Setting("baseline"),), top=10)
    # Terms used only by one outlet: the more often, the higher z.  "summit" is shared (z <= 0 for both).
    assert ranks(table, "baseline", "A") == {"sanctions": 1, "threat": 2, "warned": 3}
    assert ranks(table, "baseline", "B") == {"talks": 1, "progress": 2, "hoped": 3}


def test_stopwords_none_lets_a_function_word_in():
    settings = (Setting("baseline"), Setting("no stopwords", stopwords=None))
    table = ranking_sensitivity(TOKENS, settings=settings, top=10)
    assert "the" not in ranks(table, "baseline", "A")
    # "the" is used 3 times, all by A: it now ranks between "sanctions" (4 uses) and "threat" (2).
    assert ranks(table, "no stopwords", "A")["the"] == 2
    assert ranks(table, "no stopwords", "A")["threat"] == 3


def test_min_count_drops_the_hapaxes():
    table = ranking_sensitivity(TOKENS, settings=(Setting("min count 2", min_count=2),), top=10)
    assert ranks(table, "min count 2", "A") == {"sanctions": 1, "threat": 2}
    assert ranks(table, "min count 2", "B") == {"talks": 1, "progress": 2}


def test_ties_share_the_better_rank_and_top_cuts_by_rank():
    tokens = make_tokens([("A", "alpha beta gamma gamma"), ("B", "delta delta epsilon zeta")])
    table = ranking_sensitivity(tokens, settings=(Setting("baseline"),), top=1)
    assert ranks(table, "baseline", "A") == {"gamma": 1}
    table = ranking_sensitivity(tokens, settings=(Setting("baseline"),), top=2)
    # alpha and beta are tied at rank 2: both are kept although top = 2.
    assert ranks(table, "baseline", "A") == {"gamma": 1, "alpha": 2, "beta": 2}


def test_ties_first_breaks_ties_by_count_then_alphabet():
    tokens = make_tokens([("A", "alpha beta gamma gamma"), ("B", "delta delta epsilon zeta")])
    table = ranking_sensitivity(tokens, settings=(Setting("baseline"),), top=2, ties="first")
    assert ranks(table, "baseline", "A") == {"gamma": 1, "alpha": 2}
    with pytest.raises(ValueError, match="ties"):
        ranking_sensitivity(tokens, ties="average")


def test_prior_changes_the_z_but_not_these_orders():
    settings = (Setting("informative"), Setting("flat", prior="uninformative"))
    table = ranking_sensitivity(TOKENS, settings=settings, top=10)
    z = table.set_index(["setting", "outlet", "term"])["log_odds_z"]
    assert z[("informative", "A", "sanctions")] != pytest.approx(z[("flat", "A", "sanctions")])
    assert ranks(table, "flat", "A") == ranks(table, "informative", "A")


def test_ranking_is_deterministic_and_ignores_row_order():
    first = ranking_sensitivity(TOKENS)
    again = ranking_sensitivity(TOKENS.sample(frac=1.0, random_state=3))
    pd.testing.assert_frame_equal(first, again)
    assert list(first.columns) == ["setting", "outlet", "term", "rank", "log_odds_z", "count"]
    assert list(dict.fromkeys(first["setting"])) == [
        "baseline", "no stopwords", "flat prior", "min count 2", "min count 3"
    ]


def test_duplicate_setting_names_are_refused():
    with pytest.raises(ValueError, match="unique"):
        ranking_sensitivity(TOKENS, settings=(Setting("x"), Setting("x", prior="uninformative")))


def rankings_from(lists: dict[str, list[str]], outlet: str = "A") -> pd.DataFrame:
    return pd.DataFrame(
        [{"setting": s, "outlet": outlet, "term": t, "rank": i + 1} for s, terms in lists.items()
         for i, t in enumerate(terms)]
    )


def test_overlap_of_identical_rankings_is_one():
    table = rankings_from({"base": ["a", "b", "c"], "same": ["a", "b", "c"]})
    out = rank_overlap(table, baseline="base").set_index("setting")
    assert out.loc["same", "jaccard_top_k"] == 1.0
    assert out.loc["same", "spearman"] == pytest.approx(1.0)
    assert out.loc["base", "jaccard_top_k"] == 1.0


def test_overlap_hand_worked():
    # base: a1 b2 c3; other: a1 c2 d3.  Union {a, b, c, d}; missing -> rank 4.
    # base ranks 1 2 3 4, other 1 4 2 3; d = 0 -2 1 1; sum d^2 = 6; rho = 1 - 6*6 / (4 * 15) = 0.4.
    table = rankings_from({"base": ["a", "b", "c"], "other": ["a", "c", "d"]})
    out = rank_overlap(table, baseline="base").set_index("setting")
    assert out.loc["other", "jaccard_top_k"] == pytest.approx(2 / 4)
    assert out.loc["other", "spearman"] == pytest.approx(0.4)
    assert out.loc["other", "n_shared"] == 2
    assert out.loc["other", "n_union"] == 4


def test_overlap_of_disjoint_rankings_is_zero_and_reversed_order_is_minus_one():
    table = rankings_from({"base": ["a", "b"], "other": ["c", "d"], "reverse": ["b", "a"]})
    out = rank_overlap(table, baseline="base").set_index("setting")
    assert out.loc["other", "jaccard_top_k"] == 0.0
    assert out.loc["reverse", "jaccard_top_k"] == 1.0
    assert out.loc["reverse", "spearman"] == pytest.approx(-1.0)


def test_overlap_needs_a_known_baseline():
    with pytest.raises(ValueError, match="baseline"):
        rank_overlap(rankings_from({"base": ["a"]}), baseline="nope")


def test_chance_expectation_counts_the_thresholds():
    terms = pd.DataFrame({
        "outlet": ["A"] * 4, "term": list("wxyz"), "ngram": 1, "count": 1,
        "log_odds_z": [2.5, -2.0, 1.0, 0.0], "z_attainable": [3.0, 2.5, 1.5, 1.9],
        "g2": [4.0, 3.0, -7.0, 0.0], "fisher_p": [0.04, 0.2, 0.01, 1.0],
    })
    row = chance_expectation(terms).iloc[0]
    assert row["n_terms"] == 4
    assert row["n_reachable"] == 2  # 3.0 and 2.5 can pass 1.96; 1.5 and 1.9 cannot
    assert row["n_beyond_z"] == 2  # 2.5 and -2.0 (|z| > 1.96)
    assert row["n_beyond_g2"] == 2  # 4.0 and -7.0 (|G2| > 3.84)
    assert row["n_beyond_fisher"] == 2  # .04 and .01
    assert row["expected_by_chance"] == pytest.approx(0.2)
    with pytest.raises(ValueError, match="z_attainable"):
        chance_expectation(terms.drop(columns="z_attainable"))


def test_no_term_of_two_short_reports_can_reach_the_z_threshold():
    from framing.measures.salience import term_table

    short = term_table(TOKENS, ngram_orders=(1,))
    row = chance_expectation(short).set_index("outlet").loc["A"]
    assert row["n_reachable"] == 0 and row["n_beyond_z"] == 0
    # the same wording repeated ten times over: now frequent terms could reach it
    longer = term_table(pd.concat([TOKENS.assign(sentence_id=TOKENS["sentence_id"] + f"-{k}") for k in range(10)]),
                        ngram_orders=(1,))
    assert chance_expectation(longer).set_index("outlet").loc["A", "n_reachable"] > 0


def test_chance_findings_counts_a_two_outlet_test_once():
    summary = pd.DataFrame({
        "outlet": ["A", "B", "A", "B", "A", "B", "C"],
        "measure": ["m1", "m1", "m2", "m2", "m3", "m3", "m3"],
        "p_value": [0.01, 0.01, 0.5, 0.5, 0.02, 0.3, 0.9],
    })
    # m1 and m2: two outlets, one test each; m3: three outlets, three tests.
    row = chance_findings(summary).iloc[0]
    assert row["n_tests"] == 5
    assert row["n_significant"] == 2
    assert row["expected_by_chance"] == pytest.approx(0.25)


def test_rank_overlap_of_a_single_outlet_folder_is_empty():
    rankings = ranking_sensitivity(make_tokens([("A", "storm closes the coastal road"), ("A", "road reopens")]), top=5)
    assert rankings.empty
    overlap = rank_overlap(rankings, baseline="baseline")
    assert overlap.empty and list(overlap.columns) == list(OVERLAP_COLUMNS)


@pytest.fixture(scope="module")
def seed_analysis():
    from framing.pipeline import analyze

    return analyze(n_boot=200, n_perm=200)


def test_term_evidence_from_tables_equals_the_analysis_wrapper(seed_analysis):
    from framing.measures.sensitivity import term_evidence, top_term_evidence

    c = seed_analysis.corpus
    direct = term_evidence(terms=seed_analysis["terms"], tokens=c.tokens, sentences=c.sentences, texts=c.texts,
                           outlets=c.outlets, n_terms=2, per_term=2)
    pd.testing.assert_frame_equal(direct, top_term_evidence(seed_analysis, n_terms=2, per_term=2))
    assert len(direct) > 0
    # every line's match is the term it stands for, read from the raw text
    for r in direct.itertuples(index=False):
        assert r.match.lower() == r.term
