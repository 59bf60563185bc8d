// The one script a page needs for the widgets (www/dist/corpus-lens.js once
// bundled): it registers every element, and gives the page's own scripts the
// classes and the client, for anything the attributes do not cover.
//
//   <script type="module" src="https://…/corpus-lens.js"></script>
//   <corpus-search corpus="articles.jsonl"></corpus-search>
import './elements.js';

export { CorpusClient } from './engine/corpus-client.js';
export { ELEMENTS } from './elements.js';
