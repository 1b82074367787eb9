"""The articles of a corpus run, read in chunks: an articles folder, or one table file with one article per row.

A table file is CSV (UTF-8, comma-separated, with a header row), JSON Lines (one object per line) or
Parquet, named by its suffix (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``/``.pq``).  It needs a column
for the outlet and one for the text; the id, headline, date, address and language are optional.
:func:`parse_columns` reads a column mapping for exports that name them differently, e.g.
``outlet=media_name,text=content,headline=title,published=publish_date``.

A row that cannot be analysed is left out and listed (:class:`Skipped`, the columns of ``skipped.csv``):
no text, no outlet, text that is not UTF-8, text over :data:`framing.load.corpus.MAX_ARTICLE_BYTES`,
text with NUL bytes, a repeated id, a line of a JSON Lines file that is not a JSON object.  Problems of the
file itself (missing, unknown suffix, a mapped column that is not there) stop the run with
:class:`framing.core.errors.FramingInputError`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.core.errors import FramingInputError
from framing.core.vocabulary import SKIPPED_COLUMNS
from framing.load.corpus import MAX_ARTICLE_BYTES, MAX_HTML_BYTES, PageProblem, article_path, read_text

#: What a column of a table file can hold, in the names of ``articles.csv``.
FIELDS = ("outlet", "text", "article_id", "headline", "published", "url", "language")
#: Other names accepted on the left of a column mapping.
FIELD_ALIASES = {"id": "article_id", "title": "headline", "date": "published", "content": "text"}
TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

_NO_TEXT_FIX = "fill in the article text of the row or remove the row"


@dataclass
class Source:
    """Where the articles of a run come from: ``kind`` "folder" or "csv"/"jsonl"/"parquet", and ``path``."""

    path: Path
    kind: str
    columns: dict[str, str] = field(default_factory=dict)
    n_articles: int | None = None


def parse_columns(spec: str | None) -> dict[str, str]:
    """``"outlet=media_name,text=content"`` -> ``{"outlet": "media_name", "text": "content"}``.

    Keys are the names of :data:`FIELDS` (or ``id``, ``title``, ``date``, ``content``); values are the
    column names of the file.  Every field not named keeps its own name.
    """
    mapping = {f: f for f in FIELDS}
    if not spec:
        return mapping
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key = FIELD_ALIASES.get(key.strip(), key.strip())
        if not sep or key not in FIELDS or not value.strip():
            raise FramingInputError("--columns", f"cannot read {part.strip()!r}; write FIELD=COLUMN pairs separated "
                                    f"by commas, FIELD one of {', '.join(FIELDS)}")
        mapping[key] = value.strip()
    return mapping


def open_source(path: str | Path, *, columns: str | dict[str, str] | None = None) -> Source:
    """Check the input of a run: an articles folder (with ``articles.csv``) or a table file."""
    path = Path(path)
    mapping = columns if isinstance(columns, dict) else parse_columns(columns)
    if path.is_dir():
        from framing.load.corpus import read_metadata

        return Source(path, "folder", mapping, len(read_metadata(path)))
    if not path.is_file():
        raise FramingInputError(path, "not found; give an articles folder or a table file (.csv, .jsonl, .parquet)")
    kind = TABLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise FramingInputError(path, f"is not a table file the suite reads ({', '.join(TABLE_SUFFIXES)}); save "
                                "it as CSV, JSON Lines or Parquet with one article per row")
    header, n = _header(path, kind)
    missing = [f"{f} (column {mapping[f]!r})" for f in ("outlet", "text") if mapping[f] not in header]
    if missing:
        raise FramingInputError(path, f"has no column for {', '.join(missing)}; name the columns with --columns, "
                                "e.g. --columns outlet=media_name,text=content")
    return Source(path, kind, mapping, n)


def _header(path: Path, kind: str) -> tuple[list[str], int | None]:
    if kind == "parquet":
        import pyarrow.parquet as pq

        try:
            meta = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
            raise FramingInputError(path, f"cannot be read as Parquet ({exc.__class__.__name__})") from None
        return list(meta.schema_arrow.names), meta.metadata.num_rows
    if kind == "csv":
        with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
            return [h.strip() for h in next(csv.reader(fh), [])], None
    names: list[str] = []
    with open(path, "rb") as fh:
        for line in fh:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                names = list(obj)
                break
    return names, None


def _rows(source: Source) -> Iterator[tuple[int, dict[str, object] | None, str]]:
    """``(row number, row or None, why not)`` for every data row of a table file, in file order (1-based)."""
    if source.kind == "csv":
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with open(source.path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
            reader = csv.reader(fh)
            header = [h.strip() for h in next(reader, [])]
            for n, rec in enumerate(reader, start=1):
                if not any(v.strip() for v in rec):
                    continue
                yield n, dict(zip(header, rec)), ""
    elif source.kind == "jsonl":
        with open(source.path, "rb") as fh:
            n = 0
            for line in fh:
                if not line.strip():
                    continue
                n += 1
                try:
                    obj = json.loads(line.decode("utf-8"))
                except UnicodeDecodeError:
                    yield n, None, "is not UTF-8 text"
                    continue
                except ValueError:
                    yield n, None, "is not a JSON object"
                    continue
                yield (n, obj, "") if isinstance(obj, dict) else (n, None, "is not a JSON object")
    else:
        import pyarrow.parquet as pq

        wanted = sorted(set(source.columns.values()))
        pf = pq.ParquetFile(source.path)
        names = [c for c in wanted if c in pf.schema_arrow.names]
        n = 0
        for batch in pf.iter_batches(batch_size=1024, columns=names):
            for row in batch.to_pylist():
                n += 1
                yield n, row, ""


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="surrogateescape")
    return str(value)


def _limit(text: str) -> int:
    """Size limit of one row's text: that of a saved web page when the text is markup, else of a text file."""
    return MAX_HTML_BYTES if text.lstrip()[:1] == "<" else MAX_ARTICLE_BYTES


