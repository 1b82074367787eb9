"""An articles folder's page_rules.csv: its patterns apply, and none can hang the run.

A folder's patterns run on the ``regex`` engine with a time limit per line.  Anything that could hang runs in a
subprocess with a timeout, so a regression fails the test instead of hanging the suite.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from framing.load.cleaning import RULE_TIME_LIMIT, classify_lines, default_rules, load_rules
from framing.load.corpus import load_corpus

# 42 words in one paragraph: enough for a backtracking engine to need hours on a pathological pattern.
LONG_PARAGRAPH = (
    "The storm closed the coastal road on Monday, officials said, and the mayor told reporters that crews would "
    "work through the night and the weekend to clear the fallen trees and the mud from every lane of the road "
    "before the schools open again on Wednesday morning."
)
STORM_A = (f"Storm Closes the Coastal Road for Two Days\n\n{LONG_PARAGRAPH}\n\n"
           "Editor's pick: how to prepare for a storm\n\nShare this article\n")
STORM_B = (
    "Road Shut as Storm Batters the Coast\n\n"
    "The road was shut after a storm battered the coast on Monday.\n\n"
    "Officials expect to reopen it on Wednesday, a spokesman said.\n"
)
SUBPROCESS_TIMEOUT = 120  # seconds; a hanging pattern would run far longer


def make_folder(root: Path, rules: str) -> Path:
    folder = root / "event"
    folder.mkdir()
    (folder / "a.txt").write_text(STORM_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORM_B, encoding="utf-8")
    (folder / "articles.csv").write_text(
        "article_id,outlet,file,published,headline,url,language\n"
        "a,Coastal Herald,a.txt,2023-11-06,,,en\nb,Valley Courier,b.txt,2023-11-06,,,en\n",
        encoding="utf-8",
    )
    (folder / "page_rules.csv").write_text("outlet,pattern,role,reason\n" + rules, encoding="utf-8")
    return folder


def run_python(code: str, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=SUBPROCESS_TIMEOUT)
    return done, time.monotonic() - start


ROLES_OF = """
import json, sys
from framing.load.corpus import load_corpus
corpus = load_corpus(sys.argv[1])
print(json.dumps([[r.article_id, r.text, r.role, r.reason] for r in corpus.lines.itertuples() if r.text]))
"""
ANALYZE = "import sys; from framing.cli import main; sys.exit(main(sys.argv[1:]))"


def test_pathological_pattern_is_refused_through_the_command_line(tmp_path):
    # "a line ending in a year", written with the (.|\s)* idiom: each space matches both branches, so a
    # backtracking engine tries 2^n ways on a line of n words that does not end in a year.
    folder = make_folder(tmp_path, r",^(.|\s)*\d{4}$,byline,line ending in a year" + "\n")
    out = tmp_path / "out"
    done, seconds = run_python(ANALYZE, "analyze", str(folder), "--out", str(out))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"framing: error: {folder / 'page_rules.csv'}: row 2: pattern ")
    assert "catastrophic backtracking" in lines[0]
    assert r"rewrite it so that no repeated group can match the same text in two ways (e.g. .* instead of (.|\s)*)" \
        in lines[0]
    assert not out.exists()
    assert seconds < 60


def test_pathological_pattern_is_refused_when_loading(tmp_path):
    folder = make_folder(tmp_path, r"Coastal Herald,^(\w|\s|.)*\d$,chrome,line ending in a counter" + "\n")
    code = ("import sys\nfrom framing.load.corpus import load_corpus\n"
            "from framing.core.errors import FramingInputError\n"
            "try:\n    load_corpus(sys.argv[1])\nexcept FramingInputError as exc:\n    print(exc)\n")
    done, seconds = run_python(code, str(folder))
    assert done.returncode == 0, done.stderr
    message = done.stdout.strip()
    assert "\n" not in message
    assert message.startswith(f"{folder / 'page_rules.csv'}: row 2: pattern '")
    assert f"ran for more than {RULE_TIME_LIMIT:g} s on one line" in message
    assert seconds < 60


def test_nested_repetition_that_the_regex_engine_resolves_just_works(tmp_path):
    # ^(\w+\s?)*$ takes Python's re engine hours on a long line that ends in a full stop; the regex engine
    # answers at once, so the rule simply applies.
    folder = make_folder(tmp_path, r"Coastal Herald,^(\w+\s?)*$,chrome,line of bare words" + "\n")
    done, seconds = run_python(ROLES_OF, str(folder))
    assert done.returncode == 0, done.stderr
    roles = {(a, text): (role, reason) for a, text, role, reason in json.loads(done.stdout)}
    assert roles[("a", LONG_PARAGRAPH)][0] == "body"
    assert roles[("a", "Share this article")] == ("chrome", "line of bare words")
    assert roles[("b", "Road Shut as Storm Batters the Coast")][0] == "headline"  # another outlet: rule not used
    assert seconds < 60


def test_ordinary_folder_rule_still_applies(tmp_path):
    folder = make_folder(tmp_path, "Coastal Herald,^Editor's pick:,teaser,outlet's related-story label\n")
    corpus = load_corpus(folder)
    lines = corpus.lines.set_index("text")
    assert lines.loc["Editor's pick: how to prepare for a storm", "role"] == "teaser"
    assert lines.loc["Editor's pick: how to prepare for a storm", "reason"] == "outlet's related-story label"
    assert lines.loc[LONG_PARAGRAPH, "role"] == "body"
    (rule,) = load_rules([folder / "page_rules.csv"])
    assert (rule.source, rule.row, rule.time_limit) == (str(folder / "page_rules.csv"), 2, RULE_TIME_LIMIT)
    assert rule.matches("Editor's pick: a storm guide") and not rule.matches("The editor's pick: a guide")


def test_packaged_rules_run_on_the_standard_engine_without_a_time_limit():
    rules = default_rules()
    assert rules and all(isinstance(r.pattern, re.Pattern) and r.time_limit is None for r in rules)
    assert all(r.guarded is None for r in rules)
    raw = f"Storm Closes the Coastal Road for Two Days\n\n{LONG_PARAGRAPH}\n\nShare this article\n\n\u00a9 Reuters\n"
    start = time.perf_counter()
    roles = [ln.role for ln in classify_lines(raw, outlet="Coastal Herald", rules=rules) if ln.text]
    assert time.perf_counter() - start < 1.0
    assert roles == ["headline", "body", "chrome", "chrome"]
