"""Work grows in step with the input: counted, never timed.

A growth test runs one step on an input of size ``n`` and of size ``4n`` and
counts two kinds of work (:func:`work_of`): the lines of the package's own
code that run (every turn of a loop or a comprehension is a line), and the
values that pandas comparisons look at (``table[table.col == x]`` looks at
every row of the table).  Work that grows in step with the input grows about
4 times; a step that looks at every quotation for every sentence or token, or
filters a whole table once per article, grows about 16 times.  Counts do not
depend on the speed or the load of the machine.  Loops inside compiled code
(``list.index``, ``str`` methods, regular expressions) are not counted.

The last test analyses pathological but legal articles in a subprocess with a
generous time limit, so that a hang fails the test instead of the run.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.load.corpus import QUOTE_COLUMNS, SENTENCE_COLUMNS, load_corpus, parse_page
from framing.load.text import Span, SpanIndex, drop_invisible, inside, overlaps, voice_of
from framing.measures.cues import (
    _colon_speaker,
    _first_containing,
    _first_letter,
    _one_source_holds,
    _SentenceInfo,
    find_cues,
    load_lexicon,
    load_speech_cues,
)
from framing.measures.quotes import _speaker_after_colon
from framing.measures.sentiment import sentence_sentiment

PACKAGE = str(Path(framing.__file__).resolve().parent)
HEADLINE = "Storm Closes the Coastal Road"
#: Most the work may grow when the input grows 4 times (in step: about 4; with the square of the input: 16).
GROWTH_LIMIT = 6.0

SPEAKERS = ("the minister", "a spokesman", "Ms. Ortiz", "the mayor", "an adviser")
WORDS = "harbour road storm repairs budget council ferry bridge flood plan report tunnel".split()


def article(n_paragraphs: int) -> str:
    """A news article of ``n_paragraphs`` paragraphs with attributed quotes, scare quotes and cues."""
    rng = random.Random(20231106)
    paragraphs = []
    for i in range(n_paragraphs):
        a, b, c = rng.sample(WORDS, 3)
        paragraphs.append(
            f"\u201cThe {a} will {rng.choice(['probably', 'clearly', 'perhaps'])} reopen,\u201d "
            f"{rng.choice(SPEAKERS)} said. Critics called the {b} plan \u201c{c} {i}\u201d and said it may cost "
            "about 20 million."
        )
    return f"{HEADLINE}\n\n" + "\n\n".join(paragraphs) + "\n"


def one_line(n_quotes: int) -> str:
    """One paragraph, one sentence, ``n_quotes`` short quotations."""
    quotes = " ".join(f"\u201cword{i}\u201d" for i in range(n_quotes))
    return f"{HEADLINE}\n\nOfficials called the plans {quotes} and said no more.\n"


INPUTS = {"article": (article, 50), "one_line": (one_line, 250)}


COMPARISONS = ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")


def work_of(func, *args, **kwargs) -> dict[str, int]:
    """The work ``func(*args, **kwargs)`` does.

    ``lines``: lines of the package's own code run, loop turns included.
    ``compared``: values looked at by comparisons of a pandas Series (the
    length of the Series at each ``==``, ``<`` ...).
    """
    work = {"lines": 0, "compared": 0}

    def local(frame, event, arg):
        if event == "line":
            work["lines"] += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    def counting(original):
        def compare(self, other):
            work["compared"] += len(self)
            return original(self, other)

        return compare

    originals = {name: getattr(pd.Series, name) for name in COMPARISONS}
    previous = sys.gettrace()
    try:
        for name, original in originals.items():
            setattr(pd.Series, name, counting(original))
        sys.settrace(calls)
        func(*args, **kwargs)
    finally:
        sys.settrace(previous)
        for name, original in originals.items():
            setattr(pd.Series, name, original)
    return work


def growth(work, make, n: int) -> dict[str, float]:
    """How many times each kind of work grows from input ``make(n)`` to ``make(4 * n)``."""
    work(make(2))  # the first calls load lexicons and models
    small, large = work(make(n)), work(make(4 * n))
    return {k: large[k] / small[k] if small[k] else (1.0 if not large[k] else math.inf) for k in small}


def assert_in_step(ratios: dict[str, float]) -> None:
    assert all(r < GROWTH_LIMIT for r in ratios.values()), f"work grew {ratios} for 4 times the input"


def parsed(raw: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    page = parse_page(raw, article_id="a", outlet="A", headline=HEADLINE)
    return pd.DataFrame(page.sentences, columns=SENTENCE_COLUMNS), pd.DataFrame(page.quotes, columns=QUOTE_COLUMNS)


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicon(), load_speech_cues()


# --- the fast lookups answer exactly like the scans they replace --------------------------------------------------


def random_spans(rng: random.Random, n: int) -> list[Span]:
    """Spans that may nest, overlap, touch or be empty."""
    spans = []
    for _ in range(n):
        start = rng.randrange(0, 60)
        spans.append(Span(start, start + rng.choice([0, 1, 2, 5, 12, 40])))
    return spans


def test_span_index_agrees_with_a_scan_of_every_span():
    rng = random.Random(1)
    for trial in range(300):
        spans = random_spans(rng, rng.randrange(0, 12))
        if trial % 2:  # quotation spans: sorted and disjoint
            spans = [s for k, s in enumerate(sorted(spans)) if all(s.start >= t.end for t in sorted(spans)[:k])]
        index = SpanIndex(rng.sample(spans, len(spans)))
        for _ in range(20):
            start = rng.randrange(-2, 70)
            end = start + rng.choice([0, 1, 3, 8, 30])
            assert index.inside(start, end) == inside(spans, start, end)
            assert index.overlaps(start, end) == overlaps(spans, start, end)
            assert index.voice_of(start, end) == voice_of(spans, start, end)
            assert index.overlapping(start, end) == sorted(s for s in spans if s.start < end and start < s.end)


def test_first_containing_sentence_agrees_with_a_scan():
    rng = random.Random(2)
    for _ in range(200):
        sentences = []
        for k in range(rng.randrange(0, 8)):
            start = rng.randrange(0, 50)
            raw = "x" * rng.choice([0, 1, 4, 10, 25])
            sentences.append(_SentenceInfo("a", "A", f"a-{k}", start, raw, raw, False, False))
        points = sorted(rng.randrange(-1, 80) for _ in range(rng.randrange(0, 10)))
        expected = [
            next((i for i, s in enumerate(sentences) if s.start <= p < s.start + len(s.raw)), None) for p in points
        ]
        assert _first_containing(sentences, points) == expected


def test_one_source_holds_agrees_with_a_scan():
    rng = random.Random(3)
    vocabulary = list("abcdefg")
    for _ in range(300):
        sources = [set(rng.sample(vocabulary, rng.randrange(0, 5))) for _ in range(rng.randrange(0, 6))]
        holders: dict[str, set[int]] = {}
        for k, src in enumerate(sources):
            for w in src:
                holders.setdefault(w, set()).add(k)
        words = set(rng.sample(vocabulary, rng.randrange(0, 4)))
        assert _one_source_holds(words, holders, len(sources)) == any(words <= src for src in sources)


def colon_speaker_by_copying(text: str, s: int, e: int) -> bool:
    before = drop_invisible(text[:s]).rstrip()
    if before.endswith(":") and any(ch.isalpha() for ch in before):
        return True
    if not drop_invisible(text[e:]).lstrip(" ,.").startswith(":"):
        return False
    # A colon after the quotation attributes it only when a speaker follows the colon.
    return _speaker_after_colon(text, text.index(":", e))


def test_colon_speaker_agrees_with_copying_the_text():
    rng = random.Random(4)
    pieces = ["a", "1", ":", " ", "\n", ",", ".", "\u00ad", "\u200b", "\u201c", "\u201d", "x"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        s = rng.randrange(0, len(text) + 1)
        e = rng.randrange(s, len(text) + 1)
        expected = colon_speaker_by_copying(text, s, e)
        assert _colon_speaker(text, s, e) == expected
        assert _colon_speaker(text, s, e, first_letter=_first_letter(text)) == expected


# --- growth, counted ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(INPUTS))
def test_parse_page_work_grows_in_step_with_the_text(shape):
    make, n = INPUTS[shape]

    def work(raw):
        return work_of(parse_page, raw, article_id="a", outlet="A", headline=HEADLINE)

    assert_in_step(growth(work, make, n))


@pytest.mark.parametrize("shape", sorted(INPUTS))
def test_find_cues_work_grows_in_step_with_the_text(shape, lexicons):
    make, n = INPUTS[shape]
    lexicon, speech = lexicons

    def work(raw):
        sentences, quotes = parsed(raw)
        return work_of(find_cues, sentences, quotes, lexicon=lexicon, speech_cues=speech)

    assert_in_step(growth(work, make, n))


@pytest.mark.parametrize("shape", sorted(INPUTS))
def test_sentence_sentiment_work_grows_in_step_with_the_text(shape):
    make, n = INPUTS[shape]

    def work(raw):
        return work_of(sentence_sentiment, parsed(raw)[0])

    assert_in_step(growth(work, make, n))


def articles_folder(root: Path, n_articles: int) -> Path:
    root.mkdir()
    rows = ["article_id,outlet,file,published,headline"]
    for i in range(n_articles):
        headline = f"Road {i} Reopens After the Storm"
        (root / f"a{i}.txt").write_text(f"Menu\n\n{headline}\n\nThe road reopened on Monday, officials said.\n",
                                        encoding="utf-8")
        rows.append(f"a{i},Outlet {'AB'[i % 2]},a{i}.txt,2023-11-06,{headline}")
    (root / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_load_corpus_work_grows_in_step_with_the_number_of_articles(tmp_path):
    def work(n_articles):
        return work_of(load_corpus, articles_folder(tmp_path / f"n{n_articles}", n_articles))

    assert_in_step(growth(work, lambda n: n, 25))


# --- pathological but legal input finishes ---------------------------------------------------------------------------

PATHOLOGICAL = {
    # one paragraph of 2 MB
    "paragraph.txt": f"{HEADLINE}\n\nOfficials said " + ("x" * 999 + " ") * 2_000 + "and left.\n",
    # one line of 100,000 characters with 20,000 quotation marks
    "marks.txt": f"{HEADLINE}\n\nOfficials called it "
    + " ".join(f"\u201cw{i % 97}\u201d" for i in range(10_000)).ljust(100_000)
    + " again.\n",
    # a page footer of 2 MB: photo credits whose brackets never close
    "credits.txt": f"{HEADLINE}\n\nThe road reopened on Monday, officials said.\n\n" + "(Photo by x " * 170_000 + "\n",
    # 5,000 quotations that are never closed
    "unclosed.txt": f"{HEADLINE}\n\n"
    + "".join(f"\u201cThe talks may go on, said official {i}.\n\n" for i in range(5_000)),
}

ANALYSE = textwrap.dedent(
    """
    import sys
    from framing.pipeline import analyze

    result = analyze(sys.argv[1], n_boot=20, n_perm=20)
    quotes = result.corpus.quotes.groupby("article_id").size()
    print(" ".join(f"{a}={n}" for a, n in quotes.items()))
    """
)


def test_pathological_articles_are_analysed_without_hanging(tmp_path):
    rows = ["article_id,outlet,file,published,headline"]
    for k, (name, text) in enumerate(PATHOLOGICAL.items()):
        (tmp_path / name).write_text(text, encoding="utf-8")
        rows.append(f"{Path(name).stem},Outlet {'AB'[k % 2]},{name},2023-11-06,{HEADLINE}")
    (tmp_path / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert len(PATHOLOGICAL["paragraph.txt"].splitlines()[2].encode()) >= 2_000_000
    assert len(PATHOLOGICAL["marks.txt"].splitlines()[2]) >= 100_000
    try:
        done = subprocess.run([sys.executable, "-c", ANALYSE, str(tmp_path)], capture_output=True, text=True,
                              timeout=180)
    except subprocess.TimeoutExpired:
        pytest.fail("analysing the pathological articles did not finish within 180 s")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["marks=10000", "unclosed=5000"]


def test_reading_view_work_grows_in_step_with_the_article(tmp_path):
    from framing.measures.cues import find_cues
    from framing.present.reading_view import corpus_reading_view

    def work(n_paragraphs):
        folder = tmp_path / f"p{n_paragraphs}"
        folder.mkdir()
        (folder / "a.txt").write_text(article(n_paragraphs), encoding="utf-8")
        (folder / "b.txt").write_text(article(2), encoding="utf-8")
        (folder / "articles.csv").write_text("article_id,outlet,file\na,Outlet A,a.txt\nb,Outlet B,b.txt\n",
                                             encoding="utf-8")
        corpus = load_corpus(folder)
        cues, sentiment = find_cues(corpus.sentences, corpus.quotes), sentence_sentiment(corpus.sentences)
        return work_of(corpus_reading_view, corpus, cues, sentiment)

    assert_in_step(growth(work, lambda n: n, 40))
