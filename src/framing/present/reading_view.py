"""An annotated side-by-side reading page: one column per article, cues highlighted.

The page is a single self-contained HTML document (inline CSS, system fonts, no
script, no external request) that a teacher can open offline or print:

* one column per article, grouped by outlet, with outlet, country, ownership,
  date and headline on top;
* with three or more outlets, two rows of outlet buttons at the top choose the
  outlet of the left and of the right column, so any two outlets can be read
  side by side without scrolling past the others; a box shows all outlets at
  once (ticked when the page opens with at most three outlets).  The choice is
  made with radio buttons and the page's style sheet (``:has()``), not with
  script: the page stays script-free and works offline, and a browser without
  ``:has()`` shows every column;
* a table of cue counts per outlet, with the outlets as columns up to five
  and as rows beyond, in a box that scrolls sideways if it is still too wide;
* every cue (hedge, booster, distancing, attribution, scare quote) wrapped in a
  ``<mark>`` whose colour, underline style and superscript letter name its
  category, with a hover note (``title``) giving category, subcategory, voice
  and the lexicon term;
* a small shape before each sentence for its sentiment label (filled circle
  positive, filled square negative, hollow circle neutral), with the VADER
  scores in the hover note;
* the page text that was removed before analysis (menus, captions, teasers)
  folded away under each article, with the role and reason of every line.

Every piece of article or table text is escaped with :func:`html.escape` at the
point where it is written into the page.
"""

from __future__ import annotations

import bisect
import heapq
import html
import itertools
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from framing.core.vocabulary import CATEGORIES as CUE_CATEGORIES
from framing.core.vocabulary import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, SENTIMENT_LABELS

