"""Headless phase diagram: ``python main.py phase ...`` (a table, or one JSON line). No Qt.

- ``--point SW2,SB2``: q*, chi_1, c*, xi_q, xi_c and the phase at one point;
- ``--critical SB2``: the sigma_w2 on the critical line (chi_1 = 1) at that sigma_b2,
  or a line saying why there is none (ReLU: only sigma_b2 = 0 has one);
- ``--grid N [--sigma-w2 LO,HI] [--sigma-b2 LO,HI]``: an N x N grid's axes and its
  chi1, xi_c and q_star arrays (rows: sigma_b2), and the critical line per row.

The mean-field theory is Poole et al. (2016) and Schoenholz et al. (2017); its code is
``initviz.engine.phase`` (one point) and ``initviz.engine.phase_grid`` (a grid). JSON has
no infinity: null stands for inf (q* where the length grows without bound, xi at the
critical line) and for what is undefined there. Bad input: one line, exit 2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence

import numpy as np

from .engine import ACTIVATIONS, ConfigError
from .engine.phase import NoCriticalPoint, critical_sigma_w2, phase_point
from .engine.phase_grid import MAX_GRID, phase_grid

#: The grid's default axes: tanh's critical line runs from (1, 0) to (2.84, 0.5), ReLU's point is (2, 0).
SIGMA_W2_RANGE = (0.0, 4.0)
SIGMA_B2_RANGE = (0.0, 0.5)
#: The options that take numbers.
VALUE_OPTIONS = ("--point", "--critical", "--sigma-w2", "--sigma-b2", "--alpha", "--grid")
#: The largest variance accepted (the maps are computed far beyond anything plotted).
MAX_VARIANCE = 1e6


class UsageError(Exception):
    """A bad command-line argument; the message is one line for the user."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message: str):  # argparse's hook name
        raise UsageError(message)


def _variance(text: str, name: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise UsageError(f"{name} must be a number, got {text!r}") from None
    if not 0.0 <= value <= MAX_VARIANCE:
        raise UsageError(f"{name} is a variance: from 0 to {MAX_VARIANCE:.0f}, got {text}")
    return value


def _pair(text: str, names: tuple[str, str]) -> tuple[float, float]:
    parts = text.split(",")
    if len(parts) != 2:
        raise UsageError(f"expected {names[0].upper()},{names[1].upper()} such as 1.76,0.05; got {text!r}")
    return _variance(parts[0].strip(), names[0]), _variance(parts[1].strip(), names[1])


def _axis(text: str, name: str) -> tuple[float, float]:
    lo, hi = _pair(text, (f"{name} low", f"{name} high"))
    if not lo < hi:
        raise UsageError(f"--{name.replace('_', '-')} LO,HI needs LO < HI, got {text}")
    return lo, hi


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="initviz phase", description="The mean-field phase diagram (Poole et al. 2016; Schoenholz "
                "et al. 2017): weights N(0, sigma_w2 / fan_in), biases N(0, sigma_b2).")
    p.add_argument("--activation", choices=list(ACTIVATIONS), default="tanh")
    p.add_argument("--alpha", type=float, default=None, help="the activation's parameter (leaky ReLU's slope, "
                   "ELU's alpha), as for simulate")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--point", metavar="SW2,SB2", help="one point: q_star, chi1, c_star, xi_q, xi_c, phase")
    what.add_argument("--critical", metavar="SB2", help="sigma_w2 on the critical line chi1 = 1 at this sigma_b2")
    what.add_argument("--grid", type=int, metavar="N", help=f"an N x N grid (N from 2 to {MAX_GRID})")
    p.add_argument("--sigma-w2", metavar="LO,HI", default=None,
                   help=f"the grid's sigma_w2 axis (default {SIGMA_W2_RANGE[0]:g},{SIGMA_W2_RANGE[1]:g})")
    p.add_argument("--sigma-b2", metavar="LO,HI", default=None,
                   help=f"the grid's sigma_b2 axis (default {SIGMA_B2_RANGE[0]:g},{SIGMA_B2_RANGE[1]:g})")
    p.add_argument("--json", action="store_true", help="one JSON object on one line")
    return p


