// The Compare view's table of key terms: each term's counts, rates per
// million words, score, log ratio, p-value and adjusted p-value, sortable by
// any column, with the exact numbers in `data-value` for the exports.
import { formatCount } from '../../widgets/format.js';
import { element } from '../../widgets/highlight.js';
import { formatScore } from '../../widgets/network-options.js';

// The table's columns: `value` reads a row, `text` shows it.
const COLUMNS = [
  { key: 'term', label: 'Term', value: (r) => r.term },
  { key: 'side', label: 'More in', value: (r) => r.side, text: (r) => r.side },
  { key: 'target', label: 'Target', numeric: true, value: (r) => r.target, text: (r) => formatCount(r.target) },
  { key: 'reference', label: 'Reference', numeric: true, value: (r) => r.reference, text: (r) => formatCount(r.reference) },
  { key: 'targetPerMillion', label: 'Target per million', numeric: true, value: (r) => r.targetPerMillion, text: (r) => formatRate(r.targetPerMillion) },
  { key: 'referencePerMillion', label: 'Reference per million', numeric: true, value: (r) => r.referencePerMillion, text: (r) => formatRate(r.referencePerMillion) },
  { key: 'score', label: 'Score', numeric: true, value: (r) => r.score, text: (r) => formatScore(r.score) },
  { key: 'logRatio', label: 'Log ratio', numeric: true, value: (r) => r.logRatio, text: (r) => formatScore(r.logRatio) },
  { key: 'pValue', label: 'p-value', numeric: true, value: (r) => r.pValue, text: (r) => formatP(r.pValue) },
  { key: 'qValue', label: 'Adjusted p (BH)', numeric: true, value: (r) => r.qValue, text: (r) => formatP(r.qValue) },
];
/** The column a table sorts by at first, and by default. */
const SCORE_COLUMN = COLUMNS.find((c) => c.key === 'score');

/** Occurrences per million words: 12,345; 123; 1.2; 0.012. */
export function formatRate(rate) {
  return rate >= 100 ? formatCount(Math.round(rate)) : String(Number(rate.toPrecision(2)));
}

/** 0.0123 → "0.012"; 1.2e-7 → "1.2e-7": two significant digits. */
export function formatP(p) {
  if (p == null || Number.isNaN(p)) return '';
  if (p === 0) return '0';
  return p >= 0.001 ? String(Number(p.toPrecision(2))) : p.toExponential(1).replace('e-', 'e−');
}

function sortRows(rows, { key, descending }) {
  const column = COLUMNS.find((c) => c.key === key) ?? SCORE_COLUMN;
  const compare = (x, y) => {
    const [u, v] = [column.value(x), column.value(y)];
    const order = typeof u === 'string' ? u.localeCompare(v) : u - v;
    return (descending ? -order : order) || x.term.localeCompare(y.term);
  };
  return [...rows].sort(compare);
}

/**
 * Every term of both sides (`rows`, scored by `measure`, named); a header
 * button calls `onSort` with its column's key.
 */
export function sortableTable(rows, measure, sort, onSort) {
  const table = element('table', 'corpus-data-table corpus-compare-terms');
  const caption = `Key terms by ${measure}: occurrences in the target and the reference; the score is negative for a term more frequent in the reference.`;
  // The caption is as wide as the table, which scrolls sideways on a phone:
  // the same words are shown above it, at the width of the view.
  table.createCaption().textContent = caption;
  table.caption.className = 'corpus-visually-hidden';
  const shown = element('p', 'corpus-figure-note corpus-compare-caption', caption);
  shown.setAttribute('aria-hidden', 'true');
  const head = table.createTHead().insertRow();
  for (const column of COLUMNS) {
    const th = element('th', cellClass(column));
    th.scope = 'col';
    th.dataset.key = column.key;
    const button = element('button', 'corpus-compare-sort', column.label);
    button.type = 'button';
    button.addEventListener('click', () => onSort(column.key));
    if (sort.key === column.key) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
    th.append(button);
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of sortRows(rows, sort)) body.append(termRow(row));
  const scroller = element('div', 'corpus-chart-table-scroll corpus-compare-scroll');
  // Scrolls sideways on a phone: focusable, so the keyboard can scroll it, and named.
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'Key terms as a table');
  scroller.append(table);
  const holder = document.createDocumentFragment();
  holder.append(shown, scroller);
  return holder;
}

function cellClass(column) {
  return `corpus-compare-col-${column.key}${column.numeric ? ' numeric' : ''}`;
}

function termRow(row) {
  const tr = document.createElement('tr');
  tr.dataset.side = row.side;
  const term = element('th', 'corpus-compare-term');
  term.scope = 'row';
  const search = element('button', 'corpus-link', row.term);
  search.type = 'button';
  search.dataset.term = row.term;
  search.title = `Search for ${row.term}`;
  term.append(search);
  tr.append(term);
  for (const column of COLUMNS.slice(1)) {
    const cell = element('td', cellClass(column), column.text(row));
    // Exports read the number at full precision, not the rounded text.
    if (column.numeric) cell.dataset.value = String(column.value(row) ?? '');
    tr.append(cell);
  }
  return tr;
}
