"""Charts of uncertainty: each outlet's value of a measure with its interval and permutation p-value.

The chart takes the summary table of
:func:`framing.measures.uncertainty.summarise` as it is: one forest plot
per measure, one row per category and voice, one dot and interval per
outlet (:func:`plot_summary_intervals`).  The interval says how precisely
the value is known; the p-value, written beside it, is the test.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from framing.core.vocabulary import ALPHA, MEASURE_UNITS, UNIT_ARTICLES, VOICES, Measure, Voice
from framing.present.chart_labels import chart_text
from framing.present.plots.cues import category_order
from framing.present.plots.frame import INTERVAL_NOTE, Frame, begin, display_names, panel_title
from framing.present.plots.layout import PANEL_MIN_INCHES, PanelGrid, make_room, many, rows_height
from framing.present.plots.marks import dodge, outlet_axis, row_guides, sort_outlets, tag
from framing.present.plots.style import GREY, INK, OutletStyle

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes


def _interval_rows(
    rows: pd.DataFrame, categories: Sequence[str] | None
) -> list[tuple[str, str]]:
    """The ``(category, voice)`` pairs of ``rows``, top to bottom: categories in order, then voices."""
    cats = list(categories) if categories is not None else category_order(
        [c for c in rows["category"].unique() if c])
    order = {c: i for i, c in enumerate(["", *cats])}
    voices = {v: i for i, v in enumerate(["", *VOICES])}
    pairs = set(zip(rows["category"], rows["voice"]))
    return sorted(pairs, key=lambda p: (order.get(p[0], len(order)), voices.get(p[1], len(voices)), p))


def _interval_label(measure: str, category: str, voice: str) -> str:
    """Row label in words: the category and voice, or the measure when it has neither."""
    words = [w.replace("_", " ") for w in (category, voice) if w]
    return ", ".join(words) if words else measure.replace("_", " ")


def _compared(rows: pd.DataFrame) -> str:
    """The chart's n line: what the units are and what each p-value compares, from ``unit`` when present."""
    if "unit" not in rows.columns:
        return "n = units per outlet; p: each outlet against the others"
    by_articles = rows["unit"] == UNIT_ARTICLES
    if by_articles.all():
        return "n = articles per outlet; p: each outlet against the other outlets"
    if not by_articles.any():
        return "n = sentences; p: each outlet's article(s) against the others (texts, not outlets)"
    return "n = articles or sentences (see the unit column); p: each outlet against the others"


def plot_summary_intervals(
    summary: pd.DataFrame,
    *,
    measure: Measure,
    outlets: Sequence[str],
    categories: Sequence[str] | None = None,
    voice: Voice | None = None,
    xlabel: str | None = None,
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Forest plot: each outlet's value of one measure with its interval, category by category.

    What it shows: for each row of the measure (one per category and voice
    for ``cue_rate``, a single row for the others) and outlet (one dot) the
    value of :func:`framing.measures.uncertainty.summarise`, ``sum(numerator) /
    sum(denominator)`` over the outlet's units, with its 95 % interval
    (``ci_low`` to ``ci_high``, made as the table's ``ci_method`` says: exact
    Poisson for rates, exact binomial for shares, BCa bootstrap for means) as
    a line.  The text on the right is the permutation p-value and the
    number of units (``n_units``).  What the test compares is the table's
    ``comparison``: with several articles per outlet, the outlet against the
    other outlets (articles permuted); with one article per outlet, that
    article against the other articles, which compares texts, not outlets.
    The n line under the title says which.  A filled dot means p < .05, a
    hollow dot p >= .05 (uncorrected).

    How to read it: the interval says how precisely one value is known; the
    p-value, not the overlap of two intervals, is the test (intervals can
    overlap while the values differ).  One chart shows one measure, so all
    rows share its unit on the x-axis (``MEASURE_UNITS`` of
    :mod:`framing.core.vocabulary` unless ``xlabel`` is given).

    With more than five outlets: one panel per row of the measure, the
    outlets down the shared y-axis, sorted by their value in the first
    panel, largest first.  A single panel keeps the p-value and n beside
    each row; with several, the fill of the dot says p < .05 and the
    summary table gives the numbers.

    Parameters
    ----------
    summary : DataFrame
        ``outlet, measure, category, voice, value, ci_low, ci_high, p_value,
        n_units`` (``unit``, ``comparison`` and ``verdict`` optional).
    measure : {"cue_rate", "mean_compound", "share_negative"}
        The measure to show.
    outlets : sequence of str
        Outlets in colour order.
    categories : sequence of str, optional
        Categories to show, top to bottom (default: every category of the
        measure, in the usual order).
    voice : {"authorial", "quoted"}, optional
        Show only this voice (default: every voice of the measure).
    xlabel : str, optional
        Axis label with unit; the measure's unit by default.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """

    columns = ("outlet", "measure", "category", "voice", "value", "ci_low", "ci_high", "p_value", "n_units")
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=summary, columns=columns, name="summary")
    rows = summary[(summary["measure"] == measure) & summary["outlet"].isin(list(outlets))]
    rows = rows.assign(category=rows["category"].fillna(""), voice=rows["voice"].fillna(""))
    if categories is not None:
        rows = rows[rows["category"].isin(list(categories))]
    if voice is not None:
        rows = rows[rows["voice"] == voice]
    xlabel = xlabel or MEASURE_UNITS.get(measure, str(measure).replace("_", " "))
    frame = Frame("Per-outlet values with 95% intervals", xlabel, "measure")
    if rows.empty or rows["value"].isna().all():
        return frame.empty(ax, "no values to show", n="n = 0 values")
    shown = _interval_rows(rows, categories)
    if any(c for c, _ in shown):
        frame = replace(frame, ylabel="cue category, voice")
    if many(outlets):
        return _interval_panels(ax, frame, rows, shown, measure=measure, outlets=outlets, styles=styles)
    ax.axvline(0, color="#BBBBBB", linewidth=0.8, zorder=1)
    for i, outlet in enumerate(outlets):
        own = rows[rows["outlet"] == outlet].drop_duplicates(["category", "voice"]).set_index(["category", "voice"])
        style = styles[outlet]
        for j, key in enumerate(shown):
            if key not in own.index or math.isnan(float(own.at[key, "value"])):
                continue
            r = own.loc[key]
            y = len(shown) - 1 - j + dodge(i, len(outlets))
            p = float(r["p_value"])
            filled = not math.isnan(p) and p < ALPHA
            _interval(ax, r, y, style, filled)
            tag(ax, _p_note(r), (1.0, y), (4, 0), xycoords=("axes fraction", "data"))
    ax.set_yticks(np.arange(len(shown))[::-1], [chart_text(_interval_label(measure, *key)) for key in shown])
    ax.set_ylim(-0.7, len(shown) - 0.3)
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [], [], color=styles[o].color, marker=styles[o].marker, markeredgecolor=INK, linewidth=2,
            label=chart_text(str(o)),
        )
        for o in outlets
    ]
    frame.finish(ax, n=_compared(rows), legend=handles + _fill_key(), note=INTERVAL_NOTE)
    make_room(ax, width=3.5, height=max(PANEL_MIN_INCHES, 0.2 * len(shown) * len(outlets) + 0.3))
    return ax


