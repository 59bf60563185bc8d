// The entity page's three chart cards: mentions over time, the associated
// entities and the words around it. For each: the card with its controls,
// what it asks the corpus (`load`), and how it is drawn from that answer
// (`draw`, again on a resize, without asking anew). Every chart is a
// <figure class="corpus-figure"> holding an Observable Plot SVG
// (role="img") and its numbers as a table. The page, entity-page.js, says
// when to load, keeps the answers and chooses the width.
import { charts } from '../../charts/charts.js';
import { edgeChart } from '../../charts/chart-edges.js';
import { chartTable, exact } from '../../charts/chart-table.js';
import { formatCount, plural } from '../../widgets/format.js';
import { typeLabel, typePluralLabel } from '../../widgets/entity-types.js';
import { evidenceItem } from '../../widgets/evidence.js';
import { numberProblem } from '../../widgets/number-fields.js';
import { element } from '../../widgets/highlight.js';
import { MEASURES, formatScore, measureLabel, optionElements, unitPlural } from '../../widgets/network-options.js';
import { PLOT_STYLE, clip, describedSvg } from '../../charts/chart-figure.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

const TOP = 12; // bars of the association charts
const COLLOCATES = 40; // rows of the collocates table
const BUCKETS = [['year', 'Year'], ['month', 'Month'], ['issue', 'Issue']];
const UNITS = [['sentence', 'sentence'], ['paragraph', 'paragraph'], ['document', 'document']];
const WINDOWS = [[2, '2 words'], [5, '5 words'], [10, '10 words'], [20, '20 words']];
const CHAR_WIDTH = 6.5; // px per character of an 11 px label
const BAR_STEP = 24; // px per bar
const LABEL_CHARS = 26; // longer axis labels are cut ("…"); the table has them whole
// The types corpus.cooccurrence counts by default; a page of a date, a sum or
// a quantity adds its own type, or the entity would have no edges at all.
const NETWORK_TYPES = ['person', 'place', 'organization', 'media', 'nationality', 'event'];

/**
 * The cards by name, in the page's order. `load(corpus, entity, section)`
 * reads the card's controls and resolves to what `draw(figure, data,
 * context)` draws. The context: `width`; `colour(type)`, a type's colour;
 * `open(id)`, which opens an entity; `evidence(otherId, options)`, the
 * units behind the entity and another (corpus.evidence); `titleOf(docId)`;
 * `openDocument({id, start, end})`.
 */
export const CHARTS = {
  timeline: { load: loadTimeline, draw: drawTimeline },
  cooccur: { load: loadCooccurrence, draw: drawCooccurrence },
  collocates: { load: loadCollocates, draw: drawCollocates },
};

/**
 * The three cards, empty. `onChange(name)`: a control of what is asked
 * changed; `onFilter(name)`: a control of what is shown of the answer did.
 */
export function chartSections(ids, onChange, onFilter) {
  return [
    timelineSection(ids, () => onChange('timeline')),
    cooccurSection(ids, () => onChange('cooccur'), () => onFilter('cooccur')),
    collocatesSection(ids, () => onChange('collocates')),
  ];
}

function timelineSection(ids, onChange) {
  const buckets = element('fieldset', 'corpus-entity-switch');
  buckets.append(element('legend', 'corpus-visually-hidden', 'Count by'));
  for (const [value, label] of BUCKETS) {
    const option = element('label', 'corpus-entity-switch-option');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = `${ids}-bucket`;
    radio.value = value;
    radio.checked = value === 'year';
    radio.addEventListener('change', onChange);
    option.append(radio, label);
    buckets.append(option);
  }
  return chartSection(ids, 'timeline', 'Mentions over time', [buckets]);
}

function cooccurSection(ids, onChange, onFilter) {
  const unit = select('corpus-entity-unit', 'Counted by', UNITS, 'sentence');
  const measure = select('corpus-entity-measure', 'Ranked by', MEASURES, 'logdice');
  for (const control of [unit, measure]) control.field.addEventListener('change', onChange);
  const type = select('corpus-entity-neighbour-type', 'Type', [['', 'all types'], ...NETWORK_TYPES.map((t) => [t, typePluralLabel(t).toLowerCase()])], '');
  const least = numberField('corpus-entity-min-count', 'Together at least', { min: 1, max: MOST_TOGETHER, value: 1 });
  type.field.addEventListener('change', onFilter);
  least.field.addEventListener('input', onFilter);
  const section = chartSection(ids, 'cooccur', 'Associated entities', [unit.label, measure.label, type.label, least.label]);
  const evidence = element('div', 'corpus-entity-evidence');
  evidence.setAttribute('aria-live', 'polite');
  section.append(evidence);
  return section;
}

