"""Tests for the annotated side-by-side reading page (framing.present.reading_view)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from framing.core.paths import SEED_EVENT_DIR
from framing.present.reading_view import CUE_CATEGORIES, cue_counts, render_reading_view, write_reading_view

VOID = {"meta", "br", "hr", "img", "input", "link", "source", "wbr", "col", "area", "base", "embed"}
# Every tag the page is allowed to contain.  Anything else means text leaked out as markup.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "section", "table",
    "caption", "thead", "tbody", "tr", "th", "td", "mark", "div", "span", "em", "main", "article",
    "details", "summary", "ol", "li", "footer", "nav", "fieldset", "legend", "input", "label", "ul", "sup", "a",
}


# ---------------------------------------------------------------------------
# A tiny DOM built with html.parser: enough to inspect structure and text
# ---------------------------------------------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class TreeBuilder(HTMLParser):
    """Builds a Node tree and fails on any mis-nested end tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder


def strip_tags(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


def sentence_fragment(page: str, sentence_id: str) -> str:
    """The inner HTML of one sentence span (sentences contain marks, never spans)."""
    pattern = rf'<span class="s[^"]*" data-sentence="{re.escape(html.escape(sentence_id))}"[^>]*>(.*?)</span>'
    found = re.findall(pattern, page, flags=re.S)
    assert len(found) == 1, sentence_id
    return found[0]


def marks_by_cue(tree: TreeBuilder) -> dict[str, list[Node]]:
    out: dict[str, list[Node]] = {}
    for node in tree.root.iter():
        if node.tag == "mark" and "data-cue" in node.attrs:
            out.setdefault(node.attrs["data-cue"], []).append(node)
    return out


# ---------------------------------------------------------------------------
# Hand-made corpus builder: offsets are known by construction
# ---------------------------------------------------------------------------


def make_article(article_id, outlet, headline, paragraphs, chrome=("Menu", "Home / World"), footer=("SHARE",)):
    """Raw page = chrome lines, headline, body paragraphs (sentences joined by a space), footer.

    Returns (article row, raw text, sentences frame, lines frame).
    """
    parts: list[tuple[str, str]] = [(line, "chrome") for line in chrome]
    parts.append(("", "blank"))
    parts.append((headline, "headline"))
    for para in paragraphs:
        parts.append(("", "blank"))
        parts.append((" ".join(para), "body"))
    parts.append(("", "blank"))
    parts.extend((line, "chrome") for line in footer)
    raw = "\n".join(p for p, _ in parts)

    lines, sentences = [], []
    pos = 0
    para_no = 0
    n = 0
    for line_no, (line, role) in enumerate(parts, start=1):
        lines.append(
            {
                "article_id": article_id, "line_no": line_no, "role": role, "is_body": role == "body",
                "reason": {"chrome": "page furniture", "blank": "empty line"}.get(role, "kept"),
                "start": pos, "end": pos + len(line), "text": line,
            }
        )
        if role in ("headline", "body"):
            if role == "body":
                para_no += 1
            pieces = paragraphs[para_no - 1] if role == "body" else [line]
            cursor = pos
            for sentence in pieces:
                n += 1
                start = raw.index(sentence, cursor)
                sentences.append(
                    {
                        "article_id": article_id, "outlet": outlet, "sentence_id": f"{article_id}-{n:03d}",
                        "paragraph": 0 if role == "headline" else para_no, "role": role, "voice": "authorial",
                        "start": start, "end": start + len(sentence), "text": sentence,
                    }
                )
                cursor = start + len(sentence)
        pos += len(line) + 1
    article = {
        "article_id": article_id, "outlet": outlet, "published": "2021-06-04", "headline": headline,
        "country": "Nowhere", "ownership": "private", "url": "", "event": "Test event",
    }
    return article, raw, pd.DataFrame(sentences), pd.DataFrame(lines)


def make_corpus(*specs):
    arts, texts, sents, lines = [], {}, [], []
    for spec in specs:
        article, raw, s, ln = make_article(*spec)
        arts.append(article)
        texts[article["article_id"]] = raw
        sents.append(s)
        lines.append(ln)
    return pd.DataFrame(arts), pd.concat(lines, ignore_index=True), pd.concat(sents, ignore_index=True), texts


def cue(texts, articles, article_id, needle, category, *, occurrence=1, subcategory="", voice="authorial",
        term=None):
    raw = texts[article_id]
    start = -1
    for _ in range(occurrence):
        start = raw.index(needle, start + 1)
    outlet = articles.set_index("article_id").loc[article_id, "outlet"]
    return {
        "article_id": article_id, "outlet": outlet, "sentence_id": "", "start": start, "end": start + len(needle),
        "cue": needle, "term": needle.lower() if term is None else term, "category": category,
        "subcategory": subcategory, "voice": voice,
    }


def render(articles, lines, sentences, cues=None, sentiment=None, texts=None, **kw):
    cue_frame = pd.DataFrame(cues) if cues is not None else None
    return render_reading_view(articles, lines, sentences, cue_frame, sentiment, texts, **kw)


# ---------------------------------------------------------------------------
# Escaping and the absence of live markup
# ---------------------------------------------------------------------------

HOSTILE_HEADLINE = "<script>alert(1)</script> Summit & the \"reset\""
HOSTILE_PARAS = [
    [
        'The envoy wrote " onmouseover="x and left.',
        "Officials quoted the &amp; entity verbatim.",
    ],
    ["An image tag <img src=x onerror=alert(2)> appeared in the copy, reportedly."],
]


def hostile_corpus():
    return make_corpus(
        ("evil", 'Outlet <b onclick="x()">Bold</b>', HOSTILE_HEADLINE, HOSTILE_PARAS,
         ("<img src=y onerror=alert(3)>",), ('<a href="javascript:alert(4)">Share</a>',)),
    )


def test_hostile_text_is_escaped_and_never_live_markup():
    articles, lines, sentences, texts = hostile_corpus()
    articles.loc[0, "url"] = "javascript:alert(5)"
    articles.loc[0, "country"] = '"><script>alert(6)</script>'
    cues = [
        cue(texts, articles, "evil", "reportedly", "hedge", term='"><script>alert(7)</script>'),
        cue(texts, articles, "evil", '" onmouseover="x', "scare_quote", subcategory='" onfocus="y'),
    ]
    sentiment = pd.DataFrame(
        {"sentence_id": ["evil-002"], "compound": [-0.3], "label": ["negative"],
         "drivers": ['<img src=z onerror=alert(8)>:-1']}
    )
    page = render(articles, lines, sentences, cues, sentiment, texts,
                  title="</title><script>alert(9)</script>")
    tree = parse(page)
    tags = {tag for tag, _ in tree.tags}
    assert "script" not in tags and "img" not in tags and "a" not in tags and "b" not in tags
    assert tags <= ALLOWED_TAGS
    for tag, attrs in tree.tags:
        for name, _ in attrs:
            assert not name.lower().startswith("on"), (tag, name)
        assert not any(name in ("src", "href") for name, _ in attrs)
    text = tree.root.text()
    # The hostile strings are shown to the reader as text, exactly.
    assert "<script>alert(1)</script> Summit & the \"reset\"" in text
    assert '" onmouseover="x' in text
    assert "the &amp; entity" in text  # the entity stays literal: the page holds &amp;amp;
    assert "&amp;amp;" in page
    assert "<img src=x onerror=alert(2)>" in text
    assert "<img src=y onerror=alert(3)>" in text  # removed chrome, listed as text
    assert "javascript:alert(5)" in text
    notes = [dict(attrs).get("title", "") for tag, attrs in tree.tags if tag == "mark"]
    assert any('term: "><script>alert(7)</script>' in n for n in notes)
    assert any('(" onfocus="y)' in n for n in notes)


def test_page_is_self_contained_without_script():
    articles, lines, sentences, texts = news_corpus()
    cues = [cue(texts, articles, "daily", "reportedly", "hedge")]
    sentiment = pd.DataFrame({"sentence_id": ["daily-002"], "compound": [-0.3]})
    page = render(articles, lines, sentences, cues, sentiment, texts)
    lowered = page.lower()
    forbidden_bits = ("<script", "<link", "<img", "<iframe", "src=", "href=", "@import", "url(", "http:", "//")
    for forbidden in forbidden_bits:
        assert forbidden not in lowered, forbidden
    assert "@media print" in page
    assert "default-src 'none'" in page  # a content security policy that blocks any request


# ---------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------

NEWS_PARAS = [
    [
        "The minister reportedly told aides that the talks may well collapse.",
        "Critics said the so-called \"reset\" had clearly failed.",
    ],
    ["According to officials, the deal was indeed signed on Friday."],
]


def news_corpus():
    return make_corpus(("daily", "The Daily", "Talks may collapse, minister warns", NEWS_PARAS))


def test_every_cue_is_highlighted_exactly_once_with_its_category():
    articles, lines, sentences, texts = news_corpus()
    cues = [
        cue(texts, articles, "daily", "may", "hedge", occurrence=2),
        cue(texts, articles, "daily", "reportedly", "hedge"),
        cue(texts, articles, "daily", "clearly", "booster"),
        cue(texts, articles, "daily", "indeed", "booster"),
        cue(texts, articles, "daily", "so-called", "distancing"),
        cue(texts, articles, "daily", "said", "attribution", subcategory="neutral"),
        cue(texts, articles, "daily", "According to", "attribution", subcategory="neutral"),
        cue(texts, articles, "daily", '"reset"', "scare_quote"),
        cue(texts, articles, "daily", "may", "hedge", occurrence=1),  # in the headline
    ]
    page = render(articles, lines, sentences, cues, None, texts)
    marks = marks_by_cue(parse(page))
    assert len(marks) == len(cues)
    raw = texts["daily"]
    seen = []
    for pieces in marks.values():
        assert len(pieces) == 1 and "cue-cont" not in pieces[0].classes()
        node = pieces[0]
        category = next(c[4:] for c in node.classes() if c.startswith("cue-"))
        seen.append((node.text(), category))
    expected = sorted((raw[c["start"] : c["end"]], c["category"]) for c in cues)
    assert sorted(seen) == expected
    assert "4 sentences · 9 cues" in page


def test_hover_note_gives_category_subcategory_voice_and_term():
    articles, lines, sentences, texts = news_corpus()
    cues = [
        cue(texts, articles, "daily", "said", "attribution", subcategory="doubting", voice="authorial"),
        cue(texts, articles, "daily", '"reset"', "scare_quote", voice="quoted", term="reset"),
    ]
    marks = marks_by_cue(parse(render(articles, lines, sentences, cues, None, texts)))
    notes = sorted(pieces[0].attrs["title"] for pieces in marks.values())
    assert notes == ["attribution (doubting) · authorial · term: said", "scare quote · quoted · term: reset"]


def test_nested_and_crossing_cues_nest_properly_and_keep_their_text():
    paras = [["He said the plan might possibly work."]]
    articles, lines, sentences, texts = make_corpus(("x", "X News", "Plan", paras))
    raw = texts["x"]
    cues = [
        cue(texts, articles, "x", "might possibly", "hedge", term="might"),
        cue(texts, articles, "x", "possibly work", "booster", term="possibly"),  # crosses the hedge
        cue(texts, articles, "x", "possibly", "distancing"),  # inside both
        cue(texts, articles, "x", "said", "attribution", subcategory="neutral"),
    ]
    page = render(articles, lines, sentences, cues, None, texts)
    tree = parse(page)  # fails on any mis-nested tag
    fragment = sentence_fragment(page, "x-002")
    # Hand-worked: the booster starts inside the hedge and runs past it, so it is cut at the
    # hedge's end; its first piece is marked as continuing.
    skeleton = re.sub(r' (data-cue|data-fn|title)="[^"]*"', "", fragment)
    assert skeleton == (
        'He <mark class="cue cue-attribution">said</mark> the plan '
        '<mark class="cue cue-hedge">might '
        '<mark class="cue cue-booster cue-cont">'
        '<mark class="cue cue-distancing">possibly</mark></mark></mark>'
        '<mark class="cue cue-booster"> work</mark>.'
    )
    # Footnote numbers follow the order in which the marks close: "said", then "possibly" (the
    # distancing cue closes inside the hedge that ends at the same letter), the hedge, the booster.
    numbers = {m.attrs["class"].split()[1]: m.attrs["data-fn"] for m in tree.root.iter()
               if m.tag == "mark" and "data-fn" in m.attrs}
    assert numbers == {"cue-attribution": "1", "cue-distancing": "2", "cue-hedge": "3", "cue-booster": "4"}
    marks = marks_by_cue(tree)
    assert len(marks) == 4
    texts_by_category = {}
    for pieces in marks.values():
        category = next(c[4:] for c in pieces[0].classes() if c.startswith("cue-") and c != "cue-cont")
        assert sum("cue-cont" not in p.classes() for p in pieces) == 1  # one final piece per cue
        texts_by_category[category] = "".join(p.text() for p in pieces)
    assert texts_by_category == {
        "hedge": "might possibly",
        "booster": "possibly work",
        "distancing": "possibly",
        "attribution": "said",
    }
    assert strip_tags(fragment) == raw[sentences.loc[1, "start"] : sentences.loc[1, "end"]]


def test_identical_spans_of_two_categories_are_both_shown():
    paras = [["Officials claimed the vote was rigged."]]
    articles, lines, sentences, texts = make_corpus(("y", "Y", "Vote", paras))
    cues = [
        cue(texts, articles, "y", "claimed", "distancing"),
        cue(texts, articles, "y", "claimed", "attribution", subcategory="doubting"),
    ]
    page = render(articles, lines, sentences, cues, None, texts)
    fragment = re.sub(r' (data-cue|data-fn|title)="[^"]*"', "", sentence_fragment(page, "y-002"))
    # Same span: the fixed category order (hedge, booster, distancing, attribution, scare quote)
    # makes the distancing mark the outer one.
    assert fragment == (
        'Officials <mark class="cue cue-distancing"><mark class="cue cue-attribution">claimed</mark></mark>'
        " the vote was rigged."
    )


def test_cue_crossing_a_sentence_boundary_is_split_but_counted_once():
    paras = [["Talks stalled.", "Hopes faded."]]
    articles, lines, sentences, texts = make_corpus(("z", "Z", "Talks", paras))
    cues = [cue(texts, articles, "z", "stalled. Hopes", "hedge")]
    page = render(articles, lines, sentences, cues, None, texts)
    pieces = next(iter(marks_by_cue(parse(page)).values()))
    assert [p.text() for p in pieces] == ["stalled.", "Hopes"]
    assert ["cue-cont" in p.classes() for p in pieces] == [True, False]


def test_unknown_category_and_empty_span_are_rejected():
    articles, lines, sentences, texts = news_corpus()
    bad = [cue(texts, articles, "daily", "clearly", "emphasis")]
    with pytest.raises(ValueError, match="unknown cue categories"):
        render(articles, lines, sentences, bad, None, texts)
    empty = [dict(cue(texts, articles, "daily", "clearly", "booster"), end=0)]
    with pytest.raises(ValueError, match="end > start"):
        render(articles, lines, sentences, empty, None, texts)


def test_sentence_that_does_not_match_its_offsets_is_rejected():
    articles, lines, sentences, texts = news_corpus()
    sentences.loc[1, "text"] = "Something else entirely."
    with pytest.raises(ValueError, match="does not match"):
        render(articles, lines, sentences, [], None, texts)


# ---------------------------------------------------------------------------
# Columns, legend counts, sentiment, removed text
# ---------------------------------------------------------------------------


def three_outlets():
    return make_corpus(
        ("b1", "Beta Times", "Summit set", [["The summit is set for June."]]),
        ("a1", "Alpha Post", "Leaders to meet", [["Leaders will reportedly meet.", "Aides said so."]]),
        ("c1", "Gamma Wire", "Meeting confirmed", [["The meeting was clearly confirmed."]]),
    )


def test_three_outlets_give_three_columns_in_the_given_order():
    articles, lines, sentences, texts = three_outlets()
    cues = [
        cue(texts, articles, "a1", "reportedly", "hedge"),
        cue(texts, articles, "a1", "said", "attribution", subcategory="neutral"),
        cue(texts, articles, "c1", "clearly", "booster"),
    ]
    tree = parse(render(articles, lines, sentences, cues, None, texts))
    columns = [n for n in tree.root.iter() if n.tag == "article" and "col" in n.classes()]
    assert [c.attrs["data-article"] for c in columns] == ["b1", "a1", "c1"]
    heads = [n.text() for n in tree.root.iter() if n.tag == "th" and n.attrs.get("scope") == "col"]
    assert heads == ["Cue", "What it does", "Beta Times", "Alpha Post", "Gamma Wire"]
    # Legend rows: category, meaning, then one count per outlet (hand-counted).
    rows = {}
    for tr in (n for n in tree.root.iter() if n.tag == "tr"):
        cells = [c for c in tr.children if isinstance(c, Node)]
        if cells and cells[0].tag == "th" and cells[0].attrs.get("scope") == "row":
            rows[cells[0].text().rstrip()] = [c.text() for c in cells[2:]]
    assert rows == {
        "hedge": ["0", "1", "0"],
        "booster": ["0", "0", "1"],
        "distancing": ["0", "0", "0"],
        "attribution": ["0", "1", "0"],
        "scare quote": ["0", "0", "0"],
    }


def test_articles_of_one_outlet_sit_together():
    articles, lines, sentences, texts = make_corpus(
        ("p2", "Post", "Second", [["Later report."]]),
        ("w1", "Wire", "Only", [["Wire report."]]),
        ("p1", "Post", "First", [["Earlier report."]]),
    )
    articles.loc[articles["article_id"] == "p1", "published"] = "2021-06-03"
    tree = parse(render(articles, lines, sentences, [], None, texts))
    order = [n.attrs["data-article"] for n in tree.root.iter() if n.tag == "article"]
    assert order == ["p1", "p2", "w1"]


def test_cue_counts_is_tidy_and_hand_checked():
    articles, lines, sentences, texts = three_outlets()
    cues = pd.DataFrame(
        [
            cue(texts, articles, "a1", "reportedly", "hedge"),
            cue(texts, articles, "a1", "said", "attribution"),
            cue(texts, articles, "c1", "clearly", "booster"),
            cue(texts, articles, "c1", "confirmed", "booster"),
        ]
    )
    before = cues.copy()
    counts = cue_counts(cues, articles)
    pd.testing.assert_frame_equal(cues, before)
    assert list(counts.columns) == ["outlet", "category", "n_cues"]
    assert len(counts) == 3 * len(CUE_CATEGORIES)
    got = {(r.outlet, r.category): r.n_cues for r in counts.itertuples() if r.n_cues}
    assert got == {("Alpha Post", "hedge"): 1, ("Alpha Post", "attribution"): 1, ("Gamma Wire", "booster"): 2}
    assert cue_counts(None, articles)["n_cues"].sum() == 0


def test_sentiment_marker_class_and_note():
    articles, lines, sentences, texts = news_corpus()
    sentiment = pd.DataFrame(
        {
            "article_id": "daily", "outlet": "The Daily",
            "sentence_id": ["daily-001", "daily-002", "daily-003", "daily-004"],
            "voice": "authorial",
            "compound": [-0.4939, 0.05, -0.049, 0.4215],
            "pos": [0.0, 0.1, 0.0, 0.3], "neu": [0.6, 0.9, 1.0, 0.7], "neg": [0.4, 0.0, 0.0, 0.0],
            # Labels missing for two rows: derived from compound with VADER's +-0.05 cut-offs.
            "label": ["negative", None, None, "positive"],
            "drivers": ["collapse:-1.9", "", "", "indeed:+0.9"],
        }
    )
    page = render(articles, lines, sentences, [], sentiment, texts)
    tree = parse(page)
    spans = {n.attrs["data-sentence"]: n for n in tree.root.iter() if n.tag == "span" and "data-sentence" in n.attrs}
    labels = {sid: sorted(c for c in n.classes() if c != "s") for sid, n in spans.items()}
    assert labels == {
        "daily-001": ["s-negative"], "daily-002": ["s-positive"],
        "daily-003": ["s-neutral"], "daily-004": ["s-positive"],
    }
    assert spans["daily-001"].attrs["title"] == (
        "sentiment: authorial: negative, compound -0.49 (pos 0.00, neu 0.60, neg 0.40); drivers: collapse:-1.9"
    )
    # No sentiment table: no marker, no note.
    bare = parse(render(articles, lines, sentences, [], None, texts))
    for node in bare.root.iter():
        if "data-sentence" in node.attrs:
            assert node.classes() == {"s"} and "title" not in node.attrs


def test_removed_page_text_lists_uncovered_lines_with_role_and_reason():
    articles, lines, sentences, texts = news_corpus()
    page = render(articles, lines, sentences, [], None, texts)
    tree = parse(page)
    details = [n for n in tree.root.iter() if n.tag == "details"]
    assert len(details) == 1 and "removed" in details[0].classes()
    summary = next(n for n in details[0].iter() if n.tag == "summary")
    assert summary.text() == "Removed page text (3 lines)"  # Menu, Home / World, SHARE
    items = [n for n in details[0].iter() if n.tag == "li"]
    got = [
        tuple(c.text() for c in item.children if isinstance(c, Node)) for item in items
    ]
    assert got == [
        ("1", "chrome", "page furniture", "Menu"),
        ("2", "chrome", "page furniture", "Home / World"),
        ("10", "chrome", "page furniture", "SHARE"),
    ]
    without = render(articles, None, sentences, [], None, texts)
    assert "<details" not in without and "Removed page text" not in without


def test_sentences_reassemble_exactly_and_paragraphs_keep_their_spacing():
    articles, lines, sentences, texts = hostile_corpus()
    cues = [cue(texts, articles, "evil", "reportedly", "hedge")]
    page = render(articles, lines, sentences, cues, None, texts)
    for row in sentences.itertuples():
        assert strip_tags(sentence_fragment(page, row.sentence_id)) == row.text
    tree = parse(page)
    body = next(n for n in tree.root.iter() if "article-text" in n.classes())
    paragraphs = [n.text() for n in body.children if isinstance(n, Node)]
    assert paragraphs == [" ".join(p) for p in HOSTILE_PARAS]


def test_output_is_deterministic_and_inputs_untouched(tmp_path):
    articles, lines, sentences, texts = three_outlets()
    cues = pd.DataFrame([cue(texts, articles, "a1", "reportedly", "hedge")])
    frames = [articles, lines, sentences, cues]
    copies = [f.copy() for f in frames]
    first = render_reading_view(articles, lines, sentences, cues, None, texts, title="T")
    second = render_reading_view(articles, lines, sentences, cues.iloc[::-1], None, texts, title="T")
    assert first == second
    for frame, copy in zip(frames, copies, strict=True):
        pd.testing.assert_frame_equal(frame, copy)
    path = write_reading_view(tmp_path / "nested" / "page.html", first)
    assert path.read_bytes() == first.encode("utf-8")


# ---------------------------------------------------------------------------
# A realistic page from the seed articles
# ---------------------------------------------------------------------------

# Hand-segmented sentences of the seed articles (exact raw text, curly quotes included).
SEED_SENTENCES = {
    "sputnik": [
        (0, "headline", "Putin on Upcoming Meeting With Biden: Russia, US Need to Find Ways to Mend Relations"),
        (1, "body", "Russian President Vladimir Putin said during a speech at the 24th St. Petersburg International "
                    "Economic Forum (SPIEF) that he and US President Joe Biden need to find ways to mend relations "
                    "between Russia and the United States\u00a0at the upcoming talks in Geneva."),
        (2, "body", "\u201cWe will discuss matters concerning bilateral relations."),
        (2, "body", "I assume we need to try finding ways of mending the relations, which are at the lowest "
                    "level as for now."),
        (2, "body", "We are all well aware of this fact\u201d, Putin said."),
    ],
    "presstv": [
        (0, "headline", "Putin hopes to 'regularize' damaged ties with US at summit with Biden"),
        (1, "body", "Putin told the Saint Petersburg International Economic Forum on Friday that ties with "
                    "Washington are currently at a \"low level.\u201d"),
        (2, "body", "Peskov said, \u201cThis is indeed a very important meeting,\u201d but \u201cAt the same time, "
                    "it would be wrong to have inflated expectations.\u201d"),
    ],
}


def seed_corpus():
    texts, sentences, articles = {}, [], []
    for article_id, outlet in (("sputnik", "Sputnik International"), ("presstv", "Press TV")):
        raw = (SEED_EVENT_DIR / f"{article_id}.txt").read_text(encoding="utf-8")
        texts[article_id] = raw
        for n, (paragraph, role, text) in enumerate(SEED_SENTENCES[article_id], start=1):
            start = raw.index(text)
            sentences.append(
                {"article_id": article_id, "outlet": outlet, "sentence_id": f"{article_id}-{n:03d}",
                 "paragraph": paragraph, "role": role, "voice": "authorial", "start": start,
                 "end": start + len(text), "text": text}
            )
        articles.append({"article_id": article_id, "outlet": outlet, "published": "2021-06-04",
                         "country": "Russia" if article_id == "sputnik" else "Iran", "ownership": "state-owned"})
    return pd.DataFrame(articles), pd.DataFrame(sentences), texts


def test_seed_articles_render_with_curly_quotes_intact():
    articles, sentences, texts = seed_corpus()
    raw_p, raw_s = texts["presstv"], texts["sputnik"]
    cues = pd.DataFrame(
        [
            {"article_id": "presstv", "start": raw_p.index("'regularize'"), "category": "scare_quote",
             "subcategory": "", "voice": "authorial", "term": "regularize"},
            {"article_id": "presstv", "start": raw_p.index("\"low level.\u201d"), "category": "scare_quote",
             "subcategory": "", "voice": "authorial", "term": "low level"},
            {"article_id": "presstv", "start": raw_p.index("indeed"), "category": "booster",
             "subcategory": "", "voice": "quoted", "term": "indeed"},
            {"article_id": "sputnik", "start": raw_s.index("I assume"), "category": "hedge",
             "subcategory": "", "voice": "quoted", "term": "assume"},
            {"article_id": "sputnik", "start": raw_s.index("well aware"), "category": "booster",
             "subcategory": "", "voice": "quoted", "term": "well aware"},
        ]
    )
    lengths = {"'regularize'": 12, "\"low level.\u201d": 12, "indeed": 6, "I assume": 8, "well aware": 10}
    cues["end"] = cues["start"] + [lengths[k] for k in lengths]
    page = render_reading_view(articles, None, sentences, cues, None, texts, title="SPIEF, 4 June 2021")
    tree = parse(page)
    for row in sentences.itertuples():
        assert strip_tags(sentence_fragment(page, row.sentence_id)) == row.text
    marks = marks_by_cue(tree)
    assert sorted(p[0].text() for p in marks.values()) == sorted(lengths)
    headlines = [n.text() for n in tree.root.iter() if n.tag == "h2"]
    assert headlines == [SEED_SENTENCES["sputnik"][0][2], SEED_SENTENCES["presstv"][0][2]]
    assert "4 June 2021" in tree.root.text()


def test_load_corpus_tables_render_every_sentence_and_every_removed_line():
    corpus_module = pytest.importorskip("framing.load.corpus")
    corpus = corpus_module.load_corpus(SEED_EVENT_DIR)
    page = render_reading_view(corpus.articles, corpus.lines, corpus.sentences, None, None, corpus.texts)
    parse(page)
    for row in corpus.sentences.itertuples():
        assert strip_tags(sentence_fragment(page, row.sentence_id)) == row.text
    # Every non-blank raw line is either shown (inside some sentence) or listed as removed.
    listed = len(re.findall(r'<span class="ln">', page))
    shown = 0
    for row in corpus.lines.itertuples():
        mine = corpus.sentences[corpus.sentences["article_id"] == row.article_id]
        if ((mine["start"] < row.end) & (row.start < mine["end"])).any():
            shown += 1
    assert listed + shown == int((corpus.lines["role"] != "blank").sum())


# ---------------------------------------------------------------------------
# Any set of overlapping cues: the page stays well formed and every cue keeps its text
# ---------------------------------------------------------------------------

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

OVERLAP_SENTENCE = "Officials said the so-called reset may well have failed, reportedly."


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(
    st.lists(
        st.tuples(
            st.integers(0, len(OVERLAP_SENTENCE) - 1),
            st.integers(1, 20),
            st.sampled_from(CUE_CATEGORIES),
        ),
        max_size=8,
    )
)
def test_random_overlapping_cues_nest_and_reassemble(spans):
    articles, lines, sentences, texts = make_corpus(("r", "R", "Reset", [[OVERLAP_SENTENCE]]))
    base = int(sentences.loc[1, "start"])
    cues = [
        {"article_id": "r", "start": base + s, "end": base + min(s + n, len(OVERLAP_SENTENCE)), "category": c,
         "subcategory": "", "voice": "authorial", "term": ""}
        for s, n, c in spans
    ]
    page = render(articles, lines, sentences, cues, None, texts)
    tree = parse(page)  # raises on mis-nesting
    assert strip_tags(sentence_fragment(page, "r-002")) == OVERLAP_SENTENCE
    marks = marks_by_cue(tree)
    assert len(marks) == len(cues)
    raw = texts["r"]
    got = sorted(("".join(p.text() for p in pieces), sum("cue-cont" not in p.classes() for p in pieces))
                 for pieces in marks.values())
    assert got == sorted((raw[c["start"] : c["end"]], 1) for c in cues)


# ---------------------------------------------------------------------------
# Many outlets: two chosen columns, a legend that grows down, not across
# ---------------------------------------------------------------------------

# Fifteen invented outlets, one of them with markup in its name.
MANY_NAMES = [
    "Varden Wire Service", "Republic Broadcasting Service", "The Varden Ledger", "Daily Spark",
    "Northline Business Review", "Green Current", "Labour Voice", "Kessler Valley Herald", "Metro Evening Post",
    "Channel 9 Regional", "The Independent Observer", "Coalfield Gazette", "Capital Morning Star",
    'Frontier <img src=x onerror="alert(8)"> Radio', "Upland Voice",
]


def many_outlets(n: int):
    """``n`` outlets, one article each; outlet i's article says "reportedly" i % 3 times (hand-countable hedges)."""
    specs = []
    for i, name in enumerate(MANY_NAMES[:n]):
        body = ["The board voted to close the plant.", *["Reportedly it acted."] * (i % 3)]
        specs.append((f"a{i:02d}", name, f"Plant to close, says report {i}", [body]))
    articles, lines, sentences, texts = make_corpus(*specs)
    cues = [cue(texts, articles, f"a{i:02d}", "Reportedly", "hedge", occurrence=k + 1)
            for i in range(n) for k in range(i % 3)]
    return articles, lines, sentences, texts, cues


def radio_groups(tree: TreeBuilder) -> dict[str, list[tuple[str, str, bool]]]:
    """name -> [(id, label text, checked)] of the page's radio buttons, in page order."""
    labels = {n.attrs.get("for"): n.text() for n in tree.root.iter() if n.tag == "label"}
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    for node in tree.root.iter():
        if node.tag == "input" and node.attrs.get("type") == "radio":
            groups.setdefault(node.attrs["name"], []).append(
                (node.attrs["id"], labels[node.attrs["id"]], "checked" in node.attrs))
    return groups


def test_fifteen_outlets_open_on_two_chosen_columns_without_script():
    articles, lines, sentences, texts, cues = many_outlets(15)
    page = render(articles, lines, sentences, cues, None, texts)
    tree = parse(page)
    groups = radio_groups(tree)
    assert list(groups) == ["left", "right"]
    for side, chosen in (("left", 0), ("right", 1)):
        assert [label for _, label, _ in groups[side]] == MANY_NAMES  # names as text, markup and all
        assert [checked for _, _, checked in groups[side]] == [i == chosen for i in range(15)]
    (show_all,) = [n for n in tree.root.iter() if n.tag == "input" and n.attrs.get("id") == "show-all"]
    assert "checked" not in show_all.attrs  # fifteen outlets: the page opens on two of them
    columns = [n for n in tree.root.iter() if n.tag == "article"]
    assert [c.attrs["data-outlet"] for c in columns] == [str(i) for i in range(15)]
    # Each outlet's column is shown by its own button, first (left) or second (right).
    for i in (0, 7, 14):
        assert f'body:has(#show-all:not(:checked)):has(#left-{i}:checked) .columns > .col[data-outlet="{i}"] ' \
               "{ display: block; order: 1; }" in page
        assert f'body:has(#show-all:not(:checked)):has(#right-{i}:checked) .columns > .col[data-outlet="{i}"] ' \
               "{ display: block; order: 2; }" in page
    assert "<script" not in page.lower() and "onerror=" not in page.replace("onerror=&quot;", "")
    assert "&lt;img src=x onerror=&quot;alert(8)&quot;&gt;" in page


@pytest.mark.parametrize("n, picker, all_checked", [(2, False, None), (3, True, True), (4, True, False)])
def test_the_page_opens_on_every_outlet_up_to_three(n, picker, all_checked):
    articles, lines, sentences, texts, cues = many_outlets(n)
    tree = parse(render(articles, lines, sentences, cues, None, texts))
    boxes = [node for node in tree.root.iter() if node.tag == "input" and node.attrs.get("id") == "show-all"]
    assert bool(boxes) is picker
    if picker:
        assert ("checked" in boxes[0].attrs) is all_checked


def test_legend_lists_outlets_as_columns_up_to_five_and_as_rows_beyond():
    for n in (5, 6):
        articles, lines, sentences, texts, cues = many_outlets(n)
        tree = parse(render(articles, lines, sentences, cues, None, texts))
        (table,) = [node for node in tree.root.iter() if node.tag == "table"]
        heads = [c.text() for c in table.iter() if c.tag == "th" and c.attrs.get("scope") == "col"]
        rows = {}
        for tr in (node for node in table.iter() if node.tag == "tr"):
            cells = [c for c in tr.children if isinstance(c, Node)]
            if cells and cells[0].tag == "th" and cells[0].attrs.get("scope") == "row":
                rows[cells[0].text()] = [c.text() for c in cells[1:]]
        if n == 5:
            assert heads == ["Cue", "What it does", *MANY_NAMES[:5]]
            assert rows["hedge"][1:] == ["0", "1", "2", "0", "1"]  # outlet i: i % 3 hedges
        else:
            assert heads == ["Outlet", "hedge", "booster", "distancing", "attribution", "scare quote"]
            assert list(rows) == MANY_NAMES[:6]
            assert [rows[name][0] for name in MANY_NAMES[:6]] == ["0", "1", "2", "0", "1", "2"]
        (box,) = [node for node in tree.root.iter() if "table-scroll" in node.classes()]
        assert table in list(box.iter())  # the table scrolls inside its own box when wider than the page


def _browser():
    """Chromium through Playwright, or a skip (a failure under CI), as in tests/test_browser.py."""
    import os
    import shutil

    on_ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        (pytest.fail if on_ci else pytest.skip)("playwright is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        (pytest.fail if on_ci else pytest.skip)("chromium is not installed (apt-get install chromium)")
    return sync_playwright, executable


def test_choosing_two_outlets_in_a_browser_shows_just_those_two_side_by_side(tmp_path):
    sync_playwright, executable = _browser()
    articles, lines, sentences, texts, cues = many_outlets(15)
    path = write_reading_view(tmp_path / "side.html", render(articles, lines, sentences, cues, None, texts))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        problems = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith("file:") else problems.append(r.url))
        page.goto(path.as_uri(), wait_until="load")

        def shown():
            boxes = page.eval_on_selector_all(
                "article.col", "cols => cols.filter(c => c.offsetParent !== null)"
                ".map(c => [c.dataset.article, c.getBoundingClientRect().left, c.getBoundingClientRect().top])")
            return [name for name, _, _ in sorted(boxes, key=lambda b: (b[2], b[1]))], boxes

        names, boxes = shown()
        assert names == ["a00", "a01"]
        assert boxes[0][2] == boxes[1][2]  # side by side, on one row
        page.click('label[for="left-13"]')
        page.click('label[for="right-4"]')
        assert shown()[0] == ["a13", "a04"]
        page.click('label[for="left-4"]')
        page.click('label[for="right-13"]')
        assert shown()[0] == ["a04", "a13"]  # left is left
        page.click('label[for="show-all"]')
        assert sorted(shown()[0]) == [f"a{i:02d}" for i in range(15)]
        assert page.evaluate("document.documentElement.scrollWidth") <= 1400  # nothing runs off the page
        assert page.evaluate("typeof window.alert_called") == "undefined"
        browser.close()
    assert problems == []


def test_the_fourteen_outlet_fixture_renders_every_sentence_and_lists_the_page_furniture():
    from pathlib import Path

    from framing.load.corpus import load_corpus

    corpus = load_corpus(Path(__file__).parent / "fixtures" / "many-outlets")
    page = render_reading_view(corpus.articles, corpus.lines, corpus.sentences, None, None, corpus.texts)
    tree = parse(page)
    assert len([n for n in tree.root.iter() if n.tag == "article"]) == 14
    for row in corpus.sentences.itertuples():
        assert strip_tags(sentence_fragment(page, row.sentence_id)) == row.text
    listed = [html.unescape(t) for t in re.findall(r'<span class="raw">(.*?)</span>', page)]
    # Each page ends with a teaser of another story ("Read more: ...", once "Related: ..."): none is article text.
    assert sum(line.startswith(("Read more:", "Related:")) for line in listed) == 14
    assert not any(word in row.text for row in corpus.sentences.itertuples() for word in ("Read more:", "Related:"))


# ---------------------------------------------------------------------------
# Sentence anchors, numbered notes, tone colours, speaker labels
# ---------------------------------------------------------------------------


def anchors_of(tree: TreeBuilder) -> list[str]:
    return [n.attrs["id"] for n in tree.root.iter() if "id" in n.attrs]


def test_every_sentence_carries_a_unique_escaped_anchor():
    articles, lines, sentences, texts = news_corpus()
    sentences = sentences.copy()
    sentences.loc[1, "sentence_id"] = 'daily-"2"<b>&'  # a hostile id: written escaped, read back unchanged
    repeated = pd.concat([sentences, sentences.iloc[[2]]], ignore_index=True)  # one sentence listed twice
    page = render(articles, lines, repeated, [], None, texts)
    tree = parse(page)
    ids = anchors_of(tree)
    assert len(ids) == len(set(ids))
    spans = [n for n in tree.root.iter() if "data-sentence" in n.attrs]
    with_id = [n for n in spans if "id" in n.attrs]
    assert [n.attrs["id"] for n in with_id] == [f"s-{sid}" for sid in sentences["sentence_id"]]
    assert 'id="s-daily-&quot;2&quot;&lt;b&gt;&amp;"' in page
    # The repeated row is drawn but gets no second id.
    assert len(spans) == len(repeated) and len(with_id) == len(sentences)


def test_a_linked_sentence_is_highlighted_and_its_hidden_column_shown():
    articles, lines, sentences, texts, cues = many_outlets(5)
    page = render(articles, lines, sentences, cues, None, texts)
    assert re.search(r"\.s:target \{[^}]*background: var\(--target\)", page)
    # With the picker, a column holding the target is shown too, after the chosen two, with a note saying why.
    assert "body:has(#show-all:not(:checked)) .columns > .col:has(.s:target) { display: block; order: 3; }" in page
    assert page.count('<p class="target-note">') == 5
    # Two outlets: no picker, every column is always shown, no rule needed.
    two = render(*many_outlets(2)[:3], many_outlets(2)[4], None, many_outlets(2)[3])
    assert ":has(.s:target)" not in two


def footnotes_of(column: Node) -> dict[str, str]:
    out = {}
    for li in (n for n in column.iter() if n.tag == "li" and n.attrs.get("id", "").startswith("fn-")):
        number = next(c for c in li.children if isinstance(c, Node) and "fn-no" in c.classes()).text()
        out[number] = li.text()[len(number):].strip()
    return out


def test_every_hover_note_is_also_a_numbered_footnote_of_its_column():
    articles, lines, sentences, texts = news_corpus()
    cues = [
        cue(texts, articles, "daily", "reportedly", "hedge", subcategory="evidential", voice="authorial"),
        cue(texts, articles, "daily", "said", "attribution", subcategory="neutral"),
    ]
    sentiment = pd.DataFrame({"sentence_id": ["daily-002"], "compound": [-0.4939], "label": ["negative"]})
    page = render(articles, lines, sentences, cues, sentiment, texts)
    tree = parse(page)
    (column,) = [n for n in tree.root.iter() if n.tag == "article"]
    notes = footnotes_of(column)
    titled = [n for n in column.iter() if "title" in n.attrs]
    assert len(titled) == 3 and len(notes) == 3
    for node in titled:
        letter = next((c for c in node.classes() if c.startswith("cue-")), "")
        shown = ({"cue-hedge": "H", "cue-attribution": "A"}.get(letter, "")) + node.attrs["data-fn"]
        assert notes[shown] == node.attrs["title"]
    # Hand-worked reading order: "reportedly" (H1) and the tone of its sentence (2), then "said" (A3).
    assert list(notes) == ["H1", "2", "A3"]
    # Sentences without a sentiment row carry no number and no note.
    bare = [n for n in column.iter() if "data-sentence" in n.attrs and n.attrs["data-sentence"] != "daily-002"]
    assert bare and all("data-fn" not in n.attrs and "title" not in n.attrs for n in bare)
    # On screen the list is folded behind a toggle; in print it is always shown.
    assert ".footnotes { display: none;" in page and ".notes-toggle:checked ~ .footnotes { display: block; }" in page
    print_css = page[page.index("@media print {\n  @page"):]
    assert ".footnotes { display: block;" in print_css
    assert ".notes-toggle, .notes > label { display: none; }" in print_css


def test_footnote_numbers_follow_the_reading_order_hand_worked():
    # Headline "Talks may collapse, minister warns" (sentence 1), then the body: the headline's hedge and
    # its tone marker come first, then the body's cue, then the body sentence's marker.
    articles, lines, sentences, texts = news_corpus()
    cues = [cue(texts, articles, "daily", "reportedly", "hedge"), cue(texts, articles, "daily", "may", "hedge")]
    first_body = sentences.loc[sentences["role"] == "body", "sentence_id"].iloc[0]
    holder = sentences.loc[sentences["text"].str.contains("reportedly"), "sentence_id"].iloc[0]
    sentiment = pd.DataFrame({"sentence_id": ["daily-001", holder], "compound": [-0.3, 0.2]})
    tree = parse(render(articles, lines, sentences, cues, sentiment, texts))
    numbered = {(n.tag, n.attrs.get("data-sentence") or n.text()): n.attrs["data-fn"]
                for n in tree.root.iter() if "data-fn" in n.attrs}
    assert numbered == {("mark", "may"): "1", ("span", "daily-001"): "2", ("mark", "reportedly"): "3",
                        ("span", holder): "4"}
    assert holder == first_body  # "reportedly" is in the first body sentence


def css_var(page: str, name: str) -> str:
    return re.search(rf"--{name}: (#[0-9a-fA-F]{{6}})", page).group(1).upper()


def test_tone_markers_use_no_outlet_colour_and_keep_their_shapes():
    from framing.present.plots.style import OKABE_ITO

    articles, lines, sentences, texts = news_corpus()
    page = render(articles, lines, sentences, [], None, texts)
    palette = {c.upper() for c in OKABE_ITO}

    def rgb(c):
        return tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))

    markers = {name: css_var(page, name) for name in ("pos", "neg", "neu")}
    for name, colour in markers.items():
        assert colour not in palette, name
        # Not a near copy either: at least 60 apart (RGB distance) from every outlet colour.
        assert min(sum((a - b) ** 2 for a, b in zip(rgb(colour), rgb(p))) ** 0.5 for p in palette) >= 60, name
    assert len(set(markers.values())) == 3
    # The old negative colour was the palette's vermillion: the check above would have caught it.
    assert "#D55E00" in palette
    assert re.search(r"\.s-negative::before \{[^}]*background: var\(--neg\)[^}]*border-radius: 1px", page)
    assert re.search(r"\.s-positive::before \{[^}]*background: var\(--pos\)", page)
    assert re.search(r"\.s-neutral::before \{[^}]*background: transparent; border-color: var\(--neu\)", page)
    assert re.search(r"\.s::before \{[^}]*border-radius: 50%", page)  # circles unless squared


