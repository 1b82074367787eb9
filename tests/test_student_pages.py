"""Student pages: no code, formulas, raw Python values or names in code; readable tables; questions; left-out notes."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from framing.present.labels import COLUMN_LABELS, column_label, is_identifier_like, value_label
from framing.present.report import (
    FULL_ONLY_TAGS,
    STUDENT_TAG,
    left_out_notice,
    page_cells,
    student_notebook,
    student_page_problems,
    student_table_html,
)

FIXTURES = Path(__file__).parent / "fixtures"
NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
REPORT_NOTEBOOKS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
#: The notebooks that open the suite (00-07); each has a student version with questions.
CORE_NOTEBOOKS = [p for p in REPORT_NOTEBOOKS if p.name[:2] <= "07"]
LEXICON_PAGES = ("00-", "01-", "02-", "03-", "05-")


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title><style>.a_b {{ x: 1 }}</style></head><body>{body}</body></html>"


# The checker ------------------------------------------------------------------------------------------

CLEAN = page(
    "<h1>Who speaks</h1><p>The outlet quotes the minister twice, and a spokesman once.</p>"
    "<p>None of the outlets names the source. True stories need named sources.</p>"
    "<table><thead><tr><th>Outlet</th><th>Hedges per 1,000 words</th><th>Counted as a scare quote?</th></tr></thead>"
    "<tbody><tr><td>Harbour Post</td><td>2.41</td><td>no</td></tr>"
    "<tr><td>Daily Meridian</td><td></td><td>yes</td></tr></tbody></table>"
)


def test_a_clean_page_passes():
    assert student_page_problems(CLEAN) == []


@pytest.mark.parametrize("bad, kind", [
    ("<pre>import pandas as pd</pre>", "code"),
    ("<p>Filter the tokens to voice == \"authorial\" first.</p>", "code"),
    ("<p>Run plots.plot_cue_rates(rates) again.</p>", "code"),
    ("<p>The rate is rate = cues ÷ words × 1000.</p>", "formula"),
    ("<p>The score is s / √(s² + 15).</p>", "formula"),
    ("<p>With a prior $\\alpha_w = 1$ the ranking moves.</p>", "formula"),
    ("<p>The share is share = quoted words / all words.</p>", "formula"),
    ("<pre>0.42\nName: compound, dtype: float64</pre>", "raw value"),
    ("<p>The mean was NaN for this outlet.</p>", "raw value"),
    ("<pre>&lt;NA&gt;</pre>", "raw value"),
    ("<pre>counted: False</pre>", "raw value"),
    ("<pre>['Harbour Post', 'Daily Meridian']</pre>", "list or dict"),
    ("<pre>{'Harbour Post': 3}</pre>", "list or dict"),
    ("<p>The column hedge_rate_quoted holds the quoted rate.</p>", "identifier"),
    ("<p>The rows of analysis[\"cues\"] are the highlights.</p>", "identifier"),
    ("<table><tbody><tr><td>NaN</td></tr></tbody></table>", "raw value in a table cell"),
    ("<table><tbody><tr><td>&lt;NA&gt;</td></tr></tbody></table>", "raw value in a table cell"),
    ("<table><tbody><tr><td>True</td></tr></tbody></table>", "raw value in a table cell"),
    ("<table><tbody><tr><td>None</td></tr></tbody></table>", "raw value in a table cell"),
    ("<table><tbody><tr><td>['said', 'told']</td></tr></tbody></table>", "list or dict in a table cell"),
    ("<table><thead><tr><th>counted_as_scare_quote</th></tr></thead></table>", "identifier in a table cell"),
])
def test_the_checker_fails_a_bad_page(bad, kind):
    problems = student_page_problems(page(f"<p>The outlets differ.</p>{bad}"))
    assert any(p.startswith(f"{kind}:") for p in problems), problems


def test_text_in_styles_scripts_and_titles_is_not_read():
    hidden = page("<script>var x_y = [1, 2]; if (a == b) {}</script><p>Plain words only.</p>")
    assert student_page_problems(hidden) == []


# Labels -----------------------------------------------------------------------------------------------


def test_one_label_map_reads_column_names_as_words():
    assert column_label("hedge_rate") == "Hedges per 1,000 words"
    assert column_label("counted_as_scare_quote") == "Counted as a scare quote?"
    assert column_label("n_paragraphs") == "Paragraphs in the article"
    assert column_label("n_widgets") == "Number of widgets"  # not in the map: still words
    assert column_label("some_new_column") == "Some new column"
    assert column_label("Press TV") == "Press TV" and column_label("flat prior") == "flat prior"
    assert value_label("scare_quote") == "Scare quote" and value_label("a quoted_word here") == "a quoted_word here"
    assert not [k for k, v in COLUMN_LABELS.items() if is_identifier_like(v) or "_" in v]


def test_tables_get_labels_and_clean_values():
    raw = ('<table class="dataframe"><thead><tr><th>outlet</th><th>hedge_rate</th><th>reporting_verbs</th>'
           "<th>counted_as_scare_quote</th><th>category</th></tr></thead><tbody>"
           "<tr><td>Harbour Post</td><td>NaN</td><td>['said', 'told']</td><td>True</td><td>scare_quote</td></tr>"
           "<tr><td>Daily Meridian</td><td>&lt;NA&gt;</td><td>[]</td><td>False</td><td>hedge</td></tr>"
           "<tr><td>Coast &amp; Country</td><td>1.5</td><td>None</td><td>False</td><td><b>x_y</b></td></tr>"
           "</tbody></table>")
    out = student_table_html(raw)
    for label in ("Outlet", "Hedges per 1,000 words", "Reporting verbs in the sentence", "Counted as a scare quote?",
                  "Kind of cue", "<td>said, told</td>", "<td>yes</td>", "<td>no</td>", "<td>Scare quote</td>",
                  "Coast &amp; Country", "<b>x_y</b>"):
        assert label in out, label
    for raw_value in ("NaN", "&lt;NA&gt;", "None", "True", "['said'", "hedge_rate<"):
        assert raw_value not in out, raw_value
    assert student_page_problems(page(out.replace("<b>x_y</b>", "x"))) == []


def test_an_empty_table_becomes_one_sentence():
    empty = ('<div class="framing-table"><table><thead><tr><th>outlet</th><th>match</th></tr></thead>'
             "<tbody>\n</tbody></table></div>")
    assert student_table_html(empty, empty="No scare quotes in these articles.") == (
        '<p class="framing-empty-table">No scare quotes in these articles.</p>')
    one_row = empty.replace("<tbody>\n", "<tbody><tr><td>Harbour Post</td><td>reform</td></tr>")
    assert "<table" in student_table_html(one_row, empty="No scare quotes in these articles.")


def test_the_cap_note_links_the_full_table_in_words():
    note = ('<p class="framing-cap-note">Showing 40 of 120 cues, the first of each outlet in reading order. '
            'The full table is <a href="tables/sentiment_drivers.csv">tables/sentiment_drivers.csv</a> in the built '
            "reports.</p>")
    out = student_table_html("<table><tbody><tr><td>a</td></tr></tbody></table>" + note)
    assert 'All of them are in <a href="tables/sentiment_drivers.csv">the full table</a>.' in out
    assert student_page_problems(page(out)) == []


# Who each cell is for -----------------------------------------------------------------------------------


def tagged_notebook():
    series = new_output("execute_result", data={"text/plain": "a    1\nName: n, dtype: int64"}, execution_count=1)
    empty = new_output("execute_result", data={
        "text/html": "<table><thead><tr><th>outlet</th></tr></thead><tbody></tbody></table>",
        "text/plain": "Empty DataFrame"}, execution_count=2)
    printed = new_output("stream", name="stdout", text="The folder has no list of actors.\n")
    return new_notebook(cells=[
        new_markdown_cell("# Title"),
        new_markdown_cell("The formula: `z = δ / √var`", metadata={"tags": ["analyst"]}),
        new_markdown_cell("Teacher's note on the method.", metadata={"tags": ["teacher"]}),
        new_markdown_cell("A plain explanation.", metadata={"tags": [STUDENT_TAG]}),
        new_code_cell("outlets", outputs=[series]),
        new_code_cell("explore.capped_view(t, what=\"scare quotes\", full=\"cues\")", outputs=[empty]),
        new_code_cell("print(1)", outputs=[printed]),
    ])


def test_student_page_drops_analyst_cells_and_raw_outputs_and_full_page_drops_student_cells():
    nb = tagged_notebook()
    full = page_cells(nb, student=False)
    assert [c.source for c in full.cells if c.cell_type == "markdown"] == [
        "# Title", "The formula: `z = δ / √var`", "Teacher's note on the method."]
    student = student_notebook(nb)
    assert [c.source for c in student.cells if c.cell_type == "markdown"] == ["# Title", "A plain explanation."]
    outputs = [c.outputs for c in student.cells if c.cell_type == "code"]
    assert outputs[0] == []  # a Series repr is the analyst's view
    empty_sentence = '<p class="framing-empty-table">No scare quotes in these articles.</p>'
    assert outputs[1][0]["data"] == {"text/html": empty_sentence}
    assert outputs[2][0]["text"] == "The folder has no list of actors.\n"
    assert len(nb.cells) == 7 and nb.cells[4].outputs  # the notebook itself is unchanged
    assert FULL_ONLY_TAGS == {"analyst", "teacher"}


def test_an_empty_table_takes_the_sentences_about_it_along_and_row_numbers_go():
    empty = new_output("execute_result", data={
        "text/html": "<table><thead><tr><th>outlet</th></tr></thead><tbody></tbody></table>"}, execution_count=1)
    full = new_output("execute_result", data={
        "text/html": "<table><thead><tr><th></th><th>outlet</th></tr></thead>"
                     "<tbody><tr><th>0</th><td>Harbour Post</td></tr><tr><th>1</th><td>Daily Meridian</td></tr>"
                     "</tbody></table>"}, execution_count=2)
    about_it = new_markdown_cell("These are the scare quotes, in their sentences.")
    about_it["id"] = "about-it"
    kept = new_markdown_cell("A reader reads the rest.")
    kept["id"] = "kept"
    nb = new_notebook(cells=[
        new_code_cell("show()", outputs=[empty], metadata={"framing": {"empty": "No scare quotes in these articles.",
                                                                       "when_empty_drop": ["about-it"]}}),
        about_it, kept,
        new_code_cell("show()", outputs=[full], metadata={"framing": {"when_empty_drop": ["kept"]}}),
    ])
    student = student_notebook(nb)
    assert [c.get("id") for c in student.cells if c.cell_type == "markdown"] == ["kept"]
    table = student.cells[-1].outputs[0]["data"]["text/html"]
    assert "<th>0</th>" not in table and "<th></th>" not in table
    assert "<td>Harbour Post</td>" in table and "<th>Outlet</th>" in table
    named_index = ("<table><thead><tr><th>paragraph</th><th>text</th></tr></thead>"
                                      "<tbody><tr><th>0</th><td>Headline</td></tr></tbody></table>")
    assert "<th>0</th>" in student_table_html(named_index)


def test_every_core_notebook_has_ids_and_student_questions():
    assert len(CORE_NOTEBOOKS) == 8
    for path in CORE_NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(c.get("id") for c in nb.cells), path.name
        student = [c.source for c in nb.cells if STUDENT_TAG in c.get("metadata", {}).get("tags", [])]
        questions = [s for s in student if "## Questions to think about" in s]
        assert len(questions) == 1, path.name
        items = re.findall(r"(?m)^\d+\. ", questions[0].split("## Questions to think about", 1)[1])
        assert 2 <= len(items) <= 4, (path.name, len(items))


def test_lexicon_pages_declare_their_measures():
    from framing.core.vocabulary import LEXICON_MEASURES
    from framing.present.report import lexicon_measures

    declared = {p.name[:3]: lexicon_measures(nbformat.read(p, as_version=4)) for p in REPORT_NOTEBOOKS}
    for prefix in LEXICON_PAGES:
        assert declared[prefix], prefix
    assert {m for ms in declared.values() for m in ms} <= set(LEXICON_MEASURES)


# Articles left out: a folder with one German article ------------------------------------------------------

ENGLISH = (
    "Ferry Strike Halts Island Crossings\n\n"
    "Ferry crews walked out on Tuesday over pay, stranding hundreds of travellers at the harbour, the operator "
    "said.\n\n"
    "The union said the strike could last until Friday unless the company improves its offer.\n\n"
    "Officials said emergency crossings would continue for patients and supplies.\n"
)
ENGLISH_TWO = (
    "Island Travellers Stranded as Ferry Crews Strike\n\n"
    "Hundreds of travellers waited at the harbour on Tuesday after ferry crews stopped work, according to the "
    "operator.\n\n"
    "A union spokesman insisted the crews had no choice and warned the dispute may spread to other ports.\n\n"
    "The company said it remained open to talks.\n"
)
GERMAN = (
    "F\u00e4hrstreik legt Verbindungen zur Insel lahm\n\n"
    "Die Besatzungen der F\u00e4hren haben am Dienstag die Arbeit niedergelegt, und Hunderte Reisende warten "
    "im Hafen auf eine \u00dcberfahrt.\n\n"
    "Die Gewerkschaft sagte, der Streik k\u00f6nne bis Freitag dauern, wenn das Unternehmen sein Angebot nicht "
    "verbessert.\n\n"
    "Die Beh\u00f6rden erkl\u00e4rten, dass Notfahrten f\u00fcr Kranke und Vorr\u00e4te weiter stattfinden.\n"
)


def german_folder(root: Path) -> Path:
    folder = root / "ferry"
    folder.mkdir()
    for name, text in (("post.txt", ENGLISH), ("meridian.txt", ENGLISH_TWO), ("bote.txt", GERMAN)):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "articles.csv").write_text(
        "article_id,outlet,file\npost,Harbour Post,post.txt\nmeridian,Daily Meridian,meridian.txt\n"
        "bote,Inselbote,bote.txt\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def german_reports(tmp_path_factory):
    from framing.pipeline import analyze
    from framing.present.report import build_reports

    root = tmp_path_factory.mktemp("german")
    analysis = analyze(german_folder(root), n_boot=100, n_perm=100)
    notebooks = root / "notebooks"
    notebooks.mkdir()
    for name, measures in (("01-words.ipynb", ["salience"]), ("02-cues.ipynb", ["cues", "summary"]),
                           ("07-facts.ipynb", [])):
        nb = new_notebook(cells=[new_markdown_cell("# A page\n\nIt says what it measures."),
                                 new_code_cell("ARTICLES_DIR = None", metadata={"tags": ["parameters"]}),
                                 new_markdown_cell("## Results")],
                          metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                   "language": "python"}})
        if measures:
            nb.metadata["framing"] = {"lexicon_measures": measures}
        nbformat.write(nb, notebooks / name)
    out = build_reports(root / "ferry", root / "reports", notebooks_dir=notebooks, tables=analysis.tables).out_dir
    return analysis, out


def test_the_german_article_is_named_at_the_top_of_every_lexicon_page(german_reports):
    analysis, out = german_reports
    assert set(analysis["excluded"]["article_id"]) == {"bote"}
    for stem in ("01-words", "02-cues"):
        for suffix in (".html", ".student.html"):
            raw = (out / f"{stem}{suffix}").read_text(encoding="utf-8")
            raw = raw[raw.index("<main"):]
            assert "Articles left out of this page" in raw, stem + suffix
            notice = raw.index("Articles left out of this page")
            assert raw.index("A page") < notice < raw.index("Results")  # right under the title
            assert "Inselbote (bote.txt)" in raw and "not in English" in raw
            assert "Harbour Post (post.txt)" not in raw
    words = (out / "01-words.html").read_text(encoding="utf-8")
    assert "left out of the word counts" in words
    cues = (out / "02-cues.student.html").read_text(encoding="utf-8")
    assert "the hedges and reporting verbs and the comparisons of the outlets" in cues
    assert "Articles left out" not in (out / "07-facts.html").read_text(encoding="utf-8")
    assert student_page_problems((out / "02-cues.student.html").read_text(encoding="utf-8")) == []


def test_left_out_notice_lists_unreadable_files_and_says_nothing_when_none():
    import pandas as pd

    from framing.core.vocabulary import EXCLUDED_COLUMNS, SKIPPED_COLUMNS

    none = {"excluded": pd.DataFrame(columns=list(EXCLUDED_COLUMNS)),
            "skipped": pd.DataFrame(columns=list(SKIPPED_COLUMNS))}
    assert left_out_notice(none, ["cues"]) == ""
    skipped = dict(none, skipped=pd.DataFrame([{"article_id": "x", "file": "scan<1>.pdf",
                                                "reason": "not a text file", "fix": "save it as text"}]))
    text = left_out_notice(skipped, ["cues"])
    assert "scan&lt;1&gt;.pdf could not be read, so it is in no measure: not a text file." in text
    assert left_out_notice(skipped, []) == ""  # a page without English word-list measures says nothing


# The real pages: the seed event and fourteen outlets ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory) -> Path:
    from framing.build import build_all_reports
    from framing.core import paths

    out = tmp_path_factory.mktemp("seed") / "reports"
    build_all_reports(paths.SEED_EVENT_DIR, out)
    return out


@pytest.fixture(scope="module")
def many_reports(tmp_path_factory) -> Path:
    from framing.build import build_all_reports

    out = tmp_path_factory.mktemp("many") / "reports"
    build_all_reports(FIXTURES / "many-outlets", out)
    return out


@pytest.mark.parametrize("reports", ["seed_reports", "many_reports"])
def test_student_pages_show_no_code_formula_raw_value_or_name_in_code(reports, request):
    folder = request.getfixturevalue(reports)
    pages = sorted(folder.glob("*.student.html"))
    assert len(pages) == len(REPORT_NOTEBOOKS)
    found = {p.name: student_page_problems(p.read_text(encoding="utf-8")) for p in pages}
    assert {name: problems for name, problems in found.items() if problems} == {}


@pytest.mark.parametrize("reports", ["seed_reports", "many_reports"])
def test_student_pages_ask_questions_and_full_pages_keep_their_code(reports, request):
    folder = request.getfixturevalue(reports)
    for path in sorted(folder.glob("*.student.html")):
        raw = path.read_text(encoding="utf-8")
        full = (folder / path.name.replace(".student.html", ".html")).read_text(encoding="utf-8")
        code = re.compile(r'class="[^"]*\bjp-CodeMirrorEditor\b')  # a code cell's input on the page
        assert code.search(full) and not code.search(raw), path.name
        if path.name[:2] <= "07":
            assert "Questions to think about" in raw, path.name
            assert "Questions to think about" not in full, path.name  # student cells are the student's
        assert "Articles left out" not in raw + full, path.name  # every article of these folders is English
