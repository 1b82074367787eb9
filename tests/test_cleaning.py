"""Page cleaning: the two seed pages checked line by line against a reading of them, and the rules of page structure."""

from __future__ import annotations

import pytest

from framing.core import paths
from framing.load.cleaning import classify_lines, is_navigation, split_lines
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


# --- the structure of real layouts ------------------------------------------------------------------------------
# Each rule of the page's structure has a page on which it must act and a page on which it must not, written for
# these tests after the layouts of wire services, broadcasters, dailies and portals.


def roles_of(raw: str, **meta) -> dict[str, tuple[str, str]]:
    """Role and reason of every non-blank line, by its text."""
    meta = {"outlet": "Harbour Herald", **meta}
    return {ln.text: (ln.role, ln.reason) for ln in classify_lines(raw, **meta) if ln.text.strip()}


PARA = "The harbour authority said on Monday that the northern quay would stay closed until the end of the month."
PARA2 = "Repairs to the sea wall have cost more than four million euros so far, according to the council's figures."
PARA3 = "Fishermen said the closure had cut their catch by half and asked the council for help with mooring fees."


def test_headline_skips_a_news_ticker_before_it():
    raw = ("Ferry service resumes after storm.\n10:13 PM\nPower cuts planned in two districts.\n"
           f"Storm damage closes the northern quay until June\n{PARA}\n{PARA2}\n")
    r = roles_of(raw)
    assert r["Storm damage closes the northern quay until June"][0] == "headline"
    assert r["Ferry service resumes after storm."][0] == "chrome"
    # negative: when every paragraph is short, the title before the first one is the headline as before
    short = "Quay Closed After Storm Damage\nThe quay is closed.\nRepairs will start soon.\n"
    assert roles_of(short)["Quay Closed After Storm Damage"][0] == "headline"


def test_a_caption_is_never_the_headline():
    raw = ("Ministers meet dock workers at the quay. Photo: Harbour Herald\n"
           f"Storm damage closes the northern quay until June\n{PARA}\n")
    r = roles_of(raw)
    assert r["Ministers meet dock workers at the quay. Photo: Harbour Herald"][0] == "caption"
    assert r["Storm damage closes the northern quay until June"][0] == "headline"
    # negative: a headline that only mentions a photo stays the headline
    raw2 = f"Photo op for ministers as quay talks stall again\n{PARA}\n"
    assert roles_of(raw2)["Photo op for ministers as quay talks stall again"][0] == "headline"


def test_a_second_copy_of_the_headline_is_chrome():
    head = "Storm damage closes the northern quay until June"
    raw = f"{head}\n{PARA}\n{PARA2}\nShare or comment on this article:\n{head}\n"
    lines = [ln for ln in classify_lines(raw, outlet="X", headline=head) if ln.text == head]
    assert [ln.role for ln in lines] == ["headline", "chrome"]
    # negative: a longer line that contains the headline is not a copy of it
    r = roles_of(f"{head}\n{PARA}\n{head} after three days of storms.\n", headline=head)
    assert r[f"{head} after three days of storms."][0] == "body"


def test_title_like_lines_right_under_the_headline_are_its_standfirst():
    raw = ("Storm damage closes the northern quay until June\n\n"
           "Repairs to the sea wall will take at least four weeks, engineers say\n"
           "By Ana Ruiz\nA second title-like line after the byline is no standfirst\n"
           f"{PARA}\n")
    r = roles_of(raw)
    assert r["Repairs to the sea wall will take at least four weeks, engineers say"][0] == "standfirst"
    assert r["A second title-like line after the byline is no standfirst"][0] == "chrome"
    # negative: a short label under the headline is no summary
    assert roles_of(f"Storm damage closes the northern quay until June\nHarbour news today\n{PARA}\n")[
        "Harbour news today"][0] == "chrome"


