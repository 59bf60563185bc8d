// The alias table as a file a team shares: JSON, the whole table (entries
// and the reviewer's decisions) with a line saying what the file is. Pure
// functions: the review panel writes and reads the files, the engine checks
// the table itself (a bad entry or decision is named by its list and number).
import { wholeTable } from './review-decisions.js';

/** What the `format` field of an alias table file says. */
export const ALIAS_FILE_FORMAT = 'corpus-lens alias table';
/** The version this code writes and reads. */
export const ALIAS_FILE_VERSION = 1;

const LISTS = ['entries', 'types', 'notEntities', 'reviewed'];

/**
 * The file's text: `{format, version, corpus, exported, entries, types,
 * notEntities, reviewed}`, two-space indented, one decision a line.
 */
export function aliasFileText(table, { corpus = '', exported = new Date().toISOString() } = {}) {
  const whole = wholeTable(table);
  const head = { format: ALIAS_FILE_FORMAT, version: ALIAS_FILE_VERSION, corpus, exported };
  const lines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  for (const list of LISTS) {
    const items = whole[list].map((item) => `    ${JSON.stringify(item)}`);
    lines.push(`  ${JSON.stringify(list)}: ${items.length ? `[\n${items.join(',\n')}\n  ]` : '[]'}`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * The table a file holds, for `corpus.setAliases`. Throws an Error naming
 * the file and what is wrong where: not JSON (with the parser's position),
 * not an alias table file, a version this code does not read, a list that
 * is not an array. A bare array is read as the entries of an older table.
 */
export function readAliasFile(text, fileName = 'the file') {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not JSON: ${error.message}`);
  }
  if (Array.isArray(value)) return wholeTable(value);
  if (value === null || typeof value !== 'object') {
    throw new Error(`${fileName} is not an alias table file: it holds ${value === null ? 'null' : `a ${typeof value}`}, not an object`);
  }
  if (value.format !== ALIAS_FILE_FORMAT) {
    const found = value.format === undefined ? 'it has no "format" field' : `its "format" is ${JSON.stringify(value.format)}`;
    throw new Error(`${fileName} is not an alias table file: ${found}, expected "${ALIAS_FILE_FORMAT}"`);
  }
  if (value.version !== ALIAS_FILE_VERSION) {
    throw new Error(`${fileName} is an alias table file of version ${JSON.stringify(value.version)}; this explorer reads version ${ALIAS_FILE_VERSION}`);
  }
  const { format, version, corpus, exported, ...table } = value;
  for (const list of LISTS) {
    if (list in table && !Array.isArray(table[list])) {
      throw new Error(`${fileName}: "${list}" must be an array, got ${table[list] === null ? 'null' : typeof table[list]}`);
    }
  }
  // Any other field is left in: the engine names it ("unknown field").
  return table;
}
