// The systems compared, each a function text → [{start, end, type}] with
// types PER, LOC, ORG and UTF-16 offsets.
import nlp from 'compromise';

import { dropThe } from './readers.mjs';

const OURS = { person: 'PER', place: 'LOC', organization: 'ORG', media: 'ORG' };

/**
 * corpus-lens' `extractEntities`; organization and media both count as ORG.
 * Our spans never start with "the"; dropThe is applied for symmetry.
 */
export function ours(extractEntities) {
  return (text) => extractEntities(text, {})
    .filter((e) => OURS[e.type])
    .map((e) => ({ ...dropThe(text, e.start, e.end), type: OURS[e.type] }));
}

/**
 * compromise: people, places and organisations, spanned from their first to
 * last term as compromise gives them (a person keeps a leading honorific,
 * "President Obama", which re3d's gold includes and wikigold's does not),
 * without the punctuation after the last term or a possessive "'s", which no
 * gold span includes.
 */
export function compromise(text) {
  const doc = nlp(text);
  const out = [];
  for (const [type, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]]) {
    for (const match of view.json({ offset: true })) {
      const span = compromiseSpan(match.terms);
      if (span) out.push({ ...dropThe(text, span.start, span.end), type });
    }
  }
  return out;
}

function compromiseSpan(terms) {
  if (!terms.length) return null;
  const first = terms[0].offset;
  const last = terms[terms.length - 1];
  let end = last.offset.start + last.offset.length;
  if (/['’]s$/.test(last.text)) end -= 2;
  return { start: first.start, end };
}
