"""The offscreen platform's screen is 800 x 600 unless told otherwise: GUI tests run on a
1920 x 1080 one (a projector's), so that full screen and the default window size are those
a lecturer meets. Test modules set QT_QPA_PLATFORM=offscreen when imported; the screen is
added after collection, before the first QApplication exists."""

import os
from pathlib import Path

SCREEN = Path(__file__).with_name("offscreen_screen.json")


def pytest_collection_finish(session):
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
