// The entity page's "Mentions in context" card: the sentence around each
// mention, grouped by document, a page at a time with "Show more". Each
// mention is a button that opens the reader at it. The page, entity-page.js,
// says when to load and what to do with a chosen mention.
//
// Corpus text is untrusted: it goes in as text nodes only.
import { formatCount, plural } from '../../widgets/format.js';
import { appendMarked, element } from '../../widgets/highlight.js';

/** @typedef {import('../../engine/corpus-client.js').AnyCorpus} AnyCorpus */

/** Mentions shown at first, and added by "Show more". */
export const MENTION_PAGE = 10;

/** The card, empty. */
export function mentionsSection(ids) {
  const section = element('section', 'corpus-entity-card corpus-entity-mentions');
  section.setAttribute('aria-labelledby', `${ids}-mentions`);
  const title = element('h4', 'corpus-entity-section-title', 'Mentions in context');
  title.id = `${ids}-mentions`;
  const more = element('div', 'corpus-entity-more');
  section.append(title, element('ol', 'corpus-entity-mention-list'), more);
  return section;
}

/**
 * The first `limit` mentions of the entity `id`, once `texts` (docId →
 * text, a cache kept per corpus) has the text of every document they are in.
 * @param {AnyCorpus} corpus
 */
export async function fetchMentions(corpus, id, limit, texts) {
  const mentions = await corpus.mentions(id, { limit });
  await Promise.all([...new Set(mentions.map((m) => m.docId))].map(async (docId) => {
    if (!texts.has(docId)) texts.set(docId, (await corpus.document(docId)).text);
  }));
  return mentions;
}

/**
 * Show `mentions` of `entity` in the card. `titles`: docId → `{title,
 * date}`; `open({id, start, end})`: a mention was chosen; `more(limit)`:
 * show the first `limit` instead (a promise).
 */
export function showMentions(section, { entity, mentions, titles, texts, open, more }) {
  const list = section.querySelector('.corpus-entity-mention-list');
  list.dataset.type = entity.type; // colours the marks
  list.setAttribute('aria-label', `Mentions of ${entity.name}`);
  const perDocument = new Map(entity.perDocument.map((d) => [d.docId, d.count]));
  const groups = [];
  for (const mention of mentions) {
    if (groups.at(-1)?.docId !== mention.docId) groups.push({ docId: mention.docId, items: [] });
    groups.at(-1).items.push(mention);
  }
  const context = { titles, texts, open };
  list.replaceChildren(...groups.map(({ docId, items }) => mentionGroup(docId, items, perDocument.get(docId), context)));
  showMore(section, entity, mentions.length, more);
  section.querySelector('.corpus-entity-error')?.remove();
}

function mentionGroup(docId, mentions, count, { titles, texts, open }) {
  const group = element('li', 'corpus-entity-mention-document');
  const { title, date } = titles?.get(docId) ?? { title: docId, date: '' };
  const head = element('p', 'corpus-entity-mention-title');
  head.append(element('span', 'corpus-entity-mention-doc', title));
  const facts = [date, count == null ? '' : plural(count, 'mention')].filter(Boolean).join(' · ');
  if (facts) head.append(element('span', 'corpus-entity-mention-facts', facts));
  const items = element('ol', 'corpus-entity-mention-items');
  items.append(...mentions.map((m) => mentionItem(m, title, texts.get(docId) ?? '', open)));
  group.append(head, items);
  return group;
}

function mentionItem({ docId, start, end, sentence }, title, text, open) {
  const button = element('button', 'corpus-entity-mention');
  button.type = 'button';
  appendMarked(button, text.slice(sentence.start, sentence.end), [{ start: start - sentence.start, end: end - sentence.start }], 'corpus-entity');
  button.setAttribute('aria-description', `Open in the reader: ${title}`);
  button.addEventListener('click', () => open({ id: docId, start, end }));
  const item = element('li');
  item.append(button);
  return item;
}

function showMore(section, entity, shown, more) {
  const box = section.querySelector('.corpus-entity-more');
  const left = entity.count - shown;
  if (left <= 0) {
    box.replaceChildren(element('p', 'corpus-entity-note', `All ${plural(entity.count, 'mention')}.`));
    return;
  }
  const button = element('button', 'corpus-entity-more-button', `Show ${formatCount(Math.min(MENTION_PAGE, left))} more`);
  button.type = 'button';
  button.addEventListener('click', async () => {
    button.disabled = true;
    const before = section.querySelectorAll('.corpus-entity-mention').length;
    await more(shown + MENTION_PAGE);
    // The keyboard carries on from the first mention added.
    section.querySelectorAll('.corpus-entity-mention')[before]?.focus();
  });
  box.replaceChildren(element('p', 'corpus-entity-note', `${formatCount(left)} more`), button);
}
