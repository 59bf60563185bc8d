// A lower-case "or" or "not" in a query is searched as a word, as the query
// language says (its operators are written in capitals): "japan or china"
// finds the documents holding all three words. The search view says so and
// offers the query with the operator in capitals.

const OPERATORS = new Set(['or', 'not']);

/**
 * `query` with each lower-case "or" between two terms and each "not"
 * before one written in capitals, outside quotes; null when it has none.
 * @param {string} query
 * @returns {{query: string, words: string[]} | null} the new query, and the words changed
 */
export function operatorSuggestion(query) {
  // Words and the space between them; a quoted phrase is one piece.
  const pieces = query.match(/"[^"]*"?|\s+|[^\s"]+/g) ?? [];
  const words = pieces.map((piece, i) => ({ piece, i })).filter(({ piece }) => !/^\s+$/.test(piece));
  const changed = [];
  for (const [at, { piece, i }] of words.entries()) {
    if (!OPERATORS.has(piece)) continue;
    const before = at > 0;
    const after = at < words.length - 1;
    if (after && (piece === 'not' || before)) {
      pieces[i] = piece.toUpperCase();
      changed.push(piece);
    }
  }
  return changed.length > 0 ? { query: pieces.join(''), words: [...new Set(changed)] } : null;
}
