"""Engine memory: peak memory of a run must not grow with depth.

The targets: the peak of a forward run at depth 1000 is within 1.2x of the same
run at depth 10; with gradients (the checkpointed backward pass), within 2x.

Each run is measured in a fresh Python process: it imports the engine, does one
untimed warm-up run (imports NumPy does lazily, the per-activation caches), then
starts ``tracemalloc`` (NumPy reports its array buffers to it) and iterates
``simulate(config)`` the way a caller that draws and drops each layer does, keeping no
result. The peak is everything the run allocated at its worst moment: matrices,
weights, checkpoints, the statistics' scratch, results in flight, plus the anonymous
memory mappings the run creates (its z, a and W live in one; tracemalloc cannot see it).

Run: ``python benchmarks/bench_memory.py [--width N] [--samples N]``. The last line of
the output is one JSON object with ``forward_ratio`` and ``gradients_ratio``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Depths compared, and the targets (depth 1000 peak / depth 10 peak).
SHALLOW, DEEP = 10, 1000
FORWARD_TARGET, GRADIENTS_TARGET = 1.2, 2.0


def _child(depth: int, gradients: bool, width: int, samples: int, activation: str, init: str) -> None:
    """Measure one run in this (fresh) process and print one JSON line."""
    sys.path.insert(0, str(ROOT))
    import gc
    import mmap
    import resource
    import tracemalloc

    mapped: list[int] = []

    class Counted(mmap.mmap):
        def __new__(cls, fileno, length, *args, **kwargs):
            mapped.append(length)
            return super().__new__(cls, fileno, length, *args, **kwargs)

    mmap.mmap = Counted
    from initviz.engine import SimulationConfig, simulate

    def config(d: int):
        return SimulationConfig(activation=activation, init=init, depth=d, width=width, samples=samples,
                                gradients=gradients)

    for _ in simulate(config(2)):  # warm-up: lazy imports, per-activation caches
        pass
    gc.collect()
    mapped.clear()
    tracemalloc.start()
    t0 = time.perf_counter()
    layers = 0
    for _ in simulate(config(depth)):
        layers += 1
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak += sum(mapped)
    print(json.dumps({"peak": peak, "layers": layers, "seconds": seconds,
                      "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


def measure(depth: int, gradients: bool, width: int, samples: int, activation: str = "relu",
            init: str = "he") -> dict:
    """Peak traced bytes (and seconds, layers) of one run, measured in a child process."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(depth), "1" if gradients else "0",
           "--width", str(width), "--samples", str(samples), "--activation", activation, "--init", init]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"memory child failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--width", type=int, default=100)
    p.add_argument("--samples", type=int, default=1000)
    p.add_argument("--activation", default="relu")
    p.add_argument("--init", default="he")
    p.add_argument("--child", nargs=2, type=int, metavar=("DEPTH", "GRADIENTS"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        _child(args.child[0], bool(args.child[1]), args.width, args.samples, args.activation, args.init)
        return 0

    runs = {}
    for gradients in (False, True):
        for depth in (SHALLOW, DEEP):
            runs[(gradients, depth)] = measure(depth, gradients, args.width, args.samples, args.activation, args.init)
    forward_ratio = runs[(False, DEEP)]["peak"] / runs[(False, SHALLOW)]["peak"]
    gradients_ratio = runs[(True, DEEP)]["peak"] / runs[(True, SHALLOW)]["peak"]
    matrix = args.samples * args.width * 4

    print(f"initviz engine memory: {args.activation}, {args.init}, width {args.width}, {args.samples} samples, "
          f"float32 (one activation matrix = {matrix / 1e6:.2f} MB)")
    print(f"machine: {os.cpu_count()} cores; peak = tracemalloc peak of one run after a warm-up run")
    print()
    print(f"{'pass':10} {'depth':>6} {'layers':>7} {'peak MB':>8} {'matrices':>9} {'seconds':>8}")
    for (gradients, depth), r in runs.items():
        print(f"{'gradients' if gradients else 'forward':10} {depth:6d} {r['layers']:7d} {r['peak'] / 1e6:8.2f} "
              f"{r['peak'] / matrix:9.1f} {r['seconds']:8.2f}")
    print()
    print(f"forward   depth {DEEP} / depth {SHALLOW} = {forward_ratio:.3f}  (target <= {FORWARD_TARGET})")
    print(f"gradients depth {DEEP} / depth {SHALLOW} = {gradients_ratio:.3f}  (target <= {GRADIENTS_TARGET})")
    print(json.dumps({
        "forward_ratio": round(forward_ratio, 3),
        "gradients_ratio": round(gradients_ratio, 3),
        "peak_bytes": {f"{'gradients' if g else 'forward'}_{d}": r["peak"] for (g, d), r in runs.items()},
        "width": args.width,
        "samples": args.samples,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
