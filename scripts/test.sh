#!/usr/bin/env bash
# Everything `npm test` and CI run: setup, build, then every suite in turn,
# going on after a failure so one run shows all that is broken.
#
# Each suite's output is shown as it runs and its counts are read back:
#   cargo test, wasm-pack test  "test result: ok. N passed; M failed; ..."
#   node --test (TAP)           "# pass N" and "# fail N"
#   checks (fmt, clippy)        one check each: passed when the exit code is 0
#   steps (setup, build)        not counted when they succeed, one failure if not
# A suite that exits non-zero without reporting a failed test (a compile
# error, a crash) counts as one failure. The last line is the totals,
# "N passed, N failed"; the exit code is non-zero if anything failed.
set -uo pipefail

cd "$(dirname "$0")/.."

TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY=()
LOG="$(mktemp "${TMPDIR:-/tmp}/corpus-lens-test.XXXXXX")"
trap 'rm -f "$LOG"' EXIT

# Sum the passed and failed counts a runner printed: "PASSED FAILED".
count_results() {
  local kind="$1" log="$2"
  # Colour codes would split the patterns (CARGO_TERM_COLOR=always, say).
  sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | case "$kind" in
    cargo)
      sed -nE 's/^ *test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p' |
        awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }'
      ;;
    node)
      awk '/^# pass [0-9]+ *$/ { p += $3 } /^# fail [0-9]+ *$/ { f += $3 } END { print p + 0, f + 0 }'
      ;;
    *)
      cat >/dev/null
      echo "0 0"
      ;;
  esac
}

# run_suite NAME KIND COMMAND...: run one suite, show its output, add its counts.
run_suite() {
  local name="$1" kind="$2"
  shift 2
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$LOG"
  local status="${PIPESTATUS[0]}" passed failed
  read -r passed failed < <(count_results "$kind" "$LOG")
  if [ "$kind" = check ]; then
    if [ "$status" -eq 0 ]; then passed=1; else failed=1; fi
  elif [ "$kind" = step ]; then
    if [ "$status" -ne 0 ]; then failed=1; fi
  elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the suite crashed or did not build: no test reported the failure
    name="$name (exit code $status)"
  fi
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  SUMMARY+=("$(printf '%-34s %4d passed, %d failed' "$name" "$passed" "$failed")")
}

main() {
  run_suite "setup" step bash scripts/setup.sh
  run_suite "build" step bash scripts/build.sh
  run_suite "cargo fmt" check cargo fmt --check
  run_suite "cargo clippy" check cargo clippy --all-targets -- -D warnings
  run_suite "cargo test" cargo cargo test
  run_suite "wasm-pack test --node" cargo wasm-pack test --node
  run_suite "wasm-pack test --chrome" cargo \
    env CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome
  run_suite "node --test tests/js" node node --test --test-reporter=tap tests/js/
  run_suite "node --test tests/e2e" node node --test --test-reporter=tap tests/e2e/

  echo
  printf '%s\n' "${SUMMARY[@]}"
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
  [ "$TOTAL_FAILED" -eq 0 ]
}

# Lets tests of this script source it for count_results without running main.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main
fi
