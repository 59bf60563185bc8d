"""Trains the learned entity tagger (src/extract/data/entities.crfsuite).

The features come from the library itself (examples/entity_features.rs), so
training and tagging read the same ones; python-crfsuite (CRFsuite's L-BFGS
with L1 and L2 regularisation) learns the weights. The same sets and
settings give the same model, byte for byte.

    python scripts/train-entities.py --out MODEL [--sets wikigold,re3d,...] [--features FILE]

Reads the shared NER sets (../shared/data/ner, or $NER_DATA) through
eval/entity-sets.mjs. `npm run eval:ner` calls it once per cross-validation
fold and once on every set; `npm run train:entities` writes the shipped model.
"""

import argparse
import os
import subprocess
import sys

import pycrfsuite

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALL_SETS = ["wikigold", "re3d", "btc", "sec", "wnut17"]
# c1 (L1) keeps the model small by zeroing most weights; c2 (L2) smooths the
# rest. Chosen on held-out wikigold (README, "Entities: quality"): c1 0.2
# gave a 2.5 MB model scoring 0.655, c1 1.0 a 0.7 MB one scoring 0.661, c1 3.0
# a 0.25 MB one scoring 0.659.
PARAMS = {
    "c1": 1.0,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}


def feature_lines(sets):
    """The tokens of `sets` as `LABEL\\tfeature...` lines, blank between sentences."""
    features = os.environ.get(
        "ENTITY_FEATURES",
        os.path.join(ROOT, "target", "release", "examples", "entity_features"),
    )
    texts = subprocess.run(
        ["node", os.path.join(ROOT, "eval", "entity-sets.mjs"), *sets],
        check=True,
        capture_output=True,
    ).stdout
    out = subprocess.run([features], input=texts, check=True, capture_output=True).stdout
    return out.decode("utf-8").split("\n")


def sequences(lines):
    xseq, yseq = [], []
    for line in lines:
        if not line:
            if xseq:
                yield xseq, yseq
            xseq, yseq = [], []
            continue
        label, *names = line.split("\t")
        xseq.append(names)
        yseq.append(label)
    if xseq:
        yield xseq, yseq


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="where to write the model")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated set names")
    parser.add_argument("--features", help="read the features from this file instead of computing them")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 regularisation")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 regularisation")
    args = parser.parse_args()
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    if args.features:
        with open(args.features, encoding="utf-8") as f:
            lines = f.read().split("\n")
    else:
        lines = feature_lines(args.sets.split(","))
    for xseq, yseq in sequences(lines):
        trainer.append(xseq, yseq)
        count += len(yseq)
    trainer.set_params({**PARAMS, "c1": args.c1, "c2": args.c2})
    trainer.train(args.out)
    source = args.features or args.sets
    print(f"{args.out}: trained on {count} tokens of {source}", file=sys.stderr)


if __name__ == "__main__":
    main()
