"""Charts of per-article measures: how the articles of each outlet spread, for corpora of any size.

With thousands of articles per outlet a point per sentence is unreadable and says nothing about the unit
the statistics resample.  :func:`plot_article_distributions` draws one box per outlet and measure over the
articles' own values (the ``article_measures`` table of :mod:`framing.scale.results`): rates per 1,000 words
and the mean sentence tone of each article.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from framing.present.chart_labels import chart_text
from framing.present.plots.frame import Frame, begin, display_names, panel_title
from framing.present.plots.layout import PanelGrid, make_room, rows_height
from framing.present.plots.marks import hbox, outlet_axis, row_guides, sort_outlets
from framing.present.plots.style import INK

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

#: An outlet's articles are drawn as dots up to this many; above it only the box, whiskers and mean.
DOTS_MAX = 150

_UNITS = {"cue_rate": "per 1,000 words", "mean_compound": "mean sentence tone (\u22121 to +1)"}


def measure_label(measure: str, category: str, voice: str) -> str:
    """Plain-words name of one per-article measure: ``"hedges per 1,000 words (the outlet's own words)"``."""
    if measure == "mean_compound":
        return "mean sentence tone (\u22121 to +1)"
    plural = {"hedge": "hedges", "booster": "boosters", "attribution": "attribution verbs",
              "distancing": "distancing words", "scare_quote": "scare quotes"}.get(category, chart_text(category))
    whose = {"authorial": "the outlet's own words", "quoted": "quoted words", "reported": "reported speech"}
    tail = f" ({whose[voice]})" if voice in whose else ""
    return f"{plural} {_UNITS.get(measure, '')}{tail}".strip()


def plot_article_distributions(
    measures: pd.DataFrame,
    *,
    outlets: Sequence[str],
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
    dots_max: int = DOTS_MAX,
) -> Axes:
    """Per-article values of each measure, one box per outlet: the spread the corpus statistics rest on.

    What it shows: one panel per measure (hedges, boosters, attribution verbs per 1,000 of the outlet's own
    words; mean sentence tone), the outlets down the y-axis with their number of articles, sorted by the mean
    of the first panel, highest first.  Each box spans the middle half of the outlet's articles (25th to 75th
    percentile), the line in it is the median, the whiskers reach the furthest article within 1.5 box
    lengths and the black diamond is the mean.  Up to ``dots_max`` articles an outlet's articles are also
    dots (spread up and down by a fixed pseudo-random offset, seed 0, only so that equal values do not hide
    each other); above it the dots are left out and the title says so.

    How to read it: boxes that overlap widely mean the outlets' articles are alike on that measure, whatever
    the means; an outlet with one article is one dot, a text and not a sample.

    Parameters
    ----------
    measures : DataFrame
        ``outlet, article_id, measure, category, voice, value``: one row per article and measure
        (:func:`framing.scale.results.article_measures`).
    outlets : sequence of str
        Outlets in colour order.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.
    dots_max : int
        Most articles of one outlet drawn as dots.

    Returns
    -------
    matplotlib Axes
    """
    columns = ("outlet", "article_id", "measure", "category", "voice", "value")
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=measures, columns=columns, name="article measures")
    rows = measures[measures["outlet"].isin(list(outlets)) & measures["value"].notna()]
    frame = Frame("Articles of each outlet, measure by measure", "value per article",
                  "outlet (n = articles), highest mean of the first panel first")
    if rows.empty:
        return frame.empty(ax, "no articles measured", n="n = 0 articles")
    keys = list(dict.fromkeys(zip(rows["measure"], rows["category"].fillna(""), rows["voice"].fillna(""))))
    first = rows[(rows["measure"] == keys[0][0]) & (rows["category"].fillna("") == keys[0][1])
                 & (rows["voice"].fillna("") == keys[0][2])]
    order = sort_outlets(outlets, first.groupby("outlet")["value"].mean())
    n_articles = rows.groupby("outlet")["article_id"].nunique()
    order = [o for o in order if o in n_articles.index]
    grid = PanelGrid(ax, len(keys), ncols=min(len(keys), 3), outer_y=True)
    hidden = False
    for panel, (measure, category, voice) in zip(grid.panels, keys):
        part = rows[(rows["measure"] == measure) & (rows["category"].fillna("") == category)
                    & (rows["voice"].fillna("") == voice)]
        if measure == "mean_compound":
            panel.axvline(0, color=INK, linewidth=0.8, zorder=1)
        for y, outlet in enumerate(order):
            values = part.loc[part["outlet"] == outlet, "value"].to_numpy(dtype=float)
            if len(values):
                dots = len(values) <= dots_max
                hidden |= not dots
                hbox(panel, values, y, styles[outlet], dots=dots)
        panel_title(panel, measure_label(measure, category, voice))
        if measure == "mean_compound":
            panel.set_xlim(-1.05, 1.05)
        else:  # rates start at 0; room to the right for the highest article's mark
            high = float(part["value"].max()) if len(part) else 0.0
            panel.set_xlim(0, high * 1.08 if high > 0 else 1.0)
        row_guides(panel)
    shown = display_names(list(order))
    outlet_axis(grid.panels, order, {o: f"{shown[o]} (n = {int(n_articles[o])})" for o in order})
    key = "\u25c6 = mean, box = middle half of the articles, line in the box = median"
    if hidden:
        key += f"; dots left out for outlets with more than {dots_max} articles"
    frame.finish(ax, n=f"n = {int(n_articles.sum())} articles; {key}")
    make_room(ax, width=2.4, height=rows_height(len(order)), axes=grid.panels, grid=(grid.ncols, grid.nrows))
    return ax
