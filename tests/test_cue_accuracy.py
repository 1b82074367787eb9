"""Accuracy of the cue finder on a hand-annotated held-out set.

``tests/fixtures/heldout_cues/`` is an articles folder of fifteen short fictional news articles, written in the
manner of five kinds of outlet (a wire service, a state broadcaster, a Western daily, an Asian daily and a web
portal) about diplomacy, the economy, courts, health and elections.  ``annotations.csv`` lists, for every sentence
of those articles, each cue a reader trained on the suite's cue definitions (hedges and boosters after Hyland
2005, reporting verbs grouped after WP:SAY) finds in it, and each trap: a word that looks like a cue but must not
count ("May" the month, "talked about", "figures showed a rise", a partial quote, ...).  The annotation was made
from the definitions alone, independently of the finder's lexicon; the folder's ``README.md`` states the rules it
follows.

Scoring
-------
An annotation row names its sentence by a unique substring and its cue by the surface text and the occurrence of
that text in the sentence; together they give a character span of the raw file.  A predicted cue (a row of
``find_cues``) matches an annotated cue of the same category in the same sentence when their spans overlap; each
annotation and each prediction is matched at most once, larger overlaps first.

* precision of a category = matched predictions / all predictions of that category; recall = matched
  annotations / all annotations of that category; "overall" pools the five categories (micro-average), so a cue
  found with the wrong category counts once as a false positive and once as a miss;
* a trap is counted when a prediction that matches no annotated cue overlaps it;
* attribution group accuracy = matched attribution cues whose predicted subcategory equals the annotated group /
  matched attribution cues whose annotated group is not ``any`` (the group of the speech-act verbs warned,
  urged, accused, praised, hailed, argued, hinted, speculated, echoed and brushed aside is a design choice and is
  not scored).

Targets: overall precision >= 0.95, overall recall >= 0.90, no trap counted, group accuracy >= 0.90.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from framing.core.vocabulary import CATEGORIES
from framing.load.corpus import load_corpus
from framing.measures.cues import find_cues

FIXTURES = Path(__file__).parent / "fixtures"
FOLDER = FIXTURES / "heldout_cues"
ANNOTATIONS = FOLDER / "annotations.csv"
#: The hand-annotated folders; the finder is scored on each against the same targets.  ``heldout_cues``,
#: ``_b`` and ``_c`` were used, one after the other, to find and fix the finder's errors (each was blind
#: when first scored); ``heldout_cues_d`` was written last and scored blind, then used to fix the traps it
#: found.  ``heldout_cues_dev2`` is a development set written with the rules for permission *may*, past
#: ability *could*, *admitted to hospital*, a headline's noun *claims* and *prove* + adjective in view: it
#: checks those rules on whole articles and is not a blind measurement.  ``heldout_cues_e`` was scored blind
#: (overall precision 0.936, recall 0.953, 8 traps counted) and is now used for development.
#: ``heldout_cues_f`` was scored blind (overall precision 0.942, recall 0.973, 8 traps counted) and is now
#: used for development.  ``heldout_cues_g`` was scored blind (overall precision 0.975, recall 0.981, 4 traps
#: counted) and is now used for development.  ``heldout_cues_h`` was scored blind (overall precision 0.942,
#: recall 0.974, 7 traps counted) and is now used for development.  ``heldout_cues_i`` was scored blind
#: (overall precision 0.906, recall 0.957, 16 traps counted) and is now used for development.
#: ``heldout_cues_j`` was written as a representative sample of ordinary coverage and scored blind (overall
#: precision 0.974, recall 0.980, 4 of 76 traps counted) and is now used for development.
FOLDERS = ("heldout_cues", "heldout_cues_b", "heldout_cues_c", "heldout_cues_d", "heldout_cues_dev2",
           "heldout_cues_e", "heldout_cues_f", "heldout_cues_g", "heldout_cues_h", "heldout_cues_i",
           "heldout_cues_j")
#: Traps the finder still counts, by folder: each a documented limit, checked so that a fix shows up.
KNOWN_TRAPS = {
    # past ability with nothing in the sentence to mark it ("At Vila Nova he could beat a full-back": only
    # the time of the story, which no word of the sentence names, tells it from "At the summit he could
    # announce new sanctions"; a period of the person's past, "as a teenager", "in his prime", is read)
    "heldout_cues_b": 1,
    # "Visitors may still see the empty frames, which the gallery has chosen to leave on the wall": a may of
    # opportunity whose source (the gallery's choice) is no permit verb, term or rule frame, so by the
    # permission rule it stays epistemic, as "residents may still see delays" must; and "she emphasised",
    # counted because the lexicon adds 'emphasise' (outside the METHODS lists) as a near-synonym of the
    # listed 'stressed', where the annotation follows the lists alone
    "heldout_cues_h": 2,
}

MIN_PRECISION = 0.95
MIN_RECALL = 0.90
MIN_GROUP_ACCURACY = 0.90

TRAP = "trap"
LABELS = (*CATEGORIES, TRAP)
GROUPS = ("neutral", "endorsing", "doubting", "concession", "denial", "any")
ANNOTATION_COLUMNS = ["article_id", "sentence", "cue", "occurrence", "label", "group", "note"]

# Curly quotes and the no-break space read as their plain forms when an annotation is located: one character
# for one, so offsets in the folded text are offsets in the raw text.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00a0": " ",
})


def fold(text: str) -> str:
    """``text`` with curly quotes made straight and no-break spaces made plain (same length)."""
    return text.translate(_FOLD)


def occurrences(cue: str, text: str) -> list[int]:
    """Start offsets of ``cue`` in ``text`` as a whole word or phrase (not inside a longer word)."""
    pattern = re.compile(r"(?<!\w)" + re.escape(fold(cue)) + r"(?!\w)")
    return [m.start() for m in pattern.finditer(fold(text))]


def read_annotations(path: Path = ANNOTATIONS) -> pd.DataFrame:
    """The annotation file, every cell a string except ``occurrence`` (int)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    table["occurrence"] = pd.to_numeric(table["occurrence"], errors="coerce").fillna(0).astype(int)
    return table


