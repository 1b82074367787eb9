"""Properties of page cleaning, sentence splitting, tokens and quotations on generated pages.

Pages are generated from news-like sentences, menu lines, titles, blank lines, quotation marks of every
style, no-break spaces and both line endings, plus free-form character soup.  Every run draws the same
examples (``derandomize=True``), so the suite is deterministic.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.load.cleaning import BODY_ROLES, classify_lines, split_lines
from framing.load.corpus import load_corpus, parse_page
from framing.load.sentences import split_sentences
from framing.load.text import QUOTE_CHARS, normalise, quote_spans, tokenize

FAST = settings(deadline=None, derandomize=True, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(deadline=None, derandomize=True, max_examples=25,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = [
    "the", "minister", "said", "talks", "Putin", "Biden", "Biden's", "Biden\u2019s", "U.S.", "Mr.", "St.",
    "Petersburg", "on", "Friday", "2,000", "15-page", "pro-Russian", "sanctions", "Jan.", "26", "e.g.",
    "relations", "are", "at", "a", "low", "level", "it", "was", "indeed", "very", "important", "summit",
    "Geneva", "don't", "Dr.", "J.", "R.", "(AFP)", "\u2014", "-", "&amp;", "<b>", "caf\u00e9",
    "\u041c\u043e\u0441\u043a\u0432\u0430",
]
QUOTE_PAIRS = [
    ("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("'", "'"), ("\u00ab", "\u00bb"),
    ("\u201e", "\u201c"), ('"', "\u201d"), ("\u201c", ""), ("", "\u201d"),
]
SPACES = st.sampled_from([" ", " ", " ", "\u00a0", "  ", "\u202f"])


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    parts = [words[0].capitalize()]
    for w in words[1:]:
        parts.append(draw(SPACES) + w)
    text = "".join(parts)
    if draw(st.booleans()):
        text += draw(st.sampled_from([",", ";", ":", ""]))
    text += draw(st.sampled_from([".", ".", ".", "!", "?", "\u2026", "", "...", ".)"]))
    if draw(st.integers(0, 3)) == 0:
        opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
        text = opening + text + closing
    elif draw(st.integers(0, 3)) == 0:
        opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + " " + opening + text[cut:] + closing
    return text


@st.composite
def paragraph(draw) -> str:
    sents = draw(st.lists(sentence(), min_size=1, max_size=4))
    joined = draw(SPACES).join(sents)
    return draw(st.sampled_from(["", "", " ", "\t"])) + joined + draw(st.sampled_from(["", "", " ", "\u00a0"]))


MENU = st.sampled_from(["Home", "World | Sport", "Share this article", "Subscribe", "12:45", "\u00a9 Reuters",
                        "News / Politics", "Log in or register", "Read more", "www.example.com",
                        "\u041f\u043e\u0434\u043f\u0438\u0441\u0430\u0442\u044c\u0441\u044f"])
TITLE = st.lists(st.sampled_from(WORDS[:30]), min_size=4, max_size=9).map(lambda w: " ".join(x.title() for x in w))
LINE = st.one_of(paragraph(), paragraph(), paragraph(), MENU, TITLE, st.just(""), st.just("   "))


@st.composite
def page(draw) -> str:
    lines = draw(st.lists(LINE, min_size=1, max_size=14))
    out = []
    for ln in lines:
        out.append(ln + draw(st.sampled_from(["\n", "\n", "\r\n", "\n\n", "\r\n\r\n"])))
    text = "".join(out)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return text


SOUP = st.text(
    alphabet=st.sampled_from(list("ab Z.,!?;:-()\n\r\t'\"") + list(QUOTE_CHARS) + ["\u00a0", "\u2026", "1", "\u0416"]),
    max_size=200,
)
PAGES = st.one_of(page(), page(), SOUP)


# --- lines --------------------------------------------------------------------------------------------------


def check_lines_partition(raw: str, lines) -> None:
    """Line offsets map back; lines plus their line breaks cover the raw text once, in order, nothing lost."""
    pos = 0
    for i, ln in enumerate(lines):
        assert ln.line_no == i + 1
        assert ln.start == pos, (i, ln)
        assert raw[ln.start:ln.end] == ln.text
        assert "\n" not in ln.text
        nxt = lines[i + 1].start if i + 1 < len(lines) else len(raw)
        gap = raw[ln.end:nxt]
        if i + 1 < len(lines):
            assert gap in ("\n", "\r\n"), (i, gap)
        else:
            assert gap in ("", "\n", "\r\n", "\r"), (i, gap)
        pos = nxt
    assert pos == len(raw)


@FAST
@given(PAGES)
def test_lines_partition_the_raw_text(raw):
    lines = classify_lines(raw, outlet="Daily Planet", headline="", published="2021-06-04")
    check_lines_partition(raw, lines)
    assert len(lines) == len(split_lines(raw))
    for ln in lines:
        assert ln.is_body == (ln.role in BODY_ROLES)
        assert ln.reason
        if not ln.text.strip():
            assert ln.role == "blank"
    assert sum(ln.role == "headline" for ln in lines) <= 1


# --- sentences, tokens, quotations ----------------------------------------------------------------------


def check_page(raw: str, tables) -> None:
    lines = tables.lines
    check_lines_partition(raw, lines)
    units = [ln for ln in lines if ln.role == "headline" or ln.is_body]
    assert [ln for ln in lines if ln.role == "headline"][:1] == [ln for ln in units if ln.role == "headline"]

    sents = tables.sentences
    ids = [s[2] for s in sents]
    assert len(set(ids)) == len(ids)
    prev_end = 0
    for s in sents:
        start, end, text = s[6], s[7], s[8]
        assert raw[start:end] == text
        assert text and text == text.strip() and not normalise(text).isspace()
        assert start >= prev_end  # in order, never overlapping
        prev_end = end
        owners = [ln for ln in units if ln.start <= start and end <= ln.end]
        assert len(owners) == 1, s  # within one headline or body line
        assert s[4] == owners[0].role

    # every non-white-space character of a headline or body line is in exactly one sentence
    for ln in units:
        covered = [0] * (ln.end - ln.start)
        for s in sents:
            for k in range(max(s[6], ln.start), min(s[7], ln.end)):
                covered[k - ln.start] += 1
        for k, ch in enumerate(ln.text):
            assert covered[k] == (0 if ch.isspace() else 1) or (ch.isspace() and covered[k] == 1), (ln, k, ch)

    by_id = {s[2]: s for s in sents}
    prev = None
    for t in tables.tokens:
        sid, k, start, end, token, lower = t[2], t[3], t[4], t[5], t[6], t[7]
        s = by_id[sid]
        assert s[6] <= start < end <= s[7]
        assert normalise(raw[start:end]) == token and lower == token.lower()
        if prev is not None and prev[2] == sid:
            assert k == prev[3] + 1 and start >= prev[5]
        else:
            assert k == 0
        prev = t

    quotes = tables.quotes
    for q_prev, q in zip(quotes, quotes[1:]):
        assert q_prev[2] <= q[1]  # quotations never overlap
    for q in quotes:
        assert raw[q[1]:q[2]] == q[3] and q[3][0] in QUOTE_CHARS
        assert any(ln.start <= q[1] and q[2] <= ln.end for ln in units)


@FAST
@given(PAGES)
def test_sentences_tokens_and_quotes_map_back(raw):
    tables = parse_page(raw, article_id="x", outlet="Daily Planet", published="2021-06-04")
    check_page(raw, tables)


@FAST
@given(st.lists(sentence(), min_size=1, max_size=6).flatmap(
    lambda s: st.sampled_from([" ", "\u00a0", "  ", " \u00a0"]).map(lambda sp: sp.join(s))))
def test_split_sentences_covers_every_character(text):
    spans = split_sentences(text)
    covered = [0] * len(text)
    prev_end = 0
    for s, e in spans:
        assert 0 <= prev_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        prev_end = e
        for k in range(s, e):
            covered[k] += 1
    for k, ch in enumerate(text):
        assert covered[k] == (0 if ch.isspace() else 1) or (ch.isspace() and covered[k] == 1)


@FAST
@given(st.one_of(paragraph(), SOUP))
def test_quote_spans_are_sorted_disjoint_and_start_at_a_mark(text):
    spans = quote_spans(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start] in QUOTE_CHARS


@FAST
@given(st.one_of(paragraph(), SOUP), st.integers(0, 50))
def test_tokens_are_ordered_disjoint_and_skip_only_space(text, offset):
    toks = tokenize(normalise(text), offset=offset)
    pos = offset
    for t in toks:
        assert t.start >= pos and t.end > t.start
        assert text[pos - offset:t.start - offset].strip() == ""  # only white space between tokens
        assert normalise(text)[t.start - offset:t.end - offset] == t.text
        pos = t.end
    assert text[pos - offset:].strip() == ""


# --- the loader, end to end ----------------------------------------------------------------------------------


@SLOW
@given(page(), page())
def test_loader_offsets_survive_files_on_disk(raw_a, raw_b):
    from framing.core.errors import FramingInputError

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_bytes(raw_a.encode("utf-8"))
        (folder / "b.txt").write_bytes(raw_b.encode("utf-8"))
        (folder / "articles.csv").write_text(
            "article_id,outlet,file,published\na,Outlet A,a.txt,2021-06-04\nb,Outlet B,b.txt,2021-06-04\n",
            encoding="utf-8")
        try:
            c = load_corpus(folder, strict=True)
        except FramingInputError as exc:
            assert "is empty" in str(exc) or "has no article paragraphs" in str(exc)
            return
    assert c.texts == {"a": raw_a, "b": raw_b}
    for row in c.lines.itertuples():
        assert c.texts[row.article_id][row.start:row.end] == row.text
    for row in c.sentences.itertuples():
        assert c.texts[row.article_id][row.start:row.end] == row.text
    for row in c.tokens.itertuples():
        assert normalise(c.texts[row.article_id][row.start:row.end]) == row.token
    for row in c.quotes.itertuples():
        assert c.texts[row.article_id][row.start:row.end] == row.text
    assert c.sentences.sentence_id.is_unique
    n = c.sentences.groupby("article_id").size()
    assert list(c.articles.n_sentences) == [int(n.get("a", 0)), int(n.get("b", 0))]




@given(st.text(alphabet=st.sampled_from(list("ab \"'.\u00a0\u2007\u202f\u2009\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
                                             "\u201a\u201b\u2032\u2033\u00b4\u0060")), max_size=30))
def test_normalise_is_the_one_for_one_character_map(text):
    # the shortcut for text with nothing to change gives what the character map gives
    from framing.load.text import _NORMALISE, normalise

    assert normalise(text) == text.translate(_NORMALISE)
    assert len(normalise(text)) == len(text)


@given(st.text(max_size=40))
def test_non_latin_share_counts_letters_beyond_latin_extended_b(text):
    from framing.load.corpus import non_latin_share

    letters = [c for c in text if c.isalpha()]
    want = sum(1 for c in letters if ord(c) > 0x24F) / len(letters) if letters else 0.0
    assert non_latin_share(text) == want
