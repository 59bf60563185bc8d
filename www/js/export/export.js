// export/: the Export menu (this file) and the files it writes: CSV, JSON
// and names (export-formats.js), SVG and PNG (export-image.js).
//
// Exports: any chart as SVG or PNG, any table as CSV or JSON, and whatever
// else a view offers (the network's GEXF and GraphML come ready-made from
// the engine). Every file records the parameters that produced it.
//
// This module is the control a view shows and the download it starts; the
// files themselves are made in export-formats.js (CSV, JSON, file names)
// and export-image.js (SVG, PNG).

import { exportFileName, sourceLine, tableData, tableToCsv, tableToJson } from './export-formats.js';
import { exportSvg, outermostSvgs, svgForExport, svgToPng } from './export-image.js';

// ---------------------------------------------------------------------------
// Downloads

/**
 * Offer `data` (a string, bytes or a Blob) as a file download named
 * `filename`, through an <a download> and a blob URL.
 */
export function download(filename, data, mime = 'application/octet-stream') {
  downloadIn(document.body, filename, data, mime);
}

/**
 * The same, with the link put in `parent` for the moment of its click: a
 * widget keeps it inside its own shadow root, out of the host's page.
 */
export function downloadIn(parent, filename, data, mime = 'application/octet-stream') {
  const blob = data instanceof Blob ? data : new Blob([data], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the blob
  // when click() returns (FileSaver.js waits 40 s for the same reason).
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

// ---------------------------------------------------------------------------
// The controls

let controls = 0; // for ids, unique in any page or shadow root

/** The element that titles the <figure> around `control` (its `aria-labelledby`), or null. */
function figureHeading(control) {
  const figure = control.parentElement?.closest('figure');
  const id = figure?.getAttribute('aria-labelledby')?.split(/\s+/)[0];
  return (id && control.getRootNode().getElementById?.(id)) || null;
}

/** The title of the <figure> around `control`, as the page shows it; '' if it has none. */
function figureTitle(control) {
  const heading = figureHeading(control);
  if (heading) return heading.textContent.replace(/\s+/g, ' ').trim();
  return control.parentElement?.closest('figure')?.getAttribute('aria-label') ?? '';
}

/**
 * Name the control's toggle and menu after the figure: "Export People", by
 * reference to its `heading` when there is one (so the name follows the
 * heading's text), else from `title`.
 */
function nameControl(control, title, heading) {
  const summary = control.querySelector(':scope > summary');
  if (heading) {
    summary.setAttribute('aria-labelledby', `${summary.id} ${heading.id}`);
    summary.removeAttribute('aria-label');
  } else {
    summary.setAttribute('aria-label', `Export ${title}`);
    summary.removeAttribute('aria-labelledby');
  }
  control.querySelector(':scope > .corpus-export-menu').setAttribute('aria-label', `Export ${title} as`);
}

/** `fn()`, or null if it is absent or throws: a view without a chart yet. */
function attempt(fn) {
  try {
    return fn?.() ?? null;
  } catch {
    return null;
  }
}

/** The {columns, rows} of what `table()` returns: a <table>, an element holding one, or the data. */
function tableOf(found) {
  if (!(found instanceof Element)) return found?.columns && found?.rows ? found : null;
  const table = found.localName === 'table' ? found : found.querySelector('table');
  return table ? tableData(table) : null;
}

/**
 * The formats on offer now, `[{label, ext, mime, filename?, data(parameters)}]`.
 * `data` asks the view again at click time, so it exports what is shown then.
 */
function formats({ svg, table, extra, frame }) {
  const found = [];
  if (outermostSvgs(attempt(svg)).length > 0) {
    found.push({ label: 'SVG', ext: 'svg', mime: 'image/svg+xml', data: (p) => svgForExport(svg(), p, frame(p)) });
    found.push({ label: 'PNG', ext: 'png', mime: 'image/png', data: (p) => svgToPng(exportSvg(svg(), p, frame(p)), 2, p) });
  }
  if (tableOf(attempt(table))) {
    const withRows = (toText) => (p) => {
      const { columns, rows } = tableOf(table()) ?? { columns: [], rows: [] };
      return toText(columns, rows, p);
    };
    found.push({ label: 'CSV', ext: 'csv', mime: 'text/csv;charset=utf-8', data: withRows(tableToCsv) });
    found.push({ label: 'JSON', ext: 'json', mime: 'application/json', data: withRows(tableToJson) });
  }
  for (const item of extra ?? []) {
    found.push({ label: item.label, ext: item.label.toLowerCase(), mime: item.mime ?? 'text/plain;charset=utf-8', filename: item.filename, data: () => item.data() });
  }
  return found;
}

/**
 * A button that exports `format` through `save(filename, data, mime)`,
 * showing any failure in `alert`. `name` names the file; `title`, the
 * figure's title as the page shows it, names the button after what it shows
 * ("PNG of People").
 */
function formatButton(name, title, format, parameters, alert, save) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'corpus-export-button';
  button.textContent = format.label;
  button.setAttribute('aria-label', `${format.label} of ${title}`);
  button.addEventListener('click', async () => {
    // Busy, not disabled: a disabled button drops the focus (to the page's
    // body), and Escape would no longer close the menu.
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      const p = parameters?.() ?? {};
      const data = await format.data(p);
      const filename = typeof format.filename === 'function' ? format.filename(p) : format.filename ?? exportFileName(name, p, format.ext);
      save(filename, data, format.mime);
      alert.hidden = true;
      alert.textContent = '';
    } catch (error) {
      alert.textContent = `Could not export ${title} as ${format.label}: ${error?.message ?? error}`;
      alert.hidden = false;
    } finally {
      button.removeAttribute('aria-disabled');
    }
  });
  return button;
}

