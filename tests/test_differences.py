"""The differences the suite states about outlets: the seed event's, in plain words, and nothing of
the seed event on other folders."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.compare.differences import differences, voice_differences
from framing.core.vocabulary import DIFFERENCE_COLUMNS, DIFFERENCE_KINDS, QUOTE_TABLE_COLUMNS
from framing.measures.speakers import source_table
from framing.pipeline import analyze

FIXTURES = Path(__file__).parent / "fixtures"
INTENT_WORDS = ("hides", "hid ", "propaganda", "bias", "lies", "spin", "distort", "manipulat", "agenda-driven")


@pytest.fixture(scope="module")
def seed():
    analysis = analyze(n_boot=200, n_perm=200)
    return analysis, differences(analysis)


def _statements(table, outlet, kind):
    return table.loc[(table["outlet"] == outlet) & (table["kind"] == kind), "statement"].tolist()


def test_columns_and_kinds(seed):
    _, table = seed
    assert list(table.columns) == list(DIFFERENCE_COLUMNS)
    assert set(table["kind"]) <= set(DIFFERENCE_KINDS)
    assert (table.groupby("outlet")["rank"].apply(lambda r: list(r) == list(range(1, len(r) + 1)))).all()


def test_sputnik_leaves_out_the_hold_back_charge_press_tv_leads_with(seed):
    _, table = seed
    first = _statements(table, "Sputnik International", "omission")[0]
    assert "hold back Russia's development" in first.replace("\u00a0", " ")
    assert "Press TV" in first and "lead" in first
    row = table[table["statement"] == first].iloc[0]
    assert set(row["evidence"].split(";")) == {"presstv-002", "presstv-007"}  # in the lead, and quoted again


def test_headlines_differ_in_who_acts_and_in_damaged(seed):
    _, table = seed
    press = _statements(table, "Press TV", "headline")
    sputnik = _statements(table, "Sputnik International", "headline")
    assert len(press) == len(sputnik) == 1
    assert "\u201cPutin\u201d the one who acts" in press[0]
    assert "\u201cRussia, US\u201d the one who acts" in sputnik[0]
    assert "\u201cdamaged\u201d" in press[0] and "damaged" not in sputnik[0]
    assert "'regularize' in quotation marks, a word spoken in the article" in press[0]


def test_the_same_remark_in_different_words(seed):
    _, table = seed
    sputnik = " ".join(_statements(table, "Sputnik International", "rendering"))
    assert "\u201cmending\u201d where Press TV has \u201cregularize\u201d" in sputnik
    assert "\u201clowest\u201d where Press TV has \u201clow\u201d" in sputnik


def test_press_tv_brings_in_peskov_and_sputnik_cites_the_white_house(seed):
    _, table = seed
    press = " ".join(_statements(table, "Press TV", "voice"))
    sputnik = " ".join(_statements(table, "Sputnik International", "voice"))
    assert "Quotes Dmitry Peskov (5 quotations)" in press
    assert "Peskov" not in sputnik
    assert "Quotes United States (2 quotations)" in sputnik


def test_sputnik_gives_the_remark_a_hedge(seed):
    _, table = seed
    hedging = " ".join(_statements(table, "Sputnik International", "hedging"))
    assert "\u201cassume\u201d" in hedging
    assert not _statements(table, "Press TV", "hedging")


def test_every_statement_names_its_evidence_and_no_intent(seed):
    analysis, table = seed
    ids = set(analysis.corpus.sentences["sentence_id"])
    for r in table.itertuples():
        lowered = r.statement.lower()
        assert not any(word in lowered for word in INTENT_WORDS), r.statement
        if r.kind not in ("tone", "salience"):
            assert r.evidence and set(r.evidence.split(";")) <= ids, r.statement


@pytest.mark.parametrize("folder", ["three-outlets", "heldout_units"])
def test_another_folder_gets_its_own_differences_and_nothing_of_the_seed(folder):
    analysis = analyze(FIXTURES / folder, n_boot=100, n_perm=100)
    table = differences(analysis)
    assert set(table["outlet"]) <= set(analysis.corpus.outlets)
    assert len(table)
    text = " ".join(table["statement"])
    for seed_word in ("Sputnik", "Press TV", "Putin", "regularize", "Peskov"):
        assert seed_word not in text, seed_word


def _quote_rows(rows):
    """A hand-made quote table: (outlet, sentence_id, text, speaker, speaker_actor, speaker_type) per row."""
    out = []
    for k, (outlet, sid, text, speaker, actor, kind) in enumerate(rows):
        out.append({"article_id": sid.split("-")[0], "outlet": outlet, "quote_id": f"q{k}", "sentence_id": sid,
                    "start": 0, "end": len(text), "text": text, "kind": "indirect", "speaker": speaker,
                    "speaker_actor": actor, "speaker_type": kind, "verb": "said", "verb_group": "neutral",
                    "cue_start": -1, "cue_end": -1, "mention": speaker, "resolution": "unnamed",
                    "reported_start": 0, "reported_end": len(text)})
    return pd.DataFrame(out, columns=list(QUOTE_TABLE_COLUMNS))


def test_voice_speakers_are_the_same_across_case_and_articles():
    # Both outlets quote the statement, one as "The statement", the other as "the statement": nobody is the
    # only one to quote it; Ana Ruiz is quoted by the first outlet alone.
    quotes = _quote_rows([
        ("Daily", "d-001", "the port would reopen within a week", "The statement", "", "document"),
        ("Daily", "d-004", "the harbour master had been told of the leak", "Ana Ruiz", "Ana Ruiz", "official"),
        ("Wire", "w-002", "repairs to the quay wall would start on Monday", "the statement", "", "document"),
    ])
    rows = voice_differences(source_table(quotes), quotes, ["Daily", "Wire"])
    said = [r[2] for r in rows]
    assert not any("statement" in s for s in said), said
    assert said == ["Quotes Ana Ruiz (1 quotation); Wire does not quote this speaker."]
    assert rows[0][3] == "d-004"


def test_voice_evidence_gathers_every_spelling_of_one_speaker():
    # Only the first outlet quotes the statement, in two sentences spelled "The statement" and "the
    # statement": one speaker, two quotations, both sentences as evidence.
    quotes = _quote_rows([
        ("Daily", "d-001", "the port would reopen within a week", "The statement", "", "document"),
        ("Daily", "d-003", "no fuel had reached the water", "the statement", "", "document"),
        ("Wire", "w-002", "repairs to the quay wall would start on Monday", "a harbour official", "", "anonymous"),
    ])
    rows = [r for r in voice_differences(source_table(quotes), quotes, ["Daily", "Wire"]) if r[0] == "Daily"]
    assert len(rows) == 1
    assert rows[0][2].startswith("Quotes the statement (2 quotations); Wire does not quote them")
    assert rows[0][3] == "d-001;d-003"


def test_a_described_speaker_reads_in_lower_case_inside_the_statement():
    from framing.compare.differences import _in_sentence

    assert _in_sentence("A teacher from Kessler") == "a teacher from Kessler"
    assert _in_sentence("The statement") == "the statement"
    # names and bodies keep their capitals
    assert _in_sentence("Dmitry Peskov") == "Dmitry Peskov"
    assert _in_sentence("Anna Berg") == "Anna Berg"
    assert _in_sentence("Theresa May") == "Theresa May"


def test_word_choices_leave_out_other_forms_of_one_word_but_keep_degree_and_synonyms():
    from framing.compare.differences import _word_choices

    # another form of the same word is not a choice of words
    assert _word_choices("The board said the earlier closure would help the region.",
                         "The board said the early date to close would help the region.") == []
    # a superlative against the plain adjective, and a different verb, are choices
    assert ("lowest", "low") in _word_choices("Relations are at the lowest level.", "Relations are at a low level.")
    assert ("mending", "regularize") in _word_choices("We need to try finding ways of mending the relations.",
                                                      "We need to find ways to regularize these relations.")


def test_rate_statements_give_value_and_interval_in_the_same_units():
    from framing.compare.differences import rate_differences

    summary = pd.DataFrame([
        {"outlet": "A", "measure": "cue_rate", "category": "attribution", "voice": "authorial", "value": 125.0,
         "ci_low": 57.16, "ci_high": 237.29, "p_value": 0.026, "verdict": "differs", "n_units": 1,
         "unit": "article"},
        {"outlet": "B", "measure": "share_negative", "category": "", "voice": "authorial", "value": 0.25,
         "ci_low": 0.123, "ci_high": 0.456, "p_value": 0.01, "verdict": "differs", "n_units": 1, "unit": "article"},
        {"outlet": "C", "measure": "cue_rate", "category": "hedge", "voice": "authorial", "value": 3.0,
         "ci_low": 1.0, "ci_high": 9.0, "p_value": 0.5, "verdict": "no difference", "n_units": 1, "unit": "article"},
    ])
    rows = {r[0]: r[2] for r in rate_differences(summary)}
    assert "125.0 reporting verbs per 1,000 of its own words (95% interval 57.2 to 237.3)" in rows["A"]
    assert "25% of its sentences have a negative tone (95% interval 12% to 46%)" in rows["B"]
    assert "C" not in rows  # p above alpha: no statement
