
// Added by corpus-lens' scripts/build.sh (scripts/glue/readers.d.ts).
/** True if `file` is read by the readers module: a web page, feed, Word document, archive, or bytes that are neither UTF-8 nor UTF-16 with a byte-order mark. */
export function needsReaders(file: SourceFile): boolean;
