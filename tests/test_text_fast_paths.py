"""The quick ways of the text helpers give what the plain ways give, on many generated texts.

Each helper below is checked against the plain computation it stands for: :func:`normalise` against
``str.translate``, the tokenizer against ``finditer`` over its pattern, the abbreviations that end a sentence
against ``finditer`` over every abbreviation, :meth:`SpanIndex.quoted` against :meth:`SpanIndex.voice_of`, and
:func:`paragraph_quote_spans` against :func:`quote_spans` given the paragraph before.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.load import sentences
from framing.load.text import (
    _NORMALISE,
    _TOKEN_RE,
    SpanIndex,
    Token,
    _tokenize,
    normalise,
    paragraph_quote_spans,
    quote_spans,
)

FAST = settings(deadline=None, derandomize=True, max_examples=400,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = [
    "the", "The", "It", "said", " ", "  ", "\t", "\n", ".", ". ", "!", "?", ",", "'", "'s", "\u2019", "\u2018",
    '"', "\u201c", "\u201d", "\u00ab", "\u00bb", "(", ")", "[", "]", "-", "\u2014", "_", "U.S", "U.S.", "u.s.s.r",
    "Mr", "Mr.", "no", "No.", "10", "1990s", "24th", "2,000", "e.g", "St", "Jan", "etc", "Inc", "a", "A", "x",
    "caf\u00e9", "\u00e9", "\u0660", "\u00b2", "\u00a0", "\u200b", "\u00ad", "don't", "<b>", "</b>", "<br/>",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)


@FAST
@given(text=TEXTS)
def test_normalise_replaces_as_translate_does(text):
    assert normalise(text) == text.translate(_NORMALISE)


_KINDS = {"abbr": "abbreviation", "num": "number", "word": "word", "punct": "punct"}


def tokens_by_finditer(text: str) -> list[Token]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        s, e, tok, kind = m.start(), m.end(), m.group(), _KINDS[m.lastgroup]
        if kind != "punct" and len(tok) > 2 and tok[-2:].lower() == "'s":
            out += [Token(s, e - 2, tok[:-2], kind), Token(e - 2, e, tok[-2:], "word")]
        else:
            out.append(Token(s, e, tok, kind))
    return out


@FAST
@given(text=TEXTS)
def test_tokens_are_the_matches_of_the_token_pattern(text):
    assert _tokenize(text) == tokens_by_finditer(text)


@FAST
@given(text=TEXTS)
def test_abbreviations_that_end_a_sentence_are_those_of_every_abbreviation_match(text):
    expected = [m.end() for m in sentences._ABBR_STOP_RE.finditer(text)
                if sentences.ends_sentence(m.group("abbr"), text[m.end():m.end() + 40])]
    assert sentences._abbreviation_ends(text) == expected


def test_an_abbreviation_ends_a_sentence_before_a_sentence_starter():
    text = "Talks with the U.S. The meeting ended. He met Mr. Li in the U.S. It rained."
    assert sentences._abbreviation_ends(text) == [text.index("The meeting"), text.index("It rained")]


SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])), max_size=5)
CUTS = st.lists(st.integers(0, 50), max_size=12).map(lambda xs: sorted(set(xs)))


@FAST
@given(spans=SPANS, cuts=CUTS)
def test_quoted_pieces_are_those_voice_of_calls_quoted(spans, cuts):
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]
    index = SpanIndex(spans)
    assert index.quoted(pieces) == [index.voice_of(a, b) == "quoted" for a, b in pieces]


@FAST
@given(paragraphs=st.lists(TEXTS.filter(lambda t: "\n" not in t and t.strip()), min_size=1, max_size=5))
def test_quotes_paragraph_by_paragraph_are_those_of_quote_spans(paragraphs):
    ended_inside = None
    for k, text in enumerate(paragraphs):
        after = paragraphs[k + 1] if k + 1 < len(paragraphs) else ""
        found, ended_inside_now = paragraph_quote_spans(text, ended_inside=ended_inside, next_paragraph=after)
        before = paragraphs[k - 1] if k else ""
        assert found == quote_spans(text, previous_paragraph=before, next_paragraph=after)
        ended_inside = ended_inside_now
