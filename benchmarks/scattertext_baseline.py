"""The Scattertext baseline of ``bench_corpus.py --scattertext-python``: a corpus build and two term scores.

Run by an interpreter that has Scattertext installed (it is not a dependency of this suite; install it in
a separate environment: ``python -m venv st && st/bin/pip install scattertext future six``).  Reads an
articles folder (``articles.csv`` and the page files), builds Scattertext's corpus with its whitespace
tokenizer (``CorpusFromPandas(..., nlp=whitespace_nlp_with_sentences)``), and for every outlet computes
scaled F-scores against the other outlets and Monroe et al.'s log-odds-ratio z with an informative
Dirichlet prior (the corpus counts), then writes both to ``OUT/scattertext_scores.csv``.  This is what the
suite's ``terms.csv`` computes, and much less than a corpus run does (no page cleaning, sentences, cues,
quotations, speakers or sentiment).

Usage: ``python scattertext_baseline.py FOLDER OUT``
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def main() -> None:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    import numpy as np
    import pandas as pd
    import scattertext as st
    from scattertext.termsignificance.LogOddsRatioInformativeDirichletPiror import (
        LogOddsRatioInformativeDirichletPrior,
    )

    with open(folder / "articles.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    frame = pd.DataFrame({
        "outlet": [r["outlet"] for r in rows],
        "text": [(folder / r["file"]).read_text(encoding="utf-8") for r in rows],
    })
    corpus = st.CorpusFromPandas(frame, category_col="outlet", text_col="text",
                                 nlp=st.whitespace_nlp_with_sentences).build()
    counts = corpus.get_term_freq_df()
    priors = counts.sum(axis=1)
    scores = []
    for outlet in corpus.get_categories():
        column = f"{outlet} freq"
        mine = counts[column].to_numpy(dtype=float)
        rest = counts.drop(columns=[column]).sum(axis=1).to_numpy(dtype=float)
        f_scores = corpus.get_scaled_f_scores(outlet)
        scorer = LogOddsRatioInformativeDirichletPrior(priors, sigma=10, scale_type="class-size")
        z = scorer.get_zeta_i_j_given_separate_counts(mine, rest)
        scores.append(pd.DataFrame({"outlet": outlet, "term": counts.index, "count": mine.astype(np.int64),
                                    "scaled_f_score": f_scores, "log_odds_z": z}))
    out.mkdir(parents=True, exist_ok=True)
    pd.concat(scores, ignore_index=True).to_csv(out / "scattertext_scores.csv", index=False)


if __name__ == "__main__":
    main()
