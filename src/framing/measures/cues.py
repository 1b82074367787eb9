"""Hedging, boosting, distancing, attribution and scare quotes.

A *cue* is a word or phrase by which a writer signals how strongly they stand
behind a statement (Hyland 1998, 2005 metadiscourse) or whose words they are
reporting (Wikipedia MOS:WTW and WP:SAY).  Five categories are found:

``hedge``
    withholds full commitment: epistemic *may/might/could*, *perhaps*,
    *likely*, *appear to*, *reportedly*, approximators before a quantity ...
``booster``
    expresses certainty: *clearly*, *indeed*, *in fact*, *of course* ...
``distancing``
    puts the outlet at a distance from a label: *alleged*, *so-called* ...
``attribution``
    reporting verbs, sub-classified by what the verb implies about the
    reported claim (WP:SAY): ``neutral`` (*said*, *according to*),
    ``endorsing`` (*noted*, *pointed out*), ``doubting`` (*claimed*,
    *insisted*) and ``concession`` (*admitted*, *denied*).
``scare_quote``
    a short quotation (1-4 words) that nobody in its sentence is said to have
    spoken and whose words are not taken from an attributed quotation of the
    same article: the outlet's own quotation marks.

The word lists are data (``data/lexicons/cues_en.csv``), each entry with a
source note.  A lexicon entry is a regular expression of surface forms plus an
optional *context rule*, because bare word lists over-count badly in news
text.  The rules (column ``condition``; several are joined by ``;``):

``epistemic_modal``
    *may/might/could* must be followed by a verb-like word.  *could not* and
    *could never* (ability: "he could not attend") are not hedges.  *may not*
    is ambiguous between permission ("visitors may not enter") and epistemic
    possibility ("the summit may not produce a breakthrough"); in news the
    epistemic reading dominates, so *may not* **is** counted.  *would* and
    *cannot* are not in the lexicon at all: reported future ("said he would
    attend") and inability are not hedges.  The noun *might* ("its military
    might") is excluded.
``not_month``
    a capitalised *May* is the month (or the surname) when a day or year
    follows, when a time preposition precedes ("in", "late", "since" ...),
    or when it stands capitalised inside a body sentence.  Only in headlines
    (title case) and at the start of a sentence is a capitalised *May* read
    as the modal.
``before_quantity``
    approximators (*about, around, roughly, approximately, some, nearly,
    almost*) count only when a number, a number word ("two", "dozen",
    "half", "two-thirds") or "a dozen/a third ..." follows.
``not_talk_about``
    *about* after a verb or noun that governs it ("talked about", "asked
    about") is a preposition, not an approximator.
``adjective_use`` / ``verb_use``
    *alleged*, *purported*, *supposed* are distancing as adjectives ("for
    alleged interference") and doubting reporting verbs otherwise
    ("prosecutors alleged that ...").  *noted*, *stated*, *confirmed* ...
    count as reporting verbs only when they are not adjectives ("300
    confirmed cases").  A participle is taken as an adjective when a
    determiner, possessive, number or preposition precedes it, or when "and"
    precedes it and a lower-case word follows; it is a verb when "that",
    "to", "by" or punctuation follows.
``verb_not_noun``
    *claim(s)*, *note(s)*, *stress(es)*, *say* count only as verbs: not after a
    determiner, possessive, preposition or evaluative adjective ("the
    claims", "unfounded claims", "have a say"), not sentence-initial with a
    capital ("Claims that ..."), and not before "of/by/about/were ...".
``speech_context``
    *added*, *concluded*, *maintained* count only before "that", before
    punctuation or the end of the sentence, or before "in a statement" /
    "on Telegram"-type adjuncts (", he added." but not "added 20 firms";
    "the talks concluded on Friday" is not counted either).
``not_passive``
    *admitted*, *denied*, *acknowledged* after a form of *be* are passives
    ("was admitted to hospital", "was denied entry").
``that_follows``
    *state(s)* counts only in "states that".
``clause_follows``
    *showed* counts only before a clause ("showed that/he/there ...").
``describe_as``
    *describe* counts only when "as" follows within 12 tokens.
``epistemic_assume``
    *assume* counts after a personal pronoun ("I assume") or before "that",
    not in "assumed office".
``not_proposal``
    *suggested* followed by a gerund is a proposal ("suggested holding
    talks"), not a hedge.
``not_lives``
    "claimed 20 lives" is not a reporting verb.
``discourse_marker``
    "a change of course" is not the booster *of course*.

Voice: a cue that lies wholly inside a quotation span is ``"quoted"`` (the
speaker's hedge), otherwise ``"authorial"`` (the outlet's own).

References
----------
Hyland, K. (1998). *Hedging in scientific research articles*. Benjamins.
Hyland, K. (2005). *Metadiscourse: Exploring interaction in writing*.
Continuum.  Wikipedia Manual of Style, "Words to watch" (MOS:WTW, WP:SAY).
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from framing.core.paths import LEXICON_DIR
from framing.core.vocabulary import ATTRIBUTION_GROUPS as SUBCATEGORIES
from framing.core.vocabulary import CATEGORIES, CUE_COLUMNS
from framing.core.vocabulary import RATE_VOICES as VOICES
from framing.load.text import Span, SpanIndex, Token, drop_invisible, normalise, tokenize, visible

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

LEXICON_COLUMNS = ("term", "pattern", "category", "subcategory", "condition", "source")
DEFAULT_LEXICON = "cues_en.csv"
DEFAULT_SPEECH_CUES = "cues_speech_en.csv"

HeadlineQuotes = Literal["partial", "strict", "ignore"]
ByColumn = Literal["outlet", "article_id", "category", "subcategory", "term", "voice"]

# ---------------------------------------------------------------------------
# Closed word classes used by the context rules (constants, never mutated).

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "half twice a-third a-quarter".split()
)
_FRACTION_WORDS = frozenset(
    "dozen hundred thousand million billion trillion third quarter half fifth tenth couple score".split()
)
_CURRENCY = frozenset("$ € £ ¥ ₽".split())
# Words that govern "about" as a preposition ("talked about", "asked about").
_ABOUT_GOVERNORS = frozenset(
    "talk talks talked talking speak speaks spoke speaking spoken think thinks thought thinking "
    "know knows knew known worry worries worried care cares cared ask asks asked asking hear "
    "hears heard learn learned learnt read write writes wrote written complain complained joke "
    "joked argue argued forget forgot remind reminded concern concerns concerned question "
    "questions doubts doubt news information story something nothing anything everything all "
    "say says said saying tell told bring brought come came go went how what agree agreed "
    "warn warned feel felt debate debated".split()
)
_MONTH_PREV = frozenset(
    "in late early mid since until till by last next this of from through during between "
    "before after throughout".split()
)
# Determiners, possessives, quantifiers and prepositions: after these a
# participle is an adjective and claim/note/stress are nouns.
_ATTRIBUTIVE_PREV = frozenset(
    "the a an this that these those his her its their our my your such any no every each some "
    "many several both another other of for over about against with without from in on at into "
    "amid after before despite following including under among between than like via per "
    "whose".split()
)
_NOUN_MODIFIERS = frozenset(
    "new false unfounded baseless unsubstantiated latest earlier previous similar repeated "
    "widespread rival competing conflicting dubious such bold".split()
)
_NOUN_NEXT = frozenset("of by about were was are is have has had".split())
_CONJUNCTIONS = frozenset("and or but nor".split())
_CLAUSE_STARTERS = frozenset("that he she it they we i you there how what why whether who this these those no".split())
_SUBJECT_PRONOUNS = frozenset("i we you they one".split())
_BE_FORMS = frozenset("was were been being be is are am get gets got getting".split())
_NOT_VERB_AFTER_MODAL = frozenset("of and or but as than to".split())
_NOUN_MIGHT_PREV = frozenset("its his her their our my your 's the full military economic naval".split())
_COURSE_NOUNS = frozenset("change changes changed reversal shift off".split())
_LIVES = frozenset("lives victims".split())
_SPEECH_ADJUNCT_HEADS = frozenset("in on during at".split())
_SPEECH_ADJUNCT_NEXT = frozenset("a an the his her their its twitter telegram".split())
# Function words ignored when comparing the words of a scare-quote candidate
# with the words of attributed quotations.
_QUOTE_STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been it its this that these those "
    "he she they we i you his her their our my your 's".split()
)
_QUOTE_MARKS = frozenset("\"'")
_WORD_RE = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


# ---------------------------------------------------------------------------
# Lexicon loading.


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Load a cue lexicon.

    Parameters
    ----------
    path : str or Path, optional
        CSV file with the columns ``term, pattern, category, subcategory,
        condition, source``.  Defaults to ``data/lexicons/cues_en.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per lexicon entry, in file order, with the columns above (empty
        cells as ``""``).  ``pattern`` is a regular expression of surface
        forms, matched case-insensitively between word edges; a space in it
        matches any run of white space.  ``condition`` names the context
        rules (see the module notes), joined by ``;``.

    Raises
    ------
    ValueError
        When a column is missing, a category, subcategory or condition is
        unknown, or a pattern does not compile.
    """
    import pandas as pd

    path = Path(path) if path is not None else LEXICON_DIR / DEFAULT_LEXICON
    lex = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in LEXICON_COLUMNS if c not in lex.columns]
    if missing:
        raise ValueError(f"{path}: missing lexicon columns {missing}")
    lex = lex.apply(lambda col: col.str.strip())
    bad = sorted(set(lex["category"]) - set(CATEGORIES[:-1]))
    if bad:
        raise ValueError(f"{path}: unknown categories {bad}")
    is_attr = lex["category"] == "attribution"
    bad_sub = lex.loc[is_attr & ~lex["subcategory"].isin(SUBCATEGORIES), "term"].tolist()
    bad_sub += lex.loc[~is_attr & (lex["subcategory"] != ""), "term"].tolist()
    if bad_sub:
        raise ValueError(f"{path}: bad subcategory for {sorted(set(bad_sub))}")
    for cond in lex["condition"]:
        unknown = [c for c in _split_conditions(cond) if c not in _CONDITIONS]
        if unknown:
            raise ValueError(f"{path}: unknown conditions {unknown}")
    for pat in lex["pattern"]:
        _compile(pat)
    return lex.reset_index(drop=True)


