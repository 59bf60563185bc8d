// Number fields checked against their own range (min, max, step), as the
// engine checks its options: a value out of range is named with the range
// it must be in, never replaced by a default or written into the URL.

const count = (n) => Number(n).toLocaleString('en-US');

/** What `input` takes, in words: "a whole number from 2 to 200", "a number". */
/** @param {HTMLInputElement} input */
export function rangeText(input) {
  const whole = input.step !== 'any';
  const kind = whole ? 'a whole number' : 'a number';
  const { min, max } = input;
  if (min !== '' && max !== '') return `${kind} from ${count(min)} to ${count(max)}`;
  if (min !== '') return `${kind} of ${count(min)} or more`;
  if (max !== '') return `${kind} of ${count(max)} or less`;
  return kind;
}

/**
 * Marks every number field of `form` that breaks its range (aria-invalid)
 * and returns the message for the first, naming it by its `data-label`: `Min.
 * count must be a whole number of 1 or more, got -3`; null when all hold.
 * @param {ParentNode} form
 * @returns {string | null}
 */
export function numberProblem(form) {
  let problem = null;
  for (const input of form.querySelectorAll('input[type="number"]')) {
    if (!(input instanceof HTMLInputElement)) continue;
    // A field hidden with its label (the window, when the unit is not one) is not in use.
    const valid = input.validity.valid || input.closest('[hidden]') !== null;
    if (valid) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    if (valid || problem) continue;
    const got = input.validity.badInput || input.value === '' ? 'something that is not a number' : input.value;
    problem = `${input.dataset.label} must be ${rangeText(input)}, got ${got}`;
  }
  return problem;
}
