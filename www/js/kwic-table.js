// A concordance (keyword in context) as a table: left context right-aligned,
// the match in the middle, right context left-aligned, one line per match.
import { element } from './highlight.js';

/**
 * A table for `corpus.kwic(...)` lines; `titleOf(docId)` names documents.
 * Clicking a line calls `onOpen(line)`.
 */
export function kwicTable(lines, titleOf, onOpen) {
  const table = element('table', 'corpus-kwic');
  const head = table.createTHead().insertRow();
  for (const label of ['Document', 'Left', 'Match', 'Right']) {
    const th = element('th', '', label);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  for (const line of lines) {
    const row = body.insertRow();
    row.tabIndex = 0;
    row.append(
      element('td', 'corpus-kwic-doc', titleOf(line.docId)),
      element('td', 'corpus-kwic-left', line.left),
      element('td', 'corpus-kwic-match', line.match),
      element('td', 'corpus-kwic-right', line.right),
    );
    row.addEventListener('click', () => onOpen(line));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') onOpen(line);
    });
  }
  return table;
}
