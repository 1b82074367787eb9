"""Corpus mode on a Dask cluster: a local ``dask scheduler`` and two ``dask worker`` processes give the tables
of a single-process run, row for row."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from test_corpusmode import _assert_identical, _tables, make_folder  # noqa: E402

from framing.scale import run  # noqa: E402

DASK = Path(sys.executable).with_name("dask")

pytestmark = pytest.mark.cluster


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two single-threaded workers on this machine; yields the scheduler's address."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed beside this Python")
    scheduler_file = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    common = ["--no-dashboard"]
    procs = [subprocess.Popen([str(DASK), "scheduler", "--scheduler-file", str(scheduler_file), "--port", "0",
                               "--host", "127.0.0.1", *common], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=env)]
    try:
        deadline = time.monotonic() + 30
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        for _ in range(2):
            procs.append(subprocess.Popen([str(DASK), "worker", "--scheduler-file", str(scheduler_file),
                                           "--nthreads", "1", "--no-nanny", "--host", "127.0.0.1", *common],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
        from distributed import Client

        with Client(scheduler_file=str(scheduler_file), timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
            address = client.scheduler.address
        yield address
    finally:
        for proc in procs[1:]:  # the workers hold nothing worth a graceful close
            proc.kill()
        procs[0].terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_dask_cluster_single_process_and_local_workers_give_identical_tables(cluster, tmp_path):
    folder = tmp_path / "articles"
    make_folder(folder, n=9, seed=11)
    outs = {name: tmp_path / name for name in ("single", "local", "dask")}
    options = {"chunk_size": 3, "n_boot": 100, "n_perm": 100, "progress": False}
    run.run_corpus(folder, outs["single"], workers=1, **options)
    run.run_corpus(folder, outs["local"], workers=2, **options)
    run.run_corpus(folder, outs["dask"], scheduler=cluster, **options)
    single = _tables(outs["single"])
    _assert_identical(_tables(outs["local"]), single)
    _assert_identical(_tables(outs["dask"]), single)
    assert not list(tmp_path.glob(".framing-work-*"))
