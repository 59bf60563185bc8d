#!/usr/bin/env bash
# The Python that runs the benchmark's peers (bench/trafilatura_pages.py): a
# venv in .cache/bench-venv with trafilatura pinned. Idempotent; prints the
# venv's python. lxml_html_clean is pinned beside it: jusText, which
# trafilatura imports, needs lxml.html.clean, a package of its own since lxml 5.2.
#
#   PY=$(bash scripts/bench-python-setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.cache/bench-venv
PIN="trafilatura==2.0.0 lxml_html_clean==0.4.7"
if ! [ -f "$VENV/.pins" ] || [ "$(cat "$VENV/.pins")" != "$PIN" ]; then
  rm -rf "$VENV"
  "${PYTHON:-python3}" -m venv "$VENV" >&2
  # shellcheck disable=SC2086 # the pins are words
  "$VENV/bin/pip" install --quiet --disable-pip-version-check $PIN >&2
  echo "$PIN" >"$VENV/.pins"
fi
echo "$PWD/$VENV/bin/python"
