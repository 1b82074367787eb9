"""``framing init``: write a first ``articles.csv`` for a folder of article files.

A folder that holds only saved pages (``.txt``, ``.html``, ``.htm``) gets an
``articles.csv`` with one row per file, in file-name order:

``article_id``
    the file name without its extension, in lower case, with every run of
    other characters than letters and digits made one ``-`` (``-2``, ``-3``
    ... are added to repeated ids);
``outlet``
    for a web page the site's own name from its metadata (``og:site_name``,
    or the publisher of its JSON-LD, or else its web address); otherwise the
    file name without its extension;
``file``
    the file name;
``published``
    for a web page the publication date its markup gives (htmldate), else
    empty;
``headline``
    for a web page its title (without the site name), else the first line of
    its article text; for a text file the line the page rules take for the
    headline, else its first line;
``url``
    for a web page its canonical address, else empty;
``language``
    the language its words look like (:func:`framing.load.corpus.guess_language`),
    else empty (read as English).

Nothing is overwritten: a folder that has an ``articles.csv`` is refused.  The
file is UTF-8 with ``\\n`` line ends.  A cell that a spreadsheet would run as a
formula (starting with ``=``, ``+``, ``-``, ``@``) gets a space in front, which
:func:`framing.load.corpus.read_metadata` strips again.  What the user should
check is returned as one-line notes.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from framing.core.errors import FramingInputError
from framing.load.html import HTML_SUFFIXES

#: Files that ``framing init`` lists: plain text and saved web pages.
ARTICLE_SUFFIXES = (".txt",) + HTML_SUFFIXES
#: The columns ``framing init`` writes.
INIT_COLUMNS = ("article_id", "outlet", "file", "published", "headline", "url", "language")
_FORMULA_START = ("=", "+", "-", "@")
_SHOWN = 4  # files named per check


@dataclass
class Scaffold:
    """What :func:`write_articles_csv` wrote: the file, its rows, and what the user should check."""

    path: Path
    rows: list[dict[str, str]]
    checks: list[str] = field(default_factory=list)


def write_articles_csv(folder: str | Path) -> Scaffold:
    """Write ``articles.csv`` for the ``.txt``/``.html``/``.htm`` files of ``folder`` (not its subfolders).

    Raises
    ------
    FramingInputError
        When ``folder`` is not a folder, already has an ``articles.csv``, holds no article file, or the file
        cannot be written.
    """
    folder = Path(folder)
    target = folder / "articles.csv"
    if not folder.is_dir():
        raise FramingInputError(folder, "is not a folder; give the folder that holds the article files")
    if target.exists():
        raise FramingInputError(target, "already exists and framing init never overwrites it; edit it, or move "
                                "it away to write a new one")
    files = sorted((p for p in folder.iterdir() if p.is_file() and p.name.lower().endswith(ARTICLE_SUFFIXES)),
                   key=lambda p: (p.name.casefold(), p.name))
    if not files:
        raise FramingInputError(folder, "holds no .txt or .html files; put the article files in it (one file per "
                                "article) and run framing init again")
    rows, notes = [], _Notes()
    used: set[str] = set()
    for path in files:
        row = describe(path, notes)
        row["article_id"] = _unique(_slug(path.stem), used)
        rows.append(row)
    try:
        with open(target, "x", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(INIT_COLUMNS)
            for row in rows:
                writer.writerow([_cell(row[c]) for c in INIT_COLUMNS])
    except FileExistsError:
        raise FramingInputError(target, "already exists and framing init never overwrites it; edit it, or move it "
                                "away to write a new one") from None
    except OSError as exc:
        raise FramingInputError(target, f"cannot be written ({exc.strerror or exc}); check the folder's "
                                "permissions") from None
    return Scaffold(target, rows, notes.lines(target))


def describe(path: Path, notes: _Notes | None = None) -> dict[str, str]:
    """The ``articles.csv`` values of one article file (``article_id`` is left to the caller)."""
    from framing.load import cleaning
    from framing.load.corpus import MAX_ARTICLE_BYTES, MAX_HTML_BYTES, PageProblem, guess_language, read_text
    from framing.load.html import extract_page, is_html

    notes = notes if notes is not None else _Notes()
    name = path.name
    row = {"article_id": "", "outlet": path.stem, "file": name, "published": "", "headline": "", "url": "",
           "language": ""}
    try:
        text = read_text(path, limit=MAX_HTML_BYTES if name.lower().endswith(HTML_SUFFIXES) else MAX_ARTICLE_BYTES)
    except PageProblem as problem:
        notes.unreadable.append(f"{name} {problem.reason} ({problem.fix})")
        notes.outlet_from_name.append(name)
        return row
    if is_html(name, text):
        page = extract_page(text)
        text = page.text
        row.update(published=page.published, headline=page.title, url=page.url)
        if page.site_name:
            row["outlet"] = page.site_name
            notes.outlet_from_page.append(f"{name}: {page.site_name}")
        else:
            notes.outlet_from_name.append(name)
        if not row["headline"] and text.strip():
            row["headline"] = text.strip().split("\n", 1)[0].strip()
            notes.headline_first_line.append(name)
        if not text.strip():
            notes.unreadable.append(f"{name} is a web page without article text (save the article's own page, or "
                                    "paste its text into a .txt file)")
    else:
        notes.outlet_from_name.append(name)
        guess = guess_language(text)
        lines = cleaning.classify_lines(text, outlet=path.stem, language="en" if guess is None else guess.code)
        heads = [ln.text.strip() for ln in lines if ln.role == "headline"]
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        row["headline"] = heads[0] if heads else first
        if not heads and first:
            notes.headline_first_line.append(name)
    if not row["headline"]:
        notes.no_headline.append(name)
    if not row["published"]:
        notes.no_date.append(name)
    guess = guess_language(text) if text.strip() else None
    if guess is not None and guess.code != "und":
        row["language"] = guess.code
    if guess is not None and not guess.english:
        notes.not_english.append(f"{name}: {guess.name}")
    return row


@dataclass
class _Notes:
    """Files grouped by what the user should check."""

    outlet_from_name: list[str] = field(default_factory=list)
    outlet_from_page: list[str] = field(default_factory=list)
    headline_first_line: list[str] = field(default_factory=list)
    no_headline: list[str] = field(default_factory=list)
    no_date: list[str] = field(default_factory=list)
    not_english: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def lines(self, target: Path) -> list[str]:
        out = []
        if self.outlet_from_name:
            out.append(f"outlet: {_some(self.outlet_from_name)} {_have(self.outlet_from_name)} the file name as "
                       "outlet; write the outlet's name as readers know it, the same for every article of one outlet")
        if self.outlet_from_page:
            out.append(f"outlet: taken from the page for {_some(self.outlet_from_page)}; check that every article "
                       "of one outlet has the same name")
        if self.headline_first_line:
            out.append(f"headline: the first line of {_some(self.headline_first_line)}; check it, or empty the "
                       "cell to let the suite find the headline on the page")
        if self.no_headline:
            out.append(f"headline: none found for {_some(self.no_headline)}; write it, or leave it empty")
        if self.no_date:
            out.append(f"published: no date for {_some(self.no_date)}; write it as YYYY-MM-DD")
        if self.not_english:
            out.append(f"language: {_some(self.not_english)} {'look' if len(self.not_english) > 1 else 'looks'} "
                       "like another language than English; the measures built on English word lists will leave "
                       "them out (framing analyze --all-languages keeps them in)")
        for problem in self.unreadable:
            out.append(f"file: {problem}; framing analyze will leave it out until it is fixed")
        out.append(f"open {target} and check every row before running framing analyze")
        return out


def _some(items: list[str]) -> str:
    shown = ", ".join(items[:_SHOWN])
    return shown + (f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else "")


def _have(items: list[str]) -> str:
    return "have" if len(items) > 1 else "has"


def _slug(stem: str) -> str:
    slug = re.sub(r"[^\w]+|_+", "-", stem.lower()).strip("-")
    return slug or "article"


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 1
    while candidate in used:
        n += 1
        candidate = f"{slug}-{n}"
    used.add(candidate)
    return candidate


def _cell(value: str) -> str:
    """``value`` on one line, with a space before a character that would make a spreadsheet run it as a formula."""
    value = " ".join(str(value).split())
    return " " + value if value.startswith(_FORMULA_START) else value
