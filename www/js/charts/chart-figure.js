// A chart's frame, as every view draws it: a <figure> named by its heading,
// with a note, a legend, the chart and its numbers as a table (chartFigure,
// fillFigure), Plot's style for our charts, an SVG labelled for screen
// readers, and labels clipped to fit.
import { edgeChart } from './chart-edges.js';
import { element } from '../widgets/highlight.js';

// Plot writes colours and fonts into SVG attributes; the text follows the
// page's colour through currentColor.
export const PLOT_STYLE = { background: 'transparent', color: 'currentColor', fontSize: '11px', fontFamily: 'inherit' };

let figures = 0; // for the ids of figures' headings, unique in any shadow root

/** A new id for a figure's heading: `corpus-figure-<n>-title`. */
export function figureHeadingId() {
  return `corpus-figure-${++figures}-title`;
}

/**
 * An empty chart figure: a caption with a heading (of `level`, one below
 * the view's section's) and a note, then the chart, then its table. Renders
 * replace what is inside those three, never the figure's own children, so
 * buttons a page adds to it stay.
 */
export function chartFigure(name, title, level = 4) {
  const figure = element('figure', 'corpus-figure');
  figure.dataset.exportName = name;
  const caption = element('figcaption', 'corpus-figure-caption');
  const heading = element(`h${level}`, 'corpus-chart-title', title);
  // The figure, and its export menu, are named by its heading.
  heading.id = figureHeadingId();
  figure.setAttribute('aria-labelledby', heading.id);
  caption.append(heading, element('p', 'corpus-figure-note'));
  figure.append(caption, element('div', 'corpus-figure-legend'), element('div', 'corpus-figure-chart'), element('div', 'corpus-figure-table'));
  return figure;
}

/**
 * Put a drawn chart `{title, note, legend?, svg?, empty?, table?}` into its
 * figure; `keepTable` leaves the table there as it is.
 * @param {HTMLElement} figure
 * @param {{title: string, note?: string, legend?: Node[], svg?: Element | null, empty?: string, table?: Node | null, keepTable?: boolean}} chart
 */
export function fillFigure(figure, { title, note, legend = [], svg = null, empty = '', table = null, keepTable = false }) {
  figure.querySelector('.corpus-chart-title').textContent = title;
  const noteBox = /** @type {HTMLElement} */ (figure.querySelector('.corpus-figure-note'));
  noteBox.textContent = note ?? '';
  noteBox.hidden = !note;
  figure.querySelector('.corpus-figure-legend').replaceChildren(...legend);
  const chart = figure.querySelector('.corpus-figure-chart');
  chart.replaceChildren(svg ?? element('p', 'corpus-chart-empty', empty));
  if (!keepTable) figure.querySelector('.corpus-figure-table').replaceChildren(...(table ? [table] : []));
  figure.classList.toggle('is-empty', !svg);
  edgeChart(figure); // pale marks and keys edged, to stand 3:1 from the surface
}

/** An SVG from Plot, labelled for screen readers (the table has the numbers). */
export function describedSvg(svg, className, description) {
  svg.classList.add(className);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', description);
  return svg;
}

/** "Vladimir Putin" cut to `max` characters with an ellipsis. */
export function clip(label, max) {
  return label.length > max ? `${label.slice(0, Math.max(1, max - 1))}…` : label;
}
