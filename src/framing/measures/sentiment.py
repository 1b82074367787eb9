"""Sentence sentiment with VADER, the words behind each score, and sentiment around named actors.

VADER (Hutto & Gilbert 2014) is a rule-based scorer built for short social
media posts.  Each sentence is scored on its own; the lexicon words that moved
the score are reported next to it, so a reader can check every number.

The scorer is nltk's ``SentimentIntensityAnalyzer`` reading the lexicon file
shipped in the ``vaderSentiment`` wheel (MIT licence, the same word list nltk
distributes).  Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import math
import re
import string
from importlib import resources
from typing import TYPE_CHECKING, Literal

from framing.core.vocabulary import ACTOR_COLUMNS, NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD
from framing.core.vocabulary import SENTIMENT_COLUMNS as SENTENCE_COLUMNS
from framing.load.text import drop_invisible, normalise

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from nltk.sentiment.vader import SentimentIntensityAnalyzer


# A quotation mark is a double quote anywhere, or a single quote that is not an
# apostrophe inside a word (Biden's, don't keep theirs).
_QUOTE_MARK_RE = re.compile(r"\"|(?<![^\W_])'|'(?![^\W_])")


@functools.lru_cache(maxsize=1)
def load_analyzer() -> SentimentIntensityAnalyzer:
    """Return nltk's VADER analyzer built on the lexicon of the ``vaderSentiment`` wheel.

    The folder holding ``vader_lexicon.txt`` is appended to ``nltk.data.path``
    (nltk only reads files under that path), and the analyzer is built once
    per process.
    """
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    lexicon = resources.files("vaderSentiment") / "vader_lexicon.txt"
    folder = str(lexicon.parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="file:" + str(lexicon))


def label_of(compound: float) -> str:
    """Return ``"positive"`` (compound >= 0.05), ``"negative"`` (<= -0.05) or ``"neutral"``."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def prepare_text(text: str, *, quote_marks: Literal["strip", "keep"] = "strip") -> str:
    """Return the text VADER scores: normalised, and by default without quotation marks.

    Parameters
    ----------
    text : str
        Raw sentence text.
    quote_marks : {"strip", "keep"}
        ``"strip"`` (default) replaces every quotation mark by a space.  VADER
        removes only one punctuation character from each side of a word, so a
        word in quotation marks (``"killer"``) is otherwise not found in the
        lexicon; scare-quoted words are exactly the loaded words news
        framing turns on.  Apostrophes inside words are kept.  ``"keep"``
        scores the normalised text unchanged, as plain VADER would.

    Notes
    -----
    :func:`framing.load.text.normalise` turns curly quotes into straight ones and
    no-break spaces into spaces, one character for one, so the prepared text
    has the same length as the raw text, unless the raw text holds invisible
    format characters (soft hyphen, zero-width space ...): they are removed,
    so that VADER finds the words as a reader sees them.
    """
    plain = drop_invisible(normalise(text))
    if quote_marks == "strip":
        plain = _QUOTE_MARK_RE.sub(" ", plain)
    elif quote_marks != "keep":
        raise ValueError(f"quote_marks must be 'strip' or 'keep', not {quote_marks!r}")
    return plain


def word_valences(text: str) -> list[tuple[str, float]]:
    """Return the lexicon words of ``text`` that carry valence, with their valence after VADER's rules.

    The valence of each word is the one VADER adds up for the compound score:
    the lexicon value adjusted by VADER's own modifiers (boosters and dampeners
    such as "very" or "kind of", negation in the three preceding words, ALL
    CAPS emphasis, and the "but" rule that halves what comes before "but" and
    multiplies what follows by 1.5).  Words whose valence ends at 0 are left
    out.  Punctuation emphasis (``!``, ``??``) applies to the whole sentence,
    not to a word, so it is not included here.

    Parameters
    ----------
    text : str
        Text exactly as it is scored (see :func:`prepare_text`).

    Returns
    -------
    list of (str, float)
        Lower-case word and valence, in sentence order.

    Notes
    -----
    The word positions follow nltk's scorer, which looks up each word's
    neighbours at the word's first occurrence in the sentence; a word repeated
    in one sentence therefore gets the modifiers of its first occurrence, as in
    nltk's own compound score.
    """
    words, valences = _valences(text)
    return _nonzero(words, valences)


