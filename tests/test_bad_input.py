"""Bad input: a folder that cannot be read is refused with one line naming the file and the fix; a page that
cannot be read is left out, listed in ``skipped.csv`` with its fix, and the run goes on (``--strict`` refuses it).

Each refusal is checked through ``framing analyze`` (exit status 2, one line on stderr, the output folder neither
created nor changed) and through :func:`framing.load.corpus.load_corpus`.  Each page left out is checked through
both too: exit status 0, a notice, a row of ``skipped.csv``, the other article analysed, and with ``--strict`` the
same refusal as a folder problem.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from framing.core.errors import FramingInputError
from framing.core.outputs import MARKER, check_output_dir, read_table, write_tables
from framing.core.vocabulary import SKIPPED_COLUMNS
from framing.load.corpus import MAX_ARTICLE_BYTES, PageProblem, load_corpus

STORM_A = (
    "Home | World | Sport\n\n"
    "Storm Closes the Coastal Road for Two Days\n\n"
    "The storm closed the coastal road on Monday, officials said.\n\n"
    "\u201cWe had no choice,\u201d the mayor told reporters. Crews will reopen it on Wednesday.\n\n"
    "Share this article\n"
)
STORM_B = (
    "Road Shut as Storm Batters the Coast\n\n"
    "The road was shut after a storm battered the coast on Monday.\n\n"
    "Officials expect to reopen it on Wednesday, a spokesman said.\n"
)
HEADER = "article_id,outlet,file,published,headline,url,language\n"


def make_folder(root: Path, rows: str | None = None, files: dict[str, bytes | str] | None = None) -> Path:
    """A small good articles folder; ``rows``/``files`` replace parts of it."""
    folder = root / "event"
    folder.mkdir()
    files = {"a.txt": STORM_A, "b.txt": STORM_B} if files is None else files
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if rows is None:
        rows = HEADER + "a,Coastal Herald,a.txt,2023-11-06,,,en\nb,Valley Courier,b.txt,2023-11-06,,,en\n"
    (folder / "articles.csv").write_text(rows, encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``folder`` with its modification time and content."""
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run_cli(capsys, argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def assert_refused(capsys, tmp_path: Path, folder: Path, names: str, fix: str, *, strict: bool = False) -> str:
    """Refused through the CLI (new and existing output folder) and through load_corpus; returns the message.

    With ``strict`` the refusal is asked for with ``--strict``; without it the folder itself is at fault.
    """
    flags = ["--strict"] if strict else []
    before = snapshot(folder)
    out = tmp_path / "out-new"
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(out), *flags])
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("framing: error: ")
    assert names in lines[0] and fix in lines[0], lines[0]
    assert not out.exists()

    existing = tmp_path / "out-old"  # the tables of an earlier run stay as they were
    write_tables({"articles": pd.DataFrame({"table": ["old"]})}, existing)
    old = snapshot(existing)
    code, err2 = run_cli(capsys, ["analyze", str(folder), "--out", str(existing), *flags])
    assert code == 2 and err2 == err
    assert snapshot(existing) == old
    assert sorted(p.name for p in existing.iterdir()) == [MARKER, "articles.csv"]
    shutil.rmtree(existing)

    with pytest.raises(FramingInputError) as info:
        load_corpus(folder, strict=strict)
    assert "\n" not in str(info.value)
    assert f"framing: error: {info.value}" == lines[0]
    assert snapshot(folder) == before  # the input folder is never written to
    return lines[0]


