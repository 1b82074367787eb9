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
  positive, filled square negative, hollow circle neutral, in colours that
  no outlet has in the charts), with the VADER scores in the hover note;
* every hover note also numbered (``H3`` after a cue, ``7`` after a
  sentence) and listed at the end of its article: folded away on screen,
  always printed;
* every sentence anchored as ``id="s-<sentence_id>"`` (the front page links
  there); the sentence a link points to is outlined, and its column is shown
  even when the outlet picker hides it;
* each quotation (direct, partial, reported) followed by a small label naming
  its speaker, drawn by the style sheet so it adds no text to the article;
* the page text that was removed before analysis (menus, captions, teasers)
  folded away under each article, with the role and reason of every line.

A second page, the aligned view (:func:`render_aligned_view`), puts the content
units of the analysis in rows and the outlets in columns, so that the sentences
of different outlets that tell the same fact sit side by side, with "not
reported" where an outlet leaves it out.

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

from framing.compare.selection import NOT_REPORTED
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
    "quotes": ("article_id", "start", "end", "kind", "speaker"),
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
    number = f' data-fn="{_esc(cue["fn"])}"' if piece.last and cue.get("fn") else ""
    return f'<mark class="{_esc(classes)}" data-cue="{_esc(cue["id"])}"{number} title="{_esc(cue["note"])}">'


