"""How much room a chart gets: the figure grows with the outlets, and panels share one frame.

Two tools keep a chart legible from 2 to 30 outlets:

* :func:`make_room` grows the figure of a chart drawn alone in its figure until its drawing
  area (or each of its panels) has at least a given size, so a legend, a long title or many rows
  never squeeze the axes;
* :class:`PanelGrid` turns the Axes a chart was given into a frame that holds small panels in a
  grid (one per category, outlet or actor).  The frame keeps the chart's title, legend, axis
  labels and note; each panel gets room for its own title and tick labels, measured when the
  figure is drawn, so nothing overlaps whatever the names.

Up to :data:`GROUPED_MAX` outlets a chart may put the outlets side by side within a group, each
with a legend entry; with more (:func:`many`), the charts draw panels with the outlet names on an
axis, sorted by value, and no outlet legend.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.transforms import Bbox

GROUPED_MAX = 5
"""Most outlets a chart draws side by side within one group (grouped bars, dodged dots), one legend entry each."""

ROW_INCHES = 0.24
"""Height of one outlet row in a panel that lists the outlets on its y-axis (9-pt names need about 0.17)."""

PANEL_MIN_INCHES = 1.6
"""Smallest width and height of any panel or drawing area (160 pixels at 100 dpi)."""



#: Inches a figure is grown beyond what its drawing areas need, and the change below which it is left as it is.
SLACK = 1 / 20

def many(outlets: Sequence[str]) -> bool:
    """Whether there are too many outlets to draw side by side in one group (more than :data:`GROUPED_MAX`)."""
    return len(outlets) > GROUPED_MAX


def rows_height(n_rows: int) -> float:
    """Height in inches of a panel listing ``n_rows`` outlets (never below :data:`PANEL_MIN_INCHES`)."""
    return max(PANEL_MIN_INCHES, ROW_INCHES * n_rows + 0.3)


def root_figure(ax: Axes):
    """The Figure that ``ax`` is drawn in (the top one when ``ax`` sits in a subfigure)."""
    fig = ax.figure
    return getattr(fig, "figure", fig) or fig


def alone(ax: Axes) -> bool:
    """Whether ``ax`` is the only Axes of its figure (panels inside it do not count)."""
    fig = root_figure(ax)
    return fig is ax.figure and all(other is ax for other in fig.axes)


def make_room(
    ax: Axes,
    *,
    width: float,
    height: float,
    axes: Sequence[Axes] | None = None,
    grid: tuple[int, int] = (1, 1),
    margins: tuple[float, float] = (2.5, 2.5),
) -> None:
    """Grow the figure of ``ax`` until each Axes of ``axes`` is at least ``width`` x ``height`` inches.

    Parameters
    ----------
    ax : matplotlib Axes
        The chart's Axes.  Only a figure that holds it alone is resized: a chart drawn into a
        layout of the caller's keeps the caller's size.  The figure never gets smaller than it
        was.  A figure without a layout engine gets the constrained one, so the title and the
        legend above the axes stay inside it.
    width, height : float
        Smallest drawing area wanted, in inches.
    axes : sequence of Axes, optional
        Whose drawing areas are measured (default ``[ax]``; the panels of a :class:`PanelGrid`).
    grid : (int, int)
        Panels across and down: growing the figure by one inch grows a panel by ``1 / across``
        inch in width and ``1 / down`` inch in height.
    margins : (float, float)
        First guess of the room, in inches, that titles, labels and legends take around the
        drawing areas; the figure is then measured and resized to fit.
    """
    fig = root_figure(ax)
    if not alone(ax):
        return
    if fig.get_layout_engine() is None:
        fig.set_layout_engine("constrained")
    measured = list(axes) if axes is not None else [ax]
    across, down = grid
    floor_w, floor_h = (float(v) for v in fig.get_size_inches())
    size = [max(floor_w, width * across + margins[0]), max(floor_h, height * down + margins[1])]
    dpi = fig.dpi
    for _ in range(4):
        fig.set_size_inches(size, forward=False)
        collapsed = _probe(fig)
        if collapsed:  # the first guess left no room at all: try a larger one
            size = [size[0] * 1.5, size[1] * 1.5]
            continue
        boxes = [a.get_window_extent() for a in measured if a.get_visible()]
        if not boxes:
            return
        legend = ax.get_legend()
        if legend is not None:  # a legend wider than the axes would stick out past them: widen the figure
            over = legend.get_window_extent().width - ax.get_window_extent().width
            width = max(width, (min(b.width for b in boxes) + over / across) / dpi + SLACK) if over > 0 else width
        short_w = width * dpi - min(b.width for b in boxes)
        short_h = height * dpi - min(b.height for b in boxes)
        wanted = [max(floor_w, size[0] + across * short_w / dpi), max(floor_h, size[1] + down * short_h / dpi)]
        if abs(wanted[0] - size[0]) < SLACK and abs(wanted[1] - size[1]) < SLACK:
            break
        small = all(abs(w - v) < 0.5 for w, v in zip(wanted, size))
        size = wanted
        if small:
            break  # a small correction: the panels grow inch for inch with the figure, no need to measure again
    fig.set_size_inches(size, forward=False)


def _probe(fig) -> bool:
    """Lay the figure out once to measure it; True when the layout engine found no room for the axes.

    The engine's warning about a collapsed layout concerns this trial size only (the caller
    resizes and measures again), so it is kept here; any other warning is passed on.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.draw_without_rendering()
    collapsed = False
    for w in caught:
        if "constrained_layout not applied" in str(w.message):
            collapsed = True
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return collapsed


def blank(ax: Axes) -> None:
    """Make ``ax`` an invisible frame: no ticks, no spines, no background (title and axis labels stay)."""
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.patch.set_visible(False)


