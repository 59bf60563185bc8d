// The page: load the embedded corpus, then wire the views together. The
// documents table, search results and entity mentions say which document to
// open; the reader shows it, with its entities and citations. A source cited
// in the reader opens in the entities panel, and so does a node of the
// network; the heatmap follows the network's unit, measure and thresholds.
import './elements.js';
import { embeddedCorpus } from './engine.js';

const stats = document.querySelector('corpus-stats');
const table = document.querySelector('corpus-documents');
const reader = document.querySelector('corpus-reader');
const search = document.querySelector('corpus-search');
const entities = document.querySelector('corpus-entities');
const network = document.querySelector('corpus-network');
const matrix = document.querySelector('corpus-matrix');
const timeline = document.querySelector('corpus-timeline');
const errorBox = document.querySelector('.corpus-error');

function showError(what, error) {
  errorBox.textContent = `${what}: ${error.message}`;
  errorBox.hidden = false;
  console.error(error);
}

/** Open a document; `mark` ({start, end}, UTF-16) is a search hit to show. */
function openDocument(corpus, id, mark = null) {
  reader.corpusDocument = corpus.document(id);
  reader.annotations = corpus.annotate(id);
  reader.citations = corpus.citations({ docId: id });
  reader.mark = mark;
  table.selectedId = id;
}

async function main() {
  const corpus = await embeddedCorpus();
  const documents = corpus.documents();
  stats.stats = corpus.stats();
  table.documents = documents;
  search.corpus = corpus;
  entities.corpus = corpus;
  // The charts are optional: a failure there must not take the rest down.
  try {
    matrix.options = network.options;
    matrix.corpus = corpus;
    network.addEventListener('corpus-network-change', (event) => {
      matrix.options = event.detail.options;
    });
    network.corpus = corpus;
    timeline.corpus = corpus;
  } catch (error) {
    showError('Could not draw the network', error);
  }
  const onOpen = (event) => {
    try {
      const { id, start, end } = event.detail;
      openDocument(corpus, id, start == null ? null : { start, end });
    } catch (error) {
      showError('Could not open the document', error);
    }
  };
  table.addEventListener('corpus-open-document', onOpen);
  search.addEventListener('corpus-open-document', onOpen);
  entities.addEventListener('corpus-open-document', onOpen);
  network.addEventListener('corpus-open-document', onOpen);
  const onOpenEntity = (event) => {
    entities.selectedId = event.detail.id;
    (entities.closest('section') ?? entities).scrollIntoView({ block: 'start' });
    // Move the focus along, so a keyboard user carries on from the entity.
    entities.selectedButton?.focus({ preventScroll: true });
  };
  reader.addEventListener('corpus-open-entity', onOpenEntity);
  network.addEventListener('corpus-open-entity', onOpenEntity);
  // Open the first document, so the reader is never empty on arrival.
  if (documents.length > 0) openDocument(corpus, documents[0].id);
}

main().catch((error) => showError('Could not load the corpus', error));
