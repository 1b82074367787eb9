"""Load an articles folder into tidy tables.

An articles folder holds the raw page text of each article and an
``articles.csv`` that describes them (see ``data/README.md`` for the format).
:func:`load_corpus` reads it, cleans every page (:mod:`framing.load.cleaning`),
splits the article text into sentences and tokens, and returns a
:class:`Corpus` of pandas DataFrames.

Offsets
-------
Every ``start``/``end`` in these tables is a character offset into the
article's text as kept in ``Corpus.texts[article_id]``, so
``texts[a][start:end]`` returns the span exactly.  For a plain-text file that
text is the file as decoded (a leading byte-order mark dropped).  For a web
page saved as HTML it is the text extracted from the markup
(:func:`framing.load.cleaning.html_to_text`), because the markup itself is not
article text.

Bad input
---------
Anything the suite cannot read is refused with :class:`FramingInputError`,
whose one-line message names the file and the fix: a missing or malformed
``articles.csv``, duplicate ids, a listed file that is missing, empty, binary,
larger than :data:`MAX_ARTICLE_BYTES`, outside the folder, not decodable, or
without any article paragraph.  Things that do not stop the load (a saved web
page, a non-English article, a single outlet, ...) become ``Corpus.notices``.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from framing.core import paths
from framing.core.errors import FramingInputError, one_line
from framing.core.vocabulary import (
    ARTICLE_COLUMNS,
    ARTICLE_OPTIONAL_COLUMNS,
    ARTICLE_REQUIRED_COLUMNS,
    LINE_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    TOKEN_COLUMNS,
)
from framing.load import cleaning
from framing.load.sentences import split_sentences
from framing.load.text import SpanIndex, invisible_in_words, normalise, quote_spans, tokenize

#: Largest article file the suite reads, in bytes (5 MB).  A news article is
#: rarely over 100 kB even as a saved web page; anything bigger is refused
#: before it is read, so time and memory stay bounded.
MAX_ARTICLE_BYTES = 5_000_000

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# The most frequent English function words.  In English news prose they make
# up a third or more of all words; below ``_MIN_ENGLISH_SHARE`` a text is
# probably in another language even when ``articles.csv`` says ``en``.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on with as was by at from it he she his her its be are were has have had "
    "will would not this an they their or but which who said says also been after than more about into over "
    "we i you our there what when if can could".split()
)
_MIN_ENGLISH_SHARE = 0.10
_MIN_WORDS_FOR_LANGUAGE_GUESS = 30


@dataclass
class Corpus:
    """The tables of one articles folder.

    Attributes
    ----------
    folder : Path
        The articles folder.
    articles : DataFrame
        One row per article: the ``articles.csv`` columns (``article_id,
        outlet, file, published, headline, url, language, event, country,
        ownership``, then any extra columns of the file) plus
        ``n_sentences`` (headline and body sentences) and ``n_tokens``
        (word, number and abbreviation tokens of those sentences).
    lines : DataFrame
        One row per line of the text: ``article_id, line_no`` (1-based),
        ``role``, ``is_body``, ``reason``, ``start, end`` (offsets, newline
        excluded), ``text``.
    sentences : DataFrame
        ``article_id, outlet, sentence_id`` (``<article_id>-NNN``),
        ``paragraph`` (0 = headline, then 1, 2, ... per body paragraph),
        ``role`` (headline, standfirst or body), ``voice`` (authorial,
        quoted or mixed), ``start, end``, ``text`` (the raw slice).  A
        dateline that opens the first paragraph ("GENEVA, June 16
        (Reuters) -") is in no sentence; the ``lines`` reason names it.
    tokens : DataFrame
        ``article_id, outlet, sentence_id, token_id`` (0-based in the
        sentence), ``start, end``, ``token`` (normalised surface form,
        without invisible format characters), ``lower``, ``kind`` (word,
        number, abbreviation or punct; ordinals and decades such as
        "24th" and "1990s" are numbers, and the possessive of "U.S.'s" is
        the abbreviation "U.S." and the word "'s"), ``voice`` (quoted when
        inside quotation marks, else authorial).
    quotes : DataFrame
        ``article_id, start, end, text``: every quotation, marks included,
        in the headline and body paragraphs.
    texts : dict
        ``article_id`` -> the article's text, which every offset refers to:
        the decoded file for plain text, the extracted text for a web page
        saved as HTML (markup, scripts and styles removed, entities
        unescaped, one paragraph per line).
    actors : DataFrame or None
        ``actor, alias`` from the folder's ``actors.csv``, if it has one.
    notices : list of str
        One-line notes the reader should know that did not stop the load
        (saved web pages, non-English articles, a single outlet, ...).
    """

    folder: Path
    articles: pd.DataFrame
    lines: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    quotes: pd.DataFrame
    texts: dict[str, str]
    actors: pd.DataFrame | None = None
    notices: list[str] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """Outlet names in the order of ``articles.csv``."""
        return list(dict.fromkeys(self.articles["outlet"]))


def read_metadata(folder: Path) -> pd.DataFrame:
    """Read and check ``articles.csv`` of ``folder``; every column comes back as text."""
    folder = Path(folder)
    meta_path = folder / "articles.csv"
    if not folder.is_dir():
        raise FramingInputError(folder, "is not a folder; give the folder that holds articles.csv")
    if not meta_path.is_file():
        raise FramingInputError(
            meta_path, "not found; every articles folder needs an articles.csv (see data/README.md)"
        )
    try:
        text = meta_path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FramingInputError(meta_path, "is not UTF-8 text; save it as UTF-8") from None
    if "\x00" in text:
        raise FramingInputError(meta_path, "looks like a binary file; save it as a UTF-8 CSV text file")
    try:
        records = [r for r in csv.reader(io.StringIO(text, newline="")) if any(v.strip() for v in r)]
    except csv.Error as exc:
        raise FramingInputError(meta_path, f"is not a readable CSV ({exc}); fix the quoting") from None
    header = [h.strip() for h in records[0]] if records else []
    missing = [c for c in ARTICLE_REQUIRED_COLUMNS if c not in header]
    if missing:
        raise FramingInputError(
            meta_path, f"missing required column(s) {', '.join(missing)}; add them to the header row"
        )
    doubled = sorted({h for h in header if h and header.count(h) > 1})
    if doubled:
        raise FramingInputError(meta_path, f"column(s) {', '.join(doubled)} appear twice; keep one of each")
    if len(records) < 2:
        raise FramingInputError(meta_path, "lists no articles; add one row per article")
    rows = []
    for n, rec in enumerate(records[1:], start=2):
        if len(rec) > len(header) and any(v.strip() for v in rec[len(header):]):
            raise FramingInputError(meta_path, f"row {n} has more values than the header has columns; "
                                    "put values that contain commas in double quotes")
        rows.append({h: (rec[i] if i < len(rec) else "") for i, h in enumerate(header) if h})
    seen: set[str] = set()
    for n, row in enumerate(rows, start=2):
        for col in ARTICLE_REQUIRED_COLUMNS:
            if not row[col].strip():
                raise FramingInputError(meta_path, f"row {n}: empty {col}; every article needs one")
        aid = row["article_id"].strip()
        if aid in seen:
            raise FramingInputError(meta_path, f"row {n}: duplicate article_id {aid!r}; make each id unique")
        seen.add(aid)
    df = pd.DataFrame(rows, dtype=str).fillna("")
    for col in ARTICLE_OPTIONAL_COLUMNS:
        if col not in df.columns:
            df[col] = "en" if col == "language" else ""
    for col in df.columns:
        df[col] = df[col].str.strip()
    df["language"] = df["language"].replace("", "en")
    extra = [c for c in df.columns if c not in ARTICLE_COLUMNS and c != "encoding"]
    return df[list(ARTICLE_COLUMNS) + extra + ["encoding"]]


def article_path(folder: Path, name: str, meta_path: Path | None = None) -> Path:
    """Return the path of the article file ``name`` listed in ``articles.csv``.

    The name must be a relative path that stays inside ``folder`` (also after
    following symbolic links); anything else is refused, so an
    ``articles.csv`` cannot make the suite read ``/etc/passwd`` or
    ``../../secret.txt``.
    """
    folder = Path(folder)
    meta_path = meta_path or folder / "articles.csv"
    rel = Path(name)
    if rel.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise FramingInputError(meta_path, f"file {name!r} is an absolute path; give the file name relative to "
                                "the articles folder and keep the file inside it")
    if ".." in rel.parts or ".." in name.replace("\\", "/").split("/"):
        raise FramingInputError(meta_path, f"file {name!r} points outside the articles folder; move the file "
                                "into the folder and list it by its name")
    path = folder / rel
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise FramingInputError(meta_path, f"file {name!r} links to a place outside the articles folder; copy "
                                "the file into the folder")
    return path


def read_text(path: Path, encoding: str = "") -> str:
    """Read one article file.

    Decoding policy: UTF-8 (a byte-order mark is dropped); when the file is not
    valid UTF-8 the ``encoding`` column of ``articles.csv`` must name its
    encoding (for example ``cp1251`` or ``latin-1``).  Files with NUL bytes
    (other than in a named UTF-16/32 encoding) are refused as binary, and
    files over :data:`MAX_ARTICLE_BYTES` are refused before they are read.
    """
    path = Path(path)
    if path.is_dir():
        raise FramingInputError(path, "is a folder, not a file; check the file column of articles.csv")
    if not path.is_file():
        raise FramingInputError(path, "not found; check the file column of articles.csv")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise FramingInputError(path, f"is {size / 1e6:.1f} MB; the suite reads articles up to "
                                f"{MAX_ARTICLE_BYTES // 1_000_000} MB; split it into several articles or "
                                "keep only the article text")
    with open(path, "rb") as fh:
        data = fh.read(MAX_ARTICLE_BYTES + 1)
    if not data.strip():
        raise FramingInputError(path, "is empty; paste the article text into it or remove its row from articles.csv")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise FramingInputError(path, f"has an unknown encoding {encoding!r} in articles.csv; use a name "
                                    "such as utf-8, cp1251 or latin-1") from None
        except UnicodeDecodeError as exc:
            raise FramingInputError(path, f"cannot be decoded as {encoding!r} (byte {exc.start}); "
                                    "fix the encoding column of articles.csv") from None
    else:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise FramingInputError(path, "is UTF-16 text; save it as UTF-8 or put utf-16 in the encoding "
                                    "column of articles.csv")
        if b"\x00" in data:
            raise FramingInputError(path, "looks like a binary file, not text; save the article as plain text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise FramingInputError(
                path, "is not UTF-8; save it as UTF-8 or name its encoding (e.g. cp1251) in an encoding column "
                "of articles.csv"
            ) from None
    text = text[1:] if text.startswith("\ufeff") else text
    if not text.strip():
        raise FramingInputError(path, "is empty; paste the article text into it or remove its row from articles.csv")
    if "\x00" in text or _control_share(text) > 0.01:
        raise FramingInputError(path, "looks like a binary file, not text; save the article as plain text")
    return text


def _control_share(text: str) -> float:
    sample = text[:100_000]
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v") or c == "\x7f")
    return bad / max(len(sample), 1)


def is_html(name: str, text: str) -> bool:
    """True for a saved web page: an ``.html``/``.htm`` name or text opening with ``<!DOCTYPE html``/``<html``."""
    head = text.lstrip("\ufeff \t\r\n")[:32].lower()
    return name.lower().endswith(HTML_SUFFIXES) or head.startswith(("<!doctype html", "<html"))


class PageTables(NamedTuple):
    """Rows of the tables for one article (see :class:`Corpus` for the columns)."""

    lines: list[cleaning.Line]
    sentences: list[tuple]
    tokens: list[tuple]
    quotes: list[tuple]


def parse_page(
    raw: str,
    *,
    article_id: str,
    outlet: str,
    headline: str = "",
    published: str = "",
    language: str = "en",
    rules: list[cleaning.Rule] | None = None,
) -> PageTables:
    """Clean one page and split its headline and body into sentences, tokens and quotations.

    Offsets in every row refer to ``raw``.  Only the headline and the body
    paragraphs (``standfirst``, ``body``) become sentences; a dateline that
    opens the first paragraph (:attr:`framing.load.cleaning.Line.lead`) is
    in no sentence.  Quotations never run from one paragraph into the next;
    one left open at the end of a paragraph runs to its end only as part of
    a quotation over several body paragraphs (see
    :func:`framing.load.text.quote_spans`).
    """
    lines = cleaning.classify_lines(
        raw, outlet=outlet, headline=headline, published=published, language=language, rules=rules,
    )
    units = [ln for ln in lines if ln.role == "headline"][:1] + [ln for ln in lines if ln.is_body]
    sent_rows: list[tuple] = []
    tok_rows: list[tuple] = []
    quote_rows: list[tuple] = []
    n_sent = 0
    paragraph = 0
    for u, ln in enumerate(units):
        lead = ln.lead
        if ln.role != "headline":
            paragraph += 1
        body = ln.role != "headline"
        before = units[u - 1].text[units[u - 1].lead:] if body and u > 0 and units[u - 1].role != "headline" else ""
        after = units[u + 1].text[units[u + 1].lead:] if body and u + 1 < len(units) else ""
        spans = [(lead + qs, lead + qe)
                 for qs, qe in quote_spans(ln.text[lead:], previous_paragraph=before, next_paragraph=after)]
        # Every sentence and token asks which quotations cover it: an index answers in O(log n).
        index = SpanIndex(spans)
        for qs, qe in spans:
            quote_rows.append((article_id, ln.start + qs, ln.start + qe, ln.text[qs:qe]))
        norm = normalise(ln.text)
        if ln.role == "headline":
            pieces = [(len(ln.text) - len(ln.text.lstrip()), len(ln.text.rstrip()))]
        else:
            pieces = [(lead + s, lead + e) for s, e in split_sentences(ln.text[lead:])]
        for s, e in pieces:
            n_sent += 1
            sid = f"{article_id}-{n_sent:03d}"
            voice = index.voice_of(s, e)
            sent_rows.append((
                article_id, outlet, sid, 0 if ln.role == "headline" else paragraph, ln.role,
                voice, ln.start + s, ln.start + e, ln.text[s:e],
            ))
            for k, tok in enumerate(tokenize(norm[s:e], offset=s)):
                # no quotation touches an authorial sentence, so none touches its tokens
                tvoice = "authorial" if voice == "authorial" else (
                    "quoted" if index.voice_of(tok.start, tok.end) == "quoted" else "authorial")
                tok_rows.append((
                    article_id, outlet, sid, k, ln.start + tok.start, ln.start + tok.end,
                    tok.text, tok.text.lower(), tok.kind, tvoice,
                ))
    return PageTables(lines, sent_rows, tok_rows, quote_rows)


def _non_latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if ord(c) > 0x24F) / len(letters)


def _english_share(words: list[str]) -> float:
    return sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / max(len(words), 1)


def load_corpus(folder: str | Path) -> Corpus:
    """Load an articles folder.

    Parameters
    ----------
    folder : str or Path
        A folder with ``articles.csv``, the article files it lists, and
        optionally ``actors.csv`` and ``page_rules.csv``.

    Returns
    -------
    Corpus

    Raises
    ------
    FramingInputError
        With a one-line message naming the file and the fix.
    """
    folder = Path(folder)
    meta = read_metadata(folder)
    meta_path = folder / "articles.csv"
    rule_files = [paths.PAGE_RULES_FILE]
    if (folder / "page_rules.csv").is_file():
        rule_files.insert(0, folder / "page_rules.csv")
    rules = cleaning.load_rules(rule_files)

    notices: list[str] = []
    texts: dict[str, str] = {}
    line_rows: list[tuple] = []
    sent_rows: list[tuple] = []
    tok_rows: list[tuple] = []
    quote_rows: list[tuple] = []
    seen_files: dict[str, str] = {}
    for row in meta.itertuples(index=False):
        path = article_path(folder, row.file, meta_path)
        key = os.path.normpath(row.file)
        if key in seen_files:
            notices.append(f"{meta_path}: {row.file} is listed for both {seen_files[key]} and {row.article_id}; "
                           "its words are counted twice")
        seen_files[key] = row.article_id
        raw = read_text(path, row.encoding)
        if is_html(row.file, raw):
            raw = cleaning.html_to_text(raw)
            notices.append(f"{path}: is a saved web page; its text was extracted from the HTML and all offsets "
                           "refer to that extracted text")
            if not raw.strip():
                raise FramingInputError(path, "is a web page without any text; save the article page itself")
        texts[row.article_id] = raw
        hidden = invisible_in_words(raw)
        if hidden:
            kinds = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'format character').lower()}"
                              for c in sorted(set(hidden)))
            notices.append(f"{path}: {len(hidden)} invisible character(s) inside words ({kinds}); words are read "
                           "without them, and the texts in the tables keep them")

        language = row.language
        english = language.lower().startswith("en")
        if not english:
            notices.append(f"{path}: lexicons are English; hedging and sentiment for {row.file} are not "
                           f"meaningful (language is {language!r})")
        elif _non_latin_share(raw) > 0.5:
            # Mostly another script although articles.csv says English: keep its lines as text instead of
            # treating them as foreign-language labels, and say so.
            language = ""
            english = False
            notices.append(f"{path}: most letters are not Latin script although its language is {row.language!r}; "
                           f"lexicons are English; hedging and sentiment for {row.file} are not meaningful "
                           "(set the language column)")
        page = parse_page(raw, article_id=row.article_id, outlet=row.outlet, headline=row.headline,
                          published=row.published, language=language, rules=rules)
        if not any(ln.is_body for ln in page.lines):
            raise FramingInputError(path, "has no article paragraphs, only page furniture; check that it holds "
                                    "the article text (see lines.csv reasons)")
        for ln in page.lines:
            line_rows.append((row.article_id, ln.line_no, ln.role, ln.is_body, ln.reason, ln.start, ln.end, ln.text))
        sent_rows.extend(page.sentences)
        tok_rows.extend(page.tokens)
        quote_rows.extend(page.quotes)
        if english:
            words = [t[7] for t in page.tokens if t[8] == "word"]
            if len(words) >= _MIN_WORDS_FOR_LANGUAGE_GUESS and _english_share(words) < _MIN_ENGLISH_SHARE:
                notices.append(f"{path}: very few English function words (the, of, and, ...) although its "
                               f"language is {row.language!r}; lexicons are English; hedging and sentiment for "
                               f"{row.file} are probably not meaningful (check the language column)")

    lines_df = pd.DataFrame(line_rows, columns=LINE_COLUMNS)
    sentences = pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS)
    tokens = pd.DataFrame(tok_rows, columns=TOKEN_COLUMNS)
    quotes = pd.DataFrame(quote_rows, columns=QUOTE_COLUMNS)

    words = tokens[tokens["kind"] != "punct"]
    articles = meta.drop(columns=["encoding"]).copy()
    articles["n_sentences"] = articles["article_id"].map(sentences.groupby("article_id").size()).fillna(0).astype(int)
    articles["n_tokens"] = articles["article_id"].map(words.groupby("article_id").size()).fillna(0).astype(int)

    with_headline = set(lines_df.loc[lines_df["role"] == "headline", "article_id"])
    for row in meta.itertuples(index=False):
        if row.headline and row.article_id not in with_headline:
            notices.append(f"{folder / row.file}: the headline in articles.csv is not on the page; "
                           "the headline is not analysed")
    outlets = list(dict.fromkeys(meta["outlet"]))
    if len(outlets) == 1:
        notices.append(f"{meta_path}: every article is from one outlet ({outlets[0]}); comparative measures "
                       "need at least two outlets")
    actors = read_actors(folder)
    notices = [one_line(n) for n in notices]
    return Corpus(folder, articles, lines_df, sentences, tokens, quotes, texts, actors, notices)


def read_actors(folder: Path) -> pd.DataFrame | None:
    """Read ``actors.csv`` (columns ``actor, alias``) if the folder has one."""
    path = Path(folder) / "actors.csv"
    if not path.is_file():
        return None
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise FramingInputError(path, f"cannot be read as a UTF-8 CSV ({exc.__class__.__name__}); fix or remove it") \
            from None
    missing = [c for c in ("actor", "alias") if c not in df.columns]
    if missing:
        raise FramingInputError(path, f"missing column(s) {', '.join(missing)}; it needs actor,alias")
    df = df[["actor", "alias"]].apply(lambda c: c.str.strip())
    return df[(df["actor"] != "") & (df["alias"] != "")].reset_index(drop=True)
