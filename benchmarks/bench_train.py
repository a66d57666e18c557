"""Training speed: the engine's ``train`` against the same loop in PyTorch (CPU, 2 threads).

The book's network (Deep Learning from Scratch, ch. 6, ``weight_init_compare.py``):
784-100-100-100-100-10 on the shipped MNIST images, ReLU, He, SGD with learning rate
0.01, minibatches of 128 drawn with replacement, 2000 iterations, float32. One iteration,
in both: draw the minibatch, back-propagate, update, compute the minibatch's loss again
with the updated weights, and read that loss as a Python float (a live curve needs
every one). Both start from the same weights and draw the same minibatches; the engine
records the held-out accuracy at iterations 0 and 2000 only (``every=2000``), and the
PyTorch loop measures it at the same two points. The engine uses one BLAS thread
(``engine.training.BLAS_THREADS``), PyTorch two (``torch.set_num_threads(2)``).

The two are alternated, ``--rounds`` times each, with a third variant, the engine with
two BLAS threads (what ``BLAS_THREADS = 1`` gives up on an idle machine); the medians are
compared. Also timed, once: the book's three-run comparison as the window runs it
(``engine.training_job``, records every 100 iterations). Target: torch_ratio = engine /
PyTorch <= 0.8.

Usage: ``python benchmarks/bench_train.py [--rounds 5] [--iterations 2000]``. The last
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

TORCH_THREADS = 2


def book_config(iterations: int) -> TrainingConfig:
    return TrainingConfig(activation="relu", init="he", depth=4, width=100, optimizer="sgd", lr=0.01, batch=128,
                          iterations=iterations, every=iterations, seed=20150206)


def engine_run(config: TrainingConfig, blas_threads: int = training.BLAS_THREADS) -> tuple[float, float]:
    """Seconds for the whole ``train`` generator, and the last loss."""
    default, training.BLAS_THREADS = training.BLAS_THREADS, blas_threads
    try:
        return _engine_run(config)
    finally:
        training.BLAS_THREADS = default


def _engine_run(config: TrainingConfig) -> tuple[float, float]:
    t0 = time.perf_counter()
    last = float("nan")
    for result in train(config):
        loss = getattr(result, "loss", None)
        if loss is not None:
            last = loss
    return time.perf_counter() - t0, last


def torch_run(config: TrainingConfig) -> tuple[float, float]:
    """The same iterations in PyTorch: the engine's initial weights and minibatches."""
    import torch

    torch.set_num_threads(TORCH_THREADS)
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

    t0 = time.perf_counter()
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
    return time.perf_counter() - t0, loss


def book_comparison() -> float:
    """Seconds for the window's job of the book's three runs (records every 100 iterations)."""
    preset = TRAINING_PRESETS_BY_KEY["training_book"]
    t0 = time.perf_counter()
    for _ in training_job([c for _, c in preset.training], threading.Event()):
        pass
    return time.perf_counter() - t0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--iterations", type=int, default=2000)
    args = p.parse_args()
    try:
        import torch
    except ImportError:
        raise SystemExit("bench_train: PyTorch is not installed here (pip install torch, CPU build)") from None
    config = book_config(args.iterations)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    engine_run(book_config(50))  # warm-up: imports, the data file, BLAS
    torch_run(book_config(50))
    ours, theirs, two = [], [], []
    for r in range(args.rounds):
        (t_engine, l_engine), (t_torch, l_torch) = engine_run(config), torch_run(config)
        t_two, _ = engine_run(config, blas_threads=2)
        ours.append(t_engine)
        theirs.append(t_torch)
        two.append(t_two)
        print(f"round {r + 1}: engine {t_engine:.3f} s (last loss {l_engine:.4f}), "
              f"PyTorch {t_torch:.3f} s (last loss {l_torch:.4f}), ratio {t_engine / t_torch:.3f}; "
              f"engine with 2 BLAS threads {t_two:.3f} s", flush=True)
    engine_s, torch_s, two_s = statistics.median(ours), statistics.median(theirs), statistics.median(two)
    comparison = book_comparison()
    print(f"medians over {args.rounds} rounds: engine {engine_s:.3f} s ({1000 * engine_s / args.iterations:.3f} ms per "
          f"iteration), PyTorch {torch_s:.3f} s; torch_ratio {engine_s / torch_s:.3f} (target <= 0.8)")
    print(f"the engine with 2 BLAS threads: {two_s:.3f} s ({two_s / engine_s:.2f} x one thread)")
    print(f"the book's three-run comparison as the window trains it: {comparison:.2f} s")
    print(json.dumps({"torch_ratio": round(engine_s / torch_s, 3), "engine_s": round(engine_s, 3),
                      "torch_s": round(torch_s, 3), "engine_2_blas_threads_s": round(two_s, 3),
                      "engine_ms_per_iteration": round(1000 * engine_s / args.iterations, 3),
                      "book_comparison_s": round(comparison, 2), "iterations": args.iterations, "rounds": args.rounds,
                      "torch": torch.__version__, "torch_threads": TORCH_THREADS, "cpus": os.cpu_count(),
                      "load_avg_before": load_before,
                      "load_avg_after": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