def load_speech_cues(path: str | Path | None = None) -> pd.DataFrame:
    """Load the speech-act words that attribute a quotation to a speaker.

    These are used only to decide whether a short quotation is attributed
    (``called Putin a "killer"``, ``hailed it as "a positive step"``); they are
    not counted as cues.  Columns: ``term, pattern, source``; default file
    ``data/lexicons/cues_speech_en.csv``.
    """
    import pandas as pd

    path = Path(path) if path is not None else LEXICON_DIR / DEFAULT_SPEECH_CUES
    words = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in ("term", "pattern", "source") if c not in words.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    for pat in words["pattern"]:
        _compile(pat)
    return words.reset_index(drop=True)


def _split_conditions(cond: str) -> list[str]:
    return [c.strip() for c in cond.split(";") if c.strip()]


def _compile(pattern: str) -> re.Pattern[str]:
    body = pattern.strip().replace(" ", r"\s+")
    return re.compile(r"(?<![\w\-])(?:" + body + r")(?![\w\-])", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Context of one match and the context rules.


@dataclass(frozen=True)
class _Context:
    """What a context rule may look at: the match and the tokens around it."""

    surface: str
    before: Sequence[Token]  # tokens before the match, in text order
    after: Sequence[Token]  # tokens after the match, in text order
    headline: bool

    def prev_words(self) -> Iterator[Token]:
        """Word-like tokens before the match, nearest first (quote marks skipped), read lazily."""
        return (t for t in reversed(self.before) if t.kind != "punct")

    def prev_word(self) -> Token | None:
        return next(self.prev_words(), None)

    def next_token(self, skip_quotes: bool = True) -> Token | None:
        """First token after the match (quotation marks skipped)."""
        for t in self.after:
            if skip_quotes and t.text in _QUOTE_MARKS:
                continue
            return t
        return None

    def next_tokens(self) -> Iterator[Token]:
        """Tokens after the match, nearest first (quote marks skipped), read lazily."""
        return (t for t in self.after if t.text not in _QUOTE_MARKS)


class _TokenRun(Sequence[Token]):
    """``tokens[lo:hi]`` without copying it.

    The context rules read a few tokens next to a match; a copy of everything
    before and after each match would cost the length of the sentence per
    match, which grows with the square of the sentence on a long one.
    """

    __slots__ = ("_tokens", "_range")

    def __init__(self, tokens: Sequence[Token], lo: int, hi: int) -> None:
        self._tokens = tokens
        self._range = range(lo, hi)

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self._tokens[k] for k in self._range[i])
        return self._tokens[self._range[i]]


def _low(tok: Token | None) -> str:
    return tok.text.lower() if tok is not None else ""


def _cond_before_quantity(ctx: _Context) -> bool:
    toks = list(itertools.islice((t for t in ctx.next_tokens() if t.text not in _CURRENCY), 2))
    if not toks:
        return False
    first = toks[0]
    if first.kind == "number":
        return True
    word = first.text.lower()
    if word.split("-")[0] in _NUMBER_WORDS:
        return True
    return word in ("a", "an") and len(toks) > 1 and toks[1].text.lower() in _FRACTION_WORDS


def _cond_not_talk_about(ctx: _Context) -> bool:
    return _low(ctx.prev_word()) not in _ABOUT_GOVERNORS


def _cond_epistemic_modal(ctx: _Context) -> bool:
    nxt = ctx.next_token()
    if nxt is None or nxt.kind != "word":
        return False
    word = nxt.text.lower()
    if word in _NOT_VERB_AFTER_MODAL:
        return False
    if not ctx.headline and not nxt.text[0].islower():
        return False  # "May Day", "Might Club": not a modal + verb
    if ctx.surface.lower() == "could" and word in ("not", "never"):
        return False  # ability: "could not attend"
    return _low(ctx.prev_word()) not in _NOUN_MIGHT_PREV  # "its military might"


def _cond_not_month(ctx: _Context) -> bool:
    if not ctx.surface[:1].isupper():
        return True
    nxt = list(itertools.islice(ctx.next_tokens(), 2))
    if nxt and nxt[0].kind == "number":
        return False  # "May 5", "May 2021"
    if len(nxt) > 1 and nxt[0].text == "," and nxt[1].kind == "number":
        return False  # "May, 2021"
    prev = ctx.prev_word()
    if prev is not None and prev.text.lower() in _MONTH_PREV:
        return False  # "in May", "late May"
    if ctx.headline or prev is None:
        return True  # title-case headline or sentence-initial modal
    return False  # capitalised inside a body sentence: the month or a surname


def _is_attributive(ctx: _Context) -> bool:
    """True when a participle such as *alleged* is used as an adjective."""
    nxt = ctx.next_token(skip_quotes=False)
    if nxt is None or nxt.kind == "punct":
        return False
    word = nxt.text.lower()
    if word in ("that", "to", "by"):
        return False
    prev = ctx.prev_word()
    if prev is None:
        return True  # "Alleged hackers ..."
    p = prev.text.lower()
    if prev.kind == "number" or p == "'s" or p in _ATTRIBUTIVE_PREV:
        return True
    if p in _CONJUNCTIONS:
        return nxt.kind == "word" and nxt.text[0].islower() and word not in _CLAUSE_STARTERS
    return False


