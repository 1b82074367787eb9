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
#: apart from it and scored blind (quote recall 0.86, speaker accuracy 0.86: indirect speech after a comma
#: without "that", speakers named only after a description or in the next paragraph, pronouns and
#: descriptions resolved to the wrong person); the rules for those misses were then written against it, so it
#: is a development set now, like ``heldout_quotes_dev2``, which was written to hold those patterns and their
#: traps (a comma clause that is not speech, "said" that reports nothing, organisations, an unbalanced
#: quotation, a quotation over two paragraphs, quotations with no findable speaker).
#: ``heldout_quotes_c`` was written apart from all of these and scored blind (quote recall 0.95, speaker
#: accuracy 0.89: a name after a long description with a curly apostrophe, a headline kicker and a passive
#: noun phrase taken as speakers, pronouns and context left unresolved); it is now used for development too.
#: ``heldout_quotes_d`` was written apart from all of these and scored blind (quote recall 0.95, speaker
#: accuracy 0.87: indirect speech after "warned" and "noted", organisations given where the person who spoke
#: for them was meant, a place phrase before the name, documents issued "by" or "of" a body, an actor named by
#: its description, a relative clause about an anonymous person taken as a speaker); it is now used for
#: development too.
#: ``heldout_quotes_e`` was written apart from all of these and scored blind (quote recall 0.89, speaker
#: accuracy 0.95: a wire lead whose verbs take bare objects, reporting clauses closed by "on condition of
#: anonymity" or "on social media", "called X Y" verdicts without quotation marks, a headline "Title: claim"
#: without quotation marks, "state media report" closing a sentence, "a ministry spokesman" given to the person
#: that description stands for in another article, "the police" after "the traffic police", a diary entry
#: that "reads", "the officer" after "a Border Guard officer"); it is now used for development too.
#: ``heldout_quotes_f`` was written apart from all of these and scored blind (quote recall 0.91, speaker
#: accuracy 0.85: interview transcripts with unquoted ``Q:``/``A:`` lines, a name after a description with a
#: relative clause, a place label before a headline quote, nested speech inside a quote, pronouns resolved to
#: the wrong woman, analysts "at" a bank, "in his words", "the Minister" resolved to another minister, a
#: translated "statement of the company", long association names with prepositions, "called on X not to",
#: "whether" questions after "asked"); it is now used for development too.
#: ``heldout_quotes_g`` was written apart from all of these and scored blind (quote recall 0.85, speaker
#: accuracy 0.82: impersonal "It is understood that" and "the court heard that", "suggested that" and "accepted
#: that", "warned jurors not to", "Asked by X whether", research texts without "that" ("the data suggest") or
#: closing the sentence ("a study published on Thursday has found") and their study team as speaker, a headline
#: "..., scientists say", a participle taken as the verb ("in a video posted online"), "In a second post she",
#: pronouns inside a quotation given to its own speaker, "court told" as the speaker of a headline quote, a
#: report's word inside an officer's reported clause); it is now used for development too.
#: ``heldout_quotes_h`` was written apart from all of these as a representative sample of ordinary coverage (a
#: wire service, a state broadcaster's English site, a broadsheet, a regional daily; two events) rather than new
#: styles, and scored blind after the rules for ``heldout_quotes_g`` were in: quote recall 0.98, speaker accuracy
#: 0.96 (missed: a broadcaster's lead whose source comes two sentences later, "instructed ministers to"; wrong: a
#: document named with its publisher, a party leader taken for his party, a website notice without its owner).
#: One rule was then written for what it showed (a person named before an appositive that names a body); its
#: other misses are left as found.
FOLDERS = ("heldout_quotes", "heldout_quotes_b", "heldout_quotes_dev2", "heldout_quotes_c", "heldout_quotes_d",
           "heldout_quotes_e", "heldout_quotes_f", "heldout_quotes_g", "heldout_quotes_h")
#: The folders scored against the targets.
TARGET_FOLDERS = FOLDERS
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
    size = overlap["end"].clip(upper=truth_row["end"]) - overlap["start"].clip(lower=truth_row["start"])
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