def assert_skipped(capsys, tmp_path: Path, folder: Path, names: str, reason: str, fix: str) -> pd.Series:
    """Article ``b`` is left out with a notice and a row of ``skipped.csv``, article ``a`` is analysed, and
    ``--strict`` refuses the folder with ``<names>: <reason>; <fix>``.  Returns the row of ``skipped.csv``."""
    before = snapshot(folder)
    out = tmp_path / "out-skip"
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(out)])
    assert code == 0, err
    notices = [ln for ln in err.splitlines() if ln.startswith("framing: notice: ") and "left out of the analysis" in ln]
    assert len(notices) == 1, err
    assert names in notices[0] and f"({reason}" in notices[0] and fix in notices[0], notices[0]
    skipped_csv = out / "skipped.csv"
    assert f"left out 1 of 2 articles that could not be read; {skipped_csv} lists each with its fix" in err
    skipped = read_table(skipped_csv, dtype=str)
    assert list(skipped.columns) == list(SKIPPED_COLUMNS)
    assert list(skipped["article_id"]) == ["b"]
    row = skipped.iloc[0]
    assert row["reason"].startswith(reason) and row["fix"].startswith(fix), dict(row)
    articles = read_table(out / "articles.csv", dtype=str)
    assert list(articles["article_id"]) == ["a"]
    sentences = read_table(out / "sentences.csv", dtype=str)
    assert set(sentences["article_id"]) == {"a"} and len(sentences) >= 3

    c = load_corpus(folder)
    assert list(c.skipped["article_id"]) == ["b"] and c.skipped.iloc[0]["reason"] == row["reason"]
    assert "b" not in c.texts and set(c.sentences["article_id"]) == {"a"}
    shutil.rmtree(out)

    message = assert_refused(capsys, tmp_path, folder, names, f"{reason}", strict=True)
    assert f"; {row['fix']}" in message
    with pytest.raises(PageProblem):
        load_corpus(folder, strict=True)
    assert snapshot(folder) == before
    return row


# --- the folder itself: refused ----------------------------------------------------------------------------


def test_missing_articles_csv(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "articles.csv").unlink()
    msg = assert_refused(capsys, tmp_path, folder, "articles.csv", "every articles folder needs an articles.csv")
    assert "framing init FOLDER" in msg  # the command it names exists


def test_missing_folder(tmp_path, capsys):
    folder = tmp_path / "no-such-event"
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(tmp_path / "out")])
    assert code == 2 and len(err.strip().splitlines()) == 1 and "no-such-event" in err
    assert "give the folder that holds articles.csv" in err


def test_articles_csv_without_required_column(tmp_path, capsys):
    folder = make_folder(tmp_path, rows="article_id,outlet\na,Coastal Herald\n")
    assert_refused(capsys, tmp_path, folder, "articles.csv", "missing required column(s) file; add them")


def test_articles_csv_with_only_a_header(tmp_path, capsys):
    folder = make_folder(tmp_path, rows=HEADER)
    assert_refused(capsys, tmp_path, folder, "articles.csv", "lists no articles; add one row per article")


def test_duplicate_article_id(tmp_path, capsys):
    rows = HEADER + "a,Coastal Herald,a.txt,,,,en\na,Valley Courier,b.txt,,,,en\n"
    folder = make_folder(tmp_path, rows=rows)
    assert_refused(capsys, tmp_path, folder, "articles.csv", "row 3: duplicate article_id 'a'; make each id unique")


def test_empty_required_value(tmp_path, capsys):
    rows = HEADER + "a,Coastal Herald,a.txt,,,,en\nb,,b.txt,,,,en\n"
    folder = make_folder(tmp_path, rows=rows)
    assert_refused(capsys, tmp_path, folder, "articles.csv", "row 3: empty outlet; every article needs one")


def test_unquoted_comma_in_a_row(tmp_path, capsys):
    rows = HEADER + "a,Coastal Herald,a.txt,,Storm, road shut,,en\nb,Valley Courier,b.txt,,,,en\n"
    folder = make_folder(tmp_path, rows=rows)
    assert_refused(capsys, tmp_path, folder, "articles.csv", "put values that contain commas in double quotes")


def test_articles_csv_not_utf8(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "articles.csv").write_bytes((HEADER + "a,Caf\u00e9 Gazette,a.txt,,,,en\n").encode("latin-1"))
    assert_refused(capsys, tmp_path, folder, "articles.csv", "is not UTF-8 text; save it as UTF-8")


def test_articles_csv_binary(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "articles.csv").write_bytes(b"article_id,outlet,file\x00\x00\x01\n")
    assert_refused(capsys, tmp_path, folder, "articles.csv", "save it as a UTF-8 CSV text file")


