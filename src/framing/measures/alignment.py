"""Content units: the same fact or the same remark, told by several articles of one folder.

Sentences are cut into clauses where one sentence carries two facts, every clause is compared with
every other by text similarity (TF-IDF over words and over character n-grams, scikit-learn) and by
anchors that news makes reliable (the same named actors, the same numbers and dates, the same quoted
words), and clauses that are close enough are grouped into a content unit by average-linkage
clustering with a fixed threshold.  From the units follow what each outlet selects and leaves out
(:func:`coverage`) and how outlets render the same remark in different words (:func:`renderings`).

Everything here compares texts: with one article per outlet, "Outlet A leaves out X" means "this
article of outlet A does not tell X".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.core.paths import LEXICON_DIR
from framing.core.vocabulary import (
    ALIGNED_UNIT_COLUMNS,
    COVERAGE_COLUMNS,
    RATE_VOICES,
    RENDERING_COLUMNS,
    SEGMENT_COLUMNS,
    UNIT_SENTENCE_COLUMNS,
)

PARAPHRASE_FILE = LEXICON_DIR / "paraphrases_en.csv"

#: Two clauses belong to one unit when their combined similarity (see :func:`similarity_matrix`),
#: averaged over every pair of the two groups being joined, is at least this.
THRESHOLD = 0.20

#: Similarity of two clauses of the same article is multiplied by this, so that an article's own
#: restatements join a unit only when they are close, and units are mostly built across articles.
SAME_ARTICLE_FACTOR = 0.85

#: Weights of the two text similarities (cosine of TF-IDF vectors) in the combined score.
WORD_WEIGHT, CHAR_WEIGHT = 0.6, 0.4

#: Weight of the similarity of the two whole sentences in a clause's similarity (context: a clause
#: "that he was a killer" is read with the rest of its sentence, "in March, after Biden said").
SENTENCE_WEIGHT = 0.3

#: Anchor adjustments added to the text similarity.
ACTOR_BONUS = 0.10  # times the Jaccard overlap of the named actors, when both clauses name some
QUOTE_BONUS = 0.15  # the two clauses quote at least one same content word
NUMBER_BONUS = 0.10  # the two clauses share a number or date
NUMBER_PENALTY = NUMBER_BONUS / 2  # both give numbers or dates and share none: more likely two facts
#: Two quantities of the same kind within this share of the larger are the same figure told two ways.
RELATIVE_TOLERANCE = 1 / 20

#: Clauses with fewer content words than this are joined to their neighbour.
MIN_CLAUSE_WORDS = 2

#: Folders with more clauses than this are not aligned (the pairwise comparison grows with the
#: square of the clauses); alignment is meant for one event's coverage, not for corpora.
MAX_CLAUSES = 3000

_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_QUOTE_CHARS = "\"\u201c\u201d\u2018\u2019\u00ab\u00bb'"

# Words that say who speaks or how, which every outlet uses for every remark: they must not make
# two unrelated remarks look alike.
_REPORTING = frozenset(
    """say says said saying tell tells told telling add adds added adding according noted note notes
    stated stating state states explained explain pointed point concluded conclude continued
    remarked stressed stress emphasised emphasized reported report reports speaking spoke speak
    speech remarks remark comments comment commented asked ask""".split()
)
# Words so common in news of any event that sharing them says nothing.
_STOCK = frozenset(
    """also however well would could should might may must will shall can cannot just still now
    currently previously already earlier later upcoming recent recently two one three first last
    new year years day days week weeks month months time times way ways part parts thing things
    matter matters fact issue mr mrs ms dr""".split()
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "bln": 1e9, "trillion": 1e12}
_NUMBER_RE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|per\s*cent|percent))?"
    r"(?:\s*-?\s*(thousand|million|billion|trillion|bln|bn|mln|mn|m)\b)?",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
    r"|\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
# Clause boundaries: a semicolon; a concessive or contrastive subordinate clause (up to its comma);
# a non-restrictive relative clause; ", but"; "and that" coordinating two reported clauses.
_REPORTING_ALT = "said|says|added|insisted|argued|warned|stressed|told|noted|stated|claimed"
_SPLIT_RE = re.compile(
    r";\s+"
    r"|(?<=\s)(?=(?:although|though|even though|whereas)\s)"
    r"|,\s+(?=(?:which|when)\s)"
    r"|,\s+(?=but\s)"
    r"|\s+(?=but\s+(?:also\s+)?(?:" + _REPORTING_ALT + r")\s)"
    r"|,\s+(?=with\s[^,;]{3,60}\s(?:acting|serving)\s)"
    r"|,\s+(?=the\s+(?:first|last|latest|second|third)\s)"
    r"|\s+(?=and that\s)",
    re.IGNORECASE,
)
_CONCESSIVE_RE = re.compile(r"(?:although|though|even though|whereas)\s[^,;]*,\s*", re.IGNORECASE)
# The end of a relative clause set off by commas inside a sentence: "The talks, which lasted four
# hours, | were hosted by the minister".
_EMBEDDED_RE = re.compile(r",\s+(?:which|who)\s[^,;]{3,80},\s*(?=[a-z])")


@functools.lru_cache(maxsize=1)
def _paraphrases() -> dict[str, str]:
    table = pd.read_csv(PARAPHRASE_FILE, comment="#", dtype=str)
    return dict(zip(table["term"].str.lower(), table["group"].str.lower()))


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from framing.measures.salience import load_stopwords

    return load_stopwords() | _REPORTING | _STOCK


@functools.lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem import PorterStemmer

    return PorterStemmer()


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content: lower case, without stopwords, reporting verbs,
    stock news words, possessive endings, numbers and words of one letter."""
    stop = _stopwords()
    out = []
    for match in _WORD_RE.finditer(text):
        word = _fold(match.group())
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 2 or word in stop or word.isdigit() or word in _MONTHS:
            continue
        out.append(word)
    return out


