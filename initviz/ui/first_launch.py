"""The first launch opens on the book's first figure, not on bare defaults.

With no saved configuration (a new user, or a settings file set aside as unusable), the
window shows "Sigmoid, std 1" of Deep Learning from Scratch, ch. 6: the preset with its
fixed seed, the book's range (0, 1) and its caption, the figure a lecture starts from.
"""

from __future__ import annotations

from ..presets import PRESETS_BY_KEY

#: The preset a first launch shows.
FIRST_PRESET = "sigmoid_std1"


def open_first_figure(window) -> None:
    """Put the first preset in the controls as ``load_preset`` would, without running
    it: the window's start-up runs whatever the controls hold."""
    preset = PRESETS_BY_KEY[FIRST_PRESET]
    window._preset = preset
    window.panel.set_config(window.compare.load_preset(preset))
