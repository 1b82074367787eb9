"""Which outlet tells which content unit, and where: the selection grid."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from framing.core.vocabulary import COVERAGE_COLUMNS
from framing.present.chart_labels import chart_text
from framing.present.plots.frame import Frame, begin
from framing.present.plots.layout import PANEL_MIN_INCHES, make_room, many
from framing.present.plots.marks import sort_outlets
from framing.present.plots.style import GREY, INK

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

LEDE_COLOR = INK
LATER_COLOR = "#9ecae1"
LABEL_CHARS = 60


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def plot_coverage(
    coverage: pd.DataFrame,
    units: pd.DataFrame,
    *,
    outlets: Sequence[str],
    colors: Mapping[str, str] | None = None,
    max_units: int = 25,
    min_outlets: int = 1,
    ax: Axes | None = None,
) -> Axes:
    """A grid of content units (rows) by outlets (columns): dark = told in the headline or lede, light
    = told further down, empty = not told.

    Parameters
    ----------
    coverage : DataFrame
        ``coverage.csv`` (``outlet, unit_id, present, in_lede``).
    units : DataFrame
        ``units.csv`` (``unit_id, label, n_outlets``); rows are ordered as there (most outlets first).
    outlets : sequence of str
        Column order, up to five outlets.  With more, the columns are sorted by how many of the drawn
        units each outlet tells (most first, the count after the name).
    max_units : int
        Rows drawn at most; the title says how many units there are in all.
    min_outlets : int
        Draw only units told by at least this many outlets.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    from matplotlib.patches import Patch, Rectangle

    ax, _styles = begin(ax, outlets=outlets, colors=colors, table=coverage, columns=COVERAGE_COLUMNS,
                        name="coverage")
    frame = Frame("What each outlet tells, and where", xlabel="outlet",
                  ylabel="content unit (a sentence that tells it)")
    chosen = units[units["n_outlets"] >= min_outlets]
    total = len(chosen)
    chosen = chosen.head(max_units)
    if chosen.empty:
        return frame.empty(ax, "no content unit to show", n="n = 0 units")
    cells = coverage.set_index(["unit_id", "outlet"])
    told = {o: 0 for o in outlets}
    for unit in chosen["unit_id"]:
        for outlet in outlets:
            if (unit, outlet) in cells.index and bool(cells.loc[(unit, outlet), "present"]):
                told[outlet] += 1
    columns = sort_outlets(outlets, told) if many(outlets) else list(outlets)
    for row, unit in enumerate(chosen["unit_id"]):
        for col, outlet in enumerate(columns):
            if (unit, outlet) not in cells.index or not bool(cells.loc[(unit, outlet), "present"]):
                face, edge = "white", GREY
            else:
                face = LEDE_COLOR if bool(cells.loc[(unit, outlet), "in_lede"]) else LATER_COLOR
                edge = INK
            ax.add_patch(Rectangle((col + 0.08, row + 0.08), 0.84, 0.84, facecolor=face, edgecolor=edge,
                                   linewidth=0.6))
    ax.set_xlim(0, len(columns))
    ax.set_ylim(len(chosen), 0)
    ax.set_xticks([c + 0.5 for c in range(len(columns))])
    rotate = len(columns) > 4
    names = [chart_text(o) + (f" ({told[o]})" if many(outlets) else "") for o in columns]
    ax.set_xticklabels(names, rotation=60 if rotate else 0, ha="right" if rotate else "center",
                       rotation_mode="anchor" if rotate else "default")
    ax.set_yticks([r + 0.5 for r in range(len(chosen))])
    ax.set_yticklabels([chart_text(_short(label)) for label in chosen["label"]])
    ax.tick_params(length=0)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    shown = f"{len(chosen)} of {total} units" if total > len(chosen) else f"{total} units"
    legend = [
        Patch(facecolor=LEDE_COLOR, edgecolor=INK, label="told in the headline or lede"),
        Patch(facecolor=LATER_COLOR, edgecolor=INK, label="told further down"),
        Patch(facecolor="white", edgecolor=GREY, label="not told"),
    ]
    if many(outlets):
        frame = replace(frame, xlabel="outlet (units it tells), most units first")
    frame.finish(ax, n=f"n = {shown}", legend=legend, ncols=3)
    cell = 0.3  # inches per grid cell
    make_room(ax, width=max(PANEL_MIN_INCHES, cell * len(columns)), height=max(PANEL_MIN_INCHES, cell * len(chosen)))
    return ax
