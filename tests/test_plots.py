"""Charts: labels, n, colours per outlet, empty inputs, reproducible files.

Truths used here: the Okabe-Ito hex values as published by Okabe & Ito
(2008), and small tables worked out by hand (which term belongs to which
outlet, shares and positions computed in the comments).
"""

from __future__ import annotations

import io
import math
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from framing.measures.cues import CUE_COLUMNS  # noqa: E402
from framing.measures.sentiment import SENTENCE_COLUMNS  # noqa: E402
from framing.measures.uncertainty import SUMMARY_COLUMNS  # noqa: E402
from framing.present import chart_labels, plots  # noqa: E402
from framing.present.chart_labels import chart_text, visual_order  # noqa: E402

TWO = ["Harbour Post", "Capital Wire"]
THREE = ["Harbour Post", "Capital Wire", "Valley Courier"]
# Okabe & Ito (2008), "Color Universal Design", in the order the house palette uses.
PUBLISHED = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


# --------------------------------------------------------------------------- hand-made tables


def make_terms(outlets: list[str]) -> pd.DataFrame:
    """Each outlet has two words of its own (z > 0 for it, < 0 for the others) and shares 'summit'."""
    own = {
        "Harbour Post": [("sanctions", 4, 2.4), ("warned", 2, 1.1)],
        "Capital Wire": [("dialogue", 5, 2.8), ("partners", 3, 1.5)],
        "Valley Courier": [("pipeline", 3, 2.0), ("tariffs", 2, 1.2)],
    }
    rows = []
    for outlet in outlets:
        for owner in outlets:
            for term, count, z in own[owner]:
                mine = owner == outlet
                rows.append((outlet, term, 1, count if mine else 0, 100, z if mine else -z / 2))
        rows.append((outlet, "summit", 1, 6, 100, 0.0))
        rows.append((outlet, "geneva talks", 2, 2, 40, 0.3))
    terms = pd.DataFrame(rows, columns=["outlet", "term", "ngram", "count", "n_tokens", "log_odds_z"])
    terms["rate_per_1k"] = 1000 * terms["count"] / terms["n_tokens"]
    terms["g2"] = terms["log_odds_z"] ** 2
    terms["log_ratio"] = terms["log_odds_z"] / 2
    return terms


def make_rates(outlets: list[str]) -> pd.DataFrame:
    rows = []
    for i, outlet in enumerate(outlets):
        for j, category in enumerate(plots.CUE_CATEGORIES):
            for voice, n_tokens in (("authorial", 400 + 100 * i), ("quoted", 80)):
                n_cues = (i + j) % 4
                rows.append((outlet, category, voice, n_cues, n_tokens, 1000 * n_cues / n_tokens))
    return pd.DataFrame(rows, columns=["outlet", "category", "voice", "n_cues", "n_tokens", "rate_per_1k"])


def make_cues(outlets: list[str]) -> pd.DataFrame:
    """First outlet: 3 neutral + 1 doubting attribution (75 % / 25 %); others: 1 neutral + 1 endorsing."""
    rows = []
    for i, outlet in enumerate(outlets):
        kinds = (
            [("said", "say", "neutral")] * 3 + [("claimed", "claim", "doubting")]
            if i == 0
            else [("said", "say", "neutral"), ("noted", "note", "endorsing")]
        )
        for k, (cue, term, sub) in enumerate(kinds):
            start = 10 * k
            rows.append(
                (f"a{i}", outlet, f"a{i}-{k:03d}", start, start + len(cue), cue, term, "attribution", sub)
            )
        rows.append((f"a{i}", outlet, f"a{i}-009", 90, 95, "might", "might", "hedge", ""))
    cues = pd.DataFrame(rows, columns=[c for c in CUE_COLUMNS if c != "voice"])
    cues["voice"] = "authorial"
    return cues


