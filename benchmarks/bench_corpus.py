"""Time ``framing corpus`` on generated corpora: throughput, scaling, memory, one process against two workers.

Each run is ``framing corpus FOLDER --out OUT`` as a fresh process (tables written, work folder removed),
inside a small wrapper process whose ``getrusage(RUSAGE_CHILDREN)`` gives the peak memory of the run
(the largest of the command and its worker processes).  Corpora come from the generator of
``bench_analyze.py`` (sentences of the seed articles shuffled into new articles, fixed seed).

Prints, for each size (default 2,000 and 20,000 articles): seconds, articles per minute and peak memory;
then the time ratio of the largest to the smallest size against the ratio of their sizes, and at the
smallest size the time of one process against two workers.

With ``--scattertext-python PATH`` (an interpreter that has Scattertext, which this suite does not depend on),
it also times ``scattertext_baseline.py`` (Scattertext's corpus build, scaled F-scores and informative-prior
log-odds for every outlet) on the smallest corpus, interleaved with the corpus run, and prints the ratio.

Usage: ``python benchmarks/bench_corpus.py [--sizes 2000,20000] [--workers 2] [--outlets 4] [--profile]
[--scattertext-python PATH] [--dask] [--rounds 2]``

``--varied`` builds the articles from sentences made of parts (speakers, reporting verbs, topics, hedges),
nearly all different, instead of the seed event's sentences shuffled, so that no step gains from repeated text.
``--dask`` starts a local ``dask scheduler`` and two single-threaded ``dask worker`` processes and times a run
sent to them (``--scheduler``) against one process, in turn.

``--profile`` runs the per-article work of one chunk of 200 articles under cProfile and prints the
functions with the most time of their own and the most time in all.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

WRAPPER = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - t0
if done.returncode:
    sys.stderr.write(done.stderr)
    raise SystemExit(done.returncode)
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": use.ru_utime + use.ru_stime, "peak_mb": use.ru_maxrss / 1024}))
"""


def timed_run(folder: Path, out: Path, workers: int) -> dict:
    cmd = [sys.executable, "-m", "framing.cli", "corpus", str(folder), "--out", str(out), "--workers", str(workers)]
    done = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"framing corpus failed on {folder}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def local_cluster(tmp: Path, n_workers: int = 2):
    """A ``dask scheduler`` and ``n_workers`` single-threaded ``dask worker`` processes on this machine."""
    from distributed import Client

    dask = Path(sys.executable).with_name("dask")
    scheduler_file = tmp / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([str(dask), "scheduler", "--scheduler-file", str(scheduler_file), "--port", "0",
                               "--host", "127.0.0.1", "--no-dashboard"], **quiet)]
    try:
        deadline = time.monotonic() + 30
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        for _ in range(n_workers):
            procs.append(subprocess.Popen([str(dask), "worker", "--scheduler-file", str(scheduler_file), "--nthreads",
                                           "1", "--no-nanny", "--host", "127.0.0.1", "--no-dashboard"], **quiet))
        with Client(scheduler_file=str(scheduler_file), timeout=30) as client:
            client.wait_for_workers(n_workers, timeout=60)
            address = client.scheduler.address
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def against_dask(folder: Path, tmp: Path, rounds: int, n: int) -> None:
    """One process against a local scheduler with two workers, in turn, ``rounds`` times each."""
    import statistics

    one, cluster = [], []
    with local_cluster(tmp) as address:
        for r in range(rounds):
            one.append(timed_run(folder, tmp / f"one-{r}", 1))
            cmd = [sys.executable, "-m", "framing.cli", "corpus", str(folder), "--out", str(tmp / f"dask-{r}"),
                   "--scheduler", address]
            cluster.append(timed_command(cmd))
    a = statistics.median(x["seconds"] for x in one)
    b = statistics.median(x["seconds"] for x in cluster)
    print(f"\nDask on {n:,} articles ({rounds} round(s), medians): one process {a:.1f} s, a local scheduler with two "
          f"workers {b:.1f} s: {a / b:.2f} x the single-process throughput (target: >= 1.6 x)")


def vader_floor(out: Path, n: int) -> None:
    """The time vaderSentiment alone takes to score the sentences of a finished run, on one core."""
    import pandas as pd
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts = pd.read_parquet(out / "sentences", columns=["text"])["text"].tolist()
    vader = SentimentIntensityAnalyzer()
    t0 = time.process_time()
    for text in texts:
        vader.polarity_scores(text)
    seconds = time.process_time() - t0
    print(f"\nvaderSentiment alone on the {len(texts):,} sentences of {n:,} articles: {seconds:.1f} cpu s, "
          f"{1000 * seconds / n:.1f} ms an article, at most {60 * n / seconds:,.0f} articles a minute on one core")


