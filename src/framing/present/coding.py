"""Frame coding by hand: the questions, the form, the coders' files and their agreement.

A coder reads one article and answers two sets of questions:

* **Entman's four functions of a frame** (Entman 1993): for each of problem definition, causal
  interpretation, moral evaluation and treatment recommendation, the sentence of the article that
  carries it, or ``none``;
* **Semetko & Valkenburg's generic frames** (Semetko & Valkenburg 2000): yes/no questions for the
  conflict, human-interest, economic-consequences, morality and responsibility frames (the
  substance of their published questions, in this suite's words, for text without pictures).

Where the answers go
--------------------
Each save writes one CSV file into the *coding folder* of the articles folder: ``$FRAMING_CODING_DIR``
when that is set, otherwise the folder ``<articles folder name>-coding`` next to the articles
folder (for ``data/raw/my-event`` it is ``data/raw/my-event-coding``).  It lies outside the
articles folder (so saving does not change the analysis) and outside every reports folder (so the
report build never replaces it).  A file is named after its coder (``<coder>.csv``); an existing
file is never overwritten: the next save of the same coder goes to ``<coder>-2.csv``, ``-3`` and so
on, and :func:`read_codings` keeps each coder's latest answer to every question.

Agreement
---------
:func:`agreement` compares coders item by item (an item is one article x one question):
Cohen's kappa (``sklearn.metrics.cohen_kappa_score``) for two coders, Krippendorff's alpha
(the ``krippendorff`` package, nominal level) for three or more, and the plain share of items
on which all coders agree.  :func:`disagreements` lists the items where they differ.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path
from typing import Literal

import pandas as pd

from framing.core.outputs import guard_formulas, unguard_formulas
from framing.core.vocabulary import CODING_COLUMNS

CODING_ENV = "FRAMING_CODING_DIR"
"""Environment variable naming the coding folder (overrides the folder beside the articles)."""

CODING_SUFFIX = "-coding"
"""The coding folder of ``…/my-event`` is ``…/my-event-coding``."""

FORM_NOTE = ("The coding form needs a running notebook (make lab). On paper: teaching/coding-sheet.html in the "
             "reports; the questions are listed above.")
"""What a saved page shows in place of the form."""

SAMPLE_DIR = files("framing") / "data" / "coding_sample"
"""Made-up answers of three sample coders to two made-up articles, to show the agreement notebook at work."""

NONE = "none"
YES, NO = "yes", "no"

ItemKind = Literal["function", "frame"]


@dataclass(frozen=True)
class Question:
    """One question of the coding sheet.

    Attributes
    ----------
    item : str
        Short key, the ``item`` column of the coders' files (``problem``, ``conflict_1`` ...).
    kind : {"function", "frame"}
        An Entman function (answered with a sentence) or a generic-frame question (yes/no).
    group : str
        The function's name, or the generic frame the question belongs to.
    text : str
        The question as the coder reads it.
    """

    item: str
    kind: ItemKind
    group: str
    text: str


ENTMAN_FUNCTIONS: tuple[Question, ...] = (
    Question("problem", "function", "problem definition",
             "Which sentence says what the problem or the issue is (what is happening, and to whom)?"),
    Question("cause", "function", "causal interpretation",
             "Which sentence says who or what causes the problem?"),
    Question("moral", "function", "moral evaluation",
             "Which sentence judges someone or something as good or bad, right or wrong?"),
    Question("remedy", "function", "treatment recommendation",
             "Which sentence says what should be done about it, or what will put it right?"),
)
"""Entman (1993): a frame selects aspects of reality and makes them salient so as to promote a problem
definition, a causal interpretation, a moral evaluation and/or a treatment recommendation."""

GENERIC_FRAMES: tuple[Question, ...] = (
    Question("conflict_1", "frame", "conflict",
             "Does the article show parties, people, groups or countries disagreeing?"),
    Question("conflict_2", "frame", "conflict", "Does one side blame, criticise or rebuke another?"),
    Question("conflict_3", "frame", "conflict", "Does the article present two or more sides of the issue?"),
    Question("conflict_4", "frame", "conflict", "Does the article speak of winners and losers?"),
    Question("human_1", "frame", "human interest",
             "Does the article give the issue a human face or a personal example?"),
    Question("human_2", "frame", "human interest",
             "Does it use descriptive words or personal stories that stir anger, sympathy or compassion?"),
    Question("human_3", "frame", "human interest", "Does it stress how people or groups are affected by the issue?"),
    Question("human_4", "frame", "human interest",
             "Does it go into the private or personal lives of the people in it?"),
    Question("human_5", "frame", "human interest",
             "Does it describe scenes or images meant to move the reader (outrage, sympathy, compassion)?"),
    Question("economic_1", "frame", "economic consequences", "Does it mention money lost or gained, now or later?"),
    Question("economic_2", "frame", "economic consequences",
             "Does it mention what something costs or how expensive it is?"),
    Question("economic_3", "frame", "economic consequences",
             "Does it mention the economic consequences of acting or not acting?"),
    Question("morality_1", "frame", "morality", "Does the article carry a moral message?"),
    Question("morality_2", "frame", "morality", "Does it refer to morality, God or religious teaching?"),
    Question("morality_3", "frame", "morality", "Does it prescribe how people ought to behave?"),
    Question("responsibility_1", "frame", "responsibility",
             "Does it suggest that a government (of any level) is able to ease the problem?"),
    Question("responsibility_2", "frame", "responsibility",
             "Does it suggest that a government (of any level) is responsible for the problem?"),
    Question("responsibility_3", "frame", "responsibility", "Does it propose a solution to the problem?"),
    Question("responsibility_4", "frame", "responsibility",
             "Does it suggest that a person or a group in society is responsible for the problem?"),
    Question("responsibility_5", "frame", "responsibility", "Does it suggest that the problem needs urgent action?"),
)
"""Semetko & Valkenburg (2000): questions whose yes answers mark the five generic news frames, worded here
for articles read as text (their question about pictures becomes one about described scenes)."""

QUESTIONS: tuple[Question, ...] = ENTMAN_FUNCTIONS + GENERIC_FRAMES
FRAME_NAMES: tuple[str, ...] = tuple(dict.fromkeys(q.group for q in GENERIC_FRAMES))


def coding_dir(articles_dir: str | os.PathLike[str] | None) -> Path:
    """The coding folder of ``articles_dir`` (None: the seed event): ``$FRAMING_CODING_DIR``, else
    ``<name>-coding`` beside the folder."""
    if os.environ.get(CODING_ENV):
        return Path(os.environ[CODING_ENV])
    if articles_dir is None:
        from framing.core import paths

        articles_dir = paths.SEED_EVENT_DIR
    folder = Path(articles_dir).resolve()
    return folder.parent / f"{folder.name}{CODING_SUFFIX}"


def coder_slug(coder: str) -> str:
    """A file name for ``coder``: letters, digits, ``-`` and ``_`` kept, anything else a dash.

    Raises
    ------
    ValueError
        When nothing usable is left (an empty or all-punctuation name).
    """
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", str(coder).strip()).strip("-_").lower()[:60]
    if not slug:
        raise ValueError(f"a coder needs a name made of letters or digits, not {coder!r}")
    return slug


def sentence_options(sentences: pd.DataFrame, article_id: str, *, width: int = 90) -> list[tuple[str, str]]:
    """The choices for an Entman function in one article: ``(label, sentence_id)``, ``none`` first.

    The label is the sentence's paragraph and its text cut at ``width`` characters.  Only the headline and
    body sentences of the article are offered.
    """
    mine = sentences[sentences["article_id"].astype(str) == str(article_id)]
    options = [("(no sentence does this)", NONE)]
    for r in mine.itertuples(index=False):
        text = " ".join(str(r.text).split())
        short = text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"
        options.append((f"¶{r.paragraph}: {short}", str(r.sentence_id)))
    return options


def coding_rows(coder: str, answers: dict[tuple[str, str], str], sentences: pd.DataFrame, *,
                saved_at: str | None = None) -> pd.DataFrame:
    """The rows of one coder's file from the answers of the form.

    Parameters
    ----------
    coder : str
        The coder's name, as written in the file.
    answers : dict
        ``(article_id, item) -> answer``: a ``sentence_id`` or ``none`` for a function, ``yes`` or ``no``
        for a frame question.  Unanswered questions are left out (no row).
    sentences : DataFrame
        The sentences table (``article_id, outlet, sentence_id, text``): gives each row its outlet and the
        chosen sentence's text.
    saved_at : str, optional
        ISO time of the save; default now (UTC).

    Raises
    ------
    ValueError
        For an unknown item or an answer the item does not allow.
    """
    kinds = {q.item: q.kind for q in QUESTIONS}
    text = dict(zip(sentences["sentence_id"].astype(str), sentences["text"].astype(str)))
    outlet = dict(zip(sentences["article_id"].astype(str), sentences["outlet"].astype(str)))
    sentence_article = dict(zip(sentences["sentence_id"].astype(str), sentences["article_id"].astype(str)))
    when = saved_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
    order = {q.item: i for i, q in enumerate(QUESTIONS)}
    rows = []
    for (article_id, item), answer in sorted(answers.items(), key=lambda kv: (str(kv[0][0]), order.get(kv[0][1], 99))):
        if answer is None or str(answer) == "":
            continue
        if item not in kinds:
            raise ValueError(f"unknown coding item {item!r}")
        answer = str(answer)
        if kinds[item] == "frame" and answer not in (YES, NO):
            raise ValueError(f"{item} is answered yes or no, not {answer!r}")
        if kinds[item] == "function" and answer != NONE and sentence_article.get(answer) != str(article_id):
            raise ValueError(f"{item} of {article_id} must be one of its sentences or {NONE!r}, not {answer!r}")
        chosen = kinds[item] == "function" and answer != NONE
        rows.append({"coder": str(coder), "article_id": str(article_id), "outlet": outlet.get(str(article_id), ""),
                     "item": item, "kind": kinds[item], "answer": answer,
                     "sentence_id": answer if chosen else "", "sentence_text": text.get(answer, "") if chosen else "",
                     "saved_at": when})
    return pd.DataFrame(rows, columns=list(CODING_COLUMNS))


def write_coding(rows: pd.DataFrame, folder: str | os.PathLike[str], coder: str) -> Path:
    """Write one coder's rows to a new file of ``folder`` and return its path; never overwrite.

    The file is ``<coder>.csv`` (see :func:`coder_slug`); when that exists, ``<coder>-2.csv``, ``-3`` ...
    The file is created exclusively (``open(..., "x")``), so two saves at once cannot write the same file.

    Raises
    ------
    ValueError
        When ``rows`` is empty (nothing answered) or holds another coder's rows.
    """
    if rows.empty:
        raise ValueError("nothing to save: no question is answered")
    if set(rows["coder"].astype(str)) != {str(coder)}:
        raise ValueError(f"the rows are not all of coder {coder!r}")
    slug = coder_slug(coder)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        path = out / (f"{slug}.csv" if n == 1 else f"{slug}-{n}.csv")
        try:
            handle = path.open("x", encoding="utf-8", newline="")
        except FileExistsError:
            continue
        with handle:
            writer = csv.writer(handle)
            writer.writerow(CODING_COLUMNS)
            # sentence text is article text: kept from being read as a formula in a spreadsheet
            for r in guard_formulas(rows[list(CODING_COLUMNS)]).itertuples(index=False):
                writer.writerow(["" if pd.isna(v) else str(v) for v in r])
        return path
    raise FileExistsError(f"{out} holds too many files of coder {slug}")


def read_codings(folder: str | os.PathLike[str]) -> pd.DataFrame:
    """Every coder's answers in ``folder`` (``*.csv`` with the coding columns), one row per coder x article x item.

    Files are read in name order; when a coder answered the same item of the same article in more than
    one file, the answer with the latest ``saved_at`` is kept.  Files without the coding columns are
    skipped.  Returns an empty table with :data:`CODING_COLUMNS` when there is nothing to read.
    """
    frames = []
    folder = Path(folder)
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        if not set(CODING_COLUMNS) <= set(table.columns):
            continue
        table = unguard_formulas(table)
        frames.append(table[list(CODING_COLUMNS)].assign(file=path.name))
    if not frames:
        return pd.DataFrame(columns=[*CODING_COLUMNS, "file"])
    table = pd.concat(frames, ignore_index=True)
    table = table.sort_values(["saved_at", "file"], kind="stable")
    table = table.drop_duplicates(["coder", "article_id", "item"], keep="last")
    return table.sort_values(["coder", "article_id", "item"], kind="stable").reset_index(drop=True)


def answer_matrix(codings: pd.DataFrame) -> pd.DataFrame:
    """Items x coders: one row per ``(article_id, item)``, one column per coder, the answer or NaN."""
    if codings.empty:
        return pd.DataFrame()
    return codings.pivot_table(index=["article_id", "item"], columns="coder", values="answer", aggfunc="first")


def cohen_kappa(a, b) -> float:
    """Cohen's kappa of two coders over the same units (``sklearn.metrics.cohen_kappa_score``).

    ``kappa = (p_o - p_e) / (1 - p_e)``: ``p_o`` the share of units both code the same, ``p_e`` the share
    expected by chance from each coder's own category shares, ``sum_k p_a(k) * p_b(k)``.  1 is perfect
    agreement, 0 chance level, below 0 worse than chance.  NaN when ``p_e`` is 1 (both coders used one
    and the same category throughout: kappa is undefined).  Cohen (1960).
    """
    from sklearn.metrics import cohen_kappa_score

    a, b = [str(x) for x in a], [str(x) for x in b]
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two equally long, non-empty lists of answers")
    if len(set(a) | set(b)) == 1:
        return float("nan")
    return float(cohen_kappa_score(a, b))


def krippendorff_alpha(matrix: pd.DataFrame) -> float:
    """Krippendorff's alpha, nominal, of a units x coders table (NaN = not coded), with the ``krippendorff`` package.

    ``alpha = 1 - D_o / D_e``: ``D_o`` the observed share of mismatching pairable values (within units),
    ``D_e`` the share expected from all pairable values pooled.  Units coded by fewer than two coders do not
    count.  1 is perfect agreement, 0 chance level.  NaN when fewer than two distinct values occur
    (alpha is undefined).  Krippendorff (2011), *Computing Krippendorff's alpha-reliability*.
    """
    import krippendorff
    import numpy as np

    values = sorted({str(v) for v in matrix.to_numpy().ravel() if isinstance(v, str) or pd.notna(v)})
    if len(values) < 2:
        return float("nan")
    code = {v: float(i) for i, v in enumerate(values)}
    data = np.array([[code[str(v)] if (isinstance(v, str) or pd.notna(v)) else np.nan for v in matrix[c]]
                     for c in matrix.columns])
    pairable = (np.sum(~np.isnan(data), axis=0) >= 2)
    if pairable.sum() == 0:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=data[:, pairable], level_of_measurement="nominal",
                                    value_domain=list(code.values())))


def agreement(codings: pd.DataFrame) -> pd.DataFrame:
    """Agreement of the coders, per group of questions and overall.

    One row per ``group`` (each Entman function pooled as ``functions``, each generic frame, and ``all frame
    questions``): ``group, n_coders, n_items, percent_agreement, statistic, value``.  ``n_items`` counts the
    article x question items coded by at least two coders; ``percent_agreement`` is the share of those on
    which every coder gave the same answer; ``statistic`` is ``Cohen's kappa`` with two coders (over the
    items both coded) or ``Krippendorff's alpha (nominal)`` with three or more.
    """
    columns = ["group", "n_coders", "n_items", "percent_agreement", "statistic", "value"]
    matrix = answer_matrix(codings)
    if matrix.empty or matrix.shape[1] < 2:
        return pd.DataFrame(columns=columns)
    groups = {q.item: ("functions" if q.kind == "function" else q.group) for q in QUESTIONS}
    items = matrix.index.get_level_values("item")
    selections = [("functions", items.map(lambda i: groups.get(i) == "functions"))]
    selections += [(name, items.map(lambda i, n=name: groups.get(i) == n)) for name in FRAME_NAMES]
    selections.append(("all frame questions", items.map(lambda i: groups.get(i) not in (None, "functions"))))
    rows = []
    for name, mask in selections:
        part = matrix[list(mask)]
        part = part[part.notna().sum(axis=1) >= 2]
        if part.empty:
            continue
        same = part.apply(lambda r: r.dropna().nunique() == 1, axis=1)
        if part.shape[1] == 2:
            both = part.dropna()
            value = cohen_kappa(both.iloc[:, 0], both.iloc[:, 1]) if len(both) else float("nan")
            statistic = "Cohen's kappa"
        else:
            value, statistic = krippendorff_alpha(part), "Krippendorff's alpha (nominal)"
        rows.append({"group": name, "n_coders": int(part.notna().any().sum()), "n_items": len(part),
                     "percent_agreement": float(same.mean()), "statistic": statistic, "value": value})
    return pd.DataFrame(rows, columns=columns)


def pairwise_kappa(codings: pd.DataFrame, *, kind: ItemKind = "frame") -> pd.DataFrame:
    """Cohen's kappa of every pair of coders over the items of ``kind`` both coded: ``coder_a, coder_b,
    n_items, percent_agreement, kappa`` (see :func:`cohen_kappa`)."""
    from itertools import combinations

    columns = ["coder_a", "coder_b", "n_items", "percent_agreement", "kappa"]
    chosen = codings[codings["kind"] == kind]
    matrix = answer_matrix(chosen)
    rows = []
    for a, b in combinations(list(matrix.columns), 2):
        both = matrix[[a, b]].dropna()
        if both.empty:
            continue
        rows.append({"coder_a": a, "coder_b": b, "n_items": len(both),
                     "percent_agreement": float((both[a] == both[b]).mean()),
                     "kappa": cohen_kappa(both[a], both[b])})
    return pd.DataFrame(rows, columns=columns)


def disagreements(codings: pd.DataFrame) -> pd.DataFrame:
    """The items on which the coders differ: ``article_id, outlet, item, question`` and one column per coder.

    An Entman answer shows the chosen sentence's id; read its text in the coders' files.
    """
    matrix = answer_matrix(codings)
    if matrix.empty:
        return pd.DataFrame(columns=["article_id", "outlet", "item", "question"])
    differ = matrix[matrix.apply(lambda r: r.dropna().nunique() > 1, axis=1)].reset_index()
    outlet = dict(zip(codings["article_id"], codings["outlet"]))
    text = {q.item: q.text for q in QUESTIONS}
    differ.insert(1, "outlet", differ["article_id"].map(outlet))
    differ.insert(3, "question", differ["item"].map(text))
    differ.columns.name = None
    return differ


def coding_form(analysis, folder: str | os.PathLike[str], *, articles: list[str] | None = None):
    """The coding form (ipywidgets): a coder name, one tab per article, a save button.

    Each tab has a drop-down of the article's sentences for each Entman function and yes/no buttons for each
    generic-frame question (unanswered until clicked).  Nothing is written until the save button is
    clicked; then :func:`coding_rows` and :func:`write_coding` write a new file in ``folder`` and the form
    says which.  Returns the form widget; ``form.save`` is the button and ``form.fields`` maps
    ``(article_id, item)`` to its widget.
    """
    import ipywidgets as w

    sentences = analysis.corpus.sentences
    ids = articles or [str(a) for a in analysis.corpus.articles["article_id"]]
    outlet = dict(zip(analysis.corpus.articles["article_id"].astype(str), analysis.corpus.articles["outlet"]))
    fields: dict[tuple[str, str], object] = {}
    tabs = []
    wide = w.Layout(width="98%")
    for article_id in ids:
        options = [("(not answered)", "")] + sentence_options(sentences, article_id)
        parts = [w.HTML("<b>Entman's four functions</b>: pick the sentence that carries each.")]
        for q in ENTMAN_FUNCTIONS:
            field = w.Dropdown(options=options, value="", description=q.group, layout=wide,
                               style={"description_width": "12rem"})
            fields[(article_id, q.item)] = field
            parts += [w.Label(q.text), field]
        for frame in FRAME_NAMES:
            parts.append(w.HTML(f"<b>{frame.capitalize()} frame</b>"))
            for q in (g for g in GENERIC_FRAMES if g.group == frame):
                field = w.ToggleButtons(options=[("not answered", ""), ("yes", YES), ("no", NO)], value="")
                fields[(article_id, q.item)] = field
                parts.append(w.HBox([field, w.Label(q.text)]))
        tabs.append(w.VBox(parts))
    tab = w.Tab(children=tabs)
    for i, article_id in enumerate(ids):
        tab.set_title(i, f"{outlet.get(article_id, '')} ({article_id})")
    coder = w.Text(description="Coder", placeholder="your name")
    save = w.Button(description="Save my answers", button_style="")
    message = w.Output()

    def on_save(_button) -> None:
        message.clear_output()
        with message:
            try:
                answers = {key: field.value for key, field in fields.items()}
                rows = coding_rows(coder.value, answers, sentences)
                path = write_coding(rows, folder, coder.value) if coder.value.strip() else None
                if path is None:
                    print("Write your name in the Coder box first.")
                else:
                    print(f"Saved {len(rows)} answers to {path}")
            except (ValueError, OSError) as exc:
                print(f"Not saved: {exc}")

    save.on_click(on_save)

    class CodingForm(w.VBox):
        def _repr_mimebundle_(self, **kwargs):  # a saved page has no widgets: say where the questions are
            bundle = super()._repr_mimebundle_(**kwargs)
            if isinstance(bundle, dict):
                bundle["text/plain"] = FORM_NOTE
            return bundle

    form = CodingForm([coder, tab, save, message])
    form.save, form.coder, form.fields, form.message = save, coder, fields, message
    return form