def make_sentiment(outlets: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Three sentences per article starting at offsets 100, 150, 200 -> positions 0, 0.5, 1."""
    sent, sentences = [], []
    voices = ["authorial", "quoted", "mixed"]
    for i, outlet in enumerate(outlets):
        for k in range(3):
            sid = f"a{i}-{k:03d}"
            compound = [0.0, -0.6, 0.4][k] * (1 if i % 2 == 0 else -1)
            sent.append((f"a{i}", outlet, sid, voices[k], compound, 0.1, 0.8, 0.1, "neutral", ""))
            sentences.append(
                (
                    f"a{i}",
                    outlet,
                    sid,
                    k,
                    "headline" if k == 0 else "body",
                    100 + 50 * k,
                    140 + 50 * k,
                    "The summit opened in Geneva.",
                )
            )
    sentiment = pd.DataFrame(sent, columns=SENTENCE_COLUMNS)
    sentences = pd.DataFrame(
        sentences,
        columns=["article_id", "outlet", "sentence_id", "paragraph", "role", "start", "end", "text"],
    )
    return sentiment, sentences


def make_actors(outlets: list[str]) -> pd.DataFrame:
    """'Kyiv' is mentioned by nobody; 'Lavrov' only by the first outlet."""
    rows = []
    for i, outlet in enumerate(outlets):
        rows.append((outlet, "Vladimir Putin", 4 + i, 0.2 - 0.3 * i, 2, 1, 1))
        rows.append((outlet, "Sergei Lavrov", 2 if i == 0 else 0, -0.4 if i == 0 else math.nan, 0, 1, 1))
        rows.append((outlet, "Kyiv", 0, math.nan, 0, 0, 0))
    return pd.DataFrame(
        rows,
        columns=["outlet", "actor", "n_sentences", "mean_compound", "n_positive", "n_neutral", "n_negative"],
    )


def make_summary(outlets: list[str]) -> pd.DataFrame:
    rows = []
    for i, outlet in enumerate(outlets):
        for j, category in enumerate(plots.CUE_CATEGORIES):
            value = 2.0 + i + j
            p = 0.01 if (i, j) == (0, 0) else 0.4
            rows.append(
                (
                    outlet,
                    "cue_rate",
                    category,
                    "authorial",
                    value,
                    value,
                    1.0,
                    value - 1.0,
                    value + 1.5,
                    p,
                    20,
                    "insufficient evidence (p = 0.40, uncorrected)",
                )
            )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS[:12])


def make_rankings(outlets: list[str]) -> pd.DataFrame:
    rows = []
    for setting, order in (
        ("default", ["sanctions", "warned", "summit"]),
        ("no prior", ["warned", "sanctions"]),
    ):
        for rank, term in enumerate(order, start=1):
            rows.append((setting, outlets[0], term, rank))
    return pd.DataFrame(rows, columns=["setting", "outlet", "term", "rank"])


def draw_all(outlets: list[str]) -> dict:
    """Every chart drawn once on its own Axes; returns name -> Axes."""
    sentiment, sentences = make_sentiment(outlets)
    calls = {
        "top_terms": lambda ax: plots.plot_top_terms(make_terms(outlets), outlets=outlets, ax=ax),
        "freq": lambda ax: plots.plot_frequency_vs_distinctiveness(
            make_terms(outlets), outlet=outlets[0], outlets=outlets, ax=ax
        ),
        "cue_rates": lambda ax: plots.plot_cue_rates(
            make_rates(outlets), make_summary(outlets), outlets=outlets, ax=ax
        ),
        "attribution": lambda ax: plots.plot_attribution_profile(make_cues(outlets), outlets=outlets, ax=ax),
        "arc": lambda ax: plots.plot_sentiment_arc(sentiment, sentences, outlets=outlets, ax=ax),
        "distribution": lambda ax: plots.plot_sentiment_distribution(sentiment, outlets=outlets, ax=ax),
        "actors": lambda ax: plots.plot_actor_sentiment(make_actors(outlets), outlets=outlets, ax=ax),
        "summary": lambda ax: plots.plot_summary_intervals(
            make_summary(outlets),
            measure="cue_rate",
            categories=["hedge", "booster"],
            outlets=outlets,
            ax=ax,
        ),
        "sensitivity": lambda ax: plots.plot_sensitivity(
            make_rankings(outlets), outlet=outlets[0], outlets=outlets, ax=ax
        ),
    }
    out = {}
    for name, call in calls.items():
        fig, ax = plt.subplots()
        returned = call(ax)
        assert returned is ax, name
        out[name] = ax
    return out


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def all_text(ax) -> list[str]:
    """Every visible string in the Axes' figure: title, labels, ticks, legend, annotations."""
    return [t.get_text() for t in ax.figure.findobj(Text) if t.get_visible() and t.get_text()]


def legend_colours(ax) -> dict[str, tuple]:
    """Legend label -> RGBA face colour of its handle (for the outlet entries)."""
    legends = [a for a in ax.get_children() if isinstance(a, matplotlib.legend.Legend)]
    out = {}
    for legend in legends:
        for handle, text in zip(legend.legend_handles, legend.get_texts()):
            if hasattr(handle, "get_facecolor") and not hasattr(handle, "get_markerfacecolor"):
                colour = handle.get_facecolor()
                colour = colour[0] if np.ndim(colour) == 2 else colour
            else:
                colour = handle.get_color()
            out[text.get_text()] = to_rgba(colour)
    return out


# --------------------------------------------------------------------------- colours and style


def test_outlet_colors_follow_first_appearance_and_okabe_ito():
    colours = plots.outlet_colors(["Capital Wire", "Harbour Post", "Capital Wire", "Valley Courier"])
    assert list(colours) == ["Capital Wire", "Harbour Post", "Valley Courier"]
    assert list(colours.values()) == PUBLISHED[:3]
    assert list(plots.outlet_colors([f"o{i}" for i in range(8)]).values()) == PUBLISHED


def test_more_than_eight_outlets_cycle_colours_with_a_distinct_hatch_marker_and_line():
    styles = plots.outlet_styles([f"o{i}" for i in range(10)])
    assert styles["o8"].color == styles["o0"].color == PUBLISHED[0]
    assert styles["o8"].hatch != styles["o0"].hatch
    assert styles["o8"].marker != styles["o0"].marker
    assert styles["o8"].linestyle != styles["o0"].linestyle


def test_import_changes_no_rcparams_and_house_style_sets_reproducible_settings():
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); import framing.present.plots; "
        "assert dict(mpl.rcParams) == before"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    with matplotlib.rc_context():
        plots.use_house_style()
        rc = matplotlib.rcParams
        assert rc["svg.hashsalt"] == "framing"
        assert rc["path.simplify"] is True
        assert tuple(rc["figure.figsize"]) == (8.0, 4.5)
        assert rc["figure.dpi"] == 100
        assert min(rc["xtick.labelsize"], rc["ytick.labelsize"], rc["legend.fontsize"]) >= 9


def test_savefig_deterministic_gives_identical_bytes_without_software_chunk(tmp_path):
    def build():
        fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
        plots.plot_cue_rates(make_rates(TWO), outlets=TWO, ax=ax)
        return fig

    fig = build()
    first = plots.savefig_deterministic(fig, tmp_path / "a.png").read_bytes()
    second = plots.savefig_deterministic(fig, tmp_path / "b.png").read_bytes()
    third = plots.savefig_deterministic(build(), tmp_path / "c.png").read_bytes()
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert first == second == third
    assert b"Software" not in first and b"matplotlib" not in first.lower()


# --------------------------------------------------------------------------- every chart


@pytest.mark.parametrize("outlets", [TWO, THREE], ids=["two", "three"])
def test_every_chart_has_title_labels_n_and_legible_text(outlets):
    for name, ax in draw_all(outlets).items():
        ax.figure.draw_without_rendering()
        assert ax.get_title().strip(), name
        assert ax.get_xlabel().strip(), name
        assert ax.get_ylabel().strip(), name
        texts = all_text(ax)
        assert any("n = " in t or "n=" in t for t in texts), name
        sizes = [t.get_fontsize() for t in ax.figure.findobj(Text) if t.get_visible() and t.get_text()]
        assert min(sizes) >= 9, name


@pytest.mark.parametrize("outlets", [TWO, THREE], ids=["two", "three"])
def test_legend_colours_match_outlet_colors(outlets):
    expected = {o: to_rgba(c) for o, c in plots.outlet_colors(outlets).items()}
    for name, ax in draw_all(outlets).items():
        if name in {"top_terms", "freq", "sensitivity", "distribution"}:
            continue  # checked bar by bar / point by point below
        found = legend_colours(ax)
        for outlet, colour in expected.items():
            matches = [c for label, c in found.items() if label.startswith(outlet)]
            assert matches == [colour], (name, outlet, found)


def test_significance_charts_carry_the_note():
    axes = draw_all(TWO)
    for name in ("top_terms", "freq"):
        assert any(plots.SIGNIFICANCE_NOTE in t for t in all_text(axes[name])), name
    for name in ("cue_rates", "summary"):  # intervals and permutation p-values, not z
        assert any(plots.INTERVAL_NOTE in t for t in all_text(axes[name])), name
    assert plots.SIGNIFICANCE_NOTE == "|z| > 1.96 \u2248 p < .05, no correction for multiple comparisons"


