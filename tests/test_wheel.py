"""An installed wheel (not an editable checkout) finds its data and analyses the seed event."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from framing.core import paths


def run(*cmd, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kwargs)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the suite installed from its wheel; the dependencies come from this one."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"  # a copy, so that no build folder left in the checkout takes part
    shutil.copytree(paths.REPO_ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(paths.REPO_ROOT / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", root / "dist",
        source)
    wheel = next((root / "dist").glob("framing-*.whl"))
    venv = root / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    # The dependencies, not the suite: a path line adds this environment's packages, and the .pth files there
    # (which would put the checkout on the path) are not read from a folder added this way.
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel)
    return venv


def test_wheel_holds_the_package_data(installed):
    python = installed / "bin" / "python"
    where = run(python, "-c", "import framing, framing.core.paths as p; print(framing.__file__); "
                "print(sorted(x.name for x in p.LEXICON_DIR.iterdir())); print(p.PAGE_RULES_FILE.is_file())",
                cwd=installed).stdout.splitlines()
    assert where[0].startswith(str(installed)), where[0]
    assert where[1] == ("['cues_en.csv', 'cues_speech_en.csv', 'evaluative_en.csv', 'paraphrases_en.csv', "
                        "'stopwords_en.csv']")
    assert where[2] == "True"


def test_installed_wheel_analyses_the_seed_event_like_the_checkout(installed, tmp_path):
    out = tmp_path / "installed"
    run(installed / "bin" / "framing", "analyze", paths.SEED_EVENT_DIR, "--out", out, cwd=tmp_path)
    here = tmp_path / "checkout"
    run(sys.executable, "-m", "framing.cli", "analyze", paths.SEED_EVENT_DIR, "--out", here, cwd=tmp_path)
    names = sorted(p.name for p in here.iterdir())
    assert "cues.csv" in names and names == sorted(p.name for p in out.iterdir())
    for name in names:
        assert (out / name).read_bytes() == (here / name).read_bytes(), name
