// The README's Node example runs as printed, and every value its comments state
// is what the code gives, so the README stays true.
//
// How: each statement that carries a value comment (on its line, or on the
// comment lines right below it) is rewritten as `__check(<expression>, <line>)`;
// the rewritten example runs in a child Node, which records a JSON copy of each
// checked value; each comment is parsed into a small pattern and compared with
// those values here. Comments that are prose are listed in PROSE; any other
// comment that does not parse as a value fails the test.
//
// The comment syntax: JSON-like values with 'single-quoted' strings and unquoted
// keys; a bare key (`{id, title}`) is present with any value; `…` elides: in an
// object it allows more keys, in an array it stands for any elements there
// (`['1999', …, '2005']` starts and ends so); `[{id, title}]`, one element that is a
// shape, means a non-empty array whose every element has that shape, while
// `['Putin']` is that exact array. A console.log comment lists its arguments,
// separated by spaces: `'invalid-record' 'notes.jsonl' 2`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

import { ROOT } from './helpers.mjs';

const MARKER = '// node example.cjs';
const PACKAGE = "require('corpus-lens')";

// Comment text that describes instead of stating a value: a whole comment, or the
// words before or after a value. A comment that is neither a value nor listed here
// fails the test, so that a new claim in the README cannot go unchecked unnoticed.
const PROSE = [
  'node example.cjs, with the package installed (see Install)',
  'the five seed articles',
  'matching sentences',
  ', English stop words left out',
  'entity filters match every alias',
  ": the quote at 'putin \"peace'.slice(6)",
  ': the measures in menu order',
  'bad records skipped…',
  '…and listed:',
  'without the option, the first bad record throws',
  'release the wasm memory when done',
];

// Runs before the example (`node --require`): records a JSON copy of each checked
// value when it is computed, passes the value on, and writes the record at exit.
const PRELOAD = `
const checked = [];
globalThis.__check = (value, line) => {
  checked.push({ line, json: JSON.stringify(value) });
  return value;
};
process.on('exit', () => require('node:fs').writeFileSync(process.env.README_CHECKED, JSON.stringify(checked)));
`;

// A one-line console.log statement: its arguments are what its comment lists.
const LOG = /^console\.log\((.*)\);$/;

/** The Node example's lines, from its marker line to the end of its code block, and the README line it starts on. */
function example() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(MARKER);
  assert.notEqual(start, -1, 'the README has its Node example');
  const lines = readme.slice(start, readme.indexOf('```', start)).split('\n');
  return { start: readme.slice(0, start).split('\n').length, lines: lines.slice(0, -1) };
}

// ---------------------------------------------------------------------------
// Finding the comments and the statements they describe

/** Splits a line at its first `//` outside a string literal, so a '//' inside a string stays code. */
function splitComment(text) {
  let quote = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (text.startsWith('//', i)) {
      return { code: text.slice(0, i).trim(), comment: text.slice(i + 2).trim() };
    }
  }
  return { code: text.trim(), comment: null };
}

/**
 * Every comment of the example, each as `{line, code, comment}`: a statement's own
 * comment, or the comment lines right below a statement without one, describe that
 * statement (`line` is its README line); later comment lines continue a comment; a
 * comment after a blank line, or the marker line, describes no statement (`code` null).
 */
function claimsOf(lines, start) {
  const found = [];
  let open = null; // the claim that a comment-only line on the next line continues
  let bare = null; // the previous line, when it was code without a comment
  lines.forEach((text, i) => {
    const { code, comment } = splitComment(text);
    if (comment === null) {
      [open, bare] = [null, code ? { line: start + i, code } : null];
    } else if (code === '' && open) {
      open.comment += ` ${comment}`;
    } else {
      const statement = code ? { line: start + i, code } : (bare ?? { line: start + i, code: null });
      open = { ...statement, comment };
      found.push(open);
      bare = null;
    }
  });
  return found;
}

// ---------------------------------------------------------------------------
// Reading a comment as values: a recursive-descent parser over { text, at }

