"""Peak memory of a run does not grow with depth: a forward run at depth 1000
stays within 1.2x of the same run at depth 10, and within 2x with gradients (the
backward pass recomputes activations from a fixed number of checkpoints).

Measured with tracemalloc, which sees NumPy's array buffers, in a fresh process per
run (see benchmarks/bench_memory.py, which this test drives). Not a timing test.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench_memory", ROOT / "benchmarks" / "bench_memory.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gradients, limit", [(False, 1.2), (True, 2.0)], ids=["forward", "gradients"])
def test_peak_memory_of_depth_1000_stays_near_depth_10(gradients, limit):
    bench = _bench()
    shallow = bench.measure(bench.SHALLOW, gradients, width=100, samples=1000)
    deep = bench.measure(bench.DEEP, gradients, width=100, samples=1000)
    assert shallow["layers"] == bench.SHALLOW * (2 if gradients else 1) + 1
    assert deep["layers"] == bench.DEEP * (2 if gradients else 1) + 1
    ratio = deep["peak"] / shallow["peak"]
    assert ratio <= limit, f"peak {deep['peak']} B at depth 1000 vs {shallow['peak']} B at depth 10: {ratio:.2f}x"
    # Also a sanity bound on the absolute size: a few dozen activation matrices at most.
    matrix = 1000 * 100 * 4
    assert deep["peak"] < 40 * matrix