QUOTE_PARAS = [
    ['The minister said, "We will not sign this deal."', "Aides said the talks would resume next week."],
    ['Critics called the plan "a gift to polluters," without naming anyone.'],
]


def quote_row(texts, needle, kind, speaker, speaker_actor="", article_id="q"):
    start = texts[article_id].index(needle)
    return {"article_id": article_id, "start": start, "end": start + len(needle), "kind": kind,
            "speaker": speaker, "speaker_actor": speaker_actor}


def speaker_labels(tree: TreeBuilder) -> list[tuple[str, str, str]]:
    """(sentence id, speaker, kind class) of each speaker label, in page order."""
    out = []

    def walk(node, sentence):
        sentence = node.attrs.get("data-sentence", sentence)
        if node.tag == "sup" and "who" in node.classes() and sentence is not None:  # not the legend's sample
            out.append((sentence, node.attrs["data-speaker"], sorted(node.classes() - {"who"})[0]))
        for child in node.children:
            if isinstance(child, Node):
                walk(child, sentence)

    walk(tree.root, None)
    return out


def test_quotations_are_labelled_with_their_speaker_without_changing_the_text():
    articles, lines, sentences, texts = make_corpus(("q", "Q News", "Deal in doubt", QUOTE_PARAS))
    quotes = pd.DataFrame([
        quote_row(texts, '"We will not sign this deal."', "direct", "The minister", "Lena <b>Marr</b>"),
        quote_row(texts, "the talks would resume next week", "indirect", "Aides"),
        quote_row(texts, '"a gift to polluters,"', "partial", ""),
        quote_row(texts, "Critics", "scare", "nobody"),  # not a quotation kind: no label
    ])
    cues = [cue(texts, articles, "q", "sign", "hedge", voice="quoted")]
    page = render_reading_view(articles, lines, sentences, pd.DataFrame(cues), None, texts, quotes=quotes)
    tree = parse(page)
    assert speaker_labels(tree) == [
        ("q-002", "Lena <b>Marr</b>", "who-direct"),
        ("q-003", "Aides", "who-indirect"),
        ("q-004", "unknown speaker", "who-partial"),
    ]
    assert 'data-speaker="Lena &lt;b&gt;Marr&lt;/b&gt;"' in page  # escaped in the attribute
    for row in sentences.itertuples():  # labels add no text: every sentence reads exactly as its offsets
        assert strip_tags(sentence_fragment(page, row.sentence_id)) == row.text
    # The label sits right after the closing quotation mark, outside the hedge mark inside the quotation.
    assert re.search(r'deal\.&quot;<sup class="who who-direct"', sentence_fragment(page, "q-002"))
    # The cue inside the quotation names its speaker in its note.
    (mark,) = [n for n in tree.root.iter() if n.tag == "mark" and "data-cue" in n.attrs]
    assert mark.attrs["title"].endswith("speaker: Lena <b>Marr</b>")
    # Without the quotes table: no label, no speaker in the notes.
    bare = render_reading_view(articles, lines, sentences, pd.DataFrame(cues), None, texts)
    assert speaker_labels(parse(bare)) == [] and "speaker:" not in bare


