"""Saved web pages: the article text comes out of the markup (trafilatura), the line rules run again on it, the
metadata fills what articles.csv leaves empty, and every offset refers to the extracted text.

The pages below are written for these tests, laid out like the article pages of news sites (cookie banner,
masthead and menu, JSON-LD or Open Graph metadata, byline, figure caption, related-story box, share buttons,
comments, footer).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.cli import main
from framing.core.outputs import read_table
from framing.load import corpus as corpus_module
from framing.load.corpus import MAX_HTML_BYTES, PageProblem, load_corpus
from framing.load.html import declared_charset, extract_page, is_html, strip_site_name

FIXTURES = Path(__file__).parent / "fixtures"
SRC = Path(__file__).parents[1] / "src" / "framing"

GAZETTE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ferry strike halts island crossings | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Ferry strike halts island crossings">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-05T08:12:00+00:00">
<link rel="canonical" href="https://www.harbour-gazette.example/news/2024/03/05/ferry-strike-halts-crossings">
<script>window.__STATE__ = {"user": null, "ads": ["top", "mpu"]}; function track(e) { return e < 1 && e > 0; }</script>
<style>.cookie { position: fixed; } article p::after { content: "<p>"; }</style>
</head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies or manage your settings.</p>
<button>Accept</button></div>
<header class="masthead"><a href="/">Harbour Gazette</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main>
<article>
<h1>Ferry strike halts island crossings</h1>
<div class="byline">By Jane Roe, Transport Correspondent &middot;
<time datetime="2024-03-05T08:12:00Z">5 March 2024</time></div>
<figure><img src="ferry.jpg" alt=""><figcaption>The last ferry of the day leaves the harbour on Monday.
Photo: Harbour Gazette</figcaption></figure>
<p>Ferry crews walked out on Tuesday morning, stopping every crossing to the three islands, the operator said.</p>
<p>&ldquo;We regret the disruption this will cause,&rdquo; a spokeswoman for the operator said, adding that talks
with the union would resume on Thursday.</p>
<p>READ MORE: Bridge repairs delayed again as costs rise</p>
<p>The union said its members had been asked to work longer shifts without notice since the winter timetable
began in November.</p>
<p>Islanders who rely on the boats to reach work and hospital appointments said they had been given no warning
of the walkout.</p>
<p><strong>Share this article</strong></p>
<p>A council spokesman said an emergency water taxi would run twice a day for patients with appointments on the
mainland.</p>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Harbour fees to rise in April</a></li></ul></aside>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>
</article>
<section id="comments"><h2>Comments</h2><div class="comment"><p>This is the third strike this year and nobody in
charge seems to care at all.</p></div></section>
</main>
<footer><p>&copy; 2024 Harbour Gazette Media Ltd. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>
</body>
</html>
"""

