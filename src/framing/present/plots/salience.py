"""Charts of term salience: which words are typical of each outlet.

The charts take the term table of :func:`framing.measures.salience.term_table`
as it is (one row per outlet x term, with the log-odds z of Monroe, Colaresi
& Quinn 2008): diverging bars of each outlet's most typical terms
(:func:`plot_top_terms`), one small panel per outlet
(:func:`plot_top_terms_grid`), and a scatter of how common against how
typical (:func:`plot_frequency_vs_distinctiveness`).

The dashed lines at |z| = 1.96 are drawn only where some term could reach
them: where the table's ``z_attainable`` (the largest |z| any term could
have, given its corpus count) stays below 1.96, no term can pass the
conventional threshold however its uses are split, so the caption says
that z is a ranking score there (:func:`ranking_note`) instead.  A table
without ``z_attainable`` gets the lines, as it cannot say.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

import numpy as np

from framing.core.vocabulary import Z_CRITICAL
from framing.measures.salience import largest_attainable_z, top_terms, z_threshold_reachable
from framing.present.chart_labels import chart_text
from framing.present.plots.frame import (
    SIGNIFICANCE_NOTE,
    Frame,
    begin,
    display_names,
    panel_title,
    patches,
    require,
    styles_for,
    thousands,
)
from framing.present.plots.layout import PANEL_MIN_INCHES, PanelGrid, make_room, many
from framing.present.plots.marks import place_labels, tag
from framing.present.plots.style import GREY, INK, SMALL, OutletStyle

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FrequencyAxis = Literal["count", "rate_per_1k"]
TERM_COLUMNS = ("outlet", "term", "ngram", "count", "n_tokens", "log_odds_z")


def ranking_note(unit: str, largest: float) -> str:
    """The caption of a z chart where no term can reach |z| = 1.96 (``largest``: the largest attainable z)."""
    reach = "" if math.isnan(largest) else f" (largest attainable |z| = {largest:.2f})"
    return (f"z is a ranking score here: with texts this short no {unit[:-1]} can reach "
            f"the conventional |z| = {Z_CRITICAL}{reach}")


def _z_note(terms: pd.DataFrame, ngram: int, outlets: Sequence[str]) -> tuple[bool, str]:
    """Whether to draw the |z| = 1.96 lines for these outlets, and the caption that goes with it."""
    if z_threshold_reachable(terms, ngram=ngram, outlets=outlets):
        return True, SIGNIFICANCE_NOTE
    return False, ranking_note(_ngram_unit(ngram), largest_attainable_z(terms, ngram=ngram, outlets=outlets))


def _z_guides(ax: Axes, *, vertical: bool, negative: bool = True, threshold: bool = True) -> None:
    """A solid line at 0 and, when ``threshold``, dashed lines at z = 1.96 (and -1.96 unless ``negative=False``)."""
    line = ax.axvline if vertical else ax.axhline
    line(0, color=INK, linewidth=0.8, zorder=1)
    if not threshold:
        return
    for z in (-Z_CRITICAL, Z_CRITICAL)[0 if negative else 1 :]:
        line(z, color="#666666", linewidth=0.9, linestyle="--", zorder=1)


def _z_label(terms: pd.DataFrame, name: str = "outlet") -> str:
    """Axis label of ``log_odds_z``, by the table's ``log_odds_method``."""
    methods = set(terms["log_odds_method"].dropna()) if "log_odds_method" in terms.columns else set()
    if methods == {"pairwise"}:
        return f"log-odds z ({name} vs the other outlet)"
    return f"weighted log-odds z ({name} vs whole corpus)"


def _ngram_unit(ngram: int) -> str:
    return {1: "words", 2: "bigrams", 3: "trigrams"}.get(ngram, f"{ngram}-grams")


def _term_rows(terms: pd.DataFrame, ngram: int) -> pd.DataFrame:
    require(terms, TERM_COLUMNS, "terms")
    rows = terms[terms["ngram"] == ngram]
    return rows[rows["log_odds_z"].notna()]


def _top_for(rows: pd.DataFrame, outlet: str, top: int) -> pd.DataFrame:
    """The outlet's ``top`` terms with the highest positive z (used at least once), by the suite's one tie rule
    (:func:`framing.measures.salience.top_terms`)."""
    own = rows[rows["outlet"] == outlet]
    ngram = int(own["ngram"].iloc[0]) if len(own) else 1
    return top_terms(own, ngram=ngram, ties="first").head(top)


