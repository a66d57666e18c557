"""A helper process that takes part of each layer's statistics, on shared memory.

Why a process: the statistics are some twenty NumPy calls per block of rows, each of a
few tens of microseconds. Two Python threads hand the GIL to each other between every
two calls, and a handover waits for the other thread to wake up; on the two-core
machine this was measured on, two threads computed the statistics no faster than one
(7.1 against 7.4 ms for a 4096 x 512 ReLU layer), while two processes took 4.0 ms. The
helper is forked, so it inherits the run's network, the fingerprint and an anonymous
shared mapping (the arena) holding the layer's z, a and next weights: only block
ranges go to it and only each block's small summary comes back (``LayerSummarizer.
forward_work``), merged in block order, so the results are the same bit for bit.

Both processes take blocks one at a time from a shared counter, so the split follows
whatever else slows one of them. The helper first draws the next layer's weights into
the arena, and never runs beside the matrix product: OpenBLAS splits a product evenly
over its threads, so anything sharing a core with it stretches the whole product.

Only on Linux (``fork``; macOS and Windows start processes by ``spawn``, far too slow
to pay per run), only from the main thread of a process without Qt (forking a process
with a GUI's threads is unsafe), and only for layers big enough to repay the messages.
Elsewhere the threaded pipeline in ``simulation`` runs instead.
"""

from __future__ import annotations

import mmap
import signal
import sys
import threading
import traceback
import warnings
from multiprocessing import get_context

import numpy as np

from .stats import LayerSummarizer

#: Layers (samples x widest layer) from this size on use the helper where it is allowed:
#: below it, a layer's statistics take well under a millisecond and the messages would
#: cost more than they save.
MIN_ELEMENTS = 1 << 19
#: Seconds to wait for the helper to exit before it is terminated.
CLOSE_TIMEOUT = 2.0


class HelperFailed(RuntimeError):
    """The helper process raised or died; the message says what happened."""


def available(config, force: bool | None = None) -> bool:
    """True when a run of ``config`` should use the helper. ``force`` (True or False)
    decides instead of the size and Qt rules, for tests and benchmarks that know their
    process; never instead of the platform's or the main-thread rule."""
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return False
    if force is not None:
        return force
    if any(name.startswith("PySide6") for name in sys.modules):
        return False
    return config.samples * max(config.features, *config.width) >= MIN_ELEMENTS


class Arena:
    """One anonymous shared mapping holding z, a and a weight matrix, each sized for
    the run's widest layer; ``z(shape)``, ``a(shape)`` and ``w(shape)`` are views."""

    def __init__(self, config) -> None:
        self.dtype = np.dtype(config.dtype)
        widest = max(config.features, *config.width)
        self._batch = config.samples * widest
        self._weights = widest * widest
        self._map = mmap.mmap(-1, (2 * self._batch + self._weights) * self.dtype.itemsize)

    def _view(self, slot: int, shape) -> np.ndarray:
        count = int(np.prod(shape))
        offset = slot * self._batch * self.dtype.itemsize
        return np.frombuffer(self._map, dtype=self.dtype, count=count, offset=offset).reshape(shape)

    def z(self, shape) -> np.ndarray:
        return self._view(0, shape)

    def a(self, shape) -> np.ndarray:
        return self._view(1, shape)

    def w(self, shape) -> np.ndarray:
        return self._view(2, shape)


class Helper:
    """The forked helper and its ``arena``: ``forward`` computes a layer's blocks together
    with it. Raises OSError when the fork fails. Use as a context manager (it always
    stops the child)."""

    def __init__(self, net, fingerprint: np.ndarray, activate) -> None:
        self.arena = arena = Arena(net.config)  # before the fork: the child shares it
        ctx = get_context("fork")
        self._conn, child_conn = ctx.Pipe()
        self._next = ctx.Value("l", 0)  # the next unclaimed block, shared with the child
        with warnings.catch_warnings():
            # Python 3.12+ warns on fork beside other threads (here OpenBLAS's own); the
            # child only runs NumPy on the arena and never takes their locks.
            warnings.simplefilter("ignore", DeprecationWarning)
            self._process = ctx.Process(
                target=_serve, args=(child_conn, self._conn, self._next, net, arena, fingerprint, activate),
                daemon=True,
                name="initviz-stats-helper",
            )
            self._process.start()
        child_conn.close()

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def forward(self, shape, spans, z_spec, a_spec, saturation, relu: bool, apply: bool, draw, work) -> list:
        """The results of ``work`` (``LayerSummarizer.forward_work`` on the layer in the
        arena, ``shape``) for every block of ``spans``, in block order. The helper first
        draws the weights ``draw`` = (layer, fan_in, fan_out) into the arena, if asked;
        then both processes take blocks one at a time from a shared counter until none
        is left, so the one that anything else slows down (a window painting, other
        jobs) simply takes fewer. Each block's result depends on its rows only, so who
        computed it does not change the merge."""
        with self._next.get_lock():
            self._next.value = 0
        try:
            self._conn.send(("forward", shape, spans, z_spec, a_spec, saturation, relu, apply, draw))
        except OSError as exc:
            raise HelperFailed(f"the statistics helper process stopped ({exc})") from None
        mine = {i: work(spans[i]) for i in _claims(self._next, len(spans))}
        theirs = self._receive("parts")
        return [mine[i] if i in mine else theirs[i] for i in range(len(spans))]

    def _receive(self, kind: str):
        try:
            tag, payload = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise HelperFailed(f"the statistics helper process stopped ({exc or 'no reply'})") from None
        if tag == "error":
            raise HelperFailed(f"the statistics helper process failed: {payload}")
        if tag != kind:
            raise HelperFailed(f"the statistics helper process replied {tag!r}, expected {kind!r}")
        return payload

    def close(self) -> None:
        if self._process.is_alive():
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._process.join(CLOSE_TIMEOUT)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(CLOSE_TIMEOUT)
        self._conn.close()


def _serve(conn, parents_end, counter, net, arena: Arena, fingerprint: np.ndarray, activate) -> None:
    """The helper's loop: one request at a time until told to stop (None) or the
    parent goes away (its end of the pipe, inherited by the fork, is closed here first,
    so that the parent's exit, even a killed one, reaches this loop as end of file)."""
    parents_end.close()
    # Ctrl+C reaches the whole process group: the parent handles it and closes the pipe,
    # which ends this loop; the helper itself must not die with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    summarizer = LayerSummarizer(threads=1)  # its pool stays unused: blocks run here
    try:
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                return
            if request is None:
                return
            _, shape, spans, z_spec, a_spec, saturation, relu, apply, draw = request
            try:
                if draw is not None:
                    layer, fan_in, fan_out = draw
                    arena.w((fan_in, fan_out))[...] = net.weights(layer)
                work = summarizer.forward_work(
                    arena.z(shape), arena.a(shape), z_spec, a_spec, saturation,
                    activate if apply else None, relu, fingerprint,
                )
                reply = ("parts", {i: work(spans[i]) for i in _claims(counter, len(spans))})
            except Exception:  # reported to the parent, which raises it
                reply = ("error", traceback.format_exc().strip().splitlines()[-1])
            if not _send(conn, reply):
                return
    finally:
        summarizer.close()
        conn.close()


def _claims(counter, n: int):
    """Block numbers 0..n-1 not yet taken by either process, one at a time."""
    while True:
        with counter.get_lock():
            i = counter.value
            if i >= n:
                return
            counter.value = i + 1
        yield i


def _send(conn, message) -> bool:
    """Send to the parent; False when it has gone away."""
    try:
        conn.send(message)
    except OSError:
        return False
    return True
