// The chart libraries (www/vendor/charts.js: d3-force and Observable Plot),
// loaded when the first chart is drawn: a page showing only a search widget
// never downloads them. Call `await loadCharts()` before drawing; then
// `charts.plot(…)`, `charts.forceSimulation(…)` and the rest are there.
export const charts = {};

let loading = null;

/** Load the libraries once; resolves to `charts`, filled. */
export function loadCharts() {
  loading ??= import('../vendor/charts.js').then((module) => Object.assign(charts, module, { plot: withoutStyle(module.plot) }));
  return loading;
}

/**
 * Plot's `plot`, less the <style> element it writes into every chart: a
 * strict Content-Security-Policy refuses a style element made at run time,
 * so its rules are in corpus.css instead. Taken out before the chart is
 * ever in the page, so no policy is asked.
 */
function withoutStyle(plot) {
  return (options) => {
    const chart = plot(options);
    for (const style of chart.querySelectorAll('style')) style.remove();
    return chart;
  };
}
