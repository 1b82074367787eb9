"""One vocabulary: the names shared between modules are spelled once, in framing.core.vocabulary."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing.core import vocabulary

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "framing"
HOME = PACKAGE / "core" / "vocabulary.py"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p != HOME)
# Word sets that no module but the vocabulary may list: two or more of one set in one literal is a restated list.
WORD_SETS = {
    "categories": set(vocabulary.CATEGORIES),
    "attribution groups": set(vocabulary.ATTRIBUTION_GROUPS),
    "voices": set(vocabulary.VOICES),
    "measures": set(vocabulary.MEASURES),
}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _assigned(tree: ast.Module) -> set[str]:
    """Names bound at module level by an assignment (imports, even with ``as``, do not count)."""
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        for target in targets:
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def _literal_lists(tree: ast.Module):
    """Every tuple, list or set display and every ``Literal[...]`` subscript, as its string elements."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            elts = node.elts
        elif isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "Literal":
            elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        else:
            continue
        words = {e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
        if words:
            yield node.lineno, words


def _shared_names() -> list[str]:
    return sorted(n for n in _assigned(_tree(HOME)) if not n.startswith("_"))


def test_vocabulary_imports_nothing_heavy():
    code = "import sys, framing.core.vocabulary; print(sorted({'pandas', 'numpy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_vocabulary_holds_the_shared_names():
    names = set(_shared_names())
    expected = {
        "CATEGORIES", "ATTRIBUTION_GROUPS", "VOICES", "RATE_VOICES", "POSITIVE_THRESHOLD", "NEGATIVE_THRESHOLD",
        "ALPHA", "MEASURES", "CUE_RATE", "MEAN_COMPOUND", "SHARE_NEGATIVE", "CUE_COLUMNS", "SENTENCE_COLUMNS",
        "SENTIMENT_COLUMNS", "SUMMARY_COLUMNS", "UNIT_COLUMNS", "LINE_COLUMNS", "MEASURE_KEY",
    }
    assert expected <= names
    assert vocabulary.SUMMARY_COLUMNS[:4] == ["outlet", "measure", "category", "voice"]
    assert vocabulary.NEGATIVE_THRESHOLD == -vocabulary.POSITIVE_THRESHOLD


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_assigns_a_shared_name_again(path):
    again = sorted(_assigned(_tree(path)) & set(_shared_names()))
    assert not again, f"{path.name} assigns {again}; import them from framing.core.vocabulary"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_restates_a_list_of_shared_words(path):
    found = [
        (line, label, sorted(words & members))
        for line, words in _literal_lists(_tree(path))
        for label, members in WORD_SETS.items()
        if len(words & members) >= 2
    ]
    assert not found, f"{path.name} lists shared words itself: {found}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_restates_a_threshold_or_builds_measure_names(path):
    tree = _tree(path)
    numbers = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in (0.05, 1.96)]
    assert not numbers, f"{path.name} writes 0.05 or 1.96 at lines {numbers}; use the vocabulary's names"
    pieces = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
              and "_rate_" in n.value]
    assert not pieces, f"{path.name} builds or parses composite measure names at lines {pieces}"


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_filter_the_summary_by_its_columns(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = [line for c in cells if c["cell_type"] == "code" for line in "".join(c["source"]).splitlines()]
    assert not [line for line in lines if "_rate_" in line], f"{path.name} builds composite measure names"
    parsing = ("str.", ".split(", "startswith(", "endswith(")
    found = [line for line in lines if "measure" in line and any(piece in line for piece in parsing)]
    assert not found, f"{path.name} parses measure names: {found}"