class PanelGrid:
    """Panels in a grid inside a frame Axes, placed when the figure is drawn.

    The frame (the Axes the chart was given) loses its ticks, spines and background but keeps
    its title, legend, axis labels and notes, which then describe all panels.  Each panel is an
    inset Axes; when the figure is drawn, the frame's area is shared out so that every column
    has room for the widest tick labels of its panels and every row for its tallest panel title
    and x tick labels, and all panels get the same size.  The panels lie inside the frame, so the
    layout engine only needs to make room for the frame's own title, legend and labels.

    Parameters
    ----------
    frame : matplotlib Axes
        The chart's Axes.
    n : int
        Number of panels, filled row by row.
    ncols : int
        Panels per row (at most ``n``).
    outer_x, outer_y : bool
        The panels show one x (y) scale: only panels with no panel below them label the x-axis,
        and only the first panel of each row labels the y-axis.  Give every panel the same
        limits and ticks (:meth:`set_x`, :meth:`set_y`); the axes are not linked, which keeps
        drawing fast with thirty panels.
    pad : float
        Space between neighbouring panels' decorations, in points.

    Attributes
    ----------
    panels : list of Axes
        The panels, row by row.
    ncols, nrows : int
    """

    def __init__(self, frame: Axes, n: int, *, ncols: int, outer_x: bool = False, outer_y: bool = False,
                 pad: float = 12.0) -> None:
        if n < 1:
            raise ValueError("a panel grid needs at least one panel")
        self.frame = frame
        self.ncols = max(1, min(ncols, n))
        self.nrows = math.ceil(n / self.ncols)
        self.pad = pad
        self._cache: tuple | None = None
        blank(frame)
        self.panels: list[Axes] = []
        for i in range(n):
            row, col = divmod(i, self.ncols)
            guess = [(col + 0.25) / self.ncols, 1 - (row + 0.8) / self.nrows, 0.7 / self.ncols, 0.6 / self.nrows]
            panel = frame.inset_axes(guess)
            panel.set_axes_locator(_Cell(self, i))
            panel.set_in_layout(False)  # inside the frame, whose own box the layout already counts
            if outer_y and col > 0:
                panel.tick_params(labelleft=False)
            if outer_x and i + self.ncols < n:
                panel.tick_params(labelbottom=False)
            self.panels.append(panel)

    def set_x(self, lim: tuple[float, float], ticks: Sequence[float] | None = None,
              labels: Sequence[str] | None = None) -> None:
        """The same x limits (and ticks, with labels) on every panel."""
        for panel in self.panels:
            panel.set_xlim(*lim)
            if ticks is not None:
                panel.set_xticks(list(ticks), labels)

    def set_y(self, lim: tuple[float, float], ticks: Sequence[float] | None = None,
              labels: Sequence[str] | None = None) -> None:
        """The same y limits (and ticks, with labels) on every panel."""
        for panel in self.panels:
            panel.set_ylim(*lim)
            if ticks is not None:
                panel.set_yticks(list(ticks), labels)

    def position(self, i: int, renderer) -> Bbox:
        """Where panel ``i`` goes, in the figure's coordinates (0 to 1)."""
        return self._layout(renderer)[i]

    def _layout(self, renderer) -> list:
        from matplotlib.transforms import Bbox

        fig = self.frame.figure
        area = self.frame.get_window_extent(renderer)
        key = (id(renderer), tuple(round(v, 1) for v in area.bounds), tuple(fig.bbox.bounds))
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        decos = [_decorations(p, renderer) for p in self.panels]
        cols = [[d for i, d in enumerate(decos) if i % self.ncols == c] for c in range(self.ncols)]
        rows = [[d for i, d in enumerate(decos) if i // self.ncols == r] for r in range(self.nrows)]
        left = [max(d[0] for d in col) for col in cols]
        right = [max(d[2] for d in col) for col in cols]
        bottom = [max(d[1] for d in row) for row in rows]
        top = [max(d[3] for d in row) for row in rows]
        gap = self.pad * fig.dpi / 72.0
        width = max(1.0, (area.width - sum(left) - sum(right) - gap * (self.ncols - 1)) / self.ncols)
        height = max(1.0, (area.height - sum(top) - sum(bottom) - gap * (self.nrows - 1)) / self.nrows)
        xs, x = [], area.x0
        for c in range(self.ncols):
            xs.append(x + left[c])
            x += left[c] + width + right[c] + gap
        ys, y = [], area.y1
        for r in range(self.nrows):
            ys.append(y - top[r] - height)
            y -= top[r] + height + bottom[r] + gap
        to_figure = fig.transSubfigure.inverted()
        boxes = [
            Bbox.from_bounds(xs[i % self.ncols], ys[i // self.ncols], width, height).transformed(to_figure)
            for i in range(len(self.panels))
        ]
        self._cache = (key, boxes)
        return boxes


class _Cell:
    """Axes locator of one panel of a :class:`PanelGrid`."""

    def __init__(self, grid: PanelGrid, index: int) -> None:
        self.grid = grid
        self.index = index

    def __call__(self, ax: Axes, renderer) -> Bbox:
        return self.grid.position(self.index, renderer)


def _decorations(panel: Axes, renderer) -> tuple[float, float, float, float]:
    """Room (pixels) that a panel's tick labels, title and texts take left, below, right and above it."""
    inner = panel.get_window_extent(renderer)
    outer = panel.get_tightbbox(renderer, call_axes_locator=False, for_layout_only=True)
    if outer is None:
        return (0.0, 0.0, 0.0, 0.0)
    return (max(0.0, inner.x0 - outer.x0), max(0.0, inner.y0 - outer.y0),
            max(0.0, outer.x1 - inner.x1), max(0.0, outer.y1 - inner.y1))
