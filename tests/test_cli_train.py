"""``python main.py train``: the book's defaults, the JSON Lines contract, one-line errors, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from initviz.cli_train import build_parser, config_from_args
from initviz.engine import InitSpec, TrainingConfig, TrainingRecord, TrainingStep, train

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, check=True):
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "train", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_the_defaults_are_the_books_network_and_optimizer():
    config = config_from_args(build_parser().parse_args([]))
    assert config == TrainingConfig(activation="relu", init=InitSpec("he"), depth=4, width=100, bias_std=0.0,
                                    optimizer="sgd", lr=0.01, batch=128, iterations=2000, every=100, data="mnist")
    args = build_parser().parse_args(["--init", "normal", "--std", "0.01", "--optimizer", "adam", "--lr", "0.001",
                                      "--depth", "2", "--width", "50", "--dtype", "float64", "--seed", "3"])
    assert config_from_args(args) == TrainingConfig(init=InitSpec("normal", std=0.01), optimizer="adam", lr=0.001,
                                                    depth=2, width=50, dtype="float64", seed=3)


def test_json_lines_follow_the_contract_and_match_the_engine():
    args = ("--iterations", "23", "--every", "10", "--batch", "16", "--width", "20", "--seed", "5")
    lines = [json.loads(line) for line in cli("--json", *args).stdout.splitlines()]
    rows, summary = lines[:-1], lines[-1]["summary"]
    assert [r["iteration"] for r in rows] == list(range(1, 24))
    assert all(set(r) == {"iteration", "loss"} for r in rows if r["iteration"] not in (10, 20, 23))
    for r in rows:
        if r["iteration"] in (10, 20, 23):
            assert set(r) == {"iteration", "loss", "test_accuracy", "distinct_units"}
            assert len(r["distinct_units"]) == 4 and 0 <= r["test_accuracy"] <= 1
    assert set(summary) == {"iterations", "final_loss", "test_accuracy", "stopped", "seconds"}
    assert summary["iterations"] == 23 and summary["stopped"] is None and summary["seconds"] > 0
    assert summary["final_loss"] == pytest.approx(np.mean([r["loss"] for r in rows]))
    assert summary["test_accuracy"] == rows[-1]["test_accuracy"]
    results = list(train(TrainingConfig(iterations=23, every=10, batch=16, width=20, seed=5)))
    assert [r["loss"] for r in rows] == [r.loss for r in results if isinstance(r, TrainingStep)]
    records = [r for r in results if isinstance(r, TrainingRecord) and r.iteration]
    assert [r["distinct_units"] for r in rows if "distinct_units" in r] == [list(r.distinct_units) for r in records]


def test_a_diverging_run_says_so_and_its_loss_is_null():
    lines = [json.loads(line) for line in cli("--json", "--init", "normal", "--std", "3", "--lr", "1000",
                                              "--iterations", "100", "--width", "20").stdout.splitlines()]
    summary = lines[-1]["summary"]
    assert summary["stopped"] == "diverged" and lines[-2]["loss"] is None
    assert summary["iterations"] == len(lines) - 1


def test_the_table_shows_every_record():
    out = cli("--iterations", "20", "--every", "10", "--width", "10").stdout.splitlines()
    assert out[0].split()[:2] == ["iteration", "loss"]
    assert [line.split()[0] for line in out[1:4]] == ["0", "10", "20"]
    assert "20 iterations" in out[-1] and "finished" in out[-1]


@pytest.mark.parametrize(
    "args, words",
    [
        (("--optimizer", "rmsprop"), "--optimizer: invalid choice"),
        (("--lr", "0"), "learning rate must be"),
        (("--depth", "0"), "depth must be from 1"),
        (("--batch", "many"), "--batch: invalid int value"),
        (("--data", "/no/such/file.npz"), "cannot be read"),
        (("--data", "README.md"), "not a .npz file"),
        (("--init", "constant", "--value", "nan"), "value must be a finite number"),
        (("--width", "10000", "--depth", "100"), "parameters; at most"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, words):
    proc = cli(*args, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("initviz train: error:") and words in proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_a_users_npz_file_trains(tmp_path):
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 60)
    x = rng.standard_normal((60, 5)) + y[:, None]  # three separable clouds
    np.savez(tmp_path / "clouds.npz", x=x, y=y)
    lines = [json.loads(line) for line in cli("--json", "--data", str(tmp_path / "clouds.npz"), "--iterations", "300",
                                              "--batch", "16", "--width", "8", "--lr", "0.1").stdout.splitlines()]
    assert lines[-1]["summary"]["test_accuracy"] > 0.8


def test_train_never_imports_qt():
    code = (
        "import sys, io, contextlib\n"
        "from initviz.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['train', '--iterations', '2', '--json'])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
