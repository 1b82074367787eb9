"""The frame every chart shares: title, axis labels, legend above the axes, notes, the empty state.

A chart function opens with :func:`begin` (the Axes to draw on, each
outlet's style, a check that the input table has the columns the chart
reads), names its title and axis labels in a :class:`Frame`, and closes with
:meth:`Frame.finish`, or with :meth:`Frame.empty` when there is nothing to
draw::

    ax, styles = begin(ax, outlets=outlets, colors=colors, table=rates, columns=COLUMNS, name="rates")
    frame = Frame("Cues per 1,000 words", xlabel="cue category", ylabel="cues per 1,000 word tokens")
    if rows.empty:
        return frame.empty(ax, "no cues found", n="n = 0 cues")
    ...  # draw the data
    return frame.finish(ax, n=f"n = {n_cues} cues", legend=handles, note=INTERVAL_NOTE)

So every chart has a title, axis labels with units and its n, in the same
places, and an empty selection draws a message instead of raising.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.present.chart_labels import chart_text
from framing.present.plots.style import INK, SMALL, OutletStyle, outlet_styles

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.legend import Legend

SIGNIFICANCE_NOTE = "|z| > 1.96 \u2248 p < .05, no correction for multiple comparisons"
INTERVAL_NOTE = ("95% intervals: exact for rates and shares, bootstrap for means; p: permutation test against the "
                 "rest, no correction for multiple comparisons")


@dataclass(frozen=True)
class Frame:
    """Title and axis labels of one chart, drawn the same way on every chart.

    Attributes
    ----------
    title : str
        The title; :meth:`empty` and :meth:`finish` put the chart's n
        (``"n = ..."``) on a second line.
    xlabel, ylabel : str
        Axis labels, each naming its unit.
    """

    title: str
    xlabel: str
    ylabel: str

    def empty(self, ax: Axes, message: str, *, n: str) -> Axes:
        """Label an empty chart, say in its middle why it is empty, and give its n (e.g. ``"n = 0 cues"``).

        Tick marks are removed, so nothing suggests a scale.  ``n=""``
        leaves the title on one line.  Returns ``ax``.
        """
        ax.set_title(f"{self.title}\n{n}" if n else self.title)
        ax.set_xlabel(self.xlabel)
        ax.set_ylabel(self.ylabel)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=12, color=INK)
        return ax

    def finish(
        self,
        ax: Axes,
        *,
        n: str = "",
        legend: Sequence | None = None,
        legend_title: str | None = None,
        ncols: int = 0,
        note: str | None = None,
    ) -> Axes:
        """Write the title (with ``n`` as its second line), the axis labels, the legend and a note.

        Parameters
        ----------
        ax : matplotlib Axes
        n : str
            Second title line, e.g. ``"n = 412 sentences"``; ``""`` for none
            (when the legend carries the n).
        legend : sequence of artists, optional
            Legend handles, drawn above the axes by :func:`legend_above`
            (the title moves up to make room).
        legend_title, ncols
            Passed to :func:`legend_above`.
        note : str, optional
            Small grey note under the x-axis label (:func:`add_note`), e.g.
            :data:`SIGNIFICANCE_NOTE` or :data:`INTERVAL_NOTE`.

        Returns
        -------
        matplotlib Axes
            ``ax``.
        """
        pad = None
        if legend is not None:
            _legend, pad = legend_above(ax, legend, title=legend_title, ncols=ncols)
        ax.set_title(f"{self.title}\n{n}" if n else self.title, pad=pad)
        ax.set_xlabel(self.xlabel)
        ax.set_ylabel(self.ylabel)
        if note:
            add_note(ax, note)
        return ax


def begin(
    ax: Axes | None,
    *,
    outlets: Sequence[str],
    colors: Mapping[str, str] | None,
    table: pd.DataFrame,
    columns: Sequence[str],
    name: str,
) -> tuple[Axes, dict[str, OutletStyle]]:
    """The Axes to draw on and each outlet's style, after checking ``table`` has ``columns``.

    ``ax=None`` gives the current Axes (``matplotlib.pyplot.gca()``);
    styles come from :func:`styles_for`.  Raises ``ValueError`` when
    ``outlets`` is empty or ``table`` lacks a column (named ``name`` in the
    message).
    """
    import matplotlib.pyplot as plt

    ax = plt.gca() if ax is None else ax
    styles = styles_for(outlets, colors)
    require(table, columns, name)
    return ax, styles


def require(table: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    """Raise ``ValueError`` naming the columns of ``columns`` that ``table`` (called ``name``) lacks."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name} lacks columns {missing}")


