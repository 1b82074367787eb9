"""Reading the tables of a corpus run back: per-article measures, evidence samples, a handful of articles.

A corpus run (:func:`framing.scale.run.run_corpus`, ``framing corpus INPUT --out DIR``) writes its small
tables as CSV and its row tables as Parquet partitioned by outlet.  With thousands of articles per outlet
nothing here reads a whole row table at once: :meth:`CorpusTables.rows` reads the parts of the outlets and
articles asked for, and only the columns asked for.

- :func:`article_measures`: one row per article and measure, the unit the corpus statistics resample
  (hedges per 1,000 words of the outlet's own voice, mean sentence tone, ...): what a per-outlet
  distribution chart draws.
- :func:`evidence_sample`: a fixed random sample of the cues of one category (or of the quotations),
  filtered by outlet and term, each with its sentence, so the numbers can be checked by reading.
- :func:`article_tables`: every row table of a few chosen articles, with their text rebuilt from their
  sentences, for the reading view (:func:`framing.present.explore.reading_excerpt`).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.core.errors import FramingInputError

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable, Sequence

    import pandas as pd

#: The small tables of a corpus run, written as CSV.
CSV_TABLES = ("articles", "terms", "cue_rates", "sources", "summary", "skipped", "excluded")
#: Measures of :func:`article_measures`, in display order: ``(measure, category, voice)`` of the summary units.
ARTICLE_MEASURES = (
    ("cue_rate", "hedge", "authorial"),
    ("cue_rate", "booster", "authorial"),
    ("cue_rate", "attribution", "authorial"),
    ("cue_rate", "distancing", "authorial"),
    ("mean_compound", "", ""),
)
#: Rows of an evidence sample unless asked otherwise.
SAMPLE_ROWS = 20


@dataclass(frozen=True)
class CorpusTables:
    """The output folder of one corpus run, read lazily.

    Attributes
    ----------
    folder : Path
        The ``--out`` folder of ``framing corpus``.
    """

    folder: Path

    def csv(self, name: str) -> pd.DataFrame:
        """One of the small tables (:data:`CSV_TABLES`), with text columns read as text."""
        import pandas as pd

        path = self.folder / f"{name}.csv"
        if not path.is_file():
            raise FramingInputError(path, "is missing; run `framing corpus INPUT --out DIR` again into this folder")
        return pd.read_csv(path, dtype={"article_id": str, "outlet": str}, keep_default_na=False,
                           na_values={"value": [""], "ci_low": [""], "ci_high": [""], "p_value": [""]})

    @property
    def articles(self) -> pd.DataFrame:
        return self.csv("articles")

    @property
    def outlets(self) -> list[str]:
        """The outlets in the order their first article comes in ``articles.csv``."""
        return list(dict.fromkeys(self.articles["outlet"]))

    def rows(self, name: str, *, outlets: Iterable[str] | None = None, article_ids: Iterable[str] | None = None,
             columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Rows of a Parquet table (``cues``, ``quotes``, ``sentences`` ...) of some outlets or articles.

        Only the outlets' parts are opened (all when ``outlets`` is None), only ``columns`` are read
        (all when None; ``outlet`` is always there), and ``article_ids`` filters while reading.
        """
        import pandas as pd
        import pyarrow.parquet as pq

        root = self.folder / name
        if not root.is_dir():
            raise FramingInputError(root, "is missing; run `framing corpus INPUT --out DIR` again into this folder")
        wanted = None if outlets is None else list(dict.fromkeys(outlets))
        parts = sorted(root.glob("outlet=*/part-0.parquet"))
        ids = None if article_ids is None else sorted(set(map(str, article_ids)))
        frames = []
        for part in parts:
            outlet = urllib.parse.unquote(part.parent.name.removeprefix("outlet="))
            if wanted is not None and outlet not in wanted:
                continue
            filters = [("article_id", "in", ids)] if ids is not None else None
            cols = None if columns is None else [c for c in columns if c != "outlet"]
            if ids is not None and not ids:
                continue
            table = pq.read_table(part, columns=cols, filters=filters).to_pandas()
            table["outlet"] = outlet
            frames.append(table)
        if not frames:
            schema = pq.read_schema(parts[0]) if parts else None
            names = list(columns) if columns is not None else ([*schema.names, "outlet"] if schema else ["outlet"])
            return pd.DataFrame(columns=list(dict.fromkeys([*names, "outlet"])))
        out = pd.concat(frames, ignore_index=True)
        if wanted is not None:  # the order asked for, then the table's own order within an outlet
            rank = {o: i for i, o in enumerate(wanted)}
            out = out.sort_values("outlet", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)
        return out


