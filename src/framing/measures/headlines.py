"""How each headline frames the event: who it makes act, whom it names, its evaluative words, its
quotation marks, and which content units it and the lede carry.

Rules only (no tagger: nothing is downloaded).  What the rules catch and miss:

- **Subject** ("who the headline makes act"): the words before the first verb of the headline's main
  clause.  The main clause is what follows a colon ("Putin on the summit: Russia, US need to ..." ->
  "Russia, US") and leaves out a trailing attribution (", Lavrov says").  A verb is a word of the
  documented headline-verb list (:data:`HEADLINE_VERBS`, which includes "to" of the headline future,
  "Biden to meet Putin"); when none is listed, the first lower-case word after the first word that
  ends in "s" or "ed" (in sentence-case headlines: "Putin eyes talks" -> "Putin").  Missed:
  title-case headlines whose verb is not in the list ("Putin Eyes Talks" gives "Putin Eyes Talks"),
  passive headlines ("Sanctions imposed on ...": the grammatical subject is returned, not the
  agent), and headlines without a verb.
- **Actors**: the canonical names of ``actors.csv`` aliases found in the headline, in order.
- **Evaluative words**: words with a non-zero valence in VADER's lexicon, plus the documented list
  ``data/lexicons/evaluative_en.csv`` (attack verbs such as "slams", conflict nouns such as "row",
  words that evaluate ties such as "mend" or "regularize").
- **Quotation marks**: every quoted span of the headline, marked ``partial`` when one of its content
  words is also quoted in the article's body (the headline repeats a speaker's word) and ``scare``
  otherwise.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from framing.core.paths import LEXICON_DIR
from framing.core.vocabulary import HEADLINE_COLUMNS

EVALUATIVE_FILE = LEXICON_DIR / "evaluative_en.csv"

#: Verbs that end a headline's subject: auxiliaries, modals, "to" of the headline future, and the
#: verbs headlines use most (said-verbs, attack verbs, verbs of meeting and deciding).
HEADLINE_VERBS = frozenset(
    """is are was were be been has have had will would can could must may might shall should need needs
    to says say said tells told warns warned urges urged vows vowed calls called slams slammed blasts
    lashes hits hit rejects rejected denies denied accuses accused claims claimed hopes hoped wants
    wanted seeks sought plans planned agrees agreed signs signed meets met faces faced sees saw expects
    expected insists insisted confirms confirmed announces announced pledges pledged threatens
    threatened demands demanded condemns condemned praises praised hails hailed backs backed opposes
    opposed eyes mulls weighs rules ruled orders ordered bans banned launches launched unveils unveiled
    approves approved blocks blocked imposes imposed lifts lifted extends extended cuts raises raised
    kills killed arrests arrested wins won loses lost does did doesn't don't won't can't isn't
    agree warn urge vow call slam blast reject deny accuse claim hope want seek plan sign meet face see
    expect insist confirm announce pledge threaten demand condemn praise hail back oppose eye mull weigh
    rule order ban launch unveil approve block impose lift extend raise kill arrest win lose""".split()
)

_QUOTE_RE = re.compile(
    r"[\"\u201c\u201e]([^\"\u201c\u201d\u201e]{1,80})[\"\u201d]"
    r"|(?<![^\W_])['\u2018]([^'\u2018\u2019]{1,60})['\u2019](?![^\W_])"
)
_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_TRAILING_ATTRIBUTION = re.compile(r",\s*[^,]{1,60}?\s(?:says|said|warns|claims|insists|tells|reports)\s*\W*$",
                                   re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _evaluative_list() -> frozenset[str]:
    table = pd.read_csv(EVALUATIVE_FILE, comment="#", dtype=str)
    return frozenset(table["term"].str.lower())


@functools.lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().lexicon


def main_clause(headline: str) -> str:
    """The part of a headline that carries its claim: after a colon, without a trailing attribution."""
    text = " ".join(headline.split())
    if ": " in text:
        text = text.split(": ", 1)[1]
    return _TRAILING_ATTRIBUTION.sub("", text).strip()


def subject(headline: str) -> str:
    """Who the headline makes act: the words of its main clause before the first verb (see the module
    docstring for the rule and what it misses)."""
    clause = main_clause(headline)
    words = list(_WORD_RE.finditer(clause))
    end = len(clause)
    verbs = [m for k, m in enumerate(words) if k > 0 and m.group().replace("\u2019", "'").lower() in HEADLINE_VERBS]
    guesses = [m for k, m in enumerate(words) if k > 0 and m.group()[0].islower() and m.group().endswith(("s", "ed"))]
    if verbs or guesses:
        end = (verbs or guesses)[0].start()
    return clause[:end].strip(" ,;:-\u2013\u2014")


def evaluative_words(headline: str) -> list[str]:
    """The headline's evaluative words, lower case, in order (VADER lexicon or the documented list)."""
    lexicon, extra = _vader_lexicon(), _evaluative_list()
    out = []
    for m in _WORD_RE.finditer(headline):
        low = m.group().lower().replace("\u2019", "'")
        if (lexicon.get(low, 0.0) != 0.0 or low in extra) and low not in out:
            out.append(low)
    return out


