"""The whole analysis of one articles folder, as the CLI and the notebooks run it."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.core.vocabulary import CATEGORIES, CUE_RATE, MEAN_COMPOUND, RATE_VOICES, SHARE_NEGATIVE
from framing.load.corpus import Corpus, load_corpus
from framing.measures.cues import cue_rates, find_cues
from framing.measures.salience import term_table
from framing.measures.sentiment import actor_sentiment, score_sentences
from framing.measures.speakers import find_quotes, sentence_voices, source_table, with_reported_voice
from framing.measures.uncertainty import summarise


@dataclass
class Analysis:
    """Every table of one articles folder: typed attributes (``analysis.cues``), or by output file name
    (``analysis.tables["cues"]``, ``analysis["cues"]``; without ``.csv``)."""

    corpus: Corpus
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: The articles the measures built on English word lists read (salience, cues, sentiment, summary): the
    #: corpus without the articles of ``excluded`` (the whole corpus when nothing is excluded).
    measured: Corpus | None = None

    @property
    def notices(self) -> list[str]:
        return self.corpus.notices

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def articles(self) -> pd.DataFrame:
        """One row per article: the metadata, ``n_sentences``, ``n_tokens``."""
        return self.tables["articles"]

    @property
    def lines(self) -> pd.DataFrame:
        """One row per raw line: ``article_id, line_no, role, is_body, reason``."""
        return self.tables["lines"]

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence, with offsets into the raw file (see :class:`framing.load.corpus.Corpus`)."""
        return self.tables["sentences"]

    @property
    def terms(self) -> pd.DataFrame:
        """One row per outlet x term: counts, rates, log-odds z and the largest z the term could reach, G² (with
        Williams's correction), Fisher's exact p, log ratio."""
        return self.tables["terms"]

    @property
    def cues(self) -> pd.DataFrame:
        """One row per cue (hedge, booster, distancing, attribution, scare quote) with its sentence and voice."""
        return self.tables["cues"]

    @property
    def cue_rates(self) -> pd.DataFrame:
        """One row per outlet x category x voice: cues per 1,000 tokens of that voice."""
        return self.tables["cue_rates"]

    @property
    def sentiment(self) -> pd.DataFrame:
        """One row per sentence: VADER compound, pos, neu, neg, label and drivers."""
        return self.tables["sentiment"]

    @property
    def sentiment_drivers(self) -> pd.DataFrame:
        """One row per lexicon word that moved a sentence's VADER score: its offsets and valence."""
        return self.tables["sentiment_drivers"]

    @property
    def actor_sentiment(self) -> pd.DataFrame | None:
        """One row per outlet x actor, or None when the folder has no ``actors.csv``."""
        return self.tables.get("actor_sentiment")

    @property
    def quote_table(self) -> pd.DataFrame:
        """One row per quotation or stretch of reported speech, with its speaker (``quotes.csv``,
        :func:`framing.measures.speakers.find_quotes`).  Not ``corpus.quotes``, which holds only the spans
        between quotation marks."""
        return self.tables["quotes"]

    @property
    def sources(self) -> pd.DataFrame:
        """One row per outlet x speaker: how often and how much each speaker is given voice, and where
        (``sources.csv``, :func:`framing.measures.speakers.source_table`)."""
        return self.tables["sources"]

    @property
    def units(self) -> pd.DataFrame:
        """One row per content unit: the same fact or remark told by one or more articles."""
        return self.tables["units"]

    @property
    def unit_sentences(self) -> pd.DataFrame:
        """Which sentences tell which content unit, with their position (headline, lede, paragraph)."""
        return self.tables["unit_sentences"]

    @property
    def coverage(self) -> pd.DataFrame:
        """One row per outlet x content unit: whether and where the outlet tells it."""
        return self.tables["coverage"]

    @property
    def renderings(self) -> pd.DataFrame:
        """The same remark in each outlet's words, with the words that differ."""
        return self.tables["renderings"]

    @property
    def headlines(self) -> pd.DataFrame:
        """One row per article: the headline's subject, actors, evaluative words and quotation marks."""
        return self.tables["headlines"]

    @property
    def differences(self) -> pd.DataFrame:
        """One row per statement of how an outlet's articles differ from the others', with the sentences behind it
        (:func:`framing.compare.differences.differences`)."""
        return self.tables["differences"]

    @property
    def summary(self) -> pd.DataFrame:
        """One row per outlet x measure x category x voice: value, interval, p-value and verdict."""
        return self.tables["summary"]

    @property
    def skipped(self) -> pd.DataFrame:
        """One row per article of ``articles.csv`` that could not be read: ``article_id, file, reason, fix``."""
        return self.tables["skipped"]

    @property
    def excluded(self) -> pd.DataFrame:
        """One row per article x measure it was left out of because it is not in English:
        ``article_id, outlet, file, language, source, measure, reason``."""
        return self.tables["excluded"]


