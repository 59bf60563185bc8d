// The explorer's states that the accessibility suite checks and the README's
// screenshots show (scripts/screenshots.mjs): each view as its link opens
// it, the loader reporting a bad record, and how to tell a page has settled.

/**
 * The explorer's views, each as its link opens it, and what shows it is
 * drawn; `picture` names its screenshot in docs/.
 */
export const VIEWS = [
  { name: 'overview', picture: 'overview', fragment: '#view=overview', ready: ['corpus-overview corpus-documents tbody tr', 'corpus-overview svg.corpus-overview-bars'] },
  { name: 'search results', picture: 'search', fragment: '#view=search&q=%22peace%20treaty%22%20OR%20kuril*&unit=paragraph', ready: ['corpus-search .corpus-result', 'corpus-search .corpus-facet-value'] },
  { name: 'search concordance', fragment: '#view=search&q=kuril*&mode=kwic', ready: ['corpus-search .corpus-kwic tbody tr', 'corpus-search .corpus-facet-value'] },
  { name: 'entities, an entity open', picture: 'entities', fragment: '#view=entities&entity=person:yoshiro-mori', ready: ['corpus-entities .corpus-entities-item', 'corpus-entity .corpus-entity-mention', 'corpus-entity .corpus-entity-collocates svg'] },
  { name: 'network, an edge’s evidence open', picture: 'network', fragment: '#view=network&measure=logdice&edge=person:vladimir-putin%20person:yoshiro-mori', ready: ['corpus-network .corpus-evidence li', 'corpus-matrix svg.corpus-matrix-svg'] },
  { name: 'timeline', picture: 'timeline', fragment: '#view=timeline&bucket=year&q=%22peace%20treaty%22', ready: ['corpus-timeline svg.corpus-timeline-svg'] },
  { name: 'compare', picture: 'compare', fragment: '#view=compare&a=year:1999..2001&b=year:2004..2005', ready: ['corpus-compare svg.corpus-compare-svg'] },
  { name: 'reader', picture: 'reader', fragment: '#view=reader&doc=001_dd6b5825d416bed0&q=putin', ready: ['corpus-reader mark.corpus-query-hit'] },
];

/** A JSON Lines file with a bad second record: the loader's report lists it. */
const BAD_FILE = [
  JSON.stringify({ title: 'Harbour talks resume', text: 'Fishermen from Hokkaido met officials in Nemuro on Tuesday.' }),
  '{"title": "Broken", "text": ',
  JSON.stringify({ title: 'Second round', text: 'The second round of harbour talks ended in Sapporo.' }),
].join('\n');

/** The loader open, its report of a bad record showing. */
export const LOADER_STATE = {
  name: 'the loader, its report of a bad record showing',
  picture: 'loader',
  fragment: '#view=overview',
  ready: ['corpus-overview corpus-documents tbody tr'],
  async open(page) {
    await page.locator('.corpus-load-open').click();
    await page.locator('corpus-loader .corpus-loader-files').setInputFiles([{ name: 'harbour.jsonl', mimeType: 'text/plain', buffer: Buffer.from(BAD_FILE) }]);
    await page.locator('corpus-loader .corpus-loader-report', { hasText: 'harbour.jsonl' }).waitFor();
    await page.locator('corpus-stats', { hasText: '2 documents' }).waitFor();
    await page.locator('corpus-overview corpus-documents tbody tr', { hasText: 'Second round' }).waitFor();
  },
};

/** Wait until no element in the page (or in a widget inside it) is busy, and a chart's transition has run. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const busy = (root) => [...root.querySelectorAll('*')].some((node) => node.hasAttribute('aria-busy') || (node.shadowRoot && busy(node.shadowRoot)));
    return !busy(document);
  });
  await page.waitForTimeout(250);
}
