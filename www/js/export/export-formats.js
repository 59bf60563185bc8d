// Tables and file names for exports: a table as CSV or JSON, an on-page
// <table> read back as data, and a safe file name that shows the
// parameters. Apart from export.js (the control) and export-image.js (the
// pictures) so that it runs under Node with no DOM: tests/js/export.test.mjs
// imports it directly. tableData touches only the element it is given.
//
// Corpus text is untrusted: a CSV cell that a spreadsheet would run as a
// formula gets a leading "'" (OWASP's advice for CSV injection).

// ---------------------------------------------------------------------------
// CSV and JSON

/** A plain number as a spreadsheet reads one: "-3.2" and "1e-7", not "+1". */
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** OWASP: a cell starting with one of these may be run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * Quoted when RFC 4180 asks (comma, quote, line break), and also for "#"
 * (so that pandas' `comment="#"` cannot cut a cell short: it ignores a "#"
 * only inside quotes), ";" and tab (the separators other locales and tools
 * guess).
 */
const NEEDS_QUOTES = /[",\r\n#;\t]/;

/** One CSV cell: numbers as they are, text defused and quoted when needed. */
export function csvCell(value) {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The parameters as JSON for the CSV's `#` line, written so that a
 * spreadsheet that splits the line at commas or semicolons finds no field
 * it would run as a formula: inside every JSON string, `,` `;` and `"` are
 * \u escapes, and so is a leading `=` `+` `-` or `@`. JSON.parse reads the
 * same values back.
 */
function commentJson(parameters) {
  const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return JSON.stringify(parameters ?? {}).replace(/"((?:[^"\\]|\\.)*)"/g, (_, inner) => {
    let body = inner.replace(/\\.|[,;]/g, (m) => (m === '\\"' ? '\\u0022' : m.length === 2 ? m : escape(m)));
    if (/^[=+\-@]/.test(body)) body = escape(body[0]) + body.slice(1);
    return `"${body}"`;
  });
}

/** Parameters the source line names apart from the view's settings. */
const SOURCE_KEYS = new Set(['corpus', 'fingerprint', 'view', 'figure', 'exported', 'program']);

/**
 * The source line an exported chart carries under it, from the export's
 * parameters: the corpus by name and content hash, the view, its settings,
 * when and by what it was made. "Source: sotu.jsonl (sha256:1f2e3d4c5b6a…),
 * timeline view; bucket=field:party, count=relative, q=slavery; exported
 * 2026-12-07 22:40 UTC by corpus-lens 0.1.0".
 */