def open_run(folder: str | Path) -> CorpusTables:
    """The tables of the corpus run written to ``folder``; one line naming the folder and the fix if it is not one."""
    path = Path(folder)
    if not (path / "articles.csv").is_file() or not (path / "cues").is_dir():
        raise FramingInputError(path, "is not the output of a corpus run; run `framing corpus INPUT --out "
                                f"{path}` first")
    return CorpusTables(path)


def article_measures(run: CorpusTables, *, outlets: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per article and measure: the per-article values behind the corpus statistics.

    Returns
    -------
    DataFrame
        ``outlet, article_id, measure, category, voice, numerator, denominator, value`` for the measures of
        :data:`ARTICLE_MEASURES`, where

        - ``cue_rate``: ``value = cues of the category in the voice / (words in the voice / 1,000)``, the
          article's rate per 1,000 words (``numerator`` cues, ``denominator`` thousands of words); an
          article with no words in the voice has no row;
        - ``mean_compound``: ``value = sum of the sentences' VADER compound scores / sentences``, the
          article's mean sentence tone (-1 .. +1, higher = more positive wording).

        These are the units ``summary.csv`` resamples and permutes (cluster bootstrap over articles).
        Rows come measure by measure in the order of :data:`ARTICLE_MEASURES`.
    """
    units = run.rows("article_units", outlets=outlets)
    if units.empty:
        import pandas as pd

        return pd.DataFrame(columns=["outlet", "article_id", "measure", "category", "voice", "numerator",
                                     "denominator", "value"])
    units = units.fillna({"category": "", "voice": ""})
    keep = units[["measure", "category", "voice"]].apply(tuple, axis=1).isin(set(ARTICLE_MEASURES))
    units = units[keep & (units["denominator"] > 0)].copy()
    units["value"] = units["numerator"] / units["denominator"]
    rank = {key: i for i, key in enumerate(ARTICLE_MEASURES)}
    units["_rank"] = [rank[k] for k in zip(units["measure"], units["category"], units["voice"])]
    units = units.sort_values("_rank", kind="stable")  # measures in display order, articles as written
    return units[["outlet", "article_id", "measure", "category", "voice", "numerator", "denominator",
                  "value"]].reset_index(drop=True)


def evidence_sample(run: CorpusTables, *, category: str = "hedge", outlet: str | None = None,
                    term: str | None = None, n: int = SAMPLE_ROWS, seed: int = 0,
                    width: int = 60) -> pd.DataFrame:
    """A fixed random sample of the cues of one category (or of the quotations), each with its context.

    Parameters
    ----------
    category : str
        A cue category (``hedge``, ``booster``, ``distancing``, ``attribution``, ``scare_quote``) or
        ``"quote"`` for the quotation table.
    outlet, term : str, optional
        Keep one outlet; keep one lexicon term (cues) or one speaker (quotations).
    n, seed : int
        Rows drawn, without replacement, by ``DataFrame.sample(random_state=seed)``: the same run, choice
        and seed give the same rows.
    width : int
        Characters of context on each side, within the sentence.

    Returns
    -------
    DataFrame
        For cues: ``outlet, article_id, sentence_id, category, subcategory, voice, term, left, match,
        right``.  For quotations: ``outlet, article_id, sentence_id, kind, speaker, speaker_type, verb,
        text``.  Sorted by article and position.
    """
    outlets = None if outlet is None else [outlet]
    if category == "quote":
        cols = ["article_id", "sentence_id", "start", "kind", "speaker", "speaker_type", "verb", "text"]
        rows = run.rows("quotes", outlets=outlets, columns=cols)
        if term is not None:
            rows = rows[rows["speaker"] == term]
        rows = rows.sample(n=min(n, len(rows)), random_state=seed) if len(rows) > n else rows
        rows = rows.sort_values(["outlet", "article_id", "start"], kind="stable")
        return rows[["outlet", "article_id", "sentence_id", "kind", "speaker", "speaker_type", "verb",
                     "text"]].reset_index(drop=True)
    from framing.measures.evidence import kwic

    cues = run.rows("cues", outlets=outlets, columns=["article_id", "sentence_id", "start", "end", "term",
                                                      "category", "subcategory", "voice"])
    cues = cues[cues["category"] == category]
    if term is not None:
        cues = cues[cues["term"] == term]
    if len(cues) > n:
        cues = cues.sample(n=n, random_state=seed)
    cues = cues.sort_values(["outlet", "article_id", "start"], kind="stable")
    columns = ["outlet", "article_id", "sentence_id", "category", "subcategory", "voice", "term", "left",
               "match", "right"]
    if cues.empty:
        import pandas as pd

        return pd.DataFrame(columns=columns)
    sentences = run.rows("sentences", outlets=sorted(set(cues["outlet"])), article_ids=set(cues["article_id"]),
                         columns=["article_id", "sentence_id", "start", "end", "text"])
    lines = kwic(sentences, texts_from_sentences(sentences), cues.drop(columns=["outlet", "sentence_id"]),
                 width=width)
    return lines[columns].reset_index(drop=True)


def texts_from_sentences(sentences: pd.DataFrame) -> dict[str, str]:
    """Each article's text with its sentences at their own offsets and blanks between them.

    A corpus run keeps no copy of the pages; the sentences table holds each sentence's raw text with its
    ``start`` and ``end`` in the page, so placing them back gives a text in which every offset of the run's
    tables (cues, quotations, sentiment drivers) points at the same characters as in the page.  What lay
    between sentences (page furniture, line breaks) is a space, or a line break between paragraphs.
    """
    texts = {}
    for aid, part in sentences.sort_values(["article_id", "start"], kind="stable").groupby("article_id", sort=False):
        chars: list[str] = []
        last_paragraph = None
        for start, end, text, paragraph in zip(part["start"], part["end"], part["text"],
                                               part["paragraph"] if "paragraph" in part.columns
                                               else [None] * len(part)):
            start, end = int(start), int(end)
            if start > len(chars):
                gap = start - len(chars)
                chars.extend(" " * gap)
                if last_paragraph is not None and paragraph != last_paragraph:
                    chars[start - 1] = "\n"
            chars[start:end] = list(str(text)[: end - start].ljust(end - start))
            last_paragraph = paragraph
        texts[str(aid)] = "".join(chars)
    return texts


def article_tables(run: CorpusTables, article_ids: Sequence[str]) -> dict[str, object]:
    """Every row table of a few articles, and their texts rebuilt, for the reading view.

    Returns
    -------
    dict
        ``articles, sentences, cues, sentiment, quotes`` (DataFrames of those articles only) and
        ``texts`` (:func:`texts_from_sentences`), the arguments of
        :func:`framing.present.explore.reading_excerpt` (with ``lines=None``: the removed page text is not
        kept by a corpus run).
    """
    ids = [str(a) for a in article_ids]
    articles = run.articles
    articles = articles[articles["article_id"].isin(ids)]
    articles = articles.set_index("article_id").loc[[a for a in ids if a in set(articles["article_id"])]]
    articles = articles.reset_index()
    outlets = list(dict.fromkeys(articles["outlet"]))
    tables: dict[str, object] = {"articles": articles}
    for name in ("sentences", "cues", "sentiment", "quotes"):
        tables[name] = run.rows(name, outlets=outlets, article_ids=ids)
    tables["texts"] = texts_from_sentences(tables["sentences"])
    return tables
