"""An optional helper process that takes part of each layer's statistics (Linux only).

Why a process and not a thread: a row block's statistics are some twenty short NumPy
calls, and two Python threads hand the GIL to each other between every two of them,
so two threads are no faster than one; two processes are (docs/performance.md). The
helper is forked, so it inherits the run's network, the fingerprint and the shared
``Arena`` holding the layer's z, a and next weights: only a ``LayerWork`` goes to it
and only its blocks' small summaries come back.

Both processes take blocks one at a time from a shared counter, so the split follows
whatever else slows one of them. The helper first draws the next layer's weights
into the arena; it never runs beside the matrix product, which OpenBLAS splits evenly
over both cores.

Only where it is safe and pays: Linux (``fork``; ``spawn`` elsewhere costs far too
much per run), from the main thread of a process without a GUI (the caller's choice:
``simulate(..., helper="auto")``; forking a process with a GUI's threads is unsafe),
and, for ``"auto"``, layers large enough to repay the messages.
"""

from __future__ import annotations

import signal
import sys
import threading
import traceback
import warnings
from multiprocessing import get_context

import numpy as np

from .execution import HELPER_CHOICES, Arena, LayerWork, block_work
from .kernels import Summarizer, merge_forward, row_blocks

#: ``helper="auto"`` forks for layers (samples x widest layer) from this size on; below
#: it a layer's statistics take well under a millisecond and messages would cost more.
MIN_ELEMENTS = 1 << 19
#: Seconds to wait for the helper to exit before it is terminated.
CLOSE_TIMEOUT = 2.0
#: Schemes whose weights come from a QR factorisation (LAPACK on OpenBLAS's threads):
#: drawn by the parent between products, never by the helper beside them.
_QR_SCHEMES = ("orthogonal", "lsuv")


class HelperFailed(RuntimeError):
    """The helper process raised or died; the message says what happened."""


def wanted(config, helper: str) -> bool:
    """True when a run of ``config`` should fork the helper, given ``simulate``'s
    ``helper`` choice: never, auto (by layer size) or always (where allowed)."""
    if helper not in HELPER_CHOICES:
        raise ValueError(f"helper must be one of {', '.join(HELPER_CHOICES)}; got {helper!r}")
    if helper == "never" or not sys.platform.startswith("linux"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    return helper == "always" or config.samples * max(config.features, *config.width) >= MIN_ELEMENTS


class HelperExecution:
    """The forked helper and the shared ``arena``: an execution for ``simulation``'s
    forward loop (see ``execution``). Raises OSError when the fork fails. Use as a
    context manager: it always stops the child."""

    def __init__(self, net, fingerprint: np.ndarray, activate) -> None:
        self.net = net
        self.arena = Arena(net.config)  # before the fork: the child shares it
        self.summarizer = Summarizer()
        self._fingerprint = fingerprint
        self._activate = activate
        self._drawn: int | None = None  # the layer whose weights the helper drew
        ctx = get_context("fork")
        self._conn, child_conn = ctx.Pipe()
        self._next = ctx.Value("l", 0)  # the next unclaimed block, shared with the child
        with warnings.catch_warnings():
            # Python 3.12+ warns on fork beside other threads (here OpenBLAS's own); the
            # child only runs NumPy on the arena and never takes their locks.
            warnings.simplefilter("ignore", DeprecationWarning)
            self._process = ctx.Process(
                target=_serve,
                args=(child_conn, self._conn, self._next, net, self.arena, fingerprint, activate),
                daemon=True,
                name="initviz-stats-helper",
            )
            self._process.start()
        child_conn.close()

    def __enter__(self) -> HelperExecution:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def matrices(self, shape) -> tuple[np.ndarray, np.ndarray]:
        return self.arena.z(shape), self.arena.a(shape)

    def weights(self, layer: int) -> np.ndarray:
        if self._drawn == layer:
            return self.arena.w(self.net.config.fans(layer))
        return self.net.weights(layer)

    def statistics(self, layer: int, work: LayerWork) -> dict:
        """The layer's statistics, its blocks shared with the helper, merged in row
        order. The helper first draws the next layer's weights into the arena."""
        config = self.net.config
        draw = None
        if layer < config.depth and self.net.spec.name not in _QR_SCHEMES:
            draw = (layer + 1, *config.fans(layer + 1))
        spans = row_blocks(*work.shape)
        with self._next.get_lock():
            self._next.value = 0
        try:
            self._conn.send(("forward", work, draw))
        except OSError as exc:
            raise HelperFailed(f"the statistics helper process stopped ({exc})") from None
        summarize = block_work(self.summarizer, self.arena, work, self._activate, self._fingerprint)
        mine = {i: summarize(spans[i]) for i in _claims(self._next, len(spans))}
        theirs = self._receive()
        self._drawn = draw[0] if draw else None
        parts = [mine[i] if i in mine else theirs[i] for i in range(len(spans))]
        return merge_forward(parts, work.shape[1], work.z_spec, work.a_spec)

    def _receive(self) -> dict:
        try:
            tag, payload = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise HelperFailed(f"the statistics helper process stopped ({exc or 'no reply'})") from None
        if tag == "error":
            raise HelperFailed(f"the statistics helper process failed: {payload}")
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
    """The helper's loop: one layer at a time until told to stop (None) or the parent
    goes away (its end of the pipe, inherited by the fork, is closed here first, so
    that the parent's exit, even a killed one, reaches this loop as end of file)."""
    parents_end.close()
    # Ctrl+C reaches the whole process group: the parent handles it and closes the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    summarizer = Summarizer()
    try:
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                return
            if request is None:
                return
            _, work, draw = request
            try:
                if draw is not None:
                    layer, fan_in, fan_out = draw
                    arena.w((fan_in, fan_out))[...] = net.weights(layer)
                summarize = block_work(summarizer, arena, work, activate, fingerprint)
                spans = row_blocks(*work.shape)
                reply = ("parts", {i: summarize(spans[i]) for i in _claims(counter, len(spans))})
            except Exception:  # reported to the parent, which raises it
                reply = ("error", traceback.format_exc().strip().splitlines()[-1])
            try:
                conn.send(reply)
            except OSError:  # the parent has gone away
                return
    finally:
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
