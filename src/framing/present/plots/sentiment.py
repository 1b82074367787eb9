"""Charts of sentiment: the tone of sentences, through each article, per outlet and around each actor.

The charts take the tables of :mod:`framing.measures.sentiment` as they
are (VADER compound scores, Hutto & Gilbert 2014): sentence by sentence
through each article (:func:`plot_sentiment_arc`), the spread per outlet
and voice (:func:`plot_sentiment_distribution`), and the mean tone of the
sentences that mention each actor (:func:`plot_actor_sentiment`).  The
grey band on every sentiment chart is VADER's neutral zone
(|compound| < :data:`NEUTRAL_BAND`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

import numpy as np

from framing.core.vocabulary import POSITIVE_THRESHOLD, VOICES
from framing.present.chart_labels import chart_text
from framing.present.plots.frame import Frame, begin, display_names, panel_title, require, wrapped
from framing.present.plots.layout import PANEL_MIN_INCHES, PanelGrid, make_room, many, rows_height
from framing.present.plots.marks import dodge, hbox, outlet_axis, row_guides, sort_outlets, tag
from framing.present.plots.style import INK, SMALL, OutletStyle

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

NEUTRAL_BAND = POSITIVE_THRESHOLD
VOICE_MARKERS = {"authorial": "o", "quoted": "s", "mixed": "^", "reported": "D"}
COMPOUND_LABEL = "VADER compound score (\u22121 to +1)"

Position = Literal["offset", "index"]


def _sentences(k: int) -> str:
    """``"1 sentence"``, ``"3 sentences"``."""
    return f"{k} sentence{'s' * (k != 1)}"


def _neutral_band(ax: Axes, *, vertical: bool = False) -> None:
    """Light band for VADER's neutral zone (|compound| < 0.05) and a zero line."""
    span = ax.axvspan if vertical else ax.axhspan
    line = ax.axvline if vertical else ax.axhline
    span(-NEUTRAL_BAND, NEUTRAL_BAND, color="#E8E8E8", zorder=0, linewidth=0)
    line(0, color=INK, linewidth=0.8, zorder=1)


def _positions(sentiment: pd.DataFrame, sentences: pd.DataFrame, position: Position) -> pd.DataFrame:
    """Sentiment rows with ``pos`` in [0, 1] within their article, sorted by article and position."""
    require(sentences, ("sentence_id", "start"), "sentences")
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

    With more than five outlets the lines would hide one another: each
    outlet gets a small panel of its own (in ``outlets`` order), all on the
    same axes, and the legend keeps only the voice markers.

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

    columns = ("outlet", "sentence_id", "voice", "compound")
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=sentiment, columns=columns, name="sentiment")
    frame = Frame("Sentiment sentence by sentence", "position in article (0 = headline, 1 = last sentence)",
                  COMPOUND_LABEL)
    rows = sentiment[sentiment["outlet"].isin(list(outlets))]
    rows = _positions(rows, sentences, position) if len(rows) else rows
    if rows.empty:
        return frame.empty(ax, "no sentences found", n="n = 0 sentences")
    present = [v for v in VOICES if v in set(rows["voice"])]
    glyphs = {"authorial": "\u25cf", "quoted": "\u25a0", "mixed": "\u25b2", "reported": "\u25c6"}
    key = "marker = voice: " + ", ".join(f"{glyphs[v]} {v}" for v in present)
    n_art = rows["article_id"].nunique()
    n = f"n = {len(rows)} sentences in {n_art} article{'s' * (n_art != 1)}"
    if many(outlets):
        return _arc_panels(ax, frame, rows, outlets=outlets, styles=styles, n=n, voices=present)
    _neutral_band(ax)
    handles = []
    shown = display_names(outlets)
    for outlet in outlets:
        own = rows[rows["outlet"] == outlet]
        _draw_arcs(ax, own, styles[outlet])
        style = styles[outlet]
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
    frame.finish(ax, n=n, legend=handles, legend_title=key, ncols=1)
    make_room(ax, width=4.0, height=2.4)
    return ax


def _draw_arcs(ax: Axes, own: pd.DataFrame, style: OutletStyle) -> None:
    """One line per article of ``own`` through its sentences, a marker per sentence shaped by its voice."""
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


