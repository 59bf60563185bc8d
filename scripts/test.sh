#!/usr/bin/env bash
# Everything `npm test` and CI run: setup, build, then every suite in turn,
# going on after a failure so one run shows all that is broken.
#
# Each suite's output is shown as it runs and its counts are read back:
#   cargo test, wasm-pack test  "test result: ok. N passed; M failed; ..."
#   node --test (TAP)           "# pass N" and "# fail N"
#   checks (fmt, clippy, tsc)   one check each: passed when the exit code is 0
#   fuzz targets                one check each: passed when libFuzzer found
#                               nothing in FUZZ_SECONDS (default 60 under
#                               CI=true, 20 otherwise)
#   steps (setup, build)        not counted when they succeed, one failure if not
# A suite that exits non-zero without reporting a failed test (a compile
# error, a crash) counts as one failure. The browser suites are also summed
# per engine (Chromium, Firefox, WebKit), so that a failure in one engine
# shows at a glance. The last line is the totals, "N passed, N failed"; the
# exit code is non-zero if anything failed.
set -uo pipefail

# BASH_SOURCE rather than $0: the same folder when the script is sourced.
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY=()
ENGINES=(chromium firefox webkit)
declare -A ENGINE_PASSED=([chromium]=0 [firefox]=0 [webkit]=0)
declare -A ENGINE_FAILED=([chromium]=0 [firefox]=0 [webkit]=0)
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

# run_suite [--engine E] NAME KIND COMMAND...: run one suite, show its
# output, add its counts (to engine E's too, if given).
run_suite() {
  local engine=""
  if [ "$1" = --engine ]; then
    engine="$2"
    shift 2
  fi
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
  SUMMARY+=("$(printf '%-40s %4d passed, %d failed' "$name" "$passed" "$failed")")
  if [ -n "$engine" ]; then
    ENGINE_PASSED[$engine]=$((ENGINE_PASSED[$engine] + passed))
    ENGINE_FAILED[$engine]=$((ENGINE_FAILED[$engine] + failed))
  fi
}

# Each fuzz target of fuzz/ for FUZZ_SECONDS, one check each. The targets
# are built once first (stable Rust: no sanitizer, -s none; debug assertions
# on, so an integer overflow is a crash). libFuzzer starts from the committed
# seeds, fuzz/corpus/TARGET, and writes what it finds to a scratch folder, so
# the committed seeds stay as they are; a crash is saved to fuzz/artifacts/TARGET/
# and replays with `cargo fuzz run -s none --debug-assertions TARGET FILE`.
run_fuzz() {
  local default=20 seconds target scratch
  if [ "${CI:-}" = true ]; then default=60; fi
  seconds="${FUZZ_SECONDS:-$default}"
  local fuzz=(cargo fuzz run -s none --debug-assertions)
  run_suite "cargo fuzz build" step cargo fuzz build -s none --debug-assertions
  for target in $(cargo fuzz list); do
    scratch="$(mktemp -d "${TMPDIR:-/tmp}/corpus-lens-fuzz.XXXXXX")"
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: so is one
    # that needs 2 GB. A dictionary (the query language's words, the option
    # names) helps libFuzzer past the parser.
    local flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
    if [ -f "fuzz/dict/$target.dict" ]; then flags+=(-dict="fuzz/dict/$target.dict"); fi
    run_suite "fuzz $target (${seconds} s)" check "${fuzz[@]}" "$target" \
      "$scratch" "fuzz/corpus/$target" -- "${flags[@]}"
    rm -rf "$scratch"
  done
}

# The browser suites of one engine: the wasm tests (wasm-pack's --chrome,
# --firefox or --safari) and the cross-browser end-to-end suite.
run_engine() {
  local engine="$1" wasm
  case "$engine" in
    chromium) wasm=(env CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome) ;;
    firefox) wasm=(env GECKODRIVER="$(command -v geckodriver)" wasm-pack test --headless --firefox) ;;
    # WebKitGTK's driver stands in for safaridriver (scripts/webdriver/);
    # MiniBrowser needs a display, which xvfb-run gives it.
    webkit) wasm=(xvfb-run -a env PATH="$PWD/scripts/webdriver:$PATH" wasm-pack test --headless --safari) ;;
  esac
  run_suite --engine "$engine" "wasm-pack test ($engine)" cargo "${wasm[@]}"
  run_suite --engine "$engine" "node --test tests/browsers ($engine)" node \
    env BROWSER="$engine" node --test --test-reporter=tap tests/browsers/
}

main() {
  run_suite "setup" step bash scripts/setup.sh
  run_suite "build" step bash scripts/build.sh
  run_suite "cargo fmt" check cargo fmt --all --check
  run_suite "cargo fmt (fuzz)" check cargo fmt --check --manifest-path fuzz/Cargo.toml
  run_suite "cargo clippy" check cargo clippy --workspace --all-features --all-targets -- -D warnings
  run_suite "cargo clippy (wasm32)" check \
    cargo clippy --workspace --all-features --target wasm32-unknown-unknown --all-targets -- -D warnings
  # www/js against the engine's declarations (www/pkg/corpus_lens.d.ts), and
  # the Node tests against pkg-node's; see tsconfig.json and tests/js/tsconfig.json.
  run_suite "tsc --checkJs (www/js)" check node_modules/.bin/tsc -p .
  run_suite "tsc --checkJs (tests/js)" check node_modules/.bin/tsc -p tests/js
  run_suite "cargo test" cargo cargo test --workspace --all-features
  run_fuzz
  run_suite "wasm-pack test --node" cargo wasm-pack test --node
  run_suite "node --test tests/js" node node --test --test-reporter=tap tests/js/
  run_suite --engine chromium "node --test tests/e2e (chromium)" node \
    node --test --test-reporter=tap tests/e2e/
  local engine
  for engine in "${ENGINES[@]}"; do run_engine "$engine"; done

  echo
  printf '%s\n' "${SUMMARY[@]}"
  echo
  for engine in "${ENGINES[@]}"; do
    printf '%-40s %4d passed, %d failed\n' "in $engine" "${ENGINE_PASSED[$engine]}" "${ENGINE_FAILED[$engine]}"
  done
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
  [ "$TOTAL_FAILED" -eq 0 ]
}

main
