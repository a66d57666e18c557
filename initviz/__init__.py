"""initviz: see how weight initialization shapes activations and gradients, layer by layer."""

import os

# OpenBLAS keeps its idle worker threads spinning for 2**28 cycles (about 0.1 s) after
# every BLAS call. The engine follows each matrix product with statistics on two
# threads of its own, so the spinning worker would take one of a laptop's cores from
# them (measured: 2x the CPU time on 2 cores). 4 is OpenBLAS's minimum: workers sleep
# almost at once and are woken for the next product (tens of microseconds, next to a
# product of milliseconds). Read once when NumPy loads, so it is set here, before any
# initviz module imports NumPy; a value the user set is kept.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")

__version__ = "0.1.0"
