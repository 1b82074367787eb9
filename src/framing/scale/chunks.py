"""The per-article work of a corpus run, on one chunk of articles: the map step.

:func:`map_chunk` takes consecutive articles (records of :mod:`framing.scale.inputs`, each with its text)
and runs on them what ``framing analyze`` runs on one article: page cleaning and sentences
(:func:`framing.load.corpus.parse_page`), cues (:func:`framing.measures.cues.find_cues`), quotations and
speakers (:func:`framing.measures.speakers.find_quotes`), the three voices, sentiment
(:func:`framing.measures.sentiment.score_sentences`).  Every one of these reads one article at a time, so
the rows of a chunk are the rows these functions give for its articles, whatever the chunk size.  It returns
the chunk's rows of the per-sentence and per-cue tables and the partial sums the reduce step adds up:
term counts, cue and token counts per outlet and voice, the summary measures summed per article, and
the sums behind the sources table.

A Dask worker needs only the suite installed: the records carry their text, so no worker reads the input.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from types import SimpleNamespace

import pandas as pd

from framing.core.vocabulary import (
    EXCLUDED_COLUMNS,
    LEXICON_MEASURES,
    LINE_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    TOKEN_COLUMNS,
)
from framing.load.corpus import (
    NON_ENGLISH_COLUMNS,
    PageProblem,
    guess_language,
    is_english_code,
    parse_article,
)
from framing.load.html import extract_page, is_html

#: Columns of ``articles`` in corpus mode: those of ``articles.csv`` and the counts.
ARTICLE_TABLE_COLUMNS = ["article_id", "outlet", "file", "published", "headline", "url", "language", "event",
                         "country", "ownership", "n_sentences", "n_tokens"]
#: Summary units summed per article: ``outlet, article_id, measure, category, voice, numerator, denominator``.
ARTICLE_UNIT_COLUMNS = ["outlet", "article_id", "measure", "category", "voice", "numerator", "denominator"]


@dataclass
class Settings:
    """What a run's map depends on (part of the key of its work folder)."""

    all_languages: bool = False
    rules: list | None = None
    actors: pd.DataFrame | None = None


