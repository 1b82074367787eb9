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


# --- abbreviations: where a sentence ends after one -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # titles stand before a name and never end a sentence, not even before a pronoun-like name
        ("Gen. Mark Ellis and Sen. Ann Cole met Rep. Tom Hale. They spoke.",
         ["Gen. Mark Ellis and Sen. Ann Cole met Rep. Tom Hale.", "They spoke."]),
        ("Gov. Ruiz thanked Lt. Col. Dana Price and Dr. He Wei for their work.",
         ["Gov. Ruiz thanked Lt. Col. Dana Price and Dr. He Wei for their work."]),
        ("Mr. Hale and Mrs. Cole arrived late.", ["Mr. Hale and Mrs. Cole arrived late."]),
        # "No." before a number goes on; "no." as a word ends the sentence
        ("The plan ranked No. 2 in the poll. Voters were split.",
         ["The plan ranked No. 2 in the poll.", "Voters were split."]),
        ("Asked about a deal, the envoy said no. The talks ended at noon.",
         ["Asked about a deal, the envoy said no.", "The talks ended at noon."]),
        # abbreviations that are also words end the sentence when written as the word
        ("The delegates sat. Then the vote began.", ["The delegates sat.", "Then the vote began."]),
        # "U.S." before a noun goes on; before a sentence starter it ends the sentence
        ("The U.S. President said the U.K. envoy would attend.",
         ["The U.S. President said the U.K. envoy would attend."]),
        ("Kyiv wants more aid from the U.S. The request was sent on Monday.",
         ["Kyiv wants more aid from the U.S.", "The request was sent on Monday."]),
        ("Ottawa backed the plan along with the U.K. It did not give a date.",
         ["Ottawa backed the plan along with the U.K.", "It did not give a date."]),
        ("Trade with the U.S. But not with its allies.", ["Trade with the U.S.", "But not with its allies."]),
        ("The bill was signed by Roy Blake Jr. He retires in May.",
         ["The bill was signed by Roy Blake Jr.", "He retires in May."]),
        ("Roy Blake Jr. Memorial Hall reopened.", ["Roy Blake Jr. Memorial Hall reopened."]),
        ("The ferry leaves at 9 a.m. Moscow time and returns at 6 p.m. The fare is unchanged.",
         ["The ferry leaves at 9 a.m. Moscow time and returns at 6 p.m.", "The fare is unchanged."]),
        # a quotation may open the next sentence
        ('Sanctions followed from the U.S. "We will respond," the ministry said.',
         ["Sanctions followed from the U.S.", '"We will respond," the ministry said.']),
        # the acronym "IT" and the jet "A-10" are no sentence starters
        ("The U.S. IT sector grew and U.S. A-10 jets flew.", ["The U.S. IT sector grew and U.S. A-10 jets flew."]),
        ("The forum opened in St. Petersburg. It runs to Saturday.",
         ["The forum opened in St. Petersburg.", "It runs to Saturday."]),
    ],
)
def test_abbreviation_sentence_ends(text, expected):
    assert sents(text) == expected


def test_ends_sentence_rule_directly():
    from framing.load.sentences import ends_sentence

    assert ends_sentence("U.S", "The meeting was short.")
    assert not ends_sentence("U.S", "Treasury said.")
    assert not ends_sentence("Gen", "He Xiaoming spoke.")
    assert not ends_sentence("No", "10 Downing Street")
    assert ends_sentence("no", "Moscow disagreed.")
    assert not ends_sentence("J", "The")  # an initial


# --- tokens: ordinals, decades and possessives of abbreviations -----------------------------------------------


def kinds(text):
    return [(t.text, t.kind) for t in tokenize(normalise(text))]


def test_ordinals_and_decades_are_numbers_not_words():
    toks = kinds("The 24th forum, the 1st round, the 3RD day, the 22nd-largest port, the 1990s and the \u201990s.")
    words = [t for t, k in toks if k == "word"]
    assert words == ["The", "forum", "the", "round", "the", "day", "the", "port", "the", "and", "the"]
    assert [t for t, k in toks if k == "number"] == ["24th", "1st", "3RD", "22nd-largest", "1990s", "90s"]


def test_numbers_that_are_not_ordinals_keep_their_word():
    # "24 three" and "4 th" are not ordinals: the words stay words
    assert kinds("24three 4 then") == [("24", "number"), ("three", "word"), ("4", "number"), ("then", "word")]


def test_possessive_of_an_abbreviation_is_the_abbreviation_and_s():
    toks = kinds("The U.S.\u2019s offer, the U.K.'s reply and the EU's silence.")
    assert [t for t in toks if t[1] != "punct"] == [
        ("The", "word"), ("U.S.", "abbreviation"), ("'s", "word"), ("offer", "word"), ("the", "word"),
        ("U.K.", "abbreviation"), ("'s", "word"), ("reply", "word"), ("and", "word"), ("the", "word"),
        ("EU", "word"), ("'s", "word"), ("silence", "word"),
    ]
    assert kinds("U.S. troops") == [("U.S.", "abbreviation"), ("troops", "word")]
    # an abbreviation followed by an apostrophe and another word is no possessive
    assert kinds("U.S.'secret' plan")[:2] == [("U.S.", "abbreviation"), ("'", "punct")]


# --- quotation marks that match nothing -----------------------------------------------------------------------


