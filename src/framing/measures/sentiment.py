"""Sentence sentiment with VADER, the words behind each score, and sentiment around named actors.

VADER (Hutto & Gilbert 2014) is a rule-based scorer built for short social
media posts.  Each sentence is scored on its own, and the lexicon words that
moved its score are kept with their positions in the article, so a reader can
check every number.

The scorer is ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer``,
the authors' reference implementation (version 3.3.2, MIT licence, lexicon
shipped in the wheel; nothing is downloaded).  Scores are exactly its
``polarity_scores`` of the scored text (:func:`scored_text`), and the word
valences reported as drivers are the list that same call adds up.

nltk's ``nltk.sentiment.vader`` is an older port of VADER and gives different
scores: it does not treat "no" as a negator of the next lexicon word ("no
hostility" is negative there, positive here), and it strips punctuation from
words differently, so a word in quotation marks ("killer") can be found by
one and missed by the other.
"""

from __future__ import annotations

import functools
import math
import re
import string
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from framing.core.vocabulary import (
    ACTOR_COLUMNS,
    ACTOR_SENTENCE_COLUMNS,
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    SENTIMENT_DRIVER_COLUMNS,
)
from framing.core.vocabulary import SENTIMENT_COLUMNS as SENTENCE_COLUMNS
from framing.load.text import normalise, visible
from framing.measures.actors import alias_pattern

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


#: The word that stands in for an actor's name when the sentence is scored for that actor
#: (:func:`mask_aliases`): not in VADER's lexicon, not a booster, dampener or negator.
MASK_WORD = "someone"


class WordValence(NamedTuple):
    """One lexicon word that moved a score: the word VADER looked up, where it stands, its valence.

    ``start`` and ``end`` are offsets into the text given to :func:`score_text`
    (``text[start:end]`` is the word as written, without surrounding
    punctuation); ``valence`` is the word's term in VADER's sum (see
    :func:`score_text`).
    """

    word: str
    start: int
    end: int
    valence: float


class TextScores(NamedTuple):
    """VADER's scores of one text and the word valences they were computed from (see :func:`score_text`)."""

    compound: float
    pos: float
    neu: float
    neg: float
    drivers: list[WordValence]


class SentimentTables(NamedTuple):
    """The two tables of one scoring pass (see :func:`score_sentences`)."""

    sentiment: pd.DataFrame
    drivers: pd.DataFrame


@functools.lru_cache(maxsize=1)
def load_analyzer() -> SentimentIntensityAnalyzer:
    """Return vaderSentiment's ``SentimentIntensityAnalyzer``, built once per process on first use.

    The analyzer is the reference implementation unchanged, with one method
    added, ``polarity_scores_and_valences(text)``: it calls
    ``polarity_scores(text)`` and returns ``(scores, valences, text_scored)``,
    where ``valences`` is the list ``polarity_scores`` passed on to
    ``score_valence`` (one number per item of ``SentiText(text_scored).
    words_and_emoticons``) and ``text_scored`` is the text it split into
    words (emoji replaced by their descriptions, outer white space removed).
    ``lexicon`` maps each lexicon word to its mean human rating (-4 .. +4).
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class ValenceRecordingAnalyzer(SentimentIntensityAnalyzer):
        """vaderSentiment's analyzer that also hands back the word valences behind each score."""

        def __init__(self) -> None:
            super().__init__()
            self._calls = threading.local()

        def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
            self._calls.last = (list(sentiments), text)
            return super().score_valence(sentiments, text)

        def polarity_scores_and_valences(self, text: str) -> tuple[dict[str, float], list[float], str]:
            self._calls.last = None
            scores = self.polarity_scores(text)
            valences, text_scored = self._calls.last
            return scores, valences, text_scored

    return ValenceRecordingAnalyzer()


