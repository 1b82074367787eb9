"""The names the layers share: cue categories, voices, thresholds, measures and table columns.

Every module that needs one of these names imports it from here, so a category, a voice or a
column is spelled in exactly one place.  This module imports nothing heavy (no pandas, no numpy):
the foundation layer stays cheap to import.
"""

from __future__ import annotations

from typing import Literal, get_args

# --------------------------------------------------------------------------- cues

#: A cue category, in the order charts and tables list them.
CueCategory = Literal["hedge", "booster", "distancing", "attribution", "scare_quote"]
CATEGORIES: tuple[str, ...] = get_args(CueCategory)

#: How a reporting verb presents what it reports (WP:SAY): the subcategories of ``attribution``.
#:
#: - ``neutral``: reports that words were spoken and nothing more (*said*, *told*, *stated*, *wrote*,
#:   *according to*, *argued*, *echoed*).
#: - ``endorsing``: implies the reported content is true or well founded (*noted*, *pointed out*,
#:   *explained*, *revealed*, *confirmed that*, *the report found that*).
#: - ``doubting``: calls the content's credibility into question or marks it as unsupported
#:   (*claimed*, *alleged that*, *insisted*, *asserted*, *speculated*, *hinted*).
#: - ``charged``: a loaded synonym for *said* that characterises the speech act by the speaker's
#:   attitude (blame *accused*, alarm *warned*, pressure *urged*, acclaim *praised*/*hailed*), so the
#:   outlet tells the reader how to take the words.
#: - ``concession``: the speaker grants something against their interest (*admitted*, *conceded*,
#:   *acknowledged*, *confessed*); WP:SAY warns these can imply culpability.
#: - ``denial``: the speaker rejects a claim (*denied*, *rejected*, *dismissed ... as*, *brushed
#:   aside*); WP:SAY puts *deny* with *admit* and *confess* as implying culpability, but it is not a
#:   concession.
AttributionGroup = Literal["neutral", "endorsing", "doubting", "charged", "concession", "denial"]
ATTRIBUTION_GROUPS: tuple[str, ...] = get_args(AttributionGroup)

# --------------------------------------------------------------------------- voices

#: Whose words a token or a cue is: the outlet's own (``authorial``), those it quotes inside quotation
#: marks (``quoted``), or those it reports without quotation marks, governed by a reporting verb or
#: "according to" (``reported``: "Putin said relations were ...", "according to the Kremlin, ...";
#: :func:`framing.measures.speakers.with_reported_voice`).
Voice = Literal["authorial", "quoted", "reported"]
RATE_VOICES: tuple[str, ...] = get_args(Voice)

#: Voice of a sentence: a sentence whose words are of more than one voice (partly inside quotation marks,
#: or partly reported speech) is ``mixed``.
SentenceVoice = Literal[Voice, "mixed"]
VOICES: tuple[str, ...] = get_args(SentenceVoice)

# --------------------------------------------------------------------------- sentiment

#: VADER's cut-offs (Hutto & Gilbert 2014): positive at compound >= +0.05, negative at <= -0.05.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -POSITIVE_THRESHOLD

#: Sentence labels from the compound score.
SentimentLabel = Literal["positive", "neutral", "negative"]
SENTIMENT_LABELS: tuple[str, ...] = get_args(SentimentLabel)

# --------------------------------------------------------------------------- tests

#: Significance level of every test and verdict (uncorrected for multiple comparisons).
ALPHA = 0.05
#: Two-sided critical value of the standard normal at :data:`ALPHA` (|z| > 1.96).
Z_CRITICAL = 1.96

# --------------------------------------------------------------------------- measures of summary.csv

#: ``cue_rate``: cues of one category and voice per 1,000 word tokens of that voice.
#: ``mean_compound``: mean VADER compound per sentence.  ``share_negative``: share of negative sentences.
Measure = Literal["cue_rate", "mean_compound", "share_negative"]
CUE_RATE, MEAN_COMPOUND, SHARE_NEGATIVE = MEASURES = get_args(Measure)

#: The unit of each measure, as an axis label.
MEASURE_UNITS = {
    CUE_RATE: "cues per 1,000 word tokens",
    MEAN_COMPOUND: "mean VADER compound score per sentence (\u22121 to +1)",
    SHARE_NEGATIVE: "share of sentences labelled negative (0 to 1)",
}

# --------------------------------------------------------------------------- table columns

#: ``articles.csv``: the required columns, then the optional ones (``encoding`` is read, not written).
ARTICLE_REQUIRED_COLUMNS = ("article_id", "outlet", "file")
ARTICLE_OPTIONAL_COLUMNS = ("published", "headline", "url", "language", "event", "country", "ownership", "encoding")
ARTICLE_COLUMNS = ARTICLE_REQUIRED_COLUMNS + ARTICLE_OPTIONAL_COLUMNS[:-1]