function collocatesSection(ids, onChange) {
  const within = select('corpus-entity-window', 'Within', WINDOWS, '5');
  const measure = select('corpus-entity-collocate-measure', 'Ranked by', MEASURES, 'logdice');
  for (const control of [within, measure]) control.field.addEventListener('change', onChange);
  return chartSection(ids, 'collocates', 'Words around it', [within.label, measure.label]);
}

/** A card with a heading and controls, then a figure: caption, chart, table. */
function chartSection(ids, name, title, controls) {
  const section = element('section', `corpus-entity-card corpus-entity-${name}`);
  const heading = element('h4', 'corpus-entity-section-title', title);
  heading.id = `${ids}-${name}`;
  section.setAttribute('aria-labelledby', heading.id);
  const bar = element('div', 'corpus-entity-controls');
  bar.append(...controls);
  const figure = element('figure', 'corpus-figure corpus-entity-figure');
  figure.dataset.section = name;
  figure.setAttribute('aria-labelledby', heading.id); // named, and its export menu too, by the card's heading
  figure.append(element('figcaption', 'corpus-entity-caption'), element('div', 'corpus-entity-chart'), element('div', 'corpus-entity-table'));
  section.append(heading, bar, figure);
  return section;
}

let fields = 0;

/**
 * A <select> with `[value, label]` options and its label beside it (not
 * around it, so that its name is the label alone): `{label, field}`, the
 * label being the pair's box.
 */
function select(className, text, pairs, selected) {
  const box = element('span', 'corpus-entity-control');
  const field = element('select', className);
  field.id = `corpus-entity-field-${++fields}`;
  field.append(...optionElements(pairs.map(([v, l]) => [String(v), l]), String(selected)));
  const label = element('label', '', text);
  label.htmlFor = field.id;
  box.append(label, field);
  return { label: box, field };
}

/** A whole-number <input> with its label beside it, as `select` makes them. */
function numberField(className, text, { min, max, value }) {
  const box = element('span', 'corpus-entity-control');
  const field = element('input', className);
  Object.assign(field, { id: `corpus-entity-field-${++fields}`, type: 'number', min, max, step: 1, value, inputMode: 'numeric' });
  field.dataset.label = text;
  const label = element('label', '', text);
  label.htmlFor = field.id;
  box.append(label, field);
  return { label: box, field };
}

/** A section's computation failed: say so under it, and empty its figure. */
export function sectionError(section, error) {
  const figure = section.querySelector('figure');
  const message = element('p', 'corpus-entity-error', `Could not compute this: ${error.message}`);
  message.setAttribute('role', 'alert');
  if (figure) fill(figure, { caption: '', svg: null, table: null, empty: '' });
  section.querySelector('.corpus-entity-error')?.remove();
  section.append(message);
}

// ---- mentions over time

/** @param {AnyCorpus} corpus */
async function loadTimeline(corpus, entity, section) {
  const bucket = section.querySelector('.corpus-entity-switch input:checked')?.value ?? 'year';
  return { entity, timeline: await corpus.timeline({ entities: [entity.id], bucket }) };
}

function drawTimeline(figure, { entity, timeline }, { width, colour }) {
  const { bucket, buckets, tokens } = timeline;
  const series = timeline.series[0] ?? { values: buckets.map(() => 0), total: 0 };
  const per = { year: 'year', month: 'month', issue: 'issue', document: 'document' }[bucket] ?? bucket;
  const caption = `Mentions of ${entity.name} per ${per}, ${formatCount(series.total)} in all`;
  // A period without documents has no count, rather than 0: the line
  // breaks there instead of dipping to the axis.
  const points = buckets.map((b, i) => ({ bucket: b, value: tokens[i] === 0 ? null : series.values[i], words: tokens[i] }));
  const bars = bucket === 'issue' || bucket === 'document';
  const svg = timelineChart(points, { buckets, bars, width, colour: colour(entity.type) });
  const columns = [{ label: capitalise(per) }, { label: 'Mentions', numeric: true }, { label: 'Words in the period', numeric: true }];
  // "–": no documents in that period (not the same as no mentions).
  const rows = points.map((p) => [p.bucket, p.value == null ? exact('–', null) : formatCount(p.value), formatCount(p.words)]);
  fill(figure, {
    caption,
    svg: describedSvg(svg, 'corpus-entity-svg', `${caption}; the table below has the numbers`),
    table: chartTable('Mentions over time as a table', caption, columns, rows),
    empty: series.total === 0 ? 'No mentions to draw.' : '',
  });
}

