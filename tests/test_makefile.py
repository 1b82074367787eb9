"""The Makefile passes folder names to the suite exactly, whatever characters they hold."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from framing.core import paths

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")

RECORDER = """#!{python}
import json, os, sys
with open(os.environ["RECORD_TO"], "w", encoding="utf-8", errors="surrogateescape") as f:
    json.dump(sys.argv[1:], f)
"""


def run_make(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, list[str] | None]:
    """Run a make target with the suite replaced by a program that records its arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name in ("framing", "python"):
        (bin_dir / name).write_text(RECORDER.format(python=sys.executable), encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    stamp = tmp_path / "stamp"
    stamp.touch()
    record = tmp_path / "argv.json"
    run = subprocess.run(["make", "-s", "-C", str(paths.REPO_ROOT), *args, f"BIN={bin_dir}", f"STAMP={stamp}"],
                         capture_output=True, cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "RECORD_TO": str(record)})
    argv = json.loads(record.read_text(encoding="utf-8", errors="surrogateescape")) if record.exists() else None
    return run, argv


@pytest.mark.parametrize("articles, reports", [
    ("my articles/event 1", "class reports"),
    ("a;touch PWNED", "r'q\"s"),
    ("cost $HOME $(id) `id`", "out&&touch PWNED"),
    ("data/raw/spief-2021-06-04", "reports"),
])
def test_report_passes_folder_names_unchanged(tmp_path, articles, reports):
    run, argv = run_make(tmp_path, "report", f"ARTICLES={articles}", f"REPORTS={reports}")
    assert run.returncode == 0, run.stderr
    assert argv == ["report", articles, "--out", reports]
    assert not list(tmp_path.glob("PWNED")) and not (paths.REPO_ROOT / "PWNED").exists()


def test_default_folders(tmp_path):
    run, argv = run_make(tmp_path, "report")
    assert run.returncode == 0, run.stderr
    assert argv == ["report", "data/raw/spief-2021-06-04", "--out", "reports"]


def test_non_utf8_folder_name_is_passed_as_bytes(tmp_path):
    name = b"caf\xe9 event".decode("utf-8", "surrogateescape")
    run, argv = run_make(tmp_path, "report", f"ARTICLES={name}")
    assert run.returncode == 0, run.stderr
    assert argv is not None and argv[1].encode("utf-8", "surrogateescape") == b"caf\xe9 event"


def test_clean_removes_only_a_folder_framing_wrote(tmp_path):
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter.txt").write_text("keep", encoding="utf-8")
    run, _ = run_make(tmp_path, "clean", f"REPORTS={mine}")
    assert run.returncode == 0, run.stderr
    assert (mine / "chapter.txt").read_text(encoding="utf-8") == "keep"
    built = tmp_path / "built reports"
    built.mkdir()
    (built / ".framing-output.json").write_text(json.dumps({"made_by": "framing", "entries": []}))
    run, _ = run_make(tmp_path, "clean", f"REPORTS={built}")
    assert run.returncode == 0 and not built.exists()