def quoted(text, **kw):
    return [text[s:e] for s, e in quote_spans(text, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an opening mark never closed before the paragraph ends is ignored ...
        ('The summit "will open on Wednesday, officials said.', []),
        # ... and one never closed before the next opening mark gives way to it
        ('The "summit is set. Putin said "we will talk," and left.', ['"we will talk,"']),
        ("\u201cThe talks are set. He added: \u201cWe are ready.\u201d", ["\u201cWe are ready.\u201d"]),
        # a closing mark with nothing open is ignored
        ('The talks were productive" officials said on Friday.', []),
        ('The talks were productive" and "useful," officials said.', ['"useful,"']),
        ("It was agreed\u201d late on Friday.", []),
        # a double mark typed for an apostrophe, and a mark between two spaces
        ('Russia"s envoy called it "useful" on Friday.', ['"useful"']),
        ('A " stray mark and a "real" quote.', ['"real"']),
        # straight and curly marks mixed
        ('ties are at a "low level.\u201d', ['"low level.\u201d']),
        ("\u201cWe will talk,\" the envoy said.", ["\u201cWe will talk,\""]),
    ],
)
def test_unmatched_marks_never_flip_the_voice(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rock \u2019n\u2019 roll bands of the \u201990s played at the \u201921 fair.",
        "They don't know if Russia's offer stands, the envoy's aide said.",
        "Fans cheered \u2019em on, \u2019til dawn, \u2019cause the band played late.",
        "The Leaders' summit and the ministers' talks ended.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert quoted(text) == []


def test_apostrophes_do_not_hide_a_real_single_quote():
    text = "The \u201990s deal was called \u2018historic\u2019 by rock \u2019n\u2019 roll fans."
    assert quoted(text) == ["\u2018historic\u2019"]
    assert quoted("'2021 was hard,' the mayor said.") == ["'2021 was hard,'"]  # four digits: a quotation


def test_quotations_never_run_across_paragraphs():
    text = 'He said "talks will go on.\n\nThe ministry declined to comment.\n'
    assert quoted(text) == []
    spans = quote_spans(text)
    second = text.index("The ministry")
    assert voice_of(spans, second, text.index("comment.") + 8) == "authorial"


def test_quotation_over_several_paragraphs():
    # news convention: an opening mark at each paragraph start, one closing mark at the end
    text = ("The minister said: \u201cWe will discuss the border first.\n\n"
            "\u201cThen we will talk about trade and the ferry routes.\n\n"
            "\u201cNothing is agreed until everything is agreed.\u201d\n\n"
            "The talks resume on Monday.")
    assert quoted(text) == [
        "\u201cWe will discuss the border first.",
        "\u201cThen we will talk about trade and the ferry routes.",
        "\u201cNothing is agreed until everything is agreed.\u201d",
    ]
    spans = quote_spans(text)
    last = text.index("The talks resume")
    assert voice_of(spans, last, len(text)) == "authorial"
    # the same with straight marks and with single marks (British style)
    straight = 'He said: "We will wait.\n"And we will see," he added.'
    assert quoted(straight) == ['"We will wait.', '"And we will see,"']
    single = "He said: \u2018We will wait.\n\u2018And we will see,\u2019 he added."
    assert quoted(single) == ["\u2018We will wait.", "\u2018And we will see,\u2019"]


def test_continuation_is_decided_by_the_next_paragraph():
    para = "The mayor said: \u201cThe road will reopen."
    assert quoted(para) == []
    assert quoted(para, next_paragraph="\u201cRepairs start on Monday.\u201d") == ["\u201cThe road will reopen."]
    assert quoted(para, next_paragraph="Repairs start on Monday.") == []
    # the next paragraph must open with a mark of the same kind
    assert quoted(para, next_paragraph="\u2018Repairs\u2019 start on Monday.") == []


def test_double_quotation_inside_a_single_one_is_part_of_it():
    text = "\u2018They told us \u201cno\u201d twice,\u2019 the mayor said."
    assert quoted(text) == ["\u2018They told us \u201cno\u201d twice,\u2019"]


def test_last_paragraph_of_a_quotation_without_its_closing_mark():
    # the closing mark of the last paragraph was lost: the quotation still ends with its paragraph
    text = "The mayor said: \u201cThe road will reopen.\n\u201cRepairs start on Monday, she said."
    assert quoted(text) == ["\u201cThe road will reopen.", "\u201cRepairs start on Monday, she said."]
    # the same paragraph after a paragraph that closed its quotation stays authorial
    alone = "\u201cRepairs start on Monday, she said."
    assert quoted(alone, previous_paragraph="\u201cThe road will reopen,\u201d the mayor said.") == []
    assert quoted(alone, previous_paragraph="The mayor said: \u201cThe road will reopen.") == [alone]


def test_paragraph_broken_in_two_by_the_capture():
    # a line break inside a quotation: the first part is quoted; the stray closing mark quotes nothing
    text = "Putin said: \u201cWe will discuss matters.\nWe are all aware of this fact,\u201d he added."
    assert quoted(text) == ["\u201cWe will discuss matters."]
    # a later paragraph that opens a quotation of its own does not carry the unmatched mark on
    text2 = "Putin said: \u201cWe will discuss matters.\nHe added that \u201cthe agenda is long.\u201d"
    assert quoted(text2) == ["\u201cthe agenda is long.\u201d"]
