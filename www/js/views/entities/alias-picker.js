// The alias editor's "Merge into this entity" form: a search-as-you-type
// combobox over the corpus's entities (of the entity's type, or of any
// type) that also offers the typed text as another name when no entity
// has it. The input keeps the focus: the arrow keys move through the list
// (aria-activedescendant), Enter picks, Escape closes the list, then clears
// the input. What to do with the choice is the editor's.
//
// Names come from the corpus and are untrusted: they go in as text nodes.
import { plural } from '../../widgets/format.js';
import { sameName } from './alias-table.js';
import { typeLabel, typePluralLabel, typeSwatch } from '../../widgets/entity-types.js';
import { element } from '../../widgets/highlight.js';

const OPTIONS_SHOWN = 12; // the list: enough to choose from while typing
const VALUE_TYPES = ['date', 'money', 'quantity']; // values, not things to merge

export class AliasPicker {
  #editor; // read for its `corpus`, `entity` and `busy` when they are needed
  #ids;
  #form;
  #candidates = []; // the entities searched, in the engine's order
  #options = []; // those shown in the list
  #active = -1; // the option the arrow keys are on
  #picked = null; // the option chosen: {entity} to merge, or {name} to add
  #anyType = false; // every type is offered, not only the entity's

  /** `onSubmit(choice)`: the form was sent with `choice` picked, `{entity}` or `{name}`. */
  constructor(editor, ids, onSubmit) {
    this.#editor = editor;
    this.#ids = ids;
    this.#form = this.#build();
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.#picked) onSubmit(this.#picked);
    });
  }

  /** The <form> to put in the page. */
  get form() {
    return this.#form;
  }

  /** The option chosen, `{entity}` or `{name}`, or null. */
  get picked() {
    return this.#picked;
  }

  /** Search the corpus afresh next time: it, the entity or the table changed. */
  reset() {
    this.#candidates = [];
  }

  /** Empty the input and forget the choice (after an edit made with it). */
  clear() {
    this.#part('input').value = '';
    this.#unpick();
  }

  /** Offer the entity's own type, and any type, as the scope. */
  syncScope() {
    const scope = this.#part('scope');
    const type = this.#editor.entity?.type;
    const want = type ? [[type, `${typePluralLabel(type)} only`], ['', 'Any type']] : [['', 'Any type']];
    if (scope.options.length !== want.length || [...scope.options].some((o, i) => o.value !== want[i][0])) {
      scope.replaceChildren(...want.map(([value, text]) => {
        const option = element('option', '', text);
        option.value = value;
        return option;
      }));
    }
    scope.value = this.#anyType ? '' : want[0][0];
  }

  #part(name) {
    return this.#form.querySelector(`.corpus-alias-${name}`);
  }

  #build() {
    const form = element('form', 'corpus-alias-merge');
    form.setAttribute('aria-label', 'Merge another entity into this one');
    const label = element('label', 'corpus-alias-merge-label', 'Merge into this entity');
    label.htmlFor = `${this.#ids}-input`;
    const scope = element('select', 'corpus-alias-scope');
    scope.setAttribute('aria-label', 'Entities offered');
    scope.addEventListener('change', () => {
      this.#anyType = scope.value === '';
      this.#candidates = [];
      this.#unpick();
      this.#showOptions(this.#part('input').value);
    });
    const submit = element('button', 'corpus-alias-merge-button', 'Merge');
    submit.type = 'submit';
    submit.disabled = true;
    const row = element('div', 'corpus-alias-merge-row');
    row.append(this.#combobox(), scope, submit);
    form.append(label, row);
    return form;
  }

  #combobox() {
    const input = element('input', 'corpus-alias-input');
    input.id = `${this.#ids}-input`;
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.placeholder = 'Type a name';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', `${this.#ids}-list`);
    input.addEventListener('input', () => {
      this.#unpick();
      this.#showOptions(input.value);
    });
    input.addEventListener('focus', () => this.#loadCandidates());
    input.addEventListener('keydown', (event) => this.#onKey(event));
    input.addEventListener('blur', () => setTimeout(() => this.#closeList(), 150));
    const list = element('ul', 'corpus-alias-options');
    list.id = `${this.#ids}-list`;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Entities');
    list.hidden = true;
    const box = element('div', 'corpus-alias-combobox');
    box.append(input, list);
    return box;
  }

  async #loadCandidates() {
    const corpus = this.#editor.corpus;
    if (this.#candidates.length > 0 || !corpus) return this.#candidates;
    const type = this.#part('scope').value;
    const entities = await corpus.entities(type ? { types: [type] } : {});
    this.#candidates = entities.filter((e) => !VALUE_TYPES.includes(e.type));
    return this.#candidates;
  }

  async #showOptions(text) {
    const words = text.trim().toLocaleLowerCase();
    const input = this.#part('input');
    if (!words) {
      this.#closeList();
      return;
    }
    const candidates = await this.#loadCandidates();
    if (input.value.trim().toLocaleLowerCase() !== words) return; // typed on meanwhile
    const entity = this.#editor.entity;
    this.#options = candidates
      .filter((e) => e.id !== entity?.id && [e.name, ...e.aliases].some((n) => n.toLocaleLowerCase().includes(words)))
      .slice(0, OPTIONS_SHOWN)
      .map((candidate) => ({ entity: candidate }));
    // A name that is no entity's can still be added: the engine then finds
    // it in the text as a mention of this entity.
    const name = text.trim().replace(/\s+/g, ' ');
    if (entity && !candidates.some((e) => sameName(e.name, name))) this.#options.push({ name });
    this.#active = -1;
    const list = this.#part('options');
    list.replaceChildren(...this.#options.map((option, i) => this.#option(option, i)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.removeAttribute('aria-activedescendant');
  }

  #option(choice, i) {
    const option = element('li', 'corpus-alias-option');
    option.id = `${this.#ids}-option-${i}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    const { entity, name } = choice;
    if (entity) {
      option.dataset.type = entity.type;
      const count = element('span', 'corpus-alias-option-count', `${typeLabel(entity.type)} · ${plural(entity.count, 'mention')}`);
      option.append(typeSwatch(entity.type), element('span', 'corpus-alias-option-name', entity.name), count);
    } else {
      option.classList.add('corpus-alias-option-add');
      option.append(element('span', 'corpus-alias-option-name', `Add “${name}” as another name`));
    }
    // mousedown, not click: the input keeps the focus.
    option.addEventListener('mousedown', (event) => {
      event.preventDefault();
      this.#pick(choice);
    });
    return option;
  }

  #onKey(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') this.#onArrow(event);
    else if (event.key === 'Enter') this.#onEnter(event);
    else if (event.key === 'Escape') this.#onEscape(event);
  }

  #onArrow(event) {
    event.preventDefault();
    if (this.#part('options').hidden) {
      this.#showOptions(event.target.value);
      return;
    }
    if (this.#options.length === 0) return;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    this.#setActive((this.#active + step + this.#options.length) % this.#options.length);
  }

  #onEnter(event) {
    const open = !this.#part('options').hidden && this.#options.length > 0;
    if (open && this.#active >= 0) {
      event.preventDefault();
      this.#pick(this.#options[this.#active]);
    } else if (!this.#picked) {
      event.preventDefault(); // nothing chosen: no merge
      if (open && this.#options.length === 1) this.#pick(this.#options[0]);
    }
  }

  #onEscape(event) {
    if (!this.#part('options').hidden) {
      event.preventDefault();
      this.#closeList();
    } else if (event.target.value) {
      event.preventDefault();
      event.target.value = '';
      this.#unpick();
    }
  }

  #setActive(i) {
    this.#active = i;
    const input = this.#part('input');
    this.#form.querySelectorAll('.corpus-alias-option').forEach((option, j) => {
      option.setAttribute('aria-selected', String(j === i));
      if (j === i) {
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      }
    });
  }

  #pick(choice) {
    this.#part('input').value = choice.entity?.name ?? choice.name;
    this.#picked = choice;
    const button = this.#part('merge-button');
    button.disabled = this.#editor.busy;
    const into = this.#editor.entity?.name ?? 'this entity';
    button.textContent = choice.entity ? 'Merge' : 'Add name';
    button.setAttribute('aria-label', choice.entity ? `Merge ${choice.entity.name} into ${into}` : `Add name “${choice.name}” to ${into}`);
    this.#closeList();
  }

  #unpick() {
    this.#picked = null;
    const button = this.#part('merge-button');
    button.disabled = true;
    button.textContent = 'Merge';
    button.removeAttribute('aria-label');
  }

  #closeList() {
    const input = this.#part('input');
    this.#part('options').hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    this.#active = -1;
  }
}