def test_a_caption_shown_twice_is_a_caption():
    cap = "Workers inspect the damaged sea wall on Monday."
    raw = (f"Storm damage closes the northern quay until June\n{cap}\n{cap} Photograph: Ana Ruiz/Harbour Herald\n"
           f"{PARA}\n{cap}\n{cap}\n{PARA2}\n")
    lines = [ln for ln in classify_lines(raw, outlet="X") if ln.text.startswith(cap)]
    assert [ln.role for ln in lines] == ["caption"] * 4
    # negative: a paragraph followed by a longer paragraph that starts the same way stays body
    r = roles_of(f"Storm damage closes the northern quay\nThe quay was closed on Monday.\n"
                 f"The quay was closed on Monday, and the ferry moved to the south pier.\n{PARA}\n")
    assert r["The quay was closed on Monday."][0] == "body"


def test_an_author_biography_is_a_byline_with_its_author_box():
    raw = (f"Storm damage closes the northern quay until June\n{PARA}\n{PARA2}\n"
           "Ana Ruiz\nTransport Correspondent\n"
           "Ana Ruiz is the Harbour Herald's transport correspondent. Follow her on X @anaruiz\nmailto\n")
    r = roles_of(raw)
    assert r["Ana Ruiz is the Harbour Herald's transport correspondent. Follow her on X @anaruiz"] == \
        ("byline", "author biography")
    assert r["Ana Ruiz"][0] == r["Transport Correspondent"][0] == "byline"
    assert r["mailto"][0] == "chrome"
    assert r[PARA2][0] == "body"


def test_a_paragraph_about_a_journalist_stays_body():
    detained = "Maria Lopez is a journalist who was detained in May, her lawyer said."
    raw = f"Court frees detained reporter after six months\n{PARA}\n{detained}\n{PARA2}\n"
    assert roles_of(raw)[detained][0] == "body"


def test_names_next_to_the_byline_and_a_lone_dateline_place():
    raw = ("Storm damage closes the northern quay until June\nSaleem Qureshi\nPublished June 10, 2023\n"
           f"In this article:\nNaru Island\n\nPORTVALE\n{PARA}\n")
    r = roles_of(raw)
    assert r["Saleem Qureshi"][0] == "byline"
    assert r["PORTVALE"][0] == "byline" and "dateline" in r["PORTVALE"][1]
    # negative: a name-shaped label with no byline next to it, and a capital word not before the text
    assert r["Naru Island"][0] == "chrome"
    raw2 = f"Storm damage closes the northern quay until June\nEXCLUSIVE\nBy Ana Ruiz\n{PARA}\n"
    assert roles_of(raw2)["EXCLUSIVE"][0] == "chrome"


def test_a_related_list_inside_the_article_is_a_teaser():
    raw = (f"Storm damage closes the northern quay until June\n{PARA}\nMore On This Topic\n"
           "Ferry service moves to the south pier\nWhat the storm did to the coast road\n"
           f"{PARA2}\nRelated Stories\nCouncil approves new harbour budget\n")
    r = roles_of(raw)
    assert r["More On This Topic"][0] == r["Ferry service moves to the south pier"][0] == "teaser"
    # negative: the same kind of list after the last paragraph is page footer
    assert r["Related Stories"][0] == r["Council approves new harbour budget"][0] == "chrome"


def test_a_line_next_to_a_newsletter_line_belongs_to_the_promotion():
    raw = (f"Storm damage closes the northern quay until June\n{PARA}\nMorning briefing\n"
           "The day's main harbour stories before breakfast\nSubscribe\n"
           f"{PARA2}\nWhat the engineers found\n{PARA3}\n")
    r = roles_of(raw)
    assert r["The day's main harbour stories before breakfast"][0] == "chrome"
    assert "promotion" in r["The day's main harbour stories before breakfast"][1]
    # negative: a subheading with no promotion next to it stays a subheading
    assert r["What the engineers found"][0] == "subheading"