def test_bad_page_rules(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "page_rules.csv").write_text("outlet,pattern,role,reason\n,([unclosed,chrome,broken\n",
                                           encoding="utf-8")
    assert_refused(capsys, tmp_path, folder, "page_rules.csv", "row 2: bad pattern")
    (folder / "page_rules.csv").write_text("outlet,pattern,role,reason\n,,chrome,matches everything\n",
                                           encoding="utf-8")
    assert_refused(capsys, tmp_path, folder, "page_rules.csv", "empty pattern, which would match every line")


def test_no_page_left_is_refused(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": "", "b.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20})
    msg = assert_refused(capsys, tmp_path, folder, "articles.csv",
                         "none of its 2 articles could be read (a.txt is empty; b.txt looks like a binary file")
    assert "fix the files as each reason says" in msg


def test_no_page_left_with_one_fix_names_it(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": "\n", "b.txt": "  "})
    assert_refused(capsys, tmp_path, folder, "articles.csv", "none of its 2 articles could be read (a.txt is empty; "
                   "b.txt is empty); paste the article text into it or remove its row from articles.csv")


def test_good_folder_skips_nothing(tmp_path, capsys):
    folder = make_folder(tmp_path)
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(tmp_path / "out")])
    assert code == 0 and "left out" not in err
    skipped = read_table(tmp_path / "out" / "skipped.csv")
    assert list(skipped.columns) == list(SKIPPED_COLUMNS) and skipped.empty
    assert load_corpus(folder, strict=True).skipped.empty


# --- one page: left out, or refused with --strict ----------------------------------------------------------


def test_listed_file_missing(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "b.txt").unlink()
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "not found", "check the file column")


def test_listed_file_is_a_folder(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "b.txt").unlink()
    (folder / "b.txt").mkdir()
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "is a folder, not a file", "check the file")


@pytest.mark.parametrize("content", ["", "\n\n   \n", "\ufeff"])
def test_empty_file(tmp_path, capsys, content):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": content})
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "is empty", "paste the article text into it")


def test_file_with_only_page_furniture(tmp_path, capsys):
    chrome = "Home | World | Sport\n\nSubscribe\n\nShare this article\n\nLog in or register\n\n\u00a9 Reuters\n"
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": chrome})
    row = assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"),
                         "has no article paragraphs, only page furniture (5 lines: ", "check that it holds the "
                         "article text")
    assert "lines.csv" not in row["fix"]  # no pointer to a table that holds no line of a page left out
    assert "page_rules.csv in the articles folder (see data/README.md)" in row["fix"]
    assert (Path(__file__).parents[1] / "data" / "README.md").is_file()


def test_page_with_one_paragraph_is_not_furniture(tmp_path):
    page = ("Home | World | Sport\n\nSubscribe\n\n"
            "The harbour reopened on Tuesday after a week of repairs, the port said.\n")
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": page})
    c = load_corpus(folder, strict=True)
    assert c.skipped.empty and "b" in c.texts


def test_binary_file(tmp_path, capsys):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": png})
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "looks like a binary file, not text",
                   "save the article as plain text")


def test_binary_file_without_nul_bytes(tmp_path, capsys):
    noise = bytes([7, 8, 27, 1, 2, 3, 65, 66]) * 200  # valid ASCII, but control characters throughout
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": noise})
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "looks like a binary file, not text",
                   "save the article as plain text")


def test_utf16_file_without_encoding(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": STORM_B.encode("utf-16")})
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "is UTF-16 text",
                   "save it as UTF-8 or put utf-16 in the encoding column")


def test_utf16_file_with_encoding_loads(tmp_path):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Valley Courier,b.txt,,,,en,utf-16\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": STORM_B.encode("utf-16")})
    assert load_corpus(folder).texts["b"] == STORM_B


