"""Sentence splitting that needs no downloaded model.

nltk's Punkt algorithm is used untrained, with an abbreviation list that the
project owns (``ABBREVIATIONS``).  Single capital letters count as
abbreviations, so initials ("Joe R. Biden") never end a sentence.  Text is
normalised first (curly quotes made straight, one character for one), so a
closing quote after the full stop stays with its sentence and offsets still
point into the raw text.  Punkt reads the text without its invisible format
characters (:func:`framing.load.text.visible`), so a soft hyphen or a zero-width
space never splits a word or hides a full stop.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from framing.load.text import normalise, visible

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


#: Longest stretch handed to Punkt at once.  Longer paragraphs (never seen in real news, but possible in
#: a page captured without line breaks) are cut into windows after a sentence-final mark, so time stays
#: linear and nltk's regular-expression time limit is never reached.
WINDOW = 100_000

_CUT_RE = re.compile(r"[.!?\u2026][\"')\]]*\s+(?=[\"'(\[]*[A-Z0-9\u0400-\u042f])")


def _windows(norm: str) -> list[tuple[int, int]]:
    """Cut ``norm`` into pieces of at most ``WINDOW`` characters, preferring cuts after sentence ends."""
    out = []
    pos = 0
    n = len(norm)
    while n - pos > WINDOW:
        limit = pos + WINDOW
        cut = None
        for m in _CUT_RE.finditer(norm, pos + WINDOW // 2, limit):
            before = norm[max(m.start() - 12, pos):m.start()].split()
            if not before or before[-1].lower() not in ABBREVIATIONS:  # not after "Mr." or "U.S."
                cut = m.end()
        if cut is None:  # no sentence end in the second half: cut at the last white space, else anywhere
            ws = max(norm.rfind(" ", pos + 1, limit), norm.rfind("\t", pos + 1, limit))
            cut = ws + 1 if ws > pos else limit
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text``.

    Spans are offsets into ``text`` (which may be raw: it is normalised
    internally without changing its length).  Leading and trailing white
    space and invisible format characters are excluded from each span, spans
    are in order and never overlap, and every other character of ``text``
    lies in exactly one span.
    """
    vis = visible(normalise(text))
    norm = vis.text
    spans = []
    for w_start, w_end in _windows(norm):
        for s, e in _tokenizer().span_tokenize(norm[w_start:w_end]):
            s, e = s + w_start, e + w_start
            # Punkt keeps white space that opens the text (an indented paragraph) in the first span: trim it.
            while s < e and norm[s].isspace():
                s += 1
            while e > s and norm[e - 1].isspace():
                e -= 1
            if s < e:
                spans.append(vis.span(s, e))
    return spans