def analyze(folder: str | Path | None = None, *, n_boot: int = 2000, n_perm: int = 2000, strict: bool = False,
            all_languages: bool = False) -> Analysis:
    """Load ``folder`` (default: the seed event) and compute every table ``framing analyze`` writes.

    Parameters
    ----------
    folder : str or Path, optional
        The articles folder.
    n_boot, n_perm : int
        Bootstrap resamples and permutations of ``summary``.
    strict : bool
        Refuse the whole folder when one page cannot be read (see
        :func:`framing.load.corpus.load_corpus`); by default such a page is left out and listed in ``skipped``.
    all_languages : bool
        Score articles in another language with the English word lists too.  By default they are left out of
        salience (``terms``), cues (``cues``, ``cue_rates``), sentiment (``sentiment``, ``sentiment_drivers``,
        ``actor_sentiment``) and ``summary``, and listed in ``excluded``; they stay in every other table and in
        the reading view.

    Tables
    ------
    articles, lines, sentences
        See :class:`framing.load.corpus.Corpus`.
    terms
        :func:`framing.measures.salience.term_table`, unigrams and bigrams.
    cues, cue_rates
        :func:`framing.measures.cues.find_cues` and :func:`framing.measures.cues.cue_rates`.
    sentiment
        :func:`framing.measures.sentiment.sentence_sentiment`, one row per sentence.
    sentiment_drivers
        :func:`framing.measures.sentiment.sentiment_drivers`, one row per lexicon word that moved a
        sentence's score (from the same scoring pass as ``sentiment``).
    quotes, sources
        :func:`framing.measures.speakers.find_quotes` (one row per quotation or stretch of reported speech,
        with its speaker; ``Analysis.quote_table``) and :func:`framing.measures.speakers.source_table` (one row
        per outlet x speaker).  The voice of ``sentences``, ``cues``, ``cue_rates`` and ``summary`` is
        ``authorial``, ``quoted`` or ``reported`` (:func:`framing.measures.speakers.with_reported_voice`):
        a hedge in reported speech is the speaker's, not the outlet's.
    actor_sentiment
        :func:`framing.measures.sentiment.actor_sentiment` (one row per outlet x actor x role: sentences
        ``about`` the actor, and the actor's own words, ``by``), only when the folder has ``actors.csv``.
    summary
        :func:`framing.measures.uncertainty.summarise` over the units of :func:`summary_units`.
    differences
        :func:`framing.compare.differences.differences`: how each outlet's articles differ from the others', in
        plain sentences with the sentence ids behind each.
    units, unit_sentences, coverage, renderings, headlines
        :func:`selection_tables`: content units across the articles, what each outlet tells and
        where, the same remark in each outlet's words, and how each headline frames the event.
    skipped
        ``article_id, file, reason, fix``: the articles of ``articles.csv`` that could not be read and were
        left out (``Corpus.skipped``); always present, empty when every page was read.
    excluded
        ``article_id, outlet, file, language, source, measure, reason``: one row per article in another
        language x measure (``salience``, ``cues``, ``sentiment``, ``summary``) it was left out of; ``source``
        is ``articles.csv`` (its language column) or ``text`` (detected,
        :func:`framing.load.corpus.guess_language`).  Always present; empty with ``all_languages``.

    Text columns are held as Python strings while the analysis runs (pandas' ``mode.string_storage``,
    for this call only): the measures read text row by row, which is faster on them than on Arrow strings.
    The tables are the same either way.
    """
    import pandas as pd

    with pd.option_context("mode.string_storage", "python"):
        return _analyze(folder, n_boot=n_boot, n_perm=n_perm, strict=strict, all_languages=all_languages)


