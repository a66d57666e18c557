"""Random ``simulate`` argument lists, valid and invalid, and what every one must give.

Each list is run in this process (``initviz.cli.main``) with an alarm for hangs; it
must end with exit 0 or 2 and no exception or warning; an exit 2 says why in one
line; every line of a successful run is JSON, no finite layer lacks a statistic, and
the statistics do not change when the histogram's range does.

``tests/reliability/test_cli_fuzz.py`` draws lists with hypothesis on every test run;
the long campaign runs from the repository root:

    python -m tests.reliability.cli_fuzz --lists 3000 --seed 1
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import signal
import sys
import time
import warnings

from initviz.cli import main
from initviz.engine import ACTIVATIONS, SCHEMES

#: Seconds one list may take before it counts as a hang.
HANG_S = 20
NUMBERS = ["0", "1", "-1", "0.5", "2", "7", "-0", "1e-300", "1e-45", "1e20", "1e100", "1e101", "1.4e154", "1e200",
           "3.4e38", "1e308", "nan", "inf", "-inf", "abc", "", "1" + "0" * 400]
CHOICES = {
    "--activation": [*ACTIVATIONS, "bogus"],
    "--init": [*SCHEMES, "bogus"],
    "--mode": ["fan_in", "fan_out", "fan_avg", "x"],
    "--distribution": ["normal", "truncated", "uniform", "x"],
    "--depth": ["1", "2", "5", "12", "0", "-3", "x", "1.5"],
    "--width": ["1", "3", "17", "64", "0", "x"],
    "--features": ["1", "5", "40", "0"],
    "--samples": ["1", "2", "50", "200", "0"],
    "--bins": ["1", "2", "30", "77", "0", "100000"],
    "--range": ["0,1", "-1,1", "-1e300,1e300", "-1e20,1e20", "5,6", "1,0", "a,b", "0,1e-320", "-1e-30,1e-30"],
    "--seed": ["0", "1", "99999", "-1", "x"],
    "--dtype": ["float32", "float64", "float16"],
    "--input": ["normal", "uniform", "x"],
}
NUMBER_FLAGS = ["--std", "--value", "--limit", "--gain", "--scale", "--alpha", "--bias-std"]
SWITCHES = ["--gradients"]
#: The range a successful run is repeated with, to see that its statistics do not move.
OTHER_RANGE = "--range=-1e6,1e6"


def random_argv(rng: random.Random) -> list[str]:
    """One argument list: a few flags, each with a value from its list or a number."""
    flags = list(CHOICES) + NUMBER_FLAGS + SWITCHES
    argv = ["simulate"]
    for flag in rng.sample(flags, rng.randint(0, 8)):
        if flag in SWITCHES:
            argv.append(flag)
        elif flag in CHOICES:
            argv.append(f"{flag}={rng.choice(CHOICES[flag])}")
        else:
            value = rng.choice(NUMBERS + [repr(rng.uniform(-5, 5)), repr(10 ** rng.uniform(-40, 300))])
            argv.append(f"{flag}={value}")
    return [*argv, "--json"]


class Hang(Exception):
    pass


def _alarm(*_args):
    raise Hang


def run(argv: list[str]) -> tuple[int | str, str, str, list[str]]:
    """(exit status or the exception's name, stdout, stderr, warnings) of one list."""
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_S)
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err):
            warnings.simplefilter("always")
            try:
                status: int | str = main(list(argv))
            except Hang:
                status = "hang"
            except BaseException as exc:  # noqa: BLE001 - the fuzz reports every kind
                status = type(exc).__name__
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return status, out.getvalue(), err.getvalue(), [str(w.message) for w in caught]


MEASURED = ("mean", "std", "min", "max")


def check(argv: list[str]) -> tuple[int | str, list[str]]:
    """The outcome of ``argv`` and what is wrong with it (empty: nothing)."""
    status, out, err, caught = run(argv)
    return status, _problems(argv, status, out, err, caught)


def _problems(argv, status, out: str, err: str, caught: list[str]) -> list[str]:
    found = []
    if status not in (0, 2):
        found.append(f"status {status}: {err.strip()[:200]}")
    if caught:
        found.append(f"warning: {caught[0][:120]}")
    if status == 2 and len(err.strip().splitlines()) != 1:
        found.append(f"exit 2 with {len(err.strip().splitlines())} lines: {err[:200]}")
    if status != 0:
        return found
    try:
        rows = [json.loads(line) for line in out.splitlines()]
    except ValueError as exc:
        return [*found, f"not JSON: {exc}"]
    layers = [r for r in rows if "summary" not in r]
    for r in layers:
        keys = MEASURED + (("pre_mean", "pre_std") if r["pass"] == "forward" else ())
        if r.get("nonfinite") == 0 and any(r.get(k) is None for k in keys):
            found.append(f"null statistic in finite {r['pass']} layer {r['layer']}")
            break
    if not any(a.startswith("--range") for a in argv) and layers:
        found += _range_moves(argv, layers)
    return found


def _range_moves(argv: list[str], layers: list[dict]) -> list[str]:
    status, out, _err, _caught = run([*argv[:-1], OTHER_RANGE, "--json"])
    if status != 0:
        return [f"the same run with {OTHER_RANGE} ended with {status}"]
    other = [json.loads(line) for line in out.splitlines() if "summary" not in line]
    for a, b in zip(layers, other):
        if a["pass"] != "forward" or a.get("nonfinite"):
            continue
        spread = max(abs(a["std"] or 0.0), 1e-300)
        tol = 1e-5 * spread + 1e-300
        if abs(a["mean"] - b["mean"]) > tol or abs(a["std"] - b["std"]) > tol:
            return [f"layer {a['layer']}: mean/std {a['mean']}/{a['std']} become {b['mean']}/{b['std']} "
                    f"with {OTHER_RANGE}"]
    return []


def campaign(lists: int, seed: int) -> dict:
    """Run ``lists`` random lists; counts by outcome and the first failing lists."""
    rng = random.Random(seed)
    counts = {"lists": 0, "ok": 0, "refused": 0, "failed": 0}
    failures = []
    start = time.perf_counter()
    for _ in range(lists):
        argv = random_argv(rng)
        status, found = check(argv)
        counts["lists"] += 1
        if found:
            counts["failed"] += 1
            if len(failures) < 20:
                failures.append({"argv": argv, "problems": found})
        else:
            counts["ok" if status == 0 else "refused"] += 1
    counts["seconds"] = round(time.perf_counter() - start, 1)
    return {"seed": seed, **counts, "failures": failures}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="the simulate command's fuzz campaign")
    parser.add_argument("--lists", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    report = campaign(args.lists, args.seed)
    for failure in report["failures"]:
        print(" ".join(failure["argv"]), "->", "; ".join(failure["problems"]))
    print(json.dumps(report if report["failures"] else {k: v for k, v in report.items() if k != "failures"}))
    sys.exit(1 if report["failed"] else 0)
