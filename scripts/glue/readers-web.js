// The readers module once loadReaders() has loaded it, and its build with
// PDF once loadPdfReader() has.
let readersModule = null;
let readersPdfModule = null;

/** Load the readers' build `file` (its .js beside this module), initialised from `module_or_path`. */
async function loadReadersBuild(file, module_or_path) {
  const build = file === 'pdf'
    ? await import('./readers/corpus_lens_readers_pdf.js')
    : await import('./readers/corpus_lens_readers.js');
  await build.default(module_or_path === undefined ? undefined : { module_or_path });
  return build;
}

/**
 * Load the readers module (web pages, feeds, Word, ZIP and gzip archives,
 * text in any encoding), fetched from beside this module unless
 * `module_or_path` says where (a URL, a Response, bytes or a
 * WebAssembly.Module). Corpus.load and Corpus.previewFile use it from then
 * on. Loading it twice does nothing more.
 */
export async function loadReaders(module_or_path) {
  readersModule ??= await loadReadersBuild('readers', module_or_path);
}

/**
 * Load the readers' build with PDF (`readers/corpus_lens_readers_pdf_bg.wasm`),
 * which reads the PDFs among the files from then on. `readFiles` says when
 * one is needed.
 */
export async function loadPdfReader(module_or_path) {
  readersPdfModule ??= await loadReadersBuild('pdf', module_or_path);
}

/** The readers' readFile, or a stand-in that leaves the file to the engine, whose message names loadReaders(). */
function readersReadFile(name, bytes) {
  return readersModule ? readersModule.readFile(name, bytes) : [{ name, bytes }];
}

/**
 * What `Corpus.load(files)` will read: each file the readers read replaced by
 * what they made of it. A PDF among them (also inside an archive) stays as
 * its bytes until `loadPdfReader()` has been called: `files.some(needsPdfReader)`
 * on the result says whether to.
 */
export function readFiles(files) {
  return readersExpand(files, readersReadFile, readersPdfModule && ((name, bytes) => readersPdfModule.readFile(name, bytes)));
}

/** True if `file`, as `readFiles` gives it, is a PDF left for the build with PDF. */
export function needsPdfReader(file) {
  return isUnreadPdf(file);
}

const engineLoad = Corpus.load;
Corpus.load = function load(files, options) {
  return engineLoad.call(this, readFiles(files), options);
};
const enginePreviewFile = Corpus.previewFile;
Corpus.previewFile = function previewFile(file, options) {
  return enginePreviewFile.call(this, readersPreviewed(file, (name, bytes) => readFiles([{ name, bytes }])), options);
};
export { needsReaders };
