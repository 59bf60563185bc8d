// The entity types the engine extracts, in the order the page lists them,
// with the words the page uses for them. Each type's colour is the CSS
// custom property --corpus-entity-<type> (see css/corpus.css).

/**
 * [type, singular label, plural label], most useful to an analyst first.
 * @type {[import('../../pkg/corpus_lens.js').EntityType, string, string][]}
 */
const TYPES = [
  ['person', 'Person', 'People'],
  ['place', 'Place', 'Places'],
  ['organization', 'Organization', 'Organizations'],
  ['media', 'Media', 'Media'],
  ['nationality', 'Nationality', 'Nationalities'],
  ['event', 'Event', 'Events'],
  ['date', 'Date', 'Dates'],
  ['money', 'Money', 'Money'],
  ['quantity', 'Quantity', 'Quantities'],
];

/** Every type, in display order. */
export const ENTITY_TYPES = TYPES.map(([type]) => type);

const LABELS = new Map(TYPES.map(([type, one, many]) => [type, { one, many }]));

/** "Person" for "person"; an unknown type (a newer engine) is shown as is. */
export function typeLabel(type) {
  return LABELS.get(type)?.one ?? type;
}

/** "People" for "person". */
export function typePluralLabel(type) {
  return LABELS.get(type)?.many ?? type;
}

/** A small square in the type's colour, hidden from screen readers (the label says the type). */
export function typeSwatch(type) {
  const swatch = document.createElement('span');
  swatch.className = 'corpus-entity-swatch';
  swatch.dataset.type = type;
  swatch.setAttribute('aria-hidden', 'true');
  return swatch;
}