def styles_for(outlets: Sequence[str], colors: Mapping[str, str] | None) -> dict[str, OutletStyle]:
    """Outlet styles (:func:`framing.present.plots.style.outlet_styles`), colours overridden by ``colors``."""
    if not outlets:
        raise ValueError("outlets must name at least one outlet")
    styles = outlet_styles(outlets)
    if colors is None:
        return styles
    return {k: s._replace(color=colors.get(k, s.color)) for k, s in styles.items()}


def display_names(names: Sequence[str]) -> dict[str, str]:
    """Each name as the charts draw it (:func:`framing.present.chart_labels.chart_text`)."""
    return {name: chart_text(str(name)) for name in names}


def thousands(value: float) -> str:
    """An integer with thousands separators: 1234 -> '1,234'."""
    return f"{int(round(value)):,}"


def add_note(ax: Axes, text: str = SIGNIFICANCE_NOTE) -> None:
    """Write a small grey note just below the x-axis label, wrapped to the width of the axes.

    The note is broken into lines when the figure is drawn, so it is never wider than the axes:
    a note sticking out past the axes would make the layout engine shrink the axes at every
    draw, and would be cut off at the figure's edge.
    """

    note = wrapped(
        ax,
        text,
        lambda: ax.bbox.width,
        xy=(0.5, 0.0),
        xycoords=ax.xaxis.label,
        xytext=(0, -4),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=SMALL,
        color="#555555",
    )
    note.set_clip_on(False)  # add_artist clips to the axes; the note sits below them


def panel_title(ax: Axes, text: str, *, fontsize: float = 10):
    """Title of one panel of a chart, broken into lines no wider than the panel when the figure is drawn.

    A long outlet name over a narrow panel would otherwise run into the next panel's title or
    past the figure's edge (layout engines leave the width of titles out of their sums).
    """
    title = ax.set_title(text, fontsize=fontsize)
    title.set_wrap(True)
    title._get_wrap_line_width = lambda: max(30.0, float(ax.bbox.width))  # matplotlib wraps to the figure
    return title


def wrapped(ax: Axes, text: str, width: Callable[[], float], **kwargs):
    """An annotation of ``ax`` broken into lines no wider than ``width()`` pixels when the figure is drawn.

    ``kwargs`` are those of ``matplotlib.text.Annotation`` (``xy``, ``xycoords``, ``ha`` ...).
    matplotlib itself wraps text to the edge of the figure; here the width is measured at every
    draw, so a label keeps to its own column or axes however the figure is resized.
    """
    from matplotlib.text import Annotation
    from matplotlib.transforms import IdentityTransform

    class Wrapped(Annotation):
        def _get_wrap_line_width(self) -> float:
            return max(30.0, float(width()))

    label = Wrapped(text, wrap=True, **kwargs)
    label.set_transform(IdentityTransform())
    ax.add_artist(label)
    return label


def patches(styles: Mapping[str, OutletStyle], labels: Mapping[str, str]) -> list:
    """Legend patches in the outlets' colours (and hatches), labelled ``labels[outlet]``."""
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=styles[o].color, hatch=styles[o].hatch, edgecolor=INK, linewidth=0.4, label=text)
        for o, text in labels.items()
    ]


def legend_above(
    ax: Axes, handles: Sequence, *, title: str | None = None, loc: str = "left", ncols: int = 0
) -> tuple[Legend, float]:
    """A frameless legend between the axes and the title; returns it and the title pad it needs (points).

    ``ncols=0`` chooses as many columns as the longest label allows across the axes.  Entries read left to
    right, then top to bottom, in the order of ``handles``.
    """
    if not ncols:
        longest = max(len(h.get_label()) for h in handles)
        width = ax.get_window_extent().width * 72.0 / ax.figure.dpi
        import matplotlib as mpl
        from matplotlib.font_manager import FontProperties

        size = FontProperties(size=mpl.rcParams["legend.fontsize"]).get_size_in_points()
        ncols = max(1, min(len(handles), int(width // (0.6 * size * longest + 40))))
    # Matplotlib fills a legend column by column; order the entries so that it reads row by row.
    nrows = math.ceil(len(handles) / ncols)
    handles = [handles[r * ncols + c] for c in range(ncols) for r in range(nrows) if r * ncols + c < len(handles)]
    legend = ax.legend(
        handles=handles,
        title=title,
        loc=f"lower {loc}",
        bbox_to_anchor=(0.0 if loc == "left" else 1.0, 1.0),
        ncols=ncols,
        frameon=False,
        borderaxespad=0.4,  # a fixed gap (in font sizes) above the axes, however tall they are
        alignment="left",
        columnspacing=1.2,
    )
    rows = math.ceil(len(handles) / ncols) + (1 if title else 0)
    return legend, 10 + 16 * rows
