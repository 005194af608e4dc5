// Oversized input (issue 8, item 2): a 5 MB definition and one with 10,000 options, supplied
// by a host page to the widget and typed (pasted) into the playground. Each gets a clear
// message that names the limit, quickly, and the tab stays responsive: the rest of the page
// (another widget, the playground's other parts) keeps working.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { newPage } from './lib/browser.mjs';
import { onPage, useSite } from './lib/site.mjs';

const TEMPLATE_JSON = fileURLToPath(new URL('../../embed/demo/zwembad.json', import.meta.url));
const TEMPLATE_TOML = fileURLToPath(new URL('../../engine/templates/definition.toml', import.meta.url));
const EDITOR = '#definition-editor';
const PREVIEW = '[data-testid="preview"]';

const site = useSite();

/** The template as JSON with a 5 MB `notes` text: over the 1 MB limit. */
async function hugeJson() {
  const definition = JSON.parse(await readFile(TEMPLATE_JSON, 'utf8'));
  definition.notes = 'x'.repeat(5_000_000);
  return JSON.stringify(definition);
}

/** The template as JSON with 10,000 small options: under 1 MB, over the 200-option limit. */
async function manyOptionsJson() {
  const definition = JSON.parse(await readFile(TEMPLATE_JSON, 'utf8'));
  definition.options = {};
  for (let i = 0; i < 10_000; i++) {
    definition.options[`o${i}`] = { label: { nl: `K${i}`, en: `K${i}` }, values: { cost: '1', flexibility: '1' } };
  }
  const text = JSON.stringify(definition);
  assert.ok(text.length < 1_000_000, `${text.length} bytes: must stay under the size limit`);
  return text;
}

/** The TOML template with 10,000 extra options after its own three. */
async function manyOptionsToml() {
  const template = await readFile(TEMPLATE_TOML, 'utf8');
  const extra = [];
  for (let i = 0; i < 10_000; i++) {
    extra.push(`[options.o${i}]\nlabel = { nl = "K${i}", en = "K${i}" }\nvalues = { cost = "1", flexibility = 1 }\n`);
  }
  const text = `${template}\n${extra.join('\n')}`;
  assert.ok(text.length < 1_000_000, `${text.length} bytes: must stay under the size limit`);
  return text;
}

/**
 * Pastes `text` into the editor as the browser does: the value changes, then one `input` event
 * (Playwright's `fill` types huge texts far slower than a real paste).
 */
async function paste(page, text) {
  await page.locator(EDITOR).evaluate((el, text) => {
    el.focus();
    el.value = text;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

describe('limits', () => {
  test('a host page supplies a 5 MB definition and one with 10,000 options: each widget names the limit; the built-in widget beside them works', async () => {
    const { context, page, errors } = await newPage(site.browser);
    try {
      const huge = await hugeJson();
      const many = await manyOptionsJson();
      const host = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Te groot</title>
        <script type="module" src="../advies-module.js"></script></head><body><main><h1>Te groot</h1>
        <advies-module id="huge" advisor="groot.json"></advies-module>
        <advies-module id="many" advisor="veel.json"></advies-module>
        <advies-module id="ret" advisor="ret"></advies-module></main></body></html>`;
      await page.route('**/embed/demo/te-groot.html', (route) => route.fulfill({ contentType: 'text/html', body: host }));
      await page.route('**/embed/demo/groot.json', (route) => route.fulfill({ contentType: 'application/json', body: huge }));
      await page.route('**/embed/demo/veel.json', (route) => route.fulfill({ contentType: 'application/json', body: many }));
      await page.goto(`${site.server.url}embed/demo/te-groot.html`);

      const alert = async (id) => {
        const el = page.locator(`#${id} [role="alert"]`).first();
        await el.waitFor({ timeout: 20_000 });
        return page.locator(`#${id}`).evaluate((w) => w.shadowRoot.textContent);
      };
      const hugeSaid = await alert('huge');
      assert.match(hugeSaid, /the definition is 5\d{3} KB; the limit is 1000 KB/, hugeSaid.slice(0, 500));
      assert.match(hugeSaid, /groot\.json/, 'the message names the file');
      const manySaid = await alert('many');
      assert.match(manySaid, /options\.o200: 10000 options; the limit is 200/, manySaid.slice(0, 500));
      assert.match(manySaid, /veel\.json:1:\d+/, 'the message gives the place of the first option too many');

      // The tab is not frozen: the other widget answers a change as usual.
      const best = page.locator('#ret [data-testid="best-option"]');
      await best.waitFor({ timeout: 20_000 });
      const before = await best.textContent();
      await page.locator('#ret #input-trips_per_week-number').fill('40');
      await page.waitForFunction((b) => document.getElementById('ret').shadowRoot.querySelector('[data-testid="best-option"]').textContent !== b, before);
      // No option of either definition was drawn.
      assert.equal(await page.locator('#huge [data-testid="option-row"], #many [data-testid="option-row"]').count(), 0);
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('pasting a 5 MB definition or 10,000 options into the playground: the limit is named, the last good preview stays, the editor keeps up', async () => {
    await onPage(site, 'playground/', async (page) => {
      await page.locator(`${PREVIEW} [data-testid="best-option"]`).waitFor({ timeout: 20_000 });
      const template = await page.locator(EDITOR).inputValue();
      const firstError = () => page.locator('[data-testid="playground-error"]').first().textContent({ timeout: 20_000 });

      await paste(page, `${template}\n# ${'x'.repeat(5_000_000)}\n`);
      await page.waitForFunction(() => /the limit is 1000 KB/.test(document.querySelector('[data-testid="playground-error"]')?.textContent ?? ''), null, { timeout: 20_000 });
      assert.match(await firstError(), /^definition\.toml:1:1: the definition is 50\d\d KB; the limit is 1000 KB/);
      // The preview keeps the last good advisor (three options), marked as out of date.
      assert.equal(await page.locator(`${PREVIEW} [data-testid="option-row"]`).count(), 3);
      await page.locator('[data-testid="preview-stale"]').waitFor();

      await paste(page, await manyOptionsToml());
      await page.waitForFunction(() => /10003 options; the limit is 200/.test(document.querySelector('[data-testid="playground-error"]')?.textContent ?? ''), null, { timeout: 20_000 });
      assert.match(await firstError(), /^definition\.toml:\d+:\d+: options\.o197: 10003 options; the limit is 200/);
      assert.equal(await page.locator(`${PREVIEW} [data-testid="option-row"]`).count(), 3, 'the last good preview, not 10,000 rows');
      // The line numbers follow the text (about 40,000 lines).
      const lines = (await page.locator('.adv-playground__gutter').first().textContent()).split('\n').length;
      assert.ok(lines > 40_000, `${lines} line numbers`);

      // The editor keeps up: typing still works, and the template back makes the preview current.
      await page.locator(EDITOR).press('End');
      await page.keyboard.type('#');
      assert.ok((await page.locator(EDITOR).inputValue()).endsWith('#'));
      await paste(page, template);
      await page.locator('[data-testid="playground-ok"]').waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('[data-testid="preview-stale"]').count(), 0);
    });
  });
});