def _p_note(row) -> str:
    """The text beside a value: its permutation p-value (or "no test") and its number of units."""
    from framing.measures.uncertainty import format_p

    p = float(row["p_value"])
    return ("no test" if math.isnan(p) else format_p(p)) + f", n = {int(row['n_units'])}"


def _interval(ax: Axes, row, y: float, style: OutletStyle, filled: bool) -> None:
    """One value at height ``y``: its interval as a line, the value as a dot (filled when p < .05)."""
    ax.plot([row["ci_low"], row["ci_high"]], [y, y], color=style.color, linewidth=2, zorder=2)
    ax.plot(
        [row["value"]],
        [y],
        marker=style.marker,
        markersize=7,
        color=style.color,
        markeredgecolor=INK if filled else style.color,
        markeredgewidth=1 if filled else 2,
        markerfacecolor=style.color if filled else "white",
        zorder=3,
    )


def _fill_key() -> list:
    """Legend entries saying what a filled and a hollow dot mean."""
    from matplotlib.lines import Line2D

    return [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markerfacecolor=GREY,
            markeredgecolor=INK,
            label="p < .05 (filled)",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markerfacecolor="white",
            markeredgecolor=GREY,
            markeredgewidth=2,
            label="p \u2265 .05 (hollow)",
        ),
    ]


def _interval_panels(
    ax: Axes,
    frame: Frame,
    rows: pd.DataFrame,
    shown: Sequence[tuple[str, str]],
    *,
    measure: str,
    outlets: Sequence[str],
    styles: Mapping[str, OutletStyle],
) -> Axes:
    """Intervals of many outlets: one panel per category and voice, outlets down the shared y-axis.

    Outlets are sorted by their value in the first panel, largest first.  With a single panel the
    p-value and n are written beside each row; with several, the dot's fill says p < .05 and the
    summary table gives the numbers.
    """
    table = rows.drop_duplicates(["outlet", "category", "voice"]).set_index(["outlet", "category", "voice"])
    first = shown[0]
    values = {o: float(table.at[(o, *first), "value"]) if (o, *first) in table.index else math.nan for o in outlets}
    order = sort_outlets(outlets, values)
    grid = PanelGrid(ax, len(shown), ncols=min(len(shown), 5), outer_y=True)
    single = len(shown) == 1
    for panel, key in zip(grid.panels, shown):
        panel.axvline(0, color="#BBBBBB", linewidth=0.8, zorder=1)
        for y, outlet in enumerate(order):
            if (outlet, *key) not in table.index:
                continue
            r = table.loc[(outlet, *key)]
            if math.isnan(float(r["value"])):
                continue
            p = float(r["p_value"])
            _interval(panel, r, y, styles[outlet], not math.isnan(p) and p < ALPHA)
            if single:
                tag(panel, _p_note(r), (1.0, y), (4, 0), xycoords=("axes fraction", "data"))
        if not single:
            panel_title(panel, chart_text(_interval_label(measure, *key)))
        row_guides(panel)
    shown_names = display_names(outlets)
    outlet_axis(grid.panels, order, shown_names)
    label = chart_text(_interval_label(measure, *first))
    frame = replace(frame, ylabel=f"outlet, largest {label} first")
    if not single:
        frame = replace(frame, xlabel=f"{frame.xlabel} (each panel on its own scale)")
    frame.finish(ax, n=_compared(rows), legend=_fill_key(), ncols=2, note=INTERVAL_NOTE)
    make_room(ax, width=PANEL_MIN_INCHES if not single else 3.5, height=rows_height(len(order)),
              axes=grid.panels, grid=(grid.ncols, grid.nrows))
    return ax
