// Registers the explorer's custom elements. Kept apart from the classes so a
// page that embeds them can import a class without registering it, or
// register it under another name; the guard lets this module be imported
// twice.
import { CorpusAliasEditor } from './alias-editor.js';
import { CorpusCompare } from './compare.js';
import { CorpusLoader } from './corpus-loader.js';
import { CorpusSwitcher } from './corpus-switcher.js';
import { CorpusDocuments } from './documents-table.js';
import { CorpusEntities } from './entities.js';
import { CorpusEntity } from './entity-page.js';
import { CorpusMatrix } from './matrix.js';
import { CorpusNetwork } from './network.js';
import { CorpusOverview } from './overview.js';
import { CorpusReader } from './reader.js';
import { CorpusSearch } from './search.js';
import { CorpusStats } from './stats-line.js';
import { CorpusTimeline } from './timeline.js';

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
