// What the single-file build (scripts/bundle.mjs) puts inside the page
// instead of fetching it: the worker's source (`worker`, for the page) and
// the wasm module's bytes in base64 (`wasm`, for the worker). Everywhere else
// both are fetched from beside the modules, and this is empty.
export const INLINE = {};
