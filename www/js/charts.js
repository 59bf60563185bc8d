// The chart libraries (www/vendor/charts.js: d3-force and Observable Plot),
// loaded when the first chart is drawn: a page showing only a search widget
// never downloads them. Call `await loadCharts()` before drawing; then
// `charts.plot(…)`, `charts.forceSimulation(…)` and the rest are there.
export const charts = {};

let loading = null;

/** Load the libraries once; resolves to `charts`, filled. */
export function loadCharts() {
  loading ??= import('../vendor/charts.js').then((module) => Object.assign(charts, module));
  return loading;
}
