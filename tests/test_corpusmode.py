"""Corpus mode (framing.scale): inputs, the map/reduce against event mode, resuming, local workers."""

from __future__ import annotations

import json
import math
import random

import pandas as pd
import pytest

from framing.core.errors import FramingInputError
from framing.core.outputs import read_table
from framing.scale import inputs, reduce, run

OUTLETS = ("Harbour Daily", "State Radio One", "Wire Agency")
SPEAKERS = ("the port authority chief", "Mayor Lena Ortiz", "a union spokesman", "the finance minister")
PARAGRAPHS = (
    "The city council approved the harbour budget on Tuesday after a long debate.",
    "\u201cWe will not let the docks fall apart,\u201d {who} said at a news conference.",
    "The repairs may cost more than planned, according to {who}.",
    "Critics claimed the so-called \u201creform\u201d would hurt small fishing firms.",
    "{Who} warned that delays could push the work into next year.",
    "Officials said the plan was a clear success and would certainly create jobs.",
    "Residents appear to be divided over the cost of the new pier.",
    "The vote ended a dispute that had lasted for months.",
)


def _article(rng: random.Random, i: int) -> tuple[str, str]:
    headline = f"Council Backs Harbour Plan After Debate Number {i}"
    paras = []
    for _ in range(rng.randint(3, 6)):
        who = rng.choice(SPEAKERS)
        paras.append(rng.choice(PARAGRAPHS).format(who=who, Who=who[:1].upper() + who[1:]))
    return headline, f"{headline}\n\n" + "\n\n".join(paras) + "\n"


