"""The voice-share chart from 2 to 30 outlets: room, order, warnings, nothing cut off.

Truths used here: small source tables built by hand, with the shares and the outlet order worked
out in the comments.
"""

from __future__ import annotations

import io
import math
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from framing.present import plots  # noqa: E402

# Invented outlet names of the lengths real ones have.
NAMES = [
    "Harbour Post", "Capital Wire", "Valley Courier", "Northern Ledger", "The Evening Standard-Bearer",
    "Coastline Radio", "Metro Daily", "Republic Broadcasting Service", "Frontier Weekly", "Lakeside Gazette",
    "Channel 9 Regional", "Plains Tribune", "Island Herald", "The Independent Observer", "Mining Towns Monitor",
    "Riverside Bulletin", "Upland Voice", "Border Dispatch", "City Reporter", "The Morning Star of the Capital",
    "Coastal Times", "Business Daily", "Green Current", "Labour Voice", "Kessler Valley Herald",
    "Delta News Network", "Summit Review", "Westhaven Mercury", "Eastport Chronicle", "Free Press Agency",
]
FLOOR = 150  # pixels: the smallest width and height of any drawing area


def make_sources(outlets: list[str]) -> pd.DataFrame:
    """Outlet i: the minister gets (i % 5 + 1) / 10 of its words, the union 0.3, a witness the rest.

    Outlets 4, 9, 14 ... (i % 5 == 4) do not quote the union; their witness share is then 0.5.
    Shares: minister 0.1 .. 0.5; union 0.3 or none; witness 1 - the other two.
    """
    rows = []
    for i, outlet in enumerate(outlets):
        minister = (i % 5 + 1) / 10
        union = 0.0 if i % 5 == 4 else 0.3
        rows.append((outlet, "Anna Berg", "Anna Berg", "official", 2 + i % 3, minister))
        if union:
            rows.append((outlet, "Harbour Workers' Union", "Harbour Workers' Union", "official", 1, union))
        rows.append((outlet, "a dock worker", "", "citizen", 1, 1 - minister - union))
    return pd.DataFrame(rows, columns=["outlet", "speaker", "speaker_actor", "speaker_type", "n_quotes",
                                       "share_of_quoted_words"])


def drawing_areas(fig) -> list:
    axes = [a for top in fig.axes for a in (top, *top.child_axes)]
    return [a.get_window_extent() for a in axes if a.get_visible()]


def texts_outside(fig) -> list[str]:
    """Texts drawn (partly) outside the figure; tick labels only for ticks inside the axis' view."""
    renderer = fig.canvas.get_renderer()
    ticks, drawn = set(), []
    for ax in [a for top in fig.axes for a in (top, *top.child_axes)]:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                ticks.update((tick.label1, tick.label2))
                if lo - 1e-9 * (hi - lo) <= tick.get_loc() <= hi + 1e-9 * (hi - lo) and tick.get_visible():
                    drawn += [label for label in (tick.label1, tick.label2) if label.get_visible()]
    out = []
    for text in [t for t in fig.findobj(Text) if t not in ticks and t.get_visible()] + drawn:
        if not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > fig.bbox.x1 + 1 or box.y1 > fig.bbox.y1 + 1:
            out.append(text.get_text())
    return out


def draw(outlets: list[str], sources: pd.DataFrame | None = None):
    """The chart as a notebook draws it (house style, a new figure, a PNG with a tight box); warnings caught."""
    sources = make_sources(outlets) if sources is None else sources
    with matplotlib.rc_context(plots.house_rcparams()), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        returned = plots.plot_voice_share(sources, outlets=outlets, ax=ax)
        fig.canvas.draw()
        first = [tuple(b.bounds) for b in drawing_areas(fig)]
        fig.canvas.draw()
        again = [tuple(b.bounds) for b in drawing_areas(fig)]
        fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        outside = texts_outside(fig)
    assert returned is ax
    return fig, ax, [f"{w.category.__name__}: {w.message}" for w in caught], first, again, outside


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("n", [2, 5, 15, 30])
def test_voice_share_keeps_every_drawing_area_above_the_floor_without_warnings_or_cut_text(n):
    fig, _ax, caught, first, again, outside = draw(NAMES[:n])
    small = [(round(w), round(h)) for _x, _y, w, h in first if w < FLOOR or h < FLOOR]
    assert not small, (n, small, tuple(fig.get_size_inches()))
    assert caught == []
    assert outside == []
    assert all(math.isclose(a, b, abs_tol=1) for x, y in zip(first, again) for a, b in zip(x, y))


