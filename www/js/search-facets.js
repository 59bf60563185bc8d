// The search view's facets: how the documents a query matches divide by
// publication, by year and by the entities they mention, each with its
// document count. Choosing one adds its filter to the query (the query
// language's `publication:`, `year:` and entity filters), so a facet is never
// a hidden state: the query box always says what is shown.
import { formatCount } from './format.js';
import { element } from './highlight.js';

const ALL_MATCHES = 10000; // documents read for the counts; the engine's maximum page
const SHOWN = 8; // values per facet
const ENTITY_FILTERS = { person: 'person', place: 'place', organization: 'org', media: 'media' };

/**
 * The facet groups (elements) for `query`; `onChoose(filter)` receives the
 * query text a value stands for, such as `year:2005`.
 */
export async function searchFacets(corpus, query, onChoose) {
  const [matches, entities] = await Promise.all([
    corpus.search(query, { unit: 'document', limit: ALL_MATCHES, snippetLength: 0 }),
    corpus.entities({ query, types: Object.keys(ENTITY_FILTERS), limit: SHOWN }),
  ]);
  const byId = new Map(corpus.documents().map((d) => [d.id, d]));
  const docs = matches.hits.map((hit) => byId.get(hit.docId)).filter(Boolean);
  const publications = [...new Set(corpus.documents().map((d) => d.publication).filter(Boolean))];
  const groups = [
    group('Publication', countBy(docs, (d) => d.publication), (p) => publicationFilter(p, publications), query, onChoose),
    group('Year', countBy(docs, (d) => d.year).sort((a, b) => a.value - b.value), (y) => `year:${y}`, query, onChoose),
    group('Entity', entities.map((e) => ({ value: e.name, count: e.documents })),
      (name) => `${ENTITY_FILTERS[entities.find((e) => e.name === name).type]}:${quoted(name)}`, query, onChoose),
  ];
  return groups.filter(Boolean);
}

/** [{value, count}] of the documents' non-null `key` values, most documents first. */
function countBy(docs, key) {
  const counts = new Map();
  for (const doc of docs) {
    const value = key(doc);
    if (value != null && value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)))
    .slice(0, SHOWN * 3);
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
 * The filter for one publication. A text field filter matches the words in
 * order anywhere in the field (`publication:monitor` also keeps "Eurasia
 * Daily Monitor"), so the publications that hold this one's words are
 * excluded, and the facet's count is what the filter then finds.
 */
function publicationFilter(name, all) {
  const words = wordsOf(name);
  const longer = all.filter((other) => other !== name && containsRun(wordsOf(other), words));
  return [`publication:${quoted(name)}`, ...longer.map((other) => `-publication:${quoted(other)}`)].join(' ');
}

function wordsOf(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function containsRun(haystack, needle) {
  return haystack.some((_, i) => needle.every((word, j) => haystack[i + j] === word));
}

/** A filter value as the query language reads it: quoted when it has spaces. */
function quoted(value) {
  const text = String(value).replaceAll('"', '');
  return /^[\p{L}\p{N}_-]+$/u.test(text) ? text.toLowerCase() : `"${text}"`;
}
