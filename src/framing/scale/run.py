"""One corpus run: read in chunks, map on local processes or a Dask cluster, keep finished chunks, reduce, write.

:func:`run_corpus` reads the articles chunk by chunk (:mod:`framing.scale.inputs`), sends each chunk to
:func:`framing.scale.chunks.map_chunk` (in this process, on ``workers`` local processes, or on the Dask
cluster at ``scheduler``), and keeps each finished chunk's result in a work folder.  At most a few chunks
per worker are read ahead, so memory stays bounded by the chunk size, not the corpus.  While the map runs,
each finished chunk's row tables go, in chunk order, to their Parquet files in the staging folder of the
output; when every chunk is done, the reduce step (:mod:`framing.scale.reduce`) builds the per-outlet tables,
and every table appears in the output folder at once (:class:`framing.core.outputs.OutputFolder`).

Work folder.  Beside the output folder, named ``.framing-work-<output name>-<key>``, where the key is a
SHA-256 over the suite's version and code, the input (the bytes of a table file; for an articles folder the
names and bytes of its files) and the settings that change results (chunk size, languages, bootstrap and
permutation counts).  It holds a marker ``.framing-work.json`` (made by the suite, with the key) and one
file per finished chunk.  A run with the same key resumes from it (finished chunks are not redone); a run
with another key never reads it.  It is removed once the tables are written.

Tables.  Row tables (``lines, sentences, quotes, cues, sentiment, sentiment_drivers``, and
``article_units``: each article's numerator and denominator of every summary measure, the units the summary
resamples) are written as Parquet, partitioned by outlet: ``<name>/outlet=<outlet>/part-0.parquet`` (the
outlet percent-encoded; ``pandas.read_parquet("<out>/<name>")`` reads them back with the ``outlet`` column);
rows come in input order within each outlet.  The per-outlet and per-article tables are CSV.  Alignment
(content units) and the differences drawn from it are event-mode work and are not computed.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.scale import inputs
from framing.scale.chunks import ChunkResult, Settings, map_chunk

WORK_MARKER = ".framing-work.json"
WORK_PREFIX = ".framing-work-"
#: Row tables written as Parquet partitioned by outlet.
PARQUET_TABLES = ("lines", "sentences", "quotes", "cues", "sentiment", "sentiment_drivers", "article_units")
#: Articles per chunk by default.
CHUNK_SIZE = 100
EVENT_ONLY_NOTICE = ("content units, coverage, renderings, headline framing and the differences between outlets "
                     "are event-mode work and are not computed in corpus mode; run framing analyze on one event's "
                     "articles for them")


@dataclass
class CorpusRun:
    """What a corpus run wrote: the output folder, the tables by name, counts and notices."""

    out: Path
    tables: list[str] = field(default_factory=list)
    n_articles: int = 0
    n_skipped: int = 0
    n_excluded: int = 0
    resumed_chunks: int = 0
    notices: list[str] = field(default_factory=list)


def _package_digest(digest) -> None:
    from framing import __version__

    digest.update(f"framing {__version__} pandas {pd.__version__}\n".encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        if path.suffix in (".py", ".csv"):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def run_key(source: inputs.Source, settings: dict) -> str:
    """SHA-256 of what a run's results depend on: the suite's code, the input's bytes and the settings."""
    digest = hashlib.sha256()
    _package_digest(digest)
    digest.update(json.dumps(settings, sort_keys=True).encode())
    root = source.path.resolve()
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
    for path in files:
        digest.update(f"{path.relative_to(root).as_posix() if root.is_dir() else path.name}\0".encode(
            "utf-8", "surrogateescape"))
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):  # noqa: B023
                digest.update(block)
    return digest.hexdigest()


