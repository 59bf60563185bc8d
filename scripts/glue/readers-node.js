// The readers module, required the first time a file needs it.
let readersModule = null;
function readers() {
  readersModule ??= require('./readers/corpus_lens_readers.js');
  return readersModule;
}
const engineLoad = Corpus.load;
Corpus.load = function load(files, options) {
  return engineLoad.call(this, readersExpand(files, (name, bytes) => readers().readFile(name, bytes)), options);
};
const enginePreviewFile = Corpus.previewFile;
Corpus.previewFile = function previewFile(file, options) {
  return enginePreviewFile.call(this, readersPreviewed(file, (name, bytes) => readers().readFile(name, bytes)), options);
};
module.exports.needsReaders = needsReaders;
