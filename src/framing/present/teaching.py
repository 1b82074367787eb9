"""The teaching pack (``reports/teaching/``): a 45-minute media-literacy lesson built from the folder's own tables.

Five printable pages, each from this folder's articles and nothing else:

* ``lesson-plan.html``: learning goals, timings, steps, discussion questions and what to look for in answers;
* ``worksheet.html``: the headlines and ledes of two or three outlets side by side, and questions on the
  differences of ``differences.csv``, each with the sentences to read and room to answer;
* ``answer-key.html``: for each worksheet question the suite's statement, its evidence and what a good
  answer notices (a page of its own, so the worksheet can be handed out without it);
* ``glossary.html``: frame, salience, hedge, booster, attribution verb, scare quote, voice and omission in
  plain words, each with an example from these articles where one exists;
* ``coding-sheet.html``: the frame coding sheet on paper (the questions of :mod:`framing.present.coding`).

The pages print on A4 and Letter alike (``@page`` sets margins and leaves the paper size to the printer,
and nothing is wider than the narrower A4 column), never cut a paragraph, list item or table row across
pages, and carry no meaning by colour alone (marks are bold and underlined, labels are words).  They
make no request outside the reports folder; every piece of article text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from framing.core.vocabulary import ATTRIBUTION_GROUPS
from framing.present.coding import ENTMAN_FUNCTIONS, FRAME_NAMES, GENERIC_FRAMES

TEACHING_FOLDER = "teaching"
"""Subfolder of the reports holding the pack."""

LESSON_PLAN, WORKSHEET, ANSWER_KEY, GLOSSARY, CODING_SHEET = (
    "lesson-plan.html", "worksheet.html", "answer-key.html", "glossary.html", "coding-sheet.html")
PAGES: tuple[str, ...] = (LESSON_PLAN, WORKSHEET, GLOSSARY, ANSWER_KEY, CODING_SHEET)
"""The pack's pages, in the order the lesson plan lists them."""

MAX_OUTLETS = 3
"""Outlets on the worksheet."""
MAX_QUESTIONS = 5
"""Questions on the worksheet (it fits two A4 pages for a short event)."""
SENTENCE_CHARS = 240
"""Longest sentence printed on the worksheet before it is cut with an ellipsis."""

#: Order in which kinds of difference become worksheet questions: structure first (what is told, put
#: first, quoted, headlined, reworded), word counts last.
QUESTION_KINDS: tuple[str, ...] = ("headline", "omission", "lede", "voice", "rendering", "attribution", "hedging",
                                   "selection", "tone", "salience")

_PROMPTS = {
    "headline": "Read the headlines. In {outlet}'s headline, who or what is the one who acts? Which words judge "
                "rather than describe?",
    "omission": "These sentences are from another outlet. Does {outlet} report the same thing? If not, what would a "
                "reader of {outlet} not learn?",
    "lede": "{outlet} puts the sentence below at the top of its article. Do the other articles tell it? Where, and "
            "how prominently?",
    "voice": "Whom does {outlet} quote that the other articles do not? What do these speakers add?",
    "rendering": "The sentences below give the same remark in two outlets' words. Which words differ? Does the choice "
                 "change what the speaker seems to mean?",
    "attribution": "Look at the verbs {outlet} uses to introduce what people say (said, noted, claimed...). Which of "
                   "them carry a judgement?",
    "hedging": "Compare the two versions of the remark. Which one softens or hedges it, and with which word?",
    "selection": "{outlet} tells the sentences below further down; the others do not. What do they add to the story?",
    "tone": "The suite finds a difference in tone for {outlet}. Read the sentences: which words make them sound "
            "positive or negative?",
    "salience": "Which words does {outlet} use more than the others? Do they change what the story is about?",
}

