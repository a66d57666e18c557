"""The Korean translation is complete: nothing unfinished, nothing lupdate would add, every
table string translated, and nothing the window looks up in Korean missing from the .ts.

When a test here fails after adding a string: run resources/translations/update.py,
translate the new messages in initviz_ko.ts, run it again (docs/translation.md).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "initviz_ko.ts"
sys.path.insert(0, str(FOLDER))
import update  # noqa: E402  (resources/translations/update.py)


def _messages():
    return update.messages(TS)


def test_lupdate_finds_no_string_missing_from_the_ts(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy2(TS, copy)
    update.lupdate(copy, tmp_path)
    new, gone = update.messages(copy).keys() - _messages().keys(), _messages().keys() - update.messages(copy).keys()
    assert not new, f"not in the .ts (run resources/translations/update.py and translate): {sorted(new)[:10]}"
    assert not gone, f"in the .ts but no longer in the code: {sorted(gone)[:10]}"


def test_no_message_is_unfinished():
    unfinished = [key for key, text in _messages().items() if text is None]
    assert not unfinished, f"{len(unfinished)} unfinished, e.g. {unfinished[:5]}"


def test_the_table_strings_are_all_translated():
    from initviz.ui.i18n_sources import table_strings

    messages = _messages()
    missing = [s for s in table_strings() if messages.get(("", s)) is None]
    assert not missing, f"not translated: {missing[:10]}"


def test_the_korean_window_looks_up_nothing_the_ts_lacks(tmp_path):
    """Strings passed to tr() as values (a table, a dict) are invisible to lupdate: drive the
    window in Korean through every preset, view and quantity and check every lookup."""
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "korean_window_probe.py"), str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    lookups = json.loads(proc.stdout.strip().splitlines()[-1])["lookups"]
    known = {source for _, source in _messages()}
    # Qt's own classes (QShortcut, QWidget, ...) are qtbase_ko.qm's; pyqtgraph's menus are in the .ts.
    missing = sorted({source for context, source in lookups if not context.startswith("Q") and source not in known})
    assert not missing, f"looked up but not in the .ts (add their table to initviz/ui/i18n_sources.py): {missing}"
