"""Tests for framing.measures.speakers: who speaks each quotation and stretch of reported speech.

Every expected speaker, kind and span below was read off the sentence by hand before the finder was
run.  The sentences are written for these tests in the patterns of wire copy, state broadcasters and
dailies (speaker before or after the quotation, "according to", a colon, a pronoun, a description,
reported speech with and without "that"); every rule has a case where it applies and one where it
must not.  The seed event checks at the end are those the notebook's claims rest on.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.core.paths import SEED_EVENT_DIR
from framing.core.vocabulary import OPENER_COLUMNS, QUOTE_TABLE_COLUMNS, SOURCE_COLUMNS, SPEAKER_TYPES
from framing.load.corpus import load_corpus
from framing.load.text import quote_spans
from framing.measures.cues import find_cues
from framing.measures.speakers import (
    find_quotes,
    openers_and_closers,
    role_type,
    sentence_voices,
    source_table,
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
    assert vos["speaker"] == "The harbour's chief engineer, Piet Vos" and vos["speaker_type"] == "official"
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
    assert row["text"] == "she had lost half her customers" and row["speaker"] == "A shopkeeper, Mira Holm"
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
    assert got["speaker"].tolist() == ["Lena Ortiz", "A teacher, Ben Cole"]
    assert got["n_quotes"].tolist() == [2, 1]
    assert got["n_words"].tolist() == [4 + 9, 6]
    assert got["share_of_quoted_words"].tolist() == pytest.approx([13 / 19, 6 / 19])
    assert got["first_paragraph"].tolist() == [1, 3] and got["last_paragraph"].tolist() == [2, 3]
    assert got["speaker_type"].tolist() == ["official", "citizen"]


def test_openers_and_closers():
    _raw, sents, quotes = _tables(['"We will rebuild the school," Mayor Lena Ortiz said.',
                                   "The school burned down in March.",
                                   "A teacher, Ben Cole, said classes would move to the library."])
    got = openers_and_closers(find_quotes(sents, quotes), sents)
    assert list(got.columns) == list(OPENER_COLUMNS)
    assert got["speaker"].tolist() == ["Mayor Lena Ortiz", "A teacher, Ben Cole"]
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
