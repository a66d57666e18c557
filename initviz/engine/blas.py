"""How many threads NumPy's BLAS may use, where that can be asked: OpenBLAS, through ctypes.

Training multiplies small matrices (128 x 784 by 784 x 100) thousands of times. There a
second BLAS thread saves a little on an idle machine, and on a busy one it costs several
times over: at every product one thread waits for a partner that another process has
preempted (docs/performance.md has the measurements). ``blas_threads(n)`` runs a block with at most
``n`` BLAS threads and then restores the previous number. It finds OpenBLAS among the
libraries this process has loaded (Linux, ``/proc/self/maps``); elsewhere, or with
another BLAS, it changes nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import sys
from collections.abc import Iterator

#: (get, set) function names of the OpenBLAS builds NumPy wheels have shipped.
_NAMES = (
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("openblas_get_num_threads", "openblas_set_num_threads"),
)


@functools.cache
def _openblas():
    """(get, set) of the loaded OpenBLAS, or None where it cannot be found."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = sorted({line.split(None, 5)[-1].strip() for line in maps if "openblas" in line.lower()})
    except OSError:
        return None
    for path in paths:
        try:
            library = ctypes.CDLL(path)  # already loaded: the same library, not a second copy
        except OSError:
            continue
        for get, put in _NAMES:
            if hasattr(library, get) and hasattr(library, put):
                getter, setter = getattr(library, get), getattr(library, put)
                getter.restype = ctypes.c_int
                setter.argtypes = [ctypes.c_int]
                return getter, setter
    return None


def available() -> bool:
    """True when the number of BLAS threads can be set here."""
    return _openblas() is not None


@contextlib.contextmanager
def blas_threads(n: int) -> Iterator[None]:
    """Run the block with at most ``n`` BLAS threads (where that can be asked)."""
    functions = _openblas()
    if functions is None:
        yield
        return
    get, put = functions
    before = int(get())
    if before <= n:
        yield
        return
    put(n)
    try:
        yield
    finally:
        put(before)
