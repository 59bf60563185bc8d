#!/usr/bin/env bash
# Install what building and testing corpus-lens needs, each piece only if it
# is missing, so a second run costs well under a second.
#
# Installs, on a Debian machine with rustup, Node and npm:
#   - the wasm32-unknown-unknown Rust target (rustup);
#   - the wasm-bindgen CLI at exactly the version Cargo.lock pins, because
#     wasm-bindgen refuses to post-process a module built by another version;
#   - wasm-pack;
#   - the browsers the tests drive, from Debian: chromium and chromium-driver,
#     firefox-esr, webkit2gtk-driver (WebKitWebDriver and its MiniBrowser)
#     and xvfb (MiniBrowser needs a display);
#   - geckodriver (cargo install), which drives Firefox;
#   - cargo-fuzz (cargo install), which runs the fuzz targets of fuzz/;
#   - node_modules, from package-lock.json (npm ci).
# Prints one line per thing it installs and nothing when all is present.
set -euo pipefail

cd "$(dirname "$0")/.."

# Commands run as root need no sudo (CI and the dev machines run as root).
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Run an install quietly; on failure show the end of its log and stop.
quietly() {
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/corpus-lens-setup.XXXXXX")"
  if ! "$@" >"$log" 2>&1; then
    echo "setup: failed: $*" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  rm -f "$log"
}

ensure_wasm_target() {
  # Looking in the sysroot is ~10x faster than `rustup target list --installed`.
  local sysroot
  sysroot="$(rustc --print sysroot)"
  if [ ! -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
    echo "setup: installing the Rust target wasm32-unknown-unknown"
    quietly rustup target add wasm32-unknown-unknown
  fi
}

# The wasm-bindgen version Cargo.lock pins; creates Cargo.lock if absent.
locked_wasm_bindgen_version() {
  if [ ! -f Cargo.lock ]; then
    quietly cargo generate-lockfile
  fi
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = "wasm-bindgen"$/ { name = "wasm-bindgen" }
    name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}

ensure_wasm_bindgen_cli() {
  local want have=""
  want="$(locked_wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "setup: Cargo.lock names no wasm-bindgen package" >&2
    exit 1
  fi
  if command -v wasm-bindgen >/dev/null; then
    have="$(wasm-bindgen --version | awk '{print $2}')"
  fi
  if [ "$have" != "$want" ]; then
    echo "setup: installing wasm-bindgen-cli $want (a few minutes)"
    # Without --locked: the CLI's own lock file can pin crates that no longer
    # build with the current toolchain.
    quietly cargo install --force wasm-bindgen-cli --version "$want"
  fi
}

ensure_wasm_pack() {
  if ! command -v wasm-pack >/dev/null; then
    echo "setup: installing wasm-pack (a few minutes)"
    quietly cargo install wasm-pack
  fi
}

ensure_debian_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/xvfb-run ] || missing+=(xvfb)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    quietly $SUDO apt-get update
    quietly $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
}

ensure_geckodriver() {
  if ! command -v geckodriver >/dev/null; then
    echo "setup: installing geckodriver (a few minutes)"
    quietly cargo install geckodriver
  fi
}

ensure_cargo_fuzz() {
  if ! command -v cargo-fuzz >/dev/null; then
    echo "setup: installing cargo-fuzz (a few minutes)"
    quietly cargo install cargo-fuzz
  fi
}

ensure_node_modules() {
  # npm writes node_modules/.package-lock.json on every install: if it is
  # older than package-lock.json, the tree no longer matches the lock file.
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    echo "setup: installing node_modules (npm ci)"
    quietly npm ci --no-audit --no-fund
  fi
}

ensure_wasm_target
ensure_debian_packages
ensure_wasm_bindgen_cli
ensure_wasm_pack
ensure_geckodriver
ensure_cargo_fuzz
ensure_node_modules
