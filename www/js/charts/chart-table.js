// Every chart's data-table alternative: a collapsed <details> holding a plain
// table, so a screen-reader or keyboard user (and anyone who wants the exact
// numbers) reads what the chart draws. Cells are text nodes only.
import { element } from '../widgets/highlight.js';
import { themeValue } from '../widgets/widget.js';

/**
 * A cell shown as `text` (a rounded score, "1.4e−285", "–") that exports as
 * `value`: the number at full precision, or null for an empty cell.
 * @param {string} text
 * @param {number | null} value
 */
export function exact(text, value) {
  return { text, value };
}

/**
 * A <details> with `summary` as its toggle and a table of `columns`
 * (`[{label, numeric?}]`) and `rows` (arrays of cell values; a value may be
 * a Node, for a button in a cell, or an `exact()` cell).
 */
export function chartTable(summary, caption, columns, rows) {
  const details = element('details', 'corpus-chart-table');
  details.append(element('summary', '', summary));
  const table = element('table', 'corpus-data-table');
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const { label, numeric } of columns) {
    const th = element('th', numeric ? 'numeric' : '', label);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    cells.forEach((value, i) => {
      const cell = element(i === 0 ? 'th' : 'td', columns[i]?.numeric ? 'numeric' : '');
      if (i === 0) cell.scope = 'row';
      if (value instanceof Node) cell.append(value);
      else if (value !== null && typeof value === 'object') {
        cell.append(value.text);
        cell.dataset.value = value.value == null ? '' : String(value.value);
      } else cell.append(String(value ?? ''));
      row.append(cell);
    });
  }
  // A wide table scrolls sideways in its box: the box takes the focus, so
  // that the keyboard can scroll it, and is named by the caption.
  const scroller = element('div', 'corpus-chart-table-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', caption);
  scroller.append(table);
  details.append(scroller);
  return details;
}

/**
 * The colours of the theme's `--<prefix>-0` … `--<prefix>-<n-1>` (prefix
 * "corpus-chart") as they apply inside `element`: Plot writes colours into
 * SVG attributes, where var() does not work, so the theme's values are read
 * once per render.
 */
export function cssPalette(element, prefix, n) {
  const token = prefix.replace(/^corpus-/, '');
  return Array.from({ length: n }, (_, i) => themeValue(element, `${token}-${i}`) || 'gray');
}