def _nonzero(words: list[str], valences: list[float]) -> list[tuple[str, float]]:
    return [(w.lower(), float(v)) for w, v in zip(words, valences) if v != 0]


# nltk's VADER strips punctuation with the character class of string.punctuation
# (``constants.REGEX_REMOVE_PUNCTUATION``); deleting the same characters with
# str.translate gives the same text, faster.  tests/test_sentiment.py checks that
# the two agree.
_DELETE_PUNCTUATION = str.maketrans("", "", string.punctuation)


@functools.lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """VADER's punctuation affixes and their first and last characters."""
    punc = tuple(load_analyzer().constants.PUNC_LIST)
    return punc, frozenset(p[0] for p in punc), frozenset(p[-1] for p in punc)


def _vader_words(text: str) -> list[str]:
    """The words VADER scores in ``text``, the same list as nltk's ``SentiText.words_and_emoticons``.

    nltk splits on white space, drops one-character tokens and replaces a
    token that is a word with one punctuation affix from its ``PUNC_LIST``
    (``"cat,"``, ``"!!cat"``) by the bare word, provided the word (more than
    one character) occurs in the text with all punctuation removed; a
    trailing affix wins over a leading one.  nltk builds a table of every
    word x affix pair for this; here each token is checked against the
    affixes directly, which gives the same words.
    """
    punc, firsts, lasts = _affixes()
    bare: set[str] | None = None
    out = []
    for tok in text.split():
        if len(tok) <= 1:
            continue
        if tok[0] in firsts or tok[-1] in lasts:
            if bare is None:
                bare = {w for w in text.translate(_DELETE_PUNCTUATION).split() if len(w) > 1}
            after = next((tok[: -len(p)] for p in punc if tok.endswith(p) and tok[: -len(p)] in bare), None)
            if after is not None:
                tok = after
            else:
                tok = next((tok[len(p) :] for p in punc if tok.startswith(p) and tok[len(p) :] in bare), tok)
        out.append(tok)
    return out


def _valences(text: str) -> tuple[list[str], list[float]]:
    """VADER's words of ``text`` and the valence of each, exactly as nltk's ``polarity_scores`` sums them."""
    from nltk.sentiment.vader import SentiText

    analyzer = load_analyzer()
    consts = analyzer.constants
    words = _vader_words(text)
    n_caps = sum(1 for w in words if w.isupper())
    # The scorer reads only these attributes of its SentiText argument.
    senti = SentiText.__new__(SentiText)
    senti.text = text
    senti.PUNC_LIST = consts.PUNC_LIST
    senti.REGEX_REMOVE_PUNCTUATION = consts.REGEX_REMOVE_PUNCTUATION
    senti.words_and_emoticons = words
    senti.is_cap_diff = 0 < len(words) - n_caps < len(words)
    first: dict[str, int] = {}
    for idx, word in enumerate(words):
        first.setdefault(word, idx)
    boosters = consts.BOOSTER_DICT
    lexicon = analyzer.lexicon
    valences: list[float] = []
    for word in words:
        i = first[word]
        low = word.lower()
        is_kind_of = low == "kind" and i + 1 < len(words) and words[i + 1].lower() == "of"
        if is_kind_of or low in boosters:
            valences.append(0.0)
        elif low not in lexicon:
            valences.append(0.0)  # what sentiment_valence adds for a word outside the lexicon
        else:
            valences = analyzer.sentiment_valence(0, senti, word, i, valences)
    return words, analyzer._but_check(words, valences)


def format_drivers(pairs: list[tuple[str, float]]) -> str:
    """Format word valences as ``"wrong:-2.1; important:+1.093"`` (valence rounded to 3 decimals)."""
    return "; ".join(f"{word}:{round(value, 3):+g}" for word, value in pairs)


