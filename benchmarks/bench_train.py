"""Training speed: the engine's ``train`` against the same loop in PyTorch (CPU), equal threads.

The book's network (Deep Learning from Scratch, ch. 6, ``weight_init_compare.py``):
784-100-100-100-100-10 on the shipped MNIST images, ReLU, He, SGD with learning rate
0.01, minibatches of 128 drawn with replacement, 2000 iterations, float32. One iteration,
in both: draw the minibatch, back-propagate, update, compute the minibatch's loss again
with the updated weights, and read that loss as a Python float (a live curve needs
every one). Both start from the same weights and draw the same minibatches, and both
measure the held-out accuracy at iterations 0 and 2000 (the engine records at those two
only, ``every=2000``; its records also summarise every layer, which PyTorch does not).
The clock runs from the first accuracy to the last in both: setting up (loading the
data, building the network) is not timed on either side.

Both sides get the same number of threads: ``torch_ratio`` compares the engine as it
ships (``engine.training.BLAS_THREADS = 1``) with PyTorch on one thread
(``torch.set_num_threads(1)``); ``torch_ratio_2_threads`` the engine with two BLAS
threads with PyTorch on two. For continuity with earlier figures it also prints the
unequal pair, the engine on one thread against PyTorch on two. The four variants are
alternated, ``--rounds`` times each; ratios are of the medians, and each round's own
ratios (its variants ran back to back) give the spread. On a shared machine the
fastest round of each variant is the best estimate of a quiet one (``*_fastest``), and
the ratio of CPU times (``*_cpu``) what each side computed while others took the cores.
Also timed, once: the book's three-run comparison as the window runs it
(``engine.training_job``, records every 100 iterations). Target: torch_ratio <= 0.8.

Usage: ``python benchmarks/bench_train.py [--rounds 5] [--iterations 2000] [--threads 1|2|both]``. The last
line of output is one JSON object. PyTorch is not a dependency of initviz: install it in
the environment that runs this benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from initviz.engine import TrainingConfig, train, training  # noqa: E402
from initviz.engine.data import load_dataset  # noqa: E402
from initviz.engine.network import stream  # noqa: E402
from initviz.engine.training import BATCH_STREAM, INDEX_CHUNK, Trainer  # noqa: E402
from initviz.engine.training_job import training_job  # noqa: E402
from initviz.presets import TRAINING_PRESETS_BY_KEY  # noqa: E402

#: (label, engine BLAS threads or None, PyTorch threads or None) of the variants, in the
#: order each round runs them.
VARIANTS = (("engine_1", 1, None), ("torch_1", None, 1), ("engine_2", 2, None), ("torch_2", None, 2))


def book_config(iterations: int) -> TrainingConfig:
    return TrainingConfig(activation="relu", init="he", depth=4, width=100, optimizer="sgd", lr=0.01, batch=128,
                          iterations=iterations, every=iterations, seed=20150206)


def engine_run(config: TrainingConfig, blas_threads: int = training.BLAS_THREADS) -> tuple[float, float, float]:
    """Wall and CPU seconds of the ``train`` generator's results, and the last loss."""
    default, training.BLAS_THREADS = training.BLAS_THREADS, blas_threads
    try:
        return _engine_run(config)
    finally:
        training.BLAS_THREADS = default


def _engine_run(config: TrainingConfig) -> tuple[float, float, float]:
    results = train(config)  # loads the data and builds the network before the first result
    t0, c0 = time.perf_counter(), time.process_time()
    last = float("nan")
    for result in results:
        loss = getattr(result, "loss", None)
        if loss is not None:
            last = loss
    return time.perf_counter() - t0, time.process_time() - c0, last