def test_a_last_paragraph_cut_off_mid_sentence_is_kept_and_flagged():
    cut = ("Engineers said the wall had been weakened by years of neglect. The council has promised a full "
           "review of its maintenance budget before the next storm season, but residents")
    raw = f"Storm damage closes the northern quay until June\n{PARA}\n{PARA2}\n{cut}\nRead Next\n"
    role, reason = roles_of(raw)[cut]
    assert role == "body" and "truncated" in reason
    # negative: a related headline right after the last paragraph stays page footer
    raw2 = f"Storm damage closes the northern quay until June\n{PARA}\nCouncil approves new harbour budget\n"
    assert roles_of(raw2)["Council approves new harbour budget"][0] == "chrome"


def test_a_last_paragraph_ending_with_an_ellipsis_is_flagged():
    last = "The council said the wall would be rebuilt, and that the quay..."
    r = roles_of(f"Storm damage closes the northern quay until June\n{PARA}\n{last}\n")
    assert r[last][0] == "body" and "truncated" in r[last][1]
    # negative: an ellipsis in an earlier paragraph is a quotation trailing off, not a cut
    mid = '"We will see..." the harbour master said.'
    r2 = roles_of(f"Storm damage closes the northern quay until June\n{mid}\n{PARA}\n")
    assert "truncated" not in r2[mid][1] and "truncated" not in r2[PARA][1]


def test_dates_after_the_article_belong_to_other_items_unless_they_repeat_its_own():
    raw = ("Storm damage closes the northern quay until June\nPosted 3h ago, updated 1h ago\n"
           f"{PARA}\n{PARA2}\nPosted 3h ago, updated 1h ago\nRelated Posts\n"
           "Council approves new harbour budget\nJuly 17, 2023\n")
    lines = classify_lines(raw, outlet="X")
    r = {(ln.line_no, ln.text): ln.role for ln in lines}
    assert r[(2, "Posted 3h ago, updated 1h ago")] == r[(5, "Posted 3h ago, updated 1h ago")] == "byline"
    assert r[(8, "July 17, 2023")] == "chrome"


@pytest.mark.parametrize("line", [
    "Updated 9:14 PM GMT+2, September 4, 2023", "Tue 12 Sep 2023 18.02 BST", "Published On 14 May 2023",
    "Issued on: 07/03/2023 - 19:42", "12 SEP, 14:05", "Posted 3h ago3 hours ago, updated 1h ago1 hours ago",
    "Island Daily Inquirer / 05:12 PM July 26, 2023", "All News 16:02 August 21, 2023", "Updated 11:48 p.m. ET",
    "Wed, 11 October 2023 at 7:00am", "Updated20 Nov 2023, 10:44 PM IST",
])
def test_date_lines(line):
    from framing.load.cleaning import is_date_line

    assert is_date_line(line)


@pytest.mark.parametrize("line", [
    "10:13 PM", "On Monday the talks ended.", "May the talks go well", "Ships sailed at 9 am on 4 May to Tarvo",
    "Monday", "2023 budget",
])
def test_not_date_lines(line):
    from framing.load.cleaning import is_date_line

    assert not is_date_line(line)


NEW_DATELINES = [
    ("(230912) -- TARVO, Sept. 12 (New Star) -- ", "Xeron and Tarvonia on Tuesday pledged to expand trade."),
    ("Qaran, Sahlan \u2013 ", "A truce between the rival factions held for a second day."),
    ("HANSEONG, Aug. 21 (Hanseong) -- ", "The northern state fired two missiles, the military said."),
]


@pytest.mark.parametrize("stamp, rest", NEW_DATELINES, ids=[d[0].strip() for d in NEW_DATELINES])
def test_dateline_forms_of_agencies_and_broadcasters(stamp, rest):
    from framing.load.cleaning import dateline

    assert dateline(stamp + rest) == len(stamp)


@pytest.mark.parametrize("paragraph", [
    "Paris, Berlin and Rome \u2013 the three capitals \u2013 backed the plan.",
    "(2023) -- a year of storms -- ended with floods.",
    "Rosk, the capital, was quiet on Monday.",
])
def test_no_dateline_in_sentences_that_look_like_the_new_forms(paragraph):
    from framing.load.cleaning import dateline

    assert dateline(paragraph) == 0


