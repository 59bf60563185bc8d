// One unit of co-occurrence evidence (an item of corpus.evidence): its
// document's title and its text with the pair's mentions marked, as a button
// that opens the document at the unit. The network's evidence and the entity
// page's associated entities list them alike.
import { appendMarked, element } from './highlight.js';

/**
 * @typedef {object} EvidenceUnit
 * @property {string} docId
 * @property {number} start the unit's start in the document, UTF-16
 * @property {number} end
 * @property {string} text the unit's text
 * @property {{start: number, end: number, entityId: string}[]} mentions in document offsets
 */

/**
 * An <li> for `unit`. `pair` holds the two entity ids whose mentions are
 * marked; `markMention(mark, id)` styles and names each mark; `open({id,
 * start, end})` opens the document at the unit.
 * @param {EvidenceUnit} unit
 * @param {{pair: Set<string>, title: string, markMention: (mark: HTMLElement, id: string) => void, open: (detail: {id: string, start: number, end: number}) => void}} options
 */
export function evidenceItem({ docId, start, end, text, mentions }, { pair, title, markMention, open }) {
  // Offsets are the document's: shift them into the unit's text. The
  // ranges are made ascending and disjoint here, so that the marks
  // appendMarked makes line up one for one with `ranges`.
  const ranges = [];
  for (const m of [...mentions].sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (!pair.has(m.entityId) || m.start < (ranges.at(-1)?.end ?? -1) + start) continue;
    ranges.push({ start: m.start - start, end: m.end - start, id: m.entityId });
  }
  const button = element('button', 'corpus-evidence-open');
  button.type = 'button';
  button.append(element('span', 'corpus-evidence-doc', title));
  const quote = appendMarked(element('span', 'corpus-evidence-text'), text, ranges, 'corpus-entity');
  quote.querySelectorAll('mark').forEach((mark, i) => markMention(mark, ranges[i].id));
  button.append(quote);
  button.addEventListener('click', () => open({ id: docId, start, end }));
  const item = element('li');
  item.append(button);
  return item;
}