/** A line over the periods, or bars (issues and documents, which have no even spacing). */
function timelineChart(points, { buckets, bars, width, colour }) {
  const step = Math.max(1, Math.ceil((buckets.length * 70) / width));
  const longest = Math.max(0, ...buckets.map((b) => b.length));
  const slant = longest * CHAR_WIDTH + 8 > (width - 60) / Math.ceil(buckets.length / step);
  const tip = (p) => `${p.bucket}: ${p.value == null ? 'no documents' : plural(p.value, 'mention')}`;
  const most = Math.max(0, ...points.map((p) => p.value ?? 0));
  return charts.plot({
    width,
    height: 220,
    marginBottom: slant ? Math.min(120, longest * 4.5 + 20) : 30,
    style: PLOT_STYLE,
    x: { type: bars ? 'band' : 'point', domain: buckets, ticks: buckets.filter((_, i) => i % step === 0), label: null, tickRotate: slant ? -30 : 0, padding: bars ? 0.2 : 0.5 },
    // Whole numbers: no tick at half a mention.
    y: { grid: true, label: 'mentions', nice: true, zero: true, ticks: Math.max(1, Math.min(5, most)), tickFormat: 'd' },
    marks: bars
      ? [charts.barY(points, { x: 'bucket', y: 'value', fill: colour, title: tip }), charts.ruleY([0])]
      : [
        charts.ruleY([0]),
        charts.line(points, { x: 'bucket', y: 'value', stroke: colour, strokeWidth: 2 }),
        charts.dot(points.filter((p) => p.value != null), { x: 'bucket', y: 'value', fill: colour, r: 3, title: tip }),
      ],
  });
}

// ---- associated entities

/** @param {AnyCorpus} corpus */
async function loadCooccurrence(corpus, entity, section) {
  const unit = section.querySelector('.corpus-entity-unit').value;
  const measure = section.querySelector('.corpus-entity-measure').value;
  // The whole network, then this entity's edges: the `entities` option
  // would count only among the ids given ("among themselves"), and a
  // `query` scope would change every other entity's frequency, and so
  // every score. Columns cross from a worker far faster than objects.
  const types = NETWORK_TYPES.includes(entity.type) ? {} : { types: [...NETWORK_TYPES, entity.type] };
  const network = await corpus.cooccurrenceColumns({ unit, measure, ...types });
  section.querySelector('.corpus-entity-evidence').replaceChildren(); // counted anew: what it showed may have changed
  return { entity, unit, measure, rows: neighbours(network, entity.id) };
}

/**
 * The type and the least count the card's filters ask for, or the filters'
 * problem (a count out of range) to say instead of a chart.
 */
function neighbourFilter(section) {
  const type = section.querySelector('.corpus-entity-neighbour-type').value;
  const least = section.querySelector('.corpus-entity-min-count');
  const problem = numberProblem(section.querySelector('.corpus-entity-controls'));
  return { type, least: Number(least.value), problem };
}

function drawCooccurrence(figure, { entity, unit, measure, rows: all }, context) {
  const { width, colour, open } = context;
  const section = figure.closest('section');
  const { type, least, problem } = neighbourFilter(section);
  if (problem) {
    fill(figure, { caption: '', svg: null, table: null, empty: `${problem}.` });
    return;
  }
  const rows = all.filter((r) => (!type || r.type === type) && r.count >= least);
  const counting = measure === 'count';
  const name = measureLabel(measure);
  const filters = [type && typePluralLabel(type).toLowerCase(), least > 1 && `together in at least ${plural(least, unitPlural(unit, 1), unitPlural(unit))}`].filter(Boolean);
  const caption = `Entities in the same ${unit} as ${entity.name}, ${counting ? 'by count' : `by ${name}`}${filters.length ? ` (${filters.join(', ')})` : ''}`;
  const bars = rows.slice(0, TOP).map((r) => ({
    key: r.id,
    label: r.name,
    value: r.score,
    colour: colour(r.type),
    title: `${r.name} (${typeLabel(r.type).toLowerCase()}): together in ${plural(r.count, unitPlural(unit, 1), unitPlural(unit))}${counting ? '' : `, ${name} ${formatScore(r.score)}`}`,
  }));
  const svg = bars.length ? barChart(bars, { width, label: counting ? `${unitPlural(unit)} together` : name, whole: counting }) : null;
  // A bar opens its entity; the table's buttons do the same from the keyboard.
  svg?.querySelectorAll('g[data-mark="bar"] rect').forEach((rect, i) => {
    rect.classList.add('corpus-entity-bar-link');
    rect.addEventListener('click', () => open(bars[i].key));
  });
  const showEvidence = (row, button) => showPairEvidence(section, { entity, unit, row, button }, context);
  const left = all.length - rows.length;
  fill(figure, {
    caption: rows.length > TOP ? `${caption}: the ${TOP} highest of ${formatCount(rows.length)}` : caption,
    svg: svg && describedSvg(svg, 'corpus-entity-svg', `${caption}; the table below has the numbers`),
    table: rows.length ? neighbourTable(rows, { unit, measure, caption, open, showEvidence }) : null,
    empty: all.length ? `None of the ${formatCount(all.length)} entities in the same ${unit} passes the filters.` : `No other entity is found in the same ${unit}.`,
  });
  if (left > 0 && rows.length) figure.querySelector('.corpus-entity-caption').append(` · ${formatCount(left)} more left out by the filters`);
}

