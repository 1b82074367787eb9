"""Tables and widgets for exploring the evidence behind the cue and sentiment measures in a notebook.

Every function here either returns a tidy pandas DataFrame (to be displayed as it is, so pandas
escapes the article text) or HTML built with every piece of article text passed through
:func:`html.escape`.  Article text is untrusted: nothing here puts it into a page unescaped.

The functions take the tables they read (keyword-only), not the whole analysis: a notebook or the
report build passes ``cues``, ``sentences``, ``texts`` and so on as it has them.  The interactive
:func:`evidence_explorer` needs a running kernel; a page exported to HTML keeps no widget state, so a
notebook that shows the explorer follows it with :func:`explorer_table`, the same evidence for one
default choice as a plain table.  :func:`explorer`, :func:`explorer_static` and
:func:`reading_view_excerpt` take a :class:`framing.pipeline.Analysis` and hand its tables on.

A table that grows with the articles folder is shown through :func:`capped_view`: at most a set
number of rows, chosen by a rule the note under the table states in plain words, with a link to the
full table that the report build writes into ``tables/`` of the reports folder.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape as _escape
from typing import TYPE_CHECKING, Literal

from framing.core.vocabulary import CATEGORIES, NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, CueCategory
from framing.load.text import drop_invisible

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from IPython.display import HTML

Category = Literal[CueCategory, "term"]
EXPLORER_CATEGORIES: tuple[str, ...] = (*CATEGORIES, "term")
EVIDENCE_COLUMNS = [
    "outlet",
    "sentence_id",
    "category",
    "subcategory",
    "voice",
    "term",
    "left",
    "match",
    "right",
]
SHORT_QUOTE_COLUMNS = [
    "outlet",
    "article_id",
    "sentence_id",
    "role",
    "start",
    "end",
    "quote",
    "n_words",
    "reporting_verbs",
    "counted_as_scare_quote",
    "sentence",
]
DRIVER_COLUMNS = ["outlet", "rank", "word", "direction", "n_occurrences", "mean_valence", "total_valence"]
EXTREME_COLUMNS = ["outlet", "which", "sentence_id", "voice", "compound", "drivers", "text"]
EXAMPLE_COLUMNS = ["text", "compound", "label", "drivers"]

_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_TERM_CHOICES = 40
_EXPLORER_ROWS = 100  # lines the explorer draws at once; the note under them gives the rest


# --------------------------------------------------------------------------- cue evidence


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def cue_evidence(
    cues: pd.DataFrame,
    sentences: pd.DataFrame,
    texts: dict[str, str],
    *,
    tokens: pd.DataFrame | None = None,
    outlet: str | None = None,
    category: Category = "hedge",
    term: str | None = None,
    width: int = 60,
) -> pd.DataFrame:
    """Keyword-in-context lines for the cues (or a salience term) of one choice.

    Parameters
    ----------
    cues : DataFrame
        Output of :func:`framing.measures.cues.find_cues`.
    sentences : DataFrame
        ``Corpus.sentences`` (``article_id, outlet, sentence_id, start, end, text``).
    texts : dict
        article_id -> raw text.
    tokens : DataFrame, optional
        ``Corpus.tokens``; needed only for ``category="term"``.
    outlet : str, optional
        Keep only this outlet; ``None`` keeps all.
    category : {"hedge", "booster", "distancing", "attribution", "scare_quote", "term"}
        A cue category, or ``"term"`` to find every occurrence of ``term`` in the tokens (as the
        salience tables count it, :func:`framing.measures.evidence.find_term`).
    term : str, optional
        For a cue category: keep only cues with this lexicon lemma (``cues.term``); ``None`` keeps
        every cue of the category.  For ``"term"``: the lower-case term to find; ``None`` gives an
        empty table.
    width : int
        Characters of context on each side (never beyond the sentence).

    Returns
    -------
    DataFrame
        One row per occurrence, in text order (article, start), with columns ``outlet, sentence_id,
        category, subcategory, voice, term, left, match, right``.  ``match`` is the raw text that
        was counted; ``voice`` is ``"quoted"`` inside quotation marks and ``"authorial"`` outside.
    """
    import pandas as pd

    from framing.measures.evidence import find_term, kwic

    if category not in EXPLORER_CATEGORIES:
        raise ValueError(f"category must be one of {EXPLORER_CATEGORIES}, not {category!r}")
    if category == "term":
        if term is None or not str(term).split():
            return _empty(EVIDENCE_COLUMNS)
        if tokens is None:
            raise ValueError("category='term' needs the token table")
        spans = find_term(tokens, str(term))
        voice = tokens.set_index(["article_id", "start"])["voice"]
        keys = list(zip(spans["article_id"], spans["start"]))
        spans = spans.assign(
            category="term", subcategory="", term=str(term), voice=[voice.get(k, "") for k in keys]
        )
    else:
        spans = cues[cues["category"] == category]
        if term is not None:
            spans = spans[spans["term"] == term]
    if outlet is not None:
        spans = spans[spans["article_id"].isin(set(sentences.loc[sentences["outlet"] == outlet, "article_id"]))]
    if spans.empty:
        return _empty(EVIDENCE_COLUMNS)
    spans = spans.drop(columns=[c for c in ("outlet", "sentence_id", "cue") if c in spans.columns])
    lines = kwic(sentences, texts, spans, width=width)
    out = lines[EVIDENCE_COLUMNS].reset_index(drop=True)
    return pd.DataFrame(out)


def evidence_html(evidence: pd.DataFrame, *, empty_message: str = "No evidence for this choice.") -> str:
    """An HTML table of keyword-in-context lines, every piece of text escaped.

    Parameters
    ----------
    evidence : DataFrame
        Output of :func:`cue_evidence` (at least ``outlet, voice, left, match, right``; ``term``
        and ``category`` are shown when present).
    empty_message : str
        Shown (escaped) when the table has no rows.

    Returns
    -------
    str
        ``<table>`` with one row per line: outlet, voice, and the context with the counted words
        in ``<mark>``.  Each cell's text goes through :func:`html.escape`, so markup in an article
        is shown as text, never run.
    """
    esc = html.escape
    if evidence.empty:
        return f"<p><em>{esc(empty_message)}</em></p>"
    head = "<tr><th>outlet</th><th>what</th><th>voice</th><th style='text-align:left'>in context</th></tr>"
    rows = []
    for rec in evidence.to_dict("records"):
        what = " / ".join(esc(str(rec.get(c, "") or "")) for c in ("category", "term") if rec.get(c))
        line = f"{esc(str(rec['left']))}<mark>{esc(str(rec['match']))}</mark>{esc(str(rec['right']))}"
        rows.append(
            f"<tr><td>{esc(str(rec['outlet']))}</td><td>{what}</td><td>{esc(str(rec['voice']))}</td>"
            f"<td style='text-align:left'>{line}</td></tr>"
        )
    return f"<table class='framing-evidence'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def term_choices(
    cues: pd.DataFrame,
    terms: pd.DataFrame | None,
    *,
    category: Category,
    outlet: str | None = None,
    limit: int = _TERM_CHOICES,
) -> list[str]:
    """The terms offered for a category (and outlet) in the explorer.

    For a cue category: the distinct lexicon lemmas of the cues found, most frequent first (ties
    alphabetical).  For ``"term"``: the salience terms the outlet (or any outlet) used with the
    highest weighted log-odds z (``terms.log_odds_z``, higher = more typical of the outlet), at
    most ``limit`` of them.
    """
    if category == "term":
        if terms is None or terms.empty:
            return []
        rows = terms[(terms["count"] > 0) & terms["log_odds_z"].notna()]
        if outlet is not None:
            rows = rows[rows["outlet"] == outlet]
        rows = rows.sort_values(["log_odds_z", "term"], ascending=[False, True], kind="stable")
        return list(dict.fromkeys(rows["term"].astype(str)))[:limit]
    rows = cues[cues["category"] == category]
    if outlet is not None:
        rows = rows[rows["outlet"] == outlet]
    counts = rows.groupby("term").size().reset_index(name="n")
    counts = counts.sort_values(["n", "term"], ascending=[False, True], kind="stable")
    return [str(t) for t in counts["term"]][:limit]


def explorer_table(
    *,
    cues: pd.DataFrame,
    sentences: pd.DataFrame,
    texts: dict[str, str],
    tokens: pd.DataFrame | None = None,
    terms: pd.DataFrame | None = None,
    outlet: str | None = None,
    category: Category = "hedge",
    term: str | None = None,
) -> pd.DataFrame:
    """The evidence the :func:`evidence_explorer` shows for one choice, as a plain table.

    A page exported to HTML keeps no widget state, so show this after the explorer.

    Parameters
    ----------
    cues : DataFrame
        ``cues.csv`` (:func:`framing.measures.cues.find_cues`).
    sentences, texts, tokens : DataFrame, dict, DataFrame
        ``Corpus.sentences``, ``Corpus.texts`` and ``Corpus.tokens`` (tokens needed only for
        ``category="term"``).
    terms : DataFrame, optional
        ``terms.csv`` (:mod:`framing.measures.salience`): with ``category="term"`` and no ``term``,
        the outlet's most typical term (:func:`term_choices`) is used; without it, no term.
    outlet, category, term
        As in :func:`cue_evidence`.

    Returns
    -------
    DataFrame
        Columns ``outlet, sentence_id, category, subcategory, voice, term, left, match, right``.
    """
    if category == "term" and term is None:
        choices = term_choices(cues, terms, category="term", outlet=outlet)
        term = choices[0] if choices else None
    return cue_evidence(cues, sentences, texts, tokens=tokens, outlet=outlet, category=category, term=term)


def _explorer_tables(analysis) -> dict:
    """The tables of an analysis that :func:`explorer_table` and :func:`evidence_explorer` read."""
    c = analysis.corpus
    return {"cues": analysis["cues"], "sentences": c.sentences, "texts": c.texts, "tokens": c.tokens,
            "terms": analysis.tables.get("terms")}


def explorer_static(
    analysis, *, outlet: str | None = None, category: Category = "hedge", term: str | None = None
) -> pd.DataFrame:
    """:func:`explorer_table` of an analysis: its cues and terms, and its corpus's sentences, texts and tokens.

    Kept for notebooks that pass the whole :class:`framing.pipeline.Analysis`; new code calls
    :func:`explorer_table` with the tables it has.
    """
    return explorer_table(**_explorer_tables(analysis), outlet=outlet, category=category, term=term)


_STATIC_NOTE = "[Evidence explorer: its menus appear when this notebook runs in JupyterLab.]"


def _explorer_box_class():
    """``ipywidgets.VBox`` whose plain-text form (shown in saved pages) says what is missing."""
    import ipywidgets as w

    class ExplorerBox(w.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            if isinstance(bundle, dict):
                bundle["text/plain"] = _STATIC_NOTE
            return bundle

    return ExplorerBox


def evidence_explorer(
    *,
    cues: pd.DataFrame,
    sentences: pd.DataFrame,
    texts: dict[str, str],
    tokens: pd.DataFrame | None = None,
    terms: pd.DataFrame | None = None,
    outlets: Sequence[str] | None = None,
):
    """An interactive evidence browser: outlet, category and term -> keyword-in-context lines.

    Parameters
    ----------
    cues, sentences, texts, tokens, terms
        As in :func:`explorer_table` (without ``tokens`` the ``"term"`` category finds nothing;
        without ``terms`` it offers no term).
    outlets : sequence of str, optional
        The outlets offered, in this order; by default those of ``sentences`` in their order
        there (the order of ``articles.csv``).

    Returns
    -------
    ipywidgets.VBox
        Three dropdowns (``outlet``: an outlet or all; ``category``: a cue category or ``"term"``;
        ``term``: filled from the cues of that category, or from the salience terms) above an
        ``ipywidgets.Output`` holding :func:`evidence_html` of :func:`explorer_table`, at most 100
        lines of it shared among the outlets (:func:`cap_rows`) and :func:`cap_note` under them when
        lines were left out.  The widgets are also reachable as attributes ``outlet``, ``category``,
        ``term`` and ``output`` of the returned box.  Changing a dropdown redraws the output.
    """
    import ipywidgets as w

    _ExplorerBox = _explorer_box_class()
    outlets = list(dict.fromkeys(sentences["outlet"])) if outlets is None else list(outlets)
    outlet = w.Dropdown(options=[("all outlets", None), *[(o, o) for o in outlets]], value=None,
                        description="Outlet")
    category = w.Dropdown(options=list(EXPLORER_CATEGORIES), value="hedge", description="Category")
    term = w.Dropdown(options=[("(all)", None)], value=None, description="Term")
    output = w.Output()

    def refill(_change=None):
        choices = term_choices(cues, terms, category=category.value, outlet=outlet.value)
        first = [] if category.value == "term" else [("(all)", None)]
        options = first + [(t, t) for t in choices]
        term.options = options or [("(none found)", None)]
        term.value = options[0][1] if options else None
        redraw()

    def redraw(_change=None):
        if category.value == "term" and (tokens is None or term.value is None):
            table = _empty(EVIDENCE_COLUMNS)
        else:
            table = explorer_table(cues=cues, sentences=sentences, texts=texts, tokens=tokens, terms=terms,
                                   outlet=outlet.value, category=category.value, term=term.value)
        shown = cap_rows(table, limit=_EXPLORER_ROWS, each=["outlet"])
        note = cap_note(len(shown), len(table), what="lines", full="sentences" if category.value == "term" else "cues",
                        each=["outlet"], html=True)
        caption = f"<p>{len(table)} line(s).</p>"
        output.outputs = (
            {"output_type": "display_data", "metadata": {},
             "data": {"text/html": caption + evidence_html(shown) + note, "text/plain": f"{len(table)} line(s)"}},
        )

    outlet.observe(refill, names="value")
    category.observe(refill, names="value")
    term.observe(redraw, names="value")
    refill()
    box = _ExplorerBox([w.HBox([outlet, category, term]), output])
    box.outlet, box.category, box.term, box.output = outlet, category, term, output
    return box


def explorer(analysis):
    """:func:`evidence_explorer` of an analysis, offering the outlets of its corpus.

    Kept for notebooks that pass the whole :class:`framing.pipeline.Analysis`; new code calls
    :func:`evidence_explorer` with the tables it has.
    """
    return evidence_explorer(**_explorer_tables(analysis), outlets=analysis.corpus.outlets)


def table_view(table: pd.DataFrame, *, precision: int = 2):
    """A table for reading: text left-aligned, every cell HTML-escaped, keyword-in-context lines lined up.

    Parameters
    ----------
    table : DataFrame
        Any table; columns named ``left``, ``match`` and ``right`` (as from :func:`cue_evidence` or
        :func:`framing.measures.evidence.kwic`) are aligned so the matches form one column: ``left``
        right-aligned, ``match`` bold.  Columns of running text (more than 50 characters a cell on
        average) are at least 14 em wide, so a table with one text column per outlet grows wider
        (and scrolls in its box) instead of wrapping each cell to a word a line.
    precision : int
        Decimals shown for floats (the data are not changed).

    Returns
    -------
    pandas.io.formats.style.Styler
        Renders as HTML in a notebook; ``.format(escape="html")`` escapes every cell (and
        ``.format_index`` every column name), so markup in article text is shown as text.  The
        index is hidden.  The HTML (``to_html``, and so the notebook and the exported pages) puts
        the table in a box of its own (:data:`SCROLL_BOX`): a table wider than the page scrolls
        sideways inside that box instead of running off the page.
    """
    from pandas.api.types import is_numeric_dtype

    text_cols = [c for c in table.columns if not is_numeric_dtype(table[c]) or table[c].dtype == bool]
    import hashlib

    from pandas.util import hash_pandas_object

    # A stable id (from the table's content, not random), so that the same table renders to the same bytes.
    digest = hashlib.sha1(hash_pandas_object(table, index=True).to_numpy().tobytes())
    digest.update("\x1f".join(map(str, table.columns)).encode("utf-8"))
    styler = _scrolling_styler()(table).set_uuid(f"fr{digest.hexdigest()[:10]}")
    styler = styler.format(escape="html", precision=precision, na_rep="").hide(axis="index")
    styler = styler.format_index(escape="html", axis=1)
    styler = styler.set_properties(subset=text_cols, **{"text-align": "left", "vertical-align": "top"})
    # Columns of running text (sentences, quotations) keep a readable width when a table has many of them
    # (one per outlet): the table then grows wider and scrolls in its box, rather than squeezing each column
    # to a word a line.
    prose = [c for c in text_cols if table[c].dropna().astype(str).str.len().mean() > 50]
    if prose:
        styler = styler.set_properties(subset=prose, **{"min-width": "14em"})
    if "left" in table.columns:
        styler = styler.set_properties(subset=["left"], **{"text-align": "right"})
    if "match" in table.columns:
        styler = styler.set_properties(subset=["match"], **{"font-weight": "bold", "white-space": "nowrap"})
    return styler.set_table_styles([{"selector": "th", "props": "text-align: left; vertical-align: bottom;"}])


SCROLL_BOX = "overflow-x:auto;max-width:100%"
"""Style of the box around a table on a page: at most as wide as the page, scrolling sideways beyond."""


def scroll_box(table_html: str) -> str:
    """``table_html`` in a ``<div class="framing-table">`` that scrolls sideways when wider than the page."""
    return f'<div class="framing-table" style="{SCROLL_BOX}">{table_html}</div>'


@functools.cache
def _scrolling_styler():
    """A pandas Styler class whose HTML sits in a :func:`scroll_box` (made on first use: pandas loads only then)."""
    from pandas.io.formats.style import Styler

    class ScrollingStyler(Styler):
        """A Styler whose ``to_html`` text (and so its notebook display) is wrapped in a scrolling box."""

        def to_html(self, *args, **kwargs):
            out = super().to_html(*args, **kwargs)
            return scroll_box(out) if isinstance(out, str) else out

    return ScrollingStyler


# --------------------------------------------------------------------------- capped tables

ROWS_SHOWN = 40
"""Rows of an evidence table a page shows by default: ten per outlet when four outlets are compared."""

REPORT_TABLES: tuple[str, ...] = (
    "articles", "lines", "sentences", "terms", "cues", "cue_rates", "sentiment", "sentiment_drivers",
    "actor_sentiment", "summary", "units", "unit_sentences", "coverage", "renderings", "headlines", "skipped",
    "excluded", "quotes", "sources", "differences",
)
"""Tables the report build writes as ``tables/<name>.csv``, named as ``framing analyze`` names them."""

Order = Literal["reading", "strongest"]


def cap_rows(
    table: pd.DataFrame,
    *,
    limit: int = ROWS_SHOWN,
    order: Order = "reading",
    by: str | None = None,
    each: Sequence[str] = (),
) -> pd.DataFrame:
    """At most ``limit`` rows of a table, chosen by a stated rule and kept in the table's own order.

    Parameters
    ----------
    table : DataFrame
        Any table.  Its row order is its reading order: the evidence tables of this package come
        sorted by article and position in the text.
    limit : int
        Most rows kept, at least 1.
    order : {"reading", "strongest"}
        ``"reading"``: the first rows in the table's order.  ``"strongest"``: the rows with the
        largest ``|by|`` (a score far from 0 either way; ties in table order, missing values last).
    by : str, optional
        Numeric column that ranks the rows; required for ``order="strongest"``.
    each : sequence of str
        Columns whose combinations share the rows (e.g. ``["outlet"]``): rows are taken in rounds,
        one per group and round in the order of the rule, so every group gets about
        ``limit / n_groups`` rows, or all it has when it has fewer (the others take the rest).
        Empty: the first ``limit`` rows by the rule.

    Returns
    -------
    DataFrame
        The kept rows with their index labels, in the order they have in ``table``;
        ``table`` itself when it has at most ``limit`` rows.
    """
    import numpy as np
    import pandas as pd

    if limit < 1:
        raise ValueError("limit must be at least 1")
    if order not in ("reading", "strongest"):
        raise ValueError(f"order must be 'reading' or 'strongest', not {order!r}")
    if order == "strongest" and (by is None or by not in table.columns):
        raise ValueError(f"order='strongest' needs a numeric column of the table as `by`, not {by!r}")
    if len(table) <= limit:
        return table
    strength = np.zeros(len(table)) if by is None or order == "reading" else -table[by].abs().to_numpy(float)
    work = pd.DataFrame({c: table[c].to_numpy() for c in each})
    work = work.assign(_key=np.nan_to_num(strength, nan=np.inf), _pos=np.arange(len(table)))
    work = work.sort_values(["_key", "_pos"], kind="stable")
    rounds = work.groupby(list(each), sort=False, dropna=False).cumcount() if each else np.arange(len(work))
    kept = work.assign(_round=rounds).sort_values(["_round", "_key", "_pos"], kind="stable")["_pos"]
    return table.iloc[np.sort(kept.to_numpy()[:limit])]


def _in_words(columns: Sequence[str]) -> str:
    """Column names as plain words: ``["actor", "outlet"]`` -> ``"actor and outlet"``."""
    names = [str(c).replace("_", " ") for c in columns]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _full_paths(full: str | Sequence[str] | None) -> list[str]:
    """Paths, relative to a report page, of the tables or pages that hold every row."""
    from framing.present.report import TABLES_FOLDER

    names = [full] if isinstance(full, str) else list(full or ())
    paths = []
    for name in names:
        if name.endswith(".html") and "/" not in name:
            paths.append(name)
        elif name in REPORT_TABLES:
            paths.append(f"{TABLES_FOLDER}/{name}.csv")
        else:
            raise ValueError(f"{name!r} is neither one of the report tables {REPORT_TABLES} nor a page name")
    return paths


def cap_note(
    n_shown: int,
    n_total: int,
    *,
    what: str,
    full: str | Sequence[str] | None,
    order: Order = "reading",
    by: str | None = None,
    each: Sequence[str] = (),
    html: bool = False,
) -> str:
    """The note under a capped table: how many rows it shows, which ones, and where the rest are.

    Parameters
    ----------
    n_shown, n_total : int
        Rows shown and rows of the whole table.
    what : str
        What one row is, in the plural and in plain words (``"sentences"``, ``"removed lines"``).
    full : str or sequence of str or None
        Where every row is: names of report tables (``"sentiment"`` -> ``tables/sentiment.csv``,
        see :data:`REPORT_TABLES`) or of pages of the reports folder (``"side-by-side.html"``).
    order, by, each
        The rule of :func:`cap_rows` that chose the rows, said in words.
    html : bool
        ``False``: plain text.  ``True``: a ``<p class="framing-cap-note">`` with every piece of
        text escaped and each file name a link relative to the page (pages and the tables folder
        sit side by side in the reports folder; a notebook opened in JupyterLab has no such folder,
        hence "in the built reports").

    Returns
    -------
    str
        ``""`` when nothing was left out (``n_shown >= n_total``); otherwise, for example,
        "Showing 40 of 14,658 sentences, the strongest of each outlet (largest compound, negative or
        positive). The full table is tables/sentiment.csv in the built reports."
    """
    paths = _full_paths(full)
    if n_shown >= n_total:
        return ""
    groups = f" of each {_in_words(each)}" if each else ""
    if order == "strongest":
        which = f"the strongest{groups} (largest {_in_words([by or 'value'])}, negative or positive)"
    else:
        which = f"the first{groups} in reading order"
    first = f"Showing {n_shown:,} of {n_total:,} {what}, {which}."
    if not paths:
        return first if not html else f'<p class="framing-cap-note">{_html_text(first)}</p>'
    noun = "page" if all(p.endswith(".html") for p in paths) else "table"
    verb = f"{noun} is" if len(paths) == 1 else f"{noun}s are"
    shown = [f'<a href="{_escape(p, quote=True)}">{_escape(p)}</a>' for p in paths] if html else paths
    second = f"The full {verb} {_in_words(shown)} in the built reports."
    if not html:
        return f"{first} {second}"
    return (f'<p class="framing-cap-note" style="font-style:italic;color:#444;margin:.4em 0 1em">'
            f"{_html_text(first)} {second}</p>")


def _html_text(text: str) -> str:
    return _escape(text, quote=False)


@dataclass(frozen=True, eq=False)
class CappedView:
    """A table for a page with at most a set number of rows, and the note saying what was left out.

    Shown in a notebook (and in the exported pages) as :func:`table_view` of ``shown`` followed by
    ``note_html``.

    Attributes
    ----------
    shown : DataFrame
        The rows shown (:func:`cap_rows`).
    n_total : int
        Rows of the whole table.
    note : str
        Plain-text note (:func:`cap_note`), ``""`` when every row is shown.
    note_html : str
        The same note as escaped HTML with links.
    precision : int
        Decimals shown for floats.
    """

    shown: pd.DataFrame
    n_total: int
    note: str
    note_html: str
    precision: int = 2

    def to_html(self) -> str:
        """The table (every cell escaped) and the note, as HTML."""
        return table_view(self.shown, precision=self.precision).to_html() + self.note_html

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return self.shown.to_string(index=False) + (f"\n{self.note}" if self.note else "")


def capped_view(
    table: pd.DataFrame,
    *,
    what: str,
    full: str | Sequence[str] | None,
    limit: int = ROWS_SHOWN,
    order: Order = "reading",
    by: str | None = None,
    each: Sequence[str] = (),
    precision: int = 2,
) -> CappedView:
    """Show at most ``limit`` rows of an evidence table, with a note and a link when rows are left out.

    A table that grows with the articles folder (sentences, cues, keyword-in-context lines) would
    make a page of many megabytes; this keeps a page small and says so in plain words under the
    table: "Showing 40 of 5,026 cues, the first of each outlet and category in reading order. The
    full table is tables/cues.csv in the built reports."  Every cell is escaped (:func:`table_view`).

    Parameters
    ----------
    table : DataFrame
        The evidence table, in reading order.
    what, full
        What a row is and where every row can be found (see :func:`cap_note`).
    limit, order, by, each
        How many rows and which (see :func:`cap_rows`).
    precision : int
        Decimals shown for floats (the data are not changed).

    Returns
    -------
    CappedView
        Renders as the table followed by the note (no note when every row fits).
    """
    shown = cap_rows(table, limit=limit, order=order, by=by, each=each)
    rule = {"what": what, "full": full, "order": order, "by": by, "each": each}
    return CappedView(shown, len(table), cap_note(len(shown), len(table), **rule),
                      cap_note(len(shown), len(table), **rule, html=True), precision)


# --------------------------------------------------------------------------- quotations


def short_quotes(
    quotes: pd.DataFrame, sentences: pd.DataFrame, cues: pd.DataFrame, *, max_words: int = 4
) -> pd.DataFrame:
    """Every short quotation, and whether the cue finder counted it as a scare quote.

    A scare quote (:func:`framing.measures.cues.find_cues`) is a quotation of 1-4 words that nobody in its
    sentence is said to have spoken and whose words are not taken from an attributed quotation of
    the same article.  This table lists *all* quotations of 1 to ``max_words`` words, so a reader
    can check the ones that were not counted (partial quotes of a speaker) as well as those that were.

    Parameters
    ----------
    quotes : DataFrame
        ``Corpus.quotes``: ``article_id, start, end, text`` (marks included).
    sentences : DataFrame
        ``Corpus.sentences``.
    cues : DataFrame
        Output of :func:`framing.measures.cues.find_cues`.
    max_words : int
        Longest quotation listed, in words (runs of letters and digits, apostrophes and hyphens
        inside a word kept).

    Returns
    -------
    DataFrame
        One row per short quotation, sorted by article and start, with columns

        - ``outlet, article_id, sentence_id, role``: where it is (``role`` = headline / body ...).
        - ``start, end, quote, n_words``: the span (raw offsets) and its text.
        - ``reporting_verbs``: the authorial reporting verbs of the same sentence
          (``"said, told"``), ``""`` when there are none; a reporting verb attributes the quote.
        - ``counted_as_scare_quote``: True when ``cues`` has a scare quote starting there.
        - ``sentence``: the whole sentence.
    """
    import numpy as np
    import pandas as pd

    if quotes.empty or sentences.empty:
        return _empty(SHORT_QUOTE_COLUMNS)
    q = quotes.assign(n_words=[len(_WORD_RE.findall(drop_invisible(str(t)))) for t in quotes["text"]])
    q = q[(q["n_words"] >= 1) & (q["n_words"] <= max_words)]
    sent = sentences.sort_values(["article_id", "start"], kind="stable")
    rows = []
    for rec in q.sort_values(["article_id", "start"], kind="stable").to_dict("records"):
        own = sent[sent["article_id"] == rec["article_id"]]
        i = int(np.searchsorted(own["start"].to_numpy(dtype=int), int(rec["start"]), side="right")) - 1
        if i < 0 or int(rec["start"]) >= int(own["end"].iloc[i]):
            continue
        s = own.iloc[i]
        verbs = cues[(cues["sentence_id"] == s["sentence_id"]) & (cues["category"] == "attribution")
                     & (cues["voice"] == "authorial")]["cue"]
        scare = cues[(cues["article_id"] == rec["article_id"]) & (cues["category"] == "scare_quote")
                     & (cues["start"] == int(rec["start"]))]
        rows.append({
            "outlet": s["outlet"], "article_id": rec["article_id"], "sentence_id": s["sentence_id"],
            "role": s.get("role", ""), "start": int(rec["start"]), "end": int(rec["end"]),
            "quote": rec["text"], "n_words": int(rec["n_words"]),
            "reporting_verbs": ", ".join(map(str, verbs)),
            "counted_as_scare_quote": not scare.empty, "sentence": s["text"],
        })
    if not rows:
        return _empty(SHORT_QUOTE_COLUMNS)
    return pd.DataFrame(rows, columns=SHORT_QUOTE_COLUMNS)


# --------------------------------------------------------------------------- sentiment


def driver_table(sentiment: pd.DataFrame, drivers: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """The lexicon words that moved VADER's scores most often, per outlet.

    Parameters
    ----------
    sentiment : DataFrame
        Output of :func:`framing.measures.sentiment.sentence_sentiment` (``sentence_id, outlet``):
        the outlet of each sentence.
    drivers : DataFrame
        Output of :func:`framing.measures.sentiment.sentiment_drivers` (``sentence_id, word,
        valence``), one row per word that moved a sentence's score (``Analysis.sentiment_drivers``).
    top : int
        Words kept per outlet.

    Returns
    -------
    DataFrame
        One row per outlet x word, sorted by outlet then ``rank``, with columns

        - ``rank``: 1 = the word that moved the outlet's scores most often.
        - ``word``: lower-case lexicon word.
        - ``direction``: ``"positive"`` when its valences sum above 0, else ``"negative"``.
        - ``n_occurrences``: how often it drove a score in the outlet's sentences.
        - ``mean_valence``: mean valence after VADER's modifiers (negation, boosters, capitals,
          "but"), on VADER's word scale of about -4 to +4; higher = more positive.
        - ``total_valence``: the sum, its total push on the outlet's scores.

        Words are ranked by ``n_occurrences`` (higher first), then by ``|total_valence|``, then
        alphabetically.  Only sentences present in ``sentiment`` count.
    """
    outlets = sentiment[["sentence_id", "outlet"]].drop_duplicates("sentence_id")
    long = drivers[["sentence_id", "word", "valence"]].merge(outlets, on="sentence_id", how="inner")
    if long.empty:
        return _empty(DRIVER_COLUMNS)
    agg = long.groupby(["outlet", "word"], sort=True)["valence"].agg(["size", "mean", "sum"]).reset_index()
    agg.columns = ["outlet", "word", "n_occurrences", "mean_valence", "total_valence"]
    agg["abs_total"] = agg["total_valence"].abs()
    agg = agg.sort_values(
        ["outlet", "n_occurrences", "abs_total", "word"], ascending=[True, False, False, True], kind="stable"
    )
    agg["rank"] = agg.groupby("outlet").cumcount() + 1
    agg = agg[agg["rank"] <= top]
    agg["direction"] = ["positive" if v > 0 else "negative" for v in agg["total_valence"]]
    agg["mean_valence"] = agg["mean_valence"].round(3)
    agg["total_valence"] = agg["total_valence"].round(3)
    return agg[DRIVER_COLUMNS].reset_index(drop=True)


def extreme_sentences(sentiment: pd.DataFrame, sentences: pd.DataFrame, *, n: int = 2) -> pd.DataFrame:
    """The most negative and most positive sentences of each outlet, with the words that drove them.

    Parameters
    ----------
    sentiment : DataFrame
        Output of :func:`framing.measures.sentiment.sentence_sentiment`.
    sentences : DataFrame
        ``Corpus.sentences`` (for the text).
    n : int
        Sentences per outlet and side.

    Returns
    -------
    DataFrame
        Columns ``outlet, which, sentence_id, voice, compound, drivers, text``; ``which`` is
        ``"most negative"`` (lowest compound first) or ``"most positive"`` (highest first).  Only
        sentences with compound <= -0.05 (negative) or >= 0.05 (positive) qualify, so an outlet
        without such sentences has fewer rows.  Sorted by outlet, then negative before positive.
    """
    import pandas as pd

    data = sentiment.merge(sentences[["sentence_id", "text"]], on="sentence_id", how="left")
    neg = data[data["compound"] <= NEGATIVE_THRESHOLD].sort_values(
        ["outlet", "compound", "sentence_id"], kind="stable").groupby("outlet").head(n)
    pos = data[data["compound"] >= POSITIVE_THRESHOLD].sort_values(
        ["outlet", "compound", "sentence_id"], ascending=[True, False, True], kind="stable").groupby("outlet").head(n)
    out = pd.concat([neg.assign(which="most negative", _side=0), pos.assign(which="most positive", _side=1)])
    if out.empty:
        return _empty(EXTREME_COLUMNS)
    out = out.sort_values(["outlet", "_side"], kind="stable")
    return out[EXTREME_COLUMNS].reset_index(drop=True)


def actor_evidence(sentiment: pd.DataFrame, sentences: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The sentences behind :func:`framing.measures.sentiment.actor_sentiment`: each sentence that mentions an actor.

    Parameters
    ----------
    sentiment : DataFrame
        Output of :func:`framing.measures.sentiment.sentence_sentiment`.
    sentences : DataFrame
        ``Corpus.sentences`` (``sentence_id, text``).
    actors : DataFrame
        ``actor, alias``, one alias per row; matched by :func:`framing.measures.actors.mentions`.

    Returns
    -------
    DataFrame
        One row per actor x sentence that mentions it, sorted by actor, outlet and sentence, with
        columns ``actor, outlet, sentence_id, compound, drivers, text`` (compound: VADER, -1 to +1,
        higher = more positive wording; a sentence naming two actors appears under both).
    """
    import pandas as pd

    from framing.measures.actors import mentions

    data = sentiment.merge(sentences[["sentence_id", "text"]], on="sentence_id", how="left")
    aliases = actors.groupby("actor", sort=True)["alias"].apply(lambda s: sorted(set(map(str, s))))
    parts = [
        data[[mentions(str(t), names) for t in data["text"]]].assign(actor=actor)
        for actor, names in aliases.items()
    ]
    cols = ["actor", "outlet", "sentence_id", "compound", "drivers", "text"]
    if not parts:
        return _empty(cols)
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["actor", "outlet", "sentence_id"], kind="stable")[cols].reset_index(drop=True)


