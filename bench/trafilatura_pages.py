#!/usr/bin/env python3
"""trafilatura's main text of every page in the benchmark's folder.

usage: PY bench/trafilatura_pages.py FOLDER   (PY from scripts/bench-python-setup.sh)
FOLDER holds html/KEY.html.gz. Prints one JSON object:
{"version": ..., "msPerPage": ..., "pages": {KEY: {"articleBody": TEXT}}},
each page extracted once untimed, then timed over RUNS passes (argument 2, default 1).
"""
import gzip, json, sys, time
from pathlib import Path

import trafilatura


def main():
    folder = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    pages = {p.name[: -len(".html.gz")]: gzip.decompress(p.read_bytes())
             for p in sorted((folder / "html").glob("*.html.gz"))}
    texts = {key: trafilatura.extract(html) or "" for key, html in pages.items()}
    start = time.perf_counter()
    for _ in range(runs):
        for html in pages.values():
            trafilatura.extract(html)
    ms = (time.perf_counter() - start) * 1000 / (runs * len(pages))
    print(json.dumps({"version": trafilatura.__version__, "msPerPage": ms,
                      "pages": {key: {"articleBody": text} for key, text in texts.items()}}))


if __name__ == "__main__":
    main()
