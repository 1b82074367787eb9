"""Frame coding: the questions, the coders' files (never overwritten), agreement against hand-worked values."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from framing.present import coding

# Two made-up articles in the register of a regional daily and a wire service.
SENTENCES = pd.DataFrame(
    [("a1", "Harbour Post", "a1-001", 0, "headline", "Ferry fares to rise as operator cites fuel bill"),
     ("a1", "Harbour Post", "a1-002", 1, "body", "The island ferry operator will raise fares by 8% in April,"
     " it said on Monday."),
     ("a1", "Harbour Post", "a1-003", 2, "body", "Residents' groups accused the company"
     " of putting profit before islanders."),
     ("a2", "Coast Wire", "a2-001", 0, "headline", "Ferry operator announces fare rise"),
     ("a2", "Coast Wire", "a2-002", 1, "body", "Fares on the island route will go up in April,"
     " the operator announced."),
     ("a2", "Coast Wire", "a2-003", 2, "body", "The regional council said it would ask"
     " the operator to delay the rise.")],
    columns=["article_id", "outlet", "sentence_id", "paragraph", "role", "text"])


def rows_of(coder, answers, when="2026-01-01T00:00:00+00:00"):
    return coding.coding_rows(coder, answers, SENTENCES, saved_at=when)


# --- the questions ---------------------------------------------------------------------------------------------

def test_questions_cover_entmans_four_functions_and_five_generic_frames():
    assert [q.group for q in coding.ENTMAN_FUNCTIONS] == [
        "problem definition", "causal interpretation", "moral evaluation", "treatment recommendation"]
    assert coding.FRAME_NAMES == ("conflict", "human interest", "economic consequences", "morality", "responsibility")
    counts = pd.Series([q.group for q in coding.GENERIC_FRAMES]).value_counts().to_dict()
    # Semetko & Valkenburg (2000): 4 conflict, 5 human-interest, 3 economic, 3 morality, 5 responsibility questions.
    assert counts == {"conflict": 4, "human interest": 5, "economic consequences": 3, "morality": 3,
                      "responsibility": 5}
    items = [q.item for q in coding.QUESTIONS]
    assert len(items) == len(set(items)) == 24
    assert all(q.text.endswith("?") for q in coding.QUESTIONS)


def test_sentence_options_offer_none_and_only_the_articles_own_sentences():
    options = coding.sentence_options(SENTENCES, "a2")
    assert options[0][1] == coding.NONE
    assert [v for _, v in options[1:]] == ["a2-001", "a2-002", "a2-003"]
    assert options[2][0].startswith("¶1: Fares on the island route")


# --- the rows of a coder's file --------------------------------------------------------------------------------

def test_rows_carry_outlet_and_the_chosen_sentence():
    rows = rows_of("Ines", {("a1", "problem"): "a1-002", ("a1", "conflict_2"): "yes", ("a1", "cause"): "none",
                            ("a1", "morality_1"): ""})
    assert list(rows.columns) == list(coding.CODING_COLUMNS)
    assert list(rows["item"]) == ["problem", "cause", "conflict_2"]  # question order; the blank answer left out
    problem = rows.iloc[0]
    assert (problem["outlet"], problem["sentence_id"]) == ("Harbour Post", "a1-002")
    assert problem["sentence_text"].startswith("The island ferry operator")
    assert rows.iloc[1]["sentence_id"] == "" and rows.iloc[1]["answer"] == "none"


def test_rows_refuse_answers_a_question_does_not_allow():
    with pytest.raises(ValueError, match="yes or no"):
        rows_of("Ines", {("a1", "conflict_1"): "a1-002"})  # a sentence given to a yes/no question
    with pytest.raises(ValueError, match="one of its sentences"):
        rows_of("Ines", {("a1", "problem"): "a2-002"})  # another article's sentence
    with pytest.raises(ValueError, match="unknown"):
        rows_of("Ines", {("a1", "bias"): "yes"})


# --- files: never overwritten ----------------------------------------------------------------------------------

def test_a_second_save_gets_a_new_name_and_leaves_the_first_file_as_it_was(tmp_path):
    first = coding.write_coding(rows_of("Ines Roy", {("a1", "conflict_1"): "yes"}), tmp_path, "Ines Roy")
    before = first.read_bytes()
    second = coding.write_coding(rows_of("Ines Roy", {("a1", "conflict_1"): "no"}, "2026-01-02T00:00:00+00:00"),
                                 tmp_path, "Ines Roy")
    assert first.name == "ines-roy.csv" and second.name == "ines-roy-2.csv"
    assert first.read_bytes() == before
    # The reader keeps the coder's latest answer.
    read = coding.read_codings(tmp_path)
    assert read.loc[read["item"] == "conflict_1", "answer"].tolist() == ["no"]


def test_sentence_text_is_kept_from_spreadsheet_formulas_and_read_back_exactly(tmp_path):
    rows = rows_of("Ines", {("a1", "problem"): "a1-002"})
    rows.loc[0, "sentence_text"] = '=HYPERLINK("http://example.invalid","click")'
    rows.loc[0, "outlet"] = "Harbour Post"
    path = coding.write_coding(rows, tmp_path, "Ines")
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert written[0]["sentence_text"].startswith("'=")  # a spreadsheet shows it as text
    assert written[0]["outlet"] == "Harbour Post"  # plain text is left alone
    read = coding.read_codings(tmp_path)
    assert read.loc[0, "sentence_text"] == '=HYPERLINK("http://example.invalid","click")'


def test_an_existing_file_of_another_origin_is_not_overwritten_either(tmp_path):
    (tmp_path / "ines.csv").write_text("my own notes\n", encoding="utf-8")
    path = coding.write_coding(rows_of("Ines", {("a1", "human_1"): "no"}), tmp_path, "Ines")
    assert path.name == "ines-2.csv"
    assert (tmp_path / "ines.csv").read_text(encoding="utf-8") == "my own notes\n"
    assert list(coding.read_codings(tmp_path)["file"]) == ["ines-2.csv"]  # files without the columns are skipped


def test_nothing_answered_or_a_nameless_coder_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="nothing to save"):
        coding.write_coding(rows_of("Ines", {}), tmp_path, "Ines")
    with pytest.raises(ValueError, match="letters or digits"):
        coding.coder_slug(" ?! ")
    assert list(tmp_path.iterdir()) == []


def test_coder_names_cannot_leave_the_coding_folder():
    assert coding.coder_slug("../../etc/passwd") == "etc-passwd"
    assert coding.coder_slug("Ana María") == "ana-mar-a"


def test_the_coding_folder_lies_beside_the_articles_not_inside(tmp_path, monkeypatch):
    monkeypatch.delenv(coding.CODING_ENV, raising=False)
    articles = tmp_path / "my-event"
    articles.mkdir()
    assert coding.coding_dir(articles) == tmp_path / "my-event-coding"
    monkeypatch.setenv(coding.CODING_ENV, str(tmp_path / "elsewhere"))
    assert coding.coding_dir(articles) == tmp_path / "elsewhere"


# --- agreement, against hand-worked values ---------------------------------------------------------------------

def test_kappa_of_a_symmetric_table():
    # 10 items, two coders:        B yes  B no
    #                     A yes      4      1
    #                     A no       1      4
    # p_o = (4 + 4) / 10 = 0.8;  p_A(yes) = p_B(yes) = 0.5
    # p_e = 0.5*0.5 + 0.5*0.5 = 0.5;  kappa = (0.8 - 0.5) / (1 - 0.5) = 0.6
    a = ["yes"] * 5 + ["no"] * 5
    b = ["yes"] * 4 + ["no"] + ["yes"] + ["no"] * 4
    assert coding.cohen_kappa(a, b) == pytest.approx(0.6)


def test_kappa_of_a_skewed_table_is_low_although_most_answers_agree():
    # 10 items:                    B yes  B no
    #                     A yes      6      2
    #                     A no       1      1
    # p_o = 7/10 = 0.7;  p_A(yes) = 0.8, p_B(yes) = 0.7
    # p_e = 0.8*0.7 + 0.2*0.3 = 0.56 + 0.06 = 0.62;  kappa = (0.7 - 0.62) / 0.38 = 0.08 / 0.38 = 0.210526...
    a = ["yes"] * 8 + ["no"] * 2
    b = ["yes"] * 6 + ["no"] * 2 + ["yes"] + ["no"]
    assert coding.cohen_kappa(a, b) == pytest.approx(0.08 / 0.38)


def test_kappa_is_undefined_when_both_coders_give_one_answer_throughout():
    assert math.isnan(coding.cohen_kappa(["no"] * 6, ["no"] * 6))


def test_alpha_of_three_coders_by_the_coincidence_matrix():
    # units x coders (nominal):  u1: a a a   u2: a a b   u3: b b b   u4: a b b
    # Each unit with m = 3 values adds 1/(m-1) = 1/2 per ordered pair of values from different coders:
    #   u1: 6 (a,a) pairs -> o_aa += 3;  u2: (a,a) x2, (a,b) x2, (b,a) x2 -> o_aa += 1, o_ab += 1, o_ba += 1
    #   u3: o_bb += 3;                   u4: (b,b) x2, (a,b) x2, (b,a) x2 -> o_bb += 1, o_ab += 1, o_ba += 1
    # o_aa = 4, o_bb = 4, o_ab = o_ba = 2;  n = 12, n_a = n_b = 6
    # alpha = 1 - (n - 1) * (o_ab + o_ba) / (n_a*n_b + n_b*n_a) = 1 - 11 * 4 / 72 = 28/72 = 7/18 = 0.3888...
    matrix = pd.DataFrame({"c1": list("aaba"), "c2": list("aabb"), "c3": list("abbb")})
    assert coding.krippendorff_alpha(matrix) == pytest.approx(7 / 18)


def test_alpha_with_a_missing_answer():
    # u1: a a -   u2: b b b   u3: a b b   u4: a - b     (- = not coded)
    #   u1 (m=2): (a,a) x2, weight 1/(2-1) = 1 -> o_aa += 2
    #   u2 (m=3): o_bb += 3;  u3 (m=3): o_bb += 1, o_ab += 1, o_ba += 1
    #   u4 (m=2): (a,b), (b,a), weight 1 -> o_ab += 1, o_ba += 1
    # o_aa = 2, o_bb = 4, o_ab = o_ba = 2;  n = 10, n_a = 4, n_b = 6
    # alpha = 1 - 9 * 4 / (2 * 4 * 6) = 1 - 36/48 = 0.25
    matrix = pd.DataFrame({"c1": ["a", "b", "a", "a"], "c2": ["a", "b", "b", np.nan], "c3": [np.nan, "b", "b", "b"]})
    assert coding.krippendorff_alpha(matrix) == pytest.approx(0.25)


def _codings(table: dict[str, list[str]], items: list[str]) -> pd.DataFrame:
    rows = []
    for coder, answers in table.items():
        for (article, item), answer in zip(items, answers):
            rows.append({"coder": coder, "article_id": article, "outlet": article.upper(), "item": item,
                         "kind": "frame", "answer": answer, "sentence_id": "", "sentence_text": "",
                         "saved_at": "2026-01-01", "file": f"{coder}.csv"})
    return pd.DataFrame(rows)


ITEMS = [("a1", "conflict_1"), ("a1", "conflict_2"), ("a1", "conflict_3"), ("a1", "conflict_4"),
         ("a2", "conflict_1"), ("a2", "conflict_2"), ("a2", "conflict_3"), ("a2", "conflict_4"),
         ("a1", "human_1"), ("a2", "human_1")]


def test_agreement_uses_kappa_for_two_coders_and_alpha_for_three():
    two = _codings({"A": ["yes"] * 5 + ["no"] * 5, "B": ["yes"] * 4 + ["no", "yes"] + ["no"] * 4}, ITEMS)
    table = coding.agreement(two).set_index("group")
    everything = table.loc["all frame questions"]
    assert everything["statistic"] == "Cohen's kappa" and everything["n_items"] == 10
    assert everything["value"] == pytest.approx(0.6)  # the symmetric table worked above
    assert everything["percent_agreement"] == pytest.approx(0.8)
    three = _codings({"c1": list("aaba"), "c2": list("aabb"), "c3": list("abbb")}, ITEMS[:4])
    row = coding.agreement(three).set_index("group").loc["conflict"]
    assert row["statistic"].startswith("Krippendorff") and row["value"] == pytest.approx(7 / 18)
    assert row["percent_agreement"] == pytest.approx(2 / 4)  # u1 and u3 agree; u2 and u4 do not


def test_disagreements_list_only_the_items_coders_answered_differently():
    two = _codings({"A": ["yes", "no", "yes"], "B": ["yes", "yes", "yes"]}, ITEMS[:3])
    differ = coding.disagreements(two)
    assert list(differ["item"]) == ["conflict_2"]
    assert list(differ[["A", "B"]].iloc[0]) == ["no", "yes"]
    assert differ.iloc[0]["question"].startswith("Does one side blame")


def test_the_sample_files_are_labelled_and_give_three_coders():
    sample = coding.read_codings(coding.SAMPLE_DIR)
    assert sorted(sample["coder"].unique()) == ["Sample coder A", "Sample coder B", "Sample coder C"]
    assert set(sample["outlet"]) == {"Sample Outlet A", "Sample Outlet B"}
    assert coding.agreement(sample)["statistic"].str.startswith("Krippendorff").all()
    assert len(coding.pairwise_kappa(sample)) == 3


# --- the form: nothing is written until the button is clicked ---------------------------------------------------

def test_the_form_writes_only_on_click_and_only_with_a_name(tmp_path):
    pytest.importorskip("ipywidgets")
    articles = SENTENCES.drop_duplicates("article_id")[["article_id", "outlet"]]
    analysis = SimpleNamespace(corpus=SimpleNamespace(sentences=SENTENCES, articles=articles))
    form = coding.coding_form(analysis, tmp_path)
    assert list(tmp_path.iterdir()) == []  # building (and showing) the form writes nothing
    form.fields[("a1", "problem")].value = "a1-002"
    form.fields[("a2", "responsibility_1")].value = "yes"
    form.save.click()  # no name yet
    assert list(tmp_path.iterdir()) == []
    form.coder.value = "Ines"
    form.save.click()
    form.save.click()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ines-2.csv", "ines.csv"]
    saved = coding.read_codings(tmp_path)
    assert set(zip(saved["article_id"], saved["item"], saved["answer"])) == {
        ("a1", "problem", "a1-002"), ("a2", "responsibility_1", "yes")}
    assert "running notebook" in form._repr_mimebundle_()["text/plain"]


# --- the notebooks run headless: the form is shown, nothing is saved -------------------------------------------

def _outputs(nb) -> str:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            texts.append(str(out.get("text", "")) + str(data.get("text/html", "")) + str(data.get("text/plain", "")))
    return "\n".join(texts)


def test_the_coding_notebooks_run_without_input_and_save_nothing(tmp_path):
    from framing.core import paths
    from framing.present.report import run_notebook

    folder = tmp_path / "coding"
    env = {coding.CODING_ENV: str(folder)}
    form = run_notebook(paths.NOTEBOOK_DIR / "08-frame-coding.ipynb", paths.SEED_EVENT_DIR, env=env)
    assert "Save my answers" in _outputs(form) or coding.FORM_NOTE in _outputs(form)
    assert not folder.exists()  # the form was built and shown; nothing clicked, nothing written
    agreement = run_notebook(paths.NOTEBOOK_DIR / "09-coder-agreement.ipynb", paths.SEED_EVENT_DIR, env=env)
    assert "Sample data" in _outputs(agreement) and "Sample coder C" in _outputs(agreement)
    # With two real coders' files the notebook reads them instead of the sample.
    for coder, answer in (("Ines", "yes"), ("Tomas", "no")):
        sentences = pd.DataFrame([("sputnik", "Sputnik International", "sputnik-002", 1, "body", "-")],
                                 columns=SENTENCES.columns)
        coding.write_coding(coding.coding_rows(coder, {("sputnik", "conflict_1"): answer}, sentences), folder, coder)
    real = _outputs(run_notebook(paths.NOTEBOOK_DIR / "09-coder-agreement.ipynb", paths.SEED_EVENT_DIR, env=env))
    assert "Sample data" not in real and "Tomas" in real