def test_top_terms_two_outlets_diverge_in_outlet_colours():
    colours = plots.outlet_colors(TWO)
    fig, ax = plt.subplots()
    plots.plot_top_terms(make_terms(TWO), outlets=TWO, ax=ax)
    labels = {round(y): t.get_text() for y, t in zip(ax.get_yticks(), ax.get_yticklabels())}
    bars = {labels[round(p.get_y() + p.get_height() / 2)]: p for p in ax.patches}
    # Harbour Post's own words point left, Capital Wire's right; 'summit' (z = 0) is nobody's.
    assert set(bars) == {"sanctions", "warned", "dialogue", "partners"}
    for term in ("sanctions", "warned"):
        assert bars[term].get_width() < 0
        assert bars[term].get_facecolor() == to_rgba(colours["Harbour Post"])
    for term in ("dialogue", "partners"):
        assert bars[term].get_width() > 0
        assert bars[term].get_facecolor() == to_rgba(colours["Capital Wire"])
    assert math.isclose(abs(bars["dialogue"].get_width()), 2.8)
    assert "n=5" in all_text(ax)  # 'dialogue' used 5 times
    assert ax.get_xlabel() == "weighted log-odds z (outlet vs whole corpus)"
    dashed = sorted(line.get_xdata()[0] for line in ax.lines if line.get_linestyle() == "--")
    assert dashed == [-1.96, 1.96]


def test_top_terms_grid_has_one_panel_per_outlet():
    fig = plots.plot_top_terms_grid(make_terms(THREE), outlets=THREE)
    visible = [a for a in fig.axes if a.get_visible()]
    assert [a.get_title().split("\n")[0] for a in visible] == THREE
    colours = plots.outlet_colors(THREE)
    for ax, outlet in zip(visible, THREE):
        assert {p.get_facecolor() for p in ax.patches} == {to_rgba(colours[outlet])}


def test_frequency_scatter_colours_the_outlets_terms_and_greys_the_rest():
    fig, ax = plt.subplots()
    plots.plot_frequency_vs_distinctiveness(make_terms(TWO), outlet="Capital Wire", outlets=TWO, ax=ax)
    by_label = {c.get_label(): c for c in ax.collections}
    mine = by_label["more typical of Capital Wire"]
    assert to_rgba(mine.get_facecolor()[0])[:3] == to_rgba(plots.outlet_colors(TWO)["Capital Wire"])[:3]
    # Capital Wire's positive terms: dialogue (corpus count 5) and partners (3).
    assert sorted(mine.get_offsets()[:, 0].tolist()) == [3.0, 5.0]
    labelled = " ".join(all_text(ax))
    assert "dialogue" in labelled and "sanctions" in labelled


def test_cue_rates_bars_and_error_bars_come_from_the_tables():
    rates, summary = make_rates(TWO), make_summary(TWO)
    fig, ax = plt.subplots()
    plots.plot_cue_rates(rates, summary, outlets=TWO, ax=ax)
    first = ax.containers[0]
    assert first.get_label().startswith("Harbour Post (n = 400 tokens)")
    # Harbour Post, hedge: n_cues = (0 + 0) % 4 = 0; booster: 1 cue / 400 tokens = 2.5 per 1,000.
    assert [round(b.get_height(), 6) for b in first.patches][:2] == [0.0, 2.5]
    # error bar of booster for Harbour Post spans ci_low..ci_high = 2.0 .. 4.5 from the summary table
    segments = [s for coll in ax.collections for s in coll.get_segments()]
    spans = {(round(s[0][1], 6), round(s[1][1], 6)) for s in segments}
    assert (2.0, 4.5) in spans


def test_attribution_shares_are_counted_per_outlet():
    fig, ax = plt.subplots()
    plots.plot_attribution_profile(make_cues(TWO), outlets=TWO, ax=ax)
    texts = all_text(ax)
    assert "75% (n=3)" in texts and "25% (n=1)" in texts  # Harbour Post: 3 said, 1 claimed
    assert "50% (n=1)" in texts  # Capital Wire: 1 said, 1 noted
    widths = sorted(round(p.get_width(), 6) for p in ax.patches if p.get_width() > 0)
    assert widths == [25.0, 50.0, 50.0, 75.0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0].startswith("neutral") and "(say)" in ticks[0]


def test_sentiment_arc_positions_from_offsets():
    sentiment, sentences = make_sentiment(TWO)
    fig, ax = plt.subplots()
    plots.plot_sentiment_arc(sentiment, sentences, outlets=TWO, ax=ax)
    lines = [line for line in ax.lines if len(line.get_xdata()) == 3]
    assert len(lines) == 2
    for line in lines:
        assert list(line.get_xdata()) == [0.0, 0.5, 1.0]  # starts 100, 150, 200
    assert list(lines[0].get_ydata()) == [0.0, -0.6, 0.4]
    assert to_rgba(lines[1].get_color()) == to_rgba(plots.outlet_colors(TWO)["Capital Wire"])


def test_sentiment_arc_index_positions():
    sentiment, sentences = make_sentiment(TWO)
    sentences = sentences.assign(start=[0, 10, 400, 0, 10, 400])  # uneven offsets, even indexes
    fig, ax = plt.subplots()
    plots.plot_sentiment_arc(sentiment, sentences, outlets=TWO, position="index", ax=ax)
    assert list(ax.lines[-1].get_xdata()) == [0.0, 0.5, 1.0]


def test_actor_chart_greys_actors_nobody_mentions_and_notes_missing_outlets():
    fig, ax = plt.subplots()
    plots.plot_actor_sentiment(make_actors(TWO), outlets=TWO, ax=ax)
    ticks = {t.get_text(): t for t in ax.get_yticklabels()}
    assert "Kyiv (not mentioned)" in ticks
    assert to_rgba(ticks["Kyiv (not mentioned)"].get_color()) != to_rgba("black")
    assert "not mentioned by Capital Wire" in all_text(ax)
    # dots: Putin for both, Lavrov for Harbour Post only -> 3 dots in all
    assert sum(len(c.get_offsets()) for c in ax.collections if c.get_label() in TWO) == 3


def test_summary_intervals_draw_the_interval_and_fill_significant_dots():
    fig, ax = plt.subplots()
    summary = make_summary(TWO)
    plots.plot_summary_intervals(summary, measure="cue_rate", categories=["hedge"], outlets=TWO, ax=ax)
    horizontal = [
        line for line in ax.lines if len(line.get_ydata()) == 2 and line.get_ydata()[0] == line.get_ydata()[1]
    ]
    intervals = sorted(tuple(line.get_xdata()) for line in horizontal)
    assert intervals == [(1.0, 3.5), (2.0, 4.5)]  # hedge values 2 and 3, ci = value - 1 .. value + 1.5
    dots = [line for line in ax.lines if len(line.get_xdata()) == 1]
    fills = {line.get_xdata()[0]: line.get_markerfacecolor() for line in dots}
    assert fills[2.0] != "white"  # Harbour Post hedge: p = 0.01
    assert fills[3.0] == "white"  # Capital Wire hedge: p = 0.4
    assert "p = 0.010, n = 20" in all_text(ax)