def _voice_key(voices: Sequence[str]) -> list:
    """Legend entries for the voice markers."""
    from matplotlib.lines import Line2D

    return [
        Line2D([], [], linestyle="none", marker=VOICE_MARKERS.get(v, "o"), markersize=7, color="white",
               markeredgecolor=INK, label=v)
        for v in voices
    ]


def _arc_panels(
    ax: Axes,
    frame: Frame,
    rows: pd.DataFrame,
    *,
    outlets: Sequence[str],
    styles: Mapping[str, OutletStyle],
    n: str,
    voices: Sequence[str],
) -> Axes:
    """Sentiment arcs of many outlets: one small panel per outlet, all on the same axes."""
    grid = PanelGrid(ax, len(outlets), ncols=3 if len(outlets) <= 12 else 4, outer_x=True, outer_y=True)
    shown = display_names(outlets)
    for panel, outlet in zip(grid.panels, outlets):
        own = rows[rows["outlet"] == outlet]
        _neutral_band(panel)
        _draw_arcs(panel, own, styles[outlet])
        n_art = own["article_id"].nunique()
        articles = f", {n_art} articles" if n_art > 1 else ""
        panel_title(panel, f"{shown[outlet]}\nn = {_sentences(len(own))}{articles}")
        if own.empty:
            panel.text(0.5, 0.5, "no sentences", transform=panel.transAxes, ha="center", va="center",
                       fontsize=SMALL, color=INK)
    grid.set_x((-0.03, 1.03), [0, 0.5, 1], ["0", "0.5", "1"])
    grid.set_y((-1.05, 1.05), [-1, 0, 1], ["\u22121", "0", "1"])
    frame.finish(ax, n=n, legend=_voice_key(voices), legend_title="marker = voice of the sentence")
    make_room(ax, width=PANEL_MIN_INCHES, height=PANEL_MIN_INCHES, axes=grid.panels,
              grid=(grid.ncols, grid.nrows))
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

    With more than five outlets, or more than three split by voice, the
    boxes lie on their side: the outlets down the y-axis (with their number
    of sentences), sorted by the mean of all their sentences, most positive
    first, and one panel per voice on the same x-axis.

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
    columns = ("outlet", "compound") + (("voice",) if by_voice else ())
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=sentiment, columns=columns, name="sentiment")
    rows = sentiment[sentiment["outlet"].isin(list(outlets)) & sentiment["compound"].notna()]
    and_voice = " and voice" if by_voice else ""
    frame = Frame(f"Sentence sentiment by outlet{and_voice}", f"outlet{and_voice} (n = sentences)", COMPOUND_LABEL)
    if rows.empty:
        return frame.empty(ax, "no sentences found", n="n = 0 sentences")
    if many(outlets) or (by_voice and len(outlets) > 3):
        return _distribution_panels(ax, frame, rows, outlets=outlets, styles=styles, by_voice=by_voice)
    groups = []
    for outlet in outlets:
        own = rows[rows["outlet"] == outlet]
        voices = [v for v in VOICES if v in set(own["voice"])] if by_voice else [None]
        voices += sorted(set(own["voice"].astype(str)) - set(VOICES)) if by_voice else []
        groups += [(outlet, v, own if v is None else own[own["voice"] == v]) for v in voices]
    _neutral_band(ax)
    ticks = []
    shown = display_names(outlets)
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
        tag(ax, f"{mean:+.2f}".replace("-", "\u2212"), (x + 0.28, mean), (2, 0), zorder=5)
        ticks.append(f"{chart_text(str(voice)) if by_voice else shown[outlet]}\nn = {len(values)}")
    ax.set_xticks(np.arange(len(groups)), ticks)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylim(-1.05, 1.05)
    if by_voice:
        _group_labels(ax, [g[0] for g in groups])
    frame.finish(ax, n=f"n = {len(rows)} sentences; \u25c6 = mean")
    make_room(ax, width=max(3.5, 0.75 * len(groups)), height=2.6)
    return ax


