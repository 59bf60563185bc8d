// Benchmark section: building a corpus from the SOTU data, through the file
// loader (JSON Lines text in, parsed in wasm) and through fromDocuments
// (objects parsed by JSON.parse in JS, converted at the boundary), plus the
// cost of reading results back out.
import { formatBytes, formatMs, formatThroughput, markdownTable, time } from './measure.mjs';

export const title = 'Loading';

/** Run the section; `bench` is `{Corpus, wasmMemoryBytes, data, runs}`. */
export function run({ Corpus, wasmMemoryBytes, data, runs }) {
  const { content, bytes } = data;
  const files = [{ name: 'sotu.jsonl', content }];
  const memory = [['before loading', wasmMemoryBytes()]];
  const timings = [];

  const load = () => Corpus.load(files);
  timings.push(['`Corpus.load` (sotu.jsonl)', timeCorpus(load, runs), bytes]);
  memory.push(['after `Corpus.load` runs', wasmMemoryBytes()]);

  const parse = () => content.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  timings.push(['`JSON.parse` of each line, in JS', time(parse, { runs }), bytes]);

  const records = parse();
  const fromDocuments = () => Corpus.fromDocuments(records);
  timings.push(['`Corpus.fromDocuments` (parsed records)', timeCorpus(fromDocuments, runs), bytes]);
  memory.push(['after `Corpus.fromDocuments` runs', wasmMemoryBytes()]);

  const corpus = load();
  const stats = corpus.stats();
  timings.push(...readingTimings(corpus, runs));
  corpus.free();

  return [
    `${stats.documents} documents, ${stats.words.toLocaleString('en')} words, `
      + `${stats.sentences.toLocaleString('en')} sentences; ${(bytes / 1e6).toFixed(1)} MB of JSON Lines.`,
    timingTable(timings),
    memoryTable(memory),
  ].join('\n\n');
}

/** Time building a corpus, freeing each one after its run. */
function timeCorpus(make, runs) {
  return time(() => {
    const corpus = make();
    return () => corpus.free();
  }, { runs });
}

/** Reading results back out across the boundary, on a loaded corpus. */
function readingTimings(corpus, runs) {
  const ids = corpus.documents().map((doc) => doc.id);
  return [
    ['`corpus.documents()`', time(() => { corpus.documents(); }, { runs }), null],
    ['`corpus.document(id)` for every document', time(() => { for (const id of ids) corpus.document(id); }, { runs }), null],
  ];
}

function timingTable(timings) {
  const rows = timings.map(([name, { median, min }, bytes]) => [
    name,
    formatMs(median),
    formatMs(min),
    bytes == null ? '' : formatThroughput(bytes, median),
  ]);
  return markdownTable(['operation', 'median', 'min', 'throughput (median)'], rows);
}

function memoryTable(memory) {
  const [, start] = memory[0];
  const rows = memory.map(([when, bytes]) => [when, formatBytes(bytes), bytes === start ? '' : `+${formatBytes(bytes - start)}`]);
  return markdownTable(['wasm linear memory', 'size', 'growth'], rows);
}