export function sourceLine(parameters = {}) {
  const { corpus, fingerprint, view, exported, program } = parameters;
  const hash = fingerprint ? ` (${fingerprint.slice(0, 19)}…)` : '';
  const settings = Object.entries(parameters)
    .filter(([key, value]) => !SOURCE_KEYS.has(key) && value != null && value !== '')
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : value}`);
  const when = exported ? ` ${exported.slice(0, 16).replace('T', ' ')} UTC` : '';
  return [
    `Source: ${corpus ?? 'a corpus'}${hash}${view ? `, ${view} view` : ''}`,
    settings.length ? `; ${settings.join(', ')}` : '',
    `; exported${when}${program ? ` by ${program}` : ''}`,
  ].join('');
}

/** A column's label: columns are strings or `{label}`. */
const columnLabel = (column) => String(typeof column === 'object' && column !== null ? column.label ?? '' : column ?? '');

/**
 * A table as CSV text (RFC 4180, CRLF after every record).
 *
 * The parameters go on one leading comment line, as the engine's own CSV
 * export records its options (src/cooccur/export.rs):
 *
 *     # corpus-lens table; parameters: {"measure":"pmi","unit":"sentence"}
 *
 * A comment line rather than extra columns, because extra columns would
 * repeat the settings on every row and change the table's shape; rather
 * than the file name alone, because names are cut and renamed. Readers:
 * pandas `read_csv(path, comment="#")` (cells holding "#" are quoted, see
 * NEEDS_QUOTES) or `skiprows=1`; R `read.csv(path, comment.char="#")`; a
 * spreadsheet shows the line as a first row above the header. No byte-order
 * mark, so that the file starts with "#", as the engine's does.
 *
 * `columns`: labels (or `{label}`); `rows`: arrays of cell values, numbers
 * kept as numbers (a non-finite number becomes an empty cell).
 */
export function tableToCsv(columns, rows, parameters = {}) {
  const lines = [`# corpus-lens table; parameters: ${commentJson(parameters)}`];
  lines.push(columns.map((c) => csvCell(columnLabel(c))).join(','));
  for (const row of rows) lines.push(columns.map((_, i) => csvCell(row[i])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Column labels made unique as object keys: a repeated label gets " (2)",
 * " (3)"…, so that no row value is lost when rows become objects.
 */
function uniqueKeys(columns) {
  const used = new Set();
  return columns.map((column) => {
    const label = columnLabel(column);
    let key = label;
    for (let n = 2; used.has(key); n++) key = `${label} (${n})`;
    used.add(key);
    return key;
  });
}

/**
 * A table as pretty-printed JSON: `{parameters, columns, rows}` with each row
 * an object keyed by column label (repeated labels made unique, see
 * uniqueKeys; `columns` lists the keys in order). Missing cells are null.
 */
export function tableToJson(columns, rows, parameters = {}) {
  const keys = uniqueKeys(columns);
  const objects = rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i] ?? null])));
  return `${JSON.stringify({ parameters: parameters ?? {}, columns: keys, rows: objects }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// File names

/** A piece of a file name: letters, digits, "." and "-" only, at most `max` long. */
function slug(text, max) {
  return String(text)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}.-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, max)
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * A safe, readable file name: `base`, then each short scalar parameter as
 * `key-value`, joined by "_", then `.ext`; e.g. `heatmap_measure-pmi_size-15.png`.
 * No path or shell characters, no leading dot; at most about 120
 * characters before the extension (the parameters themselves are recorded
 * inside the file, so the name may leave some out).
 */
export function exportFileName(base, parameters = {}, ext = '') {
  const parts = [slug(base, 60) || 'corpus-lens'];
  for (const [key, value] of Object.entries(parameters ?? {})) {
    const shown = Array.isArray(value) ? value.join('+') : value;
    if (shown == null || shown === '' || typeof shown === 'object') continue;
    const part = `${slug(key, 24)}-${slug(shown, 32)}`;
    if (/^-|-$/.test(part)) continue;
    if (parts.join('_').length + part.length + 1 > 120) break;
    parts.push(part);
  }
  const extension = String(ext).toLowerCase().replace(/[^a-z0-9]/g, '');
  return extension ? `${parts.join('_')}.${extension}` : parts.join('_');
}

// ---------------------------------------------------------------------------
// Reading a table from the page

/** A cell's text as a number when the whole cell is one ("12,345", "−0.5", "1.4e−285"); "–" (nothing) as null. */
function cellValue(text) {
  if (text === '–') return null;
  const plain = text.replaceAll('\u2212', '-');
  if (PLAIN_NUMBER.test(plain)) return Number(plain);
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(plain)) return Number(plain.replaceAll(',', ''));
  return text;
}

/**
 * `{columns, rows}` of a <table>: the labels of the last header row (or of
 * the first row, without a <thead>), and every body row's cells: a cell's
 * `data-value` where it has one (the number at full precision, or empty for
 * null: see chartTable's `exact`), else its text, as a number when the whole
 * cell is one.
 */
export function tableData(table) {
  const headRows = table.tHead?.rows ?? [];
  const header = headRows.length ? headRows[headRows.length - 1] : table.rows[0];
  const columns = [...(header?.cells ?? [])].map((cell) => cell.textContent.trim());
  const bodyRows = [...table.tBodies].flatMap((body) => [...body.rows]).filter((row) => row !== header);
  const value = (cell) => {
    const exactValue = cell.getAttribute('data-value');
    if (exactValue === null) return cellValue(cell.textContent.trim());
    return exactValue === '' ? null : Number(exactValue);
  };
  const rows = bodyRows.map((row) => [...row.cells].map(value));
  return { columns, rows };
}