def test_a_quotation_ending_outside_the_shown_text_gets_no_label():
    articles, lines, sentences, texts = make_corpus(("q", "Q News", "Deal in doubt", QUOTE_PARAS))
    menu = texts["q"].index("Home / World")
    quotes = pd.DataFrame([{"article_id": "q", "start": menu, "end": menu + 4, "kind": "direct", "speaker": "X"}])
    tree = parse(render_reading_view(articles, lines, sentences, None, None, texts, quotes=quotes))
    assert speaker_labels(tree) == []


# ---------------------------------------------------------------------------
# The seed event, from its analysis tables: anchors, footnotes, speakers, aligned view
# ---------------------------------------------------------------------------

MANY_OUTLETS_DIR = SEED_EVENT_DIR.parents[2] / "tests" / "fixtures" / "many-outlets"


@pytest.fixture(scope="module")
def seed_analysis():
    from framing.pipeline import analyze

    return analyze(SEED_EVENT_DIR)


@pytest.fixture(scope="module")
def many_analysis():
    from framing.pipeline import analyze

    return analyze(MANY_OUTLETS_DIR)


@pytest.fixture(scope="module")
def seed_pages(seed_analysis):
    from framing.present.reading_view import reading_view_pages

    return reading_view_pages(seed_analysis)


