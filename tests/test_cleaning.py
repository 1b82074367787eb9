"""Page cleaning on the two seed pages, checked line by line against a reading of the pages."""

from __future__ import annotations

import pytest

from framing.core import paths
from framing.load.cleaning import classify_lines, split_lines
from framing.load.corpus import load_corpus

SEED = paths.SEED_EVENT_DIR


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEED)


def roles(corpus, article_id):
    df = corpus.lines[corpus.lines.article_id == article_id]
    return dict(zip(df.line_no, df.role))


# Read off the pages by hand: which raw lines are the article (headline / body paragraphs).
SPUTNIK_BODY = [10, 12, 14, 16, 18, 20, 25, 27]
PRESSTV_BODY = [7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39]


def test_sputnik_roles_by_hand(corpus):
    r = roles(corpus, "sputnik")
    assert r[5] == "headline"
    assert sorted(n for n, role in r.items() if role in ("body", "standfirst")) == SPUTNIK_BODY
    assert r[7] == "caption"  # photo credit glued to the caption
    assert r[8] == "caption"
    assert [r[22], r[23], r[24]] == ["teaser"] * 3  # the embedded Lavrov story
    assert r[35] == "chrome"  # Russian widget label
    assert all(r[n] == "chrome" for n in (1, 2, 3, 9, 29, 30, 31, 32, 33, 34, 35))


def test_presstv_roles_by_hand(corpus):
    r = roles(corpus, "presstv")
    assert r[3] == "headline"
    assert sorted(n for n, role in r.items() if role in ("body", "standfirst")) == PRESSTV_BODY
    assert r[5] == "caption"
    assert all(r[n] == "chrome" for n in (1, 42, 44, 46, 47))  # breadcrumb and alternate-address footer


def test_every_nonempty_line_has_role_and_reason(corpus):
    for aid, raw in corpus.texts.items():
        df = corpus.lines[corpus.lines.article_id == aid]
        nonempty = [i + 1 for i, (_, _, t) in enumerate(split_lines(raw)) if t.strip()]
        got = df[df.role != "blank"]
        assert list(got.line_no) == nonempty
        assert (got.reason.str.len() > 5).all()


def test_line_offsets_map_back(corpus):
    for row in corpus.lines.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.text


def test_headline_found_without_metadata():
    raw = (SEED / "presstv.txt").read_text(encoding="utf-8")
    lines = classify_lines(raw, outlet="Press TV", headline="", published="2021-06-04")
    assert [ln.line_no for ln in lines if ln.role == "headline"] == [3]


def test_masthead_never_promoted_to_headline():
    raw = ("Daily Planet\n\nDaily Planet News Agency Live Feed\n\n"
           "The mayor said on Monday that the bridge will reopen.\n")
    lines = classify_lines(raw, outlet="Daily Planet", headline="", published="2021-06-04")
    assert not [ln for ln in lines if ln.role == "headline"]
    assert [ln.role for ln in lines if ln.text.startswith("The mayor")] == ["body"]


def test_paragraph_not_promoted_when_metadata_headline_missing_from_page():
    raw = "Menu\n\nThe mayor said on Monday that the bridge will reopen.\n"
    lines = classify_lines(raw, outlet="X", headline="A headline not on the page", published="")
    assert [ln.role for ln in lines if ln.text] == ["chrome", "body"]


def test_outlet_rule_from_data_applies_only_to_that_outlet(tmp_path):
    from framing.load.cleaning import load_rules

    rules_file = tmp_path / "rules.csv"
    rules_file.write_text("outlet,pattern,role,reason\nOutlet A,^Editor's pick:,teaser,outlet A teaser label\n",
                          encoding="utf-8")
    rules = load_rules([rules_file])
    raw = "Big Storm Hits the Coast Tonight\n\nEditor's pick: the storm hit the coast on Monday night.\n\n" \
          "The storm hit the coast on Monday night and closed roads.\n"
    a = classify_lines(raw, outlet="Outlet A", headline="", rules=rules)
    b = classify_lines(raw, outlet="Outlet B", headline="", rules=rules)
    assert a[2].role == "teaser" and b[2].role == "body"


def test_crlf_lines_keep_offsets():
    raw = "Headline Of The Story Here\r\n\r\nThe minister said the talks went well.\r\n"
    lines = classify_lines(raw, outlet="X", headline="")
    body = [ln for ln in lines if ln.role == "body"][0]
    assert raw[body.start:body.end] == "The minister said the talks went well."


# --- datelines ----------------------------------------------------------------------------------------------

