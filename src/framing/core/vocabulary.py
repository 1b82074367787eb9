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
AttributionGroup = Literal["neutral", "endorsing", "doubting", "concession"]
ATTRIBUTION_GROUPS: tuple[str, ...] = get_args(AttributionGroup)

# --------------------------------------------------------------------------- voices

#: Whose words a token or a cue is: the outlet's own (``authorial``) or those it quotes.
Voice = Literal["authorial", "quoted"]
RATE_VOICES: tuple[str, ...] = get_args(Voice)

#: Voice of a sentence: a sentence partly inside quotation marks is ``mixed``.
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

LINE_COLUMNS = ["article_id", "line_no", "role", "is_body", "reason", "start", "end", "text"]
SENTENCE_COLUMNS = ["article_id", "outlet", "sentence_id", "paragraph", "role", "voice", "start", "end", "text"]
TOKEN_COLUMNS = [
    "article_id", "outlet", "sentence_id", "token_id", "start", "end", "token", "lower", "kind", "voice",
]
QUOTE_COLUMNS = ["article_id", "start", "end", "text"]

TERM_TABLE_COLUMNS = ("outlet", "term", "ngram", "count", "n_tokens", "rate_per_1k", "log_odds_z", "g2", "log_ratio")

CUE_COLUMNS = (
    "article_id", "outlet", "sentence_id", "start", "end", "cue", "term", "category", "subcategory", "voice",
)
CUE_RATE_COLUMNS = ("outlet", "category", "voice", "n_cues", "n_tokens", "rate_per_1k")

#: ``sentiment.csv``: one row per sentence.
SENTIMENT_COLUMNS = ["article_id", "outlet", "sentence_id", "voice", "compound", "pos", "neu", "neg", "label",
                     "drivers"]
ACTOR_COLUMNS = ["outlet", "actor", "n_sentences", "mean_compound", "n_positive", "n_neutral", "n_negative"]

#: What identifies a row of ``summary.csv`` besides the outlet: ``category`` and ``voice`` are "" where
#: the measure has none.
MEASURE_KEY = ["measure", "category", "voice"]
UNIT_COLUMNS = ["outlet", *MEASURE_KEY, "unit_id", "numerator", "denominator"]
SUMMARY_COLUMNS = [
    "outlet", *MEASURE_KEY, "value", "numerator", "denominator", "ci_low", "ci_high", "p_value", "n_units", "verdict",
]

FINDING_COLUMNS = ["notebook", "outlet", "finding", "evidence"]
