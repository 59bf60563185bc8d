// charts/: drawing charts: the lazily loaded libraries (this file), a
// chart's figure and its table (chart-figure.js, chart-table.js), and the
// edges that keep pale marks at 3:1 (chart-edges.js).
//
// The chart libraries (www/vendor/charts.js: d3-force and Observable Plot),
// loaded when the first chart is drawn: a page showing only a search widget
// never downloads them. Call `await loadCharts()` before drawing; then
// `charts.plot(…)`, `charts.forceSimulation(…)` and the rest are there.
export const charts = /** @type {typeof import('../../vendor/charts.js')} */ ({});

let loading = null;

/** Load the libraries once; resolves to `charts`, filled. */
export function loadCharts() {
  loading ??= import('../../vendor/charts.js').then((module) => Object.assign(charts, module, { plot: tidied(module.plot) }));
  return loading;
}

/**
 * Plot's `plot`, less two things it writes into every chart, both taken out
 * before the chart is ever in the page:
 *   - its <style> element: a strict Content-Security-Policy refuses a style
 *     element made at run time, so its rules are in corpus.css instead;
 *   - the `aria-label` (and any `aria-description`) on each mark's <g>
 *     ("bar", "x-axis tick"): ARIA forbids a name on an element without a
 *     role, and inside a chart drawn as one image (role="img", named by the
 *     view) they would say nothing anyway. The label stays as `data-mark`,
 *     which the views' styles and click handlers select marks by.
 */
function tidied(plot) {
  return (options) => {
    const chart = plot(options);
    for (const style of chart.querySelectorAll('style')) style.remove();
    for (const group of chart.querySelectorAll('g[aria-label], g[aria-description]')) {
      if (group.hasAttribute('aria-label')) group.dataset.mark = group.getAttribute('aria-label');
      group.removeAttribute('aria-label');
      group.removeAttribute('aria-description');
    }
    return chart;
  };
}
