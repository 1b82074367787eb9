"""Page cleaning: give every raw line of a captured page a role, with a reason.

Roles
-----
``headline``      the article's headline
``standfirst``    a summary paragraph under the headline (counted as body text)
``body``          a paragraph of the article
``subheading``    a title-like line between body paragraphs (kept, not body)
``caption``       photo caption or photo credit
``byline``        author or date line
``teaser``        a related-story teaser embedded in the page
``chrome``        page furniture: menus, share buttons, comment widgets, footers,
                  labels in another language, anything before the headline
``blank``         an empty line

How a line gets its role
------------------------
1. Pattern rules, read from data (``framing/data/page_rules.csv``, plus an
   optional ``page_rules.csv`` in the articles folder).  A rule may name an
   outlet; an empty outlet applies to every page.  First match wins.  A
   folder's rules run with a time limit (:data:`RULE_TIME_LIMIT`).
2. A line mostly in another script than the article's language is chrome.
3. The headline is the line that matches the metadata headline; without one,
   the first title-like line (four or more words, no full stop) before the
   first paragraph that does not name the outlet itself.  A masthead, agency
   name or paragraph is never promoted to headline.
4. A body paragraph has four or more words and ends like a sentence (``.``,
   ``!``, ``?``, optionally followed by closing quotes or brackets).  Short
   lines without sentence punctuation are chrome.
5. Structure: lines before the headline are page header; a caption stamped
   with a date other than the article's opens a related-story teaser that
   runs over the following lines until the next paragraph; everything after
   the last paragraph is page footer.
6. Datelines: the place, date and agency that open a wire story ("GENEVA,
   June 16 (Reuters) -", "MOSCOW, June 4. /TASS/.", "WASHINGTON (AP) --")
   are not article text (:func:`dateline`).  A line that is only a dateline
   is a ``byline``; a dateline at the start of the first body paragraph stays
   in the line (offsets are untouched) and :attr:`Line.lead` says how many of
   its characters come before the article text, so sentences and words start
   after it.  The line's reason names the dateline.

Every step reads a line as it is drawn, without its invisible format
characters (:func:`framing.load.text.visible`): a soft hyphen or a zero-width space
inside a word neither splits it nor hides a sentence-final full stop.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from framing.core import paths
from framing.load.text import drop_invisible, normalise, visible

ROLES = ("headline", "standfirst", "body", "subheading", "caption", "byline", "teaser", "chrome", "blank")
BODY_ROLES = frozenset({"standfirst", "body"})

_WORD_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"')\]]*\s*$")
_DATE_STAMP_RE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})\s*$")

# Unicode blocks of scripts that an English page uses only for labels.
_LATIN_LANGS = {"en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ro", "sv", "da", "no", "fi", "cs", "hr"}


#: Longest time, in seconds, one rule from an articles folder may spend on one line.  Any line of a page is
#: searched in microseconds by a sound pattern; only catastrophic backtracking gets near this limit.
RULE_TIME_LIMIT = 1.0


@dataclass(frozen=True)
class Rule:
    """One pattern rule: lines matching ``pattern`` get ``role``.

    ``source`` and ``row`` say where the rule was read (the header is row 1).
    A rule with a ``time_limit`` runs on the ``regex`` engine, which can stop a
    search after that many seconds; see :meth:`matches`.
    """

    outlet: str
    pattern: re.Pattern[str]
    role: str
    reason: str
    source: str = ""
    row: int = 0
    time_limit: float | None = None
    guarded: Any = field(default=None, repr=False, compare=False)

    def matches(self, line: str) -> bool:
        """True when ``pattern`` is found in ``line``.

        Raises
        ------
        FramingInputError
            When the search runs longer than ``time_limit``: the pattern
            backtracks catastrophically and could run for hours.
        """
        if self.guarded is None:
            return self.pattern.search(line) is not None
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
    r"\s*(?:"
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
    with a known agency (:data:`AGENCIES`) in brackets (``Geneva (CNN)``), and
    an agency in brackets and a dash alone counts too (``(Reuters) -``).
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
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    non_latin = sum(1 for c in letters if ord(c) > 0x24F)
    return non_latin / len(letters) > 0.5


def _stamp_date(text: str) -> date | None:
    m = _DATE_STAMP_RE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


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
        One per raw line, in order, blank lines included.
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
    roles: list[str] = []
    reasons: list[str] = []
    for _start, _end, text in spans:
        norm = drop_invisible(normalise(text)).strip()
        role, reason = _first_pass(norm, active, language, want_headline)
        roles.append(role)
        reasons.append(reason)

    body_idx = [i for i, r in enumerate(roles) if r == "body"]
    first_body = body_idx[0] if body_idx else len(roles)
    last_body = body_idx[-1] if body_idx else -1

    head_idx = next((i for i, r in enumerate(roles) if r == "headline"), None)
    if head_idx is None and not want_headline:
        for i in range(first_body):
            if roles[i] == "title" and outlet_key not in _squash(spans[i][2]):
                head_idx = i
                roles[i], reasons[i] = "headline", "first title-like line before the first paragraph"
                break
    elif head_idx is None and want_headline:
        pass  # the metadata headline is not on the page: nothing is promoted

    # Everything before the headline is page header.
    if head_idx is not None:
        for i in range(head_idx):
            if roles[i] in ("body", "title", "chrome", "subheading"):
                roles[i], reasons[i] = "chrome", "page header: before the headline"

    # Related-story teasers: a caption stamped with another date, and the lines that follow it.
    i = 0
    while i < len(roles):
        stamp = _stamp_date(drop_invisible(normalise(spans[i][2]))) if roles[i] == "caption" else None
        if stamp is not None and pub is not None and stamp != pub:
            roles[i] = "teaser"
            reasons[i] = f"related-story teaser: image caption dated {stamp.isoformat()}, not the article's date"
            j = i + 1
            while j < len(roles) and roles[j] not in ("body", "blank"):
                roles[j], reasons[j] = "teaser", "continues the related-story teaser above"
                j += 1
            i = j
            continue
        i += 1

    body_idx = [i for i, r in enumerate(roles) if r == "body"]
    last_body = body_idx[-1] if body_idx else -1
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
        elif i > last_body and role not in ("blank", "chrome", "teaser"):
            roles[i], reasons[i] = "chrome", f"page footer: after the last paragraph ({reasons[i]})"

    # A dateline opens the first body paragraph (and the first "body" one, when a standfirst comes first).
    leads = [0] * len(roles)
    first_body = [next((i for i, r in enumerate(roles) if r in BODY_ROLES), None),
                  next((i for i, r in enumerate(roles) if r == "body"), None)]
    for i in dict.fromkeys(i for i in first_body if i is not None):
        lead = dateline(spans[i][2])
        if 0 < lead < len(spans[i][2].rstrip()):
            leads[i] = lead
            stamp = " ".join(drop_invisible(normalise(spans[i][2][:lead])).split())
            reasons[i] = f"{reasons[i]}; opens with the dateline '{stamp}', which is not article text"

    return [
        Line(n + 1, s, e, t, roles[n], reasons[n], leads[n]) for n, (s, e, t) in enumerate(spans)
    ]


def _first_pass(norm: str, rules: list[Rule], language: str, want_headline: str) -> tuple[str, str]:
    if not norm:
        return "blank", "empty line"
    if want_headline and " ".join(norm.split()).casefold() == want_headline:
        return "headline", "matches the headline in articles.csv"
    for rule in rules:
        if rule.matches(norm):
            return rule.role, rule.reason
    if _DATELINE_LINE_RE.match(norm):
        return "byline", "dateline on its own line (place, date or agency)"
    if _is_foreign_script(norm, language):
        return "chrome", "label in another script than the article's language"
    words = _n_words(norm)
    if words >= 4 and _SENTENCE_END_RE.search(norm):
        return "body", "paragraph: four or more words ending like a sentence"
    if words >= 4 and norm.endswith(":"):
        return "chrome", "line ending with a colon that introduces no paragraph"
    if words >= 4:
        return "title", "title-like line"
    return "chrome", "short line without sentence punctuation (menu, button or label)"


# --- web pages saved as HTML -------------------------------------------------------------------------------

#: Elements whose content is never text of the page.
_HTML_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "object", "iframe"})
#: Elements that start a new line of text.
_HTML_BLOCK = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main nav ol option p pre section "
    "summary table tbody td tfoot th thead title tr ul".split()
)
_HTML_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HTML_SKIP:
            self.skip += 1
        elif tag in _HTML_BLOCK:
            self.parts.append("\n")
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _HTML_BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            self.skip = max(self.skip - 1, 0)
        elif tag in _HTML_BLOCK:
            self.parts.append("\n")
            if tag == "pre":
                self.pre = max(self.pre - 1, 0)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.parts.append(data if self.pre else _HTML_SPACE_RE.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Extract the readable text of a web page saved as HTML.

    Uses the standard library's :class:`html.parser.HTMLParser`: the content
    of ``script``, ``style``, ``noscript``, ``template`` (and embedded
    ``svg``, ``math``, ``object``, ``iframe``) is dropped; every block
    element (paragraph, heading, list item, ``div``, ``br``, table cell ...)
    ends a line; white space inside a line is collapsed to single spaces
    (except in ``pre``); character references (``&amp;``, ``&#8220;``) are
    unescaped.  Lines are stripped, empty ones dropped, and the remaining
    lines are joined by a blank line, one paragraph per line, as in a page
    captured as plain text.

    Returns
    -------
    str
        The page text, ending with a newline (empty when the page has none).
    """
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    kept = [line for line in lines if line.strip()]
    return "\n\n".join(kept) + "\n" if kept else ""
