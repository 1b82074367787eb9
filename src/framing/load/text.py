"""Character-level text helpers: normalisation, quotation spans and word tokens.

Every function here keeps character offsets intact: normalisation replaces one
character by exactly one character, so an offset into the normalised text is
the same offset into the raw text.  That is what lets every sentence, token and
cue be traced back to the raw file.

Invisible format characters (soft hyphen, zero-width space, word joiner, ...)
cannot be removed one for one, so :func:`normalise` keeps them.  Everything
that matches words looks past them instead: :func:`visible` gives the text as a
reader sees it, without them, and maps every offset in it back to the original.
HTML tags left in a captured page (``<a href="...">``, ``<strong>``,
``<br/>``: :func:`markup_spans`) are read past the same way: they are not
drawn, so they are never words, quotation marks or sentence ends.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
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
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u00b4": "'",  # acute accent typed as an apostrophe ("Putin\u00b4s")
        "\u02bc": "'",  # modifier letter apostrophe
    }
)

DOUBLE_OPEN = "\u201c\u201e\u201f\u00ab"
DOUBLE_CLOSE = "\u201d\u00bb"
DOUBLE_EITHER = '"'
SINGLE_OPEN = "\u2018\u201a\u201b"
SINGLE_CLOSE = "\u2019"
SINGLE_EITHER = "'"
QUOTE_CHARS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER


_TO_NORMALISE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_NORMALISE)) + "]")


def normalise(text: str) -> str:
    """Return ``text`` with typographic quotes and no-break spaces made plain.

    The result has exactly the same length as the input (one character in,
    one character out), so offsets are shared between the two.  Invisible
    format characters are kept; see :func:`visible`.
    """
    # Most lines and sentences hold none of the characters (then no copy is made) or a few kinds of them, and
    # one str.replace per kind is several times faster than str.translate over text that is not ASCII.
    for char in set(_TO_NORMALISE.findall(text)):
        text = text.replace(char, _NORMALISE[ord(char)])
    return text


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


# --- HTML markup left in a page ------------------------------------------------------------------------------

#: HTML elements whose tags are read past as markup.  Tags of these elements are never drawn; a tag of any other
#: name ("<3", "a < b > c", "<Reuters>") stays text.
INLINE_ELEMENTS = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub sup "
    "time tt u var".split()
)
#: Elements that break the line where they stand: a tag of one of them reads as a space, so "said.<br/>The" is two
#: words and two sentences, as drawn.
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote br caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header "
    "hr img li main nav ol p picture pre section source table tbody td tfoot th thead tr ul wbr iframe video "
    "audio embed".split()
)
#: Elements that never have a closing tag.
VOID_ELEMENTS = frozenset("br hr img wbr source embed".split())

_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*|/)?>|<!--[\s\S]{0,2000}?-->")


def markup_spans(text: str) -> list[tuple[int, int, bool]]:
    """HTML tags in ``text``: ``(start, end, breaks)`` per tag, in order.

    A page captured from a content system or copied from a feed can keep
    its markup: ``<a href="https://...">the report</a>``, ``<strong>``,
    ``<br/>``, ``<p>``.  A tag is markup when it names an HTML element of
    :data:`INLINE_ELEMENTS` or :data:`BLOCK_ELEMENTS` and

    * is a closing tag (``</a>``), or
    * has attributes (``<a href="...">``) or is written self-closing
      (``<br/>``), or
    * names an element that never closes (``<br>``, ``<img>``), or
    * is closed later in ``text`` (``<strong> ... </strong>``);

    HTML comments (``<!-- ... -->``) are markup too.  A bare opening tag
    that is never closed (``<b>`` alone), a tag of an unknown name and
    anything else between angle brackets stay text.  ``breaks`` is True for
    a tag of :data:`BLOCK_ELEMENTS`, which is read as a space.  Time is
    linear in the length of ``text``.
    """
    if "<" not in text:
        return []
    found = []
    closes: dict[str, int] = {}
    for m in _TAG_RE.finditer(text):
        if m.group(2) is None:  # a comment
            found.append((m.start(), m.end(), "", "comment"))
            continue
        name = m.group(2).lower()
        if name not in INLINE_ELEMENTS and name not in BLOCK_ELEMENTS:
            continue
        if m.group(1):
            closes[name] = m.start()  # the last closing tag of each element
            found.append((m.start(), m.end(), name, "close"))
        elif m.group(3) is not None or name in VOID_ELEMENTS:
            found.append((m.start(), m.end(), name, "tag"))
        else:
            found.append((m.start(), m.end(), name, "open"))
    return [
        (s, e, name in BLOCK_ELEMENTS)
        for s, e, name, kind in found
        if kind != "open" or closes.get(name, -1) > s
    ]


class Visible(NamedTuple):
    """A text as a reader sees it (see :func:`visible`).

    ``text`` is the text without its invisible format characters and HTML
    tags (a tag that breaks the line reads as one space); ``where[i]`` is
    the offset in the original text of ``text[i]`` (for such a space, the
    offset of its tag's ``<``), or ``where`` is None when the original had
    neither (then ``text`` is the original).
    """

    text: str
    where: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of ``text[start:end]``.

        The span runs from the original position of its first character to
        just after its last one, so it includes the invisible characters
        and tags inside it and none around it.
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
    r"""Return ``text`` as drawn, without invisible format characters and HTML tags, with a map back to ``text``.

    Format characters (Unicode category ``Cf``) are not drawn: the soft hyphen
    U+00AD (drawn only as a hyphen at a line break), the zero-width space
    U+200B, the zero-width non-joiner and joiner U+200C/U+200D, the word
    joiner U+2060, the byte-order mark U+FEFF, direction marks and the like.
    Pages pick them up from hyphenation, text fingerprinting and copy and
    paste, and a pattern or tokenizer that sees them takes "rela­tions"
    for "rela" and "tions".  Every word match of the suite (tokens, sentence
    ends, page rules, cues, actor names, VADER's words) runs on the text this
    returns, and :meth:`Visible.span` maps what it finds back to offsets of
    ``text``.  Text without such characters comes back unchanged.

    A zero-width space is read as absent too where it is the only thing
    between two words: "Putin​Biden" is drawn, and read, as
    "PutinBiden".  Unicode's word-boundary rules (UAX #29) would split there,
    but they would equally split "rela​tions", and on news pages the
    character mostly sits inside words, as a line-break hint or a fingerprint.
    A space, a punctuation mark or a line break still separates words.

    HTML tags left in the text (:func:`markup_spans`) are not drawn either:
    ``<a href="https://example.com/report">the report</a>`` reads as "the
    report", so the address never becomes words ("href", "https", "com") and
    the quotation marks around it never open a quotation.  An inline tag
    (``<a>``, ``<strong>``, ``<em>`` ...) reads as nothing, as it is drawn
    ("<strong>720</strong> naira" is "720 naira"); a tag that breaks the line
    (``<br/>``, ``<p>``, ``<li>`` ...) reads as one space.  Character
    references (``&amp;``) are left as they are.
    """
    pattern = _invisible_re()
    tags = markup_spans(text)
    if not tags and (text.isprintable() or pattern.search(text) is None):  # format characters are never printable
        return Visible(text, None)
    hidden = [(m.start(), m.end(), False) for m in pattern.finditer(text)] if not text.isprintable() else []
    if tags:
        hidden = sorted(hidden + tags)
    chars: list[str] = []
    where: list[int] = []
    pos = 0
    for s, e, breaks in hidden:
        if s < pos:  # an invisible character inside a tag: the tag already hides it
            pos = max(pos, e)
            continue
        chars.append(text[pos:s])
        where.extend(range(pos, s))
        if breaks:
            chars.append(" ")
            where.append(s)
        pos = e
    chars.append(text[pos:])
    where.extend(range(pos, len(text)))
    return Visible("".join(chars), where)


def drop_invisible(text: str) -> str:
    """``text`` as drawn: without its invisible format characters and HTML tags (see :func:`visible`)."""
    if "<" in text:
        return visible(text).text
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


_DOUBLE_MARKS = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER)
_SINGLE_MARKS = frozenset(SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER)
_DOUBLE_RE = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_EITHER) + "]")
_SINGLE_RE = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE + SINGLE_EITHER) + "]")

#: Words written with a leading apostrophe for letters left out ("rock \u2019n\u2019 roll", "\u2019em",
#: "\u2019til", "\u2019cause").  A single mark before one of them is an apostrophe, never an opening quote.
ELISIONS = frozenset({"n", "em", "til", "cause", "bout", "tis", "twas", "nuff"})


def _is_elision(text: str, i: int) -> bool:
    """True when the single mark at ``i`` stands for left-out letters: \u201990s, \u201921, \u2019n\u2019, \u2019em."""
    n = len(text)
    k = i + 1
    while k < n and text[k].isdigit():
        k += 1
    if k - i - 1 == 2:  # two digits: a year or a decade ('21, '90s), not '2020 opening a quotation
        if k < n and text[k] in "sS":
            k += 1
        return k == n or not text[k].isalnum()
    k = i + 1
    while k < n and text[k].isalpha():
        k += 1
    return k > i + 1 and text[i + 1:k].lower() in ELISIONS and (k == n or not text[k].isalnum())


def _double_role(text: str, i: int) -> str | None:
    """What the double mark at ``i`` can do: ``"open"``, ``"close"``, ``"either"`` or None (not a quotation mark).

    A mark between a letter or digit and a lower-case letter (``Russia"s``) is an apostrophe typed with the
    wrong key; a straight mark with white space on both sides belongs to no word.  Otherwise a mark after
    white space and before a word opens, a mark after a word and before white space or punctuation closes,
    whatever its glyph (``"low level.\u201d`` closes, Swedish-style ``\u201d`` before a word opens); a curly
    mark with white space on both sides (``\u00ab historic \u00bb``) and one glued to words on both sides
    follow their glyph, and a straight mark glued on both sides (``said:"We``) can do either.
    """
    ch = text[i]
    if i > 0 and text[i - 1].isalnum() and i + 1 < len(text) and text[i + 1].islower():
        return None
    before = _is_space_or_start(text, i)
    after = _is_space_or_end(text, i)
    if before and not after:
        return "open"
    if after and not before:
        return "close"
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    return None if before else "either"


def _single_opens(text: str, i: int) -> bool:
    """True when the single mark at ``i`` can open a quotation: at the start of a word that is not an elision."""
    return (
        _is_space_or_start(text, i)
        and i + 1 < len(text)
        and text[i + 1].isalnum()
        and not _is_elision(text, i)
    )


def opening_mark(paragraph: str) -> str | None:
    """``"double"`` or ``"single"`` when ``paragraph`` opens with a quotation mark, else None.

    White space and invisible format characters before the mark are looked past.  This is what tells a
    quotation that continues from the paragraph before (see :func:`quote_spans`).
    """
    text = drop_invisible(paragraph).lstrip()
    if not text:
        return None
    if text[0] in _DOUBLE_MARKS and _double_role(text, 0) in ("open", "either"):
        return "double"
    if text[0] in _SINGLE_MARKS and _single_opens(text, 0):
        return "single"
    return None


def quote_spans(text: str, *, previous_paragraph: str = "", next_paragraph: str = "") -> list[Span]:
    r"""Find the quoted stretches of ``text``.

    Any style of quotation mark counts: straight ``"`` and ``'``, curly
    ``“ ” ‘ ’`` and guillemets ``« »``; opening and closing marks may be of
    different styles (``"low level.”``).  A mark after white space (or an
    opening bracket or dash) and before a word opens a quotation, a mark
    after a word and before white space or punctuation closes one, whatever
    its glyph.

    Parameters
    ----------
    text : str
        One paragraph, or several, one per line.
    previous_paragraph, next_paragraph : str
        The paragraphs before the first and after the last paragraph of
        ``text``, when it is part of a longer article (empty: none).  Only
        the quotation a paragraph ends inside and the mark that opens one
        are read from them.

    Returns
    -------
    list of Span
        Spans include the quotation marks themselves, in text order, not
        overlapping, each within one line of ``text``.  Invisible format
        characters are looked past (see :func:`visible`): an apostrophe in
        ``Biden\u00ad's`` is still inside a word.  Time is linear in the
        length of ``text``.

    Notes
    -----
    *Paragraphs.*  A line of ``text`` is a paragraph, and no quotation runs from one
    paragraph into the next.  News prints a quotation over several
    paragraphs with an opening mark at the start of each paragraph and a
    closing mark only at the end of the last.  So a quotation still open at
    the end of a paragraph runs to the end of that paragraph when

    * the next non-blank paragraph opens with a quotation mark of the same
      kind (double or single), or its first double mark closes a quotation
      (a paragraph broken in two by the capture: ``We are all aware of
      this,” he said.``), or
    * it opened at the very start of the paragraph and the paragraph before
      also ended inside an open quotation of that kind (the last paragraph
      of such a quotation, its closing mark lost).

    For the first and last paragraphs of ``text``, the paragraphs around
    them are ``previous_paragraph`` and ``next_paragraph``.

    *Unmatched marks.*  A mark that matches nothing is not a quotation mark, so it never turns
    the text around it into quoted text:

    * an opening mark not closed before the next opening mark of its kind
      or before the end of its paragraph (unless the quotation continues, as
      above) is ignored; the later opening mark starts the quotation;
    * a closing mark with no quotation open is ignored;
    * a double mark between a letter and a lower-case letter (``Russia"s``)
      and a straight double mark between two spaces are ignored;
    * single marks count only at a word edge, so apostrophes inside words
      (``Biden’s``, ``don't``) and apostrophes that stand for left-out
      letters at the start of a word (``’90s``, ``’21``, ``rock ’n’ roll``,
      ``’em``; see :data:`ELISIONS`) never open a quotation.

    *Quotations in quotations.*  Single marks inside a double quotation
    belong to it; a double quotation inside a single one (British style,
    ``‘He said “no” today’``) is part of the single one.
    """
    before = _open_at_end(drop_invisible(previous_paragraph)) if previous_paragraph else None
    return _quote_spans(text, before, next_paragraph)[0]


def paragraph_quote_spans(
    text: str, *, ended_inside: str | None, next_paragraph: str = ""
) -> tuple[list[Span], str | None]:
    """:func:`quote_spans` of one paragraph, told what the paragraph before ended inside instead of given its text.

    ``ended_inside`` is the second item this function returned for the
    paragraph before (None when there is none before): the kind of
    quotation, ``"double"`` or ``"single"``, left open at its end, which
    :func:`quote_spans` reads again from the text of ``previous_paragraph``.
    A caller that goes through an article paragraph by paragraph so reads
    each one once.  Returns the spans of ``text`` and the kind of quotation
    left open at its end (None for a blank ``text``).
    """
    return _quote_spans(text, ended_inside, next_paragraph)


def _quote_spans(text: str, before: str | None, after: str) -> tuple[list[Span], str | None]:
    """Quotation spans of ``text`` (see :func:`quote_spans`) and the kind of quotation its last line ends inside.

    ``before`` is the kind of quotation the paragraph before the first line
    ended inside, if any; ``after`` the text of the paragraph after the last.
    """
    vis = visible(text)
    norm = vis.text
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", norm) if not m.group().isspace()]
    spans: list[Span] = []
    ends_inside = None
    for k, (lo, hi) in enumerate(bounds):
        nxt = norm[bounds[k + 1][0]:bounds[k + 1][1]] if k + 1 < len(bounds) else after
        found, ends_inside = _paragraph_spans(norm[lo:hi], ends_inside if k else before, _carries(nxt))
        spans.extend(Span(s + lo, e + lo) for s, e in found)
    if vis.where is not None:
        spans = [Span(*vis.span(s, e)) for s, e in spans]
    return spans, ends_inside


def _carries(paragraph: str) -> str | None:
    """The kind of quotation a paragraph carries on from the one before, judged by its own marks.

    ``"double"`` or ``"single"`` when it opens with a quotation mark (see
    :func:`opening_mark`); ``"double"`` too when its first double mark is a
    closing one (a paragraph the capture broke in two: ``We are aware,”
    he said.``); else None.
    """
    kind = opening_mark(paragraph)
    if kind is not None:
        return kind
    text = drop_invisible(paragraph)
    for m in _DOUBLE_RE.finditer(text):
        role = _double_role(text, m.start())
        if role is not None:
            return "double" if role == "close" else None
    return None


def _double_scan(text: str) -> tuple[list[Span], int | None]:
    """Closed double quotations of one paragraph, and where one left open at its end opened (else None)."""
    spans: list[Span] = []
    open_at: int | None = None
    for m in _DOUBLE_RE.finditer(text):
        i = m.start()
        role = _double_role(text, i)
        if role is None:
            continue
        if open_at is None:
            if role != "close":  # a closing mark with nothing open is a stray: ignored
                open_at = i
        elif role == "open":
            open_at = i  # the earlier opening mark was never closed: ignored
        else:
            spans.append(Span(open_at, i + 1))
            open_at = None
    return spans, open_at


def _single_scan(text: str, doubles: list[Span]) -> tuple[list[Span], int | None]:
    """All quotations of one paragraph given its double ones, and where a single one left open opened."""
    out: list[Span] = []
    open_at: int | None = None
    n = len(text)
    d = 0
    for m in _SINGLE_RE.finditer(text):
        i = m.start()
        while d < len(doubles) and doubles[d].end <= i:
            out.append(doubles[d])
            d += 1
        if d < len(doubles) and doubles[d].start <= i:
            continue  # single marks inside a double quotation belong to it
        prev_alnum = i > 0 and text[i - 1].isalnum()
        next_alnum = i + 1 < n and text[i + 1].isalnum()
        if prev_alnum and next_alnum:
            continue  # an apostrophe inside a word is no quotation mark
        if _single_opens(text, i):
            open_at = i  # a later opening mark replaces one that was never closed
        elif open_at is not None and _is_space_or_end(text, i) and not next_alnum:
            _close(out, open_at, i + 1)
            open_at = None
    out.extend(doubles[d:])
    return out, open_at


def _close(out: list[Span], start: int, end: int) -> None:
    """Append the single quotation ``[start, end)``; double quotations inside it become part of it."""
    while out and out[-1].start > start:
        out.pop()
    out.append(Span(start, end))


def _open_at_end(text: str) -> str | None:
    """The kind of quotation (``"double"``, ``"single"``) left open at the end of a paragraph read alone."""
    doubles, open_double = _double_scan(text)
    if open_double is not None:
        return "double"
    return "single" if _single_scan(text, doubles)[1] is not None else None


def _paragraph_spans(text: str, before: str | None, after: str | None) -> tuple[list[Span], str | None]:
    """Quotation spans of one paragraph, and the kind of quotation it ends inside (for the next paragraph).

    ``before`` is the kind of quotation the paragraph before ended inside;
    ``after`` the kind of mark that opens the next paragraph (see
    :func:`opening_mark`).
    """
    first = len(text) - len(text.lstrip())
    doubles, open_double = _double_scan(text)
    if open_double is not None and (after == "double" or (before == "double" and open_double == first)):
        doubles.append(Span(open_double, len(text)))
    out, open_single = _single_scan(text, doubles)
    if open_single is not None and (after == "single" or (before == "single" and open_single == first)):
        _close(out, open_single, len(text))
    ends_inside = "double" if open_double is not None else "single" if open_single is not None else None
    return out, ends_inside


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

    def quoted(self, pieces: Sequence[tuple[int, int]]) -> list[bool]:
        """For each of ``pieces``, whether :meth:`voice_of` calls it ``"quoted"``.

        ``pieces`` are non-empty spans in order that do not overlap each other
        (the tokens of a sentence).  When the indexed spans do not overlap
        each other either, a piece is quoted exactly when it lies within their
        union, and the pieces within each stretch of the union are found by
        binary search; otherwise every piece is asked.
        """
        if not self._stretches_exact:
            return [self.voice_of(s, e) == "quoted" for s, e in pieces]
        out = [False] * len(pieces)
        starts = [s for s, _e in pieces]
        ends = [e for _s, e in pieces]
        for first, last in self._stretches:
            lo, hi = bisect.bisect_left(starts, first), bisect.bisect_right(ends, last)
            if lo < hi:
                out[lo:hi] = [True] * (hi - lo)
        return out

    @functools.cached_property
    def _stretches_exact(self) -> bool:
        """True when no indexed span overlaps another (each starts where the ones before it have all ended)."""
        return all(s.start >= reach for s, reach in zip(self.spans[1:], self.reach))

    @functools.cached_property
    def _stretches(self) -> list[tuple[int, int]]:
        """The union of the indexed spans as stretches ``(start, end)``, spans that meet or overlap joined."""
        out: list[tuple[int, int]] = []
        for s in self.spans:
            if out and s.start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], s.end))
            else:
                out.append((s.start, s.end))
        return out


# Word tokens.  Abbreviations with inner dots (U.S., U.K.) stay one token;
# hyphenated words and numbers (15-page, pro-Russian, 2,000) stay one token;
# ordinals and decades (24th, 3rd, 1990s) are numbers, suffix included;
# a possessive 's is split off, also after an abbreviation or a number (U.S.'s,
# 1990's); punctuation is one token per character.
_POSSESSIVE = r"(?:'[sS](?![^\W_]))?"
_TOKEN_RE = re.compile(
    rf"""
    (?P<abbr>(?:[^\W\d_]\.){{2,}}{_POSSESSIVE})                            # U.S.  e.g.  U.S.'s
  | (?P<num>\d+(?:[.,:]\d+)*(?:(?i:st|nd|rd|th|s)(?![^\W_]))?(?:-[^\W_]+)*{_POSSESSIVE})
                                                                         # 16, 2,000, 15-page, 24th, 1990s
  | (?P<word>[^\W\d_][^\W_]*(?:[-'][^\W_]+)*)                           # words, pro-Russian, don't
  | (?P<punct>[^\w\s])                                                   # anything else
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
    is counted once whatever its case; after an abbreviation or a number too
    (``U.S.'s`` -> ``U.S.`` (abbreviation), ``'s``).

    Kinds: ``abbreviation`` for letters with inner dots (``U.S.``, ``e.g.``);
    ``number`` for figures, with any hyphenated tail (``2,000``,
    ``15-page``), and for ordinals and decades, suffix included (``24th``,
    ``3rd``, ``1990s``, the ``90s`` of ``'90s``), so that an ordinal suffix
    is never a word; ``word`` for words; ``punct`` for each other character.

    Invisible format characters never split a token and are never tokens
    (see :func:`visible`): ``"rela\u00adtions"`` is the one token
    ``relations``, whose start and end span the raw characters, the soft
    hyphen included.
    """
    tokens = _tokens_of(text)
    if not offset:
        return list(tokens)
    return [Token(t.start + offset, t.end + offset, t.text, t.kind) for t in tokens]


@functools.lru_cache(maxsize=8192)
def _tokens_of(text: str) -> tuple[Token, ...]:
    # Loading a page and several measures tokenize the same sentence; the tokens at offset 0 are kept for the
    # most recent sentences (a tuple of tuples, so no caller can change what another one reads).
    vis = visible(text)
    if vis.where is None:
        return tuple(_tokenize(text))
    out = []
    for tok in _tokenize(vis.text):
        start, end = vis.span(tok.start, tok.end)
        out.append(Token(start, end, tok.text, tok.kind))
    return tuple(out)


#: A Token made from a tuple of its fields, without the Python call of ``Token.__new__`` (there is one per token).
_new_token = functools.partial(tuple.__new__, Token)


def _tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    find = text.find
    end = 0
    for abbr, num, word, punct in _TOKEN_RE.findall(text):
        tok, kind = (word, "word") if word else (punct, "punct") if punct else (num, "number") if num \
            else (abbr, "abbreviation")
        # Between two tokens there is only white space or "_", which no token starts with: the token starts at
        # the first place it occurs after the one before.
        start = find(tok, end)
        end = start + len(tok)
        if kind != "punct" and len(tok) > 2 and tok[-2:].lower() == "'s":
            append(_new_token((start, end - 2, tok[:-2], kind)))
            append(_new_token((end - 2, end, tok[-2:], "word")))
            continue
        append(_new_token((start, end, tok, kind)))
    return out
