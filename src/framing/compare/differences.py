"""How the outlets frame the event, in plain sentences with the evidence: ``differences.csv``.

Every statement is descriptive ("leaves out", "puts first", "quotes"), never a claim about intent,
and names the sentences it rests on.  Structural differences (what is left out, what leads, who is
quoted, how the headline frames the event, how a remark is rendered) rank above word-level rates;
a rate or tone difference is stated only when its test says so, with its interval and what was
compared.  Everything is computed from the folder's own tables: nothing here knows any event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from framing.core.vocabulary import ALPHA, CATEGORIES, DIFFERENCE_COLUMNS, DIFFERENCE_KINDS
from framing.measures.speakers import speaker_key

#: Statements kept per outlet and kind, before the front page picks the strongest.
PER_KIND = 3
#: Characters of a sentence quoted in a statement.
QUOTE_CHARS = 140


def _excerpt(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(str(text).split()).strip(" ,;:")
    text = text[:1].upper() + text[1:] if text[:1] in "…" else text
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;:") + "\u2026"


def _names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _others(outlet: str, outlets: Sequence[str]) -> list[str]:
    return [o for o in outlets if o != outlet]


# --------------------------------------------------------------------------- selection and lede


def _told(unit_sentences: pd.DataFrame, texts: dict[str, str], unit: str, outlet: str) -> str:
    """What ``outlet`` tells of ``unit``: the first sentence part (clauses) that tells it, from the raw text."""
    rows = unit_sentences[(unit_sentences["unit_id"] == unit) & (unit_sentences["outlet"] == outlet)]
    if rows.empty:
        return ""
    r = rows.sort_values(["in_headline", "paragraph"], ascending=[True, True]).iloc[0]
    return texts[r["article_id"]][int(r["start"]) : int(r["end"])]


def omissions(coverage: pd.DataFrame, unit_sentences: pd.DataFrame, texts: dict[str, str],
              outlets: Sequence[str]) -> list[tuple]:
    """What each outlet leaves out that more than half of the others tell (with two outlets, the other).

    Ranked by whether the others tell it in their lede, then by how many of their sentences tell it
    (a remark told twice weighs more), then by how early.
    """
    rows = []
    us = unit_sentences
    for outlet in outlets:
        others = _others(outlet, outlets)
        if not others:
            continue
        table = coverage[(coverage["outlet"] == outlet) & ~coverage["present"].astype(bool)]
        table = table[table["carried_by_others"] * 2 > len(others)]
        for r in table.itertuples(index=False):
            told = us[(us["unit_id"] == r.unit_id) & (us["outlet"] != outlet)]
            in_lede = sorted(set(told.loc[told["in_lede"].astype(bool), "outlet"]), key=list(outlets).index)
            carriers = sorted(set(told["outlet"]), key=list(outlets).index)
            n_sentences = told["sentence_id"].nunique()
            who = carriers[0] if len(carriers) == 1 else f"{len(carriers)} of the {len(others)} other outlets"
            first = told.sort_values("paragraph").iloc[0]
            what = _excerpt(_told(us, texts, r.unit_id, first["outlet"]))
            where = ""
            if in_lede and len(carriers) == 1:
                where = ", in its lead" if n_sentences == 1 else f", in its lead and {n_sentences - 1} more time" + (
                    "s" if n_sentences > 2 else "")
            elif in_lede:
                where = f" ({len(in_lede)} of them in their lead)"
            statement = f"Leaves out \u201c{what}\u201d, which {who} reports{where}."
            if len(carriers) > 1:
                statement = f"Leaves out \u201c{what}\u201d, which {who} report{where}."
            strength = f"{len(carriers)} of {len(others)} other outlets; {n_sentences} sentences"
            score = (1 if in_lede else 0, len(carriers), n_sentences, -int(first["paragraph"]))
            rows.append((outlet, "omission", statement, ";".join(sorted(told["sentence_id"].unique())), strength,
                         score))
    return rows


def ledes(unit_sentences: pd.DataFrame, texts: dict[str, str], outlets: Sequence[str]) -> list[tuple]:
    """What each outlet puts in its lede (headline, standfirst, first paragraph) that the others tell
    further down or not at all."""
    rows = []
    us = unit_sentences
    for outlet in outlets:
        others = _others(outlet, outlets)
        if not others:
            continue
        mine = us[(us["outlet"] == outlet) & us["in_lede"].astype(bool) & ~us["in_headline"].astype(bool)]
        for unit, group in mine.groupby("unit_id", sort=True):
            told = us[(us["unit_id"] == unit) & (us["outlet"] != outlet)]
            if told["in_lede"].astype(bool).any():
                continue
            what = _excerpt(_told(us, texts, unit, outlet))
            if told.empty:
                tail = "no other outlet reports it" if len(others) > 1 else f"{others[0]} does not report it"
                score = (2, 0)
            else:
                later = told.groupby("outlet")["paragraph"].min()
                tail = "; ".join(f"{o} tells it in paragraph {int(p)}" for o, p in later.items())
                score = (1, len(later))
            statement = f"Puts first \u201c{what}\u201d: {tail}."
            evidence = ";".join(sorted(set(group["sentence_id"]) | set(told["sentence_id"])))
            rows.append((outlet, "lede", statement, evidence, f"{len(set(told['outlet']))} of {len(others)} other "
                         "outlets tell it", score))
    return rows


def exclusives(unit_sentences: pd.DataFrame, texts: dict[str, str], outlets: Sequence[str], *,
               limit: int = 3) -> list[tuple]:
    """What each outlet tells below its lede that no other outlet tells, in one statement per outlet."""
    rows = []
    us = unit_sentences
    carriers = us.groupby("unit_id")["outlet"].nunique()
    only = us[us["unit_id"].map(carriers) == 1]
    for outlet in outlets:
        others = _others(outlet, outlets)
        if not others:
            continue
        in_lede = set(us.loc[(us["outlet"] == outlet) & us["in_lede"].astype(bool), "unit_id"])
        mine = only[(only["outlet"] == outlet) & ~only["unit_id"].isin(in_lede)]
        # A fact, not a fragment: at least five content words.
        from framing.measures.alignment import content_words

        mine = mine[[len(content_words(_told(us, texts, u, outlet))) >= 5 for u in mine["unit_id"]]]
        if mine.empty:
            continue
        first = mine.sort_values("paragraph").drop_duplicates("unit_id")
        picked = first.head(limit)
        parts = "; ".join(f"\u201c{_excerpt(_told(us, texts, u, outlet), 90)}\u201d" for u in picked["unit_id"])
        none = "no other outlet reports" if len(others) > 1 else f"{others[0]} does not report"
        more = f" (and {len(first) - limit} more)" if len(first) > limit else ""
        rows.append((outlet, "selection", f"Tells further down what {none}: {parts}{more}.",
                     ";".join(sorted(picked["sentence_id"].unique())), f"{len(first)} units only it tells",
                     (len(first),)))
    return rows


# --------------------------------------------------------------------------- headlines


def headline_differences(headlines: pd.DataFrame, sentences: pd.DataFrame, outlets: Sequence[str]) -> list[tuple]:
    """How each headline frames the event against the others, in one statement per outlet: who it makes
    act (when the others make someone else act), the evaluative words no other headline uses, and the
    words it puts in quotation marks."""
    rows = []
    head_id = sentences[sentences["role"] == "headline"].drop_duplicates("article_id").set_index("article_id")[
        "sentence_id"]
    by_outlet = headlines.drop_duplicates("outlet").set_index("outlet")
    for outlet in outlets:
        if outlet not in by_outlet.index:
            continue
        h = by_outlet.loc[outlet]
        others = [o for o in _others(outlet, outlets) if o in by_outlet.index]
        if not others:
            continue
        parts, weight = [], 0
        other_subjects = {by_outlet.at[o, "subject_actors"] or by_outlet.at[o, "subject"] for o in others}
        mine = h["subject_actors"] or h["subject"]
        if h["subject"] and mine not in other_subjects:
            them = f" ({others[0]}'s makes it \u201c{by_outlet.at[others[0], 'subject']}\u201d)" if len(others) == 1 \
                else ""
            parts.append(f"makes \u201c{h['subject']}\u201d the one who acts{them}")
            weight += 2
        words = [w for w in str(h["evaluative_words"]).split("; ") if w]
        theirs = {w for o in others for w in str(by_outlet.at[o, "evaluative_words"]).split("; ") if w}
        own = [w for w in words if w not in theirs]
        if own:
            parts.append("uses evaluative words no other headline uses: " + ", ".join(f"\u201c{w}\u201d" for w in own))
            weight += len(own)
        for mark in [m for m in str(h["quote_marks"]).split("; ") if m]:
            word = mark.rsplit(" (", 1)[0]
            kind = "a word spoken in the article" if mark.endswith("(partial)") else "a word nobody is said to speak"
            parts.append(f"puts {word} in quotation marks, {kind}")
            weight += 1
        if not parts:
            continue
        joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        rows.append((outlet, "headline", f"Its headline {joined}: \u201c{h['headline']}\u201d.",
                     str(head_id.get(h["article_id"], "")), f"{len(parts)} choices of the headline", (weight,)))
    return rows


# --------------------------------------------------------------------------- renderings and hedges


def _word_choices(mine: str, theirs: str) -> list[tuple[str, str]]:
    """Pairs of words with the same meaning group and different wording (``mending`` / ``regularize``,
    ``lowest`` / ``low``): translation and paraphrase choices between two renderings of one remark.  Another
    form of the same word ("closure" / "close") is not a choice (:func:`framing.measures.alignment.same_root`)."""
    from framing.measures.alignment import content_words, normal_form, same_root, stem

    own = {}
    for w in content_words(mine):
        own.setdefault(normal_form(w), w)
    pairs: list[tuple[str, str]] = []
    for w in content_words(theirs):
        form = normal_form(w)
        if form not in own or stem(own[form]) == stem(w) or same_root(own[form], w):
            continue  # the same word, or another form of it ("find" / "finding", "closure" / "close")
        if all(form != normal_form(a) for a, _ in pairs):
            pairs.append((own[form], w))
    return pairs


def _is_quoted(text: str) -> bool:
    return any(mark in str(text) for mark in ('"', "\u201c", "\u201d"))


def _same_remark(a: str, b: str) -> bool:
    """Two renderings tell one remark when at least half the meaning groups of the shorter are shared."""
    from framing.measures.alignment import content_words, normal_form

    fa = {normal_form(w) for w in content_words(a)}
    fb = {normal_form(w) for w in content_words(b)}
    return bool(fa and fb) and len(fa & fb) * 2 >= min(len(fa), len(fb))


def rendering_differences(renderings: pd.DataFrame, cues: pd.DataFrame, outlets: Sequence[str],
                          voices: dict[str, str] | None = None) -> list[tuple]:
    """The same remark in different words (word choices with one meaning), and hedges or boosters one
    outlet's rendering has and the others' do not."""
    rows = []
    stance = cues[cues["category"].isin(CATEGORIES[:2])]  # hedges and boosters
    for _unit, group in renderings.groupby("unit_id", sort=True):
        per = group.set_index("outlet")
        for outlet in outlets:
            if outlet not in per.index:
                continue
            r = per.loc[outlet]
            others = [o for o in per.index if o != outlet and _same_remark(r["text"], per.at[o, "text"])]
            if not others:
                continue
            evidence = ";".join([r["sentence_id"], *(per.at[o, "sentence_id"] for o in others)])
            choices = []
            for o in others:
                for mine, theirs in _word_choices(r["text"], per.at[o, "text"]):
                    choices.append(f"\u201c{mine}\u201d where {o} has \u201c{theirs}\u201d")
            if choices:
                # Verbatim quotations of one remark first: there every differing word is a translator's or
                # an editor's choice.
                ids = [r["sentence_id"], *(per.at[o, "sentence_id"] for o in others)]
                texts = [r["text"], *(per.at[o, "text"] for o in others)]
                quoted = sum(_is_quoted(t) or (voices or {}).get(i, "authorial") != "authorial"
                             for i, t in zip(ids, texts))
                from framing.measures.alignment import content_words, normal_form

                shared = {normal_form(w) for w in content_words(r["text"])} & {
                    normal_form(w) for o in others for w in content_words(per.at[o, "text"])}
                rows.append((outlet, "rendering", f"Renders the same remark with {'; '.join(choices[:3])}: "
                             f"\u201c{_excerpt(r['text'])}\u201d.", evidence, f"{len(others) + 1} outlets tell it",
                             (quoted, len(shared), len(choices))))
            mine = stance[stance["sentence_id"] == r["sentence_id"]]
            in_clause = [c for c in mine["cue"] if c.lower() in str(r["text"]).lower()]
            theirs = {str(c).lower() for o in others
                      for c in stance.loc[stance["sentence_id"] == per.at[o, "sentence_id"], "cue"]
                      if str(c).lower() in str(per.at[o, "text"]).lower()}
            added = [c for c in in_clause if c.lower() not in theirs]
            if added:
                kinds = mine.set_index("cue")["category"].to_dict()
                what = ", ".join(f"the {kinds[c]} \u201c{c}\u201d" for c in added)
                rows.append((outlet, "hedging", f"Gives the remark with {what}, which "
                             f"{_names(others)}{chr(39)}s rendering{'s do' if len(others) > 1 else ' does'} not have: "
                             f"\u201c{_excerpt(r['text'])}\u201d.", evidence, f"{len(added)} cue", (2, len(added))))
    return rows


# --------------------------------------------------------------------------- attribution, voices, rates


def attribution_differences(cues: pd.DataFrame, outlets: Sequence[str]) -> list[tuple]:
    """Loaded reporting verbs (endorsing, doubting, charged, concession, denial) one outlet uses and the
    others do not, in its own words."""
    rows = []
    verbs = cues[(cues["category"] == "attribution") & (cues["voice"] == "authorial")]
    loaded = verbs[verbs["subcategory"] != "neutral"]
    for outlet in outlets:
        mine = loaded[loaded["outlet"] == outlet]
        if mine.empty:
            continue
        theirs = {c.lower() for c in loaded.loc[loaded["outlet"] != outlet, "cue"]}
        own = mine[~mine["cue"].str.lower().isin(theirs)]
        if own.empty:
            continue
        listed = ", ".join(f"\u201c{c}\u201d ({g})" for c, g in
                           own.drop_duplicates("cue")[["cue", "subcategory"]].itertuples(index=False))
        n_all = int((verbs["outlet"] == outlet).sum())
        rows.append((outlet, "attribution", f"Introduces what others say with verbs that carry a judgement: {listed}; "
                     f"{len(own)} of its {n_all} reporting verbs.", ";".join(sorted(own["sentence_id"].unique())),
                     f"{len(own)} of {n_all} reporting verbs", (1, len(own))))
    return rows


_DETERMINER = re.compile(r"(?:A|An|The|One|Some|Two|Three|Several|Many|Its|His|Her|Their)\s")


def _in_sentence(speaker: str) -> str:
    """A speaker as written inside a sentence: "A teacher from Kessler" -> "a teacher from Kessler".

    Names keep their capitals."""
    if _DETERMINER.match(speaker):
        return speaker[0].lower() + speaker[1:]
    return speaker


def voice_differences(sources: pd.DataFrame, quotes: pd.DataFrame, outlets: Sequence[str]) -> list[tuple]:
    """Speakers one outlet quotes and the others do not (``sources.csv`` and ``quotes.csv``).

    Speakers are the same as in :func:`framing.measures.speakers.source_table`: the same actor, else
    the same words without determiners and case (:func:`framing.measures.speakers.speaker_key`), so
    "The statement" of one outlet is "the statement" of another.
    """
    rows = []

    def keyed(frame: pd.DataFrame) -> pd.DataFrame:
        keys = [speaker_key(s, a) for s, a in zip(frame["speaker"].fillna("").astype(str),
                                                  frame["speaker_actor"].fillna("").astype(str))]
        return frame.assign(speaker_key=keys)

    table = keyed(sources)
    q = keyed(quotes)
    for outlet in outlets:
        if len(outlets) < 2:
            break
        mine = table[(table["outlet"] == outlet) & (table["speaker_key"].astype(str) != "")]
        theirs = set(table.loc[table["outlet"] != outlet, "speaker_key"])
        for r in mine.sort_values("n_quotes", ascending=False).itertuples(index=False):
            if r.speaker_key in theirs or str(r.speaker_type) == "unknown" or int(r.n_words) < 3:
                continue  # shared, unknown, or a word or two (a label, not a voice)
            n = int(r.n_quotes)
            spoken = q.loc[(q["outlet"] == outlet) & (q["speaker_key"] == r.speaker_key), "sentence_id"]
            evidence = ";".join(sorted(spoken.unique()))
            others = _others(outlet, outlets)
            none = "no other outlet quotes" if len(others) > 1 else f"{others[0]} does not quote"
            who = _in_sentence(str(r.speaker))
            rows.append((outlet, "voice", f"Quotes {who} ({n} {'quotation' if n == 1 else 'quotations'}); "
                         f"{none} {'them' if str(r.speaker_type) in ('document', 'anonymous') else 'this speaker'}.",
                         evidence, f"{n} quotations", (1, n)))
    return rows


_RATE_WORDS = {
    "hedge": "hedges", "booster": "boosters", "distancing": "distancing words", "attribution": "reporting verbs",
    "scare_quote": "scare quotes",
}
_VOICE_WORDS = {"authorial": "of its own words", "quoted": "of the words it quotes", "reported": "of reported speech"}


def rate_differences(summary: pd.DataFrame) -> list[tuple]:
    """Rates and tone whose test reaches p < alpha, with their interval and what was compared."""
    rows = []
    hits = summary[summary["p_value"] < ALPHA]
    for r in hits.itertuples(index=False):
        if r.measure == "cue_rate":  # the value and its interval in the same units and precision
            kind = "attribution" if r.category == "attribution" else "hedging"
            what = (f"It uses {r.value:.1f} {_RATE_WORDS.get(r.category, r.category)} per 1,000 "
                    f"{_VOICE_WORDS.get(r.voice, 'words')} (95% interval {r.ci_low:.1f} to {r.ci_high:.1f})")
        elif r.measure == "mean_compound":
            kind, what = "tone", (f"Its sentences' mean tone score is {r.value:.2f} on a scale of -1 to +1 "
                                  f"(95% interval {r.ci_low:.2f} to {r.ci_high:.2f})")
        else:
            kind, what = "tone", (f"{r.value:.0%} of its sentences have a negative tone "
                                  f"(95% interval {r.ci_low:.0%} to {r.ci_high:.0%})")
        rows.append((r.outlet, kind, f"{what}; {r.verdict}.", "", f"{r.n_units} {r.unit}", (0, 0)))
    return rows


def salience_line(terms: pd.DataFrame) -> str:
    """One line on salience for the front page: the words that stand out, or that none does."""
    from framing.measures.salience import stands_out

    words = terms[stands_out(terms)] if len(terms) else terms
    if words.empty:
        return "No single word stands out in any article: every difference in word use is within what chance gives."
    parts = [f"{o}: {', '.join(g.sort_values('fisher_p')['term'].head(5))}" for o, g in words.groupby("outlet")]
    return "Words that stand out (used at least twice, Fisher's exact p < .05, uncorrected): " + "; ".join(parts) + "."


# --------------------------------------------------------------------------- all together


def differences(analysis, *, per_kind: int = PER_KIND) -> pd.DataFrame:
    """Every difference stated for the folder of ``analysis`` (a :class:`framing.pipeline.Analysis`).

    Returns
    -------
    DataFrame
        ``differences.csv``: ``outlet, kind, statement, evidence, strength, rank``; ``kind`` is one of
        :data:`framing.core.vocabulary.DIFFERENCE_KINDS`; ``evidence`` the sentence ids (joined by
        ";"); ``strength`` what the statement rests on; ``rank`` orders an outlet's statements,
        structural kinds first (the order of ``DIFFERENCE_KINDS``), then by how much each rests on.
        At most ``per_kind`` statements per outlet and kind.
    """
    t = analysis.tables
    outlets = list(analysis.corpus.outlets)
    rows: list[tuple] = []
    texts = analysis.corpus.texts
    if "coverage" in t and len(t["coverage"]):
        rows += omissions(t["coverage"], t["unit_sentences"], texts, outlets)
        rows += ledes(t["unit_sentences"], texts, outlets)
        rows += exclusives(t["unit_sentences"], texts, outlets)
    if "sources" in t and "quotes" in t:
        rows += voice_differences(t["sources"], t["quotes"], outlets)
    if "headlines" in t:
        rows += headline_differences(t["headlines"], analysis.corpus.sentences, outlets)
    if "renderings" in t:
        voices = dict(zip(analysis.corpus.sentences["sentence_id"], analysis.corpus.sentences["voice"]))
        rows += rendering_differences(t["renderings"], t["cues"], outlets, voices)
    rows += attribution_differences(t["cues"], outlets)
    rows += rate_differences(t["summary"])
    table = pd.DataFrame(rows, columns=[*DIFFERENCE_COLUMNS[:-1], "_score"])
    if table.empty:
        return pd.DataFrame(columns=list(DIFFERENCE_COLUMNS))
    order = {k: i for i, k in enumerate(DIFFERENCE_KINDS)}
    table["_kind"] = table["kind"].map(order)
    table["_neg"] = [tuple(-x for x in s) for s in table["_score"]]
    table = table.sort_values(["outlet", "_kind", "_neg", "statement"], kind="stable")
    table = table.groupby(["outlet", "kind"], sort=False).head(per_kind)
    table["_outlet"] = table["outlet"].map({o: i for i, o in enumerate(outlets)})
    table = table.sort_values(["_outlet", "_kind", "_neg", "statement"], kind="stable")
    table["rank"] = table.groupby("outlet").cumcount() + 1
    return table[list(DIFFERENCE_COLUMNS)].reset_index(drop=True)
