// The pure parts of the exports: CSV and JSON of a table and safe file
// names (www/js/export/export-formats.js), and the PNG text chunk that carries an
// image's parameters (www/js/export/export-image.js). The DOM parts (SVG, PNG
// drawing, the controls in export.js) run in tests/e2e/export.test.mjs.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';

import { csvCell, exportFileName, sourceLine, tableToCsv, tableToJson } from '../../www/js/export/export-formats.js';
import { crc32, pngWithText } from '../../www/js/export/export-image.js';
import { PROGRAM } from '../../www/js/widgets/program.js';

/**
 * Records of a CSV text as RFC 4180 reads them (quotes doubled inside
 * quoted fields; CRLF or LF between records).
 */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      (record = []), (field = '');
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

/** The JSON that the CSV's first line records. */
function csvParameters(csv) {
  const first = csv.split('\r\n')[0];
  const match = /^# corpus-lens table; parameters: (\{.*\})$/.exec(first);
  assert.ok(match, first);
  return JSON.parse(match[1]);
}

describe('tableToCsv', () => {
  test('quotes commas, quotes and line breaks, and reads back cell for cell', () => {
    const columns = ['name', 'note', 'count'];
    const rows = [
      ['Putin, Vladimir', 'said "no"', 3],
      ['line\nbreak', 'carriage\r\nreturn', 0.25],
      ['Mori', '', null],
    ];
    const csv = tableToCsv(columns, rows, {});
    assert.ok(csv.includes('"Putin, Vladimir","said ""no""",3\r\n'), csv);
    const [, header, ...body] = parseCsv(csv);
    assert.deepEqual(header, columns);
    assert.deepEqual(body, [
      ['Putin, Vladimir', 'said "no"', '3'],
      ['line\nbreak', 'carriage\r\nreturn', '0.25'],
      ['Mori', '', ''],
    ]);
  });

  test('every record ends in CRLF, and no bare LF separates records', () => {
    const csv = tableToCsv(['a', 'b'], [[1, 2], [3, 4]], { unit: 'sentence' });
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(csv.split('\r\n').length, 5, 'comment, header, two rows, and the end');
    assert.doesNotMatch(csv, /[^\r]\n/);
  });

  test('cells a spreadsheet would run as formulas get a leading quote', () => {
    for (const [value, cell] of [
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-A1', "'-A1"],
      ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
      ['\tTAB', `"'\tTAB"`],
      ['\rCR', `"'\rCR"`],
      ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
      ['-', "'-"],
      ['--1', "'--1"],
      ['-1+1', "'-1+1"],
    ]) {
      assert.equal(csvCell(value), cell, JSON.stringify(value));
    }
  });

  test('negative and other plain numbers stay numbers, as numbers or as text', () => {
    for (const value of [-3.2, '-3.2', '-1', -1, 0, '1e-7', '-.5', 1234.5]) {
      assert.equal(csvCell(value), String(value), JSON.stringify(value));
    }
    assert.equal(csvCell(Number.NaN), '');
    assert.equal(csvCell(Number.POSITIVE_INFINITY), '');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell('a=b'), 'a=b', 'only a leading sign is a formula');
  });

  test('a "#" inside a cell is quoted, so that a comment="#" reader keeps it', () => {
    assert.equal(csvCell('Issue #5'), '"Issue #5"');
    assert.equal(csvCell('a;b'), '"a;b"');
  });

  test('the parameters are recorded on a leading # line that JSON.parse reads back', () => {
    const parameters = { query: 'putin AND "peace treaty"', unit: 'sentence', window: 5, types: ['person', 'place'], minCount: -1 };
    const csv = tableToCsv(['x'], [[1]], parameters);
    assert.ok(csv.startsWith('# corpus-lens table; parameters: {'));
    assert.deepEqual(csvParameters(csv), parameters);
    const { columns } = { columns: parseCsv(csv)[1] };
    assert.deepEqual(columns, ['x'], 'the header follows the comment line');
  });

  test('hostile parameters cannot make the comment line a formula when a spreadsheet splits it', () => {
    const parameters = { query: 'a,=HYPERLINK("http://evil","x");@SUM(1)', '-key': '+1', list: ['=cmd', '-2'] };
    const csv = tableToCsv(['x'], [], parameters);
    const first = csv.split('\r\n')[0];
    assert.deepEqual(csvParameters(csv), parameters);
    // Split as a lenient spreadsheet would: at every comma and semicolon,
    // with a field's surrounding quotes dropped.
    const fields = first.split(/[,;]/).map((f) => f.replace(/^"/, ''));
    for (const field of fields) assert.doesNotMatch(field, /^[=+\-@\t\r]/, `${field} in ${first}`);
    assert.doesNotMatch(first, /\r|\n/, 'one line');
  });

  test('columns may be {label} objects; without parameters an empty object is recorded', () => {
    const csv = tableToCsv([{ label: 'Period' }, { label: '=Putin', numeric: true }], [['2000', 4]]);
    assert.deepEqual(csvParameters(csv), {});
    assert.deepEqual(parseCsv(csv).slice(1), [['Period', "'=Putin"], ['2000', '4']]);
  });
});

describe('tableToJson', () => {
  test('is {parameters, columns, rows} with each row an object, pretty-printed', () => {
    const json = tableToJson(['Period', 'Vladimir Putin'], [['2000', 12], ['2001', -0.5]], { bucket: 'year' });
    assert.match(json, /^\{\n {2}"parameters": \{/);
    assert.deepEqual(JSON.parse(json), {
      parameters: { bucket: 'year' },
      columns: ['Period', 'Vladimir Putin'],
      rows: [
        { Period: '2000', 'Vladimir Putin': 12 },
        { Period: '2001', 'Vladimir Putin': -0.5 },
      ],
    });
  });

  test('repeated labels become unique keys, and missing cells null', () => {
    const parsed = JSON.parse(tableToJson(['', 'Mori', 'Mori', 'Mori (2)'], [['Putin', 1]], {}));
    assert.deepEqual(parsed.columns, ['', 'Mori', 'Mori (2)', 'Mori (2) (2)']);
    assert.deepEqual(parsed.rows, [{ '': 'Putin', Mori: 1, 'Mori (2)': null, 'Mori (2) (2)': null }]);
  });

  test('corpus text is kept verbatim, not defused or escaped as HTML', () => {
    const label = '<img src=x onerror=alert(1)>';
    const parsed = JSON.parse(tableToJson([label], [['=1+1']], {}));
    assert.deepEqual(parsed.rows, [{ [label]: '=1+1' }]);
  });
});

// A 1×1 transparent PNG: signature, IHDR, one IDAT, IEND.
const ONE_PIXEL = Uint8Array.from(Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
));

/** The chunks of a PNG, `[{type, data, crc}]`; checks the signature. */
function pngChunks(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = Buffer.from(bytes.subarray(at + 4, at + 8)).toString('latin1');
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length), crc: view.getUint32(at + 8 + length), typeAndData: bytes.subarray(at + 4, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

describe('pngWithText', () => {
  test('our CRC-32 agrees with zlib, and with the fixture chunks', () => {
    for (const text of ['', 'IEND', 'corpus-lens', '123456789']) {
      assert.equal(crc32(Buffer.from(text)), zlib.crc32(Buffer.from(text)), text);
    }
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926, 'the standard check value');
    for (const chunk of pngChunks(ONE_PIXEL)) assert.equal(crc32(chunk.typeAndData), chunk.crc, chunk.type);
  });

  test('inserts a tEXt chunk after IHDR with a correct CRC; the image is unchanged', () => {
    const text = JSON.stringify({ measure: 'pmi', unit: 'sentence', size: 15 });
    const out = pngWithText(ONE_PIXEL, 'parameters', text);
    const chunks = pngChunks(out);
    assert.deepEqual(chunks.map((c) => c.type), ['IHDR', 'tEXt', 'IDAT', 'IEND']);
    for (const chunk of chunks) assert.equal(zlib.crc32(chunk.typeAndData), chunk.crc, `CRC of ${chunk.type}`);
    const data = Buffer.from(chunks[1].data).toString('latin1');
    assert.equal(data, `parameters\0${text}`);
    const original = pngChunks(ONE_PIXEL);
    assert.deepEqual([...chunks[2].data], [...original[1].data], 'IDAT as it was');
    assert.equal(zlib.inflateSync(chunks[2].data).length, 5, 'the pixel still inflates (filter byte + RGBA)');
    assert.equal(out.length, ONE_PIXEL.length + 12 + data.length);
  });

  test('text beyond Latin-1 goes in an iTXt chunk as UTF-8', () => {
    const text = JSON.stringify({ query: 'Путин “peace” – 日本' });
    const chunks = pngChunks(pngWithText(ONE_PIXEL, 'parameters', text));
    assert.equal(chunks[1].type, 'iTXt');
    for (const chunk of chunks) assert.equal(zlib.crc32(chunk.typeAndData), chunk.crc, `CRC of ${chunk.type}`);
    const data = Buffer.from(chunks[1].data);
    const prefix = Buffer.from('parameters\0\0\0\0\0', 'latin1');
    assert.deepEqual(data.subarray(0, prefix.length), prefix, 'keyword, no compression, no language');
    assert.equal(data.subarray(prefix.length).toString('utf8'), text);
  });

  test('Latin-1 text beyond ASCII stays one byte a character in tEXt', () => {
    const chunks = pngChunks(pngWithText(ONE_PIXEL, 'Comment', 'café'));
    assert.equal(chunks[1].type, 'tEXt');
    assert.deepEqual([...chunks[1].data.subarray(8)], [0x63, 0x61, 0x66, 0xe9]);
  });

  test('refuses what is not a PNG, bad keywords and NUL in the text', () => {
    assert.throws(() => pngWithText(Buffer.from('GIF89a this is not a png at all....'), 'k', 't'), /not a PNG/);
    for (const keyword of ['', ' lead', 'trail ', 'two  spaces', 'x'.repeat(80), 'ключ', 'tab\there']) {
      assert.throws(() => pngWithText(ONE_PIXEL, keyword, 't'), /PNG keyword/, JSON.stringify(keyword));
    }
    assert.throws(() => pngWithText(ONE_PIXEL, 'k', 'a\0b'), /NUL/);
  });
});

describe('exportFileName', () => {
  test('is readable: the name, then the short parameters, then the extension', () => {
    assert.equal(exportFileName('heatmap', { measure: 'pmi', unit: 'sentence', size: 15 }, 'png'), 'heatmap_measure-pmi_unit-sentence_size-15.png');
    assert.equal(exportFileName('timeline', { entities: ['person:putin', 'place:japan'] }, 'CSV'), 'timeline_entities-person-putin-place-japan.csv');
  });

  test('holds no path, shell or control characters, and no leading dot', () => {
    const hostile = { query: '../../etc/passwd', note: 'a\\b:c*?"<>|\n\t\0', empty: '', nothing: null, nested: { a: 1 } };
    const name = exportFileName('../.hidden/<img src=x onerror=alert(1)>', hostile, '.s/v\\g');
    assert.doesNotMatch(name, /[/\\:*?"<>|\0-\x1f]/, name);
    assert.doesNotMatch(name, /^\./, name);
    assert.doesNotMatch(name, /\.\./, name);
    assert.match(name, /\.svg$/);
    assert.equal(exportFileName('', {}, 'json'), 'corpus-lens.json');
  });

  test('keeps letters of any script, and stays short however many parameters', () => {
    assert.equal(exportFileName('сеть', { query: 'Путин' }, 'gexf'), 'сеть_query-Путин.gexf');
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`key${i}`, 'value'.repeat(20)]));
    const name = exportFileName('network', many, 'graphml');
    assert.ok(name.length <= 130, `${name.length}: ${name}`);
    assert.ok(name.startsWith('network_key0-'), name);
  });
});

test('a chart\'s source line names the corpus and its hash, the view and its settings, when and by what', () => {
  const parameters = {
    corpus: 'sotu.jsonl', fingerprint: `sha256:${'ab'.repeat(32)}`, view: 'timeline', figure: 'timeline',
    bucket: 'field:party', q: '', count: 'relative', types: ['person', 'place'], exported: '2026-12-07T22:40:12.345Z', program: PROGRAM,
  };
  assert.equal(sourceLine(parameters),
    'Source: sotu.jsonl (sha256:abababababab…), timeline view; bucket=field:party, count=relative, types=person,place; exported 2026-12-07 22:40 UTC by corpus-lens 0.1.0');
  assert.equal(sourceLine({ view: 'network' }), 'Source: a corpus, network view; exported');
});

test('the version exports record is package.json\'s', async () => {
  const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(PROGRAM, `corpus-lens ${version}`);
});
