
// Added by corpus-lens' scripts/build.sh (scripts/glue/readers-files.js):
// files the engine does not read itself go through the readers module
// (readers/), which gives what Corpus.load takes: records, decoded text or
// why a file could not be read. Only files given as bytes need it: those of
// a reader's format, and text that is neither UTF-8 nor UTF-16 with a
// byte-order mark. PDF has a build of its own (corpus_lens_readers_pdf,
// the readers with PDF): the readers leave a PDF's bytes for it, so that it
// is fetched only when a file is, or an archive holds, a PDF.
const READERS_FORMAT = /\.(html?|xhtml|xml|rss|atom|docx|pdf|zip|gz)$/i;
/** Bytes checked for UTF-8 a piece at a time, so that no second copy of a large file is made. */
const UTF8_PIECE = 1 << 22;

/** True if `file` ({name, bytes}) is read by the readers module. */
function needsReaders(file) {
  if (!file || typeof file.name !== 'string' || !(file.bytes instanceof Uint8Array)) return false;
  return READERS_FORMAT.test(file.name) || !isUnicodeText(file.bytes);
}

/** True if `bytes` start with a UTF-16 byte-order mark or are valid UTF-8. */
function isUnicodeText(bytes) {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += UTF8_PIECE) {
      decoder.decode(bytes.subarray(at, at + UTF8_PIECE), { stream: at + UTF8_PIECE < bytes.length });
    }
    return true;
  } catch {
    return false;
  }
}

const PDF = /\.pdf$/i;

/** True if `file` is a PDF given as bytes: one the readers left for the build with PDF. */
function isUnreadPdf(file) {
  return Boolean(file) && typeof file.name === 'string' && file.bytes instanceof Uint8Array && PDF.test(file.name);
}

/**
 * `files` with each file the readers read replaced by what `readFile` made
 * of it (one file, or an archive's members), and each PDF by what `readPdf`
 * made of it; without `readPdf`, a PDF stays as bytes, which the engine
 * refuses with a message that names the PDF reader.
 */
function readersExpand(files, readFile, readPdf) {
  if (!Array.isArray(files) || !files.some(needsReaders)) return files;
  const pdf = (file) => readPdf(file.name, file.bytes).map((each) => (file.folder ? { ...each, folder: file.folder } : each));
  return files.flatMap((file) => {
    if (!needsReaders(file)) return [file];
    const read = (readPdf && isUnreadPdf(file) ? pdf(file) : readFile(file.name, file.bytes))
      .flatMap((each) => (readPdf && isUnreadPdf(each) ? pdf(each) : [each]));
    return file.fields ? read.map((each) => ({ ...each, fields: file.fields })) : read;
  });
}

/** The one file `previewFile` shows: the file, or what the readers made of it (`read`) if that is one file. */
function readersPreviewed(file, read) {
  if (!needsReaders(file)) return file;
  read = read(file.name, file.bytes);
  if (read.length !== 1) throw new Error(`Corpus.previewFile: ${file.name} holds ${read.length} files; preview them one at a time`);
  return read[0];
}
