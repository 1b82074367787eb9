"""Quotations and who is said to speak them.

For every quotation span of an article, :func:`quote_speakers` looks for the
speaker the outlet names for it, first in the quotation's own sentence, then in
the sentence before it, the way a reader does:

- a **reporting verb** outside quotation marks (the attribution cues of
  :func:`framing.measures.cues.find_cues`: *said*, *told*, *warned*,
  *according to* ...), with its subject before it ("Peskov said", "the
  union claiming") or, in an inverted attribution, after it ("..., said
  Peskov"; "according to the Kremlin");
- a **speech-act word** (``data/lexicons/cues_speech_en.csv``: *called*,
  *dubbed*, *question*, *statement*, *words* ...), with its possessor
  ("Biden's words", "a reporter's question", "his words" -> "he") or, for
  a verb, its subject ("Trump, who called Putin a ...");
- a **colon** after a speaker right before the quotation ("Kremlin spokesman:
  "No breakthrough"") or after the quotation with the speaker following
  (""Pure fiction": Moscow rejects ...": a name followed by an attributing
  cue, or a short phrase that ends the sentence: ""No comment": Kremlin
  spokesman").  A headline label before a colon followed by the story
  ("'DONE DEAL': Rovers smash club record ...") names no speaker.

The speaker is the noun phrase next to the cue, as written ("Russian President
Vladimir Putin", "he", "the ministry"), found by reading tokens outward from
the cue to the nearest boundary: punctuation, a quotation, a conjunction or
subordinator, an auxiliary or a past participle.  The patterns are those of
rule-based quotation extraction in news (Pouliquen, Steinberger & Best 2007).

Which attribution a quotation gets
----------------------------------
In its own sentence: the colon that introduces or follows it, else the
nearest attribution (by characters) among the verbs that name a speaker
(reporting verbs and speech-act verbs), else among the speech nouns that
name one ("Biden's words" names Biden, but in "Lavrov described Biden's
words as ..." the quotation is Lavrov's), else the nearest attribution at
all (an agentless "was described as", a participle "calling the vote a ..."
name nobody): ``found_in = "same_sentence"``.  A speech-act word attributes
only a quotation of its own clause: with a semicolon, a dash or ",
and/but/or/while ..." between them it is passed over ("Chants of his name
echoed ..., and the new "wonderkid" ..."); a reporting verb is not (see
Limits).  Nor does a speech-act word other than a past or -ing form
attribute a quotation that ends a phrase of topic right after it (*about,
over, regarding, concerning* and at most four words) unless a possessor
names whose words they are: in "fresh questions about the region's
'resilience plan'" the quotation is what the questions are about, not
their words (while "asked about the 'red lines'" stays the asker's,
"Peskov's remarks about the "reset"" stays Peskov's, and in "described
Biden's words about Putin as "outrageous"" the quotation is no part of the
phrase of topic).  A participle after a comma ("..., adding that") takes the speaker
of the attribution before it in the sentence; a passive names its speaker
only after *by*.  A quotation that runs over several sentences with no
attribution in its first one takes the attribution of the sentence of its
closing mark (still ``"same_sentence"``).  When none of these has an
attribution, the last attribution of the *previous* sentence of the same
article that names a speaker with a verb (a reporting verb or a speech-act
verb; a speech noun such as "the government's promise to ..." introduces no
quotation of the next sentence) is taken
(``found_in = "previous_sentence"``): "Lavrov said Moscow was ready.  Talks
would be "businesslike"."  Not carried over: into or out of a headline, and
to a quotation right after the outlet's own label (*the so-called
"reset"*), whose marks are the outlet's.  Otherwise ``found_in = "none"``.

Limits: no coreference (a speaker "he" is reported as "he"), no syntax (a
reporting verb in a sentence attributes every quotation of that sentence,
even one the outlet adds on its own), and the previous-sentence rule can
attribute a quotation to a speaker of the sentence before when the writer
has moved on.

References
----------
Pouliquen, B., Steinberger, R. & Best, C. (2007). Automatic detection of
quotations in multilingual news. *Proceedings of RANLP 2007*, 487-492.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from framing.core.paths import LEXICON_DIR
from framing.load.text import SpanIndex, Token, drop_invisible, normalise, tokenize, visible

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

DEFAULT_SPEECH_CUES = "cues_speech_en.csv"

#: Where the speaker of a quotation was found.
SpeakerFound = Literal["same_sentence", "previous_sentence", "none"]
SPEAKER_FOUND: tuple[str, ...] = get_args(SpeakerFound)
SAME_SENTENCE, PREVIOUS_SENTENCE, NOT_FOUND = SPEAKER_FOUND

#: Columns of :func:`quote_speakers`.
QUOTE_SPEAKER_COLUMNS = ("article_id", "sentence_id", "start", "end", "text", "speaker", "verb", "found_in")

# ---------------------------------------------------------------------------
# Word classes used to read a speaker's noun phrase (constants, never mutated).

# Words that end a noun phrase read outward from a cue: conjunctions, subordinators, relative
# pronouns, auxiliaries and the like.  "of", "for", "at", "by", "in", "from" may sit inside one
# ("a spokesman for the ministry", "officials in Kyiv").
_NP_STOP = frozenset(
    "that which who whom whose when while as after before because but if than then or nor so since until "
    "although though whereas where why how what whether to with without on during amid despite about "
    "against over into onto under between among through also is are was were be been being am has have "
    "had will would shall should can could may might must do does did not said says told added "
    "there here this these those".split()
)
# Inside a phrase only when a word of the phrase comes before it.
_NP_INNER = frozenset("of for at by in from and".split())
_DETERMINERS = frozenset(
    "the a an his her their its our my your this that these those one two three several many some".split()
)
_TITLES = frozenset("mr mrs ms dr prof gen sen rep gov lt col maj capt sgt st rev".split())
_PRONOUN_SPEAKERS = frozenset("he she they we i it you".split())
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "I"}
# Skipped between a subject and its verb ("Peskov also said", "the ministry has said").
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    "has have had 's was were is are will would did does do not n't also later again then previously "
    "repeatedly once earlier further still already just however too even first".split()
)
# Adverbs set off by commas between a subject and its verb ("The diplomat, however, hailed").
_BE_FORMS = frozenset("was were is are be been being am get gets got getting".split())
_PARENTHETICAL = frozenset("however though meanwhile too also moreover instead nonetheless nevertheless".split())
_QUOTE_MARKS = frozenset("\"'")
# The outlet's own distancing label right before a quotation ('the so-called "reset"'): its marks are
# the outlet's, so no speaker is carried over from the sentence before.
_OWN_LABEL_BEFORE = re.compile(r"(?:so-called|so called|self-styled|self-proclaimed)\s*$", re.IGNORECASE)
_MAX_PHRASE = 8  # tokens
#: A word of a quotation: a run of letters and digits, apostrophes and hyphens inside it kept.
QUOTE_WORD_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


# ---------------------------------------------------------------------------
# Speech-act words.


def load_speech_cues(path: str | Path | None = None) -> pd.DataFrame:
    """Load the speech-act words that attribute a quotation to a speaker.

    These are used only to decide who speaks a quotation (``called Putin a
    "killer"``, ``hailed it as "a positive step"``, ``Biden's words``); they
    are not counted as cues.  Columns: ``term, pattern, source``; default file
    ``data/lexicons/cues_speech_en.csv``.  ``pattern`` is a regular
    expression of surface forms matched case-insensitively between word
    edges, a space matching any run of white space.

    Raises
    ------
    ValueError
        When a column is missing or a pattern does not compile.
    """
    import pandas as pd

    path = Path(path) if path is not None else LEXICON_DIR / DEFAULT_SPEECH_CUES
    words = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in ("term", "pattern", "source") if c not in words.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    for pat in words["pattern"]:
        compile_pattern(pat)
    return words.reset_index(drop=True)


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A lexicon pattern as a case-insensitive regex between word edges (a space matches any white space)."""
    body = pattern.strip().replace(" ", r"\s+")
    return re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", re.IGNORECASE)


#: Letters that a case-insensitive pattern matches beyond ``str.lower`` (long s, Kelvin sign, dotted and
#: dotless i), folded so that a text holding a word in any case holds it in lower case after folding.
_CASE_EXTRA = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0131": "i", "\u0130": "i"})
#: What a pattern may hold for :func:`folded_pattern`: lower-case ASCII letters and digits, white space, the
#: escapes ``\s \w \d \b \-`` and the marks of groups (no flags of their own), alternatives and repeats.
_FOLDABLE = re.compile(r"(?:[a-z0-9 |?*+{},.^$]|\\[swdb\-]|\((?!\?)|\(\?(?::|=|!|<=|<!)|\)|\[\^?|\])*")


def fold_case(text: str) -> str:
    """``text`` in lower case, with the letters of :data:`_CASE_EXTRA` folded too; the length stays the same."""
    return text.lower() if text.isascii() else text.translate(_CASE_EXTRA).lower()


#: :func:`folded_pattern` of the patterns met so far, by identity (hashing a compiled pattern hashes all its code);
#: each entry holds its pattern, so no other pattern takes its id.
_FOLDED: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def folded_pattern(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""A case-sensitive regex that finds in :func:`fold_case` of a text what the case-insensitive ``rx`` finds
    in the text, at the same offsets; None when ``rx`` is not of that kind.

    Case-insensitive matching is several times slower.  The two agree when ``rx`` is case-insensitive and
    Unicode-aware and holds only what :data:`_FOLDABLE` allows: a letter of the pattern matches exactly the
    characters that fold to it, ``\s``, ``\w``, ``\d`` and ``\b`` read a character as they read its folded
    form, and the pattern has no other escape, no range (whose case-insensitive class would reach beyond its
    letters) and no flag of its own.
    """
    known = _FOLDED.get(id(rx))
    if known is not None and known[0] is rx:
        return known[1]
    fast = None
    if rx.flags & re.IGNORECASE and not rx.flags & re.ASCII and _FOLDABLE.fullmatch(rx.pattern):
        fast = re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)
    if len(_FOLDED) >= 64:
        _FOLDED.clear()
    _FOLDED[id(rx)] = (rx, fast)
    return fast


# ---------------------------------------------------------------------------
# Sentences and their attributions.


def is_headline(row: object) -> bool:
    """True for a headline row of a sentences table (``role == "headline"``, else ``paragraph == 0``)."""
    role = getattr(row, "role", None)
    if role is not None:
        return role == "headline"
    paragraph = getattr(row, "paragraph", None)
    return paragraph is not None and int(paragraph) == 0


@dataclass(slots=True)
class _Sentence:
    article_id: str
    sentence_id: str
    start: int
    raw: str
    headline: bool
    _text: str | None = None
    _tokens: list[Token] | None = None
    _starts: list[int] | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = normalise(self.raw)
        return self._text

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.text)
        return self._tokens

    @property
    def starts(self) -> list[int]:
        """The start of each token."""
        if self._starts is None:
            self._starts = [t.start for t in self.tokens]
        return self._starts


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributing cue of a sentence and the speaker named with it.

    Offsets are relative to the sentence.  ``speaker`` is ``""`` (and its
    offsets ``-1``) when the cue names nobody.  ``kind`` is ``"verb"``
    (reporting verb of the lexicon), ``"speech"`` (speech-act verb: *called*,
    *dubbed*), ``"speech_noun"`` (speech-act noun: *Biden's words*, *a
    reporter's question*) or ``"colon"``.
    """

    start: int
    end: int
    verb: str
    kind: str
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    # For a colon: the quotation it introduces or follows (sentence offsets), else None.
    quote: tuple[int, int] | None = field(default=None, compare=False)


def _low(tok: Token) -> str:
    return tok.text.lower()


def _is_wordlike(tok: Token) -> bool:
    return tok.kind != "punct"


def _phrase_ok(toks: Sequence[Token]) -> bool:
    """A phrase names someone when it has a word that is not a determiner or a linking word."""
    return any(_is_wordlike(t) and _low(t) not in _DETERMINERS and _low(t) not in _NP_INNER for t in toks)


def _trim(toks: list[Token]) -> list[Token]:
    """Drop linking words and lower-case adverbs at the edges of a phrase."""
    while toks and ((low := _low(toks[0])) in _NP_INNER or low.endswith("ly") and toks[0].text.islower()):
        toks = toks[1:]
    while toks and ((low := _low(toks[-1])) in _NP_INNER or low in _DETERMINERS or low == "'s"):
        toks = toks[:-1]
    return toks


def _stops_phrase(tok: Token, quoted: set[int], k: int) -> bool:
    if k in quoted or tok.kind == "punct":
        return True
    low = _low(tok)
    if low in _NP_STOP:
        return True
    # A lower-case word in -ed is a verb or participle ("the report released by ..."), not a name.
    return tok.text.islower() and low.endswith("ed") and len(low) > 4


def _phrase_before(tokens: Sequence[Token], i: int, blocked: set[int]) -> list[Token]:
    """The noun phrase that ends at token ``i`` (read right to left), or [].

    A possessive is kept with what it owns ("Biden's remarks", "the
    Kremlin's spokesman"); ``blocked`` tokens (quotations, other cues) end it.
    """
    out: list[Token] = []
    k = i
    while k >= 0 and len(out) < _MAX_PHRASE:
        tok = tokens[k]
        low = _low(tok)
        if low == "'s" and out and k not in blocked:
            owner = _phrase_before(tokens, k - 1, blocked)
            if not owner:
                break
            out = [*owner, tok, *out][-_MAX_PHRASE:]
            break
        if low in _NP_INNER and not out:
            break
        if tok.text == "." and k > 0 and _low(tokens[k - 1]) in _TITLES and out:
            out[:0] = [tokens[k - 1], tok]  # "Mr. Reyes"
            k -= 2
            continue
        if low == "and":
            if not (out and out[0].text[:1].isupper() and k > 0 and tokens[k - 1].text[:1].isupper()):
                break  # "Putin and Biden said" but not "... and officials said"
        elif low not in _NP_INNER and _stops_phrase(tok, blocked, k):
            break
        out.insert(0, tok)
        k -= 1
    return _trim(out)


def _phrase_after(tokens: Sequence[Token], i: int, blocked: set[int]) -> list[Token]:
    """The noun phrase that starts at token ``i`` (read left to right), or []."""
    out: list[Token] = []
    k = i
    while k < len(tokens) and len(out) < _MAX_PHRASE:
        tok = tokens[k]
        low = _low(tok)
        if low in _NP_INNER:
            if not out or low in ("in", "at", "from", "and") or k in blocked:
                break  # "said Peskov in Geneva": the place is not part of the speaker
        elif low != "'s" and _stops_phrase(tok, blocked, k):
            break
        out.append(tok)
        k += 1
    return _trim(out)


def _name_after(tokens: Sequence[Token], i: int, blocked: set[int]) -> list[Token]:
    """The run of capitalised words (after an optional "the") that starts at token ``i``: a headline speaker."""
    out: list[Token] = []
    k = i
    if k < len(tokens) and _low(tokens[k]) == "the":
        out.append(tokens[k])
        k += 1
    while k < len(tokens) and k not in blocked and tokens[k].kind != "punct" and tokens[k].text[:1].isupper():
        out.append(tokens[k])
        k += 1
        if len(out) >= 4:
            break
    return _trim(out)


def _is_passive(tokens: Sequence[Token], first: int) -> bool:
    """True when a form of *be* (or *get*) stands right before the verb at ``first`` (adverbs between)."""
    k = first - 1
    while k >= 0 and tokens[k].text.islower():
        low = _low(tokens[k])
        if not (low.endswith("ly") or low in ("not", "also")):
            break
        k -= 1
    return k >= 0 and _low(tokens[k]) in _BE_FORMS


def _skip_back(tokens: Sequence[Token], i: int, quoted: set[int]) -> int:
    """Index of the last token of the subject before a verb at ``i + 1``, or -1 when there is none.

    Auxiliaries and adverbs between subject and verb are skipped ("has also
    said"), as is a parenthetical adverb between commas ("The diplomat,
    however, hailed").  A comma right before the verb otherwise means the
    verb opens an inverted or participial attribution: no subject before it.
    """
    while i >= 0 and i not in quoted:
        low = _low(tokens[i])
        if low in _BETWEEN_SUBJECT_AND_VERB or (tokens[i].text.islower() and low.endswith("ly") and len(low) > 3):
            i -= 1
            continue
        break
    if i >= 0 and tokens[i].text == ",":
        j = i - 1
        if j >= 0 and _low(tokens[j]) in _PARENTHETICAL:
            j -= 1
            if j >= 0 and tokens[j].text == ",":
                j -= 1
            return j
        # "Peskov, the Kremlin spokesman, said": an appositive between two commas after a name.
        k = j
        while k >= 0 and k >= i - 7 and tokens[k].text != "," and k not in quoted and _is_wordlike(tokens[k]):
            k -= 1
        if k >= 1 and k < j and tokens[k].text == "," and tokens[k - 1].text[:1].isupper() and k - 1 not in quoted:
            return j
        return -1
    if i < 0 or i in quoted or tokens[i].kind == "punct":
        return -1
    return i


def _speaker_of_verb(tokens: Sequence[Token], first: int, last: int, quoted: set[int], verb: str) -> list[Token]:
    """Speaker phrase of a reporting verb spanning tokens ``first..last``."""
    low = verb.lower()
    if low.startswith("according"):
        return _phrase_after(tokens, last + 1, quoted)
    if _is_passive(tokens, first):
        # "was described by officials as ...": the speaker follows "by"; without it nobody is named.
        if last + 1 < len(tokens) and _low(tokens[last + 1]) == "by":
            phrase = _phrase_after(tokens, last + 2, quoted)
            return phrase if _phrase_ok(phrase) else []
        return []
    j = _skip_back(tokens, first - 1, quoted)
    if j >= 0:
        # "who/which" after a comma: the relative clause's antecedent ("Trump, who called ...").
        if _low(tokens[j]) in ("who", "which") and j >= 1:
            k = j - 1
            if k >= 0 and tokens[k].text == ",":
                k -= 1
            if k >= 0:
                phrase = _phrase_before(tokens, k, quoted)
                if _phrase_ok(phrase):
                    return phrase
            return []
        phrase = _phrase_before(tokens, j, quoted)
        if _phrase_ok(phrase):
            return phrase
        return []
    # Nothing before: an inverted attribution ('"...," said Peskov') names the speaker after the verb.
    # A participle is never inverted: what follows it is its object ("a statement calling the vote ...").
    if low.endswith("ing"):
        return []
    phrase = _phrase_after(tokens, last + 1, quoted)
    return phrase if _phrase_ok(phrase) else []


def _speaker_of_speech_word(
    tokens: Sequence[Token], first: int, last: int, quoted: set[int], *, noun: bool = False
) -> list[Token]:
    """Speaker of a speech-act word: its possessor ("Biden's words") or, for a verb, its subject."""
    k = first - 1
    # Skip adjectives between a possessor and the noun ("Biden's affirmative answer").
    steps = 0
    while k >= 0 and steps < 3 and k not in quoted and tokens[k].kind == "word" and tokens[k].text.islower() \
            and _low(tokens[k]) not in _DETERMINERS and _low(tokens[k]) not in _NP_STOP \
            and _low(tokens[k]) not in _NP_INNER and _low(tokens[k]) not in _POSSESSIVE_PRONOUNS \
            and _low(tokens[k]) != "'s":
        k -= 1
        steps += 1
    if k >= 1 and _low(tokens[k]) == "'s":
        return _phrase_before(tokens, k - 1, quoted)
    if k >= 0 and _low(tokens[k]) in _POSSESSIVE_PRONOUNS:
        return [tokens[k]]
    if noun:
        return []  # "in a statement": nobody named
    return _speaker_of_verb(tokens, first, last, quoted, tokens[first].text)


def _is_speech_noun(tokens: Sequence[Token], first: int, quoted: set[int]) -> bool:
    """True when the speech-act word at ``first`` is a noun: after a possessive, determiner or preposition.

    A past or -ing form is a verb ("The opposition slammed", "a statement calling").
    """
    if _low(tokens[first]).endswith(("ed", "ing")):
        return False
    k = first - 1
    steps = 0
    while k >= 0 and steps < 3 and k not in quoted and tokens[k].kind == "word" and tokens[k].text.islower() \
            and _low(tokens[k]) not in _DETERMINERS and _low(tokens[k]) not in _NP_STOP \
            and _low(tokens[k]) not in _NP_INNER and _low(tokens[k]) not in _POSSESSIVE_PRONOUNS \
            and _low(tokens[k]) != "'s":
        k -= 1  # adjectives: "Biden's affirmative answer", "a reporter's question"
        steps += 1
    if k < 0:
        return False
    low = _low(tokens[k])
    if low == "'s" or low in _POSSESSIVE_PRONOUNS or low in _DETERMINERS:
        return True
    return low in _NP_INNER or (low in _NP_STOP and low not in ("who", "which", "that"))


def _speaker_text(sent: _Sentence, phrase: Sequence[Token]) -> tuple[str, int, int]:
    if not phrase:
        return "", -1, -1
    s, e = phrase[0].start, phrase[-1].end
    text = sent.raw[s:e]
    if len(phrase) == 1 and _low(phrase[0]) in _POSSESSIVE_PRONOUNS:
        text = _POSSESSIVE_PRONOUNS[_low(phrase[0])]
    return text, s, e


def _token_range(tokens: Sequence[Token], starts: Sequence[int], s: int, e: int) -> tuple[int, int] | None:
    """Indices of the first and last tokens inside ``[s, e)``, or None."""
    first = bisect.bisect_left(starts, s)
    last = bisect.bisect_left(starts, e) - 1
    if first > last or first >= len(tokens):
        return None
    return first, last


def _speech_matches(
    text: str, quoted: Sequence[tuple[int, int]], speech_res: Sequence[re.Pattern[str]]
) -> list[tuple[int, int]]:
    """Spans of the speech-act words of ``text`` outside the ``quoted`` spans (searched gap by gap)."""
    vis = visible(text)
    found = searches(speech_res, text if vis.where is None else vis.text)
    if vis.where is None:
        gaps, start = [], 0
        for qs, qe in sorted(quoted):
            if qs > start:
                gaps.append((start, qs))
            start = max(start, qe)
        if start < len(text):
            gaps.append((start, len(text)))
        return [m.span() for rx, searched in found for a, b in gaps for m in rx.finditer(searched, a, b)]
    out = []
    for rx, searched in found:
        for m in rx.finditer(searched):
            s, e = vis.span(*m.span())
            if not any(a < e and s < b for a, b in quoted):
                out.append((s, e))
    return out


def searches(patterns: Sequence[re.Pattern[str]], text: str) -> list[tuple[re.Pattern[str], str]]:
    """Each pattern with the text to search, the same matches found faster: its :func:`folded_pattern` on
    :func:`fold_case` of ``text`` where it has one, else the pattern on ``text``."""
    out = []
    folded = None
    for rx in patterns:
        fast = folded_pattern(rx)
        if fast is None:
            out.append((rx, text))
        else:
            folded = fold_case(text) if folded is None else folded
            out.append((fast, folded))
    return out


def first_letter(text: str) -> int:
    """Offset of the first letter of ``text`` (``len(text)`` when it has none)."""
    return next((i for i, ch in enumerate(text) if ch.isalpha()), len(text))


def _colon_before(text: str, s: int, letter_at: int) -> int | None:
    """Offset of a colon right before ``s`` (white space between) with a letter before it, else None.

    ``letter_at`` is :func:`first_letter` of ``text``, so the test reads only
    the characters next to the quotation, whatever the sentence's length.
    """
    i = s
    while i > 0 and (text[i - 1].isspace() or not drop_invisible(text[i - 1])):
        i -= 1
    if i > 0 and text[i - 1] == ":" and letter_at < i - 1:
        return i - 1
    return None


def _colon_after(text: str, e: int) -> int | None:
    """Offset of a colon right after ``e`` (only ``" ,."`` between), else None."""
    j = e
    while j < len(text) and (text[j] in " ,." or not drop_invisible(text[j])):
        j += 1
    return j if text[j : j + 1] == ":" else None


# After a colon that follows a quotation: a short phrase that ends the sentence ('"No": Kremlin spokesman'),
# or a run of capitalised words (the speaker) followed by what comes next ('"Pure fiction": Moscow rejects').
_SHORT_TAIL = re.compile(r"\s*[^\W\d_][\w'\u2019.\-]*(?:\s+[^\W\d_][\w'\u2019.\-]*){0,3}[.!?]*\s*$")
_TAIL_FUNCTION_WORDS = frozenset("from to in on at for of with by as and but or after before over into".split())
_NAME_RUN = re.compile(r"\s*(?:the\s+|The\s+)?(?:[A-Z][\w'\u2019.\-]*\s+){1,4}")


_MAX_TAIL = 120  # characters: a speaker's phrase after a colon is shorter


def _speaker_after_colon(text: str, at: int, cue_starts: Sequence[int] = ()) -> bool:
    """True when the colon at ``at``, which follows a quotation, is followed by its speaker.

    Either a phrase of at most four words without a preposition or
    conjunction ends the sentence after the colon ('"No breakthrough":
    Kremlin spokesman'; not '"Done deal": City land striker from Porto'),
    or a run of one to four capitalised words is followed right away by an
    attributing cue of the sentence, whose sorted offsets (relative to
    ``text``) are ``cue_starts`` ('"Pure fiction": Moscow rejects hacking
    report').  A headline label such as "'DONE DEAL': Rovers smash club
    record ..." names no speaker: the words after its colon are the story,
    not who said it.  Reads at most :data:`_MAX_TAIL` characters.
    """
    if len(text) - at - 1 <= _MAX_TAIL:
        rest = drop_invisible(text[at + 1 :])
        if _SHORT_TAIL.match(rest) and _TAIL_FUNCTION_WORDS.isdisjoint(rest.lower().split()):
            return True
    m = _NAME_RUN.match(text, at + 1, at + 1 + _MAX_TAIL)
    if m is None:
        return False
    k = bisect.bisect_right(cue_starts, at)
    return k < len(cue_starts) and cue_starts[k] <= m.end()


def colon_speaker(
    text: str, s: int, e: int, *, first_letter_at: int | None = None, cue_starts: Sequence[int] = ()
) -> bool:
    """True when a colon introduces the quotation ``text[s:e]`` or follows it with a speaker after it.

    Before the quotation: the last character other than white space (and
    invisible format characters) is a colon with a letter somewhere before
    it.  After it: the first character other than ``" ,."`` (and invisible
    format characters) is a colon, and a speaker follows the colon
    (:func:`_speaker_after_colon`; ``cue_starts`` are the sorted offsets in
    ``text`` of the attributing cues of the sentence).  ``first_letter_at``
    (:func:`first_letter` of ``text``, computed when not given) answers the
    letter test, so each call costs the same however long the sentence and
    however many quotations it holds.
    """
    if first_letter_at is None:
        first_letter_at = first_letter(text)
    if _colon_before(text, s, first_letter_at) is not None:
        return True
    at = _colon_after(text, e)
    return at is not None and _speaker_after_colon(text, at, sorted(cue_starts))


def sentence_attributions(
    sent: _Sentence,
    quoted: Sequence[tuple[int, int]],
    verbs: Sequence[tuple[int, int]],
    speech_res: Sequence[re.Pattern[str]],
    *,
    names: bool = True,
) -> list[Attribution]:
    """Every attribution of one sentence, in text order.

    ``quoted`` are the quotation spans overlapping the sentence and
    ``verbs`` the reporting verbs outside quotations, both as offsets
    relative to the sentence.  A speaker's phrase never runs into a
    quotation or another cue.  With ``names=False`` the cues are found but
    no speaker is read (every ``speaker`` is ``""``).
    """
    text = sent.text
    if not names:
        return _unnamed_attributions(sent, quoted, verbs, speech_res)
    tokens = sent.tokens
    starts = sent.starts
    letter_at = first_letter(text) if quoted else 0  # read only for a quotation
    blocked: set[int] = set()
    for qs, qe in quoted:
        rng = _token_range(tokens, starts, qs, qe)
        if rng is not None:
            blocked.update(range(rng[0], rng[1] + 1))
    # The cues first (reporting verbs, then speech-act words not overlapping them), so that each
    # speaker's phrase can stop at the others.
    cues: list[tuple[int, int, str, tuple[int, int]]] = []
    for vs, ve in sorted(verbs):
        rng = _token_range(tokens, starts, vs, ve)
        if rng is not None:
            cues.append((vs, ve, "verb", rng))
    if speech_res:
        for s, e in _speech_matches(text, quoted, speech_res):
            if any(a < e and s < b for a, b, _, _ in cues):
                continue
            rng = _token_range(tokens, starts, s, e)
            if rng is not None:
                cues.append((s, e, "speech", rng))
    for _, _, _, (first, last) in cues:
        blocked.update(range(first, last + 1))
    cue_starts = sorted(c[0] for c in cues)
    found: list[Attribution] = []
    for s, e, kind, (first, last) in cues:
        surface = sent.raw[s:e]
        if kind == "verb":
            phrase = _speaker_of_verb(tokens, first, last, blocked, surface)
        elif _is_speech_noun(tokens, first, blocked):
            kind = "speech_noun"  # "Biden's words", "in a statement": the speaker is the possessor or nobody
            phrase = _speaker_of_speech_word(tokens, first, last, blocked, noun=True)
        else:
            phrase = _speaker_of_speech_word(tokens, first, last, blocked)
        found.append(Attribution(s, e, surface, kind, *_speaker_text(sent, phrase)))
    for qs, qe in quoted:
        if qs < 0:
            continue  # opened in an earlier sentence
        at = _colon_before(text, qs, letter_at)
        if at is not None:
            k = bisect.bisect_left(starts, at) - 1
            phrase = _phrase_before(tokens, k, blocked) if k >= 0 else []
            found.append(Attribution(at, at + 1, ":", "colon", *_speaker_text(sent, phrase), quote=(qs, qe)))
            continue
        at = _colon_after(text, min(qe, len(text)))
        if at is not None and _speaker_after_colon(text, at, cue_starts):
            k = bisect.bisect_right(starts, at)
            phrase = _name_after(tokens, k, blocked) if k < len(tokens) else []
            found.append(Attribution(at, at + 1, ":", "colon", *_speaker_text(sent, phrase), quote=(qs, qe)))
    found.sort(key=lambda a: (a.start, a.end))
    # A participle after a comma ("..., adding that") speaks for the speaker named before it.
    out: list[Attribution] = []
    last_named: Attribution | None = None
    for a in found:
        if not a.speaker and a.kind == "verb" and a.verb.lower().endswith("ing") and last_named is not None:
            a = Attribution(a.start, a.end, a.verb, a.kind, last_named.speaker, last_named.speaker_start,
                            last_named.speaker_end)
        if a.speaker and a.kind != "colon":
            last_named = a
        out.append(a)
    return out


#: Attributions of sentences already read (:func:`read_attributions`), by article, sentence offset and text,
#: quotations, verbs, speech-act patterns and ``names``.
AttributionMemo = dict[tuple[object, ...], list[Attribution]]


def read_attributions(
    memo: AttributionMemo | None,
    sent: _Sentence,
    quoted: Sequence[tuple[int, int]],
    verbs: Sequence[tuple[int, int]],
    speech_res: Sequence[re.Pattern[str]],
    *,
    names: bool = True,
) -> list[Attribution]:
    """:func:`sentence_attributions`, kept in ``memo`` (when given) for the next reader of the same sentence of
    the same article with the same quotations, verbs and patterns (``sent`` has an ``article_id``), who takes
    them out of it."""
    if memo is None:
        return sentence_attributions(sent, quoted, verbs, speech_res, names=names)
    key = (sent.article_id, sent.start, sent.raw, tuple(quoted), tuple(verbs),
           tuple((rx.pattern, rx.flags) for rx in speech_res), names)
    found = memo.pop(key, None)  # read again once at most: no longer kept
    if found is None:
        found = memo[key] = sentence_attributions(sent, quoted, verbs, speech_res, names=names)
    return list(found)


def _unnamed_attributions(
    sent: _Sentence,
    quoted: Sequence[tuple[int, int]],
    verbs: Sequence[tuple[int, int]],
    speech_res: Sequence[re.Pattern[str]],
) -> list[Attribution]:
    """The cues of :func:`sentence_attributions` without their speakers: no tokens are needed."""
    text, raw = sent.text, sent.raw
    found = [Attribution(s, e, raw[s:e], "verb") for s, e in sorted(verbs)]
    speech: list[tuple[int, int]] | None = None
    cue_starts: list[int] | None = None

    def speech_words() -> list[tuple[int, int]]:
        nonlocal speech
        if speech is None:
            speech = [(s, e) for s, e in _speech_matches(text, quoted, speech_res)
                      if not any(a < e and s < b for a, b in verbs)] if speech_res else []
        return speech

    def starts() -> list[int]:
        nonlocal cue_starts
        if cue_starts is None:
            cue_starts = sorted([v[0] for v in verbs] + [w[0] for w in speech_words()])
        return cue_starts

    if speech_res and not verbs:  # the chooser takes a speech-act word only where no reporting verb stands
        found.extend(Attribution(s, e, raw[s:e], "speech") for s, e in speech_words())
    letter_at = first_letter(text)
    for qs, qe in quoted:
        if qs < 0:
            continue
        at = _colon_before(text, qs, letter_at)
        if at is None:
            at = _colon_after(text, min(qe, len(text)))
            if at is not None and not _speaker_after_colon(text, at, starts()):
                at = None
        if at is not None:
            found.append(Attribution(at, at + 1, ":", "colon", quote=(qs, qe)))
    found.sort(key=lambda a: (a.start, a.end))
    return found


# A preposition of topic right after a speech noun and a short noun phrase up to the quotation: the quotation
# is what the questions or remarks are about, not their words ("questions about the region's 'resilience
# plan'", "remarks over the 'reset'"; not "words about Putin as "outrageous"").
_TOPIC_GAP = re.compile(r"\s+(?:about|over|regarding|concerning)(?:\s+(?!(?:as|to|that|and|but)\b)[\w'\-]+){0,4}\s*",
                        re.IGNORECASE)
# A possessor right before a speech noun (adjectives between): "Peskov's remarks", "his recent comments".
_POSSESSOR_BEFORE = re.compile(r"(?:'s|\b(?:his|her|their|its|our|my))(?:\s+[a-z\-]+){0,2}\s+$", re.IGNORECASE)
# Between a speech-act word and a quotation, a boundary of clauses: the word does not attribute it.
_CLAUSE_BOUNDARY = re.compile(r";|,\s+(?:and|but|or|while|whereas|yet)\b|\s[\u2014\u2013]\s", re.IGNORECASE)


class _Chooser:
    """Picks the attribution of each quotation of one sentence (see the module notes), by binary search.

    ``text`` is the sentence: a speech-act word (not a reporting verb)
    attributes only a quotation of its own clause, so "Chants of his name
    echoed ..., and the new "wonderkid" ..." leaves the quotation without
    a speaker.
    """

    def __init__(self, attributions: Sequence[Attribution], text: str = "") -> None:
        self.text = text
        self.own = {a.quote: a for a in attributions if a.kind == "colon"}
        verbal = [a for a in attributions if a.kind in ("verb", "speech")]
        nouns = [a for a in attributions if a.kind == "speech_noun"]
        # A named speaker of a verb (reporting verb or speech-act verb) first, then of a speech noun
        # ("Biden's words"), then any attribution.
        self.pool = ([a for a in verbal if a.speaker] or [a for a in nouns if a.speaker] or verbal or nouns)
        self.pool_starts = [a.start for a in self.pool]
        self._boundaries: list[int] | None = None  # offsets of the clause boundaries, found on first use
        # For each position of the pool, the nearest reporting verb at or before it / at or after it (-1: none).
        self._verb_before, self._verb_after = [-1] * len(self.pool), [-1] * len(self.pool)
        last = -1
        for i, a in enumerate(self.pool):
            last = i if a.kind not in ("speech", "speech_noun") else last
            self._verb_before[i] = last
        last = -1
        for i in range(len(self.pool) - 1, -1, -1):
            last = i if self.pool[i].kind not in ("speech", "speech_noun") else last
            self._verb_after[i] = last

    def __bool__(self) -> bool:
        return bool(self.own or self.pool)

    def choose(self, qs: int, qe: int) -> Attribution | None:
        own = self.own.get((qs, qe))
        if own is not None:
            return own
        if not self.pool:
            return None
        # Cues lie outside quotations: the nearest is the last one starting before the quotation or the
        # first one starting after it (a speech-act word beyond a clause boundary is passed over).
        k = bisect.bisect_left(self.pool_starts, qs)
        candidates = []
        for i, fallback in ((k - 1, self._verb_before), (k, self._verb_after)):
            if not 0 <= i < len(self.pool):
                continue
            if self._same_clause(self.pool[i], qs, qe):
                candidates.append(self.pool[i])
            elif fallback[i] >= 0:
                # Beyond the boundary only a reporting verb still attributes: the nearest one on this side.
                candidates.append(self.pool[fallback[i]])
        if not candidates:
            return None

        def distance(a: Attribution) -> tuple[int, int]:
            gap = qs - a.end if a.end <= qs else a.start - qe if a.start >= qe else 0
            return (gap, a.start)

        return min(candidates, key=distance)

    def _same_clause(self, a: Attribution, qs: int, qe: int) -> bool:
        if a.kind not in ("speech", "speech_noun") or not self.text:
            return True
        if a.end <= qs and _TOPIC_GAP.fullmatch(self.text, a.end, qs) and not a.verb.lower().endswith(("ed", "ing")) \
                and not _POSSESSOR_BEFORE.search(self.text, max(0, a.start - 40), a.start):
            return False  # "fresh questions about the region's 'resilience plan'": the topic, not the words
        if self._boundaries is None:
            self._boundaries = [m.start() for m in _CLAUSE_BOUNDARY.finditer(self.text)]
        lo, hi = (a.end, qs) if a.end <= qs else (qe, a.start)
        j = bisect.bisect_left(self._boundaries, lo)
        return not (j < len(self._boundaries) and self._boundaries[j] < hi)


# ---------------------------------------------------------------------------
# The public function.


def first_containing(starts: Sequence[int], ends: Sequence[int], points: Sequence[int]) -> list[int | None]:
    """For each point, the position of the first interval (in the given order) that holds it.

    Intervals are ``[starts[i], ends[i])``; ``points`` must be sorted.  The
    same as ``next((i for i in range(n) if starts[i] <= p < ends[i]), None)``
    for every point ``p``, by one sweep: intervals enter a heap keyed by
    their position once they start at or before ``p`` and leave it once they
    end at or before ``p``.  Costs ``O((n + k) log n)`` for ``n`` intervals
    and ``k`` points instead of ``n x k``.
    """
    order = sorted(range(len(starts)), key=lambda i: starts[i])
    active: list[tuple[int, int]] = []  # (position, end offset)
    out: list[int | None] = []
    nxt = 0
    for p in points:
        while nxt < len(order) and starts[order[nxt]] <= p:
            i = order[nxt]
            heapq.heappush(active, (i, ends[i]))
            nxt += 1
        while active and active[0][1] <= p:  # points only grow: an interval that ended stays ended
            heapq.heappop(active)
        out.append(active[0][0] if active else None)
    return out


class _Article:
    """The quotations of one article and the attributions of its sentences, read once each."""

    def __init__(
        self,
        article_id: str,
        sentences: Sequence[_Sentence],
        quotes: SpanIndex,
        verbs: Iterable[tuple[int, int]],
        speech_res: Sequence[re.Pattern[str]],
        *,
        names: bool = True,
        max_words: int | None = None,
        memo: AttributionMemo | None = None,
    ) -> None:
        self.names = names
        self.max_words = max_words
        self.memo = memo
        self.article_id = article_id
        self.sentences = sentences
        self.quotes = quotes
        self.verbs = sorted(verbs)
        self.verb_starts = [v[0] for v in self.verbs]
        self.speech_res = speech_res
        self._cache: dict[tuple[int, bool], tuple[list[Attribution], _Chooser]] = {}

    def attributions(self, i: int, *, names: bool | None = None) -> tuple[list[Attribution], _Chooser]:
        """The attributions of sentence ``i`` and the chooser over them (computed on first use)."""
        names = self.names if names is None else names
        if (i, names) not in self._cache:
            s = self.sentences[i]
            local_q = [(q.start - s.start, q.end - s.start) for q in self.quotes.overlapping(s.start, s.end)]
            lo, hi = bisect.bisect_left(self.verb_starts, s.start), bisect.bisect_left(self.verb_starts, s.end)
            local_v = [(a - s.start, b - s.start) for a, b in self.verbs[lo:hi] if b <= s.end]
            found = read_attributions(self.memo, s, local_q, local_v, self.speech_res, names=names)
            self._cache[(i, names)] = (found, _Chooser(found, s.text))
        return self._cache[(i, names)]

    @staticmethod
    def _own_label(sent: _Sentence, rel_start: int) -> bool:
        return bool(_OWN_LABEL_BEFORE.search(sent.text[max(0, rel_start - 24) : max(rel_start, 0)]))

    def rows(self) -> Iterable[dict[str, object]]:
        sents = self.sentences
        starts, ends = [x.start for x in sents], [x.end for x in sents]
        where = first_containing(starts, ends, self.quotes.starts)
        # The sentence holding each closing mark (points sorted for the sweep, then put back in order).
        last_chars = [max(span.start, span.end - 1) for span in self.quotes.spans]
        order = sorted(range(len(last_chars)), key=last_chars.__getitem__)
        closing: list[int | None] = [None] * len(last_chars)
        for k, at_end in zip(order, first_containing(starts, ends, [last_chars[k] for k in order])):
            closing[k] = at_end
        for span, at, at_end in zip(self.quotes.spans, where, closing):
            row: dict[str, object] = {
                "article_id": self.article_id, "sentence_id": "",
                "start": span.start, "end": span.end, "text": "", "speaker": "", "verb": "", "found_in": NOT_FOUND,
            }
            if at is None:
                yield row
                continue
            sent = sents[at]
            if self.max_words is not None:
                inside = sent.text[span.start - sent.start : span.end - sent.start]
                if len(QUOTE_WORD_RE.findall(drop_invisible(inside))) > self.max_words:
                    continue
            row["sentence_id"] = sent.sentence_id
            row["text"] = sent.raw[span.start - sent.start : span.end - sent.start]
            best = self.attributions(at)[1].choose(span.start - sent.start, span.end - sent.start)
            if best is None and at_end is not None and at_end > at:
                # A quotation over several sentences is usually attributed after its closing mark.
                last = sents[at_end]
                best = self.attributions(at_end)[1].choose(span.start - last.start, span.end - last.start)
            if best is not None:
                row.update(speaker=best.speaker, verb=best.verb, found_in=SAME_SENTENCE)
            elif at > 0 and not sents[at - 1].headline and not sent.headline \
                    and not self._own_label(sent, span.start - sent.start):
                # A verb names the speaker; a speech noun ("the government's promise to ...") does not
                # introduce the next sentence's quotation.
                named = [a for a in self.attributions(at - 1, names=True)[0]
                         if a.speaker and a.kind in ("verb", "speech")]
                if named:
                    row.update(speaker=named[-1].speaker, verb=named[-1].verb, found_in=PREVIOUS_SENTENCE)
            yield row


def headline_flags(sentences: pd.DataFrame) -> list[bool]:
    """Which rows of a sentences table are headlines, as :func:`quote_speakers` reads them: ``role ==
    "headline"``, else (without ``role``) ``paragraph == 0``, else none."""
    if "role" in sentences.columns:
        return [r == "headline" for r in sentences["role"].tolist()]
    if "paragraph" in sentences.columns:
        return [int(p) == 0 for p in sentences["paragraph"].tolist()]
    return [False] * len(sentences)


def article_speakers(
    article_id: str,
    sentences: Sequence[_Sentence],
    quotes: SpanIndex,
    verbs: Iterable[tuple[int, int]],
    speech_res: Sequence[re.Pattern[str]],
    *,
    names: bool = True,
    max_words: int | None = None,
    memo: AttributionMemo | None = None,
) -> Iterable[dict[str, object]]:
    """The rows of :func:`quote_speakers` for the quotation spans ``quotes`` of one article (``text`` left "").

    ``sentences`` are the article's sentences in text order (``article_id, sentence_id, start, end, raw,
    headline`` and the ``text``, ``tokens`` and ``starts`` that :func:`sentence_attributions` reads), ``verbs`` its
    reporting verbs outside quotations (raw offsets) and ``speech_res`` the speech-act patterns; ``memo`` as
    for :func:`read_attributions`.
    """
    return _Article(article_id, sentences, quotes, verbs, speech_res, names=names, max_words=max_words,
                    memo=memo).rows()


def quote_speakers(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    verbs: pd.DataFrame | None = None,
    speech_cues: pd.DataFrame | None = None,
    names: bool = True,
    max_words: int | None = None,
) -> pd.DataFrame:
    """Who the outlet says speaks each quotation.

    Parameters
    ----------
    sentences : pandas.DataFrame
        One row per sentence with ``article_id, sentence_id, start, text``
        (``start`` = offset of the sentence in the raw article text, ``text``
        = the raw slice).  An optional ``role`` column (or, failing that,
        ``paragraph`` = 0) marks headlines.
    quotes : pandas.DataFrame
        Quotation spans with ``article_id, start, end`` (raw offsets, marks
        included), as from :func:`framing.load.corpus.load_corpus`.
    verbs : pandas.DataFrame, optional
        The reporting verbs outside quotations: ``article_id, start, end``
        (raw offsets).  Default: the authorial attribution cues of
        :func:`framing.measures.cues.find_cues` on the same tables.
    speech_cues : pandas.DataFrame, optional
        Speech-act words (:func:`load_speech_cues`); default the project list.
    names : bool
        ``True`` (default): read each speaker's phrase.  ``False``: only
        decide *whether* and *where* each quotation is attributed (the cue
        finder's scare-quote rule needs no more): ``found_in`` is the same,
        ``speaker`` is ``""`` for same-sentence attributions, and ``verb``
        is the nearest attributing word whether or not it names a speaker.
    max_words : int, optional
        Give rows only to quotations of at most this many words (words as
        :data:`QUOTE_WORD_RE` counts them in the part of the quotation inside
        its sentence), e.g. 4 for the candidates of a scare quote.  Longer
        quotations still mask their words from the search for cues.  Default:
        every quotation.

    Returns
    -------
    pandas.DataFrame
        One row per quotation span, sorted by ``article_id, start``, with
        :data:`QUOTE_SPEAKER_COLUMNS`: ``article_id``, ``sentence_id`` (the
        sentence holding the opening mark; ``""`` when no sentence does),
        ``start, end, text`` (raw offsets, marks included; ``text`` from the
        quotes table, or the part inside its sentence when the table has no
        ``text`` column),
        ``speaker`` (the speaker's phrase as written, ``""`` when none is
        named), ``verb`` (the attributing word as written: a reporting verb,
        a speech-act word or ``":"``; ``""`` when none) and ``found_in``
        (``"same_sentence"``, ``"previous_sentence"`` or ``"none"``).

    Notes
    -----
    See the module notes for how speakers are read and which attribution a
    quotation gets.  ``found_in = "same_sentence"`` may come with
    ``speaker = ""`` (an agentless passive attributes without naming);
    ``"previous_sentence"`` always names a speaker.
    """
    import pandas as pd

    if verbs is None:
        from framing.measures.cues import find_cues

        table = sentences if "outlet" in sentences.columns else sentences.assign(outlet="")
        found = find_cues(table, quotes)
        verbs = found[(found["category"] == "attribution") & (found["voice"] == "authorial")]
    speech = load_speech_cues() if speech_cues is None else speech_cues
    # One pass per sentence: the speech-act patterns as alternatives of one expression.
    speech_res = [compile_pattern("|".join(f"(?:{p.strip()})" for p in speech["pattern"]))] if len(speech) else []

    # Plain lists, not row tuples: this runs over every sentence of a corpus.
    quotes_by_article: dict[str, list[tuple[int, int]]] = {}
    quote_text: dict[tuple[str, int, int], str] = {}
    has_text = "text" in quotes.columns
    texts = quotes["text"].tolist() if has_text else [""] * len(quotes)
    for art, start, end, text in zip(quotes["article_id"].tolist(), quotes["start"].tolist(), quotes["end"].tolist(),
                                     texts):
        key = (str(art), int(start), int(end))
        quotes_by_article.setdefault(key[0], []).append(key[1:])
        if has_text:
            quote_text[key] = str(text)
    headlines = headline_flags(sentences)
    by_article: dict[str, list[_Sentence]] = {}
    for art, sid, start, text, headline in zip(sentences["article_id"].tolist(), sentences["sentence_id"].tolist(),
                                               sentences["start"].tolist(), sentences["text"].tolist(), headlines):
        art = str(art)
        if art in quotes_by_article:
            by_article.setdefault(art, []).append(_Sentence(art, str(sid), int(start), str(text), headline))
    verbs_by_article: dict[str, list[tuple[int, int]]] = {}
    for art, start, end in zip(verbs["article_id"].tolist(), verbs["start"].tolist(), verbs["end"].tolist()):
        verbs_by_article.setdefault(str(art), []).append((int(start), int(end)))

    rows: list[dict[str, object]] = []
    for art in sorted(quotes_by_article):
        sents = sorted(by_article.get(art, []), key=lambda x: x.start)
        for row in article_speakers(art, sents, SpanIndex(quotes_by_article[art]), verbs_by_article.get(art, []),
                                    speech_res, names=names, max_words=max_words):
            if has_text:
                row["text"] = quote_text.get((art, int(row["start"]), int(row["end"])), "")
            rows.append(row)

    out = pd.DataFrame(rows, columns=list(QUOTE_SPEAKER_COLUMNS))
    out = out.astype({"article_id": str, "sentence_id": str, "start": "int64", "end": "int64", "text": str,
                      "speaker": str, "verb": str, "found_in": str})
    return out.sort_values(["article_id", "start", "end"], kind="mergesort").reset_index(drop=True)
