// What the chart views (<corpus-overview>, <corpus-compare>, <corpus-entity>)
// share: following their corpus's `change` event (a CorpusClient sends one
// when its alias table changes; a Corpus sends none) while they are in the
// page, and hearing when their width changes, so that charts are redrawn
// to fit.
//
// A helper object each element owns, not a base class: the elements' corpus
// setters differ (the entity page keeps caches, the compare view reruns),
// private fields cannot be shared with a subclass, and so each element
// keeps its public API exactly as its own class declares it. The element
// calls `connect()` and `disconnect()` from its own callbacks and
// `follow(corpus)` from its corpus setter.

/**
 * The change of width, in px, up to which a chart is not redrawn: a scroll
 * bar coming or going is not worth a redraw.
 */
const IGNORED_PX = 16;

export class ViewSupport {
  #host;
  #onChange;
  #onResize;
  #corpus = null;
  #observer = null;

  /** `onChange()`: the corpus changed; `onResize()`: the host's box changed size. */
  constructor(host, { onChange, onResize }) {
    this.#host = host;
    this.#onChange = onChange;
    this.#onResize = onResize;
  }

  /**
   * Follow `corpus` from now on (while the host is in the page) instead of
   * the one before. Returns whether the host should draw it now: not when
   * the same CorpusClient is handed over again, since its changes come
   * through `onChange`; a Corpus announces none, so handing it over again
   * is how its user asks for a redraw.
   */
  follow(corpus) {
    if (corpus === this.#corpus) return !isAnnouncing(corpus);
    this.#corpus?.removeEventListener?.('change', this.#onChange);
    this.#corpus = corpus;
    if (this.#host.isConnected) corpus?.addEventListener?.('change', this.#onChange);
    return true;
  }

  /** The host entered the page: follow its corpus and watch its size. */
  connect() {
    this.#corpus?.addEventListener?.('change', this.#onChange);
    this.#observer ??= new ResizeObserver(() => this.#onResize());
    this.#observer.observe(this.#host);
  }

  /** The host left the page: stop both. */
  disconnect() {
    this.#corpus?.removeEventListener?.('change', this.#onChange);
    this.#observer?.disconnect();
  }
}

/**
 * Whether a chart drawn `drawnWidth` px wide should be redrawn at `width`:
 * not while hidden (width 0, with the rest of its view), nor for a change
 * of 16 px or less.
 */
export function widthChanged(width, drawnWidth) {
  return width > 0 && Math.abs(width - drawnWidth) > IGNORED_PX;
}

/** Whether `corpus` sends `change` events (a CorpusClient does; a Corpus does not). */
function isAnnouncing(corpus) {
  return typeof corpus?.addEventListener === 'function';
}
