"""Loading an articles folder: tables, offsets, raw data integrity."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from framing.core import paths
from framing.load.corpus import load_corpus

SEED = paths.SEED_EVENT_DIR
SHARED_SEEDS = paths.REPO_ROOT.parent / "shared" / "seeds"
RAW_SHA256 = {
    "sputnik.txt": "ac1a80be7ab67426216264b6bb87d9b6be4088e00be19f5795cce9ea175b5438",
    "presstv.txt": "0dfdb9e4c58f8c58e598abdc5fdf3b0746c48cb00fa5d771d861b929f21e08ac",
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEED)


@pytest.mark.parametrize("name, digest", sorted(RAW_SHA256.items()))
def test_raw_seeds_unchanged(name, digest):
    assert hashlib.sha256((SEED / name).read_bytes()).hexdigest() == digest


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="the original seed folder is not beside the repository")
def test_raw_seeds_identical_to_originals():
    pairs = {"sputnik.txt": "000_d4fdeb9607167246.txt", "presstv.txt": "002_0ffe111a98d78bce.txt"}
    for ours, theirs in pairs.items():
        assert (SEED / ours).read_bytes() == (SHARED_SEEDS / theirs).read_bytes()


def test_sentence_offsets_map_back(corpus):
    for row in corpus.sentences.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.text


def test_sentences_never_overlap(corpus):
    for _, df in corpus.sentences.groupby("article_id"):
        ends = list(df.end)
        starts = list(df.start)
        assert all(e <= s for e, s in zip(ends, starts[1:]))


def test_token_offsets_map_back(corpus):
    from framing.load.text import normalise

    for row in corpus.tokens.itertuples():
        assert normalise(corpus.texts[row.article_id][row.start:row.end]) == row.token


def test_known_sentences(corpus):
    s = corpus.sentences.set_index("sentence_id")
    assert s.loc["sputnik-001", "role"] == "headline"
    assert s.loc["sputnik-005", "text"] == "\u201cWe will discuss matters concerning bilateral relations."
    assert s.loc["sputnik-005", "voice"] == "quoted"
    assert s.loc["sputnik-007", "voice"] == "mixed"
    assert s.loc["sputnik-004", "text"].startswith("Russian President Vladimir Putin said during a speech at the 24th")
    assert s.loc["presstv-004", "voice"] == "mixed"
    # no sentence comes from the teaser, captions or chrome
    assert not corpus.sentences.text.str.contains("Lavrov Says|mediabank|alternate addresses|Subscribe").any()
    assert corpus.articles.set_index("article_id").loc["presstv", "n_sentences"] == 18


def test_quoted_tokens(corpus):
    t = corpus.tokens
    indeed = t[(t.article_id == "presstv") & (t.lower == "indeed")]
    assert list(indeed.voice) == ["quoted"]
    told = t[(t.article_id == "presstv") & (t.lower == "told")]
    assert list(told.voice) == ["authorial"]


def test_articles_table_columns(corpus):
    assert list(corpus.articles.columns[:10]) == [
        "article_id", "outlet", "file", "published", "headline", "url", "language", "event", "country", "ownership",
    ]
    assert corpus.articles.n_tokens.gt(250).all()
    assert corpus.outlets == ["Sputnik International", "Press TV"]


def test_actors_loaded(corpus):
    if not (SEED / "actors.csv").exists():
        pytest.skip("no actors.csv in the seed folder")
    assert {"actor", "alias"} <= set(corpus.actors.columns)


def test_three_outlet_folder(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Storm Closes Coastal Road\n\nThe storm closed the road, officials said.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Road Shut After Storm\n\nThe road was shut after a storm on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("Storm Chaos Grips the Coast\n\nChaos reigned as the storm hit, witnesses said.\n",
                                    encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "article_id,outlet,file\na,Outlet A,a.txt\nb,Outlet B,b.txt\nc,Outlet C,c.txt\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.outlets == ["Outlet A", "Outlet B", "Outlet C"]
    assert list(c.sentences.groupby("article_id").size().sort_index()) == [2, 2, 2]


# --- words and sentences that are the article's -----------------------------------------------------------


def test_seed_ordinal_is_one_number_token(corpus):
    t = corpus.tokens
    sputnik = t[t.article_id == "sputnik"]
    assert list(sputnik.loc[sputnik.lower == "24th", "kind"]) == ["number"]
    assert not (t.lower == "th").any()


WIRE = (
    "Envoys Agree to Meet Again After Geneva Talks\n\n"
    "GENEVA, June 16 (Reuters) \u2013 Envoys from both capitals met for four hours with the U.S. delegation. "
    "The U.S. President called the 3rd round \u201cconstructive.\u201d\n\n"
    "The lead negotiator said: \u201cWe will discuss the border first.\n\n"
    "\u201cThen we will talk about trade and the 24th article of the treaty.\u201d\n\n"
    "The ministry said the talks were \"useful, and officials declined to comment further.\n\n"
    "Reuters reported that the next round would be held in the U.K. It gave no date.\n"
)


@pytest.fixture(scope="module")
def wire():
    from framing.load.corpus import parse_page

    return parse_page(WIRE, article_id="w", outlet="Wire", headline="Envoys Agree to Meet Again After Geneva Talks")


def test_dateline_is_in_no_sentence_and_offsets_map_back(wire):
    body = [s for s in wire.sentences if s[4] == "body"]
    first = body[0]
    assert first[8] == "Envoys from both capitals met for four hours with the U.S. delegation."
    assert WIRE[first[6]:first[7]] == first[8]
    assert not any("GENEVA" in s[8] or "(Reuters)" in s[8] for s in wire.sentences)
    words = [t[6] for t in wire.tokens]
    assert "GENEVA" not in words and "June" not in words
    # "Reuters reported ..." in a later paragraph is article text
    assert any(s[8].startswith("Reuters reported that") for s in body)
    for t in wire.tokens:
        assert WIRE[t[4]:t[5]].replace("\u201c", '"').replace("\u201d", '"') == t[6]


def test_wire_sentences_split_after_abbreviations_only_where_they_end(wire):
    texts = [s[8] for s in wire.sentences if s[4] == "body"]
    assert "The U.S. President called the 3rd round \u201cconstructive.\u201d" in texts
    assert "Reuters reported that the next round would be held in the U.K." in texts
    assert "It gave no date." in texts


def test_wire_voice_across_paragraphs(wire):
    voice = {s[8]: s[5] for s in wire.sentences}
    # a quotation over two paragraphs: the text after each opening mark is quoted
    assert voice["The lead negotiator said: \u201cWe will discuss the border first."] == "mixed"
    assert "\u201cWe will discuss the border first." in [q[3] for q in wire.quotes]
    assert voice["\u201cThen we will talk about trade and the 24th article of the treaty.\u201d"] == "quoted"
    # an unmatched mark quotes nothing, and the paragraphs after it stay authorial
    assert voice["The ministry said the talks were \"useful, and officials declined to comment further."] == "authorial"
    assert voice["It gave no date."] == "authorial"
    for q in wire.quotes:
        assert "\n" not in q[3]


def test_ordinals_are_no_terms_of_salience(wire):
    import pandas as pd

    from framing.core.vocabulary import TOKEN_COLUMNS
    from framing.measures.salience import term_table

    tokens = pd.DataFrame(wire.tokens, columns=TOKEN_COLUMNS)
    other = tokens.assign(outlet="Other", article_id="o")
    terms = set(term_table(pd.concat([tokens, other]), ngram_orders=[1])["term"])
    assert {"envoys", "border", "treaty"} <= terms
    assert not terms & {"th", "rd", "24th", "3rd", "s"}


# --- articles.csv as spreadsheet programs write it --------------------------------------------------------

STORM_A = "Storm Closes Coastal Road\n\nThe storm closed the road on Monday, officials said.\n"
STORM_B = "Road Shut After Storm\n\nThe road was shut after a storm on Monday, a spokesman said.\n"


def _two_articles(folder: Path) -> None:
    (folder / "a.txt").write_text(STORM_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORM_B, encoding="utf-8")


@pytest.mark.parametrize("data", [
    # semicolons, byte-order mark and CRLF, as a spreadsheet saves "CSV UTF-8" in many locales
    "\ufeffarticle_id;outlet;file;headline\r\na;Outlet A;a.txt;\"Storm; road shut\"\r\nb;Outlet B;b.txt;\r\n"
    .encode("utf-8"),
    # quoted header cells and a trailing empty column
    b'"article_id";"outlet";"file";"headline";\r\n"a";"Outlet A";"a.txt";"Storm; road shut";\r\n"b";"Outlet B";'
    b'"b.txt";"";\r\n',
    # tabs in UTF-16 with a byte-order mark ("Unicode text")
    "article_id\toutlet\tfile\theadline\r\na\tOutlet A\ta.txt\tStorm; road shut\r\nb\tOutlet B\tb.txt\t\r\n"
    .encode("utf-16"),
])
def test_spreadsheet_exports_are_read(tmp_path: Path, data: bytes):
    _two_articles(tmp_path)
    (tmp_path / "articles.csv").write_bytes(data)
    c = load_corpus(tmp_path, strict=True)
    assert list(c.articles.article_id) == ["a", "b"] and c.outlets == ["Outlet A", "Outlet B"]
    assert list(c.articles.headline) == ["Storm; road shut", ""]
    assert "\r" not in "".join(c.articles.file)


def test_a_semicolon_inside_a_comma_file_is_text(tmp_path: Path):
    _two_articles(tmp_path)
    (tmp_path / "articles.csv").write_text("article_id,outlet,file,headline\na,Outlet A,a.txt,Storm; road shut\n"
                                           "b,Outlet B,b.txt,\n", encoding="utf-8")
    assert list(load_corpus(tmp_path).articles.headline) == ["Storm; road shut", ""]


def test_an_unquoted_semicolon_in_a_semicolon_file_is_refused(tmp_path: Path):
    from framing.core.errors import FramingInputError

    _two_articles(tmp_path)
    (tmp_path / "articles.csv").write_text("article_id;outlet;file;headline\na;Outlet A;a.txt;Storm; road shut\n"
                                           "b;Outlet B;b.txt;\n", encoding="utf-8")
    with pytest.raises(FramingInputError, match="row 2 has more values than the header has columns; put values "
                       "that contain semicolons in double quotes"):
        load_corpus(tmp_path)


def test_a_header_in_no_known_separator_names_the_missing_columns(tmp_path: Path):
    from framing.core.errors import FramingInputError

    _two_articles(tmp_path)
    (tmp_path / "articles.csv").write_text("article_id|outlet|file\na|Outlet A|a.txt\n", encoding="utf-8")
    with pytest.raises(FramingInputError, match="missing required column"):
        load_corpus(tmp_path)


# --- articles in another language -------------------------------------------------------------------------

ENGLISH = (
    "Storm Closes the Coastal Road for Two Days\n\n"
    "The storm closed the coastal road on Monday after high waves reached the sea wall, officials said.\n\n"
    "The mayor said the town had no choice and that crews would begin repairs on Wednesday if the weather allows.\n\n"
    "Residents of the lower town were told to stay indoors, and schools across the district stayed open.\n"
)
ENGLISH_QUOTING_GERMAN = (
    "Chancellor Defends Border Plan in Parliament\n\n"
    "The chancellor told parliament on Wednesday that the country would cope with the new arrivals.\n\n"
    "\u201cDas schaffen wir, und zwar gemeinsam mit den L\u00e4ndern,\u201d she said, repeating a line that her "
    "critics have quoted back at her for years.\n\n"
    "Opposition leaders said the plan had been drawn up without the regions and called for a vote on it in "
    "September.\n"
)
GERMAN = (
    "Sturm sperrt die K\u00fcstenstra\u00dfe f\u00fcr zwei Tage\n\n"
    "Die Beh\u00f6rden haben die Stra\u00dfe an der K\u00fcste am Montag gesperrt, nachdem hohe Wellen die "
    "Ufermauer erreicht hatten.\n\n"
    "Der B\u00fcrgermeister sagte, die Stadt habe keine andere Wahl gehabt, und die Arbeiten sollen am Mittwoch "
    "beginnen.\n\n"
    "Die Bewohner der Unterstadt wurden gebeten, in ihren H\u00e4usern zu bleiben, die Schulen bleiben aber "
    "ge\u00f6ffnet.\n"
)
SPANISH = (
    "La tormenta cierra la carretera de la costa durante dos d\u00edas\n\n"
    "Las autoridades cerraron la carretera el lunes, despu\u00e9s de que las olas llegaran al muro del paseo "
    "mar\u00edtimo.\n\n"
    "El alcalde dijo que no hab\u00eda otra opci\u00f3n y que los equipos empezar\u00e1n las obras el "
    "mi\u00e9rcoles si el tiempo lo permite.\n\n"
    "Los vecinos de la parte baja recibieron un mensaje para que no salieran de sus casas.\n"
)


def _languages_folder(root: Path, language_de: str = "en") -> Path:
    folder = root / "langs"
    folder.mkdir()
    for name, text in (("en.txt", ENGLISH), ("quote.txt", ENGLISH_QUOTING_GERMAN), ("de.txt", GERMAN),
                       ("es.txt", SPANISH)):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "articles.csv").write_text(
        "article_id,outlet,file,language\n"
        "en,Coastal Herald,en.txt,en\nquote,Capital Wire,quote.txt,en\n"
        f"de,Kuestenbote,de.txt,{language_de}\nes,Diario del Mar,es.txt,\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("text, code", [
    (GERMAN, "de"), (SPANISH, "es"), (ENGLISH, "en"), (ENGLISH_QUOTING_GERMAN, "en"),
    ("La temp\u00eate a ferm\u00e9 la route c\u00f4ti\u00e8re lundi, selon les autorit\u00e9s de la r\u00e9gion, et "
     "les \u00e9quipes municipales commenceront les travaux mercredi si le temps le permet.", "fr"),
    ("De storm heeft de kustweg op maandag afgesloten, nadat hoge golven de dijk hadden bereikt, en de "
     "werkzaamheden beginnen woensdag als het weer het toelaat.", "nl"),
])
def test_guess_language(text, code):
    from framing.load.corpus import guess_language

    guess = guess_language(text)
    assert guess is not None and guess.code == code, guess
    assert guess.english is (code == "en")


def test_guess_language_by_script_and_by_nothing():
    from framing.load.corpus import guess_language

    arabic = "\u0623\u063a\u0644\u0642\u062a \u0627\u0644\u0639\u0627\u0635\u0641\u0629 " * 8
    guess = guess_language(arabic)
    assert (guess.code, guess.name, guess.basis) == ("und", "Arabic script", "script") and not guess.english
    finnish = ("Myrsky sulki rannikkotien kahdeksi p\u00e4iv\u00e4ksi. Viranomaiset sulkivat tien maanantaina, kun "
               "myrsky saavutti rannikon. Pormestari sanoi, ettei kaupungilla ollut muuta vaihtoehtoa.")
    assert guess_language(finnish).code == "und"  # no profile fits: not English either
    assert guess_language("The storm closed the road on Monday.") is None  # too short to tell


def test_hand_counted_function_word_share():
    from framing.load.corpus import guess_language

    # 22 words; English function words: the, of, and, his, to, the, in, was, on, the = 10 -> 10/22
    text = ("The mayor of Harbourside and his deputy went to the port in March; nobody was told on "
            "the quay where ferries moor")
    guess = guess_language(text)
    assert guess.code == "en" and guess.english_share == pytest.approx(10 / 22)


def test_non_english_articles_are_listed_with_their_reason(tmp_path: Path):
    c = load_corpus(_languages_folder(tmp_path, language_de="de"))
    ne = c.non_english.set_index("article_id")
    assert sorted(ne.index) == ["de", "es"]
    assert (ne.loc["de", "language"], ne.loc["de", "source"]) == ("de", "articles.csv")
    assert ne.loc["de", "reason"] == "its language column in articles.csv is 'de'"
    assert (ne.loc["es", "language"], ne.loc["es", "source"]) == ("es", "text")
    assert ne.loc["es", "reason"].startswith("its text looks Spanish: ")
    assert ne.loc["es", "reason"].endswith("although its language column is 'en'")
    notes = [n for n in c.notices if "es.txt" in n]
    assert len(notes) == 1 and "not in English (its text looks Spanish" in notes[0]
    assert "leave it out (framing analyze --all-languages keeps it in)" in notes[0]
    assert not [n for n in c.notices if "quote.txt" in n or "en.txt" in n]


@pytest.fixture(scope="module")
def language_analyses(tmp_path_factory):
    from framing.pipeline import analyze

    folder = _languages_folder(tmp_path_factory.mktemp("langs"))
    return (analyze(folder, n_boot=200, n_perm=200),
            analyze(folder, n_boot=200, n_perm=200, all_languages=True))


def test_non_english_articles_are_left_out_of_the_lexicon_measures(language_analyses):
    from framing.core.vocabulary import EXCLUDED_COLUMNS, LEXICON_MEASURES

    analysis, _ = language_analyses
    out = {"de", "es"}
    for name in ("cues", "sentiment", "sentiment_drivers"):
        assert not set(analysis[name]["article_id"]) & out, name
    assert set(analysis["sentiment"]["article_id"]) == {"en", "quote"}
    # "die" is -2.9 in VADER's lexicon; in a German article it is an article, and it is not scored
    assert "die" not in set(analysis["sentiment_drivers"]["word"].str.lower())
    assert set(analysis["terms"]["outlet"]) == {"Coastal Herald", "Capital Wire"}
    assert set(analysis["summary"]["outlet"]) <= {"Coastal Herald", "Capital Wire"}
    assert set(analysis.measured.articles["article_id"]) == {"en", "quote"}
    excluded = analysis["excluded"]
    assert list(excluded.columns) == list(EXCLUDED_COLUMNS)
    assert sorted(zip(excluded.article_id, excluded.measure)) == sorted(
        (a, m) for a in out for m in LEXICON_MEASURES)
    assert set(excluded.loc[excluded.article_id == "de", "language"]) == {"de"}
    assert set(excluded.loc[excluded.article_id == "de", "source"]) == {"text"}


def test_non_english_articles_stay_in_the_reading_tables(language_analyses):
    from framing.pipeline import reading_view_html

    analysis, _ = language_analyses
    assert list(analysis["articles"]["article_id"]) == ["en", "quote", "de", "es"]
    assert {"de", "es"} <= set(analysis["sentences"]["article_id"])
    assert {"de", "es"} <= set(analysis["lines"]["article_id"])
    html = reading_view_html(analysis)
    assert "Unterstadt" in html and "vecinos" in html


def test_all_languages_scores_them_with_the_english_lists(language_analyses):
    _, everything = language_analyses
    assert everything["excluded"].empty
    assert {"de", "es"} <= set(everything["sentiment"]["article_id"])
    drivers = everything["sentiment_drivers"]
    german = drivers[(drivers.article_id == "de") & (drivers.word.str.lower() == "die")]
    assert -2.9 in set(german["valence"].round(2))  # VADER's "die" (to die): what the default keeps out
    assert [n for n in everything.notices if n.startswith("all languages asked for: the articles not in English "
                                                         "(de, es) are scored")]


def test_english_folder_excludes_nothing():
    from framing.pipeline import excluded_table

    c = load_corpus(SEED)
    assert excluded_table(c).empty and c.non_english.empty


def test_headlines_are_found_on_pages_with_menus_when_articles_csv_gives_none(tmp_path):
    """The many-outlets pages open with mastheads, menus and breadcrumbs; with an empty headline column every
    page's headline is still the one its articles.csv names."""
    import shutil

    import pandas as pd

    source = Path(__file__).parent / "fixtures" / "many-outlets"
    meta = pd.read_csv(source / "articles.csv", dtype=str, keep_default_na=False)
    for name in meta["file"]:
        shutil.copy(source / name, tmp_path / name)
    meta.assign(headline="").to_csv(tmp_path / "articles.csv", index=False)
    corpus = load_corpus(tmp_path)
    found = corpus.lines[corpus.lines["role"] == "headline"]
    assert found["article_id"].is_unique
    assert dict(zip(found["article_id"], found["text"])) == dict(zip(meta["article_id"], meta["headline"]))
    assert (meta["headline"].str.split().str.len() >= 4).all()  # the truth holds real headlines, not labels
    # the headline is the first sentence of each article
    firsts = corpus.sentences.sort_values("start").groupby("article_id")["text"].first()
    assert firsts.to_dict() == dict(zip(meta["article_id"], meta["headline"]))
