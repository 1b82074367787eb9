"""Charts of cues: how often each outlet hedges, boosts, distances or attributes, and how it attributes.

The charts take the tables of :mod:`framing.measures.cues` as they are:
grouped bars of cue rates per 1,000 words, with 95% intervals from
:func:`framing.measures.uncertainty.summarise` when given
(:func:`plot_cue_rates`), and the shares of reporting-verb types among an
outlet's attribution cues (:func:`plot_attribution_profile`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from framing.core.vocabulary import ATTRIBUTION_GROUPS as ATTRIBUTION_SUBCATEGORIES
from framing.core.vocabulary import CATEGORIES, CUE_RATE, CUE_RATE_COLUMNS, Voice
from framing.present.chart_labels import chart_text
from framing.present.plots.frame import (
    INTERVAL_NOTE,
    Frame,
    begin,
    display_names,
    panel_title,
    patches,
    require,
    thousands,
)
from framing.present.plots.layout import PANEL_MIN_INCHES, PanelGrid, make_room, many, rows_height
from framing.present.plots.marks import outlet_axis, row_guides, sort_outlets, tag
from framing.present.plots.style import INK, OutletStyle

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

CUE_CATEGORIES = CATEGORIES


def category_order(present: Sequence[str]) -> list[str]:
    """``present`` categories in the vocabulary's order, then any others alphabetically."""
    known = [c for c in CUE_CATEGORIES if c in set(present)]
    return known + sorted(set(present) - set(CUE_CATEGORIES))


def _error_bars(
    summary: pd.DataFrame | None, outlet: str, cats: Sequence[str], voice: str, heights
) -> np.ndarray:
    """Distances below and above each bar to the interval ends (NaN where none)."""
    err = np.full((2, len(cats)), np.nan)
    if summary is None or summary.empty:
        return err
    require(summary, ("outlet", "measure", "category", "voice", "ci_low", "ci_high"), "summary")
    own = summary[(summary["outlet"] == outlet) & (summary["measure"] == CUE_RATE) & (summary["voice"] == voice)]
    own = own.drop_duplicates("category").set_index("category")
    for i, cat in enumerate(cats):
        if cat in own.index:
            err[0, i] = max(0.0, heights[i] - float(own.at[cat, "ci_low"]))
            err[1, i] = max(0.0, float(own.at[cat, "ci_high"]) - heights[i])
    return err


