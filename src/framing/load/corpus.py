"""Load an articles folder into tidy tables.

An articles folder holds the article files and an ``articles.csv`` that
describes them (see ``data/README.md`` for the format).  :func:`load_corpus`
reads it, cleans every page (:mod:`framing.load.cleaning`), splits the article
text into sentences and tokens, and returns a :class:`Corpus` of pandas
DataFrames.

Offsets
-------
Every ``start``/``end`` in these tables is a character offset into the
article's text as kept in ``Corpus.texts[article_id]``, so
``texts[a][start:end]`` returns the span exactly.  For a plain-text file that
text is the file as decoded (a leading byte-order mark dropped).  For a web
page saved as HTML it is the article text extracted from the markup
(:func:`framing.load.html.extract_page`), because the markup itself is not
article text.

Bad input
---------
A page that cannot be read (missing, empty, binary, not decodable, larger than
the size limit, listed with a path outside the folder, a web page without
article text, or a page with no article paragraph left after cleaning) is
left out: it gets a row in ``Corpus.skipped`` (``article_id, file, reason,
fix``) and a notice, and the other articles load.  With ``strict=True`` the
first such page refuses the whole folder instead.  What concerns the folder
itself stops the load with :class:`FramingInputError`, whose one-line message
names the file and the fix: a missing or malformed ``articles.csv``, duplicate
ids, an empty required value, a bad ``page_rules.csv``, or no article left to
read.  Things that do not stop the load (a saved web page, an article in
another language, a single outlet, ...) become ``Corpus.notices``.

Language
--------
The measures built on English word lists (salience, cues, sentiment and the
summary) are not meaningful for an article in another language.  An article
is taken as not English when its ``language`` column says so, or when its
words do (:func:`guess_language`); ``Corpus.non_english`` lists these
articles with the reason, and :func:`framing.pipeline.analyze` leaves them
out of those measures unless asked for all languages.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
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
    EXCLUDED_COLUMNS,
    LEXICON_MEASURES,
    LINE_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    SKIPPED_COLUMNS,
    TOKEN_COLUMNS,
)
from framing.load import cleaning
from framing.load.html import HTML_SUFFIXES, declared_charset, extract_page, is_html
from framing.load.sentences import split_sentences
from framing.load.text import SpanIndex, invisible_in_words, normalise, paragraph_quote_spans, tokenize

#: Largest plain-text article file the suite reads, in bytes (5 MB).  A news
#: article is rarely over 100 kB of text; anything bigger is left out before it
#: is read, so time and memory stay bounded.
MAX_ARTICLE_BYTES = 5_000_000
#: Largest saved web page (``.html``/``.htm``) the suite reads, in bytes (20 MB,
#: the limit of the text extraction).  Saved pages carry scripts, styles and
#: inline data around the article and are often several megabytes.
MAX_HTML_BYTES = 20_000_000

#: Columns of ``Corpus.non_english``: the ``excluded`` table without its ``measure``.
NON_ENGLISH_COLUMNS = tuple(c for c in EXCLUDED_COLUMNS if c != "measure")

__all__ = [
    "HTML_SUFFIXES", "MAX_ARTICLE_BYTES", "MAX_HTML_BYTES", "Corpus", "PageProblem", "LanguageGuess", "article_path",
    "guess_language", "is_html", "load_corpus", "parse_page", "read_actors", "read_metadata", "read_text",
]


class PageProblem(FramingInputError):
    """One page of an articles folder cannot be read: ``reason`` says why and ``fix`` what to do.

    :func:`load_corpus` leaves such a page out (a row of ``Corpus.skipped``) unless it runs with
    ``strict=True``; then it is raised, with the one-line message ``<file>: <reason>; <fix>``.
    """

    def __init__(self, path: object, reason: str, fix: str) -> None:
        self.reason = reason
        self.fix = fix
        super().__init__(path, f"{reason}; {fix}")


@dataclass
class Corpus:
    """The tables of one articles folder.

    Attributes
    ----------
    folder : Path
        The articles folder.
    articles : DataFrame
        One row per article that was read: the ``articles.csv`` columns
        (``article_id, outlet, file, published, headline, url, language,
        event, country, ownership``, then any extra columns of the file)
        plus ``n_sentences`` (headline and body sentences) and ``n_tokens``
        (word, number and abbreviation tokens of those sentences).  For a
        saved web page, an empty ``headline``, ``published`` or ``url`` is
        filled from the page's metadata.
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
        the decoded file for plain text, the extracted article text for a
        web page saved as HTML (:class:`framing.load.html.WebPage`).
    actors : DataFrame or None
        ``actor, alias`` from the folder's ``actors.csv``, if it has one.
    notices : list of str
        One-line notes the reader should know that did not stop the load
        (pages left out, saved web pages, articles in another language, a
        single outlet, ...).
    skipped : DataFrame
        ``article_id, file, reason, fix``: the articles of ``articles.csv``
        that could not be read and were left out (empty when none was).
    non_english : DataFrame
        ``article_id, outlet, file, language, source, reason``: the articles
        that are not in English, by their ``language`` column (``source``
        ``articles.csv``) or by their words (``source`` ``text``, with the
        detected ``language``; see :func:`guess_language`).
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
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SKIPPED_COLUMNS)))
    non_english: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(NON_ENGLISH_COLUMNS)))

    @property
    def outlets(self) -> list[str]:
        """Outlet names in the order of ``articles.csv``."""
        return list(dict.fromkeys(self.articles["outlet"]))


