#!/usr/bin/env bash
# CI: does a fresh machine get a working app from the README's two commands?
#
#   .ci/fresh_machine.sh       (from anywhere inside the repository)
#
# Clones the repository's current HEAD (committed work only) into a temporary folder,
# reads the README's two commands there (.ci/readme_command.py: the shell blocks after
# `<!-- command: run -->` and `<!-- command: test -->`), runs the install part of the run
# command (everything before its final `&&`, which starts the app) and the test command
# exactly as written, then starts the installed app with --self-test offscreen, through
# the run command's own start (`... main.py --self-test`) and the `initviz` entry point.
# Fails if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(git rev-parse --show-toplevel)
head=$(git rev-parse HEAD)
start=$(date +%s)
fail() { echo "fresh_machine: FAIL: $*" >&2; exit 1; }
step() { echo "fresh_machine: $*"; }

tmp=$(mktemp -d /tmp/initviz-fresh.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
step "cloning $repo at $head into $tmp/initviz"
git clone --quiet --no-checkout "$repo" "$tmp/initviz"
cd "$tmp/initviz"
git checkout --quiet --detach "$head"  # in the temporary clone only

run_cmd=$(python3 .ci/readme_command.py run)
test_cmd=$(python3 .ci/readme_command.py test)
# The run command is "install steps && start the app": split off the last step.
install_part=${run_cmd% && *}
start_part=${run_cmd##* && }
[ "$install_part" != "$run_cmd" ] || fail "the README's run command has no '&&' before the app start: $run_cmd"
case "$start_part" in
  *main.py*|*initviz*) ;;
  *) fail "the run command's last step does not start the app: $start_part" ;;
esac

step "install (README run command without its last step): $install_part"
bash -euo pipefail -c "$install_part" > "$tmp/install.log" 2>&1 \
  || { tail -30 "$tmp/install.log"; fail "the README's install steps failed"; }

step "test (README test command, as written): $test_cmd"
set +e
bash -euo pipefail -c "$test_cmd" > "$tmp/test.log" 2>&1
status=$?
set -e
tail -3 "$tmp/test.log"
[ "$status" -eq 0 ] || { tail -40 "$tmp/test.log"; fail "the README's test command failed (status $status)"; }
grep -Eq "[0-9]+ passed" "$tmp/test.log" || fail "the README's test command passed no test"

step "start the installed app: $start_part --self-test (offscreen)"
QT_QPA_PLATFORM=offscreen bash -euo pipefail -c "$start_part --self-test" > "$tmp/self.log" 2>&1 \
  || { cat "$tmp/self.log"; fail "the installed app's --self-test failed"; }
tail -1 "$tmp/self.log"
if [ -x .venv/bin/initviz ]; then
  step "the installed entry point: .venv/bin/initviz --self-test (offscreen)"
  QT_QPA_PLATFORM=offscreen .venv/bin/initviz --self-test > "$tmp/entry.log" 2>&1 \
    || { cat "$tmp/entry.log"; fail "the installed initviz entry point's --self-test failed"; }
fi
echo "fresh_machine: passed in $(( $(date +%s) - start )) s"