def test_dateline_of_the_paragraph_after_a_standfirst_with_a_full_stop():
    raw = ("Truce holds for second day as aid trucks enter Qaran\n\n"
           "A convoy of 40 trucks carrying food and medicine reached the city.\n\nBy Yusuf Haddad\n\n"
           "Qaran, Sahlan \u2013 A truce between the rival factions held for a second day on Sunday.\n")
    body = [ln for ln in classify_lines(raw, outlet="Gulf Channel") if ln.is_body]
    assert [ln.lead for ln in body] == [0, len("Qaran, Sahlan \u2013 ")]


# --- embedded HTML tags -----------------------------------------------------------------------------------------


TAGGED = ('Prices rose to <strong>720 naira</strong>, said <a href="https://news.example/2023/07/depot">the '
          'marketers</a>.<br/>"We buy high," he said.')


def test_tags_are_no_words_and_offsets_map_back():
    from framing.load.text import normalise, tokenize

    toks = tokenize(normalise(TAGGED))
    assert [t.text for t in toks if t.kind == "word"] == ["Prices", "rose", "to", "naira", "said", "the", "marketers",
                                                         "We", "buy", "high", "he", "said"]
    assert all(normalise(TAGGED[t.start:t.end]) == t.text for t in toks)


def test_tags_neither_open_quotations_nor_hide_sentence_ends():
    from framing.load.sentences import split_sentences
    from framing.load.text import quote_spans

    assert [TAGGED[s:e] for s, e in quote_spans(TAGGED)] == ['"We buy high,"']
    assert [TAGGED[s:e] for s, e in split_sentences(TAGGED)] == [
        TAGGED[:TAGGED.index("<br/>")], '"We buy high," he said.']


def test_angle_brackets_that_are_no_markup_stay_text():
    from framing.load.text import markup_spans, visible

    for text in ("a <b> c", "x < y > z", "<3 the harbour", "<Reuters> said", "<div> never closed"):
        assert markup_spans(text) == [] and visible(text).text == text
    assert [(s, e) for s, e, _ in markup_spans("<b>bold</b> <i x='1'>it</i>")] == [(0, 3), (7, 11), (12, 21), (23, 27)]


def test_a_paragraph_wrapped_in_tags_is_body_and_a_line_of_tags_alone_is_chrome():
    raw = ("Storm damage closes the northern quay until June\n<div class=\"ad-slot\">\n"
           f"<p>{PARA}</p>\n<p>Read the <a href=\"https://herald.example/quay\">full report</a>.</p>\n")
    r = roles_of(raw)
    assert r[f"<p>{PARA}</p>"][0] == "body"
    assert r['<div class="ad-slot">'] == ("chrome", "HTML tags only, nothing drawn")
    tables = load_page(raw)
    words = {t[7] for t in tables.tokens}
    assert not words & {"href", "https", "herald", "example", "div", "class"}
    assert {"full", "report", "quay"} <= words


def load_page(raw: str):
    from framing.load.corpus import parse_page

    return parse_page(raw, article_id="a", outlet="Harbour Herald")


# --- the headline of a page without one in articles.csv ------------------------------------------------------

HEAD = "Storm damage closes the northern quay until June"


def headline_of(raw: str, outlet: str = "Harbour Herald") -> list[str]:
    return [ln.text for ln in classify_lines(raw, outlet=outlet, headline="") if ln.role == "headline"]


@pytest.mark.parametrize("line", [
    "Home | World | Business", "News > Europe", "Home \u203a Regions \u203a Coventry & Warwickshire",
    "Listen \u2022 News \u2022 Community \u2022 Events", "Watch live | News | Weather | Traffic",
    "Politics  Business  Opinion  Culture  Sport", "Home / Regions / Kessler Valley", "| Nation | World |",
    "WORLD NEWS", "BREAKING", "ANALYSIS:",
])
def test_navigation(line):
    assert is_navigation(line)