def _outlet_tokens(rows: pd.DataFrame, outlet: str) -> int:
    own = rows.loc[rows["outlet"] == outlet, "n_tokens"]
    return int(own.iloc[0]) if len(own) else 0


def _draw_term_bars(
    ax: Axes, chosen: pd.DataFrame, styles: Mapping[str, OutletStyle], signs: Mapping[str, int], *,
    threshold: bool = True,
) -> None:
    """Horizontal bars, one row per chosen term, first row at the top; n=count at each bar's tip."""
    n = len(chosen)
    ypos = np.arange(n)[::-1]
    for y, row in zip(ypos, chosen.itertuples(index=False)):
        style = styles[row.outlet]
        value = signs[row.outlet] * float(row.log_odds_z)
        ax.barh(y, value, color=style.color, hatch=style.hatch, edgecolor=INK, linewidth=0.4, height=0.72)
        tag(ax, f"n={int(row.count)}", (value, y), (3 if value >= 0 else -3, 0), ha="left" if value >= 0 else "right")
    ax.set_yticks(ypos, [chart_text(str(t)) for t in chosen["term"]])
    ax.set_ylim(-0.7, n - 0.3)
    floor = Z_CRITICAL if threshold else 0.0
    lo, hi = min(0.0, *ax.get_xlim()), max(floor, *ax.get_xlim())
    if lo < 0:
        lo = min(lo, -floor)
    pad = 0.18 * (hi - lo)
    ax.set_xlim(lo - pad if lo < 0 else 0.0, hi + pad)


def plot_top_terms(
    terms: pd.DataFrame,
    *,
    outlets: Sequence[str],
    ngram: int = 1,
    top: int = 10,
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Diverging bar chart of the terms most typical of each outlet.

    What it shows: for each outlet, its ``top`` terms with the highest
    log-odds z (Monroe, Colaresi & Quinn 2008; the ``log_odds_z`` column of
    :func:`framing.measures.salience.term_table`: with two outlets one
    against the other, otherwise each against the whole corpus).  Bar length
    is z; higher = more typical of that outlet.  The label at each bar's tip
    is how often the outlet used the term.

    How to read it: with two outlets, the first outlet's terms point left
    and the second outlet's point right (tick labels show |z|, so both
    sides read as "how typical of this outlet").  Bars that end beyond the
    dashed lines at |z| = 1.96 would be "significant" at p < .05 for a
    single term tested alone; with hundreds of terms tested, several such
    bars are expected by chance.  The dashed lines are drawn only when some
    term of the table could reach them (``z_attainable``); otherwise the
    caption says z is a ranking score here.  With three to five outlets all
    bars point right, one block per outlet; with more, each outlet gets a
    small panel of its own on one shared x-axis, and no legend (see also
    :func:`plot_top_terms_grid`).

    Parameters
    ----------
    terms : DataFrame
        ``outlet, term, ngram, count, n_tokens, log_odds_z``: one row per
        outlet x term, as from :func:`framing.measures.salience.term_table`.
    outlets : sequence of str
        Outlets to show, in colour order (``articles.csv`` order).
    ngram : int
        Which n-gram order to show (1 = single words).
    top : int
        Terms per outlet.  Only terms with z > 0 that the outlet used count.
    ax : matplotlib Axes, optional
        Where to draw; default the current Axes.
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    import matplotlib.ticker as mticker
    import pandas as pd

    ax, styles = begin(ax, outlets=outlets, colors=colors, table=terms, columns=TERM_COLUMNS, name="terms")
    unit = _ngram_unit(ngram)
    rows = _term_rows(terms, ngram)
    frame = Frame(f"The {unit} most typical of each outlet", _z_label(rows), unit)
    blocks = [_top_for(rows, o, top) for o in outlets]
    chosen = pd.concat(blocks, ignore_index=True) if blocks else rows.iloc[:0]
    if chosen.empty:
        msg = "no distinctive terms found\n(log-odds need at least two outlets with text)"
        return frame.empty(ax, msg, n="n = 0 terms with a log-odds z")
    if many(outlets):
        return _term_panels(ax, frame, terms, rows, blocks, outlets=outlets, ngram=ngram, styles=styles)
    two = len(outlets) == 2
    signs = {o: (-1 if two and i == 0 else 1) for i, o in enumerate(outlets)}
    if two:  # rows sorted by signed z: the second outlet's strongest at the top, the first's at the bottom
        chosen = pd.concat([blocks[1], blocks[0].iloc[::-1]], ignore_index=True)
    threshold, note = _z_note(terms, ngram, outlets)
    _draw_term_bars(ax, chosen, styles, signs, threshold=threshold)
    _z_guides(ax, vertical=True, negative=two, threshold=threshold)
    ntok = {o: f"n = {thousands(_outlet_tokens(rows, o))} {unit}" for o in outlets}
    shown = display_names(outlets)
    if two:
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
        labels = {
            outlets[0]: f"\u2190 left: more typical of {shown[outlets[0]]} ({ntok[outlets[0]]})",
            outlets[1]: f"\u2192 right: more typical of {shown[outlets[1]]} ({ntok[outlets[1]]})",
        }
    else:
        labels = {o: f"{shown[o]} ({ntok[o]})" for o in outlets}
    frame = replace(frame, ylabel=f"{unit[:-1]} (n = uses by the outlet)")
    frame.finish(ax, legend=patches(styles, labels), ncols=1 if two else 0, note=note)
    make_room(ax, width=4.0, height=max(PANEL_MIN_INCHES, 0.2 * len(chosen) + 0.3))
    return ax