def test_huge_file_left_out_by_size_before_reading(tmp_path, capsys):
    folder = make_folder(tmp_path)
    with open(folder / "b.txt", "wb") as fh:  # 50 MB, sparse: no data is actually written
        fh.truncate(50_000_000)
    row = assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"),
                         "is 50.0 MB; the suite reads articles up to 5 MB", "split it")
    assert "binary" not in row["reason"]  # left out by its size, so its (NUL) content was never read


def test_huge_text_file_written_at_once(tmp_path):
    folder = make_folder(tmp_path)
    (folder / "b.txt").write_bytes(b"The storm closed the road. " * (MAX_ARTICLE_BYTES // 27 + 10))
    with pytest.raises(FramingInputError, match=r"is 5\.0 MB; the suite reads articles up to 5 MB"):
        load_corpus(folder, strict=True)
    assert load_corpus(folder).skipped["reason"].str.startswith("is 5.0 MB").all()


def test_text_file_just_under_the_limit_loads(tmp_path):
    folder = make_folder(tmp_path)
    text = "Storm Talks Go On\n\n" + "The storm closed the road. " * 1000 + "\n"
    (folder / "b.txt").write_text(text, encoding="utf-8")
    assert len(text) < MAX_ARTICLE_BYTES and load_corpus(folder, strict=True).skipped.empty


@pytest.mark.parametrize("listed", ["../../etc/passwd", "/etc/passwd", "sub/../../outside.txt", "..\\..\\x.txt"])
def test_file_path_escaping_the_folder(tmp_path, capsys, listed):
    folder = make_folder(tmp_path)
    (tmp_path / "outside.txt").write_text(STORM_B, encoding="utf-8")
    rows = HEADER + f"a,Coastal Herald,a.txt,,,,en\nb,Valley Courier,{listed},,,,en\n"
    (folder / "articles.csv").write_text(rows, encoding="utf-8")
    reason = f"file {listed!r} is an absolute path" if listed.startswith("/") else (
        f"file {listed!r} points outside the articles folder")
    assert_skipped(capsys, tmp_path, folder, "articles.csv", reason,
                   "give the file name relative" if listed.startswith("/") else "move the file into the folder")


def test_symlink_escaping_the_folder(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (tmp_path / "outside.txt").write_text(STORM_B, encoding="utf-8")
    (folder / "b.txt").unlink()
    (folder / "b.txt").symlink_to(tmp_path / "outside.txt")
    assert_skipped(capsys, tmp_path, folder, "articles.csv", "file 'b.txt' links to a place outside the articles "
                   "folder", "copy the file into the folder")


def test_file_in_a_subfolder_is_fine(tmp_path):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A})
    (folder / "pages").mkdir()
    (folder / "pages" / "b.txt").write_text(STORM_B, encoding="utf-8")
    rows = HEADER + "a,Coastal Herald,a.txt,,,,en\nb,Valley Courier,pages/b.txt,,,,en\n"
    (folder / "articles.csv").write_text(rows, encoding="utf-8")
    assert load_corpus(folder, strict=True).texts["b"] == STORM_B


# --- encodings ---------------------------------------------------------------------------------------------

RUSSIAN = (
    "\u0428\u0442\u043e\u0440\u043c \u0437\u0430\u043a\u0440\u044b\u043b \u043f\u0440\u0438\u0431\u0440\u0435"
    "\u0436\u043d\u0443\u044e \u0434\u043e\u0440\u043e\u0433\u0443 \u043d\u0430 \u0434\u0432\u0430 \u0434\u043d"
    "\u044f\n\n"
    "\u0412 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a \u0448\u0442\u043e\u0440\u043c "
    "\u0437\u0430\u043a\u0440\u044b\u043b \u0434\u043e\u0440\u043e\u0433\u0443 \u0432\u0434\u043e\u043b\u044c "
    "\u043f\u043e\u0431\u0435\u0440\u0435\u0436\u044c\u044f, \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 "
    "\u0447\u0438\u043d\u043e\u0432\u043d\u0438\u043a\u0438.\n"
)
FRENCH = (
    "La temp\u00eate ferme la route c\u00f4ti\u00e8re\n\n"
    "La temp\u00eate a ferm\u00e9 la route c\u00f4ti\u00e8re lundi, selon les autorit\u00e9s de la r\u00e9gion.\n"
)


def test_cp1251_without_encoding_column_is_left_out(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": RUSSIAN.encode("cp1251")})
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "is not UTF-8",
                   "save it as UTF-8 or name its encoding (e.g. cp1251) in an encoding column")


def test_latin1_without_encoding_column_is_left_out(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": FRENCH.encode("latin-1")})
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "is not UTF-8", "save it as UTF-8 or name")


def test_unknown_encoding_name(tmp_path, capsys):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Valley Courier,b.txt,,,,en,klingon-8\n"
    folder = make_folder(tmp_path, rows=rows)
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "has an unknown encoding 'klingon-8' in "
                   "articles.csv", "use a name such as utf-8")


