// How every view that shows a corpus follows it: its corpus's `change`
// event (a CorpusClient sends one when its alias table changes; a Corpus
// sends none) redraws the view while it is in the page; a view that is not
// shown at that moment (display: none, as the explorer's other tabs are)
// redraws when it next shows, not before, so that one alias edit does not
// recompute nine views at once. Views with charts also hear when their
// width changes, to redraw them to fit.
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
  #stale = false; // the corpus changed while the host was not shown

  /** `onChange()`: the corpus changed; `onResize()`: the host's box changed size. */
  constructor(host, { onChange, onResize = () => {} }) {
    this.#host = host;
    this.#onChange = onChange;
    this.#onResize = onResize;
  }

  #changed = () => {
    this.#stale = !isShown(this.#host);
    if (!this.#stale) this.#onChange();
  };

  #resized = () => {
    if (!this.#stale) this.#onResize();
    else if (isShown(this.#host)) {
      this.#stale = false;
      this.#onChange();
    }
  };

  /**
   * Follow `corpus` from now on (while the host is in the page) instead of
   * the one before. Returns whether the host should draw it now: not when
   * the same CorpusClient is handed over again, since its changes come
   * through `onChange`; a Corpus announces none, so handing it over again
   * is how its user asks for a redraw.
   */
  follow(corpus) {
    if (corpus === this.#corpus) return !isAnnouncing(corpus);
    this.#corpus?.removeEventListener?.('change', this.#changed);
    this.#corpus = corpus;
    this.#stale = false;
    if (this.#host.isConnected) corpus?.addEventListener?.('change', this.#changed);
    return true;
  }

  /** The host entered the page: follow its corpus and watch its size. */
  connect() {
    this.#corpus?.addEventListener?.('change', this.#changed);
    this.#observer ??= new ResizeObserver(this.#resized);
    this.#observer.observe(this.#host);
  }

  /** The host left the page: stop both. */
  disconnect() {
    this.#corpus?.removeEventListener?.('change', this.#changed);
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

/** Whether `host` has a box on screen: not inside anything display: none. */
function isShown(host) {
  return host.getClientRects().length > 0;
}

/** Whether `corpus` sends `change` events (a CorpusClient does; a Corpus does not). */
function isAnnouncing(corpus) {
  return typeof corpus?.addEventListener === 'function';
}
