"""The book's smoothing of a loss curve (Saito, Deep Learning from Scratch, ``common/util.py``,
``smooth_curve``), so that the window draws the curve the book draws.

Each point becomes the weighted mean of the 11 points around it, with the weights of a
Kaiser window of length 11 and beta 2 (``numpy.kaiser(11, 2)``, normalised to sum 1).
The curve is first extended by 10 mirrored points at each end, as the book's code does:
x[10], ..., x[1] before the start (the first point is not repeated) and x[n-1], ...,
x[n-10] after the end (the last point is), so the smoothed curve has as many points as
the raw one.
"""

from __future__ import annotations

import numpy as np

WINDOW = 11
BETA = 2.0
_WEIGHTS = np.kaiser(WINDOW, BETA) / np.kaiser(WINDOW, BETA).sum()  # made once: the window redraws often


def smooth_curve(values) -> np.ndarray:
    """The book's smoothed curve of ``values`` (float64, same length). A curve shorter
    than the window is returned as it is: the mirror extension needs WINDOW points."""
    x = np.asarray(values, dtype=np.float64)
    if x.size < WINDOW:
        return x.copy()
    padded = np.concatenate([x[WINDOW - 1 : 0 : -1], x, x[-1 : -WINDOW : -1]])
    y = np.convolve(_WEIGHTS, padded, mode="valid")
    half = WINDOW // 2
    return y[half : len(y) - half]
