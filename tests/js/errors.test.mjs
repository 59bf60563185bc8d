// Bad input: by default the first bad record throws an Error naming the file
// and line; with {skipInvalid: true} bad records become warnings instead.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Corpus, errorMessage, fixture, withCorpus } from './helpers.mjs';

/** The message of the error that loading one file throws. */
function loadError(name, content, options) {
  return errorMessage(() => Corpus.load([{ name, content }], options));
}

const lines = (...rows) => `${rows.join('\n')}\n`;

describe('Corpus.load rejects bad input, naming the file and line', () => {
  test('invalid JSON in JSON Lines', () => {
    const message = loadError('sotu.jsonl', lines('{"text": "a"}', '{"text": "b"}', '{"text": oops}'));
    assert.match(message, /sotu\.jsonl line 3, column \d+/);
  });

  test('invalid JSON in a JSON file', () => {
    const message = loadError('broken.json', lines('[', '  {"text": "a"},', '  {"text": }', ']'));
    assert.match(message, /broken\.json line 3\b/);
  });

  test('a JSON Lines record without text', () => {
    const message = loadError('notext.jsonl', lines('{"id": "1", "text": "a"}', '{"id": "2", "title": "no text"}'));
    assert.match(message, /notext\.jsonl line 2\b/);
    assert.match(message, /text/);
  });

  test('a JSON array record without text, at the line where it starts', () => {
    const message = loadError('notext.json', lines('[', '  {"id": "1", "text": "a"},', '  {', '    "id": "2"', '  }', ']'));
    assert.match(message, /notext\.json line 3\b/);
  });

  test('a CSV record with an empty text cell', () => {
    const message = loadError('empty-cell.csv', lines('id,text', '1,fine', '2,'));
    assert.match(message, /empty-cell\.csv line 3\b/);
  });

  test('CSV without a text column', () => {
    const message = loadError('notext.csv', lines('id,title', '1,A title'));
    assert.match(message, /notext\.csv line 1\b/);
    assert.match(message, /text/);
  });

  test('a duplicate id, naming the id', () => {
    const message = loadError('dup.jsonl', lines('{"id": "x", "text": "a"}', '{"id": "x", "text": "b"}'));
    assert.match(message, /dup\.jsonl line 2\b/);
    assert.match(message, /"x"|'x'|\bx\b/);
  });

  test('a duplicate id across two files names the second', () => {
    const message = errorMessage(() => Corpus.load([fixture('records.jsonl'), fixture('array.json')]));
    assert.match(message, /array\.json line \d+/);
    assert.match(message, /a1/);
  });

  test('an empty file: an empty corpus', () => {
    assert.match(loadError('empty.jsonl', ''), /empty\.jsonl/);
  });

  test('no files at all: an empty corpus', () => {
    assert.match(errorMessage(() => Corpus.load([])), /\S/);
    assert.match(errorMessage(() => Corpus.fromDocuments([])), /\S/);
  });

  test('an extension it cannot read', () => {
    assert.match(loadError('report.pdf', 'text'), /report\.pdf/);
  });

  test('an unknown option, naming it', () => {
    const files = [fixture('records.jsonl')];
    // Misspelt on purpose: the declarations refuse them too.
    // @ts-expect-error
    assert.match(errorMessage(() => Corpus.load(files, { skipInvalid: true, skipBroken: true })), /skipBroken/);
    // @ts-expect-error
    assert.match(errorMessage(() => Corpus.fromDocuments([{ text: 'a' }], { strict: true })), /strict/);
  });

  test('a fromDocuments record without text', () => {
    assert.match(errorMessage(() => Corpus.fromDocuments([{ text: 'a' }, { title: 'b' }])), /text/);
  });

  test('document(id) with an unknown id, naming it', () => {
    withCorpus(() => Corpus.load([fixture('records.jsonl')]), (corpus) => {
      assert.match(errorMessage(() => corpus.document('no-such-id')), /no-such-id/);
    });
  });
});

describe('Corpus.load with {skipInvalid: true}', () => {
  const mixed = lines(
    '{"id": "g1", "text": "Good one."}',
    '{"id": "b1", "title": "no text"}',
    '{"id": "g2", "text": "Good two."}',
    '{"id": oops}',
    '{"id": "g1", "text": "Same id again."}',
  );

  test('keeps the good records and lists the bad ones as warnings', () => {
    withCorpus(() => Corpus.load([{ name: 'mixed.jsonl', content: mixed }], { skipInvalid: true }), (corpus) => {
      assert.deepEqual(corpus.documents().map((d) => d.id), ['g1', 'g2']);
      const warnings = corpus.warnings();
      assert.deepEqual(warnings.map(({ file, line }) => ({ file, line })), [
        { file: 'mixed.jsonl', line: 2 },
        { file: 'mixed.jsonl', line: 4 },
        { file: 'mixed.jsonl', line: 5 },
      ]);
      for (const warning of warnings) assert.match(warning.message, /\S/);
    });
  });

  test('counts CSV lines from the start of each record, quoted line breaks included', () => {
    const content = lines('id,title,text', 'c1,Good,"Line one', 'line two"', 'c2,Empty,', 'c3,Fine,Some text.');
    withCorpus(() => Corpus.load([{ name: 'mixed.csv', content }], { skipInvalid: true }), (corpus) => {
      assert.deepEqual(corpus.documents().map((d) => d.id), ['c1', 'c3']);
      assert.deepEqual(corpus.warnings().map(({ file, line }) => ({ file, line })), [{ file: 'mixed.csv', line: 4 }]);
    });
  });

  test('still throws when nothing good is left', () => {
    assert.match(loadError('allbad.jsonl', lines('{"title": "no text"}'), { skipInvalid: true }), /\S/);
  });

  test('without the option the same input throws at the first bad record', () => {
    assert.match(loadError('mixed.jsonl', mixed), /mixed\.jsonl line 2\b/);
  });
});

describe('a freed corpus', () => {
  test('every method says the corpus was freed, and a second free() does nothing', () => {
    const corpus = Corpus.fromDocuments([{ id: 'a', text: 'Putin met Mori in Tokyo.' }]);
    corpus.free();
    corpus.free();
    corpus[Symbol.dispose]();
    for (const call of [() => corpus.search('putin'), () => corpus.stats(), () => corpus.entities(), () => corpus.documents()]) {
      assert.match(errorMessage(call), /^Corpus\.\w+: this corpus was freed \(free\(\) was called on it\)/);
    }
  });
});