def _number(x: float) -> str:
    return "inf" if math.isinf(x) else ("-" if math.isnan(x) else f"{x:.6g}")


def _print_point(args, parameter, out) -> None:
    s, b = _pair(args.point, ("sigma_w2", "sigma_b2"))
    point = phase_point(args.activation, s, b, parameter)
    if args.json:
        print(json.dumps(point.to_json(), allow_nan=False), file=out)
        return
    print(f"{args.activation} at sigma_w2 = {s:g}, sigma_b2 = {b:g}: {point.phase}", file=out)
    for key, value in (("q*", point.q_star), ("chi_1", point.chi1), ("c*", point.c_star), ("xi_q", point.xi_q),
                       ("xi_c", point.xi_c)):
        print(f"  {key:6} {_number(value)}", file=out)
    if point.note:
        print(f"  ({point.note})", file=out)


def _print_critical(args, parameter, out) -> None:
    b = _variance(args.critical, "sigma_b2")
    try:
        s, note = critical_sigma_w2(args.activation, b, parameter), None
    except NoCriticalPoint as exc:
        s, note = None, str(exc)
    if args.json:
        print(json.dumps({"activation": args.activation, "sigma_b2": b, "sigma_w2": s, "note": note}), file=out)
    else:
        print(note or f"{args.activation} is critical at sigma_w2 = {s:.6g} for sigma_b2 = {b:g}", file=out)


def _print_grid(args, parameter, out) -> None:
    n = args.grid
    if not 2 <= n <= MAX_GRID:
        raise UsageError(f"--grid N must be from 2 to {MAX_GRID}, got {n}")
    sw = np.linspace(*(_axis(args.sigma_w2, "sigma_w2") if args.sigma_w2 else SIGMA_W2_RANGE), n)
    sb = np.linspace(*(_axis(args.sigma_b2, "sigma_b2") if args.sigma_b2 else SIGMA_B2_RANGE), n)
    grid = phase_grid(args.activation, sw, sb, parameter)
    if args.json:
        data = grid.to_json()
        data["critical"] = [float(v) if math.isfinite(v) else None for v in grid.critical]
        print(json.dumps(data, allow_nan=False), file=out)
        return
    for name, values in (("chi1", grid.chi1), ("xi_c", grid.xi_c), ("q_star", grid.q_star)):
        print(f"{name} (rows: sigma_b2; columns: sigma_w2)", file=out)
        print(f"{'':>9} " + " ".join(f"{v:>9.4g}" for v in sw), file=out)
        for b, row in zip(sb, values):
            print(f"{b:>9.4g} " + " ".join(f"{_number(v):>9}" for v in row), file=out)
    print("critical sigma_w2 per sigma_b2: " + ", ".join(f"{b:g}: {_number(s)}" for b, s in zip(sb, grid.critical)),
          file=out)


def run_phase(args: argparse.Namespace, out=None) -> int:
    out = out or sys.stdout
    act = ACTIVATIONS[args.activation]
    parameter = None
    if args.alpha is not None:
        if act.param is None:
            raise UsageError(f"--alpha: {args.activation} takes no parameter")
        parameter = float(act.param.check(args.alpha, f"{act.label} {act.param.name}"))
    if args.grid is None and (args.sigma_w2 or args.sigma_b2):
        raise UsageError("--sigma-w2 and --sigma-b2 set the axes of --grid")
    if args.point is not None:
        _print_point(args, parameter, out)
    elif args.critical is not None:
        _print_critical(args, parameter, out)
    else:
        _print_grid(args, parameter, out)
    return 0


def _attach_values(argv: list[str]) -> list[str]:
    """``--point -1,0`` as ``--point=-1,0``: argparse takes a value that starts with '-' for
    an option, and would not say that a variance cannot be negative."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1] in VALUE_OPTIONS and arg[:1] == "-" and arg[1:2] in set("0123456789."):
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python main.py phase ...``: 0, or 2 with one line on standard error for bad input."""
    try:
        args = build_parser().parse_args(_attach_values(list(sys.argv[1:] if argv is None else argv)))
        return run_phase(args)
    except (UsageError, ConfigError) as exc:
        print(f"initviz phase: error: {exc}", file=sys.stderr)
        return 2