/**
 * An "Export" control for a view: a <details class="corpus-export"> whose
 * buttons offer SVG and PNG when `svg()` returns an <svg> (or a Plot figure
 * holding one), CSV and JSON when `table()` returns a <table> (or an element
 * holding one, or `{columns, rows}`), and each of `extra`
 * (`[{label, mime, filename?, data: () => string | Promise<string>}]`).
 * With `framed`, a chart's SVG and PNG carry its title (the figure's, as
 * below), its legend (`legend()`: `[{label, colour, dash?}]`, the keys the
 * page shows beside the chart) and a source line made from the parameters
 * (sourceLine); without, the chart alone. The choice is made each time it opens, so it follows the view. Every
 * export records `parameters()`, called at click time. `name` ("heatmap"),
 * or a function returning it, names the files; a function is asked each
 * time the menu opens, for a figure named after what it shows once that is
 * known. The controls are named by the title of the <figure> the
 * control is put in, as the page shows it ("Export Heatmap", "PNG of
 * Heatmap"): the element the figure's `aria-labelledby` names, or its
 * `aria-label`; else by `name`. Failures show in a role="alert" line inside
 * the control. `download` saves a file (by default through a link in the
 * page's body).
 */
export function exportControls({ name, parameters, svg, table, extra = [], framed = false, legend = () => [], download: save = download }) {
  const control = document.createElement('details');
  control.className = 'corpus-export';
  const summary = document.createElement('summary');
  summary.className = 'corpus-export-summary';
  summary.id = `corpus-export-${++controls}`;
  summary.textContent = 'Export';
  const menu = document.createElement('div');
  menu.className = 'corpus-export-menu';
  menu.setAttribute('role', 'group');
  const alert = document.createElement('p');
  alert.className = 'corpus-export-error';
  alert.setAttribute('role', 'alert');
  alert.hidden = true;
  const nameNow = typeof name === 'function' ? name : () => name;
  const titled = () => figureTitle(control) || nameNow();
  const refresh = () => {
    nameControl(control, titled(), figureHeading(control));
    const frame = (p) => (framed ? { title: titled(), legend: legend(), source: sourceLine(p) } : null);
    const buttons = formats({ svg, table, extra, frame }).map((format) => formatButton(nameNow(), titled(), format, parameters, alert, save));
    const empty = document.createElement('span');
    empty.className = 'corpus-export-empty';
    empty.textContent = 'Nothing to export yet.';
    menu.replaceChildren(...(buttons.length ? buttons : [empty]));
  };
  control.addEventListener('toggle', () => {
    if (control.open) refresh();
  });
  control.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !control.open) return;
    control.open = false;
    summary.focus();
  });
  control.append(summary, menu, alert);
  // Once put in its figure (a page does so at once), it takes the figure's title.
  queueMicrotask(() => nameControl(control, titled(), figureHeading(control)));
  refresh();
  return control;
}