def label_of(compound: float) -> str:
    """Return ``"positive"`` (compound >= 0.05), ``"negative"`` (<= -0.05) or ``"neutral"``."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def scored_text(text: str) -> str:
    """Return the text VADER scores for a sentence: as written, with typographic quotes made straight.

    :func:`framing.load.text.normalise` turns curly quotes, guillemets and
    primes into ``"`` and ``'`` and odd spaces into spaces, one character for
    one, and invisible format characters (soft hyphen, zero-width space ...)
    are removed (:func:`framing.load.text.visible`), as everywhere else in the
    suite.  Nothing else changes: no quotation mark or other punctuation is
    removed.  Typography then does not change a score: VADER strips ASCII
    punctuation from the ends of a word, so ``"killer"`` in straight quotes is
    the lexicon word "killer", while in curly quotes it would be an unknown
    token, and ``don’t`` with a curly apostrophe would not be a negator.
    """
    return visible(normalise(text)).text


_WORD_RUN_RE = re.compile(r"\S+")  # what str.split() returns, with positions (\s is str.isspace)


def _vader_word_spans(text: str, emojis: Mapping[str, str]) -> tuple[str, list[tuple[str, int, int]]]:
    """Repeat the word split of ``polarity_scores(text)``, keeping each word's span in ``text``.

    ``polarity_scores`` replaces each emoji character by its description
    (preceded by a space unless a space precedes it), strips white space from
    both ends, and ``SentiText`` splits the result on white space and strips
    ASCII punctuation from both ends of each token unless fewer than three
    characters would be left.  Returns the text so produced and, per word,
    ``(word, start, end)`` in ``text``; a word from an emoji description
    spans that emoji.
    """
    starts: list[int] | None = None  # position in ``text`` of each character of the expanded text
    ends: list[int] | None = None
    expanded = text
    if not emojis.keys().isdisjoint(text):  # rare: emoji descriptions change the positions
        pieces: list[str] = []
        starts, ends = [], []
        prev_space = True
        for pos, ch in enumerate(text):
            if ch in emojis:
                piece = ("" if prev_space else " ") + emojis[ch]
                prev_space = False
            else:
                piece = ch
                prev_space = ch == " "
            pieces.append(piece)
            starts.extend([pos] * len(piece))
            ends.extend([pos + 1] * len(piece))
        expanded = "".join(pieces)
    lead = len(expanded) - len(expanded.lstrip())
    stripped = expanded.strip()
    spans = []
    for m in _WORD_RUN_RE.finditer(stripped):
        token = m.group()
        word = token.strip(string.punctuation)
        if len(word) <= 2:
            word, offset = token, 0
        else:
            offset = len(token) - len(token.lstrip(string.punctuation))
        first = lead + m.start() + offset
        last = first + len(word) - 1
        spans.append((word, starts[first] if starts is not None else first,
                      ends[last] if ends is not None else last + 1))
    return stripped, spans


def score_text(text: str) -> TextScores:
    """Score ``text`` exactly as given with VADER, and list the words that moved the score.

    Parameters
    ----------
    text : str
        The text to score, unchanged (a sentence is scored through
        :func:`scored_text`).

    Returns
    -------
    TextScores
        ``compound, pos, neu, neg``: ``SentimentIntensityAnalyzer().polarity_scores(text)``
        of vaderSentiment, and ``drivers``: one :class:`WordValence` per item of
        VADER's word list with a nonzero valence, in text order.

    Notes
    -----
    A driver's valence is the word's term in VADER's sum ``s``, taken from the
    list ``polarity_scores`` itself adds up: the word's lexicon rating (-4 ..
    +4) after VADER's rules, that is boosters and dampeners in the three
    preceding words ("very", "kind of"), negation ("not", "never", "no", ...
    up to three words before; the rating times -0.74), ALL CAPS emphasis
    (+-0.733 when other words are not in capitals), and the "but" rule
    (valences before "but" halved, after it times 1.5).  "no" directly before
    a lexicon word has valence 0 (it negates that word instead).  The
    valence is before the compound normalisation: with ``s`` the sum of all
    drivers' valences, ``compound = round(x / sqrt(x**2 + 15), 4)`` where
    ``x = s + sign(s) * e`` and ``e`` is VADER's punctuation emphasis (0.292
    per "!", at most four; 0.18 per "?" when there are two or three, 0.96 for
    four or more), which belongs to the sentence, not to a word.  VADER's "but"
    rule finds words by their value rather than by their position, so when two
    words have the same valence the scaling can land on the other one; the
    drivers show the valences as VADER added them, so they always sum to ``s``.

    ``start`` and ``end`` are the offsets in ``text`` of that word: the
    occurrence VADER scored, not the first occurrence of the same word.
    """
    scores, valences, text_scored = load_analyzer().polarity_scores_and_valences(text)
    split, spans = _vader_word_spans(text, load_analyzer().emojis)
    if split != text_scored or len(spans) != len(valences):
        raise RuntimeError("vaderSentiment split the text into words differently than expected")
    drivers = [WordValence(word.lower(), start, end, float(value))
               for (word, start, end), value in zip(spans, valences) if value != 0]
    return TextScores(float(scores["compound"]), float(scores["pos"]), float(scores["neu"]),
                      float(scores["neg"]), drivers)


def format_drivers(drivers: list[tuple[str, float]]) -> str:
    """Join ``(word, valence)`` pairs for display: ``"wrong:-2.1; important:+1.093"`` (valence to 3 decimals)."""
    return "; ".join(f"{word}:{round(value, 3):+g}" for word, value in drivers)


def join_drivers(drivers: pd.DataFrame) -> pd.Series:
    """The drivers of each sentence joined for display, from the long table of :func:`sentiment_drivers`.

    Returns
    -------
    Series
        Indexed by ``sentence_id`` (sentences with at least one driver), values
        as :func:`format_drivers`: the words in text order, e.g.
        ``"wrong:-2.1; important:+1.093"``.  A display string only: for
        counting, filtering or joining use the long table.
    """
    import pandas as pd

    ordered = drivers.sort_values(["sentence_id", "start"], kind="stable")
    joined = {
        sid: format_drivers(list(zip(group["word"], group["valence"])))
        for sid, group in ordered.groupby("sentence_id", sort=False)
    }
    return pd.Series(joined, dtype=object, name="drivers")


def score_sentences(sentences: pd.DataFrame) -> SentimentTables:
    """Score every sentence with VADER, keeping the words behind each score: both tables of one pass.

    Parameters
    ----------
    sentences : DataFrame
        One row per sentence with columns ``article_id, outlet, sentence_id,
        voice, text`` and, optionally, ``start`` (the sentence's offset in the
        article text, as in ``Corpus.sentences``).  ``sentence_id`` must be
        unique.

    Returns
    -------
    SentimentTables
        ``sentiment``: one row per sentence, in the input order, with columns

        - ``article_id, outlet, sentence_id, voice``: copied from the input.
        - ``compound``: VADER's compound score of the sentence,
          ``x / sqrt(x**2 + 15)`` rounded to 4 decimals, where ``x`` is the sum
          of the word valences plus punctuation emphasis (:func:`score_text`);
          range -1 .. 1, higher = more positive wording (Hutto & Gilbert 2014).
        - ``pos, neu, neg``: shares of the sentence's sentiment mass that are
          positive, neutral, negative (each 0 .. 1, rounded to 3 decimals,
          summing to about 1; the denominator is the summed absolute valences
          plus one per word without valence).
        - ``label``: ``"positive"`` if compound >= 0.05, ``"negative"`` if
          compound <= -0.05, else ``"neutral"`` (the thresholds of the VADER
          authors).
        - ``drivers``: for display, the sentence's rows of ``drivers`` joined by
          :func:`join_drivers` (``"wrong:-2.1; important:+1.093"``; ``""`` when
          no lexicon word moved the score).

        ``drivers``: one row per lexicon word that contributed a nonzero valence
        to its sentence's score, in sentence order and then text order, with
        columns ``article_id, sentence_id, word`` (lower case, as looked up in
        the lexicon; for an emoji, a word of its description), ``start, end``
        (offsets of that occurrence in the article text, ``start`` of the
        sentence plus the offset in the sentence text; offsets into the
        sentence text when the input has no ``start``), ``valence`` (the word's
        term in VADER's sum, after its rules and before the compound
        normalisation, on the lexicon's scale of about -4 .. +4; see
        :func:`score_text`).

    Notes
    -----
    Each sentence is scored as :func:`scored_text` makes it (typographic quotes
    made straight, invisible format characters removed): compound, pos, neu
    and neg equal vaderSentiment's ``polarity_scores(scored_text(text))``.

    VADER was built for social media: on news it misses loaded reporting verbs
    ("claimed", "alleged" are not in the lexicon while "admitted" scores
    positive, +0.4), and it reads names and fixed phrases word by word: "United
    States" adds +1.8 for "united".  Read the drivers, not only the score.
    """
    import pandas as pd

    if sentences["sentence_id"].duplicated().any():
        raise ValueError("sentence_id must be unique to score sentences")
    has_start = "start" in sentences.columns
    rows = []
    driver_rows = []
    for rec in sentences.to_dict("records"):
        raw = rec["text"] if isinstance(rec["text"], str) else ""
        seen = visible(normalise(raw))
        scores = score_text(seen.text)
        base = int(rec["start"]) if has_start else 0
        for word, start, end, valence in scores.drivers:
            s, e = seen.span(start, end)
            driver_rows.append((rec["article_id"], rec["sentence_id"], word, base + s, base + e, valence))
        # the drivers come in text order, so this is join_drivers' string for the sentence
        shown = format_drivers([(d.word, d.valence) for d in scores.drivers])
        rows.append((rec["article_id"], rec["outlet"], rec["sentence_id"], rec["voice"], scores.compound,
                     scores.pos, scores.neu, scores.neg, label_of(scores.compound), shown))
    drivers = pd.DataFrame(driver_rows, columns=SENTIMENT_DRIVER_COLUMNS)
    drivers = drivers.astype({"start": "int64", "end": "int64", "valence": "float64"})
    sentiment = pd.DataFrame(rows, columns=[*(c for c in SENTENCE_COLUMNS if c != "drivers"), "drivers"])
    sentiment = sentiment.astype({**{c: "float64" for c in ("compound", "pos", "neu", "neg")}, "drivers": "str"})
    return SentimentTables(sentiment[SENTENCE_COLUMNS], drivers)


def sentence_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """Score every sentence with VADER: the ``sentiment`` table of :func:`score_sentences`.

    One row per sentence, in the input order: ``article_id, outlet,
    sentence_id, voice, compound, pos, neu, neg, label, drivers``; see
    :func:`score_sentences` for every column.  compound = x / sqrt(x**2 + 15),
    higher = more positive wording, labels at +-0.05 (Hutto & Gilbert 2014).
    """
    return score_sentences(sentences).sentiment


def sentiment_drivers(sentences: pd.DataFrame) -> pd.DataFrame:
    """The words behind every sentence's VADER score: the ``drivers`` table of :func:`score_sentences`.

    One row per lexicon word that contributed a nonzero valence to its
    sentence's score: ``article_id, sentence_id, word, start, end, valence``
    (offsets of that occurrence in the article text; valence after VADER's
    rules, before the compound normalisation).  See :func:`score_sentences`.
    """
    return score_sentences(sentences).drivers


def _mask_word(piece: str) -> str:
    # Keep whether the word is in capitals: VADER's capitals emphasis depends on how many words are.
    return MASK_WORD.upper() if piece.isupper() else MASK_WORD


def mask_aliases(text: str, aliases: list[str]) -> str:
    """Return ``text`` with every occurrence of ``aliases`` replaced word by word by :data:`MASK_WORD`.

    Each word of an occurrence (found by :func:`alias_pattern`, longer aliases
    first) becomes ``"someone"``, or ``"SOMEONE"`` when the word is in
    capitals; white space and anything around the occurrence stay.  The word
    count and the count of words in capitals do not change, so VADER's
    negation and booster windows and its capitals rule see the same
    positions, and the name itself adds nothing: "United Nations" (where
    "united" is +1.8 in the lexicon) and a town called Hope (+1.9) become
    "someone someone" and "someone".  ``text`` should be as
    :func:`scored_text` makes it.
    """
    for alias in sorted(set(aliases), key=lambda a: (-len(a), a)):
        text = alias_pattern(alias).sub(lambda m: _WORD_RUN_RE.sub(lambda w: _mask_word(w.group()), m.group()), text)
    return text


def _spoken_words(quotes: pd.DataFrame, sentences: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """``(actor, sentence_id) -> spans``: the parts of each sentence that are the actor's quoted or reported words.

    Spans are offsets into the sentence text, from the ``reported_start`` .. ``reported_end`` of the
    rows of ``quotes`` (:func:`framing.measures.speakers.find_quotes`) whose ``speaker_actor`` is
    the actor (a joint speaker, "Russia; United States", counts for each).
    """
    out: dict[tuple[str, str], list[tuple[int, int]]] = {}
    if quotes is None or quotes.empty or "start" not in sentences.columns:
        return out
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for art, s, sid, text in zip(sentences["article_id"], sentences["start"], sentences["sentence_id"],
                                 sentences["text"]):
        by_article.setdefault(str(art), []).append((int(s), int(s) + len(str(text)), str(sid)))
    for art, actor, rs, re_ in zip(quotes["article_id"], quotes["speaker_actor"], quotes["reported_start"],
                                   quotes["reported_end"]):
        if not actor:
            continue
        for s, e, sid in by_article.get(str(art), []):
            lo, hi = max(int(rs), s), min(int(re_), e)
            if lo < hi:
                for name in str(actor).split("; "):
                    out.setdefault((name, sid), []).append((lo - s, hi - s))
    return out


def actor_sentence_sentiment(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame,
    actors: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Score each sentence about an actor, and each actor's own words, with the actor's name masked.

    Parameters
    ----------
    sentiment : DataFrame
        Output of :func:`sentence_sentiment` (needs ``outlet, sentence_id``):
        which sentences count, and their outlet.
    sentences : DataFrame
        Sentences with ``sentence_id`` and ``text`` (and ``article_id, start`` to use ``quotes``).
    actors : DataFrame
        ``actor, alias``: one alias per row (e.g. ``data/raw/<event>/actors.csv``).
        Matching rules are those of :func:`alias_pattern`.
    quotes : DataFrame, optional
        :func:`framing.measures.speakers.find_quotes` of the same articles: who speaks where.
        Without it every sentence that names an actor is ``about`` it, as if nobody spoke.

    Returns
    -------
    DataFrame
        One row per actor x sentence, sorted by actor, then in the order of ``sentiment``, with
        columns ``actor, outlet, sentence_id, role, via, compound, label, text``:

        - ``role = "by"``, ``via = "speaker"``: the sentence holds the actor's own words, quoted or
          reported (a row of ``quotes`` whose ``speaker_actor`` is the actor, found by name,
          description or pronoun); ``text`` is those words only (the parts of the sentence inside
          the row's ``reported_start`` .. ``reported_end``), so the outlet's framing around them is
          not scored as the actor's tone.
        - ``role = "about"``: the actor does not speak in the sentence and the sentence names it
          (``via = "alias"``), or its first *he* or *she* outside quotation marks stands for it
          (``via = "pronoun"``, resolved as speakers are: :func:`framing.measures.speakers.speaker_mentions`);
          ``text`` is the whole sentence.
        - ``compound, label``: VADER's compound (-1 .. 1, higher = more positive wording) and label
          of ``text`` after :func:`mask_aliases` with the actor's aliases, so that a name made of
          lexicon words ("United States", "Hope") does not colour its own sentences.  The names of
          other actors are left as they are.
    """
    import pandas as pd

    keep = ["sentence_id", "text"] + [c for c in ("article_id", "start") if c in sentences.columns]
    scored = sentiment[["outlet", "sentence_id"]].merge(
        sentences[keep], on="sentence_id", how="left", validate="one_to_one"
    )
    raws = [t if isinstance(t, str) else "" for t in scored["text"]]
    texts = [scored_text(t) for t in raws]
    spoken = _spoken_words(quotes, sentences) if quotes is not None else {}
    pronouns: dict[str, set[str]] = {}
    if quotes is not None and {"article_id", "start"} <= set(sentences.columns):
        from framing.measures.speakers import speaker_mentions

        pronouns = speaker_mentions(sentences, quotes, actors)
    analyzer = load_analyzer()
    aliases = actors.groupby("actor", sort=True)["alias"].apply(lambda s: sorted(set(map(str, s))))
    rows = []
    for actor, names in aliases.items():
        patterns = [alias_pattern(a) for a in names]
        for outlet, sid, raw, text in zip(scored["outlet"], scored["sentence_id"], raws, texts):
            parts = spoken.get((actor, sid))
            if parts:
                role, via = "by", "speaker"
                text = scored_text(" ".join(raw[a:b] for a, b in sorted(set(parts))))
            elif any(p.search(text) for p in patterns):
                role, via = "about", "alias"
            elif actor in pronouns.get(sid, ()):
                role, via = "about", "pronoun"
            else:
                continue
            masked = mask_aliases(text, names)
            compound = float(analyzer.polarity_scores(masked)["compound"])
            rows.append((actor, outlet, sid, role, via, compound, label_of(compound), masked))
    out = pd.DataFrame(rows, columns=ACTOR_SENTENCE_COLUMNS)
    out["compound"] = out["compound"].astype(float)
    return out