def timed_command(cmd: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{cmd[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def against_scattertext(folder: Path, tmp: Path, python: str, workers: int, rounds: int, n: int) -> None:
    """Scattertext's baseline and the corpus run on the same folder, in turn, ``rounds`` times each."""
    import statistics

    baseline = [python, str(HERE / "scattertext_baseline.py"), str(folder), str(tmp / "scattertext-out")]
    ours = {w: [] for w in sorted({1, workers})}
    theirs = []
    for r in range(rounds):
        theirs.append(timed_command(baseline))
        for w in ours:
            ours[w].append(timed_run(folder, tmp / f"vs-{w}-{r}", w))
    st = statistics.median(x["seconds"] for x in theirs)
    st_mb = max(x["peak_mb"] for x in theirs)
    print(f"\nside by side on {n:,} articles ({rounds} round(s), medians):")
    print(f"  Scattertext corpus build + scaled F-scores + log-odds: {st:.1f} s, peak {st_mb:,.0f} MB")
    for w, runs in ours.items():
        sec = statistics.median(x["seconds"] for x in runs)
        print(f"  framing corpus, {w} worker(s): {sec:.1f} s, peak {max(x['peak_mb'] for x in runs):,.0f} MB; "
              f"{sec / st:.2f} x Scattertext's time")


def profile(folder: Path, n: int = 200) -> None:
    import cProfile
    import pstats

    from framing.load.sentences import split_sentences
    from framing.measures.sentiment import load_analyzer
    from framing.scale import chunks, inputs

    split_sentences("Models load here. Not in the profile.")
    load_analyzer()
    records = list(inputs.records(inputs.open_source(folder), []))[:n]
    chunks.map_chunk(0, records[:5], chunks.Settings())
    prof = cProfile.Profile()
    prof.enable()
    chunks.map_chunk(0, records, chunks.Settings())
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout)
    print(f"\nper-article work of {len(records)} articles under cProfile, by own time:")
    stats.sort_stats("tottime").print_stats(15)
    print("by time in all (the measures' entry points):")
    stats.sort_stats("cumulative").print_stats(25)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--outlets", type=int, default=4)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--scattertext-python", default=None)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--dask", action="store_true")
    ap.add_argument("--varied", action="store_true", help="articles of sentences nearly all different")
    args = ap.parse_args()
    from bench_analyze import make_corpus

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folders = {}
        for n in sizes:
            folders[n] = tmp / f"corpus-{n}"
            folders[n].mkdir()
            make_corpus(folders[n], n, args.outlets, varied=args.varied)
        results = {}
        print(f"framing corpus, {args.workers} workers (a fresh process per run; indicative on a shared machine):")
        print("   articles    seconds   articles/min   cpu seconds   peak memory")
        for n in sizes:
            r = timed_run(folders[n], tmp / f"out-{n}", args.workers)
            results[n] = r
            print(f"  {n:9,} {r['seconds']:10.1f} {60 * n / r['seconds']:14,.0f} {r['cpu']:13.1f} "
                  f"{r['peak_mb']:10,.0f} MB")
        if len(sizes) > 1:
            small, large = min(sizes), max(sizes)
            ratio = results[large]["seconds"] / results[small]["seconds"]
            print(f"time {large:,} / {small:,} articles: {ratio:.2f} x for {large / small:.0f} x the articles "
                  f"(target: <= {1.1 * large / small:.0f} x)")
        small = min(sizes)
        one = timed_run(folders[small], tmp / f"out-{small}-one", 1)
        speedup = one["seconds"] / results[small]["seconds"]
        print(f"one process at {small:,} articles: {one['seconds']:.1f} s, {one['cpu']:.1f} cpu s "
              f"({60 * small / one['seconds']:,.0f} articles/min, peak {one['peak_mb']:,.0f} MB); "
              f"{args.workers} workers take {1 / speedup:.2f} x its time ({speedup:.2f} x its throughput)")
        vader_floor(tmp / f"out-{small}-one", small)
        if args.scattertext_python:
            against_scattertext(folders[small], tmp, args.scattertext_python, args.workers, args.rounds, small)
        if args.dask:
            against_dask(folders[small], tmp, args.rounds, small)
        if args.profile:
            profile(folders[small])


if __name__ == "__main__":
    main()
