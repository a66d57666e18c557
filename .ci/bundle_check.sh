#!/usr/bin/env bash
# CI: build the PyInstaller bundle and check it as a lecturer would use it.
#
#   .ci/bundle_check.sh        (from anywhere; needs .venv, made by the README's test command)
#
# Builds dist/initviz/ with packaging/initviz.spec (docs/bundle.md), then checks: its size
# (at most 150 MB, `du -sm`) and contents (the training data too); the bundled `--self-test`, `render`,
# `simulate --json` and `train --json` offscreen (one run large enough for the engine's forked statistics
# helper, equal to the source tree's); start-up against `python main.py --self-test`
# (interleaved runs, medians; printed, at most 1.2x); a run from a read-only copy; a missing
# settings folder (created) and an unwritable one (runs, says settings will not be saved);
# no display at all (non-zero exit, one sentence, no traceback). Prints the size and the
# start-up ratio. Fails on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MAX_MB=${INITVIZ_BUNDLE_MAX_MB:-150}
MAX_STARTUP_RATIO=${INITVIZ_STARTUP_MAX_RATIO:-1.2}
PY=${INITVIZ_PYTHON:-.venv/bin/python}  # CI: the venv the README's test command made
start=$(date +%s)

fail() { echo "bundle_check: FAIL: $*" >&2; exit 1; }
step() { echo "bundle_check: $*"; }

[ -x "$PY" ] || fail "no $PY: run the README's test command first (or set INITVIZ_PYTHON)"
tmp=$(mktemp -d /tmp/initviz-bundle-check.XXXXXX)
chmod 755 "$tmp"
cleanup() { chmod -R u+w "$tmp" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

# --- build ------------------------------------------------------------------------
# The range docs/bundle.md gives (the spec uses only PyInstaller 6's documented spec API).
"$PY" -m pip install -q "pyinstaller>=6.22,<7"
step "building dist/initviz with packaging/initviz.spec ($("$PY" -m PyInstaller --version))"
build_start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN packaging/initviz.spec > "$tmp/build.log" 2>&1 \
  || { tail -40 "$tmp/build.log"; fail "pyinstaller packaging/initviz.spec failed"; }
APP="$ROOT/dist/initviz/initviz"
[ -x "$APP" ] || fail "no executable at dist/initviz/initviz"
step "built in $(( $(date +%s) - build_start )) s"

# --- contents and size -------------------------------------------------------------
size_mb=$(du -sm dist/initviz | cut -f1)
step "size of dist/initviz: ${size_mb} MB (du -sm; target <= ${MAX_MB})"
size_failure=""  # reported at the end, so the functional checks still run
[ "$size_mb" -le "$MAX_MB" ] || size_failure="dist/initviz is ${size_mb} MB, over ${MAX_MB} MB"
internal=dist/initviz/_internal
for f in resources/icon.svg resources/icon-256.png resources/initviz.desktop resources/data/mnist_5k.npz \
  resources/data/NOTICE resources/translations/initviz_ko.qm resources/fonts/NotoSansKR-initviz-Regular.otf \
  resources/fonts/NotoSansKR-initviz-Bold.otf resources/fonts/OFL.txt LICENSE; do
  [ -f "$internal/$f" ] || fail "the bundle lacks $f"
done
unwanted=$(find dist/initviz -path '*/tests/*' -o -name 'test_*.py' -o -name 'conftest.py' -o -name 'tkinter' \
  -o -name '_tkinter*' -o -name 'libQt6Network*' -o -name 'libQt6Test*' -o -name 'QtNetwork.*' -o -name 'QtTest.*' \
  -o -name 'QtOpenGL.*' -o -name 'QtDBus.*' -o -path '*/translations/qt_*' -o -path '*/platformthemes/*' \
  -o -name 'libgtk-3*' -o -path '*/resources/screenshots/*')
[ -z "$unwanted" ] || fail "the bundle holds test code, tkinter, Qt it does not use or README files: $unwanted"
dangling=$(find dist/initviz -xtype l)
[ -z "$dangling" ] || fail "the bundle holds links to files it left out: $dangling"

# --- the three commands, offscreen -------------------------------------------------
step "bundled --self-test (offscreen)"
QT_QPA_PLATFORM=offscreen "$APP" --self-test > "$tmp/self.out" 2> "$tmp/self.err" \
  || { cat "$tmp/self.out" "$tmp/self.err"; fail "bundled --self-test exited non-zero"; }
"$PY" - "$tmp/self.out" <<'EOF' || { cat "$tmp/self.out" "$tmp/self.err"; fail "bundled --self-test printed no JSON line"; }
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l.strip()]
print("  self-test:", json.dumps(json.loads(lines[-1])))
EOF
step "bundled --self-test --lang ko (offscreen): the Korean translation and Qt's own"
QT_QPA_PLATFORM=offscreen "$APP" --self-test --lang ko > "$tmp/self_ko.out" 2> "$tmp/self_ko.err" \
  || { cat "$tmp/self_ko.out" "$tmp/self_ko.err"; fail "bundled --self-test --lang ko exited non-zero"; }
