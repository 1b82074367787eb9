"""Per-outlet tables of a corpus run, reduced from the partial results of its chunks.

Every function here takes the partial tables of all chunks (concatenated in chunk order) and gives the
table ``framing analyze`` would give for the whole corpus, computed the same way:

- :func:`terms_from_counts`: the term table of :func:`framing.measures.salience.term_table` from term counts
  summed over the chunks (counts add up; every statistic of the table is a function of the outlets x terms
  count matrix);
- :func:`cue_rates_from_counts`: :func:`framing.measures.cues.cue_rates` from cue and token counts summed
  over the chunks;
- :func:`actor_sentiment_from_parts`: :func:`framing.measures.sentiment.actor_sentiment` from per-chunk
  counts and means (a mean of the chunk means weighted by their sentences);
- :func:`article_summary`: ``summary.csv`` with the article as the unit (see its notes).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from framing.core.vocabulary import ACTOR_COLUMNS, MEASURE_KEY, MEASURE_KINDS, MEASURE_RANGES


def sum_term_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """``outlet, ngram, term, count`` summed over the parts, sorted by outlet, ngram and term."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame(columns=["outlet", "ngram", "term", "count"])
    counts = pd.concat(frames, ignore_index=True)
    return counts.groupby(["outlet", "ngram", "term"], sort=True)["count"].sum().reset_index()


def terms_from_counts(counts: pd.DataFrame, outlets: list[str], *, ngram_orders=(1, 2), prior="informative",
                      log_odds="auto", alpha_0: float | None = None, min_count: int = 1) -> pd.DataFrame:
    """The term table of :func:`framing.measures.salience.term_table` from summed term counts
    (:func:`framing.measures.salience.term_table_from_counts` of :func:`sum_term_counts`)."""
    from framing.measures.salience import term_table_from_counts

    return term_table_from_counts(counts, outlets, ngram_orders=ngram_orders, prior=prior, log_odds=log_odds,
                                  alpha_0=alpha_0, min_count=min_count)


def cue_rates_from_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """:func:`framing.measures.cues.cue_rates` (by outlet, category, voice) from the chunks' own cue rates.

    ``n_cues`` and ``n_tokens`` are summed over the chunks;
    ``rate_per_1k = 1000 * n_cues / n_tokens`` (NaN when ``n_tokens`` is 0).
    """
    from framing.core.vocabulary import CUE_RATE_COLUMNS

    by = ["outlet", "category", "voice"]
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame(columns=list(CUE_RATE_COLUMNS))
    # The token counts of an outlet and voice repeat on every category row of a chunk: sum them once.
    allp = pd.concat(frames, keys=range(len(frames)), names=["_chunk", None]).reset_index(level=0)
    cues = allp.groupby(by, sort=True)["n_cues"].sum()
    toks = allp.drop_duplicates(["_chunk", "outlet", "voice"]).groupby(["outlet", "voice"])["n_tokens"].sum()
    out = cues.reset_index()
    out["n_tokens"] = [int(toks.get((o, v), 0)) for o, v in zip(out["outlet"], out["voice"])]
    out["n_cues"] = out["n_cues"].astype("int64")
    out["n_tokens"] = out["n_tokens"].astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 1000.0 * out["n_cues"].to_numpy(dtype=float) / out["n_tokens"].to_numpy(dtype=float)
    out["rate_per_1k"] = np.where(out["n_tokens"].to_numpy() > 0, rate, np.nan)
    return out[list(CUE_RATE_COLUMNS)].reset_index(drop=True)