def test_the_floor_check_would_catch_a_squeezed_chart():
    """Thirty outlets' rows drawn into a small figure that the chart may not grow (not alone in it)."""
    with matplotlib.rc_context(plots.house_rcparams()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig, (ax, _other) = plt.subplots(1, 2, figsize=(4, 2.5))
        plots.plot_voice_share(make_sources(NAMES[:30]), outlets=NAMES[:30], ax=ax)
        fig.canvas.draw()
    assert min(min(b.width, b.height) for b in drawing_areas(fig)) < FLOOR


def test_up_to_five_outlets_share_one_dot_chart_with_an_outlet_legend():
    five = NAMES[:5]
    _fig, ax, _caught, *_ = draw(five)
    assert ax.child_axes == []
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == sorted(five)
    # the minister row: outlet i at 100 * (i % 5 + 1) / 10 = 10, 20, 30, 40, 50 %
    # (union 30 %, witness 100 - minister - union: 60, 50, 40, 30 and 50 % for outlet 4 without the union)
    xs = sorted(round(float(x), 6) for c in ax.collections for x, _y in c.get_offsets())
    assert xs == sorted([10.0, 20.0, 30.0, 40.0, 50.0] + [30.0] * 4 + [60.0, 50.0, 40.0, 30.0, 50.0])


def test_beyond_five_outlets_each_speaker_gets_a_panel_with_outlets_sorted_on_the_axis():
    seven = NAMES[:7]
    _fig, ax, caught, *_ = draw(seven)
    assert caught == []
    assert ax.get_legend() is None
    titles = [p.get_title().split("\n")[0] for p in ax.child_axes]
    # words over all outlets: minister 0.1+0.2+0.3+0.4+0.5+0.1+0.2 = 1.8, union 6 x 0.3 = 1.8 (ties: by type, then
    # name; both official, "Anna Berg" first), witness 7 - 3.6 = 3.4: the witness is the only citizen, drawn last
    assert titles == ["Anna Berg \u00b7 official", "Harbour Workers' Union \u00b7 official",
                      "a dock worker \u00b7 citizen"]
    first = ax.child_axes[0]
    # minister share, largest first: outlet 4 (0.5), 3 (0.4), 2 (0.3), then 1 and 6 (0.2), 0 and 5 (0.1)
    expected = [seven[4], seven[3], seven[2], seven[1], seven[6], seven[0], seven[5]]
    assert [t.get_text() for t in first.get_yticklabels()] == expected
    assert all(p.get_yticklabels() == [] or not any(t.get_text() for t in p.get_yticklabels())
               for p in ax.child_axes[1:])
    union = ax.child_axes[1]
    assert [t.get_text() for t in union.texts].count("none") == 1  # outlet 4 does not quote the union
    (dot,) = [c for c in union.collections if len(c.get_offsets())][:1]
    assert math.isclose(float(dot.get_offsets()[0][0]), 30.0)


def test_no_quotations_draws_a_message():
    empty = make_sources(NAMES[:8]).iloc[0:0]
    _fig, ax, caught, *_ = draw(NAMES[:8], empty)
    assert caught == []
    assert any("no quotations" in t.get_text() for t in ax.texts)


def test_the_fourteen_outlet_fixture_chart(tmp_path):
    """The chart of ``tests/fixtures/many-outlets`` (14 outlets) from its own source table."""
    from pathlib import Path

    from framing.load.corpus import load_corpus
    from framing.measures.speakers import find_quotes, source_table

    corpus = load_corpus(Path(__file__).parent / "fixtures" / "many-outlets")
    sources = source_table(find_quotes(corpus.sentences, corpus.quotes, actors=corpus.actors), corpus.sentences)
    outlets = corpus.outlets
    assert len(outlets) == 14
    fig, ax, caught, first, _again, outside = draw(outlets, sources)
    assert caught == [] and outside == []
    assert min(min(w, h) for _x, _y, w, h in first) >= FLOOR
    assert ax.get_legend() is None and ax.child_axes
    fig.savefig(tmp_path / "voice-share-14.png", dpi=100, bbox_inches="tight")
    assert (tmp_path / "voice-share-14.png").stat().st_size > 0
