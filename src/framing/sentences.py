"""Sentence splitting that needs no downloaded model.

nltk's Punkt algorithm is used untrained, with an abbreviation list that the
project owns (``ABBREVIATIONS``).  Single capital letters count as
abbreviations, so initials ("Joe R. Biden") never end a sentence.  Text is
normalised first (curly quotes made straight, one character for one), so a
closing quote after the full stop stays with its sentence and offsets still
point into the raw text.
"""

from __future__ import annotations

import string
from functools import lru_cache

from .text import normalise

#: Lower-case abbreviations without their final dot, as Punkt expects them.
ABBREVIATIONS = frozenset(
    {
        # countries and organisations written with dots
        "u.s", "u.k", "u.n", "e.u", "u.s.s.r", "d.c", "u.a.e",
        # titles
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
        "rep", "rev", "hon", "pres", "amb", "st", "jr", "sr", "messrs",
        # months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        # everyday abbreviations
        "no", "nos", "vs", "etc", "approx", "est", "fig", "vol", "p", "pp", "ed", "eds", "inc", "ltd", "co",
        "corp", "dept", "univ", "assn", "bros", "mt", "ft", "ave", "blvd", "rd",
        "a.m", "p.m", "e.g", "i.e", "cf", "al",
    }
    | set(string.ascii_lowercase)
)


@lru_cache(maxsize=1)
def _tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text``.

    Spans are offsets into ``text`` (which may be raw: it is normalised
    internally without changing its length).  Leading and trailing white
    space is excluded from each span.
    """
    norm = normalise(text)
    return [(s, e) for s, e in _tokenizer().span_tokenize(norm)]
