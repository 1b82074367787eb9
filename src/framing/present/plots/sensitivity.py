"""Charts of sensitivity: how an outlet's top-term ranking moves when an analysis setting changes.

The chart takes the rankings of
:func:`framing.measures.sensitivity.ranking_sensitivity` as they are
(:func:`plot_sensitivity`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from framing.present.chart_labels import chart_text
from framing.present.plots.frame import Frame, begin
from framing.present.plots.layout import PANEL_MIN_INCHES, make_room
from framing.present.plots.marks import tag
from framing.present.plots.style import GREY

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes


def plot_sensitivity(
    rankings: pd.DataFrame,
    *,
    outlet: str,
    outlets: Sequence[str],
    top: int = 10,
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Bump chart: how an outlet's top-term ranking moves when a setting changes.

    What it shows: one column per setting (in the order they first appear
    in ``rankings``, e.g. stopword list, prior, voice filter), one line
    per term that is in the outlet's top ``top`` under at least one
    setting; y = its rank (1 = most typical, at the top).  A term that
    falls out of the top ``top`` under a setting is drawn on the bottom
    row, "below top N".  Terms ranked in the top under every setting are
    drawn in the outlet's colour, the rest in grey.

    How to read it: flat coloured lines are findings that survive the
    choice of settings; lines that cross or drop out are artefacts of a
    choice and should not be reported alone.

    Parameters
    ----------
    rankings : DataFrame
        ``setting, outlet, term, rank`` (rank 1 = top).
    outlet : str
        Whose ranking to show.
    outlets : sequence of str
        All outlets in colour order.
    top : int
        Ranks shown.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    columns = ("setting", "outlet", "term", "rank")
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=rankings, columns=columns, name="rankings")
    rows = rankings[rankings["outlet"] == outlet]
    frame = Frame(
        f"How {chart_text(str(outlet))}'s top terms move with the settings",
        xlabel="setting",
        ylabel="rank of the term (1 = most typical)",
    )
    if rows.empty:
        return frame.empty(ax, "no rankings to show", n="n = 0 rankings")
    settings = list(dict.fromkeys(rows["setting"].astype(str)))
    table = (
        rows.assign(setting=rows["setting"].astype(str))
        .pivot_table(index="term", columns="setting", values="rank", aggfunc="min")
        .reindex(columns=settings)
    )
    table = table[(table <= top).any(axis=1)]
    clipped = table.where(table <= top, top + 1).fillna(top + 1)
    stable = (table <= top).all(axis=1)
    order = clipped.mean(axis=1).sort_values(kind="stable").index
    xs = np.arange(len(settings))
    for term in order:
        ranks = clipped.loc[term].to_numpy(dtype=float)
        color = styles[outlet].color if stable[term] else GREY
        ax.plot(
            xs,
            ranks,
            marker="o",
            color=color,
            linewidth=2 if stable[term] else 1.2,
            zorder=3 if stable[term] else 2,
        )
    for side, ha in ((0, "right"), (-1, "left")):
        ends = clipped.loc[order].iloc[:, side]
        for rank, terms_here in ends[ends <= top].groupby(ends, sort=True):
            text = ", ".join(chart_text(str(t)) for t in terms_here.index)
            tag(ax, text, (xs[side], rank), (-6 if ha == "right" else 6, 0), ha=ha)
    ax.set_xticks(xs, [chart_text(s) for s in settings])
    ax.set_xlim(-0.8, len(settings) - 1 + 0.8)
    ax.set_yticks(list(range(1, top + 2)), [str(k) for k in range(1, top + 1)] + [f"below top {top}"])
    ax.set_ylim(top + 1.5, 0.5)
    n = f"n = {len(table)} terms in the top {top} under at least one of {len(settings)} settings"
    frame.finish(ax, n=n)
    make_room(ax, width=max(4.0, 1.6 * len(settings)), height=max(PANEL_MIN_INCHES, 0.28 * (top + 1)))
    return ax
