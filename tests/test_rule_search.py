"""How a page rule searches a line (:func:`framing.load.cleaning.search_parts`): the answer of ``pattern.search``.

A rule's pattern is cut into its top-level alternatives: those that begin with ``^`` are tried at the start of
the line, the others searched, each only when the line holds strings that every match of it holds.  These tests
check the cut on patterns that must be cut, patterns that must stay whole, and, on many lines, that the rules
(shipped and made up) answer exactly as ``pattern.search``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.load.cleaning import Rule, default_rules, fold, search_parts

FAST = settings(deadline=None, derandomize=True, max_examples=300,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SHIPPED = default_rules()


def parts_of(pattern: str) -> list[tuple[str, bool, tuple[tuple[str, ...], ...]]]:
    return [(p.pattern.pattern, p.at_start, p.needles) for p in search_parts(re.compile(pattern))]


def test_alternatives_that_all_begin_with_a_caret_stay_one_part_tried_at_the_start():
    assert parts_of(r"(?i)^(?:skip to|jump to)\b") == [(r"(?i)^(?:skip to|jump to)\b", True, ())]
    assert parts_of(r"^a\d|\Ab\d") == [(r"^a\d|\Ab\d", True, ())]


def test_a_mixed_pattern_is_cut_and_keeps_its_global_flags():
    parts = search_parts(re.compile(r"(?i)^copyright\b|all rights reserved|^disclaimer|\bwe use (?:cookies|data)"))
    assert [(p.pattern.pattern, p.at_start) for p in parts] == [
        (r"^copyright\b|^disclaimer", True),
        ("all rights reserved", False),
        (r"\bwe use (?:cookies|data)", False),
    ]
    assert all(p.pattern.flags & re.IGNORECASE for p in parts)
    assert parts[1].needles == (("all rights reserved",),)
    assert parts[2].needles[0] == ("we use ",)
    assert ("cookies", "data") in parts[2].needles


def test_bars_inside_groups_sets_and_escapes_do_not_cut():
    parts = search_parts(re.compile(r"^(?:a|b)x|[|]y\||(?:c|d)\)z"))
    assert [p.pattern.pattern for p in parts] == [r"^(?:a|b)x", r"[|]y\|", r"(?:c|d)\)z"]


@pytest.mark.parametrize("pattern", [
    r"(a)x|^\1y",  # a backreference could name a group of another alternative
    r"(?P<q>a)x|^(?P=q)y",
    "(?x) ^a  # a comment with a | bar\n | b",  # VERBOSE text: the cut must parse back, or the pattern stays whole
    "(?x)a#(\n|b#)\n|^c#|\n",  # as many pieces as alternatives, but the pieces are not the alternatives
])
def test_patterns_that_cannot_be_cut_with_certainty_stay_whole(pattern):
    (part,) = search_parts(re.compile(pattern))
    assert part.pattern.pattern == pattern and part.at_start is False


def test_under_multiline_a_caret_does_not_hold_an_alternative_to_the_start():
    parts = search_parts(re.compile(r"(?m)^a|b|\Ac"))
    assert [(p.pattern.pattern, p.at_start) for p in parts] == [(r"\Ac", True), ("^a", False), ("b", False)]
    assert all(p.pattern.flags & re.MULTILINE for p in parts)


def test_needles_are_folded_runs_of_literal_characters():
    (part,) = search_parts(re.compile(r"(?i)Photo(?:graph)?s?\s*:\s*\w+"))
    assert part.needles[0] == ("photo",)
    (part,) = search_parts(re.compile(r"\u00a9\s*\w"))  # a character without case is a needle as it is
    assert part.needles == (("\u00a9",),)
    (part,) = search_parts(re.compile(r"(?i)caf\u00e9\b"))  # a cased letter beyond ASCII ends a run
    assert part.needles == (("caf",),)
    (part,) = search_parts(re.compile(r"\w+ ?\d"))  # nothing literal: the line is always searched
    assert part.needles == ()


def test_fold_writes_what_re_takes_for_an_ascii_letter_as_that_letter():
    assert fold("\u0130STANBUL \u017fays \u212aELVIN \u0131n") == "istanbul says kelvin in"
    # every character that a case-insensitive pattern takes for an ASCII letter folds to that letter
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    lookalikes = re.findall("(?i)[a-z]", everything)
    assert len(lookalikes) == 52 + 4
    for char in lookalikes:
        (letter,) = [x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(f"(?i){x}", char)]
        assert fold(char) == letter, hex(ord(char))


def test_a_rule_answers_as_its_pattern_on_the_examples():
    rule = Rule("", re.compile(r"(?i)^by\s+\w+|photo:\s*\w+|\((?:AP|AFP)\)\s*$"), "caption", "test")
    for line, expected in [
        ("By Jane Doe", True), ("Written by Jane", False), ("A boat. Photo: Reuters", True),
        ("A boat. PHOTO: Reuters", True), ("Pho\u200bto: x", False), ("Rescuers at work (AFP)", True),
        ("Rescuers at work (afp)", True), ("Rescuers at work (AFP) today", False), ("", False),
    ]:
        assert rule.matches(line) is expected is (rule.pattern.search(line) is not None), line


def test_parts_in_leaves_out_the_parts_whose_needles_a_page_lacks():
    rule = Rule("", re.compile(r"(?i)^share\b|all rights reserved|\bphoto(?:s|graph)?:\s*\w"), "chrome", "test")
    page = fold("Storm Hits Coast\nThe storm hit the coast.\nShare this\nPhotograph: Agency")
    parts = rule.parts_in(page)
    assert [p.pattern.pattern for p in parts] == [r"^share\b", r"\bphoto(?:s|graph)?:\s*\w"]
    assert rule.matches("Photograph: Agency", parts=parts) and not rule.matches("The storm hit", parts=parts)


# --- the parts find exactly what pattern.search finds ------------------------------------------------------

PIECES = [
    "Photo", "photo", "PHOTO", "graph", "s", ":", " ", "  ", "by", "By", "\u00a9", "2023", "(", ")", "[", "]",
    "/", "|", "-", "\u2014", ".", "!", "?", "'", '"', "Reuters", "AFP", "AP", "Getty Images", "all rights",
    "reserved", "newsletter", "our", "sign up", "subscribe", "comment", "Comments", "\u0130", "\u0131", "\u017f",
    "\u212a", "k", "i", "\u00e9", "\u00c9", "caf", "caf\u00e9", "x", "The", "the", "said", "\n", "\t", "\u200b", "1",
    "www.", "https://", "@", "follow", "us", "on", "Facebook", "app", "download", "Editor", "credit", "file",
]
LINES = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)

MADE_UP = [
    r"(?i)^by\s+\w+|photo:\s*\w+|\((?:AP|AFP)\)\s*$",
    r"(?i)(?:photo(?:graph)?|image|credit)s?\s*(?::|by\b)\s*[^.!?:]{1,80}$",
    r"^(?!.*\d)[^/.!?\s]+(?:\s+/\s+[^/.!?\s]+)+\s*$|\bk\w+",
    r"(?i)caf\u00e9|\u00a9\s*\d{4}|^\s*\u00a9",
    r"(?i)^(?=.*\bnewsletter\b)(?=.*\b(?:our|your)\b).*\bsign up\b|\bsubscribe\b",
    r"(?:^|[.:|!]\s*)(?i:follow|like)\s+(?i:us)\b[^.!?]{0,60}(?i:facebook|x)\b",
    r"(a|b)\1|^x",
    r"(?s)^.*\n.*reserved|(?i:ALL) rights",
    r"(?m)^the|said$",
]


@FAST
@given(line=LINES)
def test_shipped_rules_answer_as_their_patterns(line):
    folded = fold(line)
    for rule in SHIPPED:
        assert rule.matches(line, folded) is (rule.pattern.search(line) is not None), rule.reason


@FAST
@given(line=LINES, k=st.integers(0, len(MADE_UP) - 1))
def test_made_up_rules_answer_as_their_patterns(line, k):
    rule = Rule("", re.compile(MADE_UP[k]), "chrome", "test")
    assert rule.matches(line) is (rule.pattern.search(line) is not None)
    assert rule.matches(line, parts=rule.parts_in(fold(line))) is (rule.pattern.search(line) is not None)


@FAST
@given(lines=st.lists(LINES, min_size=1, max_size=5))
def test_parts_in_a_page_find_what_the_pattern_finds_on_each_line(lines):
    page = fold("\n".join(lines))
    for rule in SHIPPED:
        parts = rule.parts_in(page)
        for line in lines:
            assert rule.matches(line, parts=parts) is (rule.pattern.search(line) is not None), rule.reason
