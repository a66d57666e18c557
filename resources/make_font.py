"""Build ``resources/fonts/NotoSansKR-initviz-{Regular,Bold}.otf``, the Korean font shipped with initviz.

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
    pip install fonttools   # a build tool only: the app never imports it
    python resources/make_font.py --source /tmp/noto/usr/share/fonts/opentype/noto

(``--source`` defaults to ``/usr/share/fonts/opentype/noto``, where Debian's fonts-noto-cjk
installs them.) The source is Noto Sans CJK KR (face 1 of Debian's ``NotoSansCJK-*.ttc``,
version 2.004, SIL Open Font License 1.1: ``resources/fonts/OFL.txt``). A classroom PC or a
bare Linux may have no Hangul font at all, and the full face is 16 MB a weight; the subset
keeps what an ordinary Korean text and the app need, half a megabyte a weight:

- ASCII, Latin-1 and Latin Extended-A (authors' names), Greek (σ, χ, ξ, φ, ...), general
  punctuation, superscripts and subscripts, arrows, mathematical operators (√ ≤ ± × ...),
  geometric shapes and box drawing (the plots' legend marks), CJK punctuation, Hangul
  compatibility jamo and fullwidth forms;
- the 2,350 Hangul syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8), so any ordinary Korean
  text renders, not only today's translation;
- every character of ``resources/translations/*.ts`` and of the ``initviz`` sources, so a
  rarer syllable a translation uses is never missing (re-run this script after adding one;
  tests/test_translations.py checks the coverage).

The family is renamed "Noto Sans KR initviz" (OFL: a modified version keeps none of the
reserved names; Noto CJK reserves only "Source"), so that the app always picks its own file
and never a system's full Noto Sans CJK KR of another version.

The line height is tightened from 1.448 em (1160 above the baseline, 288 below: room for
vertical CJK writing) to 1.2 em (950 and 250), close to the 1.16 em of the DejaVu Sans the
layout was drawn with: with the original the four lines of statistics under each
histogram overflowed the 21 pixels a line the figure gives them. The Hangul glyphs span
-87 to 842 and ASCII -279 to 872, so nothing is cut; the Windows clipping box (usWin*)
stays wide (1000 and 280), and USE_TYPO_METRICS makes DirectWrite use the typo values too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "fonts"
FAMILY = "Noto Sans KR initviz"
#: Face 1 of Debian's NotoSansCJK-*.ttc is Noto Sans CJK KR (0: JP, 2: SC, 3: TC, 4: HK).
KR_FACE = 1
WEIGHTS = ("Regular", "Bold")
#: Vertical metrics of the subset, in font units of 1000 per em (see the docstring).
ASCENT, DESCENT = 950, 250
RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1, Latin Extended-A
    (0x0370, 0x03FF),  # Greek
    (0x2000, 0x206F),  # general punctuation (– — ‘ ’ “ ” • … ′ ″)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x2100, 0x214F),  # letterlike symbols
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x2460, 0x24FF),  # enclosed numbers
    (0x2500, 0x25FF),  # box drawing, block elements, geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols (★)
    (0x3000, 0x303F),  # CJK punctuation
    (0x3131, 0x318E),  # Hangul compatibility jamo
    (0xFF01, 0xFF5E),  # fullwidth forms
)


def ks_x_1001_hangul() -> list[str]:
    """The 2,350 precomposed syllables of KS X 1001: EUC-KR lead bytes 0xB0-0xC8, trail 0xA1-0xFE."""
    return [bytes((lead, trail)).decode("euc-kr") for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF)]


def used_characters() -> set[str]:
    """Every character of the translations and the package's sources (their Hangul and symbols)."""
    root = HERE.parent
    files = sorted((HERE / "translations").glob("*.ts")) + sorted((root / "initviz").rglob("*.py"))
    return {c for path in files for c in path.read_text(encoding="utf-8") if ord(c) > 0x7F}


def characters() -> list[int]:
    chars = {code for low, high in RANGES for code in range(low, high + 1)}
    chars |= {ord(c) for c in ks_x_1001_hangul()} | {ord(c) for c in used_characters()}
    return sorted(chars)


def rename(font, weight: str) -> None:
    """Name the subset FAMILY (names 1, 3, 4, 6, 16, 17) so it never mixes with a system's Noto CJK."""
    postscript = FAMILY.replace(" ", "") + "-" + weight
    full = f"{FAMILY} {weight}" if weight != "Regular" else FAMILY
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (16, 17):
            table.removeNames(nameID=record.nameID)
    for name_id, text in ((1, FAMILY), (2, weight), (3, f"2.004;initviz subset;{postscript}"), (4, full),
                          (6, postscript)):
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    if "CFF " in font:  # the CFF table carries its own names
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = full, FAMILY


def tighten_line_height(font) -> None:
    """1.2 em lines (ASCENT above the baseline, DESCENT below), the same for every platform's reader."""
    hhea, os2 = font["hhea"], font["OS/2"]
    hhea.ascent, hhea.descent, hhea.lineGap = ASCENT, -DESCENT, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ASCENT, -DESCENT, 0
    os2.usWinAscent, os2.usWinDescent = 1000, 280
    os2.fsSelection |= 1 << 7  # USE_TYPO_METRICS
    os2.version = max(os2.version, 4)


def build(source: Path, weight: str) -> Path:
    from fontTools import subset  # build-time tool: imported here so the module loads without it
    from fontTools.ttLib import TTFont

    font = TTFont(source / f"NotoSansCJK-{weight}.ttc", fontNumber=KR_FACE)
    options = subset.Options()
    # Every feature but 'locl': its lookups swap digits and punctuation for the Japanese and Chinese
    # forms when Qt tags a run with another language, and a PDF (the handout) then has glyphs that no
    # character maps to: "0.01" was extracted as "." or " ".
    tags = {r.FeatureTag for t in ("GSUB", "GPOS") if t in font for r in font[t].table.FeatureList.FeatureRecord}
    options.layout_features = sorted(tags - {"locl"})
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["vhea", "vmtx", "VORG"]  # vertical writing: never used
    subsetter = subset.Subsetter(options)
    missing = [chr(c) for c in characters() if c not in font.getBestCmap() and not 0xD800 <= c <= 0xDFFF]
    subsetter.populate(unicodes=characters())
    subsetter.subset(font)
    rename(font, weight)
    tighten_line_height(font)
    OUT.mkdir(exist_ok=True)
    out = OUT / f"NotoSansKR-initviz-{weight}.otf"
    font.save(out)
    hangul_missing = [c for c in missing if 0xAC00 <= ord(c) <= 0xD7A3]
    if hangul_missing:
        print(f"warning: the source lacks {''.join(hangul_missing)}", file=sys.stderr)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("/usr/share/fonts/opentype/noto"),
                        help="folder with NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc")
    args = parser.parse_args()
    for weight in WEIGHTS:
        if not (args.source / f"NotoSansCJK-{weight}.ttc").is_file():
            print(f"make_font: {args.source / f'NotoSansCJK-{weight}.ttc'} not found (Debian: fonts-noto-cjk)",
                  file=sys.stderr)
            return 2
    for weight in WEIGHTS:
        out = build(args.source, weight)
        print(f"{out}: {out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
