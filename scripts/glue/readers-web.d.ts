/**
 * Loads the readers module (web pages, feeds, Word, ZIP and gzip archives,
 * text in any encoding), fetched from `readers/` beside this module unless
 * `module_or_path` says where. `Corpus.load` and `Corpus.previewFile` use it
 * from then on; without it, such a file is refused with a message that names
 * this function.
 */
export function loadReaders(module_or_path?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
