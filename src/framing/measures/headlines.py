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
  words that evaluate ties such as "mend" or "regularize"); not a word inside a name
  (:func:`name_spans`: "energy" in "Energy Board sets tariffs", "justice" in "Ministry of Justice").
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


#: Head nouns of the names of bodies: "Energy Board", "Justice Ministry", "Ministry of Energy".
INSTITUTION_HEADS = frozenset(
    """board commission agency authority ministry council party bank court committee office department
    union association corporation company group institute fund service trust foundation front alliance
    movement forces army council assembly parliament senate tribunal regulator league federation
    organisation organization centre center university college hospital network""".split()
)
# Words that join the parts of a name: "Bank of England", "Party for Freedom", "Sisters of Mercy".
_NAME_JOINERS = frozenset("of for and the de del la al".split())


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def title_case(headline: str) -> bool:
    """True for a title-case headline: most words of four letters or more after the first are
    capitalised ("Putin On Upcoming Meeting With Biden"); False for sentence case ("Putin hopes to
    mend ties")."""
    words = [m.group() for m in _WORD_RE.finditer(headline)][1:]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return bool(long) and sum(_is_capitalised(w) for w in long) >= 0.7 * len(long)


def name_spans(headline: str, *, actors: pd.DataFrame | None = None) -> list[tuple[int, int]]:
    """Character spans of the headline that are names of people or bodies, not words of its own.

    - an alias of ``actors.csv`` (``actor, alias``), in any headline;
    - the name of a body: one or two capitalised words before a head noun of :data:`INSTITUTION_HEADS`
      ("Energy Board", "Justice Ministry"), or such a head with "of/for" and capitalised words after
      it ("Ministry of Energy"); a headline verb or a word of the documented evaluative list is no
      part of a name ("Minister Slams Energy Board" -> "Energy Board");
    - in a sentence-case headline, a run of two or more capitalised words, possibly joined by
      "of/for/and/the" ("Energy Board sets tariffs", "Bank of England holds rates"); not a headline
      verb or a word of the evaluative list, and not two words in capitals (a tabloid kicker such as
      "SICK TO THE STOMACH:" is no name).  A title-case headline capitalises every word, so there only
      the first two rules apply.

    Limits: a sentence-case headline that opens with a capitalised evaluative word before a name
    ("Tragic Okafor misses out") takes both for one name; a title-case name of a body whose head is
    not listed ("Hope Street Kitchen") is not found.
    """
    words = list(_WORD_RE.finditer(headline))
    spans: list[tuple[int, int]] = []
    if actors is not None and not actors.empty:
        from framing.load.text import drop_invisible, normalise
        from framing.measures.actors import alias_pattern

        plain = drop_invisible(normalise(headline))
        if len(plain) == len(headline):
            for alias in actors["alias"].astype(str):
                spans.extend(m.span() for m in alias_pattern(alias).finditer(plain))
    extra = _evaluative_list()

    def joined(a: int, b: int) -> bool:
        """Only white space and words between words ``a`` and ``b`` ("Russia, US" are two names)."""
        return not any(ch in ",;:|()[]\"\u201c\u201d\u2013\u2014" for ch in headline[words[a].end():words[b].start()])

    def part_of_name(k: int) -> bool:
        low = words[k].group().lower()
        return _is_capitalised(words[k].group()) and low not in HEADLINE_VERBS and low not in extra

    for k, m in enumerate(words):
        if m.group().lower() not in INSTITUTION_HEADS or not _is_capitalised(m.group()):
            continue
        first = k
        while first > 0 and k - first < 2 and part_of_name(first - 1) and joined(first - 1, first):
            first -= 1
        last = k
        if k + 2 < len(words) and words[k + 1].group().lower() in ("of", "for"):
            j = k + 2
            if words[j].group().lower() == "the" and j + 1 < len(words):
                j += 1
            while j < len(words) and j - k <= 4 and part_of_name(j) and joined(j - 1, j):
                last = j
                j += 1
        if last > k or first < k:
            spans.append((words[first].start(), words[last].end()))
    def shouted(a: int, b: int) -> bool:
        """Both words in capitals: a tabloid kicker ("DATA DISASTER:", "SICK TO THE STOMACH"), not a name."""
        return all(len(words[i].group()) > 1 and words[i].group().isupper() for i in (a, b))

    if not title_case(headline):
        k = 0
        while k < len(words):
            if not part_of_name(k):
                k += 1
                continue
            j = k
            while True:
                if j + 1 < len(words) and part_of_name(j + 1) and joined(j, j + 1) and not shouted(j, j + 1):
                    j += 1
                elif j + 2 < len(words) and words[j + 1].group().lower() in _NAME_JOINERS \
                        and part_of_name(j + 2) and joined(j, j + 2) and not shouted(j, j + 2):
                    j += 2
                else:
                    break
            if j > k:
                spans.append((words[k].start(), words[j].end()))
            k = j + 1
    return sorted(set(spans))


def evaluative_words(headline: str, *, actors: pd.DataFrame | None = None) -> list[str]:
    """The headline's evaluative words, lower case, in order (VADER lexicon or the documented list).

    A word inside a name (:func:`name_spans`: an alias of ``actors``, the name of a body, a run of
    capitalised words in a sentence-case headline) is the name's, not the outlet's: "energy" in
    "Energy Board sets tariffs" or "justice" in "Justice Ministry" is not listed.
    """
    lexicon, extra = _vader_lexicon(), _evaluative_list()
    names = name_spans(headline, actors=actors)
    out = []
    for m in _WORD_RE.finditer(headline):
        if any(s <= m.start() and m.end() <= e for s, e in names):
            continue
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
            "; ".join(evaluative_words(text, actors=actors)), "; ".join(marks),
            "; ".join(sorted(units.get(article, []))), "; ".join(sorted(lede.get(article, []))),
        ))
    return pd.DataFrame(rows, columns=list(HEADLINE_COLUMNS))