def plot_cue_rates(
    rates: pd.DataFrame,
    summary: pd.DataFrame | None = None,
    *,
    outlets: Sequence[str],
    voice: Voice = "authorial",
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Grouped bars of cue rates per 1,000 word tokens, one bar per outlet.

    What it shows: for each cue category (hedge, booster, distancing,
    attribution, scare quote) the rate ``1000 * n_cues / n_tokens`` of
    each outlet in the chosen voice (``rate_per_1k`` of
    :func:`framing.measures.cues.cue_rates`; the denominator is the outlet's word
    tokens in that voice).  Higher = more cues of that kind per 1,000 words.
    The number above each bar is the count of cues behind it.

    With more than five outlets the bars become dot panels: one panel per
    category, the outlets down the shared y-axis (with their word tokens),
    sorted by their total rate over the categories, largest first; each
    panel has its own x scale and the interval is a line through the dot.

    How to read it: with ``summary`` given, each bar carries its
    95% interval (``ci_low``, ``ci_high`` of the row with measure
    ``cue_rate`` and the bar's category and voice from
    :func:`framing.measures.uncertainty.summarise`).
    Overlapping intervals mean the data cannot tell the outlets apart; with
    a handful of cues per bar, expect wide intervals.

    Parameters
    ----------
    rates : DataFrame
        ``outlet, category, voice, n_cues, n_tokens, rate_per_1k``.
    summary : DataFrame, optional
        ``outlet, measure, category, voice, ci_low, ci_high`` for error bars.
    outlets : sequence of str
        Outlets in colour order.
    voice : {"authorial", "quoted"}
        The outlet's own words, or the words it quotes.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=rates, columns=CUE_RATE_COLUMNS, name="rates")
    rows = rates[(rates["voice"] == voice) & rates["outlet"].isin(list(outlets))]
    frame = Frame(
        f"Cues per 1,000 words, {voice} voice",
        xlabel="cue category (number above bar = cues counted)",
        ylabel=f"cues per 1,000 {voice} word tokens",
    )
    if rows.empty or int(rows["n_cues"].sum()) == 0:
        return frame.empty(ax, f"no cues found ({voice} voice)", n="n = 0 cues")
    cats = category_order(rows["category"].astype(str).unique().tolist())
    if many(outlets):
        return _cue_rate_panels(ax, frame, rows, summary, outlets=outlets, cats=cats, voice=voice, styles=styles)
    width = 0.8 / len(outlets)
    top = 0.0
    shown = display_names(outlets)
    for i, outlet in enumerate(outlets):
        own = rows[rows["outlet"] == outlet].set_index("category").reindex(cats)
        heights = own["rate_per_1k"].fillna(0.0).to_numpy(dtype=float)
        xs = np.arange(len(cats)) + (i - (len(outlets) - 1) / 2) * width
        err = _error_bars(summary, outlet, cats, voice, heights)
        n_tok = own["n_tokens"].dropna()
        style = styles[outlet]
        ax.bar(
            xs,
            heights,
            width=width * 0.92,
            color=style.color,
            hatch=style.hatch,
            edgecolor=INK,
            linewidth=0.4,
            label=f"{shown[outlet]} (n = {thousands(n_tok.iloc[0]) if len(n_tok) else 0} tokens)",
        )
        if not np.isnan(err).all():
            ax.errorbar(xs, heights, yerr=np.nan_to_num(err), fmt="none", ecolor=INK, elinewidth=1, capsize=3)
        ends = heights + np.nan_to_num(err[1])
        top = max(top, float(ends.max()))
        for xpos, end, count in zip(xs, ends, own["n_cues"].fillna(0).to_numpy()):
            tag(ax, thousands(count), (xpos, end), (0, 2), ha="center", va="bottom")
    ax.set_xticks(np.arange(len(cats)), [chart_text(c.replace("_", " ")) for c in cats])
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)
    if summary is not None:
        frame = replace(frame, title=frame.title + "; error bars: 95% interval")
    frame.finish(
        ax,
        legend=ax.get_legend_handles_labels()[0],
        legend_title=f"n = {voice} word tokens of each outlet",
        note=INTERVAL_NOTE if summary is not None else None,
    )
    make_room(ax, width=max(PANEL_MIN_INCHES, 0.22 * len(cats) * len(outlets)), height=PANEL_MIN_INCHES)
    return ax


def _interval_of(summary: pd.DataFrame | None, voice: str) -> pd.DataFrame | None:
    """``ci_low``, ``ci_high`` of the cue-rate rows of ``summary`` in ``voice``, indexed by outlet and category."""
    if summary is None or summary.empty:
        return None
    require(summary, ("outlet", "measure", "category", "voice", "ci_low", "ci_high"), "summary")
    own = summary[(summary["measure"] == CUE_RATE) & (summary["voice"] == voice)]
    return own.drop_duplicates(["outlet", "category"]).set_index(["outlet", "category"])[["ci_low", "ci_high"]]