def actor_sentiment(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame,
    actors: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Summarise, per outlet, the tone of the sentences about each actor and of the actor's own words.

    Parameters
    ----------
    sentiment : DataFrame
        Output of :func:`sentence_sentiment` (needs ``outlet, sentence_id``).
    sentences : DataFrame
        Sentences with ``sentence_id`` and ``text`` (``article_id, start`` to use ``quotes``);
        only sentences present in ``sentiment`` are used.
    actors : DataFrame
        ``actor, alias``: one alias per row (e.g. ``data/raw/<event>/actors.csv``).
        Matching rules are those of :func:`alias_pattern`.
    quotes : DataFrame, optional
        :func:`framing.measures.speakers.find_quotes`: splits the sentences spoken ``by`` an actor
        from those ``about`` it (see :func:`actor_sentence_sentiment`).  Without it every sentence
        that names the actor is ``about`` it.

    Returns
    -------
    DataFrame
        One row per outlet x actor x role (every combination, sorted by outlet, actor, then
        ``about`` before ``by``), with columns :data:`framing.core.vocabulary.ACTOR_COLUMNS`:

        - ``role``: ``about`` (sentences that name the actor or stand for it with *he*/*she*, in
          which the actor does not speak) or ``by`` (the actor's own quoted or reported words).
        - ``n_sentences``: sentences of the outlet in that role (a sentence about two actors counts
          for both).
        - ``mean_compound``: mean VADER compound of those sentences (for ``by``: of the actor's
          words in them), each scored with the actor's own aliases masked
          (:func:`actor_sentence_sentiment`); higher = more positive wording; NaN when
          ``n_sentences`` is 0.  ``about`` is the tone of the writing around the actor, ``by`` the
          tone of what the outlet lets the actor say: neither is a stance towards the actor.
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
    Pronouns are resolved only with ``quotes`` (*he* and *she*, to the most
    recent person named, see :mod:`framing.measures.speakers`); other
    coreference ("the diplomat" when it is no alias) counts only where it
    speaks.
    """
    import pandas as pd

    from framing.core.vocabulary import ACTOR_ROLES

    per_sentence = actor_sentence_sentiment(sentiment, sentences, actors, quotes=quotes)
    grouped = {key: group for key, group in per_sentence.groupby(["outlet", "actor", "role"], sort=False)}
    rows = []
    for outlet in sorted(set(sentiment["outlet"])):
        for actor in sorted(set(actors["actor"])):
            for role in ACTOR_ROLES:
                group = grouped.get((outlet, actor, role))
                n = 0 if group is None else len(group)
                labels = [] if group is None else list(group["label"])
                rows.append({
                    "outlet": outlet,
                    "actor": actor,
                    "role": role,
                    "n_sentences": n,
                    "mean_compound": float(group["compound"].mean()) if n else math.nan,
                    "n_positive": labels.count("positive"),
                    "n_neutral": labels.count("neutral"),
                    "n_negative": labels.count("negative"),
                })
    out = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    out["mean_compound"] = out["mean_compound"].astype(float)
    return out.reset_index(drop=True)