def score_examples(texts: Sequence[str]) -> pd.DataFrame:
    """Score short example sentences with the project's VADER set-up, to probe what it sees.

    Returns
    -------
    DataFrame
        One row per text, in the given order: ``text, compound, label, drivers`` as in
        :func:`framing.measures.sentiment.sentence_sentiment` (each text scored as a sentence of an
        article is; compound = x / sqrt(x^2 + 15), where x is the sum of the word valences plus
        punctuation emphasis; higher = more positive; labels at +/-0.05; drivers joined for display
        from the long drivers table).
    """
    import pandas as pd

    from framing.measures.sentiment import score_sentences

    texts = [str(t) for t in texts]
    sentences = pd.DataFrame({"article_id": "example", "outlet": "example",
                              "sentence_id": [f"example-{k}" for k in range(len(texts))],
                              "voice": "authorial", "text": texts})
    scored = score_sentences(sentences).sentiment
    return pd.DataFrame({"text": texts, "compound": scored["compound"].to_numpy(),
                         "label": scored["label"].to_numpy(), "drivers": scored["drivers"].to_numpy()},
                        columns=EXAMPLE_COLUMNS)


# --------------------------------------------------------------------------- embedding


def embed_html_document(doc: str, *, height: int = 1400, title: str = "embedded page") -> HTML:
    """Show a complete HTML document inside a notebook, in an iframe of its own.

    The document goes into the iframe's ``srcdoc`` attribute, escaped with
    ``html.escape(doc, quote=True)``, so its markup and styles cannot leak into the notebook page
    and it needs no file on disk.  The iframe is sandboxed (no scripts).

    Parameters
    ----------
    doc : str
        A whole HTML document (``<!DOCTYPE html>...``).
    height : int
        Height of the iframe in CSS pixels; its width is 100 % of the output area.
    title : str
        Accessible title of the iframe.

    Returns
    -------
    IPython.display.HTML
    """
    from IPython.display import HTML

    if height <= 0:
        raise ValueError("height must be positive")
    return HTML(
        '<div class="framing-embed">'
        f'<iframe title="{html.escape(title, quote=True)}" sandbox="" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #cccccc;" '
        f'srcdoc="{html.escape(doc, quote=True)}"></iframe></div>'
    )


