"""Content units across articles: the seed event, and rules with positive and negative examples."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.core import paths
from framing.load.corpus import load_corpus
from framing.measures import alignment as al


@pytest.fixture(scope="module")
def seed():
    corpus = load_corpus(paths.SEED_EVENT_DIR)
    return corpus, al.align(corpus.sentences, quotes=corpus.quotes, actors=corpus.actors)


def _unit_of(alignment, article_id: str, words: str) -> str:
    clauses = alignment.clauses
    text = clauses["text"].str.replace("\u00a0", " ")
    hit = clauses[(clauses["article_id"] == article_id) & text.str.contains(words, regex=False)]
    assert len(hit) == 1, f"{words!r} is in {len(hit)} clauses of {article_id}"
    return hit["unit_id"].iloc[0]


def _outlets(alignment, unit: str) -> set[str]:
    return set(alignment.unit_sentences.loc[alignment.unit_sentences["unit_id"] == unit, "article_id"])


def test_hold_back_development_is_carried_by_press_tv_only(seed):
    _, a = seed
    unit = _unit_of(a, "presstv", "hold back Russia's development")
    assert _outlets(a, unit) == {"presstv"}
    assert _unit_of(a, "presstv", "hold back our development") == unit


def test_new_start_is_carried_by_sputnik_only(seed):
    _, a = seed
    assert _outlets(a, _unit_of(a, "sputnik", "agreement on the New START treaty")) == {"sputnik"}


def test_peskov_units_are_carried_by_press_tv_only(seed):
    _, a = seed
    for words in ("Peskov warned", "inflated expectations", "cannot expect any progress", "a positive step"):
        assert _outlets(a, _unit_of(a, "presstv", words)) == {"presstv"}, words


def test_mend_and_regularize_are_one_unit_carried_by_both(seed):
    _, a = seed
    mend = _unit_of(a, "sputnik", "finding ways of mending the relations")
    assert _unit_of(a, "presstv", "We need to find ways to regularize these relations") == mend
    assert _unit_of(a, "sputnik", "need to find ways to mend relations between") == mend
    assert _outlets(a, mend) == {"sputnik", "presstv"}
    # Both headlines tell it.
    heads = a.unit_sentences[(a.unit_sentences["unit_id"] == mend) & a.unit_sentences["in_headline"]]
    assert set(heads["article_id"]) == {"sputnik", "presstv"}


def test_rendering_shows_mend_against_regularize(seed):
    corpus, a = seed
    table = al.renderings(a, corpus.sentences)
    mend = _unit_of(a, "sputnik", "finding ways of mending the relations")
    rows = table[table["unit_id"] == mend].set_index("article_id")
    assert "mending" in rows.loc["sputnik", "own_words"].split(", ")
    assert "regularize" in rows.loc["presstv", "own_words"].split(", ")
    # The renderings are the two quoted remarks, not a headline or a paraphrase.
    assert rows.loc["presstv", "text"].startswith('"We need to find ways to regularize')
    assert "assume" in rows.loc["sputnik", "own_words"].split(", ")
    low = _unit_of(a, "sputnik", "lowest level")
    assert _unit_of(a, "presstv", "low level") == low
    rows = table[table["unit_id"] == low].set_index("article_id")
    assert rows.loc["sputnik", "own_words"] == "lowest"
    assert "low" in rows.loc["presstv", "own_words"].split(", ")


def test_unit_sentences_and_units_agree(seed):
    corpus, a = seed
    assert list(a.units.columns) == ["unit_id", "label", "n_articles", "n_outlets", "outlets"]
    counted = a.unit_sentences.groupby("unit_id")["article_id"].nunique()
    assert (a.units.set_index("unit_id")["n_articles"] == counted).all()
    # Every sentence tells at least one unit, and offsets stay inside the raw file.
    assert set(a.unit_sentences["sentence_id"]) == set(corpus.sentences["sentence_id"])
    for r in a.clauses.itertuples():
        assert corpus.texts[r.article_id][r.start : r.end] == r.text
    # Units carried by more outlets come first.
    assert a.units["n_outlets"].is_monotonic_decreasing


def test_lede_is_headline_standfirst_and_first_body_paragraph(seed):
    _, a = seed
    us = a.unit_sentences
    assert us.loc[us["sentence_id"] == "presstv-002", "in_lede"].all()
    assert not us.loc[us["sentence_id"] == "presstv-003", "in_lede"].any()
    assert us.loc[us["sentence_id"] == "sputnik-001", "in_headline"].all()


def test_alignment_is_deterministic(seed):
    corpus, a = seed
    again = al.align(corpus.sentences, quotes=corpus.quotes, actors=corpus.actors)
    pd.testing.assert_frame_equal(a.unit_sentences, again.unit_sentences)
    pd.testing.assert_frame_equal(a.units, again.units)


def test_coverage_lists_omissions_and_exclusives(seed):
    corpus, a = seed
    table = al.coverage(a, corpus.outlets)
    assert len(table) == len(a.units) * 2
    hold_back = _unit_of(a, "presstv", "hold back Russia's development")
    left_out = al.omissions(table, "Sputnik International")
    assert hold_back in set(left_out["unit_id"])
    only = al.exclusives(table, "Press TV")
    assert hold_back in set(only["unit_id"])
    row = table[(table["outlet"] == "Press TV") & (table["unit_id"] == hold_back)].iloc[0]
    assert bool(row["in_lede"]) and row["first_paragraph"] == 1
    mend = _unit_of(a, "sputnik", "finding ways of mending the relations")
    assert mend not in set(left_out["unit_id"])


# --------------------------------------------------------------------------- rules on written examples


def _sentences(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """A sentences table from (article_id, text) pairs, one body paragraph per sentence."""
    out, offsets = [], {}
    for k, (article, text) in enumerate(rows):
        start = offsets.get(article, 0)
        n = sum(1 for a, _ in rows[:k] if a == article)
        out.append({"article_id": article, "outlet": article.upper(), "sentence_id": f"{article}-{n + 1:03d}",
                    "paragraph": n + 1, "role": "body", "voice": "authorial", "start": start,
                    "end": start + len(text), "text": text})
        offsets[article] = start + len(text) + 1
    return pd.DataFrame(out)


def _same_unit(sentences: pd.DataFrame, first: str, second: str) -> bool:
    a = al.align(sentences)
    units = {r.sentence_id: r.unit_id for r in a.clauses.itertuples()}
    return units[first] == units[second]


def test_translation_variants_of_one_remark_meet():
    rows = [
        ("wire", "The foreign minister said Ankara needs to find ways to normalise relations with Cairo."),
        ("wire", "Trade between the two countries fell by a third last year, customs data showed."),
        ("daily", "Ankara must find a way to restore its relationship with Cairo, the minister told the press."),
        ("daily", "The central bank kept its main rate unchanged at a meeting in the capital."),
    ]
    assert _same_unit(_sentences(rows), "wire-001", "daily-001")


def test_stock_words_alone_do_not_merge_two_facts():
    rows = [
        ("wire", "The two countries said on Tuesday that the meeting would take place in Vienna."),
        ("wire", "Fuel prices rose sharply across the region after the storm closed two refineries."),
        ("daily", "The two countries said on Tuesday that they had expelled a diplomat each."),
        ("daily", "A court in the capital sentenced three activists to prison for organising a protest."),
    ]
    assert not _same_unit(_sentences(rows), "wire-001", "daily-001")


def test_different_dates_keep_two_facts_about_one_actor_apart():
    rows = [
        ("wire", "The prime minister visited the flooded province on 3 May and promised new dams."),
        ("wire", "Opposition parties called for an inquiry into the handling of relief funds."),
        ("daily", "The prime minister visited the flooded province again on 19 June with donors."),
        ("daily", "Aid agencies said thousands of families were still living in tents near the river."),
    ]
    assert not _same_unit(_sentences(rows), "wire-001", "daily-001")


def test_same_figure_in_different_words_meets():
    rows = [
        ("wire", "The ministry will spend $1.2 billion on rebuilding roads and bridges in the north."),
        ("wire", "Engineers warned that several bridges would need to be closed for safety checks."),
        ("daily", "Some 1.2 billion dollars is earmarked for repairing northern roads and bridges."),
        ("daily", "Lawmakers approved the budget by a narrow margin after a long debate."),
    ]
    assert _same_unit(_sentences(rows), "wire-001", "daily-001")


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("They met on 3 May.", "They met on 19 June.", True),
        ("Trump called him a killer in 2017.", "Biden called him a killer in 2021.", True),
        ("They will meet on 16 June.", "The summit is set for June.", False),
        ("They will meet on 16 June.", "They will meet on June 16 in Geneva.", False),
        ("Prices rose by 5 percent.", "Prices rose by 7 percent.", False),
    ],
)
def test_dates_conflict(a, b, conflict):
    assert al.dates_conflict(al.numbers_and_dates(a), al.numbers_and_dates(b)) is conflict


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Exports reached 2.1 million tonnes.", "Some 3.5 million tonnes are waiting.", True),
        ("Unemployment rose to 7.5%.", "Unemployment rose to 9 percent.", True),
        ("Grain worth $1.2 billion is stuck.", "Grain worth some 1.2bn dollars is stuck.", False),
        ("Prices fell 2.9 per cent.", "Prices fell almost 3%.", False),
        ("A 90-day trial starts in April.", "A three-month trial starts in April.", False),
    ],
)
def test_figures_conflict(a, b, conflict):
    assert al.figures_conflict(al.numbers_and_dates(a), al.numbers_and_dates(b)) is conflict


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Weeks before the vote, the governor says although the US is trying to slow growth, banks need cash.", 3),
        ("The minister said during a visit to the port that exports would double by next year.", 2),
        ("They want to limit our growth; they talk about it in public every week.", 2),
        ("The talks were useful and the delegations will meet again in the autumn.", 1),
        ("Analysts expect that inflation will ease later in the year.", 1),
    ],
)
def test_clauses(text, n):
    assert len(al._clauses(text)) == n


@pytest.mark.parametrize(
    ("text", "anchors"),
    [
        ("They will meet in Geneva on 16 June.", {"date:06-16"}),
        ("They will meet in Geneva on June 16.", {"date:06-16"}),
        ("The fund holds $1.2 billion.", {"num:1.2e+09"}),
        ("The fund holds 1.2 billion dollars.", {"num:1.2e+09"}),
        ("Unemployment rose to 7.5% in March.", {"pct:7.5", "month:03"}),
        ("The treaty was extended for five years in 2021.", {"num:5", "year:2021"}),
        ("The talks may resume, one official said.", set()),
    ],
)
def test_numbers_and_dates(text, anchors):
    assert set(al.numbers_and_dates(text)) == anchors


def test_too_many_clauses_is_a_clear_error():
    rows = [("a", f"Sentence number {k} tells a different fact about item {k}.") for k in range(al.MAX_CLAUSES + 1)]
    with pytest.raises(ValueError, match="too many to align"):
        al.align(_sentences(rows))


def test_anchor_terms_for_all_pairs_match_the_pairwise_rules(seed):
    """The vectorised anchor terms equal the pairwise definitions, pair by pair, on real clauses."""
    corpus, _ = seed
    from pathlib import Path

    folder = Path(__file__).parent / "fixtures" / "heldout_units"
    texts = list(al.segments(corpus.sentences)["text"]) + list(al.segments(load_corpus(folder).sentences)["text"])
    texts += ["Exports reached 2.1 million tonnes in 2021.", "Some 3.5 million tonnes are waiting.",
              "Prices fell 2.9 per cent on 3 May.", "Prices fell almost 3% in May."]
    numbers = [al.numbers_and_dates(t) for t in texts]
    names = [frozenset(al.content_words(t)[:2]) for t in texts]
    quoted = [frozenset(al.content_words(t)[-1:]) for t in texts]
    matrix = al._anchor_adjustment(names, quoted, numbers)
    for i in range(len(texts)):
        for j in range(len(texts)):
            if i == j:
                continue
            a, b = numbers[i], numbers[j]
            if a and b and (al.dates_conflict(a, b) or al.figures_conflict(a, b)):
                assert matrix[i, j] == -float("inf"), (texts[i], texts[j])
                continue
            expected = 0.0
            if names[i] and names[j]:
                expected += al.ACTOR_BONUS * len(names[i] & names[j]) / len(names[i] | names[j])
            if quoted[i] & quoted[j]:
                expected += al.QUOTE_BONUS
            if a and b:
                expected += al.NUMBER_BONUS if al.numbers_agree(a, b) else -al.NUMBER_PENALTY
            assert matrix[i, j] == pytest.approx(expected), (texts[i], texts[j])


# --------------------------------------------------------------------------- renderings: forms of one word


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # another form of the same word: inflection or derivation, not a translator's choice
        ("closure", "close", True),
        ("decision", "decide", True),
        ("talks", "talk", True),
        ("mending", "mend", True),
        ("agreement", "agree", True),
        ("expansion", "expand", True),
        # different words, or a difference of degree, which changes what is said
        ("mend", "regularize", False),
        ("lowest", "low", False),
        ("greatest", "great", False),
        ("bigger", "big", False),
        ("government", "governor", False),
        ("visitor", "visit", False),
        ("union", "unit", False),
    ],
)
def test_same_root(a, b, same):
    assert al.same_root(a, b) is same
    assert al.same_root(b, a) is same


def test_rendering_does_not_list_a_derived_form_as_a_choice_of_words():
    rows = [
        ("wire", "The mayor said the decision to close the Elm Street bridge for repairs was taken to protect "
                 "drivers."),
        ("wire", "Fuel prices rose sharply across the region after the storm hit two refineries."),
        ("daily", "The mayor said the closure of the Elm Street bridge for repairs was decided to protect "
                  "motorists."),
        ("daily", "A court in the capital sentenced three activists to prison for organising a protest."),
    ]
    sentences = _sentences(rows)
    table = al.renderings(al.align(sentences), sentences).set_index("article_id")
    assert table.loc["wire", "own_words"].split(", ") == ["taken", "drivers"]
    assert table.loc["daily", "own_words"].split(", ") == ["motorists"]
    assert {"decision", "close"} <= set(table.loc["wire", "shared_words"].split(", "))
    assert {"closure", "decided"} <= set(table.loc["daily", "shared_words"].split(", "))


def test_rendering_keeps_a_difference_of_degree():
    rows = [
        ("wire", "The governor said river levels were at their lowest point in a decade."),
        ("wire", "Fuel prices rose sharply across the region after the storm hit two refineries."),
        ("daily", "The governor said river levels were at a low point this decade."),
        ("daily", "A court in the capital sentenced three activists to prison for organising a protest."),
    ]
    sentences = _sentences(rows)
    table = al.renderings(al.align(sentences), sentences).set_index("article_id")
    assert table.loc["wire", "own_words"] == "lowest"
    assert table.loc["daily", "own_words"] == "low"
