"""Charts of term salience, cues, sentiment and per-outlet summaries.

Every chart function draws onto the Axes it is given (``ax=None`` uses
``matplotlib.pyplot.gca()``) and returns it; :func:`plot_top_terms_grid`
fills a whole Figure and returns that.  Nothing is computed here that the
analysis modules do not already provide: the charts take their tidy tables
(``framing.measures.salience.term_table``, ``framing.measures.cues.find_cues`` and
``cue_rates``, ``framing.measures.sentiment.sentence_sentiment`` and
``actor_sentiment``, ``framing.measures.uncertainty.summarise``) as they are.

Conventions shared by all charts
--------------------------------
* One fixed colour per outlet, from the colour-blind-safe Okabe-Ito palette,
  assigned by :func:`outlet_colors` in the order of the ``outlets`` argument.
  Pass the outlets in ``articles.csv`` order, and pass the same
  ``colors=outlet_colors(all_outlets)`` when a chart shows only some of
  them, so an outlet keeps its colour from chart to chart.
* Every chart has a title, axis labels with units, and says how many units
  (tokens, sentences, cues) it rests on: ``"n = ..."`` in the title or legend.
* Charts of statistical significance carry :data:`SIGNIFICANCE_NOTE`.
* An empty selection (no cues, no sentences) draws a message saying so
  instead of raising.
* :func:`use_house_style` sets font sizes, figure size and the settings that
  make saved files reproducible; :func:`savefig_deterministic` writes a PNG
  whose bytes depend only on the figure.
* Names from the data (outlets, terms, actors) may be in any script: each
  goes through :func:`framing.present.chart_labels.chart_text` before it is drawn, so
  right-to-left names read in order and a character no installed font has
  is shown as a substitute instead of raising a missing-glyph warning.
  Legends list the outlets in the order of ``outlets``, row by row.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np

from framing.core.vocabulary import (
    ALPHA,
    CATEGORIES,
    CUE_RATE,
    MEASURE_UNITS,
    POSITIVE_THRESHOLD,
    VOICES,
    Z_CRITICAL,
    Measure,
    Voice,
)
from framing.core.vocabulary import ATTRIBUTION_GROUPS as ATTRIBUTION_SUBCATEGORIES
from framing.present.chart_labels import chart_fonts, chart_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
# After eight outlets the colours repeat; the k-th round (k = 0, 1, ...) adds
# a hatch to bars, a line style to lines and a marker shape to dots.
FALLBACK_HATCHES = ("", "//", "..", "xx", "\\\\", "++")
FALLBACK_LINESTYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 3)))
FALLBACK_MARKERS = ("o", "D", "v", "P", "X", "*")

GREY = "#9A9A9A"
INK = "#333333"
NEUTRAL_BAND = POSITIVE_THRESHOLD
SIGNIFICANCE_NOTE = "|z| > 1.96 \u2248 p < .05, no correction for multiple comparisons"
INTERVAL_NOTE = ("95% bootstrap intervals over sentences; p: permutation test against the other outlets, "
                 "no correction for multiple comparisons")
SMALL = 9  # smallest font size used anywhere, in points

CUE_CATEGORIES = CATEGORIES
VOICE_MARKERS = {"authorial": "o", "quoted": "s", "mixed": "^"}
COMPOUND_LABEL = "VADER compound score (\u22121 to +1)"

FrequencyAxis = Literal["count", "rate_per_1k"]
Position = Literal["offset", "index"]


class OutletStyle(NamedTuple):
    """How one outlet is drawn: colour, plus the fallbacks used beyond eight outlets."""

    color: str
    hatch: str
    linestyle: Any
    marker: str


# --------------------------------------------------------------------------- style


def outlet_styles(outlets: Sequence[str]) -> dict[str, OutletStyle]:
    """Colour, hatch, line style and marker for each outlet.

    Parameters
    ----------
    outlets : sequence of str
        Outlet names in the order they should receive colours (the order of
        ``articles.csv``).  Repeated names keep their first colour.

    Returns
    -------
    dict
        ``outlet -> OutletStyle``.  The i-th distinct outlet gets
        ``OKABE_ITO[i % 8]``.  The first eight outlets are told apart by
        colour alone (hatch ``""``, solid line, round marker); outlets 9-16
        reuse the colours with hatch ``"//"``, dashed lines and diamond
        markers, outlets 17-24 with ``".."``, dotted lines and triangles,
        and so on.
    """
    styles: dict[str, OutletStyle] = {}
    for name in outlets:
        if name in styles:
            continue
        i = len(styles)
        k = i // len(OKABE_ITO)
        styles[name] = OutletStyle(
            color=OKABE_ITO[i % len(OKABE_ITO)],
            hatch=FALLBACK_HATCHES[k % len(FALLBACK_HATCHES)],
            linestyle=FALLBACK_LINESTYLES[k % len(FALLBACK_LINESTYLES)],
            marker=FALLBACK_MARKERS[k % len(FALLBACK_MARKERS)],
        )
    return styles


def outlet_colors(outlets: Sequence[str]) -> dict[str, str]:
    """One fixed, colour-blind-safe colour per outlet.

    Parameters
    ----------
    outlets : sequence of str
        Outlet names in order of first appearance (pass ``articles.csv``
        order).  Duplicates are ignored.

    Returns
    -------
    dict
        ``outlet -> hex colour`` from the Okabe-Ito palette (Okabe & Ito
        2008): blue, orange, bluish green, reddish purple, sky blue,
        vermillion, yellow, black.  With more than eight outlets the colours
        cycle; the charts then tell repeated colours apart by hatch, line
        style and marker (see :func:`outlet_styles`).
    """
    return {name: style.color for name, style in outlet_styles(outlets).items()}


def house_rcparams() -> dict[str, Any]:
    """The rcParams of the house style, as a new dict.

    Use with ``matplotlib.rc_context(house_rcparams())`` for a local change,
    or call :func:`use_house_style` to apply them for the session.  Figures
    are 8 x 4.5 inches at 100 dpi (legible at 100 % in an HTML report), no
    text is smaller than 9 pt, the colour cycle is Okabe-Ito, and
    ``svg.hashsalt`` / ``path.simplify`` are fixed so that saved files do
    not change from run to run.  The font is DejaVu Sans followed by the
    installed fonts for other scripts (:func:`framing.present.chart_labels.chart_fonts`),
    so names in Arabic, Hebrew or Chinese are drawn where a font for them exists.
    """
    from cycler import cycler

    return {
        "figure.figsize": (8.0, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "figure.constrained_layout.use": True,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "savefig.bbox": "tight",
        "font.family": chart_fonts(),
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.labelsize": 10,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "legend.title_fontsize": 9,
        "figure.titlesize": 12,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=list(OKABE_ITO)),
        "image.cmap": "cividis",
        "svg.hashsalt": "framing",
        "path.simplify": True,
        "path.simplify_threshold": 1 / 9,
    }


def use_house_style() -> None:
    """Apply :func:`house_rcparams` to ``matplotlib.rcParams``.

    Importing this module changes nothing; call this once at the top of a
    notebook or script.
    """
    import matplotlib as mpl

    mpl.rcParams.update(house_rcparams())


def savefig_deterministic(fig: Figure, path: str | Path, *, dpi: int = 100) -> Path:
    """Save ``fig`` as a PNG whose bytes depend only on what is drawn.

    The PNG ``Software`` text chunk (matplotlib's version) is left out and
    no timestamp is written, so saving the same figure twice, or on two
    days, gives identical files.  The bounding box is tight, so notes
    placed below the axes are kept.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    fig.savefig(
        path, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight", facecolor="white"
    )
    return path


# --------------------------------------------------------------------------- internals


def _axes(ax: Axes | None) -> Axes:
    import matplotlib.pyplot as plt

    return plt.gca() if ax is None else ax


def _require(table: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{name} lacks columns {missing}")


def _styles(outlets: Sequence[str], colors: Mapping[str, str] | None) -> dict[str, OutletStyle]:
    """Outlet styles, with colours overridden by ``colors`` where given."""
    if not outlets:
        raise ValueError("outlets must name at least one outlet")
    styles = outlet_styles(outlets)
    if colors is None:
        return styles
    return {k: s._replace(color=colors.get(k, s.color)) for k, s in styles.items()}


def _shown(names: Sequence[str]) -> dict[str, str]:
    """Each name as the charts draw it (:func:`framing.present.chart_labels.chart_text`)."""
    return {name: chart_text(str(name)) for name in names}


def _n(value: float) -> str:
    """An integer with thousands separators: 1234 -> '1,234'."""
    return f"{int(round(value)):,}"


def _no_data(ax: Axes, message: str, *, title: str, xlabel: str, ylabel: str, n: str) -> Axes:
    """Label an empty chart, say in its middle why it is empty, and give its n (``n``, e.g. "n = 0 cues")."""
    ax.set_title(f"{title}\n{n}" if n else title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=12, color=INK)
    return ax


def _note(ax: Axes, text: str = SIGNIFICANCE_NOTE) -> None:
    """Write a small grey note just below the x-axis label."""
    ax.annotate(
        text,
        xy=(0.5, 0.0),
        xycoords=ax.xaxis.label,
        xytext=(0, -4),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=SMALL,
        color="#555555",
    )


def _z_guides(ax: Axes, *, vertical: bool, negative: bool = True) -> None:
    """Dashed lines at z = 1.96 (and -1.96 unless ``negative=False``) and a solid line at 0."""
    line = ax.axvline if vertical else ax.axhline
    line(0, color=INK, linewidth=0.8, zorder=1)
    for z in (-Z_CRITICAL, Z_CRITICAL)[0 if negative else 1 :]:
        line(z, color="#666666", linewidth=0.9, linestyle="--", zorder=1)


def _ngram_unit(ngram: int) -> str:
    return {1: "words", 2: "bigrams", 3: "trigrams"}.get(ngram, f"{ngram}-grams")


def _neutral_band(ax: Axes, *, vertical: bool = False) -> None:
    """Light band for VADER's neutral zone (|compound| < 0.05) and a zero line."""
    span = ax.axvspan if vertical else ax.axhspan
    line = ax.axvline if vertical else ax.axhline
    span(-NEUTRAL_BAND, NEUTRAL_BAND, color="#E8E8E8", zorder=0, linewidth=0)
    line(0, color=INK, linewidth=0.8, zorder=1)


# --------------------------------------------------------------------------- term salience


def _term_rows(terms: pd.DataFrame, ngram: int) -> pd.DataFrame:
    _require(terms, ("outlet", "term", "ngram", "count", "n_tokens", "log_odds_z"), "terms")
    rows = terms[terms["ngram"] == ngram]
    return rows[rows["log_odds_z"].notna()]


def _top_for(rows: pd.DataFrame, outlet: str, top: int) -> pd.DataFrame:
    """The outlet's ``top`` terms with the highest positive z (used at least once)."""
    own = rows[(rows["outlet"] == outlet) & (rows["count"] > 0) & (rows["log_odds_z"] > 0)]
    return own.sort_values(
        ["log_odds_z", "count", "term"], ascending=[False, False, True], kind="stable"
    ).head(top)


def _outlet_tokens(rows: pd.DataFrame, outlet: str) -> int:
    own = rows.loc[rows["outlet"] == outlet, "n_tokens"]
    return int(own.iloc[0]) if len(own) else 0


def _draw_term_bars(
    ax: Axes, chosen: pd.DataFrame, styles: Mapping[str, OutletStyle], signs: Mapping[str, int]
):
    """Horizontal bars, one row per chosen term, first row at the top; n=count at each bar's tip."""
    n = len(chosen)
    ypos = np.arange(n)[::-1]
    for y, row in zip(ypos, chosen.itertuples(index=False)):
        style = styles[row.outlet]
        value = signs[row.outlet] * float(row.log_odds_z)
        ax.barh(y, value, color=style.color, hatch=style.hatch, edgecolor=INK, linewidth=0.4, height=0.72)
        ax.annotate(
            f"n={int(row.count)}",
            xy=(value, y),
            xytext=(3 if value >= 0 else -3, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=SMALL,
            color=INK,
        )
    ax.set_yticks(ypos, [chart_text(str(t)) for t in chosen["term"]])
    ax.set_ylim(-0.7, n - 0.3)
    lo, hi = min(0.0, *ax.get_xlim()), max(Z_CRITICAL, *ax.get_xlim())
    if lo < 0:
        lo = min(lo, -Z_CRITICAL)
    pad = 0.18 * (hi - lo)
    ax.set_xlim(lo - pad if lo < 0 else 0.0, hi + pad)


def _patches(styles: Mapping[str, OutletStyle], labels: Mapping[str, str]) -> list:
    """Legend patches in the outlets' colours (and hatches), labelled ``labels[outlet]``."""
    from matplotlib.patches import Patch

    return [
        Patch(facecolor=styles[o].color, hatch=styles[o].hatch, edgecolor=INK, linewidth=0.4, label=text)
        for o, text in labels.items()
    ]


def _legend_above(
    ax: Axes, handles: Sequence, *, title: str | None = None, loc: str = "left", ncols: int = 0
):
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
        bbox_to_anchor=(0.0 if loc == "left" else 1.0, 1.02),
        ncols=ncols,
        frameon=False,
        borderaxespad=0.0,
        alignment="left",
        columnspacing=1.2,
    )
    rows = math.ceil(len(handles) / ncols) + (1 if title else 0)
    return legend, 10 + 16 * rows


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
    weighted log-odds z (Monroe, Colaresi & Quinn 2008; the ``log_odds_z``
    column of :func:`framing.measures.salience.term_table`, outlet against the whole
    corpus).  Bar length is z; higher = more typical of that outlet.  The
    label at each bar's tip is how often the outlet used the term.

    How to read it: with two outlets, the first outlet's terms point left
    and the second outlet's point right (tick labels show |z|, so both
    sides read as "how typical of this outlet").  Bars that end beyond the
    dashed lines at |z| = 1.96 would be "significant" at p < .05 for a
    single term tested alone; with hundreds of terms tested, several such
    bars are expected by chance.  With three or more outlets all bars point
    right, one block per outlet (see also :func:`plot_top_terms_grid`).

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

    ax = _axes(ax)
    styles = _styles(outlets, colors)
    unit = _ngram_unit(ngram)
    rows = _term_rows(terms, ngram)
    title = f"The {unit} most typical of each outlet"
    xlabel = "weighted log-odds z (outlet vs whole corpus)"
    blocks = [_top_for(rows, o, top) for o in outlets]
    chosen = pd.concat(blocks, ignore_index=True) if blocks else rows.iloc[:0]
    if chosen.empty:
        msg = "no distinctive terms found\n(log-odds need at least two outlets with text)"
        return _no_data(ax, msg, title=title, xlabel=xlabel, ylabel=unit, n="n = 0 terms with a log-odds z")
    two = len(outlets) == 2
    signs = {o: (-1 if two and i == 0 else 1) for i, o in enumerate(outlets)}
    if two:  # rows sorted by signed z: the second outlet's strongest at the top, the first's at the bottom
        chosen = pd.concat([blocks[1], blocks[0].iloc[::-1]], ignore_index=True)
    _draw_term_bars(ax, chosen, styles, signs)
    _z_guides(ax, vertical=True, negative=two)
    ntok = {o: f"n = {_n(_outlet_tokens(rows, o))} {unit}" for o in outlets}
    shown = _shown(outlets)
    if two:
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
        sides = {
            outlets[0]: f"\u2190 left: more typical of {shown[outlets[0]]} ({ntok[outlets[0]]})",
            outlets[1]: f"\u2192 right: more typical of {shown[outlets[1]]} ({ntok[outlets[1]]})",
        }
        _legend, pad = _legend_above(ax, _patches(styles, sides), ncols=1)
    else:
        _legend, pad = _legend_above(ax, _patches(styles, {o: f"{shown[o]} ({ntok[o]})" for o in outlets}))
    ax.set_title(title, pad=pad)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(f"{unit[:-1]} (n = uses by the outlet)")
    _note(ax)
    return ax


def plot_top_terms_grid(
    terms: pd.DataFrame,
    *,
    outlets: Sequence[str],
    ngram: int = 1,
    top: int = 10,
    fig: Figure | None = None,
    ncols: int = 3,
    colors: Mapping[str, str] | None = None,
) -> Figure:
    """One small bar chart per outlet of its most typical terms.

    What it shows: the same quantity as :func:`plot_top_terms` (weighted
    log-odds z of the outlet against the whole corpus; higher = more
    typical), one panel per outlet in its colour, all panels on a shared
    x-axis so bar lengths compare across panels.  Dashed lines mark
    z = 1.96; each bar is labelled with the outlet's count of the term.

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
        ``(8, 2.2 * rows + 0.8)`` inches.
    ncols : int
        Panels per row.
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Figure
    """
    import matplotlib.pyplot as plt

    styles = _styles(outlets, colors)
    unit = _ngram_unit(ngram)
    rows = _term_rows(terms, ngram)
    ncols = max(1, min(ncols, len(outlets)))
    nrows = math.ceil(len(outlets) / ncols)
    if fig is None:
        fig = plt.figure(figsize=(8.0, 0.25 * top * nrows + 1.4), layout="constrained")
    fig.clear()
    axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
    xmax = max(Z_CRITICAL, float(rows["log_odds_z"].max()) if len(rows) else 0.0) * 1.25
    shown = _shown(outlets)
    for panel, outlet in zip(axes, outlets):
        chosen = _top_for(rows, outlet, top)
        title = f"{shown[outlet]}\nn = {_n(_outlet_tokens(rows, outlet))} {unit}"
        if chosen.empty:
            _no_data(panel, "no distinctive terms", title=title, xlabel="", ylabel="", n="")
            continue
        _draw_term_bars(panel, chosen, styles, {outlet: 1})
        panel.set_xlim(0, xmax)
        panel.axvline(Z_CRITICAL, color="#666666", linewidth=0.9, linestyle="--")
        panel.set_title(title, fontsize=10)
    for panel in axes[len(outlets) :]:
        panel.set_visible(False)
    fig.suptitle(f"The {unit} most typical of each outlet (label: n = uses by the outlet)")
    fig.supxlabel(f"weighted log-odds z (outlet vs whole corpus)\n{SIGNIFICANCE_NOTE}", fontsize=10)
    return fig


_LABEL_OFFSETS = tuple(
    (dx, dy)
    for reach in (1, 2.5, 4.5)
    for dx, dy in ((5, 0), (-5, 0), (0, 7), (0, -7), (5, 7), (-5, 7), (5, -7), (-5, -7))
    for dx, dy in [(dx * reach, dy * reach)]
)


def _overlap(a, b) -> float:
    """Area shared by two (x0, y0, x1, y1) boxes."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _place_labels(ax: Axes, xy: np.ndarray, labels: Sequence[str], obstacles: np.ndarray, radius: np.ndarray):
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
        ax.annotate(
            text,
            xy=(px, py),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=SMALL,
            color=INK,
            arrowprops={"arrowstyle": "-", "color": GREY, "linewidth": 0.6, "shrinkA": 1, "shrinkB": 3}
            if far
            else None,
        )
        placed.append(box)


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
    y = its weighted log-odds z for ``outlet`` against the whole corpus
    (higher = more typical of ``outlet``).  Points above 0 are drawn in the
    outlet's colour, the rest in grey (used relatively more by the other
    outlets).  Terms with the same frequency and the same z fall on one
    spot; they are drawn as one dot whose area grows with the number of
    terms (``18 * sqrt(k)`` points squared).  The ``label_top`` spots with
    the largest |z| are labelled with up to three of their terms
    (alphabetical) and "+k more"; labels are placed greedily so that they
    do not overlap each other or the dots.

    How to read it: rare terms (left) cannot reach large |z| however
    lopsided their use, which is the point of the log-odds prior; terms far
    from 0 *and* to the right are the outlet's recurrent vocabulary.  No
    jitter is added: every dot sits at its true value.

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
    ax = _axes(ax)
    styles = _styles(outlets, colors)
    unit = _ngram_unit(ngram)
    rows = terms[terms["ngram"] == ngram] if "ngram" in terms.columns else terms
    _require(terms, ("outlet", "term", "ngram", "count", "n_tokens", "log_odds_z"), "terms")
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
    ylabel = f"weighted log-odds z ({name} vs whole corpus)"
    title = f"How common vs how typical of {name}"
    if own.empty:
        msg = "no terms to compare\n(log-odds need at least two outlets with text)"
        return _no_data(ax, msg, title=title, xlabel=xlabel, ylabel=ylabel, n="n = 0 terms with a log-odds z")
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
    _z_guides(ax, vertical=False)
    fmin, fmax = float(spots["freq"].min()), float(spots["freq"].max())
    ax.set_xlim(fmin / 1.6, fmax * 2.2)
    span = max(float(spots["z"].abs().max()), Z_CRITICAL)
    ax.set_ylim(-span * 1.25, span * 1.25)
    chosen = spots.assign(size=spots["z"].abs()).sort_values(["size", "freq"], ascending=False, kind="stable")
    chosen = chosen.head(label_top)
    xy = chosen[["freq", "z"]].to_numpy(dtype=float)
    names = [
        ", ".join(chart_text(str(w)) for w in t[:3]) + (f" +{len(t) - 3} more" if len(t) > 3 else "")
        for t in chosen["term"]
    ]
    ax.legend(loc="lower right", title="bigger dot = several terms at one spot")
    ax.set_title(f"{title}\nn = {_n(n_all)} {unit} in the corpus, {_n(len(own))} distinct")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    _note(ax)
    radius = np.sqrt(18 * np.sqrt(spots["k"].to_numpy(dtype=float))) / 2 * ax.figure.dpi / 72
    _place_labels(ax, xy, names, spots[["freq", "z"]].to_numpy(dtype=float), radius)
    return ax


# --------------------------------------------------------------------------- cues


def _category_order(present: Sequence[str]) -> list[str]:
    known = [c for c in CUE_CATEGORIES if c in set(present)]
    return known + sorted(set(present) - set(CUE_CATEGORIES))


def _error_bars(
    summary: pd.DataFrame | None, outlet: str, cats: Sequence[str], voice: str, heights
) -> np.ndarray:
    """Distances below and above each bar to the interval ends (NaN where none)."""
    err = np.full((2, len(cats)), np.nan)
    if summary is None or summary.empty:
        return err
    _require(summary, ("outlet", "measure", "category", "voice", "ci_low", "ci_high"), "summary")
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

    How to read it: with ``summary`` given, each bar carries its bootstrap
    95 % interval (``ci_low``, ``ci_high`` of the row with measure
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
    ax = _axes(ax)
    styles = _styles(outlets, colors)
    _require(rates, ("outlet", "category", "voice", "n_cues", "n_tokens", "rate_per_1k"), "rates")
    rows = rates[(rates["voice"] == voice) & rates["outlet"].isin(list(outlets))]
    title = f"Cues per 1,000 words, {voice} voice"
    ylabel = f"cues per 1,000 {voice} word tokens"
    xlabel = "cue category (number above bar = cues counted)"
    if rows.empty or int(rows["n_cues"].sum()) == 0:
        return _no_data(
            ax, f"no cues found ({voice} voice)", title=title, xlabel=xlabel, ylabel=ylabel, n="n = 0 cues"
        )
    cats = _category_order(rows["category"].astype(str).unique().tolist())
    width = 0.8 / len(outlets)
    top = 0.0
    shown = _shown(outlets)
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
            label=f"{shown[outlet]} (n = {_n(n_tok.iloc[0]) if len(n_tok) else 0} tokens)",
        )
        if not np.isnan(err).all():
            ax.errorbar(xs, heights, yerr=np.nan_to_num(err), fmt="none", ecolor=INK, elinewidth=1, capsize=3)
        ends = heights + np.nan_to_num(err[1])
        top = max(top, float(ends.max()))
        for xpos, end, count in zip(xs, ends, own["n_cues"].fillna(0).to_numpy()):
            if len(outlets) > 5:  # too narrow to print counts; the legend and table carry them
                break
            ax.annotate(
                _n(count),
                xy=(xpos, end),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=SMALL,
                color=INK,
            )
    ax.set_xticks(np.arange(len(cats)), [chart_text(c.replace("_", " ")) for c in cats])
    ax.set_ylim(0, top * 1.18 if top > 0 else 1)
    handles = ax.get_legend_handles_labels()[0]
    _legend, pad = _legend_above(ax, handles, title=f"n = {voice} word tokens of each outlet")
    ax.set_title(title + ("; error bars: 95% bootstrap interval" if summary is not None else ""), pad=pad)
    if len(outlets) > 5:
        xlabel = "cue category"
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if summary is not None:
        _note(ax, INTERVAL_NOTE)
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
    (*noted*, *pointed out*), ``doubting`` (*claimed*, *insisted*) and
    ``concession`` (*admitted*, *denied*).  Share = cues of the subcategory
    / all attribution cues of the outlet; the label gives the share and the
    count.  The two most frequent verbs of each subcategory are listed under
    its name so the reader can see what was counted.

    How to read it: a larger doubting share means the outlet more often
    signals doubt about what it reports (WP:SAY: "claimed" casts doubt,
    "said" does not).  The shares rest on few cues: read counts, not only
    percentages.

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
    ax = _axes(ax)
    styles = _styles(outlets, colors)
    _require(cues, ("outlet", "term", "category", "subcategory"), "cues")
    rows = cues[(cues["category"] == "attribution") & cues["outlet"].isin(list(outlets))]
    title = "How sources are introduced: attribution verbs by type"
    xlabel = "share of the outlet's attribution cues (%)"
    ylabel = "type of attribution"
    if rows.empty:
        return _no_data(
            ax,
            "no attribution cues found",
            title=title,
            xlabel=xlabel,
            ylabel=ylabel,
            n="n = 0 attribution cues",
        )
    subs = list(ATTRIBUTION_SUBCATEGORIES)
    subs += sorted(set(rows["subcategory"].dropna().astype(str)) - set(subs))
    counts = rows.groupby(["outlet", "subcategory"]).size()
    height = 0.8 / len(outlets)
    base = np.arange(len(subs))[::-1].astype(float)
    labels = {}
    shown = _shown(outlets)
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
            ax.annotate(
                text,
                xy=(pct, y),
                xytext=(3, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=SMALL,
                color=INK,
            )
    verbs = rows.groupby(["subcategory", "term"]).size().reset_index(name="k")
    verbs = verbs.sort_values(["subcategory", "k", "term"], ascending=[True, False, True], kind="stable")
    ticks = []
    for s in subs:
        examples = verbs.loc[verbs["subcategory"] == s, "term"].head(2).tolist()
        words = ", ".join(chart_text(str(e)) for e in examples)
        ticks.append(chart_text(str(s)) + (f"\n({words})" if examples else ""))
    ax.set_yticks(base, ticks)
    ax.set_xlim(0, 118)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    _legend, pad = _legend_above(ax, _patches(styles, labels))
    ax.set_title(f"{title}\nn = {len(rows)} attribution cues", pad=pad)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --------------------------------------------------------------------------- sentiment


def _positions(sentiment: pd.DataFrame, sentences: pd.DataFrame, position: Position) -> pd.DataFrame:
    """Sentiment rows with ``pos`` in [0, 1] within their article, sorted by article and position."""
    _require(sentences, ("sentence_id", "start"), "sentences")
    keep = ["sentence_id", "start"] + (["article_id"] if "article_id" not in sentiment.columns else [])
    merged = sentiment.merge(sentences[keep], on="sentence_id", how="inner", validate="one_to_one")
    merged = merged.sort_values(["article_id", "start", "sentence_id"], kind="stable").reset_index(drop=True)
    grouped = merged.groupby("article_id", sort=False)["start"]
    if position == "offset":
        lo, hi = grouped.transform("min"), grouped.transform("max")
        span = (hi - lo).where(hi > lo)
        merged["pos"] = ((merged["start"] - lo) / span).fillna(0.0)
    else:
        idx, n = grouped.cumcount(), grouped.transform("size")
        merged["pos"] = (idx / (n - 1).where(n > 1)).fillna(0.0)
    return merged


def plot_sentiment_arc(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    outlets: Sequence[str],
    position: Position = "offset",
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Sentence-by-sentence sentiment through each article.

    What it shows: one line per article, in its outlet's colour; each
    marker is a sentence at its position in the article and its VADER
    compound score (Hutto & Gilbert 2014; ``compound`` of
    :func:`framing.measures.sentiment.sentence_sentiment`, -1 = most negative, +1 =
    most positive).  Marker shape gives the sentence's voice: circle =
    authorial, square = quoted, triangle = mixed.  The grey band is VADER's
    neutral zone (|compound| < 0.05).

    Position, with ``position="offset"``: ``(start - first start) / (last
    start - first start)`` from the sentences' character offsets, so 0 is
    the headline and 1 the last sentence, and long paragraphs take more
    room.  With ``position="index"``: ``i / (n - 1)`` for the i-th of n
    sentences.

    How to read it: look for where the tone turns and whose voice carries
    it (a negative stretch made of squares is negativity the outlet quotes
    rather than asserts).  Single sentences swing widely; do not read a
    trend into two or three points.

    Parameters
    ----------
    sentiment : DataFrame
        ``article_id, outlet, sentence_id, voice, compound``.
    sentences : DataFrame
        ``sentence_id, start`` (offsets into the article text).
    outlets : sequence of str
        Outlets in colour order.
    position : {"offset", "index"}
        How the x position is computed.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    from matplotlib.lines import Line2D

    ax = _axes(ax)
    styles = _styles(outlets, colors)
    _require(sentiment, ("outlet", "sentence_id", "voice", "compound"), "sentiment")
    title = "Sentiment sentence by sentence"
    xlabel = "position in article (0 = headline, 1 = last sentence)"
    rows = sentiment[sentiment["outlet"].isin(list(outlets))]
    rows = _positions(rows, sentences, position) if len(rows) else rows
    if rows.empty:
        return _no_data(
            ax, "no sentences found", title=title, xlabel=xlabel, ylabel=COMPOUND_LABEL, n="n = 0 sentences"
        )
    _neutral_band(ax)
    handles = []
    shown = _shown(outlets)
    for outlet in outlets:
        own = rows[rows["outlet"] == outlet]
        style = styles[outlet]
        for _, article in own.groupby("article_id", sort=True):
            ax.plot(
                article["pos"],
                article["compound"],
                color=style.color,
                linestyle=style.linestyle,
                linewidth=1.4,
                alpha=0.85,
                zorder=2,
            )
            for voice, part in article.groupby("voice", sort=True):
                ax.scatter(
                    part["pos"],
                    part["compound"],
                    marker=VOICE_MARKERS.get(str(voice), "o"),
                    s=36,
                    color=style.color,
                    edgecolors=INK,
                    linewidths=0.5,
                    zorder=3,
                )
        n_art = own["article_id"].nunique()
        handles.append(
            Line2D(
                [],
                [],
                color=style.color,
                linestyle=style.linestyle,
                linewidth=2,
                label=f"{shown[outlet]} (n = {len(own)} sentences, {n_art} article{'s' * (n_art != 1)})",
            )
        )
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-1.05, 1.05)
    present = [v for v in VOICES if v in set(rows["voice"])]
    glyphs = {"authorial": "\u25cf", "quoted": "\u25a0", "mixed": "\u25b2"}
    key = "marker = voice: " + ", ".join(f"{glyphs[v]} {v}" for v in present)
    _legend, pad = _legend_above(ax, handles, title=key, ncols=1)
    n_art = rows["article_id"].nunique()
    ax.set_title(f"{title}\nn = {len(rows)} sentences in {n_art} article{'s' * (n_art != 1)}", pad=pad)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(COMPOUND_LABEL)
    return ax


def plot_sentiment_distribution(
    sentiment: pd.DataFrame,
    *,
    outlets: Sequence[str],
    by_voice: bool = True,
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Box-and-strip chart of sentence sentiment per outlet (and voice).

    What it shows: every sentence's VADER compound score (-1 to +1, higher
    = more positive) as a dot, grouped by outlet and, with ``by_voice``, by
    the sentence's voice (authorial / quoted / mixed).  The box spans the
    middle half of the sentences (25th to 75th percentile) with the median
    as a line; the black diamond is the mean, the number printed next to
    it.  Dots are spread sideways by a fixed pseudo-random offset (seed 0)
    only so that equal scores do not hide each other.

    How to read it: most news sentences score 0 (no lexicon word), so the
    mean is pulled towards 0; compare the spread and the dots outside the
    grey neutral band.  Group sizes are under each group's name.

    Parameters
    ----------
    sentiment : DataFrame
        ``outlet, voice, compound``: one row per sentence.
    outlets : sequence of str
        Outlets in colour order.
    by_voice : bool
        Split each outlet's sentences by voice.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    styles = _styles(outlets, colors)
    _require(sentiment, ("outlet", "compound") + (("voice",) if by_voice else ()), "sentiment")
    rows = sentiment[sentiment["outlet"].isin(list(outlets)) & sentiment["compound"].notna()]
    title = "Sentence sentiment by outlet" + (" and voice" if by_voice else "")
    xlabel = "outlet" + (" and voice" if by_voice else "") + " (n = sentences)"
    if rows.empty:
        return _no_data(
            ax, "no sentences found", title=title, xlabel=xlabel, ylabel=COMPOUND_LABEL, n="n = 0 sentences"
        )
    groups = []
    for outlet in outlets:
        own = rows[rows["outlet"] == outlet]
        voices = [v for v in VOICES if v in set(own["voice"])] if by_voice else [None]
        voices += sorted(set(own["voice"].astype(str)) - set(VOICES)) if by_voice else []
        groups += [(outlet, v, own if v is None else own[own["voice"] == v]) for v in voices]
    _neutral_band(ax)
    ticks = []
    shown = _shown(outlets)
    for x, (outlet, voice, part) in enumerate(groups):
        values = part["compound"].to_numpy(dtype=float)
        style = styles[outlet]
        box = ax.boxplot(
            [values],
            positions=[x],
            widths=0.55,
            showfliers=False,
            patch_artist=True,
            medianprops={"color": INK},
            whiskerprops={"color": style.color},
            capprops={"color": style.color},
        )
        for patch in box["boxes"]:
            patch.set(facecolor=style.color, alpha=0.25, edgecolor=style.color, hatch=style.hatch)
        offsets = np.random.default_rng(0).uniform(-0.18, 0.18, size=len(values))
        ax.scatter(
            x + offsets,
            values,
            s=18,
            color=style.color,
            marker=style.marker,
            edgecolors=INK,
            linewidths=0.3,
            zorder=3,
        )
        mean = float(values.mean())
        ax.scatter([x], [mean], marker="D", s=40, color=INK, zorder=4)
        ax.annotate(
            f"{mean:+.2f}".replace("-", "\u2212"),
            xy=(x + 0.28, mean),
            xytext=(2, 0),
            textcoords="offset points",
            va="center",
            fontsize=SMALL,
            color=INK,
            zorder=5,
        )
        ticks.append(f"{chart_text(str(voice)) if by_voice else shown[outlet]}\nn = {len(values)}")
    ax.set_xticks(np.arange(len(groups)), ticks)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylim(-1.05, 1.05)
    if by_voice:
        _group_labels(ax, [g[0] for g in groups])
    ax.set_title(f"{title}\nn = {len(rows)} sentences; \u25c6 = mean")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(COMPOUND_LABEL)
    return ax


def _group_labels(ax: Axes, names: Sequence[str]) -> None:
    """Name each run of equal ``names`` under its ticks (a second row of x labels) and separate the runs."""
    start = 0
    for i in range(1, len(names) + 1):
        if i < len(names) and names[i] == names[start]:
            continue
        ax.annotate(
            chart_text(str(names[start]), weight="bold"),
            xy=((start + i - 1) / 2, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, -30),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=10,
            fontweight="bold",
        )
        if i < len(names):
            ax.axvline(i - 0.5, color="#CCCCCC", linewidth=0.8, zorder=0)
        start = i
    ax.xaxis.labelpad = 20


def plot_actor_sentiment(
    actor_sentiment: pd.DataFrame,
    *,
    outlets: Sequence[str],
    ax: Axes | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes:
    """Dot chart of the mean sentiment of sentences that mention each actor.

    What it shows: one row per actor, one dot per outlet at
    ``mean_compound`` = the mean VADER compound score (-1 to +1, higher =
    more positive) of the outlet's sentences that mention the actor
    (:func:`framing.measures.sentiment.actor_sentiment`).  The number beside a dot
    is ``n_sentences``, and dot area grows with it.  An outlet that never
    mentions the actor gets no dot and a grey "not mentioned by ..." note;
    actors no outlet mentions are listed in grey with "(not mentioned)".

    How to read it: this is the tone of the *sentences around* an actor,
    not a judgement of the actor: "Biden warned of sanctions" scores
    negative because of "warned", whoever is named.  Dots resting on one or
    two sentences are anecdotes; read the sentences.

    Parameters
    ----------
    actor_sentiment : DataFrame
        ``outlet, actor, n_sentences, mean_compound``.
    outlets : sequence of str
        Outlets in colour order.
    ax : matplotlib Axes, optional
    colors : mapping, optional
        ``outlet -> colour``, default ``outlet_colors(outlets)``.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    styles = _styles(outlets, colors)
    _require(actor_sentiment, ("outlet", "actor", "n_sentences", "mean_compound"), "actor_sentiment")
    rows = actor_sentiment[actor_sentiment["outlet"].isin(list(outlets))]
    title = "Tone of the sentences that mention each actor"
    xlabel = "mean " + COMPOUND_LABEL.replace("VADER compound score", "VADER compound of those sentences")
    if rows.empty:
        return _no_data(ax, "no actors to show", title=title, xlabel=xlabel, ylabel="actor", n="n = 0 actors")
    mentioned = rows[rows["mean_compound"].notna()]
    weight = mentioned.groupby("actor")["n_sentences"].sum()
    actors = sorted(set(rows["actor"].astype(str)), key=lambda a: (-int(weight.get(a, 0)), a))
    ypos = {a: float(len(actors) - 1 - i) for i, a in enumerate(actors)}
    step = 0.6 / max(1, len(outlets) - 1) if len(outlets) > 1 else 0.0
    _neutral_band(ax, vertical=True)
    shown = _shown(outlets)
    for i, outlet in enumerate(outlets):
        own = rows[rows["outlet"] == outlet].set_index("actor")
        style = styles[outlet]
        shift = 0.3 - i * step if len(outlets) > 1 else 0.0
        hit = own[own["mean_compound"].notna()]
        ys = [ypos[a] + shift for a in hit.index]
        sizes = 25 + 25 * np.sqrt(hit["n_sentences"].to_numpy(dtype=float))
        ax.scatter(
            hit["mean_compound"],
            ys,
            s=sizes,
            color=style.color,
            marker=style.marker,
            edgecolors=INK,
            linewidths=0.5,
            zorder=3,
            label=shown[outlet],
        )
        for xv, y, k in zip(hit["mean_compound"], ys, hit["n_sentences"]):
            ax.annotate(
                f"{int(k)}",
                xy=(xv, y),
                xytext=(7, 0),
                textcoords="offset points",
                va="center",
                fontsize=SMALL,
                color=INK,
            )
    silent = rows[rows["mean_compound"].isna() & rows["actor"].isin(weight.index)]
    for actor in actors:
        absent = [o for o in outlets if o in set(silent.loc[silent["actor"] == actor, "outlet"])]
        if absent:
            ax.annotate(
                "not mentioned by " + ", ".join(shown[o] for o in absent),
                xy=(1.0, ypos[actor]),
                xytext=(-2, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=SMALL,
                color="#666666",
                style="italic",
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
                zorder=2,
            )
    ticks = [chart_text(a) + ("" if a in weight.index else " (not mentioned)") for a in actors]
    ax.set_yticks([ypos[a] for a in actors], ticks)
    for label, actor in zip(ax.get_yticklabels(), actors):
        if actor not in weight.index:
            label.set_color("#888888")
    ax.set_xlim(-1.0, 1.0)
    ax.set_ylim(-0.7, len(actors) - 0.3)
    handles = ax.get_legend_handles_labels()[0]
    _legend, pad = _legend_above(ax, handles)
    for handle in _legend.legend_handles:
        handle.set_sizes([50])
    n_mentions = int(mentioned["n_sentences"].sum())
    ax.set_title(f"{title}\nn = {n_mentions} sentence-actor mentions (number beside each dot)", pad=pad)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("actor")
    return ax


# --------------------------------------------------------------------------- summaries


def _interval_rows(
    rows: pd.DataFrame, categories: Sequence[str] | None
) -> list[tuple[str, str]]:
    """The ``(category, voice)`` pairs of ``rows``, top to bottom: categories in order, then voices."""
    cats = list(categories) if categories is not None else _category_order(
        [c for c in rows["category"].unique() if c])
    order = {c: i for i, c in enumerate(["", *cats])}
    voices = {v: i for i, v in enumerate(["", *VOICES])}
    pairs = set(zip(rows["category"], rows["voice"]))
    return sorted(pairs, key=lambda p: (order.get(p[0], len(order)), voices.get(p[1], len(voices)), p))


def _interval_label(measure: str, category: str, voice: str) -> str:
    """Row label in words: the category and voice, or the measure when it has neither."""
    words = [w.replace("_", " ") for w in (category, voice) if w]
    return ", ".join(words) if words else measure.replace("_", " ")


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
    sum(denominator)`` over the outlet's units, with its percentile
    bootstrap interval (``ci_low`` to ``ci_high``) as a line.  The text on
    the right is the permutation p-value of "this outlet vs the others"
    and the number of units (sentences); a filled dot means p < .05, a
    hollow dot p >= .05 (uncorrected).

    How to read it: an interval that overlaps the other outlets' is a
    difference the data cannot confirm.  One chart shows one measure, so
    all rows share its unit on the x-axis (``MEASURE_UNITS`` of
    :mod:`framing.core.vocabulary` unless ``xlabel`` is given).

    Parameters
    ----------
    summary : DataFrame
        ``outlet, measure, category, voice, value, ci_low, ci_high, p_value,
        n_units`` (``verdict`` optional).
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
    from framing.measures.uncertainty import format_p

    ax = _axes(ax)
    styles = _styles(outlets, colors)
    _require(summary, ("outlet", "measure", "category", "voice", "value", "ci_low", "ci_high", "p_value", "n_units"),
             "summary")
    rows = summary[(summary["measure"] == measure) & summary["outlet"].isin(list(outlets))]
    rows = rows.assign(category=rows["category"].fillna(""), voice=rows["voice"].fillna(""))
    if categories is not None:
        rows = rows[rows["category"].isin(list(categories))]
    if voice is not None:
        rows = rows[rows["voice"] == voice]
    xlabel = xlabel or MEASURE_UNITS.get(measure, str(measure).replace("_", " "))
    title = "Per-outlet values with 95% bootstrap intervals"
    if rows.empty or rows["value"].isna().all():
        return _no_data(
            ax, "no values to show", title=title, xlabel=xlabel, ylabel="measure", n="n = 0 values"
        )
    shown = _interval_rows(rows, categories)
    ax.axvline(0, color="#BBBBBB", linewidth=0.8, zorder=1)
    step = 0.6 / max(1, len(outlets) - 1) if len(outlets) > 1 else 0.0
    for i, outlet in enumerate(outlets):
        own = rows[rows["outlet"] == outlet].drop_duplicates(["category", "voice"]).set_index(["category", "voice"])
        style = styles[outlet]
        for j, key in enumerate(shown):
            if key not in own.index or math.isnan(float(own.at[key, "value"])):
                continue
            r = own.loc[key]
            y = len(shown) - 1 - j + (0.3 - i * step if len(outlets) > 1 else 0.0)
            p = float(r["p_value"])
            filled = not math.isnan(p) and p < ALPHA
            ax.plot([r["ci_low"], r["ci_high"]], [y, y], color=style.color, linewidth=2, zorder=2)
            ax.plot(
                [r["value"]],
                [y],
                marker=style.marker,
                markersize=7,
                color=style.color,
                markeredgecolor=INK if filled else style.color,
                markeredgewidth=1 if filled else 2,
                markerfacecolor=style.color if filled else "white",
                zorder=3,
            )
            note = ("no test" if math.isnan(p) else format_p(p)) + f", n = {int(r['n_units'])}"
            ax.annotate(
                note,
                xy=(1.0, y),
                xycoords=("axes fraction", "data"),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=SMALL,
                color=INK,
            )
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
    handles += [
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
    _legend, pad = _legend_above(ax, handles)
    ax.set_title(f"{title}\nn = sentences (units) per outlet, at right with the permutation p-value", pad=pad)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("cue category, voice" if any(c for c, _ in shown) else "measure")
    _note(ax, INTERVAL_NOTE)
    return ax


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
    ax = _axes(ax)
    styles = _styles(outlets, colors)
    _require(rankings, ("setting", "outlet", "term", "rank"), "rankings")
    rows = rankings[rankings["outlet"] == outlet]
    title = f"How {chart_text(str(outlet))}'s top terms move with the settings"
    xlabel = "setting"
    ylabel = "rank of the term (1 = most typical)"
    if rows.empty:
        return _no_data(
            ax, "no rankings to show", title=title, xlabel=xlabel, ylabel=ylabel, n="n = 0 rankings"
        )
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
            ax.annotate(
                ", ".join(chart_text(str(t)) for t in terms_here.index),
                xy=(xs[side], rank),
                xytext=(-6 if ha == "right" else 6, 0),
                textcoords="offset points",
                ha=ha,
                va="center",
                fontsize=SMALL,
                color=INK,
            )
    ax.set_xticks(xs, [chart_text(s) for s in settings])
    ax.set_xlim(-0.8, len(settings) - 1 + 0.8)
    ax.set_yticks(list(range(1, top + 2)), [str(k) for k in range(1, top + 1)] + [f"below top {top}"])
    ax.set_ylim(top + 1.5, 0.5)
    ax.set_title(
        f"{title}\nn = {len(table)} terms in the top {top} under at least one of {len(settings)} settings"
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax
