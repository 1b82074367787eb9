"""Who speaks: every quotation and stretch of reported speech with its speaker, the three voices, the sources.

A reader of news asks of every sentence *whose words are these?*  This module answers it in three
tables:

- :func:`find_quotes` (``quotes.csv``): one row per quotation or stretch of reported speech, with
  its kind, its speaker as named in the text, the actor of ``actors.csv`` the speaker is, the role
  in which the speaker speaks, and the attributing verb with its WP:SAY group;
- :func:`with_reported_voice` and :func:`sentence_voices`: the voice of every token, cue and
  sentence: ``authorial`` (the outlet's own words), ``quoted`` (inside quotation marks) or
  ``reported`` (the outlet's words for what someone else said: "Putin said relations were ...",
  "according to the Kremlin, ..."), so that a hedge in reported speech belongs to its speaker;
- :func:`source_table` (``sources.csv``): one row per outlet x speaker: how often and how much
  each speaker is given voice, and where in the article.

Kinds of rows
-------------
``direct``
    A quotation whose first letter is a capital and that opens its sentence, follows a colon or a
    comma (``Putin said, "We have ..."``) or ends with the end of a sentence inside its marks.
``partial``
    Any other quotation: a fragment built into the outlet's own sentence (``ties are at a "low
    level"``).
``indirect``
    Reported speech without quotation marks (below).

A quotation of at most four words that nothing attributes is the outlet's own use of quotation
marks (a scare quote, counted by :func:`framing.measures.cues.find_cues`), not a row; a longer one
is a row with no speaker (``speaker_type`` ``unknown``): a pull-quote or a saying, never a guess.

Attribution rules
-----------------
The attributing cues are those of :func:`framing.measures.quotes.quote_speakers`: the reporting
verbs of the cue lexicon (:func:`framing.measures.cues.find_cues`, outside quotation marks), the
speech-act words (*called*, *asked*, *put it* ...), colons, plus :data:`CLAUSE_SPEECH_VERBS`
(*testified*, *predicted* ...), verbs that report a clause but are not cues.  On top of its choice
of cue for each quotation:

1. **Colon after a verb.**  ``Judge Moreau said: "..."`` and ``Berg told the Gazette: "..."``: the
   speaker is the verb's subject, not the words before the colon (an addressee).  A colon after
   words that are a clause, not a name ("the joke had been the same for years: "...""), names no
   one.
2. **Inside a reported clause.**  A quotation inside the clause a verb before it reports takes
   that verb (the innermost): ``tabloids claimed that the team came with "no plan", a charge the
   coach denied`` is the tabloids' claim.
3. **Subject before an appositive or a relative clause.**  ``The ministry's envoy, Anna Berg, said``,
   ``A senior official, who asked not to be named, said``, ``Piet Vos, 70, a retired crane operator,
   said``, ``Mayor Helen Grey, who took office promising "..."``: the subject is the noun phrase
   before the commas or the *who*.
4. **"quoted as saying".**  ``Berg was quoted by foreign media as saying ...``: Berg speaks, the
   media only carry it.
5. **The outlet's own label.**  A quotation right after *so-called*, *self-styled* has no speaker.
6. **Headline label.**  ``Ortiz: City will 'never forget' flood victims``: a headline that
   opens with up to four capitalised words and a colon gives them every quotation after the colon.
7. **Headline quote from the body.**  A headline quotation with no speaker whose words all occur in
   one attributed quotation of the body takes that quotation's speaker.
8. **Context.**  A quotation that opens its sentence with no attribution takes the speaker of the
   quotation before it when that one ended in the sentence before or ran on from the paragraph
   before; else the person the sentence before opens with ("Councillor Rob Marsh ... was blunter.
   "We were robbed.""); else nobody.
9. **Nested quotations** (``'...'`` inside ``"..."``) get their own row, attributed by the
   reporting verbs inside the outer quotation ("The defendant told the board, 'Nobody ...'").

Reported speech (``indirect``) is found after a reporting verb, outside quotation marks:

- ``X said (that) CLAUSE``: after *that* (addressees and adjuncts between: "told reporters on
  Tuesday that"), or a clause right after the verb ("said relations were ...", "told the
  Chronicle she had ...": a subject and a finite verb within twelve tokens; not "said nothing";
  an addressee is skipped after *told*); two clauses joined by *and that* are two rows;
- ``asked/questioned whether/how ...``: the reported question (a sentence that opens with
  *Asked whether ...* names no asker);
- ``X accused Y of ...``, ``X urged Y to ...``: the accusation or the call;
- ``according to X, CLAUSE`` and ``CLAUSE, according to X``;
- ``CLAUSE, X said`` (and ``CLAUSE, said X``, ``CLAUSE, sources told the Gazette, while ...``):
  the clause before a reporting clause set off by a comma.

A reported clause ends at the end of its sentence, a semicolon or colon, a dash, a comma before
*while / but / adding / according* ..., or a comma before a quotation.  It holds no quotation of
its own speaker: a quotation of the same verb inside it (``said the talks had been
"constructive"``) is the row (partial), and the clause is its ``reported_start`` ..
``reported_end``; a quotation of another speaker ends it.

Who the speaker is
------------------
The speaker's phrase as written ("Russian President Vladimir Putin", "he", "the diplomat", "A
statement from the ministry") is resolved:

- **Actors.**  The aliases of ``actors.csv`` (matched by
  :func:`framing.measures.actors.alias_pattern`, longest first) in the head of the phrase (the
  words before its first preposition; the whole phrase for a document, "A report by the Office of
  ...", or a name that runs on, "Office of the Auditor-General"), the rightmost match winning
  ("Steel Federation president Ana Silva" is Ana Silva).  A possessor is passed over when another
  alias matches ("Ruritania's trade envoy" is the envoy).  An alias shared by several
  actors ("the minister") is the one of them named most recently before.  ``actors.csv`` may list
  descriptions as aliases ("Russian leader", "Kremlin spokesman"); an alias beginning with *the*
  also matches without it for a document's issuer ("a council statement").
- **Pronouns** *he* and *she* are the most recent person: first a speaker named in the same or the
  previous sentence, else the most recent person named outside quotation marks, skipping a person
  whose gender is known to differ (from *Mr*, *Mrs*, *Ms*, *Sir*, *Lady* ... before the name in
  the article or an alias, a gendered title such as *spokeswoman*, or a *he* or *she* already
  resolved to that person).  *it* and *they* are the speaker of a body in the same or the previous
  sentence.  A person described and never named ("the witness") is no antecedent.
- **Descriptions** without a name and without an alias ("the diplomat", "the official") are the
  most recent person, as for *he*; a role of some body ("the commission's chairman", "the head of
  the agency") is not resolved.
- An unresolved pronoun gives no speaker (``mention`` keeps it); an unresolved description is the
  speaker as written, with no actor (``resolution`` ``unnamed``): nothing is guessed.

``speaker_type`` follows documented word lists (the constants of this module), in this order: a
text as grammatical subject (:data:`DOCUMENT_WORDS`: "a statement from the ministry") is
``document``; a news organisation (:data:`MEDIA_WORDS`, "news agency") is ``media``; an unnamed
source given by position (:data:`ANONYMOUS_WORDS` without *the* and without a name: "a senior
official", "sources", "industry analysts") is ``anonymous``; else the role word nearest to the name
(in the phrase, else in the words around the person's mentions in the article, else in the actor's
aliases): :data:`SPOKESPERSON_WORDS`, :data:`EXPERT_WORDS`, :data:`CITIZEN_WORDS`,
:data:`OFFICIAL_WORDS`; a body that is not a person is ``official``; otherwise ``unknown``.

Limits: rules, not a parser.  A reporting verb's clause is read by word classes (a finite verb is an
auxiliary, a word in *-ed* or a common irregular past), so "said prices rise" without *that* is
missed; gender comes only from titles; a pronoun is resolved within the article and never across a
quotation's own words; a nested quotation's words count for its speaker and for the outer speaker.

References
----------
Pouliquen, B., Steinberger, R. & Best, C. (2007). Automatic detection of quotations in multilingual
news. *Proceedings of RANLP 2007*, 487-492.
Muzny, G., Algee-Hewitt, M. & Jurafsky, D. (2017). A two-stage sieve approach for quote
attribution. *Proceedings of EACL 2017*, 460-470 (the order of the resolution steps).
Wikipedia: Manual of Style/Words to watch, "said" (WP:SAY), for the verb groups.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from framing.core.vocabulary import (
    OPENER_COLUMNS,
    QUOTE_KINDS,
    QUOTE_TABLE_COLUMNS,
    RATE_VOICES,
    RESOLUTIONS,
    SOURCE_COLUMNS,
    SPEAKER_TYPES,
)
from framing.load.text import SpanIndex, Token, drop_invisible, normalise, quote_spans, tokenize
from framing.measures.actors import alias_pattern
from framing.measures.quotes import (
    QUOTE_WORD_RE,
    Attribution,
    compile_pattern,
    is_headline,
    load_speech_cues,
    quote_speakers,
    sentence_attributions,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

AUTHORIAL, QUOTED, REPORTED = RATE_VOICES
OFFICIAL, SPOKESPERSON, EXPERT, DOCUMENT, ANONYMOUS, MEDIA, CITIZEN, UNKNOWN = SPEAKER_TYPES
DIRECT, PARTIAL, INDIRECT = QUOTE_KINDS
BY_NAME, BY_DESCRIPTION, BY_PRONOUN, BY_CONTEXT, UNNAMED, NO_SPEAKER = RESOLUTIONS

# ---------------------------------------------------------------------------------------------------- word lists

#: Heads that make a text the speaker ("A statement from the ministry said", "a report found").
DOCUMENT_WORDS = frozenset(
    "statement report study survey figure figures data announcement document letter communique communiqué memo "
    "memorandum filing ruling transcript readout release poll assessment review audit notice bulletin decree "
    "declaration dossier analysis indictment verdict judgment judgement".split()
)
#: Heads that make a news organisation the speaker ("state television reported"); "agency" only after "news".
MEDIA_WORDS = frozenset(
    "television tv broadcaster newspaper media radio channel network daily tabloid magazine outlet website press "
    "journalist reporter correspondent wire".split()
)
#: Heads of an unnamed source given only by position, access or group (without "the" and without a name).
ANONYMOUS_WORDS = frozenset(
    "source official insider aide diplomat analyst observer expert critic people person someone economist "
    "lawmaker officer".split()
)
#: Roles of someone who speaks on another's behalf.
SPOKESPERSON_WORDS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen lawyer attorney counsel mouthpiece "
    "press-secretary".split()
)
#: Roles of someone who speaks from expertise.
EXPERT_WORDS = frozenset(
    "analyst economist professor prof expert researcher scientist epidemiologist historian fellow lecturer "
    "scholar academic specialist strategist sociologist virologist".split()
)
#: Roles of a private person.
CITIZEN_WORDS = frozenset(
    "resident shopkeeper owner worker operator farmer driver voter student parent mother father pensioner retiree "
    "witness pharmacist teacher nurse commenter comment user netizen passer-by customer shopper trader vendor "
    "fisherman fishermen local villager protester demonstrator survivor neighbour neighbor motorist commuter "
    "tenant homeowner employee labourer miner citizen mourner fan".split()
)
#: Roles of office holders and bodies speaking as themselves.
OFFICIAL_WORDS = frozenset(
    "minister ministry president premier chancellor secretary official judge prosecutor mayor councillor "
    "councilor governor senator mp lawmaker legislator ambassador envoy diplomat negotiator director "
    "director-general chairman chairwoman chair chief head leader commissioner commission council government "
    "administration department office board committee police army military court parliament kremlin federation "
    "association union party delegation authority authorities embassy agency regulator king queen general "
    "commander officer inspector auditor auditor-general deputy cabinet congress congressman congresswoman "
    "ministries predecessor successor candidate coach captain manager".split()
)
#: Verbs that report a clause but are not cues of the lexicon (their ``verb_group`` is "").
CLAUSE_SPEECH_VERBS = re.compile(
    r"(?<![\w\-])(?:testif(?:y|ies|ied|ying)|predict(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|complain(?:s|ed|ing)?|"
    r"assur(?:e|es|ed|ing)|inform(?:s|ed|ing)?|recount(?:s|ed|ing)?|boast(?:s|ed|ing)?|lament(?:s|ed|ing)?)"
    r"(?![\w\-])",
    re.IGNORECASE,
)

_TYPE_LISTS = ((SPOKESPERSON, SPOKESPERSON_WORDS), (EXPERT, EXPERT_WORDS), (CITIZEN, CITIZEN_WORDS),
               (OFFICIAL, OFFICIAL_WORDS))
_MALE_TITLES = frozenset("mr mister sir lord king prince spokesman chairman congressman businessman".split())
_FEMALE_TITLES = frozenset(
    "mrs ms miss madam dame lady queen princess spokeswoman chairwoman congresswoman businesswoman".split())
_TITLES = frozenset("mr mrs ms miss dr sir dame lady lord mister madam prof".split())
_MALE, _FEMALE = "male", "female"
_PERSON_PRONOUNS = {"he": _MALE, "she": _FEMALE}
_BODY_PRONOUNS = frozenset("it they".split())
_DEFINITE = frozenset("the this that these those".split())
_POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())
_DETERMINERS = frozenset("the a an this that these those one some several many two three four five other".split())
_PREPOSITIONS = frozenset("of for at in from by on with".split())
# Words that end a noun phrase read leftwards.
_NP_STOP = frozenset(
    "that which who whom whose when while as after before because but if than then or nor so since until although "
    "though whereas where why how what whether to with without on during amid despite about against over into "
    "under between among through also is are was were be been being am has have had will would shall should can "
    "could may might must do does did not said says told added there here".split()
)
_AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might must shall should did does do 're 've 'd 'll "
    "isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't didn't doesn't don't".split()
)
_IRREGULAR_PAST = frozenset(
    "rose fell grew went came made took saw knew thought gave found held met left kept won lost told said sold paid "
    "ran began became got brought bought sent spent stood understood led fought hit cut put set felt heard meant "
    "remains remained wants needs faces".split()
)
# Objects after "said" that report no words ("said nothing as the sentence was read").
_NOT_A_CLAUSE = frozenset(
    "nothing anything something everything little much so yes no goodbye sorry thanks more less enough".split())
_S_VERB_AFTER = frozenset("he she it that there what who here".split())
_PRONOUNS = frozenset("he she it they we i you him them us me".split())
_PARENTHETICAL = frozenset("however though meanwhile too also moreover instead nonetheless nevertheless".split())
_LEADING = frozenset("but and yet so however meanwhile also still even".split())
_WH_WORDS = frozenset("whether if how why what when where who which".split())
_TELL_VERBS = re.compile(r"^(?:told|tell|tells|telling|inform\w*|assur\w*|remind\w*|warn\w*|urg\w*)$", re.IGNORECASE)
_ADDRESSEES = frozenset(
    "him her them us me you reporters journalists lawmakers parliament delegates staff supporters investors "
    "viewers listeners readers".split())
_TIME_WORDS = frozenset(
    "later earlier yesterday today again also then previously repeatedly once recently monday tuesday wednesday "
    "thursday friday saturday sunday".split())
_CLAUSE_END_AFTER_COMMA = frozenset(
    "while whereas but adding saying noting according as although though citing referring which yet".split())
_QUESTION_VERB = re.compile(r"^(?:ask|asks|asked|asking|question|questions|questioned|questioning|wonder\w*)$",
                            re.IGNORECASE)
_ACCUSE = re.compile(r"^accus\w*$", re.IGNORECASE)
_URGE = re.compile(r"^(?:urg\w*|call\w*)$", re.IGNORECASE)
_OWN_LABEL = re.compile(r"(?:so-called|so called|self-styled|self-proclaimed)\W*$", re.IGNORECASE)
# Words of the names of bodies, not people ("Steel Federation", "Bank of Ruritania").
_BODY_WORDS = MEDIA_WORDS | frozenset(
    "ministry ministries commission council government administration department office board committee police "
    "army military court parliament kremlin federation association union party delegation authority authorities "
    "embassy agency regulator cabinet congress states nations republic kingdom bank university institute centre "
    "center foundation fund group company corporation inc ltd plc international news service services".split())
_MAX_SCARE_WORDS = 4
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a"


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _in(word: str, words: frozenset[str]) -> bool:
    low = word.lower()
    return low in words or _singular(low) in words


def role_type(word: str) -> str | None:
    """The speaker type a role word gives (``"spokesman"`` -> ``spokesperson``), or None for other words.

    Looked up, singular or plural, in :data:`SPOKESPERSON_WORDS`, :data:`EXPERT_WORDS`,
    :data:`CITIZEN_WORDS` and :data:`OFFICIAL_WORDS`, in that order.
    """
    for kind, words in _TYPE_LISTS:
        if _in(word, words):
            return kind
    return None


# ---------------------------------------------------------------------------------------------------- sentences


@dataclass
class _Line:
    """One sentence of an article, as :func:`framing.measures.quotes.sentence_attributions` reads it."""

    index: int
    article_id: str
    outlet: str
    sentence_id: str
    start: int
    raw: str
    paragraph: int
    headline: bool
    text: str = field(init=False)
    tokens: list[Token] = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.text = normalise(self.raw)
        self.tokens = tokenize(self.text)
        self.starts = [t.start for t in self.tokens]

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    def token_at(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset`` (sentence-relative)."""
        return bisect.bisect_left(self.starts, offset)


