"""Soak: a monkey test of the real window under Xvfb, driven from outside with xdotool.

The app (``python main.py`` with a fresh INITVIZ_SETTINGS_DIR) is started in its own
session under Xvfb with openbox, its window sized to the screen, and then for
--minutes it gets random input through the X server, the way a user's input arrives:
left clicks and drags at random points of the window below the menu bar, wheel turns
(combo boxes, spin boxes, plots), shortcuts (F5, Esc, the presets Ctrl+0..9 and
Ctrl+Shift+1..3, the views Alt+1..6, Ctrl+R, Ctrl+Shift+L/D, F11 twice), navigation
keys (Tab, arrows, PageUp/Down, Home, End, Return, space), combo changes (a click, Down
or Up, Return) and random text typed into the field under a click of the control panel
(numbers, formulas, garbage, very long strings, huge numbers, unicode). The file
dialogs' shortcuts (Ctrl+O, Ctrl+S, Ctrl+E, Ctrl+Shift+E) are pressed too, and each
dialog is closed with Escape at once; the menu bar is never clicked and Ctrl+Q is never
pressed, so the only way out is a crash.

Checked throughout:

- alive: the app's process has not exited (any exit before the soak closes it is a crash;
  the app is then restarted and the soak goes on);
- responsive: every --probe-every seconds, F11 must switch the window's
  _NET_WM_STATE_FULLSCREEN on and off again, each within PROBE_TIMEOUT_S (the GUI
  thread handles the key and asks the window manager); a probe that fails is a hang;
- memory: VmRSS of the app and of its descendants (the ``--engine-process`` child and
  the statistics helper it forks) every SAMPLE_S seconds.

Runs: the soak counts the keys that ask for a run (F5, Ctrl+R, and the presets
Ctrl+0..9, Ctrl+Shift+1..3, the last two training runs); typed values, wheel turns and clicks start more, so the
count is a lower bound. RSS is compared in one fixed state: every view and both themes
are shown once, then light theme, automatic view and the preset Ctrl+2, and the app is
left until its processes are idle; "first" is taken once 50 runs were asked for,
again every --snapshot-every minutes (steady growth is a leak, a step that stays is a
high-water mark), and "last" at the end. With --trim each figure is taken a second
time after gdb has asked glibc in each process to return its free memory
(``malloc_trim``): what is left is live memory, so a leak can be told from what the
allocator keeps after a large run. At the end the window is closed with Ctrl+Q and
every process of the app's session must be gone.

Usage: ``python benchmarks/soak.py [--minutes 10] [--seed N] [--size 1280x800] [--lang C.UTF-8]
[--trim] [--snapshot-every 2] [--probe-every 20]``.
The seed is printed first; the same seed gives the same sequence of actions (their
timing, and so what they hit, still depends on the machine). Logs (the app's stderr,
every action with its time, the memory trace, a screenshot a minute) are kept in a
printed folder. The last line of output is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

SAMPLE_S = 5.0
PROBE_TIMEOUT_S = 20.0
#: A hang still there after this long is ended with SIGABRT, so that faulthandler prints every thread's stack.
HANG_ABORT_S = 60.0
#: Runs asked for before the first memory figure (the issue's "after the first 50 runs").
WARM_RUNS = 50
#: Pixels at the top of the window never clicked: the menu bar (its Quit and dialogs).
MENU_BAR_PX = 26
#: The control panel's column of fields, in window coordinates (its width is fixed).
PANEL_FIELDS = (95, 420, 50, 480)

RUN_KEYS = ["F5", "ctrl+r"] + [f"ctrl+{d}" for d in "1234567890"] + ["ctrl+shift+1", "ctrl+shift+2", "ctrl+shift+3"]
VIEW_KEYS = [f"alt+{d}" for d in "123456"]
OTHER_KEYS = ["Escape", *VIEW_KEYS, "ctrl+shift+l", "ctrl+shift+d", "Tab", "shift+Tab",
              "Up", "Down", "Left", "Right", "Prior", "Next", "Home", "End", "Return", "space", "BackSpace"]
DIALOG_KEYS = ["ctrl+o", "ctrl+s", "ctrl+e", "ctrl+shift+e"]
FORMULAS = ["2/sqrt(100)", "1/sqrt(100)", "sqrt(2/100)", "sqrt(2)/10", "0.5*2", "2^10", "9**9**9", "1/0", "log(0)",
            "sqrt(-1)", "exp(1000)", "(1+", "pi", "e*e", "-(-(-1))", "1e-3", "((((((1))))))", "0,01", "-1, 1",
            "0, 1e300", "auto", "1,0", "-1e100, 1e100", "3 4", "nan", "inf", "-inf", "-0"]
HUGE = ["1e400", "-1e400", "1e308", "1e101", "9.99e99", "9" * 400, "-" + "9" * 400, "1" + "0" * 60]
UNICODE = ["한국어", "가중치 초기화", "１２３", "٣٫٥", "½", "µ", "𝟙𝟘", "e\u0301", "🙂", "שלום", "\u200b1", "１e３"]
# Actions and their weights (about two and a half a second): runs are asked for often enough to reach
# WARM_RUNS in about two minutes.
ACTIONS = {"click": 22, "panel_click": 10, "drag": 4, "wheel": 8, "run_key": 20, "key": 16, "type": 16,
           "combo": 5, "f11_twice": 1.5, "dialog": 1.5}


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command's name (state is [0], ppid [1], session [3])."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def _all_pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (children, grandchildren, ...), zombies left out."""
    children: dict[int, list[int]] = {}
    for p in _all_pids():
        st = _stat(p)
        if st and st[0] != "Z":
            children.setdefault(int(st[1]), []).append(p)
    found, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            found.append(c)
            todo.append(c)
    return found


