"""The code base is ruff clean, and the engine imports no Qt."""

import ast
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
    files = sorted((ROOT / "initviz" / "engine").glob("*.py"))
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