def _low(tok: Token) -> str:
    return tok.text.lower()


def _is_word(tok: Token) -> bool:
    return tok.kind != "punct"


def _is_cap(tok: Token) -> bool:
    return tok.kind != "punct" and tok.text[:1].isupper()


def _finite(tok: Token) -> bool:
    """A finite verb by word class: an auxiliary, a lower-case word in -ed or a common irregular past."""
    low = _low(tok)
    if low in _AUXILIARIES or low in _IRREGULAR_PAST:
        return True
    return tok.kind == "word" and tok.text.islower() and low.endswith("ed") and len(low) > 3


def _finite_at(toks: Sequence[Token], k: int) -> bool:
    """:func:`_finite` for token ``k`` in context.

    "'s" is a verb only after a pronoun ("he's"), not after a name ("Ruritania's envoy"); a word in
    -ed before a lower-case noun is an adjective ("a retired crane operator", "a declassified
    report").
    """
    tok = toks[k]
    low = _low(tok)
    if low in ("'s", "\u2019s"):
        return k > 0 and _low(toks[k - 1]) in _S_VERB_AFTER
    if not _finite(tok):
        return False
    if low.endswith("ed") and low not in _AUXILIARIES and low not in _IRREGULAR_PAST and k + 1 < len(toks):
        nxt = toks[k + 1]
        nlow = _low(nxt)
        if nxt.kind == "word" and nxt.text.islower() and nlow not in _NP_STOP and nlow not in _DETERMINERS \
                and nlow not in _POSSESSIVE_DETERMINERS and nlow not in _PREPOSITIONS and nlow not in _PRONOUNS:
            return False
    return True


def _any_finite(toks: Sequence[Token], lo: int = 0, hi: int | None = None, skip: set[int] | None = None) -> bool:
    hi = len(toks) if hi is None else hi
    return any(_finite_at(toks, k) for k in range(lo, hi) if not skip or k not in skip)


# ---------------------------------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class _Alias:
    alias: str
    actors: tuple[str, ...]
    pattern: re.Pattern[str]
    description: bool  # last word in lower case: "Russian leader", "the minister"


class _Actors:
    """The aliases of ``actors.csv``, which actors are people, and what the aliases say of them."""

    def __init__(self, actors: pd.DataFrame | None) -> None:
        by_alias: dict[str, set[str]] = {}
        names: dict[str, list[str]] = {}
        if actors is not None and len(actors):
            for actor, alias in zip(actors["actor"].astype(str), actors["alias"].astype(str)):
                alias = drop_invisible(normalise(alias)).strip()
                if alias:
                    by_alias.setdefault(alias, set()).add(actor)
                    names.setdefault(actor, []).append(alias)
        self.aliases = sorted(
            (_Alias(a, tuple(sorted(acts)), alias_pattern(a), a.split()[-1][:1].islower())
             for a, acts in by_alias.items()),
            key=lambda x: (-len(x.alias), x.alias),
        )
        self.names = names
        self.person = {a for a, al in names.items() if self._is_person(a, al)}
        self.media = {a for a, al in names.items() if any(_in(w, MEDIA_WORDS) for x in al for w in x.split())
                      or any(" news " in f" {x.lower()} " for x in al)}
        self.alias_gender: dict[str, str] = {}
        self.alias_type: dict[str, str] = {}
        for actor, aliases in names.items():
            for alias in aliases:
                words = [w.strip(".").lower() for w in alias.split()]
                for w in words:
                    if w in _MALE_TITLES:
                        self.alias_gender.setdefault(actor, _MALE)
                    elif w in _FEMALE_TITLES:
                        self.alias_gender.setdefault(actor, _FEMALE)
                if actor in self.person:
                    kinds = [role_type(w) for w in reversed(words)]
                    found = next((k for k in kinds if k), None)
                    if found:
                        self.alias_type.setdefault(actor, found)

    @staticmethod
    def _is_person(actor: str, aliases: list[str]) -> bool:
        words = actor.split()
        if any(w.lower() in _TITLES for w in aliases[0].split()[:1]) and len(words) == 1:
            return True
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or any(_in(w, _BODY_WORDS) for w in words):
            return False
        lone = {w.lower() for w in words}
        for alias in aliases:
            parts = alias.split()
            if len(parts) == 1 and parts[0].lower() in lone:
                return True  # a surname or a given name on its own: "Putin", "Rashid"
            if any(p.strip(".").lower() in _TITLES or role_type(p.strip(".")) for p in parts) and not any(
                    _in(p, _BODY_WORDS) for p in parts):
                return True  # "Mr Brandt", "the shopkeeper", "defence lawyer"
        return False

    def find(self, text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, _Alias]]:
        """Alias occurrences in ``text[lo:hi]``, leftmost-longest, not overlapping, in text order."""
        hi = len(text) if hi is None else hi
        found: list[tuple[int, int, _Alias]] = []
        for al in self.aliases:
            for m in al.pattern.finditer(text, lo, hi):
                found.append((m.start(), m.end(), al))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[tuple[int, int, _Alias]] = []
        for f in found:
            if not out or f[0] >= out[-1][1]:
                out.append(f)
        return out

    def find_bare(self, text: str) -> list[tuple[int, int, _Alias]]:
        """Occurrences of the aliases that begin with "the", without it ("council" for "the council")."""
        out = []
        for al in self.aliases:
            if al.alias.lower().startswith("the ") and al.description:
                for m in alias_pattern(al.alias[4:]).finditer(text):
                    out.append((m.start(), m.end(), al))
        return sorted(out, key=lambda f: (f[0], -(f[1] - f[0])))


# ---------------------------------------------------------------------------------------------------- mentions


@dataclass
class _Mention:
    """Someone named (or resolved) at ``pos`` (raw offset) of an article."""

    pos: int
    line: int
    text: str
    actor: str
    person: bool
    speaker: bool
    kind: str = UNKNOWN
    gender: str | None = None