_LOOK_FOR = {
    "headline": "Students name the grammatical subject of each headline and the evaluative words, and see that the "
                "same event can be headlined around different actors.",
    "omission": "Students find the fact in one article and its absence in the other, and say what a reader of only "
                "one article would miss; they do not guess at motives without evidence.",
    "lede": "Students notice that what comes first frames what follows (salience), and check where, if at all, the "
            "other articles tell it.",
    "voice": "Students list the quoted speakers and notice whose view reaches the reader directly and whose does "
             "not.",
    "rendering": "Students quote the differing words and explain how they shift the meaning (stronger, softer, "
                 "judging); they consider translation as one possible reason.",
    "attribution": "Students tell neutral verbs (said, told) from verbs that judge the claim or the speaker "
                   "(claimed, admitted, warned).",
    "hedging": "Students find the hedge word and say how it makes the claim less certain.",
    "selection": "Students say what the extra material adds and how it changes the reader's picture of the event.",
    "tone": "Students point to the words behind the score and ask whether a word list can read news tone.",
    "salience": "Students check whether frequent words are the outlet's own or its speakers', and whether they "
                "matter to the story.",
}

_CSS = """
@page { margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, "Times New Roman", "DejaVu Serif", serif; font-size: 11pt; line-height: 1.4;
  color: #000; background: #fff; max-width: 48rem; margin: 0 auto; padding: 1.2rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
h2 { font-size: 1.15rem; margin: 1.1rem 0 .4rem; border-bottom: 2px solid #000; padding-bottom: .1rem; }
h3 { font-size: 1rem; margin: .7rem 0 .2rem; }
h1, h2, h3 { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; break-after: avoid; page-break-after: avoid; }
p, li, tr, blockquote, .question, .pair, .term, .box { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; border: 1px solid #555; padding: .25rem .4rem; }
.meta, .nav { font-family: "DejaVu Sans", Arial, sans-serif; font-size: .85rem; color: #222; margin: 0 0 .6rem; }
.nav a { color: #000; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .6rem; }
.pair { border: 1px solid #000; padding: .35rem .5rem; }
.who { font-family: "DejaVu Sans", Arial, sans-serif; font-weight: bold; font-size: .85rem; }
.headline { font-weight: bold; margin: .15rem 0; }
.lede { margin: .15rem 0; }
.question { margin: .5rem 0 .7rem; }
.question .kind { font-family: "DejaVu Sans", Arial, sans-serif; font-size: .8rem; font-weight: bold;
  text-transform: uppercase; letter-spacing: .03em; }
blockquote { margin: .25rem 0 .25rem .2rem; padding-left: .5rem; border-left: 3px solid #000; }
blockquote .who { display: inline; margin-right: .3rem; }
.lines { height: 4.2rem; border-bottom: 1px solid #000;
  background: repeating-linear-gradient(#fff 0, #fff 1.35rem, #777 1.35rem, #777 1.4rem); }
.box { border: 2px solid #000; padding: .4rem .6rem; margin: .5rem 0; }
mark { background: none; color: inherit; font-weight: bold; text-decoration: underline; }
.check { font-family: "DejaVu Sans", Arial, sans-serif; white-space: nowrap; }
.small { font-size: .85rem; }
@media print { body { max-width: none; padding: 0; } .nav { display: none; } a { color: inherit; } }
"""


def _e(value: object) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value))


