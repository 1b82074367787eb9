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
