// The readers module, and its build with PDF, each required the first time a file needs it.
let readersModule = null;
let readersPdfModule = null;
const readFile = (name, bytes) => {
  readersModule ??= require('./readers/corpus_lens_readers.js');
  return readersModule.readFile(name, bytes);
};
const readPdf = (name, bytes) => {
  readersPdfModule ??= require('./readers/corpus_lens_readers_pdf.js');
  return readersPdfModule.readFile(name, bytes);
};
const engineLoad = Corpus.load;
Corpus.load = function load(files, options) {
  return engineLoad.call(this, readersExpand(files, readFile, readPdf), options);
};
const enginePreviewFile = Corpus.previewFile;
Corpus.previewFile = function previewFile(file, options) {
  return enginePreviewFile.call(this, readersPreviewed(file, (name, bytes) => readersExpand([{ name, bytes }], readFile, readPdf)), options);
};
module.exports.needsReaders = needsReaders;
