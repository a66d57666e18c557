"""Engine speed: the full engine against the bare floor and against the same work in PyTorch.

Configuration: ReLU, He, depth 100, width 512, 4096 samples, float32, 50 bins.

  engine  ``simulate(config, helper="auto")``, as the command line and the window's engine
          process run it (the statistics helper process on Linux), with every per-layer
          statistic: histograms of z and a with under/overflow, mean/std/min/max of both,
          saturation, dead units, distinct units, non-finite counts, mean-field
          prediction, 64 x 64 snapshot.
  inline  the same with every block on the calling thread (``helper="never"``): the
          window's worker thread, macOS, Windows.
  floor   the bare chain: each layer's weights drawn from the engine's own streams
          (``draw_weights(stream(seed, k))``), one matrix product, ReLU; no statistics;
          results written into two reused buffers, as the engine does.
  floor_alloc  the same written ``x = np.maximum(x @ w, 0)`` (a fresh result per layer;
          page faults make it slower): reported for reference, not the target's floor.
  torch   the same per-layer work in PyTorch on the CPU: ``torch.randn`` weights, matmul,
          ``relu``, ``histc`` of z and a (plus under/overflow counts), ``std_mean`` and
          ``aminmax`` of both, the saturated count and the dead units; one ``.item()``
          per number, as a caller that reads the figures would do.

The machine is shared and noisy, so the variants are interleaved (engine, floor, torch,
engine, ...) for several rounds after one untimed warm-up round, and each variant's
median is used. Targets: engine/floor <= 1.5, engine/torch <= 0.7.

Run: ``python benchmarks/bench_engine.py [--rounds N] [--depth N]``. The last line of
the output is one JSON object with ``floor_ratio``, ``inline_floor_ratio``,
``alloc_floor_ratio`` and ``torch_ratio`` (null without torch).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# initviz first: it configures OpenBLAS before NumPy loads (see initviz/__init__.py),
# as it does in the app; the floor runs under the same setting.
__import__("initviz")

import numpy as np  # noqa: E402

from initviz.engine import ForwardLayer, SimulationConfig, simulate  # noqa: E402
from initviz.engine.initializers import draw_weights  # noqa: E402
from initviz.engine.network import input_batch, stream  # noqa: E402

try:  # optional: only the comparison needs it, never the engine
    import torch
except ImportError:  # pragma: no cover - depends on the machine
    torch = None


def config(depth: int) -> SimulationConfig:
    return SimulationConfig(
        activation="relu", init="he", depth=depth, width=512, samples=4096, dtype="float32", bins=50
    )


def run_engine(cfg: SimulationConfig, helper: str = "auto") -> tuple[float, list[ForwardLayer]]:
    """``simulate`` as the command line and the window's engine process run it (``auto``:
    with the statistics helper on Linux), or with every block inline (``never``)."""
    t0 = time.perf_counter()
    layers = [r for r in simulate(cfg, helper=helper) if isinstance(r, ForwardLayer)]
    seconds = time.perf_counter() - t0
    assert len(layers) == cfg.depth
    return seconds, layers


def run_floor(cfg: SimulationConfig) -> float:
    """Weight draws from the engine's streams, matrix products and ReLU, nothing else,
    into two reused buffers as the engine does (a fresh 8 MB result per layer costs page
    faults, as many as the allocator's state decides, so that floor moves from run to run)."""
    t0 = time.perf_counter()
    x = input_batch(cfg)
    spec = cfg.init
    z = np.empty((cfg.samples, cfg.width[0]), dtype=cfg.dtype)
    a = np.empty_like(z)
    for k in range(1, cfg.depth + 1):
        w = draw_weights(spec, stream(cfg.seed, k), *cfg.fans(k), cfg.dtype)
        np.matmul(x, w, out=z)
        np.maximum(z, 0, out=a)
        x, a = a, (x if x.shape == a.shape else np.empty_like(z))
    return time.perf_counter() - t0


def run_floor_allocating(cfg: SimulationConfig) -> float:
    """The floor as one would first write it, ``x = np.maximum(x @ w, 0)``: a fresh
    result per layer. Reported beside the floor, not used for the target."""
    t0 = time.perf_counter()
    x = input_batch(cfg)
    spec = cfg.init
    for k in range(1, cfg.depth + 1):
        w = draw_weights(spec, stream(cfg.seed, k), *cfg.fans(k), cfg.dtype)
        x = np.maximum(x @ w, 0)
    return time.perf_counter() - t0


def run_torch(cfg: SimulationConfig, z_edges: tuple[float, float], a_edges: tuple[float, float]) -> float:
    """The engine's per-layer work written in idiomatic PyTorch (CPU, float32)."""
    t0 = time.perf_counter()
    gen = torch.Generator().manual_seed(cfg.seed)
    x = torch.randn(cfg.samples, cfg.features, generator=gen)
    bins = cfg.bins
    std = (2.0 / cfg.width[0]) ** 0.5
    figures = []
    for _k in range(1, cfg.depth + 1):
        w = torch.randn(cfg.width[0], cfg.width[0], generator=gen)
        w *= std
        z = x @ w
        a = torch.relu(z)
        row = []
        for v, (lo, hi) in ((z, z_edges), (a, a_edges)):
            counts = torch.histc(v, bins=bins, min=lo, max=hi)
            s, m = torch.std_mean(v, correction=0)
            mn, mx = torch.aminmax(v)
            row += [counts.tolist(), (v < lo).sum().item(), (v > hi).sum().item(),
                    m.item(), s.item(), mn.item(), mx.item(), torch.isfinite(v).logical_not().sum().item()]
        row.append((z <= 0).sum().item())  # ReLU's saturated region
        row.append((a.amax(dim=0) == 0).sum().item())  # dead units
        figures.append(row)
        x = a
    assert len(figures) == cfg.depth
    return time.perf_counter() - t0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=5, help="timed rounds (after one warm-up)")
    p.add_argument("--depth", type=int, default=100)
    p.add_argument("--no-torch", action="store_true", help="skip the PyTorch variant")
    args = p.parse_args(argv)
    use_torch = torch is not None and not args.no_torch
    cfg = config(args.depth)

    # Warm-up (caches, thread pools, page faults) and the engine's edges for torch's histc.
    _, layers = run_engine(cfg)
    run_engine(cfg, "never")
    z_edges = (float(layers[0].preactivations.edges[0]), float(layers[0].preactivations.edges[-1]))
    a_edges = (float(layers[0].activations.edges[0]), float(layers[0].activations.edges[-1]))
    run_floor(cfg)
    run_floor_allocating(cfg)
    if use_torch:
        run_torch(cfg, z_edges, a_edges)

    load_before = os.getloadavg()[0]
    times: dict[str, list[float]] = {"engine": [], "inline": [], "floor": [], "floor_alloc": [], "torch": []}
    for _ in range(args.rounds):
        times["engine"].append(run_engine(cfg)[0])
        times["inline"].append(run_engine(cfg, "never")[0])
        times["floor"].append(run_floor(cfg))
        times["floor_alloc"].append(run_floor_allocating(cfg))
        if use_torch:
            times["torch"].append(run_torch(cfg, z_edges, a_edges))

    med = {k: statistics.median(v) for k, v in times.items() if v}
    floor_ratio = med["engine"] / med["floor"]
    inline_ratio = med["inline"] / med["floor"]
    alloc_ratio = med["engine"] / med["floor_alloc"]
    torch_ratio = med["engine"] / med["torch"] if "torch" in med else None

    print(f"initviz engine benchmark: ReLU, He, depth {cfg.depth}, width {cfg.width[0]}, "
          f"{cfg.samples} samples, {cfg.dtype}, {cfg.bins} bins")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"NumPy {np.__version__}" + (f", torch {torch.__version__} ({torch.get_num_threads()} threads)"
                                       if torch is not None else ", torch not installed"))
    print(f"{args.rounds} interleaved rounds after one warm-up; medians; load average "
          f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after (other processes share the cores)")
    print()
    print(f"{'variant':11} {'median s':>9} {'ms/layer':>9} {'min s':>8} {'max s':>8}")
    for name, values in times.items():
        if not values:
            print(f"{name:11} {'-':>9} {'-':>9} {'-':>8} {'-':>8}  (torch not installed or skipped)")
            continue
        m = med[name]
        print(f"{name:11} {m:9.3f} {1e3 * m / cfg.depth:9.2f} {min(values):8.3f} {max(values):8.3f}")
    print()
    print(f"engine/floor = {floor_ratio:.2f}  (target <= 1.5)")
    print(f"inline/floor = {inline_ratio:.2f}  (every statistic on the calling thread: the window's thread, "
          "macOS, Windows)")
    print(f"engine/floor_alloc = {alloc_ratio:.2f}  (the floor allocating a result per layer; for reference)")
    if torch_ratio is None:
        print("engine/torch = n/a (torch not installed or skipped)")
    else:
        print(f"engine/torch = {torch_ratio:.2f}  (target <= 0.7)")
    print(json.dumps({
        "floor_ratio": round(floor_ratio, 3),
        "inline_floor_ratio": round(inline_ratio, 3),
        "alloc_floor_ratio": round(alloc_ratio, 3),
        "torch_ratio": None if torch_ratio is None else round(torch_ratio, 3),
        "seconds": {k: round(v, 4) for k, v in med.items()},
        "rounds": args.rounds,
        "depth": cfg.depth,
        "cores": os.cpu_count(),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
