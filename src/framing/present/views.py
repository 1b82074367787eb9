"""Small, escaped HTML views of the corpus for notebooks and reports.

Article text is untrusted: every piece of it goes through :func:`html.escape`
before it is put into markup.  The functions return strings; wrap them in
``IPython.display.HTML`` to show them in a notebook.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from framing.load.corpus import Corpus

_COLUMNS_CSS = (
    "display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:1.2em;"
    "font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:1.5"
)


def outlet_table(corpus: Corpus) -> pd.DataFrame:
    """One row per article: ``outlet, country, ownership, published, headline, n_sentences, n_tokens``."""
    cols = ["outlet", "country", "ownership", "published", "headline", "n_sentences", "n_tokens"]
    return corpus.articles[cols].reset_index(drop=True)


def removed_lines(corpus: Corpus) -> pd.DataFrame:
    """Every non-empty raw line that is not article text: ``outlet, line_no, role, reason, text``."""
    lines = corpus.lines[~corpus.lines["is_body"] & ~corpus.lines["role"].isin(["headline", "blank"])]
    outlets = corpus.articles.set_index("article_id")["outlet"]
    out = lines.assign(outlet=lines["article_id"].map(outlets))
    return out[["outlet", "line_no", "role", "reason", "text"]].reset_index(drop=True)


def role_counts(corpus: Corpus) -> pd.DataFrame:
    """Lines per role and outlet (a wide table: one column per outlet)."""
    outlets = corpus.articles.set_index("article_id")["outlet"]
    lines = corpus.lines[corpus.lines["role"] != "blank"]
    table = pd.crosstab(lines["role"], lines["article_id"].map(outlets))
    return table[[o for o in corpus.outlets if o in table.columns]]


def articles_side_by_side(corpus: Corpus, *, limit: int | None = None) -> str:
    """The cleaned articles in columns, headline on top, one paragraph per body line (escaped HTML).

    ``limit`` caps the number of articles, shared among the outlets: the first of each outlet in
    the order of ``articles.csv`` (:func:`framing.present.explore.cap_rows`); when articles are left out, a
    note under the columns says how many and links the full reading view, ``side-by-side.html`` of
    the built reports (:func:`framing.present.explore.cap_note`).  ``None`` shows every article.
    """
    from framing.present.explore import cap_note, cap_rows
    from framing.present.report import SIDE_BY_SIDE_PAGE

    articles = corpus.articles if limit is None else cap_rows(corpus.articles, limit=limit, each=["outlet"])
    parts = [f'<div style="{_COLUMNS_CSS}">']
    for art in articles.itertuples(index=False):
        lines = corpus.lines[corpus.lines["article_id"] == art.article_id]
        head = lines[lines["role"] == "headline"]["text"]
        headline = head.iloc[0] if len(head) else (art.headline or "(no headline)")
        parts.append('<article style="border-top:4px solid #444;padding-top:.4em">')
        parts.append(f'<div style="font:600 13px system-ui,sans-serif;color:#555">{escape(art.outlet)}'
                     f" · {escape(art.published)}</div>")
        parts.append(f'<h3 style="margin:.3em 0 .6em">{escape(headline)}</h3>')
        for text in lines[lines["is_body"]]["text"]:
            parts.append(f'<p style="margin:0 0 .7em">{escape(text)}</p>')
        parts.append("</article>")
    parts.append("</div>")
    parts.append(cap_note(len(articles), len(corpus.articles), what="articles", full=SIDE_BY_SIDE_PAGE,
                          each=["outlet"], html=True))
    return "".join(parts)


def _mark_words(text: str, words: set[str]) -> str:
    """``text`` escaped, with every whole word in ``words`` (lower case) wrapped in ``<mark>``."""
    import re

    out, last = [], 0
    for m in re.finditer(r"[^\W_]+(?:['\u2019\-][^\W_]+)*", text):
        word = m.group().lower().replace("\u2019", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word in words:
            out.append(escape(text[last : m.start()]))
            out.append(f"<mark>{escape(m.group())}</mark>")
            last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def renderings_html(renderings: pd.DataFrame, *, units: pd.DataFrame | None = None) -> str:
    """The same remark in each outlet's words, side by side, with the words no other outlet uses for
    it highlighted (escaped HTML).

    ``renderings`` is ``renderings.csv`` (:func:`framing.measures.alignment.renderings`); ``units``
    (``units.csv``) adds each unit's label as a heading.  An empty table gives a one-line note.
    """
    if renderings.empty:
        return "<p>No remark is told as speech by two or more outlets in this folder.</p>"
    label = dict(zip(units["unit_id"], units["label"])) if units is not None else {}
    parts = []
    for unit, group in renderings.groupby("unit_id", sort=True):
        parts.append('<section style="margin:0 0 1.2em">')
        heading = f"{unit}: {label[unit]}" if unit in label else unit
        parts.append(f'<div style="font:600 13px system-ui,sans-serif;color:#555">{escape(heading)}</div>')
        parts.append(f'<div style="{_COLUMNS_CSS}">')
        for r in group.itertuples(index=False):
            own = {w for w in str(r.own_words).split(", ") if w}
            parts.append('<div style="border-top:3px solid #444;padding-top:.3em">')
            parts.append(f'<div style="font:600 13px system-ui,sans-serif">{escape(str(r.outlet))}</div>')
            parts.append(f"<p style=\"margin:.3em 0\">{_mark_words(str(r.text), own)}</p>")
            parts.append("</div>")
        parts.append("</div></section>")
    parts.append('<p style="font:13px system-ui,sans-serif;color:#555">Highlighted: words this outlet uses '
                 "for the remark and no other outlet's rendering of it uses.</p>")
    return "".join(parts)
