"""Load an articles folder into tidy tables.

An articles folder holds the raw page text of each article and an
``articles.csv`` that describes them (see ``data/README.md`` for the format).
:func:`load_corpus` reads it, cleans every page (:mod:`framing.cleaning`),
splits the article text into sentences and tokens, and returns a
:class:`Corpus` of pandas DataFrames.

Offsets
-------
Every ``start``/``end`` in these tables is a character offset into the
article's raw text as decoded (``Corpus.texts[article_id]``), so
``texts[a][start:end]`` returns the span exactly as it appears in the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import cleaning, paths
from .errors import FramingInputError
from .sentences import split_sentences
from .text import normalise, quote_spans, tokenize, voice_of

REQUIRED_COLUMNS = ("article_id", "outlet", "file")
OPTIONAL_COLUMNS = ("published", "headline", "url", "language", "event", "country", "ownership", "encoding")
ARTICLE_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS[:-1]

LINE_COLUMNS = ["article_id", "line_no", "role", "is_body", "reason", "start", "end", "text"]
SENTENCE_COLUMNS = ["article_id", "outlet", "sentence_id", "paragraph", "role", "voice", "start", "end", "text"]
TOKEN_COLUMNS = [
    "article_id", "outlet", "sentence_id", "token_id", "start", "end", "token", "lower", "kind", "voice",
]
QUOTE_COLUMNS = ["article_id", "start", "end", "text"]


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
        One row per raw line: ``article_id, line_no`` (1-based), ``role``,
        ``is_body``, ``reason``, ``start, end`` (offsets, newline excluded),
        ``text``.
    sentences : DataFrame
        ``article_id, outlet, sentence_id`` (``<article_id>-NNN``),
        ``paragraph`` (0 = headline, then 1, 2, ... per body paragraph),
        ``role`` (headline, standfirst or body), ``voice`` (authorial,
        quoted or mixed), ``start, end``, ``text`` (the raw slice).
    tokens : DataFrame
        ``article_id, outlet, sentence_id, token_id`` (0-based in the
        sentence), ``start, end``, ``token`` (normalised surface form),
        ``lower``, ``kind`` (word, number, abbreviation or punct), ``voice``
        (quoted when inside quotation marks, else authorial).
    quotes : DataFrame
        ``article_id, start, end, text``: every quotation, marks included,
        in the headline and body paragraphs.
    texts : dict
        ``article_id`` -> raw text.
    actors : DataFrame or None
        ``actor, alias`` from the folder's ``actors.csv``, if it has one.
    notices : list of str
        Things the reader should know that did not stop the load.
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
    rows = list(csv.DictReader(io.StringIO(text)))
    header = next(csv.reader(io.StringIO(text)), [])
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise FramingInputError(
            meta_path, f"missing required column(s) {', '.join(missing)}; add them to the header row"
        )
    if not rows:
        raise FramingInputError(meta_path, "lists no articles; add one row per article")
    seen: set[str] = set()
    for n, row in enumerate(rows, start=2):
        for col in REQUIRED_COLUMNS:
            if not (row.get(col) or "").strip():
                raise FramingInputError(meta_path, f"line {n}: empty {col}; every article needs one")
        aid = row["article_id"].strip()
        if aid in seen:
            raise FramingInputError(meta_path, f"line {n}: duplicate article_id {aid!r}; make each id unique")
        seen.add(aid)
    df = pd.DataFrame(rows, dtype=str).fillna("")
    for col in OPTIONAL_COLUMNS:
        if col not in df.columns:
            df[col] = "en" if col == "language" else ""
    df["language"] = df["language"].replace("", "en")
    for col in df.columns:
        df[col] = df[col].str.strip()
    extra = [c for c in df.columns if c not in ARTICLE_COLUMNS and c != "encoding"]
    return df[list(ARTICLE_COLUMNS) + extra + ["encoding"]]


def read_text(path: Path, encoding: str = "") -> str:
    """Read one article file.

    Decoding policy: UTF-8 (a byte-order mark is dropped); when the file is not
    valid UTF-8 the ``encoding`` column of ``articles.csv`` must name its
    encoding (for example ``cp1251`` or ``latin-1``).  Files with NUL bytes are
    refused as binary.
    """
    if not path.is_file():
        raise FramingInputError(path, "not found; check the file column of articles.csv")
    data = path.read_bytes()
    if b"\x00" in data:
        raise FramingInputError(path, "looks like a binary file, not text; save the article as plain text")
    if not data.strip():
        raise FramingInputError(path, "is empty; paste the article text into it or remove its row from articles.csv")
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise FramingInputError(path, f"cannot be decoded as {encoding!r} ({exc.__class__.__name__}); "
                                    "fix the encoding column of articles.csv") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise FramingInputError(
            path, "is not UTF-8; save it as UTF-8 or name its encoding (e.g. cp1251) in an encoding column "
            "of articles.csv"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


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
    rule_files = [paths.PAGE_RULES_FILE]
    if (folder / "page_rules.csv").is_file():
        rule_files.insert(0, folder / "page_rules.csv")
    rules = cleaning.load_rules(rule_files)

    texts: dict[str, str] = {}
    line_rows: list[tuple] = []
    sent_rows: list[tuple] = []
    tok_rows: list[tuple] = []
    quote_rows: list[tuple] = []
    for row in meta.itertuples(index=False):
        path = folder / row.file
        raw = read_text(path, row.encoding)
        texts[row.article_id] = raw
        lines = cleaning.classify_lines(
            raw, outlet=row.outlet, headline=row.headline, published=row.published,
            language=row.language, rules=rules,
        )
        for ln in lines:
            line_rows.append((row.article_id, ln.line_no, ln.role, ln.is_body, ln.reason, ln.start, ln.end, ln.text))
        units = [ln for ln in lines if ln.role == "headline"][:1] + [ln for ln in lines if ln.is_body]
        if not any(ln.is_body for ln in lines):
            raise FramingInputError(path, "has no article paragraphs, only page furniture; check that it holds "
                                    "the article text (see lines.csv reasons)")
        n_sent = 0
        paragraph = 0
        for ln in units:
            if ln.role != "headline":
                paragraph += 1
            spans = quote_spans(ln.text)
            for qs, qe in spans:
                quote_rows.append((row.article_id, ln.start + qs, ln.start + qe, ln.text[qs:qe]))
            norm = normalise(ln.text)
            pieces = [(0, len(ln.text.rstrip()))] if ln.role == "headline" else split_sentences(ln.text)
            for s, e in pieces:
                n_sent += 1
                sid = f"{row.article_id}-{n_sent:03d}"
                sent_rows.append((
                    row.article_id, row.outlet, sid, 0 if ln.role == "headline" else paragraph, ln.role,
                    voice_of(spans, s, e), ln.start + s, ln.start + e, ln.text[s:e],
                ))
                for k, tok in enumerate(tokenize(norm[s:e], offset=s)):
                    tvoice = "quoted" if voice_of(spans, tok.start, tok.end) == "quoted" else "authorial"
                    tok_rows.append((
                        row.article_id, row.outlet, sid, k, ln.start + tok.start, ln.start + tok.end,
                        tok.text, tok.text.lower(), tok.kind, tvoice,
                    ))

    lines_df = pd.DataFrame(line_rows, columns=LINE_COLUMNS)
    sentences = pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS)
    tokens = pd.DataFrame(tok_rows, columns=TOKEN_COLUMNS)
    quotes = pd.DataFrame(quote_rows, columns=QUOTE_COLUMNS)

    words = tokens[tokens["kind"] != "punct"]
    articles = meta.drop(columns=["encoding"]).copy()
    articles["n_sentences"] = articles["article_id"].map(sentences.groupby("article_id").size()).fillna(0).astype(int)
    articles["n_tokens"] = articles["article_id"].map(words.groupby("article_id").size()).fillna(0).astype(int)

    notices = []
    for row in meta.itertuples(index=False):
        if row.headline and not (lines_df[(lines_df.article_id == row.article_id)]["role"] == "headline").any():
            notices.append(f"{folder / row.file}: the headline in articles.csv is not on the page; "
                           "the headline is not analysed")
    actors = read_actors(folder)
    return Corpus(folder, articles, lines_df, sentences, tokens, quotes, texts, actors, notices)


def read_actors(folder: Path) -> pd.DataFrame | None:
    """Read ``actors.csv`` (columns ``actor, alias``) if the folder has one."""
    path = folder / "actors.csv"
    if not path.is_file():
        return None
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise FramingInputError(path, f"cannot be read as a UTF-8 CSV ({exc.__class__.__name__}); fix or remove it") \
            from None
    missing = [c for c in ("actor", "alias") if c not in df.columns]
    if missing:
        raise FramingInputError(path, f"missing column(s) {', '.join(missing)}; it needs actor,alias")
    df = df[["actor", "alias"]].apply(lambda c: c.str.strip())
    return df[(df["actor"] != "") & (df["alias"] != "")].reset_index(drop=True)