#: JSON-LD metadata only (no Open Graph), the site name after a dash in the title.
RIVERSIDE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council votes to close two libraries - Riverside Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Council votes to close two libraries", "datePublished": "2023-09-14T17:40:00+01:00",
"publisher": {"@type": "Organization", "name": "Riverside Post"}}</script>
</head><body><div id="menu"><a href="/">Home</a> <a href="/local">Local</a></div>
<div class="story"><h1>Council votes to close two libraries</h1>
<p>The council voted on Thursday night to close two branch libraries next spring, saying the buildings needed
repairs it could not afford.</p>
<p>Residents who packed the public gallery booed as the vote was read out, and several said they would campaign
to keep the branches open.</p>
<p>The council leader said the service would move into the town hall and that no librarian would lose their
job.</p></div>
<div class="footer">&copy; Riverside Post 2023</div></body></html>
"""

STORM_TXT = (
    "Road Shut as Storm Batters the Coast\n\n"
    "The road was shut after a storm battered the coast on Monday.\n\n"
    "Officials expect to reopen it on Wednesday, a spokesman said.\n"
)
HEADER = "article_id,outlet,file,published,headline,url,language\n"


def folder_with(tmp_path: Path, page: str | bytes, name: str = "gazette.html",
                row: str = "g,Harbour Gazette,{name},,,,en") -> Path:
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / name).write_bytes(page.encode("utf-8") if isinstance(page, str) else page)
    (folder / "storm.txt").write_text(STORM_TXT, encoding="utf-8")
    rows = HEADER + row.format(name=name) + "\ns,Valley Courier,storm.txt,2023-11-06,,,en\n"
    (folder / "articles.csv").write_text(rows, encoding="utf-8")
    return folder


# --- extraction ---------------------------------------------------------------------------------------------


def test_main_text_is_extracted_and_furniture_of_the_page_is_not():
    page = extract_page(GAZETTE)
    lines = page.text.split("\n\n")
    assert lines[0] == "Ferry strike halts island crossings"
    assert "Ferry crews walked out on Tuesday morning, stopping every crossing to the three islands, the operator " \
           "said." in lines
    assert "\u201cWe regret the disruption this will cause,\u201d a spokeswoman for the operator said, adding that " \
           "talks with the union would resume on Thursday." in lines  # entities decoded, one paragraph per line
    for furniture in ("cookies", "Opinion", "Related stories", "Harbour fees", "Share on Facebook", "third strike",
                      "All rights reserved", "window.__STATE__", "position: fixed", "<", "Photo:"):
        assert furniture not in page.text, furniture
    assert page.text.endswith("mainland.\n") and "\n\n\n" not in page.text


def test_open_graph_metadata():
    page = extract_page(GAZETTE)
    assert page.title == "Ferry strike halts island crossings"
    assert page.site_name == "Harbour Gazette"
    assert page.published == "2024-03-05"
    assert page.url == "https://www.harbour-gazette.example/news/2024/03/05/ferry-strike-halts-crossings"


def test_json_ld_metadata_and_title_without_site_name():
    page = extract_page(RIVERSIDE)
    assert (page.title, page.site_name, page.published) == (
        "Council votes to close two libraries", "Riverside Post", "2023-09-14")


def test_a_year_in_the_footer_is_no_publication_date():
    bare = RIVERSIDE.replace('"datePublished": "2023-09-14T17:40:00+01:00",', "").replace(
        '"publisher": {"@type": "Organization", "name": "Riverside Post"}', '"inLanguage": "en"')
    page = extract_page(bare.replace(" - Riverside Post", ""))
    assert page.published == "" and page.site_name == ""
    assert page.title == "Council votes to close two libraries"


def test_title_line_is_added_when_the_extracted_text_lacks_it():
    no_h1 = RIVERSIDE.replace("<h1>Council votes to close two libraries</h1>", "")
    assert extract_page(no_h1).text.startswith("Council votes to close two libraries\n\nThe council voted")
    # with the title on the page it is not repeated
    assert extract_page(RIVERSIDE).text.count("Council votes to close two libraries") == 1


def test_template_and_noscript_content_is_not_text():
    page = extract_page((FIXTURES / "html_page" / "herald.html").read_text(encoding="utf-8"))
    assert "template" not in page.text and "enable JavaScript" not in page.text
    assert "Schools across the district stayed open." in page.text


def test_page_without_article_text():
    page = "<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>"
    assert extract_page(page).text == ""
    assert extract_page("").text == ""


@pytest.mark.parametrize("title, site, expected", [
    ("Ferry strike halts crossings | Harbour Gazette", "Harbour Gazette", "Ferry strike halts crossings"),
    ("Riverside Post \u2013 Council votes to close libraries", "Riverside Post", "Council votes to close libraries"),
    ("Harbour Gazette", "Harbour Gazette", "Harbour Gazette"),  # only the site name: kept
    ("Harbour Gazette readers vote for new ferry", "Harbour Gazette", "Harbour Gazette readers vote for new ferry"),
    ("Ferry strike halts crossings", "", "Ferry strike halts crossings"),
])
def test_strip_site_name(title, site, expected):
    assert strip_site_name(title, site) == expected


@pytest.mark.parametrize("name, text, expected", [
    ("a.html", "plain words", True),
    ("a.HTM", "", True),
    ("a.xhtml", "", True),
    ("a.txt", "\ufeff  <!DOCTYPE html><html>", True),
    ("a.txt", "<html lang='en'>", True),
    ("a.txt", "Storm Closes the Road <script>alert(1)</script>", False),
    ("a.txt", "The <html> tag opens a page, the teacher said.", False),
])
def test_is_html(name, text, expected):
    assert is_html(name, text) is expected


@pytest.mark.parametrize("head, expected", [
    (b'<html><head><meta charset="windows-1251">', "windows-1251"),
    (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "iso-8859-1"),
    (b"<html><head><title>x</title>", ""),
])
def test_declared_charset(head, expected):
    assert declared_charset(head) == expected


# --- loading ------------------------------------------------------------------------------------------------


def test_offsets_refer_to_the_extracted_text(tmp_path):
    folder = folder_with(tmp_path, GAZETTE)
    c = load_corpus(folder, strict=True)
    assert c.texts["g"] == extract_page(GAZETTE).text
    for row in c.sentences.itertuples():
        assert c.texts[row.article_id][row.start:row.end] == row.text
    for row in c.lines.itertuples():
        assert c.texts[row.article_id][row.start:row.end] == row.text
    assert c.texts["s"] == STORM_TXT  # a text file is its own text


def test_line_rules_run_again_on_the_extracted_text(tmp_path):
    c = load_corpus(folder_with(tmp_path, GAZETTE), strict=True)
    lines = c.lines[c.lines.article_id == "g"].set_index("text")
    # the extraction kept these two lines; the suite's own rules still keep them out of the article
    for furniture in ("Share this article", "READ MORE: Bridge repairs delayed again as costs rise"):
        assert furniture in c.texts["g"]
        assert not lines.loc[furniture, "is_body"]
    sentences = list(c.sentences[c.sentences.article_id == "g"].text)
    assert not [s for s in sentences if "Share this" in s or "READ MORE" in s]
    assert sentences[0] == "Ferry strike halts island crossings"  # the headline, from the page title
    assert "Islanders who rely on the boats to reach work and hospital appointments said they had been given no " \
           "warning of the walkout." in sentences


def test_metadata_fills_what_articles_csv_leaves_empty(tmp_path):
    c = load_corpus(folder_with(tmp_path, GAZETTE), strict=True)
    art = c.articles.set_index("article_id")
    assert art.loc["g", "headline"] == "Ferry strike halts island crossings"
    assert art.loc["g", "published"] == "2024-03-05"
    assert art.loc["g", "url"].startswith("https://www.harbour-gazette.example/news/")
    notes = [n for n in c.notices if "gazette.html" in n]
    assert len(notes) == 1 and "is a saved web page; its article text was extracted from the HTML and every " \
        "offset of its rows refers to that text, not to the file; its headline, published, url came from the " \
        "page" in notes[0]
    assert art.loc["s", "headline"] == ""  # a text file gets nothing from anywhere


def test_metadata_never_overrides_articles_csv(tmp_path):
    row = "g,Harbour Gazette,{name},2024-03-06,Crossings halted as ferry crews strike,https://example.org/x,en"
    c = load_corpus(folder_with(tmp_path, GAZETTE, row=row), strict=True)
    art = c.articles.set_index("article_id")
    assert (art.loc["g", "published"], art.loc["g", "headline"], art.loc["g", "url"]) == (
        "2024-03-06", "Crossings halted as ferry crews strike", "https://example.org/x")
    assert not [n for n in c.notices if "came from the page" in n]


def test_saved_fixture_page_through_the_cli(tmp_path, capsys):
    folder = FIXTURES / "html_page"
    c = load_corpus(folder, strict=True)
    assert list(c.sentences[c.sentences.article_id == "herald"].text) == [
        "Storm Closes the Coastal Road for Two Days",
        "The storm closed the coastal road on Monday, officials said.",
        "\u201cWe had no choice,\u201d the mayor told reporters at the town hall.",
        "Crews will reopen it on Wednesday, she said.",
        "Residents of Smith & Sons Lane were told to stay indoors.",
        "Schools across the district stayed open.",
    ]
    assert c.texts["courier"] == (folder / "courier.txt").read_text(encoding="utf-8")
    code = main(["analyze", str(folder), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 0 and "framing: notice: " in err and "herald.html: is a saved web page" in err
    sentences = read_table(tmp_path / "out" / "sentences.csv")
    assert "Schools across the district stayed open." in set(sentences.text)


def test_html_content_in_a_txt_file_is_a_web_page(tmp_path):
    page = ("<!doctype html><html><head><title>Storm Closes the Coastal Road</title></head><body><article>"
            "<h1>Storm Closes the Coastal Road</h1><p>The storm closed the road on Monday, officials said, and crews "
            "will begin repairs on Wednesday.</p></article></body></html>")
    c = load_corpus(folder_with(tmp_path, page, name="page.txt", row="g,Coastal Herald,{name},,,,en"), strict=True)
    assert c.texts["g"] == ("Storm Closes the Coastal Road\n\nThe storm closed the road on Monday, officials said, "
                            "and crews will begin repairs on Wednesday.\n")


def test_web_page_without_text_is_left_out(tmp_path):
    page = "<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>"
    folder = folder_with(tmp_path, page)
    c = load_corpus(folder)
    assert list(c.skipped.article_id) == ["g"]
    assert c.skipped.iloc[0]["reason"] == "is a web page without article text"
    assert "save the article's own page" in c.skipped.iloc[0]["fix"]
    with pytest.raises(PageProblem, match="gazette.html: is a web page without article text; save"):
        load_corpus(folder, strict=True)


RUSSIAN_PAGE = (
    "<html><head><meta charset=\"windows-1251\"><title>\u0428\u0442\u043e\u0440\u043c \u0437\u0430\u043a\u0440\u044b"
    "\u043b \u0434\u043e\u0440\u043e\u0433\u0443</title></head><body><article><h1>\u0428\u0442\u043e\u0440\u043c "
    "\u0437\u0430\u043a\u0440\u044b\u043b \u0434\u043e\u0440\u043e\u0433\u0443</h1><p>\u0412 \u043f\u043e\u043d"
    "\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a \u0448\u0442\u043e\u0440\u043c \u0437\u0430\u043a\u0440\u044b"
    "\u043b \u0434\u043e\u0440\u043e\u0433\u0443 \u0432\u0434\u043e\u043b\u044c \u043f\u043e\u0431\u0435\u0440\u0435"
    "\u0436\u044c\u044f, \u0438 \u0440\u0430\u0431\u043e\u0442\u044b \u043d\u0430\u0447\u043d\u0443\u0442\u0441"
    "\u044f \u0432 \u0441\u0440\u0435\u0434\u0443.</p></article></body></html>"
)


def test_declared_charset_of_a_saved_page_is_used(tmp_path):
    folder = folder_with(tmp_path, RUSSIAN_PAGE.encode("cp1251"), row="g,Izvestia,{name},,,,ru")
    c = load_corpus(folder, strict=True)
    assert "\u0412 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a" in c.texts["g"]


def test_a_text_file_gets_no_charset_from_markup(tmp_path):
    # the same bytes in a .txt file: the suite does not guess, it asks for the encoding column
    folder = folder_with(tmp_path, RUSSIAN_PAGE.encode("cp1251"), name="page.txt", row="g,Izvestia,{name},,,,ru")
    assert list(load_corpus(folder).skipped.reason) == ["is not UTF-8"]


def test_a_page_declaring_the_wrong_charset_is_left_out(tmp_path):
    wrong = RUSSIAN_PAGE.replace("windows-1251", "utf-8").encode("cp1251")
    assert list(load_corpus(folder_with(tmp_path, wrong)).skipped.reason) == ["is not UTF-8"]


def test_saved_page_over_the_text_limit_loads(tmp_path):
    bulky = GAZETTE.replace("</head>", "<script>var data = '" + "x" * 6_000_000 + "';</script></head>")
    assert len(bulky) > corpus_module.MAX_ARTICLE_BYTES
    c = load_corpus(folder_with(tmp_path, bulky), strict=True)
    assert "Ferry crews walked out" in c.texts["g"]


def test_saved_page_over_the_html_limit_is_left_out(tmp_path):
    folder = folder_with(tmp_path, "")
    with open(folder / "gazette.html", "wb") as fh:  # sparse: nothing is written or read
        fh.truncate(MAX_HTML_BYTES + 1_000_000)
    skipped = load_corpus(folder).skipped
    assert list(skipped.reason) == ["is 21.0 MB; the suite reads articles up to 20 MB"]


def test_no_standard_library_html_fallback():
    for module in ("load/corpus.py", "load/html.py", "load/scaffold.py"):
        source = (SRC / module).read_text(encoding="utf-8")
        assert "html.parser" not in source and "HTMLParser" not in source and "html_to_text" not in source, module


def test_extraction_does_not_use_the_page_cleaner_of_the_line_rules(tmp_path, monkeypatch):
    from framing.load import cleaning

    def refuse(*args, **kwargs):
        raise AssertionError("the standard-library converter was called")

    monkeypatch.setattr(cleaning, "html_to_text", refuse, raising=False)
    assert "Ferry crews walked out" in load_corpus(folder_with(tmp_path, GAZETTE), strict=True).texts["g"]