def _highlight(
    text: str,
    lo: int,
    hi: int,
    cues: list[dict[str, object]],
    pieces: list[_Piece],
    inserts: Iterable[tuple[int, str]] = (),
) -> str:
    """HTML for ``text[lo:hi]`` with the given properly nested pieces marked.

    ``pieces`` must lie inside ``[lo, hi)`` and be ordered by start, longest
    first, as :func:`_nest` returns them.  ``inserts`` are ``(offset, html)``
    pairs of empty elements (speaker labels) placed at raw offsets in
    ``[lo, hi]``: after every mark that ends there and before every mark that
    starts there.  They add no text, so the text of the page between two
    offsets stays exactly the raw text.
    """
    out: list[str] = []
    pos = lo
    stack: list[_Piece] = []
    pending = sorted(inserts, key=lambda item: item[0])
    k = 0

    def close_to(offset: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= offset:
            closing = stack.pop()
            out.append(_esc(text[pos : closing.end]) + "</mark>")
            pos = closing.end

    def flush(upto: int) -> None:
        nonlocal pos, k
        while k < len(pending) and pending[k][0] <= upto:
            offset, element = pending[k]
            close_to(offset)
            out.append(_esc(text[pos:offset]) + element)
            pos = offset
            k += 1

    for piece in pieces:
        flush(piece.start)
        close_to(piece.start)
        out.append(_esc(text[pos : piece.start]) + _mark_open(cues[piece.order], piece))
        pos = piece.start
        stack.append(piece)
    flush(hi)
    close_to(hi)
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


class _Column(NamedTuple):
    """What the sentences of one column are drawn with."""

    cues: list[dict[str, object]]
    pieces: Mapping[str, list[_Piece]]
    notes: Mapping[str, tuple[str, str]]  # sentence id -> (label, hover note)
    inserts: Mapping[str, list[tuple[int, str]]]  # sentence id -> speaker labels at raw offsets
    numbers: Mapping[str, int]  # sentence id -> footnote number of its tone marker
    anchors: set[str]  # sentence ids that already have an element id on the page


def _sentence_html(text: str, sentence: Mapping[str, object], column: _Column) -> str:
    sentence_id = _text(sentence["sentence_id"])
    start, end = int(sentence["start"]), int(sentence["end"])
    body = _highlight(text, start, end, column.cues, column.pieces.get(sentence_id, []),
                      column.inserts.get(sentence_id, ()))
    label, note = column.notes.get(sentence_id, ("", ""))
    classes = "s" + (f" s-{label}" if label else "")
    anchor = ""
    if sentence_id not in column.anchors:  # ids stay unique on the page even if a table repeats a sentence
        column.anchors.add(sentence_id)
        anchor = f' id="{_esc(sentence_anchor(sentence_id))}"'
    number = f' data-fn="{column.numbers[sentence_id]}"' if note and sentence_id in column.numbers else ""
    title = f' title="{_esc(note)}"' if note else ""
    return f'<span class="{classes}" data-sentence="{_esc(sentence_id)}"{anchor}{number}{title}>{body}</span>'


def sentence_anchor(sentence_id: str) -> str:
    """The element id of a sentence on the reading page: ``s-<sentence_id>``.

    The front page links ``side-by-side.html#s-<sentence_id>``; the id is
    written HTML-escaped, so any sentence id is safe in the attribute.
    """
    return f"s-{sentence_id}"


def _paragraphs_html(text: str, sentences: pd.DataFrame, column: _Column, *, tag: str, css: str) -> list[str]:
    """One ``<tag>`` per paragraph; the raw text between its sentences is kept."""
    blocks: list[str] = []
    for _, para in sentences.groupby("paragraph", sort=True):
        para = para.sort_values(["start", "end"], kind="stable")
        parts: list[str] = []
        previous_end: int | None = None
        for sentence in para.to_dict("records"):
            if previous_end is not None and int(sentence["start"]) > previous_end:
                parts.append(_esc(text[previous_end : int(sentence["start"])]))
            parts.append(_sentence_html(text, sentence, column))
            previous_end = int(sentence["end"])
        standfirst = "standfirst" if set(para["role"].astype(str)) == {"standfirst"} else ""
        classes = " ".join(c for c in (css, standfirst) if c)
        attr = f' class="{classes}"' if classes else ""
        blocks.append(f"<{tag}{attr}>{''.join(parts)}</{tag}>")
    return blocks


# ---------------------------------------------------------------------------
# Quotations: who speaks
# ---------------------------------------------------------------------------

QUOTE_KIND_LABELS = {"direct": "direct quotation", "partial": "partial quotation", "indirect": "reported speech"}
"""Kinds of quotation (``quotes.csv``, ``kind``) labelled with their speaker, and how the legend names them."""
UNKNOWN_SPEAKER = "unknown speaker"


class _Quote(NamedTuple):
    start: int
    end: int
    kind: str
    speaker: str


def _speaker_name(row: Mapping[str, object]) -> str:
    """The speaker's name as the actor list gives it, else as the article names them, else 'unknown speaker'."""
    for key in ("speaker_actor", "speaker"):
        name = " ".join(_text(row.get(key)).split())
        if name:
            return name
    return UNKNOWN_SPEAKER


def _article_quotes(quotes: pd.DataFrame | None, article_id: str) -> list[_Quote]:
    if quotes is None or quotes.empty:
        return []
    mine = quotes[(quotes["article_id"].astype(str) == article_id) & quotes["kind"].astype(str).isin(QUOTE_KIND_LABELS)]
    found = [
        _Quote(int(row["start"]), int(row["end"]), str(row["kind"]), _speaker_name(row))
        for row in mine.to_dict("records")
        if int(row["end"]) > int(row["start"]) >= 0
    ]
    return sorted(found)


def _speaker_of_span(quotes: list[_Quote], reach: list[int], start: int, end: int) -> str:
    """Speaker of the innermost quotation that contains ``[start, end)``, or ''.

    ``quotes`` are sorted by start; ``reach[i]`` is the largest end among ``quotes[: i + 1]``.
    """
    i = bisect.bisect_right(quotes, (start, float("inf"))) - 1
    while i >= 0 and reach[i] >= end:
        if quotes[i].end >= end:
            return quotes[i].speaker
        i -= 1
    return ""


def _speaker_labels(quotes: list[_Quote], sentences: pd.DataFrame) -> dict[str, list[tuple[int, str]]]:
    """sentence id -> speaker labels, each at the end of its quotation (cut at the end of the sentence it ends in).

    A label is an empty ``<sup>`` whose ``data-speaker`` the style sheet shows, so it adds no text to
    the article: every offset and every mark stays where the raw text puts it.
    """
    spans = sorted(zip(sentences["start"].astype(int), sentences["end"].astype(int),
                       sentences["sentence_id"].map(_text), strict=True))
    starts = [s for s, _, _ in spans]
    out: dict[str, list[tuple[int, str]]] = {}
    for quote in quotes:
        j = bisect.bisect_right(starts, quote.end - 1) - 1
        if j < 0 or spans[j][1] <= quote.end - 1:
            continue  # the quotation ends in text that is not shown
        element = (f'<sup class="who who-{_esc(quote.kind)}" data-speaker="{_esc(quote.speaker)}"'
                   f' data-kind="{_esc(QUOTE_KIND_LABELS[quote.kind])}"></sup>')
        out.setdefault(spans[j][2], []).append((min(quote.end, spans[j][1]), element))
    return out


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


def _article_cues(
    cues: pd.DataFrame | None, article_id: str, first_order: int, quotes: list[_Quote] | None = None
) -> list[dict[str, object]]:
    if cues is None or cues.empty:
        return []
    mine = cues[cues["article_id"].astype(str) == article_id].copy()
    mine["_cat"] = mine["category"].map({c: i for i, c in enumerate(CUE_CATEGORIES)})
    mine = mine.sort_values(
        ["start", "end", "_cat", "subcategory", "term", "voice"],
        ascending=[True, False, True, True, True, True],
        kind="stable",
    )
    reach = list(itertools.accumulate((q.end for q in quotes or ()), max))
    out = []
    for i, row in enumerate(mine.to_dict("records")):
        start, end = int(row["start"]), int(row["end"])
        note = _cue_note(row)
        speaker = _speaker_of_span(quotes, reach, start, end) if quotes else ""
        if speaker:
            note += f" · speaker: {speaker}"
        out.append({"id": str(first_order + i), "start": start, "end": end,
                    "category": str(row["category"]), "note": note})
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


def _number_notes(
    sentences: pd.DataFrame,
    cues: list[dict[str, object]],
    pieces: Mapping[str, list[_Piece]],
    notes: Mapping[str, tuple[str, str]],
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Number the hover notes of one column in reading order, for its printed footnotes.

    A cue's number sits at the end of its last piece, a tone marker's at the end of its sentence;
    within a sentence the numbers follow the order in which the marks close.  Sets ``cue["fn"]``
    and returns (sentence id -> number, [(shown number, note)] in order).
    """
    order = sentences.assign(
        _head=(sentences["role"].astype(str) != "headline"), _sid=sentences["sentence_id"].map(_text)
    ).sort_values(["_head", "paragraph", "start", "end"], kind="stable")
    numbers: dict[str, int] = {}
    listed: list[tuple[str, str]] = []
    for sentence_id in order["_sid"]:
        lasts = sorted((p for p in pieces.get(sentence_id, []) if p.last), key=lambda p: (p.end, -p.start, -p.order))
        for piece in lasts:
            cue = cues[piece.order]
            cue["fn"] = str(len(listed) + 1)
            listed.append((_CUE_LETTER[str(cue["category"])] + str(cue["fn"]), str(cue["note"])))
        note = notes.get(sentence_id, ("", ""))[1]
        if note:
            numbers[sentence_id] = len(listed) + 1
            listed.append((str(numbers[sentence_id]), note))
    return numbers, listed


def _footnotes_html(listed: list[tuple[str, str]], column_no: int) -> str:
    """The column's numbered notes: folded away on screen behind a toggle, always printed."""
    if not listed:
        return ""
    items = "".join(
        f'<li id="fn-{column_no}-{k}"><span class="fn-no">{_esc(shown)}</span> {_esc(note)}</li>'
        for k, (shown, note) in enumerate(listed, start=1)
    )
    return (
        '<div class="notes">'
        f'<input type="checkbox" class="notes-toggle" id="notes-{column_no}">'
        f'<label for="notes-{column_no}">Notes on the marks ({len(listed)})</label>'
        f'<ol class="footnotes">{items}</ol>'
        "</div>"
    )


def _column_html(
    article: Mapping[str, object],
    text: str,
    sentences: pd.DataFrame,
    cues: list[dict[str, object]],
    notes: Mapping[str, tuple[str, str]],
    lines: pd.DataFrame | None,
    outlet_index: int,
    *,
    quotes: list[_Quote],
    anchors: set[str],
    column_no: int,
) -> str:
    article_id = _text(article["article_id"])
    pieces, unplaced = _pieces_by_sentence(sentences, cues)
    numbers, listed = _number_notes(sentences, cues, pieces, notes)
    column = _Column(cues, pieces, notes, _speaker_labels(quotes, sentences), numbers, anchors)

    def render(block: pd.DataFrame, tag: str, css: str) -> str:
        return "".join(_paragraphs_html(text, block, column, tag=tag, css=css))

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
        '<p class="target-note">Shown because the link you followed points to a sentence of this article.</p>'
        '<header class="col-head">'
        f'<p class="outlet">{_esc(article["outlet"])}</p>'
        + (f'<p class="meta">{meta}</p>' if meta else "")
        + headline
        + f'<p class="stats">{stats}</p>'
        "</header>"
        f'<div class="article-text">{body}</div>'
        + (f'<p class="source">{_esc(url)}</p>' if url else "")
        + _footnotes_html(listed, column_no)
        + _removed_html(lines, article_id, sentences)
        + "</article>"
    )


# ---------------------------------------------------------------------------
# Legend and page
# ---------------------------------------------------------------------------


LEGEND_COLUMNS_MAX = 5
"""Most outlets the legend table lists as columns; with more, it lists them as rows."""


def _legend_html(counts: pd.DataFrame, *, with_removed: bool, with_quotes: bool = False) -> str:
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
        "own words or a quotation), and over a sentence for its scores. The same notes are numbered: the small "
        "number after a highlight (H3) or a sentence (7) points to the list of <em>Notes on the marks</em> "
        "at the end of each article, folded away on screen and printed with the page.</p>"
        + (
            '<p>A small grey label such as <sup class="who who-direct" data-speaker="speaker"></sup> ends each '
            "quotation and names who is quoted: upright for direct and partial quotations, italic for reported "
            "speech (the words the speaker is said to have said).</p>"
            if with_quotes
            else ""
        )
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
  --pos: #3b2f8f; --neg: #a50026; --neu: #8c959f; /* tone markers: no outlet colour of the charts */
  --target: #fff1a8;
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
/* footnote numbers of the hover notes: after a sentence, and after a cue's letter */
.s[data-fn]::after {
  content: attr(data-fn); font: 400 .58em/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  vertical-align: super; color: var(--muted); margin-left: .1em;
}
/* the sentence a link points to */
.s:target { background: var(--target); box-shadow: 0 0 0 2px var(--target), 0 2px 0 2px var(--ink);
  scroll-margin-top: 5rem; }
.target-note { display: none; margin: 0 0 .3rem; font-size: .78rem; font-weight: 600; color: var(--ink);
  background: var(--target); padding: .15rem .4rem; border-radius: 3px; }
/* who is quoted: a label drawn from data-speaker, so it adds no text to the article */
sup.who::after {
  content: attr(data-speaker); font: 500 .62rem/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #4a525b; background: #eef1f4; border: 1px solid var(--rule); border-radius: 3px;
  padding: 0 .25em; margin-left: .15em; white-space: nowrap; font-style: normal;
}
sup.who-indirect::after { font-style: italic; }
/* numbered notes at the end of each article */
.notes { margin-top: .8rem; font-size: .8rem; color: var(--muted); }
.notes-toggle { margin: 0 .3rem 0 0; vertical-align: middle; }
.notes > label { cursor: pointer; font-weight: 600; }
.footnotes { display: none; list-style: none; margin: .3rem 0 0; padding: 0; }
.notes-toggle:checked ~ .footnotes { display: block; }
.footnotes li { padding: .1rem 0; border-top: 1px solid var(--rule); overflow-wrap: anywhere; }
.fn-no { display: inline-block; min-width: 2.4em; font-weight: 700; color: var(--ink);
  font-variant-numeric: tabular-nums; }
a.other-view { color: #0b5cad; font-weight: 600; }
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
mark.cue[data-fn]::after { letter-spacing: .02em; }
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
  .notes-toggle, .notes > label { display: none; }
  .footnotes { display: block; font-size: 8pt; }
  .footnotes li { break-inside: avoid; }
  .target-note { display: none !important; }
  .s:target { background: none; box-shadow: none; }
}
"""


def _css() -> str:
    letters = "\n".join(f'mark.cue-{c}::after {{ content: "{_CUE_LETTER[c]}" attr(data-fn); }}'
                        for c in CUE_CATEGORIES)
    return _CSS.replace("@LETTERS@", letters)


ALL_SHOWN_MAX = 3
"""Most outlets shown all at once when the page opens; with more, it opens on two of them, side by side."""


PICKER_HINT = "and marks them in the table of counts."


def _picker_html(outlets: list[str], *, hint: str = PICKER_HINT) -> str:
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
        f"{_esc(hint)}</span></p>"
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
    # A link to a sentence (#s-...) in a column the picker hides: show that column too, after the chosen two.
    rules.append(f"{pair} .columns > .col:has(.s:target) {{ display: block; order: 3; }}")
    rules.append(f"{pair} .columns > .col:has(.s:target) > .target-note {{ display: block; }}")
    for i in range(n_outlets):
        rules.append(f'{pair}:has(#left-{i}:checked) .columns > .col[data-outlet="{i}"] > .target-note, '
                     f'{pair}:has(#right-{i}:checked) .columns > .col[data-outlet="{i}"] > .target-note '
                     "{ display: none; }")
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
    quotes: pd.DataFrame | None = None,
    aligned_page: str | None = None,
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
    quotes : DataFrame or None
        ``quotes.csv``: ``article_id``, ``start``, ``end`` (raw offsets of the
        quoted words or the reported clause), ``kind`` and ``speaker`` (and,
        when present, ``speaker_actor``).  Each direct, partial or indirect
        quotation gets a small speaker label where it ends (the actor's name,
        else the words that name the speaker, else "unknown speaker"), and
        the note of every cue inside it names the speaker.
    aligned_page : str or None
        File name of the aligned view (:func:`render_aligned_view`) to link
        from the top of the page; ``None`` leaves the link out.

    Returns
    -------
    str
        A complete HTML document with inline CSS, no script and no external
        resource.  Each sentence span carries ``id="s-<sentence_id>"``
        (:func:`sentence_anchor`), unique on the page; a sentence the address
        points to (``#s-...``) is outlined, and when the two-outlet picker
        hides its column, that column is shown as well, after the two chosen
        ones, with a line saying why.  Every hover note of a column is also
        a numbered footnote: the number is shown after the mark (``H3``) or
        the sentence (``7``) and the column ends with the list of notes,
        folded away on screen and always printed.  Each column carries ``data-outlet="<i>"``, the position of
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
    if quotes is not None and not quotes.empty:
        _check_columns("quotes", quotes)
    notes = _sentiment_notes(sentiment)
    anchors: set[str] = set()

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
        article_quotes = _article_quotes(quotes, article_id)
        article_cues = _article_cues(cues, article_id, next_cue, article_quotes)
        next_cue += len(article_cues)
        columns.append(_column_html(article, text, mine, article_cues, notes, lines, int(article["_rank"]),
                                    quotes=article_quotes, anchors=anchors, column_no=len(columns)))

    events = sorted({_text(v) for v in articles.get("event", pd.Series(dtype=str)) if _text(v)})
    n = len(columns)
    subtitle = _esc(" / ".join(events)) + (" · " if events else "")
    subtitle += f"{n} article{'s' if n != 1 else ''} from {articles['outlet'].nunique()} outlet"
    subtitle += "s" if articles["outlet"].nunique() != 1 else ""
    legend = _legend_html(cue_counts(cues, articles), with_removed=any("<details" in c for c in columns),
                          with_quotes=any('class="who' in c for c in columns))
    if aligned_page:
        subtitle += (f' · <a class="other-view" href="{_esc(aligned_page)}">Aligned view: the same facts and remarks '
                     "side by side, row by row</a>")
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


def corpus_reading_view(
    corpus, cues: pd.DataFrame, sentiment: pd.DataFrame, *, quotes: pd.DataFrame | None = None,
    aligned_page: str | None = None,
) -> str:
    """:func:`render_reading_view` of every article of ``corpus`` (a :class:`framing.load.corpus.Corpus`).

    The title names the event of ``articles.csv`` when it has one.  ``quotes`` (``quotes.csv``) labels
    quotations with their speaker; ``aligned_page`` links the aligned view.
    """
    event = next((e for e in corpus.articles["event"] if e), "")
    title = f"Side by side: {event}" if event else "Side-by-side reading"
    return render_reading_view(corpus.articles, corpus.lines, corpus.sentences, cues, sentiment, corpus.texts,
                               title=title, quotes=quotes, aligned_page=aligned_page)


# ---------------------------------------------------------------------------
# The aligned view: one row per content unit, one column per outlet
# ---------------------------------------------------------------------------

SIDE_BY_SIDE_PAGE = "side-by-side.html"
ALIGNED_PAGE = "aligned.html"

REQUIRED_COLUMNS.update({
    "units": ("unit_id", "n_outlets"),
    "unit_sentences": ("unit_id", "article_id", "outlet", "sentence_id", "paragraph", "in_headline", "in_lede",
                       "start", "end"),
    "coverage": ("outlet", "unit_id", "present", "in_lede"),
})


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value) and _text(value) != ""


def unit_order(unit_sentences: pd.DataFrame, outlets: list[str], articles: list[str] | None = None) -> list[str]:
    """The rows of the aligned view, top to bottom: the first outlet's article as it runs, the rest slotted in.

    Units the first outlet tells come in the order of their first place in its article (headline,
    then paragraph and character offset).  Each later outlet's units that are not placed yet go
    right after the unit that precedes them in that outlet's article (at the top when none does),
    so every column reads in the order its article runs wherever the outlets agree.

    Parameters
    ----------
    unit_sentences : DataFrame
        ``unit_sentences.csv``: ``unit_id``, ``outlet``, ``article_id``, ``paragraph``, ``start``.
    outlets : list of str
        Outlets in column order.
    articles : list of str, optional
        Article ids in page order (an outlet with several articles is read article by article).

    Returns
    -------
    list of str
        Unit ids, each once.
    """
    rank = {a: i for i, a in enumerate(articles or [])}
    rows = unit_sentences.assign(
        _article=unit_sentences["article_id"].map(lambda a: rank.get(a, len(rank))),
        _paragraph=unit_sentences["paragraph"].astype(int), _start=unit_sentences["start"].astype(int),
    ).sort_values(["_article", "_paragraph", "_start", "unit_id"], kind="stable")
    # Each unit gets a sort key: a path of integer tuples.  The first outlet's units are ((0, i),) in
    # its order; a later outlet's new unit that follows a placed unit with key K gets K + ((rank, i),)
    # (after K and its earlier followers, before K's successor); new units before the outlet's first
    # placed unit go just before that unit; an outlet that shares nothing goes last.
    keys: dict[str, tuple[tuple[int, ...], ...]] = {}
    for outlet_rank, outlet in enumerate(outlets):
        firsts = rows.loc[rows["outlet"] == outlet, "unit_id"].drop_duplicates().tolist()
        anchor: tuple[tuple[int, ...], ...] | None = None
        leading: list[str] = []
        for seq, unit in enumerate(firsts):
            if unit in keys:
                if anchor is None:
                    head = keys[unit][-1]
                    for j, new in enumerate(leading):
                        keys[new] = keys[unit][:-1] + ((*head[:-1], head[-1] - 1, outlet_rank, j),)
                anchor = keys[unit]
            elif anchor is None:
                leading.append(unit)
            else:
                keys[unit] = anchor + ((outlet_rank, seq),)
        if anchor is None:
            keys.update({new: ((outlet_rank, j),) for j, new in enumerate(leading)})
    return sorted(keys, key=keys.__getitem__)


def _clause_html(text: str, lo: int, spans: list[tuple[int, int]]) -> str:
    """A sentence (raw offset ``lo``) with the clauses of the unit in bold, every piece escaped."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(start - lo, pos), min(end - lo, len(text))
        if end <= start:
            continue
        out.append(_esc(text[pos:start]) + f'<b class="clause">{_esc(text[start:end])}</b>')
        pos = end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _aligned_cell(rows: list[dict[str, object]], sentence: Mapping[str, Mapping[str, object]], outlet_no: int,
                  side_by_side: str | None, *, lede: bool) -> str:
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in rows:
        spans.setdefault(_text(row["sentence_id"]), []).append((int(row["start"]), int(row["end"])))
    parts = []
    for sentence_id in sorted(spans, key=lambda s: (int(sentence[s]["paragraph"]), int(sentence[s]["start"]))):
        info = sentence[sentence_id]
        role = _text(info.get("role"))
        where = "headline" if role == "headline" else f"¶ {int(info['paragraph'])}"
        if side_by_side:
            href = f"{side_by_side}#{sentence_anchor(sentence_id)}"
            where_html = (f'<a class="where" href="{_esc(href)}" title="this sentence in the side-by-side view">'
                          f"{_esc(where)}</a>")
        else:
            where_html = f'<span class="where">{_esc(where)}</span>'
        parts.append(f'<p class="said">{where_html} '
                     f'{_clause_html(_text(info["text"]), int(info["start"]), spans[sentence_id])}</p>')
    tag = '<span class="lede-tag">lede</span>' if lede else ""
    return f'<div class="cell told{" in-lede" if lede else ""}" data-outlet="{outlet_no}">{tag}{"".join(parts)}</div>'


_ALIGNED_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --soft: #f6f8fa; --lede: #7a4a00; --pos: #3b2f8f; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 112rem; padding: 1.5rem 2rem 3rem; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45;
}
.page-head h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
.page-head .sub { color: var(--muted); margin: 0 0 .6rem; }
.page-head a { color: #0b5cad; font-weight: 600; }
.how { border: 1px solid var(--rule); border-radius: 6px; background: var(--soft); padding: .5rem 1rem;
  margin: 0 0 1.2rem; font-size: .86rem; color: var(--muted); }
.how p { margin: .2rem 0 .4rem; }
.compare { border: 1px solid var(--rule); border-radius: 6px; padding: .6rem 1rem .2rem; margin: 0 0 1.2rem;
  font-size: .86rem; }
.compare-all { margin: 0 0 .4rem; }
.compare-all label { font-weight: 600; margin: 0 .6rem 0 .3rem; }
.compare-hint { color: var(--muted); }
.pickers { opacity: .55; }
.pick { border: 0; margin: 0 0 .4rem; padding: 0; display: grid; grid-template-columns: 7.5rem 1fr; }
.pick legend { float: left; font-weight: 600; color: var(--muted); padding: .15rem 0 0; }
.chips { display: flex; flex-wrap: wrap; gap: .3rem; }
.pick input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.pick label { border: 1px solid var(--rule); border-radius: 999px; padding: .12rem .6rem; cursor: pointer;
  background: #fff; white-space: nowrap; }
.pick input:checked + label { background: var(--ink); border-color: var(--ink); color: #fff; }
.pick input:focus-visible + label, .compare-all input:focus-visible { outline: 2px solid var(--pos);
  outline-offset: 2px; }
/* sideways scrolling only when every one of many outlets is shown (it would stop the sticky header) */
.grid-scroll { max-width: 100%; }
body:has(#show-all:checked) .grid-scroll { overflow-x: auto; }
.unit-row {
  display: grid; gap: 0 1.2rem; grid-template-columns: 9rem repeat(var(--n), minmax(var(--min-col), 1fr));
  border-top: 1px solid var(--rule); padding: .5rem 0;
}
.unit-row.head { position: sticky; top: 0; background: #fff; z-index: 1; border-top: 0;
  border-bottom: 3px solid var(--ink); padding: .3rem 0; }
.unit-row.in-lede { background: linear-gradient(90deg, #fff6e0 0, #fff6e0 9rem, transparent 9rem); }
.unit-head { font-size: .78rem; color: var(--muted); order: 0; }
.unit-head .unit-no { font-weight: 700; color: var(--ink); display: block; }
.unit-head .lede-mark { display: inline-block; margin-top: .2rem; font-weight: 700; color: var(--lede); }
.cell { min-width: 0; }
.cell.outlet-head .outlet { margin: 0; font-size: .8rem; font-weight: 700; letter-spacing: .06em;
  text-transform: uppercase; }
.cell.outlet-head .headline { margin: .1rem 0 0; font-family: Charter, "Bitstream Charter", Cambria, Georgia,
  "Times New Roman", serif; font-size: .98rem; line-height: 1.3; }
.said { margin: 0 0 .45rem; font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia,
  "Times New Roman", serif; font-size: .98rem; line-height: 1.5; overflow-wrap: break-word; }
.said b.clause { font-weight: 400; background: #eef3fa; box-shadow: 0 1px 0 #9fb7d6; }
.where { font: 600 .72rem/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #0b5cad;
  margin-right: .25rem; white-space: nowrap; }
.lede-tag { display: inline-block; font: 700 .66rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial,
  sans-serif; color: #fff; background: var(--lede); border-radius: 3px; padding: 0 .35em; margin: 0 0 .25rem;
  text-transform: uppercase; letter-spacing: .05em; }
.cell.none { color: var(--muted); font-style: italic; font-size: .86rem; border-left: 3px dotted var(--rule);
  padding-left: .5rem; align-self: start; }
footer.page-foot { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--rule); font-size: .75rem;
  color: var(--muted); }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .compare { display: none; }
  .unit-row { break-inside: avoid; }
  .unit-row.head { position: static; }
}
"""


def _aligned_picker_css(n_outlets: int) -> str:
    """Show the two chosen outlets' cells (left, then right) and only the rows either of them tells."""
    if n_outlets < 3:
        return ""
    pair = "body:has(#show-all:not(:checked))"
    rules = [f"{pair} .unit-row {{ grid-template-columns: 9rem repeat(2, minmax(0, 1fr)); }}",
             f"{pair} .unit-row > .cell {{ display: none; }}",
             f"{pair} .unit-row:not(.head) {{ display: none; }}",
             f"{pair} .pickers {{ opacity: 1; }}"]
    for i in range(n_outlets):
        for side, order in (("left", 1), ("right", 2)):
            chosen = f"{pair}:has(#{side}-{i}:checked)"
            rules.append(f'{chosen} .unit-row > .cell[data-outlet="{i}"] {{ display: block; order: {order}; }}')
            rules.append(f"{chosen} .unit-row.has-{i} {{ display: grid; }}")
    return "@supports selector(:has(*)) {\n" + "\n".join(rules) + "\n}\n"


def render_aligned_view(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    units: pd.DataFrame,
    unit_sentences: pd.DataFrame,
    coverage: pd.DataFrame | None = None,
    *,
    title: str = "Aligned reading",
    side_by_side: str | None = SIDE_BY_SIDE_PAGE,
) -> str:
    """Render the aligned view: one row per content unit, one column per outlet, as one HTML document.

    A content unit is one fact or one remark, found in every article that tells it
    (:func:`framing.measures.alignment.align`).  Each row shows, under each outlet, the sentences
    of that outlet that tell the unit (the clause that does so in bold, its place in the article
    linked to the side-by-side view), or "not reported" where the outlet's articles do not tell
    it; units an outlet tells in its lede (headline or first paragraphs) are marked.

    Parameters
    ----------
    articles : DataFrame
        ``article_id``, ``outlet`` and, when present, ``headline`` and ``event``; outlets keep the
        order in which it first names them.
    sentences : DataFrame
        ``sentence_id``, ``paragraph``, ``role``, ``start``, ``end``, ``text``.
    units, unit_sentences, coverage : DataFrame
        ``units.csv``, ``unit_sentences.csv`` and ``coverage.csv`` of the analysis.  ``coverage``
        (``in_lede`` per outlet x unit) marks the lede; without it, ``unit_sentences.in_lede`` does.
    title : str
        Page title (escaped).
    side_by_side : str or None
        File name of the side-by-side view the sentences link to (``#s-<sentence_id>``); ``None``
        writes no links.

    Returns
    -------
    str
        A complete HTML document with inline CSS, no script and no external resource.  Rows are
        ordered by :func:`unit_order`: a reader reads the first outlet's article as it runs and sees
        beside each passage whether and how the others tell it.  Each row is ``<section
        class="unit-row has-<i> ..." id="unit-<unit_id>">`` with one ``.cell[data-outlet=i]`` per
        outlet, classed ``told`` or ``none``.  With three or more outlets the two-outlet picker of
        the side-by-side view chooses the two columns, and only the rows one of them tells are shown.
    """
    for name, frame in (("articles", articles), ("units", units), ("unit_sentences", unit_sentences)):
        _check_columns(name, frame)
    outlets = list(dict.fromkeys(articles["outlet"].map(_text)))
    number = {o: i for i, o in enumerate(outlets)}
    sentence = {_text(r["sentence_id"]): r for r in sentences.to_dict("records")}
    known = unit_sentences[unit_sentences["sentence_id"].map(_text).isin(sentence)
                           & unit_sentences["outlet"].map(_text).isin(number)]
    by_cell: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in known.to_dict("records"):
        by_cell.setdefault((_text(row["unit_id"]), _text(row["outlet"])), []).append(row)
    lede: set[tuple[str, str]] = set()
    if coverage is not None and not coverage.empty:
        _check_columns("coverage", coverage)
        lede = {(_text(r["unit_id"]), _text(r["outlet"])) for r in coverage.to_dict("records")
                if _truthy(r["present"]) and _truthy(r["in_lede"])}
    else:
        lede = {(_text(r["unit_id"]), _text(r["outlet"])) for r in known.to_dict("records") if _truthy(r["in_lede"])}
    article_order = articles["article_id"].map(_text).tolist()
    order = [u for u in unit_order(known, outlets, article_order) if u in set(units["unit_id"].map(_text))]

    heads = []
    for outlet in outlets:
        first = articles[articles["outlet"].map(_text) == outlet].iloc[0]
        headline = _text(first.get("headline"))
        heads.append(f'<div class="cell outlet-head" data-outlet="{number[outlet]}">'
                     f'<p class="outlet">{_esc(outlet)}</p>'
                     + (f'<p class="headline">{_esc(headline)}</p>' if headline else "") + "</div>")
    rows = [f'<div class="unit-row head"><div class="unit-head">Fact or remark</div>{"".join(heads)}</div>']
    n_all = 0
    for unit_id in order:
        cells, has, lede_of = [], [], []
        for outlet in outlets:
            mine = by_cell.get((unit_id, outlet))
            if mine:
                has.append(f"has-{number[outlet]}")
                in_lede = (unit_id, outlet) in lede
                if in_lede:
                    lede_of.append(outlet)
                cells.append(_aligned_cell(mine, sentence, number[outlet], side_by_side, lede=in_lede))
            else:
                cells.append(f'<div class="cell none" data-outlet="{number[outlet]}">{NOT_REPORTED}</div>')
        n_all += len(has) == len(outlets)
        told = f"told by {len(has)} of {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
        ledes = "in the lede" if len(outlets) < 3 else f"in {len(lede_of)} lede{'s' if len(lede_of) != 1 else ''}"
        mark = (f'<span class="lede-mark" title="{_esc("in the lede of " + ", ".join(lede_of))}">{ledes}</span>'
                if lede_of else "")
        classes = " ".join(["unit-row", *has] + (["in-lede"] if lede_of else []))
        rows.append(f'<section class="{classes}" id="unit-{_esc(unit_id)}" data-unit="{_esc(unit_id)}">'
                    f'<div class="unit-head"><span class="unit-no">{_esc(unit_id)}</span>{told}<br>{mark}</div>'
                    f'{"".join(cells)}</section>')

    events = sorted({_text(v) for v in articles.get("event", pd.Series(dtype=str)) if _text(v)})
    sub = (_esc(" / ".join(events)) + (" · " if events else "")
           + f"{len(order)} facts and remarks, {n_all} told by every outlet")
    if side_by_side:
        sub += f' · <a href="{_esc(side_by_side)}">Side-by-side view: each article whole, every cue highlighted</a>'
    if not order:
        body = ('<p class="how">No content units for these articles: they were not computed for this folder '
                "(see the notices of the analysis), or the articles share nothing to align.</p>")
    else:
        min_col = "17rem" if len(outlets) > ALL_SHOWN_MAX else "0px"  # up to three outlets: always fit the page
        body = (f'<div class="grid-scroll"><div class="units" style="--n: {len(outlets)}; --min-col: {min_col}">'
                f'{"".join(rows)}</div></div>')
    how = (
        '<section class="how" aria-label="How to read this page">'
        "<p>Each row is one fact or remark, with the sentences of each outlet that tell it side by side; the "
        "words that tell it are shaded. <em>not reported</em> means the outlet's article does not tell it. "
        '<span class="lede-tag">lede</span> marks a unit told in the headline or the opening paragraphs, '
        "the part most readers read.</p>"
        "<p>Rows follow the first outlet's article from top to bottom; what it does not tell is slotted in "
        "after the passage that precedes it in the article that tells it, so each column reads in its "
        "article's own order. The paragraph mark (¶ 3) of each sentence links to its place in the side-by-side "
        "view.</p></section>"
    )
    picker = _picker_html(outlets, hint="and only the rows one of them tells.")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_ALIGNED_CSS}{_aligned_picker_css(len(outlets))}</style>\n"
        "</head>\n<body>\n"
        f'<header class="page-head"><h1>{_esc(title)}</h1><p class="sub">{sub}</p></header>\n'
        + picker + how + "\n<main>\n" + body + "\n</main>\n"
        '<footer class="page-foot">Content units group the clauses of different articles that tell the same fact '
        "or remark, by shared words, names, numbers and quoted words; a unit may miss a paraphrase or join two "
        "close facts, so read the sentences themselves.</footer>\n</body>\n</html>\n"
    )


def reading_view_pages(analysis, *, side_by_side: str = SIDE_BY_SIDE_PAGE,
                       aligned: str = ALIGNED_PAGE) -> dict[str, str]:
    """The reading pages of an analysis (a :class:`framing.pipeline.Analysis`): file name -> HTML.

    ``side_by_side``: :func:`corpus_reading_view` with quotations labelled by speaker and a link to
    the aligned view; ``aligned``: :func:`render_aligned_view` of its content units.
    """
    corpus, tables = analysis.corpus, analysis.tables
    empty = pd.DataFrame(columns=list(REQUIRED_COLUMNS["unit_sentences"]))
    event = next((e for e in corpus.articles.get("event", pd.Series(dtype=str)) if _text(e)), "")
    return {
        side_by_side: corpus_reading_view(corpus, tables["cues"], tables["sentiment"], quotes=tables.get("quotes"),
                                          aligned_page=aligned),
        aligned: render_aligned_view(
            corpus.articles, corpus.sentences,
            tables.get("units", pd.DataFrame(columns=list(REQUIRED_COLUMNS["units"]))),
            tables.get("unit_sentences", empty), tables.get("coverage"),
            title=f"Aligned: {event}" if event else "Aligned reading", side_by_side=side_by_side,
        ),
    }
