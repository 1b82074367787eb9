"""Character-level text helpers: normalisation, quotation spans and word tokens.

Every function here keeps character offsets intact: normalisation replaces one
character by exactly one character, so an offset into the normalised text is
the same offset into the raw text.  That is what lets every sentence, token and
cue be traced back to the raw file.

Invisible format characters (soft hyphen, zero-width space, word joiner, ...)
cannot be removed one for one, so :func:`normalise` keeps them.  Everything
that matches words looks past them instead: :func:`visible` gives the text as a
reader sees it, without them, and maps every offset in it back to the original.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
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
    one character out), so offsets are shared between the two.  Invisible
    format characters are kept; see :func:`visible`.
    """
    return text.translate(_NORMALISE)


# --- invisible format characters ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _invisible_class() -> str:
    """A regular-expression class of every format character (Unicode category ``Cf``) Python knows.

    Built from :mod:`unicodedata` on first use (a few milliseconds), so it
    follows the Unicode version of the running Python.  Only planes 0, 1 and
    14 are scanned: the other planes hold ideographs, private use characters
    or nothing.
    """
    import unicodedata

    ranges: list[list[int]] = []
    for plane in (range(0x0000, 0x20000), range(0xE0000, 0xE1000)):
        for cp in plane:
            if unicodedata.category(chr(cp)) == "Cf":
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1][1] = cp
                else:
                    ranges.append([cp, cp])
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


@functools.lru_cache(maxsize=1)
def _invisible_re() -> re.Pattern[str]:
    return re.compile(_invisible_class() + "+")


@functools.lru_cache(maxsize=1)
def _invisible_in_word_re() -> re.Pattern[str]:
    return re.compile(r"(?<=\w)" + _invisible_class() + r"+(?=\w)")


