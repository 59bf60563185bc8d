#!/usr/bin/env bash
# The Python that trains the entity tagger: a venv in .cache/crf-venv with
# python-crfsuite pinned. Idempotent; prints the venv's python.
#
#   PY=$(bash scripts/train-setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.cache/crf-venv
PIN="python-crfsuite==0.9.12"
if ! [ -f "$VENV/.pins" ] || [ "$(cat "$VENV/.pins")" != "$PIN" ]; then
  rm -rf "$VENV"
  "${PYTHON:-python3}" -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: "$PIN" >&2
  echo "$PIN" >"$VENV/.pins"
fi
echo "$PWD/$VENV/bin/python"
