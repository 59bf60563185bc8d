// Text with marked ranges, built from text nodes only: corpus text is
// untrusted, so it never goes through innerHTML.

/**
 * Append `text` to `parent`, wrapping each `{start, end}` range (UTF-16
 * offsets, ascending, as the engine returns them) in a `<mark>`.
 */
export function appendMarked(parent, text, ranges, markClass = 'corpus-hit') {
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at) continue; // overlapping ranges: keep the first
    parent.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.className = markClass;
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    at = end;
  }
  parent.append(text.slice(at));
  return parent;
}

/** A new element with a class and text content. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