/** Most units listed as a pair's evidence; the count says how many there are in all. */
const EVIDENCE_LIMIT = 100;
/** The filter's highest least count. */
const MOST_TOGETHER = 100000;

/** The units where `entity` and `row`'s entity are together, listed under the card. */
async function showPairEvidence(section, { entity, unit, row, button }, { evidence, titleOf, openDocument }) {
  const box = section.querySelector('.corpus-entity-evidence');
  const heading = element('h5', 'corpus-entity-evidence-title', `${entity.name} and ${row.name} · ${plural(row.count, unitPlural(unit, 1), unitPlural(unit))}`);
  heading.tabIndex = -1; // focused when the evidence was asked for
  let units;
  try {
    units = await evidence(row.id, { unit, limit: EVIDENCE_LIMIT });
  } catch (error) {
    box.replaceChildren(heading, element('p', 'corpus-entity-error', `Could not find the evidence: ${error.message}`));
    return;
  }
  if (units.length < row.count) heading.append(` (the first ${formatCount(units.length)})`);
  const names = new Map([[entity.id, entity], [row.id, row]]);
  const list = element('ol', 'corpus-evidence');
  list.setAttribute('aria-label', `${entity.name} with ${row.name}`);
  for (const unitFound of units) {
    list.append(evidenceItem(unitFound, {
      pair: new Set(names.keys()),
      title: titleOf(unitFound.docId),
      markMention: (mark, id) => {
        const named = names.get(id);
        mark.dataset.type = named.type;
        mark.title = `${named.name} · ${typeLabel(named.type).toLowerCase()}`;
      },
      open: openDocument,
    }));
  }
  box.replaceChildren(heading, list);
  for (const other of section.querySelectorAll('.corpus-entity-evidence-button')) other.removeAttribute('aria-expanded');
  button.setAttribute('aria-expanded', 'true');
  heading.focus();
}

/** Every associated entity as a table; a name is a button that opens it, and each row's evidence one that lists it. */
function neighbourTable(rows, { unit, measure, caption, open, showEvidence }) {
  const counting = measure === 'count';
  const columns = [{ label: 'Entity' }, { label: 'Type' }, { label: `${capitalise(unitPlural(unit))} together`, numeric: true }];
  if (!counting) columns.push({ label: measureLabel(measure), numeric: true });
  columns.push({ label: 'Evidence' });
  const cells = rows.map((r) => {
    const button = element('button', 'corpus-link', r.name);
    button.type = 'button';
    button.addEventListener('click', () => open(r.id));
    const row = [button, typeLabel(r.type), formatCount(r.count)];
    if (!counting) row.push(formatScore(r.score));
    const show = element('button', 'corpus-link corpus-entity-evidence-button', 'evidence');
    show.type = 'button';
    // Named in full: a screen reader's list of buttons would otherwise hold many "evidence".
    show.setAttribute('aria-label', `evidence: ${r.name}`);
    show.addEventListener('click', () => showEvidence(r, show));
    row.push(show);
    return row;
  });
  return chartTable('Associated entities as a table', caption, columns, cells);
}

