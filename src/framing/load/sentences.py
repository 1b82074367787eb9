"""Sentence splitting that needs no downloaded model.

nltk's Punkt algorithm is used untrained, with an abbreviation list that the
project owns (``ABBREVIATIONS``).  Single capital letters count as
abbreviations, so initials ("Joe R. Biden") never end a sentence.  Untrained,
Punkt never ends a sentence after a listed abbreviation; :func:`ends_sentence`
then decides, abbreviation by abbreviation, where one does end there:

* a title (``Mr.``, ``Dr.``, ``Gen.``, ``Sen.``, ``Rep.``, ``Gov.``, ``Lt.``,
  ``Col.``, ... :data:`NEVER_ENDS`) stands before a name and never ends a
  sentence ("Dr. He Jiankui", "Gen. Li");
* ``No.``, ``Nos.``, ``Vol.``, ``Fig.`` and ``pp.`` are abbreviations only
  before a number: "No. 10" goes on, "The answer was no. The talks ended."
  is two sentences;
* an abbreviation that is also an ordinary word, written in lower case
  ("he sat.", "the sun.", "said no.", :data:`WORD_LIKE`), ends the sentence
  when the next word is capitalised;
* any other abbreviation (``U.S.``, ``U.K.``, ``Jr.``, ``St.``, ``Inc.``,
  ``a.m.``, months, ...) ends the sentence only when the next word is a
  capitalised sentence starter (:data:`SENTENCE_STARTERS`: The, It, He,
  She, They, But, In, ...): "talks with the U.S. The meeting ..." is two
  sentences, "The U.S. President said ..." and "U.S. Treasury" are one.

Text is normalised first (curly quotes made straight, one character for one),
so a closing quote after the full stop stays with its sentence and offsets
still point into the raw text.  Punkt reads the text without its invisible format
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
        "rep", "rev", "hon", "pres", "amb", "st", "jr", "sr", "messrs", "sens", "reps",
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


#: Titles and abbreviations that only ever stand inside a sentence, before what they qualify.
NEVER_ENDS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep",
        "rev", "hon", "pres", "amb", "messrs", "sens", "reps", "e.g", "i.e", "cf", "vs",
    }
)

#: Abbreviations that stand only before a number ("No. 10", "Vol. 3", "pp. 4-6").
BEFORE_NUMBERS = frozenset({"no", "nos", "vol", "fig", "pp"})

#: Abbreviations that are also ordinary English words; written in lower case they are the word.
WORD_LIKE = frozenset({"no", "sun", "sat", "wed", "mar", "fig", "rev", "col", "gen", "rep", "ed", "hon"})

#: Capitalised words that open sentences and never continue a name or a noun phrase after an abbreviation
#: such as "U.S." or "Jr." (closed-class words: articles, pronouns, conjunctions, prepositions, adverbs).
SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those there here it its he she they we i you his her their our my your
    but and or so yet nor for in on at after before when while as if since although though despite during
    until unless because once however meanwhile moreover still also then now today yesterday tomorrow
    earlier later last next some many most both such each every all several few neither either
    according asked what why how who where which whether
    """.split()
)

#: An abbreviation, its full stop, any closing quotation marks or brackets, and the white space after them.
_ABBR_STOP_RE = re.compile(r"(?<![\w.])(?P<abbr>[A-Za-z]+(?:\.[A-Za-z]+)*)\.[\"')\]]*\s+")
_NEXT_WORD_RE = re.compile(r"[\"'(\[]*(?P<word>[A-Za-z]+|\d)")


def ends_sentence(abbreviation: str, following: str) -> bool:
    """True when a listed abbreviation with its full stop ends the sentence, before the text ``following``.

    ``abbreviation`` is written as in the text, without its final dot
    (``"U.S"``, ``"Mr"``, ``"no"``); ``following`` is the text after the
    white space that follows it.  The rules are those of the module
    docstring; an abbreviation that is not in :data:`ABBREVIATIONS`, or a
    single letter (an initial), never ends a sentence here.
    """
    key = abbreviation.lower()
    if key not in ABBREVIATIONS or len(key) == 1:
        return False
    m = _NEXT_WORD_RE.match(following)
    if m is None:
        return False
    word = m.group("word")
    if key in BEFORE_NUMBERS and word.isdigit():
        return False
    capital = word[0].isupper()
    if abbreviation.islower() and key in WORD_LIKE:
        return capital
    if key in NEVER_ENDS:
        return False
    if key in BEFORE_NUMBERS:
        return capital
    # a starter written as one ("It", "The", "A", "I"), not the acronym "IT", the initial "A." or "A-10"
    after = following[m.end():m.end() + 1]
    return (
        capital
        and (len(word) == 1 or word[1:].islower())
        and word.lower() in SENTENCE_STARTERS
        and not (after.isalnum() or after in ("-", "."))
    )


#: A full stop before white space (closing quotation marks or brackets between them): where an abbreviation ends.
_STOP_RE = re.compile(r"\.(?=[\"')\]]*\s)")
#: The letters and dots that run up to a full stop.
_RUN_RE = re.compile(r"[A-Za-z.]+\Z")
_LONGEST = max(map(len, ABBREVIATIONS))


def _abbreviation_ends(norm: str) -> list[int]:
    """Offsets in ``norm`` where a sentence starts after an abbreviation that ends the one before.

    These are the ends of the matches of :data:`_ABBR_STOP_RE` whose abbreviation ends the sentence
    (:func:`ends_sentence`).  A match starts where a run of letters and dots starts and ends after the full stop
    that closes the run, so it is looked for only at the runs before a full stop (found at once by
    :data:`_STOP_RE`) that spell a listed abbreviation of two letters or more: no other can end a sentence.
    """
    out = []
    for stop in _STOP_RE.finditer(norm):
        end = stop.start()
        run = _RUN_RE.search(norm, max(0, end - _LONGEST - 1), end)
        if run is None or not 1 < end - run.start() <= _LONGEST or norm[run.start():end].lower() not in ABBREVIATIONS:
            continue
        m = _ABBR_STOP_RE.match(norm, run.start())
        if m is not None and ends_sentence(m.group("abbr"), norm[m.end():m.end() + 40]):
            out.append(m.end())
    return out


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
    cuts = _abbreviation_ends(norm)
    k = 0
    spans = []
    for w_start, w_end in _windows(norm):
        for s, e in _tokenizer().span_tokenize(norm[w_start:w_end]):
            s, e = s + w_start, e + w_start
            while k < len(cuts) and cuts[k] <= s:
                k += 1
            pieces = [s]
            while k < len(cuts) and cuts[k] < e:
                pieces.append(cuts[k])
                k += 1
            pieces.append(e)
            for a, b in zip(pieces, pieces[1:]):
                # Punkt keeps white space that opens the text (an indented paragraph) in the first span: trim it.
                while a < b and norm[a].isspace():
                    a += 1
                while b > a and norm[b - 1].isspace():
                    b -= 1
                if a < b:
                    spans.append(vis.span(a, b))
    return spans
