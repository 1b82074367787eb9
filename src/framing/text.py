"""Character-level text helpers: normalisation, quotation spans and word tokens.

Every function here keeps character offsets intact: normalisation replaces one
character by exactly one character, so an offset into the normalised text is
the same offset into the raw text.  That is what lets every sentence, token and
cue be traced back to the raw file.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# One-for-one replacements: typographic quotes and odd spaces become their
# plain equivalents.  Guillemets and low-9 quotes become straight double quotes.
_NORMALISE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u00ab": '"',  # left guillemet
        "\u00bb": '"',  # right guillemet
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u2032": "'",  # prime
    }
)

DOUBLE_OPEN = "\u201c\u201e\u00ab"
DOUBLE_CLOSE = "\u201d\u00bb"
DOUBLE_EITHER = '"'
SINGLE_OPEN = "\u2018\u201a"
SINGLE_CLOSE = "\u2019"
SINGLE_EITHER = "'"
QUOTE_CHARS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER


def normalise(text: str) -> str:
    """Return ``text`` with typographic quotes and no-break spaces made plain.

    The result has exactly the same length as the input (one character in,
    one character out), so offsets are shared between the two.
    """
    return text.translate(_NORMALISE)


class Span(NamedTuple):
    """A half-open character span ``[start, end)``."""

    start: int
    end: int


def _is_space_or_start(text: str, i: int) -> bool:
    return i <= 0 or text[i - 1].isspace() or text[i - 1] in "([{-\u2014\u2013/"


def _is_space_or_end(text: str, i: int) -> bool:
    return i >= len(text) - 1 or text[i + 1].isspace() or text[i + 1] in ".,;:!?)]}-\u2014\u2013"


def quote_spans(text: str) -> list[Span]:
    """Find the quoted stretches of ``text``.

    Any style of quotation mark counts: straight ``"`` and ``'``, curly
    ``“ ” ‘ ’`` and guillemets ``« »``; opening and closing marks may be of
    different styles (``"low level.”``).  A straight mark opens a quotation
    when it follows a space or the start of the text and closes one
    otherwise.  Single marks count only at a word edge, so apostrophes
    (``Biden’s``) are never taken for quotation marks.  A quotation left open
    at the end of the text runs to its end (the convention for quotes that
    continue into the next paragraph).

    Returns
    -------
    list of Span
        Spans include the quotation marks themselves, in text order, not
        overlapping.  Single quotes nested in a double quote are part of it.
    """
    spans: list[Span] = []
    open_double: int | None = None
    open_single: int | None = None
    for i, ch in enumerate(text):
        if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == DOUBLE_EITHER:
            if open_double is None:
                if ch in DOUBLE_CLOSE and not _is_space_or_start(text, i):
                    continue  # stray closing mark
                if open_single is not None:
                    open_single = None  # a double mark inside a single quote: give up the single
                open_double = i
            else:
                if ch in DOUBLE_OPEN:
                    continue  # nested opening mark of the same kind: ignore
                if ch == DOUBLE_EITHER and _is_space_or_start(text, i) and not _is_space_or_end(text, i):
                    continue  # looks like an opening mark; keep the current quote open
                spans.append(Span(open_double, i + 1))
                open_double = None
        elif open_double is None and (ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch == SINGLE_EITHER):
            prev_letter = i > 0 and text[i - 1].isalnum()
            next_letter = i + 1 < len(text) and text[i + 1].isalnum()
            if prev_letter and next_letter:
                continue  # apostrophe inside a word
            if open_single is None:
                if ch not in SINGLE_CLOSE and _is_space_or_start(text, i) and next_letter:
                    open_single = i
                elif ch in SINGLE_CLOSE and _is_space_or_start(text, i) and next_letter:
                    open_single = i  # a closing mark used as an opener
            elif _is_space_or_end(text, i) and not next_letter:
                spans.append(Span(open_single, i + 1))
                open_single = None
    if open_double is not None:
        spans.append(Span(open_double, len(text)))
    spans.sort()
    return spans


def inside(spans: list[Span], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies wholly inside one of ``spans``."""
    return any(s.start <= start and end <= s.end for s in spans)


def overlaps(spans: list[Span], start: int, end: int) -> bool:
    """True when ``[start, end)`` shares at least one character with ``spans``."""
    return any(s.start < end and start < s.end for s in spans)


def voice_of(spans: list[Span], start: int, end: int) -> str:
    """Classify ``[start, end)`` as ``"quoted"``, ``"authorial"`` or ``"mixed"``.

    Quotation marks themselves and surrounding white space do not count: a
    sentence that is a quotation from its first to its last word is
    ``"quoted"``.
    """
    if not spans:
        return "authorial"
    # Characters covered by quotes inside the span.
    covered = 0
    for s in spans:
        lo, hi = max(s.start, start), min(s.end, end)
        if lo < hi:
            covered += hi - lo
    if covered == 0:
        return "authorial"
    if covered >= end - start:
        return "quoted"
    return "mixed"


# Word tokens.  Abbreviations with inner dots (U.S., U.K.) stay one token;
# hyphenated words and numbers (15-page, pro-Russian, 2,000) stay one token;
# a possessive 's is split off; punctuation is one token per character.
_TOKEN_RE = re.compile(
    r"""
    (?P<abbr>(?:[^\W\d_]\.){2,})                       # U.S.  e.g.
  | (?P<num>\d+(?:[.,:]\d+)*(?:-[^\W_]+)*)              # 16, 2,000, 15-page
  | (?P<word>[^\W\d_][^\W_]*(?:[-'][^\W_]+)*)           # words, pro-Russian, don't
  | (?P<punct>[^\w\s])                                  # anything else
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """A token with its half-open character span and kind."""

    start: int
    end: int
    text: str
    kind: str  # "word", "number", "abbreviation" or "punct"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens with character offsets.

    Parameters
    ----------
    text : str
        Text to split.  Typographic apostrophes should already be normalised
        (see :func:`normalise`); offsets are unaffected either way.
    offset : int
        Added to every start and end, so spans refer to a larger text.

    Notes
    -----
    A possessive or contracted ``'s`` is a token of its own (``Biden's`` ->
    ``Biden``, ``'s``), as in the Penn Treebank convention, so that the name
    is counted once whatever its case.
    """
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        s, e = m.start(), m.end()
        tok = m.group()
        if kind == "word" and len(tok) > 2 and tok[-2:].lower() == "'s":
            out.append(Token(s + offset, e - 2 + offset, tok[:-2], "word"))
            out.append(Token(e - 2 + offset, e + offset, tok[-2:], "word"))
            continue
        kind = {"abbr": "abbreviation", "num": "number"}.get(kind, kind)
        out.append(Token(s + offset, e + offset, tok, kind))
    return out