def column_of(tree: TreeBuilder, article_id: str) -> Node:
    (column,) = [n for n in tree.root.iter() if n.tag == "article" and n.attrs.get("data-article") == article_id]
    return column


def link_targets(page: str, name: str) -> list[str]:
    return [html.unescape(h.split("#", 1)[1]) for h in re.findall(rf'href="{re.escape(name)}#([^"]*)"', page)]


@pytest.mark.parametrize("which", ["seed", "many"])
def test_front_page_links_resolve_to_sentences_of_the_side_by_side_page(which, request):
    from framing.compare.differences import differences
    from framing.present.front_page import render_front_page
    from framing.present.reading_view import reading_view_pages

    analysis = request.getfixturevalue(f"{which}_analysis")
    pages = reading_view_pages(analysis)
    front = render_front_page(analysis, differences(analysis), [], articles_dir=analysis.corpus.folder,
                              has_side_by_side=True)
    ids = set(anchors_of(parse(pages["side-by-side.html"])))
    links = [html.unescape(h) for h in re.findall(r'href="side-by-side\.html#([^"]*)"', front)]
    assert links, "the front page links no sentence"
    assert [x for x in links if x not in ids] == []
    # The aligned view links every sentence it shows to the same anchors.
    from_aligned = [html.unescape(h) for h in re.findall(r'href="side-by-side\.html#([^"]*)"', pages["aligned.html"])]
    assert from_aligned and [x for x in from_aligned if x not in ids] == []
    assert 'href="aligned.html"' in pages["side-by-side.html"]
    assert 'href="side-by-side.html"' in pages["aligned.html"]


