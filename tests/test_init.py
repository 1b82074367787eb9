"""``framing init``: a first articles.csv for a folder of .txt/.html files, never overwriting one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from framing.cli import main
from framing.core.errors import FramingInputError
from framing.load.corpus import load_corpus, read_metadata
from framing.load.scaffold import INIT_COLUMNS, write_articles_csv

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry strike halts island crossings | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-03-05T08:12:00+00:00">
<link rel="canonical" href="https://www.harbour-gazette.example/news/ferry-strike">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry strike halts island crossings</h1>
<p>Ferry crews walked out on Tuesday morning, stopping every crossing to the three islands, the operator said.</p>
<p>Talks with the union will resume on Thursday, a spokeswoman for the operator said.</p>
<p>Islanders said they had been given no warning of the walkout and that patients would miss appointments.</p>
</article><footer>&copy; 2024 Harbour Gazette</footer></body></html>
"""
#: A page that names no site, no date and no address.
BARE_PAGE = PAGE.replace('<meta property="og:site_name" content="Harbour Gazette">', "").replace(
    '<meta property="article:published_time" content="2024-03-05T08:12:00+00:00">', "").replace(
    '<link rel="canonical" href="https://www.harbour-gazette.example/news/ferry-strike">', "").replace(
    " | Harbour Gazette", "").replace("&copy; 2024 Harbour Gazette", "")
WIRE_TXT = (
    "Home | World | Sport\n\n"
    "Envoys Agree to Meet Again After Border Talks\n\n"
    "Envoys from both capitals met for four hours on Tuesday and agreed to meet again next month, officials said.\n\n"
    "Neither side gave details of the talks, which were held behind closed doors.\n\n"
    "Share this article\n"
)
NOTE_TXT = "talks notes\nThe envoys met for four hours; nobody said what was agreed.\n"
GERMAN_TXT = (
    "Sturm sperrt die K\u00fcstenstra\u00dfe\n\n"
    "Die Beh\u00f6rden haben die Stra\u00dfe an der K\u00fcste am Montag gesperrt, nachdem hohe Wellen die "
    "Ufermauer erreicht hatten, und die Arbeiten sollen am Mittwoch beginnen.\n"
)


