#!/usr/bin/env bash
# Build the wasm module twice with wasm-pack (release):
#   www/pkg   --target web      the page imports ./pkg/corpus_lens.js
#   pkg-node  --target nodejs   tests and benchmarks require('./pkg-node')
# and the readers module (readers/: web pages, feeds, Word, archives, any
# encoding) into readers/ beside each, which the engine's glue loads only
# when a file needs it (scripts/glue/),
# then optimise each *_bg.wasm with wasm-opt from the npm package binaryen
# (Cargo.toml turns off wasm-pack's own, which would download binaryen; Debian
# 12's binaryen 108 breaks wasm-bindgen's externref table), keeping an
# optimised module only if it still validates and still runs.
#
# Skips a build when no input is newer than its last successful build, so an
# unchanged tree builds in a fraction of a second.
set -euo pipefail

cd "$(dirname "$0")/.."

# Features the Rust toolchain's wasm32 target emits by default; wasm-opt
# rejects a module that uses a feature it was not told about.
WASM_OPT=node_modules/.bin/wasm-opt
WASM_OPT_FLAGS=(
  -O3
  --strip-debug # the function names: about 45 KB gzipped
  --strip-producers
  --enable-bulk-memory
  --enable-nontrapping-float-to-int
  --enable-sign-ext
  --enable-mutable-globals
  --enable-multivalue
  --enable-reference-types
)

