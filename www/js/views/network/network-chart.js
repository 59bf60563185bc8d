// The network's drawing: a force-directed layout (d3-force) run to rest
// before anything is drawn, then plain SVG built element by element. Nodes
// start on a circle in the engine's order and d3-force's random source is
// seeded, so the same network always lands in the same place (stable
// screenshots, and a layout that does not jump when a control changes back).
// Entity names are set as text content: corpus text is untrusted. The
// drawing is one widget for the keyboard (network-keys.js).
import { charts } from '../../charts/charts.js';
import { svgElement } from '../../widgets/dom.js';
import { wireKeys } from './network-keys.js';

// Standing labels for the most mentioned nodes, up to about one per 80 px of
// width (4 on a phone, 16 at 1280 px) where they fit; the others on hover or
// focus.
const labelledCount = (width) => Math.max(4, Math.min(20, Math.round(width / 80)));
const MARGIN = 24;

/** A node's radius: its area grows with its mentions. */
function radius(count, most) {
  return 4 + 14 * Math.sqrt(count / most);
}

/**
 * Positions for `nodes` and `edges` (as corpus.cooccurrence returns them) in
 * a `width` × `height` box: `{nodes: [{...node, x, y, r}], edges: [{...edge, a, b}]}`.
 */
export function layoutNetwork(network, width, height) {
  const most = Math.max(1, ...network.nodes.map((n) => n.count));
  const n = network.nodes.length;
  const nodes = network.nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    return { ...node, r: radius(node.count, most), x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) };
  });
  const links = network.edges.map((edge) => ({ ...edge }));
  const simulation = charts.forceSimulation(nodes)
    .force('link', charts.forceLink(links).id((d) => d.id).distance((l) => 40 + l.source.r + l.target.r).strength(0.4))
    .force('charge', charts.forceManyBody().strength(-260))
    // Pulled harder vertically than horizontally: the box is wider than tall.
    .force('x', charts.forceX(width / 2).strength(0.05))
    .force('y', charts.forceY(height / 2).strength(0.09))
    .force('collide', charts.forceCollide((d) => d.r + 4))
    .stop();
  // Run to rest now (alpha from 1 down to alphaMin), rather than animating:
  // the chart appears settled and never moves again.
  const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
  simulation.tick(ticks);
  fitToBox(nodes, width, height);
  return { nodes, edges: links.map((l) => ({ ...l, source: l.source.id, target: l.target.id, a: l.source, b: l.target })) };
}

/**
 * Stretch the settled layout to fill the box, each axis on its own: the
 * forces settle into a round cloud, and the box is wide. Room is kept at the
 * top for the labels above the nodes.
 */
function fitToBox(nodes, width, height) {
  const extent = (key) => [Math.min(...nodes.map((n) => n[key] - n.r)), Math.max(...nodes.map((n) => n[key] + n.r))];
  const fit = (key, low, high) => {
    const [min, max] = extent(key);
    const scale = max - min > 0 ? (high - low) / (max - min) : 1;
    // A lone node or a flat row is centred instead of stretched.
    const offset = max - min > 0 ? low - min * scale : (low + high) / 2 - min;
    for (const node of nodes) node[key] = offset + node[key] * scale;
  };
  fit('x', MARGIN, width - MARGIN);
  fit('y', MARGIN + 14, height - MARGIN);
}

/**
 * An <svg> of the laid-out network. `onNode(node, {keyboard})` and
 * `onEdge(edge, {keyboard})` are called when one is chosen (click, Enter or
 * Space; `keyboard` when no pointer chose it, so that focus may follow);
 * `describeEdge(edge)` gives an edge's accessible name, `describedBy` the id
 * of the drawing's description (its key map). `colour(node)` is what the
 * node's colour shows: `{type}` or `{community}` (a colour slot, see
 * network-colours.js), set as its data attribute for the style sheet.
 */