def test_wrong_encoding_name(tmp_path, capsys):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Valley Courier,b.txt,,,,en,ascii\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": FRENCH.encode("latin-1")})
    assert_skipped(capsys, tmp_path, folder, str(folder / "b.txt"), "cannot be decoded as 'ascii'",
                   "fix the encoding column")


def test_cp1251_with_encoding_column_loads(tmp_path):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Izvestia,b.txt,,,,ru,cp1251\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": RUSSIAN.encode("cp1251")})
    c = load_corpus(folder, strict=True)
    assert c.texts["b"] == RUSSIAN
    body = c.sentences[c.sentences.article_id == "b"]
    assert list(body.role) == ["headline", "body"]
    assert body.text.iloc[1].startswith("\u0412 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c")
    assert any("b.txt: not in English (its language column in articles.csv is 'ru')" in n for n in c.notices)
    assert list(c.non_english["article_id"]) == ["b"] and list(c.non_english["source"]) == ["articles.csv"]
    assert "encoding" not in c.articles.columns


def test_latin1_with_encoding_column_loads(tmp_path):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Le Courrier,b.txt,,,,fr,latin-1\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": FRENCH.encode("latin-1")})
    c = load_corpus(folder, strict=True)
    assert c.texts["b"] == FRENCH
    assert "route c\u00f4ti\u00e8re lundi" in c.sentences.set_index("sentence_id").loc["b-002", "text"]
    assert any("b.txt: not in English (its language column in articles.csv is 'fr')" in n for n in c.notices)


def test_russian_text_labelled_english_loads_with_notice(tmp_path):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": RUSSIAN})
    c = load_corpus(folder)
    assert (c.sentences.article_id == "b").sum() == 2  # kept as text, not dropped as foreign labels
    notes = [n for n in c.notices if "b.txt" in n]
    assert len(notes) == 1 and "not in English (its text looks Russian: " in notes[0]
    assert "although its language column is 'en'" in notes[0]
    assert list(c.non_english["source"]) == ["text"]


def test_french_text_labelled_english_loads_with_notice(tmp_path):
    french = "\n\n".join([FRENCH.strip()] + [
        "Les habitants de la c\u00f4te ont re\u00e7u un message des pompiers avant minuit.",
        "Selon la mairie, les \u00e9coles resteront ouvertes malgr\u00e9 les vents tr\u00e8s violents.",
        "Les \u00e9quipes municipales commenceront les travaux mercredi matin, si possible.",
    ]) + "\n"
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": french})
    c = load_corpus(folder)
    notes = [n for n in c.notices if "b.txt" in n]
    assert len(notes) == 1 and "not in English (its text looks French" in notes[0]
    assert list(c.non_english["language"]) == ["fr"]
    assert not [n for n in c.notices if "a.txt" in n]  # the English article gets no such notice


def test_english_articles_get_no_language_notice():
    c = load_corpus(Path(__file__).parent.parent / "data" / "raw" / "spief-2021-06-04")
    assert c.notices == [] and c.non_english.empty and c.skipped.empty


# --- hostile text, single outlet ---------------------------------------------------------------------------