# Every file a build of the crate in DIR (., or readers) reads: its sources,
# these scripts, and whatever cargo's dep-info says its last wasm build read
# (data pulled in with include_str! from anywhere).
input_files() {
  local dir="$1" depinfo=target/wasm32-unknown-unknown/release/corpus_lens.d
  if [ "$dir" = . ]; then
    find src seeds -type f 2>/dev/null
  else
    find "$dir" -type f 2>/dev/null
    depinfo=target/wasm32-unknown-unknown/release/corpus_lens_readers.d
  fi
  ls Cargo.toml Cargo.lock build.rs scripts/build.sh scripts/check-wasm.mjs scripts/glue/* 2>/dev/null
  if [ -f "$depinfo" ]; then
    sed -E 's/^[^:]*: //' "$depinfo" | tr ' ' '\n' | grep -v '^$'
  fi
}

# The tools whose change calls for a rebuild although no input changed.
toolchain() {
  rustc --version
  if [ -x "$WASM_OPT" ]; then "$WASM_OPT" --version; fi
}

# True if STAMP exists, names the current tools, and no input of the crate
# in DIR is newer than it. Like make, by modification time: the stamp carries the time
# the build started, so a file edited while the build ran is still seen as newer.
up_to_date() {
  local stamp="$1" dir="$2" file
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(toolchain)" ] || return 1
  while read -r file; do
    if [ "$file" -nt "$stamp" ]; then return 1; fi
  done < <(input_files "$dir")
}

# Optimise a module in place with wasm-opt; false if it fails or is absent.
optimise() {
  local wasm="$1"
  if [ ! -x "$WASM_OPT" ]; then
    echo "build: $WASM_OPT not found (npm ci installs it): $wasm left unoptimised" >&2
    return 1
  fi
  "$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$wasm" -o "$wasm.opt" && mv "$wasm.opt" "$wasm"
}

# Optimise OUT_DIR's module, but keep it only if it still works. Binaryen
# before the final GC encoding (Debian 12 ships 108) rewrites the externref
# table wasm-bindgen emits as anyref, and the module then traps in its start
# code; the unoptimised module is correct, so it is kept instead.
optimise_checked() {
  local target="$1" out="$2" wasm="$2/${3:-corpus_lens}_bg.wasm" error
  cp "$wasm" "$wasm.unoptimised"
  if optimise "$wasm" && error="$(node scripts/check-wasm.mjs "$target" "$out" "${3:-corpus_lens}" 2>&1)"; then
    rm "$wasm.unoptimised"
    return
  fi
  mv "$wasm.unoptimised" "$wasm"
  if [ -n "${error:-}" ]; then
    echo "build: $("$WASM_OPT" --version) broke $wasm, so it is left unoptimised:" >&2
    echo "$error" | grep -m1 -E 'Error' >&2 || true
  fi
  node scripts/check-wasm.mjs "$target" "$out" "${3:-corpus_lens}"
}

# build TARGET OUT_DIR [CRATE_DIR NAME [FEATURES]]: one wasm-pack build of
# the engine (or of the crate in CRATE_DIR, as module NAME, with FEATURES),
# optimised, checked, stamped.
build() {
  local target="$1" out="$2" dir="${3:-.}" name="${4:-corpus_lens}" features="${5:-}"
  local stamp="$out/.build-stamp-$name" started
  if up_to_date "$stamp" "$dir"; then return; fi
  rm -f "$stamp"
  started="$(mktemp)" # its modification time is when the build began reading
  wasm-pack --quiet build "$dir" --release --target "$target" --out-dir "$(pwd)/$out" --out-name "$name" \
    ${features:+-- --features "$features"}
  optimise_checked "$target" "$out" "$name"
  toolchain >"$stamp"
  touch -r "$started" "$stamp"
  rm -f "$started"
  echo "build: $out/$name ($(du -k "$out/${name}_bg.wasm" | cut -f1) KiB wasm)"
}

# readers_glue OUT_DIR: the engine's glue in OUT_DIR reads the files the
# readers module reads through it (scripts/glue/), loaded when first needed.
readers_glue() {
  local glue="$1/corpus_lens.js" types="$1/corpus_lens.d.ts"
  if grep -q 'scripts/glue/readers-files.js' "$glue"; then return; fi
  if [ "$1" = pkg-node ]; then
    cat scripts/glue/readers-files.js scripts/glue/readers-node.js >>"$glue"
    cat scripts/glue/readers.d.ts >>"$types"
  else
    cat scripts/glue/readers-files.js scripts/glue/readers-web.js >>"$glue"
    cat scripts/glue/readers.d.ts scripts/glue/readers-web.d.ts >>"$types"
  fi
}

# entity_model TARGET OUT_DIR: the learned entity tagger's model beside the
# module, which does not embed it (src/extract/tagger/mod.rs). The Node
# build's glue loads it when required; the worker fetches it (www/js/engine).
entity_model() {
  local target="$1" out="$2" model=src/extract/data/entities.crfsuite
  cp "$model" "$out/entities.crfsuite"
  if [ "$target" = nodejs ] && ! grep -q 'Added by corpus-lens' "$out/corpus_lens.js"; then
    cat >>"$out/corpus_lens.js" <<'JS'

// Added by corpus-lens' scripts/build.sh: the learned entity tagger's model,
// which the wasm module does not embed, read from beside this file.
module.exports.loadEntityModel(require('node:fs').readFileSync(require('node:path').join(__dirname, 'entities.crfsuite')));
JS
  fi
}

# freed_guard OUT_DIR: a call on a Corpus after its free() says so. The glue
# wasm-bindgen writes passes the freed handle's null pointer on, and the
# module answers "null pointer passed to rust" before any of our code runs;
# this wraps each method to name the cause instead, and makes a second
# free() do nothing, as closing a closed file does.
freed_guard() {
  local glue="$1/corpus_lens.js"
  if grep -q 'corpus-lens: freed guard' "$glue"; then return; fi
  cat >>"$glue" <<'JS'

// Added by corpus-lens: freed guard (scripts/build.sh freed_guard).
for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(Corpus.prototype))) {
  const method = descriptor.value;
  if (typeof method !== 'function' || name === 'constructor' || name.startsWith('__')) continue;
  Object.defineProperty(Corpus.prototype, name, {
    ...descriptor,
    value: name === 'free'
      ? function free() { if (this.__wbg_ptr) method.call(this); }
      : {
          [name](...args) {
            if (!this.__wbg_ptr) throw new Error(`Corpus.${name}: this corpus was freed (free() was called on it); open the corpus again to use it`);
            return method.apply(this, args);
          },
        }[name],
  });
}
if (Symbol.dispose) Corpus.prototype[Symbol.dispose] = Corpus.prototype.free;
JS
}

# bundle_charts: the chart libraries (d3-force, Observable Plot) as one ES
# module, www/vendor/charts.js, from the re-exports in www/vendor-src/charts.js;
# the page's own modules are served as written. Skipped when the bundle is
# newer than its entry, this script and the installed packages. Beside it,
# www/vendor/charts.d.ts gives `npm run typecheck` the types of the packages
# the entry re-exports, so that tsc never reads the minified bundle.
bundle_charts() {
  local entry=www/vendor-src/charts.js out=www/vendor/charts.js input
  mkdir -p www/vendor
  echo "export * from '../vendor-src/charts.js';" >www/vendor/charts.d.ts
  if [ -f "$out" ]; then
    for input in "$entry" scripts/build.sh node_modules/.package-lock.json; do
      if [ "$input" -nt "$out" ]; then break; fi
      input=""
    done
    if [ -z "$input" ]; then return; fi
  fi
  node_modules/.bin/esbuild "$entry" --bundle --format=esm --minify \
    --legal-comments=eof --log-level=warning --outfile="$out"
  echo "build: $out ($(du -k "$out" | cut -f1) KiB)"
}

# One build at a time: two at once (say `npm start` beside `npm test`) would
# write the same output files, and one could stamp the other's half-written
# module. The second waits, then finds everything up to date.
mkdir -p target
exec 9>target/.corpus-lens-build.lock
flock 9

build web www/pkg
build nodejs pkg-node
build web www/pkg/readers readers corpus_lens_readers
build nodejs pkg-node/readers readers corpus_lens_readers
# The readers with PDF, fetched only when a file is a PDF (or an archive holds one).
build web www/pkg/readers readers corpus_lens_readers_pdf pdf
build nodejs pkg-node/readers readers corpus_lens_readers_pdf pdf
entity_model web www/pkg
entity_model nodejs pkg-node
freed_guard www/pkg
freed_guard pkg-node
readers_glue www/pkg
readers_glue pkg-node
bundle_charts
# The widgets' style sheet (www/js/widgets/styles.js) and the engine's measures
# (www/js/engine/measures.js), then their bundle, the explorer as one file and the
# custom elements manifest (www/dist/): quick, so run every time.
node scripts/styles.mjs
node scripts/measures.mjs
node scripts/bundle.mjs
node_modules/.bin/cem analyze --quiet --config scripts/cem.config.mjs
# The npm package in dist/ (see README "Install"); last, so it ships every bundle dist/ holds.
node scripts/package.mjs