def test_seed_hover_notes_each_have_their_footnote(seed_pages):
    tree = parse(seed_pages["side-by-side.html"])
    checked = 0
    for column in (n for n in tree.root.iter() if n.tag == "article"):
        notes = footnotes_of(column)
        letters = {f"cue-{c}": L for c, L in (("hedge", "H"), ("booster", "B"), ("distancing", "D"),
                                               ("attribution", "A"), ("scare_quote", "Q"))}
        titled = [n for n in column.iter() if "title" in n.attrs]
        assert len(titled) == len(notes)
        for node in titled:
            letter = "".join(letters[c] for c in node.classes() if c in letters)
            assert notes[letter + node.attrs["data-fn"]] == node.attrs["title"]
            checked += 1
    assert checked > 40


def test_seed_peskov_quotations_are_labelled_in_press_tv_only(seed_analysis, seed_pages):
    tree = parse(seed_pages["side-by-side.html"])
    labels = {a: [n.attrs["data-speaker"] for n in column_of(tree, a).iter() if n.tag == "sup"]
              for a in ("presstv", "sputnik")}
    # Press TV quotes Peskov five times: two direct quotations in one sentence, one partial ("a positive
    # step"), two reported (that the powers disagree; that Biden's remarks showed no interest).
    assert sum("Peskov" in s for s in labels["presstv"]) == 5
    assert not any("Peskov" in s for s in labels["sputnik"])
    assert any("Putin" in s for s in labels["sputnik"])  # Sputnik's quotations are labelled too


