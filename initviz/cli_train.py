"""Headless training: ``python main.py train ...``, JSON Lines or a table. Never imports Qt.

The defaults are the book's training comparison (Deep Learning from Scratch, ch. 6):
ReLU, 4 hidden layers of 100, SGD with learning rate 0.01, minibatches of 128, 2000
iterations, MNIST; the scheme defaults to He. With ``--json`` the output is a contract
(README.md): one object per iteration with ``iteration`` and ``loss``; on the
iterations with a record (every ``--every`` and the last) also ``test_accuracy`` and
``distinct_units`` (one entry per hidden layer); the last line is
``{"summary": {"iterations", "final_loss", "test_accuracy", "stopped", "seconds"}}``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence

from .engine import ACTIVATIONS, SCHEMES, ConfigError, InitSpec, TrainingConfig, train
from .engine.config import DTYPES
from .engine.data import BUILTIN
from .engine.initializers import PARAMETERS
from .engine.training_config import OPTIMIZERS
from .engine.training_results import TrainingRecord, TrainingStep, TrainingSummary

DEFAULTS = TrainingConfig()


class UsageError(Exception):
    """A bad command-line argument; the message is one line for the user."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message: str):  # argparse's hook name
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="initviz train", description="Train the book's network on MNIST from an initialization "
                "and print the loss of every iteration.")
    p.add_argument("--activation", choices=list(ACTIVATIONS), default=DEFAULTS.activation,
                   help="the hidden layers' activation (default relu)")
    p.add_argument("--alpha", type=float, default=None, help="the activation's parameter, as for simulate")
    p.add_argument("--init", choices=list(SCHEMES), default=DEFAULTS.init.name, help="the weight scheme (default he)")
    for parameter in PARAMETERS.values():
        kind = dict(choices=list(parameter.choices)) if parameter.choices else dict(type=float)
        p.add_argument("--" + parameter.name.replace("_", "-"), dest=parameter.name, default=parameter.default,
                       help=parameter.help, **kind)
    p.add_argument("--depth", type=int, default=DEFAULTS.depth, help="hidden layers (default 4)")
    p.add_argument("--width", type=int, default=DEFAULTS.width[0], help="units per hidden layer (default 100)")
    p.add_argument("--bias-std", type=float, default=DEFAULTS.bias_std, help="biases ~ N(0, bias_std^2); 0: zero")
    p.add_argument("--optimizer", choices=list(OPTIMIZERS), default=DEFAULTS.optimizer)
    p.add_argument("--lr", type=float, default=DEFAULTS.lr, help="learning rate (default 0.01)")
    p.add_argument("--batch", type=int, default=DEFAULTS.batch, help="minibatch size, drawn with replacement")
    p.add_argument("--iterations", type=int, default=DEFAULTS.iterations)
    p.add_argument("--every", type=int, default=DEFAULTS.every,
                   help="record the held-out accuracy and distinct units every K iterations (default 100)")
    p.add_argument("--data", default=DEFAULTS.data, metavar="mnist|FILE.npz",
                   help=f"{', '.join(BUILTIN)} (shipped) or a .npz file with x and y, or x_train, y_train, "
                   "x_test and y_test")
    p.add_argument("--seed", type=int, default=DEFAULTS.seed)
    p.add_argument("--dtype", choices=list(DTYPES), default=DEFAULTS.dtype)
    p.add_argument("--json", action="store_true", help="JSON Lines: one object per iteration, then a summary")
    return p


def config_from_args(args: argparse.Namespace) -> TrainingConfig:
    """The validated configuration; ConfigError names a wrong value."""
    return TrainingConfig(
        activation=args.activation,
        activation_param=args.alpha,
        init=InitSpec(args.init, **{name: getattr(args, name) for name in PARAMETERS}),
        depth=args.depth,
        width=args.width,
        bias_std=args.bias_std,
        optimizer=args.optimizer,
        lr=args.lr,
        batch=args.batch,
        iterations=args.iterations,
        every=args.every,
        data=args.data,
        seed=args.seed,
        dtype=args.dtype,
    )


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}" if math.isfinite(x) else str(x)


def run(args: argparse.Namespace, out=None) -> int:
    out = out or sys.stdout
    results = train(config_from_args(args))  # a bad data file or network is refused before any output
    if not args.json:
        print(f"{'iteration':>9} {'loss':>8} {'test acc.':>9} {'test loss':>9}  distinct units per hidden layer",
              file=out)
    line: dict | None = None  # an iteration's line waits for the record that may follow it
    for result in results:
        if isinstance(result, TrainingStep):
            if line is not None:
                print(json.dumps(line), file=out)
            line = result.to_json() if args.json else None
            continue
        if isinstance(result, TrainingRecord):
            if args.json:
                if line is not None and line["iteration"] == result.iteration:
                    line.update(result.to_json())
            else:
                distinct = " ".join(str(d) for d in result.distinct_units)
                print(f"{result.iteration:>9} {_fmt(result.loss):>8} {result.test_accuracy:>9.3f} "
                      f"{_fmt(result.test_loss):>9}  {distinct}", file=out)
        elif isinstance(result, TrainingSummary):
            if line is not None:
                print(json.dumps(line), file=out)
                line = None
            if args.json:
                print(json.dumps(result.to_json()), file=out)
            else:
                why = result.stopped or "finished"
                print(f"{result.iterations} iterations in {result.seconds:.2f} s, {why}; final loss (mean of the "
                      f"last 100) {_fmt(result.final_loss)}, test accuracy {_fmt(result.test_accuracy)}", file=out)
        out.flush()
    return 0


def main(argv: Sequence[str]) -> int:
    """``python main.py train ARGS``: the arguments after ``train``."""
    try:
        return run(build_parser().parse_args(list(argv)))
    except (UsageError, ConfigError) as exc:
        print(f"initviz train: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130