#: ``skipped.csv``: one row per article of ``articles.csv`` that could not be read and was left out.
SKIPPED_COLUMNS = ("article_id", "file", "reason", "fix")
#: The measures built on English word lists, which leave out articles in another language.
LexiconMeasure = Literal["salience", "cues", "sentiment", "summary"]
LEXICON_MEASURES: tuple[str, ...] = get_args(LexiconMeasure)
#: ``excluded.csv``: one row per article x measure it was left out of (``source``: ``articles.csv`` when the
#: language column says so, ``text`` when the words of the article do).
EXCLUDED_COLUMNS = ("article_id", "outlet", "file", "language", "source", "measure", "reason")

LINE_COLUMNS = ["article_id", "line_no", "role", "is_body", "reason", "start", "end", "text"]
SENTENCE_COLUMNS = ["article_id", "outlet", "sentence_id", "paragraph", "role", "voice", "start", "end", "text"]
TOKEN_COLUMNS = [
    "article_id", "outlet", "sentence_id", "token_id", "start", "end", "token", "lower", "kind", "voice",
]
QUOTE_COLUMNS = ["article_id", "start", "end", "text"]

#: How ``log_odds_z`` of the term table was computed: ``pairwise`` (exactly two outlets, one against the
#: other, Monroe et al. eq. 16/20 with a scaled prior) or ``one_vs_all`` (each outlet against the whole corpus).
LogOddsMethod = Literal["pairwise", "one_vs_all"]
LOG_ODDS_METHODS: tuple[str, ...] = get_args(LogOddsMethod)

TERM_TABLE_COLUMNS = (
    "outlet", "term", "ngram", "count", "n_tokens", "rate_per_1k", "log_odds_z", "z_attainable", "log_odds_method",
    "g2", "g2_williams", "fisher_p", "low_expected", "log_ratio",
)

CUE_COLUMNS = (
    "article_id", "outlet", "sentence_id", "start", "end", "cue", "term", "category", "subcategory", "voice",
)
CUE_RATE_COLUMNS = ("outlet", "category", "voice", "n_cues", "n_tokens", "rate_per_1k")

#: ``sentiment.csv``: one row per sentence (``drivers``: the sentence's rows of ``sentiment_drivers.csv``
#: joined for display).
SENTIMENT_COLUMNS = ["article_id", "outlet", "sentence_id", "voice", "compound", "pos", "neu", "neg", "label",
                     "drivers"]
#: ``sentiment_drivers.csv``: one row per lexicon word that moved a sentence's VADER score.
SENTIMENT_DRIVER_COLUMNS = ["article_id", "sentence_id", "word", "start", "end", "valence"]
#: How a sentence bears on an actor: written ``about`` the actor (it names the actor, or a pronoun that
#: stands for the actor, and the actor does not speak in it) or spoken ``by`` the actor (it holds the
#: actor's quotation or reported speech).
ActorRole = Literal["about", "by"]
ACTOR_ROLES: tuple[str, ...] = get_args(ActorRole)
#: ``actor_sentiment.csv``: one row per outlet x actor x role.
ACTOR_COLUMNS = ["outlet", "actor", "role", "n_sentences", "mean_compound", "n_positive", "n_neutral", "n_negative"]
#: One row per actor x sentence about it or spoken by it, scored with the actor's name masked (``via``:
#: ``alias``, ``pronoun`` or ``speaker``; ``text``: the words scored, name masked).
ACTOR_SENTENCE_COLUMNS = ["actor", "outlet", "sentence_id", "role", "via", "compound", "label", "text"]

# --------------------------------------------------------------------------- who speaks

#: How the words of a row of ``quotes.csv`` are given: a whole quoted sentence (``direct``), a quoted
#: fragment inside the outlet's own sentence (``partial``), or reported speech without quotation marks
#: (``indirect``).
QuoteKind = Literal["direct", "partial", "indirect"]
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
#: The role in which a speaker's words are given (see :mod:`framing.measures.speakers` for the word lists).
SpeakerType = Literal["official", "spokesperson", "expert", "document", "anonymous", "media", "citizen", "unknown"]
SPEAKER_TYPES: tuple[str, ...] = get_args(SpeakerType)
#: How the speaker of a row was identified: named in the attribution (``name``), by a description
#: ("the Russian leader", ``description``), by a pronoun (``pronoun``), from an earlier sentence or
#: quotation (``context``), described and never named ("a senior official", ``unnamed``), or not at all
#: (``none``).
Resolution = Literal["name", "description", "pronoun", "context", "unnamed", "none"]
RESOLUTIONS: tuple[str, ...] = get_args(Resolution)
#: ``quotes.csv``: one row per quotation or stretch of reported speech, with its speaker (offsets into the
#: raw article text, like every other table).  Not the quotation-mark spans of ``Corpus.quotes``
#: (:data:`QUOTE_COLUMNS`).
QUOTE_TABLE_COLUMNS = (
    "article_id", "outlet", "quote_id", "sentence_id", "start", "end", "text", "kind", "speaker", "speaker_actor",
    "speaker_type", "verb", "verb_group", "cue_start", "cue_end", "mention", "resolution", "reported_start",
    "reported_end",
)
#: ``sources.csv``: one row per outlet x speaker.
SOURCE_COLUMNS = (
    "outlet", "speaker", "speaker_actor", "speaker_type", "n_quotes", "n_words", "share_of_quoted_words",
    "first_paragraph", "last_paragraph",
)
#: Who opens and who closes each article: one row per article x position (``first``, ``last``).
OPENER_COLUMNS = (
    "article_id", "outlet", "position", "speaker", "speaker_actor", "speaker_type", "paragraph", "n_paragraphs",
    "kind", "text",
)