def quoted_spans(text: str) -> list[str]:
    """The quoted spans of a headline or sentence: double quotes of any style, and single quotes that
    open after a space and close before one (not apostrophes)."""
    return [(m.group(1) or m.group(2)).strip() for m in _QUOTE_RE.finditer(text)]


def _actors_in(text: str, actors: pd.DataFrame | None) -> list[str]:
    if actors is None or actors.empty:
        return []
    from framing.measures.actors import alias_pattern

    found: list[tuple[int, str]] = []
    for actor, alias in zip(actors["actor"], actors["alias"]):
        m = alias_pattern(str(alias)).search(text)
        if m:
            found.append((m.start(), str(actor)))
    seen: list[str] = []
    for _, actor in sorted(found):
        if actor not in seen:
            seen.append(actor)
    return seen


def headline_table(
    sentences: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    unit_sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per article with a headline: ``headlines.csv``.

    Parameters
    ----------
    sentences : DataFrame
        The corpus's sentences; the headline is the sentence with role ``headline``.
    quotes : DataFrame, optional
        The corpus's quotation spans (``article_id, start, end, text``): a headline quote whose content
        word is quoted in the body is ``partial``.
    actors : DataFrame, optional
        ``actors.csv`` (``actor, alias``).
    unit_sentences : DataFrame, optional
        From :func:`framing.measures.alignment.align`: which content units the headline and the lede
        tell.

    Returns
    -------
    DataFrame
        Columns ``article_id, outlet, headline, subject, subject_actors, actors, evaluative_words,
        quote_marks, units, lede_units``; lists are joined by "; ".  ``quote_marks`` reads like
        ``'regularize' (partial)``; ``units`` are the units the headline tells, ``lede_units`` those of
        the lede (headline, standfirst, first body paragraph).
    """
    from framing.measures.alignment import content_words

    heads = sentences[sentences["role"] == "headline"].drop_duplicates("article_id")
    body_quotes: dict[str, set[str]] = {}
    if quotes is not None and len(quotes):
        head_ids = dict(zip(heads["article_id"].astype(str), zip(heads["start"], heads["end"])))
        for a, s, text in zip(quotes["article_id"].astype(str), quotes["start"], quotes["text"].astype(str)):
            span = head_ids.get(a)
            if span is not None and span[0] <= int(s) < span[1]:
                continue
            body_quotes.setdefault(a, set()).update(content_words(text))
    units: dict[str, list[str]] = {}
    lede: dict[str, list[str]] = {}
    if unit_sentences is not None and len(unit_sentences):
        for r in unit_sentences.itertuples(index=False):
            if r.in_headline and r.unit_id not in units.setdefault(str(r.article_id), []):
                units[str(r.article_id)].append(r.unit_id)
            if r.in_lede and r.unit_id not in lede.setdefault(str(r.article_id), []):
                lede[str(r.article_id)].append(r.unit_id)
    rows = []
    for r in heads.itertuples(index=False):
        article = str(r.article_id)
        text = " ".join(str(r.text).split())
        subj = subject(text)
        marks = []
        for q in quoted_spans(text):
            kind = "partial" if set(content_words(q)) & body_quotes.get(article, set()) else "scare"
            marks.append(f"'{q}' ({kind})")
        rows.append((
            article, r.outlet, text, subj, "; ".join(_actors_in(subj, actors)), "; ".join(_actors_in(text, actors)),
            "; ".join(evaluative_words(text)), "; ".join(marks), "; ".join(sorted(units.get(article, []))),
            "; ".join(sorted(lede.get(article, []))),
        ))
    return pd.DataFrame(rows, columns=list(HEADLINE_COLUMNS))
