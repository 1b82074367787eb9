"""Charts of who speaks: each speaker's share of the words an outlet gives as others' words.

The chart takes ``sources.csv`` (:func:`framing.measures.speakers.source_table`) as it is: one row
per outlet x speaker with ``share_of_quoted_words``, ``n_quotes`` and ``speaker_type``.  Up to five
outlets share one dot chart (one dot per outlet in each speaker's row); beyond five each speaker gets
a small panel with the outlets down a shared y-axis (:mod:`framing.present.plots.layout`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from framing.core.vocabulary import SPEAKER_TYPES
from framing.present.chart_labels import chart_text
from framing.present.plots.frame import Frame, begin, display_names, panel_title
from framing.present.plots.layout import PANEL_MIN_INCHES, PanelGrid, make_room, many, rows_height
from framing.present.plots.marks import dodge, outlet_axis, row_guides, sort_outlets, tag
from framing.present.plots.style import INK, OutletStyle

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

#: Label of a row without a speaker (quotations nobody is named for).
NO_SPEAKER_LABEL = "(no speaker named)"


def plot_voice_share(
    sources: pd.DataFrame,
    *,
    outlets: Sequence[str],
    top: int = 10,
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Dot chart of how much of each outlet's quoted and reported words each speaker gets.

    What it shows: one row per speaker (the ``top`` speakers with the most words over all outlets),
    grouped by speaker type (official, spokesperson, expert, document, anonymous, media, citizen,
    unknown: the type is written after the name); one dot per outlet at ``share_of_quoted_words`` =
    the speaker's words / all the words the outlet gives as quotations or reported speech (0 to
    100%).  The number beside a dot is ``n_quotes``, the rows of ``quotes.csv`` behind it.

    How to read it: a speaker far to the right is the voice the outlet's readers hear most.  An
    outlet's dots over all speakers add up to 100% (speakers below the ``top`` are not drawn).
    With one article per outlet a share rests on a few quotations: read them (``quotes.csv``).

    With more than five outlets: one panel per speaker (in the same order, at most four panels a
    row), the outlets down the shared y-axis, sorted by the share they give the first speaker
    (the one with the most words over all outlets), largest first; "none" marks an outlet that
    does not quote that speaker.  No outlet legend: the names are on the axis.  The figure of a
    chart drawn alone grows so that no panel is smaller than
    :data:`framing.present.plots.layout.PANEL_MIN_INCHES`.

    Parameters
    ----------
    sources : DataFrame
        ``outlet, speaker, speaker_type, n_quotes, share_of_quoted_words`` (``sources.csv``).
    outlets : sequence of str
        Outlets in colour order.
    top : int
        How many speakers to draw.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    import numpy as np

    ax, styles = begin(ax, outlets=outlets, colors=colors, table=sources,
                       columns=("outlet", "speaker", "speaker_type", "n_quotes", "share_of_quoted_words"),
                       name="sources")
    rows = sources[sources["outlet"].isin(list(outlets))].copy()
    frame = Frame("Who is given voice: each speaker's share of an outlet's quoted words",
                  "share of the outlet's quoted and reported words (%)", "speaker (type)")
    if rows.empty:
        return frame.empty(ax, "no quotations or reported speech", n="n = 0 quotations")
    rows["label"] = [chart_text(str(s)) if str(s) else NO_SPEAKER_LABEL for s in rows["speaker"]]
    weight = rows.groupby("label")["share_of_quoted_words"].sum()
    kinds = rows.groupby("label")["speaker_type"].agg(lambda k: k.value_counts().index[0])
    order = {k: i for i, k in enumerate(SPEAKER_TYPES)}
    chosen = sorted(weight.index, key=lambda s: -weight[s])[:top]
    speakers = sorted(chosen, key=lambda s: (order.get(kinds[s], len(order)), -weight[s], s))
    n = f"n = {int(rows['n_quotes'].sum())} quotations and reported statements (number beside each dot)"
    if many(outlets):
        return _speaker_panels(ax, frame, rows, speakers, kinds, n=n, outlets=outlets, styles=styles)
    ypos = {s: float(len(speakers) - 1 - i) for i, s in enumerate(speakers)}
    shown = display_names(outlets)
    for i, outlet in enumerate(outlets):
        own = rows[(rows["outlet"] == outlet) & rows["label"].isin(speakers)]
        if own.empty:
            continue
        style = styles[outlet]
        xs = 100 * own["share_of_quoted_words"].to_numpy(dtype=float)
        ys = [ypos[s] + 0.5 * dodge(i, len(outlets)) for s in own["label"]]
        ax.scatter(xs, ys, s=25 + 25 * np.sqrt(own["n_quotes"].to_numpy(dtype=float)), color=style.color,
                   marker=style.marker, edgecolors=INK, linewidths=0.5, zorder=3, label=shown[outlet])
        for xv, y, k in zip(xs, ys, own["n_quotes"]):
            tag(ax, f"{int(k)}", (xv, y), (7, 0))
    ax.set_yticks([ypos[s] for s in speakers], [f"{s} \u00b7 {kinds[s]}" for s in speakers])
    for k in range(1, len(speakers)):
        if kinds[speakers[k]] != kinds[speakers[k - 1]]:
            ax.axhline(ypos[speakers[k]] + 0.5, color="#BBBBBB", linewidth=0.6, zorder=1)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.7, len(speakers) - 0.3)
    frame.finish(ax, n=n, legend=ax.get_legend_handles_labels()[0])
    for handle in ax.get_legend().legend_handles:
        handle.set_sizes([50])
    make_room(ax, width=4.0, height=max(PANEL_MIN_INCHES, 0.16 * len(speakers) * len(outlets) + 0.3))
    return ax


def _speaker_panels(
    ax: Axes,
    frame: Frame,
    rows: pd.DataFrame,
    speakers: Sequence[str],
    kinds: pd.Series,
    *,
    n: str,
    outlets: Sequence[str],
    styles: Mapping[str, OutletStyle],
) -> Axes:
    """Voice shares for many outlets: one dot panel per speaker, outlets down the shared y-axis.

    Outlets are sorted by the share of their quoted and reported words that the first speaker
    gets, largest first (ties keep the given order; an outlet that does not quote that speaker
    comes after those that do).
    """
    import numpy as np

    first = rows[rows["label"] == speakers[0]].groupby("outlet")["share_of_quoted_words"].sum()
    order = sort_outlets(outlets, first.to_dict())
    grid = PanelGrid(ax, len(speakers), ncols=min(len(speakers), 4), outer_x=True, outer_y=True)
    for panel, speaker in zip(grid.panels, speakers):
        own = rows[rows["label"] == speaker].groupby("outlet")[["share_of_quoted_words", "n_quotes"]].sum()
        for y, outlet in enumerate(order):
            if outlet not in own.index:
                tag(panel, "none", (0.0, y), (3, 0), color="#777777", style="italic")
                continue
            value = 100 * float(own.at[outlet, "share_of_quoted_words"])
            k = int(own.at[outlet, "n_quotes"])
            style = styles[outlet]
            panel.scatter([value], [y], s=20 + 20 * np.sqrt(k), color=style.color, marker=style.marker,
                          edgecolors=INK, linewidths=0.5, zorder=3)
            tag(panel, str(k), (value, y), (6, 0))
        k = int(own["n_quotes"].sum())
        panel_title(panel, f"{speaker} \u00b7 {kinds[speaker]}\nn = {k} quotation{'' if k == 1 else 's'}")
        row_guides(panel)
    outlet_axis(grid.panels, order, display_names(outlets))
    grid.set_x((0.0, 100.0), [0, 50, 100], ["0", "50", "100"])
    frame = Frame(frame.title, frame.xlabel, "outlet, largest share for the first speaker first")
    frame.finish(ax, n=n + "; none = not quoted")
    make_room(ax, width=PANEL_MIN_INCHES, height=rows_height(len(order)), axes=grid.panels,
              grid=(grid.ncols, grid.nrows))
    return ax
