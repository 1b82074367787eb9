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

A quotation of at most four words that nothing attributes, and that is not a whole sentence
("Shame on you!"), is the outlet's own use of quotation marks (a scare quote, counted by
:func:`framing.measures.cues.find_cues`), not a row; a longer one or a whole sentence is a row
with no speaker (``speaker_type`` ``unknown``): a pull-quote, a saying, a cry, never a guess.

Attribution rules
-----------------
The attributing cues are those of :func:`framing.measures.quotes.quote_speakers`: the reporting
verbs of the cue lexicon (:func:`framing.measures.cues.find_cues`, outside quotation marks), the
speech-act words (*called*, *asked*, *put it* ...), colons, plus :data:`CLAUSE_SPEECH_VERBS`
(*testified*, *predicted* ...), verbs that report a clause but are not cues.  On top of its choice
of cue for each quotation:

1. **Colon after a verb.**  ``Judge Moreau said: "..."`` and ``Berg told the Gazette: "..."``: the
   speaker is the verb's subject, not the words before the colon (an addressee).  A colon after
   a clause whose subject (at most six words before its first finite verb) is a name or a role
   with *the*, or a body of ``actors.csv`` by its description with *the* ("The hospital posted a
   short statement on its website: "...""), speaks for that subject ("Director Jo Tamsin did not
   hold back: "...""); after any other clause ("the joke had been the same for years: "..."") it names no one.
2. **Inside a reported clause.**  A quotation inside the clause a verb before it reports takes
   that verb (the innermost): ``tabloids claimed that the team came with "no plan", a charge the
   coach denied`` is the tabloids' claim.
3. **Subject before an appositive or a relative clause.**  ``The ministry's envoy, Anna Berg, said``,
   ``A senior official, who asked not to be named, said``, ``Piet Vos, 70, a retired crane operator,
   said``, ``Mayor Helen Grey, who took office promising "..."``: the subject is the noun phrase
   before the commas or the *who*.  A person of ``actors.csv`` named whole before the first comma is
   the speaker even when the appositive names a body (``Lena Moss, the Green League leader, said``:
   Moss, not the Green League).
4. **"quoted as saying".**  ``Berg was quoted by foreign media as saying ...``: Berg speaks, the
   media only carry it.
5. **The outlet's own label.**  A quotation right after *so-called*, *self-styled* has no speaker.
6. **Headline label.**  ``Ortiz: City will 'never forget' flood victims``: a headline that
   opens with up to four capitalised words and a colon gives them every quotation after the colon.
   A label in capitals that names no actor ("VOTE CHAOS:", "EXCLUSIVE:") is a tabloid kicker and
   gives no one (an acronym of up to four letters, "NATO:", still may).  Without quotation marks
   ("Deputy Minister: closure is a matter of security") the words after the colon are an
   ``indirect`` row of the label when it is a person of ``actors.csv`` or ends in a role word and
   the words hold a finite verb (not "Analysis: ...", a place, or "Minister: a profile").
7. **Headline quote from the body.**  A headline quotation with no speaker whose words all occur in
   one attributed quotation of the body takes that quotation's speaker; so does one after a label
   that names no actor (a place: ``Ryde Hills: "We will keep the road closed"``) when the body
   quotation's speaker is an actor.
8. **Context.**  A quotation that opens its sentence with no attribution takes the speaker of the
   quotation before it when that one ended in the sentence before or ran on from the paragraph
   before; else the person the sentence before opens with ("Councillor Rob Marsh ... was blunter.
   "We were robbed.""); else the one person named in the sentence before when it is in the same
   paragraph and reports no speech ("Among those in the gallery was Leo Tandy, the researcher
   who ... "I warned them twice.""); else nobody.
9. **Nested quotations** (``'...'`` inside ``"..."``) get their own row, attributed by the
   reporting verbs inside the outer quotation ("The defendant told the board, 'Nobody ...'").
10. **Utterances are not scare quotes.**  A quoted whole sentence of two words or more (a capital,
    an end mark inside: ``A cry of "Shame on you!" went up``) is a row even when nothing
    attributes it.
11. **Names ascribed to those who use them.**  A quotation right after a naming verb with its
    subject (``a cove the villagers call "the kettle"``, ``which divers regard as a "living
    wall"``, *call*, *dub*, *nickname*, *term*; *regard*, *describe*, *refer to*, *see* with *as*)
    is that subject's word (a ``partial`` row; a group of common nouns that is no actor is the
    speaker as written, with no actor), not a scare quote: the sentence says who uses it.  A
    passive ("known as", "is called") names no one.
12. **Interview transcripts.**  A paragraph opening with ``A:`` after one opening with ``Q:`` is the
    interviewee's verbatim answer: a ``direct`` row over the paragraph, spoken by the person named
    last in the introduction before the first question (resolution ``context``); questions get no
    row, and speech reported inside an answer is no row of its own.
13. **Pronouns inside a quotation.**  A *he* or *she* that a nested quotation's verb has is someone the
    speaker talks about, never the speaker (who says *I*): the last other person the quotation names
    before it ("I went to Feodor and he said, 'Leave it with me'"), else an unnamed person the sentence
    before brings in with an indefinite role phrase ("... visiting a supporter in hospital." "She told
    me, ..."), else the antecedent that is not the speaker.
14. **A document's words inside someone's reported clause** ("said an internal report had described
    inspections as "months behind"") reach the page through that speaker: the clause's verb
    attributes the quotation, and the document gets no row.
15. **Headline hearers.**  ``"...", court told`` (also *jury*, *inquiry*, *tribunal* ... before *told*,
    *hears*, *heard* closing a headline) is the headline passive "the court was told": the hearer is
    no speaker, and rule 7 gives the quotation the body's speaker.

Reported speech (``indirect``) is found after a reporting verb, outside quotation marks:

- ``X said (that) CLAUSE``: after *that* (addressees and adjuncts between: "told reporters on
  Tuesday that"), or a clause right after the verb ("said relations were ...", "told the
  Chronicle she had ...": a subject and a finite verb within twelve tokens; not "said nothing";
  an addressee is skipped after *told*); two clauses joined by *and that*, *but that* or *or
  that* are two rows;
- ``asked/questioned whether/how ...``: the reported question (a sentence that opens with
  *Asked whether ...* names no asker; *Asked by X, for the defence, whether ...* is X's question);
- impersonal reporting, ``It is understood/said/reported/claimed/alleged (earlier) that ...``, and a
  court or jury as the hearer, ``The court heard that ...``: a row with no speaker (the outlet
  withholds the source); "X is said to be furious" reports no clause;
- ``X warned/told/urged jurors (not) to ...``: an instruction to an addressee is X's reported speech;
  an agentless passive ("The jury was later told to leave") is no row;
- a research text as subject (*data, figures, study, paper, report, analysis, survey, findings* ...)
  before *show/suggest/indicate*: the clause after it, also without *that* ("The data suggest the
  pressure came from the back"); *suggested*, *accepted* and *conceded* report a clause only with
  *that* ("accepted that ...", not "accepted the offer");
- ``X accused Y of ...``, ``X urged Y to ...``: the accusation or the call;
- ``according to X, CLAUSE`` and ``CLAUSE, according to X``; closing the sentence, the words before
  count even when no verb shows its tense ("About 900 trucks cross each day, according to customs
  figures");
- ``X called Y Z``: a verdict on the object, with no quotation marks ("Kostelia called the closure
  unjustified", "has called the closure a disaster for its members"): the object is a determiner
  and a noun and the verdict an adjective that closes the clause or a phrase with *a*/*an*; a
  call ("called the hospital at noon", "called the police", "called her over", "called a snap
  election") reports nothing;
- ``X says such groups choose ...``: after *say*, a clause with a plural subject opened by a
  quantifier or demonstrative (*such, most, many, some, all, few, these, those, no, both*) and a
  verb after it, running to the end of the sentence;
- ``CLAUSE, X said`` (and ``CLAUSE, said X``, ``CLAUSE, sources told the Gazette, while ...``):
  the clause before a reporting clause set off by a comma; the subject may be a long noun phrase
  when nothing but an addressee or a time follows the verb ("..., a source close to the
  negotiations said."), as long as no finite verb lies between the comma and the verb; a modal
  between subject and verb is allowed (", the Courier can reveal."), and *announced* and
  *report(s)* report the clause before them only in this closing position (", the commission
  announced on Sunday.", ", state media report."; not ", according to media reports." or ", the
  agency's annual report."); a closing phrase of channel or manner of up to five words may follow
  the verb (", an official said on condition of anonymity.", ", the police said on social media.");
- ``SUBJECT, X said (last year), REST``: a reporting clause between two commas inside the clause
  it reports ("Talks, he said, would resume on Monday"; "The bridge, officials said last year,
  would need ..."): the row runs from the subject to the end of the clause, over the reporting
  clause.  In a headline, which drops the marks of tense ("Fingerprint ties outbreak to vat,
  scientists say"), four words or more before the reporting clause count without a finite verb; a
  participle after its noun ("..., a study published on Thursday has found.") is no verb of the
  clause.  The words before the first comma hold no finite verb (or are a clause opened by
  *what*: "What it opposed, she said, was ...") and those after the second do; a copula before
  the first comma ("The attack was, investigators said, the work of a gang, a group that ...")
  spans to the next comma, the appositive after it being the outlet's;
  a participle between commas ("The bridge, built in 1921, carries ...") or a passive ("said to
  be", "was estimated at", "were reported missing") is no report.

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
  previous sentence, else the nearest sentence that names a person outside quotation marks, and in
  it one whose gender is known to match, else the first named (a subject before an object, as in
  Hobbs 1978: "Marsh spoke to Reyne ... she said" is Marsh), skipping a person
  whose gender is known to differ (from *Mr*, *Mrs*, *Ms*, *Sir*, *Lady* ... before the name in
  the article or an alias, a gendered title such as *spokeswoman*, or a *he* or *she* already
  resolved to that person).  *it* and *they* are the speaker of a body in the same or the previous
  sentence.  A person described and never named ("the witness") is no antecedent.
- **Descriptions** without a name and without an alias ("the diplomat", "the official"; a bare
  role in a headline, "..., minister promises") are the most recent person described with the
  same word (in the noun phrase of a mention or an appositive beside it: "Anna Berg, the foreign
  minister"), else the most recent person, as for *he*; with no one before, a person described
  with that word in the rest of the paragraph or the next one (cataphora: "A retired bridge
  inspector says ..." then "Karl Dunmore, 71, a retired bridge inspector ..."; also "The
  country's top diplomat said ..." named in the paragraph after).  An indefinite description
  looks only forward, and an anonymous one ("a senior official") never.  A description after an
  indefinite phrase with the same noun in its sentence or the two before ("A customs officer came
  past. ... the officer told drivers") is that unnamed person, unless a name stands beside the
  phrase ("a customs officer, Lena Fors").  An indefinite description matched by an alias ("a
  ministry spokesman" when "ministry spokesman" is Ivo Rask's) is someone new unless the person is
  named later in its paragraph or the next (the lede's cataphora).  A bare description alias of
  one body ("the police") is the body named in the same paragraph, in that or the previous
  sentence, by a longer description with the same noun ("The traffic police have set up a
  diversion. ..., the police said.").  A person's role after
  the possessor of a body ("the firm's lawyers", "the ministry's spokesman") is not the body; other
  roles of some body ("the commission's chairman") are not resolved.  *its* and *their* before a
  noun read as *the* ("their union" is "the union").
- **A name after a description** ("The harbour's chief engineer, Piet Vos, said"; "The head of
  the Lornby Ferry Workers' Union, Mara Quist, told"; inverted "said the country's top diplomat,
  Anna Berg") makes the name the speaker, also when it is no actor; the role comes from the
  description.
- **A second verb after *and*** with no subject of its own ("Holm attacked the "shabby deal" and
  said ...", "Ms Holm, 52, thanked the mediators and promised ...") has the subject of the clause's
  first verb.
- **Not speakers**: a noun phrase after the verb that a finite verb follows ("said some ballots had
  been stored"), or a pronoun after the verb when the subject stands before it ("One farmer, who
  ..., said she had watched"), is the subject of the reported clause; a restrictive relative stays with its noun
  ("A dock worker who saw the barrels said"); a word of :data:`CLAUSE_SPEECH_VERBS` after a
  determiner or before a finite verb is a noun ("The recount was ordered").
- **Documents.**  A text as subject that the cue finder does not name is read back from the verb
  ("The Kremlin statement said", "A statement issued by the authority after the hearing said",
  "according to figures compiled by the chamber"): its issuer is the actor named in the phrase,
  and its label drops the article ("Kremlin statement").  "The statement" with no issuer takes
  the actor named in the nearest of the three sentences before that holds the same document word
  ("The Kremlin issued a statement ... The statement said" -> "Kremlin statement", Kremlin).
  A written text that *reads* before a colon ("The first entry reads:", "A sign reads:") is a
  document; when this sentence or the two before speak of a record a person keeps ("He has been
  keeping a diary") it is that person's (the most recent person, as for *he*), else nobody's.
- **A study's texts.**  A research text with no issuer of its own ("the study", "Their paper", "Figures
  in the paper", "a genetic analysis", "The data") speaks for the one study team of ``actors.csv``
  the article names (an actor whose name holds *study* or *research*, or called "the authors",
  "researchers ...", "scientists ..."), counting only aliases that are no other actor's; with none or
  several named, it stays unnamed.
- **Subjects after a fronted phrase.**  "In a second post she wrote:" is *she*; "In a later post the
  mayor wrote:" is "the mayor"; a participle after the noun of a channel ("said in a video posted
  online that ...") describes the channel and is no reporting verb.
- An unresolved pronoun gives no speaker (``mention`` keeps it); an unresolved description is the
  speaker as written, with no actor (``resolution`` ``unnamed``): nothing is guessed.

``speaker_type`` follows documented word lists (the constants of this module), in this order: a
text as grammatical subject (:data:`DOCUMENT_WORDS`: "a statement from the ministry") is
``document``; a news organisation (:data:`MEDIA_WORDS`, "news agency", or a newspaper name ending
in one of :data:`MASTHEAD_WORDS`, "The Harben Herald") is ``media``; an unnamed
source given by position (:data:`ANONYMOUS_WORDS` without *the* and without a name: "a senior
official", "sources", "industry analysts") is ``anonymous``; else the role word nearest to the name
(in the phrase, else in the words around the person's mentions in the article, else in the actor's
aliases): :data:`SPOKESPERSON_WORDS`, :data:`EXPERT_WORDS`, :data:`CITIZEN_WORDS`,
:data:`OFFICIAL_WORDS`; a body that is not a person is ``official``; otherwise ``unknown``.

Limits: rules, not a parser.  A reporting verb's clause is read by word classes (a finite verb is an
auxiliary, a word in *-ed* (not before a lower-case noun, but before a particle: "walked off", and
always after a capitalised word that is no determiner, "Selm Hospital diverted ambulances", or after
its subject's noun, "the manager ignored repeated warnings"; never after an article, "the injured", nor
as a participle before its agent, "a charity set up by families") or a common irregular past), so "said
prices rise" without *that* is missed; "said nothing" reports no words unless a finite verb follows
("said nothing had been ruled out"); gender comes only from titles; a pronoun is resolved within the
article and never across a quotation's own words; a nested quotation's words count for its speaker and
for the outer speaker.

References
----------
Pouliquen, B., Steinberger, R. & Best, C. (2007). Automatic detection of quotations in multilingual
news. *Proceedings of RANLP 2007*, 487-492.
Hobbs, J. R. (1978). Resolving pronoun references. *Lingua*, 44, 311-338 (the subject of the nearest
sentence first).
Muzny, G., Algee-Hewitt, M. & Jurafsky, D. (2017). A two-stage sieve approach for quote
attribution. *Proceedings of EACL 2017*, 460-470 (the order of the resolution steps).
Wikipedia: Manual of Style/Words to watch, "said" (WP:SAY), for the verb groups.
"""

from __future__ import annotations

import bisect
import io
import re
from collections import Counter, namedtuple
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
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
    AttributionMemo,
    article_speakers,
    compile_pattern,
    fold_case,
    headline_flags,
    is_headline,
    load_speech_cues,
    read_attributions,
    searches,
    sentence_attributions,
)

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
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
    "declaration dossier analysis indictment verdict judgment judgement estimate estimates forecast decision "
    "calculation calculations note paper findings".split()
)
#: Heads that make a news organisation the speaker ("state television reported"); "agency" only after "news".
MEDIA_WORDS = frozenset(
    "television tv broadcaster newspaper media radio channel network daily tabloid magazine outlet website press "
    "journalist reporter correspondent wire".split()
)
#: Last words of newspaper names, capitalised after another word ("The Harben Herald reported").
MASTHEAD_WORDS = frozenset("Herald Gazette Times Tribune Chronicle Courier Journal Ledger Mercury Post Telegraph "
                           "Guardian Independent Mirror Express Star Sun Dispatch Examiner Inquirer".split())
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
    "tenant homeowner employee labourer miner citizen mourner fan supporter caller listener viewer fitter welder "
    "electrician mechanic plumber carpenter baker butcher cleaner waiter waitress steelworker dockworker "
    "regular regulars".split()
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
    r"assur(?:e|es|ed|ing)|inform(?:s|ed|ing)?|recount(?:s|ed|ing)?|boast(?:s|ed|ing)?|lament(?:s|ed|ing)?|"
    r"estimat(?:e|es|ed|ing)|reported|show(?:s|ed|n)?(?=\s+that\b)|"
    r"(?:suggest(?:s|ed)?|accept(?:s|ed)|conced(?:e|es|ed))(?=\s+that\b)|"
    r"(?:communicat(?:e|es|ed|ing)|answer(?:s|ed|ing)?|repl(?:y|ies|ied|ying))(?=\s+that\b))"
    r"(?![\w\-])",
    re.IGNORECASE,
)

#: Verbs that report the clause before them only when they close the sentence (", the commission announced
#: on Sunday."): elsewhere they take a plain object ("announced sanctions").
_CLOSING_VERBS = re.compile(
    r"(?<![\w\-])(?:announced|announces)(?=(?:\s+(?:on|in|at|late|early|last|this)?\s*"
    r"(?:[A-Z][a-z]+|yesterday|today|tonight|night|morning|evening|afternoon|week|weekend))?\s*[.!]?\s*$)"
)
#: Impersonal reporting ("It is understood that", "It was reported earlier that", "It is said that") and a
#: court as the hearer ("The court heard that", "the jury was told that"): the words are presented as reported
#: while their source is withheld, so the clause is a row with no speaker.
_IMPERSONAL = re.compile(
    r"(?<![\w\-])(?:(?:it|It)\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:widely|also|now|further|generally)\s+)?"
    r"(?P<verb>understood|reported|said|claimed|alleged|rumou?red|learned|learnt)|"
    r"(?:[Tt]he\s+)?(?:court|jury|jurors|inquiry|tribunal|inquest|hearing)\s+"
    r"(?:(?:has|had)\s+(?:(?:also|earlier|previously)\s+)?(?P<heard>heard)|(?:also\s+|later\s+|earlier\s+)?"
    r"(?P<heard2>heard)|(?:was|were)\s+(?:(?:also|later|earlier|previously)\s+)?(?P<told>told)))"
    r"(?=(?:\s+[\w'\u2019\-]+){0,4}?\s+that\s)")
#: "show", "suggest" and "indicate" with a research text as subject report its finding also without "that"
#: ("The data suggest the pressure came from the back", "Figures published with the study show 41 were ..."):
#: the text is the noun right before the verb or opens the sentence's subject a few words before it.
_DOCUMENT_FINDS = re.compile(
    r"(?<![\w\-])(?:data|figures|statistics|numbers|study|studies|paper|report|analysis|survey|poll|findings|"
    r"results|research)(?:\s+(?!that\b|which\b)[a-z][\w'\u2019\-]*){0,4}?\s+"
    r"(?P<verb>show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated)(?!\s+that\b)(?![\w\-])")
#: A participle right after the noun of a phrase of channel ("in a video posted online", "in a statement
#: released on Monday"): a reduced relative clause that describes the noun, not a finite reporting verb.
_REDUCED_RELATIVE = re.compile(
    r"(?<![\w\-])(?:in|on|via|through)\s+(?:a|an|the|his|her|its|their|our)\s+"
    r"(?:(?!(?:the|a|an|his|her|its|their|our)\s)[a-z][\w\-]*\s+){0,2}?"
    r"(?:video|videos|clip|post|message|statement|interview|letter|broadcast|speech|tweet|blog|release|note|"
    r"article|podcast|recording|footage|email|e-mail|livestream|stream)\s+(?P<verb>[a-z]+ed)(?![\w\-])")
#: "called" or "calls" before a determiner: a verdict uttered by the subject when a complement follows the object
#: ("Kostelia called the closure unjustified", "has called the closure a disaster"); read by ``_verdict``.
_CALLED = re.compile(r"(?<![\w\-])(?:called|calls)(?=\s+(?:the|its|their|his|her|this|that|a|an)\s)",
                     re.IGNORECASE)
_ADJECTIVE_END = re.compile(r"(?:ed|ing|ful|ous|ive|able|ible|al|ic|ant|ent|less|ary|ish)$")
_VERDICT_ADJECTIVES = frozenset("unfair fair wrong false absurd unacceptable illegal legal".split())
_TIME_NOUNS = frozenset("day days week weeks month months year years moment minute minutes hour hours time".split())
#: Forms of "say" that take a clause with no "that"; words that open such a clause and no object of "say".
_SAY_FORMS = frozenset("say says said saying".split())
_CLAUSE_OPENERS = frozenset("such most many some all few these those no both".split())
#: A written text as the subject of "reads" before a colon ("The first entry reads:", "A sign reads:").
_TRANSCRIPT_LINE = re.compile(r"^\s*([QA])\s*:\s+")
_OWN_WORDS = re.compile(r"^(his|her)\s+(?:own\s+)?words$")
_WRITTEN_READS = re.compile(r"^(?P<np>(?:[\w'\u2019\-]+\s+){0,5}[\w\-]+)\s+(?:reads|read)$")
_RECORD_WORDS = frozenset("diary journal notebook logbook log letter note blog".split())
_WRITTEN_WORDS = DOCUMENT_WORDS | _RECORD_WORDS | frozenset(
    "entry page sign placard banner inscription message post caption text line".split())
#: "report" and "reports" closing the sentence after a comma and a subject (", state media report."), not the
#: noun (", according to media reports.", ", the ministry's annual report."): read by :func:`_closing_report`.
_CLOSING_REPORT = re.compile(r",\s+(?P<subject>[^,;:()\"\u201c\u201d]{2,60}?)\s+(?P<verb>reports?)"
                             r"(?=\s*[.!]?\s*$)")
_REPORT_NOUN_BEFORE = frozenset(
    "a an the its his her their our this that annual latest new final official first full initial monthly weekly "
    "quarterly interim earlier later separate police news press media's 's".split())
#: Verbs that ascribe a name to those who use it (rule 11); those of group ``as`` only with "as" after them.
_NAMING_VERBS = re.compile(
    r"^(?:call|calls|calling|dub|dubs|dubbed|nickname|nicknames|nicknamed|term|terms|termed|"
    r"(?P<as>regard|regards|regarded|describe|describes|described|refer|refers|referred|see|sees))$",
    re.IGNORECASE)
_TYPE_LISTS = ((SPOKESPERSON, SPOKESPERSON_WORDS), (EXPERT, EXPERT_WORDS), (CITIZEN, CITIZEN_WORDS),
               (OFFICIAL, OFFICIAL_WORDS))
#: Each word of :data:`_TYPE_LISTS` with the position and type of the first list that holds it.
_ROLE_OF = {w: (rank, kind) for rank, (kind, words) in reversed(list(enumerate(_TYPE_LISTS))) for w in words}
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
#: Hearers of evidence in court and inquiry reports ("court told", "inquiry hears"), never its speakers.
_HEARERS = frozenset("the court jury jurors inquiry tribunal inquest hearing mps committee".split())
#: Words before a noun that are not nouns themselves ("any exaggerated expectations", "more detailed plans").
_QUANTIFIERS = frozenset("and or any every each no some all more most less such other many few several both either "
                         "neither own very much too so".split())
#: Irregular past forms that are also past participles (a reduced relative before "by": "a group led by").
_PARTICIPLES = frozenset("set cut put hit led held made sold paid sent spent brought bought kept left found told "
                         "won lost built run".split())
# Objects after "said" that report no words ("said nothing as the sentence was read").
_NOT_A_CLAUSE = frozenset(
    "nothing anything something everything little much so yes no goodbye sorry thanks more less enough".split())
_S_VERB_AFTER = frozenset("he she it that there what who here".split())
# Particles of phrasal verbs: "walked off the job", "set aside" (a word in -ed before them is a verb).
#: Words that open an adverbial fronted before the subject ("Outside the depot, driver Omar Reyes said").
_FRONTED = frozenset("in on at after before during speaking outside inside near beside behind across".split())
#: Prepositions that follow a verb in -ed but not an adjective before its noun ("ended within a week").
_AFTER_VERB = frozenset("within without into over under after before since until through against about amid "
                        "despite during towards toward across".split())
_PARTICLES = frozenset("off out up down away back aside apart around ahead".split())
# Forms of "be" and "have been" before a passive ("was reported missing") and adverbs before it.
_PASSIVE_BEFORE = frozenset("is are was were be been being widely".split())
_PRONOUNS = frozenset("he she it they we i you him them us me".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
#: An indefinite phrase of a person ("a supporter in hospital", "an elderly neighbour").
_INDEFINITE_PERSON = re.compile(r"(?<![\w\-])(?:a|an)\s+(?:[a-z][\w\-]*\s+)??(?P<noun>(?!(?:in|at|from)\b)[a-z][\w\-]*)"
                                r"(?:\s+(?:in|at|from)\s+(?:the\s+)?[a-z][\w\-]*)?(?![\w\-])")
#: Texts of research that speak for their authors ("the study found", "figures in the paper show").
_RESEARCH_WORDS = frozenset("study studies paper analysis figure data finding survey research".split())
#: Words of a study's authors as a group ("the authors", "researchers", "scientists").
_AUTHOR_WORDS = frozenset("authors researchers scientists".split())
_PARENTHETICAL = frozenset("however though meanwhile too also moreover instead nonetheless nevertheless".split())
_LEADING = frozenset("but and yet so however meanwhile also still even".split())
_WH_WORDS = frozenset("whether if how why what when where who which".split())
_TELL_VERBS = re.compile(r"^(?:told|tell|tells|telling|inform\w*|assur\w*|remind\w*|warn\w*|urg\w*)$", re.IGNORECASE)
_ADDRESSEES = frozenset(
    "him her them us me you reporters journalists lawmakers parliament delegates staff supporters investors "
    "viewers listeners readers jurors jury court officers detectives investigators magistrates councillors "
    "mps".split())
_TIME_WORDS = frozenset(
    "later earlier yesterday today again also then previously repeatedly once recently monday tuesday wednesday "
    "thursday friday saturday sunday".split())
# Adjectives after the noun of a source ("people familiar with the matter", "officials close to the talks").
_POSTNOMINAL = frozenset("familiar close aware involved knowledgeable briefed".split())
# Words of a time adjunct after a reporting verb ("said last year", "told reporters on Monday").
#: Prepositions that open a closing phrase of channel or manner after a reporting verb ("said on social media").
_CHANNEL_PREPOSITIONS = frozenset("on in by via over through during".split())
_TIME_PHRASE = frozenset("on in last this next week month year weekend night morning evening".split())
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
    "center foundation fund group company corporation inc ltd plc international news service services "
    # the last word of a firm's name: "Corvane Power", "Veltra Pharmaceuticals", "Norvale Energy"
    "power energy holdings airlines airways motors industries technologies pharmaceuticals pharma mining steel "
    "petroleum telecom telecoms utilities securities insurance logistics shipping railways enterprises corp llc "
    "gmbh".split())
_MAX_SCARE_WORDS = 4
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a"


def _singular(word: str) -> str:
    if not word.endswith("s"):
        return word
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
    low = word.lower()
    found = _ROLE_OF.get(low)
    single = _ROLE_OF.get(_singular(low))
    if single is not None and (found is None or single[0] < found[0]):
        found = single
    return found[1] if found is not None else None


# ---------------------------------------------------------------------------------------------------- sentences


@dataclass(slots=True)
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
    text: str = ""  # ``normalise(raw)``: computed when not given
    tokens: list[Token] = field(init=False)
    starts: list[int] = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = normalise(self.raw)
        self.tokens = tokenize(self.text)
        self.starts = [t.start for t in self.tokens]
        self.end = self.start + len(self.raw)

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
    if tok.text == "May" and k > 0:
        return False  # the month ("in May"); the modal is capitalised only when it opens the sentence
    if low in ("'s", "\u2019s"):
        return k > 0 and _low(toks[k - 1]) in _S_VERB_AFTER
    if low in _POSTNOMINAL and 0 < k < len(toks) - 1 and _low(toks[k + 1]) in ("in", "with", "on") \
            and toks[k - 1].kind == "word" and toks[k - 1].text.islower() and _low(toks[k - 1]) not in _NP_STOP \
            and _low(toks[k - 1]) not in _PRONOUNS:
        return False  # after a noun: "an official involved in the count", "officials briefed on the talks"
    if not _finite(tok):
        return False
    if low in _PARTICIPLES and 0 < k < len(toks) - 2 and toks[k - 1].kind == "word" and toks[k - 1].text.islower() \
            and _low(toks[k - 1]) not in _NP_STOP | _PRONOUNS | _AUXILIARIES \
            and (_low(toks[k + 1]) == "by" or _low(toks[k + 1]) in _PARTICLES and _low(toks[k + 2]) == "by"):
        return False  # a participle and its agent after a noun: "a charity set up by families", "a panel led by"
    if low.endswith("ed") and k > 0 and _low(toks[k - 1]) in ("the", "a", "an") and low not in _AUXILIARIES:
        return False  # an adjective or a noun after an article: "families of the injured", "the accused"
    if low.endswith("ed") and low not in _AUXILIARIES and low not in _IRREGULAR_PAST and k + 1 < len(toks):
        prev = toks[k - 1] if k else None
        if prev is not None and prev.kind == "word" and _is_cap(prev) and _low(prev) not in _DETERMINERS \
                and _low(prev) not in _POSSESSIVE_DETERMINERS and _low(prev) not in _PREPOSITIONS:
            return True  # after a name: "Selm University Hospital diverted ambulances", not "the retired staff"
        if prev is not None and prev.kind == "word" and prev.text.islower() and _low(prev) not in _NP_STOP \
                and _low(prev) not in _DETERMINERS | _POSSESSIVE_DETERMINERS | _PREPOSITIONS | _AUXILIARIES \
                and not _low(prev).endswith(("ly", "ed", "ing")) and _low(prev) not in _QUANTIFIERS \
                and k >= 2 and _low(toks[k - 2]) not in _DETERMINERS | _PREPOSITIONS:
            return True  # after its subject's noun: "the manager ignored repeated warnings"
        nxt = toks[k + 1]
        nlow = _low(nxt)
        if nxt.kind == "word" and nxt.text.islower() and nlow not in _NP_STOP and nlow not in _DETERMINERS \
                and nlow not in _POSSESSIVE_DETERMINERS and nlow not in _PREPOSITIONS and nlow not in _PRONOUNS \
                and nlow not in _PARTICLES and nlow not in _AFTER_VERB:
            return False
    return True


def _any_finite(toks: Sequence[Token], lo: int = 0, hi: int | None = None, skip: set[int] | None = None) -> bool:
    hi = len(toks) if hi is None else hi
    return any(_finite_at(toks, k) for k in range(lo, hi) if not skip or k not in skip)


# ---------------------------------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
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
        self._found: dict[tuple[str, int, int], list[tuple[int, int, _Alias]]] = {}
        self._firsts = []
        for al in self.aliases:
            first = drop_invisible(normalise(al.alias)).strip().split()[0]
            exact = not al.pattern.flags & re.IGNORECASE
            self._firsts.append((al, first if exact else fold_case(first), exact))
        self.alias_actors = {al.alias.lower(): al.actors for al in self.aliases}
        self.person = {a for a, al in names.items() if self._is_person(a, al)}
        self.media = {a for a, al in names.items() if any(_in(w, MEDIA_WORDS) for x in al for w in x.split())
                      or any(w in MASTHEAD_WORDS for x in al for w in x.split()[1:])
                      or any(" news " in f" {x.lower()} " for x in al)}
        # The authors of a study as a group ("Vessen study team", "the authors", "researchers at ..."): the
        # issuers of the study's texts when these name no issuer of their own.
        self.teams = {a for a, al in names.items() if a not in self.person and (
            any(w.lower() in ("study", "research") for w in a.split())
            or any(x.lower().split()[-1] in _AUTHOR_WORDS and x.lower().split()[0] in ("the", "researchers",
                                                                                     "scientists", "authors")
                   for x in al))}
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
        """A person: a name of capitalised words, none a body word (ministry, union, and the last words of
        firms' names: Power, Energy, Holdings ...), with a surname, given name, title or role among its aliases.
        A body is never typed a private person (``citizen``), whatever job word stands beside its name."""
        words = actor.split()
        if any(w.lower() in _TITLES for w in aliases[0].split()[:1]) and len(words) == 1:
            return True
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or any(_in(w, _BODY_WORDS) for w in words):
            return False
        if any(len(p := alias.split()) <= 3 and p[0].lower() in _DEFINITE and _in(p[-1], _BODY_WORDS)
               for alias in aliases):
            return False  # also called "the company", "the union": a body, whatever else it is called
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
        """Alias occurrences in ``text[lo:hi]``, leftmost-longest, not overlapping, in text order.

        The same sentence is searched many times (mentions, roles, context), so results are kept per
        ``(text, lo, hi)``; callers get a copy.
        """
        if not self._firsts:
            return []  # no aliases
        hi = len(text) if hi is None else hi
        key = (text, lo, hi)
        hit = self._found.get(key)
        if hit is None:
            hit = self._found[key] = self._find(text, lo, hi)
        return list(hit)

    def _find(self, text: str, lo: int, hi: int) -> list[tuple[int, int, _Alias]]:
        found: list[tuple[int, int, _Alias]] = []
        folded = None  # the text case-folded, on first use
        for al, first, exact in self._firsts:
            # an alias can match only where its first word occurs (a cheap test before the pattern)
            if exact:
                if first not in text:
                    continue
            else:
                if folded is None:
                    folded = fold_case(text)
                if first not in folded:
                    continue
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


@dataclass(slots=True)
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


@dataclass(slots=True)
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


@dataclass(slots=True)
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
        *,
        impersonal: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
        participles: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
        memo: AttributionMemo | None = None,
    ) -> None:
        self.lines = lines
        self.memo = memo
        self.impersonal = impersonal
        self.participles = participles
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
        self._local_quotes: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
        self._who: dict[tuple[int, int], _Who] = {}
        self.mentions: list[_Mention] = []
        self._gender = self._genders()
        self._roles: dict[str, str | None] = {}
        self._clauses: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
        self._phrases: dict[tuple[int, int, int], tuple[str, int]] = {}
        self._subjects: dict[tuple[object, ...], tuple[int, int] | None] = {}
        self._speaker_at: set[tuple[int, str]] = set()

    # -- per line -------------------------------------------------------------------------------------------------

    def line_of(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        if i >= 0 and pos < self.lines[i].end:
            return i
        return None

    def local_quotes(self, ln: _Line) -> tuple[tuple[int, int], ...]:
        """The quotation spans overlapping line ``ln``, relative to it (cached per line span)."""
        key = (ln.start, ln.end)
        if key not in self._local_quotes:
            self._local_quotes[key] = tuple((q.start - ln.start, q.end - ln.start)
                                            for q in self.quotes.overlapping(ln.start, ln.end))
        return self._local_quotes[key]

    def attributions(self, i: int) -> list[Attribution]:
        if i not in self._atts:
            ln = self.lines[i]
            lo, hi = bisect.bisect_left(self.verb_starts, ln.start), bisect.bisect_left(self.verb_starts, ln.end)
            local_v = [(a - ln.start, b - ln.start) for a, b in self.verbs[lo:hi] if b <= ln.end]
            found = read_attributions(self.memo, ln, self.local_quotes(ln), local_v, self.speech_res)
            if self.participles:
                # "in a video posted online": the participle describes the channel, it reports nothing
                found = [a for a in found if (ln.start + a.start, ln.start + a.end) not in self.participles]
            self._atts[i] = found
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
            found = self.actors.find(ln.text)
            for k, (s, e, al) in enumerate(found):
                if any(a <= s < b for a, b in quoted):
                    continue
                if al.description and k + 1 < len(found) and not found[k + 1][2].description \
                        and re.fullmatch(r"\s*,?\s*", ln.text[e:found[k + 1][0]]) \
                        and set(found[k + 1][2].actors) <= self.actors.person:
                    continue  # "the firm's chief executive, Ruth Abel": the description is the name's, not another's
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

    def antecedent(self, pos: int, line: int, *, gender: str | None, person: bool = True,
                   exclude: str = "") -> _Mention | None:
        """The compatible mention before ``pos`` a pronoun refers to.

        A speaker of this or the previous sentence first (the most recent); else the nearest sentence
        that names a compatible person, and in it the person whose gender is known to match, else
        the first one named (the subject comes before an object; Hobbs 1978).
        """
        before = [m for m in self.mentions if m.pos < pos and m.person == person
                  and not (exclude and (m.actor or m.text) == exclude)]
        ok = [m for m in before if gender is None or m.gender is None or m.gender == gender]
        near = [m for m in ok if m.speaker and m.line >= line - 1]
        if near:
            return near[-1]
        if not person or not ok:
            return None
        # The nearest sentence with a compatible person; in it, one whose gender is known to match, else the
        # first named (the subject before an object: "Marsh spoke to Reyne ... she said" is Marsh).
        same = [m for m in ok if m.line == ok[-1].line]
        known = [m for m in same if gender is not None and m.gender == gender]
        return (known or same)[0]

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
        own = _OWN_WORDS.match(low)
        if own:
            # "According to his words, ...", "in her own words": the person the possessive refers to
            who = self._resolve(own.group(1).replace("his", "he").replace("her", "she"), pos, line)
            return replace(who, mention=text) if who.speaker or who.actor else _Who(mention=text)
        written = _WRITTEN_READS.match(phrase)
        if written:
            np_words = written.group("np").split()
            cut = next((k for k, w in enumerate(np_words) if k and w.lower() in _PREPOSITIONS), len(np_words))
            noun = np_words[cut - 1]  # "A sign on the gate reads": the noun before the preposition
            if _singular(noun.lower()) in _WRITTEN_WORDS:
                return self._written(written.group("np"), noun, text, pos, line)
        named_after = self._name_after_description(phrase, text, pos, line)
        if named_after is not None:
            return named_after
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
        while len(head_words) > 1 and (_low(head_words[-1]) in _POSTNOMINAL or (
                head_words[-1].text.islower() and _low(head_words[-1]).endswith("ed"))):
            head_words = head_words[:-1]  # "people familiar with ...", "figures compiled by ...": the noun before
        noun = head_words[-1] if head_words else words[-1]
        det = _low(words[0])
        document = _in(noun.text, DOCUMENT_WORDS) and not _is_cap(noun)
        media = _in(noun.text, MEDIA_WORDS) or (_low(noun) == "agency" and any(_low(t) == "news" for t in head)) \
            or (noun.text in MASTHEAD_WORDS and len(head_words) >= 2)
        named = self._match(phrase, toks, head, wide=document or _is_cap(noun) or _in(noun.text, SPOKESPERSON_WORDS),
                            pos=pos)
        if named and named[1] and det in ("a", "an") and named[0] in self.actors.person \
                and not self._names_someone(phrase, head) and not any(
                    al.alias.lower().startswith(("a ", "an ")) for _s, _e, al in self.actors.find(phrase)) \
                and not self._named_next(named[0], pos):
            # "a ministry spokesman told ...": the indefinite article brings in someone new, not the person the
            # description "ministry spokesman" stands for elsewhere; a lede's "A teaching assistant has told a
            # court ..." named in the next paragraph stays that person
            named = None
        elif named and named[1] and det in _DEFINITE and not _is_cap(noun):
            named = self._recent_namesake(named, noun.text, pos)
        if named and det in _DEFINITE and named[0] in self.actors.person:
            named = self._holder_in_article(named, phrase, noun.text, pos)
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
                if kind == CITIZEN and not person:
                    kind = OFFICIAL  # a body is never a private person ("Corvane insisted", its operator)
            resolution = BY_DESCRIPTION if description else BY_NAME
            if description and person:
                kind = self.actor_role(actor) or kind
            speaker = actor if description and not document else _label(text) if document else (
                _appositive_name(text) if person else "") or text  # "Walter Fenn, 74, a retired ..." -> the name
            return _Who(speaker, actor, kind, resolution, text, person, self._gender.get(actor))
        if document:
            if det in _DEFINITE:
                issuer = self._issuer(pos, noun.text)
                if issuer:
                    return _Who(f"{issuer} {noun.text.lower()}", issuer, DOCUMENT, BY_DESCRIPTION, text)
            team = self._study_team(noun.text)
            if team:
                return _Who(text, team, DOCUMENT, BY_DESCRIPTION, text)
            return _Who(text, "", DOCUMENT, UNNAMED, text)
        if media:
            return _Who(text, "", MEDIA, UNNAMED if not _has_name(head) else BY_NAME, text)
        role = _role_near(head, 0, len(head) - 1) or _role_near(toks, 0, len(toks) - 1)
        if det in _DEFINITE and not _has_name(head[_possessor_index(head):]) and _possessor_end(head) \
                and role in (SPOKESPERSON, EXPERT, CITIZEN, OFFICIAL) and not _in(noun.text, _BODY_WORDS) \
                and len(head) == len(toks):
            # "The country's top diplomat said ...", named in the paragraph after: "Anna Berg, the diplomat, ..."
            m = self._described(pos, noun.text, _gender_of_words(words), before=False)
            if m is not None:
                kind = (self.actor_role(m.actor) if m.actor else None) or role
                return _Who(m.actor or m.text, m.actor, kind, BY_DESCRIPTION, text, True, m.gender)
        at = self.line_of(pos)
        bare = len(words) == 1 and words[0].text.islower() and at is not None and self.lines[at].headline
        # "..., minister promises" in a headline reads "the minister"; "Lawyers said" in the body does not
        if (det in _DEFINITE or bare) and not _has_name(head) and role in (OFFICIAL, SPOKESPERSON, EXPERT, CITIZEN) \
                and not _in(noun.text, _BODY_WORDS) and not _possessor_end(head) and len(head) == len(toks):
            # A bare description ("the diplomat"), not a role of some body ("the commission's chairman"): the
            # most recent person described with the same word, else the most recent person, else (cataphora) a
            # person described with that word in the next paragraph.
            gender = _gender_of_words(words)
            introduced = self._introduced(pos, noun.text)
            if introduced:
                # "A Border Guard officer walked along the trucks. ... the officer told drivers": the unnamed
                # person brought in just before, not the last person named
                return _Who(introduced, "", role, UNNAMED, text, True, gender)
            m = self._described(pos, noun.text, gender, before=True) or self.antecedent(pos, line, gender=gender,
                                                                                       person=True)
            if m is None:
                m = self._described(pos, noun.text, gender, before=False)
            if m is not None:
                kind = (self.actor_role(m.actor) if m.actor else None) or role
                return _Who(m.actor or m.text, m.actor, kind, BY_DESCRIPTION, text, True, m.gender)
            # Nobody named before: the description as written, and no one guessed behind it.
            return _Who(text, "", role, UNNAMED, text, True, _gender_of_words(words))
        if det in ("a", "an") and role in (OFFICIAL, SPOKESPERSON, EXPERT, CITIZEN) and not _is_cap(noun) \
                and not _in(noun.text, _BODY_WORDS) and not _in(noun.text, ANONYMOUS_WORDS):
            # "A Westfold teaching assistant has told a court ...", named only in the paragraph after.
            m = self._described(pos, noun.text, _gender_of_words(words), before=False)
            if m is not None:
                kind = (self.actor_role(m.actor) if m.actor else None) or role
                return _Who(m.actor or m.text, m.actor, kind, BY_DESCRIPTION, text, True, m.gender)
        if _has_name(head):
            person = not any(_in(t.text, _BODY_WORDS) for t in head_words)
            kind = role or context_role or (OFFICIAL if not person else UNKNOWN)
            name = _appositive_name(phrase) if person else ""
            return _Who(name or text, "", kind, BY_NAME, text, person, _gender_of_words(words))
        kind = role or UNKNOWN
        if kind == UNKNOWN and _in(noun.text, _BODY_WORDS):
            kind = OFFICIAL
        return _Who(text, "", kind, UNNAMED, text)

    def _unnamed_before(self, pos: int, line: int) -> str:
        """An unnamed person the sentence before a quotation brings in ("... visiting a supporter in
        hospital." "She told me, ..."): the last indefinite phrase of a person's role word
        (:func:`role_type`) with an optional place phrase, outside quotation marks, or "".  Such a
        person is the nearest antecedent of a *he* or *she* inside the quotation."""
        k = self.line_of(pos)
        if k is None or k < 1 or self.lines[k - 1].headline:
            return ""
        before = self.lines[k - 1]
        quoted = self.local_quotes(before)
        found = ""
        for m in _INDEFINITE_PERSON.finditer(before.text):
            if role_type(m.group("noun")) in (CITIZEN, EXPERT, OFFICIAL, SPOKESPERSON) \
                    and not any(a <= m.start() < b for a, b in quoted) and not self.actors.find(m.group()):
                found = before.raw[m.start():m.end()]
        return found

    def _study_team(self, noun: str) -> str:
        """The research team whose study a document with no issuer of its own belongs to ("the study found",
        "Their paper says", "Figures in the paper show"), or "".

        The one actor of ``actors.csv`` the article names that is a study's authors as a group (its name
        holds *study* or *research*, or it is called "the authors", "researchers ...", "scientists ..."),
        for a research text (:data:`_RESEARCH_WORDS`); "" when the article names none or several.
        """
        if not _in(noun, _RESEARCH_WORDS) or not self.actors.teams:
            return ""
        teams = {m.actor for m in self.mentions if m.actor in self.actors.teams
                 and len(self.actors.alias_actors.get(m.text.lower(), ())) == 1}  # not "the authors" of two
        return teams.pop() if len(teams) == 1 else ""

    def _written(self, np: str, noun: str, text: str, pos: int, line: int) -> _Who:
        """"The first entry reads:": a written text quoted as its words, a document of its writer.

        The writer is the person mentioned last before ``pos`` when this sentence or the two before it
        speak of a record a person keeps ("He has been keeping a diary"); else the document has no
        actor ("A sign on the door reads:").
        """
        at = self.line_of(pos)
        keeper = None
        if at is not None:
            for li in range(at, max(-1, at - 3), -1):
                ln = self.lines[li]
                if ln.headline:
                    break
                upto = ln.text if li < at else ln.text[:pos - ln.start]
                if any(_singular(_low(t)) in _RECORD_WORDS for t in tokenize(upto)):
                    keeper = self.antecedent(pos, line, gender=None, person=True)
                    break
        if keeper is not None and (keeper.actor or keeper.text):
            writer = keeper.actor or keeper.text
            return _Who(f"{writer} {noun.lower()}", keeper.actor, DOCUMENT, BY_DESCRIPTION, text)
        return _Who(np, "", DOCUMENT, UNNAMED, text)

    def _introduced(self, pos: int, noun: str) -> str:
        """The indefinite noun phrase ("a Border Guard officer") with head ``noun`` in the sentence of ``pos``
        (before it) or the two sentences before, outside quotation marks and not set beside a name by a comma
        ("Jan Berg, a police officer"); "" when none."""
        at = self.line_of(pos)
        if at is None:
            return ""
        pattern = re.compile(r"\b(?:[Aa]n?)\s+(?:[\w'\u2019\-]+\s+){0,3}?" + re.escape(noun) + r"\b")
        for li in range(at, max(-1, at - 3), -1):
            ln = self.lines[li]
            if ln.headline:
                break
            quoted = self.local_quotes(ln)
            text = ln.text if li < at else ln.text[:pos - ln.start]
            hits = [h for h in pattern.finditer(text) if not any(a <= h.start() < b for a, b in quoted)
                    and not text[:h.start()].rstrip().endswith(",")  # "Jan Berg, a police officer": named
                    and not re.match(r"\s*,\s*[A-Z]", text[h.end():])]  # "a police officer, Jan Berg": named
            if hits:
                return ln.raw[hits[-1].start():hits[-1].end()]
        return ""

    def _named_next(self, actor: str, pos: int) -> bool:
        """True when person ``actor`` is named (by a capitalised alias) later in the paragraph of ``pos`` or in
        the paragraph after it."""
        at = self.line_of(pos)
        if at is None:
            return False
        para = self.lines[at].paragraph
        names = [m for m in self.mentions if m.actor == actor and not m.speaker and m.text.split()
                 and m.text.split()[-1][:1].isupper()]
        near = [m for m in names if m.pos > pos and para <= self.lines[m.line].paragraph <= para + 1]
        return bool(near)

    def _recent_namesake(self, named: tuple[str, bool], noun: str, pos: int) -> tuple[str, bool]:
        """A bare description ("the police") of the body mentioned most recently under a fuller description
        with the same head noun ("The traffic police have set up a diversion. ..., the police said."): that
        body, when it was named in the same or the previous sentence; else ``named`` unchanged."""
        at = self.line_of(pos)
        if at is None:
            return named
        want = _singular(noun.lower())
        for m in reversed(self.mentions):
            if m.pos >= pos:
                continue
            if m.line < at - 1:
                break
            words = m.text.lower().split()
            if m.actor and m.actor != named[0] and len(words) >= 2 and _singular(words[-1]) == want \
                    and self.lines[m.line].paragraph == self.lines[at].paragraph:
                return m.actor, True
        return named

    def _holder_in_article(self, named: tuple[str, bool], phrase: str, noun: str, pos: int) -> tuple[str, bool]:
        """A bare description ("the Minister") of a person this article never names otherwise, when the
        article has named another person with that word before ``pos`` ("The Minister of Health, Mrs Nadia
        Ferrow, ..."): that person, the most recent one; else ``named`` unchanged.  An alias is shared by
        every article of a folder, but "the Minister" of a story on a recall is the health minister it named."""
        own = [m for m in self.mentions if m.pos < pos and m.actor == named[0]
               and m.text.lower() != phrase.lower()]
        if own:
            return named
        want = _singular(noun.lower())
        for m in reversed(self.mentions):
            if m.pos < pos and m.person and m.actor and m.actor != named[0] \
                    and want in {_singular(w.strip(".,").lower()) for w in m.text.split()}:
                return m.actor, True
        return named

    def _name_after_description(self, phrase: str, text: str, pos: int, line: int) -> _Who | None:
        """"The head of the Kessford Fishermen's Association, Ada Brennick": the name after the description.

        The phrase ends with a comma and a name (two to four capitalised words, none of them a common noun
        of the word lists), and the words before the comma are a description (they hold a lower-case
        word).  The name is resolved on its own (an actor, else the name as written); the role comes from
        the description.  None when the pattern does not hold ("Piet Vos, a retired crane operator").
        """
        desc, sep, name = phrase.rpartition(",")
        raw_name = text.rpartition(",")[2]
        name, raw_name = name.strip(), raw_name.strip()
        if not sep or not name or len(raw_name) != len(name):
            return None
        names = name.split()
        if not 1 <= len(names) <= 4 or not all(w[:1].isupper() for w in names) or any(
                _common(w.strip(".")) or w.lower() in _DETERMINERS or w.lower() in _TITLES and k for k, w in
                enumerate(names)):
            return None
        desc_toks = tokenize(desc)
        if not any(_is_word(t) and t.text.islower() and _low(t) not in _STOP_WORDS for t in desc_toks):
            return None
        who = self.resolve(raw_name, pos + text.rfind(raw_name), line)
        if not who.speaker and not who.actor:
            return None
        if len(names) == 1 and (not who.actor or not any(_is_word(t) and role_type(t.text) for t in desc_toks)):
            # "A pharmacist in Tesmar, who gave only her first name, Irena": one name only when it is an actor
            # and the description is of a person's role
            return None
        kind = who.kind
        if who.kind not in (DOCUMENT, MEDIA):
            kind = _role_near(desc_toks, 0, len(desc_toks) - 1) or who.kind
            if kind == CITIZEN and who.actor and not who.person:
                # "its operator, Corvane Power": a body is never a private person, whatever job word
                # stands beside its name
                kind = who.kind if who.kind != CITIZEN else OFFICIAL
        return _Who(who.speaker, who.actor, kind, BY_NAME, text, who.person, who.gender)

    def _issuer(self, pos: int, noun: str) -> str:
        """The issuer of "the statement" from the sentences before: the actor named in the nearest sentence
        of the body before ``pos`` that holds the same document word ("The Kremlin issued a statement on
        Friday. The statement said ..." -> Kremlin; a definite description refers to the most recent
        document of its kind however far back); "" when none."""
        at = self.line_of(pos)
        if at is None:
            return ""
        want = _singular(noun.lower())
        for li in range(at - 1, -1, -1):
            ln = self.lines[li]
            if ln.headline:
                break
            hits = [k for k, t in enumerate(ln.tokens) if _singular(_low(t)) == want]
            if not hits:
                continue
            quoted = self.local_quotes(ln)
            found = [(s, al) for s, _e, al in self.actors.find(ln.text) if not any(a <= s < b for a, b in quoted)]
            people = [(s, al) for s, al in found if not set(al.actors) <= self.actors.person]
            if people:
                near = min(people, key=lambda f: abs(f[0] - ln.tokens[hits[0]].start))
                return self._pick(near[1], ln.start + near[0])
            return ""
        return ""

    def _described(self, pos: int, noun: str, gender: str | None, *, before: bool) -> _Mention | None:
        """A person named next to the role word ``noun`` ("Anna Berg, the foreign minister", "Trade Minister
        Anna Berg"): the most recent before ``pos``, or (``before=False``) the first in the rest of the
        paragraph of ``pos`` and the paragraph after it."""
        want = _singular(noun.lower())
        at = self.line_of(pos)
        if at is None:
            return None
        para = self.lines[at].paragraph
        if before:
            pool = [m for m in reversed(self.mentions) if m.pos < pos]
        else:
            pool = [m for m in self.mentions if m.pos > pos and self.lines[m.line].paragraph <= para + 1]
        for m in pool:
            if not m.person or not m.actor or (gender and m.gender and m.gender != gender):
                continue
            if want in self._words_near(m):
                return m
        return None

    def _words_near(self, m: _Mention) -> set[str]:
        """Words of the noun phrase around a mention and of an appositive after or before it (singular, lower)."""
        ln = self.lines[m.line]
        first = ln.token_at(m.pos - ln.start)
        last = max(first, ln.token_at(m.pos - ln.start + len(m.text)) - 1)
        toks = ln.tokens
        out = set()
        k = first - 1
        while k >= 0 and first - k <= 4 and _is_word(toks[k]) and _low(toks[k]) not in _NP_STOP:
            out.add(_singular(_low(toks[k])))
            k -= 1
        if k >= 1 and toks[k].text == ",":
            j = k - 1
            while j >= 0 and k - j <= 5 and _is_word(toks[j]):
                out.add(_singular(_low(toks[j])))
                j -= 1
        k = last + 1
        if k < len(toks) and toks[k].text == ",":
            k += 1
            if k < len(toks) and toks[k].kind == "number":
                k += 2 if k + 1 < len(toks) and toks[k + 1].text == "," else 1  # "Karl Dunmore, 71, a retired ..."
            while k < len(toks) and k - last <= 11 and _is_word(toks[k]) and _low(toks[k]) not in ("who", "said"):
                out.add(_singular(_low(toks[k])))
                k += 1
        return out

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
        owned = [t for t in head if t.start >= possessor_end and _is_word(t)] if possessor_end else []
        if owned and not _has_name(owned) and role_type(owned[-1].text) in (SPOKESPERSON, EXPERT, CITIZEN) \
                and not any(f[0] >= possessor_end and f[1] <= head_end for f in found):
            return None  # "the firm's lawyers", "the ministry's spokesman": someone of the body, not the body
        whole = [f for f in found if f[0] == 0 and f[1] == len(phrase.rstrip())]
        if whole and whole[0][2].description:
            # A description listed whole among the aliases: "the agency in charge of ports"
            actor = self._pick(whole[0][2], pos)
            if actor:
                return actor, True
        named = [f for f in found if phrase[:f[0]].strip().lower() in ("", "the") and f[1] == len(phrase.rstrip())
                 and len(f[2].alias.split()) >= 3]
        if named:
            # A long name of actors.csv that is the whole phrase ("the Association of Patients with Heart
            # Diseases"), though its head word alone opens the sentence like a common noun
            actor = self._pick(named[0][2], pos)
            if actor:
                return actor, named[0][2].description
        comma = phrase.find(",")
        if comma > 0:
            # "Dragan Velic, the National Front leader": a person named whole before an appositive is the
            # speaker; the body the appositive names is where the person stands, not who speaks
            lead = [f for f in found if f[0] == 0 and f[1] == len(phrase[:comma].rstrip())
                    and set(f[2].actors) & self.actors.person]
            if lead:
                actor = self._pick(lead[0][2], pos)
                if actor:
                    return actor, lead[0][2].description
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
        first = phrase.split(maxsplit=1)
        if len(first) == 2 and first[0].lower() in ("its", "their") and not possessor_end:
            # "their union", "its ministry": the definite description "the union", "the ministry"
            again = [f for f in self.actors.find("the " + first[1])
                     if f[0] == 0 and f[2].alias.lower().startswith("the ")]
            if again:
                actor = self._pick(max(again, key=lambda f: f[1])[2], pos)
                if actor:
                    return actor, True
        # A surname (or given name) of a person named before in the article: "Marsh" after "Mayor Helen Marsh".
        for t in reversed(head):
            if _is_cap(t) and _low(t) not in _TITLES:
                for m in reversed(self.mentions):
                    if m.pos < pos and m.person and m.actor and t.text in m.actor.split():
                        return m.actor, False
                break
        if wide:
            bare = [f for f in self.actors.find_bare(phrase)]
            words = [t for t in head if _is_word(t)]
            if bare and words and role_type(words[-1].text) in (SPOKESPERSON, EXPERT, CITIZEN) \
                    and bare[-1][1] <= words[-1].start:
                return None  # "a company spokesman": someone speaking for the body, not the body
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
        if (ln.start + a.start, ln.start + a.end) in self.impersonal:
            return "", -1  # "It is understood that", "The court heard that": the source is withheld
        span = self.subject(ln, a)
        if span is None:
            shared = self._shared_subject(ln, a)
            if shared is not None:
                return shared
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
        if span is None and a.kind == "verb" and not a.verb.lower().startswith("according"):
            doc = self._document_subject(ln, a, quoted)
            if doc is not None and (not a.speaker or a.speaker_start > a.start
                                    or doc[0] < ln.token_at(a.speaker_start)):
                span = doc
        if span is None and a.kind == "speech_noun" and not a.speaker:
            # "it is written in the statement of the company": the document and its issuer after "of"
            first = ln.token_at(a.start)
            k = ln.token_at(a.end)
            if k + 1 < len(toks) and _low(toks[k]) == "of" and k not in quoted and _in(toks[first].text,
                                                                                      DOCUMENT_WORDS):
                last = _np_end(toks, k + 1, quoted)
                lo = first - 1 if first >= 1 and _low(toks[first - 1]) in _DEFINITE else first
                if last >= k + 1:
                    span = (lo, last)
        if span is None and a.speaker:
            lo, hi = ln.token_at(a.speaker_start), ln.token_at(a.speaker_end) - 1
            first = ln.token_at(a.start)
            if lo > first and a.kind == "verb" and not a.verb.lower().startswith("according") and first > 0 \
                    and toks[first - 1].text not in "," + _QUOTE_CHARS and (first - 1) not in quoted:
                return "", -1  # "remarks showed he had ...": what follows the verb is its clause, not its speaker
            if lo > first and hi + 1 < len(toks) and (hi + 1) not in quoted and toks[hi + 1].text.islower() \
                    and _finite_at(toks, hi + 1):
                return "", -1  # "said some ballots had been stored": the subject of the reported clause
            if hi >= lo:
                if lo >= 2 and toks[lo - 1].text in ("'", "\u2019") and _is_cap(toks[lo - 2]) and lo < first:
                    lo = min(lo, _np_start(toks, hi, quoted, cross=False))  # "The Ostrel Dockers' Union"
                if 3 <= lo < first and _low(toks[lo - 1]) in ("to", "with") and _low(toks[lo - 2]) in _POSTNOMINAL:
                    lo = _np_start(toks, lo - 3, quoted, cross=False)  # "Residents close to the bridge said"
                rel = lo - 1
                while lo - rel <= 4 and rel >= 2 and toks[rel].kind == "word" and toks[rel].text.islower() \
                        and _low(toks[rel]) not in ("who", "that") and rel not in quoted:
                    rel -= 1  # "a shop assistant who would not give her name said": the words after "who"
                if rel < lo - 1 and not (_low(toks[rel]) == "who" and _any_finite(toks, rel + 1, lo)):
                    rel = lo - 1
                if 2 <= lo < first and _low(toks[rel]) in ("who", "that") and rel not in quoted \
                        and toks[rel + 1].text.islower() and _any_finite(toks, rel + 1, rel + 2 if rel == lo - 1
                                                                         else lo) \
                        and _is_word(toks[rel - 1]) and _low(toks[rel - 1]) not in _NP_STOP:
                    wide = _np_start(toks, rel - 1, quoted, cross=rel < lo - 1)  # "A counting clerk who saw ... said"
                    if wide <= rel - 1 and (wide == 0 or toks[wide - 1].text in ",;:"
                                            or _low(toks[wide - 1]) in _LEADING):
                        lo = wide
                if 1 <= lo < first and _is_word(toks[lo - 1]) and toks[lo - 1].text.islower() \
                        and _low(toks[lo - 1]) not in _NP_STOP and not _finite_at(toks, lo - 1) \
                        and (lo - 1) not in quoted:
                    lo = min(lo, _np_start(toks, hi, quoted, cross=False))  # "A retired crane operator told"
                if lo > first and hi + 2 < len(toks) and toks[hi + 1].text == "," and (hi + 1) not in quoted:
                    k = hi + 2  # "said the country's top diplomat, Anna Berg.": the name after the description
                    while k < len(toks) and _is_cap(toks[k]) and k not in quoted:
                        k += 1
                    if k - (hi + 2) >= 2 and (k >= len(toks) or toks[k].text in ",.;"):
                        hi = k - 1
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
            if lo < hi and _low(toks[hi]) in _SUBJECT_PRONOUNS and hi not in quoted:
                lo = hi  # "In a second post she wrote": a subject pronoun is the whole subject
            elif lo >= 1 and _low(toks[lo - 1]) in _FRONTED and (lo - 1) not in quoted:
                # "In a later post the mayor wrote": the fronted phrase ends where a second noun phrase opens
                k = next((k for k in range(lo + 1, hi) if _low(toks[k]) in ("the", "a", "an")
                          and _is_word(toks[k - 1]) and _low(toks[k - 1]) not in _PREPOSITIONS | {"and", "or"}
                          and k not in quoted), None)
                if k is not None:
                    lo = k
            for s, e, _al in self.actors.find(ln.text, 0, toks[hi].end):
                if s < toks[lo].start < e and not any(k in quoted for k in range(ln.token_at(s), lo)):
                    # a long name cut at a preposition ("the Association of Patients with Heart Diseases"):
                    # the whole name of actors.csv
                    lo = ln.token_at(s)
                    break
            if len(a.speaker) <= 3 and a.speaker.lower() in _PERSON_PRONOUNS.keys() | _BODY_PRONOUNS | {"we", "i"} \
                    and not (a.speaker_start > a.start and lo < ln.token_at(a.start)):
                # "his words" -> "he"; not the pronoun that opens the reported clause of a subject read before
                # the verb ("One farmer, who ..., said she had watched ...")
                return a.speaker, ln.start + a.speaker_start
            return ln.raw[toks[lo].start:toks[hi].end], ln.start + toks[lo].start
        return "", -1

    def _shared_subject(self, ln: _Line, a: Attribution) -> tuple[str, int] | None:
        """The subject a verb shares with the verb before it: "Party chairman Gil Ostrow slammed the mayor's
        "..." and said the city had ...", "Mr Renn, 58, thanked his opponent and promised to be "..."".

        Applies when *and* or *but* stands right before the verb (adverbs such as *later* between): the
        verb has no subject of its own.  The subject is that of the first reporting verb of the clause
        before the *and*, else that of the clause's first finite verb (a noun phrase that opens the
        clause, appositives allowed).  None when the pattern does not hold ("Renn thanked his opponent
        and his campaign manager said ...": the manager is the subject).
        """
        if a.kind not in ("verb", "speech") or a.verb.lower().startswith("according") or not self._real(ln):
            return None
        toks = ln.tokens
        quoted = self.quoted_tokens(ln.index)
        first = ln.token_at(a.start)
        k = first - 1
        while k >= 0 and toks[k].kind == "word" and toks[k].text.islower() and (
                _low(toks[k]) in _TIME_WORDS or _low(toks[k]).endswith("ly")):
            k -= 1
        if k < 2 or _low(toks[k]) not in ("and", "but") or k in quoted or toks[k - 1].text == ",":
            return None
        lo = 0
        for j in range(k - 1, -1, -1):
            if j not in quoted and toks[j].text in ";:":
                lo = j + 1
                break
        while lo < k and (_low(toks[lo]) in _LEADING or toks[lo].kind == "punct"):
            lo += 1
        if lo >= k:
            return None
        earlier = [b for b in self.attributions(ln.index) if b.kind in ("verb", "speech")
                   and toks[lo].start <= b.start and b.end <= toks[k].start]
        if earlier:
            text, pos = self.phrase(ln, min(earlier, key=lambda b: b.start))
            return (text, pos) if text else None
        f = next((j for j in range(lo, k) if j not in quoted and toks[j].text.islower() and _finite_at(toks, j)),
                 None)
        if f is None or f == lo:
            return None
        verb = Attribution(toks[f].start, toks[f].end, toks[f].text, "verb")
        span = self.subject(ln, verb)
        if span is None:
            start = _np_start(toks, f - 1, quoted, cross=True)
            if start != lo or any(j in quoted for j in range(lo, f)):
                return None
            span = (start, f - 1)
        if span[0] != lo:
            return None
        return ln.raw[toks[span[0]].start:toks[span[1]].end], ln.start + toks[span[0]].start

    def _document_subject(self, ln: _Line, a: Attribution, quoted: set[int]) -> tuple[int, int] | None:
        """A text as subject that the cue finder did not name: "The Kremlin statement said", "A report
        published by the council on Monday found".

        Read leftwards from the verb, within the clause, to a document word (:data:`DOCUMENT_WORDS`,
        lower case) that opens a noun phrase; the phrase runs on to the verb across a participle and
        its *by* agent, and stops before a time or place adjunct after the agent.
        """
        toks = ln.tokens
        first = ln.token_at(a.start)
        for k in range(first - 1, max(-1, first - 14), -1):
            t = toks[k]
            if k in quoted or (t.kind == "punct" and t.text not in ("'", "\u2019", "-")):
                return None
            if _in(t.text, DOCUMENT_WORDS) and not _is_cap(t):
                lo = _np_start(toks, k, quoted, cross=False)
                hi = first - 1
                by = next((m for m in range(k + 1, first) if _low(toks[m]) == "by"), None)
                if by is not None:
                    hi = max(by + 1, _np_end(toks, by + 1, quoted))
                elif k + 1 < first and _any_finite(toks, k + 1, first):
                    return None
                return (lo, min(hi, first - 1))
        return None

    def _real(self, ln: _Line) -> bool:
        return ln.index < len(self.lines) and self.lines[ln.index] is ln

    def subject(self, ln: _Line, a: Attribution) -> tuple[int, int] | None:
        """:meth:`_subject`, cached (the speaker's phrase and the reported clause both read it)."""
        key = (ln.index, ln.start, ln.raw, self._real(ln), a)
        if key not in self._subjects:
            self._subjects[key] = self._subject(ln, a)
        return self._subjects[key]

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
            chained = self._chain_subject(ln, k, quoted)
            if chained is None and k == first - 1 and verb.endswith("ing") and " " not in verb:
                return self._participle_subject(ln, k, quoted)
            return chained
        if k >= 3 and toks[k].text == ")" and k not in quoted:
            # "The Pilots' Guild (PG) said": the name before a short parenthesis
            op = next((m for m in range(k - 1, max(-1, k - 5), -1) if toks[m].text == "("), None)
            if op is not None and op >= 1 and all(_is_word(t) for t in toks[op + 1:k]) and _is_word(toks[op - 1]):
                lo = _np_start(toks, op - 1, quoted, cross=True)
                if lo <= op - 1 and (lo == 0 or toks[lo - 1].text in ",;:" or _low(toks[lo - 1]) in _LEADING):
                    return lo, op - 1
        final = self._final_subject(ln, a, quoted)
        if final is not None:
            hi = first - 1
            while hi > final + 1 and toks[hi].text.islower() and _low(toks[hi]) in _AUXILIARIES:
                hi -= 1  # "the Rocket can reveal": the subject without the modal
            return final + 1, hi
        # A relative clause holding the verb: "Mayor Helen Marsh, who took office promising ...".
        j = k
        while j >= 0 and toks[j].text not in ",;:" and j not in quoted and _low(toks[j]) not in ("who", "which"):
            j -= 1
        if j >= 1 and _low(toks[j]) in ("who", "which") and toks[j - 1].text == ",":
            return self._chain_subject(ln, j - 1, quoted, relative=True)
        return None

    def _participle_subject(self, ln: _Line, comma: int, quoted: set[int]) -> tuple[int, int] | None:
        """"Analysts at Brightwater cut their target, writing in a note that ...": the participle after the
        comma shares the subject of the clause before it, which opens the sentence; the subject is the words
        before that clause's first finite verb.  None when the clause has no finite verb or opens with a
        fronted phrase ("After the meeting, ...") or a lower-case word."""
        toks = ln.tokens
        if any(t.text in ",;:" or j in quoted for j, t in enumerate(toks[:comma])):
            return None
        lo = 0
        while lo < comma and (_low(toks[lo]) in _LEADING or not _is_word(toks[lo])):
            lo += 1
        if lo >= comma or not _is_cap(toks[lo]) or _low(toks[lo]) in _FRONTED or _low(toks[lo]) in _PREPOSITIONS:
            return None
        verb_at = next((j for j in range(lo + 1, comma) if _finite_at(toks, j)), None)
        if verb_at is None:
            return None
        return lo, verb_at - 1

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
            if first in _PREPOSITIONS or first in _FRONTED or (
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
            if _low(toks[a]) in _PREPOSITIONS or _low(toks[a]) in _FRONTED:
                break  # "Outside the depot on Quay Street, driver Omar Reyes, who": a place, not an appositive
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
            if not comma:
                return []  # not "ran according to schedule"
            tail = [t for t in toks[last + 1:] if _is_word(t)]
            closing = len(tail) <= 6 and not any(t.text in ",;:" for t in toks[last + 1:]) and not any(
                k in quoted for k in range(last + 1, n))
            # ", according to customs figures." closing the sentence: the words before are the source's,
            # whether or not their verb shows its tense ("About 900 trucks cross each day")
            return self._before(ln, k + 1, any_clause=closing)
        if a.kind == "speech":
            if not _QUESTION_VERB.match(words[0]):
                return []
            j = last + 1
            while j < n and _low(toks[j]) in _ADDRESSEES:
                j += 1
            agent = self._asked_by(ln, a)
            if agent is not None:
                j = agent[2]
            if j < n and _low(toks[j]) in _WH_WORDS and j not in quoted:
                return self._parts(ln, j)
            return []
        if words[-1] in ("called", "calls"):
            return self._verdict(ln, a)
        # A reporting clause after the words it reports: "..., she said", "..., says X".
        subject = self.subject(ln, a)
        if subject is not None:
            lo = subject[0]
        elif a.speaker and a.speaker_start < a.start:
            lo = ln.token_at(a.speaker_start)
        else:
            lo = first
        if lo >= 1 and toks[lo - 1].text == "," and (lo - 1) not in quoted and self._ends_clause(ln, a, lo, quoted):
            around = self._around(ln, a, lo - 1)
            # a headline drops the marks of tense ("Fingerprint ties outbreak to vat, scientists say")
            return around if around is not None else self._before(ln, lo - 1, any_clause=ln.headline)
        return self._complement(ln, a)

    def _asked_by(self, ln: _Line, a: Attribution) -> tuple[int, int, int] | None:
        """"Asked by Sabine Grell, for the defence, whether ...": the asker after *by* (token span) and the
        token of the question word, or None.  The asker's phrase runs to a comma or the question word, an
        appositive between commas allowed."""
        if not _QUESTION_VERB.match(a.verb.split()[0]):
            return None
        toks = ln.tokens
        n = len(toks)
        quoted = self.quoted_tokens(ln.index)
        j = ln.token_at(a.end)
        if j + 1 >= n or _low(toks[j]) != "by" or j in quoted:
            return None
        lo = j + 1
        hi = next((k for k in range(lo, min(n, lo + 8)) if toks[k].text == "," or _low(toks[k]) in _WH_WORDS), None)
        if hi is None or hi == lo:
            return None
        k = hi
        while k < min(n, hi + 12) and _low(toks[k]) not in _WH_WORDS:
            if k in quoted or toks[k].text in ";:" or (toks[k].text.islower() and _finite_at(toks, k)):
                return None
            k += 1
        if k >= n or _low(toks[k]) not in _WH_WORDS:
            return None
        return lo, hi - 1, k

    def _verdict(self, ln: _Line, a: Attribution) -> list[tuple[int, int]]:
        """"called X Y": the object and the verdict on it, as the subject's reported speech.

        The object is a determiner and one word; the verdict after it opens with "a"/"an" (not of time:
        "called the office a day later") or is one adjective (by its ending, or a word of judgement) that
        closes the clause ("called the closure unjustified").  A phone call ("called the hospital at
        noon", "called the police"), a verb and particle ("called her over") or an election ("called a
        snap election") give nothing.
        """
        toks = ln.tokens
        n = len(toks)
        quoted = self.quoted_tokens(ln.index)
        i = ln.token_at(a.end)
        if i + 2 >= n or any(k in quoted for k in range(i, min(n, i + 3))):
            return []
        end = self._end_of_clause(ln, i)
        hi = end - 1
        while hi > i and toks[hi].kind == "punct":
            hi -= 1
        span = toks[i + 1:hi + 1]
        if len(span) < 2 or not all(_is_word(t) and t.text.islower() for t in span[:2]):
            return []
        rest = [_low(t) for t in span[1:]]
        if rest[0] in ("a", "an") and len(rest) >= 2 and rest[1] not in _TIME_NOUNS \
                and not _any_finite(toks, i, hi + 1, quoted):
            return [(toks[i].start, toks[hi].end)]
        if len(rest) == 1 and (_ADJECTIVE_END.search(rest[0]) or rest[0] in _VERDICT_ADJECTIVES) \
                and rest[0] not in ("general", "ahead", "instead") and not _any_finite(toks, i, hi, quoted):
            return [(toks[i].start, toks[hi].end)]
        return []

    def _final_subject(self, ln: _Line, a: Attribution, quoted: set[int]) -> int | None:
        """Token of the comma before a reporting clause that closes the sentence, or None.

        "..., people familiar with the matter said." / "..., a spokeswoman for the ministry told
        reporters.": nothing but an addressee or a time follows the verb, and the words between
        the comma and the verb (at most ten) hold no finite verb and no quotation: they are the
        subject.
        """
        toks = ln.tokens
        first, last = ln.token_at(a.start), ln.token_at(a.end) - 1
        if not self._ends_clause(ln, a, first, quoted) or first < 2:
            return None
        j = last + 1
        while j < len(toks) and toks[j].kind != "punct":
            j += 1
        if j < len(toks) and toks[j].text == ",":
            return None  # a reporting clause inside the sentence: _around reads it
        top = first - 1
        while top >= 2 and toks[top].text.islower() and _low(toks[top]) in _AUXILIARIES:
            top -= 1  # "..., the Rocket can reveal.", "..., the ministry has said."
        for k in range(top, max(-1, top - 11), -1):
            if k in quoted or toks[k].text in ";:" or toks[k].text in _QUOTE_CHARS:
                return None
            if toks[k].text == ",":
                return k if k < top else None
            if toks[k].text.islower() and _finite_at(toks, k) and _low(toks[k]) not in ("'s",) and not (
                    k >= 2 and _low(toks[k]).endswith("ed") and toks[k - 1].text.islower()
                    and _low(toks[k - 2]) in ("a", "an", "the")):
                return None  # but "..., a study published on Thursday has found.": a participle after its noun
        return None

    def _around(self, ln: _Line, a: Attribution, comma: int) -> list[tuple[int, int]] | None:
        """The clause around a reporting clause set off by two commas ("Talks, he said, would resume").

        The words before the first comma hold no finite verb (a subject: "Talks", "The bridge") or are a
        clause opened by *what* that serves as the subject ("What it opposed, she said, was ..."),
        the reporting clause is followed by a comma, and the words after it hold a finite verb
        before the clause ends.  The row runs from the subject to the end of the clause, over the
        reporting clause.  None when the pattern does not hold ("The bridge, built in 1932,
        needs ..." has no reporting verb; "Talks, he said, had failed, and ..." reads on).
        """
        toks = ln.tokens
        n = len(toks)
        quoted = self.quoted_tokens(ln.index)
        last = ln.token_at(a.end) - 1
        j = last + 1
        while j < n and j not in quoted and (_low(toks[j]) in _TIME_WORDS or _is_cap(toks[j]) or _low(toks[j]) in (
                "on", "in", "last", "this", "week", "month", "year", "weekend", "the", "a") or
                                             _low(toks[j]) in _ADDRESSEES):
            j += 1
        if j >= n - 1 or toks[j].text != "," or j in quoted:
            return None
        lo = 0
        for k in range(comma - 1, -1, -1):
            if k in quoted or toks[k].text in ";:,\u2014\u2013":
                lo = k + 1
                break
        free = _low(toks[lo]) in ("what", "whatever") if lo < comma else False  # "What it opposed, she said, was"
        # a copula before the reporting clause: "The attack was, investigators said, the work of a gang"
        split = lo < comma - 1 and _low(toks[comma - 1]) in ("is", "was", "are", "were", "be", "been") \
            and not any(_finite_at(toks, k) for k in range(lo, comma - 1))
        if lo >= comma or (_any_finite(toks, lo, comma) and not free and not split) or any(
                k in quoted for k in range(lo, comma)):
            return None
        end = self._end_of_clause(ln, j + 1)
        if split:  # the complement of the copula ends at the next comma: an appositive after it is the outlet's
            end = next((k for k in range(j + 1, end) if toks[k].text == "," and k not in quoted), end)
        if end <= j + 1 or not split and not _any_finite(toks, j + 1, end, quoted):
            return None
        hi = end - 1
        while hi > j and toks[hi].kind == "punct" and hi not in quoted:
            hi -= 1
        return [(toks[lo].start, toks[hi].end)]

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
            if k > lo and _low(toks[k]) in _DETERMINERS and _low(toks[k - 1]) not in _PREPOSITIONS \
                    and _low(toks[k - 1]) != "to":
                return False
        j = last + 1
        if lo > last:  # inverted: "..., says Health Minister Dr Farah Aziz."
            return True
        if j < n and (_low(toks[j]) in _ADDRESSEES or _low(toks[j]) in ("the", "a")):
            j += 1
            if j < n and _low(toks[j - 1]) == "the" and _low(toks[j]) in _ADDRESSEES and j not in quoted:
                j += 1  # "..., a prosecutor told the court."
        if j + 2 < n and _low(toks[j]) in ("in", "on") and (_low(toks[j + 1]) in _POSSESSIVE_DETERMINERS or _low(
                toks[j + 1]) in ("a", "an", "the")) and not any(k in quoted for k in range(j, j + 4)):
            doc = next((k for k in range(j + 2, min(n, j + 5)) if _in(toks[k].text, DOCUMENT_WORDS)), None)
            if doc is not None and all(_is_word(toks[k]) for k in range(j + 2, doc)):
                j = doc + 1  # "..., the regulator said in its ruling.", "..., analysts said in a note to clients."
                if j + 1 < n and _low(toks[j]) == "to" and _is_word(toks[j + 1]):
                    j += 2
                    if j < n and _is_word(toks[j]) and _low(toks[j - 1]) in _POSSESSIVE_DETERMINERS | {"the"}:
                        j += 1
        if j < n and _low(toks[j]) in _CHANNEL_PREPOSITIONS and j not in quoted:
            # a closing phrase of channel or manner: "..., an official said on condition of anonymity.",
            # "..., the police said on social media."; not when a clause follows ("said on Monday talks would")
            end = next((k for k in range(j + 1, n) if toks[k].text in ".!?;" or k in quoted), n)
            tail = range(j + 1, end)
            if (end == n or toks[end].text in ".!?") and 1 <= len(tail) <= 5 and all(_is_word(toks[k]) for k in tail) \
                    and not _any_finite(toks, j + 1, end):
                j = end
        while j < n and (_is_cap(toks[j]) or _low(toks[j]) in _TIME_WORDS or _low(toks[j]) in _TIME_PHRASE) \
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
            if j == i + 1 and _low(toks[i]) in ("the", "a") and j + 1 < n and _is_word(toks[j]) \
                    and toks[j].text.islower() and j not in quoted and not _URGE.match(verb):
                # "warned the strike could spread": "the strike" opens the clause, nobody is addressed;
                # "told the minister the talks had failed": "the minister" is addressed
                j = i if _finite_at(toks, j + 1) else j + 1
        while j < n and j not in quoted:
            low = _low(toks[j])
            if low in _TIME_WORDS or (low == "back" and j + 1 < n and _low(toks[j + 1]) == "then"):
                j += 2 if low == "back" else 1
            elif low in ("on", "in", "last", "this") and j + 1 < n and (_is_cap(toks[j + 1]) or _low(toks[j + 1])
                                                                      in ("week", "month", "year", "weekend")):
                j += 2
            else:
                break
        if j >= n or j in quoted or not _is_word(toks[j]):
            return []
        if _TELL_VERBS.match(verb) and j > i and j + 1 < n and (_low(toks[j]) == "to" or _low(toks[j]) == "not"
                                                                and _low(toks[j + 1]) == "to"):
            # an instruction to an addressee: "warned jurors not to read about the case", "told staff to stay"
            return self._parts(ln, i)
        if _TELL_VERBS.match(verb) and j == i and _low(toks[j]) == "to" and i >= 2 \
                and _low(toks[ln.token_at(a.start) - 1]) in _PASSIVE_BEFORE | {"later", "also"}:
            return []  # "The jury was later told to leave": an agentless passive reports no one's words
        if _low(toks[j]) in _NOT_A_CLAUSE and not _subject_of_clause(toks, j, quoted):
            return []  # "said nothing as ...", but "said nothing had been ruled out"
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
        m = j
        while m < min(n, j + 12):
            if toks[m].text == "," and m > j and m not in quoted:
                # an appositive inside the subject: "said the cost of the posts, about 110,000 euros a year, would"
                close = next((c for c in range(m + 1, min(n, m + 9)) if toks[c].text in ",;:" or c in quoted), None)
                if close is not None and toks[close].text == "," and close not in quoted \
                        and not _any_finite(toks, m + 1, close) and close + 1 < n and _finite_at(toks, close + 1) \
                        and toks[close + 1].text.islower():
                    return self._parts(ln, j)
                break
            if toks[m].text in ",;:" or m in quoted:
                break
            if m > j and _finite_at(toks, m):
                return self._parts(ln, j)
            m += 1
        if a.verb.lower().split()[-1] in _SAY_FORMS and _low(toks[j]) in _CLAUSE_OPENERS and toks[j].text.islower():
            # "says such groups choose hospitals deliberately": a present-tense clause, whose verb has no mark of
            # its own, running to the end of the sentence without a comma
            stop = next((m for m in range(j, n) if toks[m].text in ",;:" or m in quoted), n)
            verb_like = any(
                toks[k - 1].text.islower() and _low(toks[k - 1]).endswith("s") and toks[k].text.islower()
                and _low(toks[k]) not in _PREPOSITIONS | _DETERMINERS | _POSSESSIVE_DETERMINERS | _NP_STOP
                and _low(toks[k]) not in ("and", "or", "to", "as", "every", "each")
                for k in range(j + 2, stop))  # a plural subject and its verb: "groups choose"
            if verb_like and all(_is_word(t) or t.text in ".!?" for t in toks[j:stop]) and \
                    sum(_is_word(t) for t in toks[j:stop]) >= 4 and (stop == n or toks[stop].text in ".!?"):
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
        """The clause from token ``start`` to its end, split before "and that", "but that" and "or that"
        (sentence-relative offsets)."""
        toks = ln.tokens
        if start >= len(toks):
            return []
        end = self._end_of_clause(ln, start)
        quoted = self.quoted_tokens(ln.index)
        cuts = [start]
        for k in range(start, end - 1):
            if _low(toks[k]) in ("and", "but", "or") and _low(toks[k + 1]) == "that" and k not in quoted:
                cuts.append(k + 2)
        out = []
        for a, b in zip(cuts, [*cuts[1:], end]):
            last = b - 1
            if b != end:
                last = b - 3  # before "and that", "but that"
            while last >= a and (toks[last].kind == "punct" and last not in quoted):
                last -= 1
            if last >= a:
                out.append((toks[a].start, toks[last].end))
        return out

    def _before(self, ln: _Line, comma: int, *, any_clause: bool = False) -> list[tuple[int, int]]:
        """The clause before token ``comma``: from the sentence start (or the last ; : or dash) to it; with
        ``any_clause`` four or more words count without a finite verb among them."""
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
        enough = any_clause and sum(_is_word(toks[k]) for k in seg) >= 4
        if len(inside) * 2 > len(seg) or not inside and not enough and not _any_finite(toks, lo, comma, quoted):
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
        naming = self._naming(ln, rel)
        if naming is not None and not (naming[0].kind == DOCUMENT and self._holders(li, rel)):
            # a document's word inside someone's reported clause ("said a report had described inspections as
            # "months behind"") reaches the page through that speaker: the clause's verb attributes it
            row.forced, row.forced_cue = naming
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
        elif found == "previous_sentence" and li >= 1 and not (
                self.lines[li - 1].paragraph != ln.paragraph and self.local_quotes(self.lines[li - 1])):
            # a verb of the paragraph before that already attributes a quotation of its own ("..., she said.")
            # attributes nothing in the next paragraph
            cand = [a for a in self.attributions(li - 1) if a.verb == verb and a.speaker and a.kind in ("verb",
                                                                                                       "speech")]
            if cand:
                att, att_line = cand[-1], self.lines[li - 1]
        if att is not None and att.kind == "colon" and att_line is not None:
            att = self._colon(att_line, att)
        # Inside the reported clause of a verb before it: that verb (the innermost).
        holders = self._holders(li, rel)
        if holders:
            holder = max(holders, key=lambda a: a.start)
            inner = att is not None and att_line is ln and holder.end <= att.start and att.end <= rel \
                and not self._document_phrase(self.phrase(ln, att)[0])
            if not inner:  # a word of its own inside the clause ("reported that X called them "...""): that word
                att, att_line = holder, ln
        if att is not None and ln.headline and att_line is ln and att.kind == "verb" \
                and att.verb.lower() in ("told", "hears", "heard") and not ln.text[att.end:].strip(" .!?") \
                and att.speaker and all(w.lower() in _HEARERS for w in att.speaker.split()):
            # headline passive: "'Tests were never done', court told" is "the court was told": the court
            # hears, it does not speak; the body names the speaker (rule 7)
            att, att_line = None, None
        if att is None and ln.headline:
            label = _HEADLINE_LABEL.match(ln.text)
            if label and label.end() <= rel and not self._kicker(label.group(1)):
                name = label.group(1)
                row.forced = self.resolve(name, ln.start + label.start(1), li)
                row.forced_cue = (ln.start + label.end() - 1, ln.start + label.end())
                return
        row.att, row.att_line = att, att_line if att is not None else None

    def _holders(self, li: int, rel: int) -> list[Attribution]:
        """The verbs of line ``li`` whose reported clause holds sentence offset ``rel``."""
        return [a for a in self.attributions(li) if a.kind in ("verb", "speech") and a.end <= rel
                and any(s <= rel < e for s, e in self.clauses(li, a))]

    @staticmethod
    def _document_phrase(text: str) -> bool:
        """True for a text as subject ("an internal report in April", "the findings"), by its head noun."""
        head = [t for t in _head(tokenize(text)) if _is_word(t)]
        return bool(head) and _in(head[-1].text, DOCUMENT_WORDS) and not _is_cap(head[-1])

    def _naming(self, ln: _Line, rel: int) -> tuple[_Who, tuple[int, int]] | None:
        """Rule 11: a name ascribed to those who use it ("a fishing ground the locals call "the larder"",
        "which scientists regard as a "nursery"", "what critics have dubbed "...""): their word, not the outlet's.

        The quotation follows a naming verb (:data:`_NAMING_VERBS`; *regard*, *describe*, *refer to*,
        *see* only with *as*), at most an object pronoun and an article between, and the verb follows its
        subject directly (auxiliaries allowed).  A group of common nouns that is no actor ("the locals",
        "scientists") is the speaker as written; a name, a pronoun or an actor is resolved as any speaker.
        A passive ("known as", "is called", "was dubbed") names no one: None, as when the pattern does
        not hold.
        """
        toks = ln.tokens
        quoted = self.quoted_tokens(ln.index)
        k = ln.token_at(rel) - 1
        while k >= 0 and toks[k].text in _QUOTE_CHARS:
            k -= 1
        if k >= 0 and _low(toks[k]) in ("a", "an", "the"):
            k -= 1
        need_as = k >= 0 and _low(toks[k]) == "as"
        if need_as:
            k -= 1
        if k >= 0 and _low(toks[k]) in ("it", "them", "this", "him", "her"):
            k -= 1
        if k >= 1 and _low(toks[k]) == "to" and _low(toks[k - 1]).startswith("refer"):
            k -= 1
        if k < 1 or k in quoted:
            return None
        verb = _NAMING_VERBS.match(toks[k].text)
        if verb is None or (verb.group("as") and not need_as):
            return None
        v = k
        k -= 1
        while k >= 0 and toks[k].text.islower() and _low(toks[k]) in _AUXILIARIES - _PASSIVE_BEFORE:
            k -= 1
        if k < 0 or k in quoted or not _is_word(toks[k]) or _low(toks[k]) in _PASSIVE_BEFORE \
                or _low(toks[k]) in _NP_STOP and _low(toks[k]) not in ("what",) or _finite_at(toks, k):
            return None
        lo = _np_start(toks, k, quoted, cross=False)
        if lo < k and _low(toks[lo]) == "that":
            lo += 1  # "a result that Governor Lena Aksel described as": the relative pronoun is no part of it
        if lo > k:
            return None
        phrase = ln.raw[toks[lo].start:toks[k].end]
        pos = ln.start + toks[lo].start
        cue = (ln.start + toks[v].start, ln.start + toks[v].end)
        words = [t for t in toks[lo:k + 1] if _is_word(t)]
        noun = words[-1]
        if _low(noun) in _PRONOUNS or _has_name(words) or self.actors.find(phrase) \
                or _singular(_low(noun)) == _low(noun):
            who = self.resolve(phrase, pos, ln.index)
            return (who, cue) if who.speaker or who.actor else None
        kind = role_type(noun.text) or ANONYMOUS
        return _Who(phrase, "", kind, UNNAMED, phrase), cue

    def _kicker(self, label: str) -> bool:
        """A headline label in capitals that names no actor ("VOTE CHAOS:", "EXCLUSIVE:") is the tabloid's
        kicker, not a speaker; a short acronym ("NATO:", "UN:") may still be one."""
        letters = [c for c in label if c.isalpha()]
        if not letters or any(c.islower() for c in letters) or self.actors.find(label):
            return False
        return len(label.split()) > 1 or len(letters) > 4

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
        if _any_finite(toks, lo, at):
            return self._clause_colon(ln, a, lo, at)
        if at - lo > 6:
            return None
        return a

    def _clause_colon(self, ln: _Line, a: Attribution, lo: int, at: int) -> Attribution | None:
        """A colon after a clause about a person: "Director Jo Tamsin did not hold back: "..."".

        The clause's subject (the words before its first finite verb, at most six) is a name (its
        last word capitalised) or a role with "the" ("The judge was blunt:"): that person speaks.
        A colon after a clause about anything else ("the joke had been the same for years:") names
        no one.
        """
        toks = ln.tokens
        quoted = self.quoted_tokens(ln.index)
        f = next((k for k in range(lo, at) if _finite_at(toks, k)), at)
        subject = [t for t in toks[lo:f] if _is_word(t)]
        if not subject or f - lo > 6 or any(k in quoted for k in range(lo, at)) or a.quote is None:
            return None
        if a.quote[0] < a.end:
            return None  # the quotation comes before the colon
        head = subject[-1]
        named = _is_cap(head) and _has_name(subject) and not _common(head.text)
        described = _low(subject[0]) == "the" and role_type(head.text) in (OFFICIAL, SPOKESPERSON, EXPERT, CITIZEN) \
            and not _in(head.text, _BODY_WORDS)
        subject_text = ln.text[subject[0].start:head.end]
        # a body of actors.csv by its description: "The hospital posted a short statement on its website:"
        aliased = _low(subject[0]) == "the" and any(
            hi == len(subject_text) for _lo, hi, _al in self.actors.find(subject_text))
        if not (named or described or aliased):
            return None
        return Attribution(a.start, a.end, a.verb, a.kind, ln.text[subject[0].start:head.end], subject[0].start,
                           head.end, quote=a.quote)

    def _nested(self, row: _Row) -> list[_Row]:
        """Quotations inside the quotation ``row``, attributed by the reporting verbs inside it."""
        raw = self.raw[row.start:row.end]
        lead = len(raw) - len(raw.lstrip(_QUOTE_CHARS))
        trail = len(raw) - len(raw.rstrip(_QUOTE_CHARS + " .,;!?"))
        if trail and raw.rstrip()[-1:] in "\"\u201d\u00bb" and raw.rstrip()[-2:-1] in "'\u2019":
            # "... he said, 'Leave it with me,'": the outer mark only, the inner one closes the nested quotation
            trail = len(raw) - len(raw.rstrip()) + 1
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
                    agent = self._asked_by(ln, a) if a.kind == "speech" else None
                    if agent is not None:
                        # "Asked by Sabine Grell, for the defence, whether ...": the question is the asker's
                        toks = ln.tokens
                        who = self.resolve(ln.raw[toks[agent[0]].start:toks[agent[1]].end],
                                           ln.start + toks[agent[0]].start, li)
                        row.forced = who if who.speaker or who.actor else _Who(mention="")
                    elif _fronted_question(ln, a):
                        row.forced = _Who(mention="")
                    out.append(row)
        out.extend(self._headline_claims())
        # Reported speech inside reported speech ("said that Biden's remarks showed he ...") is the outer
        # speaker's report: the outer row stands for it.
        return [r for r in out if not any(o is not r and o.line is r.line and o.start <= r.cue[0] < o.end
                                          for o in out)]

    def _headline_claims(self) -> list[_Row]:
        """A headline "Speaker: claim" without quotation marks ("Deputy Minister: closure is about security").

        The label before the colon is a person of ``actors.csv`` or ends in a role word ("Minister",
        "Police"), and the words after it hold a finite verb: the claim is that speaker's, reported
        without a verb.  A kicker ("Analysis:", "LIVE:"), a place ("Dravik: ...") or a label over a
        noun phrase ("Deputy Minister: a profile") gives no row.
        """
        out: list[_Row] = []
        for li, ln in enumerate(self.lines):
            if not ln.headline or self.local_quotes(ln):
                continue
            label = _HEADLINE_LABEL.match(ln.text)
            if not label or self._kicker(label.group(1)):
                continue
            name = label.group(1)
            found = [self._pick(al, ln.start + s) for s, _e, al in self.actors.find(name)]
            person = any(a in self.actors.person for a in found if a)
            if not person and role_type(name.split()[-1]) not in (OFFICIAL, SPOKESPERSON, EXPERT, CITIZEN):
                continue
            toks = ln.tokens
            at = ln.token_at(label.end())
            if at >= len(toks) or not _any_finite(toks, at):
                continue
            hi = len(toks) - 1
            while hi > at and toks[hi].kind == "punct":
                hi -= 1
            row = _Row(ln, ln.start + toks[at].start, ln.start + toks[hi].end, INDIRECT)
            row.forced = self.resolve(name, ln.start + label.start(1), li)
            row.forced_cue = (ln.start + label.end(1), ln.start + label.end(1) + 1)
            out.append(row)
        return out

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
            elif r.nested and r.phrase is not None and r.phrase[0].lower() in _PERSON_PRONOUNS:
                pass  # a pronoun inside a quotation: resolved once the quotation's speaker is known
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
        self._inner_pronouns(rows)

    def _inner_pronouns(self, rows: list[_Row]) -> None:
        """A *he* or *she* inside a quotation is someone the speaker talks about, never the speaker (who says
        *I*): "I went to Feodor and he said, 'Leave it with me,'" Demarr said.

        A nested quotation's pronoun that resolved to the outer quotation's speaker is resolved again: to
        the last other person the quotation names before it, else to the antecedent that is not the
        speaker (:meth:`antecedent`).
        """
        outer = [r for r in rows if not r.nested and r.kind != INDIRECT]
        for r in rows:
            if not r.nested or r.phrase is None or r.phrase[0].lower() not in _PERSON_PRONOUNS:
                continue
            host = next((o for o in outer if o.start <= r.start and r.end <= o.end), None)
            own = (host.who.actor or host.who.speaker) if host is not None else ""
            text, pos = r.phrase[0], r.phrase[1]
            gender = _PERSON_PRONOUNS[text.lower()]
            lo = host.start if host is not None else r.line.start
            named = [self._pick(al, s) for s, _e, al in self.actors.find(self.raw, lo, pos)]
            named = [a for a in named if a and a != own and a in self.actors.person
                     and self._gender.get(a) in (None, gender)]
            if named:
                actor = named[-1]
                r.who = _Who(actor, actor, self.actor_role(actor) or UNKNOWN, BY_PRONOUN, text, True,
                             self._gender.get(actor))
                continue
            someone = self._unnamed_before(lo, r.line.index)
            if someone:
                r.who = _Who(someone, "", CITIZEN if role_type(someone.split()[1]) == CITIZEN else UNKNOWN,
                             UNNAMED, text, True, gender)
                continue
            m = self.antecedent(pos, r.line.index, gender=gender, person=True, exclude=own)
            r.who = _Who(mention=text) if m is None else _Who(
                m.actor or m.text, m.actor, m.kind if m.kind != UNKNOWN else self._person_kind(m.actor),
                BY_PRONOUN, text, True, gender)

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
            # The sentence before, in the same paragraph, introduces one person and quotes nobody: "Among those
            # in the gallery was Leo Tandy, the researcher who ... "I warned them twice.""
            quoted = self.local_quotes(before)
            people = {self._pick(al, before.start + s): before.raw[s:e] for s, e, al in hits
                      if not any(a <= s < b for a, b in quoted)}
            people = {a: t for a, t in people.items() if a in self.actors.person}
            if before.paragraph == ln.paragraph and len(people) == 1 and not quoted and not any(
                    b.kind in ("verb", "speech") for b in self.attributions(li - 1)):
                ((actor, said),) = people.items()
                return _Who(actor, actor, self.actor_role(actor) or UNKNOWN, BY_CONTEXT, said, True,
                            self._gender.get(actor))
        return _Who()

    def _headline_from_body(self, rows: list[_Row]) -> None:
        """Rule 7: a headline quotation without speaker takes the speaker of a body quotation with its words."""
        body = [r for r in rows if not r.line.headline and r.kind != INDIRECT and r.who.speaker]
        for r in rows:
            # A label that names no actor ("Tolvar Dam: "We will ..."", a place) yields to the body's speaker
            label = bool(r.who.speaker) and not r.who.actor and (
                r.forced is not None and r.forced_cue is not None or r.att is not None and r.att.kind == "colon")
            if not r.line.headline or r.kind == INDIRECT or (r.who.speaker or r.forced is not None) and not label:
                continue
            words = _content_words(self.raw[r.start:r.end])
            if not words:
                continue
            for b in body:
                if label and (not b.who.actor or _content_words(r.who.speaker) & _content_words(b.who.speaker)):
                    continue
                if words <= _content_words(self.raw[b.start:b.end]):
                    r.who = _Who(b.who.speaker, b.who.actor, b.who.kind, BY_CONTEXT, b.who.mention, b.who.person,
                                 b.who.gender)
                    r.att, r.att_line, r.forced_cue = None, None, None
                    break


    def _transcript_answers(self, quoted: list[_Row]) -> list[_Row]:
        """Rule 12: an interview transcript's answers ("A: Not today.") after its questions ("Q: When ...?").

        A paragraph that opens with "A:" after a paragraph that opened with "Q:" is the interviewee's
        answer, verbatim though without quotation marks: one direct row over the paragraph, its speaker
        the person named last in the introduction (the nearest sentence before the first "Q:" that names
        a person: "... spoke to the agency's director, Hamid Corso"), resolution ``context``.  The
        questions get no row, and speech reported inside an answer ("The engineers tell me ...") is the
        interviewee's own words, no row of its own.  No answers without a question before them, nor
        without a person in the introduction.
        """
        out: list[_Row] = []
        asked, who = False, None
        for li, ln in enumerate(self.lines):
            if ln.headline or (li and self.lines[li - 1].paragraph == ln.paragraph):
                continue
            m = _TRANSCRIPT_LINE.match(ln.text)
            if not m:
                asked = asked and bool(re.match(r"\s*$", ln.text))
                continue
            if m.group(1).upper() == "Q":
                if not asked and who is None:
                    who = self._interviewee(li)
                asked = True
                continue
            if not asked or who is None:
                continue
            end = max(x.start + len(x.raw) for x in self.lines if x.paragraph == ln.paragraph and not x.headline)
            start = ln.start + m.end()
            if any(start <= r.start < end for r in quoted):
                continue
            while end > start and self.raw[end - 1].isspace():
                end -= 1
            row = _Row(ln, start, end, DIRECT)
            row.forced = who
            out.append(row)
        return out

    def _interviewee(self, li: int) -> _Who | None:
        """The person named last in the nearest of the three sentences before line ``li`` that names one."""
        for k in range(li - 1, max(-1, li - 4), -1):
            ln = self.lines[k]
            if ln.headline:
                break
            people = [m for m in self.mentions if m.line == k and m.person and m.actor]
            if people:
                m = people[-1]
                return _Who(m.actor, m.actor, self.actor_role(m.actor) or UNKNOWN, BY_CONTEXT, m.text, True,
                            self._gender.get(m.actor))
        return None

    # -- the rows of quotes.csv --------------------------------------------------------------------------------

    def table_rows(self, groups: dict[tuple[str, int, int], str]) -> list[dict[str, object]]:
        """The rows of :func:`find_quotes` for this article."""
        self.collect_mentions()
        quoted = self.quote_rows()
        answers = self._transcript_answers(quoted)
        rows = quoted + answers + [r for r in self.indirect_rows(quoted)
                                   if not any(a.start <= r.start < a.end for a in answers)]
        self.resolve_rows(rows)
        out: list[dict[str, object]] = []
        for r in rows:
            text = self.raw[r.start:r.end]
            if r.kind != INDIRECT and r.att is None and not r.who.speaker and _n_words(text) <= _MAX_SCARE_WORDS \
                    and not _utterance(text):
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
        if out and (low in _PREPOSITIONS or low in ("to", "who", "which", "whose") or t.text in ";:("):
            break
        out.append(t)
    return out


def _label(text: str) -> str:
    """A document's label without its article: "The Kremlin statement" -> "Kremlin statement"."""
    words = text.split(maxsplit=1)
    return words[1] if len(words) == 2 and words[0].lower() in ("the", "a", "an") else text


def _possessor_index(head: list[Token]) -> int:
    """Index in ``head`` of the first token after its last possessive "'s" (0 when none)."""
    at = 0
    for k, t in enumerate(head):
        if _low(t) in ("'s", "'"):
            at = k + 1
    return at


def _appositive_name(phrase: str) -> str:
    """The personal name of a phrase "description, Name" or "Name, description" ("the country's top
    diplomat, Anna Berg" -> "Anna Berg"): a part between commas of two to four capitalised words; "" when
    none."""
    parts = [p.strip() for p in phrase.split(",")]
    if len(parts) < 2:
        return ""
    for part in parts:
        words = part.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
                _in(w, _BODY_WORDS) or _common(w) or w.lower() in _DETERMINERS for w in words):
            return part
    return ""


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
        if k > i and k + 1 < len(toks) and _low(toks[k + 1]) == "by" and t.text.islower() and low.endswith("ed"):
            k += 2  # "figures compiled by the chamber", "a report published by the council"
            continue
        if low in _NP_STOP or low in _PREPOSITIONS or (t.text.islower() and _finite_at(toks, k)):
            break
        last = k
        k += 1
    return last


def _subject_of_clause(toks: Sequence[Token], j: int, quoted: set[int]) -> bool:
    """True when the word at ``j`` opens a clause: a finite verb follows within six words ("nothing had been")."""
    for k in range(j + 1, min(len(toks), j + 7)):
        t = toks[k]
        if k in quoted or t.kind == "punct":
            return False
        low = _low(t)
        if _finite_at(toks, k) and t.text.islower():
            return True
        if low in _NP_STOP and low != "than":
            return False
    return False


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
    # a phrase of a preposition ("by scientists at the Institute of ... and the University of ...") may be longer
    return not _any_finite(core) and len(core) <= (18 if first in _PREPOSITIONS else 10)


def _fronted_question(ln: _Line, a: Attribution) -> bool:
    """True for a sentence that opens with a question put to the subject ("Asked whether ..."): no asker."""
    words = [t for t in ln.tokens if _is_word(t)]
    return bool(words) and words[0].start == a.start and _QUESTION_VERB.match(a.verb.split()[0]) is not None \
        and a.verb.lower().endswith("ed")


def _closing_report(text: str) -> tuple[int, int] | None:
    """Offsets of "report(s)" as the verb of a reporting clause that closes the sentence, or None.

    "Kostelia has summoned the ambassador, Kostelian state media report.": the words between the last
    comma and the verb are its subject, with no preposition but "of" (not ", according to media reports")
    and no determiner, possessive or adjective of a document right before it (not ", the agency's annual
    report.").
    """
    m = _CLOSING_REPORT.search(text)
    if m is None:
        return None
    words = m.group("subject").split()
    if not words or any(w.lower() in _PREPOSITIONS - {"of"} or w.lower() in ("to", "according", "said", "says")
                        for w in words):
        return None
    last = words[-1].lower().replace("\u2019", "'")
    if last in _REPORT_NOUN_BEFORE or last.endswith("'s") or last.endswith("'"):
        return None
    return m.start("verb"), m.end("verb")


def _noun_use(before: Sequence[str], after: str) -> bool:
    """True when a word of :data:`CLAUSE_SPEECH_VERBS` is a noun: after a determiner or a possessive ("the
    recount", "her complaint"), or before a finite verb ("a hand recount cut his lead", "estimates were")."""
    if before and (before[-1].lower() in _DETERMINERS or before[-1].lower() in _POSSESSIVE_DETERMINERS
                   or before[-1].lower().endswith(("'s", "\u2019s"))):
        return True
    nxt = after.split(maxsplit=1)
    word = nxt[0].lower().strip(".,;:") if nxt and nxt[0][:1].isalpha() else ""
    return word in _AUXILIARIES or word in _IRREGULAR_PAST


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


def _utterance(quote: str) -> bool:
    """A whole quoted sentence of two words or more: a capital first, an end mark inside ("Shame on you!")."""
    inner = quote.strip(_QUOTE_CHARS + " ")
    letter = next((c for c in inner if c.isalpha()), "")
    return letter.isupper() and inner[-1:] in ("!", "?", ".") and _n_words(inner) >= 2


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in QUOTE_WORD_RE.findall(drop_invisible(normalise(text)))} - _STOP_WORDS


def _n_words(text: str) -> int:
    return len(QUOTE_WORD_RE.findall(drop_invisible(normalise(str(text)))))


# ---------------------------------------------------------------------------------------------------- public


def _article_text(lines: Sequence[tuple[int, str]], quotes: Sequence[tuple[int, int, str]]) -> str:
    """The article text as far as the tables hold it: sentences and quotations at their offsets."""
    end = max([s + len(t) for s, t in lines] + [e for _, e, _ in quotes] + [0])
    text = io.StringIO(" " * end)  # each text written over what is there, at its offset
    for s, t in lines:
        text.seek(s)
        text.write(t)
    for s, e, t in quotes:
        if len(t) == e - s:
            text.seek(s)
            text.write(t)
    return text.getvalue()


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
    # Plain lists, not row access: this runs over every cue and sentence of a corpus.
    groups: dict[tuple[str, int, int], str] = {}
    verbs: dict[str, list[tuple[int, int]]] = {}  # the attribution cues outside quotation marks
    inner_verbs: dict[str, list[tuple[int, int]]] = {}  # and those inside
    for a, art, s, e, g, voice, category in zip(cues["article_id"].tolist(), cues["article_id"].astype(str).tolist(),
                                                cues["start"].tolist(), cues["end"].tolist(),
                                                cues["subcategory"].tolist(), cues["voice"].tolist(),
                                                cues["category"].tolist()):
        if category != "attribution":
            continue
        groups[(str(a), int(s), int(e))] = str(g)
        (verbs if voice != QUOTED else inner_verbs).setdefault(art, []).append((int(s), int(e)))

    spans: dict[str, list[tuple[int, int, str]]] = {}
    q_text = quotes["text"].astype(str).tolist() if "text" in quotes.columns else [""] * len(quotes)
    for art, s, e, t in zip(quotes["article_id"].astype(str).tolist(), quotes["start"].tolist(),
                            quotes["end"].tolist(), q_text):
        spans.setdefault(art, []).append((int(s), int(e), str(t)))
    index = {art: SpanIndex([(s, e) for s, e, _ in v]) for art, v in spans.items()}
    clause_only: set[tuple[str, int, int]] = set()
    impersonal: set[tuple[str, int, int]] = set()
    participles: set[tuple[str, int, int]] = set()
    plains: list[str] = []  # the normalised text of each sentence, in table order
    for art, start, text in zip(table["article_id"].astype(str).tolist(), table["start"].tolist(),
                                table["text"].tolist()):
        plain = normalise(str(text))
        plains.append(plain)
        # A pattern runs only on a sentence that holds a word every match of it holds (a cheap test first).
        for m in _IMPERSONAL.finditer(plain) if "that" in plain else ():
            g = next(k for k in ("verb", "heard", "heard2", "told") if m.group(k))
            s, e = int(start) + m.start(g), int(start) + m.end(g)
            impersonal.add((art, s, e))
            if (s, e) not in verbs.get(art, []) and (art not in index or not index[art].overlaps(s, e)):
                verbs.setdefault(art, []).append((s, e))
        finds = "show" in plain or "suggest" in plain or "indicate" in plain
        for m in _DOCUMENT_FINDS.finditer(plain) if finds else ():
            s, e = int(start) + m.start("verb"), int(start) + m.end("verb")
            if (s, e) not in verbs.get(art, []) and (art not in index or not index[art].overlaps(s, e)):
                verbs.setdefault(art, []).append((s, e))
                clause_only.add((art, s, e))
        for m in _REDUCED_RELATIVE.finditer(plain):
            participles.add((art, int(start) + m.start("verb"), int(start) + m.end("verb")))
        # the case-insensitive patterns as quotes.searches runs them: the same matches, found faster
        (speech_rx, speech_in), (called_rx, called_in) = searches((CLAUSE_SPEECH_VERBS, _CALLED), plain)
        for m in speech_rx.finditer(speech_in):
            s, e = int(start) + m.start(), int(start) + m.end()
            before = plain[max(0, m.start() - 20):m.start()].split()
            if before and before[-1].lower() in _PASSIVE_BEFORE:
                continue  # a passive: "was reported missing", "is estimated at"
            if _noun_use(before, plain[m.end():]):
                continue  # a noun: "The recount was ordered", "a hand recount cut his lead"
            if (s, e) in verbs.get(art, []):
                continue
            if art not in index or not index[art].overlaps(s, e):
                verbs.setdefault(art, []).append((s, e))
                if plain[m.start():m.end()].lower().startswith("show"):
                    clause_only.add((art, s, e))  # "figures show that ...": a clause, never a quotation's speaker
        report = _closing_report(plain) if "report" in plain else None
        if report is not None:
            s, e = int(start) + report[0], int(start) + report[1]
            if (s, e) not in verbs.get(art, []) and (art not in index or not index[art].overlaps(s, e)):
                verbs.setdefault(art, []).append((s, e))
        for m in called_rx.finditer(called_in) if "call" in fold_case(plain) else ():
            s, e = int(start) + m.start(), int(start) + m.end()
            before = plain[max(0, m.start() - 20):m.start()].split()
            if before and (before[-1].lower() in _PASSIVE_BEFORE or before[-1].lower().endswith("-")):
                continue  # "was called the best", "so-called"
            if (s, e) not in verbs.get(art, []) and (art not in index or not index[art].overlaps(s, e)):
                verbs.setdefault(art, []).append((s, e))
                clause_only.add((art, s, e))
        for m in _CLOSING_VERBS.finditer(plain) if "announce" in plain else ():
            s, e = int(start) + m.start(), int(start) + m.end()
            if "," not in plain[:m.start()] or (s, e) in verbs.get(art, []):
                continue
            if art not in index or not index[art].overlaps(s, e):
                verbs.setdefault(art, []).append((s, e))
    if participles:
        verbs = {art: [(s, e) for s, e in v if (art, s, e) not in participles] for art, v in verbs.items()}

    speech = load_speech_cues()
    speech_res = [compile_pattern("|".join(f"(?:{p.strip()})" for p in speech["pattern"]))] if len(speech) else []
    who = _Actors(actors)
    impersonal_of: dict[str, set[tuple[int, int]]] = {}
    for art, s, e in impersonal:
        impersonal_of.setdefault(art, set()).add((s, e))
    participles_of: dict[str, set[tuple[int, int]]] = {}
    for art, s, e in participles:
        participles_of.setdefault(art, set()).add((s, e))

    rows: list[dict[str, object]] = []
    # The sentences of each article in text order (rows of the same article are adjacent once sorted), read
    # as the records itertuples gives, from plain lists.
    ordered = table.reset_index(drop=True).sort_values(["article_id", "start"], kind="mergesort")
    fields = [c for c in ("outlet", "sentence_id", "start", "text", "paragraph", "role") if c in ordered.columns]
    record = namedtuple("Record", fields)  # type: ignore[misc]
    records = map(record._make, zip(*(ordered[c].tolist() for c in fields)))  # made as they are read
    positions = ordered.index.tolist()
    keys = ordered["article_id"].tolist()
    flags = headline_flags(ordered) if len(quotes) else []  # headlines as quote_speakers reads them
    k = 0
    while k < len(keys):
        key, first = keys[k], k
        k += 1
        while k < len(keys) and keys[k] == key:
            k += 1
        group = [next(records) for _ in range(first, k)]
        if pd.isna(key):
            continue  # no article (groupby leaves such rows out)
        art = str(key)
        lines = []
        for i, rec in enumerate(group):
            paragraph = int(getattr(rec, "paragraph", 0) or 0) if not pd.isna(getattr(rec, "paragraph", 0)) else 0
            lines.append(_Line(i, art, str(rec.outlet), str(rec.sentence_id), int(rec.start), str(rec.text),
                               paragraph, is_headline(rec), plains[positions[first + i]]))
        memo: AttributionMemo = {}  # sentences read by both readers below
        base: dict[tuple[int, int], tuple[str, str, str]] = {}
        if art in index:
            # Each quotation's speaker, verb and where it was found, as quote_speakers reads them (the verbs that
            # report only a clause left out), on the same sentences.
            heads = [ln if ln.headline == flags[first + ln.index] else replace(ln, headline=flags[first + ln.index])
                     for ln in lines]
            for row in article_speakers(art, heads, index[art], [(s, e) for s, e in verbs.get(art, [])
                                                                 if (art, s, e) not in clause_only],
                                        speech_res, memo=memo):
                base[(int(row["start"]), int(row["end"]))] = (str(row["speaker"]), str(row["verb"]),
                                                              str(row["found_in"]))
        raw = _article_text([(ln.start, ln.raw) for ln in lines], spans.get(art, []))
        article = _Article(lines, [(s, e) for s, e, _ in spans.get(art, [])], base, verbs.get(art, []),
                           inner_verbs.get(art, []), speech_res, who, raw,
                           impersonal=impersonal_of.get(art, frozenset()),
                           participles=participles_of.get(art, frozenset()), memo=memo)
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
    import numpy as np
    import pandas as pd

    out = table.copy()
    if out.empty or quote_table.empty:
        return out
    by_article: dict[str, tuple[list[int], list[int]]] = {}  # the starts and ends of each article's spans
    for art, s, e in zip(quote_table["article_id"].tolist(), quote_table["reported_start"].astype(int).tolist(),
                         quote_table["reported_end"].astype(int).tolist()):
        if not pd.isna(art):
            spans = by_article.setdefault(str(art), ([], []))
            spans[0].append(s)
            spans[1].append(e)
    # Whole columns at once: the authorial rows, article by article, against that article's spans.  A row lies
    # inside a span when the spans that start at or before it reach its end (as
    # :meth:`framing.load.text.SpanIndex.inside`).
    rows = np.flatnonzero(out["voice"].to_numpy(dtype=object) == AUTHORIAL)
    codes, keys = pd.factorize(np.array([str(a) for a in out["article_id"].to_numpy(dtype=object)[rows]],
                                        dtype=object))
    order = np.argsort(codes, kind="stable")
    starts, ends = out["start"].to_numpy(), out["end"].to_numpy()
    mask = np.zeros(len(out), dtype=bool)
    for group in np.split(order, np.flatnonzero(np.diff(codes[order])) + 1) if len(order) else ():
        spans = by_article.get(keys[codes[group[0]]])
        if spans is None:
            continue
        span_starts = np.asarray(spans[0])
        by_start = np.argsort(span_starts, kind="stable")
        reach = np.maximum.accumulate(np.asarray(spans[1])[by_start])
        at = rows[group]
        before = np.searchsorted(span_starts[by_start], _as_ints(starts[at]), side="right")
        mask[at] = (before > 0) & (reach[np.maximum(before - 1, 0)] >= _as_ints(ends[at]))
    if "category" in out.columns:
        mask &= out["category"].to_numpy(dtype=object) != "scare_quote"
    out.loc[mask, "voice"] = REPORTED
    return out


def _as_ints(values: np.ndarray) -> np.ndarray:
    """Offsets as integers (``int`` of each value unless they are integers already)."""
    import numpy as np

    return values if values.dtype.kind in "iu" else np.array([int(v) for v in values], dtype=np.int64)


def sentence_voices(sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """The voice of each sentence from the voices of its word tokens (after :func:`with_reported_voice`).

    A sentence with at least one ``reported`` word token gets that voice when all its word tokens
    share it, else ``mixed`` (words of more than one voice); other sentences keep their voice (from
    the quotation marks, :class:`framing.load.corpus.Corpus`).  Returns a copy.
    """
    from framing.core.vocabulary import VOICES

    mixed = VOICES[-1]
    out = sentences.copy()
    words = tokens["kind"].to_numpy(dtype=object) != "punct"
    ids = tokens["sentence_id"].to_numpy(dtype=object)
    said = tokens["voice"].to_numpy(dtype=object) == REPORTED
    reported = set(ids[words & said].tolist())  # sentences with a reported word
    # ... and, of these, those with a word of another voice too
    others = {sid for sid in ids[words & ~said].tolist() if sid in reported} if reported else set()
    out["voice"] = [voice if sid not in reported else mixed if sid in others else REPORTED
                    for sid, voice in zip(out["sentence_id"].tolist(), out["voice"].tolist())]
    return out


def speaker_key(speaker: str, actor: str) -> str:
    """The key that makes two rows the same speaker: the actor when there is one, else the speaker's words
    without determiners and case ("The statement" and "the statement" are "statement"), and without a title or
    role before a name ("Kremlin spokesman Dmitry Peskov" and "Dmitry Peskov" are "dmitry peskov")."""
    if actor:
        return str(actor)
    words = [w for w in str(speaker).split() if w.lower() not in _DETERMINERS]
    # A name after a title or role is the person, whatever the title ("Russian President Vladimir Putin" and
    # "Vladimir Putin" of another outlet are not two speakers): the key is the words of the name, at least two
    # after a role word ("Board chair Ilse Brandt"; "President Putin" stays as written), one after a title
    # ("Mr Velic").
    for k in range(len(words) - 2, -1, -1):
        word = words[k].strip(".,").lower()
        after = words[k + 1:]
        need = 1 if word in _TITLES else 2
        if (word in _TITLES or role_type(word)) and len(after) >= need \
                and all(w[:1].isupper() and w.strip(".,").isalpha() for w in after):
            return " ".join(after).lower()
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
    return sources_from_parts([source_parts(quote_table, sentences)])


#: Columns of :func:`source_parts`.
SOURCE_PART_COLUMNS = ("outlet", "key", "speaker_actor", "written", "kinds", "n_quotes", "n_words",
                       "first_paragraph", "last_paragraph")


def source_parts(quote_table: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sums behind :func:`source_table` for some articles, to be added up with those of other articles.

    Parameters as for :func:`source_table`; every quotation row's article must have its sentences in
    ``sentences`` (when given), since the words of a speaker are counted article by article.

    Returns
    -------
    pandas.DataFrame
        One row per outlet x speaker key (:func:`speaker_key`), in the order the rows first meet them, with
        :data:`SOURCE_PART_COLUMNS`: ``speaker_actor`` of the first row, ``written`` and ``kinds`` (dicts:
        each way the speaker is written and each speaker type, with its number of rows, in the order met),
        ``n_quotes``, ``n_words`` (as in :func:`source_table`) and the first and last paragraph (Int64, NA
        without ``sentences``).  :func:`sources_from_parts` of the parts of consecutive article sets, in order,
        is :func:`source_table` of all of them.
    """
    import pandas as pd

    if quote_table.empty:
        return pd.DataFrame(columns=list(SOURCE_PART_COLUMNS))
    q = quote_table
    texts: dict[str, str] = {}
    if sentences is not None and {"start", "text"} <= set(sentences.columns):
        rows_of: dict[str, list[tuple[int, int, str]]] = {}
        for art, start, end, text in zip(q["article_id"].astype(str).tolist(), q["start"].tolist(),
                                         q["end"].tolist(), q["text"].tolist()):
            rows_of.setdefault(art, []).append((start, end, text))
        sentences_of: dict[str, list[tuple[int, str]]] = {}
        for art, start, text in zip(sentences["article_id"].astype(str).tolist(),
                                    sentences["start"].astype(int).tolist(), sentences["text"].astype(str).tolist()):
            if art in rows_of:
                sentences_of.setdefault(art, []).append((start, text))
        texts = {art: _article_text(own, rows_of[art]) for art, own in sentences_of.items()}
    paragraph = {}
    if sentences is not None and "paragraph" in sentences.columns:
        paragraph = dict(zip(sentences["sentence_id"].astype(str), sentences["paragraph"]))
    paragraphs = pd.array([paragraph.get(str(s), pd.NA) for s in q["sentence_id"]], dtype="Int64").tolist()
    outlets, speakers, actors = q["outlet"].tolist(), q["speaker"].tolist(), q["speaker_actor"].tolist()
    keys = [speaker_key(s, a) for s, a in zip(speakers, actors)]
    words = _words_by_speaker(q, keys, texts)
    acc: dict[tuple[str, str], list] = {}
    for outlet, key, actor, speaker, kind, par in zip(outlets, keys, actors, speakers, q["speaker_type"].tolist(),
                                                      paragraphs):
        entry = acc.get((outlet, key))
        if entry is None:
            entry = acc[(outlet, key)] = [str(actor), {}, {}, 0, words[(outlet, key)], pd.NA, pd.NA]
        _add_counts(entry[1], {str(speaker): 1})
        _add_counts(entry[2], {str(kind): 1})
        entry[3] += 1
        _widen(entry, par)
    return _parts_frame(acc)


def _add_counts(into: dict[str, int], counts: dict[str, int]) -> None:
    for name, n in counts.items():
        into[name] = into.get(name, 0) + n


def _widen(entry: list, first, last=None) -> None:
    """Take the paragraphs ``first`` .. ``last`` (NA: none) into the paragraph range of ``entry`` (items 5, 6)."""
    import pandas as pd

    last = first if last is None else last
    if first is not pd.NA:
        entry[5] = first if entry[5] is pd.NA else min(entry[5], first)
    if last is not pd.NA:
        entry[6] = last if entry[6] is pd.NA else max(entry[6], last)


def _parts_frame(acc: dict[tuple[str, str], list]) -> pd.DataFrame:
    import pandas as pd

    out = pd.DataFrame([(*k, *v) for k, v in acc.items()], columns=list(SOURCE_PART_COLUMNS))
    for col in ("first_paragraph", "last_paragraph"):
        out[col] = out[col].astype("Int64")
    return out


def combine_source_parts(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Several :func:`source_parts` (of consecutive article sets, in order) added up into one."""
    acc: dict[tuple[str, str], list] = {}
    for part in parts:
        for outlet, key, actor, written, kinds, n, words, first, last in zip(
                *(part[c].tolist() for c in SOURCE_PART_COLUMNS)):
            entry = acc.get((outlet, key))
            if entry is None:
                entry = acc[(outlet, key)] = [actor, {}, {}, 0, 0, first, last]
            _add_counts(entry[1], written)
            _add_counts(entry[2], kinds)
            entry[3] += n
            entry[4] += words
            _widen(entry, first, last)
    return _parts_frame(acc)


def sources_from_parts(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """:func:`source_table` from the :func:`source_parts` of consecutive article sets, in order."""
    import pandas as pd

    whole = combine_source_parts(parts)
    if whole.empty:
        return pd.DataFrame(columns=list(SOURCE_COLUMNS))
    totals: dict[str, int] = {}
    for outlet, n in zip(whole["outlet"].tolist(), whole["n_words"].tolist()):
        totals[outlet] = totals.get(outlet, 0) + n
    rows = []
    for outlet, _key, actor, written, kinds, n_quotes, n_words, first, last in sorted(
            zip(*(whole[c].tolist() for c in SOURCE_PART_COLUMNS)), key=lambda r: (r[0], r[1])):
        speaker = actor or Counter(written).most_common(1)[0][0]
        kind = max(kinds, key=lambda k: (kinds[k], -SPEAKER_TYPES.index(k) if k in SPEAKER_TYPES else 0))
        total = totals[outlet]
        rows.append({
            "outlet": outlet, "speaker": speaker, "speaker_actor": actor, "speaker_type": kind,
            "n_quotes": n_quotes, "n_words": n_words,
            "share_of_quoted_words": n_words / total if total else float("nan"),
            "first_paragraph": first, "last_paragraph": last,
        })
    out = pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
    out["first_paragraph"] = out["first_paragraph"].astype("Int64")
    out["last_paragraph"] = out["last_paragraph"].astype("Int64")
    out = out.sort_values(["outlet", "n_words", "n_quotes", "speaker"], ascending=[True, False, False, True],
                          kind="mergesort")
    return out.reset_index(drop=True)


def _words_by_speaker(q: pd.DataFrame, keys: list[str], texts: dict[str, str]) -> dict[tuple[str, str], int]:
    """Per ``(outlet, key)`` (``keys``: each row's speaker key): words of the union of the rows' reported spans
    in each article (each word once), or of the rows' texts without ``texts``.  One pass over plain lists."""
    outlets = q["outlet"].tolist()
    words: dict[tuple[str, str], int] = {}
    if not texts:
        for outlet, key, text in zip(outlets, keys, q["text"].tolist()):
            words[(outlet, key)] = words.get((outlet, key), 0) + _n_words(text)
        return words
    spans: dict[tuple[str, str], dict[str, list[tuple[int, int]]]] = {}
    for outlet, key, art, s, e in zip(outlets, keys, q["article_id"].astype(str).tolist(),
                                      q["reported_start"].astype(int).tolist(), q["reported_end"].astype(int).tolist()):
        spans.setdefault((outlet, key), {}).setdefault(art, []).append((s, e))
    for speaker, by_article in spans.items():
        total = 0
        for art, own in by_article.items():
            raw = texts.get(art, "")
            merged: list[list[int]] = []
            for s, e in sorted(own):
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            total += sum(_n_words(raw[s:e]) for s, e in merged)
        words[speaker] = total
    return words


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
