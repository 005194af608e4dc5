// publiccode.yml (the Standard for Public Code's metadata, in the repository's root) is valid
// against the standard's JSON Schema, and keeps to the rules the schema cannot express: every
// feature at most 100 characters, the screenshots in the repository, the licence the one in
// LICENSE. What the publishing organisation still has to fill in is named, not failed.
//
// The schema is SchemaStore's publiccode.json (github.com/SchemaStore/schemastore,
// src/schemas/json/publiccode.json, last changed 2025-10-22, Apache-2.0), copied into
// schemas/publiccode.schema.json. No browser is needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const publiccode = parse(await readFile(`${ROOT}publiccode.yml`, 'utf8'));
const schema = JSON.parse(await readFile(new URL('./schemas/publiccode.schema.json', import.meta.url), 'utf8'));

test('publiccode.yml is valid against the Standard for Public Code schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(publiccode);
  assert.ok(valid, ajv.errorsText(validate.errors, { separator: '\n' }));
});

test('publiccode.yml keeps the rules the schema does not check', async (t) => {
  for (const [language, text] of Object.entries(publiccode.description)) {
    for (const feature of text.features) {
      assert.ok(feature.length <= 100, `${language}: feature over 100 characters: ${feature}`);
    }
    const long = text.longDescription.length;
    assert.ok(long >= 500 && long <= 10000, `${language}: longDescription has ${long} characters (500 to 10,000)`);
    for (const screenshot of text.screenshots) await access(`${ROOT}${screenshot}`);
  }
  const licence = await readFile(`${ROOT}LICENSE`, 'utf8');
  assert.equal(publiccode.legal.license, 'EUPL-1.2');
  assert.match(licence, /EUPL/);
  assert.deepEqual(publiccode.localisation.availableLanguages, ['nl', 'en']);
  // Still to be filled in by the organisation that publishes the repository.
  if (new URL(publiccode.url).hostname.endsWith('.invalid')) t.diagnostic('still to fill in: url (the public repository address)');
  if (!publiccode.maintenance.contacts) t.diagnostic('still to fill in: maintenance.contacts (the people who maintain it)');
});