def sentence_sentiment(sentences: pd.DataFrame, *, quote_marks: Literal["strip", "keep"] = "strip") -> pd.DataFrame:
    """Score every sentence with VADER and list the words that moved each score.

    Parameters
    ----------
    sentences : DataFrame
        One row per sentence with columns ``article_id, outlet, sentence_id,
        voice, text`` (as in ``Corpus.sentences``).
    quote_marks : {"strip", "keep"}
        How quotation marks are treated before scoring; see :func:`prepare_text`.
        The text is always normalised with :func:`framing.load.text.normalise` first.

    Returns
    -------
    DataFrame
        One row per sentence, in the input order, with columns

        - ``article_id, outlet, sentence_id, voice``: copied from the input.
        - ``compound``: VADER compound score, ``s / sqrt(s**2 + 15)`` where ``s``
          is the sum of word valences (plus punctuation emphasis), rounded to 4
          decimals; range -1 .. 1, higher = more positive wording (Hutto &
          Gilbert 2014).
        - ``pos, neu, neg``: share of the sentence's sentiment mass that is
          positive, neutral, negative (each 0 .. 1, summing to about 1; the
          denominator is the summed absolute valences plus one per neutral word).
        - ``label``: ``"positive"`` if compound >= 0.05, ``"negative"`` if
          compound <= -0.05, else ``"neutral"`` (the thresholds of the VADER
          authors).
        - ``drivers``: the lexicon words that moved the score, in sentence
          order, with their valence after VADER's modifiers (negation,
          boosters, capitals, "but"), e.g. ``"wrong:-2.1; important:+1.093"``;
          ``""`` when no lexicon word occurs.  See :func:`word_valences`.

    Notes
    -----
    VADER was built for social media: on news it misses loaded reporting verbs
    ("claimed", "alleged" are not in the lexicon while "admitted" scores
    positive), and it reads names and fixed phrases word by word: "United
    States" adds +1.8 for "united", and "no interest in fixing ties" comes out
    positive because "no" is a negative lexicon word (-1.2) rather than a
    negator while "interest" is +2.0.  Read the drivers, not only the score.
    """
    import pandas as pd

    analyzer = load_analyzer()
    rows = []
    for rec in sentences[["article_id", "outlet", "sentence_id", "voice", "text"]].itertuples(index=False):
        text = prepare_text(str(rec.text), quote_marks=quote_marks)
        # One pass gives both the word valences and the scores: polarity_scores(text)
        # is score_valence() of exactly these valences.
        words, valences = _valences(text)
        scores = analyzer.score_valence(list(valences), text)
        rows.append(
            {
                "article_id": rec.article_id,
                "outlet": rec.outlet,
                "sentence_id": rec.sentence_id,
                "voice": rec.voice,
                "compound": float(scores["compound"]),
                "pos": float(scores["pos"]),
                "neu": float(scores["neu"]),
                "neg": float(scores["neg"]),
                "label": label_of(scores["compound"]),
                "drivers": format_drivers(_nonzero(words, valences)),
            }
        )
    out = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    for col in ("compound", "pos", "neu", "neg"):
        out[col] = out[col].astype(float)
    return out


def alias_pattern(alias: str) -> re.Pattern[str]:
    """Return the regular expression that finds ``alias`` as a whole word or phrase.

    An alias written entirely in capitals (``US``, ``U.S.``, ``NATO``) is
    matched case-sensitively, so that the pronoun "us" is not the United
    States; every other alias is matched regardless of case.  The alias must
    not touch a letter or digit on either side: ``Putin's``, ``Biden's``
    (curly or straight apostrophe) and ``US-Russia`` count, ``Russian`` does not
    count as ``Russia``.  Spaces in the alias match any run of white space.
    The text searched must be without invisible format characters
    (:func:`framing.load.text.drop_invisible`), as :func:`mentions` and
    :func:`actor_sentiment` make it; they are dropped from ``alias`` too.
    """
    plain = drop_invisible(normalise(alias)).strip()
    body = r"\s+".join(re.escape(part) for part in plain.split())
    flags = 0 if (plain.isupper() and any(c.isalpha() for c in plain)) else re.IGNORECASE
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", flags)


