"""The code base is ruff clean and readable: the engine knows nothing of Qt, modules stay
small, imports have no cycles, and nothing points at documents a reader cannot open."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_ENGINE_IMPORTS = {"numpy", "__future__"} | set(sys.stdlib_module_names)


def test_ruff_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    proc = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_engine_imports_only_numpy_and_the_standard_library():
    files = sorted((ROOT / "initviz" / "engine").rglob("*.py"))
    assert files, "no engine modules found"
    for path in files:
        foreign = _top_level_imports(path) - ALLOWED_ENGINE_IMPORTS
        assert not foreign, f"{path.name} imports {sorted(foreign)}"


def test_simulate_command_does_not_import_qt():
    code = (
        "import sys, io, contextlib\n"
        "from initviz.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['simulate', '--depth', '2', '--json'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_the_engine_does_not_even_mention_qt():
    qt = re.compile(r"\bQt\b|PySide|pyqtgraph|shiboken", re.IGNORECASE)
    for path in sorted((ROOT / "initviz" / "engine").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not qt.search(line), f"{path.relative_to(ROOT)}:{number} mentions Qt: {line.strip()}"


def test_no_module_exceeds_500_lines():
    for path in sorted((ROOT / "initviz").rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 500, f"{path.relative_to(ROOT)} has {lines} lines"


def _import_graph(top: Path) -> dict[str, set[str]]:
    """Module name -> the modules of the package at ``top`` it imports, anywhere in the
    file (a late import inside a function is still an edge: it only hides a cycle). A
    package's ``__init__`` importing its own submodules is how packages work: no edge."""

    def name_of(path: Path) -> str:
        parts = list(path.relative_to(top.parent).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    paths = {name_of(p): p for p in top.rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                root = f"{base}.{node.module or ''}".strip(".") if node.level else node.module
                # ``from pkg import mod`` imports the module; ``from mod import name`` the module.
                targets = [f"{root}.{a.name}" if f"{root}.{a.name}" in paths else root for a in node.names]
            else:
                continue
            edges |= {t for t in targets if t in paths and t != name and not t.startswith(name + ".")
                      and not name.startswith(t + ".")}
        graph[name] = edges
    return graph


def _a_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a list of modules, or None (depth-first search)."""
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return trail[trail.index(target):] + [target]
            if target not in state and (cycle := visit(target, trail + [target])):
                return cycle
        state[node] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name, [name])):
            return cycle
    return None


def test_initviz_has_no_import_cycles():
    graph = _import_graph(ROOT / "initviz")
    assert "initviz.engine.backward" in graph["initviz.engine.simulation"]  # the graph sees real imports
    cycle = _a_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_late_import_cycle(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .a import x\n")
    (package / "a.py").write_text("x = 1\n\ndef f():\n    from . import b\n")
    (package / "b.py").write_text("from .a import x\n")
    graph = _import_graph(package)
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}}
    assert _a_cycle(graph) == ["pkg.a", "pkg.b", "pkg.a"]


_TEXT = {".py", ".md", ".sh", ".spec", ".toml", ".txt", ".desktop", ".cfg", ".ini", ""}
_SKIP = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def test_nothing_refers_to_documents_outside_the_repository():
    pattern = re.compile(r"PRODUCT\.md|\bissues? #?\d+\b", re.IGNORECASE)
    found = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if any(part in _SKIP or part.endswith(".egg-info") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix not in _TEXT or path.name == "test_style.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{rel}:{number}: {line.strip()[:80]}")
    assert not found, "\n".join(found)
