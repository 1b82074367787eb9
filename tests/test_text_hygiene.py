"""Invisible format characters never split a word, hide a full stop or a cue.

Pages carry characters that are not drawn: soft hyphens from hyphenation, zero-width spaces as line-break hints,
word joiners, zero-width (non-)joiners, byte-order marks, direction marks (Unicode category ``Cf``).  A word with
one inside must count as the word, with its offsets still spanning the raw characters; text without them must come
out exactly as before.  The oracle here is independent of the code under test: a character is invisible when
``unicodedata.category`` says ``Cf``.
"""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.core.paths import SEED_EVENT_DIR
from framing.load.cleaning import classify_lines
from framing.load.corpus import load_corpus, parse_page
from framing.load.sentences import split_sentences
from framing.load.text import normalise, quote_spans, tokenize
from framing.measures.actors import mentions
from framing.measures.cues import find_cues
from framing.measures.sentiment import actor_sentiment, sentence_sentiment

SOFT_HYPHEN, ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM = "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"
INVISIBLE = [SOFT_HYPHEN, ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM, "\u200e", "\u2066", "\U000e0041"]
NAMES = {SOFT_HYPHEN: "soft hyphen", ZWSP: "zero-width space", ZWNJ: "zero-width non-joiner",
         ZWJ: "zero-width joiner", WORD_JOINER: "word joiner", BOM: "byte-order mark", "\u200e": "left-to-right mark",
         "\u2066": "left-to-right isolate", "\U000e0041": "tag latin capital letter a"}
ALL = pytest.mark.parametrize("ch", INVISIBLE, ids=[NAMES[c] for c in INVISIBLE])


def strip_cf(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(normalise(text)) if t.kind != "punct"]


# --- tokens -------------------------------------------------------------------------------------------------


@ALL
def test_invisible_character_inside_a_word_keeps_one_token(ch):
    raw = f"the rela{ch}tions are at a low level"
    toks = tokenize(normalise(raw))
    assert [t.text for t in toks] == ["the", "rela" + "tions", "are", "at", "a", "low", "level"]
    word = toks[1]
    assert raw[word.start:word.end] == f"rela{ch}tions"  # the span covers the raw characters


@ALL
def test_invisible_character_inside_a_name_and_a_possessive(ch):
    raw = f"Pu{ch}tin met Bi{ch}den{ch}'s team in Gene{ch}va."
    toks = tokenize(normalise(raw))
    assert [t.text for t in toks] == ["Putin", "met", "Biden", "'s", "team", "in", "Geneva", "."]
    assert [raw[t.start:t.end] for t in toks][:4] == [f"Pu{ch}tin", "met", f"Bi{ch}den", "'s"]


def test_invisible_characters_around_a_word_stay_outside_its_span():
    raw = f"{BOM}Putin{ZWSP} said{WORD_JOINER}."
    toks = tokenize(normalise(raw))
    assert [(t.text, raw[t.start:t.end]) for t in toks] == [("Putin", "Putin"), ("said", "said"), (".", ".")]


def test_a_lone_invisible_character_is_not_a_token():
    assert words(f"Putin {ZWSP} Biden") == ["Putin", "Biden"]
    assert [t.text for t in tokenize(f"Putin {SOFT_HYPHEN} Biden")] == ["Putin", "Biden"]


def test_zero_width_space_as_the_only_separator_joins_as_the_page_shows():
    # Decision (see framing.load.text.visible): text is read as it is drawn.  "Putin\u200bBiden" is drawn as
    # "PutinBiden", so it is one word, exactly like the same text without the character.
    assert words(f"Putin{ZWSP}Biden") == words("PutinBiden") == ["PutinBiden"]


@pytest.mark.parametrize("separator", [" ", "\u00a0", "\u2009", "\u202f", ",", "/", "\u2014", "\t"])
def test_visible_separators_still_separate_next_to_an_invisible_character(separator):
    for raw in (f"Putin{ZWSP}{separator}Biden", f"Putin{separator}{ZWSP}Biden"):
        assert words(raw) == ["Putin", "Biden"], raw


