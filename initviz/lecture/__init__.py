"""The lecture: the story of weight initialization told as a list of steps (Qt-free).

``steps.STEPS`` is the list, one ``Step`` per entry; ``highlights`` picks each step's
number from the live measurement. The window (``initviz/ui/lecture_mode.py``), the
handout and ``render --lecture`` all read this list.
"""

from .steps import STEPS, Highlight, Step, step_at

__all__ = ["STEPS", "Highlight", "Step", "step_at"]