def _cut(text: str, limit: int = SENTENCE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _page(title: str, event: str, body: str, *, current: str) -> str:
    links = ['<a href="../index.html">Reports</a>']
    for name in PAGES:
        label = name.removesuffix(".html").replace("-", " ")
        links.append(f"<strong>{label}</strong>" if name == current else f'<a href="{name}">{label}</a>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{_e(title)}: {_e(event)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<p class="nav">{" · ".join(links)}</p>
<h1>{_e(title)}</h1>
<p class="meta">{_e(event)}</p>
{body}
</main>
</body>
</html>
"""


def event_name(analysis, articles_dir: str | Path | None = None) -> str:
    """The event: the first ``event`` of ``articles.csv``, else the articles folder's name."""
    articles = analysis.corpus.articles
    events = [str(x) for x in articles.get("event", pd.Series(dtype=str)).fillna("") if str(x).strip()]
    if events:
        return events[0]
    return Path(articles_dir).name if articles_dir is not None else "these articles"


def choose_outlets(analysis, differences: pd.DataFrame, *, limit: int = MAX_OUTLETS) -> list[str]:
    """The outlets of the worksheet: every outlet when there are at most ``limit``; otherwise the ``limit``
    outlets with the most statements of the structural kinds (omission, lede, voice, headline, rendering),
    ties in the folder's order."""
    outlets = [str(o) for o in analysis.corpus.outlets]
    if len(outlets) <= limit:
        return outlets
    structural = differences[differences["kind"].isin(("omission", "lede", "voice", "headline", "rendering"))]
    counts = structural.groupby("outlet").size()
    return sorted(outlets, key=lambda o: (-int(counts.get(o, 0)), outlets.index(o)))[:limit]


def ledes(analysis, outlets: Sequence[str], *, max_sentences: int = 2) -> dict[str, tuple[str, str]]:
    """``outlet -> (headline, lede)`` of each outlet's first article: the lede is the first body paragraph,
    at most ``max_sentences`` sentences."""
    sentences = analysis.corpus.sentences
    articles = analysis.corpus.articles
    out = {}
    for outlet in outlets:
        mine = articles[articles["outlet"].astype(str) == outlet]
        if mine.empty:
            continue
        article_id = str(mine.iloc[0]["article_id"])
        own = sentences[sentences["article_id"].astype(str) == article_id]
        heads = own[own["role"] == "headline"]
        headline = " ".join(heads["text"].astype(str)) if len(heads) else str(mine.iloc[0].get("headline", "") or "")
        body = own[own["role"] == "body"]
        lede = ""
        if len(body):
            first = body[body["paragraph"] == body["paragraph"].min()].head(max_sentences)
            lede = " ".join(first["text"].astype(str))
        out[outlet] = (" ".join(headline.split()), " ".join(lede.split()))
    return out


def worksheet_questions(differences: pd.DataFrame, outlets: Sequence[str], *,
                        limit: int = MAX_QUESTIONS) -> pd.DataFrame:
    """The statements of ``differences.csv`` the worksheet asks about: at most ``limit``.

    In the order of :data:`QUESTION_KINDS`, each kind gives one question (its best-ranked statement of the
    next outlet in turn), so the questions cover several kinds and every chosen outlet; a second round
    follows when there are fewer kinds than questions.  Statements without evidence are left out.
    """
    table = differences[differences["outlet"].astype(str).isin(list(outlets))]
    table = table[table["evidence"].fillna("").astype(str).str.strip() != ""].sort_values("rank", kind="stable")
    chosen: list[int] = []
    turn = 0
    for _round in range(3):
        for kind in QUESTION_KINDS:
            if len(chosen) >= limit:
                break
            of_kind = table[(table["kind"] == kind) & ~table.index.isin(chosen)]
            if of_kind.empty:
                continue
            order = [outlets[(turn + i) % len(outlets)] for i in range(len(outlets))]
            for outlet in order:
                mine = of_kind[of_kind["outlet"].astype(str) == outlet]
                if len(mine):
                    chosen.append(mine.index[0])
                    turn = (outlets.index(outlet) + 1) % len(outlets)
                    break
    return table.loc[chosen].reset_index(drop=True)


def _evidence(ids: str, text: dict[str, str], outlet_of: dict[str, str], *, limit: int = 2,
              cut: int = SENTENCE_CHARS) -> str:
    items = [s for s in str(ids).split(";") if s and s in text][:limit]
    return "".join(f'<blockquote><span class="who">{_e(outlet_of.get(s, ""))}:</span>{_e(_cut(text[s], cut))}'
                   "</blockquote>" for s in items)


def _lookups(analysis) -> tuple[dict[str, str], dict[str, str]]:
    sentences = analysis.corpus.sentences
    return (dict(zip(sentences["sentence_id"].astype(str), sentences["text"].astype(str))),
            dict(zip(sentences["sentence_id"].astype(str), sentences["outlet"].astype(str))))


def worksheet_html(analysis, differences: pd.DataFrame, *, event: str) -> str:
    """HTML of the worksheet: headlines and ledes side by side, then the questions with room to answer."""
    outlets = choose_outlets(analysis, differences)
    text, outlet_of = _lookups(analysis)
    cards = "".join(f'<div class="pair"><div class="who">{_e(o)}</div><p class="headline">{_e(h)}</p>'
                    f'<p class="lede">{_e(_cut(lede, 420))}</p></div>'
                    for o, (h, lede) in ledes(analysis, outlets).items())
    questions = []
    for i, r in enumerate(worksheet_questions(differences, outlets).itertuples(index=False), start=1):
        prompt = _PROMPTS.get(str(r.kind), "What does {outlet} do differently here?").format(outlet=r.outlet)
        shown = ("" if r.kind in ("headline", "voice", "attribution", "salience")
                 else _evidence(r.evidence, text, outlet_of))
        questions.append(f'<div class="question"><p><span class="kind">{i}. {_e(r.kind)}</span><br>{_e(prompt)}</p>'
                         f'{shown}<div class="lines" aria-label="space for your answer"></div></div>')
    if not questions:
        questions.append('<div class="question"><p>The suite found no difference between these articles to ask '
                         'about. Read the headlines and ledes: what does each put first?</p>'
                         '<div class="lines"></div></div>')
    others = len(analysis.corpus.outlets) - len(outlets)
    note = (f" The folder has {others} more outlet{'s' if others != 1 else ''}; the full articles are in the "
            "side-by-side view." if others > 0 else " The full articles are in the side-by-side view.")
    body = (f'<p class="small">Name: ______________________ Date: ____________</p>'
            f"<h2>The headlines and how each article opens</h2>"
            f'<p class="small">The headline, then the first paragraph (the lede).{_e(note)}</p>'
            f'<div class="cols">{cards}</div>'
            f"<h2>Questions</h2>{''.join(questions)}")
    return _page("Worksheet: one event, different outlets", event, body, current=WORKSHEET)


def answer_key_html(analysis, differences: pd.DataFrame, *, event: str) -> str:
    """HTML of the answer key: per worksheet question, the statement, all its evidence and what to look for."""
    outlets = choose_outlets(analysis, differences)
    text, outlet_of = _lookups(analysis)
    items = []
    for i, r in enumerate(worksheet_questions(differences, outlets).itertuples(index=False), start=1):
        items.append(f'<div class="question"><h3>{i}. {_e(r.kind)}: {_e(r.outlet)}</h3>'
                     f"<p><strong>What the suite finds:</strong> {_e(r.statement)}</p>"
                     f"{_evidence(r.evidence, text, outlet_of, limit=4, cut=600)}"
                     f"<p><strong>Look for:</strong> {_e(_LOOK_FOR.get(str(r.kind), ''))}</p></div>")
    if not items:
        items.append("<p>No difference was found to ask about.</p>")
    body = ('<div class="box"><p>For the teacher: keep this page apart from the worksheet. The statements describe '
            "what each text does, never why; accept any answer a student supports with a sentence of the "
            "articles.</p></div>" + "".join(items))
    return _page("Answer key", event, body, current=ANSWER_KEY)


def _mark(sentence: str, word: str) -> str:
    """The sentence, escaped, with the first occurrence of ``word`` marked (bold and underlined)."""
    at = sentence.lower().find(word.lower()) if word else -1
    if at < 0:
        return _e(sentence)
    return f"{_e(sentence[:at])}<mark>{_e(sentence[at:at + len(word)])}</mark>{_e(sentence[at + len(word):])}"


def _cue_example(analysis, category: str, *, prefer: Sequence[str] = ()) -> str:
    cues = analysis.tables.get("cues")
    if cues is None or cues.empty:
        return ""
    mine = cues[cues["category"] == category]
    if prefer:
        mine = pd.concat([mine[mine["subcategory"].isin(prefer)], mine[~mine["subcategory"].isin(prefer)]])
    text, _ = _lookups(analysis)
    for r in mine.itertuples(index=False):
        sentence = text.get(str(r.sentence_id))
        if sentence:
            what = {"attribution": "attribution verb", "scare_quote": "scare quote"}.get(category, category)
            return (f"{_e(r.outlet)} ({_e(r.voice)} voice): <em>{_mark(_cut(sentence, 300), str(r.cue))}</em> "
                    f"(the {what} is <mark>{_e(r.cue)}</mark>)")
    return ""


def glossary_examples(analysis, differences: pd.DataFrame) -> dict[str, str]:
    """HTML of an example from the folder for each glossary term (``""`` when the folder has none)."""
    text, outlet_of = _lookups(analysis)
    examples: dict[str, str] = {}
    heads = ledes(analysis, [str(o) for o in analysis.corpus.outlets][:2])
    if len(heads) >= 2:
        examples["frame"] = " ".join(f"{_e(o)}: <em>{_e(h)}</em>." for o, (h, _) in heads.items())
    for term, kind in (("salience", "lede"), ("omission", "omission")):
        rows = differences[differences["kind"] == kind].sort_values("rank", kind="stable")
        if len(rows):
            r = rows.iloc[0]
            examples[term] = f"{_e(r['outlet'])}: {_e(r['statement'])}"
    examples["hedge"] = _cue_example(analysis, "hedge")
    examples["booster"] = _cue_example(analysis, "booster")
    examples["attribution verb"] = _cue_example(analysis, "attribution",
                                                prefer=[g for g in ATTRIBUTION_GROUPS if g != "neutral"])
    examples["scare quote"] = _cue_example(analysis, "scare_quote")
    sentences = analysis.corpus.sentences
    body = sentences[sentences["role"] == "body"]
    quoted = body[body["voice"] == "quoted"].head(1)
    own = body[body["voice"] == "authorial"].head(1)
    if len(quoted) and len(own):
        q, a = quoted.iloc[0], own.iloc[0]
        examples["voice"] = (f"Quoted: {_e(q['outlet'])}, <em>{_e(_cut(q['text'], 200))}</em> Authorial (the "
                             f"outlet's own words): {_e(a['outlet'])}, <em>{_e(_cut(a['text'], 200))}</em>")
    return {k: v for k, v in examples.items() if v}


GLOSSARY_TERMS: tuple[tuple[str, str], ...] = (
    ("frame", "The angle a story takes: which parts of an event it picks and puts forward, so that the reader "
              "sees a certain problem, cause, judgement or remedy. Two reports of the same event can frame it "
              "differently without either one saying anything false."),
    ("salience", "How noticeable something is in a text: what comes in the headline or the first paragraph, "
                 "what is repeated, what gets the most space. Putting something first makes it salient."),
    ("hedge", "A word that makes a claim less certain or less direct: may, might, reportedly, about, appears, "
              "I assume. Hedges can be careful reporting or a way to keep a distance."),
    ("booster", "A word that makes a claim sound more certain or stronger: clearly, undoubtedly, in fact, "
                "definitely."),
    ("attribution verb", "The verb that introduces what someone says. “Said” and “told” are neutral; “claimed”, "
                         "“admitted”, “insisted”, “warned” or “noted” tell the reader how to take the words."),
    ("scare quote", "Quotation marks around a word that nobody in the story is said to speak, used to show "
                    "doubt or distance (a so-called “peace plan”). Different from quoting what a speaker said."),
    ("voice", "Whose words a sentence is: the outlet's own words (authorial), a speaker's words in quotation "
              "marks (quoted), or a speaker's words retold without quotation marks (reported: “he said that ...”)."),
    ("omission", "Something one report leaves out that another one tells. An omission is found only by "
                 "comparing reports; it can change the picture as much as what is written."),
)
"""Each glossary term in plain words."""


def glossary_html(analysis, differences: pd.DataFrame, *, event: str) -> str:
    """HTML of the glossary: each term of :data:`GLOSSARY_TERMS` with an example from the folder where one exists."""
    examples = glossary_examples(analysis, differences)
    items = []
    for term, meaning in GLOSSARY_TERMS:
        example = examples.get(term)
        shown = (f'<p class="small"><strong>In these articles:</strong> {example}</p>' if example else
                 '<p class="small"><strong>In these articles:</strong> no example found.</p>')
        items.append(f'<div class="term"><h3>{_e(term)}</h3><p>{_e(meaning)}</p>{shown}</div>')
    return _page("Glossary", event, "".join(items), current=GLOSSARY)


def lesson_plan_html(analysis, differences: pd.DataFrame, *, event: str) -> str:
    """HTML of the 45-minute lesson plan, with discussion questions drawn from the folder's differences."""
    outlets = choose_outlets(analysis, differences)
    n_outlets = len(analysis.corpus.outlets)
    names = outlets[0] if len(outlets) == 1 else f"{', '.join(outlets[:-1])} and {outlets[-1]}"
    questions = worksheet_questions(differences, outlets)
    kinds = list(dict.fromkeys(questions["kind"].astype(str)))
    discuss = [f"Which of the differences on the worksheet ({', '.join(kinds) or 'none found'}) would change a "
               "reader's picture of the event most? Why?",
               "Which choices could be the reporter's, the editor's or a translator's? What would you need to "
               "know to tell?",
               "Do the headlines agree on who acts? What does each headline want the reader to notice first?",
               "Is leaving something out the same as getting it wrong? When is it, and when is it not?",
               "The suite compares one article per outlet (or a few). What can you say about the outlets from that, "
               "and what can you not?"]
    steps = [
        ("0-5 min", "Warm-up", "Show the headlines only (worksheet, top). Ask: what happened? Who did it? Collect "
                               "two or three answers and note how they differ."),
        ("5-15 min", "Read", f"Students read the ledes of {names} on the worksheet and the full articles in the "
                             "side-by-side view (or printed). Introduce frame, salience and voice with the glossary."),
        ("15-30 min", "Pair work", "In pairs, students answer the worksheet questions, each answer backed by a "
                                   "sentence from the articles."),
        ("30-40 min", "Discussion", "Pairs report; use the discussion questions below. Check answers against the "
                                    "answer key: accept well-supported answers the key does not list."),
        ("40-45 min", "Wrap-up", "Each student writes one sentence: one way a report can frame an event without "
                                 "saying anything false."),
    ]
    rows = "".join(f"<tr><td>{_e(t)}</td><td><strong>{_e(w)}</strong></td><td>{_e(d)}</td></tr>" for t, w, d in steps)
    look = "".join(f"<li><strong>{_e(k)}:</strong> {_e(_LOOK_FOR[k])}</li>" for k in kinds if k in _LOOK_FOR)
    materials = "".join(f'<li><a href="{n}">{_e(n.removesuffix(".html").replace("-", " "))}</a>{d}</li>' for n, d in (
        (WORKSHEET, ": one per student"), (GLOSSARY, ": one per pair"), (ANSWER_KEY, ": for the teacher only"),
        (CODING_SHEET, ": for a follow-up lesson (coding frames by hand)")))
    plural = "s" if n_outlets != 1 else ""
    body = f"""<p>{_e(n_outlets)} outlet{plural} in the folder; the worksheet uses {_e(names)}.</p>
<h2>Learning goals</h2>
<ol>
<li>Describe how two reports of the same event differ in what they put first, leave out and whom they quote.</li>
<li>Tell an outlet's own words from the words it quotes or reports, and name the verb that introduces them.</li>
<li>Back every claim about a text with a sentence from it, and say what a comparison of a few articles cannot
show.</li>
</ol>
<h2>Materials</h2>
<ul>{materials}<li><a href="../side-by-side.html">the articles side by side</a>: on screen or printed</li></ul>
<h2>Timings and steps (45 minutes)</h2>
<table><thead><tr><th style="width:16%">Time</th><th style="width:18%">Step</th><th>What happens</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>Discussion questions</h2>
<ol>{"".join(f"<li>{_e(q)}</li>" for q in discuss)}</ol>
<h2>What to look for in answers</h2>
<ul>{look or "<li>Answers that quote a sentence of the articles.</li>"}
<li><strong>Any answer:</strong> it describes what the text does and points to a sentence; it does not guess at
motives the text does not show.</li></ul>
"""
    return _page("Lesson plan: one event, different outlets (45 minutes)", event, body, current=LESSON_PLAN)


def coding_sheet_html(analysis, *, event: str) -> str:
    """HTML of the printable frame coding sheet: the article list, Entman's four functions, the yes/no questions."""
    articles = analysis.corpus.articles
    listing = "".join(f'<li><span class="check">[&nbsp;&nbsp;]</span> {_e(r.outlet)} ({_e(r.article_id)})</li>'
                      for r in articles.itertuples(index=False))
    functions = "".join(f"<tr><td><strong>{_e(q.group)}</strong><br>{_e(q.text)}</td><td></td></tr>"
                        for q in ENTMAN_FUNCTIONS)
    frames = []
    for frame in FRAME_NAMES:
        box = '<td class="check">[&nbsp;&nbsp;] yes&nbsp; [&nbsp;&nbsp;] no</td>'
        rows = "".join(f"<tr><td>{_e(q.text)}</td>{box}</tr>" for q in GENERIC_FRAMES if q.group == frame)
        frames.append(f'<tr><th colspan="2">{_e(frame.capitalize())} frame</th></tr>{rows}')
    body = f"""<p class="small">Coder: ______________________ Date: ____________ Use one sheet per article.
The same questions are in notebook 08 (frame coding), which saves the answers for notebook 09 (agreement).</p>
<h2>Article (tick one)</h2>
<ul class="small">{listing}</ul>
<h2>1. Entman's four functions</h2>
<p class="small">For each function, write the paragraph number and the first words of the sentence that carries it,
or “none”.</p>
<table><thead><tr><th style="width:55%">Function</th><th>Sentence (paragraph, first words)</th></tr></thead>
<tbody>{functions}</tbody></table>
<h2>2. Generic frames: answer yes or no</h2>
<table><thead><tr><th>Question</th><th style="width:24%">Answer</th></tr></thead>
<tbody>{"".join(frames)}</tbody></table>
<p class="small">Sources: R. M. Entman (1993), Framing: toward clarification of a fractured paradigm, Journal of
Communication 43(4); H. A. Semetko and P. M. Valkenburg (2000), Framing European politics: a content analysis of
press and television news, Journal of Communication 50(2). The questions are worded for this suite.</p>
"""
    return _page("Frame coding sheet", event, body, current=CODING_SHEET)


def teaching_pages(analysis, differences: pd.DataFrame, *, articles_dir: str | Path | None = None) -> dict[str, str]:
    """Every page of the pack: ``file name -> HTML``, built from ``analysis`` and its ``differences`` table."""
    event = event_name(analysis, articles_dir)
    return {
        LESSON_PLAN: lesson_plan_html(analysis, differences, event=event),
        WORKSHEET: worksheet_html(analysis, differences, event=event),
        GLOSSARY: glossary_html(analysis, differences, event=event),
        ANSWER_KEY: answer_key_html(analysis, differences, event=event),
        CODING_SHEET: coding_sheet_html(analysis, event=event),
    }


def write_teaching_pack(analysis, differences: pd.DataFrame, folder: str | Path, *,
                        articles_dir: str | Path | None = None) -> list[Path]:
    """Write the pack into ``folder/teaching/`` (created) and return the paths written."""
    out = Path(folder) / TEACHING_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in teaching_pages(analysis, differences, articles_dir=articles_dir).items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written