@pytest.mark.parametrize("line", [
    "Opinion | Why the port strike matters",  # a kicker before a bar: the rest is a clause, not a menu item
    "Dockers walk out | Talks with the port authority collapse after six hours",
    "Fuel prices > wages, union says in its annual report",  # sentence punctuation inside an item
    "AC/DC fans queue overnight for stadium tickets",  # a slash without spaces is no separator
    "Ceasefire holds in the north as aid trucks arrive",
    "LIGHTS OUT FOR KESSLER!", "PORT STRIKE ENDS TONIGHT",  # headlines in capitals have more than two words
    "Board votes  to shut the plant early",  # a doubled space inside a sentence: items start in lower case
    "Ana Ruiz", "Harbour news today",
])
def test_not_navigation(line):
    assert not is_navigation(line)


def test_a_menu_is_never_the_headline():
    for menu in ("Home | World | Business | Opinion", "Local News | Sport | Obituaries | Classifieds",
                 "Politics  Business  Opinion  Culture", "News > Europe > Harbour Towns"):
        raw = f"HARBOUR HERALD\n{menu}\n{HEAD}\nBy Ana Ruiz\n{PARA}\n{PARA2}\n"
        assert headline_of(raw) == [HEAD], menu
    # negative: without the menu the first title-like line is the headline, as before
    assert headline_of(f"Harbour towns count the cost of the storm\n{HEAD}\n{PARA}\n") == [
        "Harbour towns count the cost of the storm"]


def test_a_headline_with_a_kicker_before_a_bar_is_the_headline():
    raw = f"Home | World | Opinion\nOpinion | Why the port strike matters\nBy Ana Ruiz\n{PARA}\n{PARA2}\n"
    assert headline_of(raw) == ["Opinion | Why the port strike matters"]


def test_a_section_label_in_capitals_is_never_the_headline():
    raw = f"BREAKING\nWORLD NEWS\n{HEAD}\n{PARA}\n"
    r = roles_of(raw)
    assert headline_of(raw) == [HEAD]
    assert r["BREAKING"][0] == r["WORLD NEWS"][0] == "chrome"
    # a page with nothing but the label above its paragraphs has no headline rather than "BREAKING"
    assert headline_of(f"BREAKING\n{PARA}\n{PARA2}\n") == []


def test_a_headline_in_capitals_with_an_exclamation_mark_is_the_headline():
    raw = (f"HARBOUR HERALD\nNews | Sport | Money\nQUAY SHUT FOR SUMMER!\n"
           f"Fishermen fear for their season as repairs drag on\nBy Ana Ruiz\n{PARA}\n{PARA2}\n")
    r = roles_of(raw)
    assert r["QUAY SHUT FOR SUMMER!"][0] == "headline"
    assert r["Fishermen fear for their season as repairs drag on"][0] == "standfirst"
    # negative: a short exclamation after the headline stays a paragraph of the article
    raw = f"{HEAD}\nThe quay is shut for the whole summer!\n{PARA}\n"
    assert headline_of(raw) == [HEAD]
    assert roles_of(raw)["The quay is shut for the whole summer!"][0] == "body"


def test_a_long_question_headline_is_the_headline_not_the_first_paragraph():
    head = "Ferry fares to fall by a third next month, but will the operators pass it on?"
    raw = f"Harbour Herald\nNews | Travel\n{head}\nBy Ana Ruiz\n{PARA}\n{PARA2}\n"
    assert headline_of(raw) == [head]
    # negative: a question of two sentences is a paragraph, and the title above it stays the headline
    para = "Who pays for the repairs? The council says the port authority must, and the authority disagrees?"
    raw = f"{HEAD}\n{para}\n{PARA}\n"
    assert headline_of(raw) == [HEAD] and roles_of(raw)[para][0] == "body"


