// The corpus's own metadata fields (each document's `metadata`, as
// corpus.documents() lists them: `author` and `party` in a corpus of
// addresses), and those a researcher can group by: the documents table
// shows them as columns; the timeline, the facets and Compare group by
// them.

/** More distinct values than this and a field is a label, not a grouping. */
export const MOST_GROUPS = 100;

/**
 * @typedef {object} MetadataField
 * @property {string} name the name in lower case, as the query language and the engine's `field:` bucket take it
 * @property {string} label the name as the corpus writes it (its first spelling)
 * @property {Map<string, number>} values each value (trimmed, as text) and how many documents have it
 * @property {number} documents documents with a value
 * @property {boolean} numeric every value is a number
 */

/**
 * Every metadata field of `documents`, in the order first met.
 * @param {{metadata?: Record<string, string | number>}[]} documents
 * @returns {MetadataField[]}
 */
export function metadataFields(documents) {
  const fields = new Map();
  for (const doc of documents) {
    for (const [key, raw] of Object.entries(doc.metadata ?? {})) {
      const name = key.toLowerCase();
      if (!fields.has(name)) fields.set(name, { name, label: key, values: new Map(), documents: 0, numeric: true });
      const value = String(raw).trim();
      if (!value) continue;
      const field = fields.get(name);
      field.numeric &&= typeof raw === 'number';
      field.values.set(value, (field.values.get(value) ?? 0) + 1);
      field.documents += 1;
    }
  }
  return [...fields.values()];
}

/**
 * The fields to group by: from 2 to MOST_GROUPS distinct values, and some
 * value shared by several documents (a field unique to each document, such
 * as a URL, groups nothing).
 * @param {{metadata?: Record<string, string | number>}[]} documents
 */
export function groupingFields(documents) {
  return metadataFields(documents).filter((f) => f.values.size >= 2 && f.values.size <= MOST_GROUPS && f.values.size < f.documents);
}

/** A field's name for a heading: as the corpus writes it, capitalised ("Party"). */
export function fieldHeading(field) {
  return field.label.charAt(0).toUpperCase() + field.label.slice(1);
}

/** A value of a metadata field as the document has it, as text ('' when absent). */
export function metadataValue(doc, name) {
  const key = Object.keys(doc.metadata ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? '' : String(doc.metadata[key]).trim();
}