class WorkFolder:
    """The work folder of one run (see the module notes): finished chunks, kept until the tables are written."""

    def __init__(self, out: Path, key: str) -> None:
        out = Path(out).resolve()
        self.path = out.parent / f"{WORK_PREFIX}{out.name}-{key[:16]}"
        self.key = key

    def open(self) -> int:
        """Create or reuse the folder; returns how many finished chunks it already holds."""
        marker = self.path / WORK_MARKER
        if self.path.exists():
            try:
                data = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            if data.get("made_by") != "framing" or data.get("key") != self.key:
                from framing.core.errors import FramingInputError

                raise FramingInputError(self.path, "is in the way and was not written by this run; move it away")
            return len(self.done())
        self.path.mkdir(parents=True)
        marker.write_text(json.dumps({"made_by": "framing", "kind": "corpus-work", "key": self.key}) + "\n",
                          encoding="utf-8")
        return 0

    def _chunk(self, index: int) -> Path:
        return self.path / f"chunk-{index:07d}.pickle"

    def done(self) -> set[int]:
        return {int(p.stem.split("-")[1]) for p in self.path.glob("chunk-*.pickle")}

    def save(self, result: ChunkResult) -> None:
        tmp = self.path / f".tmp-{result.index}"
        with open(tmp, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self._chunk(result.index))

    def load(self, index: int) -> ChunkResult:
        with open(self._chunk(index), "rb") as fh:
            return pickle.load(fh)

    def remove(self) -> None:
        if (self.path / WORK_MARKER).is_file():
            shutil.rmtree(self.path, ignore_errors=True)


def _progress(total: int | None, desc: str, show: bool | None, unit: str = "article"):
    from tqdm import tqdm

    disable = not (show if show is not None else sys.stderr.isatty())
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=disable, dynamic_ncols=True,
                mininterval=0.5)


class _Inline:
    """An executor that runs each task at once in this process (one worker)."""

    def submit(self, fn, *args):
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed to the caller through the future
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True) -> None:
        pass


def _executor(workers: int, scheduler: str | None):
    """``(executor, slots, close)``: where chunks run, how many may be in flight, and how to let go."""
    if scheduler:
        from distributed import Client

        client = Client(scheduler, set_as_default=False)
        n = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        executor = client.get_executor(pure=False)
        return executor, 2 * n, client.close
    if workers <= 1:
        return _Inline(), 1, lambda: None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where the system has it: the workers start at once with the suite already imported
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_warm)
    return executor, 2 * workers, lambda: executor.shutdown(wait=True, cancel_futures=True)


def _warm() -> None:
    """Load the models and word lists once per worker process."""
    from framing.load.sentences import split_sentences
    from framing.measures.sentiment import load_analyzer

    split_sentences("Models load here. Not per chunk.")
    load_analyzer()


def _settings_for(source: inputs.Source, *, all_languages: bool) -> Settings:
    from framing.core import paths
    from framing.load import cleaning
    from framing.load.corpus import read_actors

    rules = None
    actors = None
    if source.kind == "folder":
        if (source.path / "page_rules.csv").is_file():
            rules = cleaning.load_rules([source.path / "page_rules.csv", paths.PAGE_RULES_FILE])
        actors = read_actors(source.path)
    return Settings(all_languages=all_languages, rules=rules, actors=actors)


def map_all(source: inputs.Source, work: WorkFolder, settings: Settings, on_result, *, chunk_size: int,
            workers: int, scheduler: str | None, progress: bool | None) -> list[tuple[str, str, str, str]]:
    """Map every chunk not yet in ``work`` and hand every chunk's result to ``on_result``, in chunk order.

    Chunks finished by an earlier run are read back from ``work`` instead of mapped again.  Returns the rows
    the reader left out (before the map).
    """
    skipped: list[tuple[str, str, str, str]] = []
    done = work.done()
    executor, slots, close = _executor(workers, scheduler)
    bar = _progress(source.n_articles, "articles", progress)
    pending: deque = deque()  # (future, whether its result is new) in chunk order

    def finish() -> None:
        future, new = pending.popleft()
        result = future.result()
        if new:
            work.save(result)
        on_result(result)
        bar.update(result.n_articles)

    try:
        for index, chunk in enumerate(inputs.chunked(inputs.records(source, skipped), chunk_size)):
            if index in done:
                pending.append((_Inline().submit(work.load, index), False))
            else:
                pending.append((executor.submit(map_chunk, index, chunk, settings), True))
            while len(pending) >= slots:
                finish()
        while pending:
            finish()
    finally:
        for future, _new in pending:
            future.cancel()
        bar.close()
        close()
    return skipped