ARTICLES_SHOWN = 8
"""Articles a page shows side by side by default: two per outlet when four outlets are compared."""


def reading_excerpt(
    *,
    articles: pd.DataFrame,
    lines: pd.DataFrame | None,
    sentences: pd.DataFrame,
    texts: dict[str, str],
    cues: pd.DataFrame | None,
    sentiment: pd.DataFrame | None,
    quotes: pd.DataFrame | None = None,
    limit: int = ARTICLES_SHOWN,
    height: int = 1400,
    title: str = "Side-by-side reading view",
) -> HTML:
    """The side-by-side reading view of a few articles, embedded, with a note when others are left out.

    Parameters
    ----------
    articles, lines, sentences, texts
        ``Corpus.articles``, ``Corpus.lines`` (``None`` leaves out the removed page text),
        ``Corpus.sentences`` and ``Corpus.texts``; only the rows of the articles shown are read.
    cues, sentiment : DataFrame or None
        ``cues.csv`` and ``sentiment.csv``, the highlights and tones of the view.
    quotes : DataFrame, optional
        ``quotes.csv``: labels quotations with their speaker.
    limit : int
        Most articles shown, shared among the outlets: the first of each outlet in the order of
        ``articles`` (:func:`cap_rows` with ``each=["outlet"]``).
    height, title
        As in :func:`embed_html_document`.

    Returns
    -------
    IPython.display.HTML
        :func:`framing.present.reading_view.render_reading_view` of the chosen articles (its legend counts
        the cues of those articles only; its title names the event of ``articles`` when it has one) in a
        sandboxed iframe, followed by :func:`cap_note` linking the full page, ``side-by-side.html`` of the
        built reports, when articles were left out.
    """
    from IPython.display import HTML

    from framing.present.reading_view import render_reading_view
    from framing.present.report import SIDE_BY_SIDE_PAGE

    shown = cap_rows(articles, limit=limit, each=["outlet"])
    event = next((e for e in shown["event"] if e), "") if "event" in shown.columns else ""
    part = render_reading_view(shown, lines, sentences, cues, sentiment, texts,
                               title=f"Side by side: {event}" if event else "Side-by-side reading", quotes=quotes)
    frame = embed_html_document(part, height=height, title=title)
    note = cap_note(len(shown), len(articles), what="articles", full=SIDE_BY_SIDE_PAGE, each=["outlet"], html=True)
    return HTML(frame.data + note)


def reading_view_excerpt(
    analysis, *, limit: int = ARTICLES_SHOWN, height: int = 1400, title: str = "Side-by-side reading view"
) -> HTML:
    """:func:`reading_excerpt` of an analysis: its corpus's articles, lines, sentences and texts, its cues and
    sentiment.

    Kept for notebooks that pass the whole :class:`framing.pipeline.Analysis`; new code calls
    :func:`reading_excerpt` with the tables it has.
    """
    c = analysis.corpus
    return reading_excerpt(articles=c.articles, lines=c.lines, sentences=c.sentences, texts=c.texts,
                           cues=analysis["cues"], sentiment=analysis["sentiment"], limit=limit, height=height,
                           title=title)
