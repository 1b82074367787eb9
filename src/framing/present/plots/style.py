"""The house look of every chart: outlet colours, font sizes, reproducible files.

One fixed colour per outlet, from the colour-blind-safe Okabe-Ito palette,
assigned by :func:`outlet_colors` in the order of the ``outlets`` argument;
beyond eight outlets :func:`outlet_styles` tells repeated colours apart by
hatch, line style and marker.  :func:`use_house_style` sets font sizes,
figure size and the settings that make saved files reproducible, and
:func:`savefig_deterministic` writes a PNG whose bytes depend only on the
figure.  Importing this module changes no matplotlib setting.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from framing.present.chart_labels import chart_fonts

if TYPE_CHECKING:  # pragma: no cover
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
SMALL = 9  # smallest font size used anywhere, in points


class OutletStyle(NamedTuple):
    """How one outlet is drawn: colour, plus the fallbacks used beyond eight outlets."""

    color: str
    hatch: str
    linestyle: Any
    marker: str


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
