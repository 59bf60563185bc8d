// The peers' indexes, built the same way wherever they are measured: over
// `{id, title, text}` documents, title and text indexed.
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';

/** The SOTU records as the peers take them, numbered by position. */
export function peerDocuments(records) {
  return records.map((r, i) => ({ id: i, title: r.title ?? '', text: r.text }));
}

/** One builder per peer, keyed by the name the benchmark reports. */
export const PEER_BUILDERS = {
  'FlexSearch 0.8'(docs) {
    const index = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'text'] }, tokenize: 'strict' });
    for (const doc of docs) index.add(doc);
    return index;
  },
  MiniSearch(docs) {
    const index = new MiniSearch({ fields: ['title', 'text'] });
    index.addAll(docs);
    return index;
  },
  'lunr 2'(docs) {
    return lunr(function build() {
      this.ref('id');
      this.field('title');
      this.field('text');
      for (const doc of docs) this.add(doc);
    });
  },
};