def _distribution_panels(
    ax: Axes,
    frame: Frame,
    rows: pd.DataFrame,
    *,
    outlets: Sequence[str],
    styles: Mapping[str, OutletStyle],
    by_voice: bool,
) -> Axes:
    """Sentence sentiment of many outlets: outlets down the y-axis, highest mean first; one panel per voice."""
    voices: list[str | None] = [None]
    if by_voice:
        voices = [v for v in VOICES if v in set(rows["voice"])]
        voices += sorted(set(rows["voice"].astype(str)) - set(VOICES))
    means = rows.groupby("outlet")["compound"].mean()
    order = sort_outlets(outlets, means)
    sizes = rows.groupby("outlet").size()
    grid = PanelGrid(ax, len(voices), ncols=len(voices), outer_x=True, outer_y=True)
    for panel, voice in zip(grid.panels, voices):
        part = rows if voice is None else rows[rows["voice"].astype(str) == voice]
        _neutral_band(panel, vertical=True)
        for y, outlet in enumerate(order):
            values = part.loc[part["outlet"] == outlet, "compound"].to_numpy(dtype=float)
            if len(values):
                hbox(panel, values, y, styles[outlet])
        if voice is not None:
            panel_title(panel, f"{chart_text(voice)}\nn = {_sentences(len(part))}")
        row_guides(panel)
    shown = display_names(outlets)
    outlet_axis(grid.panels, order, {o: f"{shown[o]} (n = {int(sizes.get(o, 0))})" for o in order})
    grid.set_x((-1.05, 1.05), [-1, -0.5, 0, 0.5, 1], ["\u22121", "\u22120.5", "0", "0.5", "1"])
    frame = replace(frame, xlabel=COMPOUND_LABEL, ylabel="outlet (n = sentences), highest mean first")
    key = "\u25c6 = mean, box = middle half of the sentences, line in the box = median"
    frame.finish(ax, n=f"n = {len(rows)} sentences; {key}")
    make_room(ax, width=2.2, height=rows_height(len(order)), axes=grid.panels, grid=(grid.ncols, grid.nrows))
    return ax


