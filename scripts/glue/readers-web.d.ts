/**
 * Loads the readers module (web pages, feeds, Word, ZIP and gzip archives,
 * text in any encoding), fetched from `readers/` beside this module unless
 * `module_or_path` says where. `Corpus.load` and `Corpus.previewFile` use it
 * from then on; without it, such a file is refused with a message that names
 * this function.
 */
export function loadReaders(module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Loads the readers' build with PDF (`readers/corpus_lens_readers_pdf_bg.wasm` beside this module unless `module_or_path` says where); PDFs are read from then on. */
export function loadPdfReader(module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** What `Corpus.load(files)` will read: each file the readers read replaced by what they made of it; a PDF stays as bytes until `loadPdfReader()`. */
export function readFiles(files: SourceFile[]): SourceFile[];
/** True if `file`, as `readFiles` gives it, is a PDF left for `loadPdfReader()`. */
export function needsPdfReader(file: SourceFile): boolean;
