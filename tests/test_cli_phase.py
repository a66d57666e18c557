"""``python main.py phase``: the JSON contract, the text output, and bad input (one line, exit 2)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from initviz.cli import main
from initviz.engine.phase import phase_point

ROOT = Path(__file__).resolve().parent.parent
POINT_KEYS = {"activation", "sigma_w2", "sigma_b2", "q_star", "chi1", "c_star", "xi_q", "xi_c", "phase", "note"}


def run(capsys, *args):
    code = main(["phase", *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_json_line(capsys, *args):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


@pytest.mark.parametrize("activation, point, phase", [
    ("tanh", "1.76,0.05", "critical"),  # Schoenholz et al.'s landmark
    ("tanh", "1,0", "critical"),  # Xavier without biases
    ("relu", "2,0", "critical"),  # He without biases
    ("tanh", "0.8,0.2", "ordered"),
    ("tanh", "4,0.05", "chaotic"),
])
def test_point(capsys, activation, point, phase):
    data = one_json_line(capsys, "--activation", activation, "--point", point)
    assert set(data) == POINT_KEYS
    assert data["phase"] == phase
    s, b = (float(v) for v in point.split(","))
    assert (data["sigma_w2"], data["sigma_b2"]) == (s, b)
    if phase == "critical":
        assert data["chi1"] == pytest.approx(1.0, abs=1e-3)
    if phase == "chaotic":
        assert 0 < data["c_star"] < 1 and data["xi_c"] > 0
    if phase == "ordered":
        assert data["c_star"] == 1.0 and data["chi1"] < 1


def test_an_unbounded_length_is_null_with_a_note(capsys):
    data = one_json_line(capsys, "--activation", "relu", "--point", "2.5,0.1")
    assert data["q_star"] is None and data["c_star"] is None and data["xi_c"] is None
    assert data["chi1"] == pytest.approx(1.25) and data["phase"] == "chaotic"
    assert "grows without bound" in data["note"]


def test_point_text(capsys):
    code, out, _ = run(capsys, "--activation", "tanh", "--point", "4,0.05")
    assert code == 0 and "chaotic" in out.splitlines()[0] and "c*" in out


def test_critical(capsys):
    data = one_json_line(capsys, "--activation", "tanh", "--critical", "0.05")
    assert data["sigma_w2"] == pytest.approx(1.761, abs=1e-3) and data["note"] is None
    data = one_json_line(capsys, "--activation", "relu", "--critical", "0")
    assert data["sigma_w2"] == pytest.approx(2.0)
    data = one_json_line(capsys, "--activation", "relu", "--critical", "0.05")
    assert data["sigma_w2"] is None and "only sigma_b2 = 0" in data["note"]
    code, out, err = run(capsys, "--activation", "relu", "--critical", "0.05")
    assert code == 0 and len(out.splitlines()) == 1 and "no critical point" in out


def test_grid(capsys):
    data = one_json_line(capsys, "--activation", "tanh", "--grid", "4", "--sigma-w2", "0.5,3", "--sigma-b2", "0,0.2")
    assert {"activation", "sigma_w2", "sigma_b2", "chi1", "xi_c", "q_star"} <= set(data)
    np.testing.assert_allclose(data["sigma_w2"], np.linspace(0.5, 3, 4))
    np.testing.assert_allclose(data["sigma_b2"], np.linspace(0, 0.2, 4))
    for key in ("chi1", "xi_c", "q_star"):
        assert np.array(data[key], dtype=float).shape == (4, 4)  # rows: sigma_b2
    corner = phase_point("tanh", 3.0, 0.2)  # the last column of the last row
    assert data["chi1"][3][3] == pytest.approx(corner.chi1, rel=1e-4)
    assert data["q_star"][3][3] == pytest.approx(corner.q_star, rel=1e-6)
    default = one_json_line(capsys, "--activation", "relu", "--grid", "3")
    assert default["sigma_w2"] == [0.0, 2.0, 4.0] and default["sigma_b2"] == [0.0, 0.25, 0.5]
    assert default["q_star"][1][2] is None  # ReLU, sigma_w2 = 4: the length grows without bound


@pytest.mark.parametrize("args, says", [
    (["--activation", "sigmoidal", "--point", "1,0"], "invalid choice: 'sigmoidal'"),
    (["--point", "-1,0"], "sigma_w2 is a variance"),
    (["--point=1,-0.5"], "sigma_b2 is a variance"),
    (["--critical", "-0.1"], "sigma_b2 is a variance"),
    (["--grid", "3", "--sigma-b2", "-1,1"], "is a variance"),
    (["--grid", "5000"], "from 2 to 1000"),
    (["--grid", "3", "--sigma-w2", "2,1"], "LO < HI"),
    (["--point", "1"], "SIGMA_W2,SIGMA_B2"),
    (["--point", "1,nan"], "is a variance"),
    ([], "one of the arguments --point --critical --grid is required"),
    (["--point", "1,0", "--grid", "3"], "not allowed with"),
    (["--activation", "tanh", "--alpha", "0.2", "--point", "1,0"], "takes no parameter"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, says):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and says in err and err.startswith("initviz phase: error:")


def test_the_phase_command_does_not_import_qt():
    code = (
        "import sys, io, contextlib\n"
        "from initviz.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['phase', '--grid', '3', '--json']) == 0\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
