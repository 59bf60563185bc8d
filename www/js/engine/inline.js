// What the single-file build (scripts/bundle.mjs) puts inside the page
// instead of fetching it: the worker's source (`worker`, for the page) and
// the wasm modules' and the entity model's bytes in base64 (`wasm`,
// `readers`, `readersPdf` and `model`, for the worker). The widgets' bundle sets only `modelPath`, the
// model's URL from the bundled worker. Everywhere else all are fetched from
// beside the modules, and this is empty.
export const INLINE = {};