# --- articles.csv ---------------------------------------------------------------------------------------------

#: Separators of an ``articles.csv``: commas, or the semicolons and tabs spreadsheet programs write in many locales.
_DELIMITERS = (",", ";", "\t")


def _csv_text(meta_path: Path) -> str:
    """The text of ``articles.csv``: UTF-8 (a byte-order mark dropped) or UTF-16 with its byte-order mark."""
    data = meta_path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # a spreadsheet's "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FramingInputError(meta_path, "is not readable UTF-16 text; save it as CSV UTF-8") from None
    if b"\x00" in data:
        raise FramingInputError(meta_path, "looks like a binary file; save it as a UTF-8 CSV text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FramingInputError(meta_path, "is not UTF-8 text; save it as UTF-8 (in a spreadsheet program: "
                                "CSV UTF-8)") from None


def _delimiter(text: str) -> str:
    """The separator whose header row holds every required column (comma when none does)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    for delimiter in _DELIMITERS:
        header = {h.strip() for h in next(csv.reader([first], delimiter=delimiter), [])}
        if all(c in header for c in ARTICLE_REQUIRED_COLUMNS):
            return delimiter
    return ","


def read_metadata(folder: Path) -> pd.DataFrame:
    """Read and check ``articles.csv`` of ``folder``; every column comes back as text.

    The file is UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; the separator is a
    comma, or a semicolon or tab as spreadsheet programs write them (the one whose header row names the required
    columns); lines may end in ``\\r\\n``.
    """
    folder = Path(folder)
    meta_path = folder / "articles.csv"
    if not folder.is_dir():
        raise FramingInputError(folder, "is not a folder; give the folder that holds articles.csv")
    if not meta_path.is_file():
        raise FramingInputError(
            meta_path, "not found; every articles folder needs an articles.csv (see data/README.md, or write one "
            "with: framing init FOLDER)"
        )
    text = _csv_text(meta_path)
    if "\x00" in text:
        raise FramingInputError(meta_path, "looks like a binary file; save it as a UTF-8 CSV text file")
    delimiter = _delimiter(text)
    try:
        records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                   if any(v.strip() for v in r)]
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
    sep = "semicolons" if delimiter == ";" else "tabs" if delimiter == "\t" else "commas"
    rows = []
    for n, rec in enumerate(records[1:], start=2):
        if len(rec) > len(header) and any(v.strip() for v in rec[len(header):]):
            raise FramingInputError(meta_path, f"row {n} has more values than the header has columns; "
                                    f"put values that contain {sep} in double quotes")
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


# --- one article file -----------------------------------------------------------------------------------------


def article_path(folder: Path, name: str, meta_path: Path | None = None) -> Path:
    """Return the path of the article file ``name`` listed in ``articles.csv``.

    The name must be a relative path that stays inside ``folder`` (also after
    following symbolic links); anything else raises :class:`PageProblem`
    naming ``articles.csv``, so an ``articles.csv`` cannot make the suite read
    ``/etc/passwd`` or ``../../secret.txt``.
    """
    folder = Path(folder)
    meta_path = meta_path or folder / "articles.csv"
    rel = Path(name)
    if rel.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise PageProblem(meta_path, f"file {name!r} is an absolute path", "give the file name relative to the "
                          "articles folder and keep the file inside it")
    if ".." in rel.parts or ".." in name.replace("\\", "/").split("/"):
        raise PageProblem(meta_path, f"file {name!r} points outside the articles folder", "move the file into "
                          "the folder and list it by its name")
    path = folder / rel
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise PageProblem(meta_path, f"file {name!r} links to a place outside the articles folder", "copy the "
                          "file into the folder")
    return path


_EMPTY_FIX = "paste the article text into it or remove its row from articles.csv"
_BINARY_FIX = "save the article as plain text or as the web page (.html)"


def read_text(path: Path, encoding: str = "", *, limit: int = MAX_ARTICLE_BYTES) -> str:
    """Read one article file.

    Decoding policy: UTF-8 (a byte-order mark is dropped); when the file is not
    valid UTF-8 the ``encoding`` column of ``articles.csv`` must name its
    encoding (for example ``cp1251`` or ``latin-1``), except for a saved web
    page (``.html``/``.htm``) that declares its own character set in a
    ``<meta charset>`` tag, which is then used.  Files with NUL bytes (other
    than in a named UTF-16/32 encoding) are refused as binary, and files over
    ``limit`` bytes are refused before they are read.

    Raises
    ------
    PageProblem
        Naming the file, what is wrong with it and the fix.
    """
    path = Path(path)
    if path.is_dir():
        raise PageProblem(path, "is a folder, not a file", "check the file column of articles.csv")
    if not path.is_file():
        raise PageProblem(path, "not found", "check the file column of articles.csv")
    size = path.stat().st_size
    if size > limit:
        raise PageProblem(path, f"is {size / 1e6:.1f} MB; the suite reads articles up to {limit // 1_000_000} MB",
                          "split it into several articles or keep only the article text")
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if not data.strip():
        raise PageProblem(path, "is empty", _EMPTY_FIX)
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise PageProblem(path, f"has an unknown encoding {encoding!r} in articles.csv",
                              "use a name such as utf-8, cp1251 or latin-1") from None
        except UnicodeDecodeError as exc:
            raise PageProblem(path, f"cannot be decoded as {encoding!r} (byte {exc.start})",
                              "fix the encoding column of articles.csv") from None
    else:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise PageProblem(path, "is UTF-16 text", "save it as UTF-8 or put utf-16 in the encoding column of "
                              "articles.csv")
        if b"\x00" in data:
            raise PageProblem(path, "looks like a binary file, not text", _BINARY_FIX)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _declared(path, data)
    text = text[1:] if text.startswith("\ufeff") else text
    if not text.strip():
        raise PageProblem(path, "is empty", _EMPTY_FIX)
    if "\x00" in text or _control_share(text) > 0.01:
        raise PageProblem(path, "looks like a binary file, not text", _BINARY_FIX)
    return text


def _declared(path: Path, data: bytes) -> str:
    """``data`` decoded with the character set a saved web page declares, for a page that is not UTF-8."""
    charset = declared_charset(data) if path.name.lower().endswith(HTML_SUFFIXES) else ""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    raise PageProblem(path, "is not UTF-8", "save it as UTF-8 or name its encoding (e.g. cp1251) in an encoding "
                      "column of articles.csv") from None


#: Control characters that no text file holds: below the space, except tab, line feed, vertical tab, form
#: feed and carriage return; and DEL.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _control_share(text: str) -> float:
    sample = text[:100_000]
    return len(_CONTROL_RE.findall(sample)) / max(len(sample), 1)


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
    ended_inside = None  # the quotation the paragraph before ended inside
    for u, ln in enumerate(units):
        lead = ln.lead
        if ln.role != "headline":
            paragraph += 1
        body = ln.role != "headline"
        after = units[u + 1].text[units[u + 1].lead:] if body and u + 1 < len(units) else ""
        found, ended_inside = paragraph_quote_spans(
            ln.text[lead:], next_paragraph=after,
            ended_inside=ended_inside if body and u > 0 and units[u - 1].role != "headline" else None,
        )
        spans = [(lead + qs, lead + qe) for qs, qe in found]
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
            tokens = tokenize(norm[s:e])
            if voice == "authorial":  # no quotation touches the sentence, so none touches its tokens
                voices: Iterable[str] = itertools.repeat("authorial")
            else:
                voices = ["quoted" if quoted else "authorial"
                          for quoted in index.quoted([(s + tok.start, s + tok.end) for tok in tokens])]
            at = ln.start + s
            tok_rows.extend(
                (article_id, outlet, sid, k, at + ts, at + te, text, text.lower(), kind, tvoice)
                for k, ((ts, te, text, kind), tvoice) in enumerate(zip(tokens, voices))
            )
    return PageTables(lines, sent_rows, tok_rows, quote_rows)


# --- language ------------------------------------------------------------------------------------------------

#: The most frequent function words (articles, prepositions, conjunctions, pronouns, auxiliaries) of each
#: language, about fifty each, written for this project from general frequency knowledge of news prose.  Words
#: shared by two languages ("in", "a", "de", "la") are listed in both: they count for both.  Elided forms count
#: by their letters ("l'État" gives "l" and "état", "dell'anno" gives "dell").
FUNCTION_WORDS: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in {
    "en": "the of and to a in is that for on with as was by at from it he she his her its be are were has have had "
          "will would not this an they their or but which who been after than more about into over we you our "
          "there what when if can could also",
    "de": "der die das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch es an werden aus "
          "er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber "
          "vor zur bis durch sei wurde",
    "fr": "de la le et les des en un une du est que qui dans pour pas au sur par plus il elle ne se ce avec sont "
          "a été aux son sa ses leur mais ou comme nous ont cette l d qu n s selon ces lui",
    "es": "de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o fue "
          "este ha porque esta son entre cuando muy sin sobre también hasta hay donde desde nos durante ni "
          "contra ese según",
    "it": "di e il la che in a per un è del non una con le si da i al della dei sono gli ha nel alla più anche "
          "come ma lo delle se ci questo sul dal quando tra stato nella l dell all nell sulla degli hanno suo sua "
          "cui",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à "
          "seu sua ou ser quando muito há nos já está também pelo pela até isso ela entre era depois sem mesmo aos",
    "nl": "de en van het een in is dat op te zijn met voor niet die aan er ook als bij door om maar was heeft dan "
          "of uit wordt nog worden naar hij ze zij hun tot al werd over hebben kan zou deze dit geen wel meer na",
    "pl": "i w na z się nie do to że jest o jak a po ale od za co przez dla jego tym oraz już tak by czy ze są go "
          "było przed być który która które może tylko pod także",
    "sv": "och i att det som en på är av för med till den har de inte om ett var men från vid så kan han hon sig "
          "man efter under också eller nu ska detta hade blev skulle",
    "tr": "ve bir bu da de için ile olarak çok daha gibi en ne ama o sonra kadar var olan her değil ki mi ise "
          "yok ancak göre tarafından",
    "ru": "и в не на что с по это как он к но из у за то же от для а о все так его она было бы мы вы они был "
          "только уже или ее при до еще также была были который которые",
    "uk": "і в на що не з у та до це як за від по а але він вона його їх було для також є вже ще які який яка "
          "або щоб",
}.items()}
LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "sv": "Swedish", "tr": "Turkish",
                  "ru": "Russian", "uk": "Ukrainian"}
#: Fewest words of Latin script for a guess: shorter texts are left to the ``language`` column.
MIN_WORDS_FOR_LANGUAGE = 20
#: Fewest letters of another script for a guess by script.
MIN_LETTERS_FOR_SCRIPT = 40
#: Share of words a language's function words must reach to name the language.
MIN_FUNCTION_SHARE = 0.10
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_BEYOND_LATIN_RE = re.compile(r"[^\x00-\u024f]")  # characters after Latin Extended-B


class LanguageGuess(NamedTuple):
    """What :func:`guess_language` found: ``code`` (ISO 639-1, or "und" when no profile fits), ``name`` (the
    language, or "<Script> script"), ``share`` (of words among its function words, or of letters in its script),
    ``english_share`` (of words among the English function words) and ``basis`` ("function words" or "script")."""

    code: str
    name: str
    share: float
    english_share: float
    basis: str

    @property
    def english(self) -> bool:
        return self.code == "en"

    @property
    def reason(self) -> str:
        """One clause saying what the guess rests on."""
        if self.basis == "script":
            return f"its text is in {self.name} ({self.share:.0%} of its letters)"
        english = f"{self.english_share:.0%} of its words are common English function words (the, of, and, ...)"
        if self.code == "und":
            return f"its text does not look English: only {english}"
        return (f"its text looks {self.name}: {self.share:.0%} of its words are common {self.name} function words, "
                f"{self.english_share:.0%} English ones (the, of, and, ...)")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def guess_language(text: str) -> LanguageGuess | None:
    """Guess the language of ``text`` by its script and its share of common function words.

    Method
    ------
    1. Script: when more than half of the letters (and at least
       :data:`MIN_LETTERS_FOR_SCRIPT`) are not Latin, the text is not English;
       the Cyrillic profiles (Russian, Ukrainian) name its language when one
       reaches :data:`MIN_FUNCTION_SHARE`, else the script does ("Arabic
       script", "CJK script", ...).
    2. Function words: the text is cut into runs of letters, lower-cased; for
       every language L of :data:`FUNCTION_WORDS`,
       ``share_L = (words in L's list) / (all words)``.  The language with the
       largest share is the guess when it reaches :data:`MIN_FUNCTION_SHARE`;
       when none does the language is unknown ("und"), and not English.

    Direction and scale: English news prose has 35-45% of its words among the
    English list, German, French or Spanish prose as much among its own and
    under 10% among the English one; an English article quoting a phrase of
    another language stays far ahead on the English share.  A text with fewer
    than :data:`MIN_WORDS_FOR_LANGUAGE` words gets no guess (``None``); the
    ``language`` column of ``articles.csv`` then decides.

    This is a stopword-profile detector in the spirit of the function-word
    method of language identification (Grefenstette 1995, "Comparing two
    language identification schemes"); it knows only the languages listed and
    needs no data files.
    """
    other = [c for c in _BEYOND_LATIN_RE.findall(text) if c.isalpha()]
    words = Counter(w.lower() for w in _LETTER_RUN_RE.findall(text))
    n_words = max(sum(words.values()), 1)
    shares = {code: sum(n for w, n in words.items() if w in profile) / n_words
              for code, profile in FUNCTION_WORDS.items()}
    english = shares["en"]
    if len(other) >= MIN_LETTERS_FOR_SCRIPT and len(other) > (n_letters := sum(map(str.isalpha, text))) / 2:
        cyrillic = {c: shares[c] for c in ("ru", "uk")}
        best = max(cyrillic, key=cyrillic.get)
        if cyrillic[best] >= MIN_FUNCTION_SHARE:
            return LanguageGuess(best, LANGUAGE_NAMES[best], cyrillic[best], english, "function words")
        script, n = Counter(_script(c) for c in other).most_common(1)[0]
        return LanguageGuess("und", f"{script.title()} script", n / n_letters, english, "script")
    if sum(words.values()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    best = max(shares, key=lambda code: (shares[code], code == "en"))
    if shares[best] < MIN_FUNCTION_SHARE:
        return LanguageGuess("und", "an unknown language", shares[best], english, "function words")
    return LanguageGuess(best, LANGUAGE_NAMES[best], shares[best], english, "function words")


def is_english_code(language: str) -> bool:
    """True for a language code of English (``en``, ``en-GB``, ``EN``)."""
    return language.strip().lower().startswith("en")


def non_latin_share(text: str) -> float:
    """Share of the letters of ``text`` beyond the Latin script (after Latin Extended-B); 0 with no letter."""
    n_letters = sum(map(str.isalpha, text))
    if not n_letters:
        return 0.0
    return sum(1 for c in _BEYOND_LATIN_RE.findall(text) if c.isalpha()) / n_letters


# --- the folder -----------------------------------------------------------------------------------------------


def load_corpus(folder: str | Path, *, strict: bool = False) -> Corpus:
    """Load an articles folder.

    Parameters
    ----------
    folder : str or Path
        A folder with ``articles.csv``, the article files it lists, and
        optionally ``actors.csv`` and ``page_rules.csv``.
    strict : bool
        Refuse the whole folder when one page cannot be read (the first
        such page raises :class:`PageProblem`).  By default such a page is
        left out, listed in ``Corpus.skipped`` and named in a notice.

    Returns
    -------
    Corpus

    Raises
    ------
    FramingInputError
        With a one-line message naming the file and the fix, for problems
        of the folder (``articles.csv``, ``page_rules.csv``, ``actors.csv``,
        no article left to read) and, with ``strict``, of any page.
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
    records: list[dict[str, str]] = []
    skipped: list[tuple[str, str, str, str]] = []
    non_english: list[tuple[str, ...]] = []
    line_rows: list[tuple] = []
    sent_rows: list[tuple] = []
    tok_rows: list[tuple] = []
    quote_rows: list[tuple] = []
    seen_files: dict[str, str] = {}
    for record in meta.to_dict("records"):
        aid, name = record["article_id"], record["file"]
        key = os.path.normpath(name)
        if key in seen_files:
            notices.append(f"{meta_path}: {name} is listed for both {seen_files[key]} and {aid}; "
                           "its words are counted twice")
        seen_files[key] = aid
        try:
            raw, page, web = _read_page(folder, record, meta_path, rules)
        except PageProblem as problem:
            if strict:
                raise
            skipped.append((aid, name, problem.reason, problem.fix))
            notices.append(f"{problem.path}: left out of the analysis ({problem.reason}); {problem.fix}")
            continue
        path = folder / name
        texts[aid] = raw
        if web is not None:
            filled = [col for col, value in (("headline", web.title), ("published", web.published),
                                             ("url", web.url)) if value and not record[col]]
            for col in filled:
                record[col] = getattr(web, "title" if col == "headline" else col)
            taken = f"; its {', '.join(filled)} came from the page" if filled else ""
            notices.append(f"{path}: is a saved web page; its article text was extracted from the HTML and every "
                           f"offset of its rows refers to that text, not to the file{taken}")
        hidden = invisible_in_words(raw)
        if hidden:
            kinds = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'format character').lower()}"
                              for c in sorted(set(hidden)))
            notices.append(f"{path}: {len(hidden)} invisible character(s) inside words ({kinds}); words are read "
                           "without them, and the texts in the tables keep them")
        for ln in page.lines:
            line_rows.append((aid, ln.line_no, ln.role, ln.is_body, ln.reason, ln.start, ln.end, ln.text))
        sent_rows.extend(page.sentences)
        tok_rows.extend(page.tokens)
        quote_rows.extend(page.quotes)
        records.append(record)

        language = record["language"]
        if not is_english_code(language):
            row = (aid, record["outlet"], name, language, "articles.csv",
                   f"its language column in articles.csv is {language!r}")
        else:
            guess = guess_language("\n".join(s[8] for s in page.sentences))
            row = None if guess is None or guess.english else (
                aid, record["outlet"], name, guess.code, "text",
                f"{guess.reason}, although its language column is {language!r}")
        if row is not None:
            non_english.append(row)
            notices.append(f"{path}: not in English ({row[-1]}); the measures built on English word lists "
                           f"({', '.join(LEXICON_MEASURES)}) leave it out (framing analyze --all-languages keeps "
                           "it in)")

    if not records:
        raise FramingInputError(meta_path, _nothing_left(skipped))

    lines_df = pd.DataFrame(line_rows, columns=LINE_COLUMNS)
    sentences = pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS)
    tokens = pd.DataFrame(tok_rows, columns=TOKEN_COLUMNS)
    quotes = pd.DataFrame(quote_rows, columns=QUOTE_COLUMNS)

    words = tokens[tokens["kind"] != "punct"]
    articles = pd.DataFrame(records, columns=list(meta.columns), dtype=str).drop(columns=["encoding"])
    articles["n_sentences"] = articles["article_id"].map(sentences.groupby("article_id").size()).fillna(0).astype(int)
    articles["n_tokens"] = articles["article_id"].map(words.groupby("article_id").size()).fillna(0).astype(int)

    with_headline = set(lines_df.loc[lines_df["role"] == "headline", "article_id"])
    for record in records:
        if record["headline"] and record["article_id"] not in with_headline:
            notices.append(f"{folder / record['file']}: the headline in articles.csv is not on the page; "
                           "the headline is not analysed")
    outlets = list(dict.fromkeys(articles["outlet"]))
    if len(outlets) == 1:
        notices.append(f"{meta_path}: every article is from one outlet ({outlets[0]}); comparative measures "
                       "need at least two outlets")
    actors = read_actors(folder)
    notices = [one_line(n) for n in notices]
    return Corpus(folder, articles, lines_df, sentences, tokens, quotes, texts, actors, notices,
                  pd.DataFrame(skipped, columns=list(SKIPPED_COLUMNS)),
                  pd.DataFrame(non_english, columns=list(NON_ENGLISH_COLUMNS)))


