"""JupyterLab and the notebook check: running and saving a notebook never fails the suite.

* Saving a notebook under ``notebooks/`` through the project's Jupyter settings strips its outputs,
  execution counts and widget state; every other file is saved as it is.
* ``framing.notebooks check`` reads the version in git when the folder is a git checkout, so outputs
  only in a working file pass and committed outputs fail, also in a fresh clone.
* ``make lab`` prints one line with the URL to open, and JupyterLab's own log stays quiet.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from framing.notebooks import main, strip_on_save

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = REPO_ROOT / "jupyter-config"
GIT_ENV_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def notebook(*, outputs: bool) -> dict:
    """A small nbformat-4 notebook with a parameters cell; with ``outputs``, as a run in JupyterLab leaves it."""
    cells = [
        {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Title"]},
        {"cell_type": "code", "id": "params", "metadata": {"tags": ["parameters"]}, "source": ["ARTICLES_DIR = None"],
         "outputs": [], "execution_count": None},
        {"cell_type": "code", "id": "sum", "metadata": {}, "source": ["1 + 1"], "outputs": [], "execution_count": None},
    ]
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                      "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    if outputs:
        for count, cell in enumerate(cells[1:], start=1):
            cell["execution_count"] = count
            cell["metadata"]["execution"] = {"iopub.execute_input": "2026-11-30T10:00:00.000Z"}
        cells[2]["outputs"] = [{"output_type": "execute_result", "execution_count": 2, "metadata": {},
                                "data": {"text/plain": ["2"]}}]
        nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2,
                                                                                  "version_minor": 0}}
    return nb


def assert_stripped(nb: dict) -> None:
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["outputs"] for c in code] == [[], []]
    assert [c["execution_count"] for c in code] == [None, None]
    assert all("execution" not in c["metadata"] for c in nb["cells"])
    assert "widgets" not in nb["metadata"]


# --- the pre-save hook -------------------------------------------------------------------------------------------

def test_saving_a_project_notebook_strips_outputs_counts_and_widget_state():
    model = {"type": "notebook", "format": "json", "content": notebook(outputs=True)}
    strip_on_save(model=model, path="notebooks/01-term-salience.ipynb", contents_manager=None)
    nb = model["content"]
    assert_stripped(nb)
    assert nb["cells"][1]["metadata"] == {"tags": ["parameters"]}
    assert [c["source"] for c in nb["cells"]] == [c["source"] for c in notebook(outputs=False)["cells"]]
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", [
    "scratch.ipynb",
    "data/notebooks/01-copy.ipynb",
    "notebooks-old/01-term-salience.ipynb",
    "notebooks/../scratch.ipynb",
])
def test_saving_a_notebook_outside_the_project_folder_keeps_it_as_it_is(path):
    model = {"type": "notebook", "format": "json", "content": notebook(outputs=True)}
    strip_on_save(model=model, path=path, contents_manager=None)
    assert model["content"] == notebook(outputs=True)


def test_saving_a_text_file_in_the_project_folder_keeps_it_as_it_is():
    model = {"type": "file", "format": "text", "content": '{"outputs": [1]}'}
    strip_on_save(model=model, path="notebooks/notes.ipynb", contents_manager=None)
    assert model["content"] == '{"outputs": [1]}'


# --- the check reads what git holds ------------------------------------------------------------------------------

def write(path: Path, nb: dict) -> None:
    path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository in ``tmp_path/project`` with an empty ``notebooks/`` folder."""
    for name in GIT_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    project = tmp_path / "project"
    (project / "notebooks").mkdir(parents=True)
    git(project, "init", "-q")
    return project


def check(folder: Path, capsys) -> tuple[int, str]:
    status = main(["check", str(folder)])
    return status, capsys.readouterr().err


@needs_git
def test_committed_outputs_fail_even_when_the_working_file_is_clean(repo, tmp_path, capsys):
    nb_path = repo / "notebooks" / "01-a.ipynb"
    write(nb_path, notebook(outputs=True))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "notebook with outputs")
    write(nb_path, notebook(outputs=False))
    status, err = check(repo / "notebooks", capsys)
    assert status == 1
    assert "01-a.ipynb (the version in git): committed with outputs" in err and "git add" in err
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    status, err = check(clone / "notebooks", capsys)
    assert status == 1 and "01-a.ipynb (the version in git): committed with outputs" in err


@needs_git
def test_outputs_only_in_the_working_file_pass(repo, capsys):
    nb_path = repo / "notebooks" / "01-a.ipynb"
    write(nb_path, notebook(outputs=False))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "clean notebook")
    write(nb_path, notebook(outputs=True))
    assert check(repo / "notebooks", capsys) == (0, "")


@needs_git
def test_staged_outputs_fail(repo, capsys):
    nb_path = repo / "notebooks" / "01-a.ipynb"
    write(nb_path, notebook(outputs=False))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "clean notebook")
    write(nb_path, notebook(outputs=True))
    git(repo, "add", "-A")
    write(nb_path, notebook(outputs=False))
    status, err = check(repo / "notebooks", capsys)
    assert status == 1 and "committed with outputs" in err