@dataclass
class _Who:
    """A resolved speaker."""

    speaker: str = ""
    actor: str = ""
    kind: str = UNKNOWN
    resolution: str = NO_SPEAKER
    mention: str = ""
    person: bool = False
    gender: str | None = None


_NOBODY = _Who()


# ---------------------------------------------------------------------------------------------------- a row


@dataclass
class _Row:
    line: _Line
    start: int  # raw offsets
    end: int
    kind: str
    att: Attribution | None = None
    att_line: _Line | None = None
    who: _Who = field(default_factory=_Who)
    reported: tuple[int, int] | None = None
    nested: bool = False
    forced: _Who | None = None  # a speaker given by a rule (headline label, context)
    phrase: tuple[str, int, int] | None = None  # the speaker's phrase: text and raw offsets
    forced_cue: tuple[int, int] | None = None

    @property
    def cue(self) -> tuple[int, int]:
        if self.forced_cue is not None:
            return self.forced_cue
        if self.att is None or self.att_line is None:
            return (-1, -1)
        return (self.att_line.start + self.att.start, self.att_line.start + self.att.end)


# ---------------------------------------------------------------------------------------------------- the article


class _Article:
    """The quotations and reported speech of one article and their speakers."""

    def __init__(
        self,
        lines: list[_Line],
        quotes: list[tuple[int, int]],
        base: dict[tuple[int, int], tuple[str, str]],
        verbs: list[tuple[int, int]],
        quoted_verbs: list[tuple[int, int]],
        speech_res: Sequence[re.Pattern[str]],
        actors: _Actors,
        raw: str,
    ) -> None:
        self.lines = lines
        self.line_starts = [ln.start for ln in lines]
        self.quotes = SpanIndex(quotes)
        self.base = base
        self.verbs = sorted(verbs)
        self.verb_starts = [v[0] for v in self.verbs]
        self.quoted_verbs = sorted(quoted_verbs)
        self.speech_res = speech_res
        self.actors = actors
        self.raw = raw
        self._atts: dict[int, list[Attribution]] = {}
        self._quoted_tokens: dict[int, set[int]] = {}
        self._who: dict[tuple[int, int], _Who] = {}
        self.mentions: list[_Mention] = []
        self._gender = self._genders()
        self._roles: dict[str, str | None] = {}
        self._clauses: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
        self._phrases: dict[tuple[int, int, int], tuple[str, int]] = {}
        self._speaker_at: set[tuple[int, str]] = set()

    # -- per line -------------------------------------------------------------------------------------------------

    def line_of(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        if i >= 0 and pos < self.lines[i].end:
            return i
        return None

    def local_quotes(self, ln: _Line) -> list[tuple[int, int]]:
        return [(q.start - ln.start, q.end - ln.start) for q in self.quotes.overlapping(ln.start, ln.end)]

    def attributions(self, i: int) -> list[Attribution]:
        if i not in self._atts:
            ln = self.lines[i]
            lo, hi = bisect.bisect_left(self.verb_starts, ln.start), bisect.bisect_left(self.verb_starts, ln.end)
            local_v = [(a - ln.start, b - ln.start) for a, b in self.verbs[lo:hi] if b <= ln.end]
            self._atts[i] = sentence_attributions(ln, self.local_quotes(ln), local_v, self.speech_res)
        return self._atts[i]

    def quoted_tokens(self, i: int) -> set[int]:
        if i not in self._quoted_tokens:
            ln = self.lines[i]
            out: set[int] = set()
            for qs, qe in self.local_quotes(ln):
                out.update(range(ln.token_at(qs), ln.token_at(qe)))
            self._quoted_tokens[i] = out
        return self._quoted_tokens[i]

    # -- genders and roles ------------------------------------------------------------------------------------

    def _genders(self) -> dict[str, str]:
        """Gender of each person actor from a title before one of its aliases in the article ("Mr Brandt")."""
        out = dict(self.actors.alias_gender)
        for s, _e, al in self.actors.find(self.raw):
            if len(al.actors) != 1 or al.actors[0] not in self.actors.person:
                continue
            before = re.findall(r"[A-Za-z]+", self.raw[max(0, s - 16):s])
            if before:
                w = before[-1].lower()
                if w in _MALE_TITLES:
                    out.setdefault(al.actors[0], _MALE)
                elif w in _FEMALE_TITLES:
                    out.setdefault(al.actors[0], _FEMALE)
        return out

    def actor_role(self, actor: str) -> str | None:
        """The role word nearest to the actor's mentions in the article, else in its aliases."""
        if actor not in self._roles:
            found = None
            for ln in self.lines:
                for s, e, al in self.actors.find(ln.text):
                    if actor in al.actors:
                        found = _role_near(ln.tokens, ln.token_at(s), ln.token_at(e) - 1)
                        if found:
                            break
                if found:
                    break
            self._roles[actor] = found or self.actors.alias_type.get(actor)
        return self._roles[actor]

    # -- mentions ------------------------------------------------------------------------------------------

    def collect_mentions(self) -> None:
        """Every person or body named by an alias outside quotation marks, in text order."""
        for i, ln in enumerate(self.lines):
            quoted = self.local_quotes(ln)
            for s, e, al in self.actors.find(ln.text):
                if any(a <= s < b for a, b in quoted):
                    continue
                actor = self._pick(al, ln.start + s)
                if not actor:
                    continue
                self.mentions.append(_Mention(
                    ln.start + s, i, ln.raw[s:e], actor, actor in self.actors.person, False,
                    gender=self._gender.get(actor)))
        self.mentions.sort(key=lambda m: m.pos)

    def _pick(self, al: _Alias, pos: int) -> str:
        """The actor of an alias; for an alias of several actors, the one named most recently before ``pos``."""
        if len(al.actors) == 1:
            return al.actors[0]
        for m in reversed(self.mentions):
            if m.pos < pos and m.actor in al.actors:
                return m.actor
        # Not yet collected in order: look at the raw text before pos.
        best, at = "", -1
        for s, _e, other in self.actors.find(self.raw, 0, pos):
            if len(other.actors) == 1 and other.actors[0] in al.actors and s > at:
                best, at = other.actors[0], s
        return best

    def add_speaker(self, pos: int, line: int, who: _Who) -> None:
        """Record a speaker as a mention; one described and never named ("the witness") is no person to refer to."""
        if not who.speaker and not who.actor:
            return
        if (pos, who.speaker) in self._speaker_at:
            return  # one speaker of several quotations of one verb is one mention
        self._speaker_at.add((pos, who.speaker))
        person = who.person and who.resolution != UNNAMED
        m = _Mention(pos, line, who.speaker, who.actor, person, True, who.kind, who.gender)
        bisect.insort(self.mentions, m, key=lambda x: x.pos)

    def antecedent(self, pos: int, line: int, *, gender: str | None, person: bool = True) -> _Mention | None:
        """The most recent compatible mention before ``pos``: a speaker of this or the previous sentence first."""
        before = [m for m in self.mentions if m.pos < pos and m.person == person]
        ok = [m for m in before if gender is None or m.gender is None or m.gender == gender]
        near = [m for m in ok if m.speaker and m.line >= line - 1]
        if near:
            return near[-1]
        if not person:
            return None
        return ok[-1] if ok else None

    # -- who a phrase names --------------------------------------------------------------------------------

    def resolve(self, text: str, pos: int, line: int) -> _Who:
        """The speaker a phrase names, at raw offset ``pos`` in line ``line``."""
        key = (pos, len(text))
        if key in self._who:
            return self._who[key]
        who = self._resolve(text, pos, line)
        self._who[key] = who
        return who

    def _resolve(self, text: str, pos: int, line: int) -> _Who:
        phrase = drop_invisible(normalise(text)).strip()
        if not phrase:
            return _Who()
        low = phrase.lower()
        if low in _PERSON_PRONOUNS or low in _BODY_PRONOUNS:
            gender = _PERSON_PRONOUNS.get(low)
            m = self.antecedent(pos, line, gender=gender, person=low in _PERSON_PRONOUNS)
            if m is None:
                return _Who(mention=text)
            if gender and m.gender is None:
                self.learn_gender(m, gender)  # "she" was this person: she is no "he" further on
            return _Who(m.actor or m.text, m.actor, m.kind if m.kind != UNKNOWN else self._person_kind(m.actor),
                        BY_PRONOUN, text, m.person, gender or m.gender)
        toks = tokenize(phrase)
        words = [t for t in toks if _is_word(t)]
        if not words:
            return _Who()
        if _is_cap(words[0]) and _common(words[0].text):
            # A common noun capitalised because it opens the sentence: "Sources said", "Officials said".
            toks = [Token(t.start, t.end, t.text.lower(), t.kind) if t is words[0] else t for t in toks]
            words = [t for t in toks if _is_word(t)]
        head = _head(toks)
        head_words = [t for t in head if _is_word(t)]
        noun = head_words[-1] if head_words else words[-1]
        det = _low(words[0])
        document = _in(noun.text, DOCUMENT_WORDS) and not _is_cap(noun)
        media = _in(noun.text, MEDIA_WORDS) or (_low(noun) == "agency" and any(_low(t) == "news" for t in head))
        named = self._match(phrase, toks, head, wide=document or _is_cap(noun) or _in(noun.text, SPOKESPERSON_WORDS),
                            pos=pos)
        if not document and not media and (not named or named[0] not in self.actors.person) \
                and det not in _DEFINITE and det not in _POSSESSIVE_DETERMINERS \
                and not self._names_someone(phrase, head) and _in(noun.text, ANONYMOUS_WORDS) and not _is_cap(noun):
            return _Who(text, "", ANONYMOUS, UNNAMED, text)
        context_role = self._role_in_line(pos, line, len(text))
        if named:
            actor, description = named
            person = actor in self.actors.person
            if document:
                kind = DOCUMENT
            elif media or actor in self.actors.media:
                kind = MEDIA
            else:
                kind = _role_near(head, 0, len(head) - 1) or context_role or self.actor_role(actor) or (
                    UNKNOWN if person else OFFICIAL)
            resolution = BY_DESCRIPTION if description else BY_NAME
            if description and person:
                kind = self.actor_role(actor) or kind
            speaker = actor if description and not document else text
            return _Who(speaker, actor, kind, resolution, text, person, self._gender.get(actor))
        if document:
            return _Who(text, "", DOCUMENT, UNNAMED, text)
        if media:
            return _Who(text, "", MEDIA, UNNAMED if not _has_name(head) else BY_NAME, text)
        role = _role_near(head, 0, len(head) - 1) or _role_near(toks, 0, len(toks) - 1)
        if det in _DEFINITE and not _has_name(head) and role in (OFFICIAL, SPOKESPERSON, EXPERT, CITIZEN) \
                and not _in(noun.text, _BODY_WORDS) and not _possessor_end(head) and len(head) == len(toks):
            # A bare description ("the diplomat"), not a role of some body ("the commission's chairman").
            m = self.antecedent(pos, line, gender=_gender_of_words(words), person=True)
            if m is not None:
                kind = (self.actor_role(m.actor) if m.actor else None) or role
                return _Who(m.actor or m.text, m.actor, kind, BY_DESCRIPTION, text, True, m.gender)
            # Nobody named before: the description as written, and no one guessed behind it.
            return _Who(text, "", role, UNNAMED, text, True, _gender_of_words(words))
        if _has_name(head):
            person = not any(_in(t.text, _BODY_WORDS) for t in head_words)
            kind = role or context_role or (OFFICIAL if not person else UNKNOWN)
            return _Who(text, "", kind, BY_NAME, text, person, _gender_of_words(words))
        kind = role or UNKNOWN
        if kind == UNKNOWN and _in(noun.text, _BODY_WORDS):
            kind = OFFICIAL
        return _Who(text, "", kind, UNNAMED, text)

    def _names_someone(self, phrase: str, head: list[Token]) -> bool:
        """A personal name in the head: two capitalised words that are not the name of a body or a place."""
        bodies = [(s, e) for s, e, al in self.actors.find(phrase) if not set(al.actors) & self.actors.person]
        run: list[Token] = []
        for t in [*head, Token(len(phrase), len(phrase), "", "punct")]:
            if _is_cap(t) and _low(t) not in _DETERMINERS and _low(t) not in _TITLES:
                run.append(t)
                continue
            if len(run) >= 2 and not any(s <= run[0].start and run[-1].end <= e for s, e in bodies):
                return True
            run = []
        return False

    def _role_in_line(self, pos: int, line: int, length: int) -> str | None:
        """The role word next to a phrase in its sentence ("said Omar Farouk, an economist at ...")."""
        if not 0 <= line < len(self.lines):
            return None
        ln = self.lines[line]
        if not ln.start <= pos < ln.end:
            return None
        lo = ln.token_at(pos - ln.start)
        hi = ln.token_at(pos - ln.start + length) - 1
        return _role_near(ln.tokens, lo, hi) if lo <= hi else None

    def learn_gender(self, m: _Mention, gender: str) -> None:
        """Record the gender a pronoun gave a person, for every mention of that person."""
        if m.actor:
            self._gender.setdefault(m.actor, gender)
        for other in self.mentions:
            if other.gender is None and (other.actor == m.actor if m.actor else other.text == m.text):
                other.gender = gender

    def _person_kind(self, actor: str) -> str:
        return (self.actor_role(actor) or UNKNOWN) if actor else UNKNOWN

    def _match(self, phrase: str, toks: list[Token], head: list[Token], *, wide: bool, pos: int
               ) -> tuple[str, bool] | None:
        """The actor a phrase names (rightmost alias of its head, else of the whole phrase when ``wide``)."""
        if not self.actors.aliases:
            return None
        head_end = head[-1].end if head else len(phrase)
        possessor_end = _possessor_end(head)
        found = self.actors.find(phrase)
        joined = " and " in phrase[: head_end].lower()
        for lo, hi in ((possessor_end, head_end), (0, head_end), (0, len(phrase)) if wide else (0, 0)):
            hits = [f for f in found if f[0] >= lo and f[1] <= hi]
            if hits:
                if joined:
                    actors = list(dict.fromkeys(self._pick(f[2], pos) for f in hits))
                    actors = [a for a in actors if a]
                    if len(actors) > 1:
                        return "; ".join(actors), False
                best = max(hits, key=lambda f: (f[1], f[1] - f[0]))
                actor = self._pick(best[2], pos)
                if actor:
                    return actor, best[2].description
        # A surname (or given name) of a person named before in the article: "Marsh" after "Mayor Helen Marsh".
        for t in reversed(head):
            if _is_cap(t) and _low(t) not in _TITLES:
                for m in reversed(self.mentions):
                    if m.pos < pos and m.person and m.actor and t.text in m.actor.split():
                        return m.actor, False
                break
        if wide:
            bare = [f for f in self.actors.find_bare(phrase)]
            if bare:
                actor = self._pick(bare[-1][2], pos)
                if actor:
                    return actor, True
        return None

    # -- the subject of an attributing verb ---------------------------------------------------------------------

    def phrase(self, ln: _Line, a: Attribution) -> tuple[str, int]:
        """The speaker's phrase of attribution ``a`` of line ``ln`` as written, and its raw offset (-1: none)."""
        key = (id(ln), a.start, a.end)
        if key not in self._phrases:
            self._phrases[key] = self._phrase(ln, a)
        return self._phrases[key]

    def _phrase(self, ln: _Line, a: Attribution) -> tuple[str, int]:
        span = self._subject(ln, a)
        toks = ln.tokens
        quoted = self.quoted_tokens(ln.index) if self._real(ln) else set()
        if span is None and a.kind == "verb" and a.verb.lower().startswith("according"):
            first = ln.token_at(a.end)
            last = _np_end(toks, first, quoted)
            if last >= first:
                span = (first, last)
        if span is None and a.speaker and a.speaker_start < a.start and a.kind == "verb":
            # "A statement from the ministry said": the document, not only its issuer.
            lo, hi = ln.token_at(a.speaker_start), ln.token_at(a.speaker_end) - 1
            wider = _np_start(toks, hi, quoted, cross=True)
            if wider < lo and any(_in(t.text, DOCUMENT_WORDS) and not _is_cap(t) for t in toks[wider:lo]):
                span = (wider, hi)
        if span is None and a.speaker:
            lo, hi = ln.token_at(a.speaker_start), ln.token_at(a.speaker_end) - 1
            first = ln.token_at(a.start)
            if lo > first and a.kind == "verb" and not a.verb.lower().startswith("according") and first > 0 \
                    and toks[first - 1].text not in "," + _QUOTE_CHARS and (first - 1) not in quoted:
                return "", -1  # "remarks showed he had ...": what follows the verb is its clause, not its speaker
            if hi >= lo:
                span = (lo, hi)
        if span is not None:
            lo, hi = span
            while lo < hi and (_low(toks[lo]) in _LEADING or toks[lo].text in ",;("):
                lo += 1  # "But a senior official said"
            for k in range(lo + 1, hi):
                if toks[k].text in ",(" and k + 1 <= hi and (_low(toks[k + 1]) in _PREPOSITIONS or
                                                            toks[k].text == "("):
                    hi = k - 1  # "Sorel, in turn, said"; "the party (Forward Together) said"
                    break
            while hi > lo and (_low(toks[hi]) in _PARENTHETICAL or toks[hi].text in ",;()"):
                hi -= 1  # "The diplomat however, hailed"
            if len(a.speaker) <= 3 and a.speaker.lower() in _PERSON_PRONOUNS.keys() | _BODY_PRONOUNS | {"we", "i"}:
                return a.speaker, ln.start + a.speaker_start  # "his words" -> "he"
            return ln.raw[toks[lo].start:toks[hi].end], ln.start + toks[lo].start
        return "", -1

    def _real(self, ln: _Line) -> bool:
        return ln.index < len(self.lines) and self.lines[ln.index] is ln

    def _subject(self, ln: _Line, a: Attribution) -> tuple[int, int] | None:
        """Token span of the subject where the rules of this module read it better than the cue finder."""
        if a.kind not in ("verb", "speech"):
            return None
        toks = ln.tokens
        quoted = self.quoted_tokens(ln.index) if self._real(ln) else set()
        first = ln.token_at(a.start)
        verb = a.verb.lower()
        if verb.startswith("according"):
            return None
        # "X was quoted (by Y) as saying": X speaks.
        if verb.endswith("saying") and first >= 1 and _low(toks[first - 1]) == "as":
            for k in range(first - 2, max(-1, first - 10), -1):
                if _low(toks[k]).startswith("quot") and k >= 1 and _low(toks[k - 1]) in ("was", "were", "is", "are",
                                                                                          "been", "being"):
                    j = k - 1
                    while j >= 1 and _low(toks[j - 1]) in ("has", "have", "had", "been"):
                        j -= 1
                    lo = _np_start(toks, j - 1, quoted, cross=True)
                    return (lo, j - 1) if lo <= j - 1 else None
            return None
        # "As one comment put it:" — the whole noun phrase before the speech act.
        if verb == "put it":
            lo = _np_start(toks, first - 1, quoted, cross=True)
            return (lo, first - 1) if lo <= first - 1 else None
        k = first - 1
        while k >= 0 and toks[k].kind == "word" and toks[k].text.islower() and (
                _low(toks[k]) in _TIME_WORDS or _low(toks[k]).endswith("ly") or _low(toks[k]) in _AUXILIARIES):
            k -= 1
        if k >= 0 and toks[k].text == "," and k not in quoted:
            return self._chain_subject(ln, k, quoted)
        # A relative clause holding the verb: "Mayor Helen Marsh, who took office promising ...".
        j = k
        while j >= 0 and toks[j].text not in ",;:" and j not in quoted and _low(toks[j]) not in ("who", "which"):
            j -= 1
        if j >= 1 and _low(toks[j]) in ("who", "which") and toks[j - 1].text == ",":
            return self._chain_subject(ln, j - 1, quoted, relative=True)
        return None

    def _chain_subject(self, ln: _Line, comma: int, quoted: set[int], *, relative: bool = False
                       ) -> tuple[int, int] | None:
        """The subject before a chain of comma-separated appositives ending at token ``comma``."""
        toks = ln.tokens
        segments: list[tuple[int, int]] = []
        hi = comma - 1
        while hi >= 0 and hi not in quoted and toks[hi].text not in ";:":
            lo = hi
            while lo - 1 >= 0 and toks[lo - 1].text not in ",;:" and (lo - 1) not in quoted:
                lo -= 1
            segments.insert(0, (lo, hi))
            if lo - 1 >= 0 and toks[lo - 1].text == "," and (lo - 1) not in quoted:
                hi = lo - 2
                continue
            break
        if not segments:
            return None
        if relative:
            return self._antecedent_span(toks, segments, quoted)
        for n, (lo, hi) in enumerate(segments):
            seg = toks[lo:hi + 1]
            first = _low(seg[0])
            if first in _PREPOSITIONS or first in ("in", "on", "at", "after", "before", "during", "speaking") or (
                    seg[0].text.islower() and first.endswith("ing")):
                continue  # a fronted adverbial: "In sentencing,", "Speaking on the steps,"
            rel = next((i for i, t in enumerate(seg) if _low(t) in ("who", "which", "whose")), len(seg))
            core = seg[:rel]
            if not core or _any_finite(core):
                if n + 1 < len(segments) and _low(toks[segments[n + 1][0]]) in ("who", "which"):
                    return self._antecedent_span(toks, segments[:n + 1], quoted)
                return None
            if not all(_parenthetical(toks[a:b + 1]) for a, b in segments[n + 1:]):
                return None
            end = lo + len(core) - 1
            for a, b in segments[n + 1:]:
                app = toks[a:b + 1]
                cut = next((i for i, t in enumerate(app) if _low(t) in ("who", "which", "whose")), len(app))
                if cut and app[0].kind != "number" and not (app[0].text.islower() and _low(app[0]).endswith(
                        ("ing", "ed"))):
                    end = a + cut - 1
            return lo, end
        return None

    @staticmethod
    def _antecedent_span(toks: Sequence[Token], segments: list[tuple[int, int]], quoted: set[int]
                         ) -> tuple[int, int] | None:
        """The noun phrase right before ", who/which": the last segment, with the appositives before it.

        "Mayor Helen Marsh, who" -> "Mayor Helen Marsh"; "his predecessor, Donald Trump, who" -> both;
        "... authorized the release of a 15-page declassified report, which" -> "a 15-page declassified
        report" (a clause before: the noun phrase that ends it).
        """
        lo, hi = segments[-1]
        if _any_finite(toks[lo:hi + 1]):
            start = _np_start(toks, hi, quoted, cross=False)
            return (start, hi) if start <= hi else None
        start = lo
        for a, b in reversed(segments[:-1]):
            if _any_finite(toks[a:b + 1]):
                if _is_cap(toks[lo]):
                    start = min(start, _np_start(toks, b, quoted, cross=False))
                break
            start = a
        return start, hi

    # -- the reported clauses of a verb --------------------------------------------------------------------

    def clauses(self, li: int, a: Attribution) -> list[tuple[int, int]]:
        """The reported clauses of attribution ``a`` of line ``li`` (sentence-relative offsets), cached."""
        key = (li, a.start, a.end)
        if key not in self._clauses:
            self._clauses[key] = self._find_clauses(self.lines[li], a)
        return self._clauses[key]

    def _find_clauses(self, ln: _Line, a: Attribution) -> list[tuple[int, int]]:
        if a.kind not in ("verb", "speech"):
            return []
        toks = ln.tokens
        n = len(toks)
        quoted = self.quoted_tokens(ln.index)
        first, last = ln.token_at(a.start), ln.token_at(a.end) - 1
        if first >= n or last < first:
            return []
        verb = a.verb.lower()
        words = verb.split()
        if verb.startswith("according"):
            before = [t for t in toks[:first] if _is_word(t)]
            if not before or all(_low(t) in ("but", "and", "yet", "meanwhile", "however") for t in before):
                j = next((k for k in range(last + 1, n) if toks[k].text == "," and k not in quoted), None)
                return self._parts(ln, j + 1) if j is not None else []
            k, comma = first - 1, False
            while k >= 0 and (toks[k].text in _QUOTE_CHARS or toks[k].text == ","):
                comma = comma or toks[k].text == ","
                k -= 1
            return self._before(ln, k + 1) if comma else []  # not "ran according to schedule"
        if a.kind == "speech":
            if not _QUESTION_VERB.match(words[0]):
                return []
            j = last + 1
            while j < n and _low(toks[j]) in _ADDRESSEES:
                j += 1
            if j < n and _low(toks[j]) in _WH_WORDS and j not in quoted:
                return self._parts(ln, j)
            return []
        # A reporting clause after the words it reports: "..., she said", "..., says X".
        subject = self._subject(ln, a)
        if subject is not None:
            lo = subject[0]
        elif a.speaker and a.speaker_start < a.start:
            lo = ln.token_at(a.speaker_start)
        else:
            lo = first
        if lo >= 1 and toks[lo - 1].text == "," and (lo - 1) not in quoted and self._ends_clause(ln, a, lo, quoted):
            return self._before(ln, lo - 1)
        return self._complement(ln, a)

    def _ends_clause(self, ln: _Line, a: Attribution, lo: int, quoted: set[int]) -> bool:
        """True when attribution ``a`` (its subject from token ``lo``) is a reporting clause after its content.

        The subject is one noun phrase (not "an assertion the delegation", a reduced relative) and
        nothing follows the verb but an addressee, a time or the end of the clause.
        """
        toks = ln.tokens
        n = len(toks)
        first, last = ln.token_at(a.start), ln.token_at(a.end) - 1
        subject = range(lo, first) if lo < first else range(last + 1, last + 1)
        for k in subject:
            if k > lo and _low(toks[k]) in _DETERMINERS and _low(toks[k - 1]) not in _PREPOSITIONS:
                return False
        j = last + 1
        if lo > last:  # inverted: "..., says Health Minister Dr Farah Aziz."
            return True
        if j < n and (_low(toks[j]) in _ADDRESSEES or _low(toks[j]) in ("the", "a")):
            j += 1
        while j < n and (_is_cap(toks[j]) or _low(toks[j]) in _TIME_WORDS or _low(toks[j]) in ("on", "in")) \
                and j not in quoted:
            j += 1
        return j >= n or toks[j].text in ",.;!?" and j not in quoted

    def _complement(self, ln: _Line, a: Attribution) -> list[tuple[int, int]]:
        """The clause after a reporting verb: after "that", or a clause that follows it directly."""
        toks = ln.tokens
        n = len(toks)
        quoted = self.quoted_tokens(ln.index)
        last = ln.token_at(a.end) - 1
        i = last + 1
        for j in range(i, min(n, i + 25)):
            t = toks[j]
            if j in quoted or t.text in ",;:" or t.text in _QUOTE_CHARS:
                break
            if _low(t) == "that" and t.text.islower():
                if j + 1 < n and _finite_at(toks, j + 1):
                    break  # "the charges that were": a relative clause
                if _any_finite(toks, i, j):
                    break
                return self._parts(ln, j + 1)
        verb = a.verb.split()[0]
        j = i
        if _TELL_VERBS.match(verb) and j < n and j not in quoted:
            if _low(toks[j]) in _ADDRESSEES:
                j += 1
            elif _low(toks[j]) in ("the", "a") or _is_cap(toks[j]):
                j += 1
                while j < n and _is_cap(toks[j]) and j not in quoted:
                    j += 1
        while j < n and j not in quoted:
            low = _low(toks[j])
            if low in _TIME_WORDS or (low == "back" and j + 1 < n and _low(toks[j + 1]) == "then"):
                j += 2 if low == "back" else 1
            elif low in ("on", "in", "last", "this") and j + 1 < n and (_is_cap(toks[j + 1]) or _low(toks[j + 1])
                                                                      in ("week", "month", "year", "weekend")):
                j += 2
            else:
                break
        if j >= n or j in quoted or not _is_word(toks[j]) or _low(toks[j]) in _NOT_A_CLAUSE:
            return []
        if _ACCUSE.match(verb) or _URGE.match(verb):
            link = "of" if _ACCUSE.match(verb) else "to"
            if _low(toks[j]) == link:
                return []  # "was accused of favouritism": no accuser named, no words reported
            for m in range(j, min(n, j + 7)):
                if toks[m].text in ",;:." or m in quoted:
                    break
                if _low(toks[m]) == link:
                    return self._parts(ln, j)
            return []
        for m in range(j, min(n, j + 12)):
            if toks[m].text in ",;:" or m in quoted:
                break
            if m > j and _finite_at(toks, m):
                return self._parts(ln, j)
        return []

    def _end_of_clause(self, ln: _Line, start: int) -> int:
        """Token index (exclusive) where the clause that starts at token ``start`` ends."""
        toks = ln.tokens
        n = len(toks)
        quoted = self.quoted_tokens(ln.index)
        verb_tokens = {ln.token_at(b.start) for b in self.attributions(ln.index) if b.kind in ("verb", "speech")}
        for k in range(start, n):
            t = toks[k]
            if k in quoted:
                continue
            if t.text in ";:" or t.text in "\u2014\u2013" or (t.text == "-" and k + 1 < n and
                                                              toks[k + 1].start > t.end):
                return k
            if t.text == ",":
                nxt = k + 1
                if nxt < n and (nxt in quoted or toks[nxt].text in _QUOTE_CHARS):
                    return k
                if nxt < n and _low(toks[nxt]) in _CLAUSE_END_AFTER_COMMA:
                    return k
                if any(m in verb_tokens for m in range(nxt, min(n, nxt + 5))) and not any(
                        toks[m].text in ",;:" for m in range(nxt, min(n, nxt + 5)) if m not in verb_tokens):
                    return k
        return n

    def _parts(self, ln: _Line, start: int) -> list[tuple[int, int]]:
        """The clause from token ``start`` to its end, split before "and that" (sentence-relative offsets)."""
        toks = ln.tokens
        if start >= len(toks):
            return []
        end = self._end_of_clause(ln, start)
        quoted = self.quoted_tokens(ln.index)
        cuts = [start]
        for k in range(start, end - 1):
            if _low(toks[k]) == "and" and _low(toks[k + 1]) == "that" and k not in quoted:
                cuts.append(k + 2)
        out = []
        for a, b in zip(cuts, [*cuts[1:], end]):
            last = b - 1
            if b != end:
                last = b - 3  # before "and that"
            while last >= a and (toks[last].kind == "punct" and last not in quoted):
                last -= 1
            if last >= a:
                out.append((toks[a].start, toks[last].end))
        return out

    def _before(self, ln: _Line, comma: int) -> list[tuple[int, int]]:
        """The clause before token ``comma``: from the sentence start (or the last ; : or dash) to it."""
        toks = ln.tokens
        quoted = self.quoted_tokens(ln.index)
        lo = 0
        for k in range(comma - 1, -1, -1):
            if k not in quoted and (toks[k].text in ";:" or toks[k].text in "\u2014\u2013"):
                lo = k + 1
                break
        seg = range(lo, comma)
        if not seg:
            return []
        inside = [k for k in seg if k in quoted]
        if len(inside) * 2 > len(seg) or not inside and not _any_finite(toks, lo, comma, quoted):
            return []
        hi = comma - 1
        while hi >= lo and toks[hi].kind == "punct" and hi not in quoted:
            hi -= 1
        return [(toks[lo].start, toks[hi].end)] if hi >= lo else []

    # -- quotations --------------------------------------------------------------------------------------------

    def quote_rows(self) -> list[_Row]:
        rows: list[_Row] = []
        for q in self.quotes.spans:
            li = self.line_of(q.start)
            if li is None:
                continue
            ln = self.lines[li]
            row = _Row(ln, q.start, q.end, _quote_kind(ln.text, q.start - ln.start, self.raw[q.start:q.end]))
            self._attribute(row, li)
            rows.append(row)
        nested = [r for row in rows for r in self._nested(row)]
        return rows + nested

    def _attribute(self, row: _Row, li: int) -> None:
        ln = self.lines[li]
        rel = row.start - ln.start
        if _OWN_LABEL.search(ln.text[max(0, rel - 24):rel]):
            row.forced = _Who()
            return
        speaker, verb, found = self.base.get((row.start, row.end), ("", "", "none"))
        att, att_line = None, None
        if found == "same_sentence":
            closing = self.line_of(max(row.start, row.end - 1))
            for idx in dict.fromkeys([li, closing if closing is not None else li]):
                cand = [a for a in self.attributions(idx) if a.verb == verb]
                if cand:
                    here = self.lines[idx]
                    qs, qe = row.start - here.start, row.end - here.start
                    att = min(cand, key=lambda a: _gap(a, qs, qe))
                    att_line = here
                    break
        elif found == "previous_sentence" and li >= 1:
            cand = [a for a in self.attributions(li - 1) if a.verb == verb and a.speaker and a.kind in ("verb",
                                                                                                       "speech")]
            if cand:
                att, att_line = cand[-1], self.lines[li - 1]
        if att is not None and att.kind == "colon" and att_line is not None:
            att = self._colon(att_line, att)
        # Inside the reported clause of a verb before it: that verb (the innermost).
        holders = [a for a in self.attributions(li) if a.kind in ("verb", "speech") and a.end <= rel
                   and any(s <= rel < e for s, e in self.clauses(li, a))]
        if holders:
            holder = max(holders, key=lambda a: a.start)
            inner = att is not None and att_line is ln and holder.end <= att.start and att.end <= rel
            if not inner:  # a word of its own inside the clause ("reported that X called them "...""): that word
                att, att_line = holder, ln
        if att is None and ln.headline:
            label = _HEADLINE_LABEL.match(ln.text)
            if label and label.end() <= rel:
                name = label.group(1)
                row.forced = self.resolve(name, ln.start + label.start(1), li)
                row.forced_cue = (ln.start + label.end() - 1, ln.start + label.end())
                return
        row.att, row.att_line = att, att_line if att is not None else None

    def _colon(self, ln: _Line, a: Attribution) -> Attribution | None:
        """A colon's attribution: the verb right before it, a speaker's name before it, or nobody."""
        verbs = [b for b in self.attributions(ln.index) if b.kind in ("verb", "speech") and b.end <= a.start]
        if verbs:
            b = verbs[-1]
            between = ln.tokens[ln.token_at(b.end):ln.token_at(a.start)]
            if len(between) <= 6 and all(_is_word(t) for t in between):
                return b
        lo = 0
        toks = ln.tokens
        at = ln.token_at(a.start)
        for k in range(at - 1, -1, -1):
            if toks[k].text in ",;:":
                lo = k + 1
                break
        if _any_finite(toks, lo, at) or at - lo > 6:
            return None
        return a

    def _nested(self, row: _Row) -> list[_Row]:
        """Quotations inside the quotation ``row``, attributed by the reporting verbs inside it."""
        raw = self.raw[row.start:row.end]
        lead = len(raw) - len(raw.lstrip(_QUOTE_CHARS))
        trail = len(raw) - len(raw.rstrip(_QUOTE_CHARS + " .,;!?"))
        inner = raw[lead:len(raw) - trail] if trail else raw[lead:]
        if not inner or not any(c in inner for c in _QUOTE_CHARS):
            return []
        base = row.start + lead
        out = []
        for sp in quote_spans(normalise(inner)):
            pseudo = _Line(row.line.index, row.line.article_id, row.line.outlet, row.line.sentence_id, base, inner,
                           row.line.paragraph, row.line.headline)
            verbs = [(vs - base, ve - base) for vs, ve in self.quoted_verbs
                     if base <= vs and ve <= base + len(inner) and not (sp.start <= vs - base < sp.end)]
            atts = [a for a in sentence_attributions(pseudo, [(sp.start, sp.end)], verbs, self.speech_res)
                    if a.kind in ("verb", "speech") and a.speaker]
            kind = _quote_kind(inner, sp.start, inner[sp.start:sp.end])
            nested = _Row(row.line, base + sp.start, base + sp.end, kind, nested=True)
            if atts:
                nested.att = min(atts, key=lambda a: _gap(a, sp.start, sp.end))
                nested.att_line = pseudo
            out.append(nested)
        return out

    # -- reported speech -------------------------------------------------------------------------------------

    def indirect_rows(self, quote_rows: list[_Row]) -> list[_Row]:
        out: list[_Row] = []
        plain = [r for r in quote_rows if not r.nested]
        for li, ln in enumerate(self.lines):
            for a in self.attributions(li):
                for s, e in self.clauses(li, a):
                    rs, re_ = ln.start + s, ln.start + e
                    inside = [r for r in plain if rs <= r.start < re_]
                    own = [r for r in inside if r.att is not None and r.att_line is ln and r.att.start == a.start]
                    if own:
                        for r in own:
                            r.reported = (min(rs, r.start), max(re_, r.end))
                        continue
                    others = [r for r in inside if r.att is not None or r.forced is not None and r.forced.speaker]
                    if others:
                        re_ = min(r.start for r in others)
                        while re_ > rs and not self.raw[re_ - 1].isalnum():
                            re_ -= 1
                    if re_ - rs < 3:
                        continue
                    row = _Row(ln, rs, re_, INDIRECT, a, ln)
                    if _fronted_question(ln, a):
                        row.forced = _Who(mention="")
                    out.append(row)
        # Reported speech inside reported speech ("said that Biden's remarks showed he ...") is the outer
        # speaker's report: the outer row stands for it.
        return [r for r in out if not any(o is not r and o.line is r.line and o.start <= r.cue[0] < o.end
                                          for o in out)]

    # -- speakers ---------------------------------------------------------------------------------------------

    def resolve_rows(self, rows: list[_Row]) -> None:
        """Give every row its speaker, in text order, so that a pronoun sees the speakers before it."""
        keyed = []
        for r in rows:
            if r.forced is None and r.att is not None and r.att_line is not None:
                text, pos = self.phrase(r.att_line, r.att)
                r.phrase = (text, pos, pos + len(text))
                keyed.append((pos if pos >= 0 else r.att_line.start + r.att.start, r))
            else:
                keyed.append((r.start, r))
        keyed.sort(key=lambda x: (x[0], x[1].start))
        previous: list[_Row] = []
        for pos, r in keyed:
            if r.forced is not None:
                r.who = r.forced
            elif r.phrase is not None:
                line = r.line.index
                r.who = self.resolve(r.phrase[0], pos, line) if r.phrase[0] else _Who()
                if (r.who.speaker or r.who.actor) and not r.nested:
                    self.add_speaker(pos, line, r.who)
            elif r.kind != INDIRECT and not r.nested:
                r.who = self._context(r, previous)
                if r.who.speaker:
                    r.who = _Who(r.who.speaker, r.who.actor, r.who.kind, BY_CONTEXT, r.who.mention, r.who.person,
                                 r.who.gender)
            if r.kind != INDIRECT and not r.nested:
                previous.append(r)
        self._headline_from_body(rows)

    def _context(self, r: _Row, previous: list[_Row]) -> _Who:
        """Rule 8: a quotation that opens its sentence without attribution."""
        ln = r.line
        if ln.headline or ln.text[: r.start - ln.start].strip(" " + _QUOTE_CHARS):
            return _Who()
        li = ln.index
        if previous:
            prev = previous[-1]
            end_line = self.line_of(max(prev.start, prev.end - 1))
            ran_on = not self.raw[prev.start:prev.end].rstrip().endswith(tuple(_QUOTE_CHARS))
            if prev.who.speaker and end_line is not None and (end_line == li - 1 or (
                    ran_on and self.lines[end_line].paragraph == ln.paragraph - 1)):
                return prev.who
        if li >= 1 and not self.lines[li - 1].headline:
            before = self.lines[li - 1]
            hits = self.actors.find(before.text)
            if hits:
                s, e, al = hits[0]
                lead = before.text[:s].split()
                if all(w.strip(".").lower() in _TITLES or role_type(w) or w[:1].isupper() for w in lead) \
                        and len(lead) <= 3:
                    actor = self._pick(al, before.start + s)
                    if actor in self.actors.person:
                        return _Who(actor, actor, self.actor_role(actor) or UNKNOWN, BY_CONTEXT, before.raw[s:e],
                                    True, self._gender.get(actor))
        return _Who()

    def _headline_from_body(self, rows: list[_Row]) -> None:
        """Rule 7: a headline quotation without speaker takes the speaker of a body quotation with its words."""
        body = [r for r in rows if not r.line.headline and r.kind != INDIRECT and r.who.speaker]
        for r in rows:
            if not r.line.headline or r.who.speaker or r.kind == INDIRECT or r.forced is not None:
                continue
            words = _content_words(self.raw[r.start:r.end])
            if not words:
                continue
            for b in body:
                if words <= _content_words(self.raw[b.start:b.end]):
                    r.who = _Who(b.who.speaker, b.who.actor, b.who.kind, BY_CONTEXT, b.who.mention, b.who.person,
                                 b.who.gender)
                    r.att, r.att_line = None, None
                    break


    # -- the rows of quotes.csv --------------------------------------------------------------------------------

    def table_rows(self, groups: dict[tuple[str, int, int], str]) -> list[dict[str, object]]:
        """The rows of :func:`find_quotes` for this article."""
        self.collect_mentions()
        quoted = self.quote_rows()
        rows = quoted + self.indirect_rows(quoted)
        self.resolve_rows(rows)
        out: list[dict[str, object]] = []
        for r in rows:
            text = self.raw[r.start:r.end]
            if r.kind != INDIRECT and r.att is None and not r.who.speaker and _n_words(text) <= _MAX_SCARE_WORDS:
                continue  # the outlet's own quotation marks
            cs, ce = r.cue
            verb, group = "", ""
            if r.att is not None and r.att_line is not None:
                verb = r.att_line.raw[r.att.start:r.att.end]
                if r.att.kind == "verb":
                    group = groups.get((r.line.article_id, cs, ce), "")
            elif r.forced_cue is not None:
                verb = ":"
            rs, re_ = r.reported or (r.start, r.end)
            mention = r.who.mention or (r.phrase[0] if r.phrase else "")
            out.append({
                "article_id": r.line.article_id, "outlet": r.line.outlet, "quote_id": "",
                "sentence_id": r.line.sentence_id, "start": r.start, "end": r.end, "text": text, "kind": r.kind,
                "speaker": r.who.speaker, "speaker_actor": r.who.actor,
                "speaker_type": r.who.kind if (r.who.speaker or r.who.actor) else UNKNOWN, "verb": verb,
                "verb_group": group, "cue_start": cs, "cue_end": ce, "mention": mention,
                "resolution": r.who.resolution if (r.who.speaker or r.who.actor) else NO_SPEAKER,
                "reported_start": rs, "reported_end": re_,
            })
        out.sort(key=lambda d: (d["start"], d["end"]))
        for k, d in enumerate(out, start=1):
            d["quote_id"] = f"{d['article_id']}-q{k:03d}"
        return out


def _head(toks: list[Token]) -> list[Token]:
    """The words of a phrase before its first preposition or relative pronoun (appositives kept)."""
    out: list[Token] = []
    for t in toks:
        low = _low(t)
        if out and (low in _PREPOSITIONS or low in ("who", "which", "whose") or t.text in ";:("):
            break
        out.append(t)
    return out


def _possessor_end(head: list[Token]) -> int:
    """Offset just after the last possessive "'s" of the head (0 when none)."""
    at = 0
    for t in head:
        if _low(t) in ("'s", "'"):
            at = t.end
    return at


def _common(word: str) -> bool:
    """A common noun of the word lists (a role, a source, a document, a medium)."""
    return bool(role_type(word)) or any(_in(word, w) for w in (ANONYMOUS_WORDS, DOCUMENT_WORDS, MEDIA_WORDS))


def _has_name(toks: Sequence[Token]) -> bool:
    """A capitalised word that is not a determiner or a title opening the phrase."""
    words = [t for t in toks if _is_word(t)]
    for k, t in enumerate(words):
        if not _is_cap(t):
            continue
        low = _low(t)
        if k == 0 and (low in _DETERMINERS or low in _POSSESSIVE_DETERMINERS):
            continue
        if low in _TITLES:
            continue
        return True
    return False


def _gender_of_words(words: Sequence[Token]) -> str | None:
    for t in words:
        low = _low(t).strip(".")
        if low in _MALE_TITLES:
            return _MALE
        if low in _FEMALE_TITLES:
            return _FEMALE
    return None


def _role_near(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """The type of the role word nearest to the name at tokens ``first..last``.

    Looks inside the span, then left over up to four words of the same noun phrase ("Old Town
    pharmacist Mei Chua", "his spokesman Dmitry Peskov"), then into an appositive after a comma
    ("Piet Vos, 70, a retired crane operator", "Anna Berg, the trade minister") or
    before one ("A shopkeeper, Jonas Berg").
    """
    n = len(tokens)
    for k in range(last, first - 1, -1):
        if 0 <= k < n and (kind := role_type(tokens[k].text)):
            return kind
    k, steps = first - 1, 0
    while k >= 0 and steps < 4 and _is_word(tokens[k]) and _low(tokens[k]) not in _NP_STOP:
        if kind := role_type(tokens[k].text):
            return kind
        k -= 1
        steps += 1
    # An appositive after the name: ", 74, a retired crane operator who ..."
    k = last + 1
    if k < n and tokens[k].text == ",":
        k += 1
        if k < n and tokens[k].kind == "number":
            k += 2 if k + 1 < n and tokens[k + 1].text == "," else 1
        steps = 0
        while k < n and steps < 8 and _is_word(tokens[k]) and _low(tokens[k]) not in ("who", "which", "said"):
            if kind := role_type(tokens[k].text):
                return kind
            k += 1
            steps += 1
    # An appositive before the name: "A shopkeeper, Jonas Berg, told".
    k = first - 1
    if k >= 1 and tokens[k].text == ",":
        k -= 1
        steps = 0
        while k >= 0 and steps < 5 and _is_word(tokens[k]):
            if kind := role_type(tokens[k].text):
                return kind
            k -= 1
            steps += 1
    return None


_HEADLINE_LABEL = re.compile(r"^\s*((?:[A-Z][\w'\u2019.\-]*\s+){0,3}[A-Z][\w'\u2019.\-]*)\s*:\s")
_STOP_WORDS = frozenset(
    "a an the of to and in on for is are was were be it that this with as at by from we they he she i our their "
    "his her its not but or".split())


def _gap(a: Attribution, qs: int, qe: int) -> tuple[int, int]:
    gap = qs - a.end if a.end <= qs else a.start - qe if a.start >= qe else 0
    return (gap, a.start)


def _np_start(toks: Sequence[Token], i: int, quoted: set[int], *, cross: bool) -> int:
    """Index of the first token of the noun phrase that ends at token ``i``, read leftwards.

    ``cross``: read on across "of/on/by ..." after a determiner ("one comment on the ministry's page").
    A lower-case word in -ed stays in the phrase before a noun ("a declassified report"), not before
    a determiner ("authorized the release").
    """
    k = i
    while k >= 0:
        t = toks[k]
        low = _low(t)
        if k in quoted:
            break
        if t.kind == "punct":
            if t.text in ("'", "\u2019", "-") and k < i:
                k -= 1
                continue
            if t.text == "." and k >= 1 and _low(toks[k - 1]) in _TITLES:
                k -= 1
                continue
            break
        if low in _PREPOSITIONS:
            if cross and k < i:
                k -= 1
                continue
            break
        if low in _DETERMINERS or low in _POSSESSIVE_DETERMINERS:
            if cross and k >= 1 and _low(toks[k - 1]) in _PREPOSITIONS:
                k -= 1
                continue
            return k
        if low == "and":
            if 0 < k < i and _is_cap(toks[k - 1]) and _is_cap(toks[k + 1]):
                k -= 1
                continue
            break
        if low in _NP_STOP:
            break
        if low in ("'s", "\u2019s") and k < i:
            k -= 1
            continue
        if t.kind == "word" and t.text.islower() and _finite_at(toks, k):
            break
        k -= 1
    return k + 1


def _np_end(toks: Sequence[Token], i: int, quoted: set[int]) -> int:
    """Index of the last token of the noun phrase that starts at token ``i``, read rightwards.

    Crosses "of", "from", "by" and "for" ("figures from the National Statistics Office", "an
    announcement by the health ministry"); stops at other prepositions, punctuation, a participle
    ("issued on Thursday") and the words that end a phrase.
    """
    k = i
    last = i - 1
    while k < len(toks) and k not in quoted:
        t = toks[k]
        low = _low(t)
        if t.kind == "punct":
            if t.text in ("'", "\u2019", "-") and k > i:
                k += 1
                continue
            break
        if low in ("of", "from", "by", "for") and k > i:
            k += 1
            continue
        if low in _NP_STOP or low in _PREPOSITIONS or (t.text.islower() and _finite_at(toks, k)):
            break
        last = k
        k += 1
    return last


def _parenthetical(seg: Sequence[Token]) -> bool:
    """An appositive, an age, a participle phrase or a relative clause between commas."""
    if not seg:
        return False
    first = _low(seg[0])
    if first in ("who", "which", "whose", "where") or seg[0].kind == "number":
        return True
    if seg[0].text.islower() and (first.endswith("ing") or first.endswith("ed")):
        return True
    core = seg[: next((i for i, t in enumerate(seg) if _low(t) in ("who", "which", "whose")), len(seg))]
    return not _any_finite(core) and len(core) <= 10


def _fronted_question(ln: _Line, a: Attribution) -> bool:
    """True for a sentence that opens with a question put to the subject ("Asked whether ..."): no asker."""
    words = [t for t in ln.tokens if _is_word(t)]
    return bool(words) and words[0].start == a.start and _QUESTION_VERB.match(a.verb.split()[0]) is not None \
        and a.verb.lower().endswith("ed")


def _quote_kind(text: str, rel: int, quote: str) -> str:
    """``direct`` or ``partial`` for the quotation ``quote`` at ``rel`` of the sentence ``text``."""
    inner = quote.strip(_QUOTE_CHARS + " ")
    letter = next((c for c in inner if c.isalpha()), "")
    if not letter.isupper():
        return PARTIAL
    before = text[max(0, rel - 200):max(rel, 0)].rstrip()
    if not before.strip(_QUOTE_CHARS + " ") or before[-1] in ":,":
        return DIRECT
    core = quote.rstrip(_QUOTE_CHARS + " ")
    return DIRECT if core and core[-1] in ".!?" else PARTIAL


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in QUOTE_WORD_RE.findall(drop_invisible(normalise(text)))} - _STOP_WORDS


def _n_words(text: str) -> int:
    return len(QUOTE_WORD_RE.findall(drop_invisible(normalise(str(text)))))


# ---------------------------------------------------------------------------------------------------- public


def _article_text(lines: Sequence[tuple[int, str]], quotes: Sequence[tuple[int, int, str]]) -> str:
    """The article text as far as the tables hold it: sentences and quotations at their offsets."""
    end = max([s + len(t) for s, t in lines] + [e for _, e, _ in quotes] + [0])
    chars = [" "] * end
    for s, t in lines:
        chars[s:s + len(t)] = t
    for s, e, t in quotes:
        if len(t) == e - s:
            chars[s:e] = t
    return "".join(chars)


def find_quotes(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    actors: pd.DataFrame | None = None,
    cues: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every quotation and stretch of reported speech, with its speaker: ``quotes.csv``.

    Parameters
    ----------
    sentences : pandas.DataFrame
        ``Corpus.sentences``: ``article_id, outlet, sentence_id, paragraph, role, start, text``
        (``text`` the raw slice at ``start``).
    quotes : pandas.DataFrame
        ``Corpus.quotes``: the quotation-mark spans ``article_id, start, end, text``.
    actors : pandas.DataFrame, optional
        ``actor, alias`` (``actors.csv``): names and descriptions ("Russian leader") of the people
        and bodies of the event.  Without it no speaker gets an actor and pronouns resolve only to
        speakers named in attributions.
    cues : pandas.DataFrame, optional
        :func:`framing.measures.cues.find_cues` of the same tables (computed when not given): its
        attribution cues are the reporting verbs, and their subcategory is ``verb_group``.

    Returns
    -------
    pandas.DataFrame
        One row per quotation (its marks included) or stretch of reported speech, sorted by
        ``article_id, start``, with :data:`framing.core.vocabulary.QUOTE_TABLE_COLUMNS`:

        - ``article_id, outlet``; ``quote_id`` (``<article_id>-qNNN`` in text order);
          ``sentence_id`` (the sentence holding the opening mark, or the reported clause);
        - ``start, end, text``: offsets into the raw article text and that slice;
        - ``kind``: ``direct``, ``partial`` or ``indirect`` (module notes);
        - ``speaker``: the speaker as named in the text ("Russian President Vladimir Putin"; for a
          pronoun or a description, the person it resolves to); ``""`` when no speaker is given or
          a pronoun cannot be resolved;
        - ``speaker_actor``: the ``actor`` of ``actors.csv`` (several joined by ``"; "`` for a
          joint speaker, "Moscow and Washington"), ``""`` when none;
        - ``speaker_type``: one of :data:`framing.core.vocabulary.SPEAKER_TYPES` (module notes);
        - ``verb``: the attributing word as written ("said", "according to", "asked", ``":"`` for
          a colon), ``""`` when none;
        - ``verb_group``: the WP:SAY group of the verb (``neutral``, ``endorsing``, ``doubting``,
          ``charged``, ``concession``, ``denial``) from the cue lexicon; ``""`` for a speech-act
          word, a colon or no verb;
        - ``cue_start, cue_end``: raw offsets of the attributing word, ``-1`` when none;
        - ``mention``: the words that name the speaker next to the cue ("he", "the diplomat");
        - ``resolution``: how the speaker was identified
          (:data:`framing.core.vocabulary.RESOLUTIONS`);
        - ``reported_start, reported_end``: the speaker's words as the outlet gives them: the
          reported clause of an indirect row, or of a quotation inside one ("said ties were at a
          "low level""), else the quotation; :func:`with_reported_voice` reads them.

    Notes
    -----
    Every quotation span is a row except one of at most four words that nothing attributes (a
    scare quote).  Rows are found only in articles with sentences in ``sentences``.
    """
    import pandas as pd

    table = sentences if "outlet" in sentences.columns else sentences.assign(outlet="")
    if cues is None:
        from framing.measures.cues import find_cues

        cues = find_cues(table, quotes)
    att = cues[cues["category"] == "attribution"]
    groups = {(str(a), int(s), int(e)): str(g)
              for a, s, e, g in zip(att["article_id"], att["start"], att["end"], att["subcategory"])}
    own = att[att["voice"] != QUOTED]
    quoted_cues = att[att["voice"] == QUOTED]

    spans: dict[str, list[tuple[int, int, str]]] = {}
    q_text = quotes["text"].astype(str) if "text" in quotes.columns else pd.Series([""] * len(quotes))
    for art, s, e, t in zip(quotes["article_id"].astype(str), quotes["start"], quotes["end"], q_text):
        spans.setdefault(art, []).append((int(s), int(e), str(t)))
    index = {art: SpanIndex([(s, e) for s, e, _ in v]) for art, v in spans.items()}
    verbs: dict[str, list[tuple[int, int]]] = {}
    for art, s, e in zip(own["article_id"].astype(str), own["start"], own["end"]):
        verbs.setdefault(art, []).append((int(s), int(e)))
    for art, start, text in zip(table["article_id"].astype(str), table["start"], table["text"]):
        for m in CLAUSE_SPEECH_VERBS.finditer(normalise(str(text))):
            s, e = int(start) + m.start(), int(start) + m.end()
            if art not in index or not index[art].overlaps(s, e):
                verbs.setdefault(art, []).append((s, e))
    inner_verbs: dict[str, list[tuple[int, int]]] = {}
    for art, s, e in zip(quoted_cues["article_id"].astype(str), quoted_cues["start"], quoted_cues["end"]):
        inner_verbs.setdefault(art, []).append((int(s), int(e)))

    speech = load_speech_cues()
    speech_res = [compile_pattern("|".join(f"(?:{p.strip()})" for p in speech["pattern"]))] if len(speech) else []
    verb_table = pd.DataFrame([(a, s, e) for a, v in verbs.items() for s, e in v],
                              columns=["article_id", "start", "end"])
    base_rows = quote_speakers(table, quotes, verbs=verb_table, speech_cues=speech) if len(quotes) else None
    base: dict[str, dict[tuple[int, int], tuple[str, str]]] = {}
    if base_rows is not None:
        for art, s, e, sp, verb, found in zip(base_rows["article_id"], base_rows["start"], base_rows["end"],
                                              base_rows["speaker"], base_rows["verb"], base_rows["found_in"]):
            base.setdefault(str(art), {})[(int(s), int(e))] = (str(sp), str(verb), str(found))
    who = _Actors(actors)

    rows: list[dict[str, object]] = []
    for art, group in table.sort_values(["article_id", "start"], kind="mergesort").groupby("article_id", sort=True):
        art = str(art)
        lines = []
        for i, rec in enumerate(group.itertuples(index=False)):
            paragraph = int(getattr(rec, "paragraph", 0) or 0) if not pd.isna(getattr(rec, "paragraph", 0)) else 0
            lines.append(_Line(i, art, str(rec.outlet), str(rec.sentence_id), int(rec.start), str(rec.text),
                               paragraph, is_headline(rec)))
        raw = _article_text([(ln.start, ln.raw) for ln in lines], spans.get(art, []))
        article = _Article(lines, [(s, e) for s, e, _ in spans.get(art, [])], base.get(art, {}), verbs.get(art, []),
                           inner_verbs.get(art, []), speech_res, who, raw)
        rows.extend(article.table_rows(groups))

    out = pd.DataFrame(rows, columns=list(QUOTE_TABLE_COLUMNS))
    out = out.astype({"start": "int64", "end": "int64", "cue_start": "int64", "cue_end": "int64",
                      "reported_start": "int64", "reported_end": "int64"})
    for col in QUOTE_TABLE_COLUMNS:
        if out[col].dtype == object:
            out[col] = out[col].astype(str)
    return out.sort_values(["article_id", "start", "end"], kind="mergesort").reset_index(drop=True)


def with_reported_voice(table: pd.DataFrame, quote_table: pd.DataFrame) -> pd.DataFrame:
    """Relabel as ``reported`` what lies in reported speech: tokens or cues, from :func:`find_quotes`.

    A row of ``table`` (``article_id, start, end, voice``: the tokens of ``Corpus.tokens`` or the
    cues of :func:`framing.measures.cues.find_cues`) whose voice is ``authorial`` and whose span
    lies inside a ``reported_start`` .. ``reported_end`` span of ``quote_table`` gets voice
    ``reported``: the words are the outlet's, the claim is the speaker's.  Quoted rows stay
    ``quoted``; scare quotes stay ``authorial`` (the outlet chose the marks).  Returns a copy.
    """
    out = table.copy()
    if out.empty or quote_table.empty:
        return out
    spans: dict[str, SpanIndex] = {}
    for art, group in quote_table.groupby("article_id"):
        spans[str(art)] = SpanIndex(zip(group["reported_start"].astype(int), group["reported_end"].astype(int)))
    inside = [
        voice == AUTHORIAL and str(art) in spans and spans[str(art)].inside(int(s), int(e))
        for art, s, e, voice in zip(out["article_id"], out["start"], out["end"], out["voice"])
    ]
    mask = inside
    if "category" in out.columns:
        mask = [m and c != "scare_quote" for m, c in zip(inside, out["category"])]
    out.loc[mask, "voice"] = REPORTED
    return out


def sentence_voices(sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The voice of each sentence from the voices of its word tokens (after :func:`with_reported_voice`).

    A sentence with at least one ``reported`` word token gets that voice when all its word tokens
    share it, else ``mixed`` (words of more than one voice); other sentences keep their voice (from
    the quotation marks, :class:`framing.load.corpus.Corpus`).  Returns a copy.
    """
    from framing.core.vocabulary import VOICES

    mixed = VOICES[-1]
    out = sentences.copy()
    words = tokens[tokens["kind"] != "punct"]
    voices = words.groupby("sentence_id")["voice"].agg(lambda v: sorted(set(v)))
    new = []
    for sid, voice in zip(out["sentence_id"], out["voice"]):
        have = voices.get(sid, [])
        if REPORTED in have:
            new.append(have[0] if len(have) == 1 else mixed)
        else:
            new.append(voice)
    out["voice"] = new
    return out


def _speaker_key(speaker: str, actor: str) -> str:
    if actor:
        return actor
    words = [w for w in str(speaker).split() if w.lower() not in _DETERMINERS]
    return " ".join(words).lower()


def source_table(quote_table: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who each outlet gives voice to, and how much: ``sources.csv``.

    Parameters
    ----------
    quote_table : pandas.DataFrame
        Output of :func:`find_quotes`.
    sentences : pandas.DataFrame, optional
        ``Corpus.sentences`` (``article_id, sentence_id, paragraph, start, text``): where each row
        stands, and the words of its reported span.

    Returns
    -------
    pandas.DataFrame
        One row per outlet x speaker (rows with no speaker together as speaker ``""``), with
        :data:`framing.core.vocabulary.SOURCE_COLUMNS`:

        - ``speaker``: the actor when the speaker is one, else the speaker's words as written most
          often (speakers are the same when their words are, without determiners or case);
        - ``speaker_actor``, ``speaker_type`` (the most frequent type of the speaker's rows);
        - ``n_quotes``: rows of ``quotes.csv`` (direct, partial and indirect);
        - ``n_words``: words of those rows as the outlet gives them: the union of their
          ``reported_start`` .. ``reported_end`` spans (a quotation, the reported clause around a
          partial quotation, an indirect row), each word once (words of the row texts without
          ``sentences``);
        - ``share_of_quoted_words`` = ``n_words`` / the words of all the outlet's rows (0 to 1;
          higher = more of what the outlet gives as others' words is this speaker's);
        - ``first_paragraph, last_paragraph``: the first and last paragraph with a row of the
          speaker (0 = headline; NA without ``sentences``).

        Sorted by outlet, then ``n_words`` from most to fewest.
    """
    import pandas as pd

    if quote_table.empty:
        return pd.DataFrame(columns=list(SOURCE_COLUMNS))
    q = quote_table.copy()
    texts: dict[str, str] = {}
    if sentences is not None and {"start", "text"} <= set(sentences.columns):
        rows_of = {str(a): g for a, g in q.groupby("article_id")}
        for art, g in sentences.groupby("article_id"):
            own = rows_of.get(str(art))
            if own is not None:
                texts[str(art)] = _article_text(list(zip(g["start"].astype(int), g["text"].astype(str))),
                                                list(zip(own["start"], own["end"], own["text"])))
    paragraph = {}
    if sentences is not None and "paragraph" in sentences.columns:
        paragraph = dict(zip(sentences["sentence_id"].astype(str), sentences["paragraph"]))
    q["paragraph"] = pd.array([paragraph.get(str(s), pd.NA) for s in q["sentence_id"]], dtype="Int64")
    q["key"] = [_speaker_key(s, a) for s, a in zip(q["speaker"], q["speaker_actor"])]
    words = {key: _words_of(g, texts) for key, g in q.groupby(["outlet", "key"], sort=True)}
    totals = Counter()
    for (outlet, _key), n in words.items():
        totals[outlet] += n
    rows = []
    for (outlet, key), g in q.groupby(["outlet", "key"], sort=True):
        actor = str(g["speaker_actor"].iloc[0])
        written = Counter(str(s) for s in g["speaker"])
        speaker = actor or written.most_common(1)[0][0]
        kinds = Counter(str(k) for k in g["speaker_type"])
        kind = max(kinds, key=lambda k: (kinds[k], -SPEAKER_TYPES.index(k) if k in SPEAKER_TYPES else 0))
        n_words = words[(outlet, key)]
        total = totals[outlet]
        rows.append({
            "outlet": outlet, "speaker": speaker, "speaker_actor": actor, "speaker_type": kind,
            "n_quotes": len(g), "n_words": n_words, "share_of_quoted_words": n_words / total if total else float("nan"),
            "first_paragraph": g["paragraph"].min(), "last_paragraph": g["paragraph"].max(),
        })
    out = pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
    out["first_paragraph"] = out["first_paragraph"].astype("Int64")
    out["last_paragraph"] = out["last_paragraph"].astype("Int64")
    out = out.sort_values(["outlet", "n_words", "n_quotes", "speaker"], ascending=[True, False, False, True],
                          kind="mergesort")
    return out.reset_index(drop=True)


def _words_of(rows: pd.DataFrame, texts: dict[str, str]) -> int:
    """Words of the union of the rows' reported spans (each word once), or of their texts without ``texts``."""
    if not texts:
        return sum(_n_words(t) for t in rows["text"])
    total = 0
    for art, g in rows.groupby("article_id"):
        raw = texts.get(str(art), "")
        spans = sorted(zip(g["reported_start"].astype(int), g["reported_end"].astype(int)))
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        total += sum(_n_words(raw[s:e]) for s, e in merged)
    return total


def openers_and_closers(quote_table: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Who opens and who closes each article: the speakers of its first and last rows of ``quotes.csv``.

    One row per article x ``position`` (``first``, ``last``), with
    :data:`framing.core.vocabulary.OPENER_COLUMNS`: the speaker, actor and type of the row (``""``
    when the article has no row, or its first or last row has no speaker), ``paragraph`` (0 =
    headline), ``n_paragraphs`` (the article's last body paragraph), ``kind`` and ``text`` of the
    row.  The first word a reader meets and the last are framing choices: who sets the story up,
    who gets the last word.
    """
    import pandas as pd

    para = dict(zip(sentences["sentence_id"].astype(str), sentences["paragraph"]))
    rows_of = {str(a): g.sort_values(["start", "end"]) for a, g in quote_table.groupby("article_id")}
    rows = []
    for art, sents in sentences.groupby("article_id", sort=True):
        own = rows_of.get(str(art), quote_table.iloc[0:0])
        outlet = str(sents["outlet"].iloc[0]) if "outlet" in sents.columns else ""
        n_par = int(sents["paragraph"].max()) if len(sents) else 0
        for position, pick in (("first", 0), ("last", -1)):
            if own.empty:
                rows.append({"article_id": art, "outlet": outlet, "position": position, "speaker": "",
                             "speaker_actor": "", "speaker_type": UNKNOWN, "paragraph": pd.NA, "n_paragraphs": n_par,
                             "kind": "", "text": ""})
                continue
            r = own.iloc[pick]
            rows.append({"article_id": art, "outlet": outlet, "position": position, "speaker": r["speaker"],
                         "speaker_actor": r["speaker_actor"], "speaker_type": r["speaker_type"],
                         "paragraph": para.get(str(r["sentence_id"]), pd.NA), "n_paragraphs": n_par,
                         "kind": r["kind"], "text": r["text"]})
    out = pd.DataFrame(rows, columns=list(OPENER_COLUMNS))
    out["paragraph"] = out["paragraph"].astype("Int64")
    return out


def speaker_mentions(sentences: pd.DataFrame, quote_table: pd.DataFrame, actors: pd.DataFrame,
                     ) -> dict[str, set[str]]:
    """The actors each sentence refers to by a pronoun (*he*, *she*), resolved as speakers are.

    A sentence's first *he* or *she* outside quotation marks is the most recent person before it
    (a speaker of the same or the previous sentence first, the gender of titles respected, as in
    :func:`find_quotes`); named actors of the sentence are not listed here.  Returns ``sentence_id
    -> actors``, for the sentences where a pronoun resolves.
    """
    known = _Actors(actors)
    out: dict[str, set[str]] = {}
    rows_of = {str(a): g for a, g in quote_table.groupby("article_id")}
    for art, group in sentences.sort_values(["article_id", "start"], kind="mergesort").groupby("article_id"):
        lines = [_Line(i, str(art), str(getattr(r, "outlet", "")), str(r.sentence_id), int(r.start), str(r.text),
                       int(getattr(r, "paragraph", 0) or 0), is_headline(r))
                 for i, r in enumerate(group.itertuples(index=False))]
        own = rows_of.get(str(art), quote_table.iloc[0:0])
        spans = [(int(s), int(e)) for s, e, k in zip(own["start"], own["end"], own["kind"]) if k != INDIRECT]
        raw = _article_text([(ln.start, ln.raw) for ln in lines], [])
        article = _Article(lines, spans, {}, [], [], [], known, raw)
        article.collect_mentions()
        for actor, pos, sid in zip(own["speaker_actor"], own["cue_start"], own["sentence_id"]):
            if actor and int(pos) >= 0 and ";" not in str(actor):
                li = next((ln.index for ln in lines if ln.sentence_id == sid), 0)
                article.add_speaker(int(pos), li, _Who(str(actor), str(actor), UNKNOWN, BY_NAME, "",
                                                       str(actor) in known.person, article._gender.get(str(actor))))
        for ln in lines:
            quoted = article.quoted_tokens(ln.index)
            for k, t in enumerate(ln.tokens):
                low = _low(t)
                if low in _PERSON_PRONOUNS and k not in quoted:
                    m = article.antecedent(ln.start + t.start, ln.index, gender=_PERSON_PRONOUNS[low])
                    if m is not None and m.actor:
                        out.setdefault(ln.sentence_id, set()).add(m.actor)
                    break
    return out