class _Partitioned:
    """Writer of one row table as ``root/outlet=<outlet>/part-0.parquet`` files, appended chunk by chunk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir()
        self.writers: dict = {}
        self.schema = None

    def write(self, table: pd.DataFrame, outlet_of) -> None:
        """Append ``table``'s rows to the part of each one's outlet (``outlet_of``, one value per row), in order.

        The table is turned into Arrow once; each outlet's rows are then taken out of it by position.
        """
        import urllib.parse

        import numpy as np
        import pyarrow as pa
        import pyarrow.parquet as pq

        batch = pa.Table.from_pandas(table.drop(columns=["outlet"], errors="ignore"), preserve_index=False)
        if self.schema is None:
            self.schema = batch.schema
        if batch.schema != self.schema:
            batch = batch.cast(self.schema)
        codes, outlets = pd.factorize(np.asarray(outlet_of, dtype=object))  # in order of first appearance
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(outlets) + 1))
        for k, outlet in enumerate(outlets):
            if outlet not in self.writers:
                part = self.root / f"outlet={urllib.parse.quote(str(outlet), safe='')}"
                part.mkdir()
                self.writers[outlet] = pq.ParquetWriter(part / "part-0.parquet", self.schema)
            self.writers[outlet].write_table(batch.take(order[bounds[k]:bounds[k + 1]]))

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


class _Reducer:
    """The reduce step (see the module notes), fed each finished chunk in chunk order while the map runs.

    :meth:`add` sends a chunk's row tables to their Parquet files at once and keeps its small tables and term
    counts; :meth:`finish` builds and writes the per-outlet tables when every chunk is in.
    """

    SMALL = ("articles", "excluded", "cue_counts", "article_units", "actor_parts", "source_parts")

    def __init__(self, staging: Path) -> None:
        self.staging = staging
        self.small: dict[str, list[pd.DataFrame]] = {name: [] for name in self.SMALL}
        self.term_parts: list[pd.DataFrame] = []
        self.skipped: list[tuple[str, str, str, str]] = []
        self.writers = {name: _Partitioned(staging / name) for name in PARQUET_TABLES}

    def add(self, result: ChunkResult) -> None:
        from framing.measures.speakers import combine_source_parts
        from framing.scale import reduce

        self.skipped.extend(result.skipped)
        for name, parts in self.small.items():
            if name in result.tables:
                parts.append(result.tables[name])
        if not result.tables:  # every article of the chunk was left out
            return
        self.term_parts.append(result.tables["term_counts"])
        if len(self.term_parts) >= 32:  # keep the term counts summed as they come: memory of one vocabulary
            self.term_parts = [reduce.sum_term_counts(self.term_parts)]
        if len(self.small["source_parts"]) >= 32:  # and the speakers' sums: one row per outlet and speaker
            self.small["source_parts"] = [combine_source_parts(self.small["source_parts"])]
        arts = result.tables["articles"]
        outlet_of_article = dict(zip(arts["article_id"], arts["outlet"]))
        for name, writer in self.writers.items():
            table = result.tables[name]
            outlet_of = (table["outlet"] if "outlet" in table.columns
                         else table["article_id"].map(outlet_of_article)).to_numpy()
            writer.write(table, outlet_of)

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()

    def finish(self, skipped_before: list, *, n_boot: int, n_perm: int, exact_text: bool,
               progress: bool | None) -> CorpusRun:
        """Build and write every per-outlet table; ``skipped_before`` are the rows the reader left out."""
        from framing.core.outputs import write_table_files
        from framing.core.vocabulary import EXCLUDED_COLUMNS
        from framing.measures.speakers import sources_from_parts
        from framing.scale import reduce

        self.close()
        small, staging = self.small, self.staging
        skipped = [*skipped_before, *self.skipped]
        articles = pd.concat(small["articles"], ignore_index=True) if small["articles"] else pd.DataFrame()
        if articles.empty:
            from framing.core.errors import FramingInputError

            raise FramingInputError(staging, f"none of the {len(skipped)} articles could be read; fix them as "
                                    "each reason says")
        tables: dict[str, pd.DataFrame] = {"articles": articles}
        bar = _progress(4, "tables", progress, unit="table")
        outlets = sorted(set(articles["outlet"]))
        counts = reduce.sum_term_counts(self.term_parts)
        measured = sorted(set(counts["outlet"])) if len(counts) else []
        tables["terms"] = reduce.terms_from_counts(counts, measured)
        bar.update()
        tables["cue_rates"] = reduce.cue_rates_from_counts(small["cue_counts"])
        bar.update()
        tables["sources"] = sources_from_parts(small["source_parts"])
        bar.update()
        units = pd.concat(small["article_units"], ignore_index=True)
        tables["summary"] = reduce.article_summary(units, n_boot=n_boot, n_perm=n_perm)
        bar.update()
        if small["actor_parts"]:
            tables["actor_sentiment"] = reduce.actor_sentiment_from_parts(small["actor_parts"])
        tables["skipped"] = inputs.skipped_frame(skipped)
        excluded = [e for e in small["excluded"] if len(e)]
        tables["excluded"] = (pd.concat(excluded, ignore_index=True) if excluded
                              else pd.DataFrame(columns=list(EXCLUDED_COLUMNS)))
        bar.close()
        write_table_files(tables, staging, exact_text=exact_text)
        run = CorpusRun(out=staging, tables=[*tables, *PARQUET_TABLES], n_articles=len(articles),
                        n_skipped=len(skipped), n_excluded=tables["excluded"]["article_id"].nunique())
        if len(outlets) == 1:
            run.notices.append(f"every article is from one outlet ({outlets[0]}); comparative measures need at "
                               "least two outlets")
        return run


def run_corpus(input_path: str | Path, out: str | Path, *, columns: str | dict | None = None,
               workers: int | None = None, scheduler: str | None = None, chunk_size: int = CHUNK_SIZE,
               all_languages: bool = False, n_boot: int = 2000, n_perm: int = 2000, exact_text: bool = False,
               progress: bool | None = None, on_notice=None) -> CorpusRun:
    """Analyse a large corpus and write its tables into ``out`` (see the module notes).

    Parameters
    ----------
    input_path : str or Path
        An articles folder, or a table file (CSV, JSON Lines, Parquet) with one article per row.
    out : str or Path
        The output folder (rules of :class:`framing.core.outputs.OutputFolder`).
    columns : str or dict, optional
        Column mapping of a table file (:func:`framing.scale.inputs.parse_columns`).
    workers : int, optional
        Local processes for the map (default: the machine's cores; 1 runs in this process).
    scheduler : str, optional
        Address of a Dask scheduler (``tcp://host:8786``); the map then runs on its workers.
    chunk_size : int
        Articles per chunk (part of the work folder's key: results do not depend on it, up to rounding).
    n_boot, n_perm : int
        Bootstrap resamples and permutations of ``summary``.
    progress : bool, optional
        Show progress bars on stderr (default: only when stderr is a terminal).
    on_notice : callable, optional
        Called with each one-line notice as it arises.
    """
    from framing.core.outputs import OutputFolder, check_output_dir

    say = on_notice or (lambda _msg: None)
    source = inputs.open_source(input_path, columns=columns)
    check_output_dir(out, inputs=(source.path,) if source.kind == "folder" else ())
    key = run_key(source, {"chunk_size": chunk_size, "all_languages": all_languages, "n_boot": n_boot,
                           "n_perm": n_perm, "columns": source.columns, "exact_text": exact_text})
    output = OutputFolder(out, kind="tables", inputs=(source.path,) if source.kind == "folder" else ())
    work = WorkFolder(Path(out), key)
    resumed = work.open()
    if resumed:
        say(f"resuming from {work.path}: {resumed} chunk(s) already done")
    settings = _settings_for(source, all_languages=all_languages)
    workers = (os.cpu_count() or 1) if workers is None else workers
    with output as staging:
        reducer = _Reducer(staging)
        try:
            skipped = map_all(source, work, settings, reducer.add, chunk_size=chunk_size, workers=workers,
                              scheduler=scheduler, progress=progress)
        finally:
            reducer.close()
        result = reducer.finish(skipped, n_boot=n_boot, n_perm=n_perm, exact_text=exact_text, progress=progress)
    result.out = output.given
    result.resumed_chunks = resumed
    work.remove()
    result.notices.append(EVENT_ONLY_NOTICE)
    for notice in result.notices:
        say(notice)
    return result
