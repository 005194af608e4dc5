// End-to-end tests of what the build makes of each page: real HTML (readable with JavaScript
// off), hydrated by the app's wasm, and the exploration parts in a chunk loaded after the first
// advice, with a clear message and a retry when that chunk cannot be fetched. Also the widget's
// view, shown before its app has arrived.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { newPage, waitForAnswers } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';

const BEST = '[data-testid="best-option"]';
const ADVISORS_DIR = fileURLToPath(new URL('../../advisors/', import.meta.url));
const site = useSite();

/** `default = <n>` of `[inputs.trips_per_week]` in RET's definition, as written. */
function retDefaultTrips() {
  const text = readFileSync(`${ADVISORS_DIR}ret/definition.toml`, 'utf8');
  const section = text.slice(text.indexOf('[inputs.trips_per_week]'));
  return /^default\s*=\s*(\d+)/m.exec(section)[1];
}

describe('pages made at build time', () => {
  test('with JavaScript off, /ret/ shows the title, the questions with their defaults and the default advice with its reason', async () => {
    for (const [path, title, reason] of [
      ['ret/', 'Welk RET-reisproduct past bij mij?', /Waarom/],
      ['ret/en/', 'Which RET travel product suits me?', /Why/],
    ]) {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${site.server.url}${path}`);
        assert.equal(await page.title(), title);
        assert.equal(await page.locator('h1').textContent(), title);
        assert.equal(await page.locator('#input-trips_per_week').inputValue(), retDefaultTrips());
        assert.equal(await page.locator('#input-trips_per_week-number').inputValue(), retDefaultTrips());
        assert.ok(await page.locator('input[type=radio][checked]').count() >= 2, 'the choices show their defaults');
        const best = (await page.locator(BEST).textContent()).trim();
        assert.ok(best.length > 3, `an advice: ${best}`);
        const why = await page.locator('#advice').textContent();
        assert.match(why, reason, 'the advice says why');
        assert.ok((await page.locator('[data-testid="option-row"]').count()) >= 3, 'the options are listed');
        assert.ok(await page.locator('noscript').count(), 'a note that answers need JavaScript');
        const description = await page.locator('meta[name="description"]').getAttribute('content');
        assert.ok(description.length > 20, description);
      } finally {
        await context.close();
      }
    }
  });

  test('the page is taken over, not built again: the same elements answer, and the exploration parts arrive after the advice', async () => {
    const { context, page, errors } = await newPage(site.browser);
    try {
      const order = [];
      page.on('request', (r) => {
        const name = r.url().split('/').pop();
        if (name.endsWith('.wasm')) order.push(name);
      });
      await page.goto(`${site.server.url}ret/`);
      const marked = await page.evaluate(() => {
        window.__h1 = document.querySelector('h1');
        return document.querySelector('#adv-app .adv-root').hasAttribute('data-adv-ready');
      });
      assert.ok(marked);
      await page.locator('#compare').waitFor({ timeout: 20_000 });
      assert.deepEqual(order, ['adviesmodule_bg.wasm', 'split_explore.wasm']);
      await page.locator('#input-trips_per_week-number').fill('14');
      await page.locator('#input-trips_per_week-number').press('Tab');
      await page.waitForFunction((s) => document.querySelector(s).textContent === 'RET maandabonnement', BEST);
      assert.ok(await page.evaluate(() => window.__h1 === document.querySelector('h1')), 'hydrated, not replaced');
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('when the exploration chunk cannot be fetched, that part says so and tries again; the advice keeps working', async () => {
    const { context, page, errors } = await newPage(site.browser);
    try {
      let fail = true;
      await page.route('**/split_explore.wasm', (route) => (fail ? route.fulfill({ status: 404, body: 'gone' }) : route.fallback()));
      await page.goto(`${site.server.url}ret/`);
      const notice = page.locator('[data-testid="chunk-failed"]');
      await notice.waitFor({ timeout: 20_000 });
      assert.match(await notice.textContent(), /kon niet laden/);
      assert.equal(await notice.getAttribute('role'), 'alert');
      // The advice above still follows the answers.
      await page.locator('#input-trips_per_week-number').fill('14');
      await page.locator('#input-trips_per_week-number').press('Tab');
      await page.waitForFunction((s) => document.querySelector(s).textContent === 'RET maandabonnement', BEST);
      // The summary says it too, with a way back.
      await page.locator('#talk-to-someone').click();
      await page.locator('[data-testid="chunk-failed"] button:has-text("Terug")').click();
      // The network is back: one press loads the parts.
      fail = false;
      await page.locator('[data-testid="chunk-retry"]').click();
      await page.locator('#compare').waitFor({ timeout: 20_000 });
      assert.equal(await notice.count(), 0);
      // Only the failed fetch itself was logged, by the browser and the chunk loader.
      const other = errors.filter((e) => !/split_explore\.wasm|HTTP status code is not ok|404/.test(e));
      assert.deepEqual(other, [], other.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('the widget shows the advice from the view the build made, before its app has arrived, then takes it over', async () => {
    const { context, page, errors } = await newPage(site.browser);
    try {
      let release;
      const held = new Promise((ok) => (release = ok));
      await page.route('**/adviesmodule_bg.wasm', async (route) => {
        await held;
        await route.fallback();
      });
      await page.gotoOnly(`${site.server.url}embed/demo/gemeente.html`, { waitUntil: 'domcontentloaded' });
      const best = page.locator('#widget-nl [data-testid="best-option"]');
      await best.waitFor({ timeout: 20_000 });
      assert.ok((await best.textContent()).trim().length > 3);
      assert.equal(
        await page.evaluate(() => document.querySelector('#widget-nl').shadowRoot.querySelector('.adv-host').getAttribute('aria-busy')),
        'true',
        'marked busy until the app takes over',
      );
      release();
      await waitForAnswers(page);
      const input = page.locator('#widget-nl #input-trips_per_week-number');
      await input.fill('14');
      await input.press('Tab');
      await page.waitForFunction(
        () => document.querySelector('#widget-nl').shadowRoot.querySelector('[data-testid="best-option"]').textContent === 'RET maandabonnement',
      );
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  });

  test('every advisor has a page in both languages, each with its own title', async () => {
    const ids = readdirSync(ADVISORS_DIR).filter((n) => !n.startsWith('_') && !n.startsWith('.'));
    for (const id of ids) {
      for (const lang of ['', 'en/']) {
        const { context, page, errors } = await newPage(site.browser);
        try {
          await page.goto(`${site.server.url}${id}/${lang}`);
          const title = await page.title();
          assert.equal(title, (await page.locator('h1').textContent()).trim(), `${id}/${lang}`);
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang ? 'en' : 'nl');
          assert.deepEqual(errors, [], errors.join('\n'));
        } finally {
          await context.close();
        }
      }
    }
  });
});
