// Static markup built with DOM calls: a widget's controls and frames, never
// strings through innerHTML (a strict Content-Security-Policy with Trusted
// Types refuses those, and corpus text must never be parsed as markup).

/**
 * A new element: `h('label', {class: 'x', for: 'y'}, 'Text', h('input', {type: 'search'}))`.
 * An attribute whose value is `true` is set empty, one that is `false`,
 * null or undefined is left out; children are nodes or strings (as text).
 */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child != null && child !== false));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A new SVG element with its attributes: `svgElement('line', {x1: 0, y1: 2})`. */
export function svgElement(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}
