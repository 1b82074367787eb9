"""Keyword-in-context lines: the sentences behind every number.

Any table of character spans (cues, term matches, quotations) becomes a
table of readable lines, each with the words on its left, the match and the
words on its right, cut at the sentence edges, so a reader can check what was
counted.
"""

from __future__ import annotations

import html as _html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

KWIC_COLUMNS = ["article_id", "outlet", "sentence_id", "start", "end", "left", "match", "right", "text"]
TERM_COLUMNS = ["article_id", "sentence_id", "start", "end"]


def mark(text: str, start: int, end: int, *, html: bool = False) -> str:
    """Return ``text`` with ``text[start:end]`` marked.

    Parameters
    ----------
    text : str
        The text, e.g. ``left + match + right`` of a KWIC line (then
        ``start = len(left)``, ``end = len(left) + len(match)``).
    start, end : int
        Half-open character span of the match within ``text``.
    html : bool
        ``False``: the match is wrapped in ``[[ ]]``.  ``True``: every part of
        the text is HTML-escaped (``<``, ``>``, ``&`` and quotes) and the match
        is wrapped in ``<mark>...</mark>``, safe to insert into a page.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) does not fit a text of {len(text)} characters")
    before, match, after = text[:start], text[start:end], text[end:]
    if html:
        esc = _html.escape
        return f"{esc(before)}<mark>{esc(match)}</mark>{esc(after)}"
    return f"{before}[[{match}]]{after}"


def _context_bounds(raw: str, start: int, end: int) -> tuple[int, int]:
    """Line around a span that lies in no sentence: up to the neighbouring line breaks."""
    lo = raw.rfind("\n", 0, start) + 1
    hi = raw.find("\n", end)
    return lo, len(raw) if hi < 0 else hi


def kwic(sentences: pd.DataFrame, texts: dict[str, str], spans: pd.DataFrame, *, width: int = 60) -> pd.DataFrame:
    """Keyword-in-context lines for character spans.

    Parameters
    ----------
    sentences : DataFrame
        ``article_id, outlet, sentence_id, start, end, text`` (``Corpus.sentences``).
    texts : dict
        article_id -> raw text; span offsets index into these strings.
    spans : DataFrame
        Any table with ``article_id, start, end`` (a cue table, or the output of
        :func:`find_term`).  Other columns (category, voice, ...) are carried
        over after the KWIC columns unless their names clash with them.
    width : int
        Characters of context on each side, at most; context never crosses the
        sentence edges.

    Returns
    -------
    DataFrame
        One row per span, sorted by article, start, end (the original order
        breaks ties), with columns

        - ``article_id, outlet, sentence_id``: where the span lies; the sentence
          is the one containing the span's first character.  A span outside
          every sentence (a caption, say) keeps ``sentence_id`` missing and takes
          its context from its own line of the raw text.
        - ``start, end``: the span, offsets into the raw text.
        - ``left, match, right``: ``raw[max(s0, start - width):start]``,
          ``raw[start:end]``, ``raw[end:min(s1, end + width)]`` where ``[s0, s1)``
          is the sentence; raw characters, unchanged.
        - ``text``: the whole sentence.
    """
    import numpy as np
    import pandas as pd

    if width < 0:
        raise ValueError("width must be >= 0")
    extra = [c for c in spans.columns if c not in KWIC_COLUMNS]
    work = spans.reset_index(drop=True).copy()
    work["_order"] = np.arange(len(work))
    work = work.sort_values(["article_id", "start", "end", "_order"], kind="stable")

    outlet_of = dict(zip(sentences["article_id"], sentences["outlet"]))
    by_article = {
        art: (g["start"].to_numpy(dtype=int), g["end"].to_numpy(dtype=int), g)
        for art, g in sentences.sort_values(["article_id", "start"], kind="stable").groupby("article_id")
    }
    rows = []
    for rec in work.to_dict("records"):
        art, start, end = rec["article_id"], int(rec["start"]), int(rec["end"])
        raw = texts[art]
        sentence_id, outlet = None, outlet_of.get(art)
        found = by_article.get(art)
        i = -1
        if found is not None:
            s_start, s_end, group = found
            i = int(np.searchsorted(s_start, start, side="right")) - 1
        if i >= 0 and start < s_end[i]:
            lo, hi = int(s_start[i]), int(s_end[i])
            sentence_id = group["sentence_id"].iloc[i]
            outlet = group["outlet"].iloc[i]
        else:
            lo, hi = _context_bounds(raw, start, end)
        hi = max(hi, end)
        row = {
            "article_id": art,
            "outlet": outlet,
            "sentence_id": sentence_id,
            "start": start,
            "end": end,
            "left": raw[max(lo, start - width) : start],
            "match": raw[start:end],
            "right": raw[end : min(hi, end + width)],
            "text": raw[lo:hi],
        }
        row.update({c: rec[c] for c in extra})
        rows.append(row)
    out = pd.DataFrame(rows, columns=KWIC_COLUMNS + extra)
    out["start"] = out["start"].astype(int)
    out["end"] = out["end"].astype(int)
    return out.reset_index(drop=True)


def find_term(tokens: pd.DataFrame, term: str, *, skip_punct: bool = False) -> pd.DataFrame:
    """Find every occurrence of a unigram or multi-word term in a token table.

    Parameters
    ----------
    tokens : DataFrame
        ``article_id, sentence_id, token_id, start, end, lower, kind``
        (``Corpus.tokens``).
    term : str
        Lower-case words joined by single spaces, as the salience tables write
        terms (``"strategic stability"``, ``"biden 's"``).  Matching compares
        with the ``lower`` column, word for word, and never crosses a sentence
        boundary.
    skip_punct : bool
        ``False`` (default): the words must be consecutive tokens of one
        sentence (token ids ``k, k+1, ...``), the rule by which
        :mod:`framing.measures.salience` builds n-grams, so the matches are exactly the
        occurrences it counted.  ``True``: punctuation tokens in between are
        ignored, so ``"russia us"`` also matches "Russia, US".

    Returns
    -------
    DataFrame
        ``article_id, sentence_id, start, end``: one row per occurrence, from
        the first character of its first word to the last character of its
        last word (raw-text offsets), sorted by article and start.
    """
    import numpy as np
    import pandas as pd

    words = term.lower().split()
    if not words:
        raise ValueError("term is empty")
    toks = tokens if not skip_punct else tokens[tokens["kind"] != "punct"]
    toks = toks.sort_values(["article_id", "sentence_id", "token_id"], kind="stable").reset_index(drop=True)
    lower = toks["lower"].to_numpy(dtype=object)
    sent = toks["sentence_id"].to_numpy(dtype=object)
    token_id = toks["token_id"].to_numpy(dtype=int)
    n, k = len(toks), len(words)
    if n < k:
        return pd.DataFrame({c: pd.Series(dtype=int if c in ("start", "end") else object) for c in TERM_COLUMNS})
    hit = np.ones(n - k + 1, dtype=bool)
    for j, w in enumerate(words):
        hit &= lower[j : n - k + 1 + j] == w
        hit &= sent[j : n - k + 1 + j] == sent[: n - k + 1]
        if not skip_punct:
            hit &= token_id[j : n - k + 1 + j] == token_id[: n - k + 1] + j
    first = np.flatnonzero(hit)
    out = pd.DataFrame(
        {
            "article_id": toks["article_id"].to_numpy()[first],
            "sentence_id": sent[first],
            "start": toks["start"].to_numpy(dtype=int)[first],
            "end": toks["end"].to_numpy(dtype=int)[first + k - 1],
        },
        columns=TERM_COLUMNS,
    )
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
