// The network drawing used from the keyboard: one composite widget with a
// roving tabindex (WAI-ARIA Authoring Practices), so the whole drawing is a
// single Tab stop, whichever node or link was focused in it last (at first
// the most mentioned node). Inside it:
//   arrow keys   the nearest node that way (on a link: its end that way)
//   Home, End    the most and the least mentioned node
//   a name       typed: the next node with a word that starts so
//   ] and [      the focused node's links, strongest first, and back
//   Enter, Space choose (as a click does)
//   Escape       from a link, back to the node it was reached from
// The key map under the drawing says the same (keyMap); the view moves
// focus into the evidence when a link is chosen by keyboard.
import { h } from '../../widgets/dom.js';

const DIRECTIONS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
// How long typed letters add up to one name, as in a list box.
const TYPE_AHEAD_MS = 700;

/**
 * The node nearest to `from` in the direction `[dx, dy]` (screen axes, y
 * down), or null: the nearest in the quarter of the plane centred on that
 * direction (±45°), else the nearest anywhere on that side. Cones of 90°
 * split the plane between the four keys (a directed Yao graph). On the
 * embedded corpus's networks (five measures, three units, 30 to 100 nodes,
 * 342 to 1232 px wide) every node can be reached from every other (within
 * 5 presses of the first at the default settings); narrower cones or
 * a penalty for going sideways left some node unreachable.
 */
export function nearestNode(nodes, from, [dx, dy]) {
  let best = null;
  let bestScore = Infinity;
  for (const node of nodes) {
    const x = node.x - from.x;
    const y = node.y - from.y;
    const along = x * dx + y * dy;
    if (node === from || along <= 0) continue;
    const across = Math.abs(x * dy - y * dx);
    // Outside the cone only counts when nothing is inside it.
    const score = Math.hypot(x, y) + (across <= along ? 0 : 1e9);
    if (score < bestScore) [best, bestScore] = [node, score];
  }
  return best;
}

/**
 * Each node's links, strongest first (by the measure's score, then by
 * count, then by the other end's mentions and name): node id → [edge].
 */
export function linksByWeight(edges, nodes) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const links = new Map(nodes.map((node) => [node.id, []]));
  for (const edge of edges) {
    links.get(edge.source)?.push(edge);
    links.get(edge.target)?.push(edge);
  }
  for (const [id, list] of links) {
    const other = (edge) => byId.get(edge.source === id ? edge.target : edge.source);
    list.sort((a, b) => b.score - a.score || b.count - a.count || other(b).count - other(a).count || other(a).name.localeCompare(other(b).name));
  }
  return links;
}

