// A file's bytes as text, for a file the page reads itself (an alias file
// to import; corpus files go to the engine as bytes, and it decodes them):
// UTF-8 (or UTF-16 with a byte-order mark), decoded strictly. `file.text()` and `response.text()` would turn any
// other encoding (Latin-1, Windows-1252) into replacement characters without
// a word; here such a file is refused, named, and nothing of it is damaged.

/** The text of `bytes` (an ArrayBuffer); throws naming the encoding it is not. */
export function fileText(bytes) {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`it is not ${encoding.toUpperCase()} text: save it as UTF-8 and load it again`);
  }
}
