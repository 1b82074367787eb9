"""Tests for framing.measures.speakers: who speaks each quotation and stretch of reported speech.

Every expected speaker, kind and span below was read off the sentence by hand before the finder was
run.  The sentences are written for these tests in the patterns of wire copy, state broadcasters and
dailies (speaker before or after the quotation, "according to", a colon, a pronoun, a description,
reported speech with and without "that"); every rule has a case where it applies and one where it
must not.  The seed event checks at the end are those the notebook's claims rest on.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.core.paths import SEED_EVENT_DIR
from framing.core.vocabulary import OPENER_COLUMNS, QUOTE_TABLE_COLUMNS, SOURCE_COLUMNS, SPEAKER_TYPES
from framing.load.corpus import load_corpus
from framing.load.text import quote_spans
from framing.measures.cues import find_cues
from framing.measures.speakers import (
    combine_source_parts,
    find_quotes,
    openers_and_closers,
    role_type,
    sentence_voices,
    source_parts,
    source_table,
    sources_from_parts,
    with_reported_voice,
)

# ---------------------------------------------------------------------------------------------------- helpers


def _tables(paragraphs, *, headline=None, article_id="a", outlet="Outlet"):
    """Sentences and quotation spans of one article; a paragraph is a string or a list of sentences."""
    paras = [[p] if isinstance(p, str) else list(p) for p in paragraphs]
    roles = ["body"] * len(paras)
    if headline is not None:
        paras, roles = [[headline], *paras], ["headline", *roles]
    raw, sents, para_text = "", [], []
    for p, (para, role) in enumerate(zip(paras, roles)):
        if raw:
            raw += "\n\n"
        para_start = len(raw)
        for k, sent in enumerate(para):
            if k:
                raw += " "
            start = len(raw)
            raw += sent
            sents.append({"article_id": article_id, "outlet": outlet, "sentence_id": f"{article_id}-{len(sents):03d}",
                          "paragraph": p if headline is not None else p + 1, "role": role, "voice": "authorial",
                          "start": start, "end": start + len(sent), "text": sent})
        para_text.append((para_start, raw[para_start:]))
    quotes = []
    for i, (start, text) in enumerate(para_text):
        before = para_text[i - 1][1] if i else ""
        after = para_text[i + 1][1] if i + 1 < len(para_text) else ""
        for s in quote_spans(text, previous_paragraph=before, next_paragraph=after):
            quotes.append({"article_id": article_id, "start": start + s.start, "end": start + s.end,
                           "text": text[s.start:s.end]})
    return raw, pd.DataFrame(sents), pd.DataFrame(quotes, columns=["article_id", "start", "end", "text"])


def _actors(pairs):
    return pd.DataFrame(pairs, columns=["actor", "alias"])


def _find(paragraphs, *, actors=None, headline=None):
    raw, sents, quotes = _tables(paragraphs, headline=headline)
    table = find_quotes(sents, quotes, actors=_actors(actors) if actors else None)
    return raw, table


def _row(table, words):
    """The row whose text holds ``words``."""
    hits = table[table["text"].str.contains(words, regex=False)]
    assert len(hits) >= 1, f"no row holds {words!r}: {table['text'].tolist()}"
    return hits.iloc[0]


def _shortest_row(table, words):
    """The shortest row whose text holds ``words`` (a nested quotation rather than the one around it)."""
    hits = table[table["text"].str.contains(words, regex=False)]
    assert len(hits) >= 1, f"no row holds {words!r}: {table['text'].tolist()}"
    return hits.loc[hits["text"].str.len().idxmin()]


def _no_row(table, words):
    assert not table["text"].str.contains(words, regex=False).any(), table[["text", "speaker"]]


# ---------------------------------------------------------------------------------------------------- the table


def test_columns_offsets_and_ids():
    raw, table = _find(['"The bridge is safe," Mayor Lena Ortiz said on Monday.',
                        "Ortiz said the repairs had cost 2 million euros."])
    assert list(table.columns) == list(QUOTE_TABLE_COLUMNS)
    for r in table.itertuples():
        assert raw[r.start:r.end] == r.text
        assert raw[r.cue_start:r.cue_end] == r.verb
        assert r.reported_start <= r.start and r.end <= r.reported_end
    assert table["quote_id"].tolist() == ["a-q001", "a-q002"]
    assert set(table["speaker_type"]) <= set(SPEAKER_TYPES)


def test_direct_and_partial_kinds():
    _, table = _find(['"We will not back down," the union leader said.',
                      'Ana Silva said the plan was "a costly mistake".',
                      'Marco Neri said, "Nobody asked the farmers."'])
    assert _row(table, "We will not back down")["kind"] == "direct"
    assert _row(table, "Nobody asked the farmers")["kind"] == "direct"  # after "said,"
    assert _row(table, "a costly mistake")["kind"] == "partial"  # a fragment in the outlet's sentence


def test_speaker_before_and_after_the_verb():
    _, table = _find(['"Prices will fall by spring," said Omar Farouk, an economist at Delta Bank.',
                      "The agency said prices would rise."])
    farouk = _row(table, "Prices will fall")
    assert (farouk["speaker"], farouk["speaker_type"]) == ("Omar Farouk", "expert")
    # Negative: without a comma or a quotation before the verb, what follows it is its clause, not a speaker.
    agency = _row(table, "prices would rise")
    assert agency["speaker"] == "The agency" and agency["kind"] == "indirect"


def test_told_names_the_speaker_not_the_addressee():
    _, table = _find(['"We need more buses," Ana Silva told the council.',
                      "The minister told a story about his childhood."])
    assert _row(table, "We need more buses")["speaker"] == "Ana Silva"
    _no_row(table, "a story")  # negative: "told" with a noun object reports no words


def test_according_to_before_and_after():
    _, table = _find(["Fuel exports rose by a fifth last year, according to the port authority.",
                      "According to the union, 300 drivers have left the company.",
                      "The ferry ran according to schedule."])
    after = _row(table, "Fuel exports rose by a fifth last year")
    assert (after["kind"], after["speaker"], after["verb"]) == ("indirect", "the port authority", "according to")
    assert _row(table, "300 drivers have left")["speaker"] == "the union"
    _no_row(table, "The ferry ran")  # negative: no comma, no attribution of a clause


def test_subject_before_an_appositive_or_relative_clause():
    _, table = _find(["Rosa Klein, who chairs the tenants' association, said rents had doubled since 2020.",
                      "The harbour's chief engineer, Piet Vos, said the crane had been inspected in May.",
                      "The council, which met on Tuesday, approved the budget."])
    assert _row(table, "rents had doubled")["speaker"] == "Rosa Klein"
    vos = _row(table, "the crane had been inspected")
    # the name after the description is the speaker; the mention keeps the whole phrase
    assert vos["speaker"] == "Piet Vos" and vos["speaker_type"] == "official"
    assert vos["mention"] == "The harbour's chief engineer, Piet Vos"
    _no_row(table, "approved the budget")  # negative: a relative clause without a reporting verb


def test_participle_in_a_relative_clause_speaks_for_its_antecedent():
    _, table = _find(['The depot, built last year, was "a bargain".',
                      'Mayor Helen Grey, who took office promising to "fix the roads", opened the depot.'])
    assert _row(table, "fix the roads")["speaker"] == "Mayor Helen Grey"
    _no_row(table, "a bargain")  # negative: two words in marks that nothing attributes are the outlet's own


def test_colon_after_a_verb_takes_the_verb_subject():
    _, table = _find(['In court, Judge Ines Moreau told the defendant: "You betrayed your neighbours."',
                      'The joke in the canteen was always the same: "Ask the night shift, they know."'])
    assert _row(table, "You betrayed")["speaker"] == "Judge Ines Moreau"  # not "the defendant"
    saying = _row(table, "Ask the night shift")  # negative: a clause before the colon names nobody
    assert (saying["speaker"], saying["speaker_type"], saying["resolution"]) == ("", "unknown", "none")


def test_a_quotation_inside_a_reported_clause_belongs_to_that_verb():
    _, table = _find(['Two tabloids claimed that the team arrived with "no plan at all", a charge the coach denied.',
                      'The tabloids claimed the team was tired; the coach rejected "such nonsense" on Friday.'])
    claim = _row(table, "no plan at all")
    assert (claim["speaker"], claim["speaker_type"], claim["verb"]) == ("Two tabloids", "media", "claimed")
    # Negative: beyond a semicolon the claim's clause has ended.
    assert _row(table, "such nonsense")["speaker"] == "the coach"


def test_quoted_as_saying():
    _, table = _find(['Coach Ivan Petrov was quoted by a local paper as saying the final was "a lottery".',
                      '"We will win," said Eva Lind, quoted by the same paper.'])
    assert _row(table, "a lottery")["speaker"] == "Coach Ivan Petrov"
    assert _row(table, "We will win")["speaker"] == "Eva Lind"  # negative: "quoted by" does not move the speaker


def test_the_outlets_own_label_is_no_quotation():
    _, table = _find(['The so-called "peace dividend" never arrived.',
                      'The mayor called the plan "a fantasy".'])
    _no_row(table, "peace dividend")
    assert _row(table, "a fantasy")["speaker"] == "The mayor"  # negative: a speech-act verb attributes


def test_long_unattributed_quotation_is_a_row_without_a_speaker():
    _, table = _find(['"Nothing will be the same after this winter."', "Snow closed the pass for a week."],
                     headline="Mountain villages cut off")
    row = _row(table, "Nothing will be the same")
    assert (row["speaker"], row["speaker_actor"], row["speaker_type"]) == ("", "", "unknown")
    _, table = _find(['"Nothing will be the same after this winter," the governor said.'])
    assert _row(table, "Nothing will be the same")["speaker"] == "the governor"  # negative: attributed


def test_speaker_of_the_previous_sentence():
    _, table = _find([["Councillor Rob Marsh, who chairs the finance committee, was blunter.",
                       '"We were robbed in broad daylight."']],
                     actors=[("Rob Marsh", "Marsh"), ("Rob Marsh", "Rob Marsh")])
    row = _row(table, "We were robbed")
    assert (row["speaker_actor"], row["resolution"]) == ("Rob Marsh", "context")
    _, table = _find([["The bridge opened on Monday.", '"This is a good day for the whole valley."']])
    assert _row(table, "This is a good day")["speaker"] == ""  # negative: no person opens the sentence before


def test_a_quotation_continued_in_the_next_paragraph_keeps_its_speaker():
    _, table = _find(['Judge Ines Moreau told the court: "You were trusted with the town\'s money. You took it.',
                      '"The people of this town paid for it twice."'])
    assert _row(table, "paid for it twice")["speaker"] == "Judge Ines Moreau"
    _, table = _find(['Judge Ines Moreau told the court: "You were trusted with the town\'s money."',
                      "The hearing lasted an hour.",
                      '"The people of this town paid for it twice."'])
    assert _row(table, "paid for it twice")["speaker"] == ""  # negative: the quotation had ended


PEOPLE = [("Helen Park", "Helen Park"), ("Helen Park", "Judge Park"), ("Helen Park", "the judge"),
          ("Tom Reyes", "Tom Reyes"), ("Tom Reyes", "Mr Reyes"), ("Tom Reyes", "Reyes")]


def test_pronouns_resolve_to_the_most_recent_person_of_their_gender():
    _, table = _find([["Judge Helen Park sentenced Mr Reyes to four years.",
                       '"You showed no remorse," she said.',
                       '"I will appeal," he told reporters.']], actors=PEOPLE)
    she, he = _row(table, "no remorse"), _row(table, "I will appeal")
    assert (she["speaker_actor"], she["resolution"], she["mention"]) == ("Helen Park", "pronoun", "she")
    assert he["speaker_actor"] == "Tom Reyes"  # "Mr" makes Reyes male; Park is the speaker before


def test_an_unresolved_pronoun_is_not_guessed():
    _, table = _find(['"We are not finished yet," he said.'])
    row = _row(table, "not finished")
    assert (row["speaker"], row["speaker_type"], row["mention"]) == ("", "unknown", "he")


def test_descriptions_through_aliases_and_through_the_last_person():
    _, table = _find([["Dmitri Orlov met the envoys on Friday.",
                       '"The door is open," the diplomat said.',
                       '"We expect an answer," the judge added.']],
                     actors=[("Dmitri Orlov", "Orlov"), ("Dmitri Orlov", "Dmitri Orlov"), *PEOPLE])
    diplomat = _row(table, "The door is open")
    assert (diplomat["speaker_actor"], diplomat["resolution"]) == ("Dmitri Orlov", "description")
    assert _row(table, "We expect an answer")["speaker_actor"] == "Helen Park"  # an alias, even if not mentioned
    _, table = _find(['"Talks will continue," the spokesman said.'])
    nobody = _row(table, "Talks will continue")  # negative: nobody named before, so nobody is guessed
    assert (nobody["speaker"], nobody["speaker_actor"], nobody["resolution"]) == ("the spokesman", "", "unnamed")
    assert nobody["speaker_type"] == "spokesperson"


def test_an_alias_shared_by_two_actors_is_the_one_named_last():
    actors = [("Irina Vale", "Irina Vale"), ("Irina Vale", "the minister"), ("Omar Said", "Omar Said"),
              ("Omar Said", "the minister")]
    _, table = _find([["Irina Vale met Omar Said in the capital.", '"We agreed on nothing," the minister said.']],
                     actors=actors)
    assert _row(table, "We agreed on nothing")["speaker_actor"] == "Omar Said"
    _, table = _find([["Omar Said met Irina Vale in the capital.", '"We agreed on nothing," the minister said.']],
                     actors=actors)
    assert _row(table, "We agreed on nothing")["speaker_actor"] == "Irina Vale"


def test_pronouns_it_and_they_stand_for_a_body_that_spoke():
    actors = [("Port Authority", "Port Authority")]
    _, table = _find([["The Port Authority said ships were waiting outside.",
                       "It added that the queue would clear by Friday."]], actors=actors)
    assert _row(table, "the queue would clear")["speaker_actor"] == "Port Authority"
    _, table = _find([["Ships waited outside the port.", "It added that the queue would clear by Friday."]],
                     actors=actors)
    assert _row(table, "the queue would clear")["speaker"] == ""  # negative: no body spoke before


def test_headline_label_and_headline_quotes_from_the_body():
    actors = [("Lena Ortiz", "Ortiz"), ("Lena Ortiz", "Lena Ortiz")]
    _, table = _find(['Lena Ortiz said the city would "never forget" the flood victims.'],
                     headline="Ortiz: City will 'never forget' flood victims", actors=actors)
    head = table[table["sentence_id"] == "a-000"].iloc[0]
    assert (head["speaker_actor"], head["verb"]) == ("Lena Ortiz", ":")
    _, table = _find(['Lena Ortiz said the city would "never forget" the flood victims.'],
                     headline="City will 'never forget' flood victims", actors=actors)
    assert table[table["sentence_id"] == "a-000"]["speaker_actor"].tolist() == ["Lena Ortiz"]  # from the body
    _, table = _find(["Rovers signed the striker on Friday."],
                     headline="'DONE DEAL': Rovers smash club record for striker from Porto")
    assert table.empty  # negative: a label before a colon and the story after it name no speaker


def test_nested_quotation_gets_the_speaker_named_inside():
    _, table = _find(['"The driver shouted, \'Get off the bus right now,\' and then he drove away," the witness '
                      'said.'])
    inner = table[table["text"] == "'Get off the bus right now,'"].iloc[0]
    assert inner["speaker"] == "The driver" and inner["kind"] == "direct"
    outer = _row(table, "The driver shouted")
    assert (outer["speaker"], outer["resolution"]) == ("the witness", "unnamed")  # the driver is no name
    _, table = _find(['"They keep talking about a \'fair deal\' and nothing happens," the farmer said.'])
    assert len(table) == 1  # negative: a short inner quotation without a verb is no row


def test_mixed_and_unbalanced_marks():
    _, table = _find(['The mayor said: \u201cWe will rebuild every house on this street."',
                      'The mayor said: "We will rebuild the school and the clinic first.'])
    row = _row(table, "every house")  # a curly opening mark closed by a straight one
    assert row["speaker"] == "The mayor" and row["kind"] == "direct"
    # An opening mark never closed marks no quotation, and no words are given to the mayor.
    _no_row(table, "the school and the clinic")


# ---------------------------------------------------------------------------------------------------- speaker types


@pytest.mark.parametrize("sentence, words, kind", [
    ("A senior Ruritanian official said the border would stay closed.", "the border would", "anonymous"),
    ("Senior official Maria Lopez said the border would stay closed.", "the border would", "official"),
    ("A statement from the ministry said the border would stay closed.", "the border would", "document"),
    ("The ministry said in a statement that the border would stay closed.", "the border would", "official"),
    ("State television reported that the border would stay closed.", "the border would", "media"),
    ("The broadcasting minister said the border would stay closed.", "the border would", "official"),
    ("A shopkeeper, Jonas Berg, said the border would stay closed.", "the border would", "citizen"),
    ("Jonas Berg, the port director, said the border would stay closed.", "the border would", "official"),
    ("His spokesman, Karl Wendt, said the border would stay closed.", "the border would", "spokesperson"),
    ("Karl Wendt, the president, said the border would stay closed.", "the border would", "official"),
    ("Omar Farouk, an economist at Delta Bank, said the border would stay closed.", "the border would", "expert"),
    ("An economist said the border would stay closed.", "the border would", "anonymous"),
    ("Sources said the border would stay closed.", "the border would", "anonymous"),
])
def test_speaker_types(sentence, words, kind):
    _, table = _find([sentence], actors=[("Ruritania", "Ruritanian"), ("Ruritania", "Ruritania")])
    row = _row(table, words)
    assert row["speaker_type"] == kind
    if kind == "anonymous":
        assert row["speaker_actor"] == ""  # "Ruritanian" in "a senior Ruritanian official" names no one


def test_role_words():
    assert role_type("spokeswoman") == "spokesperson" and role_type("analysts") == "expert"
    assert role_type("shopkeepers") == "citizen" and role_type("ministry") == "official"
    assert role_type("bridge") is None


def test_organisation_and_joint_speakers():
    actors = [("Portugal", "Lisbon"), ("Spain", "Madrid"), ("Port Authority", "Port Authority")]
    _, table = _find(["Lisbon and Madrid said the border would stay open.",
                      "The Port Authority said the queue had cleared."], actors=actors)
    assert _row(table, "the border would")["speaker_actor"] == "Portugal; Spain"
    org = _row(table, "the queue had cleared")
    assert (org["speaker_actor"], org["speaker_type"]) == ("Port Authority", "official")


# ---------------------------------------------------------------------------------------------------- verbs


def test_verb_group_from_the_cue_lexicon():
    _, table = _find(['The opposition claimed the vote was "rigged from the start".',
                      'The mayor called the vote "a sham".'])
    assert _row(table, "rigged")["verb_group"] == "doubting"
    called = _row(table, "a sham")
    assert (called["verb"], called["verb_group"]) == ("called", "")  # a speech-act word is no reporting verb


# ---------------------------------------------------------------------------------------------------- reported speech


def test_said_that_and_said_without_that():
    _, table = _find(["The governor said that the dam was safe.",
                      "The governor said relations with the capital were improving.",
                      "The defendant said nothing as the verdict was read.",
                      "The crowd said goodbye to the players."])
    assert _row(table, "the dam was safe")["kind"] == "indirect"
    assert _row(table, "relations with the capital were improving")["speaker"] == "The governor"
    _no_row(table, "nothing")
    _no_row(table, "goodbye")


def test_told_an_addressee_then_a_clause():
    _, table = _find(["A shopkeeper, Mira Holm, told the Gazette she had lost half her customers.",
                      "The coach told reporters about his trip."])
    row = _row(table, "she had lost half her customers")
    assert row["text"] == "she had lost half her customers" and row["speaker"] == "Mira Holm"
    _no_row(table, "about his trip")


def test_two_clauses_with_and_that_are_two_rows():
    _, table = _find(["The ministry said that the talks were useful and that experts would meet in June.",
                      "The ministry said the talks were useful and experts would meet in June."])
    first = table[table["sentence_id"] == "a-000"]
    assert first["text"].tolist() == ["the talks were useful", "experts would meet in June"]
    assert len(table[table["sentence_id"] == "a-001"]) == 1  # negative: "and" without "that"


def test_reporting_clause_after_its_content():
    _, table = _find([["Leona Frey, the trade minister, was calm.",
                       "Experts would meet again in June, she said, adding that nobody was walking away."],
                      "Steel makers had expected more, industry analysts say.",
                      "The union made a claim in May, an assertion the company rejected."],
                     actors=[("Leona Frey", "Leona Frey"), ("Leona Frey", "Frey")])
    assert _row(table, "Experts would meet again in June")["speaker_actor"] == "Leona Frey"
    analysts = _row(table, "Steel makers had expected more")
    assert (analysts["speaker"], analysts["speaker_type"]) == ("industry analysts", "anonymous")
    _no_row(table, "The union made a claim")  # negative: "an assertion the company rejected" is no attribution


def test_reported_questions():
    _, table = _find(["Opposition MP Sara Lind questioned how the ministry would pay for the plan.",
                      "Asked whether the plant would close, the director said it would not.",
                      "The firm asked for more time."])
    question = _row(table, "how the ministry would pay")
    assert question["speaker"] == "Opposition MP Sara Lind"
    asked = _row(table, "whether the plant would close")
    assert (asked["speaker"], asked["verb"]) == ("", "Asked")  # the askers are not named
    _no_row(table, "more time")


def test_accused_of_and_urged_to():
    _, table = _find(["The report accuses the agency of having likely ignored the warnings.",
                      "The mayor urged residents to stay indoors.",
                      "The mayor was accused of favouritism."])
    report = _row(table, "the agency of having likely ignored")
    assert (report["speaker"], report["speaker_type"]) == ("The report", "document")
    assert _row(table, "residents to stay indoors")["kind"] == "indirect"
    _no_row(table, "favouritism")  # negative: a passive names no accuser


def test_reported_clause_ends_before_another_speakers_quotation():
    raw, table = _find(['Local radio reported that the governor had called the protesters "vandals".',
                        'The minister said the talks had been "useful".'])
    radio = _row(table, "the governor had called")
    assert radio["text"] == "the governor had called the protesters" and radio["speaker"] == "Local radio"
    assert _row(table, "vandals")["speaker"] == "the governor"
    # Negative: a quotation of the clause's own speaker is the row, and the clause is its reported span.
    useful = table[table["sentence_id"] == "a-001"]
    assert useful["kind"].tolist() == ["partial"]
    assert raw[useful["reported_start"].iloc[0]:useful["reported_end"].iloc[0]] == 'the talks had been "useful"'


def test_reported_speech_inside_reported_speech_is_the_outer_speakers():
    _, table = _find(["The envoy said that the figures showed the deal had failed."])
    assert table["text"].tolist() == ["the figures showed the deal had failed"]


# ------------------------------------------------------------------------- comma clauses, descriptions, pronouns


def test_reporting_clause_between_commas_inside_the_reported_clause():
    _, table = _find(["Talks, he said, would resume on Monday.",
                      "The bridge, officials said last year, would need a full overhaul.",
                      "The bridge, built in 1932, needs new cables.",
                      "The tower, said to be the oldest in the region, will close in May."])
    talks = _row(table, "would resume on Monday")
    assert talks["kind"] == "indirect" and talks["text"].startswith("Talks") and talks["verb"] == "said"
    bridge = _row(table, "would need a full overhaul")
    assert (bridge["speaker"], bridge["speaker_type"]) == ("officials", "anonymous")
    _no_row(table, "needs new cables")  # negative: a participle between the commas reports nothing
    _no_row(table, "will close in May")  # negative: "said to be" is not a report of anyone's words


def test_reporting_clause_that_closes_the_sentence_after_a_long_subject():
    _, table = _find(["Talks could resume on Thursday, a source close to the negotiations said.",
                      "The plant closed in May, and the workers who lost their jobs said nothing."])
    row = _row(table, "Talks could resume on Thursday")
    assert (row["speaker"], row["speaker_type"]) == ("a source close to the negotiations", "anonymous")
    # negative: a finite verb between the comma and "said" ("who lost"): no subject of a closing clause
    _no_row(table, "The plant closed in May")


def test_a_source_with_an_adjective_after_its_noun():
    _, table = _find(["Two shipping lines have begun diverting vessels, people familiar with the matter said.",
                      "Residents close to the bridge said the noise had kept them awake."])
    assert _row(table, "diverting vessels")["speaker_type"] == "anonymous"
    # negative: dropping "close" leaves "Residents", private people, not an anonymous source
    assert _row(table, "the noise had kept them awake")["speaker_type"] == "citizen"


def test_phrasal_verb_in_a_clause_before_according_to():
    _, table = _find(["About 4,000 dockers walked off the job at dawn, leaving ships at anchor, according to the "
                      "port authority.",
                      "A retired crane operator said the ship had left early."])
    assert _row(table, "walked off the job")["speaker"] == "the port authority"
    # negative: a word in -ed before a noun is still an adjective ("A retired crane operator")
    assert _row(table, "the ship had left early")["speaker"] == "A retired crane operator"


def test_said_nothing_only_when_no_clause_follows():
    _, table = _find(["Asked about a law, the minister said nothing had been ruled out.",
                      "The defendant said nothing as the verdict was read.",
                      "The councillor said more than 200 people had asked for help."])
    assert _row(table, "nothing had been ruled out")["kind"] == "indirect"
    assert _row(table, "more than 200 people had asked")["speaker"] == "The councillor"
    _no_row(table, "as the verdict was read")  # negative: "nothing" is the object


def test_estimated_and_reported_introduce_clauses_but_not_as_passives():
    _, table = _find(["Hana Kovac, an economist at the University of Harben, estimated that the stoppage would "
                      "cost 40 million crowns a day.",
                      "The damage was estimated at 40 million crowns.",
                      "The Harben Herald reported last week that the firm had set money aside.",
                      "Two sailors were reported missing after the storm."])
    kovac = _row(table, "the stoppage would cost")
    assert (kovac["speaker"], kovac["speaker_type"]) == ("Hana Kovac", "expert")
    herald = _row(table, "the firm had set money aside")
    assert (herald["speaker"], herald["speaker_type"]) == ("The Harben Herald", "media")
    _no_row(table, "40 million crowns.")  # negative: passive "was estimated at"
    _no_row(table, "missing")  # negative: passive "were reported missing"


def test_a_name_with_a_possessive_apostrophe_is_one_speaker():
    _, table = _find(["The Ostrel Dockers\u2019 Union said in a statement that its members were defending "
                      "\u201cthe last secure jobs\u201d."],
                     actors=[("Ostrel Dockers' Union", "Ostrel Dockers' Union")])
    row = _row(table, "the last secure jobs")
    assert row["speaker_actor"] == "Ostrel Dockers' Union" and row["speaker"].startswith("The Ostrel")


def test_a_role_of_a_body_after_its_possessor_is_not_the_body():
    actors = [("Nexora Telecom", "Nexora"), ("Nexora Telecom", "the firm"), ("Anna Vilde", "Anna Vilde")]
    _, table = _find(['The firm\'s lawyers insisted it had done "everything it could".',
                      "Nexora's barrister Anna Vilde said the leak was not the firm's fault alone.",
                      "The firm said it would appeal."], actors=actors)
    lawyers = _row(table, "everything it could")
    assert (lawyers["speaker_actor"], lawyers["speaker_type"]) == ("", "spokesperson")
    # negatives: a name after the possessor, and the body itself as subject
    assert _row(table, "the leak was not")["speaker_actor"] == "Anna Vilde"
    assert _row(table, "it would appeal")["speaker_actor"] == "Nexora Telecom"


def test_a_document_speaker_names_its_issuer():
    actors = [("Kremlin", "Kremlin"), ("Data Protection Authority", "the authority"),
              ("Valdorian Chamber of Commerce", "Valdorian Chamber of Commerce")]
    _, table = _find(["The Kremlin statement said the talks had been useful.",
                      "A statement issued by the authority after the hearing said that customers could ask for "
                      "free credit monitoring.",
                      "Exporters have 3bn crowns of goods stuck at the port, according to figures compiled by the "
                      "Valdorian Chamber of Commerce."], actors=actors)
    kremlin = _row(table, "the talks had been useful")
    assert (kremlin["speaker"], kremlin["speaker_actor"], kremlin["speaker_type"]) == (
        "Kremlin statement", "Kremlin", "document")
    assert _row(table, "free credit monitoring")["speaker_actor"] == "Data Protection Authority"
    assert _row(table, "3bn crowns of goods")["speaker_actor"] == "Valdorian Chamber of Commerce"


def test_the_statement_takes_the_issuer_of_the_sentence_before():
    actors = [("Kremlin", "Kremlin"), ("Ministry of Health", "the ministry")]
    _, table = _find(["The Kremlin issued a statement on Friday.", "The statement said the talks had been useful.",
                      "The ministry said it would act.", "The statement also said the talks would go on."],
                     actors=actors)
    row = _row(table, "the talks had been useful")
    assert (row["speaker"], row["speaker_actor"], row["resolution"]) == ("Kremlin statement", "Kremlin", "description")
    # negative: no statement in the sentences before (the ministry "said"): the statement as written, no issuer
    other = _row(table, "the talks would go on")
    assert (other["speaker"], other["speaker_actor"]) == ("The statement", "")


def test_a_pronoun_prefers_the_subject_of_the_sentence_before():
    actors = [("Elena Marsh", "Elena Marsh"), ("Elena Marsh", "Marsh"), ("Tomas Reyne", "Tomas Reyne"),
              ("Tomas Reyne", "Reyne")]
    _, table = _find(["Marsh spoke to union leader Tomas Reyne by phone on Monday. "
                      '"It was a frank conversation," she said.'], actors=actors)
    assert _row(table, "a frank conversation")["speaker_actor"] == "Elena Marsh"
    # negative: a subject whose title gives the other gender is passed over for the woman after it
    _, table = _find(["Mr Reyne spoke to Elena Marsh by phone on Monday. "
                      '"It was a frank conversation," she said.'], actors=actors)
    assert _row(table, "a frank conversation")["speaker_actor"] == "Elena Marsh"
    _, table = _find(["Ms Marsh spoke to Tomas Reyne by phone on Monday. "
                      '"It was a frank conversation," he said.'], actors=actors)
    assert _row(table, "a frank conversation")["speaker_actor"] == "Tomas Reyne"


def test_a_colon_after_a_clause_about_a_named_person():
    _, table = _find(['Privacy Watch director Jo Tamsin did not hold back: "Nexora treated its customers\' data '
                      'like rubbish."',
                      'In the harbour the joke had been the same for years: "If you want a berth, see Gerald."'])
    assert _row(table, "like rubbish")["speaker"] == "Privacy Watch director Jo Tamsin"
    row = _row(table, "see Gerald")  # negative: a clause about a joke names no one
    assert row["speaker"] == "" and row["speaker_type"] == "unknown"


def test_a_quotation_after_a_sentence_that_introduces_one_person():
    actors = [("Leo Tandy", "Leo Tandy"), ("Leo Tandy", "Tandy"), ("Maria Costa", "Maria Costa"),
              ("Maria Costa", "Costa")]
    _, table = _find([["Among those in the public gallery was Leo Tandy, the researcher who found the server.",
                       '"I warned them twice and nobody picked up the phone."']], actors=actors)
    assert _row(table, "I warned them twice")["speaker_actor"] == "Leo Tandy"
    # negatives: two people in the sentence before, or the sentence before in another paragraph
    _, table = _find([["On Monday the court heard from Leo Tandy and Maria Costa.",
                       '"I warned them twice and nobody picked up the phone."']], actors=actors)
    assert _row(table, "I warned them twice")["speaker_actor"] == ""
    _, table = _find(["Among those in the public gallery was Leo Tandy.",
                      '"I warned them twice and nobody picked up the phone."'], actors=actors)
    assert _row(table, "I warned them twice")["speaker_actor"] == ""


def test_a_short_exclaimed_sentence_is_a_quotation_not_a_scare_quote():
    _, table = _find(['A cry of "Shame on you!" went up from the public gallery.',
                      'The firm is proud of its "fortress" network and its "smart port" plan.'])
    row = _row(table, "Shame on you!")
    assert (row["kind"], row["speaker"], row["speaker_type"]) == ("direct", "", "unknown")
    _no_row(table, "fortress")  # negative: fragments without an end mark stay scare quotes
    _no_row(table, "smart port")


def test_a_description_is_the_person_last_described_with_that_word():
    actors = [("Anna Berg", "Anna Berg"), ("Anna Berg", "Berg"), ("Piet Vos", "Piet Vos"), ("Piet Vos", "Vos")]
    _, table = _find(["Anna Berg, the foreign minister, arrived on Monday.",
                      "Piet Vos, a retired crane operator, watched from the quay.",
                      '"We are ready," the minister said.'], actors=actors)
    assert _row(table, "We are ready")["speaker_actor"] == "Anna Berg"  # not Vos, the most recent person
    # negative: nobody named before: the description as written, nobody guessed
    _, table = _find(['"We are ready," the minister said.'], actors=actors)
    row = _row(table, "We are ready")
    assert (row["speaker"], row["speaker_actor"], row["resolution"]) == ("the minister", "", "unnamed")


def test_a_description_named_only_in_the_next_paragraph():
    actors = [("Piet Vos", "Piet Vos"), ("Piet Vos", "Vos"), ("Anna Berg", "Anna Berg"), ("Anna Berg", "Berg")]
    _, table = _find(["A retired crane operator told the court that he had seen the ship leave.",
                      "Piet Vos, 70, a retired crane operator from Ostrel, had worked at the port for 40 years.",
                      "The country's top diplomat said on Monday that the talks had failed.",
                      "Anna Berg, the diplomat in charge of the file, flew home on Tuesday."], actors=actors)
    assert _row(table, "he had seen the ship leave")["speaker_actor"] == "Piet Vos"
    assert _row(table, "the talks had failed")["speaker_actor"] == "Anna Berg"
    # negative: an anonymous source stays anonymous even when a person with that role is named after it
    _, table = _find(["A senior official said the talks had failed.", "Piet Vos, a senior official, arrived late."],
                     actors=actors)
    row = _row(table, "the talks had failed")
    assert (row["speaker_actor"], row["speaker_type"]) == ("", "anonymous")


def test_a_name_after_a_description_is_the_speaker():
    _, table = _find(["The country's top diplomat, Anna Berg, said the talks had failed.",
                      '"We are ready," said the country\'s top diplomat, Anna Berg.',
                      '"We are ready to wait," said the diplomat, adding that talks would go on.'])
    assert _row(table, "the talks had failed")["speaker"] == "Anna Berg"
    assert _row(table, "We are ready,")["speaker"] == "Anna Berg"
    # negative: no name after the comma: the description stays the speaker's phrase
    assert _row(table, "We are ready to wait")["mention"] == "the diplomat"


def test_their_union_is_the_union():
    actors = [("Cabin Crew Association", "the union"), ("Cabin Crew Association", "Cabin Crew Association")]
    _, table = _find(["Cabin crew will walk out on Monday after pay talks broke down, their union said.",
                      "Their lawyers said the strike was legal."], actors=actors)
    assert _row(table, "Cabin crew will walk out")["speaker_actor"] == "Cabin Crew Association"
    assert _row(table, "the strike was legal")["speaker_actor"] == ""  # negative: no alias "the lawyers"


def test_a_bare_role_in_a_headline_is_the_person_described_in_the_body():
    actors = [("Ida Rask", "Ida Rask"), ("Ida Rask", "Rask")]
    _, table = _find(["Transport Minister Ida Rask has promised that the bridge will reopen \u201cstronger than "
                      "before\u201d."], headline='Bridge will reopen "stronger than before", minister promises',
                     actors=actors)
    head = table[table["text"].str.contains("stronger") & (table["start"] < 60)].iloc[0]
    assert head["speaker_actor"] == "Ida Rask"
    # negative: no person described with that word in the body
    _, table = _find(["The bridge will reopen in May."],
                     headline='Bridge will reopen "stronger than before", engineer promises', actors=actors)
    head = _row(table, "stronger than before")
    assert head["speaker_actor"] == "" and head["speaker"] == "engineer"


def test_a_name_after_a_long_description_is_the_speaker():
    # The description holds a preposition and a curly apostrophe; the name after it speaks.
    line = ("The head of the Lornby Ferry Workers\u2019 Union, Mara Quist, told Radio North the crews had never "
            "opposed the new timetable.")
    _, table = _find([line], actors=[("Mara Quist", "Mara Quist"), ("Mara Quist", "Quist")])
    row = _row(table, "the crews had never opposed")
    assert (row["speaker"], row["speaker_actor"], row["speaker_type"]) == ("Mara Quist", "Mara Quist", "official")
    _, table = _find([line])
    assert _row(table, "the crews had never opposed")["speaker"] == "Mara Quist"  # no actors: the name as written
    # Negative: an appositive that is no name leaves the description as the speaker, and no name is made up.
    _, table = _find(["The head of the ferry union, a former deckhand, said the crews were tired."])
    row = _row(table, "the crews were tired")
    assert row["speaker_actor"] == "" and "head" in row["speaker"]


def test_a_capitalised_headline_kicker_is_not_a_speaker():
    body = ['A dock worker who saw the barrels said they were "dumped in the harbour at night" by a contractor.']
    _, table = _find(body, headline="PORT SHAME: Fuel 'dumped in harbour' as inspectors look away")
    head = _row(table, "dumped in harbour'")
    assert "dock worker" in head["speaker"] and "SHAME" not in head["speaker"]  # the body's speaker of these words
    assert _row(table, "at night")["speaker"] == "A dock worker who saw the barrels"
    # Negative: a label that is a name still speaks.
    _, table = _find(["Mara Quist leads the ferry union."], headline="Quist: Crews 'never opposed' new timetable",
                     actors=[("Mara Quist", "Mara Quist"), ("Mara Quist", "Quist")])
    assert _row(table, "never opposed")["speaker_actor"] == "Mara Quist"


def test_a_noun_phrase_that_opens_the_reported_clause_is_no_speaker():
    _, table = _find(["An engineer involved in the inspection, speaking on condition of anonymity, said some fuel "
                      "barrels had been left on the quay overnight."])
    row = _row(table, "had been left on the quay")
    assert "engineer" in row["speaker"] and "barrels" not in row["speaker"]
    # With no subject to read before the verb, the noun phrase after it is still the clause's, not a speaker.
    _, table = _find(["Speaking to reporters outside the town hall on Monday, said some ballots had been stored in "
                      "the wrong room."])
    assert _row(table, "had been stored")["speaker"] == ""
    # Negative: a speaker after the verb at the end of the sentence is still read.
    _, table = _find(['"The quay has been cleared," said the harbour master.'])
    assert _row(table, "The quay has been cleared")["speaker"] == "the harbour master"


def test_a_reporting_word_used_as_a_noun_reports_nothing():
    _, table = _find(["The recount was ordered after the losing candidate complained that 200 ballots had been set "
                      "aside."])
    assert _row(table, "200 ballots had been set aside")["speaker"] == "the losing candidate"
    _no_row(table, "was ordered")
    # Negative: the same word as a verb reports its clause.
    _, table = _find(["Two clerks recounted that the ballots had been kept in a locked room."])
    assert _row(table, "the ballots had been kept")["speaker"] == "Two clerks"


def test_a_second_verb_after_and_shares_the_subject():
    _, table = _find(['Union leader Pia Holm attacked the "shabby deal" and said the crews had "earned better".',
                      "The port authority said the barrels had been stored safely and insisted no fuel had leaked.",
                      'Ms Holm, 52, thanked the mediators and promised to be "a voice for every crew".'],
                     actors=[("Pia Holm", "Pia Holm"), ("Pia Holm", "Ms Holm")])
    assert _row(table, "earned better")["speaker_actor"] == "Pia Holm"
    assert _row(table, "no fuel had leaked")["speaker"] == "The port authority"
    assert _row(table, "a voice for every crew")["speaker_actor"] == "Pia Holm"
    # Negative: a verb with its own subject after "and" is that subject's.
    _, table = _find(["Holm thanked the mediators and her deputy said the strike was over."],
                     actors=[("Pia Holm", "Pia Holm"), ("Pia Holm", "Holm")])
    row = _row(table, "the strike was over")
    assert row["speaker"] == "her deputy" and row["speaker_actor"] == ""


def test_a_second_that_clause_after_but_is_its_own_row():
    _, table = _find(['Lars Brun, an analyst at Nordbank, said the delay was "within the usual range" but that two '
                      'shipments stood out.'])
    row = _row(table, "two shipments stood out")
    assert (row["kind"], row["speaker"]) == ("indirect", "Lars Brun")
    assert not row["text"].startswith("the delay")  # its own row, not the first clause run on
    # Negative: "but" without "that" joins the outlet's own words, not a second report.
    _, table = _find(["Lars Brun said the delay was short, but the cost of the repairs remains unknown."])
    _no_row(table, "the cost of the repairs")


def test_a_reporting_clause_inside_a_what_clause():
    _, table = _find([["Pia Holm spoke after the vote.", "What the crews wanted, she said, was a say in the rota."]],
                     actors=[("Pia Holm", "Pia Holm"), ("Pia Holm", "Holm")])
    row = _row(table, "was a say in the rota")
    assert row["text"].startswith("What the crews wanted") and row["speaker_actor"] == "Pia Holm"
    # Negative: a clause opened by another word before the comma is not read as the subject of a report.
    _, table = _find([["Pia Holm spoke after the vote.", "When the crews met, she said, the rota had changed."]],
                     actors=[("Pia Holm", "Pia Holm"), ("Pia Holm", "Holm")])
    _no_row(table, "When the crews met, she said")


def test_a_closing_announced_or_can_reveal_reports_the_clause_before():
    _, table = _find(["Ivo Lind will chair the port board after a second vote confirmed his majority, the harbour "
                      "commission announced on Friday.",
                      "Fuel barrels were left on the quay for a week, the Lornby Courier can reveal."])
    row = _row(table, "Ivo Lind will chair the port board")
    assert (row["kind"], row["speaker"]) == ("indirect", "the harbour commission")
    media = _row(table, "Fuel barrels were left")
    assert (media["speaker"], media["speaker_type"]) == ("the Lornby Courier", "media")
    # Negative: "announced" with an object reports no words.
    _, table = _find(["The harbour commission announced new mooring fees on Friday."])
    assert table.empty


def test_a_name_ascribed_to_a_group_is_their_word():
    _, table = _find(['The reef, which divers regard as a "living wall", will be closed to boats.',
                      'The ferry stops at a cove the villagers call "the kettle".'])
    wall = _row(table, "living wall")
    assert (wall["kind"], wall["speaker"], wall["speaker_actor"]) == ("partial", "divers", "")
    kettle = _row(table, "the kettle")
    assert (kettle["speaker"], kettle["speaker_actor"]) == ("the villagers", "")
    # Negative: a passive name ("known as", "is called") names nobody: the outlet's quotation marks.
    _, table = _find(['The ferry stops at a cove known locally as "the kettle".',
                      'The reef is called "the living wall".'])
    assert not (table["speaker"] != "").any()


def test_the_pronoun_that_opens_the_reported_clause_is_not_the_speaker():
    actors = [("Ana Roll", "Dr Ana Roll"), ("Ana Roll", "Dr Roll")]
    _, table = _find([["Dr Ana Roll, the chief vet, ordered the cull.",
                       "One farmer, who did not want to give her name, said she had watched the inspectors arrive."]],
                     actors=actors)
    row = _row(table, "she had watched the inspectors")
    assert row["speaker"] == "One farmer" and row["speaker_actor"] == ""
    # Negative: a pronoun before the verb is the speaker, resolved as usual.
    _, table = _find([["Dr Ana Roll, the chief vet, ordered the cull.", "She said the cull was necessary."]],
                     actors=actors)
    assert _row(table, "the cull was necessary")["speaker_actor"] == "Ana Roll"


def test_a_relative_clause_before_the_verb_stays_with_its_noun():
    _, table = _find(["A dock worker who saw the barrels said the lids had been left open."])
    assert _row(table, "the lids had been left open")["speaker"] == "A dock worker who saw the barrels"
    # Negative: an object relative ("a demand that X said ...") leaves the name alone as the speaker.
    _, table = _find(["Dock unions asked for a safety fund, a demand that Governor Paul Serrano said he supported in "
                      "principle."])
    assert _row(table, "he supported in principle")["speaker"] == "Governor Paul Serrano"


def test_a_name_with_age_and_description_is_given_as_the_name():
    _, table = _find(['Karl Dunmore, 71, a retired bridge inspector, said he had come "to see it finished".'],
                     actors=[("Karl Dunmore", "Karl Dunmore"), ("Karl Dunmore", "Dunmore")])
    row = _row(table, "to see it finished")
    assert (row["speaker"], row["speaker_actor"]) == ("Karl Dunmore", "Karl Dunmore")
    # Negative: without a name the description is the speaker as written.
    _, table = _find(['A retired bridge inspector, 71, said he had come "to see it finished".'])
    assert _row(table, "to see it finished")["speaker_actor"] == ""


# ---------------------------------------------------------------------------------------------------- voices


def _voiced(paragraphs):
    _raw, sents, quotes = _tables(paragraphs)
    cues = find_cues(sents, quotes)
    table = find_quotes(sents, quotes, cues=cues)
    return sents, with_reported_voice(cues, table), table


def test_hedges_in_reported_speech_are_the_speakers():
    sents, cues, _ = _voiced(["The report claims that the plant likely leaked for months.",
                              "The plant likely leaked for months.",
                              'The engineer said: "It may have leaked for months."'])
    hedges = cues[(cues["category"] == "hedge")]
    # Inside the report's claim, in the outlet's own sentence, inside the engineer's quotation.
    assert list(zip(hedges["cue"], hedges["voice"])) == [("likely", "reported"), ("likely", "authorial"),
                                                         ("may", "quoted")]
    assert cues.loc[cues["cue"] == "claims", "voice"].tolist() == ["authorial"]  # the verb is the outlet's


def test_only_authorial_rows_inside_a_reported_span_change_voice():
    quotes = pd.DataFrame({"article_id": ["a"], "reported_start": [10], "reported_end": [40]})
    cues = pd.DataFrame({
        "article_id": ["a", "a", "a", "a", "b"],
        "start": [12, 20, 30, 45, 12], "end": [18, 28, 36, 50, 18],
        "category": ["hedge", "scare_quote", "booster", "hedge", "hedge"],
        "voice": ["authorial", "authorial", "quoted", "authorial", "authorial"],
    })
    got = with_reported_voice(cues, quotes)
    # Inside: the hedge becomes reported; the scare quote stays the outlet's; quoted stays quoted.
    # Outside the span, or in another article: unchanged.
    assert got["voice"].tolist() == ["reported", "authorial", "quoted", "authorial", "authorial"]
    assert cues["voice"].tolist()[0] == "authorial"  # the input is not changed


def test_sentence_voice_from_its_tokens():
    tokens = pd.DataFrame({
        "sentence_id": ["s1", "s1", "s2", "s2", "s3", "s3"],
        "kind": ["word", "word", "word", "punct", "word", "word"],
        "voice": ["authorial", "reported", "reported", "authorial", "quoted", "authorial"],
    })
    sents = pd.DataFrame({"sentence_id": ["s1", "s2", "s3"], "voice": ["authorial", "authorial", "mixed"]})
    assert sentence_voices(sents, tokens)["voice"].tolist() == ["mixed", "reported", "mixed"]


# ---------------------------------------------------------------------------------------------------- sources


def test_source_table_counts_words_once_and_shares_sum_to_one():
    paragraphs = ['"We will rebuild the school," Mayor Lena Ortiz said.',  # 4 words
                  'Ortiz said the work would take "two years at most".',  # reported span: 9 words
                  "A teacher, Ben Cole, said classes would move to the library."]  # 6 words
    _raw, sents, quotes = _tables(paragraphs)
    table = find_quotes(sents, quotes, actors=_actors([("Lena Ortiz", "Ortiz"), ("Lena Ortiz", "Lena Ortiz")]))
    got = source_table(table, sents)
    assert list(got.columns) == list(SOURCE_COLUMNS)
    assert got["speaker"].tolist() == ["Lena Ortiz", "Ben Cole"]
    assert got["n_quotes"].tolist() == [2, 1]
    assert got["n_words"].tolist() == [4 + 9, 6]
    assert got["share_of_quoted_words"].tolist() == pytest.approx([13 / 19, 6 / 19])
    assert got["first_paragraph"].tolist() == [1, 3] and got["last_paragraph"].tolist() == [2, 3]
    assert got["speaker_type"].tolist() == ["official", "citizen"]


def test_sources_added_up_from_parts_of_article_sets_equal_the_table_of_all(tmp_path):
    # A speaker met in several article sets under several written forms and types: the parts keep the order
    # the rows meet them, so the written form and type chosen on a tie are those of the whole table.
    corpus = load_corpus(Path(__file__).parent / "fixtures" / "three-outlets")
    table = find_quotes(corpus.sentences, corpus.quotes, actors=corpus.actors)
    whole = source_table(table, corpus.sentences)
    articles = list(dict.fromkeys(table["article_id"]))
    assert len(articles) >= 3 and len(whole) >= 5
    parts = []
    for art in articles:
        rows = table[table["article_id"] == art]
        parts.append(source_parts(rows, corpus.sentences[corpus.sentences["article_id"] == art]))
    pd.testing.assert_frame_equal(sources_from_parts(parts), whole)
    pd.testing.assert_frame_equal(sources_from_parts([combine_source_parts(parts[:2]), *parts[2:]]), whole)
    # Two sets, one of them with no quotation row: the same table.
    empty = source_parts(table.iloc[0:0], corpus.sentences.iloc[0:0])
    pd.testing.assert_frame_equal(sources_from_parts([empty, source_parts(table, corpus.sentences)]), whole)
    assert sources_from_parts([]).empty and list(sources_from_parts([]).columns) == list(SOURCE_COLUMNS)


def test_sources_keep_the_first_written_form_on_a_tie_across_parts():
    rows = pd.DataFrame({
        "article_id": ["a", "b", "b"], "outlet": ["Daily"] * 3, "sentence_id": ["a-1", "b-1", "b-2"],
        "speaker": ["the Ministry", "the ministry", "The ministry"], "speaker_actor": [""] * 3,
        "speaker_type": ["official", "spokesperson", "spokesperson"], "text": ["one two", "three", "four five six"],
    })
    whole = source_table(rows)
    # one speaker (case and determiner aside), written three ways once each: the first met is shown
    assert whole["speaker"].tolist() == ["the Ministry"] and whole["n_words"].tolist() == [6]
    assert whole["speaker_type"].tolist() == ["spokesperson"] and whole["n_quotes"].tolist() == [3]
    parts = [source_parts(rows.iloc[i:i + 1]) for i in range(3)]
    pd.testing.assert_frame_equal(sources_from_parts(parts), whole)
    backwards = rows.iloc[::-1].reset_index(drop=True)
    assert source_table(backwards)["speaker"].tolist() == ["The ministry"]
    pd.testing.assert_frame_equal(sources_from_parts(parts[::-1]), source_table(backwards))


def test_openers_and_closers():
    _raw, sents, quotes = _tables(['"We will rebuild the school," Mayor Lena Ortiz said.',
                                   "The school burned down in March.",
                                   "A teacher, Ben Cole, said classes would move to the library."])
    got = openers_and_closers(find_quotes(sents, quotes), sents)
    assert list(got.columns) == list(OPENER_COLUMNS)
    assert got["speaker"].tolist() == ["Mayor Lena Ortiz", "Ben Cole"]  # the name, not its description
    assert got["paragraph"].tolist() == [1, 3]


def test_a_folder_without_quotations_gives_empty_tables():
    _raw, sents, quotes = _tables(["The school burned down in March."])
    table = find_quotes(sents, quotes)
    assert table.empty and list(table.columns) == list(QUOTE_TABLE_COLUMNS)
    assert source_table(table, sents).empty
    assert openers_and_closers(table, sents)["speaker"].tolist() == ["", ""]


# ---------------------------------------------------------------------------------------------------- the seed event


@pytest.fixture(scope="module")
def seed():
    corpus = load_corpus(SEED_EVENT_DIR)
    cues = find_cues(corpus.sentences, corpus.quotes)
    table = find_quotes(corpus.sentences, corpus.quotes, actors=corpus.actors, cues=cues)
    return corpus, cues, table


def test_seed_press_tv_quotes_peskov_and_sputnik_does_not(seed):
    corpus, _, table = seed
    peskov = table[table["speaker_actor"] == "Dmitry Peskov"]
    assert (peskov["outlet"] == "Press TV").sum() >= 2
    assert (peskov["outlet"] == "Sputnik International").sum() == 0
    # "The diplomat however, hailed ..." is Peskov, through the most recent person named.
    assert _row(table, "a positive step")["speaker_actor"] == "Dmitry Peskov"


def test_seed_putin_is_the_main_speaker_of_both_outlets(seed):
    corpus, _, table = seed
    sources = source_table(table, corpus.sentences)
    for outlet in corpus.outlets:
        own = sources[sources["outlet"] == outlet]
        assert own.iloc[0]["speaker_actor"] == "Vladimir Putin", own
        assert own["n_quotes"].max() == own.iloc[0]["n_quotes"]
        assert own["share_of_quoted_words"].sum() == pytest.approx(1.0)


def test_seed_sputnik_white_house_attributions(seed):
    _, _, table = seed
    noted = _row(table, "the agenda will include issues relating to Ukraine")
    assert (noted["kind"], noted["speaker_actor"], noted["verb"], noted["verb_group"]) == (
        "indirect", "United States", "noted", "endorsing")
    statement = _row(table, "the two presidents will focus on the most important issues")
    assert (statement["speaker_actor"], statement["speaker_type"], statement["verb"]) == (
        "United States", "document", "According to")


def test_seed_press_tv_likely_is_reported_voice(seed):
    _, cues, table = seed
    voiced = with_reported_voice(cues, table)
    likely = voiced[(voiced["article_id"] == "presstv") & (voiced["cue"] == "likely")]
    assert likely["voice"].tolist() == ["reported"]
    report = _row(table, "of having likely directed")
    assert report["speaker_type"] == "document" and report["verb"] == "accuses"


# ---------------------------------------------------------------------------------------------------- bodies and people


_FERRY_ACTORS = [("Coastline Ferries", "Coastline Ferries"), ("Coastline Ferries", "the operator"),
                 ("Coastline Ferries", "the company"), ("Ruth Abel", "Ruth Abel"), ("Ruth Abel", "Abel"),
                 ("Max Dorn", "Max Dorn"), ("Max Dorn", "chief executive")]


def test_a_body_also_called_the_operator_is_no_person_for_a_pronoun():
    _, table = _find([["Coastline Ferries' chief executive, Ruth Abel, rejected that.",
                       "The union, she said, was \u201cliving in the past\u201d."]], actors=_FERRY_ACTORS)
    assert _row(table, "living in the past")["speaker_actor"] == "Ruth Abel"
    # Negative: the description alone, with no name after it, is still the actor it names.
    _, table = _find(["The chief executive said fares would rise in May."], actors=_FERRY_ACTORS)
    assert _row(table, "fares would rise")["speaker_actor"] == "Max Dorn"


def test_a_company_spokesman_is_not_the_company():
    _, table = _find([["Coastline Ferries apologised to passengers.",
                       "A company spokeswoman said refunds would be paid within a month."]], actors=_FERRY_ACTORS)
    row = _row(table, "refunds would be paid")
    assert row["speaker_actor"] == "" and row["speaker_type"] == "spokesperson"
    # Negative: "the company" itself is the body.
    _, table = _find([["Coastline Ferries apologised to passengers.",
                       "The company said refunds would be paid within a month."]], actors=_FERRY_ACTORS)
    assert _row(table, "refunds would be paid")["speaker_actor"] == "Coastline Ferries"


def test_a_place_before_the_name_is_not_the_speaker():
    actors = [("Omar Reyes", "Omar Reyes"), ("Omar Reyes", "Reyes")]
    _, table = _find(["Outside the depot on Quay Street, bus driver Omar Reyes, who has driven the night route for "
                      "ten years, said drivers felt ignored."], actors=actors)
    row = _row(table, "drivers felt ignored")
    assert (row["speaker"], row["speaker_actor"]) == ("bus driver Omar Reyes", "Omar Reyes")
    # Negative: an appositive before the name (no preposition) stays with it.
    _, table = _find(["The depot's longest-serving driver, Omar Reyes, who joined in 1990, said drivers felt "
                      "ignored."], actors=actors)
    assert _row(table, "drivers felt ignored")["speaker_actor"] == "Omar Reyes"


def test_a_relative_clause_about_an_unnamed_speaker_is_not_the_speaker():
    _, table = _find(["At the bakery on Harbour Road, a shop assistant who would not give her name said trade had "
                      "halved since the closure."])
    row = _row(table, "trade had halved")
    assert row["speaker"].startswith("a shop assistant") and row["speaker_actor"] == ""
    # Negative: with no "who" before them the words are the subject as usual.
    _, table = _find(["A shop assistant said trade had halved since the closure."])
    assert _row(table, "trade had halved")["speaker"] == "A shop assistant"


def test_a_description_listed_whole_among_the_aliases_is_its_actor():
    actors = [("Ports Agency", "the agency in charge of ports"), ("Coast Agency", "the agency"),
              ("Coast Agency", "Coast Agency")]
    _, table = _find(["The agency in charge of ports said it would review the rules."], actors=actors)
    assert _row(table, "it would review the rules")["speaker_actor"] == "Ports Agency"
    # Negative: a longer description that is not listed whole falls back to its head.
    _, table = _find([["Coast Agency inspected the pier.",
                       "The agency in charge of the inspection said it would review the rules."]], actors=actors)
    assert _row(table, "it would review the rules")["speaker_actor"] != "Ports Agency"


def test_an_estimate_by_a_body_is_a_document_of_that_body():
    actors = [("Brell Chamber of Commerce", "Brell Chamber of Commerce")]
    _, table = _find(["The closure will cost the city about 3 million crowns a week, according to an estimate by the "
                      "Brell Chamber of Commerce."], actors=actors)
    row = _row(table, "3 million crowns")
    assert (row["speaker_actor"], row["speaker_type"]) == ("Brell Chamber of Commerce", "document")
    # Negative: an estimate with no issuer named has no actor.
    _, table = _find(["The closure will cost the city about 3 million crowns a week, according to one estimate."],
                     actors=actors)
    assert _row(table, "3 million crowns")["speaker_actor"] == ""


def test_a_verb_in_ed_before_a_preposition_is_the_reported_verb():
    _, table = _find(["Professor Ian Moss said port strikes usually ended within a week."])
    assert _row(table, "port strikes usually ended within a week")["speaker"] == "Professor Ian Moss"
    # Negative: a word in -ed before its noun is an adjective, and the words after "said" report nothing.
    _, table = _find(["Professor Ian Moss said goodbye to his retired colleagues."])
    _no_row(table, "goodbye")


def test_the_month_may_is_no_modal():
    _, table = _find(["Engineers were warned about the faulty valves in May."])
    _no_row(table, "faulty valves")  # a passive "warned about": nobody's words are reported
    # Negative: the modal opening a reported clause is still a verb.
    _, table = _find(["The ministry warned that May could bring shortages.",
                      "Officials said prices may rise in May."])
    assert _row(table, "prices may rise")["speaker"] == "Officials"


def test_figures_show_that_reports_a_clause():
    _, table = _find(["Internal emails seen by the Courier show that engineers were warned about the faulty valves."])
    assert _row(table, "engineers were warned about the faulty valves")["speaker"] == (
        "Internal emails seen by the Courier")
    # Negative: "show" with a plain object reports nothing, and "show that" is no speaker of a later scare quote.
    _, table = _find(["Pictures showed the damage to the pier."])
    _no_row(table, "the damage")
    actors = [("Brell Chamber of Commerce", "Brell Chamber of Commerce"), ("Brell Chamber of Commerce", "the chamber")]
    _, table = _find(["Goods worth 3 million crowns are stuck at the port, according to the Brell Chamber of Commerce.",
                      "The chamber's figures showed that fresh fish made up a third of the goods.",
                      "At the heart of the dispute are the port's plans for \u201cself-driving\u201d cranes."],
                     actors=actors)
    assert not (table["text"].str.contains("self-driving") & (table["speaker_actor"] != "")).any()


def test_a_closing_reporting_clause_with_in_its_ruling():
    actors = [("Safety Board", "Safety Board")]
    _, table = _find(["The firm had kept the valves in service and had ignored three reports from its engineers, the "
                      "Safety Board said in its ruling."], actors=actors)
    assert _row(table, "had ignored three reports")["speaker_actor"] == "Safety Board"
    _, table = _find(["The fine was less than 2 percent of revenue, analysts at Brell Bank said in a note to clients."])
    assert _row(table, "less than 2 percent")["speaker"] == "analysts at Brell Bank"
    # Negative: "in" followed by something that is no document keeps the clause open.
    _, table = _find(["The firm had kept the valves in service, the Safety Board said in a case that could take "
                      "years."], actors=actors)
    _no_row(table, "The firm had kept the valves")


def test_a_name_before_a_short_parenthesis_is_the_speaker():
    actors = [("Pilots' Guild", "Pilots' Guild"), ("Pilots' Guild", "PG")]
    _, table = _find(["The Union of Harbour Pilots (UHP) said about 80 percent of its 3,000 members had joined the "
                      "walkout."], actors=[("Union of Harbour Pilots", "Union of Harbour Pilots")])
    assert _row(table, "80 percent")["speaker_actor"] == "Union of Harbour Pilots"
    # Negative: a parenthesis that holds more than a short name leaves the speaker to the usual rules.
    _, table = _find(["The guild (which represents 3,000 pilots, most of them in the north) said talks had failed."],
                     actors=actors)
    assert _row(table, "talks had failed")["speaker_actor"] == ""


def test_the_decision_is_the_most_recent_decision_of_its_issuer():
    actors = [("Harbour Authority", "Harbour Authority"), ("Harbour Authority", "the authority")]
    paragraphs = ["The ferry operator was fined 2 million crowns, the Harbour Authority said in its decision.",
                  "The operator said it would appeal.", "Passengers were angry.", "Fares rose in March.",
                  "Ferries ran late all winter.",
                  "According to the decision, the operator ignored three safety warnings."]
    _, table = _find(paragraphs, actors=actors)
    assert _row(table, "ignored three safety warnings")["speaker_actor"] == "Harbour Authority"
    # Negative: no decision mentioned before: the document has no issuer.
    _, table = _find(paragraphs[1:], actors=actors)
    assert _row(table, "ignored three safety warnings")["speaker_actor"] == ""


def test_warned_the_noun_opens_the_clause_when_a_verb_follows():
    _, table = _find(["Union leaders warned the strike could spread to the ports."])
    assert _row(table, "strike could spread")["text"] == "the strike could spread to the ports"
    # Negative: "told the minister" and "told Reuters" are addressees, not part of the reported clause.
    _, table = _find(["The envoy told the minister the talks had failed.", "The envoy told Reuters prices had risen."])
    assert _row(table, "talks had failed")["text"] == "the talks had failed"
    assert _row(table, "prices had risen")["text"] == "prices had risen"
    # Negative: "urged the union to" keeps its object; the clause of "said" before it is still reported.
    _, table = _find(["The mayor said she understood the anger but urged the union to return to talks."])
    assert _row(table, "she understood the anger")["speaker"] == "The mayor"


def test_a_closing_phrase_of_channel_after_the_verb_keeps_the_clause_before():
    _, table = _find(["Three schools had closed their gyms as a precaution, a council official said on condition "
                      "of anonymity.",
                      "Motorists should allow an extra hour, the coastguard said on social media."])
    row = _row(table, "closed their gyms")
    assert row["text"] == "Three schools had closed their gyms as a precaution"
    assert row["speaker"] == "a council official" and row["speaker_type"] == "anonymous"
    assert _row(table, "allow an extra hour")["speaker"] == "the coastguard"
    # Negative: a clause after the phrase ("said on Monday talks would ...") is read as the reported clause,
    # and the words before the comma are no report.
    _, table = _find(["Prices were rising fast, the governor said on Monday that rates would stay put."])
    assert _row(table, "rates would stay put")["text"] == "rates would stay put"
    _no_row(table, "Prices were rising fast")


def test_a_past_tense_verb_after_a_name_makes_a_clause():
    actors = [("Brannock General Hospital", "Brannock General Hospital"), ("Brannock General Hospital", "the hospital")]
    _, table = _find(["Brannock General Hospital cancelled operations on Monday after a power cut disabled theatre "
                      "lights, the hospital said."], actors=actors)
    row = _row(table, "cancelled operations")
    assert row["text"].startswith("Brannock General Hospital cancelled operations")
    assert row["speaker_actor"] == "Brannock General Hospital"
    # Negative: "-ed" after a determiner is an adjective; a noun phrase before the comma is no clause.
    _, table = _find(["The retired nurses from Brannock, the hospital said."], actors=actors)
    assert table.empty


def test_an_indefinite_description_is_not_the_named_holder_of_that_role():
    actors = [("Ola Brandt", "Ola Brandt"), ("Ola Brandt", "Brandt"), ("Ola Brandt", "ministry spokesman")]
    _, table = _find([["The Transport Ministry says 30 buses have been added.",
                       "None of them was fitted with ramps, a ministry spokesman told the Courier."]], actors=actors)
    row = _row(table, "None of them was fitted")
    assert row["speaker"] == "a ministry spokesman" and row["speaker_actor"] == ""
    # Negative: the definite description and the name still resolve to the person.
    _, table = _find(["Ministry spokesman Ola Brandt said buses would run late.",
                      "The ministry spokesman said fares would not rise."], actors=actors)
    assert _row(table, "buses would run late")["speaker_actor"] == "Ola Brandt"


def test_a_bare_description_is_the_body_named_fully_in_the_sentence_before():
    actors = [("City Police", "City Police"), ("City Police", "the police"),
              ("Highway Police", "Highway Police"), ("Highway Police", "the highway police")]
    paragraphs = [["The highway police have closed the northbound lanes.",
                   "Drivers should expect delays of an hour, the police said on the radio."]]
    _, table = _find(paragraphs, actors=actors)
    assert _row(table, "expect delays")["speaker_actor"] == "Highway Police"
    # Negative: without that mention the alias keeps its own body.
    _, table = _find([["Lanes were closed overnight.",
                       "Drivers should expect delays of an hour, the police said on the radio."]], actors=actors)
    assert _row(table, "expect delays")["speaker_actor"] == "City Police"


def test_a_closing_report_verb_of_the_media_reports_the_clause_before():
    _, table = _find(["Valdoria has recalled its envoy from Sarn, Valdorian state television reports."])
    row = _row(table, "recalled its envoy")
    assert row["text"] == "Valdoria has recalled its envoy from Sarn"
    assert row["speaker_type"] == "media" and row["verb"] == "reports"
    # Negative: "reports" as a noun after "according to" or an adjective is no verb, and a summons or a
    # recall on its own reports no words.
    _, table = _find(["The talks collapsed late on Friday, according to media reports.",
                      "Output fell by a third, the agency's annual report."])
    assert not (table["verb"].str.startswith("report")).any()
    _, table = _find(["The Foreign Ministry has summoned the Sarnese ambassador."])
    assert table.empty


def test_called_with_a_verdict_on_its_object_is_reported_speech():
    _, table = _find(["Sarn called the sanctions unlawful.",
                      "The farmers' federation has called the tariff a betrayal of rural voters."])
    row = _row(table, "the sanctions unlawful")
    assert row["kind"] == "indirect" and row["speaker"] == "Sarn" and row["verb"] == "called"
    assert _row(table, "a betrayal")["text"] == "the tariff a betrayal of rural voters"
    # Negative: a telephone call, a summons of the police, a particle, an election and a title report nothing.
    _, table = _find(["She called the hospital at noon.", "Neighbours called the police.",
                      "A nurse called her over.", "The premier called a snap election for June.",
                      "He called the office a day later.", "She called the attorney general."])
    assert table.empty


def test_a_headline_label_before_a_clause_attributes_it():
    actors = [("Ivan Holm", "Ivan Holm"), ("Ivan Holm", "Trade Minister")]
    _, table = _find(["Trade Minister Ivan Holm said the tariffs would stay until spring."],
                     headline="Trade Minister: tariffs are here to stay", actors=actors)
    row = _row(table, "tariffs are here to stay")
    assert row["kind"] == "indirect" and row["speaker_actor"] == "Ivan Holm" and row["verb"] == ":"
    # Negative: a kicker, a place and a label over a noun phrase give no headline row.
    for headline in ("Analysis: tariffs are here to stay", "Sarn: tariffs are here to stay",
                     "Trade Minister: a profile of the man behind the tariffs"):
        _, table = _find(["Trade Minister Ivan Holm said the tariffs would stay until spring."],
                         headline=headline, actors=actors)
        assert len(table) == 1, (headline, table["text"].tolist())


def test_the_description_of_someone_just_brought_in_unnamed_is_that_person():
    actors = [("Tomas Ek", "Tomas Ek"), ("Tomas Ek", "Ek")]
    paragraphs = [["Tomas Ek has waited at the depot for three days.",
                   "On Friday a customs officer came past the queue. According to Ek, the officer told drivers the "
                   "gates might open \u201cby the weekend\u201d."]]
    _, table = _find(paragraphs, actors=actors)
    row = _row(table, "by the weekend")
    assert row["speaker"] == "a customs officer" and row["speaker_actor"] == ""
    # Negative: an officer named beside the indefinite phrase is that named person, not an unnamed one.
    paragraphs = [["Tomas Ek has waited at the depot for three days.",
                   "On Friday a customs officer, Lena Fors, came past the queue. The officer told drivers the "
                   "gates might open \u201cby the weekend\u201d."]]
    _, table = _find(paragraphs, actors=actors + [("Lena Fors", "Lena Fors"), ("Lena Fors", "Fors")])
    assert _row(table, "by the weekend")["speaker_actor"] == "Lena Fors"


def test_a_written_record_that_reads_is_a_document_of_its_keeper():
    actors = [("Tomas Ek", "Tomas Ek"), ("Tomas Ek", "Ek")]
    paragraphs = ["\u201cEvery day costs me money,\u201d Ek says.",
                  ["He has kept a notebook since the gates shut.",
                   "The latest entry reads: \u201cStill here. No news.\u201d"]]
    _, table = _find(paragraphs, actors=actors)
    row = _row(table, "Still here")
    assert row["speaker_type"] == "document" and row["speaker_actor"] == "Tomas Ek"
    # Negative: a sign that reads, with no record kept by anyone, is a document without an actor.
    paragraphs = ["\u201cEvery day costs me money,\u201d Ek says.",
                  ["The depot gate is chained.", "A handwritten sign reads: \u201cClosed until further notice.\u201d"]]
    _, table = _find(paragraphs, actors=actors)
    row = _row(table, "Closed until further notice")
    assert row["speaker_type"] == "document" and row["speaker_actor"] == ""


def test_a_body_named_by_its_description_before_a_colon_speaks():
    actors = [("Port Authority of Varn", "Port Authority of Varn"), ("Port Authority of Varn", "the port authority")]
    _, table = _find(["The port authority put a notice on its website before dawn: \u201cAll berths are closed "
                      "until noon.\u201d"], actors=actors)
    row = _row(table, "All berths are closed")
    assert row["speaker_actor"] == "Port Authority of Varn" and row["verb"] == ":"
    # Negative: a clause about a thing that is no actor names no one before its colon.
    _, table = _find(["The notice had been the same for years: \u201cAll berths are closed until noon.\u201d"],
                     actors=actors)
    assert _row(table, "All berths are closed")["speaker_actor"] == ""


def test_a_reporting_clause_after_a_copula_reports_the_whole_clause():
    _, table = _find(["The fire was, investigators later said, the work of an arson gang, a group that has struck "
                      "twice this year."])
    row = _row(table, "arson gang")
    assert row["text"] == "The fire was, investigators later said, the work of an arson gang"
    assert row["speaker"] == "investigators"
    # Negative: a participle phrase between commas is no reporting clause, whatever the copula after it.
    _, table = _find(["The fire, started in a kitchen, was the work of an arson gang."])
    assert table.empty


def test_say_before_a_present_tense_clause_with_a_plural_subject_reports_it():
    _, table = _find(["Mira Dahl, who studies fraud at the Varn Business School, says such schemes target "
                      "pensioners first."])
    row = _row(table, "such schemes target pensioners first")
    assert row["text"] == "such schemes target pensioners first" and row["speaker"] == "Mira Dahl"
    # Negative: "said" with an object ("his prayers", "these words at the funeral") reports no clause.
    _, table = _find(["He said his prayers every night.", "She said these words at the funeral."])
    _no_row(table, "prayers")
    _no_row(table, "funeral")


def test_according_to_closing_the_sentence_reports_a_clause_without_a_marked_verb():
    _, table = _find(["About 400 ferries dock at Varn in a normal month, according to harbour figures."])
    row = _row(table, "ferries dock")
    assert row["text"] == "About 400 ferries dock at Varn in a normal month"
    assert row["speaker_type"] == "document"
    # Negative: "according to" with no comma before it ("ran according to plan") reports nothing, and a clause
    # with no marked verb before a longer phrase is not read.
    _, table = _find(["The ferries ran according to plan.",
                      "The ferries dock at Varn, according to the timetable published by the port authority last "
                      "spring in the city."])
    assert table.empty


def test_a_caller_or_listener_named_in_full_is_a_person_a_pronoun_can_refer_to():
    actors = [("Maren Holt", "Maren Holt"), ("Maren Holt", "Dr Maren Holt"),
              ("Ada Venn", "Ada Venn"), ("Ada Venn", "Caller Ada Venn")]
    paras = ["Dr Maren Holt said clinics would stay open late this week.",
             "Caller Ada Venn, 81, said she had learned of the shortage from a neighbour. "
             "\"I was worried. I had one box left,\" she said."]
    _, table = _find(paras, actors=actors)
    row = _row(table, "I was worried")
    assert row["speaker_actor"] == "Ada Venn" and row["speaker_type"] == "citizen"
    assert role_type("listeners") == "citizen"
    # Negative: "call" and "reader" (a newsreader reads others' words) are no roles of a private person.
    assert role_type("call") is None and role_type("reader") is None


def test_his_or_her_words_give_the_person_the_possessive_refers_to():
    actors = [("Pavel Ostrov", "Pavel Ostrov"), ("Pavel Ostrov", "Mr Pavel Ostrov")]
    _, table = _find([["The mayor, Mr Pavel Ostrov, was not satisfied with the response.",
                       "According to his words, the town hall learned of the flood from a neighbour."]],
                     actors=actors)
    row = _row(table, "the town hall learned of the flood")
    assert row["speaker_actor"] == "Pavel Ostrov" and row["resolution"] == "pronoun"
    # Negative: "the words of the report" are a document's, not the person named before.
    _, table = _find([["Mr Pavel Ostrov was not satisfied with the response.",
                       "According to the words of the report, the town hall learned of the flood from a neighbour."]],
                     actors=actors)
    assert _row(table, "the town hall learned of the flood")["speaker_actor"] != "Pavel Ostrov"


def test_the_minister_is_the_minister_the_article_named_not_another_of_the_folder():
    actors = [("Lea Marsh", "Lea Marsh"), ("Lea Marsh", "the Minister"), ("Lea Marsh", "The Minister of Transport"),
              ("Iris Kade", "Iris Kade"), ("Iris Kade", "The Minister of Education"),
              ("Iris Kade", "Mrs Iris Kade")]
    _, table = _find(["The Minister of Education, Mrs Iris Kade, visited the school in Ryde on Monday.",
                      "\u201cNo pupil will lose a day of lessons,\u201d stated the Minister."], actors=actors)
    assert _row(table, "No pupil will lose")["speaker_actor"] == "Iris Kade"
    # Negative: where the article names the minister the alias belongs to, "the Minister" stays that minister.
    _, table = _find(["The Minister of Education, Mrs Iris Kade, visited the school in Ryde on Monday.",
                      "Lea Marsh, the transport minister, came too.",
                      "\u201cThe buses will run,\u201d stated the Minister."], actors=actors)
    assert _row(table, "The buses will run")["speaker_actor"] == "Lea Marsh"


def test_a_long_name_with_a_preposition_from_the_actor_list_is_the_whole_speaker():
    actors = [("Union of Workers in Road Transport", "Union of Workers in Road Transport")]
    _, table = _find(["The Union of Workers in Road Transport warned that drivers would not accept longer shifts."],
                     actors=actors)
    row = _row(table, "drivers would not accept")
    assert row["speaker_actor"] == "Union of Workers in Road Transport"
    assert row["speaker"].endswith("Union of Workers in Road Transport")
    # Negative: without that name among the actors, the phrase is not taken as that body.
    _, table = _find(["The Union of Workers in Road Transport warned that drivers would not accept longer shifts."])
    assert _row(table, "drivers would not accept")["speaker_actor"] == ""


def test_a_single_given_name_after_a_description_with_a_relative_clause_names_the_speaker():
    actors = [("Dana", "Dana"), ("Dana", "A nurse in Ryde")]
    _, table = _find(["A nurse in Ryde, who gave only her first name, Dana, said the ward had been full since dawn."],
                     actors=actors)
    assert _row(table, "the ward had been full")["speaker_actor"] == "Dana"
    # Negative: one capitalised word that is no actor after the comma is not taken as the speaker's name.
    _, table = _find(["A nurse in Ryde, who works nights at the hospital in Ryde, said the ward had been full since "
                      "dawn."], actors=[("Dana", "Dana")])
    assert _row(table, "the ward had been full")["speaker_actor"] != "Dana"


def test_a_verb_that_closes_its_own_quotation_attributes_nothing_in_the_next_paragraph():
    actors = [("Ada Venn", "Ada Venn"), ("Ada Venn", "Caller Ada Venn")]
    paras = ["Caller Ada Venn, 81, said she had learned of the shortage from a neighbour. "
             "\"I was worried. I had one box left,\" she said.",
             "In the villages, the old \"party line\" worked faster than the clinics."]
    _, table = _find(paras, actors=actors)
    assert _row(table, "I was worried")["speaker_actor"] == "Ada Venn"
    assert not (table["text"].str.contains("party line") & (table["speaker_actor"] != "")).any()
    # Negative: in the same paragraph the sentence after a quotation still carries its speaker.
    _, table = _find([paras[0] + " \"Then my son drove me to Ryde.\""], actors=actors)
    assert _row(table, "Then my son drove me")["speaker_actor"] == "Ada Venn"


def test_a_participle_of_saying_after_a_comma_shares_the_subject_of_the_clause_before():
    actors = [("Noor Baig", "Noor Baig"), ("Noor Baig", "Baig")]
    _, table = _find(["Harbour Bank analyst Noor Baig kept her sell rating on the shipper, writing in a note that "
                      "freight rates had not yet found a floor."], actors=actors)
    row = _row(table, "freight rates had not yet found a floor")
    assert row["speaker_actor"] == "Noor Baig" and row["verb"] == "writing"
    _, table = _find(["Analysts at Tarn Securities cut their price target on the shipper, writing that the strike "
                      "could cost it a quarter of its profit."])
    assert "Analysts at Tarn Securities" in _row(table, "the strike could cost")["speaker"]
    # Negative: after a fronted phrase the words before the verb are no subject of the participle.
    _, table = _find(["After the strike ended in May, writing that the port was open again, the harbour master "
                      "lifted the ban."])
    assert not table["speaker"].str.contains("After the strike").any()


def test_formal_reporting_verbs_before_that_report_the_clause():
    _, table = _find(["The Road Agency communicated that the bridge stays closed to lorries until further notice.",
                      "Asked about the delay, the minister answered that this will be decided by the inspectors."])
    row = _row(table, "the bridge stays closed")
    assert row["kind"] == "indirect" and row["speaker"] == "The Road Agency"
    assert _row(table, "this will be decided by the inspectors")["speaker"] == "the minister"
    # Negative: without "that" the verbs take objects ("communicated the plan", "answered questions"), not speech.
    _, table = _find(["The Road Agency communicated the plan to drivers.",
                      "The minister answered questions for an hour."])
    _no_row(table, "the plan to drivers")
    _no_row(table, "questions for an hour")


_INTERVIEW = [
    "On Morning Line, presenter Tom Asker spoke to the head of the Ryde fire service, Vera Lund.",
    "Q: Ms Lund, is the fire under control?",
    ["A: Not yet, and not before tonight.", "We will keep the road closed until the wind drops."],
    "Q: Are homes at risk?",
    ["A: The crews tell me the wind is turning.", "That gives us a chance."],
]
_INTERVIEW_ACTORS = [("Vera Lund", "Vera Lund"), ("Vera Lund", "Ms Lund"), ("Tom Asker", "Tom Asker"),
                     ("Tom Asker", "presenter Tom Asker")]


def test_a_transcript_answer_after_a_question_is_the_interviewees_direct_speech():
    raw, table = _find(_INTERVIEW, actors=_INTERVIEW_ACTORS)
    row = _row(table, "Not yet, and not before tonight.")
    assert row["kind"] == "direct" and row["speaker_actor"] == "Vera Lund" and row["resolution"] == "context"
    assert row["text"].endswith("until the wind drops.")
    # speech reported inside an answer is the interviewee's own words, no row of the crews
    assert _row(table, "The crews tell me")["speaker_actor"] == "Vera Lund"
    assert (table["speaker"] != "The crews").all()
    _no_row(table, "is the fire under control")
    # Negative: "A:" with no question before it (a list, a caption) is no answer.
    _, table = _find(["Vera Lund said the road would stay shut.", "A: Fire crews at the road block.",
                      "B: The burnt hillside above Ryde."], actors=_INTERVIEW_ACTORS)
    _no_row(table, "Fire crews at the road block")


def test_a_headline_label_that_names_no_actor_yields_to_the_body_speaker_of_the_quote():
    raw, table = _find(_INTERVIEW, actors=_INTERVIEW_ACTORS,
                       headline='Ryde Hills: "We will keep the road closed until the wind drops"')
    head = table[table["start"] < raw.index("On Morning")]
    assert head["speaker_actor"].tolist() == ["Vera Lund"]
    # Negative: a label that is an actor keeps the quote, whatever the body says.
    raw, table = _find(_INTERVIEW, actors=[*_INTERVIEW_ACTORS, ("Fire Union", "Fire Union")],
                       headline='Fire Union: "We will keep the road closed until the wind drops"')
    head = table[table["start"] < raw.index("On Morning")]
    assert head["speaker_actor"].tolist() == ["Fire Union"]


def test_a_document_of_a_body_after_a_quotation_is_its_source():
    actors = [("Tarn Foods", "Tarn Foods"), ("Tarn Foods", "the company")]
    _, table = _find(["The company Tarn Foods withdrew the yoghurt from sale.",
                      "\u201cWe regret the worry caused to our customers,\u201d it is written in the statement of the "
                      "company."], actors=actors)
    row = _row(table, "We regret the worry")
    assert row["speaker_actor"] == "Tarn Foods" and row["speaker_type"] == "document"
    # Negative: a statement "of" a date names no body: the quotation gets no actor.
    _, table = _find(["The company Tarn Foods withdrew the yoghurt from sale.",
                      "\u201cWe regret the worry caused to our customers,\u201d it is written in the statement of "
                      "12 May."], actors=actors)
    assert _row(table, "We regret the worry")["speaker_actor"] == ""


# ------------------------------------------------------------------ court reports, live blogs and the science desk


def test_an_impersonal_reporting_construction_is_a_row_with_no_speaker():
    actors = [("Harlow Water", "Harlow Water"), ("Harlow Water", "the utility")]
    _, table = _find(["Harlow Water said in a statement that supplies were safe.",
                      "It is understood that the utility has since replaced two of its pumps.",
                      "It was reported last week that the reservoir had fallen to a third of its level."],
                     actors=actors)
    for words in ("the utility has since replaced", "the reservoir had fallen"):
        row = _row(table, words)
        assert row["kind"] == "indirect" and row["speaker"] == "" and row["speaker_type"] == "unknown"
    # Negative: "is said to be" + a noun phrase reports no clause, and "It is expected that" is no report.
    _, table = _find(["The chief engineer is said to be furious with the contractors.",
                      "It is expected that the pumps will be replaced by March."], actors=actors)
    assert table.empty


def test_a_court_that_hears_evidence_is_no_speaker_of_it():
    _, table = _find(["The court heard that the lorry had been serviced twice in a month, and that its brakes "
                      "were worn."])
    for words in ("the lorry had been serviced", "its brakes were worn"):
        row = _row(table, words)
        assert row["kind"] == "indirect" and row["speaker"] == "" and row["speaker_type"] == "unknown"
    # Negative: the court hearing from someone, with no reported clause, is no row; a court that tells is a speaker.
    _, table = _find(["The court heard evidence from two mechanics on Tuesday."])
    assert table.empty
    _, table = _find(["The court told the haulier that it must pay the fines within a month."],
                     actors=[("Harbour District Court", "the court")])
    assert _row(table, "it must pay the fines")["speaker_actor"] == "Harbour District Court"


def test_a_participle_after_the_noun_of_a_channel_is_no_reporting_verb():
    actors = [("Ines Varga", "Ines Varga")]
    _, table = _find(['A driver at the depot, Ines Varga, said in a clip posted online that the gates were '
                      '"locked from the inside".'], actors=actors)
    assert _row(table, "locked from the inside")["speaker_actor"] == "Ines Varga"
    assert (table["speaker"] != "a clip").all()
    # Negative: "posted" as the verb of its subject still reports ("Varga posted on X that ...").
    _, table = _find(['Ines Varga posted on X that the gates were "locked from the inside".'], actors=actors)
    row = _row(table, "locked from the inside")
    assert row["speaker_actor"] == "Ines Varga" and row["verb"] == "posted"


def test_a_subject_pronoun_after_a_fronted_phrase_is_the_whole_subject():
    actors = [("Ada Brenn", "Ada Brenn"), ("Ada Brenn", "Mayor Ada Brenn")]
    _, table = _find(["Mayor Ada Brenn posted a warning on Telegram.",
                      'In a later post she wrote: "Stay away from the river path."'], actors=actors)
    assert _row(table, "Stay away from the river")["speaker_actor"] == "Ada Brenn"
    # Negative: a fronted phrase before a noun subject leaves the noun phrase whole.
    _, table = _find(['In a later post the mayor wrote: "Stay away from the river path."'],
                     actors=[*actors, ("Ada Brenn", "the mayor")])
    assert _row(table, "Stay away from the river")["mention"] == "the mayor"


_STUDY_ACTORS = [("Tidal Flood study team", "Tidal Flood study team"), ("Tidal Flood study team", "the authors"),
                 ("Tidal Flood study team", "Researchers at Orrin University"),
                 ("Orrin University", "Orrin University")]


def test_a_study_text_with_no_issuer_of_its_own_speaks_for_the_team_that_wrote_it():
    _, table = _find(["Researchers at Orrin University mapped every street that flooded in March.",
                      "Their paper, in the Journal of Coastal Risk, says the sea wall was two metres too low.",
                      "The data suggest the pumps failed within an hour.",
                      "Figures in the study show that 400 homes were flooded."], actors=_STUDY_ACTORS)
    for words in ("the sea wall was two metres", "the pumps failed within", "400 homes were flooded"):
        row = _row(table, words)
        assert row["speaker_actor"] == "Tidal Flood study team" and row["speaker_type"] == "document", words
    # Negative: with no study team in the article, a paper stays unnamed; a report with an issuer keeps it.
    _, table = _find(["The paper says the sea wall was two metres too low.",
                      "A report by Orrin University says the pumps failed within an hour."],
                     actors=[("Orrin University", "Orrin University")])
    assert _row(table, "the sea wall was two metres")["speaker_actor"] == ""
    assert _row(table, "the pumps failed within")["speaker_actor"] == "Orrin University"


def test_research_texts_report_a_clause_without_that_and_when_they_close_the_sentence():
    _, table = _find(["The data suggest the pumps failed within an hour.",
                      "Sea levels at the harbour rose faster than forecast, a study published on Monday has found."],
                     actors=_STUDY_ACTORS)
    assert _row(table, "the pumps failed within")["kind"] == "indirect"
    assert _row(table, "Sea levels at the harbour rose")["verb"] == "found"
    # Negative: "show" with a noun object reports nothing.
    _, table = _find(["The figures show a rise in insurance claims."], actors=_STUDY_ACTORS)
    assert table.empty


def test_a_headline_clause_without_a_marked_verb_before_scientists_say_is_reported():
    raw, table = _find(["Researchers at Orrin University mapped every street that flooded in March."],
                       actors=[*_STUDY_ACTORS, ("Tidal Flood study team", "scientists")],
                       headline="Low sea wall doomed harbour streets, scientists say")
    row = _row(table, "Low sea wall doomed harbour streets")
    assert row["kind"] == "indirect" and row["speaker_actor"] == "Tidal Flood study team"
    # Negative: in the body a clause with no finite verb before ", X say" is no report.
    _, table = _find(["Low sea wall and harbour streets, scientists say."])
    _no_row(table, "Low sea wall")


def test_a_pronoun_inside_a_quotation_is_never_the_quotations_own_speaker():
    actors = [("Oskar Lind", "Oskar Lind"), ("Oskar Lind", "Oskar"), ("Pia Roth", "Pia Roth"),
              ("Pia Roth", "Ms Roth")]
    _, table = _find(["Oskar Lind ran the night shift at the depot.",
                      "\u201cI went to Oskar and he said, \u2018Leave the gate to me,\u2019\u201d Ms Roth said."],
                     actors=actors)
    assert _shortest_row(table, "Leave the gate to me")["speaker_actor"] == "Oskar Lind"
    assert _row(table, "I went to Oskar")["speaker_actor"] == "Pia Roth"
    # Negative: when the quotation names nobody else and no one else was named, the pronoun stays unresolved.
    _, table = _find(["\u201cThen he said, \u2018Leave the gate to me,\u2019\u201d Ms Roth said."], actors=actors)
    row = _shortest_row(table, "Leave the gate to me")
    assert row["speaker_actor"] != "Pia Roth"
    # Negative: a quotation that ends in a comma and its own mark holds no nested quotation.
    _, table = _find(["“We met the drivers at the gate,” Ms Roth said."], actors=actors)
    assert len(table) == 1 and table["speaker_actor"].tolist() == ["Pia Roth"]


def test_a_pronoun_inside_a_quotation_may_be_an_unnamed_person_of_the_sentence_before():
    actors = [("Jon Ekert", "Jon Ekert"), ("Jon Ekert", "Ekert")]
    _, table = _find(["Ekert said he had visited a nurse in hospital.",
                      '"She told me, \'Keep the shelter open,\' and we did," he said.'], actors=actors)
    assert "nurse" in _shortest_row(table, "'Keep the shelter open,'")["speaker"]
    assert _row(table, "She told me")["speaker_actor"] == "Jon Ekert"
    # Negative: a named person in the quotation before the pronoun comes first.
    actors = [*actors, ("Rosa Fell", "Rosa Fell"), ("Rosa Fell", "Rosa")]
    _, table = _find(["Ekert said he had visited a nurse in hospital.",
                      '"Rosa came in and she told me, \'Keep the shelter open,\'" he said.'], actors=actors)
    assert _shortest_row(table, "'Keep the shelter open,'")["speaker_actor"] == "Rosa Fell"


def test_a_charity_set_up_by_families_is_an_appositive_not_a_verb():
    actors = [("Mara Lind", "Mara Lind")]
    _, table = _find(['Mara Lind, a nurse with Care First, a charity set up by families of the injured, said the '
                      'report showed the ward "was never safe".'], actors=actors)
    assert _row(table, "was never safe")["speaker_actor"] == "Mara Lind"
    # Negative: an irregular past with an object before "by" is a verb: the council cut jobs.
    _, table = _find(["The council cut jobs by a tenth, the union said."])
    assert _row(table, "The council cut jobs by a tenth")["speaker"] == "the union"


def test_a_verb_in_ed_after_its_subjects_noun_is_finite_in_a_closing_report():
    _, table = _find(["A depot manager for the firm that ran the ferries ignored repeated warnings from his crew, "
                      "prosecutors told jurors on Monday."],
                     actors=[("Public Prosecutor", "Public Prosecutor"), ("Public Prosecutor", "prosecutors")])
    row = _row(table, "ignored repeated warnings")
    assert row["kind"] == "indirect" and row["speaker_actor"] == "Public Prosecutor"
    # Negative: an adjective in -ed after an article ("a retired crane operator") makes no clause.
    _, table = _find(["A retired crane operator from the harbour district, prosecutors told jurors on Monday."])
    _no_row(table, "retired crane operator")
    # Negative: after a quantifier the word in -ed is an adjective: a warning against something reports no clause.
    _, table = _find(["The envoy warned against any inflated hopes for the talks in Lisbon."])
    assert table.empty


def test_concession_and_suggestion_verbs_before_that_report_the_clause():
    actors = [("Lena Voss", "Lena Voss"), ("Lena Voss", "Ms Voss"), ("Tomas Irle", "Tomas Irle")]
    _, table = _find(["Under cross-examination, Tomas Irle, for the company, suggested that the alarm had been "
                      "switched off.",
                      "Ms Voss accepted that \u201cnobody checked the panel that night\u201d."], actors=actors)
    assert _row(table, "the alarm had been switched off")["speaker_actor"] == "Tomas Irle"
    assert _row(table, "nobody checked the panel")["speaker_actor"] == "Lena Voss"
    # Negative: with a noun object the verbs report nothing.
    _, table = _find(["Ms Voss accepted the offer and Tomas Irle suggested a break."], actors=actors)
    assert table.empty


def test_a_headline_quote_told_to_a_court_takes_the_body_speaker():
    actors = [("Nils Ardent", "Nils Ardent"), ("Nils Ardent", "Mr Ardent")]
    raw, table = _find(["\u201cHe signed the checks without looking at the van,\u201d Mr Ardent told the jury."],
                       actors=actors, headline="Depot boss \u2018signed the checks without looking\u2019, court told")
    head = table[table["start"] < raw.index("\u201cHe signed")]
    assert head["speaker_actor"].tolist() == ["Nils Ardent"]
    # Negative: a speaker before "tells court" speaks the headline.
    raw, table = _find(["\u201cHe signed the checks without looking at the van,\u201d Mr Ardent told the jury."],
                       actors=actors, headline="Mr Ardent tells court depot boss \u2018signed the checks\u2019")
    head = table[table["start"] < raw.index("\u201cHe signed")]
    assert head["speaker_actor"].tolist() == ["Nils Ardent"] and head["verb"].tolist() == ["tells"]


def test_a_documents_word_inside_a_persons_reported_clause_is_that_persons():
    _, table = _find(['A senior housing officer said an internal review in June had described repairs as '
                      '"badly delayed".'])
    row = _row(table, "badly delayed")
    assert row["speaker"] == "A senior housing officer" and row["speaker_type"] == "anonymous"
    _no_row(table, "an internal review in June")  # one row: the quotation carries the officer's report
    # Negative: a person's words inside another's reported clause keep their own speaker.
    actors = [("Kai Moor", "Kai Moor"), ("Kai Moor", "Mr Moor"), ("Ida Sand", "Ida Sand")]
    _, table = _find(["Kai Moor ran the depot.",
                      "Ida Sand said Mr Moor had called the shift \u201ca disgrace\u201d."], actors=actors)
    assert _row(table, "a disgrace")["speaker_actor"] == "Kai Moor"


def test_a_question_asked_by_a_named_person_is_the_askers():
    actors = [("Rhea Nolte", "Rhea Nolte"), ("Ben Ostrow", "Ben Ostrow"), ("Ben Ostrow", "the driver")]
    _, table = _find(["Asked by Rhea Nolte, for the insurer, whether he had checked the tyres, the driver said he "
                      "had not."], actors=actors)
    row = _row(table, "whether he had checked the tyres")
    assert row["kind"] == "indirect" and row["speaker_actor"] == "Rhea Nolte"
    # Negative: "Asked whether ..." names no asker.
    _, table = _find(["Asked whether he had checked the tyres, the driver said he had not."], actors=actors)
    assert _row(table, "whether he had checked the tyres")["speaker"] == ""


def test_an_instruction_to_an_addressee_is_reported_speech_but_an_agentless_passive_is_not():
    actors = [("Eva Brandt", "Eva Brandt"), ("Eva Brandt", "Judge Eva Brandt")]
    _, table = _find(["Judge Eva Brandt warned jurors not to discuss the case with their families."], actors=actors)
    row = _row(table, "not to discuss the case")
    assert row["kind"] == "indirect" and row["speaker_actor"] == "Eva Brandt"
    # Negative: "was told to leave" names no one who told.
    _, table = _find(["The jury was later told to leave the room while the lawyers argued."])
    assert table.empty


def test_an_appositive_inside_the_subject_of_a_reported_clause_is_read_over():
    _, table = _find(["The council's treasurer, Ola Brun, said the cost of the new buses, about 2 million euros, "
                      "would come from parking fees."])
    row = _row(table, "would come from parking fees")
    assert row["kind"] == "indirect" and row["text"].startswith("the cost of the new buses")
    # Negative: a list after the verb with no finite verb after the second comma is no clause.
    _, table = _find(["The treasurer said goodbye to the drivers, about forty people, and left early."])
    assert table.empty


def test_a_person_named_before_an_appositive_is_the_speaker_not_the_body_it_names():
    actors = [("Lena Moss", "Lena Moss"), ("Lena Moss", "Moss"), ("Green League", "the Green League"),
              ("Green League", "Green League"), ("Tom Ibsen", "Tom Ibsen")]
    _, table = _find(["Lena Moss, the Green League leader, said the tariff was \u201ca tax on the poor\u201d.",
                      "The head of the Green League, Tom Ibsen, said the party would vote against it.",
                      "The Green League, which holds nine seats, said it would table an amendment."],
                     actors=actors)
    assert _row(table, "a tax on the poor")["speaker_actor"] == "Lena Moss"
    # negative: a description before the comma still gives the person named after it
    assert _row(table, "would vote against it")["speaker_actor"] == "Tom Ibsen"
    # negative: a body named before its relative clause stays the body
    assert _row(table, "table an amendment")["speaker_actor"] == "Green League"


def test_a_body_beside_a_job_word_is_not_a_private_person():
    actors = [("Corvane Power", "Corvane Power"), ("Corvane Power", "Corvane"), ("Mia Holt", "Mia Holt"),
              ("Mia Holt", "Holt")]
    _, table = _find(["The board overruled its operator, Corvane Power, which had argued that the plant was safe.",
                      "Corvane insisted that the boilers had passed every inspection.",
                      "Its operator, Mia Holt, said the crane had been checked.",
                      "\u201cWe were never told,\u201d said fitter Jonas Berg, 41."], actors=actors)
    assert _row(table, "the plant was safe")["speaker_type"] == "official"
    assert _row(table, "the boilers had passed")["speaker_type"] == "official"
    # negative: a person named beside the same job word is a private person
    assert _row(table, "the crane had been checked")["speaker_type"] == "citizen"
    assert _row(table, "We were never told")["speaker_type"] == "citizen"


def test_speaker_key_drops_a_title_or_role_before_a_name():
    from framing.measures.speakers import speaker_key

    assert speaker_key("Russian President Vladimir Putin", "") == speaker_key("Vladimir Putin", "") == "vladimir putin"
    assert speaker_key("Kremlin spokesman Dmitry Peskov", "") == "dmitry peskov"
    assert speaker_key("Mr Velic", "") == speaker_key("Velic", "") == "velic"
    # negative: a role with no name after it, a body, a description, one capitalised word after a role
    assert speaker_key("the Foreign Minister", "") == "foreign minister"
    assert speaker_key("the Energy Board", "") == "energy board"
    assert speaker_key("a senior official", "") == "senior official"
    assert speaker_key("President Putin", "") == "president putin"
    assert speaker_key("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov") == "Dmitry Peskov"  # the actor first
