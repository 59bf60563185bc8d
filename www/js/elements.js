// Registers the page's custom elements. Kept apart from the classes so a page
// that embeds them can import a class without registering it, or register it
// under another name; the guard lets this module be imported twice.
import { CorpusDocuments } from './documents-table.js';
import { CorpusEntities } from './entities.js';
import { CorpusReader } from './reader.js';
import { CorpusSearch } from './search.js';
import { CorpusStats } from './stats-line.js';

const ELEMENTS = {
  'corpus-documents': CorpusDocuments,
  'corpus-entities': CorpusEntities,
  'corpus-reader': CorpusReader,
  'corpus-search': CorpusSearch,
  'corpus-stats': CorpusStats,
};

for (const [name, elementClass] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, elementClass);
}
