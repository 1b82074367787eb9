"""The front page of the reports (``index.html``): how the outlets frame the event, in plain words.

The event and its outlets, the headlines side by side, the strongest differences of each outlet with
the sentences they rest on (linked to their place in the side-by-side view), the reports in reading
order, and a suggested order for a class.  Everything on the page comes from the folder's own
tables; every piece of article text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

#: Statements per outlet on the front page.
PER_OUTLET = 6
SIDE_BY_SIDE = "side-by-side.html"
#: The aligned reading view: one row per fact or remark, one column per outlet.
ALIGNED = "aligned.html"
#: The teaching pack's first page (the pack is :mod:`framing.present.teaching`; its pages sit beside it).
TEACHING = "teaching/lesson-plan.html"


def sentence_anchor(sentence_id: str) -> str:
    """The id of a sentence in the side-by-side view (``side-by-side.html#s-<sentence_id>``)."""
    return f"s-{sentence_id}"


def _e(value: object) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _evidence(ids: str, text: dict[str, str], outlet_of: dict[str, str], *, link: bool) -> str:
    items = []
    for sid in [s for s in str(ids).split(";") if s]:
        if sid not in text:
            continue
        words = " ".join(text[sid].split())
        target = f' href="{SIDE_BY_SIDE}#{_e(sentence_anchor(sid))}"' if link else ""
        tag = "a" if link else "span"
        items.append(f'<li><{tag} class="sid"{target}>{_e(outlet_of.get(sid, ""))}</{tag}> {_e(words)}</li>')
    return f'<ul class="evidence">{"".join(items)}</ul>' if items else ""


def _outlets_table(articles: pd.DataFrame) -> str:
    rows = []
    for outlet, group in articles.groupby("outlet", sort=False):
        first = group.iloc[0]
        country = first.get("country", "") if "country" in group.columns else ""
        owner = first.get("ownership", "") if "ownership" in group.columns else ""
        rows.append(f"<tr><td>{_e(outlet)}</td><td>{_e(country)}</td><td>{_e(owner)}</td>"
                    f"<td>{len(group)}</td></tr>")
    return ('<div class="scroll"><table><thead><tr><th>Outlet</th><th>Country</th><th>Owner</th>'
            f'<th>Articles</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _headlines(headlines: pd.DataFrame) -> str:
    cards = []
    for r in headlines.itertuples(index=False):
        cards.append(f'<div class="card"><div class="who">{_e(r.outlet)}</div><p class="head">{_e(r.headline)}</p>'
                     "</div>")
    return f'<div class="grid">{"".join(cards)}</div>'


def pick(statements: pd.DataFrame, n: int = PER_OUTLET) -> pd.DataFrame:
    """The statements of one outlet shown on the front page: the best of each kind first (in the order
    of the kinds), then the second of each, until ``n``."""
    ordered = statements.sort_values("rank")
    ordered = ordered.assign(_round=ordered.groupby("kind").cumcount())
    return ordered.sort_values(["_round", "rank"], kind="stable").head(n).drop(columns="_round")


def render_front_page(
    analysis,
    differences: pd.DataFrame,
    pages: Sequence,
    *,
    articles_dir: Path,
    has_side_by_side: bool,
    salience: str = "",
    has_teaching: bool = False,
) -> str:
    """HTML text of the front page.

    Parameters
    ----------
    analysis : framing.pipeline.Analysis
        The folder's analysis (articles, sentences, headlines, skipped and excluded articles).
    differences : DataFrame
        :func:`framing.compare.differences.differences`; the first :data:`PER_OUTLET` of each outlet
        are shown, in their rank.
    pages : sequence of framing.present.report.ReportPage
        The notebooks' pages, in reading order.
    articles_dir : Path
        The articles folder (its name is shown).
    has_side_by_side : bool
        Whether the evidence sentences can link to ``side-by-side.html``.
    salience : str
        One line on word salience (:func:`framing.compare.differences.salience_line`).
    has_teaching : bool
        Whether the class section links to the teaching pack (``teaching/``: lesson plan, worksheet,
        glossary, answer key, coding sheet).
    """
    articles = analysis.corpus.articles
    sentences = analysis.corpus.sentences
    text = dict(zip(sentences["sentence_id"], sentences["text"].astype(str)))
    outlet_of = dict(zip(sentences["sentence_id"], sentences["outlet"].astype(str)))
    events = [str(x) for x in articles.get("event", pd.Series(dtype=str)).fillna("") if str(x).strip()]
    event = events[0] if events else Path(articles_dir).name
    outlets = list(analysis.corpus.outlets)
    n_articles = len(articles)
    one_each = articles.groupby("outlet").size().max() == 1 if n_articles else True
    compared = ("Each outlet has one article here, so every statement compares these articles, not the outlets: "
                "another article of the same outlet may differ." if one_each else
                "Statements compare the outlets' articles in this folder.")

    notes = []
    skipped = analysis.tables.get("skipped")
    if skipped is not None and len(skipped):
        items = "".join(f"<li><code>{_e(r.file)}</code>: {_e(r.reason)}</li>" for r in skipped.itertuples())
        notes.append(f'<div class="note"><p>{_plural(len(skipped), "page")} of the folder could not be read and '
                     f"{'was' if len(skipped) == 1 else 'were'} left out (see <code>tables/skipped.csv</code>):</p>"
                     f"<ul>{items}</ul></div>")
    excluded = analysis.tables.get("excluded")
    if excluded is not None and len(excluded):
        ids = excluded.drop_duplicates("article_id")
        items = "".join(f"<li>{_e(r.outlet)} (<code>{_e(r.file)}</code>, {_e(r.language)})</li>"
                        for r in ids.itertuples())
        verb = "is" if len(ids) == 1 else "are"
        notes.append(f'<div class="note"><p>{_plural(len(ids), "article")} not in English {verb}'
                     " left out of the word-list measures (salience, hedging, sentiment); they are in the side-by-side "
                     f"view and in the comparison of facts:</p><ul>{items}</ul></div>")

    blocks = []
    for outlet in outlets:
        mine = pick(differences[differences["outlet"] == outlet])
        if mine.empty:
            blocks.append(f'<section class="outlet"><h3>{_e(outlet)}</h3><p>No difference from the other articles '
                          "could be stated from these texts.</p></section>")
            continue
        items = []
        for r in mine.itertuples(index=False):
            items.append(f'<li><p class="statement">{_e(r.statement)}</p>'
                         f'{_evidence(r.evidence, text, outlet_of, link=has_side_by_side)}</li>')
        blocks.append(f'<section class="outlet"><h3>{_e(outlet)}</h3><ol class="differences">{"".join(items)}</ol>'
                      "</section>")
    if len(outlets) < 2:
        blocks = ["<p>The folder has one outlet: there is nothing to compare it with.</p>"]

    reports = []
    for page in pages:
        summary = f'<p class="summary">{_e(page.summary)}</p>' if page.summary else ""
        reports.append(f'<li><h3><a href="{_e(page.full)}">{_e(page.title)}</a></h3>{summary}'
                       f'<p class="links"><a href="{_e(page.full)}">For analysts (with code)</a> · '
                       f'<a href="{_e(page.student)}">For students (no code)</a></p></li>')
    side = (f'<p class="side"><a href="{SIDE_BY_SIDE}">The articles side by side, every cue highlighted</a></p>'
            f'<p class="side"><a href="{ALIGNED}">The articles lined up fact by fact: what each tells and leaves out'
            '</a></p>' if has_side_by_side else "")
    lesson = """<ol class="lesson">
<li><strong>5 minutes:</strong> read the headlines above aloud. Who does each one make act? Which words judge?</li>
<li><strong>10 minutes:</strong> in pairs, read the first two differences of each outlet and find the sentences in
the side-by-side view.</li>
<li><strong>10 minutes:</strong> what does each outlet leave out that the others report? Would a reader of one
article miss it?</li>
<li><strong>10 minutes:</strong> the same remark in different words: which choice of word changes its meaning?</li>
<li><strong>10 minutes:</strong> discuss: which of these choices could be the reporter's, the editor's or the
translator's? What would you need to know to tell?</li>
</ol>"""
    if has_teaching:
        folder = TEACHING.rsplit("/", 1)[0]
        lesson += (f'<p class="side">To print for the class: <a href="{TEACHING}">lesson plan</a> · '
                   f'<a href="{folder}/worksheet.html">worksheet</a> · <a href="{folder}/glossary.html">glossary</a> · '
                   f'<a href="{folder}/answer-key.html">answer key</a> (for the teacher) · '
                   f'<a href="{folder}/coding-sheet.html">frame coding sheet</a>.</p>'
                   '<p>A follow-up lesson: students code the frame of each article by hand (the coding sheet, or the '
                   'frame-coding notebook, which saves their answers) and then measure how far they agree (the '
                   'coder-agreement notebook).</p>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{_e(event)}: how the outlets frame it</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; line-height: 1.5;
  color: #1a1a1a; background: #fff; max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem; }}
h1 {{ font-size: 1.8rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.35rem; margin: 2rem 0 .5rem; border-top: 2px solid #222; padding-top: .6rem; }}
h3 {{ font-size: 1.1rem; margin: 1rem 0 .3rem; }}
.source, .compared {{ color: #444; margin: 0 0 1rem; }}
.scroll {{ overflow-x: auto; max-width: 100%; }}
table {{ border-collapse: collapse; }} th, td {{ text-align: left; padding: .25rem .6rem; border-bottom: 1px solid #ddd;
  vertical-align: top; }}
.grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .8rem; }}
.card {{ border-top: 4px solid #444; padding: .3rem 0; }} .who {{ font-weight: 600; font-size: .9rem; color: #444; }}
.head {{ font-family: Georgia, "Times New Roman", serif; font-size: 1.1rem; margin: .2rem 0; }}
ol.differences {{ padding-left: 1.3rem; }} ol.differences > li {{ margin: 0 0 .8rem; }}
.statement {{ margin: 0 0 .2rem; }}
ul.evidence {{ list-style: none; margin: 0; padding: 0 0 0 .8rem; border-left: 3px solid #bbb; color: #333;
  font-family: Georgia, "Times New Roman", serif; font-size: .95rem; }}
.sid {{ font-family: system-ui, sans-serif; font-size: .8rem; font-weight: 600; color: #555; margin-right: .3rem; }}
a.sid {{ color: #0b5cad; }}
.note {{ background: #fff6e0; border-left: 4px solid #b8860b; padding: .4rem .8rem; margin: .6rem 0; }}
ol.reports {{ list-style: none; padding: 0; }} ol.reports li {{ border-top: 1px solid #ddd; padding: .6rem 0; }}
.summary, .links {{ margin: 0 0 .2rem; }} .side {{ font-weight: 600; }}
a {{ color: #0b5cad; }}
@media print {{ a {{ color: inherit; text-decoration: none; }} .links {{ display: none; }} }}
</style>
</head>
<body>
<main>
<h1>{_e(event)}</h1>
<p class="source">{_plural(len(outlets), "outlet")}, {_plural(n_articles, "article")}, from the folder
<code>{_e(Path(articles_dir).name)}</code>.</p>
{"".join(notes)}
<h2>The outlets</h2>
{_outlets_table(articles)}
<h2>The headlines</h2>
{_headlines(analysis.tables["headlines"]) if "headlines" in analysis.tables else ""}
<h2>How the articles differ</h2>
<p class="compared">{_e(compared)} Each statement describes what the text does; it says nothing about why. The sentences
under it are the evidence{", linked to their place in the side-by-side view" if has_side_by_side else ""}.</p>
{"".join(blocks)}
<p class="compared">{_e(salience)}</p>
<h2>The reports, in reading order</h2>
{side}
<ol class="reports">{"".join(reports)}</ol>
<h2>A 45-minute class with these articles</h2>
{lesson}
</main>
</body>
</html>
"""