def session_members(sid: int) -> list[int]:
    """Processes (zombies included) whose session is ``sid``."""
    return [p for p in _all_pids() if (st := _stat(p)) and int(st[3]) == sid]


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_s(pids: list[int]) -> float:
    """User plus system CPU seconds of ``pids`` (utime, stime)."""
    ticks = 0
    for p in pids:
        st = _stat(p)
        if st:
            ticks += int(st[11]) + int(st[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def malloc_trim(pid: int) -> bool:
    """Ask glibc in ``pid`` to give its free memory back (gdb attaches and calls malloc_trim(0)): what
    remains is live memory, so a leak can be told from memory the allocator keeps after a large run."""
    try:
        done = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "call (int)malloc_trim(0)"],
                              capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and "$1 = " in done.stdout


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "?"


class Display:
    """Xvfb (its display number chosen by the server) with openbox, stopped on exit."""

    def __init__(self, size: str) -> None:
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten",
                                      "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(write)
        with os.fdopen(read) as fh:
            number = fh.readline().strip()
        if not number:
            raise SystemExit("soak: Xvfb did not start (is it installed?)")
        self.env = dict(os.environ, DISPLAY=f":{number}")
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.wm = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(1.0)

    def xdo(self, *args: str, timeout: float = 30.0) -> str:
        """Run xdotool; its stdout ('' when it fails, as for a window that has gone)."""
        try:
            done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    def screenshot(self, path: Path) -> None:
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, capture_output=True, timeout=30)

    def close(self) -> None:
        for p in (self.wm, self.xvfb):
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