function neighbours({ nodes, edges }, id) {
  const self = nodes.id.indexOf(id);
  if (self < 0) return [];
  const rows = [];
  for (let k = 0; k < edges.source.length; k++) {
    const s = edges.source[k];
    const t = edges.target[k];
    if (s !== self && t !== self) continue;
    const other = s === self ? t : s;
    rows.push({ id: nodes.id[other], name: nodes.name[other], type: nodes.type[other], count: edges.count[k], score: edges.score[k] });
  }
  return rows.sort((a, b) => b.score - a.score || b.count - a.count || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

// ---- collocates

/** @param {AnyCorpus} corpus */
async function loadCollocates(corpus, entity, section) {
  const within = Number(section.querySelector('.corpus-entity-window').value);
  const measure = section.querySelector('.corpus-entity-collocate-measure').value;
  const collocates = await corpus.collocates(entity.id, { window: within, measure, limit: COLLOCATES });
  return { entity, within, measure, collocates };
}

function drawCollocates(figure, { entity, within, measure, collocates }, { width, colour }) {
  const counting = measure === 'count';
  const name = measureLabel(measure);
  const caption = `Words within ${plural(within, 'word')} of ${entity.name}, ${counting ? 'by count' : `by ${name}`}`;
  const bars = collocates.slice(0, TOP).map((c) => ({
    key: c.term,
    label: c.term,
    value: c.score,
    colour: colour(entity.type),
    title: `${c.term}: ${plural(c.count, 'time')} near ${entity.name}${counting ? '' : `, ${name} ${formatScore(c.score)}`}`,
  }));
  const svg = bars.length ? barChart(bars, { width, label: counting ? 'times near it' : name, whole: counting }) : null;
  const columns = [{ label: 'Word' }, { label: 'Near it', numeric: true }, { label: 'Expected', numeric: true }];
  if (!counting) columns.push({ label: name, numeric: true });
  columns.push({ label: 'p', numeric: true });
  const rows = collocates.map((c) => {
    const cells = [c.term, formatCount(c.count), exact(formatScore(c.expected), c.expected)];
    if (!counting) cells.push(exact(formatScore(c.score), c.score));
    cells.push(exact(formatP(c.pValue), c.pValue));
    return cells;
  });
  fill(figure, {
    caption: collocates.length > TOP ? `${caption}: the ${TOP} highest` : caption,
    svg: svg && describedSvg(svg, 'corpus-entity-svg', `${caption}; the table below has the numbers`),
    table: rows.length ? chartTable('Words around it as a table', caption, columns, rows) : null,
    empty: 'No words around it (stop words are left out).',
  });
}

// ---- shared

/** Horizontal bars, in the order given: `[{key, label, value, colour, title}]`; `whole`: counts. */
function barChart(rows, { width, label, whole = false }) {
  const labels = new Map(rows.map((r) => [r.key, clip(r.label, LABEL_CHARS)]));
  const longest = Math.max(...[...labels.values()].map((l) => l.length));
  const marginLeft = Math.min(Math.round(width * 0.45), Math.max(40, Math.ceil(longest * CHAR_WIDTH) + 12));
  const low = Math.min(0, ...rows.map((r) => r.value));
  const high = Math.max(...rows.map((r) => r.value));
  const ticks = whole ? { ticks: Math.max(1, Math.min(5, high)), tickFormat: 'd' } : {};
  return charts.plot({
    width,
    height: rows.length * BAR_STEP + 44,
    marginLeft,
    marginRight: 44,
    style: PLOT_STYLE,
    x: { grid: true, label, nice: true, domain: low < 0 ? undefined : [0, high || 1], ...ticks },
    y: { domain: rows.map((r) => r.key), tickFormat: (key) => labels.get(key), label: null, padding: 0.2 },
    marks: [
      charts.barX(rows, { x: 'value', y: 'key', fill: 'colour', title: 'title' }),
      charts.text(rows, { x: 'value', y: 'key', text: (r) => formatScore(r.value), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      charts.ruleX([0]),
    ],
  });
}

/** Put a chart into its figure: caption, SVG (or a note why there is none), table. */
function fill(figure, { caption, svg, table, empty }) {
  figure.querySelector('.corpus-entity-caption').textContent = caption;
  figure.querySelector('.corpus-entity-chart').replaceChildren(svg ?? element('p', 'corpus-entity-note', empty));
  if (svg) edgeChart(svg, figure); // pale marks edged, to stand 3:1 from the surface
  figure.querySelector('.corpus-entity-table').replaceChildren(...(table ? [table] : []));
  figure.classList.toggle('is-empty', !svg);
  figure.closest('section')?.querySelector(':scope > .corpus-entity-error')?.remove();
}

function capitalise(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function formatP(p) {
  if (p == null || Number.isNaN(p)) return '';
  return p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
}
