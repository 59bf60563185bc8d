// The third-party chart code the page uses, and only that: scripts/build.sh
// bundles this file with esbuild into www/vendor/charts.js, one static ES
// module with no CDN behind it. The page's own modules stay unbundled and
// import what they need from '../vendor/charts.js'. Named re-exports let
// esbuild leave out the parts of d3 and Plot that nothing here names.

// The network's layout (js/network-chart.js). The SVG is drawn by hand, so
// neither d3-selection nor d3-zoom is needed.
export { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';

// Bars, lines and heatmaps: the overview, the timeline, the entity page, the
// comparison and the heatmap (js/matrix.js).
export {
  areaY, axisX, axisY, barX, barY, cell, dot, gridX, gridY, line, lineY, plot, ruleX, ruleY, text, tip,
} from '@observablehq/plot';