def aligned_rows(page: str) -> dict[str, dict[str, Node]]:
    """unit id -> outlet number -> cell."""
    tree = parse(page)
    rows = {}
    for section in (n for n in tree.root.iter() if n.tag == "section" and "unit-row" in n.classes()):
        rows[section.attrs["data-unit"]] = {c.attrs["data-outlet"]: c for c in section.children
                                            if isinstance(c, Node) and "cell" in c.classes()}
    return rows


def test_seed_aligned_view_puts_what_both_tell_on_one_row_and_marks_what_one_leaves_out(seed_pages):
    page = seed_pages["aligned.html"]
    assert "<script" not in page.lower() and "http" not in page.replace("http-equiv", "")
    rows = aligned_rows(page)
    columns = re.findall(r'<div class="cell outlet-head" data-outlet="(\d)"><p class="outlet">([^<]*)</p>', page)
    number = {name: i for i, name in columns}
    sputnik, presstv = number["Sputnik International"], number["Press TV"]

    def clauses(cell):  # the shaded words that tell the unit, spaces normalised
        return " ".join(" ".join(n.text().split()) for n in cell.iter() if n.tag == "b")

    # Press TV's sentence on Washington trying to "hold back" Russia tells three units; the row of the
    # "hold back" unit is the one whose shaded clause says it.
    (hold_back,) = [u for u, cells in rows.items() if "hold back Russia" in clauses(cells[presstv])]
    assert "none" in rows[hold_back][sputnik].classes()
    assert rows[hold_back][sputnik].text() == "not reported"
    # Sputnik "mend[ing]" relations and Press TV "regularize" them: one row, told by both.
    both = [u for u, cells in rows.items()
            if "mend" in clauses(cells[sputnik]) and "regularize" in clauses(cells[presstv])]
    assert len(both) == 1
    assert all("told" in rows[both[0]][k].classes() for k in (sputnik, presstv))
    # Units in the lede are marked, per cell and per row.
    assert 'class="lede-tag">lede</span>' in page and "in-lede" in page