class Visible(NamedTuple):
    """A text as a reader sees it (see :func:`visible`).

    ``text`` is the text without its invisible format characters; ``where[i]``
    is the offset in the original text of ``text[i]``, or ``where`` is None
    when the original had no such character (then ``text`` is the original).
    """

    text: str
    where: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of ``text[start:end]``.

        The span runs from the original position of its first character to
        just after its last one, so it includes the invisible characters
        inside it and none around it.
        """
        if self.where is None:
            return start, end
        if start >= end:
            if start < len(self.where):
                return self.where[start], self.where[start]
            pos = self.where[-1] + 1 if self.where else 0
            return pos, pos
        return self.where[start], self.where[end - 1] + 1


def visible(text: str) -> Visible:
    r"""Return ``text`` without its invisible format characters, with a map back to ``text``.

    Format characters (Unicode category ``Cf``) are not drawn: the soft hyphen
    U+00AD (drawn only as a hyphen at a line break), the zero-width space
    U+200B, the zero-width non-joiner and joiner U+200C/U+200D, the word
    joiner U+2060, the byte-order mark U+FEFF, direction marks and the like.
    Pages pick them up from hyphenation, text fingerprinting and copy and
    paste, and a pattern or tokenizer that sees them takes "rela\u00adtions"
    for "rela" and "tions".  Every word match of the suite (tokens, sentence
    ends, page rules, cues, actor names, VADER's words) runs on the text this
    returns, and :meth:`Visible.span` maps what it finds back to offsets of
    ``text``.  Text without such characters comes back unchanged.

    A zero-width space is read as absent too where it is the only thing
    between two words: "Putin\u200bBiden" is drawn, and read, as
    "PutinBiden".  Unicode's word-boundary rules (UAX #29) would split there,
    but they would equally split "rela\u200btions", and on news pages the
    character mostly sits inside words, as a line-break hint or a fingerprint.
    A space, a punctuation mark or a line break still separates words.
    """
    pattern = _invisible_re()
    if text.isprintable() or pattern.search(text) is None:  # format characters are never printable: fast path
        return Visible(text, None)
    where: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        where.extend(range(pos, m.start()))
        pos = m.end()
    where.extend(range(pos, len(text)))
    return Visible(pattern.sub("", text), where)


def drop_invisible(text: str) -> str:
    """``text`` without its invisible format characters (see :func:`visible`)."""
    return text if text.isprintable() else _invisible_re().sub("", text)


def invisible_in_words(text: str) -> list[str]:
    """The invisible format characters of ``text`` that stand inside a word (between two word characters)."""
    return [ch for m in _invisible_in_word_re().finditer(text) for ch in m.group()]


class Span(NamedTuple):
    """A half-open character span ``[start, end)``."""

    start: int
    end: int


def _is_space_or_start(text: str, i: int) -> bool:
    return i <= 0 or text[i - 1].isspace() or text[i - 1] in "([{-\u2014\u2013/"


def _is_space_or_end(text: str, i: int) -> bool:
    return i >= len(text) - 1 or text[i + 1].isspace() or text[i + 1] in ".,;:!?)]}-\u2014\u2013"


def quote_spans(text: str) -> list[Span]:
    r"""Find the quoted stretches of ``text``.

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
        Invisible format characters are looked past (see :func:`visible`):
        an apostrophe in ``Biden\u00ad's`` is still inside a word.
    """
    vis = visible(text)
    if vis.where is None:
        return _quote_spans(text)
    return [Span(*vis.span(s, e)) for s, e in _quote_spans(vis.text)]


def _quote_spans(text: str) -> list[Span]:
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


class SpanIndex:
    """Spans sorted for lookups that cost ``O(log n)`` instead of a scan of every span.

    :func:`inside`, :func:`overlaps` and :func:`voice_of` look at every span
    for every query, so ``k`` queries against ``n`` spans cost ``k x n``: for
    the tokens and quotations of one long article that grows with the square
    of its length.  The index sorts the spans once (``O(n log n)``) and
    answers the same questions by binary search (:mod:`bisect`) over the
    starts and over the running maximum of the ends.  Answers are exactly
    those of the three functions for any spans, overlapping or not.

    Parameters
    ----------
    spans : iterable of Span or (start, end) pairs
        Half-open spans ``[start, end)``, in any order.

    Notes
    -----
    With ``reach[i] = max(end of spans[0..i])`` (spans sorted by start, then
    end), the spans that start at or before ``start`` are a prefix of the
    list, and ``[start, end)`` lies wholly inside one of them when that
    prefix reaches ``end``; the spans that can overlap ``[start, end)`` are
    those after the last whose reach ends by ``start`` and before the first
    that starts at ``end`` or later.  For spans that do not overlap each
    other (quotation spans of :func:`quote_spans`) that window holds exactly
    the overlapping spans, so a query costs ``O(log n + m)`` for ``m``
    overlapping spans.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(Span(int(s), int(e)) for s, e in spans)
        self.starts = [s.start for s in self.spans]
        self.reach = list(itertools.accumulate((s.end for s in self.spans), max))

    def __len__(self) -> int:
        return len(self.spans)

    def inside(self, start: int, end: int) -> bool:
        """Same as :func:`inside` over the indexed spans."""
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The spans that share a character with ``[start, end)`` (the test of :func:`overlaps`), in sorted order."""
        lo = bisect.bisect_right(self.reach, start)
        hi = bisect.bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.start < end and start < s.end]

    def overlaps(self, start: int, end: int) -> bool:
        """Same as :func:`overlaps` over the indexed spans."""
        return bool(self.overlapping(start, end))

    def voice_of(self, start: int, end: int) -> str:
        """Same as :func:`voice_of` over the indexed spans."""
        return voice_of(self.overlapping(start, end), start, end)


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
    r"""Split ``text`` into tokens with character offsets.

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

    Invisible format characters never split a token and are never tokens
    (see :func:`visible`): ``"rela\u00adtions"`` is the one token
    ``relations``, whose start and end span the raw characters, the soft
    hyphen included.
    """
    vis = visible(text)
    if vis.where is None:
        return _tokenize(text, offset)
    out = []
    for tok in _tokenize(vis.text, 0):
        start, end = vis.span(tok.start, tok.end)
        out.append(Token(start + offset, end + offset, tok.text, tok.kind))
    return out


def _tokenize(text: str, offset: int) -> list[Token]:
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
