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

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from framing.core.vocabulary import POSITIVE_THRESHOLD, VOICES
from framing.present.chart_labels import chart_text
from framing.present.plots.frame import Frame, begin, display_names, require
from framing.present.plots.marks import dodge, tag
from framing.present.plots.style import INK

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

NEUTRAL_BAND = POSITIVE_THRESHOLD
VOICE_MARKERS = {"authorial": "o", "quoted": "s", "mixed": "^"}
COMPOUND_LABEL = "VADER compound score (\u22121 to +1)"

Position = Literal["offset", "index"]


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
    _neutral_band(ax)
    handles = []
    shown = display_names(outlets)
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
    n_art = rows["article_id"].nunique()
    n = f"n = {len(rows)} sentences in {n_art} article{'s' * (n_art != 1)}"
    return frame.finish(ax, n=n, legend=handles, legend_title=key, ncols=1)


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
    columns = ("outlet", "compound") + (("voice",) if by_voice else ())
    ax, styles = begin(ax, outlets=outlets, colors=colors, table=sentiment, columns=columns, name="sentiment")
    rows = sentiment[sentiment["outlet"].isin(list(outlets)) & sentiment["compound"].notna()]
    and_voice = " and voice" if by_voice else ""
    frame = Frame(f"Sentence sentiment by outlet{and_voice}", f"outlet{and_voice} (n = sentences)", COMPOUND_LABEL)
    if rows.empty:
        return frame.empty(ax, "no sentences found", n="n = 0 sentences")
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
    return frame.finish(ax, n=f"n = {len(rows)} sentences; \u25c6 = mean")


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
    return ax
