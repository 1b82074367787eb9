"""Tests for framing.measures.quotes: who the outlet says speaks each quotation.

Every expected speaker below was read off the sentence by hand before the
finder was run; the sentences are written in the patterns of wire copy
(speaker before or after the quote, "according to", a colon in a headline,
a possessive "X's words", a quote continued from the previous sentence).
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.load.text import quote_spans
from framing.measures.cues import find_cues
from framing.measures.quotes import (
    QUOTE_SPEAKER_COLUMNS,
    SPEAKER_FOUND,
    colon_speaker,
    load_speech_cues,
    quote_speakers,
)


def _tables(paragraphs, *, roles=None, article_id="a"):
    """Sentences and quotes tables of an article whose paragraphs are one sentence each."""
    roles = roles or ["body"] * len(paragraphs)
    raw, sents, quotes = "", [], []
    for i, (text, role) in enumerate(zip(paragraphs, roles)):
        if raw:
            raw += "\n\n"
        start = len(raw)
        raw += text
        sents.append({"article_id": article_id, "outlet": "Outlet", "sentence_id": f"{article_id}-{i:03d}",
                      "paragraph": i, "role": role, "start": start, "end": start + len(text), "text": text})
        for s in quote_spans(text):
            quotes.append({"article_id": article_id, "start": start + s.start, "end": start + s.end,
                           "text": text[s.start:s.end]})
    return raw, pd.DataFrame(sents), pd.DataFrame(quotes, columns=["article_id", "start", "end", "text"])


def _speakers(paragraphs, roles=None):
    _, sents, quotes = _tables(paragraphs, roles=roles)
    out = quote_speakers(sents, quotes)
    return [(r.text, r.speaker, r.verb, r.found_in) for r in out.itertuples()]


SAME, PREV, NONE = "same_sentence", "previous_sentence", "none"

# (paragraphs, [(quote text, speaker, verb, found_in), ...])
CASES = [
    # speaker before the verb, quote before both
    (['"We are ready for talks," Peskov said.'], [('"We are ready for talks,"', "Peskov", "said", SAME)]),
    # inverted attribution: the speaker follows the verb; an appositive is not part of the name
    (['"We are ready," said Dmitry Peskov, the Kremlin spokesman.'],
     [('"We are ready,"', "Dmitry Peskov", "said", SAME)]),
    # a long title and name before the verb
    (['Russian President Vladimir Putin told the forum that ties were at a "low level".'],
     [('"low level"', "Russian President Vladimir Putin", "told", SAME)]),
    # "according to" names the speaker after it
    (['The talks were "constructive", according to the Kremlin.'],
     [('"constructive"', "the Kremlin", "according to", SAME)]),
    # colon after the speaker (headline style)
    (['Kremlin spokesman: "No breakthrough"'], [('"No breakthrough"', "Kremlin spokesman", ":", SAME)]),
    # colon after the quote, speaker after it
    (['"Pure fiction": Moscow rejects hacking report'], [('"Pure fiction"', "Moscow", ":", SAME)]),
    (['"No comment": Kremlin spokesman'], [('"No comment"', "Kremlin", ":", SAME)]),
    # a label before a colon and then the story: no speaker after the colon
    (['"Done deal": City land striker from Porto'], [('"Done deal"', "", "", NONE)]),
    # possessive speech noun
    (["In Peskov's words, the summit was a \"reset\"."], [('"reset"', "Peskov", "words", SAME)]),
    (['In his words, the summit was a "reset".'], [('"reset"', "he", "words", SAME)]),
    # a reporting verb names the speaker before a speech noun does ("Biden's words" are quoted by Lavrov)
    (["Lavrov described Biden's words about Putin as \"outrageous rhetoric\"."],
     [('"outrageous rhetoric"', "Lavrov", "described", SAME)]),
    # a loaded verb of the speech-act list attributes a quoted label
    (['The opposition slammed the budget as "reckless".'], [('"reckless"', "The opposition", "slammed", SAME)]),
    # a participle names nobody after it: what follows is its object
    (['The ministry issued a statement calling the vote a "farce".'], [('"farce"', "", "calling", SAME)]),
    # relative clause: the speaker is the antecedent
    (['Donald Trump, who called Putin a "killer" in 2017, changed his tone.'],
     [('"killer"', "Donald Trump", "called", SAME)]),
    # a parenthetical adverb between subject and verb
    (['The diplomat, however, hailed the dialogue as "a positive step."'],
     [('"a positive step."', "The diplomat", "hailed", SAME)]),
    # a participle after a comma speaks for the speaker before it
    (['"We will respond," Lavrov said, adding that Moscow had "no choice".'],
     [('"We will respond,"', "Lavrov", "said", SAME), ('"no choice"', "Lavrov", "adding", SAME)]),
    # two speakers in one sentence: each quotation takes the nearest
    (['Peskov called the talks "useful", while Blinken said they were "frank".'],
     [('"useful"', "Peskov", "called", SAME), ('"frank"', "Blinken", "said", SAME)]),
    # a title with a full stop stays in the name
    (['Mr. Reyes admitted the talks had been "difficult".'], [('"difficult"', "Mr. Reyes", "admitted", SAME)]),
    # an agentless passive attributes without naming anyone; "by" names the speaker
    (['The plan was described as "unrealistic".'], [('"unrealistic"', "", "described", SAME)]),
    (['The plan was described by diplomats as "unrealistic".'], [('"unrealistic"', "diplomats", "described", SAME)]),
    # the speaker named in the previous sentence
    (["Lavrov said Moscow was ready for talks.", 'The talks would be "businesslike".'],
     [('"businesslike"', "Lavrov", "said", PREV)]),
    # no speaker in either sentence
    (["The talks opened in Geneva on Monday.", 'Western capitals greeted the "peace plan" with caution.'],
     [('"peace plan"', "", "", NONE)]),
    # a speech-act word attributes a quotation of its own clause only
    (['Fans chanted "saviour" as he was carried off.'], [('"saviour"', "Fans", "chanted", SAME)]),
    (['Chants of his name rang out, and the "saviour" was carried off.'], [('"saviour"', "", "", NONE)]),
    # a speech noun of the previous sentence ("the government's promise to ...") lends no speaker
    (["The case tests the government's promise to fight graft.", 'The money went to a "consultancy".'],
     [('"consultancy"', "", "", NONE)]),
    # a speech noun does not attribute a quotation in its phrase of topic ("questions about ..."), unless a
    # possessor names whose words they are; a past form of a speech-act verb still does
    (['The floods raised fresh questions about the council\'s "flood plan".'], [('"flood plan"', "", "", NONE)]),
    (["Peskov's remarks about the \"reset\" drew criticism."], [('"reset"', "Peskov", "remarks", SAME)]),
    (['Putin was asked about the "red lines" on Friday.'], [('"red lines"', "", "asked", SAME)]),
    # the outlet's own label: nothing carried over from the sentence before
    (["Lavrov said Moscow was ready for talks.", 'The so-called "reset" is over.'], [('"reset"', "", "", NONE)]),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES, ids=[p[-1][:40] for p, _ in CASES])
def test_speaker_of_each_quote(paragraphs, expected):
    assert _speakers(paragraphs) == expected


def test_headline_and_body_do_not_lend_speakers():
    # The headline names Putin; the body sentence after it has no speaker of its own.
    got = _speakers(['Putin says ties at "low level"', 'The "reset" is over.'], roles=["headline", "body"])
    assert got == [('"low level"', "Putin", "says", SAME), ('"reset"', "", "", NONE)]


def test_quote_over_several_sentences_takes_the_attribution_after_its_closing_mark():
    # One paragraph split into two sentences by hand: the quote opens in the first, the speaker follows
    # its closing mark in the second.
    text = "\u201cWe will discuss relations. We are aware of this fact\u201d, Putin said."
    cut = text.index(" We are")
    sents = pd.DataFrame([
        {"article_id": "a", "sentence_id": "a-1", "role": "body", "start": 0, "end": cut, "text": text[:cut]},
        {"article_id": "a", "sentence_id": "a-2", "role": "body", "start": cut + 1, "end": len(text),
         "text": text[cut + 1:]},
    ])
    quotes = pd.DataFrame([{"article_id": "a", "start": s, "end": e, "text": text[s:e]} for s, e in quote_spans(text)])
    out = quote_speakers(sents, quotes)
    assert list(zip(out.sentence_id, out.speaker, out.verb, out.found_in)) == [("a-1", "Putin", "said", SAME)]


def test_table_contract():
    raw, sents, quotes = _tables([
        'The talks were "constructive", according to the Kremlin.',
        '"No," the minister replied, and left the "so-called summit" early.',
    ])
    out = quote_speakers(sents, quotes)
    assert tuple(out.columns) == QUOTE_SPEAKER_COLUMNS
    assert len(out) == len(quotes)  # one row per quotation span
    assert set(out["found_in"]) <= set(SPEAKER_FOUND)
    for row in out.itertuples():
        assert raw[row.start:row.end] == row.text
    assert list(out["start"]) == sorted(out["start"])
    assert out["start"].dtype == "int64" and out["speaker"].map(type).eq(str).all()


def test_quote_outside_every_sentence_has_no_sentence_and_no_speaker():
    raw = 'Intro line. "Floating quote" here.'
    sents = pd.DataFrame([{"article_id": "a", "sentence_id": "a-1", "role": "body", "start": 0, "end": 11,
                           "text": raw[:11]}])
    quotes = pd.DataFrame([{"article_id": "a", "start": 12, "end": 28, "text": raw[12:28]}])
    out = quote_speakers(sents, quotes)
    assert list(zip(out.sentence_id, out.speaker, out.found_in)) == [("", "", NONE)]


def test_empty_tables():
    sents = pd.DataFrame(columns=["article_id", "sentence_id", "start", "end", "text"])
    quotes = pd.DataFrame(columns=["article_id", "start", "end", "text"])
    out = quote_speakers(sents, quotes, verbs=pd.DataFrame(columns=["article_id", "start", "end"]))
    assert tuple(out.columns) == QUOTE_SPEAKER_COLUMNS and out.empty


def test_default_verbs_are_those_of_the_cue_finder():
    _, sents, quotes = _tables(['"We are ready," Peskov insisted.', 'Officials called it "a farce".'])
    cues = find_cues(sents, quotes)
    verbs = cues[(cues["category"] == "attribution") & (cues["voice"] == "authorial")]
    pd.testing.assert_frame_equal(quote_speakers(sents, quotes), quote_speakers(sents, quotes, verbs=verbs))


def test_names_false_keeps_where_and_leaves_speakers_unread():
    paragraphs = [c for p, _ in CASES for c in p]
    _, sents, quotes = _tables(paragraphs)
    full = quote_speakers(sents, quotes)
    quick = quote_speakers(sents, quotes, names=False)
    assert list(full["found_in"]) == list(quick["found_in"])
    same = quick["found_in"] == SAME
    assert (quick.loc[same, "speaker"] == "").all()
    previous = quick["found_in"] == PREV
    assert list(quick.loc[previous, "speaker"]) == list(full.loc[previous, "speaker"])


def test_max_words_keeps_only_short_quotes():
    _, sents, quotes = _tables(['"We will not give in to pressure," Lavrov said of the "reset".'])
    out = quote_speakers(sents, quotes, max_words=4)
    assert list(out["text"]) == ['"reset"']


def test_quoted_speech_words_do_not_attribute():
    # "called" stands inside the long quotation, not in the outlet's words: the short quote has no speaker.
    _, sents, quotes = _tables(['"They called it a victory" was the banner; the "victory" parade went ahead.'])
    out = quote_speakers(sents, quotes)
    assert list(zip(out.text, out.found_in)) == [('"They called it a victory"', NONE), ('"victory"', NONE)]


def test_invisible_characters_do_not_hide_the_speaker():
    text = '"We are ready," Pes\u00adkov sa\u00adid.'
    _, sents, quotes = _tables([text])
    out = quote_speakers(sents, quotes)
    assert list(zip(out.speaker, out.verb)) == [("Pes\u00adkov", "sa\u00adid")]


def test_colon_speaker():
    assert colon_speaker('Kremlin: "No"', 9, 13)
    assert colon_speaker('"No": Kremlin', 0, 4)
    assert not colon_speaker(': "No"', 2, 6)  # no letter before the colon
    assert not colon_speaker('The "No" vote', 4, 8)
    assert not colon_speaker('"No": City land striker from Porto', 0, 4)  # the story, not a speaker
    text = '"No": Moscow rejects the hacking report'
    assert colon_speaker(text, 0, 4, cue_starts=[text.index("rejects")])  # a name, then its verb
    assert not colon_speaker(text, 0, 4)


def test_speech_cue_file_is_well_formed():
    speech = load_speech_cues()
    assert list(speech.columns[:3]) == ["term", "pattern", "source"]
    assert (speech["source"].str.len() > 0).all()
