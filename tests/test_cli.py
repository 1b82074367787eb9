"""The command line: fast help, tables written, byte-identical reruns, clean errors."""

from __future__ import annotations

import subprocess
import sys

from framing.cli import main
from framing.core import paths

SEED = paths.SEED_EVENT_DIR


def test_help_imports_nothing_heavy():
    code = ("import sys; from framing.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'nltk', 'sklearn', 'matplotlib', 'numpy') if m in sys.modules]\n"
            "print('HEAVY:' + ','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_analyze_writes_tables_twice_identically(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["analyze", str(SEED), "--out", str(a)]) == 0
    assert main(["analyze", str(SEED), "--out", str(b)]) == 0
    names = sorted(p.name for p in a.iterdir())
    assert {"articles.csv", "lines.csv", "sentences.csv"} <= set(names)
    assert names == sorted(p.name for p in b.iterdir())
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n
    header = (a / "sentences.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "article_id,outlet,sentence_id,paragraph,role,voice,start,end,text"
    lines_header = (a / "lines.csv").read_text(encoding="utf-8").splitlines()[:2]
    assert lines_header[0] == "article_id,line_no,role,is_body,reason"
    assert lines_header[1].split(",")[3] in ("true", "false")


def test_missing_folder_is_one_line_error(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "nope"), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nope" in err
    assert not out.exists()


def test_analyze_writes_the_skipped_and_excluded_tables_even_when_empty(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(SEED), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert (out / "skipped.csv").read_text(encoding="utf-8") == "article_id,file,reason,fix\n"
    assert (out / "excluded.csv").read_text(encoding="utf-8") == (
        "article_id,outlet,file,language,source,measure,reason\n")
    assert "left out" not in err and "not in English" not in err


def test_help_names_the_new_command_and_flags(capsys):
    import pytest

    for argv, words in ((["--help"], ["init ARTICLES_DIR", "skipped.csv", "excluded.csv", "--strict",
                                      "--all-languages"]),
                        (["analyze", "--help"], ["--strict", "--all-languages"]),
                        (["report", "--help"], ["--strict"]),
                        (["init", "--help"], ["articles_dir"])):
        with pytest.raises(SystemExit):
            main(argv)
        text = capsys.readouterr().out
        assert all(w in text for w in words), (argv, text)


STORM = "Storm Closes the Coastal Road\n\nThe storm closed the coastal road on Monday, officials said.\n"
GERMAN = ("Sturm sperrt die K\u00fcstenstra\u00dfe\n\nDie Beh\u00f6rden haben die Stra\u00dfe an der K\u00fcste am "
          "Montag gesperrt, nachdem hohe Wellen die Ufermauer erreicht hatten, und die Arbeiten sollen am Mittwoch "
          "beginnen.\n")


def _folder(tmp_path, files):
    folder = tmp_path / "event"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    rows = "".join(f"{name[0]},Outlet {name[0].upper()},{name},\n" for name in files)
    (folder / "articles.csv").write_text("article_id,outlet,file,published\n" + rows, encoding="utf-8")
    return folder


def test_analyze_says_what_it_left_out(tmp_path, capsys):
    folder = _folder(tmp_path, {"a.txt": STORM, "b.txt": STORM.replace("coastal", "harbour"), "d.txt": GERMAN,
                                "e.txt": ""})
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"framing: left out 1 of 4 articles that could not be read; {out / 'skipped.csv'} lists each with its " \
           "fix (--strict refuses such a folder instead)" in err
    assert f"framing: left 1 article(s) not in English out of salience, cues, sentiment, summary; " \
           f"{out / 'excluded.csv'} says why (--all-languages keeps them in)" in err
    assert (out / "skipped.csv").read_text(encoding="utf-8").splitlines()[1].startswith("e,e.txt,is empty,")
    assert (out / "excluded.csv").read_text(encoding="utf-8").count("\nd,Outlet D,d.txt,de,text,") == 4

    again = tmp_path / "all"
    assert main(["analyze", str(folder), "--out", str(again), "--all-languages"]) == 0
    err = capsys.readouterr().err
    assert "not in English out of" not in err and "framing: notice: all languages asked for" in err
    assert (again / "excluded.csv").read_text(encoding="utf-8").count("\n") == 1


def test_strict_refuses_a_folder_with_a_bad_page(tmp_path, capsys):
    folder = _folder(tmp_path, {"a.txt": STORM, "e.txt": ""})
    for command in (["analyze", str(folder), "--out", str(tmp_path / "out")],
                    ["report", str(folder), "--out", str(tmp_path / "reports")]):
        assert main([*command, "--strict"]) == 2
        err = capsys.readouterr().err.strip()
        assert err == (f"framing: error: {folder / 'e.txt'}: is empty; paste the article text into it or remove its "
                       "row from articles.csv")
    assert not (tmp_path / "out").exists() and not (tmp_path / "reports").exists()


def test_report_builds_unless_strict_refuses(tmp_path, capsys, monkeypatch):
    import framing.build

    built = []
    monkeypatch.setattr(framing.build, "build_all_reports", lambda folder, output, progress=None: built.append(folder))
    good = _folder(tmp_path, {"a.txt": STORM, "b.txt": STORM.replace("coastal", "harbour")})
    assert main(["report", str(good), "--out", str(tmp_path / "r1"), "--strict"]) == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    _folder(bad, {"a.txt": STORM, "e.txt": ""})
    assert main(["report", str(bad / "event"), "--out", str(tmp_path / "r2")]) == 0  # the page is left out later
    assert built == [good, bad / "event"]