"$PY" - "$tmp/self_ko.out" <<'EOF' || { cat "$tmp/self_ko.err"; fail "bundled --self-test --lang ko: not in Korean"; }
import json, sys
report = json.loads([l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l.strip()][-1])
assert report["self_test"] == "ok" and report["language"] == "ko", report
assert report["translations"] == ["initviz", "qtbase"], report["translations"]
print("  self-test --lang ko:", report["language"], report["translations"])
EOF

step "bundled render --preset sigmoid_std1 --out $tmp/x.png (offscreen)"
QT_QPA_PLATFORM=offscreen "$APP" render --preset sigmoid_std1 --out "$tmp/x.png" > "$tmp/render.out" 2>&1 \
  || { cat "$tmp/render.out"; fail "bundled render exited non-zero"; }
"$PY" - "$tmp/x.png" <<'EOF' || fail "render wrote no usable PNG"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width >= 300 and height >= 150 and len(data) > 5000, (width, height, len(data))
print(f"  render: {width}x{height} PNG, {len(data)} bytes")
EOF
# The other views use other pyqtgraph items: all must import and draw from the bundle.
for view in deep symmetry; do
  QT_QPA_PLATFORM=offscreen "$APP" render --preset equal_weights --view "$view" --out "$tmp/$view.png" \
    > "$tmp/render-$view.out" 2>&1 || { cat "$tmp/render-$view.out"; fail "bundled render --view $view failed"; }
  [ "$(stat -c %s "$tmp/$view.png")" -gt 5000 ] || fail "bundled render --view $view wrote no figure"
done
QT_QPA_PLATFORM=offscreen "$APP" render --list > "$tmp/list.out" 2>&1 || fail "bundled render --list failed"
grep -qx "sigmoid_std1" "$tmp/list.out" || fail "render --list does not name sigmoid_std1"

step "bundled simulate --json"
"$APP" simulate --json > "$tmp/sim.out" || fail "bundled simulate --json exited non-zero"
"$PY" - "$tmp/sim.out" <<'EOF' || fail "bundled simulate --json output is wrong"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
summary = rows[-1]["summary"]
layers = [r for r in rows[:-1] if r["pass"] == "forward"]
assert summary["layers"] == 5 and summary["stopped"] is None, summary
assert [r["layer"] for r in layers] == [1, 2, 3, 4, 5]
assert all(sum(r["counts"]) + r["underflow"] + r["overflow"] == 100000 for r in layers)
print(f"  simulate: {len(layers)} layers, std {[round(r['std'], 3) for r in layers]}")
EOF

step "bundled train --json (the shipped MNIST data, found in the bundle)"
"$APP" train --iterations 20 --every 10 --json > "$tmp/train.out" || fail "bundled train --json exited non-zero"
"$PY" - "$tmp/train.out" <<'EOF' || fail "bundled train --json output is wrong"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
summary = rows[-1]["summary"]
assert summary["iterations"] == 20 and summary["stopped"] is None, summary
assert [r["iteration"] for r in rows[:-1]] == list(range(1, 21))
assert [len(r["distinct_units"]) for r in rows[:-1] if "distinct_units" in r] == [4, 4]
print(f"  train: 20 iterations, final loss {summary['final_loss']:.3f}, held-out accuracy {summary['test_accuracy']}")
EOF

# Layers of 2^19 elements: the engine forks its statistics helper (engine/helper_process.py) inside
# the frozen executable; the results must equal the source tree's, seconds aside.
step "bundled simulate with the statistics helper, against python main.py"
HELPER_ARGS=(simulate --activation relu --init he --depth 4 --width 512 --samples 1024 --json)
"$APP" "${HELPER_ARGS[@]}" > "$tmp/helper.out" || fail "bundled simulate (helper-sized) exited non-zero"
"$PY" main.py "${HELPER_ARGS[@]}" > "$tmp/helper-src.out" || fail "python main.py simulate (helper-sized) failed"
"$PY" - "$tmp/helper.out" "$tmp/helper-src.out" <<'EOF' || fail "the bundled helper-sized run differs from the source tree's"
import json, sys
def rows(path):
    out = [json.loads(l) for l in open(path, encoding="utf-8")]
    for r in out:
        r.pop("seconds", None)
        r.get("summary", {}).pop("seconds", None)
    return out
bundled, source = rows(sys.argv[1]), rows(sys.argv[2])
assert bundled == source, "results differ"
assert bundled[-1]["summary"]["layers"] == 4, bundled[-1]
print(f"  helper-sized simulate: {len(bundled) - 1} layers, equal to the source tree's")
EOF

# --- start-up: bundled app against python main.py -----------------------------------
step "start-up: --self-test, bundle vs python main.py (interleaved, 1 warm-up + 5 runs each)"
"$PY" - "$APP" "$PY" <<'EOF' > "$tmp/startup.out" || { cat "$tmp/startup.out"; fail "start-up measurement failed"; }
import os, statistics, subprocess, sys, time
app, py = sys.argv[1], sys.argv[2]
env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
cmds = {"bundle": [app, "--self-test"], "python": [py, "main.py", "--self-test"]}
times = {k: [] for k in cmds}
for i in range(6):
    for name, cmd in cmds.items():
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i:  # the first round warms the disk cache
            times[name].append(time.perf_counter() - t0)
