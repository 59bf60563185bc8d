// <corpus-timeline>: mentions of a few entities over time (corpus.timeline,
// drawn with Observable Plot's line and dot marks), by year, month or issue,
// with the same numbers as a table beneath.
//
// Set `corpus` to a Corpus. The chips choose the entities drawn, from the
// most mentioned people, places and organisations; `entities` (ids) sets
// them from outside. Each chip shows its line's colour.
import { dot, line, plot, ruleY } from '../vendor/charts.js';
import { chartTable, cssPalette } from './chart-table.js';
import { formatCount } from './engine.js';
import { element } from './highlight.js';
import { optionElements } from './network-options.js';

const BUCKETS = [['year', 'by year'], ['month', 'by month'], ['issue', 'by issue']];
const CANDIDATE_TYPES = ['person', 'place', 'organization'];
const CANDIDATES = 8; // the chips offered, one palette colour each
const CHOSEN = 4; // drawn at first: more lines than this are hard to follow

export class CorpusTimeline extends HTMLElement {
  #corpus = null;
  #candidates = []; // [{id, name}], each keeping its colour slot

  connectedCallback() {
    if (this.querySelector('.corpus-timeline-controls')) return;
    const controls = element('div', 'corpus-chart-controls corpus-timeline-controls');
    const bucket = element('select', 'corpus-timeline-bucket');
    bucket.setAttribute('aria-label', 'Time step');
    bucket.append(...optionElements(BUCKETS, 'year'));
    bucket.addEventListener('change', () => this.#render());
    controls.append(element('h3', 'corpus-chart-title', 'Mentions over time'), bucket);
    const chips = element('fieldset', 'corpus-timeline-entities');
    chips.append(element('legend', 'corpus-visually-hidden', 'Entities drawn'));
    chips.addEventListener('change', () => this.#render());
    const error = element('p', 'corpus-chart-error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    this.replaceChildren(controls, chips, error, element('div', 'corpus-timeline-chart'), element('div', 'corpus-timeline-table'));
    if (this.#corpus) this.corpus = this.#corpus;
  }

  set corpus(corpus) {
    this.#corpus = corpus;
    if (!this.querySelector('.corpus-timeline-entities')) return;
    this.#candidates = corpus.entities({ types: CANDIDATE_TYPES, limit: CANDIDATES }).map(({ id, name }) => ({ id, name }));
    this.#renderChips(this.#candidates.slice(0, CHOSEN).map((c) => c.id));
    this.#render();
  }

  get corpus() {
    return this.#corpus;
  }

  /** The ids of the entities drawn. */
  get entities() {
    return [...this.querySelectorAll('.corpus-timeline-entities input:checked')].map((box) => box.value);
  }

  set entities(ids) {
    // An entity not among the chips yet takes the place of the last ones.
    const known = new Set(this.#candidates.map((c) => c.id));
    for (const id of ids.filter((id) => !known.has(id)).reverse()) {
      const entity = this.#corpus.entity(id);
      this.#candidates = [{ id, name: entity.name }, ...this.#candidates].slice(0, CANDIDATES);
    }
    this.#renderChips(ids);
    this.#render();
  }

  #renderChips(chosen) {
    const colours = cssPalette(this, 'corpus-chart', CANDIDATES);
    const chips = this.#candidates.map((c, i) => {
      const label = element('label', 'corpus-timeline-entity');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = c.id;
      box.checked = chosen.includes(c.id);
      box.dataset.slot = String(i);
      const swatch = element('span', 'corpus-timeline-swatch');
      swatch.setAttribute('aria-hidden', 'true');
      swatch.style.setProperty('--corpus-swatch', colours[i]);
      label.append(box, swatch, c.name);
      return label;
    });
    const fieldset = this.querySelector('.corpus-timeline-entities');
    fieldset.replaceChildren(fieldset.querySelector('legend'), ...chips);
  }

  #render() {
    const chart = this.querySelector('.corpus-timeline-chart');
    if (!this.#corpus || !chart) return;
    const bucket = this.querySelector('.corpus-timeline-bucket').value;
    const ids = this.entities;
    const error = this.querySelector('.corpus-chart-error');
    const table = this.querySelector('.corpus-timeline-table');
    if (ids.length === 0) {
      chart.replaceChildren(element('p', 'corpus-chart-empty', 'Choose an entity to draw its mentions.'));
      table.replaceChildren();
      return;
    }
    let timeline;
    try {
      timeline = this.#corpus.timeline({ entities: ids, bucket });
      error.hidden = true;
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      chart.replaceChildren();
      table.replaceChildren();
      return;
    }
    chart.replaceChildren(this.#plot(timeline, chart.clientWidth || 600));
    table.replaceChildren(this.#table(timeline));
  }

  #plot({ buckets, tokens, series }, width) {
    const colours = cssPalette(this, 'corpus-chart', CANDIDATES);
    const slot = new Map(this.#candidates.map((c, i) => [c.id, i]));
    // A period without documents has no count, rather than a count of 0:
    // the line breaks there instead of dipping to the axis.
    const empty = (i) => tokens?.[i] === 0;
    const points = series.flatMap((s) => s.values.map((value, i) => ({ id: s.id, name: s.name, bucket: buckets[i], value: empty(i) ? null : value })));
    // At most about one tick label per 70 px; the rest are left unlabelled.
    const step = Math.max(1, Math.ceil((buckets.length * 70) / width));
    // Labels slant only when, level, they would run into each other.
    const longest = Math.max(...buckets.map((b) => b.length));
    const slant = longest * 6.5 + 8 > (width - 60) / Math.ceil(buckets.length / step);
    const svg = plot({
      width,
      height: 260,
      marginBottom: slant ? 70 : 30,
      style: { background: 'transparent', color: 'currentColor', fontSize: '11px', fontFamily: 'inherit' },
      x: { type: 'point', domain: buckets, ticks: buckets.filter((_, i) => i % step === 0), label: null, tickRotate: slant ? -30 : 0 },
      y: { grid: true, label: 'mentions', nice: true, zero: true },
      color: { domain: series.map((s) => s.id), range: series.map((s) => colours[slot.get(s.id) ?? 0]) },
      marks: [
        ruleY([0]),
        line(points, { x: 'bucket', y: 'value', stroke: 'id', strokeWidth: 2 }),
        dot(points.filter((p) => p.value != null), { x: 'bucket', y: 'value', fill: 'id', r: 3, title: (p) => `${p.name}, ${p.bucket}: ${formatCount(p.value)} mentions` }),
      ],
    });
    svg.classList.add('corpus-timeline-svg');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Mentions over time of ${series.map((s) => s.name).join(', ')}; the table below has the numbers`);
    return svg;
  }

  #table({ buckets, tokens, series }) {
    const columns = [{ label: 'Period' }, ...series.map((s) => ({ label: s.name, numeric: true }))];
    // "–": no documents in that period (not the same as no mentions).
    const rows = buckets.map((b, i) => [b, ...series.map((s) => (tokens?.[i] === 0 ? '–' : formatCount(s.values[i])))]);
    return chartTable('Mentions over time as a table', 'Mentions per period', columns, rows);
  }
}
