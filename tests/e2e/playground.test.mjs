// End-to-end tests of the designer playground (dist/playground/): errors with line and column
// as you type while the preview keeps the last good version, a click on an error puts the
// cursor there, the preview follows a fix, test cases run with their differences, a copy of a
// built-in advisor, download, a prototype link opened in a fresh context (with the prototype
// banner), Tab and Esc in the editor, axe-core.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { checkAccessibility } from './lib/axe.mjs';
import { newPage } from './lib/browser.mjs';
import { onPage, useSite } from './lib/site.mjs';

const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const EDITOR = '#definition-editor';
const PREVIEW_TITLE = '[data-testid="preview"] #advisor-title';
const PREVIEW_BEST = '[data-testid="preview"] [data-testid="best-option"]';
const ERROR = '[data-testid="playground-error"]';

const site = useSite();

async function ready(page) {
  await page.locator(PREVIEW_BEST).waitFor({ timeout: 20_000 });
}

describe('playground', () => {

  test('an error shows its line and column, the preview stays; a click goes there; a fix updates the preview', async () => {
    await onPage(site, 'playground/', async (page) => {
      await ready(page);
      const title = await page.locator(PREVIEW_TITLE).textContent();
      const best = await page.locator(PREVIEW_BEST).textContent();
      const text = await page.locator(EDITOR).inputValue();
      // Make the first question's max smaller than its min.
      const lines = text.split('\n');
      const line = lines.findIndex((l) => /^max = /.test(l));
      assert.ok(line > 0);
      lines[line] = 'max = -5';
      await page.locator(EDITOR).fill(lines.join('\n'));
      // The engine reports it at the question's min, the line before.
      const minLine = line - 1;
      assert.match(lines[minLine], /^min = /);
      const error = page.locator(ERROR).first();
      await error.waitFor();
      const message = await error.textContent();
      assert.match(message, new RegExp(`^definition\\.toml:${minLine + 1}:7: inputs\\.\\w+\\.min: min \\(0\\) is greater than max \\(-5\\)`), message);
      assert.equal(await error.getAttribute('data-line'), String(minLine + 1));
      // The last good preview stays, and says so.
      assert.equal(await page.locator(PREVIEW_TITLE).textContent(), title);
      assert.equal(await page.locator(PREVIEW_BEST).textContent(), best);
      await page.locator('[data-testid="preview-stale"]').waitFor();
      // A click on the error: the cursor is on that line, at that column.
      await error.click();
      await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), EDITOR);
      const caret = await page.evaluate((sel) => {
        const area = document.querySelector(sel);
        const before = area.value.slice(0, area.selectionStart).split('\n');
        return { focused: document.activeElement === area, line: before.length, column: before.at(-1).length + 1 };
      }, EDITOR);
      assert.deepEqual(caret, { focused: true, line: minLine + 1, column: 7 });
      // Fix it, and change the title: the preview follows.
      lines[line] = 'max = 30';
      const fixed = lines.join('\n').replace(/^title = \{ nl = "[^"]*"/m, 'title = { nl = "Mijn eigen keuzehulp"');
      await page.locator(EDITOR).fill(fixed);
      await page.locator('[data-testid="playground-ok"]').waitFor();
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Mijn eigen keuzehulp', PREVIEW_TITLE);
      assert.equal(await page.locator('[data-testid="preview-stale"]').count(), 0);
      assert.equal(await page.locator(ERROR).count(), 0);
    });
  });

  test('test cases run with pass or fail and the difference', async () => {
    await onPage(site, 'playground/', async (page) => {
      await ready(page);
      await page.locator('#run-cases').click();
      const summary = page.locator('[data-testid="cases-summary"]');
      await summary.waitFor();
      const all = await page.locator('[data-testid="case-result"]').count();
      assert.ok(all >= 12, `${all} cases`);
      assert.equal(await summary.textContent(), `${all} van de ${all} testgevallen gaan goed.`);
      // Break one expectation in cases.toml: that case fails and shows what came out.
      await page.locator('#tab-cases').click();
      const cases = await page.locator('#cases-editor').inputValue();
      const broken = cases.replace('expect.advice = "single_tickets"', 'expect.advice = "month_pass"');
      assert.notEqual(broken, cases);
      await page.locator('#cases-editor').fill(broken);
      await page.locator('#run-cases').click();
      await page.waitForFunction(
        ([sel, was]) => document.querySelector(sel)?.textContent !== was,
        ['[data-testid="cases-summary"]', `${all} van de ${all} testgevallen gaan goed.`],
      );
      assert.equal(await summary.textContent(), `${all - 1} van de ${all} testgevallen gaan goed.`);
      const failed = page.locator('[data-testid="case-result"][data-passed="false"]');
      assert.equal(await failed.count(), 1);
      assert.match(await failed.textContent(), /month_pass/);
      assert.match(await failed.textContent(), /single_tickets/, 'the difference: what came out');
      // A case that names an option that does not exist: an error in the cases file, with its place.
      await page.locator('#cases-editor').fill(cases.replace('expect.advice = "single_tickets"', 'expect.advice = "nergens"'));
      await page.locator('#run-cases').click();
      const caseError = page.locator('[data-testid="cases-error"]').first();
      await caseError.waitFor();
      assert.match(await caseError.textContent(), /^cases\.toml:\d+:\d+: /);
    });
  });

  test('start from a copy of a built-in advisor; download the file', async () => {
    await onPage(site, 'playground/', async (page) => {
      await ready(page);
      await page.locator('#start-from').selectOption('ns');
      await page.locator('#start-load').click();
      await page.waitForFunction((sel) => /NS/.test(document.querySelector(sel)?.textContent ?? ''), PREVIEW_TITLE);
      const text = await page.locator(EDITOR).inputValue();
      assert.match(text, /^id = "ns"$/m);
      // What was in the editor can be put back.
      await page.locator('#put-back').click();
      await page.waitForFunction((sel) => /zwem/.test(document.querySelector(sel)?.textContent ?? ''), PREVIEW_TITLE);
      assert.match(await page.locator(EDITOR).inputValue(), /^id = "voorbeeld"$/m);
      await page.locator('#start-load').click();
      await page.waitForFunction((sel) => /NS/.test(document.querySelector(sel)?.textContent ?? ''), PREVIEW_TITLE);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-definition').click()]);
      assert.equal(download.suggestedFilename(), 'ns-definition.toml');
      const saved = await readFile(await download.path(), 'utf8');
      assert.equal(saved, text);
    });
  });

  test('a prototype link opens the same advisor in a fresh context, with the prototype banner', async () => {
    let link;
    let title;
    await onPage(site, 'playground/', async (page) => {
      await ready(page);
      const text = await page.locator(EDITOR).inputValue();
      await page.locator(EDITOR).fill(text.replace(/^title = \{ nl = "[^"]*"/m, 'title = { nl = "Prototype voor de test"'));
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Prototype voor de test', PREVIEW_TITLE);
      title = 'Prototype voor de test';
      await page.locator('#make-link').click();
      link = await page.locator('#proto-link').inputValue();
      assert.match(link, /\/playground\/#proto=[A-Za-z0-9+\-$]+$/);
      assert.ok(link.length < text.length, `compressed: ${link.length} < ${text.length}`);
    });
    await onPage(site, link.slice(site.server.url.length), async (page) => {
      await page.locator('[data-testid="best-option"]').waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('#advisor-title').textContent(), title);
      assert.match(await page.locator('[data-testid="prototype-banner"]').textContent(), /Prototype: niet gecontroleerd door de organisatie/);
      assert.equal(await page.locator(EDITOR).count(), 0, 'a participant sees no editor');
      const { summary } = await checkAccessibility(page);
      assert.equal(summary, '', `axe-core on the participant view:\n${summary}`);
      await mkdir(OUTPUT_DIR, { recursive: true });
      await page.screenshot({ path: `${OUTPUT_DIR}playground-participant.png`, fullPage: true });
      // The designer opens the same definition in the editor.
      await page.locator('#open-editor').click();
      await page.locator(EDITOR).waitFor({ timeout: 20_000 });
      assert.match(await page.locator(EDITOR).inputValue(), /title = \{ nl = "Prototype voor de test"/);
    });
    // A damaged link says so and shows the template, never a blank page.
    await onPage(site, 'playground/#proto=kapot!!', async (page) => {
      await page.locator('[data-testid="playground-notice"]').waitFor({ timeout: 20_000 });
      assert.match(await page.locator('[data-testid="playground-notice"]').textContent(), /niet compleet of is veranderd/);
      await ready(page);
    });
  });

  test('user test: a participant answers the reflection questions; the designer downloads them as CSV', async () => {
    const { context, page, errors } = await newPage(site.browser);
    try {
      await page.goto(`${site.server.url}playground/`);
      await ready(page);
      await page.locator('#make-link').click();
      const link = await page.locator('#proto-link').inputValue();
      // The participant, in the same browser (the test lab's device).
      const participant = await context.newPage();
      await participant.goto(link);
      await participant.locator('[data-testid="reflection"]').waitFor({ timeout: 20_000 });
      assert.equal(await participant.locator('[data-testid="reflection-question"]').count(), 2);
      await participant.locator('#reflection-sure-4').check();
      await participant.locator('#reflection-call').fill('Nee, het advies "klopt", denk ik.');
      await participant.locator('#reflection-save').click();
      assert.match(await participant.locator('[data-testid="reflection-status"]').textContent(), /Dank je wel/);
      const advice = await participant.locator('[data-testid="best-option"]').textContent();
      await participant.close();
      // The designer downloads the answers.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-answers').click()]);
      assert.equal(download.suggestedFilename(), 'voorbeeld-antwoorden.csv');
      const csv = await readFile(await download.path(), 'utf8');
      const [header, row, end] = csv.split('\r\n');
      assert.equal(header, 'moment,version,advies,sure,call');
      assert.match(row, /^\d{4}-\d\d-\d\dT[\d:.]+Z,2026\.1,\w+,4,"Nee, het advies ""klopt"", denk ik\."$/);
      assert.equal(end, '');
      assert.ok(advice.trim().length > 0);
      assert.match(await page.locator('[data-testid="answers-status"]').textContent(), /1 rij met antwoorden/);
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('Tab puts two spaces in the editor; Esc then Tab moves on; axe-core clean; screenshots', async () => {
    for (const width of [1280, 360]) {
      await onPage(site, 
        'playground/',
        async (page) => {
          await ready(page);
          await page.locator(EDITOR).focus();
          await page.evaluate((sel) => document.querySelector(sel).setSelectionRange(0, 0), EDITOR);
          const before = await page.locator(EDITOR).inputValue();
          await page.keyboard.press('Tab');
          assert.equal(await page.locator(EDITOR).inputValue(), `  ${before}`);
          assert.equal(await page.evaluate(() => document.activeElement.id), 'definition-editor');
          await page.keyboard.press('Escape');
          await page.keyboard.press('Tab');
          assert.notEqual(await page.evaluate(() => document.activeElement.id), 'definition-editor', 'no keyboard trap');
          const { summary } = await checkAccessibility(page);
          assert.equal(summary, '', `axe-core at ${width} px:\n${summary}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `no horizontal scroll at ${width} px (${scroll})`);
          await mkdir(OUTPUT_DIR, { recursive: true });
          await page.screenshot({ path: `${OUTPUT_DIR}playground-${width}.png`, fullPage: true });
        },
        { width, height: 900 },
      );
    }
  });
});
