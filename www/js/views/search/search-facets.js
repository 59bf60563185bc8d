// The search view's facets: how the documents a query matches divide by
// publication, by year and by the entities they mention, each with its
// document count. Choosing one adds its filter to the query (the query
// language's `publication:`, `year:` and entity filters), so a facet is never
// a hidden state: the query box always says what is shown.
import { formatCount } from '../../widgets/format.js';
import { element } from '../../widgets/highlight.js';

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
    limit: 1, snippetLength: 0, facets: { entities: SHOWN, types: /** @type {EntityType[]} */ (Object.keys(ENTITY_FILTERS)) },
  });
  const filters = await publicationFilters(corpus, facets.publication.slice(0, SHOWN_VALUES).map((p) => p.value));
  const entities = Object.values(facets.entities).flat()
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, SHOWN);
  const years = [...facets.year].sort((a, b) => b.count - a.count || a.value - b.value)
    .slice(0, SHOWN_VALUES)
    .sort((a, b) => a.value - b.value);
  const groups = [
    group('Publication', facets.publication.slice(0, SHOWN_VALUES), (p) => filters.get(p), query, onChoose),
    group('Year', years, (y) => `year:${y}`, query, onChoose),
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
 * The filter for each publication in `names`. A text field filter matches
 * the words in order anywhere in the field (`publication:monitor` also
 * keeps "Eurasia Daily Monitor"), so the other publications a name's filter
 * matches, as the engine folds them, are excluded, and the facet's count is
 * what the filter then finds. Kept per corpus: publications do not change.
 * @param {AnyCorpus} corpus
 */
async function publicationFilters(corpus, names) {
  let known = filtersKnown.get(corpus);
  if (!known) filtersKnown.set(corpus, known = new Map());
  await Promise.all(names.filter((name) => !known.has(name)).map(async (name) => {
    const filter = `publication:${quoted(name)}`;
    const { facets } = await corpus.search(filter, { limit: 1, snippetLength: 0, facets: { entities: 0 } });
    const longer = facets.publication.map((p) => p.value).filter((other) => other !== name);
    known.set(name, [filter, ...longer.map((other) => `-publication:${quoted(other)}`)].join(' '));
  }));
  return known;
}

const filtersKnown = new WeakMap(); // corpus → publication → its filter

/** A filter value as the query language reads it: quoted when it has spaces. */
function quoted(value) {
  const text = String(value).replaceAll('"', '');
  return /^[\p{L}\p{N}_-]+$/u.test(text) ? text.toLowerCase() : `"${text}"`;
}
