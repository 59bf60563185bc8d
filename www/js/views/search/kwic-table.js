// A concordance (keyword in context) as a table: left context right-aligned,
// the match in the middle, right context left-aligned, one line per match.
import { element } from '../../widgets/highlight.js';

/**
 * A table for `corpus.kwic(...)` lines; `titleOf(docId)` names documents.
 * Clicking a line calls `onOpen(line)`; from the keyboard, its match is a
 * button (Enter or Space), named by the match and described by its context.
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
    const title = titleOf(line.docId);
    const open = element('button', 'corpus-row-open corpus-kwic-open', line.match);
    open.type = 'button';
    open.setAttribute('aria-description', `${line.left} ${line.match} ${line.right}, in ${title}`.trim());
    const match = element('td', 'corpus-kwic-match');
    match.append(open);
    row.append(
      element('td', 'corpus-kwic-doc', title),
      element('td', 'corpus-kwic-left', line.left),
      match,
      element('td', 'corpus-kwic-right', line.right),
    );
    // The button's click (or Enter, or Space) bubbles here too.
    row.addEventListener('click', () => onOpen(line));
  }
  return table;
}
