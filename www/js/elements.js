// Registers the explorer's custom elements. Kept apart from the classes so a
// page that embeds them can import a class without registering it, or
// register it under another name; the guard lets this module be imported
// twice.
import { CorpusAliasEditor } from './views/entities/alias-editor.js';
import { CorpusCompare } from './views/compare/compare.js';
import { CorpusLoader } from './corpora/corpus-loader.js';
import { CorpusSwitcher } from './corpora/corpus-switcher.js';
import { CorpusDocuments } from './views/overview/documents-table.js';
import { CorpusEntities } from './views/entities/entities.js';
import { CorpusEntity } from './views/entities/entity-page.js';
import { CorpusMatrix } from './views/network/matrix.js';
import { CorpusNetwork } from './views/network/network.js';
import { CorpusOverview } from './views/overview/overview.js';
import { CorpusReader } from './views/reader/reader.js';
import { CorpusSearch } from './views/search/search.js';
import { CorpusStats } from './corpora/stats-line.js';
import { CorpusTimeline } from './views/timeline/timeline.js';

export const ELEMENTS = {
  'corpus-alias-editor': CorpusAliasEditor,
  'corpus-compare': CorpusCompare,
  'corpus-documents': CorpusDocuments,
  'corpus-entities': CorpusEntities,
  'corpus-entity': CorpusEntity,
  'corpus-loader': CorpusLoader,
  'corpus-matrix': CorpusMatrix,
  'corpus-network': CorpusNetwork,
  'corpus-overview': CorpusOverview,
  'corpus-reader': CorpusReader,
  'corpus-search': CorpusSearch,
  'corpus-stats': CorpusStats,
  'corpus-switcher': CorpusSwitcher,
  'corpus-timeline': CorpusTimeline,
};

for (const [name, elementClass] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, elementClass);
}