def _cue_rate_panels(
    ax: Axes,
    frame: Frame,
    rows: pd.DataFrame,
    summary: pd.DataFrame | None,
    *,
    outlets: Sequence[str],
    cats: Sequence[str],
    voice: str,
    styles: Mapping[str, OutletStyle],
) -> Axes:
    """Cue rates of many outlets: one dot panel per category, outlets down the shared y-axis, highest total first."""
    rate = (rows.drop_duplicates(["outlet", "category"]).set_index(["outlet", "category"])["rate_per_1k"]
            .unstack().reindex(index=list(outlets), columns=list(cats)).fillna(0.0))
    tokens = rows.groupby("outlet")["n_tokens"].first().reindex(list(outlets)).fillna(0)
    counts = rows.groupby("category")["n_cues"].sum()
    order = sort_outlets(outlets, rate.sum(axis=1))
    bounds = _interval_of(summary, voice)
    grid = PanelGrid(ax, len(cats), ncols=len(cats), outer_y=True)
    shown = display_names(outlets)
    for panel, cat in zip(grid.panels, cats):
        right = 0.0
        for y, outlet in enumerate(order):
            value = float(rate.at[outlet, cat])
            style = styles[outlet]
            if bounds is not None and (outlet, cat) in bounds.index:
                lo, hi = (float(v) for v in bounds.loc[(outlet, cat)])
                panel.plot([lo, hi], [y, y], color=style.color, linewidth=2, zorder=2, solid_capstyle="butt")
                right = max(right, hi)
            panel.plot([value], [y], marker=style.marker, markersize=6, color=style.color, markeredgecolor=INK,
                       markeredgewidth=0.6, linestyle="none", zorder=3)
            right = max(right, value)
        panel.set_xlim(-0.03 * right if right > 0 else -0.03, right * 1.08 if right > 0 else 1.0)
        panel_title(panel, f"{chart_text(cat.replace('_', ' '))}\nn = {thousands(counts.get(cat, 0))} cues")
        row_guides(panel)
    outlet_axis(grid.panels, order, {o: f"{shown[o]} ({thousands(tokens[o])})" for o in order})
    title = frame.title + ("; lines: 95% interval" if summary is not None else "")
    frame = replace(
        frame,
        title=title,
        xlabel=f"cues per 1,000 {voice} word tokens (each panel on its own scale)",
        ylabel=f"outlet ({voice} word tokens), highest total rate first",
    )
    frame.finish(ax, note=INTERVAL_NOTE if summary is not None else None)
    make_room(ax, width=PANEL_MIN_INCHES, height=rows_height(len(order)), axes=grid.panels,
              grid=(grid.ncols, grid.nrows))
    return ax


