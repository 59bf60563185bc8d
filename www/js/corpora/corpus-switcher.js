// <corpus-switcher>: which corpus is open, and a list to open another. A
// disclosure "Corpus: <name>" in the page header opens a panel listing the
// embedded articles and every corpus kept by corpus-store.js, with its
// document count, size and the date it was loaded; each kept corpus can be
// deleted, after an inline confirmation.
//
// Property `current`: the id of the open corpus ('embedded' for the embedded
// one; null, or an id not kept, for one the browser would not keep), marked
// with aria-current. The element never sets it itself: the page does, once
// the switch has worked.
// Events (bubbling): `corpus-switch` `{id}` when the reader chooses another
// corpus; `corpus-deleted` `{id}` after a kept corpus has been deleted (if
// it was the open one, the page decides what to show instead).
// Method `refresh()` re-reads the store (it also runs when the panel opens).
import { h } from '../widgets/dom.js';
import { deleteCorpus, listCorpora } from './corpus-store.js';
import { formatBytes, plural } from '../widgets/format.js';
import { element } from '../widgets/highlight.js';
import { Widget, defineStateProperties, widgetAttributes } from '../widgets/widget.js';

export const EMBEDDED = { id: 'embedded', name: 'Jamestown articles', documents: 5 };

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** The disclosure: the open corpus's name, and the list of kept corpora under it. */
function template() {
  return h('details', { class: 'corpus-switcher-details' },
    h('summary', { class: 'corpus-switcher-summary' },
      h('span', { class: 'corpus-switcher-label' }, 'Corpus:'), ' ',
      h('span', { class: 'corpus-switcher-name' })),
    h('div', { class: 'corpus-switcher-panel' },
      h('ul', { class: 'corpus-switcher-list', 'aria-label': 'Corpora' }),
      h('p', { class: 'corpus-switcher-message', role: 'status' })));
}

const STATE_KEYS = [];

/**
 * @fires corpus-switch - `{id}`: the reader chose this corpus
 * @fires corpus-deleted - `{id}`: the reader deleted this kept corpus
 */
export class CorpusSwitcher extends HTMLElement {
  static observedAttributes = widgetAttributes(STATE_KEYS);
  #widget = new Widget(this, { stateKeys: STATE_KEYS });
  #root = this.#widget.root;
  #current = 'embedded';
  #corpora = []; // as listCorpora gives them
  #details = null;
  #asked = 0; // refreshes started, so that a slow one cannot undo a later one
  #listed = false;
  // composedPath, not contains(target): a click that replaces its own button
  // (Delete → the confirmation) has a target no longer inside.
  #onOutside = (event) => {
    if (this.#details.open && !event.composedPath().includes(this)) this.#details.open = false;
  };

  constructor() {
    super();
    this.#details = template();
    this.#root.append(this.#details);
    this.#wire();
    this.#render();
  }

