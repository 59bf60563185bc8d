// Timing and reporting helpers shared by the benchmark sections.
import { performance } from 'node:perf_hooks';

/**
 * Time `fn` over `runs` runs after `warmup` untimed ones.
 * Returns `{median, min, runs}` in milliseconds. `fn` may return a cleanup
 * function, called after each run and not timed (freeing a corpus, say).
 */
export function time(fn, { runs = 7, warmup = 1 } = {}) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const start = performance.now();
    const cleanup = fn();
    const elapsed = performance.now() - start;
    if (typeof cleanup === 'function') cleanup();
    if (i >= warmup) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  const middle = Math.floor(samples.length / 2);
  const median = samples.length % 2 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
  return { median, min: samples[0], runs };
}

/** "12.3 ms", "1.24 s". */
export function formatMs(ms) {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** Bytes in MiB or KiB: "12.4 MiB". */
export function formatBytes(bytes) {
  if (Math.abs(bytes) >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/** Megabytes (10^6) of input per second, for a run of `ms` over `bytes`. */
export function formatThroughput(bytes, ms) {
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}

/** A GitHub-flavoured Markdown table; columns after the first align right. */
export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rule = headers.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}