def _analyze(folder, *, n_boot: int, n_perm: int, strict: bool, all_languages: bool) -> Analysis:
    import dataclasses

    from framing.core import paths

    corpus = load_corpus(paths.SEED_EVENT_DIR if folder is None else folder, strict=strict)
    excluded = excluded_table(corpus, all_languages=all_languages)
    measured = _without(corpus, set(excluded["article_id"]))
    if all_languages and len(corpus.non_english):
        ids = ", ".join(corpus.non_english["article_id"])
        corpus.notices.append(f"all languages asked for: the articles not in English ({ids}) are scored with the "
                              "English word lists; their salience, cue, sentiment and summary values are not "
                              "meaningful")
    cues = find_cues(measured.sentences, measured.quotes)
    # Who speaks, and the three voices: reported speech is relabelled before any rate or score reads a voice.
    quotes = find_quotes(measured.sentences, measured.quotes, actors=corpus.actors, cues=cues)
    cues = with_reported_voice(cues, quotes)
    tokens = with_reported_voice(measured.tokens, quotes)
    measured = dataclasses.replace(measured, tokens=tokens, sentences=sentence_voices(measured.sentences, tokens))
    sentiment, sentiment_drivers = score_sentences(measured.sentences)
    tables = {
        "articles": corpus.articles,
        "lines": _lines_table(corpus.lines),
        "sentences": sentence_voices(corpus.sentences, with_reported_voice(corpus.tokens, quotes)),
        "quotes": quotes,
        "sources": source_table(quotes, corpus.sentences),
        "terms": term_table(measured.tokens),
        "cues": cues,
        "cue_rates": cue_rates(cues, measured.tokens),
        "sentiment": sentiment,
        "sentiment_drivers": sentiment_drivers,
    }
    if corpus.actors is not None:
        tables["actor_sentiment"] = actor_sentiment(sentiment, measured.sentences, corpus.actors, quotes=quotes)
    units = summary_units(measured, cues, sentiment)
    tables["summary"] = summarise(units, n_boot=n_boot, n_perm=n_perm)
    tables.update(selection_tables(corpus))
    tables["skipped"] = corpus.skipped
    tables["excluded"] = excluded
    analysis = Analysis(corpus, tables, measured)
    from framing.compare.differences import differences

    tables["differences"] = differences(analysis)
    return analysis


def excluded_table(corpus: Corpus, *, all_languages: bool = False) -> pd.DataFrame:
    """One row per article not in English x measure built on English word lists that leaves it out.

    Columns :data:`framing.core.vocabulary.EXCLUDED_COLUMNS`; ``measure`` runs over
    :data:`framing.core.vocabulary.LEXICON_MEASURES`.  Empty when ``all_languages`` or when every article is
    in English.
    """
    from framing.core.vocabulary import EXCLUDED_COLUMNS, LEXICON_MEASURES

    if all_languages or corpus.non_english.empty:
        return pd.DataFrame(columns=list(EXCLUDED_COLUMNS))
    rows = corpus.non_english.merge(pd.DataFrame({"measure": list(LEXICON_MEASURES)}), how="cross")
    return rows[list(EXCLUDED_COLUMNS)].reset_index(drop=True)


def _without(corpus: Corpus, article_ids: set[str]) -> Corpus:
    """``corpus`` without the articles ``article_ids``: their rows of every table and their texts."""
    import dataclasses

    if not article_ids:
        return corpus

    def keep(df: pd.DataFrame) -> pd.DataFrame:
        return df[~df["article_id"].isin(article_ids)].reset_index(drop=True)

    return dataclasses.replace(corpus, articles=keep(corpus.articles), sentences=keep(corpus.sentences),
                               tokens=keep(corpus.tokens), quotes=keep(corpus.quotes), lines=keep(corpus.lines),
                               texts={a: t for a, t in corpus.texts.items() if a not in article_ids})


