// One paragraph of a document as text nodes, with each entity mention in a
// <mark class="corpus-entity"> coloured by its type, each match of a query in
// a <mark class="corpus-query-hit">, and the search hit (if any) in a
// <mark class="corpus-reader-mark"> around them. The hit may start or end
// inside a mention; the mention is then cut in two there, so the elements
// always nest properly (a query match cut by a mention edge becomes two
// marks, the second with `data-continued`).

/**
 * Append the text of `span` ({start, end} in `text`, UTF-16) to `parent`.
 * `annotations` are `corpus.annotate(id)` results (ascending, not
 * overlapping); `hit` is a {start, end} to mark, or null; `queryHits` are
 * query matches (ascending). All count from the start of `text`, not of the
 * span.
 */
export function appendAnnotated(parent, text, span, annotations, hit, queryHits = []) {
  let hitMark = null;
  let lastMatch = null;
  for (const piece of pieces(span, annotations, hit, queryHits)) {
    let node = piece.annotation ? entityMark(text, piece) : text.slice(piece.start, piece.end);
    if (piece.match) {
      const mark = document.createElement('mark');
      mark.className = 'corpus-query-hit';
      if (piece.match === lastMatch) mark.dataset.continued = '';
      mark.append(node);
      node = mark;
    }
    lastMatch = piece.match;
    if (!piece.inHit) {
      hitMark = null;
      parent.append(node);
      continue;
    }
    if (!hitMark) {
      hitMark = document.createElement('mark');
      hitMark.className = 'corpus-reader-mark';
      parent.append(hitMark);
    }
    hitMark.append(node);
  }
  return parent;
}

/**
 * The span cut at every mention, hit and match edge inside it:
 * [{start, end, annotation|null, inHit, match|null}], in order, covering the
 * whole span.
 */
function pieces(span, annotations, hit, queryHits) {
  const cuts = new Set([span.start, span.end]);
  const inside = (at) => at > span.start && at < span.end;
  const mentions = annotations.filter((a) => a.end > span.start && a.start < span.end);
  for (const a of mentions) for (const at of [a.start, a.end]) if (inside(at)) cuts.add(at);
  if (hit) for (const at of [hit.start, hit.end]) if (inside(at)) cuts.add(at);
  const matches = queryHits.filter((m) => m.end > span.start && m.start < span.end);
  for (const m of matches) for (const at of [m.start, m.end]) if (inside(at)) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const result = [];
  let next = 0; // index into mentions: they are ascending, so one pass suffices
  let nextMatch = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    while (next < mentions.length && mentions[next].end <= start) next++;
    const annotation = mentions[next]?.start <= start ? mentions[next] : null;
    const inHit = hit != null && hit.start <= start && end <= hit.end;
    while (nextMatch < matches.length && matches[nextMatch].end <= start) nextMatch++;
    const match = matches[nextMatch]?.start <= start ? matches[nextMatch] : null;
    result.push({ start, end, annotation, inHit, match });
  }
  return result;
}

function entityMark(text, { start, end, annotation }) {
  const mark = document.createElement('mark');
  mark.className = 'corpus-entity';
  mark.dataset.type = annotation.type;
  mark.dataset.entity = annotation.entityId;
  mark.title = `${annotation.name} · ${annotation.type}`;
  mark.textContent = text.slice(start, end);
  return mark;
}
