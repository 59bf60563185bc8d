// Edges that keep a chart's marks in sight: WCAG 1.4.11 asks that a graphic
// needed to understand the content stand 3:1 from what is next to it. The
// palettes are Paul Tol's, chosen so that colour-blind readers tell them
// apart, and several of their pale colours (the entity types' in the light
// theme, its sand, cyan and teal series, viridis's bright end) stand less
// than 3:1 from a white surface; viridis's dark end, less than 3:1 from a
// dark one. Such a mark keeps its colour and gets an edge: the colour moved
// towards the text colour just far enough to stand 3:1 (darker on a light
// surface, lighter on a dark one). A bar or a cell is outlined in it, a dot
// ringed, a line drawn in it, and a legend key bordered, so that the key
// shows both. A colour that stands 3:1 on its own is left alone.
import { themeValue } from '../widgets/widget.js';

const LEAST = 3; // the ratio WCAG 1.4.11 asks of graphics
const STEP = 0.05; // of the text colour mixed in at a time

/** The marks Plot draws that carry data, by their group's `data-mark` (see charts.js). */
const FILLED = 'g:is([data-mark="bar"], [data-mark="cell"], [data-mark="dot"]) > :is(rect, circle, path)';
const STROKED = 'g[data-mark="line"] > path';

let probe = null;
const parsed = new Map();

/** A CSS colour as `[r, g, b]` (0–255, sRGB), as a canvas paints it; null if it is none. */
function rgbOf(colour) {
  if (!colour || colour === 'none' || colour === 'currentColor' || colour.startsWith('url(')) return null;
  if (!parsed.has(colour)) {
    probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = '#000';
    probe.fillStyle = colour;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    parsed.set(colour, a === 255 ? [r, g, b] : null);
  }
  return parsed.get(colour);
}

function luminance(rgb) {
  const linear = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

/** WCAG's contrast ratio of two `[r, g, b]` colours, from 1 to 21. */
export function contrastRatio(a, b) {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

const hex = (rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * The edge for a mark of `colour` on `background` (a colour, or several a
 * mark may stand on): `colour` itself if it stands 3:1 from each, else
 * `colour` mixed with `text` (the theme's text colour) in steps of 5% until
 * it does, at most `text` itself. Colours a canvas cannot paint opaque come
 * back as they are.
 */
export function edgeColour(colour, background, text) {
  const [rgb, fg] = [rgbOf(colour), rgbOf(text)];
  const grounds = [background].flat().map(rgbOf);
  const stands = (c) => grounds.every((bg) => contrastRatio(c, bg) >= LEAST);
  if (!rgb || !fg || grounds.some((bg) => !bg) || stands(rgb)) return colour;
  for (let share = STEP; share < 1; share += STEP) {
    const mixed = rgb.map((c, i) => Math.round(c + (fg[i] - c) * share));
    if (stands(mixed)) return hex(mixed);
  }
  return hex(fg);
}

/**
 * Edge every mark of the Plot charts in `container` (or of `container`, a
 * chart) and every legend key in it (an element whose inline style sets
 * `--corpus-swatch`, which gets `--corpus-swatch-edge`), against the
 * theme's surface as it applies at `where` (an element in the widget); a
 * key, which may sit in a chosen chip, against the selected fill too.
 */
export function edgeChart(container, where = container) {
  const background = themeValue(where, 'surface');
  const text = themeValue(where, 'fg');
  const edge = (/** @type {string} */ colour, /** @type {string | string[]} */ grounds = background) => edgeColour(colour, grounds, text);
  const keyGrounds = [background, themeValue(where, 'selected-bg')];
  const within = (selector) => [...(container.matches?.(selector) ? [container] : []), ...container.querySelectorAll(selector)];
  for (const mark of within(FILLED)) {
    const fill = mark.getAttribute('fill') ?? mark.parentElement.getAttribute('fill');
    const edged = edge(fill);
    if (edged === fill) continue;
    mark.setAttribute('stroke', edged);
    mark.setAttribute('stroke-width', '1');
  }
  for (const line of within(STROKED)) {
    const stroke = line.getAttribute('stroke') ?? line.parentElement.getAttribute('stroke');
    const edged = edge(stroke);
    if (edged !== stroke) line.setAttribute('stroke', edged);
  }
  for (const key of within('[style*="--corpus-swatch"]')) {
    key.style.setProperty('--corpus-swatch-edge', edge(key.style.getPropertyValue('--corpus-swatch').trim(), keyGrounds));
  }
}

/**
 * Edge every node of a network drawing (network-chart.js) whose community
 * colour stands less than 3:1 from the surface: its ring takes the edge
 * colour (`--corpus-node-edge`), where it would otherwise be the surface
 * colour that parts overlapping nodes.
 */
export function edgeNetwork(svg, where) {
  const background = themeValue(where, 'surface');
  const text = themeValue(where, 'fg');
  for (const node of svg.querySelectorAll('.corpus-network-node')) {
    const fill = getComputedStyle(node.querySelector('circle')).fill;
    const edged = edgeColour(fill, background, text);
    if (edged === fill) node.style.removeProperty('--corpus-node-edge');
    else node.style.setProperty('--corpus-node-edge', edged);
  }
}