def make_folder(folder, n: int = 18, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["article_id,outlet,file,published,headline,url,language,event,country,ownership"]
    for i in range(n):
        headline, text = _article(rng, i)
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"a{i:03d},{OUTLETS[i % 3]},a{i:03d}.txt,2024-03-0{1 + i % 9},{headline},,en,,,")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def make_rows(n: int = 18, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        headline, text = _article(rng, i)
        rows.append({"story_id": f"s{i:03d}", "media_name": OUTLETS[i % 3], "title": headline, "content": text,
                     "publish_date": "2024-03-01"})
    return rows


MAPPING = "article_id=story_id,outlet=media_name,headline=title,text=content,published=publish_date"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    f = tmp_path_factory.mktemp("corpus") / "articles"
    make_folder(f)
    return f


@pytest.fixture(scope="module")
def single(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "out"
    run.run_corpus(folder, out, workers=1, chunk_size=4, n_boot=200, n_perm=200, progress=False)
    return out


# --------------------------------------------------------------------------- inputs


def test_column_mapping_reads_renamed_columns_and_rejects_unknown_fields():
    m = inputs.parse_columns("outlet=media_name, text=content,title=headline_text,date=publish_date")
    assert m["outlet"] == "media_name" and m["text"] == "content"
    assert m["headline"] == "headline_text" and m["published"] == "publish_date" and m["url"] == "url"
    with pytest.raises(FramingInputError, match="FIELD=COLUMN"):
        inputs.parse_columns("author=byline")
    with pytest.raises(FramingInputError, match="FIELD=COLUMN"):
        inputs.parse_columns("outlet")


def test_table_missing_the_text_column_stops_with_the_fix(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame(make_rows(2)).to_csv(path, index=False)
    with pytest.raises(FramingInputError, match="--columns"):
        inputs.open_source(path)  # no "outlet"/"text" columns without a mapping
    assert inputs.open_source(path, columns=MAPPING).kind == "csv"


def test_bad_rows_are_skipped_with_reason_and_good_rows_read(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_ARTICLE_BYTES", 2000)
    rows = make_rows(3)
    good = rows[0]["content"]
    lines = [b"story_id,media_name,title,content,publish_date"]
    for r in rows:
        lines.append(f'{r["story_id"]},{r["media_name"]},"{r["title"]}","{r["content"]}",2024-03-01'.encode())
    lines.append(b'empty,Wire Agency,Nothing Here,"   ",2024-03-01')
    lines.append(b'latin,Wire Agency,Bad Bytes,"Caf\xe9 owners protested the harbour fees on Monday.",2024-03-01')
    lines.append(f'huge,Wire Agency,Too Long,"{"The council met again today. " * 100}",2024-03-01'.encode())
    lines.append(f's000,Wire Agency,Same Id,"{good}",2024-03-01'.encode())
    lines.append(f'nooutlet,,No Outlet,"{good}",2024-03-01'.encode())
    path = tmp_path / "export.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    skipped: list = []
    got = list(inputs.records(inputs.open_source(path, columns=MAPPING), skipped))
    assert [r["article_id"] for r in got] == ["s000", "s001", "s002"]
    assert got[0]["outlet"] == OUTLETS[0] and got[0]["headline"] == rows[0]["title"]
    reasons = {aid: reason for aid, _, reason, _ in skipped}
    assert set(reasons) == {"empty", "latin", "huge", "s000", "nooutlet"}
    assert reasons["empty"] == "has no text"
    assert reasons["latin"] == "is not UTF-8 text"
    assert "MB of text" in reasons["huge"]
    assert "repeats the id" in reasons["s000"]
    assert reasons["nooutlet"] == "has no outlet"
    assert [f for _, f, _, _ in skipped][0] == "export.csv row 4"


def test_jsonl_line_that_is_not_an_object_is_skipped(tmp_path):
    rows = make_rows(2)
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(rows[0]) + "\n{not json\n[1, 2]\n" + json.dumps(rows[1]) + "\n", encoding="utf-8")
    skipped: list = []
    got = list(inputs.records(inputs.open_source(path, columns=MAPPING), skipped))
    assert [r["article_id"] for r in got] == ["s000", "s001"]
    assert [(a, r) for a, _, r, _ in skipped] == [("row2", "is not a JSON object"), ("row3", "is not a JSON object")]


def test_rows_without_an_id_are_numbered_by_row(tmp_path):
    rows = [{k: v for k, v in r.items() if k != "story_id"} for r in make_rows(2)]
    path = tmp_path / "export.parquet"
    pd.DataFrame(rows).to_parquet(path)
    source = inputs.open_source(path, columns="outlet=media_name,text=content")
    assert source.n_articles == 2
    assert [r["article_id"] for r in inputs.records(source, [])] == ["row1", "row2"]


# --------------------------------------------------------------------------- map and reduce


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False,
                                  check_column_type=False, check_categorical=False)


@pytest.fixture(scope="module")
def event(folder):
    from framing.pipeline import analyze

    return analyze(folder, n_boot=200, n_perm=200)


@pytest.mark.parametrize("name", ["sentences", "cues", "quotes", "sentiment"])
def test_row_tables_hold_the_rows_of_event_mode(single, event, name):
    got = pd.read_parquet(single / name)
    got["outlet"] = got["outlet"].astype(str)
    want = event.tables[name]
    key = [c for c in ("article_id", "sentence_id", "start", "end") if c in want.columns]
    _same(got[list(want.columns)].sort_values(key), want.sort_values(key))


def _text(value) -> str:
    return "" if pd.isna(value) else str(value)


def test_per_outlet_tables_equal_event_mode(single, event):
    for name in ("terms", "cue_rates", "articles", "sources"):
        got = read_table(single / f"{name}.csv")
        want = event.tables[name]
        assert list(got.columns) == list(want.columns) and len(got) == len(want), name
        for col in want.columns:
            if pd.api.types.is_numeric_dtype(want[col]) and not pd.api.types.is_bool_dtype(want[col]):
                pd.testing.assert_series_equal(got[col].astype(float), want[col].astype(float), check_names=False,
                                               rtol=1e-8)
            else:
                assert [_text(v) for v in got[col]] == [_text(v) for v in want[col]], (name, col)


def test_summary_over_articles_equals_summarise_for_rates_and_shares(single, event):
    got = read_table(single / "summary.csv").fillna({"category": "", "voice": ""})
    want = event.tables["summary"]
    both = got.merge(want, on=["outlet", "measure", "category", "voice"], suffixes=("", "_event"))
    assert len(both) == len(want) == len(got)
    counted = both[both["measure"] != "mean_compound"]
    for col in ("value", "ci_low", "ci_high", "p_value", "min_p"):
        scale = counted[f"{col}_event"].abs().clip(lower=1)
        assert ((counted[col] - counted[f"{col}_event"]).abs() / scale).max() < 1e-8, col  # CSV: 10 digits
    assert (counted["ci_method"] == counted["ci_method_event"]).all()
    assert set(both["unit"]) == {"articles"}
    mean = both[both["measure"] == "mean_compound"]
    assert (mean["value"] - mean["value_event"]).abs().max() < 1e-8
    assert set(mean["ci_method"]) <= {"bca_articles", "percentile_articles"}


def test_article_summary_value_and_garwood_interval_by_hand():
    from scipy.stats import chi2

    units = pd.DataFrame({
        "outlet": ["A", "A", "A", "B", "B", "B"], "article_id": ["a1", "a2", "a3", "b1", "b2", "b3"],
        "measure": "cue_rate", "category": "hedge", "voice": "authorial",
        "numerator": [2.0, 0.0, 4.0, 1.0, 1.0, 0.0], "denominator": [0.5, 0.25, 0.25, 0.5, 0.5, 1.0],
    })
    out = reduce.article_summary(units, n_boot=100, n_perm=100).set_index("outlet")
    assert out.loc["A", "value"] == pytest.approx(6 / 1.0)
    assert out.loc["B", "value"] == pytest.approx(2 / 2.0)
    # Garwood: chi2(0.025, 2x)/2t .. chi2(0.975, 2x+2)/2t; the envelope with the bootstrap can only widen it.
    assert out.loc["A", "ci_low"] <= chi2.ppf(0.025, 12) / 2 / 1.0 + 1e-12
    assert out.loc["A", "ci_high"] >= chi2.ppf(0.975, 14) / 2 / 1.0 - 1e-12
    # Three articles each: C(6, 3) = 20 relabellings, enumerated; p >= 2/20.
    assert out.loc["A", "min_p"] == pytest.approx(0.1)
    one = reduce.article_summary(units[units["article_id"] != "b2"].assign(
        outlet=lambda d: d["outlet"].where(d["article_id"] != "b3", "C")), n_boot=50, n_perm=50)
    assert math.isnan(one.set_index("outlet").loc["C", "p_value"])
    assert one.set_index("outlet").loc["C", "verdict"].startswith("no test")


def test_cue_rates_from_counts_adds_tokens_once_per_chunk():
    part = pd.DataFrame({"outlet": ["A", "A"], "category": ["hedge", "booster"], "voice": ["authorial"] * 2,
                         "n_cues": [1, 2], "n_tokens": [100, 100], "rate_per_1k": [10.0, 20.0]})
    out = reduce.cue_rates_from_counts([part, part]).set_index("category")
    assert out.loc["hedge", "n_tokens"] == 200 and out.loc["hedge", "n_cues"] == 2
    assert out.loc["booster", "rate_per_1k"] == pytest.approx(1000 * 4 / 200)


def test_table_file_gives_the_tables_of_the_same_articles_as_a_folder(tmp_path):
    rows = make_rows(9)
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run.run_corpus(path, tmp_path / "out", columns=MAPPING, workers=1, n_boot=50, n_perm=50, progress=False)
    sentences = pd.read_parquet(tmp_path / "out" / "sentences")
    assert sorted(set(sentences["article_id"])) == [r["story_id"] for r in rows]
    first = sentences[sentences["article_id"] == "s000"]
    assert first["text"].iloc[0] == rows[0]["title"]
    assert set(read_table(tmp_path / "out" / "articles.csv")["outlet"]) == set(OUTLETS)


# --------------------------------------------------------------------------- work folder, workers


def _tables(out) -> dict[str, pd.DataFrame]:
    got = {p.stem: p.read_bytes() for p in sorted(out.glob("*.csv"))}
    for name in run.PARQUET_TABLES:
        got[name] = pd.read_parquet(out / name)
    return got


def _assert_identical(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        if isinstance(a[name], bytes):
            assert a[name] == b[name], name
        else:
            _same(a[name], b[name])


def test_interrupted_run_resumes_from_finished_chunks(folder, single, tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = run.map_chunk

    def failing(index, chunk, settings):
        if index == 2:
            raise KeyboardInterrupt
        return real(index, chunk, settings)

    monkeypatch.setattr(run, "map_chunk", failing)
    with pytest.raises(KeyboardInterrupt):
        run.run_corpus(folder, out, workers=1, chunk_size=4, n_boot=200, n_perm=200, progress=False)
    work = list(tmp_path.glob(".framing-work-out-*"))
    assert len(work) == 1 and not out.exists()
    assert json.loads((work[0] / run.WORK_MARKER).read_text())["made_by"] == "framing"
    assert len(list(work[0].glob("chunk-*.pickle"))) == 2
    calls = []
    monkeypatch.setattr(run, "map_chunk", lambda i, c, s: calls.append(i) or real(i, c, s))
    result = run.run_corpus(folder, out, workers=1, chunk_size=4, n_boot=200, n_perm=200, progress=False)
    assert result.resumed_chunks == 2 and calls == [2, 3, 4]
    assert not work[0].exists()
    _assert_identical(_tables(out), _tables(single))


def test_work_folder_of_other_settings_is_not_reused(folder, tmp_path, monkeypatch):
    a = run.WorkFolder(tmp_path / "out", run.run_key(inputs.open_source(folder), {"chunk_size": 4}))
    b = run.WorkFolder(tmp_path / "out", run.run_key(inputs.open_source(folder), {"chunk_size": 5}))
    assert a.path != b.path
    b.path.mkdir()  # a folder of that name the suite did not write
    with pytest.raises(FramingInputError, match="in the way"):
        b.open()
    assert a.open() == 0 and a.open() == 0


def test_two_local_workers_give_identical_tables(folder, single, tmp_path):
    out = tmp_path / "out"
    run.run_corpus(folder, out, workers=2, chunk_size=4, n_boot=200, n_perm=200, progress=False)
    _assert_identical(_tables(out), _tables(single))


def test_cli_corpus_writes_tables_and_the_event_mode_notice(folder, tmp_path, capsys):
    from framing.cli import main

    assert main(["corpus", str(folder), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "event-mode work" in err and "wrote" in err
    assert (tmp_path / "out" / "summary.csv").is_file() and (tmp_path / "out" / "cues").is_dir()
    assert main(["corpus", str(folder), "--out", str(tmp_path / "out2"), "--workers", "0"]) == 2


def test_progress_is_silent_off_a_terminal_unless_asked(capsys):
    bar = run._progress(3, "articles", None)  # pytest's stderr is no terminal
    bar.update(3)
    bar.close()
    assert capsys.readouterr().err == ""
    bar = run._progress(3, "articles", True)
    bar.update(3)
    bar.close()
    assert "3/3" in capsys.readouterr().err


def test_outlet_partitions_keep_names_with_slashes_and_accents(tmp_path):
    rows = make_rows(6)
    for r, name in zip(rows, ["Radio/TV S\u00fcd", "Wire = Agency"] * 3):
        r["media_name"] = name
    path = tmp_path / "export.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    run.run_corpus(path, tmp_path / "out", columns=MAPPING, workers=1, n_boot=50, n_perm=50, progress=False)
    parts = sorted(p.name for p in (tmp_path / "out" / "cues").iterdir())
    assert parts == ["outlet=Radio%2FTV%20S%C3%BCd", "outlet=Wire%20%3D%20Agency"]
    cues = pd.read_parquet(tmp_path / "out" / "cues")
    assert set(cues["outlet"].astype(str)) == {"Radio/TV S\u00fcd", "Wire = Agency"}


GERMAN = ("Stadtrat billigt den Hafenplan nach langer Debatte\n\n"
          "Der Stadtrat hat am Dienstag den Haushalt f\u00fcr den Hafen nach einer langen Debatte beschlossen. "
          "Die Kosten f\u00fcr die neuen Anlagen sind nach Angaben der Verwaltung h\u00f6her als geplant, und die "
          "Fischer der Stadt sind mit dem Plan nicht zufrieden.\n")


@pytest.fixture(scope="module")
def folder_with_actors_and_german(tmp_path_factory):
    f = tmp_path_factory.mktemp("actors") / "articles"
    make_folder(f, n=12, seed=3)
    (f / "de.txt").write_text(GERMAN, encoding="utf-8")
    with open(f / "articles.csv", "a", encoding="utf-8") as fh:
        fh.write("de1,Wire Agency,de.txt,2024-03-02,Stadtrat billigt den Hafenplan nach langer Debatte,,en,,,\n")
    (f / "actors.csv").write_text("actor,alias\nLena Ortiz,Mayor Lena Ortiz\nLena Ortiz,Ortiz\n"
                                  "Port authority,the port authority chief\n", encoding="utf-8")
    return f


def test_actor_sentiment_and_excluded_articles_as_in_event_mode(folder_with_actors_and_german, tmp_path):
    from framing.pipeline import analyze

    f = folder_with_actors_and_german
    event = analyze(f, n_boot=50, n_perm=50)
    run.run_corpus(f, tmp_path / "out", workers=1, chunk_size=5, n_boot=50, n_perm=50, progress=False)
    got = read_table(tmp_path / "out" / "actor_sentiment.csv")
    want = event.tables["actor_sentiment"]
    assert want["n_sentences"].sum() > 0
    pd.testing.assert_frame_equal(got, want, check_dtype=False, check_column_type=False, rtol=1e-8)
    excluded = read_table(tmp_path / "out" / "excluded.csv")
    assert set(excluded["article_id"]) == {"de1"} == set(event.tables["excluded"]["article_id"])
    assert list(excluded["measure"]) == list(event.tables["excluded"]["measure"])
    cues = pd.read_parquet(tmp_path / "out" / "cues")
    sentences = pd.read_parquet(tmp_path / "out" / "sentences")
    assert "de1" not in set(cues["article_id"]) and "de1" in set(sentences["article_id"])
