"""Loading an articles folder: tables, offsets, raw data integrity."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from framing.core import paths
from framing.load.corpus import load_corpus

SEED = paths.SEED_EVENT_DIR
SHARED_SEEDS = paths.REPO_ROOT.parent / "shared" / "seeds"
RAW_SHA256 = {
    "sputnik.txt": "ac1a80be7ab67426216264b6bb87d9b6be4088e00be19f5795cce9ea175b5438",
    "presstv.txt": "0dfdb9e4c58f8c58e598abdc5fdf3b0746c48cb00fa5d771d861b929f21e08ac",
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEED)


@pytest.mark.parametrize("name, digest", sorted(RAW_SHA256.items()))
def test_raw_seeds_unchanged(name, digest):
    assert hashlib.sha256((SEED / name).read_bytes()).hexdigest() == digest


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="the original seed folder is not beside the repository")
def test_raw_seeds_identical_to_originals():
    pairs = {"sputnik.txt": "000_d4fdeb9607167246.txt", "presstv.txt": "002_0ffe111a98d78bce.txt"}
    for ours, theirs in pairs.items():
        assert (SEED / ours).read_bytes() == (SHARED_SEEDS / theirs).read_bytes()


def test_sentence_offsets_map_back(corpus):
    for row in corpus.sentences.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.text


def test_sentences_never_overlap(corpus):
    for _, df in corpus.sentences.groupby("article_id"):
        ends = list(df.end)
        starts = list(df.start)
        assert all(e <= s for e, s in zip(ends, starts[1:]))


def test_token_offsets_map_back(corpus):
    from framing.load.text import normalise

    for row in corpus.tokens.itertuples():
        assert normalise(corpus.texts[row.article_id][row.start:row.end]) == row.token


def test_known_sentences(corpus):
    s = corpus.sentences.set_index("sentence_id")
    assert s.loc["sputnik-001", "role"] == "headline"
    assert s.loc["sputnik-005", "text"] == "\u201cWe will discuss matters concerning bilateral relations."
    assert s.loc["sputnik-005", "voice"] == "quoted"
    assert s.loc["sputnik-007", "voice"] == "mixed"
    assert s.loc["sputnik-004", "text"].startswith("Russian President Vladimir Putin said during a speech at the 24th")
    assert s.loc["presstv-004", "voice"] == "mixed"
    # no sentence comes from the teaser, captions or chrome
    assert not corpus.sentences.text.str.contains("Lavrov Says|mediabank|alternate addresses|Subscribe").any()
    assert corpus.articles.set_index("article_id").loc["presstv", "n_sentences"] == 18


def test_quoted_tokens(corpus):
    t = corpus.tokens
    indeed = t[(t.article_id == "presstv") & (t.lower == "indeed")]
    assert list(indeed.voice) == ["quoted"]
    told = t[(t.article_id == "presstv") & (t.lower == "told")]
    assert list(told.voice) == ["authorial"]


def test_articles_table_columns(corpus):
    assert list(corpus.articles.columns[:10]) == [
        "article_id", "outlet", "file", "published", "headline", "url", "language", "event", "country", "ownership",
    ]
    assert corpus.articles.n_tokens.gt(250).all()
    assert corpus.outlets == ["Sputnik International", "Press TV"]


def test_actors_loaded(corpus):
    if not (SEED / "actors.csv").exists():
        pytest.skip("no actors.csv in the seed folder")
    assert {"actor", "alias"} <= set(corpus.actors.columns)


def test_three_outlet_folder(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Storm Closes Coastal Road\n\nThe storm closed the road, officials said.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Road Shut After Storm\n\nThe road was shut after a storm on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Storm Chaos Grips the Coast\n\nChaos reigned as the storm hit, witnesses said.\n",
                                    encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "article_id,outlet,file\na,Outlet A,a.txt\nb,Outlet B,b.txt\nc,Outlet C,c.txt\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.outlets == ["Outlet A", "Outlet B", "Outlet C"]
    assert list(c.sentences.groupby("article_id").size().sort_index()) == [2, 2, 2]


# --- words and sentences that are the article's -----------------------------------------------------------


def test_seed_ordinal_is_one_number_token(corpus):
    t = corpus.tokens
    sputnik = t[t.article_id == "sputnik"]
    assert list(sputnik.loc[sputnik.lower == "24th", "kind"]) == ["number"]
    assert not (t.lower == "th").any()


WIRE = (
    "Envoys Agree to Meet Again After Geneva Talks\n\n"
    "GENEVA, June 16 (Reuters) \u2013 Envoys from both capitals met for four hours with the U.S. delegation. "
    "The U.S. President called the 3rd round \u201cconstructive.\u201d\n\n"
    "The lead negotiator said: \u201cWe will discuss the border first.\n\n"
    "\u201cThen we will talk about trade and the 24th article of the treaty.\u201d\n\n"
    "The ministry said the talks were \"useful, and officials declined to comment further.\n\n"
    "Reuters reported that the next round would be held in the U.K. It gave no date.\n"
)


@pytest.fixture(scope="module")
def wire():
    from framing.load.corpus import parse_page

    return parse_page(WIRE, article_id="w", outlet="Wire", headline="Envoys Agree to Meet Again After Geneva Talks")


def test_dateline_is_in_no_sentence_and_offsets_map_back(wire):
    body = [s for s in wire.sentences if s[4] == "body"]
    first = body[0]
    assert first[8] == "Envoys from both capitals met for four hours with the U.S. delegation."
    assert WIRE[first[6]:first[7]] == first[8]
    assert not any("GENEVA" in s[8] or "(Reuters)" in s[8] for s in wire.sentences)
    words = [t[6] for t in wire.tokens]
    assert "GENEVA" not in words and "June" not in words
    # "Reuters reported ..." in a later paragraph is article text
    assert any(s[8].startswith("Reuters reported that") for s in body)
    for t in wire.tokens:
        assert WIRE[t[4]:t[5]].replace("\u201c", '"').replace("\u201d", '"') == t[6]


def test_wire_sentences_split_after_abbreviations_only_where_they_end(wire):
    texts = [s[8] for s in wire.sentences if s[4] == "body"]
    assert "The U.S. President called the 3rd round \u201cconstructive.\u201d" in texts
    assert "Reuters reported that the next round would be held in the U.K." in texts
    assert "It gave no date." in texts


def test_wire_voice_across_paragraphs(wire):
    voice = {s[8]: s[5] for s in wire.sentences}
    # a quotation over two paragraphs: the text after each opening mark is quoted
    assert voice["The lead negotiator said: \u201cWe will discuss the border first."] == "mixed"
    assert "\u201cWe will discuss the border first." in [q[3] for q in wire.quotes]
    assert voice["\u201cThen we will talk about trade and the 24th article of the treaty.\u201d"] == "quoted"
    # an unmatched mark quotes nothing, and the paragraphs after it stay authorial
    assert voice["The ministry said the talks were \"useful, and officials declined to comment further."] == "authorial"
    assert voice["It gave no date."] == "authorial"
    for q in wire.quotes:
        assert "\n" not in q[3]


def test_ordinals_are_no_terms_of_salience(wire):
    import pandas as pd

    from framing.core.vocabulary import TOKEN_COLUMNS
    from framing.measures.salience import term_table

    tokens = pd.DataFrame(wire.tokens, columns=TOKEN_COLUMNS)
    other = tokens.assign(outlet="Other", article_id="o")
    terms = set(term_table(pd.concat([tokens, other]), ngram_orders=[1])["term"])
    assert {"envoys", "border", "treaty"} <= terms
    assert not terms & {"th", "rd", "24th", "3rd", "s"}
