// The overview's "Repeated passages": the documents and paragraphs that
// repeat each other (corpus.duplicates: MinHash, an estimated similarity of
// 0.8 or more, passages of ten words or more), the largest groups first,
// each with where its copies are. A copy opens the reader at it. Repeats
// inflate counts (Carter's 1980 and 1981 messages share whole paragraphs):
// the note says so and where the network counts each repeat once.
import { formatCount, plural } from '../../widgets/format.js';
import { element } from '../../widgets/highlight.js';

/** Groups listed at first, and more at each press of "Show more". */
const GROUPS_SHOWN = 20;
/** Characters of a group's text quoted. */
const QUOTED = 160;

/** The section's box, saying that the search is on. */
export function repeatedBox() {
  const box = element('div', 'corpus-overview-repeated');
  box.append(element('p', 'corpus-overview-note', 'Looking for repeated passages…'));
  return box;
}

/** The search failed: say so in the box. */
export function repeatedError(box, error) {
  box.replaceChildren(element('p', 'corpus-chart-error', `Could not look for repeated passages: ${error.message}`));
}

/**
 * Fill `box` with `duplicates` (corpus.duplicates()). `titles` maps a
 * document id to its title, `words` is the corpus's word count and
 * `open({id, start, end})` opens a document at a passage.
 * @param {HTMLElement} box
 * @param {import('../../../pkg/corpus_lens.js').Duplicates} duplicates
 * @param {{titles: Map<string, string>, words: number, open: (detail: {id: string, start: number, end: number}) => void}} context
 */
export function showRepeated(box, duplicates, context) {
  const { documents, paragraphs, repeatedParagraphs, repeatedWords } = duplicates;
  if (documents.length === 0 && paragraphs.length === 0) {
    box.replaceChildren(element('p', 'corpus-overview-note', 'No document, and no paragraph of ten words or more, repeats another.'));
    return;
  }
  const share = context.words > 0 ? ` (${formatShare(repeatedWords / context.words)} of the words)` : '';
  const parts = [];
  if (paragraphs.length) parts.push(`${plural(repeatedParagraphs, 'paragraph')} ${repeatedParagraphs === 1 ? 'repeats' : 'repeat'} an earlier one, ${formatCount(repeatedWords)} words${share}, in ${plural(paragraphs.length, 'group')}`);
  if (documents.length) parts.push(`${plural(documents.length, 'group')} of documents repeat each other whole`);
  const summary = element('p', 'corpus-overview-repeated-summary', `${capitalise(parts.join('; '))}.`);
  const hint = element('p', 'corpus-overview-note',
    'Repeats are counted as often as they occur; the network counts each repeated sentence once when “Repeats counted once” is ticked.');
  const groups = [...documents.map((g) => ({ ...g, whole: true })), ...paragraphs];
  const list = element('ol', 'corpus-overview-repeated-list');
  box.replaceChildren(summary, hint, list);
  showGroups(box, list, groups, 0, context);
}

/** Lists `groups` from `from` on, GROUPS_SHOWN of them, then a button for the rest. */
function showGroups(box, list, groups, from, context) {
  const to = Math.min(groups.length, from + GROUPS_SHOWN);
  list.append(...groups.slice(from, to).map((group) => groupItem(group, context)));
  box.querySelector('.corpus-overview-repeated-more')?.remove();
  const left = groups.length - to;
  if (left <= 0) return;
  const line = element('p', 'corpus-overview-repeated-more', `Showing ${formatCount(to)} of ${formatCount(groups.length)} groups. `);
  const button = element('button', 'corpus-results-more', `Show ${formatCount(Math.min(GROUPS_SHOWN, left))} more`);
  button.type = 'button';
  button.addEventListener('click', () => {
    showGroups(box, list, groups, to, context);
    list.children[to]?.querySelector('button')?.focus();
  });
  line.append(button);
  box.append(line);
}

function groupItem({ similarity, text, members, whole }, { titles, open }) {
  const item = element('li', 'corpus-overview-repeated-group');
  const alike = similarity >= 0.995 ? 'word for word' : `similarity ${similarity.toFixed(2)}`;
  const quote = text.length > QUOTED ? `${text.slice(0, QUOTED).trimEnd()}…` : text;
  item.append(
    element('p', 'corpus-overview-repeated-head', `${whole ? 'Whole documents' : 'A paragraph'}, ${members.length} times, ${alike}`),
    element('blockquote', 'corpus-overview-repeated-text', quote),
  );
  const places = element('ul', 'corpus-overview-repeated-places');
  for (const { docId, start, end } of members) {
    const button = element('button', 'corpus-link', titles.get(docId) ?? docId);
    button.type = 'button';
    button.addEventListener('click', () => open({ id: docId, start, end }));
    const place = element('li');
    place.append(button);
    places.append(place);
  }
  item.append(places);
  return item;
}

/** "3.2%", "0.41%": two significant digits. */
function formatShare(fraction) {
  return `${(fraction * 100).toPrecision(2)}%`;
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
