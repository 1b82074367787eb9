"""The package's layers: imports only go down, and the foundation imports nothing of the suite above it.

orchestration (cli, pipeline, notebooks) -> present -> compare -> measures -> load -> core.
Imports inside ``if TYPE_CHECKING:`` are for type hints only and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "framing"
LAYERS = ["core", "load", "measures", "compare", "present"]
TOP = len(LAYERS)


def layer_of(module: str) -> int:
    """Rank of a module name such as ``framing.measures.cues`` (top-level modules are orchestration)."""
    parts = module.split(".")
    if module == "framing":  # the package's face: its version, no imports of its own at import time
        return 0
    if len(parts) > 1 and parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    return TOP


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def suite_imports(path: Path) -> list[str]:
    """Modules of the suite that ``path`` imports at run time (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                found.extend(a.name for a in child.names if a.name.split(".")[0] == "framing")
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target.split(".")[0] != "framing":
                    continue
                for alias in child.names:  # `from framing import plots` names a module
                    sub = f"{target}.{alias.name}"
                    found.append(sub if (PACKAGE.parent / sub.replace(".", "/")).exists()
                                 or (PACKAGE.parent / (sub.replace(".", "/") + ".py")).exists() else target)
            visit(child)

    visit(tree)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_sits_in_a_layer_or_on_top():
    orchestration = ("framing", "framing.cli", "framing.pipeline", "framing.build", "framing.notebooks")
    loose = [module_name(p) for p in MODULES if layer_of(module_name(p)) == TOP and module_name(p) not in orchestration
             and not module_name(p).startswith("framing.scale")]  # corpus mode sits on top, beside pipeline
    assert loose == [], "modules outside the layer folders"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_only_go_down(path):
    here = TOP if module_name(path) == "framing" else layer_of(module_name(path))
    upward = [m for m in suite_imports(path) if layer_of(m) > here]
    assert upward == [], f"{module_name(path)} ({LAYERS[here] if here < TOP else 'top'}) imports from above"


def test_the_check_sees_upward_imports_relative_absolute_and_in_functions(tmp_path, monkeypatch):
    root = tmp_path / "framing"
    (root / "core").mkdir(parents=True)
    probe = root / "core" / "probe.py"
    probe.write_text("from typing import TYPE_CHECKING\n"
                     "from ..measures import cues\n"
                     "from framing import present\n"
                     "if TYPE_CHECKING:\n    from framing.pipeline import Analysis\n"
                     "def later():\n    import framing.load.corpus\n", encoding="utf-8")
    (root / "present").mkdir()
    (root / "measures").mkdir()
    (root / "measures" / "cues.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", root)
    found = suite_imports(probe)
    assert found == ["framing.measures.cues", "framing.present", "framing.load.corpus"]
    assert [layer_of(m) for m in found] == [2, 4, 1]
