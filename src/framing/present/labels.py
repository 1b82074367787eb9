"""Readable labels for the names of table columns and of measures, for pages read by students.

The tables of the suite name their columns as code does (``hedge_rate``, ``counted_as_scare_quote``); a page
for readers shows each of them under one readable label instead ("Hedges per 1,000 words").  This module is
the one place those labels are written: every table shown on a student page
(:func:`framing.present.report.student_notebook`) and any chart axis that names a column take their label
from :data:`COLUMN_LABELS` through :func:`column_label`.

Names not in the map still read as words: :func:`column_label` turns ``n_tokens`` into "Number of tokens" and
``some_new_column`` into "Some new column", so no page shows an underscore.
"""

from __future__ import annotations

import re

#: Column name (or measure, category or setting name as it appears in a table) -> label for readers.
COLUMN_LABELS: dict[str, str] = {
    # articles and text
    "outlet": "Outlet",
    "article_id": "Article",
    "file": "File",
    "country": "Country",
    "owner": "Owner",
    "ownership": "Ownership",
    "published": "Published",
    "date": "Date",
    "headline": "Headline",
    "sentence": "Sentence",
    "sentence_id": "Sentence",
    "paragraph": "Paragraph",
    "first_paragraph": "First paragraph",
    "last_paragraph": "Last paragraph",
    "n_paragraphs": "Paragraphs in the article",
    "line_no": "Line",
    "role": "Part of the page",
    "reason": "Why",
    "fix": "How to fix it",
    "language": "Language",
    "text": "Text",
    "voice": "Whose words",
    "n_sentences": "Sentences",
    "n_tokens": "Words counted",
    "n_words": "Words",
    "words": "Words",
    "bigrams": "Two-word phrases",
    # term salience
    "term": "Word",
    "word": "Word",
    "ngram": "Words or phrases",
    "count": "Times used",
    "rank": "Rank",
    "rate_per_1k": "Per 1,000 words",
    "log_odds_z": "How typical (z)",
    "z": "How typical (z)",
    "z_attainable": "Highest z possible",
    "log_odds_method": "Comparison",
    "g2": "Log-likelihood",
    "g2_williams": "Log-likelihood (corrected)",
    "fisher_p": "Chance probability",
    "low_expected": "Few expected uses",
    "log_ratio": "How many times more often (log scale)",
    "n_terms": "Words compared",
    "n_tests": "Tests",
    "n_reachable": "Words that could stand out",
    "n_beyond_z": "Words past the z line",
    "n_beyond_g2": "Words past the log-likelihood line",
    "n_beyond_fisher": "Words past the chance test",
    "n_significant": "Words that stand out",
    "expected_by_chance": "Expected by chance alone",
    "setting": "Setting",
    "jaccard_top_k": "Top words in common (share)",
    "spearman": "Same order (rank correlation)",
    "n_shared": "Top words in common",
    "n_union": "Top words in either list",
    "stability": "Stability",
    # cues
    "category": "Kind of cue",
    "subcategory": "Kind of reporting verb",
    "condition": "Context rule",
    "source": "Source",
    "entries": "Entries",
    "left": "Words before",
    "match": "Found",
    "right": "Words after",
    "n_cues": "Cues",
    "cues": "Cues",
    "hedge_rate": "Hedges per 1,000 words",
    "booster_rate": "Boosters per 1,000 words",
    "quote": "Quoted words",
    "reporting_verbs": "Reporting verbs in the sentence",
    "counted_as_scare_quote": "Counted as a scare quote?",
    "scare_quote": "Scare quote",
    "hedge": "Hedge",
    "booster": "Booster",
    "distancing": "Distancing",
    "attribution": "Attribution",
    # uncertainty and tests
    "value": "Value",
    "ci_low": "Lowest likely value",
    "ci_high": "Highest likely value",
    "ci_method": "How the range was found",
    "unit": "What was compared",
    "n_units": "How many compared",
    "verdict": "Verdict",
    "measure": "Measure",
    "mean_compound": "Average tone",
    "share_negative": "Share of negative sentences",
    # sentiment
    "compound": "Tone score",
    "label": "Label",
    "drivers": "Words that set the tone",
    "which": "Which",
    "direction": "Direction",
    "n_occurrences": "Times it set the tone",
    "mean_valence": "Average word score",
    "total_valence": "Total push",
    "valence": "Word score",
    "actor": "Who it is about",
    # speakers and quotations
    "kind": "Kind",
    "speaker": "Speaker",
    "speaker_type": "Kind of speaker",
    "speaker_actor": "Speaker (as listed)",
    "verb": "Verb",
    "verb_group": "Kind of verb",
    "mention": "Words that name the speaker",
    "resolution": "How the speaker was found",
    "share_of_quoted_words": "Share of quoted words",
    "n_quotes": "Quotations",
    "position": "Position",
    # selection and headlines
    "unit_id": "Fact",
    "told_by_others": "Told by the others",
    "subject": "Who acts in the headline",
    "evaluative_words": "Judging words",
    "quote_marks": "Words in quotation marks",
    "statement": "What the article does",
    "evidence": "Sentences",
}

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")
"""A name as code writes it: words joined by underscores (``counted_as_scare_quote``)."""

_ABBREVIATIONS = {"n": "number of", "pct": "percent", "ci": "interval", "1k": "1,000"}


def is_identifier_like(text: str) -> bool:
    """True when ``text`` is one name written as code writes it: letters and digits joined by underscores."""
    return bool(_IDENTIFIER.fullmatch(text.strip()))


def column_label(name: object) -> str:
    """The label readers see for a column (or measure) name.

    ``name`` in :data:`COLUMN_LABELS` gives its label; any other name with underscores reads as words, its
    first letter capitalised and a leading ``n_`` read as "Number of" (``n_tokens`` -> "Number of tokens").
    A name that is already words (``"Outlet"``, ``"flat prior"``) comes back unchanged.
    """
    text = str(name)
    key = text.strip()
    if key in COLUMN_LABELS:
        return COLUMN_LABELS[key]
    if not is_identifier_like(key):
        return text
    words = [_ABBREVIATIONS.get(w.lower(), w) for w in key.split("_")]
    label = " ".join(words)
    return label[:1].upper() + label[1:]


def value_label(value: object) -> str:
    """The label readers see for a value of a table cell that is a name in code (``scare_quote``).

    Only values written as code names are changed (with :func:`column_label`, lower case kept after the
    first word unless the map says otherwise); words, numbers and sentences come back unchanged.
    """
    text = str(value)
    if not is_identifier_like(text):
        return text
    return column_label(text)
