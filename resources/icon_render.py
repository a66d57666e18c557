"""Render resources/icon.svg to the PNG sizes, the Windows .ico and the macOS .icns.

    python resources/icon_render.py    # needs PySide6; the .ico ImageMagick, the .icns Pillow

Qt's own SVG renderer draws the PNGs, so they look like what the app shows. This file is a
build tool: the bundle leaves it out (packaging/initviz.spec).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from initviz.resources import ICON_SIZES  # noqa: E402


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["icon_render", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(HERE / "icon.svg"))
    if not renderer.isValid():
        print("icon.svg is not valid SVG", file=sys.stderr)
        return 1
    def draw(size: int, path: Path) -> Path:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(path))
        return path

    pngs = [draw(size, HERE / f"icon-{size}.png") for size in ICON_SIZES]
    with tempfile.TemporaryDirectory() as tmp:
        large = [draw(size, Path(tmp) / f"icon-{size}.png") for size in (512, 1024)]
        try:
            from PIL import Image
        except ImportError:
            print("Pillow not installed: icon.icns not regenerated", file=sys.stderr)
        else:
            sources = [Image.open(p) for p in [*pngs, *large]]
            sources[-1].save(HERE / "icon.icns", append_images=sources[:-1])
    del app
    magick = shutil.which("magick") or shutil.which("convert")
    if magick:
        ico_sizes = [p for p in pngs if int(p.stem.split("-")[1]) in (16, 24, 32, 48, 64, 128, 256)]
        subprocess.run([magick, *map(str, ico_sizes), str(HERE / "icon.ico")], check=True)
    else:
        print("ImageMagick not found: icon.ico not regenerated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
