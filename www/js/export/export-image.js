// Charts as image files: a standalone SVG of a chart on the page (computed
// styles inlined, parameters in <metadata>, framed with its title, legend
// and source line) and a PNG drawn from it (the parameters in a text
// chunk). Apart from export.js (the control) and
// export-formats.js (tables) because it is the one part that draws: the
// PNG chunk code is pure (tested under Node), the SVG code needs a DOM.
//
// Corpus text is untrusted. It reaches an SVG only as text nodes and
// attribute values, which XMLSerializer escapes; the characters XML cannot
// hold at all, which it writes as they are, are dropped (NOT_XML).

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/**
 * The characters XML 1.0 allows nowhere, not even as references: C0 controls
 * but tab, LF and CR, U+FFFE, U+FFFF and lone surrogates. A link or a corpus
 * can put them in a chart's labels (`q=a%07b`); one of them in the file and
 * no XML reader opens it, nor does the browser draw it for the PNG.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// ---------------------------------------------------------------------------
// PNG text chunks

let crcTable = null;

/** CRC-32 as PNG computes it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
function pngChunk(type, data) {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([...type].map((c) => c.charCodeAt(0)), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * The data of a text chunk: tEXt (Latin-1) when every character fits,
 * else iTXt (UTF-8, uncompressed, no language tag).
 */
function textChunk(keyword, text) {
  const latin1 = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const key = latin1(keyword);
  if ([...text].every((c) => c.charCodeAt(0) <= 0xff)) {
    return pngChunk('tEXt', Uint8Array.from([...key, 0, ...latin1(text)]));
  }
  // Keyword, NUL, compression flag 0, method 0, empty language tag and
  // translated keyword (each NUL-terminated), then the text.
  return pngChunk('iTXt', Uint8Array.from([...key, 0, 0, 0, 0, 0, ...new TextEncoder().encode(text)]));
}

/**
 * `pngBytes` with a text chunk (`keyword`: `text`) inserted right after
 * IHDR, so that any PNG reader (exiftool, Pillow's `image.text`, ImageMagick
 * `identify -verbose`) shows it.
 *
 * # Errors
 * Bytes that are not a PNG; a keyword that is not 1 to 79 printable
 * Latin-1 characters without leading, trailing or double spaces (the PNG
 * rule); text holding a NUL character.
 */
export function pngWithText(pngBytes, keyword, text) {
  const bytes = pngBytes instanceof Uint8Array ? pngBytes : new Uint8Array(pngBytes);
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG: the PNG signature is missing');
  const ihdrLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('not a PNG: the first chunk is not IHDR');
  if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || /^ | $| {2}/.test(keyword)) {
    throw new Error(`the PNG keyword ${JSON.stringify(keyword)} is not 1 to 79 printable Latin-1 characters`);
  }
  if (text.includes('\0')) throw new Error('PNG text cannot hold a NUL character');
  const at = 8 + 12 + ihdrLength;
  const chunk = textChunk(keyword, text);
  const out = new Uint8Array(bytes.length + chunk.length);
  out.set(bytes.subarray(0, at));
  out.set(chunk, at);
  out.set(bytes.subarray(at), at + chunk.length);
  return out;
}

// ---------------------------------------------------------------------------
// SVG

// What makes an SVG look as it does on the page, inlined from the computed
// style: the page's stylesheets and var(--corpus-…) colours do not travel
// with the file. Inherited properties are written where they differ from the
// parent's; the others where they differ from their initial value.
const INHERITED = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'paint-order',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant-numeric', 'letter-spacing',
  'text-anchor', 'dominant-baseline', 'white-space', 'visibility', 'color',
];
const NOT_INHERITED = {
  opacity: '1',
  'alignment-baseline': 'auto',
  'baseline-shift': '0px',
  'stop-color': 'rgb(0, 0, 0)',
  'stop-opacity': '1',
  'mix-blend-mode': 'normal',
};
// Dropped from the copy: only the page can use them.
const DROPPED_ELEMENTS = new Set(['script', 'style', 'foreignObject']);
const UNSTYLED_ELEMENTS = new Set(['title', 'desc', 'metadata']);
// Drawn only where referenced, so their computed display may be "none"
// (SVG 2's user-agent style sheet): kept whatever it says, with what is in them.
const RESOURCE_ELEMENTS = new Set(['defs', 'clipPath', 'mask', 'marker', 'pattern', 'linearGradient', 'radialGradient', 'symbol', 'filter']);

