"""Sentence splitting and voice on the hard cases."""

from __future__ import annotations

import pytest

from framing.load.sentences import split_sentences
from framing.load.text import normalise, quote_spans, tokenize, voice_of


def sents(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Treasury imposed sanctions. Moscow said it would respond.",
         ["The U.S. Treasury imposed sanctions.", "Moscow said it would respond."]),
        ("Mr. Peskov spoke to reporters. He was brief.", ["Mr. Peskov spoke to reporters.", "He was brief."]),
        ("The forum met in St. Petersburg on Friday. Putin spoke.",
         ["The forum met in St. Petersburg on Friday.", "Putin spoke."]),
        ("The deal was signed on Jan. 26 in Moscow. It runs to 2026.",
         ["The deal was signed on Jan. 26 in Moscow.", "It runs to 2026."]),
        ("President Joe R. Biden met the press. He smiled.", ["President Joe R. Biden met the press.", "He smiled."]),
        ("Biden authorized a 15-page report. It was declassified.",
         ["Biden authorized a 15-page report.", "It was declassified."]),
        ("He said, \u201cThis is indeed a very important meeting.\u201d Peskov then left.",
         ["He said, \u201cThis is indeed a very important meeting.\u201d", "Peskov then left."]),
        ('"We need to find ways." Putin said so twice.', ['"We need to find ways."', "Putin said so twice."]),
        ("Is this a thaw? Analysts doubt it!", ["Is this a thaw?", "Analysts doubt it!"]),
    ],
)
def test_hard_cases(text, expected):
    assert sents(text) == expected


def test_nbsp_and_curly_quotes_keep_offsets():
    text = "Putin\u00a0said \u201cyes.\u201d Then\u00a0he left."
    assert len(normalise(text)) == len(text)
    assert sents(text) == ["Putin\u00a0said \u201cyes.\u201d", "Then\u00a0he left."]


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Putin hopes to 'regularize' damaged ties", ["'regularize'"]),
        ('ties are at a "low level.\u201d', ['"low level.\u201d']),
        ("\u201cWe will talk\u201d, Putin said of Biden\u2019s offer.", ["\u201cWe will talk\u201d"]),
        ("They called it \u00abhistoric\u00bb on Friday.", ["\u00abhistoric\u00bb"]),
        ("The Leaders' summit and Biden's words.", []),
        ("He said \u2018no\u2019 twice.", ["\u2018no\u2019"]),
    ],
)
def test_quote_spans(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


def test_voice():
    text = "\u201cWe will discuss it. We are aware of this fact\u201d, Putin said."
    spans = quote_spans(text)
    (s1, e1), (s2, e2) = split_sentences(text)
    assert voice_of(spans, s1, e1) == "quoted"
    assert voice_of(spans, s2, e2) == "mixed"
    assert voice_of(quote_spans("Plain words."), 0, 12) == "authorial"


def test_tokens():
    toks = tokenize(normalise("The U.S. released a 15-page report on Biden\u2019s pro-Russian critics, 2,000 pages."))
    assert [t.text for t in toks if t.kind != "punct"] == [
        "The", "U.S.", "released", "a", "15-page", "report", "on", "Biden", "'s", "pro-Russian", "critics",
        "2,000", "pages",
    ]