def test_hostile_text_in_a_txt_file_stays_literal(tmp_path):
    hostile = (
        "Storm Closes the Coastal Road <script>alert(1)</script>\n\n"
        "The storm closed the road <img src=x onerror=alert(1)> on Monday, officials said.\n\n"
        "Smith &amp; Sons said the repairs cost &pound;2,000 &#8212; \"a lot\" for the town.\n"
    )
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": hostile})
    c = load_corpus(folder)
    assert c.texts["b"] == hostile
    sents = list(c.sentences[c.sentences.article_id == "b"].text)
    assert sents == [
        "Storm Closes the Coastal Road <script>alert(1)</script>",
        "The storm closed the road <img src=x onerror=alert(1)> on Monday, officials said.",
        "Smith &amp; Sons said the repairs cost &pound;2,000 &#8212; \"a lot\" for the town.",
    ]
    assert not [n for n in c.notices if "web page" in n]


def test_single_outlet_loads_with_notice(tmp_path, capsys):
    rows = HEADER + "a,Coastal Herald,a.txt,,,,en\nb,Coastal Herald,b.txt,,,,en\n"
    folder = make_folder(tmp_path, rows=rows)
    c = load_corpus(folder)
    assert c.outlets == ["Coastal Herald"]
    assert [n for n in c.notices if "comparative measures need at least two outlets" in n]
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(tmp_path / "out")])
    assert code == 0 and "framing: notice: " in err and "two outlets" in err


def test_same_file_listed_twice_gives_notice(tmp_path):
    rows = HEADER + "a,Coastal Herald,a.txt,,,,en\nb,Valley Courier,./a.txt,,,,en\n"
    c = load_corpus(make_folder(tmp_path, rows=rows))
    assert [n for n in c.notices if "a.txt is listed for both a and b" in n]


def test_notices_are_one_line(tmp_path):
    (tmp_path / "x").mkdir()
    weird = tmp_path / "x" / "line\nbreak"
    weird.mkdir()
    folder = make_folder(weird, rows=HEADER + "a,Coastal Herald,a.txt,,,,fr\nb,Coastal Herald,b.txt,,,,en\n")
    c = load_corpus(folder)
    assert c.notices and all("\n" not in n for n in c.notices)
    (folder / "b.txt").unlink()
    c = load_corpus(folder)
    assert [n for n in c.notices if "left out of the analysis" in n and "line\\nbreak" in n]
    assert all("\n" not in n for n in c.notices)
    with pytest.raises(FramingInputError) as info:
        load_corpus(folder, strict=True)
    assert "\n" not in str(info.value) and "line\\nbreak" in str(info.value)


# --- output folders ----------------------------------------------------------------------------------------


def test_output_path_is_an_existing_file(tmp_path, capsys):
    folder = make_folder(tmp_path)
    target = tmp_path / "report.csv"
    target.write_text("keep me\n", encoding="utf-8")
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(target)])
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert str(target) in err and "is an existing file, not a folder; choose a folder for the output" in err
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_output_path_under_a_file(tmp_path, capsys):
    folder = make_folder(tmp_path)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep me\n", encoding="utf-8")
    out = blocker / "tables"
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(out)])
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert str(out) in err and f"cannot be created: {blocker} is a file" in err
    assert blocker.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_output_path_that_cannot_be_written(tmp_path, capsys):
    folder = make_folder(tmp_path)
    out = Path("/proc/framing-tables")
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(out)])
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert str(out) in err and "cannot be written" in err and "choose another output folder" in err
    assert not out.exists()


@pytest.mark.parametrize("inside", [".", "tables", "sub/tables"])
def test_output_inside_the_input_folder_is_refused(tmp_path, capsys, inside):
    folder = make_folder(tmp_path)
    before = snapshot(folder)
    out = folder / inside
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(out)])
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "is inside the articles folder" in err and "write the output somewhere else" in err
    assert snapshot(folder) == before and sorted(p.name for p in folder.iterdir()) == ["a.txt", "articles.csv",
                                                                                     "b.txt"]


def test_check_output_dir_creates_nothing(tmp_path):
    out = tmp_path / "deep" / "er" / "out"
    check_output_dir(out)
    assert list(tmp_path.iterdir()) == []