def test_aligned_view_escapes_text_and_says_not_reported():
    from framing.present.reading_view import render_aligned_view

    articles, lines, sentences, texts = make_corpus(
        ("a", "Alpha <i>Wire</i>", "Talks <script>x()</script> resume", [["The envoy said <b>yes</b> & left."]]),
        ("b", "Beta News", "Talks resume", [["Nothing here."]]),
    )
    s1 = sentences[sentences["article_id"] == "a"].iloc[1]
    units = pd.DataFrame({"unit_id": ["u1", "u2"], "label": ["x", "y"], "n_articles": [1, 1], "n_outlets": [1, 1],
                          "outlets": ["Alpha <i>Wire</i>", "Beta News"]})
    s2 = sentences[sentences["article_id"] == "b"].iloc[1]
    unit_sentences = pd.DataFrame([
        {"unit_id": "u1", "article_id": "a", "outlet": "Alpha <i>Wire</i>", "sentence_id": s1.sentence_id,
         "similarity": 1.0, "paragraph": 1, "in_headline": False, "in_lede": True, "start": s1.start,
         "end": s1.start + 14},
        {"unit_id": "u2", "article_id": "b", "outlet": "Beta News", "sentence_id": s2.sentence_id,
         "similarity": 1.0, "paragraph": 1, "in_headline": False, "in_lede": False, "start": s2.start, "end": s2.end},
    ])
    page = render_aligned_view(articles, sentences, units, unit_sentences, None, title="<T>")
    tree = parse(page)  # well formed
    assert "<b>yes</b>" not in page and "&lt;b&gt;yes&lt;/b&gt; &amp; left." in page
    assert "Alpha &lt;i&gt;Wire&lt;/i&gt;" in page and "<script>" not in page
    rows = aligned_rows(page)
    assert rows["u1"]["1"].text() == "not reported" and rows["u2"]["0"].text() == "not reported"
    assert "The envoy said" in rows["u1"]["0"].text()
    (clause,) = [n for n in rows["u1"]["0"].iter() if n.tag == "b"]
    assert clause.text() == "The envoy said"  # the clause of the unit, shaded
    assert "lede" in rows["u1"]["0"].text() and "lede" not in rows["u2"]["1"].text()
    assert sum("none" in n.classes() for n in tree.root.iter() if n.tag == "div") == 2


