"""Headless command line: ``python main.py simulate ...`` (JSON Lines or a table).

This module must not import Qt: ``simulate`` runs on machines with no display and
no Qt libraries. The window (``initviz.ui.app``) is imported only when asked for.
The JSON Lines output is a stable contract; see README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence

from .engine import ACTIVATIONS, SCHEMES, ConfigError, MemoryRefused, RunSummary, SimulationConfig, simulate
from .engine.config import DTYPES, INPUTS
from .engine.initializers import PARAMETERS, InitSpec
from .engine.parameters import Parameter


class UsageError(Exception):
    """A bad command-line argument; the message is one line for the user."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message: str):  # argparse's hook name
        raise UsageError(message)


def _range(text: str) -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LOW,HIGH such as 0,1; got {text!r}") from None
    return lo, hi


def _flag(parameter: Parameter) -> str:
    return "--" + parameter.name.replace("_", "-")


def _scheme_help(parameter: Parameter) -> str:
    users = ", ".join(s.name for s in SCHEMES.values() if parameter.name in s.parameters) or "no scheme"
    allowed = "" if parameter.choices else f"; {parameter.allowed()}"  # argparse lists the choices
    return f"{parameter.help}{allowed}; used by {users}"


def _activation_parameter_help() -> str:
    takers = [a for a in ACTIVATIONS.values() if a.param is not None]
    return "the activation's parameter: " + "; ".join(
        f"{a.name} {a.param.name}, {a.param.allowed()} (default {a.param.default:g})" for a in takers
    )


def add_simulation_arguments(p: argparse.ArgumentParser) -> None:
    """The run's parameters. The scheme parameters' flags (``--std``, ``--gain``...) come
    from ``PARAMETERS``, their help from it and from the schemes' and activations' own
    descriptions, so a new scheme or parameter needs no change here."""
    p.add_argument("--activation", choices=list(ACTIVATIONS), default=SimulationConfig.activation)
    p.add_argument("--alpha", type=float, default=None, help=_activation_parameter_help())
    p.add_argument("--init", choices=list(SCHEMES), default=InitSpec.name, help="the weight initialization scheme")
    for parameter in PARAMETERS.values():
        kind = dict(choices=list(parameter.choices)) if parameter.choices else dict(type=float)
        p.add_argument(_flag(parameter), dest=parameter.name, default=parameter.default, help=_scheme_help(parameter),
                       **kind)
    p.add_argument("--depth", type=int, default=5)
    p.add_argument("--width", type=int, default=100)
    p.add_argument("--features", type=int, default=None, help="input features (default: --width)")
    p.add_argument("--samples", type=int, default=1000)
    p.add_argument("--bins", type=int, default=30)
    p.add_argument("--range", type=_range, default=None, dest="hist_range", metavar="LOW,HIGH")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--dtype", choices=list(DTYPES), default="float32")
    p.add_argument("--bias-std", type=float, default=0.0, help="biases ~ N(0, bias_std^2); 0: no bias")
    p.add_argument("--input", choices=list(INPUTS), default="normal")
    p.add_argument("--gradients", action="store_true", help="also run the backward pass")
    p.add_argument("--correlation", type=float, default=None, metavar="C0",
                   help="feed pairs of inputs with correlation C0 (-1 to 1) and report every layer's measured "
                        "and predicted correlation")


def config_from_args(args: argparse.Namespace) -> SimulationConfig:
    """The validated configuration; ConfigError names a wrong value."""
    return SimulationConfig(
        samples=args.samples,
        features=args.features,
        depth=args.depth,
        width=args.width,
        activation=args.activation,
        activation_param=args.alpha,
        init=InitSpec(args.init, **{name: getattr(args, name) for name in PARAMETERS}),
        bias="normal" if args.bias_std > 0 else "zeros",
        bias_std=args.bias_std,
        input=args.input,
        bins=args.bins,
        hist_range=args.hist_range,
        seed=args.seed,
        dtype=args.dtype,
        gradients=args.gradients,
        correlation=args.correlation,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="initviz", description="See how weight initialization shapes every layer.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    sim = sub.add_parser("simulate", help="run a simulation headless and print every layer")
    add_simulation_arguments(sim)
    sim.add_argument("--json", action="store_true", help="JSON Lines: one object per layer and pass")
    return parser


def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    if not math.isfinite(x):
        return str(x)
    return f"{x:.4g}"


def _table_row(r, pairs: bool = False) -> str:
    if r.pass_name == "forward":
        extra = f"{r.saturated:9.3f} {r.dead:6.3f} {r.distinct_units:8d}"
    else:
        extra = f"{'-':>9} {'-':>6} {'-':>8}"
    row = (
        f"{r.pass_name:<8} {r.layer:5d} {_fmt(r.mean):>10} {_fmt(r.std):>10} "
        f"{_fmt(r.predicted_std):>10} {_fmt(r.min):>10} {_fmt(r.max):>10} {extra} {r.nonfinite:9d}"
    )
    if pairs:  # the pairs' correlation, measured and predicted (forward rows only)
        measured, predicted = (r.correlation, r.predicted_correlation) if r.pass_name == "forward" else (None, None)
        row += f" {_fmt(measured):>11} {_fmt(predicted):>11}"
    return row


def run_simulate(args: argparse.Namespace, out=None) -> int:
    out = out or sys.stdout
    config = config_from_args(args)
    results = simulate(config, helper="auto")  # refuses an oversized run before printing anything
    if not args.json:
        print(
            f"{'pass':<8} {'layer':>5} {'mean':>10} {'std':>10} {'predicted':>10} {'min':>10} "
            f"{'max':>10} {'saturated':>9} {'dead':>6} {'distinct':>8} {'nonfinite':>9}"
            + (f" {'correlation':>11} {'predicted':>11}" if config.correlation is not None else ""),
            file=out,
        )
    for result in results:
        if isinstance(result, RunSummary):
            if args.json:
                print(json.dumps(result.to_json()), file=out)
            else:
                why = {None: "finished", "diverged": f"diverged at layer {result.diverged_at}"}.get(
                    result.stopped, result.stopped
                )
                print(f"{result.layers} layer results in {result.seconds:.3f} s; {why}", file=out)
        elif args.json:
            print(json.dumps(result.to_json(), allow_nan=False), file=out)
        else:
            print(_table_row(result, config.correlation is not None), file=out)
        out.flush()
    return 0


def _output_failed(exc: OSError) -> int:
    """One line for an output that cannot be written (a full disk, /dev/full); exit 1.
    Standard output then goes nowhere, so that the interpreter's last flush stays quiet."""
    try:
        print(f"initviz: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
    except OSError:
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python main.py``: ``simulate`` and ``train`` headless, anything else the window."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "phase":  # the phase diagram, headless (initviz/cli_phase.py)
            from .cli_phase import main as phase_main

            return phase_main(argv[1:])
        if argv and argv[0] == "train":  # headless training too (initviz/cli_train.py)
            from .cli_train import main as train_main

            return train_main(argv[1:])
        if not argv or argv[0] != "simulate":
            from .ui.app import main as app_main  # Qt is imported only here

            return app_main(argv)
        return _simulate_command(argv)
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except OSError as exc:
        return _output_failed(exc)


def _simulate_command(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        status = run_simulate(args)
        sys.stdout.flush()  # a full disk shows here, not at exit
        return status
    except (UsageError, ConfigError) as exc:
        print(f"initviz simulate: error: {exc}", file=sys.stderr)
        return 2
    except MemoryRefused as exc:
        print(f"initviz simulate: refused: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def main_entry() -> None:
    """Console-script entry point (``initviz``)."""
    sys.exit(main())
