"""Tests of the notebook exploration helpers: evidence tables, widgets, escaping, sentiment drivers."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from framing.pipeline import Analysis
from framing.present import explore

# A hand-made article: two sentences, one hedge in the outlet's words, one quoted booster,
# one reporting verb, and a script tag in the article text.
RAW = (
    'Officials said the deal "will certainly hold". '
    "The port may reopen next week <script>alert(1)</script>."
)
S1_END = RAW.index(". ") + 1
S2_START = S1_END + 1


def _sentences() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "outlet": ["Harbour Gazette", "Harbour Gazette"],
            "sentence_id": ["a-001", "a-002"],
            "paragraph": [1, 1],
            "role": ["body", "body"],
            "voice": ["mixed", "authorial"],
            "start": [0, S2_START],
            "end": [S1_END, len(RAW)],
            "text": [RAW[:S1_END], RAW[S2_START:]],
        }
    )


def _cue(start: int, word: str, category: str, subcategory: str, voice: str, term: str) -> dict:
    return {
        "article_id": "a",
        "outlet": "Harbour Gazette",
        "sentence_id": "a-001" if start < S1_END else "a-002",
        "start": start,
        "end": start + len(word),
        "cue": word,
        "term": term,
        "category": category,
        "subcategory": subcategory,
        "voice": voice,
    }


def _cues() -> pd.DataFrame:
    return pd.DataFrame(
        [
            _cue(RAW.index("said"), "said", "attribution", "neutral", "authorial", "say"),
            _cue(RAW.index("certainly"), "certainly", "booster", "", "quoted", "certainly"),
            _cue(RAW.index("may"), "may", "hedge", "", "authorial", "may"),
        ]
    )


def test_static_table_of_hand_made_cues():
    ev = explore.cue_evidence(_cues(), _sentences(), {"a": RAW}, category="hedge")
    assert list(ev.columns) == explore.EVIDENCE_COLUMNS
    assert len(ev) == 1
    row = ev.iloc[0]
    assert (row["match"], row["voice"], row["sentence_id"]) == ("may", "authorial", "a-002")
    assert row["left"] == "The port "
    assert row["right"].startswith(" reopen next week")
    # Context stops at the sentence edge: nothing of the first sentence leaks in.
    assert "certainly" not in row["left"]
    boosters = explore.cue_evidence(_cues(), _sentences(), {"a": RAW}, category="booster")
    assert boosters["match"].tolist() == ["certainly"] and boosters["voice"].tolist() == ["quoted"]
    assert explore.cue_evidence(_cues(), _sentences(), {"a": RAW}, category="hedge", outlet="Other").empty
    assert explore.cue_evidence(_cues(), _sentences(), {"a": RAW}, category="scare_quote").empty


def test_evidence_html_escapes_script():
    ev = explore.cue_evidence(_cues(), _sentences(), {"a": RAW}, category="hedge")
    page = explore.evidence_html(ev)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<mark>may</mark>" in page


def test_evidence_html_escapes_every_column():
    ev = pd.DataFrame(
        [{"outlet": "<b>x</b>", "category": "hedge", "term": "<i>", "voice": "authorial",
          "left": "<script>", "match": "<img src=x>", "right": "&"}]
    )
    page = explore.evidence_html(ev)
    for raw in ("<b>", "<i>", "<script>", "<img"):
        assert raw not in page
    assert "&amp;" in page


def test_embed_html_document_escapes_into_srcdoc():
    doc = '<!DOCTYPE html><html><body><p title="a">x & y</p></body></html>'
    shown = explore.embed_html_document(doc, height=900).data
    assert shown.startswith('<div class="framing-embed"><iframe') and 'height:900px' in shown
    assert "&lt;p title=&quot;a&quot;&gt;x &amp; y&lt;/p&gt;" in shown
    assert "<p" not in shown


def test_short_quotes_flags_scare_quotes():
    raw = 'Critics mocked the "reform". He said "we will win this fight easily" on Monday.'
    s1 = raw.index(". ") + 1
    sentences = pd.DataFrame(
        {"article_id": ["b", "b"], "outlet": ["O", "O"], "sentence_id": ["b-1", "b-2"],
         "role": ["body", "body"], "start": [0, s1 + 1], "end": [s1, len(raw)],
         "text": [raw[:s1], raw[s1 + 1:]]}
    )
    q1 = raw.index('"reform"')
    q2 = raw.index('"we will')
    q2_end = raw.index('" on') + 1
    quotes = pd.DataFrame({"article_id": ["b", "b"], "start": [q1, q2], "end": [q1 + 8, q2_end],
                           "text": ['"reform"', raw[q2:q2_end]]})
    cues = pd.DataFrame(
        [{"article_id": "b", "outlet": "O", "sentence_id": "b-1", "start": q1, "end": q1 + 8, "cue": '"reform"',
          "term": "reform", "category": "scare_quote", "subcategory": "", "voice": "authorial"},
         {"article_id": "b", "outlet": "O", "sentence_id": "b-2", "start": raw.index("said"),
          "end": raw.index("said") + 4, "cue": "said", "term": "say", "category": "attribution",
          "subcategory": "neutral", "voice": "authorial"}]
    )
    table = explore.short_quotes(quotes, sentences, cues)
    # Only the one-word quotation is short; the six-word one is a full quotation.
    assert table["quote"].tolist() == ['"reform"']
    assert table["counted_as_scare_quote"].tolist() == [True]
    assert table["reporting_verbs"].tolist() == [""]
    wide = explore.short_quotes(quotes, sentences, cues, max_words=6)
    assert wide["counted_as_scare_quote"].tolist() == [True, False]
    assert wide["reporting_verbs"].tolist() == ["", "said"]


def test_driver_table_counts_and_ranks():
    sentiment = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "sentence_id": ["a1", "a2", "a3", "b1"]})
    drivers = pd.DataFrame(
        {"sentence_id": ["a1", "a1", "a2", "b1", "x9"],
         "word": ["killer", "hope", "killer", "united", "stray"],
         "valence": [-3.3, 1.9, -1.65, 1.8, 2.0]}
    )
    table = explore.driver_table(sentiment, drivers, top=10)
    a = table[table["outlet"] == "A"]
    assert a["word"].tolist() == ["killer", "hope"]
    assert a["n_occurrences"].tolist() == [2, 1]
    assert a["total_valence"].tolist() == [pytest.approx(-4.95), pytest.approx(1.9)]
    assert a["direction"].tolist() == ["negative", "positive"]
    assert a["rank"].tolist() == [1, 2]
    # A driver of a sentence that is not in the sentiment table does not count.
    assert "stray" not in set(table["word"])
    assert explore.driver_table(sentiment, drivers, top=1)["word"].tolist() == ["killer", "united"]


def test_extreme_sentences_picks_by_threshold():
    sentiment = pd.DataFrame(
        {"outlet": ["A"] * 4, "sentence_id": ["s1", "s2", "s3", "s4"], "voice": ["authorial"] * 4,
         "compound": [-0.8, 0.02, 0.6, -0.1], "drivers": ["x:-3", "", "y:+2", "z:-1"]}
    )
    sentences = pd.DataFrame({"sentence_id": ["s1", "s2", "s3", "s4"], "text": ["one", "two", "three", "four"]})
    out = explore.extreme_sentences(sentiment, sentences, n=1)
    assert out["sentence_id"].tolist() == ["s1", "s3"]
    assert out["which"].tolist() == ["most negative", "most positive"]


def test_score_examples_shows_vader_blind_spots():
    out = explore.score_examples(["The minister admitted the mistake.", "The United States agreed."])
    assert "admitted:+0.4" in out.loc[0, "drivers"]
    assert "united:+1.8" in out.loc[1, "drivers"]
    # Compound follows s / sqrt(s^2 + 15) on the summed valences (Hutto & Gilbert 2014).
    assert out.loc[1, "label"] == "positive"


@pytest.fixture(scope="module")
def seed_analysis():
    from framing.pipeline import analyze

    return analyze(None, n_boot=50, n_perm=50)


def test_explorer_builds_and_updates(seed_analysis):
    box = explore.explorer(seed_analysis)
    assert box.category.value == "hedge"
    first = box.output.outputs[0]["data"]["text/html"]
    hedges = len(seed_analysis["cues"].query("category == 'hedge'"))
    assert f"{hedges} line(s)" in first
    box.category.value = "attribution"
    second = box.output.outputs[0]["data"]["text/html"]
    assert second != first
    n_attr = len(seed_analysis["cues"].query("category == 'attribution'"))
    assert f"{n_attr} line(s)" in second
    assert "say" in [v for _, v in box.term.options]
    box.term.value = "say"
    third = box.output.outputs[0]["data"]["text/html"]
    n_say = len(seed_analysis["cues"].query("term == 'say'"))
    assert f"{n_say} line(s)" in third and n_say < n_attr
    outlet = seed_analysis.corpus.outlets[0]
    box.outlet.value = outlet
    assert all(o == outlet for o in explore.explorer_static(seed_analysis, outlet=outlet,
                                                            category="attribution")["outlet"])


def test_explorer_term_category(seed_analysis):
    box = explore.explorer(seed_analysis)
    box.category.value = "term"
    term = box.term.value
    assert term is not None
    table = explore.explorer_static(seed_analysis, category="term", term=term)
    assert len(table) > 0
    assert (table["match"].str.lower().str.split().str.join(" ") == term).all()


def test_explorer_static_on_empty_analysis(seed_analysis):
    empty = Analysis(seed_analysis.corpus, {**seed_analysis.tables, "cues": seed_analysis["cues"].iloc[0:0]})
    assert explore.explorer_static(empty, category="hedge").empty
    assert "No evidence" in explore.explorer(empty).output.outputs[0]["data"]["text/html"]


def test_actor_evidence_lists_mentioning_sentences():
    sentiment = pd.DataFrame({"outlet": ["A", "A", "B"], "sentence_id": ["s1", "s2", "s3"],
                              "compound": [0.5, -0.3, 0.0], "drivers": ["", "", ""]})
    sentences = pd.DataFrame({"sentence_id": ["s1", "s2", "s3"],
                              "text": ["Reyes welcomed the deal.", "The union walked out.", "Unionists met."]})
    actors = pd.DataFrame({"actor": ["Tom Reyes", "Union"], "alias": ["Reyes", "union"]})
    out = explore.actor_evidence(sentiment, sentences, actors)
    assert out[["actor", "sentence_id"]].values.tolist() == [["Tom Reyes", "s1"], ["Union", "s2"]]


def test_table_view_escapes_and_aligns():
    ev = explore.cue_evidence(_cues(), _sentences(), {"a": RAW}, category="hedge")
    page = explore.table_view(ev).to_html()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_explorer_says_what_a_saved_page_lacks(seed_analysis):
    bundle = explore.explorer(seed_analysis)._repr_mimebundle_()
    assert "JupyterLab" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_table_view_renders_the_same_bytes_twice():
    import pandas as pd

    from framing.present.explore import table_view

    table = pd.DataFrame({"left": ["a <b>"], "match": ["said"], "right": ["x"], "n": [1.5]})
    first, second = table_view(table).to_html(), table_view(table.copy()).to_html()
    assert first == second
    assert "&lt;b&gt;" in first


# Wide tables: each in a box of its own that scrolls sideways --------------------------------------

SENTENCE = "The board voted on Wednesday to close the Kessler Ridge plant four years early, officials said."


def wide_table(n_outlets: int = 14) -> pd.DataFrame:
    """One column of sentences per outlet, as the table of what each outlet tells, plus a short and a number column."""
    columns = {"unit_id": ["u001", "u002"], "told by": [13, 12]}
    columns.update({f"Outlet {i}": [SENTENCE, "not reported"] for i in range(n_outlets)})
    return pd.DataFrame(columns)


def test_table_view_and_capped_view_put_the_table_in_a_scrolling_box():
    html = explore.table_view(wide_table()).to_html()
    assert html.startswith('<div class="framing-table" style="overflow-x:auto;max-width:100%"><style')
    assert html.endswith("</table>\n</div>")
    assert explore.table_view(wide_table())._repr_html_().startswith('<div class="framing-table"')  # notebooks
    capped = explore.capped_view(wide_table(), what="units", full="units", limit=1).to_html()
    assert capped.startswith('<div class="framing-table"')
    assert capped.index("</div>") < capped.index('class="framing-cap-note"')  # the note stays under the box


def test_only_columns_of_running_text_get_a_reading_width():
    html = explore.table_view(wide_table(2)).to_html()
    widths = {}
    for selectors, props in re.findall(r"([^{}]+)\{([^}]*)\}", html.split("</style>")[0]):
        for col in re.findall(r"_row0_col(\d+)\b", selectors):
            widths[int(col)] = "min-width: 14em" in props
    # columns: unit_id (4 characters), told by (a number), Outlet 0 and Outlet 1 (sentences of 50+ characters)
    assert widths == {0: False, 2: True, 3: True}


def test_a_wide_table_scrolls_inside_its_box_in_a_browser(tmp_path):
    import os
    import shutil

    on_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        (pytest.fail if on_ci else pytest.skip)("playwright is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        (pytest.fail if on_ci else pytest.skip)("chromium is not installed (apt-get install chromium)")
    page_file = tmp_path / "table.html"
    page_file.write_text("<!DOCTYPE html><html><body style='max-width:800px'>"
                         + explore.table_view(wide_table()).to_html() + "</body></html>", encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        page.goto(page_file.as_uri(), wait_until="load")
        box = page.evaluate("(() => { const b = document.querySelector('.framing-table');"
                            " return [b.scrollWidth, b.clientWidth, document.documentElement.scrollWidth]; })()")
        browser.close()
    scroll_width, width, page_width = box
    assert width <= 800 < scroll_width  # the table is wider than its box, and the box scrolls
    assert page_width <= 1000  # the page itself does not


# --------------------------------------------------------------------------- helpers that take tables

def _two_outlet_tables() -> dict:
    """The hand-made article above and a second one from another outlet, as the tables a notebook holds."""
    raw_b = "The ferry might run late on Friday. Crews said the sea was calm."
    cut = raw_b.index(". ") + 1
    sentences = pd.concat([_sentences(), pd.DataFrame({
        "article_id": ["b", "b"], "outlet": ["Coast Courier"] * 2, "sentence_id": ["b-001", "b-002"],
        "paragraph": [1, 1], "role": ["body", "body"], "voice": ["authorial", "authorial"],
        "start": [0, cut + 1], "end": [cut, len(raw_b)], "text": [raw_b[:cut], raw_b[cut + 1:]]})],
        ignore_index=True)
    hedge_b = {**_cue(0, "might", "hedge", "", "authorial", "might"), "article_id": "b", "outlet": "Coast Courier",
               "sentence_id": "b-001", "start": raw_b.index("might"), "end": raw_b.index("might") + 5}
    cues = pd.concat([_cues(), pd.DataFrame([hedge_b])], ignore_index=True)
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Harbour Gazette", "Coast Courier"],
                             "headline": ["", ""], "published": ["2024-05-01", "2024-05-01"],
                             "event": ["Port reopening (invented)", "Port reopening (invented)"]})
    terms = pd.DataFrame({"outlet": ["Harbour Gazette", "Harbour Gazette", "Coast Courier"],
                          "term": ["port", "deal", "ferry"], "count": [1, 1, 1], "log_odds_z": [0.4, 1.2, 0.9]})
    return {"articles": articles, "sentences": sentences, "cues": cues, "texts": {"a": RAW, "b": raw_b},
            "terms": terms}


def test_explorer_table_takes_the_tables_it_reads():
    t = _two_outlet_tables()
    hedges = explore.explorer_table(cues=t["cues"], sentences=t["sentences"], texts=t["texts"], category="hedge")
    assert hedges[["outlet", "match"]].values.tolist() == [["Harbour Gazette", "may"], ["Coast Courier", "might"]]
    one = explore.explorer_table(cues=t["cues"], sentences=t["sentences"], texts=t["texts"], category="hedge",
                                 outlet="Coast Courier")
    assert one["match"].tolist() == ["might"] and one["left"].tolist() == ["The ferry "]
    # with category "term" and no term, the outlet's term of highest log-odds z is shown ("deal": 1.2 > 0.4)
    tokens = pd.DataFrame({"article_id": ["a"], "outlet": ["Harbour Gazette"], "sentence_id": ["a-001"],
                           "token_id": [4], "start": [RAW.index("deal")], "end": [RAW.index("deal") + 4],
                           "token": ["deal"], "lower": ["deal"], "kind": ["word"], "voice": ["authorial"]})
    deal = explore.explorer_table(cues=t["cues"], sentences=t["sentences"], texts=t["texts"], tokens=tokens,
                                  terms=t["terms"], outlet="Harbour Gazette", category="term")
    assert deal["term"].tolist() == ["deal"] and deal["match"].tolist() == ["deal"]
    # without the terms table there is no term to choose, hence no line
    assert explore.explorer_table(cues=t["cues"], sentences=t["sentences"], texts=t["texts"], tokens=tokens,
                                  category="term").empty
    with pytest.raises(TypeError):
        explore.explorer_table(t["cues"], t["sentences"], t["texts"])  # the tables are keyword-only


def test_evidence_explorer_takes_the_tables_it_reads():
    t = _two_outlet_tables()
    box = explore.evidence_explorer(cues=t["cues"], sentences=t["sentences"], texts=t["texts"], terms=t["terms"])
    assert [v for _, v in box.outlet.options] == [None, "Harbour Gazette", "Coast Courier"]
    assert "2 line(s)" in box.output.outputs[0]["data"]["text/html"]
    box.outlet.value = "Coast Courier"
    assert "1 line(s)" in box.output.outputs[0]["data"]["text/html"]
    # the "term" category offers the outlet's terms; without tokens it shows no line rather than failing
    box.category.value = "term"
    assert [v for _, v in box.term.options] == ["ferry"]
    assert "0 line(s)" in box.output.outputs[0]["data"]["text/html"]
    ordered = explore.evidence_explorer(cues=t["cues"], sentences=t["sentences"], texts=t["texts"],
                                        outlets=["Coast Courier", "Harbour Gazette"])
    assert [v for _, v in ordered.outlet.options] == [None, "Coast Courier", "Harbour Gazette"]


def test_reading_excerpt_takes_the_tables_it_reads():
    t = _two_outlet_tables()
    tables = {k: t[k] for k in ("articles", "sentences", "texts", "cues")}
    one = explore.reading_excerpt(**tables, lines=None, sentiment=None, limit=1).data
    both = explore.reading_excerpt(**tables, lines=None, sentiment=None).data
    column = "&lt;article class=&quot;col&quot;"
    assert one.count(column) == 1 and both.count(column) == 2
    assert "Harbour Gazette" in one and "Coast Courier" not in one.split("framing-cap-note")[0]
    assert "Showing 1 of 2 articles" in one and "framing-cap-note" not in both
    assert "Port reopening (invented)" in both  # the page title names the event
    assert "<script>alert" not in both and "alert(1)" in both  # the article's script tag is text, escaped
    with pytest.raises(TypeError):
        explore.reading_excerpt(t["articles"], None, t["sentences"], t["texts"], t["cues"], None)


def test_wrappers_taking_an_analysis_give_what_the_table_helpers_give(seed_analysis):
    c = seed_analysis.corpus
    tables = {"cues": seed_analysis["cues"], "sentences": c.sentences, "texts": c.texts, "tokens": c.tokens,
              "terms": seed_analysis["terms"]}
    for category in ("attribution", "term"):
        pd.testing.assert_frame_equal(explore.explorer_static(seed_analysis, category=category),
                                      explore.explorer_table(**tables, category=category))
    old = explore.reading_view_excerpt(seed_analysis, limit=1).data
    new = explore.reading_excerpt(articles=c.articles, lines=c.lines, sentences=c.sentences, texts=c.texts,
                                  cues=seed_analysis["cues"], sentiment=seed_analysis["sentiment"], limit=1).data
    assert old == new
    box = explore.evidence_explorer(**tables)
    assert [v for _, v in box.outlet.options][1:] == list(c.outlets)