DATELINES = [
    ("GENEVA, June 16 (Reuters) \u2013 ", "Envoys from both capitals met for four hours on Wednesday."),
    ("MOSCOW, June 4 (Xinhua) -- ", "The Kremlin said the talks would cover arms control."),
    ("MOSCOW, June 4. /TASS/. ", "The Russian leader will travel to Geneva next week, his aide said."),
    ("WASHINGTON (AP) \u2014 ", "The White House said the meeting would last several hours."),
    ("BEIJING, June 16 (Xinhua) -- ", "China hopes the two sides can manage their differences."),
    ("KYIV, Ukraine (AP) \u2014 ", "Officials said the border crossing would reopen."),
    ("ST. PETERSBURG, June 4 (Reuters) - ", "The forum opened with a speech on trade."),
    ("WASHINGTON \u2014 ", "The president spoke to reporters before leaving."),
    ("Geneva (CNN)", "The two leaders shook hands at the lakeside villa."),
    ("(Reuters) - ", "Oil prices rose on Friday after the talks ended."),
    ("GENEVA, June 16 (Reuters) - ", "\u201cWe had a useful exchange,\u201d the envoy said."),
]


@pytest.mark.parametrize("stamp, rest", DATELINES, ids=[d[0].strip() for d in DATELINES])
def test_dateline_opens_a_wire_story(stamp, rest):
    from framing.load.cleaning import dateline

    assert dateline(stamp + rest) == len(stamp)


@pytest.mark.parametrize(
    "paragraph",
    [
        "GENEVA is hosting the summit for the first time since 1985.",
        "Reuters reported that the talks ended after four hours.",
        "Geneva (Switzerland) is hosting the talks this week.",
        "U.S.-Russia relations are at their lowest point in years.",
        "NATO (the alliance) said it would meet on Monday.",
        "MOSCOW and WASHINGTON - the two capitals - traded accusations.",
        "The talks in GENEVA (Reuters) - ended early.",
        "June 16 (Reuters) was a long day for the envoys.",
    ],
)
def test_no_dateline_in_ordinary_sentences(paragraph):
    from framing.load.cleaning import dateline

    assert dateline(paragraph) == 0


def test_dateline_is_lead_of_the_first_body_paragraph_only():
    raw = ("Envoys Meet for Four Hours in Geneva\n\n"
           "GENEVA, June 16 (Reuters) \u2013 Envoys from both capitals met for four hours on Wednesday.\n\n"
           "WASHINGTON (AP) \u2014 a phrase quoted later in the story stays where it is.\n")
    lines = classify_lines(raw, outlet="Wire", headline="Envoys Meet for Four Hours in Geneva")
    first, second = [ln for ln in lines if ln.is_body]
    assert raw[first.start:first.start + first.lead] == "GENEVA, June 16 (Reuters) \u2013 "
    assert "dateline 'GENEVA, June 16 (Reuters) \u2013'" in first.reason
    assert second.lead == 0
    assert all(ln.lead == 0 for ln in lines if not ln.is_body)


def test_dateline_with_invisible_characters_keeps_raw_offsets():
    raw = "Talks Resume\n\nMOS\u00adCOW, June 4 (Xinhua) -- The talks resumed on Friday morning.\n"
    body = [ln for ln in classify_lines(raw, outlet="Wire", headline="Talks Resume") if ln.is_body][0]
    assert body.text[body.lead:].startswith("The talks")


def test_dateline_on_its_own_line_is_a_byline_not_a_headline():
    raw = ("MOSCOW, June 4 (Xinhua) --\n\n"
           "The Kremlin said on Friday that the talks would cover arms control.\n")
    lines = classify_lines(raw, outlet="Wire", headline="")
    assert [ln.role for ln in lines if ln.text] == ["byline", "body"]
    assert not [ln for ln in lines if ln.role == "headline"]
    # a title-like line of four capitalised words is still a title
    raw2 = "Kremlin Sets Out Agenda\n\nThe Kremlin said on Friday that the talks would cover arms control.\n"
    assert [ln.role for ln in classify_lines(raw2, outlet="Wire", headline="") if ln.text] == ["headline", "body"]


def test_place_at_the_start_of_a_body_paragraph_is_kept():
    raw = "Summit Host Named\n\nGENEVA is hosting the summit for the first time since 1985.\n"
    body = [ln for ln in classify_lines(raw, outlet="Wire", headline="Summit Host Named") if ln.is_body][0]
    assert body.lead == 0 and "dateline" not in body.reason