/** Nodes by mentions, most first, ties by name: Home, End and type-ahead go in this order. */
function byMentions(nodes) {
  return [...nodes].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * Make the drawn `svg` of `layout` one Tab stop with the keys above.
 * `nodeElements` and `edgeElements` map each layout node and edge to its
 * element; `choose(item, element)` is called on Enter or Space.
 */
export function wireKeys(svg, layout, { nodeElements, edgeElements, choose }) {
  const order = byMentions(layout.nodes);
  const links = linksByWeight(layout.edges, layout.nodes);
  const items = new Map(); // element → {node} or {edge}
  for (const [node, element] of nodeElements) items.set(element, { node });
  for (const [edge, element] of edgeElements) items.set(element, { edge });
  let current = null;
  let origin = null; // on a link: the node it was reached from
  let typed = '';
  let typedAt = 0;

  /** The one element of the drawing that Tab reaches. */
  const hold = (element) => {
    if (current === element) return;
    if (current) current.tabIndex = -1;
    current = element;
    current.tabIndex = 0;
  };
  const go = (element) => {
    if (!element) return;
    hold(element);
    element.focus();
  };
  const goNode = (node) => go(node && nodeElements.get(node));
  const goLink = (edge, from) => {
    if (!edge) return;
    origin = from;
    go(edgeElements.get(edge));
  };

  for (const element of items.keys()) element.tabIndex = -1;
  hold(nodeElements.get(order[0]));

  // Focus that arrives another way (a click, Tab, the view) moves the stop
  // too. Listened to on each element: Chromium makes an <svg> with a focus
  // listener of its own a Tab stop.
  for (const [element, { edge }] of items) {
    element.addEventListener('focus', () => {
      hold(element);
      if (edge && origin !== edge.a && origin !== edge.b) origin = edge.a;
    });
  }

  /** The next node after the focused one whose name, or a word of it, starts with what was typed. */
  const typeAhead = (key, from) => {
    const now = Date.now();
    typed = now - typedAt > TYPE_AHEAD_MS ? key.toLowerCase() : typed + key.toLowerCase();
    typedAt = now;
    // A new search starts after the focused node, so the same letter again goes on to the next.
    const start = from ? order.indexOf(from) + (typed.length === 1 ? 1 : 0) : 0;
    const matches = (node) => {
      const name = node.name.toLowerCase();
      return name.startsWith(typed) || name.includes(` ${typed}`) || name.includes(`-${typed}`);
    };
    for (let i = 0; i < order.length; i++) {
      const node = order[(start + i) % order.length];
      if (matches(node)) return node;
    }
    return null;
  };

  /** What a key does on a node; true if the key was used. */
  const onNode = (key, node, element) => {
    const direction = DIRECTIONS[key];
    if (direction) goNode(nearestNode(layout.nodes, node, direction));
    else if (key === 'Home') goNode(order[0]);
    else if (key === 'End') goNode(order.at(-1));
    else if (key === ']') goLink(links.get(node.id)[0], node);
    else if (key === '[') goLink(links.get(node.id).at(-1), node);
    else if (key === 'Enter' || key === ' ') choose({ node }, element);
    else return false;
    return true;
  };

  /** What a key does on a link; true if the key was used. */
  const onEdge = (key, edge, element) => {
    const from = origin ?? edge.a;
    const direction = DIRECTIONS[key];
    if (direction) {
      // Its end that way: the end further along the direction.
      const [dx, dy] = direction;
      const reach = (node) => node.x * dx + node.y * dy;
      const other = edge.a === from ? edge.b : edge.a;
      goNode(reach(other) >= reach(from) ? other : from);
    } else if (key === ']' || key === '[') {
      const list = links.get(from.id);
      const step = key === ']' ? 1 : -1;
      goLink(list[(list.indexOf(edge) + step + list.length) % list.length], from);
    } else if (key === 'Home') goNode(order[0]);
    else if (key === 'End') goNode(order.at(-1));
    else if (key === 'Escape') goNode(from);
    else if (key === 'Enter' || key === ' ') choose({ edge }, element);
    else return false;
    return true;
  };

  svg.addEventListener('keydown', (event) => {
    const item = items.get(event.target);
    // Shortcuts of the browser's (Alt+←: back) stay the browser's; a character
    // typed with AltGr or Option (`[` on a German keyboard) counts.
    const printable = event.key.length === 1;
    const altGraph = event.getModifierState?.('AltGraph');
    if (!item || event.isComposing || event.metaKey || (event.ctrlKey && !altGraph) || (event.altKey && !printable)) return;
    // A space while a name is being typed is part of the name, not a choice.
    const typing = event.key === ' ' && Date.now() - typedAt <= TYPE_AHEAD_MS;
    let used = !typing && (item.node ? onNode(event.key, item.node, event.target) : onEdge(event.key, item.edge, event.target));
    if (!used && printable && (typing || event.key !== ' ')) {
      goNode(typeAhead(event.key, item.node ?? origin));
      used = true;
    }
    if (used) event.preventDefault();
  });
}

/** A key as the key map shows it, with the words a screen reader says for a symbol. */
function key(label, spoken) {
  if (!spoken) return h('kbd', {}, label);
  return h('kbd', {}, h('span', { 'aria-hidden': 'true' }, label), h('span', { class: 'corpus-visually-hidden' }, spoken));
}

/** The key map shown under the drawing, which also describes it to screen readers (its `id`). */
export function keyMap(id) {
  return h('p', { class: 'corpus-network-keys', id },
    'Keyboard: ', key('Arrow keys'), ' go to the nearest entity that way, ',
    key('Home'), ' and ', key('End'), ' to the most and least mentioned, or type a name; ',
    key(']', 'right bracket'), ' and ', key('[', 'left bracket'), ' step through its links, strongest first; ',
    key('Enter'), ' opens an entity or shows a link’s sentences; ', key('Esc'), ' goes back.');
}