def test_unit_order_follows_the_first_article_and_slots_the_others_in_hand_worked():
    from framing.present.reading_view import unit_order

    def rows(outlet, units):
        return [{"unit_id": u, "outlet": outlet, "article_id": outlet.lower(), "paragraph": i + 1, "start": 10 * i}
                for i, u in enumerate(units)]

    # A tells 1 2 3; B tells 2 9 3 (9 after 2); C tells 8 1 (8 just before 1); D shares nothing (last).
    frame = pd.DataFrame(rows("A", ["u1", "u2", "u3"]) + rows("B", ["u2", "u9", "u3"]) + rows("C", ["u8", "u1"])
                         + rows("D", ["u7"]))
    assert unit_order(frame, ["A", "B", "C", "D"]) == ["u8", "u1", "u2", "u9", "u3", "u7"]
    assert unit_order(frame, ["B", "A", "C", "D"]) == ["u8", "u1", "u2", "u9", "u3", "u7"]
    # Where the articles run in different orders, the first outlet's order wins and the rest follow it.
    frame = pd.DataFrame(rows("A", ["u1", "u2", "u3"]) + rows("B", ["u3", "u9", "u1"]))
    assert unit_order(frame, ["A", "B"]) == ["u1", "u2", "u3", "u9"]
    assert unit_order(frame, ["B", "A"]) == ["u3", "u9", "u1", "u2"]


def test_many_outlets_aligned_view_reuses_the_two_outlet_picker(many_analysis):
    from framing.present.reading_view import reading_view_pages

    page = reading_view_pages(many_analysis)["aligned.html"]
    tree = parse(page)
    groups = radio_groups(tree)
    assert list(groups) == ["left", "right"] and len(groups["left"]) == 14
    (show_all,) = [n for n in tree.root.iter() if n.tag == "input" and n.attrs.get("id") == "show-all"]
    assert "checked" not in show_all.attrs
    pair = "body:has(#show-all:not(:checked))"
    for i in (0, 13):
        assert f'{pair}:has(#left-{i}:checked) .unit-row > .cell[data-outlet="{i}"] {{ display: block; order: 1; }}' \
            in page
        assert f"{pair}:has(#right-{i}:checked) .unit-row.has-{i} {{ display: grid; }}" in page
    rows = aligned_rows(page)
    assert rows and all(len(cells) == 14 for cells in rows.values())