def test_spaces_that_are_not_format_characters_still_separate():
    # no-break, thin and figure spaces are separators (category Zs), not invisible format characters
    for space in ("\u00a0", "\u2009", "\u2007", "\u202f", "\u3000", "\u2002"):
        assert words(f"Putin{space}Biden") == ["Putin", "Biden"], hex(ord(space))


def test_ordinary_text_gives_the_same_tokens_and_offsets():
    raw = ("The U.S. released a 15-page report on Biden\u2019s pro-Russian critics, 2,000 pages \u2014 "
           "\u201cindeed\u201d.")
    toks = tokenize(normalise(raw))
    assert [(t.start, t.end, t.text, t.kind) for t in toks] == [
        (m.start(), m.end(), normalise(m.group()), kind) for m, kind in _expected_plain_tokens(raw)
    ]


def _expected_plain_tokens(raw):
    """The tokens of ``raw`` written out by hand, as (match, kind) pairs found by position."""
    spec = [("The", "word"), ("U.S.", "abbreviation"), ("released", "word"), ("a", "word"), ("15-page", "number"),
            ("report", "word"), ("on", "word"), ("Biden", "word"), ("\u2019s", "word"), ("pro-Russian", "word"),
            ("critics", "word"), (",", "punct"), ("2,000", "number"), ("pages", "word"), ("\u2014", "punct"),
            ("\u201c", "punct"), ("indeed", "word"), ("\u201d", "punct"), (".", "punct")]
    pos, out = 0, []
    for text, kind in spec:
        m = re.compile(re.escape(text)).search(raw, pos)
        out.append((m, kind))
        pos = m.end()
    return out