def make(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return folder


def rows_of(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_init_writes_one_row_per_file(tmp_path, capsys):
    folder = make(tmp_path / "event", {"gazette.html": PAGE, "Wire Report.TXT": WIRE_TXT, "notes.txt": NOTE_TXT,
                                       "kuestenbote.txt": GERMAN_TXT, "photo.jpg": b"\xff\xd8\xff",
                                       "list.csv": "a,b\n"})
    (folder / "old").mkdir()
    (folder / "old" / "draft.txt").write_text(WIRE_TXT, encoding="utf-8")  # subfolders are not listed
    assert main(["init", str(folder)]) == 0
    err = capsys.readouterr().err
    target = folder / "articles.csv"
    assert target.read_bytes().startswith(b"article_id,outlet,file,published,headline,url,language\n")
    assert b"\r" not in target.read_bytes()
    rows = {r["file"]: r for r in rows_of(target)}
    assert list(rows) == ["gazette.html", "kuestenbote.txt", "notes.txt", "Wire Report.TXT"]  # file-name order
    g = rows["gazette.html"]
    assert (g["article_id"], g["outlet"], g["published"], g["headline"], g["url"], g["language"]) == (
        "gazette", "Harbour Gazette", "2024-03-05", "Ferry strike halts island crossings",
        "https://www.harbour-gazette.example/news/ferry-strike", "en")
    w = rows["Wire Report.TXT"]
    # the line the page rules take for the headline, not the menu above it; the outlet is the file name
    assert (w["article_id"], w["outlet"], w["headline"], w["published"]) == (
        "wire-report", "Wire Report", "Envoys Agree to Meet Again After Border Talks", "")
    assert rows["notes.txt"]["headline"] == "talks notes"  # no title-like line: the first line
    assert rows["kuestenbote.txt"]["language"] == "de"

    lines = err.strip().splitlines()
    assert lines[0] == f"framing: wrote {target} with 4 article(s); please check it:"
    assert all(line.startswith("framing: check: ") for line in lines[1:])
    said = "\n".join(lines)
    assert "outlet: kuestenbote.txt, notes.txt, Wire Report.TXT have the file name as outlet" in said
    assert "outlet: taken from the page for gazette.html: Harbour Gazette" in said
    assert "headline: the first line of notes.txt; check it" in said
    assert "published: no date for kuestenbote.txt, notes.txt, Wire Report.TXT; write it as YYYY-MM-DD" in said
    assert "language: kuestenbote.txt: German looks like another language than English" in said
    assert lines[-1] == f"framing: check: open {target} and check every row before running framing analyze"


def test_written_file_loads_and_analyses(tmp_path, capsys):
    folder = make(tmp_path / "event", {"gazette.html": PAGE, "wire.txt": WIRE_TXT})
    write_articles_csv(folder)
    c = load_corpus(folder, strict=True)
    assert list(c.articles.article_id) == ["gazette", "wire"] and c.outlets == ["Harbour Gazette", "wire"]
    assert main(["analyze", str(folder), "--out", str(tmp_path / "out")]) == 0


def test_a_page_without_site_name_gets_the_file_name(tmp_path):
    folder = make(tmp_path / "event", {"river-post.htm": BARE_PAGE})
    made = write_articles_csv(folder)
    (row,) = made.rows
    assert (row["outlet"], row["published"], row["url"], row["headline"]) == (
        "river-post", "", "", "Ferry strike halts island crossings")
    assert any(c.startswith("outlet: river-post.htm has the file name as outlet") for c in made.checks)


def test_never_overwrites(tmp_path, capsys):
    folder = make(tmp_path / "event", {"wire.txt": WIRE_TXT,
                                       "articles.csv": "article_id,outlet,file\nmine,X,wire.txt\n"})
    before = (folder / "articles.csv").read_bytes()
    assert main(["init", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"framing: error: {folder / 'articles.csv'}: already exists and framing init never overwrites "
                   "it; edit it, or move it away to write a new one")
    assert (folder / "articles.csv").read_bytes() == before


def test_a_second_init_is_refused(tmp_path):
    folder = make(tmp_path / "event", {"wire.txt": WIRE_TXT})
    write_articles_csv(folder)
    first = (folder / "articles.csv").read_bytes()
    (folder / "gazette.html").write_text(PAGE, encoding="utf-8")
    with pytest.raises(FramingInputError, match="never overwrites"):
        write_articles_csv(folder)
    assert (folder / "articles.csv").read_bytes() == first


@pytest.mark.parametrize("files, problem", [
    ({}, "holds no .txt or .html files; put the article files in it"),
    ({"scan.pdf": b"%PDF-1.4", "notes.docx": b"PK"}, "holds no .txt or .html files"),
])
def test_folder_without_article_files(tmp_path, capsys, files, problem):
    folder = make(tmp_path / "event", files)
    assert main(["init", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and problem in err
    assert not (folder / "articles.csv").exists()


def test_not_a_folder(tmp_path, capsys):
    assert main(["init", str(tmp_path / "missing")]) == 2
    assert "is not a folder; give the folder that holds the article files" in capsys.readouterr().err


def test_unreadable_files_get_a_row_and_a_check(tmp_path):
    folder = make(tmp_path / "event", {"wire.txt": WIRE_TXT, "empty.txt": "",
                                       "old.txt": "Caf\u00e9 news".encode("cp1252")})
    made = write_articles_csv(folder)
    assert [r["file"] for r in made.rows] == ["empty.txt", "old.txt", "wire.txt"]
    checks = "\n".join(made.checks)
    assert "file: empty.txt is empty (paste the article text into it or remove its row from articles.csv); " \
           "framing analyze will leave it out until it is fixed" in checks
    assert "file: old.txt is not UTF-8 (save it as UTF-8 or name its encoding" in checks
    assert "wire.txt is" not in checks


def test_ids_are_unique_and_plain(tmp_path):
    folder = make(tmp_path / "event", {"Storm Report.txt": WIRE_TXT, "storm-report.txt": WIRE_TXT,
                                       "storm_report.html": PAGE, "\u00dcbersicht 2024.txt": WIRE_TXT})
    ids = [r["article_id"] for r in write_articles_csv(folder).rows]
    assert ids == ["storm-report", "storm-report-2", "storm-report-3", "\u00fcbersicht-2024"]
    assert len(set(read_metadata(folder)["article_id"])) == 4


def test_a_title_that_looks_like_a_formula_is_kept_safe_and_exact(tmp_path):
    page = PAGE.replace("Ferry strike halts island crossings", "=HYPERLINK(\"http://x.example\",\"Ferry strike\")")
    folder = make(tmp_path / "event", {"gazette.html": page})
    write_articles_csv(folder)
    raw = (folder / "articles.csv").read_text(encoding="utf-8")
    assert '" =HYPERLINK(' in raw  # the space in front keeps a spreadsheet from running it
    assert read_metadata(folder)["headline"].iloc[0] == "=HYPERLINK(\"http://x.example\",\"Ferry strike\")"


def test_columns_are_those_of_the_input_format():
    from framing.core.vocabulary import ARTICLE_COLUMNS

    assert set(INIT_COLUMNS) <= set(ARTICLE_COLUMNS) and INIT_COLUMNS[:3] == ("article_id", "outlet", "file")


def test_a_page_without_title_gets_its_first_line(tmp_path):
    untitled = BARE_PAGE.replace("<title>Ferry strike halts island crossings</title>", "").replace(
        "<h1>Ferry strike halts island crossings</h1>", "")
    made = write_articles_csv(make(tmp_path / "event", {"untitled.html": untitled}))
    assert made.rows[0]["headline"].startswith("Ferry crews walked out on Tuesday morning")
    assert any(c.startswith("headline: the first line of untitled.html") for c in made.checks)
