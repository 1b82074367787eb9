"""The teaching pack: built from each folder's own tables, nothing of one folder in another's pages."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from framing.core import paths
from framing.pipeline import analyze
from framing.present import teaching
from framing.present.front_page import TEACHING, render_front_page

MANY = Path(__file__).parent / "fixtures" / "many-outlets"


@pytest.fixture(scope="module")
def seed():
    analysis = analyze(paths.SEED_EVENT_DIR)
    return analysis, teaching.teaching_pages(analysis, analysis.differences, articles_dir=paths.SEED_EVENT_DIR)


@pytest.fixture(scope="module")
def many():
    analysis = analyze(MANY)
    return analysis, teaching.teaching_pages(analysis, analysis.differences, articles_dir=MANY)


def _text(page: str) -> str:
    """The visible text of a page (tags and the style block dropped)."""
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_every_page_is_built_for_both_folders(seed, many):
    for _, pages in (seed, many):
        assert set(pages) == set(teaching.PAGES)
        for name, page in pages.items():
            assert page.startswith("<!DOCTYPE html>"), name
            assert "@page" in page and "break-inside: avoid" in page, name


def _phrases(analysis) -> set[str]:
    """Outlet names and the capitalised words of the headlines: what would betray the folder."""
    words = set(analysis.corpus.outlets)
    for headline in analysis.corpus.articles["headline"].fillna("").astype(str):
        words |= {w for w in re.findall(r"\b[A-Z][a-z]{4,}\b", headline)}
    return words


def test_no_outlet_or_phrase_of_one_folder_leaks_into_the_others_pages(seed, many):
    seed_words, many_words = _phrases(seed[0]), _phrases(many[0])
    shared = seed_words & many_words  # a word both folders use (none expected, but not a leak if so)
    seed_only = (seed_words - shared) | {"Putin", "Biden", "Sputnik", "Press TV", "Geneva", "Kremlin"}
    many_only = (many_words - shared) | {"Varden", "Kessler"}
    for name, page in many[1].items():
        leaked = [w for w in seed_only if w in page]
        assert leaked == [], f"{name} of many-outlets shows {leaked}"
    for name, page in seed[1].items():
        leaked = [w for w in many_only if w in page]
        assert leaked == [], f"{name} of the seed shows {leaked}"
    # ...and each folder's own outlets are there (the check above is not vacuous).
    assert "Sputnik International" in _text(seed[1][teaching.WORKSHEET])
    assert "Varden" in _text(many[1][teaching.WORKSHEET])


def test_pages_make_no_request_outside_the_reports(seed, many):
    for _, pages in (seed, many):
        for name, page in pages.items():
            assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", page), name
            assert "@import" not in page and "url(" not in page, name


def test_the_worksheet_asks_about_differences_without_giving_the_answers(seed):
    analysis, pages = seed
    questions = teaching.worksheet_questions(analysis.differences, teaching.choose_outlets(analysis,
                                                                                         analysis.differences))
    assert 3 <= len(questions) <= teaching.MAX_QUESTIONS
    assert questions["kind"].nunique() == len(questions)  # one question per kind: variety first
    sheet, key = pages[teaching.WORKSHEET], pages[teaching.ANSWER_KEY]
    for statement in questions["statement"]:
        assert html_escape(statement) in key
        assert html_escape(statement) not in sheet
    for outlet, (headline, _lede) in teaching.ledes(analysis, list(analysis.corpus.outlets)).items():
        assert html_escape(headline) in sheet and html_escape(outlet) in sheet
    assert sheet.count('class="lines"') == len(questions)


def html_escape(text: str) -> str:
    import html

    return html.escape(str(text))


def test_question_choice_takes_one_statement_per_kind_and_skips_statements_without_evidence():
    table = pd.DataFrame([
        ("Outlet A", "omission", "Leaves out the strike vote.", "b-003", "", 1),
        ("Outlet A", "omission", "Leaves out the court date.", "b-007", "", 2),
        ("Outlet B", "omission", "Leaves out the minister's reply.", "a-004", "", 1),
        ("Outlet B", "tone", "Its sentences' mean tone score is -0.40.", "", "", 2),
        ("Outlet A", "voice", "Quotes the union leader (2 quotations).", "a-002;a-005", "", 3),
    ], columns=["outlet", "kind", "statement", "evidence", "strength", "rank"])
    chosen = teaching.worksheet_questions(table, ["Outlet A", "Outlet B"], limit=3)
    # Positive: the first round takes one omission, then the voice statement; the second round the other outlet's
    # omission.  Negative: the tone statement has no evidence and is never chosen.
    assert list(chosen["statement"]) == ["Leaves out the strike vote.", "Quotes the union leader (2 quotations).",
                                         "Leaves out the minister's reply."]
    assert "tone" not in set(teaching.worksheet_questions(table, ["Outlet A", "Outlet B"], limit=10)["kind"])


def test_three_outlets_at_most_on_the_worksheet_chosen_by_structural_differences(many):
    analysis, pages = many
    chosen = teaching.choose_outlets(analysis, analysis.differences)
    assert len(chosen) == teaching.MAX_OUTLETS < len(analysis.corpus.outlets)
    counts = analysis.differences[analysis.differences["kind"].isin(
        ["omission", "lede", "voice", "headline", "rendering"])].groupby("outlet").size()
    assert min(counts.get(o, 0) for o in chosen) >= max(counts.get(o, 0) for o in analysis.corpus.outlets
                                                         if o not in chosen)
    assert pages[teaching.WORKSHEET].count('class="pair"') == 3
    # With two outlets, both are on the worksheet (negative example of the cut).
    two = SimpleNamespace(corpus=SimpleNamespace(outlets=list(analysis.corpus.outlets)[:2]))
    assert teaching.choose_outlets(two, analysis.differences) == list(analysis.corpus.outlets)[:2]


def test_article_text_is_escaped_on_every_page(seed):
    analysis = copy.deepcopy(seed[0])
    sentences = analysis.corpus.sentences
    hostile = '<script>window.__pwned=1</script> & <img src=x onerror="alert(1)">'
    body = sentences.index[sentences["role"] == "body"]
    sentences.loc[body, "text"] = sentences.loc[body, "text"] + " " + hostile
    heads = sentences.index[sentences["role"] == "headline"]
    sentences.loc[heads, "text"] = hostile
    pages = teaching.teaching_pages(analysis, analysis.differences)
    for name, page in pages.items():
        assert "<script" not in page and "<img" not in page, name
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &lt;img" in pages[teaching.WORKSHEET]


def test_glossary_gives_an_example_from_the_folder_where_there_is_one(seed, many):
    analysis, pages = seed
    examples = teaching.glossary_examples(analysis, analysis.differences)
    # Positive: the seed has quoted and authorial sentences, a judging reporting verb and an omission.
    assert {"frame", "voice", "attribution verb", "omission", "salience"} <= set(examples)
    marked = set(re.findall(r"<mark>([^<]+)</mark>", examples["attribution verb"]))
    judging = analysis.cues[(analysis.cues["category"] == "attribution") & (analysis.cues["subcategory"] != "neutral")]
    assert marked and marked <= set(judging["cue"])  # a verb that judges is the better example than "said"
    # Negative: no authorial scare quote in the seed means "no example found", not an invented one.
    if not (analysis.cues["category"] == "scare_quote").any():
        assert "scare quote" not in examples
        assert "no example found" in pages[teaching.GLOSSARY]
    for term, _ in teaching.GLOSSARY_TERMS:
        assert f"<h3>{term}</h3>" in pages[teaching.GLOSSARY]
        assert f"<h3>{term}</h3>" in many[1][teaching.GLOSSARY]


def test_lesson_plan_has_goals_timings_questions_and_what_to_look_for(seed):
    page = seed[1][teaching.LESSON_PLAN]
    for heading in ("Learning goals", "Timings and steps (45 minutes)", "Discussion questions",
                    "What to look for in answers"):
        assert f"<h2>{heading}</h2>" in page
    minutes = [tuple(map(int, m)) for m in re.findall(r"<td>(\d+)-(\d+) min</td>", page)]
    assert minutes[0][0] == 0 and minutes[-1][1] == 45
    assert all(a[1] == b[0] for a, b in zip(minutes, minutes[1:]))  # the steps follow on without a gap


def test_coding_sheet_prints_every_question(seed):
    page = seed[1][teaching.CODING_SHEET]
    from framing.present.coding import QUESTIONS

    for q in QUESTIONS:
        assert html_escape(q.text) in page


def test_write_teaching_pack_and_the_front_page_link(seed, tmp_path):
    analysis, _ = seed
    written = teaching.write_teaching_pack(analysis, analysis.differences, tmp_path)
    assert sorted(p.name for p in written) == sorted(teaching.PAGES)
    assert (tmp_path / TEACHING).is_file()
    front = dict(analysis=analysis, differences=analysis.differences, pages=[], articles_dir=paths.SEED_EVENT_DIR,
                 has_side_by_side=False)
    assert f'href="{TEACHING}"' in render_front_page(**front, has_teaching=True)
    assert "teaching/" not in render_front_page(**front)