def plot_attribution_profile(
    cues: pd.DataFrame,
    *,
    outlets: Sequence[str],
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """How each outlet introduces what others say: shares of reporting-verb types.

    What it shows: among an outlet's attribution cues (``category ==
    "attribution"`` in :func:`framing.measures.cues.find_cues`), the share of each
    subcategory: ``neutral`` (*said*, *according to*), ``endorsing``
    (*noted*, *pointed out*), ``doubting`` (*claimed*, *insisted*),
    ``charged`` (*accused*, *warned*), ``concession`` (*admitted*) and
    ``denial`` (*denied*, *dismissed*).  Share = cues of the subcategory
    / all attribution cues of the outlet; the label gives the share and the
    count.  The two most frequent verbs of each subcategory are listed under
    its name so the reader can see what was counted.

    How to read it: a larger doubting share means the outlet more often
    signals doubt about what it reports (WP:SAY: "claimed" casts doubt,
    "said" does not).  The shares rest on few cues: read counts, not only
    percentages.

    With more than five outlets: one bar panel per type, the outlets down
    the shared y-axis (with their number of attribution cues), sorted by
    their share of the first type (``neutral``), largest first; the number
    at each bar is its count of cues.

    Parameters
    ----------
    cues : DataFrame
        ``outlet, term, category, subcategory`` (one row per cue).
    outlets : sequence of str
        Outlets in colour order.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    columns = ("outlet", "term", "category", "subcategory")
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=cues, columns=columns, name="cues")
    rows = cues[(cues["category"] == "attribution") & cues["outlet"].isin(list(outlets))]
    frame = Frame(
        "How sources are introduced: attribution verbs by type",
        xlabel="share of the outlet's attribution cues (%)",
        ylabel="type of attribution",
    )
    if rows.empty:
        return frame.empty(ax, "no attribution cues found", n="n = 0 attribution cues")
    subs = list(ATTRIBUTION_SUBCATEGORIES)
    subs += sorted(set(rows["subcategory"].dropna().astype(str)) - set(subs))
    counts = rows.groupby(["outlet", "subcategory"]).size()
    verbs = rows.groupby(["subcategory", "term"]).size().reset_index(name="k")
    verbs = verbs.sort_values(["subcategory", "k", "term"], ascending=[True, False, True], kind="stable")
    ticks = []
    for s in subs:
        examples = verbs.loc[verbs["subcategory"] == s, "term"].head(2).tolist()
        words = ", ".join(chart_text(str(e)) for e in examples)
        ticks.append(chart_text(str(s)) + (f"\n({words})" if examples else ""))
    if many(outlets):
        return _attribution_panels(ax, frame, counts, subs, ticks, outlets=outlets, styles=styles)
    height = 0.8 / len(outlets)
    base = np.arange(len(subs))[::-1].astype(float)
    labels = {}
    shown = display_names(outlets)
    for i, outlet in enumerate(outlets):
        own = np.array([int(counts.get((outlet, s), 0)) for s in subs])
        total = int(own.sum())
        labels[outlet] = f"{shown[outlet]} (n = {total} attribution cues)"
        ys = base + ((len(outlets) - 1) / 2 - i) * height
        share = 100.0 * own / total if total else np.zeros(len(subs))
        style = styles[outlet]
        ax.barh(
            ys, share, height=height * 0.9, color=style.color, hatch=style.hatch, edgecolor=INK, linewidth=0.4
        )
        for j, (y, pct, k) in enumerate(zip(ys, share, own)):
            if not total and j:
                continue
            text = f"{pct:.0f}% (n={k})" if total else f"{shown[outlet]}: no attribution cues"
            tag(ax, text, (pct, y), (3, 0))
    ax.set_yticks(base, ticks)
    ax.set_ylim(-0.5, len(subs) - 0.5)
    ax.set_xlim(0, 118)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    frame.finish(ax, n=f"n = {len(rows)} attribution cues", legend=patches(styles, labels))
    make_room(ax, width=3.5, height=max(PANEL_MIN_INCHES, 0.17 * len(subs) * len(outlets) + 0.4))
    return ax


def _attribution_panels(
    ax: Axes,
    frame: Frame,
    counts: pd.Series,
    subs: Sequence[str],
    titles: Sequence[str],
    *,
    outlets: Sequence[str],
    styles: Mapping[str, OutletStyle],
) -> Axes:
    """Attribution shares of many outlets: one bar panel per type, outlets down the shared y-axis.

    Outlets are sorted by their share of the first type (``neutral``), largest first; the count of
    cues is written at each bar's end.
    """
    own = {o: np.array([int(counts.get((o, s), 0)) for s in subs]) for o in outlets}
    total = {o: int(v.sum()) for o, v in own.items()}
    share = {o: (100.0 * v / total[o] if total[o] else np.full(len(subs), np.nan)) for o, v in own.items()}
    order = sort_outlets(outlets, {o: share[o][0] for o in outlets})
    grid = PanelGrid(ax, len(subs), ncols=3, outer_x=True, outer_y=True)
    for j, (panel, title) in enumerate(zip(grid.panels, titles)):
        for y, outlet in enumerate(order):
            style = styles[outlet]
            pct = share[outlet][j]
            if np.isnan(pct):
                continue
            panel.barh(y, pct, height=0.7, color=style.color, hatch=style.hatch, edgecolor=INK, linewidth=0.4)
            if own[outlet][j]:
                tag(panel, str(own[outlet][j]), (pct, y), (3, 0))
        n_sub = sum(int(own[o][j]) for o in outlets)
        panel_title(panel, f"{title}\nn = {n_sub}")
        row_guides(panel)
    shown = display_names(outlets)
    labels = {o: f"{shown[o]} (n = {total[o]})" if total[o] else f"{shown[o]} (no attribution cues)" for o in order}
    outlet_axis(grid.panels, order, labels)
    grid.set_x((0, 125), [0, 50, 100])
    frame = replace(
        frame,
        xlabel="share of the outlet's attribution cues (%); number at the bar = cues",
        ylabel=f"outlet (n = attribution cues), largest {subs[0]} share first",
    )
    frame.finish(ax, n=f"n = {sum(total.values())} attribution cues")
    make_room(ax, width=PANEL_MIN_INCHES, height=rows_height(len(order)), axes=grid.panels,
              grid=(grid.ncols, grid.nrows))
    return ax