def normal_form(word: str) -> str:
    """The form a content word is compared in: its paraphrase group (``mend`` and ``regularize`` are
    both ``repair``; see ``data/lexicons/paraphrases_en.csv``), else its Porter stem."""
    group = _paraphrases().get(word)
    return group if group is not None else _stemmer().stem(word)


def stem(word: str) -> str:
    """The Porter stem of a word (``finding`` and ``find`` are both ``find``)."""
    return _stemmer().stem(word)


def _features(text: str) -> list[str]:
    forms = [normal_form(w) for w in content_words(text)]
    return forms + [f"{a} {b}" for a, b in zip(forms, forms[1:])]


def numbers_and_dates(text: str) -> frozenset[str]:
    """Anchors a fact is told with: dates as ``date:MM-DD``, months as ``month:MM``, years as
    ``year:YYYY``, other quantities as ``num:<value>`` (``$1.2 billion`` and ``1.2 billion dollars``
    are both ``num:1200000000``; ``five`` is ``num:5``)."""
    found: set[str] = set()
    consumed: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        d = int(day)
        if 1 <= d <= 31:
            found.add(f"date:{_MONTHS[month.lower().rstrip('.')]:02d}-{d:02d}")
            consumed.append(m.span())
    for m in _NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in consumed):
            continue
        raw = m.group(1).replace(",", "")
        value = float(raw)
        if m.group(2):
            found.add(f"pct:{value:g}")
            continue
        if m.group(3):
            value *= _SCALES[m.group(3).lower()]
        elif "." not in raw and 1800 <= value <= 2100:
            found.add(f"year:{int(value)}")
            continue
        found.add(f"num:{value:g}")
    for word in _WORD_RE.findall(text):
        low = word.lower()
        if low in _NUMBER_WORDS and low not in ("one", "zero"):
            found.add(f"num:{_NUMBER_WORDS[low]}")
        elif low in _MONTHS and len(low) > 3 and word[0].isupper() and low != "may":
            months = {a.split(":")[1][:2] for a in found if a.startswith("date:")}
            if f"{_MONTHS[low]:02d}" not in months:
                found.add(f"month:{_MONTHS[low]:02d}")
    return frozenset(found)


def _when(anchors: frozenset[str]) -> tuple[set[str], set[str], set[str]]:
    dates = {a[5:] for a in anchors if a.startswith("date:")}
    months = {a[6:] for a in anchors if a.startswith("month:")} | {d[:2] for d in dates}
    years = {a[5:] for a in anchors if a.startswith("year:")}
    return dates, months, years


def dates_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two clauses are dated differently: both give a day, a month or a year and the two
    share none of that kind ("on 3 May" vs "on 19 June"; "in 2017" vs "in 2020").  "On 16 June" and
    "in June" do not conflict."""
    (da, ma, ya), (db, mb, yb) = _when(a), _when(b)
    return bool((da and db and not da & db) or (ma and mb and not ma & mb) or (ya and yb and not ya & yb))


def _figures(anchors: frozenset[str]) -> list[tuple[str, float]]:
    out = []
    for a in anchors:
        kind, _, value = a.partition(":")
        if kind == "pct" or (kind == "num" and abs(float(value)) >= 1000):
            out.append((kind, float(value)))
    return out


def figures_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when both clauses give a large figure (1,000 or more) or a percentage of the same kind and
    none of them agree (:func:`numbers_agree`): "2.1 million tonnes" and "3.5 million tonnes" are two
    facts.  Small counts ("three months", "90-day") are left to the text similarity."""
    fa, fb = _figures(a), _figures(b)
    for kind in ("num", "pct"):
        xa = frozenset(f"{k}:{v:g}" for k, v in fa if k == kind)
        xb = frozenset(f"{k}:{v:g}" for k, v in fb if k == kind)
        if xa and xb and not numbers_agree(xa, xb):
            return True
    return False


def numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two clauses share a number or date, counting quantities within 5% of each other as
    the same ("2.9 per cent" and "almost 3%"; "$1.2 billion" and "1.2 billion dollars")."""
    if a & b:
        return True
    for x in a:
        kind, _, value = x.partition(":")
        if kind not in ("num", "pct"):
            continue
        for y in b:
            other_kind, _, other = y.partition(":")
            if other_kind != kind:
                continue
            x1, x2 = float(value), float(other)
            if abs(x1 - x2) <= RELATIVE_TOLERANCE * max(abs(x1), abs(x2)):
                return True
    return False


def _quoted_words(text: str, spans: Sequence[tuple[int, int]], offset: int) -> frozenset[str]:
    words: set[str] = set()
    for s, e in spans:
        lo, hi = max(s - offset, 0), min(e - offset, len(text))
        if lo < hi:
            words.update(normal_form(w) for w in content_words(text[lo:hi]))
    return frozenset(words)


def _actor_patterns(actors: pd.DataFrame | None) -> list[tuple[str, re.Pattern[str]]]:
    if actors is None or actors.empty:
        return []
    from framing.measures.actors import alias_pattern

    return [(str(a), alias_pattern(str(alias))) for a, alias in zip(actors["actor"], actors["alias"])]


def _names(text: str, patterns: list[tuple[str, re.Pattern[str]]]) -> frozenset[str]:
    """Named actors of a clause: canonical names from ``actors.csv`` where it matches, plus the
    capitalised words that are not the first of the clause (other names)."""
    found = {actor for actor, pattern in patterns if pattern.search(text)}
    words = list(_WORD_RE.finditer(text))
    stop = _stopwords()
    for k, m in enumerate(words):
        word = m.group()
        if k == 0 or not word[0].isupper() or _fold(word) in stop or _fold(word) in _MONTHS:
            continue
        if any(pattern.search(word) for _, pattern in patterns):
            continue
        found.add("name:" + _fold(word).removesuffix("'s"))
    return frozenset(found)


# --------------------------------------------------------------------------- clauses


_THAT_RE = re.compile(r"(?<=\s)that\s", re.IGNORECASE)


def _cut_points(text: str) -> list[int]:
    cuts = {0, len(text)}
    for m in _SPLIT_RE.finditer(text):
        cuts.add(m.end())
    for m in _CONCESSIVE_RE.finditer(text):
        cuts.add(m.end())
    for m in _EMBEDDED_RE.finditer(text):
        cuts.add(m.end())
    # The frame of reported speech ("Putin said at the forum") is cut from what was said ("that ...").
    for m in _THAT_RE.finditer(text):
        before = max((c for c in cuts if c <= m.start()), default=0)
        if {_fold(w) for w in _WORD_RE.findall(text[before : m.start()])} & _REPORTING:
            cuts.add(m.start())
    return sorted(cuts)


def _frames(text: str, clauses: list[tuple[int, int]]) -> list[bool]:
    """Which clauses are the frame of reported speech: a clause followed by a clause opening with
    "that" and containing a reporting verb ("The minister said during a visit | that ...")."""
    out = []
    for k, (a, b) in enumerate(clauses):
        following = clauses[k + 1][0] if k + 1 < len(clauses) else None
        out.append(
            following is not None
            and re.match(r"that\s", text[following:], re.IGNORECASE) is not None
            and bool({_fold(w) for w in _WORD_RE.findall(text[a:b])} & _REPORTING)
        )
    return out


def _clauses(text: str) -> list[tuple[int, int]]:
    """Local ``(start, end)`` of the clauses of one sentence; short pieces join their neighbour."""
    cuts = _cut_points(text)
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
    merged: list[list[int]] = []
    for a, b in pieces:
        if merged and len(content_words(text[merged[-1][0] : merged[-1][1]])) < MIN_CLAUSE_WORDS:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    if len(merged) > 1 and len(content_words(text[merged[-1][0] : merged[-1][1]])) < MIN_CLAUSE_WORDS:
        last = merged.pop()
        merged[-1][1] = last[1]
    return [(a, b) for a, b in merged] or [(0, len(text))]


def segments(sentences: pd.DataFrame) -> pd.DataFrame:
    """Cut every sentence into clauses: one row per clause.

    A sentence is cut at a semicolon, before "although" / "though" / "whereas" and after the comma
    that ends that clause, before ", which" / ", when" (a non-restrictive clause) and after the comma
    that closes an embedded ", which ...," clause, before ", but" and "but said" (and other reporting
    verbs), before an absolute ", with X acting as ...", before an appositive ", the first ...", before
    "and that", and before the "that" of reported speech ("Putin said at the forum | that ties
    were at a low level"); a piece with fewer than :data:`MIN_CLAUSE_WORDS` content words joins its
    neighbour.  "Russia is trying to hold back our development, although we need to find ways to mend
    ties" becomes two clauses; "Putin said that the talks would be useful" stays one.

    Parameters
    ----------
    sentences : DataFrame
        The corpus's sentences table (``article_id, outlet, sentence_id, paragraph, role, start, end,
        text``; ``start, end`` are offsets into the raw file and ``text`` is that slice).

    Returns
    -------
    DataFrame
        Columns ``article_id, outlet, sentence_id, clause, start, end, text, paragraph, role, frame,
        sentence_text``; ``start, end`` are offsets into the raw file; ``frame`` marks the frame of
        reported speech (who spoke, where and when: "The minister said during a visit"), which is not a
        fact of its own and joins the unit of what was said.
    """
    rows = []
    for r in sentences.itertuples(index=False):
        text = str(r.text)
        pieces = _clauses(text)
        for k, ((a, b), frame) in enumerate(zip(pieces, _frames(text, pieces))):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            rows.append((r.article_id, r.outlet, r.sentence_id, k, int(r.start) + a, int(r.start) + b, text[a:b],
                         int(r.paragraph), r.role, frame, text))
    return pd.DataFrame(rows, columns=[*SEGMENT_COLUMNS, "sentence_text"])


# --------------------------------------------------------------------------- similarity


class TooManyClauses(ValueError):
    """The folder has more clauses than :data:`MAX_CLAUSES`: too many to align pair by pair."""


@dataclass(frozen=True)
class Clauses:
    """The clauses of a folder with their similarity matrix (see :func:`similarity_matrix`)."""

    table: pd.DataFrame
    similarity: np.ndarray


def _text_similarity(texts: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(texts)
    word_docs = [_features(t) for t in texts]
    char_docs = [" ".join(content_words(t)) for t in texts]
    sim = np.zeros((n, n))
    if any(word_docs):
        words = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True).fit_transform(word_docs)
        sim += WORD_WEIGHT * (words @ words.T).toarray()
    if any(char_docs):
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(char_docs)
        sim += CHAR_WEIGHT * (chars @ chars.T).toarray()
    return sim


def similarity_matrix(
    clauses: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
) -> np.ndarray:
    """Pairwise similarity of clauses, between 0 and about 1.35.

    ``text = 0.6 cos(words) + 0.4 cos(characters)`` of the clauses, blended with the same score of
    their whole sentences (weight :data:`SENTENCE_WEIGHT`, when ``clauses`` has ``sentence_text``),
    where ``cos(words)`` is the cosine of TF-IDF vectors of content words and word pairs in their
    normal form (:func:`normal_form`; sublinear tf, smoothed idf over the folder's clauses) and
    ``cos(characters)`` that of character 3- to 5-grams of the content words (which lets "lowest"
    meet "low").  Anchors are then added: ``+0.10 x`` the Jaccard overlap of the named actors when
    both clauses name some; ``+0.15`` when both quote a same content word; 0 in all when they are
    dated differently (:func:`dates_conflict`: two events, not one) or give different large figures
    (:func:`figures_conflict`); ``+0.10`` when they share a number or date (:func:`numbers_agree`, on
    the anchors of :func:`numbers_and_dates` of the clause, or of its sentence when the clause has
    none); ``-NUMBER_PENALTY`` (0.05) when both give numbers or dates and share none.  Clauses of
    one article are scaled by
    :data:`SAME_ARTICLE_FACTOR`; the diagonal is 1.  Higher = more likely the same fact.
    """
    n = len(clauses)
    if n == 0:
        return np.zeros((0, 0))
    texts = clauses["text"].astype(str).tolist()
    sim = _text_similarity(texts)
    if "sentence_text" in clauses.columns:
        whole = clauses["sentence_text"].astype(str).tolist()
        first = pd.Series(range(n)).groupby(clauses["sentence_id"].to_numpy()).transform("min").to_numpy()
        by_sentence = _text_similarity([whole[i] for i in sorted(set(first))])
        where = {i: k for k, i in enumerate(sorted(set(first)))}
        rows = np.array([where[i] for i in first])
        blended = (1 - SENTENCE_WEIGHT) * sim + SENTENCE_WEIGHT * by_sentence[np.ix_(rows, rows)]
        # Two clauses of one sentence are compared by their own words only.
        sim = np.where(rows[:, None] == rows[None, :], sim, blended)
    else:
        whole = texts

    patterns = _actor_patterns(actors)
    names = [_names(t, patterns) for t in texts]
    numbers = [numbers_and_dates(t) or numbers_and_dates(w) for t, w in zip(texts, whole)]
    spans: dict[str, list[tuple[int, int]]] = {}
    if quotes is not None and len(quotes):
        for a, s, e in zip(quotes["article_id"], quotes["start"], quotes["end"]):
            spans.setdefault(str(a), []).append((int(s), int(e)))
    quoted = [
        _quoted_words(t, spans.get(str(a), ()), int(s))
        for t, a, s in zip(texts, clauses["article_id"], clauses["start"])
    ]
    sim = sim + _anchor_adjustment(names, quoted, numbers)
    article = clauses["article_id"].astype(str).to_numpy()
    same = article[:, None] == article[None, :]
    sim = np.where(same, sim * SAME_ARTICLE_FACTOR, sim)
    sim = np.clip(sim, 0.0, None)
    np.fill_diagonal(sim, 1.0)
    return sim


def _indicator(sets: Sequence[frozenset[str]]):
    """A sparse clause x anchor matrix of 0/1 (scipy CSR)."""
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for i, items in enumerate(sets):
        for item in items:
            rows.append(i)
            cols.append(vocabulary.setdefault(item, len(vocabulary)))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sets), max(len(vocabulary), 1)))


def _shared(sets: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of clauses: how many items they share, and whether each has any."""
    x = _indicator(sets)
    return (x @ x.T).toarray(), np.asarray(x.sum(axis=1)).ravel() > 0


def _close_values(numbers: Sequence[frozenset[str]], keep) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of clauses with a quantity within 5% of each other (same kind), among the quantities
    ``keep(kind, value)`` selects; and whether each clause has such a quantity."""
    from scipy import sparse

    n = len(numbers)
    entries = [(i, kind, float(value)) for i, items in enumerate(numbers) for kind, _, value in
               (a.partition(":") for a in items) if kind in ("num", "pct") and keep(kind, float(value))]
    close = np.zeros((n, n), dtype=bool)
    has = np.zeros(n, dtype=bool)
    if not entries:
        return close, has
    idx = np.array([e[0] for e in entries])
    has[idx] = True
    kinds = np.array([e[1] for e in entries])
    values = np.array([e[2] for e in entries])
    larger = np.maximum(np.abs(values[:, None]), np.abs(values[None, :]))
    gap = np.abs(values[:, None] - values[None, :])
    near = (kinds[:, None] == kinds[None, :]) & (gap <= RELATIVE_TOLERANCE * larger)
    s = sparse.csr_matrix((np.ones(len(entries)), (np.arange(len(entries)), idx)), shape=(len(entries), n))
    close = (s.T @ sparse.csr_matrix(near.astype(float)) @ s).toarray() > 0
    return close, has


def _anchor_adjustment(names, quoted, numbers) -> np.ndarray:
    """The anchor terms of :func:`similarity_matrix` for every pair at once; ``-inf`` marks a pair
    that :func:`dates_conflict` or :func:`figures_conflict` keeps apart."""
    n = len(names)
    inter, has_names = _shared(names)
    sizes = np.array([len(x) for x in names], dtype=float)
    union = sizes[:, None] + sizes[None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros((n, n)), where=union > 0)
    adjust = ACTOR_BONUS * np.where(has_names[:, None] & has_names[None, :], jaccard, 0.0)
    quoted_inter, _ = _shared(quoted)
    adjust += QUOTE_BONUS * (quoted_inter > 0)

    exact, has_numbers = _shared(numbers)
    close, _ = _close_values(numbers, lambda kind, value: True)
    both = has_numbers[:, None] & has_numbers[None, :]
    agree = (exact > 0) | close
    adjust += np.where(both, np.where(agree, NUMBER_BONUS, -NUMBER_PENALTY), 0.0)

    conflict = np.zeros((n, n), dtype=bool)
    for part in _when_parts(numbers):
        shared, has = _shared(part)
        conflict |= has[:, None] & has[None, :] & (shared == 0)
    for kind in ("num", "pct"):
        figures_close, has = _close_values(
            numbers, lambda k, value, kind=kind: k == kind and (k == "pct" or abs(value) >= 1000)
        )
        conflict |= has[:, None] & has[None, :] & ~figures_close
    adjust[conflict] = -np.inf
    np.fill_diagonal(adjust, 0.0)
    return adjust


def _when_parts(numbers: Sequence[frozenset[str]]) -> list[list[frozenset[str]]]:
    """Days, months and years of every clause, as three lists of sets (see :func:`dates_conflict`)."""
    parts: list[list[frozenset[str]]] = [[], [], []]
    for items in numbers:
        for k, values in enumerate(_when(items)):
            parts[k].append(frozenset(values))
    return parts


def _clusters(sim: np.ndarray, threshold: float) -> np.ndarray:
    n = sim.shape[0]
    if n < 2:
        return np.zeros(n, dtype=int)
    from sklearn.cluster import AgglomerativeClustering

    distance = np.clip(1.0 - np.minimum(sim, 1.0), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    )
    return model.fit_predict(distance)


# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Alignment:
    """Content units of one folder.

    Attributes
    ----------
    units : DataFrame
        ``units.csv``: ``unit_id, label, n_articles, n_outlets, outlets`` (outlets joined by "; ");
        ``label`` is the sentence of the unit's most central clause, or that clause when the sentence
        tells more than one unit.
    unit_sentences : DataFrame
        ``unit_sentences.csv``: ``unit_id, article_id, outlet, sentence_id, similarity, paragraph,
        in_headline, in_lede, start, end``; ``start, end`` are the raw-file offsets of the part of the
        sentence that tells the unit (its clauses, without the frame of reported speech).
    clauses : DataFrame
        One row per clause with its ``unit_id`` (see :func:`segments`).
    similarity : ndarray, optional
        The clauses' pairwise similarity (:func:`similarity_matrix`), rows in the order of ``clauses``.
    """

    units: pd.DataFrame
    unit_sentences: pd.DataFrame
    clauses: pd.DataFrame
    similarity: np.ndarray | None = None


def _lede_paragraphs(sentences: pd.DataFrame) -> dict[str, int]:
    """The first body paragraph of each article (the lede is the headline, the standfirst and it)."""
    body = sentences[sentences["role"] == "body"]
    return body.groupby("article_id")["paragraph"].min().astype(int).to_dict()


def _label(clause: pd.Series, text_of: dict[str, str]) -> str:
    """A unit's label: the sentence of its most central clause, or that clause (with "…" where
    the sentence goes on) when the sentence was cut into several."""
    sentence = " ".join(text_of[clause["sentence_id"]].split())
    part = " ".join(str(clause["text"]).split())
    if part == sentence:
        return sentence
    before = "" if sentence.startswith(part) else "… "
    after = "" if sentence.endswith(part) else " …"
    return f"{before}{part.rstrip(',;: ')}{after}"


def align(
    sentences: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    threshold: float = THRESHOLD,
) -> Alignment:
    """Group the clauses of all articles into content units.

    Parameters
    ----------
    sentences : DataFrame
        The corpus's sentences (headline, standfirst and body).
    quotes : DataFrame, optional
        Quotation spans (``article_id, start, end``): quoted words shared by two clauses are an anchor.
    actors : DataFrame, optional
        ``actors.csv`` (``actor, alias``): named actors are compared by their canonical name, so
        "Moscow" and "the Kremlin" are both Russia when the file says so.
    threshold : float
        Minimum average similarity (:func:`similarity_matrix`) for two groups of clauses to be one
        unit.  Higher = stricter units.

    Returns
    -------
    Alignment
        Units are numbered ``u001, u002, ...`` from those carried by the most outlets, then in the
        order of the folder (first article, first sentence).  A clause that meets no other is a unit
        of its own: a fact only that article tells.  ``similarity`` of a sentence is the mean
        similarity of its clause to the unit's clauses from other articles (1.0 when it is alone).

    Notes
    -----
    Average linkage (scikit-learn ``AgglomerativeClustering``) joins two groups only when the mean
    similarity over all their pairs reaches the threshold, so a chain of pairwise-similar clauses does
    not pull two different facts into one unit.  The clustering is deterministic for a given order of
    the sentences table.
    """
    clauses = segments(sentences)
    if len(clauses) > MAX_CLAUSES:
        raise TooManyClauses(
            f"{len(clauses)} clauses are too many to align (at most {MAX_CLAUSES}); alignment compares "
            "the coverage of one event, a few dozen articles"
        )
    sim = similarity_matrix(clauses, quotes=quotes, actors=actors)
    content = np.flatnonzero(~clauses["frame"].to_numpy(dtype=bool))
    labels = np.full(len(clauses), -1)
    labels[content] = _clusters(sim[np.ix_(content, content)], threshold)
    # A frame takes the unit of the clause after it (what was said).
    for i in range(len(clauses) - 1, -1, -1):
        if labels[i] < 0:
            labels[i] = labels[i + 1]
    clauses = clauses.assign(_cluster=labels, _order=np.arange(len(clauses)))

    stats = clauses.groupby("_cluster").agg(
        n_outlets=("outlet", "nunique"), n_articles=("article_id", "nunique"), first=("_order", "min")
    )
    stats = stats.sort_values(["n_outlets", "n_articles", "first"], ascending=[False, False, True])
    width = max(3, len(str(len(stats))))
    ids = {c: f"u{k + 1:0{width}d}" for k, c in enumerate(stats.index)}
    clauses["unit_id"] = clauses["_cluster"].map(ids)

    article = clauses["article_id"].astype(str).to_numpy()
    cluster = clauses["_cluster"].to_numpy()
    similarity = np.ones(len(clauses))
    frame = clauses["frame"].to_numpy(dtype=bool)
    for c in np.unique(cluster):
        members = np.flatnonzero((cluster == c) & ~frame)
        for i in np.flatnonzero(cluster == c):
            others = members[article[members] != article[i]]
            if others.size:
                similarity[i] = float(np.mean(np.minimum(sim[i, others], 1.0)))
    clauses["similarity"] = similarity.round(4)

    lede = _lede_paragraphs(sentences)
    order = {sid: k for k, sid in enumerate(sentences["sentence_id"])}
    keys = ["unit_id", "article_id", "outlet", "sentence_id", "paragraph", "role"]
    per_sentence = clauses.groupby(keys, sort=False)["similarity"].max().reset_index()
    # The span of what the sentence tells of the unit: its clauses other than the frame of speech.
    content_clauses = clauses[~clauses["frame"]]
    spans = content_clauses.groupby(keys, sort=False).agg(start=("start", "min"), end=("end", "max"))
    every = clauses.groupby(keys, sort=False).agg(start=("start", "min"), end=("end", "max"))
    spans = spans.combine_first(every).reset_index()
    per_sentence = per_sentence.merge(spans, on=keys, how="left")
    per_sentence["in_headline"] = per_sentence["role"] == "headline"
    per_sentence["in_lede"] = per_sentence["role"].isin(["headline", "standfirst"]) | (
        (per_sentence["role"] == "body")
        & (per_sentence["paragraph"] == per_sentence["article_id"].map(lede).fillna(-1).astype(int))
    )
    per_sentence["_order"] = per_sentence["sentence_id"].map(order)
    per_sentence = per_sentence.sort_values(["unit_id", "_order"], kind="stable")
    unit_sentences = per_sentence[list(UNIT_SENTENCE_COLUMNS)].reset_index(drop=True)

    text_of = dict(zip(sentences["sentence_id"], sentences["text"].astype(str)))
    outlet_order = {o: k for k, o in enumerate(pd.unique(sentences["outlet"]))}
    rows = []
    for c, row in stats.iterrows():
        members = np.flatnonzero((cluster == c) & ~frame)
        if members.size > 1:
            inner = np.minimum(sim[np.ix_(members, members)], 1.0)
            medoid = members[int(np.argmax(inner.sum(axis=1)))]
        else:
            medoid = members[0]
        outlets = sorted(set(clauses["outlet"].iloc[np.flatnonzero(cluster == c)]), key=outlet_order.get)
        rows.append((ids[c], _label(clauses.iloc[medoid], text_of),
                     int(row["n_articles"]), int(row["n_outlets"]), "; ".join(outlets)))
    units = pd.DataFrame(rows, columns=list(ALIGNED_UNIT_COLUMNS))
    clauses = clauses.drop(columns=["_cluster", "_order", "sentence_text"])
    return Alignment(units, unit_sentences, clauses.reset_index(drop=True), sim)


# --------------------------------------------------------------------------- selection


def coverage(alignment: Alignment, outlets: Sequence[str]) -> pd.DataFrame:
    """Which outlet carries which unit, and where: one row per outlet x unit (``coverage.csv``).

    Columns ``outlet, unit_id, present, first_paragraph, in_lede, carried_by_others``:
    ``first_paragraph`` is the earliest paragraph of the outlet's articles that tells the unit (0 =
    the headline; empty when absent); ``in_lede`` whether it is told in a headline, standfirst or
    first body paragraph; ``carried_by_others`` how many other outlets tell it.
    """
    us = alignment.unit_sentences
    by = us.groupby(["unit_id", "outlet"]).agg(first_paragraph=("paragraph", "min"), in_lede=("in_lede", "any"))
    n_outlets = us.groupby("unit_id")["outlet"].nunique()
    rows = []
    for unit in alignment.units["unit_id"]:
        for outlet in outlets:
            present = (unit, outlet) in by.index
            rows.append((
                outlet, unit, present,
                int(by.loc[(unit, outlet), "first_paragraph"]) if present else pd.NA,
                bool(by.loc[(unit, outlet), "in_lede"]) if present else False,
                int(n_outlets.get(unit, 0)) - int(present),
            ))
    out = pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS))
    out["first_paragraph"] = out["first_paragraph"].astype("Int64")
    return out


def omissions(table: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """Units ``outlet`` leaves out that most other outlets carry: more than half of the others (with
    two outlets, the other one).  ``table`` is :func:`coverage`; rows sorted by how many carry it."""
    others = table["outlet"].nunique() - 1
    rows = table[(table["outlet"] == outlet) & ~table["present"] & (table["carried_by_others"] * 2 > others)]
    return rows.sort_values(["carried_by_others", "unit_id"], ascending=[False, True]).reset_index(drop=True)


def exclusives(table: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """Units only ``outlet`` carries (no other outlet tells them), lede first."""
    rows = table[(table["outlet"] == outlet) & table["present"] & (table["carried_by_others"] == 0)]
    return rows.sort_values(["first_paragraph", "unit_id"]).reset_index(drop=True)


# --------------------------------------------------------------------------- renderings


def _is_speech(text: str, voice: str) -> bool:
    if voice not in ("", RATE_VOICES[0]) or any(ch in text for ch in _QUOTE_CHARS[:5]):
        return True
    words = {_fold(w) for w in _WORD_RE.findall(text)}
    return bool(words & _REPORTING)


# Suffixes of inflection and derivation that leave the word's meaning in the sentence ("closure" and
# "close", "decision" and "decide", "talks" and "talk"), longest first.  Degree (-er, -est) is not among them:
# "lowest" and "low" say different things.
_INFLECTIONS = ("ies", "es", "s", "ed", "ing")
_DERIVATIONS = ("isation", "ization", "ation", "ition", "ution", "ment", "ness", "ance", "ence", "sion", "tion",
                "ure", "ion", "ity", "ise", "ize", "ive", "al", "ly", "e")
_IRREGULAR_DEGREE = {"better": "good", "best": "good", "worse": "bad", "worst": "bad", "less": "little",
                     "least": "little", "more": "many", "most": "many", "further": "far", "furthest": "far"}


def _degree_forms(word: str) -> set[str]:
    """The comparative and superlative a word may have: "low" -> lower, lowest; "big" -> bigger ..."""
    forms = {word + "er", word + "est"}
    if word.endswith("e"):
        forms |= {word + "r", word + "st"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ier", word[:-1] + "iest"}
    if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "er", word + word[-1] + "est"}
    return forms


def degree_pair(a: str, b: str) -> bool:
    """True when one word is the comparative or superlative of the other ("lowest", "low")."""
    a, b = a.lower(), b.lower()
    return b in _degree_forms(a) or a in _degree_forms(b) or _IRREGULAR_DEGREE.get(a) == b \
        or _IRREGULAR_DEGREE.get(b) == a or (a in _IRREGULAR_DEGREE and _IRREGULAR_DEGREE.get(a) ==
                                            _IRREGULAR_DEGREE.get(b))


def root_forms(word: str) -> frozenset[str]:
    """The word and what is left of it when an inflection, a derivational suffix or both are taken off.

    At least four letters are kept: "closure" -> {closure, clos}; "close" -> {close, clos};
    "decision" -> {decision, decis, deci}; "union" -> {union}.  See :func:`same_root`.
    """
    word = word.lower().replace("\u2019", "'")
    forms = {word}
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: -len(suffix)] + ("y" if suffix == "ies" else ""))
    for base in list(forms):
        for suffix in _DERIVATIONS:
            if base.endswith(suffix) and len(base) - len(suffix) >= 4:
                forms.add(base[: -len(suffix)])
    return frozenset(forms)


def same_root(a: str, b: str) -> bool:
    """True when two different words are forms of one word (inflection or derivation), not a choice of words.

    They share a root (:func:`root_forms`) of four letters or more, or two such roots of the same
    length differ only in a last letter of the alternation d/s/t ("decid-e" / "decis-ion",
    "expand" / "expans-ion"); a comparative or superlative is never the same word ("lowest" / "low",
    :func:`degree_pair`).  "closure" / "close", "decision" / "decide", "talks" / "talk", "mending" /
    "mend", "agreement" / "agree" are one word; "mend" / "regularize", "lowest" / "low", "government"
    / "governor", "visit" / "visitor" are two.  Limits: a chance likeness of form is taken for one
    word ("station" / "state"), and a stem that changes inside ("permit" / "permission") is not.
    """
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if degree_pair(a, b):
        return False
    for ra in root_forms(a):
        for rb in root_forms(b):
            if len(ra) < 4 or len(ra) != len(rb):
                continue
            if ra == rb or (ra[:-1] == rb[:-1] and {ra[-1], rb[-1]} <= set("dst")):
                return True
    return False


def renderings(alignment: Alignment, sentences: pd.DataFrame) -> pd.DataFrame:
    """The same remark in each outlet's words: ``renderings.csv``.

    For every unit that two or more outlets tell as speech (a quotation, or a sentence with a
    reporting verb), one row per outlet with its rendering: of the outlet's speech clauses in the
    unit, the one closest to another outlet's (highest similarity), so a headline or a paraphrase
    does not stand in for a quoted remark.  ``own_words`` are the content words of the rendering
    that no other outlet's rendering uses, in their surface form (so "mending" vs "regularize" and
    "lowest" vs "low" are visible); ``shared_words`` those it shares, also in another form of the
    same word (:func:`same_root`: "closure" and "close", "decision" and "decide" are one word in two
    grammatical guises, not a translator's choice; a comparative or superlative is a word of its own).

    Columns ``unit_id, outlet, article_id, sentence_id, text, own_words, shared_words``; words are
    joined by ", " in text order.
    """
    voice = dict(zip(sentences["sentence_id"], sentences["voice"].astype(str)))
    clauses = alignment.clauses.reset_index(drop=True)
    sim = alignment.similarity
    speech = np.array([_is_speech(t, voice.get(s, "")) for t, s in zip(clauses["text"], clauses["sentence_id"])],
                      dtype=bool)
    frame = clauses["frame"].to_numpy(dtype=bool) if "frame" in clauses.columns else np.zeros(len(clauses), bool)
    outlet = clauses["outlet"].to_numpy()
    rows = []
    for unit in sorted(clauses["unit_id"].unique()):
        members = np.flatnonzero((clauses["unit_id"].to_numpy() == unit) & speech & ~frame)
        if len(set(outlet[members])) < 2:
            continue
        chosen: dict[str, int] = {}
        for o in dict.fromkeys(outlet[members]):
            own = members[outlet[members] == o]
            others = members[outlet[members] != o]
            if sim is not None:
                score = sim[np.ix_(own, others)].max(axis=1)
                chosen[o] = int(own[int(np.argmax(score))])
            else:
                chosen[o] = int(own[0])
        words = {o: content_words(clauses.at[i, "text"]) for o, i in chosen.items()}
        for o, i in chosen.items():
            others = {w for other, ws in words.items() if other != o for w in ws}
            in_others = {w: w in others or any(same_root(w, v) for v in others) for w in words[o]}
            own_words = list(dict.fromkeys(w for w in words[o] if not in_others[w]))
            shared = list(dict.fromkeys(w for w in words[o] if in_others[w]))
            rows.append((unit, o, clauses.at[i, "article_id"], clauses.at[i, "sentence_id"],
                         " ".join(str(clauses.at[i, "text"]).split()), ", ".join(own_words), ", ".join(shared)))
    return pd.DataFrame(rows, columns=list(RENDERING_COLUMNS))
