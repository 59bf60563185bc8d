// The learned entity tagger's model as the Node package gives it: loaded
// when the package is required, refused when the bytes are not a model, and
// adding names the rules alone miss.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

import { ROOT } from './helpers.mjs';

const { entityModelLoaded, extractEntities, loadEntityModel, unloadEntityModel } = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node'));
const MODEL = readFileSync(path.join(ROOT, 'pkg-node/entities.crfsuite'));

// A name no gazetteer or rule types: a surname alone, with no title before
// it and no full name earlier in the text. The tagger reads the context.
const TEXT = 'Pending an investigation, Hauser was put under arrest by the coroner.';
const names = () => extractEntities(TEXT, {}).map((e) => `${e.text}/${e.type}`);

test('the package loads the model when required', () => {
  assert.equal(entityModelLoaded(), true);
});

test('the tagger adds a name the rules alone miss, and unloading leaves the rules', () => {
  assert.deepEqual(names(), ['Hauser/person']);
  unloadEntityModel();
  try {
    assert.equal(entityModelLoaded(), false);
    assert.deepEqual(names(), []);
  } finally {
    loadEntityModel(MODEL);
  }
  assert.deepEqual(names(), ['Hauser/person']);
});

test('bytes that are not a model are refused, and the model in force stays', () => {
  for (const bytes of [new Uint8Array(), new TextEncoder().encode('<!doctype html><title>Not found</title>'), MODEL.subarray(0, 100)]) {
    assert.throws(() => loadEntityModel(bytes), /the entity model is not usable: /);
  }
  assert.equal(entityModelLoaded(), true);
  assert.deepEqual(names(), ['Hauser/person']);
});