def _read_page(folder: Path, record: dict[str, str], meta_path: Path, rules: list[cleaning.Rule]):
    """The text, the page tables and the web page (or None) of one row of ``articles.csv``; raises PageProblem."""
    name = record["file"]
    path = article_path(folder, name, meta_path)
    limit = MAX_HTML_BYTES if name.lower().endswith(HTML_SUFFIXES) else MAX_ARTICLE_BYTES
    raw = read_text(path, record["encoding"], limit=limit)
    web = None
    headline, published = record["headline"], record["published"]
    if is_html(name, raw):
        web = extract_page(raw, url=record["url"])
        if not web.text.strip():
            raise PageProblem(path, "is a web page without article text", "save the article's own page once it "
                              "has loaded (not a front page or a page that loads its text later), or paste the "
                              "article text into a .txt file")
        raw = web.text
        headline = headline or web.title
        published = published or web.published
    page = parse_article(raw, where=path, article_id=record["article_id"], outlet=record["outlet"],
                         headline=headline, published=published, language=record["language"], rules=rules)
    return raw, page, web


def parse_article(raw: str, *, where: object, article_id: str, outlet: str, headline: str, published: str,
                  language: str, rules) -> PageTables:
    """:func:`parse_page` of one article's text, refused when no line of it is an article paragraph.

    A text mostly in another script although its language says English is read without the English
    label rules (its lines stay text instead of labels in a foreign script).

    Raises
    ------
    PageProblem
        Naming ``where`` (the file or the row) when the page holds only page furniture.
    """
    if is_english_code(language) and non_latin_share(raw) > 0.5:
        language = ""
    page = parse_page(raw, article_id=article_id, outlet=outlet, headline=headline, published=published,
                      language=language, rules=rules)
    if not any(ln.is_body for ln in page.lines):
        raise PageProblem(where, f"has no article paragraphs, only page furniture ({_roles(page.lines)})",
                          "check that it holds the article text with each paragraph on a line of its own; if it "
                          "does, describe the page's layout in a page_rules.csv in the articles folder "
                          "(see data/README.md)")
    return page


def _roles(lines: list[cleaning.Line]) -> str:
    counts = Counter(ln.role for ln in lines if ln.role != "blank")
    parts = ", ".join(f"{n} {role}" for role, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    total = sum(counts.values())
    return f"{total} line{'s' if total != 1 else ''}: {parts}" if total else "no text lines"


def _nothing_left(skipped: list[tuple[str, str, str, str]]) -> str:
    shown = "; ".join(f"{name} {reason}" for _, name, reason, _ in skipped[:3])
    more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    fixes = list(dict.fromkeys(fix for *_, fix in skipped))
    fix = fixes[0] if len(fixes) == 1 else "fix the files as each reason says"
    return f"none of its {len(skipped)} articles could be read ({shown}{more}); {fix}"


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
