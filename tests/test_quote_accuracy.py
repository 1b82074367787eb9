"""Quotations and speakers scored against hand-annotated folders (``tests/fixtures/heldout_quotes*``).

The truth (``quotes.csv``) was annotated from the texts alone: one row per quotation or reported-speech
span, with its kind (direct, partial, indirect, scare), its resolved speaker and the actor of
``actors.csv`` the speaker is.

- Quote recall: a direct, partial or indirect row is found when a row of the quote table in the same
  article overlaps its words.
- Speaker accuracy, over the rows found: when the truth names an actor, the found row names the same
  actor; when it names an unnamed speaker ("a senior official"), the found row's speaker shares a
  content word with it; when the truth gives no speaker, the found row gives none (speaker type
  ``unknown``).
- Scare quotes are not quotations of a speaker: none may be given a named speaker.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd
import pytest

from framing.load.corpus import load_corpus
from framing.measures.speakers import find_quotes

FIXTURES = Path(__file__).parent / "fixtures"
#: ``heldout_quotes`` was the acceptance set the detector was built against; ``heldout_quotes_b`` was written
#: apart from it and scored blind.
FOLDERS = ("heldout_quotes", "heldout_quotes_b")
#: The folders scored against the targets: the blind set scored quote recall 0.86 and speaker accuracy 0.86,
#: below them (missed: indirect speech after a comma without "that", speakers named only after a
#: description or in the next paragraph).  Strict: the test fails as soon as the targets are met there.
TARGET_FOLDERS = (
    "heldout_quotes",
    pytest.param("heldout_quotes_b", marks=pytest.mark.xfail(strict=True, reason="blind set below the targets")),
)
RECALL_TARGET = 0.90
SPEAKER_TARGET = 0.90
_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset("a an the of in on at by for and to from".split())


def _fold(text: str) -> str:
    return (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
            .replace("\u00a0", " "))


@functools.cache
def _scored(folder: str):
    corpus = load_corpus(FIXTURES / folder)
    table = find_quotes(corpus.sentences, corpus.quotes, actors=corpus.actors)
    rows = pd.read_csv(FIXTURES / folder / "quotes.csv", dtype=str, keep_default_na=False)
    located = []
    for r in rows.itertuples(index=False):
        raw = _fold(corpus.texts[r.article_id])
        at = raw.find(_fold(r.sentence))
        assert at >= 0 and raw.find(_fold(r.sentence), at + 1) < 0, (r.article_id, r.sentence)
        sent = corpus.sentences[(corpus.sentences["article_id"] == r.article_id)
                                & (corpus.sentences["start"] <= at) & (corpus.sentences["end"] > at)]
        assert len(sent) == 1, (r.article_id, r.sentence)
        s0, s1 = int(sent["start"].iloc[0]), int(sent["end"].iloc[0])
        q = raw.find(_fold(r.quote), s0)
        assert 0 <= q < s1, (r.article_id, r.quote)
        located.append({**r._asdict(), "start": q, "end": q + len(r.quote)})
    return table, pd.DataFrame(located)


def _match(truth_row, table: pd.DataFrame) -> pd.Series | None:
    same = table[table["article_id"] == truth_row["article_id"]]
    overlap = same[(same["start"] < truth_row["end"]) & (same["end"] > truth_row["start"])]
    if overlap.empty:
        return None
    size = overlap[["end", "start"]].min(axis=1).clip(upper=truth_row["end"]) - overlap["start"].clip(
        lower=truth_row["start"])
    return overlap.loc[size.idxmax()]


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(str(text))} - _STOP


def _speaker_ok(truth_row, row) -> bool:
    if truth_row["speaker_actor"]:
        return str(row["speaker_actor"]) == truth_row["speaker_actor"]
    if truth_row["speaker"]:
        return bool(_content(truth_row["speaker"]) & _content(row["speaker"]))
    return str(row["speaker_type"]) == "unknown" and not str(row["speaker_actor"])


@pytest.mark.parametrize("folder", TARGET_FOLDERS)
def test_quote_recall(folder):
    table, truth = _scored(folder)
    rows = truth[truth["kind"].isin(["direct", "partial", "indirect"])]
    missed = [f"{r.article_id}: {r.kind} {r.quote!r}" for r in rows.itertuples() if _match(r._asdict(), table) is None]
    recall = 1 - len(missed) / len(rows)
    assert recall >= RECALL_TARGET, f"quote recall {recall:.2f} < {RECALL_TARGET}; missed:\n" + "\n".join(missed)


@pytest.mark.parametrize("folder", TARGET_FOLDERS)
def test_speaker_accuracy(folder):
    table, truth = _scored(folder)
    rows = truth[truth["kind"].isin(["direct", "partial", "indirect"])]
    pairs, wrong = 0, []
    for r in rows.itertuples():
        t = r._asdict()
        row = _match(t, table)
        if row is None:
            continue
        pairs += 1
        if not _speaker_ok(t, row):
            wrong.append(f"{r.article_id}: {r.quote[:50]!r}: truth {r.speaker!r} ({r.speaker_actor or '-'}), "
                         f"found {row['speaker']!r} ({row['speaker_actor'] or '-'})")
    accuracy = 1 - len(wrong) / pairs
    assert accuracy >= SPEAKER_TARGET, f"speaker accuracy {accuracy:.2f} < {SPEAKER_TARGET}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("folder", FOLDERS)
def test_scare_quotes_get_no_speaker(folder):
    table, truth = _scored(folder)
    named = []
    for r in truth[truth["kind"] == "scare"].itertuples():
        row = _match(r._asdict(), table)
        if row is not None and str(row["speaker_actor"]):
            named.append(f"{r.article_id}: {r.quote!r} given to {row['speaker_actor']}")
    assert not named, "\n".join(named)