def _group_labels(ax: Axes, names: Sequence[str]) -> None:
    """Name each run of equal ``names`` under its ticks (a second row of x labels) and separate the runs."""
    start = 0
    lines = 1
    for i in range(1, len(names) + 1):
        if i < len(names) and names[i] == names[start]:
            continue
        span = i - start  # groups of this outlet: its label may be as wide as they are

        def width(span=span) -> float:
            lo, hi = ax.get_xlim()
            return span * ax.bbox.width / abs(hi - lo) - 4

        label = wrapped(
            ax,
            chart_text(str(names[start]), weight="bold"),
            width,
            xy=((start + i - 1) / 2, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, -30),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=10,
            fontweight="bold",
        )
        label.set_clip_on(False)
        # about 7.5 px per bold character, and at least 0.75 inch (54 pt) per group (make_room sees to that)
        lines = max(lines, math.ceil(len(str(names[start])) * 7.5 / (span * 54)))
        if i < len(names):
            ax.axvline(i - 0.5, color="#CCCCCC", linewidth=0.8, zorder=0)
        start = i
    ax.xaxis.labelpad = 20 + 13 * (lines - 1)


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

    With more than five outlets: one panel per mentioned actor, the outlets
    down the shared y-axis, sorted by the mean tone of all their sentences
    that mention an actor (each actor's mean weighted by its sentences),
    most positive first; "none" marks an outlet that does not mention the
    actor, and actors no outlet mentions are named under the title.

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
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=actor_sentiment,
                       columns=("outlet", "actor", "n_sentences", "mean_compound"), name="actor_sentiment")
    rows = actor_sentiment[actor_sentiment["outlet"].isin(list(outlets))]
    xlabel = "mean " + COMPOUND_LABEL.replace("VADER compound score", "VADER compound of those sentences")
    frame = Frame("Tone of the sentences that mention each actor", xlabel, "actor")
    if rows.empty:
        return frame.empty(ax, "no actors to show", n="n = 0 actors")
    mentioned = rows[rows["mean_compound"].notna()]
    weight = mentioned.groupby("actor")["n_sentences"].sum()
    actors = sorted(set(rows["actor"].astype(str)), key=lambda a: (-int(weight.get(a, 0)), a))
    if many(outlets):
        return _actor_panels(ax, frame, rows, actors, weight, outlets=outlets, styles=styles)
    ypos = {a: float(len(actors) - 1 - i) for i, a in enumerate(actors)}
    _neutral_band(ax, vertical=True)
    shown = display_names(outlets)
    for i, outlet in enumerate(outlets):
        own = rows[rows["outlet"] == outlet].set_index("actor")
        style = styles[outlet]
        hit = own[own["mean_compound"].notna()]
        ys = [ypos[a] + dodge(i, len(outlets)) for a in hit.index]
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
            tag(ax, f"{int(k)}", (xv, y), (7, 0))
    silent = rows[rows["mean_compound"].isna() & rows["actor"].isin(weight.index)]
    for actor in actors:
        absent = [o for o in outlets if o in set(silent.loc[silent["actor"] == actor, "outlet"])]
        if absent:
            tag(
                ax,
                "not mentioned by " + ", ".join(shown[o] for o in absent),
                (1.0, ypos[actor]),
                (-2, 0),
                ha="right",
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
    n_mentions = int(mentioned["n_sentences"].sum())
    n = f"n = {n_mentions} sentence-actor mentions (number beside each dot)"
    frame.finish(ax, n=n, legend=ax.get_legend_handles_labels()[0])
    for handle in ax.get_legend().legend_handles:
        handle.set_sizes([50])
    make_room(ax, width=4.0, height=max(PANEL_MIN_INCHES, 0.16 * len(actors) * len(outlets) + 0.3))
    return ax


def _actor_panels(
    ax: Axes,
    frame: Frame,
    rows: pd.DataFrame,
    actors: Sequence[str],
    weight: pd.Series,
    *,
    outlets: Sequence[str],
    styles: Mapping[str, OutletStyle],
) -> Axes:
    """Actor tone for many outlets: one dot panel per mentioned actor, outlets down the shared y-axis.

    Outlets are sorted by the mean tone of all their sentences that mention an actor (each
    actor's mean weighted by its number of sentences), most positive first.
    """
    hit = rows[rows["mean_compound"].notna()]
    total = hit.assign(w=hit["mean_compound"] * hit["n_sentences"]).groupby("outlet")[["w", "n_sentences"]].sum()
    overall = (total["w"] / total["n_sentences"].where(total["n_sentences"] > 0)).to_dict()
    order = sort_outlets(outlets, overall)
    named = [a for a in actors if a in weight.index]
    if not named:
        return frame.empty(ax, "no outlet mentions any actor", n="n = 0 sentence-actor mentions")
    grid = PanelGrid(ax, len(named), ncols=min(len(named), 4), outer_x=True, outer_y=True)
    for panel, actor in zip(grid.panels, named):
        own = hit[hit["actor"].astype(str) == actor].drop_duplicates("outlet").set_index("outlet")
        _neutral_band(panel, vertical=True)
        for y, outlet in enumerate(order):
            if outlet not in own.index:
                tag(panel, "none", (-1.0, y), (3, 0), color="#777777", style="italic")
                continue
            value, k = float(own.at[outlet, "mean_compound"]), int(own.at[outlet, "n_sentences"])
            style = styles[outlet]
            panel.scatter([value], [y], s=20 + 20 * np.sqrt(k), color=style.color, marker=style.marker,
                          edgecolors=INK, linewidths=0.5, zorder=3)
            tag(panel, str(k), (value, y), (6, 0))
        panel_title(panel, f"{chart_text(actor)}\nn = {_sentences(int(weight[actor]))}")
        row_guides(panel)
    outlet_axis(grid.panels, order, display_names(outlets))
    grid.set_x((-1.0, 1.0), [-1, -0.5, 0, 0.5, 1], ["\u22121", "\u22120.5", "0", "0.5", "1"])
    silent = [chart_text(a) for a in actors if a not in weight.index]
    n = f"n = {int(hit['n_sentences'].sum())} sentence-actor mentions (number beside each dot; none = not mentioned)"
    if silent:
        n += "\nnot mentioned by any outlet: " + ", ".join(silent)
    frame = replace(frame, ylabel="outlet, most positive tone around actors first")
    frame.finish(ax, n=n)
    make_room(ax, width=PANEL_MIN_INCHES, height=rows_height(len(order)), axes=grid.panels,
              grid=(grid.ncols, grid.nrows))
    return ax