def test_sensitivity_marks_terms_falling_out_of_the_top():
    fig, ax = plt.subplots()
    plots.plot_sensitivity(make_rankings(TWO), outlet=TWO[0], outlets=TWO, top=3, ax=ax)
    summit = [line for line in ax.lines if list(line.get_ydata()) == [3.0, 4.0]]
    assert len(summit) == 1  # rank 3, then absent -> drawn on the "below top 3" row
    assert "below top 3" in [t.get_text() for t in ax.get_yticklabels()]


# --------------------------------------------------------------------------- empty input, no mutation


def test_empty_inputs_draw_a_message_instead_of_failing():
    sentiment, sentences = make_sentiment(TWO)
    cases = {
        "no cues found": lambda ax: plots.plot_cue_rates(make_rates(TWO).iloc[:0], outlets=TWO, ax=ax),
        "no attribution cues found": lambda ax: plots.plot_attribution_profile(
            make_cues(TWO).query("category != 'attribution'"), outlets=TWO, ax=ax
        ),
        "no sentences found": lambda ax: plots.plot_sentiment_arc(
            sentiment.iloc[:0], sentences, outlets=TWO, ax=ax
        ),
        "no distinctive terms found": lambda ax: plots.plot_top_terms(
            make_terms(TWO).assign(log_odds_z=math.nan), outlets=TWO, ax=ax
        ),
        "no actors to show": lambda ax: plots.plot_actor_sentiment(
            make_actors(TWO).iloc[:0], outlets=TWO, ax=ax
        ),
        "no values to show": lambda ax: plots.plot_summary_intervals(
            make_summary(TWO), measure="mean_compound", outlets=TWO, ax=ax
        ),
    }
    for message, call in cases.items():
        fig, ax = plt.subplots()
        assert call(ax) is ax
        assert any(t.startswith(message) for t in all_text(ax)), message
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert "n = 0" in ax.get_title()


def test_zero_cues_everywhere_is_reported_as_no_cues():
    fig, ax = plt.subplots()
    plots.plot_cue_rates(make_rates(TWO).assign(n_cues=0, rate_per_1k=0.0), outlets=TWO, ax=ax)
    assert any(t.startswith("no cues found") for t in all_text(ax))


def test_ax_none_uses_current_axes_and_inputs_are_not_modified():
    terms = make_terms(TWO)
    before = terms.copy()
    fig, ax = plt.subplots()
    assert plots.plot_top_terms(terms, outlets=TWO) is ax
    pd.testing.assert_frame_equal(terms, before)
    sentiment, sentences = make_sentiment(TWO)
    s_before, se_before = sentiment.copy(), sentences.copy()
    plots.plot_sentiment_arc(sentiment, sentences, outlets=TWO)
    pd.testing.assert_frame_equal(sentiment, s_before)
    pd.testing.assert_frame_equal(sentences, se_before)


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="rates lacks columns"):
        plots.plot_cue_rates(make_rates(TWO).drop(columns="n_tokens"), outlets=TWO)


# --------------------------------------------------------------------------- names in any script

# Arabic, Hebrew, Chinese, an emoji and plain Latin: "Al Jazeera" + Arabic "arabi", Haaretz, People's Daily.
WORLD = ["Al Jazeera \u0639\u0631\u0628\u064a", "\u05d4\u05d0\u05e8\u05e5", "\u4eba\u6c11\u65e5\u62a5",
         "Outlet \U0001f98a", "Ordinary"]
# "negotiations" (Arabic), "talks" (Hebrew), "talks" (Chinese), a speaking-head emoji
WORLD_TERMS = ["\u0645\u0641\u0627\u0648\u0636\u0627\u062a", "\u05e9\u05d9\u05d7\u05d5\u05ea",
               "\u4f1a\u8c08", "talks \U0001f5e3", "summit"]


def make_world_terms(outlets: list[str]) -> pd.DataFrame:
    """Like ``make_terms``, for any outlet names: outlet j owns a word in its own script and 'word<j>'."""
    rows = []
    for outlet in outlets:
        for j, owner in enumerate(outlets):
            for term, count, z in ((WORLD_TERMS[j % len(WORLD_TERMS)], 4, 2.4), (f"word{j}", 2, 1.1)):
                mine = owner == outlet
                rows.append((outlet, term, 1, count if mine else 0, 100, z if mine else -z / 2))
        rows.append((outlet, "geneva", 1, 6, 100, 0.0))
    return pd.DataFrame(rows, columns=["outlet", "term", "ngram", "count", "n_tokens", "log_odds_z"])


def draw_world(outlets: list[str]) -> dict:
    """Every chart type, drawn and rendered, with ``outlets`` as outlet names; returns name -> Figure."""
    sentiment, sentences = make_sentiment(outlets)
    terms = make_world_terms(outlets)
    calls = {
        "top_terms": lambda ax: plots.plot_top_terms(terms, outlets=outlets, ax=ax),
        "top_terms_two": lambda ax: plots.plot_top_terms(
            make_world_terms(outlets[:2]), outlets=outlets[:2], ax=ax
        ),
        "freq": lambda ax: plots.plot_frequency_vs_distinctiveness(
            terms, outlet=outlets[1], outlets=outlets, ax=ax
        ),
        "freq_empty": lambda ax: plots.plot_frequency_vs_distinctiveness(
            terms.iloc[:0], outlet=outlets[2], outlets=outlets, ax=ax
        ),
        "cue_rates": lambda ax: plots.plot_cue_rates(
            make_rates(outlets), make_summary(outlets), outlets=outlets, ax=ax
        ),
        "attribution": lambda ax: plots.plot_attribution_profile(make_cues(outlets), outlets=outlets, ax=ax),
        "arc": lambda ax: plots.plot_sentiment_arc(sentiment, sentences, outlets=outlets, ax=ax),
        "distribution": lambda ax: plots.plot_sentiment_distribution(sentiment, outlets=outlets, ax=ax),
        "distribution_outlets": lambda ax: plots.plot_sentiment_distribution(
            sentiment, outlets=outlets, by_voice=False, ax=ax
        ),
        "actors": lambda ax: plots.plot_actor_sentiment(make_actors(outlets), outlets=outlets, ax=ax),
        "summary": lambda ax: plots.plot_summary_intervals(
            make_summary(outlets),
            measure="cue_rate",
            categories=["hedge", "booster"],
            outlets=outlets,
            ax=ax,
        ),
        "sensitivity": lambda ax: plots.plot_sensitivity(
            make_rankings(outlets), outlet=outlets[0], outlets=outlets, ax=ax
        ),
    }
    figures = {}
    for name, call in calls.items():
        fig, ax = plt.subplots()
        assert call(ax) is ax, name
        figures[name] = fig
    figures["grid"] = plots.plot_top_terms_grid(terms, outlets=outlets)
    for fig in figures.values():
        fig.canvas.draw()
    return figures


