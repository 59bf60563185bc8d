// The timeline's query box: several queries, separated by semicolons.

/**
 * The queries typed in the box: split at each semicolon outside double
 * quotes (`"a; b"` stays one phrase), blank ones dropped.
 * @param {string} text
 * @returns {string[]}
 */
export function queryLines(text) {
  const lines = [];
  let current = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      lines.push(current);
      current = '';
    } else current += c;
  }
  lines.push(current);
  return lines.map((line) => line.trim()).filter(Boolean);
}