def _grid_columns(n: int) -> int:
    """Panels per row of a chart with one panel per outlet: three, or four beyond twelve outlets."""
    return 3 if n <= 12 else 4


def _term_panels(
    ax: Axes,
    frame: Frame,
    terms: pd.DataFrame,
    rows: pd.DataFrame,
    blocks: Sequence[pd.DataFrame],
    *,
    outlets: Sequence[str],
    ngram: int,
    styles: Mapping[str, OutletStyle],
) -> Axes:
    """Top terms of many outlets: one small bar panel per outlet on a shared x-axis, no legend."""
    unit = _ngram_unit(ngram)
    grid = PanelGrid(ax, len(outlets), ncols=_grid_columns(len(outlets)), outer_x=True)
    threshold, note = _z_note(terms, ngram, outlets)
    xmax = max(Z_CRITICAL if threshold else 0.0, float(rows["log_odds_z"].max()) if len(rows) else 0.0) * 1.3
    shown = display_names(outlets)
    for panel, outlet, chosen in zip(grid.panels, outlets, blocks):
        title = f"{shown[outlet]}\nn = {thousands(_outlet_tokens(rows, outlet))} {unit}"
        panel_title(panel, title)
        if chosen.empty:
            panel.set_yticks([])
            panel.text(0.5, 0.5, "no distinctive terms", transform=panel.transAxes, ha="center", va="center",
                       fontsize=SMALL, color=INK)
            continue
        _draw_term_bars(panel, chosen, styles, {outlet: 1}, threshold=threshold)
        _z_guides(panel, vertical=True, negative=False, threshold=threshold)
    for panel in grid.panels:
        panel.set_xlim(0, xmax if xmax > 0 else 1.0)
    top = max((len(b) for b in blocks), default=1)
    frame = replace(frame, ylabel=f"{unit[:-1]} (n = uses by the outlet)")
    frame.finish(ax, note=note)
    make_room(ax, width=PANEL_MIN_INCHES, height=max(PANEL_MIN_INCHES, 0.2 * top + 0.2), axes=grid.panels,
              grid=(grid.ncols, grid.nrows))
    return ax