def table_records(source: Source, skipped: list[tuple[str, str, str, str]]) -> Iterator[dict[str, str]]:
    """One record per readable row of a table file (``article_id, outlet, file, published, headline, url,
    language, text``); rows that cannot be analysed are appended to ``skipped`` instead.

    ``article_id`` is the row's id column, or ``row<N>`` (its row number, 1-based) when the file has none
    or the cell is empty.
    """
    m = source.columns
    seen: set[str] = set()
    for n, row, why in _rows(source):
        where = f"{source.path.name} row {n}"
        if row is None:
            skipped.append((f"row{n}", where, why, "fix or remove the line"))
            continue
        aid = _text(row.get(m["article_id"])).strip() or f"row{n}"
        text = _text(row.get(m["text"]))
        outlet = _text(row.get(m["outlet"])).strip()
        problem = None
        if not text.strip():
            problem = ("has no text", _NO_TEXT_FIX)
        elif any("\udc80" <= c <= "\udcff" for c in text):
            problem = ("is not UTF-8 text", "save the file as UTF-8")
        elif "\x00" in text:
            problem = ("looks like binary data, not text", "put the article text in the text column")
        elif len(text.encode("utf-8", errors="surrogatepass")) > _limit(text):
            size = len(text.encode("utf-8", errors="surrogatepass"))
            problem = (f"has {size / 1e6:.1f} MB of text; the suite reads articles up to "
                       f"{_limit(text) // 1_000_000} MB", "keep only the article text")
        elif not outlet:
            problem = ("has no outlet", "fill in the outlet of the row")
        elif aid in seen:
            problem = (f"repeats the id {aid!r}", "make each id unique")
        if problem:
            skipped.append((aid, where, *problem))
            continue
        seen.add(aid)
        yield {
            "article_id": aid, "outlet": outlet, "file": where,
            "published": _text(row.get(m["published"])).strip(), "headline": _text(row.get(m["headline"])).strip(),
            "url": _text(row.get(m["url"])).strip(), "language": _text(row.get(m["language"])).strip() or "en",
            "encoding": "", "text": text[1:] if text.startswith("\ufeff") else text,
        }


def folder_records(source: Source, skipped: list[tuple[str, str, str, str]]) -> Iterator[dict[str, str]]:
    """One record per row of the folder's ``articles.csv`` whose file can be read, with its ``text``.

    Files are read here (the reader's side of a run), so workers need no access to the folder; pages that
    cannot be read are appended to ``skipped`` with the reason and fix of
    :func:`framing.load.corpus.read_text`.
    """
    from framing.load.corpus import HTML_SUFFIXES, read_metadata

    folder = source.path
    meta_path = folder / "articles.csv"
    for record in read_metadata(folder).to_dict("records"):
        name = record["file"]
        try:
            path = article_path(folder, name, meta_path)
            limit = MAX_HTML_BYTES if name.lower().endswith(HTML_SUFFIXES) else MAX_ARTICLE_BYTES
            record["text"] = read_text(path, record["encoding"], limit=limit)
        except PageProblem as problem:
            skipped.append((record["article_id"], name, problem.reason, problem.fix))
            continue
        yield record


def records(source: Source, skipped: list[tuple[str, str, str, str]]) -> Iterator[dict[str, str]]:
    """The readable articles of ``source``, in input order (see :func:`table_records`, :func:`folder_records`)."""
    return folder_records(source, skipped) if source.kind == "folder" else table_records(source, skipped)


def chunked(items: Iterator[dict[str, str]], size: int) -> Iterator[list[dict[str, str]]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    chunk: list[dict[str, str]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def skipped_frame(rows: list[tuple[str, str, str, str]]):
    """``skipped.csv``: the rows left out, with :data:`framing.core.vocabulary.SKIPPED_COLUMNS`."""
    import pandas as pd

    return pd.DataFrame(rows, columns=list(SKIPPED_COLUMNS))