def _cond_adjective_use(ctx: _Context) -> bool:
    return _is_attributive(ctx)


def _cond_verb_use(ctx: _Context) -> bool:
    return not _is_attributive(ctx)


def _cond_verb_not_noun(ctx: _Context) -> bool:
    nxt = ctx.next_token()
    if nxt is not None and nxt.text.lower() in _NOUN_NEXT:
        return False
    prev = ctx.prev_word()
    if prev is None:
        return not ctx.surface[:1].isupper() or ctx.headline
    p = prev.text.lower()
    return not (prev.kind == "number" or p == "'s" or p in _ATTRIBUTIVE_PREV or p in _NOUN_MODIFIERS)


def _cond_speech_context(ctx: _Context) -> bool:
    toks = ctx.after
    if not toks or toks[0].kind == "punct":
        return True
    word = toks[0].text.lower()
    if word == "that":
        return True
    return word in _SPEECH_ADJUNCT_HEADS and len(toks) > 1 and toks[1].text.lower() in _SPEECH_ADJUNCT_NEXT


def _cond_not_passive(ctx: _Context) -> bool:
    for tok in ctx.prev_words():
        word = tok.text.lower()
        if word.endswith("ly") or word == "not":
            continue  # "was widely acknowledged", "was not admitted"
        return word not in _BE_FORMS
    return True


def _cond_that_follows(ctx: _Context) -> bool:
    return _low(ctx.next_token()) == "that"


def _cond_clause_follows(ctx: _Context) -> bool:
    return _low(ctx.next_token()) in _CLAUSE_STARTERS


def _cond_describe_as(ctx: _Context) -> bool:
    return any(t.text.lower() == "as" for t in ctx.after[:12])


def _cond_epistemic_assume(ctx: _Context) -> bool:
    return _low(ctx.prev_word()) in _SUBJECT_PRONOUNS or _low(ctx.next_token()) == "that"


def _cond_not_proposal(ctx: _Context) -> bool:
    nxt = ctx.next_token()
    return not (nxt is not None and nxt.kind == "word" and nxt.text.lower().endswith("ing"))


def _cond_not_lives(ctx: _Context) -> bool:
    words = [t.text.lower() for t in itertools.islice((t for t in ctx.next_tokens() if t.kind != "punct"), 3)]
    return not any(w in _LIVES for w in words)


def _cond_discourse_marker(ctx: _Context) -> bool:
    return _low(ctx.prev_word()) not in _COURSE_NOUNS


_CONDITIONS: dict[str, Callable[[_Context], bool]] = {
    "before_quantity": _cond_before_quantity,
    "not_talk_about": _cond_not_talk_about,
    "epistemic_modal": _cond_epistemic_modal,
    "not_month": _cond_not_month,
    "adjective_use": _cond_adjective_use,
    "verb_use": _cond_verb_use,
    "verb_not_noun": _cond_verb_not_noun,
    "speech_context": _cond_speech_context,
    "not_passive": _cond_not_passive,
    "that_follows": _cond_that_follows,
    "clause_follows": _cond_clause_follows,
    "describe_as": _cond_describe_as,
    "epistemic_assume": _cond_epistemic_assume,
    "not_proposal": _cond_not_proposal,
    "not_lives": _cond_not_lives,
    "discourse_marker": _cond_discourse_marker,
}


# ---------------------------------------------------------------------------
# Matching.


@dataclass(frozen=True)
class _Entry:
    order: int
    term: str
    regex: re.Pattern[str]
    category: str
    subcategory: str
    conditions: tuple[Callable[[_Context], bool], ...]
    # Lower-case strings one of which every match begins with, or None when
    # the pattern gives no such guarantee (see _literal_prefixes).
    prefixes: tuple[str, ...] | None = None


def _entries(lexicon: pd.DataFrame) -> list[_Entry]:
    out = []
    for i, row in enumerate(lexicon.itertuples(index=False)):
        conds = tuple(_CONDITIONS[c] for c in _split_conditions(row.condition))
        out.append(
            _Entry(
                i,
                row.term,
                _compile(row.pattern),
                row.category,
                row.subcategory,
                conds,
                _literal_prefixes(row.pattern),
            )
        )
    return out


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """Split ``pattern`` at its top-level ``|``.

    None when the pattern has a character class or an escape (a ``(`` or
    ``|`` in them would be literal) or unbalanced parentheses.
    """
    if "[" in pattern or "\\" in pattern:
        return None
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    if depth != 0:
        return None
    parts.append(pattern[start:])
    return parts


_PLAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal beginnings, one of which starts every match of a lexicon ``pattern``.

    Each top-level alternative contributes its leading run of ASCII letters
    and digits, less the last one when a quantifier follows it
    (``appear(?:s|ed)?`` gives ``"appear"``, ``says?`` gives ``"say"``).  None
    when some alternative does not begin with such a letter or digit
    (``(?:is|are) ...``): that entry is always searched in full.
    """
    alternatives = _top_level_alternatives(pattern.strip())
    if alternatives is None:
        return None
    out = []
    for alt in alternatives:
        n = 0
        while n < len(alt) and alt[n] in _PLAIN_CHARS:
            n += 1
        if alt[n : n + 1] in ("?", "*", "+", "{"):
            n -= 1
        if n <= 0:
            return None
        out.append(alt[:n].lower())
    return tuple(sorted(set(out)))


# Characters outside ASCII that a case-insensitive regex matches to an ASCII
# letter (dotted and dotless I, long s, Kelvin sign); a sentence containing one
# of them is searched with every lexicon entry.  tests/test_cues.py checks this
# set against the re module.
_ASCII_CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")


def _all_prefixes(entries: Sequence[_Entry]) -> tuple[str, ...]:
    return tuple(sorted({p for e in entries for p in (e.prefixes or ())}))


def _candidates(text: str, entries: Sequence[_Entry], prefixes: Sequence[str]) -> Sequence[_Entry]:
    """The entries that can match ``text``: a cheap test that never drops an entry that matches.

    A match of an entry with literal prefixes begins with one of them, case
    aside; with no case twin in the text that beginning is a substring of
    ``text.lower()``.  ``prefixes`` holds every entry's prefixes
    (:func:`_all_prefixes`).
    """
    if not _ASCII_CASE_TWINS.isdisjoint(text):
        return entries
    low = text.lower()
    present = {p for p in prefixes if p in low}
    return [e for e in entries if e.prefixes is None or not present.isdisjoint(e.prefixes)]


def _match_sentence(
    text: str, entries: Sequence[_Entry], *, headline: bool, prefixes: Sequence[str] | None = None
) -> list[tuple[int, int, _Entry]]:
    """All lexicon matches in one normalised sentence that pass their rules.

    Overlapping matches are resolved by keeping the earliest, then the
    longest, then the first lexicon entry.  ``prefixes`` (optional, for speed)
    is :func:`_all_prefixes` of ``entries``.  Matching and the context rules
    read the text without its invisible format characters
    (:func:`framing.load.text.visible`); the spans returned are offsets in ``text``.
    """
    vis = visible(text)
    if vis.where is not None:
        found = _match_sentence(vis.text, entries, headline=headline, prefixes=prefixes)
        return [(*vis.span(s, e), entry) for s, e, entry in found]
    if prefixes is None:
        prefixes = _all_prefixes(entries)
    tokens: list[Token] | None = None
    starts: list[int] = []
    ends: list[int] = []
    found = []
    for entry in _candidates(text, entries, prefixes):
        for m in entry.regex.finditer(text):
            s, e = m.span()
            if entry.conditions:
                if tokens is None:
                    tokens = tokenize(text)
                    starts = [t.start for t in tokens]
                    ends = [t.end for t in tokens]
                # Tokens come in text order without overlap, so the tokens that
                # end by s are a prefix of the list and those starting from e a suffix.
                ctx = _Context(
                    surface=m.group(),
                    before=_TokenRun(tokens, 0, bisect.bisect_right(ends, s)),
                    after=_TokenRun(tokens, bisect.bisect_left(starts, e), len(tokens)),
                    headline=headline,
                )
                if not all(cond(ctx) for cond in entry.conditions):
                    continue
            found.append((s, e, entry))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2].order))
    kept: list[tuple[int, int, _Entry]] = []
    reach = 0  # the furthest end of the matches kept so far
    for f in found:
        if kept and f[0] < reach:
            continue
        kept.append(f)
        reach = max(reach, f[1])
    return kept


def _is_headline(row: object) -> bool:
    role = getattr(row, "role", None)
    if role is not None:
        return role == "headline"
    paragraph = getattr(row, "paragraph", None)
    return paragraph is not None and int(paragraph) == 0


def _spans_by_article(quotes: pd.DataFrame) -> dict[str, SpanIndex]:
    spans: dict[str, list[Span]] = {}
    for q in quotes.itertuples(index=False):
        spans.setdefault(str(q.article_id), []).append(Span(int(q.start), int(q.end)))
    return {k: SpanIndex(v) for k, v in spans.items()}


_NO_SPANS = SpanIndex(())


def find_cues(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    lexicon: pd.DataFrame | None = None,
    headline_quotes: HeadlineQuotes = "partial",
    speech_cues: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find hedges, boosters, distancing words, reporting verbs and scare quotes.

    Parameters
    ----------
    sentences : pandas.DataFrame
        One row per sentence with ``article_id, outlet, sentence_id, start,
        text`` (``start`` = offset of the sentence in the raw article text;
        ``text`` = the raw slice).  An optional ``role`` column (or, failing
        that, ``paragraph`` = 0) marks headlines.
    quotes : pandas.DataFrame
        Quotation spans with ``article_id, start, end`` (raw offsets, marks
        included), as from :func:`framing.load.corpus.load_corpus`.
    lexicon : pandas.DataFrame, optional
        As returned by :func:`load_lexicon`; default the project lexicon.
    headline_quotes : {"partial", "strict", "ignore"}
        How a quotation in a headline is judged.  ``"partial"`` (default):
        it is a partial quote, not a scare quote, as soon as *one* of its
        content words occurs in an attributed quotation of the article body
        (headline writers abridge quotes).  ``"strict"``: judged like a body
        quotation (all its content words must occur in one attributed
        quotation).  ``"ignore"``: headline quotations are never scare quotes.
    speech_cues : pandas.DataFrame, optional
        Speech-act words that attribute a quotation (:func:`load_speech_cues`).

    Returns
    -------
    pandas.DataFrame
        One row per cue with columns ``article_id, outlet, sentence_id, start,
        end, cue, term, category, subcategory, voice``.  ``start``/``end`` are
        offsets into the raw article text and ``cue`` is that raw slice;
        ``term`` is the lexicon lemma (for scare quotes, the lower-cased words
        inside the marks); ``subcategory`` is ``""`` except for attribution;
        ``voice`` is ``"quoted"`` when the cue lies inside a quotation span of
        its article and ``"authorial"`` otherwise (scare quotes are always
        authorial: the outlet chose the marks).  Sorted by ``article_id,
        start, end, category, term``.

    Notes
    -----
    Matching runs on :func:`framing.load.text.normalise` of each sentence, which
    keeps offsets, and looks past invisible format characters (a soft hyphen
    inside *allegedly* does not hide the cue; ``cue`` then contains it).  A
    scare quote is a quotation span of 1-4 words that

    1. is not attributed in its sentence: no reporting verb from the lexicon
       (outside quotation marks), no speech-act word (``called``,
       ``hailed``, ``described``, ``question`` ...) and no speaker introduced
       by a colon directly before or after it; and
    2. is not a partial quote: its content words do not all occur in one
       *attributed* quotation of the same article (a quotation of more than
       four words, or a short one that is attributed by rule 1).

    Both tests are heuristics of reading; they cannot see attribution that
    sits in a neighbouring sentence.
    """
    import pandas as pd

    if headline_quotes not in ("partial", "strict", "ignore"):
        raise ValueError(f"headline_quotes must be 'partial', 'strict' or 'ignore', not {headline_quotes!r}")
    lex = load_lexicon() if lexicon is None else lexicon
    speech = load_speech_cues() if speech_cues is None else speech_cues
    entries = _entries(lex)
    prefixes = _all_prefixes(entries)
    speech_res = [_compile(p) for p in speech["pattern"]]
    spans = _spans_by_article(quotes)

    rows: list[dict[str, object]] = []
    sentence_info: list[_SentenceInfo] = []
    for sent in sentences.itertuples(index=False):
        raw = str(sent.text)
        text = normalise(raw)
        base = int(sent.start)
        art = str(sent.article_id)
        art_spans = spans.get(art, _NO_SPANS)
        headline = _is_headline(sent)
        attribution_at: list[int] = []
        for s, e, entry in _match_sentence(text, entries, headline=headline, prefixes=prefixes):
            voice = "quoted" if art_spans.inside(base + s, base + e) else "authorial"
            if entry.category == "attribution" and voice == "authorial":
                attribution_at.append(s)
            rows.append(
                {
                    "article_id": art,
                    "outlet": str(sent.outlet),
                    "sentence_id": str(sent.sentence_id),
                    "start": base + s,
                    "end": base + e,
                    "cue": raw[s:e],
                    "term": entry.term,
                    "category": entry.category,
                    "subcategory": entry.subcategory,
                    "voice": voice,
                }
            )
        sentence_info.append(
            _SentenceInfo(
                article_id=art,
                outlet=str(sent.outlet),
                sentence_id=str(sent.sentence_id),
                start=base,
                raw=raw,
                text=text,
                headline=headline,
                has_attribution=bool(attribution_at),
            )
        )
    rows.extend(_scare_quotes(sentence_info, spans, speech_res, headline_quotes))

    out = pd.DataFrame(rows, columns=list(CUE_COLUMNS))
    out = out.astype(
        {
            "article_id": str,
            "outlet": str,
            "sentence_id": str,
            "start": "int64",
            "end": "int64",
            "cue": str,
            "term": str,
            "category": str,
            "subcategory": str,
            "voice": str,
        }
    )
    out = out.sort_values(["article_id", "start", "end", "category", "term"], kind="mergesort")
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------
# Scare quotes.


