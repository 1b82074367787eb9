"""Bad input: every case is refused with one line naming the file and the fix, or loads with a notice.

Each refusal is checked twice, through ``framing analyze`` (exit status 2, one line on stderr, the output
folder neither created nor changed) and through :func:`framing.load.corpus.load_corpus`.
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
from framing.core.outputs import MARKER, check_output_dir, write_tables
from framing.load.corpus import MAX_ARTICLE_BYTES, load_corpus

FIXTURES = Path(__file__).parent / "fixtures"

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


def assert_refused(capsys, tmp_path: Path, folder: Path, names: str, fix: str) -> str:
    """Refused through the CLI (new and existing output folder) and through load_corpus; returns the message."""
    before = snapshot(folder)
    out = tmp_path / "out-new"
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(out)])
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("framing: error: ")
    assert names in lines[0] and fix in lines[0], lines[0]
    assert not out.exists()

    existing = tmp_path / "out-old"  # the tables of an earlier run stay as they were
    write_tables({"articles": pd.DataFrame({"table": ["old"]})}, existing)
    old = snapshot(existing)
    code, err2 = run_cli(capsys, ["analyze", str(folder), "--out", str(existing)])
    assert code == 2 and err2 == err
    assert snapshot(existing) == old
    assert sorted(p.name for p in existing.iterdir()) == [MARKER, "articles.csv"]

    with pytest.raises(FramingInputError) as info:
        load_corpus(folder)
    assert "\n" not in str(info.value)
    assert f"framing: error: {info.value}" == lines[0]
    assert snapshot(folder) == before  # the input folder is never written to
    return lines[0]


# --- refusals ----------------------------------------------------------------------------------------------


def test_missing_articles_csv(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "articles.csv").unlink()
    assert_refused(capsys, tmp_path, folder, "articles.csv", "every articles folder needs an articles.csv")


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


def test_listed_file_missing(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "b.txt").unlink()
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "not found; check the file column")


def test_listed_file_is_a_folder(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "b.txt").unlink()
    (folder / "b.txt").mkdir()
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "is a folder, not a file")


@pytest.mark.parametrize("content", ["", "\n\n   \n", "\ufeff"])
def test_empty_file(tmp_path, capsys, content):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": content})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "is empty; paste the article text into it")


def test_file_with_only_page_chrome(tmp_path, capsys):
    chrome = "Home | World | Sport\n\nSubscribe\n\nShare this article\n\nLog in or register\n\n\u00a9 Reuters\n"
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": chrome})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "has no article paragraphs, only page furniture")


def test_binary_file(tmp_path, capsys):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": png})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "looks like a binary file, not text")


def test_binary_file_without_nul_bytes(tmp_path, capsys):
    noise = bytes([7, 8, 27, 1, 2, 3, 65, 66]) * 200  # valid ASCII, but control characters throughout
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": noise})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "looks like a binary file, not text")


def test_utf16_file_without_encoding(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": STORM_B.encode("utf-16")})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "put utf-16 in the encoding column")


def test_utf16_file_with_encoding_loads(tmp_path):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Valley Courier,b.txt,,,,en,utf-16\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": STORM_B.encode("utf-16")})
    assert load_corpus(folder).texts["b"] == STORM_B


def test_huge_file_refused_by_size_before_reading(tmp_path, capsys):
    folder = make_folder(tmp_path)
    with open(folder / "b.txt", "wb") as fh:  # 50 MB, sparse: no data is actually written
        fh.truncate(50_000_000)
    t0 = time.perf_counter()
    msg = assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"),
                         "is 50.0 MB; the suite reads articles up to 5 MB; split it")
    assert time.perf_counter() - t0 < 10
    assert "binary" not in msg  # refused by its size, so its (NUL) content was never read


def test_huge_text_file_written_at_once(tmp_path):
    folder = make_folder(tmp_path)
    (folder / "b.txt").write_bytes(b"The storm closed the road. " * (MAX_ARTICLE_BYTES // 27 + 10))
    with pytest.raises(FramingInputError, match=r"is 5\.0 MB; the suite reads articles up to 5 MB"):
        load_corpus(folder)


@pytest.mark.parametrize("listed", ["../../etc/passwd", "/etc/passwd", "sub/../../outside.txt", "..\\..\\x.txt"])
def test_file_path_escaping_the_folder(tmp_path, capsys, listed):
    folder = make_folder(tmp_path)
    (tmp_path / "outside.txt").write_text(STORM_B, encoding="utf-8")
    rows = HEADER + f"a,Coastal Herald,a.txt,,,,en\nb,Valley Courier,{listed},,,,en\n"
    (folder / "articles.csv").write_text(rows, encoding="utf-8")
    fix = "is an absolute path" if listed.startswith("/") else "points outside the articles folder"
    assert_refused(capsys, tmp_path, folder, "articles.csv", fix)


def test_symlink_escaping_the_folder(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (tmp_path / "outside.txt").write_text(STORM_B, encoding="utf-8")
    (folder / "b.txt").unlink()
    (folder / "b.txt").symlink_to(tmp_path / "outside.txt")
    assert_refused(capsys, tmp_path, folder, "articles.csv", "links to a place outside the articles folder")


def test_file_in_a_subfolder_is_fine(tmp_path):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A})
    (folder / "pages").mkdir()
    (folder / "pages" / "b.txt").write_text(STORM_B, encoding="utf-8")
    rows = HEADER + "a,Coastal Herald,a.txt,,,,en\nb,Valley Courier,pages/b.txt,,,,en\n"
    (folder / "articles.csv").write_text(rows, encoding="utf-8")
    assert load_corpus(folder).texts["b"] == STORM_B


def test_bad_page_rules(tmp_path, capsys):
    folder = make_folder(tmp_path)
    (folder / "page_rules.csv").write_text("outlet,pattern,role,reason\n,([unclosed,chrome,broken\n",
                                           encoding="utf-8")
    assert_refused(capsys, tmp_path, folder, "page_rules.csv", "row 2: bad pattern")
    (folder / "page_rules.csv").write_text("outlet,pattern,role,reason\n,,chrome,matches everything\n",
                                           encoding="utf-8")
    shutil.rmtree(tmp_path / "out-old")
    assert_refused(capsys, tmp_path, folder, "page_rules.csv", "empty pattern, which would match every line")


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


def test_cp1251_without_encoding_column_is_refused(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": RUSSIAN.encode("cp1251")})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"),
                   "is not UTF-8; save it as UTF-8 or name its encoding (e.g. cp1251) in an encoding column")


def test_latin1_without_encoding_column_is_refused(tmp_path, capsys):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": FRENCH.encode("latin-1")})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "is not UTF-8; save it as UTF-8 or name")


def test_unknown_encoding_name(tmp_path, capsys):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Valley Courier,b.txt,,,,en,klingon-8\n"
    folder = make_folder(tmp_path, rows=rows)
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "unknown encoding 'klingon-8' in articles.csv")


def test_wrong_encoding_name(tmp_path, capsys):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Valley Courier,b.txt,,,,en,ascii\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": FRENCH.encode("latin-1")})
    assert_refused(capsys, tmp_path, folder, str(folder / "b.txt"), "cannot be decoded as 'ascii'")


def test_cp1251_with_encoding_column_loads(tmp_path):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Izvestia,b.txt,,,,ru,cp1251\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": RUSSIAN.encode("cp1251")})
    c = load_corpus(folder)
    assert c.texts["b"] == RUSSIAN
    body = c.sentences[c.sentences.article_id == "b"]
    assert list(body.role) == ["headline", "body"]
    assert body.text.iloc[1].startswith("\u0412 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c")
    assert any("lexicons are English; hedging and sentiment for b.txt are not meaningful" in n for n in c.notices)
    assert "encoding" not in c.articles.columns


def test_latin1_with_encoding_column_loads(tmp_path):
    rows = HEADER.strip() + ",encoding\na,Coastal Herald,a.txt,,,,en,\nb,Le Courrier,b.txt,,,,fr,latin-1\n"
    folder = make_folder(tmp_path, rows=rows, files={"a.txt": STORM_A, "b.txt": FRENCH.encode("latin-1")})
    c = load_corpus(folder)
    assert c.texts["b"] == FRENCH
    assert "route c\u00f4ti\u00e8re lundi" in c.sentences.set_index("sentence_id").loc["b-002", "text"]
    assert any("hedging and sentiment for b.txt are not meaningful (language is 'fr')" in n for n in c.notices)


def test_russian_text_labelled_english_loads_with_notice(tmp_path):
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": RUSSIAN})
    c = load_corpus(folder)
    assert (c.sentences.article_id == "b").sum() == 2  # kept as text, not dropped as foreign labels
    notes = [n for n in c.notices if "b.txt" in n]
    assert len(notes) == 1 and "most letters are not Latin script" in notes[0]


def test_french_text_labelled_english_loads_with_notice(tmp_path):
    french = "\n\n".join([FRENCH.strip()] + [
        "Les habitants de la c\u00f4te ont re\u00e7u un message des pompiers avant minuit.",
        "Selon la mairie, les \u00e9coles resteront ouvertes malgr\u00e9 les vents tr\u00e8s violents.",
        "Les \u00e9quipes municipales commenceront les travaux mercredi matin, si possible.",
    ]) + "\n"
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": french})
    c = load_corpus(folder)
    notes = [n for n in c.notices if "b.txt" in n]
    assert len(notes) == 1 and "very few English function words" in notes[0]
    assert not [n for n in c.notices if "a.txt" in n]  # the English article gets no such notice


def test_english_articles_get_no_language_notice():
    c = load_corpus(Path(__file__).parent.parent / "data" / "raw" / "spief-2021-06-04")
    assert c.notices == []


# --- web pages, hostile text, single outlet ----------------------------------------------------------------


def test_saved_web_page_is_extracted_with_notice(tmp_path, capsys):
    folder = FIXTURES / "html_page"
    c = load_corpus(folder)
    text = c.texts["herald"]
    assert "<" not in text and "track(" not in text and "font-family" not in text
    assert "enable JavaScript" not in text and "template" not in text
    assert "Smith & Sons Lane" in text  # entities unescaped in HTML files
    assert "\u201cWe had no choice,\u201d the mayor told reporters at the town\u00a0hall." in text
    sents = list(c.sentences[c.sentences.article_id == "herald"].text)
    assert sents == [
        "Storm Closes the Coastal Road for Two Days",
        "The storm closed the coastal road on Monday, officials said.",
        "\u201cWe had no choice,\u201d the mayor told reporters at the town\u00a0hall.",
        "Crews will reopen it on Wednesday, she said.",
        "Residents of Smith & Sons Lane were told to stay indoors.",
        "Schools across the district stayed open.",
    ]
    for row in c.sentences.itertuples():  # offsets refer to the extracted text
        assert c.texts[row.article_id][row.start:row.end] == row.text
    assert [n for n in c.notices if "herald.html" in n and "saved web page" in n]
    assert c.texts["courier"] == (folder / "courier.txt").read_text(encoding="utf-8")

    before = snapshot(folder)
    code, err = run_cli(capsys, ["analyze", str(folder), "--out", str(tmp_path / "out")])
    assert code == 0
    assert "framing: notice: " in err and "herald.html: is a saved web page" in err
    assert snapshot(folder) == before


def test_html_content_in_a_txt_file_is_a_web_page(tmp_path):
    page = ("<!doctype html><html><body><h1>Storm Closes the Coastal Road</h1>"
            "<p>The storm closed the road on Monday, officials said.</p></body></html>")
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.txt": page})
    c = load_corpus(folder)
    assert c.texts["b"] == "Storm Closes the Coastal Road\n\nThe storm closed the road on Monday, officials said.\n"


def test_web_page_without_text(tmp_path, capsys):
    page = "<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>"
    folder = make_folder(tmp_path, files={"a.txt": STORM_A, "b.html": page})
    rows = HEADER + "a,Coastal Herald,a.txt,,,,en\nb,Valley Courier,b.html,,,,en\n"
    (folder / "articles.csv").write_text(rows, encoding="utf-8")
    assert_refused(capsys, tmp_path, folder, str(folder / "b.html"), "is a web page without any text")


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
    with pytest.raises(FramingInputError) as info:
        load_corpus(folder)
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
