"""What each outlet selects and leaves out, stated from the content units.

Built on :mod:`framing.measures.alignment`.  Every statement compares the folder's articles: with one
article per outlet, "Press TV leaves out X" means "this Press TV article does not tell X, which the
other outlets' articles tell".
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing.core.vocabulary import SELECTION_COLUMNS

NOT_REPORTED = "not reported"


def aligned_table(
    units: pd.DataFrame,
    unit_sentences: pd.DataFrame,
    sentences: pd.DataFrame,
    outlets: Sequence[str],
    *,
    min_outlets: int = 1,
) -> pd.DataFrame:
    """Rows = content units, columns = outlets, cells = the sentences that tell the unit, or
    :data:`NOT_REPORTED`.

    Parameters
    ----------
    units, unit_sentences : DataFrame
        ``units.csv`` and ``unit_sentences.csv`` (:func:`framing.measures.alignment.align`).
    sentences : DataFrame
        The corpus's sentences (for their text).
    outlets : sequence of str
        Column order.
    min_outlets : int
        Keep units told by at least this many outlets.

    Returns
    -------
    DataFrame
        Indexed by ``unit_id``, with a ``told by`` column (how many outlets) and one column per
        outlet; sorted by how many outlets carry the unit, then unit id.  A cell joins the outlet's
        sentences of the unit with " / ", each prefixed by where it stands ("headline", "paragraph 3").
    """
    text = dict(zip(sentences["sentence_id"], sentences["text"].astype(str)))
    keep = units[units["n_outlets"] >= min_outlets]
    cells: dict[tuple[str, str], list[str]] = {}
    for r in unit_sentences.itertuples(index=False):
        where = "headline" if r.in_headline else f"paragraph {int(r.paragraph)}"
        cells.setdefault((r.unit_id, r.outlet), []).append(f"[{where}] {' '.join(text[r.sentence_id].split())}")
    rows = []
    for r in keep.itertuples(index=False):
        row = {"unit_id": r.unit_id, "told by": int(r.n_outlets)}
        for outlet in outlets:
            row[outlet] = " / ".join(dict.fromkeys(cells.get((r.unit_id, outlet), []))) or NOT_REPORTED
        rows.append(row)
    out = pd.DataFrame(rows, columns=["unit_id", "told by", *outlets])
    return out.sort_values(["told by", "unit_id"], ascending=[False, True]).set_index("unit_id")


def selection(coverage: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """For each outlet, what it leaves out that most others tell, and what only it tells.

    Parameters
    ----------
    coverage : DataFrame
        ``coverage.csv`` (:func:`framing.measures.alignment.coverage`).
    units : DataFrame
        ``units.csv``, for the labels.

    Returns
    -------
    DataFrame
        Columns ``outlet, which, unit_id, label, position, told_by_others``: ``which`` is ``leaves
        out`` (a unit more than half of the other outlets tell; with two outlets, the other one) or
        ``only here`` (no other outlet tells it); ``position`` is where the outlet tells it ("lede",
        "paragraph 5"; empty for units it leaves out).  Sorted by outlet, then ``leaves out`` first,
        then units told by more outlets, then position.
    """
    from framing.measures.alignment import exclusives, omissions

    label = dict(zip(units["unit_id"], units["label"]))
    rows = []
    for outlet in pd.unique(coverage["outlet"]):
        for r in omissions(coverage, outlet).itertuples(index=False):
            rows.append((outlet, "leaves out", r.unit_id, label[r.unit_id], "", int(r.carried_by_others)))
        for r in exclusives(coverage, outlet).itertuples(index=False):
            where = "lede" if r.in_lede else f"paragraph {int(r.first_paragraph)}"
            rows.append((outlet, "only here", r.unit_id, label[r.unit_id], where, 0))
    return pd.DataFrame(rows, columns=list(SELECTION_COLUMNS))
