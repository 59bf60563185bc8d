// The readers module once loadReaders() has loaded it.
let readersModule = null;

/**
 * Load the readers module (web pages, feeds, Word, ZIP and gzip archives,
 * text in any encoding), fetched from beside this module unless
 * `module_or_path` says where (a URL, a Response, bytes or a
 * WebAssembly.Module). Corpus.load and Corpus.previewFile use it from then
 * on. Loading it twice does nothing more.
 */
export async function loadReaders(module_or_path) {
  if (readersModule) return;
  const readers = await import('./readers/corpus_lens_readers.js');
  await readers.default(module_or_path === undefined ? undefined : { module_or_path });
  readersModule = readers;
}

/** The readers' readFile, or a stand-in that leaves the file to the engine, whose message names loadReaders(). */
function readersReadFile(name, bytes) {
  return readersModule ? readersModule.readFile(name, bytes) : [{ name, bytes }];
}
const engineLoad = Corpus.load;
Corpus.load = function load(files, options) {
  return engineLoad.call(this, readersExpand(files, readersReadFile), options);
};
const enginePreviewFile = Corpus.previewFile;
Corpus.previewFile = function previewFile(file, options) {
  return enginePreviewFile.call(this, readersPreviewed(file, readersReadFile), options);
};
export { needsReaders };