#: What identifies a row of ``summary.csv`` besides the outlet: ``category`` and ``voice`` are "" where
#: the measure has none.
MEASURE_KEY = ["measure", "category", "voice"]
#: The units ``summarise`` resamples: one row per sentence x measure, with the article it belongs to.
UNIT_COLUMNS = ["outlet", "article_id", *MEASURE_KEY, "unit_id", "numerator", "denominator"]
SUMMARY_COLUMNS = [
    "outlet", *MEASURE_KEY, "value", "numerator", "denominator", "ci_low", "ci_high", "p_value", "n_units", "verdict",
    "unit", "n_articles", "ci_method", "min_p", "comparison",
]

#: How a measure of ``summary.csv`` is built, which decides its interval: ``rate`` (a count over an
#: exposure: exact Poisson), ``share`` (0 or 1 per sentence: exact binomial), ``mean`` (a mean score: BCa).
MeasureKind = Literal["rate", "share", "mean"]
MEASURE_KINDS: dict[str, MeasureKind] = {CUE_RATE: "rate", MEAN_COMPOUND: "mean", SHARE_NEGATIVE: "share"}
#: Lowest and highest value one sentence can give a mean measure (VADER's compound runs from -1 to +1).
MEASURE_RANGES: dict[str, tuple[float, float]] = {MEAN_COMPOUND: (-1.0, 1.0)}

#: What ``summary.csv``'s tests resample and permute (its ``unit``): whole articles when every outlet has
#: two or more, else the sentences of the articles ("sentences of one article").
UNIT_ARTICLES, UNIT_SENTENCES = "articles", "sentences"

#: How an interval of ``summary.csv`` was made (its ``ci_method``; "+" joins the parts of an envelope):
#: exact Poisson (Garwood) for rates, exact binomial (Clopper-Pearson) for shares, BCa or percentile
#: bootstrap over sentences or articles, or the interval for units that all have the same value.
CiMethod = Literal[
    "garwood", "clopper_pearson", "bca_sentences", "bca_articles", "percentile_sentences", "percentile_articles",
    "identical_sentences", "identical_articles",
]
CI_METHODS: tuple[str, ...] = get_args(CiMethod)

FINDING_COLUMNS = ["notebook", "outlet", "finding", "evidence"]

# --------------------------------------------------------------------------- content units

#: Clauses of sentences, the pieces content units are built from.
SEGMENT_COLUMNS = (
    "article_id", "outlet", "sentence_id", "clause", "start", "end", "text", "paragraph", "role", "frame",
)
#: ``units.csv``: one row per content unit (the same fact or remark told by one or more articles).
ALIGNED_UNIT_COLUMNS = ("unit_id", "label", "n_articles", "n_outlets", "outlets")
#: ``unit_sentences.csv``: which sentences tell which unit.
UNIT_SENTENCE_COLUMNS = (
    "unit_id", "article_id", "outlet", "sentence_id", "similarity", "paragraph", "in_headline", "in_lede", "start",
    "end",
)
#: ``coverage.csv``: one row per outlet x unit.
COVERAGE_COLUMNS = ("outlet", "unit_id", "present", "first_paragraph", "in_lede", "carried_by_others")
#: ``renderings.csv``: one row per outlet for each unit two or more outlets tell as speech.
RENDERING_COLUMNS = ("unit_id", "outlet", "article_id", "sentence_id", "text", "own_words", "shared_words")
#: ``headlines.csv``: one row per article with a headline.
HEADLINE_COLUMNS = (
    "article_id", "outlet", "headline", "subject", "subject_actors", "actors", "evaluative_words", "quote_marks",
    "units", "lede_units",
)
#: What each outlet leaves out that most others tell, and what only it tells.
SELECTION_COLUMNS = ("outlet", "which", "unit_id", "label", "position", "told_by_others")

# --------------------------------------------------------------------------- differences

#: Kinds of stated difference, in the order the front page ranks them (structure before word rates).
DifferenceKind = Literal["omission", "lede", "voice", "headline", "rendering", "hedging", "selection",
                         "attribution", "tone", "salience"]
DIFFERENCE_KINDS: tuple[str, ...] = get_args(DifferenceKind)
#: ``differences.csv``: one row per statement about an outlet.
DIFFERENCE_COLUMNS = ("outlet", "kind", "statement", "evidence", "strength", "rank")

CODING_COLUMNS = ("coder", "article_id", "outlet", "item", "kind", "answer", "sentence_id", "sentence_text", "saved_at")
"""Columns of a coder's CSV: one row per article x question.  ``kind`` is ``function`` (Entman; ``answer``
is the chosen ``sentence_id`` or ``none``) or ``frame`` (Semetko & Valkenburg; ``answer`` is ``yes`` or
``no``); ``sentence_text`` repeats the chosen sentence so the file reads on its own."""
