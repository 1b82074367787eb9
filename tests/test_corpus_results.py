"""Reading a corpus run back (framing.scale.results) and charting its articles (plots.articles)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from framing.core.errors import FramingInputError  # noqa: E402
from framing.scale import results, run  # noqa: E402

# Hand-written articles whose hedges and words were counted by hand.  Words are the tokens that are not
# punctuation; no article has a number, a contraction or a quotation, so every word is the outlet's own.
ARTICLES = [
    # 3 hedges (may, possibly, likely) in 11 + 12 = 23 words outside the headline line
    ("k1", "Kestrel News", "Port talks resume",
     "Port talks resume\n\nThe port talks may resume next week, possibly in the capital.\n\n"
     "A deal is likely before the summer holidays begin in the north.\n"),
    # 0 hedges in 9 + 12 = 21 words
    ("k2", "Kestrel News", "Harbour budget passes",
     "Harbour budget passes\n\nThe council passed the harbour budget on Tuesday evening.\n\n"
     "The mayor thanked the staff and the dock workers for their patience.\n"),
    # 1 hedge (perhaps) in 12 + 8 = 20 words
    ("l1", "Lantern Post", "Ferry strike ends",
     "Ferry strike ends\n\nThe ferry strike ended on Monday after a long night of talks.\n\n"
     "Perhaps the crews will sail again by Friday.\n"),
]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("results")
    table = pd.DataFrame(ARTICLES, columns=["article_id", "outlet", "headline", "text"])
    source = base / "export.csv"
    table.to_csv(source, index=False)
    run.run_corpus(source, base / "out", workers=1, n_boot=50, n_perm=50, progress=False)
    return results.open_run(base / "out")


def _words(text: str) -> int:
    body = text.split("\n", 2)[2]  # the headline line is not a body sentence
    return len([w for w in body.replace(",", " ").replace(".", " ").split() if w])


def test_hand_counts_behind_the_article_rates():
    # the counts written in the comments above, checked once so the rates below rest on them
    assert [_words(a[3]) for a in ARTICLES] == [23, 21, 20]


def test_article_hedge_rates_equal_the_hand_counts(corpus_run):
    m = results.article_measures(corpus_run)
    hedges = m[(m["measure"] == "cue_rate") & (m["category"] == "hedge") & (m["voice"] == "authorial")]
    got = dict(zip(hedges["article_id"], hedges["numerator"]))
    assert got == {"k1": 3, "k2": 0, "l1": 1}
    words = dict(zip(hedges["article_id"], hedges["denominator"] * 1000))
    # the headline is a sentence too: its words count once, as in event mode
    assert words == pytest.approx({"k1": 23 + 3, "k2": 21 + 3, "l1": 20 + 3})
    assert hedges.set_index("article_id")["value"]["k1"] == pytest.approx(3 / 26 * 1000)


def test_article_tone_is_the_mean_of_its_sentences(corpus_run):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    sentences = [s for s in ARTICLES[1][3].split("\n") if s.strip()]
    want = sum(vader.polarity_scores(s)["compound"] for s in sentences) / len(sentences)
    m = results.article_measures(corpus_run)
    tone = m[(m["measure"] == "mean_compound") & (m["article_id"] == "k2")]["value"]
    assert float(tone.iloc[0]) == pytest.approx(want, abs=1e-4)


def test_measures_come_in_display_order(corpus_run):
    m = results.article_measures(corpus_run)
    keys = list(dict.fromkeys(zip(m["measure"], m["category"], m["voice"])))
    assert keys == [k for k in results.ARTICLE_MEASURES if k in keys]


def test_evidence_sample_points_at_the_words_of_the_pages(corpus_run):
    sample = results.evidence_sample(corpus_run, category="hedge", n=10)
    assert sorted(sample["match"]) == ["Perhaps", "likely", "may", "possibly"]
    only = results.evidence_sample(corpus_run, category="hedge", outlet="Lantern Post")
    assert list(only["match"]) == ["Perhaps"] and only["right"].iloc[0].startswith(" the crews")


def test_evidence_sample_is_fixed_by_its_seed_and_capped(corpus_run):
    a = results.evidence_sample(corpus_run, category="hedge", n=2, seed=3)
    b = results.evidence_sample(corpus_run, category="hedge", n=2, seed=3)
    assert len(a) == 2
    pd.testing.assert_frame_equal(a, b)
    assert results.evidence_sample(corpus_run, category="booster").empty


def test_rebuilt_texts_put_every_sentence_at_its_offsets_in_the_page(corpus_run):
    tables = results.article_tables(corpus_run, ["l1", "k1"])
    assert list(tables["articles"]["article_id"]) == ["l1", "k1"]
    original = {a[0]: a[3] for a in ARTICLES}
    for row in tables["sentences"].itertuples():
        assert tables["texts"][row.article_id][row.start:row.end] == original[row.article_id][row.start:row.end]
    for row in tables["cues"].itertuples():
        assert tables["texts"][row.article_id][row.start:row.end] == original[row.article_id][row.start:row.end]
    assert results.article_tables(corpus_run, ["nope"])["sentences"].empty


def test_a_folder_that_is_not_a_run_is_refused_in_one_line(tmp_path):
    with pytest.raises(FramingInputError) as err:
        results.open_run(tmp_path)
    assert "framing corpus" in str(err.value) and "\n" not in str(err.value)


def _dots(ax) -> int:
    from matplotlib.collections import PathCollection

    panels = ax.child_axes
    return sum(len(c.get_offsets()) for p in panels for c in p.collections if isinstance(c, PathCollection))


def test_distribution_chart_draws_articles_as_dots_only_up_to_the_cap():
    rows = []
    for outlet, n in (("Big Outlet", 40), ("Small Outlet", 3)):
        for i in range(n):
            rows.append((outlet, f"{outlet[0]}{i}", "cue_rate", "hedge", "authorial", float(i % 7)))
    m = pd.DataFrame(rows, columns=["outlet", "article_id", "measure", "category", "voice", "value"])
    fig, ax = plt.subplots()
    from framing.present.plots import plot_article_distributions

    plot_article_distributions(m, outlets=["Big Outlet", "Small Outlet"], ax=ax)
    assert _dots(ax) == 43 + 2  # every article, and one mean diamond per outlet
    assert "n = 43 articles" in ax.get_title()
    plt.close(fig)
    fig, ax = plt.subplots()
    plot_article_distributions(m, outlets=["Big Outlet", "Small Outlet"], ax=ax, dots_max=10)
    assert _dots(ax) == 3 + 2  # the big outlet's 40 articles are left out as dots
    assert "more than 10 articles" in ax.get_title()
    plt.close(fig)
    fig, ax = plt.subplots()
    plot_article_distributions(m.iloc[:0], outlets=["Big Outlet"], ax=ax)
    assert "no articles" in " ".join(t.get_text() for t in ax.texts)
    plt.close(fig)


def test_notebook_reads_a_run_of_fourteen_outlets(tmp_path):
    # the notebook makes a corpus run of the folder it is given and draws one row per outlet
    from pathlib import Path

    from framing.core import paths
    from framing.present.report import run_notebook

    folder = Path(__file__).parent / "fixtures" / "many-outlets"
    nb = run_notebook(paths.NOTEBOOK_DIR / "10-many-articles.ipynb", folder)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    figures = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(figures) == 1
    text = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs)
    n_outlets = pd.read_csv(folder / "articles.csv")["outlet"].nunique()
    assert n_outlets >= 14 and f"from {n_outlets} outlets" in "".join(
        o.get("data", {}).get("text/markdown", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Side by side" in text or "srcdoc" in text