@dataclass
class ChunkResult:
    """The partial tables of one chunk (see the module notes); ``tables`` are row tables, ``sums`` partials."""

    index: int
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    skipped: list[tuple[str, str, str, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    n_articles: int = 0


@functools.lru_cache(maxsize=1)
def _default_rules():
    from framing.core import paths
    from framing.load import cleaning

    return cleaning.load_rules([paths.PAGE_RULES_FILE])


def page_of(record: dict[str, str], rules):
    """The text and page tables of one record (as :func:`framing.load.corpus.load_corpus` reads one page).

    A saved web page gives its extracted article text; a page with no article paragraph raises
    :class:`framing.load.corpus.PageProblem`.
    """
    raw, name = record["text"], record["file"]
    headline, published = record["headline"], record["published"]
    if is_html(name, raw):
        web = extract_page(raw, url=record.get("url", ""))
        if not web.text.strip():
            raise PageProblem(name, "is a web page without article text", "save the article's own page, or give "
                              "the article text")
        raw = web.text
        for col, value in (("headline", web.title), ("published", web.published), ("url", web.url)):
            if value and not record.get(col):
                record[col] = value
        headline, published = record["headline"], record["published"]
    page = parse_article(raw, where=name, article_id=record["article_id"], outlet=record["outlet"],
                         headline=headline, published=published, language=record["language"], rules=rules)
    return raw, page


def _non_english_row(record: dict[str, str], page) -> tuple | None:
    language = record["language"]
    if not is_english_code(language):
        return (record["article_id"], record["outlet"], record["file"], language, "articles.csv",
                f"its language column is {language!r}")
    guess = guess_language("\n".join(s[8] for s in page.sentences))
    if guess is None or guess.english:
        return None
    return (record["article_id"], record["outlet"], record["file"], guess.code, "text",
            f"{guess.reason}, although its language column is {language!r}")


def map_chunk(index: int, chunk: list[dict[str, str]], settings: Settings) -> ChunkResult:
    """Run the per-article measures on ``chunk`` and return its rows and partial sums (see the module notes).

    Tables of the result: ``articles``, ``lines``, ``sentences``, ``quotes``, ``cues``, ``sentiment``,
    ``sentiment_drivers`` (rows as ``framing analyze`` writes them), ``excluded``, ``term_counts``
    (``outlet, ngram, term, count``), ``cue_counts`` (:func:`framing.measures.cues.cue_rates` of the chunk),
    ``article_units`` (:data:`ARTICLE_UNIT_COLUMNS`), ``source_parts``
    (:func:`framing.measures.speakers.source_parts`), and ``actor_parts`` when actors are given.

    Text columns are held as Python strings while the measures run (pandas' ``mode.string_storage``
    "python"): the measures walk their rows one by one, which is several times slower over Arrow-backed
    strings; the values are the same.
    """
    with pd.option_context("mode.string_storage", "python"):
        return _map_chunk(index, chunk, settings)


def _map_chunk(index: int, chunk: list[dict[str, str]], settings: Settings) -> ChunkResult:
    from framing.measures.cues import cue_rates, find_cues
    from framing.measures.salience import ngram_counts
    from framing.measures.sentiment import actor_sentiment, score_sentences
    from framing.measures.speakers import find_quotes, sentence_voices, source_parts, with_reported_voice
    from framing.pipeline import _lines_table, summary_units

    rules = settings.rules if settings.rules is not None else _default_rules()
    out = ChunkResult(index)
    records, line_rows, sent_rows, tok_rows, quote_rows, non_english = [], [], [], [], [], []
    for record in chunk:
        record = dict(record)
        try:
            _, page = page_of(record, rules)
        except PageProblem as problem:
            out.skipped.append((record["article_id"], record["file"], problem.reason, problem.fix))
            continue
        aid = record["article_id"]
        line_rows.extend((aid, ln.line_no, ln.role, ln.is_body, ln.reason, ln.start, ln.end, ln.text)
                         for ln in page.lines)
        sent_rows.extend(page.sentences)
        tok_rows.extend(page.tokens)
        quote_rows.extend(page.quotes)
        record.pop("text")
        records.append(record)
        row = _non_english_row(record, page)
        if row is not None:
            non_english.append(row)
    out.n_articles = len(chunk)
    if not records:
        return out
    lines = pd.DataFrame(line_rows, columns=LINE_COLUMNS)
    sentences = pd.DataFrame(sent_rows, columns=SENTENCE_COLUMNS)
    tokens = pd.DataFrame(tok_rows, columns=TOKEN_COLUMNS)
    quotes = pd.DataFrame(quote_rows, columns=QUOTE_COLUMNS)
    articles = pd.DataFrame(records)
    for col in ARTICLE_TABLE_COLUMNS[:-2]:
        if col not in articles.columns:
            articles[col] = ""
    words = tokens[tokens["kind"] != "punct"]
    ids = articles["article_id"] if len(articles) else pd.Series([], dtype=str)
    articles["n_sentences"] = ids.map(sentences.groupby("article_id").size()).fillna(0).astype(int)
    articles["n_tokens"] = ids.map(words.groupby("article_id").size()).fillna(0).astype(int)

    excluded_ids = set() if settings.all_languages else {r[0] for r in non_english}
    ne = pd.DataFrame(non_english, columns=list(NON_ENGLISH_COLUMNS))
    if excluded_ids:
        excluded = ne.merge(pd.DataFrame({"measure": list(LEXICON_MEASURES)}), how="cross")[list(EXCLUDED_COLUMNS)]
    else:
        excluded = pd.DataFrame(columns=list(EXCLUDED_COLUMNS))

    def keep(df: pd.DataFrame) -> pd.DataFrame:
        return df[~df["article_id"].isin(excluded_ids)].reset_index(drop=True) if excluded_ids else df

    m_sentences, m_tokens, m_quotes = keep(sentences), keep(tokens), keep(quotes)
    cues = find_cues(m_sentences, m_quotes)
    quote_table = find_quotes(m_sentences, m_quotes, actors=settings.actors, cues=cues)
    cues = with_reported_voice(cues, quote_table)
    m_tokens = with_reported_voice(m_tokens, quote_table)
    m_sentences = sentence_voices(m_sentences, m_tokens)
    sentiment, drivers = score_sentences(m_sentences)
    # Without articles left out, the measured tables are the whole chunk's: no second relabelling.
    all_sentences = (m_sentences if not excluded_ids
                     else sentence_voices(sentences, with_reported_voice(tokens, quote_table)))
    _, term_counts = ngram_counts(m_tokens, ngram_orders=(1, 2), lowercase=True, stopwords="default",
                                   include_numbers=False)
    units = summary_units(SimpleNamespace(tokens=m_tokens, sentences=m_sentences), cues, sentiment)
    keys = ["outlet", "article_id", "measure", "category", "voice"]
    article_units = units.groupby(keys, sort=False)[["numerator", "denominator"]].sum().reset_index()
    out.tables = {
        # the columns of articles.csv (its own extra columns after the standard ones), then the counts
        "articles": articles[ARTICLE_TABLE_COLUMNS[:-2] + [c for c in articles.columns if c not in
                                                           ARTICLE_TABLE_COLUMNS and c != "encoding"]
                             + ARTICLE_TABLE_COLUMNS[-2:]],
        "lines": _lines_table(lines),
        "sentences": all_sentences,
        "quotes": quote_table,
        "cues": cues,
        "sentiment": sentiment,
        "sentiment_drivers": drivers,
        "excluded": excluded,
        "term_counts": term_counts if len(term_counts) else pd.DataFrame(columns=["outlet", "ngram", "term", "count"]),
        "cue_counts": cue_rates(cues, m_tokens),
        "article_units": article_units[ARTICLE_UNIT_COLUMNS],
        "source_parts": source_parts(quote_table, all_sentences),
    }
    if settings.actors is not None and len(m_sentences):
        out.tables["actor_parts"] = actor_sentiment(sentiment, m_sentences, settings.actors, quotes=quote_table)
    return out
