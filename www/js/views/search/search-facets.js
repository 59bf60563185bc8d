// The search view's facets: how the documents a query matches divide by
// publication, by year, by the corpus's own metadata fields that group its
// documents (party, author) and by the entities they mention, each with its
// document count. Choosing one adds its filter to the query (the query
// language's `publication:`, `year:`, field and entity filters), so a facet
// is never a hidden state: the query box always says what is shown.
import { formatCount } from '../../widgets/format.js';
import { element } from '../../widgets/highlight.js';
import { fieldHeading, groupingFields } from '../../widgets/metadata-fields.js';

/**
 * @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus
 * @typedef {import('../../../pkg/corpus_lens.js').EntityType} EntityType
 */

const SHOWN = 8; // entities shown
const SHOWN_VALUES = 24; // publications and years shown: the most documents first
const ENTITY_FILTERS = { person: 'person', place: 'place', organization: 'org', media: 'media' };

/**
 * The facet groups (elements) for `query`, from the engine's counts over
 * every match; `onChoose(filter)` receives the query text a value stands
 * for, such as `year:2005`.
 * @param {AnyCorpus} corpus
 */
export async function searchFacets(corpus, query, onChoose) {
  const { facets } = await corpus.search(query, {
    limit: 1, snippetLength: 0, facets: { entities: SHOWN, types: /** @type {EntityType[]} */ (Object.keys(ENTITY_FILTERS)), metadata: SHOWN_VALUES },
  });
  const filters = await exactFilters(corpus, 'publication', facets.publication.slice(0, SHOWN_VALUES).map((p) => p.value));
  const fields = await Promise.all(groupingFields(await corpus.documents()).map(async (field) => {
    const values = facets.metadata[field.name] ?? [];
    const exact = await exactFilters(corpus, field.name, values.map((v) => v.value));
    return group(fieldHeading(field), values, (v) => exact.get(v), query, onChoose);
  }));
  const entities = Object.values(facets.entities).flat()
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, SHOWN);
  const years = [...facets.year].sort((a, b) => b.count - a.count || a.value - b.value)
    .slice(0, SHOWN_VALUES)
    .sort((a, b) => a.value - b.value);
  const groups = [
    group('Publication', facets.publication.slice(0, SHOWN_VALUES), (p) => filters.get(p), query, onChoose),
    group('Year', years, (y) => `year:${y}`, query, onChoose),
    ...fields,
    group('Entity', entities.map((e) => ({ value: e.name, count: e.count })),
      (name) => `${ENTITY_FILTERS[entities.find((e) => e.name === name).type]}:${quoted(name)}`, query, onChoose),
  ];
  return groups.filter(Boolean);
}

function group(label, values, filterOf, query, onChoose) {
  if (values.length === 0) return null;
  const section = element('section', 'corpus-facet');
  const heading = element('h3', 'corpus-facet-title', label);
  const list = element('ul', 'corpus-facet-values');
  for (const { value, count } of values) {
    const filter = filterOf(value);
    const button = element('button', 'corpus-facet-value');
    button.type = 'button';
    button.setAttribute('aria-pressed', String(query.includes(filter)));
    button.dataset.filter = filter; // what the view finds it by when it redraws
    button.title = query.includes(filter) ? `Remove ${filter} from the query` : `Add ${filter} to the query`;
    button.append(element('span', 'corpus-facet-label', String(value)), element('span', 'corpus-facet-count', formatCount(count)));
    button.addEventListener('click', () => onChoose(filter));
    const item = element('li');
    item.append(button);
    list.append(item);
  }
  section.append(heading, list);
  return section;
}

/**
 * The filter for each value in `values` of the text field `field`
 * (`publication` or a metadata field). A text field filter matches the
 * words in order anywhere in the field (`publication:monitor` also keeps
 * "Eurasia Daily Monitor", `party:republican` "Democratic-Republican"), so
 * the other values a value's filter matches, as the engine folds them, are
 * excluded, and the facet's count is what the filter then finds. Kept per
 * corpus: its fields do not change.
 * @param {AnyCorpus} corpus
 */
async function exactFilters(corpus, field, values) {
  let byField = filtersKnown.get(corpus);
  if (!byField) filtersKnown.set(corpus, byField = new Map());
  if (!byField.has(field)) byField.set(field, new Map());
  const known = byField.get(field);
  await Promise.all(values.filter((value) => !known.has(value)).map(async (value) => {
    const filter = `${field}:${quoted(value)}`;
    const { facets } = await corpus.search(filter, { limit: 1, snippetLength: 0, facets: { entities: 0, metadata: 1000 } });
    const found = field === 'publication' ? facets.publication : facets.metadata[field] ?? [];
    const others = found.map((p) => p.value).filter((other) => other !== value);
    known.set(value, [filter, ...others.map((other) => `-${field}:${quoted(other)}`)].join(' '));
  }));
  return known;
}

const filtersKnown = new WeakMap(); // corpus → field → value → its filter

/** A filter value as the query language reads it: quoted when it has spaces. */
function quoted(value) {
  const text = String(value).replaceAll('"', '');
  return /^[\p{L}\p{N}_-]+$/u.test(text) ? text.toLowerCase() : `"${text}"`;
}