def torch_run(config: TrainingConfig, threads: int) -> tuple[float, float, float]:
    """The same iterations in PyTorch on ``threads`` threads: the engine's initial weights and minibatches."""
    import torch

    torch.set_num_threads(threads)
    data = load_dataset(config.data)
    start = Trainer(config, data)  # the engine's initial weights, drawn from the run's streams
    x = torch.from_numpy(data.x_train.astype(np.float32))
    y = torch.from_numpy(data.y_train.copy())
    x_test = torch.from_numpy(data.x_test.astype(np.float32))
    y_test = torch.from_numpy(data.y_test.copy())
    layers = []
    for w, b in zip(start.mlp.weights, start.mlp.biases):
        layer = torch.nn.Linear(*w.shape)
        with torch.no_grad():
            layer.weight.copy_(torch.from_numpy(w.T.copy()))
            layer.bias.copy_(torch.from_numpy(b.copy()))
        layers += [layer, torch.nn.ReLU()]
    net = torch.nn.Sequential(*layers[:-1])
    optimizer = torch.optim.SGD(net.parameters(), lr=config.lr)
    loss_fn = torch.nn.functional.cross_entropy
    rng = stream(config.seed, *BATCH_STREAM)  # the engine's minibatches, drawn as it draws them
    chunks = [rng.integers(0, len(data.y_train), size=(INDEX_CHUNK, config.batch))
              for _ in range(-(-config.iterations // INDEX_CHUNK))]
    indices = torch.from_numpy(np.concatenate(chunks)[: config.iterations])

    def accuracy() -> float:
        with torch.no_grad():
            return float((net(x_test).argmax(dim=1) == y_test).float().mean())

    t0, c0 = time.perf_counter(), time.process_time()
    accuracy()
    loss = float("nan")
    for i in range(config.iterations):
        idx = indices[i]
        xb, yb = x[idx], y[idx]
        optimizer.zero_grad()
        loss_fn(net(xb), yb).backward()
        optimizer.step()
        with torch.no_grad():
            loss = loss_fn(net(xb), yb).item()
    accuracy()
    return time.perf_counter() - t0, time.process_time() - c0, loss


def run_variant(config: TrainingConfig, engine_threads: int | None,
                torch_threads: int | None) -> tuple[float, float, float]:
    if engine_threads is not None:
        return engine_run(config, blas_threads=engine_threads)
    return torch_run(config, torch_threads)


def book_comparison() -> float:
    """Seconds for the window's job of the book's three runs (records every 100 iterations)."""
    preset = TRAINING_PRESETS_BY_KEY["training_book"]
    t0 = time.perf_counter()
    for _ in training_job([c for _, c in preset.training], threading.Event()):
        pass
    return time.perf_counter() - t0


def _load() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--iterations", type=int, default=2000)
    p.add_argument("--threads", choices=("1", "2", "both"), default="both",
                   help="which equal-thread pairs to time (2 threads take long on a busy machine)")
    args = p.parse_args()
    pairs = ("1", "2") if args.threads == "both" else (args.threads,)
    variants = [v for v in VARIANTS if v[0][-1] in pairs]
    try:
        import torch
    except ImportError:
        raise SystemExit("bench_train: PyTorch is not installed here (pip install torch, CPU build)") from None
    config = book_config(args.iterations)
    load_before = _load()
    for _, engine_threads, torch_threads in variants:  # warm-up: imports, the data file, BLAS, PyTorch's pools
        run_variant(book_config(50), engine_threads, torch_threads)
    times: dict[str, list[float]] = {label: [] for label, _, _ in variants}
    cpu: dict[str, list[float]] = {label: [] for label, _, _ in variants}
    round_ratios: dict[str, list[float]] = {n: [] for n in pairs}
    for r in range(args.rounds):
        line = []
        for label, engine_threads, torch_threads in variants:
            seconds, cpu_seconds, last = run_variant(config, engine_threads, torch_threads)
            times[label].append(seconds)
            cpu[label].append(cpu_seconds)
            line.append(f"{label} {seconds:.3f} s, CPU {cpu_seconds:.3f} s (last loss {last:.4f})")
        for n in round_ratios:
            round_ratios[n].append(times[f"engine_{n}"][-1] / times[f"torch_{n}"][-1])
        ratios = ", ".join(f"{n} thread(s) {round_ratios[n][-1]:.3f}" for n in pairs)
        print(f"round {r + 1} (load {_load():.2f}): {', '.join(line)}; ratio {ratios}", flush=True)
    median = {label: statistics.median(ts) for label, ts in times.items()}
    fastest = {label: min(ts) for label, ts in times.items()}
    summary: dict[str, object] = {}
    for n in pairs:
        key = "torch_ratio" if n == "1" else "torch_ratio_2_threads"
        engine, torch_ = f"engine_{n}", f"torch_{n}"
        summary[key] = round(median[engine] / median[torch_], 3)
        summary[key + "_fastest"] = round(fastest[engine] / fastest[torch_], 3)
        # CPU time: what each side computed, whatever the other processes on the machine took.
        summary[key + "_cpu"] = round(statistics.median(cpu[engine]) / statistics.median(cpu[torch_]), 3)
        print(f"{key} ({n} thread(s) each) {summary[key]:.3f}, rounds {min(round_ratios[n]):.3f} to "
              f"{max(round_ratios[n]):.3f}, fastest rounds {summary[key + '_fastest']:.3f}; "
              f"CPU time {summary[key + '_cpu']:.3f}")
    if len(pairs) == 2:
        summary["unequal_ratio_engine_1_torch_2"] = round(median["engine_1"] / median["torch_2"], 3)
        print(f"unequal (engine 1 thread / PyTorch 2 threads) {summary['unequal_ratio_engine_1_torch_2']:.3f}, "
              f"fastest rounds {fastest['engine_1'] / fastest['torch_2']:.3f}")
    comparison = book_comparison()
    per_iteration = {label: round(1000 * t / args.iterations, 3) for label, t in median.items()}
    print(f"medians over {args.rounds} rounds, ms per iteration: {per_iteration} (target: torch_ratio <= 0.8)")
    print(f"the book's three-run comparison as the window trains it: {comparison:.2f} s")
    print(json.dumps({**summary, "round_ratios": {n: [round(v, 3) for v in rs] for n, rs in round_ratios.items()},
                      "ms_per_iteration": per_iteration, "book_comparison_s": round(comparison, 2),
                      "iterations": args.iterations, "rounds": args.rounds, "torch": torch.__version__,
                      "cpus": os.cpu_count(), "load_avg_before": load_before, "load_avg_after": _load()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
