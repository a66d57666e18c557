"""PyInstaller hook for the initviz package: every submodule, and the files under resources/.

The window is imported inside a function (initviz.cli.main), so every submodule is listed
to make sure a lazily imported one is never left out. resources/ (icons, the .desktop file,
the training data with its NOTICE, the Korean translation and font) and LICENSE (the About box
shows it) go to the bundle's top folder, where initviz/resources.py looks for them; the build scripts (icon, data) and
the README's screenshots stay out.
"""

from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("initviz")

_root = Path(__file__).resolve().parents[2]
datas = [
    (str(path), str(path.parent.relative_to(_root)))
    for path in sorted((_root / "resources").rglob("*"))
    if path.is_file() and path.suffix not in {".py", ".pyc", ".ts"}  # the .qm is what the app loads
    and not {"__pycache__", "screenshots"} & set(path.relative_to(_root).parts)
]
datas.append((str(_root / "LICENSE"), "."))
