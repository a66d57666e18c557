"""A full disk loses nothing: every write fails whole, leaves the old file as it was and
no partial file, and says so in one line (exit 1 on the command line).

The disk is a 64 KiB tmpfs when the tests run as root (CI), else a read-only folder
(the write then fails when the temporary file is made, the same path to the same end).
"""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OLD = b"the user's previous file\n"


@pytest.fixture
def full(tmp_path):
    """A folder where nothing more fits (or nothing can be written), holding old files."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = False
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                                 capture_output=True).returncode == 0
        if not mounted:  # root writes into read-only folders: no full disk to be had here
            pytest.skip("root without permission to mount a tmpfs")
    try:
        for name in ("view.png", "view.svg", "numbers.csv", "config.json"):
            (folder / name).write_bytes(OLD)
        if mounted:
            room = os.statvfs(folder)
            with open(folder / "filler", "wb") as f:  # all but 12 KiB: a small file fits, a figure does not
                f.write(b"\0" * (room.f_bavail * room.f_frsize - 12 * 1024))
        else:
            folder.chmod(0o555)
        yield folder, mounted
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def fill(folder: Path) -> None:
    """Take what room is left (a configuration is small enough for the last 12 KiB)."""
    room = os.statvfs(folder)
    try:
        with open(folder / "last-filler", "wb") as f:
            f.write(b"\0" * (room.f_bavail * room.f_frsize))
    except OSError:  # full already, or not writable at all
        pass


def left_over(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_exports_fail_whole_and_keep_the_old_files(qtbot, full):
    from initviz.presets import PRESETS_BY_KEY
    from initviz.ui import export
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    folder, _ = full
    window = MainWindow(Settings(folder.parent / "settings"))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.run_finished, timeout=120_000):
        window.load_preset(PRESETS_BY_KEY["cs231n_tanh_xavier"])
    attempts = {
        "view.png": lambda p: export.export_png(window.area.current, p),
        "view.svg": lambda p: export.export_svg(window.area.current, p),
        "numbers.csv": lambda p: export.export_csv(window.runs * 200, p),
        "config.json": lambda p: fill(folder) or export.export_json(window.runs[0].config, p),
    }
    for name, attempt in attempts.items():
        try:
            attempt(folder / name)
        except OSError as exc:
            assert "\n" not in str(exc) and str(folder / name) in str(exc), name
        else:
            pytest.fail(f"{name} was written to a full disk")
        assert (folder / name).read_bytes() == OLD, f"{name} was changed"
    assert not left_over(folder)
    window.close()


def test_render_to_a_full_disk_exits_1_with_one_line_and_no_file(full):
    folder, mounted = full
    out = folder / "figure.png"
    proc = subprocess.run([sys.executable, "main.py", "render", "--preset", "sigmoid_std1", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0], lines
    assert not out.exists() and not left_over(folder)
    if mounted:  # a figure small enough still fits, whole
        small = folder / "small.png"
        ok = subprocess.run([sys.executable, "main.py", "render", "--preset", "sigmoid_std1", "--out", str(small),
                             "--size", "100x100"], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert ok.returncode == 0, ok.stderr
        assert small.read_bytes().endswith(b"IEND\xaeB`\x82")


def test_settings_that_do_not_fit_keep_the_old_file(full):
    from initviz.ui.settings import Settings

    folder, mounted = full
    if not mounted:
        pytest.skip("needs a full disk (root, tmpfs): a read-only folder is refused before saving")
    settings = Settings(folder)
    assert settings.save({"view/theme": "dark"})  # fits: a small file
    saved = (folder / "initviz.ini").read_bytes()
    assert not settings.save({"big": "x" * 100_000})  # does not fit
    assert (folder / "initviz.ini").read_bytes() == saved


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["simulate", "--json"], ["render", "--list"], ["--self-test"]])
def test_output_to_dev_full_ends_in_one_line_and_exit_1(args):
    with open("/dev/full", "w") as sink:
        proc = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, stdout=sink, stderr=subprocess.PIPE,
                              text=True, timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write the output" in lines[0], lines
