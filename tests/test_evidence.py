"""Keyword-in-context lines, term search and marking.

The texts are written here and every expected slice is counted by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.load.text import normalise, tokenize
from framing.measures.evidence import KWIC_COLUMNS, TERM_COLUMNS, find_term, kwic, mark

RAW = (
    "Menu | Login\n"  # 0..12, not a sentence
    "Putin hopes to mend ties\n"  # headline
    "Strategic stability is on the agenda. Peskov said it is \u201ca positive step.\u201d "
    "Talks on <script>alert(1)</script> strategic stability follow"
)


def sentence_table() -> pd.DataFrame:
    pieces = [
        "Putin hopes to mend ties",
        "Strategic stability is on the agenda.",
        "Peskov said it is \u201ca positive step.\u201d",
        "Talks on <script>alert(1)</script> strategic stability follow",
    ]
    rows, pos = [], 0
    for i, piece in enumerate(pieces, start=1):
        start = RAW.index(piece, pos)
        rows.append(
            {
                "article_id": "art",
                "outlet": "Outlet A",
                "sentence_id": f"art-{i:03d}",
                "start": start,
                "end": start + len(piece),
                "text": piece,
            }
        )
        pos = start + len(piece)
    return pd.DataFrame(rows)


def token_table(sentences: pd.DataFrame) -> pd.DataFrame:
    rows = []
    norm = normalise(RAW)
    for s in sentences.itertuples(index=False):
        for i, tok in enumerate(tokenize(norm[s.start : s.end], offset=s.start)):
            rows.append(
                {
                    "article_id": s.article_id,
                    "outlet": s.outlet,
                    "sentence_id": s.sentence_id,
                    "token_id": i,
                    "start": tok.start,
                    "end": tok.end,
                    "token": tok.text,
                    "lower": tok.text.lower(),
                    "kind": tok.kind,
                }
            )
    return pd.DataFrame(rows)


# ------------------------------------------------------------------ mark


def test_mark_plain():
    assert mark("it would be wrong to", 12, 17) == "it would be [[wrong]] to"
    assert mark("wrong", 0, 5) == "[[wrong]]"
    assert mark("abc", 1, 1) == "a[[]]bc"


def test_mark_html_escapes_everything():
    text = '<script>alert("x")</script> & a "killer" word'
    start = text.index("killer")
    got = mark(text, start, start + 6, html=True)
    assert got == ("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a &quot;<mark>killer</mark>&quot; word")
    assert "<script>" not in got
    assert mark("<b>", 0, 3, html=True) == "<mark>&lt;b&gt;</mark>"


def test_mark_rejects_bad_spans():
    with pytest.raises(ValueError):
        mark("abc", 2, 5)
    with pytest.raises(ValueError):
        mark("abc", 2, 1)


# ------------------------------------------------------------------ find_term


def test_find_term_unigram_at_sentence_start_and_end():
    sentences = sentence_table()
    tokens = token_table(sentences)
    putin = find_term(tokens, "putin")
    assert list(putin.columns) == TERM_COLUMNS
    assert putin[["sentence_id", "start", "end"]].values.tolist() == [["art-001", 13, 18]]
    assert RAW[13:18] == "Putin"
    ties = find_term(tokens, "ties")
    assert RAW[ties["start"].iloc[0] : ties["end"].iloc[0]] == "ties"
    assert ties["end"].iloc[0] == sentences["end"].iloc[0]  # last word of the headline


def test_find_term_multiword_case_insensitive_within_sentences():
    tokens = token_table(sentence_table())
    got = find_term(tokens, "strategic stability")
    assert len(got) == 2
    assert [RAW[s:e] for s, e in zip(got["start"], got["end"])] == ["Strategic stability", "strategic stability"]
    assert got["sentence_id"].tolist() == ["art-002", "art-004"]
    # "agenda peskov" spans two sentences: never a match, even skipping the full stop.
    assert find_term(tokens, "agenda peskov", skip_punct=True).empty
    assert find_term(tokens, "not there").empty


def test_find_term_punctuation():
    tokens = token_table(sentence_table())
    # "is \u201ca positive": n-grams never bridge the quotation mark (as in the salience
    # tables) unless punctuation is skipped on request.
    assert find_term(tokens, "is a positive").empty
    assert len(find_term(tokens, "is a positive", skip_punct=True)) == 1
    assert len(find_term(tokens, "a positive step")) == 1


def test_find_term_never_bridges_gaps_in_a_filtered_table():
    tokens = token_table(sentence_table())
    # Drop "hopes": "putin to" is not a bigram of the text.
    filtered = tokens[tokens["lower"] != "hopes"]
    assert find_term(filtered, "putin to").empty
    assert len(find_term(tokens, "putin hopes")) == 1
    with pytest.raises(ValueError):
        find_term(tokens, "  ")


# ------------------------------------------------------------------ kwic


def test_kwic_offsets_and_clipping_at_sentence_edges():
    sentences = sentence_table()
    tokens = token_table(sentences)
    spans = find_term(tokens, "strategic stability")
    got = kwic(sentences, {"art": RAW}, spans, width=10)
    assert list(got.columns) == KWIC_COLUMNS
    first, second = got.iloc[0], got.iloc[1]
    # Term at the very start of its sentence: nothing on the left, not even the headline.
    assert first["left"] == ""
    assert first["match"] == "Strategic stability"
    assert first["right"] == " is on the"  # ten characters
    assert first["text"] == "Strategic stability is on the agenda."
    # Term near the end: the right context stops at the sentence end.
    assert second["left"] == "</script> "
    assert second["right"] == " follow"
    for row in got.itertuples():
        assert RAW[row.start : row.end] == row.match
        assert row.left + row.match + row.right in row.text
        assert len(row.left) <= 10 and len(row.right) <= 10


def test_kwic_term_at_sentence_end_and_curly_quotes_kept():
    sentences = sentence_table()
    spans = find_term(token_table(sentences), "step")
    got = kwic(sentences, {"art": RAW}, spans, width=60).iloc[0]
    assert got["left"] == "Peskov said it is \u201ca positive "
    assert got["match"] == "step"
    assert got["right"] == ".\u201d"
    assert got["sentence_id"] == "art-003" and got["outlet"] == "Outlet A"


def test_kwic_html_marking_of_a_line_escapes_script():
    sentences = sentence_table()
    spans = find_term(token_table(sentences), "talks")
    row = kwic(sentences, {"art": RAW}, spans, width=36).iloc[0]
    line = row["left"] + row["match"] + row["right"]
    html = mark(line, len(row["left"]), len(row["left"]) + len(row["match"]), html=True)
    assert html == "<mark>Talks</mark> on &lt;script&gt;alert(1)&lt;/script&gt; strate"
    assert mark(line, 0, 5) == "[[Talks]] on <script>alert(1)</script> strate"


def test_kwic_keeps_extra_columns_sorts_and_handles_spans_outside_sentences():
    sentences = sentence_table()
    spans = pd.DataFrame(
        {
            "article_id": ["art", "art"],
            "start": [RAW.index("agenda"), RAW.index("Login")],
            "end": [RAW.index("agenda") + 6, RAW.index("Login") + 5],
            "category": ["topic", "menu"],
        }
    )
    got = kwic(sentences, {"art": RAW}, spans, width=8)
    assert list(got.columns) == KWIC_COLUMNS + ["category"]
    assert got["match"].tolist() == ["Login", "agenda"]  # sorted by position
    menu = got.iloc[0]
    assert pd.isna(menu["sentence_id"])
    assert menu["outlet"] == "Outlet A"
    assert (menu["left"], menu["right"], menu["text"]) == ("Menu | ", "", "Menu | Login")
    assert got.iloc[1]["category"] == "topic"
    assert got.iloc[1]["right"] == "."


def test_kwic_does_not_change_its_inputs():
    sentences = sentence_table()
    spans = find_term(token_table(sentences), "putin")
    before_s, before_p = sentences.copy(), spans.copy()
    kwic(sentences, {"art": RAW}, spans)
    pd.testing.assert_frame_equal(sentences, before_s)
    pd.testing.assert_frame_equal(spans, before_p)


def test_kwic_empty_spans():
    got = kwic(sentence_table(), {"art": RAW}, pd.DataFrame(columns=["article_id", "start", "end"]))
    assert list(got.columns) == KWIC_COLUMNS
    assert got.empty