def selection_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Content units, coverage, renderings and headlines of a folder (:mod:`framing.measures.alignment`,
    :mod:`framing.measures.headlines`).

    A folder with more clauses than alignment compares pair by pair (a corpus, not one event's
    coverage) gets empty unit tables and a notice; its headline table is still made.
    """
    from framing.core.vocabulary import (
        ALIGNED_UNIT_COLUMNS,
        COVERAGE_COLUMNS,
        RENDERING_COLUMNS,
        UNIT_SENTENCE_COLUMNS,
    )
    from framing.measures import alignment
    from framing.measures.headlines import headline_table

    try:
        aligned = alignment.align(corpus.sentences, quotes=corpus.quotes, actors=corpus.actors)
    except alignment.TooManyClauses as exc:
        corpus.notices.append(f"content units were not computed: {exc}")
        empty = {name: pd.DataFrame(columns=list(cols)) for name, cols in (
            ("units", ALIGNED_UNIT_COLUMNS), ("unit_sentences", UNIT_SENTENCE_COLUMNS),
            ("coverage", COVERAGE_COLUMNS), ("renderings", RENDERING_COLUMNS))}
        unit_sentences = None
    else:
        empty = {
            "units": aligned.units,
            "unit_sentences": aligned.unit_sentences,
            "coverage": alignment.coverage(aligned, corpus.outlets),
            "renderings": alignment.renderings(aligned, corpus.sentences),
        }
        unit_sentences = aligned.unit_sentences
    empty["headlines"] = headline_table(corpus.sentences, quotes=corpus.quotes, actors=corpus.actors,
                                        unit_sentences=unit_sentences)
    return empty


CACHE_ENV = "FRAMING_CACHE_DIR"
"""Environment variable naming the folder of cached analyses (default: the user's cache folder)."""

FAILED_MARKER = ".analysis-failed"
"""File the report build writes into the cache folder when its analysis fails, so waiting notebooks stop waiting."""

PENDING_ENV = "FRAMING_ANALYSIS_PENDING"
"""Set by the report build while it analyses: seconds :func:`load_analysis` waits for the analysis to appear."""

KEY_ENV = "FRAMING_ANALYSIS_KEY"
"""Set by the report build: the cache key of the analysis it makes, so that its notebooks read that analysis even
when the suite's files change while the build runs."""

_CACHE_KEEP = 8


def load_analysis(folder: str | Path | None = None) -> Analysis:
    """The analysis of ``folder`` (default: the seed event), from the cache when the same input was analysed before.

    The cache key is a SHA-256 over the suite's version, its own code and data files, the pandas
    version and every file of the articles folder (names and bytes): change any of them and the
    folder is analysed again.  The cache folder is ``$FRAMING_CACHE_DIR`` (the report build points
    it at a folder of its own, so every notebook of a build reads the analysis the build made), or
    else ``$XDG_CACHE_HOME/framing`` (``~/.cache/framing``); the eight most recent analyses are
    kept.  A cache that cannot be read or written is ignored: the folder is then analysed as
    :func:`analyze` does, with the same result.  While ``$FRAMING_ANALYSIS_PENDING`` is set (by
    the report build, which analyses as the kernels start), it first waits up to that many seconds
    for the analysis to appear, under the key the build gives in ``$FRAMING_ANALYSIS_KEY``.
    """
    import pickle

    from framing.core import paths

    folder = Path(paths.SEED_EVENT_DIR if folder is None else folder)
    cache = cache_dir()
    key = os.environ.get(KEY_ENV) if os.environ.get(PENDING_ENV) else None
    key = key or analysis_key(folder)
    entry = cache / f"{key}.pickle"
    if os.environ.get(PENDING_ENV):  # the report build is still analysing: wait for its analysis
        deadline = time.monotonic() + float(os.environ[PENDING_ENV])
        while not entry.exists() and not (cache / FAILED_MARKER).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    try:
        with entry.open("rb") as handle:
            analysis = pickle.load(handle)
        os.utime(entry)
        return analysis
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    analysis = analyze(folder)
    store_analysis(analysis, folder, cache=cache, key=key)
    return analysis


def store_analysis(analysis: Analysis, folder: str | Path, *, cache: Path | None = None,
                   key: str | None = None) -> None:
    """Put ``analysis`` of ``folder`` into the cache that :func:`load_analysis` reads (best effort)."""
    import pickle

    cache = cache_dir() if cache is None else cache
    key = analysis_key(Path(folder)) if key is None else key
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache, prefix=".tmp-", delete=False) as handle:
            pickle.dump(analysis, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, cache / f"{key}.pickle")
        entries = sorted(cache.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_CACHE_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            os.unlink(handle.name)


def cache_dir() -> Path:
    """Folder of cached analyses: ``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing`` or ``~/.cache/framing``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "framing"


def analysis_key(folder: Path) -> str:
    """SHA-256 of what an analysis depends on: the suite's code and data, pandas, and the folder's files."""
    import hashlib

    from framing import __version__

    digest = hashlib.sha256(f"framing {__version__} pandas {pd.__version__}\n".encode())
    package = Path(__file__).resolve().parent
    for root, label in ((package, "package"), (Path(folder).resolve(), "articles")):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if label == "package" and path.suffix not in (".py", ".csv", ".j2"):
                continue
            digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode("utf-8", "surrogateescape"))
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def summary_units(corpus: Corpus, cues: pd.DataFrame, sentiment: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence x measure: the units :func:`framing.measures.uncertainty.summarise` resamples.

    Columns ``outlet, article_id, measure, category, voice, unit_id, numerator, denominator``
    (:data:`framing.core.vocabulary.UNIT_COLUMNS`); ``unit_id`` is the sentence and ``article_id`` the
    article it belongs to, so that ``summarise`` can resample and permute whole articles when every
    outlet has several.

    Measures
    --------
    ``cue_rate`` (one per ``category`` and ``voice``)
        Cues of that category and voice per 1,000 word tokens of that voice:
        numerator = cues in the sentence, denominator = the sentence's word
        tokens of that voice / 1000.  Higher = more of that cue.
    ``mean_compound`` (``category`` and ``voice`` "")
        Mean VADER compound of the sentences (numerator = compound,
        denominator = 1).  Higher = more positive wording.
    ``share_negative`` (``category`` and ``voice`` "")
        Share of sentences labelled negative (compound <= -0.05).
    """
    from framing.core.vocabulary import UNIT_COLUMNS

    words = corpus.tokens[corpus.tokens["kind"] != "punct"]
    tok = words.groupby(["sentence_id", "voice"]).size().unstack(fill_value=0).reindex(columns=list(RATE_VOICES),
                                                                                        fill_value=0)
    base = corpus.sentences[["outlet", "article_id", "sentence_id"]].set_index("sentence_id")
    ids = {"outlet": base["outlet"].to_numpy(), "article_id": base["article_id"].to_numpy(),
           "unit_id": base.index.to_numpy()}
    counts = cues.groupby(["sentence_id", "category", "voice"]).size()
    wide = counts.unstack(["category", "voice"]) if len(counts) else pd.DataFrame(index=base.index)
    wide = wide.reindex(index=base.index, columns=pd.MultiIndex.from_product([CATEGORIES, RATE_VOICES]), fill_value=0)
    wide = wide.fillna(0)
    tok = tok.reindex(base.index, fill_value=0)
    frames = []
    for category in CATEGORIES:
        for voice in RATE_VOICES:
            num = wide[(category, voice)]
            den = tok[voice] / 1000.0
            frames.append(pd.DataFrame({
                **ids, "measure": CUE_RATE, "category": category, "voice": voice,
                "numerator": num.to_numpy(dtype=float), "denominator": den.to_numpy(dtype=float),
            }))
    s = sentiment.set_index("sentence_id").reindex(base.index)
    frames.append(pd.DataFrame({
        **ids, "measure": MEAN_COMPOUND, "category": "", "voice": "",
        "numerator": s["compound"].to_numpy(dtype=float), "denominator": 1.0,
    }))
    frames.append(pd.DataFrame({
        **ids, "measure": SHARE_NEGATIVE, "category": "", "voice": "",
        "numerator": (s["label"] == "negative").to_numpy(dtype=float), "denominator": 1.0,
    }))
    return pd.concat(frames, ignore_index=True)[UNIT_COLUMNS]


def _lines_table(lines: pd.DataFrame) -> pd.DataFrame:
    out = lines[["article_id", "line_no", "role", "is_body", "reason"]].copy()
    out["is_body"] = out["is_body"].map({True: "true", False: "false"})
    return out


def reading_view_html(analysis: Analysis) -> str:
    """The annotated side-by-side reading view of an analysis (a complete HTML document)."""
    from framing.present.reading_view import corpus_reading_view

    return corpus_reading_view(analysis.corpus, analysis["cues"], analysis["sentiment"])