@needs_git
def test_a_notebook_git_does_not_track_yet_is_checked_as_its_file(repo, capsys):
    write(repo / "notebooks" / "01-a.ipynb", notebook(outputs=False))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "clean notebook")
    write(repo / "notebooks" / "02-new.ipynb", notebook(outputs=True))
    status, err = check(repo / "notebooks", capsys)
    assert status == 1
    assert "02-new.ipynb: committed with outputs" in err and "01-a.ipynb" not in err


@pytest.mark.parametrize("outputs, status", [(True, 1), (False, 0)])
def test_outside_git_the_working_files_are_checked(tmp_path, monkeypatch, capsys, outputs, status):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = tmp_path / "notebooks"
    folder.mkdir()
    write(folder / "01-a.ipynb", notebook(outputs=outputs))
    got, err = check(folder, capsys)
    assert got == status
    assert ("committed with outputs" in err) is outputs


@pytest.mark.parametrize("trace", ["outputs", "execution_count", "widgets"])
def test_each_trace_of_a_run_fails_the_check(tmp_path, monkeypatch, capsys, trace):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    nb = notebook(outputs=False)
    if trace == "widgets":
        nb["metadata"]["widgets"] = notebook(outputs=True)["metadata"]["widgets"]
    else:
        nb["cells"][2][trace] = notebook(outputs=True)["cells"][2][trace]
    (tmp_path / "notebooks").mkdir()
    write(tmp_path / "notebooks" / "01-a.ipynb", nb)
    status, err = check(tmp_path / "notebooks", capsys)
    assert status == 1 and "01-a.ipynb: committed with outputs" in err


# --- JupyterLab with the project's settings ----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url: str, *, token: str | None = None, method: str = "GET", body: dict | None = None) -> int:
    """The HTTP status of one request to a local Jupyter server."""
    headers = {"Content-Type": "application/json"} | ({"Authorization": f"token {token}"} if token else {})
    data = json.dumps(body).encode("utf-8") if body is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers, method=method),
                                    timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for(base: str, token: str, proc: subprocess.Popen, timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab exited with status {proc.returncode}")
        try:
            if request(f"{base}/api/status", token=token) == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"JupyterLab did not answer on {base} within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    """Stop the server's whole process group: SIGTERM, then SIGKILL after 10 s."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def jupyter_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a test server: its own empty user config and runtime folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    own = {"JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-user"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    return env | own | extra


def test_jupyterlab_saves_project_notebooks_without_outputs(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    name = sorted(p.name for p in (root / "notebooks").glob("[0-9][0-9]-*.ipynb"))[0]
    port, token = free_port(), "project-settings-test"
    env = jupyter_env(tmp_path, JUPYTER_TOKEN=token, JUPYTER_CONFIG_PATH=str(CONFIG_DIR))
    proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                             f"--port={port}", "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}",
                             "--ServerApp.log_level=WARN"],
                            cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, token, proc)
        for path in (f"notebooks/{name}", "scratch.ipynb"):
            body = {"type": "notebook", "format": "json", "content": notebook(outputs=True)}
            assert request(f"{base}/api/contents/{path}", token=token, method="PUT", body=body) in (200, 201)
    finally:
        stop(proc)
    assert_stripped(json.loads((root / "notebooks" / name).read_text(encoding="utf-8")))
    outside = json.loads((root / "scratch.ipynb").read_text(encoding="utf-8"))
    assert outside["cells"][2]["outputs"] and outside["metadata"]["widgets"]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_lab_prints_one_line_with_the_url_to_open(tmp_path):
    port = free_port()
    stamp = tmp_path / "stamp"
    stamp.touch()
    proc = subprocess.Popen(["make", "-s", "-C", str(REPO_ROOT), "lab", f"PORT={port}", f"STAMP={stamp}",
                             f"BIN={Path(sys.executable).parent}"],
                            cwd=tmp_path, env=jupyter_env(tmp_path), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        with selectors.DefaultSelector() as waiting:
            waiting.register(proc.stdout, selectors.EVENT_READ)
            if not waiting.select(timeout=30):
                pytest.fail("make lab printed nothing on stdout within 30 s")
        line = proc.stdout.readline().strip()
        prefix, url_start = "Open ", f"http://127.0.0.1:{port}/lab?token="
        assert line.startswith(prefix + url_start) and line.endswith(" in your browser (Ctrl-C stops JupyterLab)")
        token = line[len(prefix + url_start):].split()[0]
        assert len(token) >= 32
        base = f"http://127.0.0.1:{port}"
        wait_for(base, token, proc)
        assert request(f"{base}/api/status") == 403
    finally:
        stop(proc)
    assert proc.stdout.read() == ""
    log = proc.stderr.read()
    assert not [ln for ln in log.splitlines() if "[I " in ln], log