class App:
    """One start of ``python main.py`` in its own session, its window found and sized to the screen."""

    def __init__(self, display: Display, settings: Path, logs: Path, number: int, lang: str | None) -> None:
        self.display = display
        env = dict(display.env, INITVIZ_SETTINGS_DIR=str(settings), PYTHONFAULTHANDLER="1")
        if lang:
            env.update(LANG=lang, LC_ALL=lang)
        self.stderr_path = logs / f"app{number}.stderr"
        self.proc = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                     stdout=open(logs / f"app{number}.stdout", "wb"),
                                     stderr=open(self.stderr_path, "wb"), start_new_session=True)
        self.pid = self.proc.pid
        self.seen: set[int] = set()
        self.wid = ""
        deadline = time.monotonic() + 60
        while not self.wid and time.monotonic() < deadline and self.proc.poll() is None:
            time.sleep(0.5)
            for w in display.xdo("search", "--onlyvisible", "--pid", str(self.pid)).split():
                if display.xdo("getwindowname", w).startswith("initviz"):
                    self.wid = w
        if not self.wid:
            raise SystemExit(f"soak: the window did not appear within 60 s; see {self.stderr_path}")
        display.xdo("windowsize", self.wid, "100%", "100%", "windowmove", self.wid, "0", "0")
        time.sleep(2.0)

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def tree(self) -> list[int]:
        kids = descendants(self.pid)
        self.seen.update(kids)
        return kids

    def rss(self) -> tuple[float, float]:
        """(the app's RSS, its descendants' RSS), in MB."""
        return rss_mb(self.pid), sum(rss_mb(p) for p in self.tree())

    def geometry(self) -> tuple[int, int]:
        fields = dict(line.split("=", 1) for line in self.display.xdo("getwindowgeometry", "--shell",
                                                                      self.wid).splitlines() if "=" in line)
        return int(fields.get("WIDTH", 800)), int(fields.get("HEIGHT", 600))

    def fullscreen(self) -> bool | None:
        done = subprocess.run(["xprop", "-id", self.wid, "_NET_WM_STATE"], env=self.display.env,
                              capture_output=True, text=True, timeout=30)
        return None if done.returncode else "FULLSCREEN" in done.stdout

    def wait_idle(self, limit_s: float = 90.0, share: float = 0.05) -> float:
        """Wait until the app and its children use under ``share`` of a core over a second; the seconds waited."""
        start = time.monotonic()
        time.sleep(2.0)
        while time.monotonic() - start < limit_s:
            pids = [self.pid, *self.tree()]
            before = cpu_s(pids)
            time.sleep(1.0)
            if cpu_s(pids) - before < share:
                break
        return time.monotonic() - start


