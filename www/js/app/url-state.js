// app/: the explorer page's own parts beside app.js: the URL's state (this
// file) and the Embed control (embed-snippets.js).
//
// The page's whole state in the URL's fragment, so that back and forward
// work and a link reproduces what its sender saw:
//   #corpus=c-lx3k&view=search&q=putin&unit=sentence
// `corpus` is left out for the embedded corpus; `embed=1` shows the view
// alone, for an iframe; every other key is the open view's own state (each
// view's `state` property), empty values left out.

export const DEFAULT_VIEW = 'overview';

/** `{corpus, view, embed, params}` from a fragment such as location.hash. */
export function readFragment(fragment) {
  const params = Object.fromEntries(new URLSearchParams(fragment.replace(/^#/, '')));
  const { corpus = 'embedded', view = DEFAULT_VIEW, embed, ...rest } = params;
  return { corpus, view, embed: embed === '1', params: rest };
}

/** The fragment for `{corpus, view, embed, params}`: "#view=…&…". */
export function fragmentFor({ corpus, view, embed = false, params }) {
  const search = new URLSearchParams();
  if (corpus && corpus !== 'embedded') search.set('corpus', corpus);
  if (embed) search.set('embed', '1');
  search.set('view', view);
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value != null && value !== '') search.set(key, String(value));
  }
  return `#${search}`;
}