def locate(annotations: pd.DataFrame, sentences: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Give every annotation row its ``sentence_id``, ``start``, ``end`` (raw-file offsets) and ``text``.

    Returns the located rows and one message per row that could not be located (its sentence substring
    matches no sentence or several of its article, or the cue occurrence is not in the sentence).
    """
    by_article = {aid: g for aid, g in sentences.groupby("article_id", sort=False)}
    located: list[dict] = []
    problems: list[str] = []
    for i, row in enumerate(annotations.itertuples(index=False), start=2):
        where = f"annotations.csv line {i} ({row.article_id}: {row.sentence!r}, {row.cue!r} #{row.occurrence})"
        group = by_article.get(row.article_id)
        if group is None:
            problems.append(f"{where}: no article {row.article_id!r} in the folder")
            continue
        hits = [s for s in group.itertuples(index=False) if fold(row.sentence) in fold(s.text)]
        if len(hits) != 1:
            problems.append(f"{where}: the sentence substring matches {len(hits)} sentences, not exactly one")
            continue
        sent = hits[0]
        starts = occurrences(row.cue, sent.text)
        if not 1 <= row.occurrence <= len(starts):
            problems.append(f"{where}: the sentence has {len(starts)} occurrence(s) of the cue, "
                            f"not occurrence {row.occurrence}")
            continue
        start = sent.start + starts[row.occurrence - 1]
        located.append({**row._asdict(), "sentence_id": sent.sentence_id, "start": start,
                        "end": start + len(row.cue), "text": sent.text})
    columns = [*ANNOTATION_COLUMNS, "sentence_id", "start", "end", "text"]
    return pd.DataFrame(located, columns=columns), problems


@dataclass
class Score:
    """Counts and itemised errors of one comparison of predictions with the annotations."""

    tp: dict[str, int]
    fp: dict[str, int]
    fn: dict[str, int]
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    traps_counted: list[str] = field(default_factory=list)
    group_pairs: int = 0
    group_correct: int = 0
    group_errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(num: int, den: int) -> float:
        return num / den if den else float("nan")

    def precision(self, category: str | None = None) -> float:
        cats = CATEGORIES if category is None else (category,)
        tp = sum(self.tp[c] for c in cats)
        return self._ratio(tp, tp + sum(self.fp[c] for c in cats))

    def recall(self, category: str | None = None) -> float:
        cats = CATEGORIES if category is None else (category,)
        tp = sum(self.tp[c] for c in cats)
        return self._ratio(tp, tp + sum(self.fn[c] for c in cats))

    @property
    def group_accuracy(self) -> float:
        return self._ratio(self.group_correct, self.group_pairs)

    def table(self) -> str:
        """Per-category and overall precision and recall, traps counted and group accuracy, as text."""
        lines = [f"{'category':<12} {'annotated':>9} {'predicted':>9} {'matched':>7} {'precision':>9} {'recall':>6}"]
        for cat in (*CATEGORIES, None):
            cats = CATEGORIES if cat is None else (cat,)
            tp = sum(self.tp[c] for c in cats)
            lines.append(
                f"{cat or 'overall':<12} {tp + sum(self.fn[c] for c in cats):>9} "
                f"{tp + sum(self.fp[c] for c in cats):>9} {tp:>7} {self.precision(cat):>9.3f} {self.recall(cat):>6.3f}"
            )
        lines.append(f"traps counted: {len(self.traps_counted)}")
        lines.append(f"attribution group accuracy: {self.group_accuracy:.3f} "
                     f"({self.group_correct} of {self.group_pairs} matched attribution cues with a group)")
        return "\n".join(lines)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score(gold: pd.DataFrame, predicted: pd.DataFrame, sentences: pd.DataFrame | None = None) -> Score:
    """Compare predicted cues with located annotations (see the module docstring for the rules).

    ``gold`` comes from :func:`locate`; ``predicted`` has at least ``sentence_id, start, end, cue, category,
    subcategory``; ``sentences`` (``sentence_id, text``) gives the text of sentences without annotations for
    the messages.
    """
    tp = dict.fromkeys(CATEGORIES, 0)
    fp = dict.fromkeys(CATEGORIES, 0)
    fn = dict.fromkeys(CATEGORIES, 0)
    result = Score(tp, fp, fn)
    cues = gold[gold["label"] != TRAP].reset_index(drop=True)
    traps = gold[gold["label"] == TRAP].reset_index(drop=True)
    pred = predicted.reset_index(drop=True)
    texts = dict(zip(gold["sentence_id"], gold["text"]))
    if sentences is not None:
        texts.update(zip(sentences["sentence_id"], sentences["text"]))

    matched_gold: dict[int, int] = {}
    matched_pred: dict[int, int] = {}
    for (sid, cat), p_group in pred.groupby(["sentence_id", "category"], sort=False):
        g_group = cues[(cues["sentence_id"] == sid) & (cues["label"] == cat)]
        pairs = sorted(
            ((_overlap(p.start, p.end, g.start, g.end), pi, gi)
             for pi, p in p_group.iterrows() for gi, g in g_group.iterrows()),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        for size, pi, gi in pairs:
            if size > 0 and pi not in matched_pred and gi not in matched_gold:
                matched_pred[pi] = gi
                matched_gold[gi] = pi

    def sentence_of(sid: str) -> str:
        return texts.get(sid, "")

    for pi, p in pred.iterrows():
        cat = p["category"]
        if pi in matched_pred:
            tp[cat] += 1
            g = cues.loc[matched_pred[pi]]
            if cat == "attribution" and g["group"] != "any":
                result.group_pairs += 1
                if p["subcategory"] == g["group"]:
                    result.group_correct += 1
                else:
                    result.group_errors.append(
                        f"[{p['sentence_id']}] {p['cue']!r}: predicted {p['subcategory']!r}, annotated "
                        f"{g['group']!r} ({g['note']})\n      {sentence_of(p['sentence_id'])}")
            continue
        fp[cat] += 1
        same = traps[(traps["sentence_id"] == p["sentence_id"])]
        hit = [t for _, t in same.iterrows() if _overlap(p["start"], p["end"], t["start"], t["end"])]
        other = cues[(cues["sentence_id"] == p["sentence_id"]) & (cues["label"] != cat)]
        wrong = [g for _, g in other.iterrows() if _overlap(p["start"], p["end"], g["start"], g["end"])]
        why = ""
        if hit:
            why = "; TRAP: " + "; ".join(t["note"] for t in hit)
            for t in hit:
                result.traps_counted.append(
                    f"[{p['sentence_id']}] {t['cue']!r} counted as {cat}: {t['note']}\n"
                    f"      {sentence_of(p['sentence_id'])}")
        elif wrong:
            why = "; annotated as " + ", ".join(f"{g['label']} ({g['note']})" for g in wrong)
        sub = f"/{p['subcategory']}" if isinstance(p["subcategory"], str) and p["subcategory"] else ""
        result.false_positives.append(
            f"{cat}{sub} [{p['sentence_id']}] {p['cue']!r}{why}\n      {sentence_of(p['sentence_id'])}")

    for gi, g in cues.iterrows():
        if gi in matched_gold:
            continue
        fn[g["label"]] += 1
        group = f"/{g['group']}" if g["group"] else ""
        result.misses.append(f"{g['label']}{group} [{g['sentence_id']}] {g['cue']!r} ({g['note']})\n"
                             f"      {g['text']}")
    return result


def report(result: Score, *, misses: bool = True, false_positives: bool = True) -> str:
    """The score table followed by the itemised errors, for an assertion message."""
    parts = ["", result.table()]
    if misses:
        parts += [f"\nMISSES ({len(result.misses)}):", *sorted(result.misses)]
    if false_positives:
        parts += [f"\nFALSE POSITIVES ({len(result.false_positives)}):", *sorted(result.false_positives)]
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FOLDER)


@pytest.fixture(scope="module")
def gold(corpus):
    located, problems = locate(read_annotations(), corpus.sentences)
    assert not problems, "annotations.csv cannot be located:\n" + "\n".join(problems)
    return located


@pytest.fixture(scope="module", params=FOLDERS)
def result(request):
    folder = FIXTURES / request.param
    corpus = load_corpus(folder)
    located, problems = locate(read_annotations(folder / "annotations.csv"), corpus.sentences)
    assert not problems, "annotations.csv cannot be located:\n" + "\n".join(problems)
    return score(located, find_cues(corpus.sentences, corpus.quotes), corpus.sentences)


# --------------------------------------------------------------------------------------------- the annotation file


def test_annotation_file_is_consistent(corpus):
    table = read_annotations()
    assert list(table.columns) == ANNOTATION_COLUMNS
    bad_label = table[~table["label"].isin(LABELS)]
    assert bad_label.empty, f"unknown labels:\n{bad_label}"
    attribution = table["label"] == "attribution"
    bad_group = table[(attribution & ~table["group"].isin(GROUPS)) | (~attribution & (table["group"] != ""))]
    assert bad_group.empty, f"attribution rows need a group, the others none:\n{bad_group}"
    assert (table["occurrence"] >= 1).all(), "occurrence must be a positive integer"
    assert (table["note"].str.strip() != "").all(), "every row needs a note saying why"
    dupes = table[table.duplicated(["article_id", "sentence", "cue", "occurrence"], keep=False)]
    assert dupes.empty, f"duplicate rows:\n{dupes}"

    located, problems = locate(table, corpus.sentences)
    assert not problems, "\n".join(problems)
    assert len(located) == len(table)

    # Two true cues never share characters (a cue may lie inside a trap, e.g. a hedge inside a partial quote).
    cues = located[located["label"] != TRAP]
    for sid, g in cues.groupby("sentence_id"):
        spans = sorted(zip(g["start"], g["end"], g["cue"]))
        for (_, e1, c1), (s2, _, c2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{sid}: annotated cues {c1!r} and {c2!r} overlap"

    # The cue text at the located offsets is the cue of the row, in the raw file.
    for row in located.itertuples(index=False):
        raw = corpus.texts[row.article_id][row.start:row.end]
        assert fold(raw) == fold(row.cue), (row.cue, raw)

    # Every article is annotated, and the set has the size and spread it was built for.
    assert set(table["article_id"]) == set(corpus.articles["article_id"])
    assert 12 <= len(corpus.articles) <= 16
    assert corpus.articles["outlet"].nunique() == 5
    counts = table["label"].value_counts()
    assert all(counts.get(c, 0) >= 5 for c in CATEGORIES), counts
    assert counts[TRAP] >= 40
    assert len(table) - counts[TRAP] >= 150
    assert set(table.loc[attribution, "group"]) == set(GROUPS)


def test_heldout_folder_loads_as_written(corpus):
    """The pages load without notices; headlines, bylines, datelines and "Read more" lines fall where written."""
    assert corpus.notices == []
    sents = corpus.sentences
    assert (sents.groupby("article_id")["role"].first() == "headline").all()
    chrome = corpus.lines[~corpus.lines["is_body"]]["text"].str.strip()
    assert chrome.str.startswith("Read more:").sum() == 3
    assert not sents["text"].str.contains("Read more|By Petra Lunde|Reporting by", regex=True).any()
    # the standfirsts of three pages are body text (they end with a full stop)
    assert sents["text"].str.startswith("Economists say the central bank").any()


def test_scorer_on_hand_built_predictions(gold):
    """The scorer itself, on predictions built by hand from the annotations (not from the finder)."""
    cues = gold[gold["label"] != TRAP]
    perfect = pd.DataFrame({
        "sentence_id": cues["sentence_id"], "start": cues["start"], "end": cues["end"], "cue": cues["cue"],
        "category": cues["label"], "subcategory": cues["group"].where(cues["group"] != "any", "neutral"),
    })
    ideal = score(gold, perfect)
    assert ideal.precision() == 1.0 and ideal.recall() == 1.0
    assert ideal.traps_counted == [] and ideal.group_accuracy == 1.0

    # one cue dropped, one trap predicted, one attribution group wrong, one category wrong
    trap = gold[(gold["label"] == TRAP) & (gold["cue"] == "May")].iloc[0]
    flawed = perfect.iloc[1:].copy()
    flawed = pd.concat([flawed, pd.DataFrame([{
        "sentence_id": trap["sentence_id"], "start": trap["start"], "end": trap["end"], "cue": "May",
        "category": "hedge", "subcategory": "",
    }])], ignore_index=True)
    said = flawed.index[(flawed["cue"] == "said") & (flawed["subcategory"] == "neutral")][0]
    flawed.loc[said, "subcategory"] = "doubting"
    hedge = flawed.index[flawed["category"] == "hedge"][0]
    flawed.loc[hedge, "category"] = "booster"
    got = score(gold, flawed)
    n = len(cues)
    assert sum(got.fn.values()) == 2  # the dropped cue and the hedge turned booster
    assert sum(got.fp.values()) == 2  # the trap and the booster
    assert got.recall() == pytest.approx((n - 2) / n)
    assert got.precision() == pytest.approx((n - 2) / n)
    assert len(got.traps_counted) == 1 and "May the month" in got.traps_counted[0]
    assert got.group_pairs - got.group_correct == 1
    # a prediction that overlaps its annotation only in part still matches
    partial = perfect.copy()
    partial["end"] = partial["start"] + 1
    assert score(gold, partial).recall() == 1.0


# --------------------------------------------------------------------------------------------- the finder


def test_cue_precision_and_recall(result):
    ok = result.precision() >= MIN_PRECISION and result.recall() >= MIN_RECALL
    assert ok, (f"overall precision {result.precision():.3f} (target {MIN_PRECISION}), recall "
                f"{result.recall():.3f} (target {MIN_RECALL})" + report(result))


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_trap_counted(folder):
    corpus = load_corpus(FIXTURES / folder)
    located, problems = locate(read_annotations(FIXTURES / folder / "annotations.csv"), corpus.sentences)
    assert not problems
    result = score(located, find_cues(corpus.sentences, corpus.quotes), corpus.sentences)
    counted = len(result.traps_counted)
    # The target is no trap at all; a folder with known limits may count exactly those, no more and no fewer.
    assert counted == KNOWN_TRAPS.get(folder, 0), (
        f"{counted} trap(s) counted as cues (known: {KNOWN_TRAPS.get(folder, 0)}):\n"
        + "\n".join(sorted(result.traps_counted)) + "\n" + result.table())


def test_attribution_group_accuracy(result):
    assert result.group_pairs > 0
    assert result.group_accuracy >= MIN_GROUP_ACCURACY, (
        f"attribution group accuracy {result.group_accuracy:.3f} (target {MIN_GROUP_ACCURACY}):\n"
        + "\n".join(sorted(result.group_errors)) + "\n" + result.table())