def plot_top_terms_grid(
    terms: pd.DataFrame,
    *,
    outlets: Sequence[str],
    ngram: int = 1,
    top: int = 10,
    fig: Figure | None = None,
    ncols: int | None = None,
    colors: Mapping[str, str] | None = None,
) -> Figure:
    """One small bar chart per outlet of its most typical terms.

    What it shows: the same quantity as :func:`plot_top_terms` (the
    ``log_odds_z`` of the term table; higher = more typical), one panel per
    outlet in its colour, all panels on a shared x-axis so bar lengths
    compare across panels.  A dashed line marks z = 1.96 in the panels of
    outlets where some term could reach it (``z_attainable``); where none
    can, the caption says z is a ranking score.  Each bar is labelled with
    the outlet's count of the term.

    Parameters
    ----------
    terms : DataFrame
        As for :func:`plot_top_terms`.
    outlets : sequence of str
        Outlets, one panel each, in colour order.
    ngram, top : int
        As for :func:`plot_top_terms`.
    fig : matplotlib Figure, optional
        Figure to fill (it is cleared); default a new figure sized
        ``(2.7 * ncols, 0.25 * top * rows + 1.4)`` inches (at least 8 wide).
    ncols : int, optional
        Panels per row; default three, four beyond twelve outlets.
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Figure
    """
    import matplotlib.pyplot as plt

    styles = styles_for(outlets, colors)
    unit = _ngram_unit(ngram)
    rows = _term_rows(terms, ngram)
    ncols = max(1, min(ncols or _grid_columns(len(outlets)), len(outlets)))
    nrows = math.ceil(len(outlets) / ncols)
    if fig is None:
        fig = plt.figure(figsize=(max(8.0, 2.7 * ncols), 0.25 * top * nrows + 1.4), layout="constrained")
    fig.clear()
    axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
    reachable = {o: z_threshold_reachable(terms, ngram=ngram, outlets=[o]) for o in outlets}
    floor = Z_CRITICAL if any(reachable.values()) else 0.0
    xmax = max(floor, float(rows["log_odds_z"].max()) if len(rows) else 0.0) * 1.25
    xmax = xmax if xmax > 0 else 1.0
    shown = display_names(outlets)
    for panel, outlet in zip(axes, outlets):
        chosen = _top_for(rows, outlet, top)
        title = f"{shown[outlet]}\nn = {thousands(_outlet_tokens(rows, outlet))} {unit}"
        if chosen.empty:
            Frame(title, "", "").empty(panel, "no distinctive terms", n="")
            continue
        _draw_term_bars(panel, chosen, styles, {outlet: 1}, threshold=reachable[outlet])
        panel.set_xlim(0, xmax)
        if reachable[outlet]:
            panel.axvline(Z_CRITICAL, color="#666666", linewidth=0.9, linestyle="--")
        panel_title(panel, title)
    for panel in axes[len(outlets) :]:
        panel.set_visible(False)
    for panel in axes[max(0, len(outlets) - ncols) : len(outlets)]:
        panel.tick_params(labelbottom=True)  # the last panel of its column: it carries the scale
    fig.suptitle(f"The {unit} most typical of each outlet (label: n = uses by the outlet)")
    _, note = _z_note(terms, ngram, outlets)
    fig.supxlabel(f"{_z_label(rows)}\n{note}", fontsize=10)
    return fig