  connectedCallback() {
    this.#widget.connect();
    this.refresh();
    document.addEventListener('click', this.#onOutside);
  }

  disconnectedCallback() {
    this.#widget.disconnect();
    document.removeEventListener('click', this.#onOutside);
  }

  attributeChangedCallback(name, old, value) {
    this.#widget.attributeChanged(name, old, value);
  }

  /** The id of the open corpus; see the top of this file. */
  get current() {
    return this.#current;
  }

  set current(id) {
    this.#current = id;
    this.#render();
  }

  /** Re-read the kept corpora from the store; resolves once shown. */
  async refresh() {
    const asked = ++this.#asked;
    let corpora = [];
    let message = '';
    try {
      corpora = await listCorpora();
    } catch (error) {
      message = `Saved corpora cannot be shown. ${error.message}.`;
    }
    if (asked !== this.#asked) return; // a later refresh answers instead
    this.#corpora = corpora;
    this.#listed = true;
    this.#say(message);
    this.#render();
  }

  #wire() {
    this.#details.addEventListener('toggle', () => {
      if (this.#details.open) this.refresh();
    });
    this.#details.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.#details.open) return;
      this.#details.open = false;
      this.#root.querySelector('summary').focus();
    });
  }

  #render() {
    if (!this.#details) return;
    const open = this.#current === EMBEDDED.id ? EMBEDDED : this.#corpora.find(({ id }) => id === this.#current);
    const name = open?.name ?? (this.#listed ? 'not saved' : '…');
    this.#root.querySelector('.corpus-switcher-name').textContent = name;
    const list = this.#root.querySelector('.corpus-switcher-list');
    // Keep focus where it was (on the same row's button) across the redraw.
    const active = /** @type {HTMLElement} */ (this.shadowRoot.activeElement);
    const focused = list.contains(active) ? active.dataset.focusKey : null;
    list.replaceChildren(this.#embeddedItem(), ...this.#corpora.map((corpus) => this.#item(corpus)));
    if (focused) list.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }

  #embeddedItem() {
    const item = element('li', 'corpus-switcher-item');
    item.append(this.#chooseButton(EMBEDDED.id, `Embedded: ${EMBEDDED.name}`, `${plural(EMBEDDED.documents, 'document')} · built in`));
    return item;
  }

  #item(corpus) {
    const item = element('li', 'corpus-switcher-item');
    const date = new Date(corpus.created);
    const meta = [
      plural(corpus.documents, 'document'),
      formatBytes(corpus.bytes),
      `loaded ${dateFormat.format(date)}`,
    ].join(' · ');
    const choose = this.#chooseButton(corpus.id, corpus.name, meta);
    const remove = element('button', 'corpus-switcher-delete', 'Delete');
    remove.type = 'button';
    remove.dataset.focusKey = `delete:${corpus.id}`;
    remove.setAttribute('aria-label', `Delete ${corpus.name}`);
    remove.addEventListener('click', () => item.replaceChildren(choose, this.#confirm(corpus, item, remove)));
    item.append(choose, remove);
    return item;
  }

  #chooseButton(id, name, meta) {
    const button = element('button', 'corpus-switcher-choose');
    button.type = 'button';
    button.dataset.focusKey = `choose:${id}`;
    if (id === this.#current) button.setAttribute('aria-current', 'true');
    button.append(element('span', 'corpus-switcher-item-name', name), element('span', 'corpus-switcher-meta', meta));
    button.addEventListener('click', () => {
      this.#details.open = false;
      this.#root.querySelector('summary').focus();
      if (id !== this.#current) this.#emit('corpus-switch', { id });
    });
    return button;
  }

  /** "Delete this corpus? [Delete] [Keep]", in place of the Delete button. */
  #confirm(corpus, item, remove) {
    const box = element('div', 'corpus-switcher-confirm');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', `Delete ${corpus.name}?`);
    const yes = element('button', 'corpus-switcher-confirm-yes', 'Delete');
    const no = element('button', 'corpus-switcher-confirm-no', 'Keep');
    yes.type = 'button';
    no.type = 'button';
    box.append(element('span', 'corpus-switcher-confirm-text', 'Delete for good?'), yes, no);
    no.addEventListener('click', () => {
      item.replaceChildren(item.firstChild, remove);
      remove.focus();
    });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await deleteCorpus(corpus.id);
      } catch (error) {
        this.#say(`${error.message}.`);
        yes.disabled = false;
        return;
      }
      await this.refresh();
      this.#say(`Deleted “${corpus.name}”.`);
      this.#root.querySelector('.corpus-switcher-choose')?.focus();
      this.#emit('corpus-deleted', { id: corpus.id });
    });
    // Keep is the safer answer for a second press of Enter.
    queueMicrotask(() => no.focus());
    return box;
  }

  #say(text) {
    const message = this.#root.querySelector('.corpus-switcher-message');
    message.textContent = text;
    message.hidden = !text;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }
}

defineStateProperties(CorpusSwitcher, STATE_KEYS);