@pytest.mark.parametrize("style", ["default", "house"])
def test_outlet_names_in_any_script_draw_every_chart_without_a_warning(style):
    context = plots.house_rcparams() if style == "house" else {}
    with matplotlib.rc_context(context), warnings.catch_warnings():
        warnings.simplefilter("error")
        figures = draw_world(WORLD)
    texts = [t for fig in figures.values() for t in all_text(fig.axes[0])]
    assert any(t.startswith("Ordinary") for t in texts)  # the plain name is drawn as it is


def legend_reading_order(legend) -> list[str]:
    """Legend texts in reading order: rows from the top, left to right in each row."""
    boxes = [(t.get_window_extent(), t.get_text()) for t in legend.get_texts()]
    rows: list[list] = []
    for box, text in sorted(boxes, key=lambda b: -(b[0].y0 + b[0].y1) / 2):
        middle = (box.y0 + box.y1) / 2
        if rows and abs(rows[-1][0] - middle) < 0.5 * box.height:
            rows[-1][1].append((box.x0, text))
        else:
            rows.append([middle, [(box.x0, text)]])
    return [text for _, row in rows for _, text in sorted(row)]


@pytest.mark.parametrize("outlets", [WORLD, [f"Outlet {k}" for k in range(1, 6)]], ids=["world", "plain"])
def test_legends_list_outlets_in_data_order(outlets):
    shown = [chart_text(o) for o in outlets]
    figures = draw_world(outlets)
    for name in ("top_terms", "cue_rates", "attribution", "arc", "actors", "summary"):
        (legend,) = [a for a in figures[name].axes[0].get_children() if isinstance(a, matplotlib.legend.Legend)]
        read = legend_reading_order(legend)
        owners = [next(i for i, s in enumerate(shown) if t == s or t.startswith(s + " ")) for t in read
                  if any(t == s or t.startswith(s + " ") for s in shown)]
        assert owners == list(range(len(outlets))), (name, read)


def test_chart_text_keeps_what_a_font_can_draw_and_substitutes_the_rest():
    assert chart_text("Ordinary (n = 12)") == "Ordinary (n = 12)"
    latin_cyrillic_greek = "Caf\u00e9 \u041c\u043e\u0441\u043a\u0432\u0430 \u2014 \u0394"
    assert chart_text(latin_cyrillic_greek) == latin_cyrillic_greek
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        assert chart_text("\u4eba\u6c11\u65e5\u62a5") == "\u25a1" * 4
        assert chart_text("Outlet \U0001f98a\nn = 3") == "Outlet \u25a1\nn = 3"
        assert chart_text("Ra\u1d81io") == "Ra\u25a1io"  # LATIN SMALL LETTER D WITH PALATAL HOOK: not in DejaVu Sans
        # MATHEMATICAL SANS-SERIF CAPITAL A: in DejaVu Sans, not in its bold face
        assert chart_text("\U0001d5a0 News") == "\U0001d5a0 News"
        assert chart_text("\U0001d5a0 News", weight="bold") == "\u25a1 News"
    with matplotlib.rc_context({"font.family": ["DejaVu Sans", "STIXGeneral"]}):  # both ship with matplotlib
        assert chart_text("Ra\u1d81io") == "Ra\u1d81io"  # the fallback font has it
        fig, ax = plt.subplots()
        ax.set_title(chart_text("Ra\u1d81io"))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.canvas.draw()


def test_chart_text_drops_invisible_characters_and_keeps_line_breaks():
    assert chart_text("Fox\u200b News\u00ad\nn = 3") == "Fox News\nn = 3"
    assert chart_text("Caf\u00e9\ufe0f") == "Caf\u00e9"


def test_chart_text_puts_right_to_left_names_in_reading_order():
    hebrew = chart_text("\u05d4\u05d0\u05e8\u05e5 (n = 400 tokens)")
    if chart_labels._matplotlib_orders_bidi():  # matplotlib lays it out: a left-to-right mark sets the base direction
        assert hebrew == "\u200e\u05d4\u05d0\u05e8\u05e5 (n = 400 tokens)"
    else:
        assert hebrew == "\u05e5\u05e8\u05d0\u05d4 (n = 400 tokens)"


@pytest.mark.parametrize(
    "stored, shown",
    [
        ("Ordinary (n = 12)", "Ordinary (n = 12)"),  # left-to-right text is left alone
        ("\u4eba\u6c11\u65e5\u62a5 2024", "\u4eba\u6c11\u65e5\u62a5 2024"),  # so is Chinese
        ("\u05d4\u05d0\u05e8\u05e5", "\u05e5\u05e8\u05d0\u05d4"),
        ("Al Jazeera \u0639\u0631\u0628\u064a", "Al Jazeera \u064a\u0628\u0631\u0639"),
        ("\u05d4\u05d0\u05e8\u05e5 2024", "2024 \u05e5\u05e8\u05d0\u05d4"),  # digits keep their order
        ("\u05d4\u05d0\u05e8\u05e5 (n = 4)", "\u05e5\u05e8\u05d0\u05d4 (n = 4)"),
        ("\u05d0 (\u05d1) \u05d2", "\u05d2 (\u05d1) \u05d0"),  # brackets inside right-to-left text are mirrored
        ("abc \u05d0\u05d1 12 \u05d2\u05d3 def", "abc \u05d3\u05d2 12 \u05d1\u05d0 def"),
        ("Outlet 7 \u05d4\u05d0\u05e8\u05e5", "Outlet 7 \u05e5\u05e8\u05d0\u05d4"),  # digits after Latin are Latin
        ("\u0634\u0628\u0643\u0629 24", "24 \u0629\u0643\u0628\u0634"),
    ],
)
def test_visual_order_follows_the_bidirectional_algorithm(stored, shown):
    assert visual_order(stored) == shown