def test_full_run_never_writes_to_the_input_folder(tmp_path, capsys):
    folder = make_folder(tmp_path)
    before = snapshot(folder)
    listing = sorted(os.listdir(folder))
    dir_mtime = folder.stat().st_mtime_ns
    code, _ = run_cli(capsys, ["analyze", str(folder), "--out", str(tmp_path / "out")])
    assert code == 0
    assert snapshot(folder) == before
    assert sorted(os.listdir(folder)) == listing and folder.stat().st_mtime_ns == dir_mtime


# --- atomic writes -----------------------------------------------------------------------------------------


def _tables(tag: str) -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame({"table": [name], "run": [tag]}) for name in ("articles", "lines", "sentences")}


def _failing_to_csv(monkeypatch, fail_on: int) -> None:
    real = pd.DataFrame.to_csv
    calls = {"n": 0}

    def to_csv(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == fail_on:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)


def test_failure_in_the_middle_keeps_previous_tables(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_tables(_tables("first"), out)
    before = snapshot(out)
    _failing_to_csv(monkeypatch, fail_on=2)
    with pytest.raises(FramingInputError, match="No space left on device"):
        write_tables(_tables("second"), out)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "articles.csv", "lines.csv", "sentences.csv"]
    assert (out / "articles.csv").read_text(encoding="utf-8") == "table,run\narticles,first\n"


def test_failure_in_a_new_folder_leaves_nothing(tmp_path, monkeypatch):
    out = tmp_path / "new" / "out"
    _failing_to_csv(monkeypatch, fail_on=2)
    with pytest.raises(FramingInputError):
        write_tables(_tables("second"), out)
    assert list(tmp_path.iterdir()) == []


def test_failure_through_the_cli_is_one_line(tmp_path, monkeypatch, capsys):
    folder = make_folder(tmp_path)
    out = tmp_path / "out"
    _failing_to_csv(monkeypatch, fail_on=2)
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(out)])
    assert code == 2
    assert err.strip().splitlines()[-1] == (f"framing: error: {out}: cannot be written (No space left on device); "
                                            "free some space or choose another output folder")
    assert not out.exists()


def test_successful_write_replaces_every_table(tmp_path):
    out = tmp_path / "out"
    write_tables(_tables("first"), out)
    written = write_tables(_tables("second"), out)
    assert [p.name for p in written] == ["articles.csv", "lines.csv", "sentences.csv"]
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "articles.csv", "lines.csv", "sentences.csv"]
    assert all(p.read_text(encoding="utf-8").endswith(",second\n") for p in written)


# --- very long paragraphs ----------------------------------------------------------------------------------

NEWS = ("The minister said on Friday that talks with U.S. officials went \u201cvery well.\u201d Mr. Smith agreed. "
        "Talks in St. Petersburg end on Jan. 26 at 10 a.m. Moscow time! Will they resume? Nobody knows. ")


def test_page_captured_as_one_long_line_loads(tmp_path):
    n = 300_000 // len(NEWS)
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": "Storm Talks Go On\n\n" + NEWS * n + "\n"})
    t0 = time.perf_counter()
    c = load_corpus(folder)
    assert time.perf_counter() - t0 < 60
    body = c.sentences[(c.sentences.article_id == "b") & (c.sentences.role == "body")]
    assert len(body) == 5 * n  # five sentences per repeat, none lost or merged at the window cuts
    assert set(body.text) == {
        "The minister said on Friday that talks with U.S. officials went \u201cvery well.\u201d", "Mr. Smith agreed.",
        "Talks in St. Petersburg end on Jan. 26 at 10 a.m. Moscow time!", "Will they resume?", "Nobody knows.",
    }


def test_windows_do_not_change_sentences(monkeypatch):
    import framing.load.sentences as sentences

    text = NEWS * 300
    whole = sentences.split_sentences(text)
    for window in (997, 5_000):
        monkeypatch.setattr(sentences, "WINDOW", window)
        assert sentences.split_sentences(text) == whole