@dataclass(frozen=True)
class _SentenceInfo:
    article_id: str
    outlet: str
    sentence_id: str
    start: int
    raw: str
    text: str
    headline: bool
    has_attribution: bool


@dataclass(frozen=True)
class _Quote:
    span: Span
    sentence: _SentenceInfo
    words: tuple[str, ...]
    attributed: bool


def _quote_words(text: str) -> tuple[str, ...]:
    words = []
    for w in _WORD_RE.findall(drop_invisible(text).lower()):
        if w.endswith("'s"):
            w = w[:-2]
        words.append(w)
    return tuple(words)


def _content(words: Iterable[str]) -> set[str]:
    """Content words, each also in a crude singular form ('relations' -> 'relation')."""
    out = set()
    for w in words:
        if w in _QUOTE_STOPWORDS:
            continue
        out.add(w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            out.add(w[:-1])
    return out


def _masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every quoted stretch blanked (offsets kept)."""
    chars = list(text)
    for s, e in spans:
        for i in range(max(s, 0), min(e, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _is_invisible(ch: str) -> bool:
    return not drop_invisible(ch)


def _first_letter(text: str) -> int:
    """Offset of the first letter of ``text`` (``len(text)`` when it has none)."""
    return next((i for i, ch in enumerate(text) if ch.isalpha()), len(text))


def _colon_speaker(text: str, s: int, e: int, *, first_letter: int | None = None) -> bool:
    """A speaker introduced by a colon right before or right after the quote.

    Before the quote: the last character other than white space (and
    invisible format characters) is a colon with a letter somewhere before
    it.  After it: the first character other than ``" ,."`` (and invisible
    format characters) is a colon.  Only the characters next to the quote are
    read; ``first_letter`` (:func:`_first_letter` of ``text``, computed when
    not given) answers the letter test, so each call costs the same however
    long the sentence and however many quotations it holds.
    """
    i = s
    while i > 0 and (text[i - 1].isspace() or _is_invisible(text[i - 1])):
        i -= 1
    if i > 0 and text[i - 1] == ":":
        if first_letter is None:
            first_letter = _first_letter(text)
        if first_letter < i - 1:
            return True
    j = e
    while j < len(text) and (text[j] in " ,." or _is_invisible(text[j])):
        j += 1
    return text[j : j + 1] == ":"


def _first_containing(sentences: Sequence[_SentenceInfo], points: Sequence[int]) -> list[int | None]:
    """For each point, the position of the first sentence (in ``sentences`` order) whose text holds it.

    The same as ``next((i for i, s in enumerate(sentences) if s.start <= p <
    s.start + len(s.raw)), None)`` for every point ``p``, by one sweep over
    the points in ascending order (they must be sorted): sentences enter a
    heap keyed by their position once they start at or before ``p`` and
    leave it once they end at or before ``p``.  Costs ``O((n + k) log n)``
    for ``n`` sentences and ``k`` points instead of ``n x k``.
    """
    order = sorted(range(len(sentences)), key=lambda i: sentences[i].start)
    active: list[tuple[int, int]] = []  # (position in sentences, end offset)
    out: list[int | None] = []
    nxt = 0
    for p in points:
        while nxt < len(order) and sentences[order[nxt]].start <= p:
            i = order[nxt]
            heapq.heappush(active, (i, sentences[i].start + len(sentences[i].raw)))
            nxt += 1
        while active and active[0][1] <= p:  # points only grow: a sentence that ended stays ended
            heapq.heappop(active)
        out.append(active[0][0] if active else None)
    return out


def _one_source_holds(words: set[str], holders: dict[str, set[int]], n_sources: int) -> bool:
    """True when one of ``n_sources`` sources holds every word of ``words``.

    ``holders`` maps a word to the sources that hold it; one source holds
    them all when those sets intersect.  Intersecting from the smallest set
    costs at most the size of that set per word, not a scan of every source.
    """
    held = sorted((holders.get(w, set()) for w in words), key=len)
    if not held:
        return n_sources > 0
    common = held[0]
    for other in held[1:]:
        if not common:
            break
        common = common & other
    return bool(common)


def _scare_quotes(
    sentences: Sequence[_SentenceInfo],
    spans: dict[str, SpanIndex],
    speech_res: Sequence[re.Pattern[str]],
    headline_quotes: str,
) -> list[dict[str, object]]:
    by_article: dict[str, list[_SentenceInfo]] = {}
    for s in sentences:
        by_article.setdefault(s.article_id, []).append(s)
    rows: list[dict[str, object]] = []
    for art in sorted(by_article):
        quotes: list[_Quote] = []
        index = spans.get(art, _NO_SPANS)
        art_sentences = by_article[art]
        # Per sentence, computed once for all its quotations: whether a speech-act word stands
        # outside its quotation marks, and where its first letter is.
        speech_in: dict[int, bool] = {}
        letter_at: dict[int, int] = {}
        for span, at in zip(index.spans, _first_containing(art_sentences, index.starts)):
            if at is None:
                continue
            sent = art_sentences[at]
            rel_s, rel_e = span.start - sent.start, min(span.end - sent.start, len(sent.raw))
            words = _quote_words(sent.text[rel_s:rel_e])
            attributed = sent.has_attribution
            if not attributed:
                if at not in speech_in:
                    local = [
                        (q.start - sent.start, q.end - sent.start)
                        for q in index.overlapping(sent.start, sent.start + len(sent.raw))
                    ]
                    authorial = _masked(sent.text, local)
                    speech_in[at] = any(r.search(drop_invisible(authorial)) for r in speech_res)
                    letter_at[at] = _first_letter(sent.text)
                attributed = speech_in[at] or _colon_speaker(sent.text, rel_s, rel_e, first_letter=letter_at[at])
            quotes.append(_Quote(span, sent, words, attributed))
        # The quotations a short one may be taken from.  A quotation judged below is short and not
        # attributed, so it is never among them.
        sources = [q for q in quotes if (len(q.words) > 4 or q.attributed) and not q.sentence.headline]
        holders: dict[str, set[int]] = {}  # content word -> the sources that hold it
        for k, o in enumerate(sources):
            for w in _content(o.words):
                holders.setdefault(w, set()).add(k)
        known: dict[frozenset[str], bool] = {}
        for q in quotes:
            if not 1 <= len(q.words) <= 4 or q.attributed:
                continue
            if q.sentence.headline and headline_quotes == "ignore":
                continue
            own = _content(q.words) or set(q.words)
            if q.sentence.headline and headline_quotes == "partial":
                partial = any(w in holders for w in own)  # one of its words in some source
            else:
                key = frozenset(own)
                if key not in known:
                    known[key] = _one_source_holds(own, holders, len(sources))  # all of its words in one source
                partial = known[key]
            if partial:
                continue
            rel_s, rel_e = q.span.start - q.sentence.start, q.span.end - q.sentence.start
            rows.append(
                {
                    "article_id": art,
                    "outlet": q.sentence.outlet,
                    "sentence_id": q.sentence.sentence_id,
                    "start": q.span.start,
                    "end": q.span.start + len(q.sentence.raw[rel_s:rel_e]),
                    "cue": q.sentence.raw[rel_s:rel_e],
                    "term": " ".join(q.words),
                    "category": "scare_quote",
                    "subcategory": "",
                    "voice": "authorial",
                }
            )
    return rows


# ---------------------------------------------------------------------------
# Rates.

_TOKEN_SIDE = ("outlet", "article_id", "voice")


def cue_rates(
    cues: pd.DataFrame,
    tokens: pd.DataFrame,
    *,
    by: Sequence[ByColumn] = ("outlet", "category", "voice"),
) -> pd.DataFrame:
    """Cues per 1,000 word tokens of the same outlet and voice.

    Parameters
    ----------
    cues : pandas.DataFrame
        Output of :func:`find_cues`.
    tokens : pandas.DataFrame
        Token table with ``outlet``, ``kind`` and ``voice`` (and
        ``article_id`` when grouping by article).  Word tokens are those with
        ``kind != "punct"``.
    by : sequence of column names
        Grouping columns; must include ``outlet``.  ``outlet``,
        ``article_id`` and ``voice`` split the denominator as well as the
        numerator; ``category``, ``subcategory`` and ``term`` split only the
        numerator.

    Returns
    -------
    pandas.DataFrame
        Columns ``*by, n_cues, n_tokens, rate_per_1k``, one row for every
        combination of the levels (zeros included): every outlet (or
        article) in ``tokens`` or ``cues``, both voices, every category in
        :data:`CATEGORIES` plus any other found; subcategories and terms as
        found (with the categories that have none).  Sorted by ``by``.

    Notes
    -----
    ``rate_per_1k = 1000 * n_cues / n_tokens``; higher = more cues of that
    kind per word the outlet printed in that voice.  The denominator
    ``n_tokens`` is the number of word tokens (``kind != "punct"``) of the
    same outlet and voice: quoted cues are divided by quoted words, the
    outlet's own (authorial) cues by authorial words, so a talkative source
    does not inflate the outlet's own hedging.  A sentence of mixed voice is
    split token by token.  ``rate_per_1k`` is NaN when ``n_tokens`` is 0.
    """
    import numpy as np
    import pandas as pd

    by = list(by)
    if "outlet" not in by:
        raise ValueError("by must include 'outlet'")
    unknown = [c for c in by if c not in ("outlet", "article_id", "category", "subcategory", "term", "voice")]
    if unknown:
        raise ValueError(f"cannot group by {unknown}")
    tok_cols = [c for c in by if c in _TOKEN_SIDE]
    cue_cols = [c for c in by if c not in _TOKEN_SIDE]

    words = tokens.loc[tokens["kind"] != "punct", tok_cols]
    denom = words.groupby(tok_cols, sort=True).size().rename("n_tokens").reset_index()

    # Token-side levels: observed outlet/article pairs crossed with both voices.
    unit_cols = [c for c in tok_cols if c != "voice"]
    units = pd.concat([tokens[unit_cols], cues[unit_cols]]).drop_duplicates()
    if "voice" in tok_cols:
        voices = pd.DataFrame({"voice": sorted(set(VOICES) | set(cues["voice"]) | set(tokens["voice"]))})
        units = units.merge(voices, how="cross")
    # Cue-side levels.
    if cue_cols:
        if cue_cols == ["category"]:
            extra = sorted(set(cues["category"]) - set(CATEGORIES))
            levels = pd.DataFrame({"category": list(CATEGORIES) + extra})
        else:
            # Observed combinations, plus every category not found (other columns "").
            levels = cues[cue_cols].drop_duplicates()
            if "category" in cue_cols:
                missing = [c for c in CATEGORIES if c not in set(cues["category"])]
                filler = {c: (missing if c == "category" else [""] * len(missing)) for c in cue_cols}
                levels = pd.concat([levels, pd.DataFrame(filler)]).drop_duplicates()
        grid = units.merge(levels, how="cross")
    else:
        grid = units
    grid = grid[by].drop_duplicates()

    counts = cues.groupby(by, sort=True).size().rename("n_cues").reset_index()
    out = grid.merge(counts, on=by, how="left").merge(denom, on=tok_cols, how="left")
    out["n_cues"] = out["n_cues"].fillna(0).astype("int64")
    out["n_tokens"] = out["n_tokens"].fillna(0).astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 1000.0 * out["n_cues"].to_numpy(dtype=float) / out["n_tokens"].to_numpy(dtype=float)
    out["rate_per_1k"] = np.where(out["n_tokens"].to_numpy() > 0, rate, np.nan)
    out = out.sort_values(by, kind="mergesort").reset_index(drop=True)
    return out[[*by, "n_cues", "n_tokens", "rate_per_1k"]]