def test_every_format_character_is_looked_past():
    every_cf = [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Cf"]
    assert len(every_cf) > 150
    raw = "rela" + "".join(every_cf) + "tions"
    assert [(t.text, t.start, t.end) for t in tokenize(raw)] == [("relations", 0, len(raw))]
    # and nothing else is: letters, marks, spaces and symbols of every other category keep their tokens
    others = "a\u00e9\u0301\u0416\u05d0\u0627\u4e2d1\u0661 \u00a0\u2028-\u2014.\u00a9\U0001f98a"
    assert "".join(t.text for t in tokenize(others)) == "".join(others.split())


# --- sentences and quotations ---------------------------------------------------------------------------------


@ALL
def test_invisible_character_after_a_full_stop_still_ends_the_sentence(ch):
    raw = f"The talks went well.{ch} Biden left Geneva on Wednesday."
    assert [raw[s:e] for s, e in split_sentences(raw)] == [
        "The talks went well.", "Biden left Geneva on Wednesday."
    ]


@ALL
def test_invisible_character_inside_a_quoted_sentence(ch):
    raw = (f"\u201cWe will discuss matters concerning bilateral rela{ch}tions. I as{ch}sume we need to try finding "
           f"ways.\u201d Pu{ch}tin said.")
    clean = strip_cf(raw)
    assert [strip_cf(raw[s:e]) for s, e in split_sentences(raw)] == [clean[s:e] for s, e in split_sentences(clean)]
    assert len(split_sentences(raw)) == 3
    (q,) = quote_spans(raw)
    assert raw[q.start] == "\u201c" and raw[q.end - 1] == "\u201d"
    page = parse_page(f"Talks Ahead For Two Leaders Today\n\n{raw}\n", article_id="a", outlet="X")
    voices = {row[8]: row[5] for row in page.sentences}
    assert voices[raw[: raw.index("I as")].rstrip()] == "quoted"
    assert [t[6] for t in page.tokens if t[6] in ("relations", "assume", "Putin")] == ["relations", "assume", "Putin"]


@ALL
def test_quotation_marks_are_read_past_invisible_characters(ch):
    raw = f"Biden{ch}'s aides called the talks \u2018historic\u2019{ch}, and Lavrov called them 'use{ch}ful'{ch}."
    assert [raw[s:e] for s, e in quote_spans(raw)] == ["\u2018historic\u2019", f"'use{ch}ful'"]


# --- cues -----------------------------------------------------------------------------------------------------


def _cue_tables(text: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    sentences = pd.DataFrame([{"article_id": "a", "outlet": "X", "sentence_id": "a-001", "paragraph": 1,
                               "role": "body", "start": 0, "end": len(text), "text": text}])
    quotes = pd.DataFrame([{"article_id": "a", "start": s, "end": e, "text": text[s:e]} for s, e in quote_spans(text)],
                          columns=["article_id", "start", "end", "text"])
    return sentences, quotes


@ALL
def test_lexicon_cue_with_an_invisible_character_inside(ch):
    raw = f"Moscow alle{ch}gedly meddled in the vote, and the result may{ch} have been affected, officials said."
    cues = find_cues(*_cue_tables(raw))
    assert list(cues["term"]) == ["allegedly", "may", "say"]
    first = cues.iloc[0]
    assert first["cue"] == f"alle{ch}gedly" and raw[first["start"]:first["end"]] == first["cue"]
    assert list(find_cues(*_cue_tables(strip_cf(raw)))["term"]) == list(cues["term"])


def test_multi_word_cue_and_scare_quote_with_invisible_characters():
    raw = f"Accor{SOFT_HYPHEN}ding to{ZWSP} analysts, the talks went well."
    assert list(find_cues(*_cue_tables(raw))["term"]) == ["according to"]
    raw = f"The summit was a \u201chis{ZWSP}toric\u201d step."
    cues = find_cues(*_cue_tables(raw))
    assert list(zip(cues["term"], cues["category"], cues["cue"])) == [
        ("historic", "scare_quote", f"\u201chis{ZWSP}toric\u201d")
    ]


# --- page lines -----------------------------------------------------------------------------------------------


@ALL
def test_line_roles_read_lines_as_drawn(ch):
    raw = (f"Storm Clo{ch}ses the Coastal Road\n\n"
           f"The storm closed the coastal road on Monday, officials said.{ch}\n\n"
           f"Share this arti{ch}cle\n")
    lines = classify_lines(raw, outlet="Coastal Herald", headline="Storm Closes the Coastal Road")
    assert [ln.role for ln in lines if ln.text] == ["headline", "body", "chrome"]
    assert [ln.reason for ln in lines if ln.text][0] == "matches the headline in articles.csv"


def test_line_that_holds_only_invisible_characters_is_blank():
    lines = classify_lines(f"Road Shut as Storm Batters the Coast\n{ZWSP}{BOM}\nThe road was shut on Monday.\n",
                           outlet="X")
    assert [ln.role for ln in lines] == ["headline", "blank", "body"]


# --- actors and sentiment -------------------------------------------------------------------------------------


@ALL
def test_actor_alias_with_an_invisible_character_inside(ch):
    assert mentions(f"President Pu{ch}tin said the talks went well.", ["Putin"])
    assert mentions(f"talks at the White{ch} House on Friday", ["White House"])
    assert not mentions(f"the Russian{ch} delegation", ["Russia"])  # still a different word


def test_vader_reads_the_word_behind_a_soft_hyphen():
    texts = ["Biden called the attack terrible.", f"Biden called the attack ter{SOFT_HYPHEN}rible."]
    scored = sentence_sentiment(pd.DataFrame({"article_id": "a", "outlet": "X", "sentence_id": ["a-1", "a-2"],
                                              "voice": "authorial", "text": texts}))
    assert scored["compound"].iloc[0] < -0.05
    assert list(scored["compound"]) == [scored["compound"].iloc[0]] * 2
    assert list(scored["drivers"]) == [scored["drivers"].iloc[0]] * 2


# --- offsets map back, on generated text ----------------------------------------------------------------------

VOCABULARY = ["Putin", "Biden's", "Biden\u2019s", "relations", "U.S.", "Mr.", "15-page", "pro-Russian", "2,000",
              "allegedly", "reportedly", "said", "may", "about", "20", "so-called", "don't", "talks.", "Geneva,",
              "\u201cWe", "\u201chistoric\u201d", "ways.\u201d", "(AFP)", "\u2014", "according", "to", "indeed", "the"]
SETTINGS = settings(deadline=None, derandomize=True, max_examples=150,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def text_with_invisibles(draw) -> tuple[str, str, list[int]]:
    """(clean, dirty, where): ``dirty`` is ``clean`` with invisible characters inserted at random places.

    ``clean[i]`` is ``dirty[where[i]]``.
    """
    tokens = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14))
    clean = " ".join(tokens) + draw(st.sampled_from([".", "", "!", ".\u201d"]))
    inserts = draw(st.lists(st.tuples(st.integers(0, len(clean)), st.sampled_from(INVISIBLE)), max_size=8))
    at: dict[int, str] = {}
    for pos, ch in inserts:
        at[pos] = at.get(pos, "") + ch
    dirty, where = "", []
    for i, c in enumerate(clean):
        dirty += at.get(i, "")
        where.append(len(dirty))
        dirty += c
    dirty += at.get(len(clean), "")
    return clean, dirty, where


def mapped(where: list[int], start: int, end: int) -> tuple[int, int]:
    return where[start], where[end - 1] + 1


@SETTINGS
@given(text_with_invisibles())
def test_tokens_are_those_of_the_clean_text_and_map_back(case):
    clean, dirty, where = case
    got, want = tokenize(normalise(dirty)), tokenize(normalise(clean))
    assert [(t.text, t.kind) for t in got] == [(t.text, t.kind) for t in want]
    for g, w in zip(got, want):
        assert (g.start, g.end) == mapped(where, w.start, w.end)
        assert strip_cf(normalise(dirty[g.start:g.end])) == g.text


@SETTINGS
@given(text_with_invisibles())
def test_sentences_and_quotations_are_those_of_the_clean_text(case):
    clean, dirty, where = case
    assert split_sentences(dirty) == [mapped(where, s, e) for s, e in split_sentences(clean)]
    assert [tuple(q) for q in quote_spans(dirty)] == [mapped(where, s, e) for s, e in quote_spans(clean)]


@SETTINGS
@given(text_with_invisibles())
def test_cues_are_those_of_the_clean_text(case):
    clean, dirty, where = case
    got, want = find_cues(*_cue_tables(dirty)), find_cues(*_cue_tables(clean))
    cols = ["term", "category", "subcategory", "voice"]
    assert got[cols].values.tolist() == want[cols].values.tolist()
    assert list(zip(got["start"], got["end"])) == [mapped(where, s, e) for s, e in zip(want["start"], want["end"])]


@SETTINGS
@given(text_with_invisibles())
def test_text_without_invisible_characters_is_read_exactly_as_before(case):
    clean, _, _ = case
    toks = tokenize(normalise(clean))
    assert "".join(t.text for t in toks) == "".join(normalise(clean).split())
    assert all(normalise(clean[t.start:t.end]) == t.text for t in toks)


# --- the seed event -------------------------------------------------------------------------------------------


def _seed_copy(tmp_path: Path, mark) -> Path:
    folder = tmp_path / "seed"
    shutil.copytree(SEED_EVENT_DIR, folder)
    for name in ("sputnik.txt", "presstv.txt"):
        path = folder / name
        path.write_text(mark(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _putin_count(corpus) -> int:
    t = corpus.tokens
    return int(((t["article_id"] == "sputnik") & (t["lower"] == "putin")).sum())


@pytest.fixture(scope="module")
def seed():
    return load_corpus(SEED_EVENT_DIR)


@pytest.mark.parametrize("ch", [SOFT_HYPHEN, ZWSP, WORD_JOINER], ids=["soft hyphen", "zero-width space", "joiner"])
def test_seed_counts_putin_the_same_with_invisible_characters_inside_the_name(tmp_path, seed, ch):
    marked = load_corpus(_seed_copy(tmp_path, lambda t: re.sub(r"(?i)\b(pu)(tin)\b", rf"\g<1>{ch}\g<2>", t)))
    assert _putin_count(seed) == 8
    assert _putin_count(marked) == 8
    assert len(marked.sentences) == len(seed.sentences)


def test_seed_with_soft_hyphens_in_every_long_word_gives_the_same_tables(tmp_path, seed):
    hyphenate = lambda t: re.sub(r"\b([A-Za-z]{3})([A-Za-z]{3,})\b", rf"\g<1>{SOFT_HYPHEN}\g<2>", t)  # noqa: E731
    marked = load_corpus(_seed_copy(tmp_path, hyphenate))
    assert sum(t.count(SOFT_HYPHEN) for t in marked.texts.values()) > 300

    def same(got: pd.DataFrame, want: pd.DataFrame) -> None:
        """Equal tables once offsets are left out and invisible characters dropped from the texts."""
        keep = [c for c in want.columns if c not in ("start", "end")]
        pd.testing.assert_frame_equal(got[keep].map(lambda v: strip_cf(v) if isinstance(v, str) else v), want[keep])

    same(marked.lines, seed.lines)
    same(marked.sentences, seed.sentences)
    same(marked.tokens, seed.tokens)
    same(marked.quotes, seed.quotes)
    cues = find_cues(seed.sentences, seed.quotes)
    assert len(cues) > 20
    same(find_cues(marked.sentences, marked.quotes), cues)
    sentiment, marked_sentiment = sentence_sentiment(seed.sentences), sentence_sentiment(marked.sentences)
    same(marked_sentiment, sentiment)
    same(actor_sentiment(marked_sentiment, marked.sentences, marked.actors),
         actor_sentiment(sentiment, seed.sentences, seed.actors))


def test_notice_names_the_invisible_characters_inside_words(tmp_path, seed):
    marked = load_corpus(_seed_copy(tmp_path, lambda t: t.replace("Putin", f"Pu{SOFT_HYPHEN}tin", 1)))
    notes = [n for n in marked.notices if "invisible" in n]
    assert len(notes) == 2
    assert notes[0].endswith("sputnik.txt: 1 invisible character(s) inside words (U+00AD soft hyphen); words are "
                             "read without them, and the texts in the tables keep them")
    assert "presstv.txt: 1 invisible character(s)" in notes[1]
    assert not [n for n in seed.notices if "invisible" in n]


# --- invisible characters and the rules for ordinals, datelines, abbreviations and quotation marks ----------


@ALL
def test_invisible_character_inside_an_ordinal_keeps_one_number(ch):
    raw = f"the 24{ch}th forum"
    toks = tokenize(normalise(raw))
    assert [(t.text, t.kind) for t in toks] == [("the", "word"), ("24th", "number"), ("forum", "word")]
    assert raw[toks[1].start:toks[1].end] == f"24{ch}th"


@ALL
def test_invisible_character_inside_an_abbreviation_possessive(ch):
    toks = tokenize(normalise(f"the U.S.{ch}'s offer"))
    assert [(t.text, t.kind) for t in toks] == [
        ("the", "word"), ("U.S.", "abbreviation"), ("'s", "word"), ("offer", "word"),
    ]


@pytest.mark.parametrize("ch", [SOFT_HYPHEN, ZWSP, WORD_JOINER], ids=["soft hyphen", "zero-width space", "joiner"])
def test_invisible_character_in_an_abbreviation_does_not_end_the_sentence(ch):
    text = f"The U.{ch}S. President spoke. He left."
    assert [text[s:e] for s, e in split_sentences(text)] == [f"The U.{ch}S. President spoke.", "He left."]


@pytest.mark.parametrize("ch", [SOFT_HYPHEN, ZWSP], ids=["soft hyphen", "zero-width space"])
def test_dateline_with_an_invisible_character_is_still_stripped(ch):
    raw = f"Talks End in Geneva\n\nGENE{ch}VA, June 16 (Reuters) - The talks ended on Wednesday evening.\n"
    page = parse_page(raw, article_id="a", outlet="A", headline="Talks End in Geneva")
    body = [s for s in page.sentences if s[4] == "body"]
    assert [s[8] for s in body] == ["The talks ended on Wednesday evening."]


@pytest.mark.parametrize("ch", [SOFT_HYPHEN, ZWSP], ids=["soft hyphen", "zero-width space"])
def test_invisible_character_before_an_apostrophe_does_not_open_a_quotation(ch):
    text = f"Bands of the {ch}\u201990s played rock {ch}\u2019n\u2019 roll."
    assert quote_spans(text) == []


@pytest.mark.parametrize("mark", ["\u00b4", "\u02bc"], ids=["acute accent", "modifier letter apostrophe"])
def test_apostrophe_look_alikes_make_a_possessive(mark):
    assert [t.text for t in tokenize(normalise(f"Putin{mark}s aide"))] == ["Putin", "'s", "aide"]
    assert quote_spans(f"Putin{mark}s aide") == []