/** A computed url(…) value pointing into the file, not at the page's address. */
const localUrl = (value) => value.replace(/url\("?[^")#]*#([^")]+)"?\)/g, 'url(#$1)');

/** The declarations `[[property, value]]` that draw `element` as on the page. */
function inlineStyle(element, style, parentStyle) {
  const declarations = [];
  for (const property of INHERITED) {
    const value = style.getPropertyValue(property);
    if (!value) continue;
    if (!parentStyle || value !== parentStyle.getPropertyValue(property) || element.hasAttribute(property)) {
      declarations.push([property, localUrl(value)]);
    }
  }
  for (const [property, initial] of Object.entries(NOT_INHERITED)) {
    const value = style.getPropertyValue(property);
    if (value && value !== initial) declarations.push([property, localUrl(value)]);
  }
  return declarations;
}

/**
 * Copy the computed look of `original` and its descendants onto `copy` (a
 * deep clone of it): styles inlined (replacing `style` and presentation
 * attributes that use var()), event handlers and tabindex removed, anything
 * not displayed removed.
 */
function inlineTree(original, copy, parentStyle, inResource = false) {
  const style = getComputedStyle(original);
  for (const { name, value } of [...copy.attributes]) {
    const styling = name === 'style' || ((INHERITED.includes(name) || name in NOT_INHERITED) && value.includes('var('));
    if (styling || /^on/i.test(name) || name === 'tabindex') copy.removeAttribute(name);
  }
  // Through the CSSOM, not a style attribute: a strict Content-Security-Policy
  // refuses style attributes set from script, never CSSOM writes.
  for (const [property, value] of inlineStyle(original, style, parentStyle)) copy.style.setProperty(property, value);
  const copies = [...copy.children];
  [...original.children].forEach((child, i) => {
    const name = child.localName;
    const resource = inResource || RESOURCE_ELEMENTS.has(name);
    if (DROPPED_ELEMENTS.has(name) || (!resource && !UNSTYLED_ELEMENTS.has(name) && getComputedStyle(child).display === 'none')) {
      copies[i].remove();
    } else if (!UNSTYLED_ELEMENTS.has(name)) {
      inlineTree(child, copies[i], style, resource);
    }
  });
}

/** The drawing box of an <svg> on the page: its viewBox, else its size. */
function svgBox(svg) {
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0 && box.height > 0) return { x: box.x, y: box.y, width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  const length = (name, fallback) => Number.parseFloat(svg.getAttribute(name)) || fallback;
  return { x: 0, y: 0, width: length('width', rect.width), height: length('height', rect.height) };
}

/** A standalone copy of one on-page <svg>: `{svg, box}`, its size in user units. */
function standaloneCopy(svg) {
  const copy = svg.cloneNode(true);
  inlineTree(svg, copy, null);
  const box = svgBox(svg);
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  return { svg: copy, box };
}

/** The colour behind `element` on the page: the first opaque background up its ancestors. */
function backgroundBehind(element) {
  for (let node = element; node instanceof Element; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return 'rgb(255, 255, 255)';
}

/**
 * The outermost <svg> elements in `element` (itself, if it is one): a Plot
 * chart with a legend is a <figure> holding the legend's <svg> and the chart's.
 */
export function outermostSvgs(element) {
  if (element?.localName === 'svg') return [element];
  if (!(element instanceof Element)) return [];
  return [...element.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
}

/**
 * How far the drawing of an on-page <svg> reaches past its box on each
 * side, in its units: a Plot legend's first and last tick labels do.
 */
function overhang(svg, box) {
  let drawn;
  try {
    drawn = svg.getBBox();
  } catch {
    return { left: 0, right: 0, top: 0, bottom: 0 };
  }
  return {
    left: Math.max(0, box.x - drawn.x),
    right: Math.max(0, drawn.x + drawn.width - (box.x + box.width)),
    top: Math.max(0, box.y - drawn.y),
    bottom: Math.max(0, drawn.y + drawn.height - (box.y + box.height)),
  };
}

/**
 * Several on-page SVGs stacked top to bottom in one, 8 units apart, each
 * drawn whole (overflow shown, with room made for it).
 */
function stacked(svgs) {
  const root = document.createElementNS(SVG_NS, 'svg');
  const copies = svgs.map((one) => {
    const copy = standaloneCopy(one);
    return { ...copy, over: overhang(one, copy.box) };
  });
  const left = Math.ceil(Math.max(...copies.map((c) => c.over.left)));
  let y = 0;
  let width = 0;
  for (const { svg, box, over } of copies) {
    y += Math.ceil(over.top);
    svg.setAttribute('x', String(left));
    svg.setAttribute('y', String(y));
    svg.style.setProperty('overflow', 'visible');
    root.append(svg);
    y += box.height + Math.ceil(over.bottom) + 8;
    width = Math.max(width, left + box.width + Math.ceil(over.right));
  }
  const height = Math.max(0, y - 8);
  for (const [name, value] of /** @type {[string, string | number][]} */ ([['viewBox', `0 0 ${width} ${height}`], ['width', width], ['height', height]])) root.setAttribute(name, String(value));
  return { svg: root, box: { x: 0, y: 0, width, height } };
}

/**
 * A legend entry as the export draws it: a swatch of `colour` (a line with
 * `dash`, the stroke-dasharray, when given; edged in `edge` when given) and
 * its label.
 * @typedef {{label: string, colour: string, dash?: string, edge?: string}} LegendEntry
 */

/** What frames an exported chart: its title above, its legend and source line below. */
/** @typedef {{title: string, legend?: LegendEntry[], source: string}} Frame */

const FRAME_PAD = 12; // units around the framed chart
const FRAME_WIDTH_LEAST = 420; // so that a narrow chart's source line still reads

let measuring = null;

/** The width of `text` in `font`, as a canvas measures it. */
function textWidth(text, font) {
  measuring ??= document.createElement('canvas').getContext('2d');
  measuring.font = font;
  return measuring.measureText(text).width;
}

/** `text` cut at spaces into lines no wider than `width` in `font`. */
function wrapped(text, font, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && textWidth(longer, font) > width) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function svgNode(name, attributes, text) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text != null) node.textContent = text;
  return node;
}

/**
 * `{svg, box}` framed for a file on its own: `frame.title` above (bold),
 * then the chart, then its legend (the HTML legend the page shows beside a
 * chart does not travel with the SVG) and the source line, in the chart's
 * own font and colour (`look`).
 * @param {{svg: SVGSVGElement, box: {x: number, y: number, width: number, height: number}}} chart
 * @param {Frame} frame
 * @param {{colour: string, family: string}} look
 */
function framedSvg({ svg, box }, { title, legend = [], source }, look) {
  const width = Math.ceil(Math.max(box.width + 2 * FRAME_PAD, FRAME_WIDTH_LEAST));
  const inner = width - 2 * FRAME_PAD;
  const root = svgNode('svg', {});
  const text = (x, y, content, size, extra = {}) => svgNode('text', { x, y, fill: look.colour, 'font-family': look.family, 'font-size': size, ...extra }, content);
  let y = FRAME_PAD;
  for (const line of wrapped(title, `600 15px ${look.family}`, inner)) {
    y += 18;
    root.append(text(FRAME_PAD, y, line, 15, { 'font-weight': 600, class: 'corpus-export-title' }));
  }
  y += 8;
  svg.setAttribute('x', String(FRAME_PAD + Math.max(0, (inner - box.width) / 2)));
  svg.setAttribute('y', String(y));
  root.append(svg);
  y += box.height + 6;
  const keys = svgNode('g', { class: 'corpus-export-legend' });
  let x = FRAME_PAD;
  let row = y + 14;
  for (const { label, colour, dash, edge } of legend) {
    const step = 26 + textWidth(label, `12px ${look.family}`) + 14;
    if (x > FRAME_PAD && x + step > width - FRAME_PAD) {
      x = FRAME_PAD;
      row += 18;
    }
    keys.append(dash
      ? svgNode('line', { x1: x, x2: x + 20, y1: row - 4, y2: row - 4, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dash })
      : svgNode('rect', { x, y: row - 10, width: 20, height: 10, rx: 2, fill: colour, ...(edge ? { stroke: edge } : {}) }));
    keys.append(text(x + 26, row, label, 12));
    x += step;
  }
  if (legend.length) {
    root.append(keys);
    y = row + 6;
  }
  for (const line of wrapped(source, `10.5px ${look.family}`, inner)) {
    y += 14;
    root.append(text(FRAME_PAD, y, line, 10.5, { 'fill-opacity': 0.75, class: 'corpus-export-source' }));
  }
  y += FRAME_PAD;
  for (const [name, value] of Object.entries({ viewBox: `0 0 ${width} ${y}`, width, height: y })) root.setAttribute(name, String(value));
  return { svg: root, box: { x: 0, y: 0, width, height: y } };
}

/**
 * A standalone SVG file of a chart on the page, as a string: `element` is an
 * <svg>, or an element holding several (a Plot figure with its legend:
 * their SVGs are stacked; HTML legends are left out). Computed styles are
 * inlined (no stylesheet or var() needed), hidden parts dropped, the page's
 * background drawn behind, and `parameters` recorded as JSON in <metadata>.
 * Corpus text stays text: the serializer escapes it.
 *
 * # Errors
 * No <svg> in `element`.
 */
export function svgForExport(element, parameters = {}, frame = null) {
  return exportSvg(element, parameters, frame).text;
}

/**
 * The same as `{text, width, height}`: the file and its size, for svgToPng.
 * With `frame` ({@link Frame}), the chart is drawn with its title above and
 * its legend and source line below.
 */
export function exportSvg(element, parameters = {}, frame = null) {
  const svgs = outermostSvgs(element);
  if (svgs.length === 0) throw new Error('there is no chart (SVG) to export');
  let { svg, box } = svgs.length === 1 ? standaloneCopy(svgs[0]) : stacked(svgs);
  if (frame) {
    const style = getComputedStyle(svgs[0]);
    ({ svg, box } = framedSvg({ svg, box }, frame, { colour: style.color, family: style.fontFamily }));
  }
  svg.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of Object.entries({ class: 'corpus-export-background', x: box.x, y: box.y, width: box.width, height: box.height, fill: backgroundBehind(svgs[0]) })) {
    background.setAttribute(name, String(value));
  }
  const metadata = document.createElementNS(SVG_NS, 'metadata');
  metadata.setAttribute('class', 'corpus-lens-parameters');
  metadata.textContent = JSON.stringify(parameters ?? {});
  svg.prepend(metadata, background);
  const markup = new XMLSerializer().serializeToString(svg).replace(NOT_XML, '');
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`;
  return { text, width: box.width, height: box.height };
}

/** An <img> of `url`, once it has loaded. */
function loadedImage(url) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the SVG as an image'));
    image.src = url;
  });
}

/**
 * A PNG of an exported SVG (`exportSvg`'s `{text, width, height}`), `scale`
 * pixels per SVG unit (2 by default: sharp on high-density screens; at most
 * 8192 pixels a side, the scale is lowered to fit), carrying `parameters` as
 * a tEXt "parameters" chunk.
 *
 * # Errors
 * An SVG with no size, or one the browser cannot draw.
 */
export async function svgToPng({ text, width, height }, scale = 2, parameters = {}) {
  if (!(width > 0 && height > 0)) throw new Error('the SVG has no width and height');
  const fitted = Math.min(scale, 8192 / width, 8192 / height);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = await loadedImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * fitted));
    canvas.height = Math.max(1, Math.round(height * fitted));
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the PNG');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return pngWithText(bytes, 'parameters', JSON.stringify(parameters ?? {}));
  } finally {
    URL.revokeObjectURL(url);
  }
}