def test_a_masthead_tagline_above_a_menu_is_not_the_headline():
    raw = f"Harbour Herald\nThe Voice of the Northern Coast\nNews\nSport\nWeather\nPuzzles\n{HEAD}\n{PARA}\n"
    assert headline_of(raw) == [HEAD]
    # negative: the author's name and job title under a headline are no menu
    raw = f"{HEAD}\nAna Ruiz\nTransport reporter\n{PARA}\n"
    assert headline_of(raw) == [HEAD]


def test_a_title_that_ends_with_a_date_after_a_separator_is_a_story_list_item():
    raw = f"Ferry fares rise again on the island routes | 14 May 2025\n{HEAD}\n{PARA}\n"
    assert headline_of(raw) == [HEAD]
    # negative: a headline that names a date in its words stays the headline
    raw = f"Dock strike called for June 3 as talks with the port fail\n{HEAD}\n{PARA}\n"
    assert headline_of(raw) == ["Dock strike called for June 3 as talks with the port fail"]


def test_a_title_of_more_than_25_words_gives_way_to_a_headline_after_it():
    long = ("Harbour towns along the northern coast count the cost of the storm that closed quays, "
            "flooded streets and cut power to thousands of homes over three days")
    raw = f"{long}\n{HEAD}\n{PARA}\n"
    assert headline_of(raw) == [HEAD]
    # negative: when it is the only candidate, it is still taken
    assert headline_of(f"{long}\n{PARA}\n") == [long]


# --- a broadcaster's promotion of itself ---------------------------------------------------------------------

PROMOTIONS = [
    "Harbour FM broadcasts on 101.2 FM along the northern coast.",
    "Coast Radio can be heard on 88 FM and online.",
    "Our reporter Ana Ruiz is at the quay tonight and will have more on the evening bulletin.",
    "Ana Ruiz will bring you the latest in tonight's Harbour News at 6pm.",
]
NOT_PROMOTIONS = [
    "The station, which broadcasts on 101.2 FM, was taken off air by the storm on Monday.",
    "Harbour FM broadcasts on 101.2 FM to about 20,000 listeners, the regulator said.",
    "The minister will have more to say on the budget next week.",
    "The broadcaster said it will have more staff in the newsroom by June.",
    "The union will have more to say in the evening news conference.",
    "Speaking to the station's evening bulletin, the mayor said the quay would reopen in June.",
]


@pytest.mark.parametrize("line", PROMOTIONS)
def test_a_broadcasters_promotion_of_itself_is_chrome(line):
    r = roles_of(f"{HEAD}\n{PARA}\n{line}\n{PARA2}\n")
    assert r[line] == ("chrome", "the broadcaster's promotion of itself (its frequency, or a trail for a programme)")


@pytest.mark.parametrize("line", NOT_PROMOTIONS)
def test_a_paragraph_about_a_station_or_a_programme_stays_body(line):
    assert roles_of(f"{HEAD}\n{PARA}\n{line}\n{PARA2}\n")[line][0] == "body"


# --- cleaning grows in step with the page -----------------------------------------------------------------------


def layout_page(n: int) -> str:
    """A page of ``n`` blocks of the furniture and structure of real layouts."""
    block = [
        "Sign up to Morning Harbour, our free daily newsletter", "Each weekday we send the main stories",
        "Workers inspect the damaged sea wall on Monday.",
        "Workers inspect the damaged sea wall on Monday. Photograph: Ana Ruiz/Harbour Herald",
        PARA, "", PARA2, "More On This Topic", "Ferry service moves to the south pier", "",
        "Ana Ruiz is the Harbour Herald's transport correspondent covering ports. Follow her on X @anaruiz",
        '<p>Prices rose, said <a href="https://herald.example/a">the council</a>.</p>', "", "",
    ]
    return "Storm damage closes the northern quay until June\nBy Ana Ruiz\nPORTVALE\n" + "\n".join(block * n) + "\n"


def test_cleaning_work_grows_in_step_with_the_page():
    from test_scaling import assert_in_step, growth, work_of

    def work(raw):
        return work_of(classify_lines, raw, outlet="Harbour Herald")

    assert_in_step(growth(work, layout_page, 40))