def mentions(text: str, aliases: list[str]) -> bool:
    """True when ``text`` mentions any of ``aliases`` (see :func:`alias_pattern`)."""
    plain = drop_invisible(normalise(text))
    return any(alias_pattern(a).search(plain) for a in aliases)


def actor_sentiment(sentiment: pd.DataFrame, sentences: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Summarise the sentiment of the sentences that mention each actor, per outlet.

    Parameters
    ----------
    sentiment : DataFrame
        Output of :func:`sentence_sentiment` (needs ``outlet, sentence_id,
        compound, label``).
    sentences : DataFrame
        Sentences with ``sentence_id`` and ``text``; only sentences present in
        ``sentiment`` are used.
    actors : DataFrame
        ``actor, alias``: one alias per row (e.g. ``data/raw/<event>/actors.csv``).
        Matching rules are those of :func:`alias_pattern`.

    Returns
    -------
    DataFrame
        One row per outlet x actor (every combination, sorted by outlet then
        actor), with columns

        - ``n_sentences``: sentences of the outlet that mention the actor
          (a sentence naming two actors counts for both).
        - ``mean_compound``: mean VADER compound of those sentences, higher =
          more positive wording near the actor; NaN when ``n_sentences`` is 0.
          This is the tone of the sentence, not a stance towards the actor.
        - ``n_positive, n_neutral, n_negative``: those sentences by label.

    Notes
    -----
    Choices made in the seed event's ``actors.csv``: a capital or seat of
    government stands for its state (Moscow and Kremlin for Russia; Washington
    and White House for the United States), while adjectives of nationality
    ("Russian", "American", "Ukrainian") are not aliases of the state, since
    "Russian President Vladimir Putin" or "Russian opposition figure" name a
    person, not Russia.  Descriptions that stand for one person in the text
    ("Russian president", "American counterpart") are aliases of that person.
    Pronouns and other coreference ("he", "the diplomat") are not resolved.
    """
    import numpy as np
    import pandas as pd

    scored = sentiment[["outlet", "sentence_id", "compound", "label"]].merge(
        sentences[["sentence_id", "text"]], on="sentence_id", how="left", validate="one_to_one"
    )
    texts = [drop_invisible(normalise(str(t))) if isinstance(t, str) else "" for t in scored["text"]]
    compound = scored["compound"].to_numpy(dtype=float)
    labels = scored["label"].to_numpy()
    outlets = scored["outlet"].to_numpy()
    aliases = actors.groupby("actor", sort=True)["alias"].apply(lambda s: sorted(set(map(str, s))))
    # The rows of each outlet, found in one pass: comparing every row with each outlet in turn
    # costs outlets x sentences.
    rows_of: dict[object, list[int]] = {}
    for i, outlet in enumerate(outlets):
        rows_of.setdefault(outlet, []).append(i)
    groups = [(outlet, np.array(rows_of[outlet], dtype=np.intp)) for outlet in sorted(set(sentiment["outlet"]))]
    rows = []
    for actor, names in aliases.items():
        patterns = [alias_pattern(a) for a in names]
        hit = np.array([any(p.search(t) for p in patterns) for t in texts], dtype=bool)
        for outlet, members in groups:
            sel = members[hit[members]]  # the outlet's rows that mention the actor, in order
            n = int(sel.size)
            rows.append(
                {
                    "outlet": outlet,
                    "actor": actor,
                    "n_sentences": n,
                    "mean_compound": float(compound[sel].mean()) if n else math.nan,
                    "n_positive": int((labels[sel] == "positive").sum()),
                    "n_neutral": int((labels[sel] == "neutral").sum()),
                    "n_negative": int((labels[sel] == "negative").sum()),
                }
            )
    out = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    out["mean_compound"] = out["mean_compound"].astype(float)
    return out.sort_values(["outlet", "actor"], kind="stable").reset_index(drop=True)