def plot_frequency_vs_distinctiveness(
    terms: pd.DataFrame,
    *,
    outlet: str,
    outlets: Sequence[str],
    ngram: int = 1,
    label_top: int = 12,
    x: FrequencyAxis = "count",
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Scatter of how common each term is against how typical it is of one outlet.

    A static cousin of Scattertext (Kessler 2017).  Each point is a term.
    x = its frequency in the whole corpus, on a log scale: with
    ``x="count"`` the number of occurrences summed over outlets, with
    ``x="rate_per_1k"`` ``1000 * sum(count) / sum(n_tokens)`` over outlets.
    y = its ``log_odds_z`` for ``outlet`` (against the other outlet when
    there are two, against the whole corpus otherwise; higher = more typical
    of ``outlet``).  Points above 0 are drawn in the
    outlet's colour, the rest in grey (used relatively more by the other
    outlets).  Terms with the same frequency and the same z fall on one
    spot; they are drawn as one dot whose area grows with the number of
    terms (``18 * sqrt(k)`` points squared).  The ``label_top`` spots with
    the largest |z| are labelled with up to three of their terms
    (alphabetical) and "+k more"; labels are placed greedily so that they
    do not overlap each other or the dots.

    How to read it: rare terms (left) cannot reach large |z| however
    lopsided their use, which is the point of the log-odds prior; terms far
    from 0 *and* to the right are the outlet's recurrent vocabulary.  The
    dashed lines at |z| = 1.96 are drawn only when some term of the outlet
    could reach them (``z_attainable``); otherwise the caption says z is a
    ranking score here.  No jitter is added: every dot sits at its true
    value.

    Parameters
    ----------
    terms : DataFrame
        ``outlet, term, ngram, count, n_tokens, log_odds_z`` as from
        :func:`framing.measures.salience.term_table`.
    outlet : str
        The outlet whose z is on the y-axis.
    outlets : sequence of str
        All outlets in colour order (``articles.csv`` order), so the outlet
        gets the same colour as in the other charts.
    ngram : int
        N-gram order to show.
    label_top : int
        How many of the most distinctive terms (by |z|) to label.
    x : {"count", "rate_per_1k"}
        Frequency measure on the x-axis.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=terms, columns=TERM_COLUMNS, name="terms")
    unit = _ngram_unit(ngram)
    rows = terms[terms["ngram"] == ngram]
    total = rows.groupby("term", sort=True)["count"].sum()
    n_all = int(rows.drop_duplicates("outlet")["n_tokens"].sum())
    own = rows[(rows["outlet"] == outlet) & rows["log_odds_z"].notna()].set_index("term")
    own = own.join(total.rename("corpus_count"))
    own = own[own["corpus_count"] > 0].sort_index(kind="stable")
    freq = own["corpus_count"] * (1000.0 / n_all if x == "rate_per_1k" and n_all else 1.0)
    xlabel = (
        "occurrences in the whole corpus (log scale)"
        if x == "count"
        else f"{unit} per 1,000 {unit} in the whole corpus (log scale)"
    )
    name = chart_text(str(outlet))
    frame = Frame(f"How common vs how typical of {name}", xlabel, _z_label(rows, name))
    if own.empty:
        msg = "no terms to compare\n(log-odds need at least two outlets with text)"
        return frame.empty(ax, msg, n="n = 0 terms with a log-odds z")
    import matplotlib.ticker as mticker
    import pandas as pd

    points = pd.DataFrame(
        {"term": own.index.astype(str), "freq": freq.to_numpy(), "z": own["log_odds_z"].to_numpy()}
    )
    spots = (
        points.sort_values("term", kind="stable")
        .groupby(["freq", "z"], sort=True)["term"]
        .agg(list)
        .reset_index()
    )
    spots["k"] = spots["term"].str.len()
    style = styles[outlet]
    for more, color, label in ((False, GREY, "the others"), (True, style.color, name)):
        part = spots[(spots["z"] > 0) == more]
        ax.scatter(
            part["freq"],
            part["z"],
            s=18 * np.sqrt(part["k"].to_numpy(dtype=float)),
            color=color,
            marker=style.marker if more else "o",
            alpha=0.85 if more else 0.6,
            edgecolors=INK if more else "none",
            linewidths=0.3,
            label=f"more typical of {label}",
            zorder=3 if more else 2,
        )
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(mticker.LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _pos: f"{v:g}"))
    ax.xaxis.set_minor_formatter(mticker.NullFormatter())
    threshold, note = _z_note(terms, ngram, [outlet])
    _z_guides(ax, vertical=False, threshold=threshold)
    fmin, fmax = float(spots["freq"].min()), float(spots["freq"].max())
    ax.set_xlim(fmin / 1.6, fmax * 2.2)
    span = max(float(spots["z"].abs().max()), Z_CRITICAL if threshold else 0.0) or 1.0
    ax.set_ylim(-span * 1.25, span * 1.25)
    chosen = spots.assign(size=spots["z"].abs()).sort_values(["size", "freq"], ascending=False, kind="stable")
    chosen = chosen.head(label_top)
    xy = chosen[["freq", "z"]].to_numpy(dtype=float)
    names = [
        ", ".join(chart_text(str(w)) for w in t[:3]) + (f" +{len(t) - 3} more" if len(t) > 3 else "")
        for t in chosen["term"]
    ]
    ax.legend(loc="lower right", title="bigger dot = several terms at one spot")
    n = f"n = {thousands(n_all)} {unit} in the corpus, {thousands(len(own))} distinct"
    frame.finish(ax, n=n, note=note)
    make_room(ax, width=4.0, height=3.0)
    radius = np.sqrt(18 * np.sqrt(spots["k"].to_numpy(dtype=float))) / 2 * ax.figure.dpi / 72
    place_labels(ax, xy, names, spots[["freq", "z"]].to_numpy(dtype=float), radius)
    return ax
