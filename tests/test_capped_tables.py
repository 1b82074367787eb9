"""Evidence tables shown on a page are capped, with a note that counts what was left out and links the rest.

The tables are made up here, so every expected row and every number in a note is known in advance.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from framing.present import explore
from framing.present import views as display
from framing.present.explore import cap_note, cap_rows, capped_view

SCRIPT = "<script>window.__pwned=1</script>"


def lines_table(counts: dict[str, int]) -> pd.DataFrame:
    """Keyword-in-context lines in reading order: outlet A's lines, then B's, ...; ``n`` numbers them."""
    rows = [{"outlet": outlet, "n": i, "left": "the deal ", "match": "may", "right": " hold"}
            for outlet, k in counts.items() for i in range(k)]
    return pd.DataFrame(rows)


def test_a_long_table_is_cut_to_the_limit_and_a_short_one_is_left_whole():
    long, short = lines_table({"A": 70, "B": 30}), lines_table({"A": 3, "B": 2})
    assert len(cap_rows(long, limit=30)) == 30
    assert cap_rows(short, limit=30) is short
    assert capped_view(long, what="cues", full="cues", limit=30).shown.shape == (30, 5)


def test_reading_order_keeps_the_first_rows_of_each_outlet_in_table_order():
    table = lines_table({"A": 50, "B": 20, "C": 2})
    kept = cap_rows(table, limit=10, each=["outlet"])
    # C has only two lines, so A and B share the other eight equally; the table's order is kept.
    assert list(zip(kept["outlet"], kept["n"])) == [
        ("A", 0), ("A", 1), ("A", 2), ("A", 3), ("B", 0), ("B", 1), ("B", 2), ("B", 3), ("C", 0), ("C", 1),
    ]
    assert list(kept.index) == sorted(kept.index)


def test_without_groups_reading_order_is_simply_the_first_rows():
    table = lines_table({"A": 50, "B": 20})
    assert list(cap_rows(table, limit=5).index) == [0, 1, 2, 3, 4]


def test_strongest_takes_the_largest_scores_either_way_and_keeps_table_order():
    table = pd.DataFrame({
        "outlet": ["A"] * 6 + ["B"] * 3,
        "compound": [0.1, -0.9, 0.5, None, 0.9, 0.0, 0.2, -0.3, 0.3],
    })
    kept = cap_rows(table, limit=5, order="strongest", by="compound", each=["outlet"])
    # A: -0.9 and 0.9 tie (first in table order wins the first round), then 0.5; B: -0.3 and 0.3.
    assert list(kept.index) == [1, 2, 4, 7, 8]
    assert list(cap_rows(table, limit=2, order="strongest", by="compound").index) == [1, 4]
    assert 3 not in cap_rows(table, limit=8, order="strongest", by="compound").index  # missing scores last


def test_groups_of_two_columns_share_the_rows():
    table = pd.DataFrame({"outlet": ["A"] * 8 + ["B"] * 8,
                          "subcategory": (["neutral"] * 6 + ["doubting"] * 2) * 2})
    kept = cap_rows(table, limit=8, each=["outlet", "subcategory"])
    assert kept.groupby(["outlet", "subcategory"]).size().to_dict() == {
        ("A", "doubting"): 2, ("A", "neutral"): 2, ("B", "doubting"): 2, ("B", "neutral"): 2,
    }


def test_note_gives_the_exact_counts_the_rule_and_the_link():
    table = pd.DataFrame({"outlet": ["A", "B"] * 7329, "compound": [0.5, -0.25] * 7329})
    view = capped_view(table, what="sentences", full="sentiment", limit=40, order="strongest", by="compound",
                       each=["outlet"])
    assert len(view.shown) == 40 and view.n_total == 14_658
    assert view.note == (
        "Showing 40 of 14,658 sentences, the strongest of each outlet (largest compound, negative or positive). "
        "The full table is tables/sentiment.csv in the built reports."
    )
    page = view.to_html()
    assert page.count('class="framing-cap-note"') == 1
    assert '<a href="tables/sentiment.csv">tables/sentiment.csv</a>' in page
    assert "Showing 40 of 14,658 sentences" in page


def test_no_note_and_no_link_when_every_row_is_shown():
    table = lines_table({"A": 20, "B": 20})
    view = capped_view(table, what="cues", full="cues", limit=40)
    assert view.note == "" and view.note_html == ""
    page = view.to_html()
    assert "framing-cap-note" not in page and "tables/cues.csv" not in page and "Showing" not in page
    assert cap_note(40, 40, what="cues", full="cues") == ""


def test_note_in_reading_order_names_groups_in_words_and_links_every_table():
    note = cap_note(30, 2_623, what="lines", full=["sentiment", "sentences"], each=["outlet", "article_id"])
    assert note == (
        "Showing 30 of 2,623 lines, the first of each outlet and article id in reading order. "
        "The full tables are tables/sentiment.csv and tables/sentences.csv in the built reports."
    )
    first_sentence = note.split(". ")[0]
    assert "_" not in first_sentence  # plain words on student pages, no column names with underscores
    page_note = cap_note(8, 300, what="articles", full="side-by-side.html", each=["outlet"], html=True)
    assert "The full page is <a href=\"side-by-side.html\">side-by-side.html</a> in the built reports." in page_note


def test_every_piece_of_text_is_escaped():
    table = pd.DataFrame({"outlet": [SCRIPT, "B"] * 30, "text": [f"He said {SCRIPT} today."] * 60,
                          f"<b>{SCRIPT}</b>": range(60)})
    page = capped_view(table, what=f"lines {SCRIPT}", full="sentences", each=["outlet"]).to_html()
    assert "<script" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "Showing 40 of 60 lines &lt;script&gt;" in page


def test_mistakes_in_the_rule_or_the_link_are_refused():
    table = lines_table({"A": 5})
    with pytest.raises(ValueError, match="neither one of the report tables"):
        capped_view(table, what="cues", full="cue")
    with pytest.raises(ValueError, match="strongest"):
        cap_rows(table, order="strongest")
    with pytest.raises(ValueError, match="strongest"):
        cap_rows(table, order="strongest", by="missing column")
    with pytest.raises(ValueError, match="limit"):
        cap_rows(table, limit=0)
    with pytest.raises(ValueError, match="order"):
        cap_rows(table, order="random")


@pytest.fixture(scope="module")
def seed_analysis():
    from framing.pipeline import analyze

    return analyze(None, n_boot=20, n_perm=20)


def test_the_linked_tables_are_the_tables_of_an_analysis(seed_analysis):
    assert set(explore.REPORT_TABLES) == set(seed_analysis.tables)  # the seed event has actors.csv


def test_articles_side_by_side_shows_the_first_of_each_outlet_with_a_note(seed_analysis):
    corpus = seed_analysis.corpus
    whole, cut = display.articles_side_by_side(corpus), display.articles_side_by_side(corpus, limit=1)
    assert whole.count("<article") == len(corpus.articles) == 2 and "framing-cap-note" not in whole
    assert cut.count("<article") == 1
    assert corpus.articles["outlet"].iloc[0] in cut and corpus.articles["outlet"].iloc[1] not in cut
    assert "Showing 1 of 2 articles" in cut and '<a href="side-by-side.html">' in cut


def test_reading_view_excerpt_embeds_only_the_articles_it_names(seed_analysis):
    one = explore.reading_view_excerpt(seed_analysis, limit=1).data
    both = explore.reading_view_excerpt(seed_analysis).data
    column = "&lt;article class=&quot;col&quot;"
    assert one.count(column) == 1 and both.count(column) == 2
    assert "Showing 1 of 2 articles" in one and "framing-cap-note" not in both
    assert re.search(r'<iframe [^>]*sandbox=""', one)


def test_explorer_caps_the_lines_it_draws(seed_analysis, monkeypatch):
    monkeypatch.setattr(explore, "_EXPLORER_ROWS", 2)
    box = explore.explorer(seed_analysis)
    box.category.value = "attribution"
    shown = box.output.outputs[0]["data"]["text/html"]
    n_lines = len(explore.explorer_static(seed_analysis, category="attribution"))
    assert n_lines > 2
    assert shown.count("<mark>") == 2
    assert f"Showing 2 of {n_lines} lines" in shown and 'href="tables/cues.csv"' in shown