def test_visual_order_agrees_with_matplotlibs_own_layout_where_it_has_one():
    from matplotlib import font_manager

    font = font_manager.get_font(font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans")))
    if not hasattr(font, "_layout") or not chart_labels._matplotlib_orders_bidi():
        pytest.skip("this matplotlib draws text in stored order")
    from matplotlib.ft2font import LoadFlags

    font.set_size(12, 72)
    for text in ["Outlet \u05d4\u05d0\u05e8\u05e5, 12 articles", "\u05de\u05d7\u05d9\u05e8 5% \u05d5-10$",
                 "\u0634\u0628\u0643\u0629 \u0627\u0644\u062c\u0632\u064a\u0631\u0629 24",
                 "x: \u05d0\u05d1, \u05d2\u05d3; 3.5",
                 "\u05e2\u05d1\u05e8\u05d9\u05ea \u05d5-English \u05d1\u05d9\u05d7\u05d3"]:
        laid_out = "".join(item.char for item in font._layout("\u200e" + text, LoadFlags.NO_HINTING))
        assert visual_order(text) == laid_out.replace("\u200e", ""), text


def test_house_font_list_names_only_installed_fonts(monkeypatch):
    from matplotlib import font_manager

    assert chart_labels.chart_fonts()[0] == "DejaVu Sans"
    assert plots.house_rcparams()["font.family"] == chart_labels.chart_fonts()
    installed = font_manager.get_font_names()
    monkeypatch.setattr(font_manager, "get_font_names", lambda: [*installed, "Noto Sans CJK JP", "Symbola"])
    assert chart_labels.chart_fonts() == ["DejaVu Sans", "Noto Sans CJK JP", "Symbola"]
    monkeypatch.setattr(font_manager, "get_font_names", lambda: ["DejaVu Sans"])
    assert chart_labels.chart_fonts() == ["DejaVu Sans"]


# --------------------------------------------------------------------------- many outlets

# Thirty invented outlet names of the lengths real ones have.
NAMES = [
    "Harbour Post", "Capital Wire", "Valley Courier", "Northern Ledger", "The Evening Standard-Bearer",
    "Coastline Radio", "Metro Daily", "Republic Broadcasting Service", "Frontier Weekly", "Lakeside Gazette",
    "Channel 9 Regional", "Plains Tribune", "Island Herald", "The Independent Observer", "Mining Towns Monitor",
    "Riverside Bulletin", "Upland Voice", "Border Dispatch", "City Reporter", "The Morning Star of the Capital",
    "Coastal Times", "Business Daily", "Green Current", "Labour Voice", "Kessler Valley Herald",
    "Delta News Network", "Summit Review", "Westhaven Mercury", "Eastport Chronicle", "Free Press Agency",
]
FLOOR = 150  # pixels: the smallest width and height of any drawing area, whatever the number of outlets


def make_coverage(outlets: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Four units; outlet i tells unit u when u <= i % 4 (outlets 3, 7, 11 ... tell all four), unit 0 in the lede."""
    rows = [(o, f"u{u}", u <= i % 4, 0 if u == 0 else 2, u == 0 and u <= i % 4, False)
            for i, o in enumerate(outlets) for u in range(4)]
    coverage = pd.DataFrame(rows, columns=["outlet", "unit_id", "present", "first_paragraph", "in_lede",
                                           "carried_by_others"])
    told = coverage.groupby("unit_id")["present"].sum()
    units = pd.DataFrame({"unit_id": [f"u{u}" for u in range(4)],
                          "label": ["The board voted to close the plant.", "The union asked for a fund.",
                                    "Shares fell six percent.", "Campaigners cheered outside."],
                          "n_articles": [int(told[f"u{u}"]) for u in range(4)],
                          "n_outlets": [int(told[f"u{u}"]) for u in range(4)],
                          "outlets": [""] * 4})
    return coverage, units


def chart_calls(outlets: list[str]) -> dict:
    """Every chart function with tables for ``outlets``: name -> draw(ax); the grid makes its own figure."""
    sentiment, sentences = make_sentiment(outlets)
    terms = make_world_terms(outlets)
    coverage, units = make_coverage(outlets)
    return {
        "top_terms": lambda ax: plots.plot_top_terms(terms, outlets=outlets, ax=ax),
        "freq": lambda ax: plots.plot_frequency_vs_distinctiveness(terms, outlet=outlets[0], outlets=outlets, ax=ax),
        "cue_rates": lambda ax: plots.plot_cue_rates(make_rates(outlets), make_summary(outlets), outlets=outlets,
                                                     ax=ax),
        "attribution": lambda ax: plots.plot_attribution_profile(make_cues(outlets), outlets=outlets, ax=ax),
        "arc": lambda ax: plots.plot_sentiment_arc(sentiment, sentences, outlets=outlets, ax=ax),
        "distribution": lambda ax: plots.plot_sentiment_distribution(sentiment, outlets=outlets, ax=ax),
        "distribution_outlets": lambda ax: plots.plot_sentiment_distribution(sentiment, outlets=outlets,
                                                                             by_voice=False, ax=ax),
        "actors": lambda ax: plots.plot_actor_sentiment(make_actors(outlets), outlets=outlets, ax=ax),
        "summary": lambda ax: plots.plot_summary_intervals(make_summary(outlets), measure="cue_rate",
                                                           outlets=outlets, ax=ax),
        "summary_one": lambda ax: plots.plot_summary_intervals(make_summary(outlets), measure="cue_rate",
                                                               categories=["hedge"], outlets=outlets, ax=ax),
        "sensitivity": lambda ax: plots.plot_sensitivity(make_rankings(outlets), outlet=outlets[0], outlets=outlets,
                                                         ax=ax),
        "coverage": lambda ax: plots.plot_coverage(coverage, units, outlets=outlets, ax=ax),
        "grid": lambda ax: plots.plot_top_terms_grid(terms, outlets=outlets),
    }


def drawing_areas(fig) -> list:
    """Window extents of every visible Axes of a figure, panels inside a chart's Axes included."""
    axes = [a for top in fig.axes for a in (top, *top.child_axes)]
    return [a.get_window_extent() for a in axes if a.get_visible()]


def texts_outside(fig) -> list[str]:
    """Texts drawn (partly) outside the figure, which a page would show cut off.

    Tick labels count only for ticks inside the axis' view (matplotlib keeps, but does not draw, the others).
    """
    renderer = fig.canvas.get_renderer()
    ticks = set()
    drawn = []
    for ax in [a for top in fig.axes for a in (top, *top.child_axes)]:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                ticks.update((tick.label1, tick.label2))
                inside = lo - 1e-9 * (hi - lo) <= tick.get_loc() <= hi + 1e-9 * (hi - lo)
                if inside and tick.get_visible():
                    drawn += [label for label in (tick.label1, tick.label2) if label.get_visible()]
    texts = [t for t in fig.findobj(Text) if t not in ticks and t.get_visible()] + drawn
    out = []
    for text in texts:
        if not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > fig.bbox.x1 + 1 or box.y1 > fig.bbox.y1 + 1:
            out.append(text.get_text())
    return out


_MEASURED: dict[int, dict] = {}


def measured(n: int) -> dict:
    """Draw every chart for ``n`` outlets in the house style, as a notebook does (a new 8 x 4.5 in figure, then
    the chart, then a PNG with a tight box), and measure it: name -> warnings, drawing areas, and the areas
    after a second draw.  Computed once per ``n``; the figures are closed."""
    if n in _MEASURED:
        return _MEASURED[n]
    outlets = NAMES[:n]
    found = {}
    with matplotlib.rc_context(plots.house_rcparams()):
        for name, call in chart_calls(outlets).items():
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                fig, ax = plt.subplots()
                made = call(ax)
                if name == "grid":
                    plt.close(fig)
                    fig = made
                fig.canvas.draw()
                first = [tuple(b.bounds) for b in drawing_areas(fig)]
                fig.canvas.draw()
                again = [tuple(b.bounds) for b in drawing_areas(fig)]
                fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
            found[name] = {"warnings": [f"{w.category.__name__}: {w.message}" for w in caught],
                           "areas": first, "again": again, "size": tuple(fig.get_size_inches()),
                           "outside": texts_outside(fig)}
            plt.close(fig)
    _MEASURED[n] = found
    return found


@pytest.mark.parametrize("n", [2, 5, 15, 30])
def test_every_chart_keeps_each_drawing_area_at_least_150_px(n):
    for name, result in measured(n).items():
        small = [(round(w), round(h)) for _x, _y, w, h in result["areas"] if w < FLOOR or h < FLOOR]
        assert not small, (n, name, small, result["size"])


@pytest.mark.parametrize("n", [2, 5, 15, 30])
def test_no_text_of_any_chart_runs_past_the_figure(n):
    """Panel titles wrap to their panel and notes to their axes, so nothing is cut off even without a tight box."""
    for name, result in measured(n).items():
        assert result["outside"] == [], (n, name, result["outside"])


@pytest.mark.parametrize("n", [2, 15, 30])
def test_every_chart_draws_without_a_warning(n):
    for name, result in measured(n).items():
        assert result["warnings"] == [], (n, name, result["warnings"])


@pytest.mark.parametrize("n", [2, 15])
def test_a_second_draw_leaves_every_axes_where_it_was(n):
    """A note or legend wider than its axes makes the layout engine shrink the axes at every draw."""
    for name, result in measured(n).items():
        assert np.allclose(result["areas"], result["again"], atol=1), name


def test_the_floor_test_would_catch_a_squeezed_chart():
    """Without room made for it, a fifteen-entry legend above the axes leaves them a sliver (the failure it guards)."""
    with matplotlib.rc_context(plots.house_rcparams()), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.bar(range(5), range(5))
        handles = [matplotlib.patches.Patch(label=f"{name} (n = 400 tokens)") for name in NAMES[:15]]
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=1)
        ax.set_title("Cues per 1,000 words", pad=10 + 16 * 15)
        fig.canvas.draw()
    height = min(b.height for b in drawing_areas(fig))
    assert height < FLOOR or any("constrained_layout not applied" in str(w.message) for w in caught)


def test_grouped_bars_up_to_five_outlets_and_sorted_dot_panels_beyond():
    five, six = [f"Outlet {i}" for i in range(5)], [f"Outlet {i}" for i in range(6)]
    fig, ax = plt.subplots()
    plots.plot_cue_rates(make_rates(five), make_summary(five), outlets=five, ax=ax)
    assert len(ax.containers) >= 5 and ax.child_axes == []  # one bar series per outlet, in one axes
    assert [t.get_text().split(" (")[0] for t in ax.get_legend().get_texts()] == five
    fig, ax = plt.subplots()
    plots.plot_cue_rates(make_rates(six), make_summary(six), outlets=six, ax=ax)
    assert ax.get_legend() is None and len(ax.child_axes) == len(plots.CUE_CATEGORIES)
    first = ax.child_axes[0]
    # Total authorial rate over the five categories, by hand: outlet i has (i + j) % 4 cues of category j in
    # 400 + 100 i tokens -> 15.0, 14.0, 13.33, 12.86, 7.5, 7.78 per 1,000: outlet 5 before outlet 4.
    shown = [t.get_text() for t in first.get_yticklabels()]
    assert shown == ["Outlet 0 (400)", "Outlet 1 (500)", "Outlet 2 (600)", "Outlet 3 (700)", "Outlet 5 (900)",
                     "Outlet 4 (800)"]
    assert first.get_ylim()[0] > first.get_ylim()[1]  # first row at the top
    hedge_dots = {round(line.get_ydata()[0]): line.get_xdata()[0] for line in first.lines if len(line.get_xdata()) == 1}
    assert math.isclose(hedge_dots[4], 1000 * 1 / 900)  # outlet 5, hedge: (5 + 0) % 4 = 1 cue in 900 tokens
    assert all(p.get_yticklabels() == [] for p in ax.child_axes[1:])  # names once, on the first panel


def test_sentiment_arcs_overlay_up_to_five_outlets_and_get_a_panel_each_beyond():
    five, seven = NAMES[:5], NAMES[:7]
    sentiment, sentences = make_sentiment(five)
    fig, ax = plt.subplots()
    plots.plot_sentiment_arc(sentiment, sentences, outlets=five, ax=ax)
    assert ax.child_axes == [] and len([line for line in ax.lines if len(line.get_xdata()) == 3]) == 5
    sentiment, sentences = make_sentiment(seven)
    fig, ax = plt.subplots()
    plots.plot_sentiment_arc(sentiment, sentences, outlets=seven, ax=ax)
    panels = ax.child_axes
    assert [p.get_title().split("\n")[0] for p in panels] == seven
    assert {p.get_ylim() for p in panels} == {(-1.05, 1.05)} and len({p.get_xlim() for p in panels}) == 1
    for panel, i in zip(panels, range(7)):  # outlet i's article: compound 0, -0.6, 0.4, sign flipped for odd i
        (line,) = [line for line in panel.lines if len(line.get_xdata()) == 3]
        assert list(line.get_ydata()) == [0.0, -0.6 * (-1) ** i, 0.4 * (-1) ** i]
    assert not [t for t in ax.get_legend().get_texts() if t.get_text() in seven]  # the legend is the voice key


def test_many_outlet_distribution_lists_outlets_by_mean_tone():
    outlets = NAMES[:30]
    sentiment, _ = make_sentiment(outlets)
    fig, ax = plt.subplots()
    plots.plot_sentiment_distribution(sentiment, outlets=outlets, by_voice=False, ax=ax)
    (panel,) = ax.child_axes
    names = [t.get_text().rsplit(" (n = ", 1)[0] for t in panel.get_yticklabels()]
    # mean of 0, -0.6, 0.4 is -0.067 for even i and +0.067 for odd i: odd outlets first, each half in given order
    assert names == outlets[1::2] + outlets[0::2]
    assert all(t.get_text().endswith("(n = 3)") for t in panel.get_yticklabels())


def test_many_outlet_intervals_and_actors_are_sorted_with_names_on_the_axis():
    six = NAMES[:6]
    fig, ax = plt.subplots()
    plots.plot_summary_intervals(make_summary(six), measure="cue_rate", categories=["hedge", "booster"],
                                 outlets=six, ax=ax)
    assert [p.get_title() for p in ax.child_axes] == ["hedge, authorial", "booster, authorial"]
    # hedge value of outlet i = 2 + i: the largest, outlet 5, first
    assert [t.get_text() for t in ax.child_axes[0].get_yticklabels()] == six[::-1]
    assert "p = 0.010, n = 20" not in all_text(ax)  # several panels: the fill, not the text, carries p
    fig, ax = plt.subplots()
    plots.plot_summary_intervals(make_summary(six), measure="cue_rate", categories=["hedge"], outlets=six, ax=ax)
    assert "p = 0.010, n = 20" in all_text(ax)  # one panel: room for p and n beside each row
    fig, ax = plt.subplots()
    plots.plot_actor_sentiment(make_actors(six), outlets=six, ax=ax)
    assert [p.get_title().split("\n")[0] for p in ax.child_axes] == ["Vladimir Putin", "Sergei Lavrov"]
    assert "not mentioned by any outlet: Kyiv" in ax.get_title()
    lavrov = ax.child_axes[1]
    assert [t.get_text() for t in lavrov.texts].count("none") == 5  # only the first outlet mentions Lavrov
    # mean over all mentions, by hand: outlet 0 (0.2 * 4 - 0.4 * 2) / 6 = 0, outlet i > 0: 0.2 - 0.3 i, falling
    assert [t.get_text() for t in ax.child_axes[0].get_yticklabels()] == six


def test_many_outlet_attribution_and_coverage_are_sorted():
    six = NAMES[:6]
    fig, ax = plt.subplots()
    plots.plot_attribution_profile(make_cues(six), outlets=six, ax=ax)
    neutral = ax.child_axes[0]
    # neutral share: 75 % for the first outlet, 50 % for the others
    assert [t.get_text() for t in neutral.get_yticklabels()][0] == f"{six[0]} (n = 4)"
    assert sorted(round(p.get_width()) for p in neutral.patches) == [50] * 5 + [75]
    fig, ax = plt.subplots()
    coverage, units = make_coverage(six)
    plots.plot_coverage(coverage, units, outlets=six, ax=ax)
    # outlet i tells i % 4 + 1 units: outlets 3 (4 units), 2 (3), 1 and 5 (2), 0 and 4 (1)
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        f"{six[3]} (4)", f"{six[2]} (3)", f"{six[1]} (2)", f"{six[5]} (2)", f"{six[0]} (1)", f"{six[4]} (1)"]
    fig, ax = plt.subplots()
    plots.plot_coverage(coverage[coverage["outlet"].isin(six[:5])], units, outlets=six[:5], ax=ax)
    assert [t.get_text() for t in ax.get_xticklabels()] == six[:5]  # five outlets keep their given order