b, p = statistics.median(times["bundle"]), statistics.median(times["python"])
print(f"  bundle median {b:.3f} s, python main.py median {p:.3f} s, ratio {b / p:.2f}")
print(f"RATIO {b / p:.3f}")
EOF
sed -n '1p' "$tmp/startup.out"
ratio=$(sed -n 's/^RATIO //p' "$tmp/startup.out")
awk -v r="$ratio" -v m="$MAX_STARTUP_RATIO" 'BEGIN { exit !(r <= m) }' \
  || fail "bundled start-up is ${ratio}x python main.py (limit ${MAX_STARTUP_RATIO}x)"

# --- faults: read-only folder, settings folder missing or unwritable, no display -----
# As root, chmod does not stop writes: run those checks as nobody so the permissions bite.
as_user=()
if [ "$(id -u)" = 0 ]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
fi
# A USB stick's folder name may hold spaces: so does this one.
RO="$tmp/USB STICK"
mkdir -p "$RO" "$tmp/home"
cp -a dist/initviz "$RO/"
chmod -R a-w "$RO"
touch "$tmp/ro.marker"
chmod 755 "$tmp/home"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$tmp/home"
RO_APP="$RO/initviz/initviz"
run_ro() {  # run the read-only copy offscreen as the test user, with a private HOME, from /
  (cd / && env HOME="$tmp/home" XDG_CACHE_HOME="$tmp/home/cache" QT_QPA_PLATFORM=offscreen "$@")
}

step "read-only copy of the bundle (path with a space, started from /): --self-test as a user who cannot write to it"
run_ro XDG_CONFIG_HOME="$tmp/home/config" "${as_user[@]}" "$RO_APP" --self-test > "$tmp/ro.out" 2>&1 \
  || { cat "$tmp/ro.out"; fail "the read-only bundle's --self-test failed"; }
grep -q "Traceback" "$tmp/ro.out" && { cat "$tmp/ro.out"; fail "traceback from the read-only bundle"; }
written=$(find "$RO/initviz" -newer "$tmp/ro.marker")
[ -z "$written" ] || fail "the read-only bundle was written to: $written"

# --self-test keeps its settings in a temporary folder, so these two open the real window
# offscreen for WINDOW_S seconds: still running when stopped (exit 124 from timeout) = no crash.
WINDOW_S=${INITVIZ_WINDOW_SECONDS:-8}
window_for_a_while() {  # $1: XDG_CONFIG_HOME, $2: output file
  set +e
  run_ro XDG_CONFIG_HOME="$1" timeout -s TERM "$WINDOW_S" "${as_user[@]}" "$RO_APP" > "$2" 2>&1
  local rc=$?
  set -e
  [ "$rc" -eq 124 ] || { cat "$2"; fail "the window exited by itself (status $rc) within ${WINDOW_S} s"; }
  if grep -q "Traceback" "$2"; then cat "$2"; fail "traceback from the window"; fi
}

step "read-only bundle, missing settings folder: the window runs and creates it"
cfg="$tmp/home/missing/config"
window_for_a_while "$cfg" "$tmp/missing.out"
[ -d "$cfg/initviz" ] || { cat "$tmp/missing.out"; fail "the missing settings folder $cfg/initviz was not created"; }

step "read-only bundle, unwritable settings folder: the window runs (and says settings will not be saved)"
mkdir -p "$tmp/home/locked"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$tmp/home/locked"
chmod 555 "$tmp/home/locked"
window_for_a_while "$tmp/home/locked" "$tmp/locked.out"
[ ! -e "$tmp/home/locked/initviz" ] || fail "something was written into the unwritable settings folder"
if grep -qi "not be saved" "$tmp/locked.out"; then
  echo "  the app says: $(grep -i "not be saved" "$tmp/locked.out" | head -1)"
else
  echo "  note: the notice that settings will not be saved is shown in the window's status bar only"
fi

step "no display at all (non-zero exit, one sentence, no traceback)"
set +e
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$APP" > "$tmp/nodisplay.out" 2>&1
status=$?
set -e
[ "$status" -ne 0 ] || fail "with no display the app exited 0"
if grep -Eq "Traceback|qt\.qpa|Available platform plugins|Aborted" "$tmp/nodisplay.out"; then
  cat "$tmp/nodisplay.out"; fail "with no display the app printed a traceback or a Qt plugin dump"
fi
lines=$(grep -c . "$tmp/nodisplay.out" || true)
[ "$lines" -eq 1 ] || { cat "$tmp/nodisplay.out"; fail "with no display the app printed $lines lines, not one"; }
echo "  no display: exit $status: $(cat "$tmp/nodisplay.out")"

[ -z "$size_failure" ] || fail "$size_failure"
echo "bundle_check: passed: size ${size_mb} MB, start-up ratio ${ratio}, $(( $(date +%s) - start )) s"