class Soak:
    def __init__(self, args, display: Display, logs: Path) -> None:
        self.args = args
        self.rng = np.random.default_rng(args.seed)
        self.display = display
        self.logs = logs
        self.settings = Path(tempfile.mkdtemp(prefix="initviz-soak-settings-"))
        self.action_log = open(logs / "actions.log", "w", encoding="utf-8")
        self.trace = open(logs / "rss.csv", "w", encoding="ascii")
        self.trace.write("seconds,app_mb,children_mb,children\n")
        self.t0 = time.monotonic()
        self.starts = 0
        self.app = self._start()
        self.actions = self.runs = self.runs_this_start = self.dialogs = self.stuck = 0
        self.crashes: list[dict] = []
        self.hangs: list[dict] = []
        self.probe_s: list[float] = []
        self.rss_max = 0.0
        self.first: tuple[float, float] | None = None
        self.first_at: float | None = None
        #: (seconds, app MB, children MB) of every fixed-state figure of the current start, and with --trim
        #: the same after malloc_trim.
        self.fixed: list[tuple[float, float, float]] = []
        self.trimmed: list[tuple[float, float, float]] = []
        self.last: tuple[float, float] | None = None
        self.engine_pids: set[int] = set()
        self.recent: list[str] = []
        self.left_after_crashes: list[str] = []

    def _start(self) -> App:
        self.starts += 1
        return App(self.display, self.settings, self.logs, self.starts, self.args.lang)

    def now(self) -> float:
        return time.monotonic() - self.t0

    def log(self, text: str) -> None:
        line = f"{self.now():8.2f} {text}"
        self.action_log.write(line + "\n")
        self.action_log.flush()
        self.recent = (self.recent + [line])[-30:]

    # -- input ------------------------------------------------------------------------
    def key(self, name: str) -> None:
        self.display.xdo("key", name)

    def point(self, panel: bool = False) -> tuple[int, int]:
        if panel:
            x0, x1, y0, y1 = PANEL_FIELDS
            return int(self.rng.integers(x0, x1)), int(self.rng.integers(y0, y1))
        w, h = self.app.geometry()
        return int(self.rng.integers(0, w)), int(self.rng.integers(MENU_BAR_PX, h))

    def move(self, x: int, y: int) -> None:
        self.display.xdo("mousemove", "--window", self.app.wid, str(x), str(y))

    def click(self, x: int, y: int, button: str = "1") -> None:
        self.move(x, y)
        self.display.xdo("click", button)

    def text(self) -> str:
        kind = self.rng.choice(["int", "float", "formula", "garbage", "long", "huge", "unicode", "empty"],
                               p=[0.2, 0.15, 0.2, 0.12, 0.06, 0.12, 0.1, 0.05])
        if kind == "int":  # sizes up to a few thousand: a shared machine must not be swamped
            return str(int(np.exp(self.rng.uniform(0, np.log(3000)))) - 1)
        if kind == "float":
            return f"{self.rng.normal() * 10.0 ** self.rng.integers(-6, 4):.6g}"
        if kind == "formula":
            return str(self.rng.choice(FORMULAS))
        if kind == "huge":
            return str(self.rng.choice(HUGE))
        if kind == "unicode":
            return str(self.rng.choice(UNICODE))
        if kind == "empty":
            return ""
        n = int(self.rng.integers(1, 20)) if kind == "garbage" else int(self.rng.integers(200, 1000))
        return "".join(chr(c) for c in self.rng.integers(33, 127, n))

    def act(self) -> None:
        names = list(ACTIONS)
        weights = np.array(list(ACTIONS.values()), dtype=float)
        kind = str(self.rng.choice(names, p=weights / weights.sum()))
        if kind in ("click", "panel_click"):
            x, y = self.point(kind == "panel_click")
            self.log(f"click {x} {y}")
            self.click(x, y)
        elif kind == "drag":
            (x, y), (x2, y2) = self.point(), self.point()
            self.log(f"drag {x} {y} -> {x2} {y2}")
            self.move(x, y)
            self.display.xdo("mousedown", "1")
            self.move((x + x2) // 2, (y + y2) // 2)
            self.move(x2, y2)
            self.display.xdo("mouseup", "1")
        elif kind == "wheel":
            x, y = self.point(self.rng.random() < 0.5)
            button, turns = str(self.rng.choice(["4", "5"])), int(self.rng.integers(1, 6))
            self.log(f"wheel {button} x{turns} at {x} {y}")
            self.move(x, y)
            self.display.xdo("click", "--repeat", str(turns), "--delay", "30", button)
        elif kind == "run_key":
            name = str(self.rng.choice(RUN_KEYS))
            self.log(f"key {name}")
            self.key(name)
            self.runs += 1
            self.runs_this_start += 1
        elif kind == "key":
            name = str(self.rng.choice(OTHER_KEYS))
            self.log(f"key {name}")
            self.key(name)
        elif kind == "type":
            x, y = self.point(panel=True)
            text, end = self.text(), str(self.rng.choice(["Return", "Tab", "none"]))
            self.log(f"type at {x} {y} then {end}: {text[:80]!r}{'...' if len(text) > 80 else ''} ({len(text)} chars)")
            self.click(x, y)
            self.key("ctrl+a")
            if text:
                self.display.xdo("type", "--delay", "1" if len(text) > 50 else "8", "--", text, timeout=120)
            else:
                self.key("BackSpace")
            if end != "none":
                self.key(end)
        elif kind == "combo":
            x, y = self.point(panel=self.rng.random() < 0.8)
            steps, arrow = int(self.rng.integers(1, 6)), str(self.rng.choice(["Down", "Up"]))
            self.log(f"combo at {x} {y}: {arrow} x{steps}, Return")
            self.click(x, y)
            time.sleep(0.2)
            self.display.xdo("key", "--repeat", str(steps), "--delay", "40", arrow)
            self.key("Return")
        elif kind == "f11_twice":
            self.log("key F11 twice")
            self.key("F11")
            time.sleep(float(self.rng.uniform(0.3, 1.5)))
            self.key("F11")
        else:
            self.open_and_close_dialog(str(self.rng.choice(DIALOG_KEYS)))
        self.actions += 1

    def open_and_close_dialog(self, name: str) -> None:
        self.log(f"key {name} (a dialog), then Escape")
        self.key(name)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and self.display.xdo("getactivewindow") == self.app.wid:
            time.sleep(0.2)
        if self.display.xdo("getactivewindow") != self.app.wid:
            self.dialogs += 1
        self.ensure_main()

    def ensure_main(self) -> None:
        """Close whatever window of the app is in front of the main one (Escape, three tries)."""
        for _ in range(3):
            active = self.display.xdo("getactivewindow")
            if active == self.app.wid or not self.app.alive:
                return
            if active and self.display.xdo("getwindowpid", active) == str(self.app.pid):
                self.log(f"escape from window {self.display.xdo('getwindowname', active)!r}")
                self.key("Escape")
                time.sleep(0.5)
            else:
                self.display.xdo("windowactivate", self.app.wid)
                time.sleep(0.3)
        if self.display.xdo("getactivewindow") != self.app.wid:
            self.stuck += 1
            self.log("a window of the app stays in front after three Escapes")

    # -- checks -----------------------------------------------------------------------
    def sample(self) -> None:
        app_mb, kids_mb = self.app.rss()
        kids = self.app.tree()
        # The statistics helper is forked from the engine process, so it shares its command line.
        self.engine_pids.update(p for p in kids if _stat(p) and int(_stat(p)[1]) == self.app.pid
                                and "--engine-process" in cmdline(p))
        self.rss_max = max(self.rss_max, app_mb + kids_mb)
        self.trace.write(f"{self.now():.1f},{app_mb:.1f},{kids_mb:.1f},{len(kids)}\n")
        self.trace.flush()

    def probe(self) -> bool:
        """F11 twice: the fullscreen state must flip and flip back; False after PROBE_TIMEOUT_S."""
        self.ensure_main()
        self.key("Escape")  # an open combo box or menu would take the key
        for _ in range(2):
            before = self.app.fullscreen()
            start = time.monotonic()
            self.key("F11")
            while self.app.fullscreen() == before:
                if time.monotonic() - start > PROBE_TIMEOUT_S or not self.app.alive:
                    return False
                time.sleep(0.05)
            self.probe_s.append(time.monotonic() - start)
        return True

    def crashed(self) -> None:
        code = self.app.proc.returncode
        what = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit {code}"
        tail = self.app.stderr_path.read_text(errors="replace").splitlines()[-40:]
        self.crashes.append({"at_s": round(self.now(), 1), "what": what, "stderr_tail": tail,
                             "last_actions": self.recent[-15:]})
        print(f"[{self.now():6.0f} s] CRASH: {what}; restarting", flush=True)
        self.log(f"CRASH {what}")
        self.restart()

    def hung(self) -> None:
        shot = self.logs / f"hang{len(self.hangs) + 1}.png"
        self.display.screenshot(shot)
        start = time.monotonic()
        while time.monotonic() - start < HANG_ABORT_S:
            if self.app.alive and self.probe():
                self.hangs.append({"at_s": round(self.now(), 1), "recovered_after_s": round(time.monotonic() - start),
                                   "screenshot": str(shot), "last_actions": self.recent[-15:]})
                return
            time.sleep(2)
        self.log("HANG: SIGABRT for faulthandler's stacks")
        if self.app.alive:
            self.app.proc.send_signal(signal.SIGABRT)
            self.app.proc.wait(30)
        tail = self.app.stderr_path.read_text(errors="replace").splitlines()[-80:]
        self.hangs.append({"at_s": round(self.now(), 1), "recovered_after_s": None, "screenshot": str(shot),
                           "stacks": tail, "last_actions": self.recent[-15:]})
        print(f"[{self.now():6.0f} s] HANG: stopped with SIGABRT; restarting", flush=True)
        self.restart()

    def restart(self) -> None:
        # A crashed app's engine process must end too (its pipe closes); one that stays is counted.
        self.left_after_crashes += self.leftovers(self.app)
        self.app = self._start()
        self.runs_this_start = 0
        self.first = self.first_at = None
        self.fixed, self.trimmed = [], []

    def snapshot(self) -> tuple[float, float]:
        """RSS (app, children) in the fixed state: every view and theme once, then light, automatic, preset 2."""
        self.ensure_main()
        self.key("Escape")
        for name in ("ctrl+shift+d", *VIEW_KEYS[1:], "ctrl+shift+l", "alt+1", "ctrl+2"):
            self.key(name)
            time.sleep(1.0)
        self.app.wait_idle()
        samples = []
        for _ in range(3):
            samples.append(self.app.rss())
            time.sleep(0.5)
        app_mb = statistics.median(s[0] for s in samples)
        kids_mb = statistics.median(s[1] for s in samples)
        self.log(f"snapshot: app {app_mb:.1f} MB, children {kids_mb:.1f} MB")
        self.fixed.append((round(self.now(), 1), round(app_mb, 1), round(kids_mb, 1)))
        if self.args.trim:
            for pid in [self.app.pid, *self.app.tree()]:
                malloc_trim(pid)
            time.sleep(0.5)
            trimmed = self.app.rss()
            self.trimmed.append((round(self.now(), 1), round(trimmed[0], 1), round(trimmed[1], 1)))
            self.log(f"after malloc_trim: app {trimmed[0]:.1f} MB, children {trimmed[1]:.1f} MB")
        return app_mb, kids_mb

    def trim_figures(self) -> dict:
        """With --trim: the live memory (after malloc_trim) at the first and last figures, and its growth."""
        if not self.args.trim or len(self.trimmed) < 2 or self.first is None:
            return {}
        first, last = sum(self.trimmed[0][1:]), sum(self.trimmed[-1][1:])
        return {"rss_trimmed": self.trimmed, "trimmed_first_mb": round(first, 1), "trimmed_last_mb": round(last, 1),
                "trimmed_growth": round(last / first - 1, 4)}

    def leftovers(self, app: App) -> list[str]:
        """Processes of ``app``'s session (or ever seen below it) still there 3 s after it ended; killed."""
        time.sleep(3.0)
        left = set(session_members(app.pid)) | {p for p in app.seen if _stat(p) is not None}
        left.discard(app.pid)
        found = [f"{p} {cmdline(p)}" for p in sorted(left)]
        for p in left:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        return found

    # -- the soak ---------------------------------------------------------------------
    def run(self) -> dict:
        deadline = self.args.minutes * 60
        next_sample, next_probe, next_report, next_fixed = 0.0, self.args.probe_every, 60.0, float("inf")
        while self.now() < deadline:
            if not self.app.alive:
                self.crashed()
                continue
            self.act()
            self.ensure_main()
            if self.now() >= next_sample:
                self.sample()
                next_sample = self.now() + SAMPLE_S
            if self.now() >= next_probe:
                if not self.probe():
                    self.hung() if self.app.alive else self.crashed()
                next_probe = self.now() + self.args.probe_every
            if self.first is None and self.runs_this_start >= WARM_RUNS and self.app.alive:
                self.first, self.first_at = self.snapshot(), self.now()
                next_fixed = self.now() + self.args.snapshot_every * 60
                print(f"[{self.now():6.0f} s] first memory figure after {self.runs_this_start} runs asked for: "
                      f"app {self.first[0]:.1f} MB + children {self.first[1]:.1f} MB", flush=True)
            elif self.first is not None and self.now() >= next_fixed and self.now() < deadline - 60:
                app_mb, kids_mb = self.snapshot()
                next_fixed = self.now() + self.args.snapshot_every * 60
                print(f"[{self.now():6.0f} s] fixed-state memory: app {app_mb:.1f} MB + children {kids_mb:.1f} MB",
                      flush=True)
            if self.now() >= next_report:
                app_mb, kids_mb = self.app.rss()
                print(f"[{self.now():6.0f} s] actions {self.actions}, runs asked {self.runs}, crashes "
                      f"{len(self.crashes)}, hangs {len(self.hangs)}, RSS app {app_mb:.0f} MB + children "
                      f"{kids_mb:.0f} MB", flush=True)
                self.display.screenshot(self.logs / f"minute{int(next_report // 60):02d}.png")
                next_report += 60.0
            time.sleep(float(self.rng.uniform(0.05, 0.4)))
        minutes = self.now() / 60
        if not self.app.alive:
            self.crashed()
        self.last = self.snapshot()
        return self.finish(minutes)

    def finish(self, minutes: float) -> dict:
        self.ensure_main()
        self.log("close: ctrl+q")
        self.key("ctrl+q")
        try:
            code = self.app.proc.wait(60)
        except subprocess.TimeoutExpired:
            code = None
            self.app.proc.kill()
            self.app.proc.wait()
        left = self.leftovers(self.app)
        text = "\n".join(p.read_text(errors="replace") for p in sorted(self.logs.glob("app*.stderr")))
        lines = text.splitlines()
        exceptions = [next((x for x in lines[i + 1:] if x and not x.startswith(" ")), "?")
                      for i, line in enumerate(lines) if "Traceback" in line][:50]
        first_total = sum(self.first) if self.first else None
        last_total = sum(self.last)
        return {
            "seed": self.args.seed, "minutes": round(minutes, 2), "actions": self.actions, "runs_asked": self.runs,
            "starts": self.starts, "crashes": len(self.crashes), "hangs": len(self.hangs),
            "leftover_processes": len(left), "left_after_crashes": len(self.left_after_crashes),
            "closed_cleanly": code == 0,
            "rss_first_mb": round(first_total, 1) if first_total else None,
            "rss_first_at_s": round(self.first_at, 1) if self.first_at else None,
            "rss_last_mb": round(last_total, 1),
            "rss_growth": round(last_total / first_total - 1, 4) if first_total else None,
            "app_rss_first_mb": round(self.first[0], 1) if self.first else None,
            "app_rss_last_mb": round(self.last[0], 1),
            "rss_fixed": self.fixed, "rss_max_mb": round(self.rss_max, 1),
            **self.trim_figures(), "engine_processes": len(self.engine_pids),
            "probes": len(self.probe_s) // 2,
            "probe_max_s": round(max(self.probe_s), 2) if self.probe_s else None,
            "dialogs_closed": self.dialogs, "windows_stuck": self.stuck,
            "traceback_lines": [line for line in lines if "Traceback" in line], "exceptions": exceptions,
            "stderr_lines": len(lines), "crash_details": self.crashes, "hang_details": self.hangs,
            "leftover_details": left + self.left_after_crashes, "logs": str(self.logs),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=None, help="default: a random seed, printed")
    parser.add_argument("--size", default="1280x800", help="the screen, WIDTHxHEIGHT")
    parser.add_argument("--lang", default=None, help="LANG and LC_ALL for the app, e.g. ko_KR.UTF-8")
    parser.add_argument("--probe-every", type=float, default=20.0, help="seconds between responsiveness probes")
    parser.add_argument("--trim", action="store_true",
                        help="after each fixed-state figure, malloc_trim the app and its children with gdb and "
                             "measure again (live memory)")
    parser.add_argument("--snapshot-every", type=float, default=2.0,
                        help="minutes between fixed-state memory figures after the first")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), "little")
    logs = Path(tempfile.mkdtemp(prefix="initviz-soak-"))
    print(f"soak: seed {args.seed}, {args.minutes:g} minutes, logs in {logs}", flush=True)
    print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
    display = Display(args.size)
    try:
        report = Soak(args, display, logs).run()
    finally:
        display.close()
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    for key in ("crash_details", "hang_details"):
        for item in report[key]:
            print(json.dumps(item, ensure_ascii=False, indent=1))
    print(json.dumps(report, ensure_ascii=False))
    return 0 if report["crashes"] == 0 and report["hangs"] == 0 and report["leftover_processes"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