def actor_sentiment_from_parts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """:func:`framing.measures.sentiment.actor_sentiment` from the chunks' tables: counts summed, and
    ``mean_compound = sum(mean_c * n_c) / sum(n_c)`` over the chunks ``c`` (NaN when no sentence)."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    allp = pd.concat(frames, ignore_index=True)
    allp["_sum"] = allp["mean_compound"].fillna(0.0) * allp["n_sentences"]
    counts = ["n_sentences", "n_positive", "n_neutral", "n_negative"]
    out = allp.groupby(["outlet", "actor", "role"], sort=True)[[*counts, "_sum"]].sum().reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["mean_compound"] = np.where(out["n_sentences"] > 0, out["_sum"] / out["n_sentences"], np.nan)
    return out[ACTOR_COLUMNS].reset_index(drop=True)


def article_summary(article_units: pd.DataFrame, *, n_boot: int = 2000, n_perm: int = 2000,
                    seed: int = 20210604, confidence: float = 0.95) -> pd.DataFrame:
    """``summary.csv`` of a corpus run: per outlet and measure, the value, an interval and a test over articles.

    Parameters
    ----------
    article_units : DataFrame
        One row per article x measure: ``outlet, article_id, measure, category, voice, numerator,
        denominator``, the sums over the article's sentences of the units of
        :func:`framing.pipeline.summary_units`.

    Returns
    -------
    DataFrame
        :data:`framing.core.vocabulary.SUMMARY_COLUMNS`, as :func:`framing.measures.uncertainty.summarise`
        gives them, with the article as the unit throughout:

        - ``value = sum(numerator) / sum(denominator)`` over the outlet's articles (the same ratio of sums as
          over its sentences);
        - interval: for a rate the envelope of Garwood's exact Poisson interval and the BCa cluster
          bootstrap over articles (``garwood+bca_articles``); for a share the envelope of Clopper-Pearson and
          the article bootstrap (``clopper_pearson+bca_articles``); for a mean the article bootstrap alone
          (``bca_articles``; no sentence-level bootstrap: with many articles per outlet the article is the
          unit that varies);
        - ``p_value``: permutation of outlet labels among articles, ``"this outlet vs the other outlets"``.

        The bootstrap and permutation draws are those of ``summarise`` (the same random streams, articles
        ordered by outlet then ``article_id``), so rates and shares equal ``summarise`` over the sentence
        units of the same articles whenever every outlet has two or more articles and the permutations are
        drawn at random.  An outlet with fewer than two articles gets no interval from the bootstrap and no
        test (``framing analyze`` compares single articles sentence by sentence).

    References
    ----------
    Davison, A. C. & Hinkley, D. V. (1997). Bootstrap Methods and their Application, sec. 3.8.
    Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero. SAGMB 9(1).
    """
    from framing.measures import uncertainty as u

    data = article_units.copy()
    for col in ("outlet", "article_id", *MEASURE_KEY):
        data[col] = data[col].fillna("").astype(str)
    data = data.sort_values([*MEASURE_KEY, "outlet", "article_id"], kind="stable")
    measures = []
    for key, group in data.groupby(MEASURE_KEY, sort=True):
        outlet = group["outlet"].to_numpy().astype(str)
        names, sizes = (a.tolist() for a in np.unique(outlet, return_counts=True))
        layout = (tuple(names), tuple(sizes), tuple(group["article_id"]))
        measures.append((tuple(str(k) for k in key), group["numerator"].to_numpy(dtype=float),
                         group["denominator"].to_numpy(dtype=float), names, sizes, layout))

    # Measures over the same articles share their bootstrap draws and relabellings (as in summarise): one pass
    # of resampling per outlet and one of permutations for all of them; each column's sums are those it would
    # get alone.
    boots: dict[tuple[int, str], np.ndarray] = {}
    perms: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    layouts: dict[tuple, list[int]] = {}
    for i, m in enumerate(measures):
        layouts.setdefault(m[5], []).append(i)
    for (names, sizes, _), members in layouts.items():
        bounds = np.concatenate([[0], np.cumsum(sizes)])
        for k, name in enumerate(names):
            if sizes[k] < 2:
                continue
            cols = u._distinct([c[bounds[k]:bounds[k + 1]] for i in members for c in measures[i][1:3]])
            sums = u._bootstrap_sums(cols.arrays, n_boot=n_boot, rng=u._stream(seed, "boot", "articles", name))
            for j, i in enumerate(members):
                boots[i, name] = u._ratio(sums[cols.index[2 * j]], sums[cols.index[2 * j + 1]])
        total = int(bounds[-1])
        if len(names) >= 2 and min(sizes) >= 2 and not all(u._n_sets(total, k) <= n_perm for k in sizes):
            cols = u._distinct([c for i in members for c in measures[i][1:3]])
            sums = u._permutation_sums(cols.arrays, list(sizes), n_perm=n_perm,
                                       rng=u._stream(seed, "perm", "articles"))
            for j, i in enumerate(members):
                perms[i] = (sums[cols.index[2 * j]], sums[cols.index[2 * j + 1]])

    rows = []
    for i, (key, num, den, names, sizes, _) in enumerate(measures):
        kind = MEASURE_KINDS.get(key[0], "mean")
        bounds = np.concatenate([[0], np.cumsum(sizes)])
        by_articles = min(sizes) >= 2
        tests: dict[str, tuple[float, float]] = {}
        if len(names) >= 2 and by_articles:
            total = int(bounds[-1])
            exact = [u._n_sets(total, k) <= n_perm for k in sizes]
            if not all(exact):
                diffs = u._diffs(num, den, sizes, *perms[i])
            for k, size in enumerate(sizes):
                if exact[k]:
                    obs, perm = u._exact_diffs(num, den, int(bounds[k]), int(bounds[k + 1]))
                    p = u.permutation_p(obs, perm, exact=True)
                    valid = int(np.count_nonzero(~np.isnan(perm)))
                    floor = (2 if 2 * size == total else 1) / valid if valid else math.nan
                else:
                    obs, perm = diffs[k]
                    p = u.permutation_p(obs, perm)
                    valid = int(np.count_nonzero(~np.isnan(perm)))
                    floor = max(u.min_permutation_p(size, total), 1 / (1 + valid)) if valid else math.nan
                tests[names[k]] = (p, floor if not math.isnan(p) else math.nan)
        for k, name in enumerate(names):
            own_num, own_den = num[bounds[k]:bounds[k + 1]], den[bounds[k]:bounds[k + 1]]
            n_sum, d_sum = float(own_num.sum()), float(own_den.sum())
            value = float(u._ratio(n_sum, d_sum))
            low = high = math.nan
            method = ""
            if not math.isnan(value):
                parts = []
                if kind == "rate":
                    parts.append((*u.garwood_interval(n_sum, d_sum, confidence=confidence), "garwood"))
                elif kind == "share":
                    parts.append((*u.clopper_pearson_interval(n_sum, d_sum, confidence=confidence),
                                  "clopper_pearson"))
                if sizes[k] >= 2:
                    parts.append(u._boot_part(boots[i, name], value, own_num, own_den, "articles", confidence))
                low, high, method = u._envelope(parts)
                if low == high and kind == "mean" and key[0] in MEASURE_RANGES:
                    low, high = u.identical_values_interval(value, sizes[k], MEASURE_RANGES[key[0]],
                                                            confidence=confidence)
                    method = "identical_articles"
            p, floor = tests.get(name, (math.nan, math.nan))
            comparison = u.Comparison(by_articles=True, n_outlets=len(names), own_articles=sizes[k],
                                      other_articles=int(bounds[-1]) - sizes[k], own_units=sizes[k],
                                      other_units=int(bounds[-1]) - sizes[k])
            if not by_articles and len(names) >= 2:
                verdict = "no test: every outlet needs two or more articles"
            else:
                verdict = comparison.verdict(p, value=value, noun=kind, min_p=floor)
            rows.append({"outlet": name, **dict(zip(MEASURE_KEY, key)), "value": value, "numerator": n_sum,
                         "denominator": d_sum, "ci_low": low, "ci_high": high, "p_value": p,
                         "n_units": int(sizes[k]), "verdict": verdict, "unit": comparison.unit,
                         "n_articles": int(sizes[k]), "ci_method": method, "min_p": floor,
                         "comparison": comparison.words})
    from framing.measures.uncertainty import summary_frame

    return summary_frame(rows)
