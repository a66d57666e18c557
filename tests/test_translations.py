"""The Korean translation and font: compiled, consistent, and the font covers it.

The .qm must be what pyside6-lrelease makes of the .ts; no translation may lose a
placeholder, tag or accelerator; contexts must be ones the app looks up; the bundled font
must have every Hangul syllable the .ts uses (QRawFont.supportsCharacter) and the 2,350
of KS X 1001. That the .ts is complete is tests/test_translation_complete.py's job.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "initviz_ko.ts"
QM = FOLDER / "initviz_ko.qm"
sys.path.insert(0, str(FOLDER))
import update  # noqa: E402  (resources/translations/update.py)

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _messages():
    return update.messages(TS)


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    update.lrelease(TS, tmp_path / "x.qm")
    assert (tmp_path / "x.qm").read_bytes() == QM.read_bytes(), "run resources/translations/update.py"


def test_every_translation_keeps_placeholders_tags_and_accelerators():
    for (context, source), text in _messages().items():
        if text is None:
            continue  # unfinished: test_no_message_is_unfinished
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source, text)
        assert sorted(TAG.findall(source)) == sorted(TAG.findall(text)), (context, source, text)
        if re.search(r"&[A-Za-z]", source) and "&nbsp;" not in source:
            assert re.search(r"&[A-Za-z]", text), f"accelerator lost: {source!r} -> {text!r}"


def test_only_weight_initialization_is_called_chogihwa():
    """Qt's own Korean calls its Reset button 초기화: in initviz the word means weight
    initialization only, so a reset or restore is never translated with it."""
    for (_, source), text in _messages().items():
        if text and "초기화" in text:
            assert "initiali" in source.lower(), f"{source!r} -> {text!r}"
        if re.search(r"\breset|restore", source, re.IGNORECASE):
            assert "초기화" not in (text or ""), f"{source!r} -> {text!r}"


def _class_names() -> set[str]:
    """The classes of initviz and of the pyqtgraph menus the .ts translates, and the
    contexts those menus' templates name."""
    paths = list((ROOT / "initviz").rglob("*.py")) + [Path(p) for p in update.pyqtgraph_menus()]
    names = {context for context, _ in update.aliased()}
    for path in paths:
        names |= {n.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.ClassDef)}
    return names


def test_every_context_is_one_the_app_looks_up():
    """lupdate files ``window.tr(...)`` written outside the window's class under "window",
    which no lookup at run time uses: such a string would never show translated."""
    contexts = {context for context, _ in _messages()}
    assert contexts - {""} <= _class_names(), sorted(contexts - {""} - _class_names())


def test_no_tr_call_formats_its_text_before_the_lookup():
    """tr(f"...") looks up the formatted text, which no .ts holds: format after tr."""
    pattern = re.compile(r"\btr\(\s*f[\"']")
    for path in sorted((ROOT / "initviz").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not pattern.search(line), f"{path.relative_to(ROOT)}:{number}: {line.strip()}"


def _hangul(text: str) -> set[str]:
    return {c for c in text if 0xAC00 <= ord(c) <= 0xD7A3 or 0x3131 <= ord(c) <= 0x318E}


@pytest.fixture(scope="module")
def raw_fonts(qapp):
    from PySide6.QtGui import QRawFont

    from initviz.ui.fonts import FAMILY, font_files

    files = font_files()
    assert len(files) == 2, files
    fonts = [QRawFont(str(path), 20.0) for path in files]
    assert all(f.isValid() and f.familyName() == FAMILY for f in fonts)
    return fonts


def test_the_font_covers_every_hangul_syllable_the_translation_uses(raw_fonts):
    root = ET.parse(TS).getroot()
    used = set().union(*(_hangul(t.text or "") for t in root.iter("translation")))
    used |= set().union(*(_hangul(t.text or "") for t in root.iter("numerusform")))
    assert len(used) > 300  # the translation is there
    for font in raw_fonts:
        missing = sorted(c for c in used if not font.supportsCharacter(ord(c)))
        assert not missing, f"{font.styleName()} lacks {''.join(missing)}: run resources/make_font.py"


def test_the_font_covers_the_2350_syllables_of_ks_x_1001_and_the_app_symbols(raw_fonts):
    syllables = [bytes((lead, trail)).decode("euc-kr") for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF)]
    assert len(set(syllables)) == 2350 and all(0xAC00 <= ord(c) <= 0xD7A3 for c in syllables)
    symbols = "0123456789.,-+%()=/ √σχξφλπαβ≤≥±×·²³′≈∞→★●◇━┅ÀéñüΦ"
    for font in raw_fonts:
        assert all(font.supportsCharacter(ord(c)) for c in syllables + list(symbols))


def test_a_pdf_in_the_font_maps_every_glyph_back_to_its_character(qapp, tmp_path, raw_fonts):
    """The handout's text must be extractable: each glyph Qt writes needs a ToUnicode entry.
    Noto CJK's 'locl' lookups swapped digits and punctuation for glyphs no character maps
    to ("0.01" came out as "."); resources/make_font.py leaves that feature out."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPainter, QPdfWriter

    from initviz.ui.fonts import FAMILY, register_fonts

    assert register_fonts()
    text = "0123456789 .,:/-()σ√ 표준편차 기울기"
    path = tmp_path / "x.pdf"
    writer = QPdfWriter(str(path))
    writer.setPdfVersion(QPdfWriter.PdfVersion.PdfVersion_1_4)
    painter = QPainter(writer)
    painter.setFont(QFont(FAMILY, 14))
    painter.drawText(QPointF(200, 500), text)
    painter.end()
    data = path.read_bytes()
    cmap = data[data.index(b"beginbfrange"):data.index(b"endbfrange")].decode("latin-1")
    mapped = set()
    for line in cmap.splitlines()[1:]:
        codes = re.findall(r"<([0-9A-F]{4})>", line)
        if "[" in line:
            mapped |= {chr(int(c, 16)) for c in codes[2:]}
        elif len(codes) == 3:
            first, last, start = (int(c, 16) for c in codes)
            mapped |= {chr(start + k) for k in range(last - first + 1)}
    missing = sorted(set(text) - mapped - {" "})
    assert not missing, f"no ToUnicode entry for {missing}"
