"""Where text and marks go: labels beside marks, outlets side by side within a row.

:func:`tag` writes the small label a chart puts beside a bar or a dot (a
count, a share, a p-value); :func:`place_labels` labels the points of a
scatter so that no two labels overlap; :func:`dodge` spreads the outlets'
dots over one row of a dot chart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from framing.present.plots.style import GREY, INK, SMALL

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.text import Annotation

    from framing.present.plots.style import OutletStyle


def tag(
    ax: Axes,
    text: str,
    xy: tuple[float, float],
    offset: tuple[float, float],
    *,
    ha: str = "left",
    va: str = "center",
    color: str = INK,
    **more: Any,
) -> Annotation:
    """A small label at ``xy`` (data coordinates unless ``xycoords`` is given), moved by ``offset`` points.

    ``more`` is passed to ``Axes.annotate`` (``xycoords``, ``zorder``, ``bbox``, ...).
    """
    return ax.annotate(
        text, xy=xy, xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=SMALL, color=color, **more
    )


def dodge(i: int, n: int) -> float:
    """Vertical offset of the i-th of ``n`` outlets within a row: from +0.3 (first) to -0.3 (last); 0 for one."""
    return 0.3 - i * (0.6 / max(1, n - 1)) if n > 1 else 0.0


_LABEL_OFFSETS = tuple(
    (dx, dy)
    for reach in (1, 2.5, 4.5)
    for dx, dy in ((5, 0), (-5, 0), (0, 7), (0, -7), (5, 7), (-5, 7), (5, -7), (-5, -7))
    for dx, dy in [(dx * reach, dy * reach)]
)


def _overlap(a, b) -> float:
    """Area shared by two (x0, y0, x1, y1) boxes."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def place_labels(
    ax: Axes, xy: np.ndarray, labels: Sequence[str], obstacles: np.ndarray, radius: np.ndarray
) -> None:
    """Label points greedily so that labels avoid each other, the points and the axes edges.

    The figure layout is settled first (``draw_without_rendering``), then
    each label, most important first, tries offsets of growing reach around
    its point (right, left, above, below, diagonals) and keeps the first one
    whose measured text box stays inside the axes and touches no earlier
    label and no point; failing that, the least-overlapping one.  Labels
    away from their point get a thin leader line.  Deterministic: no
    randomness, fixed candidate order.

    ``obstacles`` are data coordinates of all points, ``radius`` their
    marker radii in display pixels.
    """
    ax.figure.draw_without_rendering()
    frame = ax.get_window_extent()
    frame = (frame.x0, frame.y0, frame.x1, frame.y1)
    centres = ax.transData.transform(obstacles)
    dots = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(centres, radius)]
    placed: list[tuple[float, float, float, float]] = []
    for (px, py), text in zip(xy, labels):
        ann = ax.annotate(
            text, xy=(px, py), xytext=(0, 0), textcoords="offset points", fontsize=SMALL, color=INK
        )
        best, best_cost = None, math.inf
        for dx, dy in _LABEL_OFFSETS:
            ha = "left" if dx > 0 else ("right" if dx < 0 else "center")
            va = "bottom" if dy > 0 else ("top" if dy < 0 else "center")
            ann.set(position=(dx, dy), ha=ha, va=va)
            ext = ann.get_window_extent()  # no arrow yet: the text box only
            box = (ext.x0, ext.y0, ext.x1, ext.y1)
            inside = box[0] >= frame[0] and box[2] <= frame[2] and box[1] >= frame[1] and box[3] <= frame[3]
            cost = 10 * sum(_overlap(box, other) for other in placed) + sum(_overlap(box, d) for d in dots)
            cost += (0 if inside else 1e9) + 0.01 * math.hypot(dx, dy)
            if cost < best_cost:
                best, best_cost = (dx, dy, ha, va, box), cost
            if cost < 1:
                break
        dx, dy, ha, va, box = best
        ann.remove()
        far = math.hypot(dx, dy) > 10
        leader = {"arrowstyle": "-", "color": GREY, "linewidth": 0.6, "shrinkA": 1, "shrinkB": 3}
        tag(ax, text, (px, py), (dx, dy), ha=ha, va=va, arrowprops=leader if far else None)
        placed.append(box)


def sort_outlets(outlets: Sequence[str], values: Mapping[str, float]) -> list[str]:
    """``outlets`` by ``values``, largest first; ties and missing values keep the order of ``outlets``, NaN last."""
    def key(item: tuple[int, str]) -> tuple[bool, float, int]:
        i, outlet = item
        value = values.get(outlet, math.nan)
        value = math.nan if value is None else float(value)
        return (math.isnan(value), -value if not math.isnan(value) else 0.0, i)

    return [outlet for _, outlet in sorted(enumerate(outlets), key=key)]


def outlet_axis(axes: Axes | Sequence[Axes], order: Sequence[str], labels: Mapping[str, str]) -> None:
    """Put one outlet per row on the y-axis: ``order[0]`` at the top, at y = 0, 1, 2 ... downwards.

    ``axes`` is one Axes or the panels of a chart that share the rows (each gets the same ticks;
    panels whose y tick labels are switched off stay unlabelled).  ``labels`` maps each outlet to
    its tick label (already passed through :func:`framing.present.chart_labels.chart_text`).
    """
    for ax in [axes] if not isinstance(axes, Sequence) else axes:
        ax.set_yticks(range(len(order)), [labels[o] for o in order])
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)


def row_guides(ax: Axes) -> None:
    """Faint horizontal lines at the y ticks, so a row can be followed from panel to panel."""
    ax.grid(axis="y", color="#E3E3E3", linewidth=0.7)
    ax.set_axisbelow(True)


def hbox(ax: Axes, values: np.ndarray, y: float, style: OutletStyle, *, dots: bool = True) -> None:
    """A horizontal box-and-strip of ``values`` at height ``y``.

    Box = quartiles, line = median, whiskers to the furthest value within 1.5 box lengths, a dot per value
    (spread up and down by a fixed pseudo-random offset, seed 0) when ``dots``, a black diamond at the mean.
    """
    import numpy as np

    q1, median, q3 = np.percentile(values, [25, 50, 75])
    reach = 1.5 * (q3 - q1)
    low = float(values[values >= q1 - reach].min())
    high = float(values[values <= q3 + reach].max())
    ax.plot([low, q1], [y, y], color=style.color, linewidth=1, zorder=2)
    ax.plot([q3, high], [y, y], color=style.color, linewidth=1, zorder=2)
    ax.barh(y, q3 - q1, left=q1, height=0.6, color=style.color, alpha=0.25, edgecolor=style.color,
            hatch=style.hatch, linewidth=1, zorder=2)
    ax.plot([median, median], [y - 0.3, y + 0.3], color=INK, linewidth=1.2, zorder=3)
    if dots:
        offsets = np.random.default_rng(0).uniform(-0.2, 0.2, size=len(values))
        ax.scatter(values, y + offsets, s=14, color=style.color, marker=style.marker, edgecolors=INK,
                   linewidths=0.3, zorder=3)
    ax.scatter([float(values.mean())], [y], marker="D", s=36, color=INK, zorder=4)
