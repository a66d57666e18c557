"""Fixtures shared with the window's own tests: the real main window, offscreen."""

from tests.test_gui_window import window  # noqa: F401 (a fixture, found by name)
