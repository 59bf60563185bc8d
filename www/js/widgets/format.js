// How the views write numbers, dates and sizes, and compare what is typed
// with names and titles.

const numberFormat = new Intl.NumberFormat('en');

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(n) {
  return numberFormat.format(n);
}

/** `n` with thousands separators and `one` or `many` after it: "1 mention", "3 entries". */
export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** What to show for a document's date: the full date, else the year, else "". */
export function displayDate(doc) {
  return doc.date ?? (doc.year == null ? '' : String(doc.year));
}

/** A size for people: 820 bytes, 12 KB, 3.4 KB, 1.2 MB. */
export function formatBytes(bytes) {
  if (bytes < 1000) return `${bytes} bytes`;
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, 'KB'] : [bytes / 1e6, 'MB'];
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

/** Lower case, single spaces, curly apostrophes straight: how what a person types is compared with names and titles. */
export function folded(text) {
  return text.trim().replace(/\s+/g, ' ').replace(/[’‘]/g, "'").toLowerCase();
}
