"""The headless command line: ``python main.py simulate`` (a stable JSON Lines contract)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"pass", "layer", "mean", "std", "min", "max", "edges", "counts", "underflow", "overflow", "saturated",
        "dead", "nonfinite", "distinct_units", "predicted_std", "seconds"}


def cli(*args, check=True):
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "simulate", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_defaults_are_the_books_experiment():
    lines = [json.loads(line) for line in cli("--json").stdout.splitlines()]
    layers, summary = lines[:-1], lines[-1]["summary"]
    assert summary["layers"] == 5 and summary["stopped"] is None and summary["seconds"] > 0
    assert [r["layer"] for r in layers] == [1, 2, 3, 4, 5]
    for r in layers:
        assert KEYS <= set(r)
        assert r["pass"] == "forward"
        assert len(r["counts"]) == 30 and len(r["edges"]) == 31
        assert r["edges"][0] == 0.0 and r["edges"][-1] == 1.0  # sigmoid's natural range
        assert sum(r["counts"]) + r["underflow"] + r["overflow"] == 1000 * 100
        assert r["predicted_std"] is not None and abs(r["std"] - r["predicted_std"]) < 0.05


def test_gradients_add_a_backward_pass_from_the_top():
    lines = [json.loads(line) for line in cli("--json", "--gradients", "--depth", "3", "--activation", "relu",
                                              "--init", "he", "--width", "40", "--samples", "64").stdout.splitlines()]
    passes = [(r["pass"], r["layer"]) for r in lines[:-1]]
    assert passes == [("forward", 1), ("forward", 2), ("forward", 3), ("backward", 3), ("backward", 2),
                      ("backward", 1)]
    assert lines[-1]["summary"]["layers"] == 6


def test_json_matches_the_engine():
    from initviz.engine import SimulationConfig, simulate

    out = [json.loads(line) for line in cli("--json", "--activation", "tanh", "--init", "glorot_uniform",
                                            "--depth", "2", "--width", "30", "--seed", "7").stdout.splitlines()]
    results = list(simulate(SimulationConfig(activation="tanh", init="glorot_uniform", depth=2, width=30, seed=7)))
    for line, r in zip(out[:-1], results[:-1], strict=True):
        assert line["counts"] == list(map(int, r.activations.counts))
        assert line["std"] == pytest.approx(r.std)


def test_diverging_run_reports_it():
    lines = [json.loads(line) for line in cli("--json", "--activation", "linear", "--std", "10", "--depth",
                                              "100").stdout.splitlines()]
    assert lines[-1]["summary"]["stopped"] == "diverged"
    assert lines[-2]["nonfinite"] > 0


def test_readable_table_without_json():
    out = cli("--depth", "2").stdout
    assert "layer" in out and "saturated" in out and "finished" in out
    assert len(out.splitlines()) == 4


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--depth", "0"], "depth must be from 1"),
        (["--depth", "abc"], "--depth"),
        (["--activation", "nope"], "--activation"),
        (["--init", "nope"], "--init"),
        (["--std", "-2"], "std must be 0 or more"),
        (["--dtype", "float16"], "--dtype"),
        (["--range", "1"], "--range"),
        (["--bogus"], "unrecognized arguments"),
        (["--samples", "10000000", "--width", "100000"], "GiB"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, fragment):
    proc = cli(*args, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert fragment in lines[0]
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_float64_and_uniform_input():
    lines = [json.loads(line) for line in cli("--json", "--dtype", "float64", "--input", "uniform", "--depth", "1",
                                              "--activation", "linear", "--init", "lecun_normal").stdout.splitlines()]
    # U(-1, 1) inputs have variance 1/3: a LeCun-normal linear layer keeps it
    assert lines[0]["std"] == pytest.approx(np.sqrt(1 / 3), rel=0.03)