export function drawNetwork(layout, { width, height, label, describedBy, font = 'sans-serif', colour, onNode, onEdge, describeEdge }) {
  const svg = svgElement('svg', {
    class: 'corpus-network-svg', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-roledescription': 'network', 'aria-label': label,
  });
  if (describedBy) svg.setAttribute('aria-describedby', describedBy);
  const nodeElements = new Map();
  const edgeElements = new Map();
  const shown = placeLabels(layout.nodes, width, height, font);
  const most = Math.max(...layout.edges.map((e) => e.score), 0);
  const least = Math.min(...layout.edges.map((e) => e.score), 0);

  const edges = svgElement('g', { class: 'corpus-network-edges' });
  for (const edge of layout.edges) {
    const group = svgElement('g', { class: 'corpus-network-edge', role: 'button', 'aria-label': describeEdge(edge) });
    group.dataset.source = edge.source;
    group.dataset.target = edge.target;
    const ends = { x1: edge.a.x, y1: edge.a.y, x2: edge.b.x, y2: edge.b.y };
    // A wide invisible line under the visible one: a 1-pixel edge is too thin to hit.
    const strokeWidth = 1 + 4 * ((edge.score - least) / (most - least || 1));
    group.append(svgElement('line', { ...ends, class: 'corpus-network-edge-hit' }), svgElement('line', { ...ends, class: 'corpus-network-edge-line', 'stroke-width': strokeWidth.toFixed(2) }));
    activate(group, (how) => onEdge(edge, how));
    edgeElements.set(edge, group);
    edges.append(group);
  }

  const nodes = svgElement('g', { class: 'corpus-network-nodes' });
  const labels = svgElement('g', { class: 'corpus-network-labels', 'aria-hidden': 'true' });
  for (const node of layout.nodes) {
    const group = svgElement('g', { class: 'corpus-network-node', transform: `translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`, role: 'button' });
    group.dataset.id = node.id;
    Object.assign(group.dataset, colour(node));
    group.setAttribute('aria-label', `${node.name}, ${node.count} mentions, ${node.degree} links`);
    // The focus ring stands off the circle, so that it shows on any fill
    // (drawn only while focused: an export leaves it out).
    group.append(svgElement('circle', { r: node.r.toFixed(1) }), svgElement('circle', { r: (node.r + 4).toFixed(1), class: 'corpus-network-ring' }));
    activate(group, (how) => onNode(node, how));
    nodeElements.set(node, group);
    nodes.append(group);
    // Labels sit in their own layer above every node, so no circle covers one.
    const place = shown.get(node.id) ?? { x: node.x, y: node.y - node.r - 4 };
    const text = svgElement('text', { x: place.x.toFixed(1), y: place.y.toFixed(1), class: 'corpus-network-label' });
    text.dataset.id = node.id;
    if (shown.has(node.id)) text.classList.add('is-shown');
    text.textContent = node.name;
    labels.append(text);
  }
  svg.append(edges, nodes, labels);
  wireHover(svg, layout);
  const keyboard = { keyboard: true };
  wireKeys(svg, layout, { nodeElements, edgeElements, choose: ({ node, edge }) => (node ? onNode(node, keyboard) : onEdge(edge, keyboard)) });
  return svg;
}

const LABEL_PX = 12; // the labels' font size (corpus.css)

/**
 * Where the standing labels go: node id → the baseline's middle `{x, y}`.
 * The most mentioned nodes first, each named above its circle, or else
 * below, right or left of it, moved in from the box's sides; a name that
 * fits nowhere without overlapping one already placed is left to hover, so
 * no two standing labels collide at any width.
 */
function placeLabels(nodes, width, height, font) {
  const order = [...nodes].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const limit = labelledCount(width);
  const textWidth = labelMeasurer(font);
  const boxes = [];
  const shown = new Map();
  for (const node of order) {
    if (shown.size === limit) break;
    const half = textWidth(node.name) / 2 + 2;
    const beside = node.r + half + 2;
    const middle = node.y + LABEL_PX / 2 - 2;
    const places = [
      [node.x, node.y - node.r - 4],
      [node.x, node.y + node.r + LABEL_PX + 2],
      [node.x + beside, middle],
      [node.x - beside, middle],
    ];
    for (const [wantX, y] of places) {
      const x = Math.min(Math.max(wantX, half), width - half);
      const box = { left: x - half, right: x + half, top: y - LABEL_PX, bottom: y + 3 };
      if (box.top < 0 || box.bottom > height || boxes.some((b) => overlaps(b, box))) continue;
      boxes.push(box);
      shown.set(node.id, { x, y });
      break;
    }
  }
  return shown;
}

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** `width(name)`: a name's width in px at the labels' size, in the font `family` the chart uses. */
function labelMeasurer(family) {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (name) => name.length * LABEL_PX * 0.6;
  context.font = `${LABEL_PX}px ${family}`;
  return (name) => context.measureText(name).width;
}

/**
 * A click chooses (Enter and Space too, see network-keys.js): the groups act
 * as buttons. A click without a pointer (detail 0: a screen reader's, or
 * the keyboard's) counts as the keyboard's.
 */
function activate(target, choose) {
  target.addEventListener('click', (event) => choose({ keyboard: event.detail === 0 }));
}

/** Hovering or focusing a node lights it, its neighbours, their edges and labels; the rest fade. */
function wireHover(svg, layout) {
  const neighbours = new Map(layout.nodes.map((n) => [n.id, new Set([n.id])]));
  for (const { source, target } of layout.edges) {
    neighbours.get(source)?.add(target);
    neighbours.get(target)?.add(source);
  }
  // `nodes`: the ids lit; `edge(el)`: whether an edge element is lit.
  const light = (nodes, edge) => {
    svg.classList.toggle('is-focused', nodes.size > 0);
    for (const el of svg.querySelectorAll('.corpus-network-node, .corpus-network-label')) el.classList.toggle('is-near', nodes.has(el.dataset.id));
    for (const el of svg.querySelectorAll('.corpus-network-edge')) el.classList.toggle('is-near', edge(el));
  };
  const none = () => light(new Set(), () => false);
  for (const group of svg.querySelectorAll('.corpus-network-node')) {
    const { id } = group.dataset;
    const lit = () => light(neighbours.get(id) ?? new Set(), (el) => el.dataset.source === id || el.dataset.target === id);
    for (const on of ['pointerenter', 'focus']) group.addEventListener(on, lit);
    for (const off of ['pointerleave', 'blur']) group.addEventListener(off, none);
  }
  // An edge lights its two ends, so their names show even when unlabelled.
  for (const group of svg.querySelectorAll('.corpus-network-edge')) {
    const lit = () => light(new Set([group.dataset.source, group.dataset.target]), (el) => el === group);
    for (const on of ['pointerenter', 'focus']) group.addEventListener(on, lit);
    for (const off of ['pointerleave', 'blur']) group.addEventListener(off, none);
  }
}
