// A count and its noun, as the views write them: "1 mention", "12 mentions",
// "3 entries". format.js is its natural home; it lives here until that file
// can take it (corpus-loader.js and corpus-switcher.js still keep copies).
import { formatCount } from './format.js';

/** `n` with thousands separators and `one` or `many` after it. */
export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