# Display order (CUE_CATEGORIES), letter, name and one-line meaning of each cue category.
_CUE_LETTER = {"hedge": "H", "booster": "B", "distancing": "D", "attribution": "A", "scare_quote": "Q"}
_CUE_NAME = {c: c.replace("_", " ") for c in CUE_CATEGORIES}
_CUE_MEANING = {
    "hedge": "softens a claim: may, reportedly, appears to",
    "booster": "hardens a claim: clearly, indeed, in fact",
    "distancing": "keeps a claim at arm's length: so-called, alleged",
    "attribution": "says who says so: said, claimed, according to",
    "scare_quote": "a word set in quotation marks to question or ironise it",
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
REQUIRED_COLUMNS = {
    "articles": ("article_id", "outlet"),
    "sentences": ("article_id", "sentence_id", "paragraph", "role", "start", "end", "text"),
    "lines": ("article_id", "line_no", "role", "reason", "start", "end", "text"),
    "cues": ("article_id", "start", "end", "category", "subcategory", "voice", "term"),
    "sentiment": ("sentence_id", "compound"),
}


def _esc(value: object) -> str:
    """Escape any value for use in HTML text or inside a double-quoted attribute."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def _text(value: object) -> str:
    """A table cell as a plain string; missing values become ''."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _check_columns(name: str, frame: pd.DataFrame) -> None:
    missing = [c for c in REQUIRED_COLUMNS[name] if c not in frame.columns]
    if missing:
        raise ValueError(f"`{name}` lacks the column(s) {missing}")


# ---------------------------------------------------------------------------
# Cue counts for the legend
# ---------------------------------------------------------------------------


def cue_counts(cues: pd.DataFrame | None, articles: pd.DataFrame) -> pd.DataFrame:
    """Count the cues of each category per outlet, as shown in the page legend.

    Parameters
    ----------
    cues : DataFrame or None
        One row per cue with at least ``article_id`` and ``category``.  Cues of
        articles that are not in ``articles`` are ignored.
    articles : DataFrame
        ``article_id`` and ``outlet``; fixes which outlets appear.

    Returns
    -------
    DataFrame
        Long format, one row per outlet x category (every known category, zero
        included), outlets in the order ``articles`` first names them, then
        categories in the fixed order of :data:`CUE_CATEGORIES`, with columns
        ``outlet``, ``category``, ``n_cues``.  ``n_cues`` is a raw count (no
        denominator): the number of cue rows of that category in all the
        outlet's articles; higher = the outlet's texts use that device more
        often, without correcting for text length.
    """
    _check_columns("articles", articles)
    outlets = list(dict.fromkeys(articles["outlet"].astype(str)))
    grid = pd.MultiIndex.from_product([outlets, list(CUE_CATEGORIES)], names=["outlet", "category"])
    if cues is None or cues.empty:
        counts = pd.Series(0, index=grid, name="n_cues")
    else:
        outlet_of = articles.set_index("article_id")["outlet"].astype(str)
        known = cues[cues["article_id"].isin(outlet_of.index)]
        frame = pd.DataFrame(
            {
                "outlet": known["article_id"].map(outlet_of).to_numpy(),
                "category": known["category"].to_numpy(),
            }
        )
        counts = frame.groupby(["outlet", "category"]).size().reindex(grid, fill_value=0).rename("n_cues")
    out = counts.reset_index()
    out["n_cues"] = out["n_cues"].astype(int)
    return out


# ---------------------------------------------------------------------------
# Highlighting: turn possibly overlapping cue spans into properly nested marks
# ---------------------------------------------------------------------------


class _Piece(NamedTuple):
    """One nested piece of a cue: ``[start, end)`` in raw-text offsets."""

    start: int
    end: int
    order: int  # position of the cue in the sorted cue list (its id)
    last: bool  # whether this piece ends the cue (carries the letter)


def _nest(spans: Iterable[tuple[int, int, int]]) -> list[_Piece]:
    """Split spans so that no two cross; every span keeps its order number.

    Spans are visited by (start, longest first, order).  A span that starts
    inside an open span and runs past its end is cut at that end; the rest is
    queued again and handled like any other span.  The result therefore nests
    properly (any two pieces are either disjoint or one contains the other), and
    the pieces of one span tile it exactly.
    """
    kept = [(s, e, o) for s, e, o in spans if e > s]
    ends = {o: e for _, e, o in kept}
    queue = [(s, -e, o) for s, e, o in kept]
    heapq.heapify(queue)
    open_pieces: list[_Piece] = []
    pieces: list[_Piece] = []
    while queue:
        start, neg_end, order = heapq.heappop(queue)
        end = -neg_end
        while open_pieces and open_pieces[-1].end <= start:
            open_pieces.pop()
        if open_pieces and open_pieces[-1].end < end:
            cut = open_pieces[-1].end
            heapq.heappush(queue, (cut, -end, order))
            end = cut
        piece = _Piece(start, end, order, end == ends[order])
        pieces.append(piece)
        open_pieces.append(piece)
    return pieces


def _mark_open(cue: Mapping[str, object], piece: _Piece) -> str:
    classes = f"cue cue-{cue['category']}" + ("" if piece.last else " cue-cont")
    return f'<mark class="{_esc(classes)}" data-cue="{_esc(cue["id"])}" title="{_esc(cue["note"])}">'


def _highlight(text: str, lo: int, hi: int, cues: list[dict[str, object]], pieces: list[_Piece]) -> str:
    """HTML for ``text[lo:hi]`` with the given properly nested pieces marked.

    ``pieces`` must lie inside ``[lo, hi)`` and be ordered by start, longest
    first, as :func:`_nest` returns them.
    """
    out: list[str] = []
    pos = lo
    stack: list[_Piece] = []
    for piece in pieces:
        while stack and stack[-1].end <= piece.start:
            closing = stack.pop()
            out.append(_esc(text[pos : closing.end]) + "</mark>")
            pos = closing.end
        out.append(_esc(text[pos : piece.start]) + _mark_open(cues[piece.order], piece))
        pos = piece.start
        stack.append(piece)
    while stack:
        closing = stack.pop()
        out.append(_esc(text[pos : closing.end]) + "</mark>")
        pos = closing.end
    out.append(_esc(text[pos:hi]))
    return "".join(out)


def _cue_note(row: Mapping[str, object]) -> str:
    """Hover note: 'attribution (doubting) · quoted · term: claimed'."""
    category = _text(row["category"])
    note = _CUE_NAME.get(category, category)
    sub = _text(row.get("subcategory"))
    if sub:
        note += f" ({sub})"
    voice = _text(row.get("voice"))
    if voice:
        note += f" · {voice}"
    term = _text(row.get("term"))
    if term:
        note += f" · term: {term}"
    return note


# ---------------------------------------------------------------------------
# Sentences and their sentiment markers
# ---------------------------------------------------------------------------


def _label_of(compound: float, label: str) -> str:
    if label in SENTIMENT_LABELS:
        return label
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _drivers_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return _text(value)


def _sentiment_notes(sentiment: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    """sentence_id -> (label shown by the marker, hover note)."""
    if sentiment is None or sentiment.empty:
        return {}
    _check_columns("sentiment", sentiment)
    rows = sentiment.copy()
    rows["_abs"] = rows["compound"].astype(float).abs()
    sort_cols = ["sentence_id", "_abs"] + (["voice"] if "voice" in rows.columns else [])
    rows = rows.sort_values(sort_cols, ascending=[True, False] + [True] * (len(sort_cols) - 2), kind="stable")
    notes: dict[str, tuple[str, str]] = {}
    records = rows.drop(columns="_abs").to_dict("records")  # sorted by sentence id above
    for sentence_id, group in itertools.groupby(records, key=lambda r: r["sentence_id"]):
        parts = []
        shown = ""
        for row in group:
            compound = float(row["compound"])
            label = _label_of(compound, _text(row.get("label")))
            shown = shown or label
            part = f"{label}, compound {compound:+.2f}"
            if "voice" in row and _text(row["voice"]):
                part = f"{_text(row['voice'])}: " + part
            if all(c in row for c in ("pos", "neu", "neg")):
                shares = ", ".join(f"{c} {float(row[c]):.2f}" for c in ("pos", "neu", "neg"))
                part += f" ({shares})"
            drivers = _drivers_text(row.get("drivers"))
            if drivers:
                part += f"; drivers: {drivers}"
            parts.append(part)
        notes[str(sentence_id)] = (shown, "sentiment: " + " | ".join(parts))
    return notes


def _sentence_html(
    text: str,
    sentence: Mapping[str, object],
    cues: list[dict[str, object]],
    pieces: Mapping[str, list[_Piece]],
    notes: Mapping[str, tuple[str, str]],
) -> str:
    sentence_id = _text(sentence["sentence_id"])
    start, end = int(sentence["start"]), int(sentence["end"])
    body = _highlight(text, start, end, cues, pieces.get(sentence_id, []))
    label, note = notes.get(sentence_id, ("", ""))
    classes = "s" + (f" s-{label}" if label else "")
    title = f' title="{_esc(note)}"' if note else ""
    return f'<span class="{classes}" data-sentence="{_esc(sentence_id)}"{title}>{body}</span>'


def _paragraphs_html(
    text: str,
    sentences: pd.DataFrame,
    cues: list[dict[str, object]],
    pieces: Mapping[str, list[_Piece]],
    notes: Mapping[str, tuple[str, str]],
    *,
    tag: str,
    css: str,
) -> list[str]:
    """One ``<tag>`` per paragraph; the raw text between its sentences is kept."""
    blocks: list[str] = []
    for _, para in sentences.groupby("paragraph", sort=True):
        para = para.sort_values(["start", "end"], kind="stable")
        parts: list[str] = []
        previous_end: int | None = None
        for sentence in para.to_dict("records"):
            if previous_end is not None and int(sentence["start"]) > previous_end:
                parts.append(_esc(text[previous_end : int(sentence["start"])]))
            parts.append(_sentence_html(text, sentence, cues, pieces, notes))
            previous_end = int(sentence["end"])
        standfirst = "standfirst" if set(para["role"].astype(str)) == {"standfirst"} else ""
        classes = " ".join(c for c in (css, standfirst) if c)
        attr = f' class="{classes}"' if classes else ""
        blocks.append(f"<{tag}{attr}>{''.join(parts)}</{tag}>")
    return blocks


# ---------------------------------------------------------------------------
# One column
# ---------------------------------------------------------------------------


def _human_date(value: object) -> str:
    raw = _text(value)
    try:
        day = date.fromisoformat(raw[:10])
    except ValueError:
        return raw
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _article_cues(cues: pd.DataFrame | None, article_id: str, first_order: int) -> list[dict[str, object]]:
    if cues is None or cues.empty:
        return []
    mine = cues[cues["article_id"].astype(str) == article_id].copy()
    mine["_cat"] = mine["category"].map({c: i for i, c in enumerate(CUE_CATEGORIES)})
    mine = mine.sort_values(
        ["start", "end", "_cat", "subcategory", "term", "voice"],
        ascending=[True, False, True, True, True, True],
        kind="stable",
    )
    out = []
    for i, row in enumerate(mine.to_dict("records")):
        out.append(
            {
                "id": str(first_order + i),
                "start": int(row["start"]),
                "end": int(row["end"]),
                "category": str(row["category"]),
                "note": _cue_note(row),
            }
        )
    return out


def _removed_html(lines: pd.DataFrame | None, article_id: str, sentences: pd.DataFrame) -> str:
    """Lines of the raw page that no displayed sentence covers (blank lines left out)."""
    if lines is None or lines.empty:
        return ""
    mine = lines[lines["article_id"].astype(str) == article_id].sort_values("line_no", kind="stable")
    spans = sorted(zip(sentences["start"].astype(int), sentences["end"].astype(int), strict=True))
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among the first k spans
    items = []
    for line in mine.to_dict("records"):
        role = _text(line["role"])
        start, end = int(line["start"]), int(line["end"])
        k = bisect.bisect_left(starts, end)  # spans[:k] start before the line ends
        if role == "blank" or (k and reach[k - 1] > start):
            continue
        reason = _text(line["reason"])
        items.append(
            "<li>"
            f'<span class="ln">{_esc(int(line["line_no"]))}</span>'
            f'<span class="role">{_esc(role)}</span>'
            + (f'<span class="why">{_esc(reason)}</span>' if reason else "")
            + f'<span class="raw">{_esc(line["text"])}</span>'
            "</li>"
        )
    if not items:
        return ""
    noun = "line" if len(items) == 1 else "lines"
    return (
        '<details class="removed">'
        f"<summary>Removed page text ({len(items)} {noun})</summary>"
        '<p class="removed-note">Menus, captions, teasers and other page furniture left out of the '
        "analysis, in page order: line number, role, reason.</p>"
        f'<ol class="removed-lines">{"".join(items)}</ol>'
        "</details>"
    )


def _pieces_by_sentence(
    sentences: pd.DataFrame, cues: list[dict[str, object]]
) -> tuple[dict[str, list[_Piece]], int]:
    """Clip every cue to the sentences it overlaps and nest the pieces of each sentence.

    Returns the pieces per sentence id and the number of cues that overlap no
    displayed sentence (those cannot be shown).
    """
    by_sentence: dict[str, list[_Piece]] = {}
    spans = sorted((int(c["start"]), int(c["end"]), i) for i, c in enumerate(cues))
    starts = [s for s, _, _ in spans]
    longest = max((e - s for s, e, _ in spans), default=0)
    for lo, hi, sentence_id in sentences[["start", "end", "sentence_id"]].itertuples(index=False, name=None):
        lo, hi = int(lo), int(hi)
        # Only cues that start less than the longest cue's length before the sentence can reach into it.
        near = spans[bisect.bisect_left(starts, lo - longest):bisect.bisect_left(starts, hi)]
        clipped = sorted(((max(lo, s), min(hi, e), i) for s, e, i in near if s < hi and lo < e), key=lambda p: p[2])
        by_sentence[_text(sentence_id)] = _nest(clipped)
    final_end: dict[int, int] = {}
    for pieces in by_sentence.values():
        for piece in pieces:
            final_end[piece.order] = max(final_end.get(piece.order, piece.end), piece.end)
    fixed = {
        sid: [p._replace(last=p.end == final_end[p.order]) for p in pieces]
        for sid, pieces in by_sentence.items()
    }
    return fixed, len(cues) - len(final_end)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _column_html(
    article: Mapping[str, object],
    text: str,
    sentences: pd.DataFrame,
    cues: list[dict[str, object]],
    notes: Mapping[str, tuple[str, str]],
    lines: pd.DataFrame | None,
    outlet_index: int,
) -> str:
    article_id = _text(article["article_id"])
    pieces, unplaced = _pieces_by_sentence(sentences, cues)

    def render(block: pd.DataFrame, tag: str, css: str) -> str:
        return "".join(_paragraphs_html(text, block, cues, pieces, notes, tag=tag, css=css))

    roles = sentences["role"].astype(str)
    if (roles == "headline").any():
        headline = render(sentences[roles == "headline"], "h2", "headline")
    else:
        headline = f'<h2 class="headline">{_esc(article.get("headline", ""))}</h2>'
    body = render(sentences[roles != "headline"], "p", "")

    facts = (
        _text(article.get("country")),
        _text(article.get("ownership")),
        _human_date(article.get("published")),
    )
    meta = " · ".join(_esc(v) for v in facts if v)
    stats = f"{_plural(len(sentences), 'sentence')} · {_plural(len(cues), 'cue')}"
    if unplaced:
        stats += f" · {_plural(unplaced, 'cue')} outside the displayed text"
    url = _text(article.get("url"))
    language = _text(article.get("language"))
    lang = f' lang="{_esc(language)}"' if language else ""
    return (
        f'<article class="col" data-article="{_esc(article_id)}" data-outlet="{outlet_index}"{lang}>'
        '<header class="col-head">'
        f'<p class="outlet">{_esc(article["outlet"])}</p>'
        + (f'<p class="meta">{meta}</p>' if meta else "")
        + headline
        + f'<p class="stats">{stats}</p>'
        "</header>"
        f'<div class="article-text">{body}</div>'
        + (f'<p class="source">{_esc(url)}</p>' if url else "")
        + _removed_html(lines, article_id, sentences)
        + "</article>"
    )


# ---------------------------------------------------------------------------
# Legend and page
# ---------------------------------------------------------------------------


LEGEND_COLUMNS_MAX = 5
"""Most outlets the legend table lists as columns; with more, it lists them as rows."""


def _legend_html(counts: pd.DataFrame, *, with_removed: bool) -> str:
    outlets = list(dict.fromkeys(counts["outlet"]))
    letters = ", ".join(f"{_CUE_LETTER[c]} {_CUE_NAME[c]}" for c in CUE_CATEGORIES)
    by = counts.set_index(["outlet", "category"])["n_cues"]
    caption = "<caption>Cues highlighted in the text, counted per outlet</caption>"
    if len(outlets) <= LEGEND_COLUMNS_MAX:
        head = "".join(f'<th scope="col">{_esc(o)}</th>' for o in outlets)
        rows = []
        for category in CUE_CATEGORIES:
            cells = "".join(f"<td>{int(by.get((o, category), 0))}</td>" for o in outlets)
            rows.append(
                "<tr>"
                f'<th scope="row"><mark class="cue cue-{category}">{_esc(_CUE_NAME[category])}</mark></th>'
                f'<td class="meaning">{_esc(_CUE_MEANING[category])}</td>{cells}'
                "</tr>"
            )
        table = (
            f'<table class="cue-table">{caption}'
            f'<thead><tr><th scope="col">Cue</th><th scope="col">What it does</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        key = ""
    else:  # one row per outlet, so the table grows down the page instead of across it
        head = "".join(
            f'<th scope="col"><mark class="cue cue-{c}">{_esc(_CUE_NAME[c])}</mark></th>' for c in CUE_CATEGORIES
        )
        rows = [
            f'<tr data-outlet="{i}"><th scope="row">{_esc(o)}</th>'
            + "".join(f"<td>{int(by.get((o, c), 0))}</td>" for c in CUE_CATEGORIES)
            + "</tr>"
            for i, o in enumerate(outlets)
        ]
        table = (
            f'<table class="cue-table by-outlet">{caption}'
            f'<thead><tr><th scope="col">Outlet</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        key = '<ul class="cue-key">' + "".join(
            f'<li><mark class="cue cue-{c}">{_esc(_CUE_NAME[c])}</mark> {_esc(_CUE_MEANING[c])}</li>'
            for c in CUE_CATEGORIES
        ) + "</ul>"
    return (
        '<section class="legend" aria-label="How to read this page">'
        f'<div class="table-scroll">{table}</div>'
        '<div class="legend-notes">'
        + key
        + '<p><span class="s s-positive"></span>positive '
        '<span class="s s-negative"></span>negative '
        '<span class="s s-neutral"></span>neutral: the tone of each sentence (VADER compound score, '
        "positive at +0.05 or more, negative at −0.05 or less).</p>"
        f"<p>Each highlight carries a letter ({letters}) and its own underline, so the page also works "
        "in black and white. Hover over a highlight for its category, subcategory and voice (the writer's "
        "own words or a quotation), and over a sentence for its scores.</p>"
        + (
            "<p>Under each article, <em>Removed page text</em> lists the menus, captions and teasers that "
            "were left out of the analysis.</p>"
            if with_removed
            else ""
        )
        + "</div></section>"
    )


_CSS = """
:root {
  --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --soft: #f6f8fa;
  --hedge: #56b4e9; --hedge-line: #1c6fa3;
  --booster: #e69f00; --booster-line: #9a6500;
  --distancing: #cc79a7; --distancing-line: #9c3f74;
  --attribution: #009e73; --attribution-line: #006b4e;
  --scare: #f0e442; --scare-line: #7a6f00;
  --pos: #0072b2; --neg: #d55e00; --neu: #8c959f;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 112rem; padding: 1.5rem 2rem 3rem; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45;
}
.page-head h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
.page-head .sub { color: var(--muted); margin: 0 0 1rem; }
.legend {
  display: flex; flex-wrap: wrap; gap: .6rem 2rem; align-items: flex-start;
  border: 1px solid var(--rule); border-radius: 6px; background: var(--soft);
  padding: .7rem 1rem; margin-bottom: 1.4rem;
}
.table-scroll { max-width: 100%; overflow-x: auto; }
.cue-table { border-collapse: collapse; font-size: .88rem; }
.cue-table caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
.cue-table th, .cue-table td {
  padding: .18rem .55rem; text-align: left; border-bottom: 1px solid var(--rule);
}
.cue-table thead th { font-weight: 600; color: var(--muted); }
.cue-table tbody th { white-space: nowrap; }
.cue-table td:not(.meaning) { text-align: right; font-variant-numeric: tabular-nums; }
.cue-table .meaning { color: var(--muted); }
.cue-table.by-outlet td { min-width: 4.5rem; }
.cue-table.by-outlet tbody tr:nth-child(even) { background: #fff; }
.legend-notes { flex: 1 1 22rem; font-size: .86rem; color: var(--muted); }
.cue-key { list-style: none; margin: 0 0 .5rem; padding: 0; }
.cue-key li { margin: .1rem 0; }
.cue-key mark { font-weight: 600; color: var(--ink); }
/* choosing two outlets to compare: radio buttons drawn as buttons */
.compare {
  border: 1px solid var(--rule); border-radius: 6px; padding: .6rem 1rem .2rem; margin: 0 0 1.2rem;
  font-size: .86rem;
}
.compare-all { margin: 0 0 .4rem; }
.compare-all label { font-weight: 600; margin: 0 .6rem 0 .3rem; }
.compare-hint { color: var(--muted); }
.pickers { opacity: .55; }
.pick { border: 0; margin: 0 0 .4rem; padding: 0; display: grid; grid-template-columns: 7.5rem 1fr; }
.pick legend { float: left; font-weight: 600; color: var(--muted); padding: .15rem 0 0; }
.chips { display: flex; flex-wrap: wrap; gap: .3rem; }
.pick input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.pick label {
  border: 1px solid var(--rule); border-radius: 999px; padding: .12rem .6rem; cursor: pointer; background: #fff;
  white-space: nowrap;
}
.pick input:checked + label { background: var(--ink); border-color: var(--ink); color: #fff; }
.pick input:focus-visible + label, .compare-all input:focus-visible {
  outline: 2px solid var(--pos); outline-offset: 2px;
}
.legend-notes p { margin: .15rem 0 .45rem; }
.columns {
  display: grid; gap: 1.2rem 2rem; align-items: start;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
}
.col { border-top: 4px solid var(--ink); padding-top: .55rem; min-width: 0; }
.col-head .outlet {
  margin: 0; font-size: .8rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase;
}
.col-head .meta { margin: .05rem 0 0; font-size: .78rem; color: var(--muted); }
.col-head .headline {
  font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Times New Roman", serif;
  font-size: 1.32rem; line-height: 1.28; margin: .35rem 0 .35rem;
}
.col-head .stats { margin: 0 0 .8rem; font-size: .78rem; color: var(--muted); }
.article-text {
  font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Times New Roman", serif;
  font-size: 1.02rem; line-height: 1.62; hyphens: auto; overflow-wrap: break-word;
}
.article-text p { margin: 0 0 .8em; }
.article-text p.standfirst { font-style: italic; color: #3d444d; }
.source { font-size: .74rem; color: var(--muted); overflow-wrap: anywhere; margin: .4rem 0; }
/* sentence tone: a small shape before each sentence */
.s::before {
  content: ""; display: inline-block; width: .42em; height: .42em; margin: 0 .3em .14em 0;
  vertical-align: middle; border-radius: 50%; border: 1px solid transparent;
}
.s:not([class*="s-"])::before { display: none; }
.s-positive::before { background: var(--pos); border-color: var(--pos); }
.s-negative::before { background: var(--neg); border-color: var(--neg); border-radius: 1px; }
.s-neutral::before { background: transparent; border-color: var(--neu); }
.legend-notes .s::before { margin-left: .4em; }
/* cues: tint + underline style + superscript letter */
mark.cue {
  color: inherit; background: none; padding: 0 .05em; border-radius: 2px;
  text-decoration-skip-ink: none; text-underline-offset: .18em;
}
mark.cue::after {
  display: inline; font: 700 .6em/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  vertical-align: super; margin-left: .08em;
}
mark.cue-hedge { background: rgba(86, 180, 233, .24);
  text-decoration: underline wavy var(--hedge-line); text-decoration-thickness: 1.5px; }
mark.cue-hedge::after { color: var(--hedge-line); }
mark.cue-booster { background: rgba(230, 159, 0, .26);
  text-decoration: underline double var(--booster-line); text-decoration-thickness: 1.5px; }
mark.cue-booster::after { color: var(--booster-line); }
mark.cue-distancing { background: rgba(204, 121, 167, .26);
  text-decoration: underline dotted var(--distancing-line); text-decoration-thickness: 2.5px; }
mark.cue-distancing::after { color: var(--distancing-line); }
mark.cue-attribution { background: rgba(0, 158, 115, .17);
  text-decoration: underline solid var(--attribution-line); text-decoration-thickness: 2px; }
mark.cue-attribution::after { color: var(--attribution-line); }
mark.cue-scare_quote { background: rgba(240, 228, 66, .45);
  outline: 1.5px dashed var(--scare-line); outline-offset: 0; }
mark.cue-scare_quote::after { color: var(--scare-line); }
/* category letters */ @LETTERS@
mark.cue-cont::after { content: none; }
/* removed page text: folded away, monospace, grey */
details.removed {
  margin-top: 1rem; border: 1px dashed var(--rule); border-radius: 4px; background: var(--soft);
  color: var(--muted); font-size: .8rem;
}
details.removed summary { cursor: pointer; padding: .35rem .6rem; }
.removed-note { margin: 0 .6rem .3rem; }
.removed-lines { list-style: none; margin: 0; padding: 0 .6rem .5rem; }
.removed-lines li {
  display: grid; grid-template-columns: 2.2rem 6.5rem 1fr; column-gap: .4rem; padding: .15rem 0;
  border-top: 1px solid var(--rule);
}
.removed-lines .ln { text-align: right; font-variant-numeric: tabular-nums; }
.removed-lines .role { font-weight: 600; }
.removed-lines .why { font-style: italic; }
.removed-lines .raw {
  grid-column: 2 / -1;
  font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  white-space: pre-wrap; overflow-wrap: anywhere; color: #6e7781;
}
footer.page-foot {
  margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--rule);
  font-size: .75rem; color: var(--muted);
}
@media print {
  @page { margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .page-head h1 { font-size: 16pt; }
  .col-head .headline { font-size: 13pt; }
  .legend { break-inside: avoid; background: none; }
  .compare { display: none; }
  .columns { grid-template-columns: repeat(var(--print-columns), minmax(0, 1fr)); gap: 1rem 1.2rem; }
  .col { break-inside: auto; }
  .col-head { break-after: avoid; }
  .article-text { font-size: 10pt; line-height: 1.45; }
  .article-text p { break-inside: avoid; orphans: 3; widows: 3; }
  details.removed:not([open]) { display: none; }
  details.removed { background: none; }
}
"""


def _css() -> str:
    letters = "\n".join(f'mark.cue-{c}::after {{ content: "{_CUE_LETTER[c]}"; }}' for c in CUE_CATEGORIES)
    return _CSS.replace("@LETTERS@", letters)


ALL_SHOWN_MAX = 3
"""Most outlets shown all at once when the page opens; with more, it opens on two of them, side by side."""


def _picker_html(outlets: list[str]) -> str:
    """Two rows of outlet buttons (left and right column) and a box to show every outlet.

    Plain radio buttons and a checkbox: the page's style sheet shows the chosen outlets
    (:func:`_picker_css`), so the choice works offline, without script.
    """
    if len(outlets) < 3:
        return ""
    rows = []
    for side, chosen in (("left", 0), ("right", 1)):
        buttons = "".join(
            f'<input type="radio" name="{side}" id="{side}-{i}" value="{i}"{" checked" if i == chosen else ""}>'
            f'<label for="{side}-{i}">{_esc(outlet)}</label>'
            for i, outlet in enumerate(outlets)
        )
        rows.append(f'<fieldset class="pick pick-{side}"><legend>{side.title()} column</legend>'
                    f'<div class="chips">{buttons}</div></fieldset>')
    every = " checked" if len(outlets) <= ALL_SHOWN_MAX else ""
    return (
        '<nav class="compare" aria-label="Choose the outlets to read side by side">'
        f'<p class="compare-all"><input type="checkbox" id="show-all"{every}>'
        f'<label for="show-all">Show all {len(outlets)} outlets at once</label>'
        '<span class="compare-hint">Unticked, the page shows the two outlets chosen here, left and right, '
        "and marks them in the table of counts.</span></p>"
        f'<div class="pickers">{"".join(rows)}</div>'
        "</nav>\n"
    )


def _picker_css(n_outlets: int) -> str:
    """Rules that show only the two chosen outlets (left, then right) unless "show all" is ticked.

    They rely on ``:has()``; a browser without it skips them and shows every column.
    """
    if n_outlets < 3:
        return ""
    pair = "body:has(#show-all:not(:checked))"
    rules = [f"{pair} .columns > .col {{ display: none; }}",
             f"{pair} .pickers {{ opacity: 1; }}"]
    for i in range(n_outlets):
        for side, order in (("left", 1), ("right", 2)):
            rules.append(f'{pair}:has(#{side}-{i}:checked) .columns > .col[data-outlet="{i}"] '
                         f"{{ display: block; order: {order}; }}")
            rules.append(f'{pair}:has(#{side}-{i}:checked) .cue-table tr[data-outlet="{i}"] > th '
                         "{ box-shadow: inset 4px 0 0 var(--ink); }")
    rules.append(f"@media print {{ {pair} .columns {{ grid-template-columns: repeat(2, minmax(0, 1fr)); }} }}")
    return "@supports selector(:has(*)) {\n" + "\n".join(rules) + "\n}\n"


def _page(title: str, subtitle: str, legend: str, columns: list[str], outlets: list[str]) -> str:
    print_columns = len(columns) if len(columns) <= 2 else 1
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_css()}{_picker_css(len(outlets))}</style>\n</head>\n"
        f'<body>\n<header class="page-head"><h1>{_esc(title)}</h1>'
        + (f'<p class="sub">{subtitle}</p>' if subtitle else "")
        + "</header>\n"
        + _picker_html(outlets)
        + legend
        + "\n"
        + f'<main class="columns" style="--print-columns: {print_columns}">\n'
        + "\n".join(columns)
        + "\n</main>\n"
        '<footer class="page-foot">Cues and sentences are located by character offsets in the raw page '
        "text; the highlighted words are exactly those the counts are based on.</footer>\n"
        "</body>\n</html>\n"
    )


def render_reading_view(
    articles: pd.DataFrame,
    lines: pd.DataFrame | None,
    sentences: pd.DataFrame,
    cues: pd.DataFrame | None,
    sentiment: pd.DataFrame | None,
    texts: Mapping[str, str],
    *,
    title: str = "Side-by-side reading",
) -> str:
    """Render the annotated side-by-side reading page as one HTML document.

    Parameters
    ----------
    articles : DataFrame
        One row per article: ``article_id``, ``outlet`` and, when present,
        ``headline``, ``published`` (ISO date), ``country``, ``ownership``,
        ``url``, ``event``.  Each article gets one column; outlets keep the
        order in which ``articles`` first names them, and an outlet's
        articles sit side by side, by date then article id.
    lines : DataFrame or None
        The raw page split into lines (``article_id``, ``line_no``, ``role``,
        ``reason``, ``start``, ``end``, ``text``).  Lines that are not blank and
        that no displayed sentence overlaps are listed, folded away, under
        "Removed page text".  ``None`` leaves that section out.
    sentences : DataFrame
        ``article_id``, ``sentence_id``, ``paragraph`` (0 = headline),
        ``role`` (headline | standfirst | body), ``start``, ``end``, ``text``.
        ``text`` must equal ``texts[article_id][start:end]``.
    cues : DataFrame or None
        One row per cue: ``article_id``, ``start``, ``end`` (raw offsets),
        ``category`` (hedge | booster | distancing | attribution |
        scare_quote), ``subcategory``, ``voice``, ``term``.  Overlapping and
        nested cues are allowed.
    sentiment : DataFrame or None
        ``sentence_id``, ``compound`` and, when present, ``label``, ``voice``,
        ``pos``, ``neu``, ``neg``, ``drivers``.  When a sentence has several
        rows (one per voice), the marker shows the row with the largest
        absolute compound and the hover note lists every row.
    texts : mapping
        article_id -> raw page text, the text all offsets refer to.
    title : str
        Page title (escaped).

    Returns
    -------
    str
        A complete HTML document with inline CSS, no script and no external
        resource.  Each column carries ``data-outlet="<i>"``, the position of
        its outlet in ``articles``; with three or more outlets the page opens
        on outlets 0 (left) and 1 (right), or on all of them when there are at
        most three, and the buttons at the top change that.  Each cue is a ``<mark class="cue cue-<category>"
        data-cue="<n>" title="...">``; a cue that crosses another cue's edge is
        split into pieces with the same ``data-cue``, all but the last carrying
        the class ``cue-cont``.  Each sentence is a ``<span class="s
        s-<label>" data-sentence="<sentence_id>">`` whose text content is
        exactly the sentence text.

    Notes
    -----
    The legend's counts are those of :func:`cue_counts`: raw numbers of cue
    rows per outlet and category, not rates.  The sentiment label follows
    the ``label`` column; where it is absent it is derived from VADER's
    compound score with the usual cut-offs (positive if compound >= 0.05,
    negative if <= -0.05, else neutral; Hutto & Gilbert 2014).

    Raises
    ------
    ValueError
        If a table lacks a required column, a cue has an unknown category, an
        article has no text, or a sentence's ``text`` does not match its
        offsets.
    """
    _check_columns("articles", articles)
    _check_columns("sentences", sentences)
    if lines is not None:
        _check_columns("lines", lines)
    if cues is not None and not cues.empty:
        _check_columns("cues", cues)
        unknown = sorted(set(cues["category"].astype(str)) - set(CUE_CATEGORIES))
        if unknown:
            raise ValueError(f"unknown cue categories {unknown}; expected one of {list(CUE_CATEGORIES)}")
        if ((cues["end"].astype(int) - cues["start"].astype(int)) <= 0).any():
            raise ValueError("every cue needs end > start")
    notes = _sentiment_notes(sentiment)

    # Outlets keep the order in which `articles` first names them; an outlet's
    # articles follow one another, by date then id.
    outlet_rank = {o: i for i, o in enumerate(dict.fromkeys(articles["outlet"].map(_text)))}
    keys = ["published"] if "published" in articles.columns else []
    ordered = articles.assign(
        _rank=articles["outlet"].map(_text).map(outlet_rank), **{c: articles[c].map(_text) for c in keys}
    ).sort_values(["_rank", *keys, "article_id"], kind="stable")
    columns = []
    next_cue = 0
    for _, article in ordered.iterrows():
        article_id = article["article_id"]
        if article_id not in texts:
            raise ValueError(f"no raw text for article {article_id!r}")
        text = texts[article_id]
        mine = sentences[sentences["article_id"].astype(str) == article_id].sort_values(
            ["start", "end"], kind="stable"
        )
        for _, sentence in mine.iterrows():
            if text[int(sentence["start"]) : int(sentence["end"])] != sentence["text"]:
                raise ValueError(f"sentence {sentence['sentence_id']!r} does not match its offsets")
        article_cues = _article_cues(cues, article_id, next_cue)
        next_cue += len(article_cues)
        columns.append(_column_html(article, text, mine, article_cues, notes, lines, int(article["_rank"])))

    events = sorted({_text(v) for v in articles.get("event", pd.Series(dtype=str)) if _text(v)})
    n = len(columns)
    subtitle = _esc(" / ".join(events)) + (" · " if events else "")
    subtitle += f"{n} article{'s' if n != 1 else ''} from {articles['outlet'].nunique()} outlet"
    subtitle += "s" if articles["outlet"].nunique() != 1 else ""
    legend = _legend_html(cue_counts(cues, articles), with_removed=any("<details" in c for c in columns))
    return _page(title, subtitle, legend, columns, list(outlet_rank))


def write_reading_view(path: str | Path, html_text: str) -> Path:
    """Write a page made by :func:`render_reading_view` as UTF-8; return the path.

    Parent folders are created.  The text is written unchanged (``\\n`` line
    ends), so the same page gives the same bytes on every platform.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(html_text)
    return target


def corpus_reading_view(corpus, cues: pd.DataFrame, sentiment: pd.DataFrame) -> str:
    """:func:`render_reading_view` of every article of ``corpus`` (a :class:`framing.load.corpus.Corpus`).

    The title names the event of ``articles.csv`` when it has one.
    """
    event = next((e for e in corpus.articles["event"] if e), "")
    title = f"Side by side: {event}" if event else "Side-by-side reading"
    return render_reading_view(corpus.articles, corpus.lines, corpus.sentences, cues, sentiment, corpus.texts,
                               title=title)
