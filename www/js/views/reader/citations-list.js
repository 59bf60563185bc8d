// A document's parenthetical source citations, "(Xinhua, Kyodo, April 10)",
// as a list: one item per citation, each source with its ISO dates. A source
// the engine linked to a media entity is a button that opens that entity; a
// "show" button marks the citation in the text.
import { element } from '../../widgets/highlight.js';

/**
 * A list for `corpus.citations({docId})`. `onEntity(entityId)` opens a
 * source's entity; `onShow(citation)` shows the citation in the text.
 */
export function citationsList(citations, { onEntity, onShow }) {
  const list = element('ol', 'corpus-citations');
  for (const citation of citations) {
    const item = element('li', 'corpus-citation');
    citation.sources.forEach((source, i) => {
      if (i > 0) item.append('; ');
      item.append(sourceNode(source, onEntity));
    });
    // Named by what it shows first, then whose citation it is.
    const show = element('button', 'corpus-citation-show', 'Show in text');
    show.type = 'button';
    show.setAttribute('aria-label', `Show in text: ${citation.sources.map((s) => s.name).join(', ')}`);
    show.addEventListener('click', () => onShow(citation));
    item.append(' ', show);
    list.append(item);
  }
  return list;
}

function sourceNode({ name, entityId, dates }, onEntity) {
  const node = element('span', 'corpus-citation-source');
  if (entityId) {
    const link = element('button', 'corpus-citation-name corpus-link', name);
    link.type = 'button';
    link.dataset.entity = entityId;
    link.addEventListener('click', () => onEntity(entityId));
    node.append(link);
  } else {
    node.append(element('span', 'corpus-citation-name', name));
  }
  dates.forEach((date, i) => node.append(i === 0 ? ' ' : ', ', dateNode(date)));
  return node;
}

/** An ISO date, or an ISO interval "1999-04-01/1999-04-02" shown with a dash. */
function dateNode(iso) {
  const [from, to] = iso.split('/');
  const node = element('span', 'corpus-citation-date');
  node.append(timeElement(from));
  if (to) node.append('–', timeElement(to));
  return node;
}

function timeElement(iso) {
  const time = element('time', '', iso);
  time.dateTime = iso;
  return time;
}