/** Moves the reader past spaces, which separate tokens anywhere. */
function skipSpaces(reader) {
  reader.at += /^\s*/.exec(reader.text.slice(reader.at))[0].length;
}

/** Skips spaces, then consumes `token` if it comes next; says whether it did. */
function eat(reader, token) {
  skipSpaces(reader);
  if (!reader.text.startsWith(token, reader.at)) return false;
  reader.at += token.length;
  return true;
}

/** Consumes `token` or throws, naming the column, so a malformed comment says where. */
function expect(reader, token) {
  if (!eat(reader, token)) throw new SyntaxError(`expected ${token} at column ${reader.at + 1}`);
}

/** Consumes an elision, written `…` in the README (or `...`). */
function eatElision(reader) {
  return eat(reader, '…') || eat(reader, '...');
}

/** Consumes a single- or double-quoted string, with backslash escapes, and returns its text. */
function parseString(reader) {
  const match = /^(['"])((?:\\.|(?!\1).)*)\1/.exec(reader.text.slice(reader.at));
  if (!match) throw new SyntaxError(`unterminated string at column ${reader.at + 1}`);
  reader.at += match[0].length;
  return match[2].replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c);
}

/** Consumes a number, true, false or null, or returns undefined when none comes next. */
function parseLiteral(reader) {
  const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(?![\w$])/.exec(reader.text.slice(reader.at));
  if (!match) return undefined;
  reader.at += match[0].length;
  return JSON.parse(match[0]);
}

/** Consumes one value and returns its pattern: `{kind: 'value' | 'array' | 'object', ...}`. */
function parseValue(reader) {
  skipSpaces(reader);
  const c = reader.text[reader.at];
  if (c === '[') return parseArray(reader);
  if (c === '{') return parseObject(reader);
  if (c === "'" || c === '"') return { kind: 'value', value: parseString(reader) };
  const value = parseLiteral(reader);
  if (value === undefined) throw new SyntaxError(`expected a value at column ${reader.at + 1}`);
  return { kind: 'value', value };
}

/** Consumes `[a, …, b]`: the patterns before the elision (`head`), after it (`tail`), and whether there is one. */
function parseArray(reader) {
  expect(reader, '[');
  const items = [];
  let elision = -1;
  if (!eat(reader, ']')) {
    do {
      if (!eatElision(reader)) items.push(parseValue(reader));
      else if (elision === -1) elision = items.length;
      else throw new SyntaxError(`a second … at column ${reader.at}: an array can elide only one run`);
    } while (eat(reader, ','));
    expect(reader, ']');
  }
  const cut = elision === -1 ? items.length : elision;
  return { kind: 'array', head: items.slice(0, cut), tail: items.slice(cut), elided: elision !== -1 };
}

/** Consumes `{a: 1, b, …}`: the keys with their patterns (a bare key's is `any`), and whether more keys may follow. */
function parseObject(reader) {
  expect(reader, '{');
  const keys = [];
  let open = false;
  if (!eat(reader, '}')) {
    do {
      if (eatElision(reader)) open = true;
      else keys.push([parseKey(reader), eat(reader, ':') ? parseValue(reader) : { kind: 'any' }]);
    } while (eat(reader, ','));
    expect(reader, '}');
  }
  return { kind: 'object', keys, open };
}

/** Consumes an object key: a name, or a quoted string. */
function parseKey(reader) {
  skipSpaces(reader);
  if (/['"]/.test(reader.text[reader.at])) return parseString(reader);
  const name = /^[A-Za-z_$][\w$]*/.exec(reader.text.slice(reader.at));
  if (!name) throw new SyntaxError(`expected a key at column ${reader.at + 1}`);
  reader.at += name[0].length;
  return name[0];
}

/** Whether a value begins at the reader (after spaces), so that values in a row can be read without a separator. */
function valueAhead(reader) {
  const rest = reader.text.slice(reader.at).trimStart();
  return /^(?:['"[{]|-?\d|(?:true|false|null)(?![\w$]))/.test(rest);
}

/**
 * Reads a comment: `{prose: true}` for a listed prose comment; else `{values}`, the
 * patterns of the values it states, with any listed prose before or after them;
 * else `{error}`, saying why it is neither.
 */
function classify(comment) {
  if (PROSE.includes(comment)) return { prose: true };
  const prefix = PROSE.find((words) => comment.startsWith(words)) ?? '';
  const reader = { text: comment.slice(prefix.length), at: 0 };
  try {
    const values = [parseValue(reader)];
    while (valueAhead(reader)) values.push(parseValue(reader));
    const rest = reader.text.slice(reader.at).trim();
    if (rest === '' || PROSE.includes(rest)) return { values };
    throw new SyntaxError(`unlisted words after the value: ${JSON.stringify(rest)}`);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { error: `the comment ${JSON.stringify(comment)} is neither a value (${error.message}) nor listed as prose in PROSE` };
  }
}

// ---------------------------------------------------------------------------
// Comparing values with patterns

/** A value, short enough for a failure message. */
function show(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Whether a pattern states one exact value: no bare key and no elision anywhere in it. */
function isExact(pattern) {
  switch (pattern.kind) {
    case 'value':
      return true;
    case 'array':
      return !pattern.elided && pattern.head.every(isExact);
    case 'object':
      return !pattern.open && pattern.keys.every(([, value]) => isExact(value));
    default:
      return false;
  }
}

/** How `actual` differs from `pattern`, as a message naming where (`where` is its path); null when it matches. */
function mismatch(pattern, actual, where) {
  switch (pattern.kind) {
    case 'any':
      return null;
    case 'value':
      return actual === pattern.value ? null : `${where} is ${show(actual)}, the comment says ${show(pattern.value)}`;
    case 'array':
      return arrayMismatch(pattern, actual, where);
    default:
      return objectMismatch(pattern, actual, where);
  }
}

/** How `values` differ from the patterns, pairwise: the first mismatch, or null. */
function firstMismatch(patterns, values, where) {
  for (const [i, pattern] of patterns.entries()) {
    const found = mismatch(pattern, values[i], where(i));
    if (found) return found;
  }
  return null;
}

/** An array pattern: one shape describes every element, else elements match position by position around the elision. */
function arrayMismatch({ head, tail, elided }, actual, where) {
  if (!Array.isArray(actual)) return `${where} is ${show(actual)}, the comment says an array`;
  if (!elided && head.length === 1 && !isExact(head[0])) {
    if (actual.length === 0) return `${where} is [], the comment shows an element`;
    return firstMismatch(Array(actual.length).fill(head[0]), actual, (i) => `${where}[${i}]`);
  }
  const shown = head.length + tail.length;
  if (elided ? actual.length < shown : actual.length !== shown) {
    return `${where} has ${actual.length} elements, the comment says ${elided ? 'at least ' : ''}${shown}`;
  }
  const offset = actual.length - tail.length;
  return (
    firstMismatch(head, actual, (i) => `${where}[${i}]`) ??
    firstMismatch(tail, actual.slice(offset), (i) => `${where}[${offset + i}]`)
  );
}

/** An object pattern: every key given is present and matches; without `…`, no other key is. */
function objectMismatch({ keys, open }, actual, where) {
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
    return `${where} is ${show(actual)}, the comment says an object`;
  }
  const missing = keys.map(([key]) => key).filter((key) => !Object.hasOwn(actual, key));
  if (missing.length > 0) return `${where} has no ${missing.join(', ')}`;
  const extra = Object.keys(actual).filter((key) => !keys.some(([given]) => given === key));
  if (!open && extra.length > 0) return `${where} also has ${extra.join(', ')}, which the comment does not list`;
  return firstMismatch(
    keys.map(([, pattern]) => pattern),
    keys.map(([key]) => actual[key]),
    (i) => `${where}.${keys[i][0]}`,
  );
}

// ---------------------------------------------------------------------------
// Running the example and checking it

/** The statement rewritten to pass its value through `__check`; null for anything but a one-line statement. */
function instrument(code, line) {
  if (!code.endsWith(';') || /^(?:return|throw|break|continue)\b/.test(code)) return null;
  const log = LOG.exec(code);
  if (log) return `console.log(...__check([${log[1]}], ${line}));`;
  const declaration = /^((?:const|let|var)\s[^=]+=)(.*);$/.exec(code);
  if (declaration) return `${declaration[1]} __check(${declaration[2].trim()}, ${line});`;
  return `__check(${code.slice(0, -1)}, ${line});`;
}

/** The example with each value-commented statement instrumented, padded so its line numbers are the README's. */
function instrumented({ start, lines }, claims) {
  const source = [...lines];
  for (const { line, code, comment } of claims) {
    const rewritten = code && classify(comment).values ? instrument(code, line) : null;
    if (rewritten) source[line - start] = rewritten;
  }
  assert.ok(source.some((text) => text.includes(PACKAGE)), `the example loads the package with ${PACKAGE}`);
  // It is written for a project with the package installed: require('corpus-lens')
  // is pointed at the local build here (tests/js/package.test.mjs installs the package).
  const local = `require(${JSON.stringify(path.join(ROOT, 'pkg-node'))})`;
  return '\n'.repeat(start - 1) + source.join('\n').replace(PACKAGE, local);
}

/** Runs the source in a child Node (it throws if the example does) and returns the checked values: README line → values. */
function run(source) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-readme-'));
  try {
    const [file, preload, out] = ['example.cjs', 'check.cjs', 'checked.json'].map((name) => path.join(dir, name));
    writeFileSync(file, source);
    writeFileSync(preload, PRELOAD);
    const env = { ...process.env, README_CHECKED: out };
    execFileSync(process.execPath, ['--require', preload, file], { encoding: 'utf8', env, stdio: 'pipe' });
    const recorded = new Map();
    for (const { line, json } of JSON.parse(readFileSync(out, 'utf8'))) {
      recorded.set(line, [...(recorded.get(line) ?? []), json === undefined ? undefined : JSON.parse(json)]);
    }
    return recorded;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every way the claims are not borne out by the recorded values, one message each, naming the README line. */
function check(claims, recorded) {
  return claims.flatMap((claim) => claimFailures(claim, recorded).map((message) => `README line ${claim.line}: ${message}`));
}

/** How one claim fails: its comment is not a value, its statement cannot be checked or never ran, or its values differ. */
function claimFailures({ line, code, comment }, recorded) {
  const { prose, values, error } = classify(comment);
  if (prose) return [];
  if (error) return [error];
  if (!code || !instrument(code, line)) return ["a value comment must describe a one-line statement ending in ';'"];
  if (!recorded.has(line)) return [`the statement never ran, so its comment ${JSON.stringify(comment)} went unchecked`];
  const log = LOG.test(code);
  return recorded.get(line).map((value) => valuesMismatch(values, log ? value : [value], log)).filter(Boolean);
}

/** How a statement's values (its console.log arguments, or its one value) differ from its comment's; null if they match. */
function valuesMismatch(patterns, actual, log) {
  if (actual.length !== patterns.length) {
    return `the comment gives ${patterns.length} values for ${log ? `${actual.length} console.log arguments` : 'one statement'}`;
  }
  return firstMismatch(patterns, actual, (i) => (log ? `console.log argument ${i + 1}` : 'value'));
}

// ---------------------------------------------------------------------------

describe('the README Node example', () => {
  const readme = example();
  const claims = claimsOf(readme.lines, readme.start);
  const valueClaims = claims.filter(({ comment }) => classify(comment).values);
  const prose = claims.filter(({ comment }) => classify(comment).prose);

  // The example runs once, when a test first needs its values; if it crashes, each
  // such test fails with the child's error (a failing hook would only cancel them).
  let outcome;
  const recorded = () => {
    if (!outcome) {
      try {
        outcome = { values: run(instrumented(readme, claims)) };
      } catch (error) {
        outcome = { error };
      }
    }
    if (outcome.error) throw outcome.error;
    return outcome.values;
  };

  test('runs and gives every value its comments state', (t) => {
    assert.deepEqual(check(claims, recorded()), []);
    t.diagnostic(`${valueClaims.length} value comments checked, ${prose.length} prose comments skipped`);
  });

  test('still has every prose comment listed in this test', () => {
    const unused = PROSE.filter((words) => !claims.some(({ comment }) => comment.includes(words)));
    assert.deepEqual(unused, [], 'remove these from PROSE');
  });

  // Negative control: the check can fail. Each value comment, with its first digit changed
  // or a letter put before its first key or string, is reported at its README line.
  test('reports a changed value comment, naming the README line', () => {
    const changes = [
      (comment) => comment.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)),
      (comment) => comment.replace(/([{'])(\s*)(?=[A-Za-z])/, '$1$2x'),
    ];
    for (const claim of valueClaims) {
      const changed = changes.map((change) => change(claim.comment)).filter((comment) => comment !== claim.comment);
      assert.notEqual(changed.length, 0, `no change to try on line ${claim.line}: ${claim.comment}`);
      for (const comment of changed) {
        const failures = check([{ ...claim, comment }], recorded());
        assert.equal(failures.length, 1, `changed on line ${claim.line}: ${comment}`);
        assert.match(failures[0], new RegExp(`^README line ${claim.line}: `));
      }
    }
  });

  // Negative control: a comment that is neither a value nor listed prose, and a statement that never ran, fail.
  test('reports an unlisted prose comment and a statement that never ran', () => {
    const [claim] = valueClaims;
    const unlisted = check([{ ...claim, comment: 'returns something else' }], recorded());
    assert.match(unlisted[0], new RegExp(`^README line ${claim.line}: the comment "returns something else" is neither`));
    const skipped = new Map([...recorded()].filter(([line]) => line !== claim.line));
    assert.match(check([claim], skipped)[0], /the statement never ran/);
  });
});

test('the comment syntax: values, bare keys, elisions, one-shape arrays', () => {
  const matches = (comment, value) => {
    const { values, error } = classify(comment);
    assert.equal(error, undefined);
    return firstMismatch(values, [value], () => 'value') === null;
  };
  const cases = [
    // [comment, value, whether it matches]
    ["{a: 1, b: 'x'}", { a: 1, b: 'x' }, true],
    ["{a: 1, b: 'x'}", { a: 1, b: 'y' }, false],
    ['{a, b}', { a: [], b: null }, true],
    ['{a, b}', { a: 1 }, false],
    ['{a, b}', { a: 1, b: 2, c: 3 }, false],
    ["{a: 'x', …}", { a: 'x', c: 3 }, true],
    ['[{a}]', [{ a: 1 }, { a: 2 }], true],
    ['[{a}]', [{ a: 1 }, { b: 2 }], false],
    ['[{a}]', [], false],
    ["['x']", ['x'], true],
    ["['x']", ['x', 'x'], false],
    ["['1999', …, '2005']", ['1999', '2000', '2005'], true],
    ["['1999', …, '2005']", ['1999', '2004'], false],
    ['[{a: 1}, …]', [{ a: 1 }, { a: 2 }], true],
    ['[{a: 1}, …]', [{ a: 2 }, { a: 1 }], false],
    ['[…]', [], true],
    ["'Mori’s'", 'Mori’s', true],
  ];
  for (const [comment, value, expected] of cases) {
    assert.equal(matches(comment, value), expected, `${comment} against ${JSON.stringify(value)}`);
  }
  assert.match(classify('the five seed articles, give or take').error, /neither a value/);
  assert.deepEqual(
    classify("'invalid-record' 'notes.jsonl' 2").values.map(({ value }) => value),
    ['invalid-record', 'notes.jsonl', 2],
  );
});
