"""The whole analysis of one articles folder, as the CLI and the notebooks run it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .corpus import Corpus, load_corpus
from .salience import term_table


@dataclass
class Analysis:
    """Every table of one articles folder, keyed by output file name (without ``.csv``)."""

    corpus: Corpus
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def notices(self) -> list[str]:
        return self.corpus.notices


def analyze(folder: str | Path | None = None) -> Analysis:
    """Load ``folder`` (default: the seed event) and compute every table ``framing analyze`` writes.

    Tables: ``articles``, ``lines``, ``sentences`` (see :class:`framing.corpus.Corpus`), ``terms``
    (:func:`framing.salience.term_table`).
    """
    from . import paths

    corpus = load_corpus(paths.SEED_EVENT_DIR if folder is None else folder)
    tables = {
        "articles": corpus.articles,
        "lines": _lines_table(corpus.lines),
        "sentences": corpus.sentences,
        "terms": term_table(corpus.tokens),
    }
    return Analysis(corpus, tables)


def _lines_table(lines: pd.DataFrame) -> pd.DataFrame:
    out = lines[["article_id", "line_no", "role", "is_body", "reason"]].copy()
    out["is_body"] = out["is_body"].map({True: "true", False: "false"})
    return out