def test_many_outlet_top_terms_get_one_panel_each_and_no_outlet_legend():
    seven = NAMES[:7]
    fig, ax = plt.subplots()
    plots.plot_top_terms(make_world_terms(seven), outlets=seven, ax=ax)
    assert [p.get_title().split("\n")[0] for p in ax.child_axes] == seven
    assert ax.get_legend() is None
    assert len({p.get_xlim() for p in ax.child_axes}) == 1  # one scale for all panels
    grid = plots.plot_top_terms_grid(make_world_terms(NAMES[:13]), outlets=NAMES[:13])
    assert len([a for a in grid.axes if a.get_visible()]) == 13
    assert grid.axes[0].get_gridspec().ncols == 4  # four panels a row beyond twelve outlets


MANY = Path(__file__).parent / "fixtures" / "many-outlets"


@pytest.fixture(scope="module")
def many_analysis():
    from framing.pipeline import analyze

    return analyze(MANY, n_boot=200, n_perm=200)


def test_the_fourteen_outlet_fixture_draws_every_chart_legibly(many_analysis):
    a = many_analysis
    outlets = a.corpus.outlets
    assert len(outlets) == 14
    calls = {
        "cue_rates": lambda ax: plots.plot_cue_rates(a["cue_rates"], a["summary"], outlets=outlets, ax=ax),
        "cue_rates_quoted": lambda ax: plots.plot_cue_rates(a["cue_rates"], a["summary"], outlets=outlets,
                                                            voice="quoted", ax=ax),
        "attribution": lambda ax: plots.plot_attribution_profile(a["cues"], outlets=outlets, ax=ax),
        "arc": lambda ax: plots.plot_sentiment_arc(a["sentiment"], a.corpus.sentences, outlets=outlets, ax=ax),
        "distribution": lambda ax: plots.plot_sentiment_distribution(a["sentiment"], outlets=outlets, ax=ax),
        "actors": lambda ax: plots.plot_actor_sentiment(a["actor_sentiment"], outlets=outlets, ax=ax),
        "summary": lambda ax: plots.plot_summary_intervals(a["summary"], measure="cue_rate", voice="authorial",
                                                           outlets=outlets, ax=ax),
        "tone": lambda ax: plots.plot_summary_intervals(a["summary"], measure="mean_compound", outlets=outlets,
                                                        ax=ax),
        "coverage": lambda ax: plots.plot_coverage(a.coverage, a.units, outlets=outlets, ax=ax),
        "top_terms": lambda ax: plots.plot_top_terms(a["terms"], outlets=outlets, ax=ax),
        "freq": lambda ax: plots.plot_frequency_vs_distinctiveness(a["terms"], outlet=outlets[3], outlets=outlets,
                                                                   ax=ax),
    }
    with matplotlib.rc_context(plots.house_rcparams()), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figures = {}
        for name, call in calls.items():
            fig, ax = plt.subplots()
            call(ax)
            figures[name] = fig
        figures["grid"] = plots.plot_top_terms_grid(a["terms"], outlets=outlets)
        for fig in figures.values():
            fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    assert [str(w.message) for w in caught] == []
    for name, fig in figures.items():
        small = [(round(b.width), round(b.height)) for b in drawing_areas(fig) if min(b.width, b.height) < FLOOR]
        assert not small, (name, small)
    # The cue-rate panels list the outlets by total authorial rate, largest first (summed here from the table).
    rates = a["cue_rates"].query("voice == 'authorial'").groupby("outlet")["rate_per_1k"].sum()
    expected = sorted(outlets, key=lambda o: (-rates[o], outlets.index(o)))
    shown = [t.get_text().rsplit(" (", 1)[0] for t in figures["cue_rates"].axes[0].child_axes[0].get_yticklabels()]
    assert shown == expected
    for name in ("cue_rates", "attribution", "summary", "actors", "distribution"):
        legend = figures[name].axes[0].get_legend()
        texts = [t.get_text() for t in legend.get_texts()] if legend else []
        assert not any(o in t for o in outlets for t in texts), name  # names are on the axis, not in a legend
