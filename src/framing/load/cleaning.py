"""Page cleaning: give every raw line of a captured page a role, with a reason.

Roles
-----
``headline``      the article's headline
``standfirst``    a summary under the headline (counted as body text)
``body``          a paragraph of the article
``subheading``    a title-like line between body paragraphs (kept, not body)
``caption``       photo caption or photo credit
``byline``        who wrote the article and when: author, agency, date and
                  dateline lines, reporting credits, the author's biography
``teaser``        a related-story link or teaser embedded in the page
``chrome``        page furniture: menus, share buttons, comment forms,
                  newsletter and app promotions, footers, labels in another
                  language, anything before the headline
``blank``         an empty line

How a line gets its role
------------------------
1. Pattern rules, read from data (``framing/data/page_rules.csv``, plus an
   optional ``page_rules.csv`` in the articles folder).  A rule may name an
   outlet; an empty outlet applies to every page.  First match wins.  A
   folder's rules run with a time limit (:data:`RULE_TIME_LIMIT`).  The
   shipped rules know the furniture of news sites: legal footers, photo
   captions and credits in their many forms, bylines and credits,
   newsletter, subscription, app and follow-us promotions, comment forms,
   site notices and related-story links.
2. Lines no rule takes are read alone: a dateline or a date line is a
   ``byline`` (:func:`is_date_line`); a line mostly in another script than
   the article's language is chrome, and so is a broadcaster's promotion
   of itself (its frequency, or a trail: "... will have more on the
   evening bulletin."); an author's biography is held back for step 5.
3. The headline is the line that matches the metadata headline (a second
   copy, in a share widget, is chrome); without one, the first line before
   the first paragraph of :data:`MIN_LEAD_WORDS` words or more (items of a
   news ticker are shorter) that reads like a headline: a title-like line
   (four or more words, no full stop) or one sentence ending with ``!`` or
   ``?``, of 4 to :data:`MAX_HEADLINE_WORDS` words, with no date after a
   separator at its end and no menu under it (:func:`_guess_headline`).  A
   masthead, agency name, caption, paragraph, menu, breadcrumb or section
   label (:func:`is_navigation`) is never promoted to headline.
4. A body paragraph has four or more words and ends like a sentence (``.``,
   ``!``, ``?``, optionally followed by closing quotes or brackets).  Short
   lines without sentence punctuation are chrome.
5. Structure (linear in the number of lines):

   * lines before the headline are page header;
   * title-like lines right under the headline are its standfirst;
   * a line repeated by the next one, alone or with a credit, is a caption
     shown twice;
   * a caption stamped with a date other than the article's opens a
     related-story teaser that runs over the following lines until the next
     paragraph;
   * a biography ("Jane Doe is a correspondent covering ...") is a
     ``byline`` when it says what only a biography says (a handle, "follow
     her on", where the author is based) or when no paragraph follows it,
     and the name and job title above it join it;
   * between the headline and the first paragraph, a name next to a byline
     is a byline, and a place in capitals right before the text is a
     dateline;
   * a related-stories label inside the article and the titles under it are
     teasers; a title-like line next to a newsletter line belongs to the
     promotion;
   * a long line cut off mid-sentence right after the last paragraph is
     kept as its last paragraph, flagged ``truncated`` in its reason (so is
     a last paragraph that ends with an ellipsis);
   * after the last paragraph, captions, bylines and teasers keep their
     role (a date or a dateline there belongs to another item, unless it
     repeats the article's own); everything else is page footer.

   A role a page rule gave stays as it is, apart from page header and
   footer.
6. Datelines: the place, date and agency that open a wire story ("GENEVA,
   June 16 (Reuters) -", "MOSCOW, June 4. /TASS/.", "WASHINGTON (AP) --")
   are not article text (:func:`dateline`).  A line that is only a dateline
   is a ``byline``; a dateline at the start of the first body paragraph stays
   in the line (offsets are untouched) and :attr:`Line.lead` says how many of
   its characters come before the article text, so sentences and words start
   after it.  The line's reason names the dateline.

Every step reads a line as it is drawn (:func:`framing.load.text.visible`):
without its invisible format characters (a soft hyphen or a zero-width space
inside a word neither splits it nor hides a sentence-final full stop) and
without the HTML tags a page may have kept (``<a href="...">``,
``<strong>``, ``<br/>``), whose addresses never become words.  Offsets stay
those of the raw text.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from framing.core import paths
from framing.load.text import drop_invisible, markup_spans, normalise, visible

try:  # Python 3.11 and later
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

ROLES = ("headline", "standfirst", "body", "subheading", "caption", "byline", "teaser", "chrome", "blank")
BODY_ROLES = frozenset({"standfirst", "body"})

_WORD_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"')\]]*\s*$")
_DATE_STAMP_RE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})\s*$")

#: A character after Latin Extended-B: a letter of it belongs to another script.
_BEYOND_LATIN_RE = re.compile(r"[^\x00-\u024f]")
# Unicode blocks of scripts that an English page uses only for labels.
_LATIN_LANGS = {"en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ro", "sv", "da", "no", "fi", "cs", "hr"}


#: Longest time, in seconds, one rule from an articles folder may spend on one line.  Any line of a page is
#: searched in microseconds by a sound pattern; only catastrophic backtracking gets near this limit.
RULE_TIME_LIMIT = 1.0


#: Characters besides an ASCII letter's two cases that ``re`` takes for that letter when it ignores case (the
#: fourth, the Kelvin sign, :meth:`str.lower` writes as ``k``).
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_LOOKALIKE_RE = re.compile("[\u0130\u0131\u017f]")


def fold(line: str) -> str:
    """``line`` in lower case, with every character that ``re`` takes for an ASCII letter written as that letter.

    Wherever a pattern, with or without the IGNORECASE flag, matches a run of
    literal characters that are ASCII or have no case, ``fold(line)`` holds
    that run in lower case (see :class:`SearchPart`).
    """
    if _LOOKALIKE_RE.search(line) is None:
        return line.lower()
    return line.translate(_ASCII_LOOKALIKES).lower()


class SearchPart(NamedTuple):
    """Some of the top-level alternatives of a rule's pattern, and how to look for them in a line.

    ``at_start``: every alternative begins with ``^`` (or ``\\A``), so it can
    only match at the start of the line and one ``match`` there tries them
    all; else the line is searched.  ``needles``: sets of strings, as
    :func:`fold` writes them (runs of literal characters that are ASCII or
    have no case), such that every match of ``pattern`` holds a string of
    each set; a line whose folded text misses one of the sets has no match,
    and is not tried.  Empty when the alternatives need no string, or when
    trying them costs less than looking for strings: alternatives tried at
    the start of the line have needles only when one of them reads along
    the line first (a lookahead right after ``^``, as in ``^(?!.*\\d)``).
    """

    pattern: re.Pattern[str]
    at_start: bool
    needles: tuple[tuple[str, ...], ...]


def search_parts(pattern: re.Pattern[str]) -> tuple[SearchPart, ...]:
    """Split ``pattern`` into parts that find a line exactly when ``pattern.search`` does (:class:`SearchPart`).

    The alternatives that begin with ``^`` make one part, tried at the start
    of the line, and each other alternative a part of its own, searched
    along it when the line holds its needles.  A pattern is split only when
    its text, cut at its top-level ``|``, parses back into the very
    alternatives of the pattern, and when it has no backreference (which
    could name a group of another alternative); otherwise it stays one part.
    Under the MULTILINE flag only ``\\A`` anchors an alternative.
    """
    tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    data = tree.data
    branches = list(data[0][1][1]) if len(data) == 1 and data[0][0] is _sre.BRANCH else [tree]
    starts = {_sre.AT_BEGINNING_STRING} if pattern.flags & re.MULTILINE else {_sre.AT_BEGINNING_STRING,
                                                                                _sre.AT_BEGINNING}
    anchored = [bool(b.data) and b.data[0][0] is _sre.AT and b.data[0][1] in starts for b in branches]
    texts = None
    if len(branches) > 1 and not all(anchored) and not _has_backreference(tree):
        texts = _alternatives(pattern, tree, branches)
    if texts is None:
        if all(anchored):
            return (SearchPart(pattern, True, _start_needles(branches)),)
        if len(branches) == 1:
            return (SearchPart(pattern, False, _requirements(tree)),)
        either = _requirement_of_any(branches)
        return (SearchPart(pattern, False, (either,) if either else ()),)
    parts = []
    start = [i for i, a in enumerate(anchored) if a]
    if start:
        parts.append(SearchPart(re.compile("|".join(texts[i] for i in start), pattern.flags), True,
                                _start_needles([branches[i] for i in start])))
    for i, a in enumerate(anchored):
        if not a:
            parts.append(SearchPart(re.compile(texts[i], pattern.flags), False, _requirements(branches[i])))
    return tuple(parts)


def _start_needles(branches: list[Any]) -> tuple[tuple[str, ...], ...]:
    """The needles of the :class:`SearchPart` of the alternatives ``branches`` that begin with ``^``."""
    if not any(len(b.data) > 1 and b.data[1][0] in _LOOKAROUNDS for b in branches):
        return ()
    either = _requirement_of_any(branches)
    return (either,) if either else ()


#: Global inline flags at the start of a pattern: ``(?i)``, ``(?is)``.
_GLOBAL_FLAGS_RE = re.compile(r"(?:\(\?[aiLmsux]+\))*")
_REPEATS = frozenset({_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)})
_LOOKAROUNDS = (_sre.ASSERT, _sre.ASSERT_NOT)
_BACKREFERENCES = tuple(getattr(_sre, name) for name in dir(_sre) if name.startswith("GROUPREF"))


def _alternatives(pattern: re.Pattern[str], tree: Any, branches: list[Any]) -> list[str] | None:
    """The texts of the top-level alternatives of ``pattern`` (``tree``, ``branches`` its parse), or None.

    The text is cut at every ``|`` outside brackets, character sets and escapes; the cut is kept only when each
    piece parses, under the pattern's flags, into its alternative.
    """
    text = pattern.pattern
    pos = _GLOBAL_FLAGS_RE.match(text).end()
    pieces = []
    depth, start, n = 0, pos, len(text)
    while pos < n:
        c = text[pos]
        if c == "\\":
            pos += 1
        elif c == "[":
            pos += 1
            if text.startswith("^", pos):
                pos += 1
            if text.startswith("]", pos):  # a "]" first in a set is a character of the set
                pos += 1
            while pos < n and text[pos] != "]":
                pos += 2 if text[pos] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            pieces.append(text[start:pos])
            start = pos + 1
        pos += 1
    pieces.append(text[start:])
    if len(pieces) != len(branches):
        return None
    for piece, branch in zip(pieces, branches):
        try:
            alone = _sre_parse.parse(piece, pattern.flags)
        except re.error:
            return None
        if alone.state.flags != tree.state.flags or _shape(alone) != _shape(branch):
            return None
    return pieces


def _shape(node: Any) -> Any:
    """A parse tree as nested tuples, the numbers of capturing groups left out."""
    if isinstance(node, _sre_parse.SubPattern):
        node = node.data
    if not isinstance(node, (list, tuple)):
        return node
    if len(node) == 2 and node[0] is _sre.SUBPATTERN:
        group, add_flags, del_flags, sub = node[1]
        return node[0], group is None, add_flags, del_flags, _shape(sub)
    return tuple(_shape(x) for x in node)


def _has_backreference(node: Any) -> bool:
    """True when the parse tree ``node`` refers back to a group (``\\1``, ``(?P=name)``, ``(?(1)...)``)."""
    if isinstance(node, _sre_parse.SubPattern):
        node = node.data
    if not isinstance(node, (list, tuple)):
        return False
    if len(node) == 2 and any(node[0] is op for op in _BACKREFERENCES):
        return True
    return any(_has_backreference(x) for x in node)


def _needle_char(code: int) -> str | None:
    """The character ``code`` as :func:`fold` writes it, when a pattern can only match it with that character."""
    c = chr(code)
    return c.lower() if c.isascii() or c.lower() == c == c.upper() else None


def _requirements(items: Any) -> tuple[tuple[str, ...], ...]:
    """Sets of strings such that every match of the sequence ``items`` holds a string of each, as :func:`fold`
    writes them; the most selective first.

    A set is a run of literal characters (:func:`_needle_char`), or what a
    group, a repetition at least once or a lookaround (whose text is in the
    line too) needs, or one string of each alternative of a choice
    (:func:`_requirement_of_any`).  A set is the more selective the longer
    its shortest string and the fewer its strings (each is looked for in
    every line): they are ranked by that length over their number, then by
    that length.
    """
    found: dict[tuple[str, ...], None] = {}
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        char = _needle_char(av) if op is _sre.LITERAL else None
        if char is not None:
            run.append(char)
            continue
        if run:
            found["".join(run),] = None
            run = []
        if op is _sre.SUBPATTERN:
            found.update(dict.fromkeys(_requirements(av[3])))
        elif op is _sre.BRANCH:
            either = _requirement_of_any(av[1])
            if either:
                found[either] = None
        elif op in _REPEATS and av[0] >= 1:
            found.update(dict.fromkeys(_requirements(av[2])))
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            found.update(dict.fromkeys(_requirements(av)))
        elif op is _sre.ASSERT:
            found.update(dict.fromkeys(_requirements(av[1])))
    return tuple(sorted(found, key=_selectivity, reverse=True))


def _selectivity(needles: tuple[str, ...]) -> tuple[float, int]:
    return min(map(len, needles)) / len(needles), min(map(len, needles))


def _requirement_of_any(branches: list[Any]) -> tuple[str, ...]:
    """Strings such that a match of any of ``branches`` holds one of them: the most selective set of each
    branch together; empty when a branch needs none."""
    out: dict[str, None] = {}
    for branch in branches:
        sets = _requirements(branch)
        if not sets:
            return ()
        out.update(dict.fromkeys(sets[0]))
    return tuple(out)


@dataclass(frozen=True)
class Rule:
    """One pattern rule: lines matching ``pattern`` get ``role``.

    ``source`` and ``row`` say where the rule was read (the header is row 1).
    A rule with a ``time_limit`` runs on the ``regex`` engine, which can stop a
    search after that many seconds; see :meth:`matches`.  Any other rule
    searches ``pattern`` in its :attr:`parts` (:func:`search_parts`).
    """

    outlet: str
    pattern: re.Pattern[str]
    role: str
    reason: str
    source: str = ""
    row: int = 0
    time_limit: float | None = None
    guarded: Any = field(default=None, repr=False, compare=False)
    parts: tuple[SearchPart, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", search_parts(self.pattern) if self.guarded is None else ())

    def parts_in(self, folded_text: str) -> tuple[SearchPart, ...]:
        """The :attr:`parts` that can match a line of a text whose :func:`fold` is ``folded_text``.

        A part needs a string of each of its needle sets; one the text lacks
        is in none of its lines.  The first (most selective) set is looked
        up, and the part comes with it narrowed to the strings the text
        holds.  Empty for a rule with a ``time_limit`` (which searches its
        whole pattern).
        """
        out = []
        for part in self.parts:
            if part.needles:
                first = tuple(filter(folded_text.__contains__, part.needles[0]))
                if not first:
                    continue
                if len(first) < len(part.needles[0]):
                    part = SearchPart(part.pattern, part.at_start, (first, *part.needles[1:]))
            out.append(part)
        return tuple(out)

    def matches(self, line: str, folded: str | None = None, parts: tuple[SearchPart, ...] | None = None) -> bool:
        """True when ``pattern`` is found in ``line``.

        ``folded`` is ``fold(line)`` (:func:`fold`), for a caller that tries
        many rules on one line; it is worked out when not given.  ``parts``,
        when given, are the only :attr:`parts` that can match (see
        :meth:`parts_in`); a rule with a ``time_limit`` ignores it.

        Raises
        ------
        FramingInputError
            When the search runs longer than ``time_limit``: the pattern
            backtracks catastrophically and could run for hours.
        """
        if self.guarded is None:
            if folded is None:
                folded = fold(line)
            for pattern, at_start, needles in self.parts if parts is None else parts:
                for strings in needles:
                    if not any(map(folded.__contains__, strings)):
                        break  # the line misses these needles: the part cannot match
                else:
                    if (pattern.match(line) if at_start else pattern.search(line)) is not None:
                        return True
            return False
        try:
            return self.guarded.search(line, timeout=self.time_limit) is not None
        except TimeoutError:
            from framing.core.errors import FramingInputError

            raise FramingInputError(
                self.source,
                f"row {self.row}: pattern '{self.pattern.pattern}' ran for more than {self.time_limit:g} s on one "
                "line and could run for hours (catastrophic backtracking); rewrite it so that no repeated group "
                r"can match the same text in two ways (e.g. .* instead of (.|\s)*) or delete the row",
            ) from None


@dataclass(frozen=True)
class Line:
    """A classified raw line; ``start``/``end`` are offsets in the raw text (newline excluded).

    ``lead`` is the number of characters at the start of ``text`` that come
    before the article text: a dateline and the white space after it
    (see :func:`dateline`), else 0.
    """

    line_no: int
    start: int
    end: int
    text: str
    role: str
    reason: str
    lead: int = 0

    @property
    def is_body(self) -> bool:
        return self.role in BODY_ROLES


# --- datelines ----------------------------------------------------------------------------------------------

#: News agencies and broadcasters that stamp their name in a dateline, as they write it in brackets.
AGENCIES = (
    "Reuters", "AP", "AFP", "Xinhua", "TASS", "ITAR-TASS", "RIA Novosti", "Sputnik", "Interfax", "UPI", "CNN",
    "BBC", "dpa", "DPA", "IANS", "PTI", "ANI", "IRNA", "Anadolu", "AA", "Kyodo", "Yonhap", "EFE", "ANSA", "KUNA",
    "WAFA", "SPA", "BNA", "CNA", "Bernama", "Prensa Latina", "MENA", "RT", "Press TV", "Tasnim", "ISNA", "Ukrinform",
    "UNIAN", "BelTA", "Trend", "APA", "Kazinform", "Antara", "Xinhua/AP", "AP/Reuters",
)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
# Words of a place never hold the characters that join them, so a place is read one way only (no backtracking).
_CAPS_PLACE = r"[A-Z][A-Z'.]+(?:[ \-][A-Z][A-Z'.]*){0,3}"  # GENEVA, ST. PETERSBURG, RIO DE JANEIRO, NUR-SULTAN
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}"  # Geneva, New York, Nur-Sultan
_REGION = r",\s+[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,2}"  # , Switzerland  , D.C.
_KNOWN = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_AGENCY = r"\([A-Za-z][A-Za-z.&/' \-]{0,24}\)"
#: What ends a dateline: an en or em dash, a double hyphen, a hyphen after a space, or a colon before one
#: (never the hyphen of "U.S.-Russia").
_SEP = r"(?:\s*(?:--|[\u2013\u2014])|\s+-|:(?=\s))"
_DATELINE_CORE = (
    # an agency's picture or file number before the dateline: (230912) -- TARVO, Sept. 12 (Xinhua) --
    r"\s*(?:\(\d{6}\)\s*(?:--|[\u2013\u2014])\s*)?(?:"
    # GENEVA, June 16 (Reuters) -   MOSCOW, June 4 (Xinhua) --   WASHINGTON (AP) --   KYIV, Ukraine (AP) --
    rf"{_CAPS_PLACE}(?:{_REGION})??(?:,\s*{_DATE})?\s*{_AGENCY}{_SEP}"
    # MOSCOW, June 4. /TASS/.
    rf"|{_CAPS_PLACE}(?:{_REGION})??,\s*{_DATE}\.?\s*/[A-Z][A-Za-z\-]+/\.?"
    # GENEVA, June 16 -   WASHINGTON --   NEW DELHI:
    rf"|{_CAPS_PLACE}(?:{_REGION})??(?:,\s*{_DATE})?{_SEP}"
    # Geneva (CNN)   Moscow, June 4 (AFP) -
    rf"|{_TITLE_PLACE}(?:{_REGION})??(?:,\s*{_DATE})?\s*\((?:{_KNOWN})\)(?:{_SEP})?"
    # (Reuters) -
    rf"|\((?:{_KNOWN})\){_SEP}"
    # Qaran, Sahlan –   (a place and its country in ordinary case, then an en or em dash)
    rf"|{_TITLE_PLACE},\s+{_TITLE_PLACE}\s*[\u2013\u2014]"
    r")"
)
#: A dateline at the start of a paragraph, followed by the article text.
_DATELINE_RE = re.compile(_DATELINE_CORE + r"\s*(?=[\"'\w(\u2018\u201c\u00ab])")
#: A line that is only a dateline.
_DATELINE_LINE_RE = re.compile(
    rf"\s*(?:{_CAPS_PLACE}(?:{_REGION})??(?:,\s*{_DATE})?\.?\s*(?:{_AGENCY}|/[A-Z][A-Za-z\-]+/)\.?"
    rf"|{_TITLE_PLACE}(?:{_REGION})??(?:,\s*{_DATE})?\s*\((?:{_KNOWN})\))(?:{_SEP})?\s*$"
    rf"|{_CAPS_PLACE}(?:{_REGION})??,\s*{_DATE}\.?\s*$"
    rf"|{_DATELINE_CORE}\s*$"
)


def dateline(paragraph: str) -> int:
    """Length of the dateline that opens ``paragraph``, white space after it included; 0 when there is none.

    A dateline is the place, date and agency stamp that opens a wire story:
    an upper-case place, optionally a region and a date, then an agency in
    brackets and a dash or colon (``GENEVA, June 16 (Reuters) -``,
    ``KYIV, Ukraine (AP) --``), TASS's ``MOSCOW, June 4. /TASS/.``, or an
    upper-case place and a dash or colon without an agency
    (``WASHINGTON --``, ``NEW DELHI:``); a place in ordinary case counts only
    with a known agency (:data:`AGENCIES`) in brackets (``Geneva (CNN)``) or
    as a place and its country before an en or em dash (``Qaran, Sahlan
    \u2013``), and an agency in brackets and a dash alone counts too
    (``(Reuters) -``).  An agency's picture number before the place belongs
    to the dateline (``(230912) -- BEIJING, Sept. 12 (Xinhua) --``).
    Article text must follow.  A sentence that merely starts with a place
    ("GENEVA is hosting ...", "Geneva (Switzerland) is ...") or names an
    agency ("Reuters reported ...") has none.  The paragraph is read as it is
    drawn (:func:`framing.load.text.visible`), and the length counts the
    characters of ``paragraph`` itself, invisible ones included.
    """
    vis = visible(normalise(paragraph))
    m = _DATELINE_RE.match(vis.text)
    if m is None:
        return 0
    return vis.span(0, m.end())[1]


def load_rules(files: Iterable[Path]) -> list[Rule]:
    """Read page rules from CSV files with columns ``outlet, pattern, role, reason``.

    The package's own rules (:data:`framing.core.paths.PAGE_RULES_FILE`, checked
    by the test suite) run on Python's ``re`` engine.  Rules from any other
    file, such as an articles folder's ``page_rules.csv``, run on the
    ``regex`` engine with a time limit of :data:`RULE_TIME_LIMIT` seconds
    per line, so a pattern that backtracks catastrophically stops the run
    with a message instead of hanging it (see :meth:`Rule.matches`).  The
    ``regex`` engine also settles at once many nested repetitions on which
    ``re`` backtracks for hours, such as ``^(\\w+\\s?)*$``.

    Raises
    ------
    FramingInputError
        When a file is not a UTF-8 CSV, lacks a column, names an unknown role
        or holds an empty or invalid pattern.
    """
    from framing.core.errors import FramingInputError

    rules: list[Rule] = []
    for path in files:
        guard = Path(path).resolve() != paths.PAGE_RULES_FILE.resolve()
        if guard:
            import regex
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                records = list(csv.DictReader(fh))
                fieldnames = set(records[0]) if records else set()
        except UnicodeDecodeError:
            raise FramingInputError(path, "is not UTF-8 text; save it as UTF-8") from None
        except csv.Error as exc:
            raise FramingInputError(path, f"is not a readable CSV ({exc}); fix the quoting") from None
        missing = {"outlet", "pattern", "role", "reason"} - fieldnames
        if records and missing:
            raise FramingInputError(path, f"page rules need the columns {sorted(missing)}; add them")
        for n, row in enumerate(records, start=2):
            outlet, pattern, role, reason = ((row.get(k) or "") for k in ("outlet", "pattern", "role", "reason"))
            if role not in ROLES:
                raise FramingInputError(path, f"row {n}: unknown role {role!r}; use one of {', '.join(ROLES)}")
            if not pattern.strip():
                raise FramingInputError(path, f"row {n}: empty pattern, which would match every line; fill it in")
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise FramingInputError(path, f"row {n}: bad pattern {pattern!r}: {exc}") from None
            if not guard:
                rules.append(Rule(outlet.strip(), compiled, role, reason, str(path), n))
                continue
            try:
                guarded = regex.compile(pattern)
            except regex.error as exc:
                raise FramingInputError(path, f"row {n}: bad pattern {pattern!r}: {exc}") from None
            rules.append(Rule(outlet.strip(), compiled, role, reason, str(path), n, RULE_TIME_LIMIT, guarded))
    return rules


def default_rules() -> list[Rule]:
    """The rules shipped with the package."""
    return load_rules([paths.PAGE_RULES_FILE])


def split_lines(raw: str) -> list[tuple[int, int, str]]:
    """Split ``raw`` into ``(start, end, text)`` per line; ``\\r\\n`` and ``\\n`` both end a line."""
    out = []
    pos = 0
    for piece in raw.split("\n"):
        end = pos + len(piece)
        text_end = end - 1 if piece.endswith("\r") else end
        out.append((pos, text_end, raw[pos:text_end]))
        pos = end + 1
    if out and out[-1][0] == len(raw) and out[-1][2] == "":
        out.pop()  # a final newline does not open a new line
    return out


def _squash(text: str) -> str:
    return " ".join(drop_invisible(normalise(text)).split()).casefold()


def _n_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _is_foreign_script(text: str, language: str) -> bool:
    if language.split("-")[0].lower() not in _LATIN_LANGS:
        return False
    non_latin = sum(map(str.isalpha, _BEYOND_LATIN_RE.findall(text)))
    if not non_latin:
        return False
    return non_latin / sum(map(str.isalpha, text)) > 0.5


def _stamp_date(text: str) -> date | None:
    m = _DATE_STAMP_RE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


# --- structure of a page ------------------------------------------------------------------------------------

#: Words of a date or time line ("Updated 9:14 PM GMT+2, September 4, 2023", "Tue 12 Sep 2023 18.02 BST",
#: "Published On 14 May 2023", "Issued on: 07/03/2023 - 19:42").
_DATE_WORDS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|"
    r"thu(?:rs?)?|fri|sat|sun|a\.m|p\.m|am|pm|utc|gmt|bst|cet|cest|est|edt|et|pst|pdt|ist|jst|kst|msk|sgt|hkt|"
    r"aest|eet|eest|wat|cat|eat|updated?|published|posted|modified|last|first|issued|on|at|ago|about|mins?|"
    r"minutes?|hours?|hrs?|days?|read"
)
# A word token never ends before a letter and a number never before a digit or a letter, and the separators hold
# no letter or digit, so a line is read one way only ("ago3 hours", "Updated20 Nov" are read as written, glued):
# the match is linear in its length.
_DATE_LINE_RE = re.compile(
    rf"^(?:[^|/]{{1,40}}[|/]|(?:[A-Z][a-z]+ ){{1,2}}(?=\d{{1,2}}:\d{{2}}))?[\s,.|:/+()\u2013\u2014-]*"
    rf"(?:(?:\d+(?:st|nd|rd|th|am|pm|[hmd])?(?![a-z\d])|(?:{_DATE_WORDS})(?![a-z]))[\s,.|:/+()\u2013\u2014-]*)+$",
    re.IGNORECASE,
)
#: A date, not only a time: a month, a year, a numeric date, "... ago", or a time after "Updated" or "Published".
_HAS_DATE_RE = re.compile(rf"\b(?:{_MONTH})(?!\w)|\b\d{{4}}\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\bago\b"
                          r"|^\W*(?:updated|published|posted|modified|issued)\b", re.IGNORECASE)
_DATE_LABEL_RE = re.compile(r"(?i)^(?:updated|published|posted|last updated|modified|first published)\s*:?\s*$")

#: A person's or agency's name on a line of its own ("Saleem Qureshi", "KYOSEI PRESS", "Jonas Eklund in Marrow").
_NAME_WORD = r"(?:[A-Z][a-z'\u2019.\-]+|[A-Z]{2,}|[A-Z]\.)"
_NAME_LINE_RE = re.compile(
    rf"^{_NAME_WORD}(?:[ \-](?:{_NAME_WORD}|de|da|del|van|von|der|al|el|bin|ibn|le|la)){{1,3}}"
    rf"(?:\s+(?:in|and|&)\s+{_NAME_WORD}(?: {_NAME_WORD}){{0,2}})?$"
)
#: A name or a job title in an author box ("Marta Koval", "Reporter", "GRETA SOLBERG").
_AUTHOR_BOX_RE = re.compile(rf"^(?:{_NAME_WORD}(?:[ \-](?:{_NAME_WORD}|de|da|del|van|von|der|al|el|bin)){{0,3}})$")
#: A place in capitals on a line of its own, just before the first paragraph ("ANKARA").
_CAPS_WORD_LINE_RE = re.compile(r"^[A-Z][A-Z'.\-]{2,}(?: [A-Z][A-Z'.\-]{2,})?$")

#: An author's biography: a name, then "is a ... correspondent" or "covers ..." ("Jane Doe is a correspondent
#: covering energy. Follow her on X").
_BIO_RE = re.compile(
    r"^(?!.*\")[A-Z][\w'\u2019.\-]+(?: [A-Z][\w'\u2019.\-]+){0,3} (?:(?:is|was|has been)\b.{0,80}?\b"
    r"(?:journalist|reporter|correspondent|editor|columnist|writer|producer|photographer|contributor|"
    r"bureau chief|presenter|analyst)s?\b|(?:covers|writes about|reports on|has covered|has reported on)\b)"
)
#: What a biography says that an article paragraph does not: a handle, "follow her on", where the author is based.
_BIO_MARK_RE = re.compile(
    r"(?i)\bfollow (?:him|her|them)\b|@\w|\bbased in\b|\bjoined\b|\bpreviously\b|\bcovering\b|\bsince \d{4}\b"
)

#: Words of a newsletter or subscription promotion: a title-like line next to one belongs to the promotion.
_PROMO_RE = re.compile(
    r"(?i)\b(?:newsletters?|subscribe|subscription|sign(?:ing)?[ -]?up|inbox|mailbox|e-?mail address|"
    r"privacy notice|briefing)\b"
)
#: A label that opens a list of related stories ("More On This Topic", "Related", "Read also").
_RELATED_LABEL_RE = re.compile(
    r"(?i)^(?:more on this topic|related(?: (?:stories|articles|news|coverage|content|posts))?|read (?:more|also|next)|"
    r"also read|see also|you (?:may|might) also like|recommended(?: (?:stories|reading))?|more stories)\s*:?\s*$"
)
#: A sentence end inside a line (". " before a capital): a line with one is a paragraph, not a title.
_INNER_SENTENCE_END_RE = re.compile(r"[a-z0-9][.!?][\"')\]]*\s+[\"'(]?[A-Z]")
#: A broadcaster's promotion of itself inside the article text: its frequency ("Frontier Radio broadcasts on
#: 97.4 FM across the valley.") or a trail for a programme ("... will have more on the evening bulletin.").  The
#: station line is one clause that starts with the name; a sentence about a station ("The station, which
#: broadcasts on 97.4 FM, was ...") has more.  The trail ends with the programme.
_STATION_ID_RE = re.compile(
    r"^[A-Z][\w&'\u2019.\-]*(?: [A-Z0-9][\w&'\u2019.\-]*){0,4} (?:broadcasts|is broadcast|can be heard|is on air|"
    r"airs) (?:on|at) \d{2,3}(?:[.,]\d{1,2})? ?(?:FM|AM|MHz|kHz)\b[^.,;]*[.!]?$")
_PROGRAMME_TRAIL_RE = re.compile(
    r"(?i)\bwill (?:have|bring you) (?:more|the latest|the full story|a full report)\b[^.]{0,40}?\b(?:on|in) "
    r"(?:the |our |tonight's |this evening's |tomorrow's )?(?:[\w'\u2019]+ ){0,3}"
    r"(?:bulletin|news|programme|program|show)(?: at [\w:. ]{1,12}?)?\s*[.!]?$")
#: A line ending with an exclamation or a question mark (a headline may, a paragraph before the article rarely).
_CALL_END_RE = re.compile(r"[!?][\"'\u2019\u201d)\]]*\s*$")
_ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|\u2026)[\"')\]]*\s*$")

#: A paragraph of the article, not a short item of a news ticker, has at least this many words (used to find
#: the headline: the title-like line before the first such paragraph).
MIN_LEAD_WORDS = 12
#: A standfirst set without a full stop (a title-like line right under the headline) has at least this many words.
MIN_STANDFIRST_WORDS = 6
#: A caption shown twice (image text, then caption) has at most this many words.
MAX_CAPTION_WORDS = 60
#: A line after the last paragraph that was cut off mid-sentence has at least this many words, or this many
#: and a sentence end inside it.
MIN_TRUNCATED_WORDS, MIN_TRUNCATED_WORDS_WITH_SENTENCE = 25, 12


def is_date_line(text: str) -> bool:
    """True when ``text`` holds only a date, a time and date words.

    "Updated 9:14 PM GMT+2, September 4, 2023", "Tue 12 Sep 2023 18.02
    BST", "Published On 14 May 2023", "Issued on: 07/03/2023 - 19:42",
    "12 SEP, 14:05" are date lines, as are a source name before a bar or a
    slash ("Island Daily Inquirer / 05:12 PM July 26, 2023") and a section
    name before a time ("All News 16:02 August 21, 2023").  A line needs a
    date: a month name, a year, a numeric date or "ago" ("Updated 2 hours
    ago"), or "Updated" or "Published" before a time ("Updated 11:48 p.m.
    ET"); a time alone ("10:13 PM", an item of a news ticker) is none, and
    "On Monday the talks ended." holds other words and is none.
    """
    return bool(_DATE_LINE_RE.match(text)) and bool(_HAS_DATE_RE.search(text))


def classify_lines(
    raw: str,
    *,
    outlet: str,
    headline: str = "",
    published: str = "",
    language: str = "en",
    rules: list[Rule] | None = None,
) -> list[Line]:
    """Give every line of a raw page a role and a reason.

    Parameters
    ----------
    raw : str
        The page text as captured (decoded).
    outlet, headline, published, language : str
        The article's metadata; ``headline`` may be empty (then it is looked
        for), ``published`` is an ISO date (used to tell related-story teasers
        by their date stamp).
    rules : list of Rule, optional
        Pattern rules; defaults to :func:`default_rules`.

    Returns
    -------
    list of Line
        One per raw line, in order, blank lines included.  Time is linear in
        the number of lines.
    """
    rules = default_rules() if rules is None else rules
    active = [r for r in rules if not r.outlet or r.outlet.casefold() == outlet.casefold()]
    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError:
        pub = None
    want_headline = _squash(headline) if headline else ""
    outlet_key = _squash(outlet)

    spans = split_lines(raw)
    norms = [drop_invisible(normalise(text)).strip() for _s, _e, text in spans]
    # A part of a rule whose needles the page lacks matches none of its lines: only the others are tried.
    page_folded = fold("\n".join(norms))
    checks = [(rule, rule.parts_in(page_folded)) for rule in active]
    checks = [(rule, parts) for rule, parts in checks if parts or rule.guarded is not None]
    roles: list[str] = []
    reasons: list[str] = []
    ruled: list[bool] = []
    counts: list[int | None] = []
    for norm, (_s, _e, text) in zip(norms, spans):
        if not norm and "<" in text and markup_spans(text):
            roles.append("chrome")
            reasons.append("HTML tags only, nothing drawn")
            ruled.append(False)
            counts.append(None)
            continue
        role, reason, by_rule, words = _first_pass(norm, checks, language, want_headline)
        roles.append(role)
        reasons.append(reason)
        ruled.append(by_rule)
        counts.append(words)
    page = _Page(norms, roles, reasons, ruled, counts)

    # The headline: the first line that matches the metadata; else the line before the first paragraph of the
    # article that reads like a headline (see _guess_headline).
    head_idx = next((i for i, r in enumerate(roles) if r == "headline"), None)
    if head_idx is None and not want_headline:
        head_idx = _guess_headline(page, outlet_key)
    if head_idx is not None:  # a second copy of the headline (printed twice, or in a share widget) is chrome
        head_key = " ".join(norms[head_idx].split()).casefold()
        for i in range(len(roles)):
            if i != head_idx and roles[i] in ("headline", "title", "body") \
                    and " ".join(norms[i].split()).casefold() == head_key:
                roles[i], reasons[i] = "chrome", "repeats the headline (printed twice, or in a share widget)"

    _captions_shown_twice(page)
    if head_idx is not None:
        # Everything before the headline is page header.
        for i in range(head_idx):
            if roles[i] in ("body", "title", "chrome", "subheading", "bio") or (roles[i] == "caption" and not ruled[i]):
                roles[i], reasons[i] = "chrome", "page header: before the headline"
        _standfirst(page, head_idx)
    _dated_teasers(page, spans, pub)
    _author_bios(page)
    first_body = next((i for i, r in enumerate(roles) if r == "body"), len(roles))
    if head_idx is not None:
        _bylines_under_headline(page, head_idx, first_body)
    _related_lists(page)
    _promotion_blocks(page)
    truncated = _truncated_last_paragraph(page)

    body_idx = page.indices("body")
    last_body = body_idx[-1] if body_idx else -1
    top_bylines = {_squash(norms[i]) for i in range(first_body) if roles[i] == "byline"}
    for i, role in enumerate(roles):
        if role == "title":
            if head_idx is None or i < first_body:
                roles[i], reasons[i] = "chrome", "title-like line outside the article"
            elif i > last_body:
                roles[i], reasons[i] = "chrome", "page footer: after the last paragraph"
            else:
                roles[i], reasons[i] = "subheading", "title-like line between paragraphs"
        elif role == "body" and head_idx is not None and i < head_idx:
            roles[i], reasons[i] = "chrome", "page header: before the headline"
        elif i > last_body and role in ("body", "subheading", "standfirst"):
            roles[i], reasons[i] = "chrome", f"page footer: after the last paragraph ({reasons[i]})"
        elif i > last_body and role == "byline" and not ruled[i] and (
                is_date_line(norms[i]) or _DATELINE_LINE_RE.match(norms[i])):
            if _squash(norms[i]) in top_bylines:
                reasons[i] = "date line: repeats the article's date line after the last paragraph"
            else:
                roles[i], reasons[i] = "chrome", \
                    "page footer: a date or place after the last paragraph belongs to another item"
    if last_body >= 0 and last_body != truncated and _ELLIPSIS_END_RE.search(norms[last_body]):
        reasons[last_body] += "; truncated: the last paragraph ends with an ellipsis, the rest is not on the page"

    # A dateline opens the first paragraph, or the one after a standfirst (a summary right under the headline,
    # with or without a full stop).
    leads = [0] * len(roles)
    units = [i for i, r in enumerate(roles) if r in BODY_ROLES]
    candidates = units[:1]
    if units and (roles[units[0]] == "standfirst" or (head_idx is not None and page.prev_text(units[0]) == head_idx)):
        candidates = units[:2]
    for i in candidates:
        lead = dateline(spans[i][2])
        if 0 < lead < len(spans[i][2].rstrip()):
            leads[i] = lead
            stamp = " ".join(drop_invisible(normalise(spans[i][2][:lead])).split())
            reasons[i] = f"{reasons[i]}; opens with the dateline '{stamp}', which is not article text"
            break

    return [
        Line(n + 1, s, e, t, roles[n], reasons[n], leads[n]) for n, (s, e, t) in enumerate(spans)
    ]


#: What separates the items of a menu or a breadcrumb: a bar, an angle bracket or quote, an arrow, a bullet, a
#: middle dot, or a slash between spaces ("Home | World | Business", "News > Europe", "Home / News / Region";
#: "AC/DC" and "Covid/flu" hold no separator).
_NAV_SEP_RE = re.compile(r"\s*[|>\u203a\u00bb\u2192\u2022\u00b7]\s*|\s+/\s+")
#: Menu items set apart by runs of spaces or tabs ("Politics  Business  Opinion").
_NAV_SPACE_RE = re.compile(r"\s{2,}|\t")
#: One item of a menu: words and the characters of names, no sentence punctuation ("Local News", "Watch live",
#: "Military & Defense"); at most three words (:func:`is_navigation`).
_NAV_ITEM_RE = re.compile(r"^(?=[^\W_])[\w'\u2019.&+\-]+(?: [\w'\u2019.&+\-]+)*$")
#: A date or a time after a separator at the end of a line ("... | 14 May 2025", "... - 16:42"): the line is an
#: item of a list of stories, not the article's headline.
_STAMP_TAIL_RE = re.compile(
    r"(?:\s+(?:[|\u2013\u2014\u2022\u00b7]|-{1,2})\s+|\s*[|\u2022\u00b7]\s*)([^|\u2022\u00b7]+)$")
_TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)
#: The headline is at most this many words: a longer line before the first paragraph is a summary or a teaser.
MAX_HEADLINE_WORDS = 25
#: A line followed by this many menu items (short lines without sentence punctuation) heads a menu: a masthead's
#: tagline or a section title, not the headline.
MENU_ITEMS_BELOW = 3


def _is_menu_item(item: str) -> bool:
    item = item.strip()
    return bool(_NAV_ITEM_RE.match(item)) and (item[0].isupper() or item[0].isdigit()) and _n_words(item) <= 3


def is_navigation(text: str) -> bool:
    """True when ``text`` reads as site navigation rather than as a title.

    Navigation is a menu or a breadcrumb, or a section label:

    * two or more items separated by ``|``, ``>``, ``›``, ``»``, ``→``,
      ``•``, ``·`` or a slash between spaces, or three or more items
      separated by runs of spaces, every item one to three words with a
      capital first letter and no sentence punctuation ("Home | World |
      Business", "News > Europe", "Politics  Business  Opinion");
    * one or two words in capitals ("WORLD NEWS", "BREAKING").

    A title with a section kicker before a bar ("Opinion | Why the port
    strike matters") is no navigation, since its second item is a clause
    of its own and not a menu item: such a line can be the headline, and
    the whole line, kicker included, is then the headline.  A title of
    short capitalised items only ("Kessler Ridge | Plant Closes") cannot be
    told from a menu and counts as one.
    """
    text = text.strip().rstrip(":").strip()
    if not text:
        return False
    words = text.split()
    if len(words) <= 2 and text.isupper() and all(any(c.isalpha() for c in w) for w in words) \
            and not _SENTENCE_END_RE.search(text):
        return True
    if _NAV_SEP_RE.search(text):
        items = [x for x in _NAV_SEP_RE.split(text) if x.strip()]
        if len(items) >= 2 and all(_is_menu_item(x) for x in items):
            return True
    items = [x for x in _NAV_SPACE_RE.split(text) if x.strip()]
    return len(items) >= 3 and all(_is_menu_item(x) for x in items)


def _ends_with_stamp(text: str) -> bool:
    """True when a date, a time or a dateline closes ``text`` after a separator ("... | 14 May 2025")."""
    m = _STAMP_TAIL_RE.search(text)
    if m is None:
        return False
    tail = m.group(1).strip()
    return is_date_line(tail) or bool(_TIME_RE.match(tail)) or bool(_DATELINE_LINE_RE.match(tail))


def _reads_like_headline(page: _Page, i: int) -> bool:
    """A headline has 4 to 25 words, no date or time after a separator, and heads no menu."""
    if not 4 <= page.n_words(i) <= MAX_HEADLINE_WORDS or _ends_with_stamp(page.norms[i]):
        return False
    below, j = 0, page.next_text(i)
    while j is not None and below < MENU_ITEMS_BELOW and page.roles[j] == "chrome" and not page.ruled[j] \
            and (page.n_words(j) <= 3 or is_navigation(page.norms[j])):
        below += 1
        j = page.next_text(j)
    return below < MENU_ITEMS_BELOW


def _guess_headline(page: _Page, outlet_key: str) -> int | None:
    """Find the headline of a page whose metadata gives none; its index, now with the role ``headline``.

    The candidates are the lines before the first paragraph of
    :data:`MIN_LEAD_WORDS` words or more (items of a news ticker are
    shorter): title-like lines (four or more words, no full stop) and lines
    of one sentence and at most :data:`MAX_HEADLINE_WORDS` words that end
    with an exclamation or a question mark ("LIGHTS OUT FOR KESSLER!",
    "Prices to fall - but will shops pass it on?"), which never count as
    that first paragraph.  A line a page rule gave another role (menus, widgets,
    captions, bylines, see the ``reason`` column of the lines table), a
    line that names the outlet (a masthead) and a line of navigation
    (:func:`is_navigation`) is never one.  Of the candidates, the first
    that reads like a headline wins (4 to :data:`MAX_HEADLINE_WORDS` words,
    no date or time after a separator at its end, and not followed by
    :data:`MENU_ITEMS_BELOW` menu items, as a masthead's tagline is); when
    none does, the first candidate.
    """
    roles, norms = page.roles, page.norms
    calls = {i for i in page.indices("body") if page.n_words(i) <= MAX_HEADLINE_WORDS
             and _CALL_END_RE.search(norms[i]) and not _INNER_SENTENCE_END_RE.search(norms[i])}
    body_idx = [i for i in page.indices("body") if i not in calls] or page.indices("body")
    fallback = body_idx[0] if body_idx else len(roles)
    lead = next((i for i in body_idx if page.n_words(i) >= MIN_LEAD_WORDS), fallback)
    candidates = [i for i in range(lead) if (roles[i] == "title" or i in calls)
                  and outlet_key not in _squash(norms[i]) and not is_navigation(norms[i])]
    if not candidates:
        return None
    best = next((i for i in candidates if _reads_like_headline(page, i)), candidates[0])
    page.set(best, "headline", "first line before the first paragraph that reads like a headline (not a "
                               "masthead, menu, breadcrumb or section label)")
    return best


@dataclass
class _Page:
    """The lines of a page being classified: their texts as drawn, their roles and reasons so far.

    ``ruled[i]`` is True when a page rule (or the metadata headline) gave line
    ``i`` its role: the structure of the page moves such a line to the page
    header or footer, but does not read its words again.
    """

    norms: list[str]
    roles: list[str]
    reasons: list[str]
    ruled: list[bool]
    counts: list[int | None]  # the number of words of each line, once counted

    def n_words(self, i: int) -> int:
        """The number of words of line ``i`` (:func:`_n_words`), counted once."""
        n = self.counts[i]
        if n is None:
            n = self.counts[i] = _n_words(self.norms[i])
        return n

    def indices(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    def next_text(self, i: int) -> int | None:
        """The next non-blank line after ``i``."""
        return next((j for j in range(i + 1, len(self.roles)) if self.roles[j] != "blank"), None)

    def prev_text(self, i: int) -> int | None:
        """The previous non-blank line before ``i``."""
        return next((j for j in range(i - 1, -1, -1) if self.roles[j] != "blank"), None)

    def set(self, i: int, role: str, reason: str) -> None:
        self.roles[i], self.reasons[i] = role, reason


def _standfirst(page: _Page, head_idx: int) -> None:
    """Title-like lines right under the headline (blank lines between at most) are its standfirst."""
    i = page.next_text(head_idx)
    while i is not None and page.roles[i] == "title" and page.n_words(i) >= MIN_STANDFIRST_WORDS:
        page.set(i, "standfirst", "summary right under the headline (a title-like line)")
        i = page.next_text(i)


def _captions_shown_twice(page: _Page) -> None:
    """A line repeated by the next line, alone or with a credit after it, is a caption shown twice.

    Pages give a photo's caption twice, as the image's text and as its caption: "Residents wade through a
    flooded street." then "Residents wade through a flooded street. Photograph: Name/Agency".  A title-like
    line given twice is more often a headline shown twice: only a sentence repeated alone counts.
    """
    for i, role in enumerate(page.roles):
        if role not in ("body", "title") or not 4 <= page.n_words(i) <= MAX_CAPTION_WORDS:
            continue
        j = page.next_text(i)
        if j is None:
            continue
        here, there = " ".join(page.norms[i].split()), " ".join(page.norms[j].split())
        if there == here and role == "body":
            page.set(i, "caption", "caption shown twice (image text, then caption)")
            page.set(j, "caption", "caption shown twice (image text, then caption)")
        elif there.startswith(here) and page.roles[j] == "caption":
            page.set(i, "caption", "caption shown twice: the next line repeats it with a credit")


def _dated_teasers(page: _Page, spans: list[tuple[int, int, str]], pub: date | None) -> None:
    """Related-story teasers: a caption stamped with another date, and the lines that follow it."""
    roles = page.roles
    i = 0
    while i < len(roles):
        stamp = _stamp_date(page.norms[i]) if roles[i] == "caption" else None
        if stamp is not None and pub is not None and stamp != pub:
            page.set(i, "teaser",
                     f"related-story teaser: image caption dated {stamp.isoformat()}, not the article's date")
            j = i + 1
            while j < len(roles) and roles[j] not in ("body", "blank"):
                page.set(j, "teaser", "continues the related-story teaser above")
                j += 1
            i = j
            continue
        i += 1


def _author_bios(page: _Page) -> None:
    """Biographies of the author, and the name and job title above them, are bylines.

    A biography ("Jane Doe is a correspondent covering ...") counts as one
    when it says what only a biography says (a handle, "follow her on",
    where the author is based, since when) or when no paragraph of the
    article comes after it; otherwise the line is an article paragraph about
    a journalist.  Up to two short lines right above it (the name, the job
    title) belong to the author box.
    """
    roles = page.roles
    later_body = False
    for i in range(len(roles) - 1, -1, -1):
        if roles[i] == "body":
            later_body = True
        elif roles[i] == "bio":
            if later_body and not _BIO_MARK_RE.search(page.norms[i]):
                page.set(i, "body", "paragraph: four or more words ending like a sentence (about a journalist)")
                later_body = True
                continue
            page.set(i, "byline", "author biography")
            j = page.prev_text(i)
            for _ in range(2):
                if j is None or roles[j] not in ("chrome", "title") or page.ruled[j] \
                        or not _AUTHOR_BOX_RE.match(page.norms[j]):
                    break
                page.set(j, "byline", "author box: the name or job title above the biography")
                j = page.prev_text(j)


def _bylines_under_headline(page: _Page, head_idx: int, first_body: int) -> None:
    """Between the headline and the first paragraph: names next to a byline, and a lone place before the text."""
    roles, norms = page.roles, page.norms
    for i in range(head_idx + 1, first_body):
        if roles[i] not in ("chrome", "title") or page.ruled[i] or not _NAME_LINE_RE.match(norms[i]):
            continue
        near = [j for j in (page.prev_text(i), page.next_text(i)) if j is not None]
        if any(roles[j] == "byline" for j in near):
            page.set(i, "byline", "name of the author or agency, next to the byline")
    before = page.prev_text(first_body) if first_body < len(roles) else None
    if before is not None and before > head_idx and roles[before] == "chrome" and not page.ruled[before] \
            and _CAPS_WORD_LINE_RE.match(norms[before]):
        page.set(before, "byline", "dateline on its own line (a place in capitals before the first paragraph)")


def _related_lists(page: _Page) -> None:
    """A related-stories label inside the article and the titles under it are teasers."""
    roles = page.roles
    body_idx = page.indices("body")
    if not body_idx:
        return
    for i in range(body_idx[0] + 1, body_idx[-1]):
        if roles[i] != "chrome" or not _RELATED_LABEL_RE.match(page.norms[i]):
            continue
        j = page.next_text(i)
        titles = []
        while j is not None and roles[j] == "title":
            titles.append(j)
            j = page.next_text(j)
        if titles:
            page.set(i, "teaser", "label of a list of related stories inside the article")
            for j in titles:
                page.set(j, "teaser", "title of a related story, listed inside the article")


def _promotion_blocks(page: _Page) -> None:
    """A title-like line next to a newsletter or subscription line is part of that promotion."""
    roles = page.roles
    for i, role in enumerate(roles):
        if role != "title":
            continue
        for j in (page.prev_text(i), page.next_text(i)):
            if j is not None and roles[j] == "chrome" and _PROMO_RE.search(page.norms[j]):
                page.set(i, "chrome",
                         f"part of a newsletter or subscription promotion (next to '{page.norms[j][:60]}')")
                break


def _truncated_last_paragraph(page: _Page) -> int | None:
    """A paragraph cut off mid-sentence right after the last paragraph is kept, and flagged; its index."""
    body_idx = page.indices("body")
    if not body_idx:
        return None
    i = page.next_text(body_idx[-1])
    if i is None or page.roles[i] != "title":
        return None
    text = page.norms[i]
    words = page.n_words(i)
    sentence_inside = _INNER_SENTENCE_END_RE.search(text) is not None
    if words >= MIN_TRUNCATED_WORDS or (words >= MIN_TRUNCATED_WORDS_WITH_SENTENCE and sentence_inside):
        page.set(i, "body", "paragraph cut off mid-sentence; truncated: the rest is not on the page")
        return i
    return None


def _first_pass(norm: str, checks: list[tuple[Rule, tuple[SearchPart, ...]]], language: str,
                want_headline: str) -> tuple[str, str, bool, int | None]:
    """Role and reason of one line read alone, whether a page rule (or the metadata headline) gave them, and the
    number of its words when they were counted (else None).

    ``checks`` are the rules in order, each with the parts of it that can match on the page (:meth:`Rule.parts_in`).
    """
    if not norm:
        return "blank", "empty line", False, None
    if want_headline and " ".join(norm.split()).casefold() == want_headline:
        return "headline", "matches the headline in articles.csv", True, None
    folded = fold(norm)
    for rule, parts in checks:
        if rule.matches(norm, folded, parts):
            return rule.role, rule.reason, True, None
    words = _n_words(norm)
    role, reason = _read_alone(norm, language, words)
    return role, reason, False, words


def _read_alone(norm: str, language: str, words: int) -> tuple[str, str]:
    if _DATELINE_LINE_RE.match(norm):
        return "byline", "dateline on its own line (place, date or agency)"
    if is_date_line(norm):
        return "byline", "date line"
    if _DATE_LABEL_RE.match(norm):
        return "byline", "date label (the date follows)"
    if _is_foreign_script(norm, language):
        return "chrome", "label in another script than the article's language"
    if words >= 4 and _BIO_RE.match(norm):
        return "bio", "author biography?"
    if _STATION_ID_RE.match(norm) or _PROGRAMME_TRAIL_RE.search(norm):
        return "chrome", "the broadcaster's promotion of itself (its frequency, or a trail for a programme)"
    if words >= 4 and _SENTENCE_END_RE.search(norm):
        return "body", "paragraph: four or more words ending like a sentence"
    if words >= 4 and norm.endswith(":"):
        return "chrome", "line ending with a colon that introduces no paragraph"
    if words >= 4:
        return "title", "title-like line"
    return "chrome", "short line without sentence punctuation (menu, button or label)"


