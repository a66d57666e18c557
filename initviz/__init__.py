"""initviz: see how weight initialization shapes activations and gradients, layer by layer."""

import os

# OpenBLAS keeps its idle worker threads spinning for a while after every call, and the
# statistics follow each matrix product at once (on a second core, with the helper
# process): a spinning worker would take that core from them (docs/performance.md).
# 4 is OpenBLAS's minimum. NumPy reads it once when it loads, so it is set here, before
# any initviz module imports NumPy; a value the user set is kept.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")

__version__ = "0.1.0"
